package redact

import "strconv"

// birthDigitsReadBack masks a date of birth the other side said (masked,
// a day and a month at least) read back in digits in a sentence starting
// in the 10 s after it, whatever follows it in that sentence (lane
// i13birth22, causes block VA): «[третье ноября шестьдесят второго]» —
// «03 11 1962 а полис у него есть»; the day and the month as digits
// agreeing with the masked date's, the year in two or four digits, the
// three opening the sentence (after up to two words that are no numbers,
// «так», «записываю»), its year the masked one's when that has one («14
// 02 2026 был платёж» on the birthday is a payment's, causes block VC).
// A date of the same shape said after it in the sentence that differs
// from it in one part only is the date of birth as a record has it
// («19 06 71 а в анкете у вас 19 07 71», causes block VB); another date
// (a payment's, a document's issue) stays. Run with the echoes, only
// once a date of birth is masked on another channel.
func (s *scan) birthDigitsReadBack(all []*scan) {
	if s.lang != "ru" {
		return
	}
	bi := uint8(typeIndex(Birthdate))
	for _, o := range all {
		if o == nil || o == s || o.claimedTypes&typesOf(Birthdate) == 0 {
			continue
		}
		for k := range o.found {
			f := &o.found[k]
			if f.typ != bi || f.rule == ruleDropped {
				continue
			}
			day, month, year := o.dayMonthOf(f.from, f.to)
			if day == 0 {
				continue
			}
			end := o.t1(&o.toks[f.to-1])
			for _, r := range s.segs {
				if r.from >= r.to {
					continue
				}
				if at := s.t0(&s.toks[r.from]); at < end-0.5 || at-end > 10 {
					continue
				}
				j := r.from
				for j < r.to && j < r.from+2 && !s.toks[j].has(tNum) && s.marks[j] == 0 {
					j++
				}
				d, m, y, e := s.digitDate(j, r.to)
				// (Its year agrees when the masked date has one: «14 02
				// 2026 был платёж» on the birthday is a payment's.)
				// (Nor a recent year when it has none: «[пятое сентября]» —
				// «05 09 2025 был последний платёж», «05 09 24 вы были у нас
				// на приёме»; review rv22c.)
				if e == j || d != day || m != month || year > 0 && y%100 != year%100 || year == 0 && recentDigitYear(y) {
					continue
				}
				s.claim(Birthdate, ruleEcho[bi], j, e)
				// The record's version after it in the sentence.
				for i := e + 1; i < r.to; i++ {
					if s.marks[i] != 0 || s.toks[i-1].has(tNum) || preposition(s.norm(i-1)) {
						continue
					}
					d2, m2, y2, e2 := s.digitDate(i, r.to)
					if e2 == i {
						continue
					}
					diff := 0
					for _, p := range [][2]int{{d, d2}, {m, m2}, {y, y2}} {
						if p[0] != p[1] {
							diff++
						}
					}
					// (A recent year differing alone is another date on the
					// birthday: «05 09 59 платёж 05 09 25 прошёл»; review
					// rv22c.)
					if diff == 1 && (y >= 100) == (y2 >= 100) && !(y2 != y && recentDigitYear(y2) && !recentDigitYear(y)) {
						s.claim(Birthdate, ruleEcho[bi], i, e2)
					}
					break
				}
			}
		}
	}
}

// dayMonthOf returns the day and the month of the date said in tokens
// [from, to): the part right before a month by its name (an age may come
// first: «[восемнадцать четырнадцатого апреля ...]»), or the first two
// parts, the second a month's number; 0, 0 when it has no day and month.
// year is the part after the month, 0 when none.
func (s *scan) dayMonthOf(from, to int) (day, month, year int) {
	var v [4]int
	n := 0
	for i := from; i < to && n < len(v); {
		x, e, isMonth, _, _ := s.datePart(i)
		if e == i {
			i++
			continue
		}
		if isMonth {
			if n == 0 || v[n-1] < 1 || v[n-1] > 31 {
				return 0, 0, 0
			}
			if e < to {
				if y, ye, _, _, _ := s.datePart(e); ye > e {
					year = y
				}
			}
			return v[n-1], x, year
		}
		v[n] = x
		n++
		i = e
	}
	if n >= 2 && v[0] >= 1 && v[0] <= 31 && v[1] >= 1 && v[1] <= 12 {
		if n > 2 {
			year = v[2]
		}
		return v[0], v[1], year
	}
	return 0, 0, 0
}

// digitDate reads a date in digits opening at token j, before to: a day
// (1 to 31) and a month (1 to 12) in one or two digits, a year in two or
// four, no number after them. It returns the values and the token after
// the year; e is j when none opens there.
func (s *scan) digitDate(j, to int) (d, m, y, e int) {
	if j+3 > to {
		return 0, 0, 0, j
	}
	var v [3]int
	for x := 0; x < 3; x++ {
		t := &s.toks[j+x]
		w := s.normOf(t)
		if t.num() != nkDigits || s.marks[j+x] != 0 || len(w) > 2 && x < 2 || x == 2 && len(w) != 2 && len(w) != 4 {
			return 0, 0, 0, j
		}
		v[x], _ = strconv.Atoi(w)
	}
	if v[0] < 1 || v[0] > 31 || v[1] < 1 || v[1] > 12 || j+3 < to && s.toks[j+3].has(tNum) {
		return 0, 0, 0, j
	}
	return v[0], v[1], v[2], j + 3
}

// recentDigitYear reports whether a year said in digits, two or four, is
// one of the 2020s, a payment's or a visit's rather than a date of
// birth's (recentYear's reading of four digits; «24», «25» of two).
func recentDigitYear(y int) bool {
	return y >= 2020 && y < 2100 || y >= 20 && y < 30
}
