//! The command logic both chat platforms run. An adapter parses its own updates into a
//! `Command` or an `Action`, calls `Commands`, and renders the `Reply` in its own markup.
//! Every business rule and every word the user reads is written here, once. This file holds
//! construction and dispatch; each group of handlers is an `impl Commands` in a file named for
//! its job (`tracking`, `history`, `reminders`, `settings`, `privacy`, `stats`, `export`).

pub mod action;
mod alert;
mod command;
mod context;
mod export;
mod history;
mod privacy;
pub mod privacy_words;
mod reminder_words;
mod reminders;
pub mod reply;
mod settings;
mod stats;
mod timeline;
mod tracking;
pub mod words;

use std::num::NonZeroU32;

use governor::{Quota, RateLimiter};

pub use action::Action;
pub use alert::alert_reply;
pub use command::{COMMANDS, Chat, Command, MAX_RECIPIENTS, TrackerLinks};
pub use context::{CommandLimits, Commands, PAGE_SIZE};
use context::{Failure, Outcome, parse_number};
pub use context::{UPLOAD_LIMIT_DISCORD, UPLOAD_LIMIT_TELEGRAM, UploadLimits};
pub use export::{files_budget, neutralise};
pub use reminder_words::reminder_reply;
pub use reply::{Attachment, AttachmentKind, Button, Content, Reply, Span, TempFile};
pub use stats::STATS_DAYS;
pub use timeline::{TimelineEntry, TimelineOpen, collapse};
pub use words::{
    Limited, command_description, relative_time, something_went_wrong, truncate_chars,
};

use crate::config::{BaseUrl, PrivacyConfig};
use crate::db::Pool;
pub use crate::domain::Said;
use crate::errors::DbError;
use crate::models::account::{self, Account, Platform};
use crate::schedule::ReminderDelay;

impl Commands {
    pub fn new(pool: Pool, base_url: BaseUrl, limits: CommandLimits) -> Self {
        let quota = |n: u32| Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN));
        Commands {
            pool,
            base_url,
            limits,
            upload_limits: UploadLimits::default(),
            privacy: PrivacyConfig::default(),
            new_trackers: RateLimiter::keyed(quota(limits.trackers_per_minute)),
            commands: RateLimiter::keyed(quota(limits.commands_per_minute)),
        }
    }

    /// Other upload limits than the platforms' own (a setting; tests use a few KB).
    pub fn with_upload_limits(mut self, upload_limits: UploadLimits) -> Self {
        self.upload_limits = upload_limits;
        self
    }

    /// The operator's privacy default and longest retention (`PRIVACY_DEFAULT`,
    /// `OPENS_RETENTION_DAYS`).
    pub fn with_privacy(mut self, privacy: PrivacyConfig) -> Self {
        self.privacy = privacy;
        self
    }

    /// The largest upload `platform` takes from the bot: exports are made to fit it.
    pub fn upload_limit(&self, platform: Platform) -> u64 {
        self.upload_limits.of(platform)
    }

    /// Forgets rate-limit state of chats that have gone quiet, so memory stays bounded.
    pub fn forget_quiet_chats(&self) {
        self.new_trackers.retain_recent();
        self.commands.retain_recent();
    }

    /// Runs a command. Never fails: a database error becomes "something went wrong" for the
    /// user, and the cause goes to the log.
    pub async fn run(&self, chat: &Chat, command: Command) -> Reply {
        if self.commands.check_key(chat).is_err() {
            return words::slow_down(
                chat.language(),
                self.limits.commands_per_minute,
                Limited::Commands,
            );
        }
        let result = self.run_inner(chat, command).await;
        self.settle(chat, result)
    }

    /// Runs a button's action, answering with the message that replaces the one it was on.
    pub async fn press(&self, chat: &Chat, action: Action) -> Reply {
        if self.commands.check_key(chat).is_err() {
            return words::slow_down(
                chat.language(),
                self.limits.commands_per_minute,
                Limited::Commands,
            );
        }
        let result = async {
            let account = self.account(chat).await?;
            let l = account.lang();
            match action {
                Action::Page(p) => self.list(&account, p).await,
                Action::Timeline(n) => self.timeline(&account, n).await,
                Action::Mute(n) => self.set_muted(&account, n, true).await,
                Action::Unmute(n) => self.set_muted(&account, n, false).await,
                Action::AskDelete(n) => self.ask_delete(&account, n).await,
                Action::ConfirmDelete(n) => self.delete(&account, n).await,
                Action::CancelDelete(n) => Ok(self
                    .with_tracker(&account, n, |t| words::kept(l, t))
                    .await?),
                Action::Remind(n, minutes) => {
                    match ReminderDelay::new(chrono::Duration::minutes(i64::from(minutes))) {
                        Ok(delay) => self.set_reminder(&account, n, delay).await,
                        Err(e) => Ok(words::bad_delay(l, &e)),
                    }
                }
                Action::StopReminding(n) => self.stop_reminder(&account, n).await,
                Action::AskForget => Ok(words::confirm_forget(l)),
                Action::ConfirmForget => self.forget(&account).await,
                Action::CancelForget => Ok(words::kept_everything(l)),
                Action::Language(lang) => self.set_language(chat, &account, lang).await,
                Action::Wrong(n, open_id) => self.ask_what_it_was(&account, n, open_id).await,
                Action::WrongSaid(n, open_id, said) => {
                    self.report_wrong(&account, n, open_id, said).await
                }
            }
        }
        .await;
        self.settle(chat, result)
    }

    fn settle(&self, chat: &Chat, result: Outcome) -> Reply {
        match result {
            Ok(reply) => reply,
            Err(Failure::Db(e)) => {
                tracing::error!(error = %e, platform = chat.platform.as_str(), "command failed on the database");
                words::something_went_wrong(chat.language())
            }
        }
    }

    /// The chat's account, whose language follows what the platform reports until the chat
    /// picks one (in a group, only the first report counts: one group, one language).
    async fn account(&self, chat: &Chat) -> Result<Account, Failure> {
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        let mut account = account::upsert(&mut conn, chat.platform, &chat.chat_id).await?;
        if let Some(heard) = chat.reported
            && account.follows_platform(chat.group)
            && account.language.as_deref() != Some(heard.code())
        {
            account::set_language(&mut conn, account.id, Some(heard), false).await?;
            account.language = Some(heard.code().to_owned());
        }
        Ok(account)
    }

    async fn run_inner(&self, chat: &Chat, command: Command) -> Outcome {
        // What needs no database is answered even without it: in the chat's language when
        // its account can be read, else in the one the platform reports.
        let account = self.account(chat).await;
        let l = account.as_ref().map_or(chat.language(), Account::lang);
        match &command {
            Command::Help => return Ok(words::help(l)),
            Command::Unknown(name) => return Ok(words::unknown_command(l, name)),
            Command::NotACommand => return Ok(words::not_a_command(l)),
            Command::Track(raw) => {
                if let Err(reply) = tracking::track_labels(l, raw) {
                    return Ok(reply);
                }
            }
            _ => {}
        }
        let account = account?;
        match command {
            Command::Start => Ok(words::welcome(l)),
            Command::Track(raw) => self.track(chat, &account, &raw).await,
            Command::Opens(arg) if arg.trim().is_empty() => self.list(&account, 0).await,
            Command::Opens(arg) => match parse_number(l, &arg, "opens") {
                Ok(n) => self.timeline(&account, n).await,
                Err(reply) => Ok(reply),
            },
            Command::Mute(arg) => match parse_number(l, &arg, "mute") {
                Ok(n) => self.set_muted(&account, n, true).await,
                Err(reply) => Ok(reply),
            },
            Command::Unmute(arg) => match parse_number(l, &arg, "unmute") {
                Ok(n) => self.set_muted(&account, n, false).await,
                Err(reply) => Ok(reply),
            },
            Command::Delete(arg) => match parse_number(l, &arg, "delete") {
                Ok(n) => self.ask_delete(&account, n).await,
                Err(reply) => Ok(reply),
            },
            Command::Tz(arg) => self.set_timezone(&account, &arg).await,
            Command::Remind(arg) => self.remind(&account, &arg).await,
            Command::Quiet(arg) => self.quiet(&account, &arg).await,
            Command::Forget => Ok(words::confirm_forget(l)),
            Command::Stats(arg) => self.stats(&account, &arg).await,
            Command::Export(arg) => self.export(chat, &account, &arg).await,
            Command::Language(arg) => self.language(chat, &account, &arg).await,
            Command::Privacy(arg) => self.privacy(&account, &arg).await,
            Command::Retention(arg) => self.retention(&account, &arg).await,
            Command::Notice(arg) => self.notice(&account, &arg).await,
            Command::Help | Command::Unknown(_) | Command::NotACommand => {
                unreachable!("answered above")
            }
        }
    }
}
