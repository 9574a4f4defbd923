//! The writer's memory of the trackers it records opens for, so that a batch asks Postgres only
//! about trackers it has not seen lately instead of about every tracker in it.
//!
//! What is remembered can change: a tracker is muted or deleted, its owner's chat blocks the
//! bot, the owner views a copy page from a new network. Triggers notify
//! [`db::TRACKERS_CHANNEL`] with the account's id whenever one of those commits, and the entries
//! of that account are forgotten before the next batch. While the `LISTEN` connection is down,
//! nothing is remembered at all, so a lost notification cannot leave a stale entry; and every
//! entry expires after [`TTL`] whatever happens. A failover ends the listening connection like
//! any outage: everything is forgotten, and the listener listens again on whichever server
//! the pool now reaches (the new primary: the pool hands out only connections that can write).
//!
//! Whether a tracker already had an Apple prefetch is asked of Postgres for the trackers whose
//! batch holds one, because another replica may have recorded it.

use std::time::{Duration, Instant};

use crate::fetch::FastMap;
use diesel::QueryResult;
use diesel_async::AsyncPgConnection;
use futures_util::StreamExt;
use mailping_shared::db::{self, Pool};
use mailping_shared::domain::Token;
use mailping_shared::models::open::{self, PixelTracker};
use tokio::sync::mpsc;

/// How long an entry is trusted without a notification.
pub const TTL: Duration = Duration::from_secs(10);

/// What the listener tells the cache.
#[derive(Debug)]
enum Change {
    /// The listener is connected: entries may be kept from now on.
    Listening,
    /// Something about this account's trackers changed.
    Account(i64),
    /// The listener lost its connection: forget everything and keep nothing until it is back.
    Lost,
}

struct Entry {
    tracker: PixelTracker,
    loaded: Instant,
}

/// Known trackers by token, as the writer last loaded them.
pub struct TrackerCache {
    entries: FastMap<Token, Entry>,
    changes: mpsc::UnboundedReceiver<Change>,
    listening: bool,
}

impl TrackerCache {
    /// A cache fed by a listener on the pool's database; the listener stops with the cache.
    pub fn listening(pool: Pool) -> TrackerCache {
        let (tx, changes) = mpsc::unbounded_channel();
        tokio::spawn(listen(pool, tx));
        TrackerCache {
            entries: FastMap::default(),
            changes,
            listening: false,
        }
    }

    /// The trackers behind these tokens (unknown tokens are absent), from memory where it is
    /// fresh and from Postgres otherwise.
    pub async fn trackers(
        &mut self,
        conn: &mut AsyncPgConnection,
        tokens: &[Token],
    ) -> QueryResult<FastMap<Token, PixelTracker>> {
        self.apply_changes();
        let now = Instant::now();
        let mut found = FastMap::with_capacity_and_hasher(tokens.len(), Default::default());
        let mut missing = Vec::new();
        for token in tokens {
            match self.entries.get(token) {
                Some(e) if now.duration_since(e.loaded) < TTL => {
                    found.insert(*token, e.tracker.clone());
                }
                _ => missing.push(*token),
            }
        }
        if !missing.is_empty() {
            for tracker in open::pixel_trackers(conn, &missing).await? {
                if self.listening {
                    self.entries.insert(
                        tracker.token,
                        Entry {
                            tracker: tracker.clone(),
                            loaded: now,
                        },
                    );
                }
                found.insert(tracker.token, tracker);
            }
        }
        Ok(found)
    }

    /// How many trackers are remembered: none while the listener is down.
    pub fn remembered(&self) -> usize {
        self.entries.len()
    }

    /// Forgets everything, e.g. after a failed write, so that a retry reloads.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    fn apply_changes(&mut self) {
        while let Ok(change) = self.changes.try_recv() {
            match change {
                Change::Listening => self.listening = true,
                Change::Account(account) => {
                    self.entries.retain(|_, e| e.tracker.account_id != account)
                }
                Change::Lost => {
                    self.listening = false;
                    self.entries.clear();
                }
            }
        }
        // Expired entries go, so memory stays bounded by the trackers of the last TTL.
        if self.entries.len() > 1024 {
            let now = Instant::now();
            self.entries
                .retain(|_, e| now.duration_since(e.loaded) < TTL);
        }
    }
}

/// Listens for tracker changes until the cache is dropped, reconnecting with backoff.
async fn listen(pool: Pool, tx: mpsc::UnboundedSender<Change>) {
    let mut backoff = Duration::from_millis(100);
    loop {
        let conn = tokio::select! {
            conn = db::listen(&pool, db::TRACKERS_CHANNEL) => conn,
            () = tx.closed() => return,
        };
        match conn {
            Ok(mut conn) => {
                backoff = Duration::from_millis(100);
                if tx.send(Change::Listening).is_err() {
                    return;
                }
                let mut notifications = std::pin::pin!(conn.notifications_stream());
                loop {
                    let next = tokio::select! {
                        next = notifications.next() => next,
                        () = tx.closed() => return,
                    };
                    let change = match next {
                        Some(Ok(n)) => match n.payload.parse() {
                            Ok(account) => Change::Account(account),
                            Err(_) => {
                                tracing::warn!(
                                    payload = n.payload,
                                    "tracker change without an account id"
                                );
                                Change::Lost
                            }
                        },
                        Some(Err(e)) => {
                            tracing::warn!(error = %e, "tracker changes: LISTEN connection failed");
                            break;
                        }
                        None => break,
                    };
                    let account = match change {
                        Change::Account(account) => Some(account),
                        _ => None,
                    };
                    if tx.send(change).is_err() {
                        return;
                    }
                    // After the send: the writer's next batch sees it (tests wait for this).
                    if let Some(account) = account {
                        tracing::debug!(account, "tracker change noted");
                    }
                }
                if tx.send(Change::Lost).is_err() {
                    return;
                }
            }
            Err(e) => {
                tracing::debug!(error = %e, "tracker changes: cannot LISTEN yet");
            }
        }
        tokio::time::sleep(backoff).await;
        backoff = (backoff * 2).min(Duration::from_secs(5));
    }
}
