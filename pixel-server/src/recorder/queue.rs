//! The queue between the handlers and the writer: the handler's `Recorder`, which waits for
//! room only while the database is up, and the writer's `Queue`, bounded in entries and bytes.
//! Knows nothing of classifying or writing; the writer takes the `Queue` apart.

use std::sync::Arc;

use metrics::{Counter, Gauge};
use tokio::sync::{Semaphore, mpsc, watch};

use crate::fetch::PendingFetch;

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

/// The writer's end of the queue: the fetches, the byte budget it gives back, and where it
/// says whether writes succeed.
pub struct Queue {
    pub(super) rx: mpsc::Receiver<PendingFetch>,
    pub(super) bytes: Arc<Semaphore>,
    pub(super) writing: watch::Sender<bool>,
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

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use chrono::Utc;
    use mailping_shared::classifier::Origin;
    use mailping_shared::domain::Token;
    use mailping_shared::models::open;

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
}
