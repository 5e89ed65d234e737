package match

import (
	"testing"

	"github.com/callscope/callscope/analyze/text"
)

// FuzzPhrase feeds arbitrary phrase texts and sentences through Parse,
// Compile and Match: a mistake must be an error, never a panic.
func FuzzPhrase(f *testing.F) {
	for _, s := range [][2]string{
		{"не знаю", "я не знаю"}, {"а NEAR:2 б NEAR:1 в", "в а б"}, {"^ нет $", "нет"},
		{"звоню * раз", "звоню 3-й раз"}, {"пизд*", "пиздец"}, {"=ну BEFORE:0 типа", "ну типа"},
		{"двадцать пятый", "25-й"}, {"* *", "x"}, {"NEAR:1", ""},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, phrase, sentence string) {
		doc := "category: c\nlanguage: ru\nphrases:\n  - id: p\n    text: " + quoteYAML(phrase) + "\n"
		d, err := Parse("f.yaml", []byte(doc))
		if err != nil {
			return
		}
		m, err := Compile(&Set{Dictionaries: []Dictionary{d}})
		if err != nil {
			return
		}
		toks := text.Tokenize(sentence)
		for _, h := range m.Match(nil, "ru", "client", toks) {
			if h.Start < 0 || h.End > len(toks) || h.Start >= h.End {
				t.Fatalf("hit %+v out of %d tokens", h, len(toks))
			}
		}
	})
}

func quoteYAML(s string) string {
	out := []rune{'"'}
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			out = append(out, '\\', r)
		case r < 0x20 || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029 || r == 0xFEFF || r >= 0xD800 && r < 0xE000:
			out = append(out, ' ')
		default:
			out = append(out, r)
		}
	}
	return string(append(out, '"'))
}
