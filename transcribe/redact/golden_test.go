package redact_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/callscope/callscope/internal/fixtures"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/redact"
)

const goldenFile = "testdata/outputs.sha256"

var dump = flag.String("dump", "", "TestOutputsGolden: also write every output, as JSON lines, to files in this directory (to compare two versions)")

// TestOutputsGolden: a digest of everything the redactor returns (the
// redacted transcript, the spans with their rules, the error) for every
// case of the labelled set, with word times and without, and for the demo
// calls, so that a speed-up cannot change a mask, a time or a rule
// unnoticed. -update rewrites the digests after a deliberate change.
func TestOutputsGolden(t *testing.T) {
	r, err := redact.New(redact.Config{})
	if err != nil {
		t.Fatal(err)
	}
	digest := func(name string, trs []schemas.Transcript) string {
		h := sha256.New()
		var df *os.File
		if *dump != "" {
			var err error
			if df, err = os.Create(filepath.Join(*dump, name+".jsonl")); err != nil {
				t.Fatal(err)
			}
			defer df.Close()
		}
		for _, tr := range trs {
			out, spans, err := r.Transcript(tr)
			msg := ""
			if err != nil {
				msg = err.Error()
			}
			b, _ := json.Marshal(struct {
				Out   schemas.Transcript
				Spans []redact.Span
				Err   string
			}{out, spans, msg})
			h.Write(b)
			h.Write([]byte{'\n'})
			if df != nil {
				df.Write(append(b, '\n'))
			}
		}
		return hex.EncodeToString(h.Sum(nil))
	}
	var lines []string
	for _, split := range []string{"dev", "test"} {
		cases := loadCases(t, split)
		var words, plain []schemas.Transcript
		for i, c := range cases {
			words = append(words, toTranscript(c, 2*i))
			plain = append(plain, toTranscript(c, 2*i+1))
		}
		lines = append(lines, split+"-words "+digest(split+"-words", words), split+"-text "+digest(split+"-text", plain))
	}
	demo := demoTranscripts(t)
	lines = append(lines, fmt.Sprintf("demo-%d %s", len(demo), digest("demo", demo)))
	var long []schemas.Transcript
	for i, tr := range demo {
		long = append(long, fixtures.PadTo5Minutes(tr, uint64(i)))
	}
	lines = append(lines, fmt.Sprintf("demo-5min-%d %s", len(long), digest("demo-5min", long)))
	got := strings.Join(lines, "\n") + "\n"
	if *update {
		if err := os.WriteFile(goldenFile, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(goldenFile)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("the redactor's outputs changed:\n got %s\nwant %s(run with -update after a deliberate change)", got, want)
	}
}

// TestConcurrent: one Redactor used by several goroutines at once, as the
// transcribe stage's workers do (its scans share a pool of token
// buffers, Apply's records a slab of the call's scratch), gives each the
// same outputs as alone, by Transcript and by Apply; run with -race.
func TestConcurrent(t *testing.T) {
	r, err := redact.New(redact.Config{})
	if err != nil {
		t.Fatal(err)
	}
	trs := demoTranscripts(t)
	for i := range trs {
		trs = append(trs, fixtures.PadTo5Minutes(trs[i], uint64(i)))
	}
	encode := func(tr, applied schemas.Transcript) string {
		out, spans, _ := r.Transcript(tr)
		b, _ := json.Marshal(struct {
			Out     schemas.Transcript
			Spans   []redact.Span
			Applied schemas.Transcript
		}{out, spans, applied})
		return string(b)
	}
	outputs := func(tr schemas.Transcript) string {
		applied, _ := r.Apply(tr)
		return encode(tr, applied)
	}
	want := make([]string, len(trs))
	for i, tr := range trs {
		want[i] = outputs(tr)
	}
	// Each goroutine keeps its Apply outputs to compare them again once
	// all are done: a record handed out twice, or a buffer of the call's
	// scratch a transcript still points into, shows there.
	kept := make([][]schemas.Transcript, 8)
	errs := make(chan string, 8)
	for g := range 8 {
		go func() {
			for n := range 20 {
				i := (g*7 + n) % len(trs)
				if outputs(trs[i]) != want[i] {
					errs <- fmt.Sprintf("call %d differs when run concurrently", i)
					return
				}
				applied, _ := r.Apply(trs[i])
				kept[g] = append(kept[g], applied)
			}
			errs <- ""
		}()
	}
	for range 8 {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
	for g := range kept {
		for n, applied := range kept[g] {
			i := (g*7 + n) % len(trs)
			if encode(trs[i], applied) != want[i] {
				t.Errorf("call %d's Apply output changed after later calls", i)
			}
		}
	}
}
