CREATE INDEX opens_tracker_time_network ON opens (tracker_id, opened_at DESC, network);
DROP INDEX opens_tracker_time;
ALTER INDEX opens_tracker_time_network RENAME TO opens_tracker_time;
CREATE INDEX opens_reads ON opens (tracker_id, opened_at DESC) INCLUDE (client) WHERE is_read;
