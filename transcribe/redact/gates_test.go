package redact_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/callscope/callscope/internal/fixtures"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/redact"
)

// gateTranscripts is every transcript the gates are held to: each
// transcript JSON under testdata (the demo calls, the labelled calls of
// testdata/labelled, the bad inputs; not testdata/realspeech) as written
// and lengthened to 5 minutes, and every case of the generated splits
// and of the hand-written sets of testdata/pii, with word times and
// without.
func gateTranscripts(t *testing.T) []schemas.Transcript {
	var trs []schemas.Transcript
	root := "../../testdata"
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path == filepath.Join(root, "realspeech") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".transcript.json") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		tr, err := schemas.ParseTranscript(data)
		if err != nil {
			return nil // a bad input the parser refuses reaches no redactor
		}
		trs = append(trs, tr, fixtures.PadTo5Minutes(tr, uint64(len(trs))))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	splits := []string{"dev", "test"}
	for _, set := range writtenSets {
		splits = append(splits, set.split)
	}
	for _, split := range splits {
		for i, c := range loadCases(t, split) {
			trs = append(trs, toTranscript(c, 2*i), toTranscript(c, 2*i+1))
		}
	}
	return trs
}

// TestGatesSame: the redactor's outputs (the redacted transcript, the
// spans with their rules, the error) are byte for byte the same with
// every gate on and with every rule the gates skip run all the same
// (redact.Ungated), on every transcript gateTranscripts gives; and the
// gates do skip work on some of them (calls where nothing is claimed),
// or the test would hold them to nothing.
func TestGatesSame(t *testing.T) {
	if testing.Short() {
		t.Skip("redacts every labelled transcript twice")
	}
	r, err := redact.New(redact.Config{})
	if err != nil {
		t.Fatal(err)
	}
	trs := gateTranscripts(t)
	if len(trs) < 10000 {
		t.Fatalf("%d transcripts: testdata is not where the test looks", len(trs))
	}
	output := func(tr schemas.Transcript) string {
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
		return string(b)
	}
	gated := make([]string, len(trs))
	unclaimed := 0
	for i, tr := range trs {
		gated[i] = output(tr)
		_, spans, _ := r.Transcript(tr)
		if len(spans) == 0 {
			unclaimed++
		}
	}
	done := redact.Ungated()
	defer done()
	differ := 0
	for i, tr := range trs {
		if got := output(tr); got != gated[i] {
			if differ++; differ <= 5 {
				t.Errorf("transcript %d: gated %s\nungated %s", i, gated[i], got)
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d of %d transcripts redacted differently with the gates", differ, len(trs))
	}
	if unclaimed < 1000 {
		t.Fatalf("%d of %d transcripts have nothing masked: the echoes' gate is held to too few", unclaimed, len(trs))
	}
	t.Logf("%d transcripts the same with and without the gates (%d with nothing masked)", len(trs), unclaimed)
}
