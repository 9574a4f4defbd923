//! The Telegram user's story end to end: the bot and the pixel server in-process, a fresh
//! database, and a fake Bot API.

use std::time::Duration;

use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use mailping_bot::config::AlertConfig;
use mailping_bot::dispatcher::{AlertDispatcher, Outbound};
use mailping_shared::schema::{alerts, opens, trackers};
use mailping_tests::bot::{self, PATIENCE, TestBot, press, say, token_in};
use mailping_tests::fake_telegram::{Failure, FakeTelegram, SentMessage};
use mailping_tests::pixel::{self, TestPixel};
use mailping_tests::seed;
use mailping_tests::test_db::TestDb;

const GMAIL: &str =
    "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";
const THUNDERBIRD: &str =
    "Mozilla/5.0 (X11; Linux x86_64; rv:24.0) Gecko/20100101 Thunderbird/24.4.0 Lightning/2.6.4";
const OUTLOOK: &str = "Outlook-iOS/709.2042344.prod.iphone (3.21.0)";
const HOSTILE: &str = "*_[]()~`>#+-=|{}.!<b>&";

struct World {
    db: TestDb,
    tg: FakeTelegram,
    px: TestPixel,
    bot: TestBot,
}

async fn world() -> World {
    world_with(|c| c).await
}

async fn world_with(
    tweak: impl FnOnce(mailping_bot::BotConfig) -> mailping_bot::BotConfig,
) -> World {
    let db = TestDb::new().await;
    let tg = FakeTelegram::start().await;
    let px = TestPixel::start(pixel::test_config(db.url())).await;
    let config = tweak(bot::with_telegram(
        bot::test_config(db.url(), &px.base_url),
        &tg,
    ));
    let bot = TestBot::start(config).await;
    World { db, tg, px, bot }
}

fn is_alert(m: &SentMessage) -> bool {
    m.text.starts_with("📬") || m.text.starts_with("📭")
}

fn alerts_in(tg: &FakeTelegram, chat: i64) -> Vec<SentMessage> {
    tg.sent_to(chat).into_iter().filter(is_alert).collect()
}

async fn wait_alerts(tg: &FakeTelegram, chat: i64, n: usize) -> Vec<SentMessage> {
    let deadline = tokio::time::Instant::now() + PATIENCE;
    while alerts_in(tg, chat).len() < n && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    alerts_in(tg, chat)
}

fn button(m: &SentMessage, label_part: &str) -> String {
    m.buttons()
        .into_iter()
        .find(|b| b.text.contains(label_part))
        .and_then(|b| b.callback_data)
        .unwrap_or_else(|| panic!("no {label_part:?} button on {m:#?}"))
}

#[tokio::test]
async fn the_whole_story_from_start_to_delete() {
    let w = world().await;
    let chat = 1001;

    // 1. /start, then /track.
    let welcome = say(&w.tg, chat, "/start").await;
    assert!(
        welcome.text.contains("Welcome to MailPing"),
        "{}",
        welcome.text
    );
    assert!(welcome.text.contains("1.") && welcome.text.contains("3."));
    let tracked = say(&w.tg, chat, "/track Proposal to ACME").await;
    assert!(
        tracked.text.contains("Proposal to ACME"),
        "{}",
        tracked.text
    );
    let token = token_in(&tracked);
    let url = format!("{}/i/{token}.gif", w.px.base_url);
    assert!(
        tracked.text.contains(&format!(
            "<img src=\"{url}\" width=\"1\" height=\"1\" alt=\"\" style=\"border:0\">"
        )),
        "{}",
        tracked.text
    );
    assert!(!tracked.raw_text.contains("display"));
    assert!(
        tracked.link_preview_disabled,
        "a message with a pixel URL must not be previewed"
    );
    let copy_link = tracked
        .entities
        .iter()
        .find_map(|e| e.url.clone())
        .expect("a link to the copy page");
    assert!(copy_link.contains("/c/"), "{copy_link}");
    assert!(
        !copy_link.contains(&token),
        "the copy page has its own secret"
    );
    assert!(
        tracked
            .buttons()
            .iter()
            .any(|b| b.text.contains("Timeline"))
    );
    assert!(tracked.buttons().iter().any(|b| b.text.contains("Mute")));
    assert_eq!(
        w.tg.commands().len(),
        mailping_shared::commands::COMMANDS.len(),
        "commands registered with setMyCommands"
    );

    // 2. Gmail's proxy fetches the pixel: the alert arrives within 2 s and names Gmail.
    let fetched = tokio::time::Instant::now();
    w.px.fetch_pixel(&token, Some(GMAIL)).await;
    let alert =
        w.tg.wait_for(Duration::from_secs(2), is_alert)
            .await
            .expect("an alert within 2 s");
    assert!(fetched.elapsed() < Duration::from_secs(2));
    assert!(
        alert.text.starts_with("📬 Opened: Proposal to ACME — "),
        "{}",
        alert.text
    );
    assert!(
        alert.text.contains("(UTC) · Gmail · 1st open"),
        "{}",
        alert.text
    );
    assert!(alert.buttons().iter().any(|b| b.text.contains("Timeline")));

    // 3. /opens lists it.
    let list = say(&w.tg, chat, "/opens").await;
    assert!(
        list.text.contains("#1 Proposal to ACME — opened 1×"),
        "{}",
        list.text
    );
    assert!(list.text.contains("Gmail"));

    // 4. /opens 1 shows the timeline.
    let timeline = say(&w.tg, chat, "/opens 1").await;
    assert!(
        timeline.text.contains("Proposal to ACME"),
        "{}",
        timeline.text
    );
    assert!(
        timeline
            .text
            .contains("opened via Gmail's image proxy · Gmail"),
        "{}",
        timeline.text
    );

    // 5. /mute 1, fetch again: recorded, but no alert.
    let muted = say(&w.tg, chat, "/mute 1").await;
    assert!(muted.text.contains("Muted #1"), "{}", muted.text);
    w.px.fetch_pixel(&token, Some(THUNDERBIRD)).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        alerts_in(&w.tg, chat).len(),
        1,
        "a muted tracker sends nothing"
    );
    let mut conn = w.db.conn().await;
    assert_eq!(
        opens::table
            .count()
            .get_result::<i64>(&mut conn)
            .await
            .unwrap(),
        2,
        "a muted tracker still records"
    );

    // 6. /delete 1 asks first, then removes everything.
    let ask = say(&w.tg, chat, "/delete 1").await;
    assert!(
        ask.text.contains("Delete #1 Proposal to ACME"),
        "{}",
        ask.text
    );
    let done = press(&w.tg, chat, ask.message_id, &button(&ask, "Yes")).await;
    assert!(done.text.contains("Deleted #1"), "{}", done.text);
    assert_eq!(seed::tracker_count(&mut conn).await, 0);
    assert_eq!(
        opens::table
            .count()
            .get_result::<i64>(&mut conn)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        alerts::table
            .count()
            .get_result::<i64>(&mut conn)
            .await
            .unwrap(),
        0
    );
    assert!(w.tg.rejected().is_empty(), "{:?}", w.tg.rejected());
}

#[tokio::test]
async fn preview_bots_and_apple_prefetch_are_not_read_alerts() {
    let w = world().await;
    let chat = 1002;
    let token = token_in(&say(&w.tg, chat, "/track Invoice 42").await);
    w.px.fetch_pixel(&token, Some("TelegramBot (like TwitterBot)"))
        .await;
    w.px.fetch_pixel(&token, Some("Mozilla/5.0")).await;
    let alert =
        w.tg.wait_for(PATIENCE, is_alert)
            .await
            .expect("the Apple delivery alert");
    assert_eq!(
        alert.text,
        "📭 Invoice 42 reached an Apple Mail inbox. Apple fetched it on delivery, so this is not a confirmed read."
    );
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(
        alerts_in(&w.tg, chat).len(),
        1,
        "the preview bot's fetch never alerts"
    );
    let list = say(&w.tg, chat, "/opens").await;
    assert!(
        list.text.contains("Apple Mail prefetch only"),
        "{}",
        list.text
    );
    let mut conn = w.db.conn().await;
    let kinds: Vec<String> = opens::table
        .select(opens::kind)
        .order(opens::id)
        .load(&mut conn)
        .await
        .unwrap();
    assert_eq!(kinds, ["link_preview", "apple_mpp"]);
}

#[tokio::test]
async fn alerts_say_the_chats_timezone_and_count_coalesced_opens() {
    let w = world().await;
    let chat = 1003;
    assert!(
        say(&w.tg, chat, "/tz Europe/Berlin")
            .await
            .text
            .contains("Europe/Berlin")
    );
    let bad = say(&w.tg, chat, "/tz Mars/Olympus").await;
    assert!(
        bad.text.contains("Mars/Olympus") && bad.text.contains("not a timezone"),
        "{}",
        bad.text
    );
    let token = token_in(&say(&w.tg, chat, "/track Proposal").await);
    // Stop the bot so three reads pile up in one pending alert.
    w.bot.stop().await;
    for ua in [GMAIL, THUNDERBIRD, OUTLOOK] {
        w.px.fetch_pixel(&token, Some(ua)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let _bot = TestBot::start(bot::with_telegram(
        bot::test_config(w.db.url(), &w.px.base_url),
        &w.tg,
    ))
    .await;
    let alerts = wait_alerts(&w.tg, chat, 1).await;
    assert_eq!(alerts.len(), 1);
    assert!(
        alerts[0]
            .text
            .contains("(Europe/Berlin) · Outlook · opened 3 times since the last alert"),
        "{}",
        alerts[0].text
    );
}

#[tokio::test]
async fn a_429_is_honoured_and_the_alert_still_arrives() {
    let w = world().await;
    let chat = 1004;
    let token = token_in(&say(&w.tg, chat, "/track Proposal").await);
    w.tg.fail_next(
        "sendMessage",
        Some(chat),
        Failure::TooManyRequests { retry_after: 1 },
    );
    let fetched = tokio::time::Instant::now();
    w.px.fetch_pixel(&token, Some(GMAIL)).await;
    let alerts = wait_alerts(&w.tg, chat, 1).await;
    assert_eq!(alerts.len(), 1);
    assert!(
        fetched.elapsed() >= Duration::from_secs(1),
        "retry_after was honoured"
    );
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(alerts_in(&w.tg, chat).len(), 1, "delivered once");
}

#[tokio::test]
async fn a_blocked_bot_stops_alerts_for_that_chat_without_retrying() {
    let w = world().await;
    let chat = 1005;
    let token = token_in(&say(&w.tg, chat, "/track Proposal").await);
    w.tg.block_chat(chat);
    w.px.fetch_pixel(&token, Some(GMAIL)).await;
    let mut conn = w.db.conn().await;
    seed::wait_until_alerts_blocked(&mut conn, PATIENCE).await;
    let attempts = w.tg.call_count("sendMessage");
    w.px.fetch_pixel(&token, Some(THUNDERBIRD)).await;
    w.px.fetch_pixel(&token, Some(OUTLOOK)).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(
        w.tg.call_count("sendMessage"),
        attempts,
        "no retry storm and no new alerts"
    );
    let pending: i64 = alerts::table
        .filter(alerts::finished_at.is_null())
        .count()
        .get_result(&mut conn)
        .await
        .unwrap();
    assert_eq!(pending, 0);
    // Talking to the bot again proves it was unblocked: alerts resume.
    w.tg.unblock_chat(chat);
    say(&w.tg, chat, "/opens").await;
    w.px.fetch_pixel(&token, Some("WindowsMail/17.5.9600.22013"))
        .await;
    assert_eq!(wait_alerts(&w.tg, chat, 1).await.len(), 1);
}

#[tokio::test]
async fn pending_alerts_survive_a_restart_and_none_is_repeated() {
    let w = world().await;
    let chats: Vec<i64> = (2000..2010).collect();
    let mut tokens = Vec::new();
    for chat in &chats {
        tokens.push(token_in(&say(&w.tg, *chat, "/track Proposal").await));
    }
    w.bot.kill();
    for token in &tokens {
        w.px.fetch_pixel(token, Some(GMAIL)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let _bot = TestBot::start(bot::with_telegram(
        bot::test_config(w.db.url(), &w.px.base_url),
        &w.tg,
    ))
    .await;
    for chat in &chats {
        assert_eq!(wait_alerts(&w.tg, *chat, 1).await.len(), 1, "chat {chat}");
    }
    tokio::time::sleep(Duration::from_secs(3)).await;
    for chat in &chats {
        assert_eq!(alerts_in(&w.tg, *chat).len(), 1, "chat {chat} got a repeat");
    }
}

#[tokio::test]
async fn two_dispatchers_on_one_database_deliver_every_alert_exactly_once() {
    let db = TestDb::new().await;
    let tg = FakeTelegram::start().await;
    let px = TestPixel::start(pixel::test_config(db.url())).await;
    let mut conn = db.conn().await;
    let mut chats = Vec::new();
    for chat in 3000..3040 {
        let t = seed::tracker(&mut conn, chat, "Proposal").await;
        px.fetch_pixel(&t.token.to_string(), Some(GMAIL)).await;
        chats.push(chat);
    }
    let config = AlertConfig {
        alert_sweep_secs: 1,
        alert_lease_secs: 30,
        alert_max_backoff_secs: 2,
    };
    let (stop, stop_rx) = tokio::sync::watch::channel(false);
    let mut runs = Vec::new();
    for _ in 0..2 {
        let outbound = Outbound {
            telegram: Some(tg.bot()),
            discord: None,
        };
        let d = AlertDispatcher::new(db.pool(), db.url().to_owned(), outbound, config.clone());
        runs.push(tokio::spawn(d.run(stop_rx.clone())));
    }
    for chat in &chats {
        assert_eq!(wait_alerts(&tg, *chat, 1).await.len(), 1, "chat {chat}");
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let _ = stop.send(true);
    for r in runs {
        r.await.unwrap();
    }
    assert_eq!(
        tg.call_count("sendMessage"),
        chats.len(),
        "every alert exactly once"
    );
}

#[tokio::test]
async fn hostile_labels_show_exactly_as_typed_or_are_refused() {
    let w = world().await;
    let chat = 1006;
    for label in [
        HOSTILE,
        "@everyone <@123> <script>alert(1)</script>",
        "\u{202E}gnp.exe \u{200B}zero\u{200D}width",
        "Proposal 🚀📬 für ÄCME",
        "'; DROP TABLE trackers; --",
    ] {
        let reply = say(&w.tg, chat, &format!("/track {label}")).await;
        assert!(
            reply.text.contains(label),
            "{label:?} not shown literally in {:?}",
            reply.text
        );
    }
    let list = say(&w.tg, chat, "/opens").await;
    assert!(list.text.contains("DROP TABLE"), "{}", list.text);
    let long = say(&w.tg, chat, &format!("/track {}", "x".repeat(10_000))).await;
    assert!(
        long.text.contains("10000 characters") && long.text.contains("200"),
        "{}",
        long.text
    );
    let missing = say(&w.tg, chat, "/track").await;
    assert!(
        missing.text.contains("Example: /track Proposal to ACME"),
        "{}",
        missing.text
    );
    let mut conn = w.db.conn().await;
    let labels: Vec<String> = trackers::table
        .select(trackers::label)
        .order(trackers::id)
        .load(&mut conn)
        .await
        .unwrap();
    assert_eq!(labels.len(), 5);
    assert_eq!(labels[0], HOSTILE);
    assert_eq!(
        labels[4], "'; DROP TABLE trackers; --",
        "SQL metacharacters are stored verbatim"
    );
    assert!(
        w.tg.rejected().is_empty(),
        "Telegram refused: {:?}",
        w.tg.rejected()
    );
}

#[tokio::test]
async fn another_chats_tracker_numbers_answer_like_missing_ones() {
    let w = world().await;
    let (alice, mallory) = (1007, 1008);
    let tracked = say(&w.tg, alice, "/track Alice's proposal").await;
    say(&w.tg, mallory, "/track Mallory's").await;
    say(&w.tg, mallory, "/track Mallory's second").await;
    // Mallory has #1 and #2; Alice's only tracker is #1. Alice asking for #2 and Mallory
    // asking for #3 must read the same, and nobody reaches anyone else's tracker.
    let theirs = say(&w.tg, alice, "/opens 2").await;
    let missing = say(&w.tg, mallory, "/opens 3").await;
    assert_eq!(
        theirs.text.replace("#2", "#N"),
        missing.text.replace("#3", "#N")
    );
    for cmd in ["/mute 2", "/unmute 2", "/delete 2"] {
        assert!(
            say(&w.tg, alice, cmd)
                .await
                .text
                .contains("You have no tracker #2"),
            "{cmd}"
        );
    }
    // A forged button payload is resolved in the presser's chat, never the tracker's.
    let forged = press(&w.tg, 1009, tracked.message_id, "dy:1").await;
    assert!(
        forged.text.contains("You have no tracker #1"),
        "{}",
        forged.text
    );
    let mut conn = w.db.conn().await;
    assert_eq!(seed::tracker_count(&mut conn).await, 3);
    let list = say(&w.tg, alice, "/opens").await;
    assert!(
        list.text.contains("Alice's proposal") && !list.text.contains("Mallory"),
        "{}",
        list.text
    );
}

#[tokio::test]
async fn bad_input_gets_a_friendly_specific_reply() {
    let w = world_with(|mut c| {
        c.trackers_per_minute = 2;
        c
    })
    .await;
    let chat = 1010;
    let cases = [
        ("/frobnicate", "I don't know the command /frobnicate"),
        ("hello there", "I only understand commands"),
        ("/opens abc", "abc is not a tracker number"),
        ("/mute", "Which tracker?"),
        ("/opens 99", "You have no tracker #99"),
        ("/help", "/track <label>"),
    ];
    for (input, expected) in cases {
        let reply = say(&w.tg, chat, input).await;
        assert!(
            reply.text.contains(expected),
            "{input:?} → {:?}",
            reply.text
        );
    }
    say(&w.tg, chat, "/track One").await;
    say(&w.tg, chat, "/track Two").await;
    let limited = say(&w.tg, chat, "/track Three").await;
    assert!(
        limited.text.contains("Slow down") && limited.text.contains("2 new trackers a minute"),
        "{}",
        limited.text
    );
}

#[tokio::test]
async fn a_database_error_is_something_went_wrong() {
    let w = world().await;
    let chat = 1011;
    say(&w.tg, chat, "/start").await;
    let mut admin = w.db.admin_conn().await;
    w.db.set_reachable(&mut admin, false).await;
    let reply = say(&w.tg, chat, "/opens").await;
    assert!(
        reply.text.contains("Something went wrong"),
        "{}",
        reply.text
    );
    assert!(
        !reply.text.to_lowercase().contains("error"),
        "no Rust error reaches the user: {}",
        reply.text
    );
    w.db.set_reachable(&mut admin, true).await;
}

#[tokio::test]
async fn opens_pages_through_trackers_with_buttons() {
    let w = world().await;
    let chat = 1012;
    for i in 1..=7 {
        say(&w.tg, chat, &format!("/track Email {i}")).await;
    }
    let first = say(&w.tg, chat, "/opens").await;
    assert!(
        first.text.contains("page 1 of 2")
            && first.text.contains("#7 Email 7")
            && !first.text.contains("#2 Email 2"),
        "{}",
        first.text
    );
    let next = press(&w.tg, chat, first.message_id, &button(&first, "▶")).await;
    assert_eq!(
        next.message_id, first.message_id,
        "paging edits the list in place"
    );
    assert!(
        next.text.contains("page 2 of 2") && next.text.contains("#1 Email 1"),
        "{}",
        next.text
    );
    assert!(next.buttons().iter().any(|b| b.text == "◀"));
}
