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
	// Probability is a model hit's score (models.go), 0 for a phrase's.
	// It is not stored: the stored hit is the category, model:<category>
	// and the utterance that weighed most.
	Probability float64 `json:"probability,omitempty"`
}

// JoinGap is the longest pause, in seconds, between two utterances of one
// speaker that still lets a phrase run from one into the other: the
// recognizer cut a sentence in two.
const JoinGap = 1.0

// AdjacentGap is the longest pause, in seconds, after an utterance within
// which the speaker's next utterances count as adjacent for exclusions
// (exclude_utterances): «не знаю» — «а кто знает?» — «сейчас уточню» is one
// exchange; the same words a minute later answer another question.
const AdjacentGap = 10.0

// MatchCall finds the phrases of lang's dictionaries in a whole transcript:
// each channel as one speaker's utterances (segments), a phrase within one
// utterance or across two that follow within JoinGap, with negation and
// exclusions applied as Match does, and exclusions reaching the adjacent
// utterances a dictionary allows; then the position rules (the first or
// last utterance of the channel), the time windows (a greeting in the
// first seconds) and the minimum counts (filler words only from the
// fifth). Each hit carries its category, phrase id, the role of the
// channel it was said on, its start and end in seconds and the words as
// spoken. Hits are ordered by start, end, channel, category and phrase id.
//
// With word times a hit runs from its first word's start to its last
// word's end; without them it is interpolated by token position within the
// segment, which is the best a segment-level transcript allows.
func (m *Matcher) MatchCall(tr schemas.Transcript, lang string, opt CallOptions) []CallHit {
	hits := m.AppendCall(nil, tr, lang, opt)
	if hits == nil && m.langs[lang] != nil {
		hits = []CallHit{} // a language matched without hits: [] in JSON, not null
	}
	return hits
}

// AppendCall is MatchCall appending the hits to dst: a caller matching
// call after call (the what-if, dict eval, the analyzer copying the hits
// into its result) passes the previous call's slice cut to [:0] and
// allocates nothing. At 2,000 hits a call the result is 190 KB, and
// allocating and zeroing it for every call costs more than a fifth of the
// matching.
func (m *Matcher) AppendCall(dst []CallHit, tr schemas.Transcript, lang string, opt CallOptions) []CallHit {
	lm := m.langs[lang]
	if lm == nil {
		return dst
	}
	duration := tr.Duration
	if duration <= 0 {
		for _, ch := range tr.Channels {
			for _, seg := range ch.Segments {
				duration = max(duration, seg.End)
			}
		}
	}
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	s.modelHits = s.modelHits[:0]
	toks, words, segTok, segWord, order := s.toks[:0], s.words[:0], s.segTok[:0], s.segWord[:0], s.order[:0]
	all, roles, quotes := s.all[:0], s.roles[:0], s.quotes[:0]
	defer func() {
		clear(quotes) // do not keep the transcript alive
		s.toks, s.words, s.segTok, s.segWord, s.order, s.all = toks[:0], words[:0], segTok[:0], segWord[:0], order[:0], all[:0]
		s.roles, s.quotes = roles[:0], quotes[:0]
		s.wantFeats = false // Match and MatchSegment share the scratch
	}()
	for chi, ch := range tr.Channels {
		role := cmp.Or(ch.Role, schemas.RoleMixed)
		roles = append(roles, role)
		if len(ch.Segments) == 0 {
			continue
		}
		matchRole := role
		if role == schemas.RoleMixed && opt.StrictMixed {
			matchRole = "" // speaker unknown: only channel-any phrases
		}
		// Utterances in time order (a recognizer writes them so; a
		// transcript put together by hand may not).
		order = order[:0]
		for i := range ch.Segments {
			order = append(order, i)
		}
		if !slices.IsSortedFunc(ch.Segments, func(a, b schemas.Segment) int { return cmp.Compare(a.Start, b.Start) }) {
			slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(ch.Segments[a].Start, ch.Segments[b].Start) })
		}
		toks, words, segTok, segWord = toks[:0], words[:0], segTok[:0], segWord[:0]
		s.units, s.segs, s.pres, s.feats, s.glues = s.units[:0], s.segs[:0], s.pres[:0], s.feats[:0], s.glues[:0]
		s.wantFeats = lm.models != nil && lm.models.reads(role)
		block := int32(-1)
		prevEnd := math.Inf(-1)
		for si, k := range order {
			seg := ch.Segments[k]
			t0 := len(toks)
			segTok, segWord = append(segTok, t0), append(segWord, len(words))
			// Words as written: the matcher's word cache folds each
			// distinct word once, not on every call.
			toks, words = segmentTokens(text.AppendWords, toks, words, seg)
			if seg.Start-prevEnd > JoinGap || block < 0 {
				block++
			}
			prevEnd = max(prevEnd, seg.End)
			u0 := int32(len(s.units))
			s.stops = sentenceStops(s.stops, seg, toks[t0:], words[segWord[si]:])
			lm.appendUnits(s, toks[t0:], t0, int32(si), s.stops)
			s.segs = append(s.segs, span{u0: u0, u1: int32(len(s.units)), block: block, start: seg.Start, end: seg.End})
		}
		segTok, segWord = append(segTok, len(toks)), append(segWord, len(words))
		// Each utterance's block end, for the walks.
		for i := len(s.segs) - 1; i >= 0; i-- {
			if i == len(s.segs)-1 || s.segs[i+1].block != s.segs[i].block {
				s.segs[i].blockE = s.segs[i].u1
			} else {
				s.segs[i].blockE = s.segs[i+1].blockE
			}
		}
		if len(s.units) == 0 {
			continue
		}
		chHits := len(all)
		lm.find(s, matchRole)
		last := int32(len(s.segs) - 1)
		// The interpolated time of each token boundary (utterance si's
		// boundary i is bounds[segTok[si]+si+i]), computed when a hit first
		// needs it: a call of many hits has several on most words.
		bounds := slices.Grow(s.bounds[:0], len(toks)+len(s.segs))[:len(toks)+len(s.segs)]
		for i := range bounds {
			bounds[i] = math.NaN()
		}
		s.bounds = bounds
		boundary := func(seg *schemas.Segment, si int32, i, n int) float64 {
			b := &bounds[segTok[si]+int(si)+i]
			if *b != *b { // NaN: not computed yet
				*b = tokenTime(seg, i, n)
			}
			return *b
		}
		// place times units [from, to) of utterance si and says where their
		// quote is: bytes [a, b) of the text, or q when a < 0.
		place := func(si int32, from, to int32) (start, end float64, a, b int32, q string) {
			t0, t1 := segTok[si], segTok[si+1]
			i, j := int(s.units[from].tokStart)-t0, int(s.units[to-1].tokEnd)-t0
			seg := &ch.Segments[order[si]]
			if segWord[si] != segWord[si+1] {
				start, end, q = hitSpan(i, j, *seg, toks[t0:t1], words[segWord[si]:segWord[si+1]])
				return start, end, -1, -1, q
			}
			return boundary(seg, si, i, t1-t0), boundary(seg, si, j, t1-t0), int32(toks[t0+i].Start), int32(toks[t0+j-1].End), ""
		}
		units := s.units
		var plain ruleHot
		for _, c := range s.keep {
			// Most phrases have no position and no window: their rule's
			// entry in lm.hot (a cache miss at 10,000 phrases) is not read.
			special := lm.special[c.rule]
			r := &plain // position any, no window
			if special {
				r = &lm.hot[c.rule]
			}
			seg0, seg1 := units[c.start].seg, units[c.end-1].seg
			// A position rule wants the whole hit in that utterance.
			switch r.position {
			case positionFirst:
				if seg1 != 0 {
					continue
				}
			case positionLast:
				if seg0 != last {
					continue
				}
			}
			h := callHit{seg: int32(order[seg0])}
			var q string
			switch {
			case seg0 == seg1 && segWord[seg0] == segWord[seg0+1]:
				// In one utterance without word times, the usual case:
				// place's work without its calls.
				t0, t1 := segTok[seg0], segTok[seg0+1]
				i, j := int(units[c.start].tokStart)-t0, int(units[c.end-1].tokEnd)-t0
				b := bounds[t0+int(seg0):]
				if b[i] != b[i] {
					b[i] = tokenTime(&ch.Segments[h.seg], i, t1-t0)
				}
				if b[j] != b[j] {
					b[j] = tokenTime(&ch.Segments[h.seg], j, t1-t0)
				}
				h.start, h.end, h.a, h.b = b[i], b[j], int32(toks[t0+i].Start), int32(toks[t0+j-1].End)
			case seg0 == seg1:
				h.start, h.end, h.a, h.b, q = place(seg0, c.start, c.end)
			default:
				// Across utterances: from the first word in one to the last
				// in the other, quoting both parts.
				var qa, qb string
				var a0, a1, b0, b1 int32
				h.start, _, a0, a1, qa = place(seg0, c.start, s.segs[seg0].u1)
				_, h.end, b0, b1, qb = place(seg1, s.segs[seg1].u0, c.end)
				if a0 >= 0 {
					qa = ch.Segments[order[seg0]].Text[a0:a1]
				}
				if b0 >= 0 {
					qb = ch.Segments[order[seg1]].Text[b0:b1]
				}
				q, h.a = qa+" "+qb, -1
			}
			if special && r.flags&hotWindow != 0 && !lm.dicts[r.dict].phrases[r.phrase].window.Contains(h.start, duration) {
				continue
			}
			if h.a < 0 {
				h.b = int32(len(quotes))
				quotes = append(quotes, q)
			}
			h.rule, h.ch, h.rank = c.rule, int32(chi), lm.rank[c.rule]
			all = append(all, h)
		}
		if lm.models != nil {
			lm.scoreModels(s, role, int32(chi), all[chHits:], segTok, order, ch.Segments)
		}
	}
	// Minimum counts, per phrase and per category, over the whole call.
	// The counters are the scratch's, cleared entry by entry after use: a
	// call must not cost in proportion to the number of phrases.
	if lm.minCounts && len(all) > 0 {
		if len(s.perPhrase) < int(lm.phrases) {
			s.perPhrase = make([]int32, lm.phrases)
		}
		if len(s.perDict) < len(lm.dicts) {
			s.perDict = make([]int32, len(lm.dicts))
		}
		perPhrase, perDict := s.perPhrase, s.perDict
		touched := s.touched[:0]
		for _, c := range all {
			r := &lm.hot[c.rule]
			pi := lm.dicts[r.dict].base + r.phrase
			if perPhrase[pi] == 0 {
				touched = append(touched, pi)
			}
			perPhrase[pi]++
			perDict[r.dict]++
		}
		kept := all[:0]
		for _, c := range all {
			r := &lm.hot[c.rule]
			di := &lm.dicts[r.dict]
			if int(perDict[r.dict]) >= di.d.MinCount && int(perPhrase[di.base+r.phrase]) >= di.d.Phrases[r.phrase].MinCount {
				kept = append(kept, c)
			}
		}
		for _, pi := range touched {
			perPhrase[pi] = 0
		}
		clear(perDict)
		s.touched = touched[:0]
		all = kept
	}
	// Order indices, not the hits. Each channel's hits come nearly in time
	// order (only hits starting on the same word may be swapped), so an
	// insertion sort per channel and a merge of the channels cost about
	// one pass. Ties on start and end fall back to the channel, category
	// and phrase id (the phrase's rank) and then the order found.
	less := func(i, j int32) bool {
		x, y := &all[i], &all[j]
		switch {
		case x.start != y.start:
			return x.start < y.start
		case x.end != y.end:
			return x.end < y.end
		case x.ch != y.ch && roles[x.ch] != roles[y.ch]:
			return roles[x.ch] < roles[y.ch]
		case x.rank != y.rank:
			return x.rank < y.rank
		}
		return i < j
	}
	idx := s.idx[:0]
	for i := range all {
		idx = append(idx, int32(i))
	}
	runs := s.runs[:0] // per channel: [from, to) in idx
	for i := 0; i < len(idx); {
		j := i
		for j < len(idx) && all[idx[j]].ch == all[idx[i]].ch {
			j++
		}
		for k := i + 1; k < j; k++ {
			if !less(idx[k], idx[k-1]) {
				continue // in order already: the usual case
			}
			for m := k; m > i && less(idx[m], idx[m-1]); m-- {
				idx[m], idx[m-1] = idx[m-1], idx[m]
			}
		}
		runs = append(runs, [2]int{i, j})
		i = j
	}
	s.idx, s.runs = idx, runs
	n0 := len(dst)
	dst = slices.Grow(dst, len(all))[:n0+len(all)]
	out := dst[n0:]
	for k := range out {
		best := -1
		for r := range runs {
			if runs[r][0] < runs[r][1] && (best < 0 || less(idx[runs[r][0]], idx[runs[best][0]])) {
				best = r
			}
		}
		h := &all[idx[runs[best][0]]]
		runs[best][0]++
		q := ""
		if h.a >= 0 {
			q = tr.Channels[h.ch].Segments[h.seg].Text[h.a:h.b]
		} else {
			q = quotes[h.b]
		}
		r := &lm.hot[h.rule]
		// Field by field: a composite literal would be built aside and
		// copied with a bulk write barrier.
		o := &out[k]
		o.Category, o.PhraseID, o.Channel, o.Text = lm.dicts[r.dict].d.Category, lm.ids[r.idAt:r.idEnd], roles[h.ch], q
		o.Start, o.End, o.Weight, o.Probability = h.start, h.end, r.weight, 0
	}
	if len(s.modelHits) > 0 {
		dst = append(dst[:n0], lm.insertModelHits(dst[n0:], s, tr, roles)...)
	}
	return dst
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
	out.Start, out.End, out.Text = hitSpan(h.Start, h.End, seg, toks, words)
	return out
}

// hitSpan is the start, end and quote of tokens [from, to) of a segment.
func hitSpan(from, to int, seg schemas.Segment, toks []text.Token, words []int) (start, end float64, quote string) {
	if len(words) > 0 {
		first, last := words[from], words[to-1]
		start, end = seg.Words[first].Start, seg.Words[last].End
		// Quote whole words but cut the first and last at their tokens, so
		// punctuation the ASR glued to them ("мне,") stays out.
		ws := make([]string, 0, last-first+1)
		for wi := first; wi <= last; wi++ {
			w := seg.Words[wi].W
			a, b := 0, len(w)
			if wi == last {
				b = toks[to-1].End
			}
			if wi == first {
				a = toks[from].Start
			}
			ws = append(ws, w[a:b])
		}
		return ms(start), ms(end), strings.Join(ws, " ")
	}
	return tokenTime(&seg, from, len(toks)), tokenTime(&seg, to, len(toks)), seg.Text[toks[from].Start:toks[to-1].End]
}

// tokenTime is the time of boundary i (before token i) of a segment of n
// tokens without word times: interpolated by token position.
func tokenTime(seg *schemas.Segment, i, n int) float64 {
	return ms(seg.Start + (seg.End-seg.Start)*float64(i)/float64(n))
}

// ms rounds seconds to milliseconds: finer digits are interpolation noise
// and would make equal analyses differ.
func ms(s float64) float64 { return math.Round(s*1000) / 1000 }
