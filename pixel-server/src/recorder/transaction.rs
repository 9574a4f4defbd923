//! One batch's transaction: lock its trackers, mark a replayed spill chunk, classify against
//! the clients seen recently, insert the opens, cancel reminders and queue alerts; then, once
//! committed, remember the batch's clients and count its opens. Knows nothing of the queue or
//! the spill files beyond the chunk's offset.

use chrono::{DateTime, Utc};
use diesel_async::AsyncConnection;
use mailping_shared::db::{self, Pool};
use mailping_shared::domain::{OpenKind, Token};
use mailping_shared::errors::DbError;
use mailping_shared::models::alert;
use mailping_shared::models::open::{self, PixelTracker};
use mailping_shared::models::reminder;
use uuid::Uuid;

use super::alerts::{Earlier, coalesce_alerts};
use super::classify::{Classified, classify_batch};
use super::memory::{StrictKnown, client_keys, remember_strict};
use super::pacer::Pacer;
use super::settings::WriterSettings;
use crate::fetch::{FastMap, FastSet, PendingFetch};
use crate::recent_clients::RecentClients;
use crate::spill;
use crate::tracker_cache::TrackerCache;

#[tracing::instrument(skip_all, fields(batch = batch.len()))]
#[allow(clippy::too_many_arguments)]
pub(super) async fn write_batch(
    pool: &Pool,
    cache: &mut TrackerCache,
    recent: &mut RecentClients,
    strict_known: &mut StrictKnown,
    batch: &[PendingFetch],
    settings: &WriterSettings,
    replayed: Option<(Uuid, u64)>,
    chunk: usize,
) -> Result<(), DbError> {
    let mut conn = pool.get().await?;
    let mut tokens: Vec<Token> = batch.iter().map(|f| f.token).collect();
    tokens.sort_unstable();
    tokens.dedup();
    let trackers: FastMap<Token, PixelTracker> = cache.trackers(&mut conn, &tokens).await?;
    remember_strict(strict_known, &trackers, settings.privacy_default);
    if trackers.is_empty() {
        if let Some((file, to)) = replayed {
            spill::mark_replayed(&mut conn, file, to).await?;
        }
        return Ok(());
    }
    let earliest = batch.iter().map(|f| f.at).min().unwrap_or_else(Utc::now);
    let window = settings.window();
    let mut tracker_ids: Vec<i64> = trackers.values().map(|t| t.id).collect();
    tracker_ids.sort_unstable();
    let by_id: FastMap<i64, &PixelTracker> = trackers.values().map(|t| (t.id, t)).collect();
    let (kinds, deleted, opens) = conn
        .transaction(async |conn| {
            // Writers of several replicas take the batch's trackers in the same order, so each
            // classifies against the other's committed opens and a repeat is never a read twice.
            // The lock also keeps each tracker from being deleted until this commits; the
            // fetches of one deleted since it was looked up are left out.
            let deleted = open::lock_live_trackers(conn, &tracker_ids).await?;
            let live: FastMap<Token, PixelTracker>;
            let trackers = if deleted.is_empty() {
                &trackers
            } else {
                live = trackers
                    .iter()
                    .filter(|(_, t)| !deleted.contains(&t.id))
                    .map(|(token, t)| (*token, t.clone()))
                    .collect();
                &live
            };
            if let Some((file, to)) = replayed {
                spill::mark_replayed(conn, file, to).await?;
            }
            let since = earliest - window;
            let (keys, mut seen) =
                client_keys(batch, trackers, recent, since, settings.privacy_default);
            seen.extend(open::recent_clients(conn, &keys, since).await?);
            let Classified {
                opens,
                kinds,
                strict_seen,
            } = classify_batch(batch, trackers, &seen, recent, settings);
            // Asked only of the trackers with a prefetch in this batch, before it is written.
            let apple = trackers_with(&kinds, |kind| kind == OpenKind::AppleMpp);
            let apple_prefetched: FastMap<i64, DateTime<Utc>> =
                open::apple_prefetched(conn, &apple)
                    .await?
                    .into_iter()
                    .collect();
            // Every open is of a tracker of the batch, so its account is known.
            let ids = open::insert_batch_counted(
                conn,
                &opens,
                chunk,
                |id| by_id.get(&id).map_or(0, |t| t.account_id),
                |id| apple_prefetched.get(&id).copied(),
            )
            .await?;
            let read = trackers_with(&kinds, OpenKind::counts_as_read);
            let reminders_cancelled: FastSet<i64> = reminder::cancel_for_reads(conn, &read)
                .await?
                .into_iter()
                .collect();
            let alerts = coalesce_alerts(
                ids.iter().copied().zip(kinds.iter().copied()),
                &by_id,
                &Earlier {
                    reminders_cancelled,
                    apple_prefetched: apple_prefetched.into_keys().collect(),
                },
            );
            if alert::queue(conn, &alerts).await? > 0 {
                db::notify_alerts(conn).await?;
            }
            Ok::<_, diesel::result::Error>((kinds, deleted, (opens, strict_seen)))
        })
        .await?;
    let (opens, strict_seen) = opens;
    let mut pacer = Pacer::default();
    for o in opens.iter().filter(|o| o.kind.deduplicated()) {
        pacer.tick();
        if let Some(network) = o.network {
            recent.remember(
                recent.key(o.tracker_id, network, o.user_agent.as_deref()),
                o.opened_at,
            );
        }
    }
    // A strict tracker's clients are remembered by their keyed hash alone, computed before
    // their network and agent were dropped: the only trace of them that outlives the batch.
    for (key, at) in strict_seen {
        pacer.tick();
        recent.remember(key, at);
    }
    if !deleted.is_empty() {
        tracing::info!(
            trackers = deleted.len(),
            "left out the fetches of trackers deleted while their batch was written"
        );
        cache.clear();
    }
    // Counted once committed, so a retried batch is not counted twice; one registry lookup
    // per kind in the batch, not per open.
    let mut per_kind = [0u64; OpenKind::ALL.len()];
    for (_, kind) in &kinds {
        per_kind[*kind as usize] += 1;
    }
    for (kind, n) in OpenKind::ALL.iter().zip(per_kind) {
        if n > 0 {
            metrics::counter!("mailping_opens_total", "kind" => kind.as_str()).increment(n);
        }
    }
    Ok(())
}

/// The trackers, sorted and each once, that have an open of a kind `wanted` picks.
fn trackers_with(kinds: &[(i64, OpenKind)], wanted: impl Fn(OpenKind) -> bool) -> Vec<i64> {
    let mut ids: Vec<i64> = kinds
        .iter()
        .filter(|(_, kind)| wanted(*kind))
        .map(|(tracker_id, _)| *tracker_id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}
