package text

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Здравствуйте, компания «Ромашка»!", "здравствуйте|компания|ромашка"},
		{"Ещё ЁЛКА", "еще|елка"},
		{"кого-нибудь — ещё", "кого|нибудь|еще"},
		{"I don't know. Don’t", "i|don't|know|don't"},
		{"'quoted' rock'n'roll", "quoted|rock'n'roll"},
		{"в 3-й раз, 100%", "в|3|й|раз|100"},
		{"  ...  ", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, tk := range Tokenize(tt.in) {
			got = append(got, tk.Norm)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}

func TestTokenOffsets(t *testing.T) {
	s := "Ну, жалоба у меня!"
	toks := Tokenize(s)
	if got := s[toks[1].Start:toks[3].End]; got != "жалоба у меня" {
		t.Errorf("offsets quote %q", got)
	}
}

func TestStemmer(t *testing.T) {
	ru, ok := StemmerFor("ru")
	if !ok {
		t.Fatal("no russian stemmer")
	}
	for _, w := range []string{"жалоба", "жалобу", "жалобы", "жалобой", "жалоб"} {
		if got := ru(w); got != "жалоб" {
			t.Errorf("ru(%q) = %q, want жалоб", w, got)
		}
	}
	en, _ := StemmerFor("en")
	if en("complaints") != en("complaint") {
		t.Error("english plural not joined")
	}
	lt, ok := StemmerFor("lt")
	if ok || lt("skundas") != "skundas" {
		t.Error("a language without a stemmer must get the identity")
	}
}

func TestCached(t *testing.T) {
	calls := 0
	st := Cached(func(w string) string { calls++; return w[:1] }, 2)
	for _, w := range []string{"a1", "a1", "b2", "b2", "c3", "a1"} {
		if got := st(w); got != w[:1] {
			t.Fatalf("stem(%q) = %q", w, got)
		}
	}
	// a1, b2 miss; c3 misses and resets the full memo; a1 misses again.
	if calls != 4 {
		t.Errorf("stemmer called %d times, want 4", calls)
	}
}

// BenchmarkStemRussian is the cost of one uncached Snowball stem: the
// analysis of a call whose words are all new costs about 750 of these.
func BenchmarkStemRussian(b *testing.B) {
	ru, _ := StemmerFor("ru")
	words := strings.Fields("здравствуйте подскажите пожалуйста почему интернет опять не работает жалобу оставляла")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ru(words[i%len(words)])
		i++
	}
}

func TestTokenizeAllocations(t *testing.T) {
	s := "здравствуйте я звоню уже третий раз интернет опять не работает"
	buf := make([]Token, 0, 16)
	if n := testing.AllocsPerRun(100, func() { buf = AppendTokens(buf[:0], s) }); n != 0 {
		t.Errorf("normalized text: %v allocations, want 0", n)
	}
	// Only words that need folding are copied.
	toks := Tokenize("Ёлка и ёж")
	if toks[0].Norm != "елка" || toks[1].Norm != "и" || toks[2].Norm != "еж" {
		t.Errorf("got %+v", toks)
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		lang, word string
		want       Num
		ok         bool
	}{
		{"ru", "3", Num{Value: 3, Digits: true}, true},
		{"ru", "три", Num{Value: 3}, true},
		{"ru", "трех", Num{Value: 3}, true},
		{"ru", "третий", Num{Value: 3, Ordinal: true}, true},
		{"ru", "третьего", Num{Value: 3, Ordinal: true}, true},
		{"ru", "второй", Num{Value: 2, Ordinal: true}, true},
		{"ru", "вторый", Num{}, false},
		{"ru", "3й", Num{Value: 3, Ordinal: true}, true},
		{"ru", "двадцать", Num{Value: 20, Kind: NumTens}, true},
		{"ru", "сороковой", Num{Value: 40, Ordinal: true}, true},
		{"ru", "сто", Num{Value: 100}, true},
		{"ru", "семью", Num{}, false}, // "family" more often than "seven"
		{"ru", "й", Num{Kind: NumSuffix}, true},
		{"ru", "раз", Num{}, false},
		{"ru", "123456789", Num{}, false}, // a contract number, not a count
		{"en", "third", Num{Value: 3, Ordinal: true}, true},
		{"en", "3rd", Num{Value: 3, Ordinal: true}, true},
		{"en", "twentieth", Num{Value: 20, Ordinal: true}, true},
		{"en", "forty", Num{Value: 40, Kind: NumTens}, true},
		{"lt", "trys", Num{}, false},
	}
	for _, tt := range tests {
		got, ok := ParseNumber(tt.lang, tt.word)
		if ok != tt.ok || got != tt.want {
			t.Errorf("ParseNumber(%s, %q) = %+v, %v; want %+v, %v", tt.lang, tt.word, got, ok, tt.want, tt.ok)
		}
	}
}

func TestComposeNumber(t *testing.T) {
	tests := []struct {
		lang, text string
		want       Num
		n          int
	}{
		{"ru", "двадцать пять", Num{Value: 25}, 2},
		{"ru", "двадцать пятый", Num{Value: 25, Ordinal: true}, 2},
		{"ru", "3-й раз", Num{Value: 3, Ordinal: true}, 2},
		{"ru", "3 раз", Num{Value: 3, Digits: true}, 1},
		{"ru", "двадцать 5", Num{Value: 20, Kind: NumPlain}, 1},
		{"ru", "й раз", Num{}, 0},
		{"ru", "раз", Num{}, 0},
		{"en", "twenty-first", Num{Value: 21, Ordinal: true}, 2},
		{"en", "ninety nine", Num{Value: 99}, 2},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.text)
		got, n := ComposeNumber(len(toks), func(j int) (Num, bool) { return ParseNumber(tt.lang, toks[j].Norm) })
		if n != tt.n || got != tt.want {
			t.Errorf("ComposeNumber(%q) = %+v, %d; want %+v, %d", tt.text, got, n, tt.want, tt.n)
		}
	}
}

func TestStemAliases(t *testing.T) {
	ru, _ := StemmerFor("ru")
	groups := [][]string{
		{"пожаловаться", "пожалуюсь", "пожалуется", "пожаловался"},
		{"жаловаться", "жалуюсь", "жалуются"},
		{"перезвонить", "перезвоните", "перезваниваю", "перезвоню"},
		{"звонок", "звонка", "звонки"},
		{"недоволен", "недовольна", "недовольны"},
		{"извините", "извиняюсь"},
		{"уйти", "уйду"},
		{"расторгнуть", "расторгну"},
	}
	for _, g := range groups {
		for _, w := range g[1:] {
			if ru(w) != ru(g[0]) {
				t.Errorf("ru(%q) = %q, ru(%q) = %q: want one stem", w, ru(w), g[0], ru(g[0]))
			}
		}
	}
	for _, pair := range [][2]string{{"пожалуй", "пожалуюсь"}, {"жаль", "жалуюсь"}, {"пожалуйста", "пожаловаться"}} {
		if ru(pair[0]) == ru(pair[1]) {
			t.Errorf("%q and %q share the stem %q", pair[0], pair[1], ru(pair[0]))
		}
	}
	en, _ := StemmerFor("en")
	for _, w := range []string{"complain", "complained", "complaining", "complaints"} {
		if en(w) != en("complaint") {
			t.Errorf("en(%q) = %q, want %q", w, en(w), en("complaint"))
		}
	}
}

// TestFastPathsAgree checks the byte-level fast paths of the tokenizer
// against the unicode package for every rune of the Latin and Cyrillic
// blocks, and a few others.
func TestFastPathsAgree(t *testing.T) {
	slow := func(r rune) rune {
		r = unicode.ToLower(r)
		if r == 'ё' {
			r = 'е'
		}
		return r
	}
	var runes []rune
	for r := rune(0x20); r < 0x250; r++ {
		runes = append(runes, r)
	}
	for r := rune(0x400); r < 0x530; r++ {
		runes = append(runes, r)
	}
	runes = append(runes, 'ẞ', 'Ǆ', '’', '\'', '\u0301', '€')
	for _, r := range runes {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		s := "a" + string(r) + "b"
		toks := Tokenize(s)
		if word {
			want := "a" + string(slow(r)) + "b"
			if len(toks) != 1 || toks[0].Norm != want {
				t.Errorf("%U %q: tokens %+v, want one token %q", r, s, toks, want)
			}
		} else if r != '\'' && r != '’' && len(toks) != 2 {
			t.Errorf("%U %q: tokens %+v, want a separator", r, s, toks)
		}
		got, want := AppendWords(nil, s), Tokenize(s)
		if len(got) != len(want) {
			t.Errorf("%U: AppendWords %+v, Tokenize %+v", r, got, want)
		}
		for i := range got {
			if Fold(got[i].Norm) != want[i].Norm || got[i].Start != want[i].Start || got[i].End != want[i].End {
				t.Errorf("%U: AppendWords %+v folds to %q, Tokenize %+v", r, got[i], Fold(got[i].Norm), want[i])
			}
		}
	}
}

// TestAppendTokensInto checks that folding into a caller's buffer gives
// the tokens AppendTokens gives, that earlier tokens survive the buffer's
// growth, and that it allocates nothing once the buffer has room.
func TestAppendTokensInto(t *testing.T) {
	texts := []string{
		"Здравствуйте, меня зовут Анна Сергеевна.", "ЕЩЁ РАЗ: восемь 916 ЁЛКА", "Don’t WORRY, it's O'Brien",
		"ǄUNGLA ẞtraße Ölförbrukning", "обычные слова без заглавных", "", "8-916-123-45-67 Е-МЕЙЛ",
	}
	var fold []byte
	var all, want []Token
	for _, s := range texts {
		all = AppendTokensInto(all, &fold, s)
		want = AppendTokens(want, s)
	}
	if len(all) != len(want) {
		t.Fatalf("%d tokens, want %d", len(all), len(want))
	}
	for i := range all {
		if all[i] != want[i] {
			t.Errorf("token %d: %+v, want %+v", i, all[i], want[i])
		}
	}
	buf, fold2 := make([]Token, 0, 64), make([]byte, 0, 256)
	s := strings.Join(texts, " ")
	if n := testing.AllocsPerRun(100, func() { buf = AppendTokensInto(buf[:0], &fold2, s); fold2 = fold2[:0] }); n != 0 {
		t.Errorf("%v allocations a run", n)
	}
}

// referenceTokens is the tokenizer's rule read rune by rune with the
// unicode package, as Tokenize's documentation states it: a word is a run
// of letters, digits and marks, an apostrophe between letters stays in it,
// and its normal form is lower case with ё as е and ’ as '. raw keeps the
// word as written (AppendWords).
func referenceTokens(s string, raw bool) []Token {
	var out []Token
	start := -1
	end := func(i int) {
		if start < 0 {
			return
		}
		w := s[start:i]
		if !raw {
			var b strings.Builder
			for _, r := range w {
				switch r = unicode.ToLower(r); r {
				case 'ё':
					r = 'е'
				case '’':
					r = '\''
				}
				b.WriteRune(r)
			}
			w = b.String()
		}
		out = append(out, Token{Norm: w, Start: start, End: i})
		start = -1
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		next, _ := utf8.DecodeRuneInString(s[i+size:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if start < 0 {
				start = i
			}
		case (r == '\'' || r == '’') && start >= 0 && unicode.IsLetter(next):
		default:
			end(i)
		}
		i += size
	}
	end(len(s))
	return out
}

// TestTokenizeReference checks the tokenizer's fast paths against
// referenceTokens on random texts of Latin and Cyrillic in both cases,
// digits, ё, apostrophes, punctuation, other scripts and broken UTF-8, in
// every mode: AppendTokens, AppendTokensInto, AppendWords.
func TestTokenizeReference(t *testing.T) {
	var pieces []string
	for r := rune(0x400); r < 0x480; r++ {
		pieces = append(pieces, string(r))
	}
	for _, p := range []string{"a", "z", "A", "Z", "0", "9", " ", "  ", ",", ".", "-", "'", "’", "—", "…", "«", "»",
		"\u00a0", "\u0301", "ẞ", "ß", "Ǆ", "é", "€", "中", "\xd0", "\xd1", "\xff", "\xd0\x20", "\xe2\x80"} {
		pieces = append(pieces, p, p, p) // as likely as a few Cyrillic letters
	}
	rng := rand.New(rand.NewPCG(15, 16))
	var into []byte
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := rng.IntN(12); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		for _, tc := range []struct {
			name string
			got  []Token
			raw  bool
		}{
			{"AppendTokens", AppendTokens(nil, s), false},
			{"AppendTokensInto", AppendTokensInto(nil, &into, s), false},
			{"AppendWords", AppendWords(nil, s), true},
		} {
			if want := referenceTokens(s, tc.raw); !slices.Equal(tc.got, want) {
				t.Fatalf("%s(%q) = %+v, want %+v", tc.name, s, tc.got, want)
			}
		}
		into = into[:0]
	}
}
