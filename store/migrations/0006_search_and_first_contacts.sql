-- Search and the first-time / repeat client slice at archive scale.
--
-- 1. segments, version 6: sorted by call start and partitioned by month, so
--    a search reads the newest calls first and stops at its limit, and a
--    period reads only its months. The key still ends in the segment's
--    identity (call, analysis, channel, index): the same analysis written
--    twice still collapses on it. Older analyses' rows stay until merged
--    away and never match their call's current row_version. The table is
--    rebuilt as in 0004, each step guarded, and the old one dropped once
--    copied.
--@when SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = 'segments' AND sorting_key NOT LIKE 'started_at%'
CREATE TABLE IF NOT EXISTS segments_v6 (
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
PARTITION BY toYYYYMM(started_at)
ORDER BY (started_at, call_id, row_version, channel, seg_index);

-- A bloom filter over each granule's terms lets a search for a word that
-- few calls contain skip the rest. Servers before 21.1 have no such index
-- (it was experimental); search works there, scanning.
--@when SELECT (SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = 'segments_v6') = 1 AND toUInt32OrZero(splitByChar('.', version())[1]) >= 21
ALTER TABLE segments_v6 ADD INDEX IF NOT EXISTS terms_bloom terms TYPE bloom_filter(0.01) GRANULARITY 1;

--@when SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = 'segments' AND sorting_key NOT LIKE 'started_at%'
INSERT INTO segments_v6 (call_id, row_version, channel, seg_index, started_at, start_sec, end_sec, text, terms)
SELECT call_id, row_version, channel, seg_index, started_at, start_sec, end_sec, text, terms
FROM segments;

--@when SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = 'segments' AND sorting_key NOT LIKE 'started_at%'
RENAME TABLE segments TO segments_v5;

--@when SELECT (SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = 'segments_v6') = 1 AND (SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = 'segments') = 0
RENAME TABLE segments_v6 TO segments;

--@when SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = 'segments' AND sorting_key LIKE 'started_at%'
DROP TABLE IF EXISTS segments_v5;

-- A segments_v6 left by a process that lost the race to migrate.
--@when SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = 'segments' AND sorting_key LIKE 'started_at%'
DROP TABLE IF EXISTS segments_v6;

-- 2. The first call of each client, keyed by a 64-bit hash of client_hash:
--    the report's client slice joins it, and a join on a number over
--    millions of clients is several times cheaper than one on a 64-character
--    string. calls.client_key is that hash, computed by the server.
--    (Two of four million clients share a hash with odds of about one in
--    two million.)
--@when SELECT count() = 0 FROM system.columns WHERE database = currentDatabase() AND table = 'calls' AND name = 'client_key'
ALTER TABLE calls ADD COLUMN client_key UInt64 MATERIALIZED cityHash64(client_hash);

CREATE TABLE IF NOT EXISTS first_contacts (
    client_key UInt64,
    first_at   AggregateFunction(min, DateTime('UTC'))
) ENGINE = AggregatingMergeTree()
ORDER BY client_key;

CREATE MATERIALIZED VIEW IF NOT EXISTS first_contacts_mv TO first_contacts AS
SELECT cityHash64(client_hash) AS client_key, minState(started_at) AS first_at
FROM calls
WHERE client_hash != ''
GROUP BY client_key;

-- Calls written before the view existed. Running it again changes nothing.
INSERT INTO first_contacts (client_key, first_at)
SELECT cityHash64(client_hash), minState(started_at)
FROM calls
WHERE client_hash != ''
GROUP BY cityHash64(client_hash);

DROP TABLE IF EXISTS client_first_mv;

DROP TABLE IF EXISTS client_first;

-- 3. The calls table as it was before 0004 rebuilt it, kept until now as a
--    safety copy; every row of it was copied into calls.
DROP TABLE IF EXISTS calls_v1;
