package analyze

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/analyze/score"
	"github.com/callscope/callscope/internal/golden"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/redact"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

func builtin(t testing.TB) *match.Matcher {
	t.Helper()
	m, err := LoadMatcher("", true)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func builtinProfiles(t testing.TB) *score.Set {
	t.Helper()
	p, err := LoadProfiles("")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

type callFile struct {
	Meta       schemas.Metadata   `json:"meta"`
	Transcript schemas.Transcript `json:"transcript"`
}

func readCall(t testing.TB, name string) callFile {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var c callFile
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return c
}

// TestAnalyzeGolden analyses testdata/call.json with the built-in
// dictionaries and compares with testdata/call.golden.json (go test
// -update rewrites it; review the diff before committing).
func TestAnalyzeGolden(t *testing.T) {
	c := readCall(t, "call.json")
	m := builtin(t)
	a := NewWith(Config{}, func() *match.Matcher { return m }, builtinProfiles(t))
	got := a.AnalyzeCall(c.Transcript, c.Meta)
	n := 0
	for _, ch := range c.Transcript.Channels {
		n += len(ch.Segments)
	}
	if len(got.Segments) != n || n == 0 {
		t.Errorf("%d indexed segments, the transcript has %d", len(got.Segments), n)
	}
	got.DictionaryVersion = "" // changes with every dictionary edit; tested in match
	out, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, '\n')
	golden.Check(t, filepath.Join("testdata", "call.golden.json"), out, *update, "go test ./analyze -update")
}

func TestAnalyzeCall(t *testing.T) {
	m := builtin(t)
	a := New(Config{}, m)
	c := readCall(t, "call.json")
	got := a.AnalyzeCall(c.Transcript, c.Meta)
	if got.DictionaryVersion != m.Version() || !strings.HasPrefix(got.DictionaryVersion, "sha256:") {
		t.Errorf("dictionary version %q, matcher %q", got.DictionaryVersion, m.Version())
	}
	if again := a.AnalyzeCall(c.Transcript, c.Meta); !equalJSON(t, got, again) {
		t.Error("two analyses of one call differ")
	}

	// The same call in English: no English phrase is in it.
	c.Meta.Language = "en"
	if en := a.AnalyzeCall(c.Transcript, c.Meta); len(en.Hits) != 0 {
		t.Errorf("en: %d hits in a Russian transcript", len(en.Hits))
	}
	// No language anywhere: the default, ru.
	c.Meta.Language, c.Transcript.Language = "", ""
	if len(a.AnalyzeCall(c.Transcript, c.Meta).Hits) == 0 {
		t.Error("default language found nothing")
	}
	// A language without dictionaries gives metrics and no hits.
	c.Meta.Language = "lt"
	if lt := a.AnalyzeCall(c.Transcript, c.Meta); len(lt.Hits) != 0 || lt.Metrics.Duration == 0 {
		t.Errorf("lt: hits %d, duration %v", len(lt.Hits), lt.Metrics.Duration)
	}
}

func TestMixedChannel(t *testing.T) {
	tr := schemas.Transcript{Language: "ru", Duration: 10, Channels: []schemas.TranscriptChannel{{
		Role: schemas.RoleMixed,
		Segments: []schemas.Segment{
			{Start: 0, End: 4, Text: "я не знаю"},
			{Start: 5, End: 9, Text: "это жалоба"},
		},
	}}}
	for _, tt := range []struct {
		strict bool
		want   string
	}{
		{false, "incompetence/ne_znayu@mixed[1.333:4] complaint/zhaloba@mixed[7:9]"},
		{true, ""},
	} {
		got := New(Config{StrictMixed: tt.strict}, builtin(t)).AnalyzeCall(tr, schemas.Metadata{})
		var parts []string
		for _, h := range got.Hits {
			parts = append(parts, fmt.Sprintf("%s/%s@%s[%g:%g]", h.Category, h.PhraseID, h.Channel, h.Start, h.End))
		}
		if g := strings.Join(parts, " "); g != tt.want {
			t.Errorf("strict=%v: %s, want %s", tt.strict, g, tt.want)
		}
	}
}

func TestCallMetrics(t *testing.T) {
	seg := func(s, e float64) schemas.Segment { return schemas.Segment{Start: s, End: e} }
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		name string
		tr   schemas.Transcript
		want schemas.Metrics
	}{
		{"stereo segments with overlap and crosstalk", schemas.Transcript{Duration: 30, Channels: []schemas.TranscriptChannel{
			{Role: "operator", Segments: []schemas.Segment{seg(0, 5), seg(4, 8), seg(20, 25)}},
			{Role: "client", Segments: []schemas.Segment{seg(7, 12)}},
		}}, schemas.Metrics{Duration: 30, Channels: 2, OperatorTalk: f(13), ClientTalk: f(5), TotalTalk: 17}},
		{"speech preferred to segments", schemas.Transcript{Duration: 30, Channels: []schemas.TranscriptChannel{
			{Role: "operator", Segments: []schemas.Segment{seg(0, 10)}, Speech: []schemas.Interval{{Start: 1, End: 3}, {Start: 5, End: 6.5}}},
			{Role: "client", Segments: nil},
		}}, schemas.Metrics{Duration: 30, Channels: 2, OperatorTalk: f(3.5), ClientTalk: f(0), TotalTalk: 3.5}},
		{"mono: sides unknown", schemas.Transcript{Duration: 10, Channels: []schemas.TranscriptChannel{
			{Role: "mixed", Segments: []schemas.Segment{seg(1, 4), seg(3, 6)}},
		}}, schemas.Metrics{Duration: 10, Channels: 1, TotalTalk: 5}},
		{"no duration: last end; spans clipped", schemas.Transcript{Channels: []schemas.TranscriptChannel{
			{Role: "client", Segments: []schemas.Segment{seg(2, 9.25), seg(5, 5)}},
		}}, schemas.Metrics{Duration: 9.25, Channels: 1, ClientTalk: f(7.25), TotalTalk: 7.25}},
		{"span beyond duration", schemas.Transcript{Duration: 5, Channels: []schemas.TranscriptChannel{
			{Role: "operator", Segments: []schemas.Segment{seg(3, 8)}},
			{Role: "client"},
		}}, schemas.Metrics{Duration: 5, Channels: 2, OperatorTalk: f(2), ClientTalk: f(0), TotalTalk: 2}},
		{"empty", schemas.Transcript{}, schemas.Metrics{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CallMetrics(tt.tr); !equalJSON(t, got, tt.want) {
				g, _ := json.Marshal(got)
				w, _ := json.Marshal(tt.want)
				t.Errorf("got  %s\nwant %s", g, w)
			}
		})
	}
}

func equalJSON(t *testing.T, a, b any) bool {
	t.Helper()
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	return bytes.Equal(x, y)
}

// fiveMinuteCall builds a two-channel call of about 750 words over 300 s:
// turns of ordinary speech with a few dictionary phrases, segments with
// word times on the operator side and text only on the client side.
func fiveMinuteCall() schemas.Transcript {
	r := rand.New(rand.NewPCG(1, 2))
	filler := strings.Fields("да хорошо сейчас посмотрю ваш договор номер адрес интернет тариф " +
		"подключение скорость роутер оплата счет мастер заявка понимаю спасибо минуту пожалуйста " +
		"проверю линия абонент услуга сегодня завтра вечером утром работает сигнал кабель")
	phrases := []string{"я не знаю", "уточните у кого-нибудь ещё", "хочу оставить жалобу", "звоню уже третий раз", "опять не работает"}
	tr := schemas.Transcript{Language: "ru", Duration: 300, Channels: []schemas.TranscriptChannel{{Role: "operator"}, {Role: "client"}}}
	t := 0.0
	words := 0
	for turn := 0; words < 750; turn++ {
		side := turn % 2
		n := 8 + r.IntN(10)
		var ws []string
		for range n {
			ws = append(ws, filler[r.IntN(len(filler))])
		}
		if turn%7 == 3 {
			ws = append(ws, strings.Fields(phrases[r.IntN(len(phrases))])...)
		}
		words += len(ws)
		seg := schemas.Segment{Start: t, End: t + 0.4*float64(len(ws)), Text: strings.Join(ws, " ")}
		if side == 0 {
			for i, w := range ws {
				seg.Words = append(seg.Words, schemas.Word{W: w, Start: t + 0.4*float64(i), End: t + 0.4*float64(i+1)})
			}
		}
		tr.Channels[side].Segments = append(tr.Channels[side].Segments, seg)
		t = seg.End + 0.5
	}
	return tr
}

// BenchmarkAnalyzeCall analyses a transcribed 5-minute call (about 750
// words over both channels) with every built-in dictionary.
func BenchmarkAnalyzeCall(b *testing.B) {
	a := New(Config{}, builtin(b))
	tr := fiveMinuteCall()
	b.ReportAllocs()
	var hits int
	for b.Loop() {
		hits = len(a.AnalyzeCall(tr, schemas.Metadata{}).Hits)
	}
	b.ReportMetric(float64(hits), "hits")
}

// BenchmarkRedactCall is the PII redaction of the same call, which the
// transcribe stage runs before the transcript is stored: it must cost under
// 2% of BenchmarkAnalyzeCall.
func BenchmarkRedactCall(b *testing.B) {
	r, err := redact.New(redact.Config{})
	if err != nil {
		b.Fatal(err)
	}
	tr := fiveMinuteCall()
	b.ReportAllocs()
	var spans int
	for b.Loop() {
		_, s, _ := r.Transcript(tr)
		spans = len(s)
	}
	b.ReportMetric(float64(spans), "spans")
}

// BenchmarkAnalyzeCallScored is the whole analysis of a transcribed
// 5-minute call, everything but ASR: dictionaries, the parameters and the
// score by the built-in default profile.
func BenchmarkAnalyzeCallScored(b *testing.B) {
	m := builtin(b)
	a := NewWith(Config{}, func() *match.Matcher { return m }, builtinProfiles(b))
	tr := fiveMinuteCall()
	meta := schemas.Metadata{Operator: schemas.Operator{Department: "Поддержка"}}
	b.ReportAllocs()
	var params int
	for b.Loop() {
		params = len(a.AnalyzeCall(tr, meta).Parameters)
	}
	b.ReportMetric(float64(params), "params")
}

// BenchmarkCallParameters is the parameters alone for the same call.
func BenchmarkCallParameters(b *testing.B) {
	tr := fiveMinuteCall()
	a := New(Config{}, builtin(b))
	res := a.AnalyzeCall(tr, schemas.Metadata{})
	cats := Categories(builtin(b), "ru")
	b.ReportAllocs()
	for b.Loop() {
		CallParameters(tr, schemas.Metadata{}, res.Hits, cats)
	}
}

// TestConcurrent runs one Analyzer from several goroutines, as the stage's
// workers do; run with -race.
func TestConcurrent(t *testing.T) {
	a := New(Config{}, builtin(t))
	tr := fiveMinuteCall()
	want := a.AnalyzeCall(tr, schemas.Metadata{})
	errs := make(chan string, 8)
	for range 8 {
		go func() {
			got := a.AnalyzeCall(tr, schemas.Metadata{})
			x, _ := json.Marshal(got)
			y, _ := json.Marshal(want)
			if !bytes.Equal(x, y) {
				errs <- string(x)
				return
			}
			errs <- ""
		}()
	}
	for range 8 {
		if e := <-errs; e != "" {
			t.Errorf("concurrent analysis differs: %s", e)
		}
	}
}

// TestAnalyzedAtIsTheRequestTime: a job delivered twice is stored under
// one version; a job from before RequestedAt existed gets the time now.
func TestAnalyzedAtIsTheRequestTime(t *testing.T) {
	requested := time.Date(2026, 11, 20, 10, 0, 0, 0, time.FixedZone("MSK", 3*3600))
	job := schemas.AnalyzeJob{CallID: "c-1", RequestedAt: requested}
	first := AnalyzedAt(job, time.Date(2026, 11, 20, 7, 0, 1, 0, time.UTC))
	again := AnalyzedAt(job, time.Date(2026, 11, 20, 7, 5, 0, 0, time.UTC))
	if !first.Equal(requested) || !again.Equal(first) || first.Location() != time.UTC {
		t.Errorf("redelivered job analysed at %v then %v, want %v (UTC) both times", first, again, requested)
	}
	now := time.Date(2026, 11, 20, 7, 0, 0, 0, time.UTC)
	if got := AnalyzedAt(schemas.AnalyzeJob{CallID: "c-1"}, now); !got.Equal(now) {
		t.Errorf("job without a request time: %v, want %v", got, now)
	}
}

// TestPIIParameters: pii_count and pii_types from the transcript's
// redaction record, and a card number said by the operator is a hit of
// its own category.
func TestPIIParameters(t *testing.T) {
	a := New(Config{}, builtin(t))
	tr := schemas.Transcript{Language: "ru", Duration: 20, Channels: []schemas.TranscriptChannel{
		{Role: "operator", Segments: []schemas.Segment{{Start: 1, End: 4, Text: "ваша карта [card] верно"}}},
		{Role: "client", Segments: []schemas.Segment{{Start: 5, End: 8, Text: "да и телефон [phone]"}}},
	}}
	res := a.AnalyzeCall(tr, schemas.Metadata{})
	if _, ok := res.Parameters["pii_count"]; ok {
		t.Error("pii_count without a redaction record")
	}
	tr.PII = &schemas.PIIRedaction{Types: []string{"card", "phone"}, Spans: []schemas.PIISpan{
		{Type: "card", Channel: 0, Role: "operator", Start: 2, End: 3.5, Rule: "card/format"},
		{Type: "phone", Channel: 1, Role: "client", Start: 6.5, End: 8, Rule: "phone/format"},
		{Type: "phone", Channel: 1, Role: "client", Start: 9, End: 10, Rule: "phone/format"},
	}}
	res = a.AnalyzeCall(tr, schemas.Metadata{})
	if res.Parameters["pii_count"] != 3 || res.Parameters["pii_types"] != 2 || res.Parameters["hits_"+CategoryOperatorCardData] != 1 {
		t.Errorf("parameters %v", res.Parameters)
	}
	if res.Categories[CategoryOperatorCardData] != 1 {
		t.Errorf("categories %v", res.Categories)
	}
}

// TestOperatorCardDataScored: a profile can forbid the operator reading
// card data aloud; without a redaction record the criterion is n/a.
func TestOperatorCardDataScored(t *testing.T) {
	p, err := score.Parse("pci.yaml", []byte(`
profile: pci
criteria:
  - id: no_card_data
    text: the operator does not read card data aloud
    weight: 10
    forbid: {category: operator_card_data, channel: operator}
`))
	if err != nil {
		t.Fatal(err)
	}
	tr := schemas.Transcript{Language: "ru", Duration: 20, Channels: []schemas.TranscriptChannel{
		{Role: "operator", Segments: []schemas.Segment{{Start: 1, End: 4, Text: "ваша карта [card] верно"}}}}}
	outcome := func(tr schemas.Transcript) string {
		a := New(Config{}, builtin(t))
		res := a.AnalyzeCall(tr, schemas.Metadata{})
		s := p.Score(score.Call{Parameters: res.Parameters, Hits: res.Hits, Categories: append(Categories(builtin(t), "ru"), piiCategories(tr)...), Duration: 20})
		return s.Criteria[0].Outcome
	}
	if got := outcome(tr); got != "n/a" {
		t.Errorf("no redaction record: %s", got)
	}
	tr.PII = &schemas.PIIRedaction{Spans: []schemas.PIISpan{{Type: "card", Channel: 0, Role: "operator", Start: 2, End: 3}}}
	if got := outcome(tr); got != "failed" {
		t.Errorf("operator read a card: %s", got)
	}
	tr.PII.Spans[0].Role = "client"
	if got := outcome(tr); got != "passed" {
		t.Errorf("client said the card: %s", got)
	}
}

func piiCategories(tr schemas.Transcript) []string {
	if tr.PII == nil {
		return nil
	}
	return []string{CategoryOperatorCardData}
}

// TestLoadMatcherWithoutModels: dictionaries.models: false leaves the
// trained models out (no model: hit, another version), the phrases alone.
func TestLoadMatcherWithoutModels(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "calls", "04_repeat_second.transcript.json"))
	if err != nil {
		t.Fatal(err)
	}
	tr, err := schemas.ParseTranscript(data)
	if err != nil {
		t.Fatal(err)
	}
	// A complaint no phrase catches, so that only the model can flag it (the
	// call's own «и мне никто не перезвонил» is a phrase since session 20).
	for i := range tr.Channels {
		if tr.Channels[i].Role == schemas.RoleClient {
			tr.Channels[i].Segments[0].Text = "Здравствуйте. Я уже звонил вчера, интернет опять не работает, прошло два дня, никто не звонит."
		}
	}
	modelHits := func(m *match.Matcher) (n, phrases int) {
		for _, h := range m.MatchCall(tr, "ru", match.CallOptions{}) {
			if strings.HasPrefix(h.PhraseID, "model:") {
				n++
			} else {
				phrases++
			}
		}
		return n, phrases
	}
	with := builtin(t)
	without, err := LoadMatcher("", false)
	if err != nil {
		t.Fatal(err)
	}
	nWith, pWith := modelHits(with)
	nWithout, pWithout := modelHits(without)
	if nWith == 0 || nWithout != 0 || pWith != pWithout {
		t.Errorf("model hits with models %d, without %d (want >0 and 0); phrase hits %d and %d (want equal)", nWith, nWithout, pWith, pWithout)
	}
	if with.Version() == without.Version() {
		t.Errorf("the set without models has the same version %s", with.Version())
	}
}

// The language a call or a request names, as dictionaries are kept.
func ExampleBaseLanguage() {
	fmt.Printf("%q %q %q\n", BaseLanguage("ru-RU"), BaseLanguage(" EN_us "), BaseLanguage(""))
	// Output: "ru" "en" ""
}
