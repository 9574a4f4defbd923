//! Fault drills: the real `mailping-pixel-server` and `mailping-bot` binaries, started as child
//! processes against a fresh Postgres database (the test harness's `TestDb`) and the in-process
//! fake Telegram, are put through the failures production will see: a database outage, SIGTERM
//! and SIGKILL under load, a chat API that throttles, refuses and fails, and replicas sharing
//! one database. Each scenario checks a guarantee and fails with the numbers when it breaks.
//!
//! Run `tests/faults/run [scenario|all]`, which builds the binaries first; tests/faults/README.md
//! says what each scenario promises and why. The binaries are taken from the directory this
//! program was built into (`target/<profile>/`), or from `FAULTS_BIN_DIR`. Each scenario's process
//! logs go to `<FAULTS_LOG_DIR>/<scenario>/<process>.log`.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::os::unix::process::ExitStatusExt as _;
use std::path::{Path, PathBuf};
use std::process::{ExitCode, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail, ensure};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use mailping_pixel_server::gif::TRANSPARENT_GIF;
use mailping_shared::schema::{accounts, alerts, trackers};
use mailping_tests::fake_telegram::{Failure, FakeTelegram, Limits, SentMessage};
use mailping_tests::replicated_pg::{ReplicatedPg, Replication};
use mailping_tests::seed;
use mailping_tests::test_db::TestDb;
use tokio::process::{Child, Command};

const SCENARIOS: &[(&str, &str)] = &[
    (
        "postgres-outage",
        "pixels keep answering through a 10 s database outage; every open is written",
    ),
    (
        "sigterm",
        "SIGTERM under load exits 0 after writing every accepted open",
    ),
    (
        "kill9",
        "SIGKILL under load loses at most the unwritten tail",
    ),
    (
        "bot-kill9",
        "a bot killed mid-send repeats at most one alert and loses none",
    ),
    (
        "chat-api-trouble",
        "429 is honoured, 403 stops a chat's alerts, 5xx is retried",
    ),
    (
        "replicas",
        "two pixel servers and two bots: no open or alert lost or doubled",
    ),
    (
        "reminder",
        "a one-minute reminder set through Telegram arrives once, on time, from the real binaries",
    ),
    (
        "outage-kill9",
        "kill -9 in the middle of a database outage loses at most one spill group",
    ),
    (
        "outage-memory",
        "thousands of fetches with huge User-Agents during an outage keep memory bounded",
    ),
    (
        "slow-clients",
        "10,000 slow sockets starve no real request, and SIGTERM ends within its deadline",
    ),
    (
        "failover",
        "the primary killed and its standby promoted under load: no open or alert lost or doubled",
    ),
];

const GMAIL: &str =
    "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";
const THUNDERBIRD: &str =
    "Mozilla/5.0 (X11; Linux x86_64; rv:24.0) Gecko/20100101 Thunderbird/24.4.0 Lightning/2.6.4";
const OUTLOOK: &str = "Outlook-iOS/709.2042344.prod.iphone (3.21.0)";

/// Concurrent load workers; the rate is `FAULTS_RATE` fetches per second overall.
const LOAD_WORKERS: usize = 16;
const DEFAULT_RATE: u32 = 400;
/// Muted trackers the background load is spread over: each fetch is an open, none alerts.
const LOAD_TRACKERS: usize = 50;
/// The bots' settings, as in the in-process tests: fast sweeps, short leases.
const ALERT_SWEEP_SECS: u64 = 1;
const ALERT_LEASE_SECS: u64 = 2;
/// Long enough for an expired lease to be swept and re-sent: a repeat would show by then.
const SETTLE: Duration = Duration::from_secs(ALERT_LEASE_SECS + ALERT_SWEEP_SECS + 1);
/// How late bot-kill9's first bot hears that Telegram took a message.
const SLOW_SEND: Duration = Duration::from_millis(500);
const START_TIMEOUT: Duration = Duration::from_secs(30);
/// The pixel server's shutdown flush gives up after 30 s (SHUTDOWN_FLUSH_SECS); a bit more.
const EXIT_TIMEOUT: Duration = Duration::from_secs(40);
/// How long a bot gets to stop after SIGTERM, as `docker stop` gives it.
const BOT_STOP_TIMEOUT: Duration = Duration::from_secs(10);
/// kill9's loss bound, in seconds of accepted traffic before the kill (see the README).
const KILL9_WINDOW: Duration = Duration::from_secs(1);

/// Where the binaries are, where logs go, and how hard to load.
struct Ctx {
    bin_dir: PathBuf,
    log_dir: PathBuf,
    rate: u32,
}

/// Key numbers of a passed scenario, for the summary.
type Numbers = Vec<(&'static str, String)>;

#[tokio::main]
async fn main() -> ExitCode {
    let arg = std::env::args().nth(1).unwrap_or_else(|| "all".to_owned());
    let names: Vec<&str> = if arg == "all" {
        SCENARIOS.iter().map(|(n, _)| *n).collect()
    } else if let Some((n, _)) = SCENARIOS.iter().find(|(n, _)| *n == arg) {
        vec![*n]
    } else {
        eprintln!("unknown scenario {arg:?}; expected one of:");
        for (n, about) in SCENARIOS {
            eprintln!("  {n:<18} {about}");
        }
        eprintln!("  all");
        return ExitCode::from(2);
    };
    let ctx = match context() {
        Ok(ctx) => Arc::new(ctx),
        Err(e) => {
            eprintln!("faults: {e:#}");
            return ExitCode::from(2);
        }
    };
    println!(
        "binaries: {}\nlogs:     {}\nload:     {} fetches/s over {LOAD_WORKERS} workers",
        ctx.bin_dir.display(),
        ctx.log_dir.display(),
        ctx.rate
    );

    let mut results = Vec::new();
    for name in names {
        println!("\n=== {name}");
        let dir = ctx.log_dir.join(name);
        let started = Instant::now();
        let outcome = match std::fs::create_dir_all(&dir) {
            Err(e) => Err(anyhow::anyhow!("creating {}: {e}", dir.display())),
            // A task of its own, so that a panic (say, Postgres unreachable) fails this
            // scenario with its message instead of ending the run.
            Ok(()) => {
                let task = tokio::spawn(run(name, ctx.clone(), dir.clone()));
                tokio::select! {
                    joined = task => match joined {
                        Ok(outcome) => outcome,
                        Err(e) => Err(anyhow::anyhow!("the scenario panicked: {e}")),
                    },
                    // Returning drops the runtime and with it every child (`kill_on_drop`).
                    _ = tokio::signal::ctrl_c() => {
                        println!("interrupted; logs: {}", dir.display());
                        return ExitCode::from(130);
                    }
                }
            }
        };
        let took = started.elapsed();
        match &outcome {
            Ok(numbers) => println!(
                "PASS {name} in {:.1} s: {}",
                took.as_secs_f64(),
                join(numbers)
            ),
            Err(e) => {
                println!("FAIL {name} in {:.1} s\n{e:#}", took.as_secs_f64());
                print_log_tails(&dir);
                println!("logs: {}", dir.display());
            }
        }
        results.push((name, took, outcome));
    }

    println!(
        "\n{:<18} {:<6} {:>7}  key numbers",
        "scenario", "result", "time"
    );
    for (name, took, outcome) in &results {
        let (result, numbers) = match outcome {
            Ok(n) => ("pass", join(n)),
            Err(e) => (
                "FAIL",
                e.to_string().lines().next().unwrap_or("").to_owned(),
            ),
        };
        println!(
            "{name:<18} {result:<6} {:>6.1}s  {numbers}",
            took.as_secs_f64()
        );
    }
    if results.iter().all(|(_, _, o)| o.is_ok()) {
        ExitCode::SUCCESS
    } else {
        println!("\nlogs: {}", ctx.log_dir.display());
        ExitCode::FAILURE
    }
}

fn context() -> Result<Ctx> {
    let bin_dir = match std::env::var_os("FAULTS_BIN_DIR") {
        Some(dir) => PathBuf::from(dir),
        // This program is target/<profile>/examples/faults; the services are in target/<profile>/.
        None => std::env::current_exe()
            .context("locating this program")?
            .parent()
            .and_then(Path::parent)
            .context("this program is not in target/<profile>/examples")?
            .to_owned(),
    };
    for binary in ["mailping-pixel-server", "mailping-bot"] {
        ensure!(
            bin_dir.join(binary).is_file(),
            "{} is missing: build it first (tests/faults/run does), or set FAULTS_BIN_DIR",
            bin_dir.join(binary).display()
        );
    }
    let log_dir = match std::env::var_os("FAULTS_LOG_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => std::env::temp_dir().join(format!("mailping-faults-{}", std::process::id())),
    };
    std::fs::create_dir_all(&log_dir).with_context(|| format!("creating {}", log_dir.display()))?;
    let rate = match std::env::var("FAULTS_RATE") {
        Ok(v) => v
            .parse()
            .ok()
            .filter(|r| *r > 0)
            .context("FAULTS_RATE must be a positive number of fetches per second")?,
        Err(_) => DEFAULT_RATE,
    };
    Ok(Ctx {
        bin_dir,
        log_dir,
        rate,
    })
}

async fn run(name: &'static str, ctx: Arc<Ctx>, dir: PathBuf) -> Result<Numbers> {
    match name {
        "postgres-outage" => postgres_outage(&ctx, &dir).await,
        "sigterm" => sigterm(&ctx, &dir).await,
        "kill9" => kill9(&ctx, &dir).await,
        "bot-kill9" => bot_kill9(&ctx, &dir).await,
        "chat-api-trouble" => chat_api_trouble(&ctx, &dir).await,
        "replicas" => replicas(&ctx, &dir).await,
        "reminder" => reminder(&ctx, &dir).await,
        "outage-kill9" => outage_kill9(&ctx, &dir).await,
        "outage-memory" => outage_memory(&ctx, &dir).await,
        "slow-clients" => slow_clients(&ctx, &dir).await,
        "failover" => failover(&ctx, &dir).await,
        other => bail!("no scenario {other}"),
    }
}

fn join(numbers: &Numbers) -> String {
    numbers
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------------------------
// Scenarios

/// A per-database outage (`TestDb::set_reachable`): new connections are refused and open ones
/// are killed, exactly what the services see when Postgres goes away, while the shared server
/// keeps serving every other database.
async fn postgres_outage(ctx: &Ctx, dir: &Path) -> Result<Numbers> {
    const BEFORE: Duration = Duration::from_secs(2);
    const OUTAGE: Duration = Duration::from_secs(10);
    const AFTER: Duration = Duration::from_secs(3);
    let db = TestDb::new().await;
    let tokens = load_trackers(&db).await;
    let mut pixel = Service::pixel(ctx, dir, "pixel", &db).await?;
    let phase = Arc::new(AtomicU8::new(0));
    let load = Load::start(vec![pixel.base_url()], tokens, ctx.rate, phase.clone());

    tokio::time::sleep(BEFORE).await;
    let mut admin = db.admin_conn().await;
    db.set_reachable(&mut admin, false).await;
    phase.store(1, Ordering::SeqCst);
    tokio::time::sleep(Duration::from_secs(1)).await;
    let ready = readyz(&pixel.base_url()).await;
    tokio::time::sleep(OUTAGE - Duration::from_secs(1)).await;
    db.set_reachable(&mut admin, true).await;
    phase.store(2, Ordering::SeqCst);
    tokio::time::sleep(AFTER).await;
    let report = load.stop().await;

    let written_before_stop = open_rows(&db).await;
    let stopping = Instant::now();
    pixel.terminate().await?;
    let status = pixel.wait(EXIT_TIMEOUT).await?;
    let shutdown = stopping.elapsed();
    let rows = open_rows(&db).await;

    let (outage_ok, outage_failed) = report.in_phase(1);
    ensure!(
        report.failed() == 0,
        "guarantee broken: every pixel fetch is answered with the GIF, database or not\n\
         {} of {} fetches failed ({outage_failed} of {} during the outage); first errors: {:?}",
        report.failed(),
        report.total(),
        outage_ok + outage_failed,
        report.errors
    );
    ensure!(
        status.code() == Some(0),
        "guarantee broken: SIGTERM after an outage exits 0; the pixel server ended with {}",
        describe(status)
    );
    ensure!(
        rows == report.accepted(),
        "guarantee broken: every accepted open is written once the database is back\n\
         rows in opens {rows} != accepted fetches {} ({} {})",
        report.accepted(),
        (rows - report.accepted()).abs(),
        if rows < report.accepted() {
            "lost"
        } else {
            "written twice"
        }
    );
    Ok(vec![
        ("accepted", report.accepted().to_string()),
        ("during_outage", outage_ok.to_string()),
        ("rows", rows.to_string()),
        ("flushed_at_stop", (rows - written_before_stop).to_string()),
        ("shutdown", secs(shutdown)),
        ("readyz_in_outage", ready.to_string()),
    ])
}

async fn sigterm(ctx: &Ctx, dir: &Path) -> Result<Numbers> {
    let db = TestDb::new().await;
    let tokens = load_trackers(&db).await;
    let mut pixel = Service::pixel(ctx, dir, "pixel", &db).await?;
    let load = Load::start(
        vec![pixel.base_url()],
        tokens,
        ctx.rate,
        Arc::new(AtomicU8::new(0)),
    );
    tokio::time::sleep(Duration::from_secs(3)).await;
    let stopping = Instant::now();
    pixel.terminate().await?;
    // The load keeps coming while the server stops, as it would behind a load balancer.
    let status = pixel.wait(EXIT_TIMEOUT).await?;
    let shutdown = stopping.elapsed();
    let report = load.stop().await;
    let rows = open_rows(&db).await;

    ensure!(
        status.code() == Some(0),
        "guarantee broken: SIGTERM under load exits 0; the pixel server ended with {}",
        describe(status)
    );
    ensure!(
        rows == report.accepted(),
        "guarantee broken: after SIGTERM every accepted open is written, and only once\n\
         rows in opens {rows} != accepted fetches {}",
        report.accepted()
    );
    ensure!(
        report.accepted() > 0,
        "the load got no fetch accepted: nothing was tested"
    );
    Ok(vec![
        ("accepted", report.accepted().to_string()),
        ("rows", rows.to_string()),
        ("refused_while_stopping", report.failed().to_string()),
        ("shutdown", secs(shutdown)),
    ])
}

async fn kill9(ctx: &Ctx, dir: &Path) -> Result<Numbers> {
    let db = TestDb::new().await;
    let tokens = load_trackers(&db).await;
    let mut pixel = Service::pixel(ctx, dir, "pixel", &db).await?;
    let load = Load::start(
        vec![pixel.base_url()],
        tokens,
        ctx.rate,
        Arc::new(AtomicU8::new(0)),
    );
    tokio::time::sleep(Duration::from_secs(3)).await;
    let killed_at = Instant::now();
    pixel.kill9()?;
    let status = pixel.wait(EXIT_TIMEOUT).await?;
    let report = load.stop().await;
    // A COMMIT already sent when the process died still lands: wait for its backends to go.
    let mut admin = db.admin_conn().await;
    let lingering = wait_for_no_backends(&mut admin, db.name(), Duration::from_secs(10)).await;
    let rows = open_rows(&db).await;

    let accepted = report.accepted();
    let lost = accepted - rows;
    let window = report.accepted_between(killed_at - KILL9_WINDOW, killed_at);
    let unanswered = report.failed();
    println!(
        "kill9: accepted {accepted}, rows {rows}, lost {lost} (bound: {window} = fetches accepted in the {} s before the kill)",
        KILL9_WINDOW.as_secs()
    );
    ensure!(
        status.signal() == Some(9),
        "the pixel server was not killed by SIGKILL: {}",
        describe(status)
    );
    ensure!(
        lingering == 0,
        "{lingering} database sessions of the killed server still open after 10 s"
    );
    // A fetch whose response died with the process may still have been written: those are
    // the only rows that no accepted fetch accounts for.
    ensure!(
        rows <= accepted + unanswered,
        "guarantee broken: nothing is written twice\n\
         rows {rows} > accepted {accepted} + unanswered at the kill {unanswered}"
    );
    ensure!(
        lost <= window,
        "guarantee broken: SIGKILL loses at most the unwritten tail (the batch being written \
         and the queue behind it)\nlost {lost} > {window}, the fetches accepted in the last {} s \
         before the kill",
        KILL9_WINDOW.as_secs()
    );
    Ok(vec![
        ("accepted", accepted.to_string()),
        ("rows", rows.to_string()),
        ("lost", lost.to_string()),
        ("bound", window.to_string()),
        ("unanswered", unanswered.to_string()),
    ])
}

async fn bot_kill9(ctx: &Ctx, dir: &Path) -> Result<Numbers> {
    const CHATS: i64 = 30;
    let db = TestDb::new().await;
    let fake = FakeTelegram::start().await;
    // The drills predate the fake's flood limits and inject their own 429s.
    fake.set_limits(Limits::none());
    let chats: Vec<i64> = (5000..5000 + CHATS).collect();
    let tokens: Vec<String> = chat_trackers(&db, &chats)
        .await
        .into_iter()
        .map(|(_, token)| token)
        .collect();
    let mut pixel = Service::pixel(ctx, dir, "pixel", &db).await?;
    // Every alert is in the outbox before the first bot starts, so it can claim as many at
    // once as it likes.
    let client = client();
    let fetched = fetch_all(
        &client,
        tokens
            .iter()
            .map(|t| (pixel.base_url(), t.clone(), GMAIL))
            .collect(),
    )
    .await;
    ensure!(
        fetched.iter().all(|ok| *ok),
        "a Gmail fetch was not answered with the GIF"
    );
    ensure!(
        wait_until_async(Duration::from_secs(10), || async {
            pending_alerts(&db).await == CHATS
        })
        .await,
        "the pixel server did not queue {CHATS} alerts within 10 s"
    );
    // The first bot hears back from Telegram only after a delay, so the kill below always
    // lands between an accepted send and its mark: the one crash that repeats an alert.
    let slow = SlowBotApi::start(fake.api_url(), SLOW_SEND).await?;
    let mut bot = Service::bot(ctx, dir, "bot-1", &db, &slow.api_url()).await?;

    // Kill it the moment the first alert lands: it still waits for Telegram's answer to that
    // one, and the other alerts wait in the outbox.
    fake.wait_for(Duration::from_secs(20), is_alert)
        .await
        .context("no alert arrived within 20 s of the fetches")?;
    bot.kill9()?;
    let status = bot.wait(EXIT_TIMEOUT).await?;
    ensure!(
        status.signal() == Some(9),
        "the bot was not killed by SIGKILL: {}",
        describe(status)
    );
    let before_kill = alerts_per_chat(&fake).values().sum::<usize>();

    let restarted = Instant::now();
    let mut bot = Service::bot(ctx, dir, "bot-2", &db, fake.api_url().as_str()).await?;
    let all_in = wait_until(Duration::from_secs(30), || {
        let per_chat = alerts_per_chat(&fake);
        chats
            .iter()
            .all(|c| per_chat.get(c).copied().unwrap_or(0) >= 1)
    })
    .await;
    let completed = restarted.elapsed();
    tokio::time::sleep(SETTLE).await;
    let per_chat = alerts_per_chat(&fake);
    let missing: Vec<i64> = chats
        .iter()
        .copied()
        .filter(|c| !per_chat.contains_key(c))
        .collect();
    let repeated: Vec<(i64, usize)> = chats
        .iter()
        .filter_map(|c| per_chat.get(c).map(|n| (*c, *n)))
        .filter(|(_, n)| *n > 1)
        .collect();
    let pending = pending_alerts(&db).await;
    if repeated.is_empty() {
        println!("bot-kill9: note: no alert was repeated, so the kill caught no send in flight");
    }

    ensure!(
        all_in && missing.is_empty(),
        "guarantee broken: a crashed bot loses no alert\n\
         {} of {CHATS} chats never got their alert within 30 s of the restart: {missing:?}; {pending} alerts still pending",
        missing.len()
    );
    ensure!(
        repeated.iter().all(|(_, n)| *n <= 2) && repeated.len() <= 1,
        "guarantee broken: a crash repeats at most the one alert being sent\n\
         repeated (chat, alerts): {repeated:?}"
    );
    ensure!(
        pending == 0,
        "{pending} alerts are still pending after every chat got one"
    );
    let bot_hung = bot.stop_bot().await?;
    pixel.terminate().await?;
    let pixel_status = pixel.wait(EXIT_TIMEOUT).await?;
    ensure!(
        pixel_status.code() == Some(0),
        "SIGTERM did not exit 0: the pixel server ended with {}",
        describe(pixel_status)
    );
    let mut numbers = vec![
        ("chats", CHATS.to_string()),
        ("sent_before_kill", before_kill.to_string()),
        ("repeats", repeated.len().to_string()),
        ("all_in_after_restart", secs(completed)),
    ];
    if bot_hung {
        numbers.push(("bot_stop_hung", "1".to_owned()));
    }
    Ok(numbers)
}

/// The shortest reminder, on the real clock, as a new user would try it.
async fn reminder(ctx: &Ctx, dir: &Path) -> Result<Numbers> {
    const CHAT: i64 = 9100;
    let db = TestDb::new().await;
    let fake = FakeTelegram::start().await;
    // The drills predate the fake's flood limits and inject their own 429s.
    fake.set_limits(Limits::none());
    let mut pixel = Service::pixel(ctx, dir, "pixel", &db).await?;
    let mut bot = Service::bot(ctx, dir, "bot", &db, fake.api_url().as_str()).await?;
    let is_reminder = |m: &SentMessage| m.text.starts_with("⏰ No confirmed read");

    fake.send_text(CHAT, "/track Proposal to ACME");
    fake.wait_for(Duration::from_secs(20), |m| {
        m.text.contains("Tracker #1 created")
    })
    .await
    .context("no answer to /track within 20 s")?;
    fake.send_text(CHAT, "/remind 1 1m");
    let set = fake
        .wait_for(Duration::from_secs(20), |m| m.text.contains("In 1 minute"))
        .await
        .context("no answer to /remind within 20 s")?;
    let asked = Instant::now();
    let arrived = fake
        .wait_for(Duration::from_secs(120), is_reminder)
        .await
        .context("the one-minute reminder did not arrive within 2 minutes")?;
    let after = asked.elapsed();
    tokio::time::sleep(SETTLE).await;
    let sent = fake.sent().iter().filter(|m| is_reminder(m)).count();
    ensure!(
        after >= Duration::from_secs(55),
        "the reminder came after {after:?}, before its minute was up ({})",
        set.text
    );
    ensure!(
        after <= Duration::from_secs(60 + 2 * ALERT_SWEEP_SECS + 5),
        "the reminder came {after:?} after it was set: more than a sweep late"
    );
    ensure!(
        sent == 1,
        "guarantee broken: one reminder, sent {sent} times"
    );
    ensure!(
        arrived.text.contains("after 1 minute"),
        "unexpected wording: {}",
        arrived.text
    );
    bot.stop_bot().await?;
    pixel.terminate().await?;
    pixel.wait(EXIT_TIMEOUT).await?;
    Ok(vec![
        ("arrived_after", secs(after)),
        ("sent", sent.to_string()),
    ])
}

async fn chat_api_trouble(ctx: &Ctx, dir: &Path) -> Result<Numbers> {
    /// Chats in the 429 flood; the fake answers 429 to as many sends as there are alerts.
    const FLOODED: i64 = 10;
    const RETRY_AFTER: u32 = 2;
    let db = TestDb::new().await;
    let fake = FakeTelegram::start().await;
    // The drills predate the fake's flood limits and inject their own 429s.
    fake.set_limits(Limits::none());
    let flooded: Vec<i64> = (6000..6000 + FLOODED).collect();
    let (blocked, failing, behind) = (6100, 6200, 6201);
    let mut all_chats = flooded.clone();
    all_chats.extend([blocked, failing, behind]);
    let tokens: HashMap<i64, String> = all_chats
        .iter()
        .copied()
        .zip(
            chat_trackers(&db, &all_chats)
                .await
                .into_iter()
                .map(|(_, t)| t),
        )
        .collect();
    let mut pixel = Service::pixel(ctx, dir, "pixel", &db).await?;
    let mut bot = Service::bot(ctx, dir, "bot", &db, fake.api_url().as_str()).await?;
    let client = client();
    let base = pixel.base_url();
    let mut numbers = Numbers::new();

    // 429: one per alert. retry_after (2 s) is longer than the dispatcher's own first backoff
    // (1 s). Each 429 pauses only its own chat (issue 13: Telegram limits per chat), so every
    // flooded chat waits out its own retry_after, the chats in parallel: about 2 s in all, and
    // one doomed call per 429.
    for _ in 0..FLOODED {
        fake.fail_next(
            "sendMessage",
            None,
            Failure::TooManyRequests {
                retry_after: RETRY_AFTER,
            },
        );
    }
    let calls_before = fake.call_count("sendMessage");
    let fetched_at = Instant::now();
    let fetched = fetch_all(
        &client,
        flooded
            .iter()
            .map(|c| (base.clone(), tokens[c].clone(), GMAIL))
            .collect(),
    )
    .await;
    ensure!(
        fetched.iter().all(|ok| *ok),
        "a Gmail fetch was not answered with the GIF"
    );
    let mut first_alert = None;
    let flood_lasts = Duration::from_secs(FLOODED as u64 * u64::from(RETRY_AFTER));
    let delivered = wait_until(flood_lasts + Duration::from_secs(10), || {
        let per_chat = alerts_per_chat(&fake);
        if first_alert.is_none() && flooded.iter().any(|c| per_chat.contains_key(c)) {
            first_alert = Some(fetched_at.elapsed());
        }
        flooded.iter().all(|c| per_chat.contains_key(c))
    })
    .await;
    let flood_done = fetched_at.elapsed();
    tokio::time::sleep(SETTLE).await;
    let per_chat = alerts_per_chat(&fake);
    let calls = fake.call_count("sendMessage") - calls_before;
    let wrong: Vec<(i64, usize)> = flooded
        .iter()
        .map(|c| (*c, per_chat.get(c).copied().unwrap_or(0)))
        .filter(|(_, n)| *n != 1)
        .collect();
    ensure!(
        delivered && wrong.is_empty(),
        "guarantee broken: a 429 flood drops no alert and sends none twice\n\
         chats without exactly one alert (chat, alerts): {wrong:?}; sendMessage calls {calls}"
    );
    let earliest = first_alert.unwrap_or(flood_done);
    // Every flooded chat's first send is answered with a 429, so no alert can arrive before
    // its chat has waited out retry_after.
    let held = Duration::from_secs(u64::from(RETRY_AFTER));
    ensure!(
        earliest + Duration::from_millis(200) >= held,
        "guarantee broken: retry_after is honoured\n\
         the first alert arrived {} after the fetches, but each chat's 429 with \
         retry_after={RETRY_AFTER} must hold its alert back {} s",
        secs(earliest),
        held.as_secs()
    );
    ensure!(
        calls == 2 * FLOODED as usize,
        "guarantee broken: no retry storm under 429\n\
         {calls} sendMessage calls for {FLOODED} alerts and {FLOODED} planned 429s (expected {})",
        2 * FLOODED
    );
    numbers.push(("flood_429s", FLOODED.to_string()));
    numbers.push(("first_alert", secs(earliest)));
    numbers.push(("all_alerts", secs(flood_done)));

    // 403: the chat is marked blocked after one call, and later opens cost no call at all.
    fake.block_chat(blocked);
    let calls_before = fake.call_count("sendMessage");
    ensure!(
        fetch_pixel(&client, &base, &tokens[&blocked], GMAIL).await,
        "a fetch was not answered with the GIF"
    );
    let marked = wait_until_async(Duration::from_secs(10), || account_blocked(&db, blocked)).await;
    ensure!(
        marked,
        "guarantee broken: a 403 stops alerts for that chat\n\
         the account was not marked blocked within 10 s; sendMessage calls since: {}",
        fake.call_count("sendMessage") - calls_before
    );
    for ua in [THUNDERBIRD, OUTLOOK] {
        ensure!(
            fetch_pixel(&client, &base, &tokens[&blocked], ua).await,
            "a fetch was not answered with the GIF"
        );
    }
    tokio::time::sleep(SETTLE).await;
    let calls = fake.call_count("sendMessage") - calls_before;
    let pending = pending_alerts(&db).await;
    ensure!(
        calls == 1 && pending == 0,
        "guarantee broken: a blocked chat is called once, then never again (no retry storm)\n\
         sendMessage calls {calls} (expected 1), pending alerts {pending} (expected 0)"
    );
    numbers.push(("blocked_calls", calls.to_string()));

    // 5xx: teloxide waits 10 s before reading it; the alert is retried and arrives once. An
    // alert queued behind it waits too: the dispatcher sends one alert at a time.
    fake.fail_next("sendMessage", Some(failing), Failure::ServerError);
    let calls_before = fake.call_count("sendMessage");
    let fetched_at = Instant::now();
    ensure!(
        fetch_pixel(&client, &base, &tokens[&failing], GMAIL).await,
        "a fetch was not answered with the GIF"
    );
    ensure!(
        wait_until(Duration::from_secs(10), || fake.call_count("sendMessage")
            > calls_before)
        .await,
        "the alert for the 5xx chat was never attempted"
    );
    let behind_at = Instant::now();
    ensure!(
        fetch_pixel(&client, &base, &tokens[&behind], GMAIL).await,
        "a fetch was not answered with the GIF"
    );
    let mut behind_took = None;
    let arrived = wait_until(Duration::from_secs(25), || {
        let per_chat = alerts_per_chat(&fake);
        if behind_took.is_none() && per_chat.contains_key(&behind) {
            behind_took = Some(behind_at.elapsed());
        }
        per_chat.contains_key(&failing) && per_chat.contains_key(&behind)
    })
    .await;
    let failing_took = fetched_at.elapsed();
    tokio::time::sleep(SETTLE).await;
    let per_chat = alerts_per_chat(&fake);
    ensure!(
        arrived
            && per_chat.get(&failing) == Some(&1)
            && per_chat.get(&behind) == Some(&1)
            && failing_took <= Duration::from_secs(20),
        "guarantee broken: after a 5xx the alert is retried and arrives once, within 20 s\n\
         alerts: 5xx chat {:?}, chat behind it {:?}; waited {}",
        per_chat.get(&failing),
        per_chat.get(&behind),
        secs(failing_took)
    );
    numbers.push(("after_5xx", secs(failing_took)));
    numbers.push(("behind_5xx", secs(behind_took.unwrap_or(failing_took))));

    let bot_hung = bot.stop_bot().await?;
    pixel.terminate().await?;
    let pixel_status = pixel.wait(EXIT_TIMEOUT).await?;
    ensure!(
        pixel_status.code() == Some(0),
        "SIGTERM did not exit 0: the pixel server ended with {}",
        describe(pixel_status)
    );
    if bot_hung {
        numbers.push(("bot_stop_hung", "1".to_owned()));
    }
    Ok(numbers)
}

async fn replicas(ctx: &Ctx, dir: &Path) -> Result<Numbers> {
    const CHATS: i64 = 40;
    const TWINS: i64 = 10;
    let db = TestDb::new().await;
    let fake = FakeTelegram::start().await;
    // The drills predate the fake's flood limits and inject their own 429s.
    fake.set_limits(Limits::none());
    let chats: Vec<i64> = (7000..7000 + CHATS).collect();
    let gmail_tokens: Vec<String> = chat_trackers(&db, &chats)
        .await
        .into_iter()
        .map(|(_, token)| token)
        .collect();
    // Trackers that one client fetches twice at the same moment: through both pixel servers,
    // and (the control) twice through the same one.
    let twins = chat_trackers(&db, &(7100..7100 + TWINS).collect::<Vec<_>>()).await;
    let control = chat_trackers(&db, &(7200..7200 + TWINS).collect::<Vec<_>>()).await;
    let load_tokens = load_trackers(&db).await;
    let mut pixels = [
        Service::pixel(ctx, dir, "pixel-a", &db).await?,
        Service::pixel(ctx, dir, "pixel-b", &db).await?,
    ];
    let mut bots = [
        Service::bot(ctx, dir, "bot-a", &db, fake.api_url().as_str()).await?,
        Service::bot(ctx, dir, "bot-b", &db, fake.api_url().as_str()).await?,
    ];
    let bases: Vec<String> = pixels.iter().map(Service::base_url).collect();
    let load = Load::start(
        bases.clone(),
        load_tokens,
        ctx.rate,
        Arc::new(AtomicU8::new(0)),
    );
    tokio::time::sleep(Duration::from_secs(1)).await;

    let client = client();
    let fetched = fetch_all(
        &client,
        gmail_tokens
            .iter()
            .enumerate()
            .map(|(i, t)| (bases[i % 2].clone(), t.clone(), GMAIL))
            .collect(),
    )
    .await;
    let gmail_accepted = fetched.iter().filter(|ok| **ok).count() as i64;
    ensure!(
        gmail_accepted == CHATS,
        "only {gmail_accepted} of {CHATS} Gmail fetches were answered with the GIF"
    );
    let twin_fetched = fetch_all(
        &client,
        twins
            .iter()
            .flat_map(|(_, t)| bases.iter().map(|b| (b.clone(), t.clone(), THUNDERBIRD)))
            .chain(
                control
                    .iter()
                    .flat_map(|(_, t)| [0, 0].map(|_| (bases[0].clone(), t.clone(), THUNDERBIRD))),
            )
            .collect(),
    )
    .await;
    let twin_accepted = twin_fetched.iter().filter(|ok| **ok).count() as i64;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let report = load.stop().await;
    let all_in = wait_until(Duration::from_secs(30), || {
        let per_chat = alerts_per_chat(&fake);
        chats.iter().all(|c| per_chat.contains_key(c))
    })
    .await;
    tokio::time::sleep(SETTLE).await;

    let mut statuses = Vec::new();
    for pixel in &pixels {
        pixel.terminate().await?;
    }
    for pixel in &mut pixels {
        let status = pixel.wait(EXIT_TIMEOUT).await?;
        statuses.push((pixel.name.clone(), status));
    }
    let mut bots_hung = 0;
    for bot in &mut bots {
        bots_hung += usize::from(bot.stop_bot().await?);
    }
    let rows = open_rows(&db).await;
    let accepted = report.accepted() + gmail_accepted + twin_accepted;
    // On one server the second fetch of a pair is a `duplicate`; count the pairs that became
    // two reads instead.
    let twin_doubled = doubled_reads(&db, &twins).await;
    let control_doubled = doubled_reads(&db, &control).await;
    let per_chat = alerts_per_chat(&fake);
    let wrong: Vec<(i64, usize)> = chats
        .iter()
        .map(|c| (*c, per_chat.get(c).copied().unwrap_or(0)))
        .filter(|(_, n)| *n != 1)
        .collect();
    let calls = fake.call_count("sendMessage");

    ensure!(
        report.failed() == 0,
        "guarantee broken: every pixel fetch is answered with the GIF\n\
         {} of {} fetches failed; first errors: {:?}",
        report.failed(),
        report.total(),
        report.errors
    );
    ensure!(
        rows == accepted,
        "guarantee broken: two pixel servers on one database neither lose nor double an open\n\
         rows in opens {rows} != accepted fetches {accepted}"
    );
    ensure!(
        all_in && wrong.is_empty(),
        "guarantee broken: two bots on one database send every alert exactly once\n\
         chats without exactly one alert (chat, alerts): {wrong:?}"
    );
    ensure!(
        twin_doubled == 0 && control_doubled == 0,
        "guarantee broken: a repeat of the same client is a duplicate, even across replicas\n\
         pairs counted as two reads: {twin_doubled}/{TWINS} through both servers, \
         {control_doubled}/{TWINS} through one"
    );
    let sent = per_chat.values().sum::<usize>();
    ensure!(
        calls == sent,
        "{calls} sendMessage calls but {sent} alerts arrived: the fake refused some ({:?})",
        fake.rejected()
    );
    let bad: Vec<String> = statuses
        .iter()
        .filter(|(_, s)| s.code() != Some(0))
        .map(|(n, s)| format!("{n}: {}", describe(*s)))
        .collect();
    ensure!(bad.is_empty(), "SIGTERM did not exit 0: {bad:?}");
    let mut numbers = vec![
        ("accepted", accepted.to_string()),
        ("rows", rows.to_string()),
        ("chats", CHATS.to_string()),
        (
            "same_client_both_servers_doubled",
            format!("{twin_doubled}/{TWINS}"),
        ),
        (
            "same_client_one_server_doubled",
            format!("{control_doubled}/{TWINS}"),
        ),
    ];
    if bots_hung > 0 {
        numbers.push(("bot_stop_hung", bots_hung.to_string()));
    }
    Ok(numbers)
}

// ---------------------------------------------------------------------------------------------
// Child processes

/// A service binary running as a child process, its output in `log`. Killed if dropped.
struct Service {
    name: String,
    log: PathBuf,
    child: Child,
    pid: u32,
    port: u16,
}

impl Service {
    async fn pixel(ctx: &Ctx, dir: &Path, name: &str, db: &TestDb) -> Result<Service> {
        Service::pixel_with(ctx, dir, name, db.url(), name, vec![]).await
    }

    /// A pixel server with `extra` settings, spilling to `<dir>/spill-<spill>`: a restarted
    /// server given the same `spill` finds what the previous one left there.
    async fn pixel_with(
        ctx: &Ctx,
        dir: &Path,
        name: &str,
        url: &str,
        spill: &str,
        extra: Vec<(&str, String)>,
    ) -> Result<Service> {
        let mut env = vec![
            ("DATABASE_URL", url.to_owned()),
            ("PIXEL_LISTEN_ADDR", "127.0.0.1:0".to_owned()),
            ("METRICS_LISTEN_ADDR", "127.0.0.1:0".to_owned()),
            (
                "SPILL_DIR",
                dir.join(format!("spill-{spill}")).display().to_string(),
            ),
            ("PUBLIC_BASE_URL", "http://127.0.0.1:1".to_owned()),
            ("SELF_GRACE_SECS", "0".to_owned()),
            // Every fetch comes from 127.0.0.1: the limits must never drop one.
            ("RATE_LIMIT_PER_CLIENT", "1000000000".to_owned()),
            ("RATE_LIMIT_PER_TOKEN", "1000000000".to_owned()),
        ];
        env.extend(extra);
        Service::start(
            ctx,
            dir,
            "mailping-pixel-server",
            name,
            env,
            "pixel server listening",
        )
        .await
    }

    /// A bot talking to the Bot API at `api_url` (the fake, or a relay in front of it).
    async fn bot(ctx: &Ctx, dir: &Path, name: &str, db: &TestDb, api_url: &str) -> Result<Service> {
        Service::bot_at(ctx, dir, name, db.url(), api_url).await
    }

    /// A bot on the database at `url`.
    async fn bot_at(
        ctx: &Ctx,
        dir: &Path,
        name: &str,
        url: &str,
        api_url: &str,
    ) -> Result<Service> {
        let env = vec![
            ("DATABASE_URL", url.to_owned()),
            ("BOT_LISTEN_ADDR", "127.0.0.1:0".to_owned()),
            ("METRICS_LISTEN_ADDR", "127.0.0.1:0".to_owned()),
            ("PUBLIC_BASE_URL", "http://127.0.0.1:1".to_owned()),
            ("TELEGRAM_BOT_TOKEN", FakeTelegram::TOKEN.to_owned()),
            ("TELEGRAM_API_URL", api_url.to_owned()),
            ("ALERT_SWEEP_SECS", ALERT_SWEEP_SECS.to_string()),
            ("ALERT_LEASE_SECS", ALERT_LEASE_SECS.to_string()),
            ("ALERT_MAX_BACKOFF_SECS", "2".to_owned()),
        ];
        Service::start(ctx, dir, "mailping-bot", name, env, "bot listening").await
    }

    /// Starts `binary` with only `env` (plus logging settings) and waits for its `ready` log
    /// line, which carries the port it listens on.
    async fn start(
        ctx: &Ctx,
        dir: &Path,
        binary: &str,
        name: &str,
        env: Vec<(&str, String)>,
        ready: &str,
    ) -> Result<Service> {
        let log = dir.join(format!("{name}.log"));
        let file =
            std::fs::File::create(&log).with_context(|| format!("creating {}", log.display()))?;
        // PRLIMIT_NOFILE (the driver's, not the service's) caps the child's file descriptors.
        let nofile = env
            .iter()
            .find(|(k, _)| *k == "PRLIMIT_NOFILE")
            .map(|(_, v)| v.clone());
        let env: Vec<(&str, String)> = env
            .into_iter()
            .filter(|(k, _)| *k != "PRLIMIT_NOFILE")
            .collect();
        let mut command = match nofile {
            // prlimit execs the binary, so the pid is the service's.
            Some(n) => {
                let mut c = Command::new("prlimit");
                c.arg(format!("--nofile={n}:{n}"))
                    .arg("--")
                    .arg(ctx.bin_dir.join(binary));
                c
            }
            None => Command::new(ctx.bin_dir.join(binary)),
        };
        let mut child = command
            // Nothing from this environment (a developer's DATABASE_URL, a real bot token)
            // leaks in; the log directory has no .env for dotenvy to find.
            .env_clear()
            .envs(env)
            .env("RUST_LOG", "info")
            .env("NO_COLOR", "1")
            .env("RUST_BACKTRACE", "1")
            .current_dir(dir)
            .stdin(Stdio::null())
            .stdout(file.try_clone()?)
            .stderr(file)
            .kill_on_drop(true)
            .spawn()
            .with_context(|| format!("starting {binary}"))?;
        let pid = child.id().context("the child has no pid")?;
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            let text = read_log(&log);
            if let Some(port) = text.lines().filter(|l| l.contains(ready)).find_map(port_in) {
                return Ok(Service {
                    name: name.to_owned(),
                    log,
                    child,
                    pid,
                    port,
                });
            }
            if let Some(status) = child.try_wait()? {
                bail!(
                    "{name} exited during start-up with {}; log {}:\n{}",
                    describe(status),
                    log.display(),
                    tail(&text, 20)
                );
            }
            ensure!(
                Instant::now() < deadline,
                "{name} did not log {ready:?} within {START_TIMEOUT:?}; log {}:\n{}",
                log.display(),
                tail(&text, 20)
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Sends SIGTERM, as `docker stop` does.
    async fn terminate(&self) -> Result<()> {
        let status = Command::new("kill")
            .arg("-TERM")
            .arg(self.pid.to_string())
            .status()
            .await
            .context("running kill -TERM")?;
        ensure!(status.success(), "kill -TERM {} failed: {status}", self.pid);
        Ok(())
    }

    /// Sends SIGKILL: no handler runs, nothing is flushed.
    fn kill9(&mut self) -> Result<()> {
        self.child
            .start_kill()
            .with_context(|| format!("SIGKILL to {}", self.name))
    }

    /// Stops a bot with SIGTERM; `true` if it hung and had to be killed. teloxide 0.17's
    /// SIGTERM must stop the bot with exit 0 within the timeout; returns whether it hung
    /// (never, now that the bot waits for its dispatch task rather than teloxide's
    /// shutdown future, which could lose its wake-up).
    async fn stop_bot(&mut self) -> Result<bool> {
        self.terminate().await?;
        match tokio::time::timeout(BOT_STOP_TIMEOUT, self.child.wait()).await {
            Ok(status) => {
                let status = status?;
                ensure!(
                    status.code() == Some(0),
                    "SIGTERM did not exit 0: {} ended with {}; log {}:\n{}",
                    self.name,
                    describe(status),
                    self.log.display(),
                    tail(&read_log(&self.log), 20)
                );
                Ok(false)
            }
            Err(_) => bail!(
                "{} did not stop within {BOT_STOP_TIMEOUT:?} of SIGTERM; log {}:\n{}",
                self.name,
                self.log.display(),
                tail(&read_log(&self.log), 20)
            ),
        }
    }

    async fn wait(&mut self, timeout: Duration) -> Result<ExitStatus> {
        match tokio::time::timeout(timeout, self.child.wait()).await {
            Ok(status) => Ok(status?),
            Err(_) => bail!(
                "{} did not exit within {timeout:?}; log {}:\n{}",
                self.name,
                self.log.display(),
                tail(&read_log(&self.log), 20)
            ),
        }
    }
}

/// The `port=N` field of a log line.
fn port_in(line: &str) -> Option<u16> {
    let rest = &line[line.find("port=")? + 5..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The log as text, without colour codes in case the subscriber ignores NO_COLOR.
fn read_log(path: &Path) -> String {
    let raw = std::fs::read_to_string(path).unwrap_or_default();
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn tail(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::new();
    for line in &lines[lines.len().saturating_sub(n)..] {
        let _ = writeln!(out, "    {line}");
    }
    out
}

fn print_log_tails(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut logs: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    logs.sort();
    for log in logs {
        println!("--- last lines of {}", log.display());
        print!("{}", tail(&read_log(&log), 15));
    }
}

fn describe(status: ExitStatus) -> String {
    match (status.code(), status.signal()) {
        (Some(code), _) => format!("exit code {code}"),
        (None, Some(signal)) => format!("signal {signal}"),
        _ => status.to_string(),
    }
}

/// Opens a spill group holds: what a crash during an outage may lose besides the fetches
/// still unanswered (pixel-server/src/recorder/writer.rs, `SPILL_GROUP`).
const SPILL_GROUP: i64 = 256;

/// A 10 s outage; 5 s into it the pixel server is killed with SIGKILL and started again on
/// the same port and spill directory, while the load and the outage go on.
async fn outage_kill9(ctx: &Ctx, dir: &Path) -> Result<Numbers> {
    const BEFORE: Duration = Duration::from_secs(2);
    const OUTAGE: Duration = Duration::from_secs(10);
    const KILL_AFTER: Duration = Duration::from_secs(5);
    const AFTER: Duration = Duration::from_secs(3);
    let db = TestDb::new().await;
    let tokens = load_trackers(&db).await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let on_port = || vec![("PIXEL_LISTEN_ADDR", format!("127.0.0.1:{port}"))];
    let mut pixel = Service::pixel_with(ctx, dir, "pixel-1", db.url(), "pixel", on_port()).await?;
    let phase = Arc::new(AtomicU8::new(0));
    let load = Load::start(vec![pixel.base_url()], tokens, ctx.rate, phase.clone());

    tokio::time::sleep(BEFORE).await;
    let mut admin = db.admin_conn().await;
    db.set_reachable(&mut admin, false).await;
    phase.store(1, Ordering::SeqCst);
    tokio::time::sleep(KILL_AFTER).await;
    pixel.kill9()?;
    let killed = pixel.wait(EXIT_TIMEOUT).await?;
    ensure!(
        killed.signal() == Some(9),
        "the pixel server was not killed by SIGKILL: {}",
        describe(killed)
    );
    let mut pixel = Service::pixel_with(ctx, dir, "pixel-2", db.url(), "pixel", on_port()).await?;
    tokio::time::sleep(OUTAGE - KILL_AFTER).await;
    db.set_reachable(&mut admin, true).await;
    phase.store(2, Ordering::SeqCst);
    tokio::time::sleep(AFTER).await;
    let report = load.stop().await;
    pixel.terminate().await?;
    let status = pixel.wait(EXIT_TIMEOUT).await?;
    let lingering = wait_for_no_backends(&mut admin, db.name(), Duration::from_secs(10)).await;
    let rows = open_rows(&db).await;

    let accepted = report.accepted();
    let (outage_ok, _) = report.in_phase(1);
    let lost = accepted - rows;
    let unanswered = report.failed();
    println!(
        "outage-kill9: accepted {accepted} ({outage_ok} during the outage), rows {rows}, lost {lost}, unanswered {unanswered}"
    );
    ensure!(
        status.code() == Some(0),
        "guarantee broken: SIGTERM after the restart exits 0; the pixel server ended with {}",
        describe(status)
    );
    ensure!(lingering == 0, "{lingering} database sessions still open");
    ensure!(
        rows <= accepted + unanswered,
        "guarantee broken: nothing is written twice\nrows {rows} > accepted {accepted} + unanswered {unanswered}"
    );
    ensure!(
        lost <= SPILL_GROUP,
        "guarantee broken: a crash during an outage loses at most one spill group\n\
         lost {lost} of {accepted} accepted ({outage_ok} during the outage); bound {SPILL_GROUP}"
    );
    Ok(vec![
        ("accepted", accepted.to_string()),
        ("during_outage", outage_ok.to_string()),
        ("rows", rows.to_string()),
        ("lost", lost.to_string()),
        ("bound", SPILL_GROUP.to_string()),
        ("unanswered", unanswered.to_string()),
    ])
}

/// Resident memory of a process, from /proc: (current, peak) in MB.
fn rss_mb(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// Open file descriptors of a process.
fn open_fds(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd")).map_or(0, Iterator::count)
}

/// During an outage, 5,000 fetches of unknown (well-formed) tokens with 300 KB User-Agents,
/// then 5,000 with 15 KB ones, just under the header cap: memory stays bounded.
async fn outage_memory(ctx: &Ctx, dir: &Path) -> Result<Numbers> {
    const FETCHES: usize = 5_000;
    const PEAK_GROWTH_MB: f64 = 100.0;
    let db = TestDb::new().await;
    let mut pixel = Service::pixel(ctx, dir, "pixel", &db).await?;
    let client = client();
    fetch(
        &client,
        &format!(
            "{}/i/{}.gif",
            pixel.base_url(),
            mailping_shared::domain::Token::generate()
        ),
        "Warmup/1",
    )
    .await?;
    let (before, _) = rss_mb(pixel.pid);
    let mut admin = db.admin_conn().await;
    db.set_reachable(&mut admin, false).await;
    let mut statuses: HashMap<u16, usize> = HashMap::new();
    for size in [300_000, 15_000] {
        let ua = Arc::new("A".repeat(size));
        let mut set = tokio::task::JoinSet::new();
        let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        for _ in 0..LOAD_WORKERS {
            let (client, ua, next, base) =
                (client.clone(), ua.clone(), next.clone(), pixel.base_url());
            set.spawn(async move {
                let mut seen: HashMap<u16, usize> = HashMap::new();
                while next.fetch_add(1, Ordering::SeqCst) < FETCHES {
                    let token = mailping_shared::domain::Token::generate();
                    let status = match client
                        .get(format!("{base}/i/{token}.gif"))
                        .header("user-agent", ua.as_str())
                        .send()
                        .await
                    {
                        Ok(resp) => resp.status().as_u16(),
                        Err(_) => 0,
                    };
                    *seen.entry(status).or_default() += 1;
                }
                seen
            });
        }
        while let Some(seen) = set.join_next().await {
            for (status, n) in seen? {
                *statuses.entry(status).or_default() += n;
            }
        }
    }
    let (after, peak) = rss_mb(pixel.pid);
    db.set_reachable(&mut admin, true).await;
    pixel.terminate().await?;
    let status = pixel.wait(EXIT_TIMEOUT).await?;
    let mut seen: Vec<(u16, usize)> = statuses.into_iter().collect();
    seen.sort();
    println!(
        "outage-memory: RSS {before:.0} MB before, {after:.0} MB after, peak {peak:.0} MB; statuses {seen:?}"
    );
    ensure!(
        peak - before <= PEAK_GROWTH_MB,
        "guarantee broken: huge User-Agents during an outage keep memory bounded\n\
         RSS {before:.0} MB before, peak {peak:.0} MB (bound: +{PEAK_GROWTH_MB:.0} MB); statuses {seen:?}"
    );
    ensure!(
        status.code() == Some(0),
        "SIGTERM did not exit 0: the pixel server ended with {}",
        describe(status)
    );
    Ok(vec![
        ("rss_before", format!("{before:.0}MB")),
        ("rss_peak", format!("{peak:.0}MB")),
        ("rss_after", format!("{after:.0}MB")),
        ("statuses", format!("{seen:?}").replace(' ', "")),
    ])
}

/// Opens `n` connections to `port` that each send the start of a request and no more.
async fn slow_sockets(port: u16, n: usize) -> Vec<tokio::net::TcpStream> {
    use tokio::io::AsyncWriteExt as _;
    let mut set = tokio::task::JoinSet::new();
    let per_task = n.div_ceil(50);
    for _ in 0..50 {
        set.spawn(async move {
            let mut mine = Vec::new();
            for _ in 0..per_task {
                let connect = tokio::net::TcpStream::connect(("127.0.0.1", port));
                if let Ok(Ok(mut s)) = tokio::time::timeout(Duration::from_secs(2), connect).await {
                    let _ = s
                        .write_all(b"GET /i/0123456789ab4def8123456789abcdef.gif HTTP/1.1\r\nHost: px\r\nUser-Agent: slow")
                        .await;
                    mine.push(s);
                }
            }
            mine
        });
    }
    let mut all = Vec::new();
    while let Some(mine) = set.join_next().await {
        all.extend(mine.unwrap_or_default());
    }
    all
}

/// 10,000 slow sockets against a pixel server limited to 4,096 file descriptors, while
/// real requests come in; then SIGTERM to it and to a bot, each with half-sent requests open.
async fn slow_clients(ctx: &Ctx, dir: &Path) -> Result<Numbers> {
    use tokio::io::AsyncWriteExt as _;
    const SLOW: usize = 10_000;
    const REAL: usize = 50;
    /// HTTP_SHUTDOWN_SECS (5) plus the writer's flush of a near-empty queue.
    const STOP_BOUND: Duration = Duration::from_secs(8);
    let db = TestDb::new().await;
    let fake = FakeTelegram::start().await;
    // The drills predate the fake's flood limits and inject their own 429s.
    fake.set_limits(Limits::none());
    let tokens = load_trackers(&db).await;
    let mut pixel = Service::pixel_with(
        ctx,
        dir,
        "pixel",
        db.url(),
        "pixel",
        vec![("PRLIMIT_NOFILE", "4096".to_owned())],
    )
    .await?;
    let mut bot = Service::bot(ctx, dir, "bot", &db, fake.api_url().as_str()).await?;
    let (rss_before, _) = rss_mb(pixel.pid);
    let mut slow = slow_sockets(pixel.port, SLOW).await;
    let opened = slow.len();
    // The attack goes on: every slow socket sends a byte a second.
    let trickle = tokio::spawn(async move {
        loop {
            slow.retain(|s| s.peer_addr().is_ok());
            for s in &mut slow {
                let _ = tokio::time::timeout(Duration::from_millis(10), s.write_all(b"x")).await;
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .pool_max_idle_per_host(0)
        .build()?;
    let mut latencies = Vec::new();
    let mut failed = 0;
    for i in 0..REAL {
        let started = Instant::now();
        let url = format!("{}/i/{}.gif", pixel.base_url(), tokens[i % tokens.len()]);
        match fetch(&client, &url, &format!("Thunderbird/{i}")).await {
            Ok(()) => latencies.push(started.elapsed()),
            Err(_) => failed += 1,
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    latencies.sort();
    let p50 = latencies
        .get(latencies.len() / 2)
        .copied()
        .unwrap_or_default();
    let worst = latencies.last().copied().unwrap_or_default();
    let fds = open_fds(pixel.pid);
    let (rss, rss_peak) = rss_mb(pixel.pid);
    println!(
        "slow-clients: {opened} slow sockets; real requests {} ok, {failed} failed, p50 {p50:?}, slowest {worst:?}; server fds {fds}, RSS {rss_before:.0} -> {rss:.0} MB (peak {rss_peak:.0} MB)",
        latencies.len()
    );

    // SIGTERM with half-sent requests still open, on both services.
    let stopping = Instant::now();
    pixel.terminate().await?;
    let pixel_status = pixel.wait(Duration::from_secs(120)).await?;
    let pixel_stop = stopping.elapsed();
    trickle.abort();
    let half_sent = slow_sockets(bot.port, 200).await;
    let stopping = Instant::now();
    bot.terminate().await?;
    let bot_status = bot.wait(Duration::from_secs(120)).await?;
    let bot_stop = stopping.elapsed();
    drop(half_sent);
    println!("slow-clients: SIGTERM took {pixel_stop:?} (pixel server), {bot_stop:?} (bot)");

    ensure!(
        failed == 0 && worst < Duration::from_secs(2),
        "guarantee broken: slow sockets starve no real request\n\
         {failed} of {REAL} real requests failed; slowest {worst:?}"
    );
    ensure!(
        pixel_stop <= STOP_BOUND && bot_stop <= STOP_BOUND,
        "guarantee broken: SIGTERM ends within its deadline whatever clients do\n\
         pixel server {pixel_stop:?}, bot {bot_stop:?} (bound {STOP_BOUND:?})"
    );
    ensure!(
        pixel_status.code() == Some(0) && bot_status.code() == Some(0),
        "SIGTERM did not exit 0: pixel server {}, bot {}",
        describe(pixel_status),
        describe(bot_status)
    );
    Ok(vec![
        ("slow_sockets", opened.to_string()),
        ("real_failed", failed.to_string()),
        ("real_p50", format!("{:.0}ms", p50.as_secs_f64() * 1000.0)),
        (
            "real_slowest",
            format!("{:.0}ms", worst.as_secs_f64() * 1000.0),
        ),
        ("server_fds", fds.to_string()),
        ("rss", format!("{rss:.0}MB")),
        ("pixel_sigterm", secs(pixel_stop)),
        ("bot_sigterm", secs(bot_stop)),
    ])
}

// ---------------------------------------------------------------------------------------------
// Load

/// The background load of the failover drill, in fetches per second.
const FAILOVER_RATE: u32 = 1_000;
/// Chats whose trackers are each opened once through the Gmail proxy during the drill, one
/// every `ALERT_EVERY`: alerts flow before, during and after the failover.
const FAILOVER_CHATS: i64 = 60;
const ALERT_EVERY: Duration = Duration::from_millis(200);

/// A primary and its streaming standby, both real clusters made here (`ReplicatedPg`), with
/// synchronous and then asynchronous replication. Under load, the primary is killed with
/// `-m immediate`; 2 s later (an operator's or Patroni's detection) the standby is promoted;
/// 5 s after that the old primary is rewound and comes back as the new primary's standby.
/// The services know only the two-host `DATABASE_URL` with `target_session_attrs=read-write`.
async fn failover(ctx: &Ctx, dir: &Path) -> Result<Numbers> {
    let mut numbers = Vec::new();
    for mode in [Replication::Sync, Replication::Async] {
        let found = failover_with(ctx, dir, mode)
            .await
            .with_context(|| format!("{} replication", mode.as_str()))?;
        println!("failover ({}): {}", mode.as_str(), join(&found));
        numbers.push((mode.as_str(), join(&found)));
    }
    Ok(numbers)
}

/// Runs a blocking step of the cluster pair off the runtime, so the load keeps its pace.
async fn on_pair<T: Send + 'static>(
    pair: ReplicatedPg,
    step: impl FnOnce(&mut ReplicatedPg) -> Result<T, String> + Send + 'static,
) -> Result<(ReplicatedPg, T)> {
    pair.off_runtime(step).await.map_err(anyhow::Error::msg)
}

async fn failover_with(ctx: &Ctx, dir: &Path, mode: Replication) -> Result<Numbers> {
    const BEFORE: Duration = Duration::from_secs(3);
    const DETECT: Duration = Duration::from_secs(2);
    const AFTER_PROMOTE: Duration = Duration::from_secs(5);
    const AFTER_REJOIN: Duration = Duration::from_secs(2);
    let pair = ReplicatedPg::start_off_runtime(mode)
        .await
        .map_err(anyhow::Error::msg)?;
    let (pair, _) = on_pair(pair, |p| p.on_primary("CREATE DATABASE mailping")).await?;
    let url = pair.url("mailping");
    mailping_shared::db::run_migrations(&url)
        .await
        .context("migrating the primary")?;
    let (load_tokens, chat_tokens) = {
        let mut conn = AsyncPgConnection::establish(&url).await?;
        let chats: Vec<i64> = (8000..8000 + FAILOVER_CHATS).collect();
        (
            load_trackers_on(&mut conn).await,
            chat_trackers_on(&mut conn, &chats).await,
        )
    };
    let fake = FakeTelegram::start().await;
    // The drill counts alerts through a failover, not Telegram's flood limits.
    fake.set_limits(Limits::none());
    let name = |what: &str| format!("{what}-{}", mode.as_str());
    let mut pixel =
        Service::pixel_with(ctx, dir, &name("pixel"), &url, &name("pixel"), vec![]).await?;
    let mut bot = Service::bot_at(ctx, dir, &name("bot"), &url, fake.api_url().as_str()).await?;
    let phase = Arc::new(AtomicU8::new(0));
    let load = Load::start(
        vec![pixel.base_url()],
        load_tokens,
        FAILOVER_RATE,
        phase.clone(),
    );
    let alert_fetches = {
        let (base, tokens) = (pixel.base_url(), chat_tokens.clone());
        tokio::spawn(async move {
            let client = client();
            let mut tick = tokio::time::interval(ALERT_EVERY);
            let mut accepted = 0;
            for (_, token) in &tokens {
                tick.tick().await;
                accepted += i64::from(fetch_pixel(&client, &base, token, GMAIL).await);
            }
            accepted
        })
    };

    // How far the standby trails, sampled under load: under asynchronous replication, the
    // window of committed opens a dead primary can take with it.
    let mut pair = pair;
    let mut lag_ms = 0.0_f64;
    let sampling = Instant::now();
    while sampling.elapsed() < BEFORE {
        tokio::time::sleep(Duration::from_millis(250)).await;
        let (back, lag) = on_pair(pair, |p| p.standby_lag_ms()).await?;
        pair = back;
        lag_ms = lag_ms.max(lag);
    }
    let killed = Instant::now();
    let (pair, ()) = on_pair(pair, ReplicatedPg::kill_primary).await?;
    phase.store(1, Ordering::SeqCst);
    tokio::time::sleep(DETECT).await;
    let (pair, ()) = on_pair(pair, ReplicatedPg::promote).await?;
    let promoted = Instant::now();
    phase.store(2, Ordering::SeqCst);
    // Recording has resumed once the new primary's count of opens moves.
    let new_primary = pair.primary_url("mailping");
    let mut resumed = None;
    let mut first_count = None;
    while resumed.is_none() && promoted.elapsed() < AFTER_PROMOTE {
        if let Ok(mut conn) = AsyncPgConnection::establish(&new_primary).await {
            let n = seed::open_count(&mut conn).await;
            match first_count {
                None => first_count = Some(n),
                Some(first) if n > first => resumed = Some(Instant::now()),
                Some(_) => {}
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(AFTER_PROMOTE.saturating_sub(promoted.elapsed())).await;
    let rejoining = Instant::now();
    let (pair, ()) = on_pair(pair, ReplicatedPg::rejoin_old_primary).await?;
    let rejoin = rejoining.elapsed();
    phase.store(3, Ordering::SeqCst);
    tokio::time::sleep(AFTER_REJOIN).await;
    let report = load.stop().await;
    let gmail_accepted = alert_fetches.await.context("the alert fetches panicked")?;

    pixel.terminate().await?;
    let status = pixel.wait(EXIT_TIMEOUT).await?;
    // Opens of a batch whose COMMIT went through as the primary died, spilled all the same,
    // and left out on replay (the pixel server logs each time it does).
    let cut_off_commits: i64 = read_log(&pixel.log)
        .lines()
        .filter(|l| l.contains("cut-off commit had gone through"))
        .filter_map(|l| {
            let rest = &l[l.find("already_recorded=")? + 17..];
            rest.split_whitespace().next()?.parse::<i64>().ok()
        })
        .sum();
    let mut conn = AsyncPgConnection::establish(&pair.primary_url("mailping")).await?;
    // The chats whose Gmail open the new primary holds: each is due exactly one alert.
    let tracker_ids: Vec<i64> = chat_tokens.iter().map(|(id, _)| *id).collect();
    let opened: Vec<i64> = accounts::table
        .inner_join(trackers::table)
        .filter(trackers::id.eq_any(&tracker_ids))
        .filter(diesel::dsl::exists(
            mailping_shared::schema::opens::table
                .filter(mailping_shared::schema::opens::tracker_id.eq(trackers::id)),
        ))
        .select(accounts::chat_id)
        .load::<String>(&mut conn)
        .await?
        .iter()
        .filter_map(|c| c.parse().ok())
        .collect();
    let all_in = wait_until(Duration::from_secs(30), || {
        let per_chat = alerts_per_chat(&fake);
        opened.iter().all(|c| per_chat.contains_key(c))
    })
    .await;
    tokio::time::sleep(SETTLE).await;
    let bot_hung = bot.stop_bot().await?;
    let per_chat = alerts_per_chat(&fake);
    let missing = opened.iter().filter(|c| !per_chat.contains_key(c)).count();
    let twice: Vec<(i64, usize)> = per_chat
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|(c, n)| (*c, *n))
        .collect();
    let sent_for_lost_opens = per_chat.keys().filter(|c| !opened.contains(c)).count();

    // Every load fetch has a User-Agent of its own: rows with one are the opens written,
    // distinct ones the fetches written at least once.
    let load_rows: Count =
        diesel::sql_query("SELECT count(*) AS n FROM opens WHERE user_agent LIKE '% (faults)'")
            .get_result(&mut conn)
            .await?;
    let load_distinct: Count = diesel::sql_query(
        "SELECT count(DISTINCT user_agent) AS n FROM opens WHERE user_agent LIKE '% (faults)'",
    )
    .get_result(&mut conn)
    .await?;
    let accepted = report.accepted();
    let lost = accepted - load_distinct.n;
    let doubled = load_rows.n - load_distinct.n;
    let lost_alert_opens = gmail_accepted - opened.len() as i64;
    let last_second = report.accepted_between(killed - Duration::from_secs(1), killed);
    // The rejoined standby has everything the new primary has.
    let standby = pair.standby_url("mailping");
    let all_rows = seed::open_count(&mut conn).await;
    let caught_up = wait_until_async(Duration::from_secs(10), || async {
        match AsyncPgConnection::establish(&standby).await {
            Ok(mut c) => seed::open_count(&mut c).await == all_rows,
            Err(_) => false,
        }
    })
    .await;

    ensure!(
        report.failed() == 0 && gmail_accepted == FAILOVER_CHATS,
        "guarantee broken: every pixel fetch is answered with the GIF through a failover\n\
         {} of {} load fetches failed, {gmail_accepted} of {FAILOVER_CHATS} Gmail fetches \
         answered; first errors: {:?}",
        report.failed(),
        report.total(),
        report.errors
    );
    ensure!(
        status.code() == Some(0),
        "guarantee broken: SIGTERM after a failover exits 0; the pixel server ended with {}",
        describe(status)
    );
    let resumed = resumed.context(
        "guarantee broken: recording resumes on the promoted standby\n\
         no open was written to it within 5 s of its promotion",
    )?;
    ensure!(
        doubled == 0,
        "guarantee broken: a failover writes no open twice\n\
         {doubled} opens were written twice (rows {} for {} distinct fetches)",
        load_rows.n,
        load_distinct.n
    );
    match mode {
        Replication::Sync => ensure!(
            lost == 0 && lost_alert_opens == 0,
            "guarantee broken: with synchronous replication a failover loses no open\n\
             {lost} of {accepted} load opens and {lost_alert_opens} of {gmail_accepted} \
             Gmail opens are not on the new primary"
        ),
        // What the standby had not yet received when the primary died: a few ms of traffic.
        Replication::Async => ensure!(
            lost <= last_second,
            "with asynchronous replication a failover loses at most what the standby had \
             not received; {lost} of {accepted} lost, more than the {last_second} accepted \
             in the last second before the kill"
        ),
    }
    ensure!(
        all_in && missing == 0,
        "guarantee broken: every alert due is sent after a failover\n\
         {missing} of {} chats whose open is on the new primary got no alert",
        opened.len()
    );
    ensure!(
        twice.is_empty(),
        "guarantee broken: a failover sends no alert twice\n\
         chats with more than one alert (chat, alerts): {twice:?}"
    );
    ensure!(
        caught_up,
        "the old primary, rejoined as a standby, did not catch up with the new primary's \
         {all_rows} opens within 10 s"
    );
    let mut numbers = vec![
        ("accepted", accepted.to_string()),
        ("lost", lost.to_string()),
        ("doubled", doubled.to_string()),
        ("alerts_due", opened.len().to_string()),
        ("alerts_sent", per_chat.values().sum::<usize>().to_string()),
        ("alert_opens_lost", lost_alert_opens.to_string()),
        ("alerts_for_lost_opens", sent_for_lost_opens.to_string()),
        (
            "recording_resumed_after_kill",
            secs(resumed.duration_since(killed)),
        ),
        ("after_promotion", secs(resumed.duration_since(promoted))),
        ("rejoin", secs(rejoin)),
        ("standby_lag_max", format!("{lag_ms:.1}ms")),
        ("replayed_but_committed", cut_off_commits.to_string()),
    ];
    if bot_hung {
        numbers.push(("bot_stop_hung", "1".to_owned()));
    }
    Ok(numbers)
}

/// One pixel fetch of the load: when, in which phase, and whether it was accepted (200 with
/// the 43-byte GIF).
#[derive(Debug, Clone, Copy)]
struct Fetch {
    phase: u8,
    finished: Instant,
    accepted: bool,
}

/// Pixel fetches at a steady rate from many workers, each with a User-Agent of its own so that
/// every fetch is a row; spread round-robin over `bases` and the tokens.
struct Load {
    stop: Arc<AtomicBool>,
    workers: Vec<tokio::task::JoinHandle<Vec<Fetch>>>,
    errors: Arc<Mutex<Vec<String>>>,
}

struct LoadReport {
    fetches: Vec<Fetch>,
    /// The first few errors, for the failure message.
    errors: Vec<String>,
}

impl Load {
    fn start(bases: Vec<String>, tokens: Vec<String>, rate: u32, phase: Arc<AtomicU8>) -> Load {
        let stop = Arc::new(AtomicBool::new(false));
        let errors = Arc::new(Mutex::new(Vec::new()));
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .pool_max_idle_per_host(LOAD_WORKERS)
            .build()
            .expect("a reqwest client builds");
        let period = Duration::from_secs_f64(LOAD_WORKERS as f64 / f64::from(rate));
        let tokens = Arc::new(tokens);
        let workers = (0..LOAD_WORKERS)
            .map(|worker| {
                let (stop, errors, client, phase, tokens, bases) = (
                    stop.clone(),
                    errors.clone(),
                    client.clone(),
                    phase.clone(),
                    tokens.clone(),
                    bases.clone(),
                );
                tokio::spawn(async move {
                    let mut fetches = Vec::new();
                    let mut tick = tokio::time::interval(period);
                    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
                    for i in 0usize.. {
                        tick.tick().await;
                        if AtomicBool::load(&stop, Ordering::SeqCst) {
                            break;
                        }
                        let phase = AtomicU8::load(&phase, Ordering::SeqCst);
                        let n = worker + i * LOAD_WORKERS;
                        let url = format!(
                            "{}/i/{}.gif",
                            bases[n % bases.len()],
                            tokens[n % tokens.len()]
                        );
                        let ua = format!("Thunderbird/{worker}.{i} (faults)");
                        let accepted = match fetch(&client, &url, &ua).await {
                            Ok(()) => true,
                            Err(e) => {
                                let mut errors = errors.lock().unwrap_or_else(|p| p.into_inner());
                                if errors.len() < 5 {
                                    errors.push(format!("{e:#}"));
                                }
                                false
                            }
                        };
                        fetches.push(Fetch {
                            phase,
                            finished: Instant::now(),
                            accepted,
                        });
                    }
                    fetches
                })
            })
            .collect();
        Load {
            stop,
            workers,
            errors,
        }
    }

    /// Stops the workers after their current fetch and collects what they saw.
    async fn stop(self) -> LoadReport {
        self.stop.store(true, Ordering::SeqCst);
        let mut fetches = Vec::new();
        for worker in self.workers {
            fetches.extend(worker.await.expect("a load worker panicked"));
        }
        let errors = self
            .errors
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        LoadReport { fetches, errors }
    }
}

impl LoadReport {
    fn total(&self) -> i64 {
        self.fetches.len() as i64
    }
    fn accepted(&self) -> i64 {
        self.fetches.iter().filter(|f| f.accepted).count() as i64
    }
    fn failed(&self) -> i64 {
        self.total() - self.accepted()
    }
    /// (accepted, failed) among the fetches started in `phase`.
    fn in_phase(&self, phase: u8) -> (i64, i64) {
        let of_phase = self.fetches.iter().filter(|f| f.phase == phase);
        let (ok, failed): (Vec<&Fetch>, Vec<&Fetch>) = of_phase.partition(|f| f.accepted);
        (ok.len() as i64, failed.len() as i64)
    }
    fn accepted_between(&self, from: Instant, to: Instant) -> i64 {
        self.fetches
            .iter()
            .filter(|f| f.accepted && f.finished >= from && f.finished <= to)
            .count() as i64
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("a reqwest client builds")
}

/// GETs a pixel; `Ok` only for a 200 with exactly the 43-byte GIF.
async fn fetch(client: &reqwest::Client, url: &str, user_agent: &str) -> Result<()> {
    let resp = client
        .get(url)
        .header("user-agent", user_agent)
        .send()
        .await?;
    let status = resp.status();
    let body = resp.bytes().await?;
    ensure!(
        status == 200 && body.as_ref() == TRANSPARENT_GIF,
        "status {status}, {} bytes",
        body.len()
    );
    Ok(())
}

async fn fetch_pixel(client: &reqwest::Client, base: &str, token: &str, ua: &str) -> bool {
    fetch(client, &format!("{base}/i/{token}.gif"), ua)
        .await
        .is_ok()
}

async fn readyz(base: &str) -> u16 {
    match client().get(format!("{base}/readyz")).send().await {
        Ok(resp) => resp.status().as_u16(),
        Err(_) => 0,
    }
}

/// GETs every `(base, token, user agent)` at once; whether each was accepted, in order.
async fn fetch_all(
    client: &reqwest::Client,
    fetches: Vec<(String, String, &'static str)>,
) -> Vec<bool> {
    let mut set = tokio::task::JoinSet::new();
    for (i, (base, token, ua)) in fetches.into_iter().enumerate() {
        let client = client.clone();
        set.spawn(async move { (i, fetch_pixel(&client, &base, &token, ua).await) });
    }
    let mut accepted = vec![false; set.len()];
    while let Some(done) = set.join_next().await {
        let (i, ok) = done.expect("a fetch task panicked");
        accepted[i] = ok;
    }
    accepted
}

// ---------------------------------------------------------------------------------------------
// Database and fake Telegram

/// Muted trackers for the background load, so that it writes opens but queues no alert.
async fn load_trackers(db: &TestDb) -> Vec<String> {
    load_trackers_on(&mut db.conn().await).await
}

async fn load_trackers_on(conn: &mut AsyncPgConnection) -> Vec<String> {
    let mut ids = Vec::new();
    let mut tokens = Vec::new();
    for i in 0..LOAD_TRACKERS {
        let t = seed::tracker(conn, 9_000_000 + (i as i64 % 5), &format!("load {i}")).await;
        ids.push(t.id);
        tokens.push(t.token);
    }
    diesel::update(trackers::table.filter(trackers::id.eq_any(&ids)))
        .set(trackers::muted.eq(true))
        .execute(conn)
        .await
        .expect("muting the load trackers");
    tokens
}

/// One tracker per chat, in the order of `chats`: (tracker id, pixel token).
async fn chat_trackers(db: &TestDb, chats: &[i64]) -> Vec<(i64, String)> {
    chat_trackers_on(&mut db.conn().await, chats).await
}

async fn chat_trackers_on(conn: &mut AsyncPgConnection, chats: &[i64]) -> Vec<(i64, String)> {
    let mut trackers = Vec::new();
    for chat in chats {
        let t = seed::tracker(conn, *chat, "Proposal").await;
        trackers.push((t.id, t.token));
    }
    trackers
}

/// How many of the trackers recorded more than one read (anything but a `duplicate`).
async fn doubled_reads(db: &TestDb, trackers: &[(i64, String)]) -> usize {
    let mut conn = db.conn().await;
    let mut doubled = 0;
    for (id, _) in trackers {
        let kinds = seed::kinds(&mut conn, *id).await;
        if kinds.iter().filter(|k| k.as_str() != "duplicate").count() > 1 {
            doubled += 1;
        }
    }
    doubled
}

async fn open_rows(db: &TestDb) -> i64 {
    let mut conn = db.conn().await;
    seed::open_count(&mut conn).await
}

async fn pending_alerts(db: &TestDb) -> i64 {
    let mut conn = db.conn().await;
    alerts::table
        .filter(alerts::finished_at.is_null())
        .count()
        .get_result(&mut conn)
        .await
        .expect("counting pending alerts")
}

async fn account_blocked(db: &TestDb, chat: i64) -> bool {
    let mut conn = db.conn().await;
    let blocked: Option<Option<chrono::DateTime<chrono::Utc>>> = accounts::table
        .filter(accounts::chat_id.eq(chat.to_string()))
        .select(accounts::alerts_blocked_at)
        .first(&mut conn)
        .await
        .optional()
        .expect("reading the account");
    matches!(blocked, Some(Some(_)))
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Waits until no session is connected to `database` (checked from the admin database); returns
/// how many are left.
async fn wait_for_no_backends(
    admin: &mut AsyncPgConnection,
    database: &str,
    timeout: Duration,
) -> i64 {
    let deadline = Instant::now() + timeout;
    loop {
        let n = diesel::sql_query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1")
            .bind::<Text, _>(database)
            .get_result::<Count>(admin)
            .await
            .map(|c| c.n)
            .unwrap_or(-1);
        if n == 0 || Instant::now() >= deadline {
            return n;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A Bot API relay in front of the fake that passes `sendMessage` answers on only after
/// `delay`: the fake has stored the message, the bot does not know it yet. Stops when dropped.
struct SlowBotApi {
    addr: std::net::SocketAddr,
    server: tokio::task::JoinHandle<()>,
}

impl SlowBotApi {
    async fn start(target: url::Url, delay: Duration) -> Result<SlowBotApi> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let client = client();
        let target = target.as_str().trim_end_matches('/').to_owned();
        let relay = move |method: axum::http::Method,
                          uri: axum::http::Uri,
                          headers: axum::http::HeaderMap,
                          body: axum::body::Bytes| {
            let (client, target) = (client.clone(), target.clone());
            async move {
                use axum::http::header::CONTENT_TYPE;
                use axum::response::IntoResponse;
                let path = uri.path_and_query().map_or("/", |p| p.as_str());
                let mut request = client.request(method, format!("{target}{path}")).body(body);
                if let Some(content_type) = headers.get(CONTENT_TYPE) {
                    request = request.header(CONTENT_TYPE, content_type);
                }
                // A request that has fully left the bot reaches Telegram even if the bot dies
                // now: a task of its own, not cancelled with this handler.
                let answer = tokio::spawn(async move {
                    let resp = request.send().await?;
                    let status = resp.status();
                    let content_type = resp.headers().get(CONTENT_TYPE).cloned();
                    let body = resp.bytes().await?;
                    Ok::<_, reqwest::Error>((status, content_type, body))
                });
                match answer.await {
                    Err(e) => (axum::http::StatusCode::BAD_GATEWAY, e.to_string()).into_response(),
                    Ok(Err(e)) => {
                        (axum::http::StatusCode::BAD_GATEWAY, e.to_string()).into_response()
                    }
                    Ok(Ok((status, content_type, body))) => {
                        if uri.path().to_ascii_lowercase().ends_with("/sendmessage") {
                            tokio::time::sleep(delay).await;
                        }
                        let mut resp = (status, body).into_response();
                        if let Some(content_type) = content_type {
                            resp.headers_mut().insert(CONTENT_TYPE, content_type);
                        }
                        resp
                    }
                }
            }
        };
        let app = axum::Router::new().fallback(relay);
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok(SlowBotApi { addr, server })
    }

    fn api_url(&self) -> String {
        format!("http://{}/", self.addr)
    }
}

impl Drop for SlowBotApi {
    fn drop(&mut self) {
        self.server.abort();
    }
}

fn is_alert(m: &SentMessage) -> bool {
    m.method == "sendMessage" && (m.text.starts_with('📬') || m.text.starts_with('📭'))
}

fn alerts_per_chat(fake: &FakeTelegram) -> HashMap<i64, usize> {
    let mut per_chat = HashMap::new();
    for m in fake.sent().iter().filter(|m| is_alert(m)) {
        *per_chat.entry(m.chat_id).or_default() += 1;
    }
    per_chat
}

async fn wait_until(timeout: Duration, mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + timeout;
    loop {
        if done() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn wait_until_async<F: Future<Output = bool>>(
    timeout: Duration,
    mut done: impl FnMut() -> F,
) -> bool {
    let deadline = Instant::now() + timeout;
    loop {
        if done().await {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn secs(d: Duration) -> String {
    format!("{:.1}s", d.as_secs_f64())
}
