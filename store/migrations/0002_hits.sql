-- One row per dictionary hit, tagged with the row_version of the analysis
-- that found it. Reads count only hits whose (call_id, row_version) is the
-- call's latest analysis, so hits of an older analysis never count; the same
-- analysis written twice collapses on (call_id, row_version, hit_index).
CREATE TABLE IF NOT EXISTS hits (
    call_id     String,
    row_version UInt64,
    hit_index   UInt32,
    version     String,
    started_at  DateTime('UTC'),
    category    String,
    phrase_id   String,
    channel     String,
    start_sec   Float64,
    end_sec     Float64,
    text        String
) ENGINE = ReplacingMergeTree(row_version)
ORDER BY (call_id, row_version, hit_index);
