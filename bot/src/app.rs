//! Start-up and shutdown of the bot: the Telegram update receiver (long polling or webhook),
//! the Discord interactions endpoint, the alert dispatcher, and the HTTP listener they share.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use mailping_shared::commands::{CommandLimits, Commands};
use mailping_shared::db::{self, Pool};
use mailping_shared::models::Platform;
use mailping_shared::service::{self, HttpLimits, Listeners, StartError};
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::config::BotConfig;
use crate::health::Health;
use crate::outbox::{AlertDispatcher, Senders};
use crate::telegram::runner::{self, Receiving, Telegram};
use crate::{discord, router};

/// The bot, built and bound, ready to run.
pub struct Application {
    /// None when another service serves the bot's routes (`mailping`).
    listeners: Option<Listeners>,
    limits: HttpLimits,
    router: Router,
    /// The alert dispatcher, which finishes what it is sending on shutdown.
    dispatcher: JoinHandle<()>,
    /// Tasks that loop forever and are aborted on shutdown.
    background: Vec<JoinHandle<()>>,
    telegram: Option<runner::Updates>,
    stop: watch::Sender<bool>,
}

impl Application {
    /// Binds the listener, sets up each configured platform and starts the dispatcher.
    pub async fn build(config: BotConfig) -> Result<Self, StartError> {
        let metrics = config.service.metrics_addr(service::BOT_METRICS_ADDR);
        let listeners = Listeners::bind("bot", config.listen_addr, metrics).await?;
        let (app, _) = Self::build_with(config, Some(listeners), None).await?;
        Ok(app)
    }

    /// Builds the bot without listeners of its own, for a process that serves its routes and
    /// metrics itself (`mailping`): returns the bot and its routes, and reports the chat
    /// platforms' problems to `health`.
    pub async fn build_embedded(
        config: BotConfig,
        health: Health,
    ) -> Result<(Self, Router), StartError> {
        let (app, routes) = Self::build_with(config, None, Some(health)).await?;
        Ok((app, routes.unwrap_or_default()))
    }

    async fn build_with(
        config: BotConfig,
        listeners: Option<Listeners>,
        embedded: Option<Health>,
    ) -> Result<(Self, Option<Router>), StartError> {
        let database = &config.service.database;
        let pool = db::pool(database.url(), database.pool_size);
        let commands = commands(&pool, &config);
        let health = embedded.clone().unwrap_or_default();
        let discord = discord::start(
            &config.chat.discord,
            commands.clone(),
            pool.clone(),
            health.clone(),
        )
        .await?;
        let telegram = runner::start(
            &config.chat.telegram,
            config.listen_addr,
            commands.clone(),
            health.clone(),
        )
        .await?;
        if telegram.is_none() && discord.is_none() {
            tracing::warn!(
                "neither TELEGRAM_BOT_TOKEN nor DISCORD_BOT_TOKEN is set: the bot has nobody to talk to"
            );
        }
        let mut senders = Senders::default();
        let mut updates = None;
        let mut webhook = None;
        if let Some(Telegram {
            updates: u,
            webhook: w,
            sender,
        }) = telegram
        {
            senders.insert(Platform::Telegram, sender);
            (updates, webhook) = (Some(u), w);
        }
        let mut interactions = None;
        let (migrated_tx, mut migrated) = watch::channel(false);
        let mut background = background_tasks(&config, commands, migrated_tx);
        if let Some(d) = discord {
            senders.insert(Platform::Discord, d.sender);
            interactions = Some(d.interactions);
            background.push(tokio::spawn(d.registration));
            background.push(tokio::spawn(discord::forget_old_interactions(pool.clone())));
        }
        let (router, routes) = match embedded {
            Some(_) => (
                Router::new(),
                Some(router::platform_routes(interactions, webhook)),
            ),
            None => (
                router::router(pool.clone(), health, interactions, webhook),
                None,
            ),
        };
        let (stop, stop_rx) = watch::channel(false);
        let dispatcher = AlertDispatcher::new(pool, senders, config.chat.alerts.clone());
        // The dispatcher reads the outbox: it starts once the schema is migrated.
        let dispatcher = tokio::spawn(async move {
            let mut stopping = stop_rx.clone();
            let start = tokio::select! {
                migrated = migrated.wait_for(|done| *done) => migrated.is_ok(),
                _ = stopping.wait_for(|stop| *stop) => false,
            };
            if start {
                dispatcher.run(stop_rx).await;
            }
        });
        let app = Application {
            listeners,
            limits: config.service.http.clone(),
            router,
            dispatcher,
            background,
            telegram: updates,
            stop,
        };
        Ok((app, routes))
    }

    /// The port the listener is bound to (port 0 picks one in tests).
    pub fn port(&self) -> u16 {
        self.listeners.as_ref().map_or(0, Listeners::port)
    }

    /// The port `/metrics` is served on.
    pub fn metrics_port(&self) -> u16 {
        self.listeners.as_ref().map_or(0, Listeners::metrics_port)
    }

    /// Runs until `shutdown` completes, then stops taking updates, lets the alert dispatcher
    /// finish what it is sending, and returns.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let (http_stop_tx, http_stop_rx) = watch::channel(false);
        let (limits, router) = (self.limits, self.router);
        let served = self.listeners.map(|listeners| {
            let (listener, metrics) = listeners.serve_metrics(&limits, http_stop_rx.clone());
            let until = service::until_true(http_stop_rx);
            [
                tokio::spawn(service::serve(listener, router, limits, until)),
                metrics,
            ]
        });
        let mut telegram: Option<Receiving> = self.telegram.map(|u| u.receive());
        // A receiver that gives up (webhook mode) ends the process with an error, so that its
        // supervisor restarts it: never run deaf.
        let gave_up = match telegram.as_mut() {
            Some(receiving) => tokio::select! {
                () = shutdown => None,
                ended = receiving.ended() => Some(ended),
            },
            None => {
                shutdown.await;
                None
            }
        };
        if let Some(ended) = &gave_up {
            tracing::error!(error = %ended, "stopping: the bot cannot hear Telegram any more");
        }
        if let Some(receiving) = telegram {
            receiving.stop().await;
        }
        let _ = self.stop.send(true);
        let _ = http_stop_tx.send(true);
        for listener in served.into_iter().flatten() {
            let _ = listener.await;
        }
        for task in self.background {
            task.abort();
        }
        if let Err(e) = self.dispatcher.await {
            tracing::error!(error = %e, "the alert dispatcher panicked");
        }
        match gave_up {
            Some(ended) => Err(std::io::Error::other(ended)),
            None => Ok(()),
        }
    }
}

/// The shared command logic, with the configured limits.
fn commands(pool: &Pool, config: &BotConfig) -> Arc<Commands> {
    Arc::new(
        Commands::new(
            pool.clone(),
            config.service.public_base_url.clone(),
            CommandLimits {
                trackers_per_minute: config.chat.trackers_per_minute,
                commands_per_minute: config.chat.commands_per_minute,
            },
        )
        .with_upload_limits(config.chat.upload_limits())
        .with_privacy(config.privacy.clone()),
    )
}

/// Migrations (retried until the database answers; `migrated` says when they are done) and
/// the per-minute pruning of rate limits of chats that went quiet.
fn background_tasks(
    config: &BotConfig,
    commands: Arc<Commands>,
    migrated: watch::Sender<bool>,
) -> Vec<JoinHandle<()>> {
    let prune = async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        loop {
            tick.tick().await;
            commands.forget_quiet_chats();
        }
    };
    vec![
        tokio::spawn(db::migrate_until_done_then(
            config.service.database.url().to_owned(),
            migrated,
        )),
        tokio::spawn(prune),
    ]
}
