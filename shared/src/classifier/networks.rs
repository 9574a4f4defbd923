//! The networks that mail services publish for their servers, loaded once from the data files
//! under `shared/data/networks/`, each of which names its source.
//!
//! A sorted table of non-overlapping address ranges with a binary search is all a lookup
//! needs for a few hundred prefixes: `ipnet` (already a dependency) parses and merges them,
//! so a prefix-trie crate would add a dependency and no speed.

use std::net::IpAddr;
use std::sync::LazyLock;

use ipnet::IpNet;

/// Each listed service, by the name `opens.client` gives its machines, and its data file.
const SOURCES: &[(&str, &str)] = &[
    (
        "Google",
        include_str!("../../data/networks/google-mail.txt"),
    ),
    (
        "Microsoft 365",
        include_str!("../../data/networks/microsoft-365-mail.txt"),
    ),
    ("Mimecast", include_str!("../../data/networks/mimecast.txt")),
];

/// Inclusive address ranges, IPv4 as IPv4-mapped IPv6, sorted by start and disjoint.
struct Table(Vec<(u128, u128, &'static str)>);

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    Table::parse(SOURCES).unwrap_or_else(|e| panic!("embedded network list: {e}"))
});

impl Table {
    fn parse(sources: &[(&'static str, &str)]) -> Result<Table, String> {
        let mut ranges = Vec::new();
        for (service, text) in sources {
            let mut nets = Vec::new();
            for (n, line) in text.lines().enumerate() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let net: IpNet = line
                    .parse()
                    .map_err(|e| format!("{service} line {}: {line:?}: {e}", n + 1))?;
                nets.push(net);
            }
            for net in IpNet::aggregate(&nets) {
                ranges.push((key(net.network()), key(net.broadcast()), *service));
            }
        }
        ranges.sort_unstable();
        if let Some(w) = ranges.windows(2).find(|w| w[1].0 <= w[0].1) {
            return Err(format!("{} and {} list the same addresses", w[0].2, w[1].2));
        }
        Ok(Table(ranges))
    }

    fn service(&self, ip: IpAddr) -> Option<&'static str> {
        let x = key(ip);
        let after = self.0.partition_point(|r| r.0 <= x);
        let (_, end, service) = *self.0.get(after.checked_sub(1)?)?;
        (x <= end).then_some(service)
    }
}

/// One number line for both families, so one table holds them.
fn key(ip: IpAddr) -> u128 {
    match ip.to_canonical() {
        IpAddr::V4(v4) => u128::from(v4.to_ipv6_mapped()),
        IpAddr::V6(v6) => u128::from(v6),
    }
}

/// The mail service whose published network holds this address, if any.
pub(super) fn service_of(ip: IpAddr) -> Option<&'static str> {
    TABLE.service(ip)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn every_embedded_list_parses_and_no_two_overlap() {
        let table = Table::parse(SOURCES).unwrap();
        assert!(table.0.len() > 50, "{} ranges", table.0.len());
    }

    #[test]
    fn addresses_are_found_in_their_services_network() {
        assert_eq!(service_of(ip("66.249.84.21")), Some("Google"));
        assert_eq!(service_of(ip("66.249.93.84")), Some("Google"));
        assert_eq!(service_of(ip("2a00:1450:4000::1")), Some("Google"));
        assert_eq!(service_of(ip("40.94.89.17")), Some("Microsoft 365"));
        assert_eq!(service_of(ip("104.47.30.126")), Some("Microsoft 365"));
        assert_eq!(
            service_of(ip("::ffff:40.107.218.12")),
            Some("Microsoft 365")
        );
        assert_eq!(service_of(ip("205.139.110.30")), Some("Mimecast"));
    }

    #[test]
    fn the_edges_of_a_range_are_exact() {
        // 66.249.80.0/20 is 66.249.80.0 ..= 66.249.95.255.
        assert_eq!(service_of(ip("66.249.79.255")), None);
        assert_eq!(service_of(ip("66.249.80.0")), Some("Google"));
        assert_eq!(service_of(ip("66.249.95.255")), Some("Google"));
        assert_eq!(service_of(ip("66.249.96.0")), None);
    }

    #[test]
    fn ordinary_addresses_are_on_no_list() {
        for a in [
            "203.0.113.7",
            "127.0.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "::",
            "::1",
            "104.28.36.9",
            "2001:db8::1",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        ] {
            assert_eq!(service_of(ip(a)), None, "{a}");
        }
    }

    #[test]
    fn a_bad_line_or_an_overlap_is_refused_with_its_place() {
        let err = Table::parse(&[("A", "# c\n10.0.0.0/8\nnonsense\n")])
            .err()
            .unwrap();
        assert!(err.contains("A line 3"), "{err}");
        let err = Table::parse(&[("A", "10.0.0.0/8"), ("B", "10.1.0.0/16")])
            .err()
            .unwrap();
        assert!(err.contains("A and B"), "{err}");
    }
}
