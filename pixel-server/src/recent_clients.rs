//! The clients this writer recorded within the dedup window, so that a repeat needs no probe
//! of Postgres (`open::recent_clients`), which was the writer's costliest query after the
//! insert itself.
//!
//! Only what this writer committed is remembered, so a hit is certain: Postgres holds that
//! open. A miss proves nothing, since another replica may have recorded the client, and is
//! asked of Postgres as before. A client is remembered as a 64-bit hash of (tracker, network,
//! User-Agent) with its latest time, 25 bytes a slot, and at most `MAX` of them are kept.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use ipnet::IpNet;

/// The most clients remembered: as many as a table of 2^17 slots holds without growing,
/// allocated once (3.3 MB), so that it never doubles while the server is busiest.
pub const MAX: usize = 7 << 14;

pub struct RecentClients {
    /// Seeded at random, so that nobody can make two clients collide on purpose.
    hasher: foldhash::fast::RandomState,
    last_seen: HashMap<u64, DateTime<Utc>, foldhash::fast::RandomState>,
    window: chrono::Duration,
}

impl RecentClients {
    pub fn new(window: chrono::Duration) -> RecentClients {
        RecentClients {
            hasher: foldhash::fast::RandomState::default(),
            last_seen: HashMap::with_capacity_and_hasher(MAX, Default::default()),
            window,
        }
    }

    /// The key of a client of a tracker.
    pub fn key(&self, tracker_id: i64, network: IpNet, user_agent: Option<&str>) -> u64 {
        use std::hash::BuildHasher;
        self.hasher.hash_one((tracker_id, network, user_agent))
    }

    /// When this writer last recorded the client, if at or after `since`.
    pub fn seen_since(&self, key: u64, since: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.last_seen.get(&key).copied().filter(|at| *at >= since)
    }

    /// Remembers that this writer committed an open of the client at `at`. When full, what is
    /// older than the window goes; if that is not enough, everything goes.
    pub fn remember(&mut self, key: u64, at: DateTime<Utc>) {
        if self.last_seen.len() >= MAX && !self.last_seen.contains_key(&key) {
            let cutoff = at - self.window;
            self.last_seen.retain(|_, seen| *seen >= cutoff);
            if self.last_seen.len() >= MAX {
                self.last_seen.clear();
            }
        }
        let seen = self.last_seen.entry(key).or_insert(at);
        *seen = (*seen).max(at);
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        self.last_seen.clear();
    }

    pub fn len(&self) -> usize {
        self.last_seen.len()
    }

    pub fn is_empty(&self) -> bool {
        self.last_seen.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + secs, 0).unwrap()
    }

    #[test]
    fn a_client_is_seen_since_its_latest_open_and_other_clients_are_not() {
        let mut recent = RecentClients::new(chrono::Duration::seconds(60));
        let net: IpNet = "203.0.113.0/24".parse().unwrap();
        let key = recent.key(1, net, Some("Thunderbird"));
        recent.remember(key, at(10));
        recent.remember(key, at(5));
        assert_eq!(recent.seen_since(key, at(0)), Some(at(10)));
        assert_eq!(recent.seen_since(key, at(11)), None);
        for other in [
            recent.key(2, net, Some("Thunderbird")),
            recent.key(1, "203.0.114.0/24".parse().unwrap(), Some("Thunderbird")),
            recent.key(1, net, Some("Outlook")),
            recent.key(1, net, None),
        ] {
            assert_ne!(other, key);
            assert_eq!(recent.seen_since(other, at(0)), None);
        }
    }

    #[test]
    fn it_never_holds_more_than_its_bound_and_keeps_what_is_recent() {
        let mut recent = RecentClients::new(chrono::Duration::seconds(60));
        let net: IpNet = "203.0.113.0/24".parse().unwrap();
        // Old clients, then as many new ones again.
        for i in 0..MAX as i64 {
            let key = recent.key(i, net, None);
            recent.remember(key, at(0));
        }
        assert_eq!(recent.len(), MAX);
        let newest = recent.key(-1, net, None);
        recent.remember(newest, at(120));
        assert_eq!(recent.len(), 1, "everything older than the window went");
        for i in 0..2 * MAX as i64 {
            let key = recent.key(i, net, None);
            recent.remember(key, at(121));
            assert!(recent.len() <= MAX);
        }
    }
}
