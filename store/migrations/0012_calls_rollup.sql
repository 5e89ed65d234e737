-- calls_rollup: per month of calls, the sums the slice reports read, by the
-- columns a dashboard is scoped and sliced by (operator, department, queue,
-- direction, language, profile, channels): a few thousand rows a month
-- instead of every call, so that a report over whole months (the dashboard
-- over all time) reads a few thousand rows instead of millions.
--
-- It is a copy kept beside calls, never the truth: store.RefreshRollup
-- builds a month from `calls FINAL` (the latest analysis of each call) and
-- records in calls_rollup_builds the active parts of that month's
-- partition it was built from. A report uses a month's build only while
-- those parts are still the active ones, i.e. nothing was inserted,
-- re-analysed, erased (forget, retention) or merged there since; any other
-- month, and the part of a month a period cuts, it reads from calls as
-- before. Each build is its own partition (month, build), dropped once a
-- newer build of its month has replaced it for a while.
--
-- The columns a report filters by have the names and types they have in
-- calls, so the same filter SQL runs on both tables. uncategorized counts
-- the calls without any hit; category_names and param_names list the names
-- the month has; category_calls counts the calls with a hit of each,
-- param_n the calls with a value of each parameter and param_sums their
-- sum.
CREATE TABLE IF NOT EXISTS calls_rollup (
    month           UInt32,
    build           String,
    operator_id     LowCardinality(String),
    operator_name   LowCardinality(String),
    department      LowCardinality(String),
    queue           LowCardinality(String),
    direction       LowCardinality(String),
    language        LowCardinality(String),
    score_profile   LowCardinality(String),
    channels        UInt8,
    calls           UInt64,
    duration_sum    Float64,
    talk_sum        Float64,
    wait_sum        Float64,
    wait_n          UInt64,
    score_sum       Float64,
    score_n         UInt64,
    csat_good       UInt64,
    csat_n          UInt64,
    uncategorized   UInt64,
    category_names  Array(String),
    category_calls  Array(UInt64),
    param_names     Array(String),
    param_sums      Array(Float64),
    param_n         Array(UInt64)
) ENGINE = MergeTree
PARTITION BY (month, build)
ORDER BY (operator_id, department, queue);

-- One row per finished build: which parts of calls (stamp) it was built
-- from. A build without a row here is unfinished and never read.
CREATE TABLE IF NOT EXISTS calls_rollup_builds (
    month    UInt32,
    build    String,
    stamp    String,
    built_at DateTime('UTC')
) ENGINE = MergeTree
ORDER BY (month, built_at);
