//! The `LISTEN`/`NOTIFY` side of the outbox: a connection taken from the pool that wakes the
//! dispatcher when an alert is queued. Losing it only slows alerts to the sweep interval, and
//! only until it is back: it reconnects on a backoff of its own, so after a failover it
//! listens on the new primary within seconds, whatever the sweep interval.

use std::time::Duration;

use diesel_async::AsyncPgConnection;
use futures_util::StreamExt;
use mailping_shared::db::{self, Pool};

/// The first wait before listening again after the connection is lost; it doubles up to
/// `MAX_RETRY`.
const FIRST_RETRY: Duration = Duration::from_millis(250);
const MAX_RETRY: Duration = Duration::from_secs(5);

/// Wakes the dispatcher on every `NOTIFY`; reconnects after the connection is lost.
pub struct AlertListener {
    pool: Pool,
    conn: Option<AsyncPgConnection>,
    retry: Duration,
}

impl AlertListener {
    pub fn new(pool: Pool) -> Self {
        AlertListener {
            pool,
            conn: None,
            retry: FIRST_RETRY,
        }
    }

    /// Makes sure the connection is listening; on failure the dispatcher sweeps only until
    /// [`notified`](Self::notified) gets it back.
    pub async fn connect(&mut self) {
        if self.conn.is_some() {
            return;
        }
        match db::listen_for_alerts(&self.pool).await {
            Ok(conn) => {
                self.conn = Some(conn);
                self.retry = FIRST_RETRY;
            }
            Err(e) => tracing::warn!(error = %e, "alert dispatcher: cannot LISTEN; sweeping only"),
        }
    }

    /// Completes on the next notification, or when the connection is lost (it is then
    /// dropped), or, while not connected, once it listens again: notifications sent
    /// meanwhile were missed, so the dispatcher looks at the outbox then.
    pub async fn notified(&mut self) {
        let Some(conn) = self.conn.as_mut() else {
            loop {
                tokio::time::sleep(self.retry).await;
                self.retry = (self.retry * 2).min(MAX_RETRY);
                if let Ok(conn) = db::listen_for_alerts(&self.pool).await {
                    tracing::info!("alert dispatcher: listening again");
                    self.conn = Some(conn);
                    self.retry = FIRST_RETRY;
                    return;
                }
            }
        };
        let alive = {
            let mut notifications = std::pin::pin!(conn.notifications_stream());
            matches!(notifications.next().await, Some(Ok(_)))
        };
        if !alive {
            tracing::warn!("alert dispatcher: LISTEN connection lost; reconnecting");
            self.conn = None;
        }
    }
}
