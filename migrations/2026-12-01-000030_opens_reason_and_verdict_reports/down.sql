DROP TABLE verdict_reports;
ALTER TABLE opens DROP COLUMN reason;
