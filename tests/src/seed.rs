//! Rows tests start from, written through the same model functions the services use, and the
//! queries tests check rows with. Every test that touches a model struct or a typed column does
//! it through here, so a change to the models is fixed in one place.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use mailping_shared::domain::Label;
use mailping_shared::models::account::{self, Platform};
use mailping_shared::models::open::{self, NewOpen};
use mailping_shared::models::tracker::{self, Tracker};
use mailping_shared::schema::{accounts, alerts, opens, trackers};

/// A tracker as tests use it: its id, and its two secrets as they appear in URLs.
#[derive(Debug, Clone)]
pub struct SeededTracker {
    pub id: i64,
    pub token: String,
    pub copy_token: String,
}

impl From<&Tracker> for SeededTracker {
    fn from(t: &Tracker) -> Self {
        SeededTracker {
            id: t.id,
            token: t.token.to_string(),
            copy_token: t.copy_token.to_string(),
        }
    }
}

/// Creates a Telegram account (if new) and a tracker for it.
pub async fn tracker(conn: &mut AsyncPgConnection, chat_id: i64, label: &str) -> SeededTracker {
    let account = account::upsert(conn, Platform::Telegram, &chat_id.to_string())
        .await
        .expect("account");
    let t = tracker::create(conn, &account, &Label::parse(label).expect("label"))
        .await
        .expect("tracker");
    SeededTracker::from(&t)
}

/// Mutes or unmutes a tracker.
pub async fn set_muted(conn: &mut AsyncPgConnection, tracker: &SeededTracker, muted: bool) {
    tracker::set_muted(conn, tracker.id, muted)
        .await
        .expect("mute");
}

/// Every tracker, oldest first.
pub async fn all_trackers(conn: &mut AsyncPgConnection) -> Vec<SeededTracker> {
    trackers::table
        .order(trackers::id.asc())
        .select(Tracker::as_select())
        .load::<Tracker>(conn)
        .await
        .expect("trackers")
        .iter()
        .map(SeededTracker::from)
        .collect()
}

/// (number, muted) of every tracker.
pub async fn numbers_and_muted(conn: &mut AsyncPgConnection) -> Vec<(i32, bool)> {
    trackers::table
        .order(trackers::id.asc())
        .select((trackers::number, trackers::muted))
        .load(conn)
        .await
        .expect("trackers")
}

/// Every tracker's label, oldest first, as stored.
pub async fn labels(conn: &mut AsyncPgConnection) -> Vec<String> {
    trackers::table
        .order(trackers::id.asc())
        .select(trackers::label)
        .load(conn)
        .await
        .expect("labels")
}

/// Writes `direct` opens of a tracker, one per age in days.
pub async fn opens_aged(conn: &mut AsyncPgConnection, tracker_id: i64, days_ago: &[i64]) {
    let opens: Vec<NewOpen> = days_ago
        .iter()
        .map(|days| NewOpen {
            tracker_id,
            opened_at: Utc::now() - chrono::Duration::days(*days),
            kind: mailping_shared::domain::OpenKind::Direct,
            client: "Thunderbird".into(),
            network: None,
            user_agent: None,
            reason: mailping_shared::domain::Reason::Agent,
        })
        .collect();
    open::insert_batch(conn, &opens).await.expect("opens");
}

/// The kinds recorded for a tracker, oldest first.
pub async fn kinds(conn: &mut AsyncPgConnection, tracker_id: i64) -> Vec<String> {
    opens::table
        .filter(opens::tracker_id.eq(tracker_id))
        .order((opens::opened_at.asc(), opens::id.asc()))
        .select(opens::kind)
        .load(conn)
        .await
        .expect("opens")
}

/// The reasons recorded for a tracker, oldest first.
pub async fn reasons(conn: &mut AsyncPgConnection, tracker_id: i64) -> Vec<String> {
    opens::table
        .filter(opens::tracker_id.eq(tracker_id))
        .order((opens::opened_at.asc(), opens::id.asc()))
        .select(opens::reason)
        .load(conn)
        .await
        .expect("opens")
}

/// The kinds of every open, in the order they were written.
pub async fn all_kinds(conn: &mut AsyncPgConnection) -> Vec<String> {
    opens::table
        .order(opens::id.asc())
        .select(opens::kind)
        .load(conn)
        .await
        .expect("opens")
}

/// The network of every open.
pub async fn networks(conn: &mut AsyncPgConnection) -> Vec<Option<ipnet::IpNet>> {
    opens::table
        .select(opens::network)
        .load(conn)
        .await
        .expect("opens")
}

/// How many opens are stored.
pub async fn open_count(conn: &mut AsyncPgConnection) -> i64 {
    opens::table.count().get_result(conn).await.expect("count")
}

/// How many trackers exist.
pub async fn tracker_count(conn: &mut AsyncPgConnection) -> i64 {
    trackers::table
        .count()
        .get_result(conn)
        .await
        .expect("count")
}

/// How many alerts exist, finished or not.
pub async fn alert_count(conn: &mut AsyncPgConnection) -> i64 {
    alerts::table.count().get_result(conn).await.expect("count")
}

/// Alerts the outbox had to try again: claimed more than once, or with an error kept.
pub async fn retried_alert_count(conn: &mut AsyncPgConnection) -> i64 {
    alerts::table
        .filter(alerts::attempts.gt(1).or(alerts::last_error.is_not_null()))
        .count()
        .get_result(conn)
        .await
        .expect("count")
}

/// Alerts not yet delivered or given up on.
pub async fn pending_alert_count(conn: &mut AsyncPgConnection) -> i64 {
    alerts::table
        .filter(alerts::finished_at.is_null())
        .count()
        .get_result(conn)
        .await
        .expect("count")
}

/// How many stored opens count as reads.
pub async fn read_count(conn: &mut AsyncPgConnection) -> i64 {
    opens::table
        .filter(opens::is_read)
        .count()
        .get_result(conn)
        .await
        .expect("count")
}

/// Reads waiting in pending alerts, not yet told to anyone (Apple prefetches excluded).
pub async fn pending_alert_reads(conn: &mut AsyncPgConnection) -> i64 {
    let counts: Vec<i32> = alerts::table
        .filter(alerts::finished_at.is_null())
        .filter(alerts::apple_prefetch.eq(false))
        .select(alerts::open_count)
        .load(conn)
        .await
        .expect("alerts");
    counts.into_iter().map(i64::from).sum()
}

/// The `open_count` of every alert.
pub async fn alert_open_counts(conn: &mut AsyncPgConnection) -> Vec<i32> {
    alerts::table
        .select(alerts::open_count)
        .load(conn)
        .await
        .expect("alerts")
}

/// (apple_prefetch, open_count, finished) of every alert of a tracker.
pub async fn alerts_of(conn: &mut AsyncPgConnection, tracker_id: i64) -> Vec<(bool, i32, bool)> {
    alerts::table
        .filter(alerts::tracker_id.eq(tracker_id))
        .order(alerts::id.asc())
        .select((
            alerts::apple_prefetch,
            alerts::open_count,
            alerts::finished_at.is_not_null(),
        ))
        .load(conn)
        .await
        .expect("alerts")
}

/// Whether the (only) account is marked as refusing alerts.
pub async fn alerts_blocked(conn: &mut AsyncPgConnection) -> bool {
    let blocked: Option<DateTime<Utc>> = accounts::table
        .select(accounts::alerts_blocked_at)
        .first(conn)
        .await
        .expect("account");
    blocked.is_some()
}

/// Moves the database clock (`mailping_now()`) that reminders run on by `by`, for every
/// replica at once; tests move time instead of sleeping.
pub async fn advance_clock(conn: &mut AsyncPgConnection, by: chrono::Duration) {
    diesel::sql_query(
        "INSERT INTO clock_skew (skew) VALUES ($1)
         ON CONFLICT (only_row) DO UPDATE SET skew = clock_skew.skew + EXCLUDED.skew",
    )
    .bind::<diesel::sql_types::Interval, _>(by)
    .execute(conn)
    .await
    .expect("moving the clock");
}

/// Sets the database clock so that `mailping_now()` reads `at` (give or take the moments the
/// test takes afterwards).
pub async fn set_clock(conn: &mut AsyncPgConnection, at: DateTime<Utc>) {
    diesel::sql_query(
        "INSERT INTO clock_skew (skew) VALUES ($1 - now())
         ON CONFLICT (only_row) DO UPDATE SET skew = EXCLUDED.skew",
    )
    .bind::<diesel::sql_types::Timestamptz, _>(at)
    .execute(conn)
    .await
    .expect("setting the clock");
}

/// (tracker id, due at, next attempt at) of every pending reminder.
pub async fn reminders(conn: &mut AsyncPgConnection) -> Vec<(i64, DateTime<Utc>, DateTime<Utc>)> {
    use mailping_shared::schema::reminders;
    reminders::table
        .order(reminders::id.asc())
        .select((
            reminders::tracker_id,
            reminders::due_at,
            reminders::next_attempt_at,
        ))
        .load(conn)
        .await
        .expect("reminders")
}

/// Every row of every table in the public schema, as JSON, table by table; for checking that
/// something left no trace. Tables are listed from the catalogue, so new ones are covered.
/// `tracker_tombstones` is left out: the id of a deleted tracker and when, kept an hour for
/// the pixel writer, naming nothing of its owner; `tombstones` lists them.
pub async fn everything(conn: &mut AsyncPgConnection) -> Vec<(String, Vec<String>)> {
    #[derive(QueryableByName)]
    struct Name {
        #[diesel(sql_type = diesel::sql_types::Text)]
        table_name: String,
    }
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        json: String,
    }
    let tables: Vec<Name> = diesel::sql_query(
        "SELECT table_name::text AS table_name FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
           AND table_name NOT IN ('__diesel_schema_migrations', 'clock_skew', 'tracker_tombstones')
         ORDER BY table_name",
    )
    .load(conn)
    .await
    .expect("tables");
    let mut out = Vec::new();
    for Name { table_name } in tables {
        let rows: Vec<Row> = diesel::sql_query(format!(
            "SELECT row_to_json(t)::text AS json FROM \"{table_name}\" t ORDER BY 1"
        ))
        .load(conn)
        .await
        .expect("rows");
        out.push((table_name, rows.into_iter().map(|r| r.json).collect()));
    }
    out
}

/// The ids of deleted trackers whose tombstones are still kept, in order.
pub async fn tombstones(conn: &mut AsyncPgConnection) -> Vec<i64> {
    use mailping_shared::schema::tracker_tombstones;
    tracker_tombstones::table
        .order(tracker_tombstones::tracker_id.asc())
        .select(tracker_tombstones::tracker_id)
        .load(conn)
        .await
        .expect("tombstones")
}

/// A tracker's opt-out token as it appears in its link, and whether it was withdrawn.
pub async fn optout(conn: &mut AsyncPgConnection, tracker_id: i64) -> (String, bool) {
    let (token, withdrawn): (mailping_shared::domain::Token, Option<DateTime<Utc>>) =
        trackers::table
            .find(tracker_id)
            .select((trackers::optout_token, trackers::withdrawn_at))
            .first(conn)
            .await
            .expect("tracker");
    (token.to_string(), withdrawn.is_some())
}

/// How many withdrawal notices wait in the outbox.
pub async fn withdrawal_notices(conn: &mut AsyncPgConnection) -> i64 {
    use mailping_shared::schema::withdrawal_notices;
    withdrawal_notices::table
        .count()
        .get_result(conn)
        .await
        .expect("count")
}

/// The ids of a tracker's opens, oldest first.
pub async fn open_ids(conn: &mut AsyncPgConnection, tracker_id: i64) -> Vec<i64> {
    opens::table
        .filter(opens::tracker_id.eq(tracker_id))
        .order((opens::opened_at.asc(), opens::id.asc()))
        .select(opens::id)
        .load(conn)
        .await
        .expect("opens")
}

/// Sets a chat's retention as `/retention` does.
pub async fn set_retention(conn: &mut AsyncPgConnection, chat_id: i64, days: i64) {
    let account = account::upsert(conn, Platform::Telegram, &chat_id.to_string())
        .await
        .expect("account");
    account::set_retention(conn, account.id, Some(chrono::Duration::days(days)))
        .await
        .expect("retention");
}
