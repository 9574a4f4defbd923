//! Reading what was recorded: `/opens` (the list of trackers, a page at a time), `/opens n`
//! (one tracker's timeline), and the owner's "Wrong?" answer to a verdict. Changes no
//! tracker; `tracking` does.

use chrono::Utc;

use super::context::{Commands, Outcome, PAGE_SIZE, TIMELINE_LINES, TIMELINE_OPENS};
use super::privacy_words;
use super::timeline::{TimelineOpen, collapse};
use super::words;
use crate::domain::{OpenKind, Reason, Said};
use crate::errors::DbError;
use crate::models::account::Account;
use crate::models::open;
use crate::models::tracker;

impl Commands {
    pub(super) async fn list(&self, account: &Account, page: u32) -> Outcome {
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

    pub(super) async fn timeline(&self, account: &Account, number: i32) -> Outcome {
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
    pub(super) async fn ask_what_it_was(
        &self,
        account: &Account,
        number: i32,
        open_id: i64,
    ) -> Outcome {
        self.with_tracker(account, number, |t| {
            words::what_was_it(account.lang(), t, open_id)
        })
        .await
    }

    /// Records the owner's disagreement with a verdict and learns from it where the network
    /// can tell (`open::report_verdict`): their own network for their later fetches, or the
    /// machine's agent and network.
    pub(super) async fn report_wrong(
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
