package redact

import "testing"

// TestReview22cEnglishPlaceAddress: review rv22c of lane i13en22's house
// and street closing their sentence (enHouse): a business's, an office's
// or a meeting place's address, the channel going on after it, is no
// client's home (enPlaceAddress); the client's own stays masked.
func TestReview22cEnglishPlaceAddress(t *testing.T) {
	checkCallsEN(t, []callCase{
		{"our store", en("o: thanks john our store is at forty five main street", "o: we open at nine", "c: great thanks"),
			[]string{"o: thanks john our store is at forty five main street"}},
		{"our office", en("o: our office is at twelve high street", "o: we're open till five", "c: ok i'll come by"),
			[]string{"o: our office is at twelve high street"}},
		{"our warehouse", en("o: your order will ship from our warehouse at 200 industrial way", "o: it takes two days", "c: ok thanks"),
			[]string{"o: your order will ship from our warehouse at 200 industrial way"}},
		{"a drop off location", en("o: the nearest drop off location is 75 main street", "o: they close at six", "c: ok"),
			[]string{"o: the nearest drop off location is 75 main street"}},
		{"a meeting", en("c: the meeting is at 4 church street", "c: at ten", "o: okay"),
			[]string{"c: the meeting is at 4 church street"}},
		{"an office after it", en("o: thank you for calling how can i help", "c: we're at twelve oak lane office", "c: the one by the park"),
			[]string{"c: we're at twelve oak lane office"}},
		{"a station after it", en("o: where would you like to meet the technician", "c: meet at five main street station", "c: around noon"),
			[]string{"c: meet at five main street station"}},
		{"the client's home", en("o: can you confirm the first line of the address", "c: 14 kestrel road", "o: thanks bear with me"),
			[]string{"c: [address]"}},
		{"moving out of", en("o: thanks i see the note moving out of 14 holly road", "c: that's right"),
			[]string{"o: thanks i see the note moving out of [address]"}},
		{"i live now", en("o: the address we have is 1120 west 5th street apartment 8", "c: no that's old i live now 77 pine avenue", "o: you'll need a form"),
			[]string{"c: no that's old i live now [address]"}},
	})
}

// TestReview22cBirthReadBackRecentYear: review rv22c of lane i13birth22's
// read-back in digits (birthDigitsReadBack): a date of the masked date of
// birth's day and month with a recent year is a payment's or a visit's on
// the birthday when the date of birth was said with no year, or when its
// year alone differs from the read-back's; the read-back itself and a
// record's version stay masked.
func TestReview22cBirthReadBackRecentYear(t *testing.T) {
	ru := func(lines ...string) []string { return lines }
	checkCalls(t, []callCase{
		{"a payment, no year said", ru("o: назовите дату рождения", "c: пятое сентября", "o: 05 09 2025 был последний платеж"),
			[]string{"o: 05 09 2025 был последний платеж"}},
		{"a visit, two digits", ru("o: назовите дату рождения", "c: пятое сентября", "o: 05 09 24 вы были у нас на приеме"),
			[]string{"o: 05 09 24 вы были у нас на приеме"}},
		{"a birthday's appointment", ru("o: когда у вас день рождения", "c: пятого сентября", "o: 05 09 2025 записала вас на прием"),
			[]string{"o: 05 09 2025 записала вас на прием"}},
		{"a payment after the read-back", ru("o: назовите дату рождения", "c: пятое сентября пятьдесят девятого", "o: 05 09 59 платеж 05 09 25 прошел"),
			[]string{"o: [birthdate] платеж 05 09 25 прошел"}},
		{"the record's year", ru("o: назовите дату рождения", "c: пятое сентября пятьдесят девятого", "o: 05 09 59 а в анкете у вас 05 09 58"),
			[]string{"o: [birthdate] а в анкете у вас [birthdate]"}},
		{"read back with its year", ru("o: назовите дату рождения", "c: третье ноября шестьдесят второго", "o: 03 11 1962 а полис у него есть"),
			[]string{"o: [birthdate] а полис у него есть"}},
	})
}

// TestReview22cIssueDateNoPassport: review rv22c of lane i13birth22's
// issue dates (birthInside, birthSibling skip a date after «выдан»): the
// passport's cue read the same date as the passport's number; a date in
// digits right after an issue word is the document's issue date
// (issueDateDigits), the number said before it stays masked.
func TestReview22cIssueDateNoPassport(t *testing.T) {
	ru := func(lines ...string) []string { return lines }
	checkCalls(t, []callCase{
		{"after a date of birth", ru("o: дата рождения", "c: двенадцатое марта восьмидесятого", "o: паспорт выдан 12 03 2000"),
			[]string{"c: [birthdate]", "o: паспорт выдан 12 03 2000"}},
		{"asked for", ru("o: скажите когда паспорт выдан", "c: паспорт выдан 12 03 2000"),
			[]string{"c: паспорт выдан 12 03 2000"}},
		{"said unasked", ru("c: у меня паспорт выдан 14 05 2015", "o: хорошо"),
			[]string{"c: у меня паспорт выдан 14 05 2015"}},
		{"the number before it", ru("o: назовите паспорт", "c: паспорт 4510 123456 выдан 12 03 2010"),
			[]string{"c: паспорт [passport] выдан 12 03 2010"}},
	})
}

// TestReview22cEnglishThingNameAfterName: review rv22c of lane i13en22's
// thing's name asked (enNoPersonAsked): a question for a pet's or a
// thing's name after the question for the client's is the one the next
// answer answers (askedSinceName), no person's name; the client's own
// name stays masked.
func TestReview22cEnglishThingNameAfterName(t *testing.T) {
	checkCallsEN(t, []callCase{
		{"the dog's name", en("o: can i get your name please", "c: sarah jones", "o: and what's the name of your dog", "c: max"),
			[]string{"c: [name]", "c: max"}},
		{"the name on the package", en("o: can i get your name please", "c: sarah jones", "o: and what's the name on the package", "c: acme supplies"),
			[]string{"c: [name]", "c: acme supplies"}},
		{"the name again", en("o: can i get your name please", "c: sarah", "o: and your last name", "c: jones"),
			[]string{"c: [name]"}},
	})
}
