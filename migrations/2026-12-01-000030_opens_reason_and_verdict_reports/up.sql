-- Why each open got its kind: a short stable code (README "Reasons"; `Reason` in
-- shared/src/domain.rs, which tests/tests/vocabulary.rs checks against this list).
-- Opens recorded before this column existed are 'legacy'. The default is a constant, so
-- adding the column rewrites nothing; the CHECK is validated in a second step, which does
-- not block the writer.
ALTER TABLE opens ADD COLUMN reason TEXT NOT NULL DEFAULT 'legacy';
ALTER TABLE opens ADD CONSTRAINT opens_reason_known CHECK (reason IN ('ua', 'unknown-agent',
    'no-agent', 'bot-list', 'network:scan', 'network:prefetch', 'network:crawler',
    'network:relay', 'owner-network', 'grace', 'dedup', 'legacy')) NOT VALID;
ALTER TABLE opens VALIDATE CONSTRAINT opens_reason_known;

-- A user's "Wrong?" on an alert: they disagree with the verdict on this open. For the operator
-- to look at; no automatic rule reads it. Deleting the open (its tracker, its account, or
-- retention) deletes the report.
CREATE TABLE verdict_reports (
    open_id BIGINT PRIMARY KEY REFERENCES opens (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
