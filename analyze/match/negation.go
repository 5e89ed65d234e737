package match

import (
	"slices"
	"strings"

	"github.com/callscope/callscope/analyze/text"
	"github.com/callscope/callscope/schemas"
)

// Negation scope. A negator that governs the first word of a hit cancels
// it: «не хочу жаловаться», «никаких претензий», «i'm not going to
// leave». It governs the word right after it, or one reached through at
// most two bridge words (pronouns, modal and auxiliary verbs, particles:
// «не **собираюсь** уходить», «не **буду** жаловаться»). In Russian a
// «нет» right after a hit, or after one or two bridge words, negates it too:
// «жалоб нет», «претензий у меня нет». A chain of bridge words that
// changes its subject («не будет | буду», «не было | я») is two clauses,
// and the negator stays in the first; so does a modal verb before a verb in
// the first person («я так больше не могу | меняю оператора»): a modal
// governs an infinitive («не могу поменять»), never a finite verb, and a
// «нет» before such a verb is a clause of its own («сил нет | ухожу»), as is
// one before a subject pronoun, which answers («заявки нет | я её
// оставляла»). A phrase with a negator of its own («не знаю», «меня не
// устраивает») is never cancelled so, nor one marked negatable: false. Negation does not reach into another utterance.

const (
	flagNeg     = 1 << iota // a negator: не, нет, never
	flagBridge              // a word negation passes through
	flagPostNeg             // negates the words before it: «жалоб нет»
	flagFiller              // a hesitation a phrase may contain anywhere: «э», «ну», «uh»
	flagStop                // the word ends a sentence («пожаловаться!»): negation stops here
	// Set on units, not words: no negator can govern a match starting
	// (ending) at this unit, as the word before (after) it stops the
	// search at once; negated then need not look.
	flagClearBefore
	flagClearAfter
	// Clause marks: a subject of the first or second person («я», «мы»,
	// «вы») or a verb in it («буду», «хочу»), and an impersonal or third
	// person auxiliary («будет», «было»). Reading back from a hit, a
	// personal one after an impersonal one is a new clause, so the «не»
	// before the impersonal one stays in its own: «если решения не будет
	// буду заниматься в другом клубе», «если так не будет я уйду».
	flagPersonal
	flagImpersonal
	// A modal or auxiliary verb («могу», «хочу», «буду»), and a verb in the
	// first person singular («меняю», «ухожу», «отказываюсь», «перейду»):
	// read back from a hit that starts with the second, the first is
	// another clause.
	flagModal
	flagFinite
	// A subject pronoun («я», «мы», «вы», «он», «она», «они»): a «нет»
	// right before one answers and ends its clause, «заявки нет | я её
	// оставляла», «нет | я звонила вчера».
	flagSubject
)

// maxBridges is how many bridge words a negator may reach through.
const maxBridges = 2

type negTable struct {
	neg, bridge, post, filler, personal, impersonal, modal, subject map[string]bool
	// finite reports a verb in the first person singular by its ending.
	finite func(w string) bool
}

// ruFirstPersonVerb reports a Russian word whose ending is a verb's in the
// first person singular: -ю (not the nouns' and adjectives' -ию, -ую, -юю:
// «претензию», «другую»), the reflexive -юсь/-усь, -жу/-шу/-чу/-щу
// («ухожу», «прошу») and -йду («уйду», «перейду»). A heuristic without a
// tagger: a noun so ended right after a modal is rare in speech.
func ruFirstPersonVerb(w string) bool {
	switch {
	case strings.HasSuffix(w, "юсь"), strings.HasSuffix(w, "усь"), strings.HasSuffix(w, "йду"):
		return true
	case strings.HasSuffix(w, "ию"), strings.HasSuffix(w, "ую"), strings.HasSuffix(w, "юю"):
		return false
	case strings.HasSuffix(w, "ю"):
		return len(w) > len("ю")*2 // not a one-letter word
	}
	for _, end := range []string{"жу", "шу", "чу", "щу"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var negation = map[string]negTable{
	"ru": {
		neg: set("не", "нет", "ни", "никогда", "без", "никаких", "никакой", "никакие", "никакого", "никакую", "никакая",
			"ничуть", "нету", "нисколько"),
		bridge: set("я", "мы", "вы", "он", "она", "они", "вам", "вас", "мне", "нам", "меня", "нас", "у", "от", "к", "в", "на",
			"хочу", "хотим", "хотела", "хотел", "хотели", "хочется", "буду", "будем", "будет", "собираюсь", "собираемся",
			"собирался", "собиралась", "стану", "станем", "планирую", "планируем", "думаю", "думали", "надо", "нужно",
			"было", "был", "была", "были", "так", "уж", "уже", "особо", "очень", "сильно", "то", "и", "же", "даже",
			"совсем", "вообще", "еще", "пока", "сейчас", "бы", "могу", "можем", "стоит", "за", "что",
			"писать", "подавать", "оставлять", "делать", "надо", "буду"),
		post:   set("нет", "нету"),
		filler: set("э", "ээ", "эээ", "эм", "м", "мм", "ммм", "ну", "вот"),
		// Bridges that name who acts (English has no such marks: its
		// negators are auxiliaries themselves, «don't want to leave»).
		personal: set("я", "мы", "вы", "хочу", "хотим", "буду", "будем", "собираюсь", "собираемся", "стану", "станем",
			"планирую", "планируем", "думаю", "могу", "можем"),
		impersonal: set("будет", "было", "был", "была", "были", "хочется", "стоит"),
		modal: set("хочу", "хотим", "буду", "будем", "собираюсь", "собираемся", "стану", "станем", "планирую",
			"планируем", "думаю", "могу", "можем"),
		subject: set("я", "мы", "вы", "он", "она", "они"),
		finite:  ruFirstPersonVerb,
	},
	"en": {
		neg: set("not", "no", "never", "without", "nothing", "dont", "doesnt", "didnt", "wont", "cant", "cannot",
			"isnt", "arent", "wasnt", "werent", "havent", "hasnt", "wouldnt", "shouldnt", "nor",
			"don't", "doesn't", "didn't", "won't", "can't", "isn't", "aren't", "wasn't", "weren't", "haven't",
			"hasn't", "wouldn't", "shouldn't"),
		bridge: set("i", "we", "you", "am", "is", "are", "be", "was", "been", "going", "gonna", "to", "want", "wanna",
			"planning", "plan", "really", "any", "a", "the", "have", "had", "will", "would", "do", "it", "even",
			"at", "all", "that", "much", "about", "my", "need", "want", "wanted"),
		filler: set("uh", "um", "er", "erm", "hmm", "mm", "like", "so"),
	},
}

// isNegator reports whether a normalized word negates in lang.
func isNegator(lang, w string) bool { return negation[lang].neg[w] }

// wordFlags are the negation flags of a normalized word.
func wordFlags(lang, w string) uint16 {
	t, ok := negation[lang]
	if !ok {
		return 0
	}
	var f uint16
	if t.neg[w] {
		f |= flagNeg
	}
	if t.bridge[w] {
		f |= flagBridge
	}
	if t.post[w] {
		f |= flagPostNeg
	}
	if t.filler[w] {
		f |= flagFiller
	}
	if t.personal[w] {
		f |= flagPersonal
	}
	if t.impersonal[w] {
		f |= flagImpersonal
	}
	if t.modal[w] {
		f |= flagModal
	}
	if t.finite != nil && t.finite(w) {
		f |= flagFinite
	}
	if t.subject[w] {
		f |= flagSubject
	}
	return f
}

// sentenceStops marks the tokens of a segment after which a sentence or a
// clause ends (. ! ? ; … , : —), from the punctuation the recognizer
// wrote («Нет, здравствуйте»: the «нет» governs nothing): in the text
// between tokens, or glued to a timed word. dst is reused.
func sentenceStops(dst []bool, seg schemas.Segment, toks []text.Token, words []int) []bool {
	dst = slices.Grow(dst[:0], len(toks))[:len(toks)]
	if len(words) > 0 {
		for i := range toks {
			w := seg.Words[words[i]].W
			end := len(w)
			if i+1 < len(toks) && words[i+1] == words[i] {
				end = toks[i+1].Start
			}
			from := min(toks[i].End, len(w))
			dst[i] = endsClause(w[from:max(min(end, len(w)), from)])
		}
		return dst
	}
	// Without word times a token's tail runs to the next token.
	text := seg.Text
	for i := range toks {
		from, to := min(toks[i].End, len(text)), len(text)
		if i+1 < len(toks) {
			to = max(toks[i+1].Start, from)
		}
		dst[i] = endsClause(text[from:to])
	}
	return dst
}

// endsClause reports whether the text after a word ends a clause. It is
// mostly one space: no need to look.
func endsClause(tail string) bool {
	return tail != "" && tail != " " && hasStop(tail)
}

// hasStop is strings.ContainsAny(s, ".!?;…,:—") byte by byte: every
// token boundary of a call asks, and the tail is a byte or two. UTF-8
// synchronizes itself, so «…» and «—» are found where ContainsAny finds
// them, also after an invalid byte.
func hasStop(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.', '!', '?', ';', ',', ':':
			return true
		case "…"[0]: // «—» begins with the same byte
			if strings.HasPrefix(s[i:], "…") || strings.HasPrefix(s[i:], "—") {
				return true
			}
		}
	}
	return false
}
