package redact

import (
	"strings"
	"testing"

	"github.com/callscope/callscope/schemas"
)

// timedCall is call with each segment's words timed, 0.35 s a word; a
// «|» between two words is a pause of 1.2 s there.
func timedCall(lines ...string) schemas.Transcript {
	tr := schemas.Transcript{Language: "ru", Channels: []schemas.TranscriptChannel{{Role: "operator"}, {Role: "client"}}}
	at := 0.3
	for _, l := range lines {
		who, text, _ := strings.Cut(l, ": ")
		ch := 1
		if who == "o" {
			ch = 0
		}
		seg := schemas.Segment{Start: at}
		var words []string
		for _, w := range strings.Fields(text) {
			if w == "|" {
				at += 1.2
				continue
			}
			seg.Words = append(seg.Words, schemas.Word{W: w, Start: at, End: at + 0.3})
			words = append(words, w)
			at += 0.35
		}
		seg.Text, seg.End = strings.Join(words, " "), at
		tr.Channels[ch].Segments = append(tr.Channels[ch].Segments, seg)
		at += 0.5
	}
	return tr
}

// TestNumberSlips: a telephone recognizer's slips inside a dictated
// number, read by their shape (numberSlip, the hundreds' cases), and the
// words of the same shape that are no slip: «но» after a pause or before
// a count's noun, a glued date's ordinal.
func TestNumberSlips(t *testing.T) {
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		lines []string
		want  string // the client's last segment, redacted
	}{
		{"glued tens and unit", []string{"o: назовите номер телефона", "c: восемь девятьсот двадцать шестьдесятодин триста пять девяносто восемь"}, "[phone]"},
		{"glued words open the dictation", []string{"o: назовите код из смс", "c: семьдесятдва девятнадцать"}, "[code]"},
		{"glued date's ordinal kept", []string{"o: когда удобно", "c: двадцатьпятого после обеда"}, "двадцатьпятого после обеда"},
		{"но for ноль in a run", []string{"o: назовите номер телефона", "c: восемь девятьсот три пятьсот но три сорок два"}, "[phone]"},
		{"но for ноль after a pause is a conjunction",
			[]string{"o: серия и номер паспорта", "c: сорок пять ноль один семьсот двенадцать восемьсот | но девять"}, "[passport] но девять"}, // (with no pause: «[passport]»)
		// (With «ноль» said, «двадцать ноль пять» here is masked.)
		{"но before a count's noun", []string{"o: серия и номер паспорта", "c: звонили двадцать но пять раз сбрасывали"},
			"звонили двадцать но пять раз сбрасывали"},
		{"но opening digits one by one", []string{"o: назовите код подтверждения", "c: но семь но два девять"}, "[code]"},
		{"но opening a duration", []string{"o: назовите код подтверждения", "c: но три дня никто не перезванивал"}, "но три дня никто не перезванивал"},
		{"a hundred in the instrumental", []string{"o: назовите номер телефона", "c: восемь девятьсот пятнадцать тремястами двенадцать сорок сорок"}, "[phone]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, _, err := r.Transcript(timedCall(c.lines...))
			if err != nil {
				t.Fatal(err)
			}
			segs := out.Channels[1].Segments
			if got := segs[len(segs)-1].Text; got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
