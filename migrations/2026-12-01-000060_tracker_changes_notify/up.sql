-- The pixel server's writer remembers trackers between batches (pixel-server/src/tracker_cache.rs).
-- Whenever something it remembers changes, these triggers tell it which account's trackers to
-- forget: NOTIFY is delivered when the change commits, and once per account per transaction.
-- TG_ARGV[0] names the column that holds the account's id.
CREATE FUNCTION mailping_notify_tracker_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    row_json jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
BEGIN
    PERFORM pg_notify('mailping_trackers', row_json ->> TG_ARGV[0]);
    RETURN NULL;
END $$;

CREATE TRIGGER trackers_changed AFTER UPDATE OF muted OR DELETE ON trackers
    FOR EACH ROW EXECUTE FUNCTION mailping_notify_tracker_change('account_id');
CREATE TRIGGER accounts_alerts_blocked AFTER UPDATE OF alerts_blocked_at ON accounts
    FOR EACH ROW WHEN (OLD.alerts_blocked_at IS DISTINCT FROM NEW.alerts_blocked_at)
    EXECUTE FUNCTION mailping_notify_tracker_change('id');
CREATE TRIGGER sender_networks_changed AFTER INSERT OR UPDATE OR DELETE ON sender_networks
    FOR EACH ROW EXECUTE FUNCTION mailping_notify_tracker_change('account_id');
