package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/audit"
	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/store"
)

// withStdin runs fn with standard input reading text.
func withStdin(t *testing.T, text string, fn func()) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	w.WriteString(text)
	w.Close()
	old := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = old; r.Close() }()
	fn()
}

func TestUsersCommand(t *testing.T) {
	dir := t.TempDir()
	var out, errOut string
	var code int
	withStdin(t, "first password\n", func() {
		out, errOut, code = execute(t, "users", "add", "anna", "--role", "supervisor", "--departments", "Поддержка,Продажи", "--listen", "--password-stdin", "--data", dir)
	})
	if code != 0 || !strings.Contains(out, "added anna (supervisor)") {
		t.Fatalf("users add: %d %s %s", code, out, errOut)
	}
	withStdin(t, "short\n", func() {
		_, errOut, code = execute(t, "users", "add", "bob", "--role", "admin", "--password-stdin", "--data", dir)
	})
	if code == 0 || !strings.Contains(errOut, "at least 8 characters") {
		t.Errorf("short password: %d %s", code, errOut)
	}
	if _, errOut, code = execute(t, "users", "add", "bob", "--role", "root", "--password-stdin", "--data", dir); code == 0 || !strings.Contains(errOut, "role") {
		t.Errorf("unknown role: %d %s", code, errOut)
	}
	// Departments limit supervisors only: for another role they would be
	// stored and listed as a limit the server does not apply.
	for _, args := range [][]string{
		{"users", "add", "dave", "--role", "manager", "--departments", "Продажи", "--password-stdin"},
		{"users", "set", "anna", "--role", "analyst", "--departments", "Продажи"},
	} {
		if _, errOut, code = execute(t, append(args, "--data", dir)...); code == 0 || !strings.Contains(errOut, "--departments is for supervisors") {
			t.Errorf("%v: %d %s, want --departments refused", args, code, errOut)
		}
	}
	if _, errOut, code = execute(t, "users", "set", "anna", "--departments", "Поддержка,Продажи", "--data", dir); code != 0 {
		t.Errorf("a supervisor's departments: %d %s", code, errOut)
	}
	if _, _, code = execute(t, "users", "disable", "anna", "--data", dir); code != 0 {
		t.Errorf("disable: %d", code)
	}
	// --raw-audio: the original recordings, and listening with them.
	withStdin(t, "carol's password\n", func() {
		out, errOut, code = execute(t, "users", "add", "carol", "--role", "manager", "--raw-audio", "--password-stdin", "--data", dir)
	})
	if code != 0 {
		t.Fatalf("users add --raw-audio: %d %s %s", code, out, errOut)
	}
	out, _, _ = execute(t, "users", "list", "--data", dir)
	if !strings.Contains(out, "anna   supervisor  Поддержка,Продажи  yes     no         disabled") ||
		!strings.Contains(out, "carol  manager     (all)              yes     yes        active") {
		t.Errorf("users list:\n%s", out)
	}
	if _, errOut, code = execute(t, "users", "set", "carol", "--no-raw-audio", "--data", dir); code != 0 {
		t.Errorf("set --no-raw-audio: %d %s", code, errOut)
	}
	if _, errOut, code = execute(t, "users", "set", "carol", "--raw-audio", "--no-listen", "--data", dir); code == 0 || !strings.Contains(errOut, "--raw-audio") {
		t.Errorf("set --raw-audio --no-listen: %d %s", code, errOut)
	}
	out, _, _ = execute(t, "users", "list", "--data", dir)
	if !strings.Contains(out, "carol  manager     (all)              yes     no         active") {
		t.Errorf("users list after --no-raw-audio:\n%s", out)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "users.yaml"))
	if strings.Contains(string(data), "first password") {
		t.Error("the password is in the users file")
	}
}

func TestAuditCommand(t *testing.T) {
	testenv.SkipIfShort(t)
	dir := t.TempDir()
	ctx := context.Background()
	db, err := store.Open(ctx, "chdb://"+filepath.Join(dir, "clickhouse"))
	if err != nil {
		t.Skipf("chDB: %v", err)
	}
	if err := store.Migrate(ctx, db); err != nil {
		t.Fatal(err)
	}
	w := audit.NewWriter(db, audit.Config{FlushInterval: time.Hour})
	at := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	w.Record(audit.Event{At: at, User: "anna", Role: "supervisor", Action: audit.Viewed, CallID: "c1", Status: 200, Remote: "127.0.0.1"})
	w.Record(audit.Event{At: at.Add(time.Second), User: "anna", Role: "supervisor", Action: audit.Denied, CallID: "c2", Department: "Продажи", Status: 404})
	w.Record(audit.Event{At: at.Add(2 * time.Second), User: "boss", Role: "admin", Action: audit.AuditRead, Status: 200})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	db.Close()
	out, errOut, code := execute(t, "audit", "--data", dir, "--user", "anna")
	if code != 0 {
		t.Fatalf("audit: %s", errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.Contains(lines[1], "denied") || !strings.Contains(lines[2], "viewed") || !strings.Contains(lines[2], "c1") {
		t.Errorf("audit --user anna (newest first):\n%s", out)
	}
	out, _, _ = execute(t, "audit", "--data", dir, "--call", "c2", "--format", "json")
	if strings.Count(out, "\n") != 1 || !strings.Contains(out, `"department":"Продажи"`) {
		t.Errorf("audit --call c2 --format json:\n%s", out)
	}
	if _, errOut, code = execute(t, "audit", "--data", dir, "--from", "yesterday"); code == 0 || !strings.Contains(errOut, "--from") {
		t.Errorf("bad --from: %d %s", code, errOut)
	}
}
