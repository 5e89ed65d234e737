package store

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/callscope/callscope/schemas"
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

// Migrate applies the migrations of schemas.ClickHouseMigrations that db has
// not recorded in schema_migrations, in order, and records each. Running it
// again changes nothing; two processes migrating at once are harmless (every
// statement is CREATE ... IF NOT EXISTS and the record is a replacing row).
func Migrate(ctx context.Context, db DB) error {
	return migrate(ctx, db, schemas.ClickHouseMigrations)
}

func migrate(ctx context.Context, db DB, fsys fs.FS) error {
	status, err := migrationStatus(ctx, db, fsys)
	if err != nil {
		return err
	}
	for _, m := range status {
		if m.Applied {
			continue
		}
		text, err := fs.ReadFile(fsys, m.Name)
		if err != nil {
			return fmt.Errorf("store: migration %s: %w", m.Name, err)
		}
		for i, stmt := range splitStatements(string(text)) {
			if err := db.Exec(ctx, stmt); err != nil {
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
	return migrationStatus(ctx, db, schemas.ClickHouseMigrations)
}

func migrationStatus(ctx context.Context, db DB, fsys fs.FS) ([]Migration, error) {
	files, err := migrationFiles(fsys)
	if err != nil {
		return nil, err
	}
	if err := db.Exec(ctx, migrationsTable); err != nil {
		return nil, fmt.Errorf("store: create schema_migrations: %w", err)
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

// splitStatements splits a migration at lines ending in ';' and drops
// comment-only lines (18.16 does not take several statements at once).
func splitStatements(text string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(text, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "--") {
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
		if strings.HasSuffix(t, ";") {
			out = append(out, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			cur.Reset()
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s)
	}
	return out
}
