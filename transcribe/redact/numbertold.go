package redact

// How people tell a CVV, a code, a sum or a document's number around it,
// which the numbers' rules read (lane i13num22, session 22; causes blocks
// UA to UM): a code begun after a verb of saying it (codeSaidStarted), said
// before «пришёл» (cameAfter), its digits said missing (ownCodeCueType),
// its false start with a letter (letterFalseStart), a code's own term no
// card's expiry (codeTerm), an expiry's trap word that names no ten
// digits (expiryTrap), the sum a payment's verb confirms (paidBefore), a
// count's «одну» no digit (countOne). The card's halves are cardhalves.go's.

import "github.com/callscope/callscope/schemas"

// saidStartVerb: a verb of saying a number in the present, or of starting
// to («говорю», «диктую», «называю», «читаю», «начал», «начала»), which a
// number right after it is the speaker's dictation of (codeSaidStarted;
// a switch: plainNumber and numbersMay ask it of the word before a
// number).
func saidStartVerb(w string) bool {
	switch w {
	case "говорю", "диктую", "называю", "читаю", "начал", "начала", "начинаю":
		return true
	}
	return false
}

// codeSaidStarted types a number the client says right after a verb of
// saying it or starting to, a CVV's or a code's cue said by either side
// in the minute before (causes block UA, cs: «назовите три цифры на
// обороте» — «не называйте» — «я уже начала семь четыре», «он просит код
// с обратной стороны» — «а я уже говорю шестьсот ладно молчу»): the
// latest such cue's type, a CVV's two to four digits (one cut short
// too), a code's three to six. Not a sum, a count or a time (a unit after
// it is read before: quantityAfter), nor the operator's (a read-back's is
// the echoes').
func (s *scan) codeSaidStarted(z *zone) Type {
	n := z.n()
	if n < 2 || n > 6 || z.from == 0 || s.role == schemas.RoleOperator {
		return ""
	}
	if j := z.from - 1; s.toks[j].seg != s.toks[z.from].seg || !saidStartVerb(s.norm(j)) {
		return ""
	}
	at := s.t0(&s.toks[z.from])
	var last *cueEvent
	for _, es := range [2][]cueEvent{s.cues, s.others} {
		for k := range es {
			if e := &es[k]; e.cue != 0 && ownCodeCue(e) && e.at <= at && at-e.at <= 60 && (last == nil || e.at > last.at) {
				last = e
			}
		}
	}
	if last == nil || s.dateOrTime(z) || s.clockTime(z) {
		return ""
	}
	if t := last.cueType(); t == CVV && n <= 4 || t == Code && n >= 3 {
		return t
	}
	return ""
}

// cameAfter reports whether a zone is a code said digit by digit right
// before «пришёл», «пришло» (what came, said after it: «и 3 3 2 1
// пришел», causes block UC, cs-0138; cameBefore reads the verb before
// it), three to eight digits, one a word, a code's or a CVV's cue of
// either side in the minute before. A number a trap word names («посылка
// 4 4 1 2 пришла») is not read here.
func (s *scan) cameAfter(z *zone) bool {
	if n := z.n(); n < 3 || n > 8 || z.to >= len(s.toks) || s.toks[z.to].seg != s.toks[z.from].seg || !cameWord(s.norm(z.to)) || !s.digitByDigit(z) {
		return false
	}
	at := s.t0(&s.toks[z.from])
	for _, es := range [2][]cueEvent{s.cues, s.others} {
		for k := range es {
			if e := &es[k]; e.cue != 0 && ownCodeCue(e) && e.at <= at && at-e.at <= 60 {
				return true
			}
		}
	}
	return false
}

// expiryTrap: a trap word of a card's or a document's expiry («срок
// действия», «действует до»), which names a month and a year or a date,
// eight digits at most: ten said after it in its sentence are a
// document's own number («срок действия старого старый был 4503 112
// 233», causes block UD, cs-0076), read as if it were not there.
func expiryTrap(w string) bool {
	return w == "действия" || w == "действует"
}

// paidBefore reports whether a zone is the sum a payment's verb right
// before it confirms («оплачено пять тысяч шестьсот семьдесят», «прошло
// 900», «списано 1 240»: causes block UF, cw-0038, cw-0190), not a code
// read back though the other side's code or CVV was just said: fewer
// than ten digits, not a card's (Luhn) shape, which classifyAll reads
// first for a number before a money verb too.
func (s *scan) paidBefore(z *zone) bool {
	j := z.from - 1
	if j < 0 || z.n() >= formatDigits || s.toks[j].seg != s.toks[z.from].seg {
		return false
	}
	switch s.norm(j) {
	case "оплачено", "списано", "зачислено", "поступило", "переведено", "прошло", "прошла", "прошел", "прошёл",
		// («списание девятьсот девяносто девять от двенадцатого»,
		// «получилось 5 790»: causes block UF3.)
		"списание", "получилось":
		return true
	}
	return false
}

// countOne reports whether token j, a unit's number word, is «одну» or
// «одно» next to a group of digits written («вижу одну 2078», «по карте
// на 2636 одно отменю»: causes block UH, cs-0064, cv-0105): a count (one
// card, one charge), no digit of the number, which a dictation says
// «один» if in words at all; it neither starts a run nor goes on one.
func (s *scan) countOne(j int) bool {
	t := &s.toks[j]
	if t.kind != nkUnit || t.nl != uint32(len("одну")) {
		return false
	}
	if w := s.normOf(t); w != "одну" && w != "одно" {
		return false
	}
	digits := func(k int) bool {
		return k >= 0 && k < len(s.toks) && s.toks[k].seg == t.seg && s.toks[k].num() == nkDigits && s.toks[k].nl >= 2
	}
	return digits(j-1) || digits(j+1)
}

// ownCodeCueType is the type of the speaker's own latest CVV's or code's
// cue in the minute before a zone, or "" (the client's «код сзади почти
// стёрся» before «только три восемь видно», causes block UI).
func (s *scan) ownCodeCueType(z *zone) Type {
	at := s.t0(&s.toks[z.from])
	var last *cueEvent
	for k := range s.cues {
		if e := &s.cues[k]; (e.cue == cueOfCVV || e.cue == cueOfCode) && e.at <= at && at-e.at <= 60 && (last == nil || e.at > last.at) {
			last = e
		}
	}
	if last == nil {
		return ""
	}
	return last.cueType()
}

// codeTerm reports whether «срок» or «действия» at token i is a code's
// own term, «кода» one or two words after it («срок действия кода пять
// минут», «срок кода истёк»: causes block UB2, cv-0184), no card's
// expiry asked.
func (s *scan) codeTerm(i int) bool {
	for j := i + 1; j < len(s.toks) && j <= i+2 && s.toks[j].seg == s.toks[i].seg; j++ {
		if s.norm(j) == "кода" {
			return true
		}
	}
	return false
}

// letterFalseStart masks a code's false start with a letter, dropped
// after «ой» or «нет» and said anew in the same sentence («к семь ой там
// цифры [семь восемь два ноль один]», «эм пять ой нет тут только цифры
// [...]»: causes block UC3, cs-0186): a letter (by its name or alone)
// opening the sentence, one or two number words or digits after it, then
// the correction and at most five words none a number before the code,
// CVV or card's part masked. Run once such a number is masked.
func (s *scan) letterFalseStart() {
	for k, n := 0, len(s.found); k < n; k++ {
		f := s.found[k]
		if t := typeAt[f.typ]; t != Code && t != CVV && t != Card || f.rule == ruleDropped {
			continue
		}
		seg := s.toks[f.from].seg
		// Back over the words between the correction and the number.
		j, oops := f.from-1, -1
		for ; j >= 0 && j >= f.from-6 && s.toks[j].seg == seg && s.marks[j] == 0 && !s.toks[j].has(tNum); j-- {
			if w := s.norm(j); w == "ой" || w == "нет" {
				oops = j
			}
		}
		if oops < 0 {
			continue
		}
		// The false start: a letter, then one or two number tokens, right
		// before the correction, opening the sentence.
		d := oops
		for d > 0 && oops-d < 2 && s.toks[d-1].seg == seg && s.marks[d-1] == 0 && s.toks[d-1].num() != nkNone {
			d--
		}
		l := d - 1
		if d == oops || l < 0 || s.toks[l].seg != seg || s.marks[l] != 0 || !(s.letterName(l) || s.letter(l)) || l > 0 && s.toks[l-1].seg == seg {
			continue
		}
		t := typeAt[f.typ]
		if t == Card {
			t = Code
		}
		s.claim(t, ruleName(t, ruleRestarted), l, oops)
	}
}

// cueOfCVV and cueOfCode are a CVV's and a code's cueEvent.cue (1 + the
// type's index): compared as numbers where every event is read
// (numbersMay, ownCodeCueType).
var cueOfCVV, cueOfCode = uint8(1 + typeIndex(CVV)), uint8(1 + typeIndex(Code))
