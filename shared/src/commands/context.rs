//! What the command logic holds (`Commands`: the pool, the base URL, the limiters, the upload
//! and privacy settings) and what its handlers share: the outcome type, argument parsing and
//! finding a tracker by its number. The handlers are `impl Commands` blocks in the files
//! named for their jobs; `mod.rs` constructs and dispatches.

use governor::DefaultKeyedRateLimiter;

use super::command::Chat;
use super::reply::Reply;
use super::words;
use crate::config::{BaseUrl, PrivacyConfig};
use crate::db::Pool;
use crate::errors::DbError;
use crate::i18n::Lang;
use crate::models::account::{Account, Platform};
use crate::models::tracker::{self, Tracker};

/// Telegram's Bot API takes documents of up to 50 MB from bots.
pub const UPLOAD_LIMIT_TELEGRAM: u64 = 50 * 1000 * 1000;
/// Discord's upload limit without server boosts (10 MiB since late 2024, 25 MiB before); an
/// ephemeral reply belongs to no boosted server, so the default is the one that applies.
/// Discord counts it over the whole request, so the files of one message share it.
pub const UPLOAD_LIMIT_DISCORD: u64 = 10 * 1024 * 1024;

/// The largest upload each platform takes from the bot, in bytes (settings
/// `UPLOAD_LIMIT_TELEGRAM` and `UPLOAD_LIMIT_DISCORD`; tests set a few KB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UploadLimits {
    pub telegram: u64,
    pub discord: u64,
}

impl Default for UploadLimits {
    fn default() -> Self {
        UploadLimits {
            telegram: UPLOAD_LIMIT_TELEGRAM,
            discord: UPLOAD_LIMIT_DISCORD,
        }
    }
}

impl UploadLimits {
    pub fn of(&self, platform: Platform) -> u64 {
        match platform {
            Platform::Telegram => self.telegram,
            Platform::Discord => self.discord,
        }
    }
}

/// Limits that keep one chat from flooding the database.
#[derive(Debug, Clone, Copy)]
pub struct CommandLimits {
    pub trackers_per_minute: u32,
    pub commands_per_minute: u32,
}

impl Default for CommandLimits {
    fn default() -> Self {
        CommandLimits {
            trackers_per_minute: 20,
            commands_per_minute: 60,
        }
    }
}

/// The command logic, with what it needs: the pool, the public base URL, the limiters, and
/// the platforms' upload limits.
pub struct Commands {
    pub(super) pool: Pool,
    pub(super) base_url: BaseUrl,
    pub(super) limits: CommandLimits,
    pub(super) upload_limits: UploadLimits,
    pub(super) privacy: PrivacyConfig,
    pub(super) new_trackers: DefaultKeyedRateLimiter<Chat>,
    pub(super) commands: DefaultKeyedRateLimiter<Chat>,
}

/// Trackers per `/opens` page.
pub const PAGE_SIZE: i64 = 5;
/// Opens read for one timeline; older ones are summarised by the count.
pub(super) const TIMELINE_OPENS: i64 = 500;
/// Timeline lines shown after repeats are collapsed.
pub(super) const TIMELINE_LINES: usize = 25;

pub(super) enum Failure {
    Db(DbError),
}

impl From<DbError> for Failure {
    fn from(e: DbError) -> Self {
        Failure::Db(e)
    }
}

impl From<diesel::result::Error> for Failure {
    fn from(e: diesel::result::Error) -> Self {
        Failure::Db(e.into())
    }
}

pub(super) type Outcome = Result<Reply, Failure>;

/// A tracker number argument: a positive integer, with an optional leading `#`.
pub(super) fn parse_number(l: Lang, arg: &str, command: &str) -> Result<i32, Reply> {
    let arg = arg.trim();
    if arg.is_empty() {
        return Err(words::missing_number(l, command));
    }
    arg.trim_start_matches('#')
        .parse::<i32>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| words::bad_number(l, arg, command))
}

impl Commands {
    /// The reply `reply` makes of tracker `number` of the account, or "no such tracker".
    pub(super) async fn with_tracker(
        &self,
        account: &Account,
        number: i32,
        reply: impl FnOnce(&Tracker) -> Reply,
    ) -> Outcome {
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        Ok(
            match tracker::find_by_number(&mut conn, account.id, number).await? {
                Some(t) => reply(&t),
                None => words::no_such_tracker(account.lang(), number),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_validated() {
        assert_eq!(parse_number(Lang::En, "3", "opens"), Ok(3));
        assert_eq!(parse_number(Lang::En, "#3", "opens"), Ok(3));
        assert!(
            parse_number(Lang::En, "abc", "opens")
                .unwrap_err()
                .plain_text()
                .contains("abc")
        );
        assert!(parse_number(Lang::En, "0", "mute").is_err());
        assert!(
            parse_number(Lang::En, "", "mute")
                .unwrap_err()
                .plain_text()
                .contains("/mute")
        );
    }
}
