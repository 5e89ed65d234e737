package redact

import (
	"strings"
	"unicode/utf8"
)

// A trip's address: a taxi's pick-up, a courier's drop, a delivery's
// recipient, said the spoken way, with no street's word: «от дома на
// гагарина двенадцать первый подъезд», «с тверской семь до пушкина
// двадцать два», «от дома пятнадцать по заводской», «забирать
// ставропольская двести семь частный дом» (blind29/cr; causes blocks SA
// to SC, lane i13taxi21, session 21).

// tripAddresses masks a street's name with no street's word and its
// house's number after a preposition of a trip («от», «с», «до», «на»,
// «к», «по»), a trip's verb or a recipient's word («забирать», «домой»,
// «получатель»), or a correction of one just said («... нет [гагарина
// двенадцать]»). The street's name reads as one (tripStreet: an
// adjective's form, «садовой», «ставропольская», or a person's surname
// in the genitive, «гагарина», «белинского», «щорса»), the number is a
// house's (under a thousand, no unit, no thousands after it), and the
// sentence says it is a trip's or a delivery's address (tripContext: a
// house's or an entrance's word around it, «от дома на ...», «первый
// подъезд», «частный дом», a flat; a word of the trip, «такси», «едем»,
// «поездка»; a second address of the trip in the sentence, «с ... до
// ...»; or the other side's question for an address). Not an office's, a
// business centre's or a shop's place named before it without a flat
// (claimAddress and tripOffice), nor a street with no house («на
// ленинском», «на гагарина»), a time («к шести двадцати»: no street's
// word), a train («на ночной сто двадцать»).
//
// Also the house said first and the street after «по» or «на»: «от дома
// девять по полевой», «возле дома восемнадцать по луговой подъезд
// второй» (tripHouseFirst).
func (s *scan) tripAddresses() {
	if s.lang == "en" {
		return
	}
	for _, c := range s.starts {
		h := int(c)
		if h < 1 || s.marks[h] != 0 || !s.toks[h].has(tNum) || !s.houseNumberWord(h) {
			continue
		}
		seg := s.toks[h].seg
		// The street's name: one word, or two (an adjective or an
		// ordinal before it: «большой пушкарской», «третьей парковой»).
		st := h - 1
		if s.toks[st].seg != seg || s.marks[st] != 0 || !s.tripStreet(st) {
			continue
		}
		if st > 0 && s.toks[st-1].seg == seg && s.marks[st-1] == 0 && (s.toks[st-1].num() == nkOrdinal || adjectival(s.norm(st-1)) && s.nameWord(st-1) && !s.tripLead(st-1)) && s.tripStreet(st-1) {
			st--
		}
		// What opens it: a trip's preposition, verb or recipient, a
		// correction, or nothing in an answer to a question for an
		// address (lead is then st itself).
		lead, answer := st-1, 0
		if lead < 0 || s.toks[lead].seg != seg || !s.tripLead(lead) && !s.streetSaidAgain(st, lead) {
			if answer = s.tripAnswer(st); answer == 0 {
				continue
			}
			lead = st
		}
		v, e := s.smallNumber(h)
		if v == 0 || v >= 1000 {
			continue
		}
		end, house := s.houseRun(h)
		if !house || end < e || !s.tripHouseNumbers(h, e, end) {
			continue
		}
		// (The answer to a question for an address, not a trip's: with a
		// house's or an entrance's word after it, or no other value's cue
		// or trap word after it in the sentence: «адрес подскажите» —
		// «гагарина 14 второй подъезд», «назовите адрес» — «первомайская
		// восемь»; not «адрес точки и инн» — «каланчёвская 17 инн ...»,
		// «адрес точки и номер договора» — «вокзальная 3 договор ...», a
		// shop's asked with its other numbers.)
		if answer == answerAddress && !s.tripHouseAfter(st, end) && s.valueAfter(end) || answer != answerAddress && !s.tripContext(lead, st, end) || s.tripOffice(st, end) {
			continue
		}
		// «от дома на [гагарина 12]»: the house's word and «на» go with
		// it (its read-back says «от [дома на гагарина 12]»).
		from := st
		if lead > 0 && lead < st && s.toks[lead-1].seg == seg && s.marks[lead-1] == 0 && isWord(s.norm(lead), "на", "по") && isWord(s.norm(lead-1), "дома", "дом") {
			from = lead - 1
		}
		s.claimTrip(from, end)
	}
	if ungated || s.any&tHouse != 0 { // (its «дом»)
		s.tripHouseFirst()
	}
}

// tripLead reports whether token k, right before a street's name, opens
// a trip's address: a preposition of a trip, a trip's verb or a
// recipient's word.
func (s *scan) tripLead(k int) bool {
	return isWord(s.norm(k), "от", "с", "со", "до", "на", "к", "ко", "по", "забирать", "забрать", "заберите", "забери", "домой", "получатель", "получатели", "получателю", "получателя", "отправитель")
}

// tripAnswer reports whether the street's name at st opens its sentence
// (after «ну», «да» at most), the speaker's first sentence after the
// other side's question where a trip goes from or to (answerTrip:
// cueEvent.trip, «куда подать машину» — «кооперативная 31») or for an
// address (answerAddress: «по какому адресу доставка» — «советская 38
// подъезд 4»); not a later sentence («откуда и куда ехали» — «от
// торгового центра до улицы победы» — ... — «вот а обычно пятьсот»;
// «адрес» — «[улица победы дом 3 квартира 11]» — «показания» —
// «холодная 142 горячая 98»). 0 when none.
func (s *scan) tripAnswer(st int) int {
	if !s.segStart(st) {
		return 0
	}
	at := s.t0(&s.toks[st])
	for _, kind := range [...]int{answerTrip, answerAddress} {
		q := -1.0
		for k := range s.others {
			if e := &s.others[k]; !e.own && e.justBefore(at) && e.at > q && (kind == answerTrip && e.trip || kind == answerAddress && e.addr && !e.place) {
				q = e.at
			}
		}
		if q >= 0 && s.firstAfter(st, q) {
			return kind
		}
	}
	return 0
}

// The questions a trip's address answers (tripAnswer).
const (
	answerTrip = 1 + iota
	answerAddress
)

// firstAfter reports whether the sentence of token st is the speaker's
// first after time q.
func (s *scan) firstAfter(st int, q float64) bool {
	seg, at := s.toks[st].seg, s.t0(&s.toks[st])
	for _, r := range s.segs {
		if r.from < r.to && s.toks[r.from].seg != seg {
			if t := s.t0(&s.toks[r.from]); t > q && t < at {
				return false
			}
		}
	}
	return true
}

// streetSaidAgain reports whether the street's name at st is said again
// right after an address masked in its sentence, after a correction
// («[гагарина тринадцать] нет двенадцать гагарина двенадцать», «[некрасова
// девятнадцать] ой нет некрасова семнадцать»): the same word, three
// words or fewer between.
func (s *scan) streetSaidAgain(st, lead int) bool {
	seg := s.toks[st].seg
	for k := lead; k >= 0 && k >= st-4 && s.toks[k].seg == seg; k-- {
		if s.maskedAs(k, Address) {
			f := &s.found[s.marks[k]-1]
			return f.from < len(s.toks) && s.norm(f.from) == s.norm(st)
		}
		if !(correctionWord(s.norm(k)) || s.toks[k].has(tNum)) {
			return false
		}
	}
	return false
}

// tripStreet reports whether token k reads as a street's name said with
// no street's word: an adjective's form («садовой», «ставропольская»,
// «рябиновую»), a person's surname in the genitive («гагарина»,
// «белинского», «щорса», «маркса») or one that is not declined
// («шевченко»); not a pronoun, a day's word, a relative, a first name,
// a place's or an office's word, nor the adjective of a run
// («ночной», «скорый»).
func (s *scan) tripStreet(k int) bool {
	t := &s.toks[k]
	if !s.nameWord(k) || t.has(tKin|tFirstName|tNameForm|tDateWord|tFiller) {
		return false
	}
	w := s.norm(k)
	if len(w) < 8 || dayWord(w) || placeWords.of(w) || officeWord(w) || companyWords.of(w) || tripNotStreet(w) || amountAdverb(w) {
		return false
	}
	// (After «с», a noun's instrumental is no street's: «баллон с
	// заправкой 1 800», «с доставкой», «с водой», «с мамой», «с
	// сестрой», «с тётей», «с номером»; «с тверской», «с садовой» are
	// the genitive of a street's adjective.)
	if k > 0 && s.toks[k-1].seg == t.seg && isWord(s.norm(k-1), "с", "со") && (withNoun(w) || instrumentalNoun(w)) {
		return false
	}
	if adjectival(w) || genitiveNames.of(w, 4) || strings.HasSuffix(w, "енко") {
		return true
	}
	// A surname of a consonant's stem in the genitive («щорса»,
	// «маркса», «мира», «гоголя»; «белинского» is an adjective's) after a
	// trip's preposition, not a place one goes to or from («до вокзала
	// двести», «от центра пять»: tripPlace) nor a number's word («с
	// номера 8 800 ...»).
	if n := len(w); n >= 8 && (k > 0 && s.toks[k-1].seg == t.seg && isWord(s.norm(k-1), "на", "до", "от", "с") || s.segStart(k) && s.tripAsked(s.t0(t))) && !tripPlace(w) {
		if strings.HasSuffix(w, "а") {
			last, _ := utf8.DecodeLastRuneInString(w[:n-len("а")])
			return !strings.ContainsRune("аеёиоуыэюяйьжшщчц", last)
		}
		return strings.HasSuffix(w, "ля") && n >= 10
	}
	return false
}

// instrumentalNoun reports whether w, after «с», reads as a noun in the
// instrumental, not a street's adjective in the genitive: «-ом», «-ём»
// («багажом», «ребёнком»), or «-кой» after a consonant but «с», «ц»
// («заправкой», «коробкой», «упаковкой»; «тверской», «стрелецкой»,
// «высокой» are adjectives').
func instrumentalNoun(w string) bool {
	if strings.HasSuffix(w, "ом") || strings.HasSuffix(w, "ём") {
		return true
	}
	stem, ok := strings.CutSuffix(w, "кой")
	if !ok || stem == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(stem)
	return !strings.ContainsRune("сцаеёиоуыэюяйь", last)
}

// tripPlace: a place a trip goes to or from, named in the genitive, no
// street («до вокзала», «от аэропорта», «до центра», «с рынка», «от
// номера»): its beginnings.
func tripPlace(w string) bool { return tripPlaces.of(w) }

var tripPlaces = newBeginningSet("вокзал", "аэропорт", "центр", "город", "рын", "парк", "район", "порт", "причал", "театр", "цирк", "музе", "стадион", "двор", "моста", "перекрест", "светофор",
	"поворот", "угла", "номер", "счет", "счёт", "дома", "офис", "садик", "детсад", "универ", "институт", "колледж", "техникум", "лицея", "вуза", "магазин", "салон", "отел", "гостиниц", "хостел",
	"санатори", "пансионат", "лагер", "кинотеатр", "клуба", "бара", "пляж", "берег", "озера", "леса", "моря", "кремл", "автовокзал", "терминал", "перрон", "метро", "рубл", "нул", "ноля", "сына", "брата", "мужа", "отца", "деда", "друга", "врача", "часа", "утра", "вечера", "обеда", "понедельник",
	// What a fare is counted from: «с человека 200», «с баланса 300», «с
	// километра 20», «за багаж с чемодана 500»; a vehicle, its stop.
	"баланс", "бонус", "депозит", "кошел", "тариф", "лимит", "человек", "пассажир", "багаж", "чемодан", "места", "километр", "минут", "заказа", "рейса", "поезда", "вагона",
	"автобус", "трамва", "троллейбус", "маршрут", "билета", "класса", "этажа", "подъезда", "входа", "выхода", "пути", "водител", "автомобил", "корабл", "самолет", "самолёт",
	// A door's, a locker's: «код от домофона 123», «от ячейки 12».
	"домофон", "двер", "калитк", "ворот", "шлагбаум", "замк", "ящик", "ячейк", "код")

// tripHouseNumbers reports whether the numbers of an address read from
// its house's number at h (ending at e) to end are a house's and a
// flat's: two groups at most said with no house's word between
// («ставропольской 151», «ленина 5 12»), no number after it in the
// sentence, no measure after them («от серпухова 12 километров»): not a
// phone's groups («на личный 931 222 40 05», «с номера 8 800 ...»).
func (s *scan) tripHouseNumbers(h, e, end int) bool {
	seg := s.toks[h].seg
	if s.toks[h].num() == nkDigits && s.digitRunLen(h) > maxHouseDigits {
		return false
	}
	if end < len(s.toks) && s.toks[end].seg == seg && (s.toks[end].has(tNum) && s.toks[end].num() != nkOrdinal || measureWord(s.norm(end))) {
		return false
	}
	groups := 1
	for k := e; k < end; {
		if !s.toks[k].has(tNum) || s.toks[k].has(tHouse) {
			if s.toks[k].has(tHouse) {
				return true // the house's word: houseRun read the rest
			}
			k++
			continue
		}
		_, next := s.smallNumber(k)
		if next <= k {
			next = k + 1
		}
		if groups++; groups > 2 {
			return false
		}
		k = next
	}
	return true
}

// measureWord: a word of a distance, a duration, a weight or a count
// after a number («12 километров», «5 минут», «с собакой 8 кило») that
// the lexicon has no unit's role for.
func measureWord(w string) bool {
	return strings.HasPrefix(w, "километр") || strings.HasPrefix(w, "км") || strings.HasPrefix(w, "метр") || strings.HasPrefix(w, "минут") || strings.HasPrefix(w, "килограм") ||
		isWord(w, "час", "часа", "часов", "секунд", "кило", "кг", "грамм", "граммов", "человек", "чел", "мест", "места", "штук", "штуки")
}

// withNoun reports whether w, after «с», reads as a noun's instrumental
// rather than a street's adjective in the genitive: «-кой» but not
// «-ской», «-цкой» («с заправкой», «с сумкой»), «-дой», «-мой», «-рой»
// («с водой», «с мамой», «с сестрой»), «-ей» («с тётей»), «-ом», «-ем»
// («с номером», «с багажом»).
func withNoun(w string) bool {
	switch {
	case strings.HasSuffix(w, "ской"), strings.HasSuffix(w, "цкой"):
		return false
	case strings.HasSuffix(w, "кой"):
		// «с заправкой», «с коробкой», not «с высокой» (instrumentalNoun).
		return instrumentalNoun(w)
	case strings.HasSuffix(w, "дой"), strings.HasSuffix(w, "мой"), strings.HasSuffix(w, "рой"), strings.HasSuffix(w, "ей"),
		strings.HasSuffix(w, "ом"), strings.HasSuffix(w, "ем"):
		return true
	}
	return false
}

// tripNotStreet: words of a street's shape that name no street before a
// number: pronouns and determiners («вашей», «какой», «каждого»), a
// run's or a fare's adjectives («ночной сто двадцать», «обратный»,
// «последний», «по льготной четыреста»), a card's or a payment's
// («основной», «привязанной», «наличными»).
func tripNotStreet(w string) bool {
	return fareWords.of(w) || isWord(w, "рабочий", "рабочего", "рабочему", "домашний", "домашнего", "домашнему", "личный", "личного", "личному", "вашей", "нашей", "моей", "твоей", "своей", "вашего", "нашего", "моего", "своего", "какой", "какая", "какую", "какого", "этой", "этого", "другой", "другого", "каждой", "каждого", "любой", "любого", "одной", "одного",
		"самой", "самого", "всей", "всего", "такой", "такого",
		"ночной", "ночного", "ночную", "скорый", "скорого", "скорой", "дневной", "дневного", "утренний", "утреннего", "вечерний", "вечернего", "последний", "последнего", "последней", "ближайший", "ближайшего", "ближайшей",
		"следующий", "следующего", "следующей", "обратный", "обратного", "обратной", "прямой", "прямого", "прямого", "фирменный", "фирменного", "пассажирский", "пассажирского", "основной", "основного", "привязанной", "привязанного", "банковской", "кредитной", "дебетовой", "зарплатной")
}

// tripContext reports whether the sentence of a street's name at st and
// its house ending at end says a trip's or a delivery's address: a
// house's word before the lead («от дома на ...») or in the address (a
// flat), an entrance or «частный дом» within three words after it, a
// word of a trip in the sentence, an address masked in the sentence
// (the trip's other end: «от ... до [красной 40 кв 8]»), a second street
// with its house after another preposition of a trip, or the other
// side's question for an address.
func (s *scan) tripContext(lead, st, end int) bool {
	seg := s.toks[st].seg
	same := func(k int) bool { return k >= 0 && k < len(s.toks) && s.toks[k].seg == seg }
	if same(lead-1) && s.toks[lead-1].has(tHouse) || s.tripHouseAfter(st, end) {
		return true
	}
	for k := s.segFrom(st); same(k); k++ {
		if k >= st && k < end {
			continue
		}
		if tripWord(s.norm(k)) || s.maskedAs(k, Address) {
			return true
		}
		// The trip's other end: a preposition, a street's name and a
		// house's number, or a place a trip goes to or from («от садовой
		// 18 до аэропорта», «с вокзала на лесную 5»).
		if k+2 < len(s.toks) && same(k+2) && (k+2 < st || k >= end) && isWord(s.norm(k), "от", "с", "до", "на", "к") && s.toks[k+2].has(tNum) && s.houseNumberWord(k+2) && s.tripStreet(k+1) {
			return true
		}
		if k+1 < len(s.toks) && same(k+1) && (k+1 < st || k >= end) && isWord(s.norm(k), "от", "с", "со", "до", "на", "к", "в", "во", "из") && tripEnds.of(s.norm(k+1)) {
			return true
		}
	}
	at := s.t0(&s.toks[st])
	return s.addressAsked(at) || s.tripAsked(at)
}

// tripAsked reports whether the other side asked where a trip goes from
// or to just before at («куда едем», «откуда вас забрать»).
func (s *scan) tripAsked(at float64) bool {
	return s.otherCueNear(at, func(e *cueEvent) bool { return e.trip && !e.own })
}

// tripStarts are the words of a trip that start the address rules on a
// channel with no other address's word (tTrip: «ехали с тверской семь до
// пушкина двадцать два», «поездка завершена ... на щорса семнадцать»):
// a taxi, a ride, going somewhere, taking someone there. No prefilter
// trigger: tripAddresses reads only a sentence with a number in it, which
// its numbers load.
var tripStarts = []string{"такси", "поездка", "поездку", "поездки", "поездке", "едем", "ехали", "ехал", "ехала", "еду", "поедем", "поеду",
	"отвезти", "отвезите", "довезти", "довезите", "подвезти", "подвезите", "маршрут", "маршрута", "машину",
	// A driver gone or come, a parcel brought elsewhere: «водитель уехал
	// с парковой девять», «привезли не туда я на молодежной 15».
	"водитель", "водителя", "уехал", "уехала", "уехали", "приехал", "приехала", "приехали", "привезли", "привез", "привезла",
	// A car asked for, the client picked up or coming out to it: «нужна
	// машина от садовой 18», «вас заберут с ...», «я на чехова 40 выхожу».
	"машина", "заберут", "заберем", "заберём", "выхожу", "выйду", "спускаюсь",
	// The trip's other end, an order's: «мне от садовой 18 до аэропорта»,
	// «заказ принят от кленовой 5».
	"аэропорт", "аэропорта", "аэропорту", "вокзал", "вокзала", "вокзалу", "заказ", "заказа",
	// Asked with «куда», «откуда» (tripQuestion): «откуда вас забрать»,
	// «куда везти», «куда едете».
	"забрать", "забирать", "везти", "едете", "поедете"}

// tripQuestion reports whether the trip's word at token i asks where
// from or where to: «куда едем», «откуда вас забрать», «куда подать
// машину», «а едем куда» («куда», «откуда» two words before it at most,
// or right after it), no number in its sentence (not «едем куда-то с
// садовой 5»): a question for an address (collectCues files it so, and
// the answer is read: tripAddresses).
func (s *scan) tripQuestion(i int) bool {
	seg := s.toks[i].seg
	asked := false
	for k := i - 1; k >= 0 && k >= i-3 && s.toks[k].seg == seg && !asked; k-- {
		asked = isWord(s.norm(k), "куда", "откуда")
	}
	if !asked && i+1 < len(s.toks) && s.toks[i+1].seg == seg {
		asked = isWord(s.norm(i+1), "куда", "откуда")
	}
	if !asked {
		return false
	}
	for k := s.segFrom(i); k < len(s.toks) && s.toks[k].seg == seg; k++ {
		if s.toks[k].has(tNum) {
			return false
		}
	}
	return true
}

// tripEnds: the beginnings of the places a trip goes to or from, said
// with a preposition next to a trip's address («до аэропорта», «на
// вокзал», «в больницу», «из школы»).
var tripEnds = newBeginningSet("вокзал", "аэропорт", "центр", "рынок", "рынка", "парк", "порт", "причал", "театр", "цирк", "стадион", "больниц", "поликлиник", "школ", "садик", "детсад",
	"метро", "станци", "торгов", "тц", "кинотеатр", "автовокзал", "терминал", "гостиниц", "отел", "универ", "институт", "дач", "роддом")

// valueAfter reports whether a cue's or a trap's word follows token end
// in its sentence («... инн 7 7 0 8», «... договор 8 8 0 1»).
func (s *scan) valueAfter(end int) bool {
	if end >= len(s.toks) || end == 0 {
		return false
	}
	seg := s.toks[end-1].seg
	for k := end; k < len(s.toks) && s.toks[k].seg == seg; k++ {
		if s.toks[k].has(tCue | tTrap) {
			return true
		}
	}
	return false
}

// tripHouseAfter reports whether a house's word is in the address st..end
// (a flat, a building: «квартира 30», «корпус 2») or an entrance's or «частный
// дом» within three words after it («первый подъезд», «к четвертому
// подъезду»).
func (s *scan) tripHouseAfter(st, end int) bool {
	if s.flatIn(st, end) || s.houseWordIn(st, end) {
		return true
	}
	seg := s.toks[st].seg
	same := func(k int) bool { return k < len(s.toks) && s.toks[k].seg == seg }
	for k := end; same(k) && k < end+3; k++ {
		w := s.norm(k)
		if strings.HasPrefix(w, "подъезд") || w == "частный" && same(k+1) && s.toks[k+1].has(tHouse) || s.toks[k].has(tFlat) {
			return true
		}
	}
	return false
}

// tripWord: a word of a trip or of a delivery to a door: a taxi, a ride,
// going, taking, picking up («такси», «поездка», «едем», «ехали»,
// «отвезти», «забрать», «машину», «домой», «доставка», «курьер»).
func tripWord(w string) bool {
	return tripWords.of(w)
}

var tripWords = newBeginningSet("такси", "поездк", "маршрут", "едем", "ехали", "ехала", "ехал", "поеду", "поедем", "еду", "отвез", "довез", "подвез", "привез", "уехал", "приехал", "забрать", "забирать", "заберите", "машин",
	"забер", "забира", "заказ", "выхож", "выйд", "спускаю", "домой", "доставк", "курьер", "водител", "подач", "подъед")

// tripOffice reports whether a trip's address with no flat is a
// company's place named before it in its sentence: «до бизнес центра
// орион на пролетарской 40», «ресторан ... на пушкина 12», «пункт выдачи
// на садовой 5» (a business centre's, an office's, a shop's, a
// restaurant's), five words back at most.
func (s *scan) tripOffice(st, end int) bool {
	if s.flatIn(st, end) {
		return false
	}
	seg := s.toks[st].seg
	for k := st - 1; k >= 0 && k >= st-5 && s.toks[k].seg == seg; k-- {
		if s.toks[k].has(tFlat) {
			return false // a flat said nearer: a home («на объекте квартира на лесной 5»)
		}
		if w := s.norm(k); officeWord(w) || companyWords.of(w) || placeWords.of(w) || workWords.of(w) {
			return true
		}
	}
	// (Or right after it: «на заводскую 15 там проходная».)
	for k := end; k < len(s.toks) && k < end+3 && s.toks[k].seg == seg; k++ {
		if w := s.norm(k); officeWord(w) || companyWords.of(w) || workWords.of(w) {
			return true
		}
	}
	return false
}

// workWords: a workplace's words, whose place is no one's home: «на
// работу на заводскую 15», «там проходная», «на объекте на садовой 7»,
// «предприятие»; a taxi service's own place, where a lost thing is handed
// back («через диспетчерскую на ленина 8», «в таксопарке на заводской 3»).
var workWords = newBeginningSet("работу", "работе", "работы", "проходн", "предприяти", "объект", "диспетчерск", "таксопарк", "автопарк")

// claimTrip claims a trip's address from..to; an address masked right
// after it (its flat, masked by the flat's rule: «на профсоюзная [сто
// двадцать три квартира двести один]») grows to take it.
func (s *scan) claimTrip(from, to int) {
	if to < len(s.toks) && s.toks[to].seg == s.toks[from].seg && s.maskedAs(to, Address) {
		id := s.marks[to]
		for k := from; k < to; k++ {
			if s.marks[k] == 0 {
				s.marks[k] = id
			}
		}
		s.found[id-1].from = min(s.found[id-1].from, from)
		return
	}
	s.claimAddress(from, to, ruleAddressStreet)
}

// tripHouseFirst masks a house said first and its street's name after
// «по» or «на» with no street's word: «от дома девять по полевой», «возле
// дома восемнадцать по луговой подъезд второй», «к дому шесть по
// берёзовой» (an adjective's form; a name in the genitive is the
// addresses rule's, «в доме номер пять по ленина»). The street closes
// the sentence, or an entrance, a flat or a function word follows it.
func (s *scan) tripHouseFirst() {
	for _, c := range s.starts {
		i := int(c)
		t := &s.toks[i]
		if !t.has(tHouse) || s.marks[i] != 0 || !isWord(s.normOf(t), "дом", "дома", "доме", "дому") || i+1 >= len(s.toks) {
			continue
		}
		end, house := s.houseRun(i + 1)
		if !house || end+1 >= len(s.toks) || s.toks[end].seg != t.seg || s.toks[end+1].seg != t.seg || !isWord(s.norm(end), "по", "на") {
			continue
		}
		if v, _ := s.smallNumber(i + 1); v == 0 || v >= 1000 {
			continue
		}
		st := end + 1
		if s.marks[st] != 0 || !s.nameWord(st) || !adjectival(s.norm(st)) || !s.tripStreet(st) {
			continue
		}
		if n := st + 1; n < len(s.toks) && s.toks[n].seg == t.seg && !(s.toks[n].has(tStop|tConn|tHouse) || s.toks[n].num() == nkOrdinal || strings.HasPrefix(s.norm(n), "подъезд")) {
			continue
		}
		s.claimAddress(i, st+1, ruleAddressFlat)
	}
}

// fareWords: the beginnings of a fare's, a payment's or a phone's
// adjectives («по льготной 420», «по фиксированной 400», «по безналичному
// 300», «на сотовый 916 ...»).
var fareWords = newBeginningSet("фиксированн", "минимальн", "городск", "междугородн", "загородн", "мобильн", "сотов", "служебн", "контактн", "льготн", "полн", "студенч", "пенсионн", "социальн", "семейн", "базов", "стандартн", "обычн", "наличн", "безналичн", "скидочн", "бонусн", "итогов", "общей", "общую", "общего")
