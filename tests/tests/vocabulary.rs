//! The typed vocabulary at the database boundary: the stored strings, the generated
//! `opens.is_read` column and the Rust types say the same thing, and a value the code does
//! not know is an error, never a silent default.

use chrono::Utc;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use mailping_shared::commands::{Chat, Command, CommandLimits, Commands};
use mailping_shared::domain::{OpenKind, Platform, Reason};
use mailping_shared::errors::DbError;
use mailping_shared::models::open::{self, NewOpen};
use mailping_shared::schema::opens;
use mailping_tests::seed;
use mailping_tests::test_db::TestDb;

#[tokio::test]
async fn is_read_column_agrees_with_counts_as_read_for_every_kind() {
    let db = TestDb::new().await;
    let mut conn = db.conn().await;
    let t = seed::tracker(&mut conn, 1, "Proposal").await;
    let batch: Vec<NewOpen> = OpenKind::ALL
        .iter()
        .map(|&kind| NewOpen {
            tracker_id: t.id,
            opened_at: Utc::now(),
            kind,
            client: "test".into(),
            network: None,
            user_agent: None,
            reason: Reason::Agent,
        })
        .collect();
    // Every kind the code knows is accepted by the table's CHECK.
    open::insert_batch(&mut conn, &batch).await.unwrap();
    let stored: Vec<(OpenKind, bool)> = opens::table
        .filter(opens::tracker_id.eq(t.id))
        .select((opens::kind, opens::is_read))
        .load(&mut conn)
        .await
        .unwrap();
    assert_eq!(stored.len(), OpenKind::ALL.len());
    for (kind, is_read) in stored {
        assert_eq!(
            is_read,
            kind.counts_as_read(),
            "opens.is_read and OpenKind::counts_as_read disagree on {kind}"
        );
    }
}

#[tokio::test]
async fn every_reason_is_accepted_by_the_check_and_read_back_as_itself() {
    let db = TestDb::new().await;
    let mut conn = db.conn().await;
    let t = seed::tracker(&mut conn, 1, "Proposal").await;
    let batch: Vec<NewOpen> = Reason::ALL
        .iter()
        .map(|&reason| NewOpen {
            tracker_id: t.id,
            opened_at: Utc::now(),
            kind: OpenKind::Scanner,
            client: "test".into(),
            network: None,
            user_agent: None,
            reason,
        })
        .collect();
    open::insert_batch(&mut conn, &batch).await.unwrap();
    let stored: Vec<Reason> = opens::table
        .filter(opens::tracker_id.eq(t.id))
        .order(opens::id)
        .select(opens::reason)
        .load(&mut conn)
        .await
        .unwrap();
    assert_eq!(stored, Reason::ALL);
    // A code the table does not know is refused.
    let refused = diesel::sql_query(
        "INSERT INTO opens (tracker_id, opened_at, kind, client, reason) VALUES ($1, now(), 'direct', 'x', 'hunch')",
    )
    .bind::<diesel::sql_types::BigInt, _>(t.id)
    .execute(&mut conn)
    .await;
    assert!(refused.is_err());
}

#[tokio::test]
async fn an_unknown_kind_in_the_database_is_an_error_not_a_scanner() {
    let db = TestDb::new().await;
    let mut conn = db.conn().await;
    let t = seed::tracker(&mut conn, 7, "Invoice").await;
    // A newer version might write a kind this one does not know.
    diesel::sql_query("ALTER TABLE opens DROP CONSTRAINT opens_kind_check")
        .execute(&mut conn)
        .await
        .unwrap();
    diesel::sql_query(
        "INSERT INTO opens (tracker_id, opened_at, kind, client) VALUES ($1, now(), 'carrier_pigeon', 'Pigeon')",
    )
    .bind::<diesel::sql_types::BigInt, _>(t.id)
    .execute(&mut conn)
    .await
    .unwrap();

    let err = DbError::from(open::timeline(&mut conn, t.id, 10).await.unwrap_err());
    // This is the text the services log.
    assert!(
        err.to_string()
            .contains("unknown OpenKind \"carrier_pigeon\""),
        "{err}"
    );

    // The user gets the generic apology, not a timeline that calls the pigeon a scanner.
    let commands = Commands::new(
        db.pool(),
        "http://127.0.0.1:1".parse().unwrap(),
        CommandLimits {
            trackers_per_minute: 20,
            commands_per_minute: 60,
        },
    );
    let reply = commands
        .run(
            &Chat::new(Platform::Telegram, 7),
            // The chat's first tracker is #1.
            Command::parse_text("/opens 1"),
        )
        .await
        .plain_text();
    assert!(reply.contains("Something went wrong"), "{reply}");
    assert!(!reply.contains("scanner"), "{reply}");
}

#[tokio::test]
async fn platforms_are_stored_as_their_documented_strings() {
    let db = TestDb::new().await;
    let mut conn = db.conn().await;
    seed::tracker(&mut conn, 42, "Quote").await;
    let stored: Vec<String> = diesel::sql_query("SELECT platform AS value FROM accounts")
        .load::<Value>(&mut conn)
        .await
        .unwrap()
        .into_iter()
        .map(|v| v.value)
        .collect();
    assert_eq!(stored, ["telegram"]);
}

#[derive(QueryableByName)]
struct Value {
    #[diesel(sql_type = diesel::sql_types::Text)]
    value: String,
}

/// The plan Postgres makes for `sql` (a statement with `params`, their types) executed with
/// `args`, with sequential scans off so that the table's size does not matter.
async fn plan_of(
    conn: &mut diesel_async::AsyncPgConnection,
    sql: &str,
    params: &str,
    args: &str,
) -> String {
    diesel::sql_query("SET enable_seqscan = off")
        .execute(conn)
        .await
        .unwrap();
    diesel::sql_query(format!("PREPARE planned({params}) AS {sql}"))
        .execute(conn)
        .await
        .unwrap();
    let plan: Vec<String> =
        diesel::sql_query(format!("EXPLAIN (COSTS OFF) EXECUTE planned({args})"))
            .load::<QueryPlanLine>(conn)
            .await
            .unwrap()
            .into_iter()
            .map(|l| l.plan)
            .collect();
    diesel::sql_query("DEALLOCATE planned")
        .execute(conn)
        .await
        .unwrap();
    plan.join("\n")
}

/// The dedup probe compares the client's network in `opens_tracker_time` itself: were it
/// compared after the heap fetch, each probe would read every open of its tracker's window.
#[tokio::test]
async fn the_dedup_probe_compares_networks_in_the_index() {
    let db = TestDb::new().await;
    let mut conn = db.conn().await;
    // The plan of the probe, as the writer sends it.
    let plan = plan_of(
        &mut conn,
        open::RECENT_CLIENTS_SQL,
        "int8[], cidr[], text[], timestamptz, text[]",
        "'{1}', '{203.0.113.0/24}', '{Thunderbird}', now(), '{direct}'",
    )
    .await;
    let index_cond = plan
        .lines()
        .skip_while(|l| !l.contains("using opens_tracker_time"))
        .nth(1)
        .unwrap_or_default();
    assert!(
        index_cond.contains("Index Cond") && index_cond.contains("network"),
        "the probe does not compare networks in opens_tracker_time:\n{plan}"
    );
}

/// An open written costs one entry in one B-tree besides the primary key's
/// (migration `opens_one_index`), and what `/opens` shows of each tracker's reads (their count
/// and the last) still comes from that index alone, never from the heap.
#[tokio::test]
async fn a_trackers_reads_come_from_the_one_index_every_open_is_written_to() {
    let db = TestDb::new().await;
    let mut conn = db.conn().await;
    let btrees: Vec<Value> = diesel::sql_query(
        "SELECT c.relname::text AS value FROM pg_index i
         JOIN pg_class c ON c.oid = i.indexrelid
         JOIN pg_am am ON am.oid = c.relam
         WHERE i.indrelid = 'opens'::regclass AND NOT i.indisprimary AND am.amname = 'btree'",
    )
    .load(&mut conn)
    .await
    .unwrap();
    let btrees: Vec<String> = btrees.into_iter().map(|v| v.value).collect();
    assert_eq!(btrees, ["opens_tracker_time"]);
    // A tracker with a history, its pages all-visible, as a vacuumed table's are.
    let tracker = seed::tracker(&mut conn, 1, "Proposal").await;
    seed::opens_aged(
        &mut conn,
        tracker.id,
        &(0..300).map(|i| i % 30).collect::<Vec<_>>(),
    )
    .await;
    diesel::sql_query("VACUUM ANALYZE opens")
        .execute(&mut conn)
        .await
        .unwrap();
    let account: i64 = mailping_shared::schema::trackers::table
        .find(tracker.id)
        .select(mailping_shared::schema::trackers::account_id)
        .first(&mut conn)
        .await
        .unwrap();
    let plan = plan_of(
        &mut conn,
        mailping_shared::models::tracker::LIST_PAGE_SQL,
        "int8, int8, int8",
        &format!("{account}, 0, 10"),
    )
    .await;
    let scans: Vec<&str> = plan.lines().filter(|l| l.contains(" on opens ")).collect();
    // Two scans for the reads, index-only; one for the machines that fetched an unread
    // tracker, which needs the kind from the heap but walks the same slice.
    assert_eq!(scans.len(), 3, "three scans of opens per tracker:\n{plan}");
    assert!(
        scans.iter().all(|l| l.contains("using opens_tracker_time")),
        "the page reads opens from elsewhere than opens_tracker_time:\n{plan}"
    );
    let index_only = scans
        .iter()
        .filter(|l| l.contains("Index Only Scan using opens_tracker_time"))
        .count();
    assert_eq!(index_only, 2, "the reads are not index-only:\n{plan}");
}

#[derive(QueryableByName)]
struct QueryPlanLine {
    #[diesel(sql_type = diesel::sql_types::Text, column_name = "QUERY PLAN")]
    plan: String,
}
