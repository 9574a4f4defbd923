//! The drawing half of `/stats`: the account chart (30 days, every kind present, counts as an
//! account with 1,000,000 opens a year has them) and a tracker chart of 5,000 fetches, each
//! drawn and encoded to PNG. The query half is timed on Postgres by
//! `tests/examples/stats_bench.rs`. Run with `cargo bench -p mailping-shared --bench charts`.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use mailping_shared::charts;
use mailping_shared::domain::OpenKind;
use mailping_shared::models::stats::DayCount;

fn account(c: &mut Criterion) {
    let first = NaiveDate::from_ymd_opt(2026, 11, 1).expect("a date");
    let days: Vec<NaiveDate> = (0..30).map(|d| first + Duration::days(d)).collect();
    // About 2,800 opens a day, in the history benchmark's mix of kinds.
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
    let counts: Vec<DayCount> = days
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
    let png = charts::account_chart(&days, &counts, "Europe/Berlin").expect("a chart");
    println!("account chart: {} bytes", png.len());
    c.bench_function("account_chart (draw + PNG)", |b| {
        b.iter(|| charts::account_chart(&days, &counts, "Europe/Berlin").expect("a chart"))
    });
}

fn tracker(c: &mut Criterion) {
    let start = DateTime::<Utc>::from_timestamp(1_790_000_000, 0).expect("a time");
    let fetches: Vec<(DateTime<Utc>, OpenKind)> = (0..5_000)
        .map(|i| {
            let kind = OpenKind::ALL[(i * 7919) % OpenKind::ALL.len()];
            (start + Duration::minutes((i * 37 % 40_000) as i64), kind)
        })
        .collect();
    let label = "📈 Quarterly newsletter — issue 42 for every subscriber ".repeat(4);
    let png =
        charts::tracker_chart(42, &label, &fetches, chrono_tz::Europe::Berlin).expect("a chart");
    println!("tracker chart: {} bytes", png.len());
    c.bench_function("tracker_chart, 5,000 fetches (draw + PNG)", |b| {
        b.iter(|| {
            charts::tracker_chart(42, &label, &fetches, chrono_tz::Europe::Berlin).expect("a chart")
        })
    });
}

criterion_group!(benches, account, tracker);
criterion_main!(benches);
