-- `/stats` counts an account's opens per day and kind: with the kind in the index, that is an
-- index-only scan of each tracker's recent slice, never a visit to the table. The key is
-- unchanged, so every query that used `opens_tracker_time` still does, and the pixel writer
-- still maintains one index for it, not two.
DROP INDEX opens_tracker_time;
CREATE INDEX opens_tracker_time ON opens (tracker_id, opened_at DESC) INCLUDE (kind);
