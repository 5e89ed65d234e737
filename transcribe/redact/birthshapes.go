package redact

// The dates of birth two authors' sets of session 21 showed no rule read
// (lane i13num21; causes block SI): a year alone right after a name, and
// a whole date answering a name or an age the other side said, or after
// an age in its own sentence. Run with the echoes, when every name of
// the call is masked (echo: a name may be masked word by word over two
// rules, «[федосеев федосеев михаил] [кузьмич] двадцать девятого года»).

// birthShapes runs this file's rules on the channel.
func (s *scan) birthShapes(all []*scan) {
	if s.lang != "ru" {
		return
	}
	// (A year after a masked name needs a name masked on the channel, a
	// whole date a month by name: most channels have neither.)
	if ungated || s.claimedTypes&nameTypes != 0 {
		s.birthYearAfterName()
	}
	if ungated || s.any&tMonth != 0 {
		s.birthAfterAgeOrName(all)
	}
}

// birthYearAfterName masks a year said alone as an ordinal right after a
// masked name: «... года» wherever it stands («федосеев михаил кузьмич
// двадцать девятого года я ветеран»), «... год» closing the sentence
// («белов гордей двадцатый год» answering «год рождения», «игнатьев
// михаил девятнадцатый год»). A year of ten and more («десятый»,
// «девятнадцатый», «двадцать девятого»): «третий год наблюдаюсь» is a
// duration, and after a preposition («с двадцатого года работаю») no
// name stands right before it.
func (s *scan) birthYearAfterName() {
	for i := 0; i+2 < len(s.toks); i++ {
		if !s.maskedAs(i, Name) || s.marks[i+1] != 0 || s.toks[i+1].seg != s.toks[i].seg {
			continue
		}
		j := i + 1
		k := s.yearOrdinalEnd(j)
		if k == j || k >= len(s.toks) || s.toks[k].seg != s.toks[j].seg || s.marks[k] != 0 {
			continue
		}
		closes := k+1 == len(s.toks) || s.toks[k+1].seg != s.toks[k].seg
		// (Not a thing's year: «... года выпуска», «постройки».)
		if !closes && isWord(s.norm(k+1), "выпуска", "постройки", "издания") {
			continue
		}
		if w := s.norm(k); w == "года" || w == "год" && closes {
			s.claim(Birthdate, ruleBirthName, j, k+1)
		}
	}
}

// yearOrdinalEnd returns where a year said as an ordinal of ten or more
// from token j ends («двадцатый», «девятнадцатого», «двадцать девятого»),
// j when none starts there.
func (s *scan) yearOrdinalEnd(j int) int {
	t := &s.toks[j]
	switch t.num() {
	case nkOrdTens:
		return j + 1
	case nkOrdinal:
		if lexNumVals[t.ent] >= 10 {
			return j + 1
		}
	case nkTens:
		if n := j + 1; n < len(s.toks) && s.toks[n].seg == t.seg && s.toks[n].num() == nkOrdinal && lexNumVals[s.toks[n].ent] < 10 && s.marks[n] == 0 {
			return j + 2
		}
	}
	return j
}

// birthAfterAgeOrName masks a whole date, its month by name and its
// year, that answers the other side's sentence naming a person (a masked
// name) or an age («[власов пётр кузьмич] девяносто девять лет» — «да
// первое мая двадцать седьмого года», «[чернов геннадий михайлович] так
// записано» — «верно одиннадцатое ноября пятьдесят восьмого», «ему
// меньше двух лет» — «да двадцать шестого сентября двадцать третьего
// года»), the other side's last sentence, ending in the 20 s before it,
// with only an answer's words before it in its sentence. Not after a preposition or a number (an appointment's
// «на девятое июня»), and, answering a name alone, closing its sentence
// and not with a four-digit year of this decade («[...]» — «да 12 мая
// 2027» may be a visit's, «[...] кредит на пять лет» — «да первое мая
// двадцать девятого года последний платёж» a loan's end). The date after
// an age in its own sentence is birthAfterAgeSaid's.
func (s *scan) birthAfterAgeOrName(all []*scan) {
	s.wholeDatesAfter(func(r segRange, i, e int) bool {
		for j := r.from; j < i; j++ {
			if !isWord(s.norm(j), "да", "верно", "нет", "так", "ну", "вот", "правильно", "точно", "всё", "все") {
				return false
			}
		}
		named, aged := s.otherNamedOrAged(all, s.t0(&s.toks[r.from]))
		return aged || named && !s.recentYear(i, e) && e == r.to
	})
}

// birthAfterAgeSaid masks a whole date, its month by name and its year,
// said after an age in its sentence («ей восемь лет в марте исполнилось
// точная дата четырнадцатое марта восемнадцатого», «сыну три года
// исполнилось да седьмого марта двадцать третьего года»: causes block
// SI), whatever the year. Not after a preposition or a number («ему пять
// лет записали на 12 мая 2027 года»). A number-family rule run where a
// month was said (needs tMonth).
func (s *scan) birthAfterAgeSaid() {
	if s.lang != "ru" {
		return
	}
	s.wholeDatesAfter(func(r segRange, i, e int) bool {
		for j := r.from; j < i; j++ {
			if s.ageAt(j) {
				return true
			}
		}
		return false
	})
	// (A date of birth's version as a record has it, after a masked one:
	// birthRecordedAfter, called here, no family rule's gate of its own.)
	if s.claimedTypes&typesOf(Birthdate) != 0 {
		s.birthRecordedAfter()
	}
}

// wholeDatesAfter calls ok with each whole date of the channel no rule
// masked, its month by name and its year, not after a preposition or a
// number, with its sentence, and masks it as a date of birth when ok
// says so.
func (s *scan) wholeDatesAfter(ok func(r segRange, i, e int) bool) {
	for _, r := range s.segs {
		if !s.monthNamed(r.from, r.to) {
			continue // (a date here names its month: monthNamed below)
		}
		for i := r.from; i < r.to; i++ {
			if s.marks[i] != 0 || !s.toks[i].has(tNum) || i > r.from && (s.toks[i-1].has(tNum) || preposition(s.norm(i-1))) {
				continue
			}
			e := s.dateRun(i)
			if e <= i+2 || e > r.to || !s.hasYear(i, e) || !s.monthNamed(i, e) || s.claimed(i, e) {
				continue
			}
			if ok(r, i, e) {
				s.claim(Birthdate, ruleBirthContext, i, e)
			}
			i = e - 1
		}
	}
}

// ageAt reports whether token j is a number said as an age: a number
// word or up to three digits with «лет», «год», «года» right after it
// («восемь лет», «двух лет», «99 лет»), not a duration after a
// preposition («кредит на пять лет», «через два года», «в течение трёх
// лет»).
func (s *scan) ageAt(j int) bool {
	if k := s.toks[j].num(); k == nkNone || k == nkDigits && s.toks[j].nl > 3 || j+1 >= len(s.toks) || s.toks[j+1].seg != s.toks[j].seg {
		return false
	}
	if j > 0 && s.toks[j-1].seg == s.toks[j].seg && (preposition(s.norm(j-1)) || s.norm(j-1) == "течение") {
		return false
	}
	return isWord(s.norm(j+1), "лет", "год", "года", "годика")
}

// otherNamedOrAged reports whether the other side's last sentence before
// at, ending in the 20 s before it, named a person (a masked name) or
// said an age: the sentence at's answers («[...] кем выдан» — «дата
// выдачи» — «17 мая 2006 года» answers the document's question).
func (s *scan) otherNamedOrAged(all []*scan, at float64) (named, aged bool) {
	var last *scan
	var lq segRange
	lend := -1.0
	for _, o := range all {
		if o == nil || o == s {
			continue
		}
		for _, q := range o.segs {
			if q.from >= q.to {
				continue
			}
			if end := o.t1(&o.toks[q.to-1]); end <= at+0.5 && at-end <= 20 && end > lend {
				last, lq, lend = o, q, end
			}
		}
	}
	if last == nil {
		return false, false
	}
	for j := lq.from; j < lq.to; j++ {
		named = named || last.maskedAs(j, Name)
		aged = aged || last.ageAt(j)
	}
	return named, aged
}

// birthRecordedAfter masks a date of birth's other version as a record
// has it, said in the sentence of a masked one after «а» and a record's
// words, a document's or a record's noun among them («в паспорте [...] а
// в профиле стоит двадцать первое мая», «[3 августа 1961] а в карточке
// указано 8 августа»: causes block UL3, cl-0144): a day and its month by
// name at least. Run only once a date of birth is masked.
func (s *scan) birthRecordedAfter() {
	for k, n := 0, len(s.found); k < n; k++ {
		f := s.found[k]
		if typeAt[f.typ] != Birthdate || f.rule == ruleDropped || f.to+3 >= len(s.toks) {
			continue
		}
		seg := s.toks[f.to-1].seg
		j := f.to
		if s.toks[j].seg != seg || s.norm(j) != "а" {
			continue
		}
		j++
		noun := false
		for ; j < len(s.toks) && j <= f.to+6 && s.toks[j].seg == seg && (recordWord(s.norm(j)) || s.norm(j) == "паспорте"); j++ {
			noun = noun || len(s.norm(j)) > 6 // (a noun or a verb, not «у», «нас», «в»)
		}
		if !noun || j >= len(s.toks) || s.toks[j].seg != seg || s.marks[j] != 0 {
			continue
		}
		if e := s.dateRun(j); e > j+1 && s.monthNamed(j, e) && !s.claimed(j, e) {
			s.claim(Birthdate, ruleBirthContext, j, e)
		}
	}
}
