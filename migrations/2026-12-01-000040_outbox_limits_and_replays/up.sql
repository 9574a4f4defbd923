-- Signed requests already acted on (Discord interaction ids), shared by every bot replica so a
-- replayed request is refused by all of them. Rows are purged once older than the freshness
-- window: a request that old is refused for its timestamp anyway.
CREATE TABLE seen_requests (
    key TEXT PRIMARY KEY,
    seen_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX seen_requests_seen_at ON seen_requests (seen_at);

-- A chat the platform asked us to leave alone until then (a 429's retry_after, which Telegram
-- and Discord give per chat): no alert or reminder of the account is claimed before it, by
-- any replica, while every other chat's messages go on.
ALTER TABLE accounts ADD COLUMN send_not_before TIMESTAMPTZ;
