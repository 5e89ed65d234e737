// check re-reads bp.jsonl and prints every label's tokens, so the indices
// are verified from the output file alone.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/callscope/callscope/analyze/text"
)

type Label struct {
	Type              string
	Ch, Seg, From, To int
	Form              string
}
type Case struct {
	ID       string
	Channels []struct {
		Role     string
		Segments []struct{ Text string }
	}
	Spans, Traps []Label
}

func main() {
	f, _ := os.Open(os.Args[1])
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	bad := 0
	for sc.Scan() {
		var c Case
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			panic(err)
		}
		for _, group := range [][]Label{c.Spans, c.Traps} {
			for _, l := range group {
				toks := text.Tokenize(c.Channels[l.Ch].Segments[l.Seg].Text)
				if l.From < 0 || l.To > len(toks) || l.From >= l.To {
					fmt.Println("BAD", c.ID, l)
					bad++
					continue
				}
				var w []string
				for _, t := range toks[l.From:l.To] {
					w = append(w, t.Norm)
				}
				fmt.Printf("%s\t%s\t%s\t%s\t%s\n", c.ID, c.Channels[l.Ch].Role, l.Type, l.Form, strings.Join(w, " "))
			}
		}
	}
	fmt.Fprintln(os.Stderr, "bad:", bad)
}
