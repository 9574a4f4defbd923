DROP TABLE spill_replays;
