package redact_test

import (
	"fmt"

	"github.com/callscope/callscope/transcribe/redact"
)

func ExampleRedactor_Text() {
	r, _ := redact.New(redact.Config{})
	out, spans, _ := r.Text("ru", "client", "карта заканчивается на 4521 а тариф стоит 500 рублей")
	fmt.Println(out)
	for _, s := range spans {
		fmt.Println(s.Type, s.Rule)
	}
	// Output:
	// карта заканчивается на [card] а тариф стоит 500 рублей
	// card card/ending
}
