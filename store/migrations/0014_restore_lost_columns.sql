-- Columns that migrators of a version before the migration lock could lose
-- when several migrated one database at once (workers starting together
-- after an upgrade): a rebuild step of 0004 run late could put a calls
-- table without the columns of 0006 and 0008 in place after they were
-- recorded. Each column added back is empty for the rows written since
-- (as for rows written before its migration); on a database that has them
-- every step is skipped. See docs/storage.md, "Migrations".
--@when SELECT count() = 0 FROM system.columns WHERE database = currentDatabase() AND table = 'calls' AND name = 'client_key'
ALTER TABLE calls ADD COLUMN client_key UInt64 MATERIALIZED cityHash64(client_hash);

--@when SELECT count() = 0 FROM system.columns WHERE database = currentDatabase() AND table = 'calls' AND name = 'hold_starts'
ALTER TABLE calls ADD COLUMN hold_starts Array(Float64);

--@when SELECT count() = 0 FROM system.columns WHERE database = currentDatabase() AND table = 'calls' AND name = 'hold_ends'
ALTER TABLE calls ADD COLUMN hold_ends Array(Float64);

--@when SELECT count() = 0 FROM system.columns WHERE database = currentDatabase() AND table = 'calls' AND name = 'channel_keys'
ALTER TABLE calls ADD COLUMN channel_keys Array(String);

--@when SELECT count() = 0 FROM system.columns WHERE database = currentDatabase() AND table = 'calls' AND name = 'channel_roles'
ALTER TABLE calls ADD COLUMN channel_roles Array(String);

--@when SELECT count() = 0 FROM system.columns WHERE database = currentDatabase() AND table = 'call_status' AND name = 'sidecar_etag'
ALTER TABLE call_status ADD COLUMN sidecar_etag String;

--@when SELECT count() = 0 FROM system.columns WHERE database = currentDatabase() AND table = 'call_status' AND name = 'transcript_etag'
ALTER TABLE call_status ADD COLUMN transcript_etag String;
