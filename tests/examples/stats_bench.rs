//! Stats: the time to build `/stats` for one chat with 10,000 trackers and 1,000,000 opens,
//! with the queries and the drawing measured apart, and one `/export` of every open. Run with
//! `cargo run --release -p mailping-tests --example stats_bench`.
//!
//! The data is the history benchmark's (`examples/history.rs`): opens spread over the past
//! year, so about 83,000 fall in the chart's 30 days. `STATS_RECENT=1` puts all 1,000,000 in
//! the last 30 days instead, the worst case for the chart's query. `STATS_EXTRA_SQL` runs after
//! seeding (e.g. to drop a candidate index). The last line is `RESULT key=value ...`.

use std::time::{Duration, Instant};

use chrono::{NaiveDate, Utc};
use diesel::QueryableByName;
use diesel::sql_types::{BigInt, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};
use mailping_shared::charts;
use mailping_shared::commands::{Chat, Command, CommandLimits, Commands, Content};
use mailping_shared::models::Platform;
use mailping_shared::models::stats;
use mailping_tests::test_db::TestDb;

const CHAT_ID: i64 = 42;
const RUNS: usize = 25;

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

#[derive(QueryableByName)]
struct Line {
    #[diesel(sql_type = Text)]
    line: String,
}

struct Timing {
    median: Duration,
    max: Duration,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Runs `f` three times to warm up, then RUNS times measured.
async fn time<T>(mut f: impl AsyncFnMut() -> T) -> (Timing, T) {
    let mut times = Vec::with_capacity(RUNS);
    let mut last = None;
    for i in 0..RUNS + 3 {
        let start = Instant::now();
        let out = f().await;
        let took = start.elapsed();
        if i >= 3 {
            times.push(took);
        }
        last = Some(out);
    }
    times.sort();
    (
        Timing {
            median: times[times.len() / 2],
            max: *times.last().expect("runs"),
        },
        last.expect("runs"),
    )
}

fn report(name: &str, t: &Timing) {
    println!(
        "{name:<34} median {:>8.2} ms   max {:>8.2} ms   ({RUNS} runs)",
        ms(t.median),
        ms(t.max)
    );
}

#[tokio::main]
async fn main() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    tracing_subscriber::fmt().with_env_filter(filter).init();

    let recent = std::env::var("STATS_RECENT").is_ok_and(|v| v == "1");
    let db = TestDb::new().await;
    let mut conn = db.conn().await;
    let seeding = Instant::now();
    seed(&mut conn, if recent { 30 } else { 360 }).await;
    println!(
        "seeded 10,000 trackers and 1,000,000 opens over {} days in {:.1} s",
        if recent { 30 } else { 360 },
        seeding.elapsed().as_secs_f64()
    );
    if let Ok(sql) = std::env::var("STATS_EXTRA_SQL") {
        println!("running STATS_EXTRA_SQL: {sql}");
        // One statement at a time: VACUUM refuses to run in a multi-statement string.
        for statement in sql.split(';').filter(|s| !s.trim().is_empty()) {
            conn.batch_execute(statement)
                .await
                .expect("STATS_EXTRA_SQL");
        }
    }
    let account: Id = diesel::sql_query(format!(
        "SELECT id FROM accounts WHERE chat_id = '{CHAT_ID}'"
    ))
    .get_result(&mut conn)
    .await
    .expect("account");
    let since = Utc::now() - chrono::Duration::days(30);
    let today = Utc::now().date_naive();
    let days: Vec<NaiveDate> = (0..30)
        .rev()
        .map(|b| today - chrono::Duration::days(b))
        .collect();

    let (daily, counts) = time(async || {
        stats::daily_counts(&mut conn, account.id, "UTC", since)
            .await
            .expect("daily counts")
    })
    .await;
    let in_window: i64 = counts.iter().map(|c| c.count).sum();
    let (totals, t) = time(async || {
        stats::totals(&mut conn, account.id, since)
            .await
            .expect("totals")
    })
    .await;
    println!("{in_window} opens in the window; totals {t:?}");
    let (drawing, png) =
        time(async || charts::account_chart(&days, &counts, "UTC").expect("the chart")).await;
    println!("account chart PNG: {} bytes", png.len());

    let commands = Commands::new(
        db.pool(),
        "https://px.example.com".parse().expect("valid URL"),
        CommandLimits {
            trackers_per_minute: 20,
            commands_per_minute: 1_000_000,
        },
    );
    let chat = Chat::new(Platform::Telegram, CHAT_ID);
    let (whole, reply) =
        time(async || commands.run(&chat, Command::Stats(String::new())).await).await;
    assert_eq!(reply.attachments.len(), 1, "{}", reply.plain_text());
    println!("caption: {}", reply.plain_text());
    let (hot, reply) =
        time(async || commands.run(&chat, Command::Stats("10000".into())).await).await;
    let hot_png = match &reply.attachments[0].content {
        Content::Bytes(b) => b.len(),
        Content::File(_) => 0,
    };
    println!("tracker #10000 chart PNG: {hot_png} bytes");

    report("stats::daily_counts (query)", &daily);
    report("stats::totals (query)", &totals);
    report("charts::account_chart (draw+PNG)", &drawing);
    report("/stats (whole command)", &whole);
    report("/stats 10000 (100,000 opens)", &hot);

    if std::env::var("STATS_SKIP_EXPORT").is_ok_and(|v| v == "1") {
        explain(&mut conn, account.id).await;
        return;
    }
    let start = Instant::now();
    let export = commands.run(&chat, Command::Export(String::new())).await;
    let export_time = start.elapsed();
    let mut sizes = Vec::new();
    for a in &export.attachments {
        if let Content::File(f) = &a.content {
            let size = std::fs::metadata(f.path()).map(|m| m.len()).unwrap_or(0);
            println!("export file {}: {size} bytes", a.filename);
            sizes.push(size);
        }
    }
    println!(
        "/export (1,000,000 rows): {:.0} ms; {}",
        ms(export_time),
        export.plain_text()
    );

    explain(&mut conn, account.id).await;

    let opens_file_bytes = sizes.into_iter().next().unwrap_or(0);
    println!(
        "RESULT daily_counts_median_ms={:.2} totals_median_ms={:.2} draw_median_ms={:.2} \
         stats_median_ms={:.2} stats_max_ms={:.2} hot_tracker_median_ms={:.2} png_bytes={} \
         export_ms={:.0} export_bytes={}",
        ms(daily.median),
        ms(totals.median),
        ms(drawing.median),
        ms(whole.median),
        ms(whole.max),
        ms(hot.median),
        png.len(),
        ms(export_time),
        opens_file_bytes,
    );
}

/// The history benchmark's data, with the opens spread over `days`.
async fn seed(conn: &mut AsyncPgConnection, days: i64) {
    conn.batch_execute(&format!(
        "INSERT INTO accounts (platform, chat_id, trackers_created) VALUES ('telegram', '{CHAT_ID}', 10000);
         INSERT INTO trackers (account_id, number, token, copy_token, label, created_at)
             SELECT a.id, n, gen_random_uuid(), gen_random_uuid(), 'Newsletter issue ' || n,
                    now() - interval '400 days' + n * interval '57 minutes'
             FROM accounts a CROSS JOIN generate_series(1, 10000) n;
         INSERT INTO opens (tracker_id, opened_at, kind, client, network, user_agent)
             SELECT t.id,
                    now() - ((g::bigint * 104729) % ({days} * 86400)) * interval '1 second',
                    k.kind, k.client, ('198.18.' || (g % 256) || '.0/24')::cidr, NULL
             FROM generate_series(1, 1000000) g
             CROSS JOIN LATERAL (SELECT CASE WHEN g <= 100000 THEN 10000
                                             WHEN g <= 110000 THEN 9999
                                             ELSE 1 + g % 9998 END AS number) n
             JOIN trackers t ON t.number = n.number
             CROSS JOIN LATERAL (SELECT (g::bigint * 7919) % 100 AS r) h
             CROSS JOIN LATERAL (SELECT
                 CASE WHEN h.r < 50 THEN 'gmail_proxy' WHEN h.r < 65 THEN 'direct' WHEN h.r < 80 THEN 'apple_mpp'
                      WHEN h.r < 90 THEN 'duplicate' WHEN h.r < 95 THEN 'scanner' ELSE 'link_preview' END AS kind,
                 CASE WHEN h.r < 50 THEN 'Gmail' WHEN h.r < 65 THEN 'Outlook' WHEN h.r < 80 THEN 'Apple Mail'
                      WHEN h.r < 90 THEN 'Gmail' WHEN h.r < 95 THEN 'Barracuda' ELSE 'Telegram' END AS client) k"
    ))
    .await
    .expect("seeding");
    for table in ["accounts", "trackers", "opens"] {
        conn.batch_execute(&format!("VACUUM ANALYZE {table}"))
            .await
            .expect("vacuum");
    }
}

/// The plans of the chart's two queries, with the binds `/stats` uses.
async fn explain(conn: &mut AsyncPgConnection, account_id: i64) {
    conn.batch_execute(
        "CREATE FUNCTION pg_temp.explain(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
         DECLARE r text;
         BEGIN FOR r IN EXECUTE 'EXPLAIN (ANALYZE, BUFFERS) ' || q LOOP RETURN NEXT r; END LOOP; END $$",
    )
    .await
    .expect("explain function");
    let queries = [
        (
            "daily_counts",
            format!(
                "SELECT (o.opened_at AT TIME ZONE 'UTC')::date AS day, o.kind, count(*) AS count
                 FROM trackers t
                 JOIN opens o ON o.tracker_id = t.id AND o.opened_at >= now() - interval '30 days'
                 WHERE t.account_id = {account_id}
                 GROUP BY 1, 2"
            ),
        ),
        (
            "totals",
            format!(
                "SELECT count(*), count(f.first_read) FROM trackers t
                 LEFT JOIN LATERAL (SELECT o.opened_at AS first_read FROM opens o
                     WHERE o.tracker_id = t.id AND o.is_read ORDER BY o.opened_at ASC LIMIT 1) f ON true
                 WHERE t.account_id = {account_id} AND t.created_at >= now() - interval '30 days'"
            ),
        ),
    ];
    for (name, sql) in queries {
        let plan: Vec<Line> = diesel::sql_query("SELECT pg_temp.explain($1) AS line")
            .bind::<Text, _>(&sql)
            .load(conn)
            .await
            .expect("explain");
        println!("\n--- EXPLAIN ANALYZE {name} (the same shape as models::stats) ---");
        for l in plan {
            println!("{}", l.line);
        }
    }
}
