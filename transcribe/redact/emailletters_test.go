package redact

import "testing"

// TestLetterAsWordQuestion: «а как», «я как» before a word that does not
// start with the letter are talk, not a letter spelled as a word («е как
// елена»): rv26, session 21, over testdata/labelled/ru («ээ второй
// уровень а как к ним переключать», «а как зовут ребёнка», «а как
// сделать чтобы ...» masked as an e-mail's letters at 07210a02 and main).
func TestLetterAsWordQuestion(t *testing.T) {
	checkTexts(t, []textCase{
		{"client", "я писал вам на почту а как к вам проехать от метро", ""},
		{"client", "ответ пришёл на почту а как к ним обратиться", ""},
		{"client", "документы ушли на почту а как зовут мастера", ""},
		{"client", "письмо на почту получил спасибо а как сделать возврат", ""},
		{"client", "отправил на почту я как вы сказали", ""},
		{"client", "почта эм а как анна и эль собака мейл ру", "почта [email] [email]"},
	})
}
