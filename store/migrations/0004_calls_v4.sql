-- calls, version 4: parameters, score and criteria outcomes per call, and a
-- layout chosen for the slice reports.
--
-- * PARTITION BY month of the call start: a report over a period reads only
--   its months.
-- * ORDER BY call_id stays the replacing key, so `calls FINAL` is still one
--   row per call (its highest row_version), whatever changed in a
--   re-analysis (operator, start time...).
-- * LowCardinality for the short repeated strings the reports group and
--   filter by (store rewrites it to plain String on servers older than 19.1,
--   where the type was experimental).
--
-- ClickHouse cannot change a table's key or partitioning in place, so the
-- table is rebuilt: create calls_v4, copy the old rows, rename calls to
-- calls_v1 and calls_v4 to calls, one table per RENAME. The `--@when`
-- guards make every step a no-op once it is done, so a migration
-- interrupted half-way can be run again, and two processes migrating at
-- once cannot rename the new table away: the second RENAME to calls_v1
-- fails because calls_v1 exists. The old table is kept as calls_v1 (drop it
-- by hand once satisfied); on a new database it is empty.
--@when SELECT (SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = 'calls') = 1 AND (SELECT count() FROM system.columns WHERE database = currentDatabase() AND table = 'calls' AND name = 'score_profile') = 0
CREATE TABLE IF NOT EXISTS calls_v4 (
    call_id               String,
    row_version           UInt64,
    object_key            String,
    etag                  String,
    version               LowCardinality(String),
    dictionary_version    LowCardinality(String),
    analyzed_at           DateTime('UTC'),
    started_at            DateTime('UTC'),
    operator_id           LowCardinality(String),
    operator_name         LowCardinality(String),
    department            LowCardinality(String),
    queue                 LowCardinality(String),
    direction             LowCardinality(String),
    language              LowCardinality(String),
    client_hash           String,
    wait_seconds          Nullable(Float64),
    transfers             Nullable(Int32),
    csat_score            Nullable(Float64),
    csat_scale            Nullable(Float64),
    duration              Float64,
    channels              UInt8,
    operator_talk         Nullable(Float64),
    client_talk           Nullable(Float64),
    total_talk            Float64,
    category_names        Array(LowCardinality(String)),
    category_counts       Array(UInt32),
    asr_adapter           LowCardinality(String),
    asr_model             LowCardinality(String),
    tag_keys              Array(LowCardinality(String)),
    tag_values            Array(String),
    param_names           Array(LowCardinality(String)),
    param_values          Array(Float64),
    score                 Nullable(Float64),
    score_max             Nullable(Float64),
    score_profile         LowCardinality(String),
    score_profile_version LowCardinality(String),
    criteria_ids          Array(LowCardinality(String)),
    criteria_outcomes     Array(LowCardinality(String))
) ENGINE = ReplacingMergeTree(row_version)
PARTITION BY toYYYYMM(started_at)
ORDER BY call_id;

--@when SELECT (SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = 'calls') = 1 AND (SELECT count() FROM system.columns WHERE database = currentDatabase() AND table = 'calls' AND name = 'score_profile') = 0
INSERT INTO calls_v4 (call_id, row_version, object_key, etag, version, dictionary_version,
    analyzed_at, started_at, operator_id, operator_name, department, queue, direction, language,
    client_hash, wait_seconds, transfers, csat_score, csat_scale, duration, channels,
    operator_talk, client_talk, total_talk, category_names, category_counts, asr_adapter,
    asr_model, tag_keys, tag_values)
SELECT call_id, row_version, object_key, etag, version, dictionary_version,
    analyzed_at, started_at, operator_id, operator_name, department, queue, direction, language,
    client_hash, wait_seconds, transfers, csat_score, csat_scale, duration, channels,
    operator_talk, client_talk, total_talk, category_names, category_counts, asr_adapter,
    asr_model, tag_keys, tag_values
FROM calls;

--@when SELECT (SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = 'calls') = 1 AND (SELECT count() FROM system.columns WHERE database = currentDatabase() AND table = 'calls' AND name = 'score_profile') = 0
RENAME TABLE calls TO calls_v1;

--@when SELECT (SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = 'calls_v4') = 1 AND (SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = 'calls') = 0
RENAME TABLE calls_v4 TO calls;

-- A calls_v4 left by a process that lost the race to migrate.
--@when SELECT count() > 0 FROM system.columns WHERE database = currentDatabase() AND table = 'calls' AND name = 'score_profile'
DROP TABLE IF EXISTS calls_v4;
