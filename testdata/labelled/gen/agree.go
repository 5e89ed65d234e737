package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

type labelLine struct {
	Call   string          `json:"call"`
	Labels map[string]bool `json:"labels"`
}

func readLabels(path string) (map[string]map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var l labelLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out[l.Call] = l.Labels
	}
	return out, sc.Err()
}

// passes are the second labelling passes compared with the corpus labels.
var passes = []struct{ name, file string }{
	{"same-author sample of the dev parts", "labels.jsonl"},
	{"independent labeller, blind3 and blind4", "independent.jsonl"},
	{"independent labeller, blind6", "independent-blind6.jsonl"},
	{"independent labeller, blind7", "independent-blind7.jsonl"},
	{"independent labeller, blind8", "independent-blind8.jsonl"},
	{"independent labeller, blind9", "independent-blind9.jsonl"},
	{"independent labeller, blind11", "independent-blind11.jsonl"},
	{"independent labeller, blind13", "independent-blind13.jsonl"},
	{"independent labeller, blind14", "independent-blind14.jsonl"},
	{"independent labeller, blind15", "independent-blind15.jsonl"},
	{"independent labeller, blind16", "independent-blind16.jsonl"},
	{"independent labeller, blind17", "independent-blind17.jsonl"},
	{"independent labeller, blind18", "independent-blind18.jsonl"},
	{"independent labeller, blind19", "independent-blind19.jsonl"},
	{"independent labeller, blind20", "independent-blind20.jsonl"},
	{"independent labeller, blind21", "independent-blind21.jsonl"},
	{"independent labeller, blind22", "independent-blind22.jsonl"},
	{"independent labeller, blind23", "independent-blind23.jsonl"},
	{"independent labeller, blind24", "independent-blind24.jsonl"},
	{"independent labeller, blind25", "independent-blind25.jsonl"},
	{"independent labeller, blind26", "independent-blind26.jsonl"},
	{"independent labeller, blind27", "independent-blind27.jsonl"},
	{"independent labeller, blind28", "independent-blind28.jsonl"},
	{"independent labeller, blind29", "independent-blind29.jsonl"},
	{"independent labeller, blind30", "independent-blind30.jsonl"},
	{"independent labeller, blind31", "independent-blind31.jsonl"},
}

// firstCall is a call of the corpus: the part it lives in (ru/dev,
// en/blind3, ...) and the first author's labels.
type firstCall struct {
	part   string
	labels map[string]bool
}

// tally counts two labellers' answers to one yes/no question.
type tally struct{ n, agree, yes1, yes2 int }

func (t *tally) add(v1, v2 bool) {
	t.n++
	if v1 == v2 {
		t.agree++
	}
	if v1 {
		t.yes1++
	}
	if v2 {
		t.yes2++
	}
}

func (t tally) percent() float64 { return 100 * float64(t.agree) / float64(t.n) }

// kappa is Cohen's kappa. When both labellers gave one and the same answer
// to every call the chance agreement is 1 and kappa is undefined: 1 is
// returned for full agreement.
func (t tally) kappa() float64 {
	n := float64(t.n)
	po := float64(t.agree) / n
	pe := float64(t.yes1)/n*float64(t.yes2)/n + (n-float64(t.yes1))/n*(n-float64(t.yes2))/n
	if pe >= 1 {
		return 1
	}
	return (po - pe) / (1 - pe)
}

// disagreement is one call and category the two passes label differently.
type disagreement struct {
	call, part, category string
	first, second        bool
	utterance            string
}

// comparison holds per category and group (all, a language, a part) the
// tallies of one pass against the corpus labels, and the disagreements.
type comparison struct {
	groups   []string
	tallies  map[string]map[string]*tally // category -> group -> tally
	disagree []disagreement
}

func compare(first map[string]firstCall, second map[string]map[string]bool) (*comparison, error) {
	c := &comparison{tallies: map[string]map[string]*tally{}}
	seen := map[string]bool{}
	calls := make([]string, 0, len(second))
	for call := range second {
		calls = append(calls, call)
	}
	sort.Strings(calls)
	for _, call := range calls {
		f, ok := first[call]
		if !ok {
			return nil, fmt.Errorf("the second pass names %s, which the corpus does not have", call)
		}
		lang, _, _ := strings.Cut(f.part, "/")
		groups := []string{"all", lang, f.part}
		for _, g := range groups {
			if !seen[g] {
				seen[g] = true
				c.groups = append(c.groups, g)
			}
		}
		for _, k := range categories {
			v2, ok := second[call][k.name]
			if !ok {
				continue
			}
			v1 := f.labels[k.name]
			if c.tallies[k.name] == nil {
				c.tallies[k.name] = map[string]*tally{}
			}
			for _, g := range groups {
				if c.tallies[k.name][g] == nil {
					c.tallies[k.name][g] = &tally{}
				}
				c.tallies[k.name][g].add(v1, v2)
			}
			if v1 != v2 {
				c.disagree = append(c.disagree, disagreement{call: call, part: f.part, category: k.name, first: v1, second: v2})
			}
		}
	}
	slices.SortStableFunc(c.groups, func(a, b string) int { return groupRank(a) - groupRank(b) })
	return c, nil
}

// groupRank orders all, then the languages, then the parts.
func groupRank(g string) int {
	switch {
	case g == "all":
		return 0
	case !strings.Contains(g, "/"):
		return 1
	}
	return 2
}

func (c *comparison) print(w io.Writer) {
	fmt.Fprintf(w, "%-15s %-10s %6s %6s %8s %6s\n", "category", "group", "calls", "agree", "percent", "kappa")
	total := map[string]*tally{}
	for _, k := range categories {
		for _, g := range c.groups {
			t := c.tallies[k.name][g]
			if t == nil {
				continue
			}
			fmt.Fprintf(w, "%-15s %-10s %6d %6d %7.1f%% %6.3f\n", k.name, g, t.n, t.agree, t.percent(), t.kappa())
			if total[g] == nil {
				total[g] = &tally{}
			}
			total[g].n += t.n
			total[g].agree += t.agree
		}
	}
	for _, g := range c.groups {
		if t := total[g]; t != nil {
			fmt.Fprintf(w, "%-15s %-10s %6d %6d %7.1f%%\n", "all categories", g, t.n, t.agree, t.percent())
		}
	}
	fmt.Fprintf(w, "%d disagreements\n", len(c.disagree))
	for _, d := range c.disagree {
		fmt.Fprintf(w, "  %-9s %-15s first %-5v second %-5v %s\n", d.call, d.category, d.first, d.second, d.utterance)
	}
}

type segment struct {
	Start float64 `json:"start"`
	Text  string  `json:"text"`
}

type transcriptFile struct {
	Channels []struct {
		Role     string    `json:"role"`
		Segments []segment `json:"segments"`
	} `json:"channels"`
}

// channelUtterances reads a call's transcript and returns the utterances
// of one channel in time order.
func channelUtterances(path, role string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var t transcriptFile
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var segs []segment
	for _, ch := range t.Channels {
		if ch.Role == role {
			segs = append(segs, ch.Segments...)
		}
	}
	sort.SliceStable(segs, func(i, j int) bool { return segs[i].Start < segs[j].Start })
	out := make([]string, len(segs))
	for i, s := range segs {
		out[i] = s.Text
	}
	return out, nil
}

// decisive names the utterance a disagreement turns on: the first or last
// operator utterance for greeting and farewell; for the other categories
// the one second_pass/decisive.jsonl names (written by hand after the
// comparison: call, category, utterance); failing that, every utterance of
// the category's channel, joined by " | ".
func decisive(root string, d disagreement, named map[[2]string]string) (string, error) {
	channel := ""
	for _, k := range categories {
		if k.name == d.category {
			channel = k.channel
		}
	}
	utts, err := channelUtterances(filepath.Join(root, d.part, d.call+".transcript.json"), channel)
	if err != nil {
		return "", err
	}
	switch {
	case len(utts) == 0:
		return "(no " + channel + " utterance)", nil
	case d.category == "greeting":
		return "«" + utts[0] + "»", nil
	case d.category == "farewell":
		return "«" + utts[len(utts)-1] + "»", nil
	}
	if u, ok := named[[2]string{d.call, d.category}]; ok {
		if !slices.ContainsFunc(utts, func(s string) bool { return strings.Contains(s, u) }) {
			return "", fmt.Errorf("decisive.jsonl: %s %s: no %s utterance holds «%s»", d.call, d.category, channel, u)
		}
		return "«" + u + "»", nil
	}
	return "«" + strings.Join(utts, " | ") + "»", nil
}

func readDecisive(path string) (map[[2]string]string, error) {
	out := map[[2]string]string{}
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var l struct{ Call, Category, Utterance string }
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out[[2]string{l.Call, l.Category}] = l.Utterance
	}
	return out, sc.Err()
}

// readFirst reads the corpus labels of every part.
func readFirst(root string) (map[string]firstCall, error) {
	first := map[string]firstCall{}
	files, _ := filepath.Glob(filepath.Join(root, "*", "*", "labels.jsonl"))
	for _, f := range files {
		part, err := filepath.Rel(root, filepath.Dir(f))
		if err != nil {
			return nil, err
		}
		part = filepath.ToSlash(part)
		if strings.HasPrefix(part, "second_pass") {
			continue
		}
		m, err := readLabels(f)
		if err != nil {
			return nil, err
		}
		for k, v := range m {
			first[k] = firstCall{part: part, labels: v}
		}
	}
	return first, nil
}

// agreement compares each second pass (labels written from the text
// alone) with the corpus labels: raw agreement and Cohen's kappa per
// category, overall, per language and per part, and the disagreements with
// the utterance each turns on.
func agreement(root string, w io.Writer) error {
	first, err := readFirst(root)
	if err != nil {
		return err
	}
	named, err := readDecisive(filepath.Join(root, "second_pass", "decisive.jsonl"))
	if err != nil {
		return err
	}
	for i, p := range passes {
		path := filepath.Join(root, "second_pass", p.file)
		second, err := readLabels(path)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return err
		}
		c, err := compare(first, second)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		for j := range c.disagree {
			if c.disagree[j].utterance, err = decisive(root, c.disagree[j], named); err != nil {
				return err
			}
		}
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "== %s (second_pass/%s): %d calls\n", p.name, p.file, len(second))
		c.print(w)
	}
	return nil
}
