package secrets_test

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/callscope/callscope/internal/secrets"
)

func TestMaskText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"nats://127.0.0.1:4222", "nats://127.0.0.1:4222"},
		{"nats://alice:s3cret@n1:4222,nats://bob:pw2@n2:4222", "nats://alice:***@n1:4222,nats://bob:***@n2:4222"},
		{"nats://tok3n@n1:4222", "nats://***@n1:4222"},
		{"clickhouse://callscope:secret@ch-1:9000/callscope", "clickhouse://callscope:***@ch-1:9000/callscope"},
		{"clickhouse://callscope@ch-1:9000/db?password=qpw&dial_timeout=5s", "clickhouse://callscope@ch-1:9000/db?password=***&dial_timeout=5s"},
		{"clickhouse://u:p%40ss@h:9000/db", "clickhouse://u:***@h:9000/db"},
		{"store: clickhouse clickhouse://u@h/db?password=pw: dial tcp: refused", "store: clickhouse clickhouse://u@h/db?password=***: dial tcp: refused"},
		{`parse "nats://a:pw@h:bad": invalid port`, `parse "nats://a:***@h:bad": invalid port`},
		{"chdb:///srv/callscope/clickhouse", "chdb:///srv/callscope/clickhouse"},
		{"minio:9000", "minio:9000"},
		{"http://minio:9000", "http://minio:9000"},
		{"https://user@host/x", "https://user@host/x"}, // a user name alone is no secret outside NATS
	} {
		if got := secrets.MaskText(tt.in); got != tt.want {
			t.Errorf("MaskText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestScrub(t *testing.T) {
	raw := "nats://alice:s3cretpw@h:4222"
	_, perr := url.Parse("nats://alice:s3cretpw@h:bad")
	base := errors.New("boom")
	for _, err := range []error{
		perr,
		fmt.Errorf("auth failed for s3cretpw: %w", base), // quoted outside a URL
	} {
		got := secrets.Scrub(err, raw)
		if strings.Contains(got.Error(), "s3cretpw") {
			t.Errorf("Scrub left the password in %q", got)
		}
		if !errors.Is(got, err) {
			t.Errorf("Scrub(%v) does not wrap the original", err)
		}
	}
	if secrets.Scrub(nil, raw) != nil {
		t.Error("Scrub(nil) != nil")
	}
}
