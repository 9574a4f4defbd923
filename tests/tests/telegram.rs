//! The Telegram user's story end to end: the bot and the pixel server in-process, a fresh
//! database, and a fake Bot API.

use std::time::Duration;

use mailping_tests::app::{PATIENCE, TestApp, alerts_in, button, is_alert, token_in, wait_alerts};
use mailping_tests::eventually;
use mailping_tests::fake_telegram::{Failure, FakeTelegram, Limits, SentMessage};
use mailping_tests::seed;

const GMAIL: &str =
    "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";
const THUNDERBIRD: &str =
    "Mozilla/5.0 (X11; Linux x86_64; rv:24.0) Gecko/20100101 Thunderbird/24.4.0 Lightning/2.6.4";
const OUTLOOK: &str = "Outlook-iOS/709.2042344.prod.iphone (3.21.0)";
const HOSTILE: &str = "*_[]()~`>#+-=|{}.!<b>&";

#[tokio::test]
async fn the_whole_story_from_start_to_delete() {
    let app = TestApp::spawn().with_telegram().await;
    let tg = app.telegram();
    let chat = 1001;

    // 1. /start, then /track.
    let welcome = app.send(chat, "/start").await;
    assert!(
        welcome.text.contains("Welcome to MailPing"),
        "{}",
        welcome.text
    );
    assert!(welcome.text.contains("1.") && welcome.text.contains("3."));
    let tracked = app.send(chat, "/track Proposal to ACME").await;
    assert!(
        tracked.text.contains("Proposal to ACME"),
        "{}",
        tracked.text
    );
    let token = token_in(&tracked.text);
    let url = app.pixel_url(&format!("/i/{token}.gif"));
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
        tg.commands().len(),
        mailping_shared::commands::COMMANDS.len(),
        "commands registered with setMyCommands"
    );

    // 2. Gmail's proxy fetches the pixel: an alert arrives and names Gmail. (How fast is
    // bench/'s alert-latency benchmark's to say.)
    app.fetch_pixel(&token, Some(GMAIL)).await;
    let alert = tg.wait_for(PATIENCE, is_alert).await.expect("an alert");
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
    let list = app.send(chat, "/opens").await;
    assert!(
        list.text.contains("#1 Proposal to ACME — opened 1×"),
        "{}",
        list.text
    );
    assert!(list.text.contains("Gmail"));

    // 4. /opens 1 shows the timeline.
    let timeline = app.send(chat, "/opens 1").await;
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
    let muted = app.send(chat, "/mute 1").await;
    assert!(muted.text.contains("Muted #1"), "{}", muted.text);
    app.fetch_pixel(&token, Some(THUNDERBIRD)).await;
    app.wait_until_settled(2).await;
    assert_eq!(
        alerts_in(tg, chat).len(),
        1,
        "a muted tracker sends nothing"
    );
    let mut conn = app.conn().await;
    assert_eq!(
        seed::open_count(&mut conn).await,
        2,
        "a muted tracker still records"
    );

    // 6. /delete 1 asks first, then removes everything.
    let ask = app.send(chat, "/delete 1").await;
    assert!(
        ask.text.contains("Delete #1 Proposal to ACME"),
        "{}",
        ask.text
    );
    let done = app.press(chat, ask.message_id, &button(&ask, "Yes")).await;
    assert!(done.text.contains("Deleted #1"), "{}", done.text);
    assert_eq!(seed::tracker_count(&mut conn).await, 0);
    assert_eq!(seed::open_count(&mut conn).await, 0);
    assert_eq!(seed::alert_count(&mut conn).await, 0);
    assert!(tg.rejected().is_empty(), "{:?}", tg.rejected());
}

#[tokio::test]
async fn preview_bots_and_apple_prefetch_are_not_read_alerts() {
    let app = TestApp::spawn().with_telegram().await;
    let tg = app.telegram();
    let chat = 1002;
    let token = token_in(&app.send(chat, "/track Invoice 42").await.text);
    app.fetch_pixel(&token, Some("TelegramBot (like TwitterBot)"))
        .await;
    app.fetch_pixel(&token, Some("Mozilla/5.0")).await;
    let alert = tg
        .wait_for(PATIENCE, is_alert)
        .await
        .expect("the Apple delivery alert");
    assert_eq!(
        alert.text,
        "📭 Invoice 42 reached an Apple Mail inbox. Apple fetched it on delivery, so this is not a confirmed read."
    );
    app.wait_until_settled(2).await;
    assert_eq!(
        alerts_in(tg, chat).len(),
        1,
        "the preview bot's fetch never alerts"
    );
    let list = app.send(chat, "/opens").await;
    assert!(
        list.text.contains(
            "delivered, not yet confirmed read (only machines fetched it: Apple Mail, Telegram)"
        ),
        "{}",
        list.text
    );
    let mut conn = app.conn().await;
    let kinds = seed::all_kinds(&mut conn).await;
    assert_eq!(kinds, ["link_preview", "apple_mpp"]);
}

#[tokio::test]
async fn alerts_say_the_chats_timezone_and_count_coalesced_opens() {
    let mut app = TestApp::spawn().with_telegram().await;
    // A handle of its own: the app is borrowed mutably to stop and start the bot.
    let tg = &app.telegram().clone();
    let chat = 1003;
    assert!(
        app.send(chat, "/tz Europe/Berlin")
            .await
            .text
            .contains("Europe/Berlin")
    );
    let bad = app.send(chat, "/tz Mars/Olympus").await;
    assert!(
        bad.text.contains("Mars/Olympus") && bad.text.contains("not a timezone"),
        "{}",
        bad.text
    );
    let token = token_in(&app.send(chat, "/track Proposal").await.text);
    // Stop the bot so three reads pile up in one pending alert.
    app.stop_bot().await;
    for ua in [GMAIL, THUNDERBIRD, OUTLOOK] {
        app.fetch_pixel(&token, Some(ua)).await;
    }
    let mut conn = app.conn().await;
    eventually(PATIENCE, "three reads in one pending alert", async || {
        (seed::alert_open_counts(&mut conn).await == [3]).then_some(())
    })
    .await;
    app.start_bot().await;
    let alerts = wait_alerts(tg, chat, 1).await;
    assert_eq!(alerts.len(), 1);
    assert!(
        alerts[0]
            .text
            .contains("(Europe/Berlin) · Outlook · opened 3 times since the last alert"),
        "{}",
        alerts[0].text
    );
}

/// How many reads an alert reports: "2nd open" is one, "opened 5 times …" five.
fn reads_in(alert: &SentMessage) -> i64 {
    match alert.text.split_once("opened ") {
        Some((_, rest)) => rest
            .split(' ')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no count in {:?}", alert.text)),
        None => 1,
    }
}

#[tokio::test]
async fn a_hostile_burst_of_reads_is_coalesced_and_every_read_is_counted() {
    // ALERT_BURST and ALERT_WINDOW_SECS at their defaults.
    const BURST: usize = 3;
    const READS: usize = 500;
    let app = TestApp::spawn()
        .with_telegram()
        .pixel_setting("--trusted-proxies", "127.0.0.0/8")
        .await;
    let tg = app.telegram();
    let chat = 1010;
    let token = token_in(&app.send(chat, "/track Proposal").await.text);
    let mut conn = app.conn().await;

    // Hundreds of reads over a few seconds, each from a network of its own, so that neither
    // dedup nor the per-client limit folds them; paced, so that the pixel server's write
    // batches do not fold them either.
    let networks: Vec<String> = (0..READS)
        .map(|i| format!("45.{}.{}.9", 10 + i / 256, i % 256))
        .collect();
    let (app, token) = (&app, &token);
    futures_util::future::join_all(networks.chunks(25).map(|chunk| async move {
        for network in chunk {
            app.fetch_pixel_with(token, Some(THUNDERBIRD), &[("x-forwarded-for", network)])
                .await;
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }))
    .await;

    // Every read is either in a message or waiting in the pending alert; then the outbox
    // has had a few sweeps to send what it would send.
    let mut told = 0;
    eventually(
        PATIENCE,
        "every read recorded and told or pending",
        async || {
            told = alerts_in(tg, chat).iter().map(reads_in).sum::<i64>();
            let pending = seed::pending_alert_reads(&mut conn).await;
            (told + pending == READS as i64).then_some(())
        },
    )
    .await;
    // An absence: a coalescing that failed would send more within the window, in the
    // outbox's next sweeps (every second); only waiting can show that it does not.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let during = alerts_in(tg, chat);
    eprintln!(
        "{READS} reads from {READS} networks gave {} alert messages within the window ({told} reads told, the rest waiting)",
        during.len()
    );
    assert_eq!(seed::read_count(&mut conn).await, READS as i64);
    assert!(
        during.len() <= BURST,
        "{} alert messages for one tracker within the window: {:#?}",
        during.len(),
        during.iter().map(|m| &m.text).collect::<Vec<_>>()
    );

    // Ten minutes after the last alert, the rest arrive as one message with the exact count.
    seed::advance_clock(
        &mut conn,
        chrono::Duration::minutes(10) + chrono::Duration::seconds(1),
    )
    .await;
    let all = eventually(PATIENCE, "every read told", async || {
        let alerts = alerts_in(tg, chat);
        (alerts.iter().map(reads_in).sum::<i64>() == READS as i64).then_some(alerts)
    })
    .await;
    assert!(all.len() <= BURST + 1, "{all:#?}");
    let summary = &all.last().expect("a summary").text;
    assert!(
        summary.contains(&format!(
            "opened {} more times in the last 10 minutes",
            reads_in(all.last().unwrap())
        )),
        "{summary}"
    );
    app.wait_until_settled(READS as i64).await;
    assert_eq!(alerts_in(tg, chat).len(), all.len(), "nothing told twice");
    assert_eq!(seed::pending_alert_count(&mut conn).await, 0);
}

#[tokio::test]
async fn a_429_is_honoured_and_the_alert_still_arrives() {
    let app = TestApp::spawn().with_telegram().await;
    let tg = app.telegram();
    let chat = 1004;
    let token = token_in(&app.send(chat, "/track Proposal").await.text);
    tg.fail_next(
        "sendMessage",
        Some(chat),
        Failure::TooManyRequests { retry_after: 1 },
    );
    let fetched = tokio::time::Instant::now();
    app.fetch_pixel(&token, Some(GMAIL)).await;
    let alerts = wait_alerts(tg, chat, 1).await;
    assert_eq!(alerts.len(), 1);
    assert!(
        fetched.elapsed() >= Duration::from_secs(1),
        "retry_after was honoured"
    );
    app.wait_until_settled(1).await;
    assert_eq!(alerts_in(tg, chat).len(), 1, "delivered once");
}

#[tokio::test]
async fn a_blocked_bot_stops_alerts_for_that_chat_without_retrying() {
    let app = TestApp::spawn().with_telegram().await;
    let tg = app.telegram();
    let chat = 1005;
    let token = token_in(&app.send(chat, "/track Proposal").await.text);
    tg.block_chat(chat);
    app.fetch_pixel(&token, Some(GMAIL)).await;
    let mut conn = app.conn().await;
    app.wait_until_alerts_blocked().await;
    let attempts = tg.call_count("sendMessage");
    app.fetch_pixel(&token, Some(THUNDERBIRD)).await;
    app.fetch_pixel(&token, Some(OUTLOOK)).await;
    app.wait_until_settled(3).await;
    assert_eq!(
        tg.call_count("sendMessage"),
        attempts,
        "no retry storm and no new alerts"
    );
    let pending = seed::pending_alert_count(&mut conn).await;
    assert_eq!(pending, 0);
    // Talking to the bot again proves it was unblocked: alerts resume.
    tg.unblock_chat(chat);
    app.send(chat, "/opens").await;
    app.fetch_pixel(&token, Some("WindowsMail/17.5.9600.22013"))
        .await;
    assert_eq!(wait_alerts(tg, chat, 1).await.len(), 1);
}

#[tokio::test]
async fn pending_alerts_survive_a_restart_and_none_is_repeated() {
    let mut app = TestApp::spawn().with_telegram().await;
    // A handle of its own: the app is borrowed mutably to stop and start the bot.
    let tg = &app.telegram().clone();
    let chats: Vec<i64> = (2000..2010).collect();
    let mut tokens = Vec::new();
    for chat in &chats {
        tokens.push(token_in(&app.send(*chat, "/track Proposal").await.text));
    }
    app.kill_bot();
    for token in &tokens {
        app.fetch_pixel(token, Some(GMAIL)).await;
    }
    let mut conn = app.conn().await;
    // Recorded, and their alerts queued in the same transactions. (Not 'ten alerts pending':
    // a killed replica's tasks are dropped where they are, and one may still send some.)
    eventually(
        PATIENCE,
        "the opens recorded while no bot runs",
        async || (seed::open_count(&mut conn).await == chats.len() as i64).then_some(()),
    )
    .await;
    app.start_bot().await;
    for chat in &chats {
        assert_eq!(wait_alerts(tg, *chat, 1).await.len(), 1, "chat {chat}");
    }
    app.wait_until_settled(chats.len() as i64).await;
    for chat in &chats {
        assert_eq!(alerts_in(tg, *chat).len(), 1, "chat {chat} got a repeat");
    }
}

#[tokio::test]
async fn two_bot_replicas_on_one_database_deliver_every_alert_exactly_once() {
    let mut app = TestApp::spawn()
        .with_telegram()
        .bot_setting("--alert-lease-secs", 30)
        .await;
    let tg = &app.telegram().clone();
    // The alerts pile up while no bot runs, then both replicas race for them.
    app.stop_bot().await;
    let mut conn = app.conn().await;
    let mut chats = Vec::new();
    for chat in 3000..3040 {
        let t = seed::tracker(&mut conn, chat, "Proposal").await;
        app.fetch_pixel(&t.token, Some(GMAIL)).await;
        chats.push(chat);
    }
    app.start_bot().await;
    app.start_bot().await;
    for chat in &chats {
        assert_eq!(wait_alerts(tg, *chat, 1).await.len(), 1, "chat {chat}");
    }
    app.wait_until_settled(chats.len() as i64).await;
    app.stop_bot().await;
    // Counted as Telegram took them: 40 alerts at once pass its 30 a second, and the 429s
    // are tried again.
    let sent = tg
        .sent()
        .iter()
        .filter(|m| m.method == "sendMessage")
        .count();
    assert_eq!(sent, chats.len(), "every alert exactly once");
}

#[tokio::test]
async fn hostile_labels_show_exactly_as_typed_or_are_refused() {
    let app = TestApp::spawn().with_telegram().await;
    let tg = app.telegram();
    let chat = 1006;
    for label in [
        HOSTILE,
        "@everyone <@123> <script>alert(1)</script>",
        "\u{200F}שלום \u{200B}zero\u{200D}width",
        "Proposal 🚀📬 für ÄCME",
        "'; DROP TABLE trackers; --",
    ] {
        let reply = app.send(chat, &format!("/track {label}")).await;
        assert!(
            reply.text.contains(label),
            "{label:?} not shown literally in {:?}",
            reply.text
        );
    }
    let list = app.send(chat, "/opens").await;
    assert!(list.text.contains("DROP TABLE"), "{}", list.text);
    let long = app
        .send(chat, &format!("/track {}", "x".repeat(10_000)))
        .await;
    assert!(
        // Numbers are written as the language writes them (ICU): 10,000 in English.
        long.text.contains("10,000 characters") && long.text.contains("200"),
        "{}",
        long.text
    );
    let missing = app.send(chat, "/track").await;
    assert!(
        missing.text.contains("Example: /track Proposal to ACME"),
        "{}",
        missing.text
    );
    let mut conn = app.conn().await;
    let labels = seed::labels(&mut conn).await;
    assert_eq!(labels.len(), 5);
    assert_eq!(labels[0], HOSTILE);
    assert_eq!(
        labels[4], "'; DROP TABLE trackers; --",
        "SQL metacharacters are stored verbatim"
    );
    assert!(
        tg.rejected().is_empty(),
        "Telegram refused: {:?}",
        tg.rejected()
    );
}

#[tokio::test]
async fn replies_fit_telegrams_limit_and_labels_that_hijack_the_layout_are_refused() {
    let app = TestApp::spawn().with_telegram().await;
    let tg = app.telegram();
    let chat = 1020;
    let unknown = app.send(chat, &format!("/{}", "x".repeat(4090))).await;
    assert!(
        unknown.text.contains("I don't know the command /xxx") && unknown.text.contains('…'),
        "{}",
        unknown.text
    );
    assert!(
        unknown.text.encode_utf16().count() < 200,
        "{}",
        unknown.text
    );
    for (label, expected) in [
        ("\u{202E}gnp.exe", "text direction"),
        ("Paid\u{202D} in full", "text direction"),
        ("\u{2066}isolated\u{2069}", "text direction"),
        ("Proposal\u{2028}Paid in full", "line separators"),
        ("Proposal\u{2029}Paid", "line separators"),
        ("\u{200B}\u{200D}\u{2060}", "invisible"),
        ("\u{3164}\u{3164}\u{3164}", "invisible"),
        ("\u{FE0F}\u{FE0E}", "invisible"),
    ] {
        let reply = app.send(chat, &format!("/track {label}")).await;
        assert!(
            reply.text.contains(expected) && reply.text.contains("Nothing was created"),
            "{label:?}: {}",
            reply.text
        );
    }
    assert_eq!(app.tracker_and_open_counts().await, (0, 0));
    // Ten recipients whose labels are 193 emoji: about 4,000 UTF-16 units of labels alone.
    let email = "📬".repeat(100);
    let recipients: String = (0..10)
        .map(|i| format!("\n{i}{}", "🚀".repeat(89)))
        .collect();
    let many = app.send(chat, &format!("/track {email}{recipients}")).await;
    assert!(many.text.contains("10 trackers created"), "{}", many.text);
    assert!(many.text.encode_utf16().count() <= 4096);
    assert_eq!(app.tracker_and_open_counts().await, (10, 0));
    let list = app.send(chat, "/opens").await;
    assert!(list.text.contains("Your trackers"), "{}", list.text);
    assert!(
        tg.rejected().is_empty(),
        "Telegram refused: {:?}",
        tg.rejected()
    );
}

#[tokio::test]
async fn a_bot_started_while_telegram_is_unreachable_answers_once_it_is_back() {
    let mut app = TestApp::spawn().with_telegram_unreachable().await;
    let (status, body) = app.bot_readiness().await;
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("telegram: unreachable"), "{body}");

    app.start_telegram().await;
    let reply = app.send(1022, "/help").await;
    assert!(reply.text.contains("MailPing commands"), "{}", reply.text);
    eventually(PATIENCE, "the bot to be ready", async || {
        let (status, body) = app.bot_readiness().await;
        (status == 200).then_some(body)
    })
    .await;
    assert!(
        !app.telegram().commands().is_empty(),
        "the command menu is registered once Telegram answers"
    );
}

#[tokio::test]
async fn a_token_telegram_refuses_is_said_once_on_readyz_and_not_retried() {
    let app = TestApp::spawn().with_telegram().await;
    let tg = app.telegram();
    let reply = app.send(1023, "/help").await;
    assert!(reply.text.contains("MailPing commands"), "{}", reply.text);
    // Revoked in @BotFather while the bot runs: the next long poll gets 401.
    tg.revoke_token();
    let body = eventually(
        PATIENCE,
        "/readyz to say the token is refused",
        async || {
            let (status, body) = app.bot_readiness().await;
            (status == 503 && body.contains("telegram: token refused")).then_some(body)
        },
    )
    .await;
    assert!(body.contains("@BotFather"), "{body}");
    // Not retried: Telegram will not take the token again by itself. The retries this
    // replaces came 0.5 s, 1 s and 2 s apart, so 4 s of quiet shows they are gone (an absence
    // can only be shown by waiting).
    let calls = || tg.call_count("getMe") + tg.call_count("getUpdates");
    let before = calls();
    tokio::time::sleep(Duration::from_secs(4)).await;
    assert_eq!(calls(), before, "the refused token was tried again");
}

#[tokio::test]
async fn commands_addressed_to_another_bot_are_left_to_it() {
    let app = TestApp::spawn().with_telegram().await;
    let tg = app.telegram();
    let chat = 1021;
    tg.send_text(chat, "/opens@OtherBot");
    tg.send_text(chat, "/track@other_bot Proposal");
    let ours = app
        .send(
            chat,
            &format!("/help@{}", FakeTelegram::BOT_USERNAME.to_uppercase()),
        )
        .await;
    assert!(ours.text.contains("MailPing commands"), "{}", ours.text);
    let unaddressed = app.send(chat, "/opens").await;
    assert!(
        unaddressed.text.contains("no trackers"),
        "{}",
        unaddressed.text
    );
    // A chat's updates are handled in order: once /opens is answered, the two commands to
    // the other bot before it have been handled too.
    assert_eq!(tg.sent_to(chat).len(), 2, "{:#?}", tg.sent_to(chat));
    assert_eq!(app.tracker_and_open_counts().await, (0, 0));
}

#[tokio::test]
async fn another_chats_tracker_numbers_answer_like_missing_ones() {
    let app = TestApp::spawn().with_telegram().await;
    let (alice, mallory) = (1007, 1008);
    let tracked = app.send(alice, "/track Alice's proposal").await;
    app.send(mallory, "/track Mallory's").await;
    app.send(mallory, "/track Mallory's second").await;
    // Mallory has #1 and #2; Alice's only tracker is #1. Alice asking for #2 and Mallory
    // asking for #3 must read the same, and nobody reaches anyone else's tracker.
    let theirs = app.send(alice, "/opens 2").await;
    let missing = app.send(mallory, "/opens 3").await;
    assert_eq!(
        theirs.text.replace("#2", "#N"),
        missing.text.replace("#3", "#N")
    );
    for cmd in ["/mute 2", "/unmute 2", "/delete 2"] {
        assert!(
            app.send(alice, cmd)
                .await
                .text
                .contains("You have no tracker #2"),
            "{cmd}"
        );
    }
    // A forged button payload is resolved in the presser's chat, never the tracker's.
    let forged = app.press(1009, tracked.message_id, "dy:1").await;
    assert!(
        forged.text.contains("You have no tracker #1"),
        "{}",
        forged.text
    );
    let mut conn = app.conn().await;
    assert_eq!(seed::tracker_count(&mut conn).await, 3);
    let list = app.send(alice, "/opens").await;
    assert!(
        list.text.contains("Alice's proposal") && !list.text.contains("Mallory"),
        "{}",
        list.text
    );
}

#[tokio::test]
async fn bad_input_gets_a_friendly_specific_reply() {
    let app = TestApp::spawn()
        .with_telegram()
        .bot_setting("--trackers-per-minute", 2)
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
        let reply = app.send(chat, input).await;
        assert!(
            reply.text.contains(expected),
            "{input:?} → {:?}",
            reply.text
        );
    }
    app.send(chat, "/track One").await;
    app.send(chat, "/track Two").await;
    let limited = app.send(chat, "/track Three").await;
    assert!(
        limited.text.contains("Slow down") && limited.text.contains("2 new trackers a minute"),
        "{}",
        limited.text
    );
}

#[tokio::test]
async fn a_database_error_is_something_went_wrong() {
    let app = TestApp::spawn().with_telegram().await;
    let chat = 1011;
    app.send(chat, "/start").await;
    app.set_database_reachable(false).await;
    let reply = app.send(chat, "/opens").await;
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
    app.set_database_reachable(true).await;
}

#[tokio::test]
async fn opens_pages_through_trackers_with_buttons() {
    let app = TestApp::spawn().with_telegram().await;
    let chat = 1012;
    for i in 1..=7 {
        app.send(chat, &format!("/track Email {i}")).await;
    }
    let first = app.send(chat, "/opens").await;
    assert!(
        first.text.contains("page 1 of 2")
            && first.text.contains("#7 Email 7")
            && !first.text.contains("#2 Email 2"),
        "{}",
        first.text
    );
    let next = app
        .press(chat, first.message_id, &button(&first, "▶"))
        .await;
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

/// How many "Wrong?" reports are stored.
async fn verdict_reports(app: &TestApp) -> i64 {
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    let mut conn = app.conn().await;
    mailping_shared::schema::verdict_reports::table
        .count()
        .get_result(&mut conn)
        .await
        .expect("count")
}

#[tokio::test]
async fn wrong_on_an_alert_is_recorded_and_shown_and_the_timeline_says_why_scans_did_not_count() {
    let app = TestApp::spawn()
        .with_telegram()
        .pixel_setting("--trusted-proxies", "127.0.0.0/8,::1")
        .await;
    let tg = app.telegram();
    let chat = 1010;
    let token = token_in(&app.send(chat, "/track Proposal").await.text);
    // Microsoft 365 Defender scans first, from Microsoft's mail network, with a browser's agent.
    let chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/101.0.4951.54 Safari/537.36";
    app.fetch_pixel_with(&token, Some(chrome), &[("x-forwarded-for", "40.94.89.17")])
        .await;
    app.fetch_pixel_with(&token, Some(GMAIL), &[("x-forwarded-for", "66.249.93.84")])
        .await;
    let alert = wait_alerts(tg, chat, 1).await.remove(0);
    assert!(alert.text.contains("Gmail · 1st open"), "{}", alert.text);

    // Another chat forging the button reaches nothing.
    let forged = app
        .press(1011, alert.message_id, &button(&alert, "Wrong?"))
        .await;
    assert!(forged.text.contains("no tracker #1"), "{}", forged.text);
    assert_eq!(verdict_reports(&app).await, 0);

    // "Wrong?" asks what it was; nothing is recorded before the answer.
    let question = app
        .press(chat, alert.message_id, &button(&alert, "Wrong?"))
        .await;
    assert!(
        question.text.starts_with("❓ What was that fetch of #1"),
        "{}",
        question.text
    );
    assert_eq!(verdict_reports(&app).await, 0);
    let noted = app
        .press(chat, question.message_id, &button(&question, "It was me"))
        .await;
    assert!(noted.text.starts_with("📝 Noted"), "{}", noted.text);
    assert!(noted.text.contains("/opens 1"), "{}", noted.text);
    // Gmail's proxy is everybody's: its address is not learned as the owner's.
    assert!(noted.text.contains("many people share"), "{}", noted.text);
    // Pressing twice keeps one report.
    app.press(chat, question.message_id, &button(&question, "It was me"))
        .await;
    assert_eq!(verdict_reports(&app).await, 1);

    let timeline = app.send(chat, "/opens 1").await;
    let lines: Vec<&str> = timeline
        .text
        .lines()
        .filter(|l| l.starts_with('•'))
        .collect();
    assert_eq!(lines.len(), 2, "{}", timeline.text);
    assert!(
        lines[0].ends_with("not counted: Microsoft 365 link scan"),
        "{}",
        timeline.text
    );
    assert!(
        lines[1].ends_with("opened via Gmail's image proxy · Gmail · ❓ you said this was wrong"),
        "{}",
        timeline.text
    );

    // Deleting the tracker deletes its reports.
    let ask = app.send(chat, "/delete 1").await;
    app.press(chat, ask.message_id, &button(&ask, "Yes")).await;
    assert_eq!(verdict_reports(&app).await, 0);
}

/// Telegram answers a chat that gets more than about a message a second with 429 and
/// `retry_after`; the bot sends each answer again after it, in order, instead of dropping it.
#[tokio::test]
async fn answers_past_the_flood_limit_arrive_after_retry_after_in_order() {
    let app = TestApp::spawn().with_telegram().await;
    let tg = app.telegram();
    tg.set_limits(Limits {
        per_chat: (1, Duration::from_secs(1)),
        ..Limits::default()
    });
    let chat = 1077;
    let labels = ["First proposal", "Second proposal", "Third proposal"];
    for label in labels {
        tg.send_text(chat, &format!("/track {label}"));
    }
    let answers = eventually(
        PATIENCE * 2,
        mailping_tests::Describe(|| {
            format!(
                "three answers; sent {:#?}, throttled {:#?}",
                tg.sent_to(chat),
                tg.throttled()
            )
        }),
        async || {
            let sent = tg.sent_to(chat);
            (sent.len() >= labels.len()).then_some(sent)
        },
    )
    .await;
    for (answer, label) in answers.iter().zip(labels) {
        assert!(answer.text.contains(label), "{label}: {}", answer.text);
    }
    assert!(!tg.throttled().is_empty(), "the limit was reached");
    assert!(tg.rejected().is_empty(), "{:#?}", tg.rejected());
}
