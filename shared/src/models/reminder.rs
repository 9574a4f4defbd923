//! Follow-up reminders: "no confirmed read after 3 days". A row exists only while its reminder
//! is pending. Times come from `mailping_now()`, the database clock tests can move.
//!
//! Sending is exactly-once in the way alerts are at-least-once: the bot claims a due reminder
//! with `FOR UPDATE SKIP LOCKED` inside a transaction, checks for a read, sends, and deletes
//! the row, all before it commits. The row lock is the lease: replicas skip it, a crashed
//! bot's lock goes with its connection, and `idle_in_transaction_session_timeout` ends a bot
//! that hangs while holding it. A read recorded meanwhile cancels only reminders nobody holds
//! (`cancel_for_reads` skips locked rows), so a read either cancels the reminder (and its alert
//! says so) or the reminder is sent; never both, never neither.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, NaiveTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{
    Array, BigInt, Bool, Int8, Integer, Interval, Nullable, Text, Time, Timestamptz,
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::domain::Platform;
use crate::schedule::{self, QuietHours, ReminderDelay};

/// Sets (or moves) a tracker's reminder to `delay` from now; returns when it falls due.
pub async fn set(
    conn: &mut AsyncPgConnection,
    tracker_id: i64,
    delay: ReminderDelay,
) -> QueryResult<DateTime<Utc>> {
    #[derive(QueryableByName)]
    struct Due {
        #[diesel(sql_type = Timestamptz)]
        due_at: DateTime<Utc>,
    }
    let due: Due = diesel::sql_query(
        "INSERT INTO reminders (tracker_id, due_at, next_attempt_at)
         SELECT $1, mailping_now() + $2, mailping_now() + $2
         ON CONFLICT (tracker_id) DO UPDATE SET
             due_at = EXCLUDED.due_at, next_attempt_at = EXCLUDED.next_attempt_at,
             attempts = 0, last_error = NULL
         RETURNING due_at",
    )
    .bind::<BigInt, _>(tracker_id)
    .bind::<Interval, _>(delay.duration())
    .get_result(conn)
    .await?;
    Ok(due.due_at)
}

/// Stops a tracker's reminder; false if it had none.
pub async fn stop(conn: &mut AsyncPgConnection, tracker_id: i64) -> QueryResult<bool> {
    diesel::sql_query("DELETE FROM reminders WHERE tracker_id = $1")
        .bind::<BigInt, _>(tracker_id)
        .execute(conn)
        .await
        .map(|n| n > 0)
}

/// A pending reminder, as `/remind` lists it.
#[derive(Debug, Clone, QueryableByName)]
pub struct PendingReminder {
    #[diesel(sql_type = Integer)]
    pub number: i32,
    #[diesel(sql_type = Text)]
    pub label: String,
    #[diesel(sql_type = Timestamptz)]
    pub due_at: DateTime<Utc>,
}

/// The account's pending reminders, soonest first.
pub async fn pending(
    conn: &mut AsyncPgConnection,
    account_id: i64,
) -> QueryResult<Vec<PendingReminder>> {
    diesel::sql_query(
        "SELECT t.number, t.label, r.due_at
         FROM reminders r JOIN trackers t ON t.id = r.tracker_id
         WHERE t.account_id = $1
         ORDER BY r.due_at, t.number
         LIMIT 50",
    )
    .bind::<BigInt, _>(account_id)
    .load(conn)
    .await
}

/// Cancels the reminders of trackers that have just been read, in the writer's transaction;
/// returns the trackers whose reminder was cancelled. A reminder a bot is sending right now
/// is locked, skipped, and sent.
pub async fn cancel_for_reads(
    conn: &mut AsyncPgConnection,
    tracker_ids: &[i64],
) -> QueryResult<Vec<i64>> {
    #[derive(QueryableByName)]
    struct Cancelled {
        #[diesel(sql_type = BigInt)]
        tracker_id: i64,
    }
    if tracker_ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<Cancelled> = diesel::sql_query(
        "DELETE FROM reminders WHERE id IN (
             SELECT id FROM reminders WHERE tracker_id = ANY($1) FOR UPDATE SKIP LOCKED)
         RETURNING tracker_id",
    )
    .bind::<Array<Int8>, _>(tracker_ids)
    .load(conn)
    .await?;
    Ok(rows.into_iter().map(|r| r.tracker_id).collect())
}

/// A due reminder held by this transaction, with everything needed to decide and word it.
#[derive(Debug, Clone, QueryableByName)]
pub struct DueReminder {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Timestamptz)]
    pub due_at: DateTime<Utc>,
    #[diesel(sql_type = Integer)]
    pub attempts: i32,
    /// The database clock at the claim.
    #[diesel(sql_type = Timestamptz)]
    pub now: DateTime<Utc>,
    #[diesel(sql_type = BigInt)]
    pub account_id: i64,
    #[diesel(sql_type = Text)]
    pub platform: Platform,
    #[diesel(sql_type = Text)]
    pub chat_id: String,
    #[diesel(sql_type = Text)]
    pub timezone: String,
    /// The owner's language (`accounts.language`).
    #[diesel(sql_type = Nullable<Text>)]
    pub language: Option<String>,
    #[diesel(sql_type = Nullable<Time>)]
    pub quiet_start: Option<NaiveTime>,
    #[diesel(sql_type = Nullable<Time>)]
    pub quiet_end: Option<NaiveTime>,
    #[diesel(sql_type = Bool)]
    pub blocked: bool,
    #[diesel(sql_type = Integer)]
    pub number: i32,
    #[diesel(sql_type = Text)]
    pub label: String,
    /// When the tracker was created: when the email went out, near enough.
    #[diesel(sql_type = Timestamptz)]
    pub sent_at: DateTime<Utc>,
    /// A read has been committed; the reminder is void.
    #[diesel(sql_type = Bool)]
    pub read: bool,
    /// Apple's delivery fetch, if any: worth saying that it was not a read.
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub apple_prefetch_at: Option<DateTime<Utc>>,
}

impl DueReminder {
    pub fn tz(&self) -> chrono_tz::Tz {
        schedule::timezone(&self.timezone)
    }

    pub fn quiet_hours(&self) -> Option<QuietHours> {
        QuietHours::from_columns(self.quiet_start, self.quiet_end)
    }

    /// How late it is being sent, against when it was due (after quiet hours).
    pub fn lateness(&self) -> Duration {
        let due = self
            .quiet_hours()
            .map_or(self.due_at, |q| q.next_allowed(self.due_at, self.tz()));
        (self.now - due).max(Duration::zero())
    }
}

/// Claims the most overdue reminder, locking it for the rest of the caller's transaction. If
/// this transaction stays idle longer than `lease`, Postgres ends it and the lock is freed.
pub async fn claim_due(
    conn: &mut AsyncPgConnection,
    lease: StdDuration,
) -> QueryResult<Option<DueReminder>> {
    diesel::sql_query("SELECT set_config('idle_in_transaction_session_timeout', $1, true)")
        .bind::<Text, _>(format!("{}ms", lease.as_millis().max(1)))
        .execute(conn)
        .await?;
    diesel::sql_query(
        "WITH due AS (
             SELECT r.id FROM reminders r
             JOIN trackers t ON t.id = r.tracker_id
             JOIN accounts a ON a.id = t.account_id
             WHERE r.next_attempt_at <= mailping_now()
               AND (a.send_not_before IS NULL OR a.send_not_before <= now())
             ORDER BY r.next_attempt_at LIMIT 1
             FOR UPDATE OF r SKIP LOCKED)
         SELECT r.id, r.due_at, r.attempts, mailping_now() AS now,
                a.id AS account_id, a.platform, a.chat_id, a.timezone, a.language,
                a.quiet_start, a.quiet_end,
                a.alerts_blocked_at IS NOT NULL AS blocked,
                t.number, t.label, t.created_at AS sent_at,
                EXISTS (SELECT 1 FROM opens o WHERE o.tracker_id = t.id AND o.is_read) AS read,
                t.apple_prefetch_at
         FROM due
         JOIN reminders r ON r.id = due.id
         JOIN trackers t ON t.id = r.tracker_id
         JOIN accounts a ON a.id = t.account_id",
    )
    .get_result(conn)
    .await
    .optional()
}

/// Ends a reminder: sent, void because of a read, or undeliverable.
pub async fn finish(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<()> {
    diesel::sql_query("DELETE FROM reminders WHERE id = $1")
        .bind::<BigInt, _>(id)
        .execute(conn)
        .await
        .map(drop)
}

/// Puts a reminder off until `until` (quiet hours, or a failed send with `error`).
pub async fn postpone(
    conn: &mut AsyncPgConnection,
    id: i64,
    until: DateTime<Utc>,
    error: Option<&str>,
) -> QueryResult<()> {
    diesel::sql_query(
        "UPDATE reminders SET next_attempt_at = $2,
             attempts = attempts + CASE WHEN $3::text IS NULL THEN 0 ELSE 1 END,
             last_error = COALESCE($3, last_error)
         WHERE id = $1",
    )
    .bind::<BigInt, _>(id)
    .bind::<Timestamptz, _>(until)
    .bind::<Nullable<Text>, _>(error)
    .execute(conn)
    .await
    .map(drop)
}

/// When the next reminder falls due, so a dispatcher can sleep until then.
pub async fn next_due(conn: &mut AsyncPgConnection) -> QueryResult<Option<DateTime<Utc>>> {
    #[derive(QueryableByName)]
    struct Next {
        #[diesel(sql_type = Nullable<Timestamptz>)]
        at: Option<DateTime<Utc>>,
    }
    // In the bot's clock: a moved database clock makes reminders due sooner.
    let next: Next = diesel::sql_query(
        "SELECT min(greatest(now() + (r.next_attempt_at - mailping_now()), a.send_not_before)) AS at
         FROM reminders r JOIN trackers t ON t.id = r.tracker_id JOIN accounts a ON a.id = t.account_id",
    )
    .get_result(conn)
    .await?;
    Ok(next.at)
}
