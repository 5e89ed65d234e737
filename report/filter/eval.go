package filter

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/callscope/callscope/schemas"
)

// Eval evaluates e for one call in memory, with the same meaning as the
// SQL of Compile. values returns a field's value by its canonical name:
// the field name (duration, operator, started), or the family name with
// its key (param.silence_longest, tag.tariff, category.complaint,
// criterion.greeting); shorthand parameters ask for param.NAME. Values are
// float64 (or any integer) for numbers, durations in seconds and ratios as
// fractions, string, time.Time, and []string for category. A value that is
// missing (ok false, nil, or the zero time) is unknown, and a comparison
// with an unknown value is false whether negated or not. A nil e is true.
func Eval(e Expr, values func(field string) (any, bool)) (bool, error) {
	return EvalIn(e, time.UTC, values)
}

// EvalIn is Eval with dates in loc, as CompileIn. values should give hour
// and weekday in loc too (ValuesIn does).
func EvalIn(e Expr, loc *time.Location, values func(field string) (any, bool)) (bool, error) {
	if e == nil {
		return true, nil
	}
	if loc == nil {
		loc = time.UTC
	}
	ev := evaluator{loc: loc, values: values}
	return ev.eval(e, false)
}

type evaluator struct {
	loc    *time.Location
	values func(string) (any, bool)
}

func (ev evaluator) eval(e Expr, neg bool) (bool, error) {
	values := ev.values
	switch e := e.(type) {
	case And, Or:
		var l, r Expr
		isAnd := false
		if a, ok := e.(And); ok {
			l, r, isAnd = a.Left, a.Right, true
		} else {
			o := e.(Or)
			l, r = o.Left, o.Right
		}
		if neg {
			isAnd = !isAnd
		}
		lv, err := ev.eval(l, neg)
		if err != nil {
			return false, err
		}
		if lv != isAnd { // short circuit: false AND _, true OR _
			return lv, nil
		}
		return ev.eval(r, neg)
	case Not:
		return ev.eval(e.X, !neg)
	case Known:
		v, ok, err := lookupValue(e.Field, e.Key, values)
		if err != nil {
			return false, err
		}
		_ = v
		return ok == (e.Known != neg), nil
	case Compare:
		op := e.Op
		if neg {
			op = op.negate()
		}
		v, ok, err := lookupValue(e.Field, e.Key, values)
		if err != nil || !ok {
			return false, err
		}
		return ev.compare(e.Field, op, v, e.Values), nil
	}
	return false, fmt.Errorf("filter: eval: unexpected node %T", e)
}

// CanonicalName is the name Eval asks values for: param.NAME for a
// parameter shorthand, the family name with its key, or the field name.
func CanonicalName(f Field, key string) string {
	switch {
	case f.param != "":
		return "param." + f.param
	case f.family != "":
		return f.family + key
	}
	return f.Name
}

// lookupValue fetches and normalizes a value: float64, string, time.Time or
// []string; ok is false for an unknown value.
func lookupValue(f Field, key string, values func(string) (any, bool)) (any, bool, error) {
	name := CanonicalName(f, key)
	v, ok := values(name)
	if f.family == "category." && (!ok || v == nil) {
		return 0.0, true, nil // no hits of a category is a known zero
	}
	if !ok || v == nil {
		return nil, false, nil
	}
	bad := func() (any, bool, error) {
		return nil, false, fmt.Errorf("filter: eval: %s: want a %s value, got %T", name, f.Type, v)
	}
	switch f.Type {
	case Number, Duration, Ratio, Percent:
		n, isNum := toFloat(v)
		if !isNum {
			return bad()
		}
		return n, true, nil
	case String, Outcome:
		s, isStr := v.(string)
		if !isStr {
			return bad()
		}
		return s, true, nil
	case Time:
		t, isTime := v.(time.Time)
		if !isTime {
			return bad()
		}
		if t.IsZero() || t.Unix() <= 0 {
			return nil, false, nil
		}
		return t, true, nil
	case Category:
		s, isList := v.([]string)
		if !isList {
			return bad()
		}
		return s, true, nil
	}
	return bad()
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case float32:
		return float64(x), true
	case int:
		return float64(x), true
	case int32:
		return float64(x), true
	case int64:
		return float64(x), true
	case uint8:
		return float64(x), true
	case uint32:
		return float64(x), true
	case uint64:
		return float64(x), true
	case *float64:
		if x != nil {
			return *x, true
		}
	}
	return 0, false
}

func (ev evaluator) compare(f Field, op Op, v any, vals []Value) bool {
	switch op {
	case In:
		for _, c := range vals {
			if ev.compare(f, Eq, v, []Value{c}) {
				return true
			}
		}
		return false
	case NotIn:
		for _, c := range vals {
			if !ev.compare(f, Ne, v, []Value{c}) {
				return false
			}
		}
		return true
	}
	c := vals[0]
	switch x := v.(type) {
	case float64:
		return cmpOrdered(op, x, c.Num)
	case string:
		switch op {
		case Contains:
			return strings.Contains(strings.ToLower(x), strings.ToLower(c.Str))
		case NotContains:
			return !strings.Contains(strings.ToLower(x), strings.ToLower(c.Str))
		}
		return cmpOrdered(op, x, c.Str)
	case time.Time:
		from, to := c.Period(ev.loc)
		switch op {
		case Eq:
			return !x.Before(from) && x.Before(to)
		case Ne:
			return x.Before(from) || !x.Before(to)
		case Lt:
			return x.Before(from)
		case Le:
			return x.Before(to)
		case Gt:
			return !x.Before(to)
		case Ge:
			return !x.Before(from)
		}
	case []string:
		has := slices.Contains(x, c.Str)
		if op == Ne {
			return !has
		}
		return has
	}
	return false
}

func cmpOrdered[T float64 | string](op Op, a, b T) bool {
	switch op {
	case Eq:
		return a == b
	case Ne:
		return a != b
	case Lt:
		return a < b
	case Le:
		return a <= b
	case Gt:
		return a > b
	case Ge:
		return a >= b
	}
	return false
}

// ValuesOf is the values function of an analysis for Eval: what the store
// writes to calls, read from the Analysis itself; hours and weekdays in UTC.
func ValuesOf(a *schemas.Analysis) func(field string) (any, bool) { return ValuesIn(a, time.UTC) }

// ValuesIn is ValuesOf with hours and weekdays in loc, for EvalIn.
func ValuesIn(a *schemas.Analysis, loc *time.Location) func(field string) (any, bool) {
	if loc == nil {
		loc = time.UTC
	}
	return func(field string) (any, bool) {
		if fam, key, ok := strings.Cut(field, "."); ok {
			switch fam {
			case "param":
				if v, ok := a.Parameters[key]; ok {
					return v, true
				}
				return nil, false
			case "tag":
				v, ok := a.Meta.Tags[key]
				return v, ok
			case "category":
				return float64(a.Categories[key]), true
			case "criterion":
				if a.Score != nil {
					for _, c := range a.Score.Criteria {
						if c.ID == key {
							return c.Outcome, true
						}
					}
				}
				return nil, false
			}
		}
		m := a.Meta
		switch field {
		case "call_id":
			return a.CallID, true
		case "operator":
			return m.Operator.ID, true
		case "operator_name":
			return m.Operator.Name, true
		case "department":
			return m.Operator.Department, true
		case "queue":
			return m.Queue, true
		case "direction":
			return m.Direction, true
		case "language":
			return m.Language, true
		case "client":
			return m.Client.IDHash, true
		case "object_key":
			return a.ObjectKey, true
		case "asr_adapter":
			return a.ASR.Adapter, true
		case "asr_model":
			return a.ASR.Model, true
		case "dictionary_version":
			return a.DictionaryVersion, true
		case "started":
			return m.StartedAt.UTC(), true
		case "analyzed":
			return a.AnalyzedAt.UTC(), true
		case "hour":
			return float64(startedIn(m.StartedAt, loc).Hour()), true
		case "weekday":
			return float64((int(startedIn(m.StartedAt, loc).Weekday())+6)%7 + 1), true
		case "category":
			names := make([]string, 0, len(a.Categories))
			for k, n := range a.Categories {
				if n > 0 {
					names = append(names, k)
				}
			}
			return names, true
		case "categories":
			n := 0
			for _, c := range a.Categories {
				if c > 0 {
					n++
				}
			}
			return float64(n), true
		case "duration":
			return a.Metrics.Duration, true
		case "channels":
			return float64(a.Metrics.Channels), true
		case "operator_talk":
			return ptr(a.Metrics.OperatorTalk)
		case "client_talk":
			return ptr(a.Metrics.ClientTalk)
		case "total_talk":
			return a.Metrics.TotalTalk, true
		case "wait":
			return ptr(m.WaitSeconds)
		case "transfers":
			if m.Transfers == nil {
				return nil, false
			}
			return float64(*m.Transfers), true
		case "csat":
			if m.CSAT == nil {
				return nil, false
			}
			return m.CSAT.Score, true
		case "csat_scale":
			if m.CSAT == nil {
				return nil, false
			}
			return m.CSAT.Scale, true
		case "score":
			if a.Score == nil || a.Score.Max <= 0 {
				return nil, false
			}
			return a.Score.Value * 5 / a.Score.Max, true
		case "score_profile":
			if a.Score == nil {
				return "", true
			}
			return a.Score.Profile, true
		}
		return nil, false
	}
}

// startedIn is the stored start time in loc: an unknown start is stored as
// the epoch, whose hour and weekday SQL then reports.
func startedIn(t time.Time, loc *time.Location) time.Time {
	if t.IsZero() || t.Unix() < 0 {
		t = time.Unix(0, 0)
	}
	return t.In(loc)
}

func ptr(p *float64) (any, bool) {
	if p == nil {
		return nil, false
	}
	return *p, true
}

// All joins expressions with and, skipping nil ones; nil when none is left.
func All(es ...Expr) Expr {
	var out Expr
	for _, e := range es {
		switch {
		case e == nil:
		case out == nil:
			out = e
		default:
			out = And{out, e}
		}
	}
	return out
}

// Equal is the condition name = value, type-checked like the parser does
// (value is read as the field's type: 2026-11 is a month for started). It
// builds drill-down filters from a report's slice values without going
// through filter text.
func Equal(name, value string) (Expr, error) { return Cmp(name, Eq, value) }

// Cmp is the condition name op value (not In or NotIn), type-checked like
// the parser does.
func Cmp(name string, op Op, value string) (Expr, error) {
	f, key, ok := lookup(name)
	if !ok || (f.family != "" && key == "") {
		return nil, fmt.Errorf("%w: unknown field %q", ErrSyntax, name)
	}
	if _, known := opText[op]; !known || op == In || op == NotIn {
		return nil, fmt.Errorf("%w: Cmp takes one value, not operator %s", ErrSyntax, op)
	}
	v, err := convert(f.Type, value)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrSyntax, name, err)
	}
	p := &parser{src: name}
	if err := p.checkOp(f, op, token{}); err != nil {
		return nil, fmt.Errorf("%w: %s", ErrSyntax, err.(*Error).Msg)
	}
	return Compare{Field: f, Key: key, Op: op, Values: []Value{v}}, nil
}
