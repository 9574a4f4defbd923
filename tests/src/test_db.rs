//! A fresh, migrated Postgres database for each test, in the crates.io style: the migrations
//! run once per test process into a template database, and every `TestDb` is a cheap
//! `CREATE DATABASE .. TEMPLATE ..` copy of it, dropped when the `TestDb` is dropped.
//!
//! Which server: `TEST_DATABASE_URL` if set; else the cluster answering on 127.0.0.1:5432
//! (`MAILPING_TEST_PG_PROBE=host:port` probes another address); else a throwaway cluster this
//! process starts itself (see [`crate::local_pg`]).

use std::fmt;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use diesel::QueryableByName;
use diesel::sql_types::Text;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use mailping_shared::db;

/// Where a running cluster is looked for when `TEST_DATABASE_URL` is unset.
const DEFAULT_PROBE: &str = "127.0.0.1:5432";
/// Overrides [`DEFAULT_PROBE`], e.g. to test the throwaway cluster on a machine that runs one.
pub const PROBE_VAR: &str = "MAILPING_TEST_PG_PROBE";
const TEMPLATE_PREFIX: &str = "mailping_tmpl_";
const TEST_DB_PREFIX: &str = "mailping_t_";
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// The template's name. Only a `String` lives here, never a connection or pool: each
/// `#[tokio::test]` has its own runtime, and anything tied to the first one would die with it.
static TEMPLATE: OnceLock<String> = OnceLock::new();
static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A fresh, migrated database for one test, dropped (`WITH (FORCE)`) when the value is dropped.
pub struct TestDb {
    name: String,
    url: String,
    admin_url: String,
}

impl TestDb {
    /// Creates the database from the migrated template. Panics if Postgres is unreachable:
    /// tests never skip.
    pub async fn new() -> TestDb {
        let template = tokio::task::spawn_blocking(template)
            .await
            .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()));
        let admin_url = admin_url();
        let name = format!(
            "{TEST_DB_PREFIX}{}_{}_{:08x}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed),
            rand::random::<u32>()
        );
        let mut admin = connect(&admin_url).await.unwrap_or_else(|e| panic!("{e}"));
        let create = format!("CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        // A backend that has just used the template (the migration run) can take a moment
        // to exit, and Postgres refuses to copy a database that has other sessions.
        let mut attempt = 0;
        loop {
            attempt += 1;
            match diesel::sql_query(&create).execute(&mut admin).await {
                Ok(_) => break,
                Err(e)
                    if attempt < 20 && e.to_string().contains("being accessed by other users") =>
                {
                    tokio::time::sleep(Duration::from_millis(50 * attempt)).await;
                }
                Err(e) => panic!("creating test database {name} from {template}: {e}"),
            }
        }
        let url = database_url(&admin_url, &name);
        TestDb {
            name,
            url,
            admin_url,
        }
    }

    /// A fresh database with no schema at all, for testing migrations themselves.
    pub async fn empty() -> TestDb {
        // Blocking: it may start a cluster.
        let admin_url = tokio::task::spawn_blocking(admin_url)
            .await
            .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()));
        let name = format!(
            "{TEST_DB_PREFIX}{}_{}_{:08x}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed),
            rand::random::<u32>()
        );
        let mut admin = connect(&admin_url).await.unwrap_or_else(|e| panic!("{e}"));
        diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
            .execute(&mut admin)
            .await
            .unwrap_or_else(|e| panic!("creating empty test database {name}: {e}"));
        let url = database_url(&admin_url, &name);
        TestDb {
            name,
            url,
            admin_url,
        }
    }

    /// The URL of this test's database.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The name of this test's database.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// A small pool on this test's database, as the services use.
    pub fn pool(&self) -> db::Pool {
        db::pool(self.url(), 4)
    }

    /// A direct connection to this test's database.
    pub async fn conn(&self) -> AsyncPgConnection {
        connect(&self.url).await.unwrap_or_else(|e| panic!("{e}"))
    }

    /// A connection to the admin database, which outlives an outage of this one.
    pub async fn admin_conn(&self) -> AsyncPgConnection {
        connect(&self.admin_url)
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Simulates a Postgres outage for this database only (other tests run in parallel on the
    /// same server): refuse new connections and kill the open ones; or end the outage.
    pub async fn set_reachable(&self, admin: &mut AsyncPgConnection, reachable: bool) {
        let name = &self.name;
        diesel::sql_query(format!(
            "ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS {reachable}"
        ))
        .execute(admin)
        .await
        .expect("toggling connections");
        if !reachable {
            diesel::sql_query(format!(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()"
            ))
            .execute(admin)
            .await
            .expect("terminating connections");
        }
    }
}

impl fmt::Debug for TestDb {
    // The URL may carry a password from TEST_DATABASE_URL, so only the name is shown.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TestDb")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let admin_url = self.admin_url.clone();
        let name = self.name.clone();
        // Drop can't be async, and the test's runtime may be shutting down, so the drop gets a
        // runtime of its own on a plain thread; joining it means the database is gone when
        // `drop` returns.
        let result = std::thread::spawn(move || {
            block_on(async {
                let mut admin = connect(&admin_url).await?;
                drop_database(&mut admin, &name)
                    .await
                    .map_err(|e| format!("dropping {name}: {e}"))
            })
        })
        .join()
        .unwrap_or_else(|_| Err("the drop thread panicked".to_owned()));
        // Not a panic: that would abort a test that is already unwinding. A database left
        // behind is dropped by the next test run, once this process is gone.
        if let Err(e) = result {
            eprintln!("warning: test database {} was not dropped: {e}", self.name);
        }
    }
}

/// The admin URL: `TEST_DATABASE_URL`, or the `postgres` superuser of the cluster on the probed
/// address, or of a throwaway cluster started for this process. Test databases use the same URL
/// with the database part replaced.
pub fn admin_url() -> String {
    server().unwrap_or_else(|e| panic!("{e}"))
}

/// [`admin_url`], or one line saying why there is no server to test against.
fn server() -> Result<String, String> {
    if let Ok(url) = std::env::var("TEST_DATABASE_URL") {
        return Ok(url);
    }
    // A failure is kept too: one attempt at a cluster per process, not one per test.
    static SERVER: OnceLock<Result<String, String>> = OnceLock::new();
    SERVER
        .get_or_init(|| {
            let probe = std::env::var(PROBE_VAR).unwrap_or_else(|_| DEFAULT_PROBE.to_owned());
            if crate::local_pg::answers(&probe) {
                Ok(format!("postgres://postgres@{probe}/postgres"))
            } else {
                crate::local_pg::start()
            }
        })
        .clone()
}

/// The template's name, creating and migrating it on the first call in this process.
fn template() -> String {
    TEMPLATE
        .get_or_init(|| {
            // A thread of its own, so the setup never runs on (or outlives) a test's runtime.
            std::thread::spawn(|| block_on(create_template()))
                .join()
                .unwrap_or_else(|_| Err("the template setup thread panicked".to_owned()))
                .unwrap_or_else(|e| panic!("{e}"))
        })
        .clone()
}

async fn create_template() -> Result<String, String> {
    let admin_url = server()?;
    let mut admin = connect(&admin_url).await?;
    drop_stale_databases(&mut admin).await;

    let name = format!(
        "{TEMPLATE_PREFIX}{}_{:08x}",
        std::process::id(),
        rand::random::<u32>()
    );
    diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
        .execute(&mut admin)
        .await
        .map_err(|e| format!("creating template database {name}: {e}"))?;
    db::run_migrations(&database_url(&admin_url, &name))
        .await
        .map_err(|e| format!("migrating template database {name}: {e}"))?;
    Ok(name)
}

#[derive(QueryableByName)]
struct DatabaseName {
    #[diesel(sql_type = Text)]
    datname: String,
}

/// Test processes can't drop their template on exit, so each new one clears away the
/// databases of processes that no longer run.
async fn drop_stale_databases(admin: &mut AsyncPgConnection) {
    let names = match diesel::sql_query("SELECT datname FROM pg_database")
        .load::<DatabaseName>(admin)
        .await
    {
        Ok(names) => names,
        Err(e) => {
            eprintln!("warning: could not list stale test databases: {e}");
            return;
        }
    };
    for DatabaseName { datname } in names {
        let Some(pid) = creator_pid(&datname) else {
            continue;
        };
        if std::path::Path::new(&format!("/proc/{pid}")).exists() {
            continue;
        }
        // Another test process may be dropping the same one; it only has to be gone.
        if let Err(e) = drop_database(admin, &datname).await {
            eprintln!("warning: could not drop stale test database {datname}: {e}");
        }
    }
}

/// The pid in `mailping_tmpl_<pid>_..` or `mailping_t_<pid>_..`.
fn creator_pid(name: &str) -> Option<u32> {
    let rest = name
        .strip_prefix(TEMPLATE_PREFIX)
        .or_else(|| name.strip_prefix(TEST_DB_PREFIX))?;
    rest.split('_').next()?.parse().ok()
}

async fn drop_database(admin: &mut AsyncPgConnection, name: &str) -> diesel::QueryResult<()> {
    diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
        .execute(admin)
        .await
        .map(drop)
}

async fn connect(url: &str) -> Result<AsyncPgConnection, String> {
    let error = match tokio::time::timeout(CONNECT_TIMEOUT, AsyncPgConnection::establish(url)).await
    {
        Ok(Ok(conn)) => return Ok(conn),
        Ok(Err(e)) => e.to_string(),
        Err(_) => format!("no answer within {CONNECT_TIMEOUT:?}"),
    };
    Err(format!(
        "\n\n========================================================================\n\
         Cannot connect to Postgres for the tests: {error}\n\
         URL: {}\n\n\
         Unset TEST_DATABASE_URL to let the tests start their own cluster, or point it at\n\
         an admin URL (its database part is replaced), e.g.\n\
         \x20   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres\n\
         Tests never skip when the database is missing.\n\
         ========================================================================\n",
        redact(url)
    ))
}

/// `url` with its database part replaced by `database`.
fn database_url(url: &str, database: &str) -> String {
    let mut parsed = url::Url::parse(url)
        .unwrap_or_else(|e| panic!("TEST_DATABASE_URL is not a URL ({e}): {}", redact(url)));
    parsed.set_path(&format!("/{database}"));
    parsed.into()
}

fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) => {
            if parsed.password().is_some() {
                let _ = parsed.set_password(Some("***"));
            }
            parsed.into()
        }
        Err(_) => "(not a URL)".to_owned(),
    }
}

fn block_on<F: Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a current-thread runtime always builds")
        .block_on(future)
}
