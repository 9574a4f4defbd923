//! The recording path. The handler never waits on the database: it hands each fetch to a
//! bounded queue, and one writer task drains the queue in batches, classifies them with what
//! Postgres knows about each tracker, and writes opens and alerts in one transaction.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel_async::AsyncConnection;
use ipnet::IpNet;
use mailping_shared::classifier::{self, Fetch, Origin, TrackerContext, Verdict};
use mailping_shared::db::{self, Pool};
use mailping_shared::domain::{OpenKind, Token};
use mailping_shared::errors::DbError;
use mailping_shared::models::alert::{self, QueuedAlert};
use mailping_shared::models::open::{self, NewOpen, PixelTracker};
use mailping_shared::models::reminder;
use metrics::{Counter, Gauge, Histogram};
use tokio::sync::{mpsc, watch};

/// A pixel fetch waiting to be written. Holds no raw address: only the truncated network,
/// and what the edge found of the full one.
#[derive(Debug, Clone)]
pub struct PendingFetch {
    pub token: Token,
    pub at: DateTime<Utc>,
    pub user_agent: Option<Box<str>>,
    pub network: IpNet,
    pub origin: Origin,
}

/// The handler's end of the queue.
#[derive(Clone)]
pub struct Recorder {
    tx: mpsc::Sender<PendingFetch>,
    /// Whether the writer's last write succeeded: the database is up.
    writing: watch::Receiver<bool>,
    dropped: Counter,
    depth: Gauge,
    waited: Counter,
}

impl Recorder {
    /// Queues a fetch. While the database is up and the buffer is full, the writer is merely
    /// behind: the handler waits for room (backpressure), so no open is lost. While the
    /// database is down, nothing would make room, so the fetch is dropped, logged and counted
    /// at once and the image is still served without delay.
    pub async fn record(&self, fetch: PendingFetch) {
        let permit = match self.tx.try_reserve() {
            Ok(permit) => Ok(permit),
            Err(mpsc::error::TrySendError::Full(())) => {
                self.waited.increment(1);
                let mut writing = self.writing.clone();
                tokio::select! {
                    permit = self.tx.reserve() => permit.map_err(|_| "recorder stopped"),
                    _ = writing.wait_for(|up| !*up) => Err("database down and open buffer full"),
                }
            }
            Err(mpsc::error::TrySendError::Closed(())) => Err("recorder stopped"),
        };
        match permit {
            Ok(permit) => {
                permit.send(fetch);
                self.depth.increment(1.0);
            }
            Err(why) => {
                self.dropped.increment(1);
                tracing::error!(why, "dropping an open");
            }
        }
    }
}

/// How the writer classifies and batches.
#[derive(Debug, Clone)]
pub struct WriterSettings {
    pub batch_max: usize,
    pub dedup_window: Duration,
    pub self_grace: Duration,
    /// On shutdown, give up on an unreachable database after this long.
    pub shutdown_flush: Duration,
}

/// The writer's end of the queue: the fetches, and where it says whether writes succeed.
pub struct Queue {
    rx: mpsc::Receiver<PendingFetch>,
    writing: watch::Sender<bool>,
}

impl Queue {
    /// Takes a queued fetch without waiting; what a benchmark without a writer drains with.
    pub fn try_recv(&mut self) -> Result<PendingFetch, mpsc::error::TryRecvError> {
        self.rx.try_recv()
    }
}

/// Creates the queue: the handler's `Recorder` and the writer's `Queue`.
pub fn channel(capacity: usize) -> (Recorder, Queue) {
    let (tx, rx) = mpsc::channel(capacity);
    // Until a write fails, the database counts as up.
    let (writing, writing_rx) = watch::channel(true);
    let recorder = Recorder {
        tx,
        writing: writing_rx,
        dropped: metrics::counter!("mailping_opens_dropped_total"),
        depth: metrics::gauge!("mailping_queue_depth"),
        waited: metrics::counter!("mailping_backpressure_waits_total"),
    };
    (recorder, Queue { rx, writing })
}

struct WriterMetrics {
    depth: Gauge,
    batch_size: Histogram,
    write_errors: Counter,
    dropped: Counter,
}

/// Drains the queue until every `Recorder` is gone and the queue is empty, retrying failed
/// batches with backoff so that a database outage delays opens instead of losing them.
pub async fn run_writer(pool: Pool, queue: Queue, settings: WriterSettings) {
    let Queue { mut rx, writing } = queue;
    let m = WriterMetrics {
        depth: metrics::gauge!("mailping_queue_depth"),
        batch_size: metrics::histogram!("mailping_write_batch_size"),
        write_errors: metrics::counter!("mailping_write_errors_total"),
        dropped: metrics::counter!("mailping_opens_dropped_total"),
    };
    let mut batch = Vec::with_capacity(settings.batch_max);
    loop {
        if rx.recv_many(&mut batch, settings.batch_max).await == 0 {
            break;
        }
        m.depth.decrement(batch.len() as f64);
        m.batch_size.record(batch.len() as f64);
        let mut backoff = Duration::from_millis(50);
        let mut failing_since: Option<tokio::time::Instant> = None;
        loop {
            match write_batch(&pool, &batch, &settings).await {
                Ok(()) => {
                    writing.send_if_modified(|up| !std::mem::replace(up, true));
                    break;
                }
                Err(e) => {
                    m.write_errors.increment(1);
                    // Handlers waiting for room stop waiting: nothing makes room until the
                    // database is back, and the image must not wait for that.
                    writing.send_if_modified(|up| std::mem::replace(up, false));
                    let since = *failing_since.get_or_insert_with(tokio::time::Instant::now);
                    // While serving, keep trying forever; once shutting down, give up after
                    // the flush deadline rather than hang the process.
                    if rx.is_closed() && since.elapsed() >= settings.shutdown_flush {
                        let lost = batch.len() + rx.len();
                        m.dropped.increment(lost as u64);
                        tracing::error!(error = %e, lost, "giving up on unwritten opens at shutdown");
                        return;
                    }
                    tracing::warn!(error = %e, batch = batch.len(), retry_in = ?backoff, "writing opens failed; will retry");
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(Duration::from_secs(2));
                }
            }
        }
        batch.clear();
    }
    tracing::info!("open writer drained its queue");
}

/// Key for dedup: the same tracker, network and user agent.
type ClientKey<'a> = (i64, Option<IpNet>, Option<&'a str>);

#[tracing::instrument(skip_all, fields(batch = batch.len()))]
async fn write_batch(
    pool: &Pool,
    batch: &[PendingFetch],
    settings: &WriterSettings,
) -> Result<(), DbError> {
    let mut conn = pool.get().await?;
    let mut tokens: Vec<Token> = batch.iter().map(|f| f.token).collect();
    tokens.sort_unstable();
    tokens.dedup();
    let trackers: HashMap<Token, PixelTracker> = open::pixel_trackers(&mut conn, &tokens)
        .await?
        .into_iter()
        .map(|t| (t.token, t))
        .collect();
    if trackers.is_empty() {
        return Ok(());
    }
    let earliest = batch.iter().map(|f| f.at).min().unwrap_or_else(Utc::now);
    let window =
        chrono::Duration::from_std(settings.dedup_window).unwrap_or(chrono::Duration::zero());
    let mut tracker_ids: Vec<i64> = trackers.values().map(|t| t.id).collect();
    tracker_ids.sort_unstable();
    let by_id: HashMap<i64, &PixelTracker> = trackers.values().map(|t| (t.id, t)).collect();
    let kinds = conn
        .transaction(async |conn| {
            // Writers of several replicas take the batch's trackers in the same order, so each
            // classifies against the other's committed opens and a repeat is never a read twice.
            open::lock_trackers(conn, &tracker_ids).await?;
            let recent =
                open::recent_clients(conn, &client_keys(batch, &trackers), earliest - window)
                    .await?;
            let (opens, kinds) = classify_batch(batch, &trackers, &recent, window, settings);
            let ids = open::insert_batch(conn, &opens).await?;
            let mut read: Vec<i64> = kinds
                .iter()
                .filter(|(_, kind)| kind.counts_as_read())
                .map(|(tracker_id, _)| *tracker_id)
                .collect();
            read.sort_unstable();
            read.dedup();
            let reminders_cancelled: HashSet<i64> = reminder::cancel_for_reads(conn, &read)
                .await?
                .into_iter()
                .collect();
            let alerts = coalesce_alerts(
                ids.iter().copied().zip(kinds.iter().copied()),
                &by_id,
                &reminders_cancelled,
            );
            if alert::queue(conn, &alerts).await? > 0 {
                db::notify_alerts(conn).await?;
            }
            Ok::<_, diesel::result::Error>(kinds)
        })
        .await?;
    // Counted once committed, so a retried batch is not counted twice.
    for (_, kind) in &kinds {
        metrics::counter!("mailping_opens_total", "kind" => kind.as_str()).increment(1);
    }
    Ok(())
}

/// The batch's distinct clients of known trackers, as the arrays `recent_clients` takes.
fn client_keys(
    batch: &[PendingFetch],
    trackers: &HashMap<Token, PixelTracker>,
) -> open::ClientKeys {
    let mut seen = std::collections::HashSet::new();
    let mut keys: open::ClientKeys = Default::default();
    for fetch in batch {
        let Some(tracker) = trackers.get(&fetch.token) else {
            continue;
        };
        let ua = fetch.user_agent.as_deref().map(open::truncate_user_agent);
        if seen.insert((tracker.id, fetch.network, ua)) {
            keys.0.push(tracker.id);
            keys.1.push(Some(fetch.network));
            keys.2.push(ua.map(str::to_owned));
        }
    }
    keys
}

/// Classifies a batch against the trackers and the clients seen recently, returning the opens
/// to write and, for each, its tracker and kind.
fn classify_batch(
    batch: &[PendingFetch],
    trackers: &HashMap<Token, PixelTracker>,
    recent: &[open::RecentClient],
    window: chrono::Duration,
    settings: &WriterSettings,
) -> (Vec<NewOpen>, Vec<(i64, OpenKind)>) {
    let mut last_seen: HashMap<ClientKey<'_>, DateTime<Utc>> = HashMap::new();
    for r in recent {
        let key = (r.tracker_id, r.network, r.user_agent.as_deref());
        let at = last_seen.entry(key).or_insert(r.opened_at);
        *at = (*at).max(r.opened_at);
    }
    let mut opens = Vec::with_capacity(batch.len());
    let mut kinds = Vec::with_capacity(batch.len());
    for fetch in batch {
        let Some(tracker) = trackers.get(&fetch.token) else {
            continue;
        };
        let ua = fetch.user_agent.as_deref().map(open::truncate_user_agent);
        let key = (tracker.id, Some(fetch.network), ua);
        // Either order: a replica may commit a fetch stamped a moment after this one.
        let seen_recently = last_seen
            .get(&key)
            .is_some_and(|at| (fetch.at - *at).abs() < window);
        let Verdict {
            kind,
            client,
            reason,
        } = classifier::verdict(
            &Fetch {
                user_agent: fetch.user_agent.as_deref(),
                network: Some(fetch.network),
                origin: fetch.origin,
            },
            &TrackerContext {
                age: (fetch.at - tracker.created_at)
                    .to_std()
                    .unwrap_or(Duration::ZERO),
                self_grace: settings.self_grace,
                owner_networks: &tracker.owner_networks,
                seen_recently,
            },
        );
        if kind.deduplicated() {
            let at = last_seen.entry(key).or_insert(fetch.at);
            *at = (*at).max(fetch.at);
        }
        kinds.push((tracker.id, kind));
        opens.push(NewOpen {
            tracker_id: tracker.id,
            opened_at: fetch.at,
            kind,
            reason,
            client: client.to_owned(),
            network: Some(fetch.network),
            user_agent: ua.map(str::to_owned),
        });
    }
    (opens, kinds)
}

/// One alert per tracker for a batch: every read counts, and a tracker's first Apple prefetch
/// alerts once. Muted trackers and chats that refuse messages get none.
fn coalesce_alerts(
    opens: impl Iterator<Item = (i64, (i64, OpenKind))>,
    trackers: &HashMap<i64, &PixelTracker>,
    reminders_cancelled: &HashSet<i64>,
) -> Vec<QueuedAlert> {
    let mut per_tracker: HashMap<i64, QueuedAlert> = HashMap::new();
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
            entry.reminder_cancelled = reminders_cancelled.contains(&tracker_id);
            if entry.apple_prefetch {
                entry.apple_prefetch = false;
                entry.open_count = 0;
            }
            entry.open_id = open_id;
            entry.open_count += 1;
        } else if kind == OpenKind::AppleMpp && !tracker.had_apple_prefetch {
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
    use super::*;

    fn tracker(id: i64, silent: bool, had_apple: bool) -> PixelTracker {
        PixelTracker {
            token: Token::generate(),
            id,
            created_at: Utc::now(),
            silent,
            had_apple_prefetch: had_apple,
            owner_networks: vec![],
        }
    }

    #[test]
    fn reads_coalesce_into_one_alert_per_tracker() {
        let (a, b) = (tracker(1, false, false), tracker(2, false, false));
        let map = HashMap::from([(1, &a), (2, &b)]);
        let opens = vec![
            (10, (1, OpenKind::AppleMpp)),
            (11, (1, OpenKind::Direct)),
            (12, (1, OpenKind::GmailProxy)),
            (13, (2, OpenKind::Scanner)),
            (14, (2, OpenKind::Duplicate)),
        ];
        let alerts = coalesce_alerts(opens.into_iter(), &map, &HashSet::from([1, 2]));
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
        let (a, b, c) = (
            tracker(1, false, false),
            tracker(2, false, true),
            tracker(3, true, false),
        );
        let map = HashMap::from([(1, &a), (2, &b), (3, &c)]);
        let opens = vec![
            (1, (1, OpenKind::AppleMpp)),
            (2, (1, OpenKind::AppleMpp)),
            (3, (2, OpenKind::AppleMpp)),
            (4, (3, OpenKind::Direct)),
        ];
        let alerts = coalesce_alerts(opens.into_iter(), &map, &HashSet::new());
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
