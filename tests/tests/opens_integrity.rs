//! No open outlives its tracker, now that `opens` has no foreign key to `trackers` (a row-level
//! check on every inserted open was the costliest part of recording one). The writer locks its
//! batch's trackers (`open::lock_live_trackers`) and deleting a tracker takes the same lock before
//! it deletes the tracker's opens: whichever comes first, nothing is left behind and the
//! `/stats` rollup stays exact.

use std::time::Duration;

use chrono::Utc;
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use mailping_shared::domain::{OpenKind, Reason};
use mailping_shared::models::account;
use mailping_shared::models::open::{self, NewOpen};
use mailping_shared::models::tracker;
use mailping_tests::seed::{self, SeededTracker};
use mailping_tests::test_db::TestDb;

fn opens_of(t: &SeededTracker, n: usize) -> Vec<NewOpen> {
    (0..n)
        .map(|_| NewOpen {
            tracker_id: t.id,
            opened_at: Utc::now(),
            kind: OpenKind::Direct,
            reason: Reason::Agent,
            client: "Thunderbird".into(),
            network: Some("203.0.113.0/24".parse().unwrap()),
            user_agent: Some("Thunderbird".into()),
        })
        .collect()
}

/// Opens whose tracker is gone, and rollup counts that no open accounts for.
async fn leftovers(conn: &mut AsyncPgConnection) -> (i64, i64) {
    #[derive(QueryableByName)]
    struct Left {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        orphans: i64,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        counted: i64,
    }
    let left: Left = diesel::sql_query(
        "SELECT (SELECT count(*) FROM opens o
                 WHERE NOT EXISTS (SELECT 1 FROM trackers t WHERE t.id = o.tracker_id)) AS orphans,
                (SELECT COALESCE(sum(count), 0)::bigint FROM open_counts)
                  - (SELECT count(*) FROM opens) AS counted",
    )
    .get_result(conn)
    .await
    .unwrap();
    (left.orphans, left.counted)
}

async fn opens_count(conn: &mut AsyncPgConnection, t: &SeededTracker) -> i64 {
    open::count_for_tracker(conn, t.id).await.unwrap()
}

#[tokio::test]
async fn a_tracker_deleted_while_its_opens_are_being_written_takes_them_all_with_it() {
    let db = TestDb::new().await;
    let mut writer = db.conn().await;
    let t = seed::tracker(&mut writer, 1, "Proposal").await;
    let other = seed::tracker(&mut writer, 1, "Invoice").await;

    let deleting = writer
        .transaction(async |conn| {
            let deleted = open::lock_live_trackers(conn, &[t.id, other.id]).await?;
            assert!(deleted.is_empty(), "{deleted:?}");
            open::insert_batch(conn, &opens_of(&t, 3)).await?;
            open::insert_batch(conn, &opens_of(&other, 2)).await?;

            // /delete, from another connection, while the batch is not committed yet.
            let pool = db.pool();
            let id = t.id;
            let deleting = tokio::spawn(async move {
                let mut conn = pool.get().await.unwrap();
                tracker::delete(&mut conn, id).await
            });
            tokio::time::sleep(Duration::from_millis(300)).await;
            assert!(
                !deleting.is_finished(),
                "the delete waits for the batch that is writing the tracker's opens"
            );
            // Committed when the closure returns; the delete goes on after that.
            Ok::<_, diesel::result::Error>(deleting)
        })
        .await
        .unwrap();
    tokio::time::timeout(Duration::from_secs(10), deleting)
        .await
        .expect("the delete goes on once the batch commits")
        .unwrap()
        .unwrap();

    let mut conn = db.conn().await;
    assert_eq!(opens_count(&mut conn, &t).await, 0);
    assert_eq!(opens_count(&mut conn, &other).await, 2);
    assert_eq!(leftovers(&mut conn).await, (0, 0));
}

#[tokio::test]
async fn a_batch_for_a_tracker_deleted_before_it_got_the_lock_is_told_so() {
    let db = TestDb::new().await;
    let mut conn = db.conn().await;
    let t = seed::tracker(&mut conn, 1, "Proposal").await;
    let other = seed::tracker(&mut conn, 1, "Invoice").await;
    open::insert_batch(&mut conn, &opens_of(&t, 4))
        .await
        .unwrap();

    let mut deleter = db.conn().await;
    let ids = [t.id, other.id];
    let writing = deleter
        .transaction(async |del| {
            tracker::delete(del, t.id).await?;
            // The writer comes now, and waits for the delete's lock.
            let pool = db.pool();
            let writing = tokio::spawn(async move {
                let mut conn = pool.get().await.unwrap();
                conn.transaction(async |conn| open::lock_live_trackers(conn, &ids).await)
                    .await
            });
            tokio::time::sleep(Duration::from_millis(300)).await;
            assert!(!writing.is_finished(), "the writer waits for the delete");
            Ok::<_, diesel::result::Error>(writing)
        })
        .await
        .unwrap();
    let deleted = tokio::time::timeout(Duration::from_secs(10), writing)
        .await
        .expect("the writer goes on once the delete commits")
        .unwrap()
        .unwrap();
    assert_eq!(
        deleted,
        vec![t.id],
        "the writer is told the tracker is gone"
    );
    assert_eq!(opens_count(&mut conn, &t).await, 0);
    assert_eq!(leftovers(&mut conn).await, (0, 0));
}

#[tokio::test]
async fn forgetting_an_account_leaves_no_open_and_no_count_behind() {
    let db = TestDb::new().await;
    let mut conn = db.conn().await;
    let a = seed::tracker(&mut conn, 1, "Proposal").await;
    let b = seed::tracker(&mut conn, 1, "Invoice").await;
    let kept = seed::tracker(&mut conn, 2, "Quote").await;
    for (t, n) in [(&a, 3), (&b, 5), (&kept, 2)] {
        open::insert_batch(&mut conn, &opens_of(t, n))
            .await
            .unwrap();
    }
    let account = account_id(&mut conn, 1).await;
    account::forget(&mut conn, account).await.unwrap();
    assert_eq!(opens_count(&mut conn, &a).await, 0);
    assert_eq!(opens_count(&mut conn, &b).await, 0);
    assert_eq!(opens_count(&mut conn, &kept).await, 2);
    assert_eq!(leftovers(&mut conn).await, (0, 0));
}

async fn account_id(conn: &mut AsyncPgConnection, chat_id: i64) -> i64 {
    account::upsert(conn, account::Platform::Telegram, &chat_id.to_string())
        .await
        .unwrap()
        .id
}

/// A tracker remembers when its first Apple prefetch came, whoever inserts the opens and in
/// whatever order (a spill file replays older opens after newer ones).
#[tokio::test]
async fn a_tracker_keeps_the_time_of_its_earliest_apple_prefetch() {
    earliest_apple_prefetch_is_kept(Inserter::Trigger).await;
}

/// The same when the pixel writer inserts: it notes the prefetch itself, and the trigger
/// leaves its inserts alone (migration `apple_prefetch_by_writer`).
#[tokio::test]
async fn the_writer_keeps_the_time_of_a_trackers_earliest_apple_prefetch() {
    earliest_apple_prefetch_is_kept(Inserter::Writer).await;
}

/// The writer may write a batch in several INSERT statements: every open is written once, the
/// ids come back in the batch's order, and the rollup counts each open once.
#[tokio::test]
async fn a_batch_written_in_several_statements_keeps_every_open_in_order() {
    let db = TestDb::new().await;
    let mut conn = db.conn().await;
    let t = seed::tracker(&mut conn, 1, "Proposal").await;
    let account = account_id(&mut conn, 1).await;
    let batch: Vec<NewOpen> = (0..7)
        .map(|i| NewOpen {
            client: format!("Client {i}"),
            ..opens_of(&t, 1).remove(0)
        })
        .collect();
    let ids = conn
        .transaction(async |conn| {
            open::insert_batch_counted(conn, &batch, 3, |_| account, |_| None).await
        })
        .await
        .unwrap();
    assert_eq!(ids.len(), 7);
    let stored: Vec<(i64, String)> = mailping_shared::schema::opens::table
        .select((
            mailping_shared::schema::opens::id,
            mailping_shared::schema::opens::client,
        ))
        .order(mailping_shared::schema::opens::id)
        .load(&mut conn)
        .await
        .unwrap();
    let expected: Vec<(i64, String)> = ids
        .iter()
        .zip(&batch)
        .map(|(id, o)| (*id, o.client.clone()))
        .collect();
    assert_eq!(stored, expected);
    assert_eq!(
        leftovers(&mut conn).await,
        (0, 0),
        "the rollup counts each open once"
    );
}

#[derive(Clone, Copy)]
enum Inserter {
    /// `open::insert_batch`, as anything but the writer inserts: the trigger notes.
    Trigger,
    /// `open::insert_batch_counted`, as the writer does, with what the tracker held before,
    /// two opens a statement.
    Writer,
}

async fn earliest_apple_prefetch_is_kept(inserter: Inserter) {
    let db = TestDb::new().await;
    let mut conn = db.conn().await;
    let t = seed::tracker(&mut conn, 1, "Proposal").await;
    let account = account_id(&mut conn, 1).await;
    let at = |minutes_ago: i64| {
        let mut o = opens_of(&t, 1).remove(0);
        o.kind = OpenKind::AppleMpp;
        o.opened_at = Utc::now() - chrono::Duration::minutes(minutes_ago);
        o
    };
    let first_prefetch = async |conn: &mut AsyncPgConnection| -> Option<chrono::DateTime<Utc>> {
        mailping_shared::schema::trackers::table
            .find(t.id)
            .select(mailping_shared::schema::trackers::apple_prefetch_at)
            .get_result(conn)
            .await
            .unwrap()
    };
    let insert = async |conn: &mut AsyncPgConnection, batch: &[NewOpen]| match inserter {
        Inserter::Trigger => {
            open::insert_batch(conn, batch).await.unwrap();
        }
        Inserter::Writer => {
            let held = first_prefetch(conn).await;
            // In a transaction, as the writer's: what it says it has done lasts until the end.
            conn.transaction(async |conn| {
                open::insert_batch_counted(conn, batch, 2, |_| account, |_| held).await
            })
            .await
            .unwrap();
        }
    };
    assert_eq!(first_prefetch(&mut conn).await, None);
    // A read is not a prefetch.
    insert(&mut conn, &opens_of(&t, 1)).await;
    assert_eq!(first_prefetch(&mut conn).await, None);
    let (ten, twenty, five) = (at(10), at(20), at(5));
    insert(&mut conn, std::slice::from_ref(&ten)).await;
    let micros = |o: &NewOpen| o.opened_at.timestamp_micros();
    let stored = |v: Option<chrono::DateTime<Utc>>| v.map(|at| at.timestamp_micros());
    assert_eq!(stored(first_prefetch(&mut conn).await), Some(micros(&ten)));
    insert(&mut conn, &[five, twenty.clone()]).await;
    assert_eq!(
        stored(first_prefetch(&mut conn).await),
        Some(micros(&twenty))
    );
}

/// A deleted tracker leaves a tombstone, which the writer asks instead of `trackers`; each
/// deletion clears the tombstones older than an hour, so they stay a few rows.
#[tokio::test]
async fn a_deleted_tracker_leaves_a_tombstone_for_an_hour() {
    let db = TestDb::new().await;
    let mut conn = db.conn().await;
    let old = seed::tracker(&mut conn, 1, "Proposal").await;
    let recent = seed::tracker(&mut conn, 1, "Invoice").await;
    let last = seed::tracker(&mut conn, 1, "Quote").await;
    tracker::delete(&mut conn, old.id).await.unwrap();
    tracker::delete(&mut conn, recent.id).await.unwrap();
    assert_eq!(seed::tombstones(&mut conn).await, vec![old.id, recent.id]);
    diesel::sql_query(
        "UPDATE tracker_tombstones SET deleted_at = now() - interval '61 minutes' WHERE tracker_id = $1",
    )
    .bind::<diesel::sql_types::BigInt, _>(old.id)
    .execute(&mut conn)
    .await
    .unwrap();
    tracker::delete(&mut conn, last.id).await.unwrap();
    assert_eq!(seed::tombstones(&mut conn).await, vec![recent.id, last.id]);
    let mut told = conn
        .transaction(async |conn| {
            open::lock_live_trackers(conn, &[old.id, recent.id, last.id]).await
        })
        .await
        .unwrap();
    told.sort_unstable();
    assert_eq!(
        told,
        vec![recent.id, last.id],
        "the writer is told of the recent ones"
    );
}
