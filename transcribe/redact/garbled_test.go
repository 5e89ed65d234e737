package redact

import "testing"

// TestGarbledNumber: the number word a garbled spelling is read as, and
// the ordinary words a letter or so away that must stay words.
func TestGarbledNumber(t *testing.T) {
	for _, tc := range []struct {
		word, want string
	}{
		{"сорог", "сорок"},      // a devoiced final heard voiced
		{"восем", "восемь"},     // the soft sign lost
		{"нол", "ноль"},         // the soft sign lost, three letters
		{"двацать", "двадцать"}, // «дц» heard as «ц»
		{"трицать", "тридцать"},
		{"одинацать", "одиннадцать"}, // a double letter halved
		{"семнаццать", "семнадцать"}, // a letter doubled
		{"читыре", "четыре"},         // one vowel wrong
		{"восимь", "восемь"},
		{"тристо", "триста"},
		{"пиисят", "писят"}, // the spoken fifty, a vowel doubled
		{"семья", ""},       // a letter longer than «семи»: a word
		{"сорт", ""},
		{"пятно", ""},
		{"сим", ""},                       // three letters: only an exact sound key
		{"адин", ""},                      // another first letter
		{"dva", ""},                       // not Cyrillic
		{"шездесят", ""},                  // two letters off: out of reach
		{"шестнацатого", "шестнадцатого"}, // an ordinal by its sound key
		{"пятнацатое", "пятнадцатое"},
		{"пятном", ""}, // a letter off an ordinal («пятом»): a word
	} {
		// The word it is read as may be another form of the same
		// number («восимь»: «восьми»): the value is what counts.
		got := garbledNumber(tc.word)
		if got == "" || tc.want == "" {
			if got != tc.want {
				t.Errorf("garbledNumber(%q) = %q, want %q", tc.word, got, tc.want)
			}
			continue
		}
		if g, w := lexicon["ru"][got].num.val, lexicon["ru"][tc.want].num.val; g != w {
			t.Errorf("garbledNumber(%q) = %q (%d), want %q (%d)", tc.word, got, g, tc.want, w)
		}
	}
}

// TestGarbledMonths: a month's genitive with one letter lost is read as
// the month; the month itself is no key.
func TestGarbledMonths(t *testing.T) {
	for _, tc := range []struct{ word, want string }{
		{"ноябя", "ноября"},
		{"октяря", "октября"},
		{"феврля", "февраля"},
		{"деабря", "декабря"},
		{"ноября", ""},
		{"марта", ""},
		{"июн", "июня"},
	} {
		if got := garbledMonths[tc.word]; got != tc.want {
			t.Errorf("garbledMonths[%q] = %q, want %q", tc.word, got, tc.want)
		}
	}
}
