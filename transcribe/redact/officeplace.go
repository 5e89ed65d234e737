package redact

import "strings"

// companyBuilding reports whether an address from..to, no flat in it, is
// a company's by the words next to it (lane i13over21, causes block SP):
// a tower's, a business centre's or a mall's word inside it or right
// after it («... дом двенадцать башня федерация сорок третий этаж», «...
// дом семь бизнес центр гранит»), or a clinic's, a hospital's, a lab's
// word right before it, «на» between («клиника на улице народного
// ополчения дом девять»). Said by either side. Not a home's: a flat in
// it, or «живу», «мой» before it (placeBefore's words of one's own home).
func (s *scan) companyBuilding(from, to int) bool {
	if s.flatIn(from, to) {
		return false
	}
	seg := s.toks[from].seg
	for j := from + 1; j <= to && j < len(s.toks) && s.toks[j].seg == seg; j++ {
		if w := s.norm(j); isWord(w, "башня", "башне", "башни", "бц", "тц", "трц") || isWord(w, "бизнес", "торговый", "торговом", "торгового") && j+1 < len(s.toks) && s.toks[j+1].seg == seg && isWord(s.norm(j+1), "центр", "центре", "центра", "комплекс") {
			return true
		}
	}
	j := from - 1
	if j >= 0 && s.toks[j].seg == seg && isWord(s.norm(j), "на", "в") {
		j--
	}
	return j >= 0 && j < from-1 && s.toks[j].seg == seg && clinicWord(s.norm(j))
}

// clinicWord: a medical institution's word, a place a client goes to.
func clinicWord(w string) bool {
	return isWord(w, "клиника", "клиники", "клинику", "клинике", "поликлиника", "поликлиники", "поликлинику", "больница", "больницы", "больницу",
		"госпиталь", "госпиталя", "лаборатория", "лаборатории", "лабораторию", "стоматология", "стоматологии", "медцентр", "медцентра", "травмпункт", "травмпункта")
}

// addressNumbersEnd returns where the address from..to ends when a
// number of its words is followed by another that cannot go on from it:
// tens, then a teen's or another tens' word («квартира восемьдесят
// девятнадцать пятнадцать»: the flat 80, then a time, 19:15; causes
// block SS). to when none is.
func (s *scan) addressNumbersEnd(from, to int) int {
	for x := from; x+1 < to; x++ {
		if s.toks[x].num() == nkTens && s.toks[x+1].seg == s.toks[x].seg {
			if k := s.toks[x+1].num(); k == nkTeen || k == nkTens {
				return x + 1
			}
		}
	}
	return to
}

// registeredUnder reports whether the address's cue at token i is
// «зарегистрирована» said of a document under its number: «номер»,
// «номером», «под» right after it («жалоба зарегистрирована номер
// четыреста двенадцать»: a ticket's; causes block SQ). A person is
// registered «по адресу», «на» a street.
func (s *scan) registeredUnder(i int) bool {
	if !strings.HasPrefix(s.norm(i), "зарегистрирован") || i+1 >= len(s.toks) || s.toks[i+1].seg != s.toks[i].seg {
		return false
	}
	return isWord(s.norm(i+1), "номер", "номером", "под")
}

// hoursFromToWords reports whether «с» at token j, in segment seg, opens
// opening hours said in words, an hour each: «с девяти до восьми», «с
// восьми до двадцати» (causes block UX; hoursAround).
func (s *scan) hoursFromToWords(j int, seg int32) bool {
	return j+3 < len(s.toks) && s.toks[j+3].seg == seg && s.toks[j+2].seg == seg && s.norm(j+2) == "до" && s.hourWord(j+1) && s.hourWord(j+3)
}

// hourWord reports whether token j is an hour of the day said in one
// number word (one to twenty).
func (s *scan) hourWord(j int) bool {
	t := &s.toks[j]
	if k := t.num(); k != nkUnit && k != nkTeen && k != nkTens {
		return false
	}
	v := lexNumVals[t.ent]
	return v >= 1 && v <= 20
}

// buildingAfterAddress masks «корпус» at token k and its number or
// letter said in the 30 s after an address was masked on either channel
// («[улица мира дом 12 квартира 40]» — «ой там ещё корпус 2», «и корпус
// б не забудьте»; causes block UY): the address goes on, as «дом» and
// its number do (houseAfterAddress, which asks it of a word of
// «корпус»'s length). Not a number a unit or a trap word follows, nor a
// building in a sentence of an office's words («наш офис рядом корпус
// 3»). It returns the token to read on from.
func (s *scan) buildingAfterAddress(all []*scan, k int) int {
	if s.norm(k) != "корпус" || s.marks[k] != 0 || s.toks[k+1].seg != s.toks[k].seg || s.marks[k+1] != 0 {
		return k + 1
	}
	next := k + 2
	if !s.houseLetter(k + 1) {
		v, e := s.smallNumber(k + 1)
		if v <= 0 || v > 30 || e <= k+1 || s.quantityAfter(e) || e < len(s.toks) && s.toks[e].seg == s.toks[k].seg && s.toks[e].has(tTrap|tUnit) {
			return k + 1
		}
		next = e
	}
	for j := s.segFrom(k); j < len(s.toks) && s.toks[j].seg == s.toks[k].seg; j++ {
		if officeWord(s.norm(j)) {
			return next
		}
	}
	if addressEndedBefore(all, s.t0(&s.toks[k]), 30) {
		s.claim(Address, ruleEcho[typeIndex(Address)], k, next)
	}
	return next
}

// nonResidentialAfter reports whether an address from..to with no flat
// is said to be non-residential right after it, three words at most
// («казань улица баумана дом семнадцать это нежилое», «... дом 40 это
// нежилое помещение»; causes block UZ): a business's premises, kept as
// an office's address is. claimAddress asks it.
func (s *scan) nonResidentialAfter(from, to int) bool {
	if to <= from || to >= len(s.toks) || s.flatIn(from, to) {
		return false
	}
	seg := s.toks[to-1].seg
	for j := to; j < len(s.toks) && j < to+3 && s.toks[j].seg == seg; j++ {
		if strings.HasPrefix(s.norm(j), "нежил") {
			return true
		}
	}
	return false
}
