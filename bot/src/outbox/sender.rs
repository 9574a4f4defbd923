//! The one trait a chat platform implements to deliver the outbox's messages.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use futures_util::future::BoxFuture;
use mailping_shared::commands::Reply;
use mailping_shared::models::Platform;

/// A message the bot sends unprompted. Reminders, pictures and documents become variants
/// here, and each `ChatSender` learns to render them.
#[derive(Debug, Clone, PartialEq)]
pub enum Outgoing {
    /// "Your email was opened", worded by `mailping_shared::commands::alert_reply`.
    Alert(Reply),
}

/// Why a platform did not take a message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// Rate-limited: try again after this long.
    #[error("rate limited; retry after {0:?}")]
    RetryAfter(Duration),
    /// The chat refuses our messages (blocked bot, closed DMs): stop alerting it.
    #[error("refused: {0}")]
    Refused(String),
    /// Anything else (5xx, timeouts, network): retry with backoff.
    #[error("failed: {0}")]
    Failed(String),
}

/// Delivers outbox messages to one chat platform. The future is boxed so the dispatcher can
/// hold senders of different platforms side by side as `Arc<dyn ChatSender>`.
pub trait ChatSender: Send + Sync {
    /// Sends `message` to `chat` (a Telegram chat id, a Discord user id).
    fn send<'a>(
        &'a self,
        chat: &'a str,
        message: &'a Outgoing,
    ) -> BoxFuture<'a, Result<(), SendError>>;
}

/// The configured platforms' senders; a platform without one is not configured.
pub type Senders = HashMap<Platform, Arc<dyn ChatSender>>;
