//! The replay guard: a signed request's id is recorded the first time it is acted on, in
//! Postgres, so every replica refuses a second sight of it.

use std::time::Duration;

use diesel::sql_types::{Interval, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

/// Records `key`; true if it had not been seen before (the request may be acted on).
pub async fn first_sight(conn: &mut AsyncPgConnection, key: &str) -> diesel::QueryResult<bool> {
    diesel::sql_query("INSERT INTO seen_requests (key) VALUES ($1) ON CONFLICT DO NOTHING")
        .bind::<Text, _>(key)
        .execute(conn)
        .await
        .map(|inserted| inserted == 1)
}

/// Forgets keys seen longer than `older_than` ago; returns how many went.
pub async fn purge(
    conn: &mut AsyncPgConnection,
    older_than: Duration,
) -> diesel::QueryResult<usize> {
    diesel::sql_query("DELETE FROM seen_requests WHERE seen_at < now() - $1")
        .bind::<Interval, _>(diesel::pg::data_types::PgInterval::from_microseconds(
            older_than.as_micros() as i64,
        ))
        .execute(conn)
        .await
}
