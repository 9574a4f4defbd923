//! The connection pool, embedded migrations, and the `LISTEN` side of the alert queue.

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel_async::async_connection_wrapper::AsyncConnectionWrapper;
use diesel_async::pooled_connection::deadpool;
use diesel_async::pooled_connection::{
    AsyncDieselConnectionManager, ManagerConfig, RecyclingMethod,
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::errors::DbError;

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations");

/// The channel the pixel server notifies when it queues an alert.
pub const ALERTS_CHANNEL: &str = "mailping_alerts";

/// The channel a trigger notifies, with the account's id, when something the pixel server's
/// writer keeps in memory about that account's trackers changes (mute, deletion, a blocked
/// chat, the owner's networks); see `migrations/*_tracker_changes_notify`.
pub const TRACKERS_CHANNEL: &str = "mailping_trackers";

/// Any key will do, as long as every MailPing process uses the same one.
const MIGRATION_LOCK_KEY: i64 = 0x6d61_696c_7069_6e67;

pub type Pool = deadpool::Pool<AsyncPgConnection>;
pub type PooledConn = deadpool::Object<AsyncPgConnection>;

/// Builds the pool. Connections are made lazily, so this succeeds while Postgres is down;
/// waits are bounded so that a down database is an error, not a hang.
///
/// Only connections that can write are handed out. A new one on a read-only server (a
/// standby) is refused, and a pooled one whose server has become read-only is dropped when it
/// is next taken, in the same round trip as the check deadpool made anyway (`SELECT 1`). After
/// a failover every user of the pool thus finds the new primary, and none keeps retrying a
/// standby; `target_session_attrs=read-write` in a URL of several hosts (see docs/operations.md)
/// makes the new connection skip the standby itself.
pub fn pool(url: &str, size: usize) -> Pool {
    let mut config = ManagerConfig::<AsyncPgConnection>::default();
    config.custom_setup = Box::new(|url| Box::pin(connect(url)));
    config.recycling_method = RecyclingMethod::CustomFunction(Box::new(|conn| {
        Box::pin(async move {
            if read_only(conn).await? {
                tracing::warn!(
                    "a pooled database connection is read-only now (its server is a standby); dropping it"
                );
                return Err(read_only_error());
            }
            Ok(())
        })
    }));
    let manager = AsyncDieselConnectionManager::<AsyncPgConnection>::new_with_config(url, config);
    deadpool::Pool::builder(manager)
        .max_size(size.max(1))
        .wait_timeout(Some(Duration::from_secs(5)))
        .create_timeout(Some(Duration::from_secs(5)))
        .recycle_timeout(Some(Duration::from_secs(5)))
        .runtime(::deadpool::Runtime::Tokio1)
        .build()
        .expect("a runtime and timeouts are set, so the pool always builds")
}

/// Opens one connection, with just-in-time compilation off: MailPing's queries are small and
/// run thousands of times, and when the planner's estimate crosses `jit_above_cost` (a table
/// whose statistics lag behind a burst of opens is enough) compiling the plan took 340 ms of a
/// 500 ms dedup probe under bench/run's load. A server that cannot write (a standby found
/// without `target_session_attrs=read-write`, or through a DNS name that still points at the
/// old primary) is refused: to the writer that is an outage, and it spills.
async fn connect(url: &str) -> diesel::ConnectionResult<AsyncPgConnection> {
    // Connected here rather than by `AsyncPgConnection::establish`, which keeps only
    // "error connecting to server" and drops why (refused, a timeout, or "database does not
    // allow writes" from every host of a failover URL).
    let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .map_err(|e| diesel::ConnectionError::BadConnection(crate::errors::with_causes(&e)))?;
    let mut conn = AsyncPgConnection::try_from_client_and_connection(client, connection).await?;
    diesel_async::SimpleAsyncConnection::batch_execute(&mut conn, "SET jit = off")
        .await
        .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
    if read_only(&mut conn)
        .await
        .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?
    {
        return Err(diesel::ConnectionError::CouldntSetupConfiguration(
            read_only_error(),
        ));
    }
    Ok(conn)
}

/// Why a connection is refused or dropped: its server takes no writes (SQLSTATE 25006).
const READ_ONLY: &str = "the server is read-only (a standby?): cannot execute writes";

/// Whether the connection's transactions are read-only: its server is a standby (in
/// recovery), or `default_transaction_read_only` is on. What `target_session_attrs=read-write`
/// asks too.
async fn read_only(conn: &mut AsyncPgConnection) -> QueryResult<bool> {
    diesel::select(diesel::dsl::sql::<diesel::sql_types::Bool>(
        "current_setting('transaction_read_only') = 'on'",
    ))
    .get_result(conn)
    .await
}

fn read_only_error() -> diesel::result::Error {
    diesel::result::Error::DatabaseError(
        diesel::result::DatabaseErrorKind::ReadOnlyTransaction,
        Box::new(READ_ONLY.to_owned()),
    )
}

/// Applies pending migrations. Safe when several services start at once: they queue on an
/// advisory lock, and whoever comes second finds nothing to do.
pub async fn run_migrations(url: &str) -> Result<usize, DbError> {
    let url = url.to_owned();
    tokio::task::spawn_blocking(move || -> Result<usize, DbError> {
        let mut conn =
            <AsyncConnectionWrapper<AsyncPgConnection> as diesel::Connection>::establish(&url)?;
        conn.batch_execute(&format!("SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})"))?;
        let applied = conn
            .run_pending_migrations(MIGRATIONS)
            .map(|v| v.len())
            .map_err(|e| DbError::Migration(e.to_string()));
        conn.batch_execute(&format!("SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})"))?;
        applied
    })
    .await
    .map_err(|e| DbError::Migration(format!("migration task failed: {e}")))?
}

/// Applies migrations at start-up. If the database is down, keeps trying in the background,
/// so a service can start (and the pixel server serve GIFs) before Postgres is back.
pub async fn migrate_until_done(url: String) {
    let mut delay = Duration::from_millis(500);
    loop {
        match run_migrations(&url).await {
            Ok(n) => {
                tracing::info!(applied = n, "database schema is up to date");
                return;
            }
            Err(e) => {
                tracing::warn!(error = %e, retry_in = ?delay, "cannot apply migrations yet");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(10));
            }
        }
    }
}

/// [`migrate_until_done`], then says so on `done`: what background jobs that use the schema
/// wait for.
pub async fn migrate_until_done_then(url: String, done: tokio::sync::watch::Sender<bool>) {
    migrate_until_done(url).await;
    done.send_replace(true);
}

/// A connection from the pool that has run `LISTEN` on the alerts channel. The stream of
/// notifications comes from `AsyncPgConnection::notifications_stream`. It is taken out of
/// the pool for good, so it holds no pool slot and never goes back to the pool listening.
pub async fn listen_for_alerts(pool: &Pool) -> Result<AsyncPgConnection, DbError> {
    listen(pool, ALERTS_CHANNEL).await
}

/// A connection taken out of the pool for good that has run `LISTEN channel`.
pub async fn listen(pool: &Pool, channel: &str) -> Result<AsyncPgConnection, DbError> {
    let mut conn = deadpool::Object::take(pool.get().await?);
    diesel::sql_query(format!("LISTEN {channel}"))
        .execute(&mut conn)
        .await?;
    Ok(conn)
}

/// Wakes every listening dispatcher. Called inside the transaction that queued the alert, so
/// the notification is delivered only if the alert is committed.
pub async fn notify_alerts(conn: &mut AsyncPgConnection) -> QueryResult<()> {
    diesel::sql_query(format!("NOTIFY {ALERTS_CHANNEL}"))
        .execute(conn)
        .await
        .map(drop)
}

/// True when the database answers a trivial query.
pub async fn ping(pool: &Pool) -> bool {
    match pool.get().await {
        Ok(mut conn) => diesel::sql_query("SELECT 1")
            .execute(&mut conn)
            .await
            .is_ok(),
        Err(_) => false,
    }
}
