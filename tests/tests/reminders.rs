//! Follow-up reminders end to end, with the fake Telegram and Discord APIs and a database
//! clock the tests move instead of sleeping.

use chrono::{Duration, TimeZone, Utc};
use mailping_tests::app::{PATIENCE, TestApp, token_in};
use mailping_tests::fake_telegram::{Limits, SentMessage};
use mailping_tests::{Describe, eventually, seed};
use serde_json::json;

const CHAT: i64 = 7001;
const CHROME: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

fn is_reminder(m: &SentMessage) -> bool {
    m.text.starts_with("⏰ No confirmed read")
}

fn reminders_in(app: &TestApp, chat: i64) -> Vec<SentMessage> {
    app.telegram()
        .sent_to(chat)
        .into_iter()
        .filter(is_reminder)
        .collect()
}

/// Waits for the `n`th reminder message in `chat` and returns it.
async fn wait_reminder(app: &TestApp, chat: i64, n: usize) -> SentMessage {
    eventually(
        PATIENCE,
        Describe(|| {
            format!(
                "{n} reminders in chat {chat}; sent: {:#?}",
                app.telegram().sent_to(chat)
            )
        }),
        async || reminders_in(app, chat).get(n - 1).cloned(),
    )
    .await
}

#[tokio::test]
async fn a_reminder_set_from_the_track_buttons_fires_when_nobody_has_read_the_email() {
    let app = TestApp::spawn().with_telegram().await;
    let mut conn = app.conn().await;
    let created = app.send(CHAT, "/track Proposal to ACME").await;
    let one_day = created
        .callback_data("⏰ 1 day")
        .expect("a remind-me button under /track");
    let set = app.press(CHAT, created.message_id, &one_day).await;
    assert!(
        set.text.contains("In 1 day") && set.text.contains("Proposal to ACME"),
        "{}",
        set.text
    );
    let listed = app.send(CHAT, "/opens").await;
    assert!(
        listed.text.contains("⏰"),
        "/opens shows the reminder: {}",
        listed.text
    );

    seed::advance_clock(&mut conn, Duration::days(1) + Duration::minutes(1)).await;
    let reminder = wait_reminder(&app, CHAT, 1).await;
    assert!(
        reminder.text.contains("Proposal to ACME") && reminder.text.contains("after 1 day"),
        "{}",
        reminder.text
    );
    assert!(!reminder.text.contains("late"), "{}", reminder.text);
    let labels: Vec<String> = reminder.buttons().into_iter().map(|b| b.text).collect();
    assert_eq!(
        labels,
        [
            "🕓 Timeline",
            "⏰ Remind again in 3 days",
            "🛑 Stop reminding"
        ]
    );
    // The row goes when the sending transaction commits, a moment after the message.
    eventually(PATIENCE, "the sent reminder gone", async || {
        seed::reminders(&mut conn).await.is_empty().then_some(())
    })
    .await;

    // "Remind again" sets a new one; "Stop reminding" ends it.
    let again = app
        .press(
            CHAT,
            reminder.message_id,
            &reminder.callback_data("⏰ Remind again in 3 days").unwrap(),
        )
        .await;
    assert!(again.text.contains("In 3 days"), "{}", again.text);
    assert_eq!(seed::reminders(&mut conn).await.len(), 1);
    let stopped = app
        .press(
            CHAT,
            reminder.message_id,
            &reminder.callback_data("🛑 Stop reminding").unwrap(),
        )
        .await;
    assert!(
        stopped.text.contains("No reminder for #1"),
        "{}",
        stopped.text
    );
    assert!(seed::reminders(&mut conn).await.is_empty());
}

#[tokio::test]
async fn a_read_cancels_the_reminder_and_its_alert_says_so() {
    let app = TestApp::spawn().with_telegram().await;
    let mut conn = app.conn().await;
    let created = app.send(CHAT, "/track Invoice 42").await;
    let set = app.send(CHAT, "/remind 1 3d").await;
    assert!(set.text.contains("In 3 days"), "{}", set.text);
    // A reminder elsewhere that nothing cancels: once it is sent, a sweep has run past the
    // time the cancelled one was due.
    let control = CHAT + 1;
    app.send(control, "/track Control").await;
    app.send(control, "/remind 1 3d").await;

    app.fetch_pixel(&token_in(&created.text), Some(CHROME))
        .await;
    let alert = eventually(PATIENCE, "the read's alert", async || {
        app.telegram()
            .sent_to(CHAT)
            .into_iter()
            .find(|m| m.text.starts_with("📬"))
    })
    .await;
    assert!(alert.text.contains("reminder cancelled"), "{}", alert.text);

    assert_eq!(
        seed::reminders(&mut conn).await.len(),
        1,
        "only the control's is left"
    );

    // Nothing is left to fire, however far the clock moves.
    seed::advance_clock(&mut conn, Duration::days(4)).await;
    wait_reminder(&app, control, 1).await;
    let refused = app.send(CHAT, "/remind 1 2d").await;
    assert!(
        refused.text.contains("already been read"),
        "{}",
        refused.text
    );
    assert!(reminders_in(&app, CHAT).is_empty());
}

#[tokio::test]
async fn apples_delivery_fetch_is_not_a_read_so_the_reminder_still_fires_and_says_so() {
    let app = TestApp::spawn().with_telegram().await;
    let mut conn = app.conn().await;
    let created = app.send(CHAT, "/track Quote for Bob").await;
    app.send(CHAT, "/remind 1 2d").await;
    app.fetch_pixel(&token_in(&created.text), Some("Mozilla/5.0"))
        .await;
    eventually(PATIENCE, "Apple's prefetch alert", async || {
        app.telegram()
            .sent_to(CHAT)
            .into_iter()
            .find(|m| m.text.starts_with("📭"))
    })
    .await;
    assert_eq!(seed::reminders(&mut conn).await.len(), 1, "not cancelled");

    seed::advance_clock(&mut conn, Duration::days(2) + Duration::minutes(1)).await;
    let reminder = wait_reminder(&app, CHAT, 1).await;
    assert!(
        reminder.text.contains("Apple Mail fetched it on delivery")
            && reminder.text.contains("which is not a read"),
        "{}",
        reminder.text
    );
}

#[tokio::test]
async fn with_two_bot_replicas_each_reminder_is_sent_exactly_once() {
    let mut app = TestApp::spawn().with_telegram().await;
    // About replicas, not Telegram's flood limits, which would make 36 messages take a minute.
    app.telegram().set_limits(Limits::none());
    let mut conn = app.conn().await;
    for i in 1..=12 {
        app.send(CHAT, &format!("/track Proposal {i}")).await;
        app.send(CHAT, &format!("/remind {i} 1h")).await;
    }
    // The second replica comes after the set-up, whose replies would otherwise interleave.
    app.start_bot().await;
    seed::advance_clock(&mut conn, Duration::hours(2)).await;
    eventually(PATIENCE, "every reminder sent", async || {
        seed::reminders(&mut conn).await.is_empty().then_some(())
    })
    .await;
    // The table is empty, so every send has committed: none can still be on its way.
    let sent = reminders_in(&app, CHAT);
    assert_eq!(sent.len(), 12, "{sent:#?}");
    let mut labels: Vec<&str> = sent
        .iter()
        .map(|m| m.text.split(" after").next().unwrap())
        .collect();
    labels.sort();
    labels.dedup();
    assert_eq!(labels.len(), 12, "no reminder twice");
}

#[tokio::test]
async fn a_reminder_due_while_the_bot_was_down_is_sent_when_it_returns_and_says_how_late() {
    let mut app = TestApp::spawn().with_telegram().await;
    let mut conn = app.conn().await;
    app.send(CHAT, "/track Proposal to ACME").await;
    app.send(CHAT, "/remind 1 1d").await;
    app.stop_bot().await;
    seed::advance_clock(&mut conn, Duration::days(1) + Duration::hours(5)).await;
    assert_eq!(seed::reminders(&mut conn).await.len(), 1, "nobody sent it");
    app.start_bot().await;
    let reminder = wait_reminder(&app, CHAT, 1).await;
    assert!(
        reminder.text.contains("This reminder is 5 hours late"),
        "{}",
        reminder.text
    );
}

#[tokio::test]
async fn a_reminder_due_in_quiet_hours_waits_until_they_end_in_the_accounts_timezone() {
    let app = TestApp::spawn().with_telegram().await;
    let mut conn = app.conn().await;
    app.send(CHAT, "/tz Asia/Tokyo").await;
    let quiet = app.send(CHAT, "/quiet 22:00-08:00").await;
    assert!(
        quiet.text.contains("22:00-08:00 (Asia/Tokyo)"),
        "{}",
        quiet.text
    );
    app.send(CHAT, "/track Proposal to ACME").await;

    // Tomorrow 21:50 in Tokyo the reminder is set for 30 minutes later: 22:20 there, inside
    // the quiet hours (and not inside them as UTC would read 13:20).
    let tokyo = chrono_tz::Asia::Tokyo;
    let tomorrow = Utc::now().with_timezone(&tokyo).date_naive() + Duration::days(1);
    let at = |h, m| {
        tokyo
            .from_local_datetime(&tomorrow.and_hms_opt(h, m, 0).unwrap())
            .unwrap()
            .with_timezone(&Utc)
    };
    seed::set_clock(&mut conn, at(21, 50)).await;
    app.send(CHAT, "/remind 1 30m").await;
    let morning = at(22, 20) + Duration::hours(9) + Duration::minutes(40);
    seed::set_clock(&mut conn, at(22, 21)).await;
    eventually(
        PATIENCE,
        "the reminder put off to 08:00 Tokyo",
        async || {
            let pending = seed::reminders(&mut conn).await;
            (pending.len() == 1 && pending[0].2 == morning).then_some(())
        },
    )
    .await;
    assert!(
        reminders_in(&app, CHAT).is_empty(),
        "nothing sent in quiet hours"
    );

    seed::set_clock(&mut conn, morning + Duration::minutes(1)).await;
    let reminder = wait_reminder(&app, CHAT, 1).await;
    assert!(!reminder.text.contains("late"), "{}", reminder.text);
}

#[tokio::test]
async fn the_account_default_applies_to_every_new_tracker() {
    let app = TestApp::spawn().with_telegram().await;
    let mut conn = app.conn().await;
    let set = app.send(CHAT, "/remind default 36h").await;
    assert!(set.text.contains("36 hours"), "{}", set.text);
    let created = app.send(CHAT, "/track Proposal").await;
    assert!(created.text.contains("within 36 hours"), "{}", created.text);
    let listed = app.send(CHAT, "/remind").await;
    assert!(
        listed.text.contains("#1 Proposal") && listed.text.contains("after 36 hours"),
        "{}",
        listed.text
    );
    assert_eq!(seed::reminders(&mut conn).await.len(), 1);
    app.send(CHAT, "/remind default off").await;
    app.send(CHAT, "/track Second").await;
    assert_eq!(
        seed::reminders(&mut conn).await.len(),
        1,
        "no default any more"
    );
}

#[tokio::test]
async fn muting_keeps_the_reminder_and_deleting_the_tracker_removes_it() {
    let app = TestApp::spawn().with_telegram().await;
    let mut conn = app.conn().await;
    app.send(CHAT, "/track Proposal").await;
    app.send(CHAT, "/remind 1 2d").await;
    app.send(CHAT, "/mute 1").await;
    assert_eq!(seed::reminders(&mut conn).await.len(), 1);
    let ask = app.send(CHAT, "/delete 1").await;
    app.press(
        CHAT,
        ask.message_id,
        &ask.callback_data("Yes, delete").unwrap(),
    )
    .await;
    assert!(seed::reminders(&mut conn).await.is_empty());
}

#[tokio::test]
async fn bad_reminder_input_gets_a_clear_reply_and_changes_nothing() {
    let app = TestApp::spawn().with_telegram().await;
    let mut conn = app.conn().await;
    app.send(CHAT, "/track Proposal").await;
    for (input, expect) in [
        ("/remind 1 soon", "not a duration I understand"),
        ("/remind 1 0d", "at least one minute"),
        ("/remind 1 30s", "at least one minute"),
        ("/remind 1 -2d", "not a duration I understand"),
        ("/remind 1 10 years", "at most one year"),
        ("/remind 1", "When?"),
        ("/remind x 2d", "is not a tracker number"),
        ("/remind default forever", "not a duration I understand"),
        ("/quiet whenever", "is not a time range"),
    ] {
        let reply = app.send(CHAT, input).await;
        assert!(reply.text.contains(expect), "{input}: {}", reply.text);
        assert!(
            !reply.text.contains("went wrong"),
            "{input}: {}",
            reply.text
        );
    }
    // Another chat's tracker #1 is not theirs.
    let other = app.send(CHAT + 1, "/remind 1 2d").await;
    assert!(
        other.text.contains("You have no tracker #1"),
        "{}",
        other.text
    );
    assert!(seed::reminders(&mut conn).await.is_empty());

    let eleven: String = (1..=11).map(|i| format!("\nRecipient {i}")).collect();
    let refused = app.send(CHAT, &format!("/track Proposal{eleven}")).await;
    assert!(refused.text.contains("11 recipients"), "{}", refused.text);
    assert_eq!(seed::tracker_count(&mut conn).await, 1, "nothing created");
}

#[tokio::test]
async fn one_track_with_recipients_on_the_next_lines_gives_each_their_own_tracker() {
    let app = TestApp::spawn().with_telegram().await;
    let mut conn = app.conn().await;
    let reply = app
        .send(CHAT, "/track Proposal to ACME\nAlice\nBob\nCarol")
        .await;
    assert!(reply.text.contains("3 trackers created"), "{}", reply.text);
    let labels = seed::labels(&mut conn).await;
    assert_eq!(
        labels,
        [
            "Proposal to ACME — Alice",
            "Proposal to ACME — Bob",
            "Proposal to ACME — Carol"
        ]
    );
    // Each has its own image: one read alerts for that recipient only.
    let first = token_in(&reply.text);
    app.fetch_pixel(&first, Some(CHROME)).await;
    let alert = eventually(PATIENCE, "the alert", async || {
        app.telegram()
            .sent_to(CHAT)
            .into_iter()
            .find(|m| m.text.starts_with("📬"))
    })
    .await;
    assert!(
        alert.text.contains("Proposal to ACME — Alice"),
        "{}",
        alert.text
    );
}

#[tokio::test]
async fn forget_deletes_everything_of_the_chat_after_a_confirmation() {
    let mut app = TestApp::spawn()
        .with_telegram()
        .pixel_setting("--trusted-proxies", "127.0.0.0/8")
        .await;
    let mut conn = app.conn().await;
    // Someone else's data, which must come through untouched.
    app.send(CHAT + 1, "/track Not mine").await;
    let before = seed::everything(&mut conn).await;

    app.send(CHAT, "/tz Europe/Berlin").await;
    app.send(CHAT, "/quiet 22:00-08:00").await;
    app.send(CHAT, "/remind default 3d").await;
    let created = app.send(CHAT, "/track Proposal\nAlice\nBob").await;
    let token = token_in(&created.text);
    // A copy-page view (a learned network), an Apple fetch and a read (opens, alerts).
    let copy = seed::all_trackers(&mut conn).await[1].copy_token.clone();
    app.client()
        .get(app.pixel_url(&format!("/c/{copy}")))
        .header("user-agent", CHROME)
        .header("x-forwarded-for", "198.51.100.9")
        .send()
        .await
        .unwrap();
    app.fetch_pixel_with(
        &token,
        Some("Mozilla/5.0"),
        &[("x-forwarded-for", "203.0.113.5")],
    )
    .await;
    // The read waits for the Apple alert: in one write batch, a read folds the prefetch into
    // its own alert, and the chat would get one message instead of two.
    eventually(PATIENCE, "the Apple alert", async || {
        let sent = app.telegram().sent_to(CHAT);
        sent.iter().any(|m| m.text.starts_with("📭")).then_some(())
    })
    .await;
    app.fetch_pixel_with(&token, Some(CHROME), &[("x-forwarded-for", "203.0.113.6")])
        .await;
    // Both alerts delivered, so no message arrives between the buttons' answers below.
    eventually(PATIENCE, "the Apple and read alerts", async || {
        let alerts = app
            .telegram()
            .sent_to(CHAT)
            .into_iter()
            .filter(|m| m.text.starts_with("📬") || m.text.starts_with("📭"))
            .count();
        (alerts == 2 && seed::pending_alert_count(&mut conn).await == 0).then_some(())
    })
    .await;
    assert_ne!(seed::everything(&mut conn).await, before);

    let ask = app.send(CHAT, "/forget").await;
    assert!(ask.text.contains("Delete everything"), "{}", ask.text);
    let cancelled = app
        .press(CHAT, ask.message_id, &ask.callback_data("Cancel").unwrap())
        .await;
    assert!(
        cancelled.text.contains("Kept everything"),
        "{}",
        cancelled.text
    );
    assert_eq!(seed::tracker_count(&mut conn).await, 3);

    let ask = app.send(CHAT, "/forget").await;
    let done = app
        .press(
            CHAT,
            ask.message_id,
            &ask.callback_data("Yes, delete everything").unwrap(),
        )
        .await;
    assert!(
        done.text.contains("holds nothing of this chat"),
        "{}",
        done.text
    );
    assert_eq!(
        seed::everything(&mut conn).await,
        before,
        "every table is as it was before this chat came"
    );
    assert_eq!(
        seed::tombstones(&mut conn).await.len(),
        2,
        "what is left is a tombstone of each of the chat's two trackers: its id and when, for an hour"
    );

    // The forgotten images answer like unknown ones and record nothing.
    let gif = app.fetch_pixel(&token, Some(CHROME)).await;
    let unknown = app.fetch_pixel(&"0".repeat(32), Some(CHROME)).await;
    assert_eq!(gif.status(), unknown.status());
    assert_eq!(gif.bytes().await.unwrap(), unknown.bytes().await.unwrap());
    app.stop_pixel().await;
    assert_eq!(seed::everything(&mut conn).await, before);
}

#[tokio::test]
async fn the_same_commands_work_on_discord() {
    let app = TestApp::spawn().with_discord().await;
    let mut conn = app.conn().await;
    let user = 4_000_000_000_000_077;
    let created = app
        .command(
            user,
            "track",
            &[
                ("label", json!("Proposal to ACME")),
                ("recipients", json!("Alice, Bob")),
            ],
        )
        .await;
    let text = created["content"].as_str().unwrap();
    assert!(text.contains("2 trackers created"), "{text}");
    assert!(text.contains("Alice") && text.contains("Bob"), "{text}");

    let set = app
        .command(
            user,
            "remind",
            &[("tracker", json!("1")), ("when", json!("2d"))],
        )
        .await;
    assert!(
        set["content"].as_str().unwrap().contains("In 2 days"),
        "{set}"
    );
    let bad = app
        .command(
            user,
            "remind",
            &[("tracker", json!("1")), ("when", json!("10 years"))],
        )
        .await;
    assert!(
        bad["content"]
            .as_str()
            .unwrap()
            .contains("at most one year"),
        "{bad}"
    );
    let quiet = app
        .command(user, "quiet", &[("hours", json!("22:00-08:00"))])
        .await;
    assert!(
        quiet["content"]
            .as_str()
            .unwrap()
            .contains("Quiet hours set to 22:00"),
        "{quiet}"
    );
    let listed = app.command(user, "remind", &[]).await;
    assert!(
        listed["content"].as_str().unwrap().contains("Alice"),
        "{listed}"
    );

    // Noon UTC is outside the quiet hours (UTC is this account's zone).
    let noon = (Utc::now() + Duration::days(3))
        .date_naive()
        .and_hms_opt(12, 0, 0)
        .unwrap()
        .and_utc();
    seed::set_clock(&mut conn, noon).await;
    let dms = app.dms(user, 1).await;
    assert!(
        dms[0].content.contains("No confirmed read"),
        "{}",
        dms[0].content
    );

    let ask = app.command(user, "forget", &[]).await;
    assert!(
        ask["content"]
            .as_str()
            .unwrap()
            .contains("Delete everything")
    );
    let done = app.click(user, "fy:0").await;
    assert!(
        done["data"]["content"]
            .as_str()
            .unwrap()
            .contains("holds nothing"),
        "{done}"
    );
    assert_eq!(seed::tracker_count(&mut conn).await, 0);
    assert!(seed::reminders(&mut conn).await.is_empty());
}
