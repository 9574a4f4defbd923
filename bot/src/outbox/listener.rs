//! The `LISTEN`/`NOTIFY` side of the outbox: a connection taken from the pool that wakes the
//! dispatcher when an alert is queued. Losing it only slows alerts to the sweep interval.

use diesel_async::AsyncPgConnection;
use futures_util::StreamExt;
use mailping_shared::db::{self, Pool};

/// Wakes the dispatcher on every `NOTIFY`; reconnects lazily after the connection is lost.
pub struct AlertListener {
    pool: Pool,
    conn: Option<AsyncPgConnection>,
}

impl AlertListener {
    pub fn new(pool: Pool) -> Self {
        AlertListener { pool, conn: None }
    }

    /// Makes sure the connection is listening; on failure the dispatcher sweeps only.
    pub async fn connect(&mut self) {
        if self.conn.is_some() {
            return;
        }
        match db::listen_for_alerts(&self.pool).await {
            Ok(conn) => self.conn = Some(conn),
            Err(e) => tracing::warn!(error = %e, "alert dispatcher: cannot LISTEN; sweeping only"),
        }
    }

    /// Completes on the next notification, or when the connection is lost (it is then
    /// dropped, to be replaced by the next `connect`). Never completes while not connected.
    pub async fn notified(&mut self) {
        let Some(conn) = self.conn.as_mut() else {
            return std::future::pending().await;
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
