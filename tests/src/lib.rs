//! Test support for MailPing's end-to-end tests: a per-test database, fake chat APIs,
//! and helpers that start the services in-process.

pub mod bot;
pub mod fake_discord;
pub mod fake_telegram;
pub mod pixel;
pub mod seed;
pub mod test_db;

/// Logs for tests, captured per test by the harness; `RUST_LOG` picks the level.
pub fn init_logs() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_test_writer()
        .try_init();
}
