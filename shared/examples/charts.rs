//! Draws the `/stats` charts the benchmark draws. Without arguments it saves them, in English,
//! as `target/charts/account-english.png` and `tracker-english.png` (the unit tests in
//! `shared/src/charts/tests.rs` save the Arabic, Persian and emoji ones beside them). With
//! `bench N` it draws each N times, so callgrind can count the instructions one chart costs:
//!
//! ```sh
//! cargo build --release -p mailping-shared --example charts
//! valgrind --tool=callgrind --toggle-collect='*charts::account_chart*' \
//!     target/release/examples/charts bench 20
//! ```

use mailping_shared::charts;

#[path = "../benches/data/charts.rs"]
mod data;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (days, counts) = data::account();
    let (label, fetches) = data::tracker();
    let repeat = match args.as_slice() {
        [mode, n] if mode == "bench" => n.parse().expect("bench N: a number of charts"),
        _ => return save(&days, &counts, &label, &fetches),
    };
    let mut bytes = 0;
    for _ in 0..repeat {
        bytes += charts::account_chart(&charts::English, &days, &counts, "Europe/Berlin")
            .expect("the account chart")
            .len();
        bytes += charts::tracker_chart(
            &charts::English,
            42,
            &label,
            &fetches,
            chrono_tz::Europe::Berlin,
        )
        .expect("the tracker chart")
        .len();
    }
    println!("{repeat} of each chart, {bytes} PNG bytes");
}

fn save(
    days: &[chrono::NaiveDate],
    counts: &[mailping_shared::models::stats::DayCount],
    label: &str,
    fetches: &[(
        chrono::DateTime<chrono::Utc>,
        mailping_shared::domain::OpenKind,
    )],
) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../target/charts");
    std::fs::create_dir_all(dir).expect("target/charts");
    let account = charts::account_chart(&charts::English, days, counts, "Europe/Berlin")
        .expect("the account chart");
    let tracker = charts::tracker_chart(
        &charts::English,
        42,
        label,
        fetches,
        chrono_tz::Europe::Berlin,
    )
    .expect("the tracker chart");
    for (name, png) in [
        ("account-english.png", account),
        ("tracker-english.png", tracker),
    ] {
        let path = format!("{dir}/{name}");
        std::fs::write(&path, png).expect("a chart file");
        println!("{path}");
    }
}
