package match

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/schemas"
)

// fiveMinuteCall builds a 5-minute two-channel transcript of about 700
// words from the segments of the shipped calls, so the text is what the
// dictionaries meet in practice: mostly ordinary words, some hits.
func fiveMinuteCall(tb testing.TB) schemas.Transcript {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "calls", "*.transcript.json"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no transcripts: %v", err)
	}
	var texts [2][]string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var tr schemas.Transcript
		if err := json.Unmarshal(data, &tr); err != nil {
			tb.Fatal(err)
		}
		for _, ch := range tr.Channels {
			side := 1
			if ch.Role == schemas.RoleOperator {
				side = 0
			}
			for _, s := range ch.Segments {
				texts[side] = append(texts[side], s.Text)
			}
		}
	}
	out := schemas.Transcript{Language: "ru", Duration: 300, Channels: []schemas.TranscriptChannel{
		{Role: schemas.RoleOperator}, {Role: schemas.RoleClient}}}
	words, t := 0, 0.0
	for i := 0; words < 700; i++ {
		side := i % 2
		s := texts[side][(i/2)%len(texts[side])]
		n := len(strings.Fields(s))
		d := 300.0 / 700 * float64(n)
		out.Channels[side].Segments = append(out.Channels[side].Segments, schemas.Segment{Start: t, End: t + d, Text: s})
		t += d
		words += n
	}
	return out
}

func countWords(tr schemas.Transcript) int {
	n := 0
	for _, ch := range tr.Channels {
		for _, s := range ch.Segments {
			n += len(strings.Fields(s.Text))
		}
	}
	return n
}

// BenchmarkMatchCall is the analysis of one 5-minute call against every
// built-in dictionary: tokenizing, matching, exclusions, windows, counts,
// hit times and quotes. calls/s is per core (the benchmark runs on one
// goroutine).
func BenchmarkMatchCall(b *testing.B) {
	m := builtinMatcher(b)
	tr := fiveMinuteCall(b)
	hits := len(m.MatchCall(tr, "ru", CallOptions{}))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := testenv.ProcessCPU()
	var buf []CallHit // reused, as the analyzer and the what-if do
	for b.Loop() {
		buf = m.AppendCall(buf[:0], tr, "ru", CallOptions{})
	}
	reportCPU(b, cpu)
	b.ReportMetric(float64(countWords(tr)), "words/call")
	b.ReportMetric(float64(hits), "hits/call")
}

// BenchmarkMatchCallModels is BenchmarkMatchCall on a five-minute call
// whose client says nothing the complaint and churn_threat phrases know:
// the client's text comes from the labelled calls without a complaint or
// a threat, so the complaint and churn_threat models score the channel,
// window by window, as the models do on most calls of a contact center.
func BenchmarkMatchCallModels(b *testing.B) {
	m := builtinMatcher(b)
	tr := fiveMinuteCall(b)
	var quiet []string
	for f, lt := range labelledTranscripts(b) {
		if lt.Language != "ru" || strings.Contains(f, "/en/") {
			continue
		}
		if !slices.ContainsFunc(m.MatchCall(lt, "ru", CallOptions{}), func(h CallHit) bool {
			return h.Category == "complaint" || h.Category == "churn_threat"
		}) {
			quiet = append(quiet, RoleUtterances(lt, schemas.RoleClient)...)
		}
	}
	slices.Sort(quiet) // map order aside: the same call every run
	client := &tr.Channels[1]
	for i := range client.Segments {
		client.Segments[i].Text = quiet[i*7%len(quiet)]
	}
	hits := m.MatchCall(tr, "ru", CallOptions{})
	var models int
	for _, h := range hits {
		if strings.HasPrefix(h.PhraseID, ModelPhrasePrefix) {
			models++
		}
		if h.Category == "complaint" || h.Category == "churn_threat" {
			if !strings.HasPrefix(h.PhraseID, ModelPhrasePrefix) {
				b.Fatalf("the client says a phrase: %+v", h)
			}
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu := testenv.ProcessCPU()
	var buf []CallHit
	for b.Loop() {
		buf = m.AppendCall(buf[:0], tr, "ru", CallOptions{})
	}
	reportCPU(b, cpu)
	b.ReportMetric(float64(countWords(tr)), "words/call")
	b.ReportMetric(float64(models), "model-hits/call")
}

// BenchmarkMatchCallParallel is the same on every core, as a worker runs
// it: the shared word cache must not serialize.
func BenchmarkMatchCallParallel(b *testing.B) {
	m := builtinMatcher(b)
	tr := fiveMinuteCall(b)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			m.MatchCall(tr, "ru", CallOptions{})
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "calls/s")
}

// bigSet is a generated set of n phrases over a vocabulary of common
// Russian words, in 50 categories, with variants, exclusions, NEAR and
// wildcards like a large real set.
func bigSet(n int) *Set {
	vocab := strings.Fields(`жалоба претензия оператор звонок договор тариф интернет роутер мастер заявка деньги счёт
		оплата номер абонент линия связь сигнал скорость подключение отключение перевод возврат компенсация
		скидка акция услуга пакет канал телевидение приставка пароль логин кабинет приложение сайт ошибка
		сбой авария ремонт замена проверка настройка адрес квартира дом подъезд улица город срок неделя
		день час минута вчера сегодня завтра опять снова уже ещё никогда всегда плохо хорошо ужасно медленно
		быстро дорого дёшево неправильно правильно непонятно понятно звонить писать ждать ответить решить
		исправить починить вернуть списать оплатить подключить отключить перезвонить приехать прийти`)
	r := rand.New(rand.NewPCG(1, 2))
	phrase := func() string {
		k := 1 + r.IntN(4)
		w := make([]string, k)
		for i := range w {
			w[i] = vocab[r.IntN(len(vocab))]
		}
		return strings.Join(w, " ")
	}
	set := &Set{}
	perCat := n / 50
	for c := 0; c < 50; c++ {
		d := Dictionary{Category: fmt.Sprintf("cat%02d", c), Language: "ru", Channel: ChannelAny,
			Exclude: []string{phrase() + " нет"}}
		seen := map[string]bool{}
		for p := 0; len(d.Phrases) < perCat; p++ {
			var text string
			switch p % 10 {
			case 7:
				text = phrase() + " NEAR:3 " + phrase()
			case 8:
				text = vocab[r.IntN(len(vocab))] + " * " + vocab[r.IntN(len(vocab))]
			default:
				text = phrase()
			}
			key := fmt.Sprint(text)
			if seen[key] {
				continue
			}
			seen[key] = true
			d.Phrases = append(d.Phrases, Phrase{ID: fmt.Sprintf("p%d", p), Text: text, Weight: 1})
		}
		set.Dictionaries = append(set.Dictionaries, d)
	}
	return set
}

// compileLenient compiles, dropping the phrases that collide after
// stemming (random phrases do).
func compileLenient(set *Set) (*Matcher, error) {
	m, err := Compile(set)
	if err == nil {
		return m, nil
	}
	// Keep the first of each colliding pair: remove reported lines.
	bad := map[string]bool{}
	for _, l := range ErrorLines(err) {
		if i := strings.Index(l, "phrase "); i >= 0 {
			id := strings.Fields(l[i+len("phrase "):])[0]
			bad[l[:strings.Index(l, ":")]+"/"+id] = true
		}
	}
	for i := range set.Dictionaries {
		d := &set.Dictionaries[i]
		var keep []Phrase
		for _, p := range d.Phrases {
			if !bad[d.File+"/"+p.ID] {
				keep = append(keep, p)
			}
		}
		d.Phrases = keep
	}
	return Compile(set)
}

// BenchmarkCompile10k is the compile time and the memory held by the
// matcher of a 10,000-phrase set.
func BenchmarkCompile10k(b *testing.B) {
	set := bigSet(10000)
	for i := range set.Dictionaries {
		set.Dictionaries[i].File = set.Dictionaries[i].Category
	}
	if _, err := compileLenient(set); err != nil {
		b.Fatal(err)
	}
	phrases := 0
	for _, d := range set.Dictionaries {
		phrases += len(d.Phrases)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	m, err := Compile(set)
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	held := float64(after.HeapAlloc) - float64(before.HeapAlloc)
	runtime.KeepAlive(m)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Compile(set); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(phrases), "phrases")
	b.ReportMetric(held/(1<<20), "MB-held")
	b.ReportMetric(float64(len(m.langs["ru"].states)-1), "states")
}

// BenchmarkMatchCall10k matches the 5-minute call against the 10,000
// phrase set.
func BenchmarkMatchCall10k(b *testing.B) {
	set := bigSet(10000)
	for i := range set.Dictionaries {
		set.Dictionaries[i].File = set.Dictionaries[i].Category
	}
	m, err := compileLenient(set)
	if err != nil {
		b.Fatal(err)
	}
	tr := fiveMinuteCall(b)
	hits := len(m.MatchCall(tr, "ru", CallOptions{}))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := testenv.ProcessCPU()
	var buf []CallHit // reused, as the analyzer and the what-if do
	for b.Loop() {
		buf = m.AppendCall(buf[:0], tr, "ru", CallOptions{})
	}
	reportCPU(b, cpu)
	b.ReportMetric(float64(hits), "hits/call")
}

// BenchmarkMatchCall10kAllocating is BenchmarkMatchCall10k through
// MatchCall, which allocates each call's result: what a caller that keeps
// the []CallHit pays on top (the result of 2,104 hits is 190 KB).
func BenchmarkMatchCall10kAllocating(b *testing.B) {
	set := bigSet(10000)
	for i := range set.Dictionaries {
		set.Dictionaries[i].File = set.Dictionaries[i].Category
	}
	m, err := compileLenient(set)
	if err != nil {
		b.Fatal(err)
	}
	tr := fiveMinuteCall(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := testenv.ProcessCPU()
	for b.Loop() {
		m.MatchCall(tr, "ru", CallOptions{})
	}
	reportCPU(b, cpu)
}

// reportCPU reports calls per second of wall time and per CPU-second.
func reportCPU(b *testing.B, since time.Duration) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "calls/s")
	if used := testenv.ProcessCPU() - since; used > 0 {
		b.ReportMetric(float64(b.N)/used.Seconds(), "calls/cpu-s")
	}
}

// vocabSet is the built-in set plus n phrases of 2 to 4 words drawn from
// the words of the labelled corpus (testdata/labelled): a large customer's
// set of realistic words, which, unlike bigSet's hundred common words,
// does not match nearly every word of a call.
func vocabSet(tb testing.TB, n int) *Set {
	tb.Helper()
	// The two parts of the first session only: a part added later must not
	// change this set (its hits are pinned in testdata/hits.golden).
	var files []string
	for _, part := range []string{"dev", "heldout"} {
		f, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "labelled", "ru", part, "*.transcript.json"))
		files = append(files, f...)
	}
	seen := map[string]bool{}
	var vocab []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var tr schemas.Transcript
		if err := json.Unmarshal(data, &tr); err != nil {
			tb.Fatal(err)
		}
		for _, ch := range tr.Channels {
			for _, s := range ch.Segments {
				for _, w := range strings.Fields(s.Text) {
					if len([]rune(w)) > 2 && !seen[w] {
						seen[w] = true
						vocab = append(vocab, w)
					}
				}
			}
		}
	}
	slices.Sort(vocab)
	set, err := Builtin()
	if err != nil {
		tb.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	perCat := n / 50
	for c := 0; c < 50; c++ {
		d := Dictionary{Category: fmt.Sprintf("custom%02d", c), Language: "ru", Channel: ChannelAny, File: fmt.Sprintf("custom%02d", c)}
		keys := map[string]bool{}
		for p := 0; len(d.Phrases) < perCat; p++ {
			w := make([]string, 2+r.IntN(3))
			for i := range w {
				w[i] = vocab[r.IntN(len(vocab))]
			}
			text := strings.Join(w, " ")
			if p%10 == 7 {
				text = w[0] + " NEAR:3 " + w[1]
			}
			if keys[text] {
				continue
			}
			keys[text] = true
			d.Phrases = append(d.Phrases, Phrase{ID: fmt.Sprintf("p%d", p), Text: text, Weight: 1})
		}
		set.Dictionaries = append(set.Dictionaries, d)
	}
	return set
}

// BenchmarkMatchCall10kVocab is the 5-minute call against the built-ins
// plus 10,000 phrases of realistic words: what a large set costs when it
// does not also multiply the hits. Compare with BenchmarkMatchCall.
func BenchmarkMatchCall10kVocab(b *testing.B) {
	m, err := compileLenient(vocabSet(b, 10000))
	if err != nil {
		b.Fatal(err)
	}
	tr := fiveMinuteCall(b)
	hits := len(m.MatchCall(tr, "ru", CallOptions{}))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := testenv.ProcessCPU()
	var buf []CallHit // reused, as the analyzer and the what-if do
	for b.Loop() {
		buf = m.AppendCall(buf[:0], tr, "ru", CallOptions{})
	}
	reportCPU(b, cpu)
	b.ReportMetric(float64(hits), "hits/call")
}
