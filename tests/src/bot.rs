//! Starts the bot in-process against a test database and the fake chat APIs, with typed
//! helpers to play a user's side of a conversation.

use std::time::Duration;

use mailping_bot::config::{AlertConfig, DiscordConfig, TelegramConfig};
use mailping_bot::{Application, BotConfig};
use mailping_shared::config::DatabaseConfig;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::fake_discord::{FakeDiscord, InteractionSigner};
use crate::fake_telegram::{FakeTelegram, SentMessage};

/// How long a test waits for a reply or an alert before failing.
pub const PATIENCE: Duration = Duration::from_secs(5);

/// Bot settings for tests: fast sweeps and short leases, no platform configured yet.
pub fn test_config(database_url: &str, public_base_url: &str) -> BotConfig {
    BotConfig {
        database: DatabaseConfig {
            url: database_url.to_owned().into(),
            pool_size: 4,
        },
        public_base_url: public_base_url.parse().expect("valid URL"),
        listen_addr: "127.0.0.1:0".parse().expect("valid address"),
        telegram: TelegramConfig {
            telegram_bot_token: None,
            telegram_api_url: "https://api.telegram.org".parse().expect("valid URL"),
            telegram_webhook_url: None,
            telegram_webhook_secret: None,
        },
        discord: DiscordConfig {
            discord_bot_token: None,
            discord_application_id: None,
            discord_public_key: None,
            discord_api_url: None,
            discord_guild_id: None,
        },
        alerts: AlertConfig {
            alert_sweep_secs: 1,
            alert_lease_secs: 2,
            alert_max_backoff_secs: 2,
        },
        trackers_per_minute: 20,
        commands_per_minute: 1_000,
    }
}

/// Points the config at a fake Telegram.
pub fn with_telegram(mut config: BotConfig, fake: &FakeTelegram) -> BotConfig {
    config.telegram.telegram_bot_token = Some(FakeTelegram::TOKEN.to_owned().into());
    config.telegram.telegram_api_url = fake.api_url();
    config
}

/// Points the config at a fake Discord, with the signer's public key.
pub fn with_discord(
    mut config: BotConfig,
    fake: &FakeDiscord,
    signer: &InteractionSigner,
) -> BotConfig {
    config.discord.discord_bot_token = Some(FakeDiscord::TOKEN.to_owned().into());
    config.discord.discord_application_id = Some(FakeDiscord::APPLICATION_ID);
    config.discord.discord_public_key = Some(signer.public_key_hex());
    config.discord.discord_api_url = Some(fake.url());
    config
}

/// A running bot.
pub struct TestBot {
    pub port: u16,
    stop: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<std::io::Result<()>>>,
}

impl TestBot {
    pub async fn start(config: BotConfig) -> TestBot {
        crate::init_logs();
        let app = Application::build(config).await.expect("bot starts");
        let port = app.port();
        let (stop, stopped) = oneshot::channel::<()>();
        let handle = tokio::spawn(app.run_until_stopped(async {
            let _ = stopped.await;
        }));
        TestBot {
            port,
            stop: Some(stop),
            handle: Some(handle),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Stops the bot gracefully and waits for it.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(handle) = self.handle.take() {
            handle.await.expect("bot task").expect("bot ran");
        }
    }

    /// Stops the bot as abruptly as a crash can be simulated in-process: its tasks are
    /// dropped wherever they are, with no graceful shutdown.
    pub fn kill(mut self) {
        self.stop.take();
        if let Some(handle) = self.handle.take() {
            handle.abort();
        }
    }
}

impl Drop for TestBot {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Sends `text` from `chat` and waits for the bot's next message to that chat.
pub async fn say(fake: &FakeTelegram, chat: i64, text: &str) -> SentMessage {
    let before = fake.sent_to(chat).len();
    fake.send_text(chat, text);
    next_message(fake, chat, before).await
}

/// Presses a button on a message and waits for the bot's next message or edit in that chat.
pub async fn press(fake: &FakeTelegram, chat: i64, message_id: i32, data: &str) -> SentMessage {
    let before = fake.sent_to(chat).len();
    fake.press_button(chat, message_id, data);
    next_message(fake, chat, before).await
}

/// Waits for the message numbered `index` (0-based) among those sent to `chat`.
pub async fn next_message(fake: &FakeTelegram, chat: i64, index: usize) -> SentMessage {
    let deadline = tokio::time::Instant::now() + PATIENCE;
    loop {
        let sent = fake.sent_to(chat);
        if let Some(m) = sent.get(index) {
            return m.clone();
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "no reply in chat {chat} within {PATIENCE:?}; sent so far: {sent:#?}; rejected: {:#?}",
            fake.rejected()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The pixel token in a `/track` reply.
pub fn token_in(reply: &SentMessage) -> String {
    let start = reply.text.find("/i/").expect("a pixel URL in the reply") + 3;
    reply.text[start..start + 32].to_owned()
}

/// Posts a signed interaction to the bot's endpoint; returns the status and the JSON answer.
pub async fn interact(
    bot: &TestBot,
    signer: &InteractionSigner,
    body: &serde_json::Value,
) -> (u16, serde_json::Value) {
    let body = body.to_string();
    let (timestamp, signature) = signer.sign(&body);
    post_interaction(bot, &body, &timestamp, &signature).await
}

/// Posts an interaction with whatever headers the caller wants, signed or not.
pub async fn post_interaction(
    bot: &TestBot,
    body: &str,
    timestamp: &str,
    signature: &str,
) -> (u16, serde_json::Value) {
    let resp = reqwest::Client::new()
        .post(bot.url("/discord/interactions"))
        .header("content-type", "application/json")
        .header(InteractionSigner::TIMESTAMP_HEADER, timestamp)
        .header(InteractionSigner::SIGNATURE_HEADER, signature)
        .body(body.to_owned())
        .send()
        .await
        .expect("interaction request");
    let status = resp.status().as_u16();
    let text = resp.text().await.unwrap_or_default();
    (
        status,
        serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)),
    )
}
