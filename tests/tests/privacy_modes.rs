//! Privacy modes (docs/privacy.md): a strict chat's opens keep only tracker, time, kind and
//! reason, in every table and in the spill file; switching to strict erases what earlier opens
//! kept; repeats are still told apart; and a chat's own retention deletes only its own opens.

use std::path::{Path, PathBuf};
use std::time::Duration;

use mailping_shared::commands::{Action, Chat, Command, CommandLimits, Commands, Said};
use mailping_shared::models::Platform;
use mailping_tests::app::{PATIENCE, TestApp};
use mailping_tests::{eventually, seed};

const LIMITS: CommandLimits = CommandLimits {
    trackers_per_minute: 100,
    commands_per_minute: 10_000,
};

fn spill_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .expect("the spill directory")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "log"))
        .collect()
}

/// Every row of every table, as one text.
async fn dump(app: &TestApp) -> String {
    let mut conn = app.conn().await;
    seed::everything(&mut conn)
        .await
        .into_iter()
        .map(|(table, rows)| format!("{table}: {}", rows.join("\n")))
        .collect::<Vec<_>>()
        .join("\n")
}

async fn wait_opens(app: &TestApp, n: i64) {
    let mut conn = app.conn().await;
    eventually(PATIENCE, format!("{n} opens"), async || {
        (seed::open_count(&mut conn).await == n).then_some(())
    })
    .await;
}

async fn run(commands: &Commands, chat: &Chat, command: Command) -> String {
    commands.run(chat, command).await.plain_text()
}

#[tokio::test]
async fn after_a_strict_story_no_table_and_no_spill_file_holds_a_network_or_agent_of_the_chat() {
    let mut app = TestApp::spawn()
        .pixel_setting("--trusted-proxies", "127.0.0.0/8")
        .await;
    let commands = app.commands(LIMITS);
    let (strict, standard) = (
        Chat::new(Platform::Telegram, 42),
        Chat::new(Platform::Telegram, 43),
    );
    let said = run(&commands, &strict, Command::Privacy("strict".into())).await;
    assert!(said.contains("Strict privacy is on"), "{said}");
    run(&commands, &strict, Command::Track("Proposal".into())).await;
    run(&commands, &standard, Command::Track("Invoice".into())).await;
    let mut conn = app.conn().await;
    let trackers = seed::all_trackers(&mut conn).await;
    let (ours, theirs) = (&trackers[0], &trackers[1]);

    // Its recipients read it, on a computer and a phone, and a scanner checks it.
    for (ip, agent) in [
        ("203.0.113.77", "Thunderbird/115.0 strictcanary"),
        (
            "2001:db8:abcd:12::1",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 strictcanary",
        ),
        ("198.51.100.9", "Barracuda strictcanary"),
    ] {
        app.fetch_pixel_with(&ours.token, Some(agent), &[("x-forwarded-for", ip)])
            .await;
    }
    // The control: a standard chat's open keeps what it always did.
    app.fetch_pixel_with(
        &theirs.token,
        Some("Thunderbird/115.0 standardcanary"),
        &[("x-forwarded-for", "192.0.2.10")],
    )
    .await;
    wait_opens(&app, 4).await;
    // Classified exactly as in standard mode.
    let mut kinds = seed::kinds(&mut conn, ours.id).await;
    kinds.sort();
    assert_eq!(kinds, ["direct", "direct", "scanner"]);
    // "Wrong?" on a strict open has nothing to learn from.
    let first = seed::open_ids(&mut conn, ours.id).await[0];
    commands
        .press(&strict, Action::WrongSaid(1, first, Said::Machine))
        .await;
    commands
        .press(&strict, Action::WrongSaid(1, first, Said::OwnView))
        .await;
    // The timeline and the list say what they cannot show.
    let timeline = run(&commands, &strict, Command::Opens("1".into())).await;
    assert!(timeline.contains("not kept"), "{timeline}");

    // An outage: the next fetch goes to the spill file, classified and stripped.
    drop(conn);
    app.set_database_reachable(false).await;
    app.fetch_pixel_with(
        &ours.token,
        Some("Outlook-Express/6.0 strictcanary-spilled"),
        &[("x-forwarded-for", "203.0.113.99")],
    )
    .await;
    app.stop_pixel().await;
    let files = spill_files(app.spill_dir());
    assert!(!files.is_empty(), "the outage's open is in a spill file");
    let spilled: String = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    assert!(spilled.starts_with("2\t"), "a classified line: {spilled}");
    for needle in ["203.0.113", "strictcanary", "Outlook"] {
        assert!(
            !spilled.contains(needle),
            "{needle} in the spill file: {spilled}"
        );
    }
    app.set_database_reachable(true).await;
    app.start_pixel().await;
    wait_opens(&app, 5).await;
    app.stop_pixel().await;

    let dump = dump(&app).await;
    assert!(
        dump.contains("192.0.2.0/24") && dump.contains("standardcanary"),
        "the scan sees what a standard chat keeps: {dump}"
    );
    for needle in [
        "203.0.113",
        "2001:db8:abcd",
        "198.51.100",
        "strictcanary",
        "iPhone",
        "Apple Mail",
        "Barracuda",
        "Outlook",
    ] {
        assert!(!dump.contains(needle), "{needle} is stored: {dump}");
    }
}

#[tokio::test]
async fn switching_to_strict_erases_what_the_chats_earlier_opens_kept() {
    let app = TestApp::spawn()
        .pixel_setting("--trusted-proxies", "127.0.0.0/8")
        .await;
    let commands = app.commands(LIMITS);
    let (switching, other) = (
        Chat::new(Platform::Telegram, 42),
        Chat::new(Platform::Telegram, 43),
    );
    run(&commands, &switching, Command::Track("Proposal".into())).await;
    run(&commands, &other, Command::Track("Invoice".into())).await;
    let mut conn = app.conn().await;
    let trackers = seed::all_trackers(&mut conn).await;
    for (ip, agent) in [
        ("203.0.113.77", "Thunderbird/115.0 erasecanary"),
        ("198.51.100.9", "Mozilla/5.0 (compatible; erasecanary-bot)"),
    ] {
        app.fetch_pixel_with(&trackers[0].token, Some(agent), &[("x-forwarded-for", ip)])
            .await;
    }
    app.fetch_pixel_with(
        &trackers[1].token,
        Some("Thunderbird/115.0 keepcanary"),
        &[("x-forwarded-for", "192.0.2.10")],
    )
    .await;
    wait_opens(&app, 3).await;
    // What "Wrong?" learned from a recipient's fetch goes too.
    let ids = seed::open_ids(&mut conn, trackers[0].id).await;
    commands
        .press(&switching, Action::WrongSaid(1, ids[0], Said::OwnView))
        .await;
    commands
        .press(&switching, Action::WrongSaid(1, ids[1], Said::Machine))
        .await;
    let before = dump(&app).await;
    assert!(
        before.contains("203.0.113.0/24") && before.contains("erasecanary"),
        "stored before the switch: {before}"
    );

    let said = run(&commands, &switching, Command::Privacy("strict".into())).await;
    assert!(said.contains("2 earlier opens are erased"), "{said}");
    let after = dump(&app).await;
    for needle in [
        "203.0.113",
        "198.51.100",
        "erasecanary",
        "Thunderbird/115.0 erase",
    ] {
        assert!(
            !after.contains(needle),
            "{needle} kept after the switch: {after}"
        );
    }
    assert!(
        after.contains("192.0.2.0/24") && after.contains("keepcanary"),
        "another chat's opens are untouched: {after}"
    );
    assert_eq!(seed::open_count(&mut conn).await, 3, "no open is deleted");
}

#[tokio::test]
async fn repeats_are_still_duplicates_in_strict_mode() {
    let app = TestApp::spawn()
        .pixel_setting("--trusted-proxies", "127.0.0.0/8")
        .pixel_setting("--dedup-window-secs", "3600")
        .await;
    let commands = app.commands(LIMITS);
    let strict = Chat::new(Platform::Telegram, 42);
    run(&commands, &strict, Command::Privacy("strict".into())).await;
    run(&commands, &strict, Command::Track("Proposal".into())).await;
    let mut conn = app.conn().await;
    let t = &seed::all_trackers(&mut conn).await[0];
    let fetch = async |ip: &str, agent: &str| {
        app.fetch_pixel_with(&t.token, Some(agent), &[("x-forwarded-for", ip)])
            .await;
    };
    fetch("203.0.113.77", "Thunderbird/115.0").await;
    wait_opens(&app, 1).await;
    // The same reader again, in another batch: known by its keyed hash alone.
    fetch("203.0.113.78", "Thunderbird/115.0").await;
    wait_opens(&app, 2).await;
    // In one batch: a new reader, and that reader again.
    fetch(
        "198.51.100.9",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
    )
    .await;
    fetch(
        "198.51.100.9",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
    )
    .await;
    wait_opens(&app, 4).await;
    assert_eq!(
        seed::kinds(&mut conn, t.id).await,
        ["direct", "duplicate", "direct", "duplicate"]
    );
    assert_eq!(
        seed::networks(&mut conn).await,
        [None, None, None, None],
        "strict opens keep no network"
    );
}

#[tokio::test]
async fn a_chats_retention_deletes_its_older_opens_and_nobody_elses() {
    let mut app = TestApp::spawn().await;
    let commands = app.commands(LIMITS);
    let (short, long) = (
        Chat::new(Platform::Telegram, 42),
        Chat::new(Platform::Telegram, 43),
    );
    let said = run(&commands, &short, Command::Retention("30d".into())).await;
    assert!(said.contains("kept 30 days"), "{said}");
    let said = run(&commands, &long, Command::Retention(String::new())).await;
    assert!(said.contains("kept 1 year"), "{said}");
    // The purge runs at start-up: the opens must be there before it.
    app.stop_pixel().await;
    let mut conn = app.conn().await;
    let a = seed::tracker(&mut conn, 42, "Proposal").await;
    let b = seed::tracker(&mut conn, 43, "Invoice").await;
    for t in [&a, &b] {
        seed::opens_aged(&mut conn, t.id, &[20, 10, 0]).await;
    }
    // 15 days on: the short chat's 20- and 10-day-old opens are past its 30 days.
    seed::advance_clock(&mut conn, chrono::Duration::days(15)).await;
    app.start_pixel().await;
    eventually(
        Duration::from_secs(10),
        "the purge of the chat's old opens",
        async || (seed::kinds(&mut conn, a.id).await.len() == 2).then_some(()),
    )
    .await;
    app.stop_pixel().await;
    assert_eq!(
        seed::kinds(&mut conn, a.id).await.len(),
        2,
        "only the 20-day-old open (35 days on the moved clock) went"
    );
    assert_eq!(
        seed::kinds(&mut conn, b.id).await.len(),
        3,
        "another chat keeps the server's retention"
    );
}

#[tokio::test]
async fn retention_is_bounded_by_the_servers_and_privacy_shows_it_in_one_screen() {
    let app = TestApp::spawn().await;
    let commands = app
        .commands(LIMITS)
        .with_privacy(mailping_shared::config::PrivacyConfig {
            privacy_default: mailping_shared::models::account::PrivacyMode::Strict,
            opens_retention_days: 90,
        });
    let chat = Chat::new(Platform::Telegram, 42);
    let said = run(&commands, &chat, Command::Retention("1y".into())).await;
    assert!(said.contains("at most 90 days"), "{said}");
    let said = run(&commands, &chat, Command::Retention("soon".into())).await;
    assert!(said.contains("not a period"), "{said}");
    run(&commands, &chat, Command::Retention("30d".into())).await;
    let screen = run(&commands, &chat, Command::Privacy(String::new())).await;
    for expected in [
        "Mode: strict",
        "(the server's default)",
        "30 days (this chat's choice)",
        "/forget",
        "EDPB Guidelines 2/2023",
        "CNIL deliberation 2026-042",
        "Garante provision 284/2026",
        "ICO guidance on storage and access",
        "not legal advice",
    ] {
        assert!(screen.contains(expected), "{expected} missing: {screen}");
    }
    let said = run(&commands, &chat, Command::Privacy("loose".into())).await;
    assert!(said.contains("not a privacy mode"), "{said}");
}
