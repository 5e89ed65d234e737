package redact

import (
	"strings"
	"testing"
	"unicode"

	"github.com/callscope/callscope/schemas"
)

// prefilterWords are the lexicon's words as a recognizer may write them
// (as they are, capitalized, with a mark after them, with ё), and words
// of no list, short ones and ones in other scripts.
func prefilterWords() []string {
	ws := strings.Fields("да ну а я в и хорошо сейчас посмотрю ваш договор номер адрес линия линии линию линией Линия участок уч Уч УЧ учёт " +
		"ёлка Ёлка ещё зовут Зовут анна Анна АННА 123 8-916 +7 a@b.ru mail test Don't ₽ — «а» ъ ь э ѐ ђ і їжак ђак жи ши " +
		"получатель собака точка дом улица квартира ул кв д снт сейчас учитель поучи научный")
	for _, lex := range lexicon {
		for w := range lex {
			r := []rune(w)
			capital := string(unicode.ToUpper(r[0])) + string(r[1:])
			ws = append(ws, w, capital, w+",", w+".", capital+"!", strings.ReplaceAll(w, "е", "ё"))
		}
	}
	return ws
}

// TestPlainSkipSame: plainSkip passes a word exactly when segmentMay's
// own tests would (a plainWord whose filter bit is clear, whose last two
// letters may end no patronymic in an oblique case), and
// lineWord10 and hasUch answer as lineWord and the search they stand
// for.
func TestPlainSkipSame(t *testing.T) {
	words := prefilterWords()
	for _, w := range words {
		want := 0
		if plainWord(w) && !plainMay(w) && !patronymicEnd(w) {
			want = 1
		}
		if got := plainSkip([]schemas.Word{{W: w}}, 0); got != want {
			t.Errorf("plainSkip(%q) = %d, want %d", w, got, want)
		}
		if lineWord10(w) != lineWord(w) {
			t.Errorf("lineWord10(%q) = %v", w, !lineWord(w))
		}
		uch := strings.Contains(w, "уч") || strings.Contains(w, "Уч") || strings.Contains(w, "УЧ") || strings.Contains(w, "уЧ")
		if hasUch(w) != uch {
			t.Errorf("hasUch(%q) = %v", w, !uch)
		}
	}
	// Runs: the index of the first word from j not passed.
	var ws []schemas.Word
	for _, w := range strings.Fields("хорошо сейчас Анна да номер договора линия интернет, пять уч") {
		ws = append(ws, schemas.Word{W: w})
	}
	for j := 0; j <= len(ws); j++ {
		want := j
		for want < len(ws) && plainWord(ws[want].W) && !plainMay(ws[want].W) && !patronymicEnd(ws[want].W) {
			want++
		}
		if got := plainSkip(ws, j); got != want {
			t.Errorf("plainSkip(run, %d) = %d, want %d", j, got, want)
		}
	}
}

// patronymicEnd reports whether w has 14 bytes or more and its last two
// letters' bit in patronymicEnds (plainSkip's test, written out there).
func patronymicEnd(w string) bool {
	if len(w) < 14 {
		return false
	}
	k := patronymicEndKey(w[len(w)-4:])
	return patronymicEnds[k>>6]>>(k&63)&1 != 0
}
