package redact

import (
	"strings"
	"testing"
	"unsafe"
)

// TestTokenLayout: tokenizeWords writes a token as four words of 8
// bytes (segment and word, offsets, normal form, lexicon roles and sign)
// and copies a slot's roles as one (trig, ent, kind, then n cleared).
func TestTokenLayout(t *testing.T) {
	var tk token
	var sl lexSlot
	for _, c := range []struct {
		name      string
		got, want uintptr
	}{
		{"token.word", unsafe.Offsetof(tk.word), unsafe.Offsetof(tk.seg) + 4},
		{"token.off", unsafe.Offsetof(tk.off), 8},
		{"token.end", unsafe.Offsetof(tk.end), 12},
		{"token.no", unsafe.Offsetof(tk.no), 16},
		{"token.nl", unsafe.Offsetof(tk.nl), 20},
		{"token.trig", unsafe.Offsetof(tk.trig), 24},
		{"token.ent", unsafe.Offsetof(tk.ent), 28},
		{"token.kind", unsafe.Offsetof(tk.kind), 30},
		{"token.sym", unsafe.Offsetof(tk.sym), 31},
		{"token", unsafe.Sizeof(tk), 32},
		{"bound.end", unsafe.Offsetof(bound{}.end), 4},
		{"lexSlot.ent", unsafe.Offsetof(sl.ent), unsafe.Offsetof(sl.trig) + 4},
		{"lexSlot.kind", unsafe.Offsetof(sl.kind), unsafe.Offsetof(sl.trig) + 6},
		{"lexSlot.n", unsafe.Offsetof(sl.n), unsafe.Offsetof(sl.trig) + 7},
		{"lexSlot.key", unsafe.Offsetof(sl.key) % 8, 0},
	} {
		if c.got != c.want {
			t.Errorf("%s at %d, want %d", c.name, c.got, c.want)
		}
	}
	if unsafe.Sizeof(tk.trig) != 4 || unsafe.Sizeof(tk.ent) != 2 || unsafe.Sizeof(tk.kind) != 1 {
		t.Error("token's roles are not 4, 2 and 1 bytes")
	}
}

// TestTokenizeLengths: words of every length tokenizeWords reads in
// words of 8 bytes (1 to 40 bytes: small, capital first, with a Latin
// letter, in the lexicon or not), alone and in a text, as
// text.AppendTokens gives them.
func TestTokenizeLengths(t *testing.T) {
	var words []string
	for _, w := range []string{"восемнадцатого", "здравствуйте", "пятьсот", "девятнадцать", "зовут", "улица", "да", "я"} {
		words = append(words, w, strings.ToUpper(w[:2])+w[2:], w+"x", "Ж"+w[2:]+"b")
	}
	for n := 1; n <= 20; n++ {
		words = append(words, strings.Repeat("я", n), "Я"+strings.Repeat("я", n-1), strings.Repeat("q", n), "Я"+strings.Repeat("q", n), strings.Repeat("я", n)+"q")
	}
	for w := range lexRU.words() {
		if len(w) >= 15 && len(w) <= 19 || len(w) >= 31 && len(w) <= 34 {
			words = append(words, w, "Я"+w)
		}
	}
	for _, w := range words {
		checkTokenize(t, w)
		checkTokenize(t, w+", "+w+". "+w)
	}
	checkTokenize(t, strings.Join(words, " "))
}

// words lists the table's words.
func (t *lexTable) words() map[string]bool {
	out := map[string]bool{}
	for i := range t.slots {
		if sl := &t.slots[i]; sl.tag != 0 {
			out[t.keys[sl.off:sl.off+uint32(sl.n)]] = true
		}
	}
	return out
}

// TestAppendFoldedCapitalized: appendFolded's copy of a capitalized word
// with its first letter folded is what folding it a byte at a time gives.
func TestAppendFoldedCapitalized(t *testing.T) {
	ws := []string{"Здравствуйте", "Анна", "Яя", "Ёлка", "Жёлтый", "ЖЁЛТЫЙ", "Жb", "Ж1", "Ааааааа", "Ааааааая", "Ааааааа\xd0\xc0", "Ж\xd0\xff", "Я\xd1\x90", "Hello", "Привет,"}
	for w := range lexRU.words() {
		r := []rune(w)
		ws = append(ws, strings.ToUpper(string(r[:1]))+string(r[1:]))
	}
	n := 0
	for _, w := range ws {
		if capitalized(w) {
			n++
		}
		if got, want := string(appendFolded([]byte("x"), w)), string(appendFoldedBytes([]byte("x"), w)); got != want {
			t.Errorf("appendFolded(%q) = %q, a byte at a time %q", w, got, want)
		}
	}
	if n < 1000 {
		t.Errorf("%d capitalized words", n)
	}
}
