//! Stats: the time to build `/stats` for one chat with 10,000 trackers and 1,000,000 opens,
//! with the queries and the drawing measured apart, and one `/export` of every open under
//! Telegram's upload limit and one under Discord's (where it is split into parts). Run with
//! `cargo run --release -p mailping-tests --example stats_bench`.
//!
//! The data is the history benchmark's (`examples/history.rs`): opens spread over the past
//! year, so about 83,000 fall in the chart's 30 days. `STATS_RECENT=1` puts all 1,000,000 in
//! the last 30 days instead, the worst case for the chart's query. `STATS_EXTRA_SQL` runs after
//! seeding (e.g. to drop a candidate index). The last line is `RESULT key=value ...`.

use std::time::{Duration, Instant};

use chrono::{NaiveDate, Utc};
use diesel_async::AsyncPgConnection;
use mailping_shared::charts;
use mailping_shared::commands::{
    Chat, Command, CommandLimits, Commands, Content, UPLOAD_LIMIT_DISCORD, UploadLimits,
};
use mailping_shared::models::Platform;
use mailping_shared::models::stats;
use mailping_tests::bench::{
    self, CHAT_ID, History, account_id, ms, report, run_extra_sql, seed_history, time,
};
use mailping_tests::test_db::TestDb;

#[tokio::main]
async fn main() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    tracing_subscriber::fmt().with_env_filter(filter).init();

    let recent = std::env::var("STATS_RECENT").is_ok_and(|v| v == "1");
    let db = TestDb::new().await;
    let mut conn = db.conn().await;
    let seeding = Instant::now();
    let days = if recent { 30 } else { 360 };
    seed_history(
        &mut conn,
        &History {
            days,
            // Some trackers fall in the chart's 30 days, for the caption's numbers.
            tracker_spacing_minutes: 57,
            user_agents: false,
        },
    )
    .await;
    println!(
        "seeded 10,000 trackers and 1,000,000 opens over {days} days in {:.1} s",
        seeding.elapsed().as_secs_f64()
    );
    if let Ok(sql) = std::env::var("STATS_EXTRA_SQL") {
        run_extra_sql(&mut conn, &sql).await;
    }
    let account_id = account_id(&mut conn).await;
    let since = Utc::now() - chrono::Duration::days(30);
    let today = Utc::now().date_naive();
    let days: Vec<NaiveDate> = (0..30)
        .rev()
        .map(|b| today - chrono::Duration::days(b))
        .collect();

    let (daily, counts) = time(async || {
        stats::daily_counts(&mut conn, account_id, "UTC", since)
            .await
            .expect("daily counts")
    })
    .await;
    let in_window: i64 = counts.iter().map(|c| c.count).sum();
    let (totals, t) = time(async || {
        stats::totals(&mut conn, account_id, since)
            .await
            .expect("totals")
    })
    .await;
    println!("{in_window} opens in the window; totals {t:?}");
    let (drawing, png) = time(async || {
        charts::account_chart(&charts::English, &days, &counts, "UTC").expect("the chart")
    })
    .await;
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
        explain(&mut conn, account_id).await;
        return;
    }
    let (export_time, sizes) = export(&commands, &chat, "Telegram's 50 MB").await;
    // The same account under Discord's 10 MiB (a limit, not a platform, decides the files).
    let discord = Commands::new(
        db.pool(),
        "https://px.example.com".parse().expect("valid URL"),
        CommandLimits {
            trackers_per_minute: 20,
            commands_per_minute: 1_000_000,
        },
    )
    .with_upload_limits(UploadLimits {
        telegram: UPLOAD_LIMIT_DISCORD,
        discord: UPLOAD_LIMIT_DISCORD,
    });
    let (discord_time, discord_sizes) = export(&discord, &chat, "Discord's 10 MiB").await;
    let opens_parts: Vec<u64> = discord_sizes[..discord_sizes.len() - 1].to_vec();

    explain(&mut conn, account_id).await;

    let opens_file_bytes = sizes.into_iter().next().unwrap_or(0);
    println!(
        "RESULT daily_counts_median_ms={:.2} totals_median_ms={:.2} draw_median_ms={:.2} \
         stats_median_ms={:.2} stats_max_ms={:.2} hot_tracker_median_ms={:.2} png_bytes={} \
         export_ms={:.0} export_bytes={} export_discord_ms={:.0} export_discord_parts={} \
         export_discord_largest_part_bytes={}",
        ms(daily.median),
        ms(totals.median),
        ms(drawing.median),
        ms(whole.median),
        ms(whole.max),
        ms(hot.median),
        png.len(),
        ms(export_time),
        opens_file_bytes,
        ms(discord_time),
        opens_parts.len(),
        opens_parts.iter().max().copied().unwrap_or(0),
    );
}

/// Runs `/export` of every open and prints each file; returns the time and the file sizes
/// (the trackers file last).
async fn export(commands: &Commands, chat: &Chat, limit: &str) -> (Duration, Vec<u64>) {
    let start = Instant::now();
    let export = commands.run(chat, Command::Export(String::new())).await;
    let took = start.elapsed();
    let mut sizes = Vec::new();
    for a in &export.attachments {
        let size = a.size().await.unwrap_or(0);
        println!("export file {}: {size} bytes", a.filename);
        sizes.push(size);
    }
    println!(
        "/export (1,000,000 rows) under {limit}: {:.0} ms; {}",
        ms(took),
        export.plain_text()
    );
    assert!(!sizes.is_empty(), "{}", export.plain_text());
    (took, sizes)
}

/// The plans of the chart's two queries, with the binds `/stats` uses.
async fn explain(conn: &mut AsyncPgConnection, account_id: i64) {
    let queries = [
        (
            "daily_counts",
            format!(
                "SELECT (c.slice_start AT TIME ZONE 'UTC')::date AS day, c.kind, sum(c.count)::int8 AS count
                 FROM open_counts c
                 WHERE c.account_id = {account_id} AND c.slice_start >= now() - interval '30 days'
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
        bench::explain(
            conn,
            &format!("{name} (the same shape as models::stats)"),
            &sql,
        )
        .await;
    }
}
