package redact

import "testing"

// TestExpiryWordsThenCode: «срок и код» answered in words with a one-word
// month (causes block SH) is the expiry and the CVV; a code of six digits
// said later in hundreds is no expiry and CVV, though the questions for
// them were asked a few turns before (found on a held-out set).
func TestExpiryWordsThenCode(t *testing.T) {
	checkCalls(t, []callCase{
		{"a one-word month, the year and the CVV", []string{"c: оплачу картой 4276 3801 2345 6782", "o: срок и код на обороте", "c: девять двадцать шесть ноль сорок семь"},
			[]string{"c: девять двадцать шесть [cvv]"}},
		{"an SMS code in hundreds after the CVV", []string{"o: номер карты", "c: 2200 6146 3911 4869", "o: срок", "c: ноль девять двадцать восемь", "o: и три цифры на обороте",
			"c: семьсот двенадцать", "o: 712 списываем пять тысяч подтвердите кодом из смс", "c: двести двадцать один семьсот"},
			[]string{"c: [code]"}},
	})
}
