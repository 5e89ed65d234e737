package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	chproto "github.com/ClickHouse/ch-go/proto"
	"github.com/ClickHouse/clickhouse-go/v2/lib/column"
	"github.com/ClickHouse/clickhouse-go/v2/lib/proto"

	"github.com/callscope/callscope/store/chdb"
)

// chdbDB is the embedded backend. Results travel as ClickHouse's Native
// format and are decoded (and inserts encoded) with clickhouse-go's column
// layer: the Go types match the network backend exactly.
//
// chDB runs one statement at a time, so concurrent callers (the API's
// clients, the store stage) wait in a queue, first come first served,
// instead of failing. A caller whose context ends while it waits leaves
// the queue without its statement running, and a read that is the same
// text as one still waiting in the queue joins it and shares its result:
// fifty users opening the same page run its queries once. Only a read
// that has not started is joined, so the result is never older than the
// caller's request (a caller's own earlier writes are in it).
type chdbDB struct {
	c   *chdb.Conn
	dsn string

	// turn is held while a statement runs: a send takes it, a receive
	// gives it back. Go queues blocked senders in order.
	turn chan struct{}

	qmu    sync.Mutex
	queued map[string]*flight // reads waiting for their turn, by text
	ran    int                // statements run (for tests)

	mu    sync.Mutex
	types map[string]map[string]string // table -> column -> type
}

// flight is one queued read and the callers waiting for its result.
type flight struct {
	refs int
	gone chan struct{} // closed when every caller left before it started
	done chan struct{} // closed when data and err are set
	data []byte
	err  error
}

func openChDB(dsn string) (DB, error) {
	dir, err := dsnPath(dsn)
	if err != nil {
		return nil, err
	}
	c, err := chdb.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("store: %s: %w", dsn, err)
	}
	return &chdbDB{c: c, dsn: dsn, turn: make(chan struct{}, 1), queued: map[string]*flight{},
		types: map[string]map[string]string{}}, nil
}

func (d *chdbDB) Backend() string { return BackendChDB }
func (d *chdbDB) Close() error    { return d.c.Close() }

func (d *chdbDB) Exec(ctx context.Context, query string, args ...any) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	q, err := bind(query, args...)
	if err != nil {
		return err
	}
	if err := d.acquire(ctx); err != nil {
		return err
	}
	_, err = d.c.Query(q, "TabSeparated")
	d.release()
	if err != nil {
		return fmt.Errorf("store: %s: %w", d.dsn, err)
	}
	if isDDL(q) {
		d.mu.Lock()
		clear(d.types)
		d.mu.Unlock()
	}
	return nil
}

func isDDL(q string) bool {
	q = strings.ToUpper(strings.TrimSpace(q))
	return strings.HasPrefix(q, "ALTER") || strings.HasPrefix(q, "DROP") ||
		strings.HasPrefix(q, "CREATE") || strings.HasPrefix(q, "RENAME")
}

// utc makes DateTime columns without their own zone decode in UTC.
var utc = &column.ServerContext{Timezone: time.UTC}

func (d *chdbDB) Query(ctx context.Context, query string, args ...any) (Rows, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	q, err := bind(query, args...)
	if err != nil {
		return nil, err
	}
	data, err := d.read(ctx, q)
	if err != nil {
		if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			return nil, err
		}
		return nil, fmt.Errorf("store: %s: %w", d.dsn, err)
	}
	rows := &blockRows{row: -1}
	br := bytes.NewReader(data)
	r := chproto.NewReader(br)
	// Decode until the reader is exhausted: it buffers ahead, so the byte
	// reader's own length says nothing about blocks still to come.
	for {
		b := &proto.Block{ServerContext: utc}
		if err := b.Decode(r, 0); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, fmt.Errorf("store: %s: decode result: %w", d.dsn, err)
		}
		if rows.names == nil {
			rows.names = b.ColumnsNames()
		}
		if b.Rows() > 0 {
			rows.blocks = append(rows.blocks, b)
		}
	}
	return rows, nil
}

// Insert encodes rows as one Native block and streams it in, so binary data
// never goes through query text.
func (d *chdbDB) Insert(ctx context.Context, table string, columns []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := checkNames(table, columns); err != nil {
		return err
	}
	types, err := d.columnTypes(ctx, table)
	if err != nil {
		return err
	}
	b, err := newInsertBlock(table, columns, types)
	if err != nil {
		return err
	}
	for i, r := range rows {
		if err := b.Append(r...); err != nil {
			return fmt.Errorf("store: insert into %s: row %d: %w", table, i, err)
		}
	}
	return d.insertBlock(ctx, table, "INSERT INTO "+table+" ("+strings.Join(columns, ", ")+")", b)
}

// newInsertBlock is an empty block of the named columns of table, each of
// the type the table declares.
func newInsertBlock(table string, columns []string, types map[string]string) (*proto.Block, error) {
	b := &proto.Block{ServerContext: utc}
	for _, c := range columns {
		t, ok := types[c]
		if !ok {
			return nil, fmt.Errorf("store: insert into %s: no column %s", table, c)
		}
		if err := b.AddColumn(c, column.Type(t)); err != nil {
			return nil, fmt.Errorf("store: insert into %s: %w", table, err)
		}
	}
	return b, nil
}

// insertBlock encodes b in the Native format and streams it into q.
func (d *chdbDB) insertBlock(ctx context.Context, table, q string, b *proto.Block) error {
	buf := &chproto.Buffer{}
	if err := b.Encode(buf, 0); err != nil {
		return fmt.Errorf("store: insert into %s: encode: %w", table, err)
	}
	return d.insertNative(ctx, table, q, buf.Buf)
}

// InsertColumns encodes the column slices as one Native block and streams
// it in.
func (d *chdbDB) InsertColumns(ctx context.Context, table string, columns []string, data []any) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := checkNames(table, columns); err != nil {
		return err
	}
	if len(columns) != len(data) {
		return fmt.Errorf("store: insert into %s: %d columns, %d data slices", table, len(columns), len(data))
	}
	types, err := d.columnTypes(ctx, table)
	if err != nil {
		return err
	}
	q := "INSERT INTO " + table + " (" + strings.Join(columns, ", ") + ")"
	block, ok, err := nativeBlock(types, columns, data)
	if err != nil {
		return fmt.Errorf("store: insert into %s: %w", table, err)
	}
	if ok {
		// LowCardinality columns go as their inner type (see nativeBlock).
		return d.insertNative(ctx, table, q+" SETTINGS input_format_native_allow_types_conversion = 1", block)
	}
	b, err := newInsertBlock(table, columns, types)
	if err != nil {
		return err
	}
	for i, c := range columns {
		if _, err := b.Columns[i].Append(data[i]); err != nil {
			return fmt.Errorf("store: insert into %s column %s: %w", table, c, err)
		}
	}
	return d.insertBlock(ctx, table, q, b)
}

// insertNative streams one Native block into an INSERT statement in its
// turn.
func (d *chdbDB) insertNative(ctx context.Context, table, q string, block []byte) error {
	if err := d.acquire(ctx); err != nil {
		return err
	}
	_, err := d.c.Insert(q, "Native", block)
	d.release()
	if err != nil {
		return fmt.Errorf("store: %s: insert into %s: %w", d.dsn, table, err)
	}
	return nil
}

// acquire waits for the turn to run a statement, or for ctx to end.
func (d *chdbDB) acquire(ctx context.Context) error {
	select {
	case d.turn <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	d.qmu.Lock()
	d.ran++
	d.qmu.Unlock()
	return nil
}

func (d *chdbDB) release() { <-d.turn }

// isRead tells a statement that only reads (its result may be shared).
func isRead(q string) bool {
	q = strings.TrimLeft(q, " \t\r\n(")
	return len(q) > 6 && (strings.EqualFold(q[:6], "SELECT") || strings.EqualFold(q[:4], "WITH") && (q[4] == ' ' || q[4] == '\n' || q[4] == '\t'))
}

// read runs q in its turn and returns its Native result; a read the same
// as one still waiting joins it.
func (d *chdbDB) read(ctx context.Context, q string) ([]byte, error) {
	if !isRead(q) {
		if err := d.acquire(ctx); err != nil {
			return nil, err
		}
		defer d.release()
		res, err := d.c.Query(q, "Native")
		return res.Data, err
	}
	d.qmu.Lock()
	f, ok := d.queued[q]
	if !ok {
		f = &flight{gone: make(chan struct{}), done: make(chan struct{})}
		d.queued[q] = f
		go d.fly(q, f)
	}
	f.refs++
	d.qmu.Unlock()
	select {
	case <-f.done:
		return f.data, f.err
	case <-ctx.Done():
		d.qmu.Lock()
		f.refs--
		if f.refs == 0 && d.queued[q] == f { // not started, and nobody waits for it
			delete(d.queued, q)
			close(f.gone)
		}
		d.qmu.Unlock()
		return nil, ctx.Err()
	}
}

// fly runs a queued read when its turn comes, unless everyone left.
func (d *chdbDB) fly(q string, f *flight) {
	select {
	case d.turn <- struct{}{}:
	case <-f.gone:
		return
	}
	d.qmu.Lock()
	if d.queued[q] != f { // everyone left as the turn came
		d.qmu.Unlock()
		d.release()
		return
	}
	delete(d.queued, q) // it starts: a later caller runs it anew
	d.ran++
	d.qmu.Unlock()
	res, err := d.c.Query(q, "Native")
	d.release()
	f.data, f.err = res.Data, err
	close(f.done)
}

func (d *chdbDB) columnTypes(ctx context.Context, table string) (map[string]string, error) {
	d.mu.Lock()
	t, ok := d.types[table]
	d.mu.Unlock()
	if ok {
		return t, nil
	}
	rows, err := d.Query(ctx, "SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = ?", table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	t = map[string]string{}
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			return nil, err
		}
		t[name] = typ
	}
	if len(t) == 0 {
		return nil, fmt.Errorf("store: %s: no table %s", d.dsn, table)
	}
	d.mu.Lock()
	d.types[table] = t
	d.mu.Unlock()
	return t, nil
}

// blockRows iterates decoded Native blocks.
type blockRows struct {
	names  []string
	blocks []*proto.Block
	blk    int
	row    int
}

func (r *blockRows) Next() bool {
	for r.blk < len(r.blocks) {
		if r.row+1 < r.blocks[r.blk].Rows() {
			r.row++
			return true
		}
		r.blk++
		r.row = -1
	}
	return false
}

func (r *blockRows) Scan(dest ...any) error {
	if r.blk >= len(r.blocks) || r.row < 0 {
		return fmt.Errorf("store: Scan called without a row")
	}
	b := r.blocks[r.blk]
	if len(dest) != len(b.Columns) {
		return fmt.Errorf("store: Scan: %d destinations for %d columns", len(dest), len(b.Columns))
	}
	for i, c := range b.Columns {
		if err := c.ScanRow(dest[i], r.row); err != nil {
			return fmt.Errorf("store: Scan column %s: %w", r.names[i], err)
		}
	}
	return nil
}

func (r *blockRows) Columns() []string { return r.names }
func (r *blockRows) Err() error        { return nil }
func (r *blockRows) Close() error      { r.blocks = nil; return nil }
