package filter

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/callscope/callscope/analyze"
)

// maxDepth bounds nesting, so a hostile expression cannot exhaust the
// stack.
const maxDepth = 100

// MaxLength and MaxConditions bound a filter, so that what Parse accepts
// always compiles to a query every server takes (ClickHouse refuses queries
// over max_query_size, 256 KiB, and deeper than max_parser_depth): a
// hand-written filter or a saved report's is far below both. A longer list
// of values is one condition: operator in ["op-1", "op-2", ...].
const (
	MaxLength     = 16 << 10
	MaxConditions = 256
)

// Parse parses and type-checks a filter expression. An empty (or blank)
// expression is an error; callers that mean "no filter" pass nil along
// instead. Errors are *Error (wrapping ErrSyntax) with the column.
func Parse(src string) (Expr, error) { return ParseWith(src, Options{}) }

// Options are what a filter is checked against beyond its grammar and the
// fields' types: what the caller knows of the data.
type Options struct {
	// Categories, when not nil, are the categories a filter may name (has
	// X, category = X, category in (X, Y), category.X): any other is an
	// *Error at its place that lists these. A mistyped name would
	// otherwise select no call, and an empty report looks like an answer.
	Categories []string
}

// ParseWith is Parse with the checks of opts.
func ParseWith(src string, opts Options) (Expr, error) {
	if len(src) > MaxLength {
		return nil, errAt(src, MaxLength, "filter too long: %d bytes, the limit is %d (a list of values is one condition: field in [a, b, ...])", len(src), MaxLength)
	}
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	conds := 1
	for _, t := range toks {
		if t.kind == tAnd || t.kind == tOr {
			if conds++; conds > MaxConditions {
				return nil, errAt(src, t.off, "too many conditions: more than %d joined by and / or (a list of values is one condition: field in [a, b, ...])", MaxConditions)
			}
		}
	}
	p := &parser{src: src, toks: toks}
	if opts.Categories != nil {
		// Not nil even when empty: no category is known then.
		p.categories = append([]string{}, opts.Categories...)
		slices.Sort(p.categories)
		p.categories = slices.Compact(p.categories)
	}
	if p.peek().kind == tEOF {
		return nil, errAt(src, 0, "empty filter: write a condition such as duration > 5m")
	}
	e, err := p.or()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		if t.kind == tRParen {
			return nil, errAt(src, t.off, "')' without a matching '('")
		}
		return nil, errAt(src, t.off, "unexpected %s: join conditions with and / or", t.describe())
	}
	return e, nil
}

type parser struct {
	src   string
	toks  []token
	pos   int
	depth int
	// categories are the known categories, sorted; nil: not checked.
	categories []string
}

// maxListed bounds the known categories an error lists.
const maxListed = 30

// checkCategory refuses a category name that is not a known one.
func (p *parser) checkCategory(name string, off int) error {
	if p.categories == nil {
		return nil
	}
	if _, found := slices.BinarySearch(p.categories, name); found {
		return nil
	}
	return errAt(p.src, off, "%s", UnknownCategory(name, p.categories))
}

// UnknownCategory is the message for a category name that is not one of
// known (sorted): the closest known name, if one is close, and the known
// ones.
func UnknownCategory(name string, known []string) string {
	var hint string
	if s := suggest(name, known); s != "" {
		hint = fmt.Sprintf(" (did you mean %s?)", s)
	} else if s := suggest(strings.ToLower(name), known); s != "" {
		hint = fmt.Sprintf(" (did you mean %s?)", s)
	}
	if len(known) == 0 {
		return fmt.Sprintf("unknown category %q: no dictionary has a category and no stored call has one", name)
	}
	listed := strings.Join(known[:min(len(known), maxListed)], ", ")
	if n := len(known) - maxListed; n > 0 {
		listed += fmt.Sprintf(" and %d more", n)
	}
	return fmt.Sprintf("unknown category %q%s: the known categories are %s", name, hint, listed)
}

func (p *parser) peek() token { return p.toks[p.pos] }
func (p *parser) next() token {
	t := p.toks[p.pos]
	if t.kind != tEOF {
		p.pos++
	}
	return t
}

func (p *parser) enter(t token) error {
	p.depth++
	if p.depth > maxDepth {
		return errAt(p.src, t.off, "expression nested deeper than %d", maxDepth)
	}
	return nil
}

func (p *parser) or() (Expr, error) {
	l, err := p.and()
	if err != nil {
		return nil, err
	}
	for p.peek().kind == tOr {
		p.next()
		r, err := p.and()
		if err != nil {
			return nil, err
		}
		l = Or{l, r}
	}
	return l, nil
}

func (p *parser) and() (Expr, error) {
	l, err := p.unary()
	if err != nil {
		return nil, err
	}
	for p.peek().kind == tAnd {
		p.next()
		r, err := p.unary()
		if err != nil {
			return nil, err
		}
		l = And{l, r}
	}
	return l, nil
}

func (p *parser) unary() (Expr, error) {
	t := p.peek()
	if t.kind == tNot {
		p.next()
		if err := p.enter(t); err != nil {
			return nil, err
		}
		x, err := p.unary()
		p.depth--
		if err != nil {
			return nil, err
		}
		return Not{x}, nil
	}
	return p.primary()
}

func (p *parser) primary() (Expr, error) {
	t := p.next()
	switch t.kind {
	case tLParen:
		if err := p.enter(t); err != nil {
			return nil, err
		}
		e, err := p.or()
		p.depth--
		if err != nil {
			return nil, err
		}
		if c := p.next(); c.kind != tRParen {
			return nil, errAt(p.src, c.off, "expected ')' to close the '(' at column %d, got %s", errAt(p.src, t.off, "").Column, c.describe())
		}
		return e, nil
	case tWord:
		if strings.EqualFold(t.text, "has") {
			return p.has(t)
		}
		return p.condition(t)
	case tEOF:
		return nil, errAt(p.src, t.off, "expression ends too early: expected a condition")
	}
	return nil, errAt(p.src, t.off, "expected a condition (a field such as duration, or has CATEGORY), got %s", t.describe())
}

// has parses `has CATEGORY`.
func (p *parser) has(kw token) (Expr, error) {
	t := p.next()
	if t.kind != tWord && t.kind != tString {
		return nil, errAt(p.src, t.off, "expected a category after has (has complaint), got %s", t.describe())
	}
	f, _, _ := lookup("category")
	if t.kind == tWord && isKeyword(t.text) {
		return nil, errAt(p.src, t.off, "expected a category after has, got keyword %q (quote it if it is a category)", t.text)
	}
	if err := p.checkCategory(t.text, t.off); err != nil {
		return nil, err
	}
	return Compare{Field: f, Op: Eq, Values: []Value{{Text: t.text, Str: t.text}}}, nil
}

// condition parses FIELD OP VALUE, FIELD [not] in (LIST), FIELD is [not]
// known|unknown.
func (p *parser) condition(name token) (Expr, error) {
	text := name.text
	// A family key may be quoted: tag.'sales channel'. keyOff is where the
	// key is written, for messages about it.
	keyOff := name.off + strings.IndexByte(text, '.') + 1
	if strings.HasSuffix(text, ".") {
		if s := p.peek(); s.kind == tString && s.off == name.off+len(name.text) {
			p.next()
			text += s.text
			keyOff = s.off
		}
	}
	if fam, ok := byName[text]; ok && fam.family != "" {
		return nil, errAt(p.src, name.off, "%s needs a name after the dot (%s)", fam.family, fam.Name)
	}
	f, key, ok := lookup(text)
	if !ok {
		return nil, p.unknownField(name, text)
	}
	if f.family != "" && key == "" {
		return nil, errAt(p.src, name.off, "%s needs a name after the dot (%s)", f.family, f.Name)
	}
	if f.family == "param." {
		if err := analyze.CheckParameterName(key); err != nil {
			return nil, errAt(p.src, name.off, "%s: %v", text, err)
		}
	}
	if f.family == "category." {
		if err := p.checkCategory(key, keyOff); err != nil {
			return nil, err
		}
	}
	t := p.next()
	switch {
	case t.kind == tWord && strings.EqualFold(t.text, "is"):
		known := true
		if p.peek().kind == tNot {
			p.next()
			known = false
		}
		w := p.next()
		switch strings.ToLower(w.text) {
		case "known":
		case "unknown", "null":
			known = !known
		default:
			return nil, errAt(p.src, w.off, "expected known or unknown after is, got %s", w.describe())
		}
		if !f.nullable && f.Type != Time {
			return nil, errAt(p.src, t.off, "%s always has a value: is known / is unknown apply to values that can be missing", f.Name)
		}
		return Known{Field: f, Key: key, Known: known}, nil
	case t.kind == tWord && strings.EqualFold(t.text, "in"):
		return p.list(f, key, In)
	case t.kind == tNot:
		if w := p.peek(); w.kind == tWord && strings.EqualFold(w.text, "in") {
			p.next()
			return p.list(f, key, NotIn)
		}
		return nil, errAt(p.src, t.off, "expected an operator after %s: not is only allowed before in", text)
	case t.kind == tOp:
		op := map[string]Op{"=": Eq, "!=": Ne, "<": Lt, "<=": Le, ">": Gt, ">=": Ge, "~": Contains, "!~": NotContains}[t.text]
		if err := p.checkOp(f, op, t); err != nil {
			return nil, err
		}
		v, err := p.value(f)
		if err != nil {
			return nil, err
		}
		return Compare{Field: f, Key: key, Op: op, Values: []Value{v}}, nil
	case t.kind == tEOF:
		return nil, errAt(p.src, t.off, "expected an operator after %s (=, !=, <, <=, >, >=, ~, in, is known)", text)
	}
	hint := ""
	if t.kind == tWord && f.Type == Category {
		hint = " (write category = " + t.text + " or has " + t.text + ")"
	}
	return nil, errAt(p.src, t.off, "expected an operator after %s, got %s%s", text, t.describe(), hint)
}

func (p *parser) unknownField(name token, text string) error {
	if strings.Contains(text, "(") {
		return errAt(p.src, name.off, "unknown field %q", text)
	}
	if _, err := strconv.ParseFloat(text, 64); err == nil || isKeyword(text) {
		return errAt(p.src, name.off, "expected a field name, got %q", text)
	}
	if to, ok := Renamed[strings.ToLower(text)]; ok {
		return errAt(p.src, name.off, "unknown field %q: renamed, write %s", text, to)
	}
	base, rest, dotted := strings.Cut(text, ".")
	if s := suggest(strings.ToLower(base), fieldNames()); s != "" {
		fam, isFamily := byName[s+"."]
		switch {
		case isFamily && dotted && rest != "":
			return errAt(p.src, name.off, "unknown field %q (did you mean %s%s?)", text, fam.family, rest)
		case isFamily:
			return errAt(p.src, name.off, "unknown field %q (did you mean %s?)", text, fam.Name)
		}
		return errAt(p.src, name.off, "unknown field %q (did you mean %q?)", text, s)
	}
	return errAt(p.src, name.off, "unknown field %q: see docs/filters.md or callscope calls --fields", text)
}

func (p *parser) checkOp(f Field, op Op, t token) error {
	switch f.Type {
	case String:
		if op == Eq || op == Ne || op == Contains || op == NotContains {
			return nil
		}
	case Category, Outcome:
		if op == Eq || op == Ne {
			return nil
		}
	default:
		if op != Contains && op != NotContains {
			return nil
		}
	}
	return errAt(p.src, t.off, "operator %s does not apply to %s, a %s field", op, f.Name, f.Type)
}

func (p *parser) list(f Field, key string, op Op) (Expr, error) {
	if t := p.next(); t.kind != tLParen {
		return nil, errAt(p.src, t.off, "expected '(' after in, got %s: write in (a, b)", t.describe())
	}
	var vals []Value
	for {
		v, err := p.value(f)
		if err != nil {
			return nil, err
		}
		vals = append(vals, v)
		t := p.next()
		if t.kind == tRParen {
			break
		}
		if t.kind != tComma {
			return nil, errAt(p.src, t.off, "expected ',' or ')' in the list, got %s", t.describe())
		}
	}
	return Compare{Field: f, Key: key, Op: op, Values: vals}, nil
}

// value reads one constant and converts it to the field's type.
func (p *parser) value(f Field) (Value, error) {
	t := p.next()
	if t.kind == tAnd || t.kind == tOr || t.kind == tNot || (t.kind == tWord && isKeyword(t.text)) {
		return Value{}, errAt(p.src, t.off, "expected a %s value for %s, got keyword %q (quote it if it is a value)", f.Type, f.Name, t.text)
	}
	if t.kind != tWord && t.kind != tString {
		return Value{}, errAt(p.src, t.off, "expected a %s value for %s, got %s", f.Type, f.Name, t.describe())
	}
	v, err := convert(f.Type, t.text)
	if err != nil {
		return Value{}, errAt(p.src, t.off, "%s: %v", f.Name, err)
	}
	if f.Type == Category {
		if err := p.checkCategory(v.Str, t.off); err != nil {
			return Value{}, err
		}
	}
	return v, nil
}

// convert reads text as a value of type typ.
func convert(typ Type, text string) (Value, error) {
	v := Value{Text: text}
	switch typ {
	case String, Category:
		v.Str = text
	case Outcome:
		switch strings.ToLower(text) {
		case "passed", "pass":
			v.Str = "passed"
		case "failed", "fail":
			v.Str = "failed"
		case "n/a", "na":
			v.Str = "n/a"
		default:
			return v, fmt.Errorf("want passed, failed or n/a, got %q", text)
		}
	case Number:
		n, err := number(text)
		if err != nil {
			return v, err
		}
		v.Num = n
	case Duration:
		n, err := seconds(text)
		if err != nil {
			return v, err
		}
		v.Num = n
	case Ratio:
		s := strings.TrimSuffix(text, "%")
		n, err := number(s)
		if err != nil {
			return v, fmt.Errorf("want a fraction or a percentage such as 0.4 or 40%%, got %q", text)
		}
		if s != text {
			n /= 100
		}
		v.Num = n
	case Percent:
		n, err := number(strings.TrimSuffix(text, "%"))
		if err != nil {
			return v, fmt.Errorf("want a percentage such as 40 or 40%%, got %q", text)
		}
		v.Num = n
	case Time:
		from, to, zoned, err := period(text)
		if err != nil {
			return v, err
		}
		v.From, v.To, v.Zoned = from, to, zoned
	}
	return v, nil
}

func number(s string) (float64, error) {
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(n) || math.IsInf(n, 0) {
		if len(s) > 0 && strings.ContainsAny(s[len(s)-1:], "smh%") {
			return 0, fmt.Errorf("want a plain number, got %q (units apply to durations only)", s)
		}
		return 0, fmt.Errorf("want a number, got %q", s)
	}
	return n, nil
}

var units = []struct {
	suffix string
	secs   float64
}{{"ms", 0.001}, {"sec", 1}, {"min", 60}, {"s", 1}, {"m", 60}, {"h", 3600}}

// seconds reads a duration: a number of seconds with an optional unit
// (ms, s, m, min, h), or [h:]m:ss.
func seconds(s string) (float64, error) {
	if strings.Contains(s, ":") {
		parts := strings.Split(s, ":")
		if len(parts) <= 3 {
			total, ok := 0.0, true
			for _, part := range parts {
				n, err := strconv.ParseFloat(part, 64)
				if err != nil || n < 0 || part == "" {
					ok = false
					break
				}
				total = total*60 + n
			}
			if ok {
				return total, nil
			}
		}
		return 0, fmt.Errorf("want a duration such as 90s, 1.5m, 2h or 1:30, got %q", s)
	}
	num, mult := s, 1.0
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			num, mult = strings.TrimSuffix(s, u.suffix), u.secs
			break
		}
	}
	n, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsNaN(n) || math.IsInf(n, 0) {
		return 0, fmt.Errorf("want a duration such as 90s, 1.5m, 2h or 1:30, got %q", s)
	}
	return n * mult, nil
}

// period reads a time value as the period it names, [from, to), in UTC;
// zoned says the text had its own offset.
func period(s string) (from, to time.Time, zoned bool, err error) {
	bad := fmt.Errorf("want a date or time such as 2026-11-20, 2026-11, 2026, 2026-W47 or 2026-11-20T10:15, got %q", s)
	var zero time.Time
	switch {
	case len(s) == 4:
		t, err := time.Parse("2006", s)
		if err != nil {
			return zero, zero, false, bad
		}
		return t, t.AddDate(1, 0, 0), false, nil
	case len(s) == 7 && s[4] == '-':
		t, err := time.Parse("2006-01", s)
		if err != nil {
			return zero, zero, false, bad
		}
		return t, t.AddDate(0, 1, 0), false, nil
	case len(s) == 8 && (s[5] == 'W' || s[5] == 'w'):
		y, err1 := strconv.Atoi(s[:4])
		w, err2 := strconv.Atoi(s[6:])
		if err1 != nil || err2 != nil || w < 1 || w > 53 || s[4] != '-' {
			return zero, zero, false, bad
		}
		// ISO week 1 holds January 4th; weeks start on Monday.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+(w-1)*7)
		if _, wk := monday.ISOWeek(); wk != w {
			return zero, zero, false, fmt.Errorf("%d has no ISO week %d", y, w)
		}
		return monday, monday.AddDate(0, 0, 7), false, nil
	case len(s) == 10:
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return zero, zero, false, bad
		}
		return t, t.AddDate(0, 0, 1), false, nil
	}
	norm := strings.Replace(s, " ", "T", 1)
	for _, l := range []struct {
		layout string
		step   time.Duration
		zoned  bool
	}{
		{"2006-01-02T15:04", time.Minute, false},
		{"2006-01-02T15:04:05", time.Second, false},
		{"2006-01-02T15:04Z07:00", time.Minute, true},
		{"2006-01-02T15:04:05Z07:00", time.Second, true},
	} {
		if t, err := time.Parse(l.layout, norm); err == nil {
			return t.UTC(), t.UTC().Add(l.step), l.zoned, nil
		}
	}
	return zero, zero, false, bad
}

// CategoryNames are the categories e names, in order of writing: a caller
// that finds them all known need not parse again with Options.Categories.
func CategoryNames(e Expr) []string {
	var out []string
	var walk func(Expr)
	walk = func(e Expr) {
		switch e := e.(type) {
		case And:
			walk(e.Left)
			walk(e.Right)
		case Or:
			walk(e.Left)
			walk(e.Right)
		case Not:
			walk(e.X)
		case Compare:
			if e.Field.family == "category." {
				out = append(out, e.Key)
			} else if e.Field.Type == Category {
				for _, v := range e.Values {
					out = append(out, v.Str)
				}
			}
		}
	}
	walk(e)
	return out
}
