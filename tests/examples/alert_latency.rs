//! Alert latency: how long from a pixel fetch until the Bot API receives the alert's
//! `sendMessage`, while the pixel server records a steady background load.
//!
//! The test harness's `TestApp` runs a fresh database, the pixel server and the bot in this
//! process; the bot talks to the in-process fake Telegram Bot API. Run with
//! `cargo run --release -p mailping-tests --example alert_latency`.
//!
//! - Background: `BACKGROUND_RATE` fetches/s (default 1,000) spread over 10,000 *muted*
//!   trackers, from many client addresses, with the same mix of User-Agents as the wrk
//!   benchmark. Every one is classified, deduplicated and written as an open, so the writer
//!   does the work real traffic gives it; none queues an alert. Background alerts at that rate
//!   would measure the fake's throughput, not MailPing's: Telegram lets a bot send about 30
//!   messages a second, so a real deployment never dispatches 1,000 alerts a second.
//! - Measured: `ALERTS` alerting opens (default 1,000), each a Gmail-proxy fetch of its own
//!   tracker in its own Telegram chat, started at `ALERT_RATE` per second (default 50), open
//!   loop, so a slow alert never delays the next fetch.
//!
//! Each latency runs from just before the fetch is sent until the fake has stored the
//! `sendMessage` (a watcher wakes on every stored message). The program also reads from the
//! database how the time splits into fetch -> alert queued (the pixel server's writer) and
//! queued -> sent (the bot's dispatcher). The last line is `RESULT key=value ...` for bench/run.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use diesel::QueryableByName;
use diesel::sql_types::{Double, Text};
use mailping_tests::app::TestApp;
use mailping_tests::fake_telegram::Limits;
use mailping_tests::test_db::TestDb;
use tokio::sync::Mutex;

const GMAIL_PROXY: &str =
    "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";
/// The wrk benchmark's mix (see bench/pixel.lua), weight and User-Agent.
const BACKGROUND_AGENTS: &[(u32, &str)] = &[
    (40, GMAIL_PROXY),
    (25, "Mozilla/5.0"),
    (
        10,
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
    ),
    (
        8,
        "Microsoft Office/16.0 (Microsoft Outlook 16.0.12329; Pro), Mozilla/4.0 (compatible; ms-office; MSOffice 16)",
    ),
    (
        5,
        "YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html",
    ),
    (
        4,
        "Mozilla/5.0 (X11; Linux x86_64; rv:24.0) Gecko/20100101 Thunderbird/24.4.0 Lightning/2.6.4",
    ),
    (4, "Barracuda Sentinel (EE)"),
    (
        4,
        "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
    ),
];
/// Chat ids: the measured chats are ALERT_CHAT_BASE + 1.., the background owners BACKGROUND_CHAT_BASE + 1...
const ALERT_CHAT_BASE: i64 = 700_000_000;
const BACKGROUND_CHAT_BASE: i64 = 800_000_000;
const BACKGROUND_TRACKERS: usize = 10_000;
/// How long to wait for the last alerts once every measured fetch has been sent.
const PATIENCE: Duration = Duration::from_secs(30);
const WARM_UP: Duration = Duration::from_secs(2);

struct Settings {
    alerts: usize,
    alert_rate: f64,
    background_rate: f64,
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[derive(QueryableByName)]
struct SeededTracker {
    #[diesel(sql_type = Text)]
    token: String,
    #[diesel(sql_type = Text)]
    chat_id: String,
}

#[derive(QueryableByName)]
struct Split {
    #[diesel(sql_type = Double)]
    queued_p50: f64,
    #[diesel(sql_type = Double)]
    queued_p99: f64,
    #[diesel(sql_type = Double)]
    sent_p50: f64,
    #[diesel(sql_type = Double)]
    sent_p99: f64,
}

#[tokio::main]
async fn main() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    tracing_subscriber::fmt().with_env_filter(filter).init();
    let settings = Settings {
        alerts: env_or("ALERTS", 1_000),
        alert_rate: env_or("ALERT_RATE", 50.0),
        background_rate: env_or("BACKGROUND_RATE", 1_000.0),
    };

    let mut app = TestApp::spawn()
        .with_telegram()
        // Production limits and pool size; X-Forwarded-For is believed from loopback, as
        // behind a proxy.
        .pixel_setting("--trusted-proxies", "127.0.0.0/8,::1")
        .pixel_setting("--rate-limit-per-client", 120)
        .pixel_setting("--rate-limit-per-token", 60)
        .pixel_setting("--pool-size", 8)
        .bot_setting("--pool-size", 8)
        // Production sweep and lease: what is measured is the LISTEN/NOTIFY path.
        .bot_setting("--alert-sweep-secs", 5)
        .bot_setting("--alert-lease-secs", 60)
        .bot_setting("--alert-max-backoff-secs", 300)
        .await;
    // MailPing's latency, not Telegram's flood limits: the fake takes every alert at once.
    app.telegram().set_limits(Limits::none());
    let (alerting, background) = seed(&app.db, settings.alerts).await;
    let fake = app.telegram().clone();
    let pixel_base = app.pixel_base_url();

    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .pool_max_idle_per_host(256)
        .build()
        .expect("HTTP client");
    let addresses = Arc::new(AtomicU64::new(0));

    // Background load, open loop.
    let background_done = Arc::new(AtomicU64::new(0));
    let background_failed = Arc::new(AtomicU64::new(0));
    let background_task = {
        let (client, pixel_base, done, failed, addresses) = (
            client.clone(),
            pixel_base.clone(),
            background_done.clone(),
            background_failed.clone(),
            addresses.clone(),
        );
        let agents: Vec<&'static str> = BACKGROUND_AGENTS
            .iter()
            .flat_map(|(w, ua)| std::iter::repeat_n(*ua, *w as usize))
            .collect();
        let rate = settings.background_rate;
        tokio::spawn(async move {
            let start = Instant::now();
            let mut sent = 0u64;
            loop {
                // Catch up to the schedule, then sleep a millisecond: 1,000/s needs no finer timer.
                let due = (start.elapsed().as_secs_f64() * rate) as u64;
                while sent < due {
                    let i = sent as usize;
                    let url = format!(
                        "{pixel_base}{}",
                        TestApp::pixel_path(&background[i % background.len()])
                    );
                    let ua = agents[(i.wrapping_mul(2_654_435_761)) % agents.len()];
                    let request = client
                        .get(url)
                        .header("user-agent", ua)
                        .header("x-forwarded-for", next_address(&addresses));
                    let (done, failed) = (done.clone(), failed.clone());
                    tokio::spawn(async move {
                        match request.send().await {
                            Ok(r) if r.status().is_success() => {
                                done.fetch_add(1, Ordering::Relaxed)
                            }
                            _ => failed.fetch_add(1, Ordering::Relaxed),
                        };
                    });
                    sent += 1;
                }
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
        })
    };
    tokio::time::sleep(WARM_UP).await;
    let background_from = (background_done.load(Ordering::Relaxed), Instant::now());

    // Watches the fake: the first sendMessage to each measured chat is its alert.
    let chats: HashSet<i64> = alerting.iter().map(|(_, chat)| *chat).collect();
    let received: Arc<Mutex<HashMap<i64, Instant>>> = Arc::default();
    let watcher = {
        let (fake, received) = (fake.clone(), received.clone());
        let expected = chats.len();
        tokio::spawn(async move {
            loop {
                let seen: HashSet<i64> = received.lock().await.keys().copied().collect();
                if seen.len() == expected {
                    return;
                }
                let found = fake
                    .wait_for(Duration::from_millis(200), |m| {
                        m.method == "sendMessage"
                            && chats.contains(&m.chat_id)
                            && !seen.contains(&m.chat_id)
                    })
                    .await;
                if let Some(m) = found {
                    received.lock().await.insert(m.chat_id, Instant::now());
                }
            }
        })
    };

    // The measured opens, open loop at ALERT_RATE.
    let started: Arc<Mutex<HashMap<i64, Instant>>> = Arc::default();
    let start = Instant::now();
    let mut fetches = Vec::with_capacity(alerting.len());
    for (i, (token, chat)) in alerting.iter().enumerate() {
        let due = start + Duration::from_secs_f64(i as f64 / settings.alert_rate);
        tokio::time::sleep_until(due.into()).await;
        let request = client
            .get(format!("{pixel_base}{}", TestApp::pixel_path(token)))
            .header("user-agent", GMAIL_PROXY)
            .header("x-forwarded-for", next_address(&addresses));
        let (started, chat) = (started.clone(), *chat);
        fetches.push(tokio::spawn(async move {
            let at = Instant::now();
            started.lock().await.insert(chat, at);
            let response = request.send().await.expect("pixel fetch");
            assert!(
                response.status().is_success(),
                "pixel answered {}",
                response.status()
            );
        }));
    }
    for f in fetches {
        f.await.expect("fetch task");
    }
    let _ = tokio::time::timeout(PATIENCE, watcher).await;
    let background_rate_achieved = (background_done.load(Ordering::Relaxed) - background_from.0)
        as f64
        / background_from.1.elapsed().as_secs_f64();
    background_task.abort();

    let started = started.lock().await;
    let received = received.lock().await;
    let mut latencies: Vec<f64> = started
        .iter()
        .filter_map(|(chat, at)| {
            received
                .get(chat)
                .map(|got| got.duration_since(*at).as_secs_f64() * 1000.0)
        })
        .collect();
    latencies.sort_by(f64::total_cmp);

    let split = split(&app.db).await;
    app.stop_bot().await;
    app.stop_pixel().await;

    let rejected = fake.rejected();
    if !rejected.is_empty() {
        println!(
            "the fake refused {} calls, e.g. {:?}",
            rejected.len(),
            rejected.first()
        );
    }
    let mean = latencies.iter().sum::<f64>() / latencies.len().max(1) as f64;
    println!(
        "alerts: {} of {} arrived; fetch -> sendMessage p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms, mean {:.1} ms",
        latencies.len(),
        settings.alerts,
        percentile(&latencies, 50.0),
        percentile(&latencies, 90.0),
        percentile(&latencies, 99.0),
        latencies.last().copied().unwrap_or(f64::NAN),
        mean,
    );
    println!(
        "split (from the database): fetch -> alert queued p50 {:.1} ms, p99 {:.1} ms; queued -> sent p50 {:.1} ms, p99 {:.1} ms",
        split.queued_p50, split.queued_p99, split.sent_p50, split.sent_p99
    );
    println!(
        "background: {:.0} fetches/s achieved ({} failed), target {:.0}/s; measured opens at {:.0}/s",
        background_rate_achieved,
        background_failed.load(Ordering::Relaxed),
        settings.background_rate,
        settings.alert_rate
    );
    println!(
        "RESULT p50_ms={:.1} p90_ms={:.1} p99_ms={:.1} max_ms={:.1} mean_ms={:.1} received={} expected={} \
         background_per_s={:.0} queued_p50_ms={:.1} queued_p99_ms={:.1} sent_p50_ms={:.1} sent_p99_ms={:.1}",
        percentile(&latencies, 50.0),
        percentile(&latencies, 90.0),
        percentile(&latencies, 99.0),
        latencies.last().copied().unwrap_or(f64::NAN),
        mean,
        latencies.len(),
        settings.alerts,
        background_rate_achieved,
        split.queued_p50,
        split.queued_p99,
        split.sent_p50,
        split.sent_p99,
    );
}

/// The next client address in 198.18.0.0/15, the benchmarking range: every fetch its own.
fn next_address(counter: &AtomicU64) -> String {
    let i = counter.fetch_add(1, Ordering::Relaxed) % 131_072;
    format!("198.{}.{}.{}", 18 + i / 65_536, (i / 256) % 256, i % 256)
}

/// Nearest-rank percentile of sorted values.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Seeds the measured trackers (one per chat) and the muted background trackers, and returns
/// (token, chat id) of the measured ones and the tokens of the background ones.
async fn seed(db: &TestDb, alerts: usize) -> (Vec<(String, i64)>, Vec<String>) {
    // In scope here only: `RunQueryDsl::load` would shadow `AtomicU64::load` elsewhere.
    use diesel_async::{RunQueryDsl, SimpleAsyncConnection};
    let mut conn = db.conn().await;
    let per_owner = 100;
    conn.batch_execute(&format!(
        "INSERT INTO accounts (platform, chat_id, trackers_created)
             SELECT 'telegram', ({ALERT_CHAT_BASE} + c)::text, 1 FROM generate_series(1, {alerts}) c;
         INSERT INTO accounts (platform, chat_id, trackers_created)
             SELECT 'telegram', ({BACKGROUND_CHAT_BASE} + c)::text, {per_owner}
             FROM generate_series(1, {owners}) c;
         INSERT INTO trackers (account_id, number, token, copy_token, label, muted, created_at)
             SELECT a.id, n, gen_random_uuid(), gen_random_uuid(), 'Proposal ' || n, a.chat_id::bigint > {BACKGROUND_CHAT_BASE},
                    now() - interval '1 day'
             FROM accounts a CROSS JOIN LATERAL generate_series(1, a.trackers_created) n",
        owners = BACKGROUND_TRACKERS / per_owner,
    ))
    .await
    .expect("seeding trackers");
    // VACUUM refuses to run inside the implicit transaction of a multi-statement string.
    for table in ["accounts", "trackers"] {
        conn.batch_execute(&format!("VACUUM ANALYZE {table}"))
            .await
            .expect("vacuum");
    }
    let rows: Vec<SeededTracker> = diesel::sql_query(
        "SELECT replace(t.token::text, '-', '') AS token, a.chat_id FROM trackers t JOIN accounts a ON a.id = t.account_id ORDER BY t.id",
    )
    .load(&mut conn)
    .await
    .expect("loading tokens");
    let mut alerting = Vec::new();
    let mut background = Vec::new();
    for r in rows {
        let chat: i64 = r.chat_id.parse().expect("numeric chat id");
        if chat > BACKGROUND_CHAT_BASE {
            background.push(r.token);
        } else {
            alerting.push((r.token, chat));
        }
    }
    (alerting, background)
}

/// Where the time goes, from the database's clocks: the open's `opened_at` (stamped by the
/// pixel handler), the alert's `created_at` (the writer's transaction) and `finished_at`.
async fn split(db: &TestDb) -> Split {
    use diesel_async::RunQueryDsl;
    let mut conn = db.conn().await;
    diesel::sql_query(
        "WITH s AS (
             SELECT extract(epoch FROM al.created_at - o.opened_at) * 1000 AS queued,
                    extract(epoch FROM al.finished_at - al.created_at) * 1000 AS sent
             FROM alerts al JOIN opens o ON o.id = al.open_id
             WHERE al.outcome = 'sent')
         SELECT COALESCE(percentile_cont(0.5) WITHIN GROUP (ORDER BY queued), 'NaN')::float8 AS queued_p50,
                COALESCE(percentile_cont(0.99) WITHIN GROUP (ORDER BY queued), 'NaN')::float8 AS queued_p99,
                COALESCE(percentile_cont(0.5) WITHIN GROUP (ORDER BY sent), 'NaN')::float8 AS sent_p50,
                COALESCE(percentile_cont(0.99) WITHIN GROUP (ORDER BY sent), 'NaN')::float8 AS sent_p99
         FROM s",
    )
    .get_result(&mut conn)
    .await
    .expect("alert timings")
}
