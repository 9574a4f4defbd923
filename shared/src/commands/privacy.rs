//! What a chat's opens keep and show: `/privacy` (the screen and the mode), `/retention`
//! within the operator's limit, and `/notice`, the opt-out line offered with each tracker.
//! Erasing what a mode no longer keeps is the database's (`account::set_privacy`).

use super::context::{Commands, Outcome};
use super::privacy_words;
use crate::errors::DbError;
use crate::models::account::{self, Account};

impl Commands {
    /// `/privacy`: one screen of what is kept; with an argument, sets the chat's mode.
    pub(super) async fn privacy(&self, account: &Account, arg: &str) -> Outcome {
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
    pub(super) async fn retention(&self, account: &Account, arg: &str) -> Outcome {
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
    pub(super) async fn notice(&self, account: &Account, arg: &str) -> Outcome {
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
