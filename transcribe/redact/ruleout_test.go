package redact_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/callscope/callscope/internal/fixtures"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/redact"
)

// TestRuleOutSame: every number the classifier is skipped for
// (plainNumber) is one it would have left, on every case of the labelled
// splits and the hand-written sets (with word times and without) and on
// the demo calls, as recorded and lengthened; and the rule-out does skip
// some, or the test would hold it to nothing.
func TestRuleOutSame(t *testing.T) {
	r, err := redact.New(redact.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var trs []schemas.Transcript
	splits := []string{"dev", "test"}
	for _, set := range writtenSets {
		splits = append(splits, set.split)
	}
	for _, split := range splits {
		for i, c := range loadCases(t, split) {
			trs = append(trs, toTranscript(c, 2*i), toTranscript(c, 2*i+1))
		}
	}
	for _, g := range []string{"../../testdata/calls/*.transcript.json", "../../testdata/pii-calls/*.transcript.json"} {
		files, _ := filepath.Glob(g)
		for i, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			tr, err := schemas.ParseTranscript(data)
			if err != nil {
				t.Fatal(err)
			}
			trs = append(trs, tr, fixtures.PadTo5Minutes(tr, uint64(i)))
		}
	}
	done := redact.CheckRuleOuts()
	for _, tr := range trs {
		if _, _, err := r.Transcript(tr); err != nil {
			t.Error(err)
		}
	}
	ruled, typed := done()
	for _, x := range typed {
		t.Errorf("ruled out, but classify types it: %s", x)
	}
	if ruled < 100 {
		t.Fatalf("%d numbers ruled out in %d transcripts: the cases test nothing", ruled, len(trs))
	}
	t.Logf("%d numbers ruled out in %d transcripts", ruled, len(trs))
}
