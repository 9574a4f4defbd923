-- Every read of a tracker with a pending alert updates that alert's row (its count, its newest
-- open, its version). None of those columns is indexed, so the update can be HOT (no new index
-- entries) when the row's page has room for the new version; at the default fillfactor the
-- pages are full and each update wrote three index entries (3.6 us per recorded open under
-- bench/run). Only pages written from now on keep the room.
ALTER TABLE alerts SET (fillfactor = 50);
