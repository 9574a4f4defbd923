-- The pixel writer checks, under each batch's tracker locks, which of the batch's trackers were
-- deleted since it looked them up (`open::lock_live_trackers`). It asked `trackers` for each of
-- them: one index probe, and a heap fetch while the page is not all-visible, per tracker of
-- the batch (2.2-2.7 us of Postgres's time per recorded open under bench/run, where a batch
-- holds about 1,800 trackers). A deleted tracker now leaves a tombstone for an hour, written
-- under the same advisory lock as before, and the writer asks the tombstones, a table of a
-- few rows, instead.
--
-- An hour is far longer than the writer trusts what it looked up: a batch's trackers are read
-- from Postgres, or from the writer's memory, which keeps an entry at most 10 s
-- (`tracker_cache::TTL`) and forgets it as soon as a deletion is notified. Each deletion
-- clears the tombstones older than the hour, so the table holds little more than the hour of
-- deletions before the latest one.
-- A tombstone names only the tracker's id.
CREATE TABLE tracker_tombstones (
    tracker_id BIGINT PRIMARY KEY,
    deleted_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX tracker_tombstones_deleted_at ON tracker_tombstones (deleted_at);

CREATE OR REPLACE FUNCTION opens_delete_with_tracker() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(OLD.id);
    DELETE FROM opens WHERE tracker_id = OLD.id;
    DELETE FROM tracker_tombstones WHERE deleted_at < now() - interval '1 hour';
    -- The time of the deletion itself, not of the start of its transaction, however long
    -- that has been open.
    INSERT INTO tracker_tombstones (tracker_id, deleted_at) VALUES (OLD.id, clock_timestamp())
        ON CONFLICT DO NOTHING;
    RETURN OLD;
END $$;
