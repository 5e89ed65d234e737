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
