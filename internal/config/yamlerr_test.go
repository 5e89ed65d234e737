package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadFileErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"wrong type", "workers:\n  analyze: many\n", "bad.yaml:2: cannot unmarshal"},
		{"syntax", "workers:\n  analyze: 1\n bad: [\n", "bad.yaml:2: did not find expected key"},
		{"unknown setting", "log:\n  colour: red\n", "bad.yaml:2: field colour not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "bad.yaml")
			if err := os.WriteFile(path, []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(path, nil)
			if !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Load: %v; want ErrConfig containing %q", err, tt.want)
			}
		})
	}
}
