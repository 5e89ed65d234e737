// Package whatif answers an analyst's question before a dictionary change
// is published: which archived calls would gain or lose a category if the
// changed set were in use?
//
// Run reads the transcript segments the analyze stage already stored in
// ClickHouse (table segments), in bulk and window by window of call start
// time, rebuilds each call's transcript, matches it with the new set and
// compares the categories it would get with those of its stored analysis
// (calls.category_names). It writes nothing. Memory is bounded by the
// window (WindowCalls calls, a few in flight), not by the archive: a
// million calls are read as some twenty windows, each one query for the
// calls and one for their segments, instead of a million object reads.
//
// The CLI (`callscope dict whatif`) and the HTTP API call Run; it has no
// output of its own beyond Result.
package whatif

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/report/filter"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// ErrNoSegments means the database has no segments table: its calls were
// analysed before transcripts were stored in ClickHouse (migration 0005).
var ErrNoSegments = errors.New("this database stores no transcript segments: run callscope migrate and analyse the calls again")

// Defaults of Query.
const (
	DefaultExamples    = 5
	DefaultWindowCalls = 20000
)

// Query selects the calls to compare and tunes the run.
type Query struct {
	// Filter keeps the calls whose latest analysis it matches (the report
	// filter language, docs/filters.md); nil keeps all.
	Filter filter.Expr
	// From and To bound the call start, From <= started < To; zero is open.
	From, To time.Time
	// Location is the time zone of dates in the filter (UTC if nil), as
	// the report's.
	Location *time.Location
	// StrictMixed limits a mixed (mono) channel to channel-any phrases, as
	// the analyzer option of the same name.
	StrictMixed bool
	// DefaultLanguage is the language of a call that names none (default
	// "ru", the analyzer's).
	DefaultLanguage string
	// Examples is the number of example calls kept per category and
	// direction (0: DefaultExamples; negative: none).
	Examples int
	// WindowCalls is about the most calls read in one window
	// (0: DefaultWindowCalls). Up to three windows are in memory at once.
	WindowCalls int
	// Workers is the number of goroutines that match (0: GOMAXPROCS).
	Workers int
	// Progress, when set, is called after each window with the calls done
	// so far and the calls selected in all; Done == Total at the end.
	Progress func(Progress)
}

// Progress is how far a run is.
type Progress struct {
	Done  int `json:"done"`
	Total int `json:"total"`
}

// Result is what the changed set would change.
type Result struct {
	// Dictionaries is the version of the set tried.
	Dictionaries string `json:"dictionary_version"`
	// Stored are the dictionary versions of the compared calls' stored
	// analyses with their number of calls, most frequent first.
	Stored []VersionCount `json:"stored_versions"`
	// Calls is the number of calls the filter and period selected.
	Calls int `json:"calls"`
	// Compared are the calls with a stored transcript; the others
	// (WithoutTranscript) are left out of every figure.
	Compared          int `json:"compared"`
	WithoutTranscript int `json:"without_transcript"`
	// Changed is the number of calls that gain or lose any category.
	Changed int `json:"changed"`
	// Categories lists every category that any compared call has, before
	// or after, sorted by name.
	Categories []CategoryChange `json:"categories"`
	// Elapsed is how long the run took.
	Elapsed time.Duration `json:"elapsed_ns"`
}

// VersionCount is a dictionary version and the calls analysed with it.
type VersionCount struct {
	Version string `json:"version"`
	Calls   int    `json:"calls"`
}

// CategoryChange is the effect of the set on one category.
type CategoryChange struct {
	Category string `json:"category"`
	// Before is the number of calls whose stored analysis has the
	// category, After the number that would have it with the new set.
	Before int `json:"before"`
	After  int `json:"after"`
	// Gained calls would get the category, Lost calls would lose it;
	// Net = Gained - Lost = After - Before.
	Gained int `json:"gained"`
	Lost   int `json:"lost"`
	Net    int `json:"net"`
	// GainedExamples and LostExamples are the first calls (by start time,
	// then id) of each change, with the hit behind it.
	GainedExamples []Example `json:"gained_examples"`
	LostExamples   []Example `json:"lost_examples"`
}

// Example is one call that gains or loses a category, with the evidence:
// for a gain the new set's first hit of the category, for a loss the stored
// analysis's first hit of it (Hit is nil when none was stored).
type Example struct {
	CallID  string       `json:"call_id"`
	Started time.Time    `json:"started_at,omitzero"`
	Hit     *schemas.Hit `json:"hit,omitempty"`
}

// DB is what Run needs of the store.
type DB interface {
	Query(ctx context.Context, query string, args ...any) (store.Rows, error)
}

// Run matches m over the stored transcripts of the calls q selects and
// compares the categories with the stored analyses.
func Run(ctx context.Context, db DB, m *match.Matcher, q Query) (*Result, error) {
	start := time.Now()
	if m == nil {
		return nil, errors.New("whatif: no dictionary set")
	}
	q.DefaultLanguage = cmp.Or(q.DefaultLanguage, "ru")
	if q.Examples == 0 {
		q.Examples = DefaultExamples
	}
	q.Examples = max(q.Examples, 0)
	if q.WindowCalls <= 0 {
		q.WindowCalls = DefaultWindowCalls
	}
	if q.Workers <= 0 {
		q.Workers = runtime.GOMAXPROCS(0)
	}
	if q.Location == nil {
		q.Location = time.UTC
	}
	where, args, err := filter.CompileIn(q.Filter, q.Location)
	if err != nil {
		return nil, fmt.Errorf("whatif: %w", err)
	}
	if !q.From.IsZero() {
		where += " AND started_at >= ?"
		args = append(args, q.From.UTC())
	}
	if !q.To.IsZero() {
		where += " AND started_at < ?"
		args = append(args, q.To.UTC())
	}
	if ok, err := store.TableExists(ctx, db, "segments"); err != nil {
		return nil, fmt.Errorf("whatif: %w", err)
	} else if !ok {
		return nil, fmt.Errorf("whatif: %w", ErrNoSegments)
	}
	r := &runner{db: db, m: m, q: q, where: where, args: args}
	windows, total, err := r.plan(ctx)
	if err != nil {
		return nil, fmt.Errorf("whatif: %w", err)
	}
	res, err := r.run(ctx, windows, total)
	if err != nil {
		return nil, fmt.Errorf("whatif: %w", err)
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

type runner struct {
	intern interner
	db     DB
	m      *match.Matcher
	q      Query
	where  string
	args   []any
}

// window is a stretch of call start times [lo, hi) and its calls.
type window struct {
	lo, hi time.Time
	calls  int
}

// plan counts the selected calls per hour of start and groups the hours
// into windows of about WindowCalls calls (an hour with more is a window of
// its own).
func (r *runner) plan(ctx context.Context) ([]window, int, error) {
	rows, err := query(ctx, r.db, "SELECT toStartOfHour(started_at) AS h, toUInt64(count()) FROM calls FINAL WHERE "+
		r.where+" GROUP BY h ORDER BY h", r.args...)
	if err != nil {
		return nil, 0, fmt.Errorf("count calls: %w", err)
	}
	defer rows.Close()
	var out []window
	total := 0
	for rows.Next() {
		var h time.Time
		var n uint64
		if err := rows.Scan(&h, &n); err != nil {
			return nil, 0, fmt.Errorf("count calls: %w", err)
		}
		total += int(n)
		end := h.Add(time.Hour)
		if k := len(out) - 1; k >= 0 && out[k].calls+int(n) <= r.q.WindowCalls {
			out[k].hi = end
			out[k].calls += int(n)
			continue
		}
		out = append(out, window{lo: h, hi: end, calls: int(n)})
	}
	return out, total, rows.Err()
}

// call is one selected call: its stored analysis and, once read, its
// transcript.
type call struct {
	id       string
	version  uint64
	started  time.Time
	lang     string
	dictVer  string
	before   []string
	duration float64
	tr       schemas.Transcript
	segs     int
}

// loaded is a window read from the database.
type loaded struct {
	calls []*call
	err   error
}

func (r *runner) run(ctx context.Context, windows []window, total int) (*Result, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Read ahead one window while the previous is matched.
	ch := make(chan loaded, 1)
	go func() {
		defer close(ch)
		for _, w := range windows {
			calls, err := r.load(ctx, w)
			select {
			case ch <- loaded{calls, err}:
			case <-ctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()
	agg := newAggregate(r.q.Examples)
	done := 0
	if r.q.Progress != nil {
		r.q.Progress(Progress{0, total})
	}
	for l := range ch {
		if l.err != nil {
			return nil, l.err
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r.match(l.calls, agg)
		done += len(l.calls)
		if r.q.Progress != nil {
			r.q.Progress(Progress{min(done, total), total})
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res := agg.result(r.m.Version())
	res.Calls = total
	if err := r.lostEvidence(ctx, res, agg); err != nil {
		return nil, err
	}
	for ci := range res.Categories {
		c := &res.Categories[ci]
		for _, list := range [][]Example{c.GainedExamples, c.LostExamples} {
			for i := range list {
				if !list[i].Started.IsZero() {
					list[i].Started = list[i].Started.In(r.q.Location)
				}
			}
		}
	}
	if r.q.Progress != nil && done < total {
		r.q.Progress(Progress{total, total})
	}
	return res, nil
}

// load reads a window's selected calls and their latest segments.
func (r *runner) load(ctx context.Context, w window) ([]*call, error) {
	// The calls whose latest analysis starts in the window and passes the
	// filter. The IN narrows FINAL to the granules of the window's calls
	// (calls is sorted by call_id), instead of merging the whole month.
	rows, err := query(ctx, r.db, `SELECT call_id, cityHash64(call_id), row_version, started_at, language, dictionary_version, duration,
       arrayStringConcat(arrayFilter((n, k) -> k > 0, category_names, category_counts), ',')
FROM calls FINAL
WHERE call_id IN (SELECT call_id FROM calls WHERE started_at >= ? AND started_at < ?)
  AND `+r.where+` AND started_at >= ? AND started_at < ?`, append(append([]any{w.lo, w.hi}, r.args...), w.lo, w.hi)...)
	if err != nil {
		return nil, fmt.Errorf("read calls: %w", err)
	}
	byKey := make(map[uint64]int32, w.calls)
	calls := make([]*call, 0, w.calls)
	// The window's calls in one array: one allocation, not one a call.
	callArena := make([]call, 0, w.calls)
	err = func() error {
		defer rows.Close()
		var key uint64
		var lang, dictVer, cats string
		for rows.Next() {
			if len(callArena) == cap(callArena) {
				callArena = make([]call, 0, max(64, w.calls/4))
			}
			callArena = append(callArena, call{})
			c := &callArena[len(callArena)-1]
			if err := rows.Scan(&c.id, &key, &c.version, &c.started, &lang, &dictVer, &c.duration, &cats); err != nil {
				return fmt.Errorf("read calls: %w", err)
			}
			c.lang = r.intern.language(lang, r.q.DefaultLanguage)
			c.dictVer = r.intern.string(dictVer)
			c.before = r.intern.categories(cats)
			c.tr = schemas.Transcript{CallID: c.id, Language: c.lang, Duration: c.duration}
			byKey[key] = int32(len(calls))
			calls = append(calls, c)
		}
		return rows.Err()
	}()
	if err != nil {
		return nil, err
	}
	if len(calls) == 0 {
		return nil, nil
	}
	// The window's segments, read as stored (a sort on the server costs
	// more than the grouping below). The call is named by a hash of its id
	// and the channel by a number, so that only the text is a string to
	// decode. The calls the filter dropped and older analyses are skipped.
	rows, err = r.db.Query(ctx, `SELECT cityHash64(call_id), row_version, toUInt8(indexOf(['client', 'mixed', 'operator'], channel)),
       seg_index, start_sec, end_sec, text
FROM segments
WHERE started_at >= ? AND started_at < ?`, w.lo, w.hi)
	if err != nil {
		return nil, fmt.Errorf("read segments: %w", err)
	}
	defer rows.Close()
	sr := make(segRows, 0, 12*len(calls))
	var key, ver uint64
	var s segRow
	for rows.Next() {
		if err := rows.Scan(&key, &ver, &s.channel, &s.index, &s.seg.Start, &s.seg.End, &s.seg.Text); err != nil {
			return nil, fmt.Errorf("read segments: %w", err)
		}
		if ci, ok := byKey[key]; ok && calls[ci].version == ver {
			s.call = ci
			sr = append(sr, s)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read segments: %w", err)
	}
	sr.build(calls)
	return calls, nil
}

// segRow is a segment of a selected call.
type segRow struct {
	call    int32 // index in the window's calls
	channel uint8 // 1 client, 2 mixed, 3 operator, 0 another role (the key's order)
	index   uint32
	seg     schemas.Segment
}

// roles are the channel roles by segRow.channel (0: a role callscope does
// not know, matched as mixed).
var roles = [...]string{"", schemas.RoleClient, schemas.RoleMixed, schemas.RoleOperator}

type segRows []segRow

// build sets each call's transcript from the rows: grouped by call (a
// counting sort), per channel in the order of the segment index, each
// segment once (the same analysis written twice stores its segments twice
// until a merge). The segments of all calls share one array.
func (sr segRows) build(calls []*call) {
	start := make([]int32, len(calls)+1)
	for _, s := range sr {
		start[s.call+1]++
	}
	for i := range calls {
		start[i+1] += start[i]
	}
	grouped := make([]segRow, len(sr))
	next := slices.Clone(start[:len(calls)])
	for _, s := range sr {
		grouped[next[s.call]] = s
		next[s.call]++
	}
	arena := make([]schemas.Segment, 0, len(sr))
	order := func(a, b segRow) int { return cmp.Or(cmp.Compare(a.channel, b.channel), cmp.Compare(a.index, b.index)) }
	for ci, c := range calls {
		rows := grouped[start[ci]:start[ci+1]]
		if len(rows) == 0 {
			continue
		}
		if !slices.IsSortedFunc(rows, order) {
			slices.SortStableFunc(rows, order)
		}
		from := len(arena)
		for k, s := range rows {
			if k > 0 && order(rows[k-1], s) == 0 {
				continue // stored twice
			}
			if k > 0 && rows[k-1].channel != s.channel && len(arena) > from {
				c.tr.Channels = append(c.tr.Channels, schemas.TranscriptChannel{Role: roles[rows[k-1].channel], Segments: arena[from:len(arena):len(arena)]})
				from = len(arena)
			}
			arena = append(arena, s.seg)
			c.segs++
		}
		c.tr.Channels = append(c.tr.Channels, schemas.TranscriptChannel{Role: roles[rows[len(rows)-1].channel], Segments: arena[from:len(arena):len(arena)]})
	}
}

// match matches a window's calls on the workers, each into its own
// aggregate, then merges them.
func (r *runner) match(calls []*call, agg *aggregate) {
	workers := min(r.q.Workers, max(1, len(calls)/64))
	parts := make([]*aggregate, workers)
	var wg sync.WaitGroup
	for w := range workers {
		parts[w] = newAggregate(r.q.Examples)
		wg.Add(1)
		go func(a *aggregate) {
			defer wg.Done()
			opt := match.CallOptions{StrictMixed: r.q.StrictMixed}
			for i := w; i < len(calls); i += workers {
				a.add(calls[i], r.m, opt)
				calls[i] = nil // the transcript is no longer needed
			}
		}(parts[w])
	}
	wg.Wait()
	for _, p := range parts {
		agg.merge(p)
	}
}

// interner shares the strings and category lists that repeat from call to
// call (a few languages, versions and category combinations): one copy
// each instead of one a call. The load goroutine alone uses it.
type interner struct {
	strings map[string]string
	cats    map[string][]string
}

func (in *interner) string(s string) string {
	if in.strings == nil {
		in.strings = map[string]string{}
	}
	if v, ok := in.strings[s]; ok {
		return v
	}
	in.strings[s] = s
	return s
}

// language is the base language of l ("ru-RU" -> "ru"), else def.
func (in *interner) language(l, def string) string {
	return in.string(cmp.Or(analyze.BaseLanguage(l), def))
}

// categories splits a comma-joined category list.
func (in *interner) categories(s string) []string {
	if s == "" {
		return nil
	}
	if in.cats == nil {
		in.cats = map[string][]string{}
	}
	if v, ok := in.cats[s]; ok {
		return v
	}
	var v []string
	for _, c := range strings.Split(s, ",") {
		if !slices.Contains(v, c) {
			v = append(v, c)
		}
	}
	in.cats[s] = v
	return v
}

// lostEvidence fills the hit of each lost example from the hits its stored
// analysis recorded: one read of the hits table for the few example calls.
func (r *runner) lostEvidence(ctx context.Context, res *Result, agg *aggregate) error {
	want := map[string]uint64{} // call -> row_version
	for _, c := range res.Categories {
		for _, e := range c.LostExamples {
			want[e.CallID] = agg.rowVersions[e.CallID]
		}
	}
	if len(want) == 0 {
		return nil
	}
	ids := make([]string, 0, len(want))
	for id := range want {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	rows, err := r.db.Query(ctx, `SELECT call_id, row_version, category, phrase_id, channel, start_sec, end_sec, text
FROM hits
WHERE call_id IN (SELECT arrayJoin(?))
ORDER BY call_id, row_version, hit_index`, ids)
	if err != nil {
		return fmt.Errorf("read stored hits: %w", err)
	}
	defer rows.Close()
	type key struct{ call, category string }
	first := map[key]schemas.Hit{}
	for rows.Next() {
		var id string
		var ver uint64
		var h schemas.Hit
		if err := rows.Scan(&id, &ver, &h.Category, &h.PhraseID, &h.Channel, &h.Start, &h.End, &h.Text); err != nil {
			return fmt.Errorf("read stored hits: %w", err)
		}
		if ver != want[id] {
			continue
		}
		if _, ok := first[key{id, h.Category}]; !ok {
			first[key{id, h.Category}] = h
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read stored hits: %w", err)
	}
	for ci := range res.Categories {
		c := &res.Categories[ci]
		for i := range c.LostExamples {
			if h, ok := first[key{c.LostExamples[i].CallID, c.Category}]; ok {
				c.LostExamples[i].Hit = &h
			}
		}
	}
	return nil
}

// query runs a query over calls FINAL with the setting that keeps old
// servers from moving WHERE to PREWHERE (which under FINAL would filter
// rows before the latest analysis is picked); a user who may not change
// settings runs it without.
func query(ctx context.Context, db DB, q string, args ...any) (store.Rows, error) {
	rows, err := db.Query(ctx, q+"\nSETTINGS optimize_move_to_prewhere = 0", args...)
	if err != nil && isReadonlyError(err) {
		rows, err = db.Query(ctx, q, args...)
	}
	return rows, err
}

func isReadonlyError(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "code: 164") || strings.Contains(msg, "readonly mode") || strings.Contains(msg, "READONLY")
}

// Request is a what-if as people write it (the flags of `callscope dict
// whatif`, the parameters of the HTTP API); Query checks it.
type Request struct {
	Filter string
	// From and To are days in TZ (default UTC), From included, To excluded.
	From, To, TZ string
	// Examples per category and direction: 0 gives DefaultExamples.
	Examples    int
	StrictMixed bool
}

// Query checks the request and builds its query. A bad parameter is a
// *report.ParamError naming it.
func (r Request) Query() (Query, error) {
	if r.Examples < 0 {
		return Query{}, &report.ParamError{Param: "examples", Err: fmt.Errorf("--examples: want 0 or more, got %d", r.Examples)}
	}
	loc, from, to, err := report.DayRange(r.TZ, r.From, r.To)
	if err != nil {
		return Query{}, err
	}
	q := Query{From: from, To: to, Location: loc, StrictMixed: r.StrictMixed, Examples: r.Examples}
	if q.Filter, err = report.ParseFilter(r.Filter); err != nil {
		return Query{}, err
	}
	return q, nil
}
