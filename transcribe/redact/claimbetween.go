package redact

// otherClaimBetween reports whether, typ (a typeIndex) being a card's, a CVV
// or a code was masked on any channel after from and before at: said
// between a card read back and the number at, which then goes on with
// no card («[card] код» — «[cvv]» — «спасибо пять тысяч восемьсот»: the
// amount; causes block TI, ct). (Not a phone's read-back typed another
// way between its parts: the client's next digit goes on with it.)
func otherClaimBetween(all []*scan, typ uint8, from, at float64) bool {
	if typeAt[typ] != Card {
		return false
	}
	for _, o := range all {
		for k := 0; o != nil && k < len(o.nclaims); k++ {
			if c := &o.nclaims[k]; (typeAt[c.typ] == CVV || typeAt[c.typ] == Code) && c.from > from && c.at <= at+0.5 {
				return true
			}
		}
	}
	return false
}
