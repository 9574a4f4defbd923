//! The one way tests start MailPing, as zero2prod's `spawn_app`: a fresh database, the pixel
//! server and, with a chat platform, the bot and that platform's fake API, all in-process on
//! port 0, with typed helpers that play the user's side.
//!
//! ```no_run
//! # async fn example() {
//! use mailping_tests::app::{TestApp, token_in};
//!
//! let app = TestApp::spawn().with_telegram().await;
//! let reply = app.send(1001, "/track Proposal").await;
//! app.fetch_pixel(&token_in(&reply.text), Some("Thunderbird/1")).await;
//! # }
//! ```
//!
//! Settings go through the services' own clap parsers as flags, so defaults live in one
//! place; the environment is ignored, so a developer's `DATABASE_URL` cannot leak in.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use clap::{CommandFactory, FromArgMatches};
use diesel_async::AsyncPgConnection;
use mailping_bot::BotConfig;
use mailping_pixel_server::PixelConfig;
use mailping_shared::commands::{CommandLimits, Commands};
use serde_json::Value;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::fake_discord::{self, FakeDiscord, InteractionSigner};
use crate::fake_telegram::{FakeTelegram, SentMessage};
use crate::test_db::TestDb;
use crate::{Describe, eventually, seed};

/// How long a test waits for a reply or an alert before failing: generous, since a reply past
/// the fake Telegram's flood limit comes only after its `retry_after` (up to 5 s), and the
/// machine may be loaded.
pub const PATIENCE: Duration = Duration::from_secs(15);

/// The guild [`TestApp::command`] and [`TestApp::click`] act in.
pub const DISCORD_GUILD: u64 = 1_100_000_000_000_000_001;

/// Pixel-server flags that differ from production: a test's own database, port 0, a small
/// pool, no grace period, limits no test reaches by accident.
const PIXEL_FLAGS: &[(&str, &str)] = &[
    ("--listen-addr", "127.0.0.1:0"),
    ("--metrics-listen-addr", "127.0.0.1:0"),
    ("--pool-size", "4"),
    ("--rate-limit-per-client", "10000"),
    ("--rate-limit-per-token", "10000"),
    ("--self-grace-secs", "0"),
];

/// Bot flags that differ from production: port 0, a small pool, fast sweeps and short leases.
const BOT_FLAGS: &[(&str, &str)] = &[
    ("--listen-addr", "127.0.0.1:0"),
    ("--metrics-listen-addr", "127.0.0.1:0"),
    ("--pool-size", "4"),
    ("--alert-sweep-secs", "1"),
    ("--alert-lease-secs", "2"),
    ("--alert-max-backoff-secs", "2"),
    ("--commands-per-minute", "1000"),
];

/// Command-line flags by name; setting one again replaces its value.
#[derive(Clone, Default)]
struct Flags(Vec<(String, String)>);

impl Flags {
    fn new(defaults: &[(&str, &str)]) -> Flags {
        let mut flags = Flags::default();
        for (name, value) in defaults {
            flags.set(name, value);
        }
        flags
    }

    fn set(&mut self, name: &str, value: &str) {
        match self.0.iter_mut().find(|(n, _)| n == name) {
            Some((_, v)) => *v = value.to_owned(),
            None => self.0.push((name.to_owned(), value.to_owned())),
        }
    }

    /// Parses the flags with `C`'s real parser, minus its `env = ..` fallbacks.
    fn parse<C: CommandFactory + FromArgMatches>(&self) -> C {
        let command = C::command().mut_args(|arg| arg.env(None::<&str>));
        let name = command.get_name().to_owned();
        let args = std::iter::once(name.clone())
            .chain(self.0.iter().flat_map(|(n, v)| [n.clone(), v.clone()]));
        command
            .try_get_matches_from(args)
            .and_then(|matches| C::from_arg_matches(&matches))
            .unwrap_or_else(|e| panic!("test settings for {name}: {e}"))
    }
}

/// What [`TestApp::spawn`] starts; `.await` it.
#[must_use = "await it to start the app"]
pub struct Spawn {
    empty_database: bool,
    telegram: bool,
    /// Telegram can't be reached at start: its port refuses connections until
    /// [`TestApp::start_telegram`].
    telegram_down: bool,
    discord: bool,
    pixel: Flags,
    bot: Flags,
}

impl Spawn {
    /// Adds a fake Telegram Bot API and a bot that long-polls it.
    pub fn with_telegram(mut self) -> Spawn {
        self.telegram = true;
        self
    }

    /// Like [`Self::with_telegram`], but the fake API is not listening yet: connections to
    /// it are refused until the test calls [`TestApp::start_telegram`].
    pub fn with_telegram_unreachable(mut self) -> Spawn {
        self.telegram = true;
        self.telegram_down = true;
        self
    }

    /// Adds a fake Discord API and a bot whose interaction endpoint the tests sign for.
    pub fn with_discord(mut self) -> Spawn {
        self.discord = true;
        self
    }

    /// Starts on a database with no schema at all, as a first deployment does: the services
    /// migrate it themselves.
    pub fn on_an_empty_database(mut self) -> Spawn {
        self.empty_database = true;
        self
    }

    /// Sets a pixel-server flag, e.g. `("--dedup-window-secs", "0")`.
    pub fn pixel_setting(mut self, flag: &str, value: impl ToString) -> Spawn {
        self.pixel.set(flag, &value.to_string());
        self
    }

    /// Sets a bot flag, e.g. `("--trackers-per-minute", "2")`.
    pub fn bot_setting(mut self, flag: &str, value: impl ToString) -> Spawn {
        self.bot.set(flag, &value.to_string());
        self
    }

    async fn start(mut self) -> TestApp {
        crate::init_logs();
        let db = match self.empty_database {
            true => TestDb::empty().await,
            false => TestDb::new().await,
        };
        self.pixel.set("--database-url", db.url());
        let spill_dir = tempfile::tempdir().expect("a spill directory");
        self.pixel
            .set("--spill-dir", &spill_dir.path().to_string_lossy());
        self.bot.set("--database-url", db.url());
        let telegram = match self.telegram && !self.telegram_down {
            true => Some(Arc::new(FakeTelegram::start().await)),
            false => None,
        };
        if let Some(fake) = &telegram {
            self.bot.set("--telegram-bot-token", FakeTelegram::TOKEN);
            self.bot.set("--telegram-api-url", fake.api_url().as_str());
        }
        // A port nobody listens on (yet): reserved by binding it, then let go.
        let telegram_port = match self.telegram_down {
            true => {
                let reserved = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
                let port = reserved.local_addr().expect("its address").port();
                self.bot.set("--telegram-bot-token", FakeTelegram::TOKEN);
                self.bot
                    .set("--telegram-api-url", &format!("http://127.0.0.1:{port}/"));
                Some(port)
            }
            false => None,
        };
        let (discord, signer) = match self.discord {
            true => (
                Some(Arc::new(FakeDiscord::start().await)),
                Some(InteractionSigner::generate()),
            ),
            false => (None, None),
        };
        if let (Some(fake), Some(signer)) = (&discord, &signer) {
            self.bot.set("--discord-bot-token", FakeDiscord::TOKEN);
            self.bot.set(
                "--discord-application-id",
                &FakeDiscord::APPLICATION_ID.to_string(),
            );
            self.bot
                .set("--discord-public-key", &signer.public_key_hex());
            self.bot.set("--discord-api-url", &fake.api_url());
            self.bot.set(
                "--discord-api-ca-file",
                fake.ca_file().to_str().expect("a UTF-8 temporary path"),
            );
        }
        let mut app = TestApp {
            spill_dir,
            pixel_flags: self.pixel,
            bot_flags: self.bot,
            pixel: None,
            pixel_replicas: Vec::new(),
            bots: Vec::new(),
            telegram,
            telegram_port,
            discord,
            signer,
            client: reqwest::Client::builder()
                .timeout(Duration::from_secs(10))
                // Shorter than the services' keep-alive (5 s): a pooled connection the server
                // is closing as the client reuses it is reset (seen with twelve Discord users
                // at once in tests/languages.rs).
                .pool_idle_timeout(Duration::from_secs(2))
                .build()
                .expect("an HTTP client"),
            db,
        };
        app.start_pixel().await;
        if self.telegram || self.discord {
            app.start_bot().await;
        }
        app
    }
}

impl IntoFuture for Spawn {
    type Output = TestApp;
    type IntoFuture = std::pin::Pin<Box<dyn Future<Output = TestApp> + Send>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.start())
    }
}

/// A running MailPing: its database, pixel server, bot replicas and fake chat APIs.
pub struct TestApp {
    /// The pixel server's spill directory, kept across its restarts.
    spill_dir: tempfile::TempDir,
    pixel_flags: Flags,
    bot_flags: Flags,
    pixel: Option<Service>,
    /// More pixel servers on the same database, each with its own spill directory.
    pixel_replicas: Vec<(Service, tempfile::TempDir)>,
    bots: Vec<Service>,
    telegram: Option<Arc<FakeTelegram>>,
    /// The port of a Telegram that is not up yet.
    telegram_port: Option<u16>,
    discord: Option<Arc<FakeDiscord>>,
    signer: Option<InteractionSigner>,
    client: reqwest::Client,
    /// Last, so that the services stop before their database is dropped.
    pub db: TestDb,
}

impl TestApp {
    /// Starts building an app: a fresh database and the pixel server; add platforms and
    /// settings, then `.await`.
    pub fn spawn() -> Spawn {
        Spawn {
            empty_database: false,
            telegram: false,
            telegram_down: false,
            discord: false,
            pixel: Flags::new(PIXEL_FLAGS),
            bot: Flags::new(BOT_FLAGS),
        }
    }

    // ---------------------------------------------------------------------------------------
    // The database

    /// A direct connection to the app's database.
    pub async fn conn(&self) -> AsyncPgConnection {
        self.db.conn().await
    }

    /// (trackers, opens) in the database: what a refused command must leave as it was.
    pub async fn tracker_and_open_counts(&self) -> (i64, i64) {
        let mut conn = self.conn().await;
        (
            seed::tracker_count(&mut conn).await,
            seed::open_count(&mut conn).await,
        )
    }

    /// Starts or ends an outage of the app's database (see [`TestDb::set_reachable`]).
    pub async fn set_database_reachable(&self, reachable: bool) {
        let mut admin = self.db.admin_conn().await;
        self.db.set_reachable(&mut admin, reachable).await;
    }

    /// The command logic both platforms call, on this app's database.
    pub fn commands(&self, limits: CommandLimits) -> Commands {
        Commands::new(
            self.db.pool(),
            self.pixel_base_url()
                .parse()
                .expect("the pixel server's URL"),
            limits,
        )
    }

    /// Waits until the (only) account is marked as refusing alerts.
    pub async fn wait_until_alerts_blocked(&self) {
        let mut conn = self.conn().await;
        eventually(
            PATIENCE,
            "the account to be marked as refusing alerts",
            async || seed::alerts_blocked(&mut conn).await.then_some(()),
        )
        .await;
    }

    /// Waits until `opens` opens are recorded and no alert waits to be sent or retried: from
    /// then on nothing more goes to a chat for them, so a test can count what was sent (an
    /// open's alert is queued in the transaction that records the open, and finished once it
    /// is sent or given up on).
    pub async fn wait_until_settled(&self, opens: i64) {
        let mut conn = self.conn().await;
        // (opens, pending alerts) as last seen, for the message if it never settles.
        let last = std::cell::Cell::new((0, 0));
        eventually(
            PATIENCE,
            Describe(|| {
                format!(
                    "{opens} opens recorded and no alert pending (last seen: {:?})",
                    last.get()
                )
            }),
            async || {
                last.set((
                    seed::open_count(&mut conn).await,
                    seed::pending_alert_count(&mut conn).await,
                ));
                (last.get() == (opens, 0)).then_some(())
            },
        )
        .await;
    }

    // ---------------------------------------------------------------------------------------
    // The pixel server

    fn pixel(&self) -> &Service {
        self.pixel.as_ref().expect("the pixel server is stopped")
    }

    /// A client with a timeout, for requests the helpers below don't cover.
    pub fn client(&self) -> &reqwest::Client {
        &self.client
    }

    /// The pixel server's port.
    pub fn pixel_port(&self) -> u16 {
        self.pixel().port
    }

    /// The pixel server's base URL, e.g. `http://127.0.0.1:41234`.
    pub fn pixel_base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.pixel().port)
    }

    /// The pixel server's `/metrics`, on its own listener.
    pub fn pixel_metrics_url(&self) -> String {
        format!("http://127.0.0.1:{}/metrics", self.pixel().metrics_port)
    }

    /// `path` on the pixel server.
    pub fn pixel_url(&self, path: &str) -> String {
        format!("{}{path}", self.pixel_base_url())
    }

    /// The path of a tracker's pixel.
    pub fn pixel_path(token: &str) -> String {
        format!("/i/{token}.gif")
    }

    /// GETs a tracker's pixel with this User-Agent (None sends no User-Agent header).
    pub async fn fetch_pixel(&self, token: &str, user_agent: Option<&str>) -> reqwest::Response {
        self.fetch_pixel_with(token, user_agent, &[]).await
    }

    /// GETs a tracker's pixel with extra headers.
    pub async fn fetch_pixel_with(
        &self,
        token: &str,
        user_agent: Option<&str>,
        headers: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut req = self.client.get(self.pixel_url(&Self::pixel_path(token)));
        if let Some(ua) = user_agent {
            req = req.header("user-agent", ua);
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        req.send().await.expect("pixel request")
    }

    /// Fetches a new tracker's pixel (number `number` of chat `number`) from `client` (through
    /// `X-Forwarded-For`, so the pixel server must trust the test's address) and waits for the
    /// open: its kind and reason as stored.
    pub async fn stored_open(
        &self,
        number: i64,
        user_agent: &str,
        client: &str,
    ) -> (String, String) {
        let mut conn = self.conn().await;
        let t = seed::tracker(&mut conn, number, "Proposal").await;
        let resp = self
            .fetch_pixel_with(&t.token, Some(user_agent), &[("x-forwarded-for", client)])
            .await;
        assert_eq!(resp.status(), 200);
        eventually(PATIENCE, "the open to be written", async || {
            let kinds = seed::kinds(&mut conn, t.id).await;
            let reasons = seed::reasons(&mut conn, t.id).await;
            (kinds.len() == 1).then(|| (kinds[0].clone(), reasons[0].clone()))
        })
        .await
    }

    /// Starts the pixel server (again) with the current settings.
    pub async fn start_pixel(&mut self) {
        assert!(self.pixel.is_none(), "the pixel server is already running");
        let config = self
            .pixel_flags
            .parse::<mailping_pixel_server::Cli>()
            .config;
        self.pixel = Some(Service::pixel(config).await);
    }

    /// Stops the pixel server the way SIGTERM does and waits until every queued open is
    /// written (or spilled).
    pub async fn stop_pixel(&mut self) {
        self.stop_pixel_outcome()
            .await
            .expect("the pixel server stopped without losing opens");
    }

    /// Stops the pixel server and returns what `run_until_stopped` did: an error if it gave
    /// up on opens.
    pub async fn stop_pixel_outcome(&mut self) -> std::io::Result<()> {
        match self.pixel.take() {
            Some(pixel) => pixel.stop_outcome().await,
            None => Ok(()),
        }
    }

    /// Starts one more pixel server on the same database and settings, with a spill
    /// directory of its own; returns its number for [`Self::replica_pixel_url`].
    pub async fn start_pixel_replica(&mut self) -> usize {
        let spill = tempfile::tempdir().expect("a spill directory");
        let mut flags = self.pixel_flags.clone();
        flags.set("--spill-dir", &spill.path().to_string_lossy());
        let config = flags.parse::<mailping_pixel_server::Cli>().config;
        self.pixel_replicas
            .push((Service::pixel(config).await, spill));
        self.pixel_replicas.len() - 1
    }

    /// `path` on pixel replica `replica` (see [`Self::start_pixel_replica`]).
    pub fn replica_pixel_url(&self, replica: usize, path: &str) -> String {
        let (service, _) = self
            .pixel_replicas
            .get(replica)
            .expect("no such pixel replica");
        format!("http://127.0.0.1:{}{path}", service.port)
    }

    /// The pixel server's spill directory.
    pub fn spill_dir(&self) -> &std::path::Path {
        self.spill_dir.path()
    }

    /// Stops the pixel server gracefully and starts it again with these flags changed.
    pub async fn restart_pixel_with(&mut self, settings: &[(&str, &str)]) {
        self.stop_pixel().await;
        for (flag, value) in settings {
            self.pixel_flags.set(flag, value);
        }
        self.start_pixel().await;
    }

    // ---------------------------------------------------------------------------------------
    // The bot

    /// Starts one more bot replica on the same database and fakes; after
    /// [`Self::stop_bot`] or [`Self::kill_bot`], this is a restart.
    pub async fn start_bot(&mut self) {
        let mut flags = self.bot_flags.clone();
        flags.set("--public-base-url", &self.pixel_base_url());
        let config = flags.parse::<mailping_bot::Cli>().config;
        self.bots.push(Service::bot(config).await);
        // The bot reaches its platforms in the background; tests start once it has (unless
        // the test keeps Telegram down on purpose). The database may be down: that's fine.
        if self.telegram_port.is_none() {
            let url = self.replica_url(self.bots.len() - 1, "/readyz");
            let deadline = tokio::time::Instant::now() + PATIENCE;
            loop {
                let body = match self.client.get(&url).send().await {
                    Ok(resp) => resp.text().await.unwrap_or_default(),
                    Err(_) => String::new(),
                };
                if !body.is_empty() && !body.contains("telegram:") && !body.contains("discord:") {
                    break;
                }
                assert!(
                    tokio::time::Instant::now() < deadline,
                    "waited {PATIENCE:?} for the bot to reach its chat platforms: {body}"
                );
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
    }

    /// Stops every bot replica gracefully and waits for them.
    pub async fn stop_bot(&mut self) {
        for bot in self.bots.drain(..) {
            bot.stop().await;
        }
    }

    /// Stops every bot replica as abruptly as a crash can be simulated in-process: its tasks
    /// are dropped wherever they are, with no graceful shutdown.
    pub fn kill_bot(&mut self) {
        for bot in self.bots.drain(..) {
            bot.kill();
        }
    }

    /// `path` on the (first) bot's listener.
    pub fn bot_url(&self, path: &str) -> String {
        self.replica_url(0, path)
    }

    /// `path` on the listener of bot replica `replica` (0 is the first started).
    pub fn replica_url(&self, replica: usize, path: &str) -> String {
        let bot = self.bots.get(replica).expect("no such bot replica");
        format!("http://127.0.0.1:{}{path}", bot.port)
    }

    // ---------------------------------------------------------------------------------------
    // Telegram

    /// The fake Telegram Bot API.
    pub fn telegram(&self) -> &Arc<FakeTelegram> {
        self.telegram
            .as_ref()
            .expect("spawn the app .with_telegram()")
    }

    /// Brings up the fake Telegram of an app spawned `.with_telegram_unreachable()`.
    pub async fn start_telegram(&mut self) {
        let port = self
            .telegram_port
            .take()
            .expect("spawn the app .with_telegram_unreachable()");
        self.telegram = Some(Arc::new(FakeTelegram::start_on(port).await));
    }

    /// `/readyz` of the (first) bot: its status and body.
    pub async fn bot_readiness(&self) -> (u16, String) {
        let resp = self
            .client
            .get(self.bot_url("/readyz"))
            .send()
            .await
            .expect("readiness request");
        (
            resp.status().as_u16(),
            resp.text().await.unwrap_or_default(),
        )
    }

    /// Sends `text` from `chat` and returns the bot's next message to that chat.
    pub async fn send(&self, chat: i64, text: &str) -> SentMessage {
        let before = self.telegram().sent_to(chat).len();
        self.telegram().send_text(chat, text);
        self.next_message(chat, before).await
    }

    /// Presses a button on a message and returns the bot's next message or edit in that chat.
    pub async fn press(&self, chat: i64, message_id: i32, data: &str) -> SentMessage {
        let before = self.telegram().sent_to(chat).len();
        self.telegram().press_button(chat, message_id, data);
        self.next_message(chat, before).await
    }

    /// Sends each `(chat, command, expected)` and checks the answer is a plain message that
    /// contains `expected` and carries no file: bad input is answered in words.
    pub async fn assert_answered_in_words(&self, cases: &[(i64, &str, &str)]) {
        for (chat, text, expected) in cases {
            let m = self.send(*chat, text).await;
            assert_eq!(m.method, "sendMessage", "{text}: {m:#?}");
            assert!(m.file.is_none());
            assert!(m.text.contains(expected), "{text}: {}", m.text);
        }
    }

    /// Waits for the message numbered `index` (0-based) among those sent to `chat`.
    pub async fn next_message(&self, chat: i64, index: usize) -> SentMessage {
        let tg = self.telegram();
        eventually(
            PATIENCE,
            Describe(|| {
                format!(
                    "reply #{index} in chat {chat}; sent so far: {:#?}; rejected: {:#?}; \
                     throttled: {:#?}",
                    tg.sent_to(chat),
                    tg.rejected(),
                    tg.throttled()
                )
            }),
            async || tg.sent_to(chat).get(index).cloned(),
        )
        .await
    }

    // ---------------------------------------------------------------------------------------
    // Discord

    /// The fake Discord API.
    pub fn discord(&self) -> &Arc<FakeDiscord> {
        self.discord
            .as_ref()
            .expect("spawn the app .with_discord()")
    }

    /// The key the bot trusts for interaction signatures.
    pub fn signer(&self) -> &InteractionSigner {
        self.signer.as_ref().expect("spawn the app .with_discord()")
    }

    /// Runs a slash command as `user` in [`DISCORD_GUILD`]; returns the response's `data`.
    pub async fn command(&self, user: u64, name: &str, options: &[(&str, Value)]) -> Value {
        let (status, body) = self
            .interact(&fake_discord::slash_command(
                name,
                options,
                user,
                Some(DISCORD_GUILD),
            ))
            .await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["type"], 4, "a message response: {body}");
        body["data"].clone()
    }

    /// Presses a Discord button as `user` in [`DISCORD_GUILD`]; returns the whole response.
    pub async fn click(&self, user: u64, custom_id: &str) -> Value {
        let (status, body) = self
            .interact(&fake_discord::button_press(
                custom_id,
                user,
                Some(DISCORD_GUILD),
            ))
            .await;
        assert_eq!(status, 200, "{body}");
        body
    }

    /// Waits until `user` has at least `n` DMs, and returns them all.
    pub async fn dms(&self, user: u64, n: usize) -> Vec<fake_discord::SentMessage> {
        let dc = self.discord();
        eventually(
            PATIENCE,
            Describe(|| format!("{n} DMs to {user}; got {:#?}", dc.dms_to(user))),
            async || {
                let dms = dc.dms_to(user);
                (dms.len() >= n).then_some(dms)
            },
        )
        .await
    }

    /// Posts a signed interaction to the bot's endpoint; returns the status and the JSON answer.
    pub async fn interact(&self, body: &Value) -> (u16, Value) {
        let body = body.to_string();
        let (timestamp, signature) = self.signer().sign(&body);
        self.post_interaction(&body, &timestamp, &signature).await
    }

    /// Posts an interaction with whatever headers the caller wants, signed or not.
    pub async fn post_interaction(
        &self,
        body: &str,
        timestamp: &str,
        signature: &str,
    ) -> (u16, Value) {
        self.post_interaction_to(0, body, timestamp, signature)
            .await
    }

    /// Like [`Self::post_interaction`], to bot replica `replica`.
    pub async fn post_interaction_to(
        &self,
        replica: usize,
        body: &str,
        timestamp: &str,
        signature: &str,
    ) -> (u16, Value) {
        // Discord learns of the interaction as it sends it, and of its acknowledgement when
        // the answer arrives; only then does the fake take follow-ups on its token.
        let interaction = serde_json::from_str::<Value>(body).ok();
        if let Some(interaction) = &interaction {
            self.discord().interaction_sent(interaction);
        }
        let resp = self
            .client
            .post(self.replica_url(replica, "/discord/interactions"))
            .header("content-type", "application/json")
            .header(InteractionSigner::TIMESTAMP_HEADER, timestamp)
            .header(InteractionSigner::SIGNATURE_HEADER, signature)
            .body(body.to_owned())
            .send()
            .await
            .expect("interaction request");
        let status = resp.status().as_u16();
        let text = resp.text().await.unwrap_or_default();
        let answer = serde_json::from_str(&text).unwrap_or(Value::String(text));
        if let Some(interaction) = &interaction {
            let dc = self.discord();
            tokio::time::sleep(dc.answer_latency()).await;
            if let Err(why) = dc.interaction_answered(interaction, status, &answer) {
                panic!("Discord would refuse the bot's answer: {why}");
            }
        }
        (status, answer)
    }
}

/// The pixel token in a `/track` reply.
pub fn token_in(text: &str) -> String {
    let start = text.find("/i/").expect("a pixel URL in the reply") + 3;
    text[start..start + 32].to_owned()
}

/// The signal a test service stops on.
type BoxStopped = std::pin::Pin<Box<dyn Future<Output = ()> + Send + 'static>>;

/// One running service: its ports, and how to stop it.
struct Service {
    port: u16,
    metrics_port: u16,
    stop: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<std::io::Result<()>>>,
}

impl Service {
    async fn pixel(config: PixelConfig) -> Service {
        let app = mailping_pixel_server::Application::build(config)
            .await
            .expect("the pixel server starts");
        Service::run(app.port(), app.metrics_port(), |stopped| {
            app.run_until_stopped(stopped)
        })
    }

    async fn bot(config: BotConfig) -> Service {
        let app = mailping_bot::Application::build(config)
            .await
            .expect("the bot starts");
        Service::run(app.port(), app.metrics_port(), |stopped| {
            app.run_until_stopped(stopped)
        })
    }

    /// Spawns a built service's `run_until_stopped`, stopped by [`Self::stop`] or on drop.
    fn run<F>(
        port: u16,
        metrics_port: u16,
        run_until_stopped: impl FnOnce(BoxStopped) -> F,
    ) -> Service
    where
        F: Future<Output = std::io::Result<()>> + Send + 'static,
    {
        let (stop, stopped) = oneshot::channel::<()>();
        let stopped: BoxStopped = Box::pin(async {
            let _ = stopped.await;
        });
        Service {
            port,
            metrics_port,
            stop: Some(stop),
            handle: Some(tokio::spawn(run_until_stopped(stopped))),
        }
    }

    async fn stop(self) {
        self.stop_outcome().await.expect("service ran");
    }

    async fn stop_outcome(mut self) -> std::io::Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        match self.handle.take() {
            Some(handle) => handle.await.expect("service task"),
            None => Ok(()),
        }
    }

    fn kill(mut self) {
        self.stop.take();
        if let Some(handle) = self.handle.take() {
            handle.abort();
        }
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

impl fmt::Debug for TestApp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TestApp")
            .field("db", &self.db)
            .field("bots", &self.bots.len())
            .finish_non_exhaustive()
    }
}

/// Whether a Telegram message is an alert: a read (📬) or Apple's delivery (📭).
pub fn is_alert(m: &SentMessage) -> bool {
    m.text.starts_with("📬") || m.text.starts_with("📭")
}

/// The alerts sent to `chat` so far.
pub fn alerts_in(tg: &FakeTelegram, chat: i64) -> Vec<SentMessage> {
    tg.sent_to(chat).into_iter().filter(is_alert).collect()
}

/// Waits until `chat` has at least `n` alerts, and returns them all.
pub async fn wait_alerts(tg: &FakeTelegram, chat: i64, n: usize) -> Vec<SentMessage> {
    eventually(PATIENCE, format!("{n} alerts in chat {chat}"), async || {
        let alerts = alerts_in(tg, chat);
        (alerts.len() >= n).then_some(alerts)
    })
    .await
}

/// The callback data of the message's button whose label contains `label_part`.
pub fn button(m: &SentMessage, label_part: &str) -> String {
    m.buttons()
        .into_iter()
        .find(|b| b.text.contains(label_part))
        .and_then(|b| b.callback_data)
        .unwrap_or_else(|| panic!("no {label_part:?} button on {m:#?}"))
}
