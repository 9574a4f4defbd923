//! Starting and stopping tracking: `/track` (one tracker, or one per recipient), `/mute` and
//! `/unmute`, `/delete` and its confirmation, and `/forget`, which erases the whole account.
//! Reads no opens: what was recorded is `history`'s.

use std::num::NonZeroU32;

use diesel_async::AsyncConnection;

use super::command::{Chat, MAX_RECIPIENTS, TrackerLinks};
use super::context::{Commands, Outcome};
use super::privacy_words;
use super::reply::Reply;
use super::words::{self, Limited};
use crate::domain::{Label, LabelError};
use crate::errors::DbError;
use crate::i18n::Lang;
use crate::links;
use crate::models::account::{self, Account};
use crate::models::tracker::{self, Tracker};

impl Commands {
    pub(super) async fn track(&self, chat: &Chat, account: &Account, raw: &str) -> Outcome {
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

    pub(super) async fn set_muted(&self, account: &Account, number: i32, muted: bool) -> Outcome {
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        let Some(t) = tracker::find_by_number(&mut conn, account.id, number).await? else {
            return Ok(words::no_such_tracker(account.lang(), number));
        };
        tracker::set_muted(&mut conn, t.id, muted).await?;
        Ok(words::muted(account.lang(), &t, muted))
    }

    pub(super) async fn ask_delete(&self, account: &Account, number: i32) -> Outcome {
        self.with_tracker(account, number, |t| {
            words::confirm_delete(account.lang(), t)
        })
        .await
    }

    pub(super) async fn delete(&self, account: &Account, number: i32) -> Outcome {
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        let Some(t) = tracker::find_by_number(&mut conn, account.id, number).await? else {
            return Ok(words::no_such_tracker(account.lang(), number));
        };
        tracker::delete(&mut conn, t.id).await?;
        Ok(words::deleted(account.lang(), &t))
    }

    pub(super) async fn forget(&self, account: &Account) -> Outcome {
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        account::forget(&mut conn, account.id).await?;
        Ok(words::forgotten(account.lang()))
    }
}

/// The labels a `/track` asks for: its first line is the email, and each further line a
/// recipient who gets a tracker of their own ("Proposal to ACME — Alice").
pub(super) fn track_labels(l: Lang, raw: &str) -> Result<Vec<Label>, Reply> {
    let lines: Vec<&str> = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let (email, recipients) = match lines.split_first() {
        Some((email, recipients)) => (*email, recipients),
        None => return Err(words::bad_label(l, LabelError::Missing)),
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
