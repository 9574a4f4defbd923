//! Client addresses: who is fetching, and the coarse network that is all MailPing keeps of it.

use std::net::{IpAddr, SocketAddr};

use ipnet::{IpNet, Ipv4Net, Ipv6Net};

use crate::config::{ProxyHeader, TrustedProxies};

/// Hops looked at, from the right, before the chain is cut short.
const MAX_HOPS: usize = 32;

/// The client's network, truncated so that no raw address is ever stored: an IPv4 /24 or an
/// IPv6 /48. IPv4-mapped IPv6 addresses are treated as IPv4.
pub fn truncate(ip: IpAddr) -> IpNet {
    match ip.to_canonical() {
        IpAddr::V4(v4) => IpNet::V4(Ipv4Net::new(v4, 24).expect("24 is a valid prefix").trunc()),
        IpAddr::V6(v6) => IpNet::V6(Ipv6Net::new(v6, 48).expect("48 is a valid prefix").trunc()),
    }
}

/// The key of the per-client rate limit: an IPv4 address as it is, an IPv6 address as the /48
/// the database stores. One IPv6 client holds at least a /64, so keying on the full address
/// would give it 2^64 quotas.
pub fn rate_limit_key(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        v4 @ IpAddr::V4(_) => v4,
        v6 @ IpAddr::V6(_) => truncate(v6).network(),
    }
}

/// The client address of a request. The proxy header (`X-Forwarded-For` or RFC 7239
/// `Forwarded`, whichever `header` says the proxy writes) is believed only when the peer is a
/// trusted proxy. Every line of the header counts, in order, as one list. Walking it from the
/// right, the first hop that is not itself a trusted proxy is the client, so a client cannot
/// choose its address by sending headers of its own. A hop that cannot be read (not UTF-8, not
/// an address, `unknown`, an obfuscated identifier) ends the chain there: the last trusted
/// proxy before it is taken as the client.
pub fn client_ip<'a, L>(
    peer: IpAddr,
    lines: L,
    header: ProxyHeader,
    trusted: &TrustedProxies,
) -> IpAddr
where
    L: IntoIterator<Item = &'a [u8]>,
    L::IntoIter: DoubleEndedIterator,
{
    let peer = peer.to_canonical();
    if trusted.0.is_empty() || !trusted.contains(&peer) {
        return peer;
    }
    let hops = lines
        .into_iter()
        .rev()
        .flat_map(|line| line.rsplit(|b| *b == b','))
        .take(MAX_HOPS);
    let mut client = peer;
    for hop in hops {
        let parsed = match header {
            ProxyHeader::XForwardedFor => forwarded_for_hop(hop),
            ProxyHeader::Forwarded => forwarded_element(hop),
        };
        let Some(ip) = parsed else {
            break;
        };
        client = ip.to_canonical();
        if !trusted.contains(&client) {
            break;
        }
    }
    client
}

/// One hop of `X-Forwarded-For`: an address, optionally with a port (`1.2.3.4:5678`,
/// `[2001:db8::1]:5678`), as some proxies write it.
fn forwarded_for_hop(hop: &[u8]) -> Option<IpAddr> {
    node(std::str::from_utf8(hop).ok()?.trim())
}

/// The `for=` node of one RFC 7239 element such as `for=192.0.2.60;proto=http;by=203.0.113.43`
/// or `for="[2001:db8:cafe::17]:4711"`. An element without exactly one `for=` is unreadable.
fn forwarded_element(element: &[u8]) -> Option<IpAddr> {
    let element = std::str::from_utf8(element).ok()?;
    let mut node_value = None;
    for pair in element.split(';') {
        let (name, value) = pair.trim().split_once('=')?;
        if name.trim().eq_ignore_ascii_case("for") {
            if node_value.is_some() {
                return None;
            }
            node_value = Some(value.trim());
        }
    }
    let value = node_value?;
    let value = match value.strip_prefix('"') {
        Some(quoted) => quoted
            .strip_suffix('"')
            .filter(|v| !v.contains(['"', '\\']))?,
        None => value,
    };
    // `unknown` and obfuscated identifiers (`_hidden`) name no address.
    node(value)
}

/// An address, `v4:port`, `[v6]` or `[v6]:port`.
fn node(s: &str) -> Option<IpAddr> {
    if let Ok(ip) = s.parse::<IpAddr>() {
        return Some(ip);
    }
    if let Some(rest) = s.strip_prefix('[') {
        let (v6, after) = rest.split_once(']')?;
        if !(after.is_empty() || after.strip_prefix(':').is_some_and(is_port)) {
            return None;
        }
        return v6.parse::<std::net::Ipv6Addr>().ok().map(IpAddr::V6);
    }
    s.parse::<SocketAddr>()
        .ok()
        .filter(SocketAddr::is_ipv4)
        .map(|a| a.ip())
}

/// A port, or an obfuscated one (`_abc`), which RFC 7239 allows after a real address.
fn is_port(s: &str) -> bool {
    let digits = !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit());
    let obfuscated = s.len() > 1
        && s.starts_with('_')
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
    digits || obfuscated
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn xff(peer: &str, lines: &[&[u8]], trusted: &TrustedProxies) -> IpAddr {
        client_ip(
            ip(peer),
            lines.iter().copied(),
            ProxyHeader::XForwardedFor,
            trusted,
        )
    }

    fn fwd(peer: &str, lines: &[&str], trusted: &TrustedProxies) -> IpAddr {
        client_ip(
            ip(peer),
            lines.iter().map(|l| l.as_bytes()),
            ProxyHeader::Forwarded,
            trusted,
        )
    }

    #[test]
    fn networks_are_truncated() {
        assert_eq!(truncate(ip("203.0.113.77")).to_string(), "203.0.113.0/24");
        assert_eq!(
            truncate(ip("2001:db8:1234:5678::1")).to_string(),
            "2001:db8:1234::/48"
        );
        assert_eq!(
            truncate(ip("::ffff:198.51.100.9")).to_string(),
            "198.51.100.0/24"
        );
    }

    #[test]
    fn the_rate_limit_key_is_the_ipv4_address_or_the_stored_ipv6_network() {
        assert_eq!(rate_limit_key(ip("203.0.113.77")), ip("203.0.113.77"));
        assert_eq!(
            rate_limit_key(ip("::ffff:203.0.113.77")),
            ip("203.0.113.77")
        );
        assert_eq!(
            rate_limit_key(ip("2001:db8:1234:5678::1")),
            rate_limit_key(ip("2001:db8:1234:ffff:abcd::9"))
        );
        assert_ne!(
            rate_limit_key(ip("2001:db8:1234::1")),
            rate_limit_key(ip("2001:db8:1235::1"))
        );
    }

    #[test]
    fn forwarded_for_is_ignored_from_untrusted_peers() {
        let trusted: TrustedProxies = "10.0.0.0/8".parse().unwrap();
        assert_eq!(xff("8.8.8.8", &[b"1.2.3.4"], &trusted), ip("8.8.8.8"));
        assert_eq!(
            xff("8.8.8.8", &[b"1.2.3.4"], &TrustedProxies::default()),
            ip("8.8.8.8")
        );
        assert_eq!(fwd("8.8.8.8", &["for=1.2.3.4"], &trusted), ip("8.8.8.8"));
    }

    #[test]
    fn forwarded_for_from_trusted_proxy_takes_rightmost_untrusted_hop() {
        let trusted: TrustedProxies = "10.0.0.0/8".parse().unwrap();
        assert_eq!(xff("10.0.0.1", &[b"1.2.3.4"], &trusted), ip("1.2.3.4"));
        // The client prepended a fake hop; the proxy appended the real one.
        assert_eq!(
            xff("10.0.0.1", &[b"6.6.6.6, 1.2.3.4, 10.0.0.2"], &trusted),
            ip("1.2.3.4")
        );
        assert_eq!(xff("10.0.0.1", &[b"garbage"], &trusted), ip("10.0.0.1"));
        assert_eq!(xff("10.0.0.1", &[&[0xff, 0xfe]], &trusted), ip("10.0.0.1"));
        assert_eq!(xff("10.0.0.1", &[], &trusted), ip("10.0.0.1"));
    }

    #[test]
    fn every_forwarded_for_line_counts_in_order() {
        let trusted: TrustedProxies = "10.0.0.0/8".parse().unwrap();
        // HAProxy's `option forwardfor` adds a line of its own after the client's.
        assert_eq!(
            xff("10.0.0.1", &[b"6.6.6.6", b"1.2.3.4"], &trusted),
            ip("1.2.3.4")
        );
        assert_eq!(
            xff(
                "10.0.0.1",
                &[b"6.6.6.6, 7.7.7.7", b"1.2.3.4, 10.0.0.9"],
                &trusted
            ),
            ip("1.2.3.4")
        );
        assert_eq!(
            xff("10.0.0.1", &[b"6.6.6.6", b"10.0.0.9", b""], &trusted),
            ip("10.0.0.1"),
            "an empty last line is an unreadable hop: the chain ends at the peer"
        );
    }

    #[test]
    fn a_byte_that_is_not_utf8_ends_the_chain_only_where_it_is() {
        let trusted: TrustedProxies = "10.0.0.0/8".parse().unwrap();
        assert_eq!(
            xff("10.0.0.1", &[b"\xff6.6.6.6, 1.2.3.4"], &trusted),
            ip("1.2.3.4"),
            "a bad hop left of the client changes nothing"
        );
        assert_eq!(
            xff("10.0.0.1", &[b"1.2.3.4, \xff, 10.0.0.2"], &trusted),
            ip("10.0.0.2"),
            "a bad hop right of the client ends the chain at the last proxy"
        );
        assert_eq!(
            xff("10.0.0.1", &[b"\xff\xfe", b"1.2.3.4"], &trusted),
            ip("1.2.3.4")
        );
    }

    #[test]
    fn forwarded_for_hops_may_carry_ports_and_brackets() {
        let trusted: TrustedProxies = "10.0.0.0/8".parse().unwrap();
        for (hop, client) in [
            ("1.2.3.4:5678", "1.2.3.4"),
            ("[2001:db8::1]", "2001:db8::1"),
            ("[2001:db8::1]:443", "2001:db8::1"),
            ("2001:db8::1", "2001:db8::1"),
            ("::ffff:1.2.3.4", "1.2.3.4"),
        ] {
            assert_eq!(
                xff("10.0.0.1", &[hop.as_bytes()], &trusted),
                ip(client),
                "{hop}"
            );
        }
        for bad in [
            "1.2.3.4:",
            "[2001:db8::1",
            "[2001:db8::1]x",
            "1.2.3.4:99999999",
        ] {
            assert_eq!(
                xff("10.0.0.1", &[bad.as_bytes()], &trusted),
                ip("10.0.0.1"),
                "{bad}"
            );
        }
    }

    #[test]
    fn rfc_7239_forwarded_on_the_same_terms() {
        let trusted: TrustedProxies = "10.0.0.0/8, 2001:db8:ffff::/48".parse().unwrap();
        assert_eq!(
            fwd(
                "10.0.0.1",
                &["for=192.0.2.60;proto=http;by=203.0.113.43"],
                &trusted
            ),
            ip("192.0.2.60")
        );
        assert_eq!(
            fwd("10.0.0.1", &["For=\"[2001:db8:cafe::17]:4711\""], &trusted),
            ip("2001:db8:cafe::17")
        );
        assert_eq!(
            fwd("10.0.0.1", &["for=\"[2001:db8:cafe::17]\""], &trusted),
            ip("2001:db8:cafe::17")
        );
        // Spoofed elements to the left, the proxies' own to the right, over two lines.
        assert_eq!(
            fwd(
                "10.0.0.1",
                &[
                    "for=6.6.6.6, for=192.0.2.43",
                    "for=\"[2001:db8:ffff::2]\";proto=https"
                ],
                &trusted
            ),
            ip("192.0.2.43")
        );
        // `unknown` and obfuscated identifiers end the chain at the proxy before them.
        assert_eq!(
            fwd("10.0.0.1", &["for=1.2.3.4, for=unknown"], &trusted),
            ip("10.0.0.1")
        );
        assert_eq!(
            fwd(
                "10.0.0.1",
                &["for=1.2.3.4, for=_hidden, for=10.0.0.2"],
                &trusted
            ),
            ip("10.0.0.2")
        );
        assert_eq!(
            fwd("10.0.0.1", &["for=\"[2001:db8::5]:_port\""], &trusted),
            ip("2001:db8::5")
        );
        for bad in [
            "proto=https",
            "for=1.2.3.4;for=5.6.7.8",
            "for=\"1.2.3.4",
            "for=[2001:db8::1]:80x",
            "for",
        ] {
            assert_eq!(fwd("10.0.0.1", &[bad], &trusted), ip("10.0.0.1"), "{bad}");
        }
        assert_eq!(
            client_ip(
                ip("10.0.0.1"),
                [&b"for=1.2.3.4, for=\"[2001:db8::\xff]\""[..]],
                ProxyHeader::Forwarded,
                &trusted
            ),
            ip("10.0.0.1")
        );
    }

    #[test]
    fn a_long_chain_of_trusted_hops_is_cut_short() {
        let trusted: TrustedProxies = "10.0.0.0/8".parse().unwrap();
        let mut line = "1.2.3.4".to_owned();
        for _ in 0..100 {
            line.push_str(", 10.0.0.3");
        }
        assert_eq!(
            xff("10.0.0.1", &[line.as_bytes()], &trusted),
            ip("10.0.0.3")
        );
    }
}
