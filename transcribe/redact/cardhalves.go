package redact

import "strings"

// cardHalves reports whether a zone is a card named by its first four
// digits and its last four, as a shop's or a bank's screen shows it
// («4276 **** **** 2763»: causes block UE, cv-0052, cv-0116, cv-0200):
//   - eight digits after a card's word in the sentence (typ, cueBefore's),
//     opening as a bank card does (cardStart), said as two fours («на
//     карту пятьдесят пять тридцать шесть восемь один три семь»); not a
//     card's first half that goes on in the next sentence (continues:
//     the whole is read joined), nor a loyalty card's eight digits
//     («карта лояльности 2 7 0 0 4 4 1 8»: no bank card opens with 27);
//   - the first four so, before «в конце», «и в конце» (the last four
//     after them);
//
// (The last four after those words are endAfterCardStart's.)
//
// Not a sum (a group of three after one of one or two: «картой 2 450 и 1
// 390»; round hundreds), a date or a time.
func (s *scan) cardHalves(z *zone, typ Type) bool {
	n := z.n()
	if n != 4 && n != 8 {
		return false
	}
	d := s.zoneDigits(z)
	if n == 4 && typ != Card && s.cardWordBefore(z) && s.endPhraseAt(z.to) > z.to {
		typ = Card // («на карту оплаты 5469 в конце ...»: causes block UE2)
	}
	if typ != Card || !cardStart(d) || strings.HasSuffix(d, "00") || s.continues(z.to) {
		return false
	}
	// Said in one breath: no word between its runs («картой платила
	// 5490 а потом 6120», «на карту тридцать пять пятьдесят а потом сорок
	// один двадцать»: two sums, review rv22b).
	for k := 1; k < len(z.runs); k++ {
		if z.runs[k].from != z.runs[k-1].to {
			return false
		}
	}
	// Two fours: the groups' digits add up to four at a group's end, and
	// no sum's thousands («2 450»).
	sum, four := 0, false
	gs := s.zoneGroups(z)
	for k, g := range gs {
		if g.n() == 3 && k > 0 && gs[k-1].n() <= 2 {
			return false
		}
		sum += g.n()
		four = four || sum == 4
	}
	if !four || s.dateOrTime(z) || s.clockTime(z) {
		return false
	}
	// Two round fours are two sums said one after the other, their «и»
	// lost («картой 3490 2990», «на карту 4450 5550 не пришло», «с карты
	// 30 40 50 60»), not a card's halves (but Mir's 2200: review rv22b).
	if n == 8 && d[3] == '0' && d[7] == '0' && d[:4] != "2200" {
		return false
	}
	return n == 8 || s.endPhraseAt(z.to) > z.to
}

// endPhraseAt returns the token after «в конце», «и в конце», «а в
// конце» at token j in its sentence, or j. A number follows them in the
// sentence (the last four), not a time's noun («с карты автоплатежа 3490
// в конце месяца»: a sum and when it goes, review rv22b).
func (s *scan) endPhraseAt(j int) int {
	k := j
	if k < len(s.toks) && isWord(s.norm(k), "и", "а") {
		k++
	}
	if k+1 < len(s.toks) && s.toks[k+1].seg == s.toks[j-1].seg && s.norm(k) == "в" && s.norm(k+1) == "конце" &&
		k+2 < len(s.toks) && s.toks[k+2].seg == s.toks[j-1].seg && s.toks[k+2].num() != nkNone &&
		!(k+3 < len(s.toks) && s.toks[k+3].seg == s.toks[j-1].seg && strings.HasPrefix(s.norm(k+3), "год")) { // («в конце 2024 года»)
		return k + 2
	}
	return j
}

// endAfterCardStart reports whether a zone of four digits is said right
// after «в конце» that follows a card's first four masked as a card
// (cardHalves).
func (s *scan) endAfterCardStart(z *zone) bool {
	for j := z.from - 2; j >= 1 && j >= z.from-3; j-- {
		if s.toks[j].seg != s.toks[z.from].seg {
			return false
		}
		if m := s.marks[j-1]; m != 0 && typeAt[s.found[m-1].typ] == Card && s.endPhraseAt(j) == z.from {
			return true
		}
	}
	return false
}

// cardStart reports whether digits d open as a bank card's number does:
// Mir's 2200 to 2204, or an industry digit 3 to 6 (ISO/IEC 7812).
func cardStart(d string) bool {
	switch d[0] {
	case '2':
		return len(d) >= 4 && d[1] == '2' && d[2] == '0' && d[3] <= '4'
	case '3', '4', '5', '6':
		return true
	}
	return false
}

// cardWordBefore reports whether a card's word is among the three words
// before a zone in its sentence, none a number («на карту оплаты 5469»).
func (s *scan) cardWordBefore(z *zone) bool {
	for j := z.from - 1; j >= 0 && j >= z.from-3 && s.toks[j].seg == s.toks[z.from].seg && !s.toks[j].has(tNum); j-- {
		if s.cueAt(j) && s.toks[j].cue() == Card {
			return true
		}
	}
	return false
}
