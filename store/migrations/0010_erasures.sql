-- What `callscope forget` and `callscope retention apply` removed, and when:
-- counts only. Never the client's number or its hash: the record of an
-- erasure must not keep what was erased.
CREATE TABLE IF NOT EXISTS erasures (
    at       DateTime('UTC'),
    kind     LowCardinality(String),
    calls    UInt32,
    rows     UInt64,
    objects  UInt32,
    note     String
) ENGINE = MergeTree()
ORDER BY at;
