package report

import (
	"context"
	"errors"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/report/filter"
	"github.com/callscope/callscope/store"
)

// Errors of a slice report's definition.
var (
	// ErrBadSpec means a report definition names an unknown dimension or
	// measure, or is otherwise unusable; the message says which and why.
	ErrBadSpec = errors.New("report")
)

// Dimension is one way to slice calls.
type Dimension struct {
	Name  string // as written in --by
	Title string // column header
	// expr is the SQL of the key, a String; {tz} is replaced with the
	// quoted time zone.
	expr string
	// label, when set, is a second column shown beside the key (the
	// operator's name).
	label, labelTitle string
	// step moves a time key to the previous bucket, for dynamics; nil for
	// keys that are not periods.
	step func(key string) (string, bool)
	// needsFirst marks the first-time / repeat client dimension, which
	// joins the first_contacts rollup.
	needsFirst bool
	// explodes marks a dimension where a call can fall in several rows
	// (category), so rows do not add up to the total.
	explodes bool
}

// scoreExpr is a call's score on a 5-point scale (profiles may use another
// maximum), NULL without a score.
const scoreExpr = `if(score_max > 0, score * 5 / score_max, NULL)`

var dimensions = []Dimension{
	{Name: "operator", Title: "OPERATOR", expr: "toString(operator_id)", label: "toString(any(operator_name))", labelTitle: "NAME"},
	{Name: "department", Title: "DEPARTMENT", expr: "toString(department)"},
	{Name: "queue", Title: "QUEUE", expr: "toString(queue)"},
	{Name: "direction", Title: "DIRECTION", expr: "toString(direction)"},
	{Name: "language", Title: "LANGUAGE", expr: "toString(language)"},
	{Name: "day", Title: "DAY", expr: "formatDateTime(started_at, '%Y-%m-%d', {tz})", step: stepDate("2006-01-02", 0, 0, -1)},
	{Name: "week", Title: "WEEK", expr: "formatDateTime(toMonday(started_at, {tz}), '%Y-%m-%d')", step: stepDate("2006-01-02", 0, 0, -7)},
	{Name: "month", Title: "MONTH", expr: "formatDateTime(started_at, '%Y-%m', {tz})", step: stepDate("2006-01", 0, -1, 0)},
	{Name: "year", Title: "YEAR", expr: "formatDateTime(started_at, '%Y', {tz})", step: stepDate("2006", -1, 0, 0)},
	{Name: "hour", Title: "HOUR", expr: "formatDateTime(started_at, '%H', {tz})"},
	{Name: "weekday", Title: "WEEKDAY", expr: "concat(toString(toDayOfWeek(toDate(started_at, {tz}))), ' ', ['Mon','Tue','Wed','Thu','Fri','Sat','Sun'][toDayOfWeek(toDate(started_at, {tz}))])"},
	{Name: "category", Title: "CATEGORY", expr: "toString(arrayJoin(if(empty(category_names), ['(none)'], category_names)))", explodes: true},
	{Name: "score_band", Title: "SCORE", expr: "multiIf(score IS NULL OR score_max <= 0, 'no score', " + scoreExpr + " < 2, '1-2', " + scoreExpr + " < 3, '2-3', " + scoreExpr + " < 4, '3-4', '4-5')"},
	{Name: "client", Title: "CLIENT", expr: "multiIf(client_hash = '', 'unknown', started_at <= first_started, 'first', 'repeat')", needsFirst: true},
	{Name: "profile", Title: "PROFILE", expr: "toString(score_profile)"},
	{Name: "channels", Title: "CHANNELS", expr: "if(channels = 1, 'mono', 'stereo')"},
}

// Dimensions lists the dimensions a report can slice by.
func Dimensions() []Dimension { return append([]Dimension(nil), dimensions...) }

func dimension(name string) (Dimension, bool) {
	for _, d := range dimensions {
		if d.Name == name {
			return d, true
		}
	}
	return Dimension{}, false
}

// stepDate moves a formatted date key back by years, months, days.
func stepDate(layout string, y, m, d int) func(string) (string, bool) {
	return func(key string) (string, bool) {
		t, err := time.Parse(layout, key)
		if err != nil {
			return "", false
		}
		return t.AddDate(y, m, d).Format(layout), true
	}
}

// Kind says how a measure is shown.
type Kind int

// Measure kinds.
const (
	KindCount   Kind = iota // a number of calls
	KindSeconds             // a duration, shown m:ss
	KindPercent             // a percentage 0..100
	KindScore               // a score on a 5-point scale
	KindNumber              // any other value (a parameter's average)
)

// Measure is one number of a report row: Value = sum / den (den is 1 for
// counts). Keeping both halves makes totals and comparisons exact.
type Measure struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	Kind  Kind   `json:"-"`
	sum   string // SQL aggregate
	den   string // SQL aggregate; "" for a plain count
	// rsum and rden are the same over calls_rollup (rollup.go); rsum ""
	// when the rollup cannot answer the measure.
	rsum, rden string
}

// DefaultMeasures are the columns of a report that names none.
var DefaultMeasures = []string{"calls", "pct:complaint", "pct:repeat_contact", "pct:incompetence",
	"avg_score", "csat_index", "avg_talk", "avg_duration"}

// The aggregates lean on NULL: sum, count(x) and countIf skip NULLs
// natively, which is much faster over 10 million rows than testing each
// row. The writer stores a score only with score_max > 0 and a CSAT rating
// only with csat_scale > 0.
var simpleMeasures = map[string]Measure{
	"calls":          {Title: "CALLS", Kind: KindCount, sum: "count()", rsum: "sum(calls)"},
	"avg_duration":   {Title: "AVG DURATION", Kind: KindSeconds, sum: "sum(duration)", den: "count()", rsum: "sum(duration_sum)", rden: "sum(calls)"},
	"avg_talk":       {Title: "AVG TALK", Kind: KindSeconds, sum: "sum(total_talk)", den: "count()", rsum: "sum(talk_sum)", rden: "sum(calls)"},
	"avg_wait":       {Title: "AVG WAIT", Kind: KindSeconds, sum: "sum(wait_seconds)", den: "count(wait_seconds)", rsum: "sum(wait_sum)", rden: "sum(wait_n)"},
	"avg_score":      {Title: "AVG SCORE", Kind: KindScore, sum: "sum(score * 5 / score_max)", den: "count(score)", rsum: "sum(score_sum)", rden: "sum(score_n)"},
	"csat_index":     {Title: "CSAT %", Kind: KindPercent, sum: "100 * countIf(csat_score >= 0.8 * csat_scale)", den: "count(csat_score)", rsum: "100 * sum(csat_good)", rden: "sum(csat_n)"},
	"csat_responses": {Title: "CSAT N", Kind: KindCount, sum: "count(csat_score)", rsum: "sum(csat_n)"},
	"scored":         {Title: "SCORED", Kind: KindCount, sum: "count(score)", rsum: "sum(score_n)"},
}

var nameRe = regexp.MustCompile(`^[A-Za-z0-9_.-]+$`)

// measure resolves a measure name: a simple one, cat:NAME (calls with a
// hit of the category), pct:NAME (their share, %), param:NAME (the
// parameter's average where it is known).
func measure(name string) (Measure, error) {
	if m, ok := simpleMeasures[name]; ok {
		m.Name = name
		return m, nil
	}
	kind, arg, ok := strings.Cut(name, ":")
	if !ok || !nameRe.MatchString(arg) {
		return Measure{}, fmt.Errorf("%w: unknown measure %q (want one of %s, cat:CATEGORY, pct:CATEGORY, param:NAME)",
			ErrBadSpec, name, strings.Join(simpleMeasureNames(), ", "))
	}
	lit := "'" + arg + "'" // arg is a plain name (nameRe), safe in SQL
	up := strings.ToUpper(arg)
	switch kind {
	case "cat":
		return Measure{Name: name, Title: up, Kind: KindCount, sum: "countIf(has(category_names, " + lit + "))",
			rsum: rollupCat(lit)}, nil
	case "pct":
		return Measure{Name: name, Title: up + " %", Kind: KindPercent, sum: "100 * countIf(has(category_names, " + lit + "))", den: "count()",
			rsum: "100 * " + rollupCat(lit), rden: "sum(calls)"}, nil
	case "param":
		if err := analyze.CheckParameterName(arg); err != nil {
			return Measure{}, fmt.Errorf("%w: measure %q: %w", ErrBadSpec, name, err)
		}
		return Measure{Name: name, Title: up, Kind: KindNumber,
			sum:  "sum(if(has(param_names, " + lit + "), param_values[indexOf(param_names, " + lit + ")], 0))",
			den:  "countIf(has(param_names, " + lit + "))",
			rsum: "sum(param_sums[indexOf(param_names, " + lit + ")])", rden: "sum(param_n[indexOf(param_names, " + lit + ")])"}, nil
	}
	return Measure{}, fmt.Errorf("%w: unknown measure %q", ErrBadSpec, name)
}

func simpleMeasureNames() []string {
	out := make([]string, 0, len(simpleMeasures))
	for n := range simpleMeasures {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Spec defines a slice report.
type Spec struct {
	// By lists dimension names; empty is one row for all calls.
	By []string
	// Measures lists measure names; empty is DefaultMeasures.
	Measures []string
	// Filter is an expression of the filter language (report/filter).
	Filter string
	// From and To bound started_at: From <= started_at < To. Zero is open.
	From, To time.Time
	// Location is the time zone of days, weeks, months and hours (UTC if
	// nil).
	Location *time.Location
	// Compare adds the previous period's values: the period of the same
	// length just before [From, To) (both must be set), or, when By has a
	// period dimension (day, week, month, year), the previous bucket of
	// that dimension in the result.
	Compare bool
	// Sort names the measure rows are ordered by (descending); empty keeps
	// the key order. Top and Bottom keep the first or last N rows of that
	// order.
	Sort        string
	Top, Bottom int
}

// Result is a computed slice report.
type Result struct {
	Dimensions []Dimension
	Measures   []Measure
	Rows       []Row
	Total      Row
	// Compared says how Prev values were found: "" (no comparison),
	// "previous period" or "previous <dimension>".
	Compared string
	// PrevFrom, PrevTo bound the previous period when Compared is
	// "previous period".
	PrevFrom, PrevTo time.Time
	// Spec is the report's definition as run.
	Spec Spec
}

// Row is one slice: its keys and the value of each measure. Value is NaN
// when the measure has no data (an average of no calls).
type Row struct {
	Keys   []string
	Labels []string // per dimension; "" when it has none
	Values []float64
	// Prev are the values of the same slice in the compared period (NaN
	// where unknown); nil without comparison.
	Prev []float64
	sums []float64
	dens []float64
}

// Change is the change of measure i against the compared period: a
// difference in points for percentages and scores, a relative change in %
// for counts and averages. NaN when unknown.
func (r Row) Change(m Measure, i int) float64 {
	if r.Prev == nil || i >= len(r.Prev) {
		return math.NaN()
	}
	cur, prev := r.Values[i], r.Prev[i]
	switch m.Kind {
	case KindPercent, KindScore:
		return cur - prev
	}
	if prev == 0 {
		return math.NaN()
	}
	return (cur - prev) / prev * 100
}

// Slice runs a slice report.
func Slice(ctx context.Context, db store.Querier, spec Spec) (*Result, error) {
	res := &Result{Spec: spec}
	for _, name := range spec.By {
		d, ok := dimension(name)
		if !ok {
			// A ParamError: the API names the parameter (by) too.
			return nil, &ParamError{Param: "by", Err: fmt.Errorf("%w: unknown dimension %q in --by (want %s)", ErrBadSpec, name, dimensionNames())}
		}
		res.Dimensions = append(res.Dimensions, d)
	}
	names := spec.Measures
	if len(names) == 0 {
		names = DefaultMeasures
	}
	for _, n := range names {
		m, err := measure(strings.TrimSpace(n))
		if err != nil {
			return nil, &ParamError{Param: "measures", Err: err}
		}
		res.Measures = append(res.Measures, m)
	}
	sortIdx := -1
	if spec.Sort != "" {
		for i, m := range res.Measures {
			if m.Name == spec.Sort {
				sortIdx = i
			}
		}
		if sortIdx < 0 {
			return nil, fmt.Errorf("%w: --sort %q is not one of the report's measures", ErrBadSpec, spec.Sort)
		}
	}
	if (spec.Top > 0 || spec.Bottom > 0) && sortIdx < 0 {
		sortIdx = 0 // calls, or the first measure
	}
	if spec.Top < 0 || spec.Bottom < 0 || spec.Top > 0 && spec.Bottom > 0 {
		return nil, fmt.Errorf("%w: give one of --top N or --bottom N, N > 0", ErrBadSpec)
	}
	if !spec.From.IsZero() && !spec.To.IsZero() && !spec.From.Before(spec.To) {
		return nil, fmt.Errorf("%w: the period is empty: from %s is not before to %s", ErrBadSpec, spec.From.Format(time.DateOnly), spec.To.Format(time.DateOnly))
	}
	var where string
	var whereArgs []any
	var expr filter.Expr
	if strings.TrimSpace(spec.Filter) != "" {
		e, err := filter.Parse(spec.Filter)
		if err != nil {
			return nil, fmt.Errorf("report: --filter: %w", err)
		}
		if err := CheckFilterCategories(ctx, db, spec.Filter); err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
		// The filter's days and hours are those of the buckets.
		w, a, err := filter.CompileIn(e, spec.Location)
		if err != nil {
			return nil, fmt.Errorf("report: --filter: %w", err)
		}
		where, whereArgs, expr = w, a, e
	}
	where, whereArgs = andScope(ctx, where, whereArgs)
	q := newQuery(res, spec, where, whereArgs)
	v, err := store.ServerVersion(ctx, db)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	q.perPartitionFinal = v.AtLeast(21, 1)
	q.rollup = store.RollupSupported(v) && rollupAllowed(ctx) && rollupAnswers(res.Dimensions, res.Measures, expr, spec.Location)
	if c := cacheFrom(ctx); c != nil {
		stamps, err := readStamps(ctx, db, v)
		if err != nil {
			return nil, err
		}
		q.cache, q.stamps = c, stamps
	}
	res.Rows, err = q.run(ctx, db, spec.From, spec.To)
	if err != nil {
		return nil, err
	}
	res.Total, err = q.total(ctx, db, res.Rows, spec.From, spec.To)
	if err != nil {
		return nil, err
	}
	if spec.Compare {
		if err := compare(ctx, db, q, res); err != nil {
			return nil, err
		}
	}
	if sortIdx >= 0 {
		sort.SliceStable(res.Rows, func(i, j int) bool {
			return less(res.Rows[j].Values[sortIdx], res.Rows[i].Values[sortIdx])
		})
		switch {
		case spec.Top > 0 && len(res.Rows) > spec.Top:
			res.Rows = res.Rows[:spec.Top]
		case spec.Bottom > 0 && len(res.Rows) > spec.Bottom:
			res.Rows = res.Rows[len(res.Rows)-spec.Bottom:]
		}
	}
	return res, nil
}

// less orders values with NaN (no data) below every number.
func less(a, b float64) bool {
	if math.IsNaN(a) {
		return !math.IsNaN(b)
	}
	return !math.IsNaN(b) && a < b
}

func dimensionNames() string {
	names := make([]string, len(dimensions))
	for i, d := range dimensions {
		names[i] = d.Name
	}
	return strings.Join(names, ", ")
}

// query is a slice report's SQL, run for a period.
type query struct {
	// perPartitionFinal adds the setting that runs FINAL per partition;
	// servers before 21.1 lack it, and a user in readonly=1 mode may not
	// set it (the query is then run again without).
	perPartitionFinal bool
	// rollup says whole months may be read from calls_rollup (rollup.go);
	// onlyMonths, when set, limits the query over calls to these months.
	rollup     bool
	onlyMonths []uint32
	res        *Result
	// cache, when set, answers a query it has seen since the tables were
	// last changed (stamps: as the report started).
	cache     *Cache
	stamps    tableStamps
	tz        string
	where     string
	whereArgs []any
}

func newQuery(res *Result, spec Spec, where string, args []any) *query {
	loc := spec.Location
	if loc == nil {
		loc = time.UTC
	}
	return &query{res: res, tz: quoteLit(loc.String()), where: where, whereArgs: args}
}

func quoteLit(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// sql builds the statement: one GROUP BY over the latest analysis of each
// call (FINAL), filters applied after FINAL so an older analysis never
// enters a slice.
func (q *query) sql(grouped bool, from, to time.Time) (string, []any) {
	var sel, keys []string
	needsFirst := false
	if grouped {
		for i, d := range q.res.Dimensions {
			k := fmt.Sprintf("k%d", i)
			sel = append(sel, strings.ReplaceAll(d.expr, "{tz}", q.tz)+" AS "+k)
			keys = append(keys, k)
			if d.label != "" {
				sel = append(sel, d.label+fmt.Sprintf(" AS l%d", i))
			}
			needsFirst = needsFirst || d.needsFirst
		}
	}
	for i, m := range q.res.Measures {
		// ifNull: old servers give NULL aggregates over Nullable columns.
		sel = append(sel, fmt.Sprintf("toFloat64(ifNull(%s, 0)) AS s%d", m.sum, i))
		den := m.den
		if den == "" {
			den = "0" // a count: Value is the sum itself
		}
		sel = append(sel, fmt.Sprintf("toFloat64(ifNull(%s, 0)) AS d%d", den, i))
	}
	var conds []string
	var args []any
	if !from.IsZero() {
		conds = append(conds, "started_at >= ?")
		args = append(args, from)
	}
	if !to.IsZero() {
		conds = append(conds, "started_at < ?")
		args = append(args, to)
	}
	if q.where != "" {
		conds = append(conds, "("+q.where+")")
		args = append(args, q.whereArgs...)
	}
	if q.onlyMonths != nil {
		ms := make([]string, len(q.onlyMonths))
		for i, m := range q.onlyMonths {
			ms[i] = strconv.FormatUint(uint64(m), 10)
		}
		// the partition key's own expression, so only these partitions are read
		conds = append(conds, "toYYYYMM(started_at) IN ("+strings.Join(ms, ", ")+")")
	}
	var b strings.Builder
	b.WriteString("SELECT " + strings.Join(sel, ", ") + "\nFROM calls FINAL")
	where := ""
	if len(conds) > 0 {
		where = "\nWHERE " + strings.Join(conds, " AND ")
	}
	if needsFirst {
		// Only the clients of the calls in the report: merging the first
		// contacts of the whole archive (millions of clients) would cost
		// more than the report itself.
		b.WriteString("\nANY LEFT JOIN (SELECT client_key, minMerge(first_at) AS first_started FROM first_contacts" +
			"\n  WHERE client_key IN (SELECT client_key FROM calls" + strings.ReplaceAll(where, "\n", " ") + ")" +
			"\n  GROUP BY client_key) AS first_calls USING client_key")
		args = append(append([]any(nil), args...), args...)
	}
	b.WriteString(where)
	if len(keys) > 0 {
		b.WriteString("\nGROUP BY " + strings.Join(keys, ", ") + "\nORDER BY " + strings.Join(keys, ", "))
	}
	if q.perPartitionFinal {
		// Every version of a call lives in one partition (the store
		// keeps it so), so FINAL may work partition by partition: much
		// faster on a large archive.
		b.WriteString("\nSETTINGS do_not_merge_across_partitions_select_final = 1")
	}
	return b.String(), args
}

func (q *query) run(ctx context.Context, db store.Querier, from, to time.Time) ([]Row, error) {
	return q.scan(ctx, db, true, from, to)
}

func (q *query) scan(ctx context.Context, db store.Querier, grouped bool, from, to time.Time) ([]Row, error) {
	sqlText, args := q.sql(grouped, from, to)
	key, stamp := "", ""
	if q.cache != nil {
		key = queryKey(sqlText, args)
		stamp = q.stamps.of(sqlText, from, to)
		if rows, ok := q.cache.get(key, stamp); ok {
			return rows, nil
		}
	}
	out, err := q.fetch(ctx, db, grouped, sqlText, args, from, to)
	if err == nil && q.cache != nil {
		q.cache.put(key, stamp, out)
	}
	return out, err
}

func (q *query) read(ctx context.Context, db store.Querier, grouped bool, sqlText string, args []any, from, to time.Time) ([]Row, error) {
	rows, err := db.Query(ctx, sqlText, args...)
	if err != nil && q.perPartitionFinal && isReadonlyError(err) {
		q.perPartitionFinal = false
		sqlText, args = q.sql(grouped, from, to)
		rows, err = db.Query(ctx, sqlText, args...)
	}
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	defer rows.Close()
	var out []Row
	nm := len(q.res.Measures)
	for rows.Next() {
		var dest []any
		r := Row{sums: make([]float64, nm), dens: make([]float64, nm)}
		if grouped {
			r.Keys = make([]string, len(q.res.Dimensions))
			r.Labels = make([]string, len(q.res.Dimensions))
			for i, d := range q.res.Dimensions {
				dest = append(dest, &r.Keys[i])
				if d.label != "" {
					dest = append(dest, &r.Labels[i])
				}
			}
		}
		for i := 0; i < nm; i++ {
			dest = append(dest, &r.sums[i], &r.dens[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
		r.values(q.res.Measures)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return out, nil
}

func (r *Row) values(ms []Measure) {
	r.Values = make([]float64, len(r.sums))
	for i := range r.sums {
		if ms[i].den == "" {
			r.Values[i] = r.sums[i]
			continue
		}
		if r.dens[i] == 0 {
			r.Values[i] = math.NaN()
			continue
		}
		r.Values[i] = r.sums[i] / r.dens[i]
	}
}

// total adds the rows up, or asks the database when a call can fall in
// several rows (by category) or there are no dimensions.
func (q *query) total(ctx context.Context, db store.Querier, rows []Row, from, to time.Time) (Row, error) {
	exploded := false
	for _, d := range q.res.Dimensions {
		exploded = exploded || d.explodes
	}
	if exploded {
		tot, err := q.scan(ctx, db, false, from, to)
		if err != nil {
			return Row{}, err
		}
		if len(tot) == 1 {
			return tot[0], nil
		}
	}
	nm := len(q.res.Measures)
	t := Row{sums: make([]float64, nm), dens: make([]float64, nm)}
	for _, r := range rows {
		for i := range r.sums {
			t.sums[i] += r.sums[i]
			t.dens[i] += r.dens[i]
		}
	}
	t.values(q.res.Measures)
	return t, nil
}

// compare fills Prev: the previous bucket of a period dimension, else the
// previous period of the same length.
func compare(ctx context.Context, db store.Querier, q *query, res *Result) error {
	for di, d := range res.Dimensions {
		if d.step == nil {
			continue
		}
		res.Compared = "previous " + d.Name
		index := map[string]int{}
		for i, r := range res.Rows {
			index[strings.Join(r.Keys, "\x00")] = i
		}
		for i := range res.Rows {
			r := &res.Rows[i]
			r.Prev = nanSlice(len(res.Measures))
			keys := append([]string(nil), r.Keys...)
			prev, ok := d.step(keys[di])
			if !ok {
				continue
			}
			keys[di] = prev
			if j, ok := index[strings.Join(keys, "\x00")]; ok {
				copy(r.Prev, res.Rows[j].Values)
			}
		}
		return nil
	}
	if res.Spec.From.IsZero() || res.Spec.To.IsZero() {
		return fmt.Errorf("%w: a comparison needs both --from and --to (or a day, week, month or year dimension)", ErrBadSpec)
	}
	length := res.Spec.To.Sub(res.Spec.From)
	res.PrevFrom, res.PrevTo = res.Spec.From.Add(-length), res.Spec.From
	res.Compared = "previous period"
	prev, err := q.run(ctx, db, res.PrevFrom, res.PrevTo)
	if err != nil {
		return err
	}
	index := map[string]Row{}
	for _, r := range prev {
		index[strings.Join(r.Keys, "\x00")] = r
	}
	for i := range res.Rows {
		r := &res.Rows[i]
		r.Prev = nanSlice(len(res.Measures))
		if p, ok := index[strings.Join(r.Keys, "\x00")]; ok {
			copy(r.Prev, p.Values)
		}
	}
	pt, err := q.total(ctx, db, prev, res.PrevFrom, res.PrevTo)
	if err != nil {
		return err
	}
	res.Total.Prev = pt.Values
	return nil
}

// isReadonlyError reports a server refusing a setting to a read-only user
// (code 164, READONLY).
func isReadonlyError(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "code: 164") || strings.Contains(msg, "readonly mode") || strings.Contains(msg, "READONLY")
}

func nanSlice(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = math.NaN()
	}
	return s
}
