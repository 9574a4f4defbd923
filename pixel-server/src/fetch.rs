//! A fetch on its way from the handler to the database (`PendingFetch`), and the fast hash
//! maps the writer keeps its memories in. The recorder, the spill directory and the tracker
//! cache all use these; this file uses none of them.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use ipnet::IpNet;
use mailping_shared::classifier::Origin;
use mailping_shared::domain::{OpenKind, Reason, Token};
use mailping_shared::models::open;

/// The writer's maps and sets, hashed with foldhash (seeded at random): SipHash, the standard
/// library's, was 1 % of the machine's CPU under bench/run.
pub type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;
pub type FastSet<K> = HashSet<K, foldhash::fast::RandomState>;

/// A pixel fetch waiting to be written. Holds no raw address: only the truncated network,
/// and what the edge found of the full one.
#[derive(Debug, Clone)]
pub struct PendingFetch {
    pub token: Token,
    pub at: DateTime<Utc>,
    pub user_agent: Option<Box<str>>,
    pub network: IpNet,
    pub origin: Origin,
    /// Set when the fetch was classified already: a strict tracker's fetch, classified before
    /// it went to the spill file so that the file holds neither its network nor its
    /// User-Agent (`user_agent` is then `None` and `network` is [`no_network`]).
    pub verdict: Option<(OpenKind, Reason)>,
}

/// What a classified fetch holds for a network: nothing of anybody's.
pub fn no_network() -> IpNet {
    IpNet::V4(ipnet::Ipv4Net::new(std::net::Ipv4Addr::UNSPECIFIED, 32).expect("a /32"))
}

impl PendingFetch {
    /// A User-Agent header as it will be stored: cut to `open::USER_AGENT_MAX` bytes at
    /// once, so that a huge header costs the queue no more than a short one. The cut is the
    /// same as cutting the whole header after decoding it (3 more bytes finish any character
    /// that crosses the limit).
    pub fn user_agent_from(raw: &[u8]) -> Box<str> {
        let raw = &raw[..raw.len().min(open::USER_AGENT_MAX + 3)];
        open::truncate_user_agent(&String::from_utf8_lossy(raw)).into()
    }

    /// What this fetch costs the queue, in bytes: the struct and its User-Agent.
    pub fn queued_bytes(&self) -> u32 {
        let ua = self.user_agent.as_deref().map_or(0, str::len);
        u32::try_from(std::mem::size_of::<Self>() + ua).unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_user_agent_is_cut_at_the_edge_exactly_as_it_is_stored() {
        let mut samples: Vec<Vec<u8>> = vec![
            vec![b'A'; 300_000],
            b"short".to_vec(),
            [vec![b'a'; 197], "\u{1F600}tail".as_bytes().to_vec()].concat(),
            [vec![b'a'; 199], vec![0xff; 10]].concat(),
            [vec![b'a'; 198], "é".repeat(50).into_bytes()].concat(),
        ];
        samples.push(vec![0xe2; 500]);
        for raw in samples {
            let stored = open::truncate_user_agent(&String::from_utf8_lossy(&raw)).to_owned();
            let edge = PendingFetch::user_agent_from(&raw);
            assert_eq!(&*edge, stored.as_str());
            assert!(edge.len() <= open::USER_AGENT_MAX);
        }
    }
}
