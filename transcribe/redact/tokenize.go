package redact

import (
	"math/bits"
	"slices"
	"strings"
	"unsafe"

	"github.com/callscope/callscope/analyze/text"
)

// tokenize appends the tokens of src (segment k's text when j < 0, else
// its word j) to s.toks, each with its normal form in s.norms and its
// lexicon roles. The tokens are those text.AppendTokens gives (the same
// words, offsets and normal forms: TestTokenizeSame, FuzzTokenize); src
// with a character outside ASCII and the two-byte Cyrillic block (rare in
// a recognizer's output: «₽», «—») is handed to text.AppendTokensInto
// instead. It reports whether src has an @ (a written e-mail address:
// literals), which it meets as a separator, so that src is not searched
// for one again.
//
// It reads src in two passes: the words' bounds first (bounds), then
// each word's normal form, lexicon slot and token (tokenizeWords). One
// loop doing both, with a call a word to file it (the tokenizer until
// session 15: nine arguments, and the lexicon's lookup a call of its
// own), kept more values live than there are registers, and Go saves
// none across a call: they were spilled and reloaded at every word.
func (s *scan) tokenize(src string, k, j int32) (hasAt bool) {
	bs := slices.Grow(s.bnds[:0], len(src)/2+1)[:len(src)/2+1]
	s.bnds = bs
	bs, hasAt, ok := bounds(bs, src)
	if !ok {
		s.tokenizeSlow(src, k, j, len(s.toks), len(s.norms))
		return strings.IndexByte(src, '@') >= 0
	}
	if len(bs) > 0 {
		s.tokenizeWords(src, bs, uint64(uint32(k))|uint64(uint32(j))<<32)
	}
	return hasAt
}

// bound is a word's bounds in its text (start and end, one word of 8
// bytes: tokenizeWords copies them to the token as one), and whether its
// normal form is the word itself (0), it with its first letter folded
// (boundCapFirst) or the word folded (boundDirty set).
type bound struct {
	start, end int32
	fold       uint8
}

const (
	boundCapFirst = 1 // its first letter alone, a Russian capital (А..Я but Ё) («Анна»)
	boundDirty    = 2 // a letter to fold elsewhere («ЕЩЁ», «ёж», «Mail»)
)

// bounds writes the bounds of src's words to bs (room for len(src)/2+1:
// a word and a separator take two bytes) and returns them, whether src
// has an @ (met as a separator), and ok false when src has a character
// left to text.AppendTokensInto (tokenizeSlow).
func bounds(bs []bound, src string) (out []bound, hasAt, ok bool) {
	n := 0
	p := unsafe.Pointer(unsafe.StringData(src))
	for i := 0; i < len(src); {
		if c := src[i]; c < 0x80 && !asciiWordByte(c) {
			// A separator (an apostrophe opens no word).
			hasAt = hasAt || c == '@'
			i++
			continue
		}
		start := i
		var fold uint8
	word:
		for i < len(src) {
			c := src[i]
			switch {
			// (Cyrillic first: the commonest start of a token.)
			case (c == 0xD0 || c == 0xD1) && i+1 < len(src) && src[i+1]&0xC0 == 0x80:
				// Cyrillic: а..п are D0 B0..BF, р..я D1 80..8F; the rest
				// of the two blocks (capitals, ё, Ukrainian letters) is
				// folded.
				if c2 := src[i+1]; c == 0xD0 && c2 < 0xB0 || c == 0xD1 && c2 >= 0x90 {
					if start == i && c == 0xD0 && c2 >= 0x90 {
						fold |= boundCapFirst
					} else {
						fold |= boundDirty
					}
				}
				i += 2
				// The small Russian letters after it (most of a word),
				// four at a time, without a branch each: the count of
				// those that open eight bytes is the lowest lane of
				// notSmall4 set. What stops them (a capital, ё, a
				// separator) is read by the switch's next turn.
				for i+8 <= len(src) {
					bad := notSmall4(*(*uint64)(unsafe.Add(p, i)))
					if bad != 0 {
						i += bits.TrailingZeros64(bad) >> 4 << 1
						continue word
					}
					i += 8
				}
				// The last one to three: two at once, then one.
				if i+4 <= len(src) && lower2(*(*uint32)(unsafe.Add(p, i))) {
					i += 4
				}
				if i+1 < len(src) && smallRussian(src[i], src[i+1]) {
					i += 2
				}
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				// The rest of a run of them in a loop of its own, not a
				// turn of the switch each.
				for i++; i < len(src) && asciiLower(src[i]); i++ {
				}
			case 'A' <= c && c <= 'Z':
				fold |= boundDirty
				i++
			case c >= 0x80:
				return nil, false, false
			case c == '\'' && i+1 < len(src):
				// Inside a word when a letter follows («don't»).
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
					return nil, false, false
				}
				break word
			default:
				break word // a separator: the outer loop reads it
			}
		}
		bs[n] = bound{start: int32(start), end: int32(i), fold: fold}
		n++
	}
	return bs[:n], hasAt, true
}

// notSmall4 is lower4's test lane by lane: the eight bytes x (read
// little-endian) as four two-byte lanes, a lane's bits zero when it is a
// small Russian letter but ё (D0 B0..BF, D1 80..8F), some set when not.
func notSmall4(x uint64) uint64 {
	const lanes = 0x00FF00FF00FF00FF
	lead, next := x&lanes, x>>8&lanes
	return lead&0x00FE00FE00FE00FE ^ 0x00D000D000D000D0 | next&0x00F000F000F000F0 ^ (0x00B000B000B000B0 ^ (lead&0x0001000100010001)*0x30)
}

// tokenizeWords appends the tokens of src's words bs (of segment and word
// segWord: the token's first eight bytes), each with its normal form in
// s.norms: a word already in normal form (nearly every word) copied as
// it is, one that needs folding («Анна», «ЕЩЁ») folded (normOf reads
// every form from s.norms, without a branch on where it is). A word of
// 32 bytes or fewer (nearly every word) is read as up to four words of
// 8 bytes, from which it is copied, its key made (wordKey) and compared
// with its slot's (lexTable.slot written out, with no call); a token is
// written as four words of 8 bytes (its fields in that order: TestTokenLayout).
func (s *scan) tokenizeWords(src string, bs []bound, segWord uint64) {
	tab := s.lexTable()
	slots, shift, mask := tab.slots, tab.shift, uint64(len(tab.slots)-1)
	nt := len(s.toks)
	toks := slices.Grow(s.toks, len(bs))[:nt+len(bs)]
	// (16 bytes more: a form is read as two words of 8 bytes from its
	// start.)
	norms := slices.Grow(s.norms, len(src)+16)
	p := unsafe.Pointer(unsafe.StringData(src))
	for bi := range bs {
		b := &bs[bi]
		t := &toks[nt+bi]
		start, end := int(b.start), int(b.end)
		n := end - start
		no := len(norms)
		*(*uint64)(unsafe.Pointer(&t.seg)) = segWord
		*(*uint64)(unsafe.Pointer(&t.off)) = *(*uint64)(unsafe.Pointer(&b.start))
		sym := uint64(0)
		if end < len(src) && maySym(src, end) && symAfter(src, end) {
			sym = 1 << 56
		}
		if b.fold&boundDirty != 0 || n > 32 || n == 17 && b.fold != 0 || src[start]-'0' <= 9 {
			// A word to fold, a long one, a capital's of 17 bytes (its
			// last 16 would hold a byte of it), or a number: its form
			// made and looked up as it comes.
			if b.fold&boundDirty != 0 {
				norms = appendFold(norms, src[start:end])
			} else {
				norms = append(norms, src[start:end]...)
				if b.fold != 0 {
					norms[no], norms[no+1] = foldCapital(src[start+1])
				}
			}
			if cap(norms)-len(norms) < 16+len(src)-end {
				norms = slices.Grow(norms, 16+len(src)-end)
			}
			*(*uint64)(unsafe.Pointer(&t.no)) = uint64(no) | uint64(len(norms)-no)<<32
			trig, ent, kind := lookup(s.lang, unsafe.String(&norms[no], len(norms)-no))
			*(*uint64)(unsafe.Pointer(&t.trig)) = uint64(trig) | uint64(ent)<<32 | uint64(kind)<<48 | sym
			continue
		}
		// The word's bytes as lo, hi (its first 16, zeros after its
		// end; raw, its last 8 as read) and, for a word of more than 16,
		// c, d (its last 16), read from src by overlapping loads.
		var lo, hi, raw, c, d uint64
		q := unsafe.Add(p, start)
		switch {
		case n > 16:
			lo, hi = *(*uint64)(q), *(*uint64)(unsafe.Add(q, 8))
			c, d = *(*uint64)(unsafe.Add(q, n-16)), *(*uint64)(unsafe.Add(q, n-8))
		case n >= 8:
			lo, raw = *(*uint64)(q), *(*uint64)(unsafe.Add(q, n-8))
			hi = raw >> (8 * (16 - n)) // (0 at n = 8)
		case n >= 4:
			lo = uint64(*(*uint32)(q)) | uint64(*(*uint32)(unsafe.Add(q, n-4)))<<(8*(n-4))
		case n >= 2:
			lo = uint64(*(*uint16)(q)) | uint64(*(*uint16)(unsafe.Add(q, n-2)))<<(8*(n-2))
		default:
			lo = uint64(*(*uint8)(q))
		}
		if b.fold != 0 {
			// A capital first (D0 90..AF): its two bytes folded.
			c0, c1 := foldCapital(byte(lo >> 8))
			lo = lo&^0xFFFF | uint64(c0) | uint64(c1)<<8
		}
		// The normal form: 16 bytes written (norms has room), its length
		// kept.
		norms = norms[:no+n]
		dst := unsafe.Pointer(unsafe.SliceData(norms[no:]))
		*(*uint64)(dst), *(*uint64)(unsafe.Add(dst, 8)) = lo, hi
		if n > 16 {
			*(*uint64)(unsafe.Add(dst, n-16)), *(*uint64)(unsafe.Add(dst, n-8)) = c, d
		}
		*(*uint64)(unsafe.Pointer(&t.no)) = uint64(no) | uint64(n)<<32
		// wordKey of the form: its length and its first and last four
		// bytes (its bytes below four), from the words read.
		ka, kb := lo, uint64(0)
		switch {
		case n > 16:
			ka, kb = lo&0xFFFFFFFF, d>>32
		case n >= 8:
			ka, kb = lo&0xFFFFFFFF, raw>>32 // (past a capital's bytes)
		case n >= 4:
			ka, kb = lo&0xFFFFFFFF, lo>>(8*(n-4))&0xFFFFFFFF
		}
		h := (ka|uint64(n)<<32)*0x9E3779B97F4A7C15 ^ kb*0xC2B2AE3D27D4EB4F
		h = (h ^ h>>31) * 0xBF58476D1CE4E5B9
		tag := uint32(h) | 1
		roles := uint64(0)
		for x := h >> shift; ; x = (x + 1) & mask {
			sl := &slots[x&mask]
			if sl.tag == 0 {
				break
			}
			if sl.tag != tag || int(sl.n) != n || *(*uint64)(unsafe.Pointer(&sl.key)) != lo || *(*uint64)(unsafe.Pointer(&sl.key[8])) != hi {
				continue
			}
			if n > 16 {
				r := unsafe.Add(unsafe.Pointer(unsafe.StringData(tab.keys)), int(sl.off)+n-16)
				if *(*uint64)(r) != c || *(*uint64)(unsafe.Add(r, 8)) != d {
					continue
				}
			}
			roles = *(*uint64)(unsafe.Pointer(&sl.trig)) & 0x00FFFFFFFFFFFFFF
			break
		}
		*(*uint64)(unsafe.Pointer(&t.trig)) = roles | sym
	}
	// Only the lengths are written back when the arrays are the same (a
	// slice written whole is a write barrier while the collector runs).
	if unsafe.SliceData(toks) == unsafe.SliceData(s.toks) {
		s.toks = s.toks[:len(toks)]
	} else {
		s.toks = toks
	}
	if unsafe.SliceData(norms) == unsafe.SliceData(s.norms) {
		s.norms = s.norms[:len(norms)]
	} else {
		s.norms = norms
	}
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

// asciiWordByte reports whether the ASCII byte c may open a token: a
// letter or a digit.
func asciiWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
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
