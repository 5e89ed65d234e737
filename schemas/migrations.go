package schemas

import (
	"embed"
	"io/fs"
)

//go:embed clickhouse/*.sql
var clickhouseFiles embed.FS

// ClickHouseMigrations holds the ClickHouse schema as ordered, versioned
// migrations: NNNN_name.sql at its root, applied in NNNN order by
// store.Migrate. A file may hold several statements, each ending with ';' at
// the end of a line. Never edit an applied migration: add the next one.
var ClickHouseMigrations fs.FS = mustSub(clickhouseFiles, "clickhouse")

func mustSub(f fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		panic(err)
	}
	return sub
}
