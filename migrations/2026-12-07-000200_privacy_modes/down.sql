DROP TABLE withdrawal_notices;
DROP TRIGGER accounts_privacy_changed ON accounts;
DROP TRIGGER trackers_changed ON trackers;
CREATE TRIGGER trackers_changed AFTER UPDATE OF muted OR DELETE ON trackers
    FOR EACH ROW EXECUTE FUNCTION mailping_notify_tracker_change('account_id');
ALTER TABLE trackers DROP COLUMN withdrawn_at;
DROP INDEX trackers_optout_token;
ALTER TABLE trackers DROP COLUMN optout_token;
ALTER TABLE accounts DROP COLUMN notice_text;
ALTER TABLE accounts DROP COLUMN notice_on;
ALTER TABLE accounts DROP COLUMN retention;
ALTER TABLE accounts DROP COLUMN privacy;
