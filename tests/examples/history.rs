//! History: the server-side time of `/opens` and `/opens <n>` for one chat with 10,000
//! trackers and 1,000,000 opens. Run with
//! `cargo run --release -p mailping-tests --example history`.
//!
//! The opens are spread the way a heavy user's are: tracker #10000 (the newest, on the first
//! page of `/opens`) is a newsletter with 100,000 opens, #9999 has 10,000, and the other 9,998
//! share the remaining 890,000 (about 89 each). Kinds follow a typical mix, times spread over the
//! past year, rows interleaved across trackers as they arrive in production. After seeding the
//! table is vacuumed and analyzed, as autovacuum would have done.
//!
//! Each command goes through `Commands::run`, exactly what the Telegram and Discord adapters
//! call, on a warm pool; the time is the call's wall time in this process, Postgres included.
//! The query behind the list (`tracker::list_page`) is also timed alone, and the plans of the
//! production queries are printed: their SQL is taken from diesel as the model functions send
//! it, never copied here.
//! `HISTORY_BACKGROUND_OPENS=9000000` adds that many opens on another chat first, so the table
//! holds a large installation's history (bench/run's `pixel10m` step uses it).
//! `HISTORY_EXTRA_SQL` is run after seeding (e.g. a candidate index), and the query plans are
//! printed with EXPLAIN (ANALYZE, BUFFERS). With `HISTORY_KEEP_DB=1` the database is left in
//! place for psql (its name is printed). The last line is `RESULT key=value ...`.

use std::sync::{Arc, Mutex};
use std::time::Instant;

use diesel::connection::InstrumentationEvent;
use diesel_async::{AsyncConnection, AsyncPgConnection, SimpleAsyncConnection};
use mailping_shared::commands::{Chat, Command, CommandLimits, Commands};
use mailping_shared::models::Platform;
use mailping_shared::models::{open, tracker};
use mailping_tests::bench::{
    self, CHAT_ID, History, Timing, account_id, ms, run_extra_sql, seed_background, seed_history,
    time, tracker_id,
};
use mailping_tests::test_db::TestDb;

const HOT: i32 = 10_000;
const TYPICAL: i32 = 5_000;

#[tokio::main]
async fn main() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    tracing_subscriber::fmt().with_env_filter(filter).init();

    let db = TestDb::new().await;
    let mut conn = db.conn().await;
    let seeding = Instant::now();
    seed_history(
        &mut conn,
        &History {
            days: 360,
            tracker_spacing_minutes: 50,
            user_agents: true,
        },
    )
    .await;
    println!(
        "seeded 10,000 trackers and 1,000,000 opens in {:.1} s",
        seeding.elapsed().as_secs_f64()
    );
    // The rest of a large installation: `HISTORY_BACKGROUND_OPENS` more opens on another chat.
    if let Some(n) = std::env::var("HISTORY_BACKGROUND_OPENS")
        .ok()
        .and_then(|n| n.parse::<u64>().ok())
        .filter(|n| *n > 0)
    {
        let seeding = Instant::now();
        seed_background(&mut conn, n).await;
        println!(
            "seeded {n} opens on another chat in {:.1} s",
            seeding.elapsed().as_secs_f64()
        );
    }
    if let Ok(sql) = std::env::var("HISTORY_EXTRA_SQL") {
        run_extra_sql(&mut conn, &sql).await;
    }

    let commands = Commands::new(
        db.pool(),
        "https://px.example.com".parse().expect("valid URL"),
        CommandLimits {
            trackers_per_minute: 20,
            commands_per_minute: 1_000_000,
        },
    );
    let chat = Chat::new(Platform::Telegram, CHAT_ID);
    let list = time_opens(&commands, &chat, "").await;
    let typical = time_opens(&commands, &chat, &TYPICAL.to_string()).await;
    let hot = time_opens(&commands, &chat, &HOT.to_string()).await;
    for (name, t) in [
        ("/opens", &list),
        ("/opens 5000 (~89 opens)", &typical),
        ("/opens 10000 (100,000 opens)", &hot),
    ] {
        println!(
            "{name:<30} median {:>7.2} ms   max {:>7.2} ms   ({} runs)",
            ms(t.median),
            ms(t.max),
            bench::RUNS
        );
    }

    // The query of `/opens` alone, without the command around it.
    let account = account_id(&mut conn).await;
    let list_sql = time_list_page(&mut conn, account).await;
    println!(
        "{:<30} median {:>7.2} ms   max {:>7.2} ms   ({} runs)",
        "tracker::list_page alone",
        ms(list_sql.median),
        ms(list_sql.max),
        bench::RUNS
    );

    explain(&db).await;

    println!(
        "RESULT list_median_ms={:.2} list_max_ms={:.2} timeline_median_ms={:.2} timeline_max_ms={:.2} \
         hot_timeline_median_ms={:.2} hot_timeline_max_ms={:.2} list_sql_median_ms={:.2} list_sql_max_ms={:.2}",
        ms(list.median),
        ms(list.max),
        ms(typical.median),
        ms(typical.max),
        ms(hot.median),
        ms(hot.max),
        ms(list_sql.median),
        ms(list_sql.max),
    );
    if std::env::var("HISTORY_KEEP_DB").is_ok_and(|v| v == "1") {
        println!(
            "kept database {} (drop it with DROP DATABASE .. WITH (FORCE))",
            db.name()
        );
        std::mem::forget(db);
    }
}

/// Runs `/opens <arg>` (checking that it answers) a few times to warm up, then measured.
async fn time_opens(commands: &Commands, chat: &Chat, arg: &str) -> Timing {
    let (timing, text) = time(async || {
        commands
            .run(chat, Command::Opens(arg.to_owned()))
            .await
            .plain_text()
    })
    .await;
    assert!(!text.contains("went wrong"), "/opens {arg} failed: {text}");
    println!(
        "--- /opens {arg} ---\n{}\n",
        text.lines().take(8).collect::<Vec<_>>().join("\n")
    );
    timing
}

/// Times the first page of `tracker::list_page` alone.
async fn time_list_page(conn: &mut AsyncPgConnection, account_id: i64) -> Timing {
    let (timing, rows) = time(async || {
        tracker::list_page(conn, account_id, 0, 5)
            .await
            .expect("list page")
    })
    .await;
    assert_eq!(rows.len(), 5);
    timing
}

/// Prints the plans of the queries behind `/opens` and `/opens <n>`. Each model function runs
/// once on a connection that records the SQL diesel sends; that SQL is then prepared and
/// explained with the same (integer) binds.
async fn explain(db: &TestDb) {
    let mut conn = db.conn().await;
    let account = account_id(&mut conn).await;
    let hot = tracker_id(&mut conn, account, HOT).await;

    let sent = Arc::new(Mutex::new(Vec::<String>::new()));
    let mut spy = db.conn().await;
    let record = Arc::clone(&sent);
    spy.set_instrumentation(move |event: InstrumentationEvent<'_>| {
        if let InstrumentationEvent::StartQuery { query, .. } = event {
            record.lock().expect("query log").push(query.to_string());
        }
    });
    let names = [
        "/opens: tracker::list_page (first page)".to_owned(),
        "/opens: tracker::count_for_account".to_owned(),
        format!("/opens {HOT}: open::timeline"),
        format!("/opens {HOT}: open::count_for_tracker"),
    ];
    tracker::list_page(&mut spy, account, 0, 5)
        .await
        .expect("list page");
    tracker::count_for_account(&mut spy, account)
        .await
        .expect("count");
    open::timeline(&mut spy, hot, 500).await.expect("timeline");
    open::count_for_tracker(&mut spy, hot).await.expect("count");
    let sent = sent.lock().expect("query log").clone();
    assert_eq!(sent.len(), names.len(), "one query each: {sent:#?}");

    for (i, (name, query)) in names.iter().zip(&sent).enumerate() {
        // diesel shows a query as `<sql> -- binds: [1, 0, 5]`; integer binds read as SQL.
        let (sql, binds) = query
            .rsplit_once(" -- binds: ")
            .expect("diesel's query display");
        let args = binds.trim_start_matches('[').trim_end_matches(']');
        conn.batch_execute(&format!("PREPARE history_{i} AS {sql}"))
            .await
            .unwrap_or_else(|e| panic!("preparing {name}: {e}\n{sql}"));
        let execute = match args.is_empty() {
            true => format!("EXECUTE history_{i}"),
            false => format!("EXECUTE history_{i}({args})"),
        };
        println!("\n{name}: {sql}");
        bench::explain(&mut conn, name, &execute).await;
    }
}
