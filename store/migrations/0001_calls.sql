-- One row per analysis of a call. A re-analysis (or the same analysis
-- written again) adds a row with the same call_id; reads keep the row with
-- the highest row_version (argMax / FINAL), merges drop the others.
-- row_version is the analysis time in nanoseconds: the same Analysis always
-- gets the same row_version, a later re-analysis a higher one.
-- Kept inside what ClickHouse 18.16 accepts: no DateTime64, no Map, no
-- LowCardinality; tags and categories are parallel arrays.
CREATE TABLE IF NOT EXISTS calls (
    call_id            String,
    row_version        UInt64,
    object_key         String,
    etag               String,
    version            String,
    dictionary_version String,
    analyzed_at        DateTime('UTC'),
    started_at         DateTime('UTC'),
    operator_id        String,
    operator_name      String,
    department         String,
    queue              String,
    direction          String,
    language           String,
    client_hash        String,
    wait_seconds       Nullable(Float64),
    transfers          Nullable(Int32),
    csat_score         Nullable(Float64),
    csat_scale         Nullable(Float64),
    duration           Float64,
    channels           UInt8,
    operator_talk      Nullable(Float64),
    client_talk        Nullable(Float64),
    total_talk         Float64,
    category_names     Array(String),
    category_counts    Array(UInt32),
    asr_adapter        String,
    asr_model          String,
    tag_keys           Array(String),
    tag_values         Array(String)
) ENGINE = ReplacingMergeTree(row_version)
ORDER BY call_id;
