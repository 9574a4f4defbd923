//! `/remind`: the chat's default reminder, and a tracker's reminder set or stopped (also from
//! a button). Sending a due reminder is the bot's outbox, not this file's.

use super::context::{Commands, Outcome, parse_number};
use super::words;
use crate::errors::DbError;
use crate::models::account::{self, Account};
use crate::models::open;
use crate::models::reminder;
use crate::models::tracker;
use crate::schedule::ReminderDelay;

impl Commands {
    pub(super) async fn remind(&self, account: &Account, arg: &str) -> Outcome {
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

    pub(super) async fn set_reminder(
        &self,
        account: &Account,
        number: i32,
        delay: ReminderDelay,
    ) -> Outcome {
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

    pub(super) async fn stop_reminder(&self, account: &Account, number: i32) -> Outcome {
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        let Some(t) = tracker::find_by_number(&mut conn, account.id, number).await? else {
            return Ok(words::no_such_tracker(account.lang(), number));
        };
        reminder::stop(&mut conn, t.id).await?;
        Ok(words::reminder_stopped(account.lang(), &t))
    }
}
