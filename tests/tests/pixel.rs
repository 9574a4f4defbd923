//! The pixel server end to end: real HTTP, real Postgres, one fresh database per test.

use std::time::{Duration, Instant};

use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use futures_util::StreamExt;
use mailping_tests::app::TestApp;
use mailping_tests::{eventually, seed};

const GMAIL: &str =
    "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";
const CHROME: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
const THUNDERBIRD: &str =
    "Mozilla/5.0 (X11; Linux x86_64; rv:24.0) Gecko/20100101 Thunderbird/24.4.0 Lightning/2.6.4";
const GIF: [u8; 43] = mailping_pixel_server::gif::TRANSPARENT_GIF;

/// Status, the headers that matter, and the body: what must be identical for every pixel.
async fn snapshot(resp: reqwest::Response) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let status = resp.status().as_u16();
    let mut headers: Vec<(String, String)> = resp
        .headers()
        .iter()
        .filter(|(k, _)| k.as_str() != "date")
        .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
        .collect();
    headers.sort();
    (status, headers, resp.bytes().await.expect("body").to_vec())
}

#[tokio::test]
async fn known_unknown_and_rate_limited_tokens_get_the_same_43_byte_gif() {
    let mut app = TestApp::spawn()
        .pixel_setting("--rate-limit-per-client", 2)
        .await;
    let mut conn = app.conn().await;
    let t = seed::tracker(&mut conn, 1, "Proposal").await;

    let known = snapshot(app.fetch_pixel(&t.token, Some(CHROME)).await).await;
    let unknown_token = mailping_shared::domain::Token::generate().to_string();
    let unknown = snapshot(app.fetch_pixel(&unknown_token, Some(CHROME)).await).await;
    // Not of the form tokens are generated in: answered the same, never queued or counted.
    let malformed = snapshot(app.fetch_pixel(&"ab".repeat(16), Some(CHROME)).await).await;
    // The third fetch from this client is over the limit of 2 a minute.
    let limited = snapshot(app.fetch_pixel(&t.token, Some(CHROME)).await).await;

    assert_eq!(known.0, 200);
    assert_eq!(known.2, GIF);
    assert_eq!(known.2.len(), 43);
    for (name, value) in [
        ("content-type", "image/gif"),
        (
            "cache-control",
            "no-store, no-cache, must-revalidate, private",
        ),
        ("pragma", "no-cache"),
        ("expires", "0"),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("content-length", "43"),
    ] {
        assert!(
            known.1.contains(&(name.to_owned(), value.to_owned())),
            "missing {name}: {value} in {:?}",
            known.1
        );
    }
    assert!(!known.1.iter().any(|(k, _)| k == "set-cookie"));
    assert_eq!(
        known, unknown,
        "an unknown token must look exactly like a known one"
    );
    assert_eq!(
        known, malformed,
        "a token of the wrong form must look exactly like a known one"
    );
    assert_eq!(
        known, limited,
        "a rate-limited fetch must look exactly like any other"
    );

    let metrics = pixel_metrics(&app).await;
    app.stop_pixel().await;
    assert_eq!(
        seed::kinds(&mut conn, t.id).await,
        ["direct"],
        "the rate-limited fetch is not written"
    );
    let limited_count = metric_value(&metrics, "mailping_rate_limited_total")
        .expect("rate-limited counter in /metrics");
    assert!(limited_count >= 1.0);
}

#[tokio::test]
async fn anything_that_is_not_a_pixel_path_is_a_plain_404() {
    let app = TestApp::spawn().await;
    let token = "ab".repeat(16);
    for path in [
        "/".to_owned(),
        "/track".to_owned(),
        format!("/i/{token}"),
        format!("/i/{token}.png"),
        "/i/xyz.gif".to_owned(),
        format!("/i/{}.gif", "ab".repeat(17)),
        format!("/i/../i/{token}.gif%00"),
        format!("/x/{token}.gif"),
    ] {
        let resp = app.client().get(app.pixel_url(&path)).send().await.unwrap();
        assert_eq!(resp.status(), 404, "{path}");
        assert_ne!(
            resp.headers().get("content-type").map(|v| v.as_bytes()),
            Some(&b"image/gif"[..]),
            "{path}"
        );
    }
}

#[tokio::test]
async fn head_and_prefetch_are_never_opens() {
    let mut app = TestApp::spawn().await;
    let mut conn = app.conn().await;
    let t = seed::tracker(&mut conn, 1, "Proposal").await;
    let url = app.pixel_url(&TestApp::pixel_path(&t.token));
    let head = app
        .client()
        .head(&url)
        .header("user-agent", CHROME)
        .send()
        .await
        .unwrap();
    assert_eq!(head.status(), 200);
    assert_eq!(head.headers()["content-type"], "image/gif");
    for (name, value) in [
        ("Sec-Purpose", "prefetch"),
        ("Purpose", "prefetch"),
        ("X-Moz", "prefetch"),
        ("Sec-Purpose", "prefetch;prerender"),
        ("X-Purpose", "preview"),
    ] {
        let resp = app
            .fetch_pixel_with(&t.token, Some(CHROME), &[(name, value)])
            .await;
        assert_eq!(resp.bytes().await.unwrap().as_ref(), GIF);
    }
    app.stop_pixel().await;
    assert!(seed::kinds(&mut conn, t.id).await.is_empty());
}

#[tokio::test]
async fn a_repeat_of_the_same_client_within_the_window_is_a_duplicate() {
    let mut app = TestApp::spawn().await;
    let mut conn = app.conn().await;
    let t = seed::tracker(&mut conn, 1, "Proposal").await;
    let token = t.token;
    app.fetch_pixel(&token, Some(GMAIL)).await;
    app.fetch_pixel(&token, Some(GMAIL)).await;
    app.fetch_pixel(&token, Some(THUNDERBIRD)).await;
    app.stop_pixel().await;
    assert_eq!(
        seed::kinds(&mut conn, t.id).await,
        ["gmail_proxy", "duplicate", "direct"]
    );

    // A zero-length window turns dedup off: the same fetch counts again.
    let t2 = seed::tracker(&mut conn, 1, "Invoice").await;
    app.restart_pixel_with(&[("--dedup-window-secs", "0")])
        .await;
    app.fetch_pixel(&t2.token, Some(GMAIL)).await;
    app.fetch_pixel(&t2.token, Some(GMAIL)).await;
    app.stop_pixel().await;
    assert_eq!(
        seed::kinds(&mut conn, t2.id).await,
        ["gmail_proxy", "gmail_proxy"]
    );
}

/// The writer remembers the clients it recorded, and asks Postgres about the others: a client
/// recorded by another writer (here, the same server before a restart, whose memory is gone)
/// is still a duplicate within the window.
#[tokio::test]
async fn a_repeat_of_a_client_another_writer_recorded_is_a_duplicate() {
    let mut app = TestApp::spawn().await;
    let mut conn = app.conn().await;
    let t = seed::tracker(&mut conn, 1, "Proposal").await;
    app.fetch_pixel(&t.token, Some(GMAIL)).await;
    app.restart_pixel_with(&[]).await;
    app.fetch_pixel(&t.token, Some(GMAIL)).await;
    app.fetch_pixel(&t.token, Some(GMAIL)).await;
    app.stop_pixel().await;
    assert_eq!(
        seed::kinds(&mut conn, t.id).await,
        ["gmail_proxy", "duplicate", "duplicate"]
    );
}

#[tokio::test]
async fn the_senders_own_views_are_self() {
    let mut app = TestApp::spawn()
        .pixel_setting("--self-grace-secs", 3600)
        .await;
    let mut conn = app.conn().await;
    // Within the grace period after creation: the sender composing.
    let fresh = seed::tracker(&mut conn, 1, "Fresh").await;
    app.fetch_pixel(&fresh.token, Some(CHROME)).await;
    app.stop_pixel().await;
    assert_eq!(seed::kinds(&mut conn, fresh.id).await, ["self"]);

    // After the copy page was viewed from this network, fetches from it are the sender's,
    // for this tracker and the owner's others; the copy page view itself is never an open.
    let viewed = seed::tracker(&mut conn, 2, "Viewed").await;
    let other = seed::tracker(&mut conn, 2, "Other").await;
    let stranger = seed::tracker(&mut conn, 3, "Stranger's").await;
    app.restart_pixel_with(&[("--self-grace-secs", "0")]).await;
    let page = app
        .client()
        .get(app.pixel_url(&format!("/c/{}", viewed.copy_token)))
        .header("user-agent", CHROME)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains(&format!("/i/{}.gif", viewed.token)), "{html}");
    assert!(!html.contains("display:none"));
    // The page's one script is inline (allowed by its hash); nothing is loaded from elsewhere.
    assert!(
        !html.contains("<script src") && !html.contains("<link") && !html.contains("@import"),
        "no external assets or scripts"
    );
    assert!(
        seed::kinds(&mut conn, viewed.id).await.is_empty(),
        "viewing the copy page is not an open"
    );
    app.fetch_pixel(&viewed.token, Some(THUNDERBIRD)).await;
    app.fetch_pixel(&other.token, Some(CHROME)).await;
    app.fetch_pixel(&stranger.token, Some(CHROME)).await;
    app.stop_pixel().await;
    assert_eq!(seed::kinds(&mut conn, viewed.id).await, ["self"]);
    assert_eq!(seed::kinds(&mut conn, other.id).await, ["self"]);
    assert_eq!(
        seed::kinds(&mut conn, stranger.id).await,
        ["direct"],
        "another account's tracker is not affected"
    );
}

#[tokio::test]
async fn an_unknown_copy_page_is_a_404_page() {
    let app = TestApp::spawn().await;
    let resp = app
        .client()
        .get(app.pixel_url(&format!("/c/{}", "cd".repeat(16))))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
}

#[tokio::test]
async fn reads_queue_one_coalesced_alert_and_muted_trackers_none() {
    let mut app = TestApp::spawn().await;
    let mut conn = app.conn().await;
    let t = seed::tracker(&mut conn, 1, "Proposal").await;
    let muted = seed::tracker(&mut conn, 1, "Muted").await;
    seed::set_muted(&mut conn, &muted, true).await;
    let apple = seed::tracker(&mut conn, 1, "Apple").await;
    for ua in [GMAIL, CHROME, THUNDERBIRD] {
        app.fetch_pixel(&t.token, Some(ua)).await;
        tokio::time::sleep(Duration::from_millis(30)).await;
    }
    app.fetch_pixel(&muted.token, Some(GMAIL)).await;
    app.fetch_pixel(&apple.token, Some("Mozilla/5.0")).await;
    tokio::time::sleep(Duration::from_millis(30)).await;
    app.fetch_pixel_with(
        &apple.token,
        Some("Mozilla/5.0"),
        &[("x-forwarded-for", "1.1.1.1")],
    )
    .await;
    app.stop_pixel().await;
    assert_eq!(
        seed::alerts_of(&mut conn, t.id).await,
        [(false, 3, false)],
        "three reads, one pending alert"
    );
    assert_eq!(
        seed::kinds(&mut conn, muted.id).await,
        ["gmail_proxy"],
        "a muted tracker still records"
    );
    assert!(seed::alerts_of(&mut conn, muted.id).await.is_empty());
    assert_eq!(
        seed::alerts_of(&mut conn, apple.id).await,
        [(true, 1, false)],
        "only the first Apple prefetch alerts"
    );
}

#[tokio::test]
async fn forwarded_for_is_believed_only_from_trusted_proxies_and_no_raw_address_is_stored() {
    let mut app = TestApp::spawn().await;
    let mut conn = app.conn().await;
    let t = seed::tracker(&mut conn, 1, "Proposal").await;
    app.fetch_pixel_with(
        &t.token,
        Some(CHROME),
        &[("x-forwarded-for", "203.0.113.77")],
    )
    .await;
    app.stop_pixel().await;
    app.restart_pixel_with(&[("--trusted-proxies", "127.0.0.0/8")])
        .await;
    app.fetch_pixel_with(
        &t.token,
        Some(THUNDERBIRD),
        &[("x-forwarded-for", "6.6.6.6, 198.51.100.23")],
    )
    .await;
    app.stop_pixel().await;
    let networks: Vec<String> =
        diesel::sql_query("SELECT network::text AS network FROM opens ORDER BY id")
            .load::<NetworkRow>(&mut conn)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.network)
            .collect();
    assert_eq!(networks, ["127.0.0.0/24", "198.51.100.0/24"]);
    let dump: Vec<DumpRow> = diesel::sql_query("SELECT row_to_json(o)::text AS json FROM opens o")
        .load(&mut conn)
        .await
        .unwrap();
    for row in dump {
        for raw in ["127.0.0.1", "198.51.100.23", "203.0.113.77", "6.6.6.6"] {
            assert!(
                !row.json.contains(raw),
                "raw address {raw} stored: {}",
                row.json
            );
        }
    }
}

#[derive(QueryableByName)]
struct NetworkRow {
    #[diesel(sql_type = diesel::sql_types::Text)]
    network: String,
}

#[derive(QueryableByName)]
struct DumpRow {
    #[diesel(sql_type = diesel::sql_types::Text)]
    json: String,
}

#[tokio::test]
async fn graceful_stop_under_load_writes_every_accepted_open() {
    let mut app = TestApp::spawn().await;
    let mut conn = app.conn().await;
    let mut tokens = Vec::new();
    for i in 0..20 {
        tokens.push(seed::tracker(&mut conn, 1, &format!("t{i}")).await.token);
    }
    let mut tasks = Vec::new();
    for worker in 0..16 {
        let client = app.client().clone();
        let base = app.pixel_base_url();
        let tokens = tokens.clone();
        tasks.push(tokio::spawn(async move {
            let mut ok = 0u32;
            for i in 0..100 {
                let url = format!("{base}/i/{}.gif", tokens[(worker + i) % tokens.len()]);
                let ua = format!("Thunderbird/{worker}.{i}");
                if let Ok(resp) = client.get(url).header("user-agent", ua).send().await
                    && resp.status() == 200
                {
                    ok += 1;
                }
            }
            ok
        }));
    }
    let mut accepted = 0;
    for t in tasks {
        accepted += t.await.unwrap();
    }
    app.stop_pixel().await;
    assert_eq!(accepted, 1600);
    assert_eq!(seed::open_count(&mut conn).await, i64::from(accepted));
}

#[tokio::test]
async fn a_database_outage_is_buffered_and_written_afterwards() {
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
    for i in 0..50 {
        let resp = app
            .fetch_pixel(&t.token, Some(&format!("Thunderbird/{i}")))
            .await;
        assert_eq!(resp.status(), 200);
        assert_eq!(resp.bytes().await.unwrap().as_ref(), GIF);
    }
    let ready = app
        .client()
        .get(app.pixel_url("/readyz"))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), 503, "readyz reports the outage");
    tokio::time::sleep(Duration::from_secs(1)).await;
    app.set_database_reachable(true).await;

    // Once Postgres is back, the writer's retry lands every buffered open, before any stop.
    let mut conn = app.conn().await;
    eventually(
        Duration::from_secs(15),
        "the 51 buffered opens to be written",
        async || (seed::open_count(&mut conn).await >= 51).then_some(()),
    )
    .await;
    assert_eq!(seed::open_count(&mut conn).await, 51);
    app.stop_pixel().await;
    assert_eq!(seed::open_count(&mut conn).await, 51);
}

#[tokio::test]
async fn health_and_readiness_answer_200_while_the_database_is_up() {
    let app = TestApp::spawn().await;
    assert_eq!(
        app.client()
            .get(app.pixel_url("/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    assert_eq!(
        app.client()
            .get(app.pixel_url("/readyz"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
}

#[tokio::test]
async fn a_bot_opening_the_copy_page_is_not_learned_as_the_sender() {
    let mut app = TestApp::spawn().await;
    let mut conn = app.conn().await;
    let t = seed::tracker(&mut conn, 1, "Proposal").await;
    for ua in [
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        "curl/8.4.0",
    ] {
        let page = app
            .client()
            .get(app.pixel_url(&format!("/c/{}", t.copy_token)))
            .header("user-agent", ua)
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200);
    }
    app.fetch_pixel(&t.token, Some(THUNDERBIRD)).await;
    app.stop_pixel().await;
    assert_eq!(
        seed::kinds(&mut conn, t.id).await,
        ["direct"],
        "the recipient's open is not mistaken for the sender's"
    );
}

#[tokio::test]
async fn a_writer_that_falls_behind_slows_fetches_down_instead_of_dropping_opens() {
    // A tiny buffer and one open per write: the HTTP side outruns the writer at once.
    let mut app = TestApp::spawn()
        .pixel_setting("--open-buffer", "4")
        .pixel_setting("--write-batch-max", "1")
        .await;
    let mut conn = app.conn().await;
    let t = seed::tracker(&mut conn, 1, "Burst").await;
    const FETCHES: usize = 600;
    let statuses = fetch_from_many_clients(&app, &t, FETCHES).await;
    assert!(statuses.iter().all(|s| *s == 200));
    app.stop_pixel().await;
    assert_eq!(
        seed::open_count(&mut conn).await,
        FETCHES as i64,
        "every fetch served while the database was up is recorded"
    );
}

/// The writer remembers trackers between batches; a change to what it remembers must reach it.
#[tokio::test]
async fn the_writer_forgets_what_it_remembers_of_a_tracker_when_it_changes() {
    // The writer notes each change it is told of in its log. This test's runtime is
    // single-threaded, so a thread-local subscriber sees every task it spawns, and the writer's
    // thread takes its starter's subscriber (as in privacy.rs).
    let logs = Logs::default();
    let sink = logs.clone();
    let _logs = tracing::subscriber::set_default(
        tracing_subscriber::fmt()
            .with_env_filter("mailping_pixel_server::tracker_cache=debug")
            .with_ansi(false)
            .with_writer(move || sink.clone())
            .finish(),
    );
    let mut app = TestApp::spawn()
        .pixel_setting("--self-grace-secs", 0)
        .pixel_setting("--trusted-proxies", "127.0.0.0/8")
        .await;
    let mut conn = app.conn().await;
    let t = seed::tracker(&mut conn, 1, "Proposal").await;
    let u = seed::tracker(&mut conn, 2, "Invoice").await;
    let recorded = async |conn: &mut diesel_async::AsyncPgConnection, id, n: usize| {
        eventually(Duration::from_secs(10), "the open recorded", async || {
            let kinds = seed::kinds(conn, id).await;
            (kinds.len() == n).then_some(kinds)
        })
        .await
    };
    let account: i64 = mailping_shared::schema::trackers::table
        .find(t.id)
        .select(mailping_shared::schema::trackers::account_id)
        .get_result(&mut conn)
        .await
        .unwrap();
    // How many changes of t's account the writer has been told of; after a change, wait for
    // one more before the next fetch.
    let noted = || logs.count(&format!("tracker change noted account={account}"));
    let told = async |before: usize| {
        eventually(
            Duration::from_secs(30),
            "the writer to be told",
            async || (noted() > before).then_some(()),
        )
        .await
    };

    app.fetch_pixel_with(&t.token, Some(GMAIL), &[("x-forwarded-for", "1.1.1.1")])
        .await;
    recorded(&mut conn, t.id, 1).await;

    // The owner views the copy page: their next view of the image is their own.
    let before = noted();
    let page = app
        .client()
        .get(app.pixel_url(&format!("/c/{}", t.copy_token)))
        .header("user-agent", CHROME)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    told(before).await;
    app.fetch_pixel(&t.token, Some(THUNDERBIRD)).await;
    assert_eq!(recorded(&mut conn, t.id, 2).await[1], "self");

    // Muted: recorded, but the pending alert of the first read grows no more.
    let before = noted();
    seed::set_muted(&mut conn, &t, true).await;
    told(before).await;
    app.fetch_pixel_with(&t.token, Some(CHROME), &[("x-forwarded-for", "2.2.2.2")])
        .await;
    assert_eq!(recorded(&mut conn, t.id, 3).await[2], "direct");
    assert_eq!(seed::alerts_of(&mut conn, t.id).await, [(false, 1, false)]);

    // Deleted: its fetches are ignored, and the writer goes on with everyone else's.
    diesel::delete(mailping_shared::schema::trackers::table.find(t.id))
        .execute(&mut conn)
        .await
        .unwrap();
    app.fetch_pixel_with(&t.token, Some(GMAIL), &[("x-forwarded-for", "3.3.3.3")])
        .await;
    app.fetch_pixel_with(&u.token, Some(GMAIL), &[("x-forwarded-for", "3.3.3.3")])
        .await;
    assert_eq!(recorded(&mut conn, u.id, 1).await, ["gmail_proxy"]);
    app.stop_pixel().await;
    assert!(seed::kinds(&mut conn, t.id).await.is_empty());
}

/// Log lines written by the services, for tests that wait for one.
#[derive(Clone, Default)]
struct Logs(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl Logs {
    /// How many times `needle` occurs in the log so far.
    fn count(&self, needle: &str) -> usize {
        let bytes = self.0.lock().expect("log buffer");
        String::from_utf8_lossy(&bytes).matches(needle).count()
    }
}

impl std::io::Write for Logs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log buffer").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Waits until `n` opens are in the table; how long that took.
async fn wait_for_opens(conn: &mut diesel_async::AsyncPgConnection, n: i64) -> Duration {
    let started = Instant::now();
    eventually(Duration::from_secs(10), format!("{n} opens"), async || {
        (seed::open_count(conn).await >= n).then_some(())
    })
    .await;
    started.elapsed()
}

/// Under a steady stream the writer lets each batch fill for `WRITE_LINGER_MS` instead of
/// writing every open as it comes: fewer, fuller batches cost Postgres less per open.
#[tokio::test]
async fn a_steady_stream_of_opens_is_written_in_few_full_batches() {
    const FETCHES: usize = 40;
    let app = TestApp::spawn()
        .pixel_setting("--write-linger-ms", 300)
        .await;
    let mut conn = app.conn().await;
    let t = seed::tracker(&mut conn, 1, "Stream").await;
    // One fetch every 10 ms, each from its own client.
    let started = Instant::now();
    for i in 0..FETCHES {
        app.fetch_pixel(&t.token, Some(&format!("Thunderbird/{i}")))
            .await;
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let streamed = started.elapsed();
    wait_for_opens(&mut conn, FETCHES as i64).await;
    // At most one batch starts in each 300 ms of the stream, and one more for its tail.
    let most = (streamed.as_millis() / 300 + 2) as f64;
    // Each batch is one transaction: its opens share their xmin. (The writer's metrics are
    // process-wide, shared with the tests running beside this one.)
    let batches: i64 = diesel::dsl::sql::<diesel::sql_types::BigInt>(
        "SELECT count(DISTINCT xmin::text) FROM opens",
    )
    .get_result(&mut conn)
    .await
    .unwrap();
    assert!(
        batches as f64 <= most,
        "{FETCHES} opens over {streamed:?} took {batches} batches"
    );
}

/// The rows of each INSERT statement on `opens`, per transaction, in the order written: what a
/// statement trigger of the test's own records.
async fn record_insert_statements(conn: &mut diesel_async::AsyncPgConnection) {
    for sql in [
        "CREATE TABLE insert_statements (seq serial, xid bigint, n bigint)",
        "CREATE FUNCTION note_insert_statement() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
             INSERT INTO insert_statements (xid, n) SELECT txid_current(), count(*) FROM new_rows;
             RETURN NULL;
         END $$",
        "CREATE TRIGGER note_insert_statement AFTER INSERT ON opens
         REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
         EXECUTE FUNCTION note_insert_statement()",
    ] {
        diesel::sql_query(sql).execute(conn).await.unwrap();
    }
}

/// The rows of each INSERT statement, grouped by transaction in the order they were written.
async fn insert_statements(conn: &mut diesel_async::AsyncPgConnection) -> Vec<Vec<i64>> {
    let rows: Vec<(i64, i64)> = diesel::dsl::sql::<(
        diesel::sql_types::BigInt,
        diesel::sql_types::BigInt,
    )>("SELECT xid, n FROM insert_statements ORDER BY seq")
    .load(conn)
    .await
    .unwrap();
    let mut batches: Vec<(i64, Vec<i64>)> = Vec::new();
    for (xid, n) in rows {
        match batches.last_mut() {
            Some((last, sizes)) if *last == xid => sizes.push(n),
            _ => batches.push((xid, vec![n])),
        }
    }
    batches.into_iter().map(|(_, sizes)| sizes).collect()
}

/// Fetches `t`'s pixel `n` times, each as a client of its own (its own User-Agent), 64 at a
/// time as wrk's connections would; the statuses in the order they came back.
async fn fetch_from_many_clients(
    app: &TestApp,
    t: &seed::SeededTracker,
    n: usize,
) -> Vec<reqwest::StatusCode> {
    let fetches = (0..n).map(|i| {
        let ua = format!("Thunderbird/{i}");
        async move { app.fetch_pixel(&t.token, Some(&ua)).await.status() }
    });
    futures_util::stream::iter(fetches)
        .buffer_unordered(64)
        .collect()
        .await
}

/// Queues `n` fetches of `t` while the writer waits for the tracker's lock, which the test
/// holds, then lets the writer go and waits for every open: what is queued behind the batch
/// the writer holds is then known.
async fn queue_behind_a_held_writer(app: &TestApp, t: &seed::SeededTracker, n: usize) {
    let mut lock = app.conn().await;
    diesel::sql_query(format!("SELECT pg_advisory_lock({})", t.id))
        .execute(&mut lock)
        .await
        .unwrap();
    let statuses = fetch_from_many_clients(app, t, n).await;
    assert!(statuses.iter().all(|s| *s == 200));
    diesel::sql_query(format!("SELECT pg_advisory_unlock({})", t.id))
        .execute(&mut lock)
        .await
        .unwrap();
    let mut conn = app.conn().await;
    wait_for_opens(&mut conn, n as i64).await;
}

/// While the writer keeps up, a batch goes to Postgres in INSERT statements of at most
/// `INSERT_CHUNK` opens, so that Postgres never holds a core for long while requests wait.
#[tokio::test]
async fn a_writer_that_keeps_up_inserts_a_batch_in_small_statements() {
    let app = TestApp::spawn().await;
    let mut conn = app.conn().await;
    let t = seed::tracker(&mut conn, 1, "Chunks").await;
    record_insert_statements(&mut conn).await;
    // The first fetches wait in the batch the writer holds; the rest, 250 or nearly, are the
    // next batch, with nothing behind it.
    queue_behind_a_held_writer(&app, &t, 260).await;
    let batches = insert_statements(&mut conn).await;
    let chunk = mailping_pixel_server::recorder::INSERT_CHUNK as i64;
    assert!(
        batches.iter().flatten().all(|n| *n <= chunk),
        "a statement wrote more than {chunk} opens: {batches:?}"
    );
    assert!(
        batches.iter().any(|sizes| sizes.len() >= 2),
        "no batch took more than one statement: {batches:?}"
    );
    assert_eq!(batches.iter().flatten().sum::<i64>(), 260);
}

/// Once a batch or more waits behind the one being written, the writer is behind: it writes
/// each batch in one statement, which costs Postgres least per open.
#[tokio::test]
async fn a_writer_that_is_behind_inserts_a_batch_in_one_statement() {
    let app = TestApp::spawn()
        .pixel_setting("--write-batch-max", 300)
        .await;
    let mut conn = app.conn().await;
    let t = seed::tracker(&mut conn, 1, "Behind").await;
    record_insert_statements(&mut conn).await;
    queue_behind_a_held_writer(&app, &t, 1_000).await;
    let batches = insert_statements(&mut conn).await;
    assert!(
        batches.iter().any(|sizes| sizes == &[300]),
        "no full batch went in one statement: {batches:?}"
    );
    assert_eq!(batches.iter().flatten().sum::<i64>(), 1_000);
}

/// The linger only applies while opens keep coming: the first open after a quiet spell is
/// written at once, so an alert is never late by the linger.
#[tokio::test]
async fn the_first_open_after_a_quiet_spell_is_written_at_once() {
    // Long, so that "before the linger ends" is a generous deadline, not a speed.
    const LINGER: Duration = Duration::from_secs(6);
    let app = TestApp::spawn()
        .pixel_setting("--write-linger-ms", LINGER.as_millis())
        .await;
    let mut conn = app.conn().await;
    let t = seed::tracker(&mut conn, 1, "Quiet").await;
    let written_before_the_linger_ends = async |conn: &mut diesel_async::AsyncPgConnection, n| {
        eventually(
            LINGER - Duration::from_secs(1),
            format!("open #{n} written before the linger would have ended"),
            async || (seed::open_count(conn).await >= n).then_some(()),
        )
        .await;
    };
    app.fetch_pixel(&t.token, Some(THUNDERBIRD)).await;
    written_before_the_linger_ends(&mut conn, 1).await;
    // A quiet spell longer than the linger.
    tokio::time::sleep(LINGER + Duration::from_millis(500)).await;
    app.fetch_pixel(&t.token, Some("Thunderbird/2")).await;
    written_before_the_linger_ends(&mut conn, 2).await;
}

/// The pixel server's /metrics, as text.
async fn pixel_metrics(app: &TestApp) -> String {
    app.client()
        .get(app.pixel_metrics_url())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// The value of the series `series` (a name, with its labels if it has any) in /metrics text.
fn metric_value(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' '))
        .and_then(|v| v.trim().parse().ok())
}
