package schemas

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// TestFastDecodeSame: the faster decoder reads every shipped transcript,
// store jobs and awkward documents into the values encoding/json gives,
// and refuses what it refuses with encoding/json's words.
func TestFastDecodeSame(t *testing.T) {
	files, err := filepath.Glob("../testdata/*/*.transcript.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no transcripts under testdata: %v", err)
	}
	stdParse := func(data []byte) (Transcript, error) {
		var tr Transcript
		err := json.NewDecoder(bytes.NewReader(data)).Decode(&tr)
		return tr, err
	}
	docs := map[string][]byte{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs[filepath.Base(f)] = data
	}
	for name, doc := range map[string]string{
		"invalid utf-8":     "{\"channels\":[{\"role\":\"client\",\"segments\":[{\"start\":1,\"end\":2,\"text\":\"\xff\xfe при\xd0вет\"}]}]}",
		"escapes":           `{"channels":[{"role":"client","segments":[{"start":1e-3,"end":2.5E1,"text":"\u0416\"\\\/\n\t\ud83d\ude00 \ud800"}]}]}`,
		"trailing data":     `{"channels":[{"role":"client"}]} {"more":1} garbage`,
		"case and repeats":  `{"CHANNELS":[{"Role":"client","role":"operator"}],"language":"ru","Language":"en"}`,
		"nulls and unknown": `{"channels":null,"asr":{"adapter":null},"x":{"y":[1,2,{"z":true}]},"duration":null}`,
		"floats":            `{"duration":0.1000000000000000055511151231257827,"channels":[{"role":"client","segments":[{"start":123456789.123456789,"end":1.7976931348623157e308}]}]}`,
		"not json":          `{"channels":[`,
		"wrong type":        `{"channels":"two"}`,
		"empty":             ``,
		"big number":        `{"duration":1e400}`,
	} {
		docs[name] = []byte(doc)
	}
	for name, data := range docs {
		want, wantErr := stdParse(data)
		var got Transcript
		err := decodeFirst(data, &got, func() { got = Transcript{} })
		if (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
			t.Errorf("%s: error %v, encoding/json says %v", name, err, wantErr)
			continue
		}
		if err == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("%s: decoded\n%+v\nencoding/json decodes\n%+v", name, got, want)
		}
	}

	// A store job with every field set, and broken ones.
	at := time.Date(2026, 11, 20, 10, 0, 0, 123456789, time.FixedZone("MSK", 3*3600))
	five := 5.0
	full := StoreJob{Analysis: &Analysis{
		CallID: "c1", ObjectKey: "calls/c1.wav", ETag: "e", Version: "1+d", DictionaryVersion: "d", AnalyzedAt: at,
		Meta:       Metadata{CallID: "c1", StartedAt: at, Tags: map[string]string{"a": "б"}, Holds: []Interval{{Start: 1, End: 2.5}}, Channels: map[string]string{"0": "operator"}, WaitSeconds: &five},
		ASR:        ASRInfo{Adapter: "import", Model: "m"},
		Metrics:    Metrics{Duration: 25.693, Channels: 2, OperatorTalk: &five, TotalTalk: 0.1 + 0.2},
		Categories: map[string]int{"complaint": 2},
		Hits:       []Hit{{Category: "complaint", PhraseID: "c1", Channel: "client", Start: 4.6, End: 5.2, Text: "жалобу"}},
		Parameters: map[string]float64{"talk_share": 1.0 / 3, "hold_count": 0},
		Score:      &Score{Profile: "p", ProfileVersion: "1", Value: 4.2, Max: 5, Criteria: []CriterionResult{{ID: "greet", Outcome: "passed", Weight: 1}}},
		Segments:   []IndexedSegment{{Channel: "client", Index: 0, Start: 0.5, End: 3.233, Text: "Добрый день", Terms: []string{"добр", "ден"}}},
	}, Status: &Status{ObjectKey: "k", State: StateFailed, Error: "x\x00y", At: at}}
	data, err := json.Marshal(full)
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string][]byte{
		"full":       data,
		"empty":      []byte(`{}`),
		"truncated":  data[:len(data)/2],
		"trailing":   append(append([]byte{}, data...), []byte(" x")...),
		"wrong type": []byte(`{"analysis":{"hits":{"a":1}}}`),
	} {
		var want StoreJob
		wantErr := json.Unmarshal(body, &want)
		got, err := DecodeStoreJob(body)
		if (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
			t.Errorf("store job %s: error %v, encoding/json says %v", name, err, wantErr)
			continue
		}
		if err == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("store job %s: decoded\n%+v\nencoding/json decodes\n%+v", name, got, want)
		}
	}

	// Analyze jobs: one with its metadata, and broken ones.
	aj, err := json.Marshal(AnalyzeJob{CallID: "c1", Audio: Object{Bucket: "calls", Key: "a/звонок.wav", ETag: "e"},
		Transcript: Object{Bucket: "transcripts", Key: "a/звонок.transcript.json"}, Meta: full.Analysis.Meta,
		Origin: "reprocess:r1", RequestedAt: at})
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string][]byte{
		"full":      aj,
		"truncated": aj[:len(aj)-3],
		"not json":  []byte("analyze me"),
		"null meta": []byte(`{"call_id":"x","meta":null,"requested_at":"2026-11-20T10:00:00Z"}`),
	} {
		var want AnalyzeJob
		wantErr := json.Unmarshal(body, &want)
		got, err := DecodeAnalyzeJob(body)
		if (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
			t.Errorf("analyze job %s: error %v, encoding/json says %v", name, err, wantErr)
			continue
		}
		if err == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("analyze job %s: decoded\n%+v\nencoding/json decodes\n%+v", name, got, want)
		}
	}
}

// complaintAnalysis is an analysis holding the segments of the shipped
// call 02_complaint (with made-up search terms): a store job of a real
// call's size, for the codec benchmarks.
func complaintAnalysis(b *testing.B) Analysis {
	data, err := os.ReadFile("../testdata/calls/02_complaint.transcript.json")
	if err != nil {
		b.Fatal(err)
	}
	tr, err := ParseTranscript(data)
	if err != nil {
		b.Fatal(err)
	}
	a := Analysis{CallID: "c", ObjectKey: "k", AnalyzedAt: time.Now()}
	for _, ch := range tr.Channels {
		for i, s := range ch.Segments {
			a.Segments = append(a.Segments, IndexedSegment{Channel: ch.Role, Index: i, Start: s.Start, End: s.End, Text: s.Text, Terms: []string{"добр", "ден", "хоч", "пожалова"}})
		}
	}
	return a
}

func BenchmarkDecodeStoreJob(b *testing.B) {
	a := complaintAnalysis(b)
	body, _ := json.Marshal(StoreJob{Analysis: &a})
	b.Run("encoding-json", func(b *testing.B) {
		for b.Loop() {
			var job StoreJob
			_ = json.Unmarshal(body, &job)
		}
	})
	b.Run("DecodeStoreJob", func(b *testing.B) {
		for b.Loop() {
			_, _ = DecodeStoreJob(body)
		}
	})
}

func BenchmarkDecodeAnalyzeJob(b *testing.B) {
	data, err := os.ReadFile("../testdata/calls/02_complaint.json")
	if err != nil {
		b.Fatal(err)
	}
	var meta Metadata
	if err := json.Unmarshal(data, &meta); err != nil {
		b.Fatal(err)
	}
	body, _ := json.Marshal(AnalyzeJob{CallID: meta.CallID, Audio: Object{Bucket: "calls", Key: "archive/0000001.wav", ETag: "e"},
		Transcript: Object{Bucket: "transcripts", Key: "archive/0000001.transcript.json"}, Meta: meta, Origin: "reprocess:r", RequestedAt: time.Now()})
	b.Run("encoding-json", func(b *testing.B) {
		for b.Loop() {
			var job AnalyzeJob
			_ = json.Unmarshal(body, &job)
		}
	})
	b.Run("DecodeAnalyzeJob", func(b *testing.B) {
		for b.Loop() {
			_, _ = DecodeAnalyzeJob(body)
		}
	})
}
