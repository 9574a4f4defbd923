//! Reads on evidence, end to end through the fake Telegram, the real pixel server, writer and
//! bot: an agent nobody recognises is recorded as `unverified` and never alerts; `/opens` says
//! a tracker only machines fetched is delivered, not yet read; a read from a new client or
//! network says so; and "Wrong?" teaches MailPing the owner's network or a machine.

use mailping_tests::app::{PATIENCE, TestApp, alerts_in, button, token_in, wait_alerts};
use mailping_tests::eventually;
use mailping_tests::seed;

const GMAIL: &str =
    "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";
const OUTLOOK: &str = "Outlook-iOS/709.2042344.prod.iphone (3.21.0)";
const CHROME: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
/// An agent no rule names and no browser sends.
const UNKNOWN: &str = "AcmeLinkGuard/3.1";

async fn spawn() -> TestApp {
    TestApp::spawn()
        .with_telegram()
        .pixel_setting("--trusted-proxies", "127.0.0.0/8,::1")
        .await
}

/// Waits until the tracker has `n` opens stored, and returns their kinds and reasons.
async fn stored(app: &TestApp, tracker_id: i64, n: usize) -> Vec<(String, String)> {
    let mut conn = app.conn().await;
    eventually(
        PATIENCE,
        format!("{n} opens of tracker {tracker_id}"),
        async || {
            let kinds = seed::kinds(&mut conn, tracker_id).await;
            let reasons = seed::reasons(&mut conn, tracker_id).await;
            (kinds.len() >= n).then(|| kinds.into_iter().zip(reasons).collect())
        },
    )
    .await
}

async fn tracker_id(app: &TestApp, token: &str) -> i64 {
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    use mailping_shared::schema::trackers;
    let token = mailping_shared::domain::Token::parse(token).expect("a token");
    trackers::table
        .filter(trackers::token.eq(token))
        .select(trackers::id)
        .first(&mut app.conn().await)
        .await
        .expect("the tracker")
}

#[tokio::test]
async fn an_unrecognised_agent_is_unverified_never_alerts_and_opens_says_delivered_not_read() {
    let app = spawn().await;
    let tg = app.telegram();
    let chat = 2601;
    let token = token_in(&app.send(chat, "/track Proposal to ACME").await.text);
    let id = tracker_id(&app, &token).await;
    app.fetch_pixel_with(
        &token,
        Some(UNKNOWN),
        &[("x-forwarded-for", "198.51.100.7")],
    )
    .await;
    assert_eq!(
        stored(&app, id, 1).await,
        [("unverified".to_owned(), "unrecognised-agent".to_owned())]
    );
    // A read after it alerts; the unverified fetch before it never did.
    app.fetch_pixel_with(&token, Some(GMAIL), &[("x-forwarded-for", "66.249.93.84")])
        .await;
    let alerts = wait_alerts(tg, chat, 1).await;
    assert!(
        alerts[0].text.contains("Gmail · 1st open"),
        "{}",
        alerts[0].text
    );
    assert_eq!(alerts_in(tg, chat).len(), 1);

    // A second tracker only the unknown agent fetched: delivered, not yet confirmed read.
    let token2 = token_in(&app.send(chat, "/track Invoice 7").await.text);
    let id2 = tracker_id(&app, &token2).await;
    app.fetch_pixel_with(
        &token2,
        Some(UNKNOWN),
        &[("x-forwarded-for", "198.51.100.7")],
    )
    .await;
    stored(&app, id2, 1).await;
    let list = app.send(chat, "/opens").await;
    assert!(
        list.text.contains(
            "#2 Invoice 7 — delivered, not yet confirmed read (only machines fetched it: unrecognised client)"
        ),
        "{}",
        list.text
    );
    assert!(
        list.text.contains("#1 Proposal to ACME — opened 1×"),
        "{}",
        list.text
    );
    // The timeline shows the agent itself, so the owner sees what fetched.
    let timeline = app.send(chat, "/opens 2").await;
    assert!(
        timeline.text.contains("Delivered, not yet confirmed read"),
        "{}",
        timeline.text
    );
    assert!(
        timeline
            .text
            .contains("not counted: unrecognised client AcmeLinkGuard/3.1 (no sign of a person)"),
        "{}",
        timeline.text
    );
    assert_eq!(
        alerts_in(tg, chat).len(),
        1,
        "the unverified fetch never alerts"
    );
}

#[tokio::test]
async fn a_read_in_a_new_client_on_a_new_network_says_opened_again_somewhere_new() {
    let app = spawn().await;
    let tg = app.telegram();
    let chat = 2602;
    let token = token_in(&app.send(chat, "/track Proposal").await.text);
    app.fetch_pixel_with(&token, Some(CHROME), &[("x-forwarded-for", "198.51.100.7")])
        .await;
    let first = wait_alerts(tg, chat, 1).await.remove(0);
    assert!(!first.text.contains("Opened again"), "{}", first.text);
    // The same person in Outlook on their phone, from another network.
    app.fetch_pixel_with(&token, Some(OUTLOOK), &[("x-forwarded-for", "203.0.113.9")])
        .await;
    let second = wait_alerts(tg, chat, 2).await.remove(1);
    assert!(
        second.text.contains(
            "🔀 Opened again, in Outlook, on another network: forwarded, or another device."
        ),
        "{}",
        second.text
    );
}

#[tokio::test]
async fn gmail_proxy_reads_from_changing_addresses_are_not_somewhere_new() {
    let app = spawn().await;
    let tg = app.telegram();
    let chat = 2603;
    let token = token_in(&app.send(chat, "/track Proposal").await.text);
    app.fetch_pixel_with(&token, Some(GMAIL), &[("x-forwarded-for", "66.249.93.84")])
        .await;
    wait_alerts(tg, chat, 1).await;
    app.fetch_pixel_with(&token, Some(GMAIL), &[("x-forwarded-for", "66.102.8.17")])
        .await;
    let second = wait_alerts(tg, chat, 2).await.remove(1);
    assert!(second.text.contains("Gmail · 2nd open"), "{}", second.text);
    assert!(!second.text.contains("Opened again"), "{}", second.text);
}

#[tokio::test]
async fn it_was_a_machine_teaches_that_agent_and_network_for_later_trackers() {
    let app = spawn().await;
    let tg = app.telegram();
    let chat = 2604;
    let token = token_in(&app.send(chat, "/track Proposal").await.text);
    // A gateway with an ordinary browser agent from a network nobody has listed.
    app.fetch_pixel_with(&token, Some(CHROME), &[("x-forwarded-for", "192.0.2.44")])
        .await;
    let alert = wait_alerts(tg, chat, 1).await.remove(0);
    let question = app
        .press(chat, alert.message_id, &button(&alert, "Wrong?"))
        .await;
    let noted = app
        .press(chat, question.message_id, &button(&question, "machine"))
        .await;
    assert!(
        noted
            .text
            .contains("that client from that network is a machine"),
        "{}",
        noted.text
    );

    let token2 = token_in(&app.send(chat, "/track Invoice").await.text);
    let id2 = tracker_id(&app, &token2).await;
    // The same agent from the same network: a machine. The same network with another
    // agent, and the same agent from another network, are still people.
    app.fetch_pixel_with(&token2, Some(CHROME), &[("x-forwarded-for", "192.0.2.45")])
        .await;
    app.fetch_pixel_with(&token2, Some(FIREFOX), &[("x-forwarded-for", "192.0.2.46")])
        .await;
    app.fetch_pixel_with(
        &token2,
        Some(CHROME),
        &[("x-forwarded-for", "198.51.100.20")],
    )
    .await;
    assert_eq!(
        stored(&app, id2, 3).await,
        [
            ("scanner".to_owned(), "reported-machine".to_owned()),
            ("direct".to_owned(), "ua".to_owned()),
            ("direct".to_owned(), "ua".to_owned()),
        ]
    );
}

#[tokio::test]
async fn it_was_me_teaches_the_network_as_the_owners_but_never_a_shared_proxy() {
    let app = spawn().await;
    let tg = app.telegram();
    let chat = 2605;
    let token = token_in(&app.send(chat, "/track Proposal").await.text);
    app.fetch_pixel_with(
        &token,
        Some(FIREFOX),
        &[("x-forwarded-for", "198.51.100.7")],
    )
    .await;
    // One alert at a time: reads written in one batch are told in one alert.
    wait_alerts(tg, chat, 1).await;
    app.fetch_pixel_with(&token, Some(GMAIL), &[("x-forwarded-for", "66.249.93.84")])
        .await;
    let alerts = wait_alerts(tg, chat, 2).await;
    let (own, gmail) = (&alerts[0], &alerts[1]);
    assert!(gmail.text.contains("Gmail"), "{}", gmail.text);

    let question = app
        .press(chat, own.message_id, &button(own, "Wrong?"))
        .await;
    let noted = app
        .press(chat, question.message_id, &button(&question, "It was me"))
        .await;
    assert!(
        noted
            .text
            .contains("fetches from that network are your own views"),
        "{}",
        noted.text
    );
    let question = app
        .press(chat, gmail.message_id, &button(gmail, "Wrong?"))
        .await;
    let refused = app
        .press(chat, question.message_id, &button(&question, "It was me"))
        .await;
    assert!(
        refused.text.contains("many people share"),
        "{}",
        refused.text
    );

    let token2 = token_in(&app.send(chat, "/track Invoice").await.text);
    let id2 = tracker_id(&app, &token2).await;
    app.fetch_pixel_with(
        &token2,
        Some(CHROME),
        &[("x-forwarded-for", "198.51.100.99")],
    )
    .await;
    app.fetch_pixel_with(&token2, Some(GMAIL), &[("x-forwarded-for", "66.249.93.84")])
        .await;
    assert_eq!(
        stored(&app, id2, 2).await,
        [
            ("self".to_owned(), "reported-own-network".to_owned()),
            ("gmail_proxy".to_owned(), "ua".to_owned()),
        ]
    );
}
