package main

import "time"

// The people on the calls. Each has one espeak-ng voice, so a listener (and
// a speaker-change detector) can tell them apart.
var (
	anna   = operator{ID: "op-11", Name: "Анна Петрова", Department: "Поддержка", voice: voice{"ru+f3", 55, 180}}
	dmitry = operator{ID: "op-12", Name: "Дмитрий Соколов", Department: "Поддержка", voice: voice{"ru+m3", 40, 180}}
	olga   = operator{ID: "op-13", Name: "Ольга Кузнецова", Department: "Поддержка", voice: voice{"ru+f4", 60, 185}}
	elena  = operator{ID: "op-21", Name: "Елена Смирнова", Department: "Продажи", voice: voice{"ru+f2", 50, 185}}
	igor   = operator{ID: "op-22", Name: "Игорь Волков", Department: "Продажи", voice: voice{"ru+m1", 35, 190}}

	// Three clients call twice: the repeat-contact ground truth.
	sergey   = client{Phone: "+79161234501", voice: voice{"ru+m2", 45, 180}}
	marina   = client{Phone: "+79161234502", voice: voice{"ru+f1", 65, 190}}
	viktor   = client{Phone: "+79031112233", voice: voice{"ru+m4", 30, 185}}
	pavel    = client{Phone: "+79265550101", voice: voice{"ru+m5", 50, 180}}
	tatiana  = client{Phone: "+79265550102", voice: voice{"ru+f5", 55, 180}}
	nikolai  = client{Phone: "+79265550103", voice: voice{"ru+m6", 40, 180}}
	svetlana = client{Phone: "+79265550104", voice: voice{"ru+f1", 45, 180}}
	andrei   = client{Phone: "+79265550105", voice: voice{"ru+m7", 50, 180}}
	irina    = client{Phone: "+79265550106", voice: voice{"ru+f3", 70, 185}}
	oleg     = client{Phone: "+79265550107", voice: voice{"ru+m2", 60, 185}}
	yulia    = client{Phone: "+79265550108", voice: voice{"ru+f2", 70, 185}}
	galina   = client{Phone: "+79265550109", voice: voice{"ru+f4", 40, 180}}
)

// moscow is the contact center's time zone.
var moscow = time.FixedZone("MSK", 3*60*60)

func at(day, hour, minute int) time.Time {
	return time.Date(2026, time.November, day, hour, minute, 0, 0, moscow)
}

// Turn constructors: o is the operator, c the client; gap is the pause in
// seconds after the previous turn ends (negative: this turn starts before
// the previous one ends, i.e. overtalk).
func o(gap float64, text string) turn { return turn{Speaker: roleOperator, Gap: gap, Text: text} }
func c(gap float64, text string) turn { return turn{Speaker: roleClient, Gap: gap, Text: text} }

// hold is a turn that comes after the operator put the client on hold for
// gap seconds; the gap is declared in the sidecar's holds.
func hold(t turn) turn { t.Hold = true; return t }

// real makes a turn from Debian's asterisk-core-sounds-ru-wav recordings
// (real human speech) instead of espeak-ng; text must be what they say.
func real(t turn, prompts ...string) turn { t.Prompts = prompts; return t }

// calls is the ground truth. testdata/README.md describes each call; keep
// the two in step.
var calls = []call{
	{
		Name: "01_polite_model", CallID: "2026-11-18-000101", Started: at(18, 9, 5),
		Direction: "inbound", Queue: "internet", Operator: anna, Client: pavel,
		Wait: ptr(12.0), CSAT: &csat{5, 5},
		Turns: []turn{
			o(0.5, "Компания Ромашка, меня зовут Анна, здравствуйте! Чем могу помочь?"),
			c(0.6, "Здравствуйте. Хочу сменить тариф на домашний интернет."),
			o(0.5, "С удовольствием помогу. Назовите, пожалуйста, номер договора."),
			c(0.5, "Четыре пять семь один два."),
			o(0.7, "Спасибо. Тариф Домашний сто подключён с завтрашнего дня."),
			c(0.5, "Отлично, спасибо большое."),
			o(0.5, "Рада была помочь. Хорошего дня, до свидания!"),
		},
	},
	{
		Name: "02_complaint", CallID: "2026-11-18-000102", Started: at(18, 10, 40),
		Direction: "inbound", Queue: "tv", Operator: dmitry, Client: viktor,
		Wait: ptr(48.0), CSAT: &csat{2, 5}, Encoding: encALaw,
		Turns: []turn{
			o(0.5, "Компания Ромашка, меня зовут Дмитрий, добрый день."),
			c(0.5, "Добрый день. Я хочу пожаловаться. Телевидение показывает с помехами, это безобразие!"),
			o(0.6, "Понимаю вас. Назовите, пожалуйста, адрес подключения."),
			c(0.5, "Улица Садовая, дом десять. Я очень недоволен вашим сервисом."),
			o(0.6, "Приношу извинения. Я оформил выезд мастера на завтра и начислю компенсацию."),
			c(0.5, "Хорошо, посмотрим."),
			o(0.5, "Спасибо за обращение, до свидания."),
		},
	},
	{
		Name: "03_repeat_first", CallID: "2026-11-18-000103", Started: at(18, 14, 20),
		Direction: "inbound", Queue: "internet", Operator: dmitry, Client: sergey,
		Wait: ptr(20.0),
		Turns: []turn{
			o(0.5, "Компания Ромашка, меня зовут Дмитрий, здравствуйте."),
			c(0.5, "Здравствуйте. У меня с утра не работает интернет."),
			o(0.5, "Назовите, пожалуйста, номер договора."),
			c(0.7, "Восемь три два шесть."),
			o(0.8, "Вижу аварию на линии. Я оформил заявку, мастер позвонит вам сегодня."),
			c(0.5, "Понятно, спасибо."),
			o(0.5, "Всего доброго, до свидания."),
		},
	},
	{
		Name: "04_repeat_second", CallID: "2026-11-19-000201", Started: at(19, 9, 30),
		Direction: "inbound", Queue: "internet", Operator: olga, Client: sergey,
		Wait: ptr(95.0), CSAT: &csat{2, 5},
		Turns: []turn{
			o(0.5, "Компания Ромашка, Ольга, здравствуйте."),
			c(0.5, "Здравствуйте. Я уже звонил вчера, интернет опять не работает, и мне никто не перезвонил."),
			o(0.6, "Извините за неудобства. Назовите номер договора."),
			c(0.5, "Восемь три два шесть."),
			o(0.7, "Вижу вчерашнюю заявку. Передаю её старшему инженеру, он приедет до обеда."),
			c(0.5, "Хорошо, жду."),
			o(0.5, "Спасибо, до свидания."),
		},
	},
	{
		Name: "05_third_time", CallID: "2026-11-18-000104", Started: at(18, 16, 10),
		Direction: "inbound", Queue: "internet", Operator: olga, Client: marina,
		Wait: ptr(130.0), Transfers: ptr(1), CSAT: &csat{1, 5},
		Turns: []turn{
			o(0.5, "Компания Ромашка, Ольга, слушаю вас."),
			c(0.5, "Здравствуйте. Я звоню уже третий раз! Сколько можно ждать? Роутер так и не починили."),
			o(0.6, "Назовите, пожалуйста, номер договора."),
			c(0.5, "Один девять девять четыре. Позовите руководителя!"),
			o(0.6, "Соединяю вас со старшим смены, оставайтесь на линии."),
			c(0.5, "Жду."),
		},
	},
	{
		Name: "06_incompetent", CallID: "2026-11-19-000202", Started: at(19, 11, 15),
		Direction: "inbound", Queue: "sales", Operator: igor, Client: nikolai,
		Wait: ptr(15.0), CSAT: &csat{2, 5},
		Turns: []turn{
			o(0.5, "Компания Ромашка, отдел продаж, Игорь, здравствуйте."),
			c(0.5, "Здравствуйте. Есть ли у вас тариф для малого бизнеса со статическим адресом?"),
			o(0.8, "Ой, я не знаю. Это не ко мне."),
			c(0.5, "А кто может подсказать?"),
			o(0.7, "Понятия не имею. Уточните у кого-нибудь ещё."),
			c(0.6, "Странно. Ладно, спасибо."),
			o(0.4, "До свидания."),
		},
	},
	{
		Name: "07_rude_operator", CallID: "2026-11-20-000301", Started: at(20, 12, 5),
		Direction: "inbound", Queue: "billing", Operator: igor, Client: svetlana,
		Wait: ptr(60.0), CSAT: &csat{1, 5},
		Turns: []turn{
			o(0.5, "Ромашка, Игорь. Говорите."),
			c(0.5, "Здравствуйте. Мне выставили счёт за услугу, которую я не подключала."),
			o(0.5, "Это не моя проблема. Надо было читать договор."),
			c(0.5, "Объясните, пожалуйста, откуда это списание."),
			o(0.5, "Откуда мне знать? Я этим не занимаюсь."),
			c(0.5, "Вы мне хамите! Я напишу плохой отзыв."),
			o(0.4, "Пишите. Всего хорошего."),
		},
	},
	{
		Name: "08_negated_complaint", CallID: "2026-11-19-000203", Started: at(19, 15, 40),
		Direction: "inbound", Queue: "sales", Operator: elena, Client: andrei,
		Wait: ptr(8.0), CSAT: &csat{5, 5}, Encoding: encULaw,
		Turns: []turn{
			o(0.5, "Компания Ромашка, Елена, добрый день!"),
			c(0.5, "Добрый день. Сразу скажу: у меня нет претензий, всё работает отлично."),
			o(0.5, "Очень приятно слышать! Чем могу помочь?"),
			c(0.5, "Хочу добавить к тарифу телевидение. Сколько это стоит?"),
			o(0.5, "Точно не знаю, сейчас уточню. Двести рублей в месяц."),
			c(0.5, "Подключайте. Жалоб нет, спасибо."),
			o(0.5, "Готово, пакет подключён. Хорошего вечера!"),
		},
	},
	{
		Name: "09_long_hold", CallID: "2026-11-19-000204", Started: at(19, 13, 0),
		Direction: "inbound", Queue: "billing", Operator: anna, Client: irina,
		Wait: ptr(25.0), CSAT: &csat{4, 5}, Encoding: encULaw,
		Turns: []turn{
			o(0.5, "Компания Ромашка, Анна, здравствуйте."),
			c(0.5, "Здравствуйте. Почему в этом месяце счёт больше обычного?"),
			o(0.5, "Назовите, пожалуйста, номер договора."),
			c(0.5, "Пять пять ноль три."),
			o(0.5, "Спасибо. Оставайтесь на линии, я проверю начисления."),
			hold(o(12.0, "Спасибо за ожидание. Начислена плата за аренду приставки, я её отменила.")),
			c(0.5, "Спасибо, всё понятно."),
			o(0.5, "До свидания!"),
		},
	},
	{
		Name: "10_interrupt", CallID: "2026-11-20-000302", Started: at(20, 10, 20),
		Direction: "inbound", Queue: "internet", Operator: dmitry, Client: yulia,
		Wait: ptr(33.0), CSAT: &csat{3, 5},
		Turns: []turn{
			o(0.5, "Компания Ромашка, Дмитрий, здравствуйте."),
			c(0.5, "Здравствуйте. У меня очень медленный интернет."),
			o(0.5, "Давайте перезагрузим роутер. Выключите его из розетки на тридцать секунд, а потом включите."),
			c(-1.6, "Да подождите вы! Мне надоело перезагружать, я это делала."),
			o(0.5, "Понимаю. Тогда проверю линию. Готово, скорость восстановлена."),
			c(0.5, "Да, теперь быстро. Спасибо."),
			o(-0.3, "Всего доброго!"),
		},
	},
	{
		Name: "11_sales_outbound", CallID: "2026-11-18-000105", Started: at(18, 17, 30),
		Direction: "outbound", Queue: "sales", Operator: elena, Client: oleg,
		Encoding: encALaw,
		Turns: []turn{
			o(0.5, "Добрый вечер! Компания Ромашка, меня зовут Елена. Удобно говорить?"),
			c(0.5, "Да, слушаю."),
			o(0.5, "Для вас есть предложение: интернет и телевидение за пятьсот рублей в месяц."),
			c(0.7, "Спасибо, но мне пока не нужно."),
			o(0.5, "Понимаю. Можно прислать предложение в сообщении?"),
			c(0.5, "Да, присылайте."),
			o(0.5, "Отправила. Хорошего вечера, до свидания!"),
		},
	},
	{
		Name: "12_mono_mixed", CallID: "2026-11-20-000303", Started: at(20, 9, 10),
		Direction: "inbound", Queue: "tv", Operator: anna, Client: galina,
		Wait: ptr(40.0), Layout: layoutMono,
		Turns: []turn{
			o(0.5, "Компания Ромашка, Анна, здравствуйте."),
			c(0.5, "Здравствуйте. Я уже обращалась на прошлой неделе, приставка снова не работает."),
			o(0.6, "Сейчас проверю. Отправляю на приставку команду перезагрузки."),
			c(1.5, "Заработала, спасибо."),
			o(0.5, "Пожалуйста. До свидания!"),
		},
	},
	{
		Name: "13_swapped_channels", CallID: "2026-11-20-000304", Started: at(20, 14, 45),
		Direction: "inbound", Queue: "internet", Operator: olga, Client: tatiana,
		Wait: ptr(18.0), Layout: layoutSwapped,
		Turns: []turn{
			o(0.5, "Компания Ромашка, Ольга, здравствуйте."),
			c(0.5, "Здравствуйте. Как настроить вай фай на новом роутере? Я не знаю, где пароль."),
			o(0.6, "Пароль на наклейке снизу роутера. А про вашу модель понятия не имею."),
			c(0.7, "Нашла, спасибо."),
			o(0.5, "Пожалуйста, до свидания."),
		},
	},
	{
		Name: "14_real_voice", CallID: "2026-11-20-000305", Started: at(20, 16, 30),
		Direction: "inbound", Queue: "billing", Operator: anna, Client: marina,
		Wait: ptr(10.0), CSAT: &csat{5, 5},
		Turns: []turn{
			o(0.5, "Компания Ромашка, Анна, здравствуйте. Назовите номер договора."),
			real(c(0.6, "три семь пять девять"), "digits/3.wav", "digits/7.wav", "digits/5.wav", "digits/9.wav"),
			o(0.6, "Спасибо. Чем могу помочь?"),
			c(0.5, "Хочу узнать баланс."),
			o(0.5, "На вашем счёте триста рублей. Что-нибудь ещё?"),
			c(0.5, "Нет, спасибо."),
			o(0.4, "До свидания!"),
		},
	},
	{
		Name: "15_repeat_again", CallID: "2026-11-20-000306", Started: at(20, 11, 0),
		Direction: "inbound", Queue: "internet", Operator: anna, Client: marina,
		Wait: ptr(22.0), CSAT: &csat{4, 5},
		Turns: []turn{
			o(0.5, "Компания Ромашка, Анна, здравствуйте."),
			c(0.5, "Здравствуйте. Снова звоню по поводу роутера: его до сих пор не заменили."),
			o(0.6, "Приношу извинения. Новый роутер привезут сегодня до шести вечера."),
			c(0.5, "Хорошо, буду ждать."),
			o(0.5, "Спасибо за терпение. До свидания!"),
		},
	},
	{
		Name: "16_refund_threat", CallID: "2026-11-20-000307", Started: at(20, 15, 20),
		Direction: "inbound", Queue: "sales", Operator: igor, Client: viktor,
		Wait: ptr(35.0), CSAT: &csat{2, 5}, Encoding: encALaw,
		Turns: []turn{
			o(0.5, "Компания Ромашка, отдел продаж, Игорь, здравствуйте."),
			c(0.5, "Здравствуйте. Вы подключили мне платную подписку без согласия. Верните деньги!"),
			o(0.5, "Назовите номер договора."),
			c(0.5, "Два два ноль восемь. Иначе подам в суд."),
			o(0.6, "Подписку отключил, деньги вернутся в течение трёх дней."),
			c(0.5, "Хорошо. До свидания."),
		},
	},
}

func ptr[T any](v T) *T { return &v }
