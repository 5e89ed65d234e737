// conv turns the bp marked-up fragments into testdata/pii/blind/bp.jsonl.
//
// Markup: a case starts with "## domain"; each segment is a line
// "o: text" (operator) or "c: text" (client); "# ..." lines are comments.
// [type|form: words] marks a personal-data span, {kind: words} a trap.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/callscope/callscope/analyze/text"
)

type Segment struct {
	Start float64 `json:"start"`
	End   float64 `json:"end"`
	Text  string  `json:"text"`
}
type Channel struct {
	Role     string    `json:"role"`
	Segments []Segment `json:"segments"`
}
type Label struct {
	Type string `json:"type"`
	Ch   int    `json:"ch"`
	Seg  int    `json:"seg"`
	From int    `json:"from"`
	To   int    `json:"to"`
	Form string `json:"form,omitempty"`
}
type Case struct {
	ID       string    `json:"id"`
	Lang     string    `json:"lang"`
	Channels []Channel `json:"channels"`
	Spans    []Label   `json:"spans"`
	Traps    []Label   `json:"traps"`
}

var types = set("phone card cvv code passport snils inn account email birthdate address name")
var forms = set("digits words mixed corrected spelled other")
var trapKinds = set("price tariff date time count ticket speed percent operator_name company city street office_address hotline duration volume meter staff_name room")

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

type mark struct {
	trap       bool
	typ, form  string
	start, end int // byte offsets in the plain text
	inner      string
}

var errs []string

func fail(where, f string, a ...any) { errs = append(errs, where+": "+fmt.Sprintf(f, a...)) }

// parseLine strips the markup and returns the plain text and its marks.
func parseLine(where, s string) (string, []mark) {
	var b strings.Builder
	var marks []mark
	for i := 0; i < len(s); {
		c := s[i]
		if c != '[' && c != '{' {
			if c == ']' || c == '}' || c == '|' {
				fail(where, "stray %q", c)
			}
			b.WriteByte(c)
			i++
			continue
		}
		closer := byte(']')
		if c == '{' {
			closer = '}'
		}
		j := strings.IndexByte(s[i:], closer)
		if j < 0 {
			fail(where, "unclosed %q", c)
			return b.String(), marks
		}
		body := s[i+1 : i+j]
		colon := strings.Index(body, ": ")
		if colon < 0 {
			fail(where, "no ': ' in %q", body)
			i += j + 1
			continue
		}
		head, inner := body[:colon], body[colon+2:]
		if strings.ContainsAny(inner, "[]{}") {
			fail(where, "nested markup in %q", body)
		}
		m := mark{trap: c == '{', inner: inner}
		if m.trap {
			m.typ = head
			if !trapKinds[head] {
				fail(where, "unknown trap kind %q", head)
			}
		} else {
			tf := strings.SplitN(head, "|", 2)
			if len(tf) != 2 {
				fail(where, "span without form: %q", head)
				tf = append(tf, "")
			}
			m.typ, m.form = tf[0], tf[1]
			if !types[m.typ] {
				fail(where, "unknown span type %q", m.typ)
			}
			if !forms[m.form] {
				fail(where, "unknown form %q", m.form)
			}
		}
		m.start = b.Len()
		b.WriteString(inner)
		m.end = b.Len()
		marks = append(marks, m)
		i += j + 1
	}
	return b.String(), marks
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: conv OUT.jsonl IN.txt...")
		os.Exit(2)
	}
	var cases []*Case
	var cur *Case
	var clock float64
	spanCount := map[string]int{}
	formCount := map[string]int{}
	typeForm := map[string]int{}
	trapCount := map[string]int{}
	byRole := map[string]int{}
	domains := map[string]int{}
	digitReport := []string{}
	for _, path := range os.Args[2:] {
		f, err := os.Open(path)
		if err != nil {
			panic(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		ln := 0
		for sc.Scan() {
			ln++
			line := strings.TrimSpace(sc.Text())
			where := fmt.Sprintf("%s:%d", path, ln)
			switch {
			case line == "":
				continue
			case strings.HasPrefix(line, "##"):
				cur = &Case{ID: fmt.Sprintf("bp-%04d", len(cases)+1), Lang: "ru",
					Channels: []Channel{{Role: "operator"}, {Role: "client"}}, Spans: []Label{}, Traps: []Label{}}
				cases = append(cases, cur)
				domains[strings.TrimSpace(strings.TrimPrefix(line, "##"))]++
				clock = 0.3
				continue
			case strings.HasPrefix(line, "#"):
				continue
			}
			if cur == nil || len(line) < 3 || line[1] != ':' || (line[0] != 'o' && line[0] != 'c') {
				fail(where, "not a segment line: %q", line)
				continue
			}
			ch := 0
			if line[0] == 'c' {
				ch = 1
			}
			plain, marks := parseLine(where, strings.TrimSpace(line[2:]))
			for _, r := range plain {
				if !(r == ' ' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 'а' && r <= 'я' || r == 'ё') {
					fail(where, "character %q: recognizer text is lower case, no punctuation", r)
				}
			}
			toks := text.Tokenize(plain)
			seg := len(cur.Channels[ch].Segments)
			words := float64(len(toks))
			start := clock
			end := start + 0.4 + 0.33*words
			clock = end + 0.35
			cur.Channels[ch].Segments = append(cur.Channels[ch].Segments, Segment{Start: round(start), End: round(end), Text: plain})
			taken := make([]bool, len(toks))
			for _, m := range marks {
				from, to := -1, -1
				for k, t := range toks {
					if t.Start >= m.start && t.End <= m.end {
						if from < 0 {
							from = k
						}
						to = k + 1
					} else if t.Start < m.end && t.End > m.start {
						fail(where, "token %q straddles the mark %q", t.Norm, m.inner)
					}
				}
				if from < 0 {
					fail(where, "empty mark %q", m.inner)
					continue
				}
				// The span's tokens must be exactly the marked words.
				var got, want []string
				for _, t := range toks[from:to] {
					got = append(got, t.Norm)
				}
				for _, t := range text.Tokenize(m.inner) {
					want = append(want, t.Norm)
				}
				if strings.Join(got, " ") != strings.Join(want, " ") {
					fail(where, "tokens %q != marked %q", got, want)
				}
				for k := from; k < to; k++ {
					if taken[k] {
						fail(where, "overlapping marks at token %d", k)
					}
					taken[k] = true
				}
				l := Label{Type: m.typ, Ch: ch, Seg: seg, From: from, To: to, Form: m.form}
				if m.trap {
					cur.Traps = append(cur.Traps, l)
					trapCount[m.typ]++
				} else {
					cur.Spans = append(cur.Spans, l)
					spanCount[m.typ]++
					formCount[m.form]++
					typeForm[m.typ+"|"+m.form]++
					byRole[m.typ+"@"+cur.Channels[ch].Role]++
					if d, ok := digitsOf(m.inner); ok && m.form != "corrected" {
						digitReport = append(digitReport, fmt.Sprintf("%s %s %s %s  <- %s", cur.ID, m.typ, d, check(m.typ, d), m.inner))
					}
				}
			}
		}
		f.Close()
	}
	for _, c := range cases {
		n := 0
		for _, ch := range c.Channels {
			n += len(ch.Segments)
		}
		if n < 2 || n > 8 {
			fail(c.ID, "%d segments (want 2-8)", n)
		}
		if len(c.Channels[0].Segments) == 0 || len(c.Channels[1].Segments) == 0 {
			fail(c.ID, "a channel without speech")
		}
	}
	out, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	w := bufio.NewWriter(out)
	for _, c := range cases {
		b, err := json.Marshal(c)
		if err != nil {
			panic(err)
		}
		w.Write(b)
		w.WriteByte('\n')
	}
	w.Flush()
	out.Close()
	if os.Getenv("DIGITS") != "" {
		for _, s := range digitReport {
			fmt.Println(s)
		}
	}
	fmt.Printf("cases %d\n", len(cases))
	printCounts("spans", spanCount)
	printCounts("forms", formCount)
	printCounts("type|form", typeForm)
	printCounts("traps", trapCount)
	printCounts("by role", byRole)
	printCounts("domains", domains)
	for _, e := range errs {
		fmt.Println("ERROR", e)
	}
	if len(errs) > 0 {
		os.Exit(1)
	}
}

func round(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

func printCounts(title string, m map[string]int) {
	keys := make([]string, 0, len(m))
	total := 0
	for k, v := range m {
		keys = append(keys, k)
		total += v
	}
	sort.Strings(keys)
	fmt.Printf("%s (total %d):", title, total)
	for _, k := range keys {
		fmt.Printf(" %s=%d", k, m[k])
	}
	fmt.Println()
}

var units = map[string]int{"ноль": 0, "нуль": 0, "один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9}
var teens = map[string]int{"десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19}
var tens = map[string]int{"двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90}
var hundreds = map[string]int{"сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900}

// digitsOf reads the digits a span dictates: digit tokens as written and
// number words grouped the way a listener groups them (a group ends when
// the next word cannot extend it). ok is false when the span has letters
// that are not number words.
func digitsOf(s string) (string, bool) {
	var b strings.Builder
	val, low := 0, -1 // low: lowest order filled in the open group (2 hundreds, 1 tens, 0 units)
	flush := func() {
		if low >= 0 {
			b.WriteString(fmt.Sprint(val))
		}
		val, low = 0, -1
	}
	add := func(v, order int, fills int) {
		if low >= 0 && (order >= low || (low == 1 && val%100 >= 10 && val%100 < 20)) {
			flush()
		}
		val += v
		low = fills
	}
	for _, t := range text.Tokenize(s) {
		w := t.Norm
		switch {
		case w[0] >= '0' && w[0] <= '9':
			// «девятьсот 16», «сорок 5»: a digit token completing an
			// open group of words.
			if low == 2 && len(w) <= 2 && w[0] != '0' || low == 1 && len(w) == 1 && w != "0" {
				n := 0
				fmt.Sscan(w, &n)
				val += n
				low = 0
				continue
			}
			flush()
			b.WriteString(w)
		case units[w] > 0 || w == "ноль" || w == "нуль":
			if units[w] == 0 {
				flush()
				b.WriteString("0")
				continue
			}
			add(units[w], 0, 0)
		case teens[w] > 0:
			add(teens[w], 1, 0)
			low = 0
		case tens[w] > 0:
			add(tens[w], 1, 1)
		case hundreds[w] > 0:
			add(hundreds[w], 2, 2)
		case w == "и" || w == "дом" || w == "квартира":
			// skip nothing else
			return "", false
		default:
			return "", false
		}
	}
	flush()
	return b.String(), true
}

func check(typ, d string) string {
	n := len(d)
	switch typ {
	case "card":
		if n >= 13 && n <= 19 {
			if luhn(d) {
				return "luhn-ok"
			}
			return "LUHN-BAD"
		}
		return fmt.Sprintf("len%d", n)
	case "snils":
		if n != 11 {
			return fmt.Sprintf("LEN%d", n)
		}
		if snilsOK(d) {
			return "snils-ok"
		}
		return "SNILS-BAD"
	case "inn":
		if n != 10 && n != 12 {
			return fmt.Sprintf("LEN%d", n)
		}
		if innOK(d) {
			return "inn-ok"
		}
		return "INN-BAD"
	case "phone":
		if n == 11 || n == 10 {
			return "ok"
		}
		return fmt.Sprintf("len%d", n)
	case "account":
		if n == 20 {
			return "ok"
		}
		return fmt.Sprintf("LEN%d", n)
	case "passport":
		if n == 10 {
			return "ok"
		}
		return fmt.Sprintf("len%d", n)
	}
	return fmt.Sprintf("len%d", n)
}

func luhn(d string) bool {
	s := 0
	for i := len(d) - 1; i >= 0; i-- {
		v := int(d[i] - '0')
		if (len(d)-1-i)%2 == 1 {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		s += v
	}
	return s%10 == 0
}

func snilsOK(d string) bool {
	s := 0
	for k := 0; k < 9; k++ {
		s += int(d[k]-'0') * (9 - k)
	}
	c := s % 101
	if c == 100 {
		c = 0
	}
	return fmt.Sprintf("%02d", c) == d[9:]
}

func innOK(d string) bool {
	ctl := func(w []int) int {
		s := 0
		for k, x := range w {
			s += x * int(d[k]-'0')
		}
		return s % 11 % 10
	}
	if len(d) == 10 {
		return ctl([]int{2, 4, 10, 3, 5, 9, 4, 6, 8}) == int(d[9]-'0')
	}
	return ctl([]int{7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) == int(d[10]-'0') &&
		ctl([]int{3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8, 0}[:11]) == int(d[11]-'0')
}
