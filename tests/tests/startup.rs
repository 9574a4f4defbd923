//! Start-up on a database that has no schema yet: the services migrate it, and nothing that
//! uses the schema runs before that. This file holds one test: it installs the process's log
//! subscriber, to read what the services logged.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use mailping_tests::app::TestApp;

/// Every log line of this process, as text.
#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl Write for Logs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Logs {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_fresh_database_background_jobs_wait_for_the_migrations() {
    let logs = Logs::default();
    let writer = logs.clone();
    tracing_subscriber::fmt()
        .with_env_filter("info")
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .init();
    let mut app = TestApp::spawn()
        .on_an_empty_database()
        .with_telegram()
        .await;
    let mut waited = Duration::ZERO;
    while !logs.text().contains("database schema is up to date") && waited < Duration::from_secs(20)
    {
        tokio::time::sleep(Duration::from_millis(100)).await;
        waited += Duration::from_millis(100);
    }
    // Time for a job that started too early to fail and say so.
    tokio::time::sleep(Duration::from_secs(2)).await;
    app.stop_bot().await;
    app.stop_pixel().await;
    let text = logs.text();
    assert!(text.contains("database schema is up to date"), "{text}");
    let early: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("does not exist"))
        .collect();
    assert!(
        early.is_empty(),
        "a job used the schema before it was migrated:\n{}",
        early.join("\n")
    );
}
