package redact

import (
	"strings"

	"github.com/callscope/callscope/schemas"
)

// dictatedFor reports whether an identifier is dictated right after a
// name ending at token to, in its sentence (lane i13name22, causes block
// UN): a passport's, a SNILS's or an INN's cue, or a run of ten digits
// and more that no phone's shape has (8, 7 or 9 first and ten or eleven
// of them). Whose data is dictated is no member of the company's staff,
// whatever staff word was said before the name («по двум сотрудницам
// сразу вера ткаченко 243 818 877 00», «карта сотрудника новый держатель
// гаджиев тимур паспорт ...»): introducedAt's staff word is then the
// employer's, not the company's. Asked only of a name introducedAt took
// for staff.
func (s *scan) dictatedFor(to int) bool {
	if to >= len(s.toks) || s.toks[to].seg != s.toks[to-1].seg {
		return false
	}
	t := &s.toks[to]
	if t.has(tCue) {
		switch t.cue() {
		case Passport, SNILS, INN:
			return true
		}
		return false
	}
	n, first := 0, byte(0)
	for k := to; k < len(s.toks) && s.toks[k].seg == t.seg && s.toks[k].has(tNum); k++ {
		d, f := s.digitBound(&s.toks[k])
		if k == to {
			first = f
		}
		n += d
	}
	if n < 10 {
		return false
	}
	return !(n <= 11 && (first == '7' || first == '8' || first == '9'))
}

// partyBefore reports whether the word right before token from, in its
// sentence, names the client's part in a deal or a document: a seller's
// on a marketplace, a buyer's, a payee's, a card's holder, a policy's
// holder, a tenant (lane i13name22, causes block UO). In the operator's
// first sentence, a surname and a first name after it are the client
// addressed («продавец кравцов денис назовите почту кабинета», «держатель
// гарипова лейсан назовите дату рождения»), not the operator introduced:
// an operator introduces themselves after a staff word or the company's
// («специалист тарасова ирина слушаю вас», «продавец озон вадим»), never
// by the client's part. fullNameOpening asks it.
func (s *scan) partyBefore(from int) bool {
	p := from - 1
	if p < 0 || s.toks[p].seg != s.toks[from].seg {
		return false
	}
	w := s.norm(p)
	return ownerKin(w) || isWord(w, "продавец", "продавца", "держатель", "держателя", "арендатор", "арендатора", "заемщик", "заёмщик", "заемщика", "заёмщика", "пассажир", "пассажира")
}

// soleTraderFound reports whether «ип» at token i follows the operator's
// «вижу», «нашла» in its sentence: a sole trader's record read back, its
// name the client's own surname (lane i13name22, causes block UP: «инн
// мой [...]» — «спасибо вижу ип баранов», «нашла ип хасанова эльвира»),
// not a company the operator names («жалобу на продавца ип лавочкин»,
// «бухгалтерия ип кравченко»). kinName asks it.
func (s *scan) soleTraderFound(i int) bool {
	return i > 0 && s.toks[i-1].seg == s.toks[i].seg && isWord(s.norm(i-1), "вижу", "нашла", "нашел", "нашёл", "нашли")
}

// orderedChildren masks children's first names said after the ordinal
// that orders them, or «старший», «младшая», each right before a whole
// date or one masked as a date of birth («первый ваня десятого октября
// пятнадцатого года второй маша двадцать второго мая восемнадцатого»,
// «первая соня 14 02 2014 вторая алиса 30 07 2017»; lane i13name22,
// causes block UQ): a list of children with their dates of birth, the
// names the children's, and the dates, up to the next child's ordinal,
// their dates of birth. A first name a list knows, not a staff member's
// with no date of its own («первый мастер оксана ... второй олег
// четырнадцатого»: no whole date after it). Run where the other side
// asked for a date of birth (datedChildren).
func (s *scan) orderedChildren() {
	if s.role == schemas.RoleOperator {
		return // (the client lists their children; cost)
	}
	for i := range s.toks {
		t := &s.toks[i]
		if t.trig&tFirstName == 0 || i == 0 || i+1 >= len(s.toks) || !t.has(tFirstName) || t.has(tStop|tNum|tCue|tTrap|tMonth) || s.marks[i] != 0 || s.toks[i-1].seg != t.seg || s.toks[i+1].seg != t.seg || !childOrdinal(s.norm(i-1)) {
			continue
		}
		j := i + 1
		if s.marks[j] != 0 {
			if s.maskedAs(j, Birthdate) {
				s.claim(Name, ruleNameFull, i, j)
			}
			continue
		}
		if !s.toks[j].has(tNum | tMonth) {
			continue
		}
		// The date up to the next child's ordinal, which a date's run
		// reads on as a day («... пятнадцатого года второй маша»): the
		// child's date of birth.
		end := s.dateRun(j)
		for k := j + 1; k < end; k++ {
			if childOrdinal(s.norm(k)) {
				end = k
				break
			}
		}
		if end > j && s.wholeDate(j, end) {
			s.claim(Name, ruleNameFull, i, j)
			s.claimBirth(j, end, ruleBirthName)
		}
	}
}

// childOrdinal: a word that orders children in a list («первый»,
// «вторая», «старший», «младшая»).
func childOrdinal(w string) bool {
	return isWord(w, "первый", "первая", "второй", "вторая", "третий", "третья", "четвертый", "четвёртый", "четвертая", "четвёртая",
		"старший", "старшая", "младший", "младшая", "средний", "средняя")
}

// socialWorkerAt reports whether token p is «работник», «работница» in a
// case, after «социальный» in one («направим социального работника ирину
// викторовну», «ваша социальная работница вера николаевна»): the social
// service's staff (causes block UR). staffNames asks it of the word
// before a name the operator says: an employee of the client's is one
// with no «социальный» («уволить работника петрова»).
func (s *scan) socialWorkerAt(p int) bool {
	if p == 0 || s.toks[p-1].seg != s.toks[p].seg {
		return false
	}
	w := s.norm(p)
	return strings.HasPrefix(w, "работни") && strings.HasPrefix(s.norm(p-1), "социальн")
}

// residentNames masks whoever lives at a flat, named by their surname
// next to a verb of living or the word for lodgers (lane i13name22,
// causes block US): the surname (and a first name or a patronymic after
// it) right after «живёт», «проживает», «жилец», «квартиранты» and
// «были», «там» between («над нами там живет лапин такой», «жильцы были
// костин и его жена»), or opening the sentence, the verb in the five
// words after it («фомин в тридцать четвертой живет»): a neighbour's, a
// lodger's name. A surname by a list or its ending, no common word, short
// adjective or noun of a surname's ending («живёт одна», «живут трое»,
// «живёт в королёве»: a preposition first). Run with the name echoes on
// a channel where an address is masked (residentAfterFlat's: a call that
// dictates nothing reads no token of it), its words found by their
// length first.
func (s *scan) residentNames() {
	if s.role == schemas.RoleOperator {
		return // (the client names a neighbour, a lodger; cost)
	}
	for i := range s.toks {
		t := &s.toks[i]
		if n := t.nl; t.trig != 0 || n != 10 && n != 12 && n != 18 && n != 20 && n != 22 {
			continue
		}
		if !livingWord(s.normOf(t)) {
			continue
		}
		j := i + 1
		for j < len(s.toks) && j <= i+2 && s.toks[j].seg == t.seg && isWord(s.norm(j), "были", "был", "была", "там", "у", "нас") {
			j++
		}
		if j < len(s.toks) && s.toks[j].seg == t.seg {
			s.residentAt(j)
		}
		// The surname opening the sentence, the verb after it.
		for k := i - 1; k >= 0 && k >= i-5 && s.toks[k].seg == t.seg; k-- {
			if s.segStart(k) && !s.toks[k].has(tStop) {
				s.residentAt(k)
				break
			}
		}
	}
}

// residentAt masks the surname at token j, and a first name or a
// patronymic right after it, when it reads as one (residentNames).
func (s *scan) residentAt(j int) {
	w := s.norm(j)
	if s.marks[j] != 0 || !s.surnameAt(j) || commonWord(w) || shortAdjective(w) || surnameShapedNouns[w] || caseNouns[w] || staffWord(w) || orgWord(w) {
		return
	}
	end := j + 1
	for end < len(s.toks) && end < j+3 && s.toks[end].seg == s.toks[j].seg && s.marks[end] == 0 && (s.toks[end].has(tFirstName) && !s.toks[end].has(tStop|tNum|tCue|tTrap) || patronymic(s.norm(end))) {
		end++
	}
	s.claim(Name, ruleNameFull, j, end)
}

// livingWord: a verb of living at a place, or the word for its lodgers
// (their first letter read first: «ж», «п», «к»).
func livingWord(w string) bool {
	if len(w) < 2 || w[0] != 0xD0 || w[1] != 0xB6 && w[1] != 0xBF && w[1] != 0xBA {
		return false
	}
	return isWord(w, "живет", "живёт", "живут", "проживает", "проживают", "жилец", "жильцы", "квартирант", "квартиранты")
}

// streetNamedBefore reports whether the street's word at token i is
// «улица» said by the client after its name, an adjective in the
// feminine («тихая улица 4», «луговая улица 12»; causes block UV): the
// number after the word is then the house, not the street's name. (The
// operator's «невский проспект 44» is an office's as often, and is left
// as it was.)
func (s *scan) streetNamedBefore(i int) bool {
	if s.role == schemas.RoleOperator || s.norm(i) != "улица" {
		return false
	}
	w := s.norm(i - 1)
	return hasAnySuffix(w, "ая", "яя") && len(w) >= 10 && !s.toks[i-1].has(tNum|tStop)
}

// streetBeforeHouse masks a street named by its adjective in the
// feminine right before «дом» and its number, no street's word said
// («скажите ему что садовая дом семь это частный дом», «заречная дом
// 14»; causes block UV): «дом» is no noun a feminine adjective qualifies,
// so the adjective names the street («улица» left out), and the house
// after it is the address. Not an ordinal («вторая дом ...» is no
// street's), a pronoun's or a function word. Run on the channels the
// address family reads, with a number (streetsGoOn), from the house's
// words.
func (s *scan) streetBeforeHouse() {
	if s.role == schemas.RoleOperator {
		return // (the client's own words; the operator's read-back is the echoes')
	}
	for _, c := range s.starts {
		i := int(c)
		t := &s.toks[i]
		if i == 0 || !t.has(tHouse) || s.marks[i] != 0 || s.normOf(t) != "дом" || s.toks[i-1].seg != t.seg || s.marks[i-1] != 0 {
			continue
		}
		p := &s.toks[i-1]
		w := s.normOf(p)
		if len(w) < 10 || !hasAnySuffix(w, "ая", "яя") || p.has(tNum|tStop|tCue|tTrap|tUnit|tMonth|tFirstName) || pronoun(w) {
			continue
		}
		if end, house := s.houseRun(i); house && end > i+1 {
			s.claimAddress(i-1, end, ruleAddressStreet)
		}
	}
}

// initialsGoOn masks two initials right after a masked name (of any
// rule, the echoes' too) before a word confirming them («верно»,
// «правильно», «да», «нет»), or before «а», «и», «но» and a pronoun («там
// написано [прохоров] с в а я [прохорова светлана]», the surname masked
// as the echo of the client's own; causes block UW): nameInitials takes
// them closing the sentence, before the echoes ran. Not a preposition's
// noun after them («[ирина] и в банк тоже ходила»). Run with the name
// echoes, once a name is masked.
func (s *scan) initialsGoOn() {
	for k, n := 0, len(s.found); k < n; k++ {
		f := s.found[k]
		j := f.to
		if typeAt[f.typ] != Name || j+2 >= len(s.toks) || s.toks[j].seg != s.toks[j-1].seg || s.toks[j+1].seg != s.toks[j].seg || s.toks[j+2].seg != s.toks[j].seg {
			continue
		}
		if s.marks[j] == 0 && s.marks[j+1] == 0 && (s.letter(j) || s.letterName(j)) && (s.letter(j+1) || s.letterName(j+1)) && s.initialsClosed(j+2) {
			s.claim(Name, f.rule, j, j+2)
		}
	}
}

// initialsClosed reports whether two initials end before token k of
// their sentence (initialsGoOn).
func (s *scan) initialsClosed(k int) bool {
	w := s.norm(k)
	if isWord(w, "верно", "правильно", "да", "нет") {
		return true
	}
	return isWord(w, "а", "и", "но") && k+1 < len(s.toks) && s.toks[k+1].seg == s.toks[k].seg && isWord(s.norm(k+1), "я", "мы", "он", "она", "они", "вы")
}

// datedChildren runs datedNames and, where the other side asked for a
// date of birth, orderedChildren: one entry of the name family's, both
// needing a number (a rule's gate is read on every channel the family
// reads: cost).
func (s *scan) datedChildren() {
	s.datedNames()
	if ungated || s.startSet&othersDOB != 0 {
		s.orderedChildren()
	}
}

// streetsGoOn runs streetsCorrected and streetBeforeHouse: one entry of
// the address family's, both needing a number.
func (s *scan) streetsGoOn() {
	s.streetsCorrected()
	s.streetBeforeHouse()
}
