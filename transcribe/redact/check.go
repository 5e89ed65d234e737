package redact

// luhn reports whether the digits pass the Luhn check (bank cards).
func luhn(d string) bool {
	sum := 0
	double := false
	for i := len(d) - 1; i >= 0; i-- {
		v := int(d[i] - '0')
		if double {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		double = !double
	}
	return sum%10 == 0
}

// snilsOK checks the SNILS control number (the last two of 11 digits).
func snilsOK(d string) bool {
	if len(d) != 11 {
		return false
	}
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(d[i]-'0') * (9 - i)
	}
	var c int
	switch {
	case sum < 100:
		c = sum
	case sum == 100 || sum == 101:
		c = 0
	default:
		c = sum % 101
		if c == 100 {
			c = 0
		}
	}
	return c == int(d[9]-'0')*10+int(d[10]-'0')
}

// innOK checks the INN control digits (10 digits: organisations, 12:
// people).
func innOK(d string) bool {
	ctl := func(w []int) int {
		s := 0
		for i, k := range w {
			s += k * int(d[i]-'0')
		}
		return s % 11 % 10
	}
	switch len(d) {
	case 10:
		return ctl([]int{2, 4, 10, 3, 5, 9, 4, 6, 8}) == int(d[9]-'0')
	case 12:
		return ctl([]int{7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) == int(d[10]-'0') &&
			ctl([]int{3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) == int(d[11]-'0')
	}
	return false
}
