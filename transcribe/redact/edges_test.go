package redact

import (
	"strings"
	"testing"
)

// TestRulesAtSentenceEnds: every prefix of the examples of this session's
// rules (each cut after each word), said by either side as a channel's
// last words, then with an empty segment after it, is redacted with no
// panic and no error, and keeps its segments: a rule that reads a word or
// two past its cue («по буквам», «а надо», «плюс», «эф эй», «собака»,
// «дата рождения», «меня зовут») must stop at its sentence's and its
// channel's end.
func TestRulesAtSentenceEnds(t *testing.T) {
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, example := range []string{
		"на почту lukashevich.olya собака тут бай",
		"отчество по буквам е эн эс у ка о вэ эн а",
		"жэ как жанна а как анна у как ульяна",
		"я ввёл 2 8 8 а надо 2 3 8",
		"код пишет неверный а следующий 3 3 7 0 4 1",
		"плюс девятьсот девяносто восемь девяносто",
		"по документу эф эй 2 7 7 1 0 4 3",
		"эф эй один один два два три три четыре пятнадцатого января девяносто седьмого",
		"девятнадцатое апреля девяносто первого 45 15 617 832",
		"нужна дата рождения и снилс сотрудника",
		"нашла 21 июня 1993 года снилс",
		"ему двенадцатое двенадцатого девяносто девятого",
		"второе ноябя сорок шестого",
		"мамытов эркин меня зовут",
		"квартира 6 дом 12 улица заречная",
		"кооператив гск мотор бокс 114",
		"общежитие улица мира дом 12 комната 305",
		"девятьсот шестнадцать и дальше",
		"в двенадцать ноль семь",
		"вашему сотруднику петрову",
		"получатель фаниль ф",
		"и вторая гладких светлана",
		"абдурахманов ильхом шавкатович",
	} {
		words := strings.Fields(example)
		for n := 1; n <= len(words); n++ {
			text := strings.Join(words[:n], " ")
			for _, lines := range [][]string{
				{"o: назовите дату рождения и адрес", "c: " + text},
				{"c: как записать", "o: " + text},
				{"o: " + text, "o: ", "c: "},
				{"c: " + text, "c: ", "c: " + text},
			} {
				func() {
					defer func() {
						if p := recover(); p != nil {
							t.Errorf("%q: panic: %v", lines, p)
						}
					}()
					out, _, err := r.Transcript(call(lines...))
					if err != nil {
						t.Errorf("%q: %v", lines, err)
						return
					}
					got := 0
					for _, ch := range out.Channels {
						got += len(ch.Segments)
					}
					if got != len(lines) {
						t.Errorf("%q: %d segments out, want %d", lines, got, len(lines))
					}
				}()
			}
		}
	}
}

// TestBirthFoundAfterEmptySegment: a segment with no words (the recognizer
// heard nothing) between the speaker's «нужна дата рождения» and the
// date they found is no sentence of theirs: the date is masked as it is
// with nothing between (birthFoundAfter stopped at the empty segment).
func TestBirthFoundAfterEmptySegment(t *testing.T) {
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, lines := range [][]string{
		{"c: нужна дата рождения и снилс сотрудника", "c: нашла 21 июня 1993 года снилс"},
		{"c: нужна дата рождения и снилс сотрудника", "c: ", "c: нашла 21 июня 1993 года снилс"},
		{"c: нужна дата рождения и снилс сотрудника", "c: ", "c: ", "c: так", "c: нашла 21 июня 1993 года снилс"},
	} {
		out, _, err := r.Transcript(call(lines...))
		if err != nil {
			t.Fatalf("%q: %v", lines, err)
		}
		segs := out.Channels[1].Segments
		if got := segs[len(segs)-1].Text; got != "нашла [birthdate] снилс" {
			t.Errorf("%q: last segment %q, want %q", lines, got, "нашла [birthdate] снилс")
		}
	}
}

// TestOtherCyrillic: a letter of another Cyrillic alphabet anywhere in a
// word, by its bytes; Russian's own letters, «ё» among them, are none.
func TestOtherCyrillic(t *testing.T) {
	for w, want := range map[string]bool{
		"нәзирә": true, "надія": true, "єва": true, "їжак": true, "ґанок": true, "ўладзімір": true, "қанат": true, "өмір": true,
		"олена": false, "ёжик": false, "алёна": false, "яна": false, "anna": false, "": false, "я": false,
	} {
		if got := otherCyrillic(w); got != want {
			t.Errorf("otherCyrillic(%q) = %v, want %v", w, got, want)
		}
	}
}
