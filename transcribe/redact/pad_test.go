package redact_test

import (
	"math/rand/v2"
	"strings"

	"github.com/callscope/callscope/schemas"
)

// padTo5Minutes is tr lengthened to a 5-minute call as contact centres
// have them: its own turns (the greeting with the operator's name, the
// personal data it dictates), then the two sides' talk about a fault
// without any personal data, alternating until 300 s, each word with its
// times as a recognizer writes them, as
// BenchmarkRedactShare in analyze pads it.
func padTo5Minutes(tr schemas.Transcript, seed uint64) schemas.Transcript {
	r := rand.New(rand.NewPCG(seed, 2))
	filler := strings.Fields("да хорошо сейчас посмотрю ваш договор номер адрес интернет тариф " +
		"подключение скорость роутер оплата счет мастер заявка понимаю спасибо минуту пожалуйста " +
		"проверю линия абонент услуга сегодня завтра вечером утром работает сигнал кабель")
	out := tr
	out.Channels = make([]schemas.TranscriptChannel, len(tr.Channels))
	end := 0.0
	for ci, ch := range tr.Channels {
		out.Channels[ci] = ch
		out.Channels[ci].Segments = append([]schemas.Segment(nil), ch.Segments...)
		for _, s := range ch.Segments {
			end = max(end, s.End)
		}
	}
	t := end + 1
	for turn := 0; t < 295; turn++ {
		n := 8 + r.IntN(10)
		ws := make([]string, n)
		for i := range ws {
			ws[i] = filler[r.IntN(len(filler))]
		}
		seg := schemas.Segment{Start: t, End: t + 0.4*float64(n), Text: strings.Join(ws, " ")}
		for i, w := range ws {
			seg.Words = append(seg.Words, schemas.Word{W: w, Start: t + 0.4*float64(i), End: t + 0.4*float64(i+1), Conf: 0.9})
		}
		c := &out.Channels[turn%len(out.Channels)]
		c.Segments = append(c.Segments, seg)
		t = seg.End + 0.5
	}
	out.Duration = max(tr.Duration, t)
	return out
}
