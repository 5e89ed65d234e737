package app

import (
	"context"
	"errors"
	"os"
	"slices"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/callscope/callscope/internal/api"
	"github.com/callscope/callscope/internal/config"
)

// TestDictionaryPhrases: GET /api/v1/dictionaries/{language}/{category}
// shows a dictionary's phrases as its YAML file has them (read here on its
// own), and an unknown one is ErrNoDictionary.
func TestDictionaryPhrases(t *testing.T) {
	var cfg config.Config
	cfg.Dictionaries.Dir = "../../dictionaries"
	d, err := newDictionaries(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
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
