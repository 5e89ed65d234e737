package store

import (
	"context"
	"fmt"
	"maps"
	"slices"
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
		"object_key", "etag", "call_id", "stage", "state", "error", "attempts", "at", "at_ns", "sidecar_etag", "transcript_etag",
	}
)

// writtenColumns are the columns this package's writers insert, by table:
// the one list CheckSchema and Migrate hold the schema to, so a table that
// lacks a column is found before a write fails on it.
var writtenColumns = []struct {
	table   string
	columns []string
}{
	{"calls", callColumns}, {"hits", hitColumns}, {"criteria", criterionColumns}, {"segments", segmentColumns},
	{"call_status", statusColumns}, {"erasures", erasureColumns}, {"calls_rollup_builds", rollupBuildColumns},
}

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
// The rows are built column by column (one slice per column, handed to
// InsertColumns), which spares a row of interface values per row and the
// driver's per-value conversions.
func writeStored(ctx context.Context, db DB, analyses []schemas.Analysis, callCols []string, stored map[string][]storedMonth) error {
	if len(analyses) == 0 {
		return nil
	}
	for _, a := range analyses {
		if a.CallID == "" {
			return fmt.Errorf("store: write analysis of %q: empty call_id", a.ObjectKey)
		}
	}
	analyses = newestPerCall(analyses)
	keep, err := keepOnePartition(ctx, db, analyses, stored)
	if err != nil {
		return err
	}
	var nHits, nCriteria, nSegments int
	for i := range analyses {
		nHits += len(analyses[i].Hits)
		if sc := analyses[i].Score; sc != nil {
			nCriteria += len(sc.Criteria)
		}
		nSegments += len(analyses[i].Segments)
	}
	hits, criteria, segments := newHitCols(nHits), newCriterionCols(nCriteria), newSegmentCols(nSegments)
	calls := newCallCols(len(analyses))
	for i := range analyses {
		a := &analyses[i]
		ver := RowVersion(*a)
		started := storedTime(a.Meta.StartedAt)
		hits.add(a, ver, started)
		criteria.add(a, ver, started)
		segments.add(a, ver, started)
		if keep == nil || keep[i] {
			calls.add(a, ver, started)
		}
	}
	for _, t := range []struct {
		table string
		cols  []namedCol
		n     int // columns written (-1: all)
		rows  int
	}{
		{"hits", hits.named(), -1, len(hits.callID)},
		{"criteria", criteria.named(), -1, len(criteria.callID)},
		{"segments", segments.named(), -1, len(segments.callID)},
		{"calls", calls.named(), len(callCols), len(calls.callID)},
	} {
		if t.rows == 0 {
			continue
		}
		names, data := columnsOf(t.cols, t.n)
		if err := db.InsertColumns(ctx, t.table, names, data); err != nil {
			return fmt.Errorf("store: write %d rows to %s: %w", t.rows, t.table, err)
		}
	}
	return nil
}

// newestPerCall keeps one analysis of each call: the newest, as the calls
// table has it (the highest RowVersion; of equal ones the later, which
// ReplacingMergeTree keeps as the last inserted). Two analyses of a call
// in one batch that start it in two months would otherwise both be
// written, one per partition, where no merge replaces either: the call
// would count in both months. The batch is returned as it is when no call
// repeats (the usual case), else a copy in the order of the kept ones.
func newestPerCall(analyses []schemas.Analysis) []schemas.Analysis {
	newest := make(map[string]int, len(analyses)) // call id -> index of its newest analysis
	for i, a := range analyses {
		if j, ok := newest[a.CallID]; !ok || RowVersion(analyses[j]) <= RowVersion(a) {
			newest[a.CallID] = i
		}
	}
	if len(newest) == len(analyses) {
		return analyses
	}
	kept := make([]schemas.Analysis, 0, len(newest))
	for i, a := range analyses {
		if newest[a.CallID] == i {
			kept = append(kept, a)
		}
	}
	return kept
}

// keepOnePartition keeps every version of a call in one partition of
// calls (the month it started), which lets reports run FINAL partition by
// partition: the fast way (see docs/storage.md). A call whose new analysis
// moves it to another month (its start time was corrected) has its older
// rows in the other month deleted, and the write waits until they are
// gone: a server deletes in the background, and until it has, a report of
// the old month alone counts the call there and one that runs FINAL
// partition by partition counts it twice (TestCallMovesMonth). The rows go
// before the new analysis is written, as in supersedeEarlierIDs. Rows of
// the same version go too: the new analysis is written after them and
// would replace them were they in its month (a re-analysis without an
// analysis time has version 0, as the first had). An analysis older than
// one already stored in another month is not written, as it would lose
// anyway: keep says which calls rows to write (nil: all).
// Both are rare: the usual batch costs one primary-key lookup, and a batch
// that moves calls one deletion for all of them.
func keepOnePartition(ctx context.Context, db DB, analyses []schemas.Analysis, existing map[string][]storedMonth) (keep []bool, err error) {
	if len(existing) == 0 {
		return nil, nil
	}
	keep = make([]bool, len(analyses))
	var moved []string // call ids, for the error
	var conds []string
	var args []any
	for i, a := range analyses {
		month := yyyymm(storedTime(a.Meta.StartedAt))
		ver := RowVersion(a)
		keep[i] = true
		for _, st := range existing[a.CallID] {
			if st.month == month {
				continue
			}
			if st.version > ver {
				keep[i] = false
				continue
			}
			moved = append(moved, a.CallID)
			conds = append(conds, "(call_id = ? AND row_version <= ? AND toYYYYMM(started_at) = ?)")
			args = append(args, a.CallID, ver, st.month)
		}
	}
	for lo := 0; lo < len(conds); lo += moveChunk {
		hi := min(lo+moveChunk, len(conds))
		del := "ALTER TABLE calls DELETE WHERE " + strings.Join(conds[lo:hi], " OR ")
		if err := mutate(ctx, db, "calls", del, args[3*lo:3*hi]...); err != nil {
			return nil, fmt.Errorf("store: delete the older rows of %d calls moved to another month (%s first): %w", hi-lo, moved[lo], err)
		}
	}
	return keep, nil
}

// moveChunk bounds the calls one deletion of keepOnePartition names, so
// that its text stays well under the server's max_query_size (256 KiB).
const moveChunk = 500

func yyyymm(t time.Time) uint32 { return uint32(t.Year()*100 + int(t.Month())) }

// hitCols are the columns of hits rows (hitColumns, in order).
type hitCols struct {
	callID, version, category, phraseID, channel, text []string
	ver                                                []uint64
	index                                              []uint32
	started                                            []time.Time
	start, end                                         []float64
}

func newHitCols(n int) *hitCols {
	return &hitCols{
		callID: make([]string, 0, n), version: make([]string, 0, n), category: make([]string, 0, n),
		phraseID: make([]string, 0, n), channel: make([]string, 0, n), text: make([]string, 0, n),
		ver: make([]uint64, 0, n), index: make([]uint32, 0, n), started: make([]time.Time, 0, n),
		start: make([]float64, 0, n), end: make([]float64, 0, n),
	}
}

func (c *hitCols) add(a *schemas.Analysis, ver uint64, started time.Time) {
	for i, h := range a.Hits {
		c.callID = append(c.callID, a.CallID)
		c.ver = append(c.ver, ver)
		c.index = append(c.index, uint32(i))
		c.version = append(c.version, a.Version)
		c.started = append(c.started, started)
		c.category = append(c.category, h.Category)
		c.phraseID = append(c.phraseID, h.PhraseID)
		c.channel = append(c.channel, h.Channel)
		c.start = append(c.start, h.Start)
		c.end = append(c.end, h.End)
		c.text = append(c.text, h.Text)
	}
}

func (c *hitCols) named() []namedCol {
	return []namedCol{{"call_id", c.callID}, {"row_version", c.ver}, {"hit_index", c.index}, {"version", c.version},
		{"started_at", c.started}, {"category", c.category}, {"phrase_id", c.phraseID}, {"channel", c.channel},
		{"start_sec", c.start}, {"end_sec", c.end}, {"text", c.text}}
}

// criterionCols are the columns of criteria rows (criterionColumns).
type criterionCols struct {
	callID, profile, profileVersion, id, text, outcome, evidence []string
	ver                                                          []uint64
	index                                                        []uint32
	started                                                      []time.Time
	weight                                                       []float64
	start                                                        []*float64
}

func newCriterionCols(n int) *criterionCols {
	return &criterionCols{
		callID: make([]string, 0, n), profile: make([]string, 0, n), profileVersion: make([]string, 0, n),
		id: make([]string, 0, n), text: make([]string, 0, n), outcome: make([]string, 0, n), evidence: make([]string, 0, n),
		ver: make([]uint64, 0, n), index: make([]uint32, 0, n), started: make([]time.Time, 0, n),
		weight: make([]float64, 0, n), start: make([]*float64, 0, n),
	}
}

func (c *criterionCols) add(a *schemas.Analysis, ver uint64, started time.Time) {
	sc := a.Score
	if sc == nil {
		return
	}
	for i, cr := range sc.Criteria {
		c.callID = append(c.callID, a.CallID)
		c.ver = append(c.ver, ver)
		c.index = append(c.index, uint32(i))
		c.started = append(c.started, started)
		c.profile = append(c.profile, sc.Profile)
		c.profileVersion = append(c.profileVersion, sc.ProfileVersion)
		c.id = append(c.id, cr.ID)
		c.text = append(c.text, cr.Text)
		c.weight = append(c.weight, cr.Weight)
		c.outcome = append(c.outcome, cr.Outcome)
		c.evidence = append(c.evidence, cr.Evidence)
		c.start = append(c.start, cr.Start)
	}
}

func (c *criterionCols) named() []namedCol {
	return []namedCol{{"call_id", c.callID}, {"row_version", c.ver}, {"crit_index", c.index}, {"started_at", c.started},
		{"profile", c.profile}, {"profile_version", c.profileVersion}, {"criterion_id", c.id}, {"text", c.text},
		{"weight", c.weight}, {"outcome", c.outcome}, {"evidence", c.evidence}, {"start_sec", c.start}}
}

// segmentCols are the columns of segments rows (segmentColumns), with the
// terms analysis computed.
type segmentCols struct {
	callID, channel, text []string
	ver                   []uint64
	index                 []uint32
	started               []time.Time
	start, end            []float64
	terms                 [][]string
}

func newSegmentCols(n int) *segmentCols {
	return &segmentCols{
		callID: make([]string, 0, n), channel: make([]string, 0, n), text: make([]string, 0, n),
		ver: make([]uint64, 0, n), index: make([]uint32, 0, n), started: make([]time.Time, 0, n),
		start: make([]float64, 0, n), end: make([]float64, 0, n), terms: make([][]string, 0, n),
	}
}

func (c *segmentCols) add(a *schemas.Analysis, ver uint64, started time.Time) {
	for _, seg := range a.Segments {
		terms := seg.Terms
		if terms == nil {
			terms = []string{}
		}
		c.callID = append(c.callID, a.CallID)
		c.ver = append(c.ver, ver)
		c.channel = append(c.channel, seg.Channel)
		c.index = append(c.index, uint32(seg.Index))
		c.started = append(c.started, started)
		c.start = append(c.start, seg.Start)
		c.end = append(c.end, seg.End)
		c.text = append(c.text, seg.Text)
		c.terms = append(c.terms, terms)
	}
}

func (c *segmentCols) named() []namedCol {
	return []namedCol{{"call_id", c.callID}, {"row_version", c.ver}, {"channel", c.channel}, {"seg_index", c.index},
		{"started_at", c.started}, {"start_sec", c.start}, {"end_sec", c.end}, {"text", c.text}, {"terms", c.terms}}
}

// callCols are the columns of calls rows (callColumns, in order).
type callCols struct {
	callID, objectKey, etag, version, dictVersion              []string
	ver                                                        []uint64
	analyzedAt, started                                        []time.Time
	opID, opName, dept, queue, direction, language, clientHash []string
	wait                                                       []*float64
	transfers                                                  []*int32
	csatScore, csatScale                                       []*float64
	duration                                                   []float64
	channels                                                   []uint8
	opTalk, clTalk                                             []*float64
	totalTalk                                                  []float64
	catNames                                                   [][]string
	catCounts                                                  [][]uint32
	asrAdapter, asrModel                                       []string
	tagKeys, tagValues, paramNames                             [][]string
	paramValues                                                [][]float64
	score, scoreMax                                            []*float64
	profile, profileVersion                                    []string
	critIDs, critOutcomes                                      [][]string
	holdStarts, holdEnds                                       [][]float64
	chanKeys, chanRoles                                        [][]string
}

func newCallCols(n int) *callCols {
	strs := func() []string { return make([]string, 0, n) }
	lists := func() [][]string { return make([][]string, 0, n) }
	opt := func() []*float64 { return make([]*float64, 0, n) }
	return &callCols{
		callID: strs(), objectKey: strs(), etag: strs(), version: strs(), dictVersion: strs(),
		ver: make([]uint64, 0, n), analyzedAt: make([]time.Time, 0, n), started: make([]time.Time, 0, n),
		opID: strs(), opName: strs(), dept: strs(), queue: strs(), direction: strs(), language: strs(), clientHash: strs(),
		wait: opt(), transfers: make([]*int32, 0, n), csatScore: opt(), csatScale: opt(),
		duration: make([]float64, 0, n), channels: make([]uint8, 0, n), opTalk: opt(), clTalk: opt(),
		totalTalk: make([]float64, 0, n), catNames: lists(), catCounts: make([][]uint32, 0, n),
		asrAdapter: strs(), asrModel: strs(), tagKeys: lists(), tagValues: lists(), paramNames: lists(),
		paramValues: make([][]float64, 0, n), score: opt(), scoreMax: opt(), profile: strs(), profileVersion: strs(),
		critIDs: lists(), critOutcomes: lists(), holdStarts: make([][]float64, 0, n), holdEnds: make([][]float64, 0, n),
		chanKeys: lists(), chanRoles: lists(),
	}
}

func (c *callCols) add(a *schemas.Analysis, ver uint64, started time.Time) {
	m := &a.Meta
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
	catNames := slices.Sorted(maps.Keys(a.Categories))
	catCounts := make([]uint32, len(catNames))
	for i, k := range catNames {
		catCounts[i] = uint32(a.Categories[k])
	}
	tagKeys := slices.Sorted(maps.Keys(m.Tags))
	tagValues := make([]string, len(tagKeys))
	for i, k := range tagKeys {
		tagValues[i] = m.Tags[k]
	}
	paramNames := slices.Sorted(maps.Keys(a.Parameters))
	paramValues := make([]float64, len(paramNames))
	for i, k := range paramNames {
		paramValues[i] = a.Parameters[k]
	}
	holdStarts, holdEnds := make([]float64, len(m.Holds)), make([]float64, len(m.Holds))
	for i, h := range m.Holds {
		holdStarts[i], holdEnds[i] = h.Start, h.End
	}
	chanKeys := slices.Sorted(maps.Keys(m.Channels))
	chanRoles := make([]string, len(chanKeys))
	for i, k := range chanKeys {
		chanRoles[i] = m.Channels[k]
	}
	var score, scoreMax *float64
	var profile, profileVersion string
	critIDs, critOutcomes := []string{}, []string{}
	if sc := a.Score; sc != nil && sc.Max > 0 {
		v, mx := sc.Value, sc.Max
		score, scoreMax = &v, &mx
		profile, profileVersion = sc.Profile, sc.ProfileVersion
		critIDs, critOutcomes = make([]string, len(sc.Criteria)), make([]string, len(sc.Criteria))
		for i, cr := range sc.Criteria {
			critIDs[i], critOutcomes[i] = cr.ID, cr.Outcome
		}
	}
	c.callID = append(c.callID, a.CallID)
	c.ver = append(c.ver, ver)
	c.objectKey = append(c.objectKey, a.ObjectKey)
	c.etag = append(c.etag, a.ETag)
	c.version = append(c.version, a.Version)
	c.dictVersion = append(c.dictVersion, a.DictionaryVersion)
	c.analyzedAt = append(c.analyzedAt, storedTime(a.AnalyzedAt))
	c.started = append(c.started, started)
	c.opID = append(c.opID, m.Operator.ID)
	c.opName = append(c.opName, m.Operator.Name)
	c.dept = append(c.dept, m.Operator.Department)
	c.queue = append(c.queue, m.Queue)
	c.direction = append(c.direction, m.Direction)
	c.language = append(c.language, m.Language)
	c.clientHash = append(c.clientHash, m.Client.IDHash)
	c.wait = append(c.wait, m.WaitSeconds)
	c.transfers = append(c.transfers, transfers)
	c.csatScore = append(c.csatScore, csatScore)
	c.csatScale = append(c.csatScale, csatScale)
	c.duration = append(c.duration, a.Metrics.Duration)
	c.channels = append(c.channels, uint8(a.Metrics.Channels))
	c.opTalk = append(c.opTalk, a.Metrics.OperatorTalk)
	c.clTalk = append(c.clTalk, a.Metrics.ClientTalk)
	c.totalTalk = append(c.totalTalk, a.Metrics.TotalTalk)
	c.catNames = append(c.catNames, catNames)
	c.catCounts = append(c.catCounts, catCounts)
	c.asrAdapter = append(c.asrAdapter, a.ASR.Adapter)
	c.asrModel = append(c.asrModel, a.ASR.Model)
	c.tagKeys = append(c.tagKeys, tagKeys)
	c.tagValues = append(c.tagValues, tagValues)
	c.paramNames = append(c.paramNames, paramNames)
	c.paramValues = append(c.paramValues, paramValues)
	c.score = append(c.score, score)
	c.scoreMax = append(c.scoreMax, scoreMax)
	c.profile = append(c.profile, profile)
	c.profileVersion = append(c.profileVersion, profileVersion)
	c.critIDs = append(c.critIDs, critIDs)
	c.critOutcomes = append(c.critOutcomes, critOutcomes)
	c.holdStarts = append(c.holdStarts, holdStarts)
	c.holdEnds = append(c.holdEnds, holdEnds)
	c.chanKeys = append(c.chanKeys, chanKeys)
	c.chanRoles = append(c.chanRoles, chanRoles)
}

func (c *callCols) named() []namedCol {
	return []namedCol{
		{"call_id", c.callID}, {"row_version", c.ver}, {"object_key", c.objectKey}, {"etag", c.etag},
		{"version", c.version}, {"dictionary_version", c.dictVersion}, {"analyzed_at", c.analyzedAt},
		{"started_at", c.started}, {"operator_id", c.opID}, {"operator_name", c.opName}, {"department", c.dept},
		{"queue", c.queue}, {"direction", c.direction}, {"language", c.language}, {"client_hash", c.clientHash},
		{"wait_seconds", c.wait}, {"transfers", c.transfers}, {"csat_score", c.csatScore}, {"csat_scale", c.csatScale},
		{"duration", c.duration}, {"channels", c.channels}, {"operator_talk", c.opTalk}, {"client_talk", c.clTalk},
		{"total_talk", c.totalTalk}, {"category_names", c.catNames}, {"category_counts", c.catCounts},
		{"asr_adapter", c.asrAdapter}, {"asr_model", c.asrModel}, {"tag_keys", c.tagKeys}, {"tag_values", c.tagValues},
		{"param_names", c.paramNames}, {"param_values", c.paramValues}, {"score", c.score}, {"score_max", c.scoreMax},
		{"score_profile", c.profile}, {"score_profile_version", c.profileVersion}, {"criteria_ids", c.critIDs},
		{"criteria_outcomes", c.critOutcomes}, {"hold_starts", c.holdStarts}, {"hold_ends", c.holdEnds},
		{"channel_keys", c.chanKeys}, {"channel_roles", c.chanRoles},
	}
}

// namedCol is one column of a batch: its name and its slice of values.
// Each table's builder pairs them in one place; TestColumnBuilders checks
// the names against the column lists.
type namedCol struct {
	name string
	data any
}

// columnsOf is the names and data of cols, the first n of them (n < 0: all).
func columnsOf(cols []namedCol, n int) (names []string, data []any) {
	if n >= 0 {
		cols = cols[:n]
	}
	for _, c := range cols {
		names = append(names, c.name)
		data = append(data, c.data)
	}
	return names, data
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
			storedTime(at), uint64(max(at.UnixNano(), 0)), s.Inputs.Sidecar, s.Inputs.Transcript,
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
