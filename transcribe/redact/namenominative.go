package redact

import (
	"strings"
	"unicode/utf8"

	"github.com/callscope/callscope/schemas"
)

// nominativeFullNameAt reports whether the name at token i is said in the
// nominative, closed by a patronymic in the nominative one or two words
// after it («ганиев марсель ильдарович», «пестова александра львовна»):
// the speaker names a person as the subject, not whom one goes to («к
// урологу петрову ивану сергеевичу», a dative) nor whom a street is named
// after («улица юрия гагарина», a genitive) (causes block PI).
func (s *scan) nominativeFullNameAt(i int) bool {
	seg := s.toks[i].seg
	for k := i + 1; k <= i+2 && k < len(s.toks) && s.toks[k].seg == seg; k++ {
		if w := s.norm(k); patronymic(w) && hasAnySuffix(w, "ович", "евич", "овна", "евна", "ична") {
			return true
		}
	}
	return false
}

// patientBefore reports whether the sentence of token j says, before it,
// whom is taken to a specialist: «меня», «нас», a relative in the
// accusative («запишите сына к лору ...»).
func (s *scan) patientBefore(j int) bool {
	seg := s.toks[j].seg
	for k := j - 1; k >= 0 && k >= j-6 && s.toks[k].seg == seg; k-- {
		if isWord(s.norm(k), "меня", "нас", "сына", "дочь", "дочку", "маму", "папу", "мужа", "жену", "ребенка", "ребёнка", "внука", "внучку", "бабушку", "дедушку") {
			return true
		}
	}
	return false
}

// patientNamed reports whether the name at token i, said in the
// nominative (nominativeFullNameAt), follows «к» and a specialist within
// three words, whom is taken there said before them: «запишите меня к
// урологу ганиев марсель ильдарович», «запишите маму к кардиологу белова
// зоя петровна» name the patient; whom one goes to is in the dative («к
// урологу петрову ивану сергеевичу»: staffBefore).
func (s *scan) patientNamed(i int) bool {
	seg := s.toks[i].seg
	for j := i - 1; j >= 0 && j >= i-3 && s.toks[j].seg == seg; j-- {
		if w := s.norm(j); w == "к" || w == "ко" {
			return s.nominativeFullNameAt(i) && s.patientBefore(j)
		}
	}
	return false
}

// womanSurnameAlone reports whether token i, after «у», «от», «для»
// (caseSurname), is a woman's surname in the genitive said alone: «-овой»,
// «-евой» (a stem of four letters or more), «-иной», «-ыной»
// (inaSurnameCase), closing the sentence or before a verb, a short
// adjective («готова»), a pronoun or a
// first name («квитанции у лаптевой спросите», «ключи у морозовой
// остались», «перевод от калининой веры»; causes block PJ). An adjective
// of that ending has its noun after it («у торговой точки», «от
// налоговой инспекции»), or is one of the few said alone
// (adjectiveAlone: «от налоговой», «у столовой»).
func (s *scan) womanSurnameAlone(i int) bool {
	w := s.norm(i)
	if !(hasAnySuffix(w, "овой", "евой") && len(w) >= 16 || inaSurnameCase(w)) || adjectiveAlone(w) {
		return false
	}
	return s.caseWordAlone(i) || s.noFeminineAfter(i)
}

// noFeminineAfter reports whether the word after token i, in its
// sentence, is none a feminine adjective in «-ой» could go with: a
// feminine noun in the genitive, dative, instrumental or prepositional
// ends in «ы», «и», «е», «ой», «ей», «ью» («от налоговой службы», «у
// входной двери»); any other word leaves the «-овой», «-иной» word
// alone, a woman's surname («вместо тарасовой пойду я», «для кузьминой
// готова справка»). Not a number or a house's or a street's word after
// it (a street's name: «у садовой 5»).
func (s *scan) noFeminineAfter(i int) bool {
	j := i + 1
	if j >= len(s.toks) || s.toks[j].seg != s.toks[i].seg || s.toks[j].has(tNum|tHouse|tStreet|tSettle) {
		return false
	}
	n := s.norm(j)
	if len(n) < 4 || !isLetters(n) || hasAnySuffix(n, "ы", "и", "е", "ой", "ей", "ью", "ёй") {
		return false
	}
	return true
}

// caseWordAlone reports whether the word at token i closes its sentence
// or comes before a first name, a pronoun, a function word, a verb or a
// short adjective: no noun after it that it could qualify as an
// adjective («у торговой точки»).
func (s *scan) caseWordAlone(i int) bool {
	j := i + 1
	if j >= len(s.toks) || s.toks[j].seg != s.toks[i].seg {
		return true
	}
	n, tr := s.norm(j), s.toks[j].trig
	return tr&(tFirstName|tNameForm) != 0 || firstNameForm(n) || pronoun(n) || tr&tStop != 0 || commonWord(n) && !adjectival(n) || shortAdjective(n) || shortParticiple(n)
}

// shortParticiple reports whether w reads as a short passive participle
// («оформлена», «записан», «выданы»): a predicate after a name, no noun.
func shortParticiple(w string) bool {
	return len(w) >= 12 && hasAnySuffix(w, "ена", "ана", "ено", "ано", "ены", "аны", "ен", "ан", "ён")
}

// adjectiveAlone: adjectives of a surname's ending («-овой», «-евой»,
// «-иной») said alone for the place or the office they name.
func adjectiveAlone(w string) bool {
	return isWord(w, "столовой", "почтовой", "грузовой", "трудовой", "налоговой", "страховой", "розовой", "массовой", "кассовой", "цифровой",
		"звуковой", "боковой", "сетевой", "ключевой", "пищевой", "речевой", "бытовой", "деловой", "садовой", "полевой", "торговой", "оптовой",
		"мостовой", "городовой", "участковой", "дежурной", "гостиной", "передовой", "домовой", "дворовой", "поселковой", "плановой", "гостевой")
}

// womanCaseEnding reports whether w ends in «-овой», «-евой», «-иной»,
// «-ыной» (womanSurnameAlone's endings), by its bytes: the prefilter's
// test after «у», «от», «для» (a superset: the rule decides). A word
// shorter than its ending has none.
func womanCaseEnding(w string) bool {
	n := len(w)
	if n < len("овой") || w[n-4:] != "ой" {
		return false
	}
	switch w[n-8 : n-4] {
	case "ов", "ев", "ин", "ын":
		return true
	}
	return false
}

// prepPatronymicMay reports whether w is «на», «у», «от», «для» or
// «передайте» and after, the second word after it, is a patronymic in an
// oblique case by its ending («полис оформлен на гульнару ринатовну»,
// «доверенность от гайдар рустама ильдаровича», causes block PL): a first
// name no list knows and its patronymic in the case the word asks for,
// with no other word the prefilter starts from. The prefilter's test,
// asked only after those words (a superset: the rules decide).
func prepPatronymicMay(w, after string) bool {
	return len(after) >= 14 && prepPatronymicWord(w, after)
}

// prepPatronymicWord is prepPatronymicMay past the length of after.
func prepPatronymicWord(w, after string) bool {
	// (Not after «за», «вы», said in most calls: «сдавала за серафиму
	// ильиничну» is left to a sentence the prefilter reads otherwise.)
	switch w {
	case "на", "у", "от", "для", "передайте", "насчет", "насчёт", "вместо", "поводу": // (causes block PT)
		return hasAnySuffix(after, "овну", "евну", "овны", "евны", "овне", "евне", "овной", "евной", "ичну", "ичны", "ичне", "ичной",
			"овича", "евича", "овичу", "евичу", "овичем", "евичем", "ьича", "ьичу")
	}
	return false
}

// prepPatronymicInText: prepPatronymicMay of the second or the third
// word of rest, the text after w (a name said surname first: «от гайдар
// рустама ильдаровича»).
func prepPatronymicInText(w, rest string) bool {
	i := spaceIndex(rest)
	if i < 0 {
		return false
	}
	rest = rest[i+1:]
	if prepPatronymicMay(w, firstWord(rest)) {
		return true
	}
	if i = spaceIndex(rest); i < 0 {
		return false
	}
	return prepPatronymicMay(w, firstWord(rest[i+1:]))
}

// prepPatronymicInWords: prepPatronymicMay of the second or the third of
// ws, the words after w.
func prepPatronymicInWords(w string, ws []schemas.Word) bool {
	return len(ws) > 1 && prepPatronymicMay(w, ws[1].W) || len(ws) > 2 && prepPatronymicMay(w, ws[2].W)
}

// presentVerb reports whether w ends as a verb in the present or the
// future tense does, six letters or more («получит», «заберет»,
// «приедут»): before a first name after a relative's word, who will do
// something («дочка моя получит алина», causes block PM), not a surname
// of another people («смит», «шмидт» are shorter or end otherwise).
func presentVerb(w string) bool {
	return utf8.RuneCountInString(w) >= 6 && hasAnySuffix(w, "ет", "ёт", "ит", "ут", "ют", "ят", "ат")
}

// cueFiller reports whether w is an adverb, a predicative or a word of
// speaking said after a name's cue before the name or instead of it
// («меня зовут не важно», «фамилия нужна да ладно петренко», «фамилия
// теперь другая гаврилюк», «фамилия сейчас скажу корнеева», «зовут обычно
// просто лена», causes block PO): no name; the name's rule looks past it.
func cueFiller(w string) bool {
	return isWord(w, "важно", "неважно", "нужна", "нужно", "нужен", "важна", "обязательно", "теперь", "сейчас", "обычно", "просто", "хорошо", "ладно",
		"скажу", "говорю", "подскажу", "продиктую", "значит", "вообще", "кстати", "вроде", "короче", "конечно", "потом", "всегда", "раньше", "была", "был")
}

// pastVerbOther reports whether w ends as a verb in the past tense does
// in the feminine, the neuter or the plural, five letters or more
// («звонила», «приходили»: pastVerb has the masculine): before a first
// name after a relative's word, who did something («дочь моя звонила
// лиана», causes blocks PM, PQ).
func pastVerbOther(w string) bool {
	return utf8.RuneCountInString(w) >= 5 && hasAnySuffix(w, "ила", "ала", "ела", "яла", "ыла", "или", "али", "ели", "яли", "ыли", "ило", "ало", "ело")
}

// personalPronoun: a personal pronoun in an oblique case, said after a
// name's cue before the name or instead of it («фамилия у нас одна»,
// causes block PR; pronoun has the possessive and the demonstrative ones).
func personalPronoun(w string) bool {
	return isWord(w, "меня", "мне", "нас", "нам", "вас", "вам", "него", "нее", "неё", "них", "ним", "ней", "нему", "тебя", "тебе")
}

// skiSurname reports whether w is a surname in «-ский», «-цкий» in the
// nominative whose stem tells a surname from an adjective: «-овский»,
// «-евский», «-инский», «-ицкий», «-цкий» and their feminines
// («вишневская», «жуковский», «высоцкая»; not «детская», «городской»,
// «русский»), seven letters or more, not a region's or a city's
// adjective (causes block PW).
func skiSurname(w string) bool {
	if len(w) < 14 || !strings.HasSuffix(w, "ий") && !strings.HasSuffix(w, "ая") {
		return false
	}
	return skiStem(w[:len(w)-len("ий")])
}

// skiSurnameCase reports whether w is a «-ский», «-цкий» surname
// (skiSurname) in an oblique case: «-ского», «-скому», «-ским», «-ской»,
// «-скую» («на жуковскую», «для дубровского»; causes block PW). By its
// bytes, no string built: the prefilter asks it.
func skiSurnameCase(w string) bool {
	stem, ok := skiCaseStem(w)
	return ok && skiStem(stem)
}

// skiSurnameCaseNamed is skiSurnameCase with a stem of any «-ск», «-цк»
// of four letters or more before it («завадского», «ковальского»,
// «вишнёвского»; not a place's or a common adjective's, skiStem's
// exclusions, nor «русского», «английского»): a surname's shape read so
// only next to a first name and a patronymic in its case («по займу
// завадского игоря петровича», «с игорем петровичем завадским»).
func skiSurnameCaseNamed(w string) bool {
	stem, ok := skiCaseStem(w)
	if !ok {
		return false
	}
	if skiStem(stem) {
		return true // «высоцкого»
	}
	if len(stem) < len("завадск") || !strings.HasSuffix(stem, "ск") || skiStemPlace(stem) {
		return false
	}
	return !isWord(stem, "английск", "французск", "человеческ", "сельск", "городск")
}

// skiCaseStem returns w less its oblique «-ского», «-скому», «-ским»,
// «-ской», «-скую» ending (the «к» kept: «жуковск»), if it has one.
func skiCaseStem(w string) (string, bool) {
	n := len(w)
	if n < 14 {
		return "", false
	}
	// (The «к» before the ending first, by its bytes: «к» is D0 BA, and
	// the endings are of two letters or three.)
	var e int
	switch {
	case w[n-6] == 0xD0 && w[n-5] == 0xBA:
		e = 4 // «-ой», «-им», «-ую»
	case w[n-8] == 0xD0 && w[n-7] == 0xBA:
		e = 6 // «-ого», «-ому»
	default:
		return "", false
	}
	if end := w[n-e:]; e == 4 && end != "ой" && end != "им" && end != "ую" || e == 6 && end != "ого" && end != "ому" {
		return "", false
	}
	return w[:n-e], true
}

// skiStem reports whether stem, a «-ский» word less its ending
// («жуковск», «высоцк»), is a surname's: «-овск», «-евск», «-инск»,
// «-цк», not a place's or a common adjective's.
func skiStem(stem string) bool {
	if len(stem) < 10 || !hasAnySuffix(stem, "овск", "евск", "инск", "цк") {
		return false
	}
	return !skiStemPlace(stem)
}

// skiStemPlace reports whether a «-ский» word's stem is a place's or a
// common adjective's (skiStem's exclusions).
func skiStemPlace(stem string) bool {
	for _, p := range [...]string{"московск", "тамбовск", "ростовск", "саратовск", "кировск", "псковск", "костромск", "невск", "петровск", "мужск", "женск", "детск", "турецк", "немецк", "советск", "городск", "купеческ", "дворянск"} {
		if strings.HasPrefix(stem, p) {
			return true
		}
	}
	return false
}
