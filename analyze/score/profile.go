// Package score rates a call on a 5-point scale by a scoring profile: a
// YAML file of criteria over the call's parameters and dictionary hits,
// each with a weight and a text for the quality manager. Every criterion's
// outcome (passed, failed, n/a) comes with its evidence, so a score is
// never a bare number. docs/scoring.md describes the format and formula.
package score

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/callscope/callscope/internal/safefile"
)

// ErrInvalid is wrapped by every error about a profile's content; a
// *PosError says where.
var ErrInvalid = errors.New("invalid scoring profile")

// ErrNoProfiles means a directory holds no profile files.
var ErrNoProfiles = errors.New("no scoring profiles (*.yaml, *.yml)")

// PosError is a mistake at a place in a profile file.
type PosError struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *PosError) Error() string { return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg) }

// Unwrap makes errors.Is(err, ErrInvalid) true.
func (e *PosError) Unwrap() error { return ErrInvalid }

// Scale is the top of the score: calls are rated 1 to 5.
const Scale = 5.0

// Profile is one scoring profile: the content of one YAML file.
type Profile struct {
	Name        string
	Description string
	// AppliesTo chooses the calls the profile rates; empty fields match
	// every call, and a profile with none is the fallback.
	AppliesTo AppliesTo
	Criteria  []Criterion
	// Version is the content hash of the file.
	Version string
	File    string
}

// AppliesTo lists the departments, queues and directions a profile is for.
// A call matches when each non-empty list contains its value.
type AppliesTo struct {
	Department []string
	Queue      []string
	Direction  []string
}

func (a AppliesTo) empty() bool {
	return len(a.Department) == 0 && len(a.Queue) == 0 && len(a.Direction) == 0
}

// specificity is how many fields the profile names: the most specific
// matching profile wins.
func (a AppliesTo) specificity() int {
	n := 0
	for _, l := range [][]string{a.Department, a.Queue, a.Direction} {
		if len(l) > 0 {
			n++
		}
	}
	return n
}

func (a AppliesTo) matches(department, queue, direction string) bool {
	in := func(list []string, v string) bool {
		return len(list) == 0 || slices.ContainsFunc(list, func(s string) bool { return strings.EqualFold(s, v) })
	}
	return in(a.Department, department) && in(a.Queue, queue) && in(a.Direction, direction)
}

// Criterion is one rule of a profile. Exactly one of Require, Forbid and
// Limit is set; If, when set, makes the criterion n/a for calls it does
// not hold on.
type Criterion struct {
	ID     string
	Text   string
	Weight float64
	If     *Condition
	// Require passes when a matching phrase is found.
	Require *Phrases
	// Forbid fails when more than Phrases.MaxCount matching phrases are found.
	Forbid *Phrases
	// Limit passes when the parameter is within bounds.
	Limit *Limit
	// Line and Col are where the criterion is written, for messages.
	Line, Col int
}

// Condition is the guard of a criterion: a phrase found, or a parameter
// within bounds.
type Condition struct {
	Phrases *Phrases
	Limit   *Limit
}

// Phrases selects dictionary hits.
type Phrases struct {
	Category string
	// PhraseIDs, when set, keeps only these phrases of the category.
	PhraseIDs []string
	// Channel is operator, client or any (default any). A hit on a mixed
	// (mono) channel matches every channel: either party may have said it.
	Channel string
	// WithinFirst and WithinLast, in seconds, keep hits starting in the
	// first or the last seconds of the call; 0 is the whole call.
	WithinFirst, WithinLast float64
	// MinCount is how many hits Require needs (default 1).
	MinCount int
	// MaxCount is how many hits Forbid allows (default 0).
	MaxCount int
}

// Limit bounds a parameter; nil bounds are open.
type Limit struct {
	Parameter string
	Min, Max  *float64
}

// Set is the profiles in use. Version is the content hash of all of them.
type Set struct {
	Profiles []*Profile
	Version  string
}

//go:embed profiles/*.yaml
var builtin embed.FS

// Load reads every *.yaml and *.yml profile under dir, or the built-in
// profiles when dir is empty. Every mistake is reported, each a *PosError
// with file:line:col, joined into one error.
func Load(dir string) (*Set, error) {
	if dir == "" {
		return LoadFS(builtin, "profiles", "analyze/score/profiles")
	}
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("scoring profiles %s: %w", dir, err)
	}
	return LoadFS(os.DirFS(dir), ".", dir)
}

// LoadFS reads the profiles under root of fsys; prefix names the files in
// messages as the analyst sees them.
func LoadFS(fsys fs.FS, root, prefix string) (*Set, error) {
	var files []string
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("scoring profiles %s: %w", prefix, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("scoring profiles %s: %w", prefix, ErrNoProfiles)
	}
	slices.Sort(files)
	set := &Set{}
	var errs []error
	h := sha256.New()
	names := map[string]string{}
	for _, f := range files {
		data, err := safefile.ReadFS(fsys, f, 4<<20) // regular files only (no FIFO, no /dev/zero)
		if err != nil {
			errs = append(errs, fmt.Errorf("scoring profile %s: %w", f, err))
			continue
		}
		rel := f
		if root != "." {
			rel = strings.TrimPrefix(f, root+"/")
		}
		name := path.Join(prefix, rel)
		p, err := Parse(name, data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if prev, ok := names[p.Name]; ok {
			errs = append(errs, &PosError{name, 1, 1, fmt.Sprintf("profile %q is also defined in %s", p.Name, prev)})
			continue
		}
		names[p.Name] = name
		fmt.Fprintf(h, "%s\x00%d\x00", p.Name, len(data))
		h.Write(data)
		set.Profiles = append(set.Profiles, p)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	set.Version = "sha256:" + hex.EncodeToString(h.Sum(nil))[:16]
	return set, nil
}

// Profile returns the profile named name, or nil.
func (s *Set) Profile(name string) *Profile {
	for _, p := range s.Profiles {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// For chooses the profile for a call: the most specific profile whose
// applies_to matches it, else the fallback (no applies_to); nil when none
// does. Among equally specific profiles the first by file name wins.
func (s *Set) For(department, queue, direction string) *Profile {
	var best *Profile
	for _, p := range s.Profiles {
		if !p.AppliesTo.matches(department, queue, direction) {
			continue
		}
		if best == nil || p.AppliesTo.specificity() > best.AppliesTo.specificity() {
			best = p
		}
	}
	return best
}

// CheckParameters reports every limit over a parameter that check refuses
// (its error says why, and what to write instead), with its place.
func (s *Set) CheckParameters(check func(name string) error) error {
	var errs []error
	for _, p := range s.Profiles {
		for _, c := range p.Criteria {
			for _, l := range []*Limit{c.Limit, c.If.limit()} {
				if l == nil {
					continue
				}
				if err := check(l.Parameter); err != nil {
					errs = append(errs, &PosError{p.File, c.Line, c.Col, fmt.Sprintf("criterion %q: %v", c.ID, err)})
				}
			}
		}
	}
	return errors.Join(errs...)
}

func (c *Condition) limit() *Limit {
	if c == nil {
		return nil
	}
	return c.Limit
}

// --- parsing ---

var idRe = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

type parser struct {
	file string
	errs []error
}

func (p *parser) errf(n *yaml.Node, format string, args ...any) {
	line, col := 1, 1
	if n != nil {
		line, col = n.Line, n.Column
	}
	p.errs = append(p.errs, &PosError{p.file, line, col, fmt.Sprintf(format, args...)})
}

// fields walks a mapping, reporting unknown keys and duplicate ones.
func (p *parser) fields(n *yaml.Node, what string, known []string, fn func(key string, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		p.errf(n, "%s: want a mapping (key: value), got %s", what, kindName(n))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(known, k.Value) {
			p.errf(k, "%s: unknown field %q (want one of %s)", what, k.Value, strings.Join(known, ", "))
			continue
		}
		if seen[k.Value] {
			p.errf(k, "%s: field %q given twice", what, k.Value)
			continue
		}
		seen[k.Value] = true
		fn(k.Value, v)
	}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	}
	return "nothing"
}

func (p *parser) str(v *yaml.Node, key string) string {
	if v.Kind != yaml.ScalarNode {
		p.errf(v, "%s: want text, got %s", key, kindName(v))
		return ""
	}
	return v.Value
}

func (p *parser) strList(v *yaml.Node, key string) []string {
	if v.Kind == yaml.ScalarNode {
		return []string{v.Value}
	}
	if v.Kind != yaml.SequenceNode {
		p.errf(v, "%s: want a list of text, got %s", key, kindName(v))
		return nil
	}
	var out []string
	for _, e := range v.Content {
		if s := p.str(e, key); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (p *parser) number(v *yaml.Node, key string) (float64, bool) {
	if v.Kind == yaml.ScalarNode {
		if f, err := strconv.ParseFloat(v.Value, 64); err == nil {
			return f, true
		}
	}
	p.errf(v, "%s: want a number, got %s", key, kindName(v))
	return 0, false
}

func (p *parser) count(v *yaml.Node, key string) int {
	if v.Kind == yaml.ScalarNode {
		if n, err := strconv.Atoi(v.Value); err == nil && n >= 0 {
			return n
		}
	}
	p.errf(v, "%s: want a whole number 0 or more, got %s", key, kindName(v))
	return 0
}

// seconds reads a duration: "15s", "2m", "1m30s" or a number of seconds.
func (p *parser) seconds(v *yaml.Node, key string) float64 {
	if v.Kind == yaml.ScalarNode {
		if f, err := strconv.ParseFloat(v.Value, 64); err == nil && f > 0 {
			return f
		}
		if d, err := time.ParseDuration(v.Value); err == nil && d > 0 {
			return d.Seconds()
		}
	}
	p.errf(v, "%s: want a duration such as 15s or 2m, got %s", key, kindName(v))
	return 0
}

// Parse reads one profile file; name is used in messages.
func Parse(name string, data []byte) (*Profile, error) {
	p := &parser{file: name}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 1
		if m := regexp.MustCompile(`line (\d+)`).FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		return nil, &PosError{name, line, 1, "not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if len(doc.Content) == 0 {
		return nil, &PosError{name, 1, 1, "empty file: want a profile with criteria"}
	}
	root := doc.Content[0]
	prof := &Profile{File: name}
	var criteriaNode *yaml.Node
	p.fields(root, "profile", []string{"profile", "description", "applies_to", "criteria"}, func(key string, v *yaml.Node) {
		switch key {
		case "profile":
			prof.Name = p.str(v, key)
			if prof.Name != "" && !idRe.MatchString(prof.Name) {
				p.errf(v, "profile: %q: want lower-case letters, digits and _", prof.Name)
			}
		case "description":
			prof.Description = p.str(v, key)
		case "applies_to":
			p.fields(v, "applies_to", []string{"department", "queue", "direction"}, func(key string, v *yaml.Node) {
				list := p.strList(v, "applies_to."+key)
				switch key {
				case "department":
					prof.AppliesTo.Department = list
				case "queue":
					prof.AppliesTo.Queue = list
				case "direction":
					items := []*yaml.Node{v}
					if v.Kind == yaml.SequenceNode {
						items = v.Content
					}
					for _, n := range items {
						if n.Kind == yaml.ScalarNode && n.Value != "inbound" && n.Value != "outbound" {
							p.errf(n, "applies_to.direction: %q: want inbound or outbound", n.Value)
						}
					}
					prof.AppliesTo.Direction = list
				}
			})
		case "criteria":
			criteriaNode = v
		}
	})
	if root.Kind == yaml.MappingNode {
		if prof.Name == "" {
			p.errf(root, "profile: missing: every profile needs a name")
		}
		if criteriaNode == nil {
			p.errf(root, "criteria: missing: a profile needs at least one criterion")
		}
	}
	if criteriaNode != nil {
		if criteriaNode.Kind != yaml.SequenceNode || len(criteriaNode.Content) == 0 {
			p.errf(criteriaNode, "criteria: want a list of criteria, got %s", kindName(criteriaNode))
		} else {
			ids := map[string]int{}
			for _, n := range criteriaNode.Content {
				c, ok := p.criterion(n)
				if line, dup := ids[c.ID]; dup && c.ID != "" {
					p.errf(n, "criterion %q: id already used at line %d", c.ID, line)
					continue
				}
				ids[c.ID] = n.Line
				if ok {
					prof.Criteria = append(prof.Criteria, c)
				}
			}
		}
	}
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	sum := sha256.Sum256(bytes.TrimSpace(data))
	prof.Version = "sha256:" + hex.EncodeToString(sum[:])[:16]
	return prof, nil
}

func (p *parser) criterion(n *yaml.Node) (Criterion, bool) {
	c := Criterion{Weight: 1, Line: n.Line, Col: n.Column}
	before := len(p.errs)
	rules := 0
	p.fields(n, "criterion", []string{"id", "text", "weight", "if", "require", "forbid", "limit"}, func(key string, v *yaml.Node) {
		switch key {
		case "id":
			c.ID = p.str(v, key)
			if c.ID != "" && !idRe.MatchString(c.ID) {
				p.errf(v, "id: %q: want lower-case letters, digits and _", c.ID)
			}
		case "text":
			c.Text = p.str(v, key)
		case "weight":
			if w, ok := p.number(v, key); ok {
				if w <= 0 {
					p.errf(v, "weight: want a number above 0, got %g", w)
				}
				c.Weight = w
			}
		case "if":
			c.If = p.condition(v)
		case "require":
			rules++
			c.Require = p.phrases(v, key)
		case "forbid":
			rules++
			c.Forbid = p.phrases(v, key)
		case "limit":
			rules++
			c.Limit = p.limitOf(v, key)
		}
	})
	if n.Kind == yaml.MappingNode {
		what := "criterion"
		if c.ID != "" {
			what = fmt.Sprintf("criterion %q", c.ID)
		}
		if c.ID == "" {
			p.errf(n, "%s: id: missing", what)
		}
		if c.Text == "" {
			p.errf(n, "%s: text: missing: the manager reads it", what)
		}
		if rules != 1 {
			p.errf(n, "%s: want exactly one of require, forbid, limit; got %d", what, rules)
		}
	}
	return c, len(p.errs) == before
}

// condition reads an if: a phrase selection (category: ...) or a limit
// (parameter: ...).
func (p *parser) condition(v *yaml.Node) *Condition {
	if v.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(v.Content); i += 2 {
			if v.Content[i].Value == "parameter" {
				return &Condition{Limit: p.limitOf(v, "if")}
			}
		}
	}
	return &Condition{Phrases: p.phrases(v, "if")}
}

func (p *parser) phrases(v *yaml.Node, key string) *Phrases {
	ph := &Phrases{Channel: "any", MinCount: 1}
	known := []string{"category", "phrase", "channel", "within_first", "within_last", "min_count"}
	if key == "forbid" {
		known = []string{"category", "phrase", "channel", "within_first", "within_last", "max_count"}
	}
	p.fields(v, key, known, func(k string, n *yaml.Node) {
		switch k {
		case "category":
			ph.Category = p.str(n, key+"."+k)
			if ph.Category != "" && !idRe.MatchString(ph.Category) {
				p.errf(n, "%s.category: %q: want a category id such as complaint", key, ph.Category)
			}
		case "phrase":
			ph.PhraseIDs = p.strList(n, key+"."+k)
		case "channel":
			ph.Channel = p.str(n, key+"."+k)
			if ph.Channel != "operator" && ph.Channel != "client" && ph.Channel != "any" {
				p.errf(n, "%s.channel: %q: want operator, client or any", key, ph.Channel)
			}
		case "within_first":
			ph.WithinFirst = p.seconds(n, key+"."+k)
		case "within_last":
			ph.WithinLast = p.seconds(n, key+"."+k)
		case "min_count":
			ph.MinCount = max(p.count(n, key+"."+k), 1)
		case "max_count":
			ph.MaxCount = p.count(n, key+"."+k)
		}
	})
	if v.Kind == yaml.MappingNode && ph.Category == "" {
		p.errf(v, "%s: category: missing", key)
	}
	if ph.WithinFirst > 0 && ph.WithinLast > 0 {
		p.errf(v, "%s: within_first and within_last together: choose one", key)
	}
	return ph
}

func (p *parser) limitOf(v *yaml.Node, key string) *Limit {
	l := &Limit{}
	p.fields(v, key, []string{"parameter", "min", "max"}, func(k string, n *yaml.Node) {
		switch k {
		case "parameter":
			l.Parameter = p.str(n, key+"."+k)
		case "min", "max":
			if f, ok := p.number(n, key+"."+k); ok {
				if k == "min" {
					l.Min = &f
				} else {
					l.Max = &f
				}
			}
		}
	})
	if v.Kind == yaml.MappingNode {
		if l.Parameter == "" {
			p.errf(v, "%s: parameter: missing", key)
		}
		if l.Min == nil && l.Max == nil {
			p.errf(v, "%s: want min, max or both", key)
		}
		if l.Min != nil && l.Max != nil && *l.Min > *l.Max {
			p.errf(v, "%s: min %g is above max %g", key, *l.Min, *l.Max)
		}
	}
	return l
}
