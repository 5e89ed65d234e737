package store

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// mutationsDB answers stuckMutations' two queries as a server would:
// whether system.mutations has latest_fail_reason, then the stuck rows
// (id, command, reason), checking the query reads the reason only where
// the column exists.
type mutationsDB struct {
	DB
	t             *testing.T
	hasReason     bool
	stuck         [][]string
	readMutations bool
}

func (m *mutationsDB) Query(ctx context.Context, q string, args ...any) (Rows, error) {
	if strings.Contains(q, "system.columns") {
		n := uint64(0)
		if m.hasReason {
			n = 1
		}
		return &cannedRows{rows: [][]any{{n}}}, nil
	}
	m.readMutations = true
	if reads := strings.Contains(q, "latest_fail_reason"); reads != m.hasReason {
		m.t.Errorf("query reads latest_fail_reason %v, server has it %v: %s", reads, m.hasReason, q)
	}
	rows := &cannedRows{}
	for _, r := range m.stuck {
		rows.rows = append(rows.rows, []any{r[0], r[1], r[2]})
	}
	return rows, nil
}

type cannedRows struct {
	rows [][]any
	at   int
}

func (r *cannedRows) Next() bool { r.at++; return r.at <= len(r.rows) }
func (r *cannedRows) Scan(dest ...any) error {
	for i, d := range dest {
		reflect.ValueOf(d).Elem().Set(reflect.ValueOf(r.rows[r.at-1][i]))
	}
	return nil
}
func (r *cannedRows) Columns() []string { return nil }
func (r *cannedRows) Err() error        { return nil }
func (r *cannedRows) Close() error      { return nil }

// TestStuckMutations: the description of a table's stuck mutations has
// each one's id and command, and the reason of its last failure where
// the server records one (latest_fail_reason, newer than 18.16); where it
// does not, it says where the reason is.
func TestStuckMutations(t *testing.T) {
	for _, c := range []struct {
		name      string
		hasReason bool
		stuck     [][]string
		want      string
	}{
		{"a failure recorded", true, [][]string{{"mutation_7.txt", "DELETE WHERE call_id = 'a'", "Code: 241. Memory limit exceeded"}},
			`oldest first: mutation_id "mutation_7.txt": DELETE WHERE call_id = 'a'; last failure: Code: 241. Memory limit exceeded`},
		{"no failure yet", true, [][]string{{"mutation_7.txt", "DELETE WHERE call_id = 'a'", ""}, {"mutation_8.txt", "DELETE WHERE call_id = 'b'", ""}},
			`oldest first: mutation_id "mutation_7.txt": DELETE WHERE call_id = 'a'; no failure recorded: it waits for a merge (merges stopped? SYSTEM START MERGES) | ` +
				`mutation_id "mutation_8.txt": DELETE WHERE call_id = 'b'; no failure recorded: it waits for a merge (merges stopped? SYSTEM START MERGES)`},
		{"a server without the column", false, [][]string{{"mutation_2.txt", "DELETE WHERE call_id = 'a'", ""}},
			`oldest first: mutation_id "mutation_2.txt": DELETE WHERE call_id = 'a'; no failure recorded by this server version (see its log)`},
		{"done meanwhile", true, nil, "none left now"},
	} {
		db := &mutationsDB{t: t, hasReason: c.hasReason, stuck: c.stuck}
		if got := stuckMutations(context.Background(), db, "calls"); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
		if !db.readMutations {
			t.Errorf("%s: system.mutations not read", c.name)
		}
	}
}
