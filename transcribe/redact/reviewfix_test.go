package redact

import "testing"

// TestReviewFindings: the cases of the redaction review's findings
// (rv20), each a segment's redacted text after the lines said before it.
func TestReviewFindings(t *testing.T) {
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		lines []string
		ch    int    // the channel of the segment: 0 operator, 1 client
		want  string // the channel's last segment's redacted text
	}{
		// A passport number cut over two sentences (a hundred completed
		// by its tens: groupCut), «выдан» said before it: the date after
		// it is the passport's issue, no date of birth.
		{"issue before a number over two sentences", []string{"c: паспорт выдан 4510 сто", "c: двадцать три 456 12 мая 2015 года"}, 1, "[passport] 12 мая 2015 года"},
		{"no issue before a number over two sentences", []string{"c: паспорт 4510 сто", "c: двадцать три 456 12 мая 2015 года"}, 1, "[passport] [birthdate]"},
	} {
		out, _, err := r.Transcript(call(c.lines...))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		segs := out.Channels[c.ch].Segments
		if got := segs[len(segs)-1].Text; got != c.want {
			t.Errorf("%s: %q: last segment %q, want %q", c.name, c.lines, got, c.want)
		}
	}
}
