package app

import (
	"context"
	"fmt"

	"github.com/callscope/callscope/internal/api"
)

// Phrases shows one dictionary of those in use with its phrases, as its
// YAML file defines them.
func (d *dictionaries) Phrases(ctx context.Context, language, category string) (api.DictDetail, error) {
	m := d.matcher()
	for _, dict := range m.Set().Dictionaries {
		if dict.Language != language || dict.Category != category {
			continue
		}
		out := api.DictDetail{Name: dict.Language + "/" + dict.Category, Category: dict.Category, Language: dict.Language,
			Version: m.Version(), Description: dict.Description, Channel: dict.Channel,
			Exclude: append([]string{}, dict.Exclude...), Phrases: []api.DictPhrase{}}
		for _, p := range dict.Phrases {
			out.Phrases = append(out.Phrases, api.DictPhrase{ID: p.ID, Text: p.Text, Variants: p.Variants,
				Description: p.Description, Channel: p.Channel, Exact: p.Exact, Weight: p.Weight, Exclude: p.Exclude})
		}
		return out, nil
	}
	return api.DictDetail{}, fmt.Errorf("%w: %s/%s", api.ErrNoDictionary, language, category)
}
