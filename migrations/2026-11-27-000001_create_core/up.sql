-- A chat on a platform: a Telegram chat, or a Discord user (alerts go to their DMs).
CREATE TABLE accounts (
    id BIGSERIAL PRIMARY KEY,
    platform TEXT NOT NULL CHECK (platform IN ('telegram', 'discord')),
    -- Telegram chat id or Discord user id, as text so both fit without casts.
    chat_id TEXT NOT NULL,
    timezone TEXT NOT NULL DEFAULT 'UTC',
    -- Tracker numbers are per account and never reused, so "#3" always means the same tracker.
    trackers_created INTEGER NOT NULL DEFAULT 0,
    -- Set when the platform says we may not message this chat (Telegram 403, Discord 50007).
    alerts_blocked_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (platform, chat_id)
);

CREATE TABLE trackers (
    id BIGSERIAL PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    -- The pixel URL's secret (UUID v4, 122 random bits).
    token UUID NOT NULL UNIQUE,
    -- A separate secret for the copy page, so the recipient (who can see the pixel URL)
    -- cannot register their own network as the sender's.
    copy_token UUID NOT NULL UNIQUE,
    label TEXT NOT NULL,
    muted BOOLEAN NOT NULL DEFAULT false,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (account_id, number)
);
CREATE INDEX trackers_account_newest ON trackers (account_id, number DESC);

-- Where the owner viewed a copy page from: fetches from these networks are the sender's own.
CREATE TABLE sender_networks (
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    network CIDR NOT NULL,
    user_agent TEXT NOT NULL DEFAULT '',
    last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, network, user_agent)
);

CREATE TABLE opens (
    id BIGSERIAL PRIMARY KEY,
    tracker_id BIGINT NOT NULL REFERENCES trackers (id) ON DELETE CASCADE,
    opened_at TIMESTAMPTZ NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'gmail_proxy', 'yahoo_proxy', 'apple_mpp',
        'link_preview', 'scanner', 'self', 'duplicate')),
    client TEXT NOT NULL,
    -- Never a raw address: an IPv4 /24 or an IPv6 /48 at most.
    network CIDR,
    user_agent TEXT
);
CREATE INDEX opens_tracker_time ON opens (tracker_id, opened_at DESC);
CREATE INDEX opens_opened_at ON opens (opened_at);

-- The outbox between the pixel server and the bot.
CREATE TABLE alerts (
    id BIGSERIAL PRIMARY KEY,
    tracker_id BIGINT NOT NULL REFERENCES trackers (id) ON DELETE CASCADE,
    -- The newest open this alert reports.
    open_id BIGINT NOT NULL,
    -- An Apple Mail Privacy Protection delivery, not a read.
    apple_prefetch BOOLEAN NOT NULL,
    -- Opens coalesced into this alert since the previous one.
    open_count INTEGER NOT NULL DEFAULT 1,
    -- Raised by every coalesced open, so a dispatcher can tell what it has not reported yet.
    version INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- A claim pushes this forward (a lease); a failure pushes it by the backoff.
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    finished_at TIMESTAMPTZ,
    outcome TEXT CHECK (outcome IN ('sent', 'muted', 'blocked'))
);
-- At most one pending alert per tracker: later opens raise its count instead.
CREATE UNIQUE INDEX alerts_one_pending ON alerts (tracker_id) WHERE finished_at IS NULL;
CREATE INDEX alerts_due ON alerts (next_attempt_at) WHERE finished_at IS NULL;
