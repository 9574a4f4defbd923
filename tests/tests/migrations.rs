//! Migrations are embedded, idempotent, and safe when several services start at once.

use mailping_shared::db;
use mailping_tests::seed;
use mailping_tests::test_db::TestDb;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn services_starting_together_migrate_once_and_safely() {
    let db = TestDb::empty().await;
    let runs: Vec<_> = (0..4)
        .map(|_| {
            let url = db.url().to_owned();
            tokio::spawn(async move { db::run_migrations(&url).await })
        })
        .collect();
    let mut applied = Vec::new();
    for r in runs {
        applied.push(
            r.await
                .unwrap()
                .expect("a concurrent migration run succeeds"),
        );
    }
    applied.sort();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations");
    let total = std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| e.as_ref().is_ok_and(|e| e.path().is_dir()))
        .count();
    assert_eq!(
        applied,
        [0, 0, 0, total],
        "exactly one run applied the migrations"
    );
    assert_eq!(
        db::run_migrations(db.url()).await.unwrap(),
        0,
        "a second run is a no-op"
    );
    let mut conn = db.conn().await;
    assert_eq!(seed::tracker_count(&mut conn).await, 0);
}
