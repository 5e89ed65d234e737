package match

import (
	"cmp"
	"errors"
	"fmt"
	"hash/maphash"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/callscope/callscope/analyze/text"
	"github.com/callscope/callscope/schemas"
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
// whose transitions are, at the root, arrays by word id, and elsewhere each
// state's short sorted list of edges, so a word that starts no phrase costs
// one cached lookup and nothing else.
type langMatcher struct {
	lang     string
	stem     text.Stemmer
	stems    map[string]int32 // stem → id
	exacts   map[string]int32 // exact word form → id
	prefixes []string         // prefix id → prefix
	trans    map[uint64]int32 // state<<32 | edge → state (while compiling)
	ends     [][]int32        // per state: operands ending there (while compiling)
	// states, edges, endSeq and multiSeq are the automaton packed once
	// compiled (packStates): what a walk reads of state i is states[i]
	// and states[i+1], one or two cache lines, not one per array. The
	// edges out of state i are edges[states[i].edges:states[i+1].edges]:
	// most states of a trie have one or two, sorted by key, and a short
	// scan costs less than a hash lookup; a state with more (after «я»,
	// «не»: thousands) holds them as a hash table (hashEdges, next). The
	// one-part rules ending in state i are
	// endSeq[states[i].ends:states[i+1].ends], each with
	// what matching needs of its rule, so a match is judged without a
	// lookup; the operands of multi-part rules ending there are
	// multiSeq[states[i].multi:states[i+1].multi]. The four are
	// pointer-free blocks the garbage collector does not scan.
	states   []stateRec
	edges    []edgeRec
	endSeq   []ruleRef
	multiSeq []operandRef
	// nearOps holds the rules' NEAR/BEFORE operators (rule.opsAt).
	nearOps []nearOp
	hasOut  []bool   // per state: any transition (while compiling)
	hasAny  []bool   // per state: a wildcard transition (while compiling)
	seqs    []seqRef // operand → its rule
	rules   []rule
	// ownExclAt and ownExcl list the phrases' own exclusions: the rules of
	// phrase p (its index among the language's phrases) are
	// ownExcl[ownExclAt[p]:ownExclAt[p+1]]. A text that several phrases
	// of a category exclude («спасибо», «=можно») is one rule, collected
	// once where it is said, not once per phrase.
	ownExclAt, ownExcl []int32
	dicts              []dictInfo
	words              wordCache
	// minCounts: some dictionary or phrase has a min_count above one.
	minCounts bool
	phrases   int32 // phrases of all dictionaries
	// hot is, per rule, what matching reads for every candidate and hit,
	// packed apart from the rules and phrases: with thousands of phrases
	// those are too big for the cache and every hit would miss on them.
	hot []ruleHot
	// rank and special are the two things MatchCall reads of every hit's
	// rule, packed small: hot[r].rank, and whether hot[r] has a position
	// or a window.
	rank    []int32
	special []bool
	// keyAt and keyed index the multi-part rules by their key operand
	// (keyOperands): the rules keyed in state i are
	// keyed[keyAt[i]:keyAt[i+1]]. Rule r's other operands are
	// others[othersAt[r]:othersAt[r+1]], the least shared first, each a
	// group of end states that the rules with the same operand (a synonym
	// set, «я») share; the groups with an end state i are
	// groupsOf[groupsAt[i]:groupsAt[i+1]].
	keyAt, keyed, othersAt, others []int32
	groupsAt, groupsOf             []int32
	groups                         int
	// channels are the distinct phrase channels (operator, client): channel
	// c is bit 1<<(c+1) of a speakers mask (ruleHot.speakers).
	channels []string
	// speakers is, per state, who may say the rules that end there or
	// further on: a walk goes on only for a speaker who may say one of
	// them (on the operator's channel, the client's complaints and their
	// exclusions are not followed).
	speakers []stateSpeakers
	// ids holds the phrase ids (ruleHot.idAt), so that hot holds no
	// pointer.
	ids string
	// rootStem and rootExact are the root's transitions by word id: every
	// word of a transcript starts a walk at the root, so these are the
	// hottest lookups.
	rootStem, rootExact []int32
	// models are the language's trained category models (models.go); nil
	// when it has none.
	models *langModels
	// slips is what reading recognizer slips needs (asr.go).
	slips slipIndex
}

type dictInfo struct {
	d       *Dictionary
	phrases []phraseInfo
	base    int32 // index of the first phrase among the language's phrases
}

type phraseInfo struct {
	channel  string
	window   *Window
	exclWin  int // window of the phrase's own exclusions
	exclUtt  int // utterances of the phrase's own exclusions
	position string
}

// rule is one wording: a phrase's text or variant, or an exclusion.
type rule struct {
	dict      int32
	phrase    int32 // -1: an exclusion
	exclusion bool
	// own: an exclusion of some of the category's phrases (ownExcl), not
	// of the whole category.
	own bool
	// opsAt indexes the rule's operators in langMatcher.nearOps, one
	// between each two operands (a rule holds no pointer).
	opsAt    int32
	operands int
	atStart  bool
	atEnd    bool
	// set: a word set, its operands in any order within setN units.
	set  bool
	setN int32
	// negatable: a negator governing the hit cancels it.
	negatable bool
}

type seqRef struct{ rule, operand int32 }

// ruleHot is the part of a rule and its phrase the hot paths read.
type ruleHot struct {
	dict, phrase int32 // phrase -1: an exclusion
	// rank orders the phrases as MatchCall orders hits that start and end
	// together: by category, then phrase id; phrases with the same two
	// share a rank.
	rank     int32
	flags    uint8
	position uint8 // positionAny, positionFirst, positionLast
	// speakers are who may say the phrase (speakerAny, or its channel's
	// bit); an exclusion's are those of the phrases it may cancel, so
	// that it is not even collected on a channel where none of them can
	// be said.
	speakers uint8
	// The phrase's id (langMatcher.ids[idAt:idEnd]) and weight.
	idAt, idEnd int32
	weight      float64
}

// ruleHot flags.
const (
	hotMulti     = 1 << iota // more than one operand (NEAR, BEFORE, a word set)
	hotExclusion             // an exclusion
	hotAtStart               // ^: at the start of an utterance
	hotAtEnd                 // $: at the end of one
	hotNegatable             // a negator governing the hit cancels it
	hotWindow                // the phrase has a time window
	hotOwn                   // an exclusion of some phrases, not of the category
)

// speakerAny is the bit of a channel-any phrase in a speakers mask:
// every speaker may say it. Channel c of langMatcher.channels is bit
// 1<<(c+1); a mixed speaker has every bit.
const speakerAny = 1

// speakerBit is the speakers mask of a phrase of channel pc.
func (lm *langMatcher) speakerBit(pc string) uint8 {
	if pc == ChannelAny {
		return speakerAny
	}
	c := slices.Index(lm.channels, pc)
	if c < 0 {
		c = len(lm.channels)
		lm.channels = append(lm.channels, pc)
	}
	if c >= maxChannels {
		return 0 // Compile reports it
	}
	return 2 << c
}

// maxChannels is the number of distinct phrase channels a speakers mask
// holds: dictionaries have two (operator, client), a set built by hand
// may name others.
const maxChannels = 7

// Position codes of ruleHot.
const (
	positionAny = iota
	positionFirst
	positionLast
)

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
		errs = append(errs, lm.addDictionary(d, set.synonymsOf(d.Language))...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	for _, lm := range m.langs {
		lm.ownExclAt = append(lm.ownExclAt, int32(len(lm.ownExcl)))
		lm.rootStem = rootEdges(lm, edgeStem, len(lm.stems))
		lm.rootExact = rootEdges(lm, edgeExact, len(lm.exacts))
		lm.buildSlips()
		lm.hotRules()
		if len(lm.channels) > maxChannels {
			return nil, fmt.Errorf("%s: more than %d phrase channels: %q", lm.lang, maxChannels, lm.channels)
		}
		lm.compileModels(set.Models)
		lm.packStates()
	}
	return m, nil
}

// hotRules fills lm.hot, lm.channels and lm.out from the rules and
// phrases.
func (lm *langMatcher) hotRules() {
	// The phrases in the order of their category and id, equal pairs alike.
	type key struct {
		cat, id string
		at      int32
	}
	keys := make([]key, 0, lm.phrases)
	idAt := make([]int32, lm.phrases+1)
	var ids strings.Builder
	for _, di := range lm.dicts {
		for pi := range di.d.Phrases {
			p := &di.d.Phrases[pi]
			keys = append(keys, key{di.d.Category, p.ID, di.base + int32(pi)})
			idAt[di.base+int32(pi)] = int32(ids.Len())
			ids.WriteString(p.ID)
		}
	}
	idAt[lm.phrases] = int32(ids.Len())
	lm.ids = ids.String()
	slices.SortFunc(keys, func(a, b key) int {
		if c := strings.Compare(a.cat, b.cat); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})
	rank := make([]int32, lm.phrases)
	r := int32(0)
	for i, k := range keys {
		if i > 0 && (k.cat != keys[i-1].cat || k.id != keys[i-1].id) {
			r++
		}
		rank[k.at] = r
	}
	// An exclusion of a whole category may cancel any of its phrases.
	catSpeakers := make([]uint8, len(lm.dicts))
	for di := range lm.dicts {
		for _, pi := range lm.dicts[di].phrases {
			catSpeakers[di] |= lm.speakerBit(pi.channel)
		}
	}
	lm.hot = make([]ruleHot, len(lm.rules))
	for ri := range lm.rules {
		r := &lm.rules[ri]
		h := ruleHot{dict: r.dict, phrase: r.phrase, speakers: catSpeakers[r.dict]}
		set := func(f uint8, on bool) {
			if on {
				h.flags |= f
			}
		}
		set(hotMulti, r.operands > 1)
		set(hotExclusion, r.exclusion)
		set(hotAtStart, r.atStart)
		set(hotAtEnd, r.atEnd)
		set(hotNegatable, r.negatable)
		set(hotOwn, r.own)
		if r.own {
			h.speakers = 0 // its phrases', below
		}
		if r.phrase >= 0 {
			di := &lm.dicts[r.dict]
			pi := &di.phrases[r.phrase]
			h.rank = rank[di.base+r.phrase]
			h.idAt, h.idEnd, h.weight = idAt[di.base+r.phrase], idAt[di.base+r.phrase+1], di.d.Phrases[r.phrase].Weight
			set(hotWindow, pi.window != nil)
			switch pi.position {
			case PositionFirst:
				h.position = positionFirst
			case PositionLast:
				h.position = positionLast
			}
			h.speakers = lm.speakerBit(pi.channel)
		}
		lm.hot[ri] = h
	}
	for _, di := range lm.dicts {
		for pi, p := range di.phrases {
			at := di.base + int32(pi)
			for _, ri := range lm.ownExcl[lm.ownExclAt[at]:lm.ownExclAt[at+1]] {
				lm.hot[ri].speakers |= lm.speakerBit(p.channel)
			}
		}
	}
	lm.rank = make([]int32, len(lm.hot))
	lm.special = make([]bool, len(lm.hot))
	for ri, h := range lm.hot {
		lm.rank[ri] = h.rank
		lm.special[ri] = h.position != positionAny || h.flags&hotWindow != 0
	}
}

// speakersOf is the speakers mask of a channel's role: a mixed speaker
// (both parties on one channel) may say any phrase; operator or client
// their channel's and channel-any phrases; any other role (speaker
// unknown) only channel-any phrases.
func (lm *langMatcher) speakersOf(role string) uint8 {
	if role == "mixed" {
		return 0xFF
	}
	if c := slices.Index(lm.channels, role); c >= 0 {
		return speakerAny | 2<<c
	}
	return speakerAny
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

// stateRec is where a state's edges, one-part rules and multi-part
// operands begin (they end where the next state's begin), and where its
// wildcard edge leads (-1: none).
type stateRec struct {
	edges, ends, multi, anyTo int32
}

// stateSpeakers are the speakers masks of a state: of the rules that end
// in it or in a state after it, and of the multi-part rules whose
// operands end in it.
type stateSpeakers struct{ below, multi uint8 }

// operandRef is an operand of a multi-part rule.
type operandRef struct{ rule, operand int32 }

// edgeRec is an edge out of a state: its key (edge()) and the state it
// leads to.
type edgeRec struct {
	key uint32
	to  int32
}

// packStates packs the compiled automaton (lm.trans, lm.ends) into
// lm.states, lm.edges, lm.endSeq and lm.multiSeq.
func (lm *langMatcher) packStates() {
	keys := make([]uint64, 0, len(lm.trans))
	for k := range lm.trans {
		keys = append(keys, k)
	}
	slices.Sort(keys) // by state, then edge
	n := len(lm.ends)
	lm.states = make([]stateRec, n+1)
	lm.edges = make([]edgeRec, len(keys))
	for i := range lm.states[:n] {
		lm.states[i].anyTo = -1
	}
	for i, k := range keys {
		st, e := int32(k>>32), uint32(k)
		lm.edges[i] = edgeRec{e, lm.trans[k]}
		lm.states[st+1].edges++
		if e == edge(edgeAny, 0) {
			lm.states[st].anyTo = lm.trans[k]
		}
	}
	for i := 1; i <= n; i++ {
		lm.states[i].edges += lm.states[i-1].edges
	}
	for i, e := range lm.ends {
		lm.states[i].ends, lm.states[i].multi = int32(len(lm.endSeq)), int32(len(lm.multiSeq))
		for _, seq := range e {
			sq := lm.seqs[seq]
			h := &lm.hot[sq.rule]
			if h.flags&hotMulti != 0 {
				lm.multiSeq = append(lm.multiSeq, operandRef(sq))
				continue
			}
			lm.endSeq = append(lm.endSeq, ruleRef{rule: sq.rule, dict: h.dict, operand: sq.operand, speakers: h.speakers,
				flags: h.flags})
		}
	}
	lm.states[n].ends, lm.states[n].multi, lm.states[n].anyTo = int32(len(lm.endSeq)), int32(len(lm.multiSeq)), -1
	// A state's successors are numbered after it (insert numbers them as
	// it creates them): from the last state back, each sees its
	// successors' masks complete.
	lm.speakers = make([]stateSpeakers, n)
	for i := n - 1; i >= 0; i-- {
		sp := &lm.speakers[i]
		for _, op := range lm.multiSeq[lm.states[i].multi:lm.states[i+1].multi] {
			sp.multi |= lm.hot[op.rule].speakers
		}
		sp.below = sp.multi
		for _, r := range lm.endSeq[lm.states[i].ends:lm.states[i+1].ends] {
			sp.below |= r.speakers
		}
		for _, e := range lm.edges[lm.states[i].edges:lm.states[i+1].edges] {
			sp.below |= lm.speakers[e.to].below
		}
	}
	lm.keyOperands()
	lm.hashEdges()
	lm.trans, lm.ends, lm.hasOut, lm.hasAny = nil, nil, nil, nil
}

// maxListed is the most edges a state keeps as a sorted list; a state
// with more keeps them as a hash table of at least twice as many slots.
const maxListed = 8

// noEdge is the key of an empty slot of a hash table of edges (no edge
// kind is 7).
const noEdge = ^uint32(0)

// hashEdges lays out the edges of each state that has more than maxListed
// as an open-addressing hash table: a power of two of slots, at least
// twice the edges, each edge in the first free slot from edgeSlot on.
// The walks look up the next word in such states at most words of a call
// («я», «не», «вы» begin hundreds of phrases), where a binary search
// took a dozen steps over as many cache lines.
func (lm *langMatcher) hashEdges() {
	edges := make([]edgeRec, 0, len(lm.edges))
	at := int32(0)
	for i := range len(lm.states) - 1 {
		out := lm.edges[lm.states[i].edges:lm.states[i+1].edges]
		lm.states[i].edges = at
		if len(out) <= maxListed {
			edges = append(edges, out...)
			at += int32(len(out))
			continue
		}
		size := 1 << bits.Len(uint(2*len(out)-1)) // ≥ 2 × edges
		table := make([]edgeRec, size)
		for k := range table {
			table[k].key = noEdge
		}
		for _, e := range out {
			k := edgeSlot(e.key, size)
			for table[k].key != noEdge {
				k = (k + 1) & (size - 1)
			}
			table[k] = e
		}
		edges = append(edges, table...)
		at += int32(size)
	}
	lm.states[len(lm.states)-1].edges = at
	lm.edges = edges
}

// edgeSlot is where a hash table of size slots (a power of two) looks for
// edge key e first: the top bits of a Fibonacci hash, which spreads the
// consecutive ids of one edge kind evenly.
func edgeSlot(e uint32, size int) int {
	return int((e * 0x9E3779B1) >> (32 - bits.TrailingZeros(uint(size))))
}

// next is the state edge e leads to from state, -1 if none: a scan of the
// state's few edges, or a look in its hash table.
func (lm *langMatcher) next(state int32, e uint32) int32 {
	lo, end := lm.states[state].edges, lm.states[state+1].edges
	if size := int(end - lo); size > maxListed {
		table := lm.edges[lo:end]
		for k := edgeSlot(e, size); ; k = (k + 1) & (size - 1) {
			switch table[k].key {
			case e:
				return table[k].to
			case noEdge:
				return -1
			}
		}
	}
	for ; lo < end; lo++ {
		if k := lm.edges[lo].key; k >= e {
			if k == e {
				return lm.edges[lo].to
			}
			break
		}
	}
	return -1
}

func (lm *langMatcher) newState() int32 {
	lm.ends = append(lm.ends, nil)
	lm.hasOut = append(lm.hasOut, false)
	lm.hasAny = append(lm.hasAny, false)
	return int32(len(lm.ends) - 1)
}

func (lm *langMatcher) addDictionary(d *Dictionary, syns map[string][]string) []error {
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
		u := d.ExcludeUtterances
		if p.ExcludeUtterances != nil {
			u = *p.ExcludeUtterances
		}
		info.phrases = append(info.phrases, phraseInfo{channel: p.EffectiveChannel(*d), window: p.EffectiveWindow(*d), exclWin: w,
			exclUtt: u, position: p.EffectivePosition(*d)})
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
		alts := make([][][]term, len(e.operands))
		for oi, op := range e.operands {
			a, err := expand(op, syns)
			if err != nil {
				errs = append(errs, &PosError{File: d.File, Line: at.line, Col: at.col, Msg: fmt.Sprintf("%s %q: %v", what, s, err)})
				return
			}
			alts[oi] = a
		}
		r.dict, r.operands, r.atStart, r.atEnd = dix, len(e.operands), e.atStart, e.atEnd
		r.set, r.setN = e.set, int32(e.setN)
		negatable := !r.exclusion && r.phrase >= 0 && !d.Phrases[r.phrase].NoNegation
		// A phrase with a negator of its own is never negated. When only
		// some members of a synonym set have one («@when_past: вчера, не
		// раз»), the phrase is compiled twice over: with the negator-free
		// members, negatable, and, once per such part, with that part's
		// negated members, not negatable, so «вчера не звонила» is
		// cancelled and «не раз звонила» is not.
		split := negatable
		for _, a := range alts {
			if neg, _ := partitionNegative(lm.lang, a); len(neg) == len(a) {
				split = false // every match carries this part's negator
			}
		}
		if !split {
			lm.addRule(r, e.ops, alts, negatable && !hasNegator(lm.lang, alts))
			return
		}
		free := slices.Clone(alts)
		for oi, a := range alts {
			neg, pos := partitionNegative(lm.lang, a)
			if len(neg) == 0 {
				continue
			}
			free[oi] = pos
			only := slices.Clone(alts)
			only[oi] = neg
			lm.addRule(r, e.ops, only, false)
		}
		lm.addRule(r, e.ops, free, true)
	}
	for _, s := range d.Exclude {
		add(s, false, rule{phrase: -1, exclusion: true}, pos{d.Line, 1}, "exclusion")
	}
	shared := map[string]int32{} // a phrase's exclusion text → its rule
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
		lm.ownExclAt = append(lm.ownExclAt, int32(len(lm.ownExcl)))
		own := len(lm.ownExcl)
		for _, s := range p.Exclude {
			ri, ok := shared[s]
			if !ok {
				ri = int32(len(lm.rules))
				add(s, false, rule{phrase: -1, exclusion: true, own: true}, pos{p.Line, 1}, "exclusion")
				if int(ri) == len(lm.rules) {
					continue // not compiled: reported
				}
				shared[s] = ri
			}
			if !slices.Contains(lm.ownExcl[own:], ri) {
				lm.ownExcl = append(lm.ownExcl, ri)
			}
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
	// head: the word begins some phrase word, so it and the next word
	// may be one word the recognizer split (asr.go): its id in
	// slipIndex.heads; -1: none.
	head     int32
	flags    uint16  // negation flags (negation.go)
	prefixes []int32 // prefix terms the word begins with
	feat     int32   // its stem's feature id in the models (models.go); -1: none
	// glued: the word is a function word glued to a phrase word, read as
	// these two (asr.go); nil otherwise (nearly always).
	glued *[2]string
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
	// The entry keeps its own copy of the word, and everything below reads
	// the copy: w may be a scratch's buffer (glue's joined pieces) that the
	// next glue overwrites, and a glued reading (info.glued, from mend)
	// keeps pieces of the word it read.
	w = strings.Clone(w)
	e := &cachedWord{word: w, info: wordInfo{stem: -1, exact: -1, feat: -1, head: -1}}
	info := &e.info
	// The key is the word as written (MatchCall does not fold words it has
	// seen); what it means is computed from its normal form.
	w = text.Fold(w)
	stem := lm.stem(w)
	if id, ok := lm.stems[stem]; ok {
		info.stem = id
	}
	if lm.models != nil {
		if id, ok := lm.models.stems[stem]; ok {
			info.feat = id
		}
	}
	if id, ok := lm.exacts[w]; ok {
		info.exact = id
	}
	info.num, info.isNum = text.ParseNumber(lm.lang, w)
	info.flags = wordFlags(lm.lang, w)
	for id, p := range lm.prefixes {
		if strings.HasPrefix(w, p) {
			info.prefixes = append(info.prefixes, int32(id))
		}
	}
	if id, ok := lm.slips.heads[w]; ok {
		info.head = id
	}
	if info.stem < 0 && info.exact < 0 && len(info.prefixes) == 0 && !info.isNum {
		lm.mend(w, stem, info)
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
	seg              int32    // the utterance (segment) it is in
	flags            uint16
	// glue: this unit and the next read as one word (a word the recognizer
	// split, asr.go) is glues[glue-1] of the scratch; 0: none.
	glue uint16
	// The prefix terms the word begins with: pres[preAt:preEnd] of the
	// scratch (a unit holds no pointer).
	preAt, preEnd int32
}

// span is one utterance among the units: units [u0, u1). Utterances of one
// speaker that follow each other closely (a phrase the recognizer cut in
// two) form a block: phrases and NEAR/BEFORE/word sets may run across the
// utterances of a block, not beyond it.
type span struct {
	u0, u1     int32
	block      int32
	blockE     int32 // the last unit of the block, exclusive
	start, end float64
}

// callHit is a hit of MatchCall until the result is built: its times, its
// quote, its rule (lm.hot: its phrase, for min_count and the result's
// names), its channel and its phrase's rank (the order of category and
// phrase id, for ties). It holds no pointer and takes 40 bytes: the quote
// is text[a:b] of utterance seg of the channel, or quotes[b] when a < 0
// (a quote that is not one piece of an utterance's text). So collecting,
// counting and ordering the hits of a call moves little memory, with no
// write barriers, and the pooled buffer needs no clearing.
type callHit struct {
	start, end float64
	a, b, seg  int32
	rule, ch   int32
	rank       int32
}

// ruleRef is an operand of a rule with what matching needs of the rule
// (ruleHot's dict, speakers and flags).
type ruleRef struct {
	rule, dict int32
	operand    int32
	speakers   uint8
	flags      uint8
}

// cand is an operand of a multi-part rule found in the text: 16 bytes, as
// a text may have thousands (the words of word sets and NEAR parts).
type cand struct {
	rule, operand int32
	start, end    int32 // units
}

// stateHit is a state a walk reached over units [start, end).
type stateHit struct {
	state, start, end int32
}

// ruleMatch is a match of a rule: 16 bytes, as a call may have thousands.
type ruleMatch struct {
	rule, dict int32
	start, end int32 // units
}

// scratch holds the buffers of one match; they are pooled so that a steady
// stream of calls allocates nothing for them.
type scratch struct {
	// MatchCall's buffers.
	toks                          []text.Token
	words, segTok, segWord, order []int
	all                           []callHit
	roles                         []string
	quotes                        []string
	bounds                        []float64
	idx                           []int32

	stops                   []bool
	runs                    [][2]int
	perPhrase, perDict      []int32
	ruleHead, link, touched []int32
	// ruleSeen: per rule, whether rulesMatched looked at it (ruleChecked)
	// and found all its operands (ruleComplete), and groupSeen: per group
	// of end states, whether one was reached, while it runs; zero
	// otherwise. groupsTouched are the groups marked.
	ruleSeen      []uint8
	groupSeen     []bool
	groupsTouched []int32
	group         []cand

	units   []unit
	pres    []int32 // the units' prefix terms (unit.preAt)
	glues   []glued // the second readings of split words (unit.glue)
	glueBuf []byte
	segs    []span
	// ended: where the walks reached a state in which operands of
	// multi-part rules end (rulesMatched reads them); multi: the
	// candidates of the rules all of whose operands were found.
	ended []stateHit
	multi []cand
	// states are the distinct states of ended, and stateAt, per state, 1 +
	// its index in states (0: not among them) while rulesMatched runs.
	// The operands of complete rules that end in states[k] are
	// stateOps[opsAt[k]:opsAt[k+1]].
	states   []int32
	stateAt  []int32
	stateOps []operandRef
	opsAt    []int32
	matches  []ruleMatch
	inOrder  int // matches[:inOrder] are in start order
	// The speaker of the channel being matched (see allowed).
	speakers uint8
	merged   []ruleMatch
	excl     []ruleMatch
	// exclHead and exclNext link s.excl by category and by phrase
	// (indexExclusions); exclKeys are the heads set.
	exclHead, exclNext, exclKeys []int32
	// cancelled, when not nil, collects the matches a negator or an
	// exclusion took back (Explain); nil in every other match.
	cancelled *[]cancellation
	keep      []ruleMatch
	lastEnd   []int32
	spans     [][2]int32
	next      [][2]int32

	// The models' buffers (models.go): each token's feature id, the
	// features present, their stamps, the hits.
	feats     []int32
	wantFeats bool    // the channel is one a model reads: fill feats
	todo      []int32 // the models to score on the channel
	present   []int32
	uAt       []int32
	count     []int32
	stamp     []uint32
	epoch     uint32
	modelHits []modelHit
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
// A hit overlapped by one of its exclusions, or governed by a negator (see
// negation.go), is dropped. Within a category overlapping hits are reduced
// to the leftmost-longest, so "я не знаю" counts once even if "не знаю" is a
// phrase too. Hits come ordered by Start, then category. The result is
// appended to dst.
//
// Match sees one utterance, not the call: time windows, positions,
// exclusions in other utterances and min_count are not applied. MatchCall
// applies them.
func (m *Matcher) Match(dst []Hit, lang, role string, toks []text.Token) []Hit {
	lm := m.langs[lang]
	if lm == nil || len(toks) == 0 {
		return dst
	}
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	s.units, s.segs, s.pres, s.glues = s.units[:0], s.segs[:0], s.pres[:0], s.glues[:0]
	lm.appendUnits(s, toks, 0, 0, nil)
	s.segs = append(s.segs, span{u0: 0, u1: int32(len(s.units)), blockE: int32(len(s.units))})
	lm.find(s, role)
	return lm.appendHits(dst, s)
}

// appendHits appends the matches find kept in s, with token positions.
func (lm *langMatcher) appendHits(dst []Hit, s *scratch) []Hit {
	for _, c := range s.keep {
		r := lm.rules[c.rule]
		di := &lm.dicts[r.dict]
		p := &di.d.Phrases[r.phrase]
		dst = append(dst, Hit{Category: di.d.Category, PhraseID: p.ID, Channel: di.phrases[r.phrase].channel,
			Weight: p.Weight, Start: int(s.units[c.start].tokStart), End: int(s.units[c.end-1].tokEnd),
			lang: lm, dict: r.dict, phrase: r.phrase})
	}
	return dst
}

// MatchSegment is Match for one transcript segment tokenized by
// SegmentTokens: it also reads the segment's punctuation, so that negation
// stops at the end of a sentence, as MatchCall does.
func (m *Matcher) MatchSegment(dst []Hit, lang, role string, seg schemas.Segment, toks []text.Token, words []int) []Hit {
	lm := m.langs[lang]
	if lm == nil || len(toks) == 0 {
		return dst
	}
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	s.units, s.segs, s.pres, s.glues = s.units[:0], s.segs[:0], s.pres[:0], s.glues[:0]
	s.stops = sentenceStops(s.stops, seg, toks, words)
	lm.appendUnits(s, toks, 0, 0, s.stops)
	s.segs = append(s.segs, span{u0: 0, u1: int32(len(s.units)), blockE: int32(len(s.units))})
	lm.find(s, role)
	return lm.appendHits(dst, s)
}

// appendUnits reads the tokens of one utterance into units; tokStart is
// the index of toks[0] among all the tokens, seg the utterance's index.
func (lm *langMatcher) appendUnits(s *scratch, toks []text.Token, tokStart int, seg int32, stops []bool) {
	first := len(s.units)
	prevHead := int32(-1) // the unit before is one word that begins a phrase word (wordInfo.head)
	for i := 0; i < len(toks); {
		wi := lm.word(toks[i].Norm)
		if s.wantFeats {
			s.feats = append(s.feats, wi.feat)
		}
		if wi.glued != nil {
			// A function word glued to a phrase word: two units of one
			// token (asr.go), the first ending no sentence.
			lm.pushUnit(s, lm.word(wi.glued[0]), tokStart, i, seg, first, nil)
			lm.pushUnit(s, lm.word(wi.glued[1]), tokStart, i, seg, first, stops)
			prevHead = -1
			i++
			continue
		}
		u := unit{tokStart: int32(tokStart + i), tokEnd: int32(tokStart + i + 1), stem: wi.stem, exact: wi.exact,
			num: [2]int32{-1, -1}, seg: seg, flags: wi.flags}
		if len(wi.prefixes) > 0 {
			u.preAt = int32(len(s.pres))
			s.pres = append(s.pres, wi.prefixes...)
			u.preEnd = int32(len(s.pres))
		}
		if wi.isNum {
			num, n := text.ComposeNumber(min(2, len(toks)-i), func(j int) (text.Num, bool) {
				if j == 0 {
					return wi.num, true
				}
				w := lm.word(toks[i+j].Norm)
				return w.num, w.isNum
			})
			if n == 2 {
				u.tokEnd, u.stem, u.exact, u.preEnd = int32(tokStart+i+2), -1, -1, u.preAt
				if s.wantFeats {
					s.feats = append(s.feats, lm.word(toks[i+1].Norm).feat)
				}
			}
			if n > 0 {
				u.num[0] = numKey(num.Value, num.Ordinal)
				if num.Digits {
					u.num[1] = numKey(num.Value, true)
				}
			}
		}
		if len(stops) > 0 && stops[int(u.tokEnd)-tokStart-1] {
			u.flags |= flagStop
		}
		// What negated would find next to this unit and the one before
		// (see negated: the first word it meets decides unless it is a
		// negator, a bridge or a filler). pushUnit (asr.go) does the same
		// for a recognizer slip's unit: written out in both, since a
		// shared method cost about 2% of BenchmarkMatchCall.
		if len(s.units) == first {
			u.flags |= flagClearBefore
		} else {
			prev := &s.units[len(s.units)-1]
			if prev.flags&flagStop != 0 || prev.flags&(flagNeg|flagFiller|flagBridge) == 0 {
				u.flags |= flagClearBefore
			}
			if prev.flags&flagStop != 0 || u.flags&(flagPostNeg|flagFiller|flagBridge) == 0 {
				prev.flags |= flagClearAfter
			}
		}
		s.units = append(s.units, u)
		if prevHead >= 0 {
			lm.glue(s, toks, tokStart, len(s.units)-2, prevHead)
		}
		prevHead = -1
		if u.tokEnd-u.tokStart == 1 {
			prevHead = wi.head
		}
		i = int(u.tokEnd) - tokStart
	}
	if len(s.units) > first {
		s.units[len(s.units)-1].flags |= flagClearAfter
	}
}

// find matches s.units, cut into s.segs, and leaves the selected matches
// in s.keep, ordered by start.
func (lm *langMatcher) find(s *scratch, role string) {
	s.keep = s.keep[:0]
	s.matches, s.ended, s.excl = s.matches[:0], s.ended[:0], s.excl[:0]
	// A speaker may say a channel-any phrase; a mixed speaker (both parties
	// on one channel) any phrase; operator or client their channel's.
	s.speakers = lm.speakersOf(role)
	for i := range s.units {
		// Most words start no phrase: skip the walk for them.
		u := &s.units[i]
		if (u.stem < 0 || lm.rootStem[u.stem] < 0) && (u.exact < 0 || lm.rootExact[u.exact] < 0) &&
			u.num[0] < 0 && u.preEnd == u.preAt && u.glue == 0 {
			continue
		}
		// The root ends no rule (a phrase has a word): step from it.
		lm.step(s, 0, int32(i), i, int(s.segs[u.seg].blockE))
	}
	// The one-part matches come in start order (the walks go word by word).
	s.inOrder = len(s.matches)
	if len(s.matches) == 0 && len(s.ended) == 0 {
		s.excl = s.excl[:0]
		return
	}
	lm.rulesMatched(s)
	lm.selectMatches(s)
}

// walk follows every edge a unit offers from state, collecting the
// operands that end on the way; limit is the end of the block.
func (lm *langMatcher) walk(s *scratch, state, start int32, j, limit int) {
	if !s.allowed(lm.speakers[state].below) {
		return // nothing this speaker may say ends here or further on
	}
	st, after := &lm.states[state], &lm.states[state+1]
	if st.ends < after.ends { // most states end no one-part rule
		for _, sq := range lm.endSeq[st.ends:after.ends] {
			s.addSingle(sq, start, int32(j))
		}
	}
	// Operands of multi-part rules end here: noted once for all of them,
	// and read in rulesMatched, where most turn out not to be needed.
	if st.multi < after.multi && s.allowed(lm.speakers[state].multi) {
		s.ended = append(s.ended, stateHit{state, start, int32(j)})
	}
	lm.step(s, state, start, j, limit)
}

// step follows the edges out of state that the unit at j takes. A filler
// is stepped over without ending a phrase on it: a match ends on a word,
// so it never reaches into the next utterance through its first «вот».
func (lm *langMatcher) step(s *scratch, state, start int32, j, limit int) {
	if j == limit || lm.states[state].edges == lm.states[state+1].edges {
		return
	}
	u := &s.units[j]
	if state == 0 {
		if u.stem >= 0 {
			if nx := lm.rootStem[u.stem]; nx >= 0 {
				lm.walk(s, nx, start, j+1, limit)
			}
		}
		if u.exact >= 0 {
			if nx := lm.rootExact[u.exact]; nx >= 0 {
				lm.walk(s, nx, start, j+1, limit)
			}
		}
	} else {
		if u.stem >= 0 {
			if nx := lm.next(state, edge(edgeStem, uint32(u.stem))); nx >= 0 {
				lm.walk(s, nx, start, j+1, limit)
			}
		}
		if u.exact >= 0 {
			if nx := lm.next(state, edge(edgeExact, uint32(u.exact))); nx >= 0 {
				lm.walk(s, nx, start, j+1, limit)
			}
		}
	}
	// A number and a prefix reading are rare: most units skip both.
	if u.num[0] >= 0 {
		for _, n := range u.num {
			if n >= 0 {
				if nx := lm.next(state, edge(edgeNum, uint32(n))); nx >= 0 {
					lm.walk(s, nx, start, j+1, limit)
				}
			}
		}
	}
	if u.preEnd > u.preAt {
		for _, p := range s.pres[u.preAt:u.preEnd] {
			if nx := lm.next(state, edge(edgePrefix, uint32(p))); nx >= 0 {
				lm.walk(s, nx, start, j+1, limit)
			}
		}
	}
	if nx := lm.states[state].anyTo; nx >= 0 {
		lm.walk(s, nx, start, j+1, limit)
	}
	// A word the recognizer split: this unit and the next read as one.
	if u.glue > 0 && j+2 <= limit {
		lm.stepGlued(s, &s.glues[u.glue-1], state, start, j+2, limit)
	}
	// A hesitation inside a phrase: step over it.
	if state != 0 && u.flags&flagFiller != 0 {
		lm.step(s, state, start, j+1, limit)
	}
}

// maxSpans bounds the partial matches of one NEAR/BEFORE rule in one
// utterance, so a pathological text cannot blow up.
const maxSpans = 64

// addSingle takes a match of a one-part rule as the walk finds it: one that
// respects ^ and $ is an exclusion, or a match kept when the speaker may
// say it and no negator governs it (exclusions are applied once all are
// found, in selectMatches).
func (s *scratch) addSingle(ref ruleRef, start, end int32) {
	if !s.allowed(ref.speakers) {
		return
	}
	m := ruleMatch{ref.rule, ref.dict, start, end}
	if ref.flags&(hotAtStart|hotAtEnd|hotExclusion) != 0 {
		s.addMatch(m, ref.flags)
		return
	}
	if ref.flags&hotNegatable != 0 && s.mayNegate(m) && s.negatedNoted(m, false) {
		return
	}
	s.matches = append(s.matches, m)
}

// mayNegate reports whether a negator may govern a one-part match: not
// when the words next to it stop negated's search at once (most words).
func (s *scratch) mayNegate(m ruleMatch) bool {
	return s.units[m.start].flags&flagClearBefore == 0 || s.units[m.end-1].flags&flagClearAfter == 0
}

// allowed reports whether the speaker of the matched channel may say a
// rule's phrase, or one of the phrases an exclusion cancels: a rule of
// the other party is neither collected nor joined.
func (s *scratch) allowed(speakers uint8) bool {
	return speakers&s.speakers != 0
}

// rulesMatched turns the candidates of multi-part rules into rule matches:
// a NEAR/BEFORE rule where its parts are close enough, spanning from the
// first word of one to the last of the other; a word set where all its
// words are within its span. (A one-part rule matches where its operand
// does: addSingle.)
func (lm *langMatcher) rulesMatched(s *scratch) {
	if len(s.ended) == 0 {
		return
	}
	if len(s.ruleHead) < len(lm.rules) {
		s.ruleHead = make([]int32, len(lm.rules))
		for i := range s.ruleHead {
			s.ruleHead[i] = -1
		}
		s.ruleSeen = make([]uint8, len(lm.rules))
	}
	if len(s.groupSeen) < lm.groups {
		s.groupSeen = make([]bool, lm.groups)
	}
	if len(s.stateAt) < len(lm.states) {
		s.stateAt = make([]int32, len(lm.states))
	}
	// A rule matches only where every one of its operands was found, and
	// most rules with an operand found have another nowhere in the text
	// (a call reaches thousands of operands of hundreds of rules, a few
	// dozen of them complete): make candidates of the complete rules'
	// operands only. A rule is looked at where its key operand ends, the
	// one least shared with other rules (keyOperands), so a state reached
	// in every call («я», «не» end operands of hundreds of word sets) is
	// the key of few: the rule is complete when each of its other
	// operands ends in a state reached too. Each distinct state reached
	// marks the groups of end states it is in (most states are reached
	// again and again).
	s.states, s.touched = s.states[:0], s.touched[:0]
	for _, e := range s.ended {
		if s.stateAt[e.state] == 0 {
			s.states = append(s.states, e.state)
			s.stateAt[e.state] = int32(len(s.states))
			for _, g := range lm.groupsOf[lm.groupsAt[e.state]:lm.groupsAt[e.state+1]] {
				if !s.groupSeen[g] {
					s.groupSeen[g] = true
					s.groupsTouched = append(s.groupsTouched, g)
				}
			}
		}
	}
	for _, st := range s.states {
		for _, ri := range lm.keyed[lm.keyAt[st]:lm.keyAt[st+1]] {
			if s.ruleSeen[ri] != 0 {
				continue
			}
			s.touched = append(s.touched, ri)
			s.ruleSeen[ri] = ruleChecked
			// Another speaker's rule makes no candidates.
			if s.allowed(lm.hot[ri].speakers) && lm.othersReached(s, ri) {
				s.ruleSeen[ri] = ruleComplete
			}
		}
	}
	// The operands of complete rules, picked once per distinct state: a
	// state reached again («я», «не») gives its candidates without a
	// second look at the rules whose operands end there.
	s.stateOps, s.opsAt = s.stateOps[:0], s.opsAt[:0]
	for _, st := range s.states {
		s.opsAt = append(s.opsAt, int32(len(s.stateOps)))
		for _, op := range lm.multiSeq[lm.states[st].multi:lm.states[st+1].multi] {
			if s.ruleSeen[op.rule] == ruleComplete {
				s.stateOps = append(s.stateOps, op)
			}
		}
	}
	s.opsAt = append(s.opsAt, int32(len(s.stateOps)))
	for _, ri := range s.touched {
		s.ruleSeen[ri] = 0
	}
	for _, g := range s.groupsTouched {
		s.groupSeen[g] = false
	}
	s.groupsTouched = s.groupsTouched[:0]
	s.multi = s.multi[:0]
	for _, e := range s.ended {
		k := s.stateAt[e.state] - 1
		for _, op := range s.stateOps[s.opsAt[k]:s.opsAt[k+1]] {
			s.multi = append(s.multi, cand{op.rule, op.operand, e.start, e.end})
		}
	}
	for _, st := range s.states {
		s.stateAt[st] = 0
	}
	// Group the candidates by rule without sorting: a linked list per rule
	// (s.multi is in start order, and each group keeps it).
	s.link, s.touched = s.link[:0], s.touched[:0]
	for i := len(s.multi) - 1; i >= 0; i-- {
		ri := s.multi[i].rule
		if s.ruleHead[ri] < 0 {
			s.touched = append(s.touched, ri)
		}
		s.link = append(s.link, s.ruleHead[ri])
		s.ruleHead[ri] = int32(i)
	}
	// s.link was filled from the end: link of multi[i] is s.link[n-1-i].
	n := len(s.multi)
	for k := len(s.touched) - 1; k >= 0; k-- {
		ri := s.touched[k]
		s.group = s.group[:0]
		for i := s.ruleHead[ri]; i >= 0; i = s.link[n-1-int(i)] {
			s.group = append(s.group, s.multi[i])
		}
		s.ruleHead[ri] = -1
		if lm.rules[ri].set {
			lm.combineSet(s, ri, s.group)
		} else {
			lm.combine(s, ri, s.group)
		}
	}
}

// ruleSeen marks.
const (
	ruleChecked  = 1
	ruleComplete = 2
)

// othersReached reports whether each operand of multi-part rule ri but its
// key ends in a state the walks reached (scratch.groupSeen).
func (lm *langMatcher) othersReached(s *scratch, ri int32) bool {
	for _, g := range lm.others[lm.othersAt[ri]:lm.othersAt[ri+1]] {
		if !s.groupSeen[g] {
			return false
		}
	}
	return true
}

// keyOperands chooses the key operand of each multi-part rule and builds
// lm.keyAt, lm.keyed, lm.othersAt, lm.others and the groups. How common
// an operand is in calls is not known here; how many operands of other
// rules end in the same states is, and the commonest words («я», «не»,
// «вы») end operands of the most rules. So the key is the operand whose
// end states hold the fewest operands in all, and the other operands are
// checked in the same order (the least shared, the likeliest to be
// missing, first).
func (lm *langMatcher) keyOperands() {
	n := int32(len(lm.states) - 1)
	shared := func(st int32) int32 { return lm.states[st+1].multi - lm.states[st].multi }
	type operand struct {
		rule, operand int32
		states        []int32
		cost          int32
	}
	byOperand := map[[2]int32]*operand{}
	var ops []*operand
	for st := range n {
		for _, op := range lm.multiSeq[lm.states[st].multi:lm.states[st+1].multi] {
			o := byOperand[[2]int32{op.rule, op.operand}]
			if o == nil {
				o = &operand{rule: op.rule, operand: op.operand}
				byOperand[[2]int32{op.rule, op.operand}] = o
				ops = append(ops, o)
			}
			if len(o.states) == 0 || o.states[len(o.states)-1] != st { // in state order
				o.states = append(o.states, st)
				o.cost += shared(st)
			}
		}
	}
	slices.SortFunc(ops, func(a, b *operand) int {
		return cmp.Or(cmp.Compare(a.rule, b.rule), cmp.Compare(a.cost, b.cost), cmp.Compare(a.operand, b.operand))
	})
	groups := map[string]int32{}   // states, as written by fmt → group
	groupsIn := make([][]int32, n) // state → groups with it
	group := func(states []int32) int32 {
		key := fmt.Sprint(states) // in state order

		g, ok := groups[key]
		if !ok {
			g = int32(len(groups))
			groups[key] = g
			for _, st := range states {
				groupsIn[st] = append(groupsIn[st], g)
			}
		}
		return g
	}
	lm.othersAt = make([]int32, len(lm.rules)+1)
	keyedIn := make([][]int32, n) // state → rules keyed there
	for i := 0; i < len(ops); {
		ri := ops[i].rule
		// ops[i] is the rule's key operand: the first in cost order.
		for _, st := range ops[i].states {
			keyedIn[st] = append(keyedIn[st], ri)
		}
		lm.othersAt[ri] = int32(len(lm.others))
		for i++; i < len(ops) && ops[i].rule == ri; i++ {
			lm.others = append(lm.others, group(ops[i].states))
		}
		lm.othersAt[ri+1] = int32(len(lm.others))
	}
	// A rule of one operand has none: an empty range.
	for ri := 1; ri <= len(lm.rules); ri++ {
		lm.othersAt[ri] = max(lm.othersAt[ri], lm.othersAt[ri-1])
	}
	lm.keyAt = make([]int32, n+1)
	for st := range n {
		lm.keyAt[st] = int32(len(lm.keyed))
		lm.keyed = append(lm.keyed, keyedIn[st]...)
	}
	lm.keyAt[n] = int32(len(lm.keyed))
	lm.groupsAt = make([]int32, n+1)
	for st := range n {
		lm.groupsAt[st] = int32(len(lm.groupsOf))
		lm.groupsOf = append(lm.groupsOf, groupsIn[st]...)
	}
	lm.groupsAt[n] = int32(len(lm.groupsOf))
	lm.groups = len(groups)
}

// refOf is the ruleRef of a match of rule ri.
func (lm *langMatcher) refOf(ri int32) ruleRef {
	h := &lm.hot[ri]
	return ruleRef{rule: ri, dict: h.dict, speakers: h.speakers, flags: h.flags}
}

func (s *scratch) block(u int32) int32 { return s.segs[s.units[u].seg].block }

func (lm *langMatcher) combine(s *scratch, ri int32, cands []cand) {
	r := lm.rules[ri]
	s.spans = s.spans[:0]
	for _, c := range cands {
		if c.operand == 0 {
			s.spans = append(s.spans, [2]int32{c.start, c.end})
		}
	}
	for k := 1; k < r.operands && len(s.spans) > 0; k++ {
		op := lm.nearOps[r.opsAt+int32(k)-1]
		s.next = s.next[:0]
		for _, sp := range s.spans {
			for _, c := range cands {
				if c.operand != int32(k) || s.block(c.start) != s.block(sp[0]) {
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
	ref := lm.refOf(ri)
	for _, sp := range s.spans {
		s.addMatch(ruleMatch{ri, ref.dict, sp[0], sp[1]}, ref.flags)
	}
}

// combineSet finds a word set: for each candidate as the leftmost word,
// the nearest following candidate of every other element; the set matches
// when they all fit in its span. Elements may not share a word. cands are
// in start order.
func (lm *langMatcher) combineSet(s *scratch, ri int32, cands []cand) {
	r := &lm.rules[ri]
	found := 0
	for ai, a := range cands {
		ka := a.operand
		end := a.end
		var used [maxSet]int32
		var have [maxSet]bool
		used[ka], have[ka] = a.start, true
		got := 1
		for _, c := range cands[ai+1:] {
			if c.start-a.start >= r.setN {
				break
			}
			k := c.operand
			if have[k] || c.start == a.start || c.end-a.start > r.setN || s.block(c.start) != s.block(a.start) {
				continue
			}
			dup := false
			for x := 0; x < r.operands; x++ {
				if have[x] && used[x] == c.start {
					dup = true
				}
			}
			if dup {
				continue
			}
			used[k], have[k] = c.start, true
			end = max(end, c.end)
			got++
			if got == r.operands {
				break
			}
		}
		if got == r.operands && found < maxSpans {
			ref := lm.refOf(ri)
			s.addMatch(ruleMatch{ri, ref.dict, a.start, end}, ref.flags)
			found++
		}
	}
}

// addMatch keeps a rule match that respects the rule's ^ and $: the start
// and end of an utterance. The speaker may say the rule (addSingle and
// rulesMatched checked).
func (s *scratch) addMatch(m ruleMatch, flags uint8) {
	if flags&hotAtStart != 0 && m.start != s.segs[s.units[m.start].seg].u0 {
		return
	}
	if flags&hotAtEnd != 0 && m.end != s.segs[s.units[m.end-1].seg].u1 {
		return
	}
	if flags&hotExclusion != 0 {
		s.excl = append(s.excl, m)
		return
	}
	if flags&hotMulti == 0 && flags&hotNegatable != 0 && s.mayNegate(m) && s.negatedNoted(m, false) {
		return // as addSingle
	}
	s.matches = append(s.matches, m)
}

// negatedNoted reports whether a negator governs the match (negation.go),
// and notes it when Explain asks. In a NEAR/BEFORE or word-set match a
// negator between the parts counts too: «вчера не звонила» for
// {@contacted @when_past}.
func (s *scratch) negatedNoted(m ruleMatch, multi bool) bool {
	k := s.negator(m, multi)
	if k >= 0 && s.cancelled != nil {
		*s.cancelled = append(*s.cancelled, cancellation{m, k, k + 1, false})
	}
	return k >= 0
}

// negator is the unit of the negator that governs the match, -1 if none.
func (s *scratch) negator(m ruleMatch, multi bool) int32 {
	if multi {
		for k := m.start + 1; k < m.end; k++ {
			if s.units[k].flags&flagNeg != 0 {
				return k
			}
		}
	}
	sg := s.segs[s.units[m.start].seg]
	bridges, personal := 0, false
	finite := s.units[m.start].flags&flagFinite != 0
	for k := m.start - 1; k >= sg.u0; k-- {
		f := s.units[k].flags
		if f&flagStop != 0 {
			break // the word ends the sentence before the hit
		}
		if f&flagNeg != 0 {
			// «нет» before a verb in the first person ends its own
			// clause: «сил нет | ухожу», «а нет так | уйду».
			if finite && f&flagPostNeg != 0 {
				return -1
			}
			// «нет» before a subject pronoun answers: «нет | я звонила».
			if f&flagPostNeg != 0 && s.units[k+1].flags&flagSubject != 0 {
				return -1
			}
			return k
		}
		if f&flagFiller != 0 && f&flagBridge == 0 {
			continue
		}
		if f&flagBridge == 0 || bridges == maxBridges || personal && f&flagImpersonal != 0 || finite && f&flagModal != 0 {
			break // the last two: another clause («не будет | буду», «не могу | меняю»)
		}
		personal = personal || f&flagPersonal != 0
		bridges++
	}
	sg = s.segs[s.units[m.end-1].seg]
	bridges = 0
	for k := m.end; k < sg.u1 && s.units[k-1].flags&flagStop == 0; k++ {
		f := s.units[k].flags
		if f&flagPostNeg != 0 {
			return k
		}
		if f&flagFiller != 0 && f&flagBridge == 0 {
			continue
		}
		if f&flagBridge == 0 || bridges == maxBridges {
			break
		}
		bridges++
	}
	return -1
}

// addRule adds one compiled rule: r with its operands' alternative runs
// inserted into the automaton.
func (lm *langMatcher) addRule(r rule, ops []nearOp, alts [][][]term, negatable bool) {
	r.negatable = negatable
	r.opsAt = int32(len(lm.nearOps))
	lm.nearOps = append(lm.nearOps, ops...)
	ri := int32(len(lm.rules))
	lm.rules = append(lm.rules, r)
	for oi := range alts {
		seq := int32(len(lm.seqs))
		lm.seqs = append(lm.seqs, seqRef{ri, int32(oi)})
		for _, run := range alts[oi] {
			end := lm.insert(run)
			if !slices.Contains(lm.ends[end], seq) {
				lm.ends[end] = append(lm.ends[end], seq)
			}
		}
	}
}

// partitionNegative splits a part's alternative runs into those with a
// negator of their own and those without.
func partitionNegative(lang string, runs [][]term) (neg, pos [][]term) {
	for _, run := range runs {
		if hasNegator(lang, [][][]term{{run}}) {
			neg = append(neg, run)
		} else {
			pos = append(pos, run)
		}
	}
	return neg, pos
}

// hasNegator reports whether any run of any part holds a negator.
func hasNegator(lang string, alts [][][]term) bool {
	for _, a := range alts {
		for _, run := range a {
			for _, t := range run {
				if !t.any && isNegator(lang, t.word) {
					return true
				}
			}
		}
	}
	return false
}

// selectMatches keeps the matches this speaker may say that no negator
// and no exclusion cancels, the leftmost-longest per category.
func (lm *langMatcher) selectMatches(s *scratch) {
	// The one-part matches passed the speaker and negation when found,
	// the others the speaker (rulesMatched); they are judged here. Filtered in place, s.matches becomes
	// s.keep (the two swap buffers).
	keep := s.matches[:s.inOrder]
	if len(s.excl) > 0 {
		lm.indexExclusions(s)
		kept := keep[:0]
		for _, c := range keep {
			if !lm.excludedNoted(s, c) {
				kept = append(kept, c)
			}
		}
		keep = kept
	}
	inOrder := len(keep) // of keep, in start order
	for _, c := range s.matches[s.inOrder:] {
		if h := &lm.hot[c.rule]; h.flags&hotNegatable != 0 && s.negatedNoted(c, true) {
			continue
		}
		if len(s.excl) > 0 && lm.excludedNoted(s, c) {
			continue
		}
		keep = append(keep, c)
	}
	s.unindexExclusions()
	s.keep, s.matches = keep, s.keep[:0]
	s.sortMatches(inOrder)
	s.lastEnd = s.lastEnd[:0]
	for range lm.dicts {
		s.lastEnd = append(s.lastEnd, 0)
	}
	n := 0
	for i, c := range s.keep {
		d := c.dict
		if c.start < s.lastEnd[d] {
			continue
		}
		s.lastEnd[d] = c.end
		if n != i {
			s.keep[n] = c
		}
		n++
	}
	s.keep = s.keep[:n]
	s.excl = s.excl[:0]
}

// matchOrder orders matches by start, longest first, then by rule.
func matchOrder(a, b ruleMatch) int {
	if a.start != b.start {
		return int(a.start - b.start)
	}
	if a.end != b.end {
		return int(b.end - a.end)
	}
	return int(a.rule - b.rule)
}

// sortMatches sorts s.keep by matchOrder. s.keep[:inOrder] is in start
// order already, each start's few matches in any order: an insertion sort
// puts it in order in about one pass; the rest (NEAR, BEFORE and word set
// matches) is sorted and merged in. Matches that compare equal are the
// same rule at the same place, so the result is what a sort of the whole
// gives.
func (s *scratch) sortMatches(inOrder int) {
	head, tail := s.keep[:inOrder], s.keep[inOrder:]
	for i := 1; i < len(head); i++ {
		for j := i; j > 0 && matchOrder(head[j], head[j-1]) < 0; j-- {
			head[j], head[j-1] = head[j-1], head[j]
		}
	}
	if len(tail) == 0 {
		return
	}
	slices.SortFunc(tail, matchOrder)
	m := s.merged[:0]
	i, j := 0, 0
	for i < len(head) && j < len(tail) {
		if matchOrder(tail[j], head[i]) < 0 {
			m = append(m, tail[j])
			j++
		} else {
			m = append(m, head[i])
			i++
		}
	}
	m = append(append(m, head[i:]...), tail[j:]...)
	s.merged, s.keep = s.keep[:0], m
}

// excludedNoted reports whether one of s.excl cancels match c, and notes
// it when Explain asks.
func (lm *langMatcher) excludedNoted(s *scratch, c ruleMatch) bool {
	x := lm.excluder(s, c)
	if x >= 0 && s.cancelled != nil {
		*s.cancelled = append(*s.cancelled, cancellation{c, s.excl[x].start, s.excl[x].end, true})
	}
	return x >= 0
}

// indexExclusions links the exclusion matches of each category, and those
// of each phrases' exclusion rule, in the order of s.excl: exclHead[d] is
// the first of category d's own (a category exclusion),
// exclHead[len(lm.dicts)+r] the first of rule r (an exclusion of some
// phrases, ownExcl), and exclNext[x] the one after x (-1: none). A call
// has hundreds of exclusion matches, most of them phrases' own; a
// candidate hit is checked against its category's and its phrase's only.
// unindexExclusions undoes it.
func (lm *langMatcher) indexExclusions(s *scratch) {
	if n := len(lm.dicts) + len(lm.rules); len(s.exclHead) < n {
		s.exclHead = make([]int32, n)
		for i := range s.exclHead {
			s.exclHead[i] = -1
		}
	}
	s.exclNext = s.exclNext[:0]
	for range s.excl {
		s.exclNext = append(s.exclNext, -1)
	}
	s.exclKeys = s.exclKeys[:0]
	// Filled from the end, so each list keeps the order of s.excl.
	for xi := len(s.excl) - 1; xi >= 0; xi-- {
		x := &s.excl[xi]
		key := x.dict
		if lm.hot[x.rule].flags&hotOwn != 0 {
			key = int32(len(lm.dicts)) + x.rule
		}
		if s.exclHead[key] < 0 {
			s.exclKeys = append(s.exclKeys, key)
		}
		s.exclNext[xi] = s.exclHead[key]
		s.exclHead[key] = int32(xi)
	}
}

// unindexExclusions clears what indexExclusions set: exclHead is all -1
// between matches, whatever the matcher.
func (s *scratch) unindexExclusions() {
	for _, k := range s.exclKeys {
		s.exclHead[k] = -1
	}
	s.exclKeys = s.exclKeys[:0]
}

// excluder is the index in s.excl of an exclusion that cancels match c,
// -1 if none: the first in s.excl's order of its category's and its
// phrase's (linked by indexExclusions), the one Explain names.
func (lm *langMatcher) excluder(s *scratch, c ruleMatch) int {
	r := &lm.rules[c.rule]
	di := &lm.dicts[r.dict]
	pi := &di.phrases[r.phrase]
	// Each list is in s.excl's order: its first cancelling match, the
	// earliest of them all.
	first := int32(-1)
	earliest := func(xi int32, w int32, utt int) {
		for ; xi >= 0 && (first < 0 || xi < first); xi = s.exclNext[xi] {
			if s.cancels(s.excl[xi], c, w, utt) {
				first = xi
				return
			}
		}
	}
	// A category exclusion uses the category's window; a phrase's own
	// exclusions use the phrase's window.
	earliest(s.exclHead[c.dict], int32(di.d.ExcludeWindow), di.d.ExcludeUtterances)
	p := di.base + r.phrase
	for _, ri := range lm.ownExcl[lm.ownExclAt[p]:lm.ownExclAt[p+1]] {
		earliest(s.exclHead[int32(len(lm.dicts))+ri], int32(pi.exclWin), pi.exclUtt)
	}
	return int(first)
}

// cancels reports whether exclusion match x cancels match c, with the
// window w (in words) and the adjacent utterances utt that apply.
func (s *scratch) cancels(x, c ruleMatch, w int32, utt int) bool {
	// In the hit's utterance (or utterances), within the window.
	xs := s.units[x.start].seg
	if (xs == s.units[c.start].seg || xs == s.units[c.end-1].seg) && x.start < c.end+w && x.end > c.start-w {
		return true
	}
	// An exclusion in one of the next utterances of the speaker:
	// «не знаю» … «сейчас уточню».
	cs := s.units[c.end-1].seg
	d := xs - cs
	return d > 0 && d <= int32(utt) && s.segs[xs].start-s.segs[cs].end <= AdjacentGap
}
