package report

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/callscope/callscope/store"
)

// MeasureNames lists the measures that take no argument.
func MeasureNames() []string { return simpleMeasureNames() }

// FieldValue is a value of a field and how many calls have it.
type FieldValue struct {
	Value string `json:"value"`
	Label string `json:"label,omitempty"`
	Calls uint64 `json:"calls"`
}

// valueFields are the fields FieldValues lists, with their SQL over calls
// and, for the operator, the name beside the id.
var valueFields = map[string][2]string{
	"operator":   {"operator_id", "any(operator_name)"},
	"department": {"department", ""},
	"queue":      {"queue", ""},
	"direction":  {"direction", ""},
	"language":   {"language", ""},
	"category":   {"arrayJoin(category_names)", ""},
}

// ValueFields lists the fields of FieldValues.
func ValueFields() []string {
	return []string{"operator", "department", "queue", "direction", "language", "category"}
}

// FieldValues lists the most frequent values of a field starting with
// prefix (case-insensitive), in the scope of ctx, for autocomplete. It
// counts every stored analysis row, not only the latest: an estimate
// that needs no FINAL over the archive.
func FieldValues(ctx context.Context, db store.Querier, field, prefix string, limit int) ([]FieldValue, error) {
	f, ok := valueFields[field]
	if !ok {
		return nil, paramErr("field", "--field: want one of operator, department, queue, direction, language, category, got %q", field)
	}
	if limit <= 0 || limit > 1000 {
		limit = 100
	}
	where, args := andScope(ctx, "1 = 1", nil)
	having := ""
	if prefix != "" {
		having = "\nHAVING lowerUTF8(v) LIKE concat(lowerUTF8(?), '%')"
		args = append(args, strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(prefix))
	}
	label := "''"
	if f[1] != "" {
		label = f[1]
	}
	query := "SELECT toString(" + f[0] + ") AS v, toString(" + label + ") AS l, toUInt64(count()) AS n FROM calls WHERE " + where +
		"\nGROUP BY v" + having + "\nORDER BY n DESC, v\nLIMIT " + strconv.Itoa(limit)
	rows, err := db.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("report: values of %s: %w", field, err)
	}
	defer rows.Close()
	out := []FieldValue{}
	for rows.Next() {
		var v FieldValue
		if err := rows.Scan(&v.Value, &v.Label, &v.Calls); err != nil {
			return nil, fmt.Errorf("report: values of %s: %w", field, err)
		}
		if v.Value != "" {
			out = append(out, v)
		}
	}
	return out, rows.Err()
}
