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
use mailping_tests::test_db::TestDb;

/// One send the dispatcher asked for, and when.
#[derive(Debug, Clone)]
struct Attempt {
    chat: String,
    message: Outgoing,
    at: Instant,
}

/// A chat platform in memory: records every send and answers from a script (then `Ok`).
/// Clones share the record, so a test keeps one while the dispatcher owns another.
#[derive(Clone, Default)]
struct MemorySender {
    attempts: Arc<Mutex<Vec<Attempt>>>,
    script: Arc<Mutex<VecDeque<SendError>>>,
}

impl MemorySender {
    fn answering(script: impl IntoIterator<Item = SendError>) -> MemorySender {
        MemorySender {
            attempts: Arc::default(),
            script: Arc::new(Mutex::new(script.into_iter().collect())),
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
        let answer = self.script.lock().unwrap().pop_front();
        answer.map_or(Ok(()), Err)
    }
}

fn dispatcher(db: &TestDb, telegram: &MemorySender) -> AlertDispatcher {
    let mut senders = Senders::default();
    senders.insert(Platform::Telegram, telegram.clone());
    let config = AlertConfig {
        alert_sweep_secs: 1,
        alert_lease_secs: 30,
        alert_max_backoff_secs: 300,
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
async fn a_rate_limit_pauses_the_dispatcher_and_postpones_the_alert() {
    let db = TestDb::new().await;
    let mut conn = db.conn().await;
    let first = queue_alert(&mut conn, 501, "Proposal").await;
    let second = queue_alert(&mut conn, 502, "Invoice").await;
    let pause = Duration::from_millis(600);
    let telegram = MemorySender::answering([SendError::RetryAfter(pause)]);

    dispatcher(&db, &telegram).drain().await.expect("drain");

    let attempts = telegram.attempts();
    assert_eq!(attempts.len(), 3, "{attempts:#?}");
    // Nothing else was sent while the platform asked us to wait.
    assert!(
        attempts[1].at.duration_since(attempts[0].at) >= pause,
        "the dispatcher did not pause: {attempts:#?}"
    );
    let mut delivered: Vec<&str> = attempts[1..].iter().map(|a| a.chat.as_str()).collect();
    delivered.sort_unstable();
    assert_eq!(delivered, ["501", "502"]);
    let mut postponed = 0;
    for alert in [first, second] {
        let state = alert_state(&mut conn, alert).await;
        assert_eq!(state.outcome.as_deref(), Some("sent"), "{state:?}");
        postponed += usize::from(state.last_error.as_deref() == Some("rate limited"));
    }
    assert_eq!(postponed, 1, "the rate-limited alert records why it waited");
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
        dispatcher.drain().await.expect("drain");
        let state = alert_state(&mut conn, alert).await;
        assert_eq!(state.outcome, None, "attempt {attempt}: {state:?}");
        assert_eq!(state.attempts, attempt);
        assert_eq!(state.last_error.as_deref(), Some(error));
        assert!(
            (state.due_in - backoff).abs() < 0.5,
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
