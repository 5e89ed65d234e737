package redact

import "strings"

// The phone numbers two authors' sets of session 21 showed no rule read
// (lane i13num21; causes block SJ): a mobile number whose start one side
// says and the other finishes, and a number whose words the recognizer
// split with «в».

// plusSevenStart is Phone for a zone that opens with «плюс» and is a
// mobile number's start, 7 and a code from 9, four to seven digits
// («номер для водителя плюс семь девятьсот три», the rest said by the
// other side: causes block SJ), closing its sentence: the rest is to
// come. Not a tariff's «плюс» before a price («класс комфорт плюс 7 900 в
// сутки»).
func (s *scan) plusSevenStart(z *zone) Type {
	if n := z.n(); n < 4 || n > 7 || s.norm(z.from) != "плюс" || z.to < len(s.toks) && s.toks[z.to].seg == s.toks[z.from].seg {
		return ""
	}
	if d := s.zoneDigits(z); d[0] == '7' && d[1] == '9' {
		return Phone
	}
	return ""
}

// phoneAfterSlip is Phone for a zone said right after «в» after a masked
// phone number in its sentence when the two make a mobile number's
// length and shape («девятьсот двадцать пять сто десять в семьдесят один
// сорок», the recognizer's «в» for a word of the number: causes block
// SJ); «в» is then masked by slipBetweenParts. Not a time after a whole number
// («перезвоните на [8 916 ...] в двенадцать тридцать»: fifteen digits
// together).
func (s *scan) phoneAfterSlip(z *zone) Type {
	v := z.from - 1
	if v < 1 || s.norm(v) != "в" || s.marks[v] != 0 || s.toks[v].seg != s.toks[z.from].seg || s.toks[v-1].seg != s.toks[v].seg ||
		!s.maskedAs(v-1, Phone) || len(s.nclaims) == 0 || s.quantityAfter(z.to) {
		return ""
	}
	last := &s.nclaims[len(s.nclaims)-1]
	if typeAt[last.typ] != Phone || s.found[s.marks[v-1]-1].to != v {
		return ""
	}
	var buf [24]byte
	d := append(append(buf[:0], s.cdig[last.d0:last.d1]...), s.zoneDigits(z)...)
	if n := len(d); n != 10 && n != 11 || strongFormat(string(d)) != Phone {
		return ""
	}
	return Phone // (and «в» is slipBetweenParts')
}

// phoneSplitEchoes runs this file's rules that read the other channels
// (with the echoes, once every channel's rules ran).
func (s *scan) phoneSplitEchoes(all []*scan) {
	if s.lang != "ru" || !ungated && !phoneClaimed(all) {
		return // (each reads around a phone masked on a channel: most calls have none)
	}
	s.phoneFinished(all)
	s.slipSaidBack(all)
	if ungated || s.claimedTypes&phoneTypes != 0 { // (after a phone masked on the channel)
		s.slipBeforeNumber()
	}
}

// phoneClaimed reports whether a phone number was claimed on a channel
// of the call: phoneFinished and slipSaidBack read the other side's,
// slipBeforeNumber the channel's own.
func phoneClaimed(all []*scan) bool {
	for _, o := range all {
		if o != nil && o.claimedTypes&phoneTypes != 0 {
			return true
		}
	}
	return false
}

// phoneTypes: a phone's type, a bit (phoneClaimed).
var phoneTypes = typesOf(Phone)

// phoneFinished masks the rest of a mobile number whose start the other
// side said closing its last sentence, in the 10 s before («для водителя
// номер [плюс семь девятьсот три]» — «сто двадцать три сорок пять
// шестьдесят семь»): the whole of the speaker's sentence but for two
// words, as many digits as make the number whole (10 or 11 with the
// start), no unit after them.
func (s *scan) phoneFinished(all []*scan) {
	var z zone
	for _, r := range s.segs {
		j := r.from
		for j < r.to && j < r.from+2 && !s.toks[j].has(tNum) {
			j++
		}
		if j >= r.to || s.marks[j] != 0 || !s.toks[j].has(tNum) || !s.toks[j].mayStartRun() {
			continue
		}
		s.readZone(j, &z, 0)
		if z.to <= j || r.to-z.to > 1 || s.claimed(j, z.to) || s.quantityAfter(z.to) {
			continue
		}
		n, at := z.n(), s.t0(&s.toks[j])
		for _, o := range all {
			if o == nil || o == s {
				continue
			}
			for k := range o.nclaims {
				c := &o.nclaims[k]
				cd := o.cdig[c.d0:c.d1]
				if typeAt[c.typ] != Phone || c.at > at+0.5 || at-c.at > 10 || len(cd) < 4 || cd[1] != '9' || cd[0] != '7' && cd[0] != '8' || len(cd)+n != 11 || !o.closesSentence(c) {
					continue
				}
				s.claim(Phone, ruleGoesOn[typeIndex(Phone)], j, z.to)
				s.recordNumber(Phone, ruleGoesOn[typeIndex(Phone)], &z)
			}
		}
	}
}

// closesSentence reports whether the masked number c ends its sentence
// (its claim's last token is its segment's last).
func (s *scan) closesSentence(c *numClaim) bool {
	for k := range s.found {
		f := &s.found[k]
		if typeAt[f.typ] == typeAt[c.typ] && s.t1(&s.toks[f.to-1]) == c.at {
			return f.to == len(s.toks) || s.toks[f.to].seg != s.toks[f.to-1].seg
		}
	}
	return false
}

// slipSaidBack masks a number word, «в», a number word that the other
// side masked as a phone's part in the 30 s before, said back («[сорок в
// шестьдесят]» — «не поняла сорок в шестьдесят»: the recognizer's slip
// heard again; causes block SJ).
func (s *scan) slipSaidBack(all []*scan) {
	for i := 0; i+2 < len(s.toks); i++ {
		if s.norm(i+1) != "в" || !s.toks[i].has(tNum) || !s.toks[i+2].has(tNum) || s.claimed(i, i+3) || s.toks[i+2].seg != s.toks[i].seg {
			continue
		}
		at := s.t0(&s.toks[i])
		for _, o := range all {
			if o == nil || o == s {
				continue
			}
			for j := 0; j+2 < len(o.toks); j++ {
				// (The other side's «в» may be masked after this channel's
				// echoes, by slipBetweenParts.)
				if o.maskedAs(j, Phone) && o.maskedAs(j+2, Phone) && o.norm(j+1) == "в" && o.toks[j+2].seg == o.toks[j].seg && o.norm(j) == s.norm(i) && o.norm(j+2) == s.norm(i+2) {
					if t := o.t1(&o.toks[j+2]); t <= at+0.5 && at-t <= 30 {
						s.claim(Phone, ruleEcho[typeIndex(Phone)], i, i+3)
						break
					}
				}
			}
		}
	}
}

// slipBeforeNumber masks a «в» between a masked phone number and a
// number masked right after it in its sentence, of any type
// («[девятьсот шестьдесят три двести сорок] в [шестьдесят два
// тридцать]», its second part read as something else: causes block SJ),
// as slipBetweenParts does between two parts of one phone.
func (s *scan) slipBeforeNumber() {
	for k := 1; k+1 < len(s.toks); k++ {
		if s.norm(k) != "в" || s.marks[k] != 0 || !s.maskedAs(k-1, Phone) || s.marks[k+1] == 0 || !s.toks[k+1].has(tNum) ||
			s.toks[k-1].seg != s.toks[k].seg || s.toks[k+1].seg != s.toks[k].seg {
			continue
		}
		switch typeAt[s.found[s.marks[k+1]-1].typ] {
		case Phone, Card, Code, CVV, Number:
			s.claim(Phone, ruleGoesOn[typeIndex(Phone)], k, k+1)
		}
	}
}

// lastPieceReadBack reports whether digits d, two to four alone in their
// sentence, are the end of a number c of type t the other side then
// reads back whole, the speaker having dictated a number of that type in
// the 30 s before («телефон» — «восемь [девятьсот 16 204 тридцать три]» —
// «и» — «семьдесят 1 всё» — «[8 916 204 33 71]»: the last piece after
// the other side's «и»; causes block SJ).
func (s *scan) lastPieceReadBack(z *zone, d, c string, t Type, at float64) bool {
	if len(d) < 2 || len(d) > 4 || len(c) < 10 || !strings.HasSuffix(c, d) || !s.aloneInSentence(z) {
		return false
	}
	switch t {
	case Phone, Card, Account, SNILS, INN, Passport:
	default:
		return false
	}
	for k := range s.nclaims {
		if n := &s.nclaims[k]; typeAt[n.typ] == t && n.at <= at && at-n.at <= 30 {
			return true
		}
	}
	return false
}
