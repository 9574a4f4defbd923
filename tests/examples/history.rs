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
//! `HISTORY_EXTRA_SQL` is run after seeding (e.g. a candidate index), and the query plans are
//! printed with EXPLAIN (ANALYZE, BUFFERS). With `HISTORY_KEEP_DB=1` the database is left in
//! place for psql (its name is printed). The last line is `RESULT key=value ...`.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use diesel::QueryableByName;
use diesel::connection::InstrumentationEvent;
use diesel::sql_types::{BigInt, Text};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};
use mailping_shared::commands::{Chat, Command, CommandLimits, Commands};
use mailping_shared::models::Platform;
use mailping_shared::models::{open, tracker};
use mailping_tests::test_db::TestDb;

const CHAT_ID: i64 = 42;
const RUNS: usize = 25;
const HOT: i32 = 10_000;
const TYPICAL: i32 = 5_000;

#[derive(QueryableByName)]
struct Line {
    #[diesel(sql_type = Text)]
    line: String,
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

#[tokio::main]
async fn main() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    tracing_subscriber::fmt().with_env_filter(filter).init();

    let db = TestDb::new().await;
    let mut conn = db.conn().await;
    let seeding = Instant::now();
    seed(&mut conn).await;
    println!(
        "seeded 10,000 trackers and 1,000,000 opens in {:.1} s",
        seeding.elapsed().as_secs_f64()
    );
    if let Ok(sql) = std::env::var("HISTORY_EXTRA_SQL") {
        println!("running HISTORY_EXTRA_SQL: {sql}");
        for statement in sql.split(';').filter(|s| !s.trim().is_empty()) {
            conn.batch_execute(statement)
                .await
                .expect("HISTORY_EXTRA_SQL");
        }
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
    let list = time(&commands, &chat, "").await;
    let typical = time(&commands, &chat, &TYPICAL.to_string()).await;
    let hot = time(&commands, &chat, &HOT.to_string()).await;
    for (name, t) in [
        ("/opens", &list),
        ("/opens 5000 (~89 opens)", &typical),
        ("/opens 10000 (100,000 opens)", &hot),
    ] {
        println!(
            "{name:<30} median {:>7.2} ms   max {:>7.2} ms   ({RUNS} runs)",
            ms(t.median),
            ms(t.max)
        );
    }

    // The query of `/opens` alone, without the command around it.
    let account: Id = diesel::sql_query(format!(
        "SELECT id FROM accounts WHERE chat_id = '{CHAT_ID}'"
    ))
    .get_result(&mut conn)
    .await
    .expect("account");
    let list_sql = time_list_page(&mut conn, account.id).await;
    println!(
        "{:<30} median {:>7.2} ms   max {:>7.2} ms   ({RUNS} runs)",
        "tracker::list_page alone",
        ms(list_sql.median),
        ms(list_sql.max)
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

struct Timing {
    median: Duration,
    max: Duration,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Runs `/opens <arg>` a few times to warm up, then RUNS times measured.
async fn time(commands: &Commands, chat: &Chat, arg: &str) -> Timing {
    let mut times = Vec::with_capacity(RUNS);
    for i in 0..RUNS + 3 {
        let start = Instant::now();
        let reply = commands.run(chat, Command::Opens(arg.to_owned())).await;
        let took = start.elapsed();
        let text = reply.plain_text();
        assert!(!text.contains("went wrong"), "/opens {arg} failed: {text}");
        if i == 0 {
            println!(
                "--- /opens {arg} ---\n{}\n",
                text.lines().take(8).collect::<Vec<_>>().join("\n")
            );
        }
        if i >= 3 {
            times.push(took);
        }
    }
    times.sort();
    Timing {
        median: times[times.len() / 2],
        max: *times.last().expect("runs"),
    }
}

/// Runs the first page of `tracker::list_page` a few times to warm up, then RUNS times measured.
async fn time_list_page(conn: &mut AsyncPgConnection, account_id: i64) -> Timing {
    let mut times = Vec::with_capacity(RUNS);
    for i in 0..RUNS + 3 {
        let start = Instant::now();
        let rows = tracker::list_page(conn, account_id, 0, 5)
            .await
            .expect("list page");
        let took = start.elapsed();
        assert_eq!(rows.len(), 5);
        if i >= 3 {
            times.push(took);
        }
    }
    times.sort();
    Timing {
        median: times[times.len() / 2],
        max: *times.last().expect("runs"),
    }
}

async fn seed(conn: &mut AsyncPgConnection) {
    conn.batch_execute(&format!(
        "INSERT INTO accounts (platform, chat_id, trackers_created) VALUES ('telegram', '{CHAT_ID}', 10000);
         INSERT INTO trackers (account_id, number, token, copy_token, label, created_at)
             SELECT a.id, n, gen_random_uuid(), gen_random_uuid(), 'Newsletter issue ' || n,
                    now() - interval '400 days' + n * interval '50 minutes'
             FROM accounts a CROSS JOIN generate_series(1, 10000) n;
         INSERT INTO opens (tracker_id, opened_at, kind, client, network, user_agent)
             SELECT t.id,
                    now() - ((g::bigint * 104729) % (360 * 86400)) * interval '1 second',
                    k.kind, k.client,
                    ('198.18.' || (g % 256) || '.0/24')::cidr,
                    k.ua
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
                      WHEN h.r < 90 THEN 'Gmail' WHEN h.r < 95 THEN 'Barracuda' ELSE 'Telegram' END AS client,
                 CASE WHEN h.r < 50 OR (h.r >= 80 AND h.r < 90)
                      THEN 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)'
                      WHEN h.r < 65 THEN 'Microsoft Office/16.0 (Microsoft Outlook 16.0.12329; Pro)'
                      WHEN h.r < 80 THEN 'Mozilla/5.0'
                      WHEN h.r < 95 THEN 'Barracuda Sentinel (EE)'
                      ELSE 'TelegramBot (like TwitterBot)' END AS ua) k"
    ))
    .await
    .expect("seeding");
    // VACUUM refuses to run inside the implicit transaction of a multi-statement string.
    for table in ["accounts", "trackers", "opens"] {
        conn.batch_execute(&format!("VACUUM ANALYZE {table}"))
            .await
            .expect("vacuum");
    }
}

/// Prints the plans of the queries behind `/opens` and `/opens <n>`. Each model function runs
/// once on a connection that records the SQL diesel sends; that SQL is then prepared and
/// explained with the same (integer) binds.
async fn explain(db: &TestDb) {
    let mut conn = db.conn().await;
    conn.batch_execute(
        "CREATE FUNCTION pg_temp.explain(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
         DECLARE r text;
         BEGIN FOR r IN EXECUTE 'EXPLAIN (ANALYZE, BUFFERS) ' || q LOOP RETURN NEXT r; END LOOP; END $$",
    )
    .await
    .expect("explain function");
    let account: Id = diesel::sql_query(format!(
        "SELECT id FROM accounts WHERE chat_id = '{CHAT_ID}'"
    ))
    .get_result(&mut conn)
    .await
    .expect("account");
    let hot: Id = diesel::sql_query(format!(
        "SELECT id FROM trackers WHERE account_id = {} AND number = {HOT}",
        account.id
    ))
    .get_result(&mut conn)
    .await
    .expect("hot tracker");

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
    tracker::list_page(&mut spy, account.id, 0, 5)
        .await
        .expect("list page");
    tracker::count_for_account(&mut spy, account.id)
        .await
        .expect("count");
    open::timeline(&mut spy, hot.id, 500)
        .await
        .expect("timeline");
    open::count_for_tracker(&mut spy, hot.id)
        .await
        .expect("count");
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
        let plan: Vec<Line> =
            diesel::sql_query(format!("SELECT pg_temp.explain($q${execute}$q$) AS line"))
                .load(&mut conn)
                .await
                .expect("explain");
        println!("\n--- EXPLAIN ANALYZE {name} ---\n{sql}");
        for l in plan {
            println!("{}", l.line);
        }
    }
}
