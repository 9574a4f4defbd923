ALTER TABLE alerts DROP COLUMN held_until, DROP COLUMN coalesced_since;
DROP TABLE alert_sends;
