ALTER TABLE accounts DROP COLUMN language, DROP COLUMN language_chosen;
