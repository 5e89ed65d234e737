// Package store is callscope's ClickHouse storage layer: one DB interface
// over two backends, the schema migrations, the idempotent writers of
// analyses and statuses, and the reads the pipeline needs.
//
// Backends are chosen by DSN:
//
//	chdb:///abs/path/to/dir                embedded ClickHouse (chDB, package store/chdb)
//	clickhouse://user:pass@host:9000/db    a server, native protocol (package store/native)
//
// Both decode results with clickhouse-go's column layer, so a query scans
// into the same Go types on either. Queries bind arguments to ? placeholders
// with ClickHouse literal escaping; user input never goes into SQL text
// unescaped.
//
// Every write is idempotent: tables are ReplacingMergeTree keyed by call or
// object key and reads keep the latest version (see docs/storage.md), so a
// redelivered job never changes a report.
package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"regexp"
	"strings"

	"github.com/callscope/callscope/store/native"
)

// DB is a connection to ClickHouse, embedded or over the network. It is safe
// for concurrent use.
type DB interface {
	Querier
	// Exec runs a statement that returns no rows. Args bind to ? placeholders.
	Exec(ctx context.Context, query string, args ...any) error
	// Insert writes rows (each one value per column, in order) into table's
	// named columns as one batch.
	Insert(ctx context.Context, table string, columns []string, rows [][]any) error
	// InsertColumns writes one batch given column by column: data[i] is a
	// slice of column i's Go type ([]string, []uint64, [][]string,
	// []*float64...), all of one length. It is the fast path for bulk loads.
	InsertColumns(ctx context.Context, table string, columns []string, data []any) error
	// Backend is "chdb" or "clickhouse".
	Backend() string
	// Close releases the connection.
	Close() error
}

// Querier is the part of DB that reads: what a package that never writes
// to ClickHouse asks for (report, the HTTP API), so its signatures say so.
type Querier interface {
	// Query runs a query. Args bind to ? placeholders. Close the rows.
	Query(ctx context.Context, query string, args ...any) (Rows, error)
}

// Rows is a query result, read row by row like database/sql's.
type Rows interface {
	Next() bool
	// Scan copies the current row into pointers of the column's Go type
	// (String: *string, UInt64: *uint64, Nullable(Float64): **float64,
	// Array(String): *[]string, DateTime: *time.Time, ...).
	Scan(dest ...any) error
	Columns() []string
	Err() error
	Close() error
}

// QueryRow runs a query of one row (a count, a version) and scans that
// row into dest; with no row, dest stays as it was.
func QueryRow(ctx context.Context, db Querier, dest []any, query string, args ...any) error {
	rows, err := db.Query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
	}
	return rows.Err()
}

// QueryAll runs a query and makes a T of each row: fields gives the
// addresses to scan a row into. An error of the query or of a row is
// wrapped as "what: ..." (what names the thing read: "store: table
// sizes").
func QueryAll[T any](ctx context.Context, db Querier, what string, fields func(*T) []any, query string, args ...any) ([]T, error) {
	rows, err := db.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.Scan(fields(&v)...); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Backends.
const (
	BackendChDB       = "chdb"
	BackendClickHouse = "clickhouse"
)

// ErrBadDSN means a DSN names no backend this package knows.
var ErrBadDSN = errors.New("store: DSN must be chdb:///abs/dir or clickhouse://user:pass@host:port/db")

// Open connects to the database named by dsn. Errors name the DSN with its
// password hidden.
func Open(ctx context.Context, dsn string) (DB, error) {
	switch {
	case strings.HasPrefix(dsn, "chdb://"):
		return openChDB(dsn)
	case strings.HasPrefix(dsn, "clickhouse://"), strings.HasPrefix(dsn, "tcp://"):
		c, err := native.Open(ctx, dsn)
		if err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		return nativeDB{c}, nil
	default:
		return nil, fmt.Errorf("%w: got %q", ErrBadDSN, RedactDSN(dsn))
	}
}

// ErrNoData means OpenExisting found no embedded database where the DSN
// points.
var ErrNoData = errors.New("no callscope data there")

// OpenExisting is Open for commands that only read (report, calls, show,
// search): an embedded chdb:// directory that does not exist is an error
// (ErrNoData), not an empty database created there.
func OpenExisting(ctx context.Context, dsn string) (DB, error) {
	if strings.HasPrefix(dsn, "chdb://") {
		dir, err := dsnPath(dsn)
		if err != nil {
			return nil, err
		}
		if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("store: %s: %w: %s does not exist (callscope run or migrate creates it)", dsn, ErrNoData, dir)
		}
	}
	return Open(ctx, dsn)
}

// RedactDSN hides the password of a DSN, for messages and logs.
func RedactDSN(dsn string) string { return native.Redact(dsn) }

type nativeDB struct{ c *native.Conn }

func (d nativeDB) Exec(ctx context.Context, q string, args ...any) error {
	return d.c.Exec(ctx, q, args...)
}

func (d nativeDB) Query(ctx context.Context, q string, args ...any) (Rows, error) {
	r, err := d.c.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return r, nil
}

func (d nativeDB) Insert(ctx context.Context, table string, columns []string, rows [][]any) error {
	if err := checkNames(table, columns); err != nil {
		return err
	}
	return d.c.Insert(ctx, table, columns, rows)
}

func (d nativeDB) InsertColumns(ctx context.Context, table string, columns []string, data []any) error {
	if err := checkNames(table, columns); err != nil {
		return err
	}
	return d.c.InsertColumns(ctx, table, columns, data)
}

func (d nativeDB) Backend() string { return BackendClickHouse }
func (d nativeDB) Close() error    { return d.c.Close() }

var identRe = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$`)

// checkNames refuses table and column names that are not plain identifiers:
// they go into SQL text.
func checkNames(table string, columns []string) error {
	if !identRe.MatchString(table) {
		return fmt.Errorf("store: insert: bad table name %q", table)
	}
	for _, c := range columns {
		if !identRe.MatchString(c) {
			return fmt.Errorf("store: insert into %s: bad column name %q", table, c)
		}
	}
	return nil
}

// dsnPath is the directory of a chdb:// DSN.
func dsnPath(dsn string) (string, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrBadDSN, err)
	}
	p := u.Path
	if u.Host != "" { // chdb://relative/dir: host is the first element
		return "", fmt.Errorf("%w: chdb path must be absolute (chdb:///abs/dir), got %q", ErrBadDSN, dsn)
	}
	if p == "" {
		return "", fmt.Errorf("%w: chdb DSN has no directory: %q", ErrBadDSN, dsn)
	}
	return p, nil
}
