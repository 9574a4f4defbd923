//! A fake Discord REST API server, and builders for signed interaction requests.
//!
//! [`FakeDiscord`] answers the routes MailPing's serenity `Http` calls, records every message
//! the bot sends, and can be told to fail the way Discord does (429, 403 code 50007, 500).
//! Point serenity at it with [`FakeDiscord::http`], or by hand:
//!
//! ```ignore
//! let http = HttpBuilder::new(FakeDiscord::TOKEN)
//!     .proxy(fake.url())
//!     .ratelimiter_disabled(true)
//!     .application_id(ApplicationId::new(FakeDiscord::APPLICATION_ID))
//!     .build();
//! ```
//!
//! Interactions are as strict as Discord: the harness tells the fake when it sends one
//! ([`FakeDiscord::interaction_sent`]) and when the bot's answer arrives
//! ([`FakeDiscord::interaction_answered`], which checks the answer by type). A follow-up on a
//! token before its answer arrived, or on an unknown token, is 404 Unknown Webhook (10015); after
//! the token's 15 minutes, 401 Invalid Webhook Token (50027).
//!
//! serenity 0.12.5 builds every URL as `https://discord.com/api/v10/...`. The fake serves it
//! twice:
//! - over HTTPS ([`FakeDiscord::api_url`]), with a certificate for discord.com signed by a CA
//!   made for the run ([`FakeDiscord::ca_file`]). The bot under test resolves discord.com there
//!   (`DISCORD_API_URL`, `DISCORD_API_CA_FILE`, read by `mailping_bot::discord::http`) and
//!   keeps serenity's rate limiter on, as in production.
//! - over plain HTTP ([`FakeDiscord::url`]) for serenity's proxy, which replaces
//!   `https://discord.com` by the proxy URL. serenity's ratelimiter ignores the proxy, so this
//!   path ([`FakeDiscord::http`]) has it off and shows every answer to the caller.
//!
//! Rate limits are Discord's documented shape: every answer carries `X-RateLimit-Limit`,
//! `-Remaining`, `-Reset`, `-Reset-After` and `-Bucket`, and a request over its bucket
//! ([`BUCKET_LIMIT`] a [`BUCKET_WINDOW`] per `METHOD path`) is 429 with `Retry-After`
//! ([`FakeDiscord::rate_limited`] lists them).
//!
//! # How the injected failures surface in serenity
//!
//! On the proxy path (rate limiter off), every non-2xx answer becomes
//! `serenity::Error::Http(HttpError::UnsuccessfulRequest(ErrorResponse { status_code, error, .. }))`,
//! where `error: DiscordJsonError { code, message, errors }` is decoded from the body.
//!
//! - [`Failure::CannotDmUser`] and [`FakeDiscord::close_dms`]: status 403, `error.code == 50007`,
//!   `error.message == "Cannot send messages to this user"`.
//! - [`Failure::TooManyRequests`]: status 429. Discord's 429 body
//!   (`{"message":"You are being rate limited.","retry_after":1.5,"global":false}`) has no
//!   `code`, so serenity cannot decode it: `error.code == -1` and `error.message` is serenity's
//!   "Could not decode json ..." text. `ErrorResponse` keeps neither the body's `retry_after` nor
//!   the `Retry-After` header, so **a caller cannot read `retry_after` from serenity's error**;
//!   it can only see `status_code == StatusCode::TOO_MANY_REQUESTS` and must pick its own delay.
//!   (With serenity's ratelimiter enabled, as in production, serenity instead sleeps for
//!   `Retry-After` and retries by itself, so no 429 reaches the caller.) The fake still sends the
//!   real body and headers, so a raw HTTP client sees the value.
//!
//! ```ignore
//! use serenity::http::{HttpError, StatusCode};
//! match err {
//!     serenity::Error::Http(HttpError::UnsuccessfulRequest(resp)) if resp.error.code == 50007 => {
//!         // the user closed their DMs
//!     }
//!     serenity::Error::Http(HttpError::UnsuccessfulRequest(resp))
//!         if resp.status_code == StatusCode::TOO_MANY_REQUESTS => {
//!         // rate limited: retry later with our own backoff
//!     }
//!     _ => {}
//! }
//! ```

use std::collections::{HashMap, HashSet, VecDeque};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, post, put};
use ed25519_dalek::{Signer, SigningKey};
use serde_json::{Value, json};
use serenity::http::{Http, HttpBuilder};
use serenity::model::id::ApplicationId;
use tokio::sync::watch;

use crate::fake_tls::FakeTls;
use tokio::task::JoinHandle;

/// The route names [`FakeDiscord::call_count`] counts, as `METHOD path` below `/api/v10`.
pub mod route {
    pub const CREATE_DM: &str = "POST /users/@me/channels";
    pub const CREATE_MESSAGE: &str = "POST /channels/{channel_id}/messages";
    pub const SET_GLOBAL_COMMANDS: &str = "PUT /applications/{application_id}/commands";
    pub const SET_GUILD_COMMANDS: &str =
        "PUT /applications/{application_id}/guilds/{guild_id}/commands";
    /// A follow-up message to an interaction (needs no bot token, as on Discord).
    pub const CREATE_FOLLOWUP: &str = "POST /webhooks/{application_id}/{token}";
    /// Any request no route above matched (answered 404).
    pub const UNMATCHED: &str = "UNMATCHED";
}

const API_PREFIX: &str = "/api/v10";
const SUPPRESS_EMBEDS: u64 = 1 << 2;
const EPHEMERAL: u64 = 1 << 6;
/// Set in every DM channel id, so the fake can tell a DM channel (and its user) from its id and
/// a user id passed where a channel id belongs is an unknown channel, as on Discord.
const DM_CHANNEL_BIT: u64 = 1 << 62;
const FIRST_SNOWFLAKE: u64 = 1_300_000_000_000_000_000;
/// How long an interaction token can send follow-ups.
pub const INTERACTION_TOKEN_LIFETIME: Duration = Duration::from_secs(15 * 60);

/// A message the bot sent.
#[derive(Debug, Clone)]
pub struct SentMessage {
    pub channel_id: u64,
    /// The user at the other end, when the channel is a DM channel.
    pub recipient_user_id: Option<u64>,
    pub message_id: u64,
    pub content: String,
    /// Message flags, e.g. SUPPRESS_EMBEDS = 1 << 2, EPHEMERAL = 1 << 6.
    pub flags: u64,
    pub allowed_mentions: Option<Value>,
    pub components: Option<Value>,
    pub embeds_suppressed: bool,
    pub embeds: Vec<Value>,
    /// The JSON the bot sent last for this message (`payload_json` for multipart).
    pub payload: Value,
    /// For a follow-up message: the interaction token it answered.
    pub interaction_token: Option<String>,
    /// Files uploaded with the message (`files[n]` parts), in order.
    pub files: Vec<SentFile>,
}

/// A file uploaded as a `files[n]` part of a multipart message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentFile {
    pub filename: String,
    pub bytes: Vec<u8>,
}

impl SentMessage {
    /// Links in `content` that Discord would unfurl into a preview, fetching the URL: those not
    /// wrapped in `<...>`, when SUPPRESS_EMBEDS is not set.
    pub fn unfurled_links(&self) -> Vec<String> {
        if self.embeds_suppressed {
            return Vec::new();
        }
        let mut links = Vec::new();
        let mut rest = self.content.as_str();
        while let Some(start) = rest.find("http") {
            let before = &rest[..start];
            let candidate = &rest[start..];
            let end = candidate
                .find(|c: char| c.is_whitespace() || c == '>' || c == ')')
                .unwrap_or(candidate.len());
            let link = &candidate[..end];
            if (link.starts_with("https://") || link.starts_with("http://"))
                && !before.ends_with('<')
            {
                links.push(link.to_owned());
            }
            rest = &candidate[end..];
        }
        links
    }
}

/// A way the next message-creating call fails, see [`FakeDiscord::fail_next`].
#[derive(Debug, Clone)]
pub enum Failure {
    /// 429 with `Retry-After` and `{"message":"You are being rate limited.","retry_after":..}`.
    TooManyRequests { retry_after: f64 },
    /// 403 `{"message":"Cannot send messages to this user","code":50007}`.
    CannotDmUser,
    /// 500 `{"message":"500: Internal Server Error","code":0}`.
    ServerError,
}

/// An in-process fake of Discord's REST API, serving on 127.0.0.1 until dropped.
pub struct FakeDiscord {
    shared: Arc<Shared>,
    addr: SocketAddr,
    tls_addr: SocketAddr,
    /// The CA that signed the fake's discord.com certificate, PEM, for `DISCORD_API_CA_FILE`.
    ca_file: tempfile::NamedTempFile,
    servers: [JoinHandle<()>; 2],
}

struct Shared {
    state: Mutex<FakeState>,
    changes: watch::Sender<u64>,
}

#[derive(Default)]
struct FakeState {
    sent: Vec<SentMessage>,
    next_snowflake: u64,
    failures: VecDeque<Failure>,
    closed_dms: HashSet<u64>,
    guild_channels: HashSet<u64>,
    global_commands: Vec<Value>,
    guild_commands: HashMap<u64, Vec<Value>>,
    last_overwrite: Option<Option<u64>>,
    calls: HashMap<&'static str, usize>,
    requests: Vec<String>,
    /// Interactions Discord sent the bot, by token.
    interactions: HashMap<String, Issued>,
    /// Why Discord refused requests that a bot bug could cause, for the test to see.
    refused: Vec<String>,
    /// How long the bot's answer to an interaction takes to reach Discord.
    answer_latency: Duration,
    /// Rate-limit buckets by `METHOD path`: requests counted in the current window, and when
    /// the window ends.
    buckets: HashMap<String, (u32, SystemTime)>,
    /// Requests refused with 429 because their bucket was spent: the bot sent them although
    /// the headers said to wait.
    rate_limited: Vec<String>,
}

/// An interaction sent to the bot. Its token is a webhook for follow-ups only once the bot's
/// answer reached Discord, and for 15 minutes from the interaction.
#[derive(Debug, Clone, Copy)]
struct Issued {
    kind: u64,
    at: SystemTime,
    acknowledged: bool,
}

impl FakeState {
    fn snowflake(&mut self) -> u64 {
        self.next_snowflake += 1;
        FIRST_SNOWFLAKE + self.next_snowflake
    }
}

type Reply = Result<Response, ApiError>;

impl FakeDiscord {
    /// The bot token the fake accepts as `Authorization: Bot <TOKEN>`; anything else is 401.
    pub const TOKEN: &'static str =
        "MTE5MDAwMDAwMDAwMDAwMDAwMQ.GfAkEd.fake-discord-token-for-tests";
    /// The application id, which is also the bot's user id.
    pub const APPLICATION_ID: u64 = 1_190_000_000_000_000_001;
    /// The guild text channel the interaction builders use; messages to it are accepted.
    pub const GUILD_CHANNEL_ID: u64 = 1_190_000_000_000_000_100;

    /// Starts the fake on a random port.
    pub async fn start() -> Self {
        let state = FakeState {
            guild_channels: HashSet::from([Self::GUILD_CHANNEL_ID]),
            ..FakeState::default()
        };
        let shared = Arc::new(Shared {
            state: Mutex::new(state),
            changes: watch::Sender::new(0),
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the fake Discord API");
        let addr = listener.local_addr().expect("fake Discord API address");
        let tls = FakeTls::for_host("discord.com");
        let tls_listener = tls.listener(
            tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind the fake Discord API's HTTPS"),
        );
        let tls_addr =
            axum::serve::Listener::local_addr(&tls_listener).expect("fake Discord HTTPS address");
        let app = router(Arc::clone(&shared));
        let plain = tokio::spawn({
            let app = app.clone();
            async move {
                axum::serve(listener, app)
                    .await
                    .expect("serve the fake Discord API");
            }
        });
        let https = tokio::spawn(async move {
            axum::serve(tls_listener, app)
                .await
                .expect("serve the fake Discord API over HTTPS");
        });
        let mut ca_file = tempfile::NamedTempFile::new().expect("a file for the fake's CA");
        std::io::Write::write_all(&mut ca_file, tls.ca_pem.as_bytes()).expect("write the CA");
        Self {
            shared,
            addr,
            tls_addr,
            ca_file,
            servers: [plain, https],
        }
    }

    /// The base URL to pass to `HttpBuilder::proxy` (plain HTTP, for [`Self::http`]).
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The HTTPS address that stands in for discord.com, as the bot's `DISCORD_API_URL`.
    pub fn api_url(&self) -> String {
        format!("https://{}", self.tls_addr)
    }

    /// A file holding the CA that signed the fake's discord.com certificate, PEM, as the bot's
    /// `DISCORD_API_CA_FILE`.
    pub fn ca_file(&self) -> &std::path::Path {
        self.ca_file.path()
    }

    /// A serenity `Http` wired to this fake: proxy, ratelimiter off, token and application id.
    /// Every answer reaches the caller as it is (a 429 too); the bot takes [`Self::api_url`].
    pub fn http(&self) -> Http {
        HttpBuilder::new(Self::TOKEN)
            .proxy(self.url())
            .ratelimiter_disabled(true)
            .application_id(ApplicationId::new(Self::APPLICATION_ID))
            .build()
    }

    /// The id of the DM channel between the bot and `user_id`, stable for the user.
    pub fn dm_channel_id(user_id: u64) -> u64 {
        assert!(
            user_id & DM_CHANNEL_BIT == 0,
            "user id {user_id} is too large for the fake"
        );
        user_id | DM_CHANNEL_BIT
    }

    /// Every message recorded so far, in the order they were sent.
    pub fn sent(&self) -> Vec<SentMessage> {
        self.shared.lock().sent.clone()
    }

    /// Messages sent to the DM channel with `user_id`, including interaction responses in DMs.
    pub fn dms_to(&self, user_id: u64) -> Vec<SentMessage> {
        self.sent()
            .into_iter()
            .filter(|m| m.recipient_user_id == Some(user_id))
            .collect()
    }

    /// Follow-up messages sent for the interaction with this token.
    pub fn followups(&self, token: &str) -> Vec<SentMessage> {
        self.sent()
            .into_iter()
            .filter(|m| m.interaction_token.as_deref() == Some(token))
            .collect()
    }

    /// Waits until a recorded message matches `pred`, or `timeout` passes.
    pub async fn wait_for(
        &self,
        timeout: Duration,
        pred: impl Fn(&SentMessage) -> bool,
    ) -> Option<SentMessage> {
        let deadline = tokio::time::Instant::now() + timeout;
        let mut changes = self.shared.changes.subscribe();
        loop {
            changes.borrow_and_update();
            // A snapshot, so that `pred` may itself call into the fake.
            if let Some(found) = self.sent().into_iter().find(|m| pred(m)) {
                return Some(found);
            }
            match tokio::time::timeout_at(deadline, changes.changed()).await {
                Ok(Ok(())) => {}
                _ => return None,
            }
        }
    }

    /// Makes the next message-creating call fail once.
    /// Calls queue up: two calls fail the next two messages.
    pub fn fail_next(&self, failure: Failure) {
        self.shared.lock().failures.push_back(failure);
    }

    /// From now on, every message to `user_id`'s DM channel answers 403 code 50007.
    /// Opening the DM channel still succeeds, as on Discord.
    pub fn close_dms(&self, user_id: u64) {
        self.shared.lock().closed_dms.insert(user_id);
    }

    /// Lets the bot post to another guild channel; unknown channels answer 404 code 10003.
    pub fn add_guild_channel(&self, channel_id: u64) {
        self.shared.lock().guild_channels.insert(channel_id);
    }

    /// The commands from the latest bulk overwrite, global or guild, as the fake returned them.
    pub fn registered_commands(&self) -> Vec<Value> {
        let state = self.shared.lock();
        match state.last_overwrite {
            Some(Some(guild_id)) => state
                .guild_commands
                .get(&guild_id)
                .cloned()
                .unwrap_or_default(),
            Some(None) => state.global_commands.clone(),
            None => Vec::new(),
        }
    }

    /// The guild of the latest bulk overwrite, or `None` if it was global (or none happened).
    pub fn registered_guild(&self) -> Option<u64> {
        self.shared.lock().last_overwrite.flatten()
    }

    /// The current global commands.
    pub fn global_commands(&self) -> Vec<Value> {
        self.shared.lock().global_commands.clone()
    }

    /// The current commands of `guild_id`.
    pub fn guild_commands(&self, guild_id: u64) -> Vec<Value> {
        let state = self.shared.lock();
        state
            .guild_commands
            .get(&guild_id)
            .cloned()
            .unwrap_or_default()
    }

    /// How many requests reached `route` (one of [`route`]), failed ones included.
    pub fn call_count(&self, route: &str) -> usize {
        self.shared.lock().calls.get(route).copied().unwrap_or(0)
    }

    /// Every request received, as `METHOD /path`, for debugging a test.
    pub fn requests(&self) -> Vec<String> {
        self.shared.lock().requests.clone()
    }

    /// Requests Discord refused that a bot bug could cause (a follow-up before the
    /// acknowledgement or after the token expired, an invalid interaction response), with why.
    pub fn refused(&self) -> Vec<String> {
        self.shared.lock().refused.clone()
    }

    /// Discord sends `interaction` to the bot's endpoint now: its token becomes known, but
    /// takes follow-ups only once [`Self::interaction_answered`] says the answer arrived.
    pub fn interaction_sent(&self, interaction: &Value) {
        let (Some(token), Some(kind)) = (
            interaction.get("token").and_then(Value::as_str),
            interaction.get("type").and_then(Value::as_u64),
        ) else {
            return;
        };
        let issued = Issued {
            kind,
            at: SystemTime::now(),
            acknowledged: false,
        };
        self.shared
            .lock()
            .interactions
            .insert(token.to_owned(), issued);
    }

    /// The bot's HTTP answer to `interaction` reached Discord: checks it as Discord checks an
    /// interaction response (by its type), and if it is valid the interaction is acknowledged.
    /// Err says why Discord would refuse it (the user would see "This interaction failed").
    pub fn interaction_answered(
        &self,
        interaction: &Value,
        status: u16,
        response: &Value,
    ) -> Result<(), String> {
        let Some(token) = interaction.get("token").and_then(Value::as_str) else {
            return Ok(());
        };
        let mut state = self.shared.lock();
        let Some(issued) = state.interactions.get(token).copied() else {
            return Ok(());
        };
        if status != 200 {
            // Not an answer: Discord tells the user the interaction failed.
            return Ok(());
        }
        match validate_interaction_response(issued.kind, response) {
            Ok(()) => {
                if let Some(issued) = state.interactions.get_mut(token) {
                    issued.acknowledged = true;
                }
                drop(state);
                self.shared.notify();
                Ok(())
            }
            Err(why) => {
                let why = format!("interaction response refused: {why}: {response}");
                state.refused.push(why.clone());
                Err(why)
            }
        }
    }

    /// From now on, the bot's answers to interactions reach Discord `latency` after the bot
    /// sent them (the network between them), so a follow-up sent meanwhile is refused.
    pub fn delay_answers(&self, latency: Duration) {
        self.shared.lock().answer_latency = latency;
    }

    /// How long an interaction answer takes to reach Discord; see [`Self::delay_answers`].
    pub fn answer_latency(&self) -> Duration {
        self.shared.lock().answer_latency
    }

    /// Requests refused with 429 because their bucket was spent, as `METHOD path`; a client
    /// that reads the rate-limit headers makes none (injected failures are not counted).
    pub fn rate_limited(&self) -> Vec<String> {
        self.shared.lock().rate_limited.clone()
    }

    /// Moves an interaction's creation `by` into the past, e.g. past the token's 15 minutes.
    pub fn age_interaction(&self, token: &str, by: Duration) {
        if let Some(issued) = self.shared.lock().interactions.get_mut(token) {
            issued.at -= by;
        }
    }
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        for server in &self.servers {
            server.abort();
        }
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, FakeState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn notify(&self) {
        self.changes.send_modify(|version| *version += 1);
    }

    /// Counts the call and checks the bot token (webhook routes need none, as on Discord).
    fn enter(
        &self,
        route: &'static str,
        uri: &Uri,
        headers: &HeaderMap,
        auth: bool,
    ) -> Result<(), ApiError> {
        let mut state = self.lock();
        *state.calls.entry(route).or_default() += 1;
        state
            .requests
            .push(format!("{} {}", method_of(route), uri.path()));
        let expected = format!("Bot {}", FakeDiscord::TOKEN);
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok());
        if auth && given != Some(expected.as_str()) {
            return Err(error(StatusCode::UNAUTHORIZED, 0, "401: Unauthorized"));
        }
        Ok(())
    }

    /// Discord answers a follow-up on a token it never sent, or on an interaction the bot has
    /// not answered yet, with 404 Unknown Webhook (10015); after the token's 15 minutes with
    /// 401 Invalid Webhook Token (50027).
    fn check_followup_token(&self, token: &str) -> Result<(), ApiError> {
        let mut state = self.lock();
        let refusal = match state.interactions.get(token) {
            None => Some((
                "no interaction has this token",
                404,
                10015,
                "Unknown Webhook",
            )),
            Some(issued) if !issued.acknowledged => Some((
                "follow-up before the interaction was acknowledged",
                404,
                10015,
                "Unknown Webhook",
            )),
            Some(issued)
                if issued.at.elapsed().unwrap_or_default() >= INTERACTION_TOKEN_LIFETIME =>
            {
                Some((
                    "follow-up after the token's 15 minutes",
                    401,
                    50027,
                    "Invalid Webhook Token",
                ))
            }
            Some(_) => None,
        };
        let Some((why, status, code, message)) = refusal else {
            return Ok(());
        };
        state.refused.push(format!("follow-up refused: {why}"));
        let status = StatusCode::from_u16(status).expect("a status code");
        Err(error(status, code, message))
    }

    fn take_failure(&self) -> Result<(), ApiError> {
        match self.lock().failures.pop_front() {
            Some(failure) => Err(failure_response(&failure)),
            None => Ok(()),
        }
    }

    /// Records a new message and answers with it as Discord's Message object.
    fn record(&self, channel_id: u64, payload: Value) -> Response {
        let message = {
            let mut state = self.lock();
            let mut message = SentMessage {
                channel_id,
                recipient_user_id: dm_recipient(channel_id),
                message_id: state.snowflake(),
                content: String::new(),
                flags: 0,
                allowed_mentions: None,
                components: None,
                embeds_suppressed: false,
                embeds: Vec::new(),
                payload: Value::Null,
                interaction_token: None,
                files: Vec::new(),
            };
            apply(&mut message, payload);
            state.sent.push(message.clone());
            message
        };
        self.notify();
        axum::Json(message_json(&message)).into_response()
    }
}

fn router(shared: Arc<Shared>) -> Router {
    fn at(route: &str) -> String {
        let (_, path) = route.split_once(' ').expect("route is METHOD path");
        format!("{API_PREFIX}{path}")
    }
    // Only what the bot calls: opening a DM, sending to it, and registering slash commands.
    let routes: [(&str, MethodRouter<Arc<Shared>>); 5] = [
        (route::CREATE_FOLLOWUP, post(create_followup)),
        (route::CREATE_DM, post(create_dm)),
        (route::CREATE_MESSAGE, post(create_message)),
        (route::SET_GLOBAL_COMMANDS, put(set_global_commands)),
        (route::SET_GUILD_COMMANDS, put(set_guild_commands)),
    ];
    routes
        .into_iter()
        .fold(Router::new(), |router, (route, handler)| {
            router.route(&at(route), handler)
        })
        .fallback(unmatched)
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&shared),
            rate_limit,
        ))
        .with_state(shared)
}

/// Requests one bucket (`METHOD path`: a channel's messages, an interaction's follow-ups, the
/// DM opener) takes per [`BUCKET_WINDOW`]. Discord's own numbers are not published and change;
/// what a client must do is read the headers, which is what this checks.
pub const BUCKET_LIMIT: u32 = 5;
/// The window of [`BUCKET_LIMIT`].
pub const BUCKET_WINDOW: Duration = Duration::from_secs(1);

/// Discord's per-route rate limits: every answer carries `X-RateLimit-Limit`, `-Remaining`,
/// `-Reset`, `-Reset-After` and `-Bucket`; a request over the limit is 429 with `Retry-After`,
/// as documented at discord.com/developers/docs/topics/rate-limits.
async fn rate_limit(
    State(shared): State<Arc<Shared>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let key = format!("{} {}", request.method(), request.uri().path());
    let now = SystemTime::now();
    let verdict = {
        let mut state = shared.lock();
        let (count, ends) = state
            .buckets
            .entry(key.clone())
            .or_insert((0, now + BUCKET_WINDOW));
        if *ends <= now {
            *count = 0;
            *ends = now + BUCKET_WINDOW;
        }
        let ends = *ends;
        let over = *count >= BUCKET_LIMIT;
        if !over {
            *count += 1;
        }
        let remaining = BUCKET_LIMIT - *count;
        if over {
            state.rate_limited.push(key.clone());
        }
        (over, remaining, ends)
    };
    let (over, remaining, ends) = verdict;
    let reset_after = ends.duration_since(now).unwrap_or_default().as_secs_f64();
    let reset = ends
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs_f64();
    let mut response = if over {
        ApiError {
            status: StatusCode::TOO_MANY_REQUESTS,
            body: json!({
                "message": "You are being rate limited.",
                "retry_after": reset_after,
                "global": false,
            }),
            headers: vec![("retry-after", reset_after.ceil().max(1.0).to_string())],
        }
        .into_response()
    } else {
        next.run(request).await
    };
    let bucket = format!("{:016x}", {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        key.hash(&mut hasher);
        hasher.finish()
    });
    let headers = response.headers_mut();
    for (name, value) in [
        ("x-ratelimit-limit", BUCKET_LIMIT.to_string()),
        ("x-ratelimit-remaining", remaining.to_string()),
        ("x-ratelimit-reset", format!("{reset:.3}")),
        ("x-ratelimit-reset-after", format!("{reset_after:.3}")),
        ("x-ratelimit-bucket", bucket),
    ] {
        if !headers.contains_key(name) {
            headers.insert(name, HeaderValue::from_str(&value).expect("header value"));
        }
    }
    response
}

async fn create_dm(
    State(shared): State<Arc<Shared>>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    shared.enter(route::CREATE_DM, &uri, &headers, true)?;
    let payload = parse_payload(&headers, &body)?;
    let user_id = payload
        .get("recipient_id")
        .and_then(snowflake)
        .ok_or_else(|| {
            invalid_form(
                "recipient_id",
                "BASE_TYPE_REQUIRED",
                "This field is required",
            )
        })?;
    let last_message_id = {
        let state = shared.lock();
        let channel_id = FakeDiscord::dm_channel_id(user_id);
        let last = state.sent.iter().rev().find(|m| m.channel_id == channel_id);
        last.map(|m| m.message_id.to_string())
    };
    Ok(axum::Json(json!({
        "id": FakeDiscord::dm_channel_id(user_id).to_string(),
        "type": 1,
        "last_message_id": last_message_id,
        "flags": 0,
        "recipients": [user_json(user_id)],
    }))
    .into_response())
}

async fn create_message(
    State(shared): State<Arc<Shared>>,
    Path(channel_id): Path<u64>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    shared.enter(route::CREATE_MESSAGE, &uri, &headers, true)?;
    shared.take_failure()?;
    let recipient = dm_recipient(channel_id);
    if recipient.is_none() && !shared.lock().guild_channels.contains(&channel_id) {
        return Err(error(StatusCode::NOT_FOUND, 10003, "Unknown Channel"));
    }
    let payload = parse_payload(&headers, &body)?;
    validate_message(&payload)?;
    if recipient.is_some_and(|user| shared.lock().closed_dms.contains(&user)) {
        return Err(failure_response(&Failure::CannotDmUser));
    }
    Ok(shared.record(channel_id, payload))
}

/// `POST /webhooks/{application_id}/{token}`: JSON, or multipart with `payload_json` and
/// `files[n]` parts that the payload's `attachments` (by `id`) must all describe.
async fn create_followup(
    State(shared): State<Arc<Shared>>,
    Path((application_id, token)): Path<(u64, String)>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    shared.enter(route::CREATE_FOLLOWUP, &uri, &headers, false)?;
    check_application(application_id)?;
    shared.check_followup_token(&token)?;
    shared.take_failure()?;
    // The fake's interaction tokens carry their channel: "<prefix>.<channel id>.<interaction id>".
    let channel_id = token
        .split('.')
        .nth(1)
        .and_then(|c| c.parse::<u64>().ok())
        .ok_or_else(|| error(StatusCode::UNAUTHORIZED, 50027, "Invalid Webhook Token"))?;
    let (payload, files) = match multipart_boundary(&headers) {
        Some(boundary) => parse_multipart_message(&body, &boundary).await?,
        None => (parse_payload(&headers, &body)?, Vec::new()),
    };
    validate_message(&payload)?;
    let total: usize = files.iter().map(|f| f.bytes.len()).sum();
    if total > MAX_UPLOAD_BYTES {
        return Err(error(
            StatusCode::PAYLOAD_TOO_LARGE,
            40005,
            "Request entity too large",
        ));
    }
    let described = payload
        .get("attachments")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    if described != files.len() {
        return Err(invalid_form(
            "attachments",
            "ATTACHMENT_NOT_FOUND",
            "Every uploaded file needs an entry in attachments, and every entry a file.",
        ));
    }
    let response = shared.record(channel_id, payload);
    let message = {
        let mut state = shared.lock();
        let message = state.sent.last_mut().expect("just recorded");
        message.interaction_token = Some(token);
        message.files = files;
        message.clone()
    };
    // `record` already woke the waiters, before the token and files were on the message.
    shared.notify();
    let mut json = message_json(&message);
    json["webhook_id"] = json!(FakeDiscord::APPLICATION_ID.to_string());
    json["attachments"] = message
        .files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let url = format!(
                "https://cdn.example.invalid/{}/{i}/{}",
                message.message_id, f.filename
            );
            json!({
                "id": (message.message_id + 1 + i as u64).to_string(),
                "filename": f.filename,
                "size": f.bytes.len(),
                "url": url,
                "proxy_url": url,
            })
        })
        .collect();
    drop(response);
    Ok(axum::Json(json).into_response())
}

/// Discord's default upload limit for a bot without boosts (10 MiB).
const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;

fn multipart_boundary(headers: &HeaderMap) -> Option<String> {
    let content_type = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let params = content_type.strip_prefix("multipart/form-data")?;
    params
        .split(';')
        .find_map(|p| p.trim().strip_prefix("boundary="))
        .map(|b| b.trim_matches('"').to_owned())
}

/// `payload_json` and the `files[n]` parts, in `n` order, parsed with `multer`.
async fn parse_multipart_message(
    body: &[u8],
    boundary: &str,
) -> Result<(Value, Vec<SentFile>), ApiError> {
    let bad = |why: String| error(StatusCode::BAD_REQUEST, 50109, &why);
    let body = Bytes::copy_from_slice(body);
    let stream = futures_util::stream::once(async move { Ok::<_, std::io::Error>(body) });
    let mut multipart = multer::Multipart::new(stream, boundary);
    let mut payload = None;
    let mut files = Vec::new();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| bad(e.to_string()))?
    {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "payload_json" {
            let text = field.text().await.map_err(|e| bad(e.to_string()))?;
            payload = Some(
                serde_json::from_str::<Value>(&text)
                    .map_err(|_| bad("The request body contains invalid JSON.".into()))?,
            );
        } else if let Some(n) = name
            .strip_prefix("files[")
            .and_then(|rest| rest.strip_suffix(']'))
            .and_then(|n| n.parse::<usize>().ok())
        {
            let filename = field.file_name().unwrap_or_default().to_owned();
            let bytes = field
                .bytes()
                .await
                .map_err(|e| bad(e.to_string()))?
                .to_vec();
            files.push((n, SentFile { filename, bytes }));
        } else {
            return Err(bad(format!("unexpected form part {name:?}")));
        }
    }
    files.sort_by_key(|(n, _)| *n);
    let payload = payload.ok_or_else(|| bad("payload_json is missing".into()))?;
    Ok((payload, files.into_iter().map(|(_, f)| f).collect()))
}

async fn set_global_commands(
    State(shared): State<Arc<Shared>>,
    Path(application_id): Path<u64>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    shared.enter(route::SET_GLOBAL_COMMANDS, &uri, &headers, true)?;
    overwrite_commands(&shared, application_id, None, &headers, &body)
}

async fn set_guild_commands(
    State(shared): State<Arc<Shared>>,
    Path((application_id, guild_id)): Path<(u64, u64)>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    shared.enter(route::SET_GUILD_COMMANDS, &uri, &headers, true)?;
    overwrite_commands(&shared, application_id, Some(guild_id), &headers, &body)
}

fn overwrite_commands(
    shared: &Shared,
    application_id: u64,
    guild_id: Option<u64>,
    headers: &HeaderMap,
    body: &[u8],
) -> Reply {
    check_application(application_id)?;
    let payload = parse_payload(headers, body)?;
    let Value::Array(commands) = payload else {
        return Err(invalid_form("", "BASE_TYPE_ARRAY", "Must be an array."));
    };
    validate_commands(&commands)?;
    let commands: Vec<Value> = commands
        .into_iter()
        .map(|command| command_json(command, guild_id))
        .collect();
    {
        let mut state = shared.lock();
        match guild_id {
            Some(guild_id) => {
                state.guild_commands.insert(guild_id, commands.clone());
            }
            None => state.global_commands = commands.clone(),
        }
        state.last_overwrite = Some(guild_id);
    }
    shared.notify();
    Ok(axum::Json(Value::Array(commands)).into_response())
}

async fn unmatched(State(shared): State<Arc<Shared>>, method: Method, uri: Uri) -> ApiError {
    let mut state = shared.lock();
    *state.calls.entry(route::UNMATCHED).or_default() += 1;
    state.requests.push(format!("{method} {}", uri.path()));
    error(StatusCode::NOT_FOUND, 0, "404: Not Found")
}

fn method_of(route: &str) -> &str {
    route.split_once(' ').map_or(route, |(method, _)| method)
}

fn check_application(application_id: u64) -> Result<(), ApiError> {
    if application_id == FakeDiscord::APPLICATION_ID {
        Ok(())
    } else {
        Err(error(StatusCode::NOT_FOUND, 10002, "Unknown Application"))
    }
}

fn dm_recipient(channel_id: u64) -> Option<u64> {
    (channel_id & DM_CHANNEL_BIT != 0).then_some(channel_id & !DM_CHANNEL_BIT)
}

/// Applies a create payload: only the fields present change, `null` clears.
fn apply(message: &mut SentMessage, payload: Value) {
    if let Some(content) = payload.get("content") {
        message.content = content.as_str().unwrap_or_default().to_owned();
    }
    if let Some(flags) = payload.get("flags") {
        message.flags = flags.as_u64().unwrap_or(0);
        message.embeds_suppressed = message.flags & SUPPRESS_EMBEDS != 0;
    }
    if let Some(mentions) = payload.get("allowed_mentions") {
        message.allowed_mentions = (!mentions.is_null()).then(|| mentions.clone());
    }
    if let Some(components) = payload.get("components") {
        message.components = (!components.is_null()).then(|| components.clone());
    }
    if let Some(embeds) = payload.get("embeds") {
        message.embeds = embeds.as_array().cloned().unwrap_or_default();
    }
    message.payload = payload;
}

fn parse_payload(headers: &HeaderMap, body: &[u8]) -> Result<Value, ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let json = match content_type.strip_prefix("multipart/form-data") {
        Some(params) => multipart_payload_json(params, body),
        None => Some(body.to_vec()),
    };
    json.and_then(|json| serde_json::from_slice(&json).ok())
        .ok_or_else(|| {
            error(
                StatusCode::BAD_REQUEST,
                50109,
                "The request body contains invalid JSON.",
            )
        })
}

/// The `payload_json` part of a multipart body (serenity sends one when attaching files).
fn multipart_payload_json(params: &str, body: &[u8]) -> Option<Vec<u8>> {
    let boundary = params
        .split(';')
        .find_map(|p| p.trim().strip_prefix("boundary="))?;
    let body = String::from_utf8_lossy(body);
    let delimiter = format!("--{}", boundary.trim_matches('"'));
    body.split(delimiter.as_str()).find_map(|part| {
        let (head, content) = part.split_once("\r\n\r\n")?;
        head.contains("name=\"payload_json\"")
            .then(|| content.trim_end_matches("\r\n").as_bytes().to_vec())
    })
}

/// Discord's checks on a message body that a bot bug could trip.
fn validate_message(payload: &Value) -> Result<(), ApiError> {
    let text = |key: &str| payload.get(key).and_then(Value::as_str).unwrap_or_default();
    let list = |key: &str| {
        payload
            .get(key)
            .and_then(Value::as_array)
            .map_or(0, Vec::len)
    };
    if text("content").chars().count() > 2000 {
        return Err(invalid_form(
            "content",
            "BASE_TYPE_MAX_LENGTH",
            "Must be 2000 or fewer in length.",
        ));
    }
    let empty = text("content").is_empty()
        && list("embeds") == 0
        && list("components") == 0
        && list("sticker_ids") == 0
        && list("attachments") == 0
        && payload.get("poll").is_none_or(Value::is_null);
    if empty {
        return Err(error(
            StatusCode::BAD_REQUEST,
            50006,
            "Cannot send an empty message",
        ));
    }
    validate_message_limits(payload)
}

/// The limits on a message's fields, which an edit (only the fields it changes) must meet too.
fn validate_message_limits(payload: &Value) -> Result<(), ApiError> {
    let text = |key: &str| payload.get(key).and_then(Value::as_str).unwrap_or_default();
    if text("content").chars().count() > 2000 {
        return Err(invalid_form(
            "content",
            "BASE_TYPE_MAX_LENGTH",
            "Must be 2000 or fewer in length.",
        ));
    }
    let rows = payload.get("components").and_then(Value::as_array);
    if rows.is_some_and(|rows| rows.len() > 5) {
        return Err(invalid_form(
            "components",
            "BASE_TYPE_MAX_LENGTH",
            "Must be 5 or fewer in length.",
        ));
    }
    for (r, row) in rows.into_iter().flatten().enumerate() {
        let items = row.get("components").and_then(Value::as_array);
        if items.is_none_or(|items| items.is_empty() || items.len() > 5) {
            return Err(invalid_form(
                &format!("components.{r}.components"),
                "BASE_TYPE_BAD_LENGTH",
                "Must be between 1 and 5 in length.",
            ));
        }
        for (i, item) in items.into_iter().flatten().enumerate() {
            let limits = [("custom_id", 100), ("label", 80)];
            for (key, max) in limits {
                let value = item.get(key).and_then(Value::as_str).unwrap_or_default();
                if value.chars().count() > max {
                    return Err(invalid_form(
                        &format!("components.{r}.components.{i}.{key}"),
                        "BASE_TYPE_MAX_LENGTH",
                        &format!("Must be {max} or fewer in length."),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Discord's checks on an interaction response, by the response's type and the interaction's
/// (1 ping, 2 application command, 3 message component, 4 autocomplete, 5 modal submit).
fn validate_interaction_response(interaction: u64, response: &Value) -> Result<(), String> {
    let kind = response
        .get("type")
        .and_then(Value::as_u64)
        .ok_or("no type")?;
    let data = response.get("data").filter(|d| !d.is_null());
    let allowed: &[u64] = match kind {
        1 => &[1],
        4 | 5 => &[2, 3, 5],
        6 | 7 => &[3, 5],
        8 => &[4],
        9 => &[2, 3],
        _ => return Err(format!("unknown response type {kind}")),
    };
    if !allowed.contains(&interaction) {
        return Err(format!(
            "response type {kind} does not answer interaction type {interaction}"
        ));
    }
    let message_error = |e: ApiError| format!("{}", e.body);
    match (kind, data) {
        (1 | 6, Some(_)) => Err(format!("response type {kind} takes no data")),
        (4, None) => Err("a message response needs data".into()),
        (4, Some(data)) => validate_message(data).map_err(message_error),
        (5, Some(data)) => {
            let extra: Vec<_> = data
                .as_object()
                .into_iter()
                .flatten()
                // serenity also sends an empty `attachments`, which Discord takes.
                .filter(|(k, v)| match k.as_str() {
                    "flags" => false,
                    "attachments" => v.as_array().is_none_or(|a| !a.is_empty()),
                    _ => true,
                })
                .map(|(k, _)| k.clone())
                .collect();
            let flags = data.get("flags").and_then(Value::as_u64).unwrap_or(0);
            if !extra.is_empty() {
                Err(format!(
                    "a deferred response takes only flags, not {extra:?}"
                ))
            } else if flags & !EPHEMERAL != 0 {
                Err(format!(
                    "a deferred response may only set EPHEMERAL, not {flags}"
                ))
            } else {
                Ok(())
            }
        }
        (7, Some(data)) => validate_message_limits(data).map_err(message_error),
        _ => Ok(()),
    }
}

/// Discord's checks on application commands that a bot bug could trip.
fn validate_commands(commands: &[Value]) -> Result<(), ApiError> {
    let mut names = HashSet::new();
    for (c, command) in commands.iter().enumerate() {
        let slash = command.get("type").and_then(Value::as_u64).unwrap_or(1) == 1;
        let name = command
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default();
        if !names.insert(name) {
            return Err(invalid_form(
                &format!("{c}.name"),
                "APPLICATION_COMMANDS_DUPLICATE_NAME",
                "Application command names must be unique",
            ));
        }
        if slash {
            validate_described(command, &c.to_string())?;
        }
        let options = command.get("options").and_then(Value::as_array);
        validate_options(options.map_or(&[][..], Vec::as_slice), &c.to_string())?;
    }
    Ok(())
}

fn validate_options(options: &[Value], path: &str) -> Result<(), ApiError> {
    if options.len() > 25 {
        return Err(invalid_form(
            &format!("{path}.options"),
            "BASE_TYPE_MAX_LENGTH",
            "Must be 25 or fewer in length.",
        ));
    }
    let mut optional_seen = false;
    for (o, option) in options.iter().enumerate() {
        let option_path = format!("{path}.options.{o}");
        validate_described(option, &option_path)?;
        let required = option
            .get("required")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        if required && optional_seen {
            return Err(invalid_form(
                &format!("{path}.options"),
                "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                "Required options must be placed before non-required options",
            ));
        }
        optional_seen |= !required;
        let nested = option.get("options").and_then(Value::as_array);
        validate_options(nested.map_or(&[][..], Vec::as_slice), &option_path)?;
    }
    Ok(())
}

/// The locales Discord takes in `name_localizations` and `description_localizations`
/// (discord.com/developers/docs/reference#locales).
pub const DISCORD_LOCALES: &[&str] = &[
    "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl",
    "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th",
    "zh-CN", "ja", "zh-TW", "ko",
];

/// A command or option name: 1 to 32 letters, digits, `-` or `_`, lowercase where the script
/// has case.
fn name_ok(name: &str) -> bool {
    (1..=32).contains(&name.chars().count())
        && name
            .chars()
            .all(|c| c == '-' || c == '_' || (c.is_alphanumeric() && !c.is_uppercase()))
}

/// A slash command or option name and description, and their localisations.
fn validate_described(item: &Value, path: &str) -> Result<(), ApiError> {
    let name = item.get("name").and_then(Value::as_str).unwrap_or_default();
    if !name_ok(name) {
        return Err(invalid_form(
            &format!("{path}.name"),
            "APPLICATION_COMMAND_INVALID_NAME",
            &format!("Command name is invalid: {name:?}"),
        ));
    }
    let description = item
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if !(1..=100).contains(&description.chars().count()) {
        return Err(invalid_form(
            &format!("{path}.description"),
            "BASE_TYPE_BAD_LENGTH",
            "Must be between 1 and 100 in length.",
        ));
    }
    for (field, check) in [
        ("name_localizations", name_ok as fn(&str) -> bool),
        ("description_localizations", |d: &str| {
            (1..=100).contains(&d.chars().count())
        }),
    ] {
        let Some(map) = item.get(field).filter(|v| !v.is_null()) else {
            continue;
        };
        let Some(map) = map.as_object() else {
            return Err(invalid_form(
                &format!("{path}.{field}"),
                "DICT_TYPE_CONVERT",
                "Only dictionaries may be used in a DictType",
            ));
        };
        for (locale, value) in map {
            if !DISCORD_LOCALES.contains(&locale.as_str()) {
                return Err(invalid_form(
                    &format!("{path}.{field}"),
                    "BASE_TYPE_CHOICES",
                    &format!("Value must be one of {DISCORD_LOCALES:?}; got {locale:?}."),
                ));
            }
            if !value.as_str().is_some_and(check) {
                return Err(invalid_form(
                    &format!("{path}.{field}.{locale}"),
                    "APPLICATION_COMMAND_INVALID_LOCALIZATION",
                    &format!("Invalid {field} value for {locale}: {value}"),
                ));
            }
        }
    }
    Ok(())
}

/// An error answer in Discord's shape: a status, a JSON body and sometimes rate-limit headers.
#[derive(Debug)]
struct ApiError {
    status: StatusCode,
    body: Value,
    headers: Vec<(&'static str, String)>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, axum::Json(self.body)).into_response();
        for (name, value) in self.headers {
            let value = HeaderValue::from_str(&value).expect("header value");
            response.headers_mut().insert(name, value);
        }
        response
    }
}

fn error(status: StatusCode, code: u64, message: &str) -> ApiError {
    ApiError {
        status,
        body: json!({ "message": message, "code": code }),
        headers: Vec::new(),
    }
}

/// A 400 "Invalid Form Body" with the field error nested at the dotted `path`, as Discord does.
fn invalid_form(path: &str, code: &str, message: &str) -> ApiError {
    let mut errors = json!({ "_errors": [{ "code": code, "message": message }] });
    for key in path.rsplit('.').filter(|key| !key.is_empty()) {
        errors = json!({ key: errors });
    }
    ApiError {
        status: StatusCode::BAD_REQUEST,
        body: json!({ "message": "Invalid Form Body", "code": 50035, "errors": errors }),
        headers: Vec::new(),
    }
}

fn failure_response(failure: &Failure) -> ApiError {
    match failure {
        Failure::TooManyRequests { retry_after } => ApiError {
            status: StatusCode::TOO_MANY_REQUESTS,
            body: json!({
                "message": "You are being rate limited.",
                "retry_after": retry_after,
                "global": false,
            }),
            headers: vec![
                ("retry-after", retry_after.ceil().to_string()),
                ("x-ratelimit-limit", "5".to_owned()),
                ("x-ratelimit-remaining", "0".to_owned()),
                ("x-ratelimit-reset-after", retry_after.to_string()),
                ("x-ratelimit-bucket", "fakebucket".to_owned()),
                ("x-ratelimit-scope", "user".to_owned()),
            ],
        },
        Failure::CannotDmUser => error(
            StatusCode::FORBIDDEN,
            50007,
            "Cannot send messages to this user",
        ),
        Failure::ServerError => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            0,
            "500: Internal Server Error",
        ),
    }
}

fn snowflake(value: &Value) -> Option<u64> {
    match value {
        Value::String(s) => s.parse().ok(),
        other => other.as_u64(),
    }
}

fn timestamp_now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, false)
}

fn message_json(message: &SentMessage) -> Value {
    let embeds: Vec<Value> = message
        .embeds
        .iter()
        .map(|embed| {
            let mut embed = embed.clone();
            embed["type"] = json!("rich");
            embed
        })
        .collect();
    json!({
        "id": message.message_id.to_string(),
        "channel_id": message.channel_id.to_string(),
        "author": bot_user_json(),
        "content": message.content,
        "timestamp": timestamp_now(),
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": embeds,
        "pinned": false,
        "type": 0,
        "flags": message.flags,
        "components": message.components.clone().unwrap_or_else(|| json!([])),
    })
}

/// The Command object Discord answers for a command the bot registered.
fn command_json(mut command: Value, guild_id: Option<u64>) -> Value {
    let name = command
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let id = command_id(name);
    let defaults = [
        ("id", json!(id.to_string())),
        (
            "application_id",
            json!(FakeDiscord::APPLICATION_ID.to_string()),
        ),
        ("version", json!((id + 1).to_string())),
        ("type", json!(1)),
        ("description", json!("")),
        ("default_member_permissions", Value::Null),
        ("nsfw", json!(false)),
    ];
    for (key, value) in defaults {
        if command.get(key).is_none_or(Value::is_null) {
            command[key] = value;
        }
    }
    if let Some(guild_id) = guild_id {
        command["guild_id"] = json!(guild_id.to_string());
    }
    command
}

/// A command's id, derived from its name so that the fake and [`slash_command`] agree.
pub fn command_id(name: &str) -> u64 {
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    1_190_000_000_000_000_000 + hash % 1_000_000_000_000_000
}

fn bot_user_json() -> Value {
    json!({
        "id": FakeDiscord::APPLICATION_ID.to_string(),
        "username": "MailPing",
        "global_name": null,
        "discriminator": "4821",
        "avatar": null,
        "bot": true,
        "public_flags": 0,
    })
}

fn user_json(user_id: u64) -> Value {
    json!({
        "id": user_id.to_string(),
        "username": format!("user{user_id}"),
        "global_name": format!("User {user_id}"),
        "discriminator": "0",
        "avatar": null,
        "public_flags": 0,
        "avatar_decoration_data": null,
        "primary_guild": null,
    })
}

/// Signs interaction requests the way Discord does, for the bot's interactions endpoint.
pub struct InteractionSigner {
    key: SigningKey,
}

impl InteractionSigner {
    /// The header carrying the hex signature.
    pub const SIGNATURE_HEADER: &'static str = "X-Signature-Ed25519";
    /// The header carrying the timestamp that is signed along with the body.
    pub const TIMESTAMP_HEADER: &'static str = "X-Signature-Timestamp";

    /// A new random key pair.
    pub fn generate() -> Self {
        Self {
            key: SigningKey::generate(&mut rand::rngs::OsRng),
        }
    }

    /// The public key as 64 hex digits, what the bot gets as `DISCORD_PUBLIC_KEY`.
    pub fn public_key_hex(&self) -> String {
        hex::encode(self.key.verifying_key().as_bytes())
    }

    /// `(timestamp, signature hex)` for the headers, signing the current Unix time and `body`.
    pub fn sign(&self, body: &str) -> (String, String) {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .expect("clock after 1970")
            .as_secs();
        self.sign_at(body, &now.to_string())
    }

    /// Like [`Self::sign`] with a given timestamp, e.g. a stale one.
    pub fn sign_at(&self, body: &str, timestamp: &str) -> (String, String) {
        let message = [timestamp.as_bytes(), body.as_bytes()].concat();
        let signature = self.key.sign(&message);
        (timestamp.to_owned(), hex::encode(signature.to_bytes()))
    }
}

static NEXT_INTERACTION: AtomicU64 = AtomicU64::new(0);

fn interaction_id() -> u64 {
    1_200_000_000_000_000_000 + NEXT_INTERACTION.fetch_add(1, Ordering::Relaxed)
}

/// The fields every interaction from `user_id` carries; `data` and `type` are added by the caller.
fn interaction_base(kind: u8, user_id: u64, guild_id: Option<u64>) -> Value {
    let id = interaction_id();
    let channel_id = match guild_id {
        Some(_) => FakeDiscord::GUILD_CHANNEL_ID,
        None => FakeDiscord::dm_channel_id(user_id),
    };
    let mut interaction = json!({
        "id": id.to_string(),
        "application_id": FakeDiscord::APPLICATION_ID.to_string(),
        "type": kind,
        // The fake reads the channel back from the token to file followups under it.
        "token": format!("aW50ZXJhY3Rpb24.{channel_id}.{id}"),
        "version": 1,
        "channel_id": channel_id.to_string(),
        "locale": "en-US",
        "app_permissions": "562949953601536",
        "entitlements": [],
        "attachment_size_limit": 10_485_760,
    });
    match guild_id {
        Some(guild_id) => {
            let extra = json!({
                "guild_id": guild_id.to_string(),
                "guild_locale": "en-US",
                "guild": { "id": guild_id.to_string(), "locale": "en-US", "features": [] },
                "channel": {
                    "id": channel_id.to_string(),
                    "type": 0,
                    "guild_id": guild_id.to_string(),
                    "name": "general",
                    "position": 0,
                    "flags": 0,
                    "nsfw": false,
                    "parent_id": null,
                    "topic": null,
                    "last_message_id": null,
                    "rate_limit_per_user": 0,
                    "permissions": "2248473465835073",
                },
                "member": {
                    "user": user_json(user_id),
                    "nick": null,
                    "avatar": null,
                    "banner": null,
                    "roles": [],
                    "joined_at": "2024-03-01T12:00:00.000000+00:00",
                    "premium_since": null,
                    "deaf": false,
                    "mute": false,
                    "flags": 0,
                    "pending": false,
                    "permissions": "2248473465835073",
                    "communication_disabled_until": null,
                    "unusual_dm_activity_until": null,
                },
                "authorizing_integration_owners": { "0": guild_id.to_string() },
                "context": 0,
            });
            merge(&mut interaction, extra);
        }
        None => {
            let extra = json!({
                "channel": {
                    "id": channel_id.to_string(),
                    "type": 1,
                    "flags": 0,
                    "last_message_id": null,
                    "recipients": [user_json(user_id)],
                },
                "user": user_json(user_id),
                // A guild-installed bot used in its DM: Discord sends guild id "0".
                "authorizing_integration_owners": { "0": "0" },
                "context": 1,
            });
            merge(&mut interaction, extra);
        }
    }
    interaction
}

fn merge(target: &mut Value, extra: Value) {
    if let (Value::Object(target), Value::Object(extra)) = (target, extra) {
        target.extend(extra);
    }
}

/// Builds the JSON body of an APPLICATION_COMMAND interaction (type 2) the way Discord sends it,
/// for a user in a guild (`member.user`) or in a DM (`user`), with options.
///
/// An option's type follows its value: string 3, integer 4, bool 5, float 10. A JSON object is
/// taken as the raw option (`{"type": 6, "value": "123"}`, or a subcommand with `options`).
pub fn slash_command(
    name: &str,
    options: &[(&str, Value)],
    user_id: u64,
    guild_id: Option<u64>,
) -> Value {
    let options: Vec<Value> = options
        .iter()
        .map(|(option_name, value)| {
            let mut option = match value {
                Value::Object(_) => value.clone(),
                Value::String(_) => json!({ "type": 3, "value": value }),
                Value::Bool(_) => json!({ "type": 5, "value": value }),
                Value::Number(n) if n.is_f64() => json!({ "type": 10, "value": value }),
                Value::Number(_) => json!({ "type": 4, "value": value }),
                Value::Null | Value::Array(_) => {
                    panic!("option {option_name}: pass a value or a raw option object")
                }
            };
            option["name"] = json!(option_name);
            option
        })
        .collect();
    let mut data = json!({
        "id": command_id(name).to_string(),
        "name": name,
        "type": 1,
        "options": options,
    });
    if let Some(guild_id) = guild_id {
        data["guild_id"] = json!(guild_id.to_string());
    }
    let mut interaction = interaction_base(2, user_id, guild_id);
    interaction["data"] = data;
    interaction
}

/// The same interaction from a user whose Discord client is set to `locale` ("de", "pt-BR").
pub fn with_locale(mut interaction: Value, locale: &str) -> Value {
    interaction["locale"] = json!(locale);
    interaction
}

/// A MESSAGE_COMPONENT interaction (type 3) for a button press with `custom_id`, by `user_id`,
/// on a bot message that carries that button.
pub fn button_press(custom_id: &str, user_id: u64, guild_id: Option<u64>) -> Value {
    let mut interaction = interaction_base(3, user_id, guild_id);
    let channel_id = interaction["channel_id"].clone();
    let components = json!([{
        "type": 1,
        "components": [{ "type": 2, "style": 2, "label": "Button", "custom_id": custom_id }],
    }]);
    interaction["message"] = json!({
        "id": interaction_id().to_string(),
        "channel_id": channel_id,
        "author": bot_user_json(),
        "content": "",
        "timestamp": timestamp_now(),
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": false,
        "type": 0,
        "flags": 0,
        "components": components,
    });
    interaction["data"] = json!({ "component_type": 2, "custom_id": custom_id });
    interaction
}

/// A PING interaction (type 1), which Discord sends to check the endpoint.
pub fn ping() -> Value {
    let id = interaction_id();
    json!({
        "id": id.to_string(),
        "application_id": FakeDiscord::APPLICATION_ID.to_string(),
        "type": 1,
        "token": format!("aW50ZXJhY3Rpb24.0.{id}"),
        "version": 1,
        "entitlements": [],
        "app_permissions": "562949953601536",
        "attachment_size_limit": 10_485_760,
    })
}
