-- The processing history of each recording: every stage appends a row. The
-- latest row per object_key (highest at_ns) is its state. A status written
-- twice collapses on the whole key.
CREATE TABLE IF NOT EXISTS call_status (
    object_key String,
    etag       String,
    call_id    String,
    stage      String,
    state      String,
    error      String,
    attempts   UInt32,
    at         DateTime('UTC'),
    at_ns      UInt64
) ENGINE = ReplacingMergeTree()
ORDER BY (object_key, at_ns, stage, state);
