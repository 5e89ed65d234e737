// Package model holds the trained category models that complement the
// phrase dictionaries: a small linear (logistic) model per language and
// category that reads one channel of a call — the client's, for complaint —
// and says how likely the call is an instance of the category. A phrase
// dictionary lists the wordings an analyst knows; a model catches the ones
// nobody wrote down («букет к девяти заказывал, сейчас двенадцать, его
// нет»), the way commercial speech analytics pair rules with trained
// categories. The matcher (analyze/match) scores a channel only when the
// category's phrases found nothing there, and turns a probability at or
// above the model's threshold into one hit whose evidence is the
// utterance that weighed most (Explain).
//
// Features are the words of the channel's utterances reduced to their
// stems (analyze/text: lower case, ё as е, Snowball plus the alias table)
// and each two adjacent stems of one utterance, counted once per channel
// (present or not) and scaled by 1/√n, n the number of the model's
// features the channel has, so a long call does not weigh more than a
// short one. Training (Train) is L2-regularised logistic regression by
// full-batch gradient descent in a fixed order: the same calls give the
// same model, byte for byte. A model is stored as JSON with sorted keys,
// one weight a line, so a retrained model is a reviewable diff.
package model

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/callscope/callscope/analyze/text"
)

// ErrInvalid is wrapped by every error about a model file's content.
var ErrInvalid = errors.New("invalid model")

// Model is one trained category model. Its JSON form, fields in
// alphabetical order, is the file analysts and reviewers read.
type Model struct {
	// Bias is the intercept of the logistic model.
	Bias float64 `json:"bias"`
	// Category is the dictionary category the model complements.
	Category string `json:"category"`
	// Channel is the role whose utterances the model reads: client for
	// complaint, churn_threat and repeat_contact.
	Channel string `json:"channel"`
	// Language is the language of the calls it was trained on.
	Language string `json:"language"`
	// MinFeatures is the fewest of the model's features a window must
	// have to be scored: the fewest most training calls had (the 5th
	// percentile). On a sentence or two the probability is an
	// extrapolation (each weight counts more under 1/√n), and the phrases
	// are the judge there.
	MinFeatures int `json:"min_features"`
	// Threshold is the probability at or above which a call is flagged.
	Threshold float64 `json:"threshold"`
	// Training records how the model was made (for the reader; it does
	// not change what the model scores).
	Training Training `json:"training"`
	// Weights maps each feature (a stem, or two stems joined by a space)
	// to its weight. A feature not listed weighs nothing and does not
	// count in n.
	Weights map[string]float64 `json:"weights"`
	// Window is the most words scored at once: about the length of most
	// training calls (Options.WindowQuantile of their channel's words). A
	// longer channel is scored in windows, each run of consecutive
	// utterances of at most Window words (one utterance at least), and its
	// probability is the highest: the model learnt from calls of a minute,
	// and over a five-minute call a complaint would be diluted by the rest
	// of the talk. 0 scores the whole channel at once.
	Window int `json:"window"`
}

// Training says what a model was trained on and with which settings.
type Training struct {
	// Calls is the number of labelled training calls.
	Calls int     `json:"calls"`
	L2    float64 `json:"l2"`
	MaxDF float64 `json:"max_df"`
	MinDF int     `json:"min_df"`
	// MinAuthors is Options.MinAuthors (0: every author's words).
	MinAuthors int `json:"min_authors,omitempty"`
	// Neutral is the number of neutral calls added as negatives
	// (Options.Neutral, Options.NeutralShare).
	Neutral int `json:"neutral,omitempty"`
	// Positives are the calls labelled true.
	Positives int `json:"positives"`
	Steps     int `json:"steps"`
	// WindowQuantile is the share of the training calls that fit in
	// Window (Options.WindowQuantile).
	WindowQuantile float64 `json:"window_quantile,omitempty"`
	// NeighbourWeight is Options.NeighbourWeight (0: the neighbour calls
	// weighed as much as the others).
	NeighbourWeight float64 `json:"neighbour_weight,omitempty"`
}

// Marshal encodes m as the model file: indented JSON, keys sorted, a
// newline at the end.
func (m *Model) Marshal() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Parse reads a model file; name is used in messages.
func Parse(name string, data []byte) (*Model, error) {
	var m Model
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("model %s: %w: %v", name, ErrInvalid, err)
	}
	if err := m.Check(); err != nil {
		return nil, fmt.Errorf("model %s: %w", name, err)
	}
	return &m, nil
}

// Check reports a model that cannot be used.
func (m *Model) Check() error {
	var bad []string
	if m.Category == "" || m.Language == "" || m.Channel == "" {
		bad = append(bad, "category, language and channel are required")
	}
	if !(m.Threshold > 0 && m.Threshold < 1) {
		bad = append(bad, fmt.Sprintf("threshold %g is not between 0 and 1", m.Threshold))
	}
	if m.Window < 0 || m.MinFeatures < 0 {
		bad = append(bad, "window and min_features cannot be negative")
	}
	if math.IsNaN(m.Bias) || math.IsInf(m.Bias, 0) {
		bad = append(bad, "bias is not a number")
	}
	for k, w := range m.Weights {
		if math.IsNaN(w) || math.IsInf(w, 0) {
			bad = append(bad, fmt.Sprintf("weight of %q is not a number", k))
		}
		if k == "" || strings.Count(k, " ") > 1 {
			bad = append(bad, fmt.Sprintf("feature %q is neither a stem nor two", k))
		}
	}
	if len(bad) > 0 {
		slices.Sort(bad)
		return fmt.Errorf("%w: %s", ErrInvalid, strings.Join(bad, "; "))
	}
	return nil
}

var stemmers sync.Map // language → text.Stemmer (cached)

// Stemmer is the word → stem function of a language's features: the
// matcher's (text.StemmerFor), memoized.
func Stemmer(lang string) text.Stemmer {
	if st, ok := stemmers.Load(lang); ok {
		return st.(text.Stemmer)
	}
	st, _ := text.StemmerFor(lang)
	st = text.Cached(st, 1<<16)
	stemmers.Store(lang, st)
	return st
}

// Bigram is the feature of two adjacent stems.
func Bigram(a, b string) string { return a + " " + b }

// Features appends the features of one utterance to dst: the stem of each
// word, then the bigram of each two adjacent words. A feature may repeat.
func Features(dst []string, lang, utterance string) []string {
	st := Stemmer(lang)
	toks := text.Tokenize(utterance)
	stems := make([]string, len(toks))
	for i, t := range toks {
		stems[i] = st(t.Norm)
		dst = append(dst, stems[i])
	}
	for i := 1; i < len(stems); i++ {
		dst = append(dst, Bigram(stems[i-1], stems[i]))
	}
	return dst
}

// window is the scoring of one run of utterances [From, To].
type window struct {
	from, to, n int
	p           float64
}

// score finds the window of the highest probability (the first of equal
// ones); from is -1 when no window has MinFeatures features.
func (m *Model) score(utterances []string) window {
	feats := make([][]string, len(utterances))
	words := make([]int, len(utterances))
	var fs []string
	for i, u := range utterances {
		fs = Features(fs[:0], m.Language, u)
		words[i] = len(text.Tokenize(u))
		for _, f := range fs {
			if _, ok := m.Weights[f]; ok {
				feats[i] = append(feats[i], f)
			}
		}
	}
	// Each window starts at an utterance and takes the following ones
	// while they fit, until one reaches the last utterance: a channel of
	// at most Window words is one window, as the training calls were.
	best := window{from: -1, to: -1}
	j, n := -1, 0 // the window is [i, j], n its words
	for i := range utterances {
		for j < len(utterances)-1 && (j < i || m.Window == 0 || n+words[j+1] <= m.Window) {
			j++
			n += words[j]
		}
		have := map[string]bool{}
		for k := i; k <= j; k++ {
			for _, f := range feats[k] {
				have[f] = true
			}
		}
		if len(have) >= max(m.MinFeatures, 1) {
			// In sorted order: a float sum in a fixed order is the same on
			// every run.
			z := 0.0
			for _, f := range slices.Sorted(maps.Keys(have)) {
				z += m.Weights[f]
			}
			if p := Probability(m.Bias, z, len(have)); best.from < 0 || p > best.p {
				best = window{from: i, to: j, n: len(have), p: p}
			}
		}
		if j == len(utterances)-1 {
			break // the later windows are parts of this one
		}
		n -= words[i]
	}
	return best
}

// Score is the probability that a channel of these utterances (in time
// order) is an instance of the category: the highest of its windows, 0
// when it is too short to be scored (MinFeatures).
func (m *Model) Score(utterances []string) float64 {
	return m.score(utterances).p
}

// Probability is the logistic model's output for the sum z of the weights
// of the n features present.
func Probability(bias, z float64, n int) float64 {
	return Sigmoid(LogOdds(bias, z, n))
}

// LogOdds is the log-odds Probability turns into a probability.
func LogOdds(bias, z float64, n int) float64 {
	if n > 0 {
		z /= math.Sqrt(float64(n))
	}
	return bias + z
}

// Sigmoid is 1/(1+e^-x).
func Sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// Evidence is why a model flagged a channel: the window of the highest
// probability, the utterance of it that weighed most and that utterance's
// heaviest features.
type Evidence struct {
	// Probability is the channel's score.
	Probability float64 `json:"probability"`
	// From and To are the first and last utterance of the window (-1 when
	// the channel is too short to be scored).
	From int `json:"from"`
	To   int `json:"to"`
	// N is the number of the model's features in the window.
	N int `json:"n"`
	// Utterance is the index of the utterance of the window whose
	// features weigh most (-1: none has a feature of the model).
	Utterance int `json:"utterance"`
	// Features are the utterance's features of positive weight, heaviest
	// first (at most TopFeatures).
	Features []Feature `json:"features"`
}

// Feature is one feature and its weight.
type Feature struct {
	Name   string  `json:"name"`
	Weight float64 `json:"weight"`
}

// TopFeatures is how many features Explain lists.
const TopFeatures = 5

// Explain scores the utterances and finds, in the window of the highest
// probability, the utterance whose features (each once) weigh most.
func (m *Model) Explain(utterances []string) Evidence {
	w := m.score(utterances)
	ev := Evidence{Probability: w.p, From: w.from, To: w.to, N: w.n, Utterance: -1}
	if w.from < 0 {
		return ev
	}
	best := 0.0
	var fs []string
	for i := w.from; i <= w.to; i++ {
		fs = Features(fs[:0], m.Language, utterances[i])
		seen := map[string]bool{}
		var feats []Feature
		for _, f := range fs {
			if _, ok := m.Weights[f]; ok {
				seen[f] = true
			}
		}
		if len(seen) == 0 {
			continue
		}
		sum := 0.0
		for _, f := range slices.Sorted(maps.Keys(seen)) {
			sum += m.Weights[f]
			if m.Weights[f] > 0 {
				feats = append(feats, Feature{f, m.Weights[f]})
			}
		}
		if ev.Utterance < 0 || sum > best {
			ev.Utterance, best, ev.Features = i, sum, feats
		}
	}
	slices.SortStableFunc(ev.Features, func(a, b Feature) int {
		return cmp.Or(cmp.Compare(b.Weight, a.Weight), strings.Compare(a.Name, b.Name))
	})
	if len(ev.Features) > TopFeatures {
		ev.Features = ev.Features[:TopFeatures]
	}
	return ev
}
