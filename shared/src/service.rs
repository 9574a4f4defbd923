//! What both services do the same way at their edges: the health, readiness and metrics
//! routes, a span around every request, the start-up error, and the `main` skeleton.

use std::future::Future;
use std::net::SocketAddr;
use std::process::ExitCode;

use axum::Router;
use axum::body::Body;
use axum::extract::{MatchedPath, State};
use axum::http::{Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::net::TcpListener;
use tower_http::trace::TraceLayer;
use tracing::Span;

use crate::config::{Command, DatabaseConfig};
use crate::db::{self, Pool};
use crate::{shutdown, telemetry};

/// Why a service could not start. Each variant prints as one line that names the cause.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("{0}")]
    Config(String),
    /// A start-up call to an outside service failed, e.g. setting the Telegram webhook.
    #[error("{step} failed: {source}")]
    Setup {
        step: &'static str,
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

/// Binds the service's listener; port 0 picks a free port (tests).
pub async fn bind(addr: SocketAddr) -> Result<TcpListener, StartError> {
    TcpListener::bind(addr)
        .await
        .map_err(|source| StartError::Bind { addr, source })
}

/// `/healthz` (the process answers), `/readyz` (503 while Postgres is down) and `/metrics`
/// (Prometheus text), ready to merge into a service's router.
pub fn probes<S: Clone + Send + Sync + 'static>(pool: Pool) -> Router<S> {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .with_state(pool)
}

async fn readyz(State(pool): State<Pool>) -> (StatusCode, &'static str) {
    if db::ping(&pool).await {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unreachable")
    }
}

async fn metrics() -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        telemetry::metrics().render(),
    )
        .into_response()
}

/// Runs every request of `router` in a span. The span names the route, not the path: a
/// path can hold a tracker's token.
pub fn with_request_spans<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    router.layer(
        TraceLayer::new_for_http().make_span_with(request_span as fn(&Request<Body>) -> Span),
    )
}

fn request_span(request: &Request<Body>) -> Span {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", MatchedPath::as_str);
    tracing::info_span!("request", method = %request.method(), route)
}

/// The future a service stops on (SIGINT or SIGTERM in the binaries).
pub type Shutdown = std::pin::Pin<Box<dyn Future<Output = ()> + Send>>;

/// How `main` names and runs a built service `A`.
pub struct Binary<A, R> {
    /// The binary's name, as in its error lines ("mailping-bot").
    pub binary: &'static str,
    /// The service's name in log lines ("bot", "pixel server").
    pub service: &'static str,
    /// The port a built service listens on.
    pub port: fn(&A) -> u16,
    /// Serves until the shutdown future completes.
    pub run: fn(A, Shutdown) -> R,
}

/// The body of both binaries' `main`. `migrate` applies migrations and exits; otherwise the
/// service is built, and a start-up error prints `<binary>: <cause>` and exits with 2, the
/// same status and shape as a bad setting.
pub async fn main<A, R>(
    binary: Binary<A, R>,
    command: Option<Command>,
    database: &DatabaseConfig,
    build: impl Future<Output = Result<A, StartError>>,
) -> ExitCode
where
    R: Future<Output = std::io::Result<()>>,
{
    telemetry::init();
    if command == Some(Command::Migrate) {
        return match db::run_migrations(database.url()).await {
            Ok(n) => {
                tracing::info!(applied = n, "migrations done");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{}: migrating the database: {e}", binary.binary);
                ExitCode::FAILURE
            }
        };
    }
    let app = match build.await {
        Ok(app) => app,
        Err(e) => {
            eprintln!("{}: {e}", binary.binary);
            return ExitCode::from(2);
        }
    };
    tracing::info!(port = (binary.port)(&app), "{} listening", binary.service);
    if let Err(e) = (binary.run)(app, Box::pin(shutdown::signal())).await {
        eprintln!("{}: serving: {e}", binary.binary);
        return ExitCode::FAILURE;
    }
    tracing::info!("{} stopped", binary.service);
    ExitCode::SUCCESS
}

/// A service binary's whole `main`: `service_main!(mailping_bot, "bot")` parses the crate's
/// `Cli` and runs its `Application` through [`main`]. The crate needs `tokio` (for
/// `#[tokio::main]`).
#[macro_export]
macro_rules! service_main {
    ($service:ident, $name:literal) => {
        #[tokio::main]
        async fn main() -> std::process::ExitCode {
            let cli: $service::Cli = $crate::config::load();
            let database = cli.config.database.clone();
            let binary = $crate::service::Binary {
                binary: env!("CARGO_BIN_NAME"),
                service: $name,
                port: $service::Application::port,
                run: $service::Application::run_until_stopped,
            };
            let build = $service::Application::build(cli.config);
            $crate::service::main(binary, cli.command, &database, build).await
        }
    };
}
