DROP INDEX opens_opened_at;
CREATE INDEX opens_opened_at ON opens (opened_at) INCLUDE (tracker_id, kind);
DROP INDEX opens_dedup;
