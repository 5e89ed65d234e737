// Package text turns transcript text into the tokens the phrase matcher
// compares: lower case, ё folded to е, punctuation dropped, and each token
// stemmed with the Snowball stemmer of its language so that inflected forms
// of a word share one key.
//
// The same functions normalize dictionary phrases and transcripts, which is
// what makes a phrase written in one form match the others.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/russian"
)

// Token is one word of a text.
type Token struct {
	// Norm is the word lower-cased with ё folded to е: the form an exact
	// phrase compares.
	Norm string
	// Start and End are byte offsets of the word in the text it came from,
	// so a hit can quote the words as spoken.
	Start, End int
}

// Tokenize splits s into words. A word is a run of letters and digits; an
// apostrophe between letters stays inside it (English "don't"); every other
// character, hyphen included, separates words, so "кого-нибудь" is two
// tokens in a phrase and in a transcript alike.
func Tokenize(s string) []Token {
	return AppendTokens(nil, s)
}

// AppendTokens appends the tokens of s to dst and returns the extended
// slice; it lets a caller reuse one buffer across segments.
func AppendTokens(dst []Token, s string) []Token {
	start := -1
	var b strings.Builder
	flush := func(end int) {
		if start >= 0 {
			dst = append(dst, Token{Norm: b.String(), Start: start, End: end})
			b.Reset()
			start = -1
		}
	}
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if start < 0 {
				start = i
				b.Grow(len(s) - i)
			}
			b.WriteRune(fold(r))
		case (r == '\'' || r == '’') && start >= 0 && nextIsLetter(s[i+utf8.RuneLen(r):]):
			b.WriteByte('\'')
		default:
			flush(i)
		}
	}
	flush(len(s))
	return dst
}

// Normalize returns the tokens of s joined by single spaces: the canonical
// spelling of a phrase.
func Normalize(s string) string {
	toks := Tokenize(s)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Norm
	}
	return strings.Join(parts, " ")
}

func fold(r rune) rune {
	r = unicode.ToLower(r)
	if r == 'ё' {
		return 'е'
	}
	return r
}

func nextIsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// Stemmer maps a normalized word to its stem.
type Stemmer func(word string) string

// StemmerFor returns the stemmer of a language (a BCP 47 primary tag) and
// whether the language has one. A language without a stemmer gets the
// identity, so its phrases match only the word forms written.
func StemmerFor(lang string) (Stemmer, bool) {
	switch lang {
	case "ru":
		// Stop words are stemmed too: the phrase side and the transcript
		// side then always agree, whatever the stop list says.
		return func(w string) string { return russian.Stem(w, true) }, true
	case "en":
		return func(w string) string { return english.Stem(w, true) }, true
	}
	return func(w string) string { return w }, false
}

// StemmerID names the stemming algorithm and its version; it is part of the
// dictionary version because a new stemmer can change what matches.
const StemmerID = "snowball v0.10.0"
