DROP TRIGGER opens_delete_with_tracker ON trackers;
DROP FUNCTION opens_delete_with_tracker();

CREATE FUNCTION open_counts_forget_tracker() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE s TIMESTAMPTZ[]; k TEXT[]; n BIGINT[];
BEGIN
    IF NOT EXISTS (SELECT 1 FROM accounts WHERE id = OLD.account_id) THEN
        RETURN OLD;
    END IF;
    SELECT array_agg(g.slice_start), array_agg(g.kind), array_agg(g.n) INTO s, k, n
        FROM (SELECT open_counts_slice(o.opened_at) AS slice_start, o.kind, count(*) AS n
              FROM opens o WHERE o.tracker_id = OLD.id
              GROUP BY 1, 2) g;
    IF s IS NOT NULL THEN
        PERFORM open_counts_subtract(array_fill(OLD.account_id, ARRAY[cardinality(s)]), s, k, n);
    END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER open_counts_on_tracker_delete BEFORE DELETE ON trackers
    FOR EACH ROW EXECUTE FUNCTION open_counts_forget_tracker();

DELETE FROM opens o WHERE NOT EXISTS (SELECT 1 FROM trackers t WHERE t.id = o.tracker_id);
ALTER TABLE opens ADD CONSTRAINT opens_tracker_id_fkey
    FOREIGN KEY (tracker_id) REFERENCES trackers (id) ON DELETE CASCADE;
