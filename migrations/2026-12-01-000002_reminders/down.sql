ALTER TABLE alerts DROP COLUMN reminder_cancelled;
DROP TABLE reminders;
ALTER TABLE accounts DROP CONSTRAINT quiet_hours_both_or_neither,
    DROP COLUMN quiet_end, DROP COLUMN quiet_start, DROP COLUMN remind_after;
DROP FUNCTION mailping_now();
DROP TABLE clock_skew;
