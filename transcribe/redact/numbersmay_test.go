package redact_test

import (
	"reflect"
	"testing"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/redact"
)

// TestNumbersMayKeeps: a number that reaches ten digits only through a
// count before a digit's noun («четыре семерки» is four digits), the one
// condition by which numbersMay lets the number rule run on its channel,
// is masked with the gate as without it (redact.Ungated), and masked at
// all. The labelled sets have no such case: without the condition none
// of TestGatesSame's transcripts changes, and these do.
func TestNumbersMayKeeps(t *testing.T) {
	r, err := redact.New(redact.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		client string
		want   redact.Type
	}{
		{"4 9 5 1 2 3 4 четыре семерки", redact.Number},
		{"4 9 5 1 2 3 4 три семерки", redact.Number},
	} {
		tr := schemas.Transcript{Language: "ru", Channels: []schemas.TranscriptChannel{
			{Role: schemas.RoleOperator, Segments: []schemas.Segment{{Start: 0, End: 2, Text: "здравствуйте слушаю"}}},
			{Role: schemas.RoleClient, Segments: []schemas.Segment{{Start: 2.5, End: 5, Text: c.client}}}}}
		gated, spans, err := r.Transcript(tr)
		if err != nil {
			t.Fatal(err)
		}
		done := redact.Ungated()
		ungated, uspans, _ := r.Transcript(tr)
		done()
		if !reflect.DeepEqual(gated, ungated) || !reflect.DeepEqual(spans, uspans) {
			t.Errorf("%q gated %q %v, ungated %q %v", c.client, gated.Channels[1].Segments[0].Text, spans,
				ungated.Channels[1].Segments[0].Text, uspans)
			continue
		}
		if len(spans) != 1 || spans[0].Type != c.want {
			t.Errorf("%q masked %v, want one %s", c.client, spans, c.want)
		}
	}
}
