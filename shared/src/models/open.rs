//! The `opens` table: the writer's batch insert, a tracker's timeline and read counts, and the
//! "Wrong?" reports with what they teach. The classifier decides kinds before anything here.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{
    Array, BigInt, Bool, Cidr, Int8, Nullable, Text, Timestamptz, Uuid as SqlUuid,
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use ipnet::IpNet;

use crate::domain::{OpenKind, PrivacyMode, Reason, Said, Token};

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
    /// Up to 200 bytes of the agent, shown for a fetch no rule could name.
    pub user_agent: Option<String>,
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
/// `insert_chunk` in the pixel server's `recorder/writer.rs` for why).
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

/// What a "Wrong?" report taught MailPing (see `report_verdict`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Learned {
    /// The open's network is the owner's: their later fetches from it are their own views.
    OwnNetwork,
    /// The open's agent from its network is a machine, for the owner's later trackers.
    Machine,
    /// Nothing: the fetch came through an address many people share (a webmail image proxy,
    /// Apple's relay, a listed operator's network), or without a network or agent to learn.
    Shared,
}

/// Records that the owner disagrees with the verdict on this open of this tracker, and what
/// they said it was, and learns from it where the network can tell; `None` when the open is
/// not the tracker's. Reporting again replaces what was said.
///
/// A network is learned only from a fetch that came from the reader's own address: never
/// from a webmail image proxy (Gmail's, Yahoo's), Apple's prefetch or relay, or a network the
/// classifier already names (a gateway's, a cloud's), since those are shared by everybody.
pub async fn report_verdict(
    conn: &mut AsyncPgConnection,
    account_id: i64,
    tracker_id: i64,
    open_id: i64,
    said: Said,
) -> QueryResult<Option<Learned>> {
    use crate::schema::{reported_machines, sender_networks};
    use diesel_async::AsyncConnection;
    conn.transaction(async |conn| {
        let found: Option<(OpenKind, Reason, Option<IpNet>, Option<String>)> = opens::table
            .filter(opens::id.eq(open_id))
            .filter(opens::tracker_id.eq(tracker_id))
            .select((
                opens::kind,
                opens::reason,
                opens::network,
                opens::user_agent,
            ))
            .first(conn)
            .await
            .optional()?;
        let Some((kind, reason, network, user_agent)) = found else {
            return Ok(None);
        };
        diesel::insert_into(verdict_reports::table)
            .values((
                verdict_reports::open_id.eq(open_id),
                verdict_reports::said.eq(said.as_str()),
            ))
            .on_conflict(verdict_reports::open_id)
            .do_update()
            .set(verdict_reports::said.eq(said.as_str()))
            .execute(conn)
            .await?;
        let shared = matches!(
            kind,
            OpenKind::GmailProxy | OpenKind::YahooProxy | OpenKind::AppleMpp
        ) || reason.is_network();
        let learned = match (said, network, user_agent) {
            (_, None, _) => Learned::Shared,
            _ if shared => Learned::Shared,
            (Said::OwnView, Some(network), _) => {
                diesel::insert_into(sender_networks::table)
                    .values((
                        sender_networks::account_id.eq(account_id),
                        sender_networks::network.eq(network),
                        sender_networks::user_agent.eq(""),
                        sender_networks::reported.eq(true),
                    ))
                    .on_conflict((
                        sender_networks::account_id,
                        sender_networks::network,
                        sender_networks::user_agent,
                    ))
                    .do_update()
                    .set((
                        sender_networks::reported.eq(true),
                        sender_networks::last_seen_at.eq(diesel::dsl::now),
                    ))
                    .execute(conn)
                    .await?;
                Learned::OwnNetwork
            }
            (Said::Machine, Some(network), Some(agent)) if !agent.is_empty() => {
                diesel::insert_into(reported_machines::table)
                    .values((
                        reported_machines::account_id.eq(account_id),
                        reported_machines::network.eq(network),
                        reported_machines::user_agent.eq(agent),
                    ))
                    .on_conflict_do_nothing()
                    .execute(conn)
                    .await?;
                Learned::Machine
            }
            (Said::Machine, _, _) => Learned::Shared,
        };
        Ok(Some(learned))
    })
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
    /// Networks the owner viewed a copy page from.
    #[diesel(sql_type = Array<Cidr>)]
    pub owner_networks: Vec<IpNet>,
    /// Networks the owner said were theirs with "Wrong?".
    #[diesel(sql_type = Array<Cidr>)]
    pub reported_networks: Vec<IpNet>,
    /// Agent and network pairs the owner called machines with "Wrong?": the agents, each
    /// with the network of the same position in `machine_networks`.
    #[diesel(sql_type = Array<Text>)]
    pub machine_agents: Vec<String>,
    #[diesel(sql_type = Array<Cidr>)]
    pub machine_networks: Vec<IpNet>,
    /// The owner's chat's choice (`accounts.privacy`); `None` follows `PRIVACY_DEFAULT`.
    #[diesel(sql_type = Nullable<Text>)]
    pub privacy: Option<PrivacyMode>,
}

impl PixelTracker {
    /// Whether this tracker's opens keep only tracker, time, kind and reason.
    pub fn strict(&self, default: PrivacyMode) -> bool {
        self.privacy.unwrap_or(default) == PrivacyMode::Strict
    }

    /// Whether the owner called this agent from this network a machine.
    pub fn reported_machine(&self, network: IpNet, user_agent: Option<&str>) -> bool {
        let Some(agent) = user_agent else {
            return false;
        };
        self.machine_networks
            .iter()
            .zip(&self.machine_agents)
            .any(|(n, a)| *n == network && a == agent)
    }
}

/// Loads the trackers behind a batch of tokens in one query. Unknown tokens, and those of
/// trackers their recipient withdrew, are absent.
pub async fn pixel_trackers(
    conn: &mut AsyncPgConnection,
    tokens: &[Token],
) -> QueryResult<Vec<PixelTracker>> {
    diesel::sql_query(
        "SELECT t.token, t.id, t.account_id, t.created_at,
                (t.muted OR a.alerts_blocked_at IS NOT NULL) AS silent,
                COALESCE((SELECT array_agg(DISTINCT s.network) FROM sender_networks s
                          WHERE s.account_id = t.account_id AND NOT s.reported), '{}')
                    AS owner_networks,
                COALESCE((SELECT array_agg(DISTINCT s.network) FROM sender_networks s
                          WHERE s.account_id = t.account_id AND s.reported), '{}')
                    AS reported_networks,
                COALESCE(m.agents, '{}') AS machine_agents,
                COALESCE(m.networks, '{}') AS machine_networks,
                a.privacy
         FROM trackers t JOIN accounts a ON a.id = t.account_id
         LEFT JOIN LATERAL (
             SELECT array_agg(r.user_agent ORDER BY r.network, r.user_agent) AS agents,
                    array_agg(r.network ORDER BY r.network, r.user_agent) AS networks
             FROM reported_machines r WHERE r.account_id = t.account_id
         ) m ON true
         WHERE t.token = ANY($1) AND t.withdrawn_at IS NULL",
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
