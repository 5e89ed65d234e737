package redact_test

import (
	"encoding/json"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/callscope/callscope/internal/fixtures"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/redact"
)

func demoTranscripts(tb testing.TB) []schemas.Transcript {
	trs, err := fixtures.Transcripts("../../testdata/calls/*.transcript.json", "../../testdata/pii-calls/*.transcript.json")
	if err != nil {
		tb.Fatal(err)
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

// BenchmarkColdCalls redacts each demo call after emptying the caches of
// what redaction reads: 4 MB of memory written and read, and a JSON round
// trip of another call (code of another package), untimed, so that each
// redaction starts as in the transcribe stage, where recognition runs
// between two, and with a fresh copy of its transcript (as the recognizer
// hands it over). cpu-µs/call is the redaction's thread CPU time. It is
// meant for callgrind, which simulates the caches and the branch predictor
// and counts, the same in every run, what a variant executes and misses
// (docs/privacy.md, "Cost"): on this shared machine timings of a few per
// cent are lost in the noise.
//
//	pii:   the two calls of testdata/pii-calls (they dictate personal data)
//	demo:  the 18 demo calls, as recorded
//	demo5: the 18 demo calls lengthened to 5 minutes (fixtures.PadTo5Minutes:
//	       talk without personal data, most of it for the prefilter alone)
//	plain: the 16 demo calls that dictate nothing (demo without pii): what
//	       the gates leave a call that has no personal data to mask
func BenchmarkColdCalls(b *testing.B) {
	r, err := redact.New(redact.Config{})
	if err != nil {
		b.Fatal(err)
	}
	all := demoTranscripts(b)
	pii, _ := filepath.Glob("../../testdata/pii-calls/*.transcript.json") // (the last ones demoTranscripts reads)
	var long []schemas.Transcript
	for i, tr := range all {
		long = append(long, fixtures.PadTo5Minutes(tr, uint64(i)))
	}
	for _, set := range []struct {
		name string
		trs  []schemas.Transcript
	}{{"pii", all[len(all)-len(pii):]}, {"demo", all}, {"demo5", long}, {"plain", all[:len(all)-len(pii)]}} {
		b.Run(set.name, func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			var cpu int64
			for b.Loop() {
				for i, tr := range set.trs {
					c := cloneTranscript(tr)
					evictCaches(set.trs[(i+1)%len(set.trs)])
					c0 := threadCPU()
					if _, err := r.Apply(c); err != nil {
						b.Fatal(err)
					}
					cpu += (threadCPU() - c0).Nanoseconds()
				}
			}
			b.ReportMetric(float64(cpu)/1e3/float64(b.N*len(set.trs)), "cpu-µs/call")
		})
	}
}

// BenchmarkWarmCalls is BenchmarkColdCalls with the caches not emptied:
// each call is redacted right after a copy of itself (same) or of the
// next call of its set (next), untimed. same leaves the redactor's code,
// tables and branch history those of the call's own words; next warms
// the code and tables alone, with another call's words. Against
// BenchmarkColdCalls, in turns, they split a call's cost into the
// instructions it runs (same), what its branches predicted afresh add
// (next less same) and what reading the code and tables from beyond the
// caches adds (cold less next) (docs/privacy.md, "Cost"); sets as there.
func BenchmarkWarmCalls(b *testing.B) {
	r, err := redact.New(redact.Config{})
	if err != nil {
		b.Fatal(err)
	}
	all := demoTranscripts(b)
	pii, _ := filepath.Glob("../../testdata/pii-calls/*.transcript.json") // (the last ones demoTranscripts reads)
	var long []schemas.Transcript
	for i, tr := range all {
		long = append(long, fixtures.PadTo5Minutes(tr, uint64(i)))
	}
	for _, set := range []struct {
		name string
		trs  []schemas.Transcript
	}{{"pii", all[len(all)-len(pii):]}, {"demo", all}, {"demo5", long}} {
		for _, before := range []struct {
			name string
			next int // which call is redacted before: i+next
		}{{"same", 0}, {"next", 1}} {
			b.Run(set.name+"_"+before.name, func(b *testing.B) {
				runtime.LockOSThread()
				defer runtime.UnlockOSThread()
				var cpu int64
				for b.Loop() {
					for i, tr := range set.trs {
						c := cloneTranscript(tr)
						if _, err := r.Apply(cloneTranscript(set.trs[(i+before.next)%len(set.trs)])); err != nil {
							b.Fatal(err)
						}
						c0 := threadCPU()
						if _, err := r.Apply(c); err != nil {
							b.Fatal(err)
						}
						cpu += (threadCPU() - c0).Nanoseconds()
					}
				}
				b.ReportMetric(float64(cpu)/1e3/float64(b.N*len(set.trs)), "cpu-µs/call")
			})
		}
	}
}

// evictBuf is larger than a core's second-level cache.
var evictBuf = make([]byte, 4<<20)

// evictSink keeps evictCaches' work from being optimized away.
var evictSink int

// evictCaches writes and reads every cache line of evictBuf and runs
// encoding/json on tr: the redactor's data and code leave the caches.
func evictCaches(tr schemas.Transcript) {
	s := 0
	for i := 0; i < len(evictBuf); i += 64 {
		evictBuf[i]++
		s += int(evictBuf[i])
	}
	data, _ := json.Marshal(tr)
	var back schemas.Transcript
	_ = json.Unmarshal(data, &back)
	evictSink += s + len(back.Channels)
}

// cloneTranscript copies tr, strings included, as a recognizer's fresh
// output.
func cloneTranscript(tr schemas.Transcript) schemas.Transcript {
	out := tr
	out.Channels = make([]schemas.TranscriptChannel, len(tr.Channels))
	for ci, ch := range tr.Channels {
		c := ch
		c.Segments = make([]schemas.Segment, len(ch.Segments))
		for k, seg := range ch.Segments {
			seg.Text = strings.Clone(seg.Text)
			if seg.Words != nil {
				ws := make([]schemas.Word, len(seg.Words))
				for j, w := range seg.Words {
					w.W = strings.Clone(w.W)
					ws[j] = w
				}
				seg.Words = ws
			}
			c.Segments[k] = seg
		}
		out.Channels[ci] = c
	}
	return out
}
