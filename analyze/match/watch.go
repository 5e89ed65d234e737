package match

import (
	"context"
	"crypto/sha256"
	"encoding/hex"

	"fmt"
	"io/fs"
	"log/slog"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/callscope/callscope/internal/safefile"
)

// Watcher keeps a Matcher compiled from a directory and replaces it when the
// files change, but only with a set that loads and compiles: a broken edit
// is logged with its file:line:col errors and the working set stays.
// Current is safe to call from any goroutine while Run polls.
type Watcher struct {
	dir      string
	models   bool // false: the set's trained models are left out
	interval time.Duration
	log      *slog.Logger
	current  atomic.Pointer[Matcher]
	// seen is the fingerprint of the files last tried, good or bad, so a
	// broken set is reported once, not on every poll.
	seen string
}

// NewWatcher loads and compiles the dictionaries of dir. The first load
// must succeed: a process should not start without working dictionaries.
// interval is how often Run looks at the files (at least 100 ms). Without
// models every set it compiles leaves the trained category models out.
func NewWatcher(dir string, interval time.Duration, models bool, log *slog.Logger) (*Watcher, error) {
	if log == nil {
		log = slog.Default()
	}
	w := &Watcher{dir: dir, models: models, interval: max(interval, 100*time.Millisecond), log: log}
	fp, err := Fingerprint(dir)
	if err != nil {
		return nil, err
	}
	m, err := compileDir(dir, models)
	if err != nil {
		return nil, err
	}
	w.seen = fp
	w.current.Store(m)
	return w, nil
}

// Current is the matcher in use: the last set that loaded and compiled.
func (w *Watcher) Current() *Matcher { return w.current.Load() }

// Run polls the directory until ctx is done. A changed set that validates
// replaces the current matcher (logged with the old and new versions); one
// that does not is logged at error level, each mistake with its place, and
// ignored until the files change again.
func (w *Watcher) Run(ctx context.Context) {
	t := time.NewTicker(w.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			w.Check()
		}
	}
}

// Check looks at the directory once, as Run does on every tick, and
// reports whether the matcher was replaced.
func (w *Watcher) Check() bool {
	fp, err := Fingerprint(w.dir)
	if err != nil {
		if fp != w.seen {
			w.log.Error("dictionaries unreadable; keeping the working set", "dir", w.dir, "version", w.Current().Version(), "err", err)
			w.seen = fp
		}
		return false
	}
	if fp == w.seen {
		return false
	}
	w.seen = fp
	m, err := compileDir(w.dir, w.models)
	if err != nil {
		msgs := errorLines(err)
		w.log.Error("dictionaries changed but do not validate; keeping the working set",
			"dir", w.dir, "version", w.Current().Version(), "errors", len(msgs))
		for _, msg := range msgs {
			w.log.Error("dictionary error", "err", msg)
		}
		return false
	}
	old := w.Current()
	if m.Version() == old.Version() {
		return false // a comment or formatting changed
	}
	w.current.Store(m)
	w.log.Info("dictionaries reloaded", "dir", w.dir, "from", old.Version(), "to", m.Version())
	return true
}

func compileDir(dir string, models bool) (*Matcher, error) {
	set, err := LoadDir(dir)
	if err != nil {
		return nil, err
	}
	if !models {
		set = set.WithoutModels()
	}
	return Compile(set)
}

// errorLines splits a joined error into its messages, one per mistake.
func errorLines(err error) []string {
	var out []string
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		out = append(out, e.Error())
	}
	walk(err)
	return out
}

// ErrorLines lists the mistakes a Load or Compile error holds, one message
// each (file:line:col: what is wrong), in the order found.
func ErrorLines(err error) []string {
	if err == nil {
		return nil
	}
	return errorLines(err)
}

// Fingerprint is a hash of the names, sizes and contents of the dictionary
// and model files under dir: cheap to compute every few seconds, and it changes with
// any edit (Set.Version ignores comments; this does not, which only costs
// one needless compile).
func Fingerprint(dir string) (string, error) {
	h := sha256.New()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		// The trained models (models/<language>/<category>.json) are
		// part of the set: a retrained one reloads like an edited phrase.
		rel, _ := filepath.Rel(dir, p)
		if strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml") || isModelFile(filepath.ToSlash(rel)) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return "error:" + err.Error(), fmt.Errorf("dictionaries %s: %w", dir, err)
	}
	if len(files) == 0 {
		return "empty", fmt.Errorf("dictionaries %s: %w", dir, ErrNoDictionaries)
	}
	sort.Strings(files)
	for _, f := range files {
		limit := int64(MaxFileBytes)
		if strings.HasSuffix(f, ".json") {
			limit = MaxModelBytes
		}
		data, err := safefile.Read(f, limit)
		if err != nil {
			return "error:" + err.Error(), fmt.Errorf("dictionary %s: %w", f, err)
		}
		fmt.Fprintf(h, "%s\x00%d\x00", f, len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
