//! Start-up and shutdown: `Application::build` binds the listener (port 0 in tests), and
//! `run_until_stopped` serves until the shutdown signal, then flushes every queued open.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use mailping_shared::classifier::Networks;
use mailping_shared::db;
use mailping_shared::service::{self, StartError};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use crate::config::PixelConfig;
use crate::recorder::{self, WriterSettings};
use crate::routes::{self, App, AppState};

/// The pixel server, built and bound, ready to serve.
pub struct Application {
    listener: TcpListener,
    state: AppState,
    writer: JoinHandle<()>,
    background: Vec<JoinHandle<()>>,
}

impl Application {
    /// Binds the listener and starts the open writer and the upkeep tasks.
    pub async fn build(config: PixelConfig) -> Result<Self, StartError> {
        // A bad networks file stops start-up with one line naming the file and the line.
        let networks = match &config.networks_file {
            Some(path) => Networks::with_file(path)
                .map_err(|e| StartError::Config(format!("NETWORKS_FILE {e}")))?,
            None => Networks::embedded(),
        };
        let metrics = mailping_shared::telemetry::metrics();
        let pool = db::pool(config.database.url(), config.database.pool_size);
        let listener = service::bind(config.listen_addr).await?;
        let (recorder, rx) = recorder::channel(config.open_buffer as usize);
        let (per_client, per_token) =
            App::limiters(config.rate_limit_per_client, config.rate_limit_per_token);
        let state = Arc::new(App {
            pool: pool.clone(),
            recorder,
            trusted_proxies: config.trusted_proxies.clone(),
            networks,
            per_client,
            per_token,
            base_url: config.public_base_url.clone(),
            metrics,
            requests: metrics::counter!("mailping_pixel_requests_total"),
            rate_limited: metrics::counter!("mailping_rate_limited_total"),
        });
        let writer = tokio::spawn(recorder::run_writer(
            pool.clone(),
            rx,
            WriterSettings {
                batch_max: config.write_batch_max as usize,
                dedup_window: config.dedup_window(),
                self_grace: config.self_grace(),
                shutdown_flush: Duration::from_secs(config.shutdown_flush_secs),
            },
        ));
        let background = vec![
            tokio::spawn(db::migrate_until_done(config.database.url().to_owned())),
            tokio::spawn(prune_limiters(state.clone())),
            tokio::spawn(purge_old_opens(pool, config.opens_retention_days)),
        ];
        Ok(Application {
            listener,
            state,
            writer,
            background,
        })
    }

    /// The port the listener is bound to (port 0 picks one in tests).
    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or(0)
    }

    /// Serves until `shutdown` completes, then stops accepting, finishes in-flight requests,
    /// and waits until the writer has written every queued open.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let Application {
            listener,
            state,
            writer,
            background,
        } = self;
        let app = service::with_request_spans(routes::router(state))
            .into_make_service_with_connect_info::<SocketAddr>();
        let served = axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await;
        for task in background {
            task.abort();
        }
        // The router (and with it every Recorder) is gone, so the writer ends once it has drained the queue.
        if let Err(e) = writer.await {
            tracing::error!(error = %e, "open writer panicked");
        }
        served
    }
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

/// Deletes opens past the retention period, hourly.
async fn purge_old_opens(pool: db::Pool, retention_days: u32) {
    if retention_days == 0 {
        return;
    }
    let mut tick = tokio::time::interval(Duration::from_secs(3600));
    loop {
        tick.tick().await;
        let cutoff = chrono::Utc::now() - chrono::Duration::days(i64::from(retention_days));
        let result = async {
            let mut conn = pool.get().await?;
            Ok::<_, mailping_shared::errors::DbError>(
                mailping_shared::models::purge_older_than(&mut conn, cutoff).await?,
            )
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
