package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeFile(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "callscope.yaml")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPrecedence(t *testing.T) {
	path := writeFile(t, "s3:\n  bucket: from-file\n  endpoint: file:9000\nworkers:\n  ack_wait: 1m\n")
	cfg, err := Load(path, []string{"CALLSCOPE_S3_ENDPOINT=env:9000", "CALLSCOPE_WORKERS_ANALYZE=7"})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.S3.Bucket != "from-file" {
		t.Errorf("file should override default: %q", cfg.S3.Bucket)
	}
	if cfg.S3.Endpoint != "env:9000" {
		t.Errorf("env should override file: %q", cfg.S3.Endpoint)
	}
	if cfg.Workers.Analyze != 7 || cfg.Workers.AckWait != time.Minute {
		t.Errorf("workers: %+v", cfg.Workers)
	}
	if cfg.S3.TranscriptsBucket != "callscope-transcripts" {
		t.Errorf("defaults survive: %q", cfg.S3.TranscriptsBucket)
	}
	// Flags come last: Set is what the CLI calls for a changed flag.
	if err := Set(&cfg, "s3.endpoint", "flag:9000"); err != nil || cfg.S3.Endpoint != "flag:9000" {
		t.Errorf("flag: %v %q", err, cfg.S3.Endpoint)
	}
}

func TestConfigFromEnvironmentVariable(t *testing.T) {
	path := writeFile(t, "data_dir: /srv/callscope\n")
	cfg, err := Load("", []string{"CALLSCOPE_CONFIG=" + path})
	if err != nil || cfg.DataDir != "/srv/callscope" {
		t.Fatalf("%v %q", err, cfg.DataDir)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, file string
		env        []string
		want       string
	}{
		{"unknown key with line", "s3:\n  bucket: a\n  buckett: b\n", nil, "callscope.yaml:3: field buckett not found"},
		{"wrong type", "workers:\n  analyze: many\n", nil, "callscope.yaml:2: cannot unmarshal"},
		{"bad env int", "", []string{"CALLSCOPE_WORKERS_ANALYZE=lots"}, "CALLSCOPE_WORKERS_ANALYZE: workers.analyze: want a whole number"},
		{"bad env duration", "", []string{"CALLSCOPE_WORKERS_ACK_WAIT=5"}, "want a duration"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(writeFile(t, tt.file), tt.env)
			if err == nil || !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an ErrConfig containing %q", err, tt.want)
			}
		})
	}
	if _, err := Load("/nonexistent/callscope.yaml", nil); err == nil {
		t.Error("a missing named config file is an error")
	}
}

func TestFieldsAndGet(t *testing.T) {
	cfg := Default()
	seen := map[string]bool{}
	for _, f := range Fields() {
		seen[f.Env] = true
		if f.Doc == "" {
			t.Errorf("%s has no doc", f.Path)
		}
		if err := Set(&cfg, f.Path, Get(cfg, f.Path)); err != nil {
			t.Errorf("round trip %s: %v", f.Path, err)
		}
	}
	for _, want := range []string{"CALLSCOPE_S3_ENDPOINT", "CALLSCOPE_CLICKHOUSE_DSN", "CALLSCOPE_NATS_URL", "CALLSCOPE_DATA_DIR", "CALLSCOPE_PRIVACY_CLIENT_ID_KEY"} {
		if !seen[want] {
			t.Errorf("missing %s", want)
		}
	}
}

// TestDictionaryModels: the trained models are on unless a file or the
// environment turns them off.
func TestDictionaryModels(t *testing.T) {
	if !Default().Dictionaries.Models {
		t.Error("models are off by default")
	}
	for _, c := range []struct {
		file string
		env  []string
	}{
		{file: "dictionaries:\n  models: false\n"},
		{file: "data_dir: /srv/callscope\n", env: []string{"CALLSCOPE_DICTIONARIES_MODELS=false"}},
	} {
		cfg, err := Load(writeFile(t, c.file), c.env)
		if err != nil {
			t.Fatal(err)
		}
		if cfg.Dictionaries.Models {
			t.Errorf("%q %v: models still on", c.file, c.env)
		}
	}
}
