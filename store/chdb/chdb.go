// Package chdb is a small binding to chDB (ClickHouse as a library,
// libchdb.so) over github.com/ebitengine/purego, so callscope embeds
// ClickHouse without cgo.
//
// It covers what the store needs: connect to a data directory, run a query
// and get its whole output in a named format, stream an INSERT in a named
// format, close. The library is loaded once per process. chDB keeps one
// storage path per process: connections to a second path fail until every
// connection to the first is closed (ErrOtherPath).
package chdb

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"unsafe"

	"github.com/ebitengine/purego"

	"github.com/callscope/callscope/internal/safefile"

	"github.com/callscope/callscope/internal/cachedir"
)

// LibraryVersion is the chDB release callscope is built and tested against
// (npm @chdb/lib-linux-x64-gnu); older releases lack the streaming INSERT API.
const LibraryVersion = "26.7.3-stable.1"

// ErrLibraryMissing means libchdb.so is not where LibraryPath says.
var ErrLibraryMissing = errors.New("chdb: libchdb.so is missing: run scripts/setup.sh chdb (or set CALLSCOPE_CHDB_LIB)")

// ErrOtherPath means a connection to another data directory is open in this
// process; chDB serves one storage path per process.
var ErrOtherPath = errors.New("chdb: another data directory is open in this process")

// ErrClosed is returned by a closed connection.
var ErrClosed = errors.New("chdb: connection is closed")

// LibraryPath is where libchdb.so is looked for: $CALLSCOPE_CHDB_LIB, else
// the callscope cache ($CALLSCOPE_CACHE or ~/.cache/callscope) under
// chdb/<LibraryVersion>/.
func LibraryPath() string {
	if p := os.Getenv("CALLSCOPE_CHDB_LIB"); p != "" {
		return p
	}
	return filepath.Join(cachedir.Dir(), "chdb", LibraryVersion, "libchdb.so")
}

// The C API, as declared in chDB's programs/local/chdb.h. Handles are opaque
// pointers; chdb_connect returns a chdb_connection* that chdb_close_conn
// takes back, and every other call takes the chdb_connection it points to.
var lib struct {
	setSignalHandlersEnabled func(enabled int32)
	version                  func() string
	connect                  func(argc int32, argv unsafe.Pointer) unsafe.Pointer
	closeConn                func(conn unsafe.Pointer)
	queryN                   func(conn unsafe.Pointer, query unsafe.Pointer, queryLen uintptr, format string, formatLen uintptr) unsafe.Pointer
	destroyQueryResult       func(res unsafe.Pointer)
	resultBuffer             func(res unsafe.Pointer) unsafe.Pointer
	resultLength             func(res unsafe.Pointer) uintptr
	resultError              func(res unsafe.Pointer) unsafe.Pointer
	resultRowsRead           func(res unsafe.Pointer) uint64
	resultRowsWritten        func(res unsafe.Pointer) uint64
	streamInsertN            func(conn unsafe.Pointer, query string, queryLen uintptr, format string, formatLen uintptr) unsafe.Pointer
	streamAppend             func(stream unsafe.Pointer, data unsafe.Pointer, n uintptr) int32
	streamDone               func(stream unsafe.Pointer) unsafe.Pointer
	streamInsertError        func(stream unsafe.Pointer) unsafe.Pointer
	destroyInsertStream      func(stream unsafe.Pointer)
}

var (
	loadOnce sync.Once
	loadErr  error
)

// Load loads libchdb.so once per process (it is large: loading takes a
// moment). Open calls it; call it early to fail fast.
func Load() error {
	loadOnce.Do(func() { loadErr = load(LibraryPath()) })
	return loadErr
}

func load(path string) (err error) {
	if _, statErr := os.Stat(path); statErr != nil {
		return fmt.Errorf("%w: %s", ErrLibraryMissing, path)
	}
	h, err := purego.Dlopen(path, purego.RTLD_NOW|purego.RTLD_GLOBAL)
	if err != nil {
		return fmt.Errorf("chdb: load %s: %w", path, err)
	}
	defer func() {
		// RegisterLibFunc panics on a missing symbol: an incompatible release.
		if r := recover(); r != nil {
			err = fmt.Errorf("chdb: %s is not chDB %s: %v", path, LibraryVersion, r)
		}
	}()
	purego.RegisterLibFunc(&lib.setSignalHandlersEnabled, h, "chdb_set_signal_handlers_enabled")
	purego.RegisterLibFunc(&lib.version, h, "chdb_version")
	purego.RegisterLibFunc(&lib.connect, h, "chdb_connect")
	purego.RegisterLibFunc(&lib.closeConn, h, "chdb_close_conn")
	purego.RegisterLibFunc(&lib.queryN, h, "chdb_query_n")
	purego.RegisterLibFunc(&lib.destroyQueryResult, h, "chdb_destroy_query_result")
	purego.RegisterLibFunc(&lib.resultBuffer, h, "chdb_result_buffer")
	purego.RegisterLibFunc(&lib.resultLength, h, "chdb_result_length")
	purego.RegisterLibFunc(&lib.resultError, h, "chdb_result_error")
	purego.RegisterLibFunc(&lib.resultRowsRead, h, "chdb_result_rows_read")
	purego.RegisterLibFunc(&lib.resultRowsWritten, h, "chdb_result_rows_written")
	purego.RegisterLibFunc(&lib.streamInsertN, h, "chdb_stream_insert_n")
	purego.RegisterLibFunc(&lib.streamAppend, h, "chdb_stream_append")
	purego.RegisterLibFunc(&lib.streamDone, h, "chdb_stream_done")
	purego.RegisterLibFunc(&lib.streamInsertError, h, "chdb_stream_insert_error")
	purego.RegisterLibFunc(&lib.destroyInsertStream, h, "chdb_destroy_insert_stream")
	// The Go runtime owns the process's signals (preemption, nil checks):
	// chDB must not install its own handlers.
	lib.setSignalHandlersEnabled(0)
	return nil
}

// Version is the version string of the loaded library.
func Version() (string, error) {
	if err := Load(); err != nil {
		return "", err
	}
	return lib.version(), nil
}

// open tracks the data directory of this process and how many connections
// use it.
var open struct {
	sync.Mutex
	path  string
	count int
}

// Conn is one chDB connection. It runs one statement at a time; its methods
// are safe for concurrent use (they take turns).
type Conn struct {
	mu   sync.Mutex
	pp   unsafe.Pointer // chdb_connection*
	path string
}

// Open connects to the data directory path (created if missing; ":memory:"
// for a throw-away in-memory engine). Extra args are chDB command-line
// arguments such as "--max_threads=4".
func Open(path string, args ...string) (*Conn, error) {
	if err := Load(); err != nil {
		return nil, err
	}
	if path != ":memory:" {
		abs, err := filepath.Abs(path)
		if err != nil {
			return nil, fmt.Errorf("chdb: data directory %s: %w", path, err)
		}
		path = abs
		if err := os.MkdirAll(path, 0o755); err != nil {
			return nil, fmt.Errorf("chdb: data directory %s: %w", path, err)
		}
		// chDB cannot work in a directory it cannot write, and says only
		// that the connection failed.
		if err := safefile.CheckWritable(path); err != nil {
			return nil, fmt.Errorf("chdb: data directory: %w", err)
		}
	}
	open.Lock()
	defer open.Unlock()
	if open.count > 0 && open.path != path {
		return nil, fmt.Errorf("%w: %s is open, %s asked", ErrOtherPath, open.path, path)
	}
	argv := append([]string{"callscope", "--path=" + path}, args...)
	cargs := make([][]byte, len(argv))
	ptrs := make([]*byte, len(argv)+1)
	for i, a := range argv {
		cargs[i] = append([]byte(a), 0)
		ptrs[i] = &cargs[i][0]
	}
	pp := lib.connect(int32(len(argv)), unsafe.Pointer(&ptrs[0]))
	runtime.KeepAlive(cargs)
	runtime.KeepAlive(ptrs)
	if pp == nil || *(*unsafe.Pointer)(pp) == nil {
		return nil, fmt.Errorf("chdb: connect to %s failed (is another process using it?)", path)
	}
	open.path = path
	open.count++
	return &Conn{pp: pp, path: path}, nil
}

// Path is the data directory of the connection.
func (c *Conn) Path() string { return c.path }

// Result is the output of one query.
type Result struct {
	Data        []byte // the output in the requested format, copied into Go memory
	RowsRead    uint64
	RowsWritten uint64
}

// Query runs one statement and returns its whole output in format (for
// example "Native", "TabSeparated", "JSONEachRow").
func (c *Conn) Query(query, format string) (Result, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pp == nil {
		return Result{}, ErrClosed
	}
	q := []byte(query)
	if len(q) == 0 {
		q = []byte{0}
	}
	res := lib.queryN(*(*unsafe.Pointer)(c.pp), unsafe.Pointer(&q[0]), uintptr(len(query)), format, uintptr(len(format)))
	runtime.KeepAlive(q)
	if res == nil {
		return Result{}, errors.New("chdb: query returned no result")
	}
	defer lib.destroyQueryResult(res)
	return takeResult(res)
}

func takeResult(res unsafe.Pointer) (Result, error) {
	if msg := cString(lib.resultError(res)); msg != "" {
		return Result{}, &Error{Message: msg}
	}
	r := Result{RowsRead: lib.resultRowsRead(res), RowsWritten: lib.resultRowsWritten(res)}
	if n := lib.resultLength(res); n > 0 {
		if buf := lib.resultBuffer(res); buf != nil {
			r.Data = append([]byte(nil), unsafe.Slice((*byte)(buf), n)...)
		}
	}
	return r, nil
}

// Insert runs a streaming INSERT: query names the table and columns without
// FORMAT or data ("INSERT INTO t (a, b)"), data holds rows in format (for
// example "Native"). Binary data never goes through the query text.
func (c *Conn) Insert(query, format string, data []byte) (rowsWritten uint64, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pp == nil {
		return 0, ErrClosed
	}
	st := lib.streamInsertN(*(*unsafe.Pointer)(c.pp), query, uintptr(len(query)), format, uintptr(len(format)))
	if st == nil {
		return 0, errors.New("chdb: stream insert returned no handle")
	}
	defer lib.destroyInsertStream(st)
	if msg := cString(lib.streamInsertError(st)); msg != "" {
		return 0, &Error{Message: msg}
	}
	if len(data) > 0 {
		rc := lib.streamAppend(st, unsafe.Pointer(&data[0]), uintptr(len(data)))
		runtime.KeepAlive(data)
		if rc != 0 {
			msg := cString(lib.streamInsertError(st))
			if msg == "" {
				msg = "append failed"
			}
			return 0, &Error{Message: msg}
		}
	}
	res := lib.streamDone(st)
	if res == nil {
		return 0, errors.New("chdb: stream insert finished without a result")
	}
	defer lib.destroyQueryResult(res)
	r, err := takeResult(res)
	return r.RowsWritten, err
}

// Close closes the connection. Closing twice is harmless.
func (c *Conn) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pp == nil {
		return nil
	}
	lib.closeConn(c.pp)
	c.pp = nil
	open.Lock()
	open.count--
	open.Unlock()
	return nil
}

// Error is an error reported by the engine.
type Error struct{ Message string }

func (e *Error) Error() string { return "chdb: " + e.Message }

// cString copies a NUL-terminated C string; nil is "".
func cString(p unsafe.Pointer) string {
	if p == nil {
		return ""
	}
	n := 0
	for *(*byte)(unsafe.Add(p, n)) != 0 {
		n++
	}
	return string(unsafe.Slice((*byte)(p), n))
}
