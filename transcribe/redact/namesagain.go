package redact

// namesAgain runs after the other name rules of a channel (names defers
// it first of all, so it runs last), around what they masked and the
// words a name's family starts on (lane i13ct21a, session 21, causes
// block TB; the cars-and-homes set ct):
//
//   - a patronymic right after a masked name that ends in a first name,
//     the name said again in full after a relative's word («дочка моя
//     [полина] [воронцова полина] артёмовна»): the cue's rule takes three
//     words;
func (s *scan) namesAgain() {
	for k := 1; k < len(s.toks); k++ {
		if s.marks[k] != 0 || s.toks[k].seg != s.toks[k-1].seg {
			continue
		}
		if s.patronymicAfterMasked(k) {
			s.claim(Name, ruleNameFull, k, k+1)
		}
	}
}

// patronymicAfterMasked reports whether token k, unmasked, is a
// patronymic right after a masked name whose last word is a first name,
// and closes the sentence or comes before a word that is no name's.
func (s *scan) patronymicAfterMasked(k int) bool {
	p := &s.toks[k-1]
	if !s.maskedAs(k-1, Name) || !p.has(tFirstName) || s.toks[k].has(tNum|tCue|tTrap|tStop) || !patronymic(s.norm(k)) {
		return false
	}
	return true
}
