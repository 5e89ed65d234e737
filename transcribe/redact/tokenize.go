package redact

import (
	"slices"
	"strings"
	"unsafe"

	"github.com/callscope/callscope/analyze/text"
)

// tokenize appends the tokens of src (segment k's text when j < 0, else
// its word j) to s.toks, each with its normal form in s.norms and its
// lexicon roles, in one pass over the bytes. The tokens are those
// text.AppendTokens gives (the same words, offsets and normal forms:
// TestTokenizeSame, FuzzTokenize); src with a character outside ASCII and
// the two-byte Cyrillic block (rare in a recognizer's output: «₽», «—»)
// is handed to text.AppendTokensInto instead. It reports whether src has
// an @ (a written e-mail address: literals), which it meets as a
// separator, so that src is not searched for one again.
func (s *scan) tokenize(src string, k, j int32) (hasAt bool) {
	n0, norms0 := len(s.toks), len(s.norms)
	start := -1
	// dirty: the token has a letter to fold; capFirst: its first letter
	// alone, a Russian capital (А..Я but Ё), with none to fold after it
	// («Анна», a sentence's first word): copied with that letter folded,
	// without appendFold's reading of the word again.
	dirty, capFirst := false, false
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		// (Cyrillic first: the commonest start of a token.)
		case (c == 0xD0 || c == 0xD1) && i+1 < len(src) && src[i+1]&0xC0 == 0x80:
			// Cyrillic: а..п are D0 B0..BF, р..я D1 80..8F; the rest of
			// the two blocks (capitals, ё, Ukrainian letters) is folded.
			if start < 0 {
				start = i
			}
			if c2 := src[i+1]; c == 0xD0 && c2 < 0xB0 || c == 0xD1 && c2 >= 0x90 {
				if start == i && c == 0xD0 && c2 >= 0x90 {
					capFirst = true
				} else {
					dirty = true
				}
			}
			i += 2
			// Four small Russian letters at once, without a branch each:
			// most of a word; then the last one to three of them. What
			// stops either (a capital, ё, a separator) is read by the
			// switch's next turn.
			for i+8 <= len(src) && lower4(*(*uint64)(unsafe.Add(unsafe.Pointer(unsafe.StringData(src)), i))) {
				i += 8
			}
			// The last one to three: two at once, then one.
			if i+4 <= len(src) && lower2(*(*uint32)(unsafe.Add(unsafe.Pointer(unsafe.StringData(src)), i))) {
				i += 4
			}
			if i+1 < len(src) && smallRussian(src[i], src[i+1]) {
				i += 2
			}
			continue
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			if start < 0 {
				start = i
			}
			// The rest of a run of them in a loop of its own, not a
			// turn of the switch each.
			for i++; i < len(src) && asciiLower(src[i]); i++ {
			}
			continue
		case c == ' ':
		case 'A' <= c && c <= 'Z':
			if start < 0 {
				start = i
			}
			dirty = true
			i++
			continue
		case c >= 0x80:
			s.tokenizeSlow(src, k, j, n0, norms0)
			return strings.IndexByte(src, '@') >= 0
		case c == '\'' && start >= 0:
			// Inside a word when a letter follows («don't»).
			if i+1 < len(src) {
				d := src[i+1]
				if 'a' <= d && d <= 'z' || 'A' <= d && d <= 'Z' {
					i++
					continue
				}
				if d >= 0x80 {
					if (d == 0xD0 || d == 0xD1) && i+2 < len(src) && src[i+2]&0xC0 == 0x80 {
						i++
						continue
					}
					s.tokenizeSlow(src, k, j, n0, norms0)
					return strings.IndexByte(src, '@') >= 0
				}
			}
		}
		// A separator.
		hasAt = hasAt || c == '@'
		if start >= 0 {
			s.addToken(src, start, i, dirty, capFirst, k, j)
			start, dirty, capFirst = -1, false, false
		}
		i++
	}
	if start >= 0 {
		s.addToken(src, start, len(src), dirty, capFirst, k, j)
	}
	return hasAt
}

// addToken appends the token src[start:end] with its normal form in
// s.norms: a word already in normal form (nearly every word) copied as it
// is, one that needs folding («Анна», «ЕЩЁ») folded (normOf reads every
// form from s.norms, without a branch on where it is).
func (s *scan) addToken(src string, start, end int, dirty, capFirst bool, k, j int32) {
	// The token is written where it goes, field by field: a token made
	// on the stack and then copied was read back 16 bytes at a time
	// right after its fields were written one by one, a load the CPU
	// cannot forward from those stores (a stall at every token).
	s.toks = append(s.toks, token{})
	t := &s.toks[len(s.toks)-1]
	t.seg, t.word, t.off, t.end = k, j, int32(start), int32(end)
	w := src[start:end]
	no := len(s.norms)
	var b []byte
	if dirty {
		b = appendFold(s.norms, w)
	} else {
		if n := no + len(w); n <= cap(s.norms) {
			b = s.norms[:n]
			if len(w) >= 4 && len(w) <= 16 {
				copyShort(unsafe.Pointer(&b[no]), w)
			} else {
				copy(b[no:], w)
			}
		} else {
			b = append(s.norms, w...)
		}
		if capFirst {
			b[no], b[no+1] = foldCapital(w[1])
		}
	}
	if unsafe.SliceData(b) == unsafe.SliceData(s.norms) {
		// The same array: only the length is written back (a slice
		// written whole is a write barrier while the collector runs).
		s.norms = s.norms[:len(b)]
	} else {
		s.norms = b
	}
	t.no, t.nl = uint32(no), uint32(len(b)-no)
	w = unsafe.String(unsafe.SliceData(b[no:]), len(b)-no)
	if end < len(src) && maySym(src, end) {
		t.sym = symAfter(src, end)
	}
	if c := w[0]; c < '0' || c > '9' {
		// A word (nearly every token): its slot is looked up here, a
		// call less than lookup (the token is zero: not in the lexicon).
		if sl := s.lexTable().slot(w); sl != nil {
			t.trig, t.ent, t.kind = sl.trig, sl.ent, sl.kind
		}
	} else {
		t.trig, t.ent, t.kind = lookup(s.lang, w)
	}
}

// copyShort copies w, of 4 to 16 bytes (nearly every word), to d by two
// overlapping loads and stores, with no call to memmove.
func copyShort(d unsafe.Pointer, w string) {
	n, p := len(w), unsafe.Pointer(unsafe.StringData(w))
	if n >= 8 {
		a, b := *(*uint64)(p), *(*uint64)(unsafe.Add(p, n-8))
		*(*uint64)(d), *(*uint64)(unsafe.Add(d, n-8)) = a, b
		return
	}
	a, b := *(*uint32)(p), *(*uint32)(unsafe.Add(p, n-4))
	*(*uint32)(d), *(*uint32)(unsafe.Add(d, n-4)) = a, b
}

// lexTable is the lexicon of the scan's language.
func (s *scan) lexTable() *lexTable {
	if s.lang == "en" {
		return lexEN
	}
	return lexRU
}

// maySym is symAfter's answer when it is no, for the commonest cases,
// without a call: after a word comes a space and the next word, or a
// punctuation mark. It reports whether symAfter must look.
func maySym(src string, end int) bool {
	c := src[end]
	if c == ' ' && end+1 < len(src) && src[end+1] != ' ' {
		c = src[end+1]
	}
	return c == '%' || c == '$' || c == 0xE2 || c == ' '
}

// appendFold is text.AppendFold for the words tokenize reads, with the
// ASCII and Russian letters folded here and the rest of Cyrillic handed
// to it.
func appendFold(b []byte, w string) []byte {
	n := len(b)
	if capitalized(w) {
		// The commonest word to fold: only its first letter changes.
		b = append(b, w...)
		b[n], b[n+1] = foldCapital(w[1])
		return b
	}
	// The folded word is as long as w (the letters folded here keep
	// their length): written in place.
	b = slices.Grow(b, len(w))[:n+len(w)]
	o := b[n:]
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c < 0x80:
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			o[i] = c
			continue
		case i+1 < len(w):
			c2 := w[i+1]
			switch {
			case c == 0xD0 && 0x90 <= c2 && c2 <= 0x9F: // А..П
				o[i], o[i+1] = 0xD0, c2+0x20
			case c == 0xD0 && 0xA0 <= c2 && c2 <= 0xAF: // Р..Я
				o[i], o[i+1] = 0xD1, c2-0x20
			case c == 0xD0 && c2 == 0x81 || c == 0xD1 && c2 == 0x91: // Ё, ё
				o[i], o[i+1] = 0xD0, 0xB5
			case c == 0xD0 && c2 >= 0xB0 || c == 0xD1 && c2 <= 0x9F:
				o[i], o[i+1] = c, c2
			default:
				return text.AppendFold(b[:n], w)
			}
			i++
			continue
		}
		return text.AppendFold(b[:n], w)
	}
	return b
}

// tokenizeSlow is tokenize by text.AppendTokensInto, for text with
// characters tokenize leaves to it; the tokens src had from n0 on and
// their normal forms are made again.
func (s *scan) tokenizeSlow(src string, k, j int32, n0, norms0 int) {
	s.toks, s.norms = s.toks[:n0], s.norms[:norms0]
	s.fold = s.fold[:0]
	s.tbuf = text.AppendTokensInto(s.tbuf[:0], &s.fold, src)
	for _, t := range s.tbuf {
		no := len(s.norms)
		s.norms = append(s.norms, t.Norm...)
		s.toks = append(s.toks, token{seg: k, word: j, off: int32(t.Start), end: int32(t.End), no: uint32(no), nl: uint32(len(t.Norm)),
			sym: symAfter(src, t.End)})
		tk := &s.toks[len(s.toks)-1]
		tk.trig, tk.ent, tk.kind = lookup(s.lang, s.normOf(tk))
	}
	clear(s.tbuf) // its Norms point into src and fold
}

// asciiLower reports whether c is a small ASCII letter or a digit.
func asciiLower(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' }

// smallRussian reports whether c, c2 is a small Russian letter but ё:
// а..п (D0 B0..BF) or р..я (D1 80..8F), as lower4 reads them.
func smallRussian(c, c2 byte) bool {
	return c == 0xD0 && c2 >= 0xB0 && c2 <= 0xBF || c == 0xD1 && c2 >= 0x80 && c2 <= 0x8F
}

// lower2 is lower4 for the four bytes x: two small Russian letters but
// ё.
func lower2(x uint32) bool {
	const lanes = 0x00FF00FF
	lead, next := x&lanes, x>>8&lanes
	return lead&0x00FE00FE == 0x00D000D0 && next&0x00F000F0 == 0x00B000B0^(lead&0x00010001)*0x30
}

// lower4 reports whether the eight bytes x (read little-endian) are four
// small Russian letters but ё: а..п (D0 B0..BF) or р..я (D1 80..8F).
func lower4(x uint64) bool {
	const lanes = 0x00FF00FF00FF00FF
	lead, next := x&lanes, x>>8&lanes
	// Each lead byte D0 or D1; the byte after a D0 B0..BF, after a D1
	// 80..8F (B0 ^ 30 when the lead's low bit is set).
	return lead&0x00FE00FE00FE00FE == 0x00D000D000D000D0 &&
		next&0x00F000F000F000F0 == 0x00B000B000B000B0^(lead&0x0001000100010001)*0x30
}
