package redact

import (
	"testing"

	"github.com/callscope/callscope/schemas"
)

// TestCodeWordsSentenceBounds: a code word is read in its cue's sentence,
// or in the answer to the other side's question for it, in the 10 s after
// that question; never in a sentence said later, past a sentence's end
// (codeWordAt read the token after a sentence of fillers or after a cue
// closing its sentence, whatever sentence and whenever that was).
func TestCodeWordsSentenceBounds(t *testing.T) {
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	type seg struct {
		ch   int // 0 the operator, 1 the client
		at   float64
		text string
		want string
	}
	for _, c := range []struct {
		name string
		segs []seg
	}{
		// No number, no name, nothing else in the call: the prefilter
		// loads the segments for «кодовое» itself (review rv18, finding 1).
		{"a code word with nothing else to read in the call", []seg{
			{0, 0, "назовите кодовое слово", "назовите кодовое слово"},
			{1, 3, "пломбир", "[code]"},
		}},
		{"a code word said after its cue alone", []seg{
			{1, 0, "кодовое слово барсик", "кодовое слово [code]"},
		}},
		{"answer after a sentence of fillers, in the 10 s", []seg{
			{0, 0, "назовите дату рождения и кодовое слово", "назовите дату рождения и кодовое слово"},
			{1, 3, "ну да", "ну да"},
			{1, 5, "пломбир", "[code]"},
		}},
		{"a sentence a minute after the question", []seg{
			{0, 0, "назовите дату рождения и кодовое слово", "назовите дату рождения и кодовое слово"},
			{1, 3, "ну да", "ну да"},
			{0, 60, "отлично дата рождения", "отлично дата рождения"},
			{1, 62, "пломбир", "пломбир"},
		}},
		{"a word of three letters, Latin or Cyrillic", []seg{
			{0, 0, "назовите дату рождения и кодовое слово", "назовите дату рождения и кодовое слово"},
			{1, 3, "abc", "[code]"},
			{0, 20, "назовите дату рождения и кодовое слово", "назовите дату рождения и кодовое слово"},
			{1, 23, "кот", "[code]"},
		}},
		{"a word of two letters is none", []seg{
			{0, 0, "назовите дату рождения и кодовое слово", "назовите дату рождения и кодовое слово"},
			{1, 3, "ёж", "ёж"},
		}},
		{"the operator's verdict on the word, a code lock", []seg{
			{1, 0, "карта 4377 1844 5370 6391", "карта [card]"},
			{0, 6, "кодовое слово неверное", "кодовое слово неверное"},
			{1, 9, "как неверное я же сказал пломбир", "как неверное я же сказал пломбир"},
			{0, 14, "кодовое слово совпадает", "кодовое слово совпадает"},
			{1, 17, "4377 1844 5370 6391", "[card]"},
			{1, 30, "кодовый замок на двери подъезда", "кодовый замок на двери подъезда"},
			{1, 33, "дом 5 квартира 12", "[address]"},
		}},
		{"the speaker's cue closing its sentence", []seg{
			{1, 0, "а у меня кодовое слово", "а у меня кодовое слово"},
			{1, 40, "пломбир 4377 1844 5370 6391", "пломбир [card]"},
		}},
	} {
		tr := schemas.Transcript{Language: "ru", Channels: []schemas.TranscriptChannel{{Role: "operator"}, {Role: "client"}}}
		for _, s := range c.segs {
			end := s.at + 0.4*float64(len(s.text)/8+1)
			tr.Channels[s.ch].Segments = append(tr.Channels[s.ch].Segments, schemas.Segment{Start: s.at, End: end, Text: s.text})
		}
		out, _, err := r.Transcript(tr)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		n := [2]int{}
		for _, s := range c.segs {
			if got := out.Channels[s.ch].Segments[n[s.ch]].Text; got != s.want {
				t.Errorf("%s: %q -> %q, want %q", c.name, s.text, got, s.want)
			}
			n[s.ch]++
		}
	}
}
