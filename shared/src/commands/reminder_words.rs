//! The wording of "no confirmed read yet" reminders.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use super::action::Action;
use super::reply::Reply;
use super::words::duration;
use crate::i18n::{Args, Lang, format};
use crate::models::reminder::DueReminder;
use crate::schedule::ReminderDelay;

/// Late by more than this, a reminder says how late it is (the bot was down).
pub const LATE_NOTICE: Duration = Duration::hours(1);

/// The message for a due reminder, in the owner's language and timezone.
pub fn reminder_reply(r: &DueReminder) -> Reply {
    let l = Lang::from_platform(r.language.as_deref());
    let tz = r.tz();
    let mut reply = l.reply(
        "reminder-due",
        &Args::new()
            .text("label", &r.label)
            .text("waited", roughly(l, r.now - r.sent_at))
            .text("sent", when(l, r.sent_at, r.now, tz)),
    );
    if let Some(at) = r.apple_prefetch_at {
        reply = reply.plain(" ").then(l.reply(
            "reminder-apple-fetched",
            &Args::new().text("at", when(l, at, r.now, tz)),
        ));
    }
    let late = r.lateness();
    if late > LATE_NOTICE {
        reply = reply
            .plain("\n")
            .then(l.reply("reminder-late", &Args::new().text("late", roughly(l, late))));
    }
    let again = ReminderDelay::PRESETS[1];
    let none = Args::new();
    reply.button_row(vec![
        l.button("button-timeline", &none, Action::Timeline(r.number)),
        l.button(
            "button-remind-again",
            &Args::new().text("delay", duration(l, again.duration())),
            Action::Remind(r.number, again.minutes() as u32),
        ),
        l.button(
            "button-stop-reminding",
            &none,
            Action::StopReminding(r.number),
        ),
    ])
}

/// "3 days", "5 hours", "12 minutes": the largest unit, rounded to the nearest.
fn roughly(l: Lang, d: Duration) -> String {
    let minutes = d.num_minutes().max(1);
    let (unit, n) = if minutes >= 24 * 60 {
        (24 * 60, (minutes + 12 * 60) / (24 * 60))
    } else if minutes >= 60 {
        (60, (minutes + 30) / 60)
    } else {
        (1, minutes)
    };
    duration(l, Duration::minutes(unit * n))
}

/// "14:40" today, "Mon 14:32" within a week, "3 Nov, 14:32" before that.
fn when(l: Lang, at: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    let (local, today) = (at.with_timezone(&tz), now.with_timezone(&tz));
    if local.date_naive() == today.date_naive() {
        format::time(l, at, tz)
    } else if now - at < Duration::days(6) {
        format::weekday_time(l, at, tz)
    } else {
        format::day_time(l, at, tz)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Platform;
    use chrono::TimeZone;

    fn due(now: DateTime<Utc>, sent: DateTime<Utc>, apple: Option<DateTime<Utc>>) -> DueReminder {
        DueReminder {
            id: 1,
            due_at: sent + Duration::days(3),
            attempts: 0,
            now,
            account_id: 1,
            platform: Platform::Telegram,
            chat_id: "1".into(),
            timezone: "Europe/Berlin".into(),
            quiet_start: None,
            quiet_end: None,
            blocked: false,
            number: 3,
            label: "Proposal to ACME".into(),
            sent_at: sent,
            read: false,
            apple_prefetch_at: apple,
            language: None,
        }
    }

    #[test]
    fn a_reminder_names_the_email_the_wait_and_the_apple_fetch() {
        // Monday 30 Nov 2026, 13:32 UTC = 14:32 in Berlin.
        let sent = Utc.with_ymd_and_hms(2026, 11, 30, 13, 32, 0).unwrap();
        let apple = sent + Duration::minutes(8);
        let r = due(sent + Duration::days(3), sent, Some(apple));
        assert_eq!(
            reminder_reply(&r).plain_text(),
            "⏰ No confirmed read of Proposal to ACME after 3 days (sent Mon 14:32). Apple Mail fetched it on delivery at Mon 14:40, which is not a read."
        );
    }

    #[test]
    fn a_late_reminder_says_how_late() {
        let sent = Utc.with_ymd_and_hms(2026, 11, 30, 13, 32, 0).unwrap();
        let r = due(sent + Duration::days(3) + Duration::hours(5), sent, None);
        let text = reminder_reply(&r).plain_text();
        assert!(text.contains("This reminder is 5 hours late"), "{text}");
        let on_time = due(sent + Duration::days(3) + Duration::minutes(59), sent, None);
        assert!(!reminder_reply(&on_time).plain_text().contains("late"));
    }

    #[test]
    fn a_reminder_offers_the_timeline_another_reminder_and_stop() {
        let sent = Utc.with_ymd_and_hms(2026, 11, 30, 13, 32, 0).unwrap();
        let reply = reminder_reply(&due(sent + Duration::minutes(1), sent, None));
        assert!(reply.plain_text().contains("after 1 minute"));
        let actions: Vec<Action> = reply.buttons[0].iter().map(|b| b.action).collect();
        assert_eq!(
            actions,
            [
                Action::Timeline(3),
                Action::Remind(3, 3 * 24 * 60),
                Action::StopReminding(3)
            ]
        );
    }
}
