//! `mailping`: the pixel server and the bot in one process, for one server. They share the
//! settings, the listener (pixel, copy pages, probes, Discord interactions, Telegram
//! webhook), `/readyz`, `/metrics`, and the shutdown. Without `DATABASE_URL` it runs its own
//! PostgreSQL in `MAILPING_DATA_DIR`; with an `https://` `PUBLIC_BASE_URL` and no proxy in
//! front, it listens on 443 and 80 and gets its certificate by ACME (Let's Encrypt by
//! default), kept in the data directory.

use std::net::{IpAddr, SocketAddr, UdpSocket};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Path as UrlPath, State};
use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use clap::{Args, CommandFactory};
use futures_util::StreamExt as _;
use mailping_pixel_server::{Extras, PixelConfig};
use mailping_shared::config::Command;
use mailping_shared::postgres::{DataDir, OwnedCluster};
use mailping_shared::service::{self, Program, StartError, Tls};
use mailping_shared::{db, shutdown, telemetry};
use rustls_acme::caches::DirCache;
use rustls_acme::{AcmeConfig, ResolvesServerCertAcme};
use secrecy::{ExposeSecret, SecretString};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use crate::config::{BotConfig, ChatConfig};
use crate::health::{self, Health};
use crate::telegram;

/// Let's Encrypt's production directory, the default CA.
pub const LETS_ENCRYPT: &str = "https://acme-v02.api.letsencrypt.org/directory";

/// `SPILL_DIR`'s default in `mailping`.
const DEFAULT_SPILL: &str = "<MAILPING_DATA_DIR>/spill";

/// What `DATABASE_URL` holds when it is not given: `mailping` runs its own cluster.
const OWN_DATABASE: &str = "own";

/// How long `mailping` waits at start-up for Telegram to say whether it knows the token.
const TOKEN_CHECK: Duration = Duration::from_secs(10);

/// `mailping [serve|migrate]` and its settings.
pub type Cli = service::Cli<OneProcessConfig>;

/// `mailping`'s settings: the pixel server's, the chat platforms', and its own.
#[derive(Args, Debug, Clone)]
pub struct OneProcessConfig {
    #[command(flatten)]
    pub pixel: PixelConfig,
    #[command(flatten)]
    pub chat: ChatConfig,
    #[command(flatten)]
    pub server: ServerConfig,
}

impl Program for OneProcessConfig {
    const NAME: &'static str = "mailping";
    const ABOUT: &'static str =
        "MailPing in one process: the pixel server and the bot, with its own database and HTTPS";
}

/// Whether `mailping` serves HTTPS itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HttpsMode {
    /// HTTPS when PUBLIC_BASE_URL is https:// and TRUSTED_PROXIES is empty (no proxy in front).
    Auto,
    /// Always, and without checking that the domain resolves to an address of this machine
    /// (a machine behind NAT).
    Acme,
    /// Never: plain HTTP on PIXEL_LISTEN_ADDR, behind a proxy that does TLS.
    Off,
}

impl FromStr for HttpsMode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(HttpsMode::Auto),
            "acme" => Ok(HttpsMode::Acme),
            "off" => Ok(HttpsMode::Off),
            _ => Err("must be auto, acme or off".into()),
        }
    }
}

/// The settings only `mailping` has.
#[derive(Args, Debug, Clone)]
pub struct ServerConfig {
    /// Directory of mailping's own database, its certificate and its spill directory.
    #[arg(
        long,
        env = "MAILPING_DATA_DIR",
        value_name = "MAILPING_DATA_DIR",
        default_value = "mailping-data"
    )]
    pub data_dir: PathBuf,
    /// auto: HTTPS by ACME when PUBLIC_BASE_URL is https:// and TRUSTED_PROXIES is empty; acme: always (skips the check that the domain points here, for machines behind NAT); off: plain HTTP behind a proxy.
    #[arg(long, env = "HTTPS", default_value = "auto")]
    pub https: HttpsMode,
    /// Address of the HTTPS listener.
    #[arg(long, env = "HTTPS_LISTEN_ADDR", default_value = "0.0.0.0:443")]
    pub https_listen_addr: SocketAddr,
    /// Address of the plain HTTP listener that redirects to HTTPS and answers HTTP-01 challenges.
    #[arg(long, env = "HTTP_LISTEN_ADDR", default_value = "0.0.0.0:80")]
    pub http_listen_addr: SocketAddr,
    /// The ACME directory certificates are ordered from.
    #[arg(long, env = "ACME_DIRECTORY", default_value = LETS_ENCRYPT)]
    pub acme_directory: String,
    /// A PEM file of the CA roots the ACME client trusts for ACME_DIRECTORY; unset: the Web PKI's (Let's Encrypt's included).
    #[arg(long, env = "ACME_CA_ROOTS")]
    pub acme_ca_roots: Option<PathBuf>,
    /// An email address the CA may write to about the certificate (expiry, problems).
    #[arg(long, env = "ACME_CONTACT")]
    pub acme_contact: Option<String>,
}

/// `mailping`'s parser: `DATABASE_URL` is optional (without it, the own cluster) and
/// `SPILL_DIR` defaults to the data directory's `spill/`.
pub fn command() -> clap::Command {
    Cli::command()
        .mut_arg("url", |a| {
            a.required(false)
                .default_value(OWN_DATABASE)
                .hide_default_value(true)
                .help("Postgres connection URL. Unset: mailping runs its own PostgreSQL in MAILPING_DATA_DIR")
        })
        .mut_arg("spill_dir", |a| {
            a.default_value(DEFAULT_SPILL)
                .help("Directory where opens go while the database cannot take them; replayed when it can, and at start-up")
        })
}

/// The whole of `mailping`'s `main`.
pub async fn main() -> ExitCode {
    let cli: Cli = mailping_shared::config::load_from(command());
    let Cli {
        command,
        config:
            OneProcessConfig {
                mut pixel,
                chat,
                server,
            },
    } = cli;
    telemetry::init();
    let fail = |e: String| {
        eprintln!("mailping: {e}");
        ExitCode::from(2)
    };
    if let Err(e) = check_chat(&chat) {
        return fail(e);
    }
    // First, so that a second mailping on the same directory says so, whatever else it finds.
    let dir = server.data_dir.clone();
    let data_dir = match tokio::task::spawn_blocking(move || DataDir::take(&dir)).await {
        Ok(Ok(data_dir)) => data_dir,
        Ok(Err(e)) => return fail(e),
        Err(e) => return fail(format!("taking MAILPING_DATA_DIR: {e}")),
    };
    let mut server = server;
    server.data_dir = data_dir.path().to_owned();
    let https = match https_domain(&pixel, &server) {
        Ok(https) => https,
        Err(e) => return fail(e),
    };
    if let Some(domain) = &https
        && server.https == HttpsMode::Auto
        && let Err(e) = resolves_here(domain).await
    {
        return fail(e);
    }
    let (tls_listener, plain_listener) = match &https {
        Some(_) => match (
            bind("HTTPS_LISTEN_ADDR", server.https_listen_addr).await,
            bind("HTTP_LISTEN_ADDR", server.http_listen_addr).await,
        ) {
            (Ok(tls), Ok(plain)) => (Some(tls), Some(plain)),
            (Err(e), _) | (_, Err(e)) => return fail(e),
        },
        None => (None, None),
    };
    if let Err(e) = telegram_knows_token(&chat).await {
        return fail(e);
    }
    let (cluster, _data_dir) = if pixel.service.database.url() == OWN_DATABASE {
        match tokio::task::spawn_blocking(move || OwnedCluster::start(data_dir)).await {
            Ok(Ok(cluster)) => {
                pixel.service.database.url = SecretString::from(cluster.url());
                (Some(cluster), None)
            }
            Ok(Err(e)) => return fail(e),
            Err(e) => return fail(format!("starting the database: {e}")),
        }
    } else {
        (None, Some(data_dir))
    };
    let status = run(
        command,
        pixel,
        chat,
        server,
        https,
        tls_listener,
        plain_listener,
    )
    .await;
    if let Some(cluster) = cluster {
        let _ = tokio::task::spawn_blocking(move || cluster.stop()).await;
    }
    status
}

/// Everything after the database is there: migrate, or build and serve until a signal.
async fn run(
    command: Option<Command>,
    mut pixel: PixelConfig,
    chat: ChatConfig,
    server: ServerConfig,
    https: Option<String>,
    tls_listener: Option<TcpListener>,
    plain_listener: Option<TcpListener>,
) -> ExitCode {
    if command == Some(Command::Migrate) {
        return match db::run_migrations(pixel.service.database.url()).await {
            Ok(n) => {
                tracing::info!(applied = n, "migrations done");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("mailping: migrating the database: {e}");
                ExitCode::FAILURE
            }
        };
    }
    if pixel.spill_dir == Path::new(DEFAULT_SPILL) {
        pixel.spill_dir = server.data_dir.join("spill");
    }
    let health = Health::default();
    let bot_config = BotConfig {
        service: pixel.service.clone(),
        listen_addr: pixel.listen_addr,
        privacy: pixel.privacy.clone(),
        chat,
    };
    let mut extras = Extras::default();
    if let (Some(domain), Some(tls_listener), Some(plain_listener)) =
        (&https, tls_listener, plain_listener)
    {
        match acme(domain, &server, health.clone()) {
            Ok((tls, resolver, task)) => {
                extras.tls = Some(tls);
                extras.background.push(task);
                let probes = service::probes(db::pool(pixel.service.database.url(), 1)).layer(
                    axum::middleware::from_fn_with_state(health.clone(), health::readiness),
                );
                extras
                    .listeners
                    .push((plain_listener, redirect_router(resolver).merge(probes)));
            }
            Err(e) => {
                eprintln!("mailping: {e}");
                return ExitCode::from(2);
            }
        }
        pixel.listen_addr = tls_listener
            .local_addr()
            .unwrap_or(server.https_listen_addr);
        // The pixel server binds its own listener: hand the address over free.
        drop(tls_listener);
    }
    let built = async {
        let pixel = mailping_pixel_server::Application::build(pixel).await?;
        let (bot, routes) = crate::Application::build_embedded(bot_config, health.clone()).await?;
        Ok::<_, StartError>((pixel, bot, routes))
    };
    let (pixel, bot, routes) = match built.await {
        Ok(built) => built,
        Err(e) => {
            eprintln!("mailping: {}", explain_bind(&e));
            return ExitCode::from(2);
        }
    };
    extras.wrap = Some(Box::new(move |router: Router| {
        with_readiness(router.merge(routes), health.clone())
    }));
    let pixel = pixel.with_extras(extras);
    tracing::info!(
        port = pixel.port(),
        https = https.is_some(),
        "mailping listening"
    );
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let on = |mut rx: tokio::sync::watch::Receiver<bool>| async move {
        let _ = rx.wait_for(|s| *s).await;
    };
    let pixel_run = tokio::spawn(pixel.run_until_stopped(on(stopped.clone())));
    let bot_run = tokio::spawn(bot.run_until_stopped(on(stopped)));
    shutdown::signal().await;
    let _ = stop.send(true);
    let mut status = ExitCode::SUCCESS;
    for (what, outcome) in [("pixel server", pixel_run.await), ("bot", bot_run.await)] {
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(e)) => {
                eprintln!("mailping: {what}: {e}");
                status = ExitCode::FAILURE;
            }
            Err(e) => {
                eprintln!("mailping: {what} panicked: {e}");
                status = ExitCode::FAILURE;
            }
        }
    }
    tracing::info!("mailping stopped");
    status
}

/// `app` with a `/readyz` that adds the chat platforms' and the certificate's problems to its
/// own answer. Only `/readyz` is routed to that: every other request, the pixel above all,
/// goes to `app` through the fallback with no middleware in its way. (A `from_fn` layer over
/// the whole router, as the bot alone has, wraps every route; under bench/run's pixel load it
/// cost mailping 11 % more instructions per request than the pixel server alone.)
fn with_readiness(app: Router, health: Health) -> Router {
    let probe = app.clone();
    let readyz = move |request: axum::extract::Request| {
        let (mut probe, health) = (probe.clone(), health.clone());
        async move {
            let database = match tower::Service::call(&mut probe, request).await {
                Ok(response) => response,
                Err(never) => match never {},
            };
            health::with_problems(&health, database)
        }
    };
    Router::new()
        .route("/readyz", get(readyz))
        .fallback_service(app)
}

/// One process is for someone who talks to the bot: it needs a chat platform, and a token
/// that looks like one.
fn check_chat(chat: &ChatConfig) -> Result<(), String> {
    match &chat.telegram.telegram_bot_token {
        None if chat.discord.discord_bot_token.is_none() => Err(
            "no TELEGRAM_BOT_TOKEN: get one from @BotFather in Telegram (send /newbot) and \
             pass it as --telegram-bot-token or TELEGRAM_BOT_TOKEN (or set up Discord, see \
             docs/operations.md)"
                .into(),
        ),
        Some(token) if !telegram_token_shaped(token.expose_secret()) => Err(
            "TELEGRAM_BOT_TOKEN is not a bot token: @BotFather's look like \
             123456789:AAE..., digits, a colon, then letters, digits, - and _"
                .into(),
        ),
        _ => Ok(()),
    }
}

/// Asks Telegram once whether it knows the token, so that a revoked or mistyped one is
/// refused in one line rather than starting a bot that never answers. A Telegram that does
/// not answer in time is no refusal: the bot waits for it, and `/readyz` says so.
async fn telegram_knows_token(chat: &ChatConfig) -> Result<(), String> {
    use teloxide::prelude::Requester as _;
    use teloxide::requests::Request as _;
    let Some(token) = &chat.telegram.telegram_bot_token else {
        return Ok(());
    };
    let bot = telegram::bot(
        token.expose_secret(),
        chat.telegram.telegram_api_url.clone(),
    );
    match tokio::time::timeout(TOKEN_CHECK, bot.get_me().send()).await {
        Ok(Err(e)) if telegram::runner::token_refused(&e) => {
            Err(telegram::runner::TOKEN_REFUSED.to_owned())
        }
        _ => Ok(()),
    }
}

fn telegram_token_shaped(token: &str) -> bool {
    let Some((id, secret)) = token.split_once(':') else {
        return false;
    };
    !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_digit())
        && !secret.is_empty()
        && secret
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The domain to get a certificate for, when `mailping` serves HTTPS itself.
fn https_domain(pixel: &PixelConfig, server: &ServerConfig) -> Result<Option<String>, String> {
    let url = pixel.service.public_base_url.as_str();
    let Some(rest) = url.strip_prefix("https://") else {
        return match server.https {
            HttpsMode::Acme => Err(format!(
                "HTTPS=acme needs an https:// PUBLIC_BASE_URL, not {url}"
            )),
            _ => Ok(None),
        };
    };
    let on = match server.https {
        HttpsMode::Off => false,
        HttpsMode::Acme => true,
        HttpsMode::Auto => pixel.trusted_proxies.0.is_empty(),
    };
    if !on {
        return Ok(None);
    }
    let host = rest.split('/').next().unwrap_or_default();
    let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
    if host.is_empty() || host.parse::<IpAddr>().is_ok() || host.starts_with('[') {
        return Err(format!(
            "PUBLIC_BASE_URL {url} must name a domain for its certificate (Let's Encrypt \
             certifies no bare IP address)"
        ));
    }
    Ok(Some(host.to_ascii_lowercase()))
}

/// Checks that `domain` resolves to an address of this machine: otherwise the CA cannot
/// reach it, and every failed order counts against Let's Encrypt's limit of five failed
/// validations per domain an hour.
async fn resolves_here(domain: &str) -> Result<(), String> {
    let addresses: Vec<IpAddr> = match tokio::net::lookup_host((domain, 443)).await {
        Ok(found) => found.map(|a| a.ip()).collect(),
        Err(_) => Vec::new(),
    };
    points_here(domain, &addresses)
}

/// Whether one of `addresses`, what `domain` resolves to, is this machine's.
fn points_here(domain: &str, addresses: &[IpAddr]) -> Result<(), String> {
    if addresses.is_empty() {
        return Err(format!(
            "{domain} (PUBLIC_BASE_URL) does not resolve: create a DNS A (or AAAA) record \
             for it with this machine's public address, then start again"
        ));
    }
    // An address can be bound only if it is this machine's.
    if addresses
        .iter()
        .any(|ip| UdpSocket::bind(SocketAddr::new(*ip, 0)).is_ok())
    {
        return Ok(());
    }
    let listed: Vec<String> = addresses.iter().map(ToString::to_string).collect();
    Err(format!(
        "{domain} (PUBLIC_BASE_URL) resolves to {}, not to an address of this machine: \
         point its DNS record here (if this machine is behind NAT with that public address, \
         set HTTPS=acme; behind a proxy, set TRUSTED_PROXIES)",
        listed.join(", ")
    ))
}

/// Binds a listener `mailping` owns, with a line that says what to do when it cannot.
async fn bind(setting: &str, addr: SocketAddr) -> Result<TcpListener, String> {
    service::bind(addr).await.map_err(|e| match e {
        StartError::Bind { source, .. } => bind_line(setting, addr, &source),
        other => other.to_string(),
    })
}

fn bind_line(setting: &str, addr: SocketAddr, source: &std::io::Error) -> String {
    match source.kind() {
        std::io::ErrorKind::AddrInUse => format!(
            "port {} ({setting} {addr}) is taken by another program, often a web server \
             (`ss -ltnp 'sport = :{}'` names it): stop it, or put mailping behind it with \
             TRUSTED_PROXIES set",
            addr.port(),
            addr.port()
        ),
        std::io::ErrorKind::PermissionDenied => format!(
            "listening on port {} ({setting}) needs root or CAP_NET_BIND_SERVICE \
             (`setcap cap_net_bind_service=+ep $(which mailping)`)",
            addr.port()
        ),
        _ => format!("cannot listen on {addr} ({setting}): {source}"),
    }
}

fn explain_bind(e: &StartError) -> String {
    match e {
        StartError::Bind { addr, source } => bind_line("listener", *addr, source),
        other => other.to_string(),
    }
}

/// Starts the ACME state machine for `domain`: the TLS configurations, the HTTP-01 answers,
/// and the task that orders and renews the certificate, reporting to `health`.
fn acme(
    domain: &str,
    server: &ServerConfig,
    health: Health,
) -> Result<(Tls, Arc<ResolvesServerCertAcme>, JoinHandle<()>), String> {
    let cache = server.data_dir.join("acme");
    let mut config = AcmeConfig::new([domain])
        .directory(&server.acme_directory)
        .cache(DirCache::new(cache));
    if let Some(contact) = &server.acme_contact {
        config = config.contact_push(format!("mailto:{contact}"));
    }
    if let Some(path) = &server.acme_ca_roots {
        config = config.client_tls_config(Arc::new(client_config(path)?));
    }
    let mut state = config.state();
    let tls = Tls {
        serve: state.default_rustls_config(),
        challenge: Some(state.challenge_rustls_config()),
    };
    let resolver = state.resolver();
    health.down("https", "no certificate yet (ordering one)");
    let directory = server.acme_directory.clone();
    let domain = domain.to_owned();
    let task = tokio::spawn(async move {
        // rustls-acme waits 1 s, 2 s, 4 s … (at most 2^16 s, 18 h) after each failed order.
        let mut failures: u32 = 0;
        while let Some(event) = state.next().await {
            match event {
                Ok(rustls_acme::EventOk::DeployedCachedCert) => {
                    tracing::info!(%domain, "serving the stored certificate");
                    health.up("https");
                }
                Ok(rustls_acme::EventOk::DeployedNewCert) => {
                    tracing::info!(%domain, "new certificate in service");
                    health.up("https");
                    failures = 0;
                }
                Ok(other) => tracing::debug!(event = ?other, "ACME"),
                Err(e) => {
                    let retry_in_secs = 1u64 << failures.min(16);
                    failures += 1;
                    let text = e.to_string();
                    let meaning = order_failure(&text);
                    tracing::error!(
                        %domain, %directory, error = %text, retry_in_secs,
                        "certificate order failed: {meaning}; next try in {retry_in_secs} s"
                    );
                    health.down(
                        "https",
                        format!(
                            "no certificate yet: the order failed ({meaning}); next try \
                             in {retry_in_secs} s"
                        ),
                    );
                }
            }
        }
    });
    Ok((tls, resolver, task))
}

/// What a failed certificate order means, from rustls-acme's error text (which carries the
/// CA's problem document: RFC 8555's `urn:ietf:params:acme:error:*` types).
fn order_failure(text: &str) -> &'static str {
    if text.contains("rateLimited") {
        "the CA's rate limit; Let's Encrypt's limits reset within hours, see \
         letsencrypt.org/docs/rate-limits"
    } else if [":unauthorized", ":connection", ":dns", ":incorrectResponse"]
        .iter()
        .any(|t| text.contains(t))
    {
        "the CA could not reach this machine at the domain on port 443 or 80: check the DNS \
         record and the firewall"
    } else if text.contains("io error") || text.contains("http error") {
        "mailping could not reach the CA at ACME_DIRECTORY"
    } else {
        "the CA refused the order"
    }
}

/// The ACME client's TLS configuration, trusting only the roots in `path`.
fn client_config(path: &Path) -> Result<rustls::ClientConfig, String> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject as _;
    let mut roots = rustls::RootCertStore::empty();
    let certs = CertificateDer::pem_file_iter(path)
        .map_err(|e| format!("ACME_CA_ROOTS {}: {e}", path.display()))?;
    for cert in certs {
        let cert = cert.map_err(|e| format!("ACME_CA_ROOTS {}: {e}", path.display()))?;
        roots
            .add(cert)
            .map_err(|e| format!("ACME_CA_ROOTS {}: {e}", path.display()))?;
    }
    if roots.is_empty() {
        return Err(format!(
            "ACME_CA_ROOTS {} holds no PEM certificate",
            path.display()
        ));
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map(|b| b.with_root_certificates(roots).with_no_client_auth())
        .map_err(|e| format!("ACME client TLS: {e}"))
}

/// Port 80: the HTTP-01 answers, and a redirect to HTTPS for everything else; `mailping`
/// adds `/healthz` and `/readyz`, which answer there too, so that a probe can see what is
/// missing while there is no certificate yet.
fn redirect_router(resolver: Arc<ResolvesServerCertAcme>) -> Router {
    Router::new()
        .route(
            "/.well-known/acme-challenge/{token}",
            get(http01).with_state(resolver),
        )
        .fallback(redirect)
}

async fn http01(
    State(resolver): State<Arc<ResolvesServerCertAcme>>,
    UrlPath(token): UrlPath<String>,
) -> Response {
    match resolver.get_http_01_key_auth(&token) {
        Some(answer) => answer.into_response(),
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

async fn redirect(headers: axum::http::HeaderMap, uri: Uri) -> Response {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(|h| h.rsplit_once(':').map_or(h, |(h, _)| h))
        .filter(|h| !h.is_empty() && !h.contains(['/', ' ']));
    let Some(host) = host else {
        return (StatusCode::BAD_REQUEST, "no Host header").into_response();
    };
    let path = uri.path_and_query().map_or("/", |p| p.as_str());
    (
        StatusCode::MOVED_PERMANENTLY,
        [(header::LOCATION, format!("https://{host}{path}"))],
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn telegram_tokens_are_told_from_junk() {
        assert!(telegram_token_shaped(
            "123456789:AAE_something-LONG0123456789abcdefghij"
        ));
        assert!(telegram_token_shaped("123456:TEST"));
        assert!(!telegram_token_shaped("AAE_something"));
        assert!(!telegram_token_shaped("12a:xyz"));
        assert!(!telegram_token_shaped("123:"));
        assert!(!telegram_token_shaped("123:abc def"));
    }

    #[test]
    fn a_domain_that_points_elsewhere_is_refused_in_one_line() {
        let elsewhere: IpAddr = "203.0.113.7".parse().unwrap();
        let line = points_here("px.example.com", &[elsewhere]).unwrap_err();
        assert!(
            line.contains("px.example.com")
                && line.contains("resolves to 203.0.113.7, not to an address of this machine"),
            "{line}"
        );
        assert!(!line.contains('\n'), "{line}");
        let here: IpAddr = "127.0.0.1".parse().unwrap();
        assert_eq!(points_here("px.example.com", &[elsewhere, here]), Ok(()));
        assert!(
            points_here("px.example.com", &[])
                .unwrap_err()
                .contains("does not resolve")
        );
    }

    #[test]
    fn a_failed_certificate_order_says_what_it_means() {
        // Let's Encrypt's answer to an order past its limit (RFC 8555 problem document).
        let limited = r#"order: acme error: http request error: non 2xx http status: 429 "{\"type\": \"urn:ietf:params:acme:error:rateLimited\", \"detail\": \"too many certificates (5) already issued for this exact set of domains in the last 168h0m0s, retry after 2026-12-08 10:00:00 UTC\", \"status\": 429}""#;
        assert!(order_failure(limited).contains("rate limit"));
        let unreachable = r#"order: bad auth object: Auth { status: Invalid, challenges: [Challenge { typ: TlsAlpn01, error: Some(Problem { typ: Some("urn:ietf:params:acme:error:connection"), detail: Some("connection refused") }) }] }"#;
        assert!(order_failure(unreachable).contains("could not reach"));
        let refused = r#"order: acme error: non 2xx http status: 400 "{\"type\": \"urn:ietf:params:acme:error:rejectedIdentifier\"}""#;
        assert_eq!(order_failure(refused), "the CA refused the order");
        let no_ca = r#"order: acme error: http request error: io error: Os { code: 111, kind: ConnectionRefused, message: "Connection refused" }"#;
        assert!(order_failure(no_ca).contains("could not reach the CA"));
    }
}
