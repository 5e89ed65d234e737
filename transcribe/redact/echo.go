package redact

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/callscope/callscope/schemas"
)

// What one side says back: the operator reads the client's number or
// name back («пятьдесят ноль два а дальше», «максим на понедельник»), the
// client corrects part of it («нет 411 ноль ноль 90»), or goes on with
// it in their next turn after a pause («4276 а дальше нет» after «только
// конец 0069»). None of it has a cue of its own; what makes it personal
// is what was masked before it in the call. So after every channel's
// rules have run, each channel is read once more against the call's
// masked names, e-mails and numbers.

// numClaim is a personal number a rule masked: its type, when it ended,
// its digits (s.cdig[d0:d1]) and whether it was a number's end («card
// ending on 3830»).
type numClaim struct {
	at     float64 // when it ends
	from   float64 // when it starts
	d0, d1 int32
	typ    uint8 // typeIndex
	part   bool
	// weak: a number no rule typed, masked by its length ([number]):
	// only a correction of its end («нет сто семнадцать в конце») takes
	// from it; no echo repeats it.
	weak bool
}

// recordNumber remembers a masked number for the echoes.
func (s *scan) recordNumber(typ Type, rule ruleID, z *zone) {
	if z.from >= z.to {
		return
	}
	d0 := int32(len(s.cdig))
	s.cdig = append(s.cdig, s.zoneDigits(z)...)
	s.nclaims = append(s.nclaims, numClaim{at: s.t1(&s.toks[z.to-1]), from: s.t0(&s.toks[z.from]), d0: d0, d1: int32(len(s.cdig)), typ: uint8(typeIndex(typ)), part: strings.HasSuffix(ruleText[rule], "/ending"), weak: typ == Number})
}

// echoes claims in s what repeats or goes on with what any channel of
// the call had masked: the words of a name or an e-mail said again
// anywhere, a number's digits said again (whole, its start, its end, or
// four of them in a correction), and a number that the same speaker
// goes on with within 15 s with no cue of its own.
func (s *scan) echoes(all []*scan, opNames []string) {
	isOp := func(w string) bool {
		for _, x := range opNames {
			if x == w {
				return true
			}
		}
		return false
	}
	if len(opNames) > 0 && s.role == schemas.RoleClient {
		for k := range s.found {
			// (A name the client gives when asked stays theirs, even
			// the operator's: «алексей владелец договора».)
			if f := &s.found[k]; typeAt[f.typ] == Name && f.rule == ruleNameFull && isOp(s.norm(f.from)) {
				for i := f.from; i < f.to; i++ {
					if s.marks[i] == k+1 {
						s.marks[i] = 0
					}
				}
			}
		}
	}
	// Each masked word's forms are worked out once, before the loop over
	// the channel's tokens: its key (a token whose key has no bit in
	// keys equals no word), and for a mailbox's Latin word its skeleton.
	type word struct {
		w     string
		typ   Type
		at    float64 // when it was said (for a mailbox's digits)
		latin bool    // a mailbox's Latin word (latinWord)
		sk    [2]int  // its skeleton, when latin: s.esk[sk[0]:sk[1]]
		// An address's street name: the scan and the span it was said
		// in, whose numbers the house read back must share.
		src  *scan
		span [2]int
	}
	var buf [16]word
	words := buf[:0]
	nums, mails := false, false
	var keys, lens uint64 // the words' keys and lengths (63: 63 or more)
	var stems uint64      // the names' stems' keys (stemKey)
	var firsts uint64     // the names' second bytes (their first letter's), bit w[1]&63
	addrs := false
	for _, o := range all {
		if o == nil {
			continue
		}
		nums = nums || len(o.nclaims) > 0
		for k := range o.found {
			f := &o.found[k]
			if typeAt[f.typ] == Address {
				addrs = true
				// The street's name, read back with the house's number
				// («улица ленина 40 квартира 12» — «на ленина 40»), also
				// a name that is a common word too («вернадского»): the
				// read-back's numbers must be the address's (houseEcho).
				for i := f.from; i < f.to && len(words) < len(buf); i++ {
					if o.marks[i] == k+1 && o.echoWord(i) && !o.toks[i].has(tStreet|tHouse|tSettle) {
						w := o.norm(i)
						words = append(words, word{w: w, typ: Address, src: o, span: [2]int{f.from, f.to}})
						keys |= 1 << echoKey(w)
						lens |= 1 << min(len(w), 63)
					}
				}
				continue
			}
			if ft := typeAt[f.typ]; ft != Name && ft != Email {
				continue
			}
			ft := typeAt[f.typ]
			mails = mails || ft == Email
			domain := false
			for i := f.from; i < f.to && len(words) < len(buf); i++ {
				// A mailbox's domain is a service's or a company's name
				// («samolet partners ru»: the operator's «самолёт отдел
				// продаж» is no echo of it).
				domain = domain || ft == Email && o.toks[i].has(tAt)
				if o.marks[i] != k+1 || domain {
					continue
				}
				w := o.norm(i)
				if (o.echoWord(i) || ft == Email && len(w) >= 4 && latinWord(w)) && !isOp(w) {
					words = append(words, word{w: w, typ: ft})
				} else if ft == Email && len(w) >= 3 && allDigits(w) {
					// A mailbox's digits («olga.kuzmina1990»), said again
					// in the 30 s after: «без девяностый просто 1990».
					words = append(words, word{w: w, typ: Email, at: o.t1(&o.toks[i])})
				} else {
					continue
				}
				keys |= 1 << echoKey(w)
				lens |= 1 << min(len(w), 63)
				if ft == Name && len(w) >= 8 {
					// (A token's stem is the name as said, «максим» —
					// «максима», or the name's stem, «тимура» — «тимуру».)
					stems |= 1 << stemKey(w)
					firsts |= 1 << (w[1] & 63)
					if st := nameStem(w); st != "" {
						stems |= 1 << stemKey(st)
					}
				}
			}
		}
	}
	s.birthEchoes(all)
	s.birthValuesAgain(all)
	s.birthDigitsReadBack(all)
	s.birthPartAsked(all)
	s.birthCorrected(all)
	s.childBirthAfterName(all)
	if len(words) == 0 {
		if mails {
			s.mailRest()
			s.spelledMailReadBack(all, opNames)
		}
		if nums {
			s.numberEchoes(all)
			s.piecesReadBack(all)
			s.slipBetweenParts()
			s.phoneLeadSaid(all)
		}
		if addrs {
			s.addressCorrectedBack(all)
			s.houseAfterAddress(all)
		}
		return
	}
	latin := false
	var sk [64]byte
	s.esk = s.esk[:0]
	for k := range words {
		x := &words[k]
		if x.typ == Email && latinWord(x.w) {
			latin, x.latin = true, true
			n := len(s.esk)
			s.esk = append(s.esk, skeleton(sk[:0], x.w)...)
			x.sk = [2]int{n, len(s.esk)}
		}
	}
	for i := range s.toks {
		if s.marks[i] != 0 || !latin && stems == 0 && lens&(1<<min(s.toks[i].nl, 63)) == 0 {
			continue
		}
		w := s.norm(i)
		// A token equal to no word, and no Cyrillic word read back from
		// a Latin mailbox, is no echo (most tokens); nor one whose stem
		// is no masked name's.
		same := keys&(1<<echoKey(w)) != 0 && lens&(1<<min(len(w), 63)) != 0
		cyr := latin && w[0] >= 0x80
		var stem string
		// (A word whose first letter no masked name has is no form of
		// one: one bit read before the stem is cut.)
		if stems != 0 && !same && len(w) >= 8 && w[0] >= 0x80 && firsts&(1<<(w[1]&63)) != 0 {
			if stem = nameStem(w); stem != "" && stems&(1<<stemKey(stem)) == 0 {
				stem = ""
			}
		}
		if !same && !cyr && stem == "" {
			continue
		}
		// Whether the token is a word a Latin mailbox's may be read back
		// as, and its skeleton: once per token, not per word.
		var wsk []byte
		if cyr {
			if s.echoWord(i) && !s.introducedAt(i) && !isOp(w) {
				wsk = skeleton(sk[:0], w)
			} else if !same {
				continue
			}
		}
		for _, x := range words {
			if x.at != 0 {
				if x.w == w {
					if at := s.t0(&s.toks[i]); at >= x.at-0.5 && at-x.at <= 30 {
						s.claim(Email, ruleEcho[typeIndex(Email)], i, i+1)
						break
					}
				}
				continue
			}
			if x.typ == Address {
				if x.w == w && s != x.src {
					if end := s.houseEcho(i, x.src, x.span); end > i {
						from := i
						// The title of the street's namesake before its
						// name, read back with it («записываю маршала
						// [жукова сорок девять двести три]»: bz).
						if i > 0 && s.toks[i-1].seg == s.toks[i].seg && s.marks[i-1] == 0 && streetTitle(s.norm(i-1)) {
							from = i - 1
						}
						s.claim(Address, ruleEcho[typeIndex(Address)], from, end)
						break
					}
				}
				continue
			}
			// Not the operator's own name, also the client's. A name in
			// another case is the name too («максим» — «дата рождения
			// максима», «соколова» — «для соколовой»: block GT).
			if (len(x.w) == len(w) && x.w == w || stem != "" && x.typ == Name && (stem == x.w || stem == nameStem(x.w)) && !isOp(w)) && s.echoWord(i) && !s.introducedAt(i) {
				end := i + 1
				if x.typ == Email && end < len(s.toks) && s.toks[end].seg == s.toks[i].seg && s.letter(end) && !s.enPronounLetter(end) {
					end++ // a mailbox's initial after it: «горбунова н»
				}
				s.claim(x.typ, ruleEcho[typeIndex(x.typ)], i, end)
				// A first name the read-back adds after the surname
				// («мельник» — «мельник светлана»).
				if end < len(s.toks) && s.toks[end].seg == s.toks[i].seg && s.marks[end] == 0 && s.toks[end].has(tFirstName) && !isOp(s.norm(end)) {
					s.claim(Name, ruleEcho[typeIndex(Name)], end, end+1)
				}
				break
			}
			// A mailbox in Latin letters read back in Cyrillic
			// («gorbunova» — «горбунова с и на конце»).
			if x.latin && wsk != nil && string(wsk) == string(s.esk[x.sk[0]:x.sk[1]]) {
				end := i + 1
				if end < len(s.toks) && s.toks[end].seg == s.toks[i].seg && s.letter(end) {
					end++ // its initial: «горбунова н»
				}
				// Its digits said in words: «vasya2000» — «вася две тысячи».
				for n := 0; n < 4 && hasDigit(x.w) && end < len(s.toks) && s.toks[end].seg == s.toks[i].seg && runWord(s.toks[end].num()); n++ {
					end++
				}
				s.claim(Email, ruleEcho[typeIndex(Email)], i, end)
				break
			}
		}
	}
	if mails {
		s.mailRest()
		s.spelledMailReadBack(all, opNames)
	}
	if nums {
		s.numberEchoes(all)
		s.piecesReadBack(all)
		s.slipBetweenParts()
		s.phoneLeadSaid(all)
	}
	if addrs {
		s.addressCorrectedBack(all)
		s.houseAfterAddress(all)
	}
}

// slipBetweenParts masks a «в» between two masked parts of one phone
// number in a sentence, a number word after it: a recognizer's slip
// inside the dictation («восемь девятьсот пятьдесят два сто сорок в
// шестьдесят шесть ноль один», «240 сорок в шестьдесят один»: cp), for
// nobody says a phone's parts with «в» between them.
func (s *scan) slipBetweenParts() {
	for k := 1; k+1 < len(s.toks); k++ {
		if s.toks[k].nl != uint32(len("в")) || s.norm(k) != "в" || s.marks[k] != 0 || !s.maskedAs(k-1, Phone) || !s.maskedAs(k+1, Phone) ||
			!s.toks[k+1].has(tNum) || s.toks[k-1].seg != s.toks[k].seg || s.toks[k+1].seg != s.toks[k].seg {
			continue
		}
		s.claim(Phone, ruleGoesOn[typeIndex(Phone)], k, k+1)
	}
}

// houseAfterAddress masks «дом» and its number said in the 30 s after an
// address was masked on either channel: the house said again, corrected
// or alone where the street has no name («[деревня ... дом 5]» — «нет
// улицы нету просто дом пять», «вы проживаете по [...]» — «нет это дом
// шестнадцать а не шестьдесят один», «а квартира» — «частный дом это дом
// четырнадцать»: bt, bv, cm; causes block QV). Not a quantity («дом 4
// этажа»), nor a number a unit or a trap word follows, nor a house in a
// sentence of an office's words.
func (s *scan) houseAfterAddress(all []*scan) {
	for k := 0; k+1 < len(s.toks); k++ {
		if s.toks[k].nl == uint32(len("корпус")) {
			k = s.buildingAfterAddress(all, k) - 1 // (causes block UY)
			continue
		}
		if s.toks[k].nl != uint32(len("дом")) || s.norm(k) != "дом" || s.toks[k+1].seg != s.toks[k].seg || s.marks[k] != 0 || s.marks[k+1] != 0 {
			continue
		}
		v, next := s.smallNumber(k + 1)
		if v <= 0 || v > 999 || next <= k+1 || s.quantityAfter(next) || next < len(s.toks) && s.toks[next].seg == s.toks[k].seg && (s.toks[next].has(tTrap|tUnit) || strings.HasPrefix(s.norm(next), "этаж")) {
			continue
		}
		// (Nor a house in a company's words, kept with its address: «наш
		// офис переулок озёрный дом шесть краснодар с девяти».)
		office := false
		for j := s.segFrom(k); j < len(s.toks) && s.toks[j].seg == s.toks[k].seg && !office; j++ {
			office = officeWord(s.norm(j))
		}
		if office {
			continue
		}
		if at := s.t0(&s.toks[k]); addressEndedBefore(all, at, 30) {
			s.claim(Address, ruleEcho[typeIndex(Address)], k, next)
		}
		k = next - 1
	}
}

// addressEndedBefore reports whether an address masked on any channel
// ended in the window seconds before at.
func addressEndedBefore(all []*scan, at, window float64) bool {
	for _, o := range all {
		for k := 0; o != nil && k < len(o.found); k++ {
			f := &o.found[k]
			if typeAt[f.typ] != Address || f.rule == ruleDropped {
				continue
			}
			if end := o.t1(&o.toks[f.to-1]); end <= at && at-end <= window {
				return true
			}
		}
	}
	return false
}

// addressCorrectedBack masks the numbers of a sentence that corrects a
// house's or a flat's number of an address masked on another channel in
// the 15 s before it: numbers with «не» between them and nothing else but
// «нет», «да», «а», «ну», «вот» («у него указано [новый арбат 12 кв 77]»
// — «нет не двенадцать а двадцать один», «так [хромова 19 корпус 2
// квартира 17]» — «семьдесят один не семнадцать»), one of them a number
// of the address (causes block ME).
func (s *scan) addressCorrectedBack(all []*scan) {
	for _, r := range s.segs {
		var vbuf [4]int
		vals, ne, ok := vbuf[:0], false, r.to-r.from <= 8
		for k := r.from; k < r.to && ok; {
			switch w := s.norm(k); {
			case s.toks[k].has(tNum):
				v, next := s.smallNumber(k)
				if v <= 0 || next <= k || s.marks[k] != 0 || len(vals) == len(vbuf) {
					ok = false
					break
				}
				vals, k = append(vals, v), next
			case w == "не":
				ne, k = true, k+1
			case isWord(w, "нет", "да", "а", "ну", "вот"):
				k++
			default:
				ok = false
			}
		}
		if !ok || !ne || len(vals) < 2 || s.quantityAfter(r.to) {
			continue
		}
		at := s.t0(&s.toks[r.from])
		if !addressNumberBefore(all, s, at, vals) {
			continue
		}
		for k := r.from; k < r.to; {
			if !s.toks[k].has(tNum) {
				k++
				continue
			}
			_, next := s.smallNumber(k)
			s.claim(Address, ruleEcho[typeIndex(Address)], k, next)
			k = next
		}
	}
}

// addressNumberBefore reports whether an address masked on a channel
// other than s's, ending in the 15 s before at, has a number of vals.
func addressNumberBefore(all []*scan, s *scan, at float64, vals []int) bool {
	for _, o := range all {
		if o == nil || o == s {
			continue
		}
		for k := range o.found {
			f := &o.found[k]
			if typeAt[f.typ] != Address || f.rule == ruleDropped {
				continue
			}
			if end := o.t1(&o.toks[f.to-1]); end > at+0.5 || at-end > 15 {
				continue
			}
			for i := f.from; i < f.to; {
				v, next := o.smallNumber(i)
				if next <= i {
					i++
					continue
				}
				if slices.Contains(vals, v) {
					return true
				}
				i = next
			}
		}
	}
	return false
}

// piecesReadBack masks a number dictated in pieces too short to type
// alone, with talk between them («девятьсот двадцать шесть э» — «триста
// сорок секунду гляну ноль два семьдесят семь»), that the other side then
// reads back whole and had masked (causes block GO): the speaker's
// unmasked numbers in the 30 s before the read-back, consecutive, whose
// digits together are the read-back's (or all but its leading 8 or 7),
// two pieces at least; none with a unit after it. Run only on a call
// with a masked number, reading the speaker's numbers near a read-back.
func (s *scan) piecesReadBack(all []*scan) {
	type piece struct {
		from, to int
		d        string
	}
	var pbuf [12]piece
	var z zone
	for _, o := range all {
		if o == nil || o == s {
			continue
		}
		for k := range o.nclaims {
			c := &o.nclaims[k]
			cd := string(o.cdig[c.d0:c.d1])
			if c.weak || len(cd) < 7 {
				continue
			}
			pieces := pbuf[:0]
			for _, st := range s.starts {
				i := int(st)
				if len(pieces) == len(pbuf) || i < len(s.toks) && s.t0(&s.toks[i]) > c.from+0.5 {
					break
				}
				// (A piece a rule masked as a number already, a part read
				// as going on with the one before, is one of the pieces.)
				if n := len(pieces); n > 0 && i < pieces[n-1].to || s.marks[i] != 0 && !s.maskedNumber(i) || !s.toks[i].mayStartRun() || !s.isRunStart(i) || c.from-s.t0(&s.toks[i]) > 30 {
					continue
				}
				s.readZone(i, &z, 0)
				// (A unit's word that asks to wait, the sentence going on
				// after it, is no unit: «триста сорок секунду гляну ...».)
				if z.to <= i || z.d0 == z.d1 || s.marks[i] == 0 && s.claimed(z.from, z.to) || s.quantityAfter(z.to) && !(z.to+1 < len(s.toks) && s.toks[z.to].has(tGoOn) && s.toks[z.to+1].seg == s.toks[z.to].seg) {
					continue
				}
				pieces = append(pieces, piece{z.from, z.to, strings.Clone(s.zoneDigits(&z))})
			}
			for a := range pieces {
				got := ""
				for b := a; b < len(pieces) && len(got) < len(cd); b++ {
					got += pieces[b].d
					whole := got == cd || len(cd) == 11 && (cd[0] == '8' || cd[0] == '7') && got == cd[1:]
					if whole && b > a {
						for _, p := range pieces[a : b+1] {
							if s.marks[p.from] == 0 {
								s.claim(typeAt[c.typ], ruleEcho[c.typ], p.from, p.to)
							}
						}
						break
					}
					if !strings.HasPrefix(cd, got) && !strings.HasPrefix(cd[1:], got) {
						break
					}
				}
			}
		}
	}
}

// houseEcho returns where an address read back from token i (its
// street's name) ends: its house number right after it, whose first word
// the address said in o's span too, and what houseRun reads after it; i
// when no such number follows («на ленина 40» after «улица ленина 40
// квартира 12»; not «по чехова 2 заявки»).
func (s *scan) houseEcho(i int, o *scan, span [2]int) int {
	j := i + 1
	if j >= len(s.toks) || s.toks[j].seg != s.toks[i].seg || !s.toks[j].has(tNum) || s.toks[j].num() == nkOrdinal {
		return i
	}
	w := s.norm(j)
	v, next := s.smallNumber(j)
	for k := span[0]; k < span[1]; k++ {
		// (The same number in digits or words: «комарова двенадцать
		// сорок восемь» after «улица комарова 12 кв 48», block GQ.)
		if o.norm(k) == w || v > 0 && o.spanNumberAt(span, k) == v {
			if end, house := s.houseRun(j); house {
				return end
			}
			// The house and the flat read back bare, both the address's
			// («вернадского 41 8» after «... дом сорок один квартира
			// восемь»).
			if f, end := s.smallNumber(next); f > 0 && end < len(s.toks)+1 && next < len(s.toks) && s.toks[next].seg == s.toks[j].seg {
				for m := k + 1; m < span[1]; m++ {
					if o.spanNumberAt(span, m) == f {
						return end
					}
				}
			}
			return i
		}
	}
	return i
}

// spanNumberAt is the number opening at token k of an address's span
// (smallNumber), 0 when k does not open one.
func (s *scan) spanNumberAt(span [2]int, k int) int {
	if k > span[0] && s.toks[k-1].has(tNum) {
		return 0
	}
	v, _ := s.smallNumber(k)
	return v
}

// maskedNumber reports whether token i is masked as a number's type.
func (s *scan) maskedNumber(i int) bool {
	switch typeAt[s.found[s.marks[i]-1].typ] {
	case Phone, Card, Account, SNILS, INN, Passport, Number:
		return true
	}
	return false
}

// smallNumber reads the number under 10,000 that token k opens, in
// digits or in words («двенадцать», «сто сорок», «двадцать шесть»): its
// value (0 when none) and the token after it.
func (s *scan) smallNumber(k int) (int, int) {
	if k >= len(s.toks) || !s.toks[k].has(tNum) {
		return 0, k
	}
	if s.toks[k].num() == nkDigits {
		w := s.norm(k)
		v := 0
		for i := 0; i < len(w) && i < 4; i++ {
			v = v*10 + int(w[i]-'0')
		}
		if len(w) > 4 {
			return 0, k
		}
		return v, k + 1
	}
	v, last, j := 0, nkNone, k
	for ; j < len(s.toks) && s.toks[j].seg == s.toks[k].seg; j++ {
		kind := s.toks[j].num()
		// Hundreds, then tens or a teen, then a unit: each smaller than
		// the one before.
		ok := kind == nkHundred && last == nkNone || kind == nkTens && (last == nkNone || last == nkHundred) ||
			kind == nkTeen && (last == nkNone || last == nkHundred) || kind == nkUnit && (last == nkNone || last == nkHundred || last == nkTens)
		if !ok {
			break
		}
		v += lexEntries[s.toks[j].ent].num.val
		last = kind
	}
	return v, j
}

// nameStem is a name without its case's ending («соколовой», «соколова»
// and «соколов» are «соколов»; «максима» «максим»), or "" when what is
// left is shorter than four letters.
func nameStem(w string) string {
	// (Only the endings with w's last byte can be its own: the first of
	// them it ends in is the first of caseEndings.)
	if w != "" {
		for _, e := range caseEndingsBy[w[len(w)-1]] {
			if strings.HasSuffix(w, e) {
				w = w[:len(w)-len(e)]
				break
			}
		}
	}
	if len(w) < 8 {
		return ""
	}
	return w
}

// caseEndings are the endings nameStem cuts, two letters' first;
// caseEndingsBy the same by their last byte, in this order.
var caseEndings = [...]string{"ой", "ей", "ом", "ем", "ою", "ею", "ым", "им", "а", "я", "у", "ю", "е", "и", "ы"}

var caseEndingsBy = newEndingSet(caseEndings[:])

// stemKey files a stem by its length and its first and last bytes into
// one of 64 bits, as echoKey a word.
func stemKey(st string) uint { return echoKey(st) }

// echoKey files a word by its length and first and last bytes into one
// of 64 bits: two equal words have one key.
func echoKey(w string) uint {
	if w == "" {
		return 0
	}
	return (uint(len(w))*7 + uint(w[0]) + uint(w[len(w)-1])*3) & 63
}

// opNameCache holds the call's operator names, read by the first channel's
// echoes (inside its recover) and kept for the others.
// (The names are an array and a count, not a slice of the array: a
// struct pointing into itself would be moved to the heap, an allocation
// per call.)
type opNameCache struct {
	done  bool
	n     int
	names [4]string
}

// operatorNames is the call's operator's own name (said opening the
// call, or after «меня зовут», «оператор»), up to four words, read once
// a call: never echoed, and a name claimed on the client's side that is
// it is the operator addressed («ольга петровна у меня вопрос»), not
// personal data.
func operatorNames(all []*scan, c *opNameCache) {
	for _, o := range all {
		if o == nil || o.role == schemas.RoleClient {
			continue
		}
		for _, r := range o.segs {
			for i := r.from; i < r.to && c.n < len(c.names); i++ {
				if o.toks[i].has(tFirstName) && (r.k == 0 || o.introducedAt(i)) {
					c.names[c.n] = o.norm(i)
					c.n++
				}
			}
		}
	}
	c.done = true
}

// echoWindow is how long after a number is masked its digits said again
// are masked too (a read-back, a correction), in seconds.
const echoWindow = 20

// ruleEcho and ruleGoesOn are the echo rules («phone/echo»,
// «phone/continued»), by typeIndex.
var ruleEcho, ruleGoesOn, ruleRestart = func() (e, g, r [numTypes]ruleID) {
	for i, t := range typeAt {
		e[i], g[i], r[i] = ruleName(t, ruleEchoed), ruleName(t, ruleContinued), ruleName(t, ruleRestarted)
	}
	return e, g, r
}()

// echoWord reports whether token i is a word an echo may repeat: a name
// or a mailbox's word, not a function, cue or number word.
func (s *scan) echoWord(i int) bool {
	t := &s.toks[i]
	return t.nl >= 5 && !t.has(tStop|tCue|tTrap|tUnit|tNum|tConn|tMonth|tOperator|tAt|tDot|tTLD|tEmailCue|tJoin) && isLetters(s.normOf(t))
}

// numberEchoes claims the numbers of s that repeat or go on with a
// masked number of the call.
func (s *scan) numberEchoes(all []*scan) {
	// The times the claims were said, to skip at once a number said far
	// from any (most of a call's prices and dates).
	var buf [16]float64
	ats := buf[:0]
	for _, o := range all {
		for k := 0; o != nil && k < len(o.nclaims) && len(ats) < len(buf); k++ {
			ats = append(ats, o.nclaims[k].at)
		}
	}
	near := func(at float64) bool {
		for _, c := range ats {
			// (Or a claim after it: a false start before the number.)
			if c <= at+0.5 && at-c <= echoWindow || c > at && c-at <= 2*echoWindow {
				return true
			}
		}
		return len(ats) == len(buf) // too many to tell: read it
	}
	prevEnd := 0
	var z zone
	// i is where the next number may start (a run starts only at one of
	// the starts account filed: numbers).
	i := 0
	for _, c := range s.starts {
		if int(c) < i {
			continue
		}
		i = int(c)
		if s.marks[i] != 0 || !s.toks[i].mayStartRun() || !s.isRunStart(i) || !near(s.t0(&s.toks[i])) {
			continue
		}
		s.readZone(i, &z, 0)
		if z.to <= i {
			continue
		}
		i = z.to
		// (A SNILS's control number after «контрольная сумма» is no
		// sum: controlNamed below.)
		control := z.d1-z.d0 == 2 && s.controlNamed(z.from)
		// The end of a number masked before as a record has it, another
		// version («[inn]» — «а у вас в конце 903 вписано», «а в справке в
		// конце стоит девятьсот девяносто восемь»: causes block LP).
		recorded := z.d1-z.d0 <= 4 && s.recordedEnd(z.from)
		// (Not with a unit right after it: «контрольная сумма 45
		// рублей», «в конце стоит двенадцать штук» are quantities, which
		// the checks below pass by.)
		control = (control || recorded) && !s.quantityAfter(z.to)
		if s.claimed(z.from, z.to) || z.d0 == z.d1 || !control && (s.quantityAfter(z.to) && !s.waitCloses(z.to) && !s.digitsBeforeMoneyVerb(&z) && !s.codeBeforeMoneyVerb(all, &z) || s.expiryAsked(&z) || s.expiryNamedAfter(&z) || z.from > 0 && s.marks[z.from-1] != 0 && s.monthYear(z.from) && z.to == z.from+2 ||
			s.toks[z.to-1].num() == nkThousand || s.moneyAmount(&z) || s.roundThousands(&z)) {
			// (A card's expiry, asked for or said right after it, is
			// none of its digits; a sum, «200 тысяч», «перевод 9 999»,
			// repeats no number, as classify says.)
			prevEnd = z.to
			continue
		}
		// A number its own words say is a ticket's or a tariff's is one,
		// whatever digits it shares.
		// (Not a person's number said again as a record has it, as long
		// and with most of its digits, after a trap word: «в профиле
		// стоит 7815 063424», «в заявке было 80 12 114 360» after the
		// passport masked: causes block LZ.)
		var tbuf [8]Type
		ver := s.versionSaid(&z)
		if _, trap, _ := s.cueBefore(&z, prevEnd, tbuf[:0]); trap && !control && ver == "" && !s.recordedVersion(all, &z) {
			prevEnd = z.to
			continue
		}

		d := s.zoneDigits(&z)
		at := s.t0(&s.toks[z.from])
		part := s.partCue(&z, prevEnd)
		end := s.t1(&s.toks[z.to-1])
		dropped := s.droppedStart(&z)
		typ, rule := Type(""), ruleDropped
		// A SNILS's control number said alone after its name, a SNILS
		// masked in the 60 s before it («записала а контрольное число
		// семьдесят девять да», «и контрольное число» — «контрольное
		// семьдесят восемь»: causes block LJ).
		if control {
			for _, o := range all {
				for k := 0; o != nil && k < len(o.nclaims) && typ == ""; k++ {
					c := &o.nclaims[k]
					if ct := typeAt[c.typ]; !c.weak && c.at <= at+0.5 && at-c.at <= 60 && (ct == SNILS || recorded && c.d1-c.d0 >= 10 && (ct == INN || ct == Account || ct == Card || ct == Passport || ct == Phone)) {
						typ, rule = ct, ruleEcho[c.typ]
					}
				}
			}
		}
		// A document's old or new number said after «старый», «новый» in
		// the sentence of the other (causes block UD2).
		if typ == "" && ver != "" {
			typ, rule = ver, ruleEcho[typeIndex(ver)]
		}
		// A number corrected right after it in its sentence, «а надо»,
		// «а правильно» between («я ввёл 2 8 8 а надо 2 3 8»: causes
		// block LQ): the masked number's type, when as long.
		if typ == "" {
			if t := s.correctedAfterMasked(&z, len(d)); t != "" {
				typ, rule = t, ruleEcho[typeIndex(t)]
			}
		}
		// An account's start read back with its zero dropped, «сорок
		// восемь семнадцать» for 40817: «сорок» and «восемь» said as 40
		// and 8 (causes block LO).
		// (Or another account's start so said, a person's or a farm's
		// class, 408 or 407, an account masked on either side in the
		// minute before or the 40 s after it: an old account, «да старый
		// сорок восемь ноль восемь», a start said and dropped, «сорок семь
		// восемьсот два восемьсот десять это не то», a read-back gone
		// wrong; not a round sum, «сорок восемь двести»: causes block MD.)
		if typ == "" && len(d) >= 4 && z.to-z.from >= 2 && s.toks[z.from].num() == nkTens && s.toks[z.from+1].num() == nkUnit && s.norm(z.from+1) != "ноль" {
			var buf [32]byte
			d2 := append(append(append(buf[:0], d[0]), '0'), d[1:]...)
			// (Nor the answer to the other side's question for a number a
			// trap word names: «назовите номер отправления» — «бб сорок
			// восемь двести семьдесят шесть ...», a parcel's.)
			class := (string(d2[:3]) == "408" || string(d2[:3]) == "407") && !strings.HasSuffix(d, "00") && !s.trapAskedBefore(at)
			// (And only an account's start by its shape, the class alone,
			// «сорок восемь ноль восемь», or with the rouble's 810 after
			// it, «сорок семь ноль два восемьсот десять» (one digit
			// slipped in allowed: «сорок семь восемьсот два восемьсот
			// десять»), or after an account's word in the four words
			// before it on its side, «счёт продавца» — «сорок восемь сто
			// семьдесят восемь ...», «счёт» not a sum's «счёт на»: a sum
			// is as much a number in words, «сорок восемь двести
			// пятьдесят»: review rv23.)
			if class && len(d2) != 5 && !strings.Contains(string(d2[min(5, len(d2)):min(9, len(d2))]), "810") {
				named := false
				for j := z.from - 1; j >= 0 && j >= z.from-4 && !named; j-- {
					named = s.toks[j].has(tCue) && s.toks[j].cue() == Account && s.norm(j+1) != "на"
				}
				class = named
			}
			for _, o := range all {
				for k := 0; o != nil && k < len(o.nclaims) && typ == ""; k++ {
					c := &o.nclaims[k]
					if cd := o.cdig[c.d0:c.d1]; !c.weak && typeAt[c.typ] == Account && (c.at <= at+0.5 && at-c.at <= echoWindow && len(cd) > len(d2) && string(cd[:len(d2)]) == string(d2) ||
						class && len(d2) < len(cd) && (c.at <= at+0.5 && at-c.at <= 60 || c.at > at && c.at-at <= 2*echoWindow)) {
						typ, rule = Account, ruleEcho[c.typ]
					}
				}
			}
		}
		// A security code or a code said again after «ой» and a filler,
		// the value before masked by a rule run after numbers («сзади
		// [восемьдесят восемь] ой там ноль восемьдесят восемь»).
		if t := s.oopsCorrected(&z); typ == "" && t != "" {
			typ, rule = t, ruleName(t, ruleCue)
		}
		for _, o := range all {
			if o == nil || typ != "" {
				continue
			}
			for k := range o.nclaims {
				c := &o.nclaims[k]
				if c.weak {
					if part && o != s && c.at <= at+0.5 && at-c.at <= echoWindow && s.endCorrected(&z, d, string(o.cdig[c.d0:c.d1])) {
						typ, rule = Number, ruleEcho[c.typ]
						break
					}
					continue
				}
				if c.at > at+0.5 {
					// The dictation the other side then reads back, masked
					// there by its cue or shape («606 765 97» — «418 606
					// 765 97 так»): five of its digits or more, or all of
					// it («5 5 1 2» — «код пять пять один два принят»).
					// Or a card's or an account's first group, four digits,
					// read back while the rest is still being dictated
					// («так две двести четыре и дальше»).
					// Or a group of three or four digits read back, alone in
					// its sentence, while the dictation it is from goes on
					// («8 916» — «916 так» — «444 0 3 2 1»).
					if cd := string(o.cdig[c.d0:c.d1]); o != s && c.at-end <= echoWindow && (len(d) >= 5 && strings.Contains(cd, d) || len(d) >= 3 && d == cd ||
						len(d) == 4 && len(cd) >= 12 && strings.HasPrefix(cd, d) ||
						len(d) >= 3 && len(d) <= 4 && len(cd) >= 10 && c.from < at && strings.Contains(cd, d) && s.aloneInSentence(&z)) {
						typ, rule = typeAt[c.typ], ruleEcho[c.typ]
						break
					}
					// A security code or a code said first without its
					// leading zero, then said or read back whole («код с
					// обратной стороны» — «восемьдесят девять» — «то есть 0 8
					// 9»; «код семьдесят один» — «три цифры должно быть» —
					// «ноль семьдесят один»: causes block LE).
					if cd := string(o.cdig[c.d0:c.d1]); c.at-end <= echoWindow && zeroDropped(d, cd) && (typeAt[c.typ] == CVV || typeAt[c.typ] == Code || c.part) {
						typ, rule = typeAt[c.typ], ruleEcho[c.typ]
						break
					}
					if cd := string(o.cdig[c.d0:c.d1]); c.at-end <= echoWindow && s.cvvStartFirst(&z, d, cd, typeAt[c.typ], c.part) {
						typ, rule = typeAt[c.typ], ruleEcho[c.typ]
						break
					}
					if cd := string(o.cdig[c.d0:c.d1]); o != s && c.at-end <= echoWindow && s.lastPieceReadBack(&z, d, cd, typeAt[c.typ], at) {
						typ, rule = typeAt[c.typ], ruleEcho[c.typ]
						break
					}
					continue
				}
				if at-c.at > echoWindow {
					continue
				}
				// The other side asked for another number by a trap word
				// since («кпп» — «662301001» after the INN «6623 ...»: a
				// KPP opens with its INN's four digits; «а номер заказа»):
				// this one answers that question, no repeat.
				if s.trapAskedBetween(c.at, at) {
					continue
				}
				ct := typeAt[c.typ]
				if echoOf(d, string(o.cdig[c.d0:c.d1]), part) {
					typ, rule = ct, ruleEcho[c.typ]
					break
				}
				// Two pieces the other side said in one breath read back
				// whole («три ноль и пять восемь» — «3058 спасибо»: causes
				// block UC2).
				if o != s && k+1 < len(o.nclaims) && piecesWhole(d, o, c, &o.nclaims[k+1]) {
					typ, rule = ct, ruleEcho[c.typ]
					break
				}
				// «1 1 4 7» — «а у нас указан 1174»: the other side reads
				// a short number back with its digits in another order
				// (its record differs, or a slip).
				if o != s && len(d) >= 3 && len(d) <= 6 && int(c.d1-c.d0) == len(d) && sameDigits(d, string(o.cdig[c.d0:c.d1])) {
					typ, rule = ct, ruleEcho[c.typ]
					break
				}
				// A security code or a code the other side reads back with
				// one of its digits missed, alone in its sentence, in the
				// 10 s after it («4 0 8» — «4 8», «3 9 1 7» — «3 9 7»: cp;
				// causes block RG).
				if cd := string(o.cdig[c.d0:c.d1]); o != s && (ct == CVV || ct == Code) && at-c.at <= 10 && len(d) >= 2 && len(d)+1 == len(cd) && digitDropped(d, cd) && s.aloneInSentence(&z) {
					typ, rule = ct, ruleEcho[c.typ]
					break
				}
				// «82 15 604 170 верно» — «нет сто семнадцать в конце»:
				// the other side's read-back corrected at its end.
				if part && o != s && s.endCorrected(&z, d, string(o.cdig[c.d0:c.d1])) {
					typ, rule = ct, ruleEcho[c.typ]
					break
				}
				// «вторая на 3830» after a card's ending.
				if c.part && len(d) == 4 && z.from > 0 && s.norm(z.from-1) == "на" {
					typ, rule = ct, ruleName(ct, ruleCue)
					break
				}
				// (A mixed channel is both speakers: who goes on is unknown;
				// after the other side's question, the number answers it.
				// What goes on from a card's last four digits is another
				// group of four, its start: «конец 0069» — «4276 а дальше
				// нет», not «картой 8380» — «от одного до пяти дней».)
				// (A passport's six digits after its series' four complete
				// it whatever follows them: «паспорт 4510» — «123456 12 мая
				// 2015 года».)
				completes := ct == Passport && c.d1-c.d0 == 4 && len(d) == 6
				// (A whole card, Luhn's check passed, goes on with no
				// digits: four after it of a month's and a card's year's
				// shape are its expiry when the other side asked for it,
				// «месяц и год», which no list knows for a question, or an
				// expiry's word is said before them: «[card]» — «ноль
				// девять двадцать шесть»; bx, by, causes block QO. Asked
				// nothing, they are the card going on: «[card]» — «1234»,
				// rv24.)
				whole := ct == Card && !c.part && c.d1-c.d0 >= 16 && expiryDigits(d) && luhn(string(o.cdig[c.d0:c.d1])) && (s.expiryWordBefore(z.from) || s.expiryAskedAround(all, at))
				if o == s && s.role != schemas.RoleMixed && at-c.at <= 15 && !whole && !(c.part && ct == Card && c.d1-c.d0 == 4 && len(d) != 4) && s.goesOn(&z, completes) && !s.askedBetween(c.at, at) && !otherClaimBetween(all, c.typ, c.at, at) && !s.enOhWord(&z) {
					typ, rule = ct, ruleGoesOn[c.typ]
					break
				}
			}
			// A dictation begun and dropped, the number said anew after
			// it (or read back by the other side): the false start is
			// the number's too.
			for k := range o.nclaims {
				if c := &o.nclaims[k]; dropped && !c.weak && c.at > end && c.at-end <= echoWindow && len(d) <= int(c.d1-c.d0) {
					typ, rule = typeAt[c.typ], ruleRestart[c.typ]
					break
				}
			}
		}
		prevEnd = z.to
		if typ != "" && !s.negatedCueBefore(z.from) {
			s.claim(typ, rule, z.from, z.to)
		}
	}
}

// expiryWordBefore reports whether the word before token k, in its
// sentence, names a card's expiry («до 03 29», «срок 05 27», «действует
// до», «годна»).
func (s *scan) expiryWordBefore(k int) bool {
	return k > 0 && s.toks[k-1].seg == s.toks[k].seg && isWord(s.norm(k-1), "до", "срок", "действия", "действует", "годна", "годен")
}

// expiryAskedAround reports whether another channel asked for a card's
// expiry in the 20 s before at: a sentence saying «месяц», «год», «срок»
// or «до какого» («месяц и год окончания», «а срок действия»). Read in the
// segments' text: the rules load no such sentence (no word of it is a
// trigger).
func (s *scan) expiryAskedAround(all []*scan, at float64) bool {
	for _, o := range all {
		if o == nil || o == s {
			continue
		}
		for k := range o.src {
			seg := &o.src[k]
			if seg.Start > at+0.5 || at-seg.Start > 20 {
				continue
			}
			prev := ""
			for _, w := range strings.FieldsFunc(strings.ToLower(seg.Text), func(r rune) bool { return !unicode.IsLetter(r) }) {
				if isWord(w, "месяц", "год", "срок") || prev == "до" && isWord(w, "какого", "какой") {
					return true
				}
				prev = w
			}
		}
	}
	return false
}

// trapAskedBefore reports whether the other side asked for a number by a
// trap word that names it in the 10 s before at («номер отправления»,
// «номер заказа»).
func (s *scan) trapAskedBefore(at float64) bool {
	if s.otherCueNear(at, func(e *cueEvent) bool { return e.trap && e.named }) {
		return true
	}
	return false
}

// recordedVersion reports whether z is a person's number masked in the
// 60 s before on either side (a passport, a SNILS, an INN, an account, a
// card, a phone) said again as long, with its last four digits, its first
// four (not a phone's or a card's) or all but two in place: the record's
// version of it, read out after a trap word («назовите серию номер» —
// «[7815 063442]» — «в профиле стоит 7815 063424», «в анкете стоит ...»,
// «в заявке было ...»). A ticket's or an order's number shares no nine
// digits' such likeness with one by chance.
func (s *scan) recordedVersion(all []*scan, z *zone) bool {
	n := int(z.d1 - z.d0)
	if n < 9 {
		return false
	}
	d, at := s.zoneDigits(z), s.t0(&s.toks[z.from])
	for _, o := range all {
		for k := 0; o != nil && k < len(o.nclaims); k++ {
			c := &o.nclaims[k]
			if c.weak || int(c.d1-c.d0) != n || c.at > at+0.5 || at-c.at > 60 {
				continue
			}
			t := typeAt[c.typ]
			switch t {
			case Passport, SNILS, INN, Account, Card, Phone:
			default:
				continue
			}
			// (A phone's first four digits are 8 and its operator's
			// code, a card's its bank's: strangers share them.)
			if cd := string(o.cdig[c.d0:c.d1]); cd[:4] == d[:4] && t != Phone && t != Card || cd[n-4:] == d[n-4:] || differIn(cd, d) <= 2 {
				return true
			}
		}
	}
	return false
}

// differIn is how many places two strings of one length differ in.
func differIn(a, b string) int {
	n := 0
	for i := range a {
		if a[i] != b[i] {
			n++
		}
	}
	return n
}

// digitsBeforeMoneyVerb reports whether z is three digits or more said
// one by one before a verb of money moving («6 1 9 списали», «ноль
// восемь семь оплачено»): nobody says a sum digit by digit, so the verb
// makes no amount of it, and a masked code's or CVV's digits read back
// before it are an echo (causes block KS).
func (s *scan) digitsBeforeMoneyVerb(z *zone) bool {
	return z.to-z.from >= 3 && s.moneyVerb(z.to) && s.digitByDigit(z)
}

// codeBeforeMoneyVerb reports whether z, right before a verb of money
// («списано», «оплачено»), is a security code or a verification code the
// other side said in the echoWindow before it, read back in any grouping
// as the payment goes through («8 8 1» — «восемьсот восемьдесят один
// списано 18 340», «4 9 0» — «490 оплачено 12 340»: bv, cp): the sum is
// the number after the verb, and a code's three or four digits said back
// whole are no sum's.
func (s *scan) codeBeforeMoneyVerb(all []*scan, z *zone) bool {
	if !s.moneyVerb(z.to) || z.d1-z.d0 < 3 || z.d1-z.d0 > 4 {
		return false
	}
	d, at := s.zoneDigits(z), s.t0(&s.toks[z.from])
	for _, o := range all {
		if o == nil || o == s {
			continue
		}
		for k := range o.nclaims {
			c := &o.nclaims[k]
			if t := typeAt[c.typ]; !c.weak && (t == CVV || t == Code) && c.at <= at+0.5 && at-c.at <= echoWindow && string(o.cdig[c.d0:c.d1]) == d {
				return true
			}
		}
	}
	return false
}

// sameDigits reports whether a and b hold the same digits, each as many
// times, in any order.
func sameDigits(a, b string) bool {
	var n [10]int
	for i := range a {
		n[a[i]-'0']++
	}
	for i := range b {
		n[b[i]-'0']--
	}
	return n == [10]int{}
}

// digitDropped reports whether d is c with one digit left out.
func digitDropped(d, c string) bool {
	if len(d)+1 != len(c) {
		return false
	}
	i := 0
	for i < len(d) && d[i] == c[i] {
		i++
	}
	return d[i:] == c[i+1:]
}

// aloneInSentence reports whether a zone is its sentence but for two
// words at most («916 так», «да 2202»).
func (s *scan) aloneInSentence(z *zone) bool {
	seg, n := s.toks[z.from].seg, 0
	for j := z.from - 1; j >= 0 && s.toks[j].seg == seg; j-- {
		n++
	}
	for j := z.to; j < len(s.toks) && s.toks[j].seg == seg; j++ {
		n++
	}
	return n <= 2
}

// endCorrected reports whether digits d, said after «нет» (in the two
// words before the zone), replace the end of the masked number c: two to
// four digits, c at least three longer, and at most two of them changed.
func (s *scan) endCorrected(z *zone, d, c string) bool {
	if len(d) < 2 || len(d) > 4 || len(c) < len(d)+3 {
		return false
	}
	no := false
	for j := z.from - 1; j >= 0 && j >= z.from-2 && s.toks[j].seg == s.toks[z.from].seg; j-- {
		no = no || s.norm(j) == "нет"
	}
	if !no {
		return false
	}
	diff, tail := 0, c[len(c)-len(d):]
	for k := range d {
		if d[k] != tail[k] {
			diff++
		}
	}
	return diff <= 2
}

// echoOf reports whether digits d repeat the masked number c: all of it,
// its start or its end (three digits or more; two when the words say it
// is the end: «69 на конце»), five digits of it or more, or, for a
// correction of six digits or more, its first or last four.
func echoOf(d, c string, part bool) bool {
	switch {
	case len(d) < 2:
		return false
	case d == c:
		return true
	case len(d) >= 3 && (strings.HasPrefix(c, d) || strings.HasSuffix(c, d)):
		return true
	case part && strings.HasSuffix(c, d):
		return true
	case len(d) >= 5 && strings.Contains(c, d):
		return true
	case len(d) >= 6 && (strings.Contains(c, d[:4]) || strings.Contains(c, d[len(d)-4:])):
		return true
	}
	return false
}

// birthEchoes masks a date of birth masked on any channel said again
// word for word, three words at least (its year with its day and month)
// («мамины данные» — «руденко зинаида павловна восьмое января тридцать
// шестого» — «восьмое января тридцать шестого есть шестнадцатое восемь
// сорок», the read-back before an appointment's date: causes block LI).
func (s *scan) birthEchoes(all []*scan) {
	bi := uint8(typeIndex(Birthdate))
	for _, o := range all {
		if o == nil {
			continue
		}
		for k := range o.found {
			f := &o.found[k]
			// (Not a day and a month alone: an appointment may fall on
			// the birthday, «пятое марта».)
			n := f.to - f.from
			if f.typ != bi || f.rule == ruleDropped || n < 3 || n > 8 {
				continue
			}
			for i := 0; i+n <= len(s.toks); i++ {
				if s.marks[i] != 0 || s.norm(i) != o.norm(f.from) || s.toks[i+n-1].seg != s.toks[i].seg {
					continue
				}
				same := true
				for j := 1; j < n && same; j++ {
					same = s.marks[i+j] == 0 && s.norm(i+j) == o.norm(f.from+j)
				}
				if same {
					s.claim(Birthdate, ruleEcho[bi], i, i+n)
					i += n - 1
				}
			}
		}
	}
}

// correctedAfterMasked returns the type of the number masked right
// before z in its sentence when the words between say z corrects it
// («а надо», «а правильно», «а должно быть») and z has as many digits,
// three to twelve; "" otherwise.
func (s *scan) correctedAfterMasked(z *zone, n int) Type {
	if n < 3 || n > 12 {
		return ""
	}
	seg, k := s.toks[z.from].seg, z.from-1
	words := 0
	for k >= 0 && s.toks[k].seg == seg && s.marks[k] == 0 && words < 3 && isWord(s.norm(k), "а", "надо", "нужно", "правильно", "должно", "быть") {
		k--
		words++
	}
	if words < 2 || k < 0 || s.toks[k].seg != seg || s.marks[k] == 0 || s.norm(k+1) != "а" {
		return ""
	}
	f := &s.found[s.marks[k]-1]
	t := typeAt[f.typ]
	switch t {
	case CVV, Code, Card, Passport, SNILS, INN, Account, Phone:
	default:
		return ""
	}
	for c := range s.nclaims {
		if x := &s.nclaims[c]; x.at == s.t1(&s.toks[f.to-1]) && int(x.d1-x.d0) == n {
			return t
		}
	}
	return ""
}

// recordedEnd reports whether a number at token i is said as what a
// record has at a number's end: «в конце» right before it, or before
// a verb of writing that comes before or after it («в конце 82
// записано», «в конце стоит 998», «в конце написано двадцать один»).
func (s *scan) recordedEnd(i int) bool {
	seg, k := s.toks[i].seg, i-1
	if k >= 0 && s.toks[k].seg == seg && recordVerb(s.norm(k)) {
		k--
	}
	return k >= 1 && s.toks[k-1].seg == seg && s.norm(k) == "конце" && isWord(s.norm(k-1), "в", "на")
}

// recordVerb reports whether w says what a record has written.
func recordVerb(w string) bool {
	return isWord(w, "стоит", "написано", "записано", "вписано", "указано", "значится", "пишет")
}

// controlNamed reports whether a SNILS's control number is named right
// before token i in its sentence: «контрольное», «контрольная сумма»,
// «контрольное число».
func (s *scan) controlNamed(i int) bool {
	k := i - 1
	if k >= 1 && s.toks[k].seg == s.toks[i].seg && isWord(s.norm(k), "число", "цифры", "сумма") {
		k--
	}
	return k >= 0 && s.toks[k].seg == s.toks[i].seg && isWord(s.norm(k), "контрольное", "контрольные", "контрольная", "контрольный")
}

// birthCorrected masks a date of birth corrected after «нет» in the
// answer to the other side's sentence that had one masked, in the 20 s
// before: the whole date after «нет», with its year, and the day and
// month said wrong right before «нет» («крылова дарья васильевна ... 12
// мая 2010» — «у дочки 12 мая нет 21 мая 2010»: causes block LN).
func (s *scan) birthCorrected(all []*scan) {
	bi := uint8(typeIndex(Birthdate))
	for _, r := range s.segs {
		if r.from >= r.to {
			continue
		}
		k := r.from
		for k < r.to && k < r.from+6 && s.norm(k) != "нет" {
			k++
		}
		if k >= r.to-2 || s.norm(k) != "нет" || s.marks[k+1] != 0 {
			continue
		}
		// (Or a day and a month, no year, as a record has them: «нет у
		// нас в профиле шестое апреля», causes block UL2.)
		j := k + 1
		for j < r.to && j <= k+5 && recordWord(s.norm(j)) {
			j++
		}
		recorded := j > k+1
		e := s.dateRun(j)
		if e <= j+1 || e > r.to || !recorded && (!s.hasYear(j, e) || j != k+1) || !s.monthNamed(j, e) || s.claimed(j, e) {
			continue
		}
		at := s.t0(&s.toks[r.from])
		asked := false
		// (The record's day and month, no year, correct a date of birth
		// said whole, with its year, in the other side's latest sentence:
		// not a date the client gave for another question, «когда был
		// последний платеж» — «пятнадцатого мая» — «нет у нас в системе
		// двадцатое мая»; review rv22b.)
		for _, o := range all {
			if o == nil || o == s {
				continue
			}
			last := -1 // the other side's latest sentence before r
			for _, q := range o.segs {
				if q.from < q.to && o.t1(&o.toks[q.to-1]) <= at+0.5 {
					last = int(o.toks[q.from].seg)
				}
			}
			for f := 0; f < len(o.found) && !asked; f++ {
				if x := &o.found[f]; x.typ == bi && x.rule != ruleDropped {
					end := o.t1(&o.toks[x.to-1])
					asked = end <= at+0.5 && at-end <= 20 && (!recorded || int(o.toks[x.from].seg) == last && o.hasYear(x.from, x.to))
				}
			}
		}
		if !asked {
			continue
		}
		s.claim(Birthdate, ruleEcho[bi], j, e)
		// The day and the month said wrong before «нет».
		if b := k - 2; !recorded && b >= r.from && s.marks[b] == 0 && s.marks[b+1] == 0 && s.toks[b+1].has(tMonth) && s.toks[b].has(tNum) && !s.toks[b].has(tMonth) {
			s.claim(Birthdate, ruleEcho[bi], b, k)
		}
	}
}

// childBirthAfterName masks a child's date of birth, a whole date with a
// year since 2000 and its month by name, said in the answer to the other
// side's sentence that named the child (a child's word and a masked
// name, in the 20 s before), or in a sentence where the child's word and
// a masked name come before it («ребенок [name]» — «да 17 июня 2024»,
// «ребёнок [name] правильно» — «[name] да ей три года 5 января 2023»:
// causes block LS). Not after a preposition (an appointment's «на 5
// января 2027»).
func (s *scan) childBirthAfterName(all []*scan) {
	bi := uint8(typeIndex(Birthdate))
	childWord := func(w string) bool {
		return isWord(w, "ребенок", "ребёнок", "ребенка", "ребёнка", "ребенку", "ребёнку", "дочка", "дочь", "сын", "сынок", "малыш", "малышка")
	}
	for _, r := range s.segs {
		for i := r.from; i < r.to; i++ {
			// (The day right before its month: «ей три года 5 января
			// 2023» is an age, then the date.)
			if s.marks[i] != 0 || !s.toks[i].has(tNum) || i+1 >= r.to || !s.toks[i+1].has(tMonth) || i > r.from && (preposition(s.norm(i-1)) || s.toks[i-1].has(tNum)) {
				continue
			}
			e := s.dateRun(i)
			if e <= i+2 || e > r.to || !s.hasYear(i, e) || !s.monthNamed(i, e) || s.claimed(i, e) {
				continue
			}
			// Only the child's name, age and words pointing at them
			// before it in its sentence: no payment's or visit's word
			// («да оплата была 3 марта 2025», «да приём 12 января 2027»).
			lead := true
			for j := r.from; j < i && lead; j++ {
				w := s.norm(j)
				lead = s.maskedAs(j, Name) || s.toks[j].has(tNum) && !s.toks[j].has(tMonth) || childWord(w) ||
					isWord(w, "да", "ну", "так", "вот", "это", "ей", "ему", "её", "его", "у", "нас", "неё", "него", "второй", "второго", "первый", "младший", "младшая", "старший", "старшая", "года", "год", "лет", "месяцев")
			}
			if !lead {
				continue
			}
			young := false
			for j := i; j < e; j++ {
				if w := s.norm(j); year(w) && w >= "2000" {
					young = true
				}
			}
			// (Or a two-digit year in words after the month, of this
			// century up to 2024 (not an appointment's of these years:
			// «сын пятое мая двадцать шестого приём»), a child's word
			// before it in its sentence: «второй ребёнок двадцатое марта
			// двадцать третьего», cd; causes block RK2.)
			for j := i; j < e && !young; j++ {
				if !s.toks[j].has(tMonth) || j+1 >= e {
					continue
				}
				v, pe, month, ord, whole := s.datePart(j + 1)
				young = pe == e && !month && ord && !whole && v >= 0 && v <= 24 && s.childWordBefore(r.from, i)
			}
			if !young {
				continue
			}
			// The child's word and a masked name before the date in its
			// sentence, or in the other side's sentence before it.
			named := false
			kid, name := false, false
			for j := r.from; j < i; j++ {
				kid = kid || childWord(s.norm(j))
				name = name || s.maskedAs(j, Name)
			}
			named = kid && name
			at := s.t0(&s.toks[r.from])
			for _, o := range all {
				if o == nil || o == s || named {
					continue
				}
				for _, q := range o.segs {
					if q.from >= q.to {
						continue
					}
					if end := o.t1(&o.toks[q.to-1]); end > at+0.5 || at-end > 20 {
						continue
					}
					k, n := false, false
					for j := q.from; j < q.to; j++ {
						k = k || childWord(o.norm(j))
						n = n || o.maskedAs(j, Name)
					}
					named = named || k && n
				}
			}
			if named {
				s.claim(Birthdate, ruleEcho[bi], i, e)
			}
			i = e - 1
		}
	}
}

// childWordBefore reports whether a child's word is said in tokens
// [from, to).
func (s *scan) childWordBefore(from, to int) bool {
	for j := from; j < to; j++ {
		if isWord(s.norm(j), "ребенок", "ребёнок", "ребенка", "ребёнка", "ребенку", "ребёнку", "дочка", "дочь", "сын", "сынок", "малыш", "малышка") {
			return true
		}
	}
	return false
}

// zeroDropped reports whether d is the three digits of c, a code opening
// with 0, said without its zero («восемьдесят девять» for 089).
func zeroDropped(d, c string) bool {
	return len(d) == 2 && len(c) == 3 && c[0] == '0' && c[1:] == d
}

// trapAskedBetween reports whether the other side asked for a number by
// a trap word naming it («кпп», «номер заказа») between from and to.
func (s *scan) trapAskedBetween(from, to float64) bool {
	for k := range s.others {
		if e := &s.others[k]; !e.own && e.trap && e.named && e.at > from && e.at <= to+0.5 {
			return true
		}
	}
	return false
}

// askedBetween reports whether the other side said a cue or a trap
// word (a question: «номер заказа», «а номер обращения») between from and
// to, or the speaker named another number there by its trap word.
func (s *scan) askedBetween(from, to float64) bool {
	for k := range s.others {
		if e := &s.others[k]; !e.own && (e.cue != 0 || e.trap) && e.at >= from && e.at <= to+0.5 {
			return true
		}
	}
	// (Or the speaker began another number since, its trap word naming
	// it: «карта [4276 1300]» — «номер заказа 34 96» — «765 8», the
	// order's rest, not the card's.)
	for k := range s.cues {
		if e := &s.cues[k]; e.trap && e.named && e.at > from && e.at < to {
			return true
		}
	}
	return false
}

// droppedStart reports whether a number is a dictation begun and
// dropped: two digits or more, no date or time, said right after a word
// like «вот», «номер», «мой» or an identifier's cue (not a preposition,
// a trap, a unit or a word no list knows: «показания 1245»), and broken
// off by a correction right after it («8 9 9 9 ой», «восемь девятьсот ой
// городской лучше», «77 12 то есть», «8 4 9 5 а нет это домашний»). What
// the speaker says next is the number they meant.
func (s *scan) droppedStart(z *zone) bool {
	if z.n() < 2 || s.dateOrTime(z) || s.clockTime(z) || s.timeLike(z) {
		return false
	}
	seg := s.toks[z.from].seg
	if j := z.from - 1; j >= 0 && s.toks[j].seg == seg {
		t := &s.toks[j]
		if !t.has(tConn|tFiller|tStop|tCue) || t.has(tTrap|tUnit|tMonth|tHouse|tStreet|tNum) || isWord(s.normOf(t), "в", "во", "с", "со", "до", "к", "на", "по", "от", "за", "из", "у") {
			return false
		}
	}
	for j := z.to; j < len(s.toks) && j < z.to+2 && s.toks[j].seg == seg; j++ {
		w := s.norm(j)
		if correctionWord(w) || j+1 < len(s.toks) && s.toks[j+1].seg == seg && (w == "то" && s.norm(j+1) == "есть" || w == "не" && isWord(s.norm(j+1), "так", "то", "тот", "та", "туда")) {
			return true
		}
		if !isWord(w, "а", "ну", "вот") {
			return false // «а нет», «ну блин»; not «3 посылки не пришли»
		}
	}
	return false
}

// correctionWord: a word a speaker breaks off a dictation with (or the
// line does: «код 4 7 алло» — «4 7 1 9 2»).
func correctionWord(w string) bool {
	return isWord(w, "ой", "нет", "стоп", "подождите", "погодите", "подожди", "извините", "простите", "блин", "вру", "ошибся", "ошиблась", "сбился", "сбилась", "неправильно", "перепутал", "перепутала", "алло")
}

// goesOn reports whether a number opens its sentence (after two words
// like «нет», «вот» at most, so with no cue or trap of its own before
// it), is no date or time, and ends its sentence (or completes the
// number it goes on, whatever follows): the rest of what the speaker was
// dictating.
func (s *scan) goesOn(z *zone, completes bool) bool {
	seg := s.toks[z.from].seg
	for j, n := z.from-1, 0; j >= 0 && s.toks[j].seg == seg; j, n = j-1, n+1 {
		if n >= 2 || !s.toks[j].has(tConn|tStop|tFiller) {
			return false
		}
	}
	// (No cue or trap before it: only «нет», «вот» open the sentence.)
	if s.dateOrTime(z) || s.clockTime(z) || s.timeLike(z) {
		return false
	}
	// A count names what it counts next («3 телевизора»); the rest of a
	// number ends the sentence or is followed by «а дальше», «вот».
	// (Or by a wait, and its reason: «93 27 секунду», «93 27 секунду
	// карту достану»: sentenceEnd.)
	if !completes && z.to < len(s.toks) && s.toks[z.to].seg == seg && !s.toks[z.to].has(tConn|tStop|tFiller) && s.sentenceEnd(z.to) == z.to {
		return false
	}
	return true
}

// timeLike: two groups that read as a time of day, on the hour or a
// quarter («16 00», «шесть тридцать»).
func (s *scan) timeLike(z *zone) bool {
	g := s.zoneGroups(z)
	if len(g) != 2 || g[0].n() > 2 {
		return false
	}
	h, m := s.groupDigits(g[0]), s.groupDigits(g[1])
	return (len(h) == 1 || h[0] <= '1' || h == "20" || h == "21" || h == "22" || h == "23") && (m == "00" || m == "15" || m == "30" || m == "45")
}

// skeleton appends to b how word w sounds, in Latin letters, for
// comparing a Cyrillic word with a Latin one: «горбунова» and
// «gorbunova», «вася» and «vasya» have one skeleton. Digits are left
// out («vasya2000»).
func skeleton(b []byte, w string) []byte {
	for _, r := range w {
		if len(b) > 56 {
			break
		}
		switch {
		case r >= 'a' && r <= 'z':
			c := byte(r)
			switch c {
			case 'y', 'j':
				c = 'i'
			case 'w':
				c = 'v'
			case 'q':
				c = 'k'
			case 'x': // кс: «alexey» — «алексей»
				b = append(b, 'k')
				c = 's'
			}
			// «kh» is х, «ts» ц: the second letter goes.
			if n := len(b); n > 0 && (c == 'h' && b[n-1] == 'k' || c == 's' && b[n-1] == 't') {
				b[n-1] = map[byte]byte{'k': 'h', 't': 'c'}[b[n-1]]
				continue
			}
			b = append(b, c)
		case r == 'ё':
			b = append(b, 'e')
		case r >= 'а' && r <= 'я':
			b = append(b, cyrLatin[r-'а']...)
		}
	}
	return b
}

// cyrLatin is each small Cyrillic letter а..я as skeleton spells it.
var cyrLatin = [...]string{"a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p",
	"r", "s", "t", "u", "f", "h", "c", "ch", "sh", "sh", "", "i", "", "e", "iu", "ia"}

// monthNumber is the month a month's word names (1 to 12), 0 for none.
func monthNumber(w string) int {
	for i, p := range [...]string{"январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"} {
		if strings.HasPrefix(w, p) && (i != 4 || isWord(w, "мая", "май", "мае")) {
			return i + 1
		}
	}
	return 0
}

// datePart reads the date's part that token k opens: a number in digits
// (four at most), a number in words as dates are said («восемьдесят
// четвёртый», «тысяча девятьсот восьмидесятого», «двадцать второе»), or a
// month's word. It returns the part's value (a month's number for a
// month), the token after it, and whether it is a month, an ordinal, a
// year said whole (four digits, or with «тысяча»). end is k when token k
// opens none.
func (s *scan) datePart(k int) (v, end int, month, ord, whole bool) {
	t := &s.toks[k]
	if t.has(tMonth) {
		if m := monthNumber(s.normOf(t)); m > 0 {
			return m, k + 1, true, false, false
		}
		return 0, k, false, false, false
	}
	if t.num() == nkDigits {
		w := s.normOf(t)
		if len(w) > 4 {
			return 0, k, false, false, false
		}
		n, _ := strconv.Atoi(w)
		return n, k + 1, false, false, len(w) == 4
	}
	last, j := nkNone, k
	for ; j < len(s.toks) && s.toks[j].seg == t.seg; j++ {
		kind := s.toks[j].num()
		val := lexEntries[s.toks[j].ent].num.val
		small := last == nkNone || last == nkThousand || last == nkHundred
		switch {
		case kind == nkThousand && (last == nkNone || last == nkUnit):
			v = max(v, 1) * 1000
			whole = true
		case kind == nkHundred && (last == nkNone || last == nkThousand),
			(kind == nkTens || kind == nkTeen) && small,
			kind == nkUnit && (small || last == nkTens):
			v += val
		case (kind == nkOrdinal && (small || last == nkTens && val < 10)) || kind == nkOrdTens && small || kind == nkOrdThous && last == nkNone:
			return v + val, j + 1, false, true, whole || v+val >= 1000
		default:
			return v, j, false, false, whole
		}
		last = kind
	}
	return v, j, false, false, whole
}

// birthValuesAgain masks a date of birth said again in the 30 s after it
// was masked on either side, in another form than it was said, in a
// sentence of its own (causes block RA): read back by the side that asked
// («8 сентября 1984» — «08 09 84»), confirmed with its day or its year
// («восьмидесятого да», «восьмое да восемьдесят четвёртый»), a month said
// right after it named again («пятнадцатое девятого восемьдесят второго
// ну сентябрь»). Every number of the sentence must be one of the date's
// (its day, its month, its year in two or four digits), its year among
// them (an appointment may fall on the birthday: a day and a month alone
// stay), said as a year (an ordinal, four digits, or with the day or the
// month), none after a preposition («с восемьдесят третьего года») or
// with a unit after it («1990 рублей»).
func (s *scan) birthValuesAgain(all []*scan) {
	bi := uint8(typeIndex(Birthdate))
	type part struct{ from, to int }
	for _, o := range all {
		for k := 0; o != nil && k < len(o.found); k++ {
			f := &o.found[k]
			if f.typ != bi || f.rule == ruleDropped {
				continue
			}
			// The date's values: the last number is its year when the
			// date has three parts, four digits, or «тысяча».
			var vals [3]int
			n, year := 0, -1
			for i := f.from; i < f.to && n < 3; {
				v, e, _, _, whole := o.datePart(i)
				if e == i {
					i++
					continue
				}
				vals[n] = v
				if whole || v >= 32 {
					year = n
				}
				n++
				i = e
			}
			if n == 3 {
				year = 2
			}
			if year < 0 {
				continue
			}
			yv := vals[year]
			matches := func(v int) (bool, bool) {
				if v == yv || yv >= 1900 && v == yv%100 {
					return true, true
				}
				for x := 0; x < n; x++ {
					if x != year && vals[x] == v {
						return true, false
					}
				}
				return false, false
			}
			end := o.t1(&o.toks[f.to-1])
			// A month said right after it named again.
			if s == o {
				j := f.to
				if j < len(s.toks) && s.toks[j].seg == s.toks[f.to-1].seg && isWord(s.norm(j), "ну", "то", "есть", "это") {
					j++
				}
				if j < len(s.toks) && s.toks[j].seg == s.toks[f.to-1].seg && s.marks[j] == 0 && s.toks[j].has(tMonth) && (j+1 == len(s.toks) || s.toks[j+1].seg != s.toks[j].seg) {
					if m := monthNumber(s.norm(j)); m > 0 {
						if ok, _ := matches(m); ok {
							s.claim(Birthdate, ruleEcho[bi], j, j+1)
						}
					}
				}
			}
			for _, r := range s.segs {
				if r.from >= r.to {
					continue
				}
				at := s.t0(&s.toks[r.from])
				if at < end-0.01 || at-end > 30 || s == o && r.from < f.to {
					continue
				}
				var pbuf [4]part
				parts := pbuf[:0]
				ok, yearSaid, nums := true, false, 0
				for i := r.from; i < r.to && ok; {
					if s.marks[i] != 0 || !s.toks[i].has(tNum|tMonth) {
						i++
						continue
					}
					v, e, month, ord, whole := s.datePart(i)
					if e == i || len(parts) == cap(pbuf) {
						ok = false
						break
					}
					m, y := matches(v)
					if month {
						m, y = false, false
						for x := 0; x < n; x++ {
							m = m || x != year && vals[x] == v
						}
					}
					after := e < r.to && (s.toks[e].has(tUnit) && !s.toks[e].has(tMonth) && !isWord(s.norm(e), "года", "год") || s.toks[e-1].sym)
					if !m || after || i > r.from && preposition(s.norm(i-1)) {
						ok = false
						break
					}
					if y && (ord || whole || e < r.to && isWord(s.norm(e), "года", "год")) {
						yearSaid = true
					}
					if y {
						nums |= 1
					} else {
						nums |= 2
					}
					parts = append(parts, part{i, e})
					i = e
				}
				if !ok || len(parts) == 0 || nums&1 == 0 || !yearSaid && nums != 3 {
					continue
				}
				// (Parts said one after another are one stretch.)
				for x := 0; x < len(parts); {
					y := x + 1
					for y < len(parts) && parts[y].from == parts[y-1].to {
						y++
					}
					s.claim(Birthdate, ruleEcho[bi], parts[x].from, parts[y-1].to)
					x = y
				}
			}
		}
	}
}

// birthPartAsked masks the part of a date of birth the other side asks
// for alone after the rest was masked, in the speaker's next sentence
// within 10 s of the question (causes block RA): the year after «а год»
// when the day and the month were masked («12 мая» — «а год» — «ну
// посчитайте восьмидесятый»), the day and the month after «а число»
// when the year was («1981» — «а число» — «тридцатого апреля»). The
// question is its words alone («а год», «год рождения», «какое число»);
// the part is the sentence's first number, in its first four words, not
// after a preposition nor with a unit after it.
func (s *scan) birthPartAsked(all []*scan) {
	bi := uint8(typeIndex(Birthdate))
	for k, nf := 0, len(s.found); k < nf; k++ {
		f := s.found[k]
		if f.typ != bi || f.rule == ruleDropped {
			continue
		}
		n, year, day := 0, false, false
		for i := f.from; i < f.to; {
			v, e, month, _, whole := s.datePart(i)
			if e == i {
				i++
				continue
			}
			n++
			year = year || whole || v >= 32 && !month
			day = day || month
			i = e
		}
		if n >= 3 || n == 0 {
			continue
		}
		wantYear := !year
		if !wantYear && (day || n > 1) {
			continue // (a year and more: nothing is missing a question names)
		}
		end := s.t1(&s.toks[f.to-1])
		q := -1.0
		for _, o := range all {
			if o == nil || o == s || q >= 0 {
				continue
			}
			for _, r := range o.segs {
				if r.from >= r.to || r.to-r.from > 4 {
					continue
				}
				at := o.t0(&o.toks[r.from])
				if at < end-0.01 || at-end > 15 {
					continue
				}
				named, only := false, true
				for i := r.from; i < r.to && only; i++ {
					w := o.norm(i)
					switch {
					case wantYear && isWord(w, "год", "года"), !wantYear && isWord(w, "число", "день"):
						named = true
					default:
						only = isWord(w, "а", "и", "ну", "так", "теперь", "еще", "ещё", "какой", "какого", "какое", "рождения", "месяц", "назовите", "скажите", "уточните")
					}
				}
				if named && only {
					q = at
					break
				}
			}
		}
		if q < 0 {
			continue
		}
		for _, r := range s.segs {
			if r.from >= r.to || r.from < f.to {
				continue
			}
			if at := s.t0(&s.toks[r.from]); at < q || at-q > 10 {
				continue
			}
			for j := r.from; j < r.to && j < r.from+4; j++ {
				if !s.toks[j].has(tNum | tMonth) {
					continue
				}
				if s.marks[j] != 0 || j > r.from && preposition(s.norm(j-1)) {
					break
				}
				e := j
				if wantYear {
					v, pe, month, ord, whole := s.datePart(j)
					if pe > j && !month && (ord || whole && v >= 1930 && v <= 2012 || !whole && v >= 30 && v <= 99) {
						e = pe
						if e < r.to && isWord(s.norm(e), "год", "года", "году") {
							e++
						}
					}
				} else {
					e = s.dateRun(j)
					if e == j && ordinalKind(s.toks[j].num()) {
						e = j + 1
					}
					if e > j && !s.dayOrDate(j, e) {
						e = j
					}
				}
				if e > j && !s.quantityAfter(e) && !s.claimed(j, e) {
					s.claim(Birthdate, ruleEcho[bi], j, e)
				}
				break
			}
			break
		}
	}
}

// phoneLeadSaid masks a mobile number's leading «восемь» said apart in
// the 20 s after the number was masked without it (ten digits from 9), on
// either side (causes block RB): «восемь впереди», «а в начале восемь»
// (a word of its place in the sentence: «впереди», «в начале»,
// «сначала»), and the other side's «восемь конечно» opening the sentence
// right after such a one. The sentence is short (six words at most) and
// has no other number, no unit («впереди восемь человек») and no
// preposition before it («к восьми», «через восемь минут»).
func (s *scan) phoneLeadSaid(all []*scan) {
	var buf [8]float64
	ats := buf[:0]
	pi := uint8(typeIndex(Phone))
	for _, o := range all {
		for k := 0; o != nil && k < len(o.nclaims) && len(ats) < len(buf); k++ {
			if c := &o.nclaims[k]; c.typ == pi && !c.weak && c.d1-c.d0 == 10 && o.cdig[c.d0] == '9' {
				ats = append(ats, c.at)
			}
		}
	}
	if len(ats) == 0 {
		return
	}
	// lone returns the sentence's lone «восемь» and whether a word of its
	// place is said with it; -1 when the sentence is no such one.
	lone := func(o *scan, r segRange) (int, bool) {
		if r.to-r.from > 6 {
			return -1, false
		}
		at, lead := -1, false
		for j := r.from; j < r.to; j++ {
			t := &o.toks[j]
			w := o.normOf(t)
			switch {
			case isWord(w, "впереди", "спереди", "вначале", "сначала", "начале"):
				lead = true
			case t.has(tUnit):
				return -1, false
			case t.has(tNum):
				if at >= 0 || o.marks[j] != 0 || !isWord(w, "восемь", "8") || j > r.from && preposition(o.norm(j-1)) {
					return -1, false
				}
				at = j
			}
		}
		return at, lead
	}
	for _, r := range s.segs {
		if r.from >= r.to {
			continue
		}
		at := s.t0(&s.toks[r.from])
		near := false
		for _, c := range ats {
			near = near || c <= at+0.5 && at-c <= 20
		}
		if !near {
			continue
		}
		i, lead := lone(s, r)
		if i < 0 {
			continue
		}
		if !lead && i == r.from {
			// The other side's sentence right before it said the lead.
			for _, o := range all {
				if o == nil || o == s {
					continue
				}
				for _, q := range o.segs {
					if q.from >= q.to {
						continue
					}
					if e := o.t1(&o.toks[q.to-1]); e <= at+0.5 && at-e <= 10 {
						if k, l := lone(o, q); k >= 0 && l {
							lead = true
						}
					}
				}
			}
		}
		if lead {
			s.claim(Phone, ruleEcho[pi], i, i+1)
		}
	}
}

// enPronounLetter reports whether the single letter at token k is, in
// English, the pronoun «i» or the article «a» before a word: «thanks
// danny i understand» reads the mailbox «danny k 22 at ...» back
// without its initial.
func (s *scan) enPronounLetter(k int) bool {
	return s.lang == "en" && isWord(s.norm(k), "i", "a") && k+1 < len(s.toks) && s.toks[k+1].seg == s.toks[k].seg &&
		!s.letter(k+1) && !s.toks[k+1].has(tNum|tAt|tDot|tJoin)
}

// enOhWord reports whether, in English, the zone is «oh» alone before a
// word: the interjection («oh i tried online», «oh and the sprinklers
// ...»), no zero going on with a number.
func (s *scan) enOhWord(z *zone) bool {
	k := z.from
	return s.lang == "en" && z.to == k+1 && isWord(s.norm(k), "oh", "o") && k+1 < len(s.toks) && s.toks[k+1].seg == s.toks[k].seg && !s.toks[k+1].has(tNum)
}

// piecesWhole reports whether digits d are the digits of claims c and
// c2, said one after the other within 5 s, two of them at least each,
// written together: a number said in two pieces («три ноль и пять
// восемь») read back whole («3058»).
func piecesWhole(d string, o *scan, c, c2 *numClaim) bool {
	n1, n2 := int(c.d1-c.d0), int(c2.d1-c2.d0)
	if c2.weak || n1 < 2 || n2 < 2 || len(d) != n1+n2 || c2.at < c.at || c2.at-c.at > 5 {
		return false
	}
	return d[:n1] == string(o.cdig[c.d0:c.d1]) && d[n1:] == string(o.cdig[c2.d0:c2.d1])
}

// recordWord: a word saying where a record has a value, between «нет» and
// the value it has («нет у нас в профиле ...», «нет в анкете указано
// ...»: birthCorrected).
func recordWord(w string) bool {
	switch w {
	case "у", "нас", "в", "во", "по", "профиле", "анкете", "системе", "базе", "карточке", "заявке", "документах", "указано", "записано", "написано", "стоит", "значится":
		return true
	}
	return false
}

// versionSaid is the type of a person's number masked in the sentence of
// a zone, as long, when the zone is said right after «старый», «новый»,
// «прежний»: the document's other version («новый [...] а в заявке
// старый 7512 003 119», «прежний 4006 554 213 а сейчас ... паспорт
// [...]»: causes block UD2, cg-0028), whatever trap word is between;
// "" otherwise.
func (s *scan) versionSaid(z *zone) Type {
	n := int(z.d1 - z.d0)
	if n < 9 || z.from == 0 || s.toks[z.from-1].seg != s.toks[z.from].seg {
		return ""
	}
	switch s.norm(z.from - 1) {
	case "старый", "старая", "прежний", "прежняя", "новый", "новая":
	default:
		return ""
	}
	e := z.to
	for e < len(s.toks) && s.toks[e].seg == s.toks[z.from].seg {
		e++
	}
	from, to := s.t0(&s.toks[s.segFrom(z.from)])-0.01, s.t1(&s.toks[e-1])+0.01
	for k := range s.nclaims {
		c := &s.nclaims[k]
		if t := typeAt[c.typ]; !c.weak && int(c.d1-c.d0) == n && c.from >= from && c.at <= to && (t == Passport || t == SNILS || t == INN || t == Account || t == Card) {
			return t
		}
	}
	return ""
}
