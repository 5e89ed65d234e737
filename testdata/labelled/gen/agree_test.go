package main

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestKappa(t *testing.T) {
	// 10 calls: both say yes on 4, both no on 4, one each way on 2.
	var tl tally
	for _, p := range [][2]bool{{true, true}, {true, true}, {true, true}, {true, true},
		{false, false}, {false, false}, {false, false}, {false, false}, {true, false}, {false, true}} {
		tl.add(p[0], p[1])
	}
	// po = 0.8, pe = 0.5*0.5 + 0.5*0.5 = 0.5, kappa = 0.6
	if tl.n != 10 || tl.agree != 8 || math.Abs(tl.kappa()-0.6) > 1e-9 {
		t.Errorf("tally %+v kappa %v, want n 10 agree 8 kappa 0.6", tl, tl.kappa())
	}
	var same tally
	same.add(false, false)
	same.add(false, false)
	if same.kappa() != 1 {
		t.Errorf("all-false agreement: kappa %v, want 1", same.kappa())
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

const testTranscript = `{"call_id":"%s","channels":[
 {"role":"operator","segments":[{"start":0,"text":"компания ромашка слушаю"},{"start":9,"text":"не знаю"},{"start":20,"text":"до свидания"}]},
 {"role":"client","segments":[{"start":3,"text":"у меня не работает"},{"start":12,"text":"ну вы даете"}]}]}`

func TestAgreement(t *testing.T) {
	root := t.TempDir()
	lab := func(call string, g, c bool) string {
		b := func(v bool) string {
			if v {
				return "true"
			}
			return "false"
		}
		return `{"call":"` + call + `","labels":{"greeting":` + b(g) + `,"complaint":` + b(c) + `}}` + "\n"
	}
	writeFile(t, filepath.Join(root, "ru", "p1", "labels.jsonl"), lab("r1", false, true)+lab("r2", false, false))
	writeFile(t, filepath.Join(root, "en", "p1", "labels.jsonl"), lab("e1", true, true))
	for _, c := range []string{"ru/p1/r1", "ru/p1/r2", "en/p1/e1"} {
		writeFile(t, filepath.Join(root, c+".transcript.json"), strings.ReplaceAll(testTranscript, "%s", filepath.Base(c)))
	}
	// The second pass disagrees on r2 complaint (named utterance) and e1
	// greeting (the first operator utterance).
	writeFile(t, filepath.Join(root, "second_pass", "independent.jsonl"), lab("r1", false, true)+lab("r2", false, true)+lab("e1", false, true))
	writeFile(t, filepath.Join(root, "second_pass", "decisive.jsonl"), `{"call":"r2","category":"complaint","utterance":"ну вы даете"}`+"\n")
	var out bytes.Buffer
	if err := agreement(root, &out); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"independent.jsonl): 3 calls",
		"greeting        all             3      2    66.7%",
		"complaint       ru              2      1    50.0%",
		"complaint       en/p1           1      1   100.0%",
		"all categories  all             6      4    66.7%",
		"2 disagreements",
		"e1        greeting        first true  second false «компания ромашка слушаю»",
		"r2        complaint       first false second true  «ну вы даете»",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "labels.jsonl)") {
		t.Errorf("a missing second_pass/labels.jsonl should be skipped:\n%s", got)
	}
	// A named utterance that the channel does not hold is an error.
	writeFile(t, filepath.Join(root, "second_pass", "decisive.jsonl"), `{"call":"r2","category":"complaint","utterance":"безобразие"}`+"\n")
	if err := agreement(root, &bytes.Buffer{}); err == nil {
		t.Error("a decisive utterance not in the transcript was accepted")
	}
}
