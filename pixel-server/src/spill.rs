//! The spill directory: where the writer puts opens while the database cannot take them, so
//! that an outage followed by a crash loses at most the group being written, not the outage.
//!
//! Each outage appends to a file of its own, `spill-<time>-<uuid>.log`: one line per open,
//! written in groups, each group fsync'd before the writer takes the next. Once the database
//! answers again, the files are replayed oldest first, in chunks of `WRITE_BATCH_MAX`. Each
//! chunk is written in the same transaction that records how far the file has been replayed
//! (`spill_replays`), so a crash during replay repeats nothing and loses nothing: the next
//! start carries on from the recorded offset. A replayed file is deleted.
//!
//! A line is `1 <TAB> at (µs since 1970) <TAB> token <TAB> network <TAB> origin <TAB> user agent`,
//! with `-` for no origin or no User-Agent, and `\`, tab, CR and LF escaped in the
//! User-Agent. A line cut short by a crash, or one that cannot be read, is skipped and logged.
//!
//! A strict chat's fetch is classified before it is spilled and written as
//! `2 <TAB> at <TAB> token <TAB> kind <TAB> reason`: no network, no User-Agent
//! (docs/privacy.md).
//!
//! A `lock` file, held with an exclusive lock while the server runs, keeps two servers from
//! sharing a directory.

use std::collections::{HashSet, VecDeque};
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use mailping_shared::classifier::{Meaning, Network, Origin};
use mailping_shared::domain::Token;
use mailping_shared::schema::spill_replays;
use uuid::Uuid;

use crate::fetch::PendingFetch;

/// Bytes read from a file at a time during replay.
const READ_CHUNK: usize = 1 << 20;

/// Why the spill directory cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum SpillError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0} is in use by another pixel server (its lock file is held)")]
    Locked(PathBuf),
    #[error("spill directory is full ({used} of {max} bytes)")]
    Full { used: u64, max: u64 },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SpillError + '_ {
    move |source| SpillError::Io {
        path: path.to_owned(),
        source,
    }
}

/// The spill directory, locked for this process, with the files still to replay.
pub struct Spill {
    dir: PathBuf,
    _lock: File,
    max_bytes: u64,
    /// Files still to replay, oldest first; the last one is appended to during an outage.
    files: VecDeque<SpillFile>,
    /// Whether the last file is this process's, still being appended to.
    appending: bool,
}

/// One spill file and how far it has been replayed.
pub struct SpillFile {
    pub id: Uuid,
    path: PathBuf,
    len: u64,
    /// Where replay carries on: read from `spill_replays` before the first chunk.
    replayed_to: Option<u64>,
}

/// A chunk of a spill file read for replay: its opens and the offset after them.
pub struct Chunk {
    pub file: Uuid,
    pub fetches: Vec<PendingFetch>,
    pub end: u64,
    /// The chunk reaches the end of the file.
    pub last: bool,
}

impl Spill {
    /// Opens (creating it if needed) and locks the directory, and finds files left by an
    /// earlier run.
    pub fn open(dir: &Path, max_bytes: u64) -> Result<Spill, SpillError> {
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        let lock_path = dir.join("lock");
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io(&lock_path))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(SpillError::Locked(dir.to_owned()));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(io(&lock_path)(e)),
        }
        let mut found = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(io(dir))? {
            let entry = entry.map_err(io(dir))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(id) = name
                .strip_prefix("spill-")
                .and_then(|n| n.strip_suffix(".log"))
                .and_then(|n| n.split_once('-'))
                .and_then(|(_, id)| Uuid::try_parse(id).ok())
            else {
                continue;
            };
            let len = entry.metadata().map_err(io(&entry.path()))?.len();
            found.push((
                name,
                SpillFile {
                    id,
                    path: entry.path(),
                    len,
                    replayed_to: None,
                },
            ));
        }
        // The names start with the creation time, zero-padded: name order is age order.
        found.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Spill {
            dir: dir.to_owned(),
            _lock: lock,
            max_bytes,
            files: found.into_iter().map(|(_, f)| f).collect(),
            appending: false,
        })
    }

    /// Whether anything waits to be replayed.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Bytes in the files still to replay.
    pub fn bytes(&self) -> u64 {
        self.files.iter().map(|f| f.len).sum()
    }

    /// Appends `fetches` to the current outage's file and fsyncs it. On error nothing of
    /// them counts as spilled (a partial line is skipped on replay).
    pub fn append(&mut self, fetches: &[PendingFetch]) -> Result<(), SpillError> {
        let mut text = String::with_capacity(fetches.len() * 160);
        for fetch in fetches {
            encode(fetch, &mut text);
        }
        let used = self.bytes();
        if used + text.len() as u64 > self.max_bytes {
            return Err(SpillError::Full {
                used,
                max: self.max_bytes,
            });
        }
        if !self.appending {
            let now = Utc::now();
            let id = Uuid::new_v4();
            let path = self.dir.join(format!(
                "spill-{:020}-{id}.log",
                now.timestamp_micros().max(0)
            ));
            self.files.push_back(SpillFile {
                id,
                path,
                len: 0,
                replayed_to: Some(0),
            });
            self.appending = true;
        }
        let file = self.files.back_mut().expect("a file to append to");
        let mut out = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&file.path)
            .map_err(io(&file.path))?;
        let written = out
            .write_all(text.as_bytes())
            .and_then(|()| out.sync_data());
        if let Err(e) = written {
            // Cut off what may have been written, so the next group starts on a line of its own.
            let _ = out.set_len(file.len);
            return Err(io(&file.path)(e));
        }
        if file.len == 0 {
            // The file's name must be durable too.
            if let Ok(dir) = File::open(&self.dir) {
                let _ = dir.sync_all();
            }
        }
        file.len += text.len() as u64;
        Ok(())
    }

    /// The file replay carries on with, if any.
    pub fn next_file(&mut self) -> Option<&mut SpillFile> {
        self.files.front_mut()
    }

    /// Reads up to `max` opens of the oldest file from where its replay stands.
    pub fn read_chunk(&mut self, max: usize) -> Result<Option<Chunk>, SpillError> {
        let appending_this = self.appending && self.files.len() == 1;
        let Some(file) = self.files.front_mut() else {
            return Ok(None);
        };
        let start = file.replayed_to.unwrap_or(0);
        let mut fetches = Vec::new();
        let mut end = start;
        if start < file.len {
            let mut f = File::open(&file.path).map_err(io(&file.path))?;
            f.seek(SeekFrom::Start(start)).map_err(io(&file.path))?;
            let want = usize::try_from(file.len - start)
                .unwrap_or(usize::MAX)
                .min(READ_CHUNK);
            let mut buf = vec![0; want];
            f.read_exact(&mut buf).map_err(io(&file.path))?;
            let mut at = 0;
            while fetches.len() < max {
                let Some(nl) = buf[at..].iter().position(|b| *b == b'\n') else {
                    break;
                };
                let line = &buf[at..at + nl];
                match decode(line) {
                    Some(fetch) => fetches.push(fetch),
                    None => tracing::warn!(
                        file = %file.path.display(),
                        offset = start + at as u64,
                        "skipping a spilled open that cannot be read"
                    ),
                }
                at += nl + 1;
            }
            end = start + at as u64;
            if at == 0 && buf.len() == want && end < file.len && !appending_this {
                if want < READ_CHUNK {
                    // No newline before the end: a line cut short by a crash.
                    tracing::warn!(file = %file.path.display(), bytes = file.len - start, "skipping a spilled line cut short by a crash");
                    end = file.len;
                } else {
                    tracing::warn!(file = %file.path.display(), "skipping a spilled line longer than 1 MiB");
                    end = file.len;
                }
            }
        }
        Ok(Some(Chunk {
            file: file.id,
            fetches,
            end,
            last: end >= file.len,
        }))
    }

    /// Renames the oldest file to `*.unreadable` and stops replaying it: a file that cannot
    /// be read must not hold up every later write.
    pub fn set_aside_oldest(&mut self) {
        if let Some(file) = self.files.pop_front() {
            let aside = file.path.with_extension("unreadable");
            if let Err(e) = std::fs::rename(&file.path, &aside) {
                tracing::error!(error = %e, file = %file.path.display(), "cannot set a spill file aside");
            }
            if self.files.is_empty() {
                self.appending = false;
            }
        }
    }

    /// Notes that `chunk` is written (its offset committed with it). A file replayed to its
    /// end is deleted; the current outage's file too, so the next outage starts a new one.
    pub fn replayed(&mut self, chunk: &Chunk) -> Result<(), SpillError> {
        let Some(file) = self.files.front_mut() else {
            return Ok(());
        };
        if file.id != chunk.file {
            return Ok(());
        }
        file.replayed_to = Some(chunk.end);
        if chunk.end >= file.len {
            let path = file.path.clone();
            self.files.pop_front();
            if self.files.is_empty() {
                self.appending = false;
            }
            match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(&path)(e)),
                _ => {}
            }
        }
        Ok(())
    }
}

impl SpillFile {
    /// Whether the replay offset must still be read from `spill_replays`.
    pub fn needs_offset(&self) -> bool {
        self.replayed_to.is_none()
    }
    /// Where replay carries on, as `spill_replays` says.
    pub fn set_offset(&mut self, offset: u64) {
        self.replayed_to = Some(offset);
    }
    /// Forgets where replay stands, so that it is read from `spill_replays` again.
    pub fn forget_offset(&mut self) {
        self.replayed_to = None;
    }
}

/// The fetches of a replayed chunk that no open records yet. A batch whose commit was cut off
/// (the connection died between COMMIT and its answer, as when a primary is killed) is
/// spilled although it may have committed, and a failover carries it to the new primary, so
/// replaying it must not write it twice. A fetch is recorded when an open of its tracker has
/// its microsecond and its network: the same client at the same microsecond. Asked only of
/// replayed chunks, in one statement per chunk, on the `opens (tracker_id, opened_at)` index.
pub async fn not_yet_recorded(
    conn: &mut AsyncPgConnection,
    fetches: Vec<PendingFetch>,
) -> QueryResult<Vec<PendingFetch>> {
    use diesel::sql_types::{Array, BigInt, Cidr, Nullable, Timestamptz, Uuid as SqlUuid};
    #[derive(QueryableByName)]
    struct Recorded {
        #[diesel(sql_type = BigInt)]
        i: i64,
    }
    if fetches.is_empty() {
        return Ok(fetches);
    }
    let tokens: Vec<Token> = fetches.iter().map(|f| f.token).collect();
    let ats: Vec<DateTime<Utc>> = fetches.iter().map(|f| f.at).collect();
    // A classified fetch (a strict chat's) has no network, and neither has its open.
    let networks: Vec<Option<ipnet::IpNet>> = fetches
        .iter()
        .map(|f| f.verdict.is_none().then_some(f.network))
        .collect();
    let recorded: HashSet<i64> = diesel::sql_query(
        "SELECT f.i FROM unnest($1::uuid[], $2::timestamptz[], $3::cidr[])
             WITH ORDINALITY AS f(token, at, network, i)
         JOIN trackers t ON t.token = f.token
         WHERE EXISTS (SELECT 1 FROM opens o
                       WHERE o.tracker_id = t.id AND o.opened_at = f.at
                         AND (o.network = f.network OR o.network IS NULL))",
    )
    .bind::<Array<SqlUuid>, _>(&tokens)
    .bind::<Array<Timestamptz>, _>(&ats)
    .bind::<Array<Nullable<Cidr>>, _>(&networks)
    .load::<Recorded>(conn)
    .await?
    .into_iter()
    .map(|r| r.i)
    .collect();
    if !recorded.is_empty() {
        tracing::info!(
            already_recorded = recorded.len(),
            "left out replayed opens whose cut-off commit had gone through"
        );
    }
    Ok(fetches
        .into_iter()
        .zip(1..)
        .filter(|(_, i)| !recorded.contains(i))
        .map(|(f, _)| f)
        .collect())
}

/// How far a spill file has been replayed, as committed; 0 if it never was.
pub async fn replayed_to(conn: &mut AsyncPgConnection, file: Uuid) -> QueryResult<u64> {
    let to: Option<i64> = spill_replays::table
        .find(file)
        .select(spill_replays::replayed_to)
        .first(conn)
        .await
        .optional()?;
    Ok(to.map_or(0, |t| u64::try_from(t).unwrap_or(0)))
}

/// Records, inside the transaction that writes a chunk, how far its file is replayed.
pub async fn mark_replayed(conn: &mut AsyncPgConnection, file: Uuid, to: u64) -> QueryResult<()> {
    let to = i64::try_from(to).unwrap_or(i64::MAX);
    diesel::insert_into(spill_replays::table)
        .values((
            spill_replays::file_id.eq(file),
            spill_replays::replayed_to.eq(to),
        ))
        .on_conflict(spill_replays::file_id)
        .do_update()
        .set((
            spill_replays::replayed_to.eq(to),
            spill_replays::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await
        .map(drop)
}

fn encode(fetch: &PendingFetch, out: &mut String) {
    use std::fmt::Write as _;
    if let Some((kind, reason)) = fetch.verdict {
        let _ = writeln!(
            out,
            "2\t{}\t{}\t{kind}\t{reason}",
            fetch.at.timestamp_micros(),
            fetch.token,
        );
        return;
    }
    let _ = write!(
        out,
        "1\t{}\t{}\t{}\t",
        fetch.at.timestamp_micros(),
        fetch.token,
        fetch.network,
    );
    // A listed origin as `meaning:operator` (a meaning is one word without a colon).
    match fetch.origin {
        Origin::Unlisted => out.push('-'),
        Origin::Listed(n) => {
            let _ = write!(out, "{}:{}", n.meaning.as_str(), n.operator);
        }
    }
    out.push('\t');
    match &fetch.user_agent {
        None => out.push('-'),
        Some(ua) => {
            out.push('+');
            for c in ua.chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    '\t' => out.push_str("\\t"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    c => out.push(c),
                }
            }
        }
    }
    out.push('\n');
}

fn decode(line: &[u8]) -> Option<PendingFetch> {
    let line = std::str::from_utf8(line).ok()?;
    let mut fields = line.splitn(6, '\t');
    match fields.next()? {
        "1" => {}
        "2" => {
            let at = DateTime::<Utc>::from_timestamp_micros(fields.next()?.parse().ok()?)?;
            let token = Token::parse(fields.next()?)?;
            let kind = fields.next()?.parse().ok()?;
            let reason = fields.next()?.parse().ok()?;
            return Some(PendingFetch {
                token,
                at,
                user_agent: None,
                network: crate::fetch::no_network(),
                origin: Origin::Unlisted,
                verdict: Some((kind, reason)),
            });
        }
        _ => return None,
    }
    let at = DateTime::<Utc>::from_timestamp_micros(fields.next()?.parse().ok()?)?;
    let token = Token::parse(fields.next()?)?;
    let network = fields.next()?.parse().ok()?;
    let origin = match fields.next()? {
        "-" => Origin::Unlisted,
        listed => {
            let (meaning, operator) = listed.split_once(':')?;
            let meaning = Meaning::ALL.into_iter().find(|m| m.as_str() == meaning)?;
            intern(operator).map_or(Origin::Unlisted, |operator| {
                Origin::Listed(Network { operator, meaning })
            })
        }
    };
    let user_agent = match fields.next()? {
        "-" => None,
        ua => {
            let ua = ua.strip_prefix('+')?;
            let mut out = String::with_capacity(ua.len());
            let mut chars = ua.chars();
            while let Some(c) = chars.next() {
                if c == '\\' {
                    out.push(match chars.next()? {
                        '\\' => '\\',
                        't' => '\t',
                        'n' => '\n',
                        'r' => '\r',
                        _ => return None,
                    });
                } else {
                    out.push(c);
                }
            }
            Some(out.into_boxed_str())
        }
    };
    Some(PendingFetch {
        token,
        at,
        user_agent,
        network,
        origin,
        verdict: None,
    })
}

/// A mail service's name as the `&'static str` an `Origin` holds. The names come from the
/// classifier's network list, so there are a handful; more than 256 distinct ones in a spill
/// file means it was not written by MailPing, and the rest count as unlisted.
fn intern(name: &str) -> Option<&'static str> {
    static NAMES: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut names = NAMES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(known) = names.get(name) {
        return Some(known);
    }
    if names.len() >= 256 {
        return None;
    }
    let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
    names.insert(leaked);
    Some(leaked)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fetch(ua: Option<&str>, origin: Origin) -> PendingFetch {
        PendingFetch {
            token: Token::generate(),
            at: DateTime::<Utc>::from_timestamp_micros(1_700_000_000_123_456).unwrap(),
            user_agent: ua.map(Into::into),
            network: "2001:db8:1::/48".parse().unwrap(),
            origin,
            verdict: None,
        }
    }

    fn same(a: &PendingFetch, b: &PendingFetch) -> bool {
        a.token == b.token
            && a.at == b.at
            && a.user_agent == b.user_agent
            && a.network == b.network
            && a.origin == b.origin
            && a.verdict == b.verdict
    }

    #[test]
    fn lines_round_trip_whatever_the_user_agent_holds() {
        for f in [
            fetch(None, Origin::Unlisted),
            fetch(
                Some(""),
                Origin::Listed(Network {
                    operator: "Google",
                    meaning: Meaning::Prefetch,
                }),
            ),
            fetch(Some("a\tb\\n\nc\r\u{fffd}é"), Origin::Unlisted),
        ] {
            let mut line = String::new();
            encode(&f, &mut line);
            assert_eq!(line.matches('\n').count(), 1);
            let back = decode(line.trim_end_matches('\n').as_bytes()).expect("decodes");
            assert!(same(&f, &back), "{f:?} != {back:?}");
        }
        assert!(decode(b"2\tjunk").is_none());
        assert!(decode(b"3\t1").is_none());
    }

    #[test]
    fn a_classified_line_holds_no_network_or_user_agent_and_round_trips() {
        use mailping_shared::domain::{OpenKind, Reason};
        let f = PendingFetch {
            user_agent: None,
            network: crate::fetch::no_network(),
            origin: Origin::Unlisted,
            verdict: Some((OpenKind::Direct, Reason::ALL[0])),
            ..fetch(Some("Thunderbird/115"), Origin::Unlisted)
        };
        let mut line = String::new();
        encode(&f, &mut line);
        assert!(line.starts_with("2\t"), "{line}");
        assert!(
            !line.contains("2001:db8") && !line.contains("0.0.0.0"),
            "{line}"
        );
        let back = decode(line.trim_end_matches('\n').as_bytes()).expect("decodes");
        assert!(same(&f, &back), "{f:?} != {back:?}");
        assert!(decode(b"1\t1\tnot-a-token\t1.2.3.0/24\t-\t-").is_none());
    }

    #[test]
    fn appended_groups_are_read_back_in_order_and_a_torn_tail_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let fetches: Vec<PendingFetch> = (0..10)
            .map(|i| fetch(Some(&format!("UA {i}")), Origin::Unlisted))
            .collect();
        {
            let mut spill = Spill::open(dir.path(), 1 << 20).unwrap();
            spill.append(&fetches[..4]).unwrap();
            spill.append(&fetches[4..]).unwrap();
            assert!(
                matches!(Spill::open(dir.path(), 1 << 20), Err(SpillError::Locked(_))),
                "a second server cannot use the same directory"
            );
        }
        // A crash in the middle of a line.
        let file = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.to_string_lossy().ends_with(".log"))
            .unwrap();
        OpenOptions::new()
            .append(true)
            .open(&file)
            .unwrap()
            .write_all(b"1\t17000")
            .unwrap();
        let mut spill = Spill::open(dir.path(), 1 << 20).unwrap();
        assert!(!spill.is_empty());
        let first = spill.read_chunk(6).unwrap().unwrap();
        assert_eq!(first.fetches.len(), 6);
        assert!(!first.last);
        spill.replayed(&first).unwrap();
        let second = spill.read_chunk(100).unwrap().unwrap();
        assert_eq!(second.fetches.len(), 4);
        spill.replayed(&second).unwrap();
        let got: Vec<&PendingFetch> = first.fetches.iter().chain(&second.fetches).collect();
        assert!(got.iter().zip(&fetches).all(|(a, b)| same(a, b)));
        // The torn tail is all that is left, and it is skipped.
        let tail = spill.read_chunk(100).unwrap().unwrap();
        assert!(tail.fetches.is_empty() && tail.last);
        spill.replayed(&tail).unwrap();
        assert!(spill.is_empty());
        assert!(!file.exists(), "a replayed file is deleted");
    }

    #[test]
    fn a_full_spill_directory_refuses_the_group() {
        let dir = tempfile::tempdir().unwrap();
        let mut spill = Spill::open(dir.path(), 150).unwrap();
        let group: Vec<PendingFetch> = (0..3).map(|_| fetch(Some("x"), Origin::Unlisted)).collect();
        assert!(matches!(spill.append(&group), Err(SpillError::Full { .. })));
        assert!(spill.is_empty());
        spill.append(&group[..1]).unwrap();
        assert_eq!(spill.read_chunk(10).unwrap().unwrap().fetches.len(), 1);
    }
}
