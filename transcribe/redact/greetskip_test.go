package redact

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/callscope/callscope/schemas"
)

// TestGreetSkipShapes: a channel's first sentence that is all a call
// would load is ruled out (greetsOut) when it is a greeting by its words'
// shapes, and loaded when a word next to its first name may be a name's
// part, a cue's or a role's; either way the outputs are those of the
// ungated redactor, which loads it (as TestGatesSame holds on the
// written sets), written as a recognizer's text and as its words.
func TestGreetSkipShapes(t *testing.T) {
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		role, text string
		out        bool // ruled out
	}{
		{schemas.RoleOperator, "Компания Ромашка, Ольга, здравствуйте.", true},
		{schemas.RoleOperator, "Компания Светлячок, меня зовут Анна, чем могу помочь?", true},
		{schemas.RoleOperator, "Отдел продаж, Игорь, слушаю вас.", true},
		{schemas.RoleOperator, "Добрый день, Дмитрий, говорите.", true},
		{schemas.RoleClient, "Ольга, здравствуйте.", true},
		{schemas.RoleMixed, "Компания Ромашка, Анна, здравствуйте.", true},
		{schemas.RoleOperator, "Банк Открытие, Ольга, добрый день.", true},
		{schemas.RoleOperator, "Служба поддержки, Елена, здравствуйте.", true},
		{schemas.RoleOperator, "Компания Мегафон, Анна.", true},
		// A name's part by its shape, a cue's or a role's word.
		{schemas.RoleOperator, "Здравствуйте, Ольга Петровна.", false},
		{schemas.RoleOperator, "Иванов Сергей, добрый день.", false},
		{schemas.RoleOperator, "Слушаю вас, Степан Андреевич.", false},
		{schemas.RoleOperator, "Вы Анна Соловьева?", false},
		{schemas.RoleOperator, "Анна, вы Кудрявцева?", false},
		{schemas.RoleOperator, "Госпожа Анна, здравствуйте.", false},
		{schemas.RoleOperator, "Передайте Анне, пожалуйста.", false},
		{schemas.RoleOperator, "На Ольгу оформлено.", false},
		{schemas.RoleOperator, "Компания Ромашка, Анна, здравствуйте. Назовите номер договора.", false},
		{schemas.RoleOperator, "Анна к, здравствуйте.", false},
		{schemas.RoleOperator, "Эльвин Вугар оглы, здравствуйте.", false},
		{schemas.RoleOperator, "Анна, улица Ленина.", false},
		{schemas.RoleOperator, "Анна, это я.", false},
		{schemas.RoleOperator, "Меня Анна зовут.", false},
		{schemas.RoleClient, "Меня зовут Анна.", false},
		{schemas.RoleClient, "Это Анна, здравствуйте.", false},
		{schemas.RoleClient, "Я Анна Смирнова.", false},
		{schemas.RoleOperator, "Анна 1985, здравствуйте.", false},
		{schemas.RoleOperator, "Anna, здравствуйте.", false},
	} {
		for _, words := range []bool{false, true} {
			seg := schemas.Segment{Start: 0.5, End: 3, Text: c.text}
			if words {
				for i, w := range strings.Fields(strings.ToLower(c.text)) {
					w = strings.Trim(w, ",.?!")
					seg.Words = append(seg.Words, schemas.Word{W: w, Start: 0.5 + float64(i)*0.3, End: 0.7 + float64(i)*0.3})
				}
			}
			chs := []schemas.TranscriptChannel{{Role: c.role, Segments: []schemas.Segment{seg}}}
			if c.role != schemas.RoleMixed {
				other := schemas.RoleClient
				if c.role == schemas.RoleClient {
					other = schemas.RoleOperator
				}
				chs = append(chs, schemas.TranscriptChannel{Role: other, Segments: []schemas.Segment{{Start: 3.5, End: 6, Text: "Хорошо, спасибо."}}})
			}
			tr := schemas.Transcript{Language: "ru", Channels: chs}
			cs := getCallScratch(chs)
			cs.markSegments(chs)
			marked := cs.wants[0] != nil
			cs.release()
			if marked == c.out {
				t.Errorf("%s %q (words %v): ruled out %v, want %v", c.role, c.text, words, !marked, c.out)
			}
			gated := greetOutput(t, r, tr)
			ungated = true
			all := greetOutput(t, r, tr)
			ungated = false
			if gated != all {
				t.Errorf("%s %q (words %v): gated %s\nungated %s", c.role, c.text, words, gated, all)
			}
		}
	}
}

// greetOutput is the redacted transcript, its spans and error, as JSON.
func greetOutput(t *testing.T, r *Redactor, tr schemas.Transcript) string {
	out, spans, err := r.Transcript(tr)
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	b, e := json.Marshal(struct {
		Out   schemas.Transcript
		Spans []Span
		Err   string
	}{out, spans, msg})
	if e != nil {
		t.Fatal(e)
	}
	return string(b)
}
