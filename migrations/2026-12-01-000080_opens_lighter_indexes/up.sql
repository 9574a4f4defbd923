-- Every open written costs an entry in each index of `opens`; under bench/run's load the
-- indexes were most of the cost of an insert. Three changes, each measured there.

-- 1. The writer's dedup probe (`open::recent_clients`) asks, for each client of a batch, when
-- that exact client (tracker, network, User-Agent) was last recorded within the window. On
-- (tracker_id, opened_at) it fetched every open of the tracker's window from the heap to
-- compare networks: 14 us per recorded open, a third of Postgres's time. With the network in
-- the index, the probe compares it in the index and fetches only the client's own rows. A
-- tracker's window is short: its pixel is rate limited per token (RATE_LIMIT_PER_TOKEN).
-- The same index still serves each tracker's timeline, newest first.
CREATE INDEX opens_tracker_time_network ON opens (tracker_id, opened_at DESC, network);
DROP INDEX opens_tracker_time;
ALTER INDEX opens_tracker_time_network RENAME TO opens_tracker_time;

-- 2. Since /stats reads its rollup (open_counts), only retention reads opens by time alone,
-- and opens arrive in time order: a BRIN index serves its range delete at a fraction of a
-- B-tree's cost per insert.
DROP INDEX opens_opened_at;
CREATE INDEX opens_opened_at ON opens USING brin (opened_at);

-- 3. When a tracker's first Apple Mail Privacy Protection prefetch came is a fact about the
-- tracker: kept on it, it needs no index over every Apple open (opens_apple_mpp), and the
-- writer reads it with the lock it takes on the tracker anyway instead of asking `opens` each
-- batch. A statement trigger keeps it for every insert, the writer's included (one pass over
-- the batch; only a tracker's first prefetch, or an earlier one replayed from a spill file,
-- updates the tracker). Retention does not clear it: the prefetch did happen.
ALTER TABLE trackers ADD COLUMN apple_prefetch_at TIMESTAMPTZ;
UPDATE trackers t SET apple_prefetch_at = a.at
    FROM (SELECT tracker_id, min(opened_at) AS at FROM opens WHERE kind = 'apple_mpp' GROUP BY 1) a
    WHERE a.tracker_id = t.id;
DROP INDEX opens_apple_mpp;

CREATE FUNCTION trackers_note_apple_prefetch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE trackers t SET apple_prefetch_at = a.at
        FROM (SELECT tracker_id, min(opened_at) AS at FROM changed_opens
              WHERE kind = 'apple_mpp' GROUP BY 1) a
        WHERE t.id = a.tracker_id AND (t.apple_prefetch_at IS NULL OR t.apple_prefetch_at > a.at);
    RETURN NULL;
END $$;
CREATE TRIGGER trackers_note_apple_prefetch AFTER INSERT ON opens
    REFERENCING NEW TABLE AS changed_opens
    FOR EACH STATEMENT EXECUTE FUNCTION trackers_note_apple_prefetch();
