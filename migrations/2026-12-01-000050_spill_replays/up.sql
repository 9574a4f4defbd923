-- How far each spill file of a pixel server has been replayed into opens. The offset is
-- written in the same transaction as the opens it covers, so a crash during replay neither
-- repeats nor loses any: the next start carries on from here. See pixel-server/src/spill.rs.
CREATE TABLE spill_replays (
    file_id UUID PRIMARY KEY,
    replayed_to BIGINT NOT NULL CHECK (replayed_to >= 0),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
