//! Throughput of a whole classification, the edge's `admit` (with its network lookup) and the
//! writer's `verdict`, over every row of the shared corpus. The target is at least 1,000,000
//! per second on one core. `unnamed_agent` measures the slower path of an agent no rule names,
//! which goes to the bot list.

use std::hint::black_box;
use std::net::IpAddr;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mailping_shared::classifier::{Fetch, Method, Networks, TrackerContext, admit, verdict};
use mailping_shared::net;

const CORPUS: &str = include_str!("../testdata/proxy-corpus-v2.tsv");

/// The `user_agent` and `client_ip` columns of every corpus row; an empty agent is a missing
/// header, and `-` an ordinary consumer address.
fn corpus_clients() -> Vec<(Option<&'static str>, IpAddr)> {
    CORPUS
        .lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let ua = cols.get(3).copied().unwrap_or("");
            let ip = match cols.get(4).copied().unwrap_or("-") {
                "-" => "203.0.113.7",
                ip => ip,
            };
            (
                (!ua.is_empty()).then_some(ua),
                ip.parse().expect("a corpus address"),
            )
        })
        .collect()
}

fn classify_corpus(c: &mut Criterion) {
    // Every fetch is a GET without prefetch header, so each one goes through both steps.
    let clients = corpus_clients();
    let networks: Vec<_> = clients.iter().map(|(_, ip)| net::truncate(*ip)).collect();
    let ctx = TrackerContext::SETTLED;

    let listed = Networks::embedded();
    let mut group = c.benchmark_group("classifier");
    group.throughput(Throughput::Elements(clients.len() as u64));
    group.bench_function("classify_corpus", |b| {
        b.iter(|| {
            for ((user_agent, ip), network) in clients.iter().zip(&networks) {
                let origin = admit(Method::Get, std::iter::empty(), black_box(*ip), listed);
                if let Some(origin) = origin {
                    let fetch = Fetch {
                        user_agent: *user_agent,
                        network: Some(*network),
                        origin,
                    };
                    black_box(verdict(black_box(&fetch), black_box(&ctx)));
                }
            }
        })
    });
    group.throughput(Throughput::Elements(1));
    let unnamed = Some("Mozilla/5.0 (compatible; SomeNewMailer/3.1; +https://example.com)");
    let home: std::net::IpAddr = "203.0.113.7".parse().expect("an address");
    group.bench_function("unnamed_agent", |b| {
        b.iter(|| {
            let origin = admit(Method::Get, std::iter::empty(), black_box(home), listed);
            if let Some(origin) = origin {
                let fetch = Fetch {
                    user_agent: black_box(unnamed),
                    network: Some(net::truncate(home)),
                    origin,
                };
                black_box(verdict(black_box(&fetch), black_box(&ctx)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, classify_corpus);
criterion_main!(benches);
