package redact

import "testing"

// TestSaidBackAgain: what the two sides say again of a masked value as a
// read-back goes on (lane i13agg20, from the misses of all the authors'
// sets together): a code read back whole before the payment's verb, an
// address's number confirmed with the sentence going on or corrected
// with its digits swapped — and, next to each, what stays: the sum after
// the verb, a number that is no code's, a count after «нет».
func TestSaidBackAgain(t *testing.T) {
	checkCalls(t, []callCase{
		{"a CVV read back in words before «списано»", []string{"o: и три цифры с обратной стороны", "c: 5 3 7", "o: пятьсот тридцать семь списано 2 450"},
			[]string{"c: [cvv]", "o: [cvv] списано 2 450"}},
		{"a CVV read back in digits before «оплачено»", []string{"o: код с оборота карты", "c: семь ноль четыре", "o: 704 оплачено 990 рублей"},
			[]string{"c: [cvv]", "o: [cvv] оплачено 990 рублей"}},
		{"a sum before «оплачено», no code's digits", []string{"o: код с оборота карты", "c: 7 0 4", "o: 450 оплачено спасибо"},
			[]string{"c: [cvv]", "o: 450 оплачено спасибо"}},
		{"a sum before «списано», no code said", []string{"o: с карты 640 списано за доставку"}, []string{"o: с карты 640 списано за доставку"}},
		{"a flat confirmed, the entrance after", []string{"o: адрес доставки", "c: улица гагарина дом 9 квартира 214", "o: гагарина девять квартира двести четырнадцать",
			"c: двести четырнадцать да подъезд третий"}, []string{"c: [address]", "c: [address] да подъезд третий"}},
		{"a house confirmed, the flat corrected", []string{"o: куда везём", "c: улица лесная 31 квартира 18", "o: лесная тридцать один квартира восемнадцать",
			"c: тридцать один дом да а квартира восемьдесят один"}, []string{"c: [address]", "c: [address] дом да а [address]"}},
		{"a flat corrected, its digits swapped", []string{"o: адрес установки", "c: проспект мира 12 квартира 152", "o: мира двенадцать квартира сто пятьдесят два",
			"c: нет сто двадцать пять"}, []string{"c: [address]", "c: нет [address]"}},
		{"a count after «нет», no digits of the address", []string{"o: адрес установки", "c: проспект мира 12 квартира 152", "o: сколько комнат",
			"c: нет три"}, []string{"c: [address]", "c: нет три"}},
	})
}

// TestMailboxOnProvider: a mailbox said with «на» for «собака» before a
// mail service, no e-mail named before it, is one by its Latin words
// (bz), and the other side's read-back of it in Cyrillic letters its
// echo («alexey» — «алексей»: x is кс); a mail service after «на» with no
// Latin word before it is kept.
func TestMailboxOnProvider(t *testing.T) {
	checkCalls(t, []callCase{
		{"a mailbox with «на», read back", []string{"o: куда прислать чек", "c: maxim точка orlov девять на yandex ru", "o: максим точка орлов девять яндекс"},
			[]string{"c: [email]", "o: [email] [email] [email] [email] [email]"}},
		{"x read back as кс", []string{"o: куда выслать билет", "c: alexey минус petrov на gmail com", "o: алексей минус петров"},
			[]string{"c: [email]", "o: [email] [email] [email]"}},
		{"a service after «на», no mailbox", []string{"o: куда выслать билет", "c: у меня аккаунт на gmail com а номер 12"},
			[]string{"c: у меня аккаунт на gmail com а номер 12"}},
	})
}

// TestBornParticiple: «родившийся» and its forms before a date are a date
// of birth's cue, as a record reads a person out (cm); «родившихся», of
// whoever was born after a date, names nobody's and stays no cue.
func TestBornParticiple(t *testing.T) {
	checkTexts(t, []textCase{
		{"operator", "вы петров иван сергеевич родившийся пятого мая восемьдесят первого", "вы [name] родившийся [birthdate]"},
		{"operator", "должник сидорова анна родившаяся 12 03 1979", "должник [name] родившаяся [birthdate]"},
		{"operator", "для детей родившихся после 1 января 2023 выплата 10 000", ""},
	})
}

// TestAddressAround: what is said around a masked address that is the
// address's too (lane i13agg20, from the authors' sets together): a
// street said and taken back by «нет» right before it, the title of the
// street's namesake in a read-back, number words the recognizer wrote
// together after its number — and what stays: a city before the street
// taken back, «нет» after something else, a flat's area.
func TestAddressAround(t *testing.T) {
	checkCalls(t, []callCase{
		{"a street taken back", []string{"o: адрес доставки", "c: казань проспект победы нет улица победы 14 квартира 9"},
			[]string{"c: казань [address] нет [address]"}},
		{"a quarter's numbers taken back", []string{"o: адрес объекта", "c: 5 и 6 квартал нет 6 квартал дом 3 кв 40"},
			[]string{"c: [address] нет [address]"}},
		{"a city taken back", []string{"o: адрес объекта", "c: город казань нет улица победы 14 квартира 9"},
			[]string{"c: город казань нет [address]"}},
		{"a quarter taken back", []string{"o: адрес объекта", "c: 7 квартал нет 8 квартал дом 3 кв 40"},
			[]string{"c: [address] нет [address]"}},
		{"«нет» after no street", []string{"o: адрес доставки", "c: не дома нет улица победы 14 квартира 9"},
			[]string{"c: не дома нет [address]"}},
		{"the namesake's title read back", []string{"o: адрес регистрации", "c: улица академика павлова дом 12 квартира 40", "o: записываю академика павлова двенадцать сорок"},
			[]string{"c: [address]", "o: записываю [address]"}},
		{"number words written together", []string{"o: адрес", "c: улица садовая дом 4 квартира сто семьдесятдва"},
			[]string{"c: [address] [address]"}},
		{"a street named by a date, its ordinal's tens", []string{"o: куда доставить", "c: двадцать шестого бакинских комиссаров 9 кв 40"},
			[]string{"c: [address] [address]"}},
		{"a flat's area after it", []string{"o: адрес", "c: улица садовая дом 4 квартира 12 сорокметровая"},
			[]string{"c: [address] сорокметровая"}},
	})
}

// TestSpelledMailReadBack: a mailbox spelled letter by letter, read back
// by the other side as the words its letters make (bu, by), its number
// words with it; what the other side says that the letters do not make
// stays, and so does a short word that is no read-back's second part.
func TestSpelledMailReadBack(t *testing.T) {
	checkCalls(t, []callCase{
		{"the letters said back as words", []string{"o: ваша почта", "c: к а м и л а эс а ф собака мейл ру", "o: камила саф верно"},
			[]string{"c: [email]", "o: [email] [email] верно"}},
		{"with its number words", []string{"o: почта для чеков", "c: эр у эс т а эм сорок два собака джимейл ком", "o: рустам сорок два правильно"},
			[]string{"c: [email]", "o: [email] правильно"}},
		{"words the letters do not make", []string{"o: ваша почта", "c: к а м и л а эс а ф собака мейл ру", "o: записала отправим сегодня"},
			[]string{"o: записала отправим сегодня"}},
		{"a short word alone", []string{"o: ваша почта", "c: к а м и л а эс а ф собака мейл ру", "o: сам проверю"},
			[]string{"o: сам проверю"}},
	})
}

// TestSlipBetweenParts: a «в» a recognizer heard between two masked parts
// of one phone number (the second masked as the read-back's) is the
// number's (cp); a «в» before an hour after the whole number stays.
func TestSlipBetweenParts(t *testing.T) {
	checkCalls(t, []callCase{
		{"a slip inside the number, read back", []string{"o: телефон для связи", "c: восемь девятьсот двадцать шесть сто тридцать в сорок четыре ноль два", "o: 8 926 130 44 02 так"},
			[]string{"c: [phone] [phone] [phone]", "o: [phone] так"}},
		{"an hour after the number", []string{"o: телефон для связи", "c: 8 926 130 44 02 в 10 утра удобно"},
			[]string{"c: [phone] в 10 утра удобно"}},
	})
}
