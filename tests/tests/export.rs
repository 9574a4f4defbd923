//! `/export` end to end: the CSV files arrive as real uploads (Telegram `sendDocument`, a
//! Discord follow-up with `files[n]`), are parsed back here, and must hold exactly the rows
//! in the database; bad input gets words, not files, and changes nothing.

use std::io::Read;

use chrono::{DateTime, Duration, FixedOffset, SubsecRound, Utc};
use chrono_tz::Tz;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Integer, Nullable, Text, Timestamptz};
use diesel_async::RunQueryDsl;
use mailping_shared::domain::OpenKind;
use mailping_shared::models::open::{self, NewOpen};
use mailping_tests::app::{DISCORD_GUILD, PATIENCE, TestApp};
use mailping_tests::fake_discord;
use mailping_tests::fake_telegram::{Limits, SentMessage};
use serde_json::json;

const BERLIN: &str = "Europe/Berlin";
const OPENS_HEADER: [&str; 8] = [
    "tracker",
    "label",
    "time_utc",
    "time_local",
    "kind",
    "counts_as_read",
    "client",
    "reason",
];
const TRACKERS_HEADER: [&str; 7] = [
    "tracker",
    "label",
    "created_utc",
    "muted",
    "reads",
    "first_read_utc",
    "last_read_utc",
];

/// A recorded fetch as the database holds it.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
struct DbOpen {
    #[diesel(sql_type = Integer)]
    number: i32,
    #[diesel(sql_type = Text)]
    label: String,
    #[diesel(sql_type = Timestamptz)]
    opened_at: DateTime<Utc>,
    #[diesel(sql_type = Text)]
    kind: String,
    #[diesel(sql_type = Bool)]
    is_read: bool,
    #[diesel(sql_type = Text)]
    client: String,
    #[diesel(sql_type = Text)]
    reason: String,
}

#[derive(Debug, Clone, PartialEq, QueryableByName)]
struct DbTracker {
    #[diesel(sql_type = Integer)]
    number: i32,
    #[diesel(sql_type = Text)]
    label: String,
    #[diesel(sql_type = Timestamptz)]
    created_at: DateTime<Utc>,
    #[diesel(sql_type = Bool)]
    muted: bool,
    #[diesel(sql_type = BigInt)]
    reads: i64,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    first_read_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    last_read_at: Option<DateTime<Utc>>,
}

async fn db_opens(app: &TestApp, chat: &str, number: Option<i32>) -> Vec<DbOpen> {
    let mut conn = app.conn().await;
    diesel::sql_query(
        "SELECT t.number, t.label, o.opened_at, o.kind, o.is_read, o.client, o.reason
         FROM opens o JOIN trackers t ON t.id = o.tracker_id JOIN accounts a ON a.id = t.account_id
         WHERE a.chat_id = $1 AND ($2::int4 IS NULL OR t.number = $2)
         ORDER BY t.number, o.opened_at, o.id",
    )
    .bind::<Text, _>(chat)
    .bind::<Nullable<Integer>, _>(number)
    .load(&mut conn)
    .await
    .expect("opens")
}

async fn db_trackers(app: &TestApp, chat: &str) -> Vec<DbTracker> {
    let mut conn = app.conn().await;
    diesel::sql_query(
        "SELECT t.number, t.label, t.created_at, t.muted,
                (SELECT count(*) FROM opens o WHERE o.tracker_id = t.id AND o.is_read) AS reads,
                (SELECT min(opened_at) FROM opens o WHERE o.tracker_id = t.id AND o.is_read) AS first_read_at,
                (SELECT max(opened_at) FROM opens o WHERE o.tracker_id = t.id AND o.is_read) AS last_read_at
         FROM trackers t JOIN accounts a ON a.id = t.account_id
         WHERE a.chat_id = $1 ORDER BY t.number",
    )
    .bind::<Text, _>(chat)
    .load(&mut conn)
    .await
    .expect("trackers")
}

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
    .bind::<Text, _>(chat)
    .bind::<Integer, _>(n)
    .get_result(&mut conn)
    .await
    .expect("the tracker");
    row.id
}

/// Records fetches: (minutes ago, kind, client).
async fn record(app: &TestApp, tracker_id: i64, fetches: &[(i64, OpenKind, &str)]) {
    let batch: Vec<NewOpen> = fetches
        .iter()
        .map(|(minutes_ago, kind, client)| NewOpen {
            tracker_id,
            opened_at: Utc::now() - Duration::minutes(*minutes_ago),
            kind: *kind,
            client: (*client).into(),
            network: None,
            user_agent: None,
            // Each kind with a reason it can really have, so the column is checked for both.
            reason: match kind {
                OpenKind::Scanner => mailping_shared::domain::Reason::NetworkScan,
                _ => mailping_shared::domain::Reason::Agent,
            },
        })
        .collect();
    let mut conn = app.conn().await;
    open::insert_batch(&mut conn, &batch).await.expect("opens");
}

/// The CSV's rows, header first, gunzipped if it came compressed.
fn rows(filename: &str, bytes: &[u8]) -> Vec<Vec<String>> {
    let mut text = Vec::new();
    if filename.ends_with(".gz") {
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut text)
            .expect("gzip");
    } else {
        text = bytes.to_vec();
    }
    assert!(std::str::from_utf8(&text).is_ok(), "UTF-8");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_slice())
        .records()
        .map(|r| {
            r.expect("an RFC 4180 record")
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

fn time(cell: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(cell).unwrap_or_else(|e| panic!("{cell:?}: {e}"))
}

/// What a label looks like in the file: formula-looking ones get a leading `'`.
fn as_exported(label: &str) -> String {
    if label.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{label}")
    } else {
        label.to_owned()
    }
}

/// Checks the opens file against the database, cell by cell.
fn assert_opens_match(file: &[Vec<String>], db: &[DbOpen], tz: Tz) {
    assert_eq!(file[0], OPENS_HEADER);
    assert_eq!(file.len() - 1, db.len(), "one row per recorded fetch");
    for (row, open) in file[1..].iter().zip(db) {
        assert_eq!(row.len(), 8, "{row:?}");
        assert_eq!(row[0], open.number.to_string());
        assert_eq!(row[1], as_exported(&open.label));
        // Times are exported to the whole second.
        let opened_at = open.opened_at.trunc_subsecs(0);
        assert_eq!(time(&row[2]), opened_at, "{row:?}");
        assert!(row[2].ends_with('Z'), "UTC: {}", row[2]);
        let local = time(&row[3]);
        assert_eq!(local, opened_at);
        assert_eq!(
            local.offset().local_minus_utc(),
            open.opened_at
                .with_timezone(&tz)
                .fixed_offset()
                .offset()
                .local_minus_utc()
        );
        assert_eq!(row[4], open.kind);
        assert_eq!(row[5], open.is_read.to_string());
        assert_eq!(row[6], as_exported(&open.client));
        assert_eq!(row[7], open.reason);
    }
}

fn assert_trackers_match(file: &[Vec<String>], db: &[DbTracker]) {
    assert_eq!(file[0], TRACKERS_HEADER);
    assert_eq!(file.len() - 1, db.len());
    let optional = |cell: &str| (!cell.is_empty()).then(|| time(cell));
    for (row, t) in file[1..].iter().zip(db) {
        assert_eq!(row[0], t.number.to_string());
        assert_eq!(row[1], as_exported(&t.label));
        assert_eq!(time(&row[2]), t.created_at.trunc_subsecs(0));
        assert_eq!(row[3], t.muted.to_string());
        assert_eq!(row[4], t.reads.to_string());
        let second = |t: DateTime<Utc>| t.trunc_subsecs(0).fixed_offset();
        assert_eq!(optional(&row[5]), t.first_read_at.map(second));
        assert_eq!(optional(&row[6]), t.last_read_at.map(second));
    }
}

fn document(m: &SentMessage) -> (String, Vec<u8>) {
    assert_eq!(m.method, "sendDocument", "{m:#?}");
    let file = m.file.as_ref().expect("an uploaded file");
    assert_eq!(file.field, "document");
    (file.filename.clone(), file.bytes.clone())
}

/// Sends `/export ..` and returns the two documents that answer it.
async fn export(app: &TestApp, chat: i64, text: &str) -> (SentMessage, SentMessage) {
    let before = app.telegram().sent_to(chat).len();
    let first = app.send(chat, text).await;
    let second = app.next_message(chat, before + 1).await;
    (first, second)
}

async fn seeded(app: &TestApp, chat: i64) {
    app.send(chat, &format!("/tz {BERLIN}")).await;
    app.send(chat, "/track Proposal, \"quoted\"\nAlice\nBob")
        .await;
    app.send(chat, "/track =HYPERLINK(\"http://evil.example\",\"click\")")
        .await;
    app.send(chat, "/track Never opened").await;
    let chat = chat.to_string();
    let id = |n| tracker_id(app, &chat, n);
    record(
        app,
        id(1).await,
        &[
            (600, OpenKind::AppleMpp, "Apple Mail"),
            (500, OpenKind::GmailProxy, "Gmail"),
            (499, OpenKind::Duplicate, "Gmail"),
        ],
    )
    .await;
    record(app, id(2).await, &[(30, OpenKind::Direct, "-Outlook")]).await;
    record(
        app,
        id(3).await,
        &[
            (10, OpenKind::Scanner, "@scanner"),
            (5, OpenKind::YahooProxy, "Yahoo"),
        ],
    )
    .await;
}

#[tokio::test]
async fn export_on_telegram_sends_every_fetch_and_the_trackers_as_csv() {
    let app = TestApp::spawn().with_telegram().await;
    let chat = 3001;
    seeded(&app, chat).await;

    let (opens, trackers) = export(&app, chat, "/export").await;
    let (name, bytes) = document(&opens);
    assert_eq!(name, "mailping-opens.csv");
    assert!(
        opens.text.contains("every recorded fetch"),
        "{}",
        opens.text
    );
    assert!(!opens.text.contains("Compressed"));
    let tz: Tz = BERLIN.parse().unwrap();
    let file = rows(&name, &bytes);
    assert_opens_match(&file, &db_opens(&app, "3001", None).await, tz);
    assert_eq!(file.len(), 1 + 6);
    // The formula label is text in a spreadsheet.
    assert!(file.iter().any(|r| r[1].starts_with("'=HYPERLINK(")));
    assert!(file.iter().any(|r| r[6] == "'-Outlook"));

    let (name, bytes) = document(&trackers);
    assert_eq!(name, "mailping-trackers.csv");
    assert!(
        trackers.text.is_empty(),
        "only the first file has a caption"
    );
    assert_trackers_match(&rows(&name, &bytes), &db_trackers(&app, "3001").await);
}

#[tokio::test]
async fn export_n_on_telegram_sends_only_that_trackers_fetches() {
    let app = TestApp::spawn().with_telegram().await;
    let chat = 3002;
    seeded(&app, chat).await;

    let (opens, trackers) = export(&app, chat, "/export 3").await;
    let (name, bytes) = document(&opens);
    assert_eq!(name, "mailping-opens-3.csv");
    assert!(opens.text.contains("tracker #3"), "{}", opens.text);
    let file = rows(&name, &bytes);
    let db = db_opens(&app, "3002", Some(3)).await;
    assert_eq!(db.len(), 2);
    assert_opens_match(&file, &db, BERLIN.parse().unwrap());
    assert!(file[1..].iter().all(|r| r[0] == "3"));

    let (name, bytes) = document(&trackers);
    assert_eq!(name, "mailping-trackers-3.csv");
    let all = db_trackers(&app, "3002").await;
    let only: Vec<_> = all.into_iter().filter(|t| t.number == 3).collect();
    assert_trackers_match(&rows(&name, &bytes), &only);
}

#[tokio::test]
async fn bad_export_requests_get_words_not_files_and_change_nothing() {
    let app = TestApp::spawn().with_telegram().await;
    let (owner, stranger) = (3003, 3004);

    let m = app.send(owner, "/export").await;
    assert_eq!(m.method, "sendMessage");
    assert!(m.text.contains("Nothing to export yet"), "{}", m.text);

    seeded(&app, owner).await;
    let before = app.tracker_and_open_counts().await;
    app.assert_answered_in_words(&[
        (owner, "/export 99", "You have no tracker #99"),
        (stranger, "/export 1", "You have no tracker #1"),
        (stranger, "/export", "Nothing to export yet"),
        (owner, "/export 4", "has no recorded fetches yet"),
        (owner, "/export x", "is not a tracker number"),
    ])
    .await;
    assert_eq!(app.tracker_and_open_counts().await, before);
    assert!(
        app.telegram()
            .sent()
            .iter()
            .all(|m| m.method != "sendDocument")
    );
}

#[tokio::test]
async fn export_on_discord_is_an_ephemeral_follow_up_with_both_files() {
    let app = TestApp::spawn().with_discord().await;
    let user: u64 = 1_500_000_000_000_000_011;
    let chat = user.to_string();
    app.command(user, "track", &[("label", json!("+1 Proposal"))])
        .await;
    app.command(user, "track", &[("label", json!("Invoice"))])
        .await;
    record(
        &app,
        tracker_id(&app, &chat, 1).await,
        &[
            (90, OpenKind::Direct, "Thunderbird"),
            (80, OpenKind::SelfView, "Firefox"),
        ],
    )
    .await;
    record(
        &app,
        tracker_id(&app, &chat, 2).await,
        &[(70, OpenKind::GmailProxy, "Gmail")],
    )
    .await;

    for (options, number) in [(vec![], None), (vec![("number", json!(2))], Some(2))] {
        let interaction =
            fake_discord::slash_command("export", &options, user, Some(DISCORD_GUILD));
        let token = interaction["token"].as_str().unwrap().to_owned();
        let (status, body) = app.interact(&interaction).await;
        assert_eq!((status, body["type"].as_u64()), (200, Some(5)), "{body}");
        let m = app
            .discord()
            .wait_for(PATIENCE, |m| m.interaction_token.as_deref() == Some(&token))
            .await
            .expect("the follow-up");
        assert_eq!(m.flags & (1 << 6), 1 << 6, "ephemeral");
        assert_eq!(m.files.len(), 2, "{m:#?}");
        let opens = rows(&m.files[0].filename, &m.files[0].bytes);
        assert_opens_match(&opens, &db_opens(&app, &chat, number).await, chrono_tz::UTC);
        let trackers = rows(&m.files[1].filename, &m.files[1].bytes);
        let db: Vec<_> = db_trackers(&app, &chat)
            .await
            .into_iter()
            .filter(|t| number.is_none_or(|n| t.number == n))
            .collect();
        assert_trackers_match(&trackers, &db);
    }

    let before = app.tracker_and_open_counts().await;
    let interaction =
        fake_discord::slash_command("export", &[("number", json!(7))], user, Some(DISCORD_GUILD));
    let token = interaction["token"].as_str().unwrap().to_owned();
    app.interact(&interaction).await;
    let m = app
        .discord()
        .wait_for(PATIENCE, |m| m.interaction_token.as_deref() == Some(&token))
        .await
        .expect("the follow-up");
    assert!(m.files.is_empty());
    assert!(m.content.contains("no tracker \\#7"), "{}", m.content);
    assert_eq!(app.tracker_and_open_counts().await, before);
}

/// Records `n` fetches on each of the chat's trackers `numbers`, with clients varied enough
/// that even gzipped the opens file is several KB.
async fn many_fetches(app: &TestApp, chat: &str, numbers: &[i32], n: i64) {
    const KINDS: [OpenKind; 4] = [
        OpenKind::GmailProxy,
        OpenKind::Direct,
        OpenKind::AppleMpp,
        OpenKind::Scanner,
    ];
    for &number in numbers {
        let id = tracker_id(app, chat, number).await;
        let clients: Vec<String> = (0..n)
            .map(|i| format!("Client {:x}", (i * 7919 + i64::from(number)) * 104_729))
            .collect();
        let fetches: Vec<_> = (0..n)
            .map(|i| (i * 13, KINDS[i as usize % 4], clients[i as usize].as_str()))
            .collect();
        record(app, id, &fetches).await;
    }
}

/// "the fetches in 3 files, the trackers in one file": how many parts the message announces.
fn announced_parts(text: &str, what: &str) -> usize {
    if text.contains(&format!("the {what} in one file")) {
        return 1;
    }
    let after = text
        .split(&format!("the {what} in "))
        .nth(1)
        .unwrap_or_else(|| panic!("no count of {what} in {text:?}"));
    after
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count of {what} in {text:?}"))
}

/// Parts named `<stem>-i-of-n.csv.gz`, in order, each within `limit` bytes, joined back
/// into one CSV: the header once, then every part's rows.
fn join_parts(stem: &str, files: &[(String, Vec<u8>)], limit: usize) -> Vec<Vec<String>> {
    let n = files.len();
    let mut joined = Vec::new();
    for (i, (name, bytes)) in files.iter().enumerate() {
        match n {
            1 => assert!(
                [".csv", ".csv.gz"]
                    .map(|ext| format!("{stem}{ext}"))
                    .contains(name)
            ),
            _ => assert_eq!(name, &format!("{stem}-{}-of-{n}.csv.gz", i + 1)),
        }
        assert!(
            bytes.len() <= limit,
            "{name}: {} bytes, over the {limit}-byte limit",
            bytes.len()
        );
        let mut rows = rows(name, bytes);
        assert!(rows.len() > 1, "{name} holds rows");
        if i == 0 {
            joined.push(rows[0].clone());
        } else {
            assert_eq!(rows[0], joined[0], "{name} starts with the header");
        }
        joined.extend(rows.drain(1..));
    }
    joined
}

#[tokio::test]
async fn an_export_over_the_telegram_limit_arrives_in_parts_that_fit_and_hold_every_row() {
    let limit = 4_000;
    let app = TestApp::spawn()
        .with_telegram()
        .bot_setting("--upload-limit-telegram", limit)
        .await;
    let chat = 3005;
    app.send(chat, &format!("/tz {BERLIN}")).await;
    app.send(chat, "/track Proposal\nAlice\nBob").await;
    app.send(chat, "/track =HYPERLINK(\"x\")").await;
    many_fetches(&app, "3005", &[1, 2, 3], 300).await;

    let before = app.telegram().sent_to(chat).len();
    let first = app.send(chat, "/export").await;
    let (opens, trackers) = (
        announced_parts(&first.text, "fetches"),
        announced_parts(&first.text, "trackers"),
    );
    assert!(opens >= 3, "{}", first.text);
    assert!(first.text.contains("complete CSV"), "{}", first.text);
    let mut files = Vec::new();
    for i in 0..opens + trackers {
        let m = app.next_message(chat, before + i).await;
        files.push(document(&m));
        if i > 0 {
            assert!(m.text.is_empty(), "only the first file has a caption");
        }
    }
    let joined = join_parts("mailping-opens", &files[..opens], limit);
    let db = db_opens(&app, "3005", None).await;
    assert_eq!(db.len(), 900);
    assert_opens_match(&joined, &db, BERLIN.parse().unwrap());
    let joined = join_parts("mailping-trackers", &files[opens..], limit);
    assert_trackers_match(&joined, &db_trackers(&app, "3005").await);
    // Nothing more than announced.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(
        app.telegram().sent_to(chat).len(),
        before + opens + trackers
    );
}

#[tokio::test]
async fn an_export_over_the_discord_limit_comes_in_follow_ups_that_each_fit() {
    let limit = 6_000;
    let app = TestApp::spawn()
        .with_discord()
        .bot_setting("--upload-limit-discord", limit)
        .await;
    let user: u64 = 1_500_000_000_000_000_012;
    let chat = user.to_string();
    for label in ["Proposal", "Invoice"] {
        app.command(user, "track", &[("label", json!(label))]).await;
    }
    many_fetches(&app, &chat, &[1, 2], 400).await;

    let interaction = fake_discord::slash_command("export", &[], user, Some(DISCORD_GUILD));
    let token = interaction["token"].as_str().unwrap().to_owned();
    let (status, body) = app.interact(&interaction).await;
    assert_eq!((status, body["type"].as_u64()), (200, Some(5)), "{body}");
    let first = app
        .discord()
        .wait_for(PATIENCE, |m| m.interaction_token.as_deref() == Some(&token))
        .await
        .expect("the follow-up");
    let (opens, trackers) = (
        announced_parts(&first.content, "fetches"),
        announced_parts(&first.content, "trackers"),
    );
    assert!(opens >= 3, "{}", first.content);
    let followups = mailping_tests::eventually(PATIENCE, "every part", async || {
        let sent: Vec<_> = app
            .discord()
            .sent()
            .into_iter()
            .filter(|m| m.interaction_token.as_deref() == Some(&token))
            .collect();
        let files: usize = sent.iter().map(|m| m.files.len()).sum();
        (files == opens + trackers).then_some(sent)
    })
    .await;
    let mut files = Vec::new();
    for m in &followups {
        assert_eq!(m.flags & (1 << 6), 1 << 6, "ephemeral");
        assert!(m.files.len() <= 10);
        let together: usize = m.files.iter().map(|f| f.bytes.len()).sum();
        assert!(together <= limit, "one message carries {together} bytes");
        files.extend(
            m.files
                .iter()
                .map(|f| (f.filename.clone(), f.bytes.clone())),
        );
    }
    assert!(followups.len() > 1, "the parts need several messages");
    let joined = join_parts("mailping-opens", &files[..opens], limit);
    assert_opens_match(&joined, &db_opens(&app, &chat, None).await, chrono_tz::UTC);
    let joined = join_parts("mailping-trackers", &files[opens..], limit);
    assert_trackers_match(&joined, &db_trackers(&app, &chat).await);
}

/// Telegram takes about a message a second in a chat; the parts of an export go back to back,
/// so past the limit each is sent again after its 429's `retry_after`, all of them in order.
#[tokio::test]
async fn an_export_in_parts_past_the_flood_limit_arrives_whole_and_in_order() {
    let limit = 4_000;
    let app = TestApp::spawn()
        .with_telegram()
        .bot_setting("--upload-limit-telegram", limit)
        .await;
    let chat = 3006;
    app.send(chat, "/track Proposal\nAlice\nBob").await;
    many_fetches(&app, "3006", &[1], 300).await;
    let tg = app.telegram();
    tg.set_limits(Limits {
        per_chat: (1, std::time::Duration::from_secs(1)),
        ..Limits::default()
    });

    let before = tg.sent_to(chat).len();
    let first = app.send(chat, "/export").await;
    let (opens, trackers) = (
        announced_parts(&first.text, "fetches"),
        announced_parts(&first.text, "trackers"),
    );
    assert!(opens >= 2, "{}", first.text);
    let mut files = Vec::new();
    for i in 0..opens + trackers {
        files.push(document(&app.next_message(chat, before + i).await));
    }
    assert!(!tg.throttled().is_empty(), "the limit was reached");
    let joined = join_parts("mailping-opens", &files[..opens], limit);
    assert_opens_match(&joined, &db_opens(&app, "3006", None).await, chrono_tz::UTC);
    let joined = join_parts("mailping-trackers", &files[opens..], limit);
    assert_trackers_match(&joined, &db_trackers(&app, "3006").await);
}
