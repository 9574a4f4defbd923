//! Test support for MailPing's end-to-end tests: [`app::TestApp`] starts the services
//! in-process on a fresh database with fake chat APIs; [`eventually`] waits for what they do.

use std::fmt;
use std::time::Duration;

pub mod app;
pub mod bench;
pub mod fake_discord;
pub mod fake_telegram;
pub mod fake_tls;
mod local_pg;
pub mod replicated_pg;
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

/// Polls `probe` until it returns `Some`, and returns that; panics with "waited {within:?} for
/// {what}" if it never does. The one way tests wait for something the services do
/// asynchronously.
pub async fn eventually<T>(
    within: Duration,
    what: impl fmt::Display,
    mut probe: impl AsyncFnMut() -> Option<T>,
) -> T {
    let deadline = tokio::time::Instant::now() + within;
    loop {
        if let Some(found) = probe().await {
            return found;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "waited {within:?} for {what}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A message for [`eventually`] that is only built if it is shown, so it can describe the
/// state at the time of the failure.
pub struct Describe<F>(pub F);

impl<F: Fn() -> String> fmt::Display for Describe<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&(self.0)())
    }
}
