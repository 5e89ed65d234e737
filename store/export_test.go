package store

import (
	"context"
	"io/fs"
)

// MigrateFS applies the migrations of fsys, for upgrade tests.
func MigrateFS(ctx context.Context, db DB, fsys fs.FS) error { return migrate(ctx, db, fsys) }
