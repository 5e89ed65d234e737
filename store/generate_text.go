package store

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/callscope/callscope/analyze"
)

// The generator's transcripts: short utterances per category, so that a
// generated call's segments say what its hits say (a call with a complaint
// hit has a client segment with a complaint in it) and a search over a
// generated archive finds the calls a report counts. The words are real,
// inflected Russian and English, stemmed at start-up exactly as the writer
// stems transcripts.

// genUtterance is one line of a generated transcript with its search
// terms.
type genUtterance struct {
	text  string
	terms []string
}

var genPhrases = map[string]map[string][]string{
	"ru": {
		"greeting":           {"Добрый день, компания Связьтелеком, меня зовут Анна, чем могу помочь?", "Здравствуйте, служба поддержки, слушаю вас", "Доброе утро, оператор Дмитрий, чем могу быть полезен?"},
		"farewell":           {"Всего доброго, хорошего дня", "До свидания, спасибо за обращение", "Всего хорошего, обращайтесь"},
		"politeness":         {"Спасибо, что подождали", "Благодарю за терпение", "Будьте добры, назовите номер договора"},
		"apology":            {"Приносим извинения за неудобства", "Извините за ожидание", "Простите, это наша ошибка"},
		"complaint":          {"Я хочу пожаловаться на ваше обслуживание", "Это уже третья жалоба, меня не устраивает", "У меня претензия к качеству связи"},
		"churn_threat":       {"Если не исправите, я уйду к другому оператору", "Хочу расторгнуть договор", "Подумываю отказаться от ваших услуг"},
		"filler_words":       {"Ну, как бы, это самое, посмотрим", "Так, вот, значит, сейчас", "Короче, типа того"},
		"hold_announcement":  {"Оставайтесь на линии, я уточню информацию", "Подождите, пожалуйста, минуту", "Не кладите трубку, я проверю"},
		"incompetence":       {"Я не знаю, это не ко мне", "Не могу сказать, у нас нет такой информации", "Понятия не имею, позвоните позже"},
		"next_steps":         {"Заявка создана, мастер позвонит завтра", "Деньги вернутся в течение трёх дней", "Вам придёт смс с номером заявки"},
		"profanity":          {"Да сколько можно, черт возьми", "Это просто безобразие какое-то"},
		"repeat_contact":     {"Я уже звонил вчера по этому вопросу", "Звоню повторно, проблема не решена", "Это мой третий звонок"},
		"solution_confirmed": {"Да, теперь интернет работает", "Всё получилось, спасибо", "Проблема решена, вопросов больше нет"},
	},
	"en": {
		"greeting":           {"Good morning, thank you for calling, my name is Anna", "Hello, customer support, how can I help you?"},
		"farewell":           {"Goodbye, have a nice day", "Thank you for calling, bye"},
		"politeness":         {"Thank you for waiting", "Could you please tell me your account number"},
		"apology":            {"I am sorry for the inconvenience", "We apologize for the delay"},
		"complaint":          {"I want to file a complaint about your service", "I am not happy with the connection at all"},
		"churn_threat":       {"I will cancel my contract", "I am going to switch to another provider"},
		"filler_words":       {"Well, you know, like, let me see", "Um, so, basically"},
		"hold_announcement":  {"Please hold the line, I will check", "One moment please, stay on the line"},
		"incompetence":       {"I don't know, that's not my department", "I have no idea, call back later"},
		"next_steps":         {"A technician will call you tomorrow", "You will receive a text message with the ticket number"},
		"profanity":          {"This is damn ridiculous"},
		"repeat_contact":     {"I already called yesterday about this", "This is my third call about the same problem"},
		"solution_confirmed": {"Yes, it works now, thank you", "The problem is solved"},
	},
}

// genFiller is what callers and operators say between the phrases the
// dictionaries look for.
var genFiller = map[string]map[string][]string{
	"ru": {
		"client":   {"У меня не работает интернет со вчерашнего вечера", "Хочу узнать, почему списали деньги", "Номер договора сто двадцать три четыреста пятьдесят шесть", "Роутер мигает красным", "Мне нужно подключить новый тариф", "Счёт пришёл больше обычного", "Да, всё верно", "Нет, это не так", "Адрес улица Ленина дом пять квартира двенадцать", "Телевизор показывает нет сигнала"},
		"operator": {"Назовите, пожалуйста, номер договора", "Вижу вашу заявку", "Проверяю состояние линии", "По вашему адресу ведутся работы", "Перезагрузите роутер, пожалуйста", "Списание за дополнительную услугу", "Тариф можно сменить в личном кабинете", "Уточните, пожалуйста, адрес", "Сейчас посмотрю в системе", "Платёж поступил сегодня"},
	},
	"en": {
		"client":   {"My internet has not been working since last night", "Why was I charged twice", "My account number is one two three four", "The router light is red", "I want a new plan", "Yes, that is right"},
		"operator": {"Could you confirm your address", "I can see your ticket", "Let me check the line", "Please restart the router", "You can change the plan online", "The payment arrived today"},
	},
}

type genTexts struct {
	phrases map[string]map[string][]genUtterance // language -> category -> lines
	filler  map[string]map[string][]genUtterance // language -> role -> lines
}

func newGenTexts() *genTexts {
	t := &genTexts{phrases: map[string]map[string][]genUtterance{}, filler: map[string]map[string][]genUtterance{}}
	stemAll := func(src map[string]map[string][]string, dst map[string]map[string][]genUtterance) {
		for lang, groups := range src {
			dst[lang] = map[string][]genUtterance{}
			for name, lines := range groups {
				for _, l := range lines {
					dst[lang][name] = append(dst[lang][name], genUtterance{text: l, terms: analyze.SearchTerms(l, lang)})
				}
			}
		}
	}
	stemAll(genPhrases, t.phrases)
	stemAll(genFiller, t.filler)
	return t
}

// genSegment is one generated transcript segment.
type genSegment struct {
	channel    string
	start, end float64
	u          genUtterance
}

// segments lays out a call's transcript: its hits' utterances at their
// times and filler lines between them, alternating channels, at most one
// filler line a minute (at least two a call) so that an archive of
// millions of calls stays a few segments a call.
func (t *genTexts) segments(rng *rand.Rand, lang string, dur float64, hits []genSegment) []genSegment {
	fill := t.filler[lang]
	n := 2 + int(math.Min(6, dur/60))
	segs := make([]genSegment, 0, n+len(hits))
	segs = append(segs, hits...)
	for i := 0; i < n; i++ {
		role := "client"
		if i%2 == 0 {
			role = "operator"
		}
		lines := fill[role]
		at := dur * (float64(i) + rng.Float64()*0.5) / float64(n)
		segs = append(segs, genSegment{channel: role, start: at, end: math.Min(dur, at+1.5+rng.Float64()*3), u: lines[rng.IntN(len(lines))]})
	}
	return segs
}

// hitUtterance is the utterance of a generated hit of category in lang.
func (t *genTexts) hitUtterance(rng *rand.Rand, lang, category string) genUtterance {
	lines := t.phrases[lang][category]
	if len(lines) == 0 {
		return genUtterance{text: category, terms: []string{category}}
	}
	return lines[rng.IntN(len(lines))]
}

// appendSegments adds a call's segments to the batch, indexed per channel
// in time order as the writer indexes a transcript's.
func (b *genBatch) appendSegments(id string, ver uint64, started time.Time, segs []genSegment) {
	sortSegments(segs)
	idx := map[string]uint32{}
	for _, s := range segs {
		b.sCallID = append(b.sCallID, id)
		b.sVersion = append(b.sVersion, ver)
		b.sChannel = append(b.sChannel, s.channel)
		b.sIndex = append(b.sIndex, idx[s.channel])
		idx[s.channel]++
		b.sStarted = append(b.sStarted, started)
		b.sStart = append(b.sStart, math.Round(s.start*100)/100)
		b.sEnd = append(b.sEnd, math.Round(s.end*100)/100)
		b.sText = append(b.sText, s.u.text)
		b.sTerms = append(b.sTerms, s.u.terms)
	}
}

func sortSegments(segs []genSegment) {
	slices.SortStableFunc(segs, func(a, b genSegment) int { return cmp.Compare(a.start, b.start) })
}

func (b *genBatch) segmentData() []any {
	return []any{b.sCallID, b.sVersion, b.sChannel, b.sIndex, b.sStarted, b.sStart, b.sEnd, b.sText, b.sTerms}
}
