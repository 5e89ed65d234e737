package analyze

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/vad"
	"github.com/callscope/callscope/transcribe/wav"
)

// shippedCall reads a generated call of testdata/calls: its transcript and
// its sidecar.
func shippedCall(t testing.TB, name string) (schemas.Transcript, schemas.Metadata) {
	t.Helper()
	dir := filepath.Join("..", "testdata", "calls")
	var tr schemas.Transcript
	var meta schemas.Metadata
	for file, dst := range map[string]any{name + ".transcript.json": &tr, name + ".json": &meta} {
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, dst); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
	}
	return tr, meta
}

// tolerance is the accuracy the speech-timing parameters promise per event.
const tolerance = 0.3

type event struct {
	start, end float64
	by         string
}

func near(a, b float64) bool { return math.Abs(a-b) <= tolerance }

// checkTimingEvents compares a timing's overtalk events (who broke in) and
// its silences of SilenceMin or more with the expected ones, each bound
// within tolerance, and returns the events and silences it found.
func checkTimingEvents(t *testing.T, tm timing, overtalk, silences []event) ([]overtalkEvent, []iv) {
	t.Helper()
	ev := tm.overtalkEvents()
	if len(ev) != len(overtalk) {
		t.Fatalf("overtalk: %d events %+v, want %d %+v", len(ev), ev, len(overtalk), overtalk)
	}
	for i, e := range ev {
		if w := overtalk[i]; !near(e.start, w.start) || !near(e.end, w.end) || e.by != w.by {
			t.Errorf("overtalk %d: [%.3f, %.3f] by %q, want [%.3f, %.3f] by %q", i, e.start, e.end, e.by, w.start, w.end, w.by)
		}
	}
	var long []iv
	for _, s := range tm.silences() {
		if s.len() >= SilenceMin {
			long = append(long, s)
		}
	}
	if len(long) != len(silences) {
		t.Fatalf("silences: %d of %g s or more %+v, want %d %+v", len(long), SilenceMin, long, len(silences), silences)
	}
	for i, s := range long {
		if w := silences[i]; !near(s.start, w.start) || !near(s.end, w.end) {
			t.Errorf("silence %d: [%.3f, %.3f], want [%.3f, %.3f]", i, s.start, s.end, w.start, w.end)
		}
	}
	return ev, long
}

// TestTimingGroundTruth checks the speech-timing parameters against the
// turn timings the calls were generated with (testdata/README.md): every
// overtalk and silence event within 0.3 s, counts exact.
func TestTimingGroundTruth(t *testing.T) {
	tests := []struct {
		call     string
		overtalk []event // who broke in
		silences []event // pauses of SilenceMin or more
		params   map[string]float64
	}{
		{
			call:     "10_interrupt",
			overtalk: []event{{9.817, 11.417, "client"}, {19.005, 19.305, "operator"}},
			params: map[string]float64{"overtalk_count": 2, "overtalk_total": 1.9, "overtalk_longest": 1.6,
				"interruptions_client": 1, "interruptions_operator": 1, "silence_count": 0, "turns": 7},
		},
		{
			call:     "09_long_hold",
			silences: []event{{13.817, 25.817, ""}},
			params: map[string]float64{"silence_count": 1, "silence_longest": 12, "hold_count": 1, "hold_total": 12,
				"hold_longest": 12, "dead_air_longest": 0.5, "overtalk_count": 0, "interruptions_operator": 0,
				"interruptions_client": 0, "monologue_longest_operator": 3.891},
		},
		{
			call: "01_polite_model",
			params: map[string]float64{"duration": 23.053, "overtalk_count": 0, "silence_count": 0, "turns": 7,
				"first_response_time": 0.5, "talk_operator": 13.17, "talk_client": 5.583, "silence_longest": 0.7,
				"response_time_max": 0.7, "wait_time": 12, "csat_score": 5, "csat_scale": 5, "csat_positive": 1, "inbound": 1},
		},
		{
			call:   "05_third_time",
			params: map[string]float64{"transfers": 1, "csat_positive": 0, "overtalk_count": 0, "turns": 6},
		},
		{
			call:   "13_swapped_channels",
			params: map[string]float64{"first_response_time": 0.5, "talk_client": 5.546, "interruptions_client": 0, "turns": 5},
		},
		{
			call:   "11_sales_outbound",
			params: map[string]float64{"inbound": 0, "silence_count": 0, "overtalk_count": 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.call, func(t *testing.T) {
			tr, meta := shippedCall(t, tt.call)
			checkTimingEvents(t, timingOf(tr, tr.Duration), tt.overtalk, tt.silences)
			p := CallParameters(tr, meta, nil, nil)
			for name, want := range tt.params {
				got, ok := p[name]
				if !ok {
					t.Errorf("%s: absent, want %g", name, want)
					continue
				}
				exact := ParameterUnit(name) != "s"
				if exact && got != want || !exact && !near(got, want) {
					t.Errorf("%s = %g, want %g", name, got, want)
				}
			}
		})
	}
}

// TestTimingGroundTruthVAD measures the same events from the audio itself:
// Silero VAD's speech intervals replace the transcript's segment times, as
// they do in the pipeline. Skipped where the VAD cannot run (no model, no
// cgo).
func TestTimingGroundTruthVAD(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the VAD model")
	}
	d, err := vad.New(vad.Config{})
	if err != nil {
		t.Skipf("no VAD here: %v", err)
	}
	tests := []struct {
		call               string
		overtalk, silences []event
	}{
		{"10_interrupt", []event{{9.817, 11.417, "client"}, {19.005, 19.305, "operator"}}, nil},
		{"09_long_hold", nil, []event{{13.817, 25.817, ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.call, func(t *testing.T) {
			tr, _ := shippedCall(t, tt.call)
			f, err := os.Open(filepath.Join("..", "testdata", "calls", tt.call+".wav"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			audio, err := wav.Decode(f)
			if err != nil {
				t.Fatal(err)
			}
			for i := range tr.Channels { // stereo, left = operator as transcribed
				speech, err := d.Detect(t.Context(), audio.Channels[i], audio.SampleRate)
				if err != nil {
					t.Fatal(err)
				}
				tr.Channels[i].Speech = speech
			}
			ev, long := checkTimingEvents(t, timingOf(tr, tr.Duration), tt.overtalk, tt.silences)
			t.Logf("VAD: overtalk %+v, silences %+v", ev, long)
		})
	}
}

// TestMonoUnknown checks that a mono call has no per-side values: they are
// absent, not zero.
func TestMonoUnknown(t *testing.T) {
	tr, meta := shippedCall(t, "12_mono_mixed")
	p := CallParameters(tr, meta, nil, []string{"greeting", "filler_words"})
	for _, name := range []string{"talk_operator", "talk_client", "talk_share_operator", "talk_ratio",
		"overtalk_total", "overtalk_count", "interruptions_operator", "interruptions_client",
		"monologue_longest_operator", "turns", "first_response_time", "response_time_avg",
		"words_operator", "speech_rate_client", "hold_count", "transfers"} {
		if v, ok := p[name]; ok {
			t.Errorf("%s = %g on a mono call, want absent", name, v)
		}
	}
	for _, name := range []string{"duration", "talk_total", "silence_longest", "words_total", "speech_rate",
		"filler_rate", "hits_greeting", "channels", "wait_time", "inbound"} {
		if _, ok := p[name]; !ok {
			t.Errorf("%s absent on a mono call", name)
		}
	}
	if p["channels"] != 1 {
		t.Errorf("channels = %g", p["channels"])
	}
}

// TestParametersSynthetic covers the definitions on hand-made timings.
func TestParametersSynthetic(t *testing.T) {
	seg := func(s, e float64, text string) schemas.Segment { return schemas.Segment{Start: s, End: e, Text: text} }
	f := func(v float64) *float64 { return &v }
	n := func(v int) *int { return &v }
	tests := []struct {
		name string
		tr   schemas.Transcript
		meta schemas.Metadata
		hits []schemas.Hit
		cats []string
		want map[string]float64
		gone []string
	}{
		{
			name: "speech intervals preferred; back-channel under 0.2 s is no overtalk",
			tr: schemas.Transcript{Duration: 30, Channels: []schemas.TranscriptChannel{
				{Role: "operator", Segments: []schemas.Segment{seg(0, 10, "раз два три")},
					Speech: []schemas.Interval{{Start: 1, End: 4}, {Start: 5, End: 9}}},
				{Role: "client", Segments: []schemas.Segment{seg(8.9, 20, "кого-нибудь ещё")}},
			}},
			want: map[string]float64{"talk_operator": 7, "talk_client": 11.1, "overtalk_count": 0, "overtalk_total": 0,
				"interruptions_client": 0, "silence_total": 1, "first_response_time": 1, "words_operator": 3,
				"words_client": 2, "speech_rate_operator": 25.7, "monologue_longest_operator": 8, "turns": 2},
			// The operator never answers a client turn: no response time.
			gone: []string{"response_time_avg", "response_time_max", "hits_total", "time_to_greeting"},
		},
		{
			name: "interruption, simultaneous start, long monologue broken by a reply",
			tr: schemas.Transcript{Duration: 40, Channels: []schemas.TranscriptChannel{
				{Role: "operator", Segments: []schemas.Segment{seg(0, 5, ""), seg(6, 8, ""), seg(20, 25, ""), seg(30, 31, "")}},
				{Role: "client", Segments: []schemas.Segment{seg(4, 7, ""), seg(20, 21, ""), seg(27, 28, "")}},
			}},
			meta: schemas.Metadata{Holds: []schemas.Interval{{Start: 9, End: 18}}, Transfers: n(2), WaitSeconds: f(7.5),
				CSAT: &schemas.CSAT{Score: 3, Scale: 3}, Direction: "Outbound"},
			want: map[string]float64{"overtalk_count": 3, "overtalk_total": 3, "interruptions_client": 1,
				"interruptions_operator": 1, "silence_count": 1, "silence_longest": 12, "dead_air_longest": 2,
				"hold_count": 1, "hold_total": 9, "transfers": 2, "wait_time": 7.5, "csat_positive": 1, "inbound": 0,
				"monologue_longest_operator": 5, "response_time_max": 2, "response_time_avg": 1, "turns": 5},
		},
		{
			name: "hits per category: absent when the set lacks it, 0 when not found",
			tr: schemas.Transcript{Duration: 10, Channels: []schemas.TranscriptChannel{
				{Role: "operator", Segments: []schemas.Segment{seg(1, 5, "ну ну ну ну ну здравствуйте")}},
				{Role: "client"},
			}},
			hits: []schemas.Hit{{Category: "greeting", Channel: "operator", Start: 3.2}, {Category: "filler_words", Channel: "operator"},
				{Category: "filler_words", Channel: "operator"}, {Category: "filler_words", Channel: "operator"}},
			cats: []string{"complaint", "filler_words", "greeting"},
			want: map[string]float64{"hits_complaint": 0, "hits_greeting": 1, "hits_filler_words": 3, "hits_total": 4,
				"time_to_greeting": 3.2, "filler_rate": 50, "talk_client": 0},
			gone: []string{"hits_profanity", "talk_ratio", "speech_rate_client"},
		},
		{
			name: "empty transcript",
			tr:   schemas.Transcript{},
			want: map[string]float64{"duration": 0, "talk_total": 0, "words_total": 0},
			gone: []string{"channels", "silence_total", "first_response_time", "hits_total"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := CallParameters(tt.tr, tt.meta, tt.hits, tt.cats)
			for name, want := range tt.want {
				if got, ok := p[name]; !ok || math.Abs(got-want) > 1e-9 {
					t.Errorf("%s = %g (present %v), want %g", name, got, ok, want)
				}
			}
			for _, name := range tt.gone {
				if v, ok := p[name]; ok {
					t.Errorf("%s = %g, want absent", name, v)
				}
			}
			for name := range p {
				if !IsParameter(name) {
					t.Errorf("%s is computed but not in the registry", name)
				}
			}
		})
	}
}

// TestParametersDocumented checks docs/parameters.md against the registry:
// every parameter has a row, and every row is a parameter.
func TestParametersDocumented(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "docs", "parameters.md"))
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `([a-z_<>]+)` \\| ([^|]+) \\|")
	documented := map[string]string{}
	for _, m := range row.FindAllStringSubmatch(string(data), -1) {
		documented[m[1]] = strings.TrimSpace(m[2])
	}
	var names []string
	for _, p := range Parameters() {
		names = append(names, p.Name)
		unit, ok := documented[p.Name]
		switch {
		case !ok:
			t.Errorf("parameter %s is not documented in docs/parameters.md", p.Name)
		case unit != p.Unit:
			t.Errorf("parameter %s: docs say unit %q, code %q", p.Name, unit, p.Unit)
		}
	}
	for name := range documented {
		if !slices.Contains(names, name) {
			t.Errorf("docs/parameters.md documents %s, which the code does not compute", name)
		}
	}
	if len(names) < 31 {
		t.Errorf("%d parameters, the issue asks for at least 30", len(names))
	}
}

func TestIsParameter(t *testing.T) {
	for name, want := range map[string]bool{
		"duration": true, "hits_complaint": true, "hits_total": true, "hits_": false, "hits_Bad": false,
		"nonsense": false, "": false,
	} {
		if got := IsParameter(name); got != want {
			t.Errorf("IsParameter(%q) = %v", name, got)
		}
	}
}

func TestWordCount(t *testing.T) {
	for text, want := range map[string]int{
		"": 0, "Здравствуйте!": 1, "уточните у кого-нибудь ещё.": 4, "три, семь - пять 59": 4, "-- a-b-c --": 1,
	} {
		if got := wordCount(schemas.Segment{Text: text}); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", text, got, want)
		}
	}
	if got := wordCount(schemas.Segment{Text: "ignored", Words: make([]schemas.Word, 3)}); got != 3 {
		t.Errorf("with words: %d", got)
	}
}

// TestTimingOnly: a call without text (asr.adapter none: the VAD's speech,
// no segments) gets every speech-timing parameter, equal to what the same
// speech gives with the transcript, and no text parameter, category or
// hit: they are absent, not zero.
func TestTimingOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the VAD model")
	}
	d, err := vad.New(vad.Config{})
	if err != nil {
		t.Skipf("no VAD here: %v", err)
	}
	withText, meta := shippedCall(t, "10_interrupt")
	f, err := os.Open(filepath.Join("..", "testdata", "calls", "10_interrupt.wav"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	audio, err := wav.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	timingOnly := schemas.Transcript{Duration: audio.Duration(), ASR: schemas.ASRInfo{Adapter: schemas.ASRNone}}
	for i := range withText.Channels { // stereo, left = operator
		speech, err := d.Detect(t.Context(), audio.Channels[i], audio.SampleRate)
		if err != nil {
			t.Fatal(err)
		}
		withText.Channels[i].Speech = speech
		timingOnly.Channels = append(timingOnly.Channels, schemas.TranscriptChannel{Role: withText.Channels[i].Role, Speech: speech})
	}
	withText.Duration = audio.Duration()
	m, err := LoadMatcher("", true)
	if err != nil {
		t.Fatal(err)
	}
	a := New(Config{}, m)
	full, got := a.AnalyzeCall(withText, meta), a.AnalyzeCall(timingOnly, meta)
	for _, p := range Parameters() {
		v, ok := got.Parameters[p.Name]
		switch p.Source {
		case SourceTiming:
			if !ok {
				t.Errorf("%s absent", p.Name)
			} else if w := full.Parameters[p.Name]; v != w {
				t.Errorf("%s = %g, with the transcript %g", p.Name, v, w)
			}
		case SourceTranscript, SourceDictionaries:
			if ok {
				t.Errorf("%s = %g without text, want absent", p.Name, v)
			}
		case SourceMetadata:
			if w, wok := full.Parameters[p.Name]; ok != wok || v != w {
				t.Errorf("%s = %g (%v), with the transcript %g (%v)", p.Name, v, ok, w, wok)
			}
		}
	}
	for name := range got.Parameters {
		if strings.HasPrefix(name, HitsPrefix) {
			t.Errorf("%s present without text", name)
		}
	}
	if len(got.Hits) != 0 || got.Categories != nil {
		t.Errorf("hits %v, categories %v without text", got.Hits, got.Categories)
	}
	if got.Parameters["interruptions_client"] != 1 || got.Parameters["overtalk_count"] != 2 || got.Metrics.OperatorTalk == nil || *got.Metrics.OperatorTalk <= 0 {
		t.Errorf("timing: %v, metrics %+v", got.Parameters, got.Metrics)
	}
}
