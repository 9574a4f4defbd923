-- Reads need evidence (README "What opens.kind means"): a fetch whose agent is no recognised
-- person's client is `unverified`, not a read, and new reasons say which evidence decided.
-- `unknown-agent` stays valid for opens recorded before; new opens no longer get it.
-- Both CHECKs are replaced NOT VALID and validated in a second step, which does not block the writer.
ALTER TABLE opens DROP CONSTRAINT opens_kind_check;
ALTER TABLE opens ADD CONSTRAINT opens_kind_check CHECK (kind IN ('direct', 'gmail_proxy',
    'yahoo_proxy', 'apple_mpp', 'link_preview', 'scanner', 'unverified', 'self', 'duplicate'))
    NOT VALID;
ALTER TABLE opens VALIDATE CONSTRAINT opens_kind_check;

ALTER TABLE opens DROP CONSTRAINT opens_reason_known;
ALTER TABLE opens ADD CONSTRAINT opens_reason_known CHECK (reason IN ('ua', 'unknown-agent',
    'unrecognised-agent', 'implausible-agent', 'bot-convention', 'no-agent', 'bot-list',
    'network:scan', 'network:prefetch', 'network:crawler', 'network:relay', 'network:hosting',
    'owner-network', 'reported-own-network', 'reported-machine', 'grace', 'dedup', 'legacy'))
    NOT VALID;
ALTER TABLE opens VALIDATE CONSTRAINT opens_reason_known;
