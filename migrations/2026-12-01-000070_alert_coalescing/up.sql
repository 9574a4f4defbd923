-- Every alert message that went out, or is going out, per tracker and chat. The dispatcher
-- counts these, in the transaction that claims an alert, to hold back a flooded tracker's
-- reads into one message and to cap a chat's alerts per minute; every replica sees the same
-- rows. Times are on `mailping_now()`, the clock tests move.
CREATE TABLE alert_sends (
    id BIGSERIAL PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    tracker_id BIGINT NOT NULL REFERENCES trackers (id) ON DELETE CASCADE,
    sent_at TIMESTAMPTZ NOT NULL,
    -- The message told reads held back ("opened N more times in the last 10 minutes").
    coalesced BOOLEAN NOT NULL
);
CREATE INDEX alert_sends_tracker ON alert_sends (tracker_id, sent_at);
CREATE INDEX alert_sends_account ON alert_sends (account_id, sent_at);

ALTER TABLE alerts
    -- Held back by the rate rules until then (`mailping_now()`); reads go on raising its count.
    ADD COLUMN held_until TIMESTAMPTZ,
    -- Held back because its tracker was flooded: the time of the tracker's previous alert,
    -- which the message counts from.
    ADD COLUMN coalesced_since TIMESTAMPTZ;
