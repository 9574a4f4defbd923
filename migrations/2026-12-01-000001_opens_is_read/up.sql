-- "Which kinds count as a read" is written once in SQL, here, and once in Rust
-- (`OpenKind::counts_as_read`); tests/tests/vocabulary.rs checks that the two agree.
-- Queries and indexes say `is_read` instead of repeating the list of kinds.
ALTER TABLE opens
    ADD COLUMN is_read BOOLEAN NOT NULL
    GENERATED ALWAYS AS (kind IN ('direct', 'gmail_proxy', 'yahoo_proxy')) STORED;

DROP INDEX opens_reads;
CREATE INDEX opens_reads ON opens (tracker_id, opened_at DESC) INCLUDE (client) WHERE is_read;
