package match

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/testenv"
)

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

const watchDict = "category: complaint\nlanguage: ru\nphrases:\n  - id: a\n    text: жалоба\n"

func TestWatcher(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "ru", "complaint.yaml")
	writeFile(t, file, watchDict)
	var logs testenv.SyncBuffer
	w, err := NewWatcher(dir, 10*time.Millisecond, true, slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	first := w.Current()

	// A comment changes the files but not the version: no swap.
	writeFile(t, file, "# note\n"+watchDict)
	if w.Check() || w.Current() != first {
		t.Error("a comment replaced the matcher")
	}

	// A broken edit is logged with its place and never replaces the set.
	writeFile(t, file, watchDict+"    exlude: [x]\n")
	if w.Check() || w.Current() != first {
		t.Fatal("a broken set replaced the working one")
	}
	if want := file + `:6:5: unknown field \"exlude\"`; !strings.Contains(logs.String(), want) {
		t.Errorf("log lacks %s:\n%s", want, logs.String())
	}
	if !strings.Contains(logs.String(), "keeping the working set") {
		t.Errorf("log does not say the working set stays:\n%s", logs.String())
	}
	// A phrase that compiles badly (a duplicate after stemming) too.
	writeFile(t, file, watchDict+"  - id: b\n    text: жалобу\n")
	if w.Check() || w.Current() != first {
		t.Fatal("a set that does not compile replaced the working one")
	}

	// A good edit replaces it, through Run as a worker runs it.
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { w.Run(ctx); close(done) }()
	writeFile(t, file, watchDict+"  - id: b\n    text: претензия\n")
	deadline := time.Now().Add(5 * time.Second)
	for w.Current() == first && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	<-done
	if w.Current() == first {
		t.Fatal("a valid change was not loaded")
	}
	if w.Current().Version() == first.Version() {
		t.Error("new matcher has the old version")
	}
	if !strings.Contains(logs.String(), "dictionaries reloaded") {
		t.Errorf("reload not logged:\n%s", logs.String())
	}
}

func TestNewWatcherMustValidate(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "ru", "c.yaml"), "category: c\nlanguage: ru\nphrases: []\n")
	_, err := NewWatcher(dir, time.Second, true, nil)
	if err == nil || !strings.Contains(err.Error(), "c.yaml:3:10: phrases is empty") {
		t.Errorf("got %v", err)
	}
	if _, err := NewWatcher(t.TempDir(), time.Second, true, nil); err == nil {
		t.Error("an empty dir loaded")
	}
}

// TestWatcherModels: a model added, retrained or removed under models/ is
// reloaded like an edited phrase.
func TestWatcherModels(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "ru", "complaint.yaml"), watchDict)
	w, err := NewWatcher(dir, time.Hour, true, slog.New(slog.NewTextHandler(&testenv.SyncBuffer{}, nil)))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "models", "ru", "complaint.json")
	model := func(threshold string) string {
		return `{"bias": -1, "category": "complaint", "channel": "client", "language": "ru", "min_features": 0,
  "threshold": ` + threshold + `, "training": {"calls": 0, "l2": 0, "max_df": 0, "min_df": 0, "positives": 0, "steps": 0},
  "weights": {"безобраз": 3}, "window": 0}`
	}
	for _, step := range []struct {
		name   string
		write  func()
		models int
	}{
		{"added", func() { writeFile(t, file, model("0.5")) }, 1},
		{"retrained", func() { writeFile(t, file, model("0.6")) }, 1},
		{"removed", func() { os.Remove(file) }, 0},
	} {
		before := w.Current()
		step.write()
		if !w.Check() || w.Current() == before || len(w.Current().Models("ru")) != step.models {
			t.Errorf("model %s: not reloaded (%d models)", step.name, len(w.Current().Models("ru")))
		}
	}
}
