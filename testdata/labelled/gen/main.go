// Command gen writes the labelled corpus under testdata/labelled: call
// transcripts in the repository's schema and their labels, one JSON line a
// call, for `callscope dict eval`. Calls are assembled from hand-written
// wordings (ru.go, en.go), each of which carries the categories it is an
// instance of, and from the whole dialogues of handwritten/*.txt. The
// labels follow testdata/labelled/README.md.
//
//	go run ./testdata/labelled/gen            # rewrite the corpus
//	go run ./testdata/labelled/gen -agree     # agreement of the second passes
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Categories labelled on every call, with the channel they count on.
var categories = []struct{ name, channel string }{
	{"greeting", "operator"}, {"farewell", "operator"}, {"complaint", "client"},
	{"repeat_contact", "client"}, {"incompetence", "operator"}, {"apology", "operator"},
	{"churn_threat", "client"},
}

type domain struct {
	key                                                  string
	companies, idName, facts, asks, fixes, rival, option []string
}

// line is one wording with the categories it is an instance of.
type line struct {
	text string
	tags []string
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func parseLine(s string) line {
	t, tags, _ := strings.Cut(s, "||")
	return line{strings.TrimSpace(t), strings.Fields(tags)}
}

type turn struct {
	role string // operator | client
	text string
	tags []string
}

type call struct {
	id, lang, split string
	turns           []turn
	labels          map[string]bool
}

type gen struct {
	r     *rand.Rand
	lang  string
	split string
	words bool // numbers as words in this call
	dom   *domain
	mat   *material
	vars  map[string]string
}

// pick chooses a wording for the call's split: dev calls take the even
// lines of a list, held-out calls the odd ones, so the held-out part is
// worded differently from what the dictionaries were tuned on.
func (g *gen) pick(list []string) line {
	if len(list) == 1 {
		return parseLine(list[0])
	}
	var idx []int
	for i := range list {
		if (i%2 == 0) == (g.split == "dev") {
			idx = append(idx, i)
		}
	}
	return parseLine(list[idx[g.r.IntN(len(idx))]])
}

// any chooses among all lines (fillers that carry no label).
func (g *gen) any(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return parseLine(list[g.r.IntN(len(list))]).text
}

func (g *gen) fill(s string) string {
	for strings.Contains(s, "{") {
		i := strings.Index(s, "{")
		j := strings.Index(s[i:], "}")
		if j < 0 {
			break
		}
		key := s[i+1 : i+j]
		s = s[:i] + g.value(key) + s[i+j+1:]
	}
	return s
}

func (g *gen) value(key string) string {
	if v, ok := g.vars[key]; ok {
		return v
	}
	m := g.mat
	switch key {
	case "hi":
		return g.any(m.hi)
	case "co":
		return g.fill(g.vars["co"])
	case "name":
		return g.vars["name"]
	case "idname":
		return g.any(g.dom.idName)
	case "fact":
		return g.fill(g.any(g.dom.facts))
	case "ask":
		return g.fill(g.any(g.dom.asks))
	case "rival":
		if len(g.dom.rival) == 0 {
			return g.any(m.rivalDefault)
		}
		return g.any(g.dom.rival)
	case "option":
		return g.any(g.dom.option)
	case "street":
		return g.any(m.streets)
	case "cname":
		return g.any(m.clientNames)
	}
	return g.number(key)
}

func (g *gen) turn(role string, l line) turn {
	return turn{role, g.fill(l.text), l.tags}
}

func (g *gen) say(role, s string) turn { return turn{role, g.fill(s), nil} }

// material is one language's wordings.
type material struct {
	names, hi, streets, clientNames, rivalDefault                    []string
	domains                                                          []domain
	greetTrue, greetFalse, firstBroken, byeTrue, byeFalse            []string
	clientHello, reasonIntro, askIntro                               []string
	repeatTrue, repeatFalse, complaintTrue, sarcasm, complaintFalse  []string
	opOffers, churnTrue, churnFalse, incompTrue, incompFalse         []string
	apologyTrue, apologyFalse, clientSorry, opAskID, opHold, opCheck []string
	clientOK, clientBye, opAnythingElse, clientNo                    []string
	smallTalk                                                        [][2]string
	medical                                                          []string
}

// build assembles one call and its labels.
func build(r *rand.Rand, m *material, lang, split, id string) call {
	g := &gen{r: r, lang: lang, split: split, words: r.IntN(2) == 0, mat: m, vars: map[string]string{}}
	g.dom = &m.domains[r.IntN(len(m.domains))]
	g.vars["name"] = g.any(m.names)
	g.vars["co"] = g.any(g.dom.companies)
	c := call{id: id, lang: lang, split: split, labels: map[string]bool{}}
	var t []turn
	op := func(l line) { t = append(t, g.turn("operator", l)) }
	cl := func(l line) { t = append(t, g.turn("client", l)) }
	plain := func(s string) line { return line{text: s} }
	p := func(x float64) bool { return r.Float64() < x }

	want := map[string]bool{}
	for _, k := range categories {
		want[k.name] = false
	}
	want["greeting"] = p(0.55)
	want["farewell"] = p(0.55)
	want["complaint"] = p(0.4)
	want["repeat_contact"] = p(0.35)
	want["incompetence"] = p(0.3)
	want["apology"] = p(0.4)
	want["churn_threat"] = p(0.25)

	// Opening.
	switch {
	case want["greeting"]:
		op(g.pick(m.greetTrue))
	case p(0.25):
		op(g.pick(m.firstBroken))
		op(g.pick(m.greetTrue)) // greets, but not in the first utterance
	default:
		op(g.pick(m.greetFalse))
	}
	// The client's reason, with a repeat contact and a complaint maybe.
	var reason line
	if p(0.6) {
		reason = g.pick(m.reasonIntro)
	} else {
		reason = g.pick(m.askIntro)
	}
	hello := g.any(m.clientHello)
	opening := g.fill(reason.text)
	if p(0.8) {
		opening = hello + " " + opening
	}
	t = append(t, turn{"client", opening, nil})
	if want["repeat_contact"] {
		cl(g.pick(m.repeatTrue))
	} else if p(0.3) {
		cl(g.pick(m.repeatFalse))
	}
	complaintEarly := want["complaint"] && p(0.5)
	if complaintEarly {
		cl(g.pick(m.complaintTrue))
	}
	if p(0.25) {
		// the operator makes the client repeat: an apology chance
		if want["apology"] && p(0.5) {
			op(plain(g.fill(g.pick(m.apologyTrue).text)))
			want["apology"] = false // placed
			c.labels["apology"] = true
		} else {
			op(plain(g.any(m.opCheck)))
		}
	}
	op(g.pick(m.opAskID))
	if p(0.2) {
		cl(g.pick(m.clientSorry))
	}
	cl(plain(g.fill(g.any([]string{"{id}", "да сейчас {id}", "{id} вроде", "минуту {id}"}))))
	if lang == "en" {
		t[len(t)-1].text = g.fill(g.any([]string{"{id}", "yeah it's {id}", "sure {id}", "one sec {id}"}))
	}
	// Length: some small talk.
	for k := r.IntN(4); k > 0; k-- {
		st := m.smallTalk[r.IntN(len(m.smallTalk))]
		op(plain(st[0]))
		cl(plain(st[1]))
	}
	if p(0.5) {
		op(plain(g.any(m.opHold)))
	}
	// The operator's answer.
	apologyPlaced := c.labels["apology"]
	var answer []string
	if want["apology"] && !apologyPlaced && p(0.6) {
		answer = append(answer, g.pick(m.apologyTrue).text)
		apologyPlaced = true
	} else if !want["apology"] && p(0.35) {
		answer = append(answer, g.pick(m.apologyFalse).text)
	}
	switch {
	case want["incompetence"]:
		answer = append(answer, g.pick(m.incompTrue).text)
	case p(0.35):
		answer = append(answer, g.pick(m.incompFalse).text, g.any(g.dom.fixes))
	default:
		answer = append(answer, g.any(g.dom.fixes))
	}
	op(plain(strings.Join(answer, " ")))
	// The client's reaction.
	if want["complaint"] && !complaintEarly {
		if p(0.35) {
			cl(g.pick(m.sarcasm))
		} else {
			cl(g.pick(m.complaintTrue))
		}
	} else if !want["complaint"] && p(0.3) {
		if g.dom.key == "clinic" && len(m.medical) > 0 && p(0.5) {
			cl(g.pick(m.medical))
		} else {
			cl(g.pick(m.complaintFalse))
		}
	}
	if want["churn_threat"] {
		cl(g.pick(m.churnTrue))
	} else if p(0.3) {
		cl(g.pick(m.churnFalse))
	}
	if !want["complaint"] && p(0.15) {
		op(g.pick(m.opOffers))
		cl(plain(g.any(m.clientNo)))
	}
	if len(t) > 0 && t[len(t)-1].role == "operator" || p(0.3) {
		cl(plain(g.any(m.clientOK)))
	}
	// A second answer; the apology if it is still due.
	var second []string
	if want["apology"] && !apologyPlaced {
		second = append(second, g.pick(m.apologyTrue).text)
	}
	second = append(second, g.any(g.dom.fixes))
	op(plain(strings.Join(second, " ")))
	cl(plain(g.any(m.clientOK)))
	if p(0.5) {
		op(plain(g.any(m.opAnythingElse)))
		cl(plain(g.any(m.clientNo)))
	}
	// Closing.
	switch {
	case want["farewell"]:
		if p(0.3) {
			cl(plain(g.any(m.clientBye)))
		}
		op(g.pick(m.byeTrue))
	case p(0.3):
		// a goodbye, then the client comes back with a question
		op(g.pick(m.byeTrue))
		q := "подождите а ещё вопрос {ask}"
		a := "это уточняйте на сайте"
		if lang == "en" {
			q, a = "wait one more thing {ask}", "you can check that on our website"
		}
		cl(plain(g.fill(q)))
		op(plain(a))
	default:
		if p(0.4) {
			cl(plain(g.any(m.clientBye)))
		}
		op(g.pick(m.byeFalse))
	}
	if p(0.3) {
		cl(plain(g.any(m.clientBye)))
	}
	c.turns = t
	for k, v := range want {
		c.labels[k] = c.labels[k] || v
	}
	c.labels = labelsOf(t, c.labels)
	return c
}

// labelsOf derives a call's labels from its turns: greeting and farewell
// from the operator's first and last utterances, the rest from the tags
// of any turn on the category's channel.
func labelsOf(t []turn, extra map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, k := range categories {
		out[k.name] = extra[k.name]
	}
	first, last := -1, -1
	for i, x := range t {
		if x.role == "operator" {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	for i, x := range t {
		for _, tag := range x.tags {
			switch tag {
			case "greeting":
				out[tag] = out[tag] || i == first
			case "farewell":
				out[tag] = out[tag] || i == last
			default:
				for _, k := range categories {
					if k.name == tag && k.channel == x.role {
						out[tag] = true
					}
				}
			}
		}
	}
	return out
}

func main() {
	agree := flag.Bool("agree", false, "compare the second labelling passes with the first and print the agreement")
	flag.Parse()
	root := filepath.Join("testdata", "labelled")
	if *agree {
		if err := agreement(root, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	ru, en := ruMaterial(), enMaterial()
	r := rand.New(rand.NewPCG(16, 2026))
	var calls []call
	gen := func(m *material, lang string, n int) {
		for i := 1; i <= n; i++ {
			split := "dev"
			if r.IntN(5) < 2 {
				split = "heldout"
			}
			c := build(r, m, lang, split, fmt.Sprintf("%s-%04d", lang, i))
			calls = append(calls, c)
		}
	}
	gen(ru, "ru", 270)
	gen(en, "en", 70)
	for _, lang := range []string{"ru", "en"} {
		hw, err := handwritten(filepath.Join(root, "handwritten", lang+".txt"), lang)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		calls = append(calls, hw...)
	}
	for _, lang := range []string{"ru", "en"} {
		for _, split := range []string{"dev", "heldout"} {
			os.RemoveAll(filepath.Join(root, lang, split))
		}
	}
	files := map[string]*os.File{}
	for _, c := range calls {
		slipRate := []float64{0, 0, 0.03, 0.06}[r.IntN(4)]
		tr := transcript(r, c, slipRate)
		dir := filepath.Join(root, c.lang, c.split)
		must(os.MkdirAll(dir, 0o755))
		data, err := json.MarshalIndent(tr, "", "  ")
		must(err)
		must(os.WriteFile(filepath.Join(dir, c.id+".transcript.json"), append(data, '\n'), 0o644))
		f := files[dir]
		if f == nil {
			f, err = os.Create(filepath.Join(dir, "labels.jsonl"))
			must(err)
			files[dir] = f
		}
		lab := map[string]bool{}
		for _, k := range categories {
			lab[k.name] = c.labels[k.name]
		}
		line, _ := json.Marshal(struct {
			Call       string          `json:"call"`
			Transcript string          `json:"transcript"`
			Language   string          `json:"language"`
			Labels     map[string]bool `json:"labels"`
		}{c.id, c.id + ".transcript.json", c.lang, lab})
		fmt.Fprintf(f, "%s\n", line)
	}
	for _, f := range files {
		must(f.Close())
	}
	counts := map[string]int{}
	for _, c := range calls {
		counts[c.lang+"/"+c.split]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Printf("%s: %d calls\n", k, counts[k])
	}
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// handwritten reads whole dialogues:
//
//	=== ru-h001 dev complaint repeat_contact
//	O: здравствуйте ...
//	C: ...
//
// The header names the call, its split and the categories that are true;
// the rest are false.
func handwritten(path, lang string) ([]call, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []call
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		l := strings.TrimSpace(sc.Text())
		switch {
		case l == "" || strings.HasPrefix(l, "#"):
		case strings.HasPrefix(l, "==="):
			fs := strings.Fields(strings.TrimPrefix(l, "==="))
			if len(fs) < 2 || (fs[1] != "dev" && fs[1] != "heldout") {
				return nil, fmt.Errorf("%s:%d: header: === ID dev|heldout CATEGORY...", path, n)
			}
			c := call{id: fs[0], lang: lang, split: fs[1], labels: map[string]bool{}}
			for _, cat := range fs[2:] {
				if !slices.ContainsFunc(categories, func(k struct{ name, channel string }) bool { return k.name == cat }) {
					return nil, fmt.Errorf("%s:%d: unknown category %q", path, n, cat)
				}
				c.labels[cat] = true
			}
			out = append(out, c)
		case strings.HasPrefix(l, "O:") || strings.HasPrefix(l, "C:"):
			if len(out) == 0 {
				return nil, fmt.Errorf("%s:%d: a line before the first header", path, n)
			}
			role := "operator"
			if l[0] == 'C' {
				role = "client"
			}
			c := &out[len(out)-1]
			c.turns = append(c.turns, turn{role: role, text: strings.TrimSpace(l[2:])})
		default:
			return nil, fmt.Errorf("%s:%d: a line must start with O:, C:, === or #", path, n)
		}
	}
	return out, sc.Err()
}
