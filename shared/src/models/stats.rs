//! The queries behind `/stats` and `/export`: daily counts for the account chart, the
//! caption's totals, and the rows of an export, streamed.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Bool, Date, Double, Integer, Nullable, Text, Timestamptz};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use futures_util::StreamExt;
use futures_util::stream::BoxStream;

use crate::domain::{OpenKind, Reason};
use crate::schema::{opens, trackers};

/// How many fetches of one kind the account's trackers had on one day of its timezone.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct DayCount {
    #[diesel(sql_type = Date)]
    pub day: NaiveDate,
    #[diesel(sql_type = Text)]
    pub kind: OpenKind,
    #[diesel(sql_type = BigInt)]
    pub count: i64,
}

/// Fetches per local day and kind since `since`, from the `open_counts` rollup (kept exact by
/// triggers on `opens`): one range of its key, at most 96 fifteen-minute slices a day per kind,
/// whatever the number of opens. A slice never straddles a local midnight, as every timezone's
/// offset is a multiple of 15 minutes.
pub async fn daily_counts(
    conn: &mut AsyncPgConnection,
    account_id: i64,
    timezone: &str,
    since: DateTime<Utc>,
) -> QueryResult<Vec<DayCount>> {
    diesel::sql_query(
        "SELECT (c.slice_start AT TIME ZONE $2)::date AS day, c.kind, sum(c.count)::int8 AS count
         FROM open_counts c
         WHERE c.account_id = $1 AND c.slice_start >= $3
         GROUP BY 1, 2",
    )
    .bind::<BigInt, _>(account_id)
    .bind::<Text, _>(timezone)
    .bind::<Timestamptz, _>(since)
    .load(conn)
    .await
}

/// The caption's numbers for the trackers created since a moment.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Totals {
    #[diesel(sql_type = BigInt)]
    pub created: i64,
    /// Of those, how many have had a confirmed read.
    #[diesel(sql_type = BigInt)]
    pub read: i64,
    /// The median time from creation to first read, in seconds.
    #[diesel(sql_type = Nullable<Double>)]
    pub median_secs_to_first_read: Option<f64>,
}

/// Trackers created since `since`, how many were read, and the median time to the first read.
/// The first read of each is read from the oldest end of its tracker's slice of
/// `opens_tracker_time`, which carries `is_read`.
pub async fn totals(
    conn: &mut AsyncPgConnection,
    account_id: i64,
    since: DateTime<Utc>,
) -> QueryResult<Totals> {
    diesel::sql_query(
        "SELECT count(*) AS created, count(f.first_read) AS read,
                percentile_cont(0.5) WITHIN GROUP
                    (ORDER BY greatest(0, extract(epoch FROM f.first_read - t.created_at))::float8)
                    AS median_secs_to_first_read
         FROM trackers t
         LEFT JOIN LATERAL (
             SELECT o.opened_at AS first_read FROM opens o
             WHERE o.tracker_id = t.id AND o.is_read
             ORDER BY o.opened_at ASC LIMIT 1
         ) f ON true
         WHERE t.account_id = $1 AND t.created_at >= $2",
    )
    .bind::<BigInt, _>(account_id)
    .bind::<Timestamptz, _>(since)
    .get_result(conn)
    .await
}

/// One recorded fetch as the export writes it.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct ExportedOpen {
    pub number: i32,
    pub label: String,
    pub opened_at: DateTime<Utc>,
    pub kind: OpenKind,
    pub is_read: bool,
    pub client: String,
    pub reason: Reason,
}

/// The account's fetches (only tracker `number`'s, if given), by tracker and time, as a
/// stream: an export of a million rows never sits in memory.
pub async fn export_opens<'c>(
    conn: &'c mut AsyncPgConnection,
    account_id: i64,
    number: Option<i32>,
) -> QueryResult<BoxStream<'c, QueryResult<ExportedOpen>>> {
    let mut query = opens::table
        .inner_join(trackers::table)
        .filter(trackers::account_id.eq(account_id))
        .select((
            trackers::number,
            trackers::label,
            opens::opened_at,
            opens::kind,
            opens::is_read,
            opens::client,
            opens::reason,
        ))
        .order((trackers::number, opens::opened_at, opens::id))
        .into_boxed();
    if let Some(n) = number {
        query = query.filter(trackers::number.eq(n));
    }
    Ok(query.load_stream::<ExportedOpen>(conn).await?.boxed())
}

/// A line of the trackers file.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct ExportedTracker {
    #[diesel(sql_type = Integer)]
    pub number: i32,
    #[diesel(sql_type = Text)]
    pub label: String,
    #[diesel(sql_type = Timestamptz)]
    pub created_at: DateTime<Utc>,
    #[diesel(sql_type = Bool)]
    pub muted: bool,
    #[diesel(sql_type = BigInt)]
    pub reads: i64,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub first_read_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub last_read_at: Option<DateTime<Utc>>,
}

/// The account's trackers (or only tracker `number`) with their read counts, by number.
pub async fn export_trackers(
    conn: &mut AsyncPgConnection,
    account_id: i64,
    number: Option<i32>,
) -> QueryResult<Vec<ExportedTracker>> {
    diesel::sql_query(
        "SELECT t.number, t.label, t.created_at, t.muted,
                (SELECT count(*) FROM opens o WHERE o.tracker_id = t.id AND o.is_read) AS reads,
                (SELECT min(o.opened_at) FROM opens o WHERE o.tracker_id = t.id AND o.is_read) AS first_read_at,
                (SELECT max(o.opened_at) FROM opens o WHERE o.tracker_id = t.id AND o.is_read) AS last_read_at
         FROM trackers t
         WHERE t.account_id = $1 AND ($2::int4 IS NULL OR t.number = $2)
         ORDER BY t.number",
    )
    .bind::<BigInt, _>(account_id)
    .bind::<Nullable<Integer>, _>(number)
    .load(conn)
    .await
}

/// Whether the account (or tracker `number`) has any recorded fetch at all.
pub async fn has_opens(
    conn: &mut AsyncPgConnection,
    account_id: i64,
    number: Option<i32>,
) -> QueryResult<bool> {
    let mut query = opens::table
        .inner_join(trackers::table)
        .filter(trackers::account_id.eq(account_id))
        .select(opens::id)
        .into_boxed();
    if let Some(n) = number {
        query = query.filter(trackers::number.eq(n));
    }
    diesel::select(diesel::dsl::exists(query))
        .get_result(conn)
        .await
}

/// The start of the `open_counts` slice an open falls in: the SQL function
/// `open_counts_slice` (15-minute bins from 2000-01-01 UTC), computed in Rust so that the
/// pixel writer can group its batches itself.
pub fn slice_start(at: DateTime<Utc>) -> DateTime<Utc> {
    const SLICE_SECS: i64 = 15 * 60;
    const ORIGIN: i64 = 946_684_800; // 2000-01-01T00:00:00Z
    let start = ORIGIN + (at.timestamp() - ORIGIN).div_euclid(SLICE_SECS) * SLICE_SECS;
    DateTime::from_timestamp(start, 0).unwrap_or(at)
}

/// Adds counts to the `open_counts` rollup, keyed by account, slice start and kind.
pub async fn add_counts(
    conn: &mut AsyncPgConnection,
    counts: &std::collections::HashMap<(i64, DateTime<Utc>, OpenKind), i64>,
) -> QueryResult<()> {
    if counts.is_empty() {
        return Ok(());
    }
    let accounts: Vec<i64> = counts.keys().map(|k| k.0).collect();
    let slices: Vec<DateTime<Utc>> = counts.keys().map(|k| k.1).collect();
    let kinds: Vec<OpenKind> = counts.keys().map(|k| k.2).collect();
    let n: Vec<i64> = counts.values().copied().collect();
    diesel::sql_query("SELECT open_counts_add($1, $2, $3, $4)")
        .bind::<Array<BigInt>, _>(accounts)
        .bind::<Array<Timestamptz>, _>(slices)
        .bind::<Array<Text>, _>(kinds)
        .bind::<Array<BigInt>, _>(n)
        .execute(conn)
        .await
        .map(drop)
}
