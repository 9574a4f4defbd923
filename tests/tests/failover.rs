//! Postgres failover as the services see it. A server that takes no writes (a standby, or a
//! primary set read-only) is an outage, never a place to keep retrying: the pool refuses and
//! drops such connections, and the writer spills until it finds one that writes. After a real
//! failover (two clusters made here, `ReplicatedPg`), the writer's tracker cache and the bot's
//! dispatcher listen again, on the new primary.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use diesel::QueryableByName;
use diesel::sql_types::{Integer, Text};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use mailping_bot::config::AlertConfig;
use mailping_bot::outbox::{AlertDispatcher, ChatSender, Outgoing, SendError, Senders};
use mailping_pixel_server::tracker_cache::TrackerCache;
use mailping_shared::db;
use mailping_shared::domain::Token;
use mailping_shared::models::Platform;
use mailping_tests::app::TestApp;
use mailping_tests::replicated_pg::{ReplicatedPg, Replication};
use mailping_tests::test_db::TestDb;
use mailping_tests::{eventually, seed};

#[derive(QueryableByName)]
struct Pid {
    #[diesel(sql_type = Integer)]
    pid: i32,
}

async fn backend_pid(conn: &mut AsyncPgConnection) -> i32 {
    diesel::sql_query("SELECT pg_backend_pid() AS pid")
        .get_result::<Pid>(conn)
        .await
        .expect("the backend's pid")
        .pid
}

#[tokio::test]
async fn a_pooled_connection_whose_server_stopped_taking_writes_is_dropped_not_reused() {
    let db = TestDb::new().await;
    let pool = db::pool(db.url(), 1);
    let read_only = {
        let mut conn = pool.get().await.expect("a connection");
        // What a session sees on a server that has become a standby: no transaction writes.
        diesel::sql_query("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            .execute(&mut conn)
            .await
            .expect("making the session read-only");
        backend_pid(&mut conn).await
    };
    let mut conn = pool.get().await.expect("a connection that writes");
    assert_ne!(
        backend_pid(&mut conn).await,
        read_only,
        "the pool handed out the read-only connection again"
    );
    diesel::sql_query("CREATE TEMP TABLE written (x int)")
        .execute(&mut conn)
        .await
        .expect("the new connection writes");
}

/// Makes every new session of the database read-only (as on a standby) and ends the open
/// ones, or lets new sessions write again.
async fn set_read_only(admin: &mut AsyncPgConnection, database: &str, read_only: bool) {
    let setting = match read_only {
        true => "SET default_transaction_read_only = on",
        false => "RESET default_transaction_read_only",
    };
    diesel::sql_query(format!("ALTER DATABASE \"{database}\" {setting}"))
        .execute(admin)
        .await
        .expect("setting default_transaction_read_only");
    if read_only {
        diesel::sql_query(format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = '{database}' AND pid <> pg_backend_pid()"
        ))
        .execute(admin)
        .await
        .expect("ending the database's sessions");
    }
}

fn spilled_bytes(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("spill-"))
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

#[tokio::test]
async fn a_database_that_takes_no_writes_is_an_outage_the_writer_spills_through() {
    let app = TestApp::spawn().await;
    let t = seed::tracker(&mut app.conn().await, 1, "Proposal").await;
    let mut admin = app.db.admin_conn().await;
    set_read_only(&mut admin, app.db.name(), true).await;
    for i in 0..5 {
        let resp = app
            .fetch_pixel(&t.token, Some(&format!("Thunderbird/{i}")))
            .await;
        assert_eq!(resp.status(), 200);
    }
    eventually(
        Duration::from_secs(10),
        "the opens to go to the spill directory",
        async || (spilled_bytes(app.spill_dir()) > 0).then_some(()),
    )
    .await;
    assert_eq!(seed::open_count(&mut app.conn().await).await, 0);
    // The primary takes writes again; connections made while it did not must not be reused.
    set_read_only(&mut admin, app.db.name(), false).await;
    eventually(
        Duration::from_secs(15),
        "the spilled opens to be written once the database takes writes",
        async || (seed::open_count(&mut app.conn().await).await == 5).then_some(()),
    )
    .await;
}

/// A chat platform in memory that records the chats it sent to.
#[derive(Clone, Default)]
struct MemorySender {
    sent: Arc<Mutex<Vec<String>>>,
}

impl MemorySender {
    fn sent_to(&self, chat: i64) -> usize {
        let chat = chat.to_string();
        self.sent
            .lock()
            .unwrap()
            .iter()
            .filter(|c| **c == chat)
            .count()
    }
}

impl ChatSender for MemorySender {
    async fn send(&self, chat: &str, _message: &Outgoing) -> Result<(), SendError> {
        self.sent.lock().unwrap().push(chat.to_owned());
        Ok(())
    }
}

/// A chat platform that takes the first message and, at that moment, makes the database
/// unreachable for `outage` (as a failover would); it takes every later message too.
#[derive(Clone)]
struct OutageOnFirstSend {
    db: Arc<TestDb>,
    outage: Duration,
    sent: MemorySender,
}

impl ChatSender for OutageOnFirstSend {
    async fn send(&self, chat: &str, message: &Outgoing) -> Result<(), SendError> {
        let first = self.sent.sent.lock().unwrap().is_empty();
        self.sent.send(chat, message).await?;
        if first {
            let mut admin = self.db.admin_conn().await;
            self.db.set_reachable(&mut admin, false).await;
            let (db, outage) = (self.db.clone(), self.outage);
            tokio::spawn(async move {
                tokio::time::sleep(outage).await;
                db.set_reachable(&mut admin, true).await;
            });
        }
        Ok(())
    }
}

#[tokio::test]
async fn an_alert_sent_just_before_the_database_goes_away_is_recorded_once_it_is_back() {
    mailping_tests::init_logs();
    let db = Arc::new(TestDb::new().await);
    queue_alert(&mut db.conn().await, 7).await;
    let sender = OutageOnFirstSend {
        db: db.clone(),
        outage: Duration::from_secs(3),
        sent: MemorySender::default(),
    };
    let mut senders = Senders::default();
    senders.insert(Platform::Telegram, sender.clone());
    // A lease much shorter than the outage: if the outcome were not recorded, the alert
    // would be claimed and sent again as soon as the database is back.
    let config = AlertConfig {
        alert_sweep_secs: 1,
        alert_lease_secs: 1,
        alert_max_backoff_secs: 2,
        alert_burst: 3,
        alert_window_secs: 600,
        alert_chat_per_minute: 20,
    };
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let dispatcher = tokio::spawn(AlertDispatcher::new(db.pool(), senders, config).run(stopped));
    eventually(
        Duration::from_secs(15),
        "the alert to be finished once the database is back",
        async || {
            let mut conn = AsyncPgConnection::establish(db.url()).await.ok()?;
            let pending =
                diesel::sql_query("SELECT count(*) AS n FROM alerts WHERE finished_at IS NULL")
                    .get_result::<Count>(&mut conn)
                    .await
                    .ok()?;
            (pending.n == 0).then_some(())
        },
    )
    .await;
    // Time for a second claim, had the lease been left to run out.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(
        sender.sent.sent_to(7),
        1,
        "the alert was sent more than once"
    );
    stop.send_replace(true);
    let _ = tokio::time::timeout(Duration::from_secs(10), dispatcher).await;
}

/// Waits until a session of this database has run `LISTEN` on the alerts channel, and nothing
/// since (a listening connection only waits): the dispatcher hears the next `NOTIFY`.
async fn dispatcher_listens(conn: &mut AsyncPgConnection) {
    let listen = format!("LISTEN {}", db::ALERTS_CHANNEL);
    eventually(
        Duration::from_secs(15),
        "the dispatcher to LISTEN on this primary",
        async || {
            let n = diesel::sql_query(
                "SELECT count(*) AS n FROM pg_stat_activity \
                 WHERE datname = current_database() AND query = $1",
            )
            .bind::<Text, _>(&listen)
            .get_result::<Count>(conn)
            .await
            .ok()?
            .n;
            (n > 0).then_some(())
        },
    )
    .await;
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

/// Queues an alert for a new tracker of a Telegram chat and notifies, as the writer does.
async fn queue_alert(conn: &mut AsyncPgConnection, chat: i64) {
    diesel::sql_query(
        "WITH a AS (INSERT INTO accounts (platform, chat_id) VALUES ('telegram', $1)
                    RETURNING id, trackers_created),
              t AS (INSERT INTO trackers (account_id, number, token, copy_token, label)
                    SELECT id, trackers_created + 1, gen_random_uuid(), gen_random_uuid(), 'Offer' FROM a
                    RETURNING id),
              o AS (INSERT INTO opens (tracker_id, opened_at, kind, client)
                    SELECT id, now(), 'direct', 'Thunderbird' FROM t RETURNING id, tracker_id)
         INSERT INTO alerts (tracker_id, open_id, apple_prefetch)
         SELECT tracker_id, id, false FROM o",
    )
    .bind::<Text, _>(chat.to_string())
    .execute(conn)
    .await
    .expect("alert queued");
    db::notify_alerts(conn).await.expect("NOTIFY");
}

/// Runs a blocking step of the cluster pair off the runtime.
async fn on_pair(
    pair: ReplicatedPg,
    step: impl FnOnce(&mut ReplicatedPg) -> Result<(), String> + Send + 'static,
) -> ReplicatedPg {
    match pair.off_runtime(step).await {
        Ok((pair, ())) => pair,
        Err(e) => panic!("{e}"),
    }
}

async fn remembered(cache: &mut TrackerCache, url: &str, token: Token) -> (usize, bool) {
    let Ok(mut conn) = AsyncPgConnection::establish(url).await else {
        return (0, false);
    };
    let Ok(found) = cache.trackers(&mut conn, &[token]).await else {
        return (0, false);
    };
    (
        cache.remembered(),
        found.get(&token).is_some_and(|t| t.silent),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_failover_the_tracker_cache_and_the_dispatcher_listen_on_the_new_primary() {
    mailping_tests::init_logs();
    let pair = ReplicatedPg::start_off_runtime(Replication::Async)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let pair = on_pair(pair, |p| p.on_primary("CREATE DATABASE mailping").map(drop)).await;
    let url = pair.url("mailping");
    db::run_migrations(&url).await.expect("migrations");
    // Replication is asynchronous: until the standby has replayed CREATE DATABASE, connecting
    // to it fails with "database does not exist" instead (seen once in five runs under load).
    let pair = on_pair(pair, |p| p.wait_for_standby(Duration::from_secs(30))).await;
    // A pool given the standby alone hands out nothing: the standby takes no writes.
    let standby = db::pool(&pair.standby_url("mailping"), 1);
    let refused = standby
        .get()
        .await
        .err()
        .expect("no connection to a standby");
    assert!(
        refused.to_string().contains("read-only"),
        "the error says why: {refused}"
    );

    let pool = db::pool(&url, 4);
    let mut cache = TrackerCache::listening(pool.clone());
    // The dispatcher sweeps once a minute: only a notification brings an alert out sooner.
    let sender = MemorySender::default();
    let mut senders = Senders::default();
    senders.insert(Platform::Telegram, sender.clone());
    let config = AlertConfig {
        alert_sweep_secs: 60,
        alert_lease_secs: 30,
        alert_max_backoff_secs: 300,
        alert_burst: 3,
        alert_window_secs: 600,
        alert_chat_per_minute: 20,
    };
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let dispatcher = tokio::spawn(AlertDispatcher::new(pool.clone(), senders, config).run(stopped));
    let mut conn = AsyncPgConnection::establish(&url).await.expect("connect");
    let t = seed::tracker(&mut conn, 42, "Proposal").await;
    let token = Token::parse(&t.token).expect("a token");
    eventually(
        Duration::from_secs(10),
        "the tracker cache to listen and remember",
        async || (remembered(&mut cache, &url, token).await.0 == 1).then_some(()),
    )
    .await;
    // Once the dispatcher listens, a notified alert goes out at once.
    dispatcher_listens(&mut conn).await;
    queue_alert(&mut conn, 1).await;
    eventually(
        Duration::from_secs(5),
        "the alert notified on the first primary",
        async || (sender.sent_to(1) == 1).then_some(()),
    )
    .await;
    drop(conn);

    let pair = on_pair(pair, ReplicatedPg::kill_primary).await;
    let pair = on_pair(pair, ReplicatedPg::promote).await;
    let mut conn = eventually(
        Duration::from_secs(10),
        "a connection to the new primary",
        async || AsyncPgConnection::establish(&url).await.ok(),
    )
    .await;
    // Long before the next sweep, an alert notified on the new primary goes out.
    dispatcher_listens(&mut conn).await;
    queue_alert(&mut conn, 2).await;
    eventually(
        Duration::from_secs(15),
        "the alert notified on the new primary, well before the minute's sweep",
        async || (sender.sent_to(2) == 1).then_some(()),
    )
    .await;
    // The cache forgot everything when its listener dropped, and remembers again once it
    // listens on the new primary; a tracker muted there is forgotten at once, not after TTL.
    eventually(
        Duration::from_secs(15),
        "the tracker cache to listen on the new primary and remember again",
        async || (remembered(&mut cache, &url, token).await.0 == 1).then_some(()),
    )
    .await;
    seed::set_muted(&mut conn, &t, true).await;
    eventually(
        Duration::from_secs(3),
        "the cache to hear of the mute from the new primary (TTL is 10 s)",
        async || remembered(&mut cache, &url, token).await.1.then_some(()),
    )
    .await;
    assert_eq!(sender.sent_to(1), 1, "no alert was sent twice");
    stop.send_replace(true);
    let _ = tokio::time::timeout(Duration::from_secs(10), dispatcher).await;
    drop(pair);
}
