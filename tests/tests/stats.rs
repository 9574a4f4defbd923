//! `/stats` end to end: the chart arrives as a real PNG upload (Telegram `sendPhoto`, a
//! Discord follow-up with `files[0]`), is decoded here, and bad input gets words, not a
//! picture, and changes nothing.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text, Timestamptz};
use diesel_async::RunQueryDsl;
use mailping_shared::charts;
use mailping_shared::commands::STATS_DAYS;
use mailping_shared::domain::OpenKind;
use mailping_shared::models::open::{self, NewOpen};
use mailping_shared::models::{self, stats};
use mailping_tests::app::{PATIENCE, TestApp, token_in};
use mailping_tests::fake_discord::{self, SentMessage as DiscordMessage};
use mailping_tests::fake_telegram::{Limits, SentMessage};
use mailping_tests::{eventually, seed};
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

/// (account, slice, kind, count) rows, in order.
#[derive(Debug, PartialEq, QueryableByName)]
struct Slice {
    #[diesel(sql_type = BigInt)]
    account_id: i64,
    #[diesel(sql_type = Timestamptz)]
    slice_start: DateTime<Utc>,
    #[diesel(sql_type = Text)]
    kind: String,
    #[diesel(sql_type = BigInt)]
    count: i64,
}

/// The rollup `/stats` reads must equal a count over `opens`, slice by slice, for every
/// account; and the chart's days must equal a direct count per local day.
async fn assert_rollup_exact(app: &TestApp, chat: &str, tz: &str, step: &str) {
    let mut conn = app.conn().await;
    let rollup: Vec<Slice> = diesel::sql_query(
        "SELECT account_id, slice_start, kind, count FROM open_counts ORDER BY 1, 2, 3",
    )
    .load(&mut conn)
    .await
    .expect("the rollup");
    // Slices counted here from the opens themselves, in Rust's own arithmetic.
    let opens: Vec<Slice> = diesel::sql_query(
        "SELECT t.account_id, o.opened_at AS slice_start, o.kind, 1::int8 AS count
         FROM opens o JOIN trackers t ON t.id = o.tracker_id",
    )
    .load(&mut conn)
    .await
    .expect("opens");
    let mut counted: BTreeMap<(i64, DateTime<Utc>, String), i64> = BTreeMap::new();
    for o in opens {
        let secs = o.slice_start.timestamp();
        let slice = DateTime::from_timestamp(secs - secs.rem_euclid(15 * 60), 0).unwrap();
        *counted.entry((o.account_id, slice, o.kind)).or_default() += 1;
    }
    let counted: Vec<Slice> = counted
        .into_iter()
        .map(|((account_id, slice_start, kind), count)| Slice {
            account_id,
            slice_start,
            kind,
            count,
        })
        .collect();
    assert_eq!(rollup, counted, "{step}: the rollup against the opens");

    // What the chart draws, against a count per local day (the days the chart shows).
    #[derive(QueryableByName)]
    struct Id {
        #[diesel(sql_type = BigInt)]
        id: i64,
    }
    let account = diesel::sql_query("SELECT id FROM accounts WHERE chat_id = $1")
        .bind::<Text, _>(chat)
        .get_result::<Id>(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("{step}: the account of chat {chat}: {e}"));
    let since = Utc::now() - Duration::days(STATS_DAYS);
    let zone: chrono_tz::Tz = tz.parse().unwrap();
    let first_day = since.with_timezone(&zone).date_naive() + Duration::days(1);
    let mut chart: Vec<_> = stats::daily_counts(&mut conn, account.id, tz, since)
        .await
        .expect("daily counts")
        .into_iter()
        .filter(|c| c.day >= first_day)
        .map(|c| (c.day, c.kind.as_str().to_owned(), c.count))
        .collect();
    chart.sort();
    #[derive(QueryableByName)]
    struct Day {
        #[diesel(sql_type = diesel::sql_types::Date)]
        day: chrono::NaiveDate,
        #[diesel(sql_type = Text)]
        kind: String,
        #[diesel(sql_type = BigInt)]
        count: i64,
    }
    let direct: Vec<Day> = diesel::sql_query(
        "SELECT (o.opened_at AT TIME ZONE $2)::date AS day, o.kind, count(*) AS count
         FROM opens o JOIN trackers t ON t.id = o.tracker_id
         WHERE t.account_id = $1 AND (o.opened_at AT TIME ZONE $2)::date >= $3
         GROUP BY 1, 2 ORDER BY 1, 2",
    )
    .bind::<BigInt, _>(account.id)
    .bind::<Text, _>(tz)
    .bind::<diesel::sql_types::Date, _>(first_day)
    .load(&mut conn)
    .await
    .expect("direct counts");
    let direct: Vec<_> = direct
        .into_iter()
        .map(|d| (d.day, d.kind, d.count))
        .collect();
    assert_eq!(chart, direct, "{step}: the chart's days against the opens");
}

/// Fetches every `every` minutes over the last `days` days, the kinds in turn.
fn spread(days: i64, every: i64) -> Vec<(i64, OpenKind)> {
    const KINDS: [OpenKind; 5] = [
        OpenKind::GmailProxy,
        OpenKind::Direct,
        OpenKind::AppleMpp,
        OpenKind::Scanner,
        OpenKind::Duplicate,
    ];
    (0..days * 24 * 60 / every)
        .map(|i| (i * every, KINDS[i as usize % KINDS.len()]))
        .collect()
}

#[tokio::test]
async fn the_chart_counts_stay_exact_after_new_opens_deletes_purges_and_forget() {
    let app = TestApp::spawn().with_telegram().await;
    // About the rollup: an alert held back by a 429 would come between a command and its
    // answer.
    app.telegram().set_limits(Limits::none());
    let (chat, other) = (2006, 2007);
    // +05:45: a day starts at a quarter past the hour in UTC.
    let tz = "Asia/Kathmandu";
    app.send(chat, &format!("/tz {tz}")).await;
    let tracked = app.send(chat, "/track Proposal").await;
    app.send(chat, "/track Invoice").await;
    app.send(other, "/track Someone else's").await;
    let (p, i) = (
        tracker_id(&app, "2006", 1).await,
        tracker_id(&app, "2006", 2).await,
    );
    let elsewhere = tracker_id(&app, "2007", 1).await;
    record(&app, p, &spread(40, 37)).await;
    record(&app, i, &spread(35, 53)).await;
    record(&app, elsewhere, &spread(40, 41)).await;
    // Several batches land in the same slices.
    record(&app, p, &spread(2, 7)).await;
    assert_rollup_exact(&app, "2006", tz, "after batches of opens").await;

    // The pixel server's own writer.
    let token = token_in(&tracked.text);
    for n in 0..5 {
        app.fetch_pixel(&token, Some(&format!("Thunderbird/{n}")))
            .await;
    }
    eventually(PATIENCE, "the fetches are recorded", async || {
        let mut conn = app.conn().await;
        (seed::kinds(&mut conn, p).await.len() == spread(40, 37).len() + spread(2, 7).len() + 5)
            .then_some(())
    })
    .await;
    assert_rollup_exact(&app, "2006", tz, "after pixel fetches").await;

    let counts_before = app.tracker_and_open_counts().await;
    let ask = app.send(chat, "/delete 2").await;
    let yes = ask.callback_data("Yes, delete").expect("a Yes button");
    let done = app.press(chat, ask.message_id, &yes).await;
    assert!(done.text.contains("Deleted #2"), "{}", done.text);
    assert!(app.tracker_and_open_counts().await.1 < counts_before.1);
    assert_rollup_exact(&app, "2006", tz, "after /delete").await;

    // Retention's purge, and a hand-made fix of the data.
    let mut conn = app.conn().await;
    let purged = models::purge_older_than(&mut conn, Utc::now() - Duration::days(33))
        .await
        .expect("purge");
    assert!(purged > 0);
    assert_rollup_exact(&app, "2006", tz, "after the retention purge").await;
    diesel::sql_query(
        "UPDATE opens SET kind = 'scanner', opened_at = opened_at + interval '20 minutes'
         WHERE id % 3 = 0",
    )
    .execute(&mut conn)
    .await
    .expect("an update");
    assert_rollup_exact(&app, "2006", tz, "after an UPDATE").await;

    let ask = app.send(chat, "/forget").await;
    let yes = ask
        .callback_data("Yes, delete everything")
        .expect("a Yes button");
    let done = app.press(chat, ask.message_id, &yes).await;
    assert!(done.text.contains("holds nothing"), "{}", done.text);
    // The forgotten account has no chart left to check; the other one's must be intact.
    assert_rollup_exact(&app, "2007", "UTC", "after /forget").await;
    assert!(
        seed::everything(&mut conn)
            .await
            .iter()
            .any(|(table, rows)| table == "open_counts" && !rows.is_empty()),
        "the other chat's counts stay"
    );
}

/// The pixel writer groups its batches into the rollup's slices in Rust; its slices must be
/// the SQL function's, to the microsecond, on both sides of every boundary.
#[tokio::test]
async fn the_writers_slices_are_the_rollups_slices() {
    let app = TestApp::spawn().await;
    let mut conn = app.conn().await;
    let base = DateTime::parse_from_rfc3339("2026-12-01T10:15:00Z")
        .unwrap()
        .to_utc();
    let mut times: Vec<DateTime<Utc>> = Vec::new();
    for offset_us in [
        -1_000_001,
        -1,
        0,
        1,
        999_999,
        14 * 60 * 1_000_000 + 59_999_999,
    ] {
        times.push(base + Duration::microseconds(offset_us));
    }
    // A sweep over a day and a half in steps that do not divide 15 minutes.
    times.extend((0..2_000).map(|i| base + Duration::seconds(i * 67) + Duration::microseconds(i)));
    times.push(
        DateTime::parse_from_rfc3339("2000-01-01T00:00:00Z")
            .unwrap()
            .to_utc(),
    );
    #[derive(QueryableByName)]
    struct Sliced {
        #[diesel(sql_type = Timestamptz)]
        slice: DateTime<Utc>,
    }
    let sql: Vec<Sliced> = diesel::sql_query(
        "SELECT open_counts_slice(t) AS slice FROM unnest($1::timestamptz[]) WITH ORDINALITY AS u(t, n) ORDER BY n",
    )
    .bind::<diesel::sql_types::Array<Timestamptz>, _>(&times)
    .load(&mut conn)
    .await
    .unwrap();
    assert_eq!(sql.len(), times.len());
    for (at, s) in times.iter().zip(sql) {
        assert_eq!(stats::slice_start(*at), s.slice, "the slice of {at}");
    }
}
