-- The audit trail of `callscope serve`: who did what, when, to which call
-- (viewed, listened, searched, exported, denied, logged in, changed a
-- dictionary). Rows are only appended; an event is never updated.
CREATE TABLE IF NOT EXISTS audit (
    at         DateTime('UTC'),
    at_ns      UInt64,
    user       String,
    role       String,
    action     String,
    call_id    String,
    department String,
    status     UInt16,
    method     String,
    path       String,
    remote     String,
    detail     String
) ENGINE = MergeTree()
PARTITION BY toYYYYMM(at)
ORDER BY (at, at_ns, user);
