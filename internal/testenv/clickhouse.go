package testenv

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/callscope/callscope/store/chdb"
)

// clickHouseBinaries are where Debian's clickhouse-server package puts the
// server, newest layout first.
var clickHouseBinaries = [][]string{
	{"/usr/bin/clickhouse-server"},
	{"/usr/sbin/clickhouse-server"},
	{"/usr/bin/clickhouse", "server"},
}

// ClickHouse starts Debian's clickhouse-server (18.16 here) on a free
// loopback native port with a generated minimal configuration in a
// temporary directory, and returns its DSN
// (clickhouse://default@127.0.0.1:PORT/callscope). The server stops when the
// test ends; its logs stay in the temporary directory and are printed if it
// does not start. Skipped when the binary is missing or under -short.
func ClickHouse(t testing.TB) string {
	t.Helper()
	argv, dir, cfgPath, addr := prepareClickHouse(t)
	cmd := exec.Command(argv[0], append(argv[1:], "--config-file="+cfgPath)...)
	cmd.Dir = dir
	exited := startLogged(t, cmd, filepath.Join(dir, "stdout.log"))
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(15 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
	})
	if err := waitTCP(addr, 30*time.Second, exited); err != nil {
		for _, f := range []string{"stdout.log", "server.err.log"} {
			if b, _ := os.ReadFile(filepath.Join(dir, f)); len(b) > 0 {
				t.Logf("%s:\n%s", f, tail(b, 4000))
			}
		}
		t.Fatalf("testenv: clickhouse-server: %v", err)
	}
	return fmt.Sprintf("clickhouse://default@%s/callscope", addr)
}

func waitTCP(addr string, timeout time.Duration, exited <-chan error) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	var d net.Dialer
	for {
		c, err := d.DialContext(ctx, "tcp", addr)
		if err == nil {
			c.Close()
			return nil
		}
		select {
		case err := <-exited:
			return fmt.Errorf("exited before listening on %s: %v", addr, err)
		case <-ctx.Done():
			return fmt.Errorf("not listening on %s after %s", addr, timeout)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

// ChDB returns a chdb:// DSN for a fresh data directory of the test, or
// skips if libchdb.so is not installed. chDB serves one data directory per
// process: close the previous test's DB before opening the next (store.Open
// reports chdb.ErrOtherPath otherwise); tests using it must not run in
// parallel.
func ChDB(t testing.TB) string {
	t.Helper()
	if err := chdb.Load(); errors.Is(err, chdb.ErrLibraryMissing) {
		t.Skipf("chDB not installed: run scripts/setup.sh chdb (%v)", err)
	} else if err != nil {
		t.Fatalf("testenv: %v", err)
	}
	return "chdb://" + filepath.Join(t.TempDir(), "clickhouse")
}

// prepareClickHouse finds the server binary (skipping the test without it)
// and writes a configuration for a fresh server on a free loopback port in
// a temporary directory.
func prepareClickHouse(t testing.TB) (argv []string, dir, cfgPath, addr string) {
	t.Helper()
	SkipIfShort(t)
	for _, b := range clickHouseBinaries {
		if _, err := os.Stat(b[0]); err == nil {
			argv = b
			break
		}
	}
	if argv == nil {
		t.Skip("clickhouse-server not installed: run scripts/setup.sh (apt clickhouse-server)")
	}
	dir = t.TempDir()
	port := FreePort(t)
	for _, d := range []string{"data", "tmp", "user_files", "format_schemas"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	config := fmt.Sprintf(`<?xml version="1.0"?>
<yandex>
    <logger>
        <level>warning</level>
        <log>%[1]s/server.log</log>
        <errorlog>%[1]s/server.err.log</errorlog>
        <console>0</console>
    </logger>
    <listen_host>127.0.0.1</listen_host>
    <tcp_port>%[2]d</tcp_port>
    <path>%[1]s/data/</path>
    <tmp_path>%[1]s/tmp/</tmp_path>
    <user_files_path>%[1]s/user_files/</user_files_path>
    <format_schema_path>%[1]s/format_schemas/</format_schema_path>
    <users_config>%[1]s/users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <timezone>UTC</timezone>
    <mark_cache_size>67108864</mark_cache_size>
    <uncompressed_cache_size>67108864</uncompressed_cache_size>
</yandex>
`, dir, port)
	users := `<?xml version="1.0"?>
<yandex>
    <profiles><default><max_memory_usage>2000000000</max_memory_usage></default></profiles>
    <users>
        <default>
            <password></password>
            <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
            <profile>default</profile>
            <quota>default</quota>
        </default>
    </users>
    <quotas><default></default></quotas>
</yandex>
`
	cfgPath = filepath.Join(dir, "config.xml")
	if err := os.WriteFile(cfgPath, []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "users.xml"), []byte(users), 0o644); err != nil {
		t.Fatal(err)
	}
	return argv, dir, cfgPath, fmt.Sprintf("127.0.0.1:%d", port)
}

// Backend is a store a query must run on, by name (the subtest's) and the
// DSN of a fresh database of it.
type Backend struct {
	Name string
	DSN  func(testing.TB) string
}

// Backends are the stores every query must agree on: the embedded chDB and
// the ClickHouse 18.16 server.
var Backends = []Backend{{"chdb", ChDB}, {"clickhouse-18.16", ClickHouse}}
