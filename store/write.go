package store

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/callscope/callscope/schemas"
)

// Columns written by WriteAnalyses, in the order of the row values.
var (
	callColumns = []string{
		"call_id", "row_version", "object_key", "etag", "version", "dictionary_version",
		"analyzed_at", "started_at", "operator_id", "operator_name", "department", "queue",
		"direction", "language", "client_hash", "wait_seconds", "transfers", "csat_score",
		"csat_scale", "duration", "channels", "operator_talk", "client_talk", "total_talk",
		"category_names", "category_counts", "asr_adapter", "asr_model", "tag_keys", "tag_values",
	}
	hitColumns = []string{
		"call_id", "row_version", "hit_index", "version", "started_at", "category",
		"phrase_id", "channel", "start_sec", "end_sec", "text",
	}
	statusColumns = []string{
		"object_key", "etag", "call_id", "stage", "state", "error", "attempts", "at", "at_ns",
	}
)

// RowVersion is the version an analysis is stored under: its AnalyzedAt in
// nanoseconds since the epoch (0 if unset). The same Analysis written twice
// has the same RowVersion, so it replaces itself; a later re-analysis has a
// higher one and wins.
func RowVersion(a schemas.Analysis) uint64 {
	if a.AnalyzedAt.IsZero() || a.AnalyzedAt.UnixNano() < 0 {
		return 0
	}
	return uint64(a.AnalyzedAt.UnixNano())
}

// storedTime is t in UTC, or the epoch for an unknown (zero) time: DateTime
// cannot hold year 1, and reports read the epoch as "unknown".
func storedTime(t time.Time) time.Time {
	if t.IsZero() || t.Unix() < 0 {
		return time.Unix(0, 0).UTC()
	}
	return t.UTC()
}

// WriteAnalyses writes analyses as one batch per table: hits first, then
// the calls rows, so a call visible in a report has its hits stored. It is
// idempotent (see RowVersion); a batch that fails can be written again.
func WriteAnalyses(ctx context.Context, db DB, analyses []schemas.Analysis) error {
	if len(analyses) == 0 {
		return nil
	}
	calls := make([][]any, 0, len(analyses))
	var hits [][]any
	for _, a := range analyses {
		if a.CallID == "" {
			return fmt.Errorf("store: write analysis of %q: empty call_id", a.ObjectKey)
		}
		ver := RowVersion(a)
		started := storedTime(a.Meta.StartedAt)
		for i, h := range a.Hits {
			hits = append(hits, []any{
				a.CallID, ver, uint32(i), a.Version, started, h.Category,
				h.PhraseID, h.Channel, h.Start, h.End, h.Text,
			})
		}
		calls = append(calls, callRow(a, ver, started))
	}
	if err := db.Insert(ctx, "hits", hitColumns, hits); err != nil {
		return fmt.Errorf("store: write %d hits: %w", len(hits), err)
	}
	if err := db.Insert(ctx, "calls", callColumns, calls); err != nil {
		return fmt.Errorf("store: write %d calls: %w", len(calls), err)
	}
	return nil
}

func callRow(a schemas.Analysis, ver uint64, started time.Time) []any {
	m := a.Meta
	var transfers *int32
	if m.Transfers != nil {
		t := int32(*m.Transfers)
		transfers = &t
	}
	var csatScore, csatScale *float64
	if m.CSAT != nil {
		s, sc := m.CSAT.Score, m.CSAT.Scale
		csatScore, csatScale = &s, &sc
	}
	catNames := make([]string, 0, len(a.Categories))
	for c := range a.Categories {
		catNames = append(catNames, c)
	}
	sort.Strings(catNames)
	catCounts := make([]uint32, len(catNames))
	for i, c := range catNames {
		catCounts[i] = uint32(a.Categories[c])
	}
	tagKeys := make([]string, 0, len(m.Tags))
	for k := range m.Tags {
		tagKeys = append(tagKeys, k)
	}
	sort.Strings(tagKeys)
	tagValues := make([]string, len(tagKeys))
	for i, k := range tagKeys {
		tagValues[i] = m.Tags[k]
	}
	return []any{
		a.CallID, ver, a.ObjectKey, a.ETag, a.Version, a.DictionaryVersion,
		storedTime(a.AnalyzedAt), started, m.Operator.ID, m.Operator.Name, m.Operator.Department, m.Queue,
		m.Direction, m.Language, m.Client.IDHash, m.WaitSeconds, transfers, csatScore,
		csatScale, a.Metrics.Duration, uint8(a.Metrics.Channels), a.Metrics.OperatorTalk, a.Metrics.ClientTalk, a.Metrics.TotalTalk,
		catNames, catCounts, a.ASR.Adapter, a.ASR.Model, tagKeys, tagValues,
	}
}

// WriteStatuses appends statuses to the processing history in one batch. A
// status with a zero At is stamped now. Writing the same status twice
// leaves one row.
func WriteStatuses(ctx context.Context, db DB, statuses []schemas.Status) error {
	if len(statuses) == 0 {
		return nil
	}
	rows := make([][]any, 0, len(statuses))
	now := time.Now().UTC()
	for _, s := range statuses {
		if s.ObjectKey == "" {
			return fmt.Errorf("store: write status of call %q: empty object key", s.CallID)
		}
		at := s.At
		if at.IsZero() {
			at = now
		}
		rows = append(rows, []any{
			s.ObjectKey, s.ETag, s.CallID, s.Stage, s.State, s.Error, uint32(max(s.Attempts, 0)),
			storedTime(at), uint64(max(at.UnixNano(), 0)),
		})
	}
	if err := db.Insert(ctx, "call_status", statusColumns, rows); err != nil {
		return fmt.Errorf("store: write %d statuses: %w", len(rows), err)
	}
	return nil
}
