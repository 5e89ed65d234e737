package dicteval_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/callscope/callscope/analyze/dicteval"
	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/schemas"
)

func builtin(t testing.TB) *match.Matcher {
	t.Helper()
	set, err := match.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	m, err := match.Compile(set)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func twoParty(op, cl string) schemas.Transcript {
	return schemas.Transcript{Language: "ru", Duration: 20, Channels: []schemas.TranscriptChannel{
		{Role: schemas.RoleOperator, Segments: []schemas.Segment{{Start: 0.5, End: 3, Text: op}}},
		{Role: schemas.RoleClient, Segments: []schemas.Segment{{Start: 4, End: 8, Text: cl}}},
	}}
}

func TestEvaluateCounts(t *testing.T) {
	m := builtin(t)
	calls := []dicteval.Call{
		// TP: a complaint said by the client.
		dicteval.WithTranscript("tp", "ru", twoParty("слушаю вас", "я хочу подать жалобу"), map[string]bool{"complaint": true}),
		// FN: labelled a complaint, nothing of it said.
		dicteval.WithTranscript("fn", "ru", twoParty("слушаю вас", "у меня вопрос по тарифу"), map[string]bool{"complaint": true}),
		// TN.
		dicteval.WithTranscript("tn", "ru", twoParty("слушаю вас", "подскажите баланс"), map[string]bool{"complaint": false}),
		// FP: labelled not a complaint, yet the phrase is there.
		dicteval.WithTranscript("fp", "ru", twoParty("слушаю вас", "у меня претензия к вам"), map[string]bool{"complaint": false}),
	}
	rep := dicteval.Evaluate(m, calls, dicteval.Options{})
	s, ok := rep.Score("ru", "complaint")
	if !ok {
		t.Fatalf("no complaint score: %+v", rep.Scores)
	}
	if s.TP != 1 || s.FN != 1 || s.TN != 1 || s.FP != 1 || s.Precision != 0.5 || s.Recall != 0.5 || s.F1 != 0.5 {
		t.Errorf("score = %+v, want 1 of each and 0.5", s)
	}
	if len(rep.Errors) != 2 {
		t.Fatalf("errors = %+v, want the FP and the FN", rep.Errors)
	}
	for _, e := range rep.Errors {
		switch e.Kind {
		case "false_positive":
			if e.Call != "fp" || e.Channel != "client" || e.PhraseID == "" || e.Text != "претензия" || e.Start < 4 {
				t.Errorf("FP = %+v", e)
			}
		case "false_negative":
			if e.Call != "fn" {
				t.Errorf("FN = %+v", e)
			}
		}
	}
	if got := rep.Below(0.6); len(got) != 1 {
		t.Errorf("Below(0.6) = %v", got)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := dicteval.Load(dir); !errors.Is(err, dicteval.ErrNoLabels) {
		t.Errorf("empty dir: %v", err)
	}
	bad := filepath.Join(dir, "labels.jsonl")
	os.WriteFile(bad, []byte(`{"call":"a","transcript":"missing.json","labels":{"complaint":true}}`+"\n"), 0o644)
	if _, err := dicteval.Load(dir); !errors.Is(err, dicteval.ErrBadLabels) {
		t.Errorf("missing transcript: %v", err)
	}
	os.WriteFile(bad, []byte(`{"call":"a","transcrpt":"x.json"}`+"\n"), 0o644)
	if _, err := dicteval.Load(bad); !errors.Is(err, dicteval.ErrBadLabels) {
		t.Errorf("unknown field: %v", err)
	}
}
