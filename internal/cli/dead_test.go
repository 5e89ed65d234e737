package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/pipeline"
)

// TestDeadListAndReplay runs two broken recordings through the embedded
// pipeline, lists their dead letters, fixes one cause (the missing
// transcript) and replays both: the fixed one is analysed, the other fails
// again and is dead-lettered again with its reason.
func TestDeadListAndReplay(t *testing.T) {
	testenv.SkipIfShort(t)
	testenv.ChDB(t)
	clearServerEnv(t)
	data := filepath.Join(t.TempDir(), "data")
	src := filepath.Join(t.TempDir(), "broken")
	if err := os.MkdirAll(src, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"no_transcript.wav", "no_transcript.json", "empty.wav", "empty.json"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "bad", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(src, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, errOut, _ := execute(t, "run", "--data", data, src); !strings.Contains(out, "2 calls: 0 analysed, 2 failed") {
		t.Fatalf("run:\n%s%s", out, errOut)
	}

	type letter struct {
		Seq       uint64 `json:"seq"`
		Stage     string `json:"stage"`
		Recording string `json:"recording"`
		Reason    string `json:"reason"`
		Attempts  int    `json:"attempts"`
	}
	list := func() map[string]letter {
		t.Helper()
		out, errOut, code := execute(t, "dead", "list", "--data", data, "--format", "json")
		var letters []letter
		if err := json.Unmarshal([]byte(out), &letters); code != 0 || err != nil {
			t.Fatalf("dead list: exit %d, %v\n%s%s", code, err, out, errOut)
		}
		byRec := map[string]letter{}
		for _, l := range letters {
			byRec[l.Recording] = l
		}
		return byRec
	}
	before := list()
	missing, empty := before["broken/no_transcript.wav"], before["broken/empty.wav"]
	if len(before) != 2 || missing.Stage != "transcribe" || !strings.Contains(missing.Reason, "no transcript beside the recording") ||
		!strings.Contains(empty.Reason, "empty input") || missing.Attempts != 1 {
		t.Fatalf("dead letters after the run: %+v", before)
	}
	out, _, code := execute(t, "dead", "list", "--data", data)
	if code != 0 || !strings.Contains(out, "broken/empty.wav") || !strings.Contains(out, "2 dead letters") {
		t.Errorf("dead list as a table:\n%s", out)
	}

	// Fix the cause of one: its transcript arrives in the bucket (the
	// embedded S3 keeps objects as files).
	transcript := `{"call_id": "bad-no_transcript", "language": "ru", "duration": 0.5,
 "channels": [{"role": "operator", "segments": [{"start": 0.05, "end": 0.4, "text": "Здравствуйте, компания Ромашка"}]}, {"role": "client", "segments": []}]}`
	if err := os.WriteFile(filepath.Join(data, "objects", "buckets", "calls", "broken", "no_transcript.transcript.json"), []byte(transcript), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := execute(t, "dead", "replay", "--data", data,
		"--seq", strconv.FormatUint(missing.Seq, 10), "--seq", strconv.FormatUint(empty.Seq, 10))
	if code != 0 || !strings.Contains(out, "2 dead letters replayed") || !strings.Contains(out, "1 analysed, 1 failed; 1 dead letter now") {
		t.Fatalf("dead replay: exit %d\n%s%s", code, out, errOut)
	}
	after := list()
	if again, ok := after["broken/empty.wav"]; len(after) != 1 || !ok || again.Seq <= empty.Seq || !strings.Contains(again.Reason, "empty input") {
		t.Errorf("dead letters after the replay: %+v", after)
	}
	out, _, code = execute(t, "calls", "--data", data, "--format", "csv")
	if code != 0 || !strings.Contains(out, "bad-no_transcript") {
		t.Errorf("the replayed call is not analysed:\n%s", out)
	}
	_, errOut, code = execute(t, "dead", "replay", "--data", data, "--stage", "ingestion")
	if code == 0 || !strings.Contains(errOut, `--stage "ingestion": want one of ingest, transcribe, analyze, store`) {
		t.Errorf("bad --stage: exit %d, %s", code, errOut)
	}
}

// TestMissingDeadLetters: a --seq that selects no letter is named, with the
// --stage it was looked for in, rather than replaying the others or
// answering "no dead letters".
func TestMissingDeadLetters(t *testing.T) {
	letters := []pipeline.DeadLetter{{Seq: 3, Stage: "ingest"}, {Seq: 5, Stage: "ingest"}}
	for _, tc := range []struct {
		name    string
		seqs    []uint
		stage   string
		letters []pipeline.DeadLetter
		want    string // "" is no error
	}{
		{name: "no --seq", letters: letters},
		{name: "all found", seqs: []uint{3, 5}, letters: letters},
		{name: "one mistyped", seqs: []uint{3, 99999}, letters: letters, want: "--seq 99999: no such dead letter ("},
		{name: "of another stage", seqs: []uint{7, 8}, stage: "transcribe", want: "--seq 7, 8: no such dead letter of --stage transcribe"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := missingDeadLetters(tc.seqs, tc.stage, tc.letters)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("error %v, want none", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}
