package redact

import (
	"strings"
	"testing"

	"github.com/callscope/callscope/analyze/text"
	"github.com/callscope/callscope/schemas"
)

var tokenizeCases = []string{
	"", " ", "Компания Ромашка, меня зовут Игорь, здравствуйте.",
	"Повторяю: карта 4276 1600 1234 5675. Назовите три цифры на обороте карты.",
	"ivan.petrov@mail.ru", "иван точка петров собака мейл точка ру", "don't O'Brien d'", "'quoted' x'",
	"Ещё ЁЛКА ёж МТС", "500 ₽, 20% и 10$", "«кавычки» — тире", "Ѐѐ Ђђ Ѡѡ Іі Її Єє", "a’b", "x'ё", "x'\xd0", "\xd0\xd0 \xd1",
	"8-916-123-45-67 +7 (495) 123-45-67", "Café naïve", "日本語 テキスト", "a\tb\nc", "   leading and trailing   ",
	"ПЯТЬСОТ девяносто Девять", "e-mail", "12а 5к2 кв. 7",
	// A capital first alone (folded by it: capFirst), with another
	// capital, ё or a Latin letter after it, and the one to three small
	// letters after four (lower2, smallRussian) at every length.
	"Я", "Я.", "Яя", "Ая Аяя Аяяя Аяяяя Аяяяяя Аяяяяяя Аяяяяяяя Аяяяяяяяя", "АннА Анна-Мария Д'Артаньян",
	"Ёж ЁЖ Жё ЖЁ жЖ Ж1 Жb жB Ж'b", "ааааааа ааааааЯ аааааЯа ааааЯаа",
}

// TestTokenizeSame: the scan's tokenizer gives the words, offsets and
// normal forms text.AppendTokens gives.
func TestTokenizeSame(t *testing.T) {
	for _, c := range tokenizeCases {
		checkTokenize(t, c)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, c := range tokenizeCases {
		f.Add(c)
	}
	f.Fuzz(checkTokenize)
}

func checkTokenize(t *testing.T, src string) {
	want := text.AppendTokens(nil, src)
	// As a segment's text, and as its word.
	for _, word := range []int32{-1, 1} {
		s := newScan("ru", "client")
		s.src = make([]schemas.Segment, 4)
		s.src[3] = schemas.Segment{Text: src, Words: []schemas.Word{{W: "x"}, {W: src}}}
		if hasAt := s.tokenize(src, 3, word); hasAt != strings.Contains(src, "@") {
			t.Fatalf("%q: tokenize says it has an @: %v", src, hasAt)
		}
		checkTokens(t, s, src, word, want)
	}
}

func checkTokens(t *testing.T, s *scan, src string, word int32, want []text.Token) {
	t.Helper()
	if len(s.toks) != len(want) {
		t.Fatalf("%q: %d tokens, text.AppendTokens %d", src, len(s.toks), len(want))
	}
	for i, w := range want {
		g := &s.toks[i]
		if s.normOf(g) != w.Norm || int(g.off) != w.Start || int(g.end) != w.End || g.seg != 3 || g.word != word {
			t.Fatalf("%q token %d: %q [%d,%d), text.AppendTokens %q [%d,%d)", src, i, s.normOf(g), g.off, g.end, w.Norm, w.Start, w.End)
		}
		tr, ent, kind := lookup("ru", w.Norm)
		if g.trig != tr || g.ent != ent || g.kind != kind || g.sym != symAfter(src, w.End) {
			t.Fatalf("%q token %d: lexicon or sign differs", src, i)
		}
	}
}

// TestAppendFoldCapitalized: a capitalized word, folded by its first
// letter alone, is folded as text.AppendFold folds it.
func TestAppendFoldCapitalized(t *testing.T) {
	n := 0
	for _, w := range []string{"Анна", "Игорь", "Пётр", "Ромашка", "Яблоко", "Ёлка", "ИГОРЬ", "Да", "Я", "Жизнь", "Юлия", "Эдуард", "Олегович", "Петровна"} {
		if capitalized(w) {
			n++
		}
		if got, want := string(appendFold([]byte("x"), w)), "x"+string(text.AppendFold(nil, w)); got != want {
			t.Errorf("appendFold(%q) = %q, want %q", w, got, want)
		}
	}
	if n < 10 {
		t.Errorf("%d capitalized words", n)
	}
}
