//! Rows tests start from, written through the same model functions the services use.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use mailping_shared::domain::Label;
use mailping_shared::models::account::{self, Platform};
use mailping_shared::models::tracker::{self, Tracker};
use mailping_shared::schema::{accounts, alerts, opens, trackers};

/// Creates a Telegram account (if new) and a tracker for it.
pub async fn tracker(conn: &mut AsyncPgConnection, chat_id: i64, label: &str) -> Tracker {
    let account = account::upsert(conn, Platform::Telegram, &chat_id.to_string())
        .await
        .expect("account");
    tracker::create(conn, account.id, &Label::parse(label).expect("label"))
        .await
        .expect("tracker")
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

pub async fn open_count(conn: &mut AsyncPgConnection) -> i64 {
    opens::table.count().get_result(conn).await.expect("count")
}

pub async fn tracker_count(conn: &mut AsyncPgConnection) -> i64 {
    trackers::table
        .count()
        .get_result(conn)
        .await
        .expect("count")
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

/// Waits until the (only) account is marked as refusing alerts; panics after `timeout`.
pub async fn wait_until_alerts_blocked(conn: &mut AsyncPgConnection, timeout: std::time::Duration) {
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        let blocked: Option<chrono::DateTime<chrono::Utc>> = accounts::table
            .select(accounts::alerts_blocked_at)
            .first(conn)
            .await
            .expect("account");
        if blocked.is_some() {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the account was never marked as refusing alerts"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}
