DROP INDEX opens_apple_mpp;
DROP INDEX opens_reads;
