package redact

import "testing"

// TestOperatorNameBeforeCue: the operator's own name said before «меня
// зовут» (issue 13, item 2: the operator's own name stays), on the
// operator's channel and on a mixed one with the operator's words; the
// client's said so is masked.
func TestOperatorNameBeforeCue(t *testing.T) {
	checkTexts(t, []textCase{
		{"operator", "анна петрова меня зовут слушаю вас", ""},
		{"operator", "добрый день анна сергеевна меня зовут чем могу помочь", ""},
		{"operator", "петрова анна меня зовут", ""},
		{"operator", "мфц мои документы ольга викторовна зовут меня", ""},
		{"mixed", "служба доставки здравствуйте марина олеговна меня зовут", ""},
		// The client's own, and another person's name in the operator's sentence.
		{"client", "анна петрова меня зовут", "[name] меня зовут"},
		{"client", "здравствуйте ольга викторовна меня зовут я по записи", "здравствуйте [name] меня зовут я по записи"},
		{"operator", "анна меня зовут а заявка оформлена на соколову ирину петровну", "анна меня зовут а заявка оформлена на [name]"},
	})
}
