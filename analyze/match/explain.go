package match

import (
	"github.com/callscope/callscope/analyze/text"
	"github.com/callscope/callscope/schemas"
)

// A Cancellation is a match of a phrase's wording that a rule took back:
// a negator governing it («не хочу жаловаться») or one of its exclusions
// near it. Explain reports them, so that an analyst sees why a phrase
// whose words were all said did not fire.
type Cancellation struct {
	Category, PhraseID string
	// Start and End are the phrase's tokens [Start, End), ByStart and
	// ByEnd the negator's or the exclusion's, in the tokens Explain took.
	Start, End     int
	ByStart, ByEnd int
	// Excluded is true for an exclusion, false for a negator.
	Excluded bool
}

// Reason says what took the match back, quoting the words said: «negated
// by «не»», «excluded by «спасибо»».
func (c Cancellation) Reason(toks []text.Token) string {
	by := ""
	for i := c.ByStart; i < c.ByEnd && i < len(toks); i++ {
		if by != "" {
			by += " "
		}
		by += toks[i].Norm
	}
	if c.Excluded {
		return "excluded by «" + by + "»"
	}
	return "negated by «" + by + "»"
}

// cancellation is a Cancellation in units, as the match notes it.
type cancellation struct {
	m              ruleMatch
	byStart, byEnd int32 // units
	excluded       bool
}

// Explain matches one segment as MatchSegment does and returns its hits
// and the matches a negator or an exclusion cancelled. It is for
// explaining (dict eval's false negatives), not for the hot path: it
// allocates.
func (m *Matcher) Explain(lang, role string, seg schemas.Segment, toks []text.Token, words []int) ([]Hit, []Cancellation) {
	lm := m.langs[lang]
	if lm == nil || len(toks) == 0 {
		return nil, nil
	}
	s := new(scratch)
	var noted []cancellation
	s.cancelled = &noted
	s.stops = sentenceStops(s.stops, seg, toks, words)
	lm.appendUnits(s, toks, 0, 0, s.stops)
	s.segs = append(s.segs, span{u0: 0, u1: int32(len(s.units)), blockE: int32(len(s.units))})
	lm.find(s, role)
	hits := lm.appendHits(nil, s)
	out := make([]Cancellation, 0, len(noted))
	for _, c := range noted {
		r := lm.rules[c.m.rule]
		di := &lm.dicts[r.dict]
		out = append(out, Cancellation{Category: di.d.Category, PhraseID: di.d.Phrases[r.phrase].ID,
			Start: int(s.units[c.m.start].tokStart), End: int(s.units[c.m.end-1].tokEnd),
			ByStart: int(s.units[c.byStart].tokStart), ByEnd: int(s.units[c.byEnd-1].tokEnd), Excluded: c.excluded})
	}
	return hits, out
}
