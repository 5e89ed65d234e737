package redact

import (
	"slices"
	"testing"

	"github.com/callscope/callscope/schemas"
)

// TestReviewFindings: the cases of the redaction reviews' findings
// (rv20, rv22, rv23, rv24, rv25), each a segment's redacted text after the lines said
// before it.
func TestReviewFindings(t *testing.T) {
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		lines []string
		ch    int    // the channel of the segment: 0 operator, 1 client
		want  string // the channel's last segment's redacted text
	}{
		// A passport number cut over two sentences (a hundred completed
		// by its tens: groupCut), «выдан» said before it: the date after
		// it is the passport's issue, no date of birth.
		{"issue before a number over two sentences", []string{"c: паспорт выдан 4510 сто", "c: двадцать три 456 12 мая 2015 года"}, 1, "[passport] 12 мая 2015 года"},
		{"no issue before a number over two sentences", []string{"c: паспорт 4510 сто", "c: двадцать три 456 12 мая 2015 года"}, 1, "[passport] [birthdate]"},
		// «нашли», «нашёл» (found) are no «наш» (our): the operator
		// reads back the client's address or phone they found, no
		// office's (officeWords, institutionWords take «наш» in its
		// forms only: ourWord).
		{"found an address", []string{"c: хочу сменить адрес доставки", "o: так нашли вас улица ленина дом 5"}, 0, "так нашли вас [address]"},
		{"our address", []string{"c: хочу сменить адрес доставки", "o: наш адрес улица ленина дом 5"}, 0, "наш адрес улица ленина дом 5"},
		{"found a phone", []string{"o: назовите номер для связи", "c: секунду", "o: нашли номер 8 495 123 45 67"}, 0, "нашли номер [phone]"},
		{"found a phone, one", []string{"o: назовите номер для связи", "c: секунду", "o: нашел 8 495 123 45 67"}, 0, "нашел [phone]"},
		{"our phone", []string{"o: назовите номер для связи", "c: секунду", "o: наш 8 495 123 45 67"}, 0, "наш 8 495 123 45 67"},
		// (A time said in words with the place: a departure's, no home.)
		{"found a departure", []string{"c: когда автобус", "o: нашла рейс отправление в десять сорок с улицы садовой шесть"}, 0, "нашла рейс отправление в десять сорок с улицы садовой шесть"},
		{"found a departure, digits", []string{"c: когда автобус", "o: нашла рейс отправление в 10 40 с улицы садовой шесть"}, 0, "нашла рейс отправление в 10 40 с улицы садовой шесть"},
		// A passport's series said, its number in the next sentence with
		// more words after it: the six digits complete it.
		{"a passport over two sentences, a date after", []string{"c: паспорт 4510", "c: 123456 12 мая 2015 года"}, 1, "[passport] 12 мая 2015 года"},
		{"a passport over two sentences, its issue after", []string{"c: паспорт 4510", "c: 123456 выдан"}, 1, "[passport] выдан"},
		{"a passport over two sentences", []string{"c: паспорт 4510", "c: 123456"}, 1, "[passport]"},
		{"five digits complete no passport", []string{"c: паспорт 4510", "c: 12345 12 мая 2015 года"}, 1, "12345 12 мая 2015 года"},
		// A SNILS's control number said alone after its name (block LJ)
		// and the end of a number as a record has it, after «в конце»
		// (block LP), echo a number masked in the minute before whatever
		// their digits; a number with a unit right after it is a
		// quantity, not the number's end, and stays, as every other
		// echo's does.
		{"a control number", []string{"c: снилс 112 233 445 95", "c: контрольное число 95"}, 1, "контрольное число [snils]"},
		{"a control sum in roubles", []string{"c: снилс 112 233 445 95", "c: контрольная сумма 45 рублей"}, 1, "контрольная сумма 45 рублей"},
		{"a recorded end", []string{"c: инн 500100732259", "c: а у вас в конце 903 вписано"}, 1, "а у вас в конце [inn] вписано"},
		{"roubles at the end", []string{"c: мой телефон 8 912 345 67 89", "c: и оплата в конце 500 рублей"}, 1, "и оплата в конце 500 рублей"},
		{"a count at the end", []string{"c: мой телефон 8 912 345 67 89", "c: в конце стоит двенадцать штук"}, 1, "в конце стоит двенадцать штук"},
		{"minutes at the end", []string{"c: мой телефон 8 912 345 67 89", "c: и в конце 30 минут подождать"}, 1, "и в конце 30 минут подождать"},
		// Cubic metres are a unit: the number before them is a quantity
		// (rv22).
		{"cubic metres at the end", []string{"c: мой телефон 8 912 345 67 89", "c: в конце стоит двенадцать кубов"}, 1, "в конце стоит двенадцать кубов"},
		{"cubic metres in full at the end", []string{"c: мой телефон 8 912 345 67 89", "c: и в конце 40 кубометров вышло"}, 1, "и в конце 40 кубометров вышло"},
		{"a cube at the end", []string{"c: мой телефон 8 912 345 67 89", "c: а в конце 1 куб остался"}, 1, "а в конце 1 куб остался"},
		// «оборот» names a CVV only with a card word or a masked card in
		// its sentence or the 30 s before; else it is a business's
		// turnover (rv22).
		{"turnover a month", []string{"c: оборот 350 в месяц"}, 1, "оборот 350 в месяц"},
		{"our turnover a month", []string{"c: у нас оборот за месяц 500 примерно"}, 1, "у нас оборот за месяц 500 примерно"},
		{"a company's turnover", []string{"c: оборот компании 900"}, 1, "оборот компании 900"},
		{"a code from the card's back", []string{"c: код с оборота карты 1 2 3"}, 1, "код с оборота карты [cvv]"},
		{"the back after a card", []string{"c: 4276 3800 1234 5679", "c: оборот 0 0 9"}, 1, "оборот [cvv]"},
		{"the back after the card's word", []string{"o: назовите данные карты", "c: оборот 0 0 9"}, 1, "оборот [cvv]"},
		// A number after a trap word is a person's number said again as a record
		// has it (recordedVersion) only when it shares its last four digits, or
		// all but two: a phone's first four are 8 and the operator's code, a
		// card's the bank's, shared by strangers. A number in words opening
		// «сорок восемь», «сорок семь» near a masked account is another
		// account's start only when it is as long as the class, holds the
		// rouble's 810 after it, or an account's word is said before it: a sum,
		// «сорок восемь двести пятьдесят», is none (rv23).
		{"an order sharing a phone's first four digits", []string{"c: мой телефон 8 912 345 67 89", "o: секунду", "c: номер заказа 8912 000 11 22"}, 1, "номер заказа 8912 000 11 22"},
		{"a contract sharing a card's first four digits", []string{"c: карта 4276 3800 1234 5679", "o: секунду", "c: в договоре стоит 4276 5500 9876 0431"}, 1, "в договоре стоит 4276 5500 9876 0431"},
		{"a phone as a record has it, two digits swapped", []string{"c: мой телефон 8 912 345 67 89", "o: секунду", "c: номер заказа 8912 345 76 89"}, 1, "номер заказа [phone]"},
		{"a card as a record has it, its last four", []string{"c: карта 4276 3800 1234 5679", "o: секунду", "c: в договоре стоит 4279 3811 1234 5679"}, 1, "в договоре стоит [card]"},
		{"a passport as a record has it, its series", []string{"o: назовите серию номер", "c: 7815 063442", "o: в профиле стоит 7815 063424"}, 0, "в профиле стоит [passport]"},
		{"a sum near an account", []string{"c: перевела на счёт 40817 810 9 0000 5521 307", "o: а сколько перевели", "c: сорок восемь двести пятьдесят вчера вечером"}, 1, "сорок восемь двести пятьдесят вчера вечером"},
		{"an account's start after its word", []string{"c: перевела на счёт 40817 810 9 0000 5521 307", "o: а счёт продавца", "o: сорок восемь сто семьдесят восемь"}, 0, "[account]"},
		{"an old account's class", []string{"c: счёт 40817 810 2 0000 3381 442", "c: да старый сорок восемь ноль восемь"}, 1, "да старый [account]"},
		{"an account's start with its currency", []string{"c: счёт 40817 810 2 0000 3381 442", "o: а закрытый счёт какой был", "c: закрытый сорок восемь двадцать восемьсот десять дальше не помню"}, 1, "закрытый [account] дальше не помню"},
		// An enforcement proceedings' number after «производство» is
		// kept (block QM), a phone's whole shape there is none: «на
		// производстве» is a workplace too, and a phone's cue three
		// words back does not stop the look back (rv24).
		{"a work phone at a factory", []string{"c: а рабочий номер на производстве 8 495 123 45 67"}, 1, "а рабочий номер на производстве [phone]"},
		{"a mobile after the proceedings' word", []string{"c: мой телефон по производству 89161234567"}, 1, "мой телефон по производству [phone]"},
		{"proceedings' number after its word", []string{"c: по производству 1120 22 59007 закрыт"}, 1, "по производству 1120 22 59007 закрыт"},
		{"proceedings' number in twelve digits", []string{"c: есть исполнительное производство 18843 23 63042 ип"}, 1, "есть исполнительное производство 18843 23 63042 ип"},
		// «цифр» after a code's two digits says a digit is missing only
		// with «не», «нет», «только» or «остальные» by it (block QP): «код
		// двенадцать цифр» says how long the code is (rv24).
		{"a code's length in digits", []string{"c: код двенадцать цифр"}, 1, "код двенадцать цифр"},
		{"a code's length in digits, a verb", []string{"c: у меня код двенадцать цифр пришёл"}, 1, "у меня код двенадцать цифр пришёл"},
		{"a code's digits not seen", []string{"c: код сорок два остальные цифры не вижу"}, 1, "код [code] остальные цифры не вижу"},
		{"a code's two digits only", []string{"c: код девяносто восемь только две цифры"}, 1, "код [code] только две цифры"},
		// Four digits after a whole card are its expiry (block QO) only
		// when the other side asked for it or an expiry's word is before
		// them; else the card goes on, as before the block (rv24).
		{"four digits after a whole card", []string{"o: назовите номер карты", "c: 2202 7918 7875 6820", "c: 1234"}, 1, "[card]"},
		{"an expiry after a whole card, asked", []string{"o: назовите номер карты", "c: 2202 7918 7875 6820", "o: месяц и год окончания", "c: 1234"}, 1, "1234"},
		{"an expiry after a whole card, asked in words", []string{"o: диктуйте", "c: 2202 7918 7875 6820", "o: месяц и год", "c: ноль девять двадцать шесть"}, 1, "ноль девять двадцать шесть"},
		{"an expiry after a whole card, asked until when", []string{"c: карта 2202 7918 7875 6820", "o: до какого она", "c: 0926"}, 1, "0926"},
		{"an expiry after a whole card, its word", []string{"o: назовите номер карты", "c: 2202 7918 7875 6820", "c: до 1234"}, 1, "до 1234"},
		// A collector's two-word opening, the client's surname and first
		// name, is no company and operator (block QE, rv24).
		{"a collector's opening", []string{"o: иванов сергей", "c: да слушаю"}, 0, "[name]"},
		{"a collector's opening, a woman", []string{"o: петрова анна", "c: да это я"}, 0, "[name]"},
		{"a company and the operator", []string{"o: доставкин павел", "c: здравствуйте хочу заказать доставку"}, 0, "доставкин павел"},
		// A date after «после», «до», «с» right after a birth's cue is a
		// cut-off, no one's date of birth, whatever the cue's form
		// (rv25: «родившегося», «родившейся» joined the cues).
		{"a cut-off after a participle", []string{"o: выплата положена на ребенка родившегося после 1 января 2023 года"}, 0, "выплата положена на ребенка родившегося после 1 января 2023 года"},
		{"a cut-off after a participle, до", []string{"o: для девочки родившейся до 1 марта 2023 другие условия"}, 0, "для девочки родившейся до 1 марта 2023 другие условия"},
		{"a cut-off after a participle, с", []string{"o: на ребенка родившегося с 1 января 2020 года"}, 0, "на ребенка родившегося с 1 января 2020 года"},
		{"a cut-off after родился", []string{"o: если ребенок родился после 1 января 2023 выплата положена"}, 0, "если ребенок родился после 1 января 2023 выплата положена"},
		{"a person's date after a participle", []string{"o: в отношении петрова ивана ивановича родившегося 12 марта 1979 года"}, 0, "в отношении [name] родившегося [birthdate]"},
		// A mailbox spelled letter by letter that holds the operator's
		// own name: the name said as theirs is no read-back of it; said
		// with the mailbox's digits, it is (rv25).
		{"the operator's own name after a spelled mailbox", []string{"o: здравствуйте меня зовут светлана", "o: ваша почта", "c: с в е т л а н а восемь собака мейл ру",
			"o: записала всего доброго с вами была светлана"}, 0, "записала всего доброго с вами была светлана"},
		{"the operator's name read back as the mailbox's", []string{"o: здравствуйте меня зовут светлана", "o: ваша почта", "c: с в е т л а н а восемь собака мейл ру",
			"o: светлана восемь верно"}, 0, "[email] верно"},
	} {
		out, _, err := r.Transcript(call(c.lines...))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		segs := out.Channels[c.ch].Segments
		if got := segs[len(segs)-1].Text; got != c.want {
			t.Errorf("%s: %q: last segment %q, want %q", c.name, c.lines, got, c.want)
		}
	}
	// The case endings' byte tests read words shorter than their endings
	// with no panic and no ending (rv22: they relied on their callers'
	// length checks).
	for _, w := range []string{"", "а", "у", "ва", "ну", "ой", "бой"} {
		for _, c := range []struct {
			name  string
			isEnd func(string) bool
		}{{"womanCaseEnding", womanCaseEnding}, {"surnameCaseEnding", surnameCaseEnding}} {
			func() {
				defer func() {
					if p := recover(); p != nil {
						t.Errorf("%s(%q) panics: %v", c.name, w, p)
					}
				}()
				if c.isEnd(w) {
					t.Errorf("%s(%q) = true, want false: no surname's ending", c.name, w)
				}
			}()
		}
	}
}

// TestAnswerWindowsSkipEmptySegments: a segment answering a question
// asked on the other channel is read with the speaker's sentence before
// it past segments with no word (the recognizer heard nothing), as
// markSegments reads a segment that may hold personal data.
func TestAnswerWindowsSkipEmptySegments(t *testing.T) {
	seg := func(at, end float64, text string) schemas.Segment {
		return schemas.Segment{Start: at, End: end, Text: text}
	}
	for _, c := range []struct {
		name   string
		client []schemas.Segment
		want   []bool // the client's segments read
	}{
		// The sentence before the answer, 11 s before the question
		// (markBefore does not reach it), an empty segment between.
		{"an empty segment between", []schemas.Segment{seg(0, 1, "вот так вот"), seg(2, 2.5, ""), seg(13.5, 14, "петрова")}, []bool{true, true, true}},
		{"two", []schemas.Segment{seg(0, 1, "вот так вот"), seg(2, 2.5, ""), seg(3, 3.5, " "), seg(13.5, 14, "петрова")}, []bool{true, true, true, true}},
		{"none", []schemas.Segment{seg(0, 1, "вот так вот"), seg(2, 2.5, "ну"), seg(13.5, 14, "петрова")}, []bool{false, true, true}},
	} {
		chs := []schemas.TranscriptChannel{
			{Role: schemas.RoleOperator, Segments: []schemas.Segment{seg(12, 13, "как ваша фамилия")}},
			{Role: schemas.RoleClient, Segments: c.client},
		}
		cs := getCallScratch(chs)
		cs.markSegments(chs)
		for ci, want := range cs.wants {
			if want != nil {
				cs.scans[ci] = cs.scan("ru", chs[ci].Role)
				cs.scans[ci].load(chs[ci].Segments, want, nil)
			}
		}
		if cs.scans[0] == nil || len(cs.scans[0].cues) == 0 {
			t.Fatalf("%s: the operator's question has no cue", c.name)
		}
		answerWindows(chs, cs.scans, cs)
		got := cs.wants[1]
		if got == nil {
			got = make([]bool, len(c.client))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: client's segments read %v, want %v", c.name, got, c.want)
		}
		cs.release()
	}
}
