//! `/stats` end to end: the chart arrives as a real PNG upload (Telegram `sendPhoto`, a
//! Discord follow-up with `files[0]`), is decoded here, and bad input gets words, not a
//! picture, and changes nothing.

use std::collections::HashSet;

use chrono::{Duration, Utc};
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use diesel_async::RunQueryDsl;
use mailping_shared::charts;
use mailping_shared::domain::OpenKind;
use mailping_shared::models::open::{self, NewOpen};
use mailping_tests::app::{PATIENCE, TestApp};
use mailping_tests::fake_discord::{self, SentMessage as DiscordMessage};
use mailping_tests::fake_telegram::SentMessage;
use serde_json::{Value, json};

const EPHEMERAL: u64 = 1 << 6;

/// A decoded PNG: its size and RGB(A) pixels.
struct Picture {
    width: u32,
    height: u32,
    colours: HashSet<[u8; 3]>,
    not_white: usize,
}

fn decode(png_bytes: &[u8]) -> Picture {
    let decoder = png::Decoder::new(png_bytes);
    let mut reader = decoder.read_info().expect("a PNG header");
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).expect("PNG pixels");
    buf.truncate(info.buffer_size());
    let step = info.color_type.samples();
    assert!(step >= 3, "an RGB picture, got {:?}", info.color_type);
    let pixels: Vec<[u8; 3]> = buf.chunks(step).map(|p| [p[0], p[1], p[2]]).collect();
    Picture {
        width: info.width,
        height: info.height,
        not_white: pixels.iter().filter(|p| **p != [255, 255, 255]).count(),
        colours: pixels.into_iter().collect(),
    }
}

/// Saves what arrived, for a human to look at after a run.
fn keep(name: &str, bytes: &[u8]) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/test-artefacts");
    if std::fs::create_dir_all(&dir).is_ok() {
        let _ = std::fs::write(dir.join(name), bytes);
    }
}

/// The id of `chat`'s tracker number `n`.
async fn tracker_id(app: &TestApp, chat: &str, n: i32) -> i64 {
    #[derive(QueryableByName)]
    struct Id {
        #[diesel(sql_type = BigInt)]
        id: i64,
    }
    let mut conn = app.conn().await;
    let row: Id = diesel::sql_query(
        "SELECT t.id FROM trackers t JOIN accounts a ON a.id = t.account_id
         WHERE a.chat_id = $1 AND t.number = $2",
    )
    .bind::<diesel::sql_types::Text, _>(chat)
    .bind::<diesel::sql_types::Integer, _>(n)
    .get_result(&mut conn)
    .await
    .expect("the tracker");
    row.id
}

/// Records fetches of a tracker: (minutes ago, kind).
async fn record(app: &TestApp, tracker_id: i64, fetches: &[(i64, OpenKind)]) {
    let batch: Vec<NewOpen> = fetches
        .iter()
        .map(|(minutes_ago, kind)| NewOpen {
            tracker_id,
            opened_at: Utc::now() - Duration::minutes(*minutes_ago),
            kind: *kind,
            client: "Gmail".into(),
            network: None,
            user_agent: None,
            reason: mailping_shared::domain::Reason::Agent,
        })
        .collect();
    let mut conn = app.conn().await;
    open::insert_batch(&mut conn, &batch).await.expect("opens");
}

fn photo(m: &SentMessage) -> Vec<u8> {
    assert_eq!(m.method, "sendPhoto", "{m:#?}");
    let file = m.file.as_ref().expect("an uploaded file");
    assert_eq!(file.field, "photo");
    assert!(file.filename.ends_with(".png"), "{}", file.filename);
    file.bytes.clone()
}

const MIXED: &[(i64, OpenKind)] = &[
    (60 * 24 * 3, OpenKind::AppleMpp),
    (60 * 24 * 3 - 5, OpenKind::GmailProxy),
    (60 * 24 * 3 - 6, OpenKind::Duplicate),
    (60 * 24, OpenKind::Direct),
    (60 * 24 - 1, OpenKind::Scanner),
    (30, OpenKind::YahooProxy),
    (20, OpenKind::SelfView),
];

#[tokio::test]
async fn stats_on_telegram_sends_a_chart_of_the_last_30_days_with_the_totals() {
    let app = TestApp::spawn().with_telegram().await;
    let chat = 2001;
    app.send(chat, "/tz Europe/Berlin").await;
    app.send(chat, "/track Proposal to ACME").await;
    app.send(chat, "/track Invoice 42").await;
    record(&app, tracker_id(&app, "2001", 1).await, MIXED).await;

    let m = app.send(chat, "/stats").await;
    let png = photo(&m);
    keep("stats-account.png", &png);
    let picture = decode(&png);
    assert_eq!(
        (picture.width, picture.height),
        (charts::WIDTH, charts::ACCOUNT_HEIGHT)
    );
    assert!(
        picture.colours.len() > 10,
        "{} colours",
        picture.colours.len()
    );
    assert!(
        picture.not_white > 20_000,
        "{} drawn pixels",
        picture.not_white
    );
    assert!(
        m.text
            .contains("2 trackers created, 1 read, 1 not yet read"),
        "{}",
        m.text
    );
    assert!(
        m.text.contains("Median time to the first read"),
        "{}",
        m.text
    );
    assert_eq!(m.parse_mode.as_deref(), Some("HTML"));
}

#[tokio::test]
async fn stats_n_on_telegram_charts_every_fetch_of_one_tracker() {
    let app = TestApp::spawn().with_telegram().await;
    let chat = 2002;
    app.send(chat, "/track Proposal to ACME").await;
    record(&app, tracker_id(&app, "2002", 1).await, MIXED).await;

    let m = app.send(chat, "/stats 1").await;
    let png = photo(&m);
    keep("stats-tracker.png", &png);
    let picture = decode(&png);
    let kinds: HashSet<_> = MIXED.iter().map(|(_, k)| *k).collect();
    assert_eq!(
        (picture.width, picture.height),
        (charts::WIDTH, charts::tracker_chart_height(kinds.len()))
    );
    assert!(picture.colours.len() > 10);
    assert!(m.text.contains("#1"), "{}", m.text);
    assert!(m.text.contains("Proposal to ACME"), "{}", m.text);
    assert!(
        m.text.contains("7 fetches, 3 counted as reads"),
        "{}",
        m.text
    );
}

#[tokio::test]
async fn a_long_label_with_emoji_and_rtl_text_does_not_break_the_chart() {
    let app = TestApp::spawn().with_telegram().await;
    let chat = 2003;
    let label: String = "📈 הצעת מחיר ל-ACME — عرض سعر 🚀 "
        .chars()
        .cycle()
        .take(200)
        .collect();
    let label = label.trim().to_owned();
    app.send(chat, &format!("/track {label}")).await;
    record(
        &app,
        tracker_id(&app, "2003", 1).await,
        &[(5, OpenKind::Direct)],
    )
    .await;

    let m = app.send(chat, "/stats 1").await;
    let png = photo(&m);
    keep("stats-long-label.png", &png);
    let picture = decode(&png);
    assert_eq!(
        (picture.width, picture.height),
        (charts::WIDTH, charts::tracker_chart_height(1))
    );
    assert!(m.text.contains(&label), "the caption keeps the whole label");
}

#[tokio::test]
async fn bad_stats_requests_get_words_not_pictures_and_change_nothing() {
    let app = TestApp::spawn().with_telegram().await;
    let (owner, stranger) = (2004, 2005);

    // An account with nothing at all.
    let m = app.send(owner, "/stats").await;
    assert_eq!(m.method, "sendMessage");
    assert!(m.text.contains("Nothing to chart yet"), "{}", m.text);

    app.send(owner, "/track Proposal").await;
    app.send(owner, "/track Quiet one").await;
    record(
        &app,
        tracker_id(&app, "2004", 1).await,
        &[(5, OpenKind::Direct)],
    )
    .await;
    let before = app.tracker_and_open_counts().await;

    app.assert_answered_in_words(&[
        (owner, "/stats 99", "You have no tracker #99"),
        (stranger, "/stats 1", "You have no tracker #1"),
        (owner, "/stats 2", "has no recorded fetches yet"),
        (owner, "/stats abc", "is not a tracker number"),
        (owner, "/stats 0", "is not a tracker number"),
    ])
    .await;
    assert_eq!(app.tracker_and_open_counts().await, before);
    assert!(
        app.telegram()
            .sent()
            .iter()
            .all(|m| m.method != "sendPhoto"),
        "no picture was sent"
    );
}

/// Runs a slash command that answers with a file: the HTTP answer is a deferred ephemeral
/// response, and the real answer the interaction's follow-up.
async fn deferred(
    app: &TestApp,
    user: u64,
    name: &str,
    options: &[(&str, Value)],
) -> DiscordMessage {
    let interaction = fake_discord::slash_command(
        name,
        options,
        user,
        Some(mailping_tests::app::DISCORD_GUILD),
    );
    let token = interaction["token"].as_str().expect("a token").to_owned();
    let (status, body) = app.interact(&interaction).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["type"], 5, "a deferred answer: {body}");
    assert_eq!(
        body["data"]["flags"].as_u64().unwrap_or(0) & EPHEMERAL,
        EPHEMERAL
    );
    let dc = app.discord();
    let followup = dc
        .wait_for(PATIENCE, |m| m.interaction_token.as_deref() == Some(&token))
        .await
        .unwrap_or_else(|| panic!("a follow-up to /{name}; sent: {:#?}", dc.sent()));
    assert_eq!(followup.flags & EPHEMERAL, EPHEMERAL, "{followup:#?}");
    followup
}

#[tokio::test]
async fn stats_on_discord_is_an_ephemeral_follow_up_with_the_chart_attached() {
    let app = TestApp::spawn().with_discord().await;
    let user = 1_500_000_000_000_000_001;
    app.command(user, "track", &[("label", json!("Proposal to ACME"))])
        .await;
    record(&app, tracker_id(&app, &user.to_string(), 1).await, MIXED).await;

    let m = deferred(&app, user, "stats", &[]).await;
    assert_eq!(m.files.len(), 1, "{m:#?}");
    let picture = decode(&m.files[0].bytes);
    assert_eq!(
        (picture.width, picture.height),
        (charts::WIDTH, charts::ACCOUNT_HEIGHT)
    );
    assert!(picture.colours.len() > 10);
    assert!(
        m.content.contains("1 tracker created, 1 read"),
        "{}",
        m.content
    );

    let m = deferred(&app, user, "stats", &[("number", json!(1))]).await;
    assert_eq!(m.files.len(), 1);
    let kinds: HashSet<_> = MIXED.iter().map(|(_, k)| *k).collect();
    let picture = decode(&m.files[0].bytes);
    assert_eq!(
        picture.height,
        charts::tracker_chart_height(kinds.len()),
        "{m:#?}"
    );

    let before = app.tracker_and_open_counts().await;
    let m = deferred(&app, user, "stats", &[("number", json!(99))]).await;
    assert!(m.files.is_empty());
    assert!(m.content.contains("no tracker \\#99"), "{}", m.content);
    let m = deferred(
        &app,
        1_500_000_000_000_000_002,
        "stats",
        &[("number", json!(1))],
    )
    .await;
    assert!(m.files.is_empty());
    assert!(m.content.contains("no tracker \\#1"), "{}", m.content);
    assert_eq!(app.tracker_and_open_counts().await, before);
}
