//! The recording path. The handler never waits on the database: it hands each fetch to a
//! bounded queue (`queue`), and one writer (on a thread of its own, see `app::spawn_writer`)
//! drains the queue in batches (`writer`), classifies them with what Postgres knows about each
//! tracker (`classify`), and writes opens and alerts in one transaction (`transaction`). Under
//! a steady stream a batch starts at most every `WRITE_LINGER_MS`, so batches are fuller. While
//! the database cannot take them, the writer appends them to the spill directory instead (see
//! `spill`), and replays them once it can. This file only names the parts; it holds no logic.

mod alerts;
mod classify;
mod memory;
mod pacer;
mod queue;
mod settings;
mod transaction;
mod writer;

pub use crate::fetch::{FastMap, FastSet, PendingFetch, no_network};
pub use queue::{Queue, Recorder, channel};
pub use settings::WriterSettings;
pub use writer::{INSERT_CHUNK, Lost, SPILL_GROUP, run_writer};
