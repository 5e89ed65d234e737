-- A full-text (inverted) index over segments.terms, where the server has
-- one (ClickHouse 26 and chDB 26.7, where enable_full_text_index is on):
-- hasAll(terms, [...]) then reads the posting lists of the search's terms
-- instead of every segment, so a search for a rare word, or with a filter
-- that few calls pass, costs what its matches cost. It replaces the bloom
-- filter of 0006 there; older servers keep the bloom filter (21.1+) or
-- scan (18.16).
--
-- MATERIALIZE builds the index for the segments already stored, once; on
-- 100 million segments it takes a few minutes.
--@when SELECT (SELECT count() FROM system.settings WHERE name = 'enable_full_text_index' AND value = '1') = 1 AND toUInt32OrZero(splitByChar('.', version())[1]) >= 26
ALTER TABLE segments ADD INDEX IF NOT EXISTS terms_text terms TYPE text(tokenizer = 'array');

--@when SELECT (SELECT count() FROM system.settings WHERE name = 'enable_full_text_index' AND value = '1') = 1 AND toUInt32OrZero(splitByChar('.', version())[1]) >= 26
ALTER TABLE segments MATERIALIZE INDEX terms_text SETTINGS mutations_sync = 2;

--@when SELECT (SELECT count() FROM system.settings WHERE name = 'enable_full_text_index' AND value = '1') = 1 AND toUInt32OrZero(splitByChar('.', version())[1]) >= 26
ALTER TABLE segments DROP INDEX IF EXISTS terms_bloom;
