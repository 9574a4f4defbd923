//! Throughput of a whole classification, the edge's `admit` (with its network lookup) and the
//! writer's `verdict`, over every row of the shared corpus. The target is at least 1,000,000
//! per second on one core. `unnamed_agent` measures the slower path of an agent no rule names,
//! which goes to the bot list. The `full_networks` cases do the same with the full network
//! data loaded: the built-in lists (cloud providers' included) plus an Apple egress list of
//! Apple's size, 290,000 ranges (synthetic, see [`apple_sized_egress_list`]: no copy of the real
//! list can be fetched here), with half the fetches from inside those ranges.

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

/// A list of the size and shape of Apple's `egress-ip-ranges.csv` (about 290,000 lines): IPv4
/// /26-/28 and IPv6 /64 and /45 ranges with a country, region and city, in the blocks Apple's
/// relays use (Akamai's 172.224.0.0/12, Cloudflare's 104.28.0.0/16, Fastly's 146.75.0.0/16;
/// 2a02:26f7::/32, 2a09:bac0::/29, 2606:54c0::/32). A fixed seed makes every run the same.
fn apple_sized_egress_list() -> (String, Vec<IpAddr>) {
    const LINES: usize = 290_000;
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        seed >> 16
    };
    let mut csv = String::with_capacity(LINES * 48);
    let mut inside = Vec::new();
    let mut seen = std::collections::HashSet::new();
    while seen.len() < LINES {
        let r = next();
        let (line, address): (String, IpAddr) = if r % 4 == 0 {
            // About a quarter IPv4, as in Apple's file.
            let blocks: [(u32, u32); 3] = [
                (0xAC_E0_00_00, 12),
                (0x68_1C_00_00, 16),
                (0x92_4B_00_00, 16),
            ];
            let (base, len) = blocks[(r >> 8) as usize % 3];
            let prefix = 26 + (r >> 12) as u32 % 3;
            let host_bits = 32 - prefix;
            let offset = ((next() as u32) & ((1u32 << (32 - len)) - 1)) >> host_bits << host_bits;
            let start = std::net::Ipv4Addr::from(base | offset);
            (
                format!("{start}/{prefix},US,US-CA,Los Angeles,"),
                IpAddr::V4(start),
            )
        } else {
            let blocks: [(u128, u32); 3] = [
                (0x2a02_26f7 << 96, 32),
                (0x2a09_bac0 << 96, 29),
                (0x2606_54c0 << 96, 32),
            ];
            let (base, len) = blocks[(r >> 8) as usize % 3];
            let prefix = if r % 8 == 1 { 45 } else { 64 };
            let random = (u128::from(next()) << 64) | u128::from(next());
            let offset =
                (random & ((1u128 << (128 - len)) - 1)) >> (128 - prefix) << (128 - prefix);
            let start = std::net::Ipv6Addr::from(base | offset);
            (
                format!("{start}/{prefix},DE,DE-HE,Frankfurt am Main,"),
                IpAddr::V6(start),
            )
        };
        if seen.insert(line.split(',').next().unwrap_or_default().to_owned()) {
            csv.push_str(&line);
            csv.push('\n');
            if inside.len() < 1_000 {
                inside.push(address);
            }
        }
    }
    (csv, inside)
}

fn classify_corpus(c: &mut Criterion) {
    // Every fetch is a GET without prefetch header, so each one goes through both steps.
    let clients = corpus_clients();
    let networks: Vec<_> = clients.iter().map(|(_, ip)| net::truncate(*ip)).collect();
    let listed = Networks::embedded();
    let mut group = c.benchmark_group("classifier");
    group.throughput(Throughput::Elements(clients.len() as u64));
    group.bench_function("classify_corpus", |b| {
        b.iter(|| classify_all(&clients, &networks, listed))
    });
    group.throughput(Throughput::Elements(1));
    // No rule or convention names it, so it goes on to the bot list: the slow path.
    let unnamed = Some("SomeNewMailer/3.1 (Windows NT 10.0)");
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
                black_box(verdict(
                    black_box(&fetch),
                    black_box(&TrackerContext::SETTLED),
                ));
            }
        })
    });
    group.finish();
}

fn classify_with_full_networks(c: &mut Criterion) {
    let (csv, inside) = apple_sized_egress_list();
    let full = Networks::with_text("egress-ip-ranges.csv (synthetic)", &csv)
        .expect("the synthetic egress list loads");
    assert!(full.len() > 290_000, "{full:?}");
    // The corpus's clients, and as many Chrome fetches from inside the relay ranges.
    let chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
    let mut clients = corpus_clients();
    let relayed: Vec<_> = inside
        .iter()
        .cycle()
        .take(clients.len())
        .map(|ip| (Some(chrome), *ip))
        .collect();
    clients.extend(relayed);
    let networks: Vec<_> = clients.iter().map(|(_, ip)| net::truncate(*ip)).collect();
    let mut group = c.benchmark_group("classifier");
    group.throughput(Throughput::Elements(clients.len() as u64));
    group.bench_function("classify_full_networks", |b| {
        b.iter(|| classify_all(&clients, &networks, &full))
    });
    group.finish();
}

criterion_group!(benches, classify_corpus, classify_with_full_networks);
criterion_main!(benches);

/// One whole classification of every client, the edge's `admit` and the writer's `verdict`,
/// as the handler and the writer run them.
fn classify_all(clients: &[(Option<&str>, IpAddr)], networks: &[ipnet::IpNet], listed: &Networks) {
    let ctx = TrackerContext::SETTLED;
    for ((user_agent, ip), network) in clients.iter().zip(networks) {
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
}
