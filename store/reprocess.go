package store

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/callscope/callscope/schemas"
)

// Selection chooses archived calls for reprocessing. Zero fields select
// everything; set fields combine with AND; a list matches any of its values.
type Selection struct {
	// From and To bound the call's start time (From inclusive, To
	// exclusive); with Failed, the time of the failure.
	From, To    time.Time
	Operators   []string
	Departments []string
	// Categories selects calls with at least one hit in any of them.
	Categories []string
	// DictionaryVersion selects calls whose latest analysis used it;
	// StaleDictionary those whose latest analysis used any other.
	DictionaryVersion string
	StaleDictionary   string
	// Where is a condition on the latest analysis of each call (a row of
	// `calls FINAL`), as report/filter compiles a --filter expression,
	// with its ? arguments in WhereArgs; empty selects every call.
	Where     string
	WhereArgs []any
	// Failed selects recordings whose latest status is failed (from
	// call_status) instead of analysed calls; only From/To apply then.
	Failed bool
}

// ErrSelection is wrapped by errors about a selection that cannot be made.
var ErrSelection = fmt.Errorf("store: bad selection")

// Check reports a selection that mixes failed recordings with filters that
// only analysed calls have.
func (s Selection) Check() error {
	if s.Failed && (len(s.Operators) > 0 || len(s.Departments) > 0 || len(s.Categories) > 0 || s.DictionaryVersion != "" || s.StaleDictionary != "" || s.Where != "") {
		return fmt.Errorf("%w: failed recordings have no analysis: only the period applies to them, not operator, department, category, dictionary or filter", ErrSelection)
	}
	return nil
}

// CallRef is one selected call: enough to queue it again. Meta is rebuilt
// from the latest analysis row (nil for a failed recording, which has none):
// the stored columns, not the sidecar. Every metadata field an analysis
// reads is stored (holds and the channel map since migration 0008), so an
// unchanged call analysed again from Meta gets the same result.
type CallRef struct {
	CallID    string
	ObjectKey string
	ETag      string
	Duration  float64 // seconds; 0 when unknown
	Meta      *schemas.Metadata
}

// latestCallsSQL keeps each call's latest analysis (argMax by
// row_version, the same rule as the reports). Nullable columns go through
// ifNull(..., nan) so that the aggregate does not skip NULLs (18.16 applies
// the -Null combinator) and an unknown value stays unknown.
const latestCallsSQL = `SELECT call_id,
    argMax(object_key, row_version) AS l_key, argMax(etag, row_version) AS l_etag,
    argMax(started_at, row_version) AS l_started, argMax(direction, row_version) AS l_direction,
    argMax(language, row_version) AS l_language, argMax(operator_id, row_version) AS l_op,
    argMax(operator_name, row_version) AS l_op_name, argMax(department, row_version) AS l_dep,
    argMax(queue, row_version) AS l_queue, argMax(client_hash, row_version) AS l_client,
    argMax(ifNull(wait_seconds, nan), row_version) AS l_wait,
    argMax(ifNull(toFloat64(transfers), nan), row_version) AS l_transfers,
    argMax(ifNull(csat_score, nan), row_version) AS l_csat_score,
    argMax(ifNull(csat_scale, nan), row_version) AS l_csat_scale,
    argMax(tag_keys, row_version) AS l_tag_keys, argMax(tag_values, row_version) AS l_tag_values,
    argMax(duration, row_version) AS l_duration, argMax(dictionary_version, row_version) AS l_dict,
    argMax(category_names, row_version) AS l_cats,
    argMax(hold_starts, row_version) AS l_hold_starts, argMax(hold_ends, row_version) AS l_hold_ends,
    argMax(channel_keys, row_version) AS l_chan_keys, argMax(channel_roles, row_version) AS l_chan_roles
FROM calls WHERE call_id > ? GROUP BY call_id`

// where builds the outer filter of a selection of analysed calls.
func (s Selection) where() (string, []any) {
	conds := []string{"1"}
	var args []any
	if !s.From.IsZero() {
		conds = append(conds, "l_started >= ?")
		args = append(args, s.From.UTC())
	}
	if !s.To.IsZero() {
		conds = append(conds, "l_started < ?")
		args = append(args, s.To.UTC())
	}
	if len(s.Operators) > 0 {
		conds = append(conds, "has(?, l_op)")
		args = append(args, s.Operators)
	}
	if len(s.Departments) > 0 {
		conds = append(conds, "has(?, l_dep)")
		args = append(args, s.Departments)
	}
	if len(s.Categories) > 0 {
		conds = append(conds, "hasAny(l_cats, ?)")
		args = append(args, s.Categories)
	}
	if s.DictionaryVersion != "" {
		conds = append(conds, "l_dict = ?")
		args = append(args, s.DictionaryVersion)
	}
	if s.StaleDictionary != "" {
		conds = append(conds, "l_dict != ?")
		args = append(args, s.StaleDictionary)
	}
	if s.Where != "" {
		conds = append(conds, "call_id IN (SELECT call_id FROM calls FINAL WHERE "+s.Where+")")
		args = append(args, s.WhereArgs...)
	}
	return strings.Join(conds, " AND "), args
}

// SelectCalls returns up to limit selected calls whose cursor (call id; the
// object key for failed recordings) is greater than after, in cursor order:
// page through a selection by passing the last cursor of a page. The cursor
// is stable, so an interrupted run resumes where it stopped.
func SelectCalls(ctx context.Context, db DB, sel Selection, after string, limit int) ([]CallRef, error) {
	if err := sel.Check(); err != nil {
		return nil, err
	}
	if sel.Failed {
		return selectFailed(ctx, db, sel, after, limit)
	}
	where, args := sel.where()
	q := `SELECT call_id, l_key, l_etag, l_started, l_direction, l_language, l_op, l_op_name, l_dep, l_queue,
    l_client, l_wait, l_transfers, l_csat_score, l_csat_scale, l_tag_keys, l_tag_values, l_duration,
    l_hold_starts, l_hold_ends, l_chan_keys, l_chan_roles
FROM (` + latestCallsSQL + `) WHERE ` + where + ` ORDER BY call_id LIMIT ?`
	rows, err := db.Query(ctx, q, append(append([]any{after}, args...), limit)...)
	if err != nil {
		return nil, fmt.Errorf("store: select calls: %w", err)
	}
	defer rows.Close()
	var out []CallRef
	for rows.Next() {
		var r CallRef
		var m schemas.Metadata
		var started time.Time
		var wait, transfers, csatScore, csatScale float64
		var tagKeys, tagValues, chanKeys, chanRoles []string
		var holdStarts, holdEnds []float64
		if err := rows.Scan(&r.CallID, &r.ObjectKey, &r.ETag, &started, &m.Direction, &m.Language,
			&m.Operator.ID, &m.Operator.Name, &m.Operator.Department, &m.Queue, &m.Client.IDHash,
			&wait, &transfers, &csatScore, &csatScale, &tagKeys, &tagValues, &r.Duration,
			&holdStarts, &holdEnds, &chanKeys, &chanRoles); err != nil {
			return nil, fmt.Errorf("store: select calls: %w", err)
		}
		m.CallID = r.CallID
		if started.Unix() > 0 {
			m.StartedAt = started.UTC()
		}
		if !math.IsNaN(wait) {
			m.WaitSeconds = &wait
		}
		if !math.IsNaN(transfers) {
			t := int(transfers)
			m.Transfers = &t
		}
		if !math.IsNaN(csatScore) && !math.IsNaN(csatScale) {
			m.CSAT = &schemas.CSAT{Score: csatScore, Scale: csatScale}
		}
		if len(tagKeys) > 0 && len(tagKeys) == len(tagValues) {
			m.Tags = make(map[string]string, len(tagKeys))
			for i, k := range tagKeys {
				m.Tags[k] = tagValues[i]
			}
		}
		if len(holdStarts) > 0 && len(holdStarts) == len(holdEnds) {
			m.Holds = make([]schemas.Interval, len(holdStarts))
			for i := range holdStarts {
				m.Holds[i] = schemas.Interval{Start: holdStarts[i], End: holdEnds[i]}
			}
		}
		if len(chanKeys) > 0 && len(chanKeys) == len(chanRoles) {
			m.Channels = make(map[string]string, len(chanKeys))
			for i, k := range chanKeys {
				m.Channels[k] = chanRoles[i]
			}
		}
		r.Meta = &m
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: select calls: %w", err)
	}
	return out, nil
}

func selectFailed(ctx context.Context, db DB, sel Selection, after string, limit int) ([]CallRef, error) {
	where, args := failedWhere(sel.From, sel.To)
	q := `SELECT object_key, l_etag, l_call_id FROM (` + latestStatusSQL + ` GROUP BY object_key)
WHERE ` + where + ` AND object_key > ? ORDER BY object_key LIMIT ?`
	return QueryAll(ctx, db, "store: select failed recordings", func(r *CallRef) []any { return []any{&r.ObjectKey, &r.ETag, &r.CallID} },
		q, append(args, after, limit)...)
}

// SelectionSize counts the selected calls and their total audio duration in
// seconds (0 for failed recordings, whose duration is unknown).
func SelectionSize(ctx context.Context, db DB, sel Selection) (calls uint64, seconds float64, err error) {
	if err := sel.Check(); err != nil {
		return 0, 0, err
	}
	var q string
	var args []any
	if sel.Failed {
		var where string
		where, args = failedWhere(sel.From, sel.To)
		q = `SELECT toUInt64(count()) AS n, toFloat64(0) AS d FROM (` + latestStatusSQL + ` GROUP BY object_key) WHERE ` + where
	} else {
		where, wargs := sel.where()
		q = `SELECT toUInt64(count()) AS n, toFloat64(sum(l_duration)) AS d FROM (` + latestCallsSQL + `) WHERE ` + where
		args = append([]any{""}, wargs...)
	}
	if err := QueryRow(ctx, db, []any{&calls, &seconds}, q, args...); err != nil {
		return 0, 0, fmt.Errorf("store: count selection: %w", err)
	}
	return calls, seconds, nil
}

// FinishedSince counts the recordings that reached a final
// state (analysed or failed) at or after since: how much of a reprocessing
// run is done.
func FinishedSince(ctx context.Context, db DB, since time.Time) (analysed, failed uint64, err error) {
	err = QueryRow(ctx, db, []any{&analysed, &failed}, `SELECT toUInt64(uniqExactIf(object_key, state = ?)) AS a, toUInt64(uniqExactIf(object_key, state = ?)) AS f
FROM call_status WHERE at_ns >= ?`, schemas.StateAnalysed, schemas.StateFailed, uint64(since.UnixNano()))
	if err != nil {
		return 0, 0, fmt.Errorf("store: count finished calls: %w", err)
	}
	return analysed, failed, nil
}
