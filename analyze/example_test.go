package analyze_test

import (
	"fmt"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/schemas"
)

func Example() {
	// The built-in dictionaries; LoadMatcher(dir) reads an analyst's own.
	m, err := analyze.LoadMatcher("")
	if err != nil {
		panic(err)
	}
	a := analyze.New(analyze.Config{}, m)
	tr := schemas.Transcript{Language: "ru", Duration: 20, Channels: []schemas.TranscriptChannel{
		{Role: schemas.RoleOperator, Segments: []schemas.Segment{
			{Start: 0, End: 3, Text: "Компания Ромашка, здравствуйте."},
			{Start: 10, End: 14, Text: "Не знаю, это не ко мне."},
		}},
		{Role: schemas.RoleClient, Segments: []schemas.Segment{
			{Start: 3.5, End: 9, Text: "Я звоню уже третий раз, хочу оставить жалобу!"},
		}},
	}}
	res := a.AnalyzeCall(tr, schemas.Metadata{})
	fmt.Printf("operator %.1fs, client %.1fs\n", *res.Metrics.OperatorTalk, *res.Metrics.ClientTalk)
	for _, h := range res.Hits {
		fmt.Printf("%5.2f-%5.2f %-8s %-14s %-12s %q\n", h.Start, h.End, h.Channel, h.Category, h.PhraseID, h.Text)
	}
	fmt.Println(res.Categories)
	// Output:
	// operator 7.0s, client 5.5s
	//  4.19- 5.56 client   repeat_contact uzhe_zvonil  "звоню уже"
	//  5.56- 6.94 client   repeat_contact nth_raz      "третий раз"
	//  8.31- 9.00 client   complaint      zhaloba      "жалобу"
	// 10.00-11.33 operator incompetence   ne_znayu     "Не знаю"
	// 11.33-14.00 operator incompetence   ne_ko_mne    "это не ко мне"
	// map[complaint:1 incompetence:2 repeat_contact:2]
}
