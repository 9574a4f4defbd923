//! The writer loop: drains the queue in batches, retries the database with a backoff, spills
//! what it cannot write and replays the spill directory, oldest first, once it can. It hands
//! each batch to `transaction::write_batch` and does not classify or write opens itself.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use mailping_shared::classifier::Origin;
use mailping_shared::db::Pool;
use mailping_shared::domain::Token;
use mailping_shared::errors::DbError;
use mailping_shared::models::open::PixelTracker;
use metrics::{Counter, Gauge, Histogram};
use tokio::sync::{Semaphore, mpsc, watch};
use tokio::time::Instant;
use uuid::Uuid;

use super::classify::classify_batch;
use super::memory::{StrictKnown, client_keys};
use super::queue::Queue;
use super::settings::WriterSettings;
use super::transaction::write_batch;
use crate::fetch::{FastMap, PendingFetch, no_network};
use crate::recent_clients::RecentClients;
use crate::spill::{self, Spill};
use crate::tracker_cache::TrackerCache;

/// Opens appended to the spill file between two fsyncs: what a crash during an outage can
/// lose at most, besides what is still queued in memory.
pub const SPILL_GROUP: usize = 256;

/// Opens the writer gave up on at shutdown: neither the database nor the spill directory
/// took them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("gave up on {0} unwritten opens at shutdown")]
pub struct Lost(pub usize);

struct WriterMetrics {
    depth: Gauge,
    queued_bytes: Gauge,
    batch_size: Histogram,
    write_errors: Counter,
    dropped: Counter,
    spilled: Counter,
    replayed: Counter,
    spill_bytes: Gauge,
}

/// Retries of the database with a doubling delay, from 50 ms up to 2 s.
struct Backoff {
    delay: Duration,
    next: Instant,
}

impl Backoff {
    const FIRST: Duration = Duration::from_millis(50);

    fn new() -> Backoff {
        Backoff {
            delay: Backoff::FIRST,
            next: Instant::now(),
        }
    }

    fn reset(&mut self) {
        self.delay = Backoff::FIRST;
        self.next = Instant::now();
    }

    fn wait_longer(&mut self) {
        self.next = Instant::now() + self.delay;
        self.delay = (self.delay * 2).min(Duration::from_secs(2));
    }

    fn due(&self) -> bool {
        Instant::now() >= self.next
    }
}

/// The writer task's state.
struct Writer {
    pool: Pool,
    cache: TrackerCache,
    recent: RecentClients,
    /// The strict trackers of recent batches, as last loaded. While the database is down the
    /// cache forgets everything, and a fetch of one of these is classified with what was last
    /// known of its tracker before it goes to the spill file, so that the file holds no
    /// network or User-Agent of a strict chat. A tracker whose mode is not known then (the
    /// writer has not seen it since it started) is spilled as it came, and stripped when it is
    /// replayed. Each entry is refreshed at most once per `tracker_cache::TTL`.
    strict_known: StrictKnown,
    settings: WriterSettings,
    spill: Spill,
    writing: watch::Sender<bool>,
    bytes: Arc<Semaphore>,
    m: WriterMetrics,
}

/// Drains the queue until every `Recorder` is gone and the queue is empty. While the
/// database cannot take a batch, it goes to the spill directory, which is replayed, oldest
/// first, as soon as the database answers again, before anything newer is written. Only if
/// the spill directory fails too (full, or a disk error) does the writer hold a batch in
/// memory and retry, as the queue waits behind it; at shutdown it gives up on such opens
/// after `shutdown_flush` and returns how many it lost. Opens left on disk at shutdown are
/// not lost: the next start replays them.
pub async fn run_writer(
    pool: Pool,
    queue: Queue,
    settings: WriterSettings,
    spill: Spill,
) -> Result<(), Lost> {
    let Queue {
        mut rx,
        bytes,
        writing,
    } = queue;
    let mut w = Writer {
        cache: TrackerCache::listening(pool.clone()),
        recent: RecentClients::new(settings.window()),
        strict_known: FastMap::default(),
        pool,
        spill,
        writing,
        bytes,
        m: WriterMetrics {
            depth: metrics::gauge!("mailping_queue_depth"),
            queued_bytes: metrics::gauge!("mailping_queue_bytes"),
            batch_size: metrics::histogram!("mailping_write_batch_size"),
            write_errors: metrics::counter!("mailping_write_errors_total"),
            dropped: metrics::counter!("mailping_opens_dropped_total"),
            spilled: metrics::counter!("mailping_opens_spilled_total"),
            replayed: metrics::counter!("mailping_opens_replayed_total"),
            spill_bytes: metrics::gauge!("mailping_spill_bytes"),
        },
        settings,
    };
    w.m.spill_bytes.set(w.spill.bytes() as f64);
    if !w.spill.is_empty() {
        tracing::info!(
            bytes = w.spill.bytes(),
            "opens spilled by an earlier run will be replayed"
        );
    }
    let batch_max = w.settings.batch_max;
    let mut batch = Vec::with_capacity(batch_max);
    let mut retry = Backoff::new();
    let mut linger_until: Option<Instant> = None;
    loop {
        if !w.spill.is_empty() && retry.due() {
            match w.replay_chunk().await {
                Ok(()) => retry.reset(),
                Err(e) => {
                    w.failed(&e, 0);
                    retry.wait_longer();
                }
            }
        }
        let got = if w.spill.is_empty() {
            // Under a steady stream, let the next batch fill for the rest of the linger: a
            // batch of 300 opens cost Postgres nearly twice as much per open as one of 2,000.
            // After a quiet spell the deadline has passed and the first open goes at once.
            if let Some(at) = linger_until.take()
                && rx.len() < batch_max
            {
                tokio::time::sleep_until(at).await;
            }
            rx.recv_many(&mut batch, batch_max).await
        } else {
            // Wake up for the next replay attempt; what is queued meanwhile goes to disk
            // behind the older opens, in small groups.
            let until = retry.next.saturating_duration_since(Instant::now());
            match tokio::time::timeout(until, rx.recv_many(&mut batch, SPILL_GROUP)).await {
                Ok(got) => got,
                Err(_) => continue,
            }
        };
        if got == 0 {
            break;
        }
        w.m.batch_size.record(got as f64);
        if got < batch_max {
            linger_until = Some(Instant::now() + w.settings.linger);
        }
        let taken = w.take(&batch, &rx).await;
        w.release(&batch);
        batch.clear();
        if let Err(lost) = taken {
            let left = rx.len();
            w.m.dropped.increment(left as u64);
            return Err(Lost(lost.0 + left));
        }
    }
    // Stopping: the queue is empty. What is on disk goes to the database if it takes it now;
    // otherwise it stays for the next start.
    while !w.spill.is_empty() {
        if let Err(e) = w.replay_chunk().await {
            tracing::warn!(error = %e, bytes = w.spill.bytes(), "spilled opens stay on disk until the next start");
            break;
        }
    }
    tracing::info!("open writer drained its queue");
    Ok(())
}

impl Writer {
    /// Writes a batch, with the offset of its spill file if it is replayed from one, in
    /// INSERT statements of at most `chunk` opens.
    async fn write(
        &mut self,
        batch: &[PendingFetch],
        mark: Option<(Uuid, u64)>,
        chunk: usize,
    ) -> Result<(), DbError> {
        let written = write_batch(
            &self.pool,
            &mut self.cache,
            &mut self.recent,
            &mut self.strict_known,
            batch,
            &self.settings,
            mark,
            chunk,
        )
        .await;
        if written.is_err() {
            // Whatever failed the batch, what is remembered may be part of it: reload it all.
            self.cache.clear();
        }
        written
    }

    fn up(&self) {
        self.writing
            .send_if_modified(|up| !std::mem::replace(up, true));
    }

    /// A write failed: handlers waiting for room stop waiting, since nothing makes room
    /// until the database is back, and the image must not wait for that.
    fn failed(&self, e: &dyn std::fmt::Display, batch: usize) {
        self.m.write_errors.increment(1);
        self.writing
            .send_if_modified(|up| std::mem::replace(up, false));
        tracing::warn!(error = %e, batch, "writing opens failed");
    }

    /// Gives the bytes of a handled batch back to the queue.
    fn release(&self, batch: &[PendingFetch]) {
        let bytes: usize = batch.iter().map(|f| f.queued_bytes() as usize).sum();
        self.bytes.add_permits(bytes);
        self.m.depth.decrement(batch.len() as f64);
        self.m.queued_bytes.decrement(bytes as f64);
    }

    /// Writes a batch from the queue, or spills it.
    async fn take(
        &mut self,
        batch: &[PendingFetch],
        rx: &mpsc::Receiver<PendingFetch>,
    ) -> Result<(), Lost> {
        if self.spill.is_empty() {
            let chunk = insert_chunk(rx.len(), self.settings.batch_max);
            match self.write(batch, None, chunk).await {
                Ok(()) => {
                    self.up();
                    return Ok(());
                }
                Err(e) => self.failed(&e, batch.len()),
            }
        }
        let stripped = self.classify_strict(batch);
        let mut rest = stripped.as_deref().unwrap_or(batch);
        while !rest.is_empty() {
            let group = &rest[..rest.len().min(SPILL_GROUP)];
            match self.spill.append(group) {
                Ok(()) => {
                    self.m.spilled.increment(group.len() as u64);
                    self.m.spill_bytes.set(self.spill.bytes() as f64);
                    rest = &rest[group.len()..];
                }
                Err(e) => {
                    tracing::error!(error = %e, opens = rest.len(), "cannot spill opens to disk; holding them in memory");
                    return self.hold(rest, rx).await;
                }
            }
        }
        Ok(())
    }

    /// Retries a batch that neither the database nor the spill directory took, holding the
    /// queue behind it. While serving, forever; once stopping, until `shutdown_flush`.
    async fn hold(
        &mut self,
        batch: &[PendingFetch],
        rx: &mpsc::Receiver<PendingFetch>,
    ) -> Result<(), Lost> {
        let mut backoff = Backoff::new();
        let since = Instant::now();
        loop {
            backoff.wait_longer();
            tokio::time::sleep_until(backoff.next).await;
            match self.write(batch, None, batch.len()).await {
                Ok(()) => {
                    self.up();
                    return Ok(());
                }
                Err(e) => self.failed(&e, batch.len()),
            }
            let stripped = self.classify_strict(batch);
            if self
                .spill
                .append(stripped.as_deref().unwrap_or(batch))
                .is_ok()
            {
                self.m.spilled.increment(batch.len() as u64);
                return Ok(());
            }
            if rx.is_closed() && since.elapsed() >= self.settings.shutdown_flush {
                self.m.dropped.increment(batch.len() as u64);
                tracing::error!(
                    lost = batch.len() + rx.len(),
                    "giving up on unwritten opens at shutdown"
                );
                return Err(Lost(batch.len()));
            }
        }
    }

    /// The batch with the fetches of strict trackers classified and stripped of network and
    /// User-Agent, as they must be before they go to disk; `None` if it holds none.
    fn classify_strict(&self, batch: &[PendingFetch]) -> Option<Vec<PendingFetch>> {
        let strict =
            |f: &PendingFetch| f.verdict.is_none() && self.strict_known.contains_key(&f.token);
        if !batch.iter().any(strict) {
            return None;
        }
        // Only while the database is down: a copy of the batch's strict trackers.
        let known: FastMap<Token, PixelTracker> = batch
            .iter()
            .filter_map(|f| {
                self.strict_known
                    .get(&f.token)
                    .map(|(t, _)| (f.token, t.clone()))
            })
            .collect();
        let since =
            batch.iter().map(|f| f.at).min().unwrap_or_else(Utc::now) - self.settings.window();
        let (_, seen) = client_keys(
            batch,
            &known,
            &self.recent,
            since,
            self.settings.privacy_default,
        );
        let classified = classify_batch(batch, &known, &seen, &self.recent, &self.settings);
        let mut opens = classified.opens.into_iter();
        let mut out = Vec::with_capacity(batch.len());
        for fetch in batch {
            if !known.contains_key(&fetch.token) {
                out.push(fetch.clone());
                continue;
            }
            let Some(open) = opens.next() else {
                out.push(fetch.clone());
                continue;
            };
            out.push(PendingFetch {
                token: fetch.token,
                at: fetch.at,
                user_agent: None,
                network: no_network(),
                origin: Origin::Unlisted,
                verdict: Some((open.kind, open.reason)),
            });
        }
        Some(out)
    }

    /// Writes the next chunk of the oldest spill file, with its offset in the same
    /// transaction.
    async fn replay_chunk(&mut self) -> Result<(), DbError> {
        if let Some(file) = self.spill.next_file()
            && file.needs_offset()
        {
            let mut conn = self.pool.get().await?;
            let to = spill::replayed_to(&mut conn, file.id).await?;
            file.set_offset(to);
        }
        let chunk = match self.spill.read_chunk(self.settings.batch_max) {
            Ok(Some(chunk)) => chunk,
            Ok(None) => return Ok(()),
            Err(e) => {
                // A file that cannot be read would stop every later write: set it aside.
                tracing::error!(error = %e, "setting aside a spill file that cannot be read");
                self.spill.set_aside_oldest();
                return Ok(());
            }
        };
        let written = async {
            let fetches = {
                let mut conn = self.pool.get().await?;
                spill::not_yet_recorded(&mut conn, chunk.fetches.clone()).await?
            };
            self.write(&fetches, Some((chunk.file, chunk.end)), fetches.len())
                .await
        }
        .await;
        if let Err(e) = written {
            // The chunk's commit may have gone through before the error: read the offset
            // again before the next attempt rather than trust this one.
            if let Some(file) = self.spill.next_file() {
                file.forget_offset();
            }
            return Err(e);
        }
        self.up();
        self.m.replayed.increment(chunk.fetches.len() as u64);
        if let Err(e) = self.spill.replayed(&chunk) {
            tracing::error!(error = %e, "cannot delete a replayed spill file");
        }
        self.m.spill_bytes.set(self.spill.bytes() as f64);
        if self.spill.is_empty() {
            tracing::info!("every spilled open is written");
        }
        Ok(())
    }
}

/// Most opens one INSERT statement writes while the writer keeps up (`insert_chunk`).
pub const INSERT_CHUNK: usize = 100;

/// How many opens one INSERT statement writes, when `queued` more wait behind the batch and a
/// batch holds at most `batch_max`.
///
/// Postgres runs a statement without pausing: one INSERT of a 2,000-open batch held a core
/// for about 9 ms, and on two cores the requests and the load that were waiting for that core
/// waited for the scheduler's next tick, 4 ms, and more. Between two statements Postgres waits
/// for the next one and its core goes to whatever is ready. So while the writer keeps up (less
/// than a batch waits behind this one), a batch goes in statements of `INSERT_CHUNK` opens:
/// at half the zero-loss rate of bench/run, the open loop's p99 fell from 2.6-2.8 ms to
/// 1.7 ms. Once it is behind, the queue is what delays opens, not a core: each statement has
/// a cost of its own (statements of 250 opens cost 8 % more CPU per open at saturation), so
/// the batch goes in one.
fn insert_chunk(queued: usize, batch_max: usize) -> usize {
    if queued < batch_max {
        INSERT_CHUNK
    } else {
        batch_max
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_writer_that_keeps_up_inserts_in_small_statements_and_one_behind_in_one() {
        // Less than a batch waits behind this one: small statements.
        assert_eq!(insert_chunk(0, 2_000), INSERT_CHUNK);
        assert_eq!(insert_chunk(1_999, 2_000), INSERT_CHUNK);
        // A batch or more waits: the batch in one statement.
        assert_eq!(insert_chunk(2_000, 2_000), 2_000);
        assert_eq!(insert_chunk(90_000, 2_000), 2_000);
    }
}
