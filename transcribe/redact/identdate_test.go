package redact

import "testing"

// TestIdentifierBeforeDate: a date in digits and its month said right
// after an identifier in groups of digits ends the identifier's run,
// whatever its last group's length: the identifier and the date are
// each masked (the run took the day, and nothing was masked).
func TestIdentifierBeforeDate(t *testing.T) {
	checkTexts(t, []textCase{
		{"client", "снилс 123 456 789 01 3 января 2017", "снилс [snils] [birthdate]"},
		{"client", "снилс 123 456 789 01 12 мая 2015", "снилс [snils] [birthdate]"},
		{"client", "мой паспорт 4510 123456 12 мая 2015", "мой паспорт [passport] [birthdate]"},
		{"client", "телефон 8 916 204 33 17 12 мая", "телефон [phone] 12 мая"},
		{"client", "снилс 123 456 789 01", "снилс [snils]"},
	})
}
