//! A throwaway PostgreSQL cluster for one test process, for machines where PostgreSQL is
//! installed but no server is running: made with the machine's own `initdb` and `pg_ctl` in a
//! temporary directory, on a free port, trusting local connections.
//!
//! Statics are never dropped, so the process cannot stop the cluster itself. A small watchdog
//! shell, in a session of its own so that Ctrl-C on the tests does not kill it first, waits for
//! the test process to be gone, then stops the cluster and deletes the directory.
//!
//! Finding the binaries, running them as `postgres` when the tests run as root, and `initdb`
//! itself are shared with the cluster `mailping` owns (`mailping_shared::postgres`).

use std::net::{TcpListener, TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use mailping_shared::postgres::{self, INSTALL};

/// Attempts at a free port: another process may take the one just found before Postgres binds it.
const PORT_ATTEMPTS: usize = 5;

/// Whether anything accepts TCP connections on `addr` (`host:port`).
pub fn answers(addr: &str) -> bool {
    addr.to_socket_addrs()
        .into_iter()
        .flatten()
        .any(|a| TcpStream::connect_timeout(&a, Duration::from_secs(1)).is_ok())
}

/// Starts a cluster for this process and returns its admin URL; `Err` is one line saying what
/// went wrong and what to do.
pub fn start() -> Result<String, String> {
    let bin = postgres::bin_dir().ok_or_else(|| {
        format!("PostgreSQL is needed for the tests but {INSTALL}, or set TEST_DATABASE_URL")
    })?;
    let user = postgres::cluster_user()?;
    let dir = make_dir(user)?;
    // Before anything can fail, so that a half-made cluster is removed too.
    watchdog(&bin, &dir, user)?;
    postgres::initdb(&bin, user, &dir.join("data"), &["--no-sync"])?;
    let mut error = String::new();
    for _ in 0..PORT_ATTEMPTS {
        let port = free_port()?;
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=300 \
             -c fsync=off -c full_page_writes=off -c synchronous_commit=off",
            dir.display()
        );
        let started = postgres::run(user, &bin.join("pg_ctl"), |c| {
            c.arg("-D")
                .arg(dir.join("data"))
                .arg("-l")
                .arg(dir.join("server.log"))
                .args(["-w", "-t", "60", "-o", &options, "start"]);
        });
        match started {
            Ok(()) => {
                eprintln!(
                    "mailping-tests: no PostgreSQL server found, started a throwaway cluster \
                     in {} on port {port}",
                    dir.display()
                );
                return Ok(format!("postgres://postgres@127.0.0.1:{port}/postgres"));
            }
            Err(e) => error = e,
        }
    }
    let log = std::fs::read_to_string(dir.join("server.log")).unwrap_or_default();
    let last = log.lines().last().unwrap_or_default();
    Err(format!(
        "the throwaway PostgreSQL cluster did not start: {error} {last}"
    ))
}

/// A fresh directory, owned by `user` when one is given.
pub(crate) fn make_dir(user: Option<&str>) -> Result<PathBuf, String> {
    let dir = std::env::temp_dir().join(format!(
        "mailping-pg-{}-{:08x}",
        std::process::id(),
        rand::random::<u32>()
    ));
    std::fs::create_dir(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    postgres::hand_to(&dir, user)?;
    Ok(dir)
}

pub(crate) fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("finding a free port: {e}"))
}

/// Stops the cluster and removes `dir` once this process has exited, however it exits.
pub(crate) fn watchdog(bin: &Path, dir: &Path, user: Option<&str>) -> Result<(), String> {
    const SCRIPT: &str = r#"
        pid=$1 dir=$2 pg_ctl=$3 user=$4
        while [ -d "/proc/$pid" ]; do sleep 1; done
        if [ -n "$user" ]; then
            runuser -u "$user" -- "$pg_ctl" -D "$dir/data" -m immediate -w stop
        else
            "$pg_ctl" -D "$dir/data" -m immediate -w stop
        fi
        rm -rf "$dir"
    "#;
    // `setsid` puts the watchdog in its own session, out of reach of the terminal's Ctrl-C.
    let mut command = if Path::new("/usr/bin/setsid").exists() {
        let mut c = Command::new("/usr/bin/setsid");
        c.arg("sh");
        c
    } else {
        Command::new("sh")
    };
    command
        .args(["-c", SCRIPT, "mailping-pg-watchdog"])
        .arg(std::process::id().to_string())
        .arg(dir)
        .arg(bin.join("pg_ctl"))
        .arg(user.unwrap_or_default())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map(drop)
        .map_err(|e| format!("starting the cluster's watchdog: {e}"))
}
