package match

import (
	"fmt"
	"regexp"

	"gopkg.in/yaml.v3"

	"github.com/callscope/callscope/analyze/text"
)

// Synonyms are named word lists that the dictionaries of one language share:
// a phrase writes @leave where any of уйти, перейти, сбежать, расторгнуть
// may stand, instead of every dictionary copying the list. One file holds
// them per language (ru/synonyms.yaml):
//
//	language: ru
//	synonyms:
//	  leave: [уйти, перейти, сбежать, расторгнуть договор]
//
// A member may be several words; it is matched as written there, with
// stemming, = and prefix* as in any phrase.
type Synonyms struct {
	Language string              `json:"language"`
	Sets     map[string][]string `json:"sets"`

	File string `json:"-"`
	Line int    `json:"-"`
	// at is where each set is written, for messages.
	at map[string]pos
}

var synNameRe = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// IsSynonymsFile reports whether a YAML file holds synonym sets (a
// top-level synonyms key) rather than a dictionary.
func IsSynonymsFile(data []byte) bool {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return false
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "synonyms" {
			return true
		}
	}
	return false
}

// ParseSynonyms reads a synonyms file; mistakes are *PosError, joined.
func ParseSynonyms(name string, data []byte) (Synonyms, error) {
	p := &parser{file: name}
	out := Synonyms{File: name, Sets: map[string][]string{}, at: map[string]pos{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		p.errs = append(p.errs, &PosError{File: name, Line: yamlErrLine(err), Col: 1, Msg: "not valid YAML: " + err.Error()})
		return out, p.err()
	}
	if len(doc.Content) == 0 {
		p.errf(nil, "file is empty")
		return out, p.err()
	}
	root := doc.Content[0]
	out.Line = root.Line
	seen := map[string]bool{}
	p.fields(root, "a synonyms file", []string{"language", "description", "synonyms"}, func(key string, k, v *yaml.Node) {
		seen[key] = true
		switch key {
		case "language":
			if s, ok := p.str(v, key); ok {
				if !langRe.MatchString(s) {
					p.errf(v, "language %q must be a two- or three-letter code such as ru or en", s)
				}
				out.Language = s
			}
		case "synonyms":
			if v.Kind != yaml.MappingNode {
				p.errf(v, "synonyms must be a mapping of names to lists: leave: [уйти, перейти]")
				return
			}
			for i := 0; i+1 < len(v.Content); i += 2 {
				kn, vn := v.Content[i], v.Content[i+1]
				if !synNameRe.MatchString(kn.Value) {
					p.errf(kn, "synonym set name %q must be lower-case latin letters, digits and _", kn.Value)
					continue
				}
				if _, dup := out.Sets[kn.Value]; dup {
					p.errf(kn, "synonym set %q is defined twice", kn.Value)
					continue
				}
				members, nodes := p.strNodes(vn, kn.Value)
				if len(members) == 0 {
					p.errf(vn, "synonym set %q is empty", kn.Value)
				}
				for j, m := range members {
					e, err := parseExpr(m, false)
					if err != nil || len(e.operands) != 1 || e.set || e.atStart || e.atEnd || hasSyn(e.operands[0]) || e.operands[0][0].any {
						p.errf(nodes[j], "synonym %q must be plain words (=word and prefix* allowed), not an expression", m)
					}
				}
				out.Sets[kn.Value] = members
				out.at[kn.Value] = nodePos(kn)
			}
		}
	})
	for _, req := range []string{"language", "synonyms"} {
		if !seen[req] && root.Kind == yaml.MappingNode {
			p.errf(root, "missing field %q", req)
		}
	}
	return out, p.err()
}

func hasSyn(run []term) bool {
	for _, t := range run {
		if t.syn != "" {
			return true
		}
	}
	return false
}

// maxExpansions bounds the wordings one run with @synonyms expands into.
const maxExpansions = 4096

// expand replaces each @set of a run with each of its members: the
// alternatives the run stands for.
func expand(run []term, sets map[string][]string) ([][]term, error) {
	out := [][]term{nil}
	for _, t := range run {
		if t.syn == "" {
			for i := range out {
				out[i] = append(out[i], t)
			}
			continue
		}
		members, ok := sets[t.syn]
		if !ok {
			return nil, fmt.Errorf("@%s is not a synonym set of this language (synonyms.yaml)", t.syn)
		}
		var next [][]term
		for _, prefix := range out {
			for _, m := range members {
				e, err := parseExpr(m, false)
				if err != nil {
					return nil, fmt.Errorf("@%s: %s", t.syn, err.msg)
				}
				alt := append(append([]term(nil), prefix...), e.operands[0]...)
				next = append(next, alt)
			}
		}
		if len(next) > maxExpansions {
			return nil, fmt.Errorf("@%s: the phrase stands for more than %d wordings; split it", t.syn, maxExpansions)
		}
		out = next
	}
	return out, nil
}

// synonymsOf gathers the sets of a language.
func (s *Set) synonymsOf(lang string) map[string][]string {
	out := map[string][]string{}
	for _, sy := range s.Synonyms {
		if sy.Language != lang {
			continue
		}
		for k, v := range sy.Sets {
			out[k] = v
		}
	}
	return out
}

var _ = text.Tokenize
