-- 10,000 trackers for the pixel benchmark: 100 Telegram chats with 100 trackers each.
-- Run after `mailping-pixel-server migrate` on an empty database. Trackers are a day old, so
-- no fetch falls in a self-view grace period whatever SELF_GRACE_SECS says.
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO accounts (platform, chat_id, trackers_created)
SELECT 'telegram', (900000000 + c)::text, 100
FROM generate_series(1, 100) AS c;

INSERT INTO trackers (account_id, number, token, copy_token, label, created_at)
SELECT a.id, n, gen_random_uuid(), gen_random_uuid(), 'bench ' || a.chat_id || ' #' || n, now() - interval '1 day'
FROM accounts a CROSS JOIN generate_series(1, 100) AS n;
COMMIT;
VACUUM ANALYZE accounts;
VACUUM ANALYZE trackers;
