package redact

import (
	"testing"
	"unsafe"
)

// TestLexTableSame checks the frozen tables against the lexicon they are
// made from: every word found with its entry, words outside not found,
// and every trigger word let through by the prefilter's filter.
func TestLexTableSame(t *testing.T) {
	for lang, tab := range map[string]*lexTable{"ru": lexRU, "en": lexEN} {
		for w, e := range lexicon[lang] {
			got := tab.get(w)
			if got == nil || *got != *e {
				t.Errorf("%s %q: got %+v, want %+v", lang, w, got, e)
			}
		}
		for _, w := range []string{"", "линия", "интернет", "роутер", "x", "двадцатьь", "зову"} {
			if _, ok := lexicon[lang][w]; !ok && tab.get(w) != nil {
				t.Errorf("%s %q: found, not in the lexicon", lang, w)
			}
		}
	}
	n := 0
	for _, lex := range lexicon {
		for w, e := range lex {
			cardinal := e.trig&tNum != 0 && e.num.kind != nkOrdinal && e.num.kind != nkOrdTens && e.num.kind != nkOrdThous
			if !cardinal && e.trig&startTriggers == 0 {
				continue
			}
			n++
			if triggerSet.get(w) == nil || !isTrigger(w, 0, len(w)) {
				t.Errorf("trigger %q not let through", w)
			}
			if plainWord(w) && !plainMay(w) {
				t.Errorf("trigger %q: plainMay false", w)
			}
		}
	}
	if n < 300 {
		t.Fatalf("%d trigger words", n)
	}
}

func TestSameKey(t *testing.T) {
	words := []string{"", "a", "ab", "abc", "abcd", "abce", "дом", "домa", "пять", "пятъ", "восемь", "восемъ", "девятьсот", "девятьсоп", "xбcdefghijklmnop", "xбcdefghijklmnoq", "a very long word indeed", "a very long word indeeD"}
	for _, a := range words {
		for _, b := range words {
			if len(a) == len(b) && sameKey(a, b) != (a == b) {
				t.Errorf("sameKey(%q, %q) = %v", a, b, !(a == b))
			}
		}
	}
}

// TestLexSlotSize: a slot is half a cache line, as lexTable says.
func TestLexSlotSize(t *testing.T) {
	if n := unsafe.Sizeof(lexSlot{}); n != 32 {
		t.Errorf("lexSlot is %d bytes", n)
	}
}
