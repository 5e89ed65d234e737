package redact

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/callscope/callscope/schemas"
)

// The name rules that read the other side's masks: they run with the
// echoes (echo.go), after every channel's rules, so that what one side
// had masked is known to the other's; and, like the echoes, only on a
// call where some rule claimed something.

// nameEchoes runs the name rules that read what the rules masked (with
// the echoes, after every channel's rules), each only where what it reads
// was masked: a name on another channel (nameCorrected), a value of
// another type on this one (ownerNames), a name on this one
// (koreanNamesGoOn, nameOtherForm).
func (s *scan) nameEchoes(all []*scan, opNames []string) {
	if len(opNames) > 0 && s.role == schemas.RoleClient {
		s.operatorAddressed(opNames)
	}
	if ungated || s.othersNamed(all) || s.foundOf(func(t Type) bool { return t == Name }) {
		s.nameMisspelled(all)
	}
	if ungated || s.othersNamed(all) {
		s.nameCorrected(all)
		s.nameReadBack(all, opNames)
		s.firstSentenceEcho(all)
	}
	if ungated || s.foundOf(func(t Type) bool { return t != Name && t != Address }) {
		s.ownerNames()
		s.nameAfterPhone()
	}
	if ungated || s.foundOf(func(t Type) bool { return t == Address }) {
		s.residentAfterFlat()
		s.residentNames()
	}
	// (After those two: what they masked is a name too.)
	if ungated || s.foundOf(func(t Type) bool { return t == Name }) {
		s.koreanNamesGoOn()
		s.nameOtherForm()
		s.hyphenHalves()
		s.particlesBefore()
		s.surnameThenAsked(all)
		s.spelledAroundNames()
		s.initialsGoOn()
	}
	if ungated || s.foundOf(func(t Type) bool { return t == Name }) || s.othersNamed(all) {
		s.spelledNameLetters(all)
	}
}

// spelledAroundNames masks a masked name's word spelled right after the
// name or right before it, whatever the other side asked: the letters or
// letters' names are the name's («остапенко о эс тэ а пэ е эн ка о»,
// «получатель зуев олег зэ у е вэ», «эф е дэ о эр о вэ то есть федоров»,
// «эм а эр и я мария лопес»: causes block PH).
func (s *scan) spelledAroundNames() {
	for a := 0; a < len(s.toks); a++ {
		if !s.maskedAs(a, Name) {
			continue
		}
		seg, b := s.toks[a].seg, a+1
		for b < len(s.toks) && s.toks[b].seg == seg && s.maskedAs(b, Name) {
			b++
		}
		if first := s.spelledLettersBefore(a); first < a {
			s.claim(Name, ruleNameAnswer, first, a)
		}
		// The letters after the name spell one of its words (the
		// surname before the first name, as often as the last word).
		for i := a; i < b; i++ {
			if end := s.lettersSpell(s.norm(i), b); end > b {
				s.claim(Name, ruleNameAnswer, b, end)
				b = end
				// A first name the name goes on with after its
				// spelling: «ткаченко тэ ка а че е эн ка о дарья».
				if b < len(s.toks) && s.toks[b].seg == seg && s.marks[b] == 0 && s.toks[b].has(tFirstName) && !s.toks[b].has(tStop|tNum) {
					s.claim(Name, ruleNameAnswer, b, b+1)
					b++
				}
				break
			}
		}
		a = b - 1
	}
}

// lettersSpell returns the end of the letters or letters' names from
// token j in its sentence that spell w letter by letter, or j.
func (s *scan) lettersSpell(w string, j int) int {
	n := utf8.RuneCountInString(w)
	if j >= len(s.toks) || n < 3 || n > 14 || !isLetters(w) || j+n > len(s.toks) {
		return j
	}
	seg, k := s.toks[j].seg, j
	for _, r := range w {
		if s.toks[k].seg != seg || !s.letter(k) && !s.letterName(k) || s.marks[k] != 0 || letterSound(s.norm(k)) != r {
			return j
		}
		k++
	}
	return k
}

// surnameThenAsked masks a surname said as a sentence of its own right
// before the other side asks for a name's part, its answer masked as a
// name (causes block NQ: «лебедева» — «инициалы» — «о эн», «мамедов» —
// «а имя» — «рустам»): the client gives the surname first, unasked, and
// the question for the rest says it was one. The question is a sentence
// of four words at most with a name's cue, the answer this side's next
// sentence within 10 s, the surname this side's last sentence before the
// question, ended in the 4 s before it: one word that reads as a surname
// in the nominative (surnameAlone), or it and a first name. Not a word
// answering the other side's question for something else said before it
// in the 10 s before it («откуда забирать» — «ростова» — «фамилия
// получателя»; not «чем помочь», a greeting).
func (s *scan) surnameThenAsked(all []*scan) {
	for _, o := range all {
		if o == nil || o == s {
			continue
		}
		for _, q := range o.segs {
			if q.from >= q.to || q.to-q.from > 4 || !o.roleIn(q.from, q.to, tNameCue) {
				continue
			}
			qat, qend := o.t0(&o.toks[q.from]), o.t1(&o.toks[q.to-1])
			last, next := -1, -1
			for n, r := range s.segs {
				if r.from >= r.to {
					continue
				}
				if s.t0(&s.toks[r.from]) < qat {
					last = n
				} else if next < 0 {
					next = n
				}
			}
			if last < 0 || next < 0 {
				continue
			}
			if a := s.segs[next]; s.t0(&s.toks[a.from])-qend > 10 || !s.maskedAs(a.from, Name) && !s.maskedAs(a.to-1, Name) {
				continue
			}
			r := s.segs[last]
			if r.to-r.from > 2 || qat-s.t1(&s.toks[r.to-1]) > 4 || s.claimed(r.from, r.to) || !s.surnameAlone(r.from) ||
				r.to-r.from == 2 && !(s.toks[r.from+1].has(tFirstName) && !s.toks[r.from+1].has(tStop) && !wordName(s.norm(r.from+1))) {
				continue
			}
			// (The other side's sentence since this side's one before it
			// asked for something else: the word answers it.)
			since := 0.0
			if last > 0 && s.segs[last-1].from < s.segs[last-1].to {
				since = s.t1(&s.toks[s.segs[last-1].to-1])
			}
			at := s.t0(&s.toks[r.from])
			if o.askedIn(max(since, at-10), at) {
				continue
			}
			s.claim(Name, ruleNameAnswer, r.from, r.to)
		}
	}
}

// roleIn reports whether a token of [from, to) has a role of x.
func (s *scan) roleIn(from, to int, x trig) bool {
	for k := from; k < to; k++ {
		if s.toks[k].has(x) {
			return true
		}
	}
	return false
}

// askedIn reports whether a sentence of s said from after to to asks
// for something: it has a question word («откуда забирать», «кто вас
// консультировал»), or is three words at most with an identifier's, an
// address's or a date's cue, a field asked with its word alone («город»,
// «улица», «номер договора»).
func (s *scan) askedIn(after, to float64) bool {
	for _, r := range s.segs {
		if r.from >= r.to || s.t0(&s.toks[r.from]) < after || s.t0(&s.toks[r.from]) > to {
			continue
		}
		for k := r.from; k < r.to; k++ {
			if r.to-r.from <= 3 && s.toks[k].has(tCue|tStreet|tHouse|tSettle|tBirth|tEmailCue|tTrap) || questionWord(s.norm(k)) {
				return true
			}
		}
	}
	return false
}

// questionWord reports whether w asks for something other than a name
// («откуда», «какой», «что»).
func questionWord(w string) bool {
	return isWord(w, "откуда", "куда", "где", "когда", "сколько", "что", "какой", "какая", "какое", "какую", "каком", "какие", "каких", "который", "которая", "кто", "кого", "кому", "чей", "чья", "зачем", "почему")
}

// foundOf reports whether a rule masked a stretch of a type it accepts.
func (s *scan) foundOf(is func(Type) bool) bool {
	for k := range s.found {
		if f := &s.found[k]; f.rule != ruleDropped && is(typeAt[f.typ]) {
			return true
		}
	}
	return false
}

// othersNamed reports whether a channel other than s's has a name masked.
func (s *scan) othersNamed(all []*scan) bool {
	for _, o := range all {
		if o == nil || o == s {
			continue
		}
		for k := range o.found {
			if f := &o.found[k]; typeAt[f.typ] == Name && f.rule != ruleDropped {
				return true
			}
		}
	}
	return false
}

// nameCorrected masks the name a speaker says right after «нет» in answer
// to the other side's sentence with a masked name in it, said in the
// 10 s before (causes block NA): a name read back wrongly and corrected
// («записываю новиков виталий петрович верно» — «нет семенов через о а
// имя правильно»; not a spelling of the same name, «вы соловьева анна» —
// «нет соловьёва через ё», which the echoes mask as the name said
// again). The
// corrected name is a surname by its ending, a first name or a
// patronymic in any case, up to three words, before anything else; not
// an adjective, a verb or a word of confirming («нет другая», «нет
// никакой», «нет правильно»).
func (s *scan) nameCorrected(all []*scan) {
	for _, r := range s.segs {
		if r.from >= r.to {
			continue
		}
		j := r.from
		for j < r.to && j < r.from+2 && isWord(s.norm(j), "ну", "а", "ой", "да") {
			j++
		}
		if j >= r.to || s.norm(j) != "нет" {
			continue
		}
		j++
		// «нет не семенов», «нет на семенову», «нет фамилия семенов».
		for n := 0; j < r.to && n < 2 && isWord(s.norm(j), "не", "на", "а", "фамилия", "имя", "отчество", "моя", "мое", "моё"); n++ {
			j++
		}
		end := j
		for end < r.to && end < j+3 && s.marks[end] == 0 && s.correctedNameWord(end) {
			end++
		}
		if end == j || !s.nameSaidBefore(all, s.t0(&s.toks[r.from])) {
			continue
		}
		// A first name that is a common word too, alone and not closing
		// the sentence, is the word («нет роман я заказывала»).
		if end == j+1 && end < r.to && wordName(s.norm(j)) {
			continue
		}
		s.claim(Name, ruleNameAnswer, j, end)
	}
}

// correctedNameWord reports whether token k reads as a word of a name
// corrected (nameCorrected): a surname by its ending or a list, a first
// name or a patronymic in any case; no adjective, verb, function word or
// word of confirming.
func (s *scan) correctedNameWord(k int) bool {
	t := &s.toks[k]
	w := s.normOf(t)
	if t.has(tStop|tNum|tCue|tTrap|tUnit|tConn|tMonth|tStreet|tHouse|tSettle|tOperator) || !isLetters(w) || confirmWord(w) {
		return false
	}
	if t.has(tFirstName|tNameForm) || patronymic(w) {
		return true
	}
	return surnameLike(w, t.trig) && !commonWord(w) && !pronoun(w) && !staffWord(w) && !orgWord(w)
}

// nameSaidBefore reports whether another channel's sentence with a masked
// name in it ended in the 10 s before at (or up to 0.5 s after it).
func (s *scan) nameSaidBefore(all []*scan, at float64) bool {
	return s.otherNameWhere(all, func(o *scan, f *found) bool {
		end := o.src[o.toks[f.from].seg].End
		return end <= at+0.5 && at-end <= 10
	})
}

// otherNameWhere reports whether a channel other than s's has a name
// masked (not dropped, one token or more) for which ok holds.
func (s *scan) otherNameWhere(all []*scan, ok func(o *scan, f *found) bool) bool {
	for _, o := range all {
		if o == nil || o == s {
			continue
		}
		for k := range o.found {
			f := &o.found[k]
			if typeAt[f.typ] == Name && f.rule != ruleDropped && f.from < f.to && ok(o, f) {
				return true
			}
		}
	}
	return false
}

// nameReadBack masks a name read back to be confirmed (causes block NR:
// «ващенка правильно», «голубева да», «то есть тер петрасян верно»): a
// sentence of a few words that lead in at most («так», «то есть»,
// «записала вас как»), one to three words of a name, and a word of
// confirming closing it («правильно», «верно», «да», «так»; one more
// after it at most), said in the 30 s after or the 15 s before a name
// masked on another channel. A word of a name is a word of that name
// misheard (nearName: «ващенка» for «ващенко», «нгуин» for «нгуен»), a
// word masked as a name, or a word that reads as one (correctedNameWord);
// not a first name that is a common word too, the operator's own name,
// a large city or a short adjective, nor a word read as a name by its
// shape alone right after the other side gave an address (its town:
// «реутов верно», causes block NV; afterAddress).
func (s *scan) nameReadBack(all []*scan, opNames []string) {
	for _, r := range s.segs {
		if r.to-r.from < 2 || r.to-r.from > 8 {
			continue
		}
		end := r.to - 1
		if !s.readBackConfirmAt(end) {
			continue
		}
		if end > r.from && s.readBackConfirmAt(end-1) {
			end--
		}
		if s.marks[end] != 0 {
			continue
		}
		j := r.from
		for j < end && j < r.from+4 && s.marks[j] == 0 && readBackLead(s.norm(j)) {
			j++
		}
		if j == end || end-j > 3 {
			continue
		}
		at := s.t0(&s.toks[r.from])
		masked, fresh, shaped := 0, 0, false
		for k := j; k < end; k++ {
			w := s.norm(k)
			switch {
			case s.maskedAs(k, Name):
				masked++
			case s.marks[k] != 0 || slices.Contains(opNames, w) || bigCities[w] || wordNameForm(w) || shortAdjective(w):
				fresh = -9
			case s.nearName(all, w, at):
				fresh++
			case s.correctedNameWord(k):
				fresh++
				shaped = true
			default:
				fresh = -9
			}
		}
		if fresh <= 0 || !s.nameNear(all, at) {
			continue
		}
		// A word read as a name by its shape alone, read back right
		// after the other side gave an address, is the address's place
		// («улица первомайская дом 40 квартира 7» — «реутов верно»).
		if shaped && s.afterAddress(all, at) {
			continue
		}
		for k := j; k < end; k++ {
			if s.marks[k] == 0 {
				s.claim(Name, ruleNameAnswer, k, k+1)
			}
		}
	}
}

// misspeltWord is a word of a masked name and when it was said
// (nameMisspelled).
type misspeltWord struct {
	w  string
	at float64
}

// nameMisspelled masks a name's word said misspelled or misheard next
// to the name (causes block NU: «написано мюлер а надо [мюллер]», «[латыпова
// гузель рифовна] а у вас рафовна написано»): a word no list knows, five
// letters or more, two letters off a word masked as a name on any
// channel (one when it has five or six), the same first letter, said in
// the 10 s around it; not a large city, nor a word after a preposition
// of place.
func (s *scan) nameMisspelled(all []*scan) {
	// The masked names' words, five letters or more, picked once; a
	// token is compared only when its length is within four bytes (two
	// letters) of one (lens) and its first two bytes are the word's: most
	// of a call's words are passed on their length.
	var buf [16]misspeltWord
	words := buf[:0]
	var lens uint64 // the byte lengths a token may have, a bit each
	for _, o := range all {
		if o == nil {
			continue
		}
		for k := range o.found {
			f := &o.found[k]
			if typeAt[f.typ] != Name || f.rule == ruleDropped || f.from >= f.to {
				continue
			}
			at := o.t0(&o.toks[f.from])
			for j := f.from; j < f.to && len(words) < len(buf); j++ {
				if v := o.norm(j); o.marks[j] == k+1 && len(v) >= 10 && len(v) < 60 && v[0] >= 0x80 {
					words = append(words, misspeltWord{v, at})
					lens |= 0x1ff << (len(v) - 4)
				}
			}
		}
	}
	if len(words) == 0 {
		return
	}
	for _, r := range s.segs {
		// (A sentence said far from every name is passed whole: a long
		// call's.)
		if r.from >= r.to {
			continue
		}
		near, at0 := false, s.t0(&s.toks[r.from])
		for n := range words {
			near = near || words[n].at >= at0-10 && words[n].at <= at0+30
		}
		if near {
			s.misspeltIn(r, words[:], lens)
		}
	}
}

// misspeltIn is nameMisspelled's reading of the sentence r.
func (s *scan) misspeltIn(r segRange, words []misspeltWord, lens uint64) {
	for i := r.from; i < r.to; i++ {
		t := &s.toks[i]
		if t.nl >= 64 || lens&(1<<t.nl) == 0 || s.marks[i] != 0 || t.trig != 0 {
			continue
		}
		w := s.normOf(t)
		var cand *misspeltWord
		for n := range words {
			if x := &words[n]; x.w[0] == w[0] && x.w[1] == w[1] && len(w) <= len(x.w)+4 && len(x.w) <= len(w)+4 && x.w != w {
				cand = x
				break
			}
		}
		if cand == nil || !isLetters(w) || adjectival(w) || bigCities[w] {
			continue
		}
		// (Not a place after its preposition: «[петрова]» — «на
		// петровке», «[саратова]» — «в саратове».)
		if i > 0 && s.toks[i-1].seg == t.seg && isWord(s.norm(i-1), "на", "в", "во", "по", "из", "с", "со", "к", "ко", "до", "от", "под", "за") {
			continue
		}
		// (Nor a place after its word: «[валентина ивановна]» —
		// «деревня ивановка», «улица петровская»: a village's or a
		// street's name made of a name, one letter off it.)
		if i > 0 && s.toks[i-1].seg == t.seg && s.toks[i-1].has(tSettle|tStreet) {
			continue
		}
		most := 2
		if utf8.RuneCountInString(w) <= 6 {
			most = 1
		}
		at := s.t0(t)
		for n := range words {
			x := &words[n]
			if x.w[0] == w[0] && x.w[1] == w[1] && x.w != w && x.at >= at-10 && x.at <= at+10 && editDistance(x.w, w, most) <= most {
				s.claim(Name, ruleEcho[typeIndex(Name)], i, i+1)
				break
			}
		}
	}
}

// afterAddress reports whether another channel's last sentence ended
// before at, in the 10 s before it, has an address masked in it.
func (s *scan) afterAddress(all []*scan, at float64) bool {
	for _, o := range all {
		if o == nil || o == s {
			continue
		}
		last := -1
		for n, r := range o.segs {
			if r.from < r.to && o.t1(&o.toks[r.to-1]) <= at+0.5 {
				last = n
			}
		}
		if last < 0 {
			continue
		}
		r := o.segs[last]
		if at-o.t1(&o.toks[r.to-1]) > 10 {
			continue
		}
		for k := r.from; k < r.to; k++ {
			if o.maskedAs(k, Address) {
				return true
			}
		}
	}
	return false
}

// readBackLead reports whether w may lead in a name read back («так», «то
// есть», «значит», «записала вас как»).
func readBackLead(w string) bool {
	return isWord(w, "так", "то", "есть", "значит", "вы", "как", "записала", "записал", "записываю", "пишу", "вас", "а", "ну", "и", "это", "фамилия", "имя", "отчество")
}

// readBackConfirmAt reports whether token k closes a read-back asking to
// confirm it («правильно», «верно», «да», «так», «точно»): their byte
// lengths first, so that most sentences' last words are passed on it.
func (s *scan) readBackConfirmAt(k int) bool {
	switch s.toks[k].nl {
	case 4, 6, 10, 18:
		return isWord(s.norm(k), "правильно", "верно", "да", "так", "точно")
	}
	return false
}

// nameNear reports whether another channel has a name masked in a
// sentence said from 30 s before at to 15 s after it.
func (s *scan) nameNear(all []*scan, at float64) bool {
	return s.otherNameWhere(all, func(o *scan, f *found) bool {
		t := o.t0(&o.toks[f.from])
		return t >= at-30 && t <= at+15
	})
}

// nearName reports whether w is a word of a name masked on another
// channel in the 30 s before at or the 15 s after it as misheard: the
// same first letter, four letters or more, two letters off at most
// (editDistance), not the same word (the echoes take that).
func (s *scan) nearName(all []*scan, w string, at float64) bool {
	if utf8.RuneCountInString(w) < 4 || !isLetters(w) {
		return false
	}
	return s.otherNameWhere(all, func(o *scan, f *found) bool {
		if t := o.t0(&o.toks[f.from]); t < at-30 || t > at+15 {
			return false
		}
		for i := f.from; i < f.to; i++ {
			if v := o.norm(i); v != w && utf8.RuneCountInString(v) >= 4 && firstRune(v) == firstRune(w) && editDistance(v, w, 2) <= 2 {
				return true
			}
		}
		return false
	})
}

func firstRune(w string) rune {
	r, _ := utf8.DecodeRuneInString(w)
	return r
}

// editDistance is the Levenshtein distance between a and b in runes,
// or max+1 when it is more than max.
func editDistance(a, b string, max int) int {
	var ab, bb [32]rune
	x, y := ab[:0], bb[:0]
	for _, r := range a {
		x = append(x, r)
	}
	for _, r := range b {
		y = append(y, r)
	}
	if len(x) > len(ab) || len(y) > len(bb) || len(x)-len(y) > max || len(y)-len(x) > max {
		return max + 1
	}
	var prev, cur [33]int
	for j := 0; j <= len(y); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(y); j++ {
			c := prev[j-1]
			if x[i-1] != y[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
			best = min(best, c)
		}
		if best > max {
			return max + 1
		}
		prev = cur
	}
	return prev[len(y)]
}

// confirmWord reports whether w confirms or denies what was read back
// («а имя правильно», «фамилия верно»): no name, even where a name's cue
// is before it.
func confirmWord(w string) bool {
	return isWord(w, "правильно", "верно", "неправильно", "неверно", "точно", "так", "такое", "такая", "такой", "тоже", "то", "тот", "та", "же", "совпадает", "совпадают")
}

// wordName reports whether w is a first name that is a common word too
// («вера», «надежда», «любовь», «роман», «лев»).
func wordName(w string) bool {
	return isWord(w, "вера", "надежда", "любовь", "роман", "лев", "слава", "лада", "мир", "злата", "марс")
}

// ownerNames masks the first name of the person whose data a sentence
// gives, said after «у» or a word of age among children («у юли [инн]»,
// «мой [снилс] а у веры ильиничны», «старший иван [дата] младшая полина
// [дата]», causes block NB): a first name in any case a list knows, with
// its patronymic after it, in a sentence with a personal value of
// another type masked before or after it. Run with the echoes: the
// numbers' rules run after the names'. Not a first name that is a common
// word too unless a patronymic follows («у веры в них нет»), nor a staff
// member's («у доктора анны»: the word before is no «у»).
func (s *scan) ownerNames() {
	value := func(x *found) bool {
		t := typeAt[x.typ]
		return t != Name && t != Address && x.rule != ruleDropped && x.from < x.to
	}
	for n, f := len(s.found), 0; f < n; f++ {
		x := &s.found[f]
		if !value(x) {
			continue
		}
		// Each sentence once: the first value masked in it reads it.
		seg, first := s.toks[x.from].seg, true
		for g := 0; g < f && first; g++ {
			first = !value(&s.found[g]) || s.toks[s.found[g].from].seg != seg
		}
		if !first {
			continue
		}
		from, to := x.from, x.to
		for from > 0 && s.toks[from-1].seg == seg {
			from--
		}
		for to < len(s.toks) && s.toks[to].seg == seg {
			to++
		}
		for k := from + 1; k < to; k++ {
			if s.marks[k] != 0 || !ownerWord(s.norm(k-1)) || !s.firstNameAt(k) {
				continue
			}
			end := k + 1
			if end < to && s.marks[end] == 0 && patronymic(s.norm(end)) {
				end++
			}
			if end == k+1 && wordNameForm(s.norm(k)) || s.introducedAt(k) {
				continue
			}
			s.claim(Name, ruleNameCue, k, end)
		}
	}
}

// ownerWord reports whether w, before a first name, says whose data
// follows: «у», or a child's age among siblings («старший», «младшей»).
func ownerWord(w string) bool {
	if w == "у" {
		return true
	}
	for _, p := range [...]string{"старш", "младш", "средн"} {
		if len(w) <= len(p)+6 && len(w) > len(p) && w[:len(p)] == p {
			return true
		}
	}
	return false
}

// firstNameAt reports whether token k is a first name in any case a list
// knows, and no function word, number or cue.
func (s *scan) firstNameAt(k int) bool {
	t := &s.toks[k]
	if t.has(tStop | tNum | tCue | tTrap | tMonth | tUnit) {
		return false
	}
	return t.has(tFirstName|tNameForm) || t.trig == 0 && firstNameForm(s.normOf(t))
}

// wordNameForm reports whether w is a case of a first name that is a
// common word too (wordName: «веры», «надежду», «романа», «льва»).
func wordNameForm(w string) bool {
	if wordName(w) {
		return true
	}
	switch w {
	case "любви", "любовью", "льва", "льву", "львом", "льве":
		return true
	}
	for _, n := range [...]string{"вера", "надежда", "роман", "слава", "лада", "мир", "злата"} {
		for _, f := range nameForms(n) {
			if f == w {
				return true
			}
		}
	}
	return false
}

// koreanName returns the end of a Korean name at token j, a surname of
// one syllable and a first name of one or two («пак ен хи», «ким ин хо»,
// «ли ен су», causes block ND), or j: the surname a list of them knows,
// then syllables of two to four letters that are no word of the lexicon
// (no function word, number or first name), closing the sentence or
// before a word that ends a name (nameEnds), «это», «или», «нет». Asked
// where a name is expected: the answer to a question for it, after a
// name's cue.
func (s *scan) koreanName(j int) int {
	if j >= len(s.toks) || !koreanSurname(s.norm(j)) {
		return j
	}
	seg := s.toks[j].seg
	end := j + 1
	for end < len(s.toks) && end < j+3 && s.toks[end].seg == seg && s.marks[end] == 0 && koreanSyllable(s.norm(end), s.toks[end].trig) {
		end++
	}
	if end == j+1 {
		return j
	}
	// (Or before a function word or a mailbox's cue: «пак мин су из
	// третьего класса», «ли вон сок почта ...», causes block PK.)
	if end < len(s.toks) && s.toks[end].seg == seg && !s.nameEnds(end, seg) && !isWord(s.norm(end), "это", "или", "нет", "не") && !s.toks[end].has(tStop|tEmailCue) {
		return j
	}
	return end
}

// koreanNameNamed returns the end of a Korean (or Vietnamese, Chinese)
// name at token j said where a name is named for certain, or j: after a
// relative's, an owner's or a payee's word («сын мой пак дон хо учится
// в москве», «получатель нгуен тхи лан»), after «это», «я» opening the
// sentence («это тен сан ир по кредиту»), after «на», «от», «для», «у»
// («перевод от цой ен сук пришёл»; causes block PS). Unlike koreanName,
// whatever follows the syllables: the word before says a name comes. A
// surname that is a common word too («ким», «хан», «нам», «ли») needs
// two syllables after it («жена ким ми ра тоже клиентка»; «мама ли он
// ...» names nobody: no function word is a syllable). A syllable may be
// a top-level domain's word too («ми»).
func (s *scan) koreanNameNamed(j int) int {
	if end := s.koreanName(j); end > j {
		return end
	}
	if j >= len(s.toks) || s.marks[j] != 0 || int(s.toks[j].nl) > longestKoreanSurname || !koreanSurname(s.norm(j)) {
		return j
	}
	seg := s.toks[j].seg
	end := j + 1
	for end < len(s.toks) && end < j+3 && s.toks[end].seg == seg && s.marks[end] == 0 && koreanSyllable(s.norm(end), s.toks[end].trig&^tTLD) &&
		!isWord(s.norm(end), "не", "ни", "ее", "её", "ну", "но", "вон") {
		end++
	}
	// (One syllable of three letters at most: «брат пак пива купил»
	// names nobody.)
	if end == j+1 || end == j+2 && (!koreanShortSurname(s.norm(j)) || utf8.RuneCountInString(s.norm(j+1)) > 3) {
		return j
	}
	return end
}

// koreanSurname: the Korean surnames common in Russia as the recognizer
// writes them («ким», «ли», «пак», «цой»...), and the commonest
// Vietnamese and Chinese ones («нгуен», «фам», «чжан»), whose names are
// a surname and syllables too.
// longestKoreanSurname is the byte length of the longest word
// koreanSurname takes («хегай», «когай»): longer tokens are not looked up.
const longestKoreanSurname = len("хегай")

func koreanSurname(w string) bool {
	return koreanShortSurname(w) || isWord(w, "ким", "ли", "хан", "нам", "ан", "кан", "мун", "чон", "чен", "ю", "син", "нгуен", "хоанг", "фам")
}

// koreanSyllable reports whether w, with the lexicon roles roles, may be
// a syllable of a Korean first name: two to four letters, Cyrillic, and
// no role of a common word (a unit's, «мин», is one: a rare abbreviation).
func koreanSyllable(w string, roles trig) bool {
	n := utf8.RuneCountInString(w)
	if n < 2 || n > 4 || w[0] < 0x80 || !isLetters(w) || roles&^tUnit != 0 {
		return false
	}
	return !isWord(w, "он", "ну", "да", "то", "же", "ли", "бы", "из", "за", "от", "до", "по", "во", "ко", "со", "об", "уж", "ой", "ах", "ох", "эх", "ей", "им", "их", "ею", "мы", "вы", "ты", "ага", "угу", "так", "как", "там", "тут", "вот", "все", "всё", "уже", "еще", "ещё", "тоже", "нет", "или", "это", "его", "нас", "вас", "нам", "вам", "кто", "что", "где", "сам", "чем", "при", "без", "над", "под", "про", "для")
}

// koreanNamesGoOn masks the first name's syllables after a Korean surname
// masked (by the echo of the other side's words: «[ким] ин хо или
// кимирин», «[тен сон] ир нашла», causes block ND): up to two syllables
// (koreanSyllable) after it or after a syllable masked with it, whatever
// follows them.
func (s *scan) koreanNamesGoOn() {
	for n, k := len(s.found), 0; k < n; k++ {
		f := &s.found[k]
		if typeAt[f.typ] != Name {
			continue
		}
		for i := f.from; i < f.to; i++ {
			if s.marks[i] != k+1 || int(s.toks[i].nl) > longestKoreanSurname || !koreanSurname(s.norm(i)) {
				continue
			}
			seg := s.toks[i].seg
			for j := i + 1; j < len(s.toks) && j <= i+2 && s.toks[j].seg == seg; j++ {
				if s.marks[j] != 0 {
					if typeAt[s.found[s.marks[j]-1].typ] != Name {
						break
					}
					continue
				}
				if !koreanSyllable(s.norm(j), s.toks[j].trig) {
					break
				}
				s.claim(Name, ruleNameAnswer, j, j+1)
			}
		}
	}
}

// nameAfterPhone masks the first name of whose number it is, said right
// after a phone (or a number of its length no rule typed) masked on the
// client's channel, closing the sentence
// («ваш номер» — «[8 967 45 12 06] анжела», «телефон мужа» — «[...] олег»,
// causes block PF): a first name a list knows, not one that is a common
// word too («[...] вера так»).
func (s *scan) nameAfterPhone() {
	if s.role != schemas.RoleClient {
		return
	}
	for n, f := len(s.found), 0; f < n; f++ {
		x := &s.found[f]
		if tp := typeAt[x.typ]; tp != Phone && tp != Number || x.rule == ruleDropped || x.from >= x.to {
			continue
		}
		k := x.to
		if k >= len(s.toks) || s.toks[k].seg != s.toks[x.to-1].seg || s.marks[k] != 0 {
			continue
		}
		t := &s.toks[k]
		if !t.has(tFirstName) || t.has(tStop|tNum|tCue|tTrap) || wordName(s.normOf(t)) || k+1 < len(s.toks) && s.toks[k+1].seg == t.seg {
			continue
		}
		s.claim(Name, ruleNameFull, k, k+1)
	}
}

// nameOtherForm masks the name's other form said after a name masked in
// the same sentence, after «но», «а», «или» and words that say which form
// it is (causes block NE): a short one («гурбангулы можно просто гуля»,
// «антонина но можно тоня»), the one in the passport («ольга но по
// паспорту хельга»), the maiden one («щербакова ольга в девичестве
// орлова», «... до замужества клименко», «после развода»), the speaker's own after a relative's («её фамилия гордеева а
// моя лапина»): a first name in any case a list knows, or a surname by
// its ending (no adjective or verb), closing the sentence or before a
// word that ends a name.
func (s *scan) nameOtherForm() {
	for n, f := len(s.found), 0; f < n; f++ {
		if typeAt[s.found[f].typ] != Name {
			continue
		}
		seg := s.toks[s.found[f].from].seg
		for k := s.found[f].to; k < len(s.toks) && s.toks[k].seg == seg; k++ {
			if s.marks[k] != 0 {
				continue
			}
			// After «но», «а», «или», or right after the name with the
			// words of the form («гурбангулы можно просто гуля», «ольга
			// геннадьевна в девичестве орлова»).
			j := k
			if isWord(s.norm(k), "но", "а", "или") {
				j++
			} else if !isWord(s.norm(k), "можно", "в", "по", "девичья", "до", "после") {
				continue
			}
			from := j
			maiden := false
			for words := 0; j < len(s.toks) && s.toks[j].seg == seg && words < 3 && otherFormWord(s.norm(j)); words++ {
				maiden = maiden || maidenWord(s.norm(j))
				j++
			}
			if j == from || j >= len(s.toks) || s.toks[j].seg != seg || s.marks[j] != 0 || !s.nameEnds(j+1, seg) {
				continue
			}
			t := &s.toks[j]
			w := s.normOf(t)
			if t.has(tStop|tNum|tCue|tTrap|tConn|tMonth|tStreet|tSettle|tHouse) || !isLetters(w) {
				continue
			}
			if t.has(tFirstName|tNameForm) && !wordName(w) || surnameLike(w, t.trig) && !commonWord(w) && !pronoun(w) && !staffWord(w) && !orgWord(w) {
				s.claim(Name, ruleNameFull, j, j+1)
			} else if maiden && t.trig == 0 && len(w) >= 8 && !commonWord(w) && !pronoun(w) && !surnameDescription(w) {
				// A maiden name after its word is a surname whatever its
				// ending («[кравченко оксана валерьевна] девичья шульга»).
				s.claim(Name, ruleNameFull, j, j+1)
			}
		}
	}
}

// otherFormWord: the words that say which form of a name follows
// (nameOtherForm): «можно просто», «по паспорту», «в девичестве», «а моя».
// maidenWord: a word of otherFormWord that says the name after it is the
// maiden one («девичья», «в девичестве», «до замужества»).
func maidenWord(w string) bool {
	return isWord(w, "девичья", "девичьей", "девичестве", "замужества", "брака")
}

func otherFormWord(w string) bool {
	return isWord(w, "можно", "просто", "по", "паспорту", "документам", "в", "девичестве", "девичья", "девичьей", "моя", "мой", "у", "меня", "раньше", "была", "был", "теперь", "сейчас", "коротко", "сокращенно", "сокращённо", "полностью", "все", "зовут", "называют",
		// «[рябова людмила] до замужества клименко», «после развода»
		// (causes block OU).
		"до", "после", "замужества", "брака", "развода", "свадьбы")
}

// residentAfterFlat masks the surname of who lives at a flat said right
// after its masked address (causes block NK: «кто соседи сверху» —
// «квартира 58 федоровы», «квартира 315 фомичев какой то», «сверху
// квартира 91 там живет гусейнов», «семья ивановых»): after the address,
// words that say who lives there at most («там», «живет», «семья»), then
// a surname by its ending or a family's plural («-овы», «-ины»,
// «-овых»), closing the sentence or before a word of doubt; not a large
// city («... квартира 12 королев»).
func (s *scan) residentAfterFlat() {
	for n, f := len(s.found), 0; f < n; f++ {
		x := &s.found[f]
		if typeAt[x.typ] != Address || x.rule == ruleDropped || x.from >= x.to || !s.flatIn(x.from, x.to) {
			continue
		}
		seg := s.toks[x.to-1].seg // (an address said over two sentences is one stretch)
		j := x.to
		for k := 0; j < len(s.toks) && k < 3 && s.toks[j].seg == seg && isWord(s.norm(j), "там", "живет", "живёт", "живут", "семья", "семье", "это", "у", "вроде", "кажется"); k++ {
			j++
		}
		if j >= len(s.toks) || s.toks[j].seg != seg || s.marks[j] != 0 {
			continue
		}
		w, tr := s.norm(j), s.toks[j].trig
		if bigCities[w] || commonWord(w) || !(surnameLike(w, tr) || tr == 0 && familyPlural(w)) {
			continue
		}
		if e := j + 1; e < len(s.toks) && s.toks[e].seg == seg && !isWord(s.norm(e), "какой", "какая", "какие", "что", "вроде", "кажется", "вот", "они", "он", "она") {
			continue
		}
		s.claim(Name, ruleNameFull, j, j+1)
	}
}

// familyPlural reports whether w is a family's name in the plural
// («федоровы», «хабибуллины», «ивановых»).
func familyPlural(w string) bool {
	if len(w) < 12 {
		return false
	}
	for _, e := range [...]string{"овы", "евы", "ины", "ыны", "овых", "евых", "иных", "ыных"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// hyphenHalves masks the other half of a double surname written with a
// hyphen whose one half a rule masked («двойная [полищук]-ким», causes
// block NL): the word joined to a masked name's word by a hyphen, letters
// only, either side.
func (s *scan) hyphenHalves() {
	for n, f := len(s.found), 0; f < n; f++ {
		x := &s.found[f]
		if typeAt[x.typ] != Name || x.from >= x.to {
			continue
		}
		if k := x.to; k < len(s.toks) && s.marks[k] == 0 && isLetters(s.norm(k)) && !s.toks[k].has(tStop|tNum) && s.hyphenJoined(k-1) {
			s.claim(Name, ruleNameFull, k, k+1)
		}
		if k := x.from - 1; k >= 0 && s.marks[k] == 0 && isLetters(s.norm(k)) && !s.toks[k].has(tStop|tNum) && s.hyphenJoined(k) {
			s.claim(Name, ruleNameFull, k, k+1)
		}
	}
}

// particlesBefore masks a surname's particles right before a word masked
// as a name in its sentence (causes block NS: «получатель тер [петросян
// карина]», read back «[карина] тер [петросян]», «де ла [торре]»): a rule
// that reads the surname by its ending, or the echo of its words, starts
// after the particle, which no list of names has.
func (s *scan) particlesBefore() {
	for n, f := len(s.found), 0; f < n; f++ {
		x := &s.found[f]
		if typeAt[x.typ] != Name || x.from >= x.to || x.rule == ruleDropped {
			continue
		}
		for k := x.from - 1; k >= 0 && k >= x.from-2 && s.toks[k].seg == s.toks[x.from].seg && s.marks[k] == 0 && nameParticles[s.norm(k)]; k-- {
			s.claim(Name, ruleNameFull, k, k+1)
		}
	}
}

// firstSentenceEcho masks the words of a name the other side gave that
// the operator's first sentence reads back («получатель [петрова водкина
// анна]» — «то есть анна петрова водкина», causes block NT): the echoes
// leave a name there (introducedAt: the operator's own, after the
// company's words), but one the other side had said is theirs.
func (s *scan) firstSentenceEcho(all []*scan) {
	if s.role == schemas.RoleClient {
		return
	}
	for _, r := range s.segs {
		if r.from >= r.to || s.toks[r.from].seg != 0 {
			continue
		}
		for i := r.from; i < r.to; i++ {
			if s.marks[i] == 0 && s.echoWord(i) && s.namedBeforeBy(all, i) {
				s.claim(Name, ruleEcho[typeIndex(Name)], i, i+1)
			}
		}
	}
}

// namedBeforeBy reports whether the word at token i was masked as a
// name on another channel in a sentence said before it: the operator's
// first sentence reading back the name the client gave («получатель
// [петрова водкина анна]» — «то есть анна петрова водкина», causes block
// NT), not the operator's own name.
func (s *scan) namedBeforeBy(all []*scan, i int) bool {
	w, at := s.norm(i), s.t0(&s.toks[i])
	for _, o := range all {
		if o == nil || o == s {
			continue
		}
		for k := range o.found {
			f := &o.found[k]
			if typeAt[f.typ] != Name || f.rule == ruleDropped || f.from >= f.to || o.t0(&o.toks[f.from]) >= at {
				continue
			}
			for j := f.from; j < f.to; j++ {
				if o.marks[j] == k+1 && o.norm(j) == w {
					return true
				}
			}
		}
	}
	return false
}

// operatorAddressed leaves the operator's own first name that the client
// says to them after «это» inside a sentence («а зачем вам это денис»,
// causes block NO): the intro rule read «это денис» as the client's name;
// at the sentence's start («это денис» — a client called so) it is theirs.
func (s *scan) operatorAddressed(opNames []string) {
	for k := range s.found {
		f := &s.found[k]
		if typeAt[f.typ] != Name || f.rule != ruleNameIntro || f.to-f.from != 1 || f.from == 0 || s.norm(f.from-1) != "это" || s.segStart(f.from-1) {
			continue
		}
		w := s.norm(f.from)
		for _, op := range opNames {
			if op == w && s.marks[f.from] == k+1 {
				s.marks[f.from] = 0
			}
		}
	}
}
