CREATE OR REPLACE FUNCTION opens_delete_with_tracker() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(OLD.id);
    DELETE FROM opens WHERE tracker_id = OLD.id;
    RETURN OLD;
END $$;
DROP TABLE tracker_tombstones;
