package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/analyzecall"
	"github.com/callscope/callscope/internal/golden"
	"github.com/callscope/callscope/transcribe/vad"
)

var updateAnalyze = flag.Bool("update-analyze", false, "rewrite testdata/analyze golden files")

var versionRe = regexp.MustCompile(`sha256:[0-9a-f]{16}`)

// stableOutput masks the content hashes of dictionaries and profiles: they
// change with every edit of either and are tested where they are made.
func stableOutput(s string) []byte { return []byte(versionRe.ReplaceAllString(s, "sha256:…")) }

func checkAnalyzeGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", "analyze", name), got, *updateAnalyze, "go test ./internal/cli -run Analyze -update-analyze")
}

// TestAnalyzeShippedCalls analyses every shipped test call offline and
// compares the JSON with its golden file.
func TestAnalyzeShippedCalls(t *testing.T) {
	calls, err := filepath.Glob(filepath.Join("..", "..", "testdata", "calls", "*.wav"))
	if err != nil || len(calls) < 16 {
		t.Fatalf("%d calls: %v", len(calls), err)
	}
	for _, audio := range calls {
		name := strings.TrimSuffix(filepath.Base(audio), ".wav")
		t.Run(name, func(t *testing.T) {
			out, errOut, code := execute(t, "analyze", "--audio", audio, "--format", "json")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var doc analyzecall.Result
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("not JSON: %v", err)
			}
			if doc.FormatVersion != analyzecall.FormatVersion || doc.Score == nil || len(doc.Parameters) < 30 ||
				doc.Meta.Client.ID != "" || doc.SpeechTiming != "segments" {
				t.Errorf("format %d, score %v, %d parameters, client %q, timing %s",
					doc.FormatVersion, doc.Score, len(doc.Parameters), doc.Meta.Client.ID, doc.SpeechTiming)
			}
			checkAnalyzeGolden(t, name+".json", stableOutput(out))
		})
	}
}

func TestAnalyzeText(t *testing.T) {
	for _, name := range []string{"10_interrupt", "12_mono_mixed", "11_sales_outbound"} {
		t.Run(name, func(t *testing.T) {
			audio := filepath.Join("..", "..", "testdata", "calls", name+".wav")
			out, errOut, code := execute(t, "analyze", "--audio", audio)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			checkAnalyzeGolden(t, name+".txt", stableOutput(out))
		})
	}
}

// TestAnalyzeOptions covers --meta, --transcript, --profile and
// --list-parameters.
func TestAnalyzeOptions(t *testing.T) {
	calls := filepath.Join("..", "..", "testdata", "calls")
	audio := filepath.Join(calls, "10_interrupt.wav")
	decode := func(t *testing.T, out string) analyzecall.Result {
		t.Helper()
		var doc analyzecall.Result
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, out)
		}
		return doc
	}

	// The sales profile forced on a support call.
	out, errOut, code := execute(t, "analyze", "--audio", audio, "--format", "json", "--profile", "sales")
	if code != 0 {
		t.Fatalf("--profile: %s", errOut)
	}
	if doc := decode(t, out); doc.Score.Profile != "sales" {
		t.Errorf("--profile sales scored by %s", doc.Score.Profile)
	}

	// Another call's metadata and transcript, given explicitly.
	out, errOut, code = execute(t, "analyze", "--audio", audio, "--format", "json",
		"--meta", filepath.Join(calls, "09_long_hold.json"), "--transcript", filepath.Join(calls, "09_long_hold.transcript.json"))
	if code == 0 {
		// 09 lasts 33 s, the audio of 10 only 20 s: the transcript does not fit.
		t.Fatalf("a transcript longer than the audio was accepted:\n%s", out)
	}
	if !strings.Contains(errOut, "09_long_hold.transcript.json") || !strings.Contains(errOut, "the audio lasts 20.2 s") {
		t.Errorf("mismatch error: %s", errOut)
	}
	out, errOut, code = execute(t, "analyze", "--audio", filepath.Join(calls, "09_long_hold.wav"), "--format", "json",
		"--meta", filepath.Join(calls, "01_polite_model.json"))
	if code != 0 {
		t.Fatalf("--meta: %s", errOut)
	}
	if doc := decode(t, out); doc.CallID != "2026-11-18-000101" || doc.Parameters["hold_count"] != 0 && doc.Parameters["wait_time"] != 12 {
		t.Errorf("--meta not used: call %s, parameters %v", doc.CallID, doc.Parameters)
	}

	out, _, code = execute(t, "analyze", "--list-parameters")
	if code != 0 || !strings.Contains(out, "overtalk_total") || !regexp.MustCompile(`\n\d\d parameters with a fixed name`).MatchString(out) {
		t.Errorf("--list-parameters: %s", out)
	}
	out, _, code = execute(t, "analyze", "--list-parameters", "--format", "json")
	var list []map[string]string
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list) < 31 {
		t.Errorf("--list-parameters --format json: %d entries: %s", len(list), out)
	}
}

// TestAnalyzeBadInputs checks that every broken input fails with a message
// naming the file and the problem, and that the two readable ones pass.
func TestAnalyzeBadInputs(t *testing.T) {
	bad := filepath.Join("..", "..", "testdata", "bad")
	calls := filepath.Join("..", "..", "testdata", "calls")
	tests := []struct {
		args []string
		want []string // in the error; empty: must succeed
	}{
		{[]string{"--audio", filepath.Join(bad, "empty.wav")}, []string{"empty.wav", "not a RIFF/WAVE file"}},
		{[]string{"--audio", filepath.Join(bad, "not_wav_text.wav")}, []string{"not_wav_text.wav", "not a RIFF/WAVE file"}},
		{[]string{"--audio", filepath.Join(bad, "not_wav_mp3.wav")}, []string{"not_wav_mp3.wav", "MP3"}},
		{[]string{"--audio", filepath.Join(bad, "truncated_fmt.wav")}, []string{"truncated_fmt.wav", "fmt"}},
		{[]string{"--audio", filepath.Join(bad, "unsupported_format.wav")}, []string{"unsupported_format.wav", "0x0011"}},
		{[]string{"--audio", filepath.Join(bad, "three_channels.wav")}, []string{"three_channels.wav", "3 channels"}},
		{[]string{"--audio", filepath.Join(bad, "bad_sidecar_syntax.wav")}, []string{"bad_sidecar_syntax.json", "line 3, column 30"}},
		{[]string{"--audio", filepath.Join(bad, "bad_sidecar_types.wav")}, []string{"bad_sidecar_types.json", `field "started_at"`}},
		{[]string{"--audio", filepath.Join(bad, "bad_channel_map.wav")}, []string{"bad_channel_map.json", `unknown role "agent"`}},
		{[]string{"--audio", filepath.Join(bad, "bad_transcript.wav")}, []string{"bad_transcript.transcript.json", "not valid transcript JSON"}},
		{[]string{"--audio", filepath.Join(bad, "transcript_mismatch.wav")}, []string{"transcript_mismatch.transcript.json", "ends at 95.0 s"}},
		{[]string{"--audio", filepath.Join(bad, "no_transcript.wav")}, []string{"no transcript", "no_transcript.transcript.json", "--transcript", "--vad"}},
		{[]string{"--audio", filepath.Join(bad, "missing.wav")}, []string{"missing.wav", "no such file"}},
		{[]string{"--audio", bad}, []string{"is a directory", "callscope run " + bad}},
		{[]string{"--audio", filepath.Join(calls, "01_polite_model.wav"), "--meta", filepath.Join(bad, "none.json")}, []string{"none.json", "no such file"}},
		{[]string{"--audio", filepath.Join(calls, "01_polite_model.wav"), "--profile", "nope"}, []string{`--profile "nope"`, "default, sales"}},
		{[]string{"--audio", filepath.Join(calls, "01_polite_model.wav"), "--format", "xml"}, []string{`--format "xml"`}},
		{[]string{}, []string{"give --audio, --transcript or both"}},
		{[]string{"--transcript", filepath.Join(calls, "01_polite_model.transcript.json"), "--vad"}, []string{"--vad needs --audio"}},
		{[]string{"--transcript", filepath.Join(bad, "no_transcript.transcript.json")}, []string{"no transcript", "no_transcript.transcript.json"}},
		{[]string{"--transcript", filepath.Join(bad, "bad_transcript.transcript.json")}, []string{"bad_transcript.transcript.json", "not valid transcript JSON"}},
		{[]string{"--audio", filepath.Join(calls, "01_polite_model.wav"), "--scoring", filepath.Join("testdata", "nonexistent")}, []string{"nonexistent"}},
		{[]string{"--audio", filepath.Join(bad, "truncated_data.wav")}, nil},
		{[]string{"--audio", filepath.Join(bad, "data_size_huge.wav")}, nil},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, errOut, code := execute(t, append([]string{"analyze"}, tt.args...)...)
			if len(tt.want) == 0 {
				if code != 0 || !strings.Contains(out, "SCORE") {
					t.Fatalf("exit %d: %s", code, errOut)
				}
				return
			}
			if code == 0 {
				t.Fatalf("succeeded:\n%s", out)
			}
			if strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
				t.Errorf("error is more than one line:\n%s", errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("error %q does not say %q", errOut, w)
				}
			}
		})
	}
}

// TestAnalyzeVAD takes speech timing from Silero VAD on the audio: the
// overtalk of 10_interrupt is found there too.
func TestAnalyzeVAD(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the VAD model")
	}
	if _, err := vad.New(vad.Config{}); err != nil {
		t.Skipf("no VAD here: %v", err)
	}
	audio := filepath.Join("..", "..", "testdata", "calls", "10_interrupt.wav")
	out, errOut, code := execute(t, "analyze", "--audio", audio, "--format", "json", "--vad")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc analyzecall.Result
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	p := doc.Parameters
	if doc.SpeechTiming != "vad" || p["overtalk_count"] != 2 || p["interruptions_client"] != 1 || p["overtalk_longest"] < 1.3 || p["overtalk_longest"] > 1.9 {
		t.Errorf("timing %s, parameters %v", doc.SpeechTiming, p)
	}
}

// TestAnalyzeTranscriptOnly: a transcript alone, without its audio, is
// analysed with its own times; every shipped call gets what its audio and
// transcript together give (the transcripts carry the calls' durations).
func TestAnalyzeTranscriptOnly(t *testing.T) {
	calls, err := filepath.Glob(filepath.Join("..", "..", "testdata", "calls", "*.transcript.json"))
	if err != nil || len(calls) < 16 {
		t.Fatalf("%d transcripts: %v", len(calls), err)
	}
	for _, tr := range calls {
		name := strings.TrimSuffix(filepath.Base(tr), ".transcript.json")
		t.Run(name, func(t *testing.T) {
			analyse := func(args ...string) analyzecall.Result {
				t.Helper()
				out, errOut, code := execute(t, append([]string{"analyze", "--format", "json"}, args...)...)
				if code != 0 {
					t.Fatalf("analyze %v: exit %d: %s", args, code, errOut)
				}
				var doc analyzecall.Result
				if err := json.Unmarshal([]byte(out), &doc); err != nil {
					t.Fatal(err)
				}
				return doc
			}
			alone := analyse("--transcript", tr)
			both := analyse("--audio", strings.TrimSuffix(tr, ".transcript.json")+".wav")
			if alone.Audio != nil || alone.TranscriptFile != tr || alone.MetadataFile == "" || alone.CallID != both.CallID {
				t.Errorf("audio %v, transcript %q, metadata %q, call %q", alone.Audio, alone.TranscriptFile, alone.MetadataFile, alone.CallID)
			}
			alone.Audio, alone.TranscriptFile = both.Audio, both.TranscriptFile
			a, _ := json.Marshal(alone)
			b, _ := json.Marshal(both)
			if !bytes.Equal(a, b) {
				t.Errorf("without audio:\n%s\nwith it:\n%s", a, b)
			}
		})
	}
	// Text for people says where the times come from.
	out, errOut, code := execute(t, "analyze", "--transcript", calls[0])
	if code != 0 || !strings.Contains(out, "no audio: times from the transcript") {
		t.Errorf("exit %d: %s\n%s", code, errOut, out)
	}
}

// TestAnalyzeVADOnly: a recording without a transcript gets every timing
// parameter from the VAD, equal to what the VAD gives with the transcript,
// and no text parameter, hit or category: they are unknown, not zero.
func TestAnalyzeVADOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the VAD model")
	}
	if _, err := vad.New(vad.Config{}); err != nil {
		t.Skipf("no VAD here: %v", err)
	}
	calls := filepath.Join("..", "..", "testdata", "calls")
	dir := t.TempDir()
	for _, f := range []string{"10_interrupt.wav", "10_interrupt.json"} {
		data, err := os.ReadFile(filepath.Join(calls, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(audio string) analyzecall.Result {
		t.Helper()
		out, errOut, code := execute(t, "analyze", "--audio", audio, "--vad", "--format", "json")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var doc analyzecall.Result
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		return doc
	}
	got := run(filepath.Join(dir, "10_interrupt.wav"))
	full := run(filepath.Join(calls, "10_interrupt.wav"))
	if got.SpeechTiming != "vad" || got.ASR.Adapter != "none" || got.TranscriptFile != "" || len(got.Hits) != 0 || len(got.Categories) != 0 {
		t.Errorf("timing %s, asr %s, transcript %q, hits %v, categories %v", got.SpeechTiming, got.ASR.Adapter, got.TranscriptFile, got.Hits, got.Categories)
	}
	for _, p := range analyze.Parameters() {
		v, ok := got.Parameters[p.Name]
		switch p.Source {
		case analyze.SourceTiming:
			if w := full.Parameters[p.Name]; !ok || v != w {
				t.Errorf("%s = %g (present %v), with the transcript %g", p.Name, v, ok, w)
			}
		case analyze.SourceTranscript, analyze.SourceDictionaries:
			if ok {
				t.Errorf("%s = %g without a transcript, want absent", p.Name, v)
			}
		}
	}
	if got.Score == nil {
		t.Fatal("no score")
	}
	for _, c := range got.Score.Criteria {
		if c.ID == "greeting" && (c.Outcome != "n/a" || !strings.Contains(c.Evidence, "no transcript")) {
			t.Errorf("greeting criterion without a transcript: %s %s", c.Outcome, c.Evidence)
		}
	}
	out, _, code := execute(t, "analyze", "--audio", filepath.Join(dir, "10_interrupt.wav"), "--vad")
	if code != 0 || !strings.Contains(out, "no transcript: timing only") || !strings.Contains(out, "interruptions_client") {
		t.Errorf("text output:\n%s", out)
	}
}

// TestAnalyzeMetadataWarnings: what is suspect in a sidecar does not stop
// the analysis, and the output says it, one warning a line, naming the file
// and the field.
func TestAnalyzeMetadataWarnings(t *testing.T) {
	calls := filepath.Join("..", "..", "testdata", "calls")
	tests := []struct {
		name, sidecar string
		want          []string
	}{
		{"misspelt operator", `{"operatr": {"id": "op-7"}}`, []string{"\nwarning: ", `meta.json: unknown field "operatr" is kept as a tag: did you mean operator?` + "\n"}},
		{"a start in 2099 and a misspelt queue", `{"qeue": "tv", "started_at": "2099-01-01T00:00:00Z"}`, []string{
			`meta.json: unknown field "qeue" is kept as a tag: did you mean queue?` + "\n",
			`warning: `, `meta.json: field "started_at": "2099-01-01T00:00:00Z" is in the future (the call is kept with it)` + "\n"}},
		{"nothing suspect", `{"queue": "tv"}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			meta := filepath.Join(t.TempDir(), "meta.json")
			if err := os.WriteFile(meta, []byte(tt.sidecar), 0o644); err != nil {
				t.Fatal(err)
			}
			out, errOut, code := execute(t, "analyze", "--audio", filepath.Join(calls, "01_polite_model.wav"), "--meta", meta)
			if code != 0 || !strings.Contains(out, "SCORE") {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if tt.want == nil && strings.Contains(out, "warning") {
				t.Errorf("a warning for a good sidecar:\n%s", out)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output does not say %q:\n%s", w, out)
				}
			}
		})
	}
}
