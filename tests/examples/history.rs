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
//! `HISTORY_EXTRA_SQL` is run after seeding (e.g. a candidate index), and the query plans are
//! printed with EXPLAIN (ANALYZE, BUFFERS). With `HISTORY_KEEP_DB=1` the database is left in
//! place for psql (its name is printed). The last line is `RESULT key=value ...`.

use std::time::{Duration, Instant};

use diesel::QueryableByName;
use diesel::sql_types::{BigInt, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};
use mailping_shared::commands::{Chat, Command, CommandLimits, Commands};
use mailping_shared::models::Platform;
use mailping_shared::models::tracker::TrackerSummary;
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

    // The SQL of `/opens` alone, as it is and with EXISTS written as a LIMIT 1 probe (which
    // Postgres cannot turn into a hash of every apple_mpp open in the table).
    let account: Id = diesel::sql_query(format!(
        "SELECT id FROM accounts WHERE chat_id = '{CHAT_ID}'"
    ))
    .get_result(&mut conn)
    .await
    .expect("account");
    let current_sql = time_sql(&mut conn, &list_page_sql(APPLE_EXISTS), account.id).await;
    let proposed_sql = time_sql(&mut conn, &list_page_sql(APPLE_LIMIT_1), account.id).await;
    for (name, t) in [
        ("list_page SQL as is", &current_sql),
        ("list_page SQL, LIMIT 1 probe", &proposed_sql),
    ] {
        println!(
            "{name:<30} median {:>7.2} ms   max {:>7.2} ms   ({RUNS} runs)",
            ms(t.median),
            ms(t.max)
        );
    }

    explain(&mut conn).await;

    println!(
        "RESULT list_median_ms={:.2} list_max_ms={:.2} timeline_median_ms={:.2} timeline_max_ms={:.2} \
         hot_timeline_median_ms={:.2} hot_timeline_max_ms={:.2} list_sql_median_ms={:.2} list_sql_max_ms={:.2} \
         list_sql_limit1_median_ms={:.2} list_sql_limit1_max_ms={:.2}",
        ms(list.median),
        ms(list.max),
        ms(typical.median),
        ms(typical.max),
        ms(hot.median),
        ms(hot.max),
        ms(current_sql.median),
        ms(current_sql.max),
        ms(proposed_sql.median),
        ms(proposed_sql.max),
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

const APPLE_EXISTS: &str =
    "EXISTS (SELECT 1 FROM opens o WHERE o.tracker_id = t.id AND o.kind = 'apple_mpp')";
const APPLE_LIMIT_1: &str = "COALESCE((SELECT true FROM opens o WHERE o.tracker_id = t.id AND o.kind = 'apple_mpp' LIMIT 1), false)";

/// The query of `tracker::list_page`, with the Apple-prefetch test given.
fn list_page_sql(apple: &str) -> String {
    format!(
        "SELECT t.number, t.label, t.muted,
                (SELECT count(*) FROM opens o WHERE o.tracker_id = t.id
                    AND o.kind IN ('direct', 'gmail_proxy', 'yahoo_proxy')) AS reads,
                {apple} AS apple_prefetched,
                last.opened_at AS last_read_at, last.client AS last_read_client
         FROM trackers t
         LEFT JOIN LATERAL (
             SELECT o.opened_at, o.client FROM opens o
             WHERE o.tracker_id = t.id AND o.kind IN ('direct', 'gmail_proxy', 'yahoo_proxy')
             ORDER BY o.opened_at DESC LIMIT 1
         ) last ON true
         WHERE t.account_id = $1
         ORDER BY t.number DESC
         OFFSET $2 LIMIT $3"
    )
}

/// Runs the first page of `sql` a few times to warm up, then RUNS times measured.
async fn time_sql(conn: &mut AsyncPgConnection, sql: &str, account_id: i64) -> Timing {
    let mut times = Vec::with_capacity(RUNS);
    for i in 0..RUNS + 3 {
        let start = Instant::now();
        let rows: Vec<TrackerSummary> = diesel::sql_query(sql)
            .bind::<BigInt, _>(account_id)
            .bind::<BigInt, _>(0)
            .bind::<BigInt, _>(5)
            .load(conn)
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

/// Prints the plans of the queries behind `/opens` and `/opens <n>`.
async fn explain(conn: &mut AsyncPgConnection) {
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
    .get_result(conn)
    .await
    .expect("account");
    let hot: Id = diesel::sql_query(format!(
        "SELECT id FROM trackers WHERE account_id = {} AND number = {HOT}",
        account.id
    ))
    .get_result(conn)
    .await
    .expect("hot tracker");
    let queries = [
        (
            "/opens: list_page (first page)".to_owned(),
            list_page_sql(APPLE_EXISTS)
                .replace("$1", &account.id.to_string())
                .replace("$2", "0")
                .replace("$3", "5"),
        ),
        (
            "/opens: count_for_account".to_owned(),
            format!(
                "SELECT count(*) FROM trackers WHERE account_id = {}",
                account.id
            ),
        ),
        (
            format!("/opens {HOT}: timeline"),
            format!(
                "SELECT id, tracker_id, opened_at, kind, client FROM opens WHERE tracker_id = {}
                 ORDER BY opened_at DESC, id DESC LIMIT 500",
                hot.id
            ),
        ),
        (
            format!("/opens {HOT}: count_for_tracker"),
            format!("SELECT count(*) FROM opens WHERE tracker_id = {}", hot.id),
        ),
    ];
    for (name, sql) in queries {
        let plan: Vec<Line> =
            diesel::sql_query(format!("SELECT pg_temp.explain($q${sql}$q$) AS line"))
                .load(conn)
                .await
                .expect("explain");
        println!("\n--- EXPLAIN ANALYZE {name} ---");
        for l in plan {
            println!("{}", l.line);
        }
    }
}
