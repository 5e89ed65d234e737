package store

import (
	"context"
	"io/fs"
	"time"

	"github.com/callscope/callscope/schemas"
)

// MigrateFS applies the migrations of fsys, for upgrade tests.
func MigrateFS(ctx context.Context, db DB, fsys fs.FS) error { return migrate(ctx, db, fsys) }

// WriteAnalysesSchema7 writes analyses as a version before migration 0008
// did: without the holds and the channel map.
func WriteAnalysesSchema7(ctx context.Context, db DB, analyses []schemas.Analysis) error {
	return writeAnalyses(ctx, db, analyses, callColumns[:len(callColumns)-4])
}

// SetRollupGrace sets how long replaced rollup builds stay, for a test;
// it returns a function that puts the old value back.
func SetRollupGrace(d time.Duration) func() {
	old := rollupGrace
	rollupGrace = d
	return func() { rollupGrace = old }
}

// SetMutateWait sets how long a deletion is waited for on a server, for a
// test; it returns a function that puts the old value back.
func SetMutateWait(d time.Duration) func() {
	old := mutateWait
	mutateWait = d
	return func() { mutateWait = old }
}

// SetMigrationLockWait sets a function Migrate calls each time it finds
// the migration lock held by another migrator, for a test; it returns a
// function that puts the old one back.
func SetMigrationLockWait(f func()) func() {
	old := lockWaitHook
	lockWaitHook = f
	return func() { lockWaitHook = old }
}
