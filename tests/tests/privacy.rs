//! Privacy: raw client addresses never reach the database or the logs, and old opens are
//! purged.

use std::io::Write;
use std::sync::{Arc, Mutex};

use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use mailping_tests::app::TestApp;
use mailping_tests::{eventually, seed};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log buffer").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[derive(QueryableByName)]
struct Dump {
    #[diesel(sql_type = diesel::sql_types::Text)]
    json: String,
}

#[tokio::test]
async fn raw_addresses_reach_neither_the_database_nor_the_logs() {
    let logs = Captured::default();
    let sink = logs.clone();
    // This test's runtime is single-threaded, so a thread-local subscriber sees every task
    // it spawns, whatever another test in this binary installed globally; the open writer's
    // thread takes its starter's subscriber.
    let _logs = tracing::subscriber::set_default(
        tracing_subscriber::fmt()
            .with_env_filter("trace")
            .with_writer(move || sink.clone())
            .finish(),
    );

    let mut app = TestApp::spawn()
        .pixel_setting("--trusted-proxies", "127.0.0.0/8")
        .await;
    let mut conn = app.conn().await;
    let t = seed::tracker(&mut conn, 1, "Proposal").await;
    let raw = [
        "203.0.113.77",
        "2001:db8:abcd:12:3456:789a:bcde:f012",
        "198.51.100.23",
    ];
    for (i, ip) in raw.iter().enumerate() {
        app.fetch_pixel_with(
            &t.token,
            Some(&format!("Thunderbird/{i}")),
            &[("x-forwarded-for", ip)],
        )
        .await;
    }
    let page = app
        .client()
        .get(app.pixel_url(&format!("/c/{}", t.copy_token)))
        .header("x-forwarded-for", raw[2])
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    app.stop_pixel().await;

    let mut dump = Vec::new();
    for table in ["accounts", "trackers", "opens", "alerts", "sender_networks"] {
        let rows: Vec<Dump> = diesel::sql_query(format!(
            "SELECT row_to_json(t)::text AS json FROM {table} t"
        ))
        .load(&mut conn)
        .await
        .unwrap();
        dump.extend(rows.into_iter().map(|r| r.json));
    }
    let dump = dump.join("\n");
    let logs = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    assert!(
        dump.contains("203.0.113.0/24") && dump.contains("2001:db8:abcd::/48"),
        "truncated networks are kept: {dump}"
    );
    assert!(!logs.is_empty(), "the capture works");
    assert!(
        logs.contains("open writer drained its queue"),
        "the capture sees the writer's thread: {logs}"
    );
    for ip in raw {
        assert!(!dump.contains(ip), "{ip} stored in the database");
        assert!(!logs.contains(ip), "{ip} in the logs");
    }
    assert!(!logs.contains(&t.token), "a whole token in the logs");
}

#[tokio::test]
async fn opens_older_than_the_retention_period_are_purged() {
    let mut app = TestApp::spawn()
        .pixel_setting("--opens-retention-days", 30)
        .await;
    // The purge runs at start-up; the opens must be there before it.
    app.stop_pixel().await;
    let mut conn = app.conn().await;
    let t = seed::tracker(&mut conn, 1, "Proposal").await;
    seed::opens_aged(&mut conn, t.id, &[400, 31, 29, 0]).await;
    app.start_pixel().await;
    let left = eventually(
        std::time::Duration::from_secs(5),
        "the purge of old opens",
        async || {
            let left = seed::open_count(&mut conn).await;
            (left == 2).then_some(left)
        },
    )
    .await;
    app.stop_pixel().await;
    assert_eq!(
        left, 2,
        "the 400- and 31-day-old opens are gone, the recent ones kept"
    );
}
