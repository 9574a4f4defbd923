//! Privacy: raw client addresses never reach the database or the logs, and old opens are
//! purged.

use std::io::Write;
use std::sync::{Arc, Mutex};

use chrono::Utc;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use mailping_shared::models::open::{self, NewOpen};
use mailping_shared::schema::opens;
use mailping_tests::pixel::{TestPixel, test_config};
use mailping_tests::seed;
use mailping_tests::test_db::TestDb;

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
    tracing_subscriber::fmt()
        .with_env_filter("trace")
        .with_writer(move || sink.clone())
        .try_init()
        .expect("this test binary installs the only subscriber");

    let db = TestDb::new().await;
    let mut conn = db.conn().await;
    let t = seed::tracker(&mut conn, 1, "Proposal").await;
    let mut config = test_config(db.url());
    config.trusted_proxies = "127.0.0.0/8".parse().unwrap();
    let px = TestPixel::start(config).await;
    let raw = [
        "203.0.113.77",
        "2001:db8:abcd:12:3456:789a:bcde:f012",
        "198.51.100.23",
    ];
    for (i, ip) in raw.iter().enumerate() {
        px.fetch_pixel_with(
            &t.token.to_string(),
            Some(&format!("Thunderbird/{i}")),
            &[("x-forwarded-for", ip)],
        )
        .await;
    }
    let page = px
        .client
        .get(px.url(&format!("/c/{}", t.copy_token)))
        .header("x-forwarded-for", raw[2])
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    px.stop().await;

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
    for ip in raw {
        assert!(!dump.contains(ip), "{ip} stored in the database");
        assert!(!logs.contains(ip), "{ip} in the logs");
    }
    assert!(
        !logs.contains(&t.token.to_string()),
        "a whole token in the logs"
    );
}

#[tokio::test]
async fn opens_older_than_the_retention_period_are_purged() {
    let db = TestDb::new().await;
    let mut conn = db.conn().await;
    let t = seed::tracker(&mut conn, 1, "Proposal").await;
    let at = |days: i64| NewOpen {
        tracker_id: t.id,
        opened_at: Utc::now() - chrono::Duration::days(days),
        kind: mailping_shared::domain::OpenKind::Direct,
        client: "Thunderbird".into(),
        network: None,
        user_agent: None,
    };
    open::insert_batch(&mut conn, &[at(400), at(31), at(29), at(0)])
        .await
        .unwrap();
    let mut config = test_config(db.url());
    config.opens_retention_days = 30;
    let px = TestPixel::start(config).await;
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(5);
    let mut left: i64 = 4;
    while left != 2 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        left = opens::table.count().get_result(&mut conn).await.unwrap();
    }
    px.stop().await;
    assert_eq!(
        left, 2,
        "the 400- and 31-day-old opens are gone, the recent ones kept"
    );
}
