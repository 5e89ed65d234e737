package redact

import "testing"

// TestReviewRV22A: review rv22a of lane i13name22's rules (causes blocks
// UN to UZ) on ordinary calls: what the new rules masked that is no
// personal data (an ordinary word, the operator's own name, an ordinal),
// next to the cases they were written for, which stay masked.
func TestReviewRV22A(t *testing.T) {
	flat := []string{"o: назовите адрес", "c: улица мира дом 27 квартира 9"}
	with := func(lines ...string) []string { return append(append([]string{}, flat...), lines...) }
	checkCalls(t, []callCase{
		// residentNames (block US): a noun of a person, or a kin's
		// possessive, of a surname's ending next to «живёт» is no
		// neighbour's name (labelled ru/blind13/rbd-0019: «там никто не
		// живёт хозяин где то в москве»).
		{"resident: owner after the verb", with("c: сверху квартира 13 там никто не живёт хозяин где то в москве"),
			[]string{"c: [address] там никто не живёт хозяин где то в москве"}},
		{"resident: owner opening the sentence", with("c: хозяин квартиры живет в москве"), []string{"c: хозяин квартиры живет в москве"}},
		{"resident: citizen", with("c: там живет гражданин какой то"), []string{"c: там живет гражданин какой то"}},
		{"resident: gentleman", with("c: сейчас там проживает господин один"), []string{"c: сейчас там проживает господин один"}},
		{"resident: grandson", with("c: там живет внук"), []string{"c: там живет внук"}},
		{"resident: mum's brother", with("c: мамин брат там живет"), []string{"c: мамин брат там живет"}},
		{"resident: granny's house", with("c: бабушкин дом там никто не живет"), []string{"c: бабушкин дом там никто не живет"}},
		{"resident: a surname still", with("c: в тридцатой проживает лаптева ирина она и жаловалась"), []string{"c: в [address] проживает [name] она и жаловалась"}},
		{"resident: a surname opening still", with("c: фомин в тридцать четвертой живет"), []string{"c: [name] в [address] живет"}},
		// partyBefore (block UO): «продавец» is a shop's staff title too;
		// an operator introducing themselves by it, a greeting or «слушаю»
		// after the name, is the company's.
		{"party: a shop's seller introduced", []string{"o: здравствуйте продавец петров алексей слушаю вас", "c: здравствуйте"},
			[]string{"o: здравствуйте продавец петров алексей слушаю вас"}},
		{"party: a shop's seller, the shop first", []string{"o: магазин техносила продавец смирнова анна здравствуйте", "c: да"},
			[]string{"o: магазин техносила продавец смирнова анна здравствуйте"}},
		{"party: a shop's seller, the shop after", []string{"o: здравствуйте продавец петрова анна магазин эльдорадо", "c: здравствуйте"},
			[]string{"o: здравствуйте продавец петрова анна магазин эльдорадо"}},
		{"party: a marketplace's seller addressed still", []string{"o: продавец кравцов денис назовите почту кабинета", "c: да"},
			[]string{"o: продавец [name] назовите почту кабинета"}},
		{"party: a payee addressed still", []string{"o: получатель сорокина дарья здравствуйте вам посылка", "c: да это я"},
			[]string{"o: получатель [name] здравствуйте вам посылка"}},
		// dictatedFor (block UN): the operator's own name after «меня
		// зовут» is theirs whatever number follows it.
		{"dictated: the operator introduced, a ticket after", []string{"o: здравствуйте меня зовут анна петрова 1234567890 номер вашей заявки", "c: спасибо"},
			[]string{"o: здравствуйте меня зовут анна петрова [number] номер вашей заявки"}},
		{"dictated: an employee's SNILS still", []string{"c: я диктую по двум сотрудницам сразу вера ткаченко 243 818 877 00 и маша лаптева 778 426 244 49", "o: записала"},
			[]string{"c: я диктую по двум сотрудницам сразу [name] [snils] и [name] [snils]"}},
		// initialsGoOn (block UW): «и я», «а я» after a name are a
		// conjunction and a pronoun, no initials.
		{"initials: and I", []string{"o: как вас зовут", "c: меня зовут анна и я да хотела узнать"}, []string{"c: меня зовут [name] и я да хотела узнать"}},
		{"initials: still", []string{"o: как указан владелец", "c: владелец белов с к верно"}, []string{"c: владелец [name] [name] верно"}},
		// mailNumberEdges (block UT): an ordinal before a mailbox orders
		// the mailboxes, no digit of one.
		{"mail: ordinals", []string{"o: назовите почту", "c: первая ivan собака mail точка ru", "c: вторая petr собака mail точка ru"},
			[]string{"c: первая [email]", "c: вторая [email]"}},
		{"mail: ordinal", []string{"o: назовите почту", "c: второй ivan собака mail точка ru"}, []string{"c: второй [email]"}},
		{"mail: digits first still", []string{"o: ваша электронная почта", "c: девять девять lena собака mail точка ru"}, []string{"c: [email] [email]"}},
		// streetBeforeHouse (block UV): a house's floors, its years, are
		// what it has, no house number (houseAnswer's words).
		{"street before house: floors", []string{"c: кирпичная дом 5 этажей", "o: хорошо"}, []string{"c: кирпичная дом 5 этажей"}},
		{"street before house: still", []string{"o: адрес доставки", "c: заречная дом 14 квартира 6"}, []string{"c: [address]"}},
		// hoursAround (block UX): the operator reading back the client's
		// address with a visit's window is no office's opening hours.
		{"hours: a visit's window in words", []string{"o: подтвердите адрес", "c: улица мира дом 8", "o: мастер придет на улицу мира дом 8 с девяти до двенадцати"},
			[]string{"o: мастер придет на [address] с девяти до двенадцати"}},
		{"hours: a visit's window in digits", []string{"o: подтвердите адрес", "c: улица мира дом 8", "o: мастер придет на улицу мира дом 8 с 9 до 12"},
			[]string{"o: мастер придет на [address] с 9 до 12"}},
		{"hours: an office's still", []string{"c: куда подъехать за паспортом", "o: проспект вернадского тридцать семь с девяти до восьми"},
			[]string{"o: проспект вернадского тридцать семь с девяти до восьми"}},
		// staffNames (block UR): a title right after «вы» addresses the
		// client by their work.
		{"staff: the client an engineer", []string{"o: вы инженер петров иван сергеевич", "c: да"}, []string{"o: вы инженер [name]"}},
		{"staff: an engineer still", []string{"o: к вам выйдет инженер рустам ильдарович после обеда", "c: жду"},
			[]string{"o: к вам выйдет инженер рустам ильдарович после обеда"}},
		// placeBefore (block UZ): a legal address «по прописке» is a sole
		// trader's home.
		{"legal address: by registration", []string{"o: юридический адрес назовите", "c: юридический адрес по прописке улица ленина дом 5"},
			[]string{"c: юридический адрес по прописке [address]"}},
		{"legal address: a company's still", []string{"o: юридический адрес организации", "c: улица заводская 14 офис 3"},
			[]string{"c: улица заводская 14 офис 3"}},
	})
}
