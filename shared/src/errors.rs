//! Which error type to use where:
//! - `DbError`: anything that failed talking to Postgres. Services log it and answer the
//!   user with a generic "something went wrong"; it never reaches a chat or an HTTP body.
//! - Domain parse errors (`LabelError`, …) live beside their types and are written for users.
//! - Each service has its own boundary enum that maps to a response; `anyhow` only in `main`.

use diesel_async::pooled_connection::deadpool::PoolError;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database pool: {0}")]
    Pool(#[from] PoolError),
    #[error("database query: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("database connection: {0}")]
    Connection(#[from] diesel::ConnectionError),
    #[error("database migration: {0}")]
    Migration(String),
}
