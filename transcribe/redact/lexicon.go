package redact

import (
	"slices"
	"strconv"
	"strings"
	"unsafe"
)

// A word's roles for the rules, as bits.
type trig uint32

const (
	tNum       trig = 1 << iota // a number word or digits
	tCue                        // an identifier cue word (cueOf says which)
	tTrap                       // a word after which a number is not personal: заявка, сумма, тариф
	tUnit                       // a word after which a number is a quantity: рублей, процентов, раз
	tMonth                      // a month name
	tNameCue                    // зовут, фамилия, имя
	tStreet                     // улица, проспект
	tHouse                      // дом, корпус, квартира
	tAt                         // собака, at
	tDot                        // точка, dot
	tBirth                      // рождения, родился
	tFiller                     // э, тире: may sit inside a dictated number
	tConn                       // ой, нет, повторяю: joins the parts of one dictation
	tStop                       // a function word: never part of a name or an e-mail
	tFirstName                  // a common first name
	tDateWord                   // года, числа, of: part of a date
	tOperator                   // компания, оператор: the operator introduces themselves
	tEmailCue                   // почта, email
	tTLD                        // ру, ком, рф
	tRole                       // clue words for the name rule: «это»
	tNameQ                      // представьтесь: a question for the name
	tAddrCue                    // адресу, проживаю: a flat's numbers may follow
	tSettle                     // город, деревня, снт, область: a settlement or region named in an address
	tFlat                       // квартира, кв: a flat number follows
	tJoin                       // подчеркивание, тире: joins the parts of a spelled mailbox
	tKin                        // мамы, дочке, жену: a relative, whose name may follow
	tNameForm                   // анну, сергея: a common first name in another case (it opens a sentence for reading)
	tGoOn                       // продолжайте, записываю: a listener asks a dictation to go on
	tExpiry                     // срок: a card's expiry asked (a question only: no trap word, it would cut a card dictated with it)
	tTrip                       // такси, едем, поездка: a trip's addresses may be said with no street's word (tripAddresses)
)

// lexEntry is what the lexicon knows of one normalized word.
type lexEntry struct {
	trig trig
	num  numWord
	cue  Type // for tCue
}

// numWord is a number word's value and how it combines.
type numWord struct {
	kind nk
	val  int
}

type nk uint8

const (
	nkNone     nk = iota
	nkDigits      // written in digits
	nkUnit        // 0..9
	nkTeen        // 10..19
	nkTens        // 20..90
	nkHundred     // 100..900
	nkThousand    // тысяча: multiplies what comes before
	nkOrdinal     // an ordinal form (пятого, восьмидесятого): dates only
	nkOrdTens     // ordinal tens (двадцатого)
	nkOrdThous    // двухтысячного
	nkRepeat      // double, triple: repeats the next digit
)

var lexicon = map[string]map[string]*lexEntry{"ru": {}, "en": {}}

func add(lang string, t trig, words ...string) {
	for _, w := range words {
		e := lexicon[lang][w]
		if e == nil {
			e = &lexEntry{}
			lexicon[lang][w] = e
		}
		e.trig |= t
	}
}

func addCue(lang string, typ Type, words ...string) {
	add(lang, tCue, words...)
	for _, w := range words {
		lexicon[lang][w].cue = typ
	}
}

func addNum(lang string, n numWord, words ...string) {
	add(lang, tNum, words...)
	for _, w := range words {
		lexicon[lang][w].num = n
	}
}

// forms returns stem+ending for each ending.
func forms(stem string, endings ...string) []string {
	out := make([]string, len(endings))
	for i, e := range endings {
		out[i] = stem + e
	}
	return out
}

var (
	nounA   = []string{"а", "ы", "е", "у", "ой", "ою"}                         // карта
	nounM   = []string{"", "а", "у", "ом", "е"}                                // паспорт
	adjM    = []string{"ый", "ого", "ому", "ым", "ом", "ая", "ой", "ую", "ое"} // мобильный
	adjSoft = []string{"ий", "его", "ему", "им", "ем", "яя", "ей", "юю", "ее"} // последний
)

func init() {
	ruNumbers()
	enNumbers()
	ruWords()
	enWords()
	yoSpellings()
	initGarbled(lexicon["ru"])
	lexRU, lexEN = newLexTable(lexicon["ru"]), newLexTable(lexicon["en"])
}

// yoSpellings adds the spellings with ё of the words that start a detection and are often written so
// («артём», «тёщу», «семёрки»): the scan folds ё to е before it looks a
// word up, but the prefilter (prefilter.go, which makes its trigger set
// from lexicon) looks at words as written, and a sentence whose only
// trigger was «артём» or «тёщу» was not read. Each gets the roles of its
// folded form; only words whose folded form the lexicon has.
func yoSpellings() {
	var ws []string
	for _, stem := range []string{"артём", "семён", "фёдор"} {
		ws = append(ws, forms(stem, nounM...)...)
	}
	for _, stem := range []string{"алён", "тёщ", "тёт"} {
		ws = append(ws, forms(stem, "а", "ы", "и", "е", "у", "ой", "ей", "я", "ю")...)
	}
	for _, stem := range []string{"четвёрк", "пятёрк", "шестёрк", "семёрк", "восьмёрк"} {
		ws = append(ws, forms(stem, "а", "и", "у")...)
	}
	ws = append(ws, "пётр", "алёша", "лёша", "серёжа", "лёва", "свёкра", "свёкру", "рождён", "рождённая", "рождённый", "рождённые")
	for _, w := range ws {
		if e := lexicon["ru"][strings.ReplaceAll(w, "ё", "е")]; e != nil && lexicon["ru"][w] == nil {
			c := *e
			lexicon["ru"][w] = &c
		}
	}
}

// digitNoun: a digit named as a noun in the genitive singular, the form
// it takes after a count («два нуля», «три семерки», «две единицы»).
func digitNoun(w string) bool { return digitNouns[w] }

var digitNouns = map[string]bool{
	"нуля": true, "ноля": true, "нолика": true, "единицы": true, "единички": true, "двойки": true, "тройки": true, "четверки": true,
	"пятерки": true, "шестерки": true, "семерки": true, "восьмерки": true, "девятки": true,
}

func ruNumbers() {
	n := func(k nk, v int, ws ...string) { addNum("ru", numWord{k, v}, ws...) }
	n(nkUnit, 0, "ноль", "нуль", "ноля", "нуля", "нолю", "нулю", "нолем", "нулем")
	n(nkUnit, 1, "один", "одна", "одно", "одного", "одной", "одну", "одному", "одним", "одном")
	n(nkUnit, 2, "два", "две", "двух", "двум", "двумя")
	n(nkUnit, 3, "три", "трех", "трем", "тремя")
	n(nkUnit, 4, "четыре", "четырех", "четырем", "четырьмя")
	n(nkUnit, 5, "пять", "пяти", "пятью")
	n(nkUnit, 6, "шесть", "шести", "шестью")
	n(nkUnit, 7, "семь", "семи")
	n(nkUnit, 8, "восемь", "восьми", "восемью", "восьмью")
	n(nkUnit, 9, "девять", "девяти", "девятью")
	// Digits named as nouns: «восьмерка девятьсот пятнадцать».
	for v, base := range map[int]string{0: "нолик", 2: "двойк", 3: "тройк", 4: "четверк", 5: "пятерк", 6: "шестерк", 7: "семерк", 8: "восьмерк", 9: "девятк"} {
		if v == 0 {
			n(nkUnit, 0, "нолик", "нолика", "нолики", "ноликов")
			continue
		}
		n(nkUnit, v, forms(base, "а", "и", "у")...)
	}
	n(nkUnit, 1, "единица", "единицы", "единицу", "единичка", "единички", "единичку")
	n(nkTeen, 10, "десять", "десяти", "десятью")
	for i, base := range []string{"одиннадцат", "двенадцат", "тринадцат", "четырнадцат", "пятнадцат", "шестнадцат", "семнадцат", "восемнадцат", "девятнадцат"} {
		n(nkTeen, 11+i, base+"ь", base+"и", base+"ью")
		n(nkOrdinal, 11+i, forms(base, adjM...)...)
	}
	n(nkTens, 20, "двадцать", "двадцати", "двадцатью")
	n(nkTens, 30, "тридцать", "тридцати", "тридцатью")
	n(nkTens, 40, "сорок", "сорока")
	n(nkTens, 50, "пятьдесят", "пятидесяти")
	n(nkTens, 60, "шестьдесят", "шестидесяти")
	n(nkTens, 70, "семьдесят", "семидесяти")
	n(nkTens, 80, "восемьдесят", "восьмидесяти")
	n(nkTens, 90, "девяносто", "девяноста")
	for v, ws := range ruColloquialNumbers {
		n(nkTens, v, ws...)
	}
	// Every case of the hundreds and tens: a recognizer writes a
	// dictated «двести» as «двумястами» when it hears the case.
	n(nkTens, 50, "пятьюдесятью")
	n(nkTens, 60, "шестьюдесятью")
	n(nkTens, 70, "семьюдесятью")
	n(nkTens, 80, "восемьюдесятью", "восьмьюдесятью")
	n(nkHundred, 100, "сто", "ста", "сотня")
	n(nkHundred, 200, "двести", "двухсот", "двумстам", "двумястами", "двухстах")
	n(nkHundred, 300, "триста", "трехсот", "тремстам", "тремястами", "трехстах")
	n(nkHundred, 400, "четыреста", "четырехсот", "четыремстам", "четырьмястами", "четырехстах")
	n(nkHundred, 500, "пятьсот", "пятисот", "пятсот", "пятистам", "пятьюстами", "пятистах")
	n(nkHundred, 600, "шестьсот", "шестисот", "шестсот", "шестистам", "шестьюстами", "шестистах")
	n(nkHundred, 700, "семьсот", "семисот", "семсот", "семистам", "семьюстами", "семистах")
	n(nkHundred, 800, "восемьсот", "восьмисот", "восемсот", "восьмистам", "восемьюстами", "восьмьюстами", "восьмистах")
	n(nkHundred, 900, "девятьсот", "девятисот", "девятсот", "девятистам", "девятьюстами", "девятистах") // (and as typed without «ь»)
	n(nkThousand, 1000, "тысяча", "тысячи", "тысяч", "тысячу", "тысячей", "тысячам", "тысячами", "тысячах")
	// Ordinals, for dates: «пятого марта тысяча девятьсот восемьдесят пятого».
	n(nkOrdinal, 0, forms("нулев", adjM...)...)
	n(nkOrdinal, 1, forms("перв", adjM...)...)
	n(nkOrdinal, 2, append(forms("втор", "ого", "ому", "ым", "ом", "ая", "ую", "ое"), "второй")...)
	n(nkOrdinal, 3, forms("трет", "ий", "ья", "ье", "ьего", "ьему", "ьим", "ьем", "ью")...)
	for v, base := range map[int]string{4: "четверт", 5: "пят", 6: "шест", 7: "седьм", 8: "восьм", 9: "девят", 10: "десят"} {
		n(nkOrdinal, v, forms(base, adjM...)...)
	}
	for v, base := range map[int]string{20: "двадцат", 30: "тридцат", 40: "сороков", 50: "пятидесят", 60: "шестидесят", 70: "семидесят", 80: "восьмидесят", 90: "девяност"} {
		n(nkOrdTens, v, forms(base, adjM...)...)
	}
	n(nkOrdThous, 2000, forms("двухтысячн", adjM...)...)
	n(nkOrdThous, 1000, forms("тысячн", adjM...)...)
}

func enNumbers() {
	n := func(k nk, v int, ws ...string) { addNum("en", numWord{k, v}, ws...) }
	units := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}
	for v, w := range units {
		n(nkUnit, v, w)
	}
	n(nkUnit, 0, "oh", "o", "nought")
	for v, w := range []string{"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"} {
		n(nkTeen, 10+v, w)
	}
	for i, w := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		n(nkTens, 20+10*i, w)
	}
	n(nkHundred, 100, "hundred")
	n(nkThousand, 1000, "thousand")
	ords := []string{"zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"}
	for v, w := range ords {
		n(nkOrdinal, v, w)
	}
	for i, w := range []string{"twentieth", "thirtieth"} {
		n(nkOrdTens, 20+10*i, w)
	}
	// A day's ordinal in digits, «1st» to «31st», is the ordinal it says
	// («march 3rd 1987» as «march third 1987»): one token, its value
	// whole (as «21st» is «twenty first»). English only: lookup reads a
	// word opened by a digit in the English table alone.
	for v := 1; v <= 31; v++ {
		suf := "th"
		if v/10 != 1 {
			switch v % 10 {
			case 1:
				suf = "st"
			case 2:
				suf = "nd"
			case 3:
				suf = "rd"
			}
		}
		n(nkOrdinal, v, strconv.Itoa(v)+suf)
	}
	n(nkRepeat, 2, "double")
	n(nkRepeat, 3, "triple")
}

func ruWords() {
	ru := func(t trig, ws ...string) { add("ru", t, ws...) }
	cue := func(t Type, ws ...string) { addCue("ru", t, ws...) }

	cue(Phone, forms("телефон", nounM...)...)
	cue(Phone, forms("мобильн", adjM...)...)
	cue(Phone, forms("сотов", adjM...)...)
	cue(Phone, forms("контактн", adjM...)...)
	cue(Phone, "тел", "мобила", "мобилу", "сотовый", "номерок", "ватсап", "вотсап", "whatsapp", "телеграм", "вайбер")
	cue(Phone, "перезвоните", "перезвонить", "звоните", "позвоните", "позвонить", "наберите", "набрать", "связи", "связаться")
	// A landline named by its kind alone: «городской 234 56 78».
	cue(Phone, landlineWords...)

	cue(Card, forms("карт", nounA...)...)
	cue(Card, forms("карточк", "а", "и", "е", "у", "ой")...)
	cue(Card, "виза", "визы", "мастеркард", "мастеркарда", "маэстро")
	cue(Card, "заканчивается", "оканчивается", "кончается", "заканчивающейся", "оканчивающейся", "окончание", "цифры", "цифр")
	// A number's end: «на номер заканчивающийся на 7 4».
	cue(Card, "заканчивающийся", "оканчивающийся", "заканчивающемуся", "оканчивающемуся")
	cue(Card, forms("последн", adjSoft...)...)
	cue(Card, "последние", "последних", "последними")

	cue(CVV, "cvv", "cvc", "cvv2", "cvc2", "цвв", "сививи", "цвц", "сиви", "сивисив", "свв", "сивиси", "цэвэвэ")
	// («оборот 0 0 9», «код с оборота карты»; a business's turnover is
	// said in thousands, which no code is.)
	cue(CVV, "оборот", "оборота")
	cue(CVV, "безопасности", "обороте", "оборотной", "обратной", "трехзначный", "трехзначного", "защитный", "защитного", "сзади", "задней")

	cue(Code, "код", "кода", "коду", "кодом", "коде", "коды", "кодов", "смс", "sms", "эсэмэс", "смски", "смску", "смска", "эсэмэски", "эсэмэску")
	cue(Code, "кодовое", "кодовый", "кодового", "пин", "pin", "пак", "puk", "pin-код", "пин-код")
	// What one enters is a code, a PIN or a CVV: «ввела 5 шестьдесят».
	cue(Code, "ввела", "ввел", "ввели", "вводила", "вводил", "ввожу", "вводить", "ввести", "введите")
	cue(Code, "подтверждения", "проверочный", "проверочного", "одноразовый", "одноразового", "пароль", "пароля", "пуш", "push")

	cue(Passport, forms("паспорт", nounM...)...)
	cue(Passport, forms("загранпаспорт", nounM...)...)
	// Several travellers' passports asked at once: «продиктуйте данные
	// загранпаспортов».
	cue(Passport, "паспортов", "загранпаспортов")
	cue(Passport, "серия", "серии", "серию", "паспортные", "паспортных", "загран", "загранник", "загранника")

	cue(SNILS, "снилс", "снилса", "снилсу", "снилсом", "снилсе", "страхового", "страховой", "страховое", "свидетельства", "свидетельство")
	cue(INN, "инн", "инна", "иннн", "налогоплательщика", "индивидуальный")
	cue(Account, "счет", "счета", "счету", "счетом", "счете", "расчетный", "расчетного", "расчетному", "реквизиты", "реквизитам")
	cue(Account, forms("банковск", "ий", "ого", "ому", "им", "ом", "ие")...)

	ru(tTrap, forms("заявк", "а", "и", "е", "у", "ой")...)
	// Numbers a company gives out: a waybill, a policy, a parcel, an
	// application, a ticket, a booking, a claim, a receipt; and a
	// personal account with a provider («лицевой счет»), which is a
	// contract's number (a bank's 20-digit account is masked by its
	// format all the same).
	ru(tTrap, forms("накладн", "ая", "ой", "ую")...)
	ru(tTrap, forms("полис", nounM...)...)
	ru(tTrap, forms("посылк", nounA...)...)
	ru(tTrap, "посылки") // (nounA makes «посылкы»)
	ru(tTrap, forms("отправлени", "е", "я", "ю", "ем", "и")...)
	ru(tTrap, forms("заявлени", "е", "я", "ю", "ем", "и")...)
	ru(tTrap, forms("билет", nounM...)...)
	ru(tTrap, "бронь", "брони", "бронью", "бронирования", "трек", "артикул", "артикула", "рейс", "рейса", "штрих", "штрихкод", "штрихкода")
	// A certificate's, a coupon's, a promo code's, a receipt's, a
	// barcode's, a device's serial number: a company's numbers too.
	// A request's, a tour's, a loan's, a sick note's, a registered
	// letter's (РПО), a land plot's number.
	ru(tTrap, forms("запрос", nounM...)...)
	// A payment's, a salary's amount: «оплата 28 615 прошла», «а
	// зарплата 52 000».
	ru(tTrap, forms("оплат", "а", "ы", "е", "у")...)
	ru(tTrap, forms("зарплат", "а", "ы", "е", "у")...)
	ru(tTrap, "оклад", "оклада")
	// A product's code, a region's code on a plate: «код товара 4811209»,
	// «с кодом региона 116».
	ru(tTrap, forms("товар", nounM...)...)
	ru(tTrap, "регион", "региона", "региону")
	// A code that is no verification code, named after «код»: an error's,
	// a passport office's, an intercom's («код ошибки 651», «код
	// подразделения 500 003», «код домофона 45»).
	ru(tTrap, "ошибки", "ошибок", "подразделения", "домофона", "домофон", "домофону")
	// A door's, a gate's, an entrance's code: «код от двери 4 4 1 9
	// решетка», «код на шлагбауме 258», «код от подъезда 145» (causes
	// block ML; not a parcel locker's cell, «код от ячейки», which a code
	// by text message opens).
	ru(tTrap, "двери", "шлагбаума", "шлагбауме", "шлагбаум", "калитки", "калитку", "ворот", "воротах", "подъезда")
	// An error's number said after its word: «выдает ошибку 5 0 2»
	// («ошибка» is a correction's word: «ой ошибка 45 ...»).
	ru(tTrap, "ошибку", "ошибкой")
	// A card's expiry: «срок действия 08 28», «действует до 03 29».
	ru(tTrap, "действия", "действует")
	// Documents issue 13 does not list: a driving licence, a disability
	// certificate, a vehicle's or a birth certificate («водительское
	// удостоверение», «свидетельство о регистрации»; «страховое
	// свидетельство» is a SNILS: docCertificate).
	ru(tTrap, forms("удостоверени", "е", "я", "ю", "ем")...)
	// A driving licence said short, a fine's ruling, a car's VIN, a
	// complaint: numbers issue 13 does not list («права 9918 340552»,
	// «номер постановления 1881 ...», «вин x t a 2170 ...»).
	// A loan's number: «займ 55 12 80».
	ru(tTrap, "займ", "займа", "займу", "займом", "займе")
	ru(tTrap, "водительское", "водительского", "права", "постановление", "постановления", "вин", "vin", "жалоба", "жалобы", "жалобе", "жалобу")
	// A vehicle's documents and the licence in other cases: «по
	// водительскому 99 06 731 842», «стс 9920 445812», «птс 77 эр ха ...»
	// (a vehicle's registration certificate and passport).
	ru(tTrap, "водительскому", "водительским", "водительском", "водительские", "водительских", "стс", "птс", "эптс")
	// A payment's identifier for a fine or a tax (УИН, 20 or 25 digits:
	// «оплатить до 1 декабря уин 1820 0000 ...»).
	ru(tTrap, "уин", "уина")
	// A company's registration and a bank's codes (ОГРН, КПП, БИК, ...)
	// and a device's IMEI: «огрн 1027700132195», «бик 044525225».
	ru(tTrap, "огрн", "огрнип", "кпп", "бик", "кбк", "окпо", "октмо", "окато", "оквэд")
	ru(tTrap, imeiWords...)
	ru(tTrap, forms("кредит", nounM...)...)
	ru(tTrap, "тур", "тура", "туре", "рпо", "больничный", "больничного", "больничному", "кадастровый", "кадастрового", "кадастровым", "кадастровому", "кадастровом")
	// An ad's number on a marketplace, a licence's, a customs code's (ТН
	// ВЭД), a toll transponder's: «номер объявления 3 0 4 4 ...».
	ru(tTrap, forms("объявлени", "е", "я", "ю", "ем", "и")...)
	ru(tTrap, forms("лицензи", "я", "и", "ю", "ей")...)
	// A foreign worker's patent (a work permit: its number is no
	// passport's, issue 13 does not list it).
	ru(tTrap, forms("патент", nounM...)...)
	// An app's or a device's version: «в приложении версии 3 44 1».
	ru(tTrap, "версии", "версию", "версией", "прошивки", "прошивка", "прошивку")
	// A barcode, a VIN in the dative: «баркод товара», «отчёт по вину».
	// (Not «записи»: «код из смс для записи 3 3 1 8» then types the
	// operator's «в регистратуру 122» as the code, the trap word being
	// the question's latest.)
	ru(tTrap, "баркод", "баркода", "баркоду", "вину")
	// A postal index: «индекс инспекции 143 400».
	ru(tTrap, "индекс", "индекса", "индексу", "индексом")
	// Words of money the list lacked: a refund, a subscription, a
	// deposit, a fine, a fee, a surcharge, an overpayment, a cashback
	// («подписка кинопоиск 299», «возврат 399» after a card's digits).
	ru(tTrap, forms("возврат", nounM...)...)
	ru(tTrap, forms("подписк", nounA...)...)
	ru(tTrap, "подписки") // (nounA makes «подпискы»)
	ru(tTrap, forms("залог", nounM...)...)
	ru(tTrap, forms("штраф", nounM...)...)
	ru(tTrap, forms("комисси", "я", "и", "ю", "ей")...)
	ru(tTrap, forms("доплат", "а", "ы", "е", "у", "ой")...)
	ru(tTrap, forms("переплат", "а", "ы", "е", "у", "ой")...)
	ru(tTrap, "кэшбэк", "кешбэк", "кэшбек", "кешбек")
	// A purchase, a monthly fee, an automatic payment, a fee, an advance,
	// a prepayment, a total (causes block FU: «покупка 12 990» after the
	// client's «код», «абонплата 850» after «вводить»).
	ru(tTrap, forms("покупк", nounA...)...)
	ru(tTrap, "покупки") // (nounA makes «покупкы»)
	ru(tTrap, forms("абонплат", "а", "ы", "е", "у", "ой")...)
	ru(tTrap, forms("автоплатеж", nounM...)...)
	// A payment order, a document issue 13 does not list: its number and
	// its sum («платежка номер сорок один на восемь тысяч триста ушла»
	// after the client's code and «пять цифр», causes block UG).
	ru(tTrap, forms("платежк", "а", "и", "е", "у", "ой")...)
	ru(tTrap, forms("платёжк", "а", "и", "е", "у", "ой")...)
	ru(tTrap, forms("поручени", "е", "я", "ю", "ем")...)
	ru(tTrap, forms("взнос", nounM...)...)
	ru(tTrap, forms("аванс", nounM...)...)
	ru(tTrap, forms("предоплат", "а", "ы", "е", "у", "ой")...)
	ru(tTrap, "итого")
	ru(tTrap, "тнвэд", "вэд", "транспондер", "транспондера", "транспондеру")
	ru(tTrap, forms("сертификат", nounM...)...)
	ru(tTrap, forms("купон", nounM...)...)
	ru(tTrap, forms("промокод", nounM...)...)
	ru(tTrap, "чек", "чека", "чеку", "чеке", "штрихкод", "штрихкода", "серийный", "серийного", "серийник", "серийника")
	ru(tTrap, forms("претензи", "я", "и", "ю", "ей")...)
	// A bank's correspondent account («корсчёт банка 30101 ...»).
	ru(tTrap, "корсчет", "корсчета", "корсчёт", "корсчёта", "корреспондентский", "корреспондентского", "корреспондентском")
	// An insurance claim's number («номер убытка у вас есть»).
	ru(tTrap, "убыток", "убытка", "убытку", "убытком", "убытке")
	// A court case's, a notarial register's number («по делу 02 1190
	// 2025», «реестровый номер ...»: causes block KX).
	ru(tTrap, "делу", "реестровый", "реестровому", "реестровым", "реестра")
	ru(tTrap, forms("квитанци", "я", "и", "ю", "ей")...)
	ru(tTrap, forms("задолженност", "ь", "и", "ью")...)
	ru(tTrap, forms("лицев", "ой", "ого", "ому", "ым", "ом")...)
	ru(tTrap, forms("заказ", nounM...)...)
	ru(tTrap, forms("обращени", "е", "я", "ю", "ем", "и")...)
	ru(tTrap, forms("тикет", nounM...)...)
	ru(tTrap, forms("договор", nounM...)...)
	ru(tTrap, forms("тариф", nounM...)...)
	ru(tTrap, forms("сумм", nounA...)...)
	ru(tTrap, forms("стоимост", "ь", "и", "ью")...)
	ru(tTrap, "цена", "цены", "цене", "ценой", "стоит", "стоил", "стоила", "стоило", "стоят", "оплатил", "оплатила", "оплатили", "заплатил", "заплатила", "заплатили", "списали", "списалось", "списано", "зачислено", "пополнил", "пополнила", "перевел", "перевела", "вернуть", "верните", "долг", "задолженность", "баланс", "балансе", "скидка", "скидку", "скидки", "скорость", "скорости", "скоростью", "акция", "акции", "пакет", "пакета", "мастер", "приедет", "придет", "подойдет", "ожидайте", "время", "времени", "окно", "интервал", "этаж", "этаже", "подъезд", "подъезде", "канал", "каналов", "абонентская", "абонентскую", "абонентской", "плата", "плату", "платы", "платеж", "платежа", "платежи", "кабинет", "кабинета", "офис", "офиса", "отделение", "отделения", "роутер", "роутера", "модель", "версия")

	ru(tUnit, forms("рубл", "ь", "я", "ей", "ю", "ем", "ях")...)
	// «1 299 списано»: money moved; the number before is an amount.
	ru(tUnit, "списано", "списали", "списалось", "зачислено", "оплачено", "поступило", "переведено")
	ru(tUnit, "руб", "р", "рэ", "копеек", "копейки", "копейка", "коп", "тыс", "млн", "миллион", "миллиона", "миллионов", "доллар", "долларов", "доллара", "евро", "у.е", "уе")
	ru(tUnit, "процент", "процента", "процентов", "процентах", "мегабит", "мегабита", "мегабиты", "мбит", "мб", "гигабит", "гигабита", "гб", "гигабайт", "гигабайта", "мегабайт", "мегабайта", "килобит")
	ru(tUnit, "минут", "минуты", "минуту", "мин", "секунд", "секунды", "секунду", "сек", "час", "часа", "часов", "часам", "часу", "день", "дня", "дней", "дни", "неделю", "недели", "недель", "неделя", "месяц", "месяца", "месяцев", "год", "года", "лет", "раза", "штук", "штуки", "шт", "числа", "число", "канала", "каналов", "метров", "метра", "км", "гигов", "мегов", "этаж", "этаже", "вечера", "утра", "ночи", "дня", "человек", "человека", "квартал", "серии", "каналы", "звонка", "звонков", "попытки", "попыток", "уровня", "класса")

	// Cubic metres, a meter's or a load's: «в конце стоит двенадцать
	// кубов» after a phone is a quantity, no phone's end.
	ru(tUnit, "куб", "куба", "кубов", "кубы", "кубометр", "кубометра", "кубометров")
	// A flat's or a plot's area: «квартиру площадь пятьдесят четыре
	// квадрата», «сорок шесть квадратных метров», «шесть соток».
	ru(tUnit, "квадрат", "квадрата", "квадратов", "квадратных", "квадратный", "квадратного", "соток", "сотки", "сотка", "гектар", "гектара", "гектаров")

	for _, m := range []string{"январ", "феврал", "апрел", "июн", "июл", "сентябр", "октябр", "ноябр", "декабр"} {
		ru(tMonth, forms(m, "ь", "я", "е", "ю", "ем")...)
	}
	ru(tMonth, "март", "марта", "марте", "мая", "май", "мае", "август", "августа", "августе")

	ru(tNameCue, "зовут", "звать", "фамилия", "фамилию", "фамилии", "фамилией", "имя", "отчество", "отчеству", "отчества", "фио", "имени", "инициалы", "имена")
	// How the client asks to be called (causes block FW): «зовите меня
	// просто леша», «обращайтесь ко мне валентина».
	ru(tNameCue, "зовите", "обращайтесь")
	ru(tStreet, forms("улиц", "а", "ы", "е", "у", "ей")...)
	ru(tStreet, "ул", "проспект", "проспекта", "проспекте", "пр", "переулок", "переулка", "переулке", "пер", "бульвар", "бульвара", "бульваре",
		"шоссе", "набережная", "набережной", "площадь", "площади", "проезд", "проезда", "проезде", "тупик", "микрорайон", "микрорайоне", "мкр", "жилмассив", "жилмассиве", "махалля", "махалла", "махалле", "махаллы", "аллея", "аллее")
	// A «квартал» is a street with its number before a house («квартал 12
	// дом 4»); said of a year's quarter it has no house (tUnit too).
	ru(tStreet, "квартал", "квартала", "квартале")
	// A «линия» is a street only with its number or name and a house
	// (lineStreet): «5 линия дом 38», not «горячая линия 8 800 ...».
	ru(tStreet, "линия", "линии", "линию")
	// The dative, after the house: «в доме 16 по проезду энтузиастов».
	ru(tStreet, "проспекту", "переулку", "бульвару", "проезду", "тупику")
	ru(tHouse, "дом", "дома", "доме", "дому", "д", "корпус", "корпуса", "корп", "к", "строение", "стр", "квартира", "квартиры", "квартире", "квартиру", "кв", "литера", "литер",
		"владение", "вл", "офис", "подъезд", "подъезда",
		// A housing estate's section: «жк солнечный корпус 3 секция 2».
		"секция", "секции")
	ru(tFlat, "квартира", "квартиры", "квартире", "квартиру", "кв")
	ru(tSettle, "город", "г", "поселок", "поселке", "пос", "пгт", "деревня", "деревне", "дер", "село", "селе", "снт", "днт", "тсн", "станица", "станице", "хутор", "жк",
		"товарищество", "товарищества", "гск", "кооператив", "кооператива", "кооперативе", "область", "области", "обл", "край", "крае", "район", "районе", "республика", "республике", "км", "километр", "кольцо")
	ru(tAt, "собака", "собачка", "собачку", "собаку", "эт")
	ru(tDot, "точка", "точку", "точки", "дот")
	// Joiners inside a mailbox: «дмитрий нижнее подчеркивание 1982».
	// Relatives, payees, a caller who is a sole trader («я ип»), whose
	// names are said with no other cue: «дочке настя», «на маму ханова
	// роза», «жену гладких ирина», «мужа воронин», «получатель соколов ян».
	for _, stem := range []string{"мам", "дочк", "сестр", "жен", "бабушк", "внучк", "племянниц", "соседк", "подруг"} {
		ru(tKin, forms(stem, "а", "ы", "е", "у", "ой", "и")...)
	}
	for _, stem := range []string{"сын", "брат", "муж", "внук", "племянник", "отц", "сосед", "друг"} {
		ru(tKin, forms(stem, "а", "у", "ом", "е")...)
	}
	// In-laws, uncles and aunts, a spouse, a guardian: «оформлено на
	// тёщу зинаиду фёдоровну».
	ru(tKin, "теща", "тещи", "теще", "тещу", "тещей", "свекровь", "свекрови", "свекра", "свекру", "тесть", "тестя", "тестю", "зять", "зятя", "зятю",
		"невестка", "невестки", "невестке", "невестку", "дядя", "дяди", "дяде", "дядю", "тетя", "тети", "тете", "тетю", "супруг", "супруга", "супругу", "супруге", "супруги",
		"опекун", "опекуна")
	ru(tKin, "сосед", "друг", "племянник")
	// Step-relatives, more in-laws, godparents, great-grandchildren, a
	// partner, the familiar forms: «деверь мой анатолий», «отчим андрей»,
	// «бабуля зоя», «от золовки ирины» (causes block PV).
	for _, stem := range []string{"мачех", "падчериц", "золовк", "снох", "правнучк", "сожительниц", "кузин", "свояченниц"} {
		ru(tKin, forms(stem, "а", "ы", "е", "у", "ой", "и")...)
	}
	for _, stem := range []string{"бабул", "мамул", "дедул"} {
		ru(tKin, forms(stem, "я", "и", "е", "ю", "ей")...)
	}
	for _, stem := range []string{"отчим", "пасынк", "правнук", "шурин", "свояк", "кузен", "крестник"} {
		ru(tKin, forms(stem, "а", "у", "ом", "е")...)
	}
	for _, stem := range []string{"сожител", "девер"} {
		ru(tKin, forms(stem, "я", "ю", "ем", "е")...)
	}
	ru(tKin, "отчим", "пасынок", "правнук", "шурин", "свояк", "кузен", "крестник", "сожитель", "деверь", "свекор", "свекром", "дед", "деда", "деду", "дедом",
		"крестная", "крестной", "крестную", "крестный", "крестного", "крестному", "крестница", "крестницы", "крестнице", "крестницу")
	// Children and grandchildren in the plural, a husband in the
	// instrumental: «двое детей миша и ксюша», «с мужем с андреем»
	// (causes block PN).
	ru(tKin, "мужем", "дети", "детей", "детям", "детьми", "внуки", "внуков", "сыновья", "сыновей", "дочерей")
	ru(tKin, "отец", "сын", "брат", "муж", "внук", "дочь", "дочери", "дочерью", "мать", "матери", "папа", "папы", "папе", "папу", "дедушка", "дедушки", "дедушке", "дедушку", "получатель", "получателя", "ребенок", "ребенка", "ребенку", "ип")
	// A party to a deal named by its role: «покупатель байрамова айсель
	// паспорт ...».
	ru(tKin, "покупатель", "покупателя", "покупательница", "покупательницы")
	ru(tKin, "отправитель", "отправителя") // a parcel's or a transfer's sender (causes block NT)
	// A party to a case, an estate or a loan, named by its role: «истец
	// горбунова вера павловна», «ответчик ларионов», «взыскатель лукин
	// павел олегович» (causes block OV).
	ru(tKin, "истец", "истца", "истцу", "истица", "истицы", "ответчик", "ответчика", "ответчику", "ответчица", "ответчицы", "взыскатель", "взыскателя", "взыскателю",
		"должник", "должника", "должнику", "должница", "должницы", "наследодатель", "наследодателя", "умерший", "умершего", "умершая", "умершей",
		"потерпевший", "потерпевшего", "потерпевшая", "потерпевшей", "поручитель", "поручителя", "заемщик", "заемщика", "заемщица", "заемщицы",
		"доверитель", "доверителя", "подопечный", "подопечного", "подопечная", "подопечной", "арендатор", "арендатора", "наниматель", "нанимателя")
	// Whom one books or whom a form names: «записывайте курбанова»,
	// «страхователь белоусова», «пациент иванов».
	ru(tKin, "запишите", "записывайте", "записать", "запиши")
	ru(tKin, "страхователь", "страхователя", "застрахованный", "застрахованного", "застрахованная", "застрахованной", "плательщик", "плательщика", "заявитель", "заявителя",
		"пациент", "пациента", "пациентка", "пациентки")
	ru(tJoin, "подчеркивание", "подчеркиванье", "подчеркивания", "нижнее", "нижний", "подчерк", "андерскор", "андерскоур", "тире", "дефис", "минус", "слэш", "underscore")
	ru(tTLD, "ру", "ру", "ком", "рф", "нет", "орг", "инфо", "ru", "com", "net", "org", "рус")
	// Other countries' and services' domains, as said: «протон ми», «мейл
	// кз».
	ru(tTLD, "ми", "me", "io", "ио", "кз", "kz", "su", "by", "бай", "uz", "ua")
	ru(tEmailCue, "почта", "почту", "почты", "почте", "мейл", "мэйл", "емейл", "имейл", "емэйл", "имэйл", "email", "mail", "e", "мыло", "ящик", "ящика", "электронку", "электронка", "электронке", "электронки", "электронная", "электронной", "электронную", "латинскую", "латинская", "латиницей", "домен")
	// (The participle too, as a record reads a person out: «кузнецов
	// артур маратович родившийся девятого октября девяносто шестого», cm.)
	ru(tBirth, "рождения", "родился", "родилась", "родились", "рожден", "рождена", "рожденная", "рожденный", "рожденные", "рождении", "др",
		"родившийся", "родившаяся", "родившегося", "родившейся")
	ru(tFiller, "э", "ээ", "эээ", "м", "мм", "ммм", "тире", "дефис", "плюс", "пробел")
	ru(tConn, "дальше", "далее", "потом", "затем")
	ru(tConn, "ой", "нет", "извините", "простите", "то", "есть", "точнее", "вернее", "повторяю", "повторю", "еще", "раз", "так", "значит", "записывайте", "записали", "записываете", "да", "ну", "а", "вот", "диктую", "сейчас", "секунду", "номер", "серия", "серии", "не", "ошибся", "ошиблась", "сначала", "заново", "давайте",
		"подождите", "погодите", "стоп", "неправильно", "сорри", "минутку", "минуточку", "вру", "щас", "перепутал", "перепутала", "короче", "кароч", "короч", "типа", "блин", "ошибка", "исправлюсь", "правильно", "точно", "верно", "опять", "снова", "проверьте", "записали", "подожди")
	ru(tStop, "я", "мне", "меня", "мой", "моя", "мое", "мои", "это", "вот", "и", "а", "но", "у", "в", "на", "по", "с", "со", "к", "о", "об", "за", "из", "от", "до", "для", "не", "да", "нет", "ну", "же", "бы", "ли",
		"вас", "вам", "вы", "мы", "он", "она", "они", "его", "ее", "их", "тут", "там", "здесь", "сейчас", "уже", "еще", "тоже", "также", "просто", "вообще",
		"звоню", "алло", "привет", "хочу", "хотел", "хотела", "могу", "можно", "нужно", "надо", "подскажите", "скажите", "пожалуйста", "спасибо", "здравствуйте", "добрый", "день", "вечер", "утро",
		"поводу", "насчет", "вопрос", "вопросу", "проблема", "интернет", "интернета", "зовут", "фамилия", "имя", "отчество", "адрес", "почта", "почту", "точка", "собака",
		"клиент", "абонент", "владелец", "звать", "так", "значит", "вот", "ага", "угу", "э", "ээ", "эээ", "что", "как", "когда", "где", "потому", "если", "чтобы")
	// Words that end as a surname in «-ко» does, said after a name
	// («тимуру сколько лет», «артем далеко ехать»: causes block GS).
	ru(tStop, "сколько", "столько", "только", "около", "далеко", "недалеко", "близко", "легко", "редко", "коротко", "громко", "высоко", "низко", "широко", "глубоко", "жестко", "жёстко", "мягко")
	ru(tDateWord, "года", "год", "году", "г", "числа", "число", "го")
	ru(tOperator, "позвонили", "компания", "компании", "оператор", "оператора", "специалист", "слушаю", "служба", "поддержки", "поддержка", "отдел", "отдела", "могу", "помочь", "ромашка")
	ru(tRole, "это", "я", "говорит", "беспокоит", "господин", "госпожа", "гражданин", "гражданка", "уважаемый", "уважаемая")
	// A title's other cases: «на имя гражданки эрдэнэ сарана».
	ru(tRole, titleCases...)
	// A name read back as it is on record: «записала вас как белова»,
	// «вы у нас значитесь как ...» (fullNames: recordedAs).
	ru(tRole, "записала", "записал", "записан", "записана", "записаны", "значитесь", "значится", "оформлен", "оформлена", "оформлено", "указан", "указана")
	ru(tNameQ, "представьтесь", "представиться", "обращаться", "владельца", "владелец", "кем")
	// Whom a thing is for or in whose name, asked in a word or two: «на
	// кого бронь», «кому оформлены», «получатель», «собственник
	// квартиры», «водитель кто будет», «гость», «фамилия пассажира».
	ru(tNameQ, "кого", "кому", "получатель", "получателя", "собственник", "собственника", "водитель", "водителя", "гость", "гостя", "пассажир", "пассажира")
	// Whose name follows the word for them as a relative's does («кличка
	// и владелец» — «владелец гаджиева хадижат», «гость ондар айдыс»);
	// not «водитель»: a taxi's driver is staff.
	ru(tKin, "владелец", "владельца", "собственник", "собственника", "собственница", "гость", "гостя", "гости", "пассажир", "пассажира",
		"застрахованные", "застрахованных")
	ru(tNameQ, "гости", "застрахованные", "застрахованных")
	// «подтвердите личность»: the caller says who they are.
	ru(tNameQ, "личность", "личности")
	// A colleague or a driver the client names («перевод коллеге саргсян
	// ашот»): the client's only (kinName), the operator's are staff.
	ru(tKin, "коллега", "коллеге", "коллегу", "коллеги", "водитель", "водителя")
	// An employee the client (an employer, an accountant) names in an
	// oblique case («расчёт отпускных сотруднице беляевой», «уволить
	// работника петрова»): the client's only, not after «ваш» (kinName),
	// the operator's are staff (causes block OL).
	ru(tKin, employeeWords...)
	// «повторите по буквам»: a name spelled (an e-mail's letters, where
	// one is being given, are the e-mail rules' first).
	ru(tNameQ, "буквам")
	// The address rule's cues, in both lexicons: it matched them in
	// either language (addresses).
	for _, lang := range []string{"ru", "en"} {
		add(lang, tAddrCue, addrCues...)
	}
	ru(tFirstName, firstNamesRU...)
	ru(tFirstName, firstNamesPeoplesRU...)
	ru(tFirstName, diminutivesRU...)
	ru(tNameForm, nameFormsRU...)
	ru(tNameForm, turkicPatronymicWords...) // a Turkic patronymic's word: «мамедов ровшан оглы»
	ru(tExpiry, "срок")
	ru(tTrip, tripStarts...)
	ru(tGoOn, "продолжайте", "говорите", "дальше", "далее", "записываю", "пишу", "диктуйте", "слушаю", "секундочку", "секунду", "минутку", "так", "угу", "ага")
}

func enWords() {
	en := func(t trig, ws ...string) { add("en", t, ws...) }
	cue := func(t Type, ws ...string) { addCue("en", t, ws...) }
	cue(Phone, "phone", "telephone", "mobile", "cell", "cellphone", "landline", "callback", "reach", "call")
	cue(Card, "card", "visa", "mastercard", "amex", "ending", "ends", "digits", "last")
	cue(CVV, "cvv", "cvc", "cvv2", "security", "back")
	cue(Code, "code", "verification", "otp", "one-time", "sms", "text", "passcode", "pin")
	cue(Passport, "passport", "social", "ssn", "license", "licence", "id")
	cue(Account, "account", "iban", "routing")
	en(tTrap, "order", "ticket", "case", "reference", "invoice", "plan", "tariff", "price", "costs", "cost", "paid", "pay", "payment", "amount", "total", "balance", "discount", "speed", "appointment", "technician", "package", "model", "version", "floor", "room")
	en(tUnit, "dollars", "dollar", "bucks", "cents", "euros", "pounds", "rubles", "percent", "megabits", "mbps", "gigabytes", "gb", "mb", "minutes", "minute", "hours", "hour", "days", "day", "weeks", "months", "years", "times", "pm", "am", "o'clock", "channels")
	en(tMonth, "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
	en(tNameCue, "name", "surname", "lastname")
	en(tStreet, "street", "st", "avenue", "ave", "road", "rd", "lane", "ln", "drive", "dr", "boulevard", "blvd", "way", "court", "place")
	en(tHouse, "apartment", "apt", "unit", "flat", "suite", "house")
	en(tAt, "at")
	en(tDot, "dot")
	en(tJoin, "underscore")
	en(tTLD, "com", "net", "org", "ru", "uk", "io", "edu", "info")
	en(tEmailCue, "email", "e-mail", "mail", "address", "e")
	en(tBirth, "birth", "born", "birthday", "dob")
	en(tFiller, "uh", "um", "er", "dash", "hyphen", "plus", "and")
	en(tConn, "sorry", "no", "i", "mean", "that's", "is", "again", "repeat", "let", "me", "so", "ok", "okay", "number", "the", "it's", "it", "wait", "actually", "yes")
	en(tStop, "i", "i'm", "me", "my", "is", "and", "the", "a", "an", "to", "of", "for", "in", "on", "at", "it", "this", "that", "calling", "about", "hi", "hello", "yes", "no", "please", "thanks", "thank", "you", "so", "um", "uh", "name", "here", "with", "from", "regarding", "sir", "madam", "just", "wanted", "want", "need", "have", "has", "was", "be")
	en(tDateWord, "of", "the", "th", "st", "nd", "rd", "year")
	en(tOperator, "company", "support", "help", "assist", "agent", "representative", "speaking", "calling")
	en(tRole, "this", "i'm", "am")
	en(tNameQ, "who")
	en(tFirstName, "john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles", "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen", "emma", "olivia", "anna", "peter", "paul", "mark", "daniel", "laura", "kate", "alex")
}

// lookup returns the lexicon's entry for a normalized word as a token
// holds it: its roles, its index in lexEntries (0 when the word is not in
// the lexicon) and its number kind.
func lookup(lang, w string) (trig, uint16, nk) {
	if w == "" {
		return 0, 0, nkNone
	}
	if c := w[0]; c >= '0' && c <= '9' {
		if allDigits(w) {
			return digitsEntry.trig, digitsIndex, nkDigits
		}
		// A digit and letters: in English a day's ordinal («3rd»), the
		// only such words of the English table; in Russian none.
		if lang != "en" {
			return 0, 0, nkNone
		}
	}
	tab := lexRU
	if lang == "en" {
		tab = lexEN
	}
	if sl := tab.slot(w); sl != nil {
		return sl.trig, sl.ent, sl.kind
	}
	return 0, 0, nkNone
}

// lexRU and lexEN are the lexicon frozen for lookup.
var lexRU, lexEN *lexTable

var digitsEntry = lexEntry{trig: tNum, num: numWord{kind: nkDigits}}

// digitsIndex is digitsEntry's index in lexEntries.
var digitsIndex = entryIndex(digitsEntry)

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// titles are the words a person is named after by their title, in every
// case: «гражданка тхай лан ань», «господин вайсман». Each loads its
// segment (prefilter): a name no list knows after one has no other word
// to start from.
var titleCases = []string{"гражданина", "гражданину", "гражданином", "гражданки", "гражданке", "гражданку", "гражданкой", "господина", "господину", "госпожи", "госпоже", "госпожу"}

func title(w string) bool {
	return isWord(w, "господин", "госпожа", "гражданин", "гражданка") || slices.Contains(titleCases, w)
}

// looksLikeNamePart reports whether a word with the lexicon roles roles
// (0: not in the lexicon) reads as a surname, a patronymic or a first
// name.
func looksLikeNamePart(lang, w string, roles trig) bool {
	if roles&(tFirstName|tNameForm) != 0 {
		return true
	}
	if roles&(tStop|tNum|tCue|tTrap|tUnit|tNameCue|tOperator|tStreet|tHouse|tMonth) != 0 {
		return false
	}
	if lang == "en" {
		return len(w) > 1 && isLetters(w)
	}
	if nameEndings.of(w, 3) {
		return !surnameShapedNouns[w]
	}
	return otherCyrillic(w)
}

// otherCyrillic reports whether w has a letter of a Cyrillic alphabet
// other than Russian's (Tatar and Bashkir «ә», «ө», «ү», «җ», «ң», «һ»,
// Kazakh «қ», «ғ», «ұ», Ukrainian «і», «ї», «є», «ґ», Belarusian «ў»): a
// recognizer that writes one writes a name as its owner says it
// («здравствуйте это нәзирә», «надія»), not a Russian word (causes block
// OJ). By its bytes: every such letter's UTF-8 starts with D2 or D3
// («ґ» D2 91, «ә» D3 99), or is D1 94-9F («є» 94, «і» 96, «ї» 97, «ў» 9E;
// Russian's «ё», D1 91, is below them).
func otherCyrillic(w string) bool {
	for i := 0; i+1 < len(w); i++ {
		switch c := w[i]; {
		case c == 0xD2 || c == 0xD3:
			return true
		case c == 0xD1 && w[i+1] >= 0x94 && w[i+1] <= 0x9F:
			return true
		}
	}
	return false
}

// addrCues start «проживаю по адресу ленина пять двенадцать».
var addrCues = []string{"адресу", "проживаю", "прописан", "прописана", "зарегистрирован", "зарегистрирована", "живу", "живем", "проживаем",
	"адрес", "адреса", "прописка", "прописке", "прописки",
	// A verb of delivering or coming, a street's name and a house after
	// it: «привезите на ленина 40», «подъедет на гагарина 15 корпус 2».
	"доставить", "доставьте", "доставите", "привезите", "привезти", "привезете", "подъедет", "подъехать", "приедет", "приехать",
	// Or of standing or waiting where a driver or a courier is to come
	// («стою у ленина 30», «жду на садовой 12»: causes block KU).
	"стою", "стоим", "жду", "нахожусь", "находимся", "заберите",
	// A company's place asked for («в каком пункте выдачи», «где
	// отделение»): the answer's address is the company's.
	"пункте", "пункт", "отделении", "отделение", "филиале", "филиал", "постамате", "постамат", "магазине", "магазин"}

// bigCities are the largest cities, as said before a street's name
// («москва тверская 12 квартира 5»): the address rules take up to two
// words before a house for the street's name, and a city is not one
// (issue 13 keeps city names).
var bigCities = map[string]bool{}

func init() {
	for _, c := range strings.Fields(`москва москве петербург питер новосибирск екатеринбург казань казани новгород челябинск самара самаре омск ростов
		уфа уфе красноярск воронеж пермь перми волгоград краснодар саратов тюмень тольятти ижевск барнаул ульяновск иркутск хабаровск ярославль
		владивосток махачкала томск оренбург кемерово рязань астрахань пенза липецк тула туле киров чебоксары калининград брянск курск иваново
		тверь ставрополь белгород сочи сургут владимир архангельск смоленск калуга мурманск вологда подольск химки балашиха мытищи королев люберцы`) {
		bigCities[c] = true
	}
}

var nameSuffixes = []string{"вич", "вна", "ична", "ич", "ов", "ова", "ев", "ева", "ин", "ина", "ын", "ына", "ский", "ская", "цкий", "цкая", "енко", "ко", "ук", "юк", "ян", "их", "ых", "швили", "дзе", "берг", "заде",
	"ov", "ova", "ev", "eva", "in", "ina", "sky", "skaya", "enko"}

// isLetters reports whether w has no digit (read by the byte: no byte
// of a letter's UTF-8 is an ASCII digit).
func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			return false
		}
	}
	return true
}

// firstNamesRU are common Russian first names in the forms said after
// «меня зовут» and «это».
var firstNamesRU = strings.Fields(`
александр алексей анатолий андрей антон аркадий арсений артем артур богдан борис вадим валентин валерий василий виктор виталий владимир владислав всеволод вячеслав геннадий георгий герман глеб григорий давид даниил данила денис дмитрий евгений егор иван игорь илья кирилл константин лев леонид максим марк матвей михаил никита николай олег павел петр роберт родион роман руслан святослав семен сергей станислав степан тимофей тимур федор филипп эдуард юрий ярослав
саша леша андрюша ваня дима женя коля миша петя сережа слава толя федя юра костя вова володя паша рома макс
александра алена алина алла анастасия ангелина анна антонина валентина валерия варвара вера вероника виктория галина дарья диана евгения екатерина елена елизавета жанна зинаида зоя инна ирина карина кира клавдия кристина ксения лариса лидия любовь людмила маргарита марина мария милана надежда наталья наталия нина оксана олеся ольга полина раиса светлана снежана софия софья таисия тамара татьяна ульяна юлия яна
аня катя лена маша наташа оля света таня юля настя даша галя люба надя ира
афанасий вениамин демид ефим захар игнат иннокентий кузьма лука мирон назар нестор остап платон прохор савва савелий тарас трофим яков елисей ростислав мирослав эрик адам
ринат ренат азамат ильдар рашид айдар марат рустам рамиль ильнур динар альберт эльдар нурлан ахмед магомед расул ислам карим дамир ильшат фарид равиль наиль ильяс салават азат эмиль камиль радик рафаэль
василиса злата эмилия ева алиса арина есения стефания серафима агата марьяна нелли элла эльмира римма фаина эмма майя нонна инга белла лиза вика соня валя люда зина
альбина гульнара лейла лиана эльвира алсу динара диляра зарина камила регина рената аделина милена эвелина алия гузель ляйсан зульфия амина луиза
дина дарина элина виолетта катерина лера лиля марьям фатима камилла ника ксюша влад тихон гордей демьян алишер шамиль аслан заур данияр
альфия резеда лилия гульшат наиля рамиля гульназ гульнур фания розалия ильмира венера
лева маргоша марго тося леля егорка
`)

// firstNamesPeoplesRU are first names of the peoples of Russia and its
// neighbours, and rarer Russian, Ukrainian, Jewish and European ones, as a
// Russian recognizer writes them (ё as е): a client is as likely to be
// called so as by the names above. Left out: names that are common words
// or their forms («роза», «лада», «марта», «седа», «эка»).
var firstNamesPeoplesRU = strings.Fields(`
мадина зарема хадижат патимат айшат хава заира луиза милана асият зульфия фатима
муса иса ибрагим хасан хусейн умар зелимхан рамзан ахмад мурад абдулла гамзат шамиль
арам ашот вардан самвел тигран гагик арсен армен карен левон гурген араик нарек ануш анаит асмик гаяне карине лилит нарине сирануш
гиорги леван ираклий давит нодар тамаз зураб гоча вахтанг резо реваз нино натела манана кетеван
эльчин эльнур рашад орхан фуад самир анар вугар ильхам тофик айдын гюнай севиндж нигяр айгюн севда
бахром шерзод фаррух хуршед саидмурод джамшид бехруз далер фирдавс сухроб шохрух азиз анвар акмал бахтиер улугбек отабек жасур
дильноза нилуфар шахноза гулноза феруза малика нодира мохира севара лола гуля
асель айгерим арман ерлан нурсултан бауыржан айдос ерболат асхат мирлан айбек бекзат нурлан жибек гульмира айжан назира
айнур ильнар ильдус фанис рифат рустем булат тагир ильгиз айгуль айсылу зиля лейсан ильсияр эндже чулпан айгиза
баир батор баатр бато цырен даши солбон аюр сэсэг туяна аюна сарана айсен айаал нюргун туйаара сардана айдыс чечек
мыкола василь петро ганна марийка ярина соломия
эммануил моисей исаак самуил наум хаим сара рахиль фира ида
ганс фридрих эрика патрик майкл жан пьер хосе карлос мишель
джон джеймс уильям томас питер дэвид ричард чарльз джордж генри фрэнк эндрю стивен кевин брайан шон лиам оливер гарри джек мэри дженнифер линда сьюзан джессика кейт эмили хлоя
агафья акулина ефросинья прасковья евдокия пелагея глафира ариадна аглая стелла юлиана ярослава станислава мирослава владислава богдана любава
радомир добрыня лаврентий порфирий феликс эдгар генрих арнольд венедикт викентий герасим гавриил ипполит илларион климент макар никифор пантелей серафим спиридон фадей фома харитон юлиан ян
` +
	// More of the CIS's peoples' (Kazakh, Kyrgyz, Uzbek, Tajik,
	// Azerbaijani, Armenian, Georgian as the recognizer writes them,
	// Tatar and Bashkir, Chechen and Dagestani, Buryat and Yakut,
	// Ukrainian and Belarusian, Baltic, Moldovan), German, Jewish and
	// Western ones (causes block FN). Left out: names that are common
	// words («грант», «канат», «алмаз», «султан», «хана», «дари», «ион»).
	`
ерасыл ержан нуржан берик бекжан серик болат кайрат даурен ермек еркебулан алибек жандос жанибек санжар мейрам талгат нурбол темирлан бахыт алмас мухтар мурат ербол бакыт нурбек эркин эркинбек адилет мирбек тилек улан тимурлан асан усен жаныбек самат аян ернар багдат марлен
жанар жулдыз карлыгаш назгуль нургуль сауле салтанат айдана аружан аяулым жансая томирис айсулу акмарал айнура бермет гульзат жылдыз чолпон мээрим нурзат айпери канышай айым
шавкат умид дилшод зафар ботир бобур сардор жахонгир джахонгир жамшид иброхим илхом камол мансур мухаммад мухаммадали нодир равшан сирожиддин собир тохир файзулло хамид шухрат шерали абдулазиз ойбек бекзод достон
мавлюда хуршида мунира мохинур нигора ойгуль озода сабина сайера умида хилола шахло шахзода гулчехра гульчехра зухра мухаббат барно дилором саодат зебо фарангиз парвина тахмина мехрона шабнам фарзона
эльвин эльшан эльмир рафик ильгар исмаил вагиф фазиль фикрет физули гусейн ровшан рауф сеймур тургут хаял эмин
айтен гюльнар гюльшан лала нармин самира севиль ульвия фидан хумар эсмира айсель гюнель гюльнара зумруд конул кенуль
сурен ваграм ваге вазген гайк мгер мкртич норайр овик оганес рубен седрак айк андраник артак арутюн акоп ованес карапет геворг
арпине астхик мариам нунэ нуне шушаник ерануи рипсиме сусанна татевик лусине
гиоргий гиви гурам каха лаша мамука мераб отари паата сосо тенгиз шота бесик автандил гела тамрико тамар лика натия софико маико нана
айрат ильфат ильсур ирек ленар ришат рифкат фарит фаннур хайдар ильназ ильгам раиль рафис
гульсум дильбар зульфат раиля рушания сююмбике фирюза гульфия гульсина гульчачак миляуша найля фагима фарида фаузия хадия ралина
бислан мовсар муслим турпал хамзат ризван абубакар гаджи магомедрасул залина зайнаб хеда марем ясмина петимат
баяр жаргал намжил аяна алтана эрхан мичил
олесь павло андрий юрко зоряна христина ярема алесь галына
айварс янис гунтис андрис марис юрис каспарс эдгарс миндаугас витаутас йонас аудрюс линас раймонд ингрида илзе лайма руте расма дайна ивета
василе штефан михай дорин думитру ливиу мариана корина родика виорика
ханна отто ханс вильгельм эрих франц хельга гертруда эльза ирма лея моше
алекс энтони адриан мартин даниэль габриэль натан лукас лаура ребекка джулия анжела анжелика изабелла оливия амелия софи
` +
	// More Muslim names of Russia's and the CIS's peoples, and rarer
	// Russian and Polish ones (lane i13n13, session 13: «внучку сафию»,
	// «дочь айлана», «[третьякова] мила» were kept). Left out: those that
	// are places or common words too («дания», «марсель», «медина»).
	`
сафия айлана амира аиша асия аделя разия рания сабрина ильвина юсуф якуб идрис имран малик мустафа рахим салим халид хамза юнус мухаммед ахмет ильяз нияз фархад фарход арслан тамерлан эмир
мила николь мирра агния василина устинья элеонора виталина божена ванда артемий еремей лукьян ермолай добромир
` +
	// Names of Central Asia's, the Caucasus's, Tatarstan's and
	// Bashkortostan's, Yakutia's and Buryatia's peoples the lists lacked
	// (Tajik and Uzbek «парвиз», «мехринисо», Kyrgyz and Kazakh «нургали»,
	// «бегимай», Tatar «фаниль», Azerbaijani «джавид», Armenian «геворк»,
	// Georgian «бидзина», Yakut «саргылана», «дьулустан», Buryat
	// «сэсэгма», Ukrainian «олена», «надія»; lane i13n15, session 15,
	// causes block OA). Left out: those that are common words or their
	// cases too («омар», «мака», «обид», «чинара», «тарана», «седа»), a
	// title («мирза») and a town («айхал»).
	`
джамшед парвиз фируз абдулло абдурахмон абдурашид абдусалом акбар амирхон аброр баходир бахтовар бехзод бобуржон валиджон гайрат джамол зиевуддин
зохир икром исмоил комрон кудрат латиф музаффар мухиддин нажмиддин насим нурали нуриддин одил олим пулод рахмон саид сиевуш сироджиддин сохиб сулаймон
усмон хайрулло шамсиддин шариф шохин ислом исроил камолиддин лутфулло махмуд мирзохид мухаммаджон носир ризо саидджон сарвар субхон толиб хаким хусан
шодмон едгор бахтияр алимжан аловуддин бахриддин жамолиддин зайниддин комил миродил мирзо нозим рустамжон саиджон фахриддин хуршид шахриер эркинжон
мехринисо гулнора гульнора манижа мавжуда муниса нигина рухшона сабохат ситора сурайе фарангис хуршеда шоира гулшан гулбахор дилафруз дилдора камола
лайло лобар малохат мохигул мукаддас нозима фотима юлдуз гулсара гульсара мехри зулфия дилноза манзура мафтуна нургали бакытбек жусуп жумабек таалай
кубанычбек алмазбек эрлан бактыгуль чынара жазгуль нуржамал жанара айнагуль бегимай арайлым жанель куаныш ерзат дархан жанат мадияр галым абылай адиль
бекболат жанболат гульжан айман фаниль ильмир ранис рамис фидаиль фаиль габдулла габдрахман мунир зуфар разиль фирдус нафиса рузиля фирая флюра
ильзира айзиля райля рафида разиля танзиля минзаля ильфир рафаиль фларит ильяр ильвир ринас рамиз рамил джавид джейхун фариз шахин намик ниджат сабир
сахиб талех теймур ульви хикмет этибар наргиз хаяла зейнаб джамиля кямаля мехрибан пярвин рухсара эльмар эльхан агиль акиф ариф видади гасан мамед
натиг рамин сардар тогрул фамил ханлар ягуб гюльчин тамилла амаяк баграт вараздат ваган гарик геворк ерванд жирайр завен корюн размик сейран ваан
вачаган грачья аветик аревик армине заруи шушан эрмине нвард гоар айкануш сона амбарцум арташес бадри бидзина важа гия джемал заза коба мириан нугзар
тариэл теймураз эмзар элгуджа хатуна циала нателла лали мзия тинатин медея этери дарико русудан лела саргылана айтал дьулустан эрчим ньургустан алгыс
куннэй сайаана айыына айталина нарыйа кэскил айсана уйгулаана туяра тускун ньургуяна сахаайа баира дулма сэсэгма бальжит дашима дугар чингис мунко
тумэн эрдэни сарюна оюна янжима цыден надія олександр олексій олена наталка тетяна дмытро ирына алихан джабраил зайнудин магомедали насрулла
нурмагомед сулейман хабиб шахбан юсуп абдулкадыр ахмадбек муслимат сапият загидат умукусум зулихан раяна аминат
олжас асылбек ерназар даулет мейрамбек нурлыбек жансултан айбар ернур бекарыс акжол дидар тамирис жанерке балжан гаухар шынар
`)

// diminutivesRU are the diminutives and short forms of Russian first
// names a client calls a child or a relative by («на дочку танюшу»,
// «сына гошу»), which the first names' list lacked; not those that are
// common words («тема», «поля», «варя», «тома», «клава», «галочка»).
var diminutivesRU = strings.Fields(`
танюша сашенька машенька лизонька ванечка димочка наташенька катюша светочка анечка олечка юленька настенька дашенька мишенька сереженька коленька петенька ирочка леночка людочка ниночка валечка верочка надюша любочка вовочка алешенька женечка сонечка
сеня гоша гена жора кеша митя сева славик витя вадик владик стас эдик алик боря гриша яша валера вася виталик юрик толик леня лида люся маруся шура нюра тоня ася тася рита уля дуня фрося лана влада вита тамарочка риточка стеша лара
`)

// nameFormsRU are the other cases of the commonest first names («анну»,
// «ольги», «сергея», «павла»), which make the prefilter read a sentence
// that may name someone with no other word a rule starts from («запишите
// на петрову анну к терапевту»). Not of names that are common words in
// those cases (вера, надежда, роман: «веру», «надежды», «романа»), and
// the short names' whose forms are not («свету», «колю», «женю», «любой»).
var nameFormsRU = func() []string {
	var out []string
	for _, n := range strings.Fields(`анна ольга елена ирина наталья татьяна светлана екатерина юлия мария анастасия галина людмила валентина
		нина марина дарья виктория ксения алена софия полина тамара лариса жанна кристина евгения александра оксана
		иван сергей александр алексей дмитрий андрей николай михаил владимир евгений игорь павел олег максим артем виктор юрий
		денис антон константин никита василий петр григорий анатолий борис вадим илья кирилл тимур руслан егор матвей арсений степан федор
		саша маша лена таня катя оля наташа юля настя даша аня ира надя миша дима паша ваня петя`) {
		out = append(out, nameForms(n)...)
	}
	return out
}()

// nameForms returns a first name's other cases by its ending.
func nameForms(n string) []string {
	stem := func(cut int) string { return n[:len(n)-cut] }
	switch {
	case n == "павел":
		return []string{"павла", "павлу", "павлом", "павле"}
	case n == "петр":
		return []string{"петра", "петру", "петром", "петре"}
	case strings.HasSuffix(n, "ия"):
		b := stem(len("ия"))
		return []string{b + "ию", b + "ии", b + "ией"}
	case strings.HasSuffix(n, "ья"):
		b := stem(len("ья"))
		return []string{b + "ью", b + "ьи", b + "ье", b + "ьей"}
	case strings.HasSuffix(n, "ий"):
		b := stem(len("ий"))
		return []string{b + "ия", b + "ию", b + "ием", b + "ии"}
	case strings.HasSuffix(n, "ей") || strings.HasSuffix(n, "ай"):
		b := stem(len("й"))
		return []string{b + "я", b + "ю", b + "ем", b + "е"}
	case strings.HasSuffix(n, "ь"):
		b := stem(len("ь"))
		return []string{b + "я", b + "ю", b + "ем", b + "е"}
	case strings.HasSuffix(n, "я"):
		b := stem(len("я")) // «таня»: тани, тане, таню, таней
		return []string{b + "ю", b + "и", b + "е", b + "ей"}
	case strings.HasSuffix(n, "а"):
		b := stem(len("а"))
		gen, ins := b+"ы", b+"ой"
		for _, k := range []string{"г", "к", "х", "ж", "ш", "щ", "ч"} {
			if strings.HasSuffix(b, k) {
				gen = b + "и"
			}
		}
		for _, k := range []string{"ж", "ш", "щ", "ч"} {
			if strings.HasSuffix(b, k) {
				ins = b + "ей" // «сашей»
			}
		}
		return []string{b + "у", gen, b + "е", ins}
	default:
		return []string{n + "а", n + "у", n + "ом", n + "е"}
	}
}

// landlineWords name a landline («городской 234 56 78»): a phone's cue,
// and a tariff's name after a trap word (tariffName).
var landlineWords = []string{"городской", "городского", "домашний", "домашнего", "стационарный", "стационарного"}

// imeiWords name a device's IMEI: a trap word, and what makes 15 digits
// that pass Luhn no card (imeiBefore).
var imeiWords = []string{"imei", "имей", "имеи", "имэй"}

// patronymicEndings are the endings of a patronymic in its cases
// («ивановича», «петровной»).
var patronymicEndings = []string{"ович", "овича", "овичу", "овичем", "овиче", "евич", "евича", "евичу", "евичем", "евиче",
	"овна", "овны", "овне", "овну", "овной", "евна", "евны", "евне", "евну", "евной", "ична", "ичны", "ичне", "ичну", "ичной"}

// spokenPatronymics are patronymics as they are said («иваныч»,
// «михалыча», «николавна»), in their cases. They are listed from their
// first names' stems, not matched by ending: «-ыч» and «-авна» also end
// common words («добыча», «исправна», «главной»).
var spokenPatronymics = func() map[string]bool {
	m := map[string]bool{}
	for _, stem := range []string{"иван", "михал", "пал", "сан", "степан", "семен", "семён", "данил", "борис", "максим",
		"роман", "федор", "фёдор", "егор", "владимир", "кирилл", "тихон", "леонид", "денис", "назар", "макар", "захар",
		"трофим", "ефим", "вадим", "прохор", "архип", "гаврил", "игнат", "марат", "рустам", "тимур", "богдан"} {
		for _, end := range []string{"ыч", "ыча", "ычу", "ычем", "ыче"} {
			m[stem+end] = true
		}
	}
	for _, stem := range []string{"никол", "михал", "степан", "иван"} {
		for _, end := range []string{"авна", "авны", "авне", "авну", "авной"} {
			m[stem+end] = true
		}
	}
	return m
}()

// endingSet is a list of word endings grouped by their last byte, so
// that a word is compared with the few endings that can be its own: the
// name rules ask it of nearly every word of a segment they read.
type endingSet [256][]string

func newEndingSet(endings ...[]string) *endingSet {
	var e endingSet
	for _, list := range endings {
		for _, x := range list {
			c := x[len(x)-1]
			e[c] = append(e[c], x)
		}
	}
	return &e
}

// of reports whether w ends in one of the set's endings with at least
// min bytes before it.
func (e *endingSet) of(w string, min int) bool {
	if w == "" {
		return false
	}
	for _, x := range e[w[len(w)-1]] {
		if len(w) >= len(x)+min && w[len(w)-len(x):] == x {
			return true
		}
	}
	return false
}

var patronymics, surnames, nameEndings = newEndingSet(patronymicEndings), newEndingSet(surnameEndings), newEndingSet(nameSuffixes)

// beginningSet is a list of word beginnings grouped by their second byte
// (the first is D0 or D1 for nearly every Russian letter), as endingSet:
// the address and name rules ask it of many words.
type beginningSet struct {
	by    [256][]string
	short []string // of one byte: compared with every word
}

func newBeginningSet(list ...string) *beginningSet {
	b := &beginningSet{}
	for _, x := range list {
		if len(x) < 2 {
			b.short = append(b.short, x)
			continue
		}
		b.by[x[1]] = append(b.by[x[1]], x)
	}
	return b
}

// of reports whether w begins with one of the set's beginnings.
func (b *beginningSet) of(w string) bool {
	for _, x := range b.short {
		if strings.HasPrefix(w, x) {
			return true
		}
	}
	if len(w) < 2 {
		return false
	}
	for _, x := range b.by[w[1]] {
		if strings.HasPrefix(w, x) {
			return true
		}
	}
	return false
}

// patronymic reports whether w reads as a patronymic: by its ending, or
// as one of the words no ending says (patronymicWordMay first: the name
// rules ask it of nearly every word they read, and most are none).
func patronymic(w string) bool {
	return patronymics.of(w, 4) || patronymicWordMay(w) && (spokenPatronymics[w] || isWord(w, ichPatronymics...) || turkicPatronymicWord(w))
}

// ichPatronymics are the patronymics in «-ич» of first names whose
// patronymic no ending of patronymicEndings says, in their cases.
var ichPatronymics = []string{"ильич", "ильича", "ильичу", "ильичом", "кузьмич", "кузьмича", "лукич", "лукича", "фомич", "фомича"}

// patronymicWords is a filter of the words patronymic looks up by the
// word (spokenPatronymics, ichPatronymics, turkicPatronymicWords): a bit
// per patronymicWordKey of each, made from the lists themselves, so a word
// whose bit is clear is none of them, told by one load of 128 bytes'
// table instead of a map's lookup and eighteen comparisons.
var patronymicWords = func() (f [16]uint64) {
	add := func(w string) {
		k := patronymicWordKey(w)
		f[k>>6] |= 1 << (k & 63)
	}
	for w := range spokenPatronymics {
		add(w)
	}
	for _, list := range [][]string{ichPatronymics, turkicPatronymicWords} {
		for _, w := range list {
			add(w)
		}
	}
	return f
}()

// patronymicWordKey files a word by its length and three of its bytes
// into one of 1024 bits.
func patronymicWordKey(w string) uint {
	if len(w) < 4 {
		return uint(len(w))
	}
	return (uint(len(w))*37 + uint(w[1])*7 + uint(w[len(w)-1])*3 + uint(w[len(w)-3])) & 1023
}

// patronymicWordMay reports whether w may be one of the words of
// patronymicWords.
func patronymicWordMay(w string) bool {
	k := patronymicWordKey(w)
	return patronymicWords[k>>6]&(1<<(k&63)) != 0
}

// turkicPatronymic reports whether w is a Turkic patronymic's word or a
// patronymic fused with it; by its last letter first («ы», «у», «и» end
// them all), since turkicNames asks it of every word no list knows.
func turkicPatronymic(w string) bool {
	if len(w) < 6 || w[len(w)-2] != 0xD1 && w[len(w)-2] != 0xD0 {
		return false
	}
	switch w[len(w)-2:] {
	case "ы", "у", "и":
		return turkicPatronymicWord(w) || fusedTurkicPatronymic(w)
	}
	return false
}

// turkicPatronymicWords are the words that make a Turkic patronymic of
// the father's first name before them, as the recognizer writes them:
// Azerbaijani «оглы», «оглу», «кызы», «гызы»; Kazakh «улы», «кызы»;
// Kyrgyz «уулу», «кызы»; Uzbek «угли», «кизи».
var turkicPatronymicWords = []string{"оглы", "оглу", "кызы", "гызы", "улы", "уулу", "угли", "кизи"}

func turkicPatronymicWord(w string) bool { return isWord(w, turkicPatronymicWords...) }

// fusedTurkicPatronymic reports whether w is a Kazakh or Kyrgyz
// patronymic written as one word, the father's name and «улы», «уулу»,
// «кызы», «гызы» («ерланулы», «асхаткызы»): a stem of three letters or
// more, and none of the common words that end so («прогулы», «караулы»).
func fusedTurkicPatronymic(w string) bool {
	if len(w) < 12 {
		return false
	}
	for _, e := range [...]string{"улы", "уулу", "кызы", "гызы"} {
		if len(w) >= len(e)+6 && w[len(w)-len(e):] == e {
			return !isWord(w, "прогулы", "загулы", "разгулы", "караулы", "посулы", "переулы")
		}
	}
	return false
}

// surnameEndings are the endings of Russian surnames (and their
// transliterations), in the cases said after «на», «от», «у»: «лисицину»,
// «петрову», «smirnova».
var surnameEndings = []string{"ов", "ова", "ову", "ев", "ева", "еву", "ин", "ина", "ину", "ын", "ына", "ский", "ская", "скую", "цкий", "цкая",
	"овой", "евой", "овым", "евым", // «для смирновой ольги», «с ивановым»
	"яна", "яну", "яном", // an Armenian surname's cases: «на мкртчяна арсена»
	"енко", "ко", "ук", "юк", "ян", "швили", "дзе", "заде", "ов", "ova", "ov", "ev", "eva", "in", "ina", "sky", "skaya", "enko"}

// surnameLike reports whether a word with the lexicon roles roles reads
// as a surname: its ending, and no role of a common word.
func surnameLike(w string, roles trig) bool {
	if roles&surnameNotRoles != 0 {
		return false
	}
	return surnames.of(w, 4) && !patronymic(w) && !surnameShapedNouns[w] || len(w) <= 10 && koreanShortSurname(w)
}

// surnameNotRoles are the roles of a word that is no surname
// (surnameLike).
const surnameNotRoles = tStop | tNum | tCue | tTrap | tUnit | tNameCue | tOperator | tStreet | tHouse | tMonth | tConn | tFirstName | tSettle

// employeeWords are an employee's word in its oblique cases.
var employeeWords = []string{"сотрудника", "сотруднику", "сотрудником", "сотруднице", "сотрудницу", "сотрудницы", "сотрудницей",
	"работника", "работнику", "работником", "работнице", "работницу", "работницы"}

// surnameShapedNouns are nouns that end as a surname does («-ина», «-ов»,
// «-ин», «-ко», «-ук»), said after a first name («водитель рустам машина
// эр 612», «брат олег голову ломает»): never a surname (causes block OC).
// Not stop words: any noun may be a code word («кодовое слово машина»).
var surnameShapedNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`машина машину причина причину половина половину мужчина мужчину картина картину корзина корзину витрина витрину
		резина резину середина середину вершина пружина тишина длина длину ширина ширину глубина глубину годовщина годовщину
		бензин бензина карантин карантина витамин витаминов кувшин аспирин апельсин апельсинов голова голову слова снова основа основу
		корова корову часов заказов звонков номеров документов товаров метров литров подарков молоко яблоко немножко окошко ноутбук звук каблук
		вдова вдову
		вызов вызова магазин магазина логин логина плагин пингвин дельфин мандарин керосин жасмин графин камин остров острова улов плов покров засов посев`) {
		m[w] = true
	}
	return m
}()

// koreanShortSurname reports whether w is a Korean surname common in
// Russia, which no ending
// says («с вами говорит виктор пак», «цой александр»); not «ли», «ким»,
// «хан», «нам», «ан», which are common words or first names too.
// «хегай», «чжон» and the Chinese «чжан», «чжао» are no Russian word
// either (causes block PS). A switch, not a map: the prefilter asks it of
// the short word after «на», «от», «это», and a switch answers a word of
// another length at once.
func koreanShortSurname(w string) bool {
	switch w {
	case "пак", "цой", "тен", "югай", "огай", "когай", "тян", "цхай", "шин", "хегай", "чжон", "чжан", "чжао":
		return true
	}
	return false
}

// firstNameForm reports whether w is a first name in a case other than
// the nominative: «ольгу», «андрея», «анатолия», «юлию», «иваном».
func firstNameForm(w string) bool {
	if len(w) < 6 || len(w) > 40 || w[0] < 0x80 {
		return false
	}
	var buf [48]byte
	try := func(cut int, add string) bool {
		if cut >= len(w) {
			return false
		}
		b := append(append(buf[:0], w[:len(w)-cut]...), add...)
		sl := lexRU.slot(unsafe.String(unsafe.SliceData(b), len(b)))
		return sl != nil && sl.trig&tFirstName != 0
	}
	for _, e := range [...]struct {
		end, add string
	}{{"а", ""}, {"у", ""}, {"ом", ""}, {"е", ""}, {"я", "й"}, {"ю", "й"}, {"ем", "й"}, {"е", "й"}, {"ия", "ий"}, {"ию", "ий"}, {"ии", "ий"}, {"ием", "ий"},
		{"у", "а"}, {"ы", "а"}, {"и", "а"}, {"е", "а"}, {"ой", "а"}, {"ю", "я"}, {"и", "я"}, {"ей", "я"}, {"е", "я"},
		// a vowel that drops: «павла», «павлу» (павел)
		{"ла", "ел"}, {"лу", "ел"}, {"лом", "ел"}, {"ле", "ел"}} {
		if strings.HasSuffix(w, e.end) && try(len(e.end), e.add) {
			return true
		}
	}
	return false
}
