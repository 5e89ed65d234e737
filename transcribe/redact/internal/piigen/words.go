package piigen

import (
	"strconv"
	"strings"
)

var (
	ruUnits = []string{"ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"}
	ruTeens = []string{"десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"}
	ruTens  = []string{"", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"}
	ruHund  = []string{"", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот"}
	// genitive ordinals, for dates: «пятого марта»
	ruOrdUnits = []string{"нулевого", "первого", "второго", "третьего", "четвертого", "пятого", "шестого", "седьмого", "восьмого", "девятого"}
	ruOrdTeens = []string{"десятого", "одиннадцатого", "двенадцатого", "тринадцатого", "четырнадцатого", "пятнадцатого", "шестнадцатого", "семнадцатого", "восемнадцатого", "девятнадцатого"}
	ruOrdTens  = []string{"", "", "двадцатого", "тридцатого", "сорокового", "пятидесятого", "шестидесятого", "семидесятого", "восьмидесятого", "девяностого"}
	ruMonthsG  = []string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}

	enUnits = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}
	enTeens = []string{"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	enTens  = []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
)

// ruUnder1000 says 0 < n < 1000 in words.
func ruUnder1000(n int) []string {
	var w []string
	if n >= 100 {
		w = append(w, ruHund[n/100])
		n %= 100
	}
	switch {
	case n >= 20:
		w = append(w, ruTens[n/10])
		if n%10 != 0 {
			w = append(w, ruUnits[n%10])
		}
	case n >= 10:
		w = append(w, ruTeens[n-10])
	case n > 0:
		w = append(w, ruUnits[n])
	}
	return w
}

func enUnder1000(n int) []string {
	var w []string
	if n >= 100 {
		w = append(w, enUnits[n/100], "hundred")
		n %= 100
	}
	switch {
	case n >= 20:
		w = append(w, enTens[n/10])
		if n%10 != 0 {
			w = append(w, enUnits[n%10])
		}
	case n >= 10:
		w = append(w, enTeens[n-10])
	case n > 0:
		w = append(w, enUnits[n])
	}
	return w
}

// groupWords says a digit group as a dictating person does: leading zeros
// one by one («ноль пять»), the rest as one number («девятьсот шестнадцать»).
func groupWords(lang, g string) []string {
	units, under := ruUnits, ruUnder1000
	if lang == "en" {
		units, under = enUnits, enUnder1000
	}
	var w []string
	for len(g) > 1 && g[0] == '0' {
		w = append(w, units[0])
		g = g[1:]
	}
	n, _ := strconv.Atoi(g)
	if n == 0 {
		return append(w, units[0])
	}
	if len(g) > 3 {
		for _, c := range g {
			w = append(w, units[c-'0'])
		}
		return w
	}
	return append(w, under(n)...)
}

// digitWords says each digit: «один два три».
func digitWords(lang, g string) []string {
	units := ruUnits
	if lang == "en" {
		units = enUnits
	}
	var w []string
	for _, c := range g {
		w = append(w, units[c-'0'])
	}
	return w
}

// ruAmount says an amount in words: «тысяча двести», «пятнадцать тысяч
// четыреста тридцать».
func ruAmount(n int) []string {
	if n == 0 {
		return []string{"ноль"}
	}
	var w []string
	if t := n / 1000; t > 0 {
		switch {
		case t == 1:
			w = append(w, "тысяча")
		default:
			tw := ruUnder1000(t)
			last := tw[len(tw)-1]
			if last == "один" {
				tw[len(tw)-1] = "одна"
			} else if last == "два" {
				tw[len(tw)-1] = "две"
			}
			w = append(w, tw...)
			switch {
			case t%100 >= 11 && t%100 <= 19:
				w = append(w, "тысяч")
			case t%10 == 1:
				w = append(w, "тысяча")
			case t%10 >= 2 && t%10 <= 4:
				w = append(w, "тысячи")
			default:
				w = append(w, "тысяч")
			}
		}
	}
	if r := n % 1000; r > 0 {
		w = append(w, ruUnder1000(r)...)
	}
	return w
}

// ruOrdinalGen says n (1..99) as a genitive ordinal: «двадцать пятого».
func ruOrdinalGen(n int) []string {
	switch {
	case n >= 20:
		if n%10 == 0 {
			return []string{ruOrdTens[n/10]}
		}
		return []string{ruTens[n/10], ruOrdUnits[n%10]}
	case n >= 10:
		return []string{ruOrdTeens[n-10]}
	}
	return []string{ruOrdUnits[n]}
}

// ruYearGen says a year as a genitive ordinal: «тысяча девятьсот
// восемьдесят пятого», «две тысячи третьего», «двухтысячного».
func ruYearGen(y int, short bool) []string {
	if y == 2000 {
		return []string{"двухтысячного"}
	}
	if short {
		return ruOrdinalGen(y % 100)
	}
	var w []string
	if y >= 2000 {
		w = []string{"две", "тысячи"}
	} else {
		w = []string{"тысяча", ruHund[(y/100)%10]}
	}
	return append(w, ruOrdinalGen(y%100)...)
}

func join(ws ...[]string) string {
	var all []string
	for _, w := range ws {
		all = append(all, w...)
	}
	return strings.Join(all, " ")
}
