use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{
    Array, BigInt, Bool, Cidr, Int8, Nullable, Text, Timestamptz, Uuid as SqlUuid,
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use ipnet::IpNet;

use crate::domain::{OpenKind, Reason, Token};

use crate::schema::{opens, tracker_tombstones, trackers, verdict_reports};

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

/// An open to write (see `insert_batch`).
#[derive(Debug, Clone)]
pub struct NewOpen {
    pub tracker_id: i64,
    pub opened_at: DateTime<Utc>,
    pub kind: OpenKind,
    pub reason: Reason,
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
    pub kind: OpenKind,
    pub client: String,
    pub reason: Reason,
}

/// A row of ids, as raw SQL returns them.
#[derive(QueryableByName)]
struct IdRow {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// Writes a batch of opens in one INSERT over arrays (one cached statement whatever the batch
/// size), returning their ids in order.
pub async fn insert_batch(
    conn: &mut AsyncPgConnection,
    batch: &[NewOpen],
) -> QueryResult<Vec<i64>> {
    if batch.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<IdRow> = diesel::sql_query(
        "INSERT INTO opens (tracker_id, opened_at, kind, client, network, user_agent, reason)
         SELECT * FROM unnest($1::int8[], $2::timestamptz[], $3::text[], $4::text[], $5::cidr[], $6::text[], $7::text[])
         RETURNING id",
    )
    .bind::<Array<Int8>, _>(batch.iter().map(|o| o.tracker_id).collect::<Vec<_>>())
    .bind::<Array<Timestamptz>, _>(batch.iter().map(|o| o.opened_at).collect::<Vec<_>>())
    .bind::<Array<Text>, _>(batch.iter().map(|o| o.kind).collect::<Vec<_>>())
    .bind::<Array<Text>, _>(batch.iter().map(|o| o.client.as_str()).collect::<Vec<_>>())
    .bind::<Array<Nullable<Cidr>>, _>(batch.iter().map(|o| o.network).collect::<Vec<_>>())
    .bind::<Array<Nullable<Text>>, _>(batch.iter().map(|o| o.user_agent.as_deref()).collect::<Vec<_>>())
    .bind::<Array<Text>, _>(batch.iter().map(|o| o.reason).collect::<Vec<_>>())
    .load(conn)
    .await?;
    Ok(ids.into_iter().map(|r| r.id).collect())
}

/// Writes a batch as `insert_batch` does, and does itself what the triggers on `opens` would
/// do for it, with what the writer already knows:
/// - it adds the batch to the `/stats` rollup, grouped in memory by account, slice and kind.
///   The trigger must look up each tracker's account, which cost 4.3 us per recorded open under
///   bench/run. `account_of` gives a tracker's account.
/// - it notes each tracker's first Apple prefetch (`note_apple_prefetches`). `prefetched_at`
///   gives, for each tracker with an Apple open in the batch, when its first prefetch came
///   before the batch, as read under the trackers' locks (`apple_prefetched`).
///
/// The triggers still count and note every other insert. They skip the ones of this
/// transaction that say they are done (migrations `open_counts_by_writer` and
/// `apple_prefetch_by_writer`).
///
/// It writes the batch in INSERT statements of at most `chunk` opens each (see
/// `recorder::insert_chunk` in the pixel server for why).
pub async fn insert_batch_counted(
    conn: &mut AsyncPgConnection,
    batch: &[NewOpen],
    chunk: usize,
    account_of: impl Fn(i64) -> i64,
    prefetched_at: impl Fn(i64) -> Option<DateTime<Utc>>,
) -> QueryResult<Vec<i64>> {
    let say = |done: &'static str| {
        diesel::sql_query(
            "SELECT set_config('mailping.opens_counted', $1, true),
                    set_config('mailping.apple_noted', $1, true)",
        )
        .bind::<Text, _>(done)
    };
    say("on").execute(conn).await?;
    let mut ids = Vec::with_capacity(batch.len());
    for part in batch.chunks(chunk.max(1)) {
        ids.extend(insert_batch(conn, part).await?);
    }
    say("off").execute(conn).await?;
    let mut counts = std::collections::HashMap::new();
    for o in batch {
        let key = (
            account_of(o.tracker_id),
            crate::models::stats::slice_start(o.opened_at),
            o.kind,
        );
        *counts.entry(key).or_insert(0) += 1;
    }
    crate::models::stats::add_counts(conn, &counts).await?;
    note_apple_prefetches(conn, batch, prefetched_at).await?;
    Ok(ids)
}

/// Keeps on each tracker the time of its earliest Apple prefetch, as the trigger
/// `trackers_note_apple_prefetch` does for other inserts, but asks Postgres only about the
/// trackers whose earliest prefetch is in `batch`: usually none, as a tracker is prefetched
/// once, when the message is delivered. A spill file replayed after newer opens can move the
/// time back.
async fn note_apple_prefetches(
    conn: &mut AsyncPgConnection,
    batch: &[NewOpen],
    prefetched_at: impl Fn(i64) -> Option<DateTime<Utc>>,
) -> QueryResult<()> {
    // Sorted by tracker, as every writer takes trackers.
    let mut first = std::collections::BTreeMap::new();
    for o in batch.iter().filter(|o| o.kind == OpenKind::AppleMpp) {
        let at = first.entry(o.tracker_id).or_insert(o.opened_at);
        *at = (*at).min(o.opened_at);
    }
    first.retain(|id, at| prefetched_at(*id).is_none_or(|held| held > *at));
    if first.is_empty() {
        return Ok(());
    }
    diesel::sql_query(
        "UPDATE trackers t SET apple_prefetch_at = a.at
         FROM unnest($1::int8[], $2::timestamptz[]) AS a(id, at)
         WHERE t.id = a.id AND (t.apple_prefetch_at IS NULL OR t.apple_prefetch_at > a.at)",
    )
    .bind::<Array<Int8>, _>(first.keys().copied().collect::<Vec<_>>())
    .bind::<Array<Timestamptz>, _>(first.into_values().collect::<Vec<_>>())
    .execute(conn)
    .await
    .map(drop)
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

/// The opens of a tracker whose verdict its owner reported as wrong.
pub async fn reported(conn: &mut AsyncPgConnection, tracker_id: i64) -> QueryResult<Vec<i64>> {
    verdict_reports::table
        .inner_join(opens::table)
        .filter(opens::tracker_id.eq(tracker_id))
        .select(verdict_reports::open_id)
        .load(conn)
        .await
}

/// Records that the owner disagrees with the verdict on this open of this tracker; `false`
/// when the open is not the tracker's. Reporting twice keeps the first report.
pub async fn report_verdict(
    conn: &mut AsyncPgConnection,
    tracker_id: i64,
    open_id: i64,
) -> QueryResult<bool> {
    let found = diesel::sql_query(
        "INSERT INTO verdict_reports (open_id)
         SELECT id FROM opens WHERE id = $1 AND tracker_id = $2
         ON CONFLICT (open_id) DO NOTHING",
    )
    .bind::<BigInt, _>(open_id)
    .bind::<BigInt, _>(tracker_id)
    .execute(conn)
    .await?;
    if found == 1 {
        return Ok(true);
    }
    // Already reported, or not this tracker's open.
    diesel::select(diesel::dsl::exists(
        opens::table
            .filter(opens::id.eq(open_id))
            .filter(opens::tracker_id.eq(tracker_id)),
    ))
    .get_result(conn)
    .await
}

pub async fn count_for_tracker(conn: &mut AsyncPgConnection, tracker_id: i64) -> QueryResult<i64> {
    opens::table
        .filter(opens::tracker_id.eq(tracker_id))
        .count()
        .get_result(conn)
        .await
}

/// Whether the tracker has had a confirmed read.
pub async fn has_read(conn: &mut AsyncPgConnection, tracker_id: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        opens::table
            .filter(opens::tracker_id.eq(tracker_id))
            .filter(opens::is_read),
    ))
    .get_result(conn)
    .await
}

/// What the recording path needs to know about a tracker to classify a fetch of its pixel.
#[derive(Debug, Clone, QueryableByName)]
pub struct PixelTracker {
    #[diesel(sql_type = SqlUuid)]
    pub token: Token,
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = BigInt)]
    pub account_id: i64,
    #[diesel(sql_type = Timestamptz)]
    pub created_at: DateTime<Utc>,
    /// Muted, or the owner's chat refuses messages: record, but queue no alert.
    #[diesel(sql_type = Bool)]
    pub silent: bool,
    #[diesel(sql_type = Array<Cidr>)]
    pub owner_networks: Vec<IpNet>,
}

/// Loads the trackers behind a batch of tokens in one query. Unknown tokens are absent.
pub async fn pixel_trackers(
    conn: &mut AsyncPgConnection,
    tokens: &[Token],
) -> QueryResult<Vec<PixelTracker>> {
    diesel::sql_query(
        "SELECT t.token, t.id, t.account_id, t.created_at,
                (t.muted OR a.alerts_blocked_at IS NOT NULL) AS silent,
                COALESCE((SELECT array_agg(DISTINCT s.network) FROM sender_networks s
                          WHERE s.account_id = t.account_id), '{}') AS owner_networks
         FROM trackers t JOIN accounts a ON a.id = t.account_id
         WHERE t.token = ANY($1)",
    )
    .bind::<Array<SqlUuid>, _>(tokens)
    .load(conn)
    .await
}

/// Takes a transaction-scoped advisory lock on each tracker: the pixel writer's lock (see
/// `lock_live_trackers`). Callers pass the ids sorted, so that two callers always lock in the
/// same order and cannot deadlock.
pub async fn lock_trackers(conn: &mut AsyncPgConnection, sorted_ids: &[i64]) -> QueryResult<()> {
    diesel::sql_query("SELECT pg_advisory_xact_lock(id) FROM unnest($1::int8[]) AS id")
        .bind::<Array<Int8>, _>(sorted_ids)
        .execute(conn)
        .await
        .map(drop)
}

/// Locks the trackers (`lock_trackers`) and returns those deleted meanwhile. Deleting a
/// tracker takes the same lock before it deletes the tracker's opens (migration
/// `opens_without_row_fk`): a tracker not returned here stays until the transaction ends, and
/// opens may be written for it; none may for one returned.
///
/// A deletion leaves a tombstone (migration `tracker_tombstones`), and the tombstones of the
/// last hour are read rather than `trackers` probed for each tracker of the batch: they are a
/// few rows, where the probes cost 2.2-2.7 us of Postgres's time per recorded open under
/// bench/run. An hour is far longer than a batch's trackers were looked up before it (the
/// writer trusts its memory of a tracker for `tracker_cache::TTL`, 10 s).
pub async fn lock_live_trackers(
    conn: &mut AsyncPgConnection,
    sorted_ids: &[i64],
) -> QueryResult<Vec<i64>> {
    use diesel::dsl::{IntervalDsl, now};
    lock_trackers(conn, sorted_ids).await?;
    // A statement of its own, so that its snapshot is taken once the locks are held.
    let tombstones: Vec<i64> = tracker_tombstones::table
        .filter(tracker_tombstones::deleted_at.gt(now.into_sql::<Timestamptz>() - 1.hour()))
        .select(tracker_tombstones::tracker_id)
        .load(conn)
        .await?;
    let mut deleted: Vec<i64> = tombstones
        .into_iter()
        .filter(|id| sorted_ids.binary_search(id).is_ok())
        .collect();
    deleted.sort_unstable();
    Ok(deleted)
}

/// Of these trackers, those that have had an Apple Mail Privacy Protection prefetch, with when
/// the first came. Writers record prefetches under the trackers' locks (`lock_live_trackers`),
/// so under them the answer holds until the transaction ends.
pub async fn apple_prefetched(
    conn: &mut AsyncPgConnection,
    tracker_ids: &[i64],
) -> QueryResult<Vec<(i64, DateTime<Utc>)>> {
    if tracker_ids.is_empty() {
        return Ok(Vec::new());
    }
    trackers::table
        .filter(trackers::id.eq_any(tracker_ids))
        .filter(trackers::apple_prefetch_at.is_not_null())
        .select((trackers::id, trackers::apple_prefetch_at.assume_not_null()))
        .load(conn)
        .await
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

/// The clients of a batch, as (tracker, network, user agent), each once.
pub type ClientKeys = (Vec<i64>, Vec<Option<IpNet>>, Vec<Option<String>>);

/// When each of these exact clients was last recorded since `since`, among the kinds that are
/// deduplicated (`OpenKind::deduplicated`). One probe of `opens_tracker_time` per client,
/// which compares networks in the index and fetches only the client's own rows.
pub async fn recent_clients(
    conn: &mut AsyncPgConnection,
    keys: &ClientKeys,
    since: DateTime<Utc>,
) -> QueryResult<Vec<RecentClient>> {
    if keys.0.is_empty() {
        return Ok(Vec::new());
    }
    diesel::sql_query(RECENT_CLIENTS_SQL)
        .bind::<Array<Int8>, _>(&keys.0)
        .bind::<Array<Nullable<Cidr>>, _>(&keys.1)
        .bind::<Array<Nullable<Text>>, _>(&keys.2)
        .bind::<Timestamptz, _>(since)
        .bind::<Array<Text>, _>(
            OpenKind::ALL
                .iter()
                .filter(|k| k.deduplicated())
                .collect::<Vec<_>>(),
        )
        .load(conn)
        .await
}

/// The probe of `recent_clients`; public for the test that checks its plan.
///
/// LATERAL, so that each client is one index probe: as a join, the planner read every open of
/// the window and hashed them (70 % of the writer's database time once). With the network
/// compared after the heap fetch instead of in the index, each probe fetched every open of its
/// tracker's window (a third of the database time under bench/run). Every key has a network,
/// so `=` on it loses nothing and makes it an index condition.
pub const RECENT_CLIENTS_SQL: &str = "SELECT k.tracker_id, k.network, k.user_agent, r.opened_at
     FROM unnest($1::int8[], $2::cidr[], $3::text[]) AS k(tracker_id, network, user_agent)
     CROSS JOIN LATERAL (
         SELECT max(o.opened_at) AS opened_at FROM opens o
         WHERE o.tracker_id = k.tracker_id
           AND o.opened_at >= $4
           AND o.network = k.network
           AND o.user_agent IS NOT DISTINCT FROM k.user_agent
           AND o.kind = ANY($5)
     ) r
     WHERE r.opened_at IS NOT NULL";
