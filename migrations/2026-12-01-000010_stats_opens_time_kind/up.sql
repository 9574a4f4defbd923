-- `/stats` counts an account's opens of the last 30 days per day and kind. With the tracker and
-- the kind in the time index, that is one index-only range scan of the window, never a visit
-- to the table (tests/examples/stats_bench.rs, 1,000,000 opens, 83,000 in the window: 96 ms -> 38-72 ms
-- depending on load).
-- The key is unchanged, so retention's purge uses it as before, and the pixel writer still
-- maintains one index on the time, not two.
DROP INDEX opens_opened_at;
CREATE INDEX opens_opened_at ON opens (opened_at) INCLUDE (tracker_id, kind);
