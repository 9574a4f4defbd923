//! The classifier's hot path, the edge's `admit` and the writer's `verdict`, allocates nothing
//! for any agent a rule names or a missing one, and no User-Agent string makes it panic. Only
//! an agent no rule names leaves the hot path: the bot list (`isbot`) lower-cases a copy of it,
//! and its regex may grow its cache on input it has not seen.
//!
//! `allocation-counter` replaces this test binary's global allocator with one that counts per
//! thread, so other tests' threads cannot disturb the count.

use std::net::IpAddr;

use mailping_shared::classifier::{Fetch, Method, Networks, TrackerContext, admit, verdict};
use mailping_shared::domain::{OpenKind, Reason};
use mailping_shared::net;
use proptest::prelude::*;

const CORPUS: &str = include_str!("../testdata/proxy-corpus-v2.tsv");

fn ctx() -> TrackerContext<'static> {
    TrackerContext::SETTLED
}

/// One whole classification, as the handler and the writer run it; returns the kind and reason.
fn classify(user_agent: Option<&str>, client: IpAddr) -> Option<(OpenKind, Reason)> {
    let origin = admit(
        Method::Get,
        std::iter::empty(),
        client,
        Networks::embedded(),
    )?;
    let fetch = Fetch {
        user_agent,
        network: Some(net::truncate(client)),
        origin,
    };
    let v = verdict(&fetch, &ctx());
    Some((v.kind, v.reason))
}

/// How many allocations one classification makes on this thread, and its reason.
fn measured(user_agent: Option<&str>, client: IpAddr) -> (u64, Reason) {
    let mut reason = None;
    let info = allocation_counter::measure(|| {
        reason = classify(std::hint::black_box(user_agent), client).map(|(_, r)| r);
    });
    (info.count_total, reason.expect("a GET is admitted"))
}

fn allocations(user_agent: Option<&str>, client: IpAddr) -> u64 {
    measured(user_agent, client).0
}

/// Every agent and address of the corpus.
fn corpus() -> Vec<(Option<&'static str>, IpAddr)> {
    CORPUS
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let ip = match cols[4] {
                "-" => "203.0.113.7",
                ip => ip,
            };
            (
                (!cols[3].is_empty()).then_some(cols[3]),
                ip.parse().unwrap(),
            )
        })
        .collect()
}

/// First use builds the rules, the networks and the bot list's regex: not the hot path.
fn warm_up() {
    for (ua, ip) in corpus() {
        classify(ua, ip);
    }
    classify(
        Some("SomethingNoRuleNames/1.0"),
        "203.0.113.7".parse().unwrap(),
    );
}

#[test]
fn no_corpus_row_allocates() {
    warm_up();
    for (ua, ip) in corpus() {
        assert_eq!(allocations(ua, ip), 0, "{ua:?} from {ip}");
    }
}

#[test]
fn the_counter_sees_an_allocation() {
    // The measurement itself can fail: an agent only the bot list judges makes its copy.
    warm_up();
    let (n, reason) = measured(
        Some("SomethingNoRuleNames/1.0"),
        "203.0.113.7".parse().unwrap(),
    );
    assert_eq!((n, reason), (1, Reason::UnrecognisedAgent));
}

/// Tokens that rules of shared/data/user-agents.tsv name, one from each section.
const NAMED: &[&str] = &[
    "GoogleImageProxy",
    "NaverMailApp/2.2",
    "TelegramBot",
    "Barracuda",
    "Thunderbird/115",
    "HeadlessChrome/120",
    "curl/8",
    "Googlebot/2.1",
    "Chrome/120.0.0.0",
    "Firefox/121.0",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn any_named_agent_from_any_address_is_classified_without_allocating(
        before in ".{0,120}",
        token in proptest::sample::select(NAMED),
        after in ".{0,120}",
        client in any::<IpAddr>(),
    ) {
        warm_up();
        let ua = format!("{before}{token}{after}");
        prop_assert_eq!(allocations(Some(&ua), client), 0, "{:?}", ua);
    }

    #[test]
    fn no_agent_string_panics_and_only_the_bot_list_path_allocates(
        ua in proptest::option::of(any::<String>()),
        client in any::<IpAddr>(),
    ) {
        warm_up();
        let (n, _) = measured(ua.as_deref(), client);
        if n > 0 {
            // What the agent alone says, from an unlisted address (a listed one may replace the reason).
            let (_, by_agent) = measured(ua.as_deref(), "203.0.113.7".parse().unwrap());
            prop_assert!(
                matches!(by_agent, Reason::BotList | Reason::UnrecognisedAgent),
                "{} allocations for {:?} ({})", n, ua, by_agent
            );
        }
    }
}
