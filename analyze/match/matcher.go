package match

import (
	"errors"
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/callscope/callscope/analyze/text"
)

// wordCacheSize is the number of slots of the memo of analysed words per
// language (rounded up to a power of two; about 100 bytes a cached word).
const wordCacheSize = 1 << 16

// Matcher finds the phrases of a compiled Set in tokenized text. It is
// immutable after Compile and safe for concurrent use.
type Matcher struct {
	version string
	langs   map[string]*langMatcher
	set     *Set
}

// langMatcher is the automaton of one language: a trie over word keys
// (stems, exact forms, numbers, the wildcard) whose states are numbered and
// whose transitions are one hash map, so a word that starts no phrase costs
// one cached lookup and nothing else.
type langMatcher struct {
	lang     string
	stem     text.Stemmer
	stems    map[string]int32 // stem → id
	exacts   map[string]int32 // exact word form → id
	prefixes []string         // prefix id → prefix
	trans    map[uint64]int32 // state<<32 | edge → state
	ends     [][]int32        // per state: operands ending there
	hasOut   []bool           // per state: any transition
	hasAny   []bool           // per state: a wildcard transition
	seqs     []seqRef         // operand → its rule
	rules    []rule
	dicts    []dictInfo
	words    wordCache
	// minCounts: some dictionary or phrase has a min_count above one.
	minCounts bool
	phrases   int32 // phrases of all dictionaries
	// rootStem and rootExact are the root's transitions by word id: every
	// word of a transcript starts a walk at the root, so these are the
	// hottest lookups.
	rootStem, rootExact []int32
}

type dictInfo struct {
	d       *Dictionary
	phrases []phraseInfo
	base    int32 // index of the first phrase among the language's phrases
}

type phraseInfo struct {
	channel string
	window  *Window
	exclWin int // window of the phrase's own exclusions
}

// rule is one wording: a phrase's text or variant, or an exclusion.
type rule struct {
	dict      int32
	phrase    int32 // -1: an exclusion of the whole category
	exclusion bool
	ops       []nearOp
	operands  int
	atStart   bool
	atEnd     bool
}

type seqRef struct{ rule, operand int32 }

// Edge kinds, in the top bits of an edge key.
const (
	edgeStem   = 0
	edgeExact  = 1
	edgeNum    = 2
	edgeAny    = 3
	edgePrefix = 4
)

func edge(kind, id uint32) uint32 { return kind<<29 | id }

func transKey(state int32, e uint32) uint64 { return uint64(state)<<32 | uint64(e) }

// numKey is the edge id of a number: its value and whether it is ordinal.
func numKey(v int, ordinal bool) int32 {
	k := int32(v) * 2
	if ordinal {
		k++
	}
	return k
}

// Hit is a phrase found in a token slice.
type Hit struct {
	Category string
	PhraseID string
	// Channel is the channel the phrase is restricted to (operator, client,
	// any), not the channel it was found on.
	Channel string
	Weight  float64
	// Start and End index the tokens of the hit: [Start, End).
	Start, End int

	lang         *langMatcher
	dict, phrase int32
}

// Compile builds one matcher for every dictionary of the set. It reports
// two wordings of one category that are the same after stemming, since one
// of them is a mistake (usually a second inflection of the same words).
func Compile(set *Set) (*Matcher, error) {
	// A set built by hand has not been checked by LoadFS.
	if err := set.check(); err != nil {
		return nil, err
	}
	m := &Matcher{version: set.Version(), langs: map[string]*langMatcher{}, set: set}
	var errs []error
	for di := range set.Dictionaries {
		d := &set.Dictionaries[di]
		lm := m.langs[d.Language]
		if lm == nil {
			stem, _ := text.StemmerFor(d.Language)
			lm = &langMatcher{lang: d.Language, stem: stem, stems: map[string]int32{}, exacts: map[string]int32{},
				trans: map[uint64]int32{}}
			lm.newState()
			lm.words.init(wordCacheSize)
			m.langs[d.Language] = lm
		}
		errs = append(errs, lm.addDictionary(d)...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	for _, lm := range m.langs {
		lm.rootStem = rootEdges(lm, edgeStem, len(lm.stems))
		lm.rootExact = rootEdges(lm, edgeExact, len(lm.exacts))
	}
	return m, nil
}

func rootEdges(lm *langMatcher, kind uint32, n int) []int32 {
	out := make([]int32, n)
	for id := range out {
		out[id] = -1
		if nx, ok := lm.trans[transKey(0, edge(kind, uint32(id)))]; ok {
			out[id] = nx
		}
	}
	return out
}

func (lm *langMatcher) newState() int32 {
	lm.ends = append(lm.ends, nil)
	lm.hasOut = append(lm.hasOut, false)
	lm.hasAny = append(lm.hasAny, false)
	return int32(len(lm.ends) - 1)
}

func (lm *langMatcher) addDictionary(d *Dictionary) []error {
	var errs []error
	dix := int32(len(lm.dicts))
	info := dictInfo{d: d, base: lm.phrases}
	lm.phrases += int32(len(d.Phrases))
	lm.minCounts = lm.minCounts || d.MinCount > 1
	for _, p := range d.Phrases {
		lm.minCounts = lm.minCounts || p.MinCount > 1
		w := d.ExcludeWindow
		if p.ExcludeWindow != nil {
			w = *p.ExcludeWindow
		}
		info.phrases = append(info.phrases, phraseInfo{channel: p.EffectiveChannel(*d), window: p.EffectiveWindow(*d), exclWin: w})
	}
	lm.dicts = append(lm.dicts, info)
	// Two phrases with the same words after stemming would fight over
	// every hit; a variant that repeats its own phrase is harmless
	// (analysts list forms the stemmer already joins) and is dropped.
	type origin struct {
		phrase int32
		where  string
	}
	seen := map[string]origin{}
	add := func(s string, exact bool, r rule, at pos, what string) {
		if at.col == 0 {
			at.col = 1
		}
		e, perr := parseExpr(s, exact)
		if perr != nil {
			errs = append(errs, &PosError{File: d.File, Line: at.line, Col: at.col, Msg: fmt.Sprintf("%s %q: %s", what, s, perr.msg)})
			return
		}
		if !r.exclusion {
			key := e.canonical(lm.stem)
			if prev, dup := seen[key]; dup {
				if prev.phrase != r.phrase {
					errs = append(errs, &PosError{File: d.File, Line: at.line, Col: at.col,
						Msg: fmt.Sprintf("%s %q has the same words as %s after stemming; keep it in one phrase", what, s, prev.where)})
				}
				return
			}
			seen[key] = origin{r.phrase, fmt.Sprintf("%q (line %d)", s, at.line)}
		}
		r.dict, r.ops, r.operands, r.atStart, r.atEnd = dix, e.ops, len(e.operands), e.atStart, e.atEnd
		ri := int32(len(lm.rules))
		lm.rules = append(lm.rules, r)
		for oi, op := range e.operands {
			end := lm.insert(op)
			lm.ends[end] = append(lm.ends[end], int32(len(lm.seqs)))
			lm.seqs = append(lm.seqs, seqRef{ri, int32(oi)})
		}
	}
	for _, s := range d.Exclude {
		add(s, false, rule{phrase: -1, exclusion: true}, pos{d.Line, 1}, "exclusion")
	}
	for pi, p := range d.Phrases {
		at := p.textAt
		if at.line == 0 {
			at = pos{p.Line, 1}
		}
		add(p.Text, p.Exact, rule{phrase: int32(pi)}, at, "phrase "+p.ID)
		for vi, v := range p.Variants {
			at := pos{p.Line, 1}
			if vi < len(p.variantsAt) {
				at = p.variantsAt[vi]
			}
			add(v, p.Exact, rule{phrase: int32(pi)}, at, "variant of "+p.ID)
		}
		for _, s := range p.Exclude {
			add(s, false, rule{phrase: int32(pi), exclusion: true}, pos{p.Line, 1}, "exclusion")
		}
	}
	return errs
}

// insert adds one run of terms to the trie and returns its final state.
func (lm *langMatcher) insert(terms []term) int32 {
	state := int32(0)
	for i := 0; i < len(terms); {
		t := terms[i]
		var e uint32
		span := 1
		switch {
		case t.any:
			e = edge(edgeAny, 0)
			lm.hasAny[state] = true
		case t.exact:
			e = edge(edgeExact, uint32(intern(lm.exacts, t.word)))
		case t.prefix:
			id := slices.Index(lm.prefixes, t.word)
			if id < 0 {
				id = len(lm.prefixes)
				lm.prefixes = append(lm.prefixes, t.word)
			}
			e = edge(edgePrefix, uint32(id))
		default:
			num, n := text.ComposeNumber(len(terms)-i, func(j int) (text.Num, bool) {
				if u := terms[i+j]; !u.any && !u.exact {
					return text.ParseNumber(lm.lang, u.word)
				}
				return text.Num{}, false
			})
			if n > 0 {
				// A phrase's digits are a count («3 раза»); only the
				// transcript's bare digits are read both ways.
				e, span = edge(edgeNum, uint32(numKey(num.Value, num.Ordinal))), n
			} else {
				e = edge(edgeStem, uint32(intern(lm.stems, lm.stem(t.word))))
			}
		}
		k := transKey(state, e)
		next, ok := lm.trans[k]
		if !ok {
			next = lm.newState()
			lm.trans[k] = next
			lm.hasOut[state] = true
		}
		state = next
		i += span
	}
	return state
}

func intern(m map[string]int32, s string) int32 {
	id, ok := m[s]
	if !ok {
		id = int32(len(m))
		m[s] = id
	}
	return id
}

// wordInfo is what the automaton needs of one transcript word.
type wordInfo struct {
	stem, exact int32 // -1: in no phrase
	num         text.Num
	isNum       bool
	prefixes    []int32 // prefix terms the word begins with
}

// wordCache memoizes wordInfo per normalized word. Snowball costs about
// 2 µs a Russian word, most of an analysis; the words of contact-center
// calls repeat from call to call, so nearly every lookup hits. It is a
// table of atomic pointers where a word may sit in one of two slots: a
// lookup is one hash and a string compare or two, without locks; a new
// word takes a free slot of its two or replaces a word, which bounds
// memory (wordCacheSize entries) and follows a changing vocabulary.
type wordCache struct {
	seed  maphash.Seed
	slots []atomic.Pointer[cachedWord]
}

type cachedWord struct {
	word string
	info wordInfo
}

func (c *wordCache) init(size int) {
	n := 1
	for n < size {
		n <<= 1
	}
	c.seed = maphash.MakeSeed()
	c.slots = make([]atomic.Pointer[cachedWord], n)
}

func (lm *langMatcher) word(w string) *wordInfo {
	// Two slots per word, from two parts of its hash: two words that share
	// one slot rarely share the other, so they do not evict each other on
	// every call.
	h := maphash.String(lm.words.seed, w)
	mask := uint64(len(lm.words.slots) - 1)
	slot, alt := &lm.words.slots[h&mask], &lm.words.slots[(h>>32)&mask]
	e1 := slot.Load()
	if e1 != nil && e1.word == w {
		return &e1.info
	}
	if e2 := alt.Load(); e2 != nil && e2.word == w {
		return &e2.info
	}
	if e1 != nil && alt.Load() == nil {
		slot = alt
	}
	e := &cachedWord{word: strings.Clone(w), info: wordInfo{stem: -1, exact: -1}}
	info := &e.info
	// The key is the word as written (MatchCall does not fold words it has
	// seen); what it means is computed from its normal form.
	w = text.Fold(w)
	if id, ok := lm.stems[lm.stem(w)]; ok {
		info.stem = id
	}
	if id, ok := lm.exacts[w]; ok {
		info.exact = id
	}
	info.num, info.isNum = text.ParseNumber(lm.lang, w)
	for id, p := range lm.prefixes {
		if strings.HasPrefix(w, p) {
			info.prefixes = append(info.prefixes, int32(id))
		}
	}
	slot.Store(e)
	return info
}

// unit is one word of a transcript as the automaton reads it; a number
// written in two tokens («3-й», «двадцать пять») is one unit.
type unit struct {
	tokStart, tokEnd int32
	stem, exact      int32
	num              [2]int32 // number edges, -1 when none
	prefixes         []int32
}

type cand struct {
	seq        int32
	start, end int32 // units
}

type ruleMatch struct {
	rule       int32
	start, end int32 // units
}

// scratch holds the buffers of one Match call; they are pooled so that a
// steady stream of calls allocates nothing for them.
type scratch struct {
	units   []unit
	cands   []cand
	multi   []cand
	matches []ruleMatch
	keep    []ruleMatch
	lastEnd []int32
	spans   [][2]int32
	next    [][2]int32
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Version is the dictionary version of the compiled set (see Set.Version).
func (m *Matcher) Version() string { return m.version }

// Set returns the dictionaries the matcher was compiled from.
func (m *Matcher) Set() *Set { return m.set }

// HasLanguage reports whether any dictionary is in lang.
func (m *Matcher) HasLanguage(lang string) bool { return m.langs[lang] != nil }

// Match finds the phrases of lang's dictionaries in toks, one utterance of
// one speaker. role is who speaks: operator or client match phrases of their
// channel and of any; mixed (both parties on one channel) matches every
// phrase; any other value (speaker unknown) matches only channel-any
// phrases.
//
// A hit overlapped by one of its exclusions is dropped. Within a category
// overlapping hits are reduced to the leftmost-longest, so "я не знаю"
// counts once even if "не знаю" is a phrase too. Hits come ordered by
// Start, then category. The result is appended to dst.
//
// Match sees one utterance, not the call: time windows and min_count are
// not applied. MatchCall applies them.
func (m *Matcher) Match(dst []Hit, lang, role string, toks []text.Token) []Hit {
	lm := m.langs[lang]
	if lm == nil || len(toks) == 0 {
		return dst
	}
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	lm.units(s, toks)
	s.cands = s.cands[:0]
	for i := range s.units {
		// Most words start no phrase: skip the walk for them.
		if u := &s.units[i]; (u.stem < 0 || lm.rootStem[u.stem] < 0) && (u.exact < 0 || lm.rootExact[u.exact] < 0) &&
			u.num[0] < 0 && len(u.prefixes) == 0 {
			continue
		}
		lm.walk(s, 0, int32(i), i)
	}
	if len(s.cands) == 0 {
		return dst
	}
	lm.rulesMatched(s)
	return lm.select_(s, dst, role, toks)
}

func (lm *langMatcher) units(s *scratch, toks []text.Token) {
	s.units = s.units[:0]
	for i := 0; i < len(toks); {
		wi := lm.word(toks[i].Norm)
		u := unit{tokStart: int32(i), tokEnd: int32(i + 1), stem: wi.stem, exact: wi.exact, num: [2]int32{-1, -1}, prefixes: wi.prefixes}
		if wi.isNum {
			num, span := text.ComposeNumber(min(2, len(toks)-i), func(j int) (text.Num, bool) {
				if j == 0 {
					return wi.num, true
				}
				w := lm.word(toks[i+j].Norm)
				return w.num, w.isNum
			})
			if span == 2 {
				u.tokEnd, u.stem, u.exact, u.prefixes = int32(i+2), -1, -1, nil
			}
			if span > 0 {
				u.num[0] = numKey(num.Value, num.Ordinal)
				if num.Digits {
					u.num[1] = numKey(num.Value, true)
				}
			}
		}
		s.units = append(s.units, u)
		i = int(u.tokEnd)
	}
}

// walk follows every edge a unit offers from state, collecting the
// operands that end on the way.
func (lm *langMatcher) walk(s *scratch, state, start int32, j int) {
	for _, sq := range lm.ends[state] {
		s.cands = append(s.cands, cand{sq, start, int32(j)})
	}
	if j == len(s.units) || !lm.hasOut[state] {
		return
	}
	u := &s.units[j]
	if state == 0 {
		if u.stem >= 0 {
			if nx := lm.rootStem[u.stem]; nx >= 0 {
				lm.walk(s, nx, start, j+1)
			}
		}
		if u.exact >= 0 {
			if nx := lm.rootExact[u.exact]; nx >= 0 {
				lm.walk(s, nx, start, j+1)
			}
		}
	} else {
		if u.stem >= 0 {
			if nx, ok := lm.trans[transKey(state, edge(edgeStem, uint32(u.stem)))]; ok {
				lm.walk(s, nx, start, j+1)
			}
		}
		if u.exact >= 0 {
			if nx, ok := lm.trans[transKey(state, edge(edgeExact, uint32(u.exact)))]; ok {
				lm.walk(s, nx, start, j+1)
			}
		}
	}
	for _, n := range u.num {
		if n >= 0 {
			if nx, ok := lm.trans[transKey(state, edge(edgeNum, uint32(n)))]; ok {
				lm.walk(s, nx, start, j+1)
			}
		}
	}
	for _, p := range u.prefixes {
		if nx, ok := lm.trans[transKey(state, edge(edgePrefix, uint32(p)))]; ok {
			lm.walk(s, nx, start, j+1)
		}
	}
	if lm.hasAny[state] {
		if nx, ok := lm.trans[transKey(state, edge(edgeAny, 0))]; ok {
			lm.walk(s, nx, start, j+1)
		}
	}
}

// maxSpans bounds the partial matches of one NEAR/BEFORE rule in one
// utterance, so a pathological text cannot blow up.
const maxSpans = 64

// rulesMatched turns operand candidates into rule matches: a one-part rule
// matches where its operand does; a NEAR/BEFORE rule where its parts are
// close enough, spanning from the first word of one to the last of the
// other.
func (lm *langMatcher) rulesMatched(s *scratch) {
	s.matches, s.multi = s.matches[:0], s.multi[:0]
	for _, c := range s.cands {
		sq := lm.seqs[c.seq]
		if lm.rules[sq.rule].operands == 1 {
			s.addMatch(lm, ruleMatch{sq.rule, c.start, c.end})
		} else {
			s.multi = append(s.multi, c)
		}
	}
	if len(s.multi) == 0 {
		return
	}
	slices.SortFunc(s.multi, func(a, b cand) int {
		ra, rb := lm.seqs[a.seq], lm.seqs[b.seq]
		if ra.rule != rb.rule {
			return int(ra.rule - rb.rule)
		}
		if ra.operand != rb.operand {
			return int(ra.operand - rb.operand)
		}
		return int(a.start - b.start)
	})
	for i := 0; i < len(s.multi); {
		ri := lm.seqs[s.multi[i].seq].rule
		j := i
		for j < len(s.multi) && lm.seqs[s.multi[j].seq].rule == ri {
			j++
		}
		lm.combine(s, ri, s.multi[i:j])
		i = j
	}
}

func (lm *langMatcher) combine(s *scratch, ri int32, cands []cand) {
	r := lm.rules[ri]
	s.spans = s.spans[:0]
	for _, c := range cands {
		if lm.seqs[c.seq].operand == 0 {
			s.spans = append(s.spans, [2]int32{c.start, c.end})
		}
	}
	for k := 1; k < r.operands && len(s.spans) > 0; k++ {
		op := r.ops[k-1]
		s.next = s.next[:0]
		for _, sp := range s.spans {
			for _, c := range cands {
				if lm.seqs[c.seq].operand != int32(k) {
					continue
				}
				var ok bool
				switch {
				case c.start >= sp[1]:
					ok = c.start-sp[1] <= int32(op.n)
				case op.ordered:
				case c.end <= sp[0]:
					ok = sp[0]-c.end <= int32(op.n)
				case k >= 2 && c.start >= sp[0] && c.end <= sp[1]:
					// Between the earlier parts of a chain: «компания
					// Ромашка, меня зовут Анна, здравствуйте».
					ok = true
				}
				if ok && len(s.next) < maxSpans {
					s.next = append(s.next, [2]int32{min(sp[0], c.start), max(sp[1], c.end)})
				}
			}
		}
		s.spans, s.next = s.next, s.spans
	}
	for _, sp := range s.spans {
		s.addMatch(lm, ruleMatch{ri, sp[0], sp[1]})
	}
}

// addMatch keeps a rule match that respects the rule's ^ and $.
func (s *scratch) addMatch(lm *langMatcher, m ruleMatch) {
	r := &lm.rules[m.rule]
	if (r.atStart && m.start != 0) || (r.atEnd && int(m.end) != len(s.units)) {
		return
	}
	s.matches = append(s.matches, m)
}

// select_ keeps the matches this speaker may say that no exclusion
// cancels, the leftmost-longest per category, and appends them as hits.
func (lm *langMatcher) select_(s *scratch, dst []Hit, role string, toks []text.Token) []Hit {
	s.keep = s.keep[:0]
	for _, c := range s.matches {
		r := lm.rules[c.rule]
		if r.exclusion {
			continue
		}
		di := &lm.dicts[r.dict]
		pi := di.phrases[r.phrase]
		if !allowed(pi.channel, role) {
			continue
		}
		cancelled := false
		for _, x := range s.matches {
			xr := lm.rules[x.rule]
			if !xr.exclusion || xr.dict != r.dict || (xr.phrase >= 0 && xr.phrase != r.phrase) {
				continue
			}
			// A category exclusion uses the category's window; a phrase's
			// own exclusions use the phrase's window.
			w := int32(di.d.ExcludeWindow)
			if xr.phrase >= 0 {
				w = int32(pi.exclWin)
			}
			if x.start < c.end+w && x.end > c.start-w {
				cancelled = true
				break
			}
		}
		if !cancelled {
			s.keep = append(s.keep, c)
		}
	}
	slices.SortStableFunc(s.keep, func(a, b ruleMatch) int {
		if a.start != b.start {
			return int(a.start - b.start)
		}
		if a.end != b.end {
			return int(b.end - a.end)
		}
		return int(a.rule - b.rule)
	})
	s.lastEnd = s.lastEnd[:0]
	for range lm.dicts {
		s.lastEnd = append(s.lastEnd, 0)
	}
	for _, c := range s.keep {
		r := lm.rules[c.rule]
		if c.start < s.lastEnd[r.dict] {
			continue
		}
		s.lastEnd[r.dict] = c.end
		di := &lm.dicts[r.dict]
		p := &di.d.Phrases[r.phrase]
		dst = append(dst, Hit{Category: di.d.Category, PhraseID: p.ID, Channel: di.phrases[r.phrase].channel,
			Weight: p.Weight, Start: int(s.units[c.start].tokStart), End: int(s.units[c.end-1].tokEnd),
			dict: r.dict, phrase: r.phrase})
	}
	_ = toks
	return dst
}

func allowed(channel, role string) bool {
	switch {
	case channel == ChannelAny:
		return true
	case role == "mixed":
		return true
	}
	return channel == role
}
