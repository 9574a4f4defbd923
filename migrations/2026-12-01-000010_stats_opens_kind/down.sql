DROP INDEX opens_tracker_time;
CREATE INDEX opens_tracker_time ON opens (tracker_id, opened_at DESC);
