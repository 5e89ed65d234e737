// Package text turns transcript text into the tokens the phrase matcher
// compares: lower case, ё folded to е, punctuation dropped, and each token
// stemmed with the Snowball stemmer of its language, corrected by a small
// alias table (aliases.go), so that inflected forms of a word share one
// key. Numbers written as digits or words compare by value (numbers.go).
//
// The same functions normalize dictionary phrases and transcripts, which is
// what makes a phrase written in one form match the others.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

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
// slice; it lets a caller reuse one buffer across segments. A word already
// in normal form (lower case, no ё, no typographic apostrophe), which is
// most words of a transcript, is a substring of s and costs no allocation.
func AppendTokens(dst []Token, s string) []Token {
	return appendTokens(dst, s, false, nil)
}

// AppendTokensInto is AppendTokens writing the normal form of each word
// that needs folding («Анна», «ещё») to the end of *fold instead of a new
// string, so that it allocates nothing once *fold has room: those tokens'
// Norm points into *fold's array. The caller must not overwrite what is in
// *fold (it may append to it, or start a new one) while it uses them.
func AppendTokensInto(dst []Token, fold *[]byte, s string) []Token {
	return appendTokens(dst, s, false, fold)
}

// AppendWords is AppendTokens without the folding: each token's Norm is
// the word as written («Здравствуйте»), and Fold(Norm) is its normal form.
// It allocates nothing; it is for callers that memoize per word and fold
// only the words they have not seen.
func AppendWords(dst []Token, s string) []Token {
	return appendTokens(dst, s, true, nil)
}

// Fold returns the normal form of one word as AppendWords gives it: lower
// case, ё as е, ’ as '. It returns w itself when w is already normal.
func Fold(w string) string {
	for _, r := range w {
		if fold(r) != r || r == '’' {
			return normalizeWord(w)
		}
	}
	return w
}

func appendTokens(dst []Token, s string, raw bool, into *[]byte) []Token {
	start := -1
	dirty := false
	for i := 0; i < len(s); {
		// Plain runes (а..я, a..z, digits), nearly every rune of a
		// transcript, are in a word as written: their run is taken whole.
		j := i
		for j < len(s) {
			if c := s[j]; c >= 0x80 {
				if j+1 < len(s) && isLowerCyrillic(c, s[j+1]) {
					j += 2
					continue
				}
			} else if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
				j++
				continue
			}
			break
		}
		if j > i {
			if start < 0 {
				start = i
			}
			i = j
			continue
		}
		c := s[i]
		switch {
		case c == ' ':
			if start >= 0 {
				dst = appendToken(dst, s, start, i, dirty, into)
				start, dirty = -1, false
			}
			i++
			continue
		case (c == 0xD0 || c == 0xD1) && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			// The rest of Cyrillic's two blocks (capitals, ё, Ukrainian
			// letters): letters to fold.
			if start < 0 {
				start = i
			}
			dirty = !raw
			i += 2
			continue
		}
		r, size := rune(c), 1
		if c >= 0x80 {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isWordRune(r):
			if start < 0 {
				start = i
			}
			if fold(r) != r {
				dirty = !raw
			}
		case (r == '\'' || r == '’') && start >= 0 && nextIsLetter(s[i+size:]):
			if r == '’' {
				dirty = !raw
			}
		default:
			if start >= 0 {
				dst = appendToken(dst, s, start, i, dirty, into)
				start, dirty = -1, false
			}
		}
		i += size
	}
	if start >= 0 {
		dst = appendToken(dst, s, start, len(s), dirty, into)
	}
	return dst
}

func appendToken(dst []Token, s string, start, end int, dirty bool, into *[]byte) []Token {
	norm := s[start:end]
	switch {
	case dirty && into != nil:
		at := len(*into)
		*into = appendFolded(*into, norm)
		norm = unsafe.String(&(*into)[at], len(*into)-at)
	case dirty:
		norm = normalizeWord(norm)
	}
	return append(dst, Token{Norm: norm, Start: start, End: end})
}

// isLowerCyrillic reports whether the bytes c, c2 are one of а..я: D0 B0
// to D0 BF (а..п) or D1 80 to D1 8F (р..я).
func isLowerCyrillic(c, c2 byte) bool {
	return c == 0xD0 && 0xB0 <= c2 && c2 <= 0xBF || c == 0xD1 && 0x80 <= c2 && c2 <= 0x8F
}

// normalizeWord folds the runes of one word (letters, digits, marks and
// inner apostrophes). ASCII and Cyrillic fold within the bytes they take,
// so most words are folded byte by byte into one allocation.
func normalizeWord(w string) string {
	var buf [64]byte
	return string(appendFolded(buf[:0], w))
}

// appendFolded appends the folded runes of w to b.
func appendFolded(b []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		switch {
		case c < 0x80:
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		case c == 0xD0 && i+1 < len(w):
			switch c2 := w[i+1]; {
			case 0x90 <= c2 && c2 <= 0x9F: // А..П → а..п
				b = append(b, 0xD0, c2+0x20)
			case 0xA0 <= c2 && c2 <= 0xAF: // Р..Я → р..я
				b = append(b, 0xD1, c2-0x20)
			case c2 == 0x81: // Ё → е
				b = append(b, 0xD0, 0xB5)
			default:
				b = utf8.AppendRune(b, fold(rune(c&0x1F)<<6|rune(c2&0x3F)))
			}
			i += 2
			continue
		case c == 0xD1 && i+1 < len(w):
			if c2 := w[i+1]; c2 == 0x91 { // ё → е
				b = append(b, 0xD0, 0xB5)
			} else {
				b = utf8.AppendRune(b, fold(rune(c&0x1F)<<6|rune(c2&0x3F)))
			}
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if r == '’' {
			r = '\''
		}
		b = utf8.AppendRune(b, fold(r))
		i += size
	}
	return b
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

// isWordRune reports whether r belongs in a word: a letter, a digit or a
// combining mark. ASCII and Cyrillic, nearly every rune of a transcript,
// take a fast path; unicode's tables cost most of a call's analysis.
func isWordRune(r rune) bool {
	switch {
	case r < 0x80:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case 0x400 <= r && r <= 0x45F:
		return true // Cyrillic letters, Ё and ё among them
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// fold lower-cases r and folds ё to е.
func fold(r rune) rune {
	switch {
	case r < 0x80:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case 0x430 <= r && r <= 0x44F: // а..я
		return r
	case 0x410 <= r && r <= 0x42F: // А..Я
		return r + 0x20
	case r == 'ё' || r == 'Ё':
		return 'е'
	}
	return unicode.ToLower(r)
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
//
// The Russian and English stemmers are Snowball corrected by a small alias
// table (aliases.go) where Snowball splits one word into two stems
// (пожаловаться / пожалуюсь, перезвонить / перезваниваю, звонок / звонка).
func StemmerFor(lang string) (Stemmer, bool) {
	switch lang {
	case "ru":
		// Stop words are stemmed too: the phrase side and the transcript
		// side then always agree, whatever the stop list says.
		return func(w string) string {
			return alias(ruWordStems, ruStemAliases, w, func(w string) string { return russian.Stem(w, true) })
		}, true
	case "en":
		return func(w string) string {
			return alias(enWordStems, enStemAliases, w, func(w string) string { return english.Stem(w, true) })
		}, true
	}
	return func(w string) string { return w }, false
}

// alias stems w: a word listed in words gets its stem from there, else the
// stemmer's stem is looked up in stems.
func alias(words, stems map[string]string, w string, stem func(string) string) string {
	if s, ok := words[w]; ok {
		return s
	}
	s := stem(w)
	if a, ok := stems[s]; ok {
		return a
	}
	return s
}

// StemmerID names the stemming algorithm and its version; it is part of the
// dictionary version because a new stemmer can change what matches.
const StemmerID = "snowball v0.10.0 + aliases/" + aliasesVersion + " + numbers/" + numbersVersion

// AppendFold appends the normal form of one word (as Tokenize gives it:
// lower case, ё as е, ’ as ') to b: for callers that find the words
// themselves and fold only the ones that need it, into a buffer of
// theirs.
func AppendFold(b []byte, w string) []byte { return appendFolded(b, w) }
