-- Privacy by design (docs/privacy.md). Each chat chooses what its opens keep, for how long,
-- and whether its recipients get a way to withdraw.
--
-- `privacy`: 'strict' keeps only tracker, time, kind and reason of each open (no network, no
-- User-Agent, no client name); 'standard' keeps them as before. NULL follows the operator's
-- PRIVACY_DEFAULT.
ALTER TABLE accounts ADD COLUMN privacy TEXT CHECK (privacy IN ('strict', 'standard'));
-- How long this chat's opens are kept; NULL keeps them as long as the operator's
-- OPENS_RETENTION_DAYS (which also bounds what a chat may choose).
ALTER TABLE accounts ADD COLUMN retention INTERVAL CHECK (retention > interval '0');
-- The recipient notice under /track's snippet: off by default; `notice_text` replaces the
-- default wording (NULL: the default, in the chat's language).
ALTER TABLE accounts ADD COLUMN notice_on BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE accounts ADD COLUMN notice_text TEXT;

-- The recipient's opt-out link, `/o/<optout_token>`: as unguessable as the pixel's (a random
-- UUID, 122 bits), and a different one, so that the pixel URL in an email does not give away
-- the link that withdraws it, nor the other way round.
ALTER TABLE trackers ADD COLUMN optout_token UUID NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX trackers_optout_token ON trackers (optout_token);
-- When the recipient withdrew: nothing more is recorded for the tracker, and its opens are
-- gone. The pixel writer finds out under its batch's tracker locks through a tombstone, as
-- for a deleted tracker (`open::lock_live_trackers`), and its memory of trackers through the
-- notification below.
ALTER TABLE trackers ADD COLUMN withdrawn_at TIMESTAMPTZ;

-- The writer's memory of trackers holds each tracker's mode and whether it was withdrawn.
DROP TRIGGER trackers_changed ON trackers;
CREATE TRIGGER trackers_changed AFTER UPDATE OF muted, withdrawn_at OR DELETE ON trackers
    FOR EACH ROW EXECUTE FUNCTION mailping_notify_tracker_change('account_id');
CREATE TRIGGER accounts_privacy_changed AFTER UPDATE OF privacy ON accounts
    FOR EACH ROW WHEN (OLD.privacy IS DISTINCT FROM NEW.privacy)
    EXECUTE FUNCTION mailping_notify_tracker_change('id');

-- "A recipient withdrew": told to the tracker's owner once, through the outbox, as
-- reminders are (claimed, sent and deleted in one transaction). One row per tracker at most:
-- a second press of the button finds the tracker withdrawn and queues nothing.
CREATE TABLE withdrawal_notices (
    tracker_id BIGINT PRIMARY KEY REFERENCES trackers (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    attempts INT NOT NULL DEFAULT 0,
    last_error TEXT
);
