package redact

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/callscope/callscope/internal/fixtures"
	"github.com/callscope/callscope/schemas"
)

// markAll is markSegments as it was before it skipped segments: every
// segment looked at, then the other side's segments before each marked
// one, channel by channel.
//
// The channels' first segments are unmarked when they are all it marks
// and greetOnly rules each out (greetsOut).
func markAll(chs []schemas.TranscriptChannel) [][]bool {
	wants := markAllSegments(chs)
	cs := getCallScratch(chs)
	defer cs.release()
	n := 0
	for ci, w := range wants {
		for k := range w {
			if !w[k] {
				continue
			}
			if k > 0 || !cs.greetOnly(chs, ci) {
				return wants
			}
			n++
		}
	}
	if n == 0 {
		return wants
	}
	return make([][]bool, len(chs))
}

// markAllSegments is markAll without the greetings' ruling.
func markAllSegments(chs []schemas.TranscriptChannel) [][]bool {
	wants := make([][]bool, len(chs))
	for ci, ch := range chs {
		for k := range ch.Segments {
			if segmentMay(&ch.Segments[k]) {
				if wants[ci] == nil {
					wants[ci] = make([]bool, len(ch.Segments))
				}
				wants[ci][k] = true
				if k > 0 {
					wants[ci][k-1] = true
				}
			}
		}
	}
	for ci, want := range wants {
		for k, w := range want {
			if !w {
				continue
			}
			at := chs[ci].Segments[k].Start
			for cj := range chs {
				if cj == ci {
					continue
				}
				for kj, seg := range chs[cj].Segments {
					if seg.End <= at+0.5 && at-seg.End <= 10 {
						if wants[cj] == nil {
							wants[cj] = make([]bool, len(chs[cj].Segments))
						}
						wants[cj][kj] = true
					}
				}
			}
		}
	}
	return wants
}

// TestMarkSegmentsSame: markSegments, which skips the segments the
// channels before have marked, marks what looking at every segment marks,
// on the demo calls (as recorded and lengthened) and on random calls of
// two and three channels, dense and sparse in segments that may hold
// personal data.
func TestMarkSegmentsSame(t *testing.T) {
	var calls [][]schemas.TranscriptChannel
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
			calls = append(calls, tr.Channels, fixtures.PadTo5Minutes(tr, uint64(i)).Channels)
		}
	}
	if len(calls) < 20 {
		t.Fatalf("%d demo calls", len(calls))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	texts := []string{"добрый день", "меня зовут игорь", "номер карты", "четыре два семь шесть", "спасибо", "да", "123 45", "хорошо понятно"}
	for n := 0; n < 500; n++ {
		chs := make([]schemas.TranscriptChannel, 2+rng.IntN(2))
		for ci := range chs {
			at := rng.Float64() * 5
			for range rng.IntN(12) {
				d := 0.5 + rng.Float64()*6
				chs[ci].Segments = append(chs[ci].Segments, schemas.Segment{Start: at, End: at + d, Text: texts[rng.IntN(len(texts))]})
				at += d + rng.Float64()*8
			}
		}
		calls = append(calls, chs)
	}
	marked, skipped := 0, 0
	for i, chs := range calls {
		want := markAll(chs)
		cs := getCallScratch(chs)
		cs.markSegments(chs)
		for ci := range chs {
			got := cs.wants[ci]
			if got == nil {
				got = make([]bool, len(chs[ci].Segments))
			}
			w := want[ci]
			if w == nil {
				w = make([]bool, len(chs[ci].Segments))
			}
			if !slices.Equal(got, w) {
				t.Fatalf("call %d channel %d: marked %v, want %v", i, ci, got, w)
			}
			for k := range w {
				if w[k] {
					marked++
				}
				if w[k] && (k == 0 || w[k-1]) {
					skipped++ // an upper bound: the channel's own marks count too
				}
			}
		}
		cs.release()
	}
	if marked == 0 || skipped == 0 {
		t.Fatalf("marked %d, skippable %d: the cases test nothing", marked, skipped)
	}
}

// TestPlainWordSame: for a word plainWord takes the fast path for,
// plainMay and triggerSet answer what isTrigger answers, for every
// lexicon word and variants of it (capitalized, with ё, Ukrainian and
// other Cyrillic letters, short, with ASCII), and plainWord takes it for
// the lower-case Russian words it is for.
func TestPlainWordSame(t *testing.T) {
	words := []string{"дом", "домик", "ёлка", "Ёлка", "Дом", "ДОМ", "їжак", "ѐѐѐ", "ђак", "ѓѓѓ", "рука", "яблоко", "пять", "Пять", "ПЯТЬ", "язык", "ѡѡѡ", "abcd", "ab", "аb", "дa", "дом1"}
	for _, lex := range lexicon {
		for w := range lex {
			words = append(words, w, "Д"+w, "ё"+w, "ї"+w, w+"ё", "р"+w)
		}
	}
	plain := 0
	for _, w := range words {
		if !plainWord(w) {
			continue
		}
		plain++
		if got, want := plainMay(w) && triggerSet.slot(w) != nil, isTrigger(w, 0, len(w)); got != want {
			t.Errorf("%q: plain path %v, isTrigger %v", w, got, want)
		}
	}
	if plain < 1000 {
		t.Errorf("%d plain words of %d", plain, len(words))
	}
	for w, want := range map[string]bool{"я": false, "да": true, "дом": true, "домик": true, "рука": true, "яблоко": true, "ёлка": false, "Дом": false, "Домик": false, "ДОМИК": false, "їжак": true, "ѐѐѐ": true, "abcd": false, "домa": false} {
		if plainWord(w) != want {
			t.Errorf("plainWord(%q) = %v", w, !want)
		}
	}
}

// TestCyrillicMaySame: wordMay's quick answers are wordMaySlow's, and
// capitalKey is the key of the folded word, for every lexicon word and
// variants of it: capitalized, in capitals, with ё, with a punctuation
// mark, a digit, an apostrophe or an @ after it or inside.
//
// It holds textWordMay, segmentMay's answer for a text's word, to
// wordMaySlow too.
func TestCyrillicMaySame(t *testing.T) {
	words := []string{"Компания", "Ромашка,", "здравствуйте.", "Здравствуйте!", "Игорь,", "Иван", "Ёлка", "Да", "Да,", "Я", "я,", "Ольга.", "ПЯТЬ", "Пять", "пять,", "пять1", "пя1ть,", "пять'", "пять@", "Пя,", "Ж", "Жё", "Жёлтый", "ЖЕЛТЫЙ", "«пять»", "(пять)"}
	for _, lex := range lexicon {
		for w := range lex {
			r := []rune(w)
			capital := strings.ToUpper(string(r[0])) + string(r[1:])
			words = append(words, w, capital, strings.ToUpper(w), w+",", capital+".", capital+"?", w+"1", capital+"'", w+"@", "ё"+w, capital+"ё", w+"—", "ж"+w+"!")
		}
	}
	quick := 0
	for _, w := range words {
		if w == "" {
			continue
		}
		if got, want := wordMay(w), wordMaySlow(w); got != want {
			t.Errorf("wordMay(%q) = %v, wordMaySlow %v", w, got, want)
		}
		if got, want := textWordMay(w), wordMaySlow(w); got != want {
			t.Errorf("textWordMay(%q) = %v, wordMaySlow %v", w, got, want)
		}
		if w[0] >= 0x80 {
			if _, ok := cyrillicMay(w); ok {
				quick++
			}
		}
		if key, ok := capitalKey(w); ok {
			if f := appendFolded(nil, w); key != wordKey(string(f)) {
				t.Errorf("capitalKey(%q) is not the key of %q", w, f)
			}
		}
	}
	if quick < 2000 {
		t.Errorf("%d quick answers of %d words", quick, len(words))
	}
}

// TestIntroMay: a self-introduction with no trigger word loads its
// segment, as text and as a recognizer's words alike; the same openings
// with no name, and words of a patronymic's ending that are none, do not.
func TestIntroMay(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"это кузнецов по заявке", true},
		{"алло это белоусов посылка не пришла", true},
		{"Здравствуйте, это Крылова, мне перезвонить просили", true},
		{"добрый день это никитина", true},
		{"я ибрагимова залина мурадовна", true},
		{"да я мамедова айгюль кызы по кредиту", true},
		{"это я звонила утром", false},
		{"это по поводу кредита", false},
		{"это курьер опоздал", false},
		{"я недовольна обслуживанием", false},
		{"сумма условна это просто пример", false},
		{"кузнецов по заявке", false}, // no «это»: not a self-introduction this test reads
		{"это", false},
		{"", false},
	}
	for _, c := range cases {
		checkTextAndWords(t, "introMay", introMay, c.text, c.want)
	}
}

// TestSegmentMayIntroduction: «беспокоит» is a trigger word, so «петрова
// беспокоит» loads its segment; «это кузнецов» does through introMay.
func TestSegmentMayIntroduction(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"петрова беспокоит по поводу кредита", true},
		{"это кузнецов по заявке", true},
		{"это по поводу кредита", false},
	} {
		if got := segmentMay(&schemas.Segment{Text: c.text}); got != c.want {
			t.Errorf("segmentMay(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestSegmentMayLine: a form of «линия» loads its segment only with a
// plot's word among the four words after it (a house's word or a number
// loads it anyway), in a recognizer's words and in text, capitalized or
// with a mark after it.
func TestSegmentMayLine(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"оставайтесь на линии", false},
		{"Соединяю вас со старшим смены, оставайтесь на линии.", false},
		{"Понимаю. Тогда проверю линию. Готово", false},
		{"Линия занята", false},
		{"проверю линия абонент услуга", false},
		{"снт рассвет кадетская линия участок", true},
		{"кадетская Линия, Участок", true},
		{"кадетская линия это наш участок", true},
		{"кадетская линия это наш старый садовый участок", false},
		{"участок кадетская линия", false},
		{"пятая линия дом тридцать восемь", true},
		{"горячая линия 8 800", true},
		{"на линии меня зовут анна", true},
		{"линии-8", true}, // not a form alone: read as any word with a digit
	} {
		checkTextAndWords(t, "segmentMay", segmentMay, c.text, c.want)
	}
}

// TestLineForm: lineForm takes every form of «линия» as lineWord does,
// capitalized or with marks after it, and nothing else.
func TestLineForm(t *testing.T) {
	for _, w := range []string{"линия", "линии", "линию"} {
		capital := "Л" + w[len("л"):]
		for _, v := range []string{w, w + ".", w + ",", w + "?!", capital, capital + "."} {
			if !lineForm(v) {
				t.Errorf("lineForm(%q) = false", v)
			}
		}
	}
	for _, v := range []string{"линией", "линиях", "лини", "линия-2", "улица", "", ".", "линии/дом", "Лини"} {
		if lineForm(v) {
			t.Errorf("lineForm(%q) = true", v)
		}
	}
}

// TestHasUch: «уч» found in any case and anywhere, and nothing else.
func TestHasUch(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"участок", true}, {"Участок", true}, {"УЧАСТОК", true}, {"уЧ", true}, {"линия уч 5", true},
		{"на линии учёт", true}, {"лучше", true},
		{"", false}, {"у", false}, {"ч", false}, {"у ч", false}, {"что очень", false}, {"участ"[2:], false}, {"Ї уЇ", false},
	} {
		if got := hasUch(c.s); got != c.want {
			t.Errorf("hasUch(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// TestFillerLoadsNothing: the talk the cost benchmarks lengthen calls with
// (fixtures.PadTo5Minutes; analyze's five-minute call has the same words)
// has no trigger word, so the prefilter loads none of it, as it loads
// none of the talk of a call that says no personal data. A word of it
// given a start role (a street's, a name's...) makes every segment with
// it tokenized with its context: «линия» as a street's word (81a838f)
// made the five-minute call cost 12 times as much (docs/privacy.md,
// "Cost").
func TestFillerLoadsNothing(t *testing.T) {
	tr := fixtures.PadTo5Minutes(schemas.Transcript{Language: "ru", Channels: []schemas.TranscriptChannel{{Role: "operator"}, {Role: "client"}}}, 1)
	n := 0
	for _, ch := range tr.Channels {
		for k := range ch.Segments {
			n++
			seg := &ch.Segments[k]
			if segmentMay(seg) {
				t.Errorf("segmentMay(%q) = true", seg.Text)
			}
			if text := (schemas.Segment{Text: seg.Text}); segmentMay(&text) {
				t.Errorf("segmentMay(text %q) = true", seg.Text)
			}
		}
	}
	if n < 30 {
		t.Fatalf("%d segments of filler", n)
	}
}

// TestPrepIndex: prepIndex finds every word of prepWords at its index, and
// no other word of the lexicon nor their neighbours in form.
func TestPrepIndex(t *testing.T) {
	for k, w := range prepWords {
		if got := prepIndex(w); got != k {
			t.Errorf("prepIndex(%q) = %d, want %d", w, got, k)
		}
	}
	others := []string{"", "н", "на,", "Насчёт", "вас", "за ", "какой", "то", "некто", "передай", "пере"}
	for _, lex := range lexicon {
		for w := range lex {
			others = append(others, w)
		}
	}
	for _, w := range others {
		if got := prepIndex(w); got >= 0 && !slices.Contains(prepWords, w) {
			t.Errorf("prepIndex(%q) = %d, want -1", w, got)
		}
	}
}

// TestSegmentMayPatronymicCase: a patronymic in an oblique case loads its
// segment by its ending alone, in a recognizer's words and in text (a full
// name after «с», «по поручению клиента», a verb, causes block RT); an
// adjective of the same ending («основной», «личной»), «деревне», «уровне»
// and a patronymic in the nominative do not.
func TestSegmentMayPatronymicCase(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"договор подписан с назаровой верой ильиничной", true},
		{"звоню по поручению клиента гарипова рустама ильдаровича", true},
		{"перевод отправила мухину роману валентиновичу", true},
		{"договор заключили с мухаметшиным айратом равилевичем", true},
		{"пособие назначили садыковой эльвире ринатовне", true},
		{"отдайте шевчук любови григорьевну", true},
		{"займ оформлен со слов лукиной веры степановны", true},
		{"передайте никитичной", true},
		{"с основной карты спишется платёж", false},
		{"по личной карте отличной связи", false},
		{"в деревне плохая связь", false},
		{"сахар на высоком уровне", false},
		{"клиент ильдарович", false},
	} {
		checkTextAndWords(t, "segmentMay", segmentMay, c.text, c.want)
	}
}

// TestPatronymicEnds: every ending patronymicCaseSlow reads has its bits
// in patronymicEnds and patronymicTails, and plainSkip stops at a word
// whose last two letters' bit is set.
func TestPatronymicEnds(t *testing.T) {
	for _, e := range patronymicCaseEnds {
		w := "абвг" + e
		if k := patronymicEndKey(w[len(w)-4:]); patronymicEnds[k>>6]>>(k&63)&1 == 0 {
			t.Errorf("patronymicEnds lacks %q", e)
		}
		if !patronymicTailMay(w) {
			t.Errorf("patronymicTailMay(%q) = false", w)
		}
	}
	for _, w := range []string{"ильдаровича", "маратовне", "основной", "хорошо", "программа", "обязательно", "ильдарович"} {
		if stops, want := plainSkip([]schemas.Word{{W: w}}, 0) == 0, plainMay(w) || patronymicEnd(w); stops != want {
			t.Errorf("plainSkip stops at %q: %v, want %v", w, stops, want)
		}
	}
}

// checkTextAndWords asks may of text twice, as a written segment's text and
// as a recognizer's words (the prefilter's two paths), and wants want from
// both.
func checkTextAndWords(t *testing.T, name string, may func(*schemas.Segment) bool, text string, want bool) {
	t.Helper()
	if got := may(&schemas.Segment{Text: text}); got != want {
		t.Errorf("%s(text %q) = %v, want %v", name, text, got, want)
	}
	var words schemas.Segment
	for _, w := range strings.Fields(text) {
		words.Words = append(words.Words, schemas.Word{W: w})
	}
	if got := may(&words); got != want {
		t.Errorf("%s(words %q) = %v, want %v", name, text, got, want)
	}
}
