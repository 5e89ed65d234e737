// Package match holds the phrase dictionaries analysts edit and the matcher
// compiled from them.
//
// A dictionary is one YAML file describing one category (complaint, repeat
// contact, ...) in one language. Load or Parse reads dictionaries, checking
// every field and every phrase expression (NEAR:n, BEFORE:n, *, prefix*,
// =exact, ^ and $) and reporting mistakes as file:line:col; Compile turns a
// Set into one Matcher: an automaton over word keys that finds every phrase
// of every category in a single pass over a text. MatchCall applies
// channels, time windows and minimum counts over a whole transcript; a
// Watcher reloads a directory only with sets that validate.
// docs/dictionaries.md describes the format for analysts.
package match

import (
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

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
	Description string `json:"-"` // does not change what matches, nor the version
	// Language is a BCP 47 primary tag: ru, en.
	Language string `json:"language"`
	// Channel is the default channel of the phrases: operator, client or any.
	Channel string `json:"channel"`
	// Window is the default time window of the phrases; nil is the whole
	// call.
	Window *Window `json:"window,omitempty"`
	// MinCount is how many hits of the category a call needs before any of
	// them counts (filler words: a few are normal); 0 and 1 mean one.
	MinCount int `json:"min_count,omitempty"`
	// Exclude lists phrases that cancel a hit of any phrase of this
	// category when they overlap it («жалоб нет»).
	Exclude []string `json:"exclude,omitempty"`
	// ExcludeWindow widens the overlap test: an exclusion within this many
	// words before or after a hit cancels it too. 0 means it must share a
	// word with the hit.
	ExcludeWindow int `json:"exclude_window,omitempty"`
	// ExcludeUtterances lets an exclusion cancel a hit from one of this many
	// utterances of the same speaker before or after the hit's («не знаю» …
	// next utterance «сейчас уточню»). 0: the same utterance only.
	ExcludeUtterances int `json:"exclude_utterances,omitempty"`
	// Position is the default position rule of the phrases: PositionFirst
	// (the hit is in the first utterance of its channel), PositionLast, or
	// empty (anywhere).
	Position string   `json:"position,omitempty"`
	Phrases  []Phrase `json:"phrases"`
	// NoModel switches the category's trained model off (YAML model:
	// false): only the phrases flag the category (models.go).
	NoModel bool `json:"no_model,omitempty"`
	// Weight is the file's default phrase weight, the weight of a model
	// hit.
	Weight float64 `json:"-"`

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
	// Variants are other wordings that count as the same phrase.
	Variants []string `json:"variants,omitempty"`
	// Description says what the phrase is for, for the analyst who comes
	// next; it does not change what matches.
	Description string `json:"-"`
	// Channel overrides the dictionary's channel when not empty.
	Channel string `json:"channel,omitempty"`
	// Window overrides the dictionary's time window when not nil.
	Window *Window `json:"window,omitempty"`
	// Exact matches only the written word forms, without stemming (the
	// dictionary's exact applies when the phrase does not say).
	Exact bool `json:"exact,omitempty"`
	// MinCount is how many times the phrase must occur in a call before
	// its hits count; 0 and 1 mean once.
	MinCount int `json:"min_count,omitempty"`
	// Exclude lists phrases that cancel a hit of this phrase.
	Exclude []string `json:"exclude,omitempty"`
	// ExcludeWindow, when not nil, replaces the dictionary's
	// exclude_window for this phrase's own exclusions.
	ExcludeWindow *int `json:"exclude_window,omitempty"`
	// Weight is the phrase's importance for scoring (default 1).
	Weight float64 `json:"weight"`
	// NoNegation turns the negation rule off for the phrase (YAML
	// negatable: false): a negator governing its first word does not
	// cancel it. A phrase with a negator of its own is never negated.
	NoNegation bool `json:"no_negation,omitempty"`
	// Position, when not empty, replaces the dictionary's position rule.
	Position string `json:"position,omitempty"`
	// ExcludeUtterances, when not nil, replaces the dictionary's
	// exclude_utterances for the phrase's own exclusions.
	ExcludeUtterances *int `json:"exclude_utterances,omitempty"`

	Line int `json:"-"`
	// textAt and variantsAt are where the text and each variant are
	// written, for messages from Compile; zero when built by hand.
	textAt     pos
	variantsAt []pos
}

type pos struct{ line, col int }

func nodePos(n *yaml.Node) pos {
	col := n.Column
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		col++
	}
	return pos{n.Line, col}
}

// EffectiveChannel is the channel the phrase is matched on.
func (p Phrase) EffectiveChannel(d Dictionary) string {
	if p.Channel != "" {
		return p.Channel
	}
	return d.Channel
}

// EffectiveWindow is the time window the phrase is matched in; nil is the
// whole call.
func (p Phrase) EffectiveWindow(d Dictionary) *Window {
	if p.Window != nil {
		return p.Window
	}
	return d.Window
}

// EffectivePosition is the phrase's position rule: PositionFirst,
// PositionLast or empty.
func (p Phrase) EffectivePosition(d Dictionary) string {
	return cmp.Or(p.Position, d.Position)
}

// Position rules: the hit must lie in the first or the last utterance of
// the channel it is said on (the operator's first words greet, their last
// ones say goodbye).
const (
	PositionFirst = "first_utterance"
	PositionLast  = "last_utterance"
)

// Window limits a phrase to the start or the end of a call: a greeting
// belongs in the first seconds, a farewell in the last ones. A hit is in
// the window when it starts there.
type Window struct {
	// Edge is WindowFirst or WindowLast.
	Edge string `json:"edge"`
	// Seconds or Percent (of the call's duration) is the window's length;
	// exactly one is set.
	Seconds float64 `json:"seconds,omitempty"`
	Percent float64 `json:"percent,omitempty"`
}

// Window edges.
const (
	WindowFirst = "first"
	WindowLast  = "last"
)

// Contains reports whether a hit starting at start lies in the window of a
// call lasting duration seconds. With an unknown duration (0) only a
// first-seconds window can be judged; the others contain every hit.
func (w *Window) Contains(start, duration float64) bool {
	if w == nil {
		return true
	}
	length := w.Seconds
	if w.Percent > 0 {
		if duration <= 0 {
			return true
		}
		length = duration * w.Percent / 100
	}
	if w.Edge == WindowFirst {
		return start < length
	}
	if duration <= 0 {
		return true
	}
	return start >= duration-length
}

// String is the window as an analyst writes it: "first 30s", "last 10%".
func (w *Window) String() string {
	if w == nil {
		return "whole call"
	}
	if w.Percent > 0 {
		return fmt.Sprintf("%s %g%%", w.Edge, w.Percent)
	}
	return fmt.Sprintf("%s %gs", w.Edge, w.Seconds)
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
		// In file order, as an editor walks them.
		slices.SortStableFunc(p.errs, func(a, b error) int {
			pa, oka := a.(*PosError)
			pb, okb := b.(*PosError)
			if !oka || !okb {
				return 0
			}
			return cmp.Or(cmp.Compare(pa.Line, pb.Line), cmp.Compare(pa.Col, pb.Col))
		})
		return Dictionary{}, errors.Join(p.errs...)
	}
	return d, nil
}

type parser struct {
	file string
	errs []error
}

func (p *parser) err() error {
	if len(p.errs) == 0 {
		return nil
	}
	return errors.Join(p.errs...)
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
	out, _ := p.strNodes(v, key)
	return out
}

// strNodes is strList with the node of each entry, for messages.
func (p *parser) strNodes(v *yaml.Node, key string) ([]string, []*yaml.Node) {
	var nodes []*yaml.Node
	switch v.Kind {
	case yaml.SequenceNode:
		nodes = v.Content
	case yaml.ScalarNode:
		// A single phrase may be written without list brackets.
		nodes = []*yaml.Node{v}
	default:
		p.errf(v, "%s must be a list of phrases, found %s", key, kindName(v))
		return nil, nil
	}
	var out []string
	var outNodes []*yaml.Node
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
		outNodes = append(outNodes, n)
	}
	return out, outNodes
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

func (p *parser) excludeWindow(v *yaml.Node) int {
	var w int
	if v.Kind != yaml.ScalarNode || v.Decode(&w) != nil || w < 0 || w > maxWindow {
		p.errf(v, "exclude_window must be a whole number of words from 0 to %d, found %s", maxWindow, kindName(v))
		return 0
	}
	return w
}

var dictFields = []string{"category", "description", "language", "channel", "window", "position", "min_count", "weight", "exact", "negatable", "exclude", "exclude_window", "exclude_utterances", "model", "phrases"}
var phraseFields = []string{"id", "text", "variants", "description", "channel", "window", "position", "exact", "negatable", "exclude", "exclude_window", "exclude_utterances", "weight", "min_count"}

// maxUtterances bounds exclude_utterances.
const maxUtterances = 3

func (p *parser) excludeUtterances(v *yaml.Node) int {
	var w int
	if v.Kind != yaml.ScalarNode || v.Decode(&w) != nil || w < 0 || w > maxUtterances {
		p.errf(v, "exclude_utterances must be a whole number of utterances from 0 to %d, found %s", maxUtterances, kindName(v))
		return 0
	}
	return w
}

func (p *parser) position(v *yaml.Node) string {
	s, ok := p.str(v, "position")
	if !ok {
		return ""
	}
	switch s {
	case PositionFirst, PositionLast:
		return s
	}
	p.errf(v, "position %q is not one of %s, %s", s, PositionFirst, PositionLast)
	return ""
}

// maxMinCount bounds min_count: more than this in one call is a typo.
const maxMinCount = 100

func (p *parser) minCount(v *yaml.Node) int {
	var n int
	if v.Kind != yaml.ScalarNode || v.Decode(&n) != nil || n < 1 || n > maxMinCount {
		p.errf(v, "min_count must be a whole number from 1 to %d, found %s", maxMinCount, kindName(v))
		return 0
	}
	return n
}

func (p *parser) weight(v *yaml.Node) (float64, bool) {
	var w float64
	if v.Kind != yaml.ScalarNode || v.Decode(&w) != nil || w < 0 {
		p.errf(v, "weight must be a number of 0 or more, found %q", v.Value)
		return 0, false
	}
	return w, true
}

func (p *parser) boolean(v *yaml.Node, key string) bool {
	var b bool
	if v.Kind != yaml.ScalarNode || v.Decode(&b) != nil {
		p.errf(v, "%s must be true or false, found %q", key, v.Value)
	}
	return b
}

// window reads {first: 30s} or {last: 10%}.
func (p *parser) window(v *yaml.Node) *Window {
	const want = "window must be {first: N} or {last: N} with N in seconds (30s, 1m30s, or a plain number) or a percent of the call (10%)"
	if v.Kind != yaml.MappingNode || len(v.Content) != 2 {
		p.errf(v, "%s, found %s", want, kindName(v))
		return nil
	}
	k, val := v.Content[0], v.Content[1]
	if k.Value != WindowFirst && k.Value != WindowLast {
		p.errf(k, "window edge %q is not first or last", k.Value)
		return nil
	}
	w := &Window{Edge: k.Value}
	s := strings.TrimSpace(val.Value)
	if val.Kind != yaml.ScalarNode || s == "" {
		p.errf(val, "%s, found %s", want, kindName(val))
		return nil
	}
	if pct, ok := strings.CutSuffix(s, "%"); ok {
		f, err := strconv.ParseFloat(strings.TrimSpace(pct), 64)
		if err != nil || f <= 0 || f > 100 {
			p.errf(val, "window %s: a percent must be more than 0 and at most 100, found %q", k.Value, s)
			return nil
		}
		w.Percent = f
		return w
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		w.Seconds = f
	} else if d, err := time.ParseDuration(s); err == nil {
		w.Seconds = d.Seconds()
	} else {
		p.errf(val, "window %s: %q is not a length: write 30s, 2m, 45 (seconds) or 10%%", k.Value, s)
		return nil
	}
	if w.Seconds <= 0 {
		p.errf(val, "window %s: the length must be more than 0, found %q", k.Value, s)
		return nil
	}
	return w
}

// expr checks one expression (a phrase text, variant or exclusion) and
// reports its mistake at the exact column.
func (p *parser) expr(v *yaml.Node, s, what string, exact bool) {
	if _, err := parseExpr(s, exact); err != nil {
		col := v.Column + runeCol(s, err.off)
		if v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			col++
		}
		p.errs = append(p.errs, &PosError{File: p.file, Line: v.Line, Col: col,
			Msg: fmt.Sprintf("%s %q: %s", what, s, err.msg)})
	}
}

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
	defaults := phraseDefaults{weight: 1}
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
		case "window":
			d.Window = p.window(v)
		case "min_count":
			d.MinCount = p.minCount(v)
		case "weight":
			if w, ok := p.weight(v); ok {
				defaults.weight = w
			}
		case "exact":
			defaults.exact = p.boolean(v, key)
		case "negatable":
			defaults.noNegation = !p.boolean(v, key)
		case "position":
			d.Position = p.position(v)
		case "exclude_utterances":
			d.ExcludeUtterances = p.excludeUtterances(v)
		case "exclude":
			var nodes []*yaml.Node
			d.Exclude, nodes = p.strNodes(v, key)
			for i, s := range d.Exclude {
				p.expr(nodes[i], s, "exclusion", false)
			}
		case "exclude_window":
			d.ExcludeWindow = p.excludeWindow(v)
		case "model":
			d.NoModel = !p.boolean(v, key)
		case "phrases":
			phrasesNode = v
		}
	})
	d.Weight = defaults.weight
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
		ph, ok := p.phrase(pn, defaults)
		if line, dup := ids[ph.ID]; dup && ph.ID != "" {
			p.errf(pn, "phrase id %q is already used at line %d; ids must be unique within a category", ph.ID, line)
			continue
		}
		if ph.ID != "" {
			ids[ph.ID] = ph.Line
		}
		if !ok {
			continue
		}
		d.Phrases = append(d.Phrases, ph)
	}
	return d
}

// phraseDefaults are the dictionary-wide values of phrase fields.
type phraseDefaults struct {
	weight     float64
	exact      bool
	noNegation bool
}

func (p *parser) phrase(n *yaml.Node, def phraseDefaults) (Phrase, bool) {
	ph := Phrase{Line: n.Line, Weight: def.weight, Exact: def.exact, NoNegation: def.noNegation}
	before := len(p.errs)
	seen := map[string]bool{}
	var textNode, variantsNode *yaml.Node
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
				textNode = v
			}
		case "variants":
			variantsNode = v
		case "description":
			ph.Description, _ = p.str(v, key)
		case "channel":
			ph.Channel = p.channel(v)
		case "window":
			ph.Window = p.window(v)
		case "exact":
			ph.Exact = p.boolean(v, key)
		case "exclude":
			var nodes []*yaml.Node
			ph.Exclude, nodes = p.strNodes(v, key)
			for i, s := range ph.Exclude {
				p.expr(nodes[i], s, "exclusion", false)
			}
		case "exclude_window":
			w := p.excludeWindow(v)
			ph.ExcludeWindow = &w
		case "exclude_utterances":
			w := p.excludeUtterances(v)
			ph.ExcludeUtterances = &w
		case "negatable":
			ph.NoNegation = !p.boolean(v, key)
		case "position":
			ph.Position = p.position(v)
		case "weight":
			if w, ok := p.weight(v); ok {
				ph.Weight = w
			}
		case "min_count":
			ph.MinCount = p.minCount(v)
		}
	})
	// Expressions are checked once exact is known, whatever the key order.
	if textNode != nil && ph.Text != "" && len(text.Tokenize(ph.Text)) > 0 {
		p.expr(textNode, ph.Text, "phrase text", ph.Exact)
		ph.textAt = nodePos(textNode)
	}
	if variantsNode != nil {
		var nodes []*yaml.Node
		ph.Variants, nodes = p.strNodes(variantsNode, "variants")
		for i, s := range ph.Variants {
			p.expr(nodes[i], s, "variant", ph.Exact)
			ph.variantsAt = append(ph.variantsAt, nodePos(nodes[i]))
		}
	}
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
