package redact

import (
	"slices"
	"strings"
	"testing"

	"github.com/callscope/callscope/schemas"
)

// call makes a two-channel transcript from lines «o: ...» (operator) and
// «c: ...» (client), said one after another (0.35 s a word, 0.5 s
// between turns).
func call(lines ...string) schemas.Transcript {
	tr := schemas.Transcript{Language: "ru", Channels: []schemas.TranscriptChannel{{Role: "operator"}, {Role: "client"}}}
	at := 0.3
	for _, l := range lines {
		who, text, _ := strings.Cut(l, ": ")
		ch := 1
		if who == "o" {
			ch = 0
		}
		end := at + 0.35*float64(len(strings.Fields(text)))
		tr.Channels[ch].Segments = append(tr.Channels[ch].Segments, schemas.Segment{Start: at, End: end, Text: text})
		at = end + 0.5
	}
	return tr
}

// callCase is a call of TestDictation's kind: its lines, each «o: ...»
// (the operator) or «c: ...» (the client), and the redacted segments it
// must have, each «o: text» or «c: text».
type callCase struct {
	name  string
	lines []string
	want  []string
}

// checkCalls redacts each case's call and looks for each of its wanted
// segments on its side.
func checkCalls(t *testing.T, cases []callCase) {
	t.Helper()
	checkCallsIn(t, "ru", cases)
}

// checkCallsEN is checkCalls for English calls.
func checkCallsEN(t *testing.T, cases []callCase) {
	t.Helper()
	checkCallsIn(t, "en", cases)
}

// en lists an English call's lines for checkCallsEN's cases, each
// «o: ...» or «c: ...».
func en(lines ...string) []string { return lines }

// checkCallsIn is checkCalls for calls in language lang.
func checkCallsIn(t *testing.T, lang string, cases []callCase) {
	t.Helper()
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tr := call(c.lines...)
			tr.Language = lang
			out, _, err := r.Transcript(tr)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range c.want {
				who, text, _ := strings.Cut(w, ": ")
				ch := 1
				if who == "o" {
					ch = 0
				}
				var got []string
				for _, s := range out.Channels[ch].Segments {
					got = append(got, s.Text)
				}
				if !slices.Contains(got, text) {
					t.Errorf("%s: no segment %q; got %q", who, text, got)
				}
			}
		})
	}
}

// TestDictation: what people do when they dictate personal data that a
// rule reading one sentence at a time cannot see — a number over several
// turns, read back or corrected in part, a name with its patronymic said
// by the operator, a relative's name, an e-mail spelled letter by letter,
// an address house first or settlement first, a date of birth after a
// name — and what stays: a company's office, a hotline, a ticket, a time.
// Each line of want is «o: text» or «c: text», the segment's redacted text.
func TestDictation(t *testing.T) {
	checkCalls(t, []callCase{
		{"number over three turns", []string{"o: продиктуйте снилс", "c: 154", "c: 101 491", "c: 17"},
			[]string{"c: [snils]", "c: [snils]", "c: [snils]"}},
		{"account begun in one turn", []string{"o: для перевода нужен номер счета получателя", "c: четыреста восемь семнадцать",
			"c: восемьсот десять два ноль ноль ноль ноль ноль пять семь один два три четыре"}, []string{"c: [account]", "c: [account]"}},
		{"a count is not continued", []string{"o: назовите номер телефона", "c: 8 916 123 45 67", "c: 3 раза звонила"},
			[]string{"c: [phone]", "c: 3 раза звонила"}},
		{"read back in part", []string{"o: назовите инн", "c: пятьдесят ноль два шестьдесят один семьдесят восемь девяносто один сорок три",
			"o: пятьдесят ноль два а дальше"}, []string{"o: [inn] а дальше"}},
		{"corrected in part", []string{"c: перезвоните мне на другой номер", "o: диктуйте", "c: восьмерка девятьсот пятнадцать 411 ноль ноль 09",
			"c: нет 411 ноль ноль 90 девяносто в конце"}, []string{"c: [phone]", "c: нет [phone] в конце"}},
		{"gone on with after a pause", []string{"c: карту потеряла номер не помню только конец 0069", "o: и начало не помните", "c: 4276 а дальше нет"},
			[]string{"c: карту потеряла номер не помню только конец [card]", "c: [card] а дальше нет"}},
		{"card ending on", []string{"o: на карту оканчивающуюся на три семь шесть пять", "c: да"}, []string{"o: на карту оканчивающуюся на [card]"}},
		// A masked name said again in a sentence the prefilter skips
		// (review rv17, finding 3): read too, masked as an echo.
		{"a name said again with no trigger word", []string{"o: здравствуйте компания ромашка меня зовут ольга", "c: меня зовут анна соловьева",
			"o: хорошо соловьева", "c: да", "o: записала соловьевой"}, []string{"o: хорошо [name]", "o: записала [name]"}},
		{"a name said again in the answer", []string{"o: здравствуйте меня зовут ольга", "o: вы анна соловьева", "c: да соловьева"},
			[]string{"o: вы [name]", "c: да [name]"}},
		// A worn card's CVV, its last digit doubted after «и» (causes
		// block ED); a wait in minutes after a code's question stays.
		{"cvv last digit doubted", []string{"o: три цифры на обороте", "c: плохо видно 3 6 и вроде 9"}, []string{"c: плохо видно [cvv]"}},
		{"code last digit after и еще", []string{"o: код из смс", "c: 5 1 2 и еще 8"}, []string{"c: [code]"}},
		{"minutes after a code's question", []string{"o: код из смс", "c: не пришел жду 5 и 10 минут уже"}, []string{"c: не пришел жду 5 и 10 минут уже"}},
		// Dates of birth said of a family (causes block EE): a two-digit
		// year as an ordinal after the month, a date after «ей» closing
		// the sentence, a day and a month after «а у мужа», a year after
		// an age and «я с»; a letter's date after «ей» and an
		// appointment after «а к врачу» stay.
		{"year as an ordinal after the month", []string{"c: нужны даты рождения детей", "o: диктуйте", "c: сын павел третье мая десятого дочь алина первое июня четырнадцатого"},
			[]string{"c: сын [name] [birthdate] дочь [name] [birthdate]"}},
		{"date after ей", []string{"o: фамилия и имя дочери", "c: петрова анна ей 7 июля 2001"}, []string{"c: [name] ей [birthdate]"}},
		{"a spouse's day and month after а", []string{"o: дата рождения", "c: 12 марта 1990 а у мужа 3 мая"}, []string{"c: [birthdate] а у мужа [birthdate]"}},
		{"a year after an age", []string{"o: возраст и дата рождения", "c: мне семьдесят шесть я с пятидесятого"}, []string{"c: мне семьдесят шесть я с [birthdate]"}},
		{"a letter's date after ей", []string{"c: ей 5 июня 2024 пришло письмо из банка"}, []string{"c: ей 5 июня 2024 пришло письмо из банка"}},
		{"an appointment after а к врачу", []string{"o: дата рождения", "c: 3 января 1975 а к врачу 3 мая можно"}, []string{"c: [birthdate] а к врачу 3 мая можно"}},
		// A name with a word said twice (causes block EF): the words
		// around the repetition go with it; repeated words before a
		// company stay.
		{"first name said twice", []string{"o: фио полностью", "c: шевчук тарас тарас богданович"}, []string{"c: [name] [name]"}},
		{"surname said twice in two cases", []string{"o: на кого запись", "c: на ахмедову ахмедова динару"}, []string{"c: на [name]"}},
		{"repeated words before a company", []string{"c: да да мегафон тариф безлимит 500"}, []string{"c: да да мегафон тариф безлимит 500"}},
		// Addresses in the forms of causes block EG; a year's quarter and
		// a street alone that answers no question stay.
		{"street's ordinal apart", []string{"o: адрес доставки", "c: 2 я садовая улица дом 14 квартира 8"}, []string{"c: [address]"}},
		{"квартал with a house", []string{"o: адрес", "c: квартал 12 дом 4 квартира 56"}, []string{"c: [address]"}},
		{"housing estate with its section", []string{"o: адрес", "c: жк солнечный корпус 3 секция 2 квартира 140"}, []string{"c: [address]"}},
		{"street alone answering, house next", []string{"o: куда доставить", "c: улица гагарина", "o: дом", "c: 15 квартира 4"}, []string{"c: [address]"}},
		{"street said twice", []string{"o: адрес", "c: улица льва толстого улица льва толстого дом 12"}, []string{"c: [address]"}},
		{"a year's quarter", []string{"c: отчет за 1 квартал пришел сумма 12 000"}, []string{"c: отчет за 1 квартал пришел сумма 12 000"}},
		{"street alone unasked", []string{"c: улица гагарина"}, []string{"c: улица гагарина"}},
		// Causes block EH: a double surname's half across the hyphen, a
		// surname spelled after a question for it, a surname changed; a
		// company spelled where no name was asked stays.
		{"double surname's first half", []string{"o: получатель", "c: на соколову-микитову"}, []string{"c: на [name]"}},
		{"surname spelled", []string{"o: фамилия ученика", "c: пак три буквы п а к"}, []string{"c: [name] три буквы [name]"}},
		{"surname before a change", []string{"o: фамилия", "c: была агеева стала лисицына"}, []string{"c: была [name] стала [name]"}},
		{"company spelled", []string{"o: какой пункт", "c: озон по буквам о з о н"}, []string{"c: озон по буквам о з о н"}},
		// Causes block EI: a passport office's code after the issuing,
		// an error after «ошибку»; a code after «выдана» with no passport
		// is masked.
		{"passport office's code", []string{"o: паспортные данные", "c: серия 45 11 номер 302 118 выдан 3 мая 2012 код 770 045"}, []string{"c: серия [passport] выдан 3 мая 2012 код 770 045"}},
		{"error after ошибку", []string{"o: введите код из смс", "c: ввожу выдает ошибку 4 0 4"}, []string{"c: ввожу выдает ошибку 4 0 4"}},
		{"code after выдана", []string{"o: назовите код из смс", "c: карта выдана вчера код 5 9 1 8"}, []string{"c: карта выдана вчера код [code]"}},
		// Causes block EJ: foreign first names, a surname's particles, an
		// Armenian surname's case, a surname closing a two-word answer;
		// «де» in a city's name stays.
		{"surname with particles", []string{"o: как вас зовут", "c: меня зовут де ла торре карлос"}, []string{"c: меня зовут [name]"}},
		{"foreign first name's case", []string{"o: на чье имя бронь", "c: на имя о'брайена шона"}, []string{"c: на имя [name]"}},
		{"armenian surname's genitive", []string{"o: на кого заказ", "c: на мкртчяна арсена"}, []string{"c: на [name]"}},
		{"surname closing a two-word answer", []string{"o: как вас зовут", "c: эмма ватсон"}, []string{"c: [name] [name]"}},
		{"particle in a city's name", []string{"c: летим в ла пас через де мойн"}, []string{"c: летим в ла пас через де мойн"}},
		// Causes block EK: a surname read back after «как», a surname
		// alone answering «на кого»; an adjective after «как» stays.
		{"read back as on record", []string{"o: как вас зовут", "c: сергеев", "o: вы у нас значитесь как мельникова ирина верно"}, []string{"o: вы у нас значитесь как [name] верно"}},
		{"surname answering на кого", []string{"o: на кого записать", "c: на гаврилову"}, []string{"c: на [name]"}},
		{"adjective after как", []string{"o: как вас зовут", "c: сергеев", "o: записала как срочное обращение"}, []string{"o: записала как срочное обращение"}},
		// Causes block EL: a code that names what it codes; a
		// verification code for a service is masked.
		{"a school's code", []string{"o: код школы 1 5 0 7 3 укажите в заявлении"}, []string{"o: код школы 1 5 0 7 3 укажите в заявлении"}},
		{"code for a service", []string{"o: код подтверждения для услуги", "c: 7 7 1 0 2"}, []string{"c: [code]"}},
		// Causes block EM: what an address or a date of birth leaves
		// after it; a floor after «и» stays.
		{"house letter before the flat", []string{"o: дом какой", "c: да 12 б квартира 40"}, []string{"c: да [address]"}},
		{"entrance after и", []string{"o: адрес", "c: улица мира дом 7 и подъезд 3"}, []string{"c: [address]"}},
		{"month and day after the year", []string{"o: год рождения", "c: я с пятьдесят второго в марте седьмого"}, []string{"c: я с [birthdate] в [birthdate]"}},
		{"floor after и", []string{"o: адрес", "c: улица мира дом 7 и 5 этаж"}, []string{"c: [address] и 5 этаж"}},
		// Causes block EN: Irish and French surnames; «о» before a word
		// of the request stays.
		{"о брайен", []string{"o: как вас зовут", "c: о брайен шон"}, []string{"c: [name]"}},
		{"apostrophe surname before a first name", []string{"c: я о'хара кейт по поводу перевода"}, []string{"c: я [name] по поводу перевода"}},
		{"о before a request", []string{"o: как к вам обращаться", "c: павел о кредите хотел узнать"}, []string{"c: [name] о кредите хотел узнать"}},
		// Causes block EP: a house first with «дробь» or in the dative,
		// its street after it.
		{"house with дробь first", []string{"o: адрес", "c: дом 5 дробь 2 квартира 9 улица мира"}, []string{"c: [address]"}},
		{"house in the dative first", []string{"o: куда подать", "c: к дому 12 на улице победы"}, []string{"c: [address]"}},
		// Causes block EQ: a number dictated on after «и дальше»; sums
		// so joined stay.
		{"phone on after и дальше", []string{"o: контактный номер", "c: 8 926 и дальше 123 45 67"}, []string{"c: [phone]"}},
		{"sums after и дальше", []string{"c: сначала 500 и дальше 300 в месяц"}, []string{"c: сначала 500 и дальше 300 в месяц"}},
		// Causes block ER: a dictation gone on with after a sentence of
		// «ой подождите» (its words masked with the number); a sum after
		// such a pause stays.
		{"card on after a pause", []string{"o: номер карты", "c: 4276 3800", "c: ой подождите", "c: 1234 5679"}, []string{"c: [card]"}},
		{"sum after a pause", []string{"o: сколько заплатили", "c: 1 500", "c: ой подождите", "c: 2 000 с доставкой"}, []string{"c: 1 500", "c: 2 000 с доставкой"}},
		// Causes block ES: a relative's word, «на» and the name; «маме на
		// день рождения» stays.
		{"relative then на and the name", []string{"c: оформите на жену на наталью"}, []string{"c: оформите на жену на [name]"}},
		{"relative then на and no name", []string{"c: подарок маме на день рождения ищу"}, []string{"c: подарок маме на день рождения ищу"}},
		// Causes block ET: a fine's ruling or UIN (20 digits from 1 or
		// 0), a number passing Luhn from 0 or 7, a bank's INN named by
		// its genitive stay; a person's account, card and INN next to
		// them are masked.
		{"fine's ruling", []string{"o: номер постановления", "c: 18810077250301004422"}, []string{"c: 18810077250301004422"}},
		{"tax UIN", []string{"c: уин 0355 1200 4411 0000 2285 оплатила вчера"}, []string{"c: уин 0355 1200 4411 0000 2285 оплатила вчера"}},
		{"policy passing Luhn from 7", []string{"o: полис омс", "c: 7791 4400 1234 5670"}, []string{"c: 7791 4400 1234 5670"}},
		{"bank's INN", []string{"c: а инн банка подскажите", "o: 7702070139"}, []string{"o: 7702070139"}},
		{"person's account next to them", []string{"o: счет для возврата", "c: 40817 810 5 0031 0042 871"}, []string{"c: [account]"}},
		{"own INN after an organisation's", []string{"o: инн организации", "c: 5260034184"}, []string{"c: [inn]"}},
		// Causes block EU: a surname no list knows around a first name
		// and patronymic or after a relative's first name, a surname
		// with two initials after a relative's word; a company after a
		// name in a longer sentence, a plan's letters stay.
		{"surname after first name and patronymic", []string{"o: кто будет на приеме", "c: будет тамара генриховна майер"}, []string{"c: будет [name]"}},
		{"korean surname before first name and patronymic", []string{"o: на кого полис", "c: на ли анну сергеевну"}, []string{"c: на [name]"}},
		{"surname after a relative's first name", []string{"c: заберет брат артур зингер"}, []string{"c: заберет брат [name]"}},
		{"surname with initials after a relative", []string{"c: оформите на мать гольдман р и"}, []string{"c: оформите на мать [name]"}},
		{"company after a name, sentence goes on", []string{"c: это нина петровна ростелеком звонил мне"}, []string{"c: это [name] ростелеком звонил мне"}},
		{"plan's letters", []string{"o: тариф вариант а б или вариант в"}, []string{"o: тариф вариант а б или вариант в"}},
		// Causes block EV: a first name no list knows and a surname after
		// a relative's word and «мою», a buyer's name before a cue; a
		// product and its brand after a relative's word stay.
		{"relative, мою and a name no list knows", []string{"c: сестру мою айгуль шарипова"}, []string{"c: сестру мою [name]"}},
		{"buyer's name before a cue", []string{"c: покупатель мамедова айтен паспорт 45 07 318 224"}, []string{"c: покупатель [name] паспорт [passport]"}},
		{"relative, a product and a brand", []string{"c: маме чайник бош"}, []string{"c: маме чайник бош"}},
		// Causes block EW: a code with letters among its digits where a
		// code is asked, in digits and letters or in words and letters'
		// names; a car plate after a code and a flat's letter stay.
		{"code with letters", []string{"o: код подтверждения из смс", "c: пришло 5 т 1 н"}, []string{"c: пришло [code]"}},
		{"code with letters' names", []string{"o: продиктуйте код из письма", "c: ди три эс ноль"}, []string{"c: [code]"}},
		{"car plate after a code", []string{"o: код из смс", "c: 5 5 2 0 и машина к 4 5 6 м н"}, []string{"c: [code] и машина к 4 5 6 м н"}},
		{"letters and digits with no code asked", []string{"c: корпус 2 а 4 б"}, []string{"c: корпус 2 а 4 б"}},
		// Causes block EX: a day and a month after an age and
		// «исполнилось», a family's whole dates after relatives' words;
		// a contract's age with its unit and a trip's date stay.
		{"birthday after an age", []string{"c: мужу 52 исполнится 30 августа"}, []string{"c: мужу 52 исполнится [birthdate]"}},
		{"family's dates after relatives' words", []string{"c: я 12 04 1981 сын 05 09 2009"}, []string{"c: я [birthdate] сын [birthdate]"}},
		{"contract's age and a date", []string{"c: договору 2 года исполнилось 15 мая"}, []string{"c: договору 2 года исполнилось 15 мая"}},
		// Causes block EY: one initial after a masked name answering a
		// question for one, a first name no list knows before it; a
		// tariff's letter after a name stays.
		{"one initial after a payee's name", []string{"o: получатель", "c: наиля ш"}, []string{"c: [name]"}},
		{"unknown first name and an initial", []string{"o: получатель", "c: хасанова гульназ м"}, []string{"c: [name]"}},
		{"tariff's letter after a name", []string{"o: как к вам обращаться", "c: ирина тариф м"}, []string{"c: [name] тариф м"}},
		// Causes block EZ: a name no list knows after a title in any
		// case; a citizen's country after one stays.
		{"name after a title", []string{"o: пропуск на гражданина очир ганбаатар"}, []string{"o: пропуск на гражданина [name]"}},
		{"name after a title in the genitive", []string{"c: бронь на госпожу ким ё сон"}, []string{"c: бронь на госпожу [name]"}},
		{"country after a title", []string{"c: муж гражданин таджикистана"}, []string{"c: муж гражданин таджикистана"}},
		// Causes block FA: «аш» spelling a mailbox after its read-back.
		{"mailbox spelled with аш", []string{"c: почта hakimov собака mail ру", "o: хакимов через h", "c: аш а ка и эм о в"}, []string{"c: [email]"}},
		// Causes block FB: what opens an address before its street or
		// house; a postal index's last digit and a city stay out.
		{"microdistrict's number first", []string{"o: адрес", "c: 12 микрорайон дом 5 квартира 33"}, []string{"c: [address]"}},
		{"flat's ordinal first", []string{"o: адрес", "c: седьмая квартира дом 2 улица лесная"}, []string{"c: [address]"}},
		{"housing estate in full", []string{"o: адрес", "c: тюмень жилой комплекс озерный корпус 5 квартира 77"}, []string{"c: тюмень [address]"}},
		{"index before the street", []string{"o: адрес", "c: индекс 6 2 5 0 3 1 улица мира дом 4"}, []string{"c: индекс 6 2 5 0 3 1 [address]"}},
		// Causes block FC: a CVV's digits said again swapped after words
		// that are no correction's; a sum of the same digits with its
		// unit stays.
		{"CVV's digits swapped", []string{"o: что вы сказали мошенникам", "c: сказала код с обратной стороны 6 2 9 а потом поняла что 6 9 2"}, []string{"c: сказала код с обратной стороны [cvv] а потом поняла что [cvv]"}},
		{"sum of a code's digits", []string{"o: код из смс", "c: 1 2 3 4", "o: сумма", "c: 4 3 2 1 рубль"}, []string{"c: 4 3 2 1 рубль"}},
		// Causes block FD: a surname and two initials opening the
		// answer, a first name after «меня» before an age; a plan's
		// letters stay.
		{"korean surname and initials", []string{"o: фамилия инициалы", "c: югай т с"}, []string{"c: [name]"}},
		{"first name after меня and an age", []string{"c: меня полина 15 лет"}, []string{"c: меня [name] 15 лет"}},
		{"plan's letters after a word", []string{"c: тариф вариант а б"}, []string{"c: тариф вариант а б"}},
		// Causes block FE: a KPP asked for after the INN shares its four
		// first digits and stays; the INN is masked.
		{"KPP after the INN", []string{"o: инн организации", "c: 5260034184", "o: кпп", "c: 526001001"}, []string{"c: [inn]", "c: 526001001"}},
		// Causes block FF: «числа ... месяца» after a date of birth's
		// numbers, the date said again in words, a number's end after
		// «заканчивающийся на»; a payment's day stays.
		{"month by its number and месяца", []string{"o: дата рождения", "c: родился в 1968 году 9 числа 4 месяца"}, []string{"c: родился в [birthdate]"}},
		{"date of birth said again in words", []string{"o: дата рождения", "c: 7 8 1949 седьмое августа"}, []string{"c: [birthdate] [birthdate]"}},
		{"number's end after заканчивающийся", []string{"o: смс придет на номер заканчивающийся на 5 1"}, []string{"o: смс придет на номер заканчивающийся на [card]"}},
		{"payment's day", []string{"c: списание 25 числа каждого месяца"}, []string{"c: списание 25 числа каждого месяца"}},
		// Causes block FG: a date of birth's day and month read back
		// alone by the side that asked; an appointment's after «на»
		// stays.
		{"date of birth read back alone", []string{"o: дата рождения", "c: 11 6 1987", "o: одиннадцатое июня", "c: да одиннадцатое июня"}, []string{"o: [birthdate]", "c: да [birthdate]"}},
		{"appointment after a date of birth", []string{"o: дата рождения", "c: 11 6 1987", "o: записываю на одиннадцатое июля"}, []string{"o: записываю на одиннадцатое июля"}},
		// Causes block FH: the Cyrillic domain «почта рф» after «собака»;
		// a company's role mailbox after other words stays.
		{"mailbox at почта рф", []string{"o: почта", "c: anna смирнова собака почта рф"}, []string{"c: [email]"}},
		{"role mailbox after other words", []string{"c: приходят уведомления noreply собака magnit точка ru"}, []string{"c: приходят уведомления noreply собака magnit точка ru"}},
		// Causes block FI: a card's expiry read back with «срок» after
		// it stays; the CVV before it is masked.
		{"expiry with срок after it", []string{"o: карта для брони", "c: 4276 3800 1234 5679 и на обороте 7 3 2", "o: 10 27 срок"}, []string{"o: 10 27 срок"}},
		// Causes block EO: a promo code's Latin word while an e-mail is
		// given stays; the mailbox is masked.
		{"promo code after an e-mail", []string{"o: на какую почту регистрировались", "c: olga.k собака mail ru", "o: нашла", "c: а промокод WINTER 10 сработает"},
			[]string{"c: [email]", "c: а промокод WINTER 10 сработает"}},
		// Whom a thing is for, asked in a word or two; a name no list
		// knows as the answer, or opening it before a number (causes
		// block CM).
		{"name asked with «на кого»", []string{"o: на кого отложить", "c: абдуллаев бахром"}, []string{"c: [name]"}},
		{"name asked with «получатель»", []string{"o: получатель", "c: гусейнзаде эльнур 8 925 614 20 77"}, []string{"c: [name] [phone]"}},
		{"two names joined by «и»", []string{"o: кому оформляем билеты", "c: кипиани тамаз и кипиани нино"}, []string{"c: [name] и [name]"}},
		{"a name after a number asked with it", []string{"o: номер заявки и фио", "c: 4 4 7 1 2 0 9 гонсалес мартинес ана"}, []string{"c: 4 4 7 1 2 0 9 [name]"}},
		{"a company is no name", []string{"o: получатель", "c: ооо вектор плюс по счету"}, []string{"c: ооо вектор плюс по счету"}},
		{"a name corrected", []string{"o: подтвердите личность", "c: ахмедова ой то есть ахмедзянова лейла по паспорту"}, []string{"c: [name] ой то есть [name] по паспорту"}},
		{"a role is no name", []string{"o: кому передать документы", "c: бухгалтеру"}, []string{"c: бухгалтеру"}},
		{"nobody answered", []string{"o: на кого оформляем", "c: пока непонятно"}, []string{"c: пока непонятно"}},
		{"no name answered", []string{"o: кому передать посылку", "c: в бухгалтерию на ресепшен"}, []string{"c: в бухгалтерию на ресепшен"}},
		{"expiry asked with «срок» alone", []string{"o: номер карты и код на обороте", "c: 4276 3800 1234 5679", "o: а срок", "c: 11 27"},
			[]string{"c: [card]", "c: 11 27"}},
		{"expiry and code asked with «срок»", []string{"o: срок и три цифры на обороте", "c: 08 26 4 4 1"}, []string{"c: 08 26 [cvv]"}},
		{"a code typed in tries", []string{"c: приложение просит ввести cvv", "o: вводите только на странице банка", "c: я уже ввела два раза 3 0 8 и 3 8 0 не проходит"},
			[]string{"c: я уже ввела два раза [cvv] и [cvv] не проходит"}},
		{"a count after the verb", []string{"c: приложение просит ввести cvv", "o: только на странице банка", "c: ввела 3 раза и заблокировали"},
			[]string{"c: ввела 3 раза и заблокировали"}},
		{"the post office is no e-mail's cue", []string{"o: почта россии слушаю", "c: посылка не пришла", "o: трек ra 644 218 007 ru"},
			[]string{"o: трек ra 644 218 007 ru"}},
		{"a postal index", []string{"o: по телефону подтвердить не можем индекс инспекции 143 400"}, []string{"o: по телефону подтвердить не можем индекс инспекции 143 400"}},
		{"a barcode passing Luhn", []string{"o: баркод товара", "c: 4 6 0 1 2 3 4 5 6 7 8 9 0"}, []string{"c: 4 6 0 1 2 3 4 5 6 7 8 9 0"}},
		{"a VIN while an e-mail is given", []string{"o: почта для отчёта", "c: ivan 77 собака mail ru", "o: отчёт по вину z 9 4 c t 4 1 d b k r 2 3 4 5 1 2 отправлен"},
			[]string{"o: отчёт по вину z 9 4 c t 4 1 d b k r 2 3 4 5 1 2 отправлен"}},
		{"a pickup point asked for", []string{"o: в каком пункте выдачи", "c: на улице мира 8"}, []string{"c: на улице мира 8"}},
		{"a home after it", []string{"o: в каком пункте выдачи", "c: не знаю я живу на улице мира 8 квартира 5"}, []string{"c: не знаю я живу на [address]"}},
		{"no house from the next sentence", []string{"c: у меня транспондер не пишет проезд", "c: 5 0 0 7 1 2 3 3"}, []string{"c: 5 0 0 7 1 2 3 3"}},
		{"address asked with «куда доставить»", []string{"o: куда доставить", "c: садовая 15 корпус 2"}, []string{"c: [address]"}},
		{"operator's name and patronymic", []string{"o: банк втб оператор денис здравствуйте", "c: здравствуйте это кравченко игорь павлович",
			"o: игорь павлович вклад открыт под 17 процентов"}, []string{"o: банк втб оператор денис здравствуйте", "c: здравствуйте это [name]", "o: [name] вклад открыт под 17 процентов"}},
		{"a relative", []string{"o: на чье имя договор", "c: на мужа белов андрей николаевич"}, []string{"c: на мужа [name]"}},
		// (A sentence with no digit and no word a rule starts from is not
		// read at all: «я сделала заказ на лисицину ольгу» alone stays.)
		{"a payee in another case", []string{"c: я сделала заказ 78 04 66 13 на лисицину ольгу а надо на маму"},
			[]string{"c: я сделала заказ 78 04 66 13 на [name] а надо на маму"}},
		{"staff keep their names", []string{"o: вижу запись к петровой елене викторовне кабинет 310"}, []string{"o: вижу запись к петровой елене викторовне кабинет 310"}},
		{"name said again", []string{"o: на кого запись", "c: на орлов максим", "o: максим на понедельник есть 16 00"},
			[]string{"c: на [name]", "o: [name] на понедельник есть 16 00"}},
		{"e-mail letter by letter", []string{"o: ваша почта", "c: о л е г", "c: девяносто четыре собака гмайл ком"},
			[]string{"c: [email]", "c: [email]"}},
		{"e-mail parts read back", []string{"o: электронная почта для уведомлений", "c: olga точка kuzmina собака mail ru", "o: ольга точка кузьмина"},
			[]string{"c: [email]", "o: [email]"}},
		{"a Latin mailbox read back in Cyrillic", []string{"o: какая почта указана", "c: gorbunova точка н собака yandex точка ru",
			"o: там ошибка у нас записано горбунова с и на конце", "c: нет горбунова н без и"},
			[]string{"c: [email]", "o: там ошибка у нас записано [email] и на конце", "c: нет [email] без и"}},
		{"a mailbox's name and digits said again", []string{"o: назовите электронную почту", "c: vasya2000 собака mail точка ru", "c: да вася две тысячи",
			"o: электронная почта для уведомлений", "c: olga точка kuzmina 1990 собака mail ru", "c: без девяностый просто 1990"},
			[]string{"c: [email]", "c: да [email]", "c: без девяностый просто [email]"}},
		{"initials", []string{"o: инициалы и год рождения", "c: а р 1988", "o: перевод на имя виктор андреевич к выполнен", "o: иван петрович к вам приедет мастер"},
			[]string{"c: [name] [birthdate]", "o: перевод на имя [name] выполнен", "o: [name] к вам приедет мастер"}},
		{"what one enters", []string{"c: оплатила на сайте ввела 5 шестьдесят а деньги не списались"}, []string{"c: оплатила на сайте ввела [code] а деньги не списались"}},
		{"house first", []string{"o: адрес установки оборудования", "c: квартира 54 дом 12 улица маршала жукова"}, []string{"c: [address]"}},
		{"a village stays as a city does", []string{"o: назовите адрес", "c: деревня ивановка улица полевая дом семь", "c: город тула улица мосина дом 20 квартира 7"},
			[]string{"c: деревня ивановка [address]", "c: город тула [address]"}},
		{"a plot", []string{"o: адрес объекта", "c: снт березка участок сто восемнадцать"}, []string{"c: [address]"}},
		{"a company's office", []string{"c: а где вы находитесь", "o: проспект ленина 44 второй этаж"}, []string{"o: проспект ленина 44 второй этаж"}},
		{"birth date after a name", []string{"o: данные жены", "c: рябова кристина юрьевна 28 01 1990"}, []string{"c: [name] [birthdate]"}},
		{"birth date read back", []string{"o: ваша дата рождения", "c: 17 июля нет 18 июля шестьдесят девятого", "o: восемнадцатое июля шестьдесят девятого",
			"o: записала на 5 декабря"}, []string{"c: [birthdate] нет [birthdate]", "o: [birthdate]", "o: записала на 5 декабря"}},
		{"dates that are no birth dates", []string{"o: дата рождения", "c: 12 03 1985", "o: спасибо", "c: да", "c: а 15 марта можно записаться",
			"o: игорь павлович 15 марта у вас платеж"}, []string{"c: [birthdate]", "c: а 15 марта можно записаться", "o: [name] 15 марта у вас платеж"}},
		{"a flat's area, a square's name", []string{"c: площадь квартиры 45 метров", "o: салон на площади александра пушкина"},
			[]string{"c: площадь квартиры 45 метров", "o: салон на площади александра пушкина"}},
		{"a name before «зовут», the operator thanked", []string{"o: компания ромашка меня зовут анна сергеевна", "c: здравствуйте меня катя зовут",
			"c: спасибо анна сергеевна"}, []string{"o: компания ромашка меня зовут анна сергеевна", "c: здравствуйте меня [name] зовут", "c: спасибо анна сергеевна"}},
		{"honorific, a street without its word, a city", []string{"o: госпожа петрова ваш договор готов", "c: я живу на ленина 5", "c: москва тверская 12 квартира 5"},
			[]string{"o: госпожа [name] ваш договор готов", "c: я живу на [address]", "c: москва [address]"}},
		{"a name no list knows", []string{"o: фамилия имя отчество полностью", "c: ким ен хо"}, []string{"c: [name]"}},
		{"the operator's own name addressed", []string{"o: компания мтс меня зовут ольга петровна чем могу помочь", "c: ольга петровна у меня вопрос"},
			[]string{"c: ольга петровна у меня вопрос"}},
		{"the operator's own name not echoed", []string{"o: сбербанк галина здравствуйте", "c: здравствуйте галина меня зовут игорь петров", "o: игорь чем помочь"},
			[]string{"o: сбербанк галина здравствуйте", "c: здравствуйте галина меня зовут [name]", "o: [name] чем помочь"}},
		{"a card's end before a money verb", []string{"c: с карты на 5674 списали 500 рублей"}, []string{"c: с карты на [card] списали 500 рублей"}},
		// (Issue 13 lists ten-digit INNs, which are organisations': a
		// company's is masked too.)
		{"a company's INN", []string{"o: продиктуйте инн организации", "c: инн 7707083893 это сбербанк", "o: нет мне нужен ваш личный инн", "c: 500100732259",
			"c: мой инн 7707083893"}, []string{"c: инн [inn] это сбербанк", "c: [inn]", "c: мой инн [inn]"}},
		{"a message's sender", []string{"o: ответ придет смс с номера 0890", "c: мне звонили с номера 8 916 555 12 34"},
			[]string{"o: ответ придет смс с номера 0890", "c: мне звонили с номера [phone]"}},
		{"hotline and tickets", []string{"c: вам звонили с номера 8 800 250 08 90", "o: посылка номер 10 245 887 612", "o: спасибо 1 299 списано"},
			[]string{"c: вам звонили с номера 8 800 250 08 90", "o: посылка номер 10 245 887 612", "o: спасибо 1 299 списано"}},
	})
}

func TestSkeleton(t *testing.T) {
	for _, c := range []struct{ a, b string }{{"горбунова", "gorbunova"}, {"вася", "vasya2000"}, {"смирнов", "smirnov"}, {"юлия", "yuliya"},
		{"харитонов", "kharitonov"}, {"цветкова", "tsvetkova"}, {"щукин", "shukin"}, {"жуков", "zhukov"}, {"ёлкин", "elkin"}, {"алексей", "alexey"}} {
		if x, y := string(skeleton(nil, c.a)), string(skeleton(nil, c.b)); x != y {
			t.Errorf("%s -> %q, %s -> %q", c.a, x, c.b, y)
		}
	}
	if string(skeleton(nil, "павел")) == string(skeleton(nil, "pavlov")) {
		t.Error("павел and pavlov have one skeleton")
	}
}
