package redact

import "strconv"

// numberedNotBirth reports whether the date [from, to) a rule of the
// date of birth would claim is a numbered thing's ordinal or an
// appointment's day (lane i13over21, causes block SN):
//
//   - a masculine ordinal with a room's, a train's, a carriage's word
//     right after it («двадцать седьмой кабинет»), or that word right
//     before its number words («поезд шестьдесят пятый десятого»,
//     «кабинет сорок первый»); a year alone says «год» («двадцать
//     седьмой год»), never such a word;
//   - a day alone in words (no month, no year said) with an hour after
//     «с», «к», «в», «до» («диспансеризация двадцать шестого с восьми»,
//     «двадцать пятого к десяти утра»): a visit's, a delivery's. Not
//     after a word of birth (ruleBirthCue: «родилась двадцать пятого в
//     восемь утра», the hour of the birth).
func (s *scan) numberedNotBirth(from, to int, rule ruleID) bool {
	seg := s.toks[from].seg
	if to < len(s.toks) && s.toks[to].seg == seg && s.mascOrdinal(to-1) && numberedThing(s.norm(to)) {
		return true
	}
	k := from
	for k > 0 && k > from-3 && s.toks[k-1].seg == seg && s.toks[k-1].has(tNum) && s.toks[k-1].num() != nkDigits {
		k--
	}
	if k > 0 && s.toks[k-1].seg == seg && numberedThing(s.norm(k-1)) {
		for j := k; j < to; j++ {
			if s.mascOrdinal(j) {
				return true
			}
		}
	}
	return rule != ruleBirthCue && s.dayThenHour(from, to)
}

// mascOrdinal reports whether token j is an ordinal in the masculine
// nominative («седьмой», «пятый», «третий»): a thing's number, or a year
// said alone.
func (s *scan) mascOrdinal(j int) bool {
	if k := s.toks[j].num(); k != nkOrdinal && k != nkOrdTens {
		return false
	}
	return hasAnySuffix(s.norm(j), "ый", "ой", "ий")
}

// dayThenHour reports whether [from, to) is a day of the month in words
// alone, an ordinal in the genitive (31 at most), and an hour follows it
// after «с», «к», «в», «до»: «двадцать шестого с восьми».
func (s *scan) dayThenHour(from, to int) bool {
	seg, v := s.toks[from].seg, 0
	for j := from; j < to; j++ {
		switch t := &s.toks[j]; t.num() {
		case nkTens, nkOrdinal, nkOrdTens:
			v += int(lexNumVals[t.ent])
		default:
			return false
		}
	}
	last := s.norm(to - 1)
	if v < 1 || v > 31 || !hasAnySuffix(last, "ого") || to+1 >= len(s.toks) || s.toks[to].seg != seg || s.toks[to+1].seg != seg ||
		!isWord(s.norm(to), "с", "со", "к", "ко", "в", "во", "до") {
		return false
	}
	h := &s.toks[to+1]
	switch h.num() {
	case nkUnit, nkTeen:
		return true
	case nkTens:
		return lexNumVals[h.ent] == 20
	case nkDigits:
		n, err := strconv.Atoi(s.norm(to + 1))
		return err == nil && h.nl <= 2 && n <= 23
	}
	return false
}

// numberedThing: a word of a thing numbered by an ordinal that is no
// year: a room, a train, a carriage, a bus's route, a floor, a seat.
func numberedThing(w string) bool {
	return isWord(w, "кабинет", "кабинета", "кабинете", "кабинету", "поезд", "поезда", "поезде", "вагон", "вагона", "вагоне",
		"рейс", "рейса", "автобус", "автобуса", "маршрут", "маршрута", "трамвай", "троллейбус", "этаж", "этаже", "подъезд", "подъезда",
		"зал", "зале", "окно", "терминал", "выход", "ряд", "ряду", "сектор", "класс", "блок", "корпус", "номер", "номере", "участок")
}

// notPersonalNumber reports whether a number typed typ is said by the
// words next to it to be no personal one (lane i13over21, causes block
// SQ):
//
//   - a card's expiry: a month and a card's year (20 to 39) right after
//     a card masked and «до» («[card] до ноль шесть двадцать девять код
//     ...»: the code's cue after it typed it);
//   - seats after «места», «место» («места двадцать а двадцать бэ»: the
//     seat's letter «а» joined the two);
//   - a number after «не код а», «не пин код а» and no cue word after
//     «а» («это не код а номер направления 62194»);
//   - an hour and its minutes right after a day of the month in words
//     («тринадцатого четырнадцать сорок»: timeAfterDay);
//   - an institution's INN, no person's 12 digits, after «их инн» or
//     «инн» and a bank's, a clinic's word («клиника ... их инн 770500000»;
//     not «их инн» of relatives, 12 digits).
func (s *scan) notPersonalNumber(typ Type, z *zone) bool {
	seg, f := s.toks[z.from].seg, z.from
	d := s.zoneDigits(z)
	prev := func(k int) string {
		if k < 0 || s.toks[k].seg != seg {
			return ""
		}
		return s.norm(k)
	}
	if len(d) == 4 && d[:2] >= "01" && d[:2] <= "12" && d[2:] >= "20" && d[2:] <= "39" && prev(f-1) == "до" && f >= 2 && s.marks[f-2] != 0 && s.found[s.marks[f-2]-1].typ == uint8(typeIndex(Card)) {
		return true
	}
	if len(d) <= 6 && isWord(prev(f-1), "места", "место", "кресла", "кресло") {
		return true
	}
	if typ == INN && len(d) <= 10 && (prev(f-1) == "инн" && isWord(prev(f-2), "их", "ихний") || prev(f-2) == "инн" && companyOwner(prev(f-1))) {
		return true
	}
	if s.timeAfterDay(f, d) {
		return true
	}
	return s.negatedCueBefore(f)
}

// timeAfterDay reports whether the number at token f, its digits d, is
// an hour and its minutes right after a day of the month in words, the
// ordinal's genitive («запись тринадцатого четырнадцать сорок»: a code's
// cue before typed it; causes block SS): three or four digits, the hour
// 23 at most, the minutes 59.
func (s *scan) timeAfterDay(f int, d string) bool {
	if f == 0 || s.toks[f-1].seg != s.toks[f].seg || len(d) < 3 || len(d) > 4 {
		return false
	}
	if k := s.toks[f-1].num(); k != nkOrdinal && k != nkOrdTens || !hasAnySuffix(s.norm(f-1), "ого") || lexNumVals[s.toks[f-1].ent] > 31 {
		return false
	}
	// Not after two ordinals: a card's expiry said as a month and a year
	// («срок» — «одиннадцатого двадцать восьмого семьсот двадцать»: the
	// CVV follows), not a day and its hour.
	p := f - 2
	if p >= 0 && s.toks[p].seg == s.toks[f].seg && s.toks[p].num() == nkTens {
		p--
	}
	if p >= 0 && s.toks[p].seg == s.toks[f].seg && hasAnySuffix(s.norm(p), "ого") {
		if k := s.toks[p].num(); k == nkOrdinal || k == nkOrdTens {
			return false
		}
	}
	h, m := d[:len(d)-2], d[len(d)-2:]
	return (len(h) == 1 || h <= "23") && m <= "59"
}

// negatedCueBefore reports whether the number at token f follows «не»,
// a cue word, «а» in its sentence, six words back at most, and no cue
// word after the «а»: «это не код а номер бланка 40916».
func (s *scan) negatedCueBefore(f int) bool {
	seg := s.toks[f].seg
	for p := f - 1; p >= 0 && p >= f-6 && s.toks[p].seg == seg; p-- {
		if s.toks[p].has(tCue) {
			return false
		}
		if s.norm(p) != "а" {
			continue
		}
		for q := p - 1; q >= 1 && q >= p-2 && s.toks[q].seg == seg && s.toks[q-1].seg == seg; q-- {
			if s.toks[q].has(tCue) && (s.norm(q-1) == "не" || q >= 2 && s.norm(q-2) == "не" && s.toks[q-1].has(tCue) && s.toks[q-2].seg == seg) {
				return true
			}
		}
		return false
	}
	return false
}

// companyOwner: an institution's word after «инн» that no person is: a
// bank's, a clinic's (not «организации», «фирмы», «компании»: the
// client's own firm as often, its INN labelled personal by the authors).
func companyOwner(w string) bool {
	return isWord(w, "банка", "клиники", "поликлиники", "больницы", "лаборатории", "аптеки")
}
