package redact

import (
	"strings"
	"unicode/utf8"
)

// namesAgain runs after the other name rules of a channel (names defers
// it first of all, so it runs last), around what they masked and the
// words a name's family starts on (lane i13ct21a, session 21, causes
// blocks TB to TD; the cars-and-homes set ct):
//
//   - a patronymic right after a masked name that ends in a first name,
//     the name said again in full after a relative's word («дочка моя
//     [полина] [воронцова полина] артёмовна»): the cue's rule takes three
//     words;
//   - a surname and a first name, in either order, or a first name
//     alone, that open a sentence before «дата рождения» and the date
//     («кто владелец» — «мельник ирина моя дата рождения пятое марта
//     восьмидесятого»): whose date it is;
//   - a name in the nominative, as a record has it, after «на» and a
//     verb of booking or a contract's word («запишите на гончаров»,
//     «договор ... на шарипов марат»).
//
// Each pass is asked only where what it reads after is there: a name
// masked on the channel (patronymicAfterMasked), a date of birth masked
// (nameBeforeBirthCue); nameAfterNaRecord's «на» by its length first.
func (s *scan) namesAgain() {
	if ungated || s.claimedTypes&nameTypeBit != 0 {
		for k := 1; k < len(s.toks); k++ {
			if s.marks[k] != 0 || s.toks[k].seg != s.toks[k-1].seg {
				continue
			}
			if s.patronymicAfterMasked(k) {
				s.claim(Name, ruleNameFull, k, k+1)
			}
		}
	}
	if ungated || s.claimedTypes&birthTypeBit != 0 {
		for k := 0; k+3 < len(s.toks); k++ {
			if k > 0 && s.toks[k-1].seg == s.toks[k].seg {
				continue
			}
			if from, to := s.nameBeforeBirthCue(k); to > from {
				s.claim(Name, ruleNameFull, from, to)
			}
		}
	}
	for k := 1; k+1 < len(s.toks); k++ {
		if s.toks[k].nl != uint32(len("на")) || s.toks[k].seg != s.toks[k-1].seg || s.toks[k+1].seg != s.toks[k].seg || s.norm(k) != "на" || s.marks[k+1] != 0 {
			continue
		}
		if end := s.nameAfterNaRecord(k); end > k+1 {
			s.claim(Name, ruleNameFull, k+1, end)
		}
	}
}

// nameTypeBit, birthTypeBit: a name's and a date of birth's bit in
// scan.claimedTypes.
var nameTypeBit, birthTypeBit = typesOf(Name), typesOf(Birthdate)

// nameAfterNaRecord returns the end of a name in the nominative, as a
// record has it, after «на» at k: a surname closing the sentence after a
// verb of booking («запишите на гончаров»), or a surname and a first name
// (a patronymic after them) after a verb of booking or a contract's word
// in the sentence before «на» («договор 215 007 на шарипов марат адрес
// ...»: causes block TC; ct); else k+1.
func (s *scan) nameAfterNaRecord(k int) int {
	seg, j := s.toks[k].seg, k+1
	// (The word after «на» by its roles first, surnameLike's and a
	// relative's: most words after «на» have one.)
	if s.toks[j].trig&(surnameNotRoles|tKin) != 0 {
		return k + 1
	}
	booking := isWord(s.norm(k-1), "запишите", "записать", "запиши", "записывайте", "оформите", "оформить", "оформлен", "оформлена", "оформлено", "зарегистрирован", "зарегистрирована")
	record := booking
	for p := k - 1; !record && p >= 0 && p >= k-8 && s.toks[p].seg == seg; p-- {
		record = isWord(s.norm(p), "договор", "договора", "полис", "заявка", "заказ", "счёт", "счет", "абонент")
	}
	if !record || !s.surnameAt(j) {
		return k + 1
	}
	in := func(i int) bool { return i < len(s.toks) && s.toks[i].seg == seg && s.marks[i] == 0 }
	if in(j+1) && s.toks[j+1].has(tFirstName) && !s.toks[j+1].has(tStop|tNum|tCue|tTrap) {
		if in(j+2) && patronymic(s.norm(j+2)) {
			return j + 3
		}
		return j + 2
	}
	if booking && (j+1 == len(s.toks) || s.toks[j+1].seg != seg) {
		return j + 1
	}
	return k + 1
}

// patronymicAfterMasked reports whether token k, unmasked, is a
// patronymic right after a masked name whose last word is a first name,
// and closes the sentence or comes before a word that is no name's.
func (s *scan) patronymicAfterMasked(k int) bool {
	p := &s.toks[k-1]
	if !s.maskedAs(k-1, Name) || !p.has(tFirstName) || s.toks[k].has(tNum|tCue|tTrap|tStop) || !patronymic(s.norm(k)) {
		return false
	}
	return true
}

// nameBeforeBirthCue returns where a surname and a first name opening
// the sentence at k (either order), or a first name alone there or after
// one word, are, right before «дата рождения» (after «моя», «а», «его»,
// «её» or not), a date of birth masked after the cue in the sentence; or
// k, k.
func (s *scan) nameBeforeBirthCue(k int) (int, int) {
	seg := s.toks[k].seg
	if s.marks[k] != 0 || s.marks[k+1] != 0 || s.toks[k+1].seg != seg {
		return k, k
	}
	first := func(i int) bool { return s.toks[i].has(tFirstName) && !s.toks[i].has(tStop|tNum|tCue|tTrap) }
	// (A surname no list knows, «мельник», «кравец», is a word of no
	// list's and no verb's ending in a consonant before the first name:
	// not «хорошо ирина», «девушка ирина», «привет ирина».)
	sur := func(i int) bool {
		w := s.norm(i)
		if s.surnameAt(i) {
			return true
		}
		r, _ := utf8.DecodeLastRuneInString(w)
		return s.toks[i].trig == 0 && len(w) >= 8 && isLetters(w) && !strings.ContainsRune("аеёиоуыэюяьйъ", r) &&
			!commonWord(w) && !verbLike(w) && !pronoun(w) && !staffWord(w) && !orgWord(w) && !isWord(w, "привет", "владелец", "собственник", "страхователь", "покупатель", "получатель")
	}
	// Or a first name alone, opening the sentence or after one word
	// («хорошо ирина моя дата рождения ...», «девушка марина дата
	// рождения ...»).
	from, j := k, k+2
	switch {
	case sur(k) && first(k+1) || first(k) && sur(k+1):
	case first(k):
		j = k + 1
	case first(k + 1):
		from = k + 1
	default:
		return k, k
	}
	if isWord(s.norm(j), "моя", "а", "его", "её", "ее", "у", "меня") {
		j++
	}
	if j+1 >= len(s.toks) || s.toks[j+1].seg != seg || s.norm(j) != "дата" || s.norm(j+1) != "рождения" {
		return k, k
	}
	if j+2 >= len(s.toks) || s.toks[j+2].seg != seg || !s.maskedAs(j+2, Birthdate) {
		return k, k
	}
	to := from + 2
	if from > k || j == k+1 {
		to = from + 1
	}
	return from, to
}
