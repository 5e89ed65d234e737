package redact

import (
	"testing"

	"github.com/callscope/callscope/internal/fixtures"
	"github.com/callscope/callscope/schemas"
)

// BenchmarkTokenizeDemo tokenizes every segment of the demo calls
// (testdata/calls, testdata/pii-calls), text and words, as load does:
// the tokenizer and the lexicon alone, for callgrind (instructions a
// token: tokens/op).
func BenchmarkTokenizeDemo(b *testing.B) {
	trs, err := fixtures.Transcripts("../../testdata/calls/*.transcript.json", "../../testdata/pii-calls/*.transcript.json")
	if err != nil {
		b.Fatal(err)
	}
	var segs []schemas.Segment
	for _, tr := range trs {
		for _, ch := range tr.Channels {
			segs = append(segs, ch.Segments...)
		}
	}
	s := newScan("ru", "client")
	n := 0
	for b.Loop() {
		s.toks, s.norms = s.toks[:0], s.norms[:0]
		for k := range segs {
			seg := &segs[k]
			if len(seg.Words) > 0 {
				for j, w := range seg.Words {
					s.tokenize(w.W, int32(k), int32(j))
				}
			} else {
				s.tokenize(seg.Text, int32(k), -1)
			}
		}
		n = len(s.toks)
	}
	b.ReportMetric(float64(n), "tokens/op")
}
