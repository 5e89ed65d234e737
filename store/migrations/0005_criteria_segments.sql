-- Per-criterion results of a call's score: why a call got its score. Like
-- hits, rows carry the row_version of the analysis that made them and only
-- the call's latest analysis counts; the same analysis written twice
-- collapses on the key.
CREATE TABLE IF NOT EXISTS criteria (
    call_id         String,
    row_version     UInt64,
    crit_index      UInt32,
    started_at      DateTime('UTC'),
    profile         LowCardinality(String),
    profile_version LowCardinality(String),
    criterion_id    LowCardinality(String),
    text            String,
    weight          Float64,
    outcome         LowCardinality(String),
    evidence        String,
    start_sec       Nullable(Float64)
) ENGINE = ReplacingMergeTree(row_version)
ORDER BY (call_id, row_version, crit_index);

-- Transcript segments, for search and what-if runs. terms are the segment's
-- words normalized and stemmed as analyze/text does for the dictionaries,
-- so a search for one form of a word finds the others. Latest analysis
-- only counts, as for hits.
CREATE TABLE IF NOT EXISTS segments (
    call_id     String,
    row_version UInt64,
    channel     LowCardinality(String),
    seg_index   UInt32,
    started_at  DateTime('UTC'),
    start_sec   Float64,
    end_sec     Float64,
    text        String,
    terms       Array(String)
) ENGINE = ReplacingMergeTree(row_version)
ORDER BY (call_id, row_version, channel, seg_index);

-- The first call of each client (by client_hash): what tells a first-time
-- caller from a repeat one. min() is idempotent, so unlike a count this
-- rollup stays right when a call is written again or re-analysed.
CREATE TABLE IF NOT EXISTS client_first (
    client_hash String,
    first_at    AggregateFunction(min, DateTime('UTC'))
) ENGINE = AggregatingMergeTree()
ORDER BY client_hash;

CREATE MATERIALIZED VIEW IF NOT EXISTS client_first_mv TO client_first AS
SELECT client_hash, minState(started_at) AS first_at
FROM calls
WHERE client_hash != ''
GROUP BY client_hash;

-- Calls written before the view existed. Running it again changes nothing.
INSERT INTO client_first (client_hash, first_at)
SELECT client_hash, minState(started_at)
FROM calls
WHERE client_hash != ''
GROUP BY client_hash;
