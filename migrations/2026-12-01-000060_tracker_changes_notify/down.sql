DROP TRIGGER sender_networks_changed ON sender_networks;
DROP TRIGGER accounts_alerts_blocked ON accounts;
DROP TRIGGER trackers_changed ON trackers;
DROP FUNCTION mailping_notify_tracker_change();
