package redact

import "fmt"

// CheckRuleOuts has every zone plainNumber rules out classified all the
// same, until the returned function is called: it reports how many zones
// were ruled out and, for each that classify would have typed, what it
// would have (its digits and type), so that TestRuleOutSame can hold the
// rule-out to classify's answers.
func CheckRuleOuts() (done func() (ruled int, typed []string)) {
	ruled, typed := 0, []string(nil)
	ruleOutCheck = func(s *scan, z zone, prevEnd int) {
		ruled++
		if typ, _ := s.classify(&z, prevEnd); typ != "" {
			typed = append(typed, fmt.Sprintf("%s: %s", s.zoneDigits(&z), typ))
		}
	}
	return func() (int, []string) {
		ruleOutCheck = nil
		return ruled, typed
	}
}

// Ungated runs every rule the gates skip until the returned function is
// called (TestGatesSame).
func Ungated() (done func()) {
	ungated = true
	return func() { ungated = false }
}
