//! Start-up and shutdown: `Application::build` binds the listeners (port 0 in tests), and
//! `run_until_stopped` serves until the shutdown signal, then flushes every queued open.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use mailping_shared::db;
use mailping_shared::service::{self, HttpLimits, Listeners, StartError, Tls};
use tokio::net::TcpListener;
use tokio::sync::{oneshot, watch};
use tokio::task::JoinHandle;

use crate::config::PixelConfig;
use crate::live_networks::{self, LiveNetworks};
use crate::recorder::{self, Lost, WriterSettings};
use crate::routes::{self, App, AppState};
use crate::spill::Spill;

/// The pixel server, built and bound, ready to serve.
pub struct Application {
    listeners: Listeners,
    limits: HttpLimits,
    state: AppState,
    /// The writer's outcome; the thread dropping it unsent means the writer panicked.
    writer: oneshot::Receiver<Result<(), Lost>>,
    background: Vec<JoinHandle<()>>,
    extras: Extras,
}

/// What a process that runs the pixel server with more (`mailping`) adds to it.
#[derive(Default)]
pub struct Extras {
    /// Wraps the pixel server's router, e.g. to add the bot's routes.
    pub wrap: Option<Box<dyn FnOnce(Router) -> Router + Send>>,
    /// TLS on the main listener.
    pub tls: Option<Tls>,
    /// More listeners, served and stopped with the main one.
    pub listeners: Vec<(TcpListener, Router)>,
    /// Tasks aborted on shutdown.
    pub background: Vec<JoinHandle<()>>,
}

impl Application {
    /// Binds the listeners, and starts the open writer, the migrations and the upkeep tasks
    /// (those that use the database once it is migrated).
    pub async fn build(config: PixelConfig) -> Result<Self, StartError> {
        // A bad networks file stops start-up with one line naming the file and the line.
        let networks = LiveNetworks::load(config.networks_file.as_deref())
            .map_err(|e| StartError::Config(format!("NETWORKS_FILE {e}")))?;
        let networks = Arc::new(networks);
        let metrics = mailping_shared::telemetry::metrics();
        let database = &config.service.database;
        let pool = db::pool(database.url(), database.pool_size);
        let listeners = Listeners::bind(
            "pixel server",
            config.listen_addr,
            config.service.metrics_addr(service::PIXEL_METRICS_ADDR),
        )
        .await?;
        let spill = Spill::open(&config.spill_dir, config.spill_max_bytes).map_err(|e| {
            StartError::Config(format!("SPILL_DIR {}: {e}", config.spill_dir.display()))
        })?;
        let (recorder, rx) = recorder::channel(
            config.open_buffer as usize,
            usize::try_from(config.open_buffer_bytes).unwrap_or(usize::MAX),
        );
        let (per_client, per_token) =
            App::limiters(config.rate_limit_per_client, config.rate_limit_per_token);
        let state = Arc::new(App {
            pool: pool.clone(),
            recorder,
            trusted_proxies: config.trusted_proxies.clone(),
            proxy_header: config.proxy_header,
            networks: networks.clone(),
            per_client,
            per_token,
            base_url: config.service.public_base_url.clone(),
            metrics,
            requests: metrics::counter!("mailping_pixel_requests_total"),
            rate_limited: metrics::counter!("mailping_rate_limited_total"),
        });
        let (migrated_tx, migrated) = watch::channel(false);
        let writer = spawn_writer(
            database.url().to_owned(),
            rx,
            config.writer_settings(),
            spill,
        )
        .map_err(|e| StartError::Setup {
            step: "starting the open writer's thread",
            source: Box::new(e),
        })?;
        let url = database.url().to_owned();
        let background = vec![
            tokio::spawn(db::migrate_until_done_then(url, migrated_tx)),
            tokio::spawn(prune_limiters(state.clone())),
            tokio::spawn(live_networks::watch(networks)),
            tokio::spawn(purge_old_opens(
                pool,
                config.privacy.opens_retention_days,
                migrated,
            )),
        ];
        Ok(Application {
            listeners,
            limits: config.service.http,
            state,
            writer,
            background,
            extras: Extras::default(),
        })
    }

    /// Adds what `extras` holds to the built server.
    pub fn with_extras(mut self, extras: Extras) -> Self {
        self.extras = extras;
        self
    }

    /// The port the listener is bound to (port 0 picks one in tests).
    pub fn port(&self) -> u16 {
        self.listeners.port()
    }

    /// The port `/metrics` is served on.
    pub fn metrics_port(&self) -> u16 {
        self.listeners.metrics_port()
    }

    /// Serves until `shutdown` completes, then stops accepting, gives requests in progress
    /// `HTTP_SHUTDOWN_SECS`, and waits until the writer has written (or spilled) every queued
    /// open. An error if it had to give up on some.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let Application {
            listeners,
            limits,
            state,
            writer,
            mut background,
            extras,
        } = self;
        let (stop, stopped) = watch::channel(false);
        let more: Vec<_> = extras
            .listeners
            .into_iter()
            .map(|(listener, router)| {
                let until = service::until_true(stopped.clone());
                tokio::spawn(service::serve(listener, router, limits.clone(), until))
            })
            .collect();
        background.extend(extras.background);
        let (listener, metrics) = listeners.serve_metrics(&limits, stopped);
        let mut app = routes::router(state);
        if let Some(wrap) = extras.wrap {
            app = wrap(app);
        }
        service::serve_with(listener, app, limits, extras.tls, async move {
            shutdown.await;
            let _ = stop.send(true);
        })
        .await;
        let _ = metrics.await;
        for listener in more {
            let _ = listener.await;
        }
        for task in background {
            task.abort();
        }
        // The router (and with it every Recorder) is gone, so the writer ends once it has
        // drained the queue. Opens it had to give up on make the process exit non-zero.
        match writer.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(lost)) => Err(std::io::Error::other(lost)),
            Err(_) => {
                tracing::error!("open writer panicked");
                Err(std::io::Error::other("the open writer panicked"))
            }
        }
    }
}

/// Connections of the writer's own pool: one writes, one listens for tracker changes.
const WRITER_CONNECTIONS: usize = 2;

/// Starts the open writer on a thread of its own, with its own runtime and its own
/// connections. On the request threads, a batch's few milliseconds of CPU (classifying,
/// encoding 1,000 rows) held up the requests queued behind it: at half the zero-loss rate of
/// bench/run, p99 was 3.3-6.3 ms with the writer there and 2.7-3.3 ms on its own thread.
fn spawn_writer(
    url: String,
    queue: recorder::Queue,
    settings: WriterSettings,
    spill: Spill,
) -> std::io::Result<oneshot::Receiver<Result<(), Lost>>> {
    let (done, outcome) = oneshot::channel();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    // The writer logs where its starter logs: a thread-local subscriber (a test's capture)
    // would otherwise not see the code that handles networks and tokens.
    let logs = tracing::dispatcher::get_default(Clone::clone);
    std::thread::Builder::new()
        .name("open-writer".into())
        .spawn(move || {
            tracing::dispatcher::with_default(&logs, || {
                let pool = db::pool(&url, WRITER_CONNECTIONS);
                let result = runtime.block_on(recorder::run_writer(pool, queue, settings, spill));
                let _ = done.send(result);
            });
        })?;
    Ok(outcome)
}

/// Forgets rate-limit state of clients that have gone quiet, so memory stays bounded.
async fn prune_limiters(state: AppState) {
    let mut tick = tokio::time::interval(Duration::from_secs(60));
    loop {
        tick.tick().await;
        state.per_client.retain_recent();
        state.per_token.retain_recent();
        state.per_client.shrink_to_fit();
        state.per_token.shrink_to_fit();
        // Folds histogram samples into summaries even if nobody scrapes /metrics.
        state.metrics.run_upkeep();
    }
}

/// Deletes opens past the retention period, hourly, once the schema is migrated: the
/// operator's (`OPENS_RETENTION_DAYS`, 0 for none) for everybody, and each chat's shorter one
/// (`/retention`) for that chat's opens.
async fn purge_old_opens(pool: db::Pool, retention_days: u32, mut migrated: watch::Receiver<bool>) {
    if migrated.wait_for(|done| *done).await.is_err() {
        return;
    }
    let mut tick = tokio::time::interval(Duration::from_secs(3600));
    loop {
        tick.tick().await;
        let result = async {
            let mut conn = pool.get().await?;
            let mut purged = mailping_shared::models::purge_per_chat(&mut conn).await?;
            if retention_days > 0 {
                let cutoff = chrono::Utc::now() - chrono::Duration::days(i64::from(retention_days));
                purged += mailping_shared::models::purge_older_than(&mut conn, cutoff).await?;
            }
            Ok::<_, mailping_shared::errors::DbError>(purged)
        }
        .await;
        match result {
            Ok(n) if n > 0 => tracing::info!(
                purged = n,
                retention_days,
                "purged rows past the retention period"
            ),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "purging old opens failed"),
        }
    }
}
