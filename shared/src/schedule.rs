//! When follow-up reminders fire: the delays people type (`2d`, `36h`, `1w`, `3 days`) and an
//! account's quiet hours (`22:00-08:00` in its own timezone).
//!
//! Durations are parsed by `humantime`, the well-kept crate for this, after a small rewrite
//! of the forms people type that it does not take itself (a space between number and unit).

use std::fmt;

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// How long after sending to remind: between one minute and one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ReminderDelay(Duration);

/// Why a delay was refused; each variant reads as a sentence for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DelayError {
    #[error("\"{0}\" is not a duration I understand")]
    Unknown(String),
    #[error("a reminder needs at least one minute")]
    TooShort,
    #[error("a reminder can be at most one year away")]
    TooLong,
}

impl ReminderDelay {
    pub const MIN: Duration = Duration::minutes(1);
    pub const MAX: Duration = Duration::days(365);

    /// The delays offered as buttons under a new tracker.
    pub const PRESETS: [ReminderDelay; 3] = [
        ReminderDelay(Duration::days(1)),
        ReminderDelay(Duration::days(3)),
        ReminderDelay(Duration::weeks(1)),
    ];

    /// Parses what a user typed: `2d`, `36h`, `1w`, `90min`, `3 days`, `1 week 2 days`.
    pub fn parse(raw: &str) -> Result<Self, DelayError> {
        let raw = raw.trim();
        let unknown = || DelayError::Unknown(crate::text::truncate_chars(raw, 40));
        if raw.is_empty() || raw.starts_with('-') {
            return Err(unknown());
        }
        let parsed = humantime::parse_duration(&join_units(raw)).map_err(|_| unknown())?;
        let delay = Duration::from_std(parsed).map_err(|_| DelayError::TooLong)?;
        Self::new(delay)
    }

    /// A delay from a duration, within the bounds.
    pub fn new(delay: Duration) -> Result<Self, DelayError> {
        if delay < Self::MIN {
            Err(DelayError::TooShort)
        } else if delay > Self::MAX {
            Err(DelayError::TooLong)
        } else {
            Ok(ReminderDelay(delay))
        }
    }

    pub fn duration(self) -> Duration {
        self.0
    }

    /// Minutes, for compact button payloads.
    pub fn minutes(self) -> i64 {
        self.0.num_minutes()
    }
}

/// `humantime` wants `3days`; people type `3 days`. Joins a number to the word after it.
fn join_units(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut words = raw.split_whitespace().peekable();
    while let Some(word) = words.next() {
        out.push_str(word);
        let ends_in_digit = word.ends_with(|c: char| c.is_ascii_digit());
        let next_is_unit = words
            .peek()
            .is_some_and(|w| w.starts_with(|c: char| c.is_alphabetic()));
        if !(ends_in_digit && next_is_unit) && words.peek().is_some() {
            out.push(' ');
        }
    }
    out
}

impl fmt::Display for ReminderDelay {
    /// In the user's words: "3 days", "1 week", "36 hours", "90 minutes".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&describe(self.0))
    }
}

/// A duration in whole units, the largest that divides it: "1 week", "3 days", "36 hours".
pub fn describe(d: Duration) -> String {
    let minutes = d.num_minutes().max(0);
    let (n, unit) = if minutes > 0 && minutes % (7 * 24 * 60) == 0 {
        (minutes / (7 * 24 * 60), "week")
    } else if minutes > 0 && minutes % (24 * 60) == 0 {
        (minutes / (24 * 60), "day")
    } else if minutes > 0 && minutes % 60 == 0 {
        (minutes / 60, "hour")
    } else {
        (minutes, "minute")
    };
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

/// Hours in which an account gets no reminders, in its own timezone. The window may cross
/// midnight (`22:00-08:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuietHours {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl QuietHours {
    /// Quiet hours from the two stored columns; both or neither are set.
    pub fn from_columns(start: Option<NaiveTime>, end: Option<NaiveTime>) -> Option<Self> {
        Some(QuietHours {
            start: start?,
            end: end?,
        })
    }

    /// Parses `22:00-08:00` (also `22-8`, `22:00 - 08:00`).
    pub fn parse(raw: &str) -> Option<Self> {
        let (start, end) = raw.split_once('-')?;
        let (start, end) = (parse_time(start)?, parse_time(end)?);
        (start != end).then_some(QuietHours { start, end })
    }

    fn contains(&self, t: NaiveTime) -> bool {
        if self.start < self.end {
            self.start <= t && t < self.end
        } else {
            t >= self.start || t < self.end
        }
    }

    /// `at` if it is outside the quiet hours in `tz`; otherwise the moment they end.
    pub fn next_allowed(&self, at: DateTime<Utc>, tz: Tz) -> DateTime<Utc> {
        let local = at.with_timezone(&tz);
        if !self.contains(local.time()) {
            return at;
        }
        let mut day = local.date_naive();
        if self.start > self.end && local.time() >= self.start {
            day = day.succ_opt().unwrap_or(day);
        }
        let end = day.and_time(self.end);
        // A daylight-saving gap can swallow the end time; the first valid minute after it will do.
        (0..180)
            .find_map(|m| {
                tz.from_local_datetime(&(end + Duration::minutes(m)))
                    .earliest()
            })
            .map_or(at, |t| t.with_timezone(&Utc))
    }
}

impl fmt::Display for QuietHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}",
            self.start.format("%H:%M"),
            self.end.format("%H:%M")
        )
    }
}

/// A stored timezone name; UTC if it is not one (the commands only store valid names).
pub fn timezone(name: &str) -> Tz {
    name.parse().unwrap_or(chrono_tz::UTC)
}

fn parse_time(raw: &str) -> Option<NaiveTime> {
    let raw = raw.trim();
    let (h, m) = raw.split_once(':').unwrap_or((raw, "0"));
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    // 24:00 is how some people write midnight at the end of a window.
    let h = if h == 24 && m == 0 { 0 } else { h };
    NaiveTime::from_hms_opt(h, m, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delay(raw: &str) -> Result<Duration, DelayError> {
        ReminderDelay::parse(raw).map(ReminderDelay::duration)
    }

    #[test]
    fn the_forms_people_type_are_understood() {
        assert_eq!(delay("2d"), Ok(Duration::days(2)));
        assert_eq!(delay("36h"), Ok(Duration::hours(36)));
        assert_eq!(delay("1w"), Ok(Duration::weeks(1)));
        assert_eq!(delay("3 days"), Ok(Duration::days(3)));
        assert_eq!(delay("1 week 2 days"), Ok(Duration::days(9)));
        assert_eq!(delay(" 90min "), Ok(Duration::minutes(90)));
        assert_eq!(delay("1m"), Ok(Duration::minutes(1)));
        assert_eq!(delay("1 minute"), Ok(Duration::minutes(1)));
    }

    #[test]
    fn nonsense_zero_negative_and_huge_delays_are_refused() {
        assert!(matches!(delay("soon"), Err(DelayError::Unknown(_))));
        assert!(matches!(delay(""), Err(DelayError::Unknown(_))));
        assert!(matches!(delay("-2d"), Err(DelayError::Unknown(_))));
        assert_eq!(delay("0d"), Err(DelayError::TooShort));
        assert_eq!(delay("30s"), Err(DelayError::TooShort));
        assert_eq!(delay("10 years"), Err(DelayError::TooLong));
        assert_eq!(delay("366d"), Err(DelayError::TooLong));
        assert!(delay("99999999999999999999d").is_err());
    }

    #[test]
    fn delays_are_described_in_whole_units() {
        let words: Vec<String> = ["1d", "3d", "1w", "36h", "90min", "2w"]
            .iter()
            .map(|r| ReminderDelay::parse(r).unwrap().to_string())
            .collect();
        assert_eq!(
            words,
            [
                "1 day",
                "3 days",
                "1 week",
                "36 hours",
                "90 minutes",
                "2 weeks"
            ]
        );
    }

    #[test]
    fn quiet_hours_parse_and_refuse_junk() {
        let q = QuietHours::parse("22:00-08:00").unwrap();
        assert_eq!(q.to_string(), "22:00-08:00");
        assert_eq!(QuietHours::parse("22-8"), Some(q));
        assert!(QuietHours::parse("25:00-08:00").is_none());
        assert!(QuietHours::parse("08:00-08:00").is_none());
        assert!(QuietHours::parse("tonight").is_none());
    }

    #[test]
    fn a_reminder_due_in_quiet_hours_waits_for_their_end_in_the_accounts_timezone() {
        let q = QuietHours::parse("22:00-08:00").unwrap();
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        // 23:30 in Berlin (winter, UTC+1) is 22:30 UTC: quiet until 08:00 Berlin = 07:00 UTC.
        let due = Utc.with_ymd_and_hms(2026, 12, 1, 22, 30, 0).unwrap();
        assert_eq!(
            q.next_allowed(due, berlin),
            Utc.with_ymd_and_hms(2026, 12, 2, 7, 0, 0).unwrap()
        );
        // 03:00 Berlin is inside too, and ends the same morning.
        let early = Utc.with_ymd_and_hms(2026, 12, 2, 2, 0, 0).unwrap();
        assert_eq!(
            q.next_allowed(early, berlin),
            Utc.with_ymd_and_hms(2026, 12, 2, 7, 0, 0).unwrap()
        );
        // 21:59 UTC is 22:59 in Berlin but 21:59 in UTC: only the account's zone counts.
        let evening = Utc.with_ymd_and_hms(2026, 12, 1, 21, 59, 0).unwrap();
        assert_ne!(q.next_allowed(evening, berlin), evening);
        assert_eq!(q.next_allowed(evening, chrono_tz::UTC), evening);
        // A daytime window.
        let lunch = QuietHours::parse("12:00-13:00").unwrap();
        let noon = Utc.with_ymd_and_hms(2026, 12, 1, 12, 30, 0).unwrap();
        assert_eq!(
            lunch.next_allowed(noon, chrono_tz::UTC),
            Utc.with_ymd_and_hms(2026, 12, 1, 13, 0, 0).unwrap()
        );
    }
}
