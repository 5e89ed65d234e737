package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
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
		"param_names", "param_values", "score", "score_max", "score_profile", "score_profile_version",
		"criteria_ids", "criteria_outcomes", "hold_starts", "hold_ends", "channel_keys", "channel_roles",
	}
	criterionColumns = []string{
		"call_id", "row_version", "crit_index", "started_at", "profile", "profile_version",
		"criterion_id", "text", "weight", "outcome", "evidence", "start_sec",
	}
	segmentColumns = []string{
		"call_id", "row_version", "channel", "seg_index", "started_at", "start_sec", "end_sec", "text", "terms",
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

// WriteAnalyses writes analyses as one batch per table: hits, criteria and
// transcript segments first, then the calls rows, so a call visible in a
// report has its details stored. It is idempotent (see RowVersion); a batch
// that fails can be written again.
func WriteAnalyses(ctx context.Context, db DB, analyses []schemas.Analysis) error {
	return writeAnalyses(ctx, db, analyses, callColumns)
}

// writeAnalyses writes with the first len(callCols) columns of the calls
// rows (upgrade tests write as an older version did).
func writeAnalyses(ctx context.Context, db DB, analyses []schemas.Analysis, callCols []string) error {
	if len(analyses) == 0 {
		return nil
	}
	stored, err := storedCalls(ctx, db, analyses)
	if err != nil {
		return err
	}
	return writeStored(ctx, db, analyses, callCols, stored)
}

// writeStored is writeAnalyses given what storedCalls found of the calls
// (the store stage looks them up once for claimCallIDs and the write).
func writeStored(ctx context.Context, db DB, analyses []schemas.Analysis, callCols []string, stored map[string][]storedMonth) error {
	if len(analyses) == 0 {
		return nil
	}
	calls := make([][]any, 0, len(analyses))
	var hits, criteria, segments [][]any
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
		if sc := a.Score; sc != nil {
			for i, c := range sc.Criteria {
				criteria = append(criteria, []any{
					a.CallID, ver, uint32(i), started, sc.Profile, sc.ProfileVersion,
					c.ID, c.Text, c.Weight, c.Outcome, c.Evidence, c.Start,
				})
			}
		}
		segments = appendSegments(segments, a, ver, started)
		calls = append(calls, callRow(a, ver, started)[:len(callCols)])
	}
	calls, err := keepOnePartition(ctx, db, analyses, calls, stored)
	if err != nil {
		return err
	}
	for _, t := range []struct {
		table   string
		columns []string
		rows    [][]any
	}{
		{"hits", hitColumns, hits},
		{"criteria", criterionColumns, criteria},
		{"segments", segmentColumns, segments},
		{"calls", callCols, calls},
	} {
		if err := db.Insert(ctx, t.table, t.columns, t.rows); err != nil {
			return fmt.Errorf("store: write %d rows to %s: %w", len(t.rows), t.table, err)
		}
	}
	return nil
}

// keepOnePartition keeps every version of a call in one partition of
// calls (the month it started), which lets reports run FINAL partition by
// partition: the fast way (see docs/storage.md). A call whose new analysis
// moves it to another month (its start time was corrected) has its older
// rows in the other month deleted; an analysis older than one already
// stored in another month is not written, as it would lose anyway. Both are
// rare: the usual batch costs one primary-key lookup.
func keepOnePartition(ctx context.Context, db DB, analyses []schemas.Analysis, rows [][]any, existing map[string][]storedMonth) ([][]any, error) {
	if len(existing) == 0 {
		return rows, nil
	}
	kept := rows[:0]
	for i, a := range analyses {
		month := yyyymm(storedTime(a.Meta.StartedAt))
		ver := RowVersion(a)
		keep := true
		for _, st := range existing[a.CallID] {
			if st.month == month {
				continue
			}
			if st.version > ver {
				keep = false
				continue
			}
			del := "ALTER TABLE calls DELETE WHERE call_id = ? AND row_version < ? AND toYYYYMM(started_at) = ?"
			if db.Backend() == BackendChDB {
				// The embedded engine can wait for the deletion; a
				// server applies it in the background, in seconds.
				del += " SETTINGS mutations_sync = 2"
			}
			err := db.Exec(ctx, del, a.CallID, ver, st.month)
			if err != nil {
				return nil, fmt.Errorf("store: call %s moved from month %d to %d: delete the older rows: %w", a.CallID, st.month, month, err)
			}
		}
		if keep {
			kept = append(kept, rows[i])
		}
	}
	return kept, nil
}

func yyyymm(t time.Time) uint32 { return uint32(t.Year()*100 + int(t.Month())) }

// appendSegments adds the analysis's segments, with the terms analysis
// computed.
func appendSegments(rows [][]any, a schemas.Analysis, ver uint64, started time.Time) [][]any {
	for _, seg := range a.Segments {
		terms := seg.Terms
		if terms == nil {
			terms = []string{}
		}
		rows = append(rows, []any{
			a.CallID, ver, seg.Channel, uint32(seg.Index), started, seg.Start, seg.End, seg.Text, terms,
		})
	}
	return rows
}

func callRow(a schemas.Analysis, ver uint64, started time.Time) []any {
	m := a.Meta
	var transfers *int32
	if m.Transfers != nil {
		t := int32(*m.Transfers)
		transfers = &t
	}
	var csatScore, csatScale *float64
	// A rating needs its scale, a score its maximum: reports divide by
	// them (report.simpleMeasures).
	if m.CSAT != nil && m.CSAT.Scale > 0 {
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
	paramNames := make([]string, 0, len(a.Parameters))
	for p := range a.Parameters {
		paramNames = append(paramNames, p)
	}
	sort.Strings(paramNames)
	paramValues := make([]float64, len(paramNames))
	for i, p := range paramNames {
		paramValues[i] = a.Parameters[p]
	}
	holdStarts, holdEnds := make([]float64, len(m.Holds)), make([]float64, len(m.Holds))
	for i, h := range m.Holds {
		holdStarts[i], holdEnds[i] = h.Start, h.End
	}
	chanKeys := make([]string, 0, len(m.Channels))
	for k := range m.Channels {
		chanKeys = append(chanKeys, k)
	}
	sort.Strings(chanKeys)
	chanRoles := make([]string, len(chanKeys))
	for i, k := range chanKeys {
		chanRoles[i] = m.Channels[k]
	}
	var score, scoreMax *float64
	var profile, profileVersion string
	var critIDs, critOutcomes []string
	if sc := a.Score; sc != nil && sc.Max > 0 {
		v, mx := sc.Value, sc.Max
		score, scoreMax = &v, &mx
		profile, profileVersion = sc.Profile, sc.ProfileVersion
		for _, c := range sc.Criteria {
			critIDs = append(critIDs, c.ID)
			critOutcomes = append(critOutcomes, c.Outcome)
		}
	}
	return []any{
		a.CallID, ver, a.ObjectKey, a.ETag, a.Version, a.DictionaryVersion,
		storedTime(a.AnalyzedAt), started, m.Operator.ID, m.Operator.Name, m.Operator.Department, m.Queue,
		m.Direction, m.Language, m.Client.IDHash, m.WaitSeconds, transfers, csatScore,
		csatScale, a.Metrics.Duration, uint8(a.Metrics.Channels), a.Metrics.OperatorTalk, a.Metrics.ClientTalk, a.Metrics.TotalTalk,
		catNames, catCounts, a.ASR.Adapter, a.ASR.Model, tagKeys, tagValues,
		paramNames, paramValues, score, scoreMax, profile, profileVersion,
		orEmpty(critIDs), orEmpty(critOutcomes), holdStarts, holdEnds, chanKeys, chanRoles,
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

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// storedMonth is a month in which a call has rows, its newest version
// there and that version's recording (object key).
type storedMonth struct {
	month   uint32
	version uint64
	key     string
}

// lookupChunk bounds the IN list of one lookup: a query's text must stay
// under the server's max_query_size (256 KiB by default) however large the
// batch.
const lookupChunk = 4000

// storedCalls finds, for the calls of a batch, the months they already
// have rows in, with the newest version and its recording in each: one
// primary-key lookup serves both the call_id rule (claimCallIDs) and the
// one-partition rule (keepOnePartition).
func storedCalls(ctx context.Context, db DB, analyses []schemas.Analysis) (map[string][]storedMonth, error) {
	existing := map[string][]storedMonth{}
	for lo := 0; lo < len(analyses); lo += lookupChunk {
		chunk := analyses[lo:min(lo+lookupChunk, len(analyses))]
		// IN (?, ?, ...): a tuple of literals, which every server version
		// matches against the primary key.
		ids := make([]any, len(chunk))
		for i, a := range chunk {
			ids[i] = a.CallID
		}
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ")
		res, err := db.Query(ctx, `SELECT call_id, toYYYYMM(started_at) AS m, max(row_version) AS v, argMax(object_key, row_version) AS k
FROM calls WHERE call_id IN (`+marks+`) GROUP BY call_id, m`, ids...)
		if err != nil {
			return nil, fmt.Errorf("store: look up stored calls: %w", err)
		}
		for res.Next() {
			var id string
			var st storedMonth
			if err := res.Scan(&id, &st.month, &st.version, &st.key); err != nil {
				res.Close()
				return nil, fmt.Errorf("store: look up stored calls: %w", err)
			}
			existing[id] = append(existing[id], st)
		}
		err = res.Err()
		res.Close()
		if err != nil {
			return nil, fmt.Errorf("store: look up stored calls: %w", err)
		}
	}
	return existing, nil
}
