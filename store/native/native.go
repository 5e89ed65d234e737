// Package native connects the store to a ClickHouse server over the native
// TCP protocol with github.com/ClickHouse/clickhouse-go/v2. It is the
// network backend behind clickhouse:// DSNs; the store package wraps it in
// its backend-neutral DB interface.
//
// The native protocol is used (not HTTP) because it is the one that works
// with every server callscope supports, back to ClickHouse 18.16.
package native

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/callscope/callscope/internal/secrets"
)

// Conn is a pool of native connections to one server and database.
type Conn struct {
	conn driver.Conn
	dsn  string // redacted, for messages
}

// Open connects to the server named by dsn
// (clickhouse://user:pass@host:9000/db?dial_timeout=5s) and checks it
// answers. If the database does not exist yet it is created, so that
// `callscope migrate` works on a fresh server.
func Open(ctx context.Context, dsn string) (*Conn, error) {
	shown := Redact(dsn)
	opts, err := clickhouse.ParseDSN(dsn)
	if err != nil {
		return nil, fmt.Errorf("clickhouse %s: bad DSN: %w", shown, secrets.Scrub(err, dsn))
	}
	if !strings.Contains(dsn, "dial_timeout") {
		opts.DialTimeout = 5 * time.Second
	}
	c, err := connect(ctx, opts)
	if err != nil && isUnknownDatabase(err) && opts.Auth.Database != "" && opts.Auth.Database != "default" {
		err = createDatabase(ctx, opts)
		if err == nil {
			c, err = connect(ctx, opts)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("clickhouse %s: %w", shown, secrets.Scrub(err, dsn))
	}
	return &Conn{conn: c, dsn: shown}, nil
}

func connect(ctx context.Context, opts *clickhouse.Options) (driver.Conn, error) {
	c, err := clickhouse.Open(opts)
	if err != nil {
		return nil, err
	}
	if err := c.Ping(ctx); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

func isUnknownDatabase(err error) bool {
	var ex *clickhouse.Exception
	return errors.As(err, &ex) && ex.Code == 81
}

func createDatabase(ctx context.Context, opts *clickhouse.Options) error {
	db := opts.Auth.Database
	if !identifier.MatchString(db) {
		return fmt.Errorf("database %q does not exist and its name is not a plain identifier", db)
	}
	o := *opts
	o.Auth.Database = "default"
	c, err := connect(ctx, &o)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.Exec(ctx, "CREATE DATABASE IF NOT EXISTS "+db); err != nil {
		return fmt.Errorf("create database %s: %w", db, err)
	}
	return nil
}

var identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// DSN is the connection's DSN with the password hidden.
func (c *Conn) DSN() string { return c.dsn }

// Exec runs a statement; args bind to ? placeholders (clickhouse-go escapes
// them client-side).
func (c *Conn) Exec(ctx context.Context, query string, args ...any) error {
	if err := c.conn.Exec(ctx, query, args...); err != nil {
		return fmt.Errorf("clickhouse %s: %w", c.dsn, err)
	}
	return nil
}

// Query runs a query; args bind to ? placeholders.
func (c *Conn) Query(ctx context.Context, query string, args ...any) (driver.Rows, error) {
	rows, err := c.conn.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("clickhouse %s: %w", c.dsn, err)
	}
	return rows, nil
}

// Insert writes rows into table's columns as one native block.
func (c *Conn) Insert(ctx context.Context, table string, columns []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	b, err := c.conn.PrepareBatch(ctx, "INSERT INTO "+table+" ("+strings.Join(columns, ", ")+")")
	if err != nil {
		return fmt.Errorf("clickhouse %s: insert into %s: %w", c.dsn, table, err)
	}
	for _, r := range rows {
		if err := b.Append(r...); err != nil {
			_ = b.Abort()
			return fmt.Errorf("clickhouse %s: insert into %s: %w", c.dsn, table, err)
		}
	}
	if err := b.Send(); err != nil {
		return fmt.Errorf("clickhouse %s: insert into %s: %w", c.dsn, table, err)
	}
	return nil
}

// InsertColumns writes one batch given column by column (data[i] is the
// slice of column i's values).
func (c *Conn) InsertColumns(ctx context.Context, table string, columns []string, data []any) error {
	if len(columns) != len(data) {
		return fmt.Errorf("clickhouse %s: insert into %s: %d columns, %d data slices", c.dsn, table, len(columns), len(data))
	}
	b, err := c.conn.PrepareBatch(ctx, "INSERT INTO "+table+" ("+strings.Join(columns, ", ")+")")
	if err != nil {
		return fmt.Errorf("clickhouse %s: insert into %s: %w", c.dsn, table, err)
	}
	for i, d := range data {
		if err := b.Column(i).Append(d); err != nil {
			_ = b.Abort()
			return fmt.Errorf("clickhouse %s: insert into %s column %s: %w", c.dsn, table, columns[i], err)
		}
	}
	if err := b.Send(); err != nil {
		return fmt.Errorf("clickhouse %s: insert into %s: %w", c.dsn, table, err)
	}
	return nil
}

// Close closes every connection of the pool.
func (c *Conn) Close() error { return c.conn.Close() }

// Redact hides the password of a DSN for messages.
func Redact(dsn string) string { return secrets.MaskURL(dsn) }
