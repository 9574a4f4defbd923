//! `/stats`: a chart of the account's last 30 days, or of one tracker's fetches, with the
//! words around it.

use chrono::{Duration, NaiveDate, Utc};

use super::command::Command;
use super::context::{Commands, Outcome, parse_number};
use super::reply::{Attachment, Reply};
use super::words;
use crate::charts;
use crate::errors::DbError;
use crate::i18n::{Args, ChartText, Lang};
use crate::models::account::Account;
use crate::models::stats::{self, Totals};
use crate::models::{open, tracker};

/// Days shown on the account chart.
pub const STATS_DAYS: i64 = 30;
/// Fetches drawn on one tracker's chart (the newest); more would be one blot anyway.
const TRACKER_CHART_FETCHES: i64 = 5_000;

impl Command {
    /// Whether the answer is a file that may take a moment to make, so a platform with a
    /// short answer deadline (Discord's 3 s) should acknowledge first and send it after.
    pub fn sends_a_file(&self) -> bool {
        matches!(self, Command::Stats(_) | Command::Export(_))
    }
}

impl Commands {
    pub(super) async fn stats(&self, account: &Account, arg: &str) -> Outcome {
        if arg.trim().is_empty() {
            return self.account_stats(account).await;
        }
        match parse_number(account.lang(), arg, "stats") {
            Ok(n) => self.tracker_stats(account, n).await,
            Err(reply) => Ok(reply),
        }
    }

    async fn account_stats(&self, account: &Account) -> Outcome {
        let tz = account.tz();
        let today = Utc::now().with_timezone(&tz).date_naive();
        let days: Vec<NaiveDate> = (0..STATS_DAYS)
            .rev()
            .map(|back| today - Duration::days(back))
            .collect();
        // From the start of the first local day; a little early is harmless, the day filter
        // in the chart drops what falls before it.
        let since = Utc::now() - Duration::days(STATS_DAYS);
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        let counts = stats::daily_counts(&mut conn, account.id, tz.name(), since).await?;
        let totals = stats::totals(&mut conn, account.id, since).await?;
        drop(conn);
        let l = account.lang();
        if counts.is_empty() && totals.created == 0 {
            return Ok(nothing_to_chart(l));
        }
        let png = match charts::account_chart(&ChartText(l), &days, &counts, tz.name()) {
            Ok(png) => png,
            Err(e) => {
                tracing::error!(error = %e, "could not draw the account chart");
                return Ok(words::something_went_wrong(l));
            }
        };
        Ok(account_caption(l, &totals).attach(Attachment::photo("mailping-stats.png", png)))
    }

    async fn tracker_stats(&self, account: &Account, number: i32) -> Outcome {
        let l = account.lang();
        let mut conn = self.pool.get().await.map_err(DbError::from)?;
        let Some(t) = tracker::find_by_number(&mut conn, account.id, number).await? else {
            return Ok(words::no_such_tracker(l, number));
        };
        let opens = open::timeline(&mut conn, t.id, TRACKER_CHART_FETCHES).await?;
        drop(conn);
        if opens.is_empty() {
            return Ok(no_fetches(l, t.number, &t.label, "stats-no-fetches"));
        }
        let fetches: Vec<_> = opens.iter().map(|o| (o.opened_at, o.kind)).collect();
        let png = match charts::tracker_chart(
            &ChartText(l),
            t.number,
            &t.label,
            &fetches,
            account.tz(),
        ) {
            Ok(png) => png,
            Err(e) => {
                tracing::error!(error = %e, tracker = t.number, "could not draw a tracker chart");
                return Ok(words::something_went_wrong(l));
            }
        };
        let reads = fetches.iter().filter(|(_, k)| k.counts_as_read()).count();
        Ok(l.reply(
            "stats-tracker",
            &Args::new()
                .id("number", t.number)
                .text("label", words::truncate_chars(&t.label, 200))
                .number("fetches", fetches.len() as f64)
                .number("reads", reads as f64),
        )
        .attach(Attachment::photo(format!("mailping-{}.png", t.number), png)))
    }
}

/// An account with nothing in the window gets words, not an empty picture.
fn nothing_to_chart(l: Lang) -> Reply {
    l.reply(
        "stats-nothing",
        &Args::new().number("days", STATS_DAYS as f64),
    )
}

/// Said by `/stats n` and `/export n` for a tracker that has recorded nothing (`key` says
/// which).
pub(super) fn no_fetches(l: Lang, number: i32, label: &str, key: &str) -> Reply {
    l.reply(
        key,
        &Args::new()
            .id("number", number)
            .text("label", words::truncate_chars(label, 200)),
    )
}

fn account_caption(l: Lang, t: &Totals) -> Reply {
    let unread = t.created - t.read;
    let mut reply = l.reply(
        "stats-account",
        &Args::new()
            .number("days", STATS_DAYS as f64)
            .number("created", t.created as f64)
            .number("read", t.read as f64)
            .number("unread", unread as f64),
    );
    if let Some(secs) = t.median_secs_to_first_read {
        reply = reply.plain(" ").then(l.reply(
            "stats-median",
            &Args::new().text("median", duration_words(l, secs)),
        ));
    }
    reply
}

/// "45 s", "12 min", "3 h 5 min", "2 days 4 h".
fn duration_words(l: Lang, secs: f64) -> String {
    let secs = secs.max(0.0).round() as i64;
    let n = |name: &'static str, n: i64| Args::new().number(name, n as f64);
    match secs {
        0..60 => l.text("short-seconds", &n("count", secs)),
        60..3600 => l.text("short-minutes", &n("count", secs / 60)),
        3600..86_400 => match (secs % 3600) / 60 {
            0 => l.text("short-hours", &n("count", secs / 3600)),
            m => l.text(
                "short-hours-minutes",
                &n("hours", secs / 3600).number("minutes", m as f64),
            ),
        },
        _ => {
            let days = secs / 86_400;
            match (secs % 86_400) / 3600 {
                0 => l.text("short-days", &n("count", days)),
                h => l.text(
                    "short-days-hours",
                    &n("days", days).number("hours", h as f64),
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration_words(Lang::En, 12.4), "12 s");
        assert_eq!(duration_words(Lang::En, 720.0), "12 min");
        assert_eq!(duration_words(Lang::En, 3.0 * 3600.0 + 300.0), "3 h 5 min");
        assert_eq!(duration_words(Lang::En, 7200.0), "2 h");
        assert_eq!(
            duration_words(Lang::En, 86_400.0 + 4.0 * 3600.0),
            "1 day 4 h"
        );
        assert_eq!(duration_words(Lang::En, 3.0 * 86_400.0), "3 days");
    }

    #[test]
    fn the_caption_gives_the_totals() {
        let text = account_caption(
            Lang::En,
            &Totals {
                created: 5,
                read: 3,
                median_secs_to_first_read: Some(5400.0),
            },
        )
        .plain_text();
        assert!(
            text.contains("5 trackers created, 3 read, 2 not yet read"),
            "{text}"
        );
        assert!(text.contains("1 h 30 min"), "{text}");
    }
}
