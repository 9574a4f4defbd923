//! The drawing half of `/stats`: the account chart (30 days, every kind present, counts as an
//! account with 1,000,000 opens a year has them) and a tracker chart of 5,000 fetches, each
//! drawn and encoded to PNG. The query half is timed on Postgres by
//! `tests/examples/stats_bench.rs`. Run with `cargo bench -p mailping-shared --bench charts`;
//! `cargo run --release -p mailping-shared --example charts -- bench 20` under callgrind
//! counts instructions for the same charts.

use criterion::{Criterion, criterion_group, criterion_main};
use mailping_shared::charts;

#[path = "data/charts.rs"]
mod data;

fn account(c: &mut Criterion) {
    let (days, counts) = data::account();
    let png =
        charts::account_chart(&charts::English, &days, &counts, "Europe/Berlin").expect("a chart");
    println!("account chart: {} bytes", png.len());
    c.bench_function("account_chart (draw + PNG)", |b| {
        b.iter(|| {
            charts::account_chart(&charts::English, &days, &counts, "Europe/Berlin")
                .expect("a chart")
        })
    });
}

fn tracker(c: &mut Criterion) {
    let (label, fetches) = data::tracker();
    let png = charts::tracker_chart(
        &charts::English,
        42,
        &label,
        &fetches,
        chrono_tz::Europe::Berlin,
    )
    .expect("a chart");
    println!("tracker chart: {} bytes", png.len());
    c.bench_function("tracker_chart, 5,000 fetches (draw + PNG)", |b| {
        b.iter(|| {
            charts::tracker_chart(
                &charts::English,
                42,
                &label,
                &fetches,
                chrono_tz::Europe::Berlin,
            )
            .expect("a chart")
        })
    });
}

criterion_group!(benches, account, tracker);
criterion_main!(benches);
