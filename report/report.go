// Package report runs callscope's slice reports over the store and prints
// them as an aligned text table, CSV or JSON.
//
// Every query reads only the latest analysis of each call (argMax over the
// row version), so re-analysed or redelivered calls count once, and stays
// inside the SQL that both chDB and ClickHouse 18.16 accept.
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
func ByOperator(ctx context.Context, db store.DB, o Options) ([]OperatorRow, error) {
	var having []string
	var args []any
	args = append(args, CategoryComplaint, CategoryRepeatContact, CategoryIncompetence)
	if !o.From.IsZero() {
		having = append(having, "started >= ?")
		args = append(args, o.From)
	}
	if !o.To.IsZero() {
		having = append(having, "started < ?")
		args = append(args, o.To)
	}
	if o.Department != "" {
		having = append(having, "dept = ?")
		args = append(args, o.Department)
	}
	if o.Queue != "" {
		having = append(having, "q = ?")
		args = append(args, o.Queue)
	}
	cond := ""
	if len(having) > 0 {
		cond = "HAVING " + strings.Join(having, " AND ")
	}
	// The inner query picks each call's latest analysis; filters apply to
	// that analysis, so an older version can never slip into the slice.
	query := `SELECT op_id, argMax(op_name, started), argMax(dept, started),
       toUInt64(count()), toUInt64(sum(c1)), toUInt64(sum(c2)), toUInt64(sum(c3)),
       toFloat64(avg(talk)), toFloat64(avg(dur))
FROM (
    SELECT call_id,
           argMax(operator_id, row_version)   AS op_id,
           argMax(operator_name, row_version) AS op_name,
           argMax(department, row_version)    AS dept,
           argMax(queue, row_version)         AS q,
           argMax(started_at, row_version)    AS started,
           argMax(has(category_names, ?), row_version) AS c1,
           argMax(has(category_names, ?), row_version) AS c2,
           argMax(has(category_names, ?), row_version) AS c3,
           argMax(total_talk, row_version)    AS talk,
           argMax(duration, row_version)      AS dur
    FROM calls
    GROUP BY call_id
    ` + cond + `
)
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
