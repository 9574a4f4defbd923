//! The alert dispatcher: a task inside the bot that drains the outbox. It wakes on
//! `LISTEN`/`NOTIFY`, sweeps periodically as a safety net, claims due alerts with
//! `FOR UPDATE SKIP LOCKED` under a lease, sends them, and marks them finished.
//!
//! Guarantees: an alert is finished only after the platform accepted it, so a crash between
//! send and mark repeats at most that one message once the lease runs out. Replicas never
//! hold the same alert at once, so they never both send it.
//!
//! A flooded tracker or a busy chat does not flood the chat: the claim holds an alert back
//! under [`AlertLimits`](mailping_shared::models::alert::AlertLimits) (decided in Postgres,
//! so the limits hold across replicas), and the reads arriving meanwhile raise its count, so
//! that one message tells them all with the exact number.
//!
//! Reminders go through the same loop and senders. Each is claimed, checked for a read, sent
//! and deleted inside one transaction (see `mailping_shared::models::reminder`), so a read
//! arriving at the same moment either cancels it or finds it already sent.

use std::time::Duration;

use chrono::Utc;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use mailping_shared::commands::privacy_words::withdrawal_notice;
use mailping_shared::commands::{alert_reply, reminder_reply};
use mailping_shared::db::Pool;
use mailping_shared::errors::DbError;
use mailping_shared::i18n::Lang;
use mailping_shared::models::account;
use mailping_shared::models::alert::{self, Claim, ClaimedAlert, Outcome};
use mailping_shared::models::reminder::{self, DueReminder};
use mailping_shared::models::withdrawal::{self, DueNotice};
use tokio::sync::watch;

use super::listener::AlertListener;
use super::sender::{Outgoing, SendError, Senders};
use crate::config::AlertConfig;

/// Drains the outbox through the configured platforms' senders.
pub struct AlertDispatcher {
    pool: Pool,
    senders: Senders,
    config: AlertConfig,
}

/// Reminders sent side by side by one dispatcher. A burst of reminders falls due at once (a
/// default delay, a morning after quiet hours); each holds a pooled connection while it sends.
const REMINDER_WORKERS: usize = 4;

/// How long a dispatcher keeps trying to record an alert's outcome after the platform
/// answered: longer than a failover takes (Patroni's default `ttl` is 30 s).
const RECORD_OUTCOME_FOR: Duration = Duration::from_secs(60);

impl AlertDispatcher {
    pub fn new(pool: Pool, senders: Senders, config: AlertConfig) -> Self {
        AlertDispatcher {
            pool,
            senders,
            config,
        }
    }

    /// Runs until `stop` turns true; alerts being sent are finished first.
    pub async fn run(self, mut stop: watch::Receiver<bool>) {
        let mut listener = AlertListener::new(self.pool.clone());
        loop {
            if *stop.borrow() {
                break;
            }
            if let Err(e) = self.drain().await {
                tracing::warn!(error = %e, "alert dispatcher: database error; will retry");
            }
            if let Err(e) = self.drain_reminders().await {
                tracing::warn!(error = %e, "reminder dispatcher: database error; will retry");
            }
            if let Err(e) = self.drain_notices().await {
                tracing::warn!(error = %e, "withdrawal notices: database error; will retry");
            }
            listener.connect().await;
            let wait = self.until_next_due().await;
            tokio::select! {
                () = listener.notified() => {}
                () = tokio::time::sleep(wait) => {}
                _ = stop.changed() => {}
            }
        }
        tracing::info!("alert dispatcher stopped");
    }

    /// How long to sleep: until the next retry is due, but never past the sweep interval.
    async fn until_next_due(&self) -> Duration {
        let sweep = self.config.sweep();
        let Ok(mut conn) = self.pool.get().await else {
            return sweep;
        };
        let alert = alert::next_due(&mut conn).await.ok().flatten();
        let reminder = reminder::next_due(&mut conn).await.ok().flatten();
        let notice = withdrawal::next_due(&mut conn).await.ok().flatten();
        match alert.into_iter().chain(reminder).chain(notice).min() {
            Some(at) => (at - Utc::now())
                .to_std()
                .unwrap_or(Duration::ZERO)
                .clamp(Duration::from_millis(10), sweep),
            None => sweep,
        }
    }

    /// Sends due reminders until none is due, `REMINDER_WORKERS` at a time. Each one is
    /// claimed, decided, sent and ended in one transaction of its own, so running several
    /// side by side changes nothing about exactly-once; it only overlaps their round trips.
    pub async fn drain_reminders(&self) -> Result<(), DbError> {
        let workers = (0..REMINDER_WORKERS).map(|_| self.drain_reminders_one_by_one());
        futures_util::future::join_all(workers)
            .await
            .into_iter()
            .collect()
    }

    async fn drain_reminders_one_by_one(&self) -> Result<(), DbError> {
        loop {
            let mut conn = self.pool.get().await?;
            let handled = conn
                .transaction(async |conn| {
                    let Some(r) = reminder::claim_due(conn, self.config.lease()).await? else {
                        return Ok::<_, DbError>(None);
                    };
                    self.deliver_reminder(conn, &r).await.map(|()| Some(()))
                })
                .await?;
            if handled.is_none() {
                return Ok(());
            }
        }
    }

    /// Decides a claimed reminder and, if it is to go out, sends it.
    #[tracing::instrument(skip_all, fields(
        reminder = r.id,
        account = r.account_id,
        tracker = r.number,
        chat = %r.chat_id,
        platform = %r.platform,
        attempt = r.attempts,
    ))]
    async fn deliver_reminder(
        &self,
        conn: &mut AsyncPgConnection,
        r: &DueReminder,
    ) -> Result<(), DbError> {
        if r.read || r.blocked {
            tracing::info!(
                read = r.read,
                blocked = r.blocked,
                "reminder void; not sent"
            );
            reminder::finish(conn, r.id).await?;
            return Ok(());
        }
        if let Some(quiet) = r.quiet_hours() {
            let allowed = quiet.next_allowed(r.now, r.tz());
            if allowed > r.now {
                tracing::info!(until = %allowed, "reminder due in quiet hours; postponed");
                reminder::postpone(conn, r.id, allowed, None).await?;
                return Ok(());
            }
        }
        let message = Outgoing::Reminder(reminder_reply(r));
        match self.senders.send(r.platform, &r.chat_id, &message).await {
            Ok(()) => {
                metrics::counter!("mailping_reminders_sent_total").increment(1);
                reminder::finish(conn, r.id).await?;
            }
            Err(SendError::RetryAfter(after)) => {
                tracing::info!(retry_after = ?after, "chat rate-limited; its messages wait");
                let until = r.now + chrono::Duration::from_std(after).unwrap_or_default();
                account::pause_sending(conn, r.account_id, after).await?;
                reminder::postpone(conn, r.id, until, Some("rate limited")).await?;
            }
            Err(SendError::Refused(why)) => {
                tracing::warn!(%why, "chat refuses messages; alerts and reminders stopped for it");
                account::block_alerts(conn, r.account_id).await?;
                reminder::finish(conn, r.id).await?;
            }
            Err(SendError::Failed(why)) => {
                let delay = backoff(r.attempts + 1, self.config.max_backoff());
                tracing::warn!(retry_in = ?delay, %why, "reminder not delivered; will retry");
                let until = r.now + chrono::Duration::from_std(delay).unwrap_or_default();
                reminder::postpone(conn, r.id, until, Some(&why)).await?;
            }
        }
        Ok(())
    }

    /// Sends due withdrawal notices until none is due, one at a time, each claimed, sent and
    /// ended in one transaction (see `mailping_shared::models::withdrawal`).
    pub async fn drain_notices(&self) -> Result<(), DbError> {
        loop {
            let mut conn = self.pool.get().await?;
            let handled = conn
                .transaction(async |conn| {
                    let Some(n) = withdrawal::claim_due(conn, self.config.lease()).await? else {
                        return Ok::<_, DbError>(None);
                    };
                    self.deliver_notice(conn, &n).await.map(|()| Some(()))
                })
                .await?;
            if handled.is_none() {
                return Ok(());
            }
        }
    }

    #[tracing::instrument(skip_all, fields(
        account = n.account_id,
        tracker = n.number,
        platform = %n.platform,
        attempt = n.attempts,
    ))]
    async fn deliver_notice(
        &self,
        conn: &mut AsyncPgConnection,
        n: &DueNotice,
    ) -> Result<(), DbError> {
        if n.blocked {
            tracing::info!("chat refuses messages; withdrawal notice not sent");
            withdrawal::finish(conn, n.tracker_id).await?;
            return Ok(());
        }
        let message = Outgoing::Notice(withdrawal_notice(
            Lang::from_platform(n.language.as_deref()),
            n.number,
            &n.label,
        ));
        match self.senders.send(n.platform, &n.chat_id, &message).await {
            Ok(()) => withdrawal::finish(conn, n.tracker_id).await?,
            Err(SendError::RetryAfter(after)) => {
                account::pause_sending(conn, n.account_id, after).await?;
                let until = Utc::now() + chrono::Duration::from_std(after).unwrap_or_default();
                withdrawal::postpone(conn, n.tracker_id, until, "rate limited").await?;
            }
            Err(SendError::Refused(why)) => {
                tracing::warn!(%why, "chat refuses messages; alerts and notices stopped for it");
                account::block_alerts(conn, n.account_id).await?;
                withdrawal::finish(conn, n.tracker_id).await?;
            }
            Err(SendError::Failed(why)) => {
                let delay = backoff(n.attempts + 1, self.config.max_backoff());
                tracing::warn!(retry_in = ?delay, %why, "withdrawal notice not delivered; will retry");
                let until = Utc::now() + chrono::Duration::from_std(delay).unwrap_or_default();
                withdrawal::postpone(conn, n.tracker_id, until, &why).await?;
            }
        }
        Ok(())
    }

    /// Claims and sends due alerts until none is due. Alerts are claimed and sent one at a
    /// time: a crash can then leave at most one alert sent but not marked (repeated once after
    /// the lease), and no claimed-but-unsent alert waits out a dead dispatcher's lease.
    /// Replicas add throughput.
    pub async fn drain(&self) -> Result<(), DbError> {
        let limits = self.config.limits();
        loop {
            let claim = {
                let mut conn = self.pool.get().await?;
                alert::claim_next(&mut conn, self.config.lease(), &limits).await?
            };
            match claim {
                Claim::Nothing => return Ok(()),
                Claim::Held { alert_id, hold } => {
                    metrics::counter!("mailping_alerts_held_total").increment(1);
                    tracing::info!(
                        alert = alert_id,
                        until = %hold.until,
                        tracker_flooded = hold.coalesced_since.is_some(),
                        "alert held back; its reads go into one message"
                    );
                }
                Claim::Alert(a) => {
                    // The lease runs out and the alert is tried again: nothing is lost.
                    if let Err(e) = self.deliver(&a).await {
                        tracing::error!(error = %e, alert = a.id, "could not record an alert's outcome")
                    }
                }
            }
        }
    }

    /// Sends one alert and records the outcome. A rate limit pauses only the alert's chat
    /// (recorded in Postgres, so every replica honours it): Telegram and Discord limit
    /// per chat, and Discord's global limit is waited out inside serenity's rate limiter.
    #[tracing::instrument(skip_all, fields(
        alert = a.id,
        account = a.account_id,
        tracker = a.tracker_id,
        chat = %a.chat_id,
        platform = %a.platform,
        attempt = a.attempts,
    ))]
    async fn deliver(&self, a: &ClaimedAlert) -> Result<(), DbError> {
        if a.muted || a.blocked {
            let mut conn = self.pool.get().await?;
            let outcome = if a.muted {
                Outcome::Muted
            } else {
                Outcome::Blocked
            };
            alert::finish(&mut conn, a, outcome).await?;
            return Ok(());
        }
        let result = self.send(a).await;
        // Once a message has gone out, its outcome must be recorded, or the lease runs out and
        // the alert goes out twice. The database may be failing over at that moment (the
        // old primary gone, the standby not yet promoted): keep trying for
        // `RECORD_OUTCOME_FOR`. Each statement can be repeated safely.
        let started = tokio::time::Instant::now();
        let mut delay = Duration::from_millis(100);
        loop {
            match self.record_outcome(a, &result).await {
                Ok(()) => return Ok(()),
                Err(e) if started.elapsed() < RECORD_OUTCOME_FOR => {
                    tracing::warn!(error = %e, retry_in = ?delay, "cannot record an alert's outcome yet");
                    tokio::time::sleep(delay).await;
                    delay = (delay * 2).min(Duration::from_secs(2));
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Records what the platform said about a sent alert.
    async fn record_outcome(
        &self,
        a: &ClaimedAlert,
        result: &Result<(), SendError>,
    ) -> Result<(), DbError> {
        let mut conn = self.pool.get().await?;
        match result {
            Ok(()) => {
                alert::finish(&mut conn, a, Outcome::Sent).await?;
                metrics::counter!("mailping_alerts_sent_total").increment(1);
            }
            Err(SendError::RetryAfter(after)) => {
                tracing::info!(retry_after = ?after, "chat rate-limited; its alerts wait");
                alert::unrecord_send(&mut conn, a).await?;
                account::pause_sending(&mut conn, a.account_id, *after).await?;
                alert::retry_later(&mut conn, a.id, *after, "rate limited").await?;
            }
            Err(SendError::Refused(why)) => {
                tracing::warn!(%why, "chat refuses messages; alerts stopped for it");
                alert::unrecord_send(&mut conn, a).await?;
                account::block_alerts(&mut conn, a.account_id).await?;
                alert::finish(&mut conn, a, Outcome::Blocked).await?;
                alert::finish_all_blocked(&mut conn, a.account_id).await?;
            }
            Err(SendError::Failed(why)) => {
                let delay = backoff(a.attempts, self.config.max_backoff());
                tracing::warn!(retry_in = ?delay, %why, "alert not delivered; will retry");
                alert::unrecord_send(&mut conn, a).await?;
                alert::retry_later(&mut conn, a.id, delay, why).await?;
            }
        }
        Ok(())
    }

    /// Hands the alert to its platform's sender.
    async fn send(&self, a: &ClaimedAlert) -> Result<(), SendError> {
        self.senders
            .send(a.platform, &a.chat_id, &Outgoing::Alert(alert_reply(a)))
            .await
    }
}

/// Exponential backoff: 1 s, 2 s, 4 s … up to `max`.
pub fn backoff(attempt: i32, max: Duration) -> Duration {
    let exp = attempt.clamp(1, 20) as u32 - 1;
    Duration::from_secs(1u64 << exp).min(max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let max = Duration::from_secs(300);
        let got: Vec<u64> = [1, 2, 3, 4, 9, 10, 50]
            .into_iter()
            .map(|n| backoff(n, max).as_secs())
            .collect();
        assert_eq!(got, [1, 2, 4, 8, 256, 300, 300]);
        assert_eq!(backoff(0, max), Duration::from_secs(1));
    }
}
