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
    /// Diesel's message for a value it could not read ("Error deserializing field 'kind'")
    /// leaves out why; the causes are spelled out so the log says which value was unknown.
    #[error("database query: {}", with_causes(.0))]
    Query(#[from] diesel::result::Error),
    #[error("database connection: {0}")]
    Connection(#[from] diesel::ConnectionError),
    #[error("database migration: {0}")]
    Migration(String),
}

/// An error followed by each of its causes, separated by ": ".
pub fn with_causes(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        // Some wrappers repeat their source's message; say each thing once.
        if !text.ends_with(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}
