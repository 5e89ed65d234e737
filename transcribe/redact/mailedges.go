package redact

// mailNumberEdges masks a mailbox's digits said in words at its edge, a
// mailbox masked (lane i13name22, causes block UT):
//
//   - opening the sentence (after «да», «ну», «вот», «так» at most)
//     right before the mailbox's first word, one in Latin letters or a
//     letter («семь семь семь vlad собака mail точка ru»): four digits
//     at most (a longer number before a mailbox is another value said
//     first, an INN: causes block LC); not a count said of mailboxes
//     («у меня их три petr точка ...»);
//   - after a joiner right after the mailbox, closing the sentence («и р
//     и н а подчеркивание п о п о в а подчеркивание шестьдесят четыре»),
//     four digits at most.
//
// Run only when an e-mail was masked (mailEdgesAfter).
func (s *scan) mailNumberEdges() {
	for k, n := 0, len(s.found); k < n; k++ {
		f := s.found[k]
		if typeAt[f.typ] != Email || f.rule == ruleDropped {
			continue
		}
		seg := s.toks[f.from].seg
		// Before it.
		start := f.from
		for start > 0 && s.toks[start-1].seg == seg && s.marks[start-1] == 0 && s.toks[start-1].has(tNum) && s.toks[start-1].kind != nkNone {
			start--
		}
		if start < f.from && s.opensAnswer(start) && s.digitsAtMost(start, f.from, 4) {
			if w := s.norm(f.from); latinWord(w) || s.letter(f.from) {
				s.claim(Email, f.rule, start, f.from)
			}
		}
		// After it, past a joiner.
		j := f.to
		if j+1 >= len(s.toks) || s.toks[j].seg != seg || s.marks[j] != 0 || !s.toks[j].has(tJoin) {
			continue
		}
		e := j + 1
		for e < len(s.toks) && s.toks[e].seg == seg && s.marks[e] == 0 && s.toks[e].has(tNum) && s.toks[e].kind != nkNone {
			e++
		}
		if e > j+1 && (e == len(s.toks) || s.toks[e].seg != seg) && s.digitsAtMost(j+1, e, 4) {
			s.claim(Email, f.rule, j, e)
		}
	}
}

// digitsAtMost reports whether the number words [from, to) write at most
// n digits (digitBound's count, at most what they write).
func (s *scan) digitsAtMost(from, to, n int) bool {
	d := 0
	for k := from; k < to; k++ {
		b, _ := s.digitBound(&s.toks[k])
		if b == 0 {
			return false
		}
		d += b
	}
	return d <= n
}

// opensAnswer reports whether token i opens its sentence, after «да»,
// «ну», «вот», «так» at most.
func (s *scan) opensAnswer(i int) bool {
	for j := i - 1; j >= 0 && s.toks[j].seg == s.toks[i].seg; j-- {
		if !isWord(s.norm(j), "да", "ну", "вот", "так") {
			return false
		}
	}
	return true
}

// mailEdgesAfter runs mailDomainAfter and mailNumberEdges: one entry of
// the mail family's, both after an e-mail masked.
func (s *scan) mailEdgesAfter() {
	s.mailDomainAfter()
	s.mailNumberEdges()
}
