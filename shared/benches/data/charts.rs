//! The charts' benchmark data, shared by `benches/charts.rs` (criterion, wall time) and
//! `examples/charts.rs` (instruction counts under callgrind): the account chart's 30 days with
//! every kind present, as an account with 1,000,000 opens a year has them, and a tracker with
//! 5,000 fetches and a long label that starts with an emoji.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use mailping_shared::domain::OpenKind;
use mailping_shared::models::stats::DayCount;

/// The account chart's days and counts: about 2,800 opens a day, in the history benchmark's
/// mix of kinds.
pub fn account() -> (Vec<NaiveDate>, Vec<DayCount>) {
    let first = NaiveDate::from_ymd_opt(2026, 11, 1).expect("a date");
    let days: Vec<NaiveDate> = (0..30).map(|d| first + Duration::days(d)).collect();
    let mix = [
        (OpenKind::GmailProxy, 50),
        (OpenKind::Direct, 15),
        (OpenKind::YahooProxy, 3),
        (OpenKind::AppleMpp, 15),
        (OpenKind::Duplicate, 10),
        (OpenKind::Scanner, 5),
        (OpenKind::LinkPreview, 2),
        (OpenKind::SelfView, 1),
    ];
    let counts = days
        .iter()
        .enumerate()
        .flat_map(|(i, day)| {
            mix.iter().map(move |(kind, share)| DayCount {
                day: *day,
                kind: *kind,
                count: share * (20 + i as i64 % 7) * 4,
            })
        })
        .collect();
    (days, counts)
}

/// A tracker's label and its 5,000 fetches, every kind present.
pub fn tracker() -> (String, Vec<(DateTime<Utc>, OpenKind)>) {
    let start = DateTime::<Utc>::from_timestamp(1_790_000_000, 0).expect("a time");
    let fetches = (0..5_000)
        .map(|i| {
            let kind = OpenKind::ALL[(i * 7919) % OpenKind::ALL.len()];
            (start + Duration::minutes((i * 37 % 40_000) as i64), kind)
        })
        .collect();
    let label = "📈 Quarterly newsletter — issue 42 for every subscriber ".repeat(4);
    (label, fetches)
}
