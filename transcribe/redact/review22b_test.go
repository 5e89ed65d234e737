package redact

import "testing"

// TestReview22b: review rv22b of lane i13num22's rules on ordinary
// calls: what the lane's new readings took for a card's halves, a card's
// end or a date of birth corrected from a record, and an English
// account number masked after «last» of a time in the sentence before
// (the lane's eight digits of an account's end widened it: labelled
// en/blind13 ebd-0002, en/blind22 ebm-0001).
func TestReview22b(t *testing.T) {
	checkCalls(t, []callCase{
		// Two sums said with words between them are no card's halves.
		{"two sums after a card's word", []string{"c: картой платила 5490 а потом 6120", "o: да"},
			[]string{"c: картой платила 5490 а потом 6120"}},
		{"two sums in words", []string{"c: на карту тридцать пять пятьдесят а потом сорок один двадцать", "o: да"},
			[]string{"c: на карту тридцать пять пятьдесят а потом сорок один двадцать"}},
		{"two sums, «потом»", []string{"c: картой платила 5490 потом 6120", "o: да"},
			[]string{"c: картой платила 5490 потом 6120"}},
		// Two round sums, their «и» lost.
		{"two round sums", []string{"c: картой 3490 2990", "o: да"}, []string{"c: картой 3490 2990"}},
		{"two round sums not come", []string{"c: на карту 4450 5550 не пришло", "o: да"}, []string{"c: на карту 4450 5550 не пришло"}},
		{"four round pairs", []string{"c: с карты 30 40 50 60", "o: да"}, []string{"c: с карты 30 40 50 60"}},
		{"Mir's halves", []string{"o: на карту 2200 9430 верно", "c: да"}, []string{"o: на карту [card] верно"}},
		// «в конце месяца» is when, not the card's last four.
		{"a sum at the month's end", []string{"c: с карты автоплатежа 3490 в конце месяца", "o: понятно"},
			[]string{"c: с карты автоплатежа 3490 в конце месяца"}},
		// The lane's own shapes stay.
		{"a card's halves", []string{"o: оплата прошла картой 2200 9437 верно", "c: да моя"},
			[]string{"o: оплата прошла картой [card] верно"}},
		{"first four and last four", []string{"o: на карту оплаты 5469 в конце 6485", "c: да"},
			[]string{"o: на карту оплаты [card] в конце [card]"}},
		// A payment's date corrected from the record, the client's
		// answer to another question before it: no date of birth.
		{"a payment's date corrected", []string{"o: ваша дата рождения", "c: пятое апреля восемьдесят первого",
			"o: спасибо когда был последний платеж", "c: пятнадцатого мая", "o: нет у нас в системе двадцатое мая", "c: ну может быть"},
			[]string{"o: нет у нас в системе двадцатое мая"}},
		{"a date of birth corrected from the record", []string{"o: дата рождения", "c: двенадцатое мая восемьдесят первого",
			"o: нет у нас в профиле двенадцатое июня", "c: ой да июня"},
			[]string{"c: [birthdate]", "o: нет у нас в профиле [birthdate]"}},
		// «последний» of a payment in the client's sentence before the
		// operator's question cues no account's end (review rv22b).
		{"the last payment, then the account asked", []string{"c: у меня последний платеж не прошел", "o: назовите номер счета", "c: 12 34 56 78"},
			[]string{"c: 12 34 56 78"}},
		{"an account's last digits asked", []string{"o: назовите последние цифры счёта", "c: три три восемь один два ноль четыре"},
			[]string{"c: [account]"}},
		{"a card's last digits said before an «угу»", []string{"c: у меня последние цифры карты", "o: угу", "c: 4 4 0 7"},
			[]string{"c: [card]"}},
		// A date answering the operator's next question, the date of
		// birth given (main's birthContext, seen with the lane's
		// correction from a record chained on it).
		{"a payment's date after the date of birth", []string{"o: ваша дата рождения", "c: пятое апреля восемьдесят первого",
			"o: спасибо когда был последний платеж", "c: пятнадцатого мая"}, []string{"c: [birthdate]", "c: пятнадцатого мая"}},
		{"a date of birth after the operator waits", []string{"o: ваша дата рождения", "c: ой сейчас", "o: не торопитесь я подожду",
			"c: пятое апреля восемьдесят первого"}, []string{"c: [birthdate]"}},
		{"a date of birth said again", []string{"o: ваша дата рождения", "c: третье марта девяносто первого", "o: простите не расслышала повторите пожалуйста",
			"c: третье марта тысяча девятьсот девяносто первого"}, []string{"c: [birthdate]", "c: [birthdate]"}},
		{"a date of birth confirmed after a read-back", []string{"o: дата рождения", "c: 2 2 2010", "o: второе февраля", "c: да второе февраля"},
			[]string{"c: [birthdate]", "c: да [birthdate]"}},
		// Two digits «только ... видно» after an SMS code's cue of the
		// client's: a signal's bars, no CVV's digits worn.
		{"a signal's bars", []string{"c: код из смс не приходит", "o: сколько делений сети", "c: только 15 видно"},
			[]string{"c: только 15 видно"}},
		{"a worn CVV's two digits", []string{"c: код сзади почти стёрся", "o: а что видно", "c: только три восемь видно"},
			[]string{"c: только [cvv] видно"}},
	})
	checkCallsEN(t, []callCase{
		{"an account number after last month", []string{"o: metro water billing james speaking",
			"c: yeah hi just wondering why my bill went up it's like 40 dollars more than last month",
			"o: let me look account number please", "c: 7 7 0 3 1 5 2"}, []string{"c: 7 7 0 3 1 5 2"}},
		{"an account number after last thursday", []string{"o: can i get the account number please",
			"c: i called last thursday about it already", "c: it's 8 8 1 0 4 4 2 7"}, []string{"c: it's 8 8 1 0 4 4 2 7"}},
		{"the last four kept masked", []string{"o: which card is it", "c: the visa last four 7 0 3 8"},
			[]string{"c: the visa last [card]"}},
	})
}
