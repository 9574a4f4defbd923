//! What the benchmark programs in `tests/examples` share: timing with warm-up, the history
//! data set (one chat, 10,000 trackers, 1,000,000 opens), and EXPLAIN ANALYZE output.

use std::time::{Duration, Instant};

use diesel::QueryableByName;
use diesel::sql_types::{BigInt, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};

/// The chat that owns the history data set.
pub const CHAT_ID: i64 = 42;
/// Measured runs per timing, after three to warm up.
pub const RUNS: usize = 25;

/// Median and slowest of the measured runs.
pub struct Timing {
    pub median: Duration,
    pub max: Duration,
}

/// A duration in milliseconds, for printing.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Runs `f` three times to warm up, then [`RUNS`] times measured; returns the timing and the
/// last run's output.
pub async fn time<T>(mut f: impl AsyncFnMut() -> T) -> (Timing, T) {
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

/// One line of a timing report.
pub fn report(name: &str, t: &Timing) {
    println!(
        "{name:<34} median {:>8.2} ms   max {:>8.2} ms   ({RUNS} runs)",
        ms(t.median),
        ms(t.max)
    );
}

/// How the history data set is laid out in time.
pub struct History {
    /// The opens are spread over this many days before now.
    pub days: i64,
    /// Tracker n is created 400 days ago plus n times this many minutes.
    pub tracker_spacing_minutes: i64,
    /// Whether opens carry User-Agents (the dedup and timeline queries read them).
    pub user_agents: bool,
}

/// Seeds [`CHAT_ID`] with 10,000 trackers and 1,000,000 opens: 100,000 on tracker #10000,
/// 10,000 on #9999, the rest spread over the others, in the kind mix of real traffic.
pub async fn seed_history(conn: &mut AsyncPgConnection, shape: &History) {
    let History {
        days,
        tracker_spacing_minutes: spacing,
        user_agents,
    } = shape;
    let ua = if *user_agents {
        "CASE WHEN h.r < 50 OR (h.r >= 80 AND h.r < 90)
              THEN 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)'
              WHEN h.r < 65 THEN 'Microsoft Office/16.0 (Microsoft Outlook 16.0.12329; Pro)'
              WHEN h.r < 80 THEN 'Mozilla/5.0'
              WHEN h.r < 95 THEN 'Barracuda Sentinel (EE)'
              ELSE 'TelegramBot (like TwitterBot)' END"
    } else {
        "NULL::text"
    };
    conn.batch_execute(&format!(
        "INSERT INTO accounts (platform, chat_id, trackers_created) VALUES ('telegram', '{CHAT_ID}', 10000);
         INSERT INTO trackers (account_id, number, token, copy_token, label, created_at)
             SELECT a.id, n, gen_random_uuid(), gen_random_uuid(), 'Newsletter issue ' || n,
                    now() - interval '400 days' + n * interval '{spacing} minutes'
             FROM accounts a CROSS JOIN generate_series(1, 10000) n;
         INSERT INTO opens (tracker_id, opened_at, kind, client, network, user_agent)
             SELECT t.id,
                    now() - ((g::bigint * 104729) % ({days} * 86400)) * interval '1 second',
                    k.kind, k.client, ('198.18.' || (g % 256) || '.0/24')::cidr, k.ua
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
                 {ua} AS ua) k"
    ))
    .await
    .expect("seeding");
    // VACUUM refuses to run inside the implicit transaction of a multi-statement string.
    for table in ["accounts", "trackers", "opens", "open_counts"] {
        conn.batch_execute(&format!("VACUUM ANALYZE {table}"))
            .await
            .expect("vacuum");
    }
}

/// Adds `opens` opens on 10,000 trackers of another chat, interleaved over the past year: the
/// rest of a large installation's history, which the [`CHAT_ID`] chat's queries must not feel.
pub async fn seed_background(conn: &mut AsyncPgConnection, opens: u64) {
    conn.batch_execute(&format!(
        "INSERT INTO accounts (platform, chat_id, trackers_created) VALUES ('telegram', '{other}', 10000);
         INSERT INTO trackers (account_id, number, token, copy_token, label, created_at)
             SELECT a.id, n, gen_random_uuid(), gen_random_uuid(), 'Other issue ' || n, now() - interval '400 days'
             FROM accounts a CROSS JOIN generate_series(1, 10000) n WHERE a.chat_id = '{other}';
         INSERT INTO opens (tracker_id, opened_at, kind, client, network, user_agent)
             SELECT t.id, now() - ((g::bigint * 104729) % (360 * 86400)) * interval '1 second',
                    'gmail_proxy', 'Gmail', ('198.19.' || (g % 256) || '.0/24')::cidr,
                    'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)'
             FROM generate_series(0, {last}) g
             JOIN accounts a ON a.chat_id = '{other}'
             JOIN trackers t ON t.account_id = a.id AND t.number = 1 + g % 10000",
        other = CHAT_ID + 1,
        last = opens.saturating_sub(1),
    ))
    .await
    .expect("seeding the background history");
    conn.batch_execute("VACUUM ANALYZE opens")
        .await
        .expect("vacuum");
}

/// Runs `sql`, one statement at a time (VACUUM refuses a multi-statement string): the
/// `*_EXTRA_SQL` hook of a benchmark, e.g. to drop a candidate index.
pub async fn run_extra_sql(conn: &mut AsyncPgConnection, sql: &str) {
    println!("running extra SQL: {sql}");
    for statement in sql.split(';').filter(|s| !s.trim().is_empty()) {
        conn.batch_execute(statement).await.expect("extra SQL");
    }
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// The id of the [`CHAT_ID`] account.
pub async fn account_id(conn: &mut AsyncPgConnection) -> i64 {
    let account: Id = diesel::sql_query(format!(
        "SELECT id FROM accounts WHERE chat_id = '{CHAT_ID}'"
    ))
    .get_result(conn)
    .await
    .expect("account");
    account.id
}

/// The id of the account's tracker `number`.
pub async fn tracker_id(conn: &mut AsyncPgConnection, account_id: i64, number: i32) -> i64 {
    let tracker: Id = diesel::sql_query(format!(
        "SELECT id FROM trackers WHERE account_id = {account_id} AND number = {number}"
    ))
    .get_result(conn)
    .await
    .expect("tracker");
    tracker.id
}

#[derive(QueryableByName)]
struct Line {
    #[diesel(sql_type = Text)]
    line: String,
}

/// Prints `EXPLAIN (ANALYZE, BUFFERS)` of `statement` (a query, or `EXECUTE` of a prepared one)
/// under `title`.
pub async fn explain(conn: &mut AsyncPgConnection, title: &str, statement: &str) {
    conn.batch_execute(
        "CREATE OR REPLACE FUNCTION pg_temp.explain(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
         DECLARE r text;
         BEGIN FOR r IN EXECUTE 'EXPLAIN (ANALYZE, BUFFERS) ' || q LOOP RETURN NEXT r; END LOOP; END $$",
    )
    .await
    .expect("explain function");
    let plan: Vec<Line> = diesel::sql_query("SELECT pg_temp.explain($1) AS line")
        .bind::<Text, _>(statement)
        .load(conn)
        .await
        .expect("explain");
    println!("\n--- EXPLAIN ANALYZE {title} ---");
    for l in plan {
        println!("{}", l.line);
    }
}
