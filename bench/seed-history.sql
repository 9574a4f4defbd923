-- 10,000,000 opens over the past year on the pixel benchmark's 10,000 trackers (bench/seed.sql),
-- a thousand each, in the kind mix of real traffic: the "long history" repeat of the pixel run.
-- Rows arrive interleaved across trackers, as in production. Then vacuumed and analyzed, as
-- autovacuum would have done by then.
\set ON_ERROR_STOP on
INSERT INTO opens (tracker_id, opened_at, kind, client, network, user_agent)
SELECT t.id,
       now() - interval '1 day' - ((g::bigint * 104729) % (360 * 86400)) * interval '1 second',
       k.kind, k.client, ('198.19.' || (g % 256) || '.0/24')::cidr, k.ua
FROM generate_series(0, 9999999) g
JOIN trackers t ON t.id = (SELECT min(id) FROM trackers) + g % 10000
CROSS JOIN LATERAL (SELECT (g::bigint * 7919) % 100 AS r) h
CROSS JOIN LATERAL (SELECT
    CASE WHEN h.r < 50 THEN 'gmail_proxy' WHEN h.r < 65 THEN 'direct' WHEN h.r < 80 THEN 'apple_mpp'
         WHEN h.r < 90 THEN 'duplicate' WHEN h.r < 95 THEN 'scanner' ELSE 'link_preview' END AS kind,
    CASE WHEN h.r < 50 THEN 'Gmail' WHEN h.r < 65 THEN 'Outlook' WHEN h.r < 80 THEN 'Apple Mail'
         WHEN h.r < 90 THEN 'Gmail' WHEN h.r < 95 THEN 'Barracuda' ELSE 'Telegram' END AS client,
    CASE WHEN h.r < 50 OR (h.r >= 80 AND h.r < 90)
         THEN 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)'
         WHEN h.r < 65 THEN 'Microsoft Office/16.0 (Microsoft Outlook 16.0.12329; Pro)'
         WHEN h.r < 80 THEN 'Mozilla/5.0'
         WHEN h.r < 95 THEN 'Barracuda Sentinel (EE)'
         ELSE 'TelegramBot (like TwitterBot)' END AS ua) k;
VACUUM ANALYZE opens;
