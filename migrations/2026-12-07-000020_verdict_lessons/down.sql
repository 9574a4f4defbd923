ALTER TABLE verdict_reports DROP COLUMN said;
DROP TABLE reported_machines;
ALTER TABLE sender_networks DROP COLUMN reported;
