//! The Discord adapter: slash commands arrive on an HTTP interactions endpoint (verified with
//! serenity's Ed25519 `Verifier`), replies are ephemeral, and the outbox goes by DM through
//! serenity's `Http`. It parses and renders only; the command logic is shared.

mod interactions;
pub mod render;
mod sender;
mod slash;

use std::sync::Arc;
use std::time::Duration;

use futures_util::FutureExt;
use futures_util::future::BoxFuture;

use mailping_shared::commands::Commands;
use mailping_shared::db::Pool;
use mailping_shared::service::StartError;
use secrecy::ExposeSecret;
use serenity::all::{Http, HttpBuilder};

pub use interactions::{InteractionsState, forget_old_interactions, interactions};
pub use render::render;
pub use sender::DiscordSender;

use crate::config::{DiscordConfig, discord_verifier};
use crate::health::Health;

/// A configured Discord: its outbox sender, what its interactions endpoint needs, and the
/// task that registers its slash commands.
pub struct Discord {
    pub sender: DiscordSender,
    pub interactions: Arc<InteractionsState>,
    /// Registers the slash commands, retrying until Discord takes them; spawn it.
    pub registration: BoxFuture<'static, ()>,
}

/// The longest wait between two tries to register the slash commands.
const MAX_RETRY: Duration = Duration::from_secs(60);

/// Registers the slash commands, retrying with backoff until Discord takes them; `/readyz`
/// says `discord: commands not registered` meanwhile.
async fn register_until_done(http: Arc<Http>, guild: Option<u64>, health: Health) {
    let mut delay = Duration::from_millis(500);
    loop {
        match slash::register(&http, guild).await {
            Ok(()) => {
                health.up("discord");
                return;
            }
            Err(e) => {
                tracing::warn!(error = %e, retry_in = ?delay, "could not register Discord commands; will retry");
            }
        }
        tokio::time::sleep(delay).await;
        delay = (delay * 2).min(MAX_RETRY);
    }
}

/// Builds the HTTP client, with serenity's rate limiter on as in production: it waits out each
/// bucket the `X-RateLimit-*` headers describe and retries a 429 after its `Retry-After`. With
/// `api` set (tests), discord.com resolves to that address and `ca_pem` is trusted as well; the
/// requests still name discord.com, which is what the limiter and TLS see.
pub fn http(
    token: &str,
    application_id: u64,
    api: Option<(std::net::SocketAddr, Option<&[u8]>)>,
) -> Result<Arc<Http>, StartError> {
    let mut builder = HttpBuilder::new(token).application_id(application_id.into());
    if let Some((addr, ca_pem)) = api {
        let mut client = reqwest::Client::builder()
            .use_rustls_tls()
            .resolve("discord.com", addr);
        if let Some(pem) = ca_pem {
            let ca = reqwest::Certificate::from_pem(pem).map_err(|e| {
                StartError::Config(format!("DISCORD_API_CA_FILE is not a PEM certificate: {e}"))
            })?;
            client = client.add_root_certificate(ca);
        }
        let client = client.build().map_err(|e| {
            StartError::Config(format!("DISCORD_API_URL: cannot build a client: {e}"))
        })?;
        builder = builder.client(client);
    }
    Ok(Arc::new(builder.build()))
}

/// Sets Discord up if it is configured, and registers the slash commands. The parser
/// already checked the settings; a config built in code is checked again here.
pub async fn start(
    config: &DiscordConfig,
    commands: Arc<Commands>,
    pool: Pool,
    health: Health,
) -> Result<Option<Discord>, StartError> {
    let (token, application_id, key) = match (
        &config.discord_bot_token,
        config.discord_application_id,
        &config.discord_public_key,
    ) {
        (None, None, None) => return Ok(None),
        (Some(token), Some(app), Some(key)) => (token, app, key),
        _ => {
            return Err(StartError::Config(
                "Discord needs DISCORD_BOT_TOKEN, DISCORD_APPLICATION_ID and DISCORD_PUBLIC_KEY together".into(),
            ));
        }
    };
    let verifier = discord_verifier(key)
        .map_err(|why| StartError::Config(format!("DISCORD_PUBLIC_KEY {why}")))?;
    let ca_pem = match &config.discord_api_ca_file {
        Some(path) => Some(std::fs::read(path).map_err(|e| {
            StartError::Config(format!("DISCORD_API_CA_FILE {}: {e}", path.display()))
        })?),
        None => None,
    };
    let api = config.discord_api_url.map(|addr| (addr, ca_pem.as_deref()));
    let http = http(token.expose_secret(), application_id, api)?;
    health.down("discord", "commands not registered");
    let registration =
        register_until_done(Arc::clone(&http), config.discord_guild_id, health).boxed();
    Ok(Some(Discord {
        registration,
        sender: DiscordSender::new(Arc::clone(&http)),
        interactions: Arc::new(InteractionsState {
            verifier,
            pool,
            commands,
            http,
        }),
    }))
}
