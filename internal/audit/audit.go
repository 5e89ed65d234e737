// Package audit records who did what to which call in `callscope serve`
// (viewed, listened, searched, exported, denied, logged in, tested a
// dictionary) in the ClickHouse table audit (migration 0011), and reads
// the trail back for admins (GET /api/v1/audit, `callscope audit`).
//
// Writes are batched: Record queues an event and returns at once; a
// background loop inserts the queue every FlushInterval or MaxBatch events,
// and Close writes what is left. An insert that fails is retried; events
// beyond MaxQueue while ClickHouse is away are counted as dropped and
// logged, never silently lost.
package audit

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/callscope/callscope/store"
)

// Actions.
const (
	Login         = "login"
	LoginFailed   = "login_failed"
	Logout        = "logout"
	Viewed        = "viewed"
	Listened      = "listened"
	Searched      = "searched"
	Reported      = "reported"
	Listed        = "listed"
	Exported      = "exported"
	Denied        = "denied"
	DictTested    = "dictionary_tested"
	AuditRead     = "audit_read"
	UsersRead     = "users_read"
	LoginThrottle = "login_throttled"
)

// Actions are every action the trail records, in the order docs/api.md
// lists them.
var Actions = []string{Login, LoginFailed, LoginThrottle, Logout, Viewed, Listened, Searched, Reported, Listed,
	Exported, Denied, DictTested, AuditRead, UsersRead}

// ErrUnknownAction is a query for an action the trail never records: it
// would answer an empty page, read as "nobody did it".
var ErrUnknownAction = errors.New("audit: unknown action")

// Event is one row of the trail.
type Event struct {
	At         time.Time `json:"at"`
	User       string    `json:"user"`
	Role       string    `json:"role"`
	Action     string    `json:"action"`
	CallID     string    `json:"call_id,omitempty"`
	Department string    `json:"department,omitempty"`
	Status     int       `json:"status"`
	Method     string    `json:"method,omitempty"`
	Path       string    `json:"path,omitempty"`
	Remote     string    `json:"remote,omitempty"`
	Detail     string    `json:"detail,omitempty"`
}

var columns = []string{"at", "at_ns", "user", "role", "action", "call_id", "department", "status", "method", "path", "remote", "detail"}

// Config tunes a Writer.
type Config struct {
	FlushInterval time.Duration // default 500ms
	MaxBatch      int           // default 500
	MaxQueue      int           // default 100000
	Logger        *slog.Logger
}

// Writer queues events and inserts them in batches.
type Writer struct {
	db      store.DB
	cfg     Config
	mu      sync.Mutex
	queue   []Event
	kick    chan struct{}
	flushed chan chan error
	done    chan struct{}
	stopped chan struct{}
	once    sync.Once
	dropped atomic.Uint64
	lastNS  atomic.Int64
}

// NewWriter starts a writer over db.
func NewWriter(db store.DB, cfg Config) *Writer {
	if cfg.FlushInterval <= 0 {
		cfg.FlushInterval = 500 * time.Millisecond
	}
	if cfg.MaxBatch <= 0 {
		cfg.MaxBatch = 500
	}
	if cfg.MaxQueue <= 0 {
		cfg.MaxQueue = 100000
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	w := &Writer{db: db, cfg: cfg, kick: make(chan struct{}, 1), flushed: make(chan chan error),
		done: make(chan struct{}), stopped: make(chan struct{})}
	go w.loop()
	return w
}

// Record queues an event; At is set when zero.
func (w *Writer) Record(e Event) {
	if e.At.IsZero() {
		e.At = time.Now()
	}
	e.At = e.At.UTC()
	w.mu.Lock()
	if len(w.queue) >= w.cfg.MaxQueue {
		w.mu.Unlock()
		if n := w.dropped.Add(1); n == 1 || n%1000 == 0 {
			w.cfg.Logger.Error("audit: queue full, events dropped (ClickHouse away?)", "dropped", n)
		}
		return
	}
	w.queue = append(w.queue, e)
	n := len(w.queue)
	w.mu.Unlock()
	if n >= w.cfg.MaxBatch {
		select {
		case w.kick <- struct{}{}:
		default:
		}
	}
}

// Dropped is the number of events dropped because the queue was full.
func (w *Writer) Dropped() uint64 { return w.dropped.Load() }

// Flush writes every queued event now.
func (w *Writer) Flush(ctx context.Context) error {
	ch := make(chan error, 1)
	select {
	case w.flushed <- ch:
	case <-w.stopped:
		return errors.New("audit: writer closed")
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case err := <-ch:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Close writes what is queued (trying for up to 10 seconds) and stops.
func (w *Writer) Close() error {
	w.once.Do(func() { close(w.done) })
	<-w.stopped
	w.mu.Lock()
	left := len(w.queue)
	w.mu.Unlock()
	if left > 0 {
		return fmt.Errorf("audit: %d events not written", left)
	}
	return nil
}

func (w *Writer) loop() {
	defer close(w.stopped)
	t := time.NewTicker(w.cfg.FlushInterval)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			_ = w.write(context.Background())
		case <-w.kick:
			_ = w.write(context.Background())
		case ch := <-w.flushed:
			ch <- w.write(context.Background())
		case <-w.done:
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			for w.pending() > 0 && ctx.Err() == nil {
				if err := w.write(ctx); err != nil {
					time.Sleep(200 * time.Millisecond)
				}
			}
			cancel()
			return
		}
	}
}

func (w *Writer) pending() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.queue)
}

// write inserts the queue in batches; on failure the events stay queued.
func (w *Writer) write(ctx context.Context) error {
	for {
		w.mu.Lock()
		n := min(len(w.queue), w.cfg.MaxBatch)
		batch := append([]Event(nil), w.queue[:n]...)
		w.mu.Unlock()
		if n == 0 {
			return nil
		}
		rows := make([][]any, len(batch))
		for i, e := range batch {
			ns := e.At.UnixNano()
			// at_ns orders events of the same nanosecond too.
			for {
				last := w.lastNS.Load()
				if ns <= last {
					ns = last + 1
				}
				if w.lastNS.CompareAndSwap(last, ns) {
					break
				}
			}
			rows[i] = []any{e.At.Truncate(time.Second), uint64(ns), e.User, e.Role, e.Action, e.CallID, e.Department,
				uint16(e.Status), e.Method, e.Path, e.Remote, e.Detail}
		}
		if err := w.db.Insert(ctx, "audit", columns, rows); err != nil {
			w.cfg.Logger.Warn("audit: insert failed, will retry", "events", n, "err", err)
			return fmt.Errorf("audit: insert: %w", err)
		}
		w.mu.Lock()
		w.queue = w.queue[n:]
		w.mu.Unlock()
	}
}

// Query selects events, newest first.
type Query struct {
	User, Action, CallID string
	// From and To bound the time, From <= at < To; zero is open.
	From, To time.Time
	Limit    int // 1..1000, default 100
	// Cursor continues a previous page (Page.Next).
	Cursor string
}

// Page is a page of events.
type Page struct {
	Events []Event `json:"events"`
	Next   string  `json:"next_cursor,omitempty"`
}

// ErrBadCursor means a cursor that is not one of Read's.
var ErrBadCursor = errors.New("audit: not a cursor of the audit trail")

// Read returns a page of events, newest first.
func Read(ctx context.Context, db store.Querier, q Query) (Page, error) {
	if q.Action != "" && !slices.Contains(Actions, q.Action) {
		return Page{}, fmt.Errorf("%w %q: want one of %s", ErrUnknownAction, q.Action, strings.Join(Actions, ", "))
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	limit = min(limit, 1000)
	where := "1 = 1"
	var args []any
	add := func(cond string, v any) {
		where += " AND " + cond
		args = append(args, v)
	}
	if q.User != "" {
		add("user = ?", q.User)
	}
	if q.Action != "" {
		add("action = ?", q.Action)
	}
	if q.CallID != "" {
		add("call_id = ?", q.CallID)
	}
	if !q.From.IsZero() {
		add("at >= ?", q.From.UTC())
	}
	if !q.To.IsZero() {
		add("at < ?", q.To.UTC())
	}
	if q.Cursor != "" {
		b, err := base64.RawURLEncoding.DecodeString(q.Cursor)
		var ns uint64
		if err == nil {
			ns, err = strconv.ParseUint(string(b), 10, 64)
		}
		if err != nil || len(q.Cursor) > 64 {
			return Page{}, ErrBadCursor
		}
		add("at_ns < ?", ns)
	}
	rows, err := db.Query(ctx, `SELECT at_ns, user, role, action, call_id, department, status, method, path, remote, detail
FROM audit WHERE `+where+` ORDER BY at_ns DESC LIMIT `+strconv.Itoa(limit), args...)
	if err != nil {
		return Page{}, fmt.Errorf("audit: read: %w", err)
	}
	defer rows.Close()
	p := Page{Events: []Event{}}
	var lastNS uint64
	for rows.Next() {
		var e Event
		var ns uint64
		var status uint16
		if err := rows.Scan(&ns, &e.User, &e.Role, &e.Action, &e.CallID, &e.Department, &status, &e.Method, &e.Path, &e.Remote, &e.Detail); err != nil {
			return Page{}, fmt.Errorf("audit: read: %w", err)
		}
		e.At, e.Status, lastNS = time.Unix(0, int64(ns)).UTC(), int(status), ns
		p.Events = append(p.Events, e)
	}
	if err := rows.Err(); err != nil {
		return Page{}, fmt.Errorf("audit: read: %w", err)
	}
	if len(p.Events) == limit {
		p.Next = base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatUint(lastNS, 10)))
	}
	return p, nil
}

// MarshalJSONLines writes events one JSON object a line.
func MarshalJSONLines(events []Event) ([]byte, error) {
	var out []byte
	for _, e := range events {
		b, err := json.Marshal(e)
		if err != nil {
			return nil, err
		}
		out = append(append(out, b...), '\n')
	}
	return out, nil
}
