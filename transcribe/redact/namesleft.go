package redact

import (
	"strings"

	"github.com/callscope/callscope/schemas"
)

// namesLeft runs after names and the rules it defers (nameFamily, gated
// on namesLeftMay), around what they masked and from the
// words that start a name's family (lane i13over21, causes block SR):
//
//   - a maiden name after «была», «был» in the sentence of a surname
//     masked, the surname said changed («я теперь [кравец] была жукова»,
//     «моя фамилия [никитина] раньше была белова»);
//   - a first name a list knows after «и» closing a list of names masked
//     («[мирон] [ульяна] и савелий»);
//   - the speaker's own name after «я» and their role, on the client's
//     channel («я директор ким олег», «я бухгалтер пак елена»): a first
//     name a list knows, a short word before it (a Korean surname), a
//     patronymic or a surname after it;
//   - a first name and a surname in Latin letters after a word saying
//     how a name is written («написано sergei ivanoff а надо sergey
//     ivanov», «латиницей iuliia orlova»): a ticket's, a card's;
//   - a family's surname in the plural opening a sentence, first names
//     after it («титовы мирон ульяна и савелий»): the family's
//     members named.
func (s *scan) namesLeft() {
	for k := 0; k+1 < len(s.toks); k++ {
		t := &s.toks[k]
		switch w := s.normOf(t); {
		case (w == "была" || w == "был") && s.marks[k+1] == 0 && s.toks[k+1].seg == t.seg && s.maidenAt(k+1) && s.nameMaskedBefore(k, 4):
			s.claim(Name, ruleNameFull, k+1, k+2)
		case w == "и" && s.marks[k+1] == 0 && s.toks[k+1].seg == t.seg && s.toks[k+1].has(tFirstName) && s.nameMaskedAt(k-1, t.seg) && s.listClosed(k+1):
			s.claim(Name, ruleNameFull, k+1, k+2)
		case s.marks[k] == 0 && k > 0 && s.toks[k-1].seg == t.seg && latinName(w) && s.toks[k+1].seg == t.seg && latinName(s.norm(k+1)) && s.marks[k+1] == 0 && spelledAsWord(s.norm(k-1)):
			s.claim(Name, ruleNameFull, k, k+2)
			k++
		case w == "я" && s.role == schemas.RoleClient && k+2 < len(s.toks) && s.toks[k+2].seg == t.seg && (roleWords.of(s.norm(k+1)) || staffWord(s.norm(k+1))):
			if from, to := s.nameAfterRole(k + 2); to > from {
				s.claim(Name, ruleNameFull, from, to)
			}
		case t.trig == 0 && t.nl >= 10 && s.toks[k+1].has(tFirstName) && s.toks[k+1].seg == t.seg && s.marks[k] == 0 && s.segStart(k) && s.pluralSurname(k):
			e := k + 1
			for e < len(s.toks) && s.toks[e].seg == t.seg && (s.toks[e].has(tFirstName) || s.norm(e) == "и" && e+1 < len(s.toks) && s.toks[e+1].seg == t.seg && s.toks[e+1].has(tFirstName)) {
				if s.norm(e) != "и" && s.marks[e] == 0 {
					s.claim(Name, ruleNameFull, e, e+1)
				}
				e++
			}
			s.claim(Name, ruleNameFull, k, k+1)
		}
	}
}

// namesLeftMay is namesLeft's gate, each case's own conditions read
// cheaply: a name masked on the channel (the maiden name after «была»,
// the first name after «и»: what the other cases claim runs the loop
// anyway), «я» and a role on the client's channel (from the starts
// account files), a word's first letter Latin (two Latin words), or a
// word of no list of ten bytes at least ending in «ы» before a first
// name (a family's plural surname).
func (s *scan) namesLeftMay() bool {
	if s.claimedTypes&nameTypes != 0 {
		return true
	}
	if s.role == schemas.RoleClient && s.any&tRole != 0 {
		for _, c := range s.starts {
			if k := int(c); s.toks[k].nl == uint32(len("я")) && s.norm(k) == "я" && k+2 < len(s.toks) && s.toks[k+2].seg == s.toks[k].seg && s.firstNameNear(k+2) && (roleWords.of(s.norm(k+1)) || staffWord(s.norm(k+1))) {
				return true
			}
		}
	}
	toks := s.toks
	for k := 0; k+1 < len(toks); k++ {
		t := &toks[k]
		if t.nl < 3 {
			continue
		}
		w := s.normOf(t)
		if w[0]-'a' <= 'z'-'a' || t.trig == 0 && len(w) >= 10 && w[len(w)-1] == "ы"[1] && toks[k+1].has(tFirstName) {
			return true
		}
	}
	return false
}

// firstNameNear reports whether token j or the one after it in its
// sentence is a first name a list knows: nameAfterRole's name from j
// needs one.
func (s *scan) firstNameNear(j int) bool {
	return s.toks[j].has(tFirstName) || j+1 < len(s.toks) && s.toks[j+1].seg == s.toks[j].seg && s.toks[j+1].has(tFirstName)
}

// nameTypes: a name's type, a bit (namesLeftMay).
var nameTypes = typesOf(Name)

// nameMaskedBefore reports whether a name is masked in the n words
// before token k, in its sentence.
func (s *scan) nameMaskedBefore(k, n int) bool {
	for j := k - 1; j >= 0 && j >= k-n && s.toks[j].seg == s.toks[k].seg; j-- {
		if s.maskedAs(j, Name) {
			return true
		}
	}
	return false
}

// maidenAt reports whether token j is a surname's word after «была»: a
// surname's ending, no common word nor a short adjective («была готова»).
func (s *scan) maidenAt(j int) bool {
	w := s.norm(j)
	return s.surnameAt(j) && !commonWord(w) && !shortAdjective(w) && !staffWord(w)
}

// listClosed reports whether the first name at token j closes its
// sentence or a name masked follows it: the list's last name.
func (s *scan) listClosed(j int) bool {
	return j+1 >= len(s.toks) || s.toks[j+1].seg != s.toks[j].seg || s.maskedAs(j+1, Name) || s.surnameAt(j+1) || s.pluralSurname(j+1)
}

// pluralSurname reports whether token k is a surname in the plural, a
// family's: «-овы», «-евы», «-ёвы», «-ины», «-ыны» (no word a list knows,
// no common word nor a short adjective, «готовы», «здоровы»).
func (s *scan) pluralSurname(k int) bool {
	t := &s.toks[k]
	w := s.normOf(t)
	if t.trig != 0 || len(w) < 10 || !isLetters(w) || commonWord(w) || shortAdjective(w) {
		return false
	}
	for _, e := range []string{"овы", "евы", "ёвы", "ины", "ыны"} {
		if strings.HasSuffix(w, e) {
			return surnameLike(strings.TrimSuffix(w, "ы")+"а", 0)
		}
	}
	return false
}

// nameAfterRole returns the name said from token j after «я» and a role:
// a first name a list knows at j, or a short word (five letters at most,
// no list's, «ким», «пак», «ли») and the first name after it; a
// patronymic or a surname after the first name. from == to when no name
// is there («я директор школы хочу ...»).
func (s *scan) nameAfterRole(j int) (int, int) {
	seg := s.toks[j].seg
	from, f := j, j
	if !s.toks[j].has(tFirstName) {
		w := s.norm(j)
		// («пак» a cue word too, the PUK code's misheard.)
		if !isLetters(w) || len([]rune(w)) > 5 || (s.toks[j].has(tStop|tNum|tCue|tTrap|tConn|tMonth|tStreet) || commonWord(w)) && !koreanShortSurname(w) {
			return j, j
		}
		f = j + 1
		if f >= len(s.toks) || s.toks[f].seg != seg || !s.toks[f].has(tFirstName) {
			return j, j
		}
	}
	to := f + 1
	if to < len(s.toks) && s.toks[to].seg == seg && (patronymic(s.norm(to)) || s.surnameAt(to) && !commonWord(s.norm(to))) {
		to++
	}
	return from, to
}

// latinName reports whether w is a word of a name in Latin letters:
// letters only, three at least.
func latinName(w string) bool {
	if len(w) < 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// spelledAsWord: a word saying how a name is written or printed.
func spelledAsWord(w string) bool {
	return isWord(w, "написано", "написан", "написана", "написали", "напечатано", "указано", "латиницей", "пишется", "правильно", "надо", "нужно", "должно", "стоит")
}
