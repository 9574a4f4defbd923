//! The pixel server's settings: one typed struct, parsed once in `main`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use mailping_shared::config::{PrivacyConfig, ProxyHeader, TrustedProxies};
use mailping_shared::service::{self, Program, ServiceConfig};

use crate::recorder::WriterSettings;

/// `mailping-pixel-server [serve|migrate]` and its settings.
pub type Cli = service::Cli<PixelConfig>;

impl Program for PixelConfig {
    const NAME: &'static str = "mailping-pixel-server";
    const ABOUT: &'static str =
        "MailPing pixel server: serves the tracking image and records opens";
}

#[derive(Args, Debug, Clone)]
pub struct PixelConfig {
    #[command(flatten)]
    pub service: ServiceConfig,
    /// Address the pixel server listens on.
    #[arg(long, env = "PIXEL_LISTEN_ADDR", value_name = "PIXEL_LISTEN_ADDR", default_value_t = service::PIXEL_LISTEN_ADDR)]
    pub listen_addr: SocketAddr,
    /// Comma-separated CIDRs of reverse proxies whose PROXY_HEADER is believed.
    #[arg(long, env = "TRUSTED_PROXIES", default_value = "")]
    pub trusted_proxies: TrustedProxies,
    /// An operator's own networks, added to the built-in list: a file in the format of
    /// shared/data/networks.tsv, or Apple's egress-ip-ranges.csv as downloaded.
    #[arg(long, env = "NETWORKS_FILE")]
    pub networks_file: Option<PathBuf>,
    /// The header the trusted proxies write the client's address into: x-forwarded-for, or forwarded (RFC 7239).
    #[arg(long, env = "PROXY_HEADER", default_value = "x-forwarded-for")]
    pub proxy_header: ProxyHeader,
    /// Pixel fetches per minute allowed from one client: an IPv4 address, or an IPv6 /48.
    #[arg(long, env = "RATE_LIMIT_PER_CLIENT", default_value_t = 120, value_parser = clap::value_parser!(u32).range(1..))]
    pub rate_limit_per_client: u32,
    /// Pixel fetches per minute allowed for one tracker.
    #[arg(long, env = "RATE_LIMIT_PER_TOKEN", default_value_t = 60, value_parser = clap::value_parser!(u32).range(1..))]
    pub rate_limit_per_token: u32,
    /// A repeat from the same client within this many seconds is a `duplicate`.
    #[arg(long, env = "DEDUP_WINDOW_SECS", default_value_t = 60)]
    pub dedup_window_secs: u64,
    /// Fetches within this many seconds after a tracker is created are the sender's own (`self`).
    #[arg(long, env = "SELF_GRACE_SECS", default_value_t = 30)]
    pub self_grace_secs: u64,
    /// Opens held in memory for the writer.
    #[arg(long, env = "OPEN_BUFFER", default_value_t = 100_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub open_buffer: u64,
    /// Bytes of opens held in memory for the writer (each open costs about 100 bytes plus its User-Agent, cut to 200).
    #[arg(long, env = "OPEN_BUFFER_BYTES", default_value_t = 32 << 20, value_parser = clap::value_parser!(u64).range(65_536..))]
    pub open_buffer_bytes: u64,
    /// Directory where opens go while the database cannot take them; replayed when it can, and at start-up.
    #[arg(long, env = "SPILL_DIR", default_value = "spill")]
    pub spill_dir: PathBuf,
    /// Most bytes of spilled opens kept on disk; beyond that, opens wait in memory.
    #[arg(long, env = "SPILL_MAX_BYTES", default_value_t = 1 << 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub spill_max_bytes: u64,
    /// Most opens written in one INSERT.
    #[arg(long, env = "WRITE_BATCH_MAX", default_value_t = 2_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub write_batch_max: u64,
    /// Under a steady stream of opens, the writer starts a batch at most once every this many milliseconds, so that batches are fuller and each open costs Postgres less; a full batch, or the first open after a quiet spell, is written at once. 0 writes whatever is queued as soon as the last write ends.
    #[arg(long, env = "WRITE_LINGER_MS", default_value_t = 50)]
    pub write_linger_ms: u64,
    /// On shutdown, how long to keep trying to write buffered opens that neither the database nor the spill directory takes.
    #[arg(long, env = "SHUTDOWN_FLUSH_SECS", default_value_t = 30)]
    pub shutdown_flush_secs: u64,
    #[command(flatten)]
    pub privacy: PrivacyConfig,
}

impl PixelConfig {
    /// What the open writer is told of these settings, in the units it works in.
    pub fn writer_settings(&self) -> WriterSettings {
        WriterSettings {
            batch_max: self.write_batch_max as usize,
            linger: Duration::from_millis(self.write_linger_ms),
            dedup_window: Duration::from_secs(self.dedup_window_secs),
            self_grace: Duration::from_secs(self.self_grace_secs),
            shutdown_flush: Duration::from_secs(self.shutdown_flush_secs),
            privacy_default: self.privacy.privacy_default,
        }
    }
}
