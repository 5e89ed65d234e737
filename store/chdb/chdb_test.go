package chdb_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/callscope/callscope/store/chdb"
)

func openTemp(t *testing.T) *chdb.Conn {
	t.Helper()
	if err := chdb.Load(); errors.Is(err, chdb.ErrLibraryMissing) {
		t.Skipf("chDB not installed: %v", err)
	} else if err != nil {
		t.Fatal(err)
	}
	c, err := chdb.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func TestQueryInsert(t *testing.T) {
	c := openTemp(t)
	if _, err := c.Query("CREATE TABLE t (a UInt32, s String) ENGINE = MergeTree ORDER BY a", ""); err != nil {
		t.Fatal(err)
	}
	n, err := c.Insert("INSERT INTO t (a, s)", "TabSeparated", []byte("1\tодин\n2\ttwo\n"))
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("rows written = %d, want 2", n)
	}
	r, err := c.Query("SELECT a, s FROM t ORDER BY a", "TabSeparated")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(r.Data), "1\tодин\n2\ttwo\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	_, err = c.Query("SELECT nosuchcolumn FROM t", "TabSeparated")
	var ce *chdb.Error
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "nosuchcolumn") {
		t.Errorf("bad query: err = %v, want a chdb.Error naming the column", err)
	}
	if _, err := chdb.Open(t.TempDir()); !errors.Is(err, chdb.ErrOtherPath) {
		t.Errorf("second path: err = %v, want ErrOtherPath", err)
	}
}

func TestVersion(t *testing.T) {
	openTemp(t)
	v, err := chdb.Version()
	if err != nil || !strings.HasPrefix(v, "26.") {
		t.Errorf("Version() = %q, %v", v, err)
	}
}
