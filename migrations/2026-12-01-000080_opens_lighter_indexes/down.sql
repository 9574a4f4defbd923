DROP TRIGGER trackers_note_apple_prefetch ON opens;
DROP FUNCTION trackers_note_apple_prefetch();
CREATE INDEX opens_apple_mpp ON opens (tracker_id) WHERE kind = 'apple_mpp';
ALTER TABLE trackers DROP COLUMN apple_prefetch_at;

DROP INDEX opens_opened_at;
CREATE INDEX opens_opened_at ON opens (opened_at) INCLUDE (tracker_id, kind);

CREATE INDEX opens_tracker_time_only ON opens (tracker_id, opened_at DESC);
DROP INDEX opens_tracker_time;
ALTER INDEX opens_tracker_time_only RENAME TO opens_tracker_time;
