//! The `accounts` table: one row per chat (a Telegram chat or a Discord user), with its
//! settings (timezone, default reminder, quiet hours, whether alerts can be sent), and `/forget`.
//! Queries only; no sentence, no platform.

use chrono::{DateTime, NaiveTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

use crate::i18n::Lang;
use crate::schedule::{self, QuietHours, ReminderDelay};
use crate::schema::{accounts, trackers};

pub use crate::domain::{Platform, PrivacyMode};

/// A Telegram chat or a Discord user: the owner of trackers and the target of alerts.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = accounts, check_for_backend(diesel::pg::Pg))]
pub struct Account {
    pub id: i64,
    pub platform: Platform,
    pub chat_id: String,
    pub timezone: String,
    pub trackers_created: i32,
    pub alerts_blocked_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// The reminder every new tracker gets, if any.
    pub remind_after: Option<chrono::Duration>,
    pub quiet_start: Option<NaiveTime>,
    pub quiet_end: Option<NaiveTime>,
    /// The language spoken here (a catalogue's code); none until the platform reports one.
    pub language: Option<String>,
    /// The chat picked its language with `/language`; what the platform reports no longer
    /// changes it.
    pub language_chosen: bool,
    /// Chosen with /privacy; `None` follows the operator's `PRIVACY_DEFAULT`.
    pub privacy: Option<PrivacyMode>,
    /// Chosen with /retention; `None` keeps opens as long as the operator does.
    pub retention: Option<chrono::Duration>,
    /// Whether /track offers the recipient notice with its opt-out link.
    pub notice_on: bool,
    /// The chat's own wording of the notice; `None` for the default.
    pub notice_text: Option<String>,
}

impl Account {
    /// The language to speak here: the stored one, English if none is stored yet.
    pub fn lang(&self) -> Lang {
        Lang::from_platform(self.language.as_deref())
    }

    /// Whether the language the platform reports becomes this chat's: not once the chat has
    /// picked one, and in a group only the first time (a group speaks one language, not
    /// each sender's).
    pub fn follows_platform(&self, group: bool) -> bool {
        let group_has_one = group && self.language.is_some();
        !(self.language_chosen || group_has_one)
    }

    pub fn tz(&self) -> chrono_tz::Tz {
        schedule::timezone(&self.timezone)
    }

    pub fn quiet_hours(&self) -> Option<QuietHours> {
        QuietHours::from_columns(self.quiet_start, self.quiet_end)
    }

    pub fn default_reminder(&self) -> Option<ReminderDelay> {
        ReminderDelay::new(self.remind_after?).ok()
    }

    /// The chat's mode: its own choice, or the operator's default.
    pub fn privacy_mode(&self, default: PrivacyMode) -> PrivacyMode {
        self.privacy.unwrap_or(default)
    }
}

/// Finds or creates the account of a chat. The chat just talked to us, so it can be messaged
/// again: any alert block is lifted.
pub async fn upsert(
    conn: &mut AsyncPgConnection,
    platform: Platform,
    chat_id: &str,
) -> QueryResult<Account> {
    diesel::insert_into(accounts::table)
        .values((
            accounts::platform.eq(platform),
            accounts::chat_id.eq(chat_id),
        ))
        .on_conflict((accounts::platform, accounts::chat_id))
        .do_update()
        .set(accounts::alerts_blocked_at.eq(None::<DateTime<Utc>>))
        .returning(Account::as_returning())
        .get_result(conn)
        .await
}

/// Leaves the chat alone for `delay` (a platform's per-chat rate limit): the outbox claims
/// none of its alerts or reminders before then. A longer pause already set is kept.
pub async fn pause_sending(
    conn: &mut AsyncPgConnection,
    account_id: i64,
    delay: std::time::Duration,
) -> QueryResult<()> {
    diesel::sql_query(
        "UPDATE accounts SET send_not_before = greatest(send_not_before, now() + $2) WHERE id = $1",
    )
    .bind::<diesel::sql_types::BigInt, _>(account_id)
    .bind::<diesel::sql_types::Interval, _>(diesel::pg::data_types::PgInterval::from_microseconds(
        delay.as_micros() as i64,
    ))
    .execute(conn)
    .await
    .map(drop)
}

pub async fn set_timezone(
    conn: &mut AsyncPgConnection,
    account_id: i64,
    tz: &str,
) -> QueryResult<()> {
    diesel::update(accounts::table.find(account_id))
        .set(accounts::timezone.eq(tz))
        .execute(conn)
        .await
        .map(drop)
}

/// Sets the language spoken here; `chosen` when the chat picked it (`/language`), so that what
/// the platform reports no longer changes it.
pub async fn set_language(
    conn: &mut AsyncPgConnection,
    account_id: i64,
    lang: Option<Lang>,
    chosen: bool,
) -> QueryResult<()> {
    diesel::update(accounts::table.find(account_id))
        .set((
            accounts::language.eq(lang.map(Lang::code)),
            accounts::language_chosen.eq(chosen),
        ))
        .execute(conn)
        .await
        .map(drop)
}

/// The platform refused to deliver to this chat (blocked bot, closed DMs): stop alerting it.
pub async fn block_alerts(conn: &mut AsyncPgConnection, account_id: i64) -> QueryResult<()> {
    diesel::update(accounts::table.find(account_id))
        .set(accounts::alerts_blocked_at.eq(diesel::dsl::now))
        .execute(conn)
        .await
        .map(drop)
}

/// Sets or clears the reminder applied to every new tracker.
pub async fn set_default_reminder(
    conn: &mut AsyncPgConnection,
    account_id: i64,
    delay: Option<ReminderDelay>,
) -> QueryResult<()> {
    diesel::update(accounts::table.find(account_id))
        .set(accounts::remind_after.eq(delay.map(ReminderDelay::duration)))
        .execute(conn)
        .await
        .map(drop)
}

/// Sets or clears the account's quiet hours.
pub async fn set_quiet_hours(
    conn: &mut AsyncPgConnection,
    account_id: i64,
    quiet: Option<QuietHours>,
) -> QueryResult<()> {
    diesel::update(accounts::table.find(account_id))
        .set((
            accounts::quiet_start.eq(quiet.map(|q| q.start)),
            accounts::quiet_end.eq(quiet.map(|q| q.end)),
        ))
        .execute(conn)
        .await
        .map(drop)
}

/// Deletes the account and, through the foreign keys, everything it owns: trackers, their
/// opens, alerts and reminders, and the networks learned from its copy-page views.
/// Each deleted tracker takes its writer lock (`open::lock_trackers`); they are taken here
/// first, in the writer's order, so that a batch being written cannot deadlock with this.
pub async fn forget(conn: &mut AsyncPgConnection, account_id: i64) -> QueryResult<()> {
    conn.transaction(async |conn| {
        let mut trackers: Vec<i64> = trackers::table
            .filter(trackers::account_id.eq(account_id))
            .select(trackers::id)
            .load(conn)
            .await?;
        trackers.sort_unstable();
        crate::models::open::lock_trackers(conn, &trackers).await?;
        diesel::delete(accounts::table.find(account_id))
            .execute(conn)
            .await
            .map(drop)
    })
    .await
}

/// Sets the chat's privacy mode, returning how many opens were erased. Switching to strict erases, in the same transaction, what
/// strict mode never keeps from the chat's existing opens (network, User-Agent, client name)
/// and what "Wrong?" learned from them (reported networks and machines), since those came
/// from recipients' fetches. The networks the owner's own copy-page views taught are kept:
/// they are the owner's, and how their own views are told apart. Each of the chat's trackers
/// is locked as the pixel writer locks it, so a batch being written commits before or after,
/// never half way.
pub async fn set_privacy(
    conn: &mut AsyncPgConnection,
    account_id: i64,
    mode: PrivacyMode,
) -> QueryResult<usize> {
    use diesel::sql_types::BigInt;
    conn.transaction(async |conn| {
        diesel::update(accounts::table.find(account_id))
            .set(accounts::privacy.eq(mode))
            .execute(conn)
            .await?;
        if mode == PrivacyMode::Strict {
            let mut ids: Vec<i64> = trackers::table
                .filter(trackers::account_id.eq(account_id))
                .select(trackers::id)
                .load(conn)
                .await?;
            ids.sort_unstable();
            crate::models::open::lock_trackers(conn, &ids).await?;
            let erased = diesel::sql_query(
                "UPDATE opens SET network = NULL, user_agent = NULL, client = ''
                 WHERE tracker_id = ANY($1)
                   AND (network IS NOT NULL OR user_agent IS NOT NULL OR client <> '')",
            )
            .bind::<diesel::sql_types::Array<BigInt>, _>(&ids)
            .execute(conn)
            .await?;
            diesel::sql_query("DELETE FROM reported_machines WHERE account_id = $1")
                .bind::<BigInt, _>(account_id)
                .execute(conn)
                .await?;
            diesel::sql_query("DELETE FROM sender_networks WHERE account_id = $1 AND reported")
                .bind::<BigInt, _>(account_id)
                .execute(conn)
                .await?;
            return Ok(erased);
        }
        Ok(0)
    })
    .await
}

/// Sets or clears (`None`: the operator's) the chat's retention.
pub async fn set_retention(
    conn: &mut AsyncPgConnection,
    account_id: i64,
    retention: Option<chrono::Duration>,
) -> QueryResult<()> {
    diesel::update(accounts::table.find(account_id))
        .set(accounts::retention.eq(retention))
        .execute(conn)
        .await
        .map(drop)
}

/// Turns the recipient notice on or off, and sets its wording (`None`: the default).
pub async fn set_notice(
    conn: &mut AsyncPgConnection,
    account_id: i64,
    on: bool,
    text: Option<Option<&str>>,
) -> QueryResult<()> {
    match text {
        Some(text) => diesel::update(accounts::table.find(account_id))
            .set((accounts::notice_on.eq(on), accounts::notice_text.eq(text)))
            .execute(conn)
            .await
            .map(drop),
        None => diesel::update(accounts::table.find(account_id))
            .set(accounts::notice_on.eq(on))
            .execute(conn)
            .await
            .map(drop),
    }
}
