-- The pixel writer adds its own batches to the rollup (`open::insert_batch_counted`): it knows
-- each tracker's account, which this trigger must look up group by group (4.3 us per recorded
-- open under bench/run, the costliest part of the insert after the indexes). It says so for
-- its insert with `set_config('mailping.opens_counted', 'on', true)` and turns it off again
-- right after; every other insert, and every delete and update, is still counted here.
CREATE OR REPLACE FUNCTION open_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE a BIGINT[]; s TIMESTAMPTZ[]; k TEXT[]; n BIGINT[];
BEGIN
    IF TG_OP = 'INSERT' AND current_setting('mailping.opens_counted', true) = 'on' THEN
        RETURN NULL;
    END IF;
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
