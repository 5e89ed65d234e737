package redact

import "unicode/utf8"

// Number words as a telephone recognizer garbles them on accented or fast
// speech («сорог», «восем», «двацать», «питсот», «одинацать», «нол»):
// not in the lexicon, they broke a dictation into pieces too short for an
// identifier. A word the lexicon does not know, standing next to a number
// (a number word or digits), is read as the number word it sounds like:
//   - the same sound key (soundKey: a lost soft sign, a voiced or
//     devoiced final, «дц», «тс», «дс» heard as «ц», a double letter
//     halved), for a key of three letters or more;
//   - or its key one letter short of a number word's key (key of four
//     letters or more), or one letter wrong (five or more), the first
//     letter the same: shorter words are a letter away from too many
//     ordinary ones («сим», «пит»).
// A word the lexicon knows in any role is never taken, and a word one
// letter longer than a number word is not («семья», «семи»): garbling
// loses letters, it seldom adds them. The check runs only on unknown
// words next to a number, and reads two small maps.

// garbledKey maps a number word's sound key to its lexicon word;
// garbledDel maps each key of four letters or more with one letter
// deleted. A key two words of different values share is dropped ("").
var garbledKey, garbledDel map[string]string

// Ordinals are read so too, by their sound key only («шестнацатого»,
// «пятнацатое»), next to a number or right before a month's name (a
// date's day: «шестнацатого октября»); and an ordinal is a number a
// garbled word may stand next to («двацать третьего»).

// ruColloquialNumbers are spoken reductions of fifty and sixty heard in
// every register («писят», «шисят»): in no garbling's reach of the
// written forms.
var ruColloquialNumbers = map[int][]string{50: {"писят", "пясят"}, 60: {"шисят", "шейсят", "шесят"}}

// garbledMonths maps a month's genitive with one letter lost («ноябя»,
// «октяря», «феврля») to the month's word: a recognizer's slip read as
// the month right after a day's ordinal (causes block JY). A key two
// months share is dropped ("").
var garbledMonths map[string]string

func initGarbledMonths(lex map[string]*lexEntry) {
	garbledMonths = map[string]string{}
	for _, w := range []string{"января", "февраля", "марта", "апреля", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"} {
		if lex[w] == nil {
			continue
		}
		r := []rune(w)
		for i := range r {
			k := string(appendRunesBut(nil, r, i))
			if lex[k] != nil {
				continue // a word the lexicon knows is never a slip
			}
			if old, ok := garbledMonths[k]; ok && old != w {
				garbledMonths[k] = ""
			} else {
				garbledMonths[k] = w
			}
		}
	}
}

func initGarbled(lex map[string]*lexEntry) {
	initGarbledMonths(lex)
	garbledKey, garbledDel = map[string]string{}, map[string]string{}
	val := func(w string) int { return lex[w].num.val }
	put := func(m map[string]string, k, w string) {
		if old, ok := m[k]; !ok {
			m[k] = w
		} else if old != "" && val(old) != val(w) {
			m[k] = ""
		}
	}
	for w, e := range lex {
		switch e.num.kind {
		case nkUnit, nkTeen, nkTens, nkHundred, nkThousand, nkOrdinal:
		default:
			continue
		}
		if e.trig&^tNum != 0 {
			continue // a word with other roles too: not a pure number word
		}
		k := soundKey(w)
		put(garbledKey, k, w)
		if c, _ := utf8.DecodeRuneInString(w); c >= 'а' && c <= 'я' {
			numberInitial[c-'а'] = true
			if e.num.kind == nkOrdinal {
				// An ordinal by its sound key alone: its many case forms
				// («-ого», «-ом», «-ое») are a letter away from too many
				// words («пятно»: «пятом»); and the letter-off filters
				// below stay the cardinals', so no more words pass them.
				ordinalKeyLens[c-'а'] |= 1 << utf8.RuneCountInString(k)
				continue
			}
			numberKeyLens[c-'а'] |= 1 << utf8.RuneCountInString(k)
		}
		if r := []rune(k); len(r) >= 3 && letterIndex(r[0]) >= 0 && letterIndex(r[1]) >= 0 && letterIndex(r[2]) >= 0 {
			numberPair01[letterIndex(r[0])][letterIndex(r[1])] = true
			numberPair02[letterIndex(r[0])][letterIndex(r[2])] = true
		}
		if r := []rune(k); len(r) >= 4 {
			for i := range r {
				put(garbledDel, string(r[:i])+string(r[i+1:]), w)
			}
		}
	}
}

// soundKey folds what a recognizer confuses in a number word: the soft
// and hard signs dropped, «дц», «тц», «тс», «дс» as «ц», doubled letters
// as one, a voiced final consonant devoiced.
func soundKey(w string) string {
	var r [maxGarbled]rune
	n := soundRunes(&r, w)
	if n < 0 {
		return w
	}
	return string(r[:n])
}

// maxGarbled is the longest sound key garbledNumber looks at, in letters
// (the longest number word's, «восемнадцатью», is 13).
const maxGarbled = 16

// soundRunes writes w's sound key to r and returns its length, or -1
// when it is longer than r: into an array on the caller's stack, since
// the check runs on every unknown word next to a number.
func soundRunes(r *[maxGarbled]rune, w string) int {
	n := 0
	for _, c := range w {
		if c == 'ь' || c == 'ъ' {
			continue
		}
		if n > 0 {
			p := r[n-1]
			if c == 'ц' && (p == 'д' || p == 'т') || c == 'с' && (p == 'т' || p == 'д') {
				r[n-1] = 'ц'
				continue
			}
			if c == p {
				continue
			}
		}
		if n == maxGarbled {
			return -1
		}
		r[n] = c
		n++
	}
	if n > 0 {
		switch r[n-1] {
		case 'б':
			r[n-1] = 'п'
		case 'в':
			r[n-1] = 'ф'
		case 'г':
			r[n-1] = 'к'
		case 'д':
			r[n-1] = 'т'
		case 'ж':
			r[n-1] = 'ш'
		case 'з':
			r[n-1] = 'с'
		}
	}
	return n
}

// appendRunesBut appends r but r[skip] (none when skip < 0) as UTF-8.
func appendRunesBut(b []byte, r []rune, skip int) []byte {
	for i, c := range r {
		if i != skip {
			b = utf8.AppendRune(b, c)
		}
	}
	return b
}

// numberInitial: the first letters of the number words (by rune - 'а'),
// a check before any key is made; numberKeyLens: by the same index, the
// lengths of their sound keys (bit n), a check before the maps are read.
var (
	numberInitial [32]bool
	numberKeyLens [32]uint32
	// ordinalKeyLens: the ordinals' sound keys' lengths, read by their
	// key alone.
	ordinalKeyLens [32]uint32
)

// numberPair01 and numberPair02: the number words' keys' first letter
// with their second, and with their third. A key a letter off a number
// word's, the first letter the same, has its first two letters (the
// letter off later), or its first and second as the word's first and
// third (the word's second lost), or its first and third as the word's
// (its second wrong): most words are turned away here, before a map is
// read («очень», «вашим» next to a number).
var numberPair01, numberPair02 [32][32]bool

// letterIndex is a small Russian letter's index (а = 0), or -1.
func letterIndex(c rune) int {
	if c >= 'а' && c <= 'я' {
		return int(c - 'а')
	}
	return -1
}

// garbledNumber returns the number word an unknown word w sounds like, or
// "". It allocates nothing: the keys are made on the stack and the maps
// are read with them as bytes.
func garbledNumber(w string) string {
	if len(w) < 6 || len(w) > 2*maxGarbled+8 || w[0] < 0xD0 || w[0] > 0xD1 { // three Cyrillic letters at least
		return ""
	}
	first, _ := utf8.DecodeRuneInString(w)
	if first < 'а' || first > 'я' || !numberInitial[first-'а'] {
		return ""
	}
	var r [maxGarbled]rune
	n := soundRunes(&r, w)
	var buf [4 * maxGarbled]byte
	// An ordinal of this key's length: its key is read as it is.
	ordinal := n >= 3 && ordinalKeyLens[first-'а']&(1<<n) != 0
	// A number word's key is as long as this one's (the same, or a
	// letter wrong) or a letter longer (a letter lost).
	if n < 3 || numberKeyLens[first-'а']&(3<<n) == 0 {
		if ordinal {
			return garbledKey[string(appendRunesBut(buf[:0], r[:n], -1))]
		}
		return ""
	}
	a, b, c := letterIndex(r[0]), letterIndex(r[1]), letterIndex(r[2])
	if a < 0 || b < 0 || !numberPair01[a][b] && !numberPair02[a][b] && (c < 0 || !numberPair02[a][c]) {
		if ordinal {
			return garbledKey[string(appendRunesBut(buf[:0], r[:n], -1))]
		}
		return ""
	}
	if m := garbledKey[string(appendRunesBut(buf[:0], r[:n], -1))]; m != "" {
		return m
	}
	same := func(m string) bool {
		c, _ := utf8.DecodeRuneInString(m)
		return c == first
	}
	if n >= 4 {
		if m := garbledDel[string(appendRunesBut(buf[:0], r[:n], -1))]; m != "" && same(m) {
			return m
		}
	}
	if n < 5 {
		return ""
	}
	found := ""
	for i := 0; i < n; i++ {
		if m := garbledDel[string(appendRunesBut(buf[:0], r[:n], i))]; m != "" && same(m) {
			if found != "" && lexicon["ru"][found].num.val != lexicon["ru"][m].num.val {
				return "" // two numbers a letter away: neither
			}
			found = m
		}
	}
	return found
}

// numberNeighbour: the kinds a garbled word must stand next to; an
// ordinal too, so that a date's garbled tens are read («двацать
// третьего», «восемдесят седьмого»).
const numberNeighbour = runStarts | 1<<nkThousand | 1<<nkOrdinal

// garbledNumbers reads the unknown Russian words of the tokens [from, to)
// (one segment) that stand next to a number as the number words they
// sound like: in passes until none changes, so that a garbled word next
// to one read so is read too («... сорог восем 5»); then, in a segment
// with a cue word or a number, two unknown words side by side that both sound like
// number words («код читыре семнаццать») are read as numbers, and the
// passes run again.
func (s *scan) garbledNumbers(from, to int) {
	if s.lang != "ru" {
		return
	}
	// Most segments read have no number or no unknown word next to one:
	// one pass over the roles says whether to look at all.
	var any trig
	for i := from; i < to; i++ {
		any |= s.toks[i].trig
	}
	if any&(tNum|tCue) == 0 {
		return
	}
	// The segment's state is a struct on the stack, its steps methods
	// and loops over a local slice of its tokens, not closures: closures
	// over the same variables were inlined or not as unrelated code of
	// the package changed, and not inlined they read and wrote their
	// captured variables through memory (a PII call's garbledNumbers went
	// from 4,500 to 9,000 instructions in callgrind with a commit that
	// added only words to the lexicon; 5,600 now).
	g := garbledSeg{s: s, from: from, to: to, any: any}
	if any&tNum != 0 {
		g.neighbours()
	}
	// Two garbled words with no number by them: only in a segment with a
	// cue word or a number elsewhere («код читыре семнаццать», «сем
	// восемнацать ну 718»), not in every sentence of talk.
	paired := false
	toks := s.toks[from:to]
	for k := 0; k+1 < len(toks); k++ {
		if !unknownWord(&toks[k]) || !unknownWord(&toks[k+1]) {
			continue
		}
		a := g.try(from + k)
		if a == "" {
			continue
		}
		if b := g.try(from + k + 1); b != "" {
			g.read(from+k, a)
			g.read(from+k+1, b)
			paired = true
			k++
		}
	}
	if paired {
		g.neighbours()
	}
}

// garbledSeg is garbledNumbers' segment: its tokens [from, to) of s,
// their roles together (any), and the words (the segment's first 64) no
// number word is near (failed), so that no pass asks of them again.
type garbledSeg struct {
	s        *scan
	from, to int
	any      trig
	failed   uint64
}

// unknownWord reports whether t is a word no list knows.
func unknownWord(t *token) bool { return t.ent == 0 && t.trig == 0 }

// try returns the number word token i sounds like, or "".
func (g *garbledSeg) try(i int) string {
	k := uint(i - g.from)
	if k < 64 && g.failed&(1<<k) != 0 {
		return ""
	}
	m := garbledNumber(g.s.normOf(&g.s.toks[i]))
	if m == "" && k < 64 {
		g.failed |= 1 << k
	}
	return m
}

// read makes token i the number word m.
func (g *garbledSeg) read(i int, m string) {
	if sl := lexRU.slot(m); sl != nil {
		t := &g.s.toks[i]
		t.trig, t.ent, t.kind = sl.trig&tNum, sl.ent, sl.kind
	}
}

// neighbours reads the unknown words next to a number as the number
// words they sound like, in passes until none changes; and one right
// before a month's word when it sounds like an ordinal (a date's day:
// «шестнацатого октября»). The segment's tokens are read through a
// local slice of them, not through g.s at each test.
func (g *garbledSeg) neighbours() {
	toks := g.s.toks[g.from:g.to]
	num := func(t *token) bool { return numberNeighbour&(1<<t.kind) != 0 }
	for changed := true; changed; {
		changed = false
		for k := range toks {
			if !unknownWord(&toks[k]) {
				continue
			}
			// A month with a letter lost right after the day's ordinal
			// («второе ноябя сорок шестого»: block JY).
			if k > 0 && toks[k-1].kind == nkOrdinal {
				if m := garbledMonths[g.s.normOf(&toks[k])]; m != "" {
					if sl := lexRU.slot(m); sl != nil {
						toks[k].trig, toks[k].ent, toks[k].kind = sl.trig, sl.ent, sl.kind
						changed = true
						continue
					}
				}
			}
			n := k > 0 && num(&toks[k-1]) || k+1 < len(toks) && num(&toks[k+1])
			if n || g.any&tMonth != 0 && k+1 < len(toks) && toks[k+1].has(tMonth) {
				if m := g.try(g.from + k); m != "" && (n || lexRU.get(m).num.kind == nkOrdinal) {
					g.read(g.from+k, m)
					changed = true
				}
			}
		}
	}
}
