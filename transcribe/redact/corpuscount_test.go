package redact_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/redact"
)

// TestLabelledCorpusMasks counts what the redactor masks on the labelled
// dictionary corpus (testdata/labelled/LANG: ordinary contact-centre
// calls, few of them with personal data): calls with a mask, spans by
// type and rule. Run it by naming the languages and, to read the spans,
// a file to write them to (one JSON line each, the segment before and
// after):
//
//	REDACT_CORPUS=en,ru REDACT_CORPUS_DUMP=/tmp/spans go test ./transcribe/redact -run TestLabelledCorpusMasks -v
//
// It checks nothing: the figures are for reading (the English pipeline's
// over-redaction, lane i13en21).
func TestLabelledCorpusMasks(t *testing.T) {
	langs := os.Getenv("REDACT_CORPUS")
	if langs == "" {
		t.Skip("REDACT_CORPUS=en,ru names the parts to count")
	}
	r, err := redact.New(redact.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range strings.Split(langs, ",") {
		files, _ := filepath.Glob(filepath.Join("../../testdata/labelled", lang, "*", "*.transcript.json"))
		sort.Strings(files)
		if len(files) == 0 {
			t.Fatalf("no transcripts for %q", lang)
		}
		var dump *os.File
		if d := os.Getenv("REDACT_CORPUS_DUMP"); d != "" {
			if dump, err = os.Create(d + "." + lang + ".jsonl"); err != nil {
				t.Fatal(err)
			}
		}
		byRule := map[string]int{}
		callsBy := map[string]int{}
		calls, spans := 0, 0
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			tr, err := schemas.ParseTranscript(data)
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			out, sp, err := r.Transcript(tr)
			if err != nil {
				t.Errorf("%s: %v", f, err)
			}
			if len(sp) > 0 {
				calls++
			}
			seen := map[string]bool{}
			for _, s := range sp {
				spans++
				key := string(s.Type) + " " + s.Rule
				byRule[key]++
				if !seen[string(s.Type)] {
					seen[string(s.Type)] = true
					callsBy[string(s.Type)]++
				}
				if dump != nil {
					b, _ := json.Marshal(map[string]any{
						"call": strings.TrimPrefix(f, "../../testdata/labelled/"), "rule": s.Rule, "role": s.Role, "seg": s.Segment,
						"in": tr.Channels[s.Channel].Segments[s.Segment].Text, "out": out.Channels[s.Channel].Segments[s.Segment].Text,
					})
					dump.Write(append(b, '\n'))
				}
			}
		}
		if dump != nil {
			dump.Close()
		}
		var keys []string
		for k := range byRule {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var b strings.Builder
		fmt.Fprintf(&b, "%s: %d calls, %d with a mask, %d spans\n", lang, len(files), calls, spans)
		for _, k := range keys {
			fmt.Fprintf(&b, "  %-28s %6d\n", k, byRule[k])
		}
		var types []string
		for k := range callsBy {
			types = append(types, k)
		}
		sort.Strings(types)
		for _, k := range types {
			fmt.Fprintf(&b, "  calls with %-17s %6d\n", k, callsBy[k])
		}
		t.Log("\n" + b.String())
	}
}
