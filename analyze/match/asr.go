package match

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/callscope/callscope/analyze/text"
)

// Recognizer slips. A speech recognizer writes a word it heard in pieces
// («рас торгнуть», «пере оформляюсь»), glues a short word to the next one
// («незнаю»), drops an ending («затрудняюс»), or writes an unstressed
// vowel wrong («притензия», «растаргнуть»). A phrase written once should
// find all of these; before, each had to be listed as a variant. The
// matcher mends them for the words of its phrases only, so a slip costs
// nothing unless it touches a word some phrase needs:
//
//   - a split word: two neighbouring words of one utterance whose
//     concatenation is a phrase word are also read as that word (both
//     readings are kept: «при носила» is «приносила», and «при» stays a
//     word for phrases that need it);
//   - a glued word: a word no phrase knows that is a short function word
//     («не», «я», «уже», «вам», «мне») glued to a phrase word is read as
//     the two words («незнаю» = «не знаю»);
//   - a lost ending: a word no phrase knows that is a phrase stem of at
//     least six letters followed by one to three letters is read as that
//     stem («затрудняюс» = «затрудня…»);
//   - a misspelt vowel (Russian): a word no phrase knows whose stem sounds
//     like a phrase stem of at least five letters, unstressed vowels
//     reduced as speech reduces them (о = а; е, я, э, ы = и; ю = у), soft
//     and hard signs and doubled letters ignored, is read as that stem
//     («притензия» = «претензия»); one that sounds like an exact form
//     (=word) of at least six letters, as that form («обьясняю» =
//     «=объясняю»), and an adjective's ending written as said, «-ова»,
//     «-ева» for «-ого», «-его» («всего доброва»).
//
// The last three are properties of a word, computed once when the word is
// first seen and cached with it (lm.word); the first is looked up for
// neighbouring words whose first one starts some phrase word (flagHead),
// a few in an utterance.

// Minimum lengths, in letters, that keep the mending from finding phrase
// words in ordinary words: the shorter a stem, the more words sound like
// it or begin with it.
const (
	minGlued     = 5 // a split word, once joined
	minHead      = 2 // the first piece of a split word
	minTruncStem = 6 // a stem whose ending was lost
	maxLostTail  = 2 // letters of a lost ending (more is a suffix: «автоответ|чик»)
	minSoundStem = 5 // a stem matched by its sound
	minGlueRest  = 4 // the phrase word glued after a function word
	// minSoundExact: an exact form matched by its sound. Longer than a
	// stem's minimum, as a form keeps its ending and short forms that
	// differ by an unstressed vowel are different words («было», «была»).
	minSoundExact = 6
)

// glueWords are the short words a recognizer glues to the next one,
// per language: negators and pronouns. A longer list finds more words
// that are real words of their own («выписали» is no «вы писали»).
var glueWords = map[string][]string{
	"ru": {"не", "я", "уже", "вам", "мне"},
}

// slipLangs are the languages whose slips are mended. English recognizers
// split compounds («any more», «check in»), which phrases write both
// ways, and joining two English words finds too many others («for me» is
// no «forme», a form).
var slipLangs = map[string]bool{"ru": true}

// prefixWords are the Russian prepositions that are also verbal prefixes:
// the first piece of a split word may be one («по жаловаться», «при
// носила», «за явление»). Any other first piece must be no phrase's word
// on its own, so two real words are not joined: «раз вода» is no
// «развода».
var prefixWords = map[string]bool{"по": true, "за": true, "при": true, "до": true, "от": true, "на": true,
	"об": true, "из": true, "под": true, "над": true, "про": true, "во": true, "со": true}

// slipIndex holds what mending needs of the phrases of one language.
type slipIndex struct {
	// heads are the beginnings (minHead letters or more, short of the
	// whole) of the phrase words, numbered: a word that is one may be the
	// first piece of a split word.
	heads map[string]int32
	// cont holds, per head, the first two letters that follow it in some
	// phrase word (contKey): the next word must begin so for the two to be
	// worth joining, which spares the lookup for nearly every pair.
	cont map[uint64]bool
	// mayFollow is a filter before cont: bit contBit(head, r1) is set
	// when some key of cont has that head and first letter. Most pairs of
	// words are no split word, and one bit says so without two lookups in
	// cont; a set bit may be another pair's, so cont decides.
	mayFollow []uint64
	// sound maps the sound key of each phrase stem of minSoundStem letters
	// or more to the stem's id; -1 when two stems share a key (then
	// neither is guessed).
	sound map[string]int32
	// soundExact is sound, for the exact word forms (=word) of
	// minSoundExact letters or more: a misspelt form sounds like the form
	// written («обьясняю» = «=объясняю»).
	soundExact map[string]int32
	// soundPre is the sound key of each prefix term (by id), "" for a
	// prefix too short to be matched by sound.
	soundPre []string
	// rus: the language has vowel reduction (Russian).
	rus bool
}

// buildSlips fills lm.slips from the compiled phrase words.
func (lm *langMatcher) buildSlips() {
	x := &lm.slips
	if !slipLangs[lm.lang] {
		return
	}
	x.heads, x.cont = map[string]int32{}, map[uint64]bool{}
	x.mayFollow = make([]uint64, contBits/64)
	x.rus = lm.lang == "ru"
	seen := map[string]bool{}
	addHeads := func(w string) {
		n := 0
		for i := range w {
			h := w[:i]
			n++
			if n <= minHead {
				continue
			}
			if !seen[h] {
				seen[h] = true
				_, stem := lm.stems[lm.stem(h)]
				_, exact := lm.exacts[h]
				if prefixWords[h] || !stem && !exact {
					x.heads[h] = int32(len(x.heads))
				}
			}
			if id, ok := x.heads[h]; ok {
				r1, size := utf8.DecodeRuneInString(w[i:])
				r2, _ := utf8.DecodeRuneInString(w[i+size:])
				if r2 == utf8.RuneError {
					r2 = 0
				}
				x.cont[contKey(id, r1, r2)] = true
				x.mayFollow[contBit(id, r1)/64] |= 1 << (contBit(id, r1) % 64)
			}
		}
	}
	for s := range lm.stems {
		addHeads(s)
	}
	for s := range lm.exacts {
		addHeads(s)
	}
	for _, p := range lm.prefixes {
		addHeads(p)
	}
	if !x.rus {
		return
	}
	x.sound = soundIndex(lm.stems, minSoundStem)
	x.soundExact = soundIndex(lm.exacts, minSoundExact)
	x.soundPre = make([]string, len(lm.prefixes))
	for i, p := range lm.prefixes {
		if utf8.RuneCountInString(p) >= minSoundStem {
			x.soundPre[i] = soundKey(p)
		}
	}
}

// contKey packs a head's id and the two letters after it (r2 0: none).
func contKey(head int32, r1, r2 rune) uint64 {
	return uint64(head)<<42 | uint64(r1)<<21 | uint64(r2)
}

// follows reports whether word w, as written, may continue a phrase word
// after head: its first two letters do in some phrase word, or its first
// one ends it.
func (x *slipIndex) follows(head int32, w string) bool {
	r1, size := utf8.DecodeRuneInString(w)
	r2, _ := utf8.DecodeRuneInString(w[size:])
	r1, r2 = foldRune(r1), foldRune(r2)
	if b := contBit(head, r1); x.mayFollow[b/64]&(1<<(b%64)) == 0 {
		return false // no phrase word goes on so after head
	}
	return x.cont[contKey(head, r1, r2)] || x.cont[contKey(head, r1, 0)]
}

// contBits is the size of slipIndex.mayFollow, in bits.
const contBits = 1 << 18

// contBit is the bit of slipIndex.mayFollow for a head and the letter
// after it.
func contBit(head int32, r1 rune) uint32 {
	return (uint32(head)*0x9E3779B1 ^ uint32(r1)*0x85EBCA77) % contBits
}

// foldRune folds one letter as text.Fold does: lower case, ё as е.
func foldRune(r rune) rune {
	if 'а' <= r && r <= 'я' || 'a' <= r && r <= 'z' {
		return r // lower case already: most letters
	}
	if r == utf8.RuneError {
		return 0
	}
	r = unicode.ToLower(r)
	if r == 'ё' {
		r = 'е'
	}
	return r
}

// soundKey is a Russian word as it sounds with its unstressed vowels
// reduced: о as а; е, я, э, ы as и; ю as у; without ь and ъ; a doubled
// letter once. Two spellings of one spoken word share it.
func soundKey(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	var last rune
	for _, r := range w {
		switch r {
		case 'о':
			r = 'а'
		case 'е', 'я', 'э', 'ы':
			r = 'и'
		case 'ю':
			r = 'у'
		case 'ь', 'ъ':
			continue
		}
		if r == last {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

// mend reads a word no phrase knows (w folded, stem its stem) as a phrase
// word it may be a slip of: a lost ending, a misspelt vowel, or a function
// word glued to a phrase word. It fills info and reports whether it did.
func (lm *langMatcher) mend(w, stem string, info *wordInfo) bool {
	x := &lm.slips
	if x.heads == nil {
		return false
	}
	// A lost ending: the word is a long phrase stem and a short tail.
	if n := utf8.RuneCountInString(w); n > minTruncStem {
		cut := len(w)
		for k := 1; k <= maxLostTail && n-k >= minTruncStem; k++ {
			_, size := utf8.DecodeLastRuneInString(w[:cut])
			cut -= size
			if id, ok := lm.stems[w[:cut]]; ok {
				info.stem = id
				return true
			}
		}
	}
	// An adjective's «-ого», «-его» written as said, «-ова», «-ева»
	// («всего доброва»).
	if x.rus {
		for _, e := range [...][2]string{{"ова", "ого"}, {"ева", "его"}} {
			if base, ok := strings.CutSuffix(w, e[0]); ok && utf8.RuneCountInString(base) >= 2 {
				if id, known := lm.stems[lm.stem(base+e[1])]; known {
					info.stem = id
					return true
				}
			}
		}
	}
	if x.sound != nil && utf8.RuneCountInString(stem) >= minSoundStem {
		// The stem as it sounds, or with its last one or two letters
		// lost: a misspelt word's ending may also be one the stemmer does
		// not strip («растаргнут», «пожаловатс»).
		k := soundKey(stem)
		n := utf8.RuneCountInString(k)
		for cut := 0; cut <= maxLostTail && (cut == 0 || n-cut >= minTruncStem); cut++ {
			if cut > 0 {
				_, size := utf8.DecodeLastRuneInString(k)
				k = k[:len(k)-size]
			}
			if id, ok := x.sound[k]; ok && id >= 0 {
				info.stem = id
				break
			}
		}
		wk := soundKey(w)
		if id, ok := x.soundExact[wk]; ok && id >= 0 {
			info.exact = id
		}
		for id, pk := range x.soundPre {
			if pk != "" && strings.HasPrefix(wk, pk) {
				info.prefixes = append(info.prefixes, int32(id))
			}
		}
		if info.stem >= 0 || info.exact >= 0 || len(info.prefixes) > 0 {
			return true
		}
	}
	for _, g := range glueWords[lm.lang] {
		rest, ok := strings.CutPrefix(w, g)
		if !ok || utf8.RuneCountInString(rest) < minGlueRest {
			continue
		}
		if _, known := lm.stems[lm.stem(rest)]; known {
			info.glued = &[2]string{g, rest}
			return true
		}
		if _, known := lm.exacts[rest]; known {
			info.glued = &[2]string{g, rest}
			return true
		}
	}
	return false
}

// glue looks up the word the units at k and k+1 (one token each, in one
// utterance) make when written together, and keeps it as their second
// reading when some phrase knows it.
func (lm *langMatcher) glue(s *scratch, toks []text.Token, tokStart, k int, head int32) {
	a, b := &s.units[k], &s.units[k+1]
	if a.tokEnd-a.tokStart != 1 || b.tokEnd-b.tokStart != 1 || a.tokStart == b.tokStart {
		return
	}
	wa, wb := toks[int(a.tokStart)-tokStart].Norm, toks[int(b.tokStart)-tokStart].Norm
	if !lm.slips.follows(head, wb) || utf8.RuneCountInString(wa)+utf8.RuneCountInString(wb) < minGlued {
		return
	}
	s.glueBuf = append(append(s.glueBuf[:0], wa...), wb...)
	// The word cache copies a word it keeps, so the bytes may be reused.
	wi := lm.word(unsafe.String(unsafe.SliceData(s.glueBuf), len(s.glueBuf)))
	if wi.stem < 0 && wi.exact < 0 && len(wi.prefixes) == 0 {
		return
	}
	g := glued{stem: wi.stem, exact: wi.exact, preAt: int32(len(s.pres))}
	s.pres = append(s.pres, wi.prefixes...)
	g.preEnd = int32(len(s.pres))
	if len(s.glues) >= maxGlues {
		return
	}
	s.glues = append(s.glues, g)
	a.glue = uint16(len(s.glues))
}

// maxGlues bounds the glued readings of one channel (unit.glue is 16
// bits); a call has a handful.
const maxGlues = 1<<16 - 1

// pushUnit appends the unit of one word of a glued token (token i of toks,
// which start at tokStart) with the negation marks appendUnits gives;
// stops is nil for a word that ends no sentence.
func (lm *langMatcher) pushUnit(s *scratch, wi *wordInfo, tokStart, i int, seg int32, first int, stops []bool) {
	u := unit{tokStart: int32(tokStart + i), tokEnd: int32(tokStart + i + 1), stem: wi.stem, exact: wi.exact,
		num: [2]int32{-1, -1}, seg: seg, flags: wi.flags}
	if len(wi.prefixes) > 0 {
		u.preAt = int32(len(s.pres))
		s.pres = append(s.pres, wi.prefixes...)
		u.preEnd = int32(len(s.pres))
	}
	if len(stops) > 0 && stops[i] {
		u.flags |= flagStop
	}
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
}

// glued is the second reading of two units as one word (unit.glue).
type glued struct {
	stem, exact   int32
	preAt, preEnd int32
}

// stepGlued follows the edges out of state that a glued reading takes,
// walking on from unit next (the one after the two it joins).
func (lm *langMatcher) stepGlued(s *scratch, g *glued, state, start int32, next, limit int) {
	if g.stem >= 0 {
		if nx := lm.next(state, edge(edgeStem, uint32(g.stem))); nx >= 0 {
			lm.walk(s, nx, start, next, limit)
		}
	}
	if g.exact >= 0 {
		if nx := lm.next(state, edge(edgeExact, uint32(g.exact))); nx >= 0 {
			lm.walk(s, nx, start, next, limit)
		}
	}
	for _, p := range s.pres[g.preAt:g.preEnd] {
		if nx := lm.next(state, edge(edgePrefix, uint32(p))); nx >= 0 {
			lm.walk(s, nx, start, next, limit)
		}
	}
}

// soundIndex maps the sound key of every word of words with at least
// minRunes letters to its id; a key two different words share maps to -1
// (ambiguous: a misspelling is read as neither).
func soundIndex(words map[string]int32, minRunes int) map[string]int32 {
	idx := map[string]int32{}
	for w, id := range words {
		if utf8.RuneCountInString(w) < minRunes {
			continue
		}
		k := soundKey(w)
		if prev, dup := idx[k]; dup && prev != id {
			idx[k] = -1
			continue
		}
		idx[k] = id
	}
	return idx
}
