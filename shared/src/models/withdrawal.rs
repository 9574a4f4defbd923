//! "A recipient withdrew": the owner's one-time notice, queued by `tracker::withdraw` and sent
//! through the outbox as reminders are. The bot claims a due notice with `FOR UPDATE SKIP
//! LOCKED` inside a transaction, sends it, and deletes the row before it commits, so replicas
//! never both send it; a bot that dies after sending but before committing sends it again
//! once, as a reminder would be. The notice names the tracker, never who withdrew.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Integer, Nullable, Text, Timestamptz};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::domain::Platform;

/// A due notice, locked by the claiming transaction.
#[derive(Debug, Clone, QueryableByName)]
pub struct DueNotice {
    #[diesel(sql_type = BigInt)]
    pub tracker_id: i64,
    #[diesel(sql_type = Integer)]
    pub attempts: i32,
    #[diesel(sql_type = BigInt)]
    pub account_id: i64,
    #[diesel(sql_type = Text)]
    pub platform: Platform,
    #[diesel(sql_type = Text)]
    pub chat_id: String,
    #[diesel(sql_type = Bool)]
    pub blocked: bool,
    #[diesel(sql_type = Integer)]
    pub number: i32,
    #[diesel(sql_type = Text)]
    pub label: String,
    /// The owner's language (`accounts.language`).
    #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
    pub language: Option<String>,
}

/// Claims the oldest due notice for the rest of the caller's transaction (at most `lease`
/// idle, as for reminders).
pub async fn claim_due(
    conn: &mut AsyncPgConnection,
    lease: StdDuration,
) -> QueryResult<Option<DueNotice>> {
    diesel::sql_query("SELECT set_config('idle_in_transaction_session_timeout', $1, true)")
        .bind::<Text, _>(format!("{}ms", lease.as_millis().max(1)))
        .execute(conn)
        .await?;
    diesel::sql_query(
        "WITH due AS (
             SELECT w.tracker_id FROM withdrawal_notices w
             JOIN trackers t ON t.id = w.tracker_id
             JOIN accounts a ON a.id = t.account_id
             WHERE w.next_attempt_at <= now()
               AND (a.send_not_before IS NULL OR a.send_not_before <= now())
             ORDER BY w.next_attempt_at LIMIT 1
             FOR UPDATE OF w SKIP LOCKED)
         SELECT w.tracker_id, w.attempts, a.id AS account_id, a.platform, a.chat_id,
                a.alerts_blocked_at IS NOT NULL AS blocked, t.number, t.label, a.language
         FROM due
         JOIN withdrawal_notices w ON w.tracker_id = due.tracker_id
         JOIN trackers t ON t.id = w.tracker_id
         JOIN accounts a ON a.id = t.account_id",
    )
    .get_result(conn)
    .await
    .optional()
}

/// Ends a notice: sent, or undeliverable.
pub async fn finish(conn: &mut AsyncPgConnection, tracker_id: i64) -> QueryResult<()> {
    diesel::sql_query("DELETE FROM withdrawal_notices WHERE tracker_id = $1")
        .bind::<BigInt, _>(tracker_id)
        .execute(conn)
        .await
        .map(drop)
}

/// Puts a notice off until `until` after a failed send.
pub async fn postpone(
    conn: &mut AsyncPgConnection,
    tracker_id: i64,
    until: DateTime<Utc>,
    error: &str,
) -> QueryResult<()> {
    diesel::sql_query(
        "UPDATE withdrawal_notices SET next_attempt_at = $2, attempts = attempts + 1,
             last_error = $3
         WHERE tracker_id = $1",
    )
    .bind::<BigInt, _>(tracker_id)
    .bind::<Timestamptz, _>(until)
    .bind::<Nullable<Text>, _>(Some(error))
    .execute(conn)
    .await
    .map(drop)
}

/// When the next notice falls due, so a dispatcher can sleep until then.
pub async fn next_due(conn: &mut AsyncPgConnection) -> QueryResult<Option<DateTime<Utc>>> {
    #[derive(QueryableByName)]
    struct Next {
        #[diesel(sql_type = Nullable<Timestamptz>)]
        at: Option<DateTime<Utc>>,
    }
    let next: Next = diesel::sql_query(
        "SELECT min(greatest(w.next_attempt_at, a.send_not_before)) AS at
         FROM withdrawal_notices w JOIN trackers t ON t.id = w.tracker_id
         JOIN accounts a ON a.id = t.account_id",
    )
    .get_result(conn)
    .await?;
    Ok(next.at)
}
