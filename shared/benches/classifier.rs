//! Throughput of `classify` over every User-Agent in the shared corpus.
//! The target is at least 1,000,000 classifications per second on one core.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ipnet::IpNet;
use mailping_shared::classifier::{Fetch, Method, TrackerContext, classify};

const CORPUS: &str = include_str!("../testdata/proxy-corpus.tsv");

/// The `user_agent` column of every corpus row; an empty cell is a missing header.
fn corpus_user_agents() -> Vec<Option<&'static str>> {
    CORPUS
        .lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let ua = line.split('\t').nth(3).unwrap_or("");
            (!ua.is_empty()).then_some(ua)
        })
        .collect()
}

fn classify_corpus(c: &mut Criterion) {
    let network: IpNet = "203.0.113.0/24".parse().unwrap();
    // Every fetch is a GET without prefetch header, so each one goes through the User-Agent match.
    let fetches: Vec<Fetch<'_>> = corpus_user_agents()
        .into_iter()
        .map(|user_agent| Fetch {
            method: Method::Get,
            prefetch: false,
            user_agent,
            network: Some(network),
        })
        .collect();
    let ctx = TrackerContext {
        age: Duration::from_secs(3600),
        self_grace: Duration::from_secs(60),
        owner_networks: &[],
        seen_recently: false,
    };

    let mut group = c.benchmark_group("classifier");
    group.throughput(Throughput::Elements(fetches.len() as u64));
    group.bench_function("classify_corpus", |b| {
        b.iter(|| {
            for fetch in &fetches {
                black_box(classify(black_box(fetch), black_box(&ctx)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, classify_corpus);
criterion_main!(benches);
