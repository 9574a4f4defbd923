//! The per-test database: each `TestDb` is its own migrated database, gone once dropped.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use mailping_shared::schema::{accounts, trackers};
use mailping_tests::test_db::{TestDb, admin_url};

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

async fn database_exists(name: &str) -> bool {
    let mut admin = AsyncPgConnection::establish(&admin_url()).await.unwrap();
    let found = diesel::sql_query("SELECT count(*) AS n FROM pg_database WHERE datname = $1")
        .bind::<Text, _>(name)
        .get_result::<Count>(&mut admin)
        .await
        .unwrap();
    found.n == 1
}

async fn account_count(conn: &mut AsyncPgConnection) -> i64 {
    accounts::table.count().get_result(conn).await.unwrap()
}

#[tokio::test]
async fn each_test_db_is_its_own_migrated_database() {
    let first = TestDb::new().await;
    let second = TestDb::new().await;
    assert_ne!(first.name(), second.name());
    assert_ne!(first.url(), second.url());

    let mut first_conn = first.conn().await;
    let mut second_conn = second.pool().get().await.unwrap();
    for (db, conn) in [(&first, &mut first_conn), (&second, &mut *second_conn)] {
        let current = diesel::select(diesel::dsl::sql::<Text>("current_database()"))
            .get_result::<String>(conn)
            .await
            .unwrap();
        assert_eq!(current, db.name());
        let trackers: i64 = trackers::table.count().get_result(conn).await.unwrap();
        assert_eq!(trackers, 0);
    }

    diesel::insert_into(accounts::table)
        .values((
            accounts::platform.eq("telegram"),
            accounts::chat_id.eq("42"),
        ))
        .execute(&mut first_conn)
        .await
        .unwrap();
    assert_eq!(account_count(&mut first_conn).await, 1);
    assert_eq!(account_count(&mut second_conn).await, 0);
}

#[tokio::test]
async fn dropping_a_test_db_drops_its_database_even_with_open_connections() {
    let db = TestDb::new().await;
    let name = db.name().to_owned();
    assert!(database_exists(&name).await);

    let pool = db.pool();
    let mut pooled = pool.get().await.unwrap();
    let mut direct = db.conn().await;
    assert_eq!(account_count(&mut pooled).await, 0);
    assert_eq!(account_count(&mut direct).await, 0);

    drop(db);
    assert!(!database_exists(&name).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn test_dbs_can_be_created_concurrently() {
    let handles: Vec<_> = (0..4).map(|_| tokio::spawn(TestDb::new())).collect();
    let mut dbs = Vec::new();
    for handle in handles {
        dbs.push(handle.await.unwrap());
    }
    let mut names: Vec<&str> = dbs.iter().map(TestDb::name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), 4);
    for db in &dbs {
        assert_eq!(account_count(&mut db.conn().await).await, 0);
    }
}

#[derive(QueryableByName)]
struct Setting {
    #[diesel(sql_type = Text)]
    value: String,
}

#[tokio::test]
async fn pool_connections_run_without_jit_compilation() {
    let db = TestDb::new().await;
    let mut conn = db.pool().get().await.expect("a pooled connection");
    let jit: Setting = diesel::sql_query("SELECT current_setting('jit') AS value")
        .get_result(&mut conn)
        .await
        .expect("jit setting");
    assert_eq!(jit.value, "off");
}
