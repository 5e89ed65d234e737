package report

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/callscope/callscope/report/filter"
	"github.com/callscope/callscope/store"
)

// A report over whole months reads them from calls_rollup (migration 0012,
// store.RefreshRollup): the month's sums by operator, department, queue,
// direction, language, profile and channels, a few thousand rows instead
// of every call. It may when its dimensions (those, category for the
// number of calls, month and year in UTC), measures and filter use only
// what the rollup keeps, and only for the months whose build is current
// (store.RollupState: no insert, re-analysis, erasure or merge since); the
// other months, and the part of a month the period cuts, are read from
// calls as before and the two are added up. Measures are sums and counts,
// so the numbers are the same either way (up to the order floating-point
// sums are added in).

// rollupDims are the dimensions calls_rollup keeps apart, and category,
// whose rows it has for the number of calls only (rollupCategory).
var rollupDims = map[string]bool{"operator": true, "department": true, "queue": true, "direction": true,
	"language": true, "profile": true, "channels": true, "category": true}

// rollupUTC are the period dimensions the rollup has in UTC, the time zone
// of its months: their SQL over calls_rollup.
var rollupUTC = map[string]string{
	"month": "concat(toString(intDiv(month, 100)), if(month % 100 < 10, '-0', '-'), toString(month % 100))",
	"year":  "toString(intDiv(month, 100))",
}

// rollupCategory is the category dimension over calls_rollup: each row is
// spread over its categories (and "(none)" for the calls without any), and
// a category's calls are cc, its calls in that row.
const rollupCategory = "\nARRAY JOIN arrayConcat(category_names, ['(none)']) AS cat, arrayConcat(category_calls, [uncategorized]) AS cc"

// rollupFields are the filter fields whose SQL reads only columns of
// store.RollupKeys (TestRollupEqualsCalls filters by each).
var rollupFields = map[string]bool{"operator": true, "operator_name": true, "department": true, "queue": true,
	"direction": true, "language": true, "score_profile": true, "channels": true}

// rollupCat is the number of calls with a hit of the category lit (a
// quoted name) over calls_rollup.
func rollupCat(lit string) string {
	return "sum(category_calls[indexOf(category_names, " + lit + ")])"
}

// rollupAnswers says whether the rollup can answer a report of these
// dimensions, measures and filter (nil: none) in time zone loc.
func rollupAnswers(dims []Dimension, ms []Measure, e filter.Expr, loc *time.Location) bool {
	utc := loc == nil || loc.String() == "UTC"
	categories := 0
	for _, d := range dims {
		if _, ok := rollupUTC[d.Name]; ok && utc {
			continue
		}
		if !rollupDims[d.Name] {
			return false
		}
		if d.explodes {
			categories++
		}
	}
	if categories > 1 {
		return false
	}
	if categories == 1 {
		// by category the rollup knows how many calls, nothing else
		for _, m := range ms {
			if m.Name != "calls" {
				return false
			}
		}
	}
	for _, m := range ms {
		if m.rsum == "" {
			return false
		}
	}
	return e == nil || onlyFields(e, rollupFields)
}

// onlyFields says whether e compares only the named fields.
func onlyFields(e filter.Expr, names map[string]bool) bool {
	switch x := e.(type) {
	case filter.And:
		return onlyFields(x.Left, names) && onlyFields(x.Right, names)
	case filter.Or:
		return onlyFields(x.Left, names) && onlyFields(x.Right, names)
	case filter.Not:
		return onlyFields(x.X, names)
	case filter.Compare:
		return !x.Field.IsFamily() && names[x.Field.Name]
	case filter.Known:
		return !x.Field.IsFamily() && names[x.Field.Name]
	}
	return false
}

// monthSpan is the period of a month YYYYMM in UTC (calls is partitioned by
// the UTC month of started_at).
func monthSpan(m uint32) (time.Time, time.Time) {
	start := time.Date(int(m/100), time.Month(m%100), 1, 0, 0, 0, 0, time.UTC)
	return start, start.AddDate(0, 1, 0)
}

// outsidePeriod says whether month m (YYYYMM, UTC) has no instant in
// [from, to) (a zero time: no bound).
func outsidePeriod(m uint32, from, to time.Time) bool {
	start, end := monthSpan(m)
	return !from.IsZero() && !end.After(from) || !to.IsZero() && !start.Before(to)
}

// fetch reads a report's rows: from calls_rollup for the whole months of
// [from, to) that have a current build, from calls for the rest.
func (q *query) fetch(ctx context.Context, db store.Querier, grouped bool, sqlText string, args []any, from, to time.Time) ([]Row, error) {
	if !q.rollup {
		return q.read(ctx, db, grouped, sqlText, args, from, to)
	}
	months, err := store.RollupState(ctx, db)
	if err != nil {
		// no rollup tables (a schema being migrated): read calls
		return q.read(ctx, db, grouped, sqlText, args, from, to)
	}
	var builds []string
	var rest []uint32
	for _, m := range months {
		if outsidePeriod(m.Month, from, to) {
			continue
		}
		start, end := monthSpan(m.Month)
		if m.Build != "" && (from.IsZero() || !start.Before(from)) && (to.IsZero() || !end.After(to)) {
			builds = append(builds, m.Build)
			continue
		}
		rest = append(rest, m.Month)
	}
	if len(builds) == 0 {
		return q.read(ctx, db, grouped, sqlText, args, from, to)
	}
	out, err := q.readRollup(ctx, db, grouped, builds)
	if err != nil || len(rest) == 0 {
		return out, err
	}
	q.onlyMonths = rest
	defer func() { q.onlyMonths = nil }()
	sqlText, args = q.sql(grouped, from, to)
	more, err := q.read(ctx, db, grouped, sqlText, args, from, to)
	if err != nil {
		return nil, err
	}
	return mergeRows(q.res.Measures, grouped, out, more), nil
}

// readRollup runs the report's query over the given builds of calls_rollup.
func (q *query) readRollup(ctx context.Context, db store.Querier, grouped bool, builds []string) ([]Row, error) {
	var sel, keys []string
	exploded := false
	if grouped {
		for i, d := range q.res.Dimensions {
			k := "k" + strconv.Itoa(i)
			expr := d.expr
			if d.explodes {
				expr, exploded = "toString(cat)", true
			}
			if e, ok := rollupUTC[d.Name]; ok {
				expr = e
			}
			sel = append(sel, strings.ReplaceAll(expr, "{tz}", q.tz)+" AS "+k)
			keys = append(keys, k)
			if d.label != "" {
				sel = append(sel, d.label+" AS l"+strconv.Itoa(i))
			}
		}
	}
	for i, m := range q.res.Measures {
		sum, den := m.rsum, m.rden
		if exploded {
			sum = "sum(cc)" // calls, the only measure (rollupAnswers)
		}
		if den == "" {
			den = "0"
		}
		sel = append(sel, "toFloat64(ifNull("+sum+", 0)) AS s"+strconv.Itoa(i), "toFloat64(ifNull("+den+", 0)) AS d"+strconv.Itoa(i))
	}
	var b strings.Builder
	b.WriteString("SELECT " + strings.Join(sel, ", ") + "\nFROM calls_rollup")
	if exploded {
		b.WriteString(rollupCategory)
	}
	b.WriteString("\nWHERE build IN (")
	args := make([]any, 0, len(builds)+len(q.whereArgs))
	for i, id := range builds {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('?')
		args = append(args, id)
	}
	b.WriteByte(')')
	if q.where != "" {
		b.WriteString(" AND (" + q.where + ")")
		args = append(args, q.whereArgs...)
	}
	if len(keys) > 0 {
		b.WriteString("\nGROUP BY " + strings.Join(keys, ", "))
		if exploded {
			// a category the month has but these calls have not
			b.WriteString("\nHAVING s0 > 0")
		}
		b.WriteString("\nORDER BY " + strings.Join(keys, ", "))
	}
	return q.read(ctx, db, grouped, b.String(), args, time.Time{}, time.Time{})
}

// mergeRows adds up two reports' rows of the same keys, in key order.
func mergeRows(ms []Measure, grouped bool, a, b []Row) []Row {
	index := map[string]int{}
	out := make([]Row, 0, len(a)+len(b))
	for _, rows := range [][]Row{a, b} {
		for _, r := range rows {
			k := strings.Join(r.Keys, "\x00")
			i, ok := index[k]
			if !ok {
				index[k] = len(out)
				out = append(out, r)
				continue
			}
			o := &out[i]
			for j := range o.sums {
				o.sums[j] += r.sums[j]
				o.dens[j] += r.dens[j]
			}
			for j := range o.Labels {
				if o.Labels[j] == "" {
					o.Labels[j] = r.Labels[j]
				}
			}
		}
	}
	for i := range out {
		out[i].values(ms)
	}
	if grouped {
		slices.SortFunc(out, func(x, y Row) int { return slices.Compare(x.Keys, y.Keys) })
	}
	return out
}

type noRollupKey struct{}

// withoutRollup makes the reports run with ctx read every month from calls
// (tests compare the two ways).
func withoutRollup(ctx context.Context) context.Context {
	return context.WithValue(ctx, noRollupKey{}, true)
}

func rollupAllowed(ctx context.Context) bool { return ctx.Value(noRollupKey{}) == nil }
