package redact

import (
	"strings"
	"unsafe"

	"github.com/callscope/callscope/schemas"
)

// The numbers' side of what loads a call that dictates nothing: a
// sentence the prefilter passes for its number words alone, none of
// which a rule can take as personal — an amount with its unit («двести
// рублей в месяц», «на вашем счёте триста рублей»), a duration or a time
// («тридцать секунд», «до шести вечера»), a tariff's name with a number,
// a contract's number of a few digits answering the other side's
// question by its trap word («назовите номер договора» — «восемь три два
// шесть»). Loaded, such a sentence is tokenized with the sentence before
// it and the other side's talk of the 10 s before it, the rules read
// them all, and every rule leaves them: numSkip rules it out before it is
// tokenized, from its words, a lexicon role a word, and the talk around
// it, as the rules read them:
//
//   - the sentence: no word the prefilter passes it for but its number
//     words (segmentMay's tests, a word at a time: a trigger word, a
//     patronymic's case, a word before a surname or a patronymic, whose
//     next word is no number; introMay); every other word of a
//     function's, a unit's, a trap word's or a connective's role, a cue
//     of a long number (a phone's, an INN's, a SNILS's, a passport's; a
//     card's or an account's only with a unit after every number:
//     cardEndSaid, accountEndSaid, quantityAfter), or of none and no
//     name's shape (looksLikeNamePart, patronymic: «ташматов шухром
//     рахимович на десять»); number words of units, tens and hundreds,
//     digits in groups of four at most, fewer than ten digits in all
//     (digitBound's count: no format types fewer, plainNumber), no
//     mobile's start (8 then 9), no «номер» (numberNamed), «пришёл»
//     (cameWord), «цифры» or a part's word (partCue), no digit's noun
//     («три семерки»), no pronoun right before a number («ему», «с»:
//     birthAfterPronoun), nor a word of no role (a street's: tripAddresses)
//     unless a sentence's mark ends it;
//   - its channel: no number in the sentence before it (joined runs,
//     groupCut) nor in any sentence of the 10 s either side (a zone
//     continued over sentences, numbersMay's count), no code's, CVV's or
//     part's cue in the 60 s before (ownCodeCue);
//   - the talk loading it would load (the sentence before it, the other
//     channels' sentences ending in the 10 s before either, the channel's
//     own in the 10 s before those: markSegments, markBefore) that the
//     prefilter does not load for words of its own: no question a rule
//     reads the answer of with no trigger word (an address's, a trip's),
//     no date's or mailbox's word, no patronymic, no role word before a
//     word that may be a name (introSlow's tests), no Latin word;
//   - every cue said in those or by the other side in the 14 s before the
//     sentence (otherCueBy): no code's, CVV's or part's cue, and every
//     other cue's type longer than the sentence's digits (fitsZone: the
//     zone fits none of them, classify types nothing by them; a cue of
//     the channel's own more than 3 s before it none: cueBefore); and a
//     cue, or a listener's «слушаю» (tGoOn), that only loading would add
//     reaches no other number in the 14 s after it (before it too, for
//     «слушаю»).
//
// Exact on a call where nothing is claimed: a rule claiming nothing on
// the call with such sentences put aside claims nothing with them read.
// Where anything is claimed, the echoes read every number said (a number
// read back, a date said again), so the call is redacted again with no
// sentence ruled out (redactOnce: numScratch.skipped). A call that
// dictates nothing is redacted once. TestGatesSame holds the outputs to
// those with no ruling (redact.Ungated). numSkip reads only calls the
// prefilter passes few sentences of (numSkipMost).

// numSkip reports whether segment k of channel ci, which segmentMay
// passes, is ruled out: loaded by number words alone, none personal.
func numSkip(chs []schemas.TranscriptChannel, ci, k int, ns0 *numScratch, offs []int) bool {
	if ungated {
		return false
	}
	segs := chs[ci].Segments
	seg := &segs[k]
	var ns numSentence
	// (Not on a mixed channel, whose own questions are the other side's:
	// shareCues.)
	if chs[ci].Role == schemas.RoleMixed || !ns.read(seg) || introMay(seg) {
		return false
	}
	// The sentence before it, which markSegments loads with it.
	p := k - 1
	for p >= 0 && wordless(&segs[p]) {
		p--
	}
	from := seg.Start
	if p >= 0 {
		from = min(from, segs[p].Start)
		// The words right before its first number when it opens with
		// one: the sentence before it's last (numberNamed, cameBefore,
		// «срок», a pronoun).
		if ns.opens && endsBad(&segs[p]) {
			return false
		}
	}
	// The sentence after it: a cue among the words after a number
	// (plainNumber reads three, over a sentence's end).
	next := k + 1
	for next < len(segs) && wordless(&segs[next]) {
		next++
	}
	// Every sentence numSkip reads around it, read once: what loading it
	// loads (ending from 20.5 s before the sentence before it on), the
	// reach of a cue that adds (14.5 s either side of those), the
	// channel's own minute before it.
	var near [48]contextAt
	n := 0
	for cj := range chs {
		own := cj == ci
		for j := range chs[cj].Segments {
			g := &chs[cj].Segments[j]
			if own && j == k || g.Start > seg.End+14.5 || g.End < from-35 && !(own && j < k && g.End >= seg.Start-60) {
				continue
			}
			if n == len(near) {
				return false
			}
			st := ns0.state[offs[cj]+j]
			a := &near[n]
			*a = contextAt{g: g, ch: cj, j: j, own: own, before: own && j < k, p: own && j == p, may: st == mayYes}
			n++
			// Read (once a call) where its words' roles are asked; a
			// sentence the prefilter passes not has no number.
			if st != mayNo || g.End >= from-20.5 && g.End <= seg.Start+0.5 || a.p || own && j == next || !own && g.End >= seg.Start-14.5 && g.Start <= seg.End+0.5 || a.before && g.End >= seg.Start-60 {
				a.info = ns0.context(chs, cj, j, offs)
			}
		}
	}
	cues := ns.cues
	// The sentences whose cue events (or a listener's «слушаю») only
	// loading adds: their reach is read below.
	var added [4]int
	nadded := 0
	if ns.cues != 0 {
		added[0], nadded = -1, 1
	}
	for i := range near[:n] {
		a := &near[i]
		g, c := a.g, &a.info
		loaded := g.End >= from-20.5 && g.End <= seg.Start+0.5 || a.p
		cueBy := !a.own && g.End >= seg.Start-14.5 && g.Start <= seg.End+0.5
		own60 := a.before && g.End >= seg.Start-60
		close := a.p || a.own && (a.before && g.End >= seg.Start-10 || !a.before && g.Start <= seg.End+10)
		if c.short && (loaded || cueBy || own60) || close && c.num || c.latin || a.own && a.j == next && (c.short || c.cues != 0) {
			return false
		}
		if !loaded && !cueBy {
			continue
		}
		if !(a.before && g.End+3 < seg.Start) {
			// (A cue of the channel's own more than 3 s before the
			// sentence types none of its numbers: cueBefore stops at
			// such a pause.)
			cues |= c.cues
		}
		if !loaded || c.num || a.may {
			// (A sentence the prefilter loads is loaded without it; a
			// number's is, or is ruled out by its own reading.)
			continue
		}
		if c.roles&contextBad != 0 || c.name || c.role && roleBeforeName(g) {
			return false
		}
		if c.cues != 0 || c.roles&tGoOn != 0 {
			if nadded == len(added) {
				return false
			}
			added[nadded] = i
			nadded++
		}
	}
	// The zone fits no cue's type said around it. (A card's or an
	// account's cue types four digits only in the sentence: right before
	// them, cardEndSaid, accountEndSaid; or with a part's word, which
	// none of these has: partCue.)
	if ns.cues&endCues != 0 && !ns.units {
		return false
	}
	for t := range numTypes {
		if 1<<t&endCues == 0 && cues&(1<<t) != 0 && ns.digits >= digitRange[t][0] {
			return false
		}
	}
	// A cue only loading adds reaches no other number it may type
	// (otherCueBy, and the words before a number on its own channel:
	// reachedSafe); a listener's word joins the dictations either side of
	// it.
	for _, i := range added[:nadded] {
		a, ca, ts, back := seg, ci, ns.cues, 0.5
		if i >= 0 {
			a, ca, ts = near[i].g, near[i].ch, near[i].info.cues
			if near[i].info.roles&tGoOn != 0 {
				back = 14.5
			}
		}
		for j := range near[:n] {
			if g := near[j].g; near[j].info.num && g.End >= a.Start-back && g.Start <= a.End+14.5 && (back > 0.5 || !reachedSafe(chs, ns0, offs, near[j].ch, near[j].j, ca, a, ts)) {
				return false
			}
		}
	}
	return true
}

// reachedSafe reports whether number sentence j of channel cj, which a
// cue of types ts said in segment a of channel ca reaches, is one such a
// cue types not: on the cue's own channel more than 3 s after it
// (cueBefore stops at the pause); or a sentence numSkip reads (its words'
// roles, no part's word), its digits fewer than every type's (fitsZone),
// no card's or account's cue among ts, no part's or code's cue in the
// sentence before it (partCue reads into it).
func reachedSafe(chs []schemas.TranscriptChannel, ns0 *numScratch, offs []int, cj, j, ca int, a *schemas.Segment, ts uint16) bool {
	g := &chs[cj].Segments[j]
	if cj == ca && a.End+3 < g.Start {
		return true
	}
	var gs numSentence
	if ts&endCues != 0 || !gs.read(g) {
		return false
	}
	for t := range numTypes {
		if ts&(1<<t) != 0 && gs.digits >= digitRange[t][0] {
			return false
		}
	}
	p := j - 1
	for p >= 0 && wordless(&chs[cj].Segments[p]) {
		p--
	}
	return p < 0 || !ns0.context(chs, cj, p, offs).short
}

// contextAt is a sentence read around the one numSkip rules on: on its
// channel (own), before it (before), the sentence right before it (p).
type contextAt struct {
	info           contextInfo
	g              *schemas.Segment
	ch, j          int // its channel and index
	own, before, p bool
	may            bool // segmentMay
}

// numSentence is what numSkip reads of the sentence it rules on.
type numSentence struct {
	numbers, digits int
	cues            uint16 // the long cues' types said, a bit each by typeIndex
	// units: every run of number words has a unit's word right after it
	// («рублей», «секунд», «вечера»; no verb of money): classify leaves
	// such a number whatever cue is near (quantityAfter).
	units bool
	// opens: its first word is a number word.
	opens bool
}

// sentenceRoles are the roles of a ruled-out sentence's words other than
// its number words (a cue only of a long number's type: read).
const sentenceRoles = tStop | tUnit | tTrap | tConn | tFiller | tTLD | tCue

// contextBad are the roles of a word that keeps the talk loading would
// add from being ruled out with the sentence: a question a rule reads the
// answer of with no trigger word of its own (an address's, a trip's), a
// date's words, a mailbox's parts. (A word of a trigger's role is in a
// sentence the prefilter loads, or in one a ruling of its own put aside;
// a role word, «я», «это», is read by roleBeforeName; a listener's
// «слушаю», «записываю» (tGoOn), which joins the other side's dictation
// over it, as a cue is: its reach.)
const contextBad = tAddrCue | tTrip | tSettle | tFlat | tMonth | tDateWord | tJoin | tDot | tAt | tEmailCue

// longCue reports whether a cue's type is one whose numbers are long
// (digitRange: a phone's, an INN's, a SNILS's, a passport's, which a
// shorter number fits not), or a card's or an account's, whose end of
// four digits is typed by the cue alone (cardEndSaid, accountEndSaid):
// read only where every number has a unit after it (numSentence.units).
func longCue(t Type) bool {
	switch t {
	case Phone, INN, SNILS, Passport, Card, Account:
		return true
	}
	return false
}

// endCues are the types of longCue whose short numbers a cue types.
var endCues = uint16(1<<typeIndex(Card) | 1<<typeIndex(Account))

// read reads the sentence's words; false when one is no word numSkip
// rules on, or one the prefilter passes the sentence for (segmentMay's
// tests, a word at a time, its number words put aside).
func (ns *numSentence) read(seg *schemas.Segment) bool {
	var r nsAhead
	r.seg = seg
	var buf [64]byte
	lead := byte(0)
	prevNum, prevOK := false, true
	ns.units = true
	for j := 0; ; j++ {
		raw, ok := r.at(j)
		if !ok {
			break
		}
		x := parseWord(raw, &buf)
		if x.w == "" {
			if x.odd {
				return false
			}
			continue
		}
		if n, first, num := x.number(); num {
			if j == 0 {
				ns.opens = true
			}
			if n == 0 || !prevOK {
				return false // a thousand, an ordinal, a digit's noun; a word of no role before it
			}
			if x.end {
				ns.units = false // (no word after it in its sentence)
			}
			ns.numbers++
			ns.digits += n
			if ns.digits >= formatDigits || lead == '8' && first == '9' {
				return false
			}
			lead = first
			prevNum = true
			continue
		}
		if x.odd || x.latin || wordOut(&x, raw) || prepLoads(x.w, &r, j) {
			return false
		}
		var roles trig
		if x.e != nil {
			roles = x.e.trig
		}
		if prevNum && (roles&tUnit == 0 || moneyVerbWord(x.w)) {
			ns.units = false
		}
		if roles&tCue != 0 {
			ns.cues |= 1 << typeIndex(x.e.cue)
		}
		// The word before a number: one of a role, or a sentence's end.
		prevOK = x.end || roles != 0 && !pronounBefore(x.w)
		prevNum = false
	}
	if prevNum {
		ns.units = false
	}
	return ns.numbers > 0 && ns.digits < formatDigits
}

// wordOut reports whether a word of a sentence other than a number word
// keeps numSkip from ruling it out: the prefilter passes the sentence
// for it (a trigger word, a word with a hyphen read in parts as textMay
// reads it, a patronymic's case), a role but a function word's, a
// unit's, a trap word's, a connective's or a long number's cue,
// «номер», «пришёл», a part's word, or no role and a name's shape (a
// surname's ending, a patronymic: «ташматов шухром рахимович на
// десять»).
//
//go:noinline
func wordOut(x *nsWord, raw string) bool {
	if mayTrigger(wordKey(x.w)) && triggerSet.slot(x.w) != nil || strings.IndexByte(x.w, '-') >= 0 && wordMaySlow(raw) || patronymicCaseMay(x.w) {
		return true
	}
	if x.e == nil {
		return looksLikeNamePart("ru", x.w, 0) || patronymic(x.w) || gluedNumbers(x.w)
	}
	roles := x.e.trig
	return roles&^sentenceRoles != 0 || roles&tCue != 0 && !longCue(x.e.cue) || numberNamed(x.w) || cameWord(x.w) || partWord(x.w) || isWord(x.w, "цифры", "цифр", "плюс", "ни", "но")
}

// gluedNumbers reports whether a word of no role opens with a cardinal
// number word glued to more (a recognizer's slip the number rule reads
// as its words: numberSlip, gluedNumberWords). (And «но», heard for
// «ноль» in a dictation, is no word of a ruled-out sentence: wordOut.)
func gluedNumbers(w string) bool {
	if len(w) < 12 || w[0] < 0x80 {
		return false
	}
	for p := len(w) - 6; p >= 6; p -= 2 {
		if e := lexRU.get(w[:p]); e != nil && e.trig&tNum != 0 && cardinal(e.num.kind) {
			return true
		}
	}
	return false
}

// prepLoads reports whether w, word j of the sentence, is a word before a
// surname or a patronymic that the prefilter passes the sentence for
// (prepSurnameMay, prepPatronymicMay), a number word after it put aside.
//
//go:noinline
func prepLoads(w string, r *nsAhead, j int) bool {
	if !prepWord(w) && w != "у" {
		return false
	}
	if next, ok := r.at(j + 1); ok && !numberRaw(next) && prepSurnameMay(w, next) {
		return true
	}
	for d := 2; d <= 3; d++ {
		if after, ok := r.at(j + d); ok && prepPatronymicMay(w, after) {
			return true
		}
	}
	return false
}

// endsBad reports whether a sentence ends in a word that has the number
// opening the next one read as more than a quantity: «номер»
// (numberNamed), «пришёл» and up to two words after it (cameBefore),
// «срок» (a card's expiry), a pronoun (birthAfterPronoun), «плюс».
func endsBad(seg *schemas.Segment) bool {
	// Its last three words as written, read from its end.
	var raws [3]string
	n := 0
	if ws := seg.Words; len(ws) > 0 {
		for ; n < 3 && n < len(ws); n++ {
			raws[n] = ws[len(ws)-1-n].W
		}
	} else {
		t := seg.Text
		for n < 3 && t != "" {
			i := strings.LastIndexByte(t, ' ')
			if w := t[i+1:]; w != "" {
				raws[n] = w
				n++
			}
			t = t[:max(i, 0)]
		}
	}
	var bufs [3][64]byte
	var ws [3]nsWord
	for i := range n {
		ws[i] = parseWord(raws[i], &bufs[i])
	}
	w := ws[0].w
	return n > 0 && (ws[0].e != nil && ws[0].e.trig&(tExpiry|tCue) != 0 || numberNamed(w) || cameWord(w) || pronounBefore(w) || w == "плюс" || w == "я" ||
		cameBetween(w) && (cameWord(ws[1].w) || cameBetween(ws[1].w) && cameWord(ws[2].w)))
}

// pronounBefore: a pronoun or «с» right before a number says whose
// birth it may be (birthAfterPronoun).
//
//go:noinline
func pronounBefore(w string) bool {
	return isWord(w, "с", "со", "ему", "ей", "мне", "он", "она")
}

// nsAhead reads a segment's words as written as far as asked, the last
// four kept.
type nsAhead struct {
	nsReader
	raws [4]string
	n    int
	done bool
}

// at returns word j (j not below the fourth last read); false past the
// last.
//
//go:noinline
func (r *nsAhead) at(j int) (string, bool) {
	for !r.done && r.n <= j {
		raw, ok := r.nextRaw()
		if !ok {
			r.done = true
			break
		}
		r.raws[r.n%4] = raw
		r.n++
	}
	if j >= r.n {
		return "", false
	}
	return r.raws[j%4], true
}

// numberRaw reports whether a raw word reads as a number word.
func numberRaw(raw string) bool {
	var buf [64]byte
	x := parseWord(raw, &buf)
	_, _, num := x.number()
	return num
}

// moneyVerbWord is moneyVerb's word: a unit's role, but a card's end may
// come before it.
//
//go:noinline
func moneyVerbWord(w string) bool {
	return isWord(w, "списано", "списали", "списалось", "зачислено", "оплачено", "поступило", "переведено")
}

// contextInfo is what numSkip reads of a sentence around the one it
// rules on.
type contextInfo struct {
	roles trig
	cues  uint16 // long cues' types
	// short: a cue of a code's, a CVV's or a part's («последние»,
	// «цифры»), or of no long number's type; num: a number word or a
	// digit; role: «я» or «это»; latin: a word in Latin letters; name: a
	// word of no role that is a patronymic («рахимович»: the names'
	// family opens on it, patronymicSaid, and reads the name before it).
	short, num, role, latin, name bool
}

// readContext reads a sentence's words' roles, cues and numbers.
func readContext(seg *schemas.Segment) (c contextInfo) {
	var r nsReader
	r.seg = seg
	for x, ok := r.next(); ok; x, ok = r.next() {
		if x.digit {
			c.num = true
		}
		if x.latin {
			c.latin = true
		}
		if x.w == "" {
			continue
		}
		if x.e == nil {
			c.name = c.name || patronymic(x.w)
			continue
		}
		e := x.e
		c.roles |= e.trig
		if e.trig&tNum != 0 && runStarts&(1<<e.num.kind) != 0 || x.w == "плюс" {
			c.num = true
		}
		if e.trig&tRole != 0 {
			c.role = true
		}
		if e.trig&tCue != 0 {
			if !longCue(e.cue) || partWord(x.w) || isWord(x.w, "цифры", "цифр") {
				c.short = true
			} else {
				c.cues |= 1 << typeIndex(e.cue)
			}
		}
	}
	return c
}

// roleBeforeName reports whether a role word of the sentence («я»,
// «это») has a word after it that may be a name's, as introSlow reads one
// opening a sentence: a surname by its ending or a patronymic in the two
// words after «я», a name's part after «это».
func roleBeforeName(seg *schemas.Segment) bool {
	var r nsReader
	r.seg = seg
	var x nsWord
	// The last three words, folded, each in a buffer of its own.
	var bufs [3][64]byte
	var lens [3]int
	word := func(k int) string { return unsafe.String(&bufs[k%3][0], lens[k%3]) }
	n := 0
	for {
		var more bool
		x, more = r.next()
		if more {
			if len(x.w) > 64 {
				return true
			}
			lens[n%3] = copy(bufs[n%3][:], x.w)
			n++
		}
		// The word two before the last read (or before the end) and the
		// two after it.
		k := n - 3
		if !more {
			k = n - 2
		}
		if k >= 0 && k < n {
			next, after := "", ""
			if k+1 < n {
				next = word(k + 1)
			}
			if k+2 < n {
				after = word(k + 2)
			}
			switch word(k) {
			case "я":
				if selfSurnameMay(next) || koreanShortSurname(next) || next != "" && patronymic(next) || after != "" && patronymic(after) {
					return true
				}
			case "это":
				var roles trig
				if e := lexRU.get(next); e != nil {
					roles = e.trig
				}
				if next != "" && (looksLikeNamePart("ru", next, roles) || koreanShortSurname(next)) {
					return true
				}
			}
		}
		if !more {
			return false
		}
	}
}

// nsWord is a word as numSkip reads it.
type nsWord struct {
	raw string
	w   string // folded, marks around it dropped; "" for none
	e   *lexEntry
	// end: a sentence's mark after it; digit: a digit in it; digits: it
	// is ASCII digits alone; odd: ASCII inside it but digits alone or a
	// hyphen; latin: Latin letters in it.
	end, digit, digits, odd, latin bool
}

// number reads a word as a number word: n digits at most (digitBound's
// count), its first digit; n is 0 for a number word numSkip does not
// read (a thousand, an ordinal, a group of five digits or more).
func (x *nsWord) number() (n int, first byte, num bool) {
	if x.digits {
		if len(x.w) > 4 {
			return 0, 0, true
		}
		return len(x.w), x.w[0], true
	}
	if x.e == nil || x.e.trig&tNum == 0 {
		return 0, 0, false
	}
	if digitNoun(x.w) {
		return 0, 0, true // a count before it is that many digits
	}
	v := x.e.num.val
	switch x.e.num.kind {
	case nkUnit:
		return 1, leadDigit(v), true
	case nkTeen, nkTens:
		return 2, leadDigit(v), true
	case nkHundred:
		return 3, leadDigit(v), true
	}
	return 0, 0, true
}

// nsReader reads a segment's words: its recognizer's words, or its text
// split at spaces.
type nsReader struct {
	seg *schemas.Segment
	j   int
	s   string
	buf [64]byte
}

// next reads the next word; false after the last.
func (r *nsReader) next() (nsWord, bool) {
	raw, ok := r.nextRaw()
	if !ok {
		return nsWord{}, false
	}
	return parseWord(raw, &r.buf), true
}

// nextRaw returns the next word as written; false after the last.
func (r *nsReader) nextRaw() (string, bool) {
	var raw string
	if len(r.seg.Words) > 0 {
		if r.j >= len(r.seg.Words) {
			return "", false
		}
		raw = r.seg.Words[r.j].W
		r.j++
		return raw, true
	} else {
		if r.j == 0 {
			r.s, r.j = r.seg.Text, 1
		}
		for raw == "" {
			if r.s == "" {
				return "", false
			}
			if i := spaceIndex(r.s); i >= 0 {
				raw, r.s = r.s[:i], r.s[i+1:]
			} else {
				raw, r.s = r.s, ""
			}
		}
	}
	return raw, true
}

// parseWord reads raw, folding it into buf.
func parseWord(raw string, buf *[64]byte) (x nsWord) {
	x.raw = raw
	w := raw
	for len(w) > 0 && w[len(w)-1] < 0x80 && separator(w[len(w)-1]) {
		if c := w[len(w)-1]; c == '.' || c == '!' || c == '?' {
			x.end = true
		}
		w = w[:len(w)-1]
	}
	for len(w) > 0 && w[0] < 0x80 && separator(w[0]) {
		x.odd = true // «(495)», «+7», a quote
		w = w[1:]
	}
	digits := false
	if !allHigh(w) {
		// (Most words are letters outside ASCII alone: allHigh reads
		// eight bytes at a time.)
		digits = len(w) > 0
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= 0x80 {
				digits = false
				continue
			}
			switch {
			case c >= '0' && c <= '9':
				x.digit = true
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
				x.latin, digits = true, false
			case c == '-':
				digits = false
			default:
				x.odd, digits = true, false
			}
		}
	}
	if x.digit && !digits {
		x.odd = true // «8-916», «5а»
	}
	if w == "" || len(w) > len(buf) {
		x.odd = x.odd || w != ""
		return
	}
	if digits {
		x.digits, x.w = true, w
		return
	}
	x.w = w
	if w[0] == 0xD0 && len(w) > 1 && w[1] < 0xB0 || x.latin || strings.IndexByte(w, 0x91) >= 0 {
		// A capital first (or Latin), or «ё» (D1 91; «Б», D0 91, with
		// it): folded. Most words are small letters already.
		b := appendFolded(buf[:0], w)
		x.w = unsafe.String(unsafe.SliceData(b), len(b))
	}
	x.e = lexRU.get(x.w)
	return
}

// numScratch is numSkip's part of a call's scratch: what the prefilter
// says of each segment (by callScratch.offs), once numSkip has ruled.
type numScratch struct {
	state   []uint8 // mayYes, mayNo, ruledOut, or 0: not read yet (segmentMay)
	skipped bool    // a sentence was ruled out
	off     bool    // none is: a call redacted again
	// again: rule has read the call (may reads the answers noted); n: the
	// sentences may passed before; spread: the channels whose marked
	// segments have marked the other side's before them (spreadTo: the
	// marking spreads none until it has passed more than numSkipMost, or
	// numsOut has ruled).
	again     bool
	n, spread int
	// ctx: each segment's contextInfo once read (numSkip), read: whether
	// it is.
	ctx  []contextInfo
	read []bool
}

const (
	mayNo = 1 + iota
	mayYes
	ruledOut // segmentMay passes it, numSkip rules it out
)

// context is readContext of segment j of channel cj, read once a call.
func (ns *numScratch) context(chs []schemas.TranscriptChannel, cj, j int, offs []int) contextInfo {
	i := offs[cj] + j
	if !ns.read[i] {
		ns.ctx[i], ns.read[i] = readContext(&chs[cj].Segments[j]), true
	}
	return ns.ctx[i]
}

// numSkipMost is the most sentences the prefilter passes of a call whose
// number sentences numSkip reads: it reads the talk around each (some
// hundred code lines a call reads from memory), and a call the
// prefilter passes more of dictates, as a rule, and is redacted again
// as soon as anything is claimed. (A cost gate alone: a sentence not
// ruled out is read as ever.)
const numSkipMost = 4

// reset readies the scratch for a call of n segments.
func (ns *numScratch) reset(n int) {
	if cap(ns.state) < n {
		ns.state = make([]uint8, n)
	}
	ns.state = ns.state[:n]
	clear(ns.state)
	ns.skipped, ns.off, ns.again, ns.n, ns.spread = false, false, false, 0, 0
}

// numsOut, once markPass has marked the call, rules out the number
// sentences numSkip takes on a call whose marking passed numSkipMost
// sentences at most, and marks the call again without them (or, with
// none ruled out, spreads the marks: spreadTo). A call the marking passed
// more of pays this count alone: the ruling's pass is folded into the
// marking's (may).
func (cs *callScratch) numsOut(chs []schemas.TranscriptChannel) {
	if n := cs.nums.n; n <= numSkipMost {
		if n > 0 && cs.nums.rule(chs, cs.offs) {
			cs.remark(chs)
			return
		}
		cs.spreadTo(chs, len(chs)-1)
	}
}

// remark marks the call again, from the answers noted (may).
//
//go:noinline
func (cs *callScratch) remark(chs []schemas.TranscriptChannel) {
	clear(cs.flags)
	clear(cs.marked)
	clear(cs.wants)
	cs.nums.again, cs.nums.spread = true, 0
	cs.markPass(chs)
}

// rule reads what the prefilter says of each segment the marking skipped
// (its answers on the others noted by may), and rules out the number
// sentences numSkip takes, on a call the prefilter passes numSkipMost
// sentences of at most; true when it rules out any. After it, may reads
// the answers noted.
//
//go:noinline
func (ns *numScratch) rule(chs []schemas.TranscriptChannel, offs []int) bool {
	ns.again = true
	if ns.off || ungated {
		ns.again = false
		return false
	}
	var at [numSkipMost][2]int
	n := 0
	for ci := range chs {
		segs := chs[ci].Segments
		for k := range segs {
			i := offs[ci] + k
			if ns.state[i] == 0 {
				ns.state[i] = mayNo
				if segmentMay(&segs[k]) {
					ns.state[i] = mayYes
				}
			}
			if ns.state[i] == mayYes {
				if n < len(at) {
					at[n] = [2]int{ci, k}
				}
				n++
			}
		}
	}
	if n == 0 || n > len(at) {
		return false
	}
	ns.ruleOut(chs, offs, at[:n])
	return ns.skipped
}

// ruleOut rules out the sentences at (channel, segment) numSkip takes.
// (Code of its own: a call the prefilter passes more sentences of reads
// none of it.)
func (ns *numScratch) ruleOut(chs []schemas.TranscriptChannel, offs []int, at [][2]int) {
	if nseg := len(ns.state); cap(ns.read) < nseg {
		ns.ctx, ns.read = make([]contextInfo, nseg), make([]bool, nseg)
	}
	ns.ctx, ns.read = ns.ctx[:len(ns.state)], ns.read[:len(ns.state)]
	clear(ns.read)
	for _, a := range at {
		if numSkip(chs, a[0], a[1], ns, offs) {
			ns.state[offs[a[0]]+a[1]] = ruledOut
			ns.skipped = true
		}
	}
}

// may is segmentMay of segment k of channel ci (off: the channel's first
// segment's index), its answer noted and the sentences it passes
// counted; once rule has read the call, the answer noted, but for a
// sentence ruled out.
func (ns *numScratch) may(chs []schemas.TranscriptChannel, ci, k, off int) bool {
	if ns.again {
		return ns.state[off+k] == mayYes
	}
	if segmentMay(&chs[ci].Segments[k]) {
		ns.state[off+k] = mayYes
		ns.n++
		return true
	}
	ns.state[off+k] = mayNo
	return false
}
