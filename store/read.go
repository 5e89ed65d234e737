package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/callscope/callscope/schemas"
)

// latestStatusSQL is the latest status of each object key (highest at_ns).
// Aliases differ from column names: 18.16 would resolve a same-named alias
// inside the aggregate. The inputs are the latest recorded ones: an
// analysis that records none (reprocess --stage analyze reads the stored
// metadata and transcript, not the bucket's) was made from those.
const latestStatusSQL = `SELECT object_key,
       argMax(etag, at_ns) AS l_etag, argMax(call_id, at_ns) AS l_call_id,
       argMax(stage, at_ns) AS l_stage, argMax(state, at_ns) AS l_state,
       argMax(error, at_ns) AS l_error, argMax(attempts, at_ns) AS l_attempts,
       max(at_ns) AS l_at_ns,
       argMaxIf(sidecar_etag, at_ns, sidecar_etag != '') AS l_sidecar_etag,
       argMaxIf(transcript_etag, at_ns, transcript_etag != '') AS l_transcript_etag
FROM call_status`

// LatestStatuses returns the latest status of every recording, by object
// key. At keeps nanosecond precision.
func LatestStatuses(ctx context.Context, db DB) (map[string]schemas.Status, error) {
	return queryStatuses(ctx, db, latestStatusSQL+" GROUP BY object_key")
}

// Statuses returns the latest status of each of keys that has one.
func Statuses(ctx context.Context, db DB, keys []string) (map[string]schemas.Status, error) {
	if len(keys) == 0 {
		return map[string]schemas.Status{}, nil
	}
	return queryStatuses(ctx, db, latestStatusSQL+" WHERE has(?, object_key) GROUP BY object_key", keys)
}

// Failures returns the recordings whose latest status is failed, by object
// key, with the stage and reason.
func Failures(ctx context.Context, db DB) ([]schemas.Status, error) {
	m, err := queryStatuses(ctx, db, `SELECT * FROM (`+latestStatusSQL+` GROUP BY object_key) WHERE l_state = ?`, schemas.StateFailed)
	if err != nil {
		return nil, err
	}
	out := make([]schemas.Status, 0, len(m))
	for _, s := range m {
		out = append(out, s)
	}
	sortStatuses(out)
	return out, nil
}

// FailureReason counts recordings that failed at one stage with one error.
type FailureReason struct {
	Stage string `json:"stage"`
	Error string `json:"error"`
	Calls uint64 `json:"calls"`
}

// failedWhere selects, from the latest statuses (latestStatusSQL grouped by
// object_key), the recordings whose latest status is a failure at or after
// from and before to (either zero: unbounded): what FailureReasons counts
// and reprocess --status failed queues (selectFailed, SelectionSize).
func failedWhere(from, to time.Time) (string, []any) {
	conds, args := []string{"l_state = ?"}, []any{schemas.StateFailed}
	if !from.IsZero() {
		conds, args = append(conds, "l_at_ns >= ?"), append(args, uint64(from.UnixNano()))
	}
	if !to.IsZero() {
		conds, args = append(conds, "l_at_ns < ?"), append(args, uint64(to.UnixNano()))
	}
	return strings.Join(conds, " AND "), args
}

// FailureReasons groups the failed recordings by stage and error, most
// frequent first: those whose failure is at or after from and before to
// (either zero: unbounded), as reprocess --status failed selects them.
func FailureReasons(ctx context.Context, db DB, from, to time.Time) ([]FailureReason, error) {
	where, args := failedWhere(from, to)
	return QueryAll(ctx, db, "store: failure reasons", func(r *FailureReason) []any { return []any{&r.Stage, &r.Error, &r.Calls} },
		`SELECT l_stage, l_error, toUInt64(count()) AS n FROM (`+latestStatusSQL+` GROUP BY object_key)
WHERE `+where+` GROUP BY l_stage, l_error ORDER BY n DESC, l_stage, l_error`, args...)
}

func queryStatuses(ctx context.Context, db DB, query string, args ...any) (map[string]schemas.Status, error) {
	rows, err := db.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: read statuses: %w", err)
	}
	defer rows.Close()
	out := map[string]schemas.Status{}
	for rows.Next() {
		var s schemas.Status
		var attempts uint32
		var atNS uint64
		if err := rows.Scan(&s.ObjectKey, &s.ETag, &s.CallID, &s.Stage, &s.State, &s.Error, &attempts, &atNS, &s.Inputs.Sidecar, &s.Inputs.Transcript); err != nil {
			return nil, fmt.Errorf("store: read statuses: %w", err)
		}
		s.Attempts = int(attempts)
		s.At = time.Unix(0, int64(atNS)).UTC()
		out[s.ObjectKey] = s
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: read statuses: %w", err)
	}
	return out, nil
}

// CallHits returns the hits of a call's latest analysis, in the order the
// analysis listed them: why the call was flagged.
func CallHits(ctx context.Context, db Querier, callID string) ([]schemas.Hit, error) {
	return QueryAll(ctx, db, "store: hits of call "+callID,
		func(h *schemas.Hit) []any {
			return []any{&h.Category, &h.PhraseID, &h.Channel, &h.Start, &h.End, &h.Text}
		},
		`SELECT category, phrase_id, channel, start_sec, end_sec, text
FROM hits FINAL
WHERE call_id = ? AND row_version = (SELECT max(row_version) FROM calls WHERE call_id = ?)
ORDER BY hit_index`, callID, callID)
}

// TableSize is a table's rows and compressed bytes on disk (active parts).
type TableSize struct {
	Table string
	Rows  uint64
	Bytes uint64
}

// TableSizes lists the tables of the current database with their size on
// disk, largest first.
func TableSizes(ctx context.Context, db DB) ([]TableSize, error) {
	return QueryAll(ctx, db, "store: table sizes", func(s *TableSize) []any { return []any{&s.Table, &s.Rows, &s.Bytes} },
		`SELECT table, toUInt64(sum(rows)), toUInt64(sum(bytes_on_disk))
FROM system.parts WHERE database = currentDatabase() AND active
GROUP BY table ORDER BY sum(bytes_on_disk) DESC`)
}
