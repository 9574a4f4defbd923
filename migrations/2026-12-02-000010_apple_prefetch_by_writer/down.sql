CREATE OR REPLACE FUNCTION trackers_note_apple_prefetch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE trackers t SET apple_prefetch_at = a.at
        FROM (SELECT tracker_id, min(opened_at) AS at FROM changed_opens
              WHERE kind = 'apple_mpp' GROUP BY 1) a
        WHERE t.id = a.tracker_id AND (t.apple_prefetch_at IS NULL OR t.apple_prefetch_at > a.at);
    RETURN NULL;
END $$;
