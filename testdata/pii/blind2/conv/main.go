// Command conv turns the marked-up fragments of a hand-written personal-data
// set (bq.src.txt here, ../../blind3/br.src.txt, ../../blind4/bs.src.txt,
// ../../blind5/bt.src.txt) into its JSONL cases.
//
// Markup: a case starts with "== domain"; then one line per segment,
// "o: text" (operator) or "c: text" (client). Inside the text
// [type: words] or [type/form: words] marks a personal-data span and
// {kind: words} a trap. Form, when omitted, is digits/words/mixed from the
// tokens. Lines starting with "#" are comments.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/callscope/callscope/analyze/text"
)

type Case struct {
	ID       string    `json:"id"`
	Lang     string    `json:"lang"`
	Channels []Channel `json:"channels"`
	Spans    []Label   `json:"spans"`
	Traps    []Label   `json:"traps"`
	domain   string
}
type Channel struct {
	Role     string    `json:"role"`
	Segments []Segment `json:"segments"`
}
type Segment struct {
	Start float64 `json:"start"`
	End   float64 `json:"end"`
	Text  string  `json:"text"`
}
type Label struct {
	Type string `json:"type"`
	Ch   int    `json:"ch"`
	Seg  int    `json:"seg"`
	From int    `json:"from"`
	To   int    `json:"to"`
	Form string `json:"form,omitempty"`
}

var spanTypes = map[string]bool{"phone": true, "card": true, "cvv": true, "code": true, "passport": true, "snils": true, "inn": true, "account": true, "email": true, "birthdate": true, "address": true, "name": true}
var forms = map[string]bool{"digits": true, "words": true, "mixed": true, "corrected": true, "spelled": true, "other": true}
var trapKinds = map[string]bool{"price": true, "tariff": true, "date": true, "time": true, "count": true, "ticket": true, "speed": true, "percent": true, "operator_name": true, "company": true, "city": true, "meter": true, "order": true, "hotline": true, "contract": true, "street": true, "office_address": true, "vin": true, "plate": true, "age": true, "weight": true, "staff_name": true, "other_code": true, "card_expiry": true, "doc_date": true, "doc_number": true, "inn_bank": true, "license": true, "product": true, "dose": true, "floor": true, "company_email": true, "utility_account": true, "policy": true, "other_number": true, "common_word": true, "corr_account": true, "postal_index": true, "flight": true, "version": true, "track": true, "loyalty": true, "serial": true, "room": true, "duration": true, "company_account": true, "account_no": true, "dept_code": true, "bik": true, "train": true, "car_plate": true, "passport_office": true, "reading": true}

var errs []string

func fail(f string, a ...any) { errs = append(errs, fmt.Sprintf(f, a...)) }

func main() {
	if len(os.Args) > 1 && os.Args[1] == "-gen" {
		gen(os.Args[2], os.Args[3])
		return
	}
	src, out, stats := os.Args[1], os.Args[2], os.Args[3]
	// The cases' ids begin with the output's name: bq.jsonl gives
	// bq-0001, and another set made with this converter its own.
	prefix := strings.TrimSuffix(filepath.Base(out), filepath.Ext(out))
	f, err := os.Open(src)
	if err != nil {
		panic(err)
	}
	var cases []*Case
	var cur *Case
	var clock float64
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	ln := 0
	for sc.Scan() {
		ln++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "==") {
			cur = &Case{ID: fmt.Sprintf("%s-%04d", prefix, len(cases)+1), Lang: "ru", domain: strings.TrimSpace(line[2:]),
				Channels: []Channel{{Role: "operator", Segments: []Segment{}}, {Role: "client", Segments: []Segment{}}}, Spans: []Label{}, Traps: []Label{}}
			cases = append(cases, cur)
			clock = 0.3 + float64(len(cases)%5)*0.1
			continue
		}
		ch := -1
		switch {
		case strings.HasPrefix(line, "o:"):
			ch = 0
		case strings.HasPrefix(line, "c:"):
			ch = 1
		}
		if ch < 0 || cur == nil {
			fail("line %d: bad line %q", ln, line)
			continue
		}
		plain, labels := parse(strings.TrimSpace(line[2:]), ln)
		toks := text.Tokenize(plain)
		seg := len(cur.Channels[ch].Segments)
		dur := 0.4 + 0.32*float64(len(toks))
		cur.Channels[ch].Segments = append(cur.Channels[ch].Segments, Segment{Start: round(clock), End: round(clock + dur), Text: plain})
		clock += dur + 0.35
		for _, l := range labels {
			l.lab.Ch, l.lab.Seg = ch, seg
			if !sameTokens(toks, l.lab.From, l.lab.To, l.words) {
				fail("line %d: label %s %q does not match tokens", ln, l.lab.Type, l.words)
			}
			if l.span {
				checkSum(l.lab, l.words, ln)
				cur.Spans = append(cur.Spans, l.lab)
			} else {
				warnTrap(l.words, ln)
				cur.Traps = append(cur.Traps, l.lab)
			}
		}
	}
	for _, c := range cases {
		checkJoined(c)
		n := len(c.Channels[0].Segments) + len(c.Channels[1].Segments)
		if n < 2 || n > 12 {
			fail("%s: %d segments", c.ID, n)
		}
	}
	if len(errs) > 0 {
		for _, e := range errs {
			fmt.Fprintln(os.Stderr, e)
		}
		os.Exit(1)
	}
	o, _ := os.Create(out)
	w := bufio.NewWriter(o)
	for _, c := range cases {
		b, _ := json.Marshal(c)
		w.Write(b)
		w.WriteByte('\n')
	}
	w.Flush()
	o.Close()
	writeStats(cases, stats)
}

func round(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

type parsed struct {
	lab   Label
	words string
	span  bool
}

func parse(s string, ln int) (string, []parsed) {
	var b strings.Builder
	var out []parsed
	for i := 0; i < len(s); {
		c := s[i]
		if c != '[' && c != '{' {
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
			fail("line %d: unclosed", ln)
			return s, nil
		}
		inner := s[i+1 : i+j]
		k := strings.Index(inner, ":")
		if k < 0 {
			fail("line %d: no colon in %q", ln, inner)
			i += j + 1
			continue
		}
		head, words := strings.TrimSpace(inner[:k]), strings.TrimSpace(inner[k+1:])
		typ, form, _ := strings.Cut(head, "/")
		from := len(text.Tokenize(b.String()))
		b.WriteString(words)
		to := len(text.Tokenize(b.String()))
		p := parsed{lab: Label{Type: typ, From: from, To: to}, words: words, span: c == '['}
		if p.span {
			if !spanTypes[typ] {
				fail("line %d: span type %q", ln, typ)
			}
			if form == "" {
				form = inferForm(words)
				if typ == "email" || typ == "name" {
					form = "words"
				}
			}
			if !forms[form] {
				fail("line %d: form %q", ln, form)
			}
			p.lab.Form = form
		} else if !trapKinds[typ] {
			fail("line %d: trap kind %q", ln, typ)
		}
		if to <= from {
			fail("line %d: empty label", ln)
		}
		out = append(out, p)
		i += j + 1
	}
	return b.String(), out
}

func sameTokens(toks []text.Token, from, to int, words string) bool {
	want := text.Tokenize(words)
	if to > len(toks) || to-from != len(want) {
		return false
	}
	for i, w := range want {
		if toks[from+i].Norm != w.Norm {
			return false
		}
	}
	return true
}

func inferForm(words string) string {
	d, w := 0, 0
	for _, t := range text.Tokenize(words) {
		if isDigits(t.Norm) {
			d++
		} else if _, ok := numWord(t.Norm); ok {
			w++
		}
	}
	switch {
	case d > 0 && w > 0:
		return "mixed"
	case d > 0:
		return "digits"
	}
	return "words"
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

var numWords = map[string]int{}

func init() {
	add := func(v int, ws ...string) {
		for _, w := range ws {
			numWords[w] = v
		}
	}
	add(0, "ноль", "нуль")
	add(1, "один", "одна", "одно", "раз")
	add(2, "два", "две")
	add(3, "три")
	add(4, "четыре")
	add(5, "пять")
	add(6, "шесть")
	add(7, "семь")
	add(8, "восемь")
	add(9, "девять")
	add(10, "десять")
	add(11, "одиннадцать")
	add(12, "двенадцать")
	add(13, "тринадцать")
	add(14, "четырнадцать")
	add(15, "пятнадцать")
	add(16, "шестнадцать")
	add(17, "семнадцать")
	add(18, "восемнадцать")
	add(19, "девятнадцать")
	add(20, "двадцать")
	add(30, "тридцать")
	add(40, "сорок")
	add(50, "пятьдесят")
	add(60, "шестьдесят")
	add(70, "семьдесят")
	add(80, "восемьдесят")
	add(90, "девяносто")
	add(100, "сто")
	add(200, "двести")
	add(300, "триста")
	add(400, "четыреста")
	add(500, "пятьсот")
	add(600, "шестьсот")
	add(700, "семьсот")
	add(800, "восемьсот")
	add(900, "девятьсот")
}

func numWord(w string) (int, bool) { v, ok := numWords[w]; return v, ok }

// digitsOf reads the digits a span says: digit tokens as written, number
// words grouped as a reader would (девятьсот шестнадцать = 916).
func digitsOf(words string) string {
	var out strings.Builder
	val, have, hasT, hasU := 0, false, false, false
	flush := func() {
		if have {
			out.WriteString(strconv.Itoa(val))
		}
		val, have, hasT, hasU = 0, false, false, false
	}
	for _, t := range text.Tokenize(words) {
		if isDigits(t.Norm) {
			flush()
			out.WriteString(t.Norm)
			continue
		}
		v, ok := numWord(t.Norm)
		if !ok || t.Norm == "раз" {
			flush()
			continue
		}
		switch {
		case v == 0:
			flush()
			out.WriteString("0")
			continue
		case v >= 100:
			flush()
		case v >= 10:
			if hasT || hasU {
				flush()
			}
			hasT = true
			if v < 20 {
				hasU = true
			}
		default:
			if hasU {
				flush()
			}
			hasU = true
		}
		val += v
		have = true
	}
	flush()
	return out.String()
}

func checkSum(l Label, words string, ln int) {
	d := digitsOf(words)
	switch l.Type {
	case "card":
		if len(d) >= 13 && !luhn(d) {
			fail("line %d: card %s fails Luhn", ln, d)
		}
	case "account":
		if len(d) >= 16 && len(d) != 20 {
			fail("line %d: account %s has %d digits", ln, d, len(d))
		}
	case "passport":
		if len(d) > 10 {
			fail("line %d: passport %s has %d digits", ln, d, len(d))
		}
	case "phone":
		if len(d) > 11 {
			fail("line %d: phone %s has %d digits", ln, d, len(d))
		}
	case "snils":
		if len(d) == 11 && !snilsOK(d) {
			fail("line %d: snils %s fails checksum", ln, d)
		}
	case "inn":
		if (len(d) == 10 || len(d) == 12) && !innOK(d) {
			fail("line %d: inn %s fails checksum", ln, d)
		}
	}
}

func luhn(d string) bool {
	sum := 0
	for i := 0; i < len(d); i++ {
		x := int(d[len(d)-1-i] - '0')
		if i%2 == 1 {
			x *= 2
			if x > 9 {
				x -= 9
			}
		}
		sum += x
	}
	return sum%10 == 0
}

func snilsCtrl(d string) int {
	s := 0
	for i := 0; i < 9; i++ {
		s += int(d[i]-'0') * (9 - i)
	}
	switch {
	case s < 100:
		return s
	case s == 100 || s == 101:
		return 0
	}
	s %= 101
	if s == 100 {
		return 0
	}
	return s
}

func snilsOK(d string) bool {
	c, _ := strconv.Atoi(d[9:])
	return snilsCtrl(d) == c
}

func innDigit(d string, w []int) byte {
	s := 0
	for i, k := range w {
		s += int(d[i]-'0') * k
	}
	return byte(s%11%10) + '0'
}

var w10 = []int{2, 4, 10, 3, 5, 9, 4, 6, 8}
var w11 = []int{7, 2, 4, 10, 3, 5, 9, 4, 6, 8}
var w12 = []int{3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8}

func innOK(d string) bool {
	if len(d) == 10 {
		return innDigit(d, w10) == d[9]
	}
	return innDigit(d, w11) == d[10] && innDigit(d, w12) == d[11]
}

func gen(kind, nstr string) {
	n, _ := strconv.Atoi(nstr)
	rd := func(k int) string {
		var b strings.Builder
		for i := 0; i < k; i++ {
			b.WriteByte(byte('0' + rand.IntN(10)))
		}
		return b.String()
	}
	for i := 0; i < n; i++ {
		switch kind {
		case "card":
			pre := []string{"4276", "2202", "5536", "4279", "2200", "5469", "4377", "2204"}[rand.IntN(8)]
			d := pre + rd(11)
			for c := 0; c < 10; c++ {
				if luhn(d + string(byte('0'+c))) {
					d += string(byte('0' + c))
					break
				}
			}
			fmt.Println(d)
		case "snils":
			d := rd(9)
			fmt.Printf("%s%02d\n", d, snilsCtrl(d))
		case "inn10":
			d := rd(9)
			fmt.Println(d + string(innDigit(d, w10)))
		case "inn12":
			d := rd(10)
			d += string(innDigit(d, w11))
			fmt.Println(d + string(innDigit(d, w12)))
		}
	}
}

func writeStats(cases []*Case, path string) {
	type kv = map[string]int
	spans, forms, traps, doms := kv{}, map[string]kv{}, kv{}, kv{}
	segs := 0
	for _, c := range cases {
		doms[c.domain]++
		segs += len(c.Channels[0].Segments) + len(c.Channels[1].Segments)
		for _, s := range c.Spans {
			spans[s.Type]++
			if forms[s.Type] == nil {
				forms[s.Type] = kv{}
			}
			forms[s.Type][s.Form]++
		}
		for _, t := range c.Traps {
			traps[t.Type]++
		}
	}
	var b strings.Builder
	ns, nt := 0, 0
	for _, v := range spans {
		ns += v
	}
	for _, v := range traps {
		nt += v
	}
	fmt.Fprintf(&b, "cases %d, segments %d, spans %d, traps %d\n\n", len(cases), segs, ns, nt)
	b.WriteString("| span type | count | digits | words | mixed | corrected | spelled | other |\n|---|---|---|---|---|---|---|---|\n")
	for _, t := range sortedKeys(spans) {
		f := forms[t]
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d | %d | %d |\n", t, spans[t], f["digits"], f["words"], f["mixed"], f["corrected"], f["spelled"], f["other"])
	}
	b.WriteString("\n| trap kind | count |\n|---|---|\n")
	for _, t := range sortedKeys(traps) {
		fmt.Fprintf(&b, "| %s | %d |\n", t, traps[t])
	}
	b.WriteString("\n| domain | cases |\n|---|---|\n")
	for _, t := range sortedKeys(doms) {
		fmt.Fprintf(&b, "| %s | %d |\n", t, doms[t])
	}
	os.WriteFile(path, []byte(b.String()), 0o644)
	fmt.Print(b.String())
}

func sortedKeys(m map[string]int) []string {
	var k []string
	for x := range m {
		k = append(k, x)
	}
	sort.Strings(k)
	return k
}

// checkJoined checks numbers said in pieces: consecutive spans of one type
// are joined until they reach the full length, which must pass the check.
func checkJoined(c *Case) {
	full := map[string][]int{"card": {16}, "snils": {11}, "inn": {12, 10}, "account": {20}}
	for typ, lens := range full {
		acc := ""
		parts := 0
		for _, s := range c.Spans {
			if s.Type != typ {
				continue
			}
			toks := text.Tokenize(c.Channels[s.Ch].Segments[s.Seg].Text)[s.From:s.To]
			var ws []string
			for _, t := range toks {
				ws = append(ws, t.Norm)
			}
			d := digitsOf(strings.Join(ws, " "))
			if len(d) >= lens[0] {
				acc, parts = "", 0
				continue
			}
			acc += d
			parts++
			if parts > 1 && len(acc) == lens[0] {
				ok := true
				switch typ {
				case "card":
					ok = luhn(acc)
				case "snils":
					ok = snilsOK(acc)
				case "inn":
					ok = innOK(acc)
				}
				if !ok {
					fail("%s: joined %s %s fails its check", c.ID, typ, acc)
				}
				fmt.Fprintf(os.Stderr, "%s: joined %s %s ok=%v\n", c.ID, typ, acc, ok)
				acc, parts = "", 0
			} else if len(acc) > lens[0] {
				fmt.Fprintf(os.Stderr, "OVERSHOOT %s: %s pieces %s\n", c.ID, typ, acc)
				acc, parts = d, 1
			}
		}
	}
}

// warnTrap reports a trap whose digits would pass an identifier's check:
// a fair trap must not be indistinguishable from personal data.
func warnTrap(words string, ln int) {
	d := digitsOf(words)
	switch {
	case len(d) >= 13 && len(d) <= 19 && luhn(d):
		fmt.Fprintf(os.Stderr, "WARN line %d: trap %s passes Luhn\n", ln, d)
	case len(d) == 11 && snilsOK(d):
		fmt.Fprintf(os.Stderr, "WARN line %d: trap %s passes SNILS\n", ln, d)
	case (len(d) == 10 || len(d) == 12) && innOK(d):
		fmt.Fprintf(os.Stderr, "WARN line %d: trap %s passes INN\n", ln, d)
	case len(d) == 20:
		fmt.Fprintf(os.Stderr, "WARN line %d: trap %s has 20 digits\n", ln, d)
	}
	if len(d) >= 10 {
		fmt.Fprintf(os.Stderr, "long trap line %d: %s (%d)\n", ln, d, len(d))
	}
}
