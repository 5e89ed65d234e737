package redact_test

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/redact"
)

// TestApplyRecord: Apply's record of what was masked is Transcript's
// spans (times rounded to the millisecond) and the types On lists, as JSON
// byte for byte (an empty list of spans is [], no type is null), and its
// transcript is Transcript's, for every demo call and several sets of
// types.
func TestApplyRecord(t *testing.T) {
	some, err := redact.New(redact.Config{Types: []redact.Type{redact.Name, redact.Card}})
	if err != nil {
		t.Fatal(err)
	}
	all, err := redact.New(redact.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		r    *redact.Redactor
	}{{"every type", all}, {"name and card", some}, {"none (the zero Redactor)", &redact.Redactor{}}} {
		t.Run(c.name, func(t *testing.T) {
			for i, tr := range demoTranscripts(t) {
				got, err := c.r.Apply(tr)
				if err != nil {
					t.Fatal(err)
				}
				want, spans, err := c.r.Transcript(tr)
				if err != nil {
					t.Fatal(err)
				}
				record := &schemas.PIIRedaction{Spans: []schemas.PIISpan{}}
				for _, typ := range c.r.On() {
					record.Types = append(record.Types, string(typ))
				}
				for _, s := range spans {
					record.Spans = append(record.Spans, schemas.PIISpan{Type: string(s.Type), Channel: s.Channel, Role: s.Role,
						Start: math.Round(s.Start*1000) / 1000, End: math.Round(s.End*1000) / 1000, Rule: s.Rule})
				}
				want.PII = record
				g, _ := json.Marshal(got)
				w, _ := json.Marshal(want)
				if !bytes.Equal(g, w) {
					t.Errorf("call %d: Apply gave\n%s\nwant\n%s", i, g, w)
				}
			}
		})
	}
}
