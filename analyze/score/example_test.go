package score_test

import (
	"fmt"

	"github.com/callscope/callscope/analyze/score"
	"github.com/callscope/callscope/schemas"
)

func Example() {
	p, err := score.Parse("support.yaml", []byte(`
profile: support
criteria:
  - id: greeting
    text: Greets in the first 15 s
    weight: 2
    require: {category: greeting, channel: operator, within_first: 15s}
  - id: apology
    text: Apologizes when the client complains
    if: {category: complaint, channel: client}
    require: {category: apology, channel: operator}
  - id: quiet
    text: No pause over 10 s
    limit: {parameter: silence_longest, max: 10}
`))
	if err != nil {
		panic(err)
	}
	s := p.Score(score.Call{
		Parameters: map[string]float64{"silence_longest": 12.4},
		Hits: []schemas.Hit{
			{Category: "greeting", PhraseID: "hello", Channel: "operator", Start: 0.5, Text: "Здравствуйте"},
		},
		Categories: []string{"apology", "complaint", "greeting"},
		Duration:   60,
		Unit:       func(string) string { return "s" },
	})
	fmt.Printf("%.2f of %g\n", s.Value, s.Max)
	for _, c := range s.Criteria {
		fmt.Printf("%-6s %-8s %s\n", c.Outcome, c.ID, c.Evidence)
	}
	// Output:
	// 3.67 of 5
	// passed greeting greeting/hello "Здравствуйте" at 0.5 s (operator)
	// n/a    apology  does not apply: no complaint phrase on the client channel
	// failed quiet    silence_longest 12.4 s > max 10 s
}
