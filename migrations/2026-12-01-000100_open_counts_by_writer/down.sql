-- The trigger counts every insert again.
CREATE OR REPLACE FUNCTION open_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
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
