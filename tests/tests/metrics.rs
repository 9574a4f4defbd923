//! The pixel server's counters, in a test binary of their own: the metrics recorder is global
//! to the process, so here no other test's opens move them and the counts are exact.

use std::time::Duration;

use mailping_tests::app::TestApp;
use mailping_tests::{Describe, eventually, seed};

const GMAIL: &str =
    "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";

/// `mailping_opens_total` by kind, from the pixel server's /metrics.
async fn opens_total(app: &TestApp, kind: &str) -> f64 {
    let text = app
        .client()
        .get(app.pixel_metrics_url())
        .send()
        .await
        .expect("/metrics")
        .text()
        .await
        .expect("/metrics text");
    let series = format!("mailping_opens_total{{kind=\"{kind}\"}} ");
    text.lines()
        .find_map(|l| l.strip_prefix(&series))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0.0)
}

/// The writer counts each written open under its kind, once.
#[tokio::test]
async fn written_opens_are_counted_by_kind_exactly() {
    let app = TestApp::spawn().await;
    let mut conn = app.conn().await;
    let t = seed::tracker(&mut conn, 1, "Counted").await;
    for i in 0..3 {
        app.fetch_pixel(&t.token, Some(&format!("Thunderbird/{i}")))
            .await;
    }
    app.fetch_pixel(&t.token, Some(GMAIL)).await;
    eventually(Duration::from_secs(30), "4 opens written", async || {
        (seed::open_count(&mut conn).await == 4).then_some(())
    })
    .await;
    let counted = async || {
        (
            opens_total(&app, "direct").await,
            opens_total(&app, "gmail_proxy").await,
        )
    };
    // The rows and the counters are one batch's work; the counters follow the commit.
    eventually(
        Duration::from_secs(30),
        Describe(|| "3 direct and 1 gmail_proxy in mailping_opens_total".to_owned()),
        async || (counted().await == (3.0, 1.0)).then_some(()),
    )
    .await;
    // Nothing more comes: the writer is idle once every open is written.
    app.fetch_pixel(&t.token, Some("Thunderbird/last")).await;
    eventually(Duration::from_secs(30), "the fifth open", async || {
        (seed::open_count(&mut conn).await == 5).then_some(())
    })
    .await;
    eventually(Duration::from_secs(30), "4 direct in all", async || {
        (counted().await == (4.0, 1.0)).then_some(())
    })
    .await;
}
