//! What the writer remembers between batches besides the tracker cache: the strict trackers
//! last loaded (`StrictKnown`, kept by `remember_strict`), and a batch's clients looked up in
//! its memory of recent clients before Postgres is asked (`client_keys`). Writes nothing.

use chrono::{DateTime, Utc};
use mailping_shared::domain::{PrivacyMode, Token};
use mailping_shared::models::open::{self, PixelTracker};

use super::pacer::Pacer;
use crate::fetch::{FastMap, FastSet, PendingFetch};
use crate::recent_clients::RecentClients;

/// The most strict trackers the writer keeps for classifying fetches it must spill.
const STRICT_KNOWN_MAX: usize = 100_000;

/// Strict trackers by token, each with when it was last entered (see `remember_strict`).
pub(super) type StrictKnown = FastMap<Token, (PixelTracker, std::time::Instant)>;

/// Keeps `strict_known` up to date with the trackers a batch loaded: strict ones are entered,
/// and entered again once their entry is older than `tracker_cache::TTL`, rather than copied
/// for every batch; others leave. Bounded by `STRICT_KNOWN_MAX`.
pub(super) fn remember_strict(
    strict_known: &mut StrictKnown,
    trackers: &FastMap<Token, PixelTracker>,
    default: PrivacyMode,
) {
    let now = std::time::Instant::now();
    for (token, t) in trackers {
        if t.strict(default) {
            match strict_known.get(token) {
                Some((_, at)) if now.duration_since(*at) < crate::tracker_cache::TTL => {}
                found => {
                    if found.is_none() && strict_known.len() >= STRICT_KNOWN_MAX {
                        strict_known.clear();
                    }
                    strict_known.insert(*token, (t.clone(), now));
                }
            }
        } else if !strict_known.is_empty() {
            strict_known.remove(token);
        }
    }
}

/// The batch's distinct clients of known trackers: those this writer recorded since `since`,
/// as `recent_clients` would return them, and the others as the arrays it takes.
///
/// A strict tracker's clients are only looked up in the writer's memory: Postgres holds no
/// network or agent of theirs to find them by, so a strict chat's repeats are told apart by
/// the writer that recorded the first fetch (a repeat that reaches another replica within the
/// window is recorded as another open).
pub(super) fn client_keys(
    batch: &[PendingFetch],
    trackers: &FastMap<Token, PixelTracker>,
    recent: &RecentClients,
    since: DateTime<Utc>,
    default: PrivacyMode,
) -> (open::ClientKeys, Vec<open::RecentClient>) {
    let mut seen = FastSet::default();
    let mut keys: open::ClientKeys = Default::default();
    let mut remembered = Vec::new();
    let mut pacer = Pacer::default();
    for fetch in batch {
        pacer.tick();
        let Some(tracker) = trackers.get(&fetch.token) else {
            continue;
        };
        if fetch.verdict.is_some() {
            continue;
        }
        let ua = fetch.user_agent.as_deref().map(open::truncate_user_agent);
        if !seen.insert((tracker.id, fetch.network, ua)) {
            continue;
        }
        let key = recent.key(tracker.id, fetch.network, ua);
        if let Some(opened_at) = recent.seen_since(key, since) {
            remembered.push(open::RecentClient {
                tracker_id: tracker.id,
                network: Some(fetch.network),
                user_agent: ua.map(str::to_owned),
                opened_at,
            });
        } else if !tracker.strict(default) {
            keys.0.push(tracker.id);
            keys.1.push(Some(fetch.network));
            keys.2.push(ua.map(str::to_owned));
        }
    }
    (keys, remembered)
}
