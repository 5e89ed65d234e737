// Package schemas holds callscope's data contracts: the Go types of what
// crosses a stage boundary (the sidecar metadata a contact center uploads,
// the transcript, the analysis and the per-call status) and the job messages
// that carry them between stages (IngestJob, TranscribeJob, AnalyzeJob,
// StoreJob, with EncodeStoreJob's compact binary form). The ClickHouse
// migrations live in store/migrations: the store alone applies them.
//
// It is a leaf: every stage may import it, it imports no stage. A change to a
// type here is a change to a contract; docs/ARCHITECTURE.md describes them.
package schemas
