//! The command logic both chat platforms run. An adapter parses its own updates into a
//! `Command` or an `Action`, calls `Commands`, and renders the `Reply` in its own markup.
//! Every business rule and every word the user reads is written here, once.

pub mod action;
mod alert;
mod command;
mod context;
mod export;
pub mod privacy_words;
mod reminder_words;
pub mod reply;
mod stats;
mod timeline;
pub mod words;

use std::num::NonZeroU32;

use chrono::Utc;
use diesel_async::AsyncConnection;
use governor::{Quota, RateLimiter};

pub use action::Action;
pub use alert::alert_reply;
pub use command::{COMMANDS, Chat, Command, MAX_RECIPIENTS, TrackerLinks};
pub use context::{CommandLimits, Commands, PAGE_SIZE};
use context::{Failure, Outcome, TIMELINE_LINES, TIMELINE_OPENS, parse_number};
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
use crate::domain::{Label, OpenKind, Reason};
use crate::errors::DbError;
use crate::i18n::Lang;
use crate::links;
use crate::models::account::{self, Account, Platform};
use crate::models::open;
use crate::models::reminder;
use crate::models::tracker::{self, Tracker};
use crate::schedule::{QuietHours, ReminderDelay};

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

    /// `/language code`, `/language auto` or a language button: the language spoken here.
    async fn set_language(&self, chat: &Chat, account: &Account, lang: Option<Lang>) -> Outcome {
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        match lang {
            Some(lang) => {
                account::set_language(&mut conn, account.id, Some(lang), true).await?;
                Ok(words::language_set(lang))
            }
            None => {
                let lang = chat.reported.unwrap_or(account.lang());
                account::set_language(&mut conn, account.id, Some(lang), false).await?;
                Ok(words::language_auto(lang))
            }
        }
    }

    async fn language(&self, chat: &Chat, account: &Account, arg: &str) -> Outcome {
        let l = account.lang();
        match arg.trim() {
            "" => Ok(words::languages(l, account.language_chosen)),
            auto if auto.eq_ignore_ascii_case("auto") => {
                self.set_language(chat, account, None).await
            }
            raw => match Lang::negotiate(raw) {
                Some(lang) => self.set_language(chat, account, Some(lang)).await,
                None => Ok(words::unknown_language(l, raw, account.language_chosen)),
            },
        }
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
                if let Err(reply) = track_labels(l, raw) {
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

    async fn track(&self, chat: &Chat, account: &Account, raw: &str) -> Outcome {
        let l = account.lang();
        let labels = match track_labels(l, raw) {
            Ok(labels) => labels,
            Err(reply) => return Ok(reply),
        };
        let n = NonZeroU32::new(labels.len() as u32).unwrap_or(NonZeroU32::MIN);
        if !matches!(self.new_trackers.check_key_n(chat, n), Ok(Ok(()))) {
            return Ok(words::slow_down(
                l,
                self.limits.trackers_per_minute,
                Limited::NewTrackers,
            ));
        }
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        // All or none: a half-made set of recipients would only confuse.
        let created: Vec<Tracker> = conn
            .transaction(async |conn| {
                let mut created = Vec::with_capacity(labels.len());
                for label in &labels {
                    created.push(tracker::create(conn, account, label).await?);
                }
                Ok::<_, diesel::result::Error>(created)
            })
            .await?;
        let links: Vec<TrackerLinks> = created
            .iter()
            .map(|t| TrackerLinks {
                tracker: t,
                pixel_url: links::pixel_url(&self.base_url, t.token),
                copy_url: links::copy_page_url(&self.base_url, t.copy_token),
            })
            .collect();
        let reminder = account.default_reminder();
        let mut reply = match links.as_slice() {
            [one] => words::tracker_created(l, one, reminder),
            many => words::trackers_created(l, many, reminder),
        };
        if account.notice_on {
            for t in &created {
                let line = privacy_words::notice_line(
                    l,
                    account.notice_text.as_deref(),
                    &links::optout_url(&self.base_url, t.optout_token),
                );
                reply = privacy_words::notice_for_tracker(l, reply, t, &line, created.len() > 1);
            }
        }
        Ok(reply)
    }

    /// `/privacy`: one screen of what is kept; with an argument, sets the chat's mode.
    async fn privacy(&self, account: &Account, arg: &str) -> Outcome {
        let arg = arg.trim();
        if arg.is_empty() {
            return Ok(privacy_words::privacy_screen(
                account.lang(),
                &privacy_words::PrivacyScreen {
                    mode: account.privacy_mode(self.privacy.privacy_default),
                    mode_is_default: account.privacy.is_none(),
                    retention: account.retention,
                    operator_retention: self.privacy.max_retention(),
                    notice_on: account.notice_on,
                    notice_text: account.notice_text.as_deref(),
                },
            ));
        }
        let Ok(mode) = arg.to_ascii_lowercase().parse::<account::PrivacyMode>() else {
            return Ok(privacy_words::bad_privacy(account.lang(), arg));
        };
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        let erased = account::set_privacy(&mut conn, account.id, mode).await?;
        Ok(privacy_words::privacy_set(account.lang(), mode, erased))
    }

    /// `/retention`: how long this chat's opens are kept, within the operator's limit.
    async fn retention(&self, account: &Account, arg: &str) -> Outcome {
        let operator = self.privacy.max_retention();
        let arg = arg.trim();
        let retention = match arg.to_ascii_lowercase().as_str() {
            "" => {
                return Ok(privacy_words::current_retention(
                    account.lang(),
                    account.retention,
                    operator,
                ));
            }
            "default" | "off" => None,
            raw => match parse_retention(raw) {
                Some(r) => Some(r),
                None => return Ok(privacy_words::bad_retention(account.lang(), arg)),
            },
        };
        if let (Some(asked), Some(max)) = (retention, operator)
            && asked > max
        {
            return Ok(privacy_words::retention_too_long(
                account.lang(),
                asked,
                max,
            ));
        }
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        account::set_retention(&mut conn, account.id, retention).await?;
        Ok(privacy_words::retention_set(
            account.lang(),
            retention,
            operator,
        ))
    }

    /// `/notice`: the line with an opt-out link that `/track` offers for the recipient.
    async fn notice(&self, account: &Account, arg: &str) -> Outcome {
        let arg = arg.trim();
        let (on, text): (bool, Option<Option<&str>>) = match arg.to_ascii_lowercase().as_str() {
            "" => {
                return Ok(privacy_words::notice_state(
                    account.lang(),
                    account.notice_on,
                    account.notice_text.as_deref(),
                ));
            }
            "on" => (true, None),
            "off" => (false, None),
            "default" => (true, Some(None)),
            _ if arg.chars().count() > NOTICE_MAX_CHARS || arg.contains('\n') => {
                return Ok(privacy_words::notice_too_long(
                    account.lang(),
                    NOTICE_MAX_CHARS,
                ));
            }
            _ => (true, Some(Some(arg))),
        };
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        account::set_notice(&mut conn, account.id, on, text).await?;
        let text = match text {
            Some(text) => text,
            None => account.notice_text.as_deref(),
        };
        Ok(privacy_words::notice_state(account.lang(), on, text))
    }

    async fn remind(&self, account: &Account, arg: &str) -> Outcome {
        let mut words_in = arg.split_whitespace();
        let Some(first) = words_in.next() else {
            let mut conn = self.pool.get().await.map_err(DbError::from)?;
            let pending = reminder::pending(&mut conn, account.id).await?;
            return Ok(words::reminders(account.lang(), &pending, account));
        };
        let rest: Vec<&str> = words_in.collect();
        let rest = rest.join(" ");
        if first.eq_ignore_ascii_case("default") {
            let delay = match rest.as_str() {
                "" => return Ok(words::missing_delay(account.lang(), "default")),
                "off" => None,
                raw => match ReminderDelay::parse(raw) {
                    Ok(delay) => Some(delay),
                    Err(e) => return Ok(words::bad_delay(account.lang(), &e)),
                },
            };
            let mut conn = self.pool.get().await.map_err(DbError::from)?;
            account::set_default_reminder(&mut conn, account.id, delay).await?;
            return Ok(words::default_reminder_set(account.lang(), delay));
        }
        let n = match parse_number(account.lang(), first, "remind") {
            Ok(n) => n,
            Err(reply) => return Ok(reply),
        };
        match rest.as_str() {
            "" => Ok(words::missing_delay(account.lang(), &n.to_string())),
            "off" => self.stop_reminder(account, n).await,
            raw => match ReminderDelay::parse(raw) {
                Ok(delay) => self.set_reminder(account, n, delay).await,
                Err(e) => Ok(words::bad_delay(account.lang(), &e)),
            },
        }
    }

    async fn set_reminder(&self, account: &Account, number: i32, delay: ReminderDelay) -> Outcome {
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        let Some(t) = tracker::find_by_number(&mut conn, account.id, number).await? else {
            return Ok(words::no_such_tracker(account.lang(), number));
        };
        if open::has_read(&mut conn, t.id).await? {
            return Ok(words::already_read(account.lang(), &t));
        }
        let due = reminder::set(&mut conn, t.id, delay).await?;
        Ok(words::reminder_set(account.lang(), &t, delay, due, account))
    }

    async fn stop_reminder(&self, account: &Account, number: i32) -> Outcome {
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        let Some(t) = tracker::find_by_number(&mut conn, account.id, number).await? else {
            return Ok(words::no_such_tracker(account.lang(), number));
        };
        reminder::stop(&mut conn, t.id).await?;
        Ok(words::reminder_stopped(account.lang(), &t))
    }

    async fn quiet(&self, account: &Account, arg: &str) -> Outcome {
        let quiet = match arg.trim() {
            "" => return Ok(words::current_quiet_hours(account.lang(), account)),
            "off" => None,
            raw => match QuietHours::parse(raw) {
                Some(q) => Some(q),
                None => return Ok(words::bad_quiet_hours(account.lang(), raw)),
            },
        };
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        account::set_quiet_hours(&mut conn, account.id, quiet).await?;
        Ok(words::quiet_hours_set(account.lang(), quiet, account.tz()))
    }

    async fn forget(&self, account: &Account) -> Outcome {
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        account::forget(&mut conn, account.id).await?;
        Ok(words::forgotten(account.lang()))
    }

    async fn list(&self, account: &Account, page: u32) -> Outcome {
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        let total = tracker::count_for_account(&mut conn, account.id).await?;
        if total == 0 {
            return Ok(words::no_trackers(account.lang()));
        }
        let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE) as u32;
        let page = page.min(pages - 1);
        let mut items = tracker::list_page(
            &mut conn,
            account.id,
            i64::from(page) * PAGE_SIZE,
            PAGE_SIZE,
        )
        .await?;
        // Strict opens keep no client: say so rather than show nothing.
        for item in &mut items {
            for client in [&mut item.last_read_client, &mut item.machines] {
                if client.as_deref() == Some("") {
                    *client = Some(privacy_words::not_kept(account.lang()));
                }
            }
        }
        Ok(words::tracker_list(
            account.lang(),
            &items,
            page,
            pages,
            Utc::now(),
            account.tz(),
        ))
    }

    async fn timeline(&self, account: &Account, number: i32) -> Outcome {
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        let Some(t) = tracker::find_by_number(&mut conn, account.id, number).await? else {
            return Ok(words::no_such_tracker(account.lang(), number));
        };
        if t.withdrawn_at.is_some() {
            return Ok(privacy_words::withdrawn_timeline(
                account.lang(),
                t.number,
                &t.label,
            ));
        }
        let opens = open::timeline(&mut conn, t.id, TIMELINE_OPENS).await?;
        let reported = open::reported(&mut conn, t.id).await?;
        let total = if (opens.len() as i64) < TIMELINE_OPENS {
            opens.len() as i64
        } else {
            open::count_for_tracker(&mut conn, t.id).await?
        };
        let not_kept = privacy_words::not_kept(account.lang());
        let entries = collapse(opens.iter().map(|o| TimelineOpen {
            at: o.opened_at,
            kind: o.kind,
            client: shown_client(o, &not_kept),
            reason: o.reason,
            reported: reported.contains(&o.id),
        }));
        Ok(words::timeline(
            account.lang(),
            &t,
            &entries,
            TIMELINE_LINES,
            total,
            account.tz(),
        ))
    }

    /// "Wrong?": asks whether the fetch was the owner's own view or a machine, since each
    /// answer teaches something else.
    async fn ask_what_it_was(&self, account: &Account, number: i32, open_id: i64) -> Outcome {
        self.with_tracker(account, number, |t| {
            words::what_was_it(account.lang(), t, open_id)
        })
        .await
    }

    /// Records the owner's disagreement with a verdict and learns from it where the network
    /// can tell (`open::report_verdict`): their own network for their later fetches, or the
    /// machine's agent and network.
    async fn report_wrong(
        &self,
        account: &Account,
        number: i32,
        open_id: i64,
        said: Said,
    ) -> Outcome {
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        let Some(t) = tracker::find_by_number(&mut conn, account.id, number).await? else {
            return Ok(words::no_such_tracker(account.lang(), number));
        };
        Ok(
            match open::report_verdict(&mut conn, account.id, t.id, open_id, said).await? {
                Some(learned) => words::verdict_reported(account.lang(), &t, said, learned),
                None => words::open_gone(account.lang(), &t),
            },
        )
    }

    async fn set_muted(&self, account: &Account, number: i32, muted: bool) -> Outcome {
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        let Some(t) = tracker::find_by_number(&mut conn, account.id, number).await? else {
            return Ok(words::no_such_tracker(account.lang(), number));
        };
        tracker::set_muted(&mut conn, t.id, muted).await?;
        Ok(words::muted(account.lang(), &t, muted))
    }

    async fn ask_delete(&self, account: &Account, number: i32) -> Outcome {
        self.with_tracker(account, number, |t| {
            words::confirm_delete(account.lang(), t)
        })
        .await
    }

    async fn delete(&self, account: &Account, number: i32) -> Outcome {
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        let Some(t) = tracker::find_by_number(&mut conn, account.id, number).await? else {
            return Ok(words::no_such_tracker(account.lang(), number));
        };
        tracker::delete(&mut conn, t.id).await?;
        Ok(words::deleted(account.lang(), &t))
    }

    async fn set_timezone(&self, account: &Account, raw: &str) -> Outcome {
        let raw = raw.trim();
        if raw.is_empty() {
            return Ok(words::current_timezone(account.lang(), &account.timezone));
        }
        let Ok(tz) = raw.parse::<chrono_tz::Tz>() else {
            return Ok(words::bad_timezone(account.lang(), raw));
        };
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        account::set_timezone(&mut conn, account.id, tz.name()).await?;
        Ok(words::timezone_set(account.lang(), tz.name()))
    }

    async fn with_tracker(
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

/// The labels a `/track` asks for: its first line is the email, and each further line a
/// recipient who gets a tracker of their own ("Proposal to ACME — Alice").
fn track_labels(l: Lang, raw: &str) -> Result<Vec<Label>, Reply> {
    let lines: Vec<&str> = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let (email, recipients) = match lines.split_first() {
        Some((email, recipients)) => (*email, recipients),
        None => return Err(words::bad_label(l, crate::domain::LabelError::Missing)),
    };
    if recipients.len() > MAX_RECIPIENTS {
        return Err(words::too_many_recipients(l, recipients.len()));
    }
    if recipients.is_empty() {
        return Label::parse(email)
            .map(|label| vec![label])
            .map_err(|e| words::bad_label(l, e));
    }
    recipients
        .iter()
        .map(|r| Label::parse(&format!("{email} — {r}")).map_err(|e| words::bad_label(l, e)))
        .collect()
}

/// The longest recipient notice: one plain line.
const NOTICE_MAX_CHARS: usize = 300;

/// A retention such as `30d`, `12w` or `1y` (365 days): at least a day, at most 100 years.
fn parse_retention(raw: &str) -> Option<chrono::Duration> {
    let raw = raw.trim();
    let unit = raw.chars().last()?;
    let n: i64 = raw[..raw.len() - unit.len_utf8()].trim().parse().ok()?;
    let days = match unit {
        'd' => n,
        'w' => n.checked_mul(7)?,
        'y' => n.checked_mul(365)?,
        _ => return None,
    };
    (1..=36_500)
        .contains(&days)
        .then(|| chrono::Duration::days(days))
}

/// The name a timeline gives an open's client: for a fetch nothing could name (an agent
/// nobody recognises, a bot known only by a convention or the bot list), its agent itself, so
/// that the owner sees what fetched.
/// A strict open, which keeps neither, shows as `not_kept`.
fn shown_client<'a>(o: &'a open::Open, not_kept: &'a str) -> &'a str {
    if o.client.is_empty() && o.user_agent.is_none() {
        return not_kept;
    }
    let unnamed = o.kind == OpenKind::Unverified
        || matches!(o.reason, Reason::BotConvention | Reason::BotList);
    match (&o.user_agent, unnamed) {
        (Some(agent), true) if !agent.is_empty() => agent,
        _ => &o.client,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    #[test]
    fn command_descriptions_fit_discords_100_character_limit() {
        for lang in Lang::ALL {
            for (name, _) in COMMANDS {
                let description = command_description(lang, name);
                assert!(
                    (1..=100).contains(&description.chars().count()),
                    "{lang:?} /{name}: {description}"
                );
            }
        }
    }

    #[test]
    fn track_takes_one_label_or_a_label_and_up_to_ten_recipients() {
        let labels = |raw: &str| {
            track_labels(Lang::En, raw)
                .map(|v| v.iter().map(|l| l.as_str().to_owned()).collect::<Vec<_>>())
        };
        assert_eq!(labels("Proposal to ACME").unwrap(), ["Proposal to ACME"]);
        assert_eq!(
            labels("Proposal to ACME\n Alice \n\nBob").unwrap(),
            ["Proposal to ACME — Alice", "Proposal to ACME — Bob"]
        );
        let ten: String = (1..=10).map(|i| format!("\nR{i}")).collect();
        assert_eq!(labels(&format!("Quote{ten}")).unwrap().len(), 10);
        let eleven = format!("Quote{ten}\nR11");
        assert!(
            track_labels(Lang::En, &eleven)
                .unwrap_err()
                .plain_text()
                .contains("11 recipients")
        );
        assert!(track_labels(Lang::En, &format!("{}\nAlice", "x".repeat(199))).is_err());
        assert!(track_labels(Lang::En, " \n ").is_err());
    }

    #[test]
    fn reminder_and_forget_buttons_round_trip() {
        for action in [
            Action::Remind(3, 4320),
            Action::StopReminding(3),
            Action::AskForget,
            Action::ConfirmForget,
            Action::CancelForget,
        ] {
            assert_eq!(Action::decode(&action.encode()), Some(action));
            assert!(action.encode().len() <= 64);
        }
        assert_eq!(Action::decode("rm:0:5"), None);
        assert_eq!(Action::decode("rm:3"), None);
        assert_eq!(Action::decode("fy:1"), None);
    }

    #[test]
    fn commands_parse_with_and_without_bot_name() {
        assert_eq!(
            Command::parse_text("/track  Proposal to ACME "),
            Command::Track("Proposal to ACME".into())
        );
        assert_eq!(
            Command::parse_text("/opens@MailPingBot 3"),
            Command::Opens("3".into())
        );
        assert_eq!(Command::parse_text("/OPENS"), Command::Opens(String::new()));
        assert_eq!(
            Command::parse_text("/frobnicate"),
            Command::Unknown("frobnicate".into())
        );
        assert_eq!(Command::parse_text("hello"), Command::NotACommand);
        assert_eq!(
            Command::addressee("/opens@MailPingBot 3"),
            Some("MailPingBot")
        );
        assert_eq!(Command::addressee("/opens@Other"), Some("Other"));
        assert_eq!(Command::addressee("/opens 3 a@b"), None);
        assert_eq!(Command::addressee("mail me@home"), None);
        assert_eq!(
            Command::parse_text("/track\nline two"),
            Command::Track("line two".into())
        );
    }

    #[test]
    fn every_command_in_the_table_parses() {
        for (name, _) in COMMANDS {
            assert!(
                !matches!(Command::from_name(name, ""), Command::Unknown(_)),
                "{name}"
            );
        }
    }

    #[test]
    fn actions_round_trip_and_junk_is_rejected() {
        for a in [
            Action::Page(2),
            Action::Timeline(3),
            Action::Mute(4),
            Action::Unmute(5),
            Action::AskDelete(6),
            Action::ConfirmDelete(7),
            Action::CancelDelete(8),
        ] {
            assert_eq!(Action::decode(&a.encode()), Some(a));
            assert!(a.encode().len() <= 64);
        }
        for junk in [
            "",
            "tl",
            "tl:",
            "tl:-1",
            "tl:0",
            "zz:1",
            "tl:1:2",
            "tl:99999999999",
        ] {
            assert_eq!(Action::decode(junk), None, "{junk}");
        }
    }

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

    #[test]
    fn repeats_collapse_into_ranges() {
        let t = |m: i64| DateTime::<Utc>::from_timestamp(1_700_000_000 + m * 60, 0).unwrap();
        let open = |at, kind, client, reason| TimelineOpen {
            at,
            kind,
            client,
            reason,
            reported: false,
        };
        let opens = vec![
            open(t(9), OpenKind::Direct, "Outlook", Reason::Agent),
            open(t(5), OpenKind::Duplicate, "Gmail", Reason::Dedup),
            open(t(4), OpenKind::GmailProxy, "Gmail", Reason::Agent),
            open(t(2), OpenKind::GmailProxy, "Gmail", Reason::Agent),
            open(t(0), OpenKind::AppleMpp, "Apple Mail", Reason::Agent),
        ];
        let entries = collapse(opens.into_iter());
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[0].kind, OpenKind::AppleMpp);
        assert_eq!(
            (
                entries[1].kind,
                entries[1].count,
                entries[1].first,
                entries[1].last
            ),
            (OpenKind::GmailProxy, 3, t(2), t(5))
        );
        assert_eq!(
            (entries[2].client.as_str(), entries[2].count),
            ("Outlook", 1)
        );
    }

    #[test]
    fn a_reported_open_and_another_reason_keep_lines_of_their_own() {
        let t = |m: i64| DateTime::<Utc>::from_timestamp(1_700_000_000 + m * 60, 0).unwrap();
        let open = |at, reason, reported| TimelineOpen {
            at,
            kind: OpenKind::Scanner,
            client: "Microsoft 365",
            reason,
            reported,
        };
        let entries = collapse(
            vec![
                open(t(4), Reason::NetworkScan, false),
                open(t(3), Reason::NetworkScan, true),
                open(t(2), Reason::NetworkScan, false),
                open(t(1), Reason::Agent, false),
                open(t(0), Reason::Agent, false),
            ]
            .into_iter(),
        );
        let lines: Vec<(Reason, usize, bool)> = entries
            .iter()
            .map(|e| (e.reason, e.count, e.reported))
            .collect();
        assert_eq!(
            lines,
            [
                (Reason::Agent, 2, false),
                (Reason::NetworkScan, 1, false),
                (Reason::NetworkScan, 1, true),
                (Reason::NetworkScan, 1, false),
            ]
        );
    }

    #[test]
    fn the_wrong_button_round_trips_and_junk_is_rejected() {
        let a = Action::Wrong(3, 9_876_543_210);
        assert_eq!(Action::decode(&a.encode()), Some(a));
        assert!(a.encode().len() <= 64);
        for junk in ["wr:3", "wr:0:5", "wr:3:0", "wr:3:-1", "wr:x:1", "wr:3:1:2"] {
            assert_eq!(Action::decode(junk), None, "{junk}");
        }
    }
}
