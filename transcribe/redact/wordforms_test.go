package redact

import "testing"

// TestWordFormsNotBeginnings: the rules that read a word by its forms
// take no other word that begins as they do. A weekday before an hour
// makes a time of the number («в среду 12 34»), not «средний», «среди»,
// «средства» before a code; «наш» before a mailbox makes it the office's,
// not «нашли», «нашёл» before the client's read back.
func TestWordFormsNotBeginnings(t *testing.T) {
	checkTexts(t, []textCase{
		{"client", "код из смс средний 12 34", "код из смс средний [code]"},
		{"client", "код из смс средства 12 34", "код из смс средства [code]"},
		{"client", "код из смс хороший 12 34", "код из смс хороший [code]"},
		{"client", "код из смс в среду 12 34", ""},
		{"client", "запись на среду 12 30", ""},
		{"operator", "мы нашли i v a n o v собака mail точка ru", "мы нашли [email]"},
		{"operator", "нашли ivanov mail ru", "нашли [email] [email]"},
		{"operator", "мы видим i v a n o v собака mail точка ru", "мы видим [email]"},
		{"operator", "нашему i v a n o v собака mail точка ru", ""},
		{"operator", "пишите на наш адрес info собака mail точка ru", ""},
	})
}
