package redact

import "testing"

// TestEnglishDigitOrdinalBirthdate: in English a day's ordinal said in
// digits («1st» … «31st») is the ordinal it says, so that a date of birth
// said with it is masked as «march third 1987» is (review: «march 3rd
// 1987», «the 21st of june 1990» were left in clear, or only their year
// masked). A day's ordinal outside a date of birth stays: an appointment,
// a delivery, a floor, a class, a street without a house. Wordings
// written fresh.
func TestEnglishDigitOrdinalBirthdate(t *testing.T) {
	checkCallsEN(t, []callCase{
		{"month then day", en("o: can you confirm your date of birth", "c: may 1st 1979"),
			[]string{"c: [birthdate]"}},
		{"the day of the month", en("o: and what's your date of birth please", "c: the 22nd of october 1985"),
			[]string{"c: the [birthdate]"}},
		{"day of month bare", en("o: i just need your date of birth", "c: 11th of september 1971"),
			[]string{"c: [birthdate]"}},
		{"a short month and a two-digit year", en("o: could i take your date of birth", "c: jan 3rd 90"),
			[]string{"c: [birthdate]"}},
		{"the thirty-first", en("o: date of birth for the account holder", "c: december 31st 1958"),
			[]string{"c: [birthdate]"}},
		{"after the name", en("o: full name and date of birth please", "c: harriet cole august 23rd 1966"),
			[]string{"c: [name] [birthdate]"}},
		// Traps: no date of birth.
		{"an appointment", en("o: your appointment is on the 3rd at ten", "c: okay thanks"),
			[]string{"o: your appointment is on the 3rd at ten"}},
		{"a delivery", en("o: our records show it was delivered on march 2nd", "c: it never came"),
			[]string{"o: our records show it was delivered on march 2nd"}},
		{"a floor after the question", en("o: and your date of birth", "c: hang on i'm walking up to the 4th floor"),
			[]string{"c: hang on i'm walking up to the 4th floor"}},
		{"a class of ticket", en("o: what kind of seat did you book", "c: 1st class return"),
			[]string{"c: 1st class return"}},
		{"a street without a house", en("o: which branch was it", "c: the one on 7th avenue"),
			[]string{"c: the one on 7th avenue"}},
	})
}

// TestDigitOrdinalEnglishOnly: the digits-and-suffix ordinals are the
// English table's alone; in Russian they are read as before (nothing).
func TestDigitOrdinalEnglishOnly(t *testing.T) {
	for _, w := range []string{"1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "31st"} {
		if _, ent, k := lookup("en", w); k != nkOrdinal || ent == 0 {
			t.Errorf("en %q: kind %v, want an ordinal", w, k)
		}
		if _, ent, k := lookup("ru", w); k != nkNone || ent != 0 {
			t.Errorf("ru %q: kind %v entry %d, want none", w, k, ent)
		}
	}
	for _, w := range []string{"11st", "12nd", "13rd", "1th", "32nd", "3r", "3rdd"} {
		if _, _, k := lookup("en", w); k != nkNone {
			t.Errorf("en %q: kind %v, want none", w, k)
		}
	}
}
