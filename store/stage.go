package store

import (
	"context"
	"errors"
	"log/slog"
	"sort"
	"time"

	"github.com/callscope/callscope/pipeline"
	"github.com/callscope/callscope/schemas"
)

// Stage is the pipeline's store stage: it writes a batch of store jobs
// (analyses and statuses) to ClickHouse in a few INSERTs.
type Stage struct {
	db     DB
	claims Claimer
	log    *slog.Logger
}

// NewStage builds the store stage over db. claims settles new call_ids
// between store workers running at once; nil is fine for a single worker.
func NewStage(db DB, claims Claimer) *Stage {
	return &Stage{db: db, claims: claims, log: slog.Default().With("stage", "store")}
}

// Handle writes a batch of schemas.StoreJob deliveries: the analyses, then
// an analysed status for each, then the other statuses. An error hands the
// whole batch back for a retry, which is harmless because every write is
// idempotent. A job of a newer worker's binary layout is marked HandBack:
// it goes back to the stream for a newer worker (a rolling upgrade) while
// the rest of the batch is written. A job that cannot be read otherwise
// (broken) is logged and dropped: no worker could ever read it, and
// retrying it would block the batch for ever.
func (s *Stage) Handle(ctx context.Context, batch []pipeline.Delivery) error {
	var analyses []schemas.Analysis
	var statuses []schemas.Status
	attempts := map[int]int{}
	now := time.Now().UTC()
	for i, d := range batch {
		job, err := schemas.DecodeStoreJob(d.Data)
		if errors.Is(err, schemas.ErrNewerLayout) {
			s.log.Warn("handing back a store job of a newer layout for a newer worker", "err", err, "attempt", d.Attempt)
			batch[i].HandBack = true
			continue
		}
		if err != nil {
			s.log.Error("dropping a store job that cannot be read", "err", err, "bytes", len(d.Data))
			continue
		}
		if a := job.Analysis; a != nil {
			if a.CallID == "" || a.ObjectKey == "" {
				s.log.Error("dropping an analysis without call id or object key", "call_id", a.CallID, "key", a.ObjectKey)
				continue
			}
			attempts[len(analyses)] = d.Attempt
			analyses = append(analyses, *a)
		}
		if st := job.Status; st != nil {
			if st.ObjectKey == "" {
				s.log.Error("dropping a status without object key", "call_id", st.CallID, "state", st.State)
				continue
			}
			statuses = append(statuses, *st)
		}
	}
	var stored map[string][]storedMonth
	if len(analyses) > 0 {
		var err error
		if stored, err = storedCalls(ctx, s.db, analyses); err != nil {
			return err
		}
	}
	kept, keptIdx, rejected, err := claimCallIDs(ctx, stored, s.claims, analyses, now, attempts)
	if err != nil {
		return err
	}
	for _, r := range rejected {
		s.log.Warn("call_id used by two recordings; the later one is recorded failed", "call_id", r.CallID, "key", r.ObjectKey)
	}
	gone, err := supersedeEarlierIDs(ctx, s.db, kept, stored)
	if err != nil {
		return err
	}
	for _, c := range gone {
		s.log.Info("a recording analysed again under a new call_id: its call under the earlier id is removed", "key", c.ObjectKey, "call_id", c.CallID)
		if r, ok := s.claims.(ClaimReleaser); ok {
			if err := r.Release(ctx, c.CallID, c.ObjectKey); err != nil {
				return err
			}
		}
	}
	if err := writeStored(ctx, s.db, kept, callColumns, stored); err != nil {
		return err
	}
	done := make([]schemas.Status, 0, len(kept)+len(rejected)+len(statuses))
	for i, a := range kept {
		done = append(done, schemas.Status{
			ObjectKey: a.ObjectKey, ETag: a.ETag, CallID: a.CallID,
			Stage: schemas.StageStore, State: schemas.StateAnalysed, Attempts: attempts[keptIdx[i]], At: now,
			Inputs: a.Inputs,
		})
	}
	done = append(done, rejected...)
	return WriteStatuses(ctx, s.db, append(done, statuses...))
}

func sortStatuses(s []schemas.Status) {
	sort.Slice(s, func(i, j int) bool { return s[i].ObjectKey < s[j].ObjectKey })
}
