//! A primary and a streaming standby on this machine, for the failover drill and tests: two
//! throwaway clusters made with the machine's own `initdb` and `pg_basebackup -R` (as
//! `local_pg` makes one), which can then be failed over as an operator or Patroni would: the
//! primary killed (`pg_ctl stop -m immediate`), the standby promoted, and the old primary
//! rewound (`pg_rewind`) and brought back as the new primary's standby.
//!
//! Everything here blocks (it runs the PostgreSQL programs and waits); from async code, go
//! through [`ReplicatedPg::off_runtime`]. Both clusters are stopped and their
//! directories removed when the value is dropped, and by a watchdog if the process dies first.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::local_pg;
use mailping_shared::postgres;

/// How commits wait for the standby.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replication {
    /// `synchronous_standby_names = '*'`: a commit returns once the standby has flushed it.
    Sync,
    /// The default: a commit returns once the primary has flushed it; the standby follows.
    Async,
}

impl Replication {
    pub fn as_str(self) -> &'static str {
        match self {
            Replication::Sync => "sync",
            Replication::Async => "async",
        }
    }
}

/// One cluster: its directory (holding `data/`, its socket and its log) and its port.
struct Node {
    dir: PathBuf,
    port: u16,
    running: bool,
}

impl Node {
    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }
}

/// Two clusters, one the primary and the other its standby.
pub struct ReplicatedPg {
    bin: PathBuf,
    user: Option<&'static str>,
    nodes: [Node; 2],
    primary: usize,
    mode: Replication,
}

impl ReplicatedPg {
    /// Makes the primary (node 0) and its standby (node 1), and waits until the standby
    /// streams (and, with `Sync`, is the synchronous one).
    pub fn start(mode: Replication) -> Result<ReplicatedPg, String> {
        let bin = postgres::bin_dir().ok_or(postgres::INSTALL)?;
        // initdb on PATH may be a lone link (/usr/local/bin/initdb); the tools are beside
        // what it points to.
        let bin = std::fs::canonicalize(bin.join("initdb"))
            .ok()
            .and_then(|initdb| initdb.parent().map(PathBuf::from))
            .unwrap_or(bin);
        for tool in ["pg_basebackup", "pg_rewind", "psql"] {
            if !bin.join(tool).is_file() {
                return Err(format!(
                    "{} is missing: install PostgreSQL's server package",
                    bin.join(tool).display()
                ));
            }
        }
        let user = postgres::cluster_user()?;
        let mut nodes = Vec::new();
        for _ in 0..2 {
            let dir = local_pg::make_dir(user)?;
            local_pg::watchdog(&bin, &dir, user)?;
            nodes.push(Node {
                dir,
                port: local_pg::free_port()?,
                running: false,
            });
        }
        let nodes: [Node; 2] = nodes.try_into().map_err(|_| "two nodes")?;
        let mut pair = ReplicatedPg {
            bin,
            user,
            nodes,
            primary: 0,
            mode,
        };
        pair.init_primary()?;
        pair.start_node(0, mode == Replication::Sync)?;
        let (primary, standby) = (&pair.nodes[0], &pair.nodes[1]);
        let source_port = primary.port.to_string();
        let target = standby.data();
        postgres::run(user, &pair.bin.join("pg_basebackup"), |c| {
            c.args([
                "-h",
                "127.0.0.1",
                "-p",
                &source_port,
                "-U",
                "postgres",
                "-D",
            ])
            .arg(&target)
            .args(["-R", "-X", "stream", "--no-sync", "-c", "fast"]);
        })
        .map_err(|e| format!("pg_basebackup failed: {e}"))?;
        pair.start_node(1, false)?;
        pair.wait_for_standby(Duration::from_secs(30))?;
        Ok(pair)
    }

    /// [`start`](Self::start), off the async runtime.
    pub async fn start_off_runtime(mode: Replication) -> Result<ReplicatedPg, String> {
        tokio::task::spawn_blocking(move || ReplicatedPg::start(mode))
            .await
            .map_err(|e| format!("starting the clusters panicked: {e}"))?
    }

    /// Runs a step (which blocks) off the async runtime, so that a load running meanwhile
    /// keeps its pace, and hands the pair back with the step's result.
    pub async fn off_runtime<T: Send + 'static>(
        self,
        step: impl FnOnce(&mut ReplicatedPg) -> Result<T, String> + Send + 'static,
    ) -> Result<(ReplicatedPg, T), String> {
        tokio::task::spawn_blocking(move || {
            let mut pair = self;
            step(&mut pair).map(|t| (pair, t))
        })
        .await
        .map_err(|e| format!("a cluster step panicked: {e}"))?
    }

    fn init_primary(&self) -> Result<(), String> {
        let data = self.nodes[0].data();
        postgres::run(self.user, &self.bin.join("initdb"), |c| {
            c.arg("-D")
                .arg(&data)
                .args(["-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"])
                .arg("--no-sync");
        })
        .map_err(|e| format!("initdb failed: {e}"))?;
        // In the file, not on the command line: pg_rewind starts the cluster without our
        // options to finish its crash recovery, and then checks wal_log_hints in what that
        // run recorded. fsync is off as in local_pg: a process killed with -m immediate loses
        // nothing the kernel holds. pg_basebackup copies the file to the standby.
        let conf = data.join("postgresql.conf");
        let settings = "\nlisten_addresses = '127.0.0.1'\nmax_connections = 200\n\
                        wal_log_hints = on\nfsync = off\nwal_keep_size = '512MB'\n";
        std::fs::OpenOptions::new()
            .append(true)
            .open(&conf)
            .and_then(|mut f| std::io::Write::write_all(&mut f, settings.as_bytes()))
            .map_err(|e| format!("writing {}: {e}", conf.display()))
    }

    /// Starts node `i` on its port. `sync` makes it wait for a synchronous standby.
    fn start_node(&mut self, i: usize, sync: bool) -> Result<(), String> {
        let node = &self.nodes[i];
        let mut options = format!("-p {} -k {}", node.port, node.dir.display());
        if sync {
            // Quoted: pg_ctl hands the options to a shell.
            options.push_str(" -c synchronous_standby_names='*'");
        }
        let data = node.data();
        let log = node.dir.join("server.log");
        postgres::run(self.user, &self.bin.join("pg_ctl"), |c| {
            c.arg("-D")
                .arg(&data)
                .arg("-l")
                .arg(&log)
                .args(["-w", "-t", "60", "-o", &options, "start"]);
        })
        .map_err(|e| {
            let log = std::fs::read_to_string(&log).unwrap_or_default();
            format!(
                "starting the cluster on port {} failed: {e} {}",
                node.port,
                log.lines().last().unwrap_or_default()
            )
        })?;
        self.nodes[i].running = true;
        Ok(())
    }

    /// The URL a service is given: both hosts, the current primary's listed second so that
    /// a connection tries the standby first and must skip it.
    pub fn url(&self, database: &str) -> String {
        format!(
            "postgres://postgres@127.0.0.1:{},127.0.0.1:{}/{database}\
             ?target_session_attrs=read-write&connect_timeout=2",
            self.nodes[0].port, self.nodes[1].port
        )
    }

    /// A URL of the current primary alone.
    pub fn primary_url(&self, database: &str) -> String {
        self.node_url(self.primary, database)
    }

    /// A URL of the current standby alone.
    pub fn standby_url(&self, database: &str) -> String {
        self.node_url(1 - self.primary, database)
    }

    fn node_url(&self, i: usize, database: &str) -> String {
        format!(
            "postgres://postgres@127.0.0.1:{}/{database}?connect_timeout=2",
            self.nodes[i].port
        )
    }

    pub fn mode(&self) -> Replication {
        self.mode
    }

    /// Runs SQL on node `i` with psql; its output, trimmed.
    fn psql(&self, i: usize, sql: &str) -> Result<String, String> {
        let out = Command::new(self.bin.join("psql"))
            .args(["-h", "127.0.0.1", "-p", &self.nodes[i].port.to_string()])
            .args([
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-XAtq",
                "-v",
                "ON_ERROR_STOP=1",
            ])
            .args(["-c", sql])
            .output()
            .map_err(|e| format!("running psql: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "psql on port {}: {sql}: {}",
                self.nodes[i].port,
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
    }

    /// Runs SQL on the current primary.
    pub fn on_primary(&self, sql: &str) -> Result<String, String> {
        self.psql(self.primary, sql)
    }

    /// Waits until the current primary has a streaming standby (the synchronous one, in
    /// `Sync` mode) that has replayed everything committed so far.
    pub fn wait_for_standby(&self, within: Duration) -> Result<(), String> {
        let wanted = match self.mode {
            Replication::Sync => "sync",
            Replication::Async => "async",
        };
        let deadline = Instant::now() + within;
        loop {
            let state = self.on_primary(
                "SELECT state || ' ' || sync_state || ' ' || \
                 (replay_lsn >= pg_current_wal_flush_lsn())::text FROM pg_stat_replication",
            );
            if let Ok(state) = &state
                && state
                    .lines()
                    .any(|l| l == format!("streaming {wanted} true"))
            {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "no {wanted} standby streaming within {within:?}: {state:?}"
                ));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// How far the standby trails the primary now, in milliseconds: the largest of
    /// `pg_stat_replication`'s `write_lag` (WAL the standby has not yet received: what a dead
    /// primary takes with it under asynchronous replication) and `flush_lag`.
    pub fn standby_lag_ms(&self) -> Result<f64, String> {
        let lag = self.on_primary(
            "SELECT coalesce(1000 * extract(epoch FROM greatest(max(write_lag), max(flush_lag))), 0) \
             FROM pg_stat_replication",
        )?;
        lag.parse()
            .map_err(|e| format!("reading the standby's lag {lag:?}: {e}"))
    }

    /// Kills the primary as a crash would: `pg_ctl stop -m immediate`, so its sessions die
    /// mid-transaction and nothing is flushed or sent to the standby after that moment.
    pub fn kill_primary(&mut self) -> Result<(), String> {
        let data = self.nodes[self.primary].data();
        postgres::run(self.user, &self.bin.join("pg_ctl"), |c| {
            c.arg("-D")
                .arg(&data)
                .args(["-m", "immediate", "-w", "stop"]);
        })
        .map_err(|e| format!("killing the primary failed: {e}"))?;
        self.nodes[self.primary].running = false;
        Ok(())
    }

    /// Promotes the standby (`pg_ctl promote`, waiting until it takes writes). It then has no
    /// standby, so it does not wait for one, whatever the mode (Patroni's `synchronous_mode`
    /// does the same while no standby is there, unless `synchronous_mode_strict`).
    pub fn promote(&mut self) -> Result<(), String> {
        let standby = 1 - self.primary;
        let data = self.nodes[standby].data();
        postgres::run(self.user, &self.bin.join("pg_ctl"), |c| {
            c.arg("-D").arg(&data).args(["-w", "-t", "60", "promote"]);
        })
        .map_err(|e| format!("promoting the standby failed: {e}"))?;
        self.primary = standby;
        Ok(())
    }

    /// Brings the old primary back as the new primary's standby: `pg_rewind` takes back what
    /// it wrote that the standby never received, then it follows the new primary. In `Sync`
    /// mode the new primary then waits for it again.
    pub fn rejoin_old_primary(&mut self) -> Result<(), String> {
        let old = 1 - self.primary;
        // pg_rewind reads the new timeline from the new primary's control file, which a
        // promotion updates only at its next checkpoint.
        self.on_primary("CHECKPOINT")?;
        let source = format!(
            "host=127.0.0.1 port={} user=postgres dbname=postgres",
            self.nodes[self.primary].port
        );
        let data = self.nodes[old].data();
        postgres::run(self.user, &self.bin.join("pg_rewind"), |c| {
            c.arg("--target-pgdata")
                .arg(&data)
                .arg("--source-server")
                .arg(&source)
                .args(["--write-recovery-conf", "--no-sync"]);
        })
        .map_err(|e| format!("pg_rewind failed: {e}"))?;
        self.start_node(old, false)?;
        if self.mode == Replication::Sync {
            self.on_primary("ALTER SYSTEM SET synchronous_standby_names = '*'")?;
            self.on_primary("SELECT pg_reload_conf()")?;
        }
        self.wait_for_standby(Duration::from_secs(60))
    }

    /// The server log of the current primary and of the other node, for a failure message.
    pub fn logs(&self) -> Vec<(u16, PathBuf)> {
        self.nodes
            .iter()
            .map(|n| (n.port, n.dir.join("server.log")))
            .collect()
    }
}

impl Drop for ReplicatedPg {
    fn drop(&mut self) {
        for node in &self.nodes {
            if node.running {
                let data = node.data();
                let _ = postgres::run(self.user, &self.bin.join("pg_ctl"), |c| {
                    c.arg("-D")
                        .arg(&data)
                        .args(["-m", "immediate", "-w", "stop"]);
                });
            }
            let _ = std::fs::remove_dir_all(&node.dir);
        }
    }
}
