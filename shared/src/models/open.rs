use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{
    Array, BigInt, Bool, Cidr, Int8, Nullable, Text, Timestamptz, Uuid as SqlUuid,
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use ipnet::IpNet;
use uuid::Uuid;

use crate::schema::opens;

/// The longest user agent kept; enough to recognise a client, not to fingerprint a person.
pub const USER_AGENT_MAX: usize = 200;

/// Cuts a user agent to `USER_AGENT_MAX` bytes on a character boundary.
pub fn truncate_user_agent(ua: &str) -> &str {
    if ua.len() <= USER_AGENT_MAX {
        return ua;
    }
    let mut end = USER_AGENT_MAX;
    while !ua.is_char_boundary(end) {
        end -= 1;
    }
    &ua[..end]
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = opens)]
pub struct NewOpen {
    pub tracker_id: i64,
    pub opened_at: DateTime<Utc>,
    pub kind: String,
    pub client: String,
    pub network: Option<IpNet>,
    pub user_agent: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = opens, check_for_backend(diesel::pg::Pg))]
pub struct Open {
    pub id: i64,
    pub tracker_id: i64,
    pub opened_at: DateTime<Utc>,
    pub kind: String,
    pub client: String,
}

/// Writes a batch of opens in one multi-row INSERT, returning their ids in order.
pub async fn insert_batch(
    conn: &mut AsyncPgConnection,
    batch: &[NewOpen],
) -> QueryResult<Vec<i64>> {
    if batch.is_empty() {
        return Ok(Vec::new());
    }
    diesel::insert_into(opens::table)
        .values(batch)
        .returning(opens::id)
        .get_results(conn)
        .await
}

/// A tracker's opens, newest first.
pub async fn timeline(
    conn: &mut AsyncPgConnection,
    tracker_id: i64,
    limit: i64,
) -> QueryResult<Vec<Open>> {
    opens::table
        .filter(opens::tracker_id.eq(tracker_id))
        .order((opens::opened_at.desc(), opens::id.desc()))
        .limit(limit)
        .select(Open::as_select())
        .load(conn)
        .await
}

pub async fn count_for_tracker(conn: &mut AsyncPgConnection, tracker_id: i64) -> QueryResult<i64> {
    opens::table
        .filter(opens::tracker_id.eq(tracker_id))
        .count()
        .get_result(conn)
        .await
}

/// What the recording path needs to know about a tracker to classify a fetch of its pixel.
#[derive(Debug, Clone, QueryableByName)]
pub struct PixelTracker {
    #[diesel(sql_type = SqlUuid)]
    pub token: Uuid,
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Timestamptz)]
    pub created_at: DateTime<Utc>,
    /// Muted, or the owner's chat refuses messages: record, but queue no alert.
    #[diesel(sql_type = Bool)]
    pub silent: bool,
    #[diesel(sql_type = Bool)]
    pub had_apple_prefetch: bool,
    #[diesel(sql_type = Array<Cidr>)]
    pub owner_networks: Vec<IpNet>,
}

/// Loads the trackers behind a batch of tokens in one query. Unknown tokens are absent.
pub async fn pixel_trackers(
    conn: &mut AsyncPgConnection,
    tokens: &[Uuid],
) -> QueryResult<Vec<PixelTracker>> {
    diesel::sql_query(
        "SELECT t.token, t.id, t.created_at,
                (t.muted OR a.alerts_blocked_at IS NOT NULL) AS silent,
                EXISTS (SELECT 1 FROM opens o WHERE o.tracker_id = t.id AND o.kind = 'apple_mpp') AS had_apple_prefetch,
                COALESCE((SELECT array_agg(DISTINCT s.network) FROM sender_networks s
                          WHERE s.account_id = t.account_id), '{}') AS owner_networks
         FROM trackers t JOIN accounts a ON a.id = t.account_id
         WHERE t.token = ANY($1)",
    )
    .bind::<Array<SqlUuid>, _>(tokens)
    .load(conn)
    .await
}

/// Takes a transaction-scoped advisory lock on each tracker. Callers pass the ids sorted, so
/// concurrent writers always lock in the same order and cannot deadlock.
pub async fn lock_trackers(conn: &mut AsyncPgConnection, sorted_ids: &[i64]) -> QueryResult<()> {
    diesel::sql_query("SELECT pg_advisory_xact_lock(id) FROM unnest($1::int8[]) AS id")
        .bind::<Array<Int8>, _>(sorted_ids)
        .execute(conn)
        .await
        .map(drop)
}

/// A client seen recently on a tracker, for dedup.
#[derive(Debug, Clone, QueryableByName)]
pub struct RecentClient {
    #[diesel(sql_type = BigInt)]
    pub tracker_id: i64,
    #[diesel(sql_type = Nullable<Cidr>)]
    pub network: Option<IpNet>,
    #[diesel(sql_type = Nullable<Text>)]
    pub user_agent: Option<String>,
    #[diesel(sql_type = Timestamptz)]
    pub opened_at: DateTime<Utc>,
}

/// Opens of these trackers since `since`, excluding kinds that are never deduplicated.
pub async fn recent_clients(
    conn: &mut AsyncPgConnection,
    tracker_ids: &[i64],
    since: DateTime<Utc>,
) -> QueryResult<Vec<RecentClient>> {
    diesel::sql_query(
        "SELECT tracker_id, network, user_agent, opened_at FROM opens
         WHERE tracker_id = ANY($1) AND opened_at >= $2
           AND kind IN ('direct', 'gmail_proxy', 'yahoo_proxy', 'apple_mpp', 'duplicate')",
    )
    .bind::<Array<Int8>, _>(tracker_ids)
    .bind::<Timestamptz, _>(since)
    .load(conn)
    .await
}
