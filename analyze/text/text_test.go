package text

import (
	"strings"
	"testing"
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
