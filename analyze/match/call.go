package match

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/callscope/callscope/analyze/text"
	"github.com/callscope/callscope/schemas"
)

// CallOptions tune MatchCall.
type CallOptions struct {
	// StrictMixed limits a mixed (mono) channel to phrases whose channel is
	// any. By default a mixed channel matches every phrase, since either
	// party may have said it; the hit's channel is then "mixed".
	StrictMixed bool
}

// CallHit is a hit in a call: where and what was said, and the phrase's
// weight for scoring.
type CallHit struct {
	schemas.Hit
	Weight float64 `json:"weight"`
}

// MatchCall finds the phrases of lang's dictionaries in a whole transcript:
// each segment of each channel as Match does, then the time windows (a
// greeting in the first seconds) and the minimum counts (filler words
// only from the fifth). Each hit carries its category, phrase id, the role
// of the channel it was said on, its start and end in seconds and the
// words as spoken. Hits are ordered by start, end, channel, category and
// phrase id.
//
// With word times a hit runs from its first word's start to its last
// word's end; without them it is interpolated by token position within the
// segment, which is the best a segment-level transcript allows.
func (m *Matcher) MatchCall(tr schemas.Transcript, lang string, opt CallOptions) []CallHit {
	lm := m.langs[lang]
	if lm == nil {
		return nil
	}
	duration := tr.Duration
	if duration <= 0 {
		for _, ch := range tr.Channels {
			for _, seg := range ch.Segments {
				duration = max(duration, seg.End)
			}
		}
	}
	type counted struct {
		hit          CallHit
		dict, phrase int32
	}
	toks := make([]text.Token, 0, 64)
	var words []int
	found := make([]Hit, 0, 8)
	all := make([]counted, 0, 32)
	for _, ch := range tr.Channels {
		role := cmp.Or(ch.Role, schemas.RoleMixed)
		matchRole := role
		if role == schemas.RoleMixed && opt.StrictMixed {
			matchRole = "" // speaker unknown: only channel-any phrases
		}
		for _, seg := range ch.Segments {
			// Words as written: the matcher's word cache folds each
			// distinct word once, not on every call.
			toks, words = segmentTokens(text.AppendWords, toks[:0], words[:0], seg)
			found = m.Match(found[:0], lang, matchRole, toks)
			for _, h := range found {
				sh := HitOf(h, role, seg, toks, words)
				if !lm.dicts[h.dict].phrases[h.phrase].window.Contains(sh.Start, duration) {
					continue
				}
				all = append(all, counted{CallHit{sh, h.Weight}, h.dict, h.phrase})
			}
		}
	}
	// Minimum counts, per phrase and per category, over the whole call.
	if lm.minCounts && len(all) > 0 {
		perPhrase := make([]int32, lm.phrases)
		perDict := make([]int32, len(lm.dicts))
		for _, c := range all {
			perPhrase[lm.dicts[c.dict].base+c.phrase]++
			perDict[c.dict]++
		}
		kept := all[:0]
		for _, c := range all {
			di := &lm.dicts[c.dict]
			if int(perDict[c.dict]) >= di.d.MinCount && int(perPhrase[di.base+c.phrase]) >= di.d.Phrases[c.phrase].MinCount {
				kept = append(kept, c)
			}
		}
		all = kept
	}
	// Sort indices, not the hits: a hit is a hundred bytes.
	order := make([]int32, len(all))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(i, j int32) int {
		x, y := &all[i].hit, &all[j].hit
		return cmp.Or(cmp.Compare(x.Start, y.Start), cmp.Compare(x.End, y.End),
			cmp.Compare(x.Channel, y.Channel), cmp.Compare(x.Category, y.Category),
			cmp.Compare(x.PhraseID, y.PhraseID))
	})
	out := make([]CallHit, len(all))
	for i, k := range order {
		out[i] = all[k].hit
	}
	return out
}

// SegmentTokens tokenizes a segment: its words when it has them (they carry
// times), else its text. words[i] is the index of the word token i came
// from; it stays empty for text.
func SegmentTokens(toks []text.Token, words []int, seg schemas.Segment) ([]text.Token, []int) {
	return segmentTokens(text.AppendTokens, toks, words, seg)
}

func segmentTokens(tokenize func([]text.Token, string) []text.Token, toks []text.Token, words []int, seg schemas.Segment) ([]text.Token, []int) {
	if len(seg.Words) == 0 {
		return tokenize(toks, seg.Text), words
	}
	for wi, w := range seg.Words {
		n := len(toks)
		toks = tokenize(toks, w.W)
		for range len(toks) - n {
			words = append(words, wi)
		}
	}
	return toks, words
}

// HitOf places a Match hit of a segment (tokenized by SegmentTokens) in
// time and quotes it; channel is the role of the segment's channel.
func HitOf(h Hit, channel string, seg schemas.Segment, toks []text.Token, words []int) schemas.Hit {
	out := schemas.Hit{Category: h.Category, PhraseID: h.PhraseID, Channel: channel}
	if len(words) > 0 {
		first, last := words[h.Start], words[h.End-1]
		out.Start, out.End = seg.Words[first].Start, seg.Words[last].End
		// Quote whole words but cut the first and last at their tokens, so
		// punctuation the ASR glued to them ("мне,") stays out.
		ws := make([]string, 0, last-first+1)
		for wi := first; wi <= last; wi++ {
			w := seg.Words[wi].W
			from, to := 0, len(w)
			if wi == last {
				to = toks[h.End-1].End
			}
			if wi == first {
				from = toks[h.Start].Start
			}
			ws = append(ws, w[from:to])
		}
		out.Text = strings.Join(ws, " ")
	} else {
		span := seg.End - seg.Start
		n := float64(len(toks))
		out.Start = seg.Start + span*float64(h.Start)/n
		out.End = seg.Start + span*float64(h.End)/n
		out.Text = seg.Text[toks[h.Start].Start:toks[h.End-1].End]
	}
	out.Start, out.End = ms(out.Start), ms(out.End)
	return out
}

// ms rounds seconds to milliseconds: finer digits are interpolation noise
// and would make equal analyses differ.
func ms(s float64) float64 { return math.Round(s*1000) / 1000 }
