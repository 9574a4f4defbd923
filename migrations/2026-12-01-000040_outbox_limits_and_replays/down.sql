ALTER TABLE accounts DROP COLUMN send_not_before;
DROP TABLE seen_requests;
