//! Client addresses: who is fetching, and the coarse network that is all MailPing keeps of it.

use std::net::IpAddr;

use ipnet::{IpNet, Ipv4Net, Ipv6Net};

use crate::config::TrustedProxies;

/// The client's network, truncated so that no raw address is ever stored: an IPv4 /24 or an
/// IPv6 /48. IPv4-mapped IPv6 addresses are treated as IPv4.
pub fn truncate(ip: IpAddr) -> IpNet {
    match ip.to_canonical() {
        IpAddr::V4(v4) => IpNet::V4(Ipv4Net::new(v4, 24).expect("24 is a valid prefix").trunc()),
        IpAddr::V6(v6) => IpNet::V6(Ipv6Net::new(v6, 48).expect("48 is a valid prefix").trunc()),
    }
}

/// The client address of a request. `X-Forwarded-For` is believed only when the peer is a
/// trusted proxy; then the right-most hop that is not itself a trusted proxy is the client, so
/// a client cannot spoof its address by sending its own header.
pub fn client_ip(peer: IpAddr, forwarded_for: Option<&[u8]>, trusted: &TrustedProxies) -> IpAddr {
    let peer = peer.to_canonical();
    if trusted.0.is_empty() || !trusted.contains(&peer) {
        return peer;
    }
    let Some(header) = forwarded_for.and_then(|h| std::str::from_utf8(h).ok()) else {
        return peer;
    };
    let mut client = peer;
    for hop in header.rsplit(',').take(32) {
        match hop.trim().parse::<IpAddr>() {
            Ok(ip) => {
                let ip = ip.to_canonical();
                client = ip;
                if !trusted.contains(&ip) {
                    break;
                }
            }
            // A malformed hop ends the chain we can trust.
            Err(_) => break,
        }
    }
    client
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
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
    fn forwarded_for_is_ignored_from_untrusted_peers() {
        let trusted: TrustedProxies = "10.0.0.0/8".parse().unwrap();
        assert_eq!(
            client_ip(ip("8.8.8.8"), Some(b"1.2.3.4"), &trusted),
            ip("8.8.8.8")
        );
        assert_eq!(
            client_ip(ip("8.8.8.8"), Some(b"1.2.3.4"), &TrustedProxies::default()),
            ip("8.8.8.8")
        );
    }

    #[test]
    fn forwarded_for_from_trusted_proxy_takes_rightmost_untrusted_hop() {
        let trusted: TrustedProxies = "10.0.0.0/8".parse().unwrap();
        assert_eq!(
            client_ip(ip("10.0.0.1"), Some(b"1.2.3.4"), &trusted),
            ip("1.2.3.4")
        );
        // The client prepended a fake hop; the proxy appended the real one.
        assert_eq!(
            client_ip(
                ip("10.0.0.1"),
                Some(b"6.6.6.6, 1.2.3.4, 10.0.0.2"),
                &trusted
            ),
            ip("1.2.3.4")
        );
        assert_eq!(
            client_ip(ip("10.0.0.1"), Some(b"garbage"), &trusted),
            ip("10.0.0.1")
        );
        assert_eq!(
            client_ip(ip("10.0.0.1"), Some(&[0xff, 0xfe]), &trusted),
            ip("10.0.0.1")
        );
        assert_eq!(client_ip(ip("10.0.0.1"), None, &trusted), ip("10.0.0.1"));
    }
}
