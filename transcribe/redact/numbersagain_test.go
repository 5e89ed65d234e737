package redact

import "testing"

// TestBirthPartsAgain: a date of birth's parts said again after it was
// masked (lane i13aggA21, session 21, causes block RA, from the misses
// of all the authors' sets together): read back in another form, confirmed
// with its day or its year, its missing part given to «а год», «а число»
// — and, next to each, what stays: an appointment on the birthday, a sum,
// a year after a preposition. A year alone with «год» a few words into the
// answer (block RJ: ci), not a count of years. A second date of birth
// said year first in the sentence of a masked one (block RK: co), not one
// after a preposition. The rest of a number in hundreds is no date (block
// RL: cg, co).
func TestBirthPartsAgain(t *testing.T) {
	checkCalls(t, []callCase{
		{"read back in digits", []string{"o: дата рождения", "c: 8 сентября 1984", "o: 08 09 84", "c: восьмое да восемьдесят четвёртый"},
			[]string{"c: [birthdate]", "o: [birthdate]", "c: [birthdate] да [birthdate]"}},
		{"its year confirmed", []string{"o: дата рождения", "c: двадцать второе шестое восемьдесят", "o: это тысяча девятьсот восьмидесятого", "c: восьмидесятого да"},
			[]string{"c: [birthdate]", "c: [birthdate] да"}},
		{"the year asked for", []string{"o: дата рождения владельца", "c: мне 45 исполнилось 12 мая", "o: а год", "c: ну посчитайте восьмидесятый"},
			[]string{"c: ну посчитайте [birthdate]"}},
		{"the day asked for", []string{"o: год рождения", "c: тысяча девятьсот восемьдесят первый", "o: а число", "c: тридцатого апреля"},
			[]string{"c: [birthdate]", "c: [birthdate]"}},
		{"the month named again", []string{"o: дата рождения гостя", "c: пятнадцатое девятого восемьдесят второго ну сентябрь"},
			[]string{"c: [birthdate] ну [birthdate]"}},
		{"an appointment on the birthday", []string{"o: дата рождения", "c: 12 апреля 1985", "o: запись на 12 апреля в 10 30 подходит"},
			[]string{"c: [birthdate]", "o: запись на 12 апреля в 10 30 подходит"}},
		{"a sum of the year's digits", []string{"o: дата рождения для бонусной карты", "c: 7 августа 1990", "o: скидка в день рождения и подарок за 1990 рублей"},
			[]string{"c: [birthdate]", "o: скидка в день рождения и подарок за 1990 рублей"}},
		{"a year after a preposition", []string{"o: дата рождения", "c: 2 октября 1983", "o: вклад открыт с восемьдесят третьего года"},
			[]string{"c: [birthdate]", "o: вклад открыт с восемьдесят третьего года"}},
		{"a year alone after the name asked with it (block RJ)", []string{"o: фамилия имя ребёнка и год рождения", "c: игнатьев михаил девятнадцатый год"},
			[]string{"c: [name] [birthdate]"}},
		{"a count of years", []string{"o: когда вы родились", "c: не помню точно я тут работаю третий год"},
			[]string{"c: не помню точно я тут работаю третий год"}},
		{"a second child's date said year first (block RK; «амелия» a name since block RY)", []string{"o: фио детей и даты рождения", "c: руслан 2011 год 18 августа и амелия 2014 год 2 мая"},
			[]string{"c: [name] [birthdate] и [name] [birthdate]"}},
		{"a date after a preposition", []string{"o: дата рождения", "c: 3 апреля 1979 а полис с 2019 года 1 июля"},
			[]string{"c: [birthdate] а полис с 2019 года 1 июля"}},
		{"a child's date with a two-digit year in words (block RK2)", []string{"o: и свидетельство о рождении серия два сн номер шестьсот сорок один двести", "c: иванов айсен айаал второй ребёнок двадцатое марта двадцать третьего"},
			[]string{"c: [name] [name] второй ребёнок [birthdate]"}},
		{"an appointment of a year to come", []string{"o: данные ребёнка", "c: орлов никита сын приём пятое мая двадцать шестого"},
			[]string{"c: [name] сын приём пятое мая двадцать шестого"}},
		{"a train's number in hundreds (block RL)", []string{"o: для покупки билета нужен паспорт и дата рождения", "c: 5204 118 377 тридцать первое декабря восемьдесят девятого",
			"o: поезд сто двадцать пятый отправление двадцать три сорок"}, []string{"o: поезд сто двадцать пятый отправление двадцать три сорок"}},
		{"a year with its thousand and hundreds", []string{"o: дата рождения", "c: ой это было давно тысяча девятьсот восемьдесят пятого"},
			[]string{"c: ой это было давно [birthdate]"}},
	})
}

// TestPhoneLeadSaid: a mobile number's leading «восемь» said apart after
// the number was masked without it (causes block RB: bw, cp), and the
// other side's «восемь» right after; a count, an hour, the people ahead in
// a queue stay. A mobile after a verb of calling and «на» is where to call
// whatever trap word the other side's question had (block RH: bv); a
// mobile closing a run said in one breath after another number asked
// with it is masked, the other number kept (block RI: co).
func TestPhoneLeadSaid(t *testing.T) {
	checkCalls(t, []callCase{
		{"said after it", []string{"o: номер телефона", "c: 903 156 01 88", "c: восемь впереди"},
			[]string{"c: [phone]", "c: [phone] впереди"}},
		{"confirmed by the other side", []string{"o: номер телефона", "c: 926 548 33 05", "o: значит 926 548 33 05", "c: а впереди восемь да", "o: восемь конечно всё так"},
			[]string{"c: а впереди [phone] да", "o: [phone] конечно всё так"}},
		{"a count", []string{"o: телефон собственника", "c: 964 118 20 33", "o: сколько комнат", "c: восемь большой дом"},
			[]string{"c: восемь большой дом"}},
		{"a queue", []string{"o: контактный телефон", "c: 903 441 56 12", "c: а впереди восемь человек"},
			[]string{"c: а впереди восемь человек"}},
		{"a mobile after «перезвонит на» answering a trap word's question (block RH)", []string{"c: мастер когда", "o: мастер перезвонит на восемь девятьсот девяносто два сто один сорок пять ноль три"},
			[]string{"o: мастер перезвонит на [phone]"}},
		{"a time after «перезвонит на»", []string{"c: когда приедет мастер", "o: мастер перезвонит на 14 30"},
			[]string{"o: мастер перезвонит на 14 30"}},
		{"a mobile closing a patent's number in one breath (block RI)", []string{"o: номер патента и ваш телефон", "c: патент семьдесят семь ноль два два три сорок один восемь девятьсот девяносто девять восемьсот восемь ноль семь ноль семь"},
			[]string{"c: патент семьдесят семь ноль два два три сорок один [phone]"}},
		{"an order's number alone", []string{"o: номер заказа и телефон", "c: заказ 7 7 3 1 0 4 2 8 1 5 5 2"},
			[]string{"c: заказ 7 7 3 1 0 4 2 8 1 5 5 2"}},
	})
}

// TestCodeAfterCabinet: «кабинет» said of an account online («личный
// кабинет», «пароль от кабинета») is no room's word between a code's cue
// and the code (causes block RC: cg, cn); a room's number stays. A
// phone's word said before «код» with words between makes no area code
// of it (block RD: cn); a code after «пришло» answering a question for a
// phone is a code (block RE: ci), a sum after «пришла» stays; so is a
// code the speaker named, read out after «прочитала» (block RF: cn), not
// a count of pages; and a CVV or a code the other side reads back with a
// digit missed (block RG: cp), not a wait with its unit. A bank's short
// line after a verb of calling or blocking is no answer to a CVV's cue
// (block RM: bs, bt).
func TestCodeAfterCabinet(t *testing.T) {
	checkCalls(t, []callCase{
		{"a password of the account", []string{"c: пароль от кабинета она мне сказала ноль ноль четыре четыре"},
			[]string{"c: пароль от кабинета она мне сказала [code]"}},
		{"a code for the account", []string{"c: пришёл код для входа в личный кабинет 7 3 0 2"},
			[]string{"c: пришёл код для входа в личный кабинет [code]"}},
		{"a room", []string{"c: мне сказали подойти в кабинет 305 а там закрыто"},
			[]string{"c: мне сказали подойти в кабинет 305 а там закрыто"}},
		{"the phone said before the code (block RD)", []string{"c: телефон у меня вот код двадцать два ноль семь"},
			[]string{"c: телефон у меня вот код [code]"}},
		{"an area code right after the phone's word", []string{"o: какой у вас номер", "c: домашний телефон код 495 123 45 67"},
			[]string{"c: домашний телефон код [phone]"}},
		{"a code after «пришло» answering a question for a phone (block RE)", []string{"o: ваш номер телефона для смс", "c: 8 960 451 13 08 пришло четыре пять шесть семь"},
			[]string{"c: [phone] пришло [code]"}},
		{"a sum after «пришла»", []string{"o: номер телефона получателя", "c: 8 926 111 45 02 пришла 3 400 а не вся сумма"},
			[]string{"c: [phone] пришла 3 400 а не вся сумма"}},
		{"a code read out after «прочитала» (block RF)", []string{"c: мне пришло смс с кодом", "o: не диктуйте", "c: да я уже прочитала шестьсот пятьдесят два девятьсот восемнадцать тут написано"},
			[]string{"c: да я уже прочитала [code] тут написано"}},
		{"pages read", []string{"c: мне пришло смс с кодом и ссылкой", "o: по ссылке не переходите", "c: я уже прочитала триста страниц договора"},
			[]string{"c: я уже прочитала триста страниц договора"}},
		{"a CVV read back with a digit missed (block RG)", []string{"o: три цифры с оборота карты", "c: 4 0 8", "o: 4 8", "c: четыреста восемь с нулём в середине"},
			[]string{"c: [cvv]", "o: [cvv]"}},
		{"a wait after a CVV", []string{"o: код безопасности", "c: 2 1 6", "o: ждите 26 минут"},
			[]string{"c: [cvv]", "o: ждите 26 минут"}},
		{"a bank's short line (block RM)", []string{"c: продавец пишет в чате отправьте cvc чтобы вернуть деньги", "o: заблокируйте карту по 900 жалобу на продавца передам"},
			[]string{"o: заблокируйте карту по 900 жалобу на продавца передам"}},
		{"a code after a verb of calling", []string{"o: назовите код из смс", "c: позвоните мне сначала 4 5 6 7"},
			[]string{"c: позвоните мне сначала [code]"}},
	})
}
