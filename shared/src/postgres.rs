//! PostgreSQL clusters made from the machine's own `initdb` and `pg_ctl`: the one `mailping`
//! owns in its data directory when no `DATABASE_URL` is given ([`OwnedCluster`]), and the
//! helpers the tests' throwaway cluster shares with it (`tests/src/local_pg.rs`).
//!
//! `initdb` and `pg_ctl` refuse to run as root; as root they run as the `postgres` system
//! user (which the PostgreSQL packages create), in a directory that user owns.

use std::fs::File;
use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What to do when there is no PostgreSQL on the machine.
pub const INSTALL: &str = "neither initdb nor pg_ctl was found on PATH or under \
    /usr/lib/postgresql/*/bin: install PostgreSQL's server (e.g. `apt-get install postgresql`)";

/// The unprivileged user a cluster runs as when its owner process runs as root.
pub const SYSTEM_USER: &str = "postgres";

/// The database `mailping` keeps its data in, in its own cluster.
pub const DATABASE: &str = "mailping";

/// The directory holding `initdb` and `pg_ctl`: on PATH, else the newest under
/// /usr/lib/postgresql (Debian, Ubuntu).
pub fn bin_dir() -> Option<PathBuf> {
    let usable = |dir: &Path| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file();
    if let Some(dir) = std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .find(|dir| usable(dir))
    {
        return Some(dir);
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse().ok()?;
            Some((version, e.path().join("bin")))
        })
        .filter(|(_, dir)| usable(dir))
        .collect();
    versions.sort();
    versions.pop().map(|(_, dir)| dir)
}

/// The uid this process runs as.
pub fn current_uid() -> Result<u32, String> {
    std::fs::metadata("/proc/self")
        .map(|m| m.uid())
        .map_err(|e| format!("cannot tell which user this is (/proc/self: {e})"))
}

/// The user the cluster's programs run as: `postgres` when this process is root, else this
/// process's own user (None).
pub fn cluster_user() -> Result<Option<&'static str>, String> {
    Ok((current_uid()? == 0).then_some(SYSTEM_USER))
}

/// The uid and gid of a system user, e.g. `postgres`.
pub fn user_ids(user: &str) -> Result<(u32, u32), String> {
    let id = |flag: &str| -> Result<u32, String> {
        let out = Command::new("id")
            .args([flag, user])
            .output()
            .map_err(|e| format!("running id: {e}"))?;
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .map_err(|_| {
                format!(
                    "running as root, initdb needs the unprivileged `{user}` user, which does \
                     not exist: install PostgreSQL's server package (e.g. `apt-get install \
                     postgresql`)"
                )
            })
    };
    Ok((id("-u")?, id("-g")?))
}

/// Hands `path` to `user` (when given).
pub fn hand_to(path: &Path, user: Option<&str>) -> Result<(), String> {
    if let Some(user) = user {
        let (uid, gid) = user_ids(user)?;
        std::os::unix::fs::chown(path, Some(uid), Some(gid))
            .map_err(|e| format!("handing {} to {user}: {e}", path.display()))?;
    }
    Ok(())
}

/// Runs `program` (as `user`, if given) and waits; `Err` carries the end of its output.
pub fn run(
    user: Option<&str>,
    program: &Path,
    args: impl FnOnce(&mut Command),
) -> Result<(), String> {
    let mut command = match user {
        Some(user) => {
            let mut c = Command::new("runuser");
            c.args(["-u", user, "--"]).arg(program);
            c
        }
        None => Command::new(program),
    };
    args(&mut command);
    let out = command
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("running {}: {e}", program.display()))?;
    if out.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stderr
        .lines()
        .chain(stdout.lines())
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .to_owned();
    Err(format!("{} ({last})", out.status))
}

/// `initdb` with MailPing's choices: superuser `postgres`, trust (the socket's directory is
/// what keeps others out), UTF-8, no locale.
pub fn initdb(bin: &Path, user: Option<&str>, data: &Path, extra: &[&str]) -> Result<(), String> {
    run(user, &bin.join("initdb"), |c| {
        c.arg("-D")
            .arg(data)
            .args(["-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"])
            .args(extra);
    })
    .map_err(|e| format!("initdb failed: {e}"))
}

/// The cluster `mailping` owns in its data directory: started at start-up, stopped on
/// shutdown, reached through a Unix socket in the data directory and nowhere else.
///
/// Layout of the data directory: `postgres/` (the cluster, owned by the cluster's user),
/// `postgres-run/` (its socket, mode 0700), and `mailping.lock`, which the
/// running `mailping` holds locked (the kernel releases it however the process ends).
pub struct OwnedCluster {
    bin: PathBuf,
    user: Option<&'static str>,
    pgdata: PathBuf,
    socket_dir: PathBuf,
    /// Held for as long as this process owns the directory.
    _lock: File,
}

impl OwnedCluster {
    /// Takes `data_dir` (creating it), makes the cluster there if it is new, stops a
    /// postmaster a killed `mailping` left behind, starts the cluster, and makes sure the
    /// `mailping` database exists. Blocking. `Err` is one line saying what to do.
    pub fn start(data_dir: DataDir) -> Result<OwnedCluster, String> {
        let user = cluster_user()?;
        let DataDir {
            path: data_dir,
            lock,
        } = data_dir;
        let bin = bin_dir().ok_or_else(|| {
            format!("no DATABASE_URL, and mailping cannot run its own database: {INSTALL}, or set DATABASE_URL")
        })?;
        let cluster = OwnedCluster {
            bin,
            user,
            pgdata: data_dir.join("postgres"),
            socket_dir: data_dir.join("postgres-run"),
            _lock: lock,
        };
        // The socket's path must fit in sun_path (107 bytes).
        if cluster.socket_dir.as_os_str().len() + "/.s.PGSQL.5432".len() > 107 {
            return Err(format!(
                "MAILPING_DATA_DIR {} is too long a path for PostgreSQL's socket (at most \
                 about 90 characters): choose a shorter one",
                data_dir.display()
            ));
        }
        cluster.prepare()?;
        cluster.check_reachable()?;
        cluster.stop_leftover();
        let log = cluster.pgdata.join("server.log");
        let options = format!(
            "-c listen_addresses='' -k {} -c unix_socket_permissions=0700",
            cluster.socket_dir.display()
        );
        run(user, &cluster.bin.join("pg_ctl"), |c| {
            c.arg("-D")
                .arg(&cluster.pgdata)
                .arg("-l")
                .arg(&log)
                .args(["-w", "-t", "120", "-o", &options, "start"]);
        })
        .map_err(|e| {
            let text = std::fs::read_to_string(&log).unwrap_or_default();
            let last = text.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("");
            format!(
                "the database in {} did not start: {e} {last}",
                cluster.pgdata.display()
            )
        })?;
        // Nothing half-starts: a cluster without its database is stopped again.
        if let Err(e) = cluster.create_database() {
            cluster.stop();
            return Err(e);
        }
        tracing::info!(data = %cluster.pgdata.display(), "own PostgreSQL cluster started");
        Ok(cluster)
    }

    /// The connection URL, through the socket.
    pub fn url(&self) -> String {
        self.url_of(DATABASE)
    }

    /// Stops the cluster (fast: open sessions are ended, everything committed is kept).
    pub fn stop(&self) {
        let stopped = run(self.user, &self.bin.join("pg_ctl"), |c| {
            c.arg("-D")
                .arg(&self.pgdata)
                .args(["-m", "fast", "-w", "-t", "60", "stop"]);
        });
        match stopped {
            Ok(()) => tracing::info!("own PostgreSQL cluster stopped"),
            Err(e) => tracing::error!(error = %e, "stopping the own PostgreSQL cluster"),
        }
    }

    /// Creates the cluster if there is none yet, and the socket's directory.
    fn prepare(&self) -> Result<(), String> {
        for dir in [&self.pgdata, &self.socket_dir] {
            if !dir.exists() {
                std::fs::create_dir(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
                std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
                    .map_err(|e| format!("{}: {e}", dir.display()))?;
                hand_to(dir, self.user)?;
            }
        }
        if !self.pgdata.join("PG_VERSION").exists() {
            // A half-made cluster (initdb killed) would make initdb refuse: start over.
            let entries = std::fs::read_dir(&self.pgdata)
                .map_err(|e| format!("{}: {e}", self.pgdata.display()))?;
            for entry in entries.flatten() {
                let path = entry.path();
                let removed = if path.is_dir() {
                    std::fs::remove_dir_all(&path)
                } else {
                    std::fs::remove_file(&path)
                };
                removed.map_err(|e| format!("clearing {}: {e}", path.display()))?;
            }
            tracing::info!(data = %self.pgdata.display(), "making the database cluster");
            initdb(&self.bin, self.user, &self.pgdata, &[])?;
        }
        Ok(())
    }

    /// As root, the cluster runs as `postgres`, which must be able to reach the directory
    /// (a data directory under /root is not).
    fn check_reachable(&self) -> Result<(), String> {
        let Some(user) = self.user else {
            return Ok(());
        };
        run(Some(user), Path::new("test"), |c| {
            c.arg("-w").arg(&self.pgdata);
        })
        .map_err(|_| {
            format!(
                "running as root, mailping runs its database as the `{user}` user, which \
                 cannot reach {}: set MAILPING_DATA_DIR to a directory it can reach \
                 (e.g. /var/lib/mailping)",
                self.pgdata.display()
            )
        })
    }

    /// A postmaster still running on this directory belongs to a `mailping` that was killed
    /// (this process holds the lock): stop it, so that the cluster starts with this
    /// process's settings and is stopped with it.
    fn stop_leftover(&self) {
        if !self.pgdata.join("postmaster.pid").exists() {
            return;
        }
        let running = run(self.user, &self.bin.join("pg_ctl"), |c| {
            c.arg("-D").arg(&self.pgdata).arg("status");
        })
        .is_ok();
        if running {
            tracing::warn!(
                "a postmaster left by a mailping that did not stop cleanly is running; stopping it"
            );
            self.stop();
        }
    }

    fn create_database(&self) -> Result<(), String> {
        use diesel::connection::SimpleConnection as _;
        use diesel_async::AsyncPgConnection;
        use diesel_async::async_connection_wrapper::AsyncConnectionWrapper;
        let url = self.url_of("postgres");
        let created =
            <AsyncConnectionWrapper<AsyncPgConnection> as diesel::Connection>::establish(&url)
                .map_err(|e| e.to_string())
                .and_then(|mut conn| {
                    conn.batch_execute(&format!("CREATE DATABASE {DATABASE}"))
                        .map_err(|e| e.to_string())
                });
        match created {
            Ok(()) => Ok(()),
            Err(e) if e.contains("already exists") => Ok(()),
            Err(e) => Err(format!("creating the {DATABASE} database: {e}")),
        }
    }

    /// The URL of `database`, through the socket: its directory as the host, percent-encoded,
    /// so that no TCP host is tried first.
    fn url_of(&self, database: &str) -> String {
        let host = self.socket_dir.display().to_string().replace('/', "%2F");
        format!("postgres://postgres@{host}/{database}")
    }
}

/// `mailping`'s data directory (database, certificate, spill), held for as long as the
/// process runs: `mailping.lock` in it stays locked, and the kernel releases it however the
/// process ends.
pub struct DataDir {
    path: PathBuf,
    lock: File,
}

impl DataDir {
    /// Creates the directory if need be and locks it; `Err` is one line: another `mailping`
    /// holds it, or it belongs to another user.
    pub fn take(data_dir: &Path) -> Result<DataDir, String> {
        let uid = current_uid()?;
        std::fs::create_dir_all(data_dir)
            .map_err(|e| format!("creating MAILPING_DATA_DIR {}: {e}", data_dir.display()))?;
        let path = data_dir
            .canonicalize()
            .map_err(|e| format!("MAILPING_DATA_DIR {}: {e}", data_dir.display()))?;
        let owner = std::fs::metadata(&path)
            .map_err(|e| format!("MAILPING_DATA_DIR {}: {e}", path.display()))?
            .uid();
        if uid != 0 && owner != uid {
            return Err(format!(
                "MAILPING_DATA_DIR {} belongs to uid {owner}, not to this user (uid {uid}): \
                 run mailping as its owner, or `chown -R {uid} {}`",
                path.display(),
                path.display()
            ));
        }
        let lock = lock(&path)?;
        Ok(DataDir { path, lock })
    }

    /// The directory, absolute.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Locks `data_dir/mailping.lock`, or says who holds it.
fn lock(data_dir: &Path) -> Result<File, String> {
    let path = data_dir.join("mailping.lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
        .map_err(|e| format!("opening {}: {e}", path.display()))?;
    match file.try_lock() {
        Ok(()) => {
            let _ = std::fs::write(&path, format!("{}\n", std::process::id()));
            Ok(file)
        }
        Err(std::fs::TryLockError::WouldBlock) => {
            let holder = std::fs::read_to_string(&path).unwrap_or_default();
            Err(format!(
                "another mailping (pid {}) is running on MAILPING_DATA_DIR {}",
                holder.trim(),
                data_dir.display()
            ))
        }
        Err(std::fs::TryLockError::Error(e)) => Err(format!("locking {}: {e}", path.display())),
    }
}
