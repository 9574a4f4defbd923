//! The Telegram adapter: parses updates into shared commands and actions, and renders
//! replies in Telegram's HTML parse mode. No business rule lives here.

use std::sync::Arc;

use mailping_shared::commands::{Action, COMMANDS, Chat, Command, Commands, Reply, Span};
use mailping_shared::models::Platform;
use teloxide::dispatching::{DefaultKey, Dispatcher, UpdateHandler};
use teloxide::payloads::{EditMessageTextSetters, SendMessageSetters};
use teloxide::prelude::*;
use teloxide::types::{
    BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions,
    MaybeInaccessibleMessage, ParseMode,
};
use teloxide::utils::html;
use teloxide::{ApiError, RequestError};

use crate::dispatcher::SendError;

/// Builds the bot client; `api_url` points at Telegram or a fake of it.
pub fn bot(token: &str, api_url: url::Url) -> Bot {
    Bot::new(token).set_api_url(api_url)
}

/// Registers the command menu with `setMyCommands`, built from the shared command table.
pub async fn register_commands(bot: &Bot) -> Result<(), RequestError> {
    let commands: Vec<BotCommand> = COMMANDS
        .iter()
        .map(|(name, _, description)| BotCommand::new(*name, *description))
        .collect();
    bot.set_my_commands(commands).await.map(drop)
}

/// The update handler tree, taking its dependencies as arguments so tests can drive it.
pub fn handler_tree() -> UpdateHandler<RequestError> {
    dptree::entry()
        .branch(Update::filter_message().endpoint(on_message))
        .branch(Update::filter_callback_query().endpoint(on_callback))
}

pub fn dispatcher(bot: Bot, commands: Arc<Commands>) -> Dispatcher<Bot, RequestError, DefaultKey> {
    Dispatcher::builder(bot, handler_tree())
        .dependencies(dptree::deps![commands])
        .default_handler(|_| async {})
        .build()
}

async fn on_message(bot: Bot, msg: Message, commands: Arc<Commands>) -> Result<(), RequestError> {
    let command = msg.text().map_or(Command::NotACommand, Command::parse_text);
    let chat = Chat::new(Platform::Telegram, msg.chat.id.0);
    let reply = commands.run(&chat, command).await;
    if let Err(e) = send(&bot, msg.chat.id, &reply).await {
        tracing::warn!(error = %e, "could not answer a Telegram command");
    }
    Ok(())
}

async fn on_callback(
    bot: Bot,
    q: CallbackQuery,
    commands: Arc<Commands>,
) -> Result<(), RequestError> {
    let action = q.data.as_deref().and_then(Action::decode);
    let message = q.message.as_ref().map(|m| match m {
        MaybeInaccessibleMessage::Regular(m) => (m.chat.id, Some(m.id)),
        MaybeInaccessibleMessage::Inaccessible(m) => (m.chat.id, None),
    });
    let (Some(action), Some((chat_id, message_id))) = (action, message) else {
        bot.answer_callback_query(q.id.clone())
            .text("This button no longer works. Send /opens for a fresh list.")
            .await?;
        return Ok(());
    };
    bot.answer_callback_query(q.id.clone()).await?;
    // The tracker number in the payload is resolved within the chat the button lives in.
    let chat = Chat::new(Platform::Telegram, chat_id.0);
    let reply = commands.press(&chat, action).await;
    let result = match message_id {
        Some(id) if action.replaces_message() => edit(&bot, chat_id, id, &reply).await,
        _ => send(&bot, chat_id, &reply).await,
    };
    if let Err(e) = result {
        tracing::warn!(error = %e, "could not answer a Telegram button");
    }
    Ok(())
}

/// Renders a reply in Telegram HTML, escaping every piece of text.
pub fn render(reply: &Reply) -> String {
    reply
        .spans
        .iter()
        .map(|span| match span {
            Span::Plain(t) => html::escape(t),
            Span::Bold(t) => html::bold(&html::escape(t)),
            Span::Italic(t) => html::italic(&html::escape(t)),
            Span::Code(t) => html::code_inline(t),
            Span::Pre(t) => html::code_block(t),
            Span::Link { text, url } => html::link(url, text),
        })
        .collect()
}

fn keyboard(reply: &Reply) -> Option<InlineKeyboardMarkup> {
    if reply.buttons.is_empty() {
        return None;
    }
    Some(InlineKeyboardMarkup::new(reply.buttons.iter().map(|row| {
        row.iter()
            .map(|b| InlineKeyboardButton::callback(b.text.clone(), b.action.encode()))
            .collect::<Vec<_>>()
    })))
}

/// Previews are off on every message: a preview of a pixel URL would be Telegram's bot
/// fetching the pixel.
fn no_preview() -> LinkPreviewOptions {
    LinkPreviewOptions {
        is_disabled: true,
        url: None,
        prefer_small_media: false,
        prefer_large_media: false,
        show_above_text: false,
    }
}

pub async fn send(bot: &Bot, chat_id: ChatId, reply: &Reply) -> Result<(), RequestError> {
    let mut request = bot
        .send_message(chat_id, render(reply))
        .parse_mode(ParseMode::Html)
        .link_preview_options(no_preview());
    if let Some(kb) = keyboard(reply) {
        request = request.reply_markup(kb);
    }
    request.await.map(drop)
}

async fn edit(
    bot: &Bot,
    chat_id: ChatId,
    message_id: teloxide::types::MessageId,
    reply: &Reply,
) -> Result<(), RequestError> {
    let mut request = bot
        .edit_message_text(chat_id, message_id, render(reply))
        .parse_mode(ParseMode::Html)
        .link_preview_options(no_preview());
    if let Some(kb) = keyboard(reply) {
        request = request.reply_markup(kb);
    }
    match request.await {
        // Pressing ◀ twice quickly asks for the same text: nothing to do.
        Err(RequestError::Api(ApiError::MessageNotModified)) => Ok(()),
        other => other.map(drop),
    }
}

/// Delivers an alert to a Telegram chat, translating failures for the dispatcher.
pub async fn send_alert(bot: &Bot, chat_id: &str, reply: &Reply) -> Result<(), SendError> {
    let id: i64 = chat_id
        .parse()
        .map_err(|_| SendError::Refused(format!("not a Telegram chat id: {chat_id:?}")))?;
    send(bot, ChatId(id), reply).await.map_err(|e| match e {
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
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_is_escaped_for_html() {
        let reply = Reply::new()
            .plain("a<b>&")
            .bold("*_[]()~`>#+-=|{}.!<b>&")
            .code("<img src=\"x\">");
        assert_eq!(
            render(&reply),
            "a&lt;b&gt;&amp;<b>*_[]()~`&gt;#+-=|{}.!&lt;b&gt;&amp;</b><code>&lt;img src=\"x\"&gt;</code>"
        );
    }
}
