UPDATE opens SET kind = 'scanner' WHERE kind = 'unverified';
UPDATE opens SET reason = 'legacy' WHERE reason IN ('unrecognised-agent', 'implausible-agent',
    'bot-convention', 'network:hosting', 'reported-own-network', 'reported-machine');
ALTER TABLE opens DROP CONSTRAINT opens_kind_check;
ALTER TABLE opens ADD CONSTRAINT opens_kind_check CHECK (kind IN ('direct', 'gmail_proxy',
    'yahoo_proxy', 'apple_mpp', 'link_preview', 'scanner', 'self', 'duplicate'));
ALTER TABLE opens DROP CONSTRAINT opens_reason_known;
ALTER TABLE opens ADD CONSTRAINT opens_reason_known CHECK (reason IN ('ua', 'unknown-agent',
    'no-agent', 'bot-list', 'network:scan', 'network:prefetch', 'network:crawler',
    'network:relay', 'owner-network', 'grace', 'dedup', 'legacy'));
