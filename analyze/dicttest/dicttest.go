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
	"github.com/callscope/callscope/analyze/text"
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

// Text finds the phrases of lang in one sentence said on a channel of role
// (operator, client, or mixed: every phrase whatever its channel; with
// strictMixed a mixed channel takes only channel-any phrases). Windows and
// minimum counts need a call and are not applied.
func Text(m *match.Matcher, lang, role, text string, strictMixed bool) Result {
	res := Result{DictionaryVersion: m.Version(), Language: lang, Hits: []Hit{}, Categories: map[string]int{}}
	seg, toks, words, hits := sentenceHits(m, lang, role, text, strictMixed)
	for _, h := range hits {
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

// SentenceHits are the phrase hits of one sentence said on a channel of
// role, as Text finds them, and the sentence's tokens, which their Start
// and End index (for highlighting).
func SentenceHits(m *match.Matcher, lang, role, sentence string, strictMixed bool) ([]text.Token, []match.Hit) {
	_, toks, _, hits := sentenceHits(m, lang, role, sentence, strictMixed)
	return toks, hits
}

func sentenceHits(m *match.Matcher, lang, role, sentence string, strictMixed bool) (schemas.Segment, []text.Token, []int, []match.Hit) {
	seg := schemas.Segment{Text: sentence}
	toks, words := match.SegmentTokens(nil, nil, seg)
	return seg, toks, words, m.MatchSegment(nil, lang, matchRole(role, strictMixed), seg, toks, words)
}

// matchRole is the role a channel of role matches phrases as: with
// strictMixed a mixed channel (speaker unknown) takes only channel-any
// phrases, as match.CallOptions.StrictMixed has MatchCall do.
func matchRole(role string, strictMixed bool) string {
	if role == schemas.RoleMixed && strictMixed {
		return ""
	}
	return role
}

// Transcript finds the hits of a whole transcript as the analyzer does
// (channels, time windows, minimum counts), and the segments they are in.
func Transcript(m *match.Matcher, tr schemas.Transcript, lang string, opt match.CallOptions) Result {
	res := Result{DictionaryVersion: m.Version(), Language: lang, Hits: []Hit{}, Categories: map[string]int{}}
	if !tr.TextKnown() {
		return res
	}
	all, segs := CountedHits(m, tr, lang, opt)
	for _, h := range all {
		res.Hits = append(res.Hits, Hit{Hit: h.Hit, Weight: h.Weight, Probability: h.Probability})
		res.Categories[h.Category]++
	}
	for _, s := range segs {
		var in []int
		for _, p := range s.Phrases {
			if !slices.Contains(in, p.Index) {
				in = append(in, p.Index)
			}
		}
		in = append(in, s.Models...)
		slices.Sort(in)
		res.Segments = append(res.Segments, Segment{Channel: s.Role, Start: s.Segment.Start, End: s.Segment.End, Text: segmentText(s.Segment), Hits: in})
	}
	slices.SortStableFunc(res.Segments, func(a, b Segment) int { return cmp.Compare(a.Start, b.Start) })
	return res
}

// SegmentHits is a transcript segment with the hits in it that count for
// the call.
type SegmentHits struct {
	// Role is the channel's role, mixed for a channel without one.
	Role    string
	Segment schemas.Segment
	// Tokens are the segment's tokens (match.SegmentTokens), the ones
	// Phrases' Match positions index.
	Tokens []text.Token
	// Phrases are the phrase hits of the segment that MatchCall counted,
	// in the order MatchSegment finds them.
	Phrases []SegmentHit
	// Models are the indexes in the call's hits of the model hits whose
	// utterance (the one that weighed most in the score) is this segment.
	Models []int
}

// SegmentHit is a phrase hit in a segment that counts for the call.
type SegmentHit struct {
	Match match.Hit   // the phrase and its token positions in the segment
	Hit   schemas.Hit // as the call records it: channel, times, words
	Index int         // its index in the call's hits
}

// CountedHits are a transcript's hits as the analyzer counts them
// (match.MatchCall: channels, time windows, minimum counts) and, in the
// transcript's order, the segments holding any of them: the one rule of
// which hits a segment shows, for Transcript and `dict test`'s text.
func CountedHits(m *match.Matcher, tr schemas.Transcript, lang string, opt match.CallOptions) ([]match.CallHit, []SegmentHits) {
	all := m.MatchCall(tr, lang, opt)
	type key struct {
		cat, phrase, channel string
		start, end           float64
	}
	index := make(map[key]int, len(all))
	for i, h := range all {
		index[key{h.Category, h.PhraseID, h.Channel, h.Start, h.End}] = i
	}
	var segs []SegmentHits
	for _, ch := range tr.Channels {
		role := cmp.Or(ch.Role, schemas.RoleMixed)
		for _, seg := range ch.Segments {
			s := SegmentHits{Role: role, Segment: seg}
			var words []int
			s.Tokens, words = match.SegmentTokens(nil, nil, seg)
			for _, h := range m.MatchSegment(nil, lang, matchRole(role, opt.StrictMixed), seg, s.Tokens, words) {
				sh := match.HitOf(h, role, seg, s.Tokens, words)
				if i, ok := index[key{sh.Category, sh.PhraseID, sh.Channel, sh.Start, sh.End}]; ok {
					s.Phrases = append(s.Phrases, SegmentHit{Match: h, Hit: sh, Index: i})
				}
			}
			// A model's hit is the whole utterance.
			for i, h := range all {
				if h.Probability > 0 && h.Channel == role && h.Text == seg.Text && math.Abs(h.Start-seg.Start) < 0.001 {
					s.Models = append(s.Models, i)
				}
			}
			if len(s.Phrases) > 0 || len(s.Models) > 0 {
				segs = append(segs, s)
			}
		}
	}
	return all, segs
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
