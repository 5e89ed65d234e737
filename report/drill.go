package report

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/callscope/callscope/report/filter"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// Drill-down: the calls behind a report cell, one call in full, and calls
// found by the words of their transcripts.

// ErrCallNotFound means no analysed call has the id.
var ErrCallNotFound = errors.New("call not found")

// ErrUnknownSlice means a slice name the drill-down does not know.
var ErrUnknownSlice = errors.New("unknown slice")

// CallsQuery selects the calls to list.
type CallsQuery struct {
	// Filter keeps the calls it matches; nil keeps all.
	Filter filter.Expr
	// From and To bound the start time, From <= started < To; zero is open.
	From, To time.Time
	// Limit caps the calls listed (0: DefaultCallsLimit).
	Limit int
	// Location is the time zone of dates in the filter and slices (UTC if
	// nil), as the report's.
	Location *time.Location
	// Client keeps first-time ("first") or repeat ("repeat") callers, or
	// calls without a client id ("unknown"), as the report's client slice;
	// "" keeps all.
	Client string
	// NoTotal skips the count of all matching calls (CallList.Total is 0).
	NoTotal bool

	// sort orders the list (oldest first when zero); after starts it past
	// a cursor (CallsRequest sets both).
	sort  callSort
	after *callCursor
}

// DefaultCallsLimit is the number of calls listed when CallsQuery.Limit is 0.
const DefaultCallsLimit = 100

// CallRow is one call of a drill-down list.
type CallRow struct {
	CallID       string    `json:"call_id"`
	Started      time.Time `json:"started_at,omitzero"` // zero when unknown
	OperatorID   string    `json:"operator_id"`
	OperatorName string    `json:"operator_name"`
	Department   string    `json:"department"`
	Queue        string    `json:"queue"`
	Direction    string    `json:"direction"`
	Duration     float64   `json:"duration_seconds"`
	// Categories maps each category with hits to their number.
	Categories map[string]uint32 `json:"categories,omitempty"`
	Score      *float64          `json:"score,omitempty"`
	ScoreMax   *float64          `json:"score_max,omitempty"`
}

// CallList is a page of calls and how many match in all.
type CallList struct {
	Total uint64    `json:"total"`
	Calls []CallRow `json:"calls"`
	// Next continues the list after this page (CallsRequest.Cursor); ""
	// on the last page.
	Next string `json:"-"`
}

// ListCalls returns the calls matching q, oldest first (then by id), with
// the number that match in all. It reads the latest analysis of each call
// (calls FINAL). On a schema without scores the score is left out.
func ListCalls(ctx context.Context, db store.Querier, q CallsQuery) (CallList, error) {
	where, args, err := drillWhere(ctx, q.Filter, q.Location, q.From, q.To)
	if err != nil {
		return CallList{}, err
	}
	switch q.Client {
	case "":
	case "unknown":
		where += " AND client_hash = ''"
	case "first", "repeat":
		// A client's first call is the one at the earliest start, kept by
		// the first_contacts rollup (the report's client slice); only the
		// clients of the calls the filter selects are looked up.
		in := "IN"
		if q.Client == "repeat" {
			in = "NOT IN"
		}
		where += " AND client_hash != '' AND (client_key, started_at) " + in +
			" (SELECT client_key, minMerge(first_at) FROM first_contacts WHERE client_key IN (SELECT client_key FROM calls WHERE " + where + ") GROUP BY client_key)"
		args = append(args, args...)
	default:
		return CallList{}, fmt.Errorf("%w: client=%q: want first, repeat or unknown", ErrUnknownSlice, q.Client)
	}
	cols, err := drillTableColumns(ctx, db, "calls")
	if err != nil {
		return CallList{}, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultCallsLimit
	}
	var list CallList
	if !q.NoTotal {
		if err := drillScanOne(ctx, db, &list.Total, "SELECT toUInt64(count()) FROM calls FINAL WHERE "+where, args...); err != nil {
			return list, fmt.Errorf("report: calls: %w", err)
		}
	}
	if q.sort.Name == "" {
		q.sort.Name = "started_at"
	}
	pageWhere, pageArgs := where, args
	if q.after != nil {
		c, cargs := q.after.cond(q.sort)
		pageWhere += " AND " + c
		pageArgs = append(append([]any(nil), args...), cargs...)
	}
	scoreCols := "CAST(NULL AS Nullable(Float64)), CAST(NULL AS Nullable(Float64))"
	if cols["score"] && cols["score_max"] {
		scoreCols = "score, score_max"
	}
	query := `SELECT call_id, started_at, operator_id, operator_name, department, queue, direction,
       duration, category_names, category_counts, ` + scoreCols + `
FROM calls FINAL
WHERE ` + pageWhere + `
ORDER BY ` + q.sort.order() + `
LIMIT ` + strconv.Itoa(limit)
	rows, err := drillQuery(ctx, db, query, pageArgs...)
	if err != nil {
		return list, fmt.Errorf("report: calls: %w", err)
	}
	defer rows.Close()
	var stored time.Time // the last row's start as stored, for the cursor
	for rows.Next() {
		var r CallRow
		var names []string
		var counts []uint32
		if err := rows.Scan(&r.CallID, &r.Started, &r.OperatorID, &r.OperatorName, &r.Department, &r.Queue,
			&r.Direction, &r.Duration, &names, &counts, &r.Score, &r.ScoreMax); err != nil {
			return list, fmt.Errorf("report: calls: %w", err)
		}
		stored = r.Started
		r.Started = drillKnownTime(r.Started)
		if !r.Started.IsZero() && q.Location != nil {
			r.Started = r.Started.In(q.Location)
		}
		r.Categories = drillCategoryMap(names, counts)
		list.Calls = append(list.Calls, r)
	}
	if err := rows.Err(); err != nil {
		return list, fmt.Errorf("report: calls: %w", err)
	}
	if len(list.Calls) == limit {
		list.Next = cursorAfter(q.sort, list.Calls[limit-1], stored)
	}
	return list, nil
}

// drillSettings keep old servers from moving WHERE to PREWHERE, which
// under FINAL would filter rows before the latest analysis is picked.
const drillSettings = "\nSETTINGS optimize_move_to_prewhere = 0"

// drillQuery runs a query over calls FINAL with drillSettings. A user in
// readonly=1 mode may not change a setting: the query then runs as it is
// (servers since 20.x do not move WHERE to PREWHERE under FINAL anyway;
// give a read-only user of an older server readonly=2, which allows
// settings, see docs/drilldown.md).
func drillQuery(ctx context.Context, db store.Querier, query string, args ...any) (store.Rows, error) {
	rows, err := db.Query(ctx, query+drillSettings, args...)
	if err != nil && isReadonlyError(err) {
		rows, err = db.Query(ctx, query, args...)
	}
	return rows, err
}

// drillWhere is the WHERE condition of a filter and a period, within the
// scope of ctx.
func drillWhere(ctx context.Context, e filter.Expr, loc *time.Location, from, to time.Time) (string, []any, error) {
	where, args, err := filter.CompileIn(e, loc)
	if err != nil {
		return "", nil, err
	}
	where, args = andScope(ctx, where, args)
	if !from.IsZero() {
		where += " AND started_at >= ?"
		args = append(args, from)
	}
	if !to.IsZero() {
		where += " AND started_at < ?"
		args = append(args, to)
	}
	return where, args, nil
}

func drillKnownTime(t time.Time) time.Time {
	if t.Unix() <= 0 {
		return time.Time{}
	}
	return t.UTC()
}

func drillCategoryMap(names []string, counts []uint32) map[string]uint32 {
	if len(names) == 0 {
		return nil
	}
	m := make(map[string]uint32, len(names))
	for i, n := range names {
		if i < len(counts) {
			m[n] = counts[i]
		}
	}
	return m
}

// drillTableColumns is the set of column names of a table in the current
// database (empty when the table does not exist): it lets the drill-down
// read a database whose schema predates a column.
func drillTableColumns(ctx context.Context, db store.Querier, table string) (map[string]bool, error) {
	rows, err := db.Query(ctx, "SELECT name FROM system.columns WHERE database = currentDatabase() AND table = ?", table)
	if err != nil {
		return nil, fmt.Errorf("report: columns of %s: %w", table, err)
	}
	defer rows.Close()
	cols := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, fmt.Errorf("report: columns of %s: %w", table, err)
		}
		cols[name] = true
	}
	return cols, rows.Err()
}

func drillScanOne(ctx context.Context, db store.Querier, dst any, query string, args ...any) error {
	rows, err := drillQuery(ctx, db, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return errors.New("no row")
	}
	if err := rows.Scan(dst); err != nil {
		return err
	}
	return rows.Err()
}

// drillSliceFields maps the report's slice names to filter fields.
var drillSliceFields = map[string]string{
	"operator": "operator", "department": "department", "queue": "queue", "direction": "direction",
	"language": "language", "category": "category", "profile": "score_profile",
	"day": "started", "week": "started", "month": "started", "year": "started",
	"hour": "hour", "weekday": "weekday", "score_band": "score", "channels": "channels",
}

// SliceNames lists the slice names AddSlice accepts.
func SliceNames() []string {
	out := []string{"client"}
	for n := range drillSliceFields {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

var drillWeekdays = map[string]string{
	"mon": "1", "monday": "1", "tue": "2", "tuesday": "2", "wed": "3", "wednesday": "3",
	"thu": "4", "thursday": "4", "fri": "5", "friday": "5", "sat": "6", "saturday": "6",
	"sun": "7", "sunday": "7",
}

// AddSlice narrows q to one report cell: name is a slice (dimension) of
// the report and value the cell's key as the report prints it. operator,
// department, queue, direction, language, category, profile: the value;
// day 2026-11-20, week 2026-W47 or its Monday 2026-11-16, month 2026-11,
// year 2026, hour 09, weekday 1 / Mon / "1 Mon" (in q.Location);
// score_band 1-2, 2-3, 3-4, 4-5 or "no score"; client first, repeat or
// unknown; channels mono or stereo.
func (q *CallsQuery) AddSlice(name, value string) error {
	if name == "client" {
		q.Client = value
		return nil
	}
	e, err := SliceFilter(name, value)
	if err != nil {
		return err
	}
	q.Filter = filter.All(q.Filter, e)
	return nil
}

// SliceFilter is the filter of one report cell (see AddSlice; the client
// slice is not a filter and is refused here).
func SliceFilter(name, value string) (filter.Expr, error) {
	field, ok := drillSliceFields[name]
	if !ok {
		return nil, fmt.Errorf("%w %q: want one of %s", ErrUnknownSlice, name, strings.Join(SliceNames(), ", "))
	}
	switch name {
	case "day", "week", "month", "year":
		// Unknown start times are stored at the epoch, and a report shows
		// them in its period (1970-01-01, or the Monday before it).
		if value == "unknown" || strings.HasPrefix(value, "1970") || value == "1969-12-29" {
			return filter.Parse("started is unknown")
		}
	}
	switch name {
	case "week":
		if t, err := time.Parse("2006-01-02", value); err == nil {
			y, w := t.ISOWeek()
			value = fmt.Sprintf("%d-W%02d", y, w)
		}
	case "weekday":
		v := strings.ToLower(strings.TrimSpace(value))
		if f := strings.Fields(v); len(f) == 2 { // "1 mon", as the report prints it
			v = f[0]
		}
		if n, ok := drillWeekdays[v]; ok {
			v = n
		}
		value = v
	case "channels":
		switch value {
		case "mono":
			value = "1"
		case "stereo":
			value = "2"
		}
	case "score_band":
		return scoreBand(value)
	case "category":
		if value == "(none)" { // the report's row of calls without hits
			return filter.Parse("categories = 0")
		}
	}
	e, err := filter.Equal(field, value)
	if err != nil {
		return nil, fmt.Errorf("slice %s: %w", name, err)
	}
	return e, nil
}

// scoreBand is the filter of a report's score band: the 5-point score in
// [lo, hi), the lowest band open below and the highest closed above, as
// the report's bands are.
func scoreBand(value string) (filter.Expr, error) {
	if value == "no score" {
		return filter.Parse("score is unknown")
	}
	lo, hi, ok := strings.Cut(value, "-")
	loN, err1 := strconv.ParseFloat(strings.TrimSpace(lo), 64)
	hiN, err2 := strconv.ParseFloat(strings.TrimSpace(hi), 64)
	if !ok || err1 != nil || err2 != nil || hiN <= loN {
		return nil, fmt.Errorf("slice score_band: want 1-2, 2-3, 3-4, 4-5 or \"no score\", got %q", value)
	}
	var parts []filter.Expr
	if loN > 1 {
		e, err := filter.Cmp("score", filter.Ge, strconv.FormatFloat(loN, 'g', -1, 64))
		if err != nil {
			return nil, err
		}
		parts = append(parts, e)
	}
	if hiN < 5 {
		e, err := filter.Cmp("score", filter.Lt, strconv.FormatFloat(hiN, 'g', -1, 64))
		if err != nil {
			return nil, err
		}
		parts = append(parts, e)
	}
	if len(parts) == 0 {
		return filter.Parse("score is known")
	}
	return filter.All(parts...), nil
}

// CallDetail is one call in full: what `callscope show` prints.
type CallDetail struct {
	CallRow
	RowVersion        uint64                    `json:"-"`
	ObjectKey         string                    `json:"object_key"`
	Language          string                    `json:"language"`
	ClientHash        string                    `json:"client_hash,omitempty"`
	AnalyzedAt        time.Time                 `json:"analyzed_at"`
	DictionaryVersion string                    `json:"dictionary_version"`
	ASRAdapter        string                    `json:"asr_adapter"`
	ASRModel          string                    `json:"asr_model,omitempty"`
	Channels          uint8                     `json:"channels"`
	WaitSeconds       *float64                  `json:"wait_seconds,omitempty"`
	Transfers         *int32                    `json:"transfers,omitempty"`
	CSATScore         *float64                  `json:"csat_score,omitempty"`
	CSATScale         *float64                  `json:"csat_scale,omitempty"`
	OperatorTalk      *float64                  `json:"operator_talk,omitempty"`
	ClientTalk        *float64                  `json:"client_talk,omitempty"`
	TotalTalk         float64                   `json:"total_talk"`
	Tags              map[string]string         `json:"tags,omitempty"`
	Parameters        map[string]float64        `json:"parameters,omitempty"`
	ScoreProfile      string                    `json:"score_profile,omitempty"`
	ScoreProfileVer   string                    `json:"score_profile_version,omitempty"`
	Criteria          []schemas.CriterionResult `json:"criteria,omitempty"`
	Hits              []schemas.Hit             `json:"hits,omitempty"`
	// Segments is the transcript, in time order across channels; empty
	// when the store kept none (a schema before segments).
	Segments []TranscriptSegment `json:"segments,omitempty"`
}

// TranscriptSegment is one stretch of speech of one channel.
type TranscriptSegment struct {
	Channel string  `json:"channel"`
	Start   float64 `json:"start"`
	End     float64 `json:"end"`
	Text    string  `json:"text"`
}

// ShowCall reads everything stored about a call's latest analysis. It
// returns ErrCallNotFound when there is no such call. Columns and tables a
// database lacks (an older schema) are left empty.
//
// Times are shown in loc (UTC if nil).
func ShowCall(ctx context.Context, db store.Querier, callID string, loc *time.Location) (*CallDetail, error) {
	if loc == nil {
		loc = time.UTC
	}
	cols, err := drillTableColumns(ctx, db, "calls")
	if err != nil {
		return nil, err
	}
	optional := func(col, sqlType string) string {
		if cols[col] {
			return col
		}
		return "CAST(NULL AS Nullable(" + sqlType + "))"
	}
	orEmpty := func(col, empty string) string {
		if cols[col] {
			return col
		}
		return empty
	}
	query := `SELECT call_id, row_version, started_at, operator_id, operator_name, department, queue, direction,
       duration, category_names, category_counts, object_key, language, client_hash, analyzed_at,
       dictionary_version, asr_adapter, asr_model, channels, wait_seconds, transfers, csat_score, csat_scale,
       operator_talk, client_talk, total_talk, tag_keys, tag_values,
       ` + orEmpty("param_names", "CAST([] AS Array(String))") + `, ` + orEmpty("param_values", "CAST([] AS Array(Float64))") + `,
       ` + optional("score", "Float64") + `, ` + optional("score_max", "Float64") + `,
       ` + orEmpty("score_profile", "''") + `, ` + orEmpty("score_profile_version", "''") + `
FROM calls FINAL WHERE call_id = ?`
	args := []any{callID}
	// Outside the reader's scope a call is not found, as if it did not
	// exist: the API answers 404 either way.
	query, args = queryInScope(ctx, query, args)
	rows, err := db.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("report: call %s: %w", callID, err)
	}
	d := &CallDetail{}
	found := false
	var storedStart time.Time // as stored: the segments' sort key starts with it
	func() {
		defer rows.Close()
		if !rows.Next() {
			err = rows.Err()
			return
		}
		found = true
		var catNames, tagKeys, tagValues, paramNames []string
		var catCounts []uint32
		var paramValues []float64
		err = rows.Scan(&d.CallID, &d.RowVersion, &d.Started, &d.OperatorID, &d.OperatorName, &d.Department,
			&d.Queue, &d.Direction, &d.Duration, &catNames, &catCounts, &d.ObjectKey, &d.Language, &d.ClientHash,
			&d.AnalyzedAt, &d.DictionaryVersion, &d.ASRAdapter, &d.ASRModel, &d.Channels, &d.WaitSeconds,
			&d.Transfers, &d.CSATScore, &d.CSATScale, &d.OperatorTalk, &d.ClientTalk, &d.TotalTalk,
			&tagKeys, &tagValues, &paramNames, &paramValues, &d.Score, &d.ScoreMax, &d.ScoreProfile, &d.ScoreProfileVer)
		if err != nil {
			return
		}
		storedStart = d.Started
		if d.Started = drillKnownTime(d.Started); !d.Started.IsZero() {
			d.Started = d.Started.In(loc)
		}
		d.AnalyzedAt = d.AnalyzedAt.In(loc)
		d.Categories = drillCategoryMap(catNames, catCounts)
		for i, k := range tagKeys {
			if i < len(tagValues) {
				if d.Tags == nil {
					d.Tags = map[string]string{}
				}
				d.Tags[k] = tagValues[i]
			}
		}
		for i, n := range paramNames {
			if i < len(paramValues) {
				if d.Parameters == nil {
					d.Parameters = map[string]float64{}
				}
				d.Parameters[n] = paramValues[i]
			}
		}
	}()
	if err != nil {
		return nil, fmt.Errorf("report: call %s: %w", callID, err)
	}
	if !found {
		return nil, fmt.Errorf("%w: %q", ErrCallNotFound, callID)
	}
	if d.Hits, err = store.CallHits(ctx, db, callID); err != nil {
		return nil, err
	}
	if d.Criteria, err = drillCallCriteria(ctx, db, d.CallID, d.RowVersion); err != nil {
		return nil, err
	}
	if d.Segments, err = drillCallSegments(ctx, db, d.CallID, d.RowVersion, storedStart); err != nil {
		return nil, err
	}
	return d, nil
}

func drillCallCriteria(ctx context.Context, db store.Querier, callID string, ver uint64) ([]schemas.CriterionResult, error) {
	if cols, err := drillTableColumns(ctx, db, "criteria"); err != nil || len(cols) == 0 {
		return nil, err
	}
	return store.QueryAll(ctx, db, "report: criteria of call "+callID,
		func(c *schemas.CriterionResult) []any {
			return []any{&c.ID, &c.Text, &c.Weight, &c.Outcome, &c.Evidence, &c.Start}
		},
		`SELECT criterion_id, text, weight, outcome, evidence, start_sec
FROM criteria FINAL WHERE call_id = ? AND row_version = ? ORDER BY crit_index`, callID, ver)
}

func drillCallSegments(ctx context.Context, db store.Querier, callID string, ver uint64, started time.Time) ([]TranscriptSegment, error) {
	if cols, err := drillTableColumns(ctx, db, "segments"); err != nil || len(cols) == 0 {
		return nil, err
	}
	return store.QueryAll(ctx, db, "report: transcript of call "+callID,
		func(s *TranscriptSegment) []any { return []any{&s.Channel, &s.Start, &s.End, &s.Text} },
		`SELECT channel, start_sec, end_sec, text
FROM segments FINAL WHERE started_at = ? AND call_id = ? AND row_version = ? ORDER BY start_sec, channel, seg_index`, started.UTC(), callID, ver)
}

// CallObject returns the object key and department of a call's latest
// analysis, in the scope of ctx: what serving its recording needs, without
// the rest of ShowCall. ErrCallNotFound when there is none in scope.
func CallObject(ctx context.Context, db store.Querier, callID string) (objectKey, department string, err error) {
	query := "SELECT object_key, department FROM calls FINAL WHERE call_id = ?"
	args := []any{callID}
	query, args = queryInScope(ctx, query, args)
	rows, err := db.Query(ctx, query, args...)
	if err != nil {
		return "", "", fmt.Errorf("report: call %s: %w", callID, err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return "", "", fmt.Errorf("report: call %s: %w", callID, err)
		}
		return "", "", fmt.Errorf("%w: %q", ErrCallNotFound, callID)
	}
	if err := rows.Scan(&objectKey, &department); err != nil {
		return "", "", fmt.Errorf("report: call %s: %w", callID, err)
	}
	return objectKey, department, rows.Err()
}

// Recording is what serving a call's recording needs to know of it.
type Recording struct {
	ObjectKey, Department string
	// PIICount is the call's parameter pii_count, the stretches of
	// personal data the transcribe stage masked; nil when redaction did
	// not run on the call (docs/privacy.md).
	PIICount *float64
}

// CallRecording reads a call's recording key, department and pii_count,
// within the reader's scope (ErrCallNotFound outside it, as CallObject).
func CallRecording(ctx context.Context, db store.Querier, callID string) (Recording, error) {
	query := "SELECT object_key, department, param_names, param_values FROM calls FINAL WHERE call_id = ?"
	args := []any{callID}
	query, args = queryInScope(ctx, query, args)
	rows, err := db.Query(ctx, query, args...)
	if err != nil {
		return Recording{}, fmt.Errorf("report: call %s: %w", callID, err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return Recording{}, fmt.Errorf("report: call %s: %w", callID, err)
		}
		return Recording{}, fmt.Errorf("%w: %q", ErrCallNotFound, callID)
	}
	var rec Recording
	var names []string
	var values []float64
	if err := rows.Scan(&rec.ObjectKey, &rec.Department, &names, &values); err != nil {
		return Recording{}, fmt.Errorf("report: call %s: %w", callID, err)
	}
	for i, n := range names {
		if n == "pii_count" && i < len(values) {
			v := values[i]
			rec.PIICount = &v
		}
	}
	return rec, rows.Err()
}
