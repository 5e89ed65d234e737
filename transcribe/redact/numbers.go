package redact

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/callscope/callscope/schemas"
)

// run is a stretch of number tokens read as one digit string:
// «восемь девятьсот шестнадцать 123 45 67» is 89161234567.
type run struct {
	from, to int
	d0, d1   int32 // its digits: s.dig[d0:d1] (runDigits)
	g0, g1   int32 // its groups as said (8, 916, 123, 45, 67): s.groups[g0:g1]
	thousand bool  // «тысяча»: an amount or a year, not an identifier
}

// zone is one dictation: runs joined by fillers, corrections and
// repetitions («123 ой нет 124 45 67», «повторяю»).
type zone struct {
	from, to int
	runs     []run
	d0, d1   int32 // every run's digits, one after another: s.dig[d0:d1]
}

// group is one group of digits as said («916»): s.dig[from:to].
type group struct{ from, to int32 }

// The digits of a zone are written once into the scan's digit buffer,
// group after group, run after run, so that a run's digits and the
// zone's are stretches of it; runs, zones and groups hold offsets, no
// pointer (appending them costs no write barrier while the collector
// runs), and the strings the classifier reads are views of the buffer,
// valid while one zone is read and classified: numbers reads a call's
// dictations without allocating.

// digits returns s.dig[from:to] as a string, valid until resetDigits.
func (s *scan) digits(from, to int32) string {
	if from == to {
		return ""
	}
	return unsafe.String(&s.dig[from], int(to-from))
}

func (s *scan) runDigits(r *run) string { return s.digits(r.d0, r.d1) }

// n is how many digits a run, a zone, a group has.
func (r *run) n() int                      { return int(r.d1 - r.d0) }
func (z *zone) n() int                     { return int(z.d1 - z.d0) }
func (g group) n() int                     { return int(g.to - g.from) }
func (s *scan) zoneDigits(z *zone) string  { return s.digits(z.d0, z.d1) }
func (s *scan) groupDigits(g group) string { return s.digits(g.from, g.to) }

// resetDigits forgets the previous zone's digits, groups and runs (the
// next zone writes over them: nothing holds a view of them by then).
func (s *scan) resetDigits() {
	s.dig, s.groups, s.runs = s.dig[:0], s.groups[:0], s.runs[:0]
}

// zoneGroups is every group of a zone, in order.
func (s *scan) zoneGroups(z *zone) []group {
	if len(z.runs) == 0 {
		return nil
	}
	return s.groups[z.runs[0].g0:z.runs[len(z.runs)-1].g1]
}

// isRunStart reports whether a number run starts at token i.
func (s *scan) isRunStart(i int) bool {
	t := &s.toks[i]
	if runStarts&(1<<t.kind) != 0 {
		return t.kind != nkUnit || !s.negatedOne(i) && !(t.nl == uint32(len("одну")) && strings.HasPrefix(s.normOf(t), "одн") && s.countOne(i))
	}
	if (t.nl == 8 && s.normOf(t) == "плюс" || t.nl == 4 && s.normOf(t) == "plus") && i+1 < len(s.toks) {
		// «+7», «плюс семь», and a country code of other countries in
		// words: «плюс девятьсот девяносто восемь», «плюс сорок девять»
		// (causes block JB).
		k := s.toks[i+1].num()
		return k == nkDigits || k == nkUnit || k == nkHundred || k == nkTens
	}
	return false
}

// negatedOne reports whether token i, a unit's number word, follows «ни»
// («ни один», «ни одного»): no number but a negation («два кода и ни
// один не подходит 6 1 4 4 и 9 2 8 0»: the cue reaches the codes over
// it, and no false start of theirs is read there).
func (s *scan) negatedOne(i int) bool {
	return i > 0 && s.toks[i-1].nl == 4 && s.toks[i-1].seg == s.toks[i].seg && s.normOf(&s.toks[i-1]) == "ни"
}

// runStarts has the bit 1<<kind of each number kind a run starts with.
const runStarts = 1<<nkDigits | 1<<nkUnit | 1<<nkTeen | 1<<nkTens | 1<<nkHundred | 1<<nkRepeat

// mayStartRun is isRunStart's no for most tokens, without a call: a word
// that is no number and has not the length of «плюс» or «plus».
func (t *token) mayStartRun() bool {
	return runStarts&(1<<t.kind) != 0 || t.nl == 8 || t.nl == 4
}

// identifierDigits reports whether the run's words read so far are
// groups in digits, 10 to 12 of them: a passport's, a SNILS's, an INN's,
// a phone's length.
func (s *scan) identifierDigits() bool {
	n := 0
	for _, w := range s.words {
		if w.kind != nkDigits {
			return false
		}
		n += int(s.toks[w.tok].nl)
	}
	return n >= 10 && n <= 12
}

func runWord(k nk) bool {
	switch k {
	case nkDigits, nkUnit, nkTeen, nkTens, nkHundred, nkRepeat, nkThousand:
		return true
	}
	return false
}

// readRun reads the run that starts at token i into r (a zero run), its
// digits appended to s.dig.
func (s *scan) readRun(i int, r *run) {
	r.from = i
	s.words = s.words[:0] // the number words, with their token indexes
	j := i
	seg := s.toks[i].seg
	for j < len(s.toks) {
		if s.toks[j].seg != seg {
			if !s.groupCut(j) {
				break
			}
			seg = s.toks[j].seg
		}
		// A run that meets words another rule claimed, or leaves them,
		// ends there: they are another value («паспорт fa 099 4412
		// [двадцать пятое мая двухтысячного]», the date of birth after
		// it; «[кв 112] 89031234567», the phone after the flat).
		if j > i && s.marks[j] != s.marks[j-1] {
			break
		}
		t := &s.toks[j]
		// A day in digits before its month ends a run of longer groups:
		// a date follows the number («паспорт 4510 123456 12 мая 2015»,
		// causes block KY; the run took the day, and the number with it
		// was nothing).
		// (So after groups in digits of an identifier's length, the last
		// of two: «снилс 123 456 789 01 3 января 2017».)
		if t.num() == nkDigits && t.nl <= 2 && j > i && s.toks[j-1].num() == nkDigits && (s.toks[j-1].nl >= 3 || s.identifierDigits()) && s.toks[j-1].seg == seg &&
			j+1 < len(s.toks) && s.toks[j+1].seg == seg && s.toks[j+1].has(tMonth) {
			break
		}
		if runWord(t.num()) {
			s.words = append(s.words, numAt{numWord{kind: t.kind, val: int(lexNumVals[t.ent])}, j})
			j++
			if t.sym {
				break
			}
			continue
		}
		// A filler inside a dictation («восемь э девятьсот», «тире»),
		// and the other side's «угу», «ага» heard in it («восемь
		// девятьсот пятьдесят два угу восемьсот ...»: causes block JC),
		// only when a number follows it.
		if (t.has(tFiller) || s.heardAck(t)) && j+1 < len(s.toks) && s.toks[j+1].seg == seg && runWord(s.toks[j+1].num()) && j-i < 40 {
			j++
			continue
		}
		// A group said as an ordinal in the nominative after its tens or
		// hundreds, the dictation going on («на девятьсот восемьдесят
		// пятый двести двенадцать ...»: a phone's code said «на 985-й»);
		// not a date's genitive («двадцать пятого»).
		if k := len(s.words); t.num() == nkOrdinal && k > 0 && (s.words[k-1].kind == nkTens || s.words[k-1].kind == nkHundred) &&
			j+1 < len(s.toks) && s.toks[j+1].seg == seg && runWord(s.toks[j+1].num()) && nominativeOrdinal(s.normOf(t)) {
			kind := nkUnit
			if v := int(lexNumVals[t.ent]); v >= 10 {
				kind = nkTeen
			}
			s.words = append(s.words, numAt{numWord{kind: kind, val: int(lexNumVals[t.ent])}, j})
			j++
			continue
		}
		// A recognizer's slip inside the dictation: number words glued
		// into one token, «но» heard for «ноль» (numberSlip).
		var parts [3]numWord
		if n := s.numberSlip(j, len(s.words) > 0, &parts); n > 0 {
			for _, p := range parts[:n] {
				s.words = append(s.words, numAt{p, j})
			}
			j++
			if t.sym {
				break
			}
			continue
		}
		// The tens of an ordinal's day said right after a dictation's
		// group are the day's, not the dictation's («... триста
		// семьдесят восемь пятьдесят два двадцать седьмое апреля»: a
		// SNILS, then the date of birth); a year's tens after its
		// hundreds stay the year's («тысяча девятьсот восемьдесят
		// пятого»). Tens no day has (сорок on) stay the dictation's, the
		// unit's ordinal alone the day («... триста восемьдесят три
		// шестьдесят пятого июля»: causes block JN).
		if k := len(s.words); k >= 2 && t.num() == nkOrdinal && s.words[k-1].kind == nkTens && s.words[k-1].tok == j-1 && lexNumVals[t.ent] < 10 &&
			s.words[k-1].val <= 30 && s.words[k-2].kind != nkHundred && s.words[k-2].kind != nkThousand {
			s.words = s.words[:k-1]
		}
		break
	}
	// («по карте на 2636 одно отменю»: a count closing the run is no
	// digit of it, countOne; read once a run, not in its loop.)
	if n := len(s.words); n > 1 && s.words[n-1].kind == nkUnit && s.toks[s.words[n-1].tok].nl == uint32(len("одну")) && s.countOne(s.words[n-1].tok) {
		s.words = s.words[:n-1]
	}
	r.to = j
	if n := len(s.words); n > 0 {
		r.to = s.words[n-1].tok + 1
	}
	s.compose(r, s.words)
}

// groupCut reports whether the run read so far (s.words) ends with a
// bare hundred at token j-1 that the speaker's next sentence, opening at
// j within 2 s with the other side silent, completes with its tens: a
// pause the recognizer took for a sentence's end inside a group
// («восемь девятьсот шестнадцать сто» — «двадцать три сорок пять
// шестьдесят семь»: block KN).
func (s *scan) groupCut(j int) bool {
	k := len(s.words)
	if k == 0 || s.words[k-1].tok != j-1 || s.words[k-1].kind != nkHundred || s.toks[j].seg != s.toks[j-1].seg+1 {
		return false
	}
	if n := s.toks[j].num(); n != nkTens && n != nkTeen {
		return false
	}
	t1, t0 := s.t1(&s.toks[j-1]), s.t0(&s.toks[j])
	if t0-t1 > 2 {
		return false
	}
	for k := range s.othersSpoke {
		if e := &s.othersSpoke[k]; e.at >= t1 && e.at <= t0 {
			return false
		}
	}
	return true
}

// heardAck: «угу», «ага», the other side's assent a recognizer writes
// into the speaker's dictation when both talk at once.
func (s *scan) heardAck(t *token) bool {
	if t.nl != uint32(len("угу")) {
		return false
	}
	w := s.normOf(t)
	return w == "угу" || w == "ага"
}

// numAt is a number word of a run and its token.
type numAt struct {
	numWord
	tok int
}

// wordAt is words[k]'s number word, or none past the end.
func wordAt(words []numAt, k int) numWord {
	if k < len(words) {
		return words[k].numWord
	}
	return numWord{}
}

// compose reads the number words of a run into groups of digits,
// appended to s.dig one after another (the run's digits).
func (s *scan) compose(r *run, words []numAt) {
	wordGroup := false
	r.g0, r.d0 = int32(len(s.groups)), int32(len(s.dig))
	// addGroup records the digits appended from from on as a group.
	addGroup := func(from int) {
		s.groups = append(s.groups, group{int32(from), int32(len(s.dig))})
	}
	for k := 0; k < len(words); {
		w := words[k].numWord
		switch w.kind {
		case nkDigits:
			from := len(s.dig)
			s.dig = append(s.dig, s.norm(words[k].tok)...)
			addGroup(from)
			wordGroup = false
			k++
		case nkRepeat:
			if n := wordAt(words, k+1); n.kind == nkUnit || n.kind == nkDigits && len(s.norm(words[k+1].tok)) == 1 {
				d := byte('0' + n.val)
				if n.kind == nkDigits {
					d = s.norm(words[k+1].tok)[0]
				}
				from := len(s.dig)
				for range w.val {
					s.dig = append(s.dig, d)
				}
				addGroup(from)
				k += 2
			} else {
				k++
			}
			wordGroup = false
		case nkThousand:
			mult := 1
			// «65 тысяч» as «шестьдесят пять тысяч»: a group of up to
			// three digits said right before multiplies it too.
			digitsBefore := k > 0 && words[k-1].kind == nkDigits && len(s.norm(words[k-1].tok)) <= 3 && s.norm(words[k-1].tok)[0] != '0'
			if (wordGroup || digitsBefore) && len(s.groups) > int(r.g0) {
				// The group before «тысяча» multiplies it: its digits are
				// the last ones written, and are written again as part
				// of the thousands.
				last := s.groups[len(s.groups)-1]
				if v, err := strconv.Atoi(s.groupDigits(last)); err == nil && v < 1000 {
					mult = v
					s.groups = s.groups[:len(s.groups)-1]
					s.dig = s.dig[:last.from]
				}
			}
			v, n := s.under1000(words, k+1)
			from := len(s.dig)
			s.appendDecimal(mult*1000 + v)
			addGroup(from)
			r.thousand = true
			wordGroup = true
			k += 1 + n
		case nkUnit:
			// «два нуля», «три семерки»: a count of two to four, then a
			// digit named as a noun, is that digit repeated (as «double»
			// in English), not the count's digit and the noun's.
			if next := wordAt(words, k+1); w.val >= 2 && w.val <= 4 && next.kind == nkUnit && digitNoun(s.norm(words[k+1].tok)) {
				from := len(s.dig)
				for range w.val {
					s.dig = append(s.dig, byte('0'+next.val))
				}
				addGroup(from)
				wordGroup = false
				k += 2
				continue
			}
			fallthrough
		default:
			v, n := s.under1000(words, k)
			if n == 0 {
				k++
				continue
			}
			from := len(s.dig)
			s.appendDecimal(v)
			addGroup(from)
			wordGroup = true
			k += n
		}
	}
	r.g1, r.d1 = int32(len(s.groups)), int32(len(s.dig))
}

// appendDecimal appends v's decimal digits to s.dig, as
// strconv.AppendInt for the values compose makes (under a million, never
// negative) without a call, and appending in place (s.dig written back
// from another function's result would be a write barrier while the
// collector runs).
func (s *scan) appendDecimal(v int) {
	if v < 0 || v >= 1e9 {
		s.dig = strconv.AppendInt(s.dig, int64(v), 10)
		return
	}
	n := 1
	for x := v; x >= 10; x /= 10 {
		n++
	}
	if cap(s.dig)-len(s.dig) < n {
		s.dig = slices.Grow(s.dig, n)
	}
	// The digits written in place, the last first (no copy, no call).
	end := len(s.dig) + n
	s.dig = s.dig[:end]
	for i := end - 1; i >= end-n; i-- {
		s.dig[i] = byte('0' + v%10)
		v /= 10
	}
}

// digitUnit reads words[k] as the unit of a number said in words whose
// last digit the recognizer wrote as a digit («шестьдесят 5» for 65): a
// single digit 1 to 9.
func (s *scan) digitUnit(words []numAt, k int) (int, bool) {
	if k >= len(words) || words[k].kind != nkDigits {
		return 0, false
	}
	d := s.norm(words[k].tok)
	if len(d) != 1 || d[0] == '0' {
		return 0, false
	}
	return int(d[0] - '0'), true
}

// under1000 composes «девятьсот шестнадцать», «сорок пять», «five hundred
// twelve» from word k; it returns the value and the words used.
func (s *scan) under1000(words []numAt, k int) (int, int) {
	at := func(k int) numWord { return wordAt(words, k) }
	w := at(k)
	v, n := 0, 0
	switch w.kind {
	case nkHundred:
		v, n = w.val, 1
	case nkUnit:
		if s.lang == "en" && at(k+1).kind == nkHundred && w.val > 0 {
			v, n = w.val*100, 2
			break
		}
		return w.val, 1
	case nkTeen:
		return w.val, 1
	case nkTens:
		if u := at(k + 1); u.kind == nkUnit && u.val > 0 {
			return w.val + u.val, 2
		}
		if d, ok := s.digitUnit(words, k+1); ok {
			return w.val + d, 2 // «шестьдесят 5»: a recognizer's 65
		}
		return w.val, 1
	default:
		return 0, 0
	}
	// After a hundred: tens and a unit, a teen, or a unit.
	switch u := at(k + n); u.kind {
	case nkTens:
		v += u.val
		n++
		if u2 := at(k + n); u2.kind == nkUnit && u2.val > 0 {
			v += u2.val
			n++
		} else if d, ok := s.digitUnit(words, k+n); ok {
			v += d // «девятьсот шестьдесят 5»
			n++
		}
	case nkTeen:
		v += u.val
		n++
	case nkUnit:
		if u.val > 0 {
			v += u.val
			n++
		}
	}
	return v, n
}

// numberFamily: the number rules start from a digit or a number word
// (tNum); birthAfterTurned from a month's name besides (tMonth: «мне 45
// исполнилось 12 мая»); passportSeries, documentLetters, cutNumberWords
// and digitsSwapped read only around the numbers masked (claimed).
var numberFamily = family{
	starts: tNum,
	rules: []familyRule{{run: (*scan).birthAfterPronoun}, {run: (*scan).birthAfterTurned, needs: tMonth}, {run: (*scan).numbers, may: (*scan).numbersMay},
		{run: (*scan).passportSeries, after: typesOf(Passport)}, {run: (*scan).documentLetters, after: typesOf(Passport, Code)}, {run: (*scan).foreignPassportShape}, {run: (*scan).cutNumberWords, after: numberTypes},
		{run: (*scan).codesWithLetters, asks: codeCued}, {run: (*scan).digitsSwapped, after: typesOf(CVV, Code)}, {run: (*scan).birthAfterDocument, after: typesOf(Passport, SNILS, INN), needs: tMonth},
		{run: (*scan).birthAfterAgeSaid, needs: tMonth}},
}

// birthAfterDocument masks a date of birth said right after a person's
// document number, in one breath («снилс [...] 3 января 2017», «[...]
// пятое декабря две тысячи седьмого» answering «паспорт сына»: causes
// block KY): a whole date, its month by name and its year, right after a
// masked passport, SNILS or INN in its sentence («и» between at most).
// Not when the sentence names the document's issue before it or after
// the date («выдан», «дата выдачи», «отделом ...»): the document's own
// date.
func (s *scan) birthAfterDocument() {
	for k, n := 0, len(s.found); k < n; k++ {
		f := s.found[k]
		if t := typeAt[f.typ]; t != Passport && t != SNILS && t != INN || f.rule == ruleDropped {
			continue
		}
		seg := s.toks[f.to-1].seg
		in := func(j int) bool { return j < len(s.toks) && s.toks[j].seg == seg }
		j := f.to
		if in(j) && s.norm(j) == "и" {
			j++
		}
		if !in(j) || s.marks[j] != 0 || !s.toks[j].has(tNum) {
			continue
		}
		end := s.dateRun(j)
		if end <= j || !in(end-1) || !s.monthNamed(j, end) || !s.hasYear(j, end) || s.claimed(j, end) {
			continue
		}
		// From the sentence the number starts in: a number cut over two
		// sentences («паспорт выдан 4510 сто» — «двадцать три 456 12 мая
		// 2015»: groupCut) has its issue said in the first. (The date's
		// end, end, is read below.)
		issued := false
		for i := s.segFrom(f.from); i < end; i++ {
			issued = issued || issueWord(s.norm(i))
		}
		if in(end) && (issueWord(s.norm(end)) || isWord(s.norm(end), "отделом", "отделением", "уфмс", "мвд", "гувд", "овд")) || issued {
			continue
		}
		s.claim(Birthdate, ruleBirthContext, j, end)
	}
}

// issueWord: a word of a document's issue («выдан», «дата выдачи»).
func issueWord(w string) bool {
	return isWord(w, "выдан", "выдана", "выдано", "выдачи", "выдали", "выданный")
}

// premiseWord: a trap word of a room or a part of a building
// («кабинет», «офис», «этаж», «подъезд»), which names small numbers only,
// never a mobile's eleven digits (causes block JG: «смените телефон
// владельца кабинета новый +7 999 ...», «я на пятом этаже мой 8 915 ...»).
func premiseWord(w string) bool {
	return isWord(w, "кабинет", "кабинета", "офис", "офиса", "этаж", "этаже", "подъезд", "подъезде")
}

// foreignPassportShape masks a foreign passport by its shape: two
// letters of its series said by their names or in Latin, then seven
// digits, no more, with no unit after them (causes block JF: «у меня эй
// си один девять ноль два три восемь семь» said where a phone was spoken
// of, «по документу эф эй 2 7 7 1 0 4 3»). The digits may be masked
// already as a phone's or a number's: the letters go with them. Three
// letters before are a word spelled or a plate, not a series.
func (s *scan) foreignPassportShape() {
	for _, c := range s.starts {
		i := int(c)
		if i < 2 || s.toks[i-2].seg != s.toks[i].seg || s.marks[i-1] != 0 || s.marks[i-2] != 0 {
			continue
		}
		// (Nor after a number or a trap word: a Russian vehicle's
		// passport or registration, its region's digits before the
		// letters, «птс 77 эр ха 0 0 4 5 6 1 2», causes block MA.)
		if k := s.toks[i].num(); k != nkDigits && k != nkUnit || !s.seriesName(i-1) || !s.seriesName(i-2) ||
			i > 2 && s.toks[i-3].seg == s.toks[i].seg && (s.seriesName(i-3) || s.toks[i-3].num() != nkNone || s.toks[i-3].has(tTrap)) {
			continue
		}
		seg, j, n := s.toks[i].seg, i, 0
	digits:
		for ; j < len(s.toks) && s.toks[j].seg == seg && n <= 7; j++ {
			switch s.toks[j].num() {
			case nkDigits:
				n += int(s.toks[j].nl)
			case nkUnit:
				n++
			default:
				break digits
			}
		}
		if n != 7 || j < len(s.toks) && s.toks[j].seg == seg && (s.toks[j].has(tUnit) || s.toks[j].num() != nkNone) {
			continue
		}
		if m := s.marks[i]; m != 0 {
			if t := typeAt[s.found[m-1].typ]; t != Phone && t != Number && t != Passport || s.marks[j-1] != m {
				continue
			}
		} else if s.claimed(i, j) {
			continue
		}
		s.claim(Passport, ruleName(Passport, ruleFormat), i-2, j)
	}
}

// seriesName: token k is a letter said by its name («эф», «эй», «ка»)
// or one or two Latin letters («fa», «n»).
func (s *scan) seriesName(k int) bool {
	if s.letterName(k) {
		return true
	}
	w := s.norm(k)
	return len(w) <= 2 && w[0] >= 'a' && w[0] <= 'z' && w[len(w)-1] >= 'a' && w[len(w)-1] <= 'z'
}

// codeWordFamily: a code word (a secret word a bank or an operator keeps
// for the client) starts from its cue («кодовое слово»), the speaker's
// own or the other side's question for it. Every word codeWordCue takes
// is a code's cue in the lexicon (TestCodeWordCuesAreCodes), so the rule
// needs a code's cue on the channel (codeCued) or the other side's
// question (othersCodeWord), not any cue word («номер», «телефон»).
var codeWordFamily = family{
	starts: tCue,
	asks:   othersCodeWord,
	rules:  []familyRule{{run: (*scan).codeWords, asks: codeCued | othersCodeWord}},
}

// codeWordCue: «кодовое», «кодовый», «кодового» (слово).
func codeWordCue(w string) bool { return strings.HasPrefix(w, "кодов") }

// codeWords masks a code word: the word said right after its cue in its
// sentence («кодовое слово барсик», «... кодовое тбилиси», «кодовое слово
// у меня ласточка»), or opening the speaker's first sentence after the
// other side's question for it, in the 10 s after it («и кодовое слово» —
// «пломбир», «черемуха 47», «морошка девичья фамилия мамы»; a sentence of
// one or two fillers alone, «ну да», passed), with a number said right
// after it. A code word is any word: what is no secret is kept (a
// function word, a verb asking or refusing: «назовите кодовое слово»,
// «кодовое слово придумайте», «не помню», «верно»). Never a word of
// another sentence: the asking side's next one is no answer.
func (s *scan) codeWords() {
	for _, c := range s.cand {
		i := int(c)
		if s.marks[i] == 0 && codeWordCue(s.norm(i)) {
			if from, to := s.codeWordAfter(i); to > from {
				s.claim(Code, ruleName(Code, ruleCue), from, to)
			}
		}
	}
	for k := range s.others {
		q := &s.others[k]
		if !q.codeWord || q.own {
			continue
		}
		for _, r := range s.segs {
			if r.from >= r.to || s.t0(&s.toks[r.from]) < q.at-0.5 {
				continue
			}
			if s.t0(&s.toks[r.from])-q.at > 10 {
				break
			}
			j := r.from
			for j < r.to && j < r.from+2 && (s.toks[j].has(tFiller|tConn) || isWord(s.norm(j), "ну", "так", "да", "вот", "это")) {
				j++
			}
			if j == r.to {
				continue // («ну да»: the answer is the next sentence)
			}
			if e := s.codeWordAt(j, s.toks[r.from].seg); e > j {
				s.claim(Code, ruleName(Code, ruleAnswer), j, e)
			}
			break // (its first sentence after the question only)
		}
	}
}

// codeWordAsked reports whether the code word's cue at token i asks for
// it: nothing after «кодовое слово» in its sentence but two words at most
// of asking («если есть», «пожалуйста», «придумайте»), not «кодовое
// слово фамилия мамы ...», a word said after it.
func (s *scan) codeWordAsked(i int) bool {
	j := i + 1
	if j < len(s.toks) && s.toks[j].seg == s.toks[i].seg && s.norm(j) == "слово" {
		j++
	}
	for n := 0; j < len(s.toks) && s.toks[j].seg == s.toks[i].seg; j, n = j+1, n+1 {
		if w := s.norm(j); n >= 2 || !(isWord(w, "если", "есть", "пожалуйста", "ваше", "назовите", "скажите") || strings.HasSuffix(w, "те")) {
			return false
		}
	}
	return true
}

// codeWordAfter returns the tokens [from, to) of the code word said
// after its cue at token i («кодовое слово барсик», «кодовое слово у
// меня кактус 12»: its word and the number after it), none (from == to)
// when no code word is there.
func (s *scan) codeWordAfter(i int) (from, to int) {
	j := i + 1
	if j < len(s.toks) && s.toks[j].seg == s.toks[i].seg && s.norm(j) == "слово" {
		j++
	} else if s.norm(i) != "кодовое" {
		// («кодовый замок», «кодового замка нет»: a thing's word after
		// the cue, no code word; only «кодовое» stands for «кодовое
		// слово», «кодовое тбилиси».)
		return i, i
	}
	for n := 0; n < 2 && j < len(s.toks) && s.toks[j].seg == s.toks[i].seg && isWord(s.norm(j), "у", "меня", "мое", "наше", "это", "такое", "значит"); n++ {
		j++
	}
	return j, s.codeWordAt(j, s.toks[i].seg)
}

// codeWordAt returns the end of a code word at token j, said in the
// sentence seg (no word of another sentence is one): a word of three
// letters or more, unclaimed, no function word, cue, trap, unit or
// number, no word of asking, refusing or confirming, with a number after
// it (four digits at most: «черемуха 47»); j when none is there.
func (s *scan) codeWordAt(j int, seg int32) int {
	if j >= len(s.toks) || s.toks[j].seg != seg || s.marks[j] != 0 {
		return j
	}
	t := &s.toks[j]
	w := s.normOf(t)
	if utf8.RuneCountInString(w) < 3 || !isLetters(w) || t.has(tStop|tConn|tFiller|tCue|tTrap|tNum|tUnit|tMonth|tNameCue|tNameQ|tEmailCue|tAt) ||
		strings.HasSuffix(w, "те") || isWord(w, "верно", "правильно", "неверно", "есть", "нет", "какое", "какой", "помню", "знаю", "забыл", "забыла", "забыли",
		"сейчас", "секунду", "минуту", "подождите", "было", "стоит", "установлено", "нужно", "надо", "тоже", "такое", "слово", "кодовое",
		// (A verdict on the word said, the operator's most often:
		// «кодовое слово неверное», «... совпадает», «... принято».)
		"верное", "неверное", "правильное", "неправильное", "совпадает", "совпало", "подходит", "подошло", "принято", "подтверждено",
		"обязательно", "сказать", "назвать", "вроде") {
		return j
	}
	e := j + 1
	if e < len(s.toks) && s.toks[e].seg == t.seg && s.toks[e].num() == nkDigits && s.toks[e].nl <= 4 && s.marks[e] == 0 && !s.quantityAfter(e+1) {
		e++
	}
	return e
}

// gluedFamily: an answer of number words glued into one token is read
// where the other side asked for a code or a CVV (gluedAnswers): such a
// channel may have no number word at all.
var gluedFamily = family{
	opens: func(s *scan) bool {
		return s.lang == "ru" && s.startSet&othersCodeCVV != 0
	},
	rules: []familyRule{{run: (*scan).gluedAnswers}},
}

// gluedAnswers masks an answer that is one token of number words glued
// together («пятьсотдевятнадцать», «семьдесятдва», as a recognizer
// writes fast speech) and nothing else, said in the 10 s after the other
// side's cue of a code or a CVV whose length its value has («код
// безопасности» — «пятьсотдевятнадцать»: 519). Glued words next to a
// number are read with it (numberSlip); alone, no run starts at them.
func (s *scan) gluedAnswers() {
	for _, r := range s.segs {
		if r.to-r.from != 1 || s.marks[r.from] != 0 || s.lang != "ru" {
			continue
		}
		t := &s.toks[r.from]
		if t.ent != 0 || t.nl < 12 {
			continue
		}
		var parts [3]numWord
		n := s.gluedNumberWords(s.normOf(t), &parts, 0)
		v, last := 0, nkThousand
		for _, p := range parts[:n] {
			// (One number, its parts from the hundreds down: «пятьсот
			// девятнадцать», «семьдесят два», not two numbers side by
			// side, «семьдесят девятнадцать».)
			if !(last == nkThousand && p.kind != nkThousand || last == nkHundred && p.kind < nkHundred || last == nkTens && p.kind == nkUnit) {
				v = -1
				break
			}
			v, last = v+p.val, p.kind
		}
		if n < 2 || v <= 0 {
			continue
		}
		digits := len(strconv.Itoa(v))
		at := s.t0(t)
		for k := range s.others {
			e := &s.others[k]
			if e.own || e.cue == 0 || e.at > at+0.5 || at-e.at > 10 {
				continue
			}
			if c := e.cueType(); (c == CVV || c == Code) && fits(c, digits) {
				s.claim(c, ruleName(c, ruleAnswer), r.from, r.to)
				break
			}
		}
	}
}

// numbers finds the dictated numbers and masks those that are personal:
// by their cue (own side's, or the other side's question), by their
// format (Luhn, SNILS and INN checksums, phone shapes, 20-digit accounts),
// or by their length alone (ten digits and more, no cue saying otherwise).
func (s *scan) numbers() {
	prevEnd := 0
	s.expiryEnd = -1
	var z zone
	// i is where the next number may start (the starts account filed
	// before it are inside the last one); a run starts only at a start.
	i := 0
	for _, c := range s.starts {
		if int(c) < i {
			continue
		}
		i = int(c)
		if !s.toks[i].mayStartRun() || !s.isRunStart(i) {
			continue
		}
		// A dictation that opens with a recognizer's slip («сорокдва
		// девятнадцать ...», «но четыре семь семь ...») starts there.
		var parts [3]numWord
		if i > prevEnd && s.toks[i-1].seg == s.toks[i].seg && s.marks[i-1] == s.marks[i] && s.numberSlip(i-1, false, &parts) > 0 {
			i--
		}
		s.readZone(i, &z, 0)
		if z.to <= i {
			continue
		}
		if k := len(z.runs); k > 0 && z.runs[k-1].thousand && s.slipCorrected(z.to) {
			// («код 3 тысяча нет 3 1 0 0 0»: the slip is read with the
			// value after it, its cue before both.)
			i = z.to
			continue
		}
		if z.from > 0 && (s.toks[z.from-1].has(tExpiry) || s.untilAfterCard(z.from-1)) && (s.monthYear(z.from) && z.to == z.from+2 || s.monthYearDigits(&z)) {
			s.expiryEnd = z.to // («срок 03 29 и 905»: cvvAfterCard)
		}
		if s.claimed(z.from, z.to) || z.d0 == z.d1 {
			// A number said right after a claimed one in the same run
			// («12 мая [1980] 8 916 123 45 67»: the phone after the date
			// of birth) is read from its own start.
			if k := s.unclaimedTail(&z); k < z.to {
				i, prevEnd = k, k
				continue
			}
			i = z.to
			prevEnd = z.to
			continue
		}
		k, typ := s.expiryThenCode(&z)
		if n := z.n(); k == z.to && n >= 6 && n <= 9 {
			// (The same, the month one word or the code «900 0 4»: six to
			// nine digits, its own first test, at the call.)
			k, typ = s.expiryWordsThenCode(&z)
		}
		if k < z.to {
			// The expiry kept, the code after it masked (the zone was
			// read again from k: recordNumber takes its digits).
			s.readZone(k, &z, 0)
			s.claim(typ, ruleName(typ, ruleAnswer), k, z.to)
			s.recordNumber(typ, ruleName(typ, ruleAnswer), &z)
			i, prevEnd = z.to, z.to
			continue
		}
		typ, rule := s.classifyZone(&z, prevEnd)
		typ, rule = s.lastGroupAfterAnd(i, prevEnd, &z, typ, rule, 0)
		if typ == "" && z.n() >= 14 && s.mobileClosingMay(&z) { // (its length first: no call for most zones)
			// A mobile number closing a longer run, said in one breath
			// after another number asked with it, the whole kept (a trap
			// word named the other: a patent's, an order's): the mobile
			// masked, the other kept. (A run masked whole by its length
			// stays so.)
			if k := s.mobileClosing(i, &z); k < z.to {
				s.claim(Phone, ruleName(Phone, ruleAnswer), k, z.to)
				s.recordNumber(Phone, ruleName(Phone, ruleAnswer), &z)
				i, prevEnd = z.to, z.to
				continue
			}
		}
		if typ == "" || typ == Number {
			if t := s.secondOfType(&z, prevEnd); t != "" {
				typ, rule = t, ruleName(t, ruleCue)
			} else if t := s.negatedOfType(&z); t != "" {
				typ, rule = t, ruleName(t, ruleCue)
			} else if t := s.groupOfType(&z); t != "" {
				typ, rule = t, ruleName(t, ruleCue)
			} else if t := s.kinOfType(&z); t != "" {
				typ, rule = t, ruleName(t, ruleCue)
			} else if t := s.namedThenBid(&z); t != "" {
				typ, rule = t, ruleName(t, ruleCue)
			} else if t := s.numberShapesMay(&z); t != "" {
				typ, rule = t, ruleName(t, ruleCue)
			}
		}
		if t, r := s.overAside(i, &z, typ); t != "" {
			// Both parts masked, the aside between them kept.
			s.claim(t, r, z.from, s.aside0)
			s.claim(t, r, s.aside1, z.to)
			s.recordNumber(t, r, &z)
			i, prevEnd = z.to, z.to
			continue
		}
		if typ != "" && s.roundThousands(&z) {
			typ, rule = "", ruleDropped // a sum: «30 000», «15 000» (block GZ)
		}
		if typ == Passport && s.issueDateDigits(&z) {
			typ, rule = "", ruleDropped // the passport's issue date: «паспорт выдан 12 03 2000» (review rv22c)
		}
		// A dictation the speaker goes on with in their next sentence
		// («8» — «926» — «517 28 90»; «четыреста восемь семнадцать» —
		// «восемьсот десять ...»): read as one, unless the first part is
		// a whole number by its shape already, or the whole reads as
		// nothing (then each part is read alone).
		if (typ == "" || typ == Number) && s.continues(z.to) && s.joinable(&z, prevEnd) && !s.expiryAsked(&z) {
			// The most sentences (three at most) that still make one
			// number of a type: «ноль» — «0 ноль 84 785 635» is a SNILS,
			// and with the repetition after it, too long for one. A
			// number that is one alone is not joined: the next sentence
			// is then another (a SNILS after the passport).
			var zj zone
			best := 0
			for k, last := 1, z.to; k <= 3; k++ {
				s.readZone(i, &zj, k)
				if zj.to == last {
					break
				}
				last = zj.to
				if tj, rj := s.classifyZone(&zj, prevEnd); tj != "" && tj != Number {
					best, typ, rule = k, tj, rj
				} else if tl, rl := s.lastGroupAfterAnd(i, prevEnd, &zj, tj, rj, k); tl != tj && tl != "" && tl != Number {
					// Its last group after «и» in the last sentence
					// («триста тридцать шестьсот семьдесят восемь» —
					// «дальше» — «триста шестьдесят семь и восемьдесят
					// один»: a SNILS only with it).
					best, typ, rule = k, tl, rl
				}
			}
			s.readZone(i, &z, best)
			if best == 0 {
				typ, rule = s.classifyZone(&z, prevEnd)
			} else {
				// Its last group after «и», in the last sentence
				// joined («триста один» — «двести сорок пять» —
				// «шестьсот девяносто четыре и двадцать пять»).
				typ, rule = s.lastGroupAfterAnd(i, prevEnd, &z, typ, rule, best)
			}
		}
		i = z.to
		if typ == Phone && (s.companyPhone(&z) || s.memorableLandline(&z)) || typ != "" && s.notPersonalNumber(typ, &z) {
			typ = ""
		}
		if typ != "" {
			z.from = s.falseStart(&z, prevEnd)
		}
		prevEnd = z.to
		if e, c := s.cardExpiryCode(typ, &z); e < z.to {
			// The card, its expiry kept, the security code after it
			// («4377 7437 2427 0873 08 27 119»).
			s.claim(Card, ruleCardLuhn, z.from, e)
			s.claim(CVV, ruleName(CVV, ruleCue), c, z.to)
			var zc zone
			s.readZone(z.from, &zc, 0) // (recordNumber takes the digits of what it is given)
			zc.to, zc.d1 = e, zc.d0+int32(s.luhnTokens(z.from, e))
			s.recordNumber(Card, ruleCardLuhn, &zc)
		} else if e := s.cardThenCode(&z, prevEnd); e < z.to {
			// The card, the security code said on after it in one
			// breath («... 0568 9056 2 3 6»).
			s.claim(Card, ruleCardLuhn, z.from, e)
			s.claim(CVV, ruleName(CVV, ruleCue), e, z.to)
			z.to, z.d1 = e, z.d0+16
			s.recordNumber(Card, ruleCardLuhn, &z)
		} else if e := s.expiryAfter(&z); typ != "" && e < z.to {
			// The card without its expiry.
			s.expiryEnd = z.to
			typ, rule = Card, ruleCardLuhn
			s.claim(typ, rule, z.from, e)
			z.to, z.d1 = e, z.d1-4 // (its echoes are the card's digits)
			s.recordNumber(typ, rule, &z)
		} else if e := s.snilsBeforeMore(typ, &z); e < z.to {
			// The SNILS in its 3-3-3-2 groups, the rest of the run read
			// from its own start (a date of birth, a passport said on).
			s.claim(SNILS, ruleName(SNILS, ruleFormat), z.from, e)
			z.to, z.d1 = e, z.d0+11
			s.recordNumber(SNILS, ruleName(SNILS, ruleFormat), &z)
			i, prevEnd = e, e
			continue
		} else if e, nd := s.cardBeforeAmount(typ, &z); e < z.to {
			// The card without the amount said after it.
			typ, rule = Card, ruleCardLuhn
			s.claim(typ, rule, z.from, e)
			z.to, z.d1 = e, z.d0+int32(nd)
			s.recordNumber(typ, rule, &z)
		} else if e := s.cardEndBeforeSum(&z); typ == "" && e < z.to {
			// The card's end without the amount said after it.
			typ, rule = Card, ruleCardEnding
			s.claim(typ, rule, z.from, e)
			z.to, z.d1 = e, z.d0+4
			s.recordNumber(typ, rule, &z)
		} else if typ != "" {
			s.claim(typ, rule, z.from, z.to)
			s.recordNumber(typ, rule, &z)
			if typ == Phone {
				s.nameBeforePhone(z.from)
			}
		}
	}
	s.areaCodes()
}

// mobileClosingMay reports whether zone z may close with a mobile number
// said on after another number (mobileClosing): three digits or more
// before eleven from 89, the other side's question for a phone in the 10
// s before it.
func (s *scan) mobileClosingMay(z *zone) bool {
	d := s.zoneDigits(z)
	if len(d) < 14 || !strings.HasPrefix(d[len(d)-11:], "89") {
		return false
	}
	return s.otherCueNear(s.t0(&s.toks[z.from]), func(e *cueEvent) bool { return !e.own && e.cueType() == Phone })
}

// mobileClosing returns the token a mobile number opens that closes zone
// z, read from i, when said on in one breath after another number the
// other side asked for with it («номер патента и ваш телефон» — «патент
// семьдесят семь ноль два два три сорок один восемь девятьсот девяносто
// девять восемьсот восемь ноль семь ноль семь»: causes block RI): «8»
// or «восемь» opening eleven digits of a mobile's shape to the zone's
// end. It returns z.to when there is none; either way z is read again,
// from that token or from i, and its digits are the mobile's or the
// zone's.
func (s *scan) mobileClosing(i int, z *zone) int {
	end := z.to
	for k := z.from + 1; k < end-1; k++ {
		if w := s.norm(k); w != "8" && w != "восемь" {
			continue
		}
		s.readZone(k, z, 0)
		if z.to == end && strongFormat(s.zoneDigits(z)) == Phone {
			return k
		}
	}
	s.readZone(i, z, 0)
	return z.to
}

// secondOfType is the type of the number masked right before z when z is
// a second value of that type said after it with «и» («два кода 6 1 4 4
// и 9 2 8 0», «две карты на 4410 и на 7723»): as many digits, in the same
// sentence, with no unit and no «года» after it. Two sums or two counts so joined are
// not masked to begin with; a code and «и 5 минут» differ in length.
func (s *scan) secondOfType(z *zone, prevEnd int) Type {
	j := z.from - 1
	if j >= 1 && s.norm(j) == "на" {
		j--
	}
	// («... [code] и сразу за ним ещё 94 02»: «ещё», «потом» before it,
	// up to three words between «и» and it, none a number, a cue or a
	// trap word; causes block MC.)
	if j >= 2 && isWord(s.norm(j), "ещё", "еще", "потом") {
		for k := j - 1; k >= 1 && k >= j-4 && s.toks[k].seg == s.toks[z.from].seg && s.marks[k] == 0 && !s.toks[k].has(tNum|tCue|tTrap|tUnit); k-- {
			if s.norm(k) == "и" {
				j = k
				break
			}
		}
	}
	if j < 1 || s.norm(j) != "и" || s.toks[j].seg != s.toks[z.from].seg || s.marks[j-1] == 0 || s.quantityAfter(z.to) || len(s.nclaims) == 0 ||
		z.to < len(s.toks) && s.toks[z.to].seg == s.toks[z.from].seg && isWord(s.norm(z.to), "год", "года", "году", "годом") {
		return ""
	}
	// (The number masked last: its digits are the last claim's.)
	last := &s.nclaims[len(s.nclaims)-1]
	if f := &s.found[s.marks[j-1]-1]; f.to != j || f.typ != last.typ || int(last.d1-last.d0) != z.n() {
		return ""
	}
	switch t := typeAt[last.typ]; t {
	case Code, CVV, Card, Account, Passport:
		return t
	}
	return ""
}

// kinOfType is the type of the speaker's number masked last, within 15 s,
// when z is a relative's value of that kind said after the relative's
// word («у меня паспорт [...] у дочки свидетельство а муж 92 08 645
// 019», «мой снилс [...] а у мамы ...», «[...] мама 4512 ...»: causes
// block KT): the word (after «у» or not) opens a contrast with «а» or
// «и» or follows the masked value; as many digits, no unit and no
// «года» after it. Run on a number no rule typed.
func (s *scan) kinOfType(z *zone) Type {
	j := z.from - 1
	if j < 1 || len(s.nclaims) == 0 || s.toks[j].seg != s.toks[z.from].seg || !familyWord(s.norm(j)) {
		return ""
	}
	j--
	if s.norm(j) == "у" && j > 0 {
		j--
	}
	if s.toks[j].seg != s.toks[z.from].seg || s.marks[j] == 0 && !isWord(s.norm(j), "а", "и") || s.quantityAfter(z.to) ||
		z.to < len(s.toks) && s.toks[z.to].seg == s.toks[z.from].seg && isWord(s.norm(z.to), "год", "года", "году", "годом") {
		return ""
	}
	last := &s.nclaims[len(s.nclaims)-1]
	if int(last.d1-last.d0) != z.n() || s.t0(&s.toks[z.from])-last.at > 15 {
		return ""
	}
	switch t := typeAt[last.typ]; t {
	case Passport, SNILS, INN, Phone, Card, Account:
		return t
	}
	return ""
}

// namedThenBid is the type of the value the speaker named in their
// previous sentence, within 12 s, without saying it («код для личного
// кабинета пришёл а не входит»), when the other side only bid them say
// it («назовите», «диктуйте»: a short sentence, no question of its own)
// or said nothing, and z is the client's next sentence («шестьдесят
// восемь сорок четыре два»: causes block LB; «там триста баллов пришло»
// is not), of as many digits as that type has.
func (s *scan) namedThenBid(z *zone) Type {
	if s.role == schemas.RoleOperator || !s.segStart(z.from) || s.quantityAfter(z.to) || z.to < len(s.toks) && s.toks[z.to].seg == s.toks[z.from].seg {
		return ""
	}
	at := s.t0(&s.toks[z.from])
	seg := s.toks[z.from].seg
	var typ Type
	from := at
	for k := len(s.cues) - 1; k >= 0; k-- {
		e := &s.cues[k]
		if e.at >= at {
			continue
		}
		if at-e.at > 12 || !s.sentenceBefore(e.seg, seg) {
			break
		}
		if e.cue != 0 && !e.dictated {
			typ, from = typeAt[e.cue-1], e.at
			break
		}
	}
	if typ == "" || !fitsZone(typ, z) {
		return ""
	}
	// (The other side's bid is a short sentence: nothing of four words or
	// more, no question of theirs, between.)
	for k := range s.othersSpoke {
		if e := &s.othersSpoke[k]; e.at > from && e.at <= at+0.5 && !e.goOn {
			return ""
		}
	}
	for k := range s.others {
		if e := &s.others[k]; !e.own && e.at > from && e.at <= at+0.5 && (e.cue != 0 || e.trap || e.name || e.dob || e.mail) {
			return ""
		}
	}
	return typ
}

// sentenceBefore reports whether segment a is the speaker's sentence
// before segment b on its channel: a segment between them with no letter
// and no digit (the recognizer heard nothing) is no sentence of theirs.
func (s *scan) sentenceBefore(a, b int32) bool {
	if a >= b {
		return false
	}
	for k := a + 1; k < b; k++ {
		if !wordless(&s.src[k]) {
			return false
		}
	}
	return true
}

// negatedOfType is the type of the number masked right before z when z
// is said after it with «а не», the value it is not: the wrong one of a
// correction («семь восемь два ноль шесть один шесть один а не девять
// один», «... 78 12 шестьдесят пять а не пятьдесят шесть»), no more
// digits than the masked one, in the same sentence, with no unit and no
// «года» after it. Sums and dates so corrected are not masked to begin
// with. So is a value of as many digits said after another contrast
// (contrastPhrase: «а надо», «а на карте», «а следующий»), right after
// the masked one or two words after it (causes block JH: «я ввёл 2 8 8 а
// надо 2 3 8», «[код] пишет неверный а следующий 3 3 7 0 4 1»).
func (s *scan) negatedOfType(z *zone) Type {
	a, negated := z.from-2, true
	if a < 1 || !s.negatedAfter(a) {
		negated = false
		if a = s.contrastPhrase(z.from); a < 1 {
			return ""
		}
	}
	if s.toks[z.from].seg != s.toks[a].seg || s.quantityAfter(z.to) || len(s.nclaims) == 0 ||
		z.to < len(s.toks) && s.toks[z.to].seg == s.toks[z.from].seg && isWord(s.norm(z.to), "год", "года", "году", "годом") {
		return ""
	}
	e := a - 1 // the masked value's last token
	for !negated && e > 0 && e >= a-2 && s.marks[e] == 0 && s.toks[e].seg == s.toks[a].seg && s.toks[e].num() == nkNone {
		e--
	}
	if s.marks[e] == 0 || s.toks[e].seg != s.toks[a].seg {
		return ""
	}
	last := &s.nclaims[len(s.nclaims)-1]
	if f := &s.found[s.marks[e]-1]; f.to != e+1 || f.typ != last.typ || int(last.d1-last.d0) < z.n() || !negated && int(last.d1-last.d0) != z.n() {
		return ""
	}
	return typeAt[last.typ]
}

// contrastPhrase returns where «а» opens a contrast right before token
// i that puts a value in the place of another («а надо», «а нужно было»,
// «а правильно», «а на карте», «а следующий», «а новый»), or -1.
func (s *scan) contrastPhrase(i int) int {
	if i < 2 {
		return -1
	}
	w := s.norm(i - 1)
	a := i - 2
	switch w {
	case "надо", "нужно", "правильно", "правильный", "следующий", "новый":
	case "было":
		if v := s.norm(i - 2); v != "надо" && v != "нужно" {
			return -1
		}
		a = i - 3
	case "карте":
		if s.norm(i-2) != "на" {
			return -1
		}
		a = i - 3
	default:
		return -1
	}
	if a < 1 || s.toks[a].nl != 2 || s.norm(a) != "а" {
		return -1
	}
	return a
}

// groupOfType is the type of the number a group of two to four digits
// is of when its place in it is named before it («вторая группа 16 80
// так», «нет третья группа тридцать три пятьдесят четыре»): read back or
// corrected while a card, an account or another identifier is taken
// down, a middle group no echo finds at its start or end. The type is
// the speaker's last masked number's in the minute before, or the last
// one asked for by either side; none, and no type («первая группа
// крови», «третья группа 12 человек»: no number asked or said).
func (s *scan) groupOfType(z *zone) Type {
	j := z.from - 1
	if j < 1 || z.n() < 2 || z.n() > 4 || s.quantityAfter(z.to) || s.toks[j].seg != s.toks[z.from].seg || s.toks[j-1].seg != s.toks[j].seg ||
		s.norm(j) != "группа" || s.toks[j-1].num() != nkOrdinal && s.norm(j-1) != "последняя" {
		return ""
	}
	if w := s.norm(j - 1); !strings.HasSuffix(w, "ая") && w != "третья" {
		return ""
	}
	at := s.t0(&s.toks[z.from])
	identifier := func(t Type) bool {
		switch t {
		case Card, Account, Phone, SNILS, INN, Passport:
			return true
		}
		return false
	}
	for k := len(s.nclaims) - 1; k >= 0; k-- {
		if c := &s.nclaims[k]; at-c.at <= 60 && identifier(typeAt[c.typ]) {
			return typeAt[c.typ]
		}
	}
	var typ Type
	last := -1.0
	for _, es := range [2][]cueEvent{s.cues, s.others} {
		for k := range es {
			if e := &es[k]; e.cue != 0 && e.at <= at && at-e.at <= 60 && e.at > last && identifier(typeAt[e.cue-1]) {
				typ, last = typeAt[e.cue-1], e.at
			}
		}
	}
	return typ
}

// areaCodes masks a landline's area code said with «код города» in the
// sentence of a masked phone, before or after it («домашний 2 14 56 30
// код города 4 8 2 2»): three to five digits. Run after numbers, only
// where a phone was masked.
func (s *scan) areaCodes() {
	for k, n := 0, len(s.found); k < n; k++ {
		f := s.found[k]
		if typeAt[f.typ] != Phone || f.rule == ruleDropped {
			continue
		}
		seg := s.toks[f.from].seg
		var z zone
		for j := s.segFrom(f.from) + 2; j < len(s.toks) && s.toks[j].seg == seg; j++ {
			if s.marks[j] != 0 || !s.toks[j].has(tNum) || s.norm(j-1) != "города" || s.norm(j-2) != "код" || !s.isRunStart(j) {
				continue
			}
			s.readZone(j, &z, 0)
			if z.n() >= 3 && z.n() <= 5 && !s.claimed(z.from, z.to) && !s.quantityAfter(z.to) {
				s.claim(Phone, f.rule, z.from, z.to)
				s.recordNumber(Phone, f.rule, &z)
			}
		}
	}
}

// companyPhone reports whether a phone the operator says is the
// company's: a landline (not 8 9.., not a mobile) said with an office's
// words before it in its sentence («телефон регистратуры», «позвоните в
// диспетчерскую», «справочная», «наш офис») or its hours after it («с 8
// до 20», «круглосуточно»), and nothing that says it is the client's
// («ваш», «вам», «домашний»).
func (s *scan) companyPhone(z *zone) bool {
	if s.role != schemas.RoleOperator {
		return s.clientCompanyPhone(z)
	}
	d := s.zoneDigits(z)
	if !(len(d) == 11 && (d[0] == '8' || d[0] == '7') && d[1] != '9' || len(d) == 10 && d[0] != '9') {
		return false
	}
	seg := s.toks[z.from].seg
	// Said in the operator's first sentence, the greeting: nobody's
	// number has been asked for yet («мосэнергосбыт оплата по телефону
	// 8 499 ...»).
	office := seg == 0
	for j := z.from - 1; j >= 0 && j >= z.from-6 && s.toks[j].seg == seg; j-- {
		w := s.norm(j)
		if strings.HasPrefix(w, "ваш") || isWord(w, "вам", "вас", "вы", "вами", "домашний", "домашнего", "мобильный", "контактный", "клиента") {
			return false
		}
		office = office || institutionWord(w)
	}
	if j := z.to; !office && j < len(s.toks) && s.toks[j].seg == seg {
		w := s.norm(j)
		office = isWord(w, "круглосуточно", "ежедневно") || w == "с" && j+2 < len(s.toks) && s.toks[j+1].has(tNum) && s.toks[j+2].seg == seg && s.norm(j+2) == "до"
	}
	return office
}

// memorableLandline reports whether a landline (no mobile's 9 after 8 or
// 7) ends in a pair said twice or three times, the number a company buys
// to be remembered («8 495 956 55 55», «8 495 120 00 00», «... 981 81 81»;
// 41 of the written sets' 126 landline hotline traps end so, 1 of their
// 42 landline phone spans), and nothing makes it the client's: no «ваш»,
// «мой», «домашний», «мобильный», «контактный», «личный» in the six words
// before it, no question for a phone of the other side's just before it
// («продиктуйте контактный номер» — «8 495 234 09 09»). Causes block QS.
func (s *scan) memorableLandline(z *zone) bool {
	d := s.zoneDigits(z)
	if !(len(d) == 11 && (d[0] == '8' || d[0] == '7') && d[1] != '9' || len(d) == 10 && d[0] != '9') {
		return false
	}
	t := d[len(d)-6:]
	if !(t[2:4] == t[4:6] || t[0:2] == t[2:4] && t[2:4] == t[4:6]) {
		return false
	}
	seg := s.toks[z.from].seg
	for j := z.from - 1; j >= 0 && j >= z.from-6 && s.toks[j].seg == seg; j-- {
		w := s.norm(j)
		if strings.HasPrefix(w, "ваш") || strings.HasPrefix(w, "мо") && isWord(w, "мой", "моя", "мое", "моё", "мою", "моего", "моей", "мобильный") ||
			isWord(w, "мне", "домашний", "домашнего", "контактный", "контактного", "личный", "личного", "клиента") {
			return false
		}
	}
	at := s.t0(&s.toks[z.from])
	return !s.otherCueNear(at, func(e *cueEvent) bool { return e.cueType() == Phone })
}

// clientCompanyPhone reports whether a landline the client says is a
// company's (causes block FY): a company named right before it in its
// sentence, by its legal form, as an organisation or an employer, or its
// personnel department («ооо стройком 8 343 ...», «телефон компании 8
// 495 ...», «отдел кадров 8 812 ...»), and no word that makes it the
// client's («мой», «рабочий», «мне»).
func (s *scan) clientCompanyPhone(z *zone) bool {
	d := s.zoneDigits(z)
	if !(len(d) == 11 && (d[0] == '8' || d[0] == '7') && d[1] != '9') {
		return false
	}
	seg, company := s.toks[z.from].seg, false
	for j := z.from - 1; j >= 0 && j >= z.from-4 && s.toks[j].seg == seg; j-- {
		w := s.norm(j)
		if strings.HasPrefix(w, "мо") && isWord(w, "мой", "моя", "мое", "моего", "мобильный") || isWord(w, "мне", "меня", "рабочий", "рабочего", "домашний", "личный") {
			return false
		}
		company = company || isWord(w, "компании", "организации", "ооо", "оао", "зао", "пао", "ао", "ип", "кадров", "кадры", "работодателя", "работодатель", "фирмы")
	}
	return company
}

// institutionWord: a word naming a company's office or service, whose
// phone it gives, or «наш» in its forms (not «нашли», «нашёл»: ourWord).
func institutionWord(w string) bool { return institutionWords.of(w) || ourWord(w) }

var institutionWords = newBeginningSet("регистратур", "диспетчер", "справочн", "офис", "отделени", "горяч", "приемн", "центр", "служб", "клиник", "поликлиник",
	"бухгалтери", "касс", "ресепшн", "администрац", "филиал", "магазин", "аптек", "школ", "комисси", "деканат", "больниц", "управляющ",
	"контор", "нотариал", "агентств", "бюро", "фонд", "инспекц", "ветклиник", "лаборатор", "салон", "ателье", "банк", "страхов", "гостиниц", "отел", "университет", "колледж",
	// A state office's department, a court (causes block KW: «звоните в
	// отдел по номеру 8 495 ...»).
	"отдел", "суд", "канцеляр", "военкомат", "комиссариат", "загс", "архив")

// nameBeforePhone: a surname said right before a phone's cue is whose
// the phone is («воробьев номер 89...», «давыдов телефон восемь ...»).
func (s *scan) nameBeforePhone(from int) {
	c, seg := from-1, s.toks[from].seg
	if c < 1 || s.toks[c].seg != seg || s.toks[c-1].seg != seg || !isWord(s.norm(c), "номер", "телефон") {
		return
	}
	if k := c - 1; s.marks[k] == 0 && surnameLike(s.norm(k), s.toks[k].trig) {
		s.claim(Name, ruleNameCue, k, c)
	}
}

// falseStart extends a personal number back over a false start the
// speaker broke off: «восемь сто пятнадцать нет подождите восемь девятьсот
// пятнадцать...». A number before it, in the same sentence, separated by
// at most four words that are no cue, trap, unit or month, goes with it.
func (s *scan) falseStart(z *zone, prevEnd int) int {
	seg := s.toks[z.from].seg
	j := z.from - 1
	for n := 0; j >= prevEnd && n < 4 && s.toks[j].seg == seg && s.toks[j].num() == nkNone; n++ {
		if s.toks[j].has(tCue|tTrap|tUnit|tMonth|tHouse|tStreet) || s.marks[j] != 0 {
			return z.from
		}
		j--
	}
	if j < prevEnd || j < 0 || s.toks[j].seg != seg || !runWord(s.toks[j].num()) || s.marks[j] != 0 || s.negatedOne(j) {
		return z.from
	}
	k := j
	for k > prevEnd && s.toks[k-1].seg == seg && (runWord(s.toks[k-1].num()) || s.toks[k-1].has(tFiller)) && s.marks[k-1] == 0 {
		k--
	}
	if s.quantityAfter(j + 1) {
		return z.from
	}
	return k
}

// cardEndSaid reports whether a zone is a card's last four digits by
// their shape, said right after a card's word with no word for an end
// («на карте 4 5 2 1 осталось ...», «оплата картой 8380», «удержим с
// карты 0699», «нужна карта 77 31», «с карты шестьдесят два ноль
// девять»): four digits, as one token written in digits or in groups of
// one or two digits. That is how people name a card; an amount has its
// thousands said («картой 1 340», «по карте 3 000», «две тысячи
// четыреста») or its unit after it («карта 990 рублей», «100 дней»,
// read before this).
func (s *scan) cardEndSaid(z *zone) bool {
	if z.n() != 4 || z.from == 0 || s.toks[z.from-1].seg != s.toks[z.from].seg || !s.cueAt(z.from-1) || s.toks[z.from-1].cue() != Card {
		return false
	}
	return s.endShaped(z)
}

// accountEndSaid reports whether a zone is an account's last four digits
// by their shape (endShaped), said right after the account's word in an
// oblique case («по вашему счету три восемь семь два», «со счета 4417»):
// not the nominative «счёт», an invoice («счет 4 380»), nor a balance
// after «на», «в» («на счету 2475»).
func (s *scan) accountEndSaid(z *zone) bool {
	j := z.from - 1
	if z.n() != 4 || j < 0 || s.toks[j].seg != s.toks[z.from].seg || !s.cueAt(j) || s.toks[j].cue() != Account ||
		!isWord(s.norm(j), "счету", "счета", "счетом", "счете") || j > 0 && s.toks[j-1].seg == s.toks[j].seg && isWord(s.norm(j-1), "на", "в") {
		return false
	}
	return s.endShaped(z)
}

// endShaped reports whether four digits are said as the end of a card or
// an account is: one token in digits, not a round number, or groups of
// one or two digits; no thousands, no expiry's month and year.
func (s *scan) endShaped(z *zone) bool {
	for _, r := range z.runs {
		if r.thousand {
			return false
		}
	}
	// (Not a card's expiry, «оплатили картой 03 28», nor a round sum
	// written in one token, «на карте 1500 осталось»: a card's end ends
	// in 00 one time in a hundred.)
	if s.monthYear(z.from) && z.to == z.from+2 {
		return false
	}
	gs := s.zoneGroups(z)
	if len(gs) == 1 {
		return z.to == z.from+1 && s.toks[z.from].num() == nkDigits && !strings.HasSuffix(s.norm(z.from), "00")
	}
	for _, g := range gs {
		if g.n() > 2 {
			return false
		}
	}
	return true
}

// cameBefore reports whether a zone is what came, said right after
// «пришёл», «пришло», «пришла» (a message's word, «вот», «уже», «мне»
// between at most: «пришла смска 3 1 1 6 0 8», «да пришел 8 0 3 3»):
// a code, the thing people are asked to say that comes. It has a code's
// length and its shape, its digits one or two a group or one token,
// not a round number («зарплата пришла 45000»): a sum or a time after
// the verb comes with a preposition or a noun («пришел счет на 4 380»,
// «пришла в 14 20», read as such) or with its thousands.
func (s *scan) cameBefore(z *zone) bool {
	n := z.n()
	if n < 3 || n > 8 || z.from == 0 {
		return false
	}
	seg := s.toks[z.from].seg
	j := z.from - 1
	for k := 0; k < 2 && j > 0 && s.toks[j].seg == seg && cameBetween(s.norm(j)); k++ {
		j--
	}
	if s.toks[j].seg != seg || !cameWord(s.norm(j)) {
		return false
	}
	for _, r := range z.runs {
		if r.thousand {
			return false
		}
	}
	gs := s.zoneGroups(z)
	if len(gs) == 1 {
		return s.toks[z.from].num() == nkDigits && !strings.HasSuffix(s.norm(z.from), "00")
	}
	for _, g := range gs {
		if g.n() > 2 {
			return false
		}
	}
	return true
}

// cameNear reports whether a coming verb (cameWord) stands among the
// three tokens before token i in its sentence: numbersMay's bound of
// cameBefore.
func (s *scan) cameNear(i int) bool {
	for j := i - 1; j >= 0 && j >= i-3 && s.toks[j].seg == s.toks[i].seg; j-- {
		if cameWord(s.norm(j)) {
			return true
		}
	}
	return false
}

// cameWord: «пришёл» and its forms, what a code does (cameBefore).
func cameWord(w string) bool {
	switch w {
	case "пришел", "пришёл", "пришло", "пришла", "пришли", "приходит":
		return true
	}
	return false
}

// cameBetween: a word said between «пришла» and the code (cameBefore).
func cameBetween(w string) bool {
	switch w {
	case "смс", "смска", "смску", "sms", "сообщение", "вот", "уже", "мне", "же":
		return true
	}
	return false
}

// cardEndBeforeSum returns where a card's end stops when an amount in
// digits follows it in the same run, right after a card's word («с
// карты 7239 4 500», «картой 3902 12 300»): one token of four digits,
// then groups written as a sum's (one to three digits, then groups of
// three). z.to when the zone is no such thing.
func (s *scan) cardEndBeforeSum(z *zone) int {
	if z.to-z.from < 3 || z.from == 0 || s.toks[z.from-1].seg != s.toks[z.from].seg || !s.cueAt(z.from-1) || s.toks[z.from-1].cue() != Card {
		return z.to
	}
	if s.toks[z.from].num() != nkDigits || len(s.norm(z.from)) != 4 {
		return z.to
	}
	for k := z.from + 1; k < z.to; k++ {
		n := len(s.norm(k))
		if s.toks[k].num() != nkDigits || k == z.from+1 && (n < 1 || n > 3) || k > z.from+1 && n != 3 {
			return z.to
		}
	}
	return z.from + 1
}

// partPhrase returns the token after a part of a number named at j, in
// its sentence («это первая часть», «вторая половина», a SNILS's «и
// контрольное число»), or j.
func (s *scan) partPhrase(j int) int {
	k := j
	if k < len(s.toks) && isWord(s.norm(k), "это", "и", "а") {
		k++
	}
	if k+1 < len(s.toks) && s.toks[k].seg == s.toks[j].seg && s.toks[k+1].seg == s.toks[j].seg && s.toks[k].num() == nkOrdinal && isWord(s.norm(k+1), "часть", "половина") {
		return k + 2
	}
	return s.controlPhrase(k, j)
}

// andPhrase returns the token after «и» (and «еще», «последние», and a
// doubt: «вроде», «вроде бы», «кажется», «наверное») at j when a number
// may follow it in j's sentence, or j («1 9 и вроде 6», «2 4 и
// последняя кажется 1»: a worn card read digit by digit).
func (s *scan) andPhrase(j int) int {
	if j >= len(s.toks) || s.norm(j) != "и" {
		return j
	}
	k := j + 1
	if k < len(s.toks) && s.toks[k].seg == s.toks[j].seg && isWord(s.norm(k), "еще", "последние", "последняя", "последний") {
		k++
	}
	if k < len(s.toks) && s.toks[k].seg == s.toks[j].seg && isWord(s.norm(k), "вроде", "кажется", "наверное") {
		k++
		if k < len(s.toks) && s.toks[k].seg == s.toks[j].seg && s.norm(k) == "бы" {
			k++
		}
	}
	if k >= len(s.toks) || s.toks[k].seg != s.toks[j].seg {
		return j
	}
	return k
}

// checksummed is the type whose checksum digits d pass (a card, a SNILS,
// an INN), or "".
func checksummed(d string) Type {
	switch t := strongFormat(d); t {
	case Card, SNILS, INN:
		return t
	}
	return ""
}

// overAside reads the zone z (from token i, typed typ) on over a short
// aside said in the middle of it, with no digit («871 379 ой секунду он
// вертится 486 56», «568 604 так где ж он 981 747»), when the part
// before the aside is no whole number of its type and the two parts
// together are: a card, a SNILS or a 12-digit INN passing its checksum,
// a person's 20-digit account (408...), or a mobile's ten digits whose
// first part is its 9xx code (a card of 16 digits, the part before no
// round sum: «2 499 000 со скидкой 2 299 000»). It returns the type and
// rule, the zone read as the whole and the aside at s.aside0..s.aside1;
// or "" with z unchanged
// (two sums or a room and a time broken by an aside pass no checksum or
// are not of such a length: block KR).
func (s *scan) overAside(i int, z *zone, typ Type) (Type, ruleID) {
	switch typ {
	case "", Number, Card, SNILS, INN, Account:
	default:
		return "", 0
	}
	// The aside first: it is cheap and nearly always absent, so most zones
	// never build their digits here.
	if len(z.runs) == 0 || s.asideOver(z.to) == z.to || z.runs[len(z.runs)-1].thousand {
		return "", 0
	}
	d := s.zoneDigits(z)
	if checksummed(d) != "" || len(d) >= 20 || strings.HasSuffix(d, "000") {
		return "", 0
	}
	var zj zone
	s.asideJoin, s.aside0 = true, 0
	s.readZone(i, &zj, 0)
	s.asideJoin = false
	t := Type("")
	if s.aside0 > 0 && zj.to > s.aside1 {
		all := s.zoneDigits(&zj)
		switch f := strongFormat(all); {
		case f == Card && len(all) == 16 || f == SNILS || f == INN && len(all) == 12:
			t = f
		case f == Account && strings.HasPrefix(all, "408"):
			t = f
		case f == Phone && len(all) == 10 && len(d) == 3:
			t = f
		}
		if typ != "" && typ != Number && t != typ {
			t = "" // (the cue's type or none)
		}
	}
	if t == "" {
		s.readZone(i, z, 0) // (the runs and digits are z's again)
		return "", 0
	}
	*z = zj
	if t == Card {
		return t, ruleCardLuhn
	}
	return t, ruleName(t, ruleFormat)
}

// asideOver returns where the number goes on after an aside from token
// j, right after a part: one to six words of the same sentence opening
// with an interjection or a wait («ой», «так», «секунду», «ща»; not «со
// скидкой», «баллов»), with no digit, cue, trap, unit (but a wait's
// «секунду»), month, street or house word, nothing masked and no «нет»,
// then a number; j otherwise.
func (s *scan) asideOver(j int) int {
	if j <= 0 || j >= len(s.toks) {
		return j
	}
	seg := s.toks[j-1].seg
	if s.toks[j].seg != seg || !s.toks[j].has(tFiller|tConn) && !askWait(s.norm(j)) && !isWord(s.norm(j), "сейчас", "ща", "щас") {
		return j
	}
	k := j
	for k < len(s.toks) && k < j+6 && s.toks[k].seg == seg && !s.isRunStart(k) {
		t := &s.toks[k]
		if t.has(tNum|tCue|tTrap|tMonth|tHouse|tStreet) || t.has(tUnit) && !askWait(s.norm(k)) || s.marks[k] != 0 || s.norm(k) == "нет" {
			return j
		}
		k++
	}
	if k == j || k >= len(s.toks) || s.toks[k].seg != seg || !s.isRunStart(k) {
		return j
	}
	return k
}

// lastGroupAfterAnd reads the zone z (from token i, after prevEnd; typed
// typ by rule) on, over a last group said after «и» («346 826 318 и 063», «снилс ... 66 и
// 086», «88 05 и 93 59»), when the whole passes a card's, a SNILS's or
// an INN's checksum and the part before «и» passes none, the group after
// it has four digits or fewer and the part was read as nothing, a bare
// number or that type. Two sums or two orders joined by «и» pass no
// checksum (or, by chance, one in ten or a hundred, and then are not of
// a checksum's length with a short last group), and a card before «и
// код» passes its own already.
//
// A short number so read is a CVV or a code when the whole is one as the
// zone's cues read it and the part before «и» has three digits or fewer
// and the part after two or fewer, not an amount's or a count's («1 9 и
// вроде 6» after «три цифры на обороте», «2 8 1 и еще 5» after «код из
// смс»; «5 и 10 минут» stays).
func (s *scan) lastGroupAfterAnd(i, prevEnd int, z *zone, typ Type, rule ruleID, join int) (Type, ruleID) {
	if s.andPhrase(z.to) == z.to || checksummed(s.zoneDigits(z)) != "" {
		return typ, rule
	}
	var zj zone
	s.andJoin = true
	s.readZone(i, &zj, join)
	s.andJoin = false
	if zj.to > z.to {
		last := zj.runs[len(zj.runs)-1].n()
		if t := checksummed(s.zoneDigits(&zj)); t != "" && last <= 4 && (typ == "" || typ == Number || typ == t) {
			*z = zj
			if t == Card {
				return t, ruleCardLuhn
			}
			return t, ruleName(t, ruleFormat)
		}
		if z.n() <= 3 && last <= 2 && zj.n() <= 6 && !s.quantityAfter(zj.to) && (typ == "" || typ == Number || typ == Code || typ == CVV) {
			if t, r := s.classifyZone(&zj, prevEnd); (t == CVV || t == Code) && (typ == "" || typ == Number || typ == t) {
				*z = zj
				return t, r
			}
		}
	}
	s.readZone(i, z, join) // (the runs and digits are z's again)
	return typ, rule
}

// controlPhrase returns the token after a SNILS's control number named at
// k before it is said («279 283 328 и контрольное 20», «а контрольная
// сумма 35»), or j. The zone's digits are still typed by their checksum,
// so a sum before «контрольная работа» stays a sum.
func (s *scan) controlPhrase(k, j int) int {
	if k < len(s.toks) && s.toks[k].seg == s.toks[j].seg && isWord(s.norm(k), "контрольное", "контрольные", "контрольная", "контрольный") {
		k++
		if k < len(s.toks) && s.toks[k].seg == s.toks[j].seg && isWord(s.norm(k), "число", "цифры", "сумма") {
			k++
		}
		return k
	}
	return j
}

// unclaimedTail returns where the unclaimed rest of a zone starts, when
// the zone begins with claimed tokens and ends with five or more
// unclaimed ones that start a run; z.to otherwise.
func (s *scan) unclaimedTail(z *zone) int {
	k := z.from
	for k < z.to && s.marks[k] != 0 {
		k++
	}
	if k == z.from || z.to-k < 5 || !s.isRunStart(k) {
		return z.to
	}
	for j := k; j < z.to; j++ {
		if s.marks[j] != 0 {
			return z.to
		}
	}
	return k
}

// nominativeOrdinal: an ordinal's masculine nominative («пятый»,
// «второй», «третий», «шестнадцатый»).
func nominativeOrdinal(w string) bool {
	return strings.HasSuffix(w, "ый") || strings.HasSuffix(w, "ой") || strings.HasSuffix(w, "ий")
}

// readZone reads the runs from i joined by fillers and corrections into
// z. The runs and the zone are written where they go, not made and then
// copied (a struct written field by field and then read back whole is a
// load the CPU cannot forward from the stores).
func (s *scan) readZone(i int, z *zone, join int) {
	s.resetDigits()
	*z = zone{from: i}
	n := 0 // digits so far
	for {
		s.runs = append(s.runs, run{})
		r := &s.runs[len(s.runs)-1]
		s.readRun(i, r)
		if r.to <= i {
			s.runs = s.runs[:len(s.runs)-1]
			break
		}
		z.to = r.to
		n += r.n()
		// A count after «и ещё», «и потом» is no part of the number
		// before it («код 3 8 1 2 и потом ещё два раза приходил»: the
		// code, then how often; causes block MC).
		if k := len(s.runs); k > 1 && r.n() <= 2 && n-r.n() >= 3 && s.quantityAfter(r.to) && s.againBetween(s.runs[k-2].to, r.from) {
			n -= r.n()
			z.to = s.runs[k-2].to
			s.runs = s.runs[:k-1]
			break
		}
		// (A unit's word that asks to wait, closing the sentence, is no
		// unit: «8 926 секунду» — «143 55 02»; nor inside it, between
		// two parts: «217 695 секунду 123 85», block GV.)
		if n > 60 || s.quantityAfter(r.to) && !(join > 0 && r.to < len(s.toks) && s.toks[r.to].has(tGoOn) && s.sentenceEnd(r.to) > r.to) && !s.waitInside(r.to) && !(s.asideJoin && s.aside0 == 0 && s.asideOver(r.to) > r.to) {
			break
		}
		if join > 0 && s.continues(r.to) {
			join--
			i = s.continuation(r.to)
			continue
		}
		// Up to three correction words, then another run; or a part
		// named («8 961 это первая часть 540 77 20»).
		j := r.to
		for j < len(s.toks) && j < r.to+3 && (s.toks[j].has(tConn|tFiller) || s.andGoesOn(j) || s.waitInside(j)) && !s.isRunStart(j) {
			// (A wait's reason after it: «... так секунду очки двести
			// сорок два».)
			if s.waitInside(j) {
				j = s.waitReason(j)
				continue
			}
			j++
		}
		// A filler phrase of two words between the parts («618 это самое
		// 342», «... как его 342»: block KA).
		if j < r.to+2 && s.fillerPhrase(j) {
			j += 2
		}
		// A digit's place named before it («первая 7 вторая 0 третья 2»:
		// block KO), between runs of one digit.
		if j == r.to && r.n() == 1 && s.digitPlace(j) {
			j++
		}
		if s.negatedAfter(r.to) {
			break
		}
		// A number said as a sum by a slip and said again after a
		// correction word («код 3 тысяча нет 3 1 0 0 0»): the value is
		// what follows, read alone (the slip its false start), not a
		// sum with it.
		if r.thousand && j > r.to && s.correctedAt(r.to, j) {
			break
		}
		if j == r.to {
			j = s.partPhrase(j)
		} else {
			j = s.controlPhrase(j, j) // «... ноль ноль пять а контрольная сумма 35»
		}
		if j == r.to && s.andJoin {
			j = s.andPhrase(j)
		}
		if s.asideJoin && s.aside0 == 0 && (j >= len(s.toks) || !s.isRunStart(j) || s.toks[j].seg != s.toks[r.to-1].seg) {
			if k := s.asideOver(r.to); k > r.to {
				j, s.aside0, s.aside1 = k, r.to, k
			}
		}
		if j == r.to || j >= len(s.toks) || !s.isRunStart(j) || s.toks[j].seg != s.toks[r.to-1].seg {
			break
		}
		i = j
	}
	z.runs = s.runs
	if len(z.runs) > 0 {
		// The runs' digits are one after another in s.dig (compose).
		z.d0, z.d1 = z.runs[0].d0, z.runs[len(z.runs)-1].d1
	}
}

// afterZa reports whether a number of fewer than ten digits is said
// right after «за»: a price, a time, a count («кроссовки за три двести»,
// «за пять минут», «за троих»), never an identifier (no written set has
// one after it; causes block MK).
func (s *scan) afterZa(z *zone) bool {
	return z.n() < formatDigits && z.from > 0 && s.toks[z.from-1].seg == s.toks[z.from].seg && s.norm(z.from-1) == "за"
}

// hundredNoughtUnit reports whether a zone is said as a hundred, «ноль»
// and a unit, three groups [X00] [0] [Y] («шестьсот ноль два»): the three
// digits X0Y as a speaker dictating a code means them.
func (s *scan) hundredNoughtUnit(z *zone) bool {
	g := s.zoneGroups(z)
	if len(g) != 3 {
		return false
	}
	a, b, c := s.digits(g[0].from, g[0].to), s.digits(g[1].from, g[1].to), s.digits(g[2].from, g[2].to)
	return len(a) == 3 && a[0] != '0' && a[1:] == "00" && b == "0" && len(c) == 1 && c != "0"
}

// againBetween reports whether the words from j to k are «и» and a word
// of doing again («ещё», «потом», «снова», «опять»).
func (s *scan) againBetween(j, k int) bool {
	and, again := false, false
	for ; j < k; j++ {
		switch s.norm(j) {
		case "и":
			and = true
		case "ещё", "еще", "потом", "снова", "опять":
			again = true
		}
	}
	return and && again
}

// digitPlace reports whether token j is an ordinal in the feminine
// nominative up to the tenth, a digit's place («вторая», «третья»: the
// word «цифра» left out), with a digit said alone right after it.
func (s *scan) digitPlace(j int) bool {
	if j+1 >= len(s.toks) || s.toks[j+1].seg != s.toks[j].seg || s.toks[j].num() != nkOrdinal || lexNumVals[s.toks[j].ent] > 10 {
		return false
	}
	w := s.norm(j)
	if !strings.HasSuffix(w, "ая") && !strings.HasSuffix(w, "ья") {
		return false
	}
	n := s.toks[j+1].num()
	return n == nkUnit || n == nkDigits && s.toks[j+1].nl == 1
}

// fillerPhrase reports whether tokens j and j+1, in one segment, are a
// two-word filler a speaker puts between a number's parts while they look
// it up («это самое», «как его», «как её»).
func (s *scan) fillerPhrase(j int) bool {
	if j+1 >= len(s.toks) || s.toks[j].seg != s.toks[j+1].seg {
		return false
	}
	a, b := s.norm(j), s.norm(j+1)
	return a == "это" && b == "самое" || a == "как" && (b == "его" || b == "её" || b == "ее")
}

// slipCorrected reports whether a number said as a sum ending at token
// j is said again after a correction word in its sentence (one to three
// words, then a number with no thousand).
func (s *scan) slipCorrected(j int) bool {
	k := j
	for k < len(s.toks) && k < j+3 && s.toks[k].seg == s.toks[j-1].seg && s.toks[k].has(tConn|tFiller) {
		k++
	}
	return k > j && k < len(s.toks) && s.toks[k].seg == s.toks[j-1].seg && s.correctedAt(j, k) && s.isRunStart(k) && s.toks[k].num() != nkThousand
}

// correctedAt reports whether a correction word is among tokens from..to.
func (s *scan) correctedAt(from, to int) bool {
	for k := from; k < to; k++ {
		if correctionWord(s.norm(k)) {
			return true
		}
	}
	return false
}

// negatedAfter reports whether «а не» follows a run at token j («в конце
// двадцать три а не тридцать два», «девятнадцатое а не двадцатое»): what
// follows is the value the speaker says it is not, another number, no
// part of this one.
func (s *scan) negatedAfter(j int) bool {
	return j+1 < len(s.toks) && s.toks[j].nl == 2 && s.toks[j+1].nl == 4 && s.norm(j) == "а" && s.norm(j+1) == "не" && s.toks[j+1].seg == s.toks[j].seg
}

// waitInside reports whether token j asks to wait in the middle of a
// sentence («секунду», «минутку» with more said after it): a pause inside
// a dictation, not a unit.
func (s *scan) waitInside(j int) bool {
	return j+1 < len(s.toks) && s.toks[j].has(tGoOn) && s.toks[j+1].seg == s.toks[j].seg &&
		waitWord(s.norm(j))
}

// waitWord reports whether w asks for a moment («секунду», «минутку»).
func waitWord(w string) bool {
	return isWord(w, "секунду", "секундочку", "минутку", "минуточку")
}

// askWait reports whether w asks to wait: a moment's word or «подождите»,
// «погодите».
func askWait(w string) bool {
	return waitWord(w) || isWord(w, "подождите", "погодите")
}

// waitReason returns the token after a wait word at j and the one or two
// words of its reason after it, in j's sentence, when a number follows
// them («секунду очки двести сорок два», «секунду карту достану 4276»);
// j+1 otherwise.
func (s *scan) waitReason(j int) int {
	k := j + 1
	for n := 0; n < 2 && k < len(s.toks) && s.toks[k].seg == s.toks[j].seg && !s.isRunStart(k) && !s.toks[k].has(tNum|tTrap|tUnit|tMonth|tStop) && isLetters(s.norm(k)); n++ {
		k++
	}
	if k < len(s.toks) && s.toks[k].seg == s.toks[j].seg && s.isRunStart(k) {
		return k
	}
	return j + 1
}

// leadsGoOn reports whether token j, «и», «а», «сейчас», «щас», comes
// before a word of going on closing the part's sentence («девятьсот
// шестнадцать и дальше», «... сейчас дальше»: causes block JK).
func (s *scan) leadsGoOn(j int) bool {
	return j+1 < len(s.toks) && s.toks[j].nl <= uint32(len("сейчас")) && isWord(s.norm(j), "и", "а", "сейчас", "щас") &&
		s.toks[j+1].seg == s.toks[j].seg && isWord(s.norm(j+1), "дальше", "далее") && (j+2 == len(s.toks) || s.toks[j+2].seg != s.toks[j].seg)
}

// andGoesOn reports whether token j is «и» before a word of going on in
// its sentence («8 926 и дальше 123 45 67», «и потом 95»): a joiner, as
// «дальше» alone is.
func (s *scan) andGoesOn(j int) bool {
	return s.toks[j].nl == 2 && s.norm(j) == "и" && j+1 < len(s.toks) && s.toks[j+1].seg == s.toks[j].seg && isWord(s.norm(j+1), "дальше", "далее", "потом", "затем")
}

// joinable reports whether a number may be the start of a dictation
// that goes on in the next sentence: said by one speaker (not on a mixed
// channel), not a ticket's or an amount's (no trap word before it), not a
// date or a time, not a house's number or a count («дом 3», «первые
// четыре»).
func (s *scan) joinable(z *zone, prevEnd int) bool {
	if s.role == schemas.RoleMixed || s.dateOrTime(z) || s.clockTime(z) {
		return false
	}
	if z.from > 0 {
		if p := &s.toks[z.from-1]; p.seg == s.toks[z.from].seg && (p.has(tHouse|tStreet|tUnit|tMonth) || partWord(s.normOf(p))) {
			return false
		}
	}
	var tbuf [8]Type
	_, trap, _ := s.cueBefore(z, prevEnd, tbuf[:0])
	return !trap
}

// segFrom is the first token of token i's segment.
func (s *scan) segFrom(i int) int {
	for i > 0 && s.toks[i-1].seg == s.toks[i].seg {
		i--
	}
	return i
}

// moneyVerb reports whether token j says money moved («списано»): a
// unit for the number before it, but not for a card's end.
func (s *scan) moneyVerb(j int) bool {
	return j < len(s.toks) && isWord(s.norm(j), "списано", "списали", "списалось", "зачислено", "оплачено", "поступило", "переведено")
}

// ownCodeBefore returns the type of a verification or a card's security
// code the speaker named in an earlier sentence at most 60 s before the
// zone, when the zone reads out a number of its length one digit a word
// («пришёл 5 0 8 0», «а его 3 3 8», «ноль ноль шесть три»), or in groups
// after a word pointing at it («там девятьсот восемнадцать»); ""
// otherwise.
// A number said so is dictated, and the code is what the speaker was
// waiting for; anything else dictated has its question, its cue or its
// trap word, read before this.
func (s *scan) ownCodeBefore(z *zone) Type {
	if z.n() < 3 || s.role == schemas.RoleOperator {
		return "" // (the operator reads out a train's, an order's number)
	}
	// (Or after «уже» closing its sentence: «нет cvv не называйте» — «ну
	// я уже сорок один пять», causes block LR; not «я уже пятьсот
	// заплатила».)
	// Said alone or after a word pointing at what came: not after a noun
	// that names another number («операция 2 0 0 7 4 5 1», «поезд 0 2 4»).
	if j := z.from - 1; j >= 0 && s.toks[j].seg == s.toks[z.from].seg && !isWord(s.norm(j), "пришел", "пришёл", "пришло", "пришла", "пришли",
		"вот", "его", "он", "она", "этот", "это", "там", "новый", "ещё", "еще", "ага", "да", "ну", "так", "такой", "такие", "цифры", "ладно", "хорошо",
		"нашла", "нашел", "нашёл", "нашли", // («нашла восемьсот шестнадцать ноль ноль три», causes block MF)
		"опять", "снова", // («вот опять девять восемь семь шесть пять четыре», causes block UJ)
		"старый", "старая", "старое", "прежний", "прежняя", "прежнее") && // («скажу вам старый четыре четыре пять пять», causes block UJ2)
		!(s.norm(j) == "уже" && (z.to == len(s.toks) || s.toks[z.to].seg != s.toks[z.from].seg)) && !s.gaveBefore(z.from) && !s.gaveAfter(z) && !s.secondTry(z.from) &&
		!(showingVerb(s.norm(j)) && !s.toks[j].has(tTrap|tCue|tUnit) && s.digitByDigit(z)) {
		// (Or after a verb, digit by digit: «там написано 7 3 4 2»,
		// «высветилось 4 4 0 9», «показывает 3 3 0 1»; not a money's or
		// a time's trap verb, «списали 1 5 0 0», nor a sum in groups,
		// «оплачу 1 860».)
		return ""
	}
	// Digit by digit; or in groups of number words («там девятьсот
	// восемнадцать», «вот новый триста двадцать девять сорок один»)
	// after a word pointing at what came and before no word that says
	// what the number counts («там триста баллов», «девятьсот рублей»):
	// the end of the sentence, a function word, a verb («написано»).
	grouped := false
	for k := z.from; k < z.to; k++ {
		switch kd := s.toks[k].num(); {
		case kd == nkUnit || kd == nkDigits && len(s.norm(k)) == 1:
		case kd == nkTeen || kd == nkTens || kd == nkHundred || kd == nkDigits && len(s.norm(k)) <= 3:
			grouped = true
		default:
			return ""
		}
	}
	seg := s.toks[z.from].seg
	// (Grouped and opening its sentence when the speaker says right after
	// it that they gave it: «четыреста сорок четыре уже сказала».)
	if grouped && !s.gaveAfter(z) {
		if z.from == 0 || s.toks[z.from-1].seg != seg {
			return ""
		}
		if a := z.to; a < len(s.toks) && s.toks[a].seg == seg && !s.toks[a].has(tStop|tConn|tGoOn) && !commonWord(s.norm(a)) && !strings.HasSuffix(s.norm(a), "но") {
			return ""
		}
		// (Nor a unit two words on: «четыреста пятьдесят в месяц».)
		if a := z.to + 1; a < len(s.toks) && s.toks[a].seg == seg && s.toks[a].has(tUnit) {
			return ""
		}
	}
	at := s.t0(&s.toks[z.from])
	for k := len(s.cues) - 1; k >= 0; k-- {
		e := &s.cues[k]
		if e.seg >= seg || e.at > at {
			continue
		}
		if at-e.at > 60 {
			break
		}
		if t := e.cueType(); (t == Code || t == CVV) && fitsZone(t, z) {
			return t
		}
	}
	return ""
}

// showingVerb: a verb's form (verbLike's, and the present's and the
// reflexive's: «показывает», «высветилось», «светится»).
func showingVerb(w string) bool {
	if verbLike(w) {
		return true
	}
	if len(w) < 8 { // (bytes: four Cyrillic letters)
		return false
	}
	for _, end := range []string{"ает", "яет", "ует", "еет", "сь", "ся"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// digitByDigit reports whether every token of z is one digit or a unit's
// number word.
func (s *scan) digitByDigit(z *zone) bool {
	for k := z.from; k < z.to; k++ {
		if kd := s.toks[k].num(); !(kd == nkUnit || kd == nkDigits && len(s.norm(k)) == 1) {
			return false
		}
	}
	return true
}

// partAsked reports whether the other side asked for part of a number
// («последние цифры») in the 10 s before the zone.
func (s *scan) partAsked(z *zone) bool {
	at := s.t0(&s.toks[z.from])
	if s.otherCueNear(at, func(e *cueEvent) bool { return e.part && !e.own }) {
		return true
	}
	return false
}

// moneyAmount reports whether a zone is a sum in thousands said right
// after a word of money («ждите перевода 30 000», «разница 3 100»,
// «выплата 18 300»): two digit groups, one to three digits and then
// three, as a recognizer writes a sum, in the sentence of the money word
// (three before the thousands' three only right after a word of money:
// «выплата 112 450»). The
// other side's question for a code or a card's last digits within 10 s
// does not make it an answer; a code said after «код для перевода» has
// «для» or «код» before it, not the money word.
func (s *scan) moneyAmount(z *zone) bool {
	if z.to-z.from != 2 {
		return false
	}
	a, b := &s.toks[z.from], &s.toks[z.from+1]
	if a.num() != nkDigits || b.num() != nkDigits || b.seg != a.seg {
		return false
	}
	if z.from == 0 || s.toks[z.from-1].seg != a.seg {
		// Opening the sentence, round hundreds or thousands before «за»
		// are a price («4 800 за 4 колеса», «5 600 за ночь»).
		x, y := s.normOf(a), s.normOf(b)
		return len(x) <= 2 && x[0] != '0' && len(y) == 3 && y[1:] == "00" && z.to < len(s.toks) && s.toks[z.to].seg == a.seg && s.norm(z.to) == "за"
	}
	if x, y := s.normOf(a), s.normOf(b); len(x) > 3 || len(y) != 3 || x[0] == '0' {
		return false
	} else if y == "000" {
		return true // «на 5 000», «150 000»: round thousands, whatever word is before
	} else if len(x) <= 2 && y[1:] == "00" && !s.toks[z.from-1].has(tCue) {
		// Round hundreds («48 500», «4 800»): a sum as a recognizer
		// writes «сорок восемь тысяч пятьсот»; a code is dictated in
		// digits or pairs, rarely as two such groups, and right after
		// its cue word («код 48 500») it is still the code.
		return true
	}
	// (Three digits before the thousands' three too, after a word of
	// money: «выплата 112 450 будет в пятницу», causes block UF2.)
	return isWord(s.norm(z.from-1), "перевод", "перевода", "переводом", "сумма", "сумму", "суммы", "сумме", "разница", "разницу", "разницы",
		"деньги", "денег", "пособие", "пособия", "выплата", "выплату", "выплаты", "доплата", "доплату", "доплаты", "зачисление", "зарплата",
		"зарплату", "штраф", "штрафа", "остаток", "премия", "премию", "кэшбэк", "кешбэк", "возврат", "возврата")
}

// continues reports whether a number ending at token end (its sentence's
// last word) goes on in the speaker's next sentence: the next segment,
// at most 6 s later, opens with a number (after two words like «так»,
// «нет» at most).
func (s *scan) continues(end int) bool {
	end = s.sentenceEnd(end)
	if end <= 0 || end >= len(s.toks) || s.toks[end].seg != s.toks[end-1].seg+1 {
		return false
	}
	if s.t0(&s.toks[end])-s.t1(&s.toks[end-1]) > 6 {
		return false
	}
	// Not across the other side's question for something else («заказ
	// 4471 2208» — «и ваш телефон» — the phone), nor a sentence of theirs
	// («а мой номер у вас какой записан»): the next sentence answers it.
	// (Unless they ask it to go on: «номер телефона записываю».)
	t1, t0 := s.t1(&s.toks[end-1]), s.t0(&s.toks[end])+0.5
	asked := false
	for k := range s.othersSpoke {
		if e := &s.othersSpoke[k]; e.at >= t1 && e.at <= t0 {
			if e.goOn {
				return s.continuationOpens(end)
			}
			asked = true
		}
	}
	for k := range s.others {
		if e := &s.others[k]; !asked && !e.own && e.at >= t1 && e.at <= t0 {
			asked = e.cue != 0 || e.trap || e.name || e.dob || e.mail
		}
	}
	if asked {
		return false
	}
	return s.continuationOpens(end)
}

// continuationOpens reports whether the speaker's next sentence, from
// token end, opens with a number that is not one its own words say is
// something else (continues).
func (s *scan) continuationOpens(end int) bool {
	j := s.continuation(end)
	if j >= len(s.toks) || s.toks[j].seg != s.toks[end].seg || !s.isRunStart(j) {
		return false
	}
	// The number must not be one its own words say is something else:
	// «три цифры на обороте», «5 минут».
	for j < len(s.toks) && s.toks[j].seg == s.toks[end].seg && (runWord(s.toks[j].num()) || s.toks[j].has(tFiller)) {
		j++
	}
	return j >= len(s.toks) || s.toks[j].seg != s.toks[end].seg || !s.toks[j].has(tCue|tTrap|tUnit|tMonth)
}

// sentenceEnd: the end of the sentence a number ending at token end
// closes, after up to two fillers («шестьсот одиннадцать семьсот тридцать
// ммм» — «двести сорок пять сорок четыре»); end when other words follow.
func (s *scan) sentenceEnd(end int) int {
	if end <= 0 || end >= len(s.toks) {
		return end
	}
	if s.toks[end].seg != s.toks[end-1].seg {
		return s.pauseOver(end)
	}
	// (Fillers, or words asking the other side to go on or wait, said
	// after the part: «4276 1300 так дальше», «восемь девятьсот двадцать
	// шесть секунду», «8 903 записываете».)
	j := end
	for j < len(s.toks) && j < end+2 && s.toks[j].seg == s.toks[end-1].seg && (s.toks[j].has(tFiller|tGoOn) || s.leadsGoOn(j)) && !s.toks[j].has(tNum) {
		j++
	}
	if j < len(s.toks) && s.toks[j].seg == s.toks[end-1].seg {
		if k := s.waitAside(end); k > end {
			return s.pauseOver(k)
		}
		return end
	}
	return s.pauseOver(j)
}

// waitCloses reports whether token j, right after a number, asks to wait
// and closes the sentence, alone or with its reason («8829 секунду»,
// «8829 секунду карту достану»): a pause in a dictation, no unit.
func (s *scan) waitCloses(j int) bool {
	if j <= 0 || j >= len(s.toks) || s.toks[j].seg != s.toks[j-1].seg || !waitWord(s.norm(j)) {
		return false
	}
	return j+1 == len(s.toks) || s.toks[j+1].seg != s.toks[j].seg || s.waitAside(j) > j
}

// waitAside returns the end of the sentence when, after a number ending
// at token end, the speaker asks to wait and says why, closing the
// sentence («... двести восемьдесят три секунду у меня вторая линия»,
// «девяносто три двадцать семь секунду карту достану»): a wait word, then
// one to four words with no number (but an ordinal: «вторая линия»), no
// trap's word and no unit; end otherwise.
func (s *scan) waitAside(end int) int {
	seg := s.toks[end-1].seg
	// (After «ой», «так»: «... шесть один один два ой подождите очки
	// упали» — «девяносто два ...», causes block LH.)
	w := end
	if w+1 < len(s.toks) && s.toks[w+1].seg == seg && isWord(s.norm(w), "ой", "так", "ой-ой", "ай") {
		w++
	}
	if !askWait(s.norm(w)) {
		return end
	}
	j := w + 1
	for j < len(s.toks) && s.toks[j].seg == seg {
		if j > w+4 || s.toks[j].has(tNum) && s.toks[j].num() != nkOrdinal || s.toks[j].has(tTrap|tUnit|tMonth) {
			return end
		}
		j++
	}
	if j == w+1 {
		return end
	}
	return j
}

// pauseOver returns where the sentence after the one opening at token k
// starts when that one is nothing but one to three fillers or
// correction words, said within 6 s of the one before it («4276 3800» —
// «ой подождите» — «1234 5679»: the dictation goes on after it); k
// otherwise. (Its words are masked with the number they stand in.)
func (s *scan) pauseOver(k int) int {
	if k <= 0 || k >= len(s.toks) || s.toks[k].seg != s.toks[k-1].seg+1 || s.t0(&s.toks[k])-s.t1(&s.toks[k-1]) > 6 {
		return k
	}
	j := k
	for j < len(s.toks) && j < k+4 && s.toks[j].seg == s.toks[k].seg && s.toks[j].has(tConn|tFiller) && !s.toks[j].has(tNum) && s.norm(j) != "нет" {
		j++
	}
	if j == k || j >= len(s.toks) || s.toks[j].seg == s.toks[k].seg || s.toks[j].seg != s.toks[k].seg+1 {
		return k
	}
	return j
}

// continuation is where the number of the sentence opening at token
// end starts: after up to two words like «так», «нет», «всё» («всё так
// пятьдесят один сорок четыре»).
func (s *scan) continuation(end int) int {
	end = s.sentenceEnd(end)
	j := s.asideOpens(end)
	for j < len(s.toks) && j < end+2 && s.toks[j].seg == s.toks[end].seg && (s.toks[j].has(tConn|tFiller) || s.toks[j].nl == uint32(len("все")) && s.norm(j) == "все") && !s.isRunStart(j) {
		j++
	}
	return j
}

// asideOpens returns where the words after a wait word opening the
// sentence at token k end, when a number follows them in it («подождите
// она у меня в другой сумке так 2707»): up to eight words with no
// number, cue, trap or unit; k otherwise.
func (s *scan) asideOpens(k int) int {
	if k >= len(s.toks) || !askWait(s.norm(k)) {
		return k
	}
	j := k + 1
	for j < len(s.toks) && j <= k+8 && s.toks[j].seg == s.toks[k].seg && !s.isRunStart(j) && !s.toks[j].has(tNum|tCue|tTrap|tUnit|tMonth) {
		j++
	}
	if j < len(s.toks) && s.toks[j].seg == s.toks[k].seg && s.isRunStart(j) {
		return j
	}
	return k
}

// quantityAfter: the number before token j is an amount, a speed, a count
// or a time: «500 рублей», «20%», «100 мегабит», «3 раза».
func (s *scan) quantityAfter(j int) bool {
	if j > 0 && s.toks[j-1].sym {
		return true
	}
	return j < len(s.toks) && j > 0 && s.toks[j].seg == s.toks[j-1].seg && s.toks[j].has(tUnit|tMonth)
}

// cueBefore looks back from a zone for the nearest cue, no further than
// the previous number: it returns the cue's type (refined by the cue
// words around it), whether a trap word is nearer, and the distance.
func (s *scan) cueBefore(z *zone, prevEnd int, types []Type) (typ Type, trap bool, _ []Type) {
	crossed, asked := false, false
	for j := z.from - 1; j >= prevEnd && j >= z.from-7; j-- {
		t := &s.toks[j]
		if t.seg != s.toks[z.from].seg {
			// An earlier sentence, not the words before the number; or the
			// other side asked for something in between («код из смс не
			// подходит» — «номер заказа продиктуйте» — «7 7 3 1 2 0 5»):
			// asked once, at the sentence's last word.
			if s.t0(&s.toks[z.from])-s.t1(t) > 3 {
				break
			}
			if !crossed {
				// (Or answered in between: «последние цифры» — «9 4 6 3» —
				// «1 085 вернутся ...» is the speaker's own sum.)
				crossed, asked = true, s.askedBetween(s.t1(t), s.t0(&s.toks[z.from])) || s.otherSaid(s.t1(t), s.t0(&s.toks[z.from]))
			}
			if asked {
				break
			}
		}
		cue := s.cueAt(j)
		if cue && s.enCueOff(j) {
			continue
		}
		if cue && s.refusedCue(j) {
			// «не называйте код пожалуйста доставка 350»: no code is
			// said after a refusal to hear one.
			continue
		}
		if cue {
			c := s.refine(j, t.cue())
			if typ == "" && !trap {
				typ = c
			}
			types = append(types, c)
		} else if t.has(tTrap|tCue) && typ == "" && t.seg == s.toks[z.from].seg && !(j > 0 && isWord(s.norm(j-1), "из", "для")) && !(z.n() <= 8 && s.onlineCabinet(j)) &&
			!(z.n() >= 9 && expiryTrap(s.norm(j))) {
			// («счет из заявления заканчивающийся на 9901», «инн для
			// договора»: the trap word is not what the number is.)
			// A trap word says what the number is only in its own
			// sentence: «списали пятнадцатого» must not veto the
			// account dictated after the pause.
			trap = true
		}
	}
	return typ, trap, types
}

// callOrBlockBefore reports whether a verb bidding to call or to block a
// card comes before zone z in its sentence, the number said as where
// to: after «по», «на», «банке», «номеру» («блокируйте карту в банке
// 900», «позвоните по 900»; not «позвоните мне сначала 4 5 6 7»).
func (s *scan) callOrBlockBefore(z *zone) bool {
	if z.from == 0 || s.toks[z.from-1].seg != s.toks[z.from].seg || !isWord(s.norm(z.from-1), "по", "на", "банке", "банк", "номеру", "номер") {
		return false
	}
	for j := z.from - 2; j >= 0 && j >= z.from-6 && s.toks[j].seg == s.toks[z.from].seg; j-- {
		if callVerb(s.norm(j)) || isWord(s.norm(j), "блокируйте", "заблокируйте", "заблокировать", "блокировать", "звоните", "перезвоните") {
			return true
		}
	}
	return false
}

// onlineCabinet reports whether token j is «кабинет» said of an account
// online, a password's or a code's place, no room with its number:
// «личный кабинет», «пароль от кабинета» («... для входа в личный
// кабинет 8 3 5 0», «пароль от кабинета она мне сказала ноль ноль четыре
// четыре»: causes block RC; «кабинет 305» is a room). Only before a
// code's length (eight digits at most): a longer number after it is
// what the account registers («в личный кабинет при регистрации ккт
// номер фн 9 2 8 1 ...», a device's).
func (s *scan) onlineCabinet(j int) bool {
	return j > 0 && s.toks[j-1].seg == s.toks[j].seg && isWord(s.norm(j), "кабинет", "кабинета", "кабинете") &&
		isWord(s.norm(j-1), "личный", "личного", "личном", "личным", "от")
}

// The kinds of evidence a number rule's name ends in: «phone/cue».
const (
	ruleCue = iota
	ruleAnswer
	ruleFormat
	ruleEchoed    // said again (echo.go)
	ruleContinued // gone on with (echo.go)
	ruleRestarted // begun, dropped and said anew (echo.go)
	ruleKinds
)

// ruleName is the rule of type t and evidence kind: «phone/cue».
func ruleName(t Type, kind int) ruleID { return ruleByType + ruleID(ruleKinds*typeIndex(t)+kind) }

// digitRange is how many digits a dictation after a cue of each type
// has, garbled ones included.
// ([0, 0]: a type no dictation's length says), by typeIndex.
var digitRange = func() (r [numTypes][2]int) {
	for t, v := range map[Type][2]int{
		Phone: {5, 15}, Card: {12, 19}, CVV: {3, 4}, Code: {3, 8}, Passport: {4, 12},
		SNILS: {9, 13}, INN: {9, 14}, Account: {15, 25},
	} {
		r[typeIndex(t)] = v
	}
	return r
}()

// classifyZone is classify, the zones plainNumber rules out left
// without running it.
func (s *scan) classifyZone(z *zone, prevEnd int) (Type, ruleID) {
	if s.plainNumber(z, prevEnd) {
		if ruleOutCheck != nil {
			ruleOutCheck(s, *z, prevEnd) // (a copy: a pointer handed to a func value would move z to the heap)
		}
		return "", ruleDropped
	}
	return s.classify(z, prevEnd)
}

// ruleOutCheck, when set (by a test), is called on every zone
// plainNumber rules out: TestRuleOutSame classifies it all the same.
var ruleOutCheck func(s *scan, z zone, prevEnd int)

// plainNumber reports whether classify would leave a zone ("") by what
// a few tokens and cue events around it say, without running it: the
// prices, counts, times and contracts said in passing that most calls
// have. Run from the caches the analyze stage leaves between two calls,
// the classifier's code (its dozen checks, each a few branches on the
// call's words) cost a call more than its work; this reads what decides
// it: fewer than ten digits (no format types a zone of fewer: card,
// account, phone, SNILS, INN and a long number all need ten or more), no
// cue word among the seven words before it or the three after it
// (cueBefore, cueAfter), no cue of the other side in the 14 s before it
// (otherCue: its question within 10 s and that question's sentence, 4 s
// before it) nor a code's or a CVV's cue of the speaker's own in the
// 60 s before (ownCodeBefore), not «с номера» (a phone, whatever its
// cue), not three digits two or three words after a masked number
// (cvvAfterCard: «[card] и 0 1 8», «[card] и этот 0 1 8») or right
// after a card's expiry and «и» (expiryEnd: «срок 03 29 и 905»),
// not four to seven digits opening with 89 (a mobile number's start,
// asked for by the other side's «начинается на»). TestRuleOutSame
// checks it against classify on every labelled case.
func (s *scan) plainNumber(z *zone, prevEnd int) bool {
	n := z.n()
	if n >= formatDigits || n == 3 && (z.from >= 2 && s.marks[z.from-2] != 0 || z.from >= 3 && s.marks[z.from-3] != 0 || s.expiryEnd >= 0 && z.from == s.expiryEnd+1) {
		return false
	}
	// (A card's last four after «в конце», its first four masked before
	// it: endAfterCardStart.)
	if n == 4 && len(s.found) > 0 && z.from >= 3 && s.toks[z.from-1].nl == uint32(len("конце")) && s.norm(z.from-1) == "конце" {
		return false
	}
	if n >= 4 && n <= 7 && mobileStart(s.dig[z.d0], s.dig[z.d0+1]) {
		return false
	}
	for j := max(prevEnd, z.from-cueWordsBefore, 0); j < z.from; j++ {
		if s.toks[j].has(tCue) {
			return false
		}
	}
	for j := z.to; j < len(s.toks) && j < z.to+cueWordsAfter; j++ {
		if s.toks[j].has(tCue) {
			return false
		}
	}
	if z.from > 0 && (numberNamed(s.norm(z.from-1)) || s.toks[z.from-1].nl >= 10 && saidStartVerb(s.norm(z.from-1))) || s.cameBefore(z) ||
		z.to < len(s.toks) && s.toks[z.to].nl >= 12 && cameWord(s.norm(z.to)) {
		return false
	}
	at := s.t0(&s.toks[z.from])
	if s.otherCueBy(at) {
		return false
	}
	for k := range s.cues {
		if e := &s.cues[k]; e.cue != 0 && e.at <= at && at-e.at <= 60 && ownCodeCue(e) {
			return false
		}
	}
	return true
}

// cueWordsBefore and cueWordsAfter: a cue word of a number this many
// tokens before it or after it types it (plainNumber, numbersMay).
const cueWordsBefore, cueWordsAfter = 7, 3

// otherCueBy reports whether the other side said a cue of a number in
// the 14 s before at (or half a second after): its question and that
// question's sentence (plainNumber, numbersMay).
func (s *scan) otherCueBy(at float64) bool {
	for k := range s.others {
		if e := &s.others[k]; e.cue != 0 && e.at <= at+0.5 && at-e.at <= 14 {
			return true
		}
	}
	return false
}

// ownCodeCue: a cue event of the speaker's own that types the numbers
// they say in the minute after it: a code's or a CVV's (plainNumber,
// numbersMay).
func ownCodeCue(e *cueEvent) bool {
	t := e.cueType()
	return t == Code || t == CVV
}

// formatDigits: no format types a number of fewer digits (a card, an
// account, a phone, a SNILS, an INN and a long number all have ten or
// more: strongFormat, format); plainNumber and numbersMay read it.
const formatDigits = 10

// mobileStart: a mobile number's first two digits (8 9), which a number
// of four to seven digits opening with them is read for (the other
// side's «начинается на»: plainNumber, numbersMay).
func mobileStart(a, b byte) bool { return a == '8' && b == '9' }

// numberNamed: «номер» right before a number («с номера 5 5 1 2»), which
// has it read whatever its cue (plainNumber, numbersMay).
// (A switch: numbersMay asks it before every number word.)
func numberNamed(w string) bool {
	switch w {
	case "номера", "номер", "номеров":
		return true
	}
	return false
}

// numbersMay reports whether the number rule (numbers) may claim a
// number on the channel: whether plainNumber may keep one of its zones
// for classify, asked of the channel as a whole before any zone is read,
// from plainNumber's own definitions. plainNumber keeps a zone with a
// cue word of a number among the cueWordsBefore tokens before it or the
// cueWordsAfter after it, a cue of the other side's by its time
// (otherCueBy), a code's or a CVV's cue of the speaker's own
// (ownCodeCue), «номер» right before it (numberNamed), a claim two
// tokens before it, ten digits or more (formatDigits) or a mobile's
// start (mobileStart). A channel where no number token (a zone's tokens
// are number tokens and the fillers between them) has any of them by it
// and whose numbers have fewer than ten digits in all (digitBound, an
// upper bound of what compose makes of each token, so that zones joined
// across sentences are counted too) has no zone classify reads; numbers'
// other claims need a cue of the other side (expiryThenCode), a
// checksum or Luhn over ten digits and more (lastGroupAfterAnd,
// cardBeforeAmount) or a type already (cardExpiryCode, expiryAfter), so
// it claims nothing there and its code is not read: a demo call's
// «четыре пять семь один два» answering «номер договора», its prices and
// dates. TestGatesSame runs numbers on every channel all the same
// (redact.Ungated).
func (s *scan) numbersMay() bool {
	if len(s.found) > 0 {
		return true // a claim two tokens before a zone
	}
	for k := range s.cues {
		if e := &s.cues[k]; e.cue != 0 && ownCodeCue(e) {
			return true
		}
	}
	typedOther := false
	for k := range s.others {
		typedOther = typedOther || s.others[k].cue != 0
	}
	// (The other side's code or CVV cue, filed once a channel: startSet.)
	codeOther := s.startSet&othersCodeCVV != 0
	digits, lead := 0, byte(0)
	lastCue, lastNum := -1<<30, -1<<30
	for i := range s.toks {
		t := &s.toks[i]
		if t.has(tCue) {
			if i-lastNum <= cueWordsAfter {
				return true
			}
			lastCue = i
		}
		if t.kind == nkNone && !t.has(tFiller) {
			continue
		}
		// A number token, or a filler («плюс», «тире») a zone may
		// start with or go on over.
		// (Or a card's expiry after «срок»: the code after it, cvvAfterCard.)
		if i-lastCue <= cueWordsBefore || typedOther && s.otherCueBy(s.t0(t)) ||
			i > 0 && (numberNamed(s.norm(i-1)) || s.toks[i-1].has(tExpiry)) || s.cameNear(i) ||
			codeOther && (i > 0 && s.toks[i-1].nl >= 10 && saidStartVerb(s.norm(i-1)) || i+1 < len(s.toks) && s.toks[i+1].nl >= 12 && cameWord(s.norm(i+1))) {
			// (A verb of saying before a number, «пришёл» after it:
			// codeSaidStarted and cameAfter need a code's or a CVV's cue,
			// the speaker's own returned true above.)
			return true
		}
		lastNum = i
		n, first := s.digitBound(t)
		// «три семерки»: a count of two to four before a digit's noun
		// is that many digits (compose), its count taken as four; the
		// next word is looked up as a noun (a map) only after such a
		// count, as compose does («восемь три два шесть» is four digits,
		// not ten: a contract's number has the rule not run).
		if t.kind == nkUnit && i+1 < len(s.toks) && s.toks[i+1].kind == nkUnit {
			if v := lexNumVals[t.ent]; v >= 2 && v <= 4 && digitNoun(s.norm(i+1)) {
				n += 3
			}
		}
		if digits += n; digits >= formatDigits {
			return true // (as at the end: read no further)
		}
		if first == 0 {
			continue // «тысяча», «double», a filler: the digit before goes on
		}
		// A mobile's start over two tokens («восемь девятьсот ...»,
		// «8 9 ...», «восемь тысяч девятьсот», or across a sentence).
		if lead == '8' && first == '9' {
			return true
		}
		// («плюс семь девятьсот ...»: plusSevenStart.)
		if lead == '7' && first == '9' && i >= 2 && s.norm(i-2) == "плюс" {
			return true
		}
		lead = first
		if t.kind == nkDigits && t.nl >= 2 && mobileStart(s.normOf(t)[0], s.normOf(t)[1]) {
			return true
		}
	}
	return digits >= formatDigits
}

// digitBound is at most how many digits compose makes of token t in a
// run, and the first of them (0 for «тысяча» and «double», which go on
// the digits before or after them, and for a token no run reads): a
// digit written is one, a unit one (a count before a digit's noun is
// numbersMay's), a teen or tens two, a hundred or an ordinal three,
// «тысяча» four (it writes the group before it again with three more, or
// 1000), «double» its count.
func (s *scan) digitBound(t *token) (n int, first byte) {
	v := int(lexNumVals[t.ent])
	switch t.kind {
	case nkDigits:
		return int(t.nl), s.normOf(t)[0]
	case nkUnit:
		return 1, leadDigit(v)
	case nkTeen, nkTens:
		return 2, leadDigit(v)
	case nkHundred, nkOrdinal:
		return 3, leadDigit(v)
	case nkThousand:
		return 4, 0
	case nkRepeat:
		return v, 0
	}
	return 0, 0
}

// leadDigit is v's first decimal digit.
func leadDigit(v int) byte {
	for v >= 10 {
		v /= 10
	}
	return byte('0' + v)
}

// classify decides what a zone is, or "" to leave it.
func (s *scan) classify(z *zone, prevEnd int) (Type, ruleID) {
	if s.issueYear(z) || s.plateDigits(z) || s.afterZa(z) {
		return "", ruleDropped
	}
	// A card's expiry asked for with the security code («срок действия и
	// три цифры на обороте» — «08 28 а на обороте 5 1 9»); a count of
	// digits, one number word after «цифр» («проверьте цифр двадцать»).
	if s.expiryAsked(z) || z.from > 0 && s.norm(z.from-1) == "срок" && (s.monthYear(z.from) && z.to == z.from+2 || s.monthYearDigits(z)) || s.expiryNamedAfter(z) || z.to == z.from+1 && s.toks[z.from].num() != nkDigits && z.from > 0 && isWord(s.norm(z.from-1), "цифр", "цифры") {
		return "", ruleDropped
	}
	if s.cvvAfterCard(z) {
		return CVV, ruleName(CVV, ruleCue)
	}
	typ, rule := s.classifyAll(z, prevEnd)
	// A bank's correspondent account (20 digits from 30101) and a device's
	// IMEI (15 digits that pass Luhn, after its word) are no person's.
	if d := s.zoneDigits(z); (typ == Account || typ == Number) && len(d) == 20 && strings.HasPrefix(d, "30101") ||
		typ == Card && len(d) == 15 && s.imeiBefore(z) ||
		// (And a barcode, 13 digits after its word, whatever Luhn says:
		// «баркод» — «4 6 0 1 2 3 4 5 6 7 8 9 0».)
		typ == Card && len(d) == 13 && s.barcodeAsked(z) {
		return "", ruleDropped
	}
	return typ, rule
}

// expiryNamedAfter reports whether a zone is a card's expiry, a month and
// a year, with «срок» right after it («12 28 срок» read back after the
// card and its CVV).
func (s *scan) expiryNamedAfter(z *zone) bool {
	return z.to == z.from+2 && z.to < len(s.toks) && s.toks[z.to].seg == s.toks[z.from].seg && s.norm(z.to) == "срок" && s.monthYear(z.from)
}

// plateDigits reports whether a zone is a car plate's three digits: one
// letter right before them, two letters right after («машина а 1 2 3 в
// с», «а 123 вс» is one token), in its sentence.
func (s *scan) plateDigits(z *zone) bool {
	// (The letters first: most zones have none around them, and their
	// digits are not gathered.)
	if z.from == 0 || z.to+1 >= len(s.toks) || !s.letter(z.from-1) || !s.letter(z.to) || !s.letter(z.to+1) {
		return false
	}
	seg := s.toks[z.from].seg
	return s.toks[z.from-1].seg == seg && s.toks[z.to+1].seg == seg && s.toks[z.to].num() == nkNone && len(s.zoneDigits(z)) == 3
}

// trapNamedAfter reports whether the speaker says right after a number,
// with «это», that it is one a trap word names («044525 593 это бик
// банка», «4 4 1 7 2 9 0 3 это номер заказа», «5 1 0 9 это код ошибки»):
// a trap word in the three words after «это», not a cue word's own
// («это мой телефон», «это код»).
func (s *scan) trapNamedAfter(z *zone) bool {
	seg := s.toks[z.from].seg
	if j := z.to; j >= len(s.toks) || s.toks[j].seg != seg || s.norm(j) != "это" {
		return false
	}
	for k := z.to + 1; k < len(s.toks) && k <= z.to+3 && s.toks[k].seg == seg; k++ {
		if s.toks[k].has(tTrap) && !s.cueAt(k) {
			return true
		}
	}
	return false
}

// otherSpokeBetween reports whether the other side said a sentence, not
// one asking to go on («угу», «записываю»), or a cue word or a trap word
// («назовите номер счета»), between from and to.
func (s *scan) otherSpokeBetween(from, to float64) bool {
	for k := range s.othersSpoke {
		if e := &s.othersSpoke[k]; !e.goOn && e.at >= from && e.at <= to {
			return true
		}
	}
	for k := range s.others {
		if e := &s.others[k]; (e.cue != 0 || e.trap) && e.at >= from && e.at <= to {
			return true
		}
	}
	return false
}

// otherSaid reports whether the other side said a sentence of four words
// or more (not one asking to go on) between from and to.
func (s *scan) otherSaid(from, to float64) bool {
	for k := range s.othersSpoke {
		if e := &s.othersSpoke[k]; e.said && e.at >= from && e.at <= to+0.5 {
			return true
		}
	}
	return false
}

// digitMissingAfter reports whether the five words after a zone, in its
// sentence, say a digit of it is missing: «третью», «последнюю»,
// «середина» («... не помню третью цифру»), or «цифра» in its forms with
// «не», «нет», «только» or «остальные» among those words («... только две
// цифры», «... остальные цифры не успела»). «цифр» alone says how long
// the code is («код двенадцать цифр»: rv24), no digit missing.
func (s *scan) digitMissingAfter(z *zone) bool {
	seg := s.toks[z.from].seg
	digitWord, missing := false, false
	// («только 3 8 видно», causes block UI.)
	// (Digit by digit: not «только 15 видно», a signal's bars or a
	// battery's per cent; review rv22b.)
	if z.from > 0 && z.to < len(s.toks) && s.toks[z.from-1].seg == seg && s.toks[z.to].seg == seg && s.norm(z.from-1) == "только" && isWord(s.norm(z.to), "видно", "видна", "видны") && s.digitByDigit(z) {
		return true
	}
	for j := z.to; j < len(s.toks) && j < z.to+5 && s.toks[j].seg == seg; j++ {
		w := s.norm(j)
		// («а третья не видно», «последняя стёрлась»: causes block UI.)
		if strings.HasPrefix(w, "середин") || isWord(w, "третью", "третьей", "последнюю", "последней", "третья", "последняя") {
			return true
		}
		digitWord = digitWord || strings.HasPrefix(w, "цифр")
		missing = missing || isWord(w, "не", "нет", "только") || strings.HasPrefix(w, "остальн")
	}
	return digitWord && missing
}

// ageBefore reports whether a zone of one or two digits follows «ему»,
// «ей», «мне» (and «есть», «уже», «было», «будет» between): an age («ей семьдесят
// исполнилось бы», «ему есть четырнадцать»: cn, cg), no card's end.
func (s *scan) ageBefore(z *zone) bool {
	if z.n() > 2 {
		return false
	}
	seg := s.toks[z.from].seg
	j := z.from - 1
	if j > 0 && s.toks[j].seg == seg && isWord(s.norm(j), "есть", "уже", "было", "будет") {
		j--
	}
	return j >= 0 && s.toks[j].seg == seg && isWord(s.norm(j), "ему", "ей", "мне")
}

// untilAfterCard reports whether token k is «до» right after a masked
// card: the card's expiry follows («[card] до ноль девять двадцать шесть
// и 614»: cn; «до 03 28 и код ...» in four more authors' sets; causes
// block QO).
func (s *scan) untilAfterCard(k int) bool {
	if k < 1 || s.norm(k) != "до" || s.toks[k-1].seg != s.toks[k].seg {
		return false
	}
	m := s.marks[k-1]
	return m != 0 && typeAt[s.found[m-1].typ] == Card
}

// cvvAfterCard reports whether a zone of three digits is a card's
// security code said right after its number, joined by «и», with no cue
// of its own («4377 0069 0393 4671 и ноль ноль три»): not an amount, a
// count or a time (a unit, a month or a clock's minutes after it).
func (s *scan) cvvAfterCard(z *zone) bool {
	k := z.from - 1 // «и», or a word pointing at the code after it: «и этот 0 1 8»
	if k > 0 && s.toks[k].seg == s.toks[z.from].seg && isWord(s.norm(k), "этот", "вот", "еще", "сзади") {
		k--
	}
	if z.n() != 3 || k < 1 || s.norm(k) != "и" || s.toks[k].seg != s.toks[z.from].seg || s.toks[k-1].seg != s.toks[z.from].seg {
		return false
	}
	// (Or after the card's expiry, a month and a year after «срок» or
	// right after the card: «[card] срок ноль три двадцать девять и
	// девятьсот пять», the other side's «срок 10 29 и 328 правильно».)
	if m := s.marks[k-1]; (m == 0 || typeAt[s.found[m-1].typ] != Card) && k != s.expiryEnd {
		return false
	}
	return !s.quantityAfter(z.to) && !s.clockTime(z)
}

// expiryThenCode reads a zone that answers the other side's question
// for a card's expiry and its security code in the 10 s before («срок
// действия и cvc» — «08 27 660», «ноль восемь двадцать семь шестьсот
// шестьдесят»): seven or eight digits, the first four a month and a
// year. It returns the token the code starts at and the code's type; z.to
// when the zone is no such answer. (It reads zones from the tokens after
// z.from: z's digits are to be read again.)
func (s *scan) expiryThenCode(z *zone) (int, Type) {
	n := z.n()
	// (Or the code said wrong and corrected after the expiry: «срок ноль
	// три двадцать девять девяносто ой девятьсот».)
	if n != 7 && n != 8 && !s.codeCorrected(z, n) {
		return z.to, ""
	}
	if !monthDigits(s.zoneDigits(z)) {
		return z.to, ""
	}
	at := s.t0(&s.toks[z.from])
	expiry, typ, eseg := false, Type(""), int32(-1)
	for k := range s.others {
		if e := &s.others[k]; e.justBefore(at) {
			if e.expiry {
				expiry, eseg = true, e.seg
			}
			if t := e.cueType(); t == CVV || t == Code && typ == "" {
				typ = t
			}
		}
	}
	// («срок и три цифры», «срок и ещё три» right after the card: the
	// three digits after its expiry are its security code, whatever the
	// question calls them; not with a trap word in the question, «срок и
	// сумма».)
	trap := false
	for k := range s.others {
		if e := &s.others[k]; e.seg == eseg && e.trap && !e.expiry && e.justBefore(at) {
			trap = true
		}
	}
	// The speaker's own «срок» right before it, a card of theirs masked
	// in the minute before: the card's expiry and its code said on
	// unasked («4279 4955 7722 7976» — «срок 03 29 900»).
	if !expiry && z.from > 0 && s.toks[z.from-1].seg == s.toks[z.from].seg && s.toks[z.from-1].has(tExpiry) {
		expiry = true
	}
	if expiry && typ == "" && !trap && n != 8 {
		for k := range s.nclaims {
			if c := &s.nclaims[k]; typeAt[c.typ] == Card && c.at <= at && at-c.at <= 60 {
				typ = CVV
			}
		}
	}
	if !expiry || typ == "" {
		return z.to, ""
	}
	var zk zone
	for k := z.from + 1; k < z.to; k++ {
		if s.readZone(k, &zk, 0); zk.to == z.to && zk.n() == n-4 {
			return k, typ
		}
	}
	return z.to, ""
}

// codeCorrected reports whether the n digits of z are a card's expiry
// and then a security code said wrong and corrected: the last run three
// digits, a correction word right before it, more than four digits
// before it.
func (s *scan) codeCorrected(z *zone, n int) bool {
	k := len(z.runs)
	if k < 2 || n < 9 || n > 10 || z.runs[k-1].n() != 3 {
		return false
	}
	for j := z.runs[k-2].to; j < z.runs[k-1].from; j++ {
		if correctionWord(s.norm(j)) {
			return true
		}
	}
	return false
}

// expiryAsked reports whether a zone is a month and a year, two numbers
// of two digits («08 28»), answering the other side's question for a
// card's expiry in the 10 s before.
func (s *scan) expiryAsked(z *zone) bool {
	// (Or its four digits said otherwise, a year of a card's after the
	// month: «ноль три тридцать», «0 6 2 8».)
	if !(z.to-z.from == 2 && s.monthYear(z.from)) && !(s.monthYearDigits(z) && s.dig[z.d0+2] >= '2' && s.dig[z.d0+2] <= '3') {
		return false
	}
	at := s.t0(&s.toks[z.from])
	if s.otherCueNear(at, func(e *cueEvent) bool { return e.expiry }) {
		return true
	}
	return false
}

// monthYear reports whether tokens i and i+1 are a month and a year in
// two digits each («07 29»): a card's expiry.
func (s *scan) monthYear(i int) bool {
	if i+1 >= len(s.toks) || s.toks[i].num() != nkDigits || s.toks[i+1].num() != nkDigits || s.toks[i+1].seg != s.toks[i].seg {
		return false
	}
	m, y := s.norm(i), s.norm(i+1)
	return len(m) == 2 && len(y) == 2 && (m[0] == '0' && m[1] != '0' || m == "10" || m == "11" || m == "12")
}

// monthYearDigits reports whether a zone's digits are a month and a year,
// four of them, however said («ноль девять двадцать семь»: 0927).
func (s *scan) monthYearDigits(z *zone) bool {
	if z.n() != 4 {
		return false
	}
	return monthDigits(s.zoneDigits(z))
}

// monthDigits reports whether d opens with a month's two digits, 01 to
// 12.
func monthDigits(d string) bool {
	return d[0] == '0' && d[1] != '0' || d[0] == '1' && d[1] <= '2'
}

// expiryDigits reports whether d is a card's expiry in four digits: a
// month and a card's year, 20 to 39.
func expiryDigits(d string) bool {
	return len(d) == 4 && monthDigits(d) && (d[2] == '2' || d[2] == '3')
}

// expiryAfter returns where a card's number ends when its expiry is said
// right after it in the same run («карта 4377 3956 1214 3116 07 29»): the
// digits before the month and year pass Luhn. z.to when they do not.
func (s *scan) expiryAfter(z *zone) int {
	e := z.to - 2
	if e <= z.from || !s.monthYear(e) {
		return s.expiryWordsAfter(z)
	}
	var buf [24]byte
	d := buf[:0]
	for i := z.from; i < e; i++ {
		if s.toks[i].num() != nkDigits || len(d)+len(s.norm(i)) > len(buf) {
			return z.to
		}
		d = append(d, s.norm(i)...)
	}
	if len(d) < 13 || len(d) > 19 || !luhn(string(d)) {
		return z.to
	}
	return e
}

// expiryWordsAfter returns where a card's number ends when its expiry is
// said right after it in words («4279 3928 8772 5486 одиннадцать двадцать
// восемь и код ...», «... 0628 ноль девять двадцать шесть»): the card's
// groups in digits pass Luhn, and the four digits left are a month and a
// card's year (20 to 39). z.to when they are not. (cg, and cm's
// «... 0628 ноль пять двадцать шесть» with the CVV said on; causes block
// QO.)
func (s *scan) expiryWordsAfter(z *zone) int {
	n := z.n()
	if n < 17 || n > 23 {
		return z.to
	}
	for e := z.from + 1; e < z.to && s.toks[e-1].num() == nkDigits; e++ {
		nd := s.luhnTokens(z.from, e)
		if nd == 0 || s.toks[e].num() == nkDigits || n-nd != 4 {
			continue
		}
		if expiryDigits(s.zoneDigits(z)[nd:]) {
			return e
		}
	}
	return z.to
}

// cardExpiryCode returns, for a run that is a card's number, its expiry
// and three or four digits more, where the card ends and where the code
// starts; z.to, z.to when the run is no such one (or was not typed: typ;
// or has fewer than 13+4+3 digits).
func (s *scan) cardExpiryCode(typ Type, z *zone) (int, int) {
	if typ == "" || z.n() < 20 || z.to-z.from < 4 {
		return z.to, z.to
	}
	for c := z.to - 1; c >= z.to-4 && c > z.from+2; c-- {
		e := c - 2
		if !s.monthYear(e) {
			continue
		}
		n := 0
		for k := c; k < z.to; k++ {
			if s.toks[k].num() != nkDigits {
				n = -100
			}
			n += int(s.toks[k].nl)
		}
		if n >= 3 && n <= 4 && s.luhnTokens(z.from, e) > 0 {
			return e, c
		}
	}
	return z.to, z.to
}

// cardBeforeAmount returns where a card's number ends when an amount is
// said right after it in the same run, its unit or «тысяч» closing the
// run («с карты 4279 6453 0464 6415 1 250 рублей»): the digits before the
// amount's last one or two tokens pass Luhn, and no trap word is
// before it; and how many digits the card has. z.to when the zone was
// typed already (typ), has no unit after it, or is no such card.
func (s *scan) cardBeforeAmount(typ Type, z *zone) (int, int) {
	// (Or an amount in thousands closing the run: «по кредитной карте
	// 5536 3330 4006 8055 девятнадцать тысяч и проценты»: cm; causes
	// block QW.)
	thousands := z.to-z.from >= 2 && s.toks[z.to-1].num() == nkThousand
	if typ != "" || z.to-z.from < 2 || !s.quantityAfter(z.to) && !thousands {
		return z.to, 0
	}
	// Not after a trap word («номер заказа ... 1 250 рублей»): the
	// digits before an amount pass Luhn one time in ten by chance.
	var tbuf [8]Type
	if _, trap, _ := s.cueBefore(z, s.segFrom(z.from), tbuf[:0]); trap {
		return z.to, 0
	}
	last := z.to - 2
	if thousands {
		last = z.to - 4 // («двадцать две тысячи»: three words)
	}
	for e := z.to - 1; e > z.from && e >= last; e-- {
		if n := s.luhnTokens(z.from, e); n > 0 {
			return e, n
		}
	}
	return z.to, 0
}

// cardThenCode returns where a card's number ends when its security
// code is said right after it in the same run, closing the sentence:
// four groups of four digits passing Luhn, then three digits said one by
// one («5536 1107 0568 9056 2 3 6»), not after a trap word; z.to
// otherwise. (Three digits in one group after a card are as often a
// sum: «... 9056 236» is left to the rules that type the whole.)
func (s *scan) cardThenCode(z *zone, prevEnd int) int {
	e := z.to - 3
	if z.to-z.from != 7 || z.to < len(s.toks) && s.toks[z.to].seg == s.toks[z.from].seg || s.quantityAfter(z.to) {
		return z.to
	}
	for k := z.from; k < z.to; k++ {
		if n := s.toks[k].nl; s.toks[k].num() != nkDigits || k < e && n != 4 || k >= e && n != 1 {
			return z.to
		}
	}
	if s.luhnTokens(z.from, e) != 16 {
		return z.to
	}
	var tbuf [8]Type
	if _, trap, _ := s.cueBefore(z, prevEnd, tbuf[:0]); trap {
		return z.to
	}
	return e
}

// roundThousands reports whether a zone is a round sum in thousands
// written so, one to three digits and «000» and nothing else («30 000»,
// «150 000»): said right after an identifier it is a limit or a debt,
// not the identifier going on (causes block GZ).
func (s *scan) roundThousands(z *zone) bool {
	if z.to-z.from != 2 || s.toks[z.from].num() != nkDigits || s.toks[z.from+1].num() != nkDigits {
		return false
	}
	a := s.norm(z.from)
	return len(a) <= 3 && a[0] != '0' && s.norm(z.from+1) == "000"
}

// snilsBeforeMore returns where a SNILS ends that opens a run of digits
// read as nothing whole (causes block GJ: «657 189 061 36 15 января 1986»,
// the date of birth said right after it; z.to otherwise).
func (s *scan) snilsBeforeMore(typ Type, z *zone) int {
	if typ != "" && typ != Number || z.to-z.from < 5 || !s.snilsShaped(z.from) {
		return z.to
	}
	return z.from + 4
}

// snilsInWords returns where a SNILS said in number words from token i
// ends, more said after it before to (a date of birth): its run's eleven
// digits, checksum held; i when none is there.
func (s *scan) snilsInWords(i, to int) int {
	if i >= to || s.toks[i].num() == nkDigits || !s.toks[i].mayStartRun() || !s.isRunStart(i) {
		return i
	}
	var z zone
	s.readZone(i, &z, 0)
	if z.n() != 11 || z.to >= to || !snilsOK(s.zoneDigits(&z)) {
		return i
	}
	return z.to
}

// snilsShaped reports whether the four tokens from i are a SNILS as it
// is printed and said: digits grouped 3-3-3-2 in one sentence, passing
// its checksum.
func (s *scan) snilsShaped(i int) bool {
	if i < 0 || i+4 > len(s.toks) {
		return false
	}
	var buf [11]byte
	d := buf[:0]
	for k, n := range [4]int{3, 3, 3, 2} {
		t := &s.toks[i+k]
		if t.seg != s.toks[i].seg || t.num() != nkDigits || len(s.normOf(t)) != n {
			return false
		}
		d = append(d, s.normOf(t)...)
	}
	return snilsOK(string(d))
}

// luhnTokens returns how many digits tokens from to to (each written in
// digits) make when they are a card's number, 13 to 19 of them passing
// Luhn; 0 otherwise.
func (s *scan) luhnTokens(from, to int) int {
	var buf [24]byte
	d := buf[:0]
	for i := from; i < to; i++ {
		if s.toks[i].num() != nkDigits || len(d)+len(s.norm(i)) > len(buf) {
			return 0
		}
		d = append(d, s.norm(i)...)
	}
	if len(d) < 13 || len(d) > 19 || !luhn(string(d)) {
		return 0
	}
	return len(d)
}

// barcodeAsked reports whether a barcode's word is said in the three
// words before a zone, or asked by the other side in the 10 s before.
func (s *scan) barcodeAsked(z *zone) bool {
	for j := z.from - 1; j >= 0 && j >= z.from-3 && s.toks[j].seg == s.toks[z.from].seg; j-- {
		if barcodeWord(s.norm(j)) {
			return true
		}
	}
	at := s.t0(&s.toks[z.from])
	if s.otherCueNear(at, func(e *cueEvent) bool { return e.barcode }) {
		return true
	}
	return false
}

// barcodeWord: a product's barcode («штрихкод», «баркод»).
func barcodeWord(w string) bool {
	return isWord(w, "штрихкод", "штрихкода", "штрихкоду", "баркод", "баркода", "баркоду", "ean")
}

// imeiBefore reports whether «imei» is said in the three words before a
// zone.
func (s *scan) imeiBefore(z *zone) bool {
	for j := z.from - 1; j >= 0 && j >= z.from-3 && s.toks[j].seg == s.toks[z.from].seg; j-- {
		if slices.Contains(imeiWords, s.norm(j)) {
			return true
		}
	}
	return false
}

// issueYear reports whether a zone is a year said as one («в 2009 году
// отделом уфмс», «выдан 2005»): a document's date, not its number, in an
// answer to «паспорт».
func (s *scan) issueYear(z *zone) bool {
	if z.n() != 4 || len(z.runs) != 1 || !year(s.zoneDigits(z)) {
		return false
	}
	seg := s.toks[z.from].seg
	if z.to < len(s.toks) && s.toks[z.to].seg == seg && isWord(s.norm(z.to), "году", "г") {
		return true
	}
	// (Or a date's year after its month: «выдан 12 марта 2019».)
	return z.from > 0 && s.toks[z.from-1].seg == seg && (isWord(s.norm(z.from-1), "выдан", "выдана", "выдано", "выдачи") || s.toks[z.from-1].has(tMonth))
}

// classifyAll is classify without its exceptions (an issue year, an
// expiry asked for, a correspondent account, an IMEI): what the zone's
// digits and the cues around them say it is.
func (s *scan) classifyAll(z *zone, prevEnd int) (Type, ruleID) {
	n := z.n()
	if freephone(s.zoneDigits(z)) || s.slashNumber(z) || s.enforcementNumber(z) {
		return "", ruleDropped
	}
	// («с карты на 5674 списали»: a card's end before a money verb is
	// the card's, not an amount.)
	if s.quantityAfter(z.to) && !(s.moneyVerb(z.to) && s.partCue(z, s.segFrom(z.from))) {
		if t := strongFormat(s.zoneDigits(z)); t == Card {
			return t, ruleCardLuhn
		}
		return "", ruleDropped
	}
	if s.moneyAmount(z) || s.trapNamedAfter(z) || s.roundPaid(z) || z.from > 0 && s.toks[z.from-1].nl >= 12 && s.paidBefore(z) {
		return "", ruleDropped
	}
	// A number ending in «тысяч» is an amount or a distance, however
	// long: «2018 120 тысяч пробег», «в 2021 600 тысяч брала кредит» (a
	// dictation says its digits after «тысяч»: «сорок тысяч восемьсот
	// семнадцать»).
	if s.toks[z.to-1].num() == nkThousand {
		if t := strongFormat(s.zoneDigits(z)); t == Card {
			return t, ruleCardLuhn
		}
		if s.accountBeforeSum(z) {
			return Account, ruleName(Account, ruleFormat)
		}
		return "", ruleDropped
	}
	// «тысяча» makes an amount or a year, unless the number is as long as
	// an identifier: a card said in thousands («четыре тысячи двести
	// семьдесят шесть, ...»).
	thousand, codeLike := false, false
	for _, r := range z.runs {
		thousand = thousand || r.thousand
	}
	if thousand && n >= 10 {
		thousand = false
	}
	// A code of four to six digits said in thousands («код
	// подтверждения» — «две тысячи пятьсот семь», «сорок две тысячи сто
	// пятнадцать»: block KM), not a round sum («две тысячи»): a code's
	// cue or question types it below. (Five or six digits only as the
	// whole answer or right after the cue: «оплачено 11 840» is a sum.)
	if thousand && n >= 4 && n <= 6 && !strings.HasSuffix(s.zoneDigits(z), "00") && !s.quantityAfter(z.to) &&
		(n == 4 || z.from == s.segFrom(z.from) || s.toks[z.from-1].has(tCue)) {
		codeLike = true
	}
	var tbuf [8]Type
	typ, trap, types := s.cueBefore(z, prevEnd, tbuf[:0])
	// «смс с номера 0890», «звонили с номера ...»: the number a message or
	// a call came from is a phone number whatever cue is near (a short
	// one, a service's, is none: 5 digits at least).
	if z.from >= 2 && s.toks[z.from-2].seg == s.toks[z.from].seg && isWord(s.norm(z.from-1), "номера", "номер", "номеров") && isWord(s.norm(z.from-2), "с", "со") {
		typ, trap, types = Phone, false, append(types[:0], Phone)
	}
	rule := ruleCue
	part := s.partCue(z, prevEnd)
	// «карта 30 94» after the other side's «последние цифры карты»: the
	// card's own word typed it; the question says it is the card's end.
	if typ == Card && !part {
		part = s.partAsked(z) || s.cardEndSaid(z)
	}
	if typ == Account && !part {
		part = s.accountEndSaid(z)
	}
	askedTrap := false // the trap word is the other side's question's
	if typ == "" && !trap {
		var ok bool
		if typ, trap, types, ok = s.otherCue(z, types[:0], &part); ok {
			rule = ruleAnswer
		}
		askedTrap = trap
	} else if !trap && !part && !fitsZone(typ, z) {
		// The speaker's own cue names a number the zone does not fit
		// («назовите защитный код» — «так сейчас переверну карту вот 3 0
		// 1»): the other side's question, when its type fits.
		var obuf [8]Type
		p := false
		if ot, otrap, ots, ok := s.otherCue(z, obuf[:0], &p); ok && !otrap && ot != "" && fitsZone(ot, z) {
			typ, rule, types = ot, ruleAnswer, append(types, ots...)
		}
	}
	// A code the speaker named sentences before, read out now with
	// neither a cue nor a question for it («код не приходит» — «на
	// какой номер» — ... — «пришёл 5 0 8 0»).
	// (Also when the other side's question named a number the zone does
	// not fit: «он придёт вам на телефон» — «ноль ноль шесть три».)
	// (Or when the speaker's own cue names a number the zone does not
	// fit: «мне сказали продиктовать цифры с обратной стороны» — «... по
	// телефону я назвала 4 0 6», causes block LM.)
	if !trap && (typ == "" || !fitsZone(typ, z)) {
		if c := s.ownCodeBefore(z); c != "" {
			typ, types = c, append(types, c)
		}
	}
	// A CVV or a code begun after a verb of saying it («я уже говорю
	// шестьсот», «я уже начала семь четыре»; causes block UA).
	if !trap && z.from > 0 && s.toks[z.from-1].nl >= 10 && (typ == "" || !fitsZone(typ, z)) {
		if c := s.codeSaidStarted(z); c != "" {
			return c, ruleName(c, ruleCue)
		}
	}
	// What came, said right after «пришёл», «пришло»: a code.
	// (Also when the other side's question named a number the zone does
	// not fit: «ваш номер телефона для смс» — «[phone] пришло четыре пять
	// шесть семь», causes block RE.)
	// (Or said right before it, a code's cue near: «и 3 3 2 1 пришел»,
	// causes block UC.)
	if (typ == "" || rule == ruleAnswer && !fitsZone(typ, z)) && !trap && (s.cameBefore(z) || z.to < len(s.toks) && s.toks[z.to].nl >= 12 && s.cameAfter(z)) {
		typ, types = Code, append(types, Code)
	}
	// The cue said after the number, closing its sentence («семьсот один
	// это цвц», «4 4 1 9 это код из смс»).
	// (The speaker's own cue after it says more than a trap word of
	// the other side's question.)
	// (So does it more than the other side's question when that names a
	// number the zone does not fit: «мы не принимаем оплату по телефону»
	// — «я продиктую быстро 4 2 0 это код а карта», causes block JR.)
	if typ == "" && (!trap || askedTrap) || rule == ruleAnswer && typ != "" && !fitsZone(typ, z) {
		// (A trap word of the other side's question stands against a cue
		// after the number that does not fit it: «номер стс» — «9954 771
		// 212 код подтверждения 6623», causes block MA.)
		if c := s.cueAfter(z); c != "" && (typ == "" && !askedTrap || fitsZone(c, z)) {
			if trap || typ != "" {
				trap, rule = false, ruleCue
			}
			typ, types = c, append(types, c)
		}
	}
	// (Nor a bank's short line, which the side that heard a code's or a
	// CVV's cue tells them to call or to block the card by: «это
	// мошенники срочно блокируйте карту в банке 900», «заблокируйте
	// карту по 900»: causes block RM.)
	if rule == ruleAnswer && (typ == CVV || typ == Code) && z.n() <= 4 && s.callOrBlockBefore(z) {
		return "", ruleDropped
	}
	// (And a code's cue before a time: «смс пришла в 14 20».)
	// (Or any four digits that read as a time: «карта заблокирована в
	// 16 05», «запись 17 декабря 12 15».)
	if (rule == ruleAnswer || typ == Code || n <= 4) && (s.dateOrTime(z) || s.clockTime(z)) {
		return "", ruleDropped
	}
	// Two digits of a security code or a code, the rest said to be
	// missing right after them («код сзади сорок два не помню третью
	// цифру», «код девяносто восемь не называли только две цифры»: cn,
	// cl; causes block QP): what was said of it is masked.
	if n == 2 && !trap && (contains(types, CVV) || contains(types, Code)) && s.digitMissingAfter(z) {
		if contains(types, CVV) {
			return CVV, ruleName(CVV, rule)
		}
		return Code, ruleName(Code, rule)
	}
	// (Or the speaker's own cue for it in the minute before: «код сзади
	// почти стёрся» — «только три восемь видно», causes block UI.)
	if n == 2 && !trap && typ == "" && len(s.cues) > 0 {
		if c := s.ownCodeCueType(z); c != "" && s.digitMissingAfter(z) {
			return c, ruleName(c, ruleCue)
		}
	}
	// A card's first four and last four («на карту 5536 8137», «[5469]
	// в конце 6485»; causes block UE).
	if !thousand && (n == 4 || n == 8) {
		if !trap && n == 4 && z.from > 0 && s.toks[z.from-1].nl == uint32(len("конце")) && s.endAfterCardStart(z) {
			return Card, ruleCardEnding
		}
		// (With «в конце» after it, a trap word between the card's word
		// and it names what the card is for: «на карту оплаты 5469 в
		// конце ...», causes block UE2.)
		// (A short word after it, «в», «и», «а», before «конце» is read.)
		ends := n == 4 && z.to < len(s.toks) && s.toks[z.to].nl == 2 && s.endPhraseAt(z.to) > z.to
		if (typ == Card || ends) && (!trap && (!part || ends) || trap && ends) && s.cardHalves(z, typ) {
			return Card, ruleName(Card, ruleCue)
		}
	}
	if typ != "" && (!thousand || typ != Phone && typ != Card && typ != Account && z.runs[0].g1-z.runs[0].g0 > 1 || codeLike && (typ == Code || typ == CVV)) {
		// A CVV said as a hundred, «ноль» and a unit («cvv шестьсот ноль
		// два»: 602, read as 600 0 2, five digits no CVV has; causes
		// block MJ).
		if contains(types, CVV) && !fitsZone(CVV, z) && (s.hundredNoughtUnit(z) || s.hundredRestart(z)) {
			return CVV, ruleName(CVV, rule)
		}
		// The most specific cue whose length fits.
		for _, c := range []Type{CVV, Code} {
			if contains(types, c) && fitsZone(c, z) {
				return c, ruleName(c, rule)
			}
		}
		if contains(types, Card) && part && (n >= 2 && n <= 6 || fitsZone(CVV, z) || fits(Code, z.runs[0].n()) && z.runs[0].n() <= 6) {
			// (Not an age after «ему», «ей», a card's «цифры» said
			// around it: «ей семьдесят исполнилось бы», «ему есть
			// четырнадцать»; causes block QT.)
			if s.ageBefore(z) || s.enOrdinalAfter(z) {
				return "", ruleDropped
			}
			return Card, ruleCardEnding
		}
		// The end or the start of another identifier: «счет
		// заканчивающийся на 9901», «инн начинается на 5099».
		// (An account's up to eight: «последние цифры счёта» — «три три
		// восемь один два ноль четыре», causes block UH2.)
		if part && n >= 2 && (n <= 6 || n <= 8 && contains(types, Account)) {
			for _, c := range []Type{Account, INN, SNILS, Phone, Passport} {
				if contains(types, c) {
					return c, ruleName(c, rule)
				}
			}
		}
		if fitsZone(typ, z) {
			if f := strongFormat(s.zoneDigits(z)); f != "" && f != typ && (f == Card || typ == Phone && f != Number) {
				return f, ruleName(f, ruleFormat)
			}
			return typ, ruleName(typ, rule)
		}
		for _, c := range types {
			if fitsZone(c, z) {
				return c, ruleName(c, rule)
			}
		}
	}
	// «номер начинается на 8 916»: a mobile number's start.
	if typ == "" && !trap && part && n >= 4 && n <= 7 && strings.HasPrefix(s.zoneDigits(z), "89") {
		return Phone, ruleName(Phone, ruleCue)
	}
	if thousand {
		return "", ruleDropped
	}
	f, fr := s.format(z)
	if f == Number && bankAccount(s.zoneDigits(z)) {
		f, fr = Account, ruleName(Account, ruleFormat)
	}
	if trap {
		if f == Card || f == Account || (f == Phone || f == INN && n == 12 || f == SNILS) && s.phoneShapeFree(z, prevEnd) {
			return f, fr
		}
		if t := formatAskedToo(s.zoneDigits(z), types); t != "" {
			return t, ruleName(t, ruleFormat)
		}
		return "", ruleDropped
	}
	if f != "" {
		return f, fr
	}
	return "", ruleDropped
}

// phoneShapeFree reports whether a zone of a phone number's shape (a
// mobile's 9XX and seven digits, with 8 or 7 before them or not; an
// 11-digit landline with its area code: strongFormat) is the phone it
// looks like although a trap word was said before it: no order's,
// ticket's or price's number has that shape unless a trap word names it.
// A trap word names it when it stands among the three words before the
// digits with no verb between them («заказ 921 ...», «заявка номер 903
// ...», «лицевой за свет 9 6 0 ...», «права мои 99 12 ...»; «номер» and
// «под» are not counted), or when the other side asked for a number by
// the trap word («номер заказа», «полис») with no question for a person
// in that sentence («на кого кредит» asks for a name, not the credit's
// number). A trap word further back, or with a verb between, only says
// what the talk is about («в заявке у вас указан номер 926 ...», «по
// займу звонили мне на 8 903 ...», «в накладной стоит 968 ...»).
//
// A person's INN of 12 digits and a SNILS whose checksums hold are free
// the same way: no order's or claim's number passes their checksum
// unless by chance, and then a trap word names it.
func (s *scan) phoneShapeFree(z *zone, prevEnd int) bool {
	d := s.zoneDigits(z)
	switch strongFormat(d) {
	case Phone:
	case INN, SNILS:
		if len(d) == 10 {
			return false // (a company's INN: a trap word may say whose)
		}
	default:
		return false
	}
	seg := s.toks[z.from].seg
	for j, words := z.from-1, 0; j >= prevEnd && s.toks[j].seg == seg && words < 3; j-- {
		w := s.norm(j)
		if namingWord(w) || w == "под" {
			continue
		}
		if j == z.from-1 && w == "на" {
			// «по заказу на 8 926 ...»: what a trap word puts «на» before
			// is an amount, a count or a date («заказ на 5 штук»), none
			// of a phone's shape; the number is where to call.
			// (So is it after a verb of calling and «на», whatever the
			// other side asked: «мастер когда» — «мастер перезвонит на
			// восемь девятьсот ...», causes block RH.)
			if j > prevEnd && s.toks[j-1].seg == seg && (callVerb(s.norm(j-1)) || isWord(s.norm(j-1), "перезвонит", "позвонит", "позвонят", "перезвонят", "наберет", "наберёт")) {
				return true
			}
			break
		}
		if verbLike(w) {
			break // (a trap word too: «стоит», «перевела» govern a price)
		}
		if j > prevEnd && z.n() >= 11 && isWord(s.norm(j-1), "в", "во") && (strings.HasSuffix(w, "е") || strings.HasSuffix(w, "и")) {
			// «в заказе 8 912 ...», «в заявлении 4099 ...»: a trap word
			// after «в» says where the number is written, not what it
			// is, when the number has the whole shape (a mobile with its
			// 8 or 7; «в заказе 9 2 1 6 8 3 4 7 0 2», ten digits, may be
			// the order's own).
			break
		}
		if s.toks[j].has(tTrap|tCue) && !s.cueAt(j) && !(len(d) == 11 && premiseWord(w)) {
			return false
		}
		words++
	}
	if len(d) == 12 {
		// (A question for an order's or an institution's number, «инн
		// банка», names none of a person's 12-digit INN, whose checksum
		// an order's number passes one time in a hundred.)
		return true
	}
	if s.ownPhoneCueBefore(z, prevEnd) {
		return true
	}
	at := s.t0(&s.toks[z.from])
	for k := range s.others {
		e := &s.others[k]
		if !e.trap || !e.named || e.at > at+0.5 || at-e.at > 10 {
			continue
		}
		person := false
		for m := range s.others {
			person = person || s.others[m].seg == e.seg && s.others[m].name
		}
		if !person {
			return false
		}
	}
	return true
}

// ownPhoneCueBefore reports whether the speaker named a phone
// («телефон», «номер мобильного») earlier in the zone's own sentence,
// six words before it at most with no number, other cue or trap word
// between (but a verb's: «приедет», «позвонит» say when, not what the
// number is): the number of a phone's shape that follows is the phone so
// named, whatever the other side asked before («номер заявки 542» —
// «телефон мужа запишите он приедет восемь девятьсот ...»; causes
// block TG).
func (s *scan) ownPhoneCueBefore(z *zone, prevEnd int) bool {
	seg := s.toks[z.from].seg
	for j := z.from - 1; j >= prevEnd && j >= z.from-7 && s.toks[j].seg == seg; j-- {
		t := &s.toks[j]
		if t.has(tCue) {
			return t.cue() == Phone && s.cueAt(j)
		}
		if t.has(tNum) || t.has(tTrap) && !verbLike(s.norm(j)) || s.marks[j] != 0 {
			return false
		}
	}
	return false
}

// verbLike: a word with a verb's ending (past «указал», «вносила»,
// infinitive «звонить», imperative «перезвоните», participle «указан»,
// «оформлен», «записано», present «стоит», «звонят», «вижу», «прошу»,
// «перезвоним», «отправляем»): what stands between a trap word and a
// number when the trap word is the talk's topic, not the number's name
// (phoneShapeFree), and no mailbox's word (mailReadBackEnds). Trap words
// that end so (the money's and the time's: «стоит», «перевела»,
// «списали») govern an amount or a time, never a number of a phone's
// shape. (A few nouns end so too, «кредит».)
func verbLike(w string) bool {
	if len(w) < 6 { // (bytes: three Cyrillic letters)
		return false
	}
	for _, end := range []string{"л", "ла", "ли", "ло", "ть", "те", "ан", "ен", "ит", "ят", "жу", "шу", "чу", "щу", "им", "ем", "ано", "ено", "дет", "дёт"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// format types a zone by its digits alone (each run alone too, for a
// repetition or a correction).
func (s *scan) format(z *zone) (Type, ruleID) {
	if s.dateOrTime(z) {
		return "", ruleDropped
	}
	if f := strongFormat(s.zoneDigits(z)); f != "" && f != Number {
		return f, ruleName(f, ruleFormat)
	}
	for k := range z.runs {
		if f := strongFormat(s.runDigits(&z.runs[k])); f != "" && f != Number {
			return f, ruleName(f, ruleFormat)
		}
	}
	if z.n() >= 10 {
		return Number, ruleNumberLength
	}
	return "", ruleDropped
}

// slashNumber reports whether z is part of a number written with «дробь»
// (a slash) between its parts, a number before it or after it in its
// sentence: a case's, a register's, a decree's number («по делу 2
// дробь 890 дробь 2024», «50 дробь 143 н дробь 77 2021 1 618»: causes
// block KX); nobody says a person's identifier so. (A house's «5 дробь
// 2» is the address rules'.)
func (s *scan) slashNumber(z *zone) bool {
	seg := s.toks[z.from].seg
	slash := func(k int) bool { return isWord(s.norm(k), "дробь", "слэш", "слеш") }
	for k := z.from - 1; k >= 0 && k >= z.from-3 && s.toks[k].seg == seg; k-- {
		if slash(k) {
			return true
		}
		if s.toks[k].has(tNum) {
			break
		}
	}
	return z.to+1 < len(s.toks) && s.toks[z.to].seg == seg && slash(z.to) && s.toks[z.to+1].seg == seg
}

// enforcementNumber reports whether z is the number of enforcement
// proceedings (NNNNN/YY/NNNNN-ИП, said without its slashes): «ип» right
// after it, or «производство» in its sentence's three words before it,
// or «исполнительному» right before it («есть исполнительное
// производство 18843 23 63042 ип», «по производству 1120 22 59007
// закрыт», «арест наложен по исполнительному 2 7 8 8 ...»). Issue 13
// does not list it, and the bailiffs' and collectors' calls read it out
// (written sets by, bx, ce, cg, cm; causes block XX). A cue word or
// another number between stops the look back («по производству удержали
// у меня снилс ...»), and so does a word «лист», whose account follows
// («в исполнительном листе 40817 ...»). Nor does the look back take a
// Russian phone's whole shape (phoneWhole): «на производстве» is a
// workplace too, and a phone's cue before «производство» does not stop
// it («а рабочий номер на производстве 8 495 ...», rv24); «ип» after it
// does («производство 998 24 16018 ип»).
func (s *scan) enforcementNumber(z *zone) bool {
	seg := s.toks[z.from].seg
	if z.n() >= 7 && z.to < len(s.toks) && s.toks[z.to].seg == seg && s.norm(z.to) == "ип" {
		return true
	}
	if phoneWhole(s.zoneDigits(z)) {
		return false
	}
	for k := z.from - 1; k >= 0 && k >= z.from-3 && s.toks[k].seg == seg; k-- {
		w := s.norm(k)
		if strings.HasPrefix(w, "производств") || k == z.from-1 && strings.HasPrefix(w, "исполнительн") {
			return true
		}
		if s.toks[k].has(tNum | tCue) {
			break
		}
	}
	return false
}

// phoneWhole: a Russian phone's whole number, eleven digits opening with
// 7 or 8 and an area's or a mobile operator's first digit (3, 4, 8, 9),
// or a mobile's ten opening with 9.
func phoneWhole(d string) bool {
	return len(d) == 11 && (d[0] == '7' || d[0] == '8') && strings.IndexByte("3489", d[1]) >= 0 || len(d) == 10 && d[0] == '9'
}

// freephone: an 8 800 or 8 804 number (or its start), which only
// companies have: a hotline, never a person's phone; also with a digit
// of a group lost (ten digits: «восемь восемьсот двести пятьдесят пять
// двести пятьдесят пять», causes block JQ).
func freephone(d string) bool {
	if len(d) == 10 || len(d) == 12 {
		// (Not «7804 ...», a passport's series; twelve digits, a zero
		// said twice: «восемь восемьсот сто ноль ноль ноль ноль один»,
		// causes block KW.)
		return d[:4] == "8800"
	}
	if len(d) != 11 && len(d) != 4 || d[0] != '8' && d[0] != '7' {
		return false
	}
	return d[1:4] == "800" || d[1:4] == "804"
}

// bankAccount: a bank account's digits said with a slip (18 to 22
// digits): its balance account opens it, 40xxx or 42xxx (40817 a
// person's current account, 42301 a deposit).
func bankAccount(d string) bool {
	return len(d) >= 18 && len(d) <= 22 && d[0] == '4' && (d[1] == '0' || d[1] == '2')
}

// dateOrTime: «12 03 2026», «15 30» said as a date or a time.
func (s *scan) dateOrTime(z *zone) bool {
	g := s.zoneGroups(z)
	num := func(k int) int {
		v, _ := strconv.Atoi(s.groupDigits(g[k]))
		return v
	}
	if len(g) >= 3 && g[0].n() <= 2 && g[1].n() <= 2 && num(0) >= 1 && num(0) <= 31 && num(1) >= 1 && num(1) <= 12 &&
		g[2].n() == 4 && num(2) >= 1900 && num(2) <= 2100 && len(g) <= 5 {
		return true
	}
	return false
}

// clockTime: «в 10 30», «к десяти», «до 18»: an hour (and minutes) after a
// time preposition; or an hour and its minutes right after a date's
// month («запись 17 декабря 12 15», «выдача 14 декабря 18 22»).
func (s *scan) clockTime(z *zone) bool {
	if z.from == 0 || !isWord(s.norm(z.from-1), "в", "во", "к", "ко", "с", "со", "до", "около", "после", "at", "by", "until", "after") && !s.afterMonth(z) &&
		!(s.toks[z.from-1].seg == s.toks[z.from].seg && weekdayWord(s.norm(z.from-1))) {
		return false
	}
	g := s.zoneGroups(z)
	if len(g) == 3 && g[1].n() == 1 && g[2].n() == 1 && g[1].to == g[2].from && s.groupDigits(g[1]) == "0" {
		// The minutes said «ноль семь», «ноль ноль» (causes block JI:
		// «в двенадцать ноль семь», «к пятнадцати ноль ноль»): one
		// group of two digits (a copy: g is the zone's own).
		g = []group{g[0], {g[1].from, g[2].to}}
	}
	if len(g) == 0 || len(g) > 2 {
		return false
	}
	h, _ := strconv.Atoi(s.groupDigits(g[0]))
	if h > 23 || g[0].n() > 2 {
		return false
	}
	if len(g) == 2 {
		m, _ := strconv.Atoi(s.groupDigits(g[1]))
		return m <= 59 && g[1].n() == 2
	}
	return true
}

// weekdayWord: a day of the week or «сегодня», «завтра», an
// appointment's day before its hour («запись на пятницу шестнадцать ноль
// ноль», «завтра 10 30»: causes block KY).
func weekdayWord(w string) bool {
	return weekdayWords.of(w) || isWord(w, "сегодня", "завтра", "послезавтра")
}

// (Wednesday by its forms: «сред» begins «средний», «среди», «средства»
// too, which make no time of a code after them.)
var weekdayWords = newBeginningSet("понедельник", "вторник", "среда", "среду", "среды", "среде", "средой", "средам", "четверг", "пятниц", "суббот", "воскресень")

// afterMonth reports whether a zone of two groups of two digits follows
// a month's word in its sentence.
func (s *scan) afterMonth(z *zone) bool {
	return z.from > 0 && s.toks[z.from-1].seg == s.toks[z.from].seg && s.toks[z.from-1].has(tMonth) && z.to-z.from == 2 &&
		s.toks[z.from].num() == nkDigits && s.toks[z.from].nl == 2 && s.toks[z.from+1].num() == nkDigits && s.toks[z.from+1].nl == 2
}

// partCue reports whether the words around a zone say it is part of a
// number: «заканчивается на», «последние цифры» before it, «последние
// цифры», «на конце» right after it, or a card's «карты на 9907».
func (s *scan) partCue(z *zone, prevEnd int) bool {
	seg := s.toks[z.from].seg
	lo, far := prevEnd, z.from-6
	if z.from >= 3 && s.negatedAfter(z.from-2) {
		// The value it is not names the same part as the one before
		// «а не» («в конце двадцать три а не тридцать два»).
		lo, far = s.segFrom(z.from), z.from-12
	}
	for j := z.from - 1; j >= lo && j >= far; j-- {
		// Not across the other side's sentence: its question is what the
		// number answers («у меня последний платеж не прошел» — «назовите
		// номер счета» — «12 34 56 78», «more than last month» — «account
		// number please» — «7 7 0 3 1 5 2»: review rv22b).
		if s.toks[j].seg != s.toks[j+1].seg && s.otherSpokeBetween(s.t1(&s.toks[j]), s.t0(&s.toks[j+1])) {
			break
		}
		// (No word below has another length: most are not read.)
		if nl := s.toks[j].nl; nl < 10 && nl != 4 && nl != 6 && nl != 8 {
			continue
		}
		switch w := s.norm(j); w {
		case "цифры", "цифр", "ending", "ends", "last", "digits":
			// (Not «last» of a time, «more than last month», «i called
			// last thursday», in the client's sentence before: it names
			// no digits, and an account number given next is no account's
			// end; review rv22b, testdata/labelled/en ebd-0002, ebm-0001,
			// ebr-0023.)
			if w == "last" && s.enCueOff(j) {
				continue
			}
			return true
		default:
			if partWord(w) && !s.lastTime(j) {
				return true
			}
		}
	}
	for j := z.to; j < len(s.toks) && j < z.to+3 && s.toks[j].seg == s.toks[z.to-1].seg; j++ {
		if s.toks[j].nl >= 10 && partWord(s.norm(j)) {
			return true
		}
	}
	// «с карты на 9907»: a card cue, then «на» and four digits; an
	// account's too when its word is not the nominative «счёт», which
	// puts «на» before an invoice's sum («со счёта на 4417», «два счёта
	// на 1209»; «выставили счёт на 1209»).
	if z.n() == 4 && z.from >= 2 && s.norm(z.from-1) == "на" {
		for j := z.from - 2; j >= 0 && j >= z.from-4 && s.toks[j].seg == seg; j-- {
			if t := &s.toks[j]; t.has(tCue) && (t.cue() == Card || t.cue() == Account && !isWord(s.norm(j), "счет", "счёт") && !s.providerAccount(j)) {
				return true
			}
		}
	}
	return false
}

// otherCue reads the other side's latest question within 10 s before the
// zone: its cue's type, whether it is a trap, every type its cues name
// (appended to types) and whether it asks for part of a number (part).
// A trap word in the question that does not name the number («инн для
// договора», «номер телефона в полисе») gives way to the question's cue.
func (s *scan) otherCue(z *zone, types []Type, part *bool) (Type, bool, []Type, bool) {
	at := s.t0(&s.toks[z.from])
	var best cueEvent
	ok := false
	for k := range s.others {
		if e := &s.others[k]; (e.cue != 0 || e.trap && !e.own) && e.justBefore(at) && (!ok || e.at >= best.at) {
			best, ok = *e, true
		}
	}
	// The client's cue said with their own number asks the operator for
	// no part of one («карта 5469 ...» — «три цифры 480» — the
	// operator's «место 12 а 1 200» is no card's end); a read-back of it
	// («605 спасибо») is still typed by it.
	noPart := best.dictated && s.role == schemas.RoleOperator
	if !ok {
		return "", false, types, false
	}
	// (A card's cue said with its digits in the client's sentence asks
	// for nothing though a trap word closes that sentence: «последние
	// цифры карты 7730 списали дважды»; causes block QR.)
	for k := range s.others {
		if e := &s.others[k]; !noPart && s.role == schemas.RoleOperator && e.seg == best.seg && !e.own && e.dictated && e.cueType() == Card {
			noPart = true
		}
	}
	// Nor does a CVV or a code the client blurts out with its cue («и
	// cvv 811») ask the operator for one: the operator's next number is
	// their own («анализ ттг 690», «в полицию 102»), unless it opens
	// the operator's sentence: a read-back («605 спасибо», «48 17 2
	// подтверждено»).
	// (Nor a trap word the client says with its own number, «код на
	// двери сто девятнадцать»: causes block ML.)
	// (Nor a card's end the client says with its cue, «карта на 3208
	// кончается»: the operator's «вижу тысяча восемьсот платеж прошел»
	// is a sum; a read-back of it is the echo rules'. Causes block QR.)
	if noPart && (best.cue != 0 && (best.cueType() == CVV || best.cueType() == Code || best.cueType() == Card) || best.cue == 0 && best.trap) && !s.opensSentence(z.from) {
		return "", false, types, false
	}
	// The question's other cues: said in its sentence, in the 4 s
	// before its last. The other side's trap word says what a number is
	// when it names one («номер заказа»), not in passing («третий
	// этаж» before «номер мой обновите 8 965 ...»).
	typ, trap := best.cueType(), best.trap && best.named
	if typ != "" {
		types = append(types, typ)
	}
	coded, verify := false, false
	for k := range s.others {
		e := &s.others[k]
		if e.at > best.at || best.at-e.at > 4 || e.seg != best.seg || e.own && e.cue == 0 {
			continue
		}
		*part = *part || e.part && !noPart
		trap = trap || best.trap && e.named
		coded = coded || e.coded
		verify = verify || e.cueType() == Code
		if c := e.cueType(); c != "" {
			if best.trap && !best.named && !e.named {
				typ, trap = c, false
			}
			if !contains(types, c) {
				types = append(types, c)
			}
		}
	}
	// A code the question names as no verification code («код
	// подразделения в паспорте») is what is asked, whatever else its
	// words name, unless it asks for a verification code too («код
	// бронирования и код подтверждения из смс»).
	coded = coded && !verify && typ != Code
	// A last sentence that names nothing («назовите цифры на обороте» —
	// «а это не опасно» — «нет это нужно для оплаты» — «9 2 9»): the
	// question before it, in the window and not answered yet, is what
	// the number answers.
	// (Also when the last names a number the zone does not fit: «код
	// из смс» — «у меня 2 карты» — «на телефон пришёл» — «4 0 9 1».)
	if (typ == "" || !fitsZone(typ, z)) && !trap && !coded {
		var q *cueEvent
		for k := range s.others {
			if e := &s.others[k]; e.cue != 0 && e.seg != best.seg && e.at < best.at && at-e.at <= otherCueWindow && (q == nil || e.at >= q.at) && (typ == "" || fitsZone(e.cueType(), z)) {
				q = e
			}
		}
		if q != nil && !s.answeredBefore(q.at, z.from, true) {
			typ, *part = q.cueType(), *part || q.part
			types = append(types, typ)
		}
	}
	if coded {
		typ, trap = "", true
	}
	// A question for a passport and a document a trap word names («ваш
	// паспорт и свидетельство»): an answer of a Russian passport's shape,
	// its series' four digits and then six, is the passport (causes block
	// LK).
	if trap && !coded && contains(types, Passport) && s.seriesNumberShape(z) {
		typ, trap = Passport, false
	}
	// A trap word says what the first answer to it is, not a number said
	// in a later sentence («код домофона» — «44 ключ 1234» — «и ваш
	// номер» — the phone).
	if trap && s.answeredBefore(best.at, z.from, false) {
		trap = false
		if coded {
			return "", false, types[:0], false
		}
	}
	return typ, trap, types, true
}

// refusedCue reports whether the cue at token j is the object of a
// refusal to hear it («не называйте код», «не говорите cvv», «вам не
// стоит называть код»): a verb of saying one or two words before it,
// «не» one or two words before the verb.
func (s *scan) refusedCue(j int) bool {
	seg := s.toks[j].seg
	// Either way «не» is among the four words before the cue or the two
	// after it (its own place included), in its sentence: most cues have
	// none, and are answered by the tokens' lengths, without a verb read
	// (this is asked of every cue word, twice of a number's).
	ne := false
	for n := max(j-4, 0); n < len(s.toks) && n <= j+2; n++ {
		if t := &s.toks[n]; t.seg == seg && t.nl == uint32(len("не")) && s.normOf(t) == "не" {
			ne = true
			break
		}
	}
	if !ne {
		return false
	}
	// «cvv никому не сообщайте»: the refusal after the cue, «не» right
	// before its verb.
	for k := j + 1; k < len(s.toks) && k <= j+3 && s.toks[k].seg == seg; k++ {
		if s.norm(k-1) == "не" && sayingVerb(s.norm(k)) {
			return true
		}
	}
	for k := j - 1; k >= 1 && k >= j-2 && s.toks[k].seg == seg; k-- {
		if !sayingVerb(s.norm(k)) {
			continue
		}
		for n := k - 1; n >= 0 && n >= k-2 && s.toks[n].seg == seg; n-- {
			if s.norm(n) == "не" {
				return true
			}
		}
	}
	return false
}

// gaveBefore reports whether a verb of giving or typing a code is among
// the six words before token i in its sentence, none a cue, a trap word
// or a number («ввела два раза 3 0 8», «назвала вчера 7 7 1 0 4», «я уже
// сказала в прошлый раз вашему коллеге восемьсот семьдесят»: causes
// block UJ; its three words were six).
func (s *scan) gaveBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-6 && s.toks[j].seg == s.toks[i].seg; j-- {
		if gaveVerb(s.norm(j)) {
			return true
		}
		if s.toks[j].has(tCue|tTrap) || j < i-3 && s.toks[j].has(tNum) {
			return false
		}
	}
	return false
}

// gaveAfter reports whether a verb of giving or typing a code closes a
// zone, right after it or after «уже», «я», «ей», «ему», «им» in its
// sentence («четыреста сорок четыре уже сказала», «триста тридцать
// ввёл»).
func (s *scan) gaveAfter(z *zone) bool {
	seg := s.toks[z.from].seg
	for j := z.to; j < len(s.toks) && j <= z.to+1 && s.toks[j].seg == seg; j++ {
		if w := s.norm(j); gaveVerb(w) {
			return true
		} else if !isWord(w, "уже", "я", "ей", "ему", "им") {
			return false
		}
	}
	return false
}

// secondTry reports whether token i follows a code or a CVV just masked,
// joined by «и», «или», «потом» («ввёл 5 1 7 и 5 7 1»): another try of it.
func (s *scan) secondTry(i int) bool {
	j := i - 1
	return j >= 1 && s.toks[j-1].seg == s.toks[i].seg && isWord(s.norm(j), "и", "или", "потом") && (s.maskedAs(j-1, Code) || s.maskedAs(j-1, CVV))
}

// gaveVerb reports whether w says the speaker gave or typed a code
// («продиктовала 5 3 1», «назвала семь семь два», «ввёл 2 0 7»).
func gaveVerb(w string) bool {
	return isWord(w, "продиктовал", "продиктовала", "назвал", "назвала", "сказал", "сказала", "сообщил", "сообщила", "ввел", "ввёл", "ввела", "вводил", "вводила", "набрал", "набрала",
		// (Sent in a chat: «я написала девятьсот один и карту», «отправила 0 5 2».)
		"написал", "написала", "отправил", "отправила", "скинул", "скинула", "переслал", "переслала",
		// (Read out to whoever asked: «я уже прочитала шестьсот пятьдесят
		// два девятьсот восемнадцать», causes block RF.)
		"прочитал", "прочитала", "зачитал", "зачитала",
		// (Made ready to give: «а то я семьсот семьдесят приготовила»,
		// causes block UJ.)
		"приготовил", "приготовила")
}

// sayingVerb reports whether w asks to say or give a number: what a
// refusal («не называйте») negates.
func sayingVerb(w string) bool {
	return isWord(w, "называйте", "называй", "называть", "говорите", "говори", "говорить", "диктуйте", "диктовать", "сообщайте", "сообщай", "сообщать", "передавайте")
}

// lastTime reports whether «последн...» at token j says when, not which
// digits: «последний раз», «в последнее время»; or which reading, a
// meter's last («последние показания 00451», causes block UI2).
func (s *scan) lastTime(j int) bool {
	return strings.HasPrefix(s.norm(j), "последн") && j+1 < len(s.toks) && s.toks[j+1].seg == s.toks[j].seg &&
		isWord(s.norm(j+1), "раз", "время", "месяц", "неделю", "год", "дни", "дней", "день", "показания", "показаний")
}

// opensSentence reports whether token i opens its sentence, after words
// like «так», «да» at most.
func (s *scan) opensSentence(i int) bool {
	for j := i - 1; j >= 0 && s.toks[j].seg == s.toks[i].seg; j-- {
		if !s.toks[j].has(tConn|tFiller) || s.toks[j].has(tNum) {
			return false
		}
	}
	return true
}

// cueAfter returns the type of a cue said right after a zone, in its
// sentence, after «это», «мой», «у меня» and the like at most (two
// words), the sentence ending within three words of it («семьсот один это
// цвц», «0 9 2 три цифры сзади», «45 03 681 244 это паспорт»); "" when
// none is, or a trap word is first.
func (s *scan) cueAfter(z *zone) Type {
	// Not a time or a round sum («на 8 30 а мне смс не пришло», «150 000
	// кодом»).
	if s.dateOrTime(z) || s.clockTime(z) || strings.HasSuffix(s.zoneDigits(z), "000") {
		return ""
	}
	seg, na := s.toks[z.from].seg, false
	for j := z.to; j < len(s.toks) && s.toks[j].seg == seg && j < z.to+3; j++ {
		t := &s.toks[j]
		if s.cueAt(j) && s.norm(j) != "кодом" {
			for k := j + 1; k < len(s.toks) && s.toks[k].seg == seg; k++ {
				if k > j+4 {
					return "" // (four words more at most: «... это код из смс мне пришёл»)
				}
			}
			// A cue right after the number, with no «это» between, is
			// the next question but for a code's or a CVV's («11 40
			// паспорт»: a time, then the operator asks).
			// («пятьсот двенадцать на обороте»: after «на», a CVV's.)
			c := s.refine(j, t.cue())
			// (But a number after «на» and a verb of calling right after
			// it is where to call: «а можно на семьдесят три сорок один
			// двенадцать позвонить», causes block LG.)
			if c == Phone && j == z.to && z.from > 0 && s.toks[z.from-1].seg == seg && s.norm(z.from-1) == "на" && callVerb(s.norm(j)) {
				return c
			}
			if (j == z.to || na) && c != CVV && c != Code {
				return ""
			}
			return c
		}
		na = na || s.norm(j) == "на"
		if !isWord(s.norm(j), "это", "мой", "моя", "мое", "мои", "его", "ее", "её", "у", "меня", "три", "четыре", "цифры", "на", "из") {
			return ""
		}
	}
	return ""
}

// seriesNumberShape reports whether a zone is ten digits said as a
// passport's series and number: four (or two and two), then six (or
// three and three): «6208 437112», «62 08 437 112».
func (s *scan) seriesNumberShape(z *zone) bool {
	if z.n() != 10 {
		return false
	}
	g := s.zoneGroups(z)
	n, k := 0, 0
	for k < len(g) && n < 4 {
		n += g[k].n()
		k++
	}
	if n != 4 || k > 2 {
		return false
	}
	rest := len(g) - k
	return rest == 1 || rest == 2 && g[k].n() == 3
}

// roundPaid reports whether a zone is a round hundred said in one word
// right before a verb of paying, or before «уже» and the verb («я уже
// пятьсот заплатила за доставку», «триста уже отдала»): a sum, whatever
// cue was said before it (causes blocks LR's and LX's traps).
func (s *scan) roundPaid(z *zone) bool {
	if z.to-z.from != 1 || s.toks[z.from].num() != nkHundred {
		return false
	}
	j := z.to
	if j+1 < len(s.toks) && s.toks[j+1].seg == s.toks[z.from].seg && s.norm(j) == "уже" {
		j++
	}
	return j < len(s.toks) && s.toks[j].seg == s.toks[z.from].seg &&
		isWord(s.norm(j), "заплатил", "заплатила", "заплатили", "отдал", "отдала", "отдали", "потратил", "потратила", "оплатил", "оплатила", "оплатили", "внес", "внёс", "внесла")
}

// accountBeforeSum cuts from a zone ending in «тысяч» a person's account
// dictated right before the sum, with no word between («со своего счета
// 40817 810 пятьсот ноль ноль ноль двенадцать тридцать четыре пятьдесят
// шесть сто двадцать тысяч»: causes block LT): the sum's words, a number
// under a thousand before «тысяч», and before them twenty digits that
// open as a person's account (40817, 40820, 423); z is then the account.
func (s *scan) accountBeforeSum(z *zone) bool {
	if len(z.runs) == 0 {
		return false
	}
	r := &z.runs[len(z.runs)-1]
	if r.g1 <= r.g0 {
		return false
	}
	last := s.groups[r.g1-1]
	// The sum's words: up to a hundred, tens and a unit, in that order.
	k, order := z.to-1, 3
	for n := 0; n < 3 && k-1 > z.from; n++ {
		o := 0
		switch s.toks[k-1].num() {
		case nkHundred:
			o = 0
		case nkTens:
			o = 1
		case nkUnit, nkTeen:
			o = 2
		default:
			o = -1
		}
		if o < 0 || o >= order {
			break
		}
		order = o
		k--
	}
	if k == z.to-1 {
		return false
	}
	d := s.zoneDigits(z)
	d = d[:len(d)-int(last.to-last.from)]
	if len(d) != 20 || !(strings.HasPrefix(d, "40817") || strings.HasPrefix(d, "40820") || strings.HasPrefix(d, "423")) {
		return false
	}
	z.to, z.d1 = k, z.d0+20
	return true
}

// callVerb reports whether w is a verb of calling a number
// («позвонить», «перезвоните», «набрать»).
func callVerb(w string) bool {
	return isWord(w, "позвонить", "позвоните", "перезвонить", "перезвоните", "звонить", "звоните", "набрать", "наберите")
}

// answeredBefore reports whether this channel said a number in a sentence
// after at and before the sentence of token i; with noCount, not a count
// or an amount (countAt).
func (s *scan) answeredBefore(at float64, i int, noCount bool) bool {
	for j := i - 1; j >= 0; j-- {
		t := &s.toks[j]
		if s.t1(t) < at {
			return false
		}
		if t.seg != s.toks[i].seg && t.has(tNum) && !(noCount && s.countAt(j)) {
			return true
		}
	}
	return false
}

// countAt reports whether token j is a count or an amount said alone, no
// answer to a question for a number: a quantity with its unit, or one
// number word or two digits with no number next to them («у меня 2
// карты», «две карты»).
func (s *scan) countAt(j int) bool {
	if s.quantityAfter(j + 1) {
		return true
	}
	t := &s.toks[j]
	if k := t.num(); !(k == nkUnit || k == nkTeen || k == nkTens || k == nkDigits && t.nl <= 2) {
		return false
	}
	return !(j > 0 && s.toks[j-1].seg == t.seg && s.toks[j-1].has(tNum)) && !(j+1 < len(s.toks) && s.toks[j+1].seg == t.seg && s.toks[j+1].has(tNum))
}

func contains(ts []Type, t Type) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// fitsZone: the whole dictation, its longest part or its last part has
// the length of t (a repetition doubles the digits, a correction adds a
// false start).
func fitsZone(t Type, z *zone) bool {
	if fits(t, z.n()) {
		return true
	}
	longest := 0
	for k := range z.runs {
		longest = max(longest, z.runs[k].n())
	}
	return fits(t, longest) || fits(t, z.runs[len(z.runs)-1].n())
}

func fits(t Type, n int) bool {
	i := typeIndex(t)
	if i < 0 {
		return false
	}
	r := digitRange[i]
	return r[1] > 0 && n >= r[0] && n <= r[1]
}

// strongFormat types digits by shape and checksum alone.
func strongFormat(d string) Type {
	n := len(d)
	switch {
	// A bank card's number opens with its industry digit 2 to 6 (ISO/IEC
	// 7812: 2 and 5 MasterCard and Mir, 4 Visa, 3 and 6 the others); a
	// number that passes Luhn by chance from 0, 1, 7, 8 or 9 is a fine's
	// ruling, a diagnostic card's or a parcel's («1881 0152 2300 1234
	// 56»).
	case n >= 13 && n <= 19 && d[0] >= '2' && d[0] <= '6' && luhn(d):
		return Card
	// A bank account's balance account opens it: class 4 (40817 a
	// person's, 42301 a deposit), class 3 the interbank ones (30101); a
	// fine's 20-digit UIN opens with 1 or 0 («18810177...»).
	case n == 20 && (d[0] == '4' || d[0] == '3'):
		return Account
	case n == 11 && (d[0] == '7' || d[0] == '8') && (d[1] == '9' || d[1] == '4' || d[1] == '3' || d[1] == '8'):
		return Phone
	case n == 11 && snilsOK(d):
		return SNILS
	case n == 12 && innOK(d):
		return INN
	case n == 10 && d[0] == '9':
		return Phone
	case n == 10 && innOK(d):
		return INN
	case n >= 10:
		return Number
	}
	return ""
}

// numberSlip reads token j as a telephone recognizer's slip on number
// words, by its shape, into parts, and returns how many words it stands
// for (0: no slip). Only the tokens next to a number run are asked (a
// run's end, the token before its start), never every token of a call.
//   - A token that is no word the lexicon knows but two or three of its
//     cardinal number words written together («стопятьдесят», «сорокдва»,
//     «девятнадцатьноль»): those words. A date's ordinal in it
//     («двадцатьпятого») is no cardinal: left.
//   - «но» for «ноль» between the number words of one dictation (inRun:
//     a number word right before it): a digit after it, and after that
//     digit the dictation going on or its sentence ending («восемьсот но
//     девять», «пятьсот но три сорок два»); not «двадцать но пять раз»,
//     «две но одна заблокирована» (the conjunction before a count's noun
//     or a verb), nor after a pause. Opening a dictation (not inRun): only
//     before three digits said one by one, two of them digits' words
//     («но четыре семь семь ...», «но три но семь»), not «но три дня».
func (s *scan) numberSlip(j int, inRun bool, parts *[3]numWord) int {
	t := &s.toks[j]
	if t.ent == 0 {
		if t.nl < 12 || s.lang != "ru" {
			return 0 // shorter than two words of three letters
		}
		return s.gluedNumberWords(s.normOf(t), parts, 0)
	}
	if t.nl != 4 || s.normOf(t) != "но" || j+1 >= len(s.toks) || s.toks[j+1].seg != t.seg {
		return 0
	}
	if inRun {
		if p := &s.toks[j-1]; p.word >= 0 && t.word >= 0 && s.t0(t)-s.t1(p) > heardZeroPause {
			return 0
		}
		d := j + 1 // the digit after it («два но но семь»: after another «но»)
		if s.heardZero(d) && d+1 < len(s.toks) && s.toks[d+1].seg == t.seg {
			d++
		}
		if !s.zeroDigit(d) {
			return 0
		}
		if k := d + 1; k < len(s.toks) && s.toks[k].seg == t.seg && !runWord(s.toks[k].num()) && !s.heardZero(k) {
			return 0
		}
	} else {
		units, zeros := 0, 0
		for k := j + 1; k < len(s.toks) && k <= j+6 && s.toks[k].seg == t.seg && (s.zeroDigit(k) || s.heardZero(k)); k++ {
			if s.zeroDigit(k) {
				units++
			} else {
				zeros++
			}
		}
		if units < 2 || units+zeros < 3 {
			return 0
		}
	}
	parts[0] = numWord{kind: nkUnit}
	return 1
}

// heardZeroPause is the most seconds between a number word and «но» after
// it for «но» to be read as «ноль» of the same dictation.
const heardZeroPause = 0.5

// zeroDigit reports whether token j is one digit: a unit's word or a
// digit written.
func (s *scan) zeroDigit(j int) bool {
	t := &s.toks[j]
	return t.kind == nkUnit || t.kind == nkDigits && t.nl == 1
}

// heardZero reports whether token j is «но» (a digit's place in a
// dictation, as numberSlip reads it).
func (s *scan) heardZero(j int) bool {
	return s.toks[j].nl == 4 && s.norm(j) == "но"
}

// gluedNumberWords splits w into two or three cardinal number words of the
// lexicon written together (parts from n on), the longest first word
// first; it returns how many parts w has in all, 0 when it is no such
// concatenation. w is Cyrillic (two bytes a letter); each part has three
// letters at least.
func (s *scan) gluedNumberWords(w string, parts *[3]numWord, n int) int {
	if n == len(parts) || len(w) < 6 || w[0] < 0x80 {
		return 0
	}
	lex := s.lexTable()
	for p := len(w); p >= 6; p -= 2 {
		if n == 0 && p == len(w) {
			continue // the whole token: one word, no slip
		}
		if p < len(w) && len(w)-p < 6 {
			continue
		}
		sl := lex.slot(w[:p])
		if sl == nil || !cardinal(sl.kind) {
			continue
		}
		parts[n] = numWord{kind: sl.kind, val: int(lexNumVals[sl.ent])}
		if p == len(w) {
			return n + 1
		}
		if m := s.gluedNumberWords(w[p:], parts, n+1); m > 0 {
			return m
		}
	}
	return 0
}

// cardinal reports whether k is a cardinal number word's kind.
func cardinal(k nk) bool {
	switch k {
	case nkUnit, nkTeen, nkTens, nkHundred, nkThousand:
		return true
	}
	return false
}

// enCueOff reports whether English cue word j says no card's end or CVV
// here: «last» not before the count of digits it names («last four»,
// «last 4 digits»; not «last year was 410», «last week for 280»), «back»
// right before «to» («and then back to 139»: a price again, not the back
// of a card). Review rv27: prices masked as a card's end and as a CVV in
// testdata/labelled/en.
func (s *scan) enCueOff(j int) bool {
	if s.lang != "en" {
		return false
	}
	next := ""
	if j+1 < len(s.toks) && s.toks[j+1].seg == s.toks[j].seg {
		next = s.norm(j + 1)
	}
	switch s.norm(j) {
	case "last":
		return !isWord(next, "four", "4", "three", "3", "two", "2", "five", "5", "six", "6", "digits", "digit", "numbers", "few")
	case "back":
		return next == "to"
	}
	return false
}

// enOrdinalAfter reports whether, in English, the zone's number is the
// tens of an ordinal said after it: a day («your service ends on the
// twenty eighth», «the contract ends on the twenty first of june»), no
// card's end.
func (s *scan) enOrdinalAfter(z *zone) bool {
	k := z.to
	return s.lang == "en" && k < len(s.toks) && k > 0 && s.toks[k].seg == s.toks[k-1].seg && s.toks[k].num() == nkOrdinal && s.toks[k-1].num() == nkTens
}

// issueDateDigits reports whether zone z is a whole date in digits, a
// day, a month and a four-digit year («12 03 2000»), right after an issue
// word in its sentence («паспорт выдан 12 03 2000», «у меня паспорт
// выдан 14 05 2015»): the document's issue date, no passport's number
// (review rv22c: lane i13birth22 guarded the date of birth's rules
// against it, birthInside and birthSibling; the passport's cue read it).
func (s *scan) issueDateDigits(z *zone) bool {
	if z.from == 0 || z.to != z.from+3 || s.toks[z.from-1].seg != s.toks[z.from].seg || !issueWord(s.norm(z.from-1)) {
		return false
	}
	_, _, y, e := s.digitDate(z.from, z.to)
	return e == z.to && y >= 1900 && y < 2100
}
