//! The alert outbox (`alerts`, `alert_sends`): queueing alerts with the opens they report, the
//! alert limits (`hold`), and claiming, finishing and retrying them with `FOR UPDATE SKIP LOCKED`.
//! Knows no platform: the bot's dispatcher sends what it claims.

use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{
    Array, BigInt, Bool, Int4, Int8, Integer, Interval, Nullable, Text, Timestamptz,
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

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

/// How often a tracker and a chat may be alerted. A tracker alerts at once for its first
/// `burst` alerts in any `window`; after that, and until a `window` passes without one, its
/// reads are held back and told in one message a `window` after its previous alert. A chat
/// gets at most `chat_per_minute` alerts in any minute; more wait for the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlertLimits {
    pub burst: u32,
    pub window: Duration,
    pub chat_per_minute: u32,
}

/// The chat window of [`AlertLimits::chat_per_minute`].
const CHAT_WINDOW: chrono::Duration = chrono::Duration::minutes(1);

/// A tracker's and its chat's recent alerts, as a claim sees them.
#[derive(Debug, Clone, QueryableByName)]
pub struct RecentSends {
    #[diesel(sql_type = Timestamptz)]
    pub now: DateTime<Utc>,
    /// The tracker's alerts within the window before `now`.
    #[diesel(sql_type = BigInt)]
    pub tracker_in_window: i64,
    /// The tracker's latest alert, and whether it told reads held back.
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub tracker_last: Option<DateTime<Utc>>,
    #[diesel(sql_type = Bool)]
    pub tracker_last_coalesced: bool,
    /// The chat's `chat_per_minute`-th latest alert of the last minute, if it had that many.
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub chat_cap_reached_by: Option<DateTime<Utc>>,
}

/// Why and until when an alert waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hold {
    pub until: DateTime<Utc>,
    /// The tracker's previous alert, if the tracker is flooded (not only its chat busy): the
    /// message then tells the reads since then as one.
    pub coalesced_since: Option<DateTime<Utc>>,
}

/// Whether an alert may go out now under `limits`, or must wait.
pub fn hold(limits: &AlertLimits, recent: &RecentSends) -> Option<Hold> {
    let window = chrono::Duration::from_std(limits.window).unwrap_or(chrono::Duration::MAX);
    let flooded = recent.tracker_last.filter(|last| {
        let within = last
            .checked_add_signed(window)
            .is_none_or(|end| end > recent.now);
        let busy =
            recent.tracker_last_coalesced || recent.tracker_in_window >= i64::from(limits.burst);
        within && busy
    });
    let tracker_until = flooded.map(|last| last.checked_add_signed(window).unwrap_or(last));
    let chat_until = recent
        .chat_cap_reached_by
        .map(|t| t + CHAT_WINDOW)
        .filter(|until| *until > recent.now);
    let until = tracker_until.max(chat_until)?;
    Some(Hold {
        until,
        coalesced_since: flooded,
    })
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
    /// The owner's language (`accounts.language`).
    #[diesel(sql_type = Nullable<Text>)]
    pub language: Option<String>,
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
    /// The send recorded for this claim; none for a muted or blocked alert, which is not sent.
    #[diesel(sql_type = Nullable<BigInt>)]
    pub send_id: Option<i64>,
    /// The alert tells reads held back because its tracker was flooded: minutes since the
    /// tracker's previous alert.
    #[diesel(sql_type = Nullable<Integer>)]
    pub coalesced_minutes: Option<i32>,
    /// The tracker was read before, and never in this client ("Outlook" after "Gmail").
    #[diesel(sql_type = Bool)]
    pub new_client: bool,
    /// The tracker was read directly before, and never from this network. Only direct reads
    /// tell: the webmail proxies and Apple's relay share their addresses among everybody.
    #[diesel(sql_type = Bool)]
    pub new_network: bool,
}

/// What one claim found.
#[derive(Debug)]
pub enum Claim {
    /// No alert is due.
    Nothing,
    /// The next due alert was held back by [`AlertLimits`]; its reads go on raising its count.
    Held { alert_id: i64, hold: Hold },
    /// An alert to send, leased to this dispatcher.
    Alert(ClaimedAlert),
}

/// A due alert, locked by the claiming transaction.
#[derive(QueryableByName)]
struct Candidate {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = BigInt)]
    tracker_id: i64,
    #[diesel(sql_type = BigInt)]
    account_id: i64,
    /// Muted or blocked: finished without a message, so no limit applies.
    #[diesel(sql_type = Bool)]
    silent: bool,
    #[diesel(sql_type = Bool)]
    coalesced: bool,
}

/// Claims the most overdue alert for `lease`, unless `limits` hold it back. `SKIP LOCKED`
/// keeps replicas apart while claiming; the lease keeps them apart while sending. If this
/// dispatcher dies, the lease runs out and another one sends the alert: at least once, and at
/// most one repeat.
///
/// The limits are decided in the claiming transaction, with the chat's account row locked, so
/// replicas claiming alerts of one chat take turns and each counts the others' sends. A send
/// is recorded when it is claimed, so one in flight counts; [`unrecord_send`] takes it back
/// if the platform did not accept the message.
pub async fn claim_next(
    conn: &mut AsyncPgConnection,
    lease: Duration,
    limits: &AlertLimits,
) -> QueryResult<Claim> {
    conn.transaction(async |conn| {
        let candidate: Option<Candidate> = diesel::sql_query(
            "SELECT al.id, t.id AS tracker_id, a.id AS account_id,
                    t.muted OR a.alerts_blocked_at IS NOT NULL AS silent,
                    al.coalesced_since IS NOT NULL AS coalesced
             FROM alerts al
             JOIN trackers t ON t.id = al.tracker_id
             JOIN accounts a ON a.id = t.account_id
             WHERE al.finished_at IS NULL AND al.next_attempt_at <= now()
               AND (al.held_until IS NULL OR al.held_until <= mailping_now())
               AND (a.send_not_before IS NULL OR a.send_not_before <= now())
             ORDER BY al.next_attempt_at LIMIT 1
             FOR UPDATE OF al SKIP LOCKED",
        )
        .get_result(conn)
        .await
        .optional()?;
        let Some(c) = candidate else {
            return Ok(Claim::Nothing);
        };
        let send_id = match c.silent {
            true => None,
            false => {
                // Replicas claiming for this chat wait here for each other; the counts below
                // are read after the lock, so they include every send committed before it.
                diesel::sql_query("SELECT id FROM accounts WHERE id = $1 FOR NO KEY UPDATE")
                    .bind::<BigInt, _>(c.account_id)
                    .execute(conn)
                    .await?;
                let recent = recent_sends(conn, c.tracker_id, c.account_id, limits).await?;
                if let Some(hold) = hold(limits, &recent) {
                    diesel::sql_query(
                        "UPDATE alerts SET held_until = $2,
                             coalesced_since = COALESCE($3, coalesced_since)
                         WHERE id = $1",
                    )
                    .bind::<BigInt, _>(c.id)
                    .bind::<Timestamptz, _>(hold.until)
                    .bind::<Nullable<Timestamptz>, _>(hold.coalesced_since)
                    .execute(conn)
                    .await?;
                    return Ok(Claim::Held {
                        alert_id: c.id,
                        hold,
                    });
                }
                Some(record_send(conn, &c).await?)
            }
        };
        let claimed: ClaimedAlert = diesel::sql_query(
            "WITH claimed AS (
                 UPDATE alerts SET next_attempt_at = now() + $2, attempts = attempts + 1,
                     held_until = NULL
                 WHERE id = $1
                 RETURNING *)
             SELECT c.id, c.open_id, c.version, c.attempts, c.apple_prefetch, c.open_count, c.reminder_cancelled,
                    c.tracker_id,
                    a.id AS account_id, a.platform, a.chat_id, a.timezone, a.language,
                    a.alerts_blocked_at IS NOT NULL AS blocked,
                    t.number, t.label, t.muted,
                    o.opened_at, o.client,
                    (SELECT count(*) FROM opens r WHERE r.tracker_id = t.id AND r.id <= c.open_id
                        AND r.is_read) AS ordinal,
                    $3::int8 AS send_id,
                    CASE WHEN c.coalesced_since IS NOT NULL THEN greatest(1,
                        round(extract(epoch FROM mailping_now() - c.coalesced_since) / 60))::int4
                    END AS coalesced_minutes,
                    COALESCE((SELECT bool_and(r.client <> o.client) FROM opens r
                              WHERE r.tracker_id = t.id AND r.id < c.open_id AND r.is_read),
                             false) AS new_client,
                    (o.kind = 'direct' AND o.reason <> 'network:relay' AND o.network IS NOT NULL
                     AND EXISTS (SELECT 1 FROM opens r
                                 WHERE r.tracker_id = t.id AND r.id < c.open_id
                                   AND r.kind = 'direct' AND r.reason <> 'network:relay'
                                   AND r.network IS NOT NULL)
                     AND NOT EXISTS (SELECT 1 FROM opens r
                                     WHERE r.tracker_id = t.id AND r.id < c.open_id
                                       AND r.is_read AND r.network = o.network)) AS new_network
             FROM claimed c
             JOIN trackers t ON t.id = c.tracker_id
             JOIN accounts a ON a.id = t.account_id
             JOIN opens o ON o.id = c.open_id",
        )
        .bind::<BigInt, _>(c.id)
        .bind::<Interval, _>(diesel::pg::data_types::PgInterval::from_microseconds(
            lease.as_micros() as i64,
        ))
        .bind::<Nullable<BigInt>, _>(send_id)
        .get_result(conn)
        .await?;
        Ok(Claim::Alert(claimed))
    })
    .await
}

/// The tracker's and the chat's alerts that `hold` decides on.
async fn recent_sends(
    conn: &mut AsyncPgConnection,
    tracker_id: i64,
    account_id: i64,
    limits: &AlertLimits,
) -> QueryResult<RecentSends> {
    diesel::sql_query(
        "SELECT mailping_now() AS now,
                (SELECT count(*) FROM alert_sends
                 WHERE tracker_id = $1 AND sent_at > mailping_now() - $3) AS tracker_in_window,
                last.sent_at AS tracker_last,
                COALESCE(last.coalesced, false) AS tracker_last_coalesced,
                (SELECT sent_at FROM alert_sends
                 WHERE account_id = $2 AND sent_at > mailping_now() - interval '1 minute'
                 ORDER BY sent_at DESC OFFSET $4 - 1 LIMIT 1) AS chat_cap_reached_by
         FROM (SELECT 1) one
         LEFT JOIN LATERAL (SELECT sent_at, coalesced FROM alert_sends WHERE tracker_id = $1
                            ORDER BY sent_at DESC LIMIT 1) last ON true",
    )
    .bind::<BigInt, _>(tracker_id)
    .bind::<BigInt, _>(account_id)
    .bind::<Interval, _>(diesel::pg::data_types::PgInterval::from_microseconds(
        limits.window.as_micros() as i64,
    ))
    .bind::<BigInt, _>(i64::from(limits.chat_per_minute))
    .get_result(conn)
    .await
}

/// Records that a message for this alert is going out; returns the record's id.
async fn record_send(conn: &mut AsyncPgConnection, c: &Candidate) -> QueryResult<i64> {
    #[derive(QueryableByName)]
    struct Id {
        #[diesel(sql_type = BigInt)]
        id: i64,
    }
    let row: Id = diesel::sql_query(
        "INSERT INTO alert_sends (account_id, tracker_id, sent_at, coalesced)
         VALUES ($1, $2, mailping_now(), $3) RETURNING id",
    )
    .bind::<BigInt, _>(c.account_id)
    .bind::<BigInt, _>(c.tracker_id)
    .bind::<Bool, _>(c.coalesced)
    .get_result(conn)
    .await?;
    Ok(row.id)
}

/// Takes back the send recorded for a claimed alert the platform did not accept, so it does
/// not count against the tracker's or the chat's limits.
pub async fn unrecord_send(conn: &mut AsyncPgConnection, alert: &ClaimedAlert) -> QueryResult<()> {
    let Some(send_id) = alert.send_id else {
        return Ok(());
    };
    diesel::sql_query("DELETE FROM alert_sends WHERE id = $1")
        .bind::<BigInt, _>(send_id)
        .execute(conn)
        .await
        .map(drop)
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
             coalesced_since = CASE WHEN version = $2 THEN coalesced_since END,
             held_until = NULL, next_attempt_at = now(), attempts = 0
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

/// When the earliest pending alert is due (and its chat not paused, and not held back), so a
/// dispatcher can sleep until then.
pub async fn next_due(conn: &mut AsyncPgConnection) -> QueryResult<Option<DateTime<Utc>>> {
    #[derive(QueryableByName)]
    struct Next {
        #[diesel(sql_type = diesel::sql_types::Nullable<Timestamptz>)]
        at: Option<DateTime<Utc>>,
    }
    let next: Next = diesel::sql_query(
        "SELECT min(greatest(al.next_attempt_at, now() + (al.held_until - mailping_now()),
                            a.send_not_before)) AS at
         FROM alerts al JOIN trackers t ON t.id = al.tracker_id JOIN accounts a ON a.id = t.account_id
         WHERE al.finished_at IS NULL",
    )
    .get_result(conn)
    .await?;
    Ok(next.at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    const LIMITS: AlertLimits = AlertLimits {
        burst: 3,
        window: Duration::from_secs(600),
        chat_per_minute: 20,
    };

    fn at(secs: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap() + chrono::Duration::seconds(secs)
    }

    /// What `hold` decides for a tracker whose alerts went out at `sent` (seconds, with
    /// whether each was coalesced), at `now`, with the chat's cap reached by `chat`.
    fn decide(sent: &[(i64, bool)], now: i64, chat: Option<i64>) -> Option<Hold> {
        let recent = RecentSends {
            now: at(now),
            tracker_in_window: sent.iter().filter(|(t, _)| *t > now - 600).count() as i64,
            tracker_last: sent.last().map(|(t, _)| at(*t)),
            tracker_last_coalesced: sent.last().is_some_and(|(_, c)| *c),
            chat_cap_reached_by: chat.map(at),
        };
        hold(&LIMITS, &recent)
    }

    fn coalesced_until(until: i64, since: i64) -> Option<Hold> {
        Some(Hold {
            until: at(until),
            coalesced_since: Some(at(since)),
        })
    }

    #[test]
    fn the_first_alerts_of_a_tracker_go_out_at_once() {
        assert_eq!(decide(&[], 0, None), None);
        assert_eq!(decide(&[(0, false)], 1, None), None);
        assert_eq!(decide(&[(0, false), (1, false)], 2, None), None);
    }

    #[test]
    fn after_the_burst_reads_wait_a_window_after_the_last_alert() {
        let burst = [(0, false), (1, false), (2, false)];
        assert_eq!(decide(&burst, 3, None), coalesced_until(602, 2));
        assert_eq!(decide(&burst, 599, None), coalesced_until(602, 2));
        // The held alert is due a window after the last one: it goes.
        assert_eq!(decide(&burst, 602, None), None);
    }

    #[test]
    fn a_flooded_tracker_stays_coalesced_until_a_quiet_window() {
        // The summary went out at 602: the next reads wait for the next window...
        let after_summary = [(0, false), (1, false), (2, false), (602, true)];
        assert_eq!(
            decide(&after_summary, 603, None),
            coalesced_until(1202, 602)
        );
        // ...and once a whole window passed without an alert, reads alert at once again.
        assert_eq!(decide(&after_summary, 1203, None), None);
    }

    #[test]
    fn alerts_spread_over_more_than_a_window_are_never_held() {
        assert_eq!(
            decide(&[(0, false), (300, false), (700, false)], 800, None),
            None
        );
    }

    #[test]
    fn a_busy_chat_holds_until_a_minute_after_its_cap_was_reached() {
        let hold = decide(&[], 30, Some(10)).expect("held");
        assert_eq!(hold.until, at(70));
        assert_eq!(
            hold.coalesced_since, None,
            "a busy chat is not a flooded tracker"
        );
        assert_eq!(decide(&[], 70, Some(10)), None);
    }

    #[test]
    fn both_rules_hold_until_the_later() {
        let burst = [(0, false), (1, false), (2, false)];
        // The chat's minute ends before the tracker's window.
        assert_eq!(decide(&burst, 3, Some(0)), coalesced_until(602, 2));
        // A window after the tracker's last alert, the chat is still busy.
        let busy = decide(&burst, 602, Some(590)).expect("held");
        assert_eq!(busy.until, at(650));
    }
}
