package redact

import (
	"strings"
	"testing"
)

// TestFollowUpsSkipEmptySegments: the rules that read the speaker's next
// sentences after a masked value (a mailbox's digits added, a date of
// birth's day corrected, an address's number said again), and the one that reads the value named in the sentence
// before (namedThenBid, with the prefilter loading that sentence), pass a segment with no words (the recognizer heard nothing)
// as no sentence of the speaker's: the value after it is masked as it is
// with nothing between (they stopped at the empty segment).
func TestFollowUpsSkipEmptySegments(t *testing.T) {
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lines []string
		want  string // the last segment's redacted text
	}{
		{[]string{"c: почта ivan.petrov@mail.ru", "c: нет там ещё 83 в конце"}, "нет там ещё [email] в конце"},
		{[]string{"c: почта ivan.petrov@mail.ru", "c: ", "c: нет там ещё 83 в конце"}, "нет там ещё [email] в конце"},
		{[]string{"c: дата рождения 12 марта 1985", "c: ой нет 13"}, "ой нет [birthdate]"},
		{[]string{"c: дата рождения 12 марта 1985", "c: ", "c: ой нет 13"}, "ой нет [birthdate]"},
		{[]string{"c: улица ленина дом 5 квартира 112", "c: сто двенадцать квартира"}, "[address] квартира"},
		{[]string{"c: улица ленина дом 5 квартира 112", "c: ", "c: сто двенадцать квартира"}, "[address] квартира"},
		// The entrance and the floor said next are no part of the
		// address (issue 13: street, house, flat), empty segment or not.
		{[]string{"c: улица ленина дом 5 квартира 112", "c: подъезд 2 этаж 5"}, "подъезд 2 этаж 5"},
		{[]string{"c: улица ленина дом 5 квартира 112", "c: ", "c: подъезд 2 этаж 5"}, "подъезд 2 этаж 5"},
		// A value named in the sentence before, said after the other
		// side's bid (namedThenBid): the segment before the answer is
		// loaded past an empty one.
		{[]string{"c: код для личного кабинета пришёл а не входит", "o: назовите", "c: шестьдесят восемь сорок четыре два"}, "[code]"},
		{[]string{"c: код для личного кабинета пришёл а не входит", "c: ", "o: назовите", "c: шестьдесят восемь сорок четыре два"}, "[code]"},
		{[]string{"c: код для личного кабинета пришёл а не входит", "o: назовите", "c: ", "c: шестьдесят восемь сорок четыре два"}, "[code]"},
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

// TestBirthFoundAfterFifthCue: every cue of a date of birth the speaker
// said they need is read for the date they find after it, however many
// came before in the channel (the rule kept the first four and passed
// the fifth on silently).
func TestBirthFoundAfterFifthCue(t *testing.T) {
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	pause := "c: " + strings.Repeat("ну вот так ", 40) // 42 s: no cue reaches past it
	for n := 1; n <= 6; n++ {
		var lines []string
		for k := 0; k < n; k++ {
			lines = append(lines, "c: нужна дата рождения сотрудника", pause)
		}
		lines = append(lines[:len(lines)-1], "c: нашла 21 июня 1993 года")
		out, _, err := r.Transcript(call(lines...))
		if err != nil {
			t.Fatalf("%d cues: %v", n, err)
		}
		segs := out.Channels[1].Segments
		if got := segs[len(segs)-1].Text; got != "нашла [birthdate]" {
			t.Errorf("%d cues: last segment %q, want %q", n, got, "нашла [birthdate]")
		}
	}
}
