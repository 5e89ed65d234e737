package whatif

import (
	"fmt"
	"slices"

	"github.com/callscope/callscope/analyze/match"
)

// Replace compiles base with one dictionary changed: data is the YAML of a
// dictionary file (docs/dictionaries.md), which replaces base's dictionary
// of the same category and language, or is added when base has none. It is
// how an analyst tries one edited file against the set in use (the HTTP
// API's what-if takes one file). name names the file in mistakes, which
// are *match.PosError as the loader's.
func Replace(base *match.Set, name string, data []byte) (*match.Matcher, error) {
	d, err := match.Parse(name, data)
	if err != nil {
		return nil, err
	}
	set := &match.Set{}
	if base != nil {
		// Everything of the base set (its synonym sets too) stays.
		*set = *base
		set.Dictionaries = slices.Clone(base.Dictionaries)
	}
	i := slices.IndexFunc(set.Dictionaries, func(x match.Dictionary) bool {
		return x.Category == d.Category && x.Language == d.Language
	})
	if i >= 0 {
		set.Dictionaries[i] = d
	} else {
		set.Dictionaries = append(set.Dictionaries, d)
	}
	m, err := match.Compile(set)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, nil
}
