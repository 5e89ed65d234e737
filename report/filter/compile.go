package filter

import (
	"fmt"
	"strings"
	"time"
)

// epochSQL is the stored start time of a call whose start is unknown.
const epochSQL = "toDateTime(0)"

// CompileIn turns e into a ClickHouse boolean expression over the columns of
// `calls FINAL`, with every constant (values and family keys alike) bound
// to a ? placeholder in args, in order: user text never becomes SQL text.
// A nil e compiles to "1" (every call).
//
// The SQL runs on ClickHouse 18.16 and later, and chDB. Negations are
// pushed down to the comparisons, so a call whose value is unknown matches
// neither `x > 5` nor `not x > 5`, the same as Eval.
//
// Under FINAL, run the query with SETTINGS optimize_move_to_prewhere = 0:
// ClickHouse before 20.x moves WHERE to PREWHERE, which filters rows before
// FINAL picks a call's latest analysis.
//
// Dates, hours and weekdays are in loc, the time zone of the report or
// list the filter belongs to: started = 2026-11-20 is that day in loc, so
// a filter selects the rows of the buckets it is shown beside. There is no
// variant without a location: every query path says which it uses (nil
// means UTC).
func CompileIn(e Expr, loc *time.Location) (where string, args []any, err error) {
	if e == nil {
		return "1", nil, nil
	}
	if loc == nil {
		loc = time.UTC
	}
	c := &compiler{loc: loc}
	c.expr(e, false)
	if c.err != nil {
		return "", nil, c.err
	}
	return c.b.String(), c.args, nil
}

type compiler struct {
	loc  *time.Location
	b    strings.Builder
	args []any
	err  error
}

func (c *compiler) expr(e Expr, neg bool) {
	switch e := e.(type) {
	case And:
		c.binary(e.Left, e.Right, neg, " AND ", " OR ")
	case Or:
		c.binary(e.Left, e.Right, neg, " OR ", " AND ")
	case Not:
		c.expr(e.X, !neg)
	case Known:
		c.known(e.Field, e.Key, e.Known != neg)
	case Compare:
		op := e.Op
		if neg {
			op = op.negate()
		}
		c.compare(e.Field, e.Key, op, e.Values)
	default:
		c.err = fmt.Errorf("filter: compile: unexpected node %T", e)
	}
}

// binary writes a chain of one operator flat, (a AND b AND c), not
// nested ((a AND b) AND c): a long chain then stays within the server's
// parser depth.
func (c *compiler) binary(l, r Expr, neg bool, op, negOp string) {
	terms := flatten(l, op, flatten(r, op, nil))
	if neg {
		op = negOp
	}
	c.b.WriteByte('(')
	for i, t := range terms {
		if i > 0 {
			c.b.WriteString(op)
		}
		c.expr(t, neg)
	}
	c.b.WriteByte(')')
}

// flatten prepends the terms of a chain of op (" AND " or " OR ") in e to
// rest, in order.
func flatten(e Expr, op string, rest []Expr) []Expr {
	switch x := e.(type) {
	case And:
		if op == " AND " {
			return flatten(x.Left, op, flatten(x.Right, op, rest))
		}
	case Or:
		if op == " OR " {
			return flatten(x.Left, op, flatten(x.Right, op, rest))
		}
	}
	return append([]Expr{e}, rest...)
}

// col writes the field's value expression and binds its key.
func (c *compiler) col(f Field, key string) {
	c.b.WriteString(f.col)
	if f.family != "" || f.param != "" {
		k := key
		if f.param != "" {
			k = f.param
		}
		c.args = append(c.args, k, k)
	}
	if f.tz {
		c.args = append(c.args, c.loc.String())
	}
}

func (c *compiler) bind(v any) {
	c.b.WriteByte('?')
	c.args = append(c.args, v)
}

func (c *compiler) known(f Field, key string, known bool) {
	if f.Type == Time {
		c.col(f, key)
		if known {
			c.b.WriteString(" > " + epochSQL)
		} else {
			c.b.WriteString(" = " + epochSQL)
		}
		return
	}
	if known {
		c.b.WriteString("isNotNull(")
	} else {
		c.b.WriteString("isNull(")
	}
	c.col(f, key)
	c.b.WriteByte(')')
}

func (c *compiler) compare(f Field, key string, op Op, vals []Value) {
	switch {
	case f.Type == Category:
		c.category(op, vals)
	case f.Type == Time:
		c.period(f, op, vals)
	case op == In || op == NotIn:
		c.list(f, key, op, vals)
	case op == Contains || op == NotContains:
		c.b.WriteString("positionCaseInsensitiveUTF8(")
		c.col(f, key)
		c.b.WriteString(", ")
		c.bind(vals[0].Str)
		if op == Contains {
			c.b.WriteString(") > 0")
		} else {
			c.b.WriteString(") = 0")
		}
	default:
		c.col(f, key)
		c.b.WriteString(" " + sqlOp[op] + " ")
		c.bind(scalar(f, vals[0]))
	}
}

var sqlOp = map[Op]string{Eq: "=", Ne: "!=", Lt: "<", Le: "<=", Gt: ">", Ge: ">="}

func scalar(f Field, v Value) any {
	switch f.Type {
	case Number, Duration, Ratio, Percent:
		return v.Num
	}
	return v.Str
}

// list writes in / not in. A value that can be unknown gets = / != joined
// by OR / AND, whose NULL handling is the same on every server version.
func (c *compiler) list(f Field, key string, op Op, vals []Value) {
	if !f.nullable {
		c.col(f, key)
		if op == In {
			c.b.WriteString(" IN (")
		} else {
			c.b.WriteString(" NOT IN (")
		}
		for i, v := range vals {
			if i > 0 {
				c.b.WriteString(", ")
			}
			c.bind(scalar(f, v))
		}
		c.b.WriteByte(')')
		return
	}
	c.inAsComparisons(op, vals, func(one Op, v Value) { c.compare(f, key, one, []Value{v}) })
}

// inAsComparisons writes in as (= each OR ...) and not in as (!= each AND
// ...), compare writing each comparison.
func (c *compiler) inAsComparisons(op Op, vals []Value, compare func(one Op, v Value)) {
	one, join := Eq, " OR "
	if op == NotIn {
		one, join = Ne, " AND "
	}
	c.b.WriteByte('(')
	for i, v := range vals {
		if i > 0 {
			c.b.WriteString(join)
		}
		compare(one, v)
	}
	c.b.WriteByte(')')
}

func (c *compiler) category(op Op, vals []Value) {
	neg := op == Ne || op == NotIn
	if neg {
		c.b.WriteString("NOT ")
	}
	if len(vals) > 1 {
		c.b.WriteByte('(')
	}
	for i, v := range vals {
		if i > 0 {
			c.b.WriteString(" OR ")
		}
		c.b.WriteString("has(category_names, ")
		c.bind(v.Str)
		c.b.WriteByte(')')
	}
	if len(vals) > 1 {
		c.b.WriteByte(')')
	}
}

// period compares a time with periods: = is inside, < before the start,
// <= before the end. A bound that would let an unknown (epoch) time in
// says so.
func (c *compiler) period(f Field, op Op, vals []Value) {
	if op == In || op == NotIn {
		c.inAsComparisons(op, vals, func(one Op, v Value) { c.period(f, one, []Value{v}) })
		return
	}
	from, to := vals[0].Period(c.loc)
	cmp := func(sqlop string, t time.Time) {
		c.b.WriteString(f.col + " " + sqlop + " ")
		c.bind(t)
	}
	known := func() { c.b.WriteString(f.col + " > " + epochSQL + " AND ") }
	switch op {
	case Eq:
		c.b.WriteByte('(')
		cmp(">=", from)
		c.b.WriteString(" AND ")
		cmp("<", to)
		c.b.WriteByte(')')
	case Ne:
		c.b.WriteByte('(')
		known()
		c.b.WriteByte('(')
		cmp("<", from)
		c.b.WriteString(" OR ")
		cmp(">=", to)
		c.b.WriteString("))")
	case Lt, Le:
		t := from
		if op == Le {
			t = to
		}
		c.b.WriteByte('(')
		known()
		cmp("<", t)
		c.b.WriteByte(')')
	case Gt:
		cmp(">=", to)
	case Ge:
		cmp(">=", from)
	default:
		c.err = fmt.Errorf("filter: compile: operator %s on time", op)
	}
}
