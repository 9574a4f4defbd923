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
