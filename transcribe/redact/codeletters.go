package redact

// lettersAround reports whether the run of a code's digits and letters
// from..to is one or two letters, two to six digits, then one or two
// letters («эр шесть два семь кью», «джи 5 5 1 эйч»; causes block TK,
// ct): a code with letters as interleaved ones are (codesWithLetters), a
// car plate's shape left to plateShape. Its letters are letters' names
// or Latin letters: a Russian letter alone is a word as often («пришла
// в девять ноль пять а вошла»), and a parcel's track is longer. Not in
// English: there a «confirmation code» of that shape is a booking's
// reference («h q 7 7 p m» after an airline's «can i have the
// confirmation code»), a number the issue keeps (review rv27).
func (s *scan) lettersAround(from, to int) bool {
	if s.lang == "en" {
		return false
	}
	k := from
	for k < to && k < from+2 && !s.codeDigit(k) {
		if !s.spelledLetter(k) {
			return false
		}
		k++
	}
	d := k
	for k < to && s.codeDigit(k) {
		k++
	}
	e := k
	for k < to && !s.codeDigit(k) {
		if !s.spelledLetter(k) {
			return false
		}
		k++
	}
	return d > from && e-d >= 2 && e-d <= 6 && k == to && to > e && to-e <= 2
}

// spelledLetter: a letter's name («эр», «кью») or one Latin letter.
func (s *scan) spelledLetter(k int) bool {
	w := s.norm(k)
	return s.letterName(k) || len(w) == 1 && w[0] >= 'a' && w[0] <= 'z'
}
