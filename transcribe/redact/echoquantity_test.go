package redact

import "testing"

// TestControlAndRecordedEndNoQuantity: a SNILS's control number said
// alone after its name (block LJ) and the end of a number as a record has
// it, after «в конце» (block LP), echo a number masked in the minute
// before whatever their digits; a number with a unit right after it
// («рублей», «штук», «минут») is a quantity, not the number's end, and
// stays, as every other echo's does.
func TestControlAndRecordedEndNoQuantity(t *testing.T) {
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lines []string
		want  string // the last segment's redacted text
	}{
		{[]string{"c: снилс 112 233 445 95", "c: контрольное число 95"}, "контрольное число [snils]"},
		{[]string{"c: снилс 112 233 445 95", "c: контрольная сумма 45 рублей"}, "контрольная сумма 45 рублей"},
		{[]string{"c: инн 500100732259", "c: а у вас в конце 903 вписано"}, "а у вас в конце [inn] вписано"},
		{[]string{"c: мой телефон 8 912 345 67 89", "c: и оплата в конце 500 рублей"}, "и оплата в конце 500 рублей"},
		{[]string{"c: мой телефон 8 912 345 67 89", "c: в конце стоит двенадцать штук"}, "в конце стоит двенадцать штук"},
		{[]string{"c: мой телефон 8 912 345 67 89", "c: и в конце 30 минут подождать"}, "и в конце 30 минут подождать"},
	} {
		out, _, err := r.Transcript(call(c.lines...))
		if err != nil {
			t.Fatalf("%q: %v", c.lines, err)
		}
		segs := out.Channels[1].Segments
		if got := segs[len(segs)-1].Text; got != c.want {
			t.Errorf("%q: last segment %q, want %q", c.lines, got, c.want)
		}
	}
}
