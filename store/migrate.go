package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Migration is one versioned schema file.
type Migration struct {
	Version uint32
	Name    string // file name, e.g. 0001_calls.sql
	Applied bool
	// AppliedAt is when it was recorded (zero if not applied).
	AppliedAt time.Time
}

const migrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
    version    UInt32,
    name       String,
    applied_at DateTime('UTC')
) ENGINE = ReplacingMergeTree() ORDER BY version`

// Migrate applies the migrations of Migrations that db has not recorded in
// schema_migrations, in order, records each, and checks that every table
// has the columns this program writes. Running it again changes nothing.
//
// Several processes may migrate one database at once (a fleet of workers
// starting after an upgrade): one takes the migration lock and migrates,
// the others wait for it, then find nothing left to do. A migrator that
// found nothing pending takes no lock.
func Migrate(ctx context.Context, db DB) error {
	if err := migrate(ctx, db, Migrations); err != nil {
		return err
	}
	return checkWrittenColumns(ctx, db)
}

func migrate(ctx context.Context, db DB, fsys fs.FS) (err error) {
	if err := createTable(ctx, db, "schema_migrations", migrationsTable); err != nil {
		return fmt.Errorf("store: create schema_migrations: %w", err)
	}
	status, err := migrationStatus(ctx, db, fsys)
	if err != nil {
		return err
	}
	if !slices.ContainsFunc(status, func(m Migration) bool { return !m.Applied }) {
		return nil
	}
	lock, err := acquireMigrationLock(ctx, db)
	if err != nil {
		return err
	}
	defer func() {
		if rerr := lock.release(ctx); err == nil {
			err = rerr
		}
	}()
	// Read again under the lock: whoever held it before may have applied
	// some or all of them.
	if status, err = migrationStatus(ctx, db, fsys); err != nil {
		return err
	}
	var oldServer *bool
	for _, m := range status {
		if m.Applied {
			continue
		}
		if err := lock.beat(ctx, false); err != nil { // still ours: never migrate unlocked
			return fmt.Errorf("store: migration %s: %w", m.Name, err)
		}
		text, err := fs.ReadFile(fsys, m.Name)
		if err != nil {
			return fmt.Errorf("store: migration %s: %w", m.Name, err)
		}
		if oldServer == nil {
			v, err := ServerVersion(ctx, db)
			if err != nil {
				return err
			}
			old := !v.AtLeast(19, 1)
			oldServer = &old
		}
		for i, st := range splitStatements(string(text)) {
			run := true
			if st.when != "" {
				if run, err = guard(ctx, db, st.when); err != nil {
					return fmt.Errorf("store: migration %s statement %d: guard: %w", m.Name, i+1, err)
				}
			}
			if !run {
				continue
			}
			sql := st.sql
			if *oldServer {
				sql = withoutLowCardinality(sql)
			}
			if err := db.Exec(ctx, sql); err != nil {
				return fmt.Errorf("store: migration %s statement %d: %w", m.Name, i+1, err)
			}
		}
		err = db.Insert(ctx, "schema_migrations", []string{"version", "name", "applied_at"},
			[][]any{{m.Version, m.Name, time.Now().UTC()}})
		if err != nil {
			return fmt.Errorf("store: record migration %s: %w", m.Name, err)
		}
	}
	return nil
}

// MigrationStatus lists every known migration and whether db has it.
func MigrationStatus(ctx context.Context, db DB) ([]Migration, error) {
	return migrationStatus(ctx, db, Migrations)
}

func migrationStatus(ctx context.Context, db DB, fsys fs.FS) ([]Migration, error) {
	files, err := migrationFiles(fsys)
	if err != nil {
		return nil, err
	}
	exists, err := TableExists(ctx, db, "schema_migrations")
	if err != nil {
		return files, fmt.Errorf("store: look for table schema_migrations: %w", err)
	}
	if !exists {
		return files, nil
	}
	rows, err := db.Query(ctx, "SELECT version, max(applied_at) FROM schema_migrations GROUP BY version")
	if err != nil {
		return nil, fmt.Errorf("store: read schema_migrations: %w", err)
	}
	defer rows.Close()
	applied := map[uint32]time.Time{}
	for rows.Next() {
		var v uint32
		var at time.Time
		if err := rows.Scan(&v, &at); err != nil {
			return nil, fmt.Errorf("store: read schema_migrations: %w", err)
		}
		applied[v] = at
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: read schema_migrations: %w", err)
	}
	for i := range files {
		if at, ok := applied[files[i].Version]; ok {
			files[i].Applied, files[i].AppliedAt = true, at.UTC()
		}
	}
	return files, nil
}

// Schema errors, for commands that only read.
var (
	// ErrSchemaMissing means the database has no callscope schema: run
	// `callscope migrate` with a user that may create tables.
	ErrSchemaMissing = errors.New("store: the database has no callscope schema: run `callscope migrate` as a user allowed to create tables")
	// ErrSchemaOutdated means migrations are pending.
	ErrSchemaOutdated = errors.New("store: the callscope schema is older than this program: run `callscope migrate` as a user allowed to create tables")
	// ErrSchemaIncomplete means every migration is recorded but a table
	// lacks a column this program writes (the schema was changed by hand,
	// or by migrators of a version before the migration lock racing): see
	// docs/storage.md, "Migrations".
	ErrSchemaIncomplete = errors.New("store: the callscope schema lacks columns this program writes (see docs/storage.md, Migrations)")
)

// CheckSchema reports whether every migration is applied and every table
// has the columns this program writes, without changing anything: it is
// what read-only commands (report, calls, show, search) call instead of
// Migrate, so that a user who may only read gets a clear error rather than
// a failed CREATE, and a schema that a write would fail on is named before.
func CheckSchema(ctx context.Context, db DB) error {
	ms, err := MigrationStatus(ctx, db)
	if err != nil {
		return err
	}
	var pending []string
	for _, m := range ms {
		if !m.Applied {
			pending = append(pending, m.Name)
		}
	}
	switch {
	case len(pending) == 0:
		return checkWrittenColumns(ctx, db)
	case len(pending) == len(ms):
		return ErrSchemaMissing
	default:
		return fmt.Errorf("%w (pending: %s)", ErrSchemaOutdated, strings.Join(pending, ", "))
	}
}

// checkWrittenColumns fails with ErrSchemaIncomplete, naming them, if
// tables lack columns of writtenColumns (or are missing).
func checkWrittenColumns(ctx context.Context, db DB) error {
	type column struct{ table, name string }
	cols, err := QueryAll(ctx, db, "store: read the schema's columns", func(c *column) []any { return []any{&c.table, &c.name} },
		"SELECT table, name FROM system.columns WHERE database = currentDatabase()")
	if err != nil {
		return err
	}
	have, tables := map[column]bool{}, map[string]bool{}
	for _, c := range cols {
		have[c], tables[c.table] = true, true
	}
	var missing []string
	for _, w := range writtenColumns {
		if !tables[w.table] {
			missing = append(missing, w.table+" (the whole table)")
			continue
		}
		for _, name := range w.columns {
			if !have[column{w.table, name}] {
				missing = append(missing, w.table+"."+name)
			}
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%w: %s", ErrSchemaIncomplete, strings.Join(missing, ", "))
	}
	return nil
}

// TableExists reports whether the database has table (a database migrated
// before the table was added has not).
func TableExists(ctx context.Context, db Querier, table string) (bool, error) {
	n, err := count(ctx, db, "SELECT toUInt64(count()) FROM system.tables WHERE database = currentDatabase() AND name = ?", table)
	if err != nil {
		return false, err
	}
	return n > 0, nil
}

// migrationFiles lists NNNN_name.sql files in version order.
func migrationFiles(fsys fs.FS) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("store: migrations: %w", err)
	}
	var out []Migration
	seen := map[uint32]string{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || path.Ext(name) != ".sql" {
			continue
		}
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.ParseUint(num, 10, 32)
		if !ok || err != nil || v == 0 {
			return nil, fmt.Errorf("store: migration %s: name must be NNNN_name.sql", name)
		}
		if other, dup := seen[uint32(v)]; dup {
			return nil, fmt.Errorf("store: migrations %s and %s share version %d", other, name, v)
		}
		seen[uint32(v)] = name
		out = append(out, Migration{Version: uint32(v), Name: name})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

// statement is one statement of a migration file and its guard.
type statement struct {
	sql string
	// when is a query answering one number: the statement runs only if it
	// is not 0. It comes from a "--@when SELECT ..." line before the
	// statement, which lets a file rebuild a table in steps that can all be
	// run again after an interruption.
	when string
}

// splitStatements splits a migration at lines ending in ';' and drops
// comment-only lines (18.16 does not take several statements at once).
func splitStatements(text string) []statement {
	var out []statement
	var cur strings.Builder
	when := ""
	for _, line := range strings.Split(text, "\n") {
		t := strings.TrimSpace(line)
		if g, ok := strings.CutPrefix(t, "--@when "); ok {
			when = strings.TrimSpace(g)
			continue
		}
		if t == "" || strings.HasPrefix(t, "--") {
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
		if strings.HasSuffix(t, ";") {
			out = append(out, statement{sql: strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"), when: when})
			cur.Reset()
			when = ""
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, statement{sql: s, when: when})
	}
	return out
}

// guard runs a --@when query: true unless it answers 0.
func guard(ctx context.Context, db DB, query string) (bool, error) {
	rows, err := db.Query(ctx, "SELECT toUInt64(("+query+"))")
	if err != nil {
		return false, err
	}
	defer rows.Close()
	var n uint64
	if !rows.Next() {
		return false, fmt.Errorf("%s: no row", query)
	}
	if err := rows.Scan(&n); err != nil {
		return false, err
	}
	return n != 0, rows.Err()
}

var lowCardinalityRe = regexp.MustCompile(`LowCardinality\(([A-Za-z0-9]+)\)`)

// withoutLowCardinality rewrites LowCardinality(T) to T: servers before
// 19.1 only take the type behind an experimental setting. It changes
// storage size and speed, never results.
func withoutLowCardinality(sql string) string {
	return lowCardinalityRe.ReplaceAllString(sql, "$1")
}

// Version is a ClickHouse server version: 18.16.1, 26.7.3.1...
type Version struct{ Major, Minor, Patch int }

// AtLeast reports whether v is major.minor or newer.
func (v Version) AtLeast(major, minor int) bool {
	return v.Major > major || v.Major == major && v.Minor >= minor
}

func (v Version) String() string { return fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch) }

// ServerVersion asks the server (or the embedded engine) its version.
func ServerVersion(ctx context.Context, db Querier) (Version, error) {
	var s string
	if err := QueryRow(ctx, db, []any{&s}, "SELECT version()"); err != nil {
		return Version{}, fmt.Errorf("store: server version: %w", err)
	}
	return parseVersion(s)
}

func parseVersion(s string) (Version, error) {
	var v Version
	parts := strings.SplitN(s, ".", 4)
	dst := []*int{&v.Major, &v.Minor, &v.Patch}
	for i := 0; i < len(dst) && i < len(parts); i++ {
		n, err := strconv.Atoi(parts[i])
		if err != nil {
			return Version{}, fmt.Errorf("store: server version %q: %w", s, err)
		}
		*dst[i] = n
	}
	if v.Major == 0 {
		return Version{}, fmt.Errorf("store: server version %q is not a version", s)
	}
	return v, nil
}
