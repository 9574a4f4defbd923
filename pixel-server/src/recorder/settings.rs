//! What the writer is told by the pixel server's settings (`WriterSettings`), in the units it
//! works in. Plain data: every part of the recorder reads it, and it reads none of them.

use std::time::Duration;

use mailping_shared::domain::PrivacyMode;

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
    pub(super) fn window(&self) -> chrono::Duration {
        chrono::Duration::from_std(self.dedup_window).unwrap_or(chrono::Duration::zero())
    }
}
