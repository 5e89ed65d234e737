package redact

// The numbers' shapes two authors' sets of session 21 showed no rule
// read (lane i13num21; causes blocks SG, SH, SJ, SK): a security code
// said twice in one breath, another value offered after «или», the
// expiry and the code said in words with a one-word month, a code
// corrected after «ой там», a SNILS said short answering its question.
// Each is called from numbers on a zone no other rule typed.

// saidTwice is the type of a code or a security code said twice in one
// breath, grouped and then digit by digit or in digits and words mixed
// («семьсот шестьдесят один семь шесть один», «2 сорок 1 два четыре
// один»: causes block SG): the zone's digits are one value of a CVV's or
// a code's length twice, the halves split where a token starts, and the
// other side's cue of that type just before it (or the speaker's own in
// the sentence). Not with a unit after it.
func (s *scan) saidTwice(z *zone) Type {
	n := z.n()
	if n != 6 && n != 8 || s.quantityAfter(z.to) {
		return ""
	}
	d := s.zoneDigits(z)
	if d[:n/2] != d[n/2:] {
		return ""
	}
	split := false
	var zk zone
	for k := z.from + 1; k < z.to && !split; k++ {
		s.readZone(k, &zk, 0)
		split = zk.to == z.to && zk.n() == n/2
	}
	s.readZone(z.from, z, 0) // (its digits and runs again: readZone wrote over them)
	if !split {
		return ""
	}
	return s.codeCueFor(z, n/2)
}

// codeCueFor is CVV or Code, whichever the other side's cue just before
// the zone (or the speaker's own among the seven words before it, in its
// sentence) names and n digits fit; "" when none does.
func (s *scan) codeCueFor(z *zone, n int) Type {
	at := s.t0(&s.toks[z.from])
	var found Type
	for k := range s.others {
		if e := &s.others[k]; !e.own && e.justBefore(at) {
			if t := e.cueType(); (t == CVV || t == Code) && fits(t, n) && (found == "" || t == CVV) {
				found = t
			}
		}
	}
	seg := s.toks[z.from].seg
	for j := z.from - 1; found == "" && j >= 0 && j >= z.from-cueWordsBefore && s.toks[j].seg == seg; j-- {
		if s.toks[j].has(tCue) {
			if t := s.toks[j].cue(); (t == CVV || t == Code) && fits(t, n) {
				found = t
			}
		}
	}
	return found
}

// orAlternative is the type of the value masked right before «или» when
// the zone after it is another value offered for it, as long («сто
// сорок или сто четырнадцать» read back by the side that asked: causes
// block SG): a security code, a code or a card's end, in the same
// sentence, with no unit after it. Two sums, two counts or two times so
// joined are not masked to begin with.
func (s *scan) orAlternative(z *zone) Type {
	j := z.from - 1
	if j < 1 || s.norm(j) != "или" || s.toks[j].seg != s.toks[z.from].seg || s.marks[j-1] == 0 || len(s.nclaims) == 0 || s.quantityAfter(z.to) {
		return ""
	}
	last := &s.nclaims[len(s.nclaims)-1]
	if f := &s.found[s.marks[j-1]-1]; f.to != j || f.typ != last.typ || int(last.d1-last.d0) != z.n() {
		return ""
	}
	switch t := typeAt[last.typ]; t {
	case CVV, Code:
		return t
	case Card:
		if last.part {
			return t
		}
	}
	return ""
}

// oopsCorrected is the type of a security code or a code masked right
// before in the sentence when the zone is it said again after «ой» and
// a filler («сзади восемьдесят восемь ой там ноль восемьдесят восемь»:
// causes block SH): up to three words between, «ой» or «нет» among them,
// none a number, a cue, a trap word or a unit; the zone of a length the
// type fits, no unit after it.
func (s *scan) oopsCorrected(z *zone) Type {
	seg := s.toks[z.from].seg
	j := z.from - 1
	oops := false
	for ; j >= 0 && j >= z.from-3 && s.toks[j].seg == seg && s.marks[j] == 0; j-- {
		w := s.norm(j)
		if s.toks[j].has(tNum|tCue|tTrap|tUnit) || !(correctionWord(w) || isWord(w, "там", "то", "есть", "вот", "так")) {
			return ""
		}
		oops = oops || isWord(w, "ой", "нет")
	}
	if !oops || j < 0 || j == z.from-1 || s.toks[j].seg != seg || s.marks[j] == 0 || s.quantityAfter(z.to) {
		return ""
	}
	f := &s.found[s.marks[j]-1]
	if f.to != j+1 {
		return ""
	}
	t := typeAt[f.typ]
	if t != CVV && t != Code {
		return ""
	}
	if fits(t, z.n()) {
		return t
	}
	if t == Code && fits(CVV, z.n()) {
		return CVV
	}
	return ""
}

// expiryWordsThenCode reads a zone that answers the other side's
// question for a card's expiry and its security code just before («срок
// и cvv» — «девять двадцать шесть ноль сорок семь», «одиннадцать
// двадцать семь восемьсот ноль шесть»: causes block SH), said so that
// expiryThenCode's seven or eight digits are not there: the month one
// word («девять»: three digits of a month and a year) or the code a
// hundred, «ноль» and a unit (hundredNoughtUnit). It returns the token
// the code starts at and its type; z.to when the zone is no such answer.
func (s *scan) expiryWordsThenCode(z *zone) (int, Type) {
	n := z.n()
	if n < 6 || n > 9 {
		return z.to, ""
	}
	at := s.t0(&s.toks[z.from])
	expiry, typ, expAt := false, Type(""), 0.0
	for k := range s.others {
		if e := &s.others[k]; e.justBefore(at) {
			if e.expiry {
				expiry, expAt = true, max(expAt, e.at)
			}
			if t := e.cueType(); t == CVV || t == Code && typ == "" {
				typ = t
			}
		}
	}
	if !expiry || typ == "" || s.codeGivenSince(expAt, z.from) {
		return z.to, ""
	}
	// (A copy: reading another zone writes the scan's digit buffer.)
	var buf [9]byte
	d := buf[:copy(buf[:], s.zoneDigits(z))]
	var zk zone
	for k := z.from + 1; k < z.to; k++ {
		s.readZone(k, &zk, 0)
		if zk.to != z.to {
			continue
		}
		p := string(d[:n-zk.n()])
		// (The month one word of one digit, «девять двадцать шесть»: not
		// a hundred, «двести тридцать один пятьсот» is a code of six.)
		oneDigit := s.toks[z.from].num() == nkUnit || len(s.norm(z.from)) == 1
		month := len(p) == 3 && oneDigit && p[0] >= '1' && p[0] <= '9' && (p[1] == '2' || p[1] == '3') || expiryDigits(p)
		if month && (fits(typ, zk.n()) && zk.n() <= 4 || typ == CVV && s.hundredNoughtUnit(&zk)) {
			return k, typ
		}
	}
	s.readZone(z.from, z, 0) // (its digits and runs again: readZone wrote over them)
	return z.to, ""
}

// codeGivenSince reports whether a CVV or a code was masked on the
// channel after at and before token i: the expiry's question was
// answered («срок и код» — «[09 27] [840]»), and six digits said after
// the next question («подтвердите кодом из смс» — «шесть два шесть два
// шесть два») are no expiry and CVV again (causes block UB, cs-0108).
func (s *scan) codeGivenSince(at float64, i int) bool {
	for k := range s.found {
		f := &s.found[k]
		if t := typeAt[f.typ]; (t == CVV || t == Code) && f.to <= i && s.t0(&s.toks[f.from]) >= at {
			return true
		}
	}
	return false
}

// snilsShort is SNILS for a zone of eight digits answering the other
// side's question for a SNILS just before, the whole of the speaker's
// sentence but for four words before it at most, no date («а снилс» — «девятьсот
// тридцать пять четыреста шестьдесят три семьдесят восемь»: a group
// lost, which the other side then says; causes block SK). Nine digits
// and more a SNILS's cue types already (digitRange).
func (s *scan) snilsShort(z *zone) Type {
	if z.n() != 8 || s.quantityAfter(z.to) || z.to < len(s.toks) && s.toks[z.to].seg == s.toks[z.from].seg || s.dateOrTime(z) {
		return ""
	}
	// (Up to four words before it, none a number's or a trap's: «а да
	// щас вот ...».)
	for j := s.segFrom(z.from); j < z.from; j++ {
		if z.from-j > 4 || s.toks[j].has(tNum|tCue|tTrap|tUnit) {
			return ""
		}
	}
	// The question it answers: the other side's last cue just before it.
	at := s.t0(&s.toks[z.from])
	var best *cueEvent
	for k := range s.others {
		if e := &s.others[k]; !e.own && (e.cue != 0 || e.trap) && e.justBefore(at) && (best == nil || e.at >= best.at) {
			best = e
		}
	}
	if best == nil || best.cueType() != SNILS {
		return ""
	}
	for k := range s.others {
		if e := &s.others[k]; e.seg == best.seg && !e.own && (e.trap && e.named || e.cue != 0 && e.cueType() != SNILS) {
			return ""
		}
	}
	return SNILS
}

// numberShapesMay is numberShapes where one of its shapes may be: four to eight
// digits (saidTwice 6 or 8, plusSevenStart 4 to 7, snilsShort 8), or a
// claim on the channel (orAlternative, oopsCorrected, phoneAfterSlip).
func (s *scan) numberShapesMay(z *zone) Type {
	if n := z.n(); (n < 4 || n > 8) && len(s.found) == 0 && len(s.nclaims) == 0 {
		return ""
	}
	return s.numberShapes(z)
}

// numberShapes is the type of a zone no other rule typed by the shapes of
// this file and phonesplit.go (saidTwice, orAlternative, oopsCorrected,
// plusSevenStart, phoneAfterSlip, snilsShort).
func (s *scan) numberShapes(z *zone) Type {
	if t := s.saidTwice(z); t != "" {
		return t
	}
	// (orAlternative and oopsCorrected read a number masked before the
	// zone, phoneAfterSlip the last number claimed: on a channel with no
	// claim yet, most, each is "".)
	if len(s.found) > 0 {
		if t := s.orAlternative(z); t != "" {
			return t
		}
		if t := s.oopsCorrected(z); t != "" {
			return t
		}
	}
	if t := s.plusSevenStart(z); t != "" {
		return t
	}
	if len(s.nclaims) > 0 {
		if t := s.phoneAfterSlip(z); t != "" {
			return t
		}
	}
	return s.snilsShort(z)
}

// formatAskedToo is the type of digits d that pass a SNILS's or a person's
// INN's checksum and are asked for by that type's cue too, though a trap
// word stands in the question beside it («нужен снилс и удостоверение» —
// «482 704 329 93», «снилс и номер удостоверения» — «738 988 464 95», a
// landline's shape too: causes block SK): what the question names and
// the checksum says, the trap word is the other document's.
func formatAskedToo(d string, types []Type) Type {
	switch {
	case len(d) == 11 && contains(types, SNILS) && snilsOK(d):
		return SNILS
	case len(d) == 12 && contains(types, INN) && innOK(d):
		return INN
	}
	return ""
}

// cvvStartFirst reports whether digits d, alone in their sentence, are
// the first two of a security code c said whole after them («три цифры
// на обороте» — «четыре четыре» — «три цифры нужно» — «четыре четыре
// один»: causes block SH), as zeroDropped reads its last two said first.
// (The whole may be typed a card's end of three digits, «три цифры»
// being a card's cue too.)
func (s *scan) cvvStartFirst(z *zone, d, c string, t Type, part bool) bool {
	return (t == CVV || t == Card && part) && len(d) == 2 && len(c) == 3 && c[:2] == d && s.aloneInSentence(z)
}
