package redact

import (
	"strings"
	"testing"
)

// TestTrimNonLettersSame holds trimNonLetters to strings.TrimFunc with
// its predicate, on words as a recognizer writes them and on broken UTF-8.
func TestTrimNonLettersSame(t *testing.T) {
	same := func(r rune) bool { return r < 0x80 && !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') }
	for _, w := range []string{"", "-", "«анна»", "соловьева,", "(ivan)", "...", "а-б", "\xd0", "1\xd0\xb0\xd0", "\xffab1", "ab\x80", "--Ivan--", "ёлка!", "9 8"} {
		if got, want := trimNonLetters(w), strings.TrimFunc(w, same); got != want {
			t.Errorf("trimNonLetters(%q) = %q, want %q", w, got, want)
		}
	}
}

func FuzzTrimNonLetters(f *testing.F) {
	same := func(r rune) bool { return r < 0x80 && !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') }
	f.Add("«анна»,")
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := trimNonLetters(w), strings.TrimFunc(w, same); got != want {
			t.Errorf("trimNonLetters(%q) = %q, want %q", w, got, want)
		}
	})
}
