package redact

import (
	"unsafe"

	"github.com/callscope/callscope/schemas"
)

// The operator's greeting («Компания X, Ольга, здравствуйте», «меня
// зовут Анна, чем могу помочь») is in nearly every call, and its first
// name, a trigger word, loaded it: a call that dictates nothing else then
// tokenized it and ran the names' family on it to find nothing (of the
// some 420 code lines such a call read from memory, 200 are any call's
// floor: docs/privacy.md, "Cost"). Such a sentence is ruled out before
// tokenizing, by the shape of its words, where ruling it out changes no
// output:
//
//   - the call is not in English (a Russian word read with the English
//     lexicon has no role); it is a channel's first segment, and the
//     channels' first segments are all the call marks (greetsOut), so
//     that, loaded, they are read alone (no sentence before them, nothing
//     else of either side) and the rules run nowhere else; their words
//     are read only then (greetOnly), on a call where ruling them out
//     saves the most;
//   - every word of it is letters (Russian, small or capitalized, ASCII
//     marks around it), and the only words it is loaded by are first
//     names a list knows (the lexicon's role tFirstName alone) and, on
//     an operator's channel, «зовут» between «меня» and such a name (the
//     operator's own name: the cue asks nobody's, and the name rules
//     take no name after it there): segmentMay says no of the segment
//     with those words replaced by letters of no word (greetFill);
//   - every other word has no role but a function word's, the
//     operator's or the company's, a unit's, a date's, a listener's, a
//     connective's, a filler's or a trap word's (greetAllowed): no family
//     starts from those and no cue event but a trap's, which asks for
//     nothing, is made of them; so no name's cue, no «я»
//     or «это» (the name rules that take a name on the client's side
//     start from those, or from the other side's question, which would
//     be loaded);
//   - and no word is a name's part by its shape, as the names' rules
//     that read a sentence alone take one next to a first name
//     (fullNamesMay's tests, turkicNames', namesLeftMay's): a surname
//     (surnameLike, a «-иной», «-их» case), a patronymic, a Turkic
//     patronymic's word, two letters side by side (initials), «меня»
//     right before a first name, «вы» before a surname's shape, a
//     plural's «-ы» before a first name; and no first name is within
//     three words after a word of prepWords (bareSurname's).
//
// A call whose only sentences to load would be such greetings loads
// none, and the rules, on the greetings alone, claim nothing in them: the
// output is the transcript as it came. redact.Ungated loads them as
// before (greetsRuledOut says no), and TestGatesSame holds the outputs
// to it (178 of its transcripts have such a greeting ruled out: 160 an
// operator's, 16 a client's first sentence, 2 a mixed channel's), as
// TestGreetSkipShapes and TestGreetSkipRandom do on greetings written
// for it.

// greetAllowed are the roles a greeting's other words may have. (A
// trap word's, «назовите номер договора»: its cue event is a trap's,
// which asks nothing, so the greeting loaded alone loads no answer
// (scan.asks, loadAnswers); a trap keeps a number from being taken, and
// the name rules read no word of its role as a name's part.)
const greetAllowed = tStop | tOperator | tUnit | tDateWord | tGoOn | tConn | tFiller | tTrap

// greetMax is how many words a greeting ruled out may have, and
// greetBytes how long its text may be.
const (
	greetMax   = 24
	greetBytes = 320
)

// greetFill is what a first name is replaced by for segmentMay's answer
// on the rest: letters of no word, of no trigger's, surname's or
// patronymic's shape.
const greetFill = "ыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыы"

// greetsOut, once markSegments has marked every channel, unmarks the
// channels' first segments when they are all the call marks and
// greetsRuledOut rules each out (greetOnly): the marks are then those of
// a call that never marked them.
// On any other call this count is all the code the ruling costs.
func (cs *callScratch) greetsOut(chs []schemas.TranscriptChannel) {
	n := 0
	for ci, m := range cs.marked {
		if m > 1 || m == 1 && !cs.wants[ci][0] {
			return
		}
		n += m
	}
	if n == 0 || !cs.greetsRuledOut(chs) {
		return
	}
	for ci, m := range cs.marked {
		if m == 1 {
			cs.wants[ci][0] = false
			cs.wants[ci], cs.marked[ci] = nil, 0
			cs.spread[cs.offs[ci]] = false
		}
	}
}

// greetsRuledOut reports whether greetOnly rules out every channel's
// first segment that markSegments marked.
//
//go:noinline
func (cs *callScratch) greetsRuledOut(chs []schemas.TranscriptChannel) bool {
	if ungated || cs.english {
		return false // (a Russian word read with the English lexicon has no role)
	}
	for ci, m := range cs.marked {
		if m == 1 && !cs.greetOnly(chs, ci) {
			return false
		}
	}
	return true
}

// greetOnly reports whether the first segment of channel ci is a
// greeting greetsOut rules out, by its words.
func (cs *callScratch) greetOnly(chs []schemas.TranscriptChannel, ci int) bool {
	seg := &chs[ci].Segments[0]
	var g greeting
	if !g.read(seg) || !g.shaped(chs[ci].Role == schemas.RoleOperator) {
		return false
	}
	// The segment with its first names (and the «зовут» of «меня
	// зовут») replaced by greetFill's letters, as long, the rest as it
	// is: segmentMay's answer on the rest. (In the scratch's buffers:
	// segmentMay leaks its segment's words, and arrays here went to the
	// heap, an allocation a call.)
	if cs.greetText == nil {
		cs.greetText = make([]byte, greetBytes)
		cs.greetWords = make([]schemas.Word, greetMax)
	}
	text := cs.greetText
	var out schemas.Segment
	if len(seg.Words) > 0 {
		ws := cs.greetWords
		n := copy(ws, seg.Words)
		used := 0
		for i := 0; i < g.n; i++ {
			if r := g.raw[i]; g.name[i] {
				w := seg.Words[r.w].W
				if used+len(w) > len(text) {
					return false
				}
				t := text[used : used+copy(text[used:], w)]
				copy(t[r.from:r.to], greetFill)
				ws[r.w].W = unsafe.String(unsafe.SliceData(t), len(t))
				used += len(t)
			}
		}
		out.Words = ws[:n]
		return !segmentMay(&out)
	}
	t := text[:copy(text, seg.Text)]
	for i := 0; i < g.n; i++ {
		if r := g.raw[i]; g.name[i] {
			copy(t[r.from:r.to], greetFill)
		}
	}
	out.Text = unsafe.String(unsafe.SliceData(t), len(t))
	return !segmentMay(&out)
}

// greeting is a segment's words read for greetOnly: each folded into
// buf (at off, n bytes), and where its letters are in the segment.
type greeting struct {
	n     int
	off   [greetMax]uint16
	nb    [greetMax]uint8
	raw   [greetMax]struct{ w, from, to int32 } // the word's index in seg.Words (or -1) and its letters' bytes there
	name  [greetMax]bool                        // a first name, or «зовут» of «меня зовут»: replaced by greetFill
	roles [greetMax]trig                        // the word's roles (greetRoles)
	names int                                   // how many are first names
	buf   [greetBytes]byte
	used  int
}

// word is the i-th word, folded.
func (g *greeting) word(i int) string {
	return unsafe.String(&g.buf[g.off[i]], int(g.nb[i]))
}

// read reads the segment's words: false when one is no word of letters
// alone, or there are too many.
func (g *greeting) read(seg *schemas.Segment) bool {
	if len(seg.Words) > 0 {
		if len(seg.Words) > greetMax {
			return false
		}
		for j := range seg.Words {
			if !g.add(seg.Words[j].W, int32(j), 0) {
				return false
			}
		}
		return g.n > 0
	}
	s := seg.Text
	if len(s) > greetBytes {
		return false
	}
	off := 0
	for off < len(s) {
		i := spaceIndex(s[off:])
		end := len(s)
		if i >= 0 {
			end = off + i
		}
		if end > off && !g.add(s[off:end], -1, int32(off)) {
			return false
		}
		off = end + 1
	}
	return g.n > 0
}

// add adds one word (of seg.Words[j], or of the text at off): its
// letters, ASCII marks around them dropped, folded.
func (g *greeting) add(w string, j, off int32) bool {
	from, to := 0, len(w)
	for from < to && w[from] < 0x80 && separator(w[from]) {
		from++
	}
	for to > from && w[to-1] < 0x80 && separator(w[to-1]) {
		to--
	}
	if from == to || g.n == greetMax || to-from > 2*len(greetFill) || g.used+to-from > len(g.buf) {
		return false
	}
	// Copied, its first letter folded when a capital: a word with any
	// other capital or ё is read as no word of letters.
	if (to-from)%2 != 0 {
		return false
	}
	b := g.buf[g.used : g.used+copy(g.buf[g.used:], w[from:to])]
	if b[0] == 0xD0 && b[1] >= 0x90 && b[1] <= 0xAF {
		b[0], b[1] = foldCapital(b[1])
	}
	for i := 0; i < len(b); i += 2 {
		if !(b[i] == 0xD0 && b[i+1] >= 0xB0 && b[i+1] <= 0xBF || b[i] == 0xD1 && b[i+1] >= 0x80 && b[i+1] <= 0x8F) {
			return false // not a small Russian letter
		}
	}
	r := greetRoles(unsafe.String(unsafe.SliceData(b), len(b)))
	if r&tFirstName != 0 && r&^tFirstName == 0 && len(b) <= len(greetFill) {
		g.name[g.n] = true
		g.names++
	}
	g.roles[g.n] = r
	g.off[g.n], g.nb[g.n] = uint16(g.used), uint8(len(b))
	g.raw[g.n].w, g.raw[g.n].from, g.raw[g.n].to = j, off+int32(from), off+int32(to)
	g.used += len(b)
	g.n++
	return true
}

// greetRoles is a word's roles in the Russian lexicon.
func greetRoles(w string) trig {
	if sl := lexRU.slot(w); sl != nil {
		return sl.trig
	}
	return 0
}

// shaped reports whether the words have the shape greetOnly asks: first
// names, and words of the roles and shapes no name's rule reads.
func (g *greeting) shaped(operator bool) bool {
	if g.names == 0 {
		return false
	}
	roles := &g.roles
	prep := -10 // the last word of prepWords
	for i := 0; i < g.n; i++ {
		w, r := g.word(i), roles[i]
		if g.name[i] {
			if i-prep <= 3 {
				return false // bareSurname's, prepSurname's
			}
			continue
		}
		if operator && w == "зовут" && i > 0 && g.word(i-1) == "меня" && i+1 < g.n && g.name[i+1] {
			g.name[i] = true // the operator's «меня зовут»: replaced as a name is
			continue
		}
		if r&^greetAllowed != 0 {
			return false
		}
		if prepWord(w) {
			prep = i
		}
		next := i+1 < g.n && g.name[i+1]
		switch {
		case len(w) == 2 && i+1 < g.n && g.nb[i+1] == 2:
			return false // two letters: initials
		case next && w == "меня":
			return false
		case w == "вы" && i+1 < g.n && youSurnameMay(g.word(i+1)):
			return false
		}
		// A word of a function word's, the company's, a unit's or a
		// connective's role is no surname (surnameNotRoles) nor any
		// name's part: only the others' shapes are read. (A «-ук» case,
		// ukSurnameCase, is read only after a question for a name, and a
		// «-ский» alone, skiSurname, only after «я»: neither is there.)
		if r&surnameNotRoles == 0 && (surnameLike(w, r) || r == 0 && (turkicPatronymic(w) || next && (ikhSurname(w) || len(w) >= 10 && w[len(w)-1] == "ы"[1]) || inaSurnameCase(w) || patronymic(w))) {
			return false
		}
	}
	return true
}
