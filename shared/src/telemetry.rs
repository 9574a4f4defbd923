//! Logging, initialised once per process.

/// Installs a `tracing` subscriber that reads `RUST_LOG` (default `info`). Calling it twice is
/// harmless, so tests may call it too.
pub fn init() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).try_init();
}
