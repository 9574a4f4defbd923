-- Indexes for the history queries (`/opens`, and the pixel writer's tracker lookup), so their
-- cost is bounded by the trackers on the page, not by the size of `opens`.

-- Reads of a tracker, newest first, with the client: `/opens` counts them and shows the last
-- one with an index-only scan, never visiting the heap or the non-read rows.
CREATE INDEX opens_reads ON opens (tracker_id, opened_at DESC) INCLUDE (client)
    WHERE kind IN ('direct', 'gmail_proxy', 'yahoo_proxy');

-- "Has this tracker had an Apple Mail prefetch?" is one probe of a small index.
CREATE INDEX opens_apple_mpp ON opens (tracker_id) WHERE kind = 'apple_mpp';
