// Package dicteval measures a dictionary set against labelled calls: for
// each category the calls it flags rightly and wrongly, precision, recall
// and F1, and every false positive and false negative with the call, the
// channel, the time and the phrase that fired (or the nearest one that did
// not). It is how an analyst unit-tests a dictionary before publishing it;
// `callscope dict eval` and the HTTP API call it.
//
// Labels are JSON lines, one a call, in files named labels.jsonl:
//
//	{"call":"ru-0001","transcript":"ru-0001.transcript.json","language":"ru",
//	 "labels":{"complaint":true,"greeting":false}}
//
// The transcript path is relative to the labels file. A category a call
// does not label is not scored on it. testdata/labelled holds the corpus
// the built-in dictionaries are measured on.
package dicteval

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/analyze/model"
	"github.com/callscope/callscope/analyze/text"
	"github.com/callscope/callscope/schemas"
)

// LabelsFile is the name of a labels file under a directory.
const LabelsFile = "labels.jsonl"

// ErrNoLabels is returned when a path holds no labelled call.
var ErrNoLabels = errors.New("no labelled calls")

// ErrBadLabels wraps a labels line or transcript that cannot be read; the
// message names the file and line.
var ErrBadLabels = errors.New("bad labels")

// Call is one labelled call.
type Call struct {
	ID       string `json:"call"`
	Language string `json:"language"`
	// Transcript is the path of the transcript as the labels file gives it.
	Transcript string `json:"transcript"`
	// Labels says, per category, whether the call is an instance of it.
	Labels map[string]bool `json:"labels"`
	// Source is the labels file and line, for messages.
	Source string `json:"-"`

	tr schemas.Transcript
}

// Load reads the labelled calls under path: a labels file, or a directory
// in which every labels.jsonl is read (sub-directories too), in path order.
func Load(path string) ([]Call, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("labels: %w", err)
	}
	var files []string
	if fi.IsDir() {
		err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && d.Name() == LabelsFile {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("labels: %w", err)
		}
	} else {
		files = []string{path}
	}
	var out []Call
	for _, f := range files {
		calls, err := loadFile(f)
		if err != nil {
			return nil, err
		}
		out = append(out, calls...)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: %w (looked for %s files)", path, ErrNoLabels, LabelsFile)
	}
	return out, nil
}

func loadFile(path string) ([]Call, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("labels: %w", err)
	}
	var out []Call
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		l := bytes.TrimSpace(sc.Bytes())
		if len(l) == 0 || l[0] == '#' {
			continue
		}
		where := fmt.Sprintf("%s:%d", path, n)
		var c Call
		if err := decodeLabelsLine(l, &c); err != nil {
			return nil, fmt.Errorf("%s: %w: %v", where, ErrBadLabels, err)
		}
		if c.ID == "" || c.Transcript == "" || len(c.Labels) == 0 {
			return nil, fmt.Errorf("%s: %w: call, transcript and labels are required", where, ErrBadLabels)
		}
		c.Source = where
		tp := c.Transcript
		if !filepath.IsAbs(tp) {
			tp = filepath.Join(filepath.Dir(path), tp)
		}
		td, err := os.ReadFile(tp)
		if err != nil {
			return nil, fmt.Errorf("%s: %w: %v", where, ErrBadLabels, err)
		}
		if err := json.Unmarshal(td, &c.tr); err != nil {
			return nil, fmt.Errorf("%s: %w: transcript %s: %v", where, ErrBadLabels, tp, err)
		}
		c.Language = cmp.Or(c.Language, c.tr.Language)
		if c.Language == "" {
			return nil, fmt.Errorf("%s: %w: no language in the labels nor in the transcript", where, ErrBadLabels)
		}
		out = append(out, c)
	}
	return out, sc.Err()
}

// labelsLineFields are the fields of a labels line, as an error lists them.
const labelsLineFields = `"call", "transcript", "labels" and "language"`

// decodeLabelsLine reads one labels line into c. Its errors name the
// field, the call and the label, and say what is wanted, in a person's
// words ("label \"complaint\": want true or false, got a string \"yes\""),
// not encoding/json's ("cannot unmarshal string into Go struct field
// Call.labels of type bool"). The call is read first so that every later
// error can name it.
func decodeLabelsLine(line []byte, c *Call) error {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) {
			return fmt.Errorf("want a JSON object with %s, got %s", labelsLineFields, rawKind(line))
		}
		return fmt.Errorf("not JSON: %v", err)
	}
	str := func(name string, dst *string) error {
		raw, ok := fields[name]
		if !ok {
			return nil
		}
		if err := json.Unmarshal(raw, dst); err != nil {
			return fmt.Errorf("%sfield %q: want a string, got %s", callPrefix(c.ID), name, rawKind(raw))
		}
		return nil
	}
	if err := str("call", &c.ID); err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(fields)) {
		var err error
		switch name {
		case "call":
		case "language":
			err = str(name, &c.Language)
		case "transcript":
			err = str(name, &c.Transcript)
		case "labels":
			err = decodeLabels(fields[name], c)
		default:
			err = fmt.Errorf("%sunknown field %q: a line has %s", callPrefix(c.ID), name, labelsLineFields)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// decodeLabels reads the labels object: a category name to true or false.
func decodeLabels(raw json.RawMessage, c *Call) error {
	var labels map[string]json.RawMessage
	if err := json.Unmarshal(raw, &labels); err != nil {
		return fmt.Errorf(`%sfield "labels": want an object {"category": true or false}, got %s`, callPrefix(c.ID), rawKind(raw))
	}
	if labels == nil {
		return nil
	}
	c.Labels = make(map[string]bool, len(labels))
	for _, cat := range slices.Sorted(maps.Keys(labels)) {
		var v bool
		if err := json.Unmarshal(labels[cat], &v); err != nil || bytes.Equal(bytes.TrimSpace(labels[cat]), []byte("null")) {
			return fmt.Errorf("%slabel %q: want true (the call is an instance of the category) or false, got %s", callPrefix(c.ID), cat, rawKind(labels[cat]))
		}
		c.Labels[cat] = v
	}
	return nil
}

// callPrefix names the call an error is about, when it is known.
func callPrefix(id string) string {
	if id == "" {
		return ""
	}
	return fmt.Sprintf("call %q: ", id)
}

// rawKind names a JSON value for an error: its kind, and a short string or
// number itself (labels hold no personal data; "yes" or 1 tells the writer
// what to change).
func rawKind(raw json.RawMessage) string {
	kind := schemas.JSONRawKind(raw)
	s := bytes.TrimSpace(raw)
	if len(s) > 24 {
		return kind
	}
	switch kind {
	case "a string", "a number":
		return kind + " " + string(s)
	case "true or false":
		return string(s)
	}
	return kind
}

// TranscriptData is the call's transcript.
func (c Call) TranscriptData() schemas.Transcript { return c.tr }

// WithTranscript makes a labelled call from a transcript in memory (the
// HTTP API's uploads).
func WithTranscript(id, lang string, tr schemas.Transcript, labels map[string]bool) Call {
	return Call{ID: id, Language: cmp.Or(lang, tr.Language), Labels: labels, tr: tr}
}

// Score is one category's result in one language.
type Score struct {
	Language  string  `json:"language"`
	Category  string  `json:"category"`
	Calls     int     `json:"calls"` // calls labelled for the category
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	TN        int     `json:"tn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Error is a call the set flags wrongly.
type Error struct {
	Kind     string `json:"kind"` // false_positive or false_negative
	Call     string `json:"call"`
	Language string `json:"language"`
	Category string `json:"category"`
	// Evidence: for a false positive the hit that fired, for a false
	// negative the nearest phrase that did not (empty when nothing of the
	// category comes close).
	Channel  string  `json:"channel,omitempty"`
	Start    float64 `json:"start"`
	End      float64 `json:"end"`
	PhraseID string  `json:"phrase_id,omitempty"`
	// Text is what was said: the words of the hit, or the utterance of the
	// nearest phrase.
	Text string `json:"text,omitempty"`
	// Utterance is the whole utterance the hit is in (false positives).
	Utterance string `json:"utterance,omitempty"`
	// Nearest is, for a false negative, the wording that came closest and
	// Missing the words of it the utterance lacks.
	Nearest string   `json:"nearest,omitempty"`
	Missing []string `json:"missing,omitempty"`
	// Cancelled says, when the utterance has every word of the nearest
	// wording, why it did not fire there: «negated by «не»», «excluded by
	// «спасибо»», or that it matches the utterance alone and the call's
	// rules (position, time window, minimum count) dropped it; empty when
	// the words' stems are there but not in the wording's order, span or
	// exact forms.
	Cancelled string `json:"cancelled,omitempty"`
	// Probability is the category model's score of the channel: for a
	// false positive the model fired on (PhraseID model:<category>), for a
	// false negative the score that stayed under Threshold (0 and 0 when
	// the category has no model).
	Probability float64 `json:"probability,omitempty"`
	Threshold   float64 `json:"threshold,omitempty"`
	// ModelUtterance is, for a false negative, the utterance that weighed
	// most in the model's score.
	ModelUtterance string `json:"model_utterance,omitempty"`
	Source         string `json:"source,omitempty"`
}

// Report is the result of an evaluation.
type Report struct {
	Version string  `json:"dictionary_version"`
	Calls   int     `json:"calls"`
	Scores  []Score `json:"scores"`
	// MacroF1 is the mean F1 of the scores, per language.
	MacroF1 map[string]float64 `json:"macro_f1"`
	Errors  []Error            `json:"errors"`
}

// Options tune Evaluate.
type Options struct {
	// Categories limits the scored categories; empty is every labelled one.
	Categories []string
	// Call is passed to MatchCall.
	Call match.CallOptions
}

// Evaluate matches every call with m and compares the categories it gets
// with the labels.
func Evaluate(m *match.Matcher, calls []Call, opt Options) Report {
	rep := Report{Version: m.Version(), Calls: len(calls), MacroF1: map[string]float64{}}
	type key struct{ lang, cat string }
	scores := map[key]*Score{}
	near := newNearest(m)
	for _, c := range calls {
		hits := m.MatchCall(c.tr, c.Language, opt.Call)
		first := map[string]match.CallHit{}
		for _, h := range hits {
			if _, ok := first[h.Category]; !ok {
				first[h.Category] = h
			}
		}
		for cat, want := range c.Labels {
			if len(opt.Categories) > 0 && !slices.Contains(opt.Categories, cat) {
				continue
			}
			k := key{c.Language, cat}
			s := scores[k]
			if s == nil {
				s = &Score{Language: c.Language, Category: cat}
				scores[k] = s
			}
			s.Calls++
			h, got := first[cat]
			switch {
			case got && want:
				s.TP++
			case !got && !want:
				s.TN++
			case got:
				s.FP++
				e := Error{Kind: "false_positive", Call: c.ID, Language: c.Language, Category: cat,
					Channel: h.Channel, Start: h.Start, End: h.End, PhraseID: h.PhraseID, Text: h.Text,
					Utterance: utteranceAt(c.tr, h.Channel, h.Start), Probability: h.Probability, Source: c.Source}
				if h.Probability > 0 {
					e.Threshold = modelOf(m, c.Language, cat).Threshold
				}
				rep.Errors = append(rep.Errors, e)
			default:
				s.FN++
				e := Error{Kind: "false_negative", Call: c.ID, Language: c.Language, Category: cat, Source: c.Source}
				near.fill(&e, c.tr)
				if md := modelOf(m, c.Language, cat); md != nil {
					us := match.RoleUtterances(c.tr, md.Channel)
					ev := md.Explain(us)
					e.Probability, e.Threshold = ev.Probability, md.Threshold
					if ev.Utterance >= 0 {
						e.ModelUtterance = us[ev.Utterance]
					}
				}
				rep.Errors = append(rep.Errors, e)
			}
		}
	}
	for _, s := range scores {
		s.Precision = ratio(s.TP, s.TP+s.FP)
		s.Recall = ratio(s.TP, s.TP+s.FN)
		if s.Precision+s.Recall > 0 {
			s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
		}
		s.Precision, s.Recall, s.F1 = round3(s.Precision), round3(s.Recall), round3(s.F1)
		rep.Scores = append(rep.Scores, *s)
	}
	slices.SortFunc(rep.Scores, func(a, b Score) int {
		return cmp.Or(cmp.Compare(a.Language, b.Language), cmp.Compare(a.Category, b.Category))
	})
	n := map[string]int{}
	for _, s := range rep.Scores {
		rep.MacroF1[s.Language] += s.F1
		n[s.Language]++
	}
	for l := range rep.MacroF1 {
		rep.MacroF1[l] = round3(rep.MacroF1[l] / float64(n[l]))
	}
	slices.SortStableFunc(rep.Errors, func(a, b Error) int {
		return cmp.Or(cmp.Compare(a.Language, b.Language), cmp.Compare(a.Category, b.Category),
			cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Call, b.Call))
	})
	return rep
}

// Below returns the scores whose F1 is under min.
func (r Report) Below(min float64) []Score {
	var out []Score
	for _, s := range r.Scores {
		if s.F1 < min {
			out = append(out, s)
		}
	}
	return out
}

// Score returns the score of a category in a language.
func (r Report) Score(lang, category string) (Score, bool) {
	for _, s := range r.Scores {
		if s.Language == lang && s.Category == category {
			return s, true
		}
	}
	return Score{}, false
}

// ratio is a/b, and 1 when there is nothing to get wrong (no call flagged
// or none to find).
func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// nearest finds, for a missed category, the wording of it that shares the
// most words with one utterance of the category's channel.
type nearest struct {
	m     *match.Matcher
	stems map[string]text.Stemmer
}

func newNearest(m *match.Matcher) *nearest { return &nearest{m: m, stems: map[string]text.Stemmer{}} }

type wording struct {
	phrase, text string
	channel      string
	words        []string // stems
}

func (n *nearest) fill(e *Error, tr schemas.Transcript) {
	stem, ok := n.stems[e.Language]
	if !ok {
		stem, _ = text.StemmerFor(e.Language)
		n.stems[e.Language] = stem
	}
	var ws []wording
	for _, d := range n.m.Set().Dictionaries {
		if d.Category != e.Category || d.Language != e.Language {
			continue
		}
		for _, p := range d.Phrases {
			for _, t := range append([]string{p.Text}, p.Variants...) {
				w := wording{phrase: p.ID, text: t, channel: p.EffectiveChannel(d)}
				for _, tok := range text.Tokenize(opRe.ReplaceAllString(t, " ")) {
					w.words = append(w.words, stem(tok.Norm))
				}
				ws = append(ws, w)
			}
		}
	}
	best := 0.0
	for _, ch := range tr.Channels {
		for _, seg := range ch.Segments {
			have := map[string]bool{}
			for _, tok := range text.Tokenize(seg.Text) {
				have[stem(tok.Norm)] = true
			}
			for _, w := range ws {
				if w.channel != match.ChannelAny && ch.Role != w.channel && ch.Role != schemas.RoleMixed {
					continue
				}
				var missing []string
				for _, x := range w.words {
					if !have[x] {
						missing = append(missing, x)
					}
				}
				got := len(w.words) - len(missing)
				score := float64(got) / float64(len(w.words))
				if got == 0 || score <= best {
					continue
				}
				best = score
				e.Channel, e.Start, e.End, e.PhraseID, e.Text, e.Nearest, e.Missing =
					ch.Role, seg.Start, seg.End, w.phrase, seg.Text, w.text, missing
				e.Cancelled = ""
				if len(missing) == 0 {
					e.Cancelled = n.why(e.Language, ch.Role, seg, w.phrase)
				}
			}
		}
	}
}

// why says why phrase did not fire in seg although seg has all its words
// (Error.Cancelled).
func (n *nearest) why(lang, role string, seg schemas.Segment, phrase string) string {
	toks, words := match.SegmentTokens(nil, nil, seg)
	hits, cancelled := n.m.Explain(lang, role, seg, toks, words)
	for _, c := range cancelled {
		if c.PhraseID == phrase {
			return c.Reason(toks)
		}
	}
	for _, h := range hits {
		if h.PhraseID == phrase {
			return "matches the utterance alone; the call's rules (position, window, minimum count) drop it"
		}
	}
	return ""
}

// opRe finds the operators of an expression, which are not words.
var opRe = regexp.MustCompile(`\b(NEAR|BEFORE):\d+\b|\}:\d+|[{}@^$*=]`)

// utteranceAt is the text of the utterance of a channel that holds time t.
func utteranceAt(tr schemas.Transcript, channel string, t float64) string {
	for _, ch := range tr.Channels {
		if ch.Role != channel {
			continue
		}
		for _, seg := range ch.Segments {
			if t >= seg.Start-0.001 && t <= seg.End+0.001 {
				return seg.Text
			}
		}
	}
	return ""
}

// Examples turns labelled calls of one language into the examples a
// category model is trained and cross-validated on: the utterances of the
// channel (in time order), the call's label, and whether m's phrases flag
// the category on that channel (m should be compiled without models to
// measure the phrases alone). Calls of other languages, or without a label
// for the category, are left out.
func Examples(m *match.Matcher, calls []Call, lang, category, channel string) []model.Example {
	var out []model.Example
	for _, c := range calls {
		want, ok := c.Labels[category]
		if !ok || c.Language != lang {
			continue
		}
		// The labels file is the author (model.Options.MinAuthors): one
		// author a part.
		author := c.Source[:max(strings.LastIndexByte(c.Source, ':'), 0)]
		e := model.Example{ID: c.ID, Label: want, Utterances: match.RoleUtterances(c.tr, channel), Author: author,
			Neighbour: !want && neighbourOf(c.Labels, category, channel)}
		for _, h := range m.MatchCall(c.tr, c.Language, match.CallOptions{}) {
			if h.Category == category && (h.Channel == channel || h.Channel == schemas.RoleMixed) {
				e.Phrase = true
				break
			}
		}
		out = append(out, e)
	}
	return out
}

// labelChannels is the channel each labelled category counts on
// (testdata/labelled/README.md, the service standard).
var labelChannels = map[string]string{
	"complaint": schemas.RoleClient, "repeat_contact": schemas.RoleClient, "churn_threat": schemas.RoleClient,
	"incompetence": schemas.RoleOperator, "greeting": schemas.RoleOperator, "farewell": schemas.RoleOperator, "apology": schemas.RoleOperator,
}

// neighbourOf says whether labels hold an instance of another category
// counted on channel than category: the calls a model of category meets
// in ordinary traffic and must leave alone (model.Example.Neighbour).
func neighbourOf(labels map[string]bool, category, channel string) bool {
	for c, v := range labels {
		if v && c != category && labelChannels[c] == channel {
			return true
		}
	}
	return false
}

// modelOf is m's model of a category, nil when it has none.
func modelOf(m *match.Matcher, lang, category string) *model.Model {
	for _, md := range m.Models(lang) {
		if md.Category == category {
			return md
		}
	}
	return nil
}
