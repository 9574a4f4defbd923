//! Receiving Telegram updates: by long polling, or through a webhook route on the bot's own
//! HTTP listener; and stopping either one cleanly.
//!
//! Nothing here needs Telegram to answer at start-up. The receiver is a task that first waits
//! for Telegram (`getMe`, retried with backoff, `/readyz` saying `telegram: unreachable`
//! meanwhile), then registers the command menu, sets the webhook if there is one, and runs
//! teloxide's dispatcher. If long polling ever ends by itself it is started again; a webhook
//! receiver that ends is reported, and the app exits non-zero so its supervisor restarts it.
//!
//! A token Telegram refuses (401 Unauthorized: revoked or mistyped) is not retried: it will
//! not get better by itself. The receiver says so in one line, `/readyz` says
//! `telegram: token refused …`, and it waits to be stopped.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use futures_util::FutureExt;
use futures_util::future::BoxFuture;
use mailping_shared::commands::Commands;
use mailping_shared::service::StartError;
use secrecy::ExposeSecret;
use teloxide::error_handlers::{ErrorHandler, LoggingErrorHandler};
use teloxide::prelude::*;
use teloxide::requests::Request;
use teloxide::types::Me;
use teloxide::update_listeners::webhooks;
use teloxide::update_listeners::{Polling, UpdateListener};
use teloxide::{ApiError, RequestError};
use tokio::sync::watch;
use tokio::task::JoinHandle;

use super::sender::TelegramSender;
use super::{bot, dispatcher, register_commands};
use crate::config::TelegramConfig;
use crate::health::Health;

/// How long a stopping Telegram dispatcher may take to finish the updates in hand.
const TELEGRAM_STOP: Duration = Duration::from_secs(20);
/// The longest wait between two tries to reach Telegram.
const MAX_RETRY: Duration = Duration::from_secs(30);
/// The part of `/readyz` this receiver reports as.
const PART: &str = "telegram";

/// The line logged (and printed by `mailping` at start-up) when Telegram refuses the token.
pub const TOKEN_REFUSED: &str = "Telegram refuses TELEGRAM_BOT_TOKEN (401 Unauthorized): the \
    token was revoked or mistyped; get the bot's current token from @BotFather in Telegram \
    (/mybots, your bot, API Token) and start again with it";

/// What `/readyz` says meanwhile.
const TOKEN_REFUSED_READYZ: &str =
    "token refused by Telegram (revoked or mistyped): get the current one from @BotFather";

/// Whether Telegram answered that it does not know the token (401, or 404 for a token so
/// malformed that no bot route matches).
pub fn token_refused(e: &RequestError) -> bool {
    matches!(e, RequestError::Api(ApiError::InvalidToken))
}

/// A configured Telegram: its update receiver, its webhook route (webhook mode), and its
/// outbox sender.
pub struct Telegram {
    pub updates: Updates,
    pub webhook: Option<Router>,
    pub sender: TelegramSender,
}

/// Why the receiver gave up: only a webhook receiver does, and then the process must go.
#[derive(Debug, thiserror::Error)]
#[error("the Telegram webhook receiver ended: {0}")]
pub struct Ended(String);

/// The receiver, not started yet.
pub struct Updates {
    task: BoxFuture<'static, Result<(), Ended>>,
    stop: watch::Sender<bool>,
}

/// The running receiver and the signal that stops it.
pub struct Receiving {
    handle: Option<JoinHandle<Result<(), Ended>>>,
    stop: watch::Sender<bool>,
}

/// Sets Telegram up if a token is configured. Makes no call to Telegram: the receiver does,
/// once started, for as long as it takes.
pub async fn start(
    config: &TelegramConfig,
    listen_addr: SocketAddr,
    commands: Arc<Commands>,
    health: Health,
) -> Result<Option<Telegram>, StartError> {
    let Some(token) = &config.telegram_bot_token else {
        return Ok(None);
    };
    let bot = bot(token.expose_secret(), config.telegram_api_url.clone());
    let sender = TelegramSender::new(bot.clone());
    let (stop, stopped) = watch::channel(false);
    health.down(PART, "unreachable");
    let Some(url) = &config.telegram_webhook_url else {
        let task = poll(bot, commands, health, stopped).boxed();
        return Ok(Some(Telegram {
            updates: Updates { task, stop },
            webhook: None,
            sender,
        }));
    };
    let mut options = webhooks::Options::new(listen_addr, url.clone());
    if let Some(secret) = &config.telegram_webhook_secret {
        options = options.secret_token(secret.expose_secret().to_owned());
    }
    // The same secret goes to the route now and to `setWebhook` once Telegram answers.
    let secret = options.get_or_gen_secret_token().to_owned();
    let (listener, _stopped, router) = webhooks::axum_no_setup(options);
    let task = webhook(
        bot,
        commands,
        health,
        (url.clone(), secret),
        listener,
        stopped,
    )
    .boxed();
    Ok(Some(Telegram {
        updates: Updates { task, stop },
        webhook: Some(router),
        sender,
    }))
}

/// Long polling, started again whenever it ends by itself.
async fn poll(
    bot: Bot,
    commands: Arc<Commands>,
    health: Health,
    mut stop: watch::Receiver<bool>,
) -> Result<(), Ended> {
    loop {
        if !reach(&bot, &health, &mut stop).await {
            return Ok(());
        }
        let listener = Polling::builder(bot.clone())
            .timeout(Duration::from_secs(10))
            .delete_webhook()
            .await
            .build();
        // A token revoked while polling: stop, and let `reach` say so once.
        let refused = Arc::new(tokio::sync::Notify::new());
        let on_error = {
            let refused = Arc::clone(&refused);
            move |e: RequestError| {
                let refused = Arc::clone(&refused);
                async move {
                    if token_refused(&e) {
                        refused.notify_one();
                    } else {
                        tracing::error!(error = %e, "Telegram long polling failed; polling on");
                    }
                }
            }
        };
        let gave_up = async move {
            refused.notified().await;
            "Telegram refused the token".to_owned()
        };
        let mut dispatcher = dispatcher(bot.clone(), Arc::clone(&commands));
        match dispatch(
            &mut dispatcher,
            listener,
            Arc::new(on_error),
            gave_up,
            &mut stop,
        )
        .await
        {
            None => return Ok(()),
            Some(why) => {
                health.down(PART, "unreachable");
                tracing::error!(%why, "Telegram long polling ended; starting it again");
            }
        }
    }
}

/// The webhook receiver: sets the webhook once Telegram answers, then dispatches.
async fn webhook(
    bot: Bot,
    commands: Arc<Commands>,
    health: Health,
    (url, secret): (url::Url, String),
    listener: impl UpdateListener<Err = std::convert::Infallible> + Send,
    mut stop: watch::Receiver<bool>,
) -> Result<(), Ended> {
    if !reach(&bot, &health, &mut stop).await {
        return Ok(());
    }
    let set = retry(&mut stop, "setting the Telegram webhook", || {
        bot.set_webhook(url.clone())
            .secret_token(secret.clone())
            .send()
    });
    match set.await {
        Tried::Done(_) => {}
        Tried::Stopped => return Ok(()),
        Tried::TokenRefused => {
            refused(&health, &mut stop).await;
            return Ok(());
        }
    }
    let mut dispatcher = dispatcher(bot, commands);
    let never = std::future::pending::<String>();
    match dispatch(
        &mut dispatcher,
        listener,
        LoggingErrorHandler::new(),
        never,
        &mut stop,
    )
    .await
    {
        None => Ok(()),
        Some(why) => {
            health.down(PART, "not receiving updates");
            Err(Ended(why))
        }
    }
}

/// Waits until Telegram answers `getMe`, then registers the command menu; false if told to
/// stop first, or if Telegram refuses the token (then only after being told to stop).
async fn reach(bot: &Bot, health: &Health, stop: &mut watch::Receiver<bool>) -> bool {
    let me: Me = match retry(stop, "reaching Telegram", || bot.get_me().send()).await {
        Tried::Done(me) => me,
        Tried::Stopped => return false,
        Tried::TokenRefused => {
            refused(health, stop).await;
            return false;
        }
    };
    tracing::info!(username = me.user.username.as_deref(), "Telegram answers");
    if let Err(e) = register_commands(bot).await {
        tracing::warn!(error = %e, "could not register Telegram commands");
    }
    health.up(PART);
    true
}

/// Says once that Telegram refuses the token, and waits to be stopped.
async fn refused(health: &Health, stop: &mut watch::Receiver<bool>) {
    tracing::error!("{TOKEN_REFUSED}");
    health.down(PART, TOKEN_REFUSED_READYZ);
    let _ = stop.wait_for(|stop| *stop).await;
}

/// How a call to Telegram that is tried until it succeeds ended.
enum Tried<T> {
    Done(T),
    Stopped,
    TokenRefused,
}

/// Calls `attempt` until it succeeds, waiting 0.5 s, 1 s, 2 s … (at most `MAX_RETRY`) between
/// tries; not again once Telegram refuses the token, nor once told to stop.
async fn retry<T, F: Future<Output = Result<T, RequestError>>>(
    stop: &mut watch::Receiver<bool>,
    what: &'static str,
    mut attempt: impl FnMut() -> F,
) -> Tried<T> {
    let mut delay = Duration::from_millis(500);
    loop {
        if *stop.borrow() {
            return Tried::Stopped;
        }
        match attempt().await {
            Ok(done) => return Tried::Done(done),
            Err(e) if token_refused(&e) => return Tried::TokenRefused,
            Err(e) => tracing::warn!(error = %e, retry_in = ?delay, "{what} failed; will retry"),
        }
        tokio::select! {
            () = tokio::time::sleep(delay) => {}
            _ = stop.wait_for(|stop| *stop) => return Tried::Stopped,
        }
        delay = (delay * 2).min(MAX_RETRY);
    }
}

/// Runs the dispatcher until it ends or `gave_up` completes (`Some(why)`), or `stop` turns
/// true (`None`). Either way the updates in hand are finished first, for at most
/// `TELEGRAM_STOP`.
async fn dispatch<L, Eh>(
    dispatcher: &mut teloxide::dispatching::Dispatcher<
        Bot,
        RequestError,
        teloxide::dispatching::DefaultKey,
    >,
    listener: L,
    on_error: Arc<Eh>,
    gave_up: impl Future<Output = String>,
    stop: &mut watch::Receiver<bool>,
) -> Option<String>
where
    L: UpdateListener<Err: std::fmt::Debug> + Send,
    Eh: ErrorHandler<L::Err> + Send + Sync,
{
    let token = dispatcher.shutdown_token();
    let running = dispatcher.try_dispatch_with_listener(listener, on_error);
    tokio::pin!(running);
    let why = tokio::select! {
        ended = &mut running => {
            return Some(match ended {
                Ok(()) => "the update stream ended".to_owned(),
                Err(e) => e.to_string(),
            });
        }
        why = gave_up => Some(why),
        _ = stop.wait_for(|stop| *stop) => None,
    };
    if token.shutdown().is_ok() && tokio::time::timeout(TELEGRAM_STOP, running).await.is_err() {
        tracing::warn!("the Telegram dispatcher did not stop in time");
    }
    why
}

impl Updates {
    /// Starts the receiver.
    pub fn receive(self) -> Receiving {
        Receiving {
            handle: Some(tokio::spawn(self.task)),
            stop: self.stop,
        }
    }
}

impl Receiving {
    /// Completes only if the receiver gives up by itself (webhook mode): then the process
    /// must exit non-zero rather than run deaf.
    pub async fn ended(&mut self) -> Ended {
        let Some(handle) = self.handle.as_mut() else {
            return std::future::pending().await;
        };
        let outcome = handle.await;
        self.handle = None;
        match outcome {
            Ok(Err(ended)) => ended,
            Ok(Ok(())) => Ended("it stopped".to_owned()),
            Err(e) => Ended(format!("it panicked: {e}")),
        }
    }

    /// Stops taking updates and lets the ones in hand finish.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let Some(handle) = self.handle else {
            return;
        };
        match tokio::time::timeout(TELEGRAM_STOP + Duration::from_secs(1), handle).await {
            Ok(Err(e)) => tracing::error!(error = %e, "the Telegram receiver panicked"),
            Ok(Ok(_)) => {}
            Err(_) => tracing::warn!("the Telegram receiver did not stop in time"),
        }
    }
}
