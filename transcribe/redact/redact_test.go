package redact

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/callscope/callscope/schemas"
)

// TestText: each type in digits, words and mixtures, and each trap kind,
// one line each; want is the redacted text.
func TestText(t *testing.T) {
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ role, in, want string }{
		// phone
		{"client", "мой номер телефона восемь девятьсот шестнадцать 123 45 67", "мой номер телефона [phone]"},
		{"client", "запишите +7 916 123-45-67 пожалуйста", "запишите [phone] пожалуйста"},
		{"client", "перезвоните на 8 495 223 45 67", "перезвоните на [phone]"},
		{"client", "городской телефон 223 45 67", "городской телефон [phone]"},
		{"client", "восемь девятьсот шестнадцать сто двадцать три ой нет сто двадцать четыре сорок пять шестьдесят семь", "[number]"},
		{"client", "телефон восемь сто пятнадцать нет подождите восемь девятьсот пятнадцать 054 20 44", "телефон [phone]"},
		// card
		{"client", "номер карты 4276 1600 1234 5674", "номер карты [card]"},
		{"client", "4276160012345675", "[card]"},
		{"client", "карта заканчивается на 4521", "карта заканчивается на [card]"},
		{"client", "последние четыре цифры карты сорок пять двадцать один", "последние четыре цифры карты [card]"},
		// cvv, code
		{"client", "код на обороте три четыре пять", "код на обороте [cvv]"},
		{"client", "cvv 345", "cvv [cvv]"},
		{"client", "код из смс пришел 4 8 1 5", "код из смс пришел [code]"},
		{"client", "одноразовый пароль 948412", "одноразовый пароль [code]"},
		// documents
		{"client", "паспорт серия сорок пять ноль восемь номер сто двадцать три четыреста пятьдесят шесть", "паспорт серия [passport]"},
		{"client", "снилс 112-233-445 95", "снилс [snils]"},
		{"client", "11223344595", "[snils]"},
		{"client", "инн 500100732259", "инн [inn]"},
		{"client", "мой инн 7707083893", "мой инн [inn]"},
		{"client", "счет 40817810099910004312", "счет [account]"},
		// e-mail
		{"client", "почта иван точка петров собака мейл точка ру", "почта [email]"},
		{"client", "пишите на ivan.petrov@mail.ru спасибо", "пишите на [email] спасибо"},
		{"client", "ivan petrov собака gmail точка com", "[email]"},
		// birthdate
		{"client", "дата рождения пятого марта тысяча девятьсот восемьдесят пятого года", "дата рождения [birthdate]"},
		{"client", "05 03 1985 года рождения", "[birthdate] рождения"},
		{"client", "я родилась 12.07.1990", "я родилась [birthdate]"},
		{"client", "я 1980 года рождения", "я [birthdate] рождения"},
		{"client", "год рождения 1980", "год рождения [birthdate]"},
		{"client", "оплатил в 2024 году", ""},
		// address
		{"client", "я живу на улице ленина дом пять квартира двенадцать", "я живу на [address]"},
		{"client", "москва ленинский проспект 15 кв 7", "москва [address]"},
		{"client", "живу на гагарина 5 квартира 12", "живу на [address]"},
		// name
		{"client", "здравствуйте меня зовут иван петрович сидоров звоню по поводу интернета", "здравствуйте меня зовут [name] звоню по поводу интернета"},
		{"client", "моя фамилия петрова", "моя фамилия [name]"},
		{"client", "алло это орлова елена андреевна у меня вопрос", "алло это [name] у меня вопрос"},
		{"client", "номер карты четыре тысячи двести семьдесят шесть шестнадцать ноль ноль двенадцать тридцать четыре пятьдесят шесть семьдесят пять", "номер карты [card]"},
		{"client", "я петрова мария звоню по поводу счета", "я [name] звоню по поводу счета"},
		// A first name no list knows and a patronymic after a masked surname.
		{"client", "на маму кюрегян асмик ованесовна она сама не может", "на маму [name] она сама не может"},
		{"client", "моя фамилия мирзоев фарход бахтиёрович", "моя фамилия [name]"},
		// What the speaker says a number is, right after it.
		{"client", "ваш инн 044525 225 это бик подождите", ""},
		{"client", "телефон 8 917 331 20 45 это мой телефон", "телефон [phone] это мой телефон"},
		// A marketplace ad's, a cadastral, a licence's number: no person's.
		{"client", "номер объявления 3 0 4 4 9 1 7 7 0 2", ""},
		{"client", "по кадастровому номеру 50 20 0 0 40 2 18 47", ""},
		{"client", "объявление сняли а мой телефон 8 916 442 18 09", "объявление сняли а мой телефон [phone]"},
		// A CVV right after its card, joined by «и»; not an amount.
		{"client", "вот 4276 1600 1234 5675 и ноль три девять срок 11 27", "вот [card] и [cvv] срок 11 27"},
		{"client", "с карты 4276 1600 1234 5675 и ещё 500 рублей наличными", "с карты [card] и ещё 500 рублей наличными"},
		{"client", "вот 4276 1600 1234 5675 и 500 рублей", "вот [card] и 500 рублей"},
		// A first name no list knows after a surname masked alone.
		{"client", "моя фамилия рахимова гульноза паспорт 40 12 554 810", "моя фамилия [name] паспорт [passport]"},
		{"client", "моя фамилия кузнецова слушаю вас", "моя фамилия [name] слушаю вас"},
		{"client", "моя фамилия исмаилов фархат рустамович", "моя фамилия [name]"},
		// An owner's or a guest's name after the word for them, as a
		// relative's; a first name no list knows before a patronymic.
		{"client", "кличка барсик владелец ахмедова зарифа", "кличка барсик владелец [name]"},
		{"client", "моя фамилия хачатрян анаит суреновна", "моя фамилия [name]"},
		// A first name no list knows before a patronymic, with no cue; a
		// colleague the client names; a double surname with a hyphen; a
		// name then an address (causes block CN).
		{"client", "это для мамы гульсум фаритовна", "это для мамы [name]"},
		{"client", "перевод коллеге саргсян ашот на карту", "перевод коллеге [name] на карту"},
		{"operator", "коллега ашот вам перезвонит", ""},
		{"client", "моя фамилия бойко-шторм михаил", "моя фамилия [name]"},
		{"client", "моя фамилия галиева айсылу казань улица баумана 12 квартира 4", "моя фамилия [name] казань [address]"},
		{"client", "мой коллега я смирнова ия павловна бронирую", "мой коллега я [name] бронирую"},
		// A foreign passport's letters; a work patent's number; a date's
		// year after its month; a refusal after the cue; the code the
		// client says they gave (causes blocks CP, CQ).
		{"client", "паспорт гражданина таджикистана ab 4 4 1 2 0 9 8", "паспорт гражданина таджикистана [passport]"},
		{"client", "патент номер 77 2 1 0 0 4 5 1 2", ""},
		{"client", "паспорт 45 19 802 331 выдан 12 марта 2019", "паспорт [passport] выдан 12 марта 2019"},
		{"client", "паспорт fa 099 4412 двадцать пятое мая двухтысячного года рождения", "паспорт [passport] [birthdate] рождения"},
		{"operator", "cvv никому не сообщайте доставка 350", ""},
		{"client", "попросили три цифры с обратной стороны карты и я назвала семь семь два", "попросили три цифры с обратной стороны карты и я назвала [cvv]"},
		// A flat's number, then another value; a surname no ending marks
		// before a first name in another case (causes block CU).
		{"client", "квартира 77 8 903 515 03 62", "[address] [phone]"},
		{"client", "адрес квартира 77 8 903 515 03 62", "адрес [address] [phone]"},
		{"client", "водитель ковальчик ростислава права с собой", "водитель [name] права с собой"},
		// The operator's first sentence: the company's or a department's
		// words, then their own name; not the client greeted (block CV).
		{"operator", "мегафон для бизнеса азат ринатович", ""},
		{"operator", "слушаю вас степан андреевич", "слушаю вас [name]"},
		// A sum opening the sentence before «за»; a restaurant's address
		// the operator gives (causes block CY).
		{"operator", "4 800 за 4 колеса сезон", ""},
		{"operator", "плюс 20 процентов ресторан проспект мира 211", ""},
		// A street with no street word after a verb of delivering or
		// coming; a day or a count after it is none (causes block CZ).
		{"client", "привезите на ленина 40 я дома весь день", "привезите на [address] я дома весь день"},
		{"client", "доставьте в среду к 12", ""},
		{"client", "привезите завтра 2 коробки", ""},
		{"client", "привезите на склад 40 мешков", ""},
		{"client", "курьер приедет на машине 777", ""},
		// A year said as «этого года» in a date of birth (causes block DA).
		{"client", "сын родился 2 февраля этого года хочу вписать в полис", "сын родился [birthdate] хочу вписать в полис"},
		{"client", "платёж был 28 ноября этого года", ""},
		// Words of money: a refund's, a subscription's amount (causes
		// block DC).
		{"operator", "последние цифры карты подписка кинопоиск 299 с 11 ноября", "последние цифры карты подписка кинопоиск 299 с 11 ноября"},
		{"operator", "последние цифры карты возврат 399", "последние цифры карты возврат 399"},
		// No card's part of eight digits, no house from the next
		// sentence, no surname of a place, no flat of a sum (block DD).
		{"client", "последние цифры 0 0 4 1 7 7 2 9 и стоит", ""},
		{"client", "алло это диспетчерская у нас лифт застрял", ""},
		{"client", "сдаю улица мира 8 кв 4 45 000 в месяц", "сдаю [address] 45 000 в месяц"},
		// A number word cut off before the number (causes block DG).
		{"client", "код из смс пят 5 1 2", "код из смс [code]"},
		{"client", "сорок минут ждал 500 рублей отдал", ""},
		// An e-mail's domain said in Cyrillic; the e-mail spelled or
		// explained right after it (causes block DI).
		{"client", "почта алекс собака протон ми", "почта [email]"},
		{"client", "почта анна точка хо собака yandex ru хо эйч оу", "почта [email]"},
		{"client", "почта кей ю эс собака яндекс ру кус латиницей", "почта [email]"},
		{"client", "почта иван собака мейл ру спасибо большое", "почта [email] спасибо большое"},
		// An address then a phone in one sentence: the phone's digits
		// said one by one are no flat's number (review rv17, finding 2).
		{"client", "улица ленина дом 5 квартира 7 8 9 1 6 1 2 3 4 5 6 7", "[address] [phone]"},
		{"client", "улица ленина дом 5 квартира 1 4 5", "[address]"},
		// A word in Latin letters before «собака» joins the mailbox, but
		// not the e-mail cue itself (review rv17, finding 1).
		{"client", "мой email ivan собака mail точка ru", "мой email [email]"},
		{"client", "пишите на mail olga собака mail точка ru", "пишите на mail [email]"},
		{"client", "lesya tarasova sms собака ya точка ru", "[email]"},
		// A number dictated in parts named as such (causes block DJ).
		{"client", "телефон 8 916 это первая часть 204 33 71", "телефон [phone]"},
		{"client", "оплатил 2 000 это первая часть остальное потом", ""},
		// A surname alone after «для» by an ending no common word has; not
		// after «к» (block DK).
		{"client", "посылка для сидоренко а я соседка", "посылка для [name] а я соседка"},
		{"client", "я соседка записан к бондаренко", ""},
		// An app's version after a code's cue (causes block DM).
		{"operator", "смените пароль он работает в приложении версии 6 1 0 или новее", ""},
		// An institution's word is no surname (causes block CN's trap).
		{"operator", "регистратура зульфия ринатовна слушаю", ""},
		// A street named after two people joined by «и» (causes block DU).
		{"client", "улица кирилла и мефодия дом 4 квартира 12", "[address]"},
		{"client", "улица ленина 5 и два пакета", "[address] и два пакета"},
		// A card's end dictated after its word; a sum is not (block DW).
		{"client", "на карте 4 5 2 1 осталось 5 000", "на карте [card] осталось 5 000"},
		{"client", "на карте 1500 осталось", ""},
		// «последний раз» says when, not a number's last digits.
		{"client", "последний раз вы платили 1 870", ""},
		{"client", "последний раз передавала в марте 0 1 4 5 2", ""},
		{"client", "последние цифры карты 7 7 1 9", "последние цифры карты [card]"},
		// A code's cue refused, not said: the number after it is no code.
		{"operator", "не называйте код пожалуйста доставка 350", ""},
		{"operator", "вам не стоит называть код доставка 350", ""},
		{"operator", "назовите код доставка 350", "назовите код доставка [code]"},
		// A company's address the operator gives with its hours.
		{"operator", "до 22 00 адрес улица гоголя 12 вход со двора", ""},
		{"operator", "проспект победы 40 с 8 до 17 без перерыва", ""},
		{"operator", "ждём вас 3 марта в 9 30 улица чехова 18", ""},
		{"operator", "записал ваш адрес улица лесная 7 привезём до 18", "записал ваш адрес [address] привезём до 18"},
		{"operator", "улица лесная 7 квартира 12 курьер будет с 10 до 14", "[address] курьер будет с 10 до 14"},
		// A sum in round hundreds or thousands next to a code's cue.
		{"client", "пришла смс будто я перевожу 48 500 я ничего не переводил", ""},
		{"client", "код из смс пришёл а лимит на переводы 150 000 в сутки", ""},
		{"client", "код 48 500", "код [code]"},
		{"client", "код из смс 12 345", "код из смс [code]"},
		{"client", "проживаю по адресу ленина пять двенадцать", "проживаю по адресу [address]"},
		{"client", "я родился в восемьдесят пятом году", "я родился в [birthdate]"},
		{"client", "проживаю в москве уже пять лет", ""},
		{"client", "сумма одна тысяча пятьсот", ""},
		{"client", "в 2024 году подключил", ""},
		// English
		{"client", "my phone number is 415 555 2671", "my phone number is [phone]"},
		{"client", "my name is john smith", "my name is [name]"},
		{"client", "john dot smith at gmail dot com", "[email]"},
		// traps: nothing masked
		{"client", "тариф стоит пятьсот девяносто девять рублей в месяц", ""},
		{"client", "я заплатил 15 430 рублей", ""},
		{"client", "тариф домашний 100", ""},
		{"client", "платеж прошел 15 марта", ""},
		{"client", "оплатил 12 03 2026", ""},
		{"client", "мастер придет 15 марта с 10 до 14", ""},
		{"client", "перезвоните после 18 30", ""},
		{"client", "я звоню уже третий раз", ""},
		{"client", "номер заявки 4815162342", ""},
		{"client", "скорость 100 мегабит скидка 20%", ""},
		{"client", "обещали скидку двадцать пять процентов", ""},
		{"client", "я из москвы", ""},
		{"client", "это последний раз", ""},
		{"client", "это мастер приходил вчера", ""},
		{"operator", "здравствуйте компания ромашка меня зовут анна", ""},
		{"mixed", "здравствуйте компания ромашка меня зовут анна чем могу помочь", ""},
	} {
		lang := "ru"
		if strings.HasPrefix(c.in, "my ") || strings.HasPrefix(c.in, "john") {
			lang = "en"
		}
		want := c.want
		if want == "" {
			want = c.in
		}
		got, spans, err := r.Text(lang, c.role, c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
		}
		if got != want {
			t.Errorf("%q\n got  %q\n want %q (spans %+v)", c.in, got, want, spans)
		}
	}
}

// TestTranscriptKeepsShape: words keep their times, masked words become
// masks, the spans have times and rules but no value, and the input is
// not modified.
func TestTranscriptKeepsShape(t *testing.T) {
	r, _ := New(Config{})
	words := strings.Fields("мой номер 8 916 123 45 67 спасибо")
	seg := schemas.Segment{Start: 1, End: 5, Text: "Мой номер: 8-916-123-45-67, спасибо!"}
	for i, w := range words {
		seg.Words = append(seg.Words, schemas.Word{W: w, Start: 1 + 0.5*float64(i), End: 1.4 + 0.5*float64(i)})
	}
	tr := schemas.Transcript{Language: "ru", Channels: []schemas.TranscriptChannel{{Role: "client", Segments: []schemas.Segment{seg}}}}
	out, spans, err := r.Transcript(tr)
	if err != nil {
		t.Fatal(err)
	}
	got := out.Channels[0].Segments[0]
	if got.Text != "Мой номер: [phone], спасибо!" {
		t.Errorf("text %q", got.Text)
	}
	if len(got.Words) != len(words) {
		t.Fatalf("%d words, want %d", len(got.Words), len(words))
	}
	for i, w := range got.Words {
		masked := i >= 2 && i <= 6
		if masked != (w.W == "[phone]") || w.Start != seg.Words[i].Start || w.End != seg.Words[i].End {
			t.Errorf("word %d: %+v", i, w)
		}
	}
	if len(spans) != 1 || spans[0].Type != Phone || spans[0].Start != 2 || spans[0].End != 4.4 || spans[0].Rule != "phone/format" || spans[0].Words != 5 {
		t.Errorf("spans %+v", spans)
	}
	if tr.Channels[0].Segments[0].Words[2].W != "8" || tr.Channels[0].Segments[0].Text != seg.Text {
		t.Error("the input transcript was modified")
	}
}

// TestCrossChannel: the operator asks, the client answers without a cue.
func TestCrossChannel(t *testing.T) {
	r, _ := New(Config{})
	tr := schemas.Transcript{Language: "ru", Channels: []schemas.TranscriptChannel{
		{Role: "operator", Segments: []schemas.Segment{
			{Start: 0, End: 2, Text: "назовите три цифры на обороте карты"},
			{Start: 6, End: 8, Text: "как вас зовут"},
			{Start: 12, End: 14, Text: "назовите дату рождения"},
		}},
		{Role: "client", Segments: []schemas.Segment{
			{Start: 2.5, End: 4, Text: "три четыре пять"},
			{Start: 8.5, End: 10, Text: "олег олегович"},
			{Start: 14.5, End: 16, Text: "пятое марта восемьдесят пятого"},
		}},
	}}
	out, spans, err := r.Transcript(tr)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"[cvv]", "[name]", "[birthdate]"} {
		if got := out.Channels[1].Segments[i].Text; got != want {
			t.Errorf("answer %d: %q, want %q", i, got, want)
		}
	}
	if len(spans) != 3 {
		t.Errorf("spans %+v", spans)
	}
}

// TestTypes: only the configured types are masked, and a type switched off
// is not masked as another one instead.
func TestTypes(t *testing.T) {
	r, err := New(Config{Types: []Type{Phone}})
	if err != nil {
		t.Fatal(err)
	}
	got, _, _ := r.Text("ru", "client", "телефон 89161234567 карта 4276160012345675")
	if got != "телефон [phone] карта 4276160012345675" {
		t.Errorf("%q", got)
	}
	if _, err := New(Config{Types: []Type{"ssn"}}); err == nil {
		t.Error("an unknown type was accepted")
	}
	if ts, err := ParseTypes("phone, card"); err != nil || len(ts) != 2 {
		t.Errorf("ParseTypes: %v %v", ts, err)
	}
}

// TestFailClosed: a rule that breaks masks every number and cue word of
// the channel, records what it masked and reports the error; the other
// channel is redacted as usual and keeps its spans.
func TestFailClosed(t *testing.T) {
	detectHook = func(s *scan) {
		if s.role == "client" {
			panic("broken rule")
		}
	}
	defer func() { detectHook = nil }()
	r, _ := New(Config{})
	tr := schemas.Transcript{Language: "ru", Channels: []schemas.TranscriptChannel{
		{Role: "operator", Segments: []schemas.Segment{{Start: 0, End: 2, Text: "тариф 500 рублей"}}},
		{Role: "operator", Segments: []schemas.Segment{{Start: 5, End: 8, Text: "карта 4276 1600 1234 5675"}}},
		{Role: "client", Segments: []schemas.Segment{{Start: 2, End: 4, Text: "мой телефон 8 916 123 и тариф 500"}}},
	}}
	out, spans, err := r.Transcript(tr)
	if err == nil || !strings.Contains(err.Error(), "broken rule") {
		t.Errorf("err %v", err)
	}
	if got := out.Channels[2].Segments[0].Text; strings.ContainsAny(got, "0123456789") || strings.Contains(got, "телефон") {
		t.Errorf("client %q: not masked closed", got)
	}
	if got := out.Channels[0].Segments[0].Text; got != "тариф 500 рублей" {
		t.Errorf("operator %q", got)
	}
	if got := out.Channels[1].Segments[0].Text; got != "карта [card]" {
		t.Errorf("operator's card %q", got)
	}
	closed, card := 0, 0
	for _, sp := range spans {
		switch {
		case sp.Channel == 2 && sp.Rule == "fail-closed":
			closed++
		case sp.Channel == 1 && sp.Type == Card:
			card++
		default:
			t.Errorf("span %+v", sp)
		}
	}
	if closed == 0 || card != 1 {
		t.Errorf("%d fail-closed spans on the client's channel, %d card spans on the operator's: %+v", closed, card, spans)
	}
}

func TestChecksums(t *testing.T) {
	for _, c := range []struct {
		f    func(string) bool
		d    string
		want bool
	}{
		{luhn, "4276160012345675", true}, {luhn, "4276160012345674", false},
		{snilsOK, "11223344595", true}, {snilsOK, "11223344596", false},
		{innOK, "7707083893", true}, {innOK, "7707083894", false},
		{innOK, "500100732259", true}, {innOK, "500100732258", false},
	} {
		if got := c.f(c.d); got != c.want {
			t.Errorf("%s: %v", c.d, got)
		}
	}
}

// TestDemoCalls: the calls of testdata/pii-calls (make demo) come out with
// every number of personal data masked and the traps kept.
func TestDemoCalls(t *testing.T) {
	r, _ := New(Config{})
	want := map[string][]string{
		"17_pii_card_payment":  {"card", "card", "code", "cvv", "name"},
		"18_pii_personal_data": {"address", "birthdate", "email", "name", "passport", "phone"},
	}
	keep := []string{"пятьсот девяносто девять рублей", "Номер заявки сто двадцать три четыреста пятьдесят шесть", "пятнадцатого ноября в десять тридцать",
		"Город Казань", "скорость сто мегабит", "скидка двадцать процентов", "меня зовут Игорь", "Ольга"}
	for name, types := range want {
		data, err := os.ReadFile("../../testdata/pii-calls/" + name + ".transcript.json")
		if err != nil {
			t.Fatal(err)
		}
		tr, err := schemas.ParseTranscript(data)
		if err != nil {
			t.Fatal(err)
		}
		out, spans, err := r.Transcript(tr)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range spans {
			got = append(got, string(s.Type))
		}
		slices.Sort(got)
		if !slices.Equal(got, types) {
			t.Errorf("%s: masked %v, want %v", name, got, types)
		}
		var all strings.Builder
		for _, ch := range out.Channels {
			for _, s := range ch.Segments {
				all.WriteString(s.Text + "\n")
			}
		}
		for _, bad := range []string{"4276", "Макаров", "Орлова", "Ленина", "собака", "123 45 67", "тысяча девятьсот"} {
			if strings.Contains(all.String(), bad) {
				t.Errorf("%s: %q survived:\n%s", name, bad, all.String())
			}
		}
		for _, k := range keep {
			if strings.Contains(string(data), k) && !strings.Contains(all.String(), k) {
				t.Errorf("%s: %q was masked:\n%s", name, k, all.String())
			}
		}
	}
}

func TestTypeIndex(t *testing.T) {
	for i, typ := range Types() {
		if typeIndex(typ) != i {
			t.Errorf("typeIndex(%s) = %d, want %d", typ, typeIndex(typ), i)
		}
		if Mask(typ) != "["+string(typ)+"]" {
			t.Errorf("Mask(%s) = %s", typ, Mask(typ))
		}
	}
	if typeIndex("nope") != -1 || len(Types()) != numTypes {
		t.Error("typeIndex of an unknown type, or numTypes, is wrong")
	}
}
