//! `/export`: every recorded fetch as CSV (RFC 4180, UTF-8), and a second file listing the
//! trackers. Rows are streamed from the database to a blocking writer thread in chunks, never
//! held whole. A file that fits the platform's upload limit goes as it is; one that does not is
//! gzipped, and if even that is too big, split into gzipped parts that each fit, every part a
//! complete CSV with the header. The message says which.

use std::borrow::Cow;
use std::fs::File;
use std::io::{BufWriter, Write};

use chrono::{DateTime, SecondsFormat, Utc};
use chrono_tz::Tz;
use futures_util::{Stream, StreamExt, TryStreamExt};
use tempfile::TempPath;

use super::command::Chat;
use super::context::{Commands, Outcome, parse_number};
use super::reply::{Attachment, Reply, TempFile};
use super::stats::no_fetches;
use super::words;
use crate::errors::DbError;
use crate::i18n::{Args, Lang};
use crate::models::account::Account;
use crate::models::stats::{self, ExportedOpen, ExportedTracker};
use crate::models::tracker;

/// What the files of one message may add up to under an upload limit: the limit less 1/64,
/// left for the message's text and the multipart framing of the request.
pub fn files_budget(limit: u64) -> u64 {
    limit - limit / 64
}

/// Rows encoded before they are handed to the writer thread as one chunk.
const CHUNK_ROWS: usize = 2_000;
/// Chunks in flight between the database stream and the writer thread.
const CHUNKS_IN_FLIGHT: usize = 4;

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
    /// A single row that does not fit the limit even compressed: only a limit set absurdly low.
    #[error("one CSV row does not fit the upload budget of {budget} bytes")]
    RowTooLarge { budget: u64 },
}

impl From<diesel::result::Error> for ExportError {
    fn from(e: diesel::result::Error) -> Self {
        ExportError::Db(e.into())
    }
}

/// One CSV as it will be sent: the plain file, or gzipped parts.
#[derive(Debug)]
struct Files {
    parts: Vec<(TempPath, u64)>,
    compressed: bool,
}

impl Files {
    /// Attachments named after `stem`: `stem.csv`, `stem.csv.gz`, or `stem-2-of-3.csv.gz`.
    fn attachments(self, stem: &str) -> Vec<Attachment> {
        let n = self.parts.len();
        self.parts
            .into_iter()
            .enumerate()
            .map(|(i, (path, _))| {
                let name = match (self.compressed, n) {
                    (false, _) => format!("{stem}.csv"),
                    (true, 1) => format!("{stem}.csv.gz"),
                    (true, _) => format!("{stem}-{}-of-{n}.csv.gz", i + 1),
                };
                Attachment::document(name, TempFile::new(path))
            })
            .collect()
    }
}

impl Commands {
    pub(super) async fn export(&self, chat: &Chat, account: &Account, arg: &str) -> Outcome {
        let l = account.lang();
        let number = match arg.trim() {
            "" => None,
            raw => match parse_number(l, raw, "export") {
                Ok(n) => Some(n),
                Err(reply) => return Ok(reply),
            },
        };
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        if let Some(n) = number {
            let Some(t) = tracker::find_by_number(&mut conn, account.id, n).await? else {
                return Ok(words::no_such_tracker(l, n));
            };
            if !stats::has_opens(&mut conn, account.id, Some(n)).await? {
                return Ok(no_fetches(l, t.number, &t.label, "export-no-fetches"));
            }
        } else if !stats::has_opens(&mut conn, account.id, None).await? {
            return Ok(l.say("export-nothing"));
        }
        drop(conn);
        let limit = self.upload_limit(chat.platform);
        match self
            .write_export(account, number, files_budget(limit))
            .await
        {
            Ok((opens, trackers)) => {
                let reply = export_reply(l, number, opens, trackers, limit);
                // What strict mode does not keep is missing from the CSV: say so.
                let strict = account.privacy_mode(self.privacy.privacy_default)
                    == crate::domain::PrivacyMode::Strict;
                Ok(if strict {
                    reply.plain(format!("\n{}", super::privacy_words::export_strict_note(l)))
                } else {
                    reply
                })
            }
            Err(ExportError::Db(e)) => Err(e.into()),
            Err(e @ ExportError::RowTooLarge { .. }) => {
                tracing::warn!(error = %e, limit, "export does not fit the upload limit");
                Ok(l.reply(
                    "export-too-large",
                    &Args::new().text("limit", size_words(l, limit)),
                ))
            }
            Err(e) => {
                tracing::error!(error = %e, "could not write an export");
                Ok(words::something_went_wrong(l))
            }
        }
    }

    async fn write_export(
        &self,
        account: &Account,
        number: Option<i32>,
        budget: u64,
    ) -> Result<(Files, Files), ExportError> {
        let tz = account.tz();
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        let opens = {
            let rows = stats::export_opens(&mut conn, account.id, number).await?;
            let records =
                rows.map(|row| row.map(|o| open_record(&o, tz)).map_err(ExportError::from));
            write_csv(&OPENS_HEADER, records, budget).await?
        };
        let trackers = stats::export_trackers(&mut conn, account.id, number).await?;
        drop(conn);
        let records = futures_util::stream::iter(trackers.iter().map(|t| Ok(tracker_record(t))));
        let trackers = write_csv(&TRACKERS_HEADER, records, budget).await?;
        Ok((opens, trackers))
    }
}

/// Encoded CSV records and the offset where each ends: what the writer thread is handed.
struct Chunk {
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

/// Writes `header` and `records` as files within `budget` bytes each: the encoding happens
/// here, as the rows arrive; the writing and compressing on a blocking thread.
async fn write_csv<R>(
    header: &[&str],
    records: impl Stream<Item = Result<R, ExportError>>,
    budget: u64,
) -> Result<Files, ExportError>
where
    R: IntoIterator,
    R::Item: AsRef<[u8]>,
{
    let mut csv = writer(Vec::new());
    csv.write_record(header)?;
    let (header, _) = take(csv)?;
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Chunk>(CHUNKS_IN_FLIGHT);
    let thread = tokio::task::spawn_blocking(move || {
        let mut out = SplitWriter::new(budget, header)?;
        while let Some(chunk) = rx.blocking_recv() {
            out.write(&chunk)?;
        }
        out.finish()
    });
    let fed = feed(records, tx).await;
    let written = thread.await.map_err(std::io::Error::other)?;
    // A database error ends the feed early: what was written is dropped (and deleted).
    fed?;
    written
}

/// Encodes records into chunks and sends them to the writer thread, until the records end or
/// the thread stops (its error is the one reported).
async fn feed<R>(
    records: impl Stream<Item = Result<R, ExportError>>,
    tx: tokio::sync::mpsc::Sender<Chunk>,
) -> Result<(), ExportError>
where
    R: IntoIterator,
    R::Item: AsRef<[u8]>,
{
    let mut records = std::pin::pin!(records);
    let mut csv = writer(Vec::with_capacity(256 * 1024));
    let mut ends = Vec::with_capacity(CHUNK_ROWS);
    while let Some(record) = records.try_next().await? {
        csv.write_record(record)?;
        // Moves the writer's own buffer into the Vec, so the Vec's length is the record's end.
        csv.flush()?;
        ends.push(csv.get_ref().len());
        if ends.len() == CHUNK_ROWS {
            let (bytes, next) = take(csv)?;
            csv = next;
            let chunk = Chunk {
                bytes,
                ends: std::mem::replace(&mut ends, Vec::with_capacity(CHUNK_ROWS)),
            };
            if tx.send(chunk).await.is_err() {
                return Ok(());
            }
        }
    }
    if !ends.is_empty() {
        let (bytes, _) = take(csv)?;
        let _ = tx.send(Chunk { bytes, ends }).await;
    }
    Ok(())
}

fn writer(buffer: Vec<u8>) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new().from_writer(buffer)
}

/// What the CSV writer holds, and a writer with a new buffer (csv's writer lends no `&mut`
/// to what it writes into).
fn take(csv: csv::Writer<Vec<u8>>) -> Result<(Vec<u8>, csv::Writer<Vec<u8>>), ExportError> {
    let bytes = csv.into_inner().map_err(|e| e.into_error())?;
    let next = writer(Vec::with_capacity(bytes.capacity()));
    Ok((bytes, next))
}

fn temp_file(suffix: &str) -> std::io::Result<(File, TempPath)> {
    Ok(tempfile::Builder::new()
        .prefix("mailping-export-")
        .suffix(suffix)
        .tempfile()?
        .into_parts())
}

/// The most input that surely compresses into `room` bytes. The ceiling assumed for `n` bytes
/// of input is `n + n/32 + 64`, with room for the gzip trailer and the final block: deflate
/// falls back to stored blocks (5 bytes per 64 KiB) on data it cannot shrink, so this is
/// generous, and a part that came out bigger anyway is an error, never sent.
fn deflate_input_room(room: u64) -> u64 {
    room.saturating_sub(64) * 32 / 33
}

/// Writes one CSV on a blocking thread: plain while it fits the budget, and gzipped at the
/// same time into parts that each fit it (each a complete CSV with the header). A part is
/// closed when the next record might not fit: the encoder is sync-flushed so its output is
/// exact, and the worst case of what is still buffered is counted (`deflate_input_room`).
struct SplitWriter {
    budget: u64,
    header: Vec<u8>,
    plain: Option<Plain>,
    parts: Vec<(TempPath, u64)>,
    part: Option<GzPart>,
}

struct Plain {
    out: BufWriter<File>,
    path: TempPath,
    size: u64,
}

struct GzPart {
    encoder: flate2::write::GzEncoder<Counting<BufWriter<File>>>,
    path: TempPath,
    /// Input given to the encoder since it last flushed: not yet counted in its output.
    pending: u64,
    rows: usize,
}

/// Counts the bytes written through it.
struct Counting<W> {
    inner: W,
    written: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

impl GzPart {
    fn new(header: &[u8]) -> std::io::Result<GzPart> {
        let (file, path) = temp_file(".csv.gz")?;
        let out = Counting {
            inner: BufWriter::new(file),
            written: 0,
        };
        // The default level: `best` measured no smaller on a 1,000,000-row export, and slower.
        let mut encoder = flate2::write::GzEncoder::new(out, flate2::Compression::default());
        encoder.write_all(header)?;
        Ok(GzPart {
            encoder,
            path,
            pending: header.len() as u64,
            rows: 0,
        })
    }

    /// How many more input bytes surely fit in `budget` without a flush.
    fn room(&self, budget: u64) -> u64 {
        let left = budget.saturating_sub(self.encoder.get_ref().written);
        deflate_input_room(left).saturating_sub(self.pending)
    }

    fn write(&mut self, records: &[u8], rows: usize) -> std::io::Result<()> {
        self.encoder.write_all(records)?;
        self.pending += records.len() as u64;
        self.rows += rows;
        Ok(())
    }

    /// Makes the output exact (a sync flush), so the room left is known.
    fn flush(&mut self) -> std::io::Result<()> {
        self.encoder.flush()?;
        self.pending = 0;
        Ok(())
    }

    fn finish(self, budget: u64) -> std::io::Result<(TempPath, u64)> {
        let out = self.encoder.finish()?;
        let size = out.written;
        out.inner.into_inner().map_err(|e| e.into_error())?;
        if size > budget {
            return Err(std::io::Error::other(format!(
                "a compressed part came to {size} bytes, over the budget of {budget}"
            )));
        }
        Ok((self.path, size))
    }
}

impl SplitWriter {
    fn new(budget: u64, header: Vec<u8>) -> std::io::Result<SplitWriter> {
        let plain = if header.len() as u64 <= budget {
            let (file, path) = temp_file(".csv")?;
            let mut out = BufWriter::new(file);
            out.write_all(&header)?;
            Some(Plain {
                out,
                path,
                size: header.len() as u64,
            })
        } else {
            None
        };
        Ok(SplitWriter {
            budget,
            header,
            plain,
            parts: Vec::new(),
            part: None,
        })
    }

    fn write(&mut self, chunk: &Chunk) -> Result<(), ExportError> {
        if let Some(plain) = &mut self.plain {
            let len = chunk.bytes.len() as u64;
            if plain.size + len <= self.budget {
                plain.out.write_all(&chunk.bytes)?;
                plain.size += len;
            } else {
                // Too big to go plain: deleted, the gzipped parts carry on alone.
                self.plain = None;
            }
        }
        let (mut start, mut i) = (0, 0);
        while i < chunk.ends.len() {
            let part = match &mut self.part {
                Some(part) => part,
                None => self.part.insert(GzPart::new(&self.header)?),
            };
            // The records from i on that surely fit as things stand go in one write.
            let room = part.room(self.budget) as usize;
            let fitting = chunk.ends[i..]
                .iter()
                .take_while(|&&end| end - start <= room)
                .count();
            if fitting > 0 {
                let end = chunk.ends[i + fitting - 1];
                part.write(&chunk.bytes[start..end], fitting)?;
                (start, i) = (end, i + fitting);
            } else if part.pending > 0 {
                part.flush()?;
            } else if part.rows == 0 {
                return Err(ExportError::RowTooLarge {
                    budget: self.budget,
                });
            } else {
                self.close_part()?;
            }
        }
        Ok(())
    }

    fn close_part(&mut self) -> std::io::Result<()> {
        if let Some(part) = self.part.take() {
            self.parts.push(part.finish(self.budget)?);
        }
        Ok(())
    }

    fn finish(mut self) -> Result<Files, ExportError> {
        if let Some(mut plain) = self.plain.take() {
            plain.out.flush()?;
            return Ok(Files {
                parts: vec![(plain.path, plain.size)],
                compressed: false,
            });
        }
        if self.part.is_none() && self.parts.is_empty() {
            // No record at all, and the header alone is over the budget.
            return Err(ExportError::RowTooLarge {
                budget: self.budget,
            });
        }
        self.close_part()?;
        Ok(Files {
            parts: self.parts,
            compressed: true,
        })
    }
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

/// A size as people read it, in the unit the platform states its limit in: "10 MiB",
/// "50 MB", "4 KB".
fn size_words(l: Lang, bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    let (key, count) = match bytes {
        b if b >= MIB && b % MIB == 0 => ("size-mib", (b / MIB) as f64),
        b if b >= 1_000_000 => ("size-mb", (b as f64 / 1e6 * 10.0).round() / 10.0),
        b => ("size-kb", (b / 1000) as f64),
    };
    l.text(key, &Args::new().number("count", count))
}

fn export_reply(l: Lang, number: Option<i32>, opens: Files, trackers: Files, limit: u64) -> Reply {
    let mut reply = match number {
        Some(n) => l.reply("export-tracker", &Args::new().id("number", n)),
        None => l.say("export-all"),
    };
    if opens.parts.len() > 1 || trackers.parts.len() > 1 {
        reply = reply.plain(" ").then(
            l.reply(
                "export-parts",
                &Args::new()
                    .text("limit", size_words(l, limit))
                    .number("fetches", opens.parts.len() as f64)
                    .number("trackers", trackers.parts.len() as f64),
            ),
        );
    } else if opens.compressed || trackers.compressed {
        reply = reply.plain(" ").then(l.reply(
            "export-compressed",
            &Args::new().text("limit", size_words(l, limit)),
        ));
    }
    let suffix = number.map_or(String::new(), |n| format!("-{n}"));
    for attachment in opens
        .attachments(&format!("mailping-opens{suffix}"))
        .into_iter()
        .chain(trackers.attachments(&format!("mailping-trackers{suffix}")))
    {
        reply = reply.attach(attachment);
    }
    reply
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::context::{UPLOAD_LIMIT_DISCORD, UPLOAD_LIMIT_TELEGRAM, UploadLimits};
    use crate::models::account::Platform;

    #[test]
    fn formula_looking_cells_are_neutralised() {
        for risky in ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\t=1", "\r=1"] {
            assert_eq!(neutralise(risky), format!("'{risky}"));
        }
        for safe in ["Proposal", "", "a=b", " =1", "'quoted"] {
            assert_eq!(neutralise(safe), safe);
        }
    }

    /// Rows of three cells; `noisy` ones barely compress.
    fn rows(n: usize, noisy: bool) -> Vec<[String; 3]> {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        (0..n)
            .map(|i| {
                let cell = if noisy {
                    (0..4)
                        .map(|_| {
                            x ^= x << 13;
                            x ^= x >> 7;
                            x ^= x << 17;
                            format!("{x:016x}")
                        })
                        .collect()
                } else {
                    "Gmail".to_owned()
                };
                [i.to_string(), format!("label \"{i}\", with a comma"), cell]
            })
            .collect()
    }

    async fn write(rows: &[[String; 3]], budget: u64) -> Result<Files, ExportError> {
        let records = futures_util::stream::iter(rows.iter().cloned().map(Ok));
        write_csv(&["n", "label", "cell"], records, budget).await
    }

    fn csv_of(rows: &[[String; 3]]) -> String {
        let mut csv = writer(Vec::new());
        csv.write_record(["n", "label", "cell"]).unwrap();
        for r in rows {
            csv.write_record(r).unwrap();
        }
        String::from_utf8(csv.into_inner().unwrap()).unwrap()
    }

    fn read(path: &std::path::Path, compressed: bool) -> String {
        use std::io::Read;
        let mut text = String::new();
        let file = File::open(path).unwrap();
        if compressed {
            flate2::read::GzDecoder::new(file)
                .read_to_string(&mut text)
                .unwrap();
        } else {
            std::io::BufReader::new(file)
                .read_to_string(&mut text)
                .unwrap();
        }
        text
    }

    #[tokio::test]
    async fn a_csv_that_fits_goes_as_it_is() {
        let rows = rows(10, false);
        let files = write(&rows, 10_000).await.unwrap();
        assert!(!files.compressed);
        assert_eq!(files.parts.len(), 1);
        assert_eq!(read(&files.parts[0].0, false), csv_of(&rows));
        assert_eq!(files.parts[0].1, csv_of(&rows).len() as u64);
    }

    #[tokio::test]
    async fn a_csv_over_the_budget_is_gzipped_whole_when_that_fits() {
        let rows = rows(20_000, false);
        let csv = csv_of(&rows);
        let budget = 300_000;
        assert!(csv.len() as u64 > budget);
        let files = write(&rows, budget).await.unwrap();
        assert!(files.compressed);
        assert_eq!(files.parts.len(), 1);
        assert!(files.parts[0].1 <= budget);
        assert_eq!(read(&files.parts[0].0, true), csv);
    }

    #[tokio::test]
    async fn a_csv_too_big_even_gzipped_is_split_into_complete_parts_within_the_budget() {
        for (n, budget) in [(3_000, 40_000), (500, 2_000), (20_000, 300_000)] {
            let rows = rows(n, true);
            let files = write(&rows, budget).await.unwrap();
            assert!(files.compressed);
            assert!(files.parts.len() > 2, "{} parts", files.parts.len());
            let mut back = Vec::new();
            for (i, (path, size)) in files.parts.iter().enumerate() {
                assert_eq!(std::fs::metadata(path).unwrap().len(), *size);
                assert!(*size <= budget, "part {i}: {size} > {budget}");
                if i + 1 < files.parts.len() {
                    assert!(
                        *size > budget * 3 / 4,
                        "part {i} is only {size} of {budget}"
                    );
                }
                let text = read(path, true);
                let mut reader = csv::Reader::from_reader(text.as_bytes());
                assert_eq!(reader.headers().unwrap(), vec!["n", "label", "cell"]);
                for record in reader.records() {
                    let r = record.expect("a complete record");
                    back.push([r[0].to_owned(), r[1].to_owned(), r[2].to_owned()]);
                }
            }
            assert_eq!(back, rows, "the parts hold every row once, in order");
        }
    }

    #[tokio::test]
    async fn a_row_that_cannot_fit_is_refused() {
        let rows = rows(5, true);
        assert!(matches!(
            write(&rows, 100).await,
            Err(ExportError::RowTooLarge { budget: 100 })
        ));
    }

    fn deflate_ceiling(n: u64) -> u64 {
        n + n / 32 + 64
    }

    #[test]
    fn the_deflate_ceiling_and_its_inverse_agree() {
        for room in [0, 63, 64, 65, 100, 1_000, 4_096, 10_321_920, 49_218_750] {
            let n = deflate_input_room(room);
            assert!(room < 64 || deflate_ceiling(n) <= room, "{room}");
            assert!(
                deflate_ceiling(n + 2) > room,
                "{room}: {n} is not the largest"
            );
        }
    }

    #[tokio::test]
    async fn parts_are_numbered_and_the_message_says_so() {
        let budget = 2_000;
        let opens = write(&rows(500, true), budget).await.unwrap();
        let n = opens.parts.len();
        let trackers = write(&rows(3, false), budget).await.unwrap();
        let reply = export_reply(Lang::En, Some(4), opens, trackers, 2_100);
        let names: Vec<_> = reply
            .attachments
            .iter()
            .map(|a| a.filename.as_str())
            .collect();
        assert_eq!(names.len(), n + 1);
        assert_eq!(
            names[0],
            "mailping-opens-4-1-of-".to_owned() + &n.to_string() + ".csv.gz"
        );
        assert_eq!(names[n], "mailping-trackers-4.csv");
        let text = reply.plain_text();
        assert!(
            text.contains(&format!("the fetches in {n} files")),
            "{text}"
        );
        assert!(text.contains("each a complete CSV"), "{text}");

        let one = write(&rows(2_000, false), 30_000).await.unwrap();
        let trackers = write(&rows(3, false), 30_000).await.unwrap();
        let reply = export_reply(Lang::En, None, one, trackers, 31_000);
        assert_eq!(reply.attachments[0].filename, "mailping-opens.csv.gz");
        assert!(reply.plain_text().contains("Compressed as .csv.gz"));
    }

    #[test]
    fn limits_read_as_the_platforms_state_them() {
        assert_eq!(size_words(Lang::En, UPLOAD_LIMIT_DISCORD), "10 MiB");
        assert_eq!(size_words(Lang::En, UPLOAD_LIMIT_TELEGRAM), "50 MB");
        assert_eq!(size_words(Lang::En, 10_600_000), "10.6 MB");
        assert_eq!(size_words(Lang::En, 4_000), "4 KB");
    }

    #[test]
    fn limits_are_per_platform() {
        let limits = UploadLimits::default();
        assert!(limits.of(Platform::Discord) < limits.of(Platform::Telegram));
        assert_eq!(limits.of(Platform::Discord), UPLOAD_LIMIT_DISCORD);
        assert!(files_budget(UPLOAD_LIMIT_DISCORD) < UPLOAD_LIMIT_DISCORD);
    }
}
