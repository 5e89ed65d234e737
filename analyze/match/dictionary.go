// Package match holds the phrase dictionaries analysts edit and the matcher
// compiled from them.
//
// A dictionary is one YAML file describing one category (complaint, repeat
// contact, ...) in one language. Load or Parse reads dictionaries, checking
// every field and reporting mistakes as file:line:col; Compile turns a Set
// into one Matcher: a trie over stemmed tokens that finds every phrase of
// every category in a single pass over a text. docs/dictionaries.md
// describes the format for analysts.
package match

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/callscope/callscope/analyze/text"
)

// Channels a phrase may be restricted to.
const (
	ChannelOperator = "operator"
	ChannelClient   = "client"
	ChannelAny      = "any"
)

// ErrInvalid is wrapped by every error about a dictionary's content; a
// *PosError says where.
var ErrInvalid = errors.New("invalid dictionary")

// PosError is a mistake at a place in a dictionary file.
type PosError struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *PosError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// Unwrap makes errors.Is(err, ErrInvalid) true.
func (e *PosError) Unwrap() error { return ErrInvalid }

// Dictionary is one category of phrases in one language: the content of one
// YAML file.
type Dictionary struct {
	// Category names what a hit means; reports group by it.
	Category    string `json:"category"`
	Description string `json:"description,omitempty"`
	// Language is a BCP 47 primary tag: ru, en.
	Language string `json:"language"`
	// Channel is the default channel of the phrases: operator, client or any.
	Channel string `json:"channel"`
	// Exclude lists phrases that cancel a hit of any phrase of this
	// category when they overlap it («жалоб нет»).
	Exclude []string `json:"exclude,omitempty"`
	// ExcludeWindow widens the overlap test: an exclusion within this many
	// words before or after a hit cancels it too. 0 means it must share a
	// word with the hit.
	ExcludeWindow int      `json:"exclude_window,omitempty"`
	Phrases       []Phrase `json:"phrases"`

	// File and Line say where the dictionary came from, for messages.
	File string `json:"-"`
	Line int    `json:"-"`
}

// Phrase is one entry of a dictionary.
type Phrase struct {
	// ID is unique within the category and names the phrase in every hit.
	ID string `json:"id"`
	// Text is the phrase as an analyst writes it; case, ё and punctuation
	// do not matter.
	Text string `json:"text"`
	// Variants are other wordings that count as the same phrase, for forms
	// the stemmer does not join (пожаловаться / пожалуюсь).
	Variants []string `json:"variants,omitempty"`
	// Channel overrides the dictionary's channel when not empty.
	Channel string `json:"channel,omitempty"`
	// Exact matches only the written word forms, without stemming.
	Exact bool `json:"exact,omitempty"`
	// Exclude lists phrases that cancel a hit of this phrase.
	Exclude []string `json:"exclude,omitempty"`
	// ExcludeWindow, when not nil, replaces the dictionary's
	// exclude_window for this phrase's own exclusions.
	ExcludeWindow *int `json:"exclude_window,omitempty"`
	// Weight is the phrase's importance for scoring (default 1).
	Weight float64 `json:"weight"`

	Line int `json:"-"`
}

// EffectiveChannel is the channel the phrase is matched on.
func (p Phrase) EffectiveChannel(d Dictionary) string {
	if p.Channel != "" {
		return p.Channel
	}
	return d.Channel
}

var (
	categoryRe = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	idRe       = regexp.MustCompile(`^[\p{L}\p{N}_.\-]+$`)
	langRe     = regexp.MustCompile(`^[a-z]{2,3}$`)
)

// Parse reads one dictionary file. name is used in error messages (and
// should be the path an analyst recognizes). Every problem found is
// reported, each as a *PosError, joined into one error.
func Parse(name string, data []byte) (Dictionary, error) {
	p := parser{file: name}
	d := p.parse(data)
	if len(p.errs) > 0 {
		return Dictionary{}, errors.Join(p.errs...)
	}
	return d, nil
}

type parser struct {
	file string
	errs []error
}

func (p *parser) errf(n *yaml.Node, format string, args ...any) {
	line, col := 1, 1
	if n != nil {
		line, col = n.Line, n.Column
	}
	p.errs = append(p.errs, &PosError{File: p.file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// fields walks a mapping node, calling fn for each known key and reporting
// unknown or repeated keys.
func (p *parser) fields(n *yaml.Node, what string, known []string, fn func(key string, k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		p.errf(n, "%s must be a mapping of fields (key: value), found %s", what, kindName(n))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		if !contains(known, key) {
			p.errf(k, "unknown field %q in %s (known: %s)", key, what, strings.Join(known, ", "))
			continue
		}
		if seen[key] {
			p.errf(k, "field %q given twice in %s", key, what)
			continue
		}
		seen[key] = true
		fn(key, k, v)
	}
}

func (p *parser) str(v *yaml.Node, key string) (string, bool) {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		p.errf(v, "%s must be text, found %s", key, kindName(v))
		return "", false
	}
	return strings.TrimSpace(v.Value), true
}

func (p *parser) strList(v *yaml.Node, key string) []string {
	var nodes []*yaml.Node
	switch v.Kind {
	case yaml.SequenceNode:
		nodes = v.Content
	case yaml.ScalarNode:
		// A single phrase may be written without list brackets.
		nodes = []*yaml.Node{v}
	default:
		p.errf(v, "%s must be a list of phrases, found %s", key, kindName(v))
		return nil
	}
	var out []string
	for _, n := range nodes {
		s, ok := p.str(n, key+" entry")
		if !ok {
			continue
		}
		if len(text.Tokenize(s)) == 0 {
			p.errf(n, "%s entry %q has no words", key, s)
			continue
		}
		out = append(out, s)
	}
	return out
}

func (p *parser) channel(v *yaml.Node) string {
	s, ok := p.str(v, "channel")
	if !ok {
		return ""
	}
	switch s {
	case ChannelOperator, ChannelClient, ChannelAny:
		return s
	}
	p.errf(v, "channel %q is not one of operator, client, any", s)
	return ""
}

// maxWindow bounds exclude_window: farther than this is another sentence.
const maxWindow = 20

func (p *parser) window(v *yaml.Node) int {
	var w int
	if v.Kind != yaml.ScalarNode || v.Decode(&w) != nil || w < 0 || w > maxWindow {
		p.errf(v, "exclude_window must be a whole number of words from 0 to %d, found %s", maxWindow, kindName(v))
		return 0
	}
	return w
}

var dictFields = []string{"category", "description", "language", "channel", "exclude", "exclude_window", "phrases"}
var phraseFields = []string{"id", "text", "variants", "channel", "exact", "exclude", "exclude_window", "weight"}

func (p *parser) parse(data []byte) Dictionary {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		// yaml.v3 puts "line N" in its message; keep it whole.
		p.errs = append(p.errs, &PosError{File: p.file, Line: yamlErrLine(err), Col: 1, Msg: "not valid YAML: " + err.Error()})
		return Dictionary{}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		p.errf(nil, "file is empty: a dictionary needs category, language and phrases")
		return Dictionary{}
	}
	root := doc.Content[0]
	d := Dictionary{File: p.file, Line: root.Line, Channel: ChannelAny}
	var phrasesNode *yaml.Node
	seen := map[string]bool{}
	p.fields(root, "the dictionary", dictFields, func(key string, k, v *yaml.Node) {
		seen[key] = true
		switch key {
		case "category":
			if s, ok := p.str(v, key); ok {
				if !categoryRe.MatchString(s) {
					p.errf(v, "category %q must be lower-case latin letters, digits and _ (it names a column in reports), e.g. repeat_contact", s)
				}
				d.Category = s
			}
		case "description":
			d.Description, _ = p.str(v, key)
		case "language":
			if s, ok := p.str(v, key); ok {
				if !langRe.MatchString(s) {
					p.errf(v, "language %q must be a two- or three-letter code such as ru or en", s)
				}
				d.Language = s
			}
		case "channel":
			d.Channel = p.channel(v)
		case "exclude":
			d.Exclude = p.strList(v, key)
		case "exclude_window":
			d.ExcludeWindow = p.window(v)
		case "phrases":
			phrasesNode = v
		}
	})
	if root.Kind != yaml.MappingNode {
		return d
	}
	for _, req := range []string{"category", "language", "phrases"} {
		if !seen[req] {
			p.errf(root, "missing field %q", req)
		}
	}
	if phrasesNode == nil {
		return d
	}
	if phrasesNode.Kind != yaml.SequenceNode {
		p.errf(phrasesNode, "phrases must be a list (each entry starting with '- id: ...'), found %s", kindName(phrasesNode))
		return d
	}
	if len(phrasesNode.Content) == 0 {
		p.errf(phrasesNode, "phrases is empty: a dictionary needs at least one phrase")
	}
	ids := map[string]int{}
	for _, pn := range phrasesNode.Content {
		ph, ok := p.phrase(pn)
		if !ok {
			continue
		}
		if line, dup := ids[ph.ID]; dup {
			p.errf(pn, "phrase id %q is already used at line %d; ids must be unique within a category", ph.ID, line)
			continue
		}
		ids[ph.ID] = ph.Line
		d.Phrases = append(d.Phrases, ph)
	}
	return d
}

func (p *parser) phrase(n *yaml.Node) (Phrase, bool) {
	ph := Phrase{Line: n.Line, Weight: 1}
	before := len(p.errs)
	seen := map[string]bool{}
	p.fields(n, "a phrase", phraseFields, func(key string, k, v *yaml.Node) {
		seen[key] = true
		switch key {
		case "id":
			if s, ok := p.str(v, key); ok {
				if !idRe.MatchString(s) {
					p.errf(v, "phrase id %q may hold only letters, digits, _, . and - (no spaces)", s)
				}
				ph.ID = s
			}
		case "text":
			if s, ok := p.str(v, key); ok {
				if len(text.Tokenize(s)) == 0 {
					p.errf(v, "phrase text %q has no words", s)
				}
				ph.Text = s
			}
		case "variants":
			ph.Variants = p.strList(v, key)
		case "channel":
			ph.Channel = p.channel(v)
		case "exact":
			if v.Kind != yaml.ScalarNode || v.Decode(&ph.Exact) != nil {
				p.errf(v, "exact must be true or false, found %q", v.Value)
			}
		case "exclude":
			ph.Exclude = p.strList(v, key)
		case "exclude_window":
			w := p.window(v)
			ph.ExcludeWindow = &w
		case "weight":
			if v.Kind != yaml.ScalarNode || v.Decode(&ph.Weight) != nil || ph.Weight < 0 {
				p.errf(v, "weight must be a number of 0 or more, found %q", v.Value)
			}
		}
	})
	if n.Kind == yaml.MappingNode {
		for _, req := range []string{"id", "text"} {
			if !seen[req] {
				p.errf(n, "phrase is missing field %q", req)
			}
		}
	}
	return ph, len(p.errs) == before
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	case yaml.AliasNode:
		return "an alias"
	}
	return "nothing"
}

var yamlLineRe = regexp.MustCompile(`line (\d+)`)

func yamlErrLine(err error) int {
	if m := yamlLineRe.FindStringSubmatch(err.Error()); m != nil {
		var n int
		fmt.Sscan(m[1], &n)
		return n
	}
	return 1
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
