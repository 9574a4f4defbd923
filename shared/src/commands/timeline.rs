//! A tracker's timeline as `/opens n` shows it: consecutive opens of the same kind, client and
//! reason collapsed into one line. Pure: opens in, lines out.

use chrono::{DateTime, Utc};

use crate::domain::{OpenKind, Reason};

/// A line of a timeline: consecutive opens of the same kind, client and reason collapse
/// into one; an open whose verdict the owner reported as wrong keeps a line of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEntry {
    pub first: DateTime<Utc>,
    pub last: DateTime<Utc>,
    pub kind: OpenKind,
    pub client: String,
    pub reason: Reason,
    pub count: usize,
    /// The owner pressed "Wrong?" on this open's alert.
    pub reported: bool,
}

/// One open as the timeline reads it.
#[derive(Debug, Clone, Copy)]
pub struct TimelineOpen<'a> {
    pub at: DateTime<Utc>,
    pub kind: OpenKind,
    pub client: &'a str,
    pub reason: Reason,
    pub reported: bool,
}

/// Collapses opens (newest first) into entries (oldest first).
pub fn collapse<'a>(opens: impl Iterator<Item = TimelineOpen<'a>>) -> Vec<TimelineEntry> {
    let mut newest_first: Vec<TimelineEntry> = Vec::new();
    for o in opens {
        // A duplicate is a repeat of the line before it, whatever its recorded kind.
        if !o.reported
            && let Some(last) = newest_first.last_mut()
            && !last.reported
            && last.client == o.client
            && ((last.kind == o.kind && last.reason == o.reason)
                || o.kind == OpenKind::Duplicate
                || last.kind == OpenKind::Duplicate)
        {
            last.first = o.at;
            last.count += 1;
            if last.kind == OpenKind::Duplicate {
                last.kind = o.kind;
                last.reason = o.reason;
            }
            continue;
        }
        newest_first.push(TimelineEntry {
            first: o.at,
            last: o.at,
            kind: o.kind,
            client: o.client.to_owned(),
            reason: o.reason,
            count: 1,
            reported: o.reported,
        });
    }
    newest_first.reverse();
    newest_first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_collapse_into_ranges() {
        let t = |m: i64| DateTime::<Utc>::from_timestamp(1_700_000_000 + m * 60, 0).unwrap();
        let open = |at, kind, client, reason| TimelineOpen {
            at,
            kind,
            client,
            reason,
            reported: false,
        };
        let opens = vec![
            open(t(9), OpenKind::Direct, "Outlook", Reason::Agent),
            open(t(5), OpenKind::Duplicate, "Gmail", Reason::Dedup),
            open(t(4), OpenKind::GmailProxy, "Gmail", Reason::Agent),
            open(t(2), OpenKind::GmailProxy, "Gmail", Reason::Agent),
            open(t(0), OpenKind::AppleMpp, "Apple Mail", Reason::Agent),
        ];
        let entries = collapse(opens.into_iter());
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[0].kind, OpenKind::AppleMpp);
        assert_eq!(
            (
                entries[1].kind,
                entries[1].count,
                entries[1].first,
                entries[1].last
            ),
            (OpenKind::GmailProxy, 3, t(2), t(5))
        );
        assert_eq!(
            (entries[2].client.as_str(), entries[2].count),
            ("Outlook", 1)
        );
    }

    #[test]
    fn a_reported_open_and_another_reason_keep_lines_of_their_own() {
        let t = |m: i64| DateTime::<Utc>::from_timestamp(1_700_000_000 + m * 60, 0).unwrap();
        let open = |at, reason, reported| TimelineOpen {
            at,
            kind: OpenKind::Scanner,
            client: "Microsoft 365",
            reason,
            reported,
        };
        let entries = collapse(
            vec![
                open(t(4), Reason::NetworkScan, false),
                open(t(3), Reason::NetworkScan, true),
                open(t(2), Reason::NetworkScan, false),
                open(t(1), Reason::Agent, false),
                open(t(0), Reason::Agent, false),
            ]
            .into_iter(),
        );
        let lines: Vec<(Reason, usize, bool)> = entries
            .iter()
            .map(|e| (e.reason, e.count, e.reported))
            .collect();
        assert_eq!(
            lines,
            [
                (Reason::Agent, 2, false),
                (Reason::NetworkScan, 1, false),
                (Reason::NetworkScan, 1, true),
                (Reason::NetworkScan, 1, false),
            ]
        );
    }
}
