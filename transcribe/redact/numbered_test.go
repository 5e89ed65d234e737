package redact

import "testing"

// TestTimeAfterDay: an hour and its minutes right after a day of the
// month in words are no code (causes block SS), but a card's expiry said
// as two ordinals, a month's and a year's, is no day: the CVV after it
// is the card's (review of session 21: the block's rule had left it
// unmasked).
func TestTimeAfterDay(t *testing.T) {
	checkCalls(t, []callCase{
		{"an appointment's day and hour", []string{"o: подтверждаю запись тринадцатого четырнадцать сорок к окулисту"},
			[]string{"o: подтверждаю запись тринадцатого четырнадцать сорок к окулисту"}},
		{"an expiry in ordinals and the CVV", []string{"c: хочу оплатить заказ картой", "o: диктуйте номер",
			"c: пять пять три шесть четыре семь один один шесть шесть четыре девять восемь семь девять пять",
			"o: срок и код с обратной стороны", "c: одиннадцатого двадцать восьмого семьсот двадцать"},
			[]string{"c: одиннадцатого двадцать восьмого [cvv]"}},
		{"an expiry in ordinals, a month under ten", []string{"o: срок действия и три цифры на обороте", "c: пятого тридцатого четыреста девятнадцать"},
			[]string{"c: пятого тридцатого [cvv]"}},
	})
}
