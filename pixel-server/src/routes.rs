//! Every route of the pixel server, and its handlers.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;

use axum::Router;
use axum::extract::{ConnectInfo, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::Utc;
use governor::{Quota, RateLimiter};
use mailping_shared::classifier;
use mailping_shared::commands::privacy_words::{self, OptOutPage};
use mailping_shared::config::{ProxyHeader, TrustedProxies};
use mailping_shared::db::Pool;
use mailping_shared::domain::Token;
use mailping_shared::links;
use mailping_shared::models::tracker;
use mailping_shared::net;
use mailping_shared::service;
use metrics::Counter;
use metrics_exporter_prometheus::PrometheusHandle;

use crate::copy_page;
use crate::gif;
use crate::live_networks::LiveNetworks;
use crate::optout_page;
use crate::recorder::{PendingFetch, Recorder};

/// The limiters' hash: foldhash, seeded at random like the standard library's SipHash (the
/// keys are the clients' own addresses and tokens), at a fraction of its cost per request.
type LimiterHasher = foldhash::fast::RandomState;

/// A rate limiter with one state per key, on governor's default clock and store.
pub type KeyedLimiter<K> = RateLimiter<
    K,
    governor::state::keyed::DefaultKeyedStateStore<K, LimiterHasher>,
    governor::clock::DefaultClock,
>;

/// Everything a handler needs, shared as `State<AppState>`.
pub struct App {
    pub pool: Pool,
    pub recorder: Recorder,
    pub trusted_proxies: TrustedProxies,
    /// The listed networks, looked up with each client's full address.
    pub networks: Arc<LiveNetworks>,
    /// The header the trusted proxies write the client's address into.
    pub proxy_header: ProxyHeader,
    /// Keyed on `net::rate_limit_key`: an IPv4 address, or the IPv6 /48.
    pub per_client: KeyedLimiter<IpAddr>,
    pub per_token: KeyedLimiter<Token>,
    pub base_url: mailping_shared::config::BaseUrl,
    pub metrics: PrometheusHandle,
    pub requests: Counter,
    pub rate_limited: Counter,
}

pub type AppState = Arc<App>;

impl App {
    /// The client address of a request: the peer, or what a trusted proxy says in every line
    /// of its header.
    fn client_ip(&self, peer: SocketAddr, headers: &HeaderMap) -> IpAddr {
        net::client_ip(
            peer.ip(),
            headers
                .get_all(self.proxy_header.name())
                .iter()
                .map(HeaderValue::as_bytes),
            self.proxy_header,
            &self.trusted_proxies,
        )
    }

    pub fn limiters(
        per_client_per_minute: u32,
        per_token_per_minute: u32,
    ) -> (KeyedLimiter<IpAddr>, KeyedLimiter<Token>) {
        let quota = |n: u32| Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN));
        (
            RateLimiter::dashmap_with_hasher(
                quota(per_client_per_minute),
                LimiterHasher::default(),
            ),
            RateLimiter::dashmap_with_hasher(quota(per_token_per_minute), LimiterHasher::default()),
        )
    }
}

/// Every route. Each request runs in a tracing span named by its route, except the image:
/// that handler never fails and logs what it must with its own context, and a span per image
/// cost 4 % of the server's CPU under bench/run.
pub fn router(state: AppState) -> Router {
    let rest = Router::new()
        .route(
            &format!("/{}/{{token}}", links::COPY_PAGE_PREFIX),
            get(copy_page),
        )
        .route(
            &format!("/{}/{{token}}", links::OPTOUT_PREFIX),
            get(optout_page).post(optout_withdraw),
        )
        .merge(service::probes(state.pool.clone()))
        .fallback(not_found)
        .with_state(state.clone());
    Router::new()
        .route(&format!("/{}/{{file}}", links::PIXEL_PREFIX), get(pixel))
        .with_state(state)
        .merge(service::with_request_spans(rest))
}

async fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "not found").into_response()
}

/// Serves the GIF and queues the fetch. Never touches the database, never fails.
async fn pixel(
    State(app): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(file): Path<String>,
    // The whole request rather than the `HeaderMap` extractor, which clones every header.
    request: Request,
) -> Response {
    let (method, headers) = (request.method(), request.headers());
    let Some(token) = links::parse_pixel_file(&file) else {
        return not_found().await;
    };
    app.requests.increment(1);
    // A token MailPing never generates can match no tracker: it gets the same GIF as any
    // other and costs the queue nothing. The check is on the form alone, so it tells
    // nobody whether a well-formed token exists.
    if !token.is_well_formed() {
        return gif::response();
    }
    let client = app.client_ip(peer, headers);
    let method = match *method {
        Method::GET => classifier::Method::Get,
        Method::HEAD => classifier::Method::Head,
        _ => classifier::Method::Other,
    };
    // HEAD never downloads the image and a prefetch is not a person looking: answer, record nothing.
    let headers_seen = headers.iter().map(|(n, v)| (n.as_str(), v.as_bytes()));
    let Some(origin) = classifier::admit(method, headers_seen, client, &app.networks.current())
    else {
        return gif::response();
    };
    if app
        .per_client
        .check_key(&net::rate_limit_key(client))
        .is_err()
        || app.per_token.check_key(&token).is_err()
    {
        app.rate_limited.increment(1);
        return gif::response();
    }
    let user_agent = headers
        .get(header::USER_AGENT)
        .map(|v| PendingFetch::user_agent_from(v.as_bytes()));
    app.recorder
        .record(PendingFetch {
            token,
            at: Utc::now(),
            user_agent,
            network: net::truncate(client),
            origin,
            verdict: None,
        })
        .await;
    gif::response()
}

/// The page webmail users copy the invisible image from. Viewing it teaches MailPing the
/// sender's network, so their own later views are `self`; it never counts as an open.
async fn copy_page(
    State(app): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(raw): Path<String>,
    headers: HeaderMap,
) -> Response {
    let Some(copy_token) = Token::parse(&raw) else {
        return not_found().await;
    };
    let client = app.client_ip(peer, &headers);
    let user_agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(mailping_shared::models::open::truncate_user_agent)
        .unwrap_or("");
    let found = async {
        let mut conn = app.pool.get().await?;
        let Some(t) = tracker::find_by_copy_token(&mut conn, copy_token).await? else {
            return Ok(None);
        };
        // A scanner or preview bot opening the link is not the sender: learn nothing from it.
        if !classifier::is_bot(
            Some(user_agent).filter(|ua| !ua.is_empty()),
            client,
            &app.networks.current(),
        ) {
            tracker::remember_sender_network(
                &mut conn,
                t.account_id,
                net::truncate(client),
                user_agent,
            )
            .await?;
        }
        Ok::<_, mailping_shared::errors::DbError>(Some(t))
    }
    .await;
    match found {
        Ok(Some(t)) => copy_page::response(
            &app.base_url,
            &t.label,
            &links::pixel_url(&app.base_url, t.token),
        ),
        Ok(None) => copy_page::message(StatusCode::NOT_FOUND, "This link is not valid."),
        Err(e) => {
            tracing::error!(error = %e, "copy page: database error");
            copy_page::message(
                StatusCode::SERVICE_UNAVAILABLE,
                "Something went wrong. Please reload in a moment.",
            )
        }
    }
}

/// The opt-out page's words, in the browser's language where MailPing has it.
fn optout_words(headers: &HeaderMap) -> OptOutPage {
    privacy_words::optout_page_words(
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    )
}

/// The recipient's opt-out page: a button, and nothing changes until it is pressed. HEAD is
/// answered by the same handler without a body (axum), and changes nothing either.
async fn optout_page(
    State(app): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(raw): Path<String>,
    headers: HeaderMap,
) -> Response {
    let words = optout_words(&headers);
    let Some(token) = Token::parse(&raw) else {
        return optout_page::said(StatusCode::NOT_FOUND, &words, &words.unknown);
    };
    // Each view asks Postgres: rate-limited per client, as pixel fetches are.
    if app
        .per_client
        .check_key(&net::rate_limit_key(app.client_ip(peer, &headers)))
        .is_err()
    {
        app.rate_limited.increment(1);
        return optout_page::said(StatusCode::TOO_MANY_REQUESTS, &words, &words.too_many);
    }
    let found = async {
        let mut conn = app.pool.get().await?;
        Ok::<_, mailping_shared::errors::DbError>(
            tracker::find_by_optout_token(&mut conn, token).await?,
        )
    }
    .await;
    match found {
        Ok(Some(t)) if t.withdrawn_at.is_some() => {
            optout_page::said(StatusCode::OK, &words, &words.already)
        }
        Ok(Some(_)) => optout_page::form(&words, None),
        Ok(None) => optout_page::said(StatusCode::NOT_FOUND, &words, &words.unknown),
        Err(e) => {
            tracing::error!(error = %e, "opt-out page: database error");
            optout_page::said(StatusCode::SERVICE_UNAVAILABLE, &words, &words.try_later)
        }
    }
}

/// The button: withdraws the tracker (`tracker::withdraw`), unless the request is a
/// prefetch, a known machine's, another site's, or not the button's form; then the page is
/// shown again and nothing changes.
async fn optout_withdraw(
    State(app): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(raw): Path<String>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let words = optout_words(&headers);
    let Some(token) = Token::parse(&raw) else {
        return optout_page::said(StatusCode::NOT_FOUND, &words, &words.unknown);
    };
    let client = app.client_ip(peer, &headers);
    if app
        .per_client
        .check_key(&net::rate_limit_key(client))
        .is_err()
    {
        app.rate_limited.increment(1);
        return optout_page::said(StatusCode::TOO_MANY_REQUESTS, &words, &words.too_many);
    }
    let user_agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .filter(|ua| !ua.trim().is_empty());
    let refused =
        if classifier::is_prefetch(headers.iter().map(|(n, v)| (n.as_str(), v.as_bytes()))) {
            Some("prefetch")
        } else if classifier::is_bot(user_agent, client, &app.networks.current()) {
            Some("machine")
        } else if optout_page::from_elsewhere(&headers, &app.base_url) {
            Some("another site")
        } else if !optout_page::is_the_buttons_form(&body) {
            Some("not the button's form")
        } else {
            None
        };
    if let Some(why) = refused {
        tracing::info!(why, "opt-out POST refused; nothing withdrawn");
        return optout_page::form(&words, Some(&words.press_the_button));
    }
    let withdrawn = async {
        let mut conn = app.pool.get().await?;
        Ok::<_, mailping_shared::errors::DbError>(tracker::withdraw(&mut conn, token).await?)
    }
    .await;
    match withdrawn {
        Ok(tracker::Withdrawal::Withdrawn) => {
            tracing::info!("a recipient withdrew a tracker");
            optout_page::said(StatusCode::OK, &words, &words.done)
        }
        Ok(tracker::Withdrawal::AlreadyWithdrawn) => {
            optout_page::said(StatusCode::OK, &words, &words.already)
        }
        Ok(tracker::Withdrawal::Unknown) => {
            optout_page::said(StatusCode::NOT_FOUND, &words, &words.unknown)
        }
        Err(e) => {
            tracing::error!(error = %e, "opt-out: database error");
            optout_page::said(StatusCode::SERVICE_UNAVAILABLE, &words, &words.try_later)
        }
    }
}
