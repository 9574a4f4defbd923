//! Classifying a batch: each fetch's verdict against its tracker and the clients seen within
//! the dedup window, and a strict tracker's open cut to its verdict. Pure: no database, no
//! memory kept between batches.

use std::time::Duration;

use chrono::{DateTime, Utc};
use ipnet::IpNet;
use mailping_shared::classifier::{self, Fetch, TrackerContext, Verdict};
use mailping_shared::domain::{OpenKind, Reason, Token};
use mailping_shared::models::open::{self, NewOpen, PixelTracker};

use super::pacer::Pacer;
use super::settings::WriterSettings;
use crate::fetch::{FastMap, PendingFetch};
use crate::recent_clients::RecentClients;

/// Key for dedup: the same tracker, network and user agent.
type ClientKey<'a> = (i64, Option<IpNet>, Option<&'a str>);

/// A batch classified: the opens to write and, for each, its tracker and kind; and the keyed
/// hashes of the strict trackers' clients whose opens are deduplicated, to remember once
/// committed.
pub(super) struct Classified {
    pub(super) opens: Vec<NewOpen>,
    pub(super) kinds: Vec<(i64, OpenKind)>,
    pub(super) strict_seen: Vec<(u64, DateTime<Utc>)>,
}

/// Classifies a batch against the trackers and the clients seen recently. A strict tracker's
/// fetch is classified exactly as any other, then keeps only tracker, time, kind and reason.
pub(super) fn classify_batch(
    batch: &[PendingFetch],
    trackers: &FastMap<Token, PixelTracker>,
    recent: &[open::RecentClient],
    memory: &RecentClients,
    settings: &WriterSettings,
) -> Classified {
    let window = settings.window();
    let mut last_seen: FastMap<ClientKey<'_>, DateTime<Utc>> = FastMap::default();
    for r in recent {
        let key = (r.tracker_id, r.network, r.user_agent.as_deref());
        let at = last_seen.entry(key).or_insert(r.opened_at);
        *at = (*at).max(r.opened_at);
    }
    let mut opens = Vec::with_capacity(batch.len());
    let mut kinds = Vec::with_capacity(batch.len());
    let mut strict_seen = Vec::new();
    let mut pacer = Pacer::default();
    for fetch in batch {
        pacer.tick();
        let Some(tracker) = trackers.get(&fetch.token) else {
            continue;
        };
        if let Some((kind, reason)) = fetch.verdict {
            kinds.push((tracker.id, kind));
            opens.push(verdict_only(tracker.id, fetch.at, kind, reason));
            continue;
        }
        let ua = fetch.user_agent.as_deref().map(open::truncate_user_agent);
        let key = (tracker.id, Some(fetch.network), ua);
        // Either order: a replica may commit a fetch stamped a moment after this one.
        let seen_recently = last_seen
            .get(&key)
            .is_some_and(|at| (fetch.at - *at).abs() < window);
        let Verdict {
            kind,
            client,
            reason,
        } = classifier::verdict(
            &Fetch {
                user_agent: fetch.user_agent.as_deref(),
                network: Some(fetch.network),
                origin: fetch.origin,
            },
            &TrackerContext {
                age: (fetch.at - tracker.created_at)
                    .to_std()
                    .unwrap_or(Duration::ZERO),
                self_grace: settings.self_grace,
                owner_networks: &tracker.owner_networks,
                reported_networks: &tracker.reported_networks,
                reported_machine: tracker.reported_machine(fetch.network, ua),
                seen_recently,
            },
        );
        if kind.deduplicated() {
            let at = last_seen.entry(key).or_insert(fetch.at);
            *at = (*at).max(fetch.at);
        }
        kinds.push((tracker.id, kind));
        if tracker.strict(settings.privacy_default) {
            if kind.deduplicated() {
                strict_seen.push((memory.key(tracker.id, fetch.network, ua), fetch.at));
            }
            opens.push(verdict_only(tracker.id, fetch.at, kind, reason));
        } else {
            opens.push(NewOpen {
                tracker_id: tracker.id,
                opened_at: fetch.at,
                kind,
                reason,
                client: client.to_owned(),
                network: Some(fetch.network),
                user_agent: ua.map(str::to_owned),
            });
        }
    }
    Classified {
        opens,
        kinds,
        strict_seen,
    }
}

/// A strict chat's open: the tracker, the time and the verdict, nothing of the client.
fn verdict_only(tracker_id: i64, at: DateTime<Utc>, kind: OpenKind, reason: Reason) -> NewOpen {
    NewOpen {
        tracker_id,
        opened_at: at,
        kind,
        reason,
        client: String::new(),
        network: None,
        user_agent: None,
    }
}
