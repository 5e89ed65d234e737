package redact

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// spelledNameLetters masks the letters that spell a name masked in the
// call (causes block PH), said letter by letter or by the letters' names,
// Russian or Latin: right after the name or before it, «по буквам», «то
// есть», «это» between or not («остапенко о эс тэ а пэ е эн ка о», «эф е
// дэ о эр о вэ то есть федоров», «эм а эр и я мария», «нгуен н г у е н
// нгуен»), or alone, spelling a name masked before on either channel
// («[ким ир] нет» — «к и м отдельно»). The letters must spell the whole
// name's word, each letter's sound in its place (one slip allowed in a
// word of six letters or more): letters that spell no masked name («зет
// ха шесть три пи эл», a booking's code; a plate; a street spelled) stay.
// Run with the name echoes, so that every name masked in the call is
// known; a letter another rule masked as a mailbox's stays the mailbox's.
func (s *scan) spelledNameLetters(all []*scan) {
	var names []string
	for _, o := range all {
		if o == nil {
			continue
		}
		for k := range o.found {
			f := &o.found[k]
			if typeAt[f.typ] != Name || f.rule == ruleDropped {
				continue
			}
			for i := f.from; i < f.to; i++ {
				if w := o.norm(i); utf8.RuneCountInString(w) >= 3 && isLetters(w) && o.marks[i] == k+1 {
					names = append(names, w)
				}
			}
		}
	}
	if len(names) == 0 {
		return
	}
	for i := 0; i < len(s.toks); {
		if !s.spellingLetter(i) {
			i++
			continue
		}
		seg, j := s.toks[i].seg, i
		for j < len(s.toks) && s.toks[j].seg == seg && s.spellingLetter(j) {
			j++
		}
		if j-i >= 3 {
			s.spelledRunOfName(i, j, seg, names)
		}
		i = j
	}
}

// spelledRunOfName claims what of the letters [i, j) spells a name: the
// name's word right before them (or before «по буквам», «то есть»,
// «это»), the one right after them (or after «то есть», «это»), or a
// name of names that the whole run spells.
func (s *scan) spelledRunOfName(i, j int, seg int32, names []string) {
	if s.spelledAfterNote(i, j, seg) {
		return
	}
	if p := s.spelledGapBefore(i, seg); p >= 0 && s.maskedAs(p, Name) {
		if w := s.norm(p); s.spells(i, min(j, i+spelledLen(w)), w) {
			s.claim(Name, ruleNameFull, i, i+spelledLen(w))
			s.firstNameAfterSpelled(i+spelledLen(w), seg)
			return
		}
	}
	if q := s.spelledGapAfter(j, seg); q >= 0 && s.maskedAs(q, Name) {
		if w := s.norm(q); spelledLen(w) <= j-i && s.spells(j-spelledLen(w), j, w) {
			s.claim(Name, ruleNameFull, j-spelledLen(w), j)
			return
		}
	}
	for _, w := range names {
		if s.spells(i, j, w) || s.spellsSoftSaid(i, j, w) {
			s.claim(Name, ruleNameFull, i, j)
			s.firstNameAfterSpelled(j, seg)
			return
		}
	}
}

// spelledAfterNote claims the letters [i+1, j) that spell the name masked
// before a spelling note of one letter, «через е», «через о», the note's
// letter the run's first («аксенов через е а к с е н о в»: causes block
// TA; ct), and a first name right after them; it reports whether it did.
func (s *scan) spelledAfterNote(i, j int, seg int32) bool {
	if i < 2 || j-i < 4 || s.toks[i-1].seg != seg || s.norm(i-1) != "через" || !s.letter(i) {
		return false
	}
	p := i - 2
	if s.toks[p].seg != seg || !s.maskedAs(p, Name) {
		return false
	}
	w := s.norm(p)
	if n := spelledLen(w); n <= j-i-1 && s.spells(i+1, i+1+n, w) {
		s.claim(Name, ruleNameFull, i+1, i+1+n)
		s.firstNameAfterSpelled(i+1+n, seg)
		return true
	}
	return false
}

// spellsSoftSaid reports whether the letters [from, to) spell w with its
// soft or hard sign said as a letter of its own («к у з ь м и н а» for
// «кузьмина»: causes block TA; ct), the other letters as spells reads
// them.
func (s *scan) spellsSoftSaid(from, to int, w string) bool {
	n := utf8.RuneCountInString(w)
	if n == spelledLen(w) || to-from != n {
		return false
	}
	slips, k := 0, from
	for _, r := range w {
		t := s.norm(k)
		k++
		if r == 'ь' || r == 'ъ' {
			if t != string(r) {
				return false
			}
			continue
		}
		if sameSound(letterSound(t)) != sameSound(r) {
			slips++
			if slips > 1 || n < 7 {
				return false
			}
		}
	}
	return true
}

// firstNameAfterSpelled claims a first name a list knows right after the
// letters of a surname spelled, ending at j in segment seg («по буквам н
// о г а е в а диана»: causes block TA; ct).
func (s *scan) firstNameAfterSpelled(j int, seg int32) {
	if j < len(s.toks) && s.toks[j].seg == seg && s.marks[j] == 0 && s.firstNameAt(j) {
		s.claim(Name, ruleNameFull, j, j+1)
	}
}

// spellingLetter reports whether token k may be a letter of a name
// spelled: one letter or a letter's name, not masked but as a name's or a
// mailbox's part.
func (s *scan) spellingLetter(k int) bool {
	if s.marks[k] != 0 && !s.maskedAs(k, Name) && !s.maskedAs(k, Email) {
		return false
	}
	return s.letter(k) || s.letterName(k)
}

// spelledGapBefore returns the token before the letters at i, past «по
// буквам», «то есть», «это» in the segment, or -1.
func (s *scan) spelledGapBefore(i int, seg int32) int {
	p := i - 1
	if p >= 1 && s.toks[p-1].seg == seg && (s.norm(p-1) == "по" && s.norm(p) == "буквам" || s.norm(p-1) == "то" && s.norm(p) == "есть") {
		p -= 2
	} else if p >= 0 && s.toks[p].seg == seg && s.norm(p) == "это" {
		p--
	}
	if p < 0 || s.toks[p].seg != seg {
		return -1
	}
	return p
}

// spelledGapAfter returns the token after the letters ending at j, past
// «то есть», «это» in the segment, or -1.
func (s *scan) spelledGapAfter(j int, seg int32) int {
	q := j
	if q+1 < len(s.toks) && s.toks[q+1].seg == seg && s.norm(q) == "то" && s.norm(q+1) == "есть" {
		q += 2
	} else if q < len(s.toks) && s.toks[q].seg == seg && s.norm(q) == "это" {
		q++
	}
	if q >= len(s.toks) || s.toks[q].seg != seg {
		return -1
	}
	return q
}

// spells reports whether the letters [from, to) spell w, a letter's
// sound for each of its letters («е» for «ё», «и» for «й»), with one slip
// allowed in a word of six letters or more.
func (s *scan) spells(from, to int, w string) bool {
	n := spelledLen(w)
	if n < 3 || to-from != n {
		return false
	}
	slips, k := 0, from
	for _, r := range w {
		if r == 'ь' || r == 'ъ' {
			continue
		}
		if a := sameSound(letterSound(s.norm(k))); a != sameSound(r) {
			slips++
			if slips > 1 || n < 6 {
				return false
			}
		}
		k++
	}
	return true
}

// sameSound folds the letters a speller says alike: «ё» as «е», «й» as
// «и», «э» as «е».
func sameSound(r rune) rune {
	switch r {
	case 'ё', 'э':
		return 'е'
	case 'й':
		return 'и'
	}
	return r
}

// spelledLen is how many letters a speller says for w: its letters but
// the soft and the hard sign, which most leave out («э эль вэ и эр а» for
// «эльвира»).
func spelledLen(w string) int {
	return utf8.RuneCountInString(w) - strings.Count(w, "ь") - strings.Count(w, "ъ")
}

// spelledMailReadBack masks the other side's read-back of a mailbox
// spelled letter by letter, said back as the words the letters make
// («з у л ь ф и я эм а л ь собака ...» — «зульфия мал», «эм а кей эс и эм
// пятьдесят пять собака ...» — «максим пятьдесят пять»: bu, by): in the
// 30 s after the letters, a word whose letters, in their order, are a
// stretch of the letters' sounds (the soft sign left out), five letters
// at least, or three right after a word so masked; the number words
// right after it when the letters had number words right after them.
// Run with the echoes, so that every mailbox masked in the call is known
// and the operator's own names (opNames) are.
func (s *scan) spelledMailReadBack(all []*scan, opNames []string) {
	type run struct {
		sounds []rune
		end    float64
		digits bool // number words said right after the letters
	}
	var rbuf [4]run
	runs := rbuf[:0]
	for _, o := range all {
		if o == nil || o == s {
			continue
		}
		for i := 0; i < len(o.toks) && len(runs) < len(rbuf); {
			if !o.maskedAs(i, Email) || !(o.letter(i) || o.letterName(i)) {
				i++
				continue
			}
			seg, j := o.toks[i].seg, i
			var sounds []rune
			for j < len(o.toks) && o.toks[j].seg == seg && o.maskedAs(j, Email) && (o.letter(j) || o.letterName(j)) {
				if r := sameSound(letterSound(o.norm(j))); r != 'ь' && r != 'ъ' && r != 0 {
					sounds = append(sounds, r)
				}
				j++
			}
			if len(sounds) >= 3 {
				runs = append(runs, run{sounds: sounds, end: o.t1(&o.toks[j-1]), digits: j < len(o.toks) && o.toks[j].seg == seg && o.toks[j].has(tNum)})
			}
			i = j
		}
	}
	if len(runs) == 0 {
		return
	}
	var wbuf [24]rune
	for i := range s.toks {
		if s.marks[i] != 0 || !s.echoWord(i) {
			continue
		}
		word := wbuf[:0]
		for _, r := range s.norm(i) {
			if r != 'ь' && r != 'ъ' && len(word) < len(wbuf) {
				word = append(word, sameSound(r))
			}
		}
		after := i > 0 && s.toks[i-1].seg == s.toks[i].seg && s.maskedAs(i-1, Email)
		if len(word) < 5 && !(after && len(word) >= 3) {
			continue
		}
		// The operator's own name is a read-back only with the mailbox's
		// rest around it: «светлана восемь верно», not «меня зовут
		// светлана».
		if !after && slices.Contains(opNames, s.norm(i)) && (i+1 == len(s.toks) || s.toks[i+1].seg != s.toks[i].seg || !s.toks[i+1].has(tNum|tAt|tDot|tEmailCue)) {
			continue
		}
		at := s.t0(&s.toks[i])
		for _, r := range runs {
			if at < r.end || at-r.end > 30 || !runesWithin(word, r.sounds) {
				continue
			}
			end := i + 1
			for r.digits && end < len(s.toks) && s.toks[end].seg == s.toks[i].seg && s.marks[end] == 0 && runWord(s.toks[end].num()) {
				end++
			}
			s.claim(Email, ruleEcho[typeIndex(Email)], i, end)
			break
		}
	}
}

// runesWithin reports whether w is a stretch of s.
func runesWithin(w, s []rune) bool {
	for k := 0; k+len(w) <= len(s); k++ {
		if slices.Equal(w, s[k:k+len(w)]) {
			return true
		}
	}
	return false
}
