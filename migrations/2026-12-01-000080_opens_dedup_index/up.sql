-- The writer's dedup probe (`open::recent_clients`) asks, for each client of a batch, when that
-- exact client (tracker, network, User-Agent) was last recorded within the window. On
-- opens_tracker_time it fetched every open of the tracker's window from the heap and filtered
-- them there: 14 us per recorded open under bench/run, a third of Postgres's time, growing with
-- the tracker's traffic. This index goes straight to the client's network. Its predicate lists
-- the kinds `OpenKind::deduplicated` names; tests/tests/vocabulary.rs checks that the two agree
-- and that the probe uses the index.
CREATE INDEX opens_dedup ON opens (tracker_id, network, opened_at)
    WHERE kind IN ('direct', 'gmail_proxy', 'yahoo_proxy', 'apple_mpp', 'duplicate');

-- Since /stats reads its rollup (open_counts), only retention reads opens by time alone, and
-- opens arrive in time order: a BRIN index serves its range delete at a fraction of a B-tree's
-- cost per insert.
DROP INDEX opens_opened_at;
CREATE INDEX opens_opened_at ON opens USING brin (opened_at);
