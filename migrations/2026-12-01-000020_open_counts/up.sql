-- `/stats` reads how many fetches of each kind an account had per day of its timezone. Counting
-- them from `opens` scans every open of the window (83,000 to 1,000,000 rows for a big account,
-- 37-71 ms); this rollup holds the same counts per 15-minute slice, so the chart reads at most
-- 96 slices x 8 kinds per day and groups them by local day. Fifteen minutes, because every
-- timezone's offset is a multiple of it: a slice never straddles a local midnight.
--
-- Postgres keeps it exact, whoever writes: statement-level triggers with transition tables on
-- `opens` add each inserted batch (the pixel writer, COPY, tests) as one grouped upsert, and
-- subtract deleted rows (retention's purge). Deleting a tracker subtracts its opens before the
-- cascade removes them; deleting an account (/forget) removes its rollup by the foreign key.
CREATE TABLE open_counts (
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- The start of the 15-minute slice (UTC) the fetches fall in.
    slice_start TIMESTAMPTZ NOT NULL,
    kind TEXT NOT NULL,
    count BIGINT NOT NULL CHECK (count > 0),
    PRIMARY KEY (account_id, slice_start, kind)
)
-- Room on each page for the new versions of the current slices' rows, so the writer's updates
-- stay HOT (no index entry each). With the count in the index instead (INCLUDE), the chart
-- would be an index-only scan, but a batch of 1,000 opens over 1,000 accounts took ~25 ms more
-- to insert rather than ~5-10 ms (psql, under load).
WITH (fillfactor = 70);

-- The slice an open falls in.
CREATE FUNCTION open_counts_slice(at TIMESTAMPTZ) RETURNS TIMESTAMPTZ
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN date_bin('15 minutes', at, TIMESTAMPTZ '2000-01-01 00:00:00+00');

-- Adds counts. Rows are locked in key order, so two writers' batches never deadlock.
CREATE FUNCTION open_counts_add(account_ids BIGINT[], slice_starts TIMESTAMPTZ[], kinds TEXT[], counts BIGINT[])
    RETURNS void LANGUAGE sql AS $$
    INSERT INTO open_counts AS c (account_id, slice_start, kind, count)
    SELECT * FROM unnest(account_ids, slice_starts, kinds, counts) AS d
    ORDER BY 1, 2, 3
    ON CONFLICT (account_id, slice_start, kind) DO UPDATE SET count = c.count + EXCLUDED.count
$$;

-- Subtracts counts, dropping the rows that reach zero. Rows are locked in key order first, like
-- `open_counts_add`; a row already gone (its account is being deleted) is left alone.
CREATE FUNCTION open_counts_subtract(account_ids BIGINT[], slice_starts TIMESTAMPTZ[], kinds TEXT[], counts BIGINT[])
    RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM open_counts c
        JOIN unnest(account_ids, slice_starts, kinds) AS d (account_id, slice_start, kind)
            USING (account_id, slice_start, kind)
        ORDER BY c.account_id, c.slice_start, c.kind
        FOR UPDATE OF c;
    -- Emptied rows go first: once decremented, a row could look emptied.
    DELETE FROM open_counts c
        USING unnest(account_ids, slice_starts, kinds, counts) AS d (account_id, slice_start, kind, n)
        WHERE (c.account_id, c.slice_start, c.kind) = (d.account_id, d.slice_start, d.kind)
          AND c.count <= d.n;
    UPDATE open_counts c SET count = c.count - d.n
        FROM unnest(account_ids, slice_starts, kinds, counts) AS d (account_id, slice_start, kind, n)
        WHERE (c.account_id, c.slice_start, c.kind) = (d.account_id, d.slice_start, d.kind)
          AND c.count > d.n;
END $$;

-- The grouped counts of a transition table of opens, per account; opens whose tracker is gone
-- are left out (a deleted tracker's opens were subtracted before the cascade removed them).
-- The opens are grouped by tracker, slice and kind first; then each group's account is one
-- index probe (a scalar subquery), and the groups are summed per account. There is no join on
-- purpose: the planner guesses one row for a transition table, so a join of it with itself
-- became a nested loop, quadratic in the batch (1.6 s for a batch of 2,000 under bench/run).
-- When no tracker is left (the cascade of /delete or /forget, one statement per tracker), no
-- group has an account and nothing is counted.
-- One function for every trigger: each names its transition table `changed_opens`, and its
-- argument says whether those opens are added to the rollup or subtracted from it.
CREATE FUNCTION open_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE a BIGINT[]; s TIMESTAMPTZ[]; k TEXT[]; n BIGINT[];
BEGIN
    SELECT array_agg(g.account_id), array_agg(g.slice_start), array_agg(g.kind), array_agg(g.n)
        INTO a, s, k, n
        FROM (SELECT x.account_id, x.slice_start, x.kind, sum(x.n)::bigint AS n
              FROM (SELECT (SELECT t.account_id FROM trackers t WHERE t.id = o.tracker_id) AS account_id,
                           o.slice_start, o.kind, o.n
                    FROM (SELECT tracker_id, open_counts_slice(opened_at) AS slice_start, kind, count(*) AS n
                          FROM changed_opens GROUP BY 1, 2, 3) o) x
              WHERE x.account_id IS NOT NULL
              GROUP BY 1, 2, 3) g;
    IF a IS NULL THEN
        RETURN NULL;
    ELSIF TG_ARGV[0] = 'add' THEN
        PERFORM open_counts_add(a, s, k, n);
    ELSE
        PERFORM open_counts_subtract(a, s, k, n);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER open_counts_on_insert AFTER INSERT ON opens
    REFERENCING NEW TABLE AS changed_opens
    FOR EACH STATEMENT EXECUTE FUNCTION open_counts_apply('add');
CREATE TRIGGER open_counts_on_delete AFTER DELETE ON opens
    REFERENCING OLD TABLE AS changed_opens
    FOR EACH STATEMENT EXECUTE FUNCTION open_counts_apply('subtract');
-- No code updates opens; a hand-made fix (`UPDATE opens SET kind = ..`) must keep the rollup
-- exact too. Postgres allows one event per trigger with transition tables, hence two.
CREATE TRIGGER open_counts_on_update_remove AFTER UPDATE ON opens
    REFERENCING OLD TABLE AS changed_opens
    FOR EACH STATEMENT EXECUTE FUNCTION open_counts_apply('subtract');
CREATE TRIGGER open_counts_on_update_add AFTER UPDATE ON opens
    REFERENCING NEW TABLE AS changed_opens
    FOR EACH STATEMENT EXECUTE FUNCTION open_counts_apply('add');

-- A tracker's opens are gone from the rollup before the cascade deletes them, while the tracker
-- still says which account they counted for. When the whole account goes, its rollup goes with
-- it by the foreign key, so there is nothing to subtract.
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

CREATE FUNCTION open_counts_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE open_counts;
    RETURN NULL;
END $$;
CREATE TRIGGER open_counts_on_truncate AFTER TRUNCATE ON opens
    FOR EACH STATEMENT EXECUTE FUNCTION open_counts_truncate();

-- What is already recorded.
INSERT INTO open_counts (account_id, slice_start, kind, count)
SELECT t.account_id, open_counts_slice(o.opened_at), o.kind, count(*)
FROM opens o JOIN trackers t ON t.id = o.tracker_id
GROUP BY 1, 2, 3;
