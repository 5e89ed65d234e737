// Package report runs callscope's slice reports over the store and prints
// them as an aligned text table, CSV, JSON or Markdown; it also holds the
// saved report definitions and periods, the drill-down queries (the calls
// behind a number, one call's card, search) and the use cases the CLI and
// the HTTP API share (Run, Calls, Show, Search).
//
// Every query reads only the latest analysis of each call (calls FINAL,
// filters applied after it), so re-analysed or redelivered calls count once,
// and stays inside the SQL that both chDB and ClickHouse 18.16 accept.
// Slice is the general report (any dimensions, measures, filter, period
// and comparison); ByOperator is the fixed per-operator summary `run`
// prints.
package report

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/callscope/callscope/store"
)

// Categories the operator report counts, as named in dictionaries/.
const (
	CategoryComplaint     = "complaint"
	CategoryRepeatContact = "repeat_contact"
	CategoryIncompetence  = "incompetence"
)

// Options selects the calls of a report.
type Options struct {
	// From and To bound the call start time: From <= started_at < To. A zero
	// bound is open. Calls whose start time is unknown are stored at the
	// epoch, so only an open From includes them.
	From, To time.Time
	// Department and Queue, when set, keep only calls of that department or
	// queue.
	Department string
	Queue      string
}

// OperatorRow is one operator's line of the report. Times are seconds.
type OperatorRow struct {
	OperatorID     string  `json:"operator_id"`
	OperatorName   string  `json:"operator_name"`
	Department     string  `json:"department"`
	Calls          uint64  `json:"calls"`
	Complaints     uint64  `json:"complaint_calls"`
	RepeatContacts uint64  `json:"repeat_contact_calls"`
	Incompetence   uint64  `json:"incompetence_calls"`
	AvgTalk        float64 `json:"avg_talk_seconds"`
	AvgDuration    float64 `json:"avg_duration_seconds"`
}

// ByOperator counts, per operator, the calls in the slice and those with at
// least one complaint, repeat-contact or incompetence hit, with average talk
// time (both sides) and average duration. Rows are ordered by operator id;
// calls without an operator id form one row with an empty id. An operator's
// name and department are those of their latest call.
func ByOperator(ctx context.Context, db store.Querier, o Options) ([]OperatorRow, error) {
	var conds []string
	var args []any
	args = append(args, CategoryComplaint, CategoryRepeatContact, CategoryIncompetence)
	if !o.From.IsZero() {
		conds = append(conds, "started_at >= ?")
		args = append(args, o.From)
	}
	if !o.To.IsZero() {
		conds = append(conds, "started_at < ?")
		args = append(args, o.To)
	}
	if o.Department != "" {
		conds = append(conds, "department = ?")
		args = append(args, o.Department)
	}
	if o.Queue != "" {
		conds = append(conds, "queue = ?")
		args = append(args, o.Queue)
	}
	where := ""
	if len(conds) > 0 {
		where = "WHERE " + strings.Join(conds, " AND ")
	}
	// FINAL keeps each call's latest analysis; the filters apply after it,
	// so an older version can never slip into the slice.
	query := `SELECT toString(operator_id) AS op_id, toString(argMax(operator_name, started_at)),
       toString(argMax(department, started_at)),
       toUInt64(count()), toUInt64(countIf(has(category_names, ?))), toUInt64(countIf(has(category_names, ?))),
       toUInt64(countIf(has(category_names, ?))), toFloat64(avg(total_talk)), toFloat64(avg(duration))
FROM calls FINAL
` + where + `
GROUP BY op_id
ORDER BY op_id`
	rows, err := db.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("report: by operator: %w", err)
	}
	defer rows.Close()
	var out []OperatorRow
	for rows.Next() {
		var r OperatorRow
		if err := rows.Scan(&r.OperatorID, &r.OperatorName, &r.Department, &r.Calls,
			&r.Complaints, &r.RepeatContacts, &r.Incompetence, &r.AvgTalk, &r.AvgDuration); err != nil {
			return nil, fmt.Errorf("report: by operator: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("report: by operator: %w", err)
	}
	return out, nil
}

// Total sums rows into one: counts add up, averages are weighted by calls.
func Total(rows []OperatorRow) OperatorRow {
	t := OperatorRow{OperatorID: "total"}
	var talk, dur float64
	for _, r := range rows {
		t.Calls += r.Calls
		t.Complaints += r.Complaints
		t.RepeatContacts += r.RepeatContacts
		t.Incompetence += r.Incompetence
		talk += r.AvgTalk * float64(r.Calls)
		dur += r.AvgDuration * float64(r.Calls)
	}
	if t.Calls > 0 {
		t.AvgTalk, t.AvgDuration = talk/float64(t.Calls), dur/float64(t.Calls)
	}
	return t
}
