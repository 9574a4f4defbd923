//! The `trackers` table: creating, finding, muting and deleting trackers, the paged `/opens`
//! list, and the sender's networks learned from copy-page views. Queries only.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Integer, Nullable, Text, Timestamptz};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use ipnet::IpNet;

use crate::domain::{Label, Token};
use crate::models::account::Account;
use crate::models::reminder;
use crate::schema::{accounts, sender_networks, trackers};

/// One tracked email: a pixel token, the owner's label, and its per-chat number.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = trackers, check_for_backend(diesel::pg::Pg))]
pub struct Tracker {
    pub id: i64,
    pub account_id: i64,
    pub number: i32,
    pub token: Token,
    pub copy_token: Token,
    pub label: String,
    pub muted: bool,
    pub created_at: DateTime<Utc>,
    /// The recipient's opt-out link's token (`links::optout_url`).
    pub optout_token: Token,
    /// When the recipient withdrew with that link; nothing is recorded after.
    pub withdrawn_at: Option<DateTime<Utc>>,
}

/// Creates a tracker with the account's next number, with the account's default reminder if
/// it has one. Numbers are never reused.
pub async fn create(
    conn: &mut AsyncPgConnection,
    account: &Account,
    label: &Label,
) -> QueryResult<Tracker> {
    let label = label.as_str().to_owned();
    let reminder = account.default_reminder();
    let account_id = account.id;
    conn.transaction(async |conn| {
        let number: i32 = diesel::update(accounts::table.find(account_id))
            .set(accounts::trackers_created.eq(accounts::trackers_created + 1))
            .returning(accounts::trackers_created)
            .get_result(conn)
            .await?;
        let tracker = diesel::insert_into(trackers::table)
            .values((
                trackers::account_id.eq(account_id),
                trackers::number.eq(number),
                trackers::token.eq(Token::generate()),
                trackers::copy_token.eq(Token::generate()),
                trackers::optout_token.eq(Token::generate()),
                trackers::label.eq(label),
            ))
            .returning(Tracker::as_returning())
            .get_result(conn)
            .await?;
        if let Some(delay) = reminder {
            reminder::set(conn, tracker.id, delay).await?;
        }
        Ok(tracker)
    })
    .await
}

/// The account's tracker with this number. Another account's tracker is simply not found.
pub async fn find_by_number(
    conn: &mut AsyncPgConnection,
    account_id: i64,
    number: i32,
) -> QueryResult<Option<Tracker>> {
    trackers::table
        .filter(trackers::account_id.eq(account_id))
        .filter(trackers::number.eq(number))
        .select(Tracker::as_select())
        .first(conn)
        .await
        .optional()
}

pub async fn find_by_copy_token(
    conn: &mut AsyncPgConnection,
    copy_token: Token,
) -> QueryResult<Option<Tracker>> {
    trackers::table
        .filter(trackers::copy_token.eq(copy_token))
        .select(Tracker::as_select())
        .first(conn)
        .await
        .optional()
}

pub async fn set_muted(
    conn: &mut AsyncPgConnection,
    tracker_id: i64,
    muted: bool,
) -> QueryResult<()> {
    diesel::update(trackers::table.find(tracker_id))
        .set(trackers::muted.eq(muted))
        .execute(conn)
        .await
        .map(drop)
}

/// Deletes the tracker; its opens go with it (by the trigger `opens_delete_with_tracker`,
/// which waits for a batch of them being written) and its alerts by ON DELETE CASCADE. The
/// writer's lock on the tracker is taken first, before the row's: the writer takes them in
/// that order too, so the two cannot deadlock.
pub async fn delete(conn: &mut AsyncPgConnection, tracker_id: i64) -> QueryResult<()> {
    conn.transaction(async |conn| {
        crate::models::open::lock_trackers(conn, &[tracker_id]).await?;
        diesel::delete(trackers::table.find(tracker_id))
            .execute(conn)
            .await
            .map(drop)
    })
    .await
}

/// The tracker behind an opt-out link, if any.
pub async fn find_by_optout_token(
    conn: &mut AsyncPgConnection,
    optout_token: Token,
) -> QueryResult<Option<Tracker>> {
    trackers::table
        .filter(trackers::optout_token.eq(optout_token))
        .select(Tracker::as_select())
        .first(conn)
        .await
        .optional()
}

/// What pressing the opt-out button did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Withdrawal {
    /// The tracker records nothing more, its opens are deleted and its owner will be told.
    Withdrawn,
    /// It was withdrawn before: nothing changed.
    AlreadyWithdrawn,
    /// No tracker has this link.
    Unknown,
}

/// The recipient withdraws: in one transaction, under the tracker's writer lock (so a batch
/// being written commits before and its opens go too, or after and writes nothing), the
/// tracker is marked withdrawn, its opens, pending alerts and reminder are deleted, a
/// tombstone tells every pixel writer's next batch to leave it out (as for a deleted
/// tracker, `open::lock_live_trackers`), and one notice for its owner is queued in the outbox.
/// A second press finds it withdrawn and changes nothing.
pub async fn withdraw(
    conn: &mut AsyncPgConnection,
    optout_token: Token,
) -> QueryResult<Withdrawal> {
    use diesel::sql_types::BigInt as Id;
    conn.transaction(async |conn| {
        let Some(t) = find_by_optout_token(conn, optout_token).await? else {
            return Ok(Withdrawal::Unknown);
        };
        if t.withdrawn_at.is_some() {
            return Ok(Withdrawal::AlreadyWithdrawn);
        }
        crate::models::open::lock_trackers(conn, &[t.id]).await?;
        let marked = diesel::update(
            trackers::table
                .find(t.id)
                .filter(trackers::withdrawn_at.is_null()),
        )
        .set(trackers::withdrawn_at.eq(diesel::dsl::now))
        .execute(conn)
        .await?;
        if marked == 0 {
            return Ok(Withdrawal::AlreadyWithdrawn);
        }
        for statement in [
            "DELETE FROM opens WHERE tracker_id = $1",
            "DELETE FROM alerts WHERE tracker_id = $1",
            "DELETE FROM reminders WHERE tracker_id = $1",
            "INSERT INTO tracker_tombstones (tracker_id, deleted_at) VALUES ($1, clock_timestamp())
                 ON CONFLICT (tracker_id) DO UPDATE SET deleted_at = EXCLUDED.deleted_at",
            "INSERT INTO withdrawal_notices (tracker_id) VALUES ($1) ON CONFLICT DO NOTHING",
        ] {
            diesel::sql_query(statement)
                .bind::<Id, _>(t.id)
                .execute(conn)
                .await?;
        }
        crate::db::notify_alerts(conn).await?;
        Ok(Withdrawal::Withdrawn)
    })
    .await
}

pub async fn count_for_account(conn: &mut AsyncPgConnection, account_id: i64) -> QueryResult<i64> {
    trackers::table
        .filter(trackers::account_id.eq(account_id))
        .count()
        .get_result(conn)
        .await
}

/// A line of `/opens`: a tracker with its read count and last read.
#[derive(Debug, Clone, QueryableByName)]
pub struct TrackerSummary {
    #[diesel(sql_type = Integer)]
    pub number: i32,
    #[diesel(sql_type = Text)]
    pub label: String,
    #[diesel(sql_type = Bool)]
    pub muted: bool,
    #[diesel(sql_type = BigInt)]
    pub reads: i64,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub last_read_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Text>)]
    pub last_read_client: Option<String>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub reminder_due_at: Option<DateTime<Utc>>,
    /// The machines that fetched a tracker nobody has read yet (Apple's prefetch, scanners,
    /// previews, unrecognised agents), by client name; `None` once it is read or before any.
    #[diesel(sql_type = Nullable<Text>)]
    pub machines: Option<String>,
}

/// A page of the account's trackers, newest first. Each aggregate walks one tracker's slice of
/// the `opens_tracker_time` index, so the cost is bounded by the page, not the history.
pub async fn list_page(
    conn: &mut AsyncPgConnection,
    account_id: i64,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<TrackerSummary>> {
    diesel::sql_query(LIST_PAGE_SQL)
        .bind::<BigInt, _>(account_id)
        .bind::<BigInt, _>(offset)
        .bind::<BigInt, _>(limit)
        .load(conn)
        .await
}

/// The query of `list_page`: `$1` the account, `$2` the offset, `$3` the page's size. Each
/// tracker's reads are read from its slice of `opens_tracker_time` alone, as
/// `tests/tests/vocabulary.rs` checks from its plan; the machines that fetched it, at most its
/// latest 20 fetches, from the same slice.
pub const LIST_PAGE_SQL: &str = "SELECT t.number, t.label, t.muted,
            (SELECT count(*) FROM opens o WHERE o.tracker_id = t.id AND o.is_read) AS reads,
            last.opened_at AS last_read_at, last.client AS last_read_client,
            r.due_at AS reminder_due_at,
            CASE WHEN last.opened_at IS NULL THEN machines.names END AS machines
     FROM trackers t
     LEFT JOIN reminders r ON r.tracker_id = t.id
     LEFT JOIN LATERAL (
         SELECT o.opened_at, o.client FROM opens o
         WHERE o.tracker_id = t.id AND o.is_read
         ORDER BY o.opened_at DESC LIMIT 1
     ) last ON true
     LEFT JOIN LATERAL (
         SELECT string_agg(DISTINCT m.client, ', ' ORDER BY m.client) AS names FROM (
             SELECT o.client FROM opens o
             WHERE o.tracker_id = t.id AND NOT o.is_read AND o.kind NOT IN ('self', 'duplicate')
             ORDER BY o.opened_at DESC LIMIT 20) m
     ) machines ON true
     WHERE t.account_id = $1
     ORDER BY t.number DESC
     OFFSET $2 LIMIT $3";

/// Remembers that the owner viewed a copy page from this network and user agent.
pub async fn remember_sender_network(
    conn: &mut AsyncPgConnection,
    account_id: i64,
    network: IpNet,
    user_agent: &str,
) -> QueryResult<()> {
    diesel::insert_into(sender_networks::table)
        .values((
            sender_networks::account_id.eq(account_id),
            sender_networks::network.eq(network),
            sender_networks::user_agent.eq(user_agent),
        ))
        .on_conflict((
            sender_networks::account_id,
            sender_networks::network,
            sender_networks::user_agent,
        ))
        .do_update()
        .set(sender_networks::last_seen_at.eq(diesel::dsl::now))
        .execute(conn)
        .await
        .map(drop)
}
