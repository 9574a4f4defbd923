//! The Telegram adapter: parses updates into shared commands and actions, renders replies in
//! Telegram's HTML parse mode, and delivers the outbox. No business rule lives here.

mod render;
mod runner;
mod sender;

use std::sync::Arc;

use mailping_shared::commands::{Action, COMMANDS, Chat, Command, Commands};
use mailping_shared::models::Platform;
use teloxide::RequestError;
use teloxide::dispatching::{DefaultKey, Dispatcher, UpdateHandler};
use teloxide::prelude::*;
use teloxide::types::{BotCommand, MaybeInaccessibleMessage, Me};

pub use render::{render, render_caption};
pub use runner::{Ended, Receiving, TOKEN_REFUSED, Telegram, Updates, start, token_refused};
pub use sender::TelegramSender;

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

/// The dispatcher that runs the handler tree with the shared command logic.
pub fn dispatcher(bot: Bot, commands: Arc<Commands>) -> Dispatcher<Bot, RequestError, DefaultKey> {
    Dispatcher::builder(bot, handler_tree())
        .dependencies(dptree::deps![commands])
        .default_handler(|_| async {})
        .build()
}

/// Answers a message, unless it is a command addressed to another bot (`/opens@OtherBot`).
/// `me` is our own bot, which the dispatcher fetched with `getMe` before taking updates.
async fn on_message(
    bot: Bot,
    me: Me,
    msg: Message,
    commands: Arc<Commands>,
) -> Result<(), RequestError> {
    if let Some(addressee) = msg.text().and_then(Command::addressee) {
        let ours = me.user.username.as_deref().unwrap_or_default();
        if !addressee.eq_ignore_ascii_case(ours) {
            tracing::debug!(addressee, "a command for another bot; not ours to answer");
            return Ok(());
        }
    }
    let command = msg.text().map_or(Command::NotACommand, Command::parse_text);
    let chat = Chat::new(Platform::Telegram, msg.chat.id.0);
    let reply = commands.run(&chat, command).await;
    if let Err(e) = render::answer(&bot, msg.chat.id, &reply).await {
        tracing::error!(error = %e, "could not answer a Telegram command; the user got no answer");
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
        Some(id) if action.replaces_message() => render::edit(&bot, chat_id, id, &reply).await,
        _ => render::answer(&bot, chat_id, &reply).await,
    };
    if let Err(e) = result {
        tracing::error!(error = %e, "could not answer a Telegram button; the user got no answer");
    }
    Ok(())
}
