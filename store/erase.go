package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// StoredCall names a stored call: its id, its recording's key in the calls
// bucket and its start.
type StoredCall struct {
	CallID    string
	ObjectKey string
	StartedAt time.Time
}

// ClientCalls lists every call of a client (by the keyed hashes ingest
// stores: one per way the number was written), whatever its analysis
// version, ordered by call id.
func ClientCalls(ctx context.Context, db DB, clientHashes []string) ([]StoredCall, error) {
	if len(clientHashes) == 0 || slices.Contains(clientHashes, "") {
		return nil, fmt.Errorf("store: client calls: empty client hash")
	}
	return callRefs(ctx, db, "SELECT call_id, object_key, min(started_at) FROM calls WHERE has(?, client_hash) GROUP BY call_id, object_key ORDER BY call_id", clientHashes)
}

// CallsStartedBefore lists up to limit calls that started before t, oldest
// first: a retention run's next batch.
func CallsStartedBefore(ctx context.Context, db DB, t time.Time, limit int) ([]StoredCall, error) {
	return callRefs(ctx, db, "SELECT call_id, object_key, min(started_at) AS s FROM calls WHERE started_at < ? GROUP BY call_id, object_key ORDER BY s, call_id LIMIT ?", t.UTC(), limit)
}

func callRefs(ctx context.Context, db DB, q string, args ...any) ([]StoredCall, error) {
	return QueryAll(ctx, db, "store: find calls", func(r *StoredCall) []any { return []any{&r.CallID, &r.ObjectKey, &r.StartedAt} }, q, args...)
}

// callTables are the tables that hold a call's data, with the condition
// that selects its rows from the call ids (first ?) and recording keys
// (second ?).
var callTables = []struct{ table, where string }{
	{"calls", "has(?, call_id)"},
	{"hits", "has(?, call_id)"},
	{"criteria", "has(?, call_id)"},
	{"segments", "has(?, call_id)"},
	{"call_status", "has(?, call_id) OR has(?, object_key)"},
}

// CallTables lists the tables a call's data is in (what DeleteCalls and
// CountCallRows cover).
func CallTables() []string {
	var out []string
	for _, t := range callTables {
		out = append(out, t.table)
	}
	return out
}

func refArgs(where string, refs []StoredCall) []any {
	ids := make([]string, len(refs))
	keys := make([]string, 0, len(refs))
	for i, r := range refs {
		ids[i] = r.CallID
		if r.ObjectKey != "" {
			keys = append(keys, r.ObjectKey)
		}
	}
	if where == "has(?, call_id)" {
		return []any{ids}
	}
	return []any{ids, keys}
}

// CountCallRows counts the rows of refs in each table: what DeleteCalls
// would remove.
func CountCallRows(ctx context.Context, db DB, refs []StoredCall) (map[string]uint64, error) {
	out := map[string]uint64{}
	if len(refs) == 0 {
		return out, nil
	}
	for _, t := range callTables {
		n, err := count(ctx, db, "SELECT count() FROM "+t.table+" WHERE "+t.where, refArgs(t.where, refs)...)
		if err != nil {
			return nil, fmt.Errorf("store: count %s rows: %w", t.table, err)
		}
		out[t.table] = n
	}
	return out, nil
}

func count(ctx context.Context, db Querier, q string, args ...any) (uint64, error) {
	var n uint64
	err := QueryRow(ctx, db, []any{&n}, q, args...)
	return n, err
}

// DeleteCalls removes every row of refs from every table (all analysis
// versions, hits, criteria, transcript segments and their search terms,
// processing statuses) and waits until the server has applied the
// deletion. It returns the rows removed per table. Running it again on
// the same calls removes nothing more and is harmless.
func DeleteCalls(ctx context.Context, db DB, refs []StoredCall) (map[string]uint64, error) {
	counts, err := CountCallRows(ctx, db, refs)
	if err != nil || len(refs) == 0 {
		return counts, err
	}
	for _, t := range callTables {
		if counts[t.table] == 0 {
			continue
		}
		if err := mutate(ctx, db, t.table, "ALTER TABLE "+t.table+" DELETE WHERE "+t.where, refArgs(t.where, refs)...); err != nil {
			return nil, fmt.Errorf("store: delete from %s: %w", t.table, err)
		}
	}
	return counts, nil
}

// deleteCallRows removes every analysis of the calls ids (their rows in
// every table but call_status: the recordings' processing history stays)
// and waits until the server has applied it.
func deleteCallRows(ctx context.Context, db DB, ids []string) error {
	refs := make([]StoredCall, len(ids))
	for i, id := range ids {
		refs[i] = StoredCall{CallID: id}
	}
	for _, t := range callTables {
		if t.table == "call_status" {
			continue
		}
		args := refArgs(t.where, refs)
		n, err := count(ctx, db, "SELECT count() FROM "+t.table+" WHERE "+t.where, args...)
		if err != nil {
			return fmt.Errorf("count %s rows: %w", t.table, err)
		}
		if n == 0 {
			continue
		}
		if err := mutate(ctx, db, t.table, "ALTER TABLE "+t.table+" DELETE WHERE "+t.where, args...); err != nil {
			return fmt.Errorf("delete from %s: %w", t.table, err)
		}
	}
	return nil
}

// DeleteFirstContact forgets when a client first called (first_contacts),
// so a later call of the same number counts as a first contact.
func DeleteFirstContact(ctx context.Context, db DB, clientHashes []string) error {
	n, err := count(ctx, db, "SELECT count() FROM first_contacts WHERE has(arrayMap(h -> cityHash64(h), ?), client_key)", clientHashes)
	if err != nil || n == 0 {
		return err
	}
	if err := mutate(ctx, db, "first_contacts", "ALTER TABLE first_contacts DELETE WHERE has(arrayMap(h -> cityHash64(h), ?), client_key)", clientHashes); err != nil {
		return fmt.Errorf("store: delete from first_contacts: %w", err)
	}
	return nil
}

// mutateWait is how long mutate waits for a server's mutations (a test
// shortens it).
var mutateWait = 10 * time.Minute

// mutate runs an ALTER ... DELETE and waits for it: the embedded engine
// waits in the statement; a server applies mutations in the background,
// so the table's unfinished mutations are polled until none is left. Its
// own is not told apart from the others (a server's command text is its
// own rewriting of ours), so one stuck mutation of the table, ours or
// not, holds it: the error after mutateWait names the stuck ones, for an
// operator to fix or kill.
func mutate(ctx context.Context, db DB, table, q string, args ...any) error {
	if db.Backend() == BackendChDB {
		return db.Exec(ctx, q+" SETTINGS mutations_sync = 2", args...)
	}
	if err := db.Exec(ctx, q, args...); err != nil {
		return err
	}
	deadline := time.Now().Add(mutateWait)
	for {
		n, err := count(ctx, db, "SELECT count() FROM system.mutations WHERE database = currentDatabase() AND table = ? AND is_done = 0", table)
		if err != nil {
			return fmt.Errorf("wait for the deletion: %w", err)
		}
		if n == 0 {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("wait for the deletion: %d mutations of %s still running after %s (%s)", n, table, mutateWait, stuckMutations(ctx, db, table))
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// stuckMutations describes the unfinished mutations of table, the oldest
// first (three at most): its id in system.mutations (which KILL MUTATION
// takes on servers newer than 18.16), its command, and why its last
// attempt failed, on servers whose system.mutations has latest_fail_reason
// (18.16 has not: there the server's log says why).
func stuckMutations(ctx context.Context, db DB, table string) string {
	const limit = 3
	reason := "''"
	has, err := count(ctx, db, "SELECT count() FROM system.columns WHERE database = 'system' AND table = 'mutations' AND name = 'latest_fail_reason'")
	if err != nil {
		return "system.mutations unreadable: " + err.Error()
	}
	if has > 0 {
		reason = "latest_fail_reason"
	}
	rows, err := db.Query(ctx, `SELECT mutation_id, command, `+reason+` FROM system.mutations
WHERE database = currentDatabase() AND table = ? AND is_done = 0 ORDER BY create_time, mutation_id LIMIT `+fmt.Sprint(limit), table)
	if err != nil {
		return "system.mutations unreadable: " + err.Error()
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id, command, fail string
		if err := rows.Scan(&id, &command, &fail); err != nil {
			return "system.mutations unreadable: " + err.Error()
		}
		m := fmt.Sprintf("mutation_id %q: %s", id, command)
		switch {
		case fail != "":
			m += "; last failure: " + fail
		case has == 0:
			m += "; no failure recorded by this server version (see its log)"
		default:
			m += "; no failure recorded: it waits for a merge (merges stopped? SYSTEM START MERGES)"
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return "system.mutations unreadable: " + err.Error()
	}
	if len(out) == 0 {
		return "none left now"
	}
	return "oldest first: " + strings.Join(out, " | ")
}

// Erasure is the record of a forget or retention run: counts, never what
// was erased.
type Erasure struct {
	At      time.Time
	Kind    string // "forget" or "retention"
	Calls   int
	Rows    uint64
	Objects int
	Note    string
}

// erasureColumns are the columns RecordErasure writes, in order.
var erasureColumns = []string{"at", "kind", "calls", "rows", "objects", "note"}

// RecordErasure writes an erasure record (table erasures).
func RecordErasure(ctx context.Context, db DB, e Erasure) error {
	err := db.Insert(ctx, "erasures", erasureColumns,
		[][]any{{e.At.UTC(), e.Kind, uint32(e.Calls), e.Rows, uint32(e.Objects), e.Note}})
	if err != nil {
		return fmt.Errorf("store: record erasure: %w", err)
	}
	return nil
}

// Erasures lists the erasure records, newest first.
func Erasures(ctx context.Context, db DB) ([]Erasure, error) {
	rows, err := db.Query(ctx, "SELECT at, kind, calls, rows, objects, note FROM erasures ORDER BY at DESC")
	if err != nil {
		return nil, fmt.Errorf("store: erasures: %w", err)
	}
	defer rows.Close()
	var out []Erasure
	for rows.Next() {
		var e Erasure
		var calls, objects uint32
		if err := rows.Scan(&e.At, &e.Kind, &calls, &e.Rows, &objects, &e.Note); err != nil {
			return nil, fmt.Errorf("store: erasures: %w", err)
		}
		e.Calls, e.Objects = int(calls), int(objects)
		out = append(out, e)
	}
	return out, rows.Err()
}

// ageExprs are the ages DeleteOlder and SetTTL measure rows by, by the
// column named: started_at is the call's start, or, for a call whose start
// is unknown (stored as the epoch), the time it was analysed (row_version,
// in nanoseconds): a recording without a sidecar is not removed the day it
// arrives. Every table holding a call's rows has both columns.
var ageExprs = map[string]string{
	"started_at": "if(started_at > toDateTime(0, 'UTC'), started_at, toDateTime(intDiv(row_version, 1000000000), 'UTC'))",
	"at":         "at",
}

func ageExpr(table, col string) (string, error) {
	if err := checkNames(table, []string{col}); err != nil {
		return "", err
	}
	e, ok := ageExprs[col]
	if !ok {
		return "", fmt.Errorf("store: age of %s rows: no age column %q", table, col)
	}
	return e, nil
}

// DeleteOlder removes the rows of table older than t by col (started_at,
// the call's start, or at; see ageExprs) and returns how many there were;
// with dryRun it only counts them.
func DeleteOlder(ctx context.Context, db DB, table, col string, t time.Time, dryRun bool) (uint64, error) {
	age, err := ageExpr(table, col)
	if err != nil {
		return 0, err
	}
	n, err := count(ctx, db, "SELECT count() FROM "+table+" WHERE "+age+" < ?", t.UTC())
	if err != nil {
		return 0, fmt.Errorf("store: count old %s rows: %w", table, err)
	}
	if n == 0 || dryRun {
		return n, nil
	}
	if err := mutate(ctx, db, table, "ALTER TABLE "+table+" DELETE WHERE "+age+" < ?", t.UTC()); err != nil {
		return 0, fmt.Errorf("store: delete old %s rows: %w", table, err)
	}
	return n, nil
}

// PruneFirstContacts removes the first-contact records (first_contacts)
// of the clients whose first call started before t, and records again,
// from the calls kept (those from t on), the first call of each of those
// clients: after retention removed the old calls, a client's first
// contact is the earliest call kept. It returns how many clients' records
// were older than t (on a dry run, would be). Run it after the old calls
// are gone; it can be repeated: the records are minimums, so writing one
// again changes nothing.
func PruneFirstContacts(ctx context.Context, db DB, t time.Time, dryRun bool) (uint64, error) {
	t = t.UTC()
	n, err := count(ctx, db, "SELECT count() FROM (SELECT client_key, minMerge(first_at) AS f FROM first_contacts GROUP BY client_key) WHERE f < ?", t)
	if err != nil {
		return 0, fmt.Errorf("store: count old first contacts: %w", err)
	}
	if dryRun || n == 0 {
		return n, nil
	}
	// Each part's state is its own minimum: the old ones are those whose
	// minimum is before t. The new records come first, so an interrupted
	// run leaves every client findable.
	old := "finalizeAggregation(first_at) < ?"
	err = db.Exec(ctx, `INSERT INTO first_contacts (client_key, first_at)
SELECT cityHash64(client_hash), minState(started_at) FROM calls
WHERE client_hash != '' AND started_at >= ? AND cityHash64(client_hash) IN (SELECT client_key FROM first_contacts WHERE `+old+`)
GROUP BY cityHash64(client_hash)`, t, t)
	if err != nil {
		return 0, fmt.Errorf("store: record the first contacts kept: %w", err)
	}
	stale, err := count(ctx, db, "SELECT count() FROM first_contacts WHERE "+old, t)
	if err != nil || stale == 0 {
		return n, err
	}
	if err := mutate(ctx, db, "first_contacts", "ALTER TABLE first_contacts DELETE WHERE "+old, t); err != nil {
		return 0, fmt.Errorf("store: delete old first contacts: %w", err)
	}
	return n, nil
}

// SetTTL makes the server delete table's rows days after col (as
// DeleteOlder measures it), where it can (ClickHouse 19.6 and newer,
// chDB); it reports false on an older server, which keeps the rows until
// the next retention run.
func SetTTL(ctx context.Context, db DB, table, col string, days int) (bool, error) {
	age, err := ageExpr(table, col)
	if err != nil {
		return false, err
	}
	v, err := ServerVersion(ctx, db)
	if err != nil {
		return false, err
	}
	if !v.AtLeast(19, 6) {
		return false, nil
	}
	q := fmt.Sprintf("ALTER TABLE %s MODIFY TTL %s + INTERVAL %d DAY", table, age, days)
	if err := db.Exec(ctx, q); err != nil {
		return false, fmt.Errorf("store: set TTL of %s: %w", table, err)
	}
	return true, nil
}
