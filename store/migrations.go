package store

import (
	"embed"
	"io/fs"
)

//go:embed migrations/*.sql
var migrationSQL embed.FS

// Migrations holds the ClickHouse schema as ordered, versioned migrations:
// NNNN_name.sql at its root, applied in NNNN order by Migrate. A file may
// hold several statements, each ending with ';' at the end of a line. Never
// edit an applied migration: add the next one. The store is the only
// package that writes the schema, so it alone owns these files.
var Migrations fs.FS = mustSub(migrationSQL, "migrations")

func mustSub(f fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		panic(err)
	}
	return sub
}
