use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Bool, Int4, Int8, Integer, Interval, Text, Timestamptz};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

pub use crate::domain::Outcome;
use crate::domain::Platform;

/// An alert to queue (or to fold into the tracker's pending one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueuedAlert {
    pub tracker_id: i64,
    pub open_id: i64,
    pub apple_prefetch: bool,
    pub open_count: i32,
    /// This read cancelled the tracker's pending reminder.
    pub reminder_cancelled: bool,
}

/// Queues alerts, one per tracker at most (the caller coalesces a batch first). A tracker with
/// a pending alert gets its count raised instead; an Apple prefetch never overrides a read.
pub async fn queue(conn: &mut AsyncPgConnection, alerts: &[QueuedAlert]) -> QueryResult<usize> {
    if alerts.is_empty() {
        return Ok(0);
    }
    let tracker_ids: Vec<i64> = alerts.iter().map(|a| a.tracker_id).collect();
    let open_ids: Vec<i64> = alerts.iter().map(|a| a.open_id).collect();
    let apple: Vec<bool> = alerts.iter().map(|a| a.apple_prefetch).collect();
    let counts: Vec<i32> = alerts.iter().map(|a| a.open_count).collect();
    let cancelled: Vec<bool> = alerts.iter().map(|a| a.reminder_cancelled).collect();
    diesel::sql_query(
        "INSERT INTO alerts (tracker_id, open_id, apple_prefetch, open_count, reminder_cancelled)
         SELECT * FROM UNNEST($1::int8[], $2::int8[], $3::bool[], $4::int4[], $5::bool[])
         ON CONFLICT (tracker_id) WHERE finished_at IS NULL DO UPDATE SET
             open_count = CASE WHEN alerts.apple_prefetch THEN EXCLUDED.open_count
                               ELSE alerts.open_count + EXCLUDED.open_count END,
             open_id = EXCLUDED.open_id,
             apple_prefetch = false,
             reminder_cancelled = alerts.reminder_cancelled OR EXCLUDED.reminder_cancelled,
             version = alerts.version + 1
         WHERE NOT EXCLUDED.apple_prefetch",
    )
    .bind::<Array<Int8>, _>(tracker_ids)
    .bind::<Array<Int8>, _>(open_ids)
    .bind::<Array<Bool>, _>(apple)
    .bind::<Array<Int4>, _>(counts)
    .bind::<Array<Bool>, _>(cancelled)
    .execute(conn)
    .await
}

/// An alert claimed by one dispatcher, with everything needed to word and address it.
#[derive(Debug, Clone, QueryableByName)]
pub struct ClaimedAlert {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    /// The newest open this alert reports (the one "Wrong?" refers to).
    #[diesel(sql_type = BigInt)]
    pub open_id: i64,
    #[diesel(sql_type = Integer)]
    pub version: i32,
    #[diesel(sql_type = Integer)]
    pub attempts: i32,
    #[diesel(sql_type = Bool)]
    pub apple_prefetch: bool,
    #[diesel(sql_type = Integer)]
    pub open_count: i32,
    #[diesel(sql_type = Bool)]
    pub reminder_cancelled: bool,
    #[diesel(sql_type = BigInt)]
    pub tracker_id: i64,
    #[diesel(sql_type = BigInt)]
    pub account_id: i64,
    #[diesel(sql_type = Text)]
    pub platform: Platform,
    #[diesel(sql_type = Text)]
    pub chat_id: String,
    #[diesel(sql_type = Text)]
    pub timezone: String,
    #[diesel(sql_type = Bool)]
    pub blocked: bool,
    #[diesel(sql_type = Integer)]
    pub number: i32,
    #[diesel(sql_type = Text)]
    pub label: String,
    #[diesel(sql_type = Bool)]
    pub muted: bool,
    #[diesel(sql_type = Timestamptz)]
    pub opened_at: DateTime<Utc>,
    #[diesel(sql_type = Text)]
    pub client: String,
    /// The reporting open's position among the tracker's reads (1 for the first read).
    #[diesel(sql_type = BigInt)]
    pub ordinal: i64,
}

/// Claims up to `limit` due alerts for `lease`. `SKIP LOCKED` keeps replicas apart while
/// claiming; the lease keeps them apart while sending. If this dispatcher dies, the lease
/// runs out and another one sends the alert: at least once, and at most one repeat.
pub async fn claim_due(
    conn: &mut AsyncPgConnection,
    limit: i64,
    lease: Duration,
) -> QueryResult<Vec<ClaimedAlert>> {
    diesel::sql_query(
        "WITH claimed AS (
             UPDATE alerts SET next_attempt_at = now() + $2, attempts = attempts + 1
             WHERE id IN (SELECT al.id FROM alerts al
                          JOIN trackers t ON t.id = al.tracker_id
                          JOIN accounts a ON a.id = t.account_id
                          WHERE al.finished_at IS NULL AND al.next_attempt_at <= now()
                            AND (a.send_not_before IS NULL OR a.send_not_before <= now())
                          ORDER BY al.next_attempt_at LIMIT $1
                          FOR UPDATE OF al SKIP LOCKED)
             RETURNING *)
         SELECT c.id, c.open_id, c.version, c.attempts, c.apple_prefetch, c.open_count, c.reminder_cancelled,
                c.tracker_id,
                a.id AS account_id, a.platform, a.chat_id, a.timezone,
                a.alerts_blocked_at IS NOT NULL AS blocked,
                t.number, t.label, t.muted,
                o.opened_at, o.client,
                (SELECT count(*) FROM opens r WHERE r.tracker_id = t.id AND r.id <= c.open_id
                    AND r.is_read) AS ordinal
         FROM claimed c
         JOIN trackers t ON t.id = c.tracker_id
         JOIN accounts a ON a.id = t.account_id
         JOIN opens o ON o.id = c.open_id",
    )
    .bind::<BigInt, _>(limit)
    .bind::<Interval, _>(diesel::pg::data_types::PgInterval::from_microseconds(
        lease.as_micros() as i64,
    ))
    .load(conn)
    .await
}

/// Finishes a claimed alert. If opens arrived while it was being sent (its version moved on),
/// the alert stays pending for the opens not yet reported, so none is lost.
pub async fn finish(
    conn: &mut AsyncPgConnection,
    alert: &ClaimedAlert,
    outcome: Outcome,
) -> QueryResult<()> {
    diesel::sql_query(
        "UPDATE alerts SET
             finished_at = CASE WHEN version = $2 THEN now() END,
             outcome = CASE WHEN version = $2 THEN $3 END,
             open_count = CASE WHEN version = $2 OR $4 THEN open_count ELSE open_count - $5 END,
             reminder_cancelled = CASE WHEN version = $2 THEN reminder_cancelled ELSE false END,
             next_attempt_at = now(), attempts = 0
         WHERE id = $1",
    )
    .bind::<BigInt, _>(alert.id)
    .bind::<Integer, _>(alert.version)
    .bind::<Text, _>(outcome)
    .bind::<Bool, _>(alert.apple_prefetch)
    .bind::<Integer, _>(alert.open_count)
    .execute(conn)
    .await
    .map(drop)
}

/// Puts a failed alert back, due again after `delay`.
pub async fn retry_later(
    conn: &mut AsyncPgConnection,
    alert_id: i64,
    delay: Duration,
    error: &str,
) -> QueryResult<()> {
    diesel::sql_query(
        "UPDATE alerts SET next_attempt_at = now() + $2, last_error = $3 WHERE id = $1 AND finished_at IS NULL",
    )
    .bind::<BigInt, _>(alert_id)
    .bind::<Interval, _>(diesel::pg::data_types::PgInterval::from_microseconds(delay.as_micros() as i64))
    .bind::<Text, _>(error)
    .execute(conn)
    .await
    .map(drop)
}

/// Finishes every pending alert of an account whose chat refuses messages.
pub async fn finish_all_blocked(
    conn: &mut AsyncPgConnection,
    account_id: i64,
) -> QueryResult<usize> {
    diesel::sql_query(
        "UPDATE alerts SET finished_at = now(), outcome = $2
         WHERE finished_at IS NULL AND tracker_id IN (SELECT id FROM trackers WHERE account_id = $1)",
    )
    .bind::<BigInt, _>(account_id)
    .bind::<Text, _>(Outcome::Blocked)
    .execute(conn)
    .await
}

/// When the earliest pending alert is due (and its chat not paused), so a dispatcher can
/// sleep until then.
pub async fn next_due(conn: &mut AsyncPgConnection) -> QueryResult<Option<DateTime<Utc>>> {
    #[derive(QueryableByName)]
    struct Next {
        #[diesel(sql_type = diesel::sql_types::Nullable<Timestamptz>)]
        at: Option<DateTime<Utc>>,
    }
    let next: Next = diesel::sql_query(
        "SELECT min(greatest(al.next_attempt_at, a.send_not_before)) AS at
         FROM alerts al JOIN trackers t ON t.id = al.tracker_id JOIN accounts a ON a.id = t.account_id
         WHERE al.finished_at IS NULL",
    )
    .get_result(conn)
    .await?;
    Ok(next.at)
}
