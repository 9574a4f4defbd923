//! Every row of the shared User-Agent corpus, end to end: real HTTP through a trusted proxy,
//! the real writer, real Postgres, and what ends up in `opens`.

use mailping_shared::domain::{OpenKind, Reason};
use mailping_tests::app::TestApp;
use mailping_tests::seed;

const CORPUS: &str = include_str!("../../shared/testdata/proxy-corpus-v2.tsv");
/// An ordinary consumer address, for rows whose `client_ip` is `-`.
const HOME: &str = "203.0.113.7";

struct Row {
    expect: &'static str,
    method: &'static str,
    header: Option<(&'static str, &'static str)>,
    user_agent: Option<&'static str>,
    client_ip: &'static str,
    source: &'static str,
}

fn rows() -> Vec<Row> {
    CORPUS
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            // Split on the tab exactly: an empty User-Agent is a field.
            let cols: Vec<&str> = line.split('\t').collect();
            let [expect, method, header, user_agent, client_ip, source] = cols[..] else {
                panic!("expected 6 columns in {line:?}");
            };
            Row {
                expect,
                method,
                header: (header != "-").then(|| {
                    let (name, value) = header.split_once(':').expect("Name: value");
                    (name.trim(), value.trim())
                }),
                user_agent: (!user_agent.is_empty()).then_some(user_agent),
                client_ip: if client_ip == "-" { HOME } else { client_ip },
                source,
            }
        })
        .collect()
}

/// Whether what `opens` holds for a row's tracker is what MailPing should store for it. The
/// corpus allows some latitude (README of shared/); MailPing's own verdicts are exact, so this
/// checks them exactly: a swap of `scanner` and `link_preview`, or nothing stored where a bot
/// should be recorded, fails.
fn stored_as_expected(expect: &str, kinds: &[String]) -> bool {
    let parsed: Vec<OpenKind> = kinds
        .iter()
        .map(|k| k.parse().expect("a documented kind"))
        .collect();
    match expect {
        "read" => matches!(parsed[..], [kind] if kind.counts_as_read()),
        // HEAD and prefetches are answered and never recorded.
        "ignored" => parsed.is_empty(),
        exact => kinds == [exact],
    }
}

#[test]
fn the_expectations_are_read_exactly() {
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert!(stored_as_expected("read", &strings(&["direct"])));
    assert!(stored_as_expected("read", &strings(&["gmail_proxy"])));
    assert!(!stored_as_expected("read", &strings(&[])));
    assert!(!stored_as_expected("read", &strings(&["apple_mpp"])));
    assert!(!stored_as_expected("read", &strings(&["unverified"])));
    assert!(stored_as_expected("ignored", &strings(&[])));
    assert!(!stored_as_expected("ignored", &strings(&["scanner"])));
    assert!(!stored_as_expected("ignored", &strings(&["direct"])));
    assert!(stored_as_expected("scanner", &strings(&["scanner"])));
    assert!(!stored_as_expected("scanner", &strings(&["link_preview"])));
    assert!(!stored_as_expected("link_preview", &strings(&["scanner"])));
    assert!(!stored_as_expected("link_preview", &strings(&[])));
    assert!(!stored_as_expected("scanner", &strings(&["self"])));
    assert!(stored_as_expected("apple_mpp", &strings(&["apple_mpp"])));
    assert!(!stored_as_expected("apple_mpp", &strings(&[])));
    assert!(!stored_as_expected(
        "direct",
        &strings(&["direct", "direct"])
    ));
}

#[tokio::test]
async fn every_corpus_row_is_stored_as_its_expected_kind_from_its_own_address() {
    // The test client is the proxy; each row's address arrives in X-Forwarded-For.
    let mut app = TestApp::spawn()
        .pixel_setting("--trusted-proxies", "127.0.0.0/8,::1")
        .await;
    let mut conn = app.conn().await;
    let rows = rows();
    assert!(rows.len() >= 45, "the corpus has {} rows", rows.len());
    let mut trackers = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        // A tracker per row, so no row is a duplicate of another. The pixel config's grace
        // period is 0 s, so every tracker is already past it.
        let t = seed::tracker(&mut conn, 1, &format!("row {i}")).await;
        let mut req = app.client().request(
            row.method.parse().unwrap(),
            app.pixel_url(&TestApp::pixel_path(&t.token)),
        );
        if let Some(ua) = row.user_agent {
            req = req.header("user-agent", ua);
        }
        if let Some((name, value)) = row.header {
            req = req.header(name, value);
        }
        let resp = req
            .header("x-forwarded-for", row.client_ip)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 200, "{}", row.source);
        trackers.push(t.id);
    }
    app.stop_pixel().await;
    let mut failures = Vec::new();
    for (row, id) in rows.iter().zip(trackers) {
        let kinds = seed::kinds(&mut conn, id).await;
        let reasons = seed::reasons(&mut conn, id).await;
        // Every stored open says why, with a code of this version (docs/classification.md, "Why: `opens.reason`").
        let explained = reasons.iter().all(|r| {
            r.parse::<Reason>()
                .is_ok_and(|reason| reason != Reason::Legacy)
        });
        if !stored_as_expected(row.expect, &kinds) || !explained {
            failures.push(format!(
                "expected {}, stored {kinds:?} because {reasons:?} for {:?} from {} ({})",
                row.expect, row.user_agent, row.client_ip, row.source
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
