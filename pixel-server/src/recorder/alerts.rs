//! The alerts a batch queues: one per tracker, every read counted, a tracker's first Apple
//! prefetch once. Pure: the transaction asks Postgres what it needs and queues the result.

use mailping_shared::domain::OpenKind;
use mailping_shared::models::alert::QueuedAlert;
use mailping_shared::models::open::PixelTracker;

use crate::fetch::{FastMap, FastSet};

/// What the batch's transaction learned of its trackers before the alerts are queued.
pub(super) struct Earlier {
    /// Trackers whose pending reminder a read of this batch cancelled.
    pub(super) reminders_cancelled: FastSet<i64>,
    /// Trackers that had an Apple prefetch before this batch.
    pub(super) apple_prefetched: FastSet<i64>,
}

/// One alert per tracker for a batch: every read counts, and a tracker's first Apple prefetch
/// alerts once. Muted trackers and chats that refuse messages get none.
pub(super) fn coalesce_alerts(
    opens: impl Iterator<Item = (i64, (i64, OpenKind))>,
    trackers: &FastMap<i64, &PixelTracker>,
    earlier: &Earlier,
) -> Vec<QueuedAlert> {
    let mut per_tracker: FastMap<i64, QueuedAlert> = FastMap::default();
    for (open_id, (tracker_id, kind)) in opens {
        let Some(tracker) = trackers.get(&tracker_id) else {
            continue;
        };
        if tracker.silent {
            continue;
        }
        if kind.counts_as_read() {
            let entry = per_tracker.entry(tracker_id).or_insert(QueuedAlert {
                tracker_id,
                open_id,
                apple_prefetch: false,
                open_count: 0,
                reminder_cancelled: false,
            });
            entry.reminder_cancelled = earlier.reminders_cancelled.contains(&tracker_id);
            if entry.apple_prefetch {
                entry.apple_prefetch = false;
                entry.open_count = 0;
            }
            entry.open_id = open_id;
            entry.open_count += 1;
        } else if kind == OpenKind::AppleMpp && !earlier.apple_prefetched.contains(&tracker_id) {
            per_tracker.entry(tracker_id).or_insert(QueuedAlert {
                tracker_id,
                open_id,
                apple_prefetch: true,
                open_count: 1,
                reminder_cancelled: false,
            });
        }
    }
    per_tracker.into_values().collect()
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use mailping_shared::domain::Token;

    use super::*;

    fn tracker(id: i64, silent: bool) -> PixelTracker {
        PixelTracker {
            token: Token::generate(),
            id,
            account_id: 1,
            created_at: Utc::now(),
            silent,
            owner_networks: vec![],
            reported_networks: vec![],
            machine_agents: vec![],
            machine_networks: vec![],
            privacy: None,
        }
    }

    fn earlier(reminders_cancelled: &[i64], apple_prefetched: &[i64]) -> Earlier {
        Earlier {
            reminders_cancelled: reminders_cancelled.iter().copied().collect(),
            apple_prefetched: apple_prefetched.iter().copied().collect(),
        }
    }

    #[test]
    fn reads_coalesce_into_one_alert_per_tracker() {
        let (a, b) = (tracker(1, false), tracker(2, false));
        let map = FastMap::from_iter([(1, &a), (2, &b)]);
        let opens = vec![
            (10, (1, OpenKind::AppleMpp)),
            (11, (1, OpenKind::Direct)),
            (12, (1, OpenKind::GmailProxy)),
            (13, (2, OpenKind::Scanner)),
            (14, (2, OpenKind::Duplicate)),
        ];
        let alerts = coalesce_alerts(opens.into_iter(), &map, &earlier(&[1, 2], &[]));
        assert_eq!(
            alerts,
            vec![QueuedAlert {
                tracker_id: 1,
                open_id: 12,
                apple_prefetch: false,
                open_count: 2,
                reminder_cancelled: true,
            }]
        );
    }

    #[test]
    fn only_the_first_apple_prefetch_alerts_and_silent_trackers_never_do() {
        let (a, b, c) = (tracker(1, false), tracker(2, false), tracker(3, true));
        let map = FastMap::from_iter([(1, &a), (2, &b), (3, &c)]);
        let opens = vec![
            (1, (1, OpenKind::AppleMpp)),
            (2, (1, OpenKind::AppleMpp)),
            (3, (2, OpenKind::AppleMpp)),
            (4, (3, OpenKind::Direct)),
        ];
        let alerts = coalesce_alerts(opens.into_iter(), &map, &earlier(&[], &[2]));
        assert_eq!(
            alerts,
            vec![QueuedAlert {
                tracker_id: 1,
                open_id: 1,
                apple_prefetch: true,
                open_count: 1,
                reminder_cancelled: false,
            }]
        );
    }
}
