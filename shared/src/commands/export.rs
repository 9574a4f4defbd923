//! `/export`: every recorded fetch as CSV (RFC 4180, UTF-8), and a second file listing the
//! trackers. Rows are streamed from the database into a temporary file in chunks, never
//! held whole; a file over the platform's upload limit is gzipped, and the message says so.

use std::borrow::Cow;
use std::io::Write;
use std::path::Path;

use chrono::{DateTime, SecondsFormat, Utc};
use chrono_tz::Tz;
use futures_util::TryStreamExt;
use tokio::io::AsyncWriteExt;

use super::stats::no_fetches;
use super::{Attachment, Chat, Commands, Outcome, Reply, TempFile, parse_number, words};
use crate::errors::DbError;
use crate::models::account::{Account, Platform};
use crate::models::stats::{self, ExportedOpen, ExportedTracker};
use crate::models::tracker;

/// Telegram's Bot API takes documents of up to 50 MB from bots.
pub const UPLOAD_LIMIT_TELEGRAM: u64 = 50 * 1000 * 1000;
/// Discord's upload limit without server boosts (10 MiB since late 2024, 25 MiB before); an
/// ephemeral reply belongs to no boosted server, so the default is the one that applies.
pub const UPLOAD_LIMIT_DISCORD: u64 = 10 * 1024 * 1024;

/// The largest file a platform takes from a bot.
pub fn upload_limit(platform: Platform) -> u64 {
    match platform {
        Platform::Telegram => UPLOAD_LIMIT_TELEGRAM,
        Platform::Discord => UPLOAD_LIMIT_DISCORD,
    }
}

/// Rows written to the CSV writer before its buffer goes to the file.
const CHUNK_ROWS: usize = 2_000;

const OPENS_HEADER: [&str; 8] = [
    "tracker",
    "label",
    "time_utc",
    "time_local",
    "kind",
    "counts_as_read",
    "client",
    "reason",
];

const TRACKERS_HEADER: [&str; 7] = [
    "tracker",
    "label",
    "created_utc",
    "muted",
    "reads",
    "first_read_utc",
    "last_read_utc",
];

/// Why an export could not be written (a full disk, say); the user hears "something went wrong".
#[derive(Debug, thiserror::Error)]
enum ExportError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("writing the export file: {0}")]
    Io(#[from] std::io::Error),
    #[error("writing CSV: {0}")]
    Csv(#[from] csv::Error),
}

impl From<diesel::result::Error> for ExportError {
    fn from(e: diesel::result::Error) -> Self {
        ExportError::Db(e.into())
    }
}

/// A finished file: its name and whether it had to be compressed.
struct Written {
    filename: String,
    file: TempFile,
    size: u64,
    compressed: bool,
}

impl Commands {
    pub(super) async fn export(&self, chat: &Chat, account: &Account, arg: &str) -> Outcome {
        let number = match arg.trim() {
            "" => None,
            raw => match parse_number(raw, "export") {
                Ok(n) => Some(n),
                Err(reply) => return Ok(reply),
            },
        };
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        if let Some(n) = number {
            let Some(t) = tracker::find_by_number(&mut conn, account.id, n).await? else {
                return Ok(words::no_such_tracker(n));
            };
            if !stats::has_opens(&mut conn, account.id, Some(n)).await? {
                return Ok(no_fetches(t.number, &t.label, "export"));
            }
        } else if !stats::has_opens(&mut conn, account.id, None).await? {
            return Ok(nothing_to_export());
        }
        drop(conn);
        let limit = upload_limit(chat.platform);
        match self.write_export(account, number, limit).await {
            Ok((opens, trackers)) => Ok(export_reply(number, opens, trackers, limit)),
            Err(ExportError::Db(e)) => Err(e.into()),
            Err(e) => {
                tracing::error!(error = %e, "could not write an export");
                Ok(words::something_went_wrong())
            }
        }
    }

    async fn write_export(
        &self,
        account: &Account,
        number: Option<i32>,
        limit: u64,
    ) -> Result<(Written, Written), ExportError> {
        let tz = account.tz();
        let suffix = number.map_or(String::new(), |n| format!("-{n}"));
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        let (file, path) = temp_file()?;
        let mut out = tokio::fs::File::from_std(file);
        let mut csv = writer(Vec::with_capacity(256 * 1024));
        csv.write_record(OPENS_HEADER)?;
        {
            let mut rows = stats::export_opens(&mut conn, account.id, number).await?;
            let mut in_chunk = 0;
            while let Some(row) = rows.try_next().await? {
                csv.write_record(open_record(&row, tz))?;
                in_chunk += 1;
                if in_chunk == CHUNK_ROWS {
                    csv = drain(csv, &mut out).await?;
                    in_chunk = 0;
                }
            }
        }
        drain(csv, &mut out).await?;
        out.shutdown().await?;
        let opens = finish(format!("mailping-opens{suffix}.csv"), path, limit).await?;

        let trackers = stats::export_trackers(&mut conn, account.id, number).await?;
        drop(conn);
        let (file, path) = temp_file()?;
        let mut out = tokio::fs::File::from_std(file);
        let mut csv = writer(Vec::new());
        csv.write_record(TRACKERS_HEADER)?;
        for t in &trackers {
            csv.write_record(tracker_record(t))?;
        }
        drain(csv, &mut out).await?;
        out.shutdown().await?;
        let trackers = finish(format!("mailping-trackers{suffix}.csv"), path, limit).await?;
        Ok((opens, trackers))
    }
}

fn temp_file() -> std::io::Result<(std::fs::File, tempfile::TempPath)> {
    Ok(tempfile::Builder::new()
        .prefix("mailping-export-")
        .suffix(".csv")
        .tempfile()?
        .into_parts())
}

fn writer(buffer: Vec<u8>) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new().from_writer(buffer)
}

/// Moves what the CSV writer holds to the file, and hands back a writer with an empty buffer
/// (csv's writer lends no `&mut` to what it writes into).
async fn drain(
    csv: csv::Writer<Vec<u8>>,
    out: &mut tokio::fs::File,
) -> Result<csv::Writer<Vec<u8>>, ExportError> {
    let mut buffer = csv.into_inner().map_err(|e| e.into_error())?;
    out.write_all(&buffer).await?;
    buffer.clear();
    Ok(writer(buffer))
}

/// Keeps the file as it is if the platform takes it, else gzips it.
async fn finish(
    filename: String,
    path: tempfile::TempPath,
    limit: u64,
) -> Result<Written, ExportError> {
    let size = tokio::fs::metadata(&path).await?.len();
    if size <= limit {
        return Ok(Written {
            filename,
            file: TempFile::new(path),
            size,
            compressed: false,
        });
    }
    let (gz, gz_path) = tempfile::Builder::new()
        .prefix("mailping-export-")
        .suffix(".csv.gz")
        .tempfile()?
        .into_parts();
    let source = path.to_path_buf();
    // flate2 is blocking; a large file must not stall the runtime's workers.
    let size = tokio::task::spawn_blocking(move || gzip(&source, gz))
        .await
        .map_err(std::io::Error::other)??;
    drop(path);
    Ok(Written {
        filename: format!("{filename}.gz"),
        file: TempFile::new(gz_path),
        size,
        compressed: true,
    })
}

fn gzip(source: &Path, target: std::fs::File) -> std::io::Result<u64> {
    let mut input = std::io::BufReader::new(std::fs::File::open(source)?);
    let mut encoder = flate2::write::GzEncoder::new(
        std::io::BufWriter::new(target),
        // The default level: `best` measured no smaller on a 1,000,000-row export, and slower.
        flate2::Compression::default(),
    );
    std::io::copy(&mut input, &mut encoder)?;
    let mut out = encoder.finish()?;
    out.flush()?;
    out.get_ref().metadata().map(|m| m.len())
}

/// Whole seconds: what a person or a spreadsheet needs (1,000,000 opens gzip to 10.6 MB this
/// way, 10.7 MB with microseconds).
fn utc(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn local(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz)
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn open_record(o: &ExportedOpen, tz: Tz) -> [String; 8] {
    [
        o.number.to_string(),
        neutralise(&o.label).into_owned(),
        utc(o.opened_at),
        local(o.opened_at, tz),
        o.kind.as_str().to_owned(),
        o.is_read.to_string(),
        neutralise(&o.client).into_owned(),
        o.reason.as_str().to_owned(),
    ]
}

fn tracker_record(t: &ExportedTracker) -> [String; 7] {
    [
        t.number.to_string(),
        neutralise(&t.label).into_owned(),
        utc(t.created_at),
        t.muted.to_string(),
        t.reads.to_string(),
        t.first_read_at.map(utc).unwrap_or_default(),
        t.last_read_at.map(utc).unwrap_or_default(),
    ]
}

/// A cell a spreadsheet would run as a formula (`=HYPERLINK(..)`, `+`, `-`, `@`, or a tab or
/// carriage return before one) gets a leading `'`, so it shows as text and runs nothing.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

fn nothing_to_export() -> Reply {
    Reply::new()
        .plain("📭 Nothing to export yet: none of your trackers has recorded a fetch. ")
        .code("/opens")
        .plain(" lists them.")
}

fn export_reply(number: Option<i32>, opens: Written, trackers: Written, limit: u64) -> Reply {
    let too_big = [&opens, &trackers].into_iter().find(|w| w.size > limit);
    if let Some(w) = too_big {
        tracing::warn!(
            file = %w.filename,
            size = w.size,
            limit,
            "export too large to upload even compressed"
        );
        return Reply::new()
            .plain(format!(
                "⚠️ This export is too large to send here even compressed ({} MB, the limit is {} MB). Try one tracker at a time, e.g. ",
                w.size / 1_000_000,
                limit / 1_000_000
            ))
            .code("/export 3")
            .plain(".");
    }
    let what = match number {
        Some(n) => format!("tracker #{n}'s recorded fetches"),
        None => "every recorded fetch".to_owned(),
    };
    let mut reply = Reply::new().plain(format!(
        "📤 Your export: {what} (one row each, times in UTC and in your timezone), and a second file listing the trackers."
    ));
    if opens.compressed || trackers.compressed {
        reply = reply.plain(format!(
            " Compressed as .csv.gz to fit the {} MB upload limit; unzip it before opening.",
            limit / 1_000_000
        ));
    }
    reply
        .attach(Attachment::document(opens.filename, opens.file))
        .attach(Attachment::document(trackers.filename, trackers.file))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_looking_cells_are_neutralised() {
        for risky in ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\t=1", "\r=1"] {
            assert_eq!(neutralise(risky), format!("'{risky}"));
        }
        for safe in ["Proposal", "", "a=b", " =1", "'quoted"] {
            assert_eq!(neutralise(safe), safe);
        }
    }

    fn file_with(text: &str) -> tempfile::TempPath {
        let (mut file, path) = temp_file().unwrap();
        file.write_all(text.as_bytes()).unwrap();
        path
    }

    #[tokio::test]
    async fn a_file_over_the_limit_is_gzipped_and_the_message_says_so() {
        use std::io::Read;
        let csv: String = (0..50_000).map(|i| format!("{i},row,direct\r\n")).collect();
        let limit = 500_000;
        assert!(csv.len() as u64 > limit);

        let kept = finish("t.csv".into(), file_with("a,b\r\n"), limit)
            .await
            .unwrap();
        assert_eq!((kept.filename.as_str(), kept.compressed), ("t.csv", false));

        let path = file_with(&csv);
        let old = path.to_path_buf();
        let gz = finish("a.csv".into(), path, limit).await.unwrap();
        assert_eq!(gz.filename, "a.csv.gz");
        assert!(gz.compressed && gz.size <= limit);
        assert!(!old.exists(), "the uncompressed file is deleted");
        let mut back = String::new();
        flate2::read::GzDecoder::new(std::fs::File::open(gz.file.path()).unwrap())
            .read_to_string(&mut back)
            .unwrap();
        assert_eq!(back, csv);

        let reply = export_reply(None, gz, kept, limit);
        assert_eq!(reply.attachments.len(), 2);
        assert!(reply.plain_text().contains("Compressed as .csv.gz"));

        let huge = finish("h.csv".into(), file_with(&csv), 1_000)
            .await
            .unwrap();
        let tiny = finish("t.csv".into(), file_with("a\r\n"), 1_000)
            .await
            .unwrap();
        let reply = export_reply(None, huge, tiny, 1_000);
        assert!(reply.attachments.is_empty());
        assert!(reply.plain_text().contains("too large"));
    }

    #[test]
    fn limits_are_per_platform() {
        assert!(upload_limit(Platform::Discord) < upload_limit(Platform::Telegram));
    }
}
