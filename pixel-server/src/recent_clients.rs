//! The clients this writer recorded within the dedup window, so that a repeat needs no probe
//! of Postgres (`open::recent_clients`), which was the writer's costliest query after the
//! insert itself.
//!
//! Only what this writer committed is remembered, so a hit is certain: Postgres holds that
//! open. A miss proves nothing, since another replica may have recorded the client, and is
//! asked of Postgres as before. A client is remembered as a 64-bit hash of (tracker, network,
//! User-Agent) with its latest time in milliseconds, 13 bytes a slot, and at most `MAX` of
//! them are kept. Two clients whose hashes collide (one chance in 2^64 per pair) would count
//! as one.

use std::collections::HashMap;

use chrono::{DateTime, SubsecRound, Utc};
use ipnet::IpNet;

/// The most clients remembered: as many as a table of 2^18 slots holds without growing,
/// allocated once (3.4 MB), so that it never doubles while the server is busiest.
pub const MAX: usize = 7 << 15;

pub struct RecentClients {
    /// Seeded at random, so that nobody can make two clients collide on purpose.
    hasher: foldhash::fast::RandomState,
    /// Milliseconds since `base`.
    last_seen: HashMap<u64, u32, foldhash::fast::RandomState>,
    base: DateTime<Utc>,
    window: chrono::Duration,
}

impl RecentClients {
    pub fn new(window: chrono::Duration) -> RecentClients {
        RecentClients {
            hasher: foldhash::fast::RandomState::default(),
            last_seen: HashMap::with_capacity_and_hasher(MAX, Default::default()),
            base: (Utc::now() - window).trunc_subsecs(3),
            window,
        }
    }

    fn millis(&self, at: DateTime<Utc>) -> Option<u32> {
        u32::try_from((at - self.base).num_milliseconds()).ok()
    }

    /// The key of a client of a tracker.
    pub fn key(&self, tracker_id: i64, network: IpNet, user_agent: Option<&str>) -> u64 {
        use std::hash::BuildHasher;
        self.hasher.hash_one((tracker_id, network, user_agent))
    }

    /// When this writer last recorded the client, if at or after `since`.
    pub fn seen_since(&self, key: u64, since: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let ms = *self.last_seen.get(&key)?;
        let at = self.base + chrono::Duration::milliseconds(i64::from(ms));
        (at >= since).then_some(at)
    }

    /// Remembers that this writer committed an open of the client at `at`. When full, what is
    /// older than the window goes; if that is not enough, everything goes.
    /// An open older than the writer's memory (replayed from a spill file) is not
    /// remembered; one too far ahead of it (after 49 days) starts the memory afresh.
    /// Times are kept to the millisecond, rounded down.
    pub fn remember(&mut self, key: u64, at: DateTime<Utc>) {
        if at < self.base {
            return;
        }
        let Some(ms) = self.millis(at) else {
            self.last_seen.clear();
            self.base = (at - self.window).trunc_subsecs(3);
            return self.remember(key, at);
        };
        if self.last_seen.len() >= MAX && !self.last_seen.contains_key(&key) {
            let cutoff = self.millis(at - self.window).unwrap_or(0);
            self.last_seen.retain(|_, seen| *seen >= cutoff);
            if self.last_seen.len() >= MAX {
                self.last_seen.clear();
            }
        }
        let seen = self.last_seen.entry(key).or_insert(ms);
        *seen = (*seen).max(ms);
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

    /// A time `secs` from a start shared by every call, in whole milliseconds.
    fn at(secs: i64) -> DateTime<Utc> {
        static START: std::sync::LazyLock<DateTime<Utc>> =
            std::sync::LazyLock::new(|| Utc::now().trunc_subsecs(3));
        *START + chrono::Duration::seconds(secs)
    }

    #[test]
    fn a_client_is_seen_since_its_latest_open_and_other_clients_are_not() {
        let mut recent = RecentClients::new(chrono::Duration::seconds(60));
        let net: IpNet = "203.0.113.0/24".parse().unwrap();
        let key = recent.key(1, net, Some("Thunderbird"));
        // Older than the memory (a spill file replayed): not remembered.
        recent.remember(key, at(-3_600));
        assert!(recent.is_empty());
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
