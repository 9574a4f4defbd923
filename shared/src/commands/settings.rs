//! The chat's own settings that change how answers read: `/language`, `/tz` and `/quiet`.
//! What opens keep is `privacy`'s; nothing here touches trackers or opens.

use super::command::Chat;
use super::context::{Commands, Outcome};
use super::words;
use crate::errors::DbError;
use crate::i18n::Lang;
use crate::models::account::{self, Account};
use crate::schedule::QuietHours;

impl Commands {
    /// `/language code`, `/language auto` or a language button: the language spoken here.
    pub(super) async fn set_language(
        &self,
        chat: &Chat,
        account: &Account,
        lang: Option<Lang>,
    ) -> Outcome {
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

    pub(super) async fn language(&self, chat: &Chat, account: &Account, arg: &str) -> Outcome {
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

    pub(super) async fn set_timezone(&self, account: &Account, raw: &str) -> Outcome {
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

    pub(super) async fn quiet(&self, account: &Account, arg: &str) -> Outcome {
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
}
