package main

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/callscope/callscope/schemas"
)

var ruUnits = strings.Fields("ноль один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать девятнадцать")
var ruTens = strings.Fields("_ _ двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто")
var ruHundreds = strings.Fields("_ сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот")
var enUnits = strings.Fields("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
var enTens = strings.Fields("_ _ twenty thirty forty fifty sixty seventy eighty ninety")

// words writes 0..9999 in words.
func (g *gen) words_(n int) string {
	if g.lang == "en" {
		return enWords(n)
	}
	var out []string
	if n >= 1000 {
		k := n / 1000
		switch k {
		case 1:
			out = append(out, "тысяча")
		case 2:
			out = append(out, "две тысячи")
		case 3, 4:
			out = append(out, ruUnits[k]+" тысячи")
		default:
			out = append(out, ruUnits[k]+" тысяч")
		}
		n %= 1000
	}
	if n >= 100 {
		out = append(out, ruHundreds[n/100])
		n %= 100
	}
	if n >= 20 {
		out = append(out, ruTens[n/10])
		n %= 10
		if n > 0 {
			out = append(out, ruUnits[n])
		}
	} else if n > 0 || len(out) == 0 {
		out = append(out, ruUnits[n])
	}
	return strings.Join(out, " ")
}

func enWords(n int) string {
	var out []string
	if n >= 1000 {
		out = append(out, enUnits[n/1000], "thousand")
		n %= 1000
	}
	if n >= 100 {
		out = append(out, enUnits[n/100], "hundred")
		n %= 100
	}
	if n >= 20 {
		out = append(out, enTens[n/10])
		n %= 10
		if n > 0 {
			out = append(out, enUnits[n])
		}
	} else if n > 0 || len(out) == 0 {
		out = append(out, enUnits[n])
	}
	return strings.Join(out, " ")
}

func (g *gen) num(n int) string {
	if g.words {
		return g.words_(n)
	}
	return fmt.Sprint(n)
}

var ruOrd = strings.Fields("нулевой первый второй третий четвёртый пятый шестой седьмой восьмой девятый десятый")
var ruOrdGen = strings.Fields("нулевого первого второго третьего четвёртого пятого шестого седьмого восьмого девятого десятого")
var enOrd = strings.Fields("zeroth first second third fourth fifth sixth seventh eighth ninth tenth")
var ruMonths = strings.Fields("января февраля марта апреля мая июня июля августа сентября октября ноября декабря")
var enMonths = strings.Fields("january february march april may june july august september october november december")

func ruPlural(n int, one, few, many string) string {
	switch {
	case n%10 == 1 && n%100 != 11:
		return one
	case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
		return few
	}
	return many
}

// number fills a numeric placeholder.
func (g *gen) number(key string) string {
	r := g.r
	en := g.lang == "en"
	switch key {
	case "sum":
		return g.num([]int{150, 300, 499, 1200, 2500, 780, 3400, 90, 650}[r.IntN(9)])
	case "days":
		n := 2 + r.IntN(9)
		if en {
			return g.num(n) + " days"
		}
		// genitive: «в течение трёх дней», «в течение 3 дней»
		if g.words {
			return strings.Fields("_ _ двух трёх четырёх пяти шести семи восьми девяти десяти")[n] + " дней"
		}
		return fmt.Sprint(n) + " дней"
	case "hours":
		n := 1 + r.IntN(4)
		if en {
			return g.num(n) + " hours"
		}
		return g.num(n) + " " + ruPlural(n, "часа", "часов", "часов")
	case "id":
		n := 1000 + r.IntN(90000)
		if g.words {
			// dictated in pairs or groups, as people do
			s := fmt.Sprint(n)
			var parts []string
			for len(s) > 0 {
				k := min(2, len(s))
				if len(s) == 3 {
					k = 3
				}
				v := 0
				fmt.Sscan(s[:k], &v)
				if s[0] == '0' {
					parts = append(parts, g.words_(0))
				}
				parts = append(parts, g.words_(v))
				s = s[k:]
			}
			return strings.Join(parts, " ")
		}
		return fmt.Sprint(n)
	case "num":
		return g.num(1 + r.IntN(120))
	case "num2":
		return g.num(1 + r.IntN(9))
	case "time":
		return g.num(8 + r.IntN(5))
	case "time2":
		return g.num(13 + r.IntN(6))
	case "phone":
		if g.words {
			prefix := "восемь девятьсот двенадцать "
			if en {
				prefix = "oh seven nine one two "
			}
			return prefix + g.words_(100+r.IntN(900)) + " " + g.words_(10+r.IntN(90)) + " " + g.words_(10+r.IntN(90))
		}
		if en {
			return fmt.Sprintf("07912 %d %02d %02d", 100+r.IntN(900), r.IntN(100), r.IntN(100))
		}
		return fmt.Sprintf("8 912 %d %02d %02d", 100+r.IntN(900), r.IntN(100), r.IntN(100))
	case "date":
		d, mo := 1+r.IntN(28), r.IntN(12)
		if en {
			return enMonths[mo] + " " + g.num(d)
		}
		if g.words && d <= 10 {
			return ruOrd[d][:len(ruOrd[d])-2] + "ое " + ruMonths[mo]
		}
		return fmt.Sprint(d) + " " + ruMonths[mo]
	case "nraz":
		n := 2 + r.IntN(4)
		if en {
			return g.num(n) + " times"
		}
		return g.num(n) + " " + ruPlural(n, "раз", "раза", "раз")
	case "nth":
		n := 2 + r.IntN(4)
		if en {
			if g.words {
				return enOrd[n]
			}
			return fmt.Sprint(n) + []string{"", "", "nd", "rd", "th", "th"}[n]
		}
		switch r.IntN(3) {
		case 0:
			return ruOrd[n]
		case 1:
			return fmt.Sprint(n) + "-й"
		}
		return fmt.Sprint(n)
	}
	panic("unknown placeholder " + key)
}

// Common recognizer slips: a word heard as a neighbour, split or merged.
var ruSlips = map[string][]string{
	"здравствуйте": {"здраствуйте", "здрасте", "здравствуй те"},
	"пожалуйста":   {"пожалуста", "пожалуйсто"},
	"сейчас":       {"щас", "сечас"},
	"вообще":       {"ваще", "во общем"},
	"что":          {"шо", "што"},
	"договор":      {"договору", "до говор"},
	"уже":          {"уж", "уже же"},
	"извините":     {"извените", "изините"},
	"свидания":     {"свидание", "свиданья"},
	"компания":     {"кампания", "компании"},
	"звонил":       {"звонить", "звонит"},
	"звонила":      {"звонило", "звонила бы"},
	"меня":         {"мне", "меня же"},
	"хорошо":       {"хоршо", "харашо"},
	"тоже":         {"то же"},
	"девушка":      {"девушк", "девушкa"},
	"ничего":       {"ничо", "ничё"},
	"понятно":      {"поняла", "понятна"},
}

var enSlips = map[string][]string{
	"calling":   {"call in", "colin"},
	"you":       {"ya", "u"},
	"going":     {"gonna", "goin"},
	"want":      {"wanna", "won't"},
	"thank":     {"thang", "think"},
	"goodbye":   {"good bye", "good by"},
	"because":   {"cause", "cuz"},
	"already":   {"all ready", "already"},
	"morning":   {"mourning", "morning"},
	"complaint": {"complain", "come plaint"},
}

// slip damages a text as a recognizer would, at the given rate per word;
// it never touches the negators, which would change what was said.
func slip(r *rand.Rand, lang, s string, rate float64) string {
	if rate == 0 {
		return s
	}
	table := ruSlips
	fillers := []string{"э", "ну", "вот", "м"}
	if lang == "en" {
		table, fillers = enSlips, []string{"uh", "um", "like", "so"}
	}
	ws := strings.Fields(s)
	var out []string
	for _, w := range ws {
		switch {
		case w == "не" || w == "нет" || w == "ни" || w == "not" || w == "no" || w == "never" || strings.HasSuffix(w, "n't"):
		case r.Float64() < rate && len(table[w]) > 0:
			w = table[w][r.IntN(len(table[w]))]
		case r.Float64() < rate/2 && len([]rune(w)) > 7:
			// a wrong ending: the stem survives
			rs := []rune(w)
			w = string(rs[:len(rs)-1])
		case r.Float64() < rate/2:
			out = append(out, fillers[r.IntN(len(fillers))])
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// transcript times the turns: about a third of a second a word, short
// gaps, now and then the client starts before the operator ends.
func transcript(r *rand.Rand, c call, slipRate float64) schemas.Transcript {
	tr := schemas.Transcript{CallID: c.id, Language: c.lang, ASR: schemas.ASRInfo{Adapter: "import", Model: "labelled-corpus"},
		Channels: []schemas.TranscriptChannel{{Role: schemas.RoleOperator}, {Role: schemas.RoleClient}}}
	t := 0.3 + r.Float64()
	for _, x := range c.turns {
		text := slip(r, c.lang, x.text, slipRate)
		n := len(strings.Fields(text))
		d := float64(n)*(0.28+r.Float64()*0.12) + 0.2
		seg := schemas.Segment{Start: round(t), End: round(t + d), Text: text}
		ch := 0
		if x.role == "client" {
			ch = 1
		}
		tr.Channels[ch].Segments = append(tr.Channels[ch].Segments, seg)
		gap := 0.2 + r.Float64()*1.2
		if r.IntN(8) == 0 {
			gap = -0.4
		}
		t += d + gap
	}
	tr.Duration = round(t + 0.5)
	return tr
}

func round(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }
