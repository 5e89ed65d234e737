package filter

import (
	"strconv"
	"strings"
	"time"
)

// Expr is a parsed, type-checked filter expression: And, Or, Not, Compare,
// Known.
type Expr interface {
	// String is the expression in canonical syntax; Parse(e.String())
	// gives back an equal tree.
	String() string
	expr()
}

// And is true when both sides are.
type And struct{ Left, Right Expr }

// Or is true when either side is.
type Or struct{ Left, Right Expr }

// Not negates X. An unknown value stays unknown: `not wait > 30s` does not
// match a call without a waiting time.
type Not struct{ X Expr }

// Op is a comparison operator.
type Op int

// Comparison operators.
const (
	Eq Op = iota + 1
	Ne
	Lt
	Le
	Gt
	Ge
	In
	NotIn
	Contains    // ~ substring, case-insensitive
	NotContains // !~
)

var opText = map[Op]string{Eq: "=", Ne: "!=", Lt: "<", Le: "<=", Gt: ">", Ge: ">=", In: "in", NotIn: "not in", Contains: "~", NotContains: "!~"}

func (o Op) String() string { return opText[o] }

// negate is the operator that is true exactly when o is false (for a
// known value).
func (o Op) negate() Op {
	switch o {
	case Eq:
		return Ne
	case Ne:
		return Eq
	case Lt:
		return Ge
	case Le:
		return Gt
	case Gt:
		return Le
	case Ge:
		return Lt
	case In:
		return NotIn
	case NotIn:
		return In
	case Contains:
		return NotContains
	case NotContains:
		return Contains
	}
	return o
}

// Value is one typed constant of a comparison.
type Value struct {
	// Text is the value as written (unquoted).
	Text string
	// Str is the value of a String, Category or Outcome field.
	Str string
	// Num is the value of a Number, Duration (seconds) or Ratio (fraction)
	// field.
	Num float64
	// From and To are the period of a Time value, From <= t < To, read in
	// UTC; Period gives it in the time zone of the query.
	From, To time.Time
	// Zoned says the time value named its own offset (…T10:15+03:00), so
	// the query's time zone does not apply.
	Zoned bool
}

// Period is the period of a Time value in loc: 2026-11-20 is that day in
// loc, unless the value has its own offset.
func (v Value) Period(loc *time.Location) (from, to time.Time) {
	if v.Zoned || loc == nil || loc == time.UTC {
		return v.From, v.To
	}
	civil := func(t time.Time) time.Time {
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
	}
	return civil(v.From), civil(v.To)
}

// Compare compares a field with one value, or a list for in / not in.
type Compare struct {
	Field Field
	// Key is the user's part of a family name: "tariff" in tag.tariff.
	Key    string
	Op     Op
	Values []Value
}

// Known is true when the field has a value for the call (`is known`), or
// when it has none (`is unknown`, Known false).
type Known struct {
	Field Field
	Key   string
	Known bool
}

func (And) expr()     {}
func (Or) expr()      {}
func (Not) expr()     {}
func (Compare) expr() {}
func (Known) expr()   {}

func (e And) String() string { return wrap(e.Left, prAnd) + " and " + wrap(e.Right, prAnd+1) }
func (e Or) String() string  { return wrap(e.Left, prOr) + " or " + wrap(e.Right, prOr+1) }
func (e Not) String() string { return "not " + wrap(e.X, prNot) }

func (e Compare) String() string {
	name := fieldRef(e.Field, e.Key)
	if e.Field.Type == Category && e.Op == Eq && len(e.Values) == 1 {
		return "has " + quoteWord(e.Values[0].Str)
	}
	if e.Op == In || e.Op == NotIn {
		parts := make([]string, len(e.Values))
		for i, v := range e.Values {
			parts[i] = valueText(e.Field.Type, v)
		}
		return name + " " + e.Op.String() + " (" + strings.Join(parts, ", ") + ")"
	}
	return name + " " + e.Op.String() + " " + valueText(e.Field.Type, e.Values[0])
}

func (e Known) String() string {
	if e.Known {
		return fieldRef(e.Field, e.Key) + " is known"
	}
	return fieldRef(e.Field, e.Key) + " is unknown"
}

func fieldRef(f Field, key string) string {
	if f.family != "" {
		return f.family + quoteWord(key)
	}
	return f.Name
}

func valueText(t Type, v Value) string {
	switch t {
	case Number, Ratio:
		return strconv.FormatFloat(v.Num, 'g', -1, 64)
	case Duration:
		return strconv.FormatFloat(v.Num, 'g', -1, 64) + "s"
	case Percent:
		return strconv.FormatFloat(v.Num, 'g', -1, 64) + "%"
	case Time:
		return quoteWord(v.Text)
	}
	return quoteWord(v.Str)
}

// quoteWord writes s bare when it reads back as the same word, quoted
// otherwise.
func quoteWord(s string) string {
	if s != "" && !isKeyword(s) {
		bare := true
		for i, r := range s {
			if !isWordRune(r) || (i == 0 && r == '-') {
				bare = false
				break
			}
		}
		if bare {
			return s
		}
	}
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// Precedence levels for printing parentheses.
const (
	prOr = iota + 1
	prAnd
	prNot
)

func wrap(e Expr, parent int) string {
	p := 4
	switch e.(type) {
	case Or:
		p = prOr
	case And:
		p = prAnd
	case Not:
		p = prNot
	}
	if p < parent {
		return "(" + e.String() + ")"
	}
	return e.String()
}
