//! Model structs and the queries beside them, as plain `async fn`s taking a connection.

pub mod account;
pub mod alert;
pub mod open;
pub mod reminder;
pub mod seen_request;
pub mod stats;
pub mod tracker;
pub mod withdrawal;

pub use account::{Account, Platform};
pub use alert::ClaimedAlert;
pub use open::{NewOpen, Open};
pub use tracker::{Tracker, TrackerSummary};

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::schema::{alert_sends, alerts, opens, sender_networks};

/// Retention: deletes opens, finished alerts, the times alerts were sent and remembered
/// sender networks older than `cutoff`, returning how many rows went.
pub async fn purge_older_than(
    conn: &mut AsyncPgConnection,
    cutoff: DateTime<Utc>,
) -> QueryResult<usize> {
    let opens = diesel::delete(opens::table.filter(opens::opened_at.lt(cutoff)))
        .execute(conn)
        .await?;
    let alerts = diesel::delete(alerts::table.filter(alerts::finished_at.lt(cutoff)))
        .execute(conn)
        .await?;
    let sends = diesel::delete(alert_sends::table.filter(alert_sends::sent_at.lt(cutoff)))
        .execute(conn)
        .await?;
    let senders =
        diesel::delete(sender_networks::table.filter(sender_networks::last_seen_at.lt(cutoff)))
            .execute(conn)
            .await?;
    Ok(opens + alerts + sends + senders)
}

/// Each chat's own retention (`/retention`, `accounts.retention`): deletes that chat's opens
/// older than it, on the database clock (`mailping_now()`, which tests move), and nobody
/// else's. Returns how many went.
pub async fn purge_per_chat(conn: &mut AsyncPgConnection) -> QueryResult<usize> {
    diesel::sql_query(
        "DELETE FROM opens o USING trackers t, accounts a
         WHERE o.tracker_id = t.id AND t.account_id = a.id AND a.retention IS NOT NULL
           AND o.opened_at < mailping_now() - a.retention",
    )
    .execute(conn)
    .await
}
