//! Receiving Telegram updates: by long polling, or through a webhook route on the bot's own
//! HTTP listener; and stopping either one cleanly.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use mailping_shared::commands::Commands;
use mailping_shared::service::StartError;
use secrecy::ExposeSecret;
use teloxide::RequestError;
use teloxide::dispatching::{DefaultKey, Dispatcher, ShutdownToken};
use teloxide::error_handlers::LoggingErrorHandler;
use teloxide::update_listeners::webhooks;
use tokio::task::JoinHandle;

use super::{TelegramSender, bot, dispatcher, register_commands};
use crate::config::TelegramConfig;

/// How long a stopping Telegram dispatcher may take to finish the updates in hand.
const TELEGRAM_STOP: Duration = Duration::from_secs(20);

/// A configured Telegram: its update receiver, its webhook route (webhook mode), and its
/// outbox sender.
pub struct Telegram {
    pub updates: Updates,
    pub webhook: Option<Router>,
    pub sender: TelegramSender,
}

/// Updates not yet being received.
pub enum Updates {
    /// Long polling starts when the app runs.
    Polling(Dispatcher<teloxide::Bot, RequestError, DefaultKey>),
    /// The webhook route feeds an already running dispatcher.
    Webhook(Receiving),
}

/// A running dispatcher and the token that stops it.
pub struct Receiving {
    handle: JoinHandle<()>,
    token: ShutdownToken,
}

/// Sets Telegram up if a token is configured: registers the command menu, and in webhook
/// mode sets the webhook and builds its route.
pub async fn start(
    config: &TelegramConfig,
    listen_addr: SocketAddr,
    commands: Arc<Commands>,
) -> Result<Option<Telegram>, StartError> {
    let Some(token) = &config.telegram_bot_token else {
        return Ok(None);
    };
    let bot = bot(token.expose_secret(), config.telegram_api_url.clone());
    if let Err(e) = register_commands(&bot).await {
        tracing::warn!(error = %e, "could not register Telegram commands");
    }
    let mut dispatcher = dispatcher(bot.clone(), commands);
    let sender = TelegramSender::new(bot.clone());
    let Some(url) = &config.telegram_webhook_url else {
        return Ok(Some(Telegram {
            updates: Updates::Polling(dispatcher),
            webhook: None,
            sender,
        }));
    };
    let mut options = webhooks::Options::new(listen_addr, url.clone());
    if let Some(secret) = &config.telegram_webhook_secret {
        options = options.secret_token(secret.expose_secret().to_owned());
    }
    let (updates, _stopped, router) =
        webhooks::axum_to_router(bot, options)
            .await
            .map_err(|e| StartError::Setup {
                step: "setting the Telegram webhook",
                source: Box::new(e),
            })?;
    let token = dispatcher.shutdown_token();
    let handle = tokio::spawn(async move {
        dispatcher
            .dispatch_with_listener(updates, LoggingErrorHandler::new())
            .await;
    });
    Ok(Some(Telegram {
        updates: Updates::Webhook(Receiving { handle, token }),
        webhook: Some(router),
        sender,
    }))
}

impl Updates {
    /// Starts receiving (long polling starts here).
    pub fn receive(self) -> Receiving {
        match self {
            Updates::Polling(mut dispatcher) => {
                let token = dispatcher.shutdown_token();
                let handle = tokio::spawn(async move { dispatcher.dispatch().await });
                Receiving { handle, token }
            }
            Updates::Webhook(receiving) => receiving,
        }
    }
}

impl Receiving {
    /// Stops taking updates and lets the ones in hand finish, for at most `TELEGRAM_STOP`.
    pub async fn stop(self) {
        // The future `shutdown()` returns may miss its wake-up if dispatching ends first, so
        // wait for the dispatch task itself; an idle (not yet started) dispatcher can't be
        // told to stop at all, so it is aborted.
        match self.token.shutdown() {
            Ok(_) => match tokio::time::timeout(TELEGRAM_STOP, self.handle).await {
                Ok(Err(e)) => tracing::error!(error = %e, "the Telegram dispatcher panicked"),
                Ok(Ok(())) => {}
                Err(_) => tracing::warn!("the Telegram dispatcher did not stop in time"),
            },
            Err(_) => self.handle.abort(),
        }
    }
}
