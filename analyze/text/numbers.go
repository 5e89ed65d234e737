package text

import "strings"

// numbersVersion changes whenever the number tables change what matches.
const numbersVersion = "1"

// Num is the value of a number word or of digits, so that «3», «три» and
// «three» compare equal, and «3-й», «третий» and «3rd» too.
type Num struct {
	Value int
	// Ordinal: «третий», «3-й», «third», «3rd».
	Ordinal bool
	// Digits: written as digits without an ordinal suffix. Speech
	// recognizers write «третий раз» as «3 раз» as often as «3-й раз», so
	// a bare digit matches both a cardinal and an ordinal phrase.
	Digits bool
	// Kind says how the word combines with the next one.
	Kind NumKind
}

// NumKind says how a number word combines with its neighbour.
type NumKind uint8

// Number word kinds.
const (
	// NumPlain stands alone: «пять», «15», «сто».
	NumPlain NumKind = iota
	// NumTens may take a unit after it: «двадцать» (пять).
	NumTens
	// NumSuffix is an ordinal ending written apart from digits: the «й» of
	// «3-й».
	NumSuffix
)

// ParseNumber reads one normalized word (see Tokenize) of lang as a number:
// digits, digits with an ordinal ending («3й», «21st»), or a number word
// from zero to a hundred in any case («трёх», «пятью», «третьего»).
func ParseNumber(lang, w string) (Num, bool) {
	if w == "" {
		return Num{}, false
	}
	if w[0] >= '0' && w[0] <= '9' {
		return parseDigits(lang, w)
	}
	tables := numberWords[lang]
	if tables == nil {
		return Num{}, false
	}
	n, ok := tables[w]
	return n, ok
}

func parseDigits(lang, w string) (Num, bool) {
	v, i := 0, 0
	for ; i < len(w) && w[i] >= '0' && w[i] <= '9'; i++ {
		if i >= 8 {
			return Num{}, false // a phone or contract number: not a count
		}
		v = v*10 + int(w[i]-'0')
	}
	if i == len(w) {
		return Num{Value: v, Digits: true}, true
	}
	if ordinalSuffixes[lang][w[i:]] {
		return Num{Value: v, Ordinal: true}, true
	}
	return Num{}, false
}

// ComposeNumber reads the number that starts at word 0 of a sequence of n
// words, where at(j) parses word j (see ParseNumber). It joins digits and
// a detached ordinal ending («3 й» from «3-й») and tens with a unit
// («двадцать пять», «twenty-first»), and returns the number and how many
// words it spans; 0 words means no number starts there.
func ComposeNumber(n int, at func(j int) (Num, bool)) (Num, int) {
	if n == 0 {
		return Num{}, 0
	}
	first, ok := at(0)
	if !ok || first.Kind == NumSuffix {
		return Num{}, 0
	}
	if n == 1 {
		return first, 1
	}
	next, ok := at(1)
	switch {
	case !ok:
	case first.Digits && next.Kind == NumSuffix:
		return Num{Value: first.Value, Ordinal: true}, 2
	case first.Kind == NumTens && !first.Ordinal && !next.Digits && next.Kind == NumPlain && next.Value >= 1 && next.Value <= 9:
		return Num{Value: first.Value + next.Value, Ordinal: next.Ordinal}, 2
	}
	if first.Kind == NumSuffix {
		return Num{}, 0
	}
	first.Kind = NumPlain
	return first, 1
}

// numberWords maps every form of a number word to its value, per language.
var numberWords = map[string]map[string]Num{
	"ru": ruNumbers(),
	"en": enNumbers(),
}

// ordinalSuffixes are the endings written after digits: «3-й», «5-го»,
// «3rd».
var ordinalSuffixes = map[string]map[string]bool{
	"ru": set("й", "я", "е", "го", "му", "м", "ю", "х", "ми", "ый", "ой", "ий", "ая", "ое", "ого", "ому", "ом", "ым", "ую", "ых", "ье", "ья", "ьего"),
	"en": set("st", "nd", "rd", "th"),
}

func set(words ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words {
		m[w] = true
	}
	return m
}

func ruNumbers() map[string]Num {
	m := map[string]Num{}
	card := func(v int, kind NumKind, forms ...string) {
		for _, f := range forms {
			m[f] = Num{Value: v, Kind: kind}
		}
	}
	// Cardinals in their case forms. «семью» (also "family") and «одни»
	// ("alone") are left out: they are more often words than numbers.
	card(0, NumPlain, "ноль", "нуль", "ноля", "нуля", "нолю", "нулю", "нолем", "нулем")
	card(1, NumPlain, "один", "одна", "одно", "одного", "одной", "одну", "одному", "одним", "одном")
	card(2, NumPlain, "два", "две", "двух", "двум", "двумя")
	card(3, NumPlain, "три", "трех", "трем", "тремя")
	card(4, NumPlain, "четыре", "четырех", "четырем", "четырьмя")
	card(5, NumPlain, "пять", "пяти", "пятью")
	card(6, NumPlain, "шесть", "шести", "шестью")
	card(7, NumPlain, "семь", "семи")
	card(8, NumPlain, "восемь", "восьми", "восемью", "восьмью")
	card(9, NumPlain, "девять", "девяти", "девятью")
	card(10, NumPlain, "десять", "десяти", "десятью")
	for i, base := range []string{"одиннадцат", "двенадцат", "тринадцат", "четырнадцат", "пятнадцат", "шестнадцат", "семнадцат", "восемнадцат", "девятнадцат"} {
		card(11+i, NumPlain, base+"ь", base+"и", base+"ью")
	}
	card(20, NumTens, "двадцать", "двадцати", "двадцатью")
	card(30, NumTens, "тридцать", "тридцати", "тридцатью")
	card(40, NumTens, "сорок", "сорока")
	card(50, NumTens, "пятьдесят", "пятидесяти", "пятьюдесятью")
	card(60, NumTens, "шестьдесят", "шестидесяти", "шестьюдесятью")
	card(70, NumTens, "семьдесят", "семидесяти", "семьюдесятью")
	card(80, NumTens, "восемьдесят", "восьмидесяти", "восемьюдесятью")
	card(90, NumTens, "девяносто", "девяноста")
	card(100, NumPlain, "сто", "ста")

	hard := []string{"ый", "ой", "ая", "ое", "ые", "ого", "ому", "ым", "ом", "ую", "ых", "ыми"}
	ord := func(v int, base string, endings []string) {
		for _, e := range endings {
			if e == "ый" && strings.HasSuffix(base, "р") && v == 2 {
				continue // «второй», not «вторый»
			}
			m[base+e] = Num{Value: v, Ordinal: true}
		}
	}
	ord(0, "нулев", hard)
	ord(1, "перв", hard)
	ord(2, "втор", hard)
	ord(3, "трет", []string{"ий", "ья", "ье", "ьи", "ьего", "ьему", "ьим", "ьем", "ью", "ьих", "ьими"})
	for v, base := range map[int]string{4: "четверт", 5: "пят", 6: "шест", 7: "седьм", 8: "восьм", 9: "девят", 10: "десят",
		11: "одиннадцат", 12: "двенадцат", 13: "тринадцат", 14: "четырнадцат", 15: "пятнадцат", 16: "шестнадцат",
		17: "семнадцат", 18: "восемнадцат", 19: "девятнадцат", 20: "двадцат", 30: "тридцат", 40: "сороков",
		50: "пятидесят", 60: "шестидесят", 70: "семидесят", 80: "восьмидесят", 90: "девяност", 100: "сот"} {
		ord(v, base, hard)
	}
	for s := range ordinalSuffixes["ru"] {
		if _, taken := m[s]; !taken {
			m[s] = Num{Kind: NumSuffix}
		}
	}
	return m
}

func enNumbers() map[string]Num {
	m := map[string]Num{}
	units := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	ords := []string{"zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"}
	for v := range units {
		m[units[v]] = Num{Value: v}
		m[ords[v]] = Num{Value: v, Ordinal: true}
	}
	tens := []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	for i, t := range tens {
		v := 20 + 10*i
		m[t] = Num{Value: v, Kind: NumTens}
		m[strings.TrimSuffix(t, "y")+"ieth"] = Num{Value: v, Ordinal: true}
	}
	m["hundred"] = Num{Value: 100}
	m["hundredth"] = Num{Value: 100, Ordinal: true}
	for s := range ordinalSuffixes["en"] {
		if _, taken := m[s]; !taken {
			m[s] = Num{Kind: NumSuffix}
		}
	}
	return m
}
