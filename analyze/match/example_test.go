package match_test

import (
	"fmt"

	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/schemas"
)

// A dictionary in YAML, compiled and run over a two-channel transcript.
func Example() {
	d, err := match.Parse("ru/complaint.yaml", []byte(`
category: complaint
language: ru
channel: client
exclude: [жалоб нет]
phrases:
  - id: zhaloba
    text: жалоба
  - id: nth_raz
    text: звоню BEFORE:2 третий раз
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := match.Compile(&match.Set{Dictionaries: []match.Dictionary{d}})
	if err != nil {
		fmt.Println(err)
		return
	}
	tr := schemas.Transcript{Duration: 30, Channels: []schemas.TranscriptChannel{
		{Role: "operator", Segments: []schemas.Segment{{Start: 0, End: 3, Text: "Это жалоба?"}}},
		{Role: "client", Segments: []schemas.Segment{
			{Start: 4, End: 8, Text: "Звоню уже 3-й раз, пишу жалобу!"},
			{Start: 20, End: 22, Text: "Жалоб нет, спасибо."},
		}},
	}}
	for _, h := range m.MatchCall(tr, "ru", match.CallOptions{}) {
		fmt.Printf("%s/%s %s %.1f-%.1fs «%s»\n", h.Category, h.PhraseID, h.Channel, h.Start, h.End, h.Text)
	}
	// Output:
	// complaint/nth_raz client 4.0-6.9s «Звоню уже 3-й раз»
	// complaint/zhaloba client 7.4-8.0s «жалобу»
}

// A watcher keeps the last set that validates; Current is what to match
// with, call by call.
func ExampleNewWatcher() {
	w, err := match.NewWatcher("/no/such/dir", 0, true, nil)
	fmt.Println(w == nil, err != nil)
	// Output: true true
}
