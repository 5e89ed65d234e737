package redact

import "testing"

// TestBirthHourNotYear: after «в» next to a birth's word, an hour (23 at
// most, no «год» with it) is when the child was born and kept; a year
// said so is the date of birth.
func TestBirthHourNotYear(t *testing.T) {
	checkTexts(t, []textCase{
		{"client", "мальчик в четыре ноль пять родился", ""},
		{"client", "родилась в два пятнадцать", ""},
		{"client", "я родился в 85 году", "я родился в [birthdate]"},
		{"client", "дата рождения в 85 году", "дата рождения в [birthdate]"},
		{"client", "родился в 12 году", "родился в [birthdate]"},
		{"client", "родилась в восемьдесят пять", "родилась в [birthdate]"},
		{"client", "я родилась в 1985", "я родилась в [birthdate]"},
	})
}
