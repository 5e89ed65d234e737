package redact

import "testing"

// TestBirthHourNotYear: after «в» next to a birth's word, an hour (23 at
// most, no «год» with it) is when the child was born and kept; a year
// said so is the date of birth.
func TestBirthHourNotYear(t *testing.T) {
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ in, want string }{
		{"мальчик в четыре ноль пять родился", ""},
		{"родилась в два пятнадцать", ""},
		{"я родился в 85 году", "я родился в [birthdate]"},
		{"дата рождения в 85 году", "дата рождения в [birthdate]"},
		{"родился в 12 году", "родился в [birthdate]"},
		{"родилась в восемьдесят пять", "родилась в [birthdate]"},
		{"я родилась в 1985", "я родилась в [birthdate]"},
	} {
		want := c.want
		if want == "" {
			want = c.in
		}
		if got, _, err := r.Text("ru", "client", c.in); err != nil || got != want {
			t.Errorf("%q\n got  %q (%v)\n want %q", c.in, got, err, want)
		}
	}
}
