package app

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/internal/api"
	"github.com/callscope/callscope/internal/config"
)

// TestDictionaryPhrases: GET /api/v1/dictionaries/{language}/{category}
// shows a dictionary's phrases as its YAML file has them (read here on its
// own), and an unknown one is ErrNoDictionary.
func TestDictionaryPhrases(t *testing.T) {
	var cfg config.Config
	cfg.Dictionaries.Dir = "../../dictionaries"
	current, _, err := dictionarySource(cfg, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	d := &dictionaries{matcher: current}
	ctx := context.Background()
	for _, name := range []string{"complaint", "incompetence"} {
		data, err := os.ReadFile("../../dictionaries/ru/" + name + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		var file struct {
			Channel string   `yaml:"channel"`
			Exclude []string `yaml:"exclude"`
			Phrases []struct {
				ID       string   `yaml:"id"`
				Text     string   `yaml:"text"`
				Variants []string `yaml:"variants"`
			} `yaml:"phrases"`
		}
		if err := yaml.Unmarshal(data, &file); err != nil {
			t.Fatal(err)
		}
		got, err := d.Phrases(ctx, "ru", name)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != "ru/"+name || got.Category != name || got.Channel != file.Channel || !slices.Equal(got.Exclude, file.Exclude) || got.Version == "" {
			t.Errorf("%s: %+v", name, got)
		}
		if len(got.Phrases) != len(file.Phrases) || len(got.Phrases) == 0 {
			t.Fatalf("%s: %d phrases, the file has %d", name, len(got.Phrases), len(file.Phrases))
		}
		for i, p := range file.Phrases {
			g := got.Phrases[i]
			if g.ID != p.ID || g.Text != p.Text || !slices.Equal(g.Variants, p.Variants) || g.Weight <= 0 {
				t.Errorf("%s phrase %d: %+v, file %+v", name, i, g, p)
			}
		}
	}
	if _, err := d.Phrases(ctx, "ru", "no_such_category"); !errors.Is(err, api.ErrNoDictionary) {
		t.Errorf("unknown category: %v", err)
	}
	if _, err := d.Phrases(ctx, "xx", "complaint"); !errors.Is(err, api.ErrNoDictionary) {
		t.Errorf("unknown language: %v", err)
	}
}

// TestDictionarySourceReloads: a dictionary an analyst publishes into
// dictionaries.dir reaches the API's list (and so the categories its
// filters know) after a reload, without a restart: through the workers'
// watcher when the process runs workers, through a watcher of its own when
// it serves the API alone; with reloading off the set loaded at start stays.
func TestDictionarySourceReloads(t *testing.T) {
	const first = "category: complaint\nlanguage: ru\nphrases:\n  - id: zhaloba\n    text: жалоба\n"
	const published = "category: brand_new\nlanguage: ru\nphrases:\n  - id: novoe\n    text: совсем новое\n"
	for _, tc := range []struct {
		name        string
		reload      time.Duration
		withWorkers bool
		wantOwn     bool
		wantNew     bool
	}{
		{name: "workers reload: the API reads their set", reload: time.Minute, withWorkers: true, wantNew: true},
		{name: "API alone reloads: its own watcher", reload: time.Minute, wantOwn: true, wantNew: true},
		{name: "reloading off: the set loaded at start", reload: 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "complaint.yaml"), []byte(first), 0o644); err != nil {
				t.Fatal(err)
			}
			var cfg config.Config
			cfg.Dictionaries.Dir, cfg.Dictionaries.Reload = dir, tc.reload
			log := slog.New(slog.NewTextHandler(io.Discard, nil))
			var stages *Stages
			if tc.withWorkers {
				_, w, err := newAnalyzer(cfg, log)
				if err != nil {
					t.Fatal(err)
				}
				stages = &Stages{dictionaries: w}
			}
			current, own, err := dictionarySource(cfg, stages, log)
			if err != nil {
				t.Fatal(err)
			}
			if (own != nil) != tc.wantOwn {
				t.Fatalf("own watcher %v, want %v", own != nil, tc.wantOwn)
			}
			d := &dictionaries{matcher: current}
			if got := listedCategories(t, d); !slices.Equal(got, []string{"complaint"}) {
				t.Fatalf("at start: %v", got)
			}

			// The analyst publishes a new category; the watchers look once.
			if err := os.WriteFile(filepath.Join(dir, "brand_new.yaml"), []byte(published), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, w := range []*match.Watcher{own, stages.watcher()} {
				if w != nil {
					w.Check()
				}
			}
			want := []string{"complaint"}
			if tc.wantNew {
				want = []string{"brand_new", "complaint"}
			}
			if got := listedCategories(t, d); !slices.Equal(got, want) {
				t.Errorf("after publishing: %v, want %v", got, want)
			}
		})
	}
}

// watcher is the workers' dictionary watcher, nil without workers.
func (s *Stages) watcher() *match.Watcher {
	if s == nil {
		return nil
	}
	return s.dictionaries
}

func listedCategories(t *testing.T, d *dictionaries) []string {
	t.Helper()
	l, err := d.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, x := range l.Dictionaries {
		out = append(out, x.Category)
	}
	slices.Sort(out)
	return out
}
