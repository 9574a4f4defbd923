-- The pixel writer notes a tracker's first Apple Mail Privacy Protection prefetch itself
-- (`open::insert_batch_counted`): it already reads, under the trackers' locks, when each
-- tracker of the batch had its first prefetch, so it updates only a tracker whose first
-- prefetch is in the batch, and usually sends no statement at all. This trigger joined every
-- batch's Apple opens with `trackers` to find that out: 1.8 us of Postgres's time per
-- recorded open under bench/run. The writer says so for its insert with
-- `set_config('mailping.apple_noted', 'on', true)` (a setting of its own, so that a writer of
-- an older release, which does not note prefetches, is still noted for here); every other
-- insert is still noted by this trigger.
CREATE OR REPLACE FUNCTION trackers_note_apple_prefetch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('mailping.apple_noted', true) = 'on' THEN
        RETURN NULL;
    END IF;
    UPDATE trackers t SET apple_prefetch_at = a.at
        FROM (SELECT tracker_id, min(opened_at) AS at FROM changed_opens
              WHERE kind = 'apple_mpp' GROUP BY 1) a
        WHERE t.id = a.tracker_id AND (t.apple_prefetch_at IS NULL OR t.apple_prefetch_at > a.at);
    RETURN NULL;
END $$;
