package piigen

import (
	"fmt"
	"strings"
)

// numbered builds a dictated-number entity: an optional question by the
// operator, then the client's phrase with the number (sometimes repeated
// or corrected).
func (g *gen) numbered(typ string, prompts, withCue, bare []string, groups func() []string) []turn {
	var turns []turn
	tmpl := ""
	if len(prompts) > 0 && g.chance(0.3) {
		turns = append(turns, turn{"operator", []piece{p(pick(g, prompts))}})
		tmpl = pick(g, bare)
	} else {
		tmpl = pick(g, withCue)
	}
	gr := groups()
	txt, form := g.say(gr)
	pre, post, _ := strings.Cut(tmpl, "%s")
	pieces := []piece{p(pre)}
	switch x := g.r.IntN(100); {
	case x < 10 && len(gr) > 2:
		// Self-correction: a wrong start, then the whole number.
		wrong := append([]string{}, gr[:2]...)
		wrong[1] = mutate(g, wrong[1])
		wt, _ := g.say(wrong)
		pieces = append(pieces, piece{text: wt, label: typ, form: "corrected"}, p(pick(g, []string{"ой нет", "извините", "то есть", "нет подождите", "ой простите"})), piece{text: txt, label: typ, form: form})
	case x < 20:
		// Repetition.
		t2, f2 := g.say(gr)
		pieces = append(pieces, piece{text: txt, label: typ, form: form}, p(pick(g, []string{"повторяю", "еще раз", "повторю", "да"})), piece{text: t2, label: typ, form: f2})
	default:
		pieces = append(pieces, piece{text: txt, label: typ, form: form})
	}
	pieces = append(pieces, p(post))
	return append(turns, turn{"client", pieces})
}

func mutate(g *gen, d string) string {
	b := []byte(d)
	i := g.r.IntN(len(b))
	b[i] = byte('0' + (int(b[i]-'0')+1+g.r.IntN(8))%10)
	return string(b)
}

func (g *gen) entity(typ string) []turn {
	switch typ {
	case "phone":
		return g.numbered("phone",
			[]string{"продиктуйте пожалуйста номер телефона для связи", "назовите контактный телефон", "по какому номеру вам перезвонить", "оставьте номер телефона"},
			[]string{"мой номер телефона %s", "запишите мой мобильный %s", "перезвоните мне на %s", "телефон %s", "контактный номер %s", "мой телефон %s запишите", "номер для связи %s", "можно на сотовый %s", "у меня номер %s", "звоните на %s в любое время", "рабочий телефон %s", "%s это мой номер"},
			[]string{"%s", "да записывайте %s", "%s пожалуйста", "так %s", "это %s"},
			func() []string { return g.phone() })
	case "card":
		if g.chance(0.35) {
			return g.numbered("card", nil,
				[]string{"карта заканчивается на %s", "последние четыре цифры карты %s", "по карте которая оканчивается на %s", "у меня карта заканчивается на %s", "списали с карты последние цифры %s", "моя карточка оканчивается на %s"},
				nil, func() []string { d := g.digits(4); return []string{d[:2], d[2:]} })
		}
		return g.numbered("card",
			[]string{"назовите номер карты", "продиктуйте номер карты с лицевой стороны"},
			[]string{"номер карты %s", "моя карта %s", "вот номер карточки %s", "карта %s", "карта виза %s", "платил с карты %s"},
			[]string{"%s", "да %s"},
			func() []string {
				pre := pick(g, []string{"4276", "5469", "2202", "4817", "5536", "4279", "2200", "4377", "5213", "4100", "2201", "5106"})
				d := pre + g.digits(11)
				d += string(luhnDigit(d))
				return split(d, 4, 4, 4)
			})
	case "cvv":
		return g.numbered("cvv",
			[]string{"назовите три цифры на обороте карты", "продиктуйте код безопасности с обратной стороны карты", "скажите cvv код карты", "нужен трехзначный код на обороте"},
			[]string{"код на обороте %s", "cvv %s", "код безопасности %s", "три цифры на обороте %s", "трехзначный код %s", "cvc %s", "код с обратной стороны %s", "защитный код %s"},
			[]string{"%s", "так %s", "это %s"},
			func() []string {
				d := g.digits(3)
				if g.chance(0.5) {
					return []string{d}
				}
				return []string{d[:1], d[1:2], d[2:]}
			})
	case "code":
		return g.numbered("code",
			[]string{"назовите код из смс", "вам пришел код подтверждения продиктуйте его", "скажите код который пришел в смс", "продиктуйте одноразовый пароль"},
			[]string{"код из смс %s", "мне пришел код %s", "код подтверждения %s", "пришла смс с кодом %s", "проверочный код %s", "смс код %s", "одноразовый пароль %s", "код пришел вот %s"},
			[]string{"%s", "пришел %s", "так %s"},
			func() []string {
				d := g.digits(4 + g.r.IntN(3))
				if g.chance(0.4) {
					return []string{d}
				}
				if len(d) == 4 {
					return []string{d[:2], d[2:]}
				}
				return []string{d[:3], d[3:]}
			})
	case "passport":
		return g.numbered("passport",
			[]string{"назовите серию и номер паспорта", "продиктуйте паспортные данные"},
			[]string{"паспорт %s", "серия и номер паспорта %s", "мой паспорт %s", "паспортные данные %s", "данные паспорта %s"},
			[]string{"%s", "записывайте %s"},
			func() []string {
				s := fmt.Sprintf("%02d%02d", 1+g.r.IntN(99), g.r.IntN(25))
				n := g.digits(6)
				switch g.r.IntN(3) {
				case 0:
					return []string{s[:2], s[2:], n[:3], n[3:]}
				case 1:
					return []string{s, n}
				}
				return []string{s[:2], s[2:], n}
			})
	case "snils":
		return g.numbered("snils",
			[]string{"назовите номер снилс", "продиктуйте страховое свидетельство"},
			[]string{"снилс %s", "мой снилс %s", "номер снилса %s", "страховой номер %s", "страховое свидетельство %s", "снилс у меня %s"},
			[]string{"%s"},
			func() []string { return split(snils(g), 3, 3, 3) })
	case "inn":
		return g.numbered("inn",
			[]string{"назовите ваш инн", "продиктуйте инн"},
			[]string{"инн %s", "мой инн %s", "инн у меня %s", "номер инн %s", "вот инн %s"},
			[]string{"%s"},
			func() []string {
				if g.chance(0.25) {
					return split(inn(g, 10), 4, 3)
				}
				d := inn(g, 12)
				if g.chance(0.5) {
					return split(d, 4, 4)
				}
				return split(d, 2, 2, 2, 2, 2)
			})
	case "account":
		return g.numbered("account",
			[]string{"назовите номер счета", "продиктуйте реквизиты счета"},
			[]string{"номер счета %s", "мой счет %s", "расчетный счет %s", "счет получателя %s", "лицевой счет в банке %s", "реквизиты счет %s"},
			[]string{"%s"},
			func() []string {
				d := pick(g, []string{"40817810", "40817840", "40702810", "40802810", "42301810", "40817978"}) + g.digits(12)
				if g.chance(0.5) {
					return split(d, 5, 3, 1, 4)
				}
				return split(d, 4, 4, 4, 4)
			})
	case "email":
		return g.emailTurns()
	case "birthdate":
		return g.birthdate()
	case "address":
		return g.address()
	case "name":
		return g.name()
	}
	panic("piigen: unknown type " + typ)
}

func (g *gen) phone() []string {
	var d string
	if g.chance(0.2) {
		d = pick(g, []string{"495", "499", "812", "343", "383", "846", "863", "843", "861", "351"}) + g.digits(7)
	} else {
		d = "9" + pick(g, []string{"16", "26", "03", "85", "99", "05", "15", "67", "77", "31", "51", "81"}) + g.digits(7)
	}
	body := split(d, 3, 3, 2)
	switch g.r.IntN(4) {
	case 1:
		body = split(d, 3, 3)
	case 2:
		body = split(d, 3, 3, 2, 2)
	}
	switch g.r.IntN(5) {
	case 0:
		return append([]string{"8"}, body...)
	case 1:
		return append([]string{"+7"}, body...)
	case 2:
		return append([]string{"7"}, body...)
	case 3:
		return body
	}
	return append([]string{"8"}, body...)
}

var (
	latFirst  = []string{"ivan", "petr", "anna", "olga", "sergey", "maria", "alex", "nikita", "elena", "dmitry", "irina", "pavel", "katya", "max", "yulia", "roman"}
	latLast   = []string{"petrov", "ivanova", "smirnov", "kuznetsova", "popov", "sokolova", "volkov", "lebedeva", "kozlov", "novikova", "morozov", "orlova", "fedorov", "belova", "egorov", "makarova"}
	cyrFirst  = []string{"иван", "петр", "анна", "ольга", "сергей", "мария", "саша", "никита", "лена", "дима", "ира", "паша", "катя", "макс", "юля", "рома"}
	cyrLast   = []string{"петров", "иванова", "смирнов", "кузнецова", "попов", "соколова", "волков", "лебедева", "козлов", "новикова", "морозов", "орлова", "федоров", "белова", "егоров", "макарова"}
	latDomain = []string{"mail", "gmail", "yandex", "bk", "inbox", "list", "rambler", "outlook", "ya", "icloud", "hotmail", "proton"}
	cyrDomain = []string{"мейл", "джимейл", "яндекс", "бк", "инбокс", "лист", "рамблер", "аутлук", "я", "айклауд", "хотмейл", "протон"}
)

func (g *gen) emailTurns() []turn {
	var local, spelled string
	tld := pick(g, []string{"ru", "com", "net", "ru", "org"})
	cyrTLD := map[string]string{"ru": "ру", "com": "ком", "net": "нет", "org": "орг"}[tld]
	num := ""
	if g.chance(0.3) {
		num = fmt.Sprint(g.r.IntN(100))
	}
	var text, form string
	switch g.r.IntN(4) {
	case 0: // written
		local = pick(g, latFirst)
		if g.chance(0.6) {
			local += pick(g, []string{".", "_", ""}) + pick(g, latLast)
		}
		text, form = local+num+"@"+pick(g, latDomain)+"."+tld, "written"
	case 1: // latin spelled
		parts := []string{pick(g, latFirst)}
		if g.chance(0.6) {
			parts = append(parts, "точка", pick(g, latLast))
		}
		if num != "" {
			parts = append(parts, num)
		}
		spelled = strings.Join(parts, " ")
		text, form = spelled+" "+pick(g, []string{"собака", "собачка"})+" "+pick(g, latDomain)+" точка "+tld, "spelled"
	default: // as Russian ASR writes it
		parts := []string{pick(g, cyrFirst)}
		if g.chance(0.6) {
			parts = append(parts, pick(g, []string{"точка", "нижнее подчеркивание"}), pick(g, cyrLast))
		}
		if num != "" {
			parts = append(parts, num)
		}
		text, form = strings.Join(parts, " ")+" "+pick(g, []string{"собака", "собачка"})+" "+pick(g, cyrDomain)+" точка "+cyrTLD, "spelled-cyr"
	}
	var turns []turn
	tmpl := ""
	if g.chance(0.25) {
		turns = append(turns, turn{"operator", []piece{p(pick(g, []string{"назовите адрес электронной почты", "на какую почту отправить", "продиктуйте вашу почту", "ваш имейл пожалуйста"}))}})
		tmpl = pick(g, []string{"%s", "да %s", "пишите на %s"})
	} else {
		tmpl = pick(g, []string{"моя почта %s", "пишите на %s", "электронная почта %s", "мой имейл %s", "отправьте на почту %s", "адрес почты %s", "почта у меня %s", "можно на емейл %s"})
	}
	pre, post, _ := strings.Cut(tmpl, "%s")
	return append(turns, turn{"client", []piece{p(pre), {text: text, label: "email", form: form}, p(post)}})
}

func (g *gen) birthdate() []turn {
	day, month := 1+g.r.IntN(28), g.r.IntN(12)
	year := 1950 + g.r.IntN(56)
	var date, form string
	switch g.r.IntN(5) {
	case 0:
		date, form = join(ruOrdinalGen(day), []string{ruMonthsG[month]}, ruYearGen(year, false), []string{"года"}), "words"
	case 1:
		date, form = fmt.Sprintf("%02d %02d %d", day, month+1, year), "digits"
	case 2:
		date, form = fmt.Sprintf("%d %s %d года", day, ruMonthsG[month], year), "mixed"
	case 3:
		date, form = join(ruOrdinalGen(day), []string{ruMonthsG[month]}, ruYearGen(year, true)), "words-short"
	default:
		date, form = fmt.Sprintf("%02d.%02d.%d", day, month+1, year), "dotted"
	}
	var turns []turn
	tmpl := ""
	if g.chance(0.25) {
		turns = append(turns, turn{"operator", []piece{p(pick(g, []string{"назовите дату рождения", "подскажите вашу дату рождения", "для проверки дата рождения", "скажите дату рождения владельца"}))}})
		tmpl = pick(g, []string{"%s", "да %s", "так %s"})
	} else {
		tmpl = pick(g, []string{"дата рождения %s", "я родился %s", "родилась %s", "%s рождения", "дата рождения у меня %s", "день рождения %s", "год рождения %s", "я родилась %s"})
		if strings.HasPrefix(tmpl, "%s") && !strings.HasSuffix(date, "года") && form != "digits" && form != "dotted" {
			date += " года"
		}
	}
	pre, post, _ := strings.Cut(tmpl, "%s")
	return append(turns, turn{"client", []piece{p(pre), {text: date, label: "birthdate", form: form}, p(post)}})
}

var (
	streetsGen = []string{"ленина", "гагарина", "пушкина", "мира", "советская", "садовая", "лесная", "школьная", "центральная", "молодежная", "набережная", "чехова", "кирова", "горького", "победы", "строителей", "маяковского", "лермонтова", "островского", "комсомольская", "первомайская", "зеленая", "полевая", "заречная"}
	streetAdj  = []string{"ленинский", "московский", "невский", "кутузовский", "ленинградский", "комсомольский", "октябрьский", "вернадского"}
)

func (g *gen) num(n int) (string, string) {
	s := fmt.Sprint(n)
	if g.chance(0.5) {
		return s, "digits"
	}
	return join(ruUnder1000(n)), "words"
}

func (g *gen) address() []turn {
	h, hf := g.num(1 + g.r.IntN(120))
	f, _ := g.num(1 + g.r.IntN(300))
	var addr string
	switch g.r.IntN(6) {
	case 0:
		addr = fmt.Sprintf("улица %s дом %s квартира %s", pick(g, streetsGen), h, f)
	case 1:
		addr = fmt.Sprintf("ул %s д %s кв %s", pick(g, streetsGen), h, f)
	case 2:
		addr = fmt.Sprintf("%s проспект %s квартира %s", pick(g, streetAdj), h, f)
	case 3:
		k, _ := g.num(1 + g.r.IntN(5))
		addr = fmt.Sprintf("улица %s дом %s корпус %s квартира %s", pick(g, streetsGen), h, k, f)
	case 4:
		addr = fmt.Sprintf("проспект %s %s кв %s", pick(g, streetsGen), h, f)
	default:
		addr = fmt.Sprintf("переулок %s дом %s", pick(g, streetsGen), h)
	}
	city := ""
	if g.chance(0.3) {
		city = pick(g, []string{"город москва", "москва", "санкт петербург", "город казань", "екатеринбург"})
	}
	tmpl := pick(g, []string{"я живу по адресу %s", "адрес %s", "мой адрес %s", "проживаю %s", "живу на %s", "адрес подключения %s", "приезжайте на %s", "адрес доставки %s"})
	pre, post, _ := strings.Cut(tmpl, "%s")
	pieces := []piece{p(pre)}
	if city != "" {
		pieces = append(pieces, piece{text: city, label: "city", trap: true})
	}
	pieces = append(pieces, piece{text: addr, label: "address", form: hf}, p(post))
	return []turn{{"client", pieces}}
}

var (
	ruFirstM = []string{"иван", "сергей", "алексей", "дмитрий", "андрей", "михаил", "николай", "владимир", "павел", "евгений", "олег", "виктор", "роман", "константин", "георгий", "тимур", "артур", "всеволод", "глеб", "федор"}
	ruFirstF = []string{"мария", "елена", "ольга", "наталья", "татьяна", "ирина", "светлана", "юлия", "анастасия", "людмила", "галина", "вера", "дарья", "полина", "алина", "валентина", "зоя", "карина", "лариса", "нина"}
	ruLastM  = []string{"иванов", "петров", "сидоров", "смирнов", "кузнецов", "попов", "васильев", "соколов", "михайлов", "новиков", "федоров", "морозов", "волков", "алексеев", "лебедев", "семенов", "егоров", "павлов", "козлов", "степанов", "николаев", "орлов", "андреев", "макаров", "захарченко", "ковальчук", "шевчук", "бондаренко", "григорян", "белых"}
	ruPatrM  = []string{"иванович", "петрович", "сергеевич", "александрович", "алексеевич", "владимирович", "николаевич", "михайлович", "андреевич", "викторович", "олегович", "юрьевич"}
)

func fem(last string) string {
	switch {
	case strings.HasSuffix(last, "ов"), strings.HasSuffix(last, "ев"), strings.HasSuffix(last, "ин"):
		return last + "а"
	case strings.HasSuffix(last, "ский"):
		return strings.TrimSuffix(last, "ий") + "ая"
	}
	return last
}

func femPatr(p string) string {
	switch {
	case strings.HasSuffix(p, "ьевич"):
		return strings.TrimSuffix(p, "ьевич") + "ьевна"
	case strings.HasSuffix(p, "ич"):
		return strings.TrimSuffix(p, "ич") + "на"
	}
	return p
}

func (g *gen) name() []turn {
	female := g.chance(0.5)
	first, last, patr := pick(g, ruFirstM), pick(g, ruLastM), pick(g, ruPatrM)
	if female {
		first, last, patr = pick(g, ruFirstF), fem(last), femPatr(patr)
	}
	var full string
	switch g.r.IntN(5) {
	case 0:
		full = first + " " + last
	case 1:
		full = first + " " + patr
	case 2:
		full = last + " " + first + " " + patr
	case 3:
		full = first
	default:
		full = first + " " + patr + " " + last
	}
	if g.chance(0.25) {
		q := pick(g, []string{"как я могу к вам обращаться", "представьтесь пожалуйста", "назовите ваши фамилию имя отчество", "как вас зовут", "назовите пожалуйста фамилию владельца"})
		return []turn{{"operator", []piece{p(q)}}, {"client", []piece{p(pick(g, []string{"", "да", "меня", "это"})), {text: full, label: "name"}, p(pick(g, []string{"", "я по поводу интернета", "владелец договора"}))}}}
	}
	switch g.r.IntN(3) {
	case 0:
		return []turn{{"client", []piece{p(pick(g, []string{"здравствуйте меня зовут", "меня зовут", "добрый день меня зовут", "алло это", "здравствуйте это"})), {text: full, label: "name"}, p(pick(g, []string{"у меня вопрос", "звоню по поводу интернета", "", "хотела узнать", "я ваш клиент"}))}}}
	case 1:
		return []turn{{"client", []piece{p(pick(g, []string{"моя фамилия", "фамилия", "фамилия у меня"})), {text: last, label: "name"}, p(pick(g, []string{"", "договор на меня", "я абонент"}))}}}
	}
	return []turn{{"client", []piece{p(pick(g, []string{"да меня зовут", "зовут меня", "меня зовут", "мое имя"})), {text: first + " " + last, label: "name"}}}}
}

// trap makes one thing that must not be masked, with its context.
func (g *gen) trap(kind string) []piece {
	l := func(s string) piece { return piece{text: s, label: kind, trap: true} }
	amount := func() string {
		n := pick(g, []int{299, 350, 450, 499, 550, 599, 650, 790, 800, 890, 990, 1200, 1500, 2450, 3000, 15430, 720, 1990})
		if g.chance(0.5) {
			return fmt.Sprint(n)
		}
		return join(ruAmount(n))
	}
	switch kind {
	case "price":
		a := amount()
		switch g.r.IntN(6) {
		case 0:
			return []piece{p("тариф стоит"), l(a + " рублей"), p("в месяц")}
		case 1:
			return []piece{p("я заплатил"), l(a + " рублей"), p("а услуги нет")}
		case 2:
			return []piece{p("у меня списали"), l(a), p("рублей без предупреждения")}
		case 3:
			return []piece{p("сумма к оплате"), l(a), p("правильно")}
		case 4:
			return []piece{p("абонентская плата"), l(a + " руб")}
		}
		return []piece{p("пополнил баланс на"), l(a + " рублей"), p("вчера")}
	case "tariff":
		t := pick(g, []string{"100", "300", "500", "сто", "триста", "пятьсот", "50", "1000"})
		return []piece{p(pick(g, []string{"у меня тариф", "хочу перейти на тариф", "подключите тариф", "тариф называется"})), l(pick(g, []string{"домашний", "максимум", "интернет", "хит", "турбо", "семейный", "игровой"}) + " " + t)}
	case "date":
		day, m := 1+g.r.IntN(28), g.r.IntN(12)
		d := fmt.Sprintf("%d %s", day, ruMonthsG[m])
		switch g.r.IntN(4) {
		case 0:
			d = join(ruOrdinalGen(day), []string{ruMonthsG[m]})
		case 1:
			d = fmt.Sprintf("%02d %02d 2026", day, m+1)
		case 2:
			d = join(ruOrdinalGen(day), []string{"числа"})
		}
		return []piece{p(pick(g, []string{"платеж прошел", "я оплатил", "мастер записан на", "приходите", "платеж до", "деньги списали", "подключение назначено на"})), l(d)}
	case "time":
		h := 8 + g.r.IntN(12)
		t := fmt.Sprintf("%d %02d", h, 5*g.r.IntN(12))
		switch g.r.IntN(3) {
		case 0:
			t = join(ruUnder1000(h), []string{"тридцать"})
		case 1:
			t = fmt.Sprintf("%d", h)
		}
		return []piece{p(pick(g, []string{"мастер придет в", "перезвоните после", "я буду дома с", "удобно к", "звонил в"})), l(t), p(pick(g, []string{"", "часов", "вечера", "утра"}))}
	case "count":
		switch g.r.IntN(4) {
		case 0:
			return []piece{p("я звоню уже"), l(pick(g, []string{"третий", "пятый", "четвертый", "второй", "десятый"}) + " раз")}
		case 1:
			return []piece{p("звонил"), l(pick(g, []string{"3", "5", "два", "четыре", "несколько"}) + " раза"), p("никто не помог")}
		case 2:
			return []piece{p("интернета нет уже"), l(pick(g, []string{"3 дня", "две недели", "пять дней", "10 дней", "неделю"}))}
		}
		return []piece{p("у меня"), l(pick(g, []string{"два роутера", "3 телевизора", "две приставки", "пять устройств"}))}
	case "ticket":
		d := g.digits(5 + g.r.IntN(6))
		txt, _ := g.say(split(d, 3, 3))
		return []piece{p(pick(g, []string{"номер заявки", "номер обращения", "заказ номер", "номер заказа", "по заявке", "тикет"})), l(txt)}
	case "speed":
		s := pick(g, []string{"100", "50", "сто", "пятьсот", "300", "двадцать", "1"})
		return []piece{p(pick(g, []string{"скорость всего", "обещали", "скорость упала до", "тариф на"})), l(s + " " + pick(g, []string{"мегабит", "мбит", "мегабит в секунду", "гигабит"}))}
	case "percent":
		s := pick(g, []string{"20", "десять", "15", "50", "тридцать", "5", "двадцать пять"})
		return []piece{p(pick(g, []string{"обещали скидку", "скидка", "повышение на", "кэшбэк"})), l(s + " " + pick(g, []string{"процентов", "процента"}))}
	case "city":
		return []piece{p(pick(g, []string{"я из", "звоню из", "живу в городе", "у нас в", "город"})), l(pick(g, []string{"москвы", "казани", "новосибирска", "екатеринбург", "самаре", "твери", "воронежа", "перми"}))}
	}
	return []piece{p("спасибо")}
}
