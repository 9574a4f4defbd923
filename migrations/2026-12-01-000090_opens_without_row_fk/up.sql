-- The foreign key from opens to trackers checked each inserted open on its own, by locking its
-- tracker's row (SELECT ... FOR KEY SHARE, one statement per open): 2.6 us of Postgres's time
-- per recorded open under bench/run, more than any index. The pixel writer is the only thing
-- that inserts opens at volume, and it already takes an advisory lock on each tracker of a
-- batch (`open::lock_trackers`, the key is the tracker's id); it now checks the batch's
-- trackers once after that, and leaves out the fetches of trackers deleted meanwhile.
--
-- Deleting a tracker takes the same lock before it deletes the tracker's opens, so the two
-- serialize: either the writer saw the tracker gone, or its committed opens are deleted with
-- the tracker. Deleting the opens here also keeps the rollup exact: the statement trigger on
-- opens subtracts them while the tracker still says which account they counted for (which is
-- why open_counts_forget_tracker is no longer needed).
-- tests/tests/opens_integrity.rs runs both orders, and checks that nothing is left behind.
ALTER TABLE opens DROP CONSTRAINT opens_tracker_id_fkey;

DROP TRIGGER open_counts_on_tracker_delete ON trackers;
DROP FUNCTION open_counts_forget_tracker();

CREATE FUNCTION opens_delete_with_tracker() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(OLD.id);
    DELETE FROM opens WHERE tracker_id = OLD.id;
    RETURN OLD;
END $$;
CREATE TRIGGER opens_delete_with_tracker BEFORE DELETE ON trackers
    FOR EACH ROW EXECUTE FUNCTION opens_delete_with_tracker();
