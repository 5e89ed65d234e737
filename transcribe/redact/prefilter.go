package redact

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unsafe"

	"github.com/callscope/callscope/schemas"
)

// The fast path: most segments of a call have no digit, no @ and no word
// a rule can start from (a number word, «зовут», «улица», «собака»...),
// and are not tokenized at all. A segment is looked at through a bitset
// keyed by each word's length and first and last four bytes; a false
// positive only costs the full scan of that segment.

// filterLog: the filter has 8 Kbit (1 KB, 16 cache lines) for the 1,441
// trigger words (session 9; 1,197 at its start), 1,252 bits set, so
// about 15 % of the words that are none get through to triggerSet.
// Small on purpose: between two calls the stage's work evicts it, and a
// call reads a bit of it for nearly every word; of 64 Kbit (128 lines)
// nearly every word of a short call read a line from memory. 16 Kbit
// (callgrind, caches emptied before each call): the 5-minute call 6 %
// fewer instructions and 7 % fewer data lines from memory, the demo
// calls 1.5 % fewer instructions but 7 % more data lines from memory
// (the filter's), the PII calls the same: not taken.
const filterLog = 13

var triggerBits [1 << filterLog / 64]uint64

// mayTrigger reports whether the filter has the bit of a word's key
// (wordKey's top bits).
func mayTrigger(key uint64) bool {
	k := uint32(key >> (64 - filterLog))
	return triggerBits[k/64]&(1<<(k%64)) != 0
}

// triggerSet confirms a bit: the words themselves (both languages').
var triggerSet *lexTable

// startTriggers are the roles that can start a detection: cue words alone
// cannot (they need a number after them). «срок» (tExpiry) asks the other
// side for a card's expiry: a question read alone («а срок»).
const startTriggers = tAt | tNameCue | tNameQ | tStreet | tHouse | tBirth | tFirstName | tEmailCue | tKin | tNameForm | tExpiry

func init() {
	set := map[string]*lexEntry{}
	for _, lex := range lexicon {
		for w, e := range lex {
			cardinal := e.trig&tNum != 0 && e.num.kind != nkOrdinal && e.num.kind != nkOrdTens && e.num.kind != nkOrdThous
			// «беспокоит»: «петрова беспокоит», the client introducing
			// themselves with no other trigger word (the name rule's
			// own role word, not a start trigger otherwise).
			// A title: «гражданка тхай лан ань» (title).
			// «кодовое (слово)»: a code word said alone after it, or its
			// question, with no number near (codeWords).
			if cardinal || e.trig&startTriggers != 0 || w == "беспокоит" || title(w) || codeWordCue(w) {
				k := uint32(wordKey(w) >> (64 - filterLog))
				triggerBits[k/64] |= 1 << (k % 64)
				set[w] = e
			}
		}
	}
	triggerSet = newLexTable(set)
	for _, w := range prepWords {
		if triggerSet.slot(w) != nil || !prepWord(w) {
			panic("redact: «" + w + "» of prepWords is a trigger word, or prepWord misses it")
		}
		k := uint32(wordKey(w) >> (64 - filterLog))
		triggerBits[k/64] |= 1 << (k % 64)
	}
	// segmentMay takes a form of «линия» as one without a lookup.
	for _, w := range []string{"линия", "линии", "линию"} {
		if !lineWord10(w) || triggerSet.slot(w) == nil {
			panic("redact: «" + w + "» is no trigger word or lineWord10 misses it")
		}
	}
}

// wordKey hashes a lower-case word by its byte length and its first and
// last four bytes (two Cyrillic letters each): two loads, two
// multiplications. The filter takes its top filterLog bits.
func wordKey(w string) uint64 {
	n := len(w)
	var a, b uint64
	if n >= 4 {
		p := unsafe.Pointer(unsafe.StringData(w))
		a = uint64(*(*uint32)(p))
		b = uint64(*(*uint32)(unsafe.Add(p, n-4)))
	} else {
		for i := 0; i < n; i++ {
			a |= uint64(w[i]) << (8 * i)
		}
	}
	return (a|uint64(n)<<32)*0x9E3779B97F4A7C15 ^ b*0xC2B2AE3D27D4EB4F
}

// isTrigger reports whether the word s[from:to] is a trigger word.
func isTrigger(s string, from, to int) bool {
	w := s[from:to]
	if c := w[0]; c >= 'A' && c <= 'Z' || c == 0xD0 && len(w) > 1 && (w[1] >= 0x90 && w[1] <= 0xAF || w[1] == 0x81) || c == 0xD1 && len(w) > 1 && w[1] == 0x91 {
		// Folded on the stack: a capitalized word («Анна», the first word
		// of a sentence) costs no allocation.
		var buf [64]byte
		b := appendFolded(buf[:0], w)
		return mayTrigger(wordKey(unsafe.String(unsafe.SliceData(b), len(b)))) && triggerSet.has(b)
	}
	return mayTrigger(wordKey(w)) && triggerSet.slot(w) != nil
}

// segmentMay reports whether a segment may hold personal data. A form
// of «линия» is a trigger word (a street's word) that loads its segment
// only when one of the four words after it may be a plot's word
// (plotAfter): the address rule takes a «линия» only with a house's word
// (a trigger of its own) or a plot's word among the four tokens after it
// in its segment (lineStreet), and «оставайтесь на линии», «горячая
// линия», «авария на линии» are said in most calls. Loaded, every segment
// with one (and the one before it, and the other side's talk of the 10 s
// before it) was tokenized for nothing: a call whose talk has «линия» in
// every other turn cost 12 times as much (BenchmarkRedactShare
// five_minute).
func segmentMay(seg *schemas.Segment) bool {
	if len(seg.Words) == 0 {
		// Split the text at spaces (IndexByte is vectorized) and look at
		// each word as at a recognizer's word.
		s := seg.Text
		for len(s) > 0 {
			w := s
			if i := spaceIndex(s); i >= 0 {
				w, s = s[:i], s[i+1:]
			} else {
				s = ""
			}
			if plainWord(w) {
				if !plainMay(w) {
					if patronymicTailMay(w) && patronymicCaseSlow(w) {
						return true
					}
					continue
				}
				if prepWord(w) {
					if prepSurnameMay(w, firstWord(s)) || prepPatronymicInText(w, s) {
						return true
					}
				} else if triggerSet.slot(w) != nil && (!lineWord(w) || plotInText(s)) || patronymicCaseMay(w) {
					return true
				}
				continue
			}
			if w == "" {
				continue
			}
			if textWordMay(w) && (!lineForm(w) || plotInText(s)) || w == "у" && (prepSurnameMay(w, firstWord(s)) || prepPatronymicInText(w, s)) {
				return true
			}
		}
		return introMay(seg)
	}
	for j := plainSkip(seg.Words, 0); j < len(seg.Words); j = plainSkip(seg.Words, j+1) {
		w := seg.Words[j].W
		if plainWord(w) {
			// Its filter bit is set, or its ending may be a patronymic's
			// (plainSkip). A form of «линия» is a
			// trigger word (init): not looked up.
			if lineWord10(w) {
				if plotInWords(seg.Words[j+1:]) {
					return true
				}
				continue
			}
			// (A word of prepWords is no trigger word (init): its next
			// word is read, and the lookup is spared.)
			if prepWord(w) {
				if j+1 < len(seg.Words) && prepSurnameMay(w, seg.Words[j+1].W) || prepPatronymicInWords(w, seg.Words[j+1:]) {
					return true
				}
				continue
			}
			if triggerSet.slot(w) != nil || patronymicCaseMay(w) {
				return true
			}
			continue
		}
		if w != "" && (wordMay(w) && (!lineForm(w) || plotInWords(seg.Words[j+1:])) || w == "у" && (j+1 < len(seg.Words) && prepSurnameMay(w, seg.Words[j+1].W) || prepPatronymicInWords(w, seg.Words[j+1:]))) {
			return true
		}
	}
	return introMay(seg)
}

// prepWords are the words before a surname said alone (bareSurname: «на
// мельникову», «от аракелян», «передайте сорокину»), whose filter bits
// are set (init) though they are no trigger words: a segment with one
// is loaded when the word after it may be a surname (prepSurnameMay).
// «у» is shorter than a plainWord and is compared as it is.
var prepWords = []string{"на", "у", "от", "для", "передайте",
	// «я насчёт коршуновой», «по поводу хабибуллина рината», «вместо
	// тарасовой», «получаю за шевчук» (causes block PT).
	"насчет", "насчёт", "вместо", "поводу", "за",
	// «вы кудрявцева», «вы шамсутдинов верно» (surnameAfterYou, causes
	// block PU).
	"вы",
	// «какой-то захаров», «некой гусейновой» (causes block OX); not «то»
	// of «какой то» written apart: said in most sentences («что то», «то
	// есть»), its bit cost every call more than the rest of the rule.
	"какой-то", "какого-то", "какому-то", "какую-то", "какая-то", "кто-то", "некий", "некоего", "некоему", "некая", "некой", "некую", "некоей"}

// prepSurnameMay reports whether w is one of prepWords and next, the word
// after it, may be a surname bareSurname takes: its endings, by their
// bytes (a superset: the rule decides).
func prepSurnameMay(w, next string) bool {
	if len(next) < 8 {
		// (A Korean surname: koreanNameNamed reads its syllables after
		// it, «от цой ен сук», causes block PS.)
		return len(next) >= 6 && w != "передайте" && w != "вы" && koreanShortSurname(next)
	}
	switch i := prepIndex(w); {
	case i == prepYou:
		return youSurnameMay(next)
	case i >= 0 && i < prepYou: // «на», «у», «от» ... «за»
		return strongSurnames.of(next, 6) || len(next) >= 12 && surnameCaseEnding(next) || w != "на" && w != "передайте" && len(next) >= 14 && womanCaseEnding(next) && !adjectiveAlone(next) ||
			w != "у" && skiSurnameCase(next) // «на жуковскую» (causes block PW)
	case i > prepYou: // «какой-то» ... «некоей»
		return surnames.of(next, 6) // a surname in any case
	}
	return false
}

// patronymicTailMay and patronymicCaseSlow report together whether w, a
// word of a segment, may be a patronymic in an oblique case by its
// ending: «валентиновичу», «фанисовичем», «ильдаровича», «маратовне»,
// «андреевну», «ильиничной». The prefilter's name trigger for a full name
// in an oblique case after a word that is none of prepWords («договор с
// назаровой верой ильиничной», «по поручению клиента гарипова рустама
// ильдаровича», «позвоните мухину роману валентиновичу»), whose first
// name is a common word («верой», «роману») or one no list has in that
// case («рустама»), so that nothing else loads its sentence (causes
// block RT). Most words are answered by patronymicTailMay's bit (inlined
// in segmentMay's loop over a text's words that no filter bit loads);
// patronymicCaseSlow reads the rest.

// patronymicCaseMay is patronymicTailMay and patronymicCaseSlow, for the
// words the filter lets through and plainSkip's stops: not inlined, so
// that segmentMay's code stays as short (a call reads it from memory).
//
//go:noinline
func patronymicCaseMay(w string) bool {
	return patronymicTailMay(w) && patronymicCaseSlow(w)
}

// patronymicCaseSlow is the test past patronymicTailMay: a stem
// of three letters at least (not «уровне»), not «деревне» nor the
// commonest adjectives of a patronymic's ending («основной»,
// «ежедневной»; others load their sentence: a superset, the rules
// decide); a patronymic in «-ична» has «-инична», «-итична» (ильинична,
// фоминична, никитична), so «личной», «отличной», «типичной» are none.
// Of the written sets' words of these endings, 99 are patronymics in
// names' spans, 18 patronymics outside one (a staff member's, mostly)
// and 8 other words («деревне» 3, «основной» 3, «кузовной», «дневной»).
func patronymicCaseSlow(w string) bool {
	for _, e := range patronymicCaseEnds {
		if !strings.HasSuffix(w, e) {
			continue
		}
		stem := w[:len(w)-len(e)]
		if len(stem) < len("юрь") || isWord(w, "деревне", "основной", "кузовной", "уголовной", "условной", "любовной", "духовной", "ежедневной", "душевной") {
			return false
		}
		if strings.HasPrefix(e, "ич") {
			return strings.HasSuffix(stem, "ин") || strings.HasSuffix(stem, "ит") || strings.HasSuffix(stem, "вв")
		}
		return true
	}
	return false
}

// patronymicCaseEnds are the endings patronymicCaseSlow reads.
var patronymicCaseEnds = []string{"овича", "евича", "овичу", "евичу", "овичем", "евичем",
	"овны", "евны", "овне", "евне", "овну", "евну", "овной", "евной", "ичны", "ичне", "ичну", "ичной"}

// patronymicEnds has a bit for each last two letters of
// patronymicCaseEnds (patronymicEndKey: «чу», «ча», «ем», «ны», «не»,
// «ну», «ой»), patronymicTails for each last four (patronymicTailKey:
// «вичу», «ичем», «овне», «вной», «ичну»...).
var patronymicEnds, patronymicTails = func() (ends [4]uint64, tails [16]uint64) {
	for _, e := range patronymicCaseEnds {
		k := patronymicEndKey(e[len(e)-4:])
		ends[k>>6] |= 1 << (k & 63)
		t := patronymicTailKey(e[len(e)-8:])
		tails[t>>6] |= 1 << (t & 63)
	}
	return
}()

// patronymicEndKey files a word's last four bytes (two Cyrillic letters)
// into one of 256 bits. The multiplier sends none of the other last two
// letters of the written sets' words of seven letters or more to the
// seven endings' bits (a random one sent 3 % of the words there).
func patronymicEndKey(last4 string) uint8 {
	b := uint64(*(*uint32)(unsafe.Pointer(unsafe.StringData(last4))))
	return uint8(b * patronymicEndMul >> 56)
}

const patronymicEndMul = 0x4D3AACF77203C4B7

// patronymicTailKey files a word's last eight bytes (four Cyrillic
// letters) into one of 1024 bits. The multiplier sends 0.1 % of the
// written sets' other words of seven letters or more to the fourteen
// tails' bits (a random one some 2 %).
func patronymicTailKey(last8 string) uint16 {
	b := *(*uint64)(unsafe.Pointer(unsafe.StringData(last8)))
	return uint16(b * 0x9C6CA256A8807399 >> 54)
}

// patronymicTailMay reports whether w has 14 bytes or more (seven
// Cyrillic letters) and its last four letters' bit in patronymicTails.
func patronymicTailMay(w string) bool {
	if len(w) < 14 {
		return false
	}
	k := patronymicTailKey(w[len(w)-8:])
	return patronymicTails[k>>6]>>(k&63)&1 != 0
}

// prepWord reports whether w is one of prepWords.
func prepWord(w string) bool { return prepIndex(w) >= 0 }

// prepYou is the index of «вы» in prepWords: the words before it take a
// surname in the case they ask for, those after it one in any case
// (prepSurnameMay).
const prepYou = 10

// prepSlots holds prepWords by their key (wordKey's top six bits, then
// the next slot): 1 + the word's index, 0 for an empty slot. A lookup is
// a key and a compare or two; a switch over the 24 words was some 2.5 KB
// of comparisons inlined in segmentMay, of which a call read some 18
// lines from memory (callgrind, BenchmarkColdCalls/plain).
var prepSlots = func() (t [64]uint8) {
	if prepWords[prepYou] != "вы" {
		panic("redact: prepWords[prepYou] is not «вы»")
	}
	for k, w := range prepWords {
		i := wordKey(w) >> 58
		for t[i] != 0 {
			i = (i + 1) & 63
		}
		t[i] = uint8(k + 1)
	}
	return t
}()

// prepIndex is w's index in prepWords, or -1.
func prepIndex(w string) int {
	for i := wordKey(w) >> 58; ; i = (i + 1) & 63 {
		k := prepSlots[i]
		if k == 0 {
			return -1
		}
		if p := prepWords[k-1]; len(p) == len(w) && p == w {
			return int(k - 1)
		}
	}
}

// surnameCaseEnding reports whether w ends in «-ова», «-ева», «-ина»,
// «-ына» or «-ову», «-еву», «-ину», «-ыну» (caseSurname's endings).
func surnameCaseEnding(w string) bool {
	n := len(w)
	if n < len("ова") {
		return false
	}
	if last := w[n-2:]; last != "а" && last != "у" {
		return false
	}
	switch w[n-6 : n-2] {
	case "ов", "ев", "ёв", "ин", "ын":
		return true
	}
	return false
}

// firstWord returns the text's first word (up to a space).
func firstWord(s string) string {
	if i := spaceIndex(s); i >= 0 {
		return s[:i]
	}
	return s
}

// plainSkip returns the index of the first of ws from j on that is not a
// plainWord whose filter bit is clear (plainMay) and whose last two
// letters end no patronymic in an oblique case (patronymicEnds), or
// len(ws): the words
// segmentMay passes at once (nearly every word of a recognizer's output),
// passed in a loop of their own, with no call in it (the words' slices
// and the constants stay in registers) and one branch a word, on the
// answer, not on each of its tests (a branch on each was mispredicted at
// random words: callgrind, BenchmarkColdCalls/demo5).
func plainSkip(ws []schemas.Word, j int) int {
	for ; j < len(ws); j++ {
		w := ws[j].W
		n := len(w)
		if n < 4 {
			return j
		}
		p := unsafe.Pointer(unsafe.StringData(w))
		a := uint64(*(*uint32)(p))
		b := uint64(*(*uint32)(unsafe.Add(p, n-4)))
		// Not plain: the last byte in ASCII, the first not D0 or D1, or
		// the second not that of a small letter but ё (plainSecond);
		// each test a bit of stop.
		f := a&1<<8 | a>>8&0xFF
		stop := (b >> 31) ^ 1 | ((a|1)&0xFF ^ 0xD1) | ^(plainSecond[f>>6]>>(f&63))&1
		k := uint32(((a|uint64(n)<<32)*0x9E3779B97F4A7C15 ^ b*0xC2B2AE3D27D4EB4F) >> (64 - filterLog))
		// A word of 14 bytes or more whose last two letters may end a
		// patronymic in an oblique case (patronymicEnds; segmentMay asks
		// patronymicTailMay and patronymicCaseSlow).
		e := uint8(b * patronymicEndMul >> 56)
		stop |= uint64(13-n) >> 63 & (patronymicEnds[e>>6] >> (e & 63))
		if stop|triggerBits[k/64]>>(k%64)&1 != 0 {
			return j
		}
	}
	return j
}

// lineForm reports whether w, a word wordMay answered yes, is a form of
// «линия» and nothing else: capitalized, or with punctuation marks after
// it («Линия», «линии.»). A word with anything else in it («линии/дом»)
// is not: it loads its segment, as any trigger.
func lineForm(w string) bool {
	for len(w) > 0 && w[len(w)-1] < 0x80 && separator(w[len(w)-1]) {
		w = w[:len(w)-1]
	}
	if len(w) != len("линия") || w[0] != 0xD0 || w[1] != 0xBB && w[1] != 0x9B {
		return false // not л or Л first
	}
	var b [len("линия")]byte
	copy(b[:], w)
	b[1] = 0xBB
	return lineWord(string(b[:]))
}

// plotInText reports whether a plot's word (plotWord: «участок»,
// «участка», «уч») may be among the four words at the start of rest, the
// text after a form of «линия»: whether «уч» is in them, in any case.
// (Four tokens are in at most four words; loose on purpose: a segment it
// loads was loaded before as well.)
func plotInText(rest string) bool {
	end := 0
	for n := 0; n < 4 && end < len(rest); n++ {
		i := spaceIndex(rest[end:])
		if i < 0 {
			end = len(rest)
			break
		}
		end += i + 1
	}
	return hasUch(rest[:end])
}

// plotInWords is plotInText for a recognizer's words after a form of
// «линия».
func plotInWords(ws []schemas.Word) bool {
	for j := 0; j < len(ws) && j < 4; j++ {
		if hasUch(ws[j].W) {
			return true
		}
	}
	return false
}

// hasUch reports whether s has «уч» in it, either letter small or
// capital. Only a word with the second letter's last byte in it
// (chByteIn, eight bytes at a time) is read byte by byte: a loop over
// every byte of every word was a third of a padded call's redaction
// (callgrind, BenchmarkColdCalls/demo5: its filler has «линия» in one
// segment of three).
func hasUch(s string) bool {
	if !chByteIn(s) {
		return false
	}
	for i := 3; i < len(s); i++ {
		// ч (D1 87) or Ч (D0 A7) right after у (D1 83) or У (D0 A3).
		if c := s[i]; (c == 0x87 && s[i-1] == 0xD1 || c == 0xA7 && s[i-1] == 0xD0) && (s[i-3] == 0xD1 && s[i-2] == 0x83 || s[i-3] == 0xD0 && s[i-2] == 0xA3) {
			return true
		}
	}
	return false
}

// lineWord10 is lineWord («линия», «линии», «линию») read as two loads.
func lineWord10(w string) bool {
	if len(w) != len("линия") {
		return false
	}
	p := unsafe.Pointer(unsafe.StringData(w))
	const lini = "лини"
	if *(*uint64)(p) != *(*uint64)(unsafe.Pointer(unsafe.StringData(lini))) {
		return false
	}
	switch *(*uint16)(unsafe.Add(p, 8)) {
	case 0x8FD1, 0xB8D0, 0x8ED1: // я, и, ю
		return true
	}
	return false
}

// chByteIn reports whether s (four bytes or more) has a byte 87 or A7,
// the last of ч (D1 87) and Ч (D0 A7), read eight bytes at a time: most
// words after a «линия» have none, and the two IndexByte searches hasUch
// ran before cost them a call each (callgrind, BenchmarkColdCalls/demo5:
// a third of its prefilter's instructions).
func chByteIn(s string) bool {
	n := len(s)
	if n < 4 {
		return false
	}
	p := unsafe.Pointer(unsafe.StringData(s))
	i := 0
	for ; i+8 <= n; i += 8 {
		if chBytes(*(*uint64)(unsafe.Add(p, i))) {
			return true
		}
	}
	switch {
	case i == n:
		return false
	case n >= 8:
		return chBytes(*(*uint64)(unsafe.Add(p, n-8))) // the last eight, read again in part
	}
	return chBytes(uint64(*(*uint32)(p)) | uint64(*(*uint32)(unsafe.Add(p, n-4)))<<32)
}

// chBytes reports whether a byte of x is 87 or A7 (a zero byte of x^87..
// or of x^A7.., found as the classic has-zero-byte test does).
func chBytes(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	y, z := x^0x87*ones, x^0xA7*ones
	return ((y-ones)&^y|(z-ones)&^z)&highs != 0
}

// introMay reports whether a segment with no trigger word is a client's
// self-introduction the name rules take: it opens (after «алло»,
// «здравствуйте», «да» at most) with «это» and a word that reads as a
// name's («это кузнецов по заявке»), or with «я» and a patronymic two or
// three words on («я ибрагимова залина мурадовна»: a surname, a word, a
// patronymic). Most segments are answered by one bit of their first
// word's key (introKeys); only the few that may open so are read further
// (introSlow).
func introMay(seg *schemas.Segment) bool {
	// The first word read here, not kept from segmentMay's loop: a
	// variable live across the loop cost it more than this.
	var w string
	if len(seg.Words) > 0 {
		w = seg.Words[0].W
	} else {
		w = seg.Text
		if i := spaceIndex(w); i >= 0 {
			w = w[:i]
		}
	}
	if len(w) < 2 {
		return false
	}
	// One bit read, no branch on the letters: a branch on the first
	// letter was mispredicted at every other segment.
	k := introKey(w)
	if introKeys[k/64]>>(k%64)&1 == 0 {
		return false
	}
	return introSlow(seg)
}

// introKey keys a word (two bytes or more) by its length, its first
// letter (the low bit of its first byte, six of its second) and three
// bits of its fourth byte (the second letter's; «ваш» and «вот» differ
// there): 14 bits.
func introKey(w string) uint {
	return uint(w[0]&1)<<6 | uint(w[1]&63) | uint(len(w)&15)<<7 | uint(w[min(3, len(w)-1)]&7)<<11
}

// introKeys has the introKey bits of the openers, «это» and «я», small
// and capitalized, with and without a mark after them; a word that
// shares one («до») is read on and answered by introSlow.
var introKeys [1 << 14 / 64]uint64

// introOpeners may open a sentence before «это» or «я» of a
// self-introduction (the name rule's segStart allows three such words).
var introOpeners = []string{"алло", "здравствуйте", "да", "ну", "вот", "а", "добрый", "доброе", "день", "утро", "вечер", "привет"}

func init() {
	for _, w := range append([]string{"это", "я"}, introOpeners...) {
		r := []rune(w)
		capital := string(unicode.ToUpper(r[0])) + string(r[1:])
		for _, v := range []string{w, w + ",", capital, capital + ","} {
			k := introKey(v)
			introKeys[k/64] |= 1 << (k % 64)
		}
	}
}

// introSlow is introMay past the first word's key.
func introSlow(seg *schemas.Segment) bool {
	// A recognizer's words, small and bare: the openers are passed by
	// their keys first, so that most «да ...», «ну ...» stop at the next
	// word's key without segWords.
	if ws := seg.Words; len(ws) > 0 {
		for i := 0; i < len(ws) && i < 4; i++ {
			w := ws[i].W
			if len(w) < 2 || w[0] == 0xD0 && w[1] < 0xB0 || w[len(w)-1] < 0x80 {
				break // a capital or a mark: read folded, below
			}
			if k := introKey(w); introKeys[k/64]>>(k%64)&1 == 0 {
				return false // neither an opener nor «это», «я»
			}
			if !opener(w) {
				break // «это», «я» or a word of their key: below
			}
		}
	}
	w := segWords{seg: seg}
	first := w.next()
	for n := 0; n < 3 && opener(first); n++ {
		first = w.next()
	}
	switch first {
	case "это":
		next := w.next()
		if next == "" {
			return false
		}
		var roles trig
		if e := lexRU.get(next); e != nil {
			roles = e.trig
		}
		return looksLikeNamePart("ru", next, roles) || koreanShortSurname(next) // «это тен сан ир» (causes block PS)
	case "я":
		// «я савельева у меня интернет не работает»: a surname by its
		// ending right after «я» (selfSurname; causes block OM).
		if s := w.next(); selfSurnameMay(s) || koreanShortSurname(s) {
			return true
		}
		for k := 0; k < 2; k++ {
			if p := w.next(); p != "" && patronymic(p) {
				return true
			}
		}
	}
	return false
}

// selfSurnameMay reports whether w, said right after «я» opening a
// sentence, may be the speaker's surname, as the name rule reads it
// there (names: selfSurname): a surname's ending, no word of a list's
// role, no short adjective («я готова», «я здорова») nor a verb's or an
// adjective's ending.
func selfSurnameMay(w string) bool {
	if len(w) < 8 {
		return false
	}
	var roles trig
	if e := lexRU.get(w); e != nil {
		roles = e.trig
	}
	return surnameLike(w, roles) && !commonWord(w) && !shortAdjective(w) || roles == 0 && skiSurname(w)
}

// opener reports whether w is one of introOpeners.
func opener(w string) bool {
	return slices.Contains(introOpeners, w)
}

// segWords reads a segment's first words one by one, lower-cased, with a
// punctuation mark after a word dropped: the recognizer's words, or its
// text split at spaces.
type segWords struct {
	seg *schemas.Segment
	j   int    // the next of seg.Words
	s   string // the rest of seg.Text, when the segment has no words
	buf [48]byte
}

// next returns the next word, or "" after the last.
func (r *segWords) next() string {
	var w string
	if len(r.seg.Words) > 0 {
		if r.j >= len(r.seg.Words) {
			return ""
		}
		w = r.seg.Words[r.j].W
		r.j++
	} else {
		if r.j == 0 {
			r.s, r.j = r.seg.Text, 1
		}
		for w == "" && r.s != "" {
			if i := spaceIndex(r.s); i >= 0 {
				w, r.s = r.s[:i], r.s[i+1:]
			} else {
				w, r.s = r.s, ""
			}
		}
	}
	for w != "" && w[len(w)-1] < 0x80 && separator(w[len(w)-1]) {
		w = w[:len(w)-1]
	}
	if w != "" && (w[0] >= 'A' && w[0] <= 'Z' || w[0] == 0xD0 && len(w) > 1 && w[1] >= 0x81 && w[1] <= 0xAF) && len(w) <= len(r.buf) {
		// Folded into buf, without an allocation: the caller reads
		// each word before asking for the next.
		b := appendFolded(r.buf[:0], w)
		w = unsafe.String(unsafe.SliceData(b), len(b))
	}
	return w
}

// spaceIndex is strings.IndexByte(s, ' ') for the short strings between
// two spaces: eight bytes at a time, without a call.
//
// Not inlined: its loop was copied into each of its callers (the
// prefilter's loops, firstWord's), and the copies were some 10 code lines
// a call read from memory (callgrind, BenchmarkColdCalls/plain).
//
//go:noinline
func spaceIndex(s string) int {
	i := 0
	if len(s) >= 8 {
		p := unsafe.Pointer(unsafe.StringData(s))
		for ; i+8 <= len(s); i += 8 {
			x := *(*uint64)(unsafe.Add(p, i)) ^ 0x2020202020202020
			// The lowest zero byte of x is the first space.
			if t := (x - 0x0101010101010101) &^ x & 0x8080808080808080; t != 0 {
				return i + bits.TrailingZeros64(t)/8
			}
		}
	}
	for ; i < len(s); i++ {
		if s[i] == ' ' {
			return i
		}
	}
	return -1
}

// plainWord reports whether w is a word of four bytes or more that
// starts with a small Cyrillic letter other than ё and ends in a byte
// outside ASCII: nearly every word of a Russian transcript. wordMay would
// look it up as it is (no digit, no @, no folding: isTrigger folds only
// a word that starts with a capital); plainMay does the same without a
// call, from its first and last four bytes. Whether the first letter is
// one is read from smallFirst, not branched on: а..п start with D0 and
// р..я with D1, and a branch on which was mispredicted at every other
// word.
func plainWord(w string) bool {
	if len(w) < 4 || w[len(w)-1] < 0x80 {
		return false
	}
	c, c2 := w[0], w[1]
	return c|1 == 0xD1 && c2&0xC0 == 0x80 && smallFirst[c&1]>>(c2&63)&1 != 0
}

// smallFirst has, for a letter D0 xx ([0]) or D1 xx ([1]), bit xx&63 set
// when it may start a plainWord: а..п (D0 B0..BF) and every D1 letter
// but ё (D1 91).
var smallFirst = [2]uint64{0xFFFF << 48, ^uint64(1 << 0x11)}

// plainSecond has, for a word's first two bytes D0 c2 or D1 c2, bit
// (c&1)<<8 | c2 set when they are a letter that may start a plainWord
// (c2 a continuation byte, smallFirst's bit set): plainSkip reads one
// bit for the two tests.
var plainSecond = func() (t [8]uint64) {
	for c := 0; c < 2; c++ {
		for c2 := 0x80; c2 <= 0xBF; c2++ {
			if smallFirst[c]>>(c2&63)&1 != 0 {
				f := c<<8 | c2
				t[f>>6] |= 1 << (f & 63)
			}
		}
	}
	return t
}()

// plainMay is isTrigger's filter for a plainWord (triggerSet confirms).
func plainMay(w string) bool {
	n := len(w)
	p := unsafe.Pointer(unsafe.StringData(w))
	a := uint64(*(*uint32)(p))
	b := uint64(*(*uint32)(unsafe.Add(p, n-4)))
	return mayTrigger((a|uint64(n)<<32)*0x9E3779B97F4A7C15 ^ b*0xC2B2AE3D27D4EB4F)
}

// wordMay looks at one space-free word: a number starts or ends with a
// digit («916», «8-916», «+7», «(495)»); an e-mail address is written in
// Latin letters, or has a digit too; a word with punctuation around it
// gets the careful scan; any other word is looked up whole. The
// commonest words of a text that are not plainWords get the same answer
// sooner (cyrillicMay).
func wordMay(w string) bool {
	if w[0] >= 0x80 && len(w) >= 4 {
		if may, ok := cyrillicMay(w); ok {
			return may
		}
	}
	return wordMaySlow(w)
}

// textWordMay is wordMay for a written text's word (segmentMay): a
// word of letters outside ASCII («Компания», «Анна», «Всё», ««Ромашка»»)
// with at most a punctuation mark after it («ромашка,», «Здравствуйте.»),
// the commonest word of a text that is no plainWord, is looked up as
// isTrigger looks up a word (folded when it starts with a capital or
// «ё»), the mark dropped, as wordMaySlow's textMay would; any other goes
// to wordMaySlow (TestCyrillicMaySame holds the two to the same answers).
// One path for them all: cyrillicMay's quicker answers for a capitalized
// word and a marked one were code of their own, some 15 code lines a
// call read from memory (callgrind, BenchmarkColdCalls/plain), for some
// 30 instructions a word.
func textWordMay(w string) bool {
	word := w
	if p := w[len(w)-1]; p < 0x80 && separator(p) {
		word = w[:len(w)-1]
	}
	if word != "" && allHigh(word) {
		return isTrigger(word, 0, len(word))
	}
	return wordMaySlow(w)
}

// wordMaySlow is wordMay without cyrillicMay.
func wordMaySlow(w string) bool {
	c, l := w[0], w[len(w)-1]
	if c < 0x80 {
		if c >= '0' && c <= '9' || c == '+' || c == '(' || l >= '0' && l <= '9' || strings.IndexByte(w, '@') >= 0 {
			return true
		}
		if c < 'A' || l < '0' || l > 'z' {
			return textMay(w)
		}
	} else if l < 0x80 && !(l >= 'a' && l <= 'z') {
		return textMay(w)
	}
	return isTrigger(w, 0, len(w))
}

// cyrillicMay answers wordMaySlow, without textMay's scan or a fold, for
// the words of a text that are not plainWords most often: a capitalized
// Russian word («Компания») and a word of Cyrillic letters with a
// punctuation mark after it («ромашка,», «Здравствуйте.»), for which
// textMay looks up the word before the mark. ok is false for any other
// word (TestCyrillicMaySame).
func cyrillicMay(w string) (may, ok bool) {
	if p := w[len(w)-1]; p < 0x80 {
		if !separator(p) {
			return false, false
		}
		w = w[:len(w)-1]
		if !allHigh(w) {
			return false, false // ASCII inside: textMay reads it
		}
	}
	if plainWord(w) {
		return plainMay(w) && triggerSet.slot(w) != nil, true
	}
	if !capitalized(w) {
		return false, false
	}
	// The filter's bit of the folded word, read without folding it
	// (capitalKey, written out: a call less a capitalized word);
	// capitalTrigger folds it when the bit is set.
	n := len(w)
	p := unsafe.Pointer(unsafe.StringData(w))
	c0, c1 := foldCapital(w[1])
	a := uint64(*(*uint32)(p))&^0xFFFF | uint64(c0) | uint64(c1)<<8
	b := a // four bytes: the last four are the first
	if n >= 6 {
		b = uint64(*(*uint32)(unsafe.Add(p, n-4)))
	}
	return mayTrigger((a|uint64(n)<<32)*0x9E3779B97F4A7C15^b*0xC2B2AE3D27D4EB4F) && capitalTrigger(w), true
}

// capitalTrigger is isTrigger for a capitalized word whose filter bit is
// set: folded by its first letter alone (the rest is small), on the
// stack, and looked up (isTrigger folded it byte by byte and read the
// filter's bit again).
func capitalTrigger(w string) bool {
	var buf [64]byte
	if len(w) > len(buf) {
		return isTrigger(w, 0, len(w))
	}
	b := buf[:len(w)]
	copy(b, w)
	b[0], b[1] = foldCapital(w[1])
	return triggerSet.has(b)
}

// separator reports whether textMay ends a word at the ASCII byte c
// without answering yes: c is no letter, digit, apostrophe or @.
func separator(c byte) bool {
	return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '\'' || c == '@')
}

// allHigh reports whether every byte of w is outside ASCII.
func allHigh(w string) bool {
	i := 0
	if len(w) >= 8 {
		p := unsafe.Pointer(unsafe.StringData(w))
		for ; i+8 <= len(w); i += 8 {
			if *(*uint64)(unsafe.Add(p, i))&0x8080808080808080 != 0x8080808080808080 {
				return false
			}
		}
	}
	for ; i < len(w); i++ {
		if w[i] < 0x80 {
			return false
		}
	}
	return true
}

// capitalized reports whether w is a capital Russian letter (А..Я but
// Ё) and small ones (а..я but ё), two bytes each: the commonest word to
// fold, and folding changes only its first letter (foldCapital).
func capitalized(w string) bool {
	n := len(w)
	if n < 4 || n%2 != 0 || w[0] != 0xD0 || w[1] < 0x90 || w[1] > 0xAF {
		return false
	}
	p := unsafe.Pointer(unsafe.StringData(w))
	i := 2
	for ; i+8 <= n; i += 8 {
		if !lower4(*(*uint64)(unsafe.Add(p, i))) {
			return false
		}
	}
	for ; i < n; i += 2 {
		if !(w[i] == 0xD0 && w[i+1] >= 0xB0 || w[i] == 0xD1 && w[i+1] >= 0x80 && w[i+1] <= 0x8F) {
			return false
		}
	}
	return true
}

// foldCapital returns the two bytes of the small letter of the capital
// D0 c2 (А..Я): А..П (D0 90..9F) are а..п (D0 B0..BF), Р..Я (D0 A0..AF)
// р..я (D1 80..8F).
func foldCapital(c2 byte) (byte, byte) {
	if c2 < 0xA0 {
		return 0xD0, c2 + 0x20
	}
	return 0xD1, c2 - 0x20
}

// capitalKey is wordKey of w folded, for a capitalized word: the key is
// read from w with its first letter folded. ok is false for any other
// word.
func capitalKey(w string) (key uint64, ok bool) {
	if !capitalized(w) {
		return 0, false
	}
	n := len(w)
	p := unsafe.Pointer(unsafe.StringData(w))
	c0, c1 := foldCapital(w[1])
	a := uint64(*(*uint32)(p))&^0xFFFF | uint64(c0) | uint64(c1)<<8
	b := a // four bytes: the last four are the first
	if n >= 6 {
		b = uint64(*(*uint32)(unsafe.Add(p, n-4)))
	}
	return (a|uint64(n)<<32)*0x9E3779B97F4A7C15 ^ b*0xC2B2AE3D27D4EB4F, true
}

// textMay scans s once: a digit or an @ anywhere, or a trigger word.
// Eight bytes of letters outside ASCII (four Cyrillic letters) are
// skipped at once.
func textMay(s string) bool {
	start := -1
	for i := 0; i < len(s); i++ {
		if start >= 0 && i+8 <= len(s) {
			x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
				uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
			if x&0x8080808080808080 == 0x8080808080808080 {
				i += 7
				continue
			}
		}
		c := s[i]
		if c >= 0x80 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '\'' {
			if start < 0 {
				start = i
			}
			continue
		}
		if c >= '0' && c <= '9' || c == '@' {
			return true
		}
		if start >= 0 {
			if isTrigger(s, start, i) {
				return true
			}
			start = -1
		}
	}
	return start >= 0 && isTrigger(s, start, len(s))
}

// appendFolded lower-cases ASCII and Cyrillic capitals and folds ё.
func appendFolded(b []byte, w string) []byte {
	if capitalized(w) {
		// The commonest word to fold («Здравствуйте», a sentence's
		// first): only its first letter changes, and the rest is copied
		// at once, not a byte at a time (appendFoldedBytes).
		n := len(b)
		b = append(b, w...)
		b[n], b[n+1] = foldCapital(w[1])
		return b
	}
	return appendFoldedBytes(b, w)
}

// appendFoldedBytes is appendFolded a byte at a time.
func appendFoldedBytes(b []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c == 0xD0 && i+1 < len(w):
			c2 := w[i+1]
			switch {
			case c2 >= 0x90 && c2 <= 0x9F:
				b = append(b, 0xD0, c2+0x20)
			case c2 >= 0xA0 && c2 <= 0xAF:
				b = append(b, 0xD1, c2-0x20)
			case c2 == 0x81:
				b = append(b, 0xD0, 0xB5)
			default:
				b = append(b, c, c2)
			}
			i++
		case c == 0xD1 && i+1 < len(w) && w[i+1] == 0x91:
			b = append(b, 0xD0, 0xB5)
			i++
		default:
			b = append(b, c)
		}
	}
	return b
}
