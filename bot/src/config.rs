//! The bot's settings: one typed struct, parsed once in `main`.

use std::net::SocketAddr;
use std::time::Duration;

use clap::Args;
use mailping_shared::commands::{UPLOAD_LIMIT_DISCORD, UPLOAD_LIMIT_TELEGRAM, UploadLimits};
use mailping_shared::config::PrivacyConfig;
use mailping_shared::models::alert::AlertLimits;
use mailping_shared::service::{self, Program, ServiceConfig};
use secrecy::SecretString;
use serenity::interactions_endpoint::Verifier;

/// `mailping-bot [serve|migrate]` and its settings.
pub type Cli = service::Cli<BotConfig>;

impl Program for BotConfig {
    const NAME: &'static str = "mailping-bot";
    const ABOUT: &'static str = "MailPing bot: Telegram and Discord commands, and open alerts";
}

fn secret(s: &str) -> Result<SecretString, String> {
    if s.trim().is_empty() {
        return Err("must not be empty".into());
    }
    Ok(SecretString::from(s.trim().to_owned()))
}

#[derive(Args, Debug, Clone)]
pub struct BotConfig {
    #[command(flatten)]
    pub service: ServiceConfig,
    /// Address of the bot's HTTP listener (health, Discord interactions, Telegram webhook).
    #[arg(long, env = "BOT_LISTEN_ADDR", value_name = "BOT_LISTEN_ADDR", default_value_t = service::BOT_LISTEN_ADDR)]
    pub listen_addr: SocketAddr,
    #[command(flatten)]
    pub privacy: PrivacyConfig,
    #[command(flatten)]
    pub chat: ChatConfig,
}

/// The chat platforms and what the bot allows on them: everything of the bot's settings that
/// `mailping` (one process) adds to the pixel server's.
#[derive(Args, Debug, Clone)]
pub struct ChatConfig {
    #[command(flatten)]
    pub telegram: TelegramConfig,
    #[command(flatten)]
    pub discord: DiscordConfig,
    #[command(flatten)]
    pub alerts: AlertConfig,
    /// New trackers one chat may create per minute.
    #[arg(long, env = "TRACKERS_PER_MINUTE", default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..))]
    pub trackers_per_minute: u32,
    /// Commands one chat may send per minute.
    #[arg(long, env = "COMMANDS_PER_MINUTE", default_value_t = 60, value_parser = clap::value_parser!(u32).range(1..))]
    pub commands_per_minute: u32,
    /// Largest file the bot uploads to Telegram, in bytes; /export splits what is bigger.
    #[arg(long, env = "UPLOAD_LIMIT_TELEGRAM", default_value_t = UPLOAD_LIMIT_TELEGRAM, value_parser = clap::value_parser!(u64).range(1024..))]
    pub upload_limit_telegram: u64,
    /// Largest upload (all files of one message) the bot sends to Discord, in bytes.
    #[arg(long, env = "UPLOAD_LIMIT_DISCORD", default_value_t = UPLOAD_LIMIT_DISCORD, value_parser = clap::value_parser!(u64).range(1024..))]
    pub upload_limit_discord: u64,
}

impl ChatConfig {
    pub fn upload_limits(&self) -> UploadLimits {
        UploadLimits {
            telegram: self.upload_limit_telegram,
            discord: self.upload_limit_discord,
        }
    }
}

#[derive(Args, Debug, Clone)]
pub struct TelegramConfig {
    /// Bot token from @BotFather. Without it, Telegram is off.
    #[arg(long, env = "TELEGRAM_BOT_TOKEN", value_parser = secret)]
    pub telegram_bot_token: Option<SecretString>,
    /// Bot API server (tests and self-hosted Bot API servers).
    #[arg(
        long,
        env = "TELEGRAM_API_URL",
        default_value = "https://api.telegram.org"
    )]
    pub telegram_api_url: url::Url,
    /// Public HTTPS URL for webhook mode, e.g. https://bot.example.com/telegram. Without it the bot long-polls.
    #[arg(long, env = "TELEGRAM_WEBHOOK_URL")]
    pub telegram_webhook_url: Option<url::Url>,
    /// Secret Telegram must send in X-Telegram-Bot-Api-Secret-Token (webhook mode; generated if unset).
    #[arg(long, env = "TELEGRAM_WEBHOOK_SECRET", value_parser = secret)]
    pub telegram_webhook_secret: Option<SecretString>,
}

/// Checks a Discord public key: 64 hex digits that make a valid Ed25519 key.
pub fn discord_verifier(key: &str) -> Result<Verifier, String> {
    let bytes: [u8; 32] = hex::decode(key.trim())
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or("must be 64 hex digits")?;
    Verifier::try_new(bytes).map_err(|_| "is not a valid Ed25519 public key".into())
}

fn discord_public_key(key: &str) -> Result<String, String> {
    discord_verifier(key).map(|_| key.trim().to_owned())
}

/// DISCORD_API_URL: `https://host:port`, resolved once at start-up to the address that stands
/// in for discord.com.
fn discord_api_url(raw: &str) -> Result<SocketAddr, String> {
    let url = url::Url::parse(raw.trim()).map_err(|e| format!("is not a URL: {e}"))?;
    if url.scheme() != "https" {
        return Err(
            "must be an https URL: serenity's rate limiter speaks to https://discord.com".into(),
        );
    }
    let host = url.host_str().ok_or("has no host")?;
    let port = url.port_or_known_default().unwrap_or(443);
    std::net::ToSocketAddrs::to_socket_addrs(&(host, port))
        .map_err(|e| format!("host {host} does not resolve: {e}"))?
        .next()
        .ok_or_else(|| format!("host {host} has no address"))
}

/// Discord is on with all three of token, application id and public key, off with none.
#[derive(Args, Debug, Clone)]
pub struct DiscordConfig {
    /// Discord bot token. Without it, Discord is off.
    #[arg(long, env = "DISCORD_BOT_TOKEN", value_name = "DISCORD_BOT_TOKEN", value_parser = secret,
          requires_all = ["discord_application_id", "discord_public_key"])]
    pub discord_bot_token: Option<SecretString>,
    /// The application's id (Developer Portal, General Information).
    #[arg(
        long,
        env = "DISCORD_APPLICATION_ID",
        value_name = "DISCORD_APPLICATION_ID",
        requires_all = ["discord_bot_token", "discord_public_key"]
    )]
    pub discord_application_id: Option<u64>,
    /// The application's public key, hex (used to verify interaction signatures).
    #[arg(long, env = "DISCORD_PUBLIC_KEY", value_name = "DISCORD_PUBLIC_KEY", value_parser = discord_public_key,
          requires_all = ["discord_bot_token", "discord_application_id"])]
    pub discord_public_key: Option<String>,
    /// Reach Discord's REST API at this https address instead of discord.com's (tests point it
    /// at a fake). Requests still name discord.com, and serenity's rate limiter stays on.
    #[arg(long, env = "DISCORD_API_URL", value_parser = discord_api_url)]
    pub discord_api_url: Option<SocketAddr>,
    /// A PEM certificate trusted for DISCORD_API_URL besides the built-in roots (tests only).
    #[arg(long, env = "DISCORD_API_CA_FILE", requires = "discord_api_url")]
    pub discord_api_ca_file: Option<std::path::PathBuf>,
    /// Register slash commands in this guild only (instant updates while developing).
    #[arg(long, env = "DISCORD_GUILD_ID")]
    pub discord_guild_id: Option<u64>,
}

#[derive(Args, Debug, Clone)]
pub struct AlertConfig {
    /// Seconds between sweeps of the outbox, the safety net behind LISTEN/NOTIFY.
    #[arg(long, env = "ALERT_SWEEP_SECS", default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..))]
    pub alert_sweep_secs: u64,
    /// Seconds a dispatcher owns a claimed alert; if it dies, another sends the alert after this.
    #[arg(long, env = "ALERT_LEASE_SECS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    pub alert_lease_secs: u64,
    /// Longest wait between retries of a failing alert.
    #[arg(long, env = "ALERT_MAX_BACKOFF_SECS", default_value_t = 300, value_parser = clap::value_parser!(u64).range(1..))]
    pub alert_max_backoff_secs: u64,
    /// Alerts a tracker sends at once within ALERT_WINDOW_SECS; after that its reads are held
    /// back and told in one message per window.
    #[arg(long, env = "ALERT_BURST", default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..))]
    pub alert_burst: u32,
    /// The window of ALERT_BURST, in seconds; at most a day, as sends are kept that long at
    /// least (the retention period is counted in days).
    #[arg(long, env = "ALERT_WINDOW_SECS", default_value_t = 600, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub alert_window_secs: u64,
    /// Alerts one chat gets in any minute; more wait for the next (Telegram allows a group 20).
    #[arg(long, env = "ALERT_CHAT_PER_MINUTE", default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..))]
    pub alert_chat_per_minute: u32,
}

impl AlertConfig {
    pub fn sweep(&self) -> Duration {
        Duration::from_secs(self.alert_sweep_secs)
    }
    pub fn lease(&self) -> Duration {
        Duration::from_secs(self.alert_lease_secs)
    }
    pub fn max_backoff(&self) -> Duration {
        Duration::from_secs(self.alert_max_backoff_secs)
    }
    pub fn limits(&self) -> AlertLimits {
        AlertLimits {
            burst: self.alert_burst,
            window: Duration::from_secs(self.alert_window_secs),
            chat_per_minute: self.alert_chat_per_minute,
        }
    }
}
