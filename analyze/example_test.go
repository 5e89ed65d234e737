package analyze_test

import (
	"fmt"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/schemas"
)

func Example() {
	// The built-in dictionaries and scoring profiles; LoadMatcher(dir) and
	// LoadProfiles(dir) read an analyst's own.
	m, err := analyze.LoadMatcher("", true)
	if err != nil {
		panic(err)
	}
	profiles, err := analyze.LoadProfiles("")
	if err != nil {
		panic(err)
	}
	// A match.Watcher's Current method fits here too: the dictionaries
	// then reload between calls.
	a := analyze.NewWith(analyze.Config{}, func() *match.Matcher { return m }, profiles)
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
	p := res.Parameters
	fmt.Printf("operator %gs, client %gs, longest silence %gs, %g interruptions\n",
		p["talk_operator"], p["talk_client"], p["silence_longest"], p["interruptions_client"])
	for _, h := range res.Hits {
		fmt.Printf("%5.2f-%5.2f %-8s %-14s %-12s %q\n", h.Start, h.End, h.Channel, h.Category, h.PhraseID, h.Text)
	}
	fmt.Printf("score %.2f of %g by %s\n", res.Score.Value, res.Score.Max, res.Score.Profile)
	for _, c := range res.Score.Criteria[:8] {
		fmt.Printf("  %-6s %-20s %s\n", c.Outcome, c.ID, c.Evidence)
	}
	// Output:
	// operator 7s, client 5.5s, longest silence 1s, 0 interruptions
	//  0.00- 3.00 operator greeting       company      "Компания Ромашка, здравствуйте"
	//  4.19- 6.94 client   repeat_contact nth_raz      "звоню уже третий раз"
	//  8.31- 9.00 client   complaint      zhaloba      "жалобу"
	// 10.00-11.33 operator incompetence   ne_znayu     "Не знаю"
	// 11.33-14.00 operator incompetence   ne_ko_mne    "это не ко мне"
	// 11.33-14.00 operator refusal        ne_ko_mne    "это не ко мне"
	// score 2.80 of 5 by default
	//   passed greeting             greeting/company "Компания Ромашка, здравствуйте" at 0 s (operator)
	//   passed company_named        greeting/company "Компания Ромашка, здравствуйте" at 0 s (operator)
	//   failed name_introduced      no greeting phrase (full, with_name) on the operator channel in the first 15 s
	//   passed no_interrupting      interruptions_operator 0 ≤ max 0
	//   failed clarifying           no clarifying phrase on the operator channel
	//   failed no_bare_refusal      refusal/ne_ko_mne "это не ко мне" at 11.333 s (operator)
	//   failed competent            incompetence/ne_znayu "Не знаю" at 10 s (operator) (and 1 more)
	//   passed no_profanity         no profanity phrase on the operator channel
}
