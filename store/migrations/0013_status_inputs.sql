-- The versions (ETags) of the sidecar and transcript an analysis was made
-- with, in its analysed status (schemas.Inputs): `run` and `ingest scan`
-- take a recording again when its sidecar or transcript in the bucket has
-- another ETag, which a listing gives without a request per object (times
-- cannot say it: some servers list them to the second). "-" is an input
-- that was not there; "" one not recorded (rows written before this
-- migration: the scan then compares times, as it did).
--@when SELECT count() = 0 FROM system.columns WHERE database = currentDatabase() AND table = 'call_status' AND name = 'sidecar_etag'
ALTER TABLE call_status ADD COLUMN sidecar_etag String, ADD COLUMN transcript_etag String;
