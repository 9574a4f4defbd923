//! Draws the `/stats` charts the benchmark draws, `bench N` times each, so callgrind can count
//! the instructions one chart costs:
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
    let repeat = match args.as_slice() {
        [mode, n] if mode == "bench" => n.parse().expect("bench N: a number of charts"),
        _ => 1,
    };
    let (days, counts) = data::account();
    let (label, fetches) = data::tracker();
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
