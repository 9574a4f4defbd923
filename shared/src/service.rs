//! What both services do the same way at their edges: the settings they share, the listeners
//! and their limits, the health and readiness routes, the metrics listener, a span around every
//! request, the start-up error, and the `main` skeleton. Knows nothing of opens or chats.

use std::collections::HashMap;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, MatchedPath, State};
use axum::http::{Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::sync::{Notify, OwnedSemaphorePermit, Semaphore, watch};
use tokio::task::{JoinHandle, JoinSet};
use tower::Service;
use tower_http::trace::TraceLayer;
use tracing::Span;

use crate::config::{BaseUrl, Command, DatabaseConfig};
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

/// Connections the kernel holds for the listener until it accepts them. The standard
/// library's 128 is less than one burst of a mail provider's proxy: the kernel dropped the
/// rest of the burst's SYNs, and each of those clients waited a second to retry. nginx keeps
/// 511; the kernel caps the figure at `net.core.somaxconn` (4096 on current kernels).
pub const LISTEN_BACKLOG: u32 = 1024;

/// Binds the service's listener; port 0 picks a free port (tests).
pub async fn bind(addr: SocketAddr) -> Result<TcpListener, StartError> {
    let socket = if addr.is_ipv4() {
        TcpSocket::new_v4()
    } else {
        TcpSocket::new_v6()
    };
    // As `TcpListener::bind` does: a restarted service binds again at once, whatever
    // connections of the last one are still in TIME_WAIT.
    socket
        .and_then(|s| {
            s.set_reuseaddr(true)?;
            s.bind(addr)?;
            s.listen(LISTEN_BACKLOG)
        })
        .map_err(|source| StartError::Bind { addr, source })
}

// In every service's settings, a setting's value name in `--help` is its field's name in
// capitals, as clap derives it, and so the same as its environment variable: `value_name` is
// written only where the two differ (`listen_addr` is PIXEL_LISTEN_ADDR or BOT_LISTEN_ADDR).

/// The settings both services have: where Postgres is, the public URL, the metrics listener
/// and the HTTP limits. Each service's config flattens it and adds only its own.
#[derive(clap::Args, Debug, Clone)]
pub struct ServiceConfig {
    #[command(flatten)]
    pub database: DatabaseConfig,
    /// The pixel server's public URL: the image and copy-page links are built on it.
    #[arg(long, env = "PUBLIC_BASE_URL", default_value = "http://localhost:8080")]
    pub public_base_url: BaseUrl,
    /// Address of the metrics listener (/metrics); unset: 127.0.0.1:9090 for the pixel server,
    /// 127.0.0.1:9091 for the bot. Keep it off the public network: the counters tell known
    /// tokens from unknown ones.
    #[arg(long, env = "METRICS_LISTEN_ADDR")]
    pub metrics_listen_addr: Option<SocketAddr>,
    #[command(flatten)]
    pub http: HttpLimits,
}

/// The pixel server's listener when PIXEL_LISTEN_ADDR is unset.
pub const PIXEL_LISTEN_ADDR: SocketAddr = SocketAddr::new(EVERYWHERE, 8080);
/// The bot's listener when BOT_LISTEN_ADDR is unset.
pub const BOT_LISTEN_ADDR: SocketAddr = SocketAddr::new(EVERYWHERE, 8081);
/// The pixel server's metrics listener when METRICS_LISTEN_ADDR is unset.
pub const PIXEL_METRICS_ADDR: SocketAddr = SocketAddr::new(LOCALHOST, 9090);
/// The bot's metrics listener when METRICS_LISTEN_ADDR is unset.
pub const BOT_METRICS_ADDR: SocketAddr = SocketAddr::new(LOCALHOST, 9091);
const EVERYWHERE: std::net::IpAddr = std::net::IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED);
const LOCALHOST: std::net::IpAddr = std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);

impl ServiceConfig {
    /// The metrics listener's address: the setting, or the service's own default.
    pub fn metrics_addr(&self, default: SocketAddr) -> SocketAddr {
        self.metrics_listen_addr.unwrap_or(default)
    }
}

/// A binary's settings, named: what its `--help` opens with. The three binaries parse the same
/// [`Cli`] and differ only in these and in their settings.
pub trait Program: clap::Args {
    /// The binary's name in `--help`, usage lines and parse errors.
    const NAME: &'static str;
    /// The line `--help` opens with.
    const ABOUT: &'static str;
}

/// A service binary's command line: what it is asked to do (`serve`, the default, or
/// `migrate`) and its settings.
#[derive(clap::Args, Debug)]
pub struct Cli<C: Program> {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub config: C,
}

impl<C: Program> Cli<C> {
    /// The binary's version and about line, set last: the derived `augment_args` sets the
    /// about line from this struct's doc comment.
    fn named(command: clap::Command) -> clap::Command {
        command.version(env!("CARGO_PKG_VERSION")).about(C::ABOUT)
    }
}

impl<C: Program> clap::CommandFactory for Cli<C> {
    fn command() -> clap::Command {
        Self::named(<Self as clap::Args>::augment_args(clap::Command::new(
            C::NAME,
        )))
    }

    fn command_for_update() -> clap::Command {
        Self::named(<Self as clap::Args>::augment_args_for_update(
            clap::Command::new(C::NAME),
        ))
    }
}

impl<C: Program> clap::Parser for Cli<C> {}

/// A service's public listener and its metrics listener, bound at start-up.
pub struct Listeners {
    main: TcpListener,
    metrics: TcpListener,
}

impl Listeners {
    /// Binds both; port 0 picks free ports (tests).
    pub async fn bind(
        service: &'static str,
        main: SocketAddr,
        metrics: SocketAddr,
    ) -> Result<Self, StartError> {
        let main = bind(main).await?;
        let metrics = bind(metrics).await?;
        tracing::info!(port = port_of(&metrics), "{service} metrics listening");
        Ok(Listeners { main, metrics })
    }

    /// The public listener's port.
    pub fn port(&self) -> u16 {
        port_of(&self.main)
    }

    /// The port `/metrics` is served on.
    pub fn metrics_port(&self) -> u16 {
        port_of(&self.metrics)
    }

    /// Starts serving `/metrics` until `stopped` turns true, and hands back the public
    /// listener for the service to serve its own routes on.
    pub fn serve_metrics(
        self,
        limits: &HttpLimits,
        stopped: watch::Receiver<bool>,
    ) -> (TcpListener, JoinHandle<()>) {
        let metrics = tokio::spawn(serve(
            self.metrics,
            metrics_router(),
            limits.clone(),
            until_true(stopped),
        ));
        (self.main, metrics)
    }
}

/// The port a listener is bound to, 0 if it can't say.
pub fn port_of(listener: &TcpListener) -> u16 {
    listener.local_addr().map_or(0, |a| a.port())
}

/// Completes once `flag` is true (or its sender is gone): a shutdown future for a listener.
pub async fn until_true(mut flag: watch::Receiver<bool>) {
    let _ = flag.wait_for(|set| *set).await;
}

/// `/healthz` (the process answers) and `/readyz` (503 while Postgres is down), ready to
/// merge into a service's router.
pub fn probes<S: Clone + Send + Sync + 'static>(pool: Pool) -> Router<S> {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readyz))
        .with_state(pool)
}

/// `/metrics` (Prometheus text), for the metrics listener only: counters such as
/// `mailping_opens_total` move for known tokens, so they must not be public.
pub fn metrics_router() -> Router {
    Router::new()
        .route("/metrics", get(metrics))
        .fallback(|| async { (StatusCode::NOT_FOUND, "not found") })
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

/// Limits of a service's HTTP listener, the same settings for both services.
#[derive(clap::Args, Debug, Clone)]
pub struct HttpLimits {
    /// Seconds a client has to send a request's headers, counted from when the connection opens or the previous response is sent.
    #[arg(long, env = "HTTP_HEADER_TIMEOUT_SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
    pub http_header_timeout_secs: u64,
    /// Seconds a connection may wait between requests, with no request in progress, before it is closed.
    #[arg(long, env = "HTTP_KEEP_ALIVE_SECS", default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..))]
    pub http_keep_alive_secs: u64,
    /// Seconds a connection may move no byte in either direction, even in the middle of a request, before it is closed.
    #[arg(long, env = "HTTP_IDLE_TIMEOUT_SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub http_idle_timeout_secs: u64,
    /// Most connections open at once. At the cap, the connection idle longest is closed to make room for a new one.
    #[arg(long, env = "HTTP_MAX_CONNECTIONS", default_value_t = 1024, value_parser = clap::value_parser!(u32).range(1..))]
    pub http_max_connections: u32,
    /// Largest request line plus headers, in bytes; a larger request gets 431.
    #[arg(long, env = "HTTP_MAX_HEADER_BYTES", default_value_t = 16_384, value_parser = clap::value_parser!(u32).range(1024..=1_048_576))]
    pub http_max_header_bytes: u32,
    /// After a shutdown signal, seconds that requests in progress get to finish before every connection is closed.
    #[arg(long, env = "HTTP_SHUTDOWN_SECS", default_value_t = 5)]
    pub http_shutdown_secs: u64,
}

impl HttpLimits {
    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }
}

/// One open connection, as the accept loop sees it when it has to make room.
struct Conn {
    /// Milliseconds since the listener's epoch of the last byte read or written.
    last_io: AtomicU64,
    /// Milliseconds since the listener's epoch when the connection last began waiting for a
    /// request: when it opened, or when its last handler finished.
    waiting_since: AtomicU64,
    /// Requests whose handler is running.
    in_flight: AtomicUsize,
    /// Set once the accept loop has asked this connection to close.
    evicted: AtomicBool,
    close: Notify,
}

/// Every open connection of a listener.
struct Connections {
    epoch: Instant,
    open: Mutex<HashMap<u64, Arc<Conn>>>,
}

impl Connections {
    fn now(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn idle_for(&self, conn: &Conn) -> Duration {
        Duration::from_millis(
            self.now()
                .saturating_sub(conn.last_io.load(Ordering::Relaxed)),
        )
    }

    fn insert(&self, id: u64) -> Arc<Conn> {
        let conn = Arc::new(Conn {
            last_io: AtomicU64::new(self.now()),
            waiting_since: AtomicU64::new(self.now()),
            in_flight: AtomicUsize::new(0),
            evicted: AtomicBool::new(false),
            close: Notify::new(),
        });
        self.lock().insert(id, conn.clone());
        conn
    }

    fn remove(&self, id: u64) {
        self.lock().remove(&id);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Arc<Conn>>> {
        self.open
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Asks the connection that has waited longest for a request, with none in progress, to
    /// close: a slow client that never finishes its request goes before an idle keep-alive
    /// connection that has just been served. False when every connection is busy with a
    /// request.
    fn evict_longest_idle(&self) -> bool {
        let open = self.lock();
        if open.values().any(|c| c.evicted.load(Ordering::Relaxed)) {
            return true;
        }
        let victim = open
            .values()
            .filter(|c| c.in_flight.load(Ordering::Relaxed) == 0)
            .min_by_key(|c| c.waiting_since.load(Ordering::Relaxed));
        match victim {
            Some(conn) => {
                conn.evicted.store(true, Ordering::Relaxed);
                conn.close.notify_one();
                true
            }
            None => false,
        }
    }
}

/// Counts a request's handler as running while it lives.
struct InFlight(Arc<Conn>, Arc<Connections>);

impl InFlight {
    fn enter(conn: &Arc<Conn>, connections: &Arc<Connections>) -> InFlight {
        conn.in_flight.fetch_add(1, Ordering::Relaxed);
        InFlight(conn.clone(), connections.clone())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if self.0.in_flight.fetch_sub(1, Ordering::Relaxed) == 1 {
            self.0.waiting_since.store(self.1.now(), Ordering::Relaxed);
        }
    }
}

/// A connection's socket that notes when it last moved a byte.
struct Watched {
    stream: TcpStream,
    conn: Arc<Conn>,
    connections: Arc<Connections>,
}

impl Watched {
    fn touch(&self) {
        self.conn
            .last_io
            .store(self.connections.now(), Ordering::Relaxed);
    }
}

impl AsyncRead for Watched {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let polled = Pin::new(&mut this.stream).poll_read(cx, buf);
        if buf.filled().len() > before {
            this.touch();
        }
        polled
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.stream).poll_write(cx, buf);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            this.touch();
        }
        polled
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.stream).poll_write_vectored(cx, bufs);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            this.touch();
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }
}

/// TLS on a listener: the server configuration for ordinary connections, and the one that
/// answers an ACME TLS-ALPN-01 validation (a handshake offering only `acme-tls/1`).
#[derive(Clone)]
pub struct Tls {
    pub serve: Arc<rustls::ServerConfig>,
    pub challenge: Option<Arc<rustls::ServerConfig>>,
}

/// The ALPN protocol of an ACME TLS-ALPN-01 validation (RFC 8737).
const ACME_TLS_ALPN: &[u8] = b"acme-tls/1";

/// Serves `router` on `listener` until `shutdown` completes, within `limits`: every request's
/// head must arrive within the header timeout and fit the header size; a connection that
/// waits between requests longer than the keep-alive time, or moves no byte for the idle
/// timeout, is closed; at most `http_max_connections` are open, and at the cap the one idle
/// longest makes room. After `shutdown`, no connection is accepted, requests in progress get
/// `http_shutdown_secs` to finish, and then every connection is closed, whatever its client
/// is doing. Handlers see the peer as `ConnectInfo<SocketAddr>`.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: HttpLimits,
    shutdown: impl Future<Output = ()>,
) {
    serve_with(listener, router, limits, None, shutdown).await;
}

/// [`serve`], over TLS when `tls` is given: the handshake must end within the header timeout.
pub async fn serve_with(
    listener: TcpListener,
    router: Router,
    limits: HttpLimits,
    tls: Option<Tls>,
    shutdown: impl Future<Output = ()>,
) {
    let connections = Arc::new(Connections {
        epoch: Instant::now(),
        open: Mutex::new(HashMap::new()),
    });
    let slots = Arc::new(Semaphore::new(limits.http_max_connections as usize));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HttpLimits::secs(limits.http_header_timeout_secs))
        .max_header_size(limits.http_max_header_bytes as usize);
    let http = Arc::new(http);
    let (stop, stopped) = watch::channel(false);
    let mut tasks = JoinSet::new();
    let evicted = metrics::counter!("mailping_http_connections_evicted_total");
    let refused = metrics::counter!("mailping_http_connections_refused_total");
    let mut next_id = 0u64;
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            () = &mut shutdown => break,
            Some(_) = tasks.join_next(), if !tasks.is_empty() => continue,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors, most likely: wait for connections to close.
                    tracing::warn!(error = %e, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let slot = match slots.clone().try_acquire_owned() {
            Ok(slot) => slot,
            Err(_) => {
                if !connections.evict_longest_idle() {
                    // Every connection is in the middle of a request: shed this one.
                    refused.increment(1);
                    continue;
                }
                evicted.increment(1);
                match tokio::time::timeout(Duration::from_secs(1), slots.clone().acquire_owned())
                    .await
                {
                    Ok(Ok(slot)) => slot,
                    _ => {
                        refused.increment(1);
                        continue;
                    }
                }
            }
        };
        next_id += 1;
        let id = next_id;
        let conn = connections.insert(id);
        tasks.spawn(connection(
            Watched {
                stream,
                conn,
                connections: connections.clone(),
            },
            peer,
            id,
            router.clone(),
            http.clone(),
            limits.clone(),
            tls.clone(),
            stopped.clone(),
            slot,
        ));
    }
    drop(listener);
    let _ = stop.send(true);
    let deadline = HttpLimits::secs(limits.http_shutdown_secs);
    let drained = tokio::time::timeout(deadline, async {
        while tasks.join_next().await.is_some() {}
    })
    .await;
    if drained.is_err() {
        tracing::warn!(
            connections = tasks.len(),
            "closing connections still open at the shutdown deadline"
        );
        tasks.abort_all();
        while tasks.join_next().await.is_some() {}
    }
}

/// Serves one connection until it ends, times out, is asked to make room, or the listener
/// stops; over TLS, after the handshake.
#[allow(clippy::too_many_arguments)]
async fn connection(
    io: Watched,
    peer: SocketAddr,
    id: u64,
    router: Router,
    http: Arc<hyper::server::conn::http1::Builder>,
    limits: HttpLimits,
    tls: Option<Tls>,
    stopped: watch::Receiver<bool>,
    slot: OwnedSemaphorePermit,
) {
    let (conn, connections) = (io.conn.clone(), io.connections.clone());
    let Some(tls) = tls else {
        return drive(io, peer, id, router, http, limits, stopped, slot).await;
    };
    let handshake = async {
        let start =
            tokio_rustls::LazyConfigAcceptor::new(rustls::server::Acceptor::default(), io).await?;
        let validation = start
            .client_hello()
            .alpn()
            .is_some_and(|mut protocols| protocols.all(|p| p == ACME_TLS_ALPN));
        match (&tls.challenge, validation) {
            (Some(challenge), true) => {
                let mut stream = start.into_stream(challenge.clone()).await?;
                tokio::io::AsyncWriteExt::shutdown(&mut stream).await?;
                Ok(None)
            }
            _ => start.into_stream(tls.serve.clone()).await.map(Some),
        }
    };
    let timeout = HttpLimits::secs(limits.http_header_timeout_secs);
    match tokio::time::timeout(timeout, handshake).await {
        Ok(Ok(Some(stream))) => drive(stream, peer, id, router, http, limits, stopped, slot).await,
        Ok(Ok(None)) => connections.remove(id),
        Ok(Err(e)) => {
            tracing::debug!(error = %e, "TLS handshake failed");
            connections.remove(id);
        }
        Err(_) => {
            tracing::debug!("TLS handshake timed out");
            connections.remove(id);
        }
    }
    drop(conn);
}

/// Serves HTTP on one connection's stream, plain or TLS.
#[allow(clippy::too_many_arguments)]
async fn drive<I>(
    io: I,
    peer: SocketAddr,
    id: u64,
    router: Router,
    http: Arc<hyper::server::conn::http1::Builder>,
    limits: HttpLimits,
    mut stopped: watch::Receiver<bool>,
    _slot: OwnedSemaphorePermit,
) where
    I: Watches + AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let (conn, connections) = io.watched();
    let (in_service, all) = (conn.clone(), connections.clone());
    let service = hyper::service::service_fn(move |mut request: Request<Incoming>| {
        request.extensions_mut().insert(ConnectInfo(peer));
        let running = InFlight::enter(&in_service, &all);
        let mut router = router.clone();
        async move {
            let response = router.call(request).await;
            drop(running);
            response
        }
    });
    let served = http.serve_connection(TokioIo::new(io), service);
    tokio::pin!(served);
    let keep_alive = HttpLimits::secs(limits.http_keep_alive_secs);
    let idle = HttpLimits::secs(limits.http_idle_timeout_secs);
    let mut check = tokio::time::interval(Duration::from_millis(250));
    check.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut stopping = false;
    loop {
        tokio::select! {
            ended = served.as_mut() => {
                if let Err(e) = ended {
                    tracing::debug!(error = %e, "connection ended with an error");
                }
                break;
            }
            () = conn.close.notified() => break,
            _ = stopped.wait_for(|s| *s), if !stopping => {
                stopping = true;
                served.as_mut().graceful_shutdown();
            }
            _ = check.tick() => {
                let quiet = connections.idle_for(&conn);
                let waiting = conn.in_flight.load(Ordering::Relaxed) == 0;
                if quiet >= idle || (waiting && quiet >= keep_alive) {
                    break;
                }
            }
        }
    }
    connections.remove(id);
}

/// A connection's stream that knows its [`Conn`]: the socket, or TLS over it.
trait Watches {
    fn watched(&self) -> (Arc<Conn>, Arc<Connections>);
}

impl Watches for Watched {
    fn watched(&self) -> (Arc<Conn>, Arc<Connections>) {
        (self.conn.clone(), self.connections.clone())
    }
}

impl Watches for tokio_rustls::server::TlsStream<Watched> {
    fn watched(&self) -> (Arc<Conn>, Arc<Connections>) {
        self.get_ref().0.watched()
    }
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
            let database = cli.config.service.database.clone();
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
