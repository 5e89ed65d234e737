package redact

import (
	"testing"

	"github.com/callscope/callscope/schemas"
)

// TestNumSkip: numSkip rules out a number sentence whose words and talk
// around it no rule takes as personal (a contract's number answering its
// trap word's question, an amount with its unit, a time), and keeps one a
// rule may take: an answer to a code's or a CVV's question, a number
// after a pronoun, a phone's start, ten digits, a count before a digit's
// noun, a number after a card's cue with no unit, a name of no list, a
// field of an address asked with no trigger word.
func TestNumSkip(t *testing.T) {
	for _, c := range []struct {
		op, client string
		ruled      bool
	}{
		{"назовите пожалуйста номер договора", "восемь три два шесть", true},
		{"назовите код из смс", "восемь три два шесть", false},
		{"назовите три цифры на обороте карты", "три четыре пять", false},
		{"назовите номер договора", "восемь девять два шесть", false},
		{"назовите номер договора", "восемь три два шесть пять семь восемь один два три", false},
		{"назовите номер договора", "три семерки", false},
		{"назовите номер договора", "номер восемь три два шесть", false},
		{"назовите номер договора", "ташматов шухром рахимович на десять", false},
		{"хорошо", "мне двадцать пять", false},
		{"хорошо", "тариф стоит двести рублей в месяц", true},
		{"хорошо", "спишут двести рублей в месяц", false}, // (a word of no role before a number)
		{"хорошо", "по карте четыре четыре один семь", false},
		{"хорошо", "на карте двести рублей", true},
		{"назовите номер договора", "четыре пять семьдвасемь восемь", false}, // (glued number words: numberSlip)
		{"назовите номер договора", "четыре пять но семь", false},
		// (English: the lexicon's roles read are Russian's.)
		{"ok", "my code is 4815", false},
		{"назовите номер договора", "4815", true},
		{"адрес подключения", "двенадцать", false},
		// (A question the prefilter loads has its answers read all the same:
		// loadAnswers.)
		{"как вас зовут", "двенадцать", true},
	} {
		chs := []schemas.TranscriptChannel{
			{Role: schemas.RoleOperator, Segments: []schemas.Segment{{Start: 0, End: 2, Text: c.op}}},
			{Role: schemas.RoleClient, Segments: []schemas.Segment{{Start: 2.5, End: 5, Text: c.client}}},
		}
		if !segmentMay(&chs[1].Segments[0]) {
			t.Fatalf("%q: the prefilter passes it not", c.client)
		}
		cs := getCallScratch(chs)
		cs.nums.rule(chs, cs.offs)
		if got := cs.nums.state[cs.offs[1]] == ruledOut; got != c.ruled {
			t.Errorf("%q — %q: ruled out %v, want %v", c.op, c.client, got, c.ruled)
		}
		cs.release()
	}
}

// TestNumSkipAround: the sentence before a number opening its own, and
// the one after it, as plainNumber and classify read them over a
// sentence's end.
func TestNumSkipAround(t *testing.T) {
	for _, c := range []struct {
		before, num, after string
		ruled              bool
	}{
		{"здравствуйте", "пять пять пять один два", "спасибо", true},
		{"звоню с номера", "пять пять пять один два", "спасибо", false},
		{"мне пришло", "пять пять пять один", "спасибо", false},
		{"здравствуйте", "пять пять пять один", "это код из смс", false},
	} {
		chs := []schemas.TranscriptChannel{
			{Role: schemas.RoleOperator, Segments: []schemas.Segment{{Start: 0, End: 1, Text: "слушаю вас"}}},
			{Role: schemas.RoleClient, Segments: []schemas.Segment{{Start: 1.5, End: 3, Text: c.before}, {Start: 3.2, End: 5, Text: c.num}, {Start: 5.2, End: 6, Text: c.after}}},
		}
		cs := getCallScratch(chs)
		cs.nums.rule(chs, cs.offs)
		if got := cs.nums.state[cs.offs[1]+1] == ruledOut; got != c.ruled {
			t.Errorf("%q — %q — %q: ruled out %v, want %v", c.before, c.num, c.after, got, c.ruled)
		}
		cs.release()
	}
}
