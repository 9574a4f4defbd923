//! The recording path. The handler never waits on the database: it hands each fetch to a
//! bounded queue, and one writer (on a thread of its own, see `app::spawn_writer`) drains the
//! queue in batches, classifies them with what Postgres knows about each tracker, and writes
//! opens and alerts in one transaction. Under a steady stream a batch starts at most every
//! `WRITE_LINGER_MS`, so batches are fuller. While
//! the database cannot take them, the writer appends them to the spill directory instead
//! (see `spill`), and replays them once it can.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel_async::AsyncConnection;
use ipnet::IpNet;
use mailping_shared::classifier::{self, Fetch, Origin, TrackerContext, Verdict};
use mailping_shared::db::{self, Pool};
use mailping_shared::domain::{OpenKind, PrivacyMode, Reason, Token};
use mailping_shared::errors::DbError;
use mailping_shared::models::alert::{self, QueuedAlert};
use mailping_shared::models::open::{self, NewOpen, PixelTracker};
use mailping_shared::models::reminder;
use metrics::{Counter, Gauge, Histogram};
use tokio::sync::{Semaphore, mpsc, watch};
use tokio::time::Instant;
use uuid::Uuid;

pub use crate::fetch::{FastMap, FastSet, PendingFetch, no_network};

use crate::recent_clients::RecentClients;
use crate::spill::{self, Spill};
use crate::tracker_cache::TrackerCache;

/// Opens appended to the spill file between two fsyncs: what a crash during an outage can
/// lose at most, besides what is still queued in memory.
pub const SPILL_GROUP: usize = 256;

/// The handler's end of the queue.
#[derive(Clone)]
pub struct Recorder {
    tx: mpsc::Sender<PendingFetch>,
    /// Room left in the queue, in bytes; the writer gives it back once a fetch is written,
    /// spilled or given up.
    bytes: Arc<Semaphore>,
    /// Whether the writer's last write succeeded: the database is up.
    writing: watch::Receiver<bool>,
    dropped: Counter,
    depth: Gauge,
    queued_bytes: Gauge,
    waited: Counter,
}

impl Recorder {
    /// Queues a fetch. While the database is up and the buffer is full (in entries or in
    /// bytes), the writer is merely behind: the handler waits for room (backpressure), so no
    /// open is lost. While the database is down, nothing would make room, so the fetch is
    /// dropped, logged and counted at once and the image is still served without delay.
    ///
    /// A wait runs in a task of its own: a client that gives up while its request waits (its
    /// connection closes and hyper drops the handler) has still fetched the image, and its
    /// fetch is queued all the same.
    pub async fn record(&self, fetch: PendingFetch) {
        let fetch = match self.try_queue(fetch) {
            Ok(()) => return,
            Err(fetch) => fetch,
        };
        self.waited.increment(1);
        let recorder = self.clone();
        let waiting = tokio::spawn(async move { recorder.queue_when_room(fetch).await });
        if let Err(e) = waiting.await {
            tracing::error!(error = %e, "queueing an open failed");
        }
    }

    /// Queues the fetch if there is room now; hands it back if there is not.
    fn try_queue(&self, fetch: PendingFetch) -> Result<(), PendingFetch> {
        let size = fetch.queued_bytes();
        let Ok(room) = self.bytes.try_acquire_many(size) else {
            return Err(fetch);
        };
        let Ok(permit) = self.tx.try_reserve() else {
            return Err(fetch);
        };
        self.send(room, permit, fetch);
        Ok(())
    }

    /// Sends a fetch with the room it takes; the writer gives the bytes back once it is done
    /// with the fetch.
    fn send(
        &self,
        room: tokio::sync::SemaphorePermit<'_>,
        permit: mpsc::Permit<'_, PendingFetch>,
        fetch: PendingFetch,
    ) {
        let size = fetch.queued_bytes();
        room.forget();
        permit.send(fetch);
        self.depth.increment(1.0);
        self.queued_bytes.increment(f64::from(size));
    }

    /// Waits for room in bytes and in entries while the database is up.
    async fn queue_when_room(&self, fetch: PendingFetch) {
        let size = fetch.queued_bytes();
        let mut writing = self.writing.clone();
        let queued = tokio::select! {
            biased;
            room = async {
                let room = self.bytes.acquire_many(size).await.map_err(|_| "recorder stopped")?;
                let permit = self.tx.reserve().await.map_err(|_| "recorder stopped")?;
                Ok((room, permit))
            } => room,
            _ = writing.wait_for(|up| !*up) => Err("database down and open buffer full"),
        };
        match queued {
            Ok((room, permit)) => self.send(room, permit, fetch),
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
    /// Batches that are not full start at most this often (`WRITE_LINGER_MS`).
    pub linger: Duration,
    pub dedup_window: Duration,
    pub self_grace: Duration,
    /// On shutdown, give up on opens that neither the database nor the spill directory
    /// takes after this long.
    pub shutdown_flush: Duration,
    /// The mode of chats that chose none (`PRIVACY_DEFAULT`).
    pub privacy_default: PrivacyMode,
}

impl WriterSettings {
    /// The dedup window, as the timestamps of fetches count it.
    fn window(&self) -> chrono::Duration {
        chrono::Duration::from_std(self.dedup_window).unwrap_or(chrono::Duration::zero())
    }
}

/// The writer's end of the queue: the fetches, the byte budget it gives back, and where it
/// says whether writes succeed.
pub struct Queue {
    rx: mpsc::Receiver<PendingFetch>,
    bytes: Arc<Semaphore>,
    writing: watch::Sender<bool>,
}

impl Queue {
    /// Takes a queued fetch without waiting, and gives its bytes back; what a benchmark
    /// without a writer drains with.
    pub fn try_recv(&mut self) -> Result<PendingFetch, mpsc::error::TryRecvError> {
        let fetch = self.rx.try_recv()?;
        self.bytes.add_permits(fetch.queued_bytes() as usize);
        Ok(fetch)
    }

    /// Says whether the database takes writes, as the writer does (for tests of the queue).
    pub fn set_writing(&self, up: bool) {
        self.writing.send_replace(up);
    }
}

/// Creates the queue: the handler's `Recorder` and the writer's `Queue`, holding at most
/// `capacity` fetches and `max_bytes` bytes of them.
pub fn channel(capacity: usize, max_bytes: usize) -> (Recorder, Queue) {
    let (tx, rx) = mpsc::channel(capacity);
    let bytes = Arc::new(Semaphore::new(max_bytes.min(Semaphore::MAX_PERMITS)));
    // Until a write fails, the database counts as up.
    let (writing, writing_rx) = watch::channel(true);
    let recorder = Recorder {
        tx,
        bytes: bytes.clone(),
        writing: writing_rx,
        dropped: metrics::counter!("mailping_opens_dropped_total"),
        depth: metrics::gauge!("mailping_queue_depth"),
        queued_bytes: metrics::gauge!("mailping_queue_bytes"),
        waited: metrics::counter!("mailping_backpressure_waits_total"),
    };
    (recorder, Queue { rx, bytes, writing })
}

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

/// The most strict trackers the writer keeps for classifying fetches it must spill.
const STRICT_KNOWN_MAX: usize = 100_000;

/// Strict trackers by token, each with when it was last entered (see `remember_strict`).
type StrictKnown = FastMap<Token, (PixelTracker, std::time::Instant)>;

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

/// Fetches a loop of the writer over a batch handles between two yields of its thread.
const YIELD_EVERY: usize = 64;

/// Yields the writer's thread to whatever else is ready, every `YIELD_EVERY` fetches of a loop
/// over a batch. The writer's loops over a 2,000-open batch (its memory of recent clients,
/// classifying, remembering) ran 1-2 ms at a time (`perf sched timehist`), and a request
/// thread woken on that core meanwhile waited as long. Yielding costs a system call when
/// nothing else is ready. At half the zero-loss rate of bench/run, the open loop's p99 was
/// 1.99 / 2.60 ms without and 1.55 / 1.61 ms yielding every 256; at 45,500/s, 3.85 / 1.87 /
/// 1.98 / 2.09 ms every 256 and 1.71 / 1.61 / 1.74 / 1.52 every 64.
#[derive(Default)]
struct Pacer {
    handled: usize,
}

impl Pacer {
    /// Counts a fetch handled, and yields (saying so) every `YIELD_EVERY`-th.
    fn tick(&mut self) -> bool {
        self.handled += 1;
        let due = self.handled.is_multiple_of(YIELD_EVERY);
        if due {
            std::thread::yield_now();
        }
        due
    }
}

/// Key for dedup: the same tracker, network and user agent.
type ClientKey<'a> = (i64, Option<IpNet>, Option<&'a str>);

#[tracing::instrument(skip_all, fields(batch = batch.len()))]
#[allow(clippy::too_many_arguments)]
async fn write_batch(
    pool: &Pool,
    cache: &mut TrackerCache,
    recent: &mut RecentClients,
    strict_known: &mut StrictKnown,
    batch: &[PendingFetch],
    settings: &WriterSettings,
    replayed: Option<(Uuid, u64)>,
    chunk: usize,
) -> Result<(), DbError> {
    let mut conn = pool.get().await?;
    let mut tokens: Vec<Token> = batch.iter().map(|f| f.token).collect();
    tokens.sort_unstable();
    tokens.dedup();
    let trackers: FastMap<Token, PixelTracker> = cache.trackers(&mut conn, &tokens).await?;
    remember_strict(strict_known, &trackers, settings.privacy_default);
    if trackers.is_empty() {
        if let Some((file, to)) = replayed {
            spill::mark_replayed(&mut conn, file, to).await?;
        }
        return Ok(());
    }
    let earliest = batch.iter().map(|f| f.at).min().unwrap_or_else(Utc::now);
    let window = settings.window();
    let mut tracker_ids: Vec<i64> = trackers.values().map(|t| t.id).collect();
    tracker_ids.sort_unstable();
    let by_id: FastMap<i64, &PixelTracker> = trackers.values().map(|t| (t.id, t)).collect();
    let (kinds, deleted, opens) = conn
        .transaction(async |conn| {
            // Writers of several replicas take the batch's trackers in the same order, so each
            // classifies against the other's committed opens and a repeat is never a read twice.
            // The lock also keeps each tracker from being deleted until this commits; the
            // fetches of one deleted since it was looked up are left out.
            let deleted = open::lock_live_trackers(conn, &tracker_ids).await?;
            let live: FastMap<Token, PixelTracker>;
            let trackers = if deleted.is_empty() {
                &trackers
            } else {
                live = trackers
                    .iter()
                    .filter(|(_, t)| !deleted.contains(&t.id))
                    .map(|(token, t)| (*token, t.clone()))
                    .collect();
                &live
            };
            if let Some((file, to)) = replayed {
                spill::mark_replayed(conn, file, to).await?;
            }
            let since = earliest - window;
            let (keys, mut seen) =
                client_keys(batch, trackers, recent, since, settings.privacy_default);
            seen.extend(open::recent_clients(conn, &keys, since).await?);
            let Classified {
                opens,
                kinds,
                strict_seen,
            } = classify_batch(batch, trackers, &seen, recent, settings);
            // Asked only of the trackers with a prefetch in this batch, before it is written.
            let apple = trackers_with(&kinds, |kind| kind == OpenKind::AppleMpp);
            let apple_prefetched: FastMap<i64, DateTime<Utc>> =
                open::apple_prefetched(conn, &apple)
                    .await?
                    .into_iter()
                    .collect();
            // Every open is of a tracker of the batch, so its account is known.
            let ids = open::insert_batch_counted(
                conn,
                &opens,
                chunk,
                |id| by_id.get(&id).map_or(0, |t| t.account_id),
                |id| apple_prefetched.get(&id).copied(),
            )
            .await?;
            let read = trackers_with(&kinds, OpenKind::counts_as_read);
            let reminders_cancelled: FastSet<i64> = reminder::cancel_for_reads(conn, &read)
                .await?
                .into_iter()
                .collect();
            let alerts = coalesce_alerts(
                ids.iter().copied().zip(kinds.iter().copied()),
                &by_id,
                &Earlier {
                    reminders_cancelled,
                    apple_prefetched: apple_prefetched.into_keys().collect(),
                },
            );
            if alert::queue(conn, &alerts).await? > 0 {
                db::notify_alerts(conn).await?;
            }
            Ok::<_, diesel::result::Error>((kinds, deleted, (opens, strict_seen)))
        })
        .await?;
    let (opens, strict_seen) = opens;
    let mut pacer = Pacer::default();
    for o in opens.iter().filter(|o| o.kind.deduplicated()) {
        pacer.tick();
        if let Some(network) = o.network {
            recent.remember(
                recent.key(o.tracker_id, network, o.user_agent.as_deref()),
                o.opened_at,
            );
        }
    }
    // A strict tracker's clients are remembered by their keyed hash alone, computed before
    // their network and agent were dropped: the only trace of them that outlives the batch.
    for (key, at) in strict_seen {
        pacer.tick();
        recent.remember(key, at);
    }
    if !deleted.is_empty() {
        tracing::info!(
            trackers = deleted.len(),
            "left out the fetches of trackers deleted while their batch was written"
        );
        cache.clear();
    }
    // Counted once committed, so a retried batch is not counted twice; one registry lookup
    // per kind in the batch, not per open.
    let mut per_kind = [0u64; OpenKind::ALL.len()];
    for (_, kind) in &kinds {
        per_kind[*kind as usize] += 1;
    }
    for (kind, n) in OpenKind::ALL.iter().zip(per_kind) {
        if n > 0 {
            metrics::counter!("mailping_opens_total", "kind" => kind.as_str()).increment(n);
        }
    }
    Ok(())
}

/// Keeps `strict_known` up to date with the trackers a batch loaded: strict ones are entered,
/// and entered again once their entry is older than `tracker_cache::TTL`, rather than copied
/// for every batch; others leave. Bounded by `STRICT_KNOWN_MAX`.
fn remember_strict(
    strict_known: &mut StrictKnown,
    trackers: &FastMap<Token, PixelTracker>,
    default: PrivacyMode,
) {
    let now = std::time::Instant::now();
    for (token, t) in trackers {
        if t.strict(default) {
            match strict_known.get(token) {
                Some((_, at)) if now.duration_since(*at) < crate::tracker_cache::TTL => {}
                found => {
                    if found.is_none() && strict_known.len() >= STRICT_KNOWN_MAX {
                        strict_known.clear();
                    }
                    strict_known.insert(*token, (t.clone(), now));
                }
            }
        } else if !strict_known.is_empty() {
            strict_known.remove(token);
        }
    }
}

/// The trackers, sorted and each once, that have an open of a kind `wanted` picks.
fn trackers_with(kinds: &[(i64, OpenKind)], wanted: impl Fn(OpenKind) -> bool) -> Vec<i64> {
    let mut ids: Vec<i64> = kinds
        .iter()
        .filter(|(_, kind)| wanted(*kind))
        .map(|(tracker_id, _)| *tracker_id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The batch's distinct clients of known trackers: those this writer recorded since `since`,
/// as `recent_clients` would return them, and the others as the arrays it takes.
///
/// A strict tracker's clients are only looked up in the writer's memory: Postgres holds no
/// network or agent of theirs to find them by, so a strict chat's repeats are told apart by
/// the writer that recorded the first fetch (a repeat that reaches another replica within the
/// window is recorded as another open).
fn client_keys(
    batch: &[PendingFetch],
    trackers: &FastMap<Token, PixelTracker>,
    recent: &RecentClients,
    since: DateTime<Utc>,
    default: PrivacyMode,
) -> (open::ClientKeys, Vec<open::RecentClient>) {
    let mut seen = FastSet::default();
    let mut keys: open::ClientKeys = Default::default();
    let mut remembered = Vec::new();
    let mut pacer = Pacer::default();
    for fetch in batch {
        pacer.tick();
        let Some(tracker) = trackers.get(&fetch.token) else {
            continue;
        };
        if fetch.verdict.is_some() {
            continue;
        }
        let ua = fetch.user_agent.as_deref().map(open::truncate_user_agent);
        if !seen.insert((tracker.id, fetch.network, ua)) {
            continue;
        }
        let key = recent.key(tracker.id, fetch.network, ua);
        if let Some(opened_at) = recent.seen_since(key, since) {
            remembered.push(open::RecentClient {
                tracker_id: tracker.id,
                network: Some(fetch.network),
                user_agent: ua.map(str::to_owned),
                opened_at,
            });
        } else if !tracker.strict(default) {
            keys.0.push(tracker.id);
            keys.1.push(Some(fetch.network));
            keys.2.push(ua.map(str::to_owned));
        }
    }
    (keys, remembered)
}

/// A batch classified: the opens to write and, for each, its tracker and kind; and the keyed
/// hashes of the strict trackers' clients whose opens are deduplicated, to remember once
/// committed.
struct Classified {
    opens: Vec<NewOpen>,
    kinds: Vec<(i64, OpenKind)>,
    strict_seen: Vec<(u64, DateTime<Utc>)>,
}

/// Classifies a batch against the trackers and the clients seen recently. A strict tracker's
/// fetch is classified exactly as any other, then keeps only tracker, time, kind and reason.
fn classify_batch(
    batch: &[PendingFetch],
    trackers: &FastMap<Token, PixelTracker>,
    recent: &[open::RecentClient],
    memory: &RecentClients,
    settings: &WriterSettings,
) -> Classified {
    let window = settings.window();
    let mut last_seen: FastMap<ClientKey<'_>, DateTime<Utc>> = FastMap::default();
    for r in recent {
        let key = (r.tracker_id, r.network, r.user_agent.as_deref());
        let at = last_seen.entry(key).or_insert(r.opened_at);
        *at = (*at).max(r.opened_at);
    }
    let mut opens = Vec::with_capacity(batch.len());
    let mut kinds = Vec::with_capacity(batch.len());
    let mut strict_seen = Vec::new();
    let mut pacer = Pacer::default();
    for fetch in batch {
        pacer.tick();
        let Some(tracker) = trackers.get(&fetch.token) else {
            continue;
        };
        if let Some((kind, reason)) = fetch.verdict {
            kinds.push((tracker.id, kind));
            opens.push(verdict_only(tracker.id, fetch.at, kind, reason));
            continue;
        }
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
                reported_networks: &tracker.reported_networks,
                reported_machine: tracker.reported_machine(fetch.network, ua),
                seen_recently,
            },
        );
        if kind.deduplicated() {
            let at = last_seen.entry(key).or_insert(fetch.at);
            *at = (*at).max(fetch.at);
        }
        kinds.push((tracker.id, kind));
        if tracker.strict(settings.privacy_default) {
            if kind.deduplicated() {
                strict_seen.push((memory.key(tracker.id, fetch.network, ua), fetch.at));
            }
            opens.push(verdict_only(tracker.id, fetch.at, kind, reason));
        } else {
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
    }
    Classified {
        opens,
        kinds,
        strict_seen,
    }
}

/// What the batch's transaction learned of its trackers before the alerts are queued.
struct Earlier {
    /// Trackers whose pending reminder a read of this batch cancelled.
    reminders_cancelled: FastSet<i64>,
    /// Trackers that had an Apple prefetch before this batch.
    apple_prefetched: FastSet<i64>,
}

/// One alert per tracker for a batch: every read counts, and a tracker's first Apple prefetch
/// alerts once. Muted trackers and chats that refuse messages get none.
fn coalesce_alerts(
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

/// A strict chat's open: the tracker, the time and the verdict, nothing of the client.
fn verdict_only(tracker_id: i64, at: DateTime<Utc>, kind: OpenKind, reason: Reason) -> NewOpen {
    NewOpen {
        tracker_id,
        opened_at: at,
        kind,
        reason,
        client: String::new(),
        network: None,
        user_agent: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pending(user_agent: &[u8]) -> PendingFetch {
        PendingFetch {
            token: Token::generate(),
            at: Utc::now(),
            user_agent: Some(PendingFetch::user_agent_from(user_agent)),
            network: "203.0.113.0/24".parse().unwrap(),
            origin: Origin::Unlisted,
            verdict: None,
        }
    }

    #[test]
    fn the_user_agent_is_cut_at_the_edge_exactly_as_it_is_stored() {
        let mut samples: Vec<Vec<u8>> = vec![
            vec![b'A'; 300_000],
            b"short".to_vec(),
            [vec![b'a'; 197], "\u{1F600}tail".as_bytes().to_vec()].concat(),
            [vec![b'a'; 199], vec![0xff; 10]].concat(),
            [vec![b'a'; 198], "é".repeat(50).into_bytes()].concat(),
        ];
        samples.push(vec![0xe2; 500]);
        for raw in samples {
            let stored = open::truncate_user_agent(&String::from_utf8_lossy(&raw)).to_owned();
            let edge = PendingFetch::user_agent_from(&raw);
            assert_eq!(&*edge, stored.as_str());
            assert!(edge.len() <= open::USER_AGENT_MAX);
        }
    }

    #[tokio::test]
    async fn while_the_database_is_down_the_queue_holds_no_more_bytes_than_its_bound() {
        const MAX_BYTES: usize = 64 * 1024;
        let (recorder, mut queue) = channel(100_000, MAX_BYTES);
        queue.set_writing(false);
        // 5,000 fetches with 300 KB User-Agents, as in the outage the issue measured.
        let huge = vec![b'A'; 300_000];
        for _ in 0..5_000 {
            recorder.record(pending(&huge)).await;
        }
        let mut queued = 0;
        let mut bytes = 0;
        while let Ok(fetch) = queue.try_recv() {
            queued += 1;
            bytes += fetch.queued_bytes() as usize;
            assert!(fetch.user_agent.as_deref().unwrap().len() <= open::USER_AGENT_MAX);
        }
        println!(
            "5,000 fetches with 300 KB User-Agents, database down: {queued} queued, {bytes} bytes"
        );
        assert!(
            bytes <= MAX_BYTES,
            "{bytes} bytes queued, bound {MAX_BYTES}"
        );
        assert!(queued > 0 && queued < 5_000);
    }

    #[tokio::test]
    async fn while_the_database_is_up_a_queue_full_in_bytes_makes_the_handler_wait() {
        let one = pending(b"Thunderbird").queued_bytes() as usize;
        let (recorder, mut queue) = channel(100_000, 3 * one);
        for _ in 0..3 {
            recorder.record(pending(b"Thunderbird")).await;
        }
        let waiting = tokio::spawn({
            let recorder = recorder.clone();
            async move { recorder.record(pending(b"Thunderbird")).await }
        });
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert!(!waiting.is_finished(), "the fourth fetch waits for room");
        queue.try_recv().unwrap();
        tokio::time::timeout(Duration::from_secs(5), waiting)
            .await
            .expect("room made, the fetch is queued")
            .unwrap();
        let mut left = 0;
        while queue.try_recv().is_ok() {
            left += 1;
        }
        assert_eq!(left, 3);
    }

    #[tokio::test]
    async fn a_fetch_whose_client_leaves_while_waiting_for_room_is_still_queued() {
        let one = pending(b"Thunderbird").queued_bytes() as usize;
        let (recorder, mut queue) = channel(100_000, 2 * one);
        for _ in 0..2 {
            recorder.record(pending(b"Thunderbird")).await;
        }
        // The handler waits for room, and its client gives up: hyper drops the handler.
        let left = pending(b"Left early");
        let token = left.token;
        let waiting = tokio::spawn({
            let recorder = recorder.clone();
            async move { recorder.record(left).await }
        });
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert!(!waiting.is_finished(), "the fetch waits for room");
        waiting.abort();
        assert!(waiting.await.unwrap_err().is_cancelled());
        // The writer makes room.
        queue.try_recv().unwrap();
        queue.try_recv().unwrap();
        let queued = tokio::time::timeout(Duration::from_secs(5), queue.rx.recv())
            .await
            .expect("the fetch is queued once there is room")
            .expect("a fetch");
        assert_eq!(queued.token, token);
    }

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
    fn the_writer_yields_its_thread_once_every_few_hundred_fetches() {
        let mut pacer = Pacer::default();
        let yields = (0..1_000).filter(|_| pacer.tick()).count();
        assert_eq!(yields, 1_000 / YIELD_EVERY);
    }

    #[test]
    fn a_writer_that_keeps_up_inserts_in_small_statements_and_one_behind_in_one() {
        // Less than a batch waits behind this one: small statements.
        assert_eq!(insert_chunk(0, 2_000), INSERT_CHUNK);
        assert_eq!(insert_chunk(1_999, 2_000), INSERT_CHUNK);
        // A batch or more waits: the batch in one statement.
        assert_eq!(insert_chunk(2_000, 2_000), 2_000);
        assert_eq!(insert_chunk(90_000, 2_000), 2_000);
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
