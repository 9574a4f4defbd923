-- Follow-up reminders: "no confirmed read after 3 days".

-- The clock reminders run on. In production `clock_skew` is empty and this is `now()`; tests
-- move every replica's clock at once by inserting a skew, instead of sleeping.
CREATE TABLE clock_skew (
    only_row BOOLEAN PRIMARY KEY DEFAULT true CHECK (only_row),
    skew INTERVAL NOT NULL
);
CREATE FUNCTION mailping_now() RETURNS TIMESTAMPTZ LANGUAGE sql STABLE AS $$
    SELECT now() + COALESCE((SELECT skew FROM clock_skew), interval '0')
$$;

ALTER TABLE accounts
    -- Applied to every new tracker; NULL means no reminder unless asked for.
    ADD COLUMN remind_after INTERVAL,
    -- Quiet hours in the account's timezone: both set, or neither (off, the default).
    ADD COLUMN quiet_start TIME,
    ADD COLUMN quiet_end TIME,
    ADD CONSTRAINT quiet_hours_both_or_neither CHECK ((quiet_start IS NULL) = (quiet_end IS NULL));

-- One pending reminder per tracker. A row exists only while the reminder is pending: it is
-- deleted when sent, cancelled by a read, stopped, or with its tracker.
CREATE TABLE reminders (
    id BIGSERIAL PRIMARY KEY,
    tracker_id BIGINT NOT NULL UNIQUE REFERENCES trackers (id) ON DELETE CASCADE,
    -- When it falls due (quiet hours are applied when it is sent, so changing them counts).
    due_at TIMESTAMPTZ NOT NULL,
    -- due_at, pushed back by quiet hours and by failed sends (backoff).
    next_attempt_at TIMESTAMPTZ NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- Due reminders are found by this index, never by scanning trackers.
CREATE INDEX reminders_due ON reminders (next_attempt_at);

-- A read that cancelled a pending reminder says so in its alert.
ALTER TABLE alerts ADD COLUMN reminder_cancelled BOOLEAN NOT NULL DEFAULT false;
