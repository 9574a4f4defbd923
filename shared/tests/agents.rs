//! The classifier against a table of 223 real agents (`shared/testdata/agents.tsv`), each with
//! its public source: people's clients must count as reads, machines never.
//!
//! The table was split into a `seen` and an `unseen` half before the evidence rules were
//! written, so the unseen half measures how well the rules generalise to agents nobody wrote a
//! rule for. The test prints the share right on each half.

use std::net::IpAddr;

use mailping_shared::classifier::{Fetch, Method, Networks, TrackerContext, admit, verdict};
use mailping_shared::net;

const TABLE: &str = include_str!("../testdata/agents.tsv");
const RULES: &str = include_str!("../data/user-agents.tsv");
/// An ordinary consumer address: only the agent decides.
const HOME: &str = "203.0.113.7";

struct Row {
    read: bool,
    group: &'static str,
    unseen: bool,
    user_agent: &'static str,
    source: &'static str,
}

fn rows() -> Vec<Row> {
    let mut lines = TABLE.lines().filter(|l| !l.starts_with('#'));
    assert_eq!(
        lines.next(),
        Some("expect\tgroup\thalf\tuser_agent\tsource"),
        "agents.tsv header"
    );
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let [expect, group, half, user_agent, source] = cols[..] else {
                panic!("expected 5 columns in {line:?}");
            };
            assert!(!source.trim().is_empty(), "a row without source: {line:?}");
            Row {
                read: match expect {
                    "read" => true,
                    "machine" => false,
                    other => panic!("unknown expect {other:?} in {line:?}"),
                },
                group,
                unseen: match half {
                    "seen" => false,
                    "unseen" => true,
                    other => panic!("unknown half {other:?} in {line:?}"),
                },
                user_agent,
                source,
            }
        })
        .collect()
}

/// Whether the classifier counts this agent, from a home address, as a read.
fn counts_as_read(user_agent: &str) -> bool {
    let client: IpAddr = HOME.parse().unwrap();
    let origin = admit(Method::Get, [], client, Networks::embedded()).expect("a GET");
    let fetch = Fetch {
        user_agent: Some(user_agent),
        network: Some(net::truncate(client)),
        origin,
    };
    let ctx = TrackerContext::SETTLED;
    verdict(&fetch, &ctx).kind.counts_as_read()
}

#[test]
fn the_table_is_large_and_split_in_halves() {
    let rows = rows();
    assert!(rows.len() >= 150, "{} rows", rows.len());
    let unseen = rows.iter().filter(|r| r.unseen).count();
    assert!(unseen * 2 + 4 >= rows.len() && unseen * 2 <= rows.len() + 4);
    for read in [true, false] {
        assert!(rows.iter().any(|r| r.read == read && r.unseen));
    }
}

#[test]
fn no_row_is_a_rule_verbatim() {
    let patterns: Vec<&str> = RULES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').nth(1))
        .collect();
    for row in rows() {
        assert!(
            !patterns.contains(&row.user_agent),
            "{:?} is a rule of user-agents.tsv verbatim",
            row.user_agent
        );
    }
}

#[test]
fn every_persons_client_in_the_table_counts_as_a_read() {
    let demoted: Vec<String> = rows()
        .iter()
        .filter(|r| r.read && !counts_as_read(r.user_agent))
        .map(|r| format!("{} {:?} ({})", r.group, r.user_agent, r.source))
        .collect();
    assert!(
        demoted.is_empty(),
        "{} people's clients are not reads:\n{}",
        demoted.len(),
        demoted.join("\n")
    );
}

#[test]
fn machines_in_the_table_are_not_reads_on_both_halves() {
    let rows = rows();
    let mut report = Vec::new();
    for unseen in [false, true] {
        let half: Vec<&Row> = rows.iter().filter(|r| r.unseen == unseen).collect();
        let right = half
            .iter()
            .filter(|r| counts_as_read(r.user_agent) == r.read)
            .count();
        let machines: Vec<&&Row> = half.iter().filter(|r| !r.read).collect();
        let missed: Vec<String> = machines
            .iter()
            .filter(|r| counts_as_read(r.user_agent))
            .map(|r| format!("  {} {:?} ({})", r.group, r.user_agent, r.source))
            .collect();
        let name = if unseen { "unseen" } else { "seen" };
        println!(
            "{name} half: {right} of {} right ({:.1} %); {} of {} machines counted as reads",
            half.len(),
            100.0 * right as f64 / half.len() as f64,
            missed.len(),
            machines.len()
        );
        for m in &missed {
            println!("{m}");
        }
        report.push((name, missed.len(), machines.len()));
    }
    for (name, missed, machines) in report {
        // The goal of issue 26: at least 95 % of machine fetches are not reads, on the half
        // the rules were written from and on the half they never saw.
        assert!(
            missed * 20 <= machines,
            "{name} half: {missed} of {machines} machines counted as reads"
        );
    }
}
