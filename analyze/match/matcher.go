package match

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/callscope/callscope/analyze/text"
)

// stemCacheSize bounds the memo of word stems per language (about 8 MB).
const stemCacheSize = 50000

// Matcher finds the phrases of a compiled Set in tokenized text. It is
// immutable after Compile and safe for concurrent use.
type Matcher struct {
	version string
	langs   map[string]*langMatcher
	set     *Set
}

// langMatcher is the trie of one language.
type langMatcher struct {
	stem     text.Stemmer
	root     *node
	dicts    []*Dictionary
	patterns []pattern
}

// node is a trie state. Its edges are keyed by token stem, or by the
// normalized word form for exact phrases; one text position may follow both.
type node struct {
	stem  map[string]*node
	exact map[string]*node
	ends  []int32 // patterns that end here
}

// pattern is one wording (text, variant or exclusion) ending at a node.
type pattern struct {
	dict      int32
	phrase    int32 // index in the dictionary; -1 for a category exclusion
	exclusion bool
	channel   string
	line      int
}

// Hit is a phrase found in a token slice.
type Hit struct {
	Category string
	PhraseID string
	// Channel is the channel the phrase is restricted to (operator, client,
	// any), not the channel it was found on.
	Channel string
	Weight  float64
	// Start and End index the tokens of the hit: [Start, End).
	Start, End int
}

// Compile builds one matcher for every dictionary of the set. It reports
// two wordings of one category that are the same after stemming, since one
// of them is a mistake (usually a second inflection of the same words).
func Compile(set *Set) (*Matcher, error) {
	// A set built by hand has not been checked by LoadFS.
	if err := set.check(); err != nil {
		return nil, err
	}
	m := &Matcher{version: set.Version(), langs: map[string]*langMatcher{}, set: set}
	var errs []error
	for di := range set.Dictionaries {
		d := &set.Dictionaries[di]
		lm := m.langs[d.Language]
		if lm == nil {
			stem, _ := text.StemmerFor(d.Language)
			lm = &langMatcher{stem: text.Cached(stem, stemCacheSize), root: &node{}}
			m.langs[d.Language] = lm
		}
		dix := int32(len(lm.dicts))
		lm.dicts = append(lm.dicts, d)
		// Two phrases with the same words after stemming would fight over
		// every hit; a variant that repeats its own phrase is harmless
		// (analysts list forms the stemmer already joins) and is dropped.
		type origin struct {
			phrase int32
			where  string
		}
		seen := map[string]origin{}
		add := func(s string, exact bool, pt pattern, what string) {
			key, n := lm.insert(s, exact)
			pt.dict = dix
			if !pt.exclusion {
				k := fmt.Sprint(exact, "|", key)
				if prev, dup := seen[k]; dup {
					if prev.phrase != pt.phrase {
						errs = append(errs, &PosError{File: d.File, Line: pt.line, Col: 1,
							Msg: fmt.Sprintf("%s %q has the same words as %s after stemming; keep it in one phrase", what, s, prev.where)})
					}
					return
				}
				seen[k] = origin{pt.phrase, fmt.Sprintf("%q (line %d)", s, pt.line)}
			}
			n.ends = append(n.ends, int32(len(lm.patterns)))
			lm.patterns = append(lm.patterns, pt)
		}
		for _, s := range d.Exclude {
			add(s, false, pattern{phrase: -1, exclusion: true, line: d.Line}, "exclusion")
		}
		for pi, p := range d.Phrases {
			pt := pattern{phrase: int32(pi), channel: p.EffectiveChannel(*d), line: p.Line}
			add(p.Text, p.Exact, pt, "phrase "+p.ID)
			for _, v := range p.Variants {
				add(v, p.Exact, pt, "variant of "+p.ID)
			}
			for _, s := range p.Exclude {
				add(s, false, pattern{phrase: int32(pi), exclusion: true, line: p.Line}, "exclusion")
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return m, nil
}

// insert adds the words of s to the trie and returns their keys joined and
// the final node.
func (lm *langMatcher) insert(s string, exact bool) (string, *node) {
	n := lm.root
	var keys []string
	for _, t := range text.Tokenize(s) {
		k := t.Norm
		edges := &n.exact
		if !exact {
			k = lm.stem(k)
			edges = &n.stem
		}
		keys = append(keys, k)
		if *edges == nil {
			*edges = map[string]*node{}
		}
		next := (*edges)[k]
		if next == nil {
			next = &node{}
			(*edges)[k] = next
		}
		n = next
	}
	return strings.Join(keys, " "), n
}

// Version is the dictionary version of the compiled set (see Set.Version).
func (m *Matcher) Version() string { return m.version }

// Set returns the dictionaries the matcher was compiled from.
func (m *Matcher) Set() *Set { return m.set }

// HasLanguage reports whether any dictionary is in lang.
func (m *Matcher) HasLanguage(lang string) bool { return m.langs[lang] != nil }

// Match finds the phrases of lang's dictionaries in toks, one utterance of
// one speaker. role is who speaks: operator or client match phrases of their
// channel and of any; mixed (both parties on one channel) matches every
// phrase; any other value (speaker unknown) matches only channel-any
// phrases.
//
// A hit overlapped by one of its exclusions is dropped. Within a category
// overlapping hits are reduced to the leftmost-longest, so "я не знаю"
// counts once even if "не знаю" is a phrase too. Hits come ordered by
// Start, then category. The result is appended to dst.
func (m *Matcher) Match(dst []Hit, lang, role string, toks []text.Token) []Hit {
	lm := m.langs[lang]
	if lm == nil || len(toks) == 0 {
		return dst
	}
	stems := make([]string, len(toks))
	for i, t := range toks {
		stems[i] = lm.stem(t.Norm)
	}
	type cand struct {
		pat        int32
		start, end int
	}
	var found []cand
	var walk func(n *node, start, j int)
	walk = func(n *node, start, j int) {
		for _, p := range n.ends {
			found = append(found, cand{p, start, j})
		}
		if j == len(toks) {
			return
		}
		if nx := n.exact[toks[j].Norm]; nx != nil {
			walk(nx, start, j+1)
		}
		if nx := n.stem[stems[j]]; nx != nil {
			walk(nx, start, j+1)
		}
	}
	for i := range toks {
		walk(lm.root, i, i)
	}
	if len(found) == 0 {
		return dst
	}
	// Keep the positive candidates this speaker may say and no exclusion
	// cancels.
	var keep []cand
	for _, c := range found {
		pt := lm.patterns[c.pat]
		if pt.exclusion || !allowed(pt.channel, role) {
			continue
		}
		d := lm.dicts[pt.dict]
		// A category exclusion uses the category's window; a phrase's own
		// exclusions use the phrase's window when it sets one.
		pw := d.ExcludeWindow
		if o := d.Phrases[pt.phrase].ExcludeWindow; o != nil {
			pw = *o
		}
		cancelled := false
		for _, x := range found {
			xp := lm.patterns[x.pat]
			if !xp.exclusion || xp.dict != pt.dict || (xp.phrase >= 0 && xp.phrase != pt.phrase) {
				continue
			}
			w := d.ExcludeWindow
			if xp.phrase >= 0 {
				w = pw
			}
			if x.start < c.end+w && x.end > c.start-w {
				cancelled = true
				break
			}
		}
		if !cancelled {
			keep = append(keep, c)
		}
	}
	// Leftmost-longest per category.
	sort.SliceStable(keep, func(i, j int) bool {
		a, b := keep[i], keep[j]
		if a.start != b.start {
			return a.start < b.start
		}
		if a.end != b.end {
			return a.end > b.end
		}
		return a.pat < b.pat
	})
	lastEnd := make([]int, len(lm.dicts))
	for _, c := range keep {
		pt := lm.patterns[c.pat]
		if c.start < lastEnd[pt.dict] {
			continue
		}
		lastEnd[pt.dict] = c.end
		d := lm.dicts[pt.dict]
		p := d.Phrases[pt.phrase]
		dst = append(dst, Hit{Category: d.Category, PhraseID: p.ID, Channel: pt.channel,
			Weight: p.Weight, Start: c.start, End: c.end})
	}
	return dst
}

func allowed(channel, role string) bool {
	switch {
	case channel == ChannelAny:
		return true
	case role == "mixed":
		return true
	}
	return channel == role
}
