//! Opens served while the database is down go to the spill directory and reach the database
//! exactly once, even if the server stops (or stops again) before or during the replay; and a
//! shutdown that gives up on opens says so.

use std::path::{Path, PathBuf};
use std::time::Duration;

use mailping_tests::app::TestApp;
use mailping_tests::{eventually, seed};

fn spill_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the spill directory")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "log"))
        .collect();
    files.sort();
    files
}

#[tokio::test]
async fn opens_served_during_an_outage_are_written_once_after_a_stop_and_a_replayed_file_never_twice()
 {
    let mut app = TestApp::spawn().await;
    let mut conn = app.conn().await;
    let t = seed::tracker(&mut conn, 1, "Proposal").await;
    // Warm up so the pool holds live connections, which the outage then kills.
    app.fetch_pixel(&t.token, Some("Warmup/1")).await;
    eventually(
        Duration::from_secs(30),
        "the warm-up open written",
        async || (seed::open_count(&mut conn).await == 1).then_some(()),
    )
    .await;

    app.set_database_reachable(false).await;
    for i in 0..30 {
        let resp = app
            .fetch_pixel(&t.token, Some(&format!("Thunderbird/{i}")))
            .await;
        assert_eq!(resp.status(), 200);
    }
    // Stopping while the database is still down: the opens are on disk, not lost.
    app.stop_pixel().await;
    let files = spill_files(app.spill_dir());
    assert!(!files.is_empty(), "the outage's opens are in a spill file");
    let saved: Vec<(PathBuf, Vec<u8>)> = files
        .iter()
        .map(|f| (f.clone(), std::fs::read(f).unwrap()))
        .collect();

    app.set_database_reachable(true).await;
    let mut conn = app.conn().await;
    app.start_pixel().await;
    eventually(
        Duration::from_secs(15),
        "the 31 opens, the outage's replayed from disk",
        async || (seed::open_count(&mut conn).await == 31).then_some(()),
    )
    .await;
    eventually(
        Duration::from_secs(5),
        "the replayed file to be deleted",
        async || spill_files(app.spill_dir()).is_empty().then_some(()),
    )
    .await;
    app.stop_pixel().await;

    // A crash between the replay's commit and the file's deletion leaves the file behind:
    // the next start finds it, and the offset committed with the opens says it is done.
    for (path, bytes) in &saved {
        std::fs::write(path, bytes).unwrap();
    }
    app.start_pixel().await;
    eventually(
        Duration::from_secs(5),
        "the leftover file to be dropped",
        async || spill_files(app.spill_dir()).is_empty().then_some(()),
    )
    .await;
    app.stop_pixel().await;
    assert_eq!(
        seed::open_count(&mut conn).await,
        31,
        "a file replayed before is not written again"
    );
}

#[tokio::test]
async fn a_shutdown_that_gives_up_on_opens_is_an_error() {
    // The spill directory takes nothing (it is "full"), so only the database could.
    let mut app = TestApp::spawn()
        .pixel_setting("--shutdown-flush-secs", 1)
        .pixel_setting("--spill-max-bytes", 1)
        .await;
    let mut conn = app.conn().await;
    let t = seed::tracker(&mut conn, 1, "Proposal").await;
    app.set_database_reachable(false).await;
    for i in 0..20 {
        app.fetch_pixel(&t.token, Some(&format!("Thunderbird/{i}")))
            .await;
    }
    let outcome = app.stop_pixel_outcome().await;
    let error = outcome.expect_err("opens were given up, and the stop must say so");
    assert!(error.to_string().contains("gave up on"), "{error}");
    app.set_database_reachable(true).await;
}

/// A batch whose COMMIT went through while its connection died (a primary killed between
/// committing and answering) is spilled all the same; a failover carries the committed batch
/// to the new primary. Replaying it must not write it twice, and what it did not hold must
/// still be written.
#[tokio::test]
async fn spilled_opens_that_a_cut_off_commit_had_written_are_not_written_twice() {
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    use mailping_pixel_server::recorder::PendingFetch;
    use mailping_pixel_server::spill::Spill;
    use mailping_shared::classifier::Origin;
    use mailping_shared::domain::Token;
    use mailping_shared::schema::opens;

    let mut app = TestApp::spawn().await;
    let mut conn = app.conn().await;
    let t = seed::tracker(&mut conn, 1, "Proposal").await;
    for i in 0..20 {
        app.fetch_pixel(&t.token, Some(&format!("Thunderbird/{i}")))
            .await;
    }
    eventually(Duration::from_secs(10), "the 20 opens", async || {
        (seed::open_count(&mut conn).await == 20).then_some(())
    })
    .await;
    app.stop_pixel().await;
    // The batch as the writer would have spilled it, and 5 fetches no commit holds.
    let written: Vec<(
        chrono::DateTime<chrono::Utc>,
        Option<ipnet::IpNet>,
        Option<String>,
    )> = opens::table
        .select((opens::opened_at, opens::network, opens::user_agent))
        .load(&mut conn)
        .await
        .unwrap();
    let token = Token::parse(&t.token).unwrap();
    let fetch = |at, network: Option<ipnet::IpNet>, ua: &str| PendingFetch {
        token,
        at,
        user_agent: Some(ua.into()),
        network: network.unwrap(),
        origin: Origin::Unlisted,
        verdict: None,
    };
    let mut spilled: Vec<PendingFetch> = written
        .iter()
        .map(|(at, network, ua)| fetch(*at, *network, ua.as_deref().unwrap()))
        .collect();
    let network = written[0].1;
    let later = chrono::Utc::now();
    spilled.extend((0..5).map(|i| {
        fetch(
            later + chrono::Duration::milliseconds(i),
            network,
            &format!("Outlook/{i}"),
        )
    }));
    let mut spill = Spill::open(app.spill_dir(), 1 << 30).unwrap();
    spill.append(&spilled).unwrap();
    drop(spill);

    app.start_pixel().await;
    eventually(
        Duration::from_secs(10),
        "the spill file to be replayed",
        async || spill_files(app.spill_dir()).is_empty().then_some(()),
    )
    .await;
    app.stop_pixel().await;
    assert_eq!(
        seed::open_count(&mut conn).await,
        25,
        "the 20 committed opens were written again, or the 5 others were not"
    );
}
