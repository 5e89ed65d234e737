package redact

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/callscope/callscope/schemas"
)

// BenchmarkTokenizeDemo tokenizes every segment of the demo calls
// (testdata/calls, testdata/pii-calls), text and words, as load does:
// the tokenizer and the lexicon alone, for callgrind (instructions a
// token: tokens/op).
func BenchmarkTokenizeDemo(b *testing.B) {
	var segs []schemas.Segment
	for _, g := range []string{"../../testdata/calls/*.transcript.json", "../../testdata/pii-calls/*.transcript.json"} {
		files, _ := filepath.Glob(g)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			tr, err := schemas.ParseTranscript(data)
			if err != nil {
				b.Fatal(err)
			}
			for _, ch := range tr.Channels {
				segs = append(segs, ch.Segments...)
			}
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
