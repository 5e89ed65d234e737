package redact

import (
	"strings"
	"testing"
)

// TestAffixSetsSame: a grouped list of endings or beginnings answers as
// comparing every entry does.
func TestAffixSetsSame(t *testing.T) {
	lists := [][]string{patronymicEndings, surnameEndings, nameSuffixes,
		{"ий", "ый", "street", "a"}, {"заканчива", "конец", "мфц", "x", "наш"}}
	words := []string{"", "a", "ab", "иванович", "петровна", "сидоров", "ко", "енко", "шевченко", "ленинский", "street", "mainstreet",
		"заканчивается", "конец", "конце", "мфц", "x", "xy", "ivanova", "smirnov", "я", "кузьмича", "ильич", "наши"}
	for _, list := range lists {
		ends, begins := newEndingSet(list), newBeginningSet(list...)
		for _, w := range words {
			for min := 0; min <= 5; min++ {
				want := false
				for _, x := range list {
					want = want || strings.HasSuffix(w, x) && len(w) >= len(x)+min
				}
				if got := ends.of(w, min); got != want {
					t.Errorf("%v: endings of(%q, %d) = %v, want %v", list, w, min, got, want)
				}
			}
			want := false
			for _, x := range list {
				want = want || strings.HasPrefix(w, x)
			}
			if got := begins.of(w); got != want {
				t.Errorf("%v: beginnings of(%q) = %v, want %v", list, w, got, want)
			}
		}
	}
}

// TestPatronymic: patronymics written and as they are said, and the
// common words that end like the spoken ones.
func TestPatronymic(t *testing.T) {
	for w, want := range map[string]bool{
		"ивановича": true, "петровной": true, "иваныч": true, "михалыча": true, "николавна": true, "ильич": true,
		"добыча": false, "добычу": false, "исправна": false, "исправной": false, "главной": false, "славны": false,
	} {
		if got := patronymic(w); got != want {
			t.Errorf("patronymic(%q) = %v, want %v", w, got, want)
		}
	}
}
