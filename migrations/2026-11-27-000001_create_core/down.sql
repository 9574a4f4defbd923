DROP TABLE alerts;
DROP TABLE opens;
DROP TABLE sender_networks;
DROP TABLE trackers;
DROP TABLE accounts;
