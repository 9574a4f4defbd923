//! The outbox's failure paths, driven through an in-memory sender instead of a fake HTTP API:
//! a rate limit pauses the dispatcher, a refusal blocks the account and finishes its alerts,
//! and any other failure is retried with a growing backoff. Each test has its own database.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use diesel::QueryableByName;
use diesel::sql_types::{BigInt, Bool, Double, Integer, Nullable, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use mailping_bot::config::AlertConfig;
use mailping_bot::outbox::{AlertDispatcher, ChatSender, Outgoing, SendError, Senders};
use mailping_shared::models::Platform;
use mailping_tests::seed;
use mailping_tests::test_db::TestDb;

/// One send the dispatcher asked for, and when.
#[derive(Debug, Clone)]
struct Attempt {
    chat: String,
    message: Outgoing,
    at: Instant,
}

/// A planned answer: for one chat, or (None) for whichever send comes next.
type Planned = (Option<String>, SendError);

/// A chat platform in memory: records every send and answers from a script (then `Ok`).
/// Clones share the record, so a test keeps one while the dispatcher owns another.
#[derive(Clone, Default)]
struct MemorySender {
    attempts: Arc<Mutex<Vec<Attempt>>>,
    /// Planned answers, each for one chat or (None) for whichever send comes next.
    script: Arc<Mutex<VecDeque<Planned>>>,
}

impl MemorySender {
    fn answering(script: impl IntoIterator<Item = SendError>) -> MemorySender {
        MemorySender {
            attempts: Arc::default(),
            script: Arc::new(Mutex::new(script.into_iter().map(|e| (None, e)).collect())),
        }
    }

    /// Answers sends to `chat` from `script` (then `Ok`); other chats get `Ok`.
    fn answering_chat(chat: &str, script: impl IntoIterator<Item = SendError>) -> MemorySender {
        MemorySender {
            attempts: Arc::default(),
            script: Arc::new(Mutex::new(
                script
                    .into_iter()
                    .map(|e| (Some(chat.to_owned()), e))
                    .collect(),
            )),
        }
    }

    fn attempts(&self) -> Vec<Attempt> {
        self.attempts.lock().unwrap().clone()
    }
}

impl ChatSender for MemorySender {
    async fn send(&self, chat: &str, message: &Outgoing) -> Result<(), SendError> {
        self.attempts.lock().unwrap().push(Attempt {
            chat: chat.to_owned(),
            message: message.clone(),
            at: Instant::now(),
        });
        let mut script = self.script.lock().unwrap();
        let planned = script
            .iter()
            .position(|(for_chat, _)| for_chat.as_deref().is_none_or(|c| c == chat));
        planned
            .and_then(|i| script.remove(i))
            .map_or(Ok(()), |(_, e)| Err(e))
    }
}

fn dispatcher(db: &TestDb, telegram: &MemorySender) -> AlertDispatcher {
    dispatcher_with_chat_cap(db, telegram, 20)
}

fn dispatcher_with_chat_cap(
    db: &TestDb,
    telegram: &MemorySender,
    per_minute: u32,
) -> AlertDispatcher {
    let mut senders = Senders::default();
    senders.insert(Platform::Telegram, telegram.clone());
    let config = AlertConfig {
        alert_sweep_secs: 1,
        alert_lease_secs: 30,
        alert_max_backoff_secs: 300,
        alert_burst: 3,
        alert_window_secs: 600,
        alert_chat_per_minute: per_minute,
    };
    AlertDispatcher::new(db.pool(), senders, config)
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// Queues an alert for a new tracker of a Telegram chat; returns the alert's id.
async fn queue_alert(conn: &mut AsyncPgConnection, chat: i64, label: &str) -> i64 {
    let row: Id = diesel::sql_query(
        "WITH a AS (INSERT INTO accounts (platform, chat_id) VALUES ('telegram', $1)
                    ON CONFLICT (platform, chat_id) DO UPDATE SET trackers_created = accounts.trackers_created + 1
                    RETURNING id, trackers_created),
              t AS (INSERT INTO trackers (account_id, number, token, copy_token, label)
                    SELECT id, trackers_created + 1, gen_random_uuid(), gen_random_uuid(), $2 FROM a
                    RETURNING id),
              o AS (INSERT INTO opens (tracker_id, opened_at, kind, client)
                    SELECT id, now(), 'direct', 'Thunderbird' FROM t RETURNING id, tracker_id)
         INSERT INTO alerts (tracker_id, open_id, apple_prefetch)
         SELECT tracker_id, id, false FROM o RETURNING id",
    )
    .bind::<Text, _>(chat.to_string())
    .bind::<Text, _>(label)
    .get_result(conn)
    .await
    .expect("alert queued");
    row.id
}

/// An alert's state as the dispatcher left it.
#[derive(Debug, QueryableByName)]
struct AlertState {
    #[diesel(sql_type = Nullable<Text>)]
    outcome: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    last_error: Option<String>,
    #[diesel(sql_type = Integer)]
    attempts: i32,
    /// Seconds until the alert is due again.
    #[diesel(sql_type = Double)]
    due_in: f64,
    #[diesel(sql_type = Bool)]
    account_blocked: bool,
}

async fn alert_state(conn: &mut AsyncPgConnection, alert: i64) -> AlertState {
    diesel::sql_query(
        "SELECT al.outcome, al.last_error, al.attempts,
                extract(epoch FROM al.next_attempt_at - now())::float8 AS due_in,
                a.alerts_blocked_at IS NOT NULL AS account_blocked
         FROM alerts al JOIN trackers t ON t.id = al.tracker_id JOIN accounts a ON a.id = t.account_id
         WHERE al.id = $1",
    )
    .bind::<BigInt, _>(alert)
    .get_result(conn)
    .await
    .expect("alert state")
}

/// Makes an alert due now, as if its backoff had passed.
async fn make_due(conn: &mut AsyncPgConnection, alert: i64) {
    diesel::sql_query("UPDATE alerts SET next_attempt_at = now() WHERE id = $1")
        .bind::<BigInt, _>(alert)
        .execute(conn)
        .await
        .expect("alert made due");
}

fn text(message: &Outgoing) -> String {
    message.reply().plain_text()
}

#[tokio::test]
async fn a_rate_limited_chat_waits_alone_and_every_replica_honours_it() {
    let db = TestDb::new().await;
    let mut conn = db.conn().await;
    let limited = queue_alert(&mut conn, 501, "Proposal").await;
    // Long enough that no loaded machine runs the checks below past it.
    let pause = Duration::from_secs(60);
    let telegram = MemorySender::answering_chat("501", [SendError::RetryAfter(pause)]);
    let (first, second) = (dispatcher(&db, &telegram), dispatcher(&db, &telegram));

    let other = queue_alert(&mut conn, 502, "Invoice").await;

    // Another chat's alert goes out right after the 429, and neither replica tries 501
    // again before the time Telegram gave.
    let started = Instant::now();
    first.drain().await.expect("drain");
    second.drain().await.expect("drain");
    let attempts = telegram.attempts();
    let chats: Vec<&str> = attempts.iter().map(|a| a.chat.as_str()).collect();
    let delay = attempts[1].at.duration_since(attempts[0].at);
    eprintln!("another chat's alert went out {delay:?} after the 429");
    assert_eq!(chats, ["501", "502"], "{attempts:#?}");
    assert!(
        started.elapsed() < pause,
        "the dispatchers waited out another chat's rate limit: {:?}",
        started.elapsed()
    );
    assert_eq!(
        alert_state(&mut conn, other).await.outcome.as_deref(),
        Some("sent")
    );
    let state = alert_state(&mut conn, limited).await;
    assert_eq!(state.outcome, None, "{state:?}");
    assert_eq!(state.last_error.as_deref(), Some("rate limited"));
    // The 429 came after `started`, so the alert is due `pause` after a moment in between.
    let (latest, earliest) = (
        pause.as_secs_f64() + 0.1,
        pause.as_secs_f64() - started.elapsed().as_secs_f64() - 0.1,
    );
    assert!(
        (earliest..=latest).contains(&state.due_in),
        "due again when Telegram said ({earliest:.1}..{latest:.1} s from now): {state:?}"
    );
    for replica in [&first, &second] {
        replica.drain().await.expect("drain");
    }
    assert_eq!(
        telegram.attempts().len(),
        2,
        "no replica tries before it is due"
    );

    // Telegram's time passes: the chat's pause and the alert's wait both end.
    diesel::sql_query("UPDATE accounts SET send_not_before = now()")
        .execute(&mut conn)
        .await
        .expect("the chat's pause ended");
    make_due(&mut conn, limited).await;
    second.drain().await.expect("drain");
    assert_eq!(
        alert_state(&mut conn, limited).await.outcome.as_deref(),
        Some("sent")
    );
    assert_eq!(telegram.attempts().len(), 3);
}

#[tokio::test]
async fn a_refusing_chat_is_blocked_and_its_pending_alerts_are_finished() {
    let db = TestDb::new().await;
    let mut conn = db.conn().await;
    let first = queue_alert(&mut conn, 601, "Proposal").await;
    let second = queue_alert(&mut conn, 601, "Invoice").await;
    let telegram = MemorySender::answering([SendError::Refused("bot was blocked".into())]);

    dispatcher(&db, &telegram).drain().await.expect("drain");

    assert_eq!(telegram.attempts().len(), 1, "one refusal is enough");
    for alert in [first, second] {
        let state = alert_state(&mut conn, alert).await;
        assert_eq!(state.outcome.as_deref(), Some("blocked"), "{state:?}");
        assert!(state.account_blocked, "{state:?}");
    }
}

#[tokio::test]
async fn a_failing_platform_is_retried_with_growing_backoff_until_it_takes_the_alert() {
    let db = TestDb::new().await;
    let mut conn = db.conn().await;
    let alert = queue_alert(&mut conn, 701, "Proposal").await;
    let telegram = MemorySender::answering([
        SendError::Failed("502 Bad Gateway".into()),
        SendError::Failed("503 Service Unavailable".into()),
    ]);
    let dispatcher = dispatcher(&db, &telegram);

    for (attempt, backoff, error) in [
        (1, 1.0, "502 Bad Gateway"),
        (2, 2.0, "503 Service Unavailable"),
    ] {
        let started = Instant::now();
        dispatcher.drain().await.expect("drain");
        let state = alert_state(&mut conn, alert).await;
        // Scheduled `backoff` after a moment since `started`, however slow the machine.
        let earliest = backoff - started.elapsed().as_secs_f64() - 0.1;
        assert_eq!(state.outcome, None, "attempt {attempt}: {state:?}");
        assert_eq!(state.attempts, attempt);
        assert_eq!(state.last_error.as_deref(), Some(error));
        assert!(
            (earliest..=backoff + 0.1).contains(&state.due_in),
            "attempt {attempt}: due in {}s, expected {backoff}s",
            state.due_in
        );
        assert_eq!(
            telegram.attempts().len(),
            attempt as usize,
            "nothing sent before it is due"
        );
        make_due(&mut conn, alert).await;
    }

    dispatcher.drain().await.expect("drain");
    assert_eq!(
        alert_state(&mut conn, alert).await.outcome.as_deref(),
        Some("sent")
    );
    let attempts = telegram.attempts();
    assert_eq!(attempts.len(), 3);
    assert!(attempts.iter().all(|a| a.chat == "701"));
    assert!(
        text(&attempts[2].message).contains("Proposal"),
        "{attempts:#?}"
    );
}

#[tokio::test]
async fn a_chat_gets_at_most_its_cap_of_alerts_a_minute_even_from_two_replicas() {
    let db = TestDb::new().await;
    let mut conn = db.conn().await;
    const CAP: usize = 5;
    // Twelve trackers of one chat read at once, and one of another chat.
    for i in 0..12 {
        queue_alert(&mut conn, 801, &format!("Proposal {i}")).await;
    }
    queue_alert(&mut conn, 802, "Invoice").await;
    let telegram = MemorySender::default();
    let (first, second) = (
        dispatcher_with_chat_cap(&db, &telegram, CAP as u32),
        dispatcher_with_chat_cap(&db, &telegram, CAP as u32),
    );
    let sent_to = |chat: &str| {
        telegram
            .attempts()
            .iter()
            .filter(|a| a.chat == chat)
            .map(|a| text(&a.message))
            .collect::<Vec<_>>()
    };

    // Both replicas drain side by side; between them the chat gets its cap and no more.
    let (a, b) = tokio::join!(first.drain(), second.drain());
    a.and(b).expect("drain");
    assert_eq!(sent_to("801").len(), CAP, "{:#?}", sent_to("801"));
    assert_eq!(sent_to("802").len(), 1, "another chat is not held");

    // A minute later the next ones go, told as ordinary alerts (no tracker was flooded).
    for expected in [2 * CAP, 12] {
        seed::advance_clock(&mut conn, chrono::Duration::seconds(61)).await;
        let (a, b) = tokio::join!(first.drain(), second.drain());
        a.and(b).expect("drain");
        assert_eq!(sent_to("801").len(), expected);
    }
    let texts = sent_to("801");
    assert!(texts.iter().all(|t| t.ends_with("1st open")), "{texts:#?}");
    for i in 0..12 {
        assert_eq!(
            texts
                .iter()
                .filter(|t| t.contains(&format!("Proposal {i} ")))
                .count(),
            1,
            "Proposal {i} exactly once: {texts:#?}"
        );
    }
}
