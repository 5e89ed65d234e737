package store

import (
	"database/sql/driver"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// bind replaces each ? placeholder of query (outside string literals,
// quoted identifiers and comments) with the ClickHouse literal of the next
// argument. It is the chDB backend's binder; clickhouse-go binds the same
// way for the network backend.
func bind(query string, args ...any) (string, error) {
	if len(args) == 0 && !strings.Contains(query, "?") {
		return query, nil
	}
	var b strings.Builder
	b.Grow(len(query) + 16*len(args))
	n := 0
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case c == '\'' || c == '"' || c == '`':
			j := skipQuoted(query, i)
			b.WriteString(query[i:j])
			i = j - 1
		case c == '-' && i+1 < len(query) && query[i+1] == '-':
			j := strings.IndexByte(query[i:], '\n')
			if j < 0 {
				j = len(query) - i
			}
			b.WriteString(query[i : i+j])
			i += j - 1
		case c == '/' && i+1 < len(query) && query[i+1] == '*':
			j := strings.Index(query[i+2:], "*/")
			end := len(query)
			if j >= 0 {
				end = i + 2 + j + 2
			}
			b.WriteString(query[i:end])
			i = end - 1
		case c == '?':
			if n >= len(args) {
				return "", fmt.Errorf("store: bind: query has more ? than the %d arguments", len(args))
			}
			lit, err := literal(args[n])
			if err != nil {
				return "", fmt.Errorf("store: bind argument %d: %w", n+1, err)
			}
			b.WriteString(lit)
			n++
		default:
			b.WriteByte(c)
		}
	}
	if n != len(args) {
		return "", fmt.Errorf("store: bind: %d arguments for %d placeholders", len(args), n)
	}
	return b.String(), nil
}

// skipQuoted returns the index just past the quoted text starting at i.
// Backslash escapes and doubled quotes are honoured.
func skipQuoted(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case q:
			if j+1 < len(s) && s[j+1] == q {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(s)
}

var quoteReplacer = strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\x00", `\0`)

// quote is the ClickHouse string literal of s.
func quote(s string) string { return "'" + quoteReplacer.Replace(s) + "'" }

// literal is the ClickHouse SQL literal of v.
func literal(v any) (string, error) {
	if val, ok := v.(driver.Valuer); ok {
		var err error
		if v, err = val.Value(); err != nil {
			return "", err
		}
	}
	switch x := v.(type) {
	case nil:
		return "NULL", nil
	case string:
		return quote(x), nil
	case []byte:
		return quote(string(x)), nil
	case bool:
		if x {
			return "1", nil
		}
		return "0", nil
	case time.Time:
		// Seconds since the epoch: the same instant whatever the server's
		// time zone.
		return "toDateTime(" + strconv.FormatInt(x.Unix(), 10) + ")", nil
	case float32:
		return floatLit(float64(x)), nil
	case float64:
		return floatLit(x), nil
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(rv.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(rv.Uint(), 10), nil
	case reflect.String:
		return quote(rv.String()), nil
	case reflect.Pointer:
		if rv.IsNil() {
			return "NULL", nil
		}
		return literal(rv.Elem().Interface())
	case reflect.Slice, reflect.Array:
		parts := make([]string, rv.Len())
		for i := range parts {
			p, err := literal(rv.Index(i).Interface())
			if err != nil {
				return "", err
			}
			parts[i] = p
		}
		return "[" + strings.Join(parts, ", ") + "]", nil
	}
	return "", fmt.Errorf("no ClickHouse literal for %T", v)
}

func floatLit(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if strings.HasPrefix(s, "-") {
		return "(" + s + ")"
	}
	return s
}
