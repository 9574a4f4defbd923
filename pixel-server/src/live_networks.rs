//! The listed networks of a running server, and their reload: when `NETWORKS_FILE` changes
//! (`networks update` renames a new file into place; editors save by renaming too) or the
//! process gets SIGHUP, the file is read again and the whole table swapped in at once.
//!
//! The table sits in an `ArcSwap`: a pixel request's lookup loads the current table without a
//! lock or a reference-count write, so a reload never slows the hot path, and a request holds
//! one table for its whole lookup even while another is swapped in. A file that no longer
//! loads keeps the table from before and says why in one warning.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use arc_swap::{ArcSwap, Guard};
use mailping_shared::classifier::{Networks, NetworksError};
use notify::{EventKind, RecursiveMode, Watcher};
use tokio::sync::mpsc;

/// Events for the file within this long of the first are one change (an editor's or a
/// rename's several events), read once.
const SETTLE: Duration = Duration::from_millis(200);

/// The networks a server looks client addresses up in: the built-in ones plus, if set, the
/// operator's file.
pub struct LiveNetworks {
    current: ArcSwap<Networks>,
    file: Option<PathBuf>,
}

impl LiveNetworks {
    /// The built-in networks and, if `file` is set, that file's; a file that does not load is
    /// an error naming it and, where there is one, the line.
    pub fn load(file: Option<&Path>) -> Result<LiveNetworks, NetworksError> {
        let table = match file {
            Some(path) => Networks::with_file(path)?,
            None => Networks::embedded_copy(),
        };
        Ok(LiveNetworks {
            current: ArcSwap::from_pointee(table),
            file: file.map(Path::to_path_buf),
        })
    }

    /// The table now, for one request's lookups.
    pub fn current(&self) -> Guard<Arc<Networks>> {
        self.current.load()
    }

    /// The operator's file, if one is set.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// Reads the operator's file again and swaps the new table in; on an error the table from
    /// before stays. Returns how many ranges the new table holds.
    pub fn reload(&self) -> Result<usize, NetworksError> {
        let Some(path) = &self.file else {
            return Ok(self.current().len());
        };
        let table = Networks::with_file(path)?;
        let ranges = table.len();
        self.current.store(Arc::new(table));
        Ok(ranges)
    }
}

/// Reloads `networks` whenever its file changes or SIGHUP arrives, until the task is aborted.
/// Without a file there is nothing to watch, and SIGHUP only says so.
pub async fn watch(networks: Arc<LiveNetworks>) {
    let (changed, mut changes) = mpsc::channel::<()>(16);
    // Held for as long as the task runs: dropping the watcher stops it.
    let _watcher = networks
        .file()
        .and_then(|path| watch_file(path, changed.clone()));
    let mut hangup = hangups();
    loop {
        let by_signal = tokio::select! {
            Some(()) = changes.recv() => false,
            Some(()) = recv(&mut hangup) => true,
            else => return,
        };
        if !by_signal {
            tokio::time::sleep(SETTLE).await;
            while changes.try_recv().is_ok() {}
        }
        let Some(file) = networks.file().map(|p| p.display().to_string()) else {
            tracing::info!("SIGHUP: no NETWORKS_FILE is set, so there is nothing to reload");
            continue;
        };
        let reloading = networks.clone();
        match tokio::task::spawn_blocking(move || reloading.reload()).await {
            Ok(Ok(ranges)) => tracing::info!(file, ranges, by_signal, "networks reloaded"),
            Ok(Err(e)) => tracing::warn!(
                file,
                "NETWORKS_FILE {e}; the networks loaded before stay in use"
            ),
            Err(e) => tracing::error!(file, error = %e, "reloading the networks panicked"),
        }
    }
}

/// Watches the file's directory, not the file: a file replaced by a rename is a new file,
/// which a watch on the old one would never see.
fn watch_file(path: &Path, changed: mpsc::Sender<()>) -> Option<notify::RecommendedWatcher> {
    let name = path.file_name()?.to_owned();
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let handler = move |event: notify::Result<notify::Event>| match event {
        Ok(event)
            if !matches!(event.kind, EventKind::Access(_))
                && event
                    .paths
                    .iter()
                    .any(|p| p.file_name() == Some(name.as_os_str())) =>
        {
            // A full channel already holds a pending reload.
            let _ = changed.try_send(());
        }
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "watching NETWORKS_FILE"),
    };
    let started = notify::recommended_watcher(handler)
        .and_then(|mut w| w.watch(&dir, RecursiveMode::NonRecursive).map(|()| w));
    match started {
        Ok(watcher) => Some(watcher),
        Err(e) => {
            tracing::warn!(
                dir = %dir.display(),
                error = %e,
                "cannot watch NETWORKS_FILE's directory; send SIGHUP to reload it"
            );
            None
        }
    }
}

#[cfg(unix)]
type Hangups = Option<tokio::signal::unix::Signal>;
#[cfg(not(unix))]
type Hangups = Option<()>;

#[cfg(unix)]
fn hangups() -> Hangups {
    use tokio::signal::unix::{SignalKind, signal};
    signal(SignalKind::hangup())
        .inspect_err(|e| tracing::warn!(error = %e, "cannot listen for SIGHUP"))
        .ok()
}

#[cfg(not(unix))]
fn hangups() -> Hangups {
    None
}

/// The next SIGHUP; never, where there is no listener.
async fn recv(hangup: &mut Hangups) -> Option<()> {
    #[cfg(unix)]
    if let Some(signal) = hangup {
        return signal.recv().await;
    }
    let _ = hangup;
    std::future::pending().await
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "range\toperator\tmeaning\tsource\n";

    fn operator(live: &LiveNetworks, address: &str) -> Option<&'static str> {
        live.current()
            .lookup(address.parse().unwrap())
            .map(|n| n.operator)
    }

    #[test]
    fn a_reload_swaps_the_table_and_a_bad_file_keeps_the_one_before() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("networks.tsv");
        std::fs::write(&path, format!("{HEAD}198.51.100.0/24\tFirst\thosting\ts\n")).unwrap();
        let live = LiveNetworks::load(Some(&path)).unwrap();
        assert_eq!(operator(&live, "198.51.100.7"), Some("First"));

        std::fs::write(
            &path,
            format!("{HEAD}198.51.100.0/24\tSecond\thosting\ts\n"),
        )
        .unwrap();
        assert_eq!(live.reload().unwrap(), Networks::embedded().len() + 1);
        assert_eq!(operator(&live, "198.51.100.7"), Some("Second"));

        std::fs::write(&path, format!("{HEAD}198.51.100.0/33\tThird\thosting\ts\n")).unwrap();
        let err = live.reload().unwrap_err().to_string();
        assert!(err.contains("line 2"), "{err}");
        assert_eq!(operator(&live, "198.51.100.7"), Some("Second"));
        // The built-in networks are there all along.
        assert_eq!(operator(&live, "66.249.84.21"), Some("Gmail"));
    }
}
