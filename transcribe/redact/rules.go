package redact

import (
	"strings"
)

// emails: a written address (the word has an @), or one spelled out:
// «иван точка петров собака мейл точка ру», «john at gmail dot com».
func (s *scan) emails() {
	for i := range s.toks {
		t := &s.toks[i]
		if !t.has(tAt) || s.marks[i] != 0 {
			continue
		}
		// Right: a domain, then «точка» and a word, up to three times.
		j := i + 1
		if j >= len(s.toks) || s.toks[j].has(tStop|tAt) && !s.toks[j].has(tTLD) && !(j+1 < len(s.toks) && s.toks[j+1].has(tDot)) {
			continue
		}
		j++
		dots := 0
		for dots < 3 && j+1 < len(s.toks) && s.toks[j].has(tDot) && (s.toks[j+1].has(tTLD) || !s.toks[j+1].has(tStop)) {
			dots++
			j += 2
		}
		cue := s.near(i, 8, tEmailCue)
		if dots == 0 && !(cue && s.normOf(t) != "at" && j > i+1) {
			continue
		}
		// Left: the mailbox, back over words that are not function words.
		k := i
		for n := 0; k > 0 && n < 6; n++ {
			u := &s.toks[k-1]
			if u.has(tDot) || (!u.has(tStop|tEmailCue|tCue|tNameCue|tConn|tTrap) && u.seg == t.seg) {
				k--
				continue
			}
			break
		}
		if k == i {
			continue
		}
		s.claim(Email, "email/spelled", k, j)
	}
	// Written addresses: the @ was between two tokens of one word.
	for _, r := range s.lits {
		s.claim(Email, "email/written", r[0], r[1])
	}
}

// near reports whether a word with x is within n tokens before i.
func (s *scan) near(i, n int, x trig) bool {
	for j := i - 1; j >= 0 && j >= i-n; j-- {
		if s.toks[j].has(x) {
			return true
		}
	}
	return false
}

// dateWord reports whether token i can be part of a spoken date.
func (s *scan) dateWord(i int) bool {
	t := &s.toks[i]
	return t.has(tNum|tMonth|tDateWord) && !t.has(tUnit&^tDateWord) || t.has(tMonth) || s.normOf(t) == "года" || s.normOf(t) == "год"
}

// dateRun returns the end of the date said from token i, or i.
func (s *scan) dateRun(i int) int {
	j := i
	nums := 0
	for j < len(s.toks) && j-i < 12 && s.dateWord(j) {
		if s.toks[j].has(tNum | tMonth) {
			nums++
		}
		j++
	}
	// A trailing «года» / «числа» belongs to it; a lone number does not
	// make a date unless it is a whole date in digits.
	if nums < 2 && !(j == i+1 && len(s.norm(i)) >= 6 && allDigits(s.norm(i))) && !year(s.norm(i)) &&
		!(j > i+1 && isWord(s.norm(j-1), "года", "году", "год", "г")) {
		return i
	}
	return j
}

// birthdates: a date after «дата рождения», «родился», «born» (or before
// «года рождения»), or the answer to the other side's question for it.
func (s *scan) birthdates() {
	for i := range s.toks {
		t := &s.toks[i]
		if !t.has(tBirth) {
			continue
		}
		// Forward: «дата рождения у меня пятого марта восемьдесят пятого года».
		for j := i + 1; j < len(s.toks) && j <= i+5 && s.toks[j].seg == t.seg; j++ {
			if s.dateWord(j) && s.toks[j].has(tNum|tMonth) {
				if end := s.dateRun(j); end > j {
					s.claim(Birthdate, "birthdate/cue", j, end)
				}
				break
			}
			if s.toks[j].has(tTrap | tCue) {
				break
			}
		}
		// Backward: «пятого марта восемьдесят пятого года рождения».
		k := i
		for k > 0 && i-k < 12 && s.dateWord(k-1) && s.toks[k-1].seg == t.seg {
			k--
		}
		if k < i && s.dateRun(k) > k {
			s.claim(Birthdate, "birthdate/cue", k, i)
		}
	}
	// Answers: the other side asked for the date of birth.
	s.answers(func(e cueEvent) bool { return e.dob }, func(first int) {
		for j := first; j < len(s.toks) && j < first+4; j++ {
			if s.toks[j].has(tNum | tMonth) {
				if end := s.dateRun(j); end > j {
					s.claim(Birthdate, "birthdate/answer", j, end)
				}
				return
			}
			if !s.toks[j].has(tStop | tConn | tBirth) {
				return
			}
		}
	})
}

// answers calls f with the first token of each segment of this channel
// that starts within 10 s after a cue of the other side that want accepts.
func (s *scan) answers(want func(cueEvent) bool, f func(first int)) {
	// The times of the cues want accepts (a question or two of a call),
	// picked once, not once per segment.
	var buf [16]float64
	ats := buf[:0]
	for k := range s.others {
		if e := &s.others[k]; want(*e) {
			ats = append(ats, e.at)
		}
	}
	if len(ats) == 0 {
		return
	}
	for _, r := range s.segs {
		first := r.from
		if first >= r.to {
			continue
		}
		at := s.t0(&s.toks[first])
		for _, q := range ats {
			if q <= at+0.5 && at-q <= 10 {
				f(first)
				break
			}
		}
	}
}

// adjectival reports whether w reads as an adjective: «ленинский»
// (проспект), «садовая» (улица).
func adjectival(w string) bool {
	for _, suf := range []string{"ий", "ый", "ой", "ая", "яя", "ое", "ом", "ском", "ской", "ого", "ую", "street"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+4 {
			return true
		}
	}
	return false
}

// addresses: a street word with a name and a house number: «улица ленина
// дом пять квартира двенадцать», «ленинский проспект 15 кв 7», «12 main
// street apartment 4»; or a flat number after «живу на» / «адрес».
func (s *scan) addresses() {
	for i := range s.toks {
		t := &s.toks[i]
		if !t.has(tStreet) || s.marks[i] != 0 {
			continue
		}
		start := i
		if i > 0 && adjectival(s.norm(i-1)) && !s.toks[i-1].has(tStop|tCue|tTrap) {
			start = i - 1
		}
		if s.lang == "en" && i > 0 {
			// «12 main street»: the house number and the name come first.
			k := i
			for n := 0; k > 0 && n < 4 && !s.toks[k-1].has(tStop|tCue|tTrap|tUnit); n++ {
				k--
			}
			for k < i && !s.toks[k].has(tNum) {
				k++
			}
			if k < i {
				start = k
			}
		}
		// The street's name: up to three words (ordinals and numbers too:
		// «8 марта», «25 лет октября»).
		j := i + 1
		for n := 0; j < len(s.toks) && n < 3 && !s.toks[j].has(tHouse|tStop|tTrap|tCue); n++ {
			if s.toks[j].has(tNum) && n > 0 {
				break
			}
			j++
		}
		end, house := s.houseRun(j)
		if !house && start == i && s.lang != "en" {
			continue
		}
		if !house && s.lang == "en" && start == i {
			continue
		}
		if end <= j {
			end = j
		}
		s.claim(Address, "address/street", start, end)
	}
	// «проживаю по адресу ленина пять двенадцать»: the words before the
	// first number after the cue, and the numbers.
	for i := range s.toks {
		if !s.toks[i].has(tAddrCue) {
			continue
		}
		first := -1
		for j := i + 1; j < len(s.toks) && j <= i+6 && s.toks[j].seg == s.toks[i].seg; j++ {
			if s.toks[j].has(tNum) && s.toks[j].num() != nkOrdinal {
				first = j
				break
			}
			if s.toks[j].has(tTrap | tCue | tUnit | tMonth) {
				break
			}
		}
		if first < 0 || s.claimed(first, first+1) {
			continue
		}
		k := first
		for n := 0; k > i+1 && n < 2 && !s.toks[k-1].has(tStop|tNum) && !isWord(s.norm(k-1), "адресу", "адрес"); n++ {
			k--
		}
		if k == first {
			continue
		}
		end, house := s.houseRun(first)
		if house {
			s.claim(Address, "address/cue", k, end)
		}
	}
	// «живу на ленина 5 квартира 12»: a flat or house number near a cue.
	for i := range s.toks {
		t := &s.toks[i]
		if !t.has(tHouse) || s.marks[i] != 0 || i+1 >= len(s.toks) || !s.toks[i+1].has(tNum) {
			continue
		}
		if !(s.nearWord(i, 8, "живу", "проживаю", "адрес", "адресу", "прописан", "прописана", "зарегистрирован", "зарегистрирована", "live", "address")) {
			continue
		}
		k := i
		for n := 0; k > 0 && n < 5 && !s.toks[k-1].has(tStop|tCue|tTrap|tNameCue) && !isWord(s.norm(k-1), "адрес", "адресу", "живу", "проживаю", "address"); n++ {
			k--
		}
		end, _ := s.houseRun(i)
		s.claim(Address, "address/flat", k, end)
	}
}

func isWord(w string, ws ...string) bool {
	for _, x := range ws {
		if w == x {
			return true
		}
	}
	return false
}

func (s *scan) nearWord(i, n int, ws ...string) bool {
	for j := i - 1; j >= 0 && j >= i-n; j-- {
		if isWord(s.norm(j), ws...) {
			return true
		}
	}
	return false
}

// houseRun reads «дом 5 корпус 2 квартира 12», «5к2 кв 12», «д 15»: from j,
// house words and numbers (a number with a letter too: «12а»). It returns
// the end and whether a number was read.
func (s *scan) houseRun(j int) (int, bool) {
	end, house := j, false
	for n := 0; j < len(s.toks) && n < 10; n++ {
		u := &s.toks[j]
		switch {
		case u.has(tHouse):
			j++
		case u.has(tNum) && u.num() != nkOrdinal:
			j++
			end, house = j, true
			continue
		case houseNumber(s.normOf(u)) || (house && len(s.normOf(u)) == 1 && j == end):
			j++
			end, house = j, true
			continue
		case u.has(tFiller) || s.normOf(u) == "дробь" || s.normOf(u) == "слэш":
			j++
		default:
			return end, house
		}
	}
	return end, house
}

// houseNumber: «12а», «5к2».
func houseNumber(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9' && len(w) <= 8
}

// names: the client says who they are: «меня зовут иван петров», «моя
// фамилия петрова», «это сергей николаевич», «my name is john smith»; or
// answers the operator's «как вас зовут?». The operator's own name is
// never masked: it is on the operator's channel, or on a mono channel next
// to the company's name.
func (s *scan) names() {
	if s.role == "operator" {
		return
	}
	for i := range s.toks {
		t := &s.toks[i]
		switch {
		case t.has(tNameCue):
			if i > 0 && isWord(s.norm(i-1), "как", "вас", "ваше", "ваша", "ваши", "your", "what's", "whats") {
				continue
			}
			if s.normOf(t) == "name" && !(i+1 < len(s.toks) && s.norm(i+1) == "is") {
				continue
			}
			if s.role != "client" && s.operatorNear(i) {
				continue
			}
			s.nameAfter(i+1, true, "name/cue")
		case t.has(tRole):
			// «это иван петров», «я ольга», «this is john smith».
			j := i + 1
			if j < len(s.toks) && s.norm(j) == "is" {
				j++
			}
			if j >= len(s.toks) {
				continue
			}
			next := &s.toks[j]
			surnameThenName := isLetters(s.normOf(next)) && !next.has(tStop|tNum|tCue|tTrap|tUnit|tOperator|tStreet|tHouse|tMonth|tNameCue) &&
				j+1 < len(s.toks) && s.toks[j+1].has(tFirstName) && s.toks[j+1].seg == next.seg
			if !next.has(tFirstName) && !surnameThenName && !(s.normOf(t) == "это" && s.segStart(i) && looksLikeNamePart(s.lang, s.normOf(next), next.trig)) {
				continue
			}
			if s.role != "client" && s.operatorNear(i) {
				continue
			}
			s.nameAfter(j, false, "name/intro")
		}
	}
	s.answers(func(e cueEvent) bool { return e.name }, func(first int) {
		j := first
		for j < len(s.toks) && j < first+3 && s.toks[j].has(tStop|tConn|tRole) && !s.toks[j].has(tFirstName) {
			j++
		}
		if j < len(s.toks) && looksLikeNamePart(s.lang, s.norm(j), s.toks[j].trig) {
			s.nameAfter(j, false, "name/answer")
		}
	})
}

// segStart: token i opens its segment, after greetings and function words
// at most («алло это», «здравствуйте это»).
func (s *scan) segStart(i int) bool {
	for j, n := i-1, 0; j >= 0 && s.toks[j].seg == s.toks[i].seg; j, n = j-1, n+1 {
		if n >= 3 || !s.toks[j].has(tStop) {
			return false
		}
	}
	return true
}

func (s *scan) operatorNear(i int) bool {
	if s.toks[i].seg == 0 {
		return true // the call opens with the operator
	}
	for j := max(0, i-6); j < min(len(s.toks), i+6); j++ {
		if s.toks[j].has(tOperator) && s.toks[j].seg == s.toks[i].seg {
			return true
		}
	}
	return false
}

// nameAfter claims up to three name words from j; strong: the first word
// is a name whatever it looks like (it follows «зовут»).
func (s *scan) nameAfter(j int, strong bool, rule string) {
	// «меня зовут», «фамилия у меня», «моя фамилия —».
	for n := 0; j < len(s.toks) && n < 2 && s.toks[j].has(tStop|tNameCue) && !s.toks[j].has(tFirstName); n++ {
		j++
	}
	if j >= len(s.toks) {
		return
	}
	first := &s.toks[j]
	if first.has(tNum|tCue|tTrap|tOperator|tUnit|tHouse|tStreet) || !isLetters(s.normOf(first)) {
		return
	}
	if !strong && !looksLikeNamePart(s.lang, s.normOf(first), first.trig) {
		return
	}
	if strong && first.has(tStop) && !first.has(tFirstName) {
		return
	}
	end := j + 1
	for end < len(s.toks) && end < j+3 && s.toks[end].seg == first.seg && looksLikeNamePart(s.lang, s.norm(end), s.toks[end].trig) {
		end++
	}
	s.claim(Name, rule, j, end)
}

// year: four digits from 1900 to 2099.
func year(w string) bool {
	return len(w) == 4 && allDigits(w) && (w[:2] == "19" || w[:2] == "20")
}
