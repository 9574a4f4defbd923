//! Start-up and shutdown of the bot: the Telegram dispatcher (long polling or webhook), the
//! Discord interactions endpoint, the alert dispatcher, and the HTTP listener they share.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use mailping_shared::commands::{CommandLimits, Commands};
use mailping_shared::db::{self, Pool};
use secrecy::ExposeSecret;
use serenity::interactions_endpoint::Verifier;
use teloxide::update_listeners::webhooks;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::config::BotConfig;
use crate::discord::{self, DiscordSender, InteractionsState};
use crate::dispatcher::{AlertDispatcher, Outbound};
use crate::telegram;

/// How long a stopping Telegram dispatcher may take to finish the updates in hand.
const TELEGRAM_STOP: std::time::Duration = std::time::Duration::from_secs(20);

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("{0}")]
    Config(String),
    #[error("setting the Telegram webhook failed: {0}")]
    Webhook(teloxide::RequestError),
}

pub struct Application {
    listener: TcpListener,
    router: Router,
    /// Tasks that finish on shutdown and are waited for.
    tasks: Vec<JoinHandle<()>>,
    /// Tasks that loop forever and are aborted on shutdown.
    background: Vec<JoinHandle<()>>,
    telegram: Option<TelegramRunner>,
    stop: watch::Sender<bool>,
}

enum TelegramRunner {
    Polling(
        teloxide::dispatching::Dispatcher<
            teloxide::Bot,
            teloxide::RequestError,
            teloxide::dispatching::DefaultKey,
        >,
    ),
    Webhook(JoinHandle<()>, teloxide::dispatching::ShutdownToken),
}

/// Checks the Discord settings as a set: all three, or none.
fn discord_settings(config: &BotConfig) -> Result<Option<(String, u64, Verifier)>, StartError> {
    let d = &config.discord;
    match (&d.discord_bot_token, d.discord_application_id, &d.discord_public_key) {
        (None, None, None) => Ok(None),
        (Some(token), Some(app), Some(key)) => {
            let bytes: [u8; 32] = hex::decode(key.trim())
                .ok()
                .and_then(|b| b.try_into().ok())
                .ok_or_else(|| StartError::Config("DISCORD_PUBLIC_KEY must be 64 hex digits".into()))?;
            let verifier = Verifier::try_new(bytes)
                .map_err(|_| StartError::Config("DISCORD_PUBLIC_KEY is not a valid Ed25519 public key".into()))?;
            Ok(Some((token.expose_secret().to_owned(), app, verifier)))
        }
        _ => Err(StartError::Config(
            "Discord needs DISCORD_BOT_TOKEN, DISCORD_APPLICATION_ID and DISCORD_PUBLIC_KEY together".into(),
        )),
    }
}

impl Application {
    pub async fn build(config: BotConfig) -> Result<Self, StartError> {
        let discord = discord_settings(&config)?;
        if config.telegram.telegram_bot_token.is_none() && discord.is_none() {
            tracing::warn!(
                "neither TELEGRAM_BOT_TOKEN nor DISCORD_BOT_TOKEN is set: the bot has nobody to talk to"
            );
        }
        let listener = TcpListener::bind(config.listen_addr)
            .await
            .map_err(|source| StartError::Bind {
                addr: config.listen_addr,
                source,
            })?;
        let pool = db::pool(config.database.url(), config.database.pool_size);
        let mut background = vec![tokio::spawn(db::migrate_until_done(
            config.database.url().to_owned(),
        ))];
        let commands = Arc::new(Commands::new(
            pool.clone(),
            config.public_base_url.clone(),
            CommandLimits {
                trackers_per_minute: config.trackers_per_minute,
                commands_per_minute: config.commands_per_minute,
            },
        ));
        let pruned = commands.clone();
        background.push(tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
            loop {
                tick.tick().await;
                pruned.forget_quiet_chats();
            }
        }));
        let mut router = Router::new()
            .route("/healthz", get(|| async { "ok" }))
            .route("/readyz", get(readyz).with_state(pool.clone()))
            .route("/metrics", get(metrics));
        let mut outbound = Outbound::default();

        let mut telegram_runner = None;
        if let Some(token) = &config.telegram.telegram_bot_token {
            let bot = telegram::bot(
                token.expose_secret(),
                config.telegram.telegram_api_url.clone(),
            );
            if let Err(e) = telegram::register_commands(&bot).await {
                tracing::warn!(error = %e, "could not register Telegram commands");
            }
            let mut dispatcher = telegram::dispatcher(bot.clone(), commands.clone());
            telegram_runner = Some(match &config.telegram.telegram_webhook_url {
                None => TelegramRunner::Polling(dispatcher),
                Some(url) => {
                    let mut options = webhooks::Options::new(config.listen_addr, url.clone());
                    if let Some(secret) = &config.telegram.telegram_webhook_secret {
                        options = options.secret_token(secret.expose_secret().to_owned());
                    }
                    let (updates, _stopped, webhook_router) =
                        webhooks::axum_to_router(bot.clone(), options)
                            .await
                            .map_err(StartError::Webhook)?;
                    router = router.merge(webhook_router);
                    let token = dispatcher.shutdown_token();
                    let handle = tokio::spawn(async move {
                        dispatcher
                            .dispatch_with_listener(
                                updates,
                                teloxide::error_handlers::LoggingErrorHandler::new(),
                            )
                            .await;
                    });
                    TelegramRunner::Webhook(handle, token)
                }
            });
            outbound.telegram = Some(bot);
        }

        if let Some((token, application_id, verifier)) = discord {
            let http = discord::http(
                &token,
                application_id,
                config.discord.discord_api_url.as_deref(),
            );
            let sender = DiscordSender::new(http);
            if let Err(e) = sender
                .register_commands(config.discord.discord_guild_id)
                .await
            {
                tracing::warn!(error = %e, "could not register Discord commands");
            }
            let state = Arc::new(InteractionsState {
                verifier,
                commands: commands.clone(),
            });
            router = router.route(
                "/discord/interactions",
                post(discord::interactions).with_state(state),
            );
            outbound.discord = Some(sender);
        }

        let (stop, stop_rx) = watch::channel(false);
        let dispatcher = AlertDispatcher::new(
            pool,
            config.database.url().to_owned(),
            outbound,
            config.alerts.clone(),
        );
        let tasks = vec![tokio::spawn(dispatcher.run(stop_rx))];
        Ok(Application {
            listener,
            router,
            tasks,
            background,
            telegram: telegram_runner,
            stop,
        })
    }

    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or(0)
    }

    /// Runs until `shutdown` completes, then stops taking updates, lets the alert dispatcher
    /// finish what it is sending, and returns.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let Application {
            listener,
            router,
            tasks,
            background,
            telegram,
            stop,
        } = self;
        let (http_stop_tx, http_stop_rx) = tokio::sync::oneshot::channel::<()>();
        let http = tokio::spawn(async move {
            axum::serve(listener, router)
                .with_graceful_shutdown(async {
                    let _ = http_stop_rx.await;
                })
                .await
        });
        let telegram = match telegram {
            Some(TelegramRunner::Polling(mut dispatcher)) => {
                let token = dispatcher.shutdown_token();
                Some((
                    tokio::spawn(async move { dispatcher.dispatch().await }),
                    token,
                ))
            }
            Some(TelegramRunner::Webhook(handle, token)) => Some((handle, token)),
            None => None,
        };
        shutdown.await;
        if let Some((handle, token)) = telegram {
            // The future `shutdown()` returns may miss its wake-up if dispatching ends first,
            // so wait for the dispatch task itself; an idle (not yet started) dispatcher
            // can't be told to stop at all, so it is aborted.
            match token.shutdown() {
                Ok(_) => match tokio::time::timeout(TELEGRAM_STOP, handle).await {
                    Ok(Err(e)) => tracing::error!(error = %e, "the Telegram dispatcher panicked"),
                    Ok(Ok(())) => {}
                    Err(_) => tracing::warn!("the Telegram dispatcher did not stop in time"),
                },
                Err(_) => handle.abort(),
            }
        }
        let _ = stop.send(true);
        let _ = http_stop_tx.send(());
        let served = http.await.unwrap_or(Ok(()));
        for task in background {
            task.abort();
        }
        for task in tasks {
            if let Err(e) = task.await {
                tracing::error!(error = %e, "a bot task panicked");
            }
        }
        served
    }
}

async fn metrics() -> String {
    mailping_shared::telemetry::metrics().render()
}

async fn readyz(State(pool): State<Pool>) -> (StatusCode, &'static str) {
    if db::ping(&pool).await {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unreachable")
    }
}
