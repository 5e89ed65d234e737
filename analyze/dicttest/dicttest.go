// Package dicttest is the use case behind `callscope dict test` and the
// HTTP API's dictionary test: the hits a dictionary set finds in one
// sentence or in a whole transcript, with the words that fired, as an
// analyst checks a phrase before publishing it. It is pure: a matcher and
// text in, a Result out; reading a stored call is the caller's.
package dicttest

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/analyze/model"
	"github.com/callscope/callscope/schemas"
)

// Result is what a test found. Its JSON is `dict test --format json`'s.
type Result struct {
	DictionaryVersion string `json:"dictionary_version"`
	Language          string `json:"language"`
	// Hits are the hits that count for the call, ordered by start (for a
	// sentence: in the order of its words, with zero times).
	Hits []Hit `json:"hits"`
	// Categories maps each category with hits to their number.
	Categories map[string]int `json:"categories"`
	// Segments are the transcript's segments that have hits, with the
	// indexes of their hits in Hits (none for a sentence).
	Segments []Segment `json:"segments,omitempty"`
	// CallID and Stored are set by the caller for a stored call: the hits
	// its stored analysis recorded, to compare with the new ones.
	CallID string  `json:"call_id,omitempty"`
	Stored *Stored `json:"stored,omitempty"`
	// Models are, for a sentence, the scores the category models give it
	// as the whole of a channel (those reading the sentence's role; every
	// model for a mixed one): in a call a model flags only where its
	// category's phrases find nothing.
	Models []ModelScore `json:"models,omitempty"`
}

// ModelScore is a category model's score of a sentence.
type ModelScore struct {
	Category    string          `json:"category"`
	Channel     string          `json:"channel"`
	Probability float64         `json:"probability"`
	Threshold   float64         `json:"threshold"`
	Features    []model.Feature `json:"features"`
	// N is the number of the model's features in the sentence, and
	// MinFeatures the fewest a call's window needs to be scored: a
	// sentence under it is scored here, for the analyst, but not in a call.
	N           int `json:"n"`
	MinFeatures int `json:"min_features"`
}

// Stored is what a call's stored analysis found.
type Stored struct {
	DictionaryVersion string        `json:"dictionary_version"`
	Hits              []schemas.Hit `json:"hits"`
}

// Hit is one hit: where, what phrase, the words as spoken, and the
// phrase's weight for scoring.
type Hit struct {
	schemas.Hit
	Weight float64 `json:"weight"`
	// Probability is a category model's score, for its hit (phrase id
	// model:<category>, the utterance that weighed most).
	Probability float64 `json:"probability,omitempty"`
	// From and To are the byte offsets of the words in the sentence (a
	// sentence test only), for highlighting.
	From int `json:"from,omitempty"`
	To   int `json:"to,omitempty"`
}

// Segment is a transcript segment with hits.
type Segment struct {
	Channel string  `json:"channel"`
	Start   float64 `json:"start"`
	End     float64 `json:"end"`
	Text    string  `json:"text"`
	Hits    []int   `json:"hits"`
}

// Language reduces "ru-RU" to "ru"; empty stays empty.
func Language(l string) string {
	l = strings.ToLower(strings.TrimSpace(l))
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		l = l[:i]
	}
	return l
}

// Text finds the phrases of lang in one sentence said on a channel of role
// (operator, client, or mixed: every phrase whatever its channel; with
// strictMixed a mixed channel takes only channel-any phrases). Windows and
// minimum counts need a call and are not applied.
func Text(m *match.Matcher, lang, role, text string, strictMixed bool) Result {
	res := Result{DictionaryVersion: m.Version(), Language: lang, Hits: []Hit{}, Categories: map[string]int{}}
	matchRole := role
	if role == schemas.RoleMixed && strictMixed {
		matchRole = ""
	}
	seg := schemas.Segment{Text: text}
	toks, words := match.SegmentTokens(nil, nil, seg)
	for _, h := range m.MatchSegment(nil, lang, matchRole, seg, toks, words) {
		res.Hits = append(res.Hits, Hit{Hit: match.HitOf(h, role, seg, toks, words), Weight: h.Weight,
			From: toks[h.Start].Start, To: toks[h.End-1].End})
		res.Categories[h.Category]++
	}
	for _, md := range m.Models(lang) {
		if role != md.Channel && role != schemas.RoleMixed {
			continue
		}
		whole := *md
		whole.MinFeatures = 0
		ev := whole.Explain([]string{text})
		res.Models = append(res.Models, ModelScore{Category: md.Category, Channel: md.Channel, Probability: ev.Probability,
			Threshold: md.Threshold, Features: ev.Features, N: ev.N, MinFeatures: md.MinFeatures})
	}
	return res
}

// Transcript finds the hits of a whole transcript as the analyzer does
// (channels, time windows, minimum counts), and the segments they are in.
func Transcript(m *match.Matcher, tr schemas.Transcript, lang string, opt match.CallOptions) Result {
	res := Result{DictionaryVersion: m.Version(), Language: lang, Hits: []Hit{}, Categories: map[string]int{}}
	if !tr.TextKnown() {
		return res
	}
	all := m.MatchCall(tr, lang, opt)
	type key struct {
		cat, phrase, channel string
		start, end           float64
	}
	index := make(map[key]int, len(all))
	for i, h := range all {
		res.Hits = append(res.Hits, Hit{Hit: h.Hit, Weight: h.Weight, Probability: h.Probability})
		res.Categories[h.Category]++
		index[key{h.Category, h.PhraseID, h.Channel, h.Start, h.End}] = i
	}
	// Each segment's own hits, kept when MatchCall counted them.
	for _, ch := range tr.Channels {
		role := cmp.Or(ch.Role, schemas.RoleMixed)
		matchRole := role
		if role == schemas.RoleMixed && opt.StrictMixed {
			matchRole = ""
		}
		for _, seg := range ch.Segments {
			toks, words := match.SegmentTokens(nil, nil, seg)
			var in []int
			for _, h := range m.MatchSegment(nil, lang, matchRole, seg, toks, words) {
				sh := match.HitOf(h, role, seg, toks, words)
				if i, ok := index[key{sh.Category, sh.PhraseID, sh.Channel, sh.Start, sh.End}]; ok && !slices.Contains(in, i) {
					in = append(in, i)
				}
			}
			// A model's hit is the whole utterance.
			for i, h := range all {
				if h.Probability > 0 && h.Channel == role && h.Text == seg.Text && math.Abs(h.Start-seg.Start) < 0.001 {
					in = append(in, i)
				}
			}
			if len(in) > 0 {
				slices.Sort(in)
				res.Segments = append(res.Segments, Segment{Channel: role, Start: seg.Start, End: seg.End, Text: segmentText(seg), Hits: in})
			}
		}
	}
	slices.SortStableFunc(res.Segments, func(a, b Segment) int { return cmp.Compare(a.Start, b.Start) })
	return res
}

// CategoryNames are the result's categories, sorted.
func (r Result) CategoryNames() []string { return slices.Sorted(maps.Keys(r.Categories)) }

// segmentText is the segment's text, or its words joined when it has them.
func segmentText(seg schemas.Segment) string {
	if len(seg.Words) == 0 {
		return seg.Text
	}
	ws := make([]string, len(seg.Words))
	for i, w := range seg.Words {
		ws[i] = w.W
	}
	return strings.Join(ws, " ")
}
