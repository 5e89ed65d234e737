package redact

import (
	"slices"
	"strings"
	"testing"
)

// TestNameEchoesEmptySegment: a loaded segment with no token (empty text)
// as a channel's last is passed by the name rules that read every
// sentence of a channel (firstSentenceEcho read its first token, another
// segment's or none, and the channel was masked closed).
func TestNameEchoesEmptySegment(t *testing.T) {
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, lines := range [][]string{
		{"o: добрый день", "c: меня зовут анна соловьева", "o: "},
		{"o: ", "c: получатель тер петросян карина", "o: то есть карина тер петросян", "o: "},
		{"o: как записать фамилию", "c: ващенко", "o: ващенка правильно", "c: ", "o: "},
	} {
		out, _, err := r.Transcript(call(lines...))
		if err != nil {
			t.Errorf("%q: %v", lines, err)
			continue
		}
		for _, ch := range out.Channels {
			for _, s := range ch.Segments {
				for _, w := range []string{"соловьева", "петросян", "ващенко", "ващенка"} {
					if slices.Contains(strings.Fields(s.Text), w) {
						t.Errorf("%q: %q left in %q", lines, w, s.Text)
					}
				}
			}
		}
	}
}
