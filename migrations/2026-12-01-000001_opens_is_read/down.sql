DROP INDEX opens_reads;
ALTER TABLE opens DROP COLUMN is_read;
CREATE INDEX opens_reads ON opens (tracker_id, opened_at DESC) INCLUDE (client)
    WHERE kind IN ('direct', 'gmail_proxy', 'yahoo_proxy');
