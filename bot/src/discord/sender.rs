//! Discord's side of the outbox: alerts go by DM through serenity's `Http`.

use std::sync::Arc;

use serenity::all::{CreateAllowedMentions, CreateMessage, Http, MessageFlags, UserId};

use super::render::{attachments, components, render};
use crate::outbox::{ChatSender, Outgoing, SendError};

/// Sends outbox messages as DMs to the user who owns the tracker.
pub struct DiscordSender {
    http: Arc<Http>,
}

impl DiscordSender {
    pub fn new(http: Arc<Http>) -> Self {
        DiscordSender { http }
    }
}

impl ChatSender for DiscordSender {
    async fn send(&self, user_id: &str, message: &Outgoing) -> Result<(), SendError> {
        let user: u64 = user_id
            .parse()
            .ok()
            .filter(|id| *id != 0)
            .ok_or_else(|| SendError::Refused(format!("not a Discord user id: {user_id:?}")))?;
        let channel = UserId::new(user)
            .create_dm_channel(&self.http)
            .await
            .map_err(classify_error)?;
        let message =
            match message {
                Outgoing::Alert(reply) | Outgoing::Reminder(reply) | Outgoing::Notice(reply) => {
                    CreateMessage::new()
                        .content(render(reply))
                        .allowed_mentions(CreateAllowedMentions::new())
                        .flags(MessageFlags::SUPPRESS_EMBEDS)
                        .components(components(reply))
                        .add_files(attachments(reply).await.map_err(|e| {
                            SendError::Failed(format!("reading an attachment: {e}"))
                        })?)
                }
            };
        channel
            .id
            .send_message(&self.http, message)
            .await
            .map(drop)
            .map_err(classify_error)
    }
}

/// Discord's "Cannot send messages to this user": closed DMs or a blocked bot.
const CANNOT_DM_USER: isize = 50007;

/// serenity's rate limiter waits out a 429 that carries `Retry-After` and sends again, so one
/// reaches here only without that header; its error keeps no `retry_after`, and Discord's
/// limits are short, so a fixed, modest wait honours it without a retry storm.
const RATE_LIMIT_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

fn classify_error(e: serenity::Error) -> SendError {
    use serenity::http::HttpError;
    if let serenity::Error::Http(HttpError::UnsuccessfulRequest(resp)) = &e {
        if resp.status_code.as_u16() == 429 {
            return SendError::RetryAfter(RATE_LIMIT_WAIT);
        }
        if resp.error.code == CANNOT_DM_USER {
            return SendError::Refused(e.to_string());
        }
    }
    SendError::Failed(e.to_string())
}
