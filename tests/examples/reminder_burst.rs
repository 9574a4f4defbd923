//! Reminder burst: 10,000 reminders fall due within the same minute; how long from due to
//! the Bot API receiving each one, with the fake Telegram answering at once.
//!
//! `TestApp` runs a fresh database and one bot in this process. Each reminder belongs to its
//! own chat (Telegram limits messages per chat, not what is measured here) and its due time is
//! spread at random over one minute that starts a few seconds after the bot is up. A watcher
//! stamps each reminder when the fake has stored it. Run with
//! `cargo run --release -p mailping-tests --example reminder_burst`; `REMINDERS` changes the
//! count. The last line is `RESULT key=value ...` for bench/run.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use diesel::QueryableByName;
use diesel::sql_types::{BigInt, Timestamptz};
use diesel_async::RunQueryDsl;
use mailping_tests::app::TestApp;
use mailping_tests::fake_telegram::Limits;

#[derive(QueryableByName)]
struct Due {
    #[diesel(sql_type = BigInt)]
    chat: i64,
    #[diesel(sql_type = Timestamptz)]
    due_at: DateTime<Utc>,
}

#[tokio::main]
async fn main() {
    let count: i64 = std::env::var("REMINDERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let app = TestApp::spawn().with_telegram().await;
    // The sweep's throughput, not Telegram's flood limits.
    app.telegram().set_limits(Limits::none());
    let mut conn = app.conn().await;
    let seeding = Instant::now();
    let due: Vec<Due> = diesel::sql_query(
        "WITH a AS (
             INSERT INTO accounts (platform, chat_id, trackers_created)
             SELECT 'telegram', (1000000 + g)::text, 1 FROM generate_series(1, $1) g
             RETURNING id, chat_id),
         t AS (
             INSERT INTO trackers (account_id, number, token, copy_token, label, created_at)
             SELECT id, 1, gen_random_uuid(), gen_random_uuid(), 'Proposal ' || chat_id,
                    now() - interval '3 days'
             FROM a RETURNING id, account_id),
         r AS (
             INSERT INTO reminders (tracker_id, due_at, next_attempt_at)
             SELECT t.id, d, d FROM t,
                    LATERAL (SELECT now() + interval '5 seconds' + random() * interval '60 seconds' + t.id * interval '0') x(d)
             RETURNING tracker_id, due_at)
         SELECT a.chat_id::bigint AS chat, r.due_at
         FROM r JOIN t ON t.id = r.tracker_id JOIN a ON a.id = t.account_id",
    )
    .bind::<BigInt, _>(count)
    .load(&mut conn)
    .await
    .expect("seeding reminders");
    let due: HashMap<i64, DateTime<Utc>> = due.into_iter().map(|d| (d.chat, d.due_at)).collect();
    println!(
        "seeded {count} reminders due within one minute in {:.1} s",
        seeding.elapsed().as_secs_f64()
    );

    let fake = app.telegram();
    let started = Instant::now();
    let mut seen = 0;
    let mut latencies: Vec<f64> = Vec::with_capacity(due.len());
    let deadline = started + Duration::from_secs(600);
    while latencies.len() < due.len() && Instant::now() < deadline {
        let fresh = fake.sent_since(seen);
        seen += fresh.len();
        let now = Utc::now();
        for m in fresh {
            if let Some(at) = due.get(&m.chat_id)
                && m.text.starts_with("⏰ No confirmed read")
            {
                latencies.push((now - *at).num_microseconds().unwrap_or(0) as f64 / 1000.0);
            }
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let total = started.elapsed();
    latencies.sort_by(f64::total_cmp);
    let pct = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p).ceil() as usize).saturating_sub(1))
            .copied()
            .unwrap_or(f64::NAN)
    };
    let (p50, p99, max) = (pct(0.50), pct(0.99), pct(1.0));
    println!(
        "sent {} of {} reminders; due -> sent p50 {p50:.1} ms, p99 {p99:.1} ms, max {max:.1} ms; all done {:.1} s after the first fell due",
        latencies.len(),
        due.len(),
        total.as_secs_f64() - 5.0
    );
    println!(
        "RESULT expected={} sent={} p50_ms={p50:.1} p99_ms={p99:.1} max_ms={max:.1}",
        due.len(),
        latencies.len()
    );
    if latencies.len() < due.len() {
        std::process::exit(1);
    }
}
