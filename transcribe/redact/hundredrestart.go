package redact

// hundredRestart reports whether a zone is a CVV's hundred said, dropped
// and said again with the rest («сто э сто девятнадцать», «пятьсот
// пятьсот двенадцать»: 100 then 119, six digits no CVV has; causes block
// TJ, ct): a round hundred alone, then groups opening with its digit
// that make three digits. The false start is the CVV's too.
func (s *scan) hundredRestart(z *zone) bool {
	g := s.zoneGroups(z)
	if len(g) < 2 || len(g) > 3 {
		return false
	}
	a := s.digits(g[0].from, g[0].to)
	if len(a) != 3 || a[0] == '0' || a[1:] != "00" {
		return false
	}
	rest := s.digits(g[1].from, g[len(g)-1].to)
	return len(rest) == 3 && rest[0] == a[0]
}
