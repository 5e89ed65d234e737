package redact

import (
	"strings"
	"testing"
	"unicode"
)

// TestHasAlnumSame: hasAlnum's bytes give unicode's answer on every
// rune of the first 0x3000 (Latin, Cyrillic and the rest), alone and
// after punctuation, and on bytes that are no UTF-8.
func TestHasAlnumSame(t *testing.T) {
	want := func(s string) bool {
		return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
	}
	var cases []string
	for r := rune(0); r < 0x3000; r++ {
		cases = append(cases, string(r), "-"+string(r), string(r)+"!", "…"+string(r), "«"+string(r)+"»")
	}
	cases = append(cases, "", "—", " , . ", "\xd0", "\xd0\x41", "\xd1", "\xd1\xff", "\xff\xfe", "-\xd0", "ё", "Ё", "…а", "1", "_", "@")
	for _, c := range cases {
		if got := hasAlnum(c); got != want(c) {
			t.Errorf("hasAlnum(%q) = %v, unicode says %v", c, got, want(c))
		}
	}
}

// TestCodeWordCuesAreCodes: every word of the lexicon codeWordCue takes
// is a code's cue, so that a channel with one has codeCued (the gate of
// codeWords, codeWordFamily).
func TestCodeWordCuesAreCodes(t *testing.T) {
	n := 0
	for lang, lex := range lexicon {
		for w, e := range lex {
			if !codeWordCue(w) {
				continue
			}
			n++
			if e.trig&tCue == 0 || e.cue != Code {
				t.Errorf("%s «%s»: a code word's cue that is no code's cue", lang, w)
			}
		}
	}
	if n == 0 {
		t.Fatal("no code word's cue in the lexicon")
	}
}
