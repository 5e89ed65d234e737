package redact_test

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/callscope/callscope/internal/fixtures"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/redact"
)

func demoTranscripts(tb testing.TB) []schemas.Transcript {
	var trs []schemas.Transcript
	for _, g := range []string{"../../testdata/calls/*.transcript.json", "../../testdata/pii-calls/*.transcript.json"} {
		files, _ := filepath.Glob(g)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			tr, err := schemas.ParseTranscript(data)
			if err != nil {
				tb.Fatal(err)
			}
			trs = append(trs, tr)
		}
	}
	if len(trs) < 10 {
		tb.Fatalf("%d transcripts", len(trs))
	}
	return trs
}

// BenchmarkDemoCalls redacts every transcript of the demo calls
// (testdata/calls and testdata/pii-calls; three dictate personal data), as
// the transcribe stage does, as they are (20-45 s) and lengthened to 5
// minutes (padTo5Minutes); ns/op is for the whole set, cpu-µs/call the
// thread's CPU time per call (what it costs on a shared machine).
func BenchmarkDemoCalls(b *testing.B) {
	r, err := redact.New(redact.Config{})
	if err != nil {
		b.Fatal(err)
	}
	short := demoTranscripts(b)
	var long []schemas.Transcript
	for i, tr := range short {
		long = append(long, fixtures.PadTo5Minutes(tr, uint64(i)))
	}
	for _, set := range []struct {
		name string
		trs  []schemas.Transcript
	}{{"as_recorded", short}, {"5_minutes", long}} {
		b.Run(set.name, func(b *testing.B) {
			b.ReportAllocs()
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			spans := 0
			c0 := threadCPU()
			for b.Loop() {
				spans = 0
				for _, tr := range set.trs {
					_, s, _ := r.Transcript(tr)
					spans += len(s)
				}
			}
			b.ReportMetric(float64(spans), "spans")
			b.ReportMetric(float64((threadCPU()-c0).Nanoseconds())/1e3/float64(b.N*len(set.trs)), "cpu-µs/call")
		})
	}
}
