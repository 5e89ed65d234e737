package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/callscope/callscope/schemas"
)

// supersedeEarlierIDs removes the call that a recording of the batch was
// stored under before with another call_id: a late or fixed sidecar that
// gives the recording a call_id (or another one) makes its new analysis a
// new call, and the analysis made before it arrived must not stay beside
// it under the old id (one call per recording, counted once in reports).
// It returns the calls removed.
//
// Only analyses whose call_id has no rows yet (stored, from storedCalls)
// can have an earlier id: a re-analysis under the same id replaces its
// rows. For those, one lookup of call_status by its primary key (object
// key) finds the ids the recordings were analysed under; the few that
// differ are checked in calls (by its primary key): an id is removed only
// when its newest rows are this recording's and older than the new
// analysis (an id another recording holds now, or a newer analysis
// delivered first, is left). The rows go before the new analysis is
// written: a batch retried after a failure in between finds the old id
// again, never a new call beside an old one that nothing removes.
func supersedeEarlierIDs(ctx context.Context, db DB, kept []schemas.Analysis, stored map[string][]storedMonth) ([]StoredCall, error) {
	byKey := map[string]schemas.Analysis{} // the newest analysis of each recording with a new call_id
	var keys []any
	for _, a := range kept {
		if _, ok := stored[a.CallID]; ok {
			continue
		}
		if prev, ok := byKey[a.ObjectKey]; !ok {
			keys = append(keys, a.ObjectKey)
		} else if RowVersion(prev) > RowVersion(a) {
			continue
		}
		byKey[a.ObjectKey] = a
	}
	earlier := map[string]string{} // old call_id -> its recording
	for lo := 0; lo < len(keys); lo += lookupChunk {
		chunk := keys[lo:min(lo+lookupChunk, len(keys))]
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(chunk)), ", ")
		err := queryPairs(ctx, db, `SELECT DISTINCT object_key, call_id FROM call_status
WHERE object_key IN (`+marks+`) AND state = ? AND call_id != ''`, append(chunk, schemas.StateAnalysed), func(key, id string) {
			if id != byKey[key].CallID {
				earlier[id] = key
			}
		})
		if err != nil {
			return nil, fmt.Errorf("store: look up the recordings' earlier call ids: %w", err)
		}
	}
	if len(earlier) == 0 {
		return nil, nil
	}
	ids := make([]any, 0, len(earlier))
	for id := range earlier {
		ids = append(ids, id)
	}
	var gone []StoredCall
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ")
	rows, err := db.Query(ctx, `SELECT call_id, argMax(object_key, row_version) AS k, max(row_version) AS v
FROM calls WHERE call_id IN (`+marks+`) GROUP BY call_id`, ids...)
	if err != nil {
		return nil, fmt.Errorf("store: look up the recordings' earlier calls: %w", err)
	}
	for rows.Next() {
		var id, key string
		var ver uint64
		if err := rows.Scan(&id, &key, &ver); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: look up the recordings' earlier calls: %w", err)
		}
		if key == earlier[id] && ver < RowVersion(byKey[key]) {
			gone = append(gone, StoredCall{CallID: id, ObjectKey: key})
		}
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("store: look up the recordings' earlier calls: %w", err)
	}
	if len(gone) == 0 {
		return nil, nil
	}
	goneIDs := make([]string, len(gone))
	for i, c := range gone {
		goneIDs[i] = c.CallID
	}
	if err := deleteCallRows(ctx, db, goneIDs); err != nil {
		return nil, fmt.Errorf("store: remove the calls superseded under a new call_id: %w", err)
	}
	return gone, nil
}

// queryPairs runs a query of two string columns and hands each row to f.
func queryPairs(ctx context.Context, db DB, q string, args []any, f func(a, b string)) error {
	rows, err := db.Query(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var a, b string
		if err := rows.Scan(&a, &b); err != nil {
			return err
		}
		f(a, b)
	}
	return rows.Err()
}
