//! The one trait a chat platform implements to deliver the outbox's messages.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use futures_util::FutureExt;
use futures_util::future::BoxFuture;
use mailping_shared::commands::Reply;
use mailping_shared::models::Platform;

/// A message the bot sends unprompted. Reminders, pictures and documents become variants
/// here, and each `ChatSender` learns to render them.
#[derive(Debug, Clone, PartialEq)]
pub enum Outgoing {
    /// "Your email was opened", worded by `mailping_shared::commands::alert_reply`.
    Alert(Reply),
    /// "No confirmed read after 3 days", worded by `mailping_shared::commands::reminder_reply`.
    Reminder(Reply),
    /// "The recipient of #3 asked not to be tracked", worded by
    /// `mailping_shared::commands::privacy_words::withdrawal_notice`.
    Notice(Reply),
}

impl Outgoing {
    /// The message's text and buttons.
    pub fn reply(&self) -> &Reply {
        match self {
            Outgoing::Alert(reply) | Outgoing::Reminder(reply) | Outgoing::Notice(reply) => reply,
        }
    }
}

/// Why a platform did not take a message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// Rate-limited in this chat: try this chat again after this long.
    #[error("rate limited; retry after {0:?}")]
    RetryAfter(Duration),
    /// The chat refuses our messages (blocked bot, closed DMs): stop alerting it.
    #[error("refused: {0}")]
    Refused(String),
    /// Anything else (5xx, timeouts, network): retry with backoff.
    #[error("failed: {0}")]
    Failed(String),
}

/// Delivers outbox messages to one chat platform.
pub trait ChatSender: Send + Sync + 'static {
    /// Sends `message` to `chat` (a Telegram chat id, a Discord user id).
    fn send(
        &self,
        chat: &str,
        message: &Outgoing,
    ) -> impl Future<Output = Result<(), SendError>> + Send;
}

/// `ChatSender` with a boxed future, so senders of different platforms fit in one map.
trait DynSender: Send + Sync {
    fn send_boxed<'a>(
        &'a self,
        chat: &'a str,
        message: &'a Outgoing,
    ) -> BoxFuture<'a, Result<(), SendError>>;
}

impl<T: ChatSender> DynSender for T {
    fn send_boxed<'a>(
        &'a self,
        chat: &'a str,
        message: &'a Outgoing,
    ) -> BoxFuture<'a, Result<(), SendError>> {
        self.send(chat, message).boxed()
    }
}

/// The configured platforms' senders; a platform without one is not configured.
#[derive(Clone, Default)]
pub struct Senders(HashMap<Platform, Arc<dyn DynSender>>);

impl Senders {
    /// Sends `platform`'s messages through `sender`.
    pub fn insert(&mut self, platform: Platform, sender: impl ChatSender) {
        self.0.insert(platform, Arc::new(sender));
    }

    /// Sends through the platform's sender; an unconfigured platform is a failure to retry.
    pub(super) async fn send(
        &self,
        platform: Platform,
        chat: &str,
        message: &Outgoing,
    ) -> Result<(), SendError> {
        match self.0.get(&platform) {
            Some(sender) => sender.send_boxed(chat, message).await,
            None => Err(SendError::Failed(format!(
                "{} is not configured",
                platform.as_str()
            ))),
        }
    }
}
