//! Telegram's side of the outbox: delivers messages and translates the Bot API's failures.

use teloxide::prelude::*;
use teloxide::{ApiError, RequestError};

use super::render;
use crate::outbox::{ChatSender, Outgoing, SendError};

/// Sends outbox messages through the Bot API.
pub struct TelegramSender {
    bot: Bot,
}

impl TelegramSender {
    pub fn new(bot: Bot) -> Self {
        TelegramSender { bot }
    }
}

impl ChatSender for TelegramSender {
    async fn send(&self, chat: &str, message: &Outgoing) -> Result<(), SendError> {
        let id: i64 = chat
            .parse()
            .map_err(|_| SendError::Refused(format!("not a Telegram chat id: {chat:?}")))?;
        let result = match message {
            Outgoing::Alert(reply) | Outgoing::Reminder(reply) | Outgoing::Notice(reply) => {
                render::send(&self.bot, ChatId(id), reply).await
            }
        };
        result.map_err(classify_error)
    }
}

fn classify_error(e: RequestError) -> SendError {
    match e {
        RequestError::RetryAfter(after) => SendError::RetryAfter(after.duration()),
        RequestError::Api(
            ApiError::BotBlocked
            | ApiError::BotKicked
            | ApiError::BotKickedFromSupergroup
            | ApiError::BotKickedFromChannel
            | ApiError::UserDeactivated
            | ApiError::ChatNotFound
            | ApiError::CantInitiateConversation
            | ApiError::CantTalkWithBots,
        ) => SendError::Refused(e.to_string()),
        other => SendError::Failed(other.to_string()),
    }
}
