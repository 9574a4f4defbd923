-- What a "Wrong?" report teaches (README "When MailPing is wrong"). An owner who says a fetch was
-- their own view teaches that network as theirs for later trackers (`reported`, beside the
-- networks learned from copy pages); one who says it was a machine teaches the agent and
-- network pair, for their later trackers. Both are the account's and go with it; the writer's
-- memory of trackers is told when they change, as for sender_networks.
ALTER TABLE sender_networks ADD COLUMN reported BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE reported_machines (
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- An IPv4 /24 or IPv6 /48, as opens keep it.
    network CIDR NOT NULL,
    user_agent TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, network, user_agent)
);
CREATE TRIGGER reported_machines_changed AFTER INSERT OR UPDATE OR DELETE ON reported_machines
    FOR EACH ROW EXECUTE FUNCTION mailping_notify_tracker_change('account_id');

-- What the owner said of the fetch; NULL for reports made before they were asked.
ALTER TABLE verdict_reports ADD COLUMN said TEXT CHECK (said IN ('own-view', 'machine'));
