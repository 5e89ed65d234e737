package redact

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/callscope/callscope/schemas"
)

// mailFamily: the e-mail rules start from «собака» or «at» (tAt), a
// mailbox's word (tEmailCue: «почта», «email», «ящик»), an address written
// with an @ (lits) or the other side's question for an e-mail.
var mailFamily = family{
	starts: tAt | tEmailCue,
	asks:   othersMail | mailWritten,
	opens:  (*scan).latinOnProviderSaid,
	rules:  []familyRule{{run: (*scan).emails}, {run: (*scan).mailSpelledAfter}, {run: (*scan).mailDigitsAdded, after: typesOf(Email)}, {run: (*scan).mailCaseWords, after: typesOf(Email)}, {run: (*scan).mailEdgesAfter, after: typesOf(Email)}},
}

// mailDomainAfter masks the domain said after a masked mailbox's name:
// «собака» right after it and up to three words after that, the last a
// top-level domain closing the sentence, whatever the words between
// («на почту [lukashevich.olya] собака тут бай»: causes block JW, the
// domain's «тут» a function word no domain's reading takes). Run only
// when something was masked.
func (s *scan) mailDomainAfter() {
	for k, n := 0, len(s.found); k < n; k++ {
		f := s.found[k]
		j := f.to
		if typeAt[f.typ] != Email || f.rule == ruleDropped || j >= len(s.toks) || s.toks[j].seg != s.toks[f.from].seg || s.marks[j] != 0 || !s.toks[j].has(tAt) {
			continue
		}
		seg, e := s.toks[j].seg, j+1
		for e < len(s.toks) && e <= j+3 && s.toks[e].seg == seg && s.marks[e] == 0 && isLetters(s.norm(e)) {
			e++
		}
		if e > j+1 && s.toks[e-1].has(tTLD) && (e == len(s.toks) || s.toks[e].seg != seg) {
			s.claim(Email, f.rule, j, e)
		}
	}
}

// mailCaseWords masks the letters' case named before a masked mailbox's
// first spelled letters («большая а маленькая п и р ...», «заглавная эм
// строчные ...»): a case word right before it, and a letter after a case
// word before that, three tokens at most. Run only when something was
// masked.
func (s *scan) mailCaseWords() {
	for k, n := 0, len(s.found); k < n; k++ {
		f := s.found[k]
		if typeAt[f.typ] != Email || f.rule == ruleDropped {
			continue
		}
		from := f.from
		for j := from - 1; j >= 0 && j >= f.from-4 && s.toks[j].seg == s.toks[f.from].seg && s.marks[j] == 0; j-- {
			if letterCase(s.norm(j)) {
				from = j
			} else if !(s.letter(j) || s.letterName(j)) || j == 0 || !letterCase(s.norm(j-1)) {
				break
			}
		}
		if from < f.from {
			s.claim(Email, f.rule, from, f.from)
		}
	}
}

// letterCase: a word naming a spelled letter's case.
func letterCase(w string) bool {
	return isWord(w, "большая", "большое", "большие", "заглавная", "заглавные", "прописная", "маленькая", "маленькие", "строчная", "строчные")
}

// sentenceEnding is the index, in the sentences loaded, of the one a
// span ending before token to ends in (len(s.segs) when none does): the
// sentence the rules that read what follows a masked value start from.
func (s *scan) sentenceEnding(to int) int {
	si := 0
	for si < len(s.segs) && s.segs[si].to < to {
		si++
	}
	return si
}

// nextSentence returns the index in s.segs of the first sentence after
// si that has a word, len(s.segs) when none: a segment with no words
// (the recognizer heard nothing) is no sentence of the speaker's, and
// the rules that read the speaker's next sentences pass it.
func (s *scan) nextSentence(si int) int {
	si++
	for si < len(s.segs) && s.segs[si].from >= s.segs[si].to {
		si++
	}
	return si
}

// mailDigitsAdded masks a mailbox's digits the speaker adds after it in
// one of their next two sentences within 20 s (causes block GR: «нет там
// ещё 83 в конце», «ой и в конце 12», «нет после петрова ещё
// девяносто»): a sentence of eight words at most with one number of one
// to four digits, no unit after it, a word placing it («конце»,
// «после», «ещё»), and no other word but function words, correction
// words, masked words and the one word after «после» (the part it goes
// after). Run only when something was masked.
func (s *scan) mailDigitsAdded() {
	for k, n := 0, len(s.found); k < n; k++ {
		f := s.found[k]
		if typeAt[f.typ] != Email || f.rule == ruleDropped {
			continue
		}
		si := s.sentenceEnding(f.to)
		end := s.t1(&s.toks[f.to-1])
		var z zone
		for sj, nth := s.nextSentence(si), 1; sj < len(s.segs) && nth <= 2; sj, nth = s.nextSentence(sj), nth+1 {
			r := s.segs[sj]
			if r.to-r.from > 8 || s.t0(&s.toks[r.from])-end > 20 {
				break
			}
			num, placed, other := -1, false, false
			for j := r.from; j < r.to; j++ {
				w := s.norm(j)
				switch {
				case s.toks[j].has(tNum) && num < 0 && s.isRunStart(j) && s.marks[j] == 0:
					s.readZone(j, &z, 0)
					if z.to <= j || z.n() > 4 || s.quantityAfter(z.to) {
						other = true
						break
					}
					num = j
					j = z.to - 1
				case isWord(w, "конце", "после", "ещё", "еще"):
					placed = true
				case j > r.from && s.norm(j-1) == "после", s.marks[j] != 0,
					s.toks[j].has(tConn|tStop|tFiller) && !s.toks[j].has(tNum), correctionWord(w):
				default:
					other = true
				}
			}
			if num >= 0 && placed && !other {
				s.readZone(num, &z, 0)
				s.claim(Email, ruleEmailLetters, num, z.to)
			}
		}
	}
}

// emails: a written address (the word has an @), or one spelled out:
// «иван точка петров собака мейл точка ру», «john at gmail dot com»,
// «рябов с собака рамблер ру»; and, where an e-mail is being given (an
// e-mail cue on either side in the 30 s before), its parts said apart:
// letters spelled («о л е г», «эс эм и эр эн о в», «е как елена»), a
// word in Latin letters («ivanov»), words joined by «точка» or
// «подчеркивание» («анна точка петрова»).
func (s *scan) emails() {
	for _, c := range s.starts {
		i := int(c)
		t := &s.toks[i]
		if !t.has(tAt) || s.marks[i] != 0 {
			continue
		}
		// Right: the domain (ruMailDomain; in English enDomainEnd).
		var j int
		if s.lang == "en" {
			if j = s.enDomainEnd(i + 1); j == i+1 {
				continue
			}
		} else if j = s.ruMailDomain(i); j < 0 {
			continue
		}
		// Left: the mailbox, back over words that are not function words
		// (single letters are: «тихонов а собака»).
		k := i
		lim := 6
		for n := 0; k > 0 && (n < lim || n < 14 && (s.letter(k-1) || s.letterName(k-1))); n++ { // a spelled mailbox is longer
			u := &s.toks[k-1]
			// Number words before a word in Latin letters are another
			// value said before the mailbox («... шестьсот семнадцать
			// восемьсот девяносто девять olesya собака ...», an INN:
			// causes block LC); its digits follow its word («ivan 85»).
			if u.has(tNum) && u.seg == t.seg && k < i && latinWord(s.norm(k)) && !s.toks[k].has(tNum) {
				break
			}
			// (A word the lists know as a cue between a joiner and what
			// follows it is the mailbox's: «... подчеркивание пак собака»,
			// «ivan точка код собака», block GW.)
			joined := k >= 2 && u.has(tCue) && !u.has(tStop|tConn) && s.toks[k-2].seg == t.seg && s.toks[k-2].has(tDot|tJoin) && s.toks[k].has(tAt|tDot|tJoin)
			// (So is a word in Latin letters whatever a list knows it as:
			// «lesya tarasova sms собака ya точка ru»; not the e-mail cue
			// itself: «мой email ivan собака ...».)
			// (In English every word is in Latin letters: there the
			// mailbox's words are the ones no function word is, its
			// joiners said as words too: «john underscore smith at ...».)
			en := s.lang == "en"
			if w := s.normOf(u); !en && !joined && !u.has(tEmailCue) && len(w) >= 2 && w[0] >= 'a' && w[0] <= 'z' && isLetters(w) {
				joined = true
			}
			if en && u.seg == t.seg && (u.has(tDot|tJoin) || enJoiner(s.normOf(u)) || s.letter(k-1) || joined || s.enMailboxWord(k-1)) {
				k--
				continue
			}
			if !en && u.seg == t.seg && (u.has(tDot|tJoin) || s.letter(k-1) || joined || !u.has(tStop|tEmailCue|tCue|tNameCue|tConn|tTrap)) {
				k--
				continue
			}
			// The words that order a mailbox's parts or explain a letter
			// («маша как мария потом 90 собака ...», «ivanov потом цифры
			// 85 собака ...»), between its words.
			if u.seg == t.seg && k >= 2 && isWord(s.norm(k-1), "потом", "затем", "цифры", "как") && s.toks[k-2].seg == t.seg && !s.toks[k-2].has(tStop|tEmailCue|tNameCue|tTrap) {
				k--
				lim = 12
				continue
			}
			break
		}
		if k < i && s.officeMailbox(k) {
			continue
		}
		if k < i && s.roleMailboxAt(i-1) {
			// «info собака medsi точка ru»: a company's mailbox, also
			// after the sentence's other words («письмо пришло noreply
			// собака почта рф»: the words before it are no mailbox's).
			continue
		}
		// Nothing before «собака» in its sentence: the mailbox was said
		// in the one before («petrova anna» — «да собака мейл ру»); the
		// rest is masked when it names a mail service.
		if k == i && !(j > i+1 && mailProviders.of(s.norm(i+1))) {
			continue
		}
		s.claim(Email, ruleEmailSpelled, k, j)
	}
	// Written addresses: the @ was between two tokens of one word. A
	// company's role mailbox written so is kept, as said with «собака»
	// («support@moneyman.ru», «hr@ancor.ru»: block GY), unless its
	// domain names a person.
	for _, r := range s.lits {
		if s.roleMailboxAt(r[0]) || s.officeMailbox(r[0]) {
			continue
		}
		s.claim(Email, ruleEmailWritten, r[0], r[1])
	}
	s.mailboxParts()
	// The rest of a mailbox said in parts: its number, its provider.
	for k, n := 0, len(s.found); k < n; k++ {
		if f := s.found[k]; typeAt[f.typ] == Email && f.rule != ruleEmailWritten {
			if end := s.mailTail(f.to); end > f.to {
				s.claim(Email, f.rule, f.to, end)
			}
		}
	}
}

// ruMailDomain returns where the domain after «собака» or «at» at token i
// ends (the e-mail rules' reading of Russian speech), or -1 when what
// follows is no mailbox's domain.
func (s *scan) ruMailDomain(i int) int {
	t := &s.toks[i]
	// Right: a domain (two words at most), then «точка» and a word,
	// up to three times; or the domain and a top-level domain
	// without «точка» («майл ру»).
	j := i + 1
	// («собака я ру»: the service ya.ru.)
	ya := j+1 < len(s.toks) && s.norm(j) == "я" && s.toks[j+1].has(tTLD) && s.toks[j+1].seg == t.seg
	// («собака почта рф»: the Cyrillic mail service почта.рф, «почта»
	// a cue's word elsewhere.)
	ya = ya || j+1 < len(s.toks) && s.norm(j) == "почта" && s.toks[j+1].has(tTLD) && s.toks[j+1].seg == t.seg
	if j >= len(s.toks) || s.toks[j].has(tStop|tAt) && !s.toks[j].has(tTLD) && !(j+1 < len(s.toks) && s.toks[j+1].has(tDot)) && !ya {
		return -1
	}
	j++
	if j+1 < len(s.toks) && !s.toks[j].has(tDot|tStop|tTLD|tAt) && s.toks[j+1].has(tDot) && s.toks[j].seg == t.seg {
		j++ // «ип сидоров точка рф»
	} else if j < len(s.toks) && !s.toks[j].has(tDot) && s.letterName(j-1) {
		// A domain spelled by its letters' names or its words, up to
		// four, before «точка» («собака пэ эм бокс точка ру»: causes
		// block MH).
		for m := j; m < len(s.toks) && m <= j+2 && s.toks[m].seg == t.seg; m++ {
			if s.toks[m].has(tDot) {
				j = m
				break
			}
			if s.toks[m].has(tStop|tTLD|tAt|tNum) && !s.letterName(m) {
				break
			}
		}
	}
	dots := 0
	for dots < 3 && j+1 < len(s.toks) && s.toks[j].has(tDot) && (s.toks[j+1].has(tTLD) || !s.toks[j+1].has(tStop)) {
		dots++
		j += 2
	}
	// A domain of two or three words before its top-level domain with
	// no «точка» («бест тур ру», «смарт хоум ком»: block GX), after a
	// mailbox's word: the words no list knows as anything else.
	if dots == 0 && i > 0 && s.toks[i-1].seg == t.seg && s.mailboxWord(i-1) {
		dom := func(k int) bool {
			return k < len(s.toks) && s.toks[k].seg == t.seg && isLetters(s.norm(k)) && !s.toks[k].has(tStop|tConn|tNum|tAt|tDot|tTLD|tEmailCue)
		}
		tld := func(k int) bool { return k < len(s.toks) && s.toks[k].seg == t.seg && s.toks[k].has(tTLD) }
		if dom(j) && tld(j+1) {
			j++
		} else if dom(j) && dom(j+1) && tld(j+2) {
			j += 2
		}
	}
	if dots == 0 && j < len(s.toks) && s.toks[j].has(tTLD) && s.toks[j].seg == t.seg && !s.toks[j-1].has(tTLD) {
		j++ // «майл ру»
		dots++
	}
	cue := s.near(i, 8, tEmailCue)
	// A mail service named after «собака» is a domain without its
	// «точка ру» («орлов собака яндекс ой нет собака рамблер»).
	provider := s.normOf(t) != "at" && j == i+2 && mailProviders.of(s.norm(i+1))
	if dots == 0 && !(cue && s.normOf(t) != "at" && j > i+1) && !provider {
		return -1
	}
	return j
}

// mailTail returns where a mailbox said in parts ends, from token j right
// after a part: the number said with it («авто саша 77», «юзер девяносто
// один»), unless the address is complete; the provider after «на» («на
// яндексе», «на я ру»).
func (s *scan) mailTail(j int) int {
	if j <= 0 || j >= len(s.toks) || s.toks[j].seg != s.toks[j-1].seg {
		return j
	}
	seg := s.toks[j].seg
	if !s.toks[j-1].has(tTLD) {
		// «p e t r o v и дальше девяносто девять»: the number after a
		// word that says the mailbox goes on, closing the sentence.
		k := j
		for k < len(s.toks) && k < j+2 && s.toks[k].seg == seg && s.marks[k] == 0 && isWord(s.norm(k), "и", "дальше", "потом", "затем") {
			k++
		}
		if k > j {
			e := k
			for e < len(s.toks) && s.toks[e].seg == seg && s.toks[e].has(tNum) && !s.toks[e].has(tUnit) && s.toks[e].num() != nkOrdinal {
				e++
			}
			if e > k && (e == len(s.toks) || s.toks[e].seg != seg) {
				j = k
			}
		}
		for j < len(s.toks) && s.toks[j].seg == seg && s.marks[j] == 0 && s.toks[j].has(tNum) && !s.toks[j].has(tUnit) && s.toks[j].num() != nkOrdinal {
			j++
		}
	}
	if j+1 < len(s.toks) && s.norm(j) == "на" && s.toks[j+1].seg == seg && s.marks[j+1] == 0 {
		w := s.norm(j + 1)
		tld := j+2 < len(s.toks) && s.toks[j+2].seg == seg && s.toks[j+2].has(tTLD) && s.marks[j+2] == 0
		if w == "я" && tld || mailProviders.of(w) {
			j += 2
			if tld {
				j++
			}
		}
	}
	return j
}

// mailProviders: the mail services said by name after «на».
var mailProviders = newBeginningSet("яндекс", "рамблер", "гмейл", "джимейл", "гугл", "мейл", "майл", "маил", "инбокс", "аутлук", "айклауд", "хотмейл", "лист",
	"мэйл", "мэил", "гмэйл", "джимэйл", "хотмэйл", "яндэкс", "рамблэр", // (as a recognizer writes them too)
	"gmail", "yandex", "mail", "rambler", "inbox", "outlook", "icloud", "hotmail", "list", "bk")

// providerAfterNa reports whether «на» at token i names a mail service
// closing its sentence («на яндексе», «на я ру»), not a company's shop
// («на яндекс маркете»).
func (s *scan) providerAfterNa(i int) bool {
	seg := s.toks[i].seg
	j := i + 1
	if j >= len(s.toks) || s.toks[j].seg != seg || s.marks[j] != 0 {
		return false
	}
	if s.norm(j) == "я" {
		j++
		if j >= len(s.toks) || s.toks[j].seg != seg || !s.toks[j].has(tTLD) {
			return false
		}
	} else if !mailProviders.of(s.norm(j)) {
		return false
	}
	j++
	if j < len(s.toks) && s.toks[j].seg == seg && s.toks[j].has(tTLD) {
		j++
	}
	return j >= len(s.toks) || s.toks[j].seg != seg || s.toks[j].has(tStop|tConn)
}

// latinOnProvider reports whether token i is «на» before a mail service
// closing the sentence, with a word in Latin letters in the six words
// before it («alexey минус morozov восемь восемь на gmail com»: bz): a
// mailbox said with «на» for «собака», which its shape gives away with no
// e-mail named before it.
func (s *scan) latinOnProvider(i int) bool {
	if s.norm(i) != "на" || !s.providerAfterNa(i) {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-6 && s.toks[k].seg == s.toks[i].seg; k-- {
		if w := s.norm(k); len(w) >= 3 && latinWord(w) && !mailProviders.of(w) {
			return true
		}
	}
	return false
}

// latinOnProviderSaid reports whether a mailbox is said with «на» for
// «собака» on the channel (latinOnProvider), no e-mail's word with it:
// the e-mail rules' gate for it.
func (s *scan) latinOnProviderSaid() bool {
	for i := range s.toks {
		if s.toks[i].nl == uint32(len("на")) && s.latinOnProvider(i) {
			return true
		}
	}
	return false
}

// mailReadBackEnds claims the words around a mailbox's masked part that
// a read-back says with it and no rule read (mailRest's last step): the
// words right before it, back to a word a list knows (a verb, «на»,
// «почта»), a mailbox's first words said as they sound or spelled
// before, which no echo matches («галкина [1961 рамблер]», «кейт лав
// букс [рамблер ру]», «записала мартынова [инбокс ру]»: «записала»
// stays); and a short word with its top-level domain after it («волков
// [1980] бк ру»). Only words no list knows (a first name's or a surname's
// form too), digits and letters' names, three at most.
func (s *scan) mailReadBackEnds() {
	part := func(k int) bool {
		t := &s.toks[k]
		w := s.normOf(t)
		if s.marks[k] != 0 || t.trig&^(tFirstName|tNameForm) != 0 && !s.letterName(k) {
			return t.num() == nkDigits && s.marks[k] == 0
		}
		return isLetters(w) && !verbLike(w) && !pronoun(w) && !commonWord(w) && !staffWord(w) && !orgWord(w) && !(s.lang == "en" && enFunctionWord(w))
	}
	// (From a part a read-back's rule masked, said again or joined to
	// one: not from a Latin word an e-mail's context masked, «курс
	// [python]».)
	readBack := func(i int) bool {
		if !s.maskedAs(i, Email) {
			return false
		}
		r := s.found[s.marks[i]-1].rule
		return r == ruleEcho[typeIndex(Email)] || r == ruleEmailJoined
	}
	for i := 1; i < len(s.toks); i++ {
		if !readBack(i) || s.maskedAs(i-1, Email) {
			continue
		}
		seg := s.toks[i].seg
		k := i
		for k > 0 && k > i-3 && s.toks[k-1].seg == seg && part(k-1) {
			k--
		}
		if k < i {
			s.claim(Email, ruleEmailJoined, k, i)
		}
	}
	for i := 0; i+2 < len(s.toks); i++ {
		if !readBack(i) || s.marks[i+1] != 0 {
			continue
		}
		if j := i + 1; s.toks[j].seg == s.toks[i].seg && s.toks[j+1].seg == s.toks[i].seg && s.toks[j].nl <= 6 && isLetters(s.norm(j)) && s.toks[j].trig == 0 &&
			s.marks[j+1] == 0 && s.toks[j+1].has(tTLD) && (j+2 == len(s.toks) || s.toks[j+2].seg != s.toks[i].seg) {
			s.claim(Email, ruleEmailJoined, j, j+2)
		}
	}
}

// mailCorrectionWord reports whether w is a word of a speaker correcting a
// mailbox's part («ой точка кос», «ну джимейл», «или то есть рамблер»),
// skipped between a masked part and the next.
func mailCorrectionWord(w string) bool {
	switch w {
	case "ой", "нет", "ну", "или", "то", "есть":
		return true
	}
	return false
}

// mailRest claims, after every rule and echo, what is left of a mailbox
// next to its masked parts in a sentence: its number and service after a
// part read back («сергеев [восемьдесят восемь на яндексе]», «авто саша
// [77]»), a service with its top-level domain («иванов сергей [инбокс
// ру]», «тимур сорок два [бэ ка ру]»), a word, a joiner or «точка» between
// two parts («[тире]», «ольга [сан] лист ру»), a part corrected («ой
// [точка кос]», «ну [джимейл]»), and «точка ком» or «на мейле» opening
// the speaker's next sentence.
func (s *scan) mailRest() {
	defer s.mailReadBackEnds()
	mail := func(i int) bool { return s.maskedAs(i, Email) }
	for i := 1; i < len(s.toks); i++ {
		// Every step below takes words after a mailbox's part masked
		// within the three words before them (after a name masked right
		// before, for a service read back with it): the rest of the
		// channel's words, most of them, are passed on the marks alone.
		if s.marks[i] != 0 || s.marks[i-1] == 0 && (i < 2 || !mail(i-2)) && (i < 3 || !mail(i-3)) {
			continue
		}
		seg := s.toks[i].seg
		p := i - 1
		if s.toks[p].seg != seg {
			// «точка ком» opening the next sentence of a mailbox.
			if !mail(p) || s.t0(&s.toks[i])-s.t1(&s.toks[p]) > 6 {
				continue
			}
			// «... собака gmail точка com» — «ой не ком а ру»: a sentence of
			// a mailbox's ending and the words correcting it, and nothing
			// else; its endings are the mailbox's.
			if end, ok := s.mailCorrection(i); ok {
				s.claimMailEnding(i, end)
				i = end - 1
				continue
			}
			if end := s.mailEndAfterYes(i); end > i {
				s.claim(Email, ruleEmailJoined, i+1, end)
				i = end - 1
				continue
			}
			// «m a s h a» — «собака» — «майл ру»: «собака» or «точка»
			// alone, then the service or a word.
			if s.toks[i].has(tDot|tAt) && (i+1 == len(s.toks) || s.toks[i+1].seg != seg) {
				s.claim(Email, ruleEmailJoined, i, i+1)
				continue
			}
			// «ю точка соколова» — «на яндексе», «майл ру».
			if mailProviders.of(s.norm(i)) && !s.toks[i].has(tStop) {
				if end := s.mailAfter(i, false); end > i {
					s.claim(Email, ruleEmailJoined, i, end)
					i = end - 1
				}
				continue
			}
			if (s.toks[i].has(tDot|tAt) || s.norm(i) == "на") && i+1 < len(s.toks) && s.toks[i+1].seg == seg {
				if end := s.mailAfter(i, false); end > i {
					s.claim(Email, ruleEmailJoined, i, end)
					i = end - 1
				}
			}
			continue
		}
		// A part corrected after a masked one: «ой точка кос», «ну
		// джимейл», «ой нет собака рамблер» (the words of the
		// correction are left).
		for p >= 0 && p >= i-2 && s.toks[p].seg == seg && s.marks[p] == 0 && mailCorrectionWord(s.norm(p)) {
			p--
		}
		if p < 0 || s.toks[p].seg != seg {
			continue
		}
		// A mailbox read back as a name, then its service: «иванов
		// сергей инбокс ру».
		if p == i-1 && !mail(p) && s.maskedAs(p, Name) && mailProviders.of(s.norm(i)) &&
			i+1 < len(s.toks) && s.toks[i+1].seg == seg && s.toks[i+1].has(tTLD) {
			s.claim(Email, ruleEmailJoined, i, i+2)
			i++
			continue
		}
		if !mail(p) {
			continue
		}
		// «смирнов а собака мейл [а в конце ру]»: the rest of the
		// sentence a mailbox's ending and the words around it.
		if p == i-1 {
			if end, ok := s.mailCorrection(i); ok {
				s.claimMailEnding(i, end)
				i = end - 1
				continue
			}
		}
		from := i
		for from < len(s.toks) && s.toks[from].seg == seg && s.marks[from] == 0 && mailCorrectionWord(s.norm(from)) {
			from++
		}
		if from < i+(i-1-p) || from >= len(s.toks) || s.toks[from].seg != seg || s.marks[from] != 0 {
			continue
		}
		corrected := from > i || p < i-1
		if corrected && !(s.toks[from].has(tDot|tAt) || mailProviders.of(s.norm(from))) {
			continue
		}
		end := s.mailAfter(from, !corrected && s.toks[p].has(tTLD))
		if end == from && !corrected {
			// A word or two between two masked parts.
			k := from
			for k < len(s.toks) && k < from+2 && s.toks[k].seg == seg && s.marks[k] == 0 && (s.toks[k].has(tDot|tJoin|tAt) || !s.toks[k].has(tStop|tConn|tCue|tTrap|tUnit) && isLetters(s.norm(k))) {
				k++
			}
			if k > from && k < len(s.toks) && s.toks[k].seg == seg && mail(k) {
				end = k
			}
		}
		if end > from {
			s.claim(Email, ruleEmailJoined, from, end)
			i = end - 1
		}
	}
}

// mailEndAfterYes returns the end of a sentence that is «да», «ага» or
// «так» and a mailbox's ending, «точка ру», and nothing else, said right
// after the mailbox (the other side asked for its end: «... собака
// рамблер» — «ру» — «да точка ру»: causes block TE; ct); else i.
func (s *scan) mailEndAfterYes(i int) int {
	seg, j := s.toks[i].seg, i+1
	if !isWord(s.norm(i), "да", "ага", "так") || j+1 >= len(s.toks) || s.toks[j+1].seg != seg ||
		!s.toks[j].has(tDot) || !s.toks[j+1].has(tTLD) || s.toks[j+1].has(tConn) || s.marks[j] != 0 || s.marks[j+1] != 0 ||
		j+2 < len(s.toks) && s.toks[j+2].seg == seg {
		return i
	}
	return j + 2
}

// mailCorrection reports whether the sentence from token i to its end is
// a mailbox's ending corrected or placed and nothing else («ой не ком а
// ру», «нет не мейл а яндекс», «а в конце ру»): correction words, «не»,
// «а», «в конце», and a top-level domain or a service at least once; and
// where it ends.
func (s *scan) mailCorrection(i int) (int, bool) {
	seg, mail := s.toks[i].seg, false
	j := i
	for ; j < len(s.toks) && s.toks[j].seg == seg; j++ {
		w := s.norm(j)
		switch {
		case s.marks[j] != 0:
			return j, false
		case s.toks[j].has(tTLD) && !s.toks[j].has(tConn) || mailProviders.of(w) && !s.toks[j].has(tStop):
			mail = true
		case mailCorrectionWord(w) || isWord(w, "не", "а", "в", "конце", "потом", "и"):
		default:
			return j, false
		}
	}
	return j, mail && j-i >= 2
}

// mailAfter returns where the rest of a mailbox said from token j ends
// (j when nothing there is one): its number (not after its top-level
// domain: «ру 5 минут»), its service after «на», a service, letters or
// «точка» with the top-level domain («инбокс ру», «бэ ка ру», «точка
// ком»), «собака» with a service, «точка» with a word.
func (s *scan) mailAfter(j int, afterTLD bool) int {
	seg := s.toks[j].seg
	in := func(k int) bool { return k < len(s.toks) && s.toks[k].seg == seg && s.marks[k] == 0 }
	for {
		start := j
		if !afterTLD {
			for in(j) && s.toks[j].has(tNum) && !s.toks[j].has(tUnit) && s.toks[j].num() != nkOrdinal && !s.quantityAfter(j+1) {
				j++
			}
		}
		switch {
		case !in(j):
		case s.norm(j) == "на" && s.providerAfterNa(j):
			j += 2
			if in(j) && s.toks[j].has(tTLD) {
				j++
			}
		case mailProviders.of(s.norm(j)) && !s.toks[j].has(tStop):
			j++
			if in(j) && s.toks[j].has(tTLD) {
				j++
			}
		case s.toks[j].has(tTLD) && !s.toks[j].has(tConn):
			j++
		case s.toks[j].has(tDot) && in(j+1) && (s.toks[j+1].has(tTLD) || s.mailboxWord(j+1)):
			j += 2
		case s.toks[j].has(tDot|tJoin|tAt) && j+1 < len(s.toks) && s.toks[j+1].seg == seg && s.maskedAs(j+1, Email):
			j++ // «ой точка [кос]»
		case s.toks[j].has(tAt) && in(j+1) && (mailProviders.of(s.norm(j+1)) || s.mailboxWord(j+1)):
			j += 2
		default:
			// Letters with the top-level domain: «бэ ка ру».
			k := j
			for in(k) && k < j+3 && (s.letter(k) || s.letterName(k)) {
				k++
			}
			if k > j && in(k) && s.toks[k].has(tTLD) {
				j = k + 1
			}
		}
		if j == start {
			return j
		}
		afterTLD = s.toks[j-1].has(tTLD)
	}
}

// mailboxParts claims the parts of an e-mail said apart, where one is
// being given: a run of three letters or more, spelled; a word in Latin
// letters; words joined by «точка» or «подчеркивание».
func (s *scan) mailboxParts() {
	var ats [8]float64
	cues := ats[:0]
	for k := range s.others {
		if e := &s.others[k]; e.mail && len(cues) < len(ats) {
			cues = append(cues, e.at)
		}
	}
	last := -1e9 // when this side last named an e-mail
	for i := 0; i < len(s.toks); i++ {
		t := &s.toks[i]
		if t.has(tAt) && s.lang != "en" || s.mailCue(i) && !s.postOffice(i) || s.maskedAs(i, Email) {
			last = s.t1(t)
		}
		if s.marks[i] != 0 || t.has(tNum) {
			continue
		}
		// Where no e-mail is being given (most of a call's words), first:
		// the checks of a word's form below cost more.
		at := s.t0(t)
		ctx := at-last <= 30
		for _, c := range cues {
			ctx = ctx || c <= at+0.5 && at-c <= 30
		}
		latinOn := !ctx && s.latinOnProvider(i)
		if !ctx && !((s.letter(i) || s.letterName(i)) && s.spelledJoined(i)) && !latinOn {
			continue
		}
		provider := mailProviders.of(s.normOf(t)) && i+1 < len(s.toks) && s.toks[i+1].seg == t.seg && s.toks[i+1].has(tTLD) && i > 0 && s.toks[i-1].seg == t.seg && s.mailboxWord(i-1)
		// («e» is a cue, «e mail», and a letter: «e k a t e r i n a».)
		spelled := s.letter(i) && i+1 < len(s.toks) && s.toks[i+1].seg == t.seg && s.letter(i+1)
		if t.has(tEmailCue) && !provider && !spelled || s.roleMailboxAt(i) {
			continue
		}
		// (A mailbox the operator bids the client write to, asked only of
		// a part about to be claimed: it reads back over the sentence.)
		if (s.letter(i) || s.letterName(i)) && (!s.afterTrapRun(i) || s.lettersBeforeAt(i)) {
			j := i
			for j < len(s.toks) && s.toks[j].seg == t.seg && s.marks[j] == 0 && (s.letter(j) || s.letterName(j)) {
				j++
				// «е как елена»: a letter and the word it is as.
				// (A letter said as a single Cyrillic character opens the
				// word: «а как к ним», «я как вы», «а как зовут» are
				// questions; rv26, session 21.)
				if j+1 < len(s.toks) && j < len(s.toks) && s.norm(j) == "как" && s.toks[j+1].seg == t.seg && letterOpens(s.norm(j-1), s.norm(j+1)) {
					j += 2
				}
				// «d r точка s m i t h»: letters joined by «точка»,
				// «нижнее подчеркивание» («эн и эн а нижнее
				// подчеркивание и вэ а эн»).
				if k := s.spelledJoiner(j); k > j && (s.letter(k) || k > j+1 || s.letterName(k) && k+1 < len(s.toks) && s.toks[k+1].seg == t.seg && (s.letter(k+1) || s.letterName(k+1))) {
					j = k
				}
			}
			// A syllable closing a spelled run, as a recognizer writes the
			// last letters («эс ве е тэ эл а на», «ка о зэ эл о ва»).
			if j-i >= 3 && j < len(s.toks) && s.toks[j].seg == t.seg && s.marks[j] == 0 && len(s.norm(j)) == 4 && isLetters(s.norm(j)) &&
				!s.toks[j].has(tNum) && (j+1 == len(s.toks) || s.toks[j+1].seg != t.seg || s.toks[j+1].has(tAt|tDot)) {
				j++
			}
			// Fewer letters when the masked mailbox goes on right after
			// them, or after «точка»: «d r точка [s m i t h собака ...]».
			if j-i >= 3 || s.mailGoesOn(j) {
				if !s.officeMailbox(i) {
					s.claim(Email, ruleEmailLetters, i, j)
				}
				i = j - 1
				continue
			}
		}
		switch {
		case provider && !s.officeMailbox(i):
			// The mailbox read back without «собака»: «иванов сергей
			// инбокс ру», «никитина света мейл ру».
			s.claim(Email, ruleEmailJoined, i, i+2)
			i++
		case s.normOf(t) == "на" && s.providerAfterNa(i) && !s.officeMailbox(i):
			// The mailbox said without «собака», its service after «на»
			// closing the sentence («смирнова ка на мейле», «котик семь
			// на гмейле»): the words before it that a mailbox may have.
			// (Words in Latin letters go back further, over their
			// joiners: «alexey минус morozov восемь восемь на gmail com».
			// A number word is no verb for its ending: «девять», «пять».)
			k, lim := i, 4
			if latinOn || s.latinOnProvider(i) {
				lim = 7
			}
			for k > 0 && k > i-lim && s.toks[k-1].seg == t.seg && s.marks[k-1] == 0 && (s.mailboxWord(k-1) || s.letter(k-1) || s.letterName(k-1) || lim > 4 && s.toks[k-1].has(tJoin|tDot)) && (s.toks[k-1].has(tNum) || !commonWord(s.norm(k-1))) {
				k--
			}
			if k < i {
				end := i + 2
				if end < len(s.toks) && s.toks[end].seg == t.seg && s.toks[end].has(tTLD) {
					end++
				}
				s.claim(Email, ruleEmailJoined, k, end)
				i = end - 1
			}
		case s.lang != "en" && latinWord(s.normOf(t)) && !s.afterTrapRun(i) && !s.officeMailbox(i):
			// (Not a promo code's, a coupon's word: «а промокод SUMMER 25».)
			j := i + 1
			for j < len(s.toks) && s.toks[j].seg == t.seg && s.marks[j] == 0 && (latinWord(s.norm(j)) || s.toks[j].has(tNum|tDot|tJoin)) {
				j++
			}
			s.claim(Email, ruleEmailLatin, i, j)
			i = j - 1
		case s.joinedAt(i) && !s.officeMailbox(i):
			j := i + 1
			for j < len(s.toks) && s.toks[j].seg == t.seg && s.marks[j] == 0 && (s.toks[j].has(tDot|tJoin|tNum|tTLD) || s.mailboxWord(j)) {
				j++
			}
			s.claim(Email, ruleEmailJoined, i, j)
			i = j - 1
		}
	}
}

// spelledJoiner returns the token after a joiner of a spelled mailbox
// at j («точка», «нижнее подчеркивание», «дефис»: one or two words,
// unclaimed, in j's sentence, a letter or a letter's name after them), or
// j.
func (s *scan) spelledJoiner(j int) int {
	k := j
	for k < len(s.toks) && k < j+2 && s.toks[k].seg == s.toks[j-1].seg && s.marks[k] == 0 && s.toks[k].has(tDot|tJoin) {
		k++
	}
	if k == j || k >= len(s.toks) || s.toks[k].seg != s.toks[j-1].seg || s.marks[k] != 0 || !(s.letter(k) || s.letterName(k)) {
		return j
	}
	return k
}

// spelledJoined reports whether a mailbox is spelled from token i with no
// e-mail named near it: two letters or more (or letters' names), an
// underscore or a dot («нижнее подчеркивание», «точка») and two letters or more
// again («эн и эн а нижнее подчеркивание и вэ а эн»). Letters so joined
// spell a login; a car plate's or a code's letters come with digits.
func (s *scan) spelledJoined(i int) bool {
	seg := s.toks[i].seg
	isLetter := func(k int) bool {
		return k < len(s.toks) && s.toks[k].seg == seg && s.marks[k] == 0 && (s.letter(k) || s.letterName(k))
	}
	j := i
	for isLetter(j) {
		j++
	}
	if j-i < 2 || i > 0 && s.toks[i-1].seg == seg && isLetter(i-1) {
		return false
	}
	// (Only an underscore's or a dot's word: a model's letters take a
	// dash, «эс гэ тире эн эф».)
	k := s.spelledJoiner(j)
	if k == j || !(s.toks[j].has(tDot) || isWord(s.norm(k-1), "подчеркивание", "подчеркиванье", "подчерк", "андерскор", "underscore")) {
		return false
	}
	e := k
	for isLetter(e) {
		e++
	}
	return e-k >= 2
}

// mailSpelledAfter: an e-mail spelled again, or explained, right after it
// is said, closing its sentence: letters, letters' names and its own
// words («... yandex ru хо эйч оу», «... гмейл ком ли эл ай»), or a word
// and «латиницей» («... яндекс ру кус латиницей»). Two words at least.
func (s *scan) mailSpelledAfter() {
	for k, n := 0, len(s.found); k < n; k++ {
		f := s.found[k]
		if typeAt[f.typ] != Email || f.to >= len(s.toks) || s.toks[f.to].seg != s.toks[f.to-1].seg {
			continue
		}
		seg := s.toks[f.to].seg
		end, latin := f.to, false
		for end < len(s.toks) && end < f.to+8 && s.toks[end].seg == seg && s.marks[end] == 0 {
			w := s.norm(end)
			if isWord(w, "латиницей", "латинскими", "латинские") {
				latin = true
			} else if !(s.letter(end) || s.letterName(end) || s.mailWordOf(k, w) || end+1 < len(s.toks) && s.toks[end+1].seg == seg && isWord(s.norm(end+1), "латиницей", "латинскими") && isLetters(w)) {
				break
			}
			end++
		}
		if end-f.to >= 2 && (end == len(s.toks) || s.toks[end].seg != seg) || latin && end-f.to >= 2 {
			// The e-mail's span grows: one span, as said.
			for j := f.to; j < end; j++ {
				s.marks[j] = k + 1
			}
			s.found[k].to = end
			continue
		}
		// Its words said again glued, after how it is written («дед
		// петя пятьдесят два собака мейл точка ру пишется слитно
		// дедпетя»: causes block LF).
		for j := f.to; j < len(s.toks) && j < f.to+4 && s.toks[j].seg == seg && s.marks[j] == 0; j++ {
			if w := s.norm(j); s.mailGlued(k, w) {
				s.claim(Email, ruleEmailSpelled, j, j+1)
				break
			} else if !writtenHowWord(w) {
				break
			}
		}
	}
}

// writtenHowWord reports whether w says how a mailbox is written
// («пишется слитно», «всё вместе», «без пробела»).
func writtenHowWord(w string) bool {
	return isWord(w, "пишется", "пишем", "пишите", "слитно", "вместе", "всё", "все", "без", "пробела", "пробелов", "точки", "точек", "то", "есть", "только", "одним", "словом")
}

// mailGlued reports whether w is two to four consecutive words of the
// e-mail found k (no joiner, service or domain) glued into one
// («дедпетя», «дедпетя52»).
func (s *scan) mailGlued(k int, w string) bool {
	f := s.found[k]
	if len(w) < 6 {
		return false
	}
	for i := f.from; i < f.to; i++ {
		rest, n := w, 0
		for j := i; j < f.to && n < 4; j++ {
			t := &s.toks[j]
			p := s.normOf(t)
			if t.has(tAt|tDot|tTLD|tJoin) || !strings.HasPrefix(rest, p) {
				break
			}
			rest, n = rest[len(p):], n+1
			if rest == "" {
				if n >= 2 {
					return true
				}
				break
			}
		}
	}
	return false
}

// mailWordOf reports whether w is a word of the e-mail found k (not a
// joiner, a service or a domain): said again to spell it («хо»).
func (s *scan) mailWordOf(k int, w string) bool {
	f := s.found[k]
	for i := f.from; i < f.to; i++ {
		if t := &s.toks[i]; !t.has(tAt|tDot|tTLD|tJoin) && s.normOf(t) == w {
			return true
		}
	}
	return false
}

// afterTrapRun reports whether token i is in a run of letters and
// digits that a trap word opens («отчёт по вину z 9 4 c t 4 1 d b k r»,
// a VIN while an e-mail is being given): no mailbox's letters.
func (s *scan) afterTrapRun(i int) bool {
	j := i
	for j > 0 && s.toks[j-1].seg == s.toks[i].seg && (s.letter(j-1) || s.toks[j-1].has(tNum)) {
		j--
	}
	return j > 0 && j < i+1 && s.toks[j-1].seg == s.toks[i].seg && s.toks[j-1].has(tTrap)
}

// lettersBeforeAt reports whether the letters from token i run up to
// «собака» in their sentence: a mailbox's login spelled, though a trap
// word is right before them («почта для чека б у х собака ...»: causes
// block TF; ct).
func (s *scan) lettersBeforeAt(i int) bool {
	j := i
	for j < len(s.toks) && s.toks[j].seg == s.toks[i].seg && (s.letter(j) || s.letterName(j)) {
		j++
	}
	return j-i >= 2 && j < len(s.toks) && s.toks[j].seg == s.toks[i].seg && s.toks[j].has(tAt)
}

// postOffice reports whether the e-mail cue at token i names the post
// office («почта россии», «на почте россии»): no e-mail is being given.
func (s *scan) postOffice(i int) bool {
	return i+1 < len(s.toks) && s.toks[i+1].seg == s.toks[i].seg && s.norm(i+1) == "россии" && strings.HasPrefix(s.norm(i), "почт")
}

// maskedAs reports whether token k is masked as typ.
func (s *scan) maskedAs(k int, typ Type) bool {
	return s.marks[k] != 0 && typeAt[s.found[s.marks[k]-1].typ] == typ
}

// claimMailEnding claims, in the sentence [i, end) that corrects a
// mailbox's ending (mailCorrection), the words of the ending: «точка»,
// «собака», a top-level domain, a service.
func (s *scan) claimMailEnding(i, end int) {
	for k := i; k < end; k++ {
		if s.toks[k].has(tTLD|tDot|tAt) && !s.toks[k].has(tConn) || mailProviders.of(s.norm(k)) {
			s.claim(Email, ruleEmailJoined, k, k+1)
		}
	}
}

// nameMaskedAt reports whether token k, in segment seg, is masked as a
// name.
func (s *scan) nameMaskedAt(k int, seg int32) bool {
	return k >= 0 && s.toks[k].seg == seg && s.maskedAs(k, Name)
}

// mailGoesOn reports whether a masked e-mail goes on at token j, in the
// sentence of token j-1: right there, or after «точка» or a joiner.
func (s *scan) mailGoesOn(j int) bool {
	mail := func(k int) bool {
		return k < len(s.toks) && s.toks[k].seg == s.toks[j-1].seg && s.maskedAs(k, Email)
	}
	return mail(j) || j < len(s.toks) && s.toks[j].seg == s.toks[j-1].seg && s.toks[j].has(tDot|tJoin) && mail(j+1)
}

// joinedAt reports whether words joined by «точка» or «подчеркивание»
// start at token i, a number between them too («анна точка петрова»,
// «юзер девяносто один нижнее подчеркивание кот»); the first may be an
// initial («ю точка соколова»).
func (s *scan) joinedAt(i int) bool {
	k := i + 1
	for k < len(s.toks) && k < i+4 && s.toks[k].seg == s.toks[i].seg && s.toks[k].has(tNum) {
		k++
	}
	if k+1 >= len(s.toks) || !s.toks[k].has(tDot|tJoin) || s.toks[k+1].seg != s.toks[i].seg {
		return false
	}
	// «96 300 минус 15 процентов»: a «минус» or a dash between two numbers
	// is arithmetic or a range, not a mailbox's joiner.
	if k > i && s.toks[k-1].has(tNum) && s.toks[k+1].has(tNum) && s.toks[k].has(tJoin) && !s.toks[k].has(tDot) {
		switch s.norm(k) {
		case "минус", "тире", "дефис":
			return false
		}
	}
	return (s.mailboxWord(i) || s.letter(i)) && s.mailboxWord(k+1)
}

// officeMailbox reports whether the mailbox starting at token k is one
// the operator gives the client to write to: a verb bidding the client
// send there, or «наш», before it in its sentence («пришлите скан на
// abit собака hse точка ru», «направьте ходатайство ... на ...», «нашей
// конторе на ...»: causes block KV). An institution's, kept as a role
// mailbox is; not after «ваш», «свой» (the client's, read back).
func (s *scan) officeMailbox(k int) bool {
	if s.role != schemas.RoleOperator {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-20 && s.toks[j].seg == s.toks[k].seg; j-- {
		w := s.norm(j)
		if strings.HasPrefix(w, "ваш") || strings.HasPrefix(w, "сво") || strings.HasPrefix(w, "тво") {
			return false
		}
		if ourWord(w) || sendingBid(w) {
			return true
		}
	}
	return false
}

// ourWord: «наш» in any case (not «нашли», «нашёл»: the operator found
// the client's mailbox, read back).
func ourWord(w string) bool {
	return isWord(w, "наш", "наша", "наше", "наши", "нашу", "нашей", "нашего", "нашему", "нашим", "нашем", "наших", "нашими")
}

// sendingBid: a verb bidding the listener send or write somewhere
// («пришлите», «направляйте», «пишите»).
func sendingBid(w string) bool {
	return isWord(w, "пришлите", "присылайте", "вышлите", "высылайте", "отправьте", "отправляйте", "направьте", "направляйте", "напишите", "пишите",
		"перешлите", "пересылайте", "скиньте", "скидывайте", "обращайтесь", "подайте", "подавайте")
}

// roleMailbox: a mailbox named for a job, not a person («info», «hr»,
// «zayavki»): a company's e-mail, which issue 13 keeps.
func roleMailbox(w string) bool { return roleMailboxes[w] }

var roleMailboxes = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`info hr support help office sales zakaz zakazy order orders zayavki zayavka zayavka vyplaty viplaty priem priemnaya
		reception admin noreply post kadry buh buhgalteria secretary press pr feedback service client clients contact contacts hello claims pretenzii
		dogovor docs doc otdel kanc mfc инфо заявки поддержка саппорт
		booking bron бронь job jobs career careers vacancy b2b fraud security abuse billing`) {
		m[w] = true
	}
	return m
}()

// roleMailboxAt reports whether token i is in a company's mailbox said
// apart: the role word before «собака», the domain after it, its top-level
// domain («hr собака magnit точка ru»); not when the domain is a person's
// («info собака ип сидоров точка рф»).
func (s *scan) roleMailboxAt(i int) bool {
	for _, r := range s.lits {
		if i >= r[0] && i < r[1] {
			// Written with its @ («support@moneyman.ru»: block GY).
			local, _, _ := strings.Cut(s.norm(r[0]), "@")
			return roleMailbox(local) && !s.personalDomain(r[0]+1)
		}
	}
	for k := i; k >= 0 && k >= i-4 && s.toks[k].seg == s.toks[i].seg; k-- {
		if s.toks[k].has(tAt) {
			return k > 0 && s.toks[k-1].seg == s.toks[k].seg && (roleMailbox(s.norm(k-1)) || s.lang == "en" && enRoleMailbox(s.norm(k-1))) && !s.personalDomain(k+1) && !s.latinNameDomain(k+1)
		}
		if k == i && k+1 < len(s.toks) && s.toks[k+1].has(tAt) && (roleMailbox(s.norm(k)) || s.lang == "en" && enRoleMailbox(s.norm(k))) {
			return !s.personalDomain(k+2) && !s.latinNameDomain(k+2)
		}
	}
	return false
}

// personalDomain reports whether the domain from token j names a person:
// a sole trader («ип»), a first name, a surname's ending.
func (s *scan) personalDomain(j int) bool {
	for n := j; n < len(s.toks) && n < j+3 && s.toks[n].seg == s.toks[j].seg && !s.toks[n].has(tDot|tTLD); n++ {
		if w := s.norm(n); w == "ип" || s.toks[n].has(tFirstName) || surnameLike(w, s.toks[n].trig) {
			return true
		}
	}
	return false
}

// latinNameDomain reports whether the domain at token j is a first name
// or a surname written in Latin letters («buh собака vitaliy.ru», «info
// собака sergey точка ru»: a person's domain, so the role word before it
// is no company's; causes block TF; ct).
func (s *scan) latinNameDomain(j int) bool {
	if s.lang == "en" || j >= len(s.toks) || s.toks[j].seg != s.toks[j-1].seg {
		return false
	}
	// (The whole domain's name: not «maksim-auto.ru», a firm's, said
	// as two words.)
	w, _, dot := strings.Cut(s.norm(j), ".")
	if !dot && j+1 < len(s.toks) && s.toks[j+1].seg == s.toks[j].seg && !s.toks[j+1].has(tDot|tTLD) {
		return false
	}
	if len(w) < 4 || len(w) > 20 || !latinWord(w) || strings.ContainsAny(w, "0123456789_-") {
		return false
	}
	c := latinReadRU(w)
	var roles trig
	if sl := lexRU.slot(c); sl != nil {
		roles = sl.trig
	}
	return roles&tFirstName != 0 || surnameLike(c, roles)
}

// latinReadRU is w, Latin letters, read as Russian transliteration
// writes a name («vitaliy» виталий, «sergey» сергей, «shishkin» шишкин).
func latinReadRU(w string) string {
	var b strings.Builder
	for i := 0; i < len(w); {
		if i+1 < len(w) {
			two, done := w[i:i+2], true
			switch two {
			case "sh":
				b.WriteString("ш")
			case "ch":
				b.WriteString("ч")
			case "zh":
				b.WriteString("ж")
			case "kh":
				b.WriteString("х")
			case "ts":
				b.WriteString("ц")
			case "ya":
				b.WriteString("я")
			case "yu":
				b.WriteString("ю")
			case "iy", "ey", "ay", "oy":
				b.WriteRune(latinSounds[two[0]-'a'])
				b.WriteString("й")
			default:
				done = false
			}
			if done {
				i += 2
				continue
			}
		}
		switch c := w[i]; {
		case c == 'x':
			b.WriteString("кс")
		case c == 'y':
			b.WriteString("й")
		case c >= 'a' && c <= 'z':
			b.WriteRune(latinSounds[c-'a'])
		}
		i++
	}
	return b.String()
}

// letter reports whether token i is one letter, Latin or Cyrillic.
func (s *scan) letter(i int) bool {
	w := s.norm(i)
	return len(w) == 1 && w[0] >= 'a' && w[0] <= 'z' || len(w) == 2 && (w[0] == 0xD0 || w[0] == 0xD1)
}

// letterName reports whether token i names a letter as one spells it:
// «эс», «эм», «эр», «ка», «аш», «икс», «дабл ю».
func (s *scan) letterName(i int) bool {
	switch s.norm(i) {
	case "эс", "эм", "эн", "эр", "эль", "эл", "эф", "ка", "кэ", "ха", "аш", "це", "цэ", "че", "чэ", "ша", "ща", "ге", "гэ", "де", "дэ", "те", "тэ", "пэ", "пе", "бэ", "бе", "вэ", "ве", "зэ", "зе", "жэ",
		"икс", "игрек", "зет", "зэт", "зэд", "зи", "дабл", "би", "си", "ди", "эй", "джи", "эйч", "ай", "джей", "кей", "оу", "пи", "кью", "ар", "ти", "ви", "экс", "уай", "вай", "зед":
		return true
	}
	return false
}

// latinWord: a word of Latin letters (and digits) that is not a common
// English word a Russian speaker says («ok», «wi»): a mailbox's part.
func latinWord(w string) bool {
	if len(w) < 2 || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	// Brands a caller names in Latin letters are companies, kept.
	return !isWord(w, "ok", "wi", "fi", "wifi", "sms", "pin", "push", "id", "online", "app", "iphone", "android", "samsung", "apple", "google",
		"whatsapp", "telegram", "viber", "youtube", "wildberries", "ozon", "avito", "tinkoff", "sber", "vk", "max")
}

// mailboxWord reports whether token i can be part of a mailbox said in
// words: no function word, cue or unit; a name, a word, a number.
func (s *scan) mailboxWord(i int) bool {
	if s.lang == "en" {
		return s.enMailboxWord(i)
	}
	t := &s.toks[i]
	return t.has(tNum|tFirstName) || latinWord(s.normOf(t)) || !t.has(tStop|tCue|tTrap|tUnit|tConn|tNameCue|tOperator|tEmailCue|tAt) && len(s.normOf(t)) >= 4
}

// near reports whether a word with x is within n tokens before i.
func (s *scan) near(i, n int, x trig) bool {
	for j := i - 1; j >= 0 && j >= i-n; j-- {
		if s.toks[j].has(x) {
			return true
		}
	}
	return false
}

// dateWord reports whether token i can be part of a spoken date.
func (s *scan) dateWord(i int) bool {
	t := &s.toks[i]
	return t.has(tNum|tMonth|tDateWord) && !t.has(tUnit&^tDateWord) || t.has(tMonth) || s.normOf(t) == "года" || s.normOf(t) == "год"
}

// dateRun returns the end of the date said from token i, or i. A date
// goes on in the speaker's next sentences when they hold nothing but a
// date's words («семьдесят шестой» — «третье сентября»; «так восьмое
// значит» — «октября ну» — «пятьдесят девятого»): the words that end a
// sentence before such a one («значит», «ну») go with it.
func (s *scan) dateRun(i int) int {
	if s.toks[i].num() == nkUnit && s.digitsBeforeDay(i) > i {
		return i // a number said digit by digit before the date (block JE)
	}
	j := i
	nums := 0
	named := false // a month or an ordinal read
	month := -1    // the month's word, once read
	for j < len(s.toks) && j-i < 12 {
		if j > i && s.toks[j].seg != s.toks[j-1].seg && (nums >= 3 || !s.dateSentence(j)) {
			break // (a whole date's next sentence is something else: «в 10 30»)
		}
		// «число 15 месяц 07 год 1992»: the words naming a date's parts,
		// a number after them.
		if !s.dateWord(j) && j+1 < len(s.toks) && s.toks[j+1].seg == s.toks[j].seg && s.toks[j+1].has(tNum|tMonth) && dateLabel(s.norm(j)) {
			j++
			continue
		}
		// «3 марта этого года», «прошлого года»: a year said by when it
		// was (a recent one), after a day and a month.
		if nums >= 2 && relativeYear(s.norm(j)) && j+1 < len(s.toks) && s.toks[j+1].seg == s.toks[j].seg && s.norm(j+1) == "года" {
			j += 2
			break
		}
		// «14 числа 6 месяца»: the month said by its number, «месяца»
		// after it (a unit's word elsewhere).
		if !s.dateWord(j) && j >= i+3 && isWord(s.norm(j), "месяца", "месяц") && s.toks[j-1].has(tNum) && isWord(s.norm(j-2), "числа", "число") && s.toks[j].seg == s.toks[j-1].seg {
			j++
			break
		}
		if !s.dateWord(j) {
			k := j
			for k < len(s.toks) && s.toks[k].seg == s.toks[j].seg && s.toks[k].has(tConn|tFiller) && !s.toks[k].has(tNum) {
				k++
			}
			if k > j && k < len(s.toks) && s.toks[k].seg != s.toks[j].seg && nums < 3 && s.dateSentence(k) {
				j = k
				continue
			}
			break
		}
		// Three digits, or four that are no year, are no day, month or
		// year: another number («паспорт fa 099 4412 двадцать пятое мая
		// ...»: the passport's, then the date).
		if s.noDatePart(j) {
			// (Hundreds in words after cardinals alone, no month and no
			// ordinal yet, go on a number dictated: no date begins it,
			// «двадцать двумя сорок пятьсот шестьдесят одна ...».)
			if j > i && !named && s.toks[j].num() == nkHundred {
				return i
			}
			break
		}
		if s.toks[j].has(tNum | tMonth) {
			nums++
		}
		switch s.toks[j].num() {
		case nkOrdinal, nkOrdTens, nkOrdThous:
			named = true
		default:
			named = named || s.toks[j].has(tMonth)
		}
		j++
		// A year in digits after a day and a month ends the date: what
		// follows is another number («12 мая 1980 восемь девятьсот
		// шестнадцать ...», the phone after the date of birth).
		if nums >= 3 && year(s.norm(j-1)) && j < len(s.toks) && s.toks[j].seg == s.toks[j-1].seg && s.toks[j].has(tNum) {
			break
		}
		// So does a year said as an ordinal after the month's word
		// («девятнадцатое апреля девяносто первого 45 15 617 832», the
		// passport after it: causes block JL).
		// (A year's: its tens or hundreds before it, or «двухтысячного»;
		// «май восьмой тысяча ...» has its day after the month.)
		if month >= 0 && j-1 > month && ordinalKind(s.toks[j-1].num()) && (j-2 > month && s.toks[j-2].has(tNum) || s.toks[j-1].num() == nkOrdThous) &&
			j < len(s.toks) && s.toks[j].seg == s.toks[j-1].seg && s.toks[j].has(tNum) && !ordinalKind(s.toks[j].num()) {
			break
		}
		if month < 0 && s.toks[j-1].has(tMonth) {
			month = j - 1
		}
	}
	// More than eight digits said one by one are no date but a number
	// dictated («права» — «9 9 1 8 3 4 0 5 5 2» after a date of birth).
	// (A date run on into a number, «31 12 1990 4510 123456», is left
	// as it was read.)
	if j-i > 8 {
		single := 0
		for k := i; k < j; k++ {
			if s.toks[k].num() == nkDigits && len(s.norm(k)) == 1 {
				single++
			}
		}
		if single > 8 {
			return i
		}
	}
	// A trailing «года» / «числа» belongs to it; a lone number does not
	// make a date unless it is a whole date in digits.
	if nums < 2 && !(j == i+1 && len(s.norm(i)) >= 6 && allDigits(s.norm(i))) && !year(s.norm(i)) &&
		!(j > i+1 && isWord(s.norm(j-1), "года", "году", "год", "г")) {
		return i
	}
	return j
}

// dateLabel: a word naming a date's part before its number («число 15
// месяц 07 год 1992»).
func dateLabel(w string) bool {
	return isWord(w, "число", "числа", "месяц", "месяца")
}

// dateSentence reports whether the sentence opening at token k, said
// within 6 s of the one before, is a date's words alone (and words like
// «так», «ну»): a day, a month, a year (not «007 то есть 006 712 414 14»).
func (s *scan) dateSentence(k int) bool {
	if k == 0 || s.toks[k-1].seg == s.toks[k].seg || s.t0(&s.toks[k])-s.t1(&s.toks[k-1]) > 6 {
		return false
	}
	parts := 0
	for j := k; j < len(s.toks) && s.toks[j].seg == s.toks[k].seg; j++ {
		t := &s.toks[j]
		switch {
		case t.has(tMonth) || t.has(tNum) && t.num() != nkDigits:
			parts++
		case t.has(tNum):
			if w := s.normOf(t); len(w) > 2 && !year(w) {
				return false
			}
			parts++
		case t.has(tDateWord) || t.has(tConn|tFiller):
		default:
			return false
		}
	}
	return parts > 0 && parts <= 4
}

// birthFamily: the date of birth's rules start from a birth's word
// (tBirth: «рождения», «родился», «born») or the other side's question
// for a date of birth.
var birthFamily = family{
	starts: tBirth,
	asks:   othersDOB,
	rules: []familyRule{{run: (*scan).birthdates}, {run: (*scan).birthDayCorrected, after: typesOf(Birthdate)}, {run: (*scan).birthSibling, after: typesOf(Birthdate)},
		{run: (*scan).enAfterBirthAnswer, after: typesOf(Birthdate)}},
}

// enAfterBirthAnswer masks, in English, the number a client says after
// «and» right after their date of birth when the other side asked for
// both in one question: «can you confirm your date of birth and the last
// 4 of your social» — «march 3rd 1985 and 6 6 2 1» (a social's last
// four), «... and the last four digits of the card» — «... and 6621».
// The number closes the sentence, two to nine digits, and takes the
// type of the question's last cue (lane i13en22: the birth rule took the
// date and the number rule, reading the date's question, left the rest
// in clear). Run only when a date of birth was masked.
func (s *scan) enAfterBirthAnswer() {
	if s.lang != "en" {
		return
	}
	for k, n := 0, len(s.found); k < n; k++ {
		f := s.found[k]
		if typeAt[f.typ] != Birthdate || f.rule == ruleDropped {
			continue
		}
		seg := s.toks[f.to-1].seg
		in := func(j int) bool { return j < len(s.toks) && s.toks[j].seg == seg }
		j := f.to
		if !in(j) || s.norm(j) != "and" {
			continue
		}
		j++
		for in(j) && isWord(s.norm(j), "it's", "its", "it", "is", "the", "uh", "um") {
			j++
		}
		end, digits := j, 0
		for in(end) && s.toks[end].has(tNum) && s.marks[end] == 0 {
			if s.toks[end].num() == nkDigits {
				digits += len(s.norm(end))
			} else {
				digits++
			}
			end++
		}
		if end == j || in(end) || digits < 2 || digits > 9 {
			continue
		}
		if typ := s.askedWithBirth(s.t0(&s.toks[j])); typ != "" {
			s.claim(typ, ruleName(typ, ruleAnswer), j, end)
		}
	}
}

// askedWithBirth returns the type of the last cue of the other side's
// question for a date of birth said just before at (a card's, a
// social's, a code's), or "" when it asked for none.
func (s *scan) askedWithBirth(at float64) Type {
	for k := range s.others {
		e := &s.others[k]
		if !e.dob || !e.justBefore(at) {
			continue
		}
		var typ Type
		var last float64
		for m := range s.others {
			c := &s.others[m]
			if c.seg != e.seg || c.cue == 0 || c.own || c.at < last {
				continue
			}
			switch t := c.cueType(); t {
			case Card, Passport, Code, Account, Phone, SNILS, INN:
				typ, last = t, c.at
			}
		}
		if typ != "" {
			return typ
		}
	}
	return ""
}

// birthSibling masks a second date of birth in the sentence of a masked
// one: a whole date of a birth year's shape (birthShaped: a day, a month
// and a year 1930 to 2012) with no cue of its own, a record and its
// correction or two people's («в анкете 12 07 1988 а родился я 21 07
// 1988»). Not after a preposition (an appointment's or a document's
// date: «от 12 01 2024», «на 20 02 2026», of this decade anyway). Run
// only when something was masked.
func (s *scan) birthSibling() {
	for k, n := 0, len(s.found); k < n; k++ {
		f := s.found[k]
		if typeAt[f.typ] != Birthdate || f.rule == ruleDropped {
			continue
		}
		seg := s.toks[f.from].seg
		for j := s.segFrom(f.from); j < len(s.toks) && s.toks[j].seg == seg; j++ {
			if s.marks[j] != 0 || !s.toks[j].has(tNum) || j > 0 && s.toks[j-1].seg == seg && (s.toks[j-1].has(tNum) || isWord(s.norm(j-1), "на", "в", "во", "к", "до", "с", "со", "по", "через", "за", "от")) {
				continue
			}
			end := s.dateRun(j)
			// (Nor a document's issue date: «паспорт выдан 12 05 2008»,
			// causes block VB.)
			if end <= j+2 || s.toks[end-1].seg != seg || s.claimed(j, end) || !s.birthShaped(j, end) && !s.yearFirstBirth(j, end) || j > 0 && issueWord(s.norm(j-1)) {
				continue
			}
			s.claim(Birthdate, ruleBirthContext, j, end)
			j = end - 1
		}
	}
}

// yearFirstBirth reports whether the date read from k to end is a whole
// date said year first, «2014 год 2 мая» (co; causes block RK): a year
// in four digits, 1930 to 2019, then «год» or «года», a day and a month
// by name, and no number right after it in its sentence.
func (s *scan) yearFirstBirth(k, end int) bool {
	if end != k+4 || !year(s.norm(k)) || s.norm(k) < "1930" || s.norm(k) > "2019" || !isWord(s.norm(k+1), "год", "года") ||
		s.toks[k+2].num() != nkDigits || len(s.norm(k+2)) > 2 || !s.toks[k+3].has(tMonth) {
		return false
	}
	return end >= len(s.toks) || s.toks[end].seg != s.toks[k].seg || !s.toks[end].has(tNum)
}

// birthDayCorrected masks a date of birth's day corrected right after it
// (causes block GM): in the speaker's next sentence, within 15 s, after
// a correction word («ой», «нет», «то есть», «ошиблась»), a day alone in
// digits (1 to 31) or as an ordinal, or a whole date («ой нет 12
// двенадцатое», «то есть восьмое»); not after a preposition (an
// appointment's day: «на 20»), not with a unit after it («3 раза»). Run
// only when something was masked.
func (s *scan) birthDayCorrected() {
	for k, n := 0, len(s.found); k < n; k++ {
		f := s.found[k]
		if typeAt[f.typ] != Birthdate || f.rule == ruleDropped {
			continue
		}
		sj := s.nextSentence(s.sentenceEnding(f.to))
		if sj >= len(s.segs) {
			continue
		}
		r := s.segs[sj]
		if s.t0(&s.toks[r.from])-s.t1(&s.toks[f.to-1]) > 15 {
			continue
		}
		corrected := false
		for j := r.from; j < r.to; j++ {
			w := s.norm(j)
			if correctionWord(w) || w == "есть" && j > r.from && s.norm(j-1) == "то" || isWord(w, "точнее", "вернее") {
				corrected = true
				continue
			}
			if !corrected || !s.toks[j].has(tNum) || s.marks[j] != 0 || j > r.from && isWord(s.norm(j-1), "на", "в", "во", "к", "до", "с", "со", "по", "через", "за") {
				continue
			}
			end := s.dateRun(j)
			if k := s.toks[j].num(); k == nkDigits && !s.toks[end-1].has(tMonth) || end <= j && k == nkOrdinal {
				end = j + 1 // (a day alone is no date to dateRun; «12 двенадцатое» is two)
			}
			if end <= j || s.quantityAfter(end) || !s.dayOrDate(j, end) {
				continue
			}
			s.claim(Birthdate, ruleBirthContext, j, end)
			j = end - 1
		}
	}
}

// dayOrDate reports whether [j, end) is a day alone (1 to 31 in digits,
// an ordinal in words, two words at most) or a date with its month.
func (s *scan) dayOrDate(j, end int) bool {
	for i := j; i < end; i++ {
		if s.toks[i].has(tMonth) {
			return true
		}
	}
	if end-j > 2 {
		return false
	}
	if s.toks[j].num() == nkDigits {
		v, err := strconv.Atoi(s.norm(j))
		return err == nil && v >= 1 && v <= 31 && end == j+1
	}
	return s.toks[end-1].num() == nkOrdinal
}

// birthdates: a date after «дата рождения», «родился», «born» (or before
// «года рождения»), or the answer to the other side's question for it.
func (s *scan) birthdates() {
	// The cues with no date next to them, for birthFoundAfter (room for
	// four on the stack; more are appended to the heap, never dropped).
	var fbuf [4]int
	found := fbuf[:0]
	for _, c := range s.starts {
		i := int(c)
		t := &s.toks[i]
		if !t.has(tBirth) {
			continue
		}
		// Forward: «дата рождения у меня пятого марта восемьдесят пятого года».
		after := false
		for j := i + 1; j < len(s.toks) && j <= i+5 && s.toks[j].seg == t.seg; j++ {
			if s.dateWord(j) && s.toks[j].has(tNum|tMonth) {
				// (Not a sum: «скидка в день рождения и подарок за 1990
				// рублей», causes block RA.)
				if end := s.dateRun(j); end > j && !s.hourOfBirth(j, end) && !s.quantityAfter(end) {
					s.claimBirth(j, end, ruleBirthCue)
					after = true
				}
				break
			}
			// A cut-off, no one's date: «на ребенка родившегося после
			// 1 января 2023», «родившейся до 1 марта 2023».
			if s.toks[j].has(tTrap|tCue) || isWord(s.norm(j), "после", "до", "с", "начиная") {
				break
			}
		}
		// Backward: «пятого марта восемьдесят пятого года рождения»,
		// «15 03 1980 это дата рождения»; not when the date follows the
		// cue: the one before is another («приём второе декабря дата
		// рождения шестнадцатое января ...»: causes block JM).
		e := i
		if after {
			continue
		}
		if !s.birthBeforeCue(i) {
			found = append(found, i) // (read after the answers: theirs first)
		}
		for e > 0 && e > i-3 && s.toks[e-1].seg == t.seg && isWord(s.norm(e-1), "это", "дата", "дату", "моя", "мой", "день", "его", "ее", "её") {
			e--
		}
		k := e
		for k > 0 && e-k < 12 && s.dateWord(k-1) && s.toks[k-1].seg == t.seg && !s.noDatePart(k-1) {
			k--
		}
		if k < e && s.dateRun(k) > k && !s.hourOfBirth(k, e) {
			s.claim(Birthdate, ruleBirthCue, k, e)
		}
	}
	// Answers: the other side asked for the date of birth.
	s.answers(func(e cueEvent) bool { return e.dob }, func(first int) {
		// (An e-mail asked with it and masked already, said first: «почта
		// и дата рождения» — «[...] девятнадцатое апреля», causes block
		// UL.)
		for first < len(s.toks)-1 && s.marks[first] != 0 && s.toks[first+1].seg == s.toks[first].seg {
			first++
		}
		for j := first; j < len(s.toks) && j < first+4; j++ {
			if s.toks[j].has(tNum | tMonth) {
				j = s.digitsBeforeDay(j)
				// Once the date of birth is given, a date without a year
				// is another («а 15 марта можно записаться»).
				end := s.dateRun(j)
				if end == j && s.slipThenBirth(j) {
					return
				}
				// Another number asked with it said first («номер карты и
				// дату рождения» — «5536 1111 4960 6532 пятое мая
				// шестьдесят седьмого»): the date of birth after it.
				if k := s.identifierRun(j); end == j && k > j {
					if e := s.dateRun(k); s.birthShaped(k, e) {
						s.claimBirth(k, e, ruleBirthAnswer)
					}
					return
				}
				if s.ageAfterDative(j, end) {
					return
				}
				// A year said as a decade's ordinal alone («год рождения»
				// — «я с восьмидесятого»).
				if end == j && s.toks[j].num() == nkOrdTens && (j+1 == len(s.toks) || s.toks[j+1].seg != s.toks[j].seg || isWord(s.norm(j+1), "года", "году", "год")) {
					end = j + 1
				}
				// (Nor is a date after «от» one: a document's, «договор
				// от какого числа» — «от 15 июля 2019».)
				if end > j && (!s.birthBefore(j) || s.hasYear(j, end)) && !(j > first && s.norm(j-1) == "от") {
					s.claimBirth(j, end, ruleBirthAnswer)
				}
				// An age said first («возраст и дата рождения» — «40
				// лет 1 апреля 1984»): the date follows it.
				if end == j && j+2 < len(s.toks) && s.toks[j+1].seg == s.toks[j].seg && s.toks[j+1].has(tUnit) && !s.toks[j+1].has(tNum|tMonth) {
					j++
					continue
				}
				return
			}
			if !s.toks[j].has(tStop|tConn|tBirth) && !s.letter(j) && !dateLabel(s.norm(j)) {
				s.birthAfterWords(j)
				return
			}
		}
	})
	for _, i := range found {
		s.birthFoundAfter(i)
	}
	s.birthContext()
}

// hourOfBirth reports whether tokens [k, e) next to a birth's word are
// the hour it happened at, after «в»: cardinal numbers with no month, no
// ordinal and no four-digit year, the first an hour's (23 at most), no
// «год» said with them («мальчик ... в четыре ноль пять родился»,
// «родилась в два пятнадцать»: causes block LA; «в 1985 году родился»,
// «родился в 85 году», «в восемьдесят пять» are a year).
func (s *scan) hourOfBirth(k, e int) bool {
	if k == 0 || s.toks[k-1].seg != s.toks[k].seg || !isWord(s.norm(k-1), "в", "во") {
		return false
	}
	if first := &s.toks[k]; first.has(tNum) && hourValue(first, s.normOf(first)) > 23 {
		return false
	}
	for i := k; i < e; i++ {
		if t := &s.toks[i]; t.has(tMonth) || ordinalKind(t.num()) || year(s.normOf(t)) || strings.HasPrefix(s.normOf(t), "год") {
			return false
		}
	}
	return e >= len(s.toks) || s.toks[e].seg != s.toks[k].seg || !strings.HasPrefix(s.norm(e), "год")
}

// hourValue is the value of a number token w as an hour's: its digits'
// value, or its word's; 100 for a run of three digits or more.
func hourValue(t *token, w string) int {
	if t.num() != nkDigits {
		return int(lexNumVals[t.ent])
	}
	if len(w) > 2 {
		return 100
	}
	v, _ := strconv.Atoi(w)
	return v
}

// ordinalKind: a number word's ordinal form (a date's day or year).
func ordinalKind(k nk) bool { return k == nkOrdinal || k == nkOrdTens || k == nkOrdThous }

// digitsBeforeDay returns where the day of a date said in words starts
// after a number dictated digit by digit right before it (four digit
// words at least, its last ones; causes block JE: «эф эй один один два
// два три три четыре пятнадцатого января девяносто седьмого», «... ноль
// девять два первого марта ...»): the day's ordinal with a month after
// it, and the tens before a unit's ordinal («двадцать второго мая»).
// Otherwise j.
func (s *scan) digitsBeforeDay(j int) int {
	seg := s.toks[j].seg
	k, units := j, 0
	for ; k < len(s.toks) && s.toks[k].seg == seg && k-j < 24; k++ {
		switch s.toks[k].num() {
		case nkUnit:
			units++
			continue
		case nkTeen, nkTens, nkHundred, nkDigits:
			units = 0
			continue
		}
		break
	}
	if k == j || k+1 >= len(s.toks) || s.toks[k+1].seg != seg || !s.toks[k+1].has(tMonth) {
		return j
	}
	switch s.toks[k].num() {
	case nkOrdinal, nkOrdTens:
	default:
		return j
	}
	d := k
	if s.toks[k-1].num() == nkTens && lexNumVals[s.toks[k].ent] < 10 {
		d, units = k-1, 0 // («... ноль ноль двадцать второго»: the tens are the day's)
		if d > j && s.toks[d-1].num() == nkUnit {
			for n := d - 1; n >= j && s.toks[n].num() == nkUnit; n-- {
				units++
			}
		}
	}
	if units < 4 {
		return j
	}
	return d
}

// birthBeforeCue reports whether a date ends right before the birth's
// cue at i in its sentence (read backward by birthdates).
func (s *scan) birthBeforeCue(i int) bool {
	return i > 0 && s.toks[i-1].seg == s.toks[i].seg && s.toks[i-1].has(tNum|tMonth)
}

// birthFoundAfter masks a date of birth the speaker said they need or
// look for (the cue at i, no date with it), found and read out in one of
// their next two sentences within 30 s with no cue of its own («нужна
// дата рождения и снилс сотрудника» — ... — «нашла 21 июня 1993 года
// снилс ...»: causes block JX): a whole date of a birth year's shape
// (birthShaped), not after a preposition («справка от 12 мая 2010»).
func (s *scan) birthFoundAfter(i int) {
	si := s.sentenceEnding(i + 1)
	at := s.t1(&s.toks[i])
	for n, sj := 0, si+1; n < 2 && sj < len(s.segs); sj++ {
		r := s.segs[sj]
		if r.from >= r.to {
			continue // no words heard: no sentence of theirs
		}
		n++
		if s.t0(&s.toks[r.from])-at > 30 {
			return
		}
		for j := r.from; j < r.to; j++ {
			if s.marks[j] != 0 || !s.toks[j].has(tNum|tMonth) || !s.dateWord(j) {
				continue
			}
			if j > r.from && isWord(s.norm(j-1), "от", "на", "до", "с", "со", "по", "в", "к", "за", "через") {
				break
			}
			// (A month by its name, a year in four digits or in words:
			// «12 декабря 14 10» is a visit's time, «55 12 80» a loan's.)
			if end := s.dateRun(j); s.birthShaped(j, end) && s.monthNamed(j, end) && !s.twoDigitYear(j, end) {
				s.claimBirth(j, end, ruleBirthCue)
				return
			}
			break
		}
	}
}

// monthNamed reports whether a month's word is among tokens [from, to).
func (s *scan) monthNamed(from, to int) bool {
	for k := from; k < to; k++ {
		if s.toks[k].has(tMonth) {
			return true
		}
	}
	return false
}

// twoDigitYear reports whether the date [from, to) ends with a year in
// two digits («12 декабря 14 10»: a time, maybe).
func (s *scan) twoDigitYear(from, to int) bool {
	y := to - 1
	for y > from && !s.toks[y].has(tNum) {
		y--
	}
	return s.toks[y].num() == nkDigits && s.toks[y].nl <= 2
}

// identifierRun returns where a date may start after a run of digit
// groups from token j in its sentence that holds four digits or more (a
// card's, a phone's, an order's: no day), «и» after it at most, when a
// number or a month follows there; j otherwise. The run stops before a
// day said before its month («... 4606 3 сентября 1985»).
func (s *scan) identifierRun(j int) int {
	seg := s.toks[j].seg
	same := func(k int) bool { return k < len(s.toks) && s.toks[k].seg == seg }
	k, n := j, 0
	for same(k) && s.toks[k].num() == nkDigits && !(k > j && same(k+1) && s.toks[k+1].has(tMonth)) {
		n += int(s.toks[k].nl)
		k++
	}
	if same(k) && k > j && isWord(s.norm(k), "и", "а") {
		k++
	}
	// Whose the date is, said before it («... 4 5 7 1 9 мама двенадцатое
	// июня ...», «... а у мужа 3 мая ...»: causes block KT).
	if same(k) && s.norm(k) == "у" {
		k++
	}
	if same(k) && familyWord(s.norm(k)) {
		k++
	}
	if n < 4 || !same(k) || !s.toks[k].has(tNum|tMonth) {
		return j
	}
	return k
}

// familyWord: a relative's word in the nominative or the genitive, said
// before the relative's own data in a breath with the speaker's («мой
// ... а муж ...», «... мама ...», «... у дочки ...»).
func familyWord(w string) bool {
	return isWord(w, "мама", "мамы", "мать", "матери", "папа", "папы", "отец", "отца", "муж", "мужа", "жена", "жены", "супруг", "супруга", "супруги",
		"сын", "сына", "дочь", "дочка", "дочки", "дочери", "ребенок", "ребенка", "брат", "брата", "сестра", "сестры", "бабушка", "бабушки",
		"дедушка", "дедушки", "внук", "внука", "внучка", "внучки", "свекровь", "свекрови", "теща", "тещи")
}

// clockAt reports whether tokens [from, to) are an hour and its minutes
// in two groups of two digits after a time's preposition («в 12 00», «к
// 15 30»): no date.
func (s *scan) clockAt(from, to int) bool {
	if to != from+2 || from == 0 || s.toks[from-1].seg != s.toks[from].seg || !isWord(s.norm(from-1), "в", "во", "к", "ко", "до", "после") {
		return false
	}
	h, m := s.norm(from), s.norm(from+1)
	return s.toks[from].num() == nkDigits && s.toks[from+1].num() == nkDigits && len(h) == 2 && len(m) == 2 && h <= "23" && m <= "59"
}

// slipThenBirth masks a number said as a slip and the whole date of
// birth said right after its correction («восемнадцатое ой восьмое ноль
// шестого восемьдесят первого», «11 нет 12 февраля 83»): the number at
// j, one or two correction words (correctionWord, «то есть»), then a
// date with a day, a month and a year (two digits of it at least). It
// reports whether it did.
func (s *scan) slipThenBirth(j int) bool {
	seg := s.toks[j].seg
	k := j + 1
	for k < len(s.toks) && k <= j+2 && s.toks[k].seg == seg && (correctionWord(s.norm(k)) || isWord(s.norm(k), "то", "есть")) {
		k++
	}
	if k == j+1 || k >= len(s.toks) || s.toks[k].seg != seg || !s.toks[k].has(tNum|tMonth) {
		return false
	}
	end := s.dateRun(k)
	if !s.birthShaped(k, end) {
		return false
	}
	s.claimBirth(j, j+1, ruleBirthAnswer)
	s.claimBirth(k, end, ruleBirthAnswer)
	return true
}

// birthShaped reports whether the date read from k to end has a date
// of birth's shape: a day, a month and a year (three parts at least),
// the year a person's born in (1930 to 2012 in four digits; two digits
// that are no 00 and no 13 to 29; a year in words), and no number right after it
// in its sentence (the date is not the start of a phone, «плюс 7 9 66 8
// ...», nor a day and a time, «14 января 10 00»). A payment's date this
// year, «14 января 2025», a year alone, «с 2008 года», a sum after a
// date, «9 сентября 1 200», are not.
func (s *scan) birthShaped(k, end int) bool {
	if end < k+3 {
		return false
	}
	parts, digits := 0, 0
	for i := k; i < end; i++ {
		if s.toks[i].has(tNum | tMonth) {
			parts++
		}
		if s.toks[i].num() == nkDigits {
			digits++
		}
	}
	// (Written in digits, a date has three numbers at most: «7 9 66 8 1
	// 5 44 09» is a phone.)
	if parts < 3 || digits > 3 || end < len(s.toks) && s.toks[end].seg == s.toks[end-1].seg && s.toks[end].has(tNum) {
		return false
	}
	y := end - 1
	for y > k && !s.toks[y].has(tNum) {
		y-- // («года» after it)
	}
	if s.toks[y].num() != nkDigits {
		return s.hasYear(k, end) && !relativeYear(s.norm(y))
	}
	v, err := strconv.Atoi(s.norm(y))
	switch len(s.norm(y)) {
	case 4:
		return err == nil && v >= 1930 && v <= 2012
	case 2: // (not «00», a clock's minutes: «14 января 10 00»)
		return err == nil && (v >= 1 && v <= 12 || v >= 30)
	}
	return false
}

// birthAfterWords masks a whole date with its year said a few words
// into an answer to the question for the date of birth («это я говорю 7
// октября 87», «ну записывайте 3 марта 79»): the first number of the
// sentence, no more than six words in, opening a date with a day, a month
// and a year. A date without a year, or with a number before it, is
// something else («в 10 30 перезвоню», «3 дня назад»).
func (s *scan) birthAfterWords(j int) {
	seg := s.toks[j].seg
	for k := j; k < len(s.toks) && k <= j+6 && s.toks[k].seg == seg; k++ {
		if !s.toks[k].has(tNum | tMonth) {
			continue
		}
		k = s.digitsBeforeDay(k)
		end := s.dateRun(k)
		if end == k && s.slipThenBirth(k) {
			return
		}
		if !s.birthShaped(k, end) {
			// A year alone, «год» after it closing the sentence, no
			// preposition before it («игнатьев михаил девятнадцатый
			// год»: ci; causes block RJ; not «третий год»: a count of
			// years, nor «с 2019 года»).
			if v, e, month, ord, whole := s.datePart(k); e > k && e < len(s.toks) && s.toks[e].seg == seg && !month && (ord && v >= 11 || whole && v >= 1930 && v <= 2025) &&
				isWord(s.norm(e), "год", "года") && (e+1 == len(s.toks) || s.toks[e+1].seg != seg) && !(k > j && preposition(s.norm(k-1))) && !s.birthFoundBefore(k) {
				s.claimBirth(k, e+1, ruleBirthAnswer)
			}
			return
		}
		if s.birthFoundBefore(k) {
			return // given already: this is another date
		}
		s.claimBirth(k, end, ruleBirthAnswer)
		return
	}
}

// birthFoundBefore reports whether a date of birth was masked before
// token k on the channel.
func (s *scan) birthFoundBefore(k int) bool {
	for f := range s.found {
		if typeAt[s.found[f].typ] == Birthdate && s.found[f].to <= k {
			return true
		}
	}
	return false
}

// birthAfterPronoun: a whole date or a year with «года» right after «я»,
// «он», «она» is when that one was born («по паспорту я 1 января 1970»,
// «сыну 5 лет он 2019 года»); not a year of make or building after it
// («он 2019 года выпуска»). So is a whole date, not a recent one, after
// «ему», «ей», «мне» that closes the sentence or follows a name masked in
// it («[ярошенко диана] ... ей 5 июня 2005», «сына [тимура] ему 14
// февраля 2004 права есть»; not «мне 12 мая 2008 выдали паспорт»), and a
// year after «я с», «он с», «она с» that no day can be (32 on: «мне
// восемьдесят один я с сорок пятого»; not «я с двадцать пятого в
// отпуске»).
func (s *scan) birthAfterPronoun() {
	// (From the numbers' starts, not from every word.)
	for _, c := range s.starts {
		i := int(c) - 1
		// A date in words opening with its day's ordinal (and its month
		// said by name or as an ordinal) before the number word filed:
		// the pronoun before the day («ему двенадцатое двенадцатого
		// девяносто девятого», «ей третье марта девяносто пятого»:
		// causes block JT).
		for k := 0; k < 2 && i > 0 && s.toks[i].seg == s.toks[c].seg && s.toks[i-1].seg == s.toks[c].seg && (s.toks[i].num() == nkOrdinal || s.toks[i].has(tMonth)); k++ {
			i--
		}
		if i < 0 || i+2 > len(s.toks) || !s.toks[i+1].has(tNum) || s.toks[i].nl > 6 || s.toks[i].nl < 2 || s.toks[i+1].seg != s.toks[i].seg || s.marks[i+1] != 0 {
			continue
		}
		switch s.norm(i) {
		case "я", "он", "она":
			if i+2 >= len(s.toks) {
				continue
			}
		case "с":
			if end := s.yearSinceBirth(i); end > i+1 {
				s.claimBirth(i+1, end, ruleBirthContext)
			}
			continue
		case "ему", "ей", "мне":
			// (Not an age in the pronoun's sentence and a date in the
			// next: «ему четыре года» — «четырнадцатое марта ...»:
			// causes block LA.)
			if end := s.dateRun(i + 1); end > i+1 && !s.ageAfterDative(i+1, s.inSentence(i, end)) && s.dativeBirth(i, end) {
				s.claimBirth(i+1, end, ruleBirthContext)
			} else if j := s.ageThenDate(i + 1); j > i+1 {
				// An age first, then the whole date with its month by
				// name and its year, not a recent one, whatever follows
				// («мне тридцать 8 сентября 1995 права ...», «ей
				// восемнадцать двадцать третьего апреля ...»: causes
				// block MG).
				if end := s.dateRun(j); end > j && s.hasYear(j, end) && !s.recentYear(j, end) && s.monthNamed(j, end) {
					s.claimBirth(j, end, ruleBirthContext)
				}
			}
			continue
		default:
			continue
		}
		end := s.dateRun(i + 1)
		if end <= i+1 || !s.hasYear(i+1, end) {
			continue
		}
		// A whole date of this century is a payment's or a visit's as
		// often («я 15 марта 2024 оплатила»): a whole date is taken with
		// an earlier year only; a year alone with «года» is a child's too
		// («он 2019 года»).
		day := 0 // the day and the month said with the year
		for k := i + 1; k < end; k++ {
			if t := &s.toks[k]; t.has(tMonth) || t.num() == nkDigits && t.nl <= 2 || t.num() == nkOrdinal {
				day++
			}
		}
		if whole := day >= 2; !whole && !isWord(s.norm(end-1), "года", "г") || whole && s.yearSince(i+1, end, "2010") {
			continue
		}
		if end < len(s.toks) && s.toks[end].seg == s.toks[i].seg && isWord(s.norm(end), "выпуска", "постройки", "издания") {
			continue
		}
		s.claimBirth(i+1, end, ruleBirthContext)
	}
}

// ageThenDate returns where a date starts after an age said from token j
// (one or two number words or a number of up to three digits, «лет»,
// «года», «год» after it or not) in j's sentence; j when none does.
func (s *scan) ageThenDate(j int) int {
	seg, k := s.toks[j].seg, j
	for n := 0; n < 2 && k < len(s.toks) && s.toks[k].seg == seg; n++ {
		switch t := &s.toks[k]; t.num() {
		case nkUnit, nkTeen, nkTens:
			k++
			continue
		case nkDigits:
			if t.nl <= 3 && n == 0 {
				k++
				continue
			}
		}
		break
	}
	if k == j {
		return j
	}
	if k < len(s.toks) && s.toks[k].seg == seg && isWord(s.norm(k), "лет", "года", "год") {
		k++
	}
	if k >= len(s.toks) || s.toks[k].seg != seg || !s.toks[k].has(tNum) {
		return j
	}
	return k
}

// inSentence returns end, or where token i's sentence ends before it.
func (s *scan) inSentence(i, end int) int {
	for k := i + 1; k < end; k++ {
		if s.toks[k].seg != s.toks[i].seg {
			return k
		}
	}
	return end
}

// ageAfterDative reports whether the numbers [j, end) after «мне», «ему»,
// «ей» are an age, not a date: no month, no year («возраст и дата
// рождения» — «мне семьдесят шесть я с пятидесятого»).
func (s *scan) ageAfterDative(j, end int) bool {
	return end > j && j > 0 && s.toks[j-1].seg == s.toks[j].seg && isWord(s.norm(j-1), "мне", "ему", "ей") && !s.hasYear(j, end) && !s.monthOrDay(j, end)
}

// dativeBirth reports whether the date [i+1, end) after «ему», «ей»,
// «мне» at i is when that one was born: a whole date with its year, not
// a recent one, that closes its sentence or follows a name masked in it.
func (s *scan) dativeBirth(i, end int) bool {
	seg := s.toks[i].seg
	if !s.hasYear(i+1, end) || s.recentYear(i+1, end) || !s.monthOrDay(i+1, end) {
		return false
	}
	if end >= len(s.toks) || s.toks[end].seg != seg {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-8 && s.toks[k].seg == seg; k-- {
		if s.maskedAs(k, Name) {
			return true
		}
	}
	return false
}

// monthOrDay reports whether the date [from, to) says more than its
// year: a month, or a day and a month in digits.
func (s *scan) monthOrDay(from, to int) bool {
	n := 0
	for k := from; k < to; k++ {
		if t := &s.toks[k]; t.has(tMonth) {
			return true
		} else if t.num() == nkDigits && t.nl <= 2 {
			n++
		} else if t.num() == nkOrdinal && k+1 < to && s.toks[k+1].num() == nkOrdinal && lexNumVals[s.toks[k+1].ent] <= 12 {
			return true // the month as an ordinal after the day's («двенадцатое двенадцатого»: block JT)
		}
	}
	return n >= 2
}

// yearSinceBirth returns the end of a year said after «я с», «он с»,
// «она с» at i (the «с»): an ordinal no day can be (32 on: «сорок
// пятого», «пятидесятого», «тридцать шестого»), with «года» if said; or
// i when there is none.
func (s *scan) yearSinceBirth(i int) int {
	if i == 0 || s.toks[i-1].seg != s.toks[i].seg || !isWord(s.norm(i-1), "я", "он", "она") {
		return i
	}
	j, seg := i+1, s.toks[i].seg
	t := &s.toks[j]
	v := int(lexNumVals[t.ent])
	switch {
	case t.num() == nkOrdTens && v >= 40:
		j++
	case t.num() == nkTens && j+1 < len(s.toks) && s.toks[j+1].seg == seg && s.toks[j+1].num() == nkOrdinal && v+int(lexNumVals[s.toks[j+1].ent]) >= 32:
		j += 2
	default:
		return i
	}
	if j < len(s.toks) && s.toks[j].seg == seg && isWord(s.norm(j), "года", "год", "г") {
		j++
	}
	return j
}

// claimBirth claims a date of birth and the correction said right after
// it («17 июля нет 18 июля шестьдесят девятого»).
func (s *scan) claimBirth(from, to int, rule ruleID) {
	if s.clockAt(from, to) || s.numberedNotBirth(from, to, rule) {
		return // an hour and its minutes: «давайте в 12 00»; a room's, a train's number (causes block SN)
	}
	s.claim(Birthdate, rule, from, to)
	j := to
	// (Or the day after the year: «родилась 1996 а день 31 мая».)
	for j < len(s.toks) && j < to+3 && s.toks[j].seg == s.toks[from].seg && (s.toks[j].has(tConn) || isWord(s.norm(j), "день", "число")) && !s.toks[j].has(tNum) {
		j++
	}
	// (Or the month and the day after the year: «я с сорок пятого в
	// декабре третьего».)
	if j == to && j+2 < len(s.toks) && s.toks[j].seg == s.toks[from].seg && s.norm(j) == "в" && s.toks[j+1].has(tMonth) && s.toks[j+2].seg == s.toks[from].seg && s.toks[j+2].has(tNum) && s.hasYear(from, to) {
		j++
	}
	if j > to && j < len(s.toks) && s.toks[j].seg == s.toks[from].seg && s.toks[j].has(tNum|tMonth) {
		if end := s.dateRun(j); end > j {
			s.claim(Birthdate, rule, j, end)
			return
		}
	}
	// The date said again in words right after it, closing the
	// sentence («3 4 1941 третье апреля»).
	if j == to && j < len(s.toks) && s.toks[j].seg == s.toks[from].seg && s.marks[j] == 0 && s.toks[j].num() == nkOrdinal {
		if end := s.dateRun(j); end > j && s.monthOrDay(j, end) && (end == len(s.toks) || s.toks[end].seg != s.toks[from].seg) {
			s.claim(Birthdate, rule, j, end)
			return
		}
	}
	s.birthAfterA(from, to, rule)
}

// birthAfterA claims a second whole date said after «а» in the sentence
// of a date of birth [from, to), three words on at most: a spouse's or a
// child's («я 07 11 1983 а муж 1 мая 80 года»), or the one printed wrongly
// («2 02 1975 а написали 2 02 1957»). Not a recent one nor one after a
// word of time («а платеж был 3 марта 2024», «а записаться хочу на 20
// июня»).
//
// Or a relative's word right after the date, a whole date after it: the
// family's dates in a row («я 14 02 88 жена 2 10 90 сын 21 мая 2016»),
// each read on from the one before.
func (s *scan) birthAfterA(from, to int, rule ruleID) {
	seg := s.toks[from].seg
	if to >= len(s.toks) || s.toks[to].seg != seg {
		return
	}
	kin := s.toks[to].has(tKin)
	if s.norm(to) != "а" && !kin {
		return
	}
	for j := to + 1; j < len(s.toks) && j <= to+4 && s.toks[j].seg == seg; j++ {
		if !s.toks[j].has(tNum | tMonth) {
			continue
		}
		// (A day and a month alone when nothing but a person is named
		// between: «а я 17 мая», «а у мужа 2 июля», the corrected or
		// the other one's.)
		end := s.dateRun(j)
		if end > j && s.marks[j] == 0 && (s.wholeDate(j, end) || !kin && s.personOnly(to+1, j) && s.monthOrDay(j, end)) && !s.recentYear(j, end) &&
			!isWord(s.norm(j-1), "на", "до", "с", "со", "к", "ко", "после", "через", "по", "от", "в", "за") && (!kin || s.personOnly(to, j)) {
			s.claim(Birthdate, rule, j, end)
			if kin {
				s.birthAfterA(j, end, rule)
			}
		}
		return
	}
}

// birthAfterTurned: a day and a month said right after an age and a form
// of «исполниться» («мне 45 исполнилось 12 мая», «61 исполнится 9
// ноября»): the day the age is reached, a date of birth's day and month.
// Not an age with its unit («вкладу 3 года исполнилось 1 марта»: a
// contract's). Run only when a month was said (any).
//
// Its loop reads a date in ordinals alone after «ей», «ему», «мне» too
// (birthOrdinalsAfterDative), which no number run starts.
func (s *scan) birthAfterTurned() {
	for i := 1; i+2 < len(s.toks); i++ {
		t := &s.toks[i]
		if t.nl == 4 || t.nl == 6 {
			// («ей», «ему», «мне»: compared here, a call only for them.)
			if s.toks[i+1].num() == nkOrdinal {
				if w := s.normOf(t); w != "ей" && w != "ему" && w != "мне" {
					continue
				}
				s.birthOrdinalsAfterDative(i)
			}
			continue
		}
		if t.nl != 20 && t.nl != 22 || !isWord(s.normOf(t), "исполнилось", "исполнится", "исполняется") {
			continue
		}
		seg, age := t.seg, &s.toks[i-1]
		if age.seg != seg || !age.has(tNum) || age.num() == nkDigits && age.nl > 2 || s.toks[i+1].seg != seg || s.marks[i+1] != 0 || !s.toks[i+1].has(tNum) {
			continue
		}
		if end := s.dateRun(i + 1); end > i+1 && s.monthOrDay(i+1, end) {
			s.claimBirth(i+1, end, ruleBirthContext)
		}
	}
}

// birthOrdinalsAfterDative masks a whole date of birth said in ordinals
// alone after «ей», «ему», «мне» at token i (the caller's test) («полина рябинина ей
// четырнадцатого ноября семнадцатого», causes block UM, cs-0136): such
// a date starts no number run, which birthAfterPronoun reads from; the
// same test (dativeBirth: a year not recent, the date closing the
// sentence or after a name masked in it).
func (s *scan) birthOrdinalsAfterDative(i int) {
	if s.toks[i+1].seg != s.toks[i].seg || s.toks[i+1].num() != nkOrdinal || s.marks[i+1] != 0 {
		return
	}
	if end := s.dateRun(i + 1); end > i+1 && !s.ageAfterDative(i+1, s.inSentence(i, end)) && s.dativeBirth(i, end) {
		s.claimBirth(i+1, end, ruleBirthContext)
	}
}

// personOnly reports whether the tokens [from, to), one at least, name
// nobody but a person: «я», «у меня», «у мужа», «моя», a relative's word.
func (s *scan) personOnly(from, to int) bool {
	for k := from; k < to; k++ {
		if !s.toks[k].has(tKin) && !isWord(s.norm(k), "я", "у", "меня", "мой", "моя", "он", "она", "его", "ее", "её", "него", "нее", "неё") {
			return false
		}
	}
	return to > from
}

// birthContext: a date that opens a sentence in the 25 s after the date
// of birth was asked for or named, on either side: the answer given a
// turn later («подскажите год рождения» — «семьдесят шестой» — «и число
// месяц» — «третье сентября»), or the operator reading it back
// («третье июня девяносто второго»; on the side that asked, only a date
// with its year). Not a date after «на», «до», «с», «к», «после», «через»
// (an appointment: «записала на 5 мая»).
func (s *scan) birthContext() {
	var buf [8]float64
	var sbuf [8]int32
	others, oseg := buf[:0], sbuf[:0]
	for k := range s.others {
		if e := &s.others[k]; e.dob && len(others) < len(buf) {
			others, oseg = append(others, e.at), append(oseg, e.seg)
		}
	}
	own := -1e9
	since, lastQ := 0, -1e9 // sentences said since the other side's latest question
	lastSeg := int32(-1)
	for _, r := range s.segs {
		for i := r.from; i < r.to; i++ {
			if s.toks[i].has(tBirth) {
				own = s.t1(&s.toks[i]) // the question, or a cue of a date said
			}
		}
		if r.from >= r.to {
			continue
		}
		at := s.t0(&s.toks[r.from])
		asked := false
		for k, c := range others {
			if c <= at+0.5 && at-c <= 25 {
				asked = true
				if c > lastQ {
					lastQ, since, lastSeg = c, 0, oseg[k]
				}
			}
		}
		since++
		mine := at-own <= 25 && at >= own-0.5
		if !asked && !mine {
			continue
		}
		// Answered, and the other side went on to another sentence of
		// theirs: a date now, no year said, answers that one («ваша дата
		// рождения» — «[...]» — «спасибо когда был последний платеж» —
		// «пятнадцатого мая»: a payment's; review rv22b). (With its year
		// it is the date of birth said again: «повторите пожалуйста».)
		// (Russian: hasYear reads no English year in words, «march third
		// nineteen ninety one» said again after «could you repeat that»,
		// labelled en/blind4 eb4-0023.)
		wentOn := s.lang != "en" && asked && !mine && s.birthSince(lastQ, r.from) && s.otherSpokeAfter(lastQ, lastSeg, at)
		j := r.from
		for j < r.to && j < r.from+3 && (s.toks[j].has(tStop|tConn) || s.letter(j)) && !s.toks[j].has(tNum) {
			if isWord(s.norm(j), "на", "до", "с", "со", "к", "ко", "после", "через", "по", "от") {
				j = r.to // an appointment's or a payment's date
				break
			}
			j++
		}
		if j+4 < r.to && s.snilsShaped(j) {
			j += 4 // a SNILS said first, the date after it (numbers masks it)
		} else if e := s.snilsInWords(j, r.to); e > j {
			j = e // (in words: «восемьсот двадцать один ... пятьдесят два двадцать седьмое апреля ...»)
		}
		if j >= r.to || !s.toks[j].has(tNum|tMonth) || s.marks[j] != 0 {
			// Inside the answer, with its year, not after a word of time
			// («на старый новый год 14 января 1961», «ой давно это было
			// 3 марта 1950»; not «я платила 14 января 2025»).
			// Or the operator who asked reading it back («ой уточните муж
			// первого мая восьмидесятого»).
			if asked && since <= 2 || mine && !asked && s.role == schemas.RoleOperator {
				s.birthInside(r.from, r.to)
			}
			continue
		}
		end := s.dateRun(j)
		if s.ageAfterDative(j, end) {
			continue
		}
		// The answer is the next sentence or the one after; a date later
		// on, or on the side that asked, must say its year, unless it is
		// the whole sentence, a day and a month alone: the date read back
		// or confirmed («2 2 2010» — «второе февраля» — «да второе
		// февраля»; an appointment's is said with a preposition or more
		// words).
		bare := end == r.to && s.monthOrDay(j, end) && s.toks[j].num() == nkOrdinal
		if end <= j || !(asked && since <= 2 && !s.birthBefore(j)) && !s.hasYear(j, end) && !bare || s.recentYear(j, end) || wentOn && !s.hasYear(j, end) {
			continue
		}
		s.claimBirth(j, end, ruleBirthContext)
	}
}

// birthSince reports whether a date of birth was masked on the channel
// after at and before token i.
func (s *scan) birthSince(at float64, i int) bool {
	for k := range s.found {
		if f := &s.found[k]; typeAt[f.typ] == Birthdate && f.rule != ruleDropped && f.to <= i && s.t0(&s.toks[f.from]) >= at {
			return true
		}
	}
	return false
}

// otherSpokeAfter reports whether the other side said a sentence of four
// words or more, other than the one of segment seg, after at and before
// to.
func (s *scan) otherSpokeAfter(at float64, seg int32, to float64) bool {
	for k := range s.othersSpoke {
		if e := &s.othersSpoke[k]; e.said && e.seg != seg && e.at > at && e.at <= to {
			return true
		}
	}
	return false
}

// birthInside claims the first date with its year, and not a recent
// one, in the sentence [from, to), unless a preposition of time is right
// before it.
// noDatePart reports whether token j is digits no date has: three, or
// four that are no year.
func (s *scan) noDatePart(j int) bool {
	w := s.norm(j)
	switch s.toks[j].num() {
	case nkDigits:
		return len(w) == 3 || len(w) == 4 && !year(w)
	case nkHundred:
		// Hundreds in words are a year's only after its thousand
		// («тысяча девятьсот»): «восемьсот двадцать один триста
		// одиннадцать ... двадцать седьмое апреля» is a SNILS, then
		// the date.
		return j == 0 || s.toks[j-1].seg != s.toks[j].seg || s.toks[j-1].num() != nkThousand
	}
	return false
}

func (s *scan) birthInside(from, to int) {
	for j := from + 1; j < to; j++ {
		// (A number before it is the date's own part, unless it ends
		// a SNILS said first: «657 189 061 36 15 января 1986».)
		if !s.toks[j].has(tNum|tMonth) || s.marks[j] != 0 || s.toks[j-1].has(tNum|tMonth) && !s.noDatePart(j-1) && !s.snilsShaped(j-4) {
			continue
		}
		// (Nor the rest of a number in hundreds: «поезд сто двадцать
		// пятый», «команды двести семьдесят пять двадцатого»; a year's
		// hundreds come after its thousand: causes block RL.)
		if s.toks[j-1].num() == nkHundred && !(j-2 >= from && s.toks[j-2].num() == nkThousand) {
			continue
		}
		end := s.dateRun(j)
		if end <= j {
			continue
		}
		// (Not a group inside a card's or an account's digits: «карту
		// 5536 4472 1936 3673».)
		if s.toks[j-1].num() == nkDigits && end < to && s.toks[end].seg == s.toks[j].seg && s.toks[end].num() == nkDigits {
			continue
		}
		// (Nor a document's issue date: «удостоверение выдано 30 07
		// 2010», causes block VB.)
		if s.hasYear(j, end) && !s.recentYear(j, end) && !isWord(s.norm(j-1), "на", "до", "с", "со", "к", "ко", "после", "через", "по", "от", "в", "за") && !issueWord(s.norm(j-1)) {
			s.claimBirth(j, end, ruleBirthContext)
		}
		return
	}
}

// hasYear reports whether the date [from, to) says its year: four digits,
// «девяносто второго», «две тысячи третьего».
func (s *scan) hasYear(from, to int) bool {
	for i := from; i < to; i++ {
		t := &s.toks[i]
		if relativeYear(s.normOf(t)) {
			return true
		}
		// (And a thousand, then a unit's or a teen's ordinal: «две
		// тысячи шестнадцатого».)
		// (Tens and an ordinal before a month are a day, not a year:
		// «двадцать восьмого апреля в восемнадцать тридцать».)
		// An ordinal with «года» after it is one («девятнадцатого года
		// двадцать первого июля»).
		if year(s.normOf(t)) || t.num() == nkOrdThous || t.num() == nkTens && i+1 < to && s.toks[i+1].num() == nkOrdinal && !(i+2 < len(s.toks) && s.toks[i+2].seg == t.seg && s.toks[i+2].has(tMonth)) || t.num() == nkOrdTens && i > from ||
			t.num() == nkOrdinal && i+1 < to && isWord(s.norm(i+1), "года", "году") ||
			t.num() == nkThousand && i+1 < to && s.toks[i+1].num() == nkOrdinal || s.ordinalYear(i, from) {
			return true
		}
	}
	return false
}

// ordinalYear reports whether token i, an ordinal in the genitive after a
// day and a month's genitive from from on, is a two-digit year said as
// people say it («восьмое августа двенадцатого», «второе марта
// одиннадцатого»: 2012, 2011); not a day after a month in the
// prepositional («в декабре третьего»).
func (s *scan) ordinalYear(i, from int) bool {
	t := &s.toks[i]
	if t.num() != nkOrdinal || i-2 < from || !s.toks[i-1].has(tMonth) || !s.toks[i-2].has(tNum) {
		return false
	}
	w, m := s.normOf(t), s.norm(i-1)
	return (strings.HasSuffix(w, "ого") || strings.HasSuffix(w, "его")) && (strings.HasSuffix(m, "я") || strings.HasSuffix(m, "а"))
}

// wholeDate reports whether the date [from, to) has its year: said as
// one (hasYear), or a day, a month and a two-digit year («12 12 90»,
// «15 августа 93»).
func (s *scan) wholeDate(from, to int) bool {
	if s.hasYear(from, to) {
		return true
	}
	parts := 0
	for i := from; i < to; i++ {
		t := &s.toks[i]
		if t.num() == nkDigits && len(s.normOf(t)) > 2 {
			return false // no day, month or two-digit year: «8 925 614 20 77» is a phone
		}
		// (An ordinal in words is a part too, a day, a month or a
		// two-digit year: «седьмое ноль второе пятнадцатого», «двадцатое
		// марта двадцать третьего»; bz, cd; causes block QU.)
		if t.has(tMonth) || t.num() == nkDigits || t.num() == nkOrdinal {
			parts++
		}
	}
	return parts >= 3
}

// kinAsked reports whether the other side asked, in the 25 s before at,
// for a relative's or a child's name or date («имя ребенка», «дата
// рождения сына»).
func (s *scan) kinAsked(at float64) bool {
	for k := range s.others {
		if e := &s.others[k]; e.kin && e.at <= at+0.5 && at-e.at <= 25 {
			return true
		}
	}
	return false
}

// birthBefore reports whether a date of birth with its year (in words,
// four digits or two: birthShaped) was masked on this channel before
// token i.
func (s *scan) birthBefore(i int) bool {
	for k := range s.found {
		if f := &s.found[k]; typeAt[f.typ] == Birthdate && f.to <= i && (s.hasYear(f.from, f.to) || s.birthShaped(f.from, f.to)) {
			return true
		}
	}
	return false
}

// recentYear reports whether the date [from, to) has a four-digit year
// from 2020 on: a payment's, a contract's date.
// yearSince reports whether a date from to to has a year from since on:
// four digits, or a year said with «тысяча» («две тысячи пятнадцатого»).
func (s *scan) yearSince(from, to int, since string) bool {
	for i := from; i < to; i++ {
		if w := s.norm(i); year(w) && w >= since || s.toks[i].num() == nkThousand || s.toks[i].num() == nkOrdThous {
			return true
		}
	}
	return false
}

func (s *scan) recentYear(from, to int) bool {
	for i := from; i < to; i++ {
		if w := s.norm(i); year(w) && w >= "2020" || relativeYear(w) {
			return true
		}
	}
	return false
}

// relativeYear reports whether w, before «года», says a year by when it
// was: «этого года», «прошлого года».
func relativeYear(w string) bool {
	return isWord(w, "этого", "прошлого", "позапрошлого", "текущего", "нынешнего")
}

// childSpoken reports whether the speaker spoke of a child in the minute
// before token i («хочу записать дочку ...», «у меня ребёнок сдал ...»):
// the name they give then is the child's, and a recent year its date of
// birth («кравец маргарита 27 09 2018», «варвара зуева 10 10 2020»:
// causes block KZ).
func (s *scan) childSpoken(i int) bool {
	at := s.t0(&s.toks[i])
	for j := i - 1; j >= 0 && at-s.t0(&s.toks[j]) <= 60; j-- {
		if s.toks[j].has(tKin) && isWord(s.norm(j), "ребенок", "ребенка", "ребенку", "ребенком", "дочка", "дочку", "дочки", "дочке", "дочкой", "дочь", "дочери",
			"сын", "сына", "сыну", "сыном", "внук", "внука", "внуку", "внучка", "внучку", "внучки", "внучке") {
			return true
		}
	}
	return false
}

// birthAfterName: a date said right after a full name («рябова кристина
// юрьевна 28 01 1990», «ефремов олег пятого пятого семьдесят пятого»):
// the person's date of birth, as forms and data checks ask for them.
func (s *scan) birthAfterName() {
	for k := range s.found {
		f := &s.found[k]
		if typeAt[f.typ] != Name || f.to >= len(s.toks) {
			continue
		}
		j := f.to
		if s.toks[j].seg != s.toks[f.from].seg || s.marks[j] != 0 {
			continue
		}
		// A first name alone, then a whole date with its year, closing the
		// sentence or before the next relative's word: «богдан 12 12 90»,
		// «алина 15 августа 1993», «сын артем восьмое августа двенадцатого
		// дочь ...».
		if f.to-f.from < 2 {
			if end := s.dateRun(j); end > j && (end >= len(s.toks) || s.toks[end].seg != s.toks[j].seg || s.toks[end].has(tKin)) && s.wholeDate(j, end) && (!s.recentYear(j, end) || s.childSpoken(f.from)) {
				s.claimBirth(j, end, ruleBirthName)
			}
			continue
		}
		// «мельникова клавдия ефимовна с тридцать седьмого года»: the
		// year one was born in, said with «с ... года».
		if s.norm(j) == "с" && j+1 < len(s.toks) && s.toks[j+1].seg == s.toks[j].seg && s.toks[j+1].has(tNum) && s.marks[j+1] == 0 {
			if end := s.dateRun(j + 1); end > j+1 && s.norm(end-1) == "года" && s.hasYear(j+1, end) && !s.recentYear(j+1, end) {
				s.claimBirth(j+1, end, ruleBirthName)
			}
			continue
		}
		if !s.toks[j].has(tNum | tMonth) {
			continue
		}
		// With its year, and not a recent one: «игорь павлович 15 марта
		// у вас платеж» is a payment's date.
		// A child's is recent: «ребенок богданова алиса 07 10 2022».
		// Or one asked for with a child's or a relative's word («имя
		// ребенка» — «мирон александрович 3 января 2024»).
		// A day, a month and a two-digit year closing the sentence too
		// («денисова ульяна 11 9 97»), as after a first name alone.
		if end := s.dateRun(j); end > j && (s.hasYear(j, end) || s.wholeDate(j, end) && (end >= len(s.toks) || s.toks[end].seg != s.toks[j].seg)) && (!s.recentYear(j, end) || f.from > 0 && s.toks[f.from-1].has(tKin) || s.kinAsked(s.t0(&s.toks[f.from])) || s.childSpoken(f.from)) {
			s.claimBirth(j, end, ruleBirthName)
		}
	}
}

// answers calls f with the first token of each segment of this channel
// that starts within 10 s after a cue of the other side that want accepts.
func (s *scan) answers(want func(cueEvent) bool, f func(first int)) {
	// The times of the cues want accepts (a question or two of a call),
	// picked once, not once per segment.
	var buf [16]float64
	ats := buf[:0]
	for k := range s.others {
		if e := &s.others[k]; want(*e) {
			ats = append(ats, e.at)
		}
	}
	if len(ats) == 0 {
		return
	}
	for _, r := range s.segs {
		first := r.from
		if first >= r.to {
			continue
		}
		at := s.t0(&s.toks[first])
		for _, q := range ats {
			if q <= at+0.5 && at-q <= 10 {
				f(first)
				break
			}
		}
	}
}

// amountAdverb: an adverb of how much, how often or when said before a
// sum, no street's name: «вот а обычно пятьсот», «раньше 450»,
// «примерно 600» said after a trip's question («откуда и куда ехали»),
// whose talk goes on to the fare (rv26, session 21).
func amountAdverb(w string) bool {
	return isWord(w, "обычно", "раньше", "примерно", "приблизительно", "около", "ровно", "почти", "всего", "итого", "максимум", "минимум", "всегда", "тогда", "потом", "сейчас", "теперь",
		"вчера", "сегодня", "позавчера", "утром", "вечером", "днем", "днём", "ночью", "обратно", "туда", "оттуда")
}

// letterOpens reports whether the word w after «как» may be what the
// letter l before it is spelled as: l a letter's name («эс», «ка») or a
// Latin letter, or a single Cyrillic letter w starts with («е как
// елена»; not «а как к ним»).
func letterOpens(l, w string) bool {
	r, n := utf8.DecodeRuneInString(l)
	if n != len(l) || r < 'а' || r > 'я' && r != 'ё' {
		return true
	}
	f, _ := utf8.DecodeRuneInString(w)
	return f == r || r == 'е' && f == 'ё' || r == 'ё' && f == 'е'
}

// adjectival reports whether w reads as an adjective: «ленинский»
// (проспект), «садовая» (улица).
func adjectival(w string) bool { return adjectiveEndings.of(w, 5) }

var adjectiveEndings = newEndingSet([]string{"ий", "ый", "ой", "ая", "яя", "ое", "ом", "ском", "ской", "ого", "ую", "street"})

// addressFamily: the address rules start from a street's word
// (tStreet), an address's (tAddrCue: «адрес», «прописка», «живу»), a
// house's (tHouse) or a settlement's (tSettle), a trip's (tTrip:
// «такси», «едем», «поездка», tripAddresses), or the other side's
// question for an address or where a trip goes (othersTrip: «куда
// едем»). tripAddresses and streetsCorrected read a house's number
// (needs tNum).
var addressFamily = family{
	starts: tStreet | tAddrCue | tHouse | tSettle | tTrip,
	asks:   othersAddr | othersTrip,
	rules: []familyRule{{run: (*scan).addresses}, {run: (*scan).tripAddresses, needs: tNum}, {run: (*scan).fieldAnswers}, {run: (*scan).houseAnswer, asks: othersAddr}, {run: (*scan).addressSaidAgain, after: typesOf(Address)},
		{run: (*scan).addressDenied, after: typesOf(Address)}, {run: (*scan).streetsGoOn, needs: tNum}},
}

// streetsCorrected: a street with no street word corrected in a sentence
// of its own, «не X N а Y M» («не строителей 15 а строителей 51», «не
// садовая 12 а луговая 12»; causes block RS2): both halves are the
// address when each is a street's shape (streetShaped, no ordinal: «не
// первого 15 а второго 20» is a date's) and a house's number, the second
// with what of its house follows, and the sentence is no more (but the
// flat the next sentence may give).
func (s *scan) streetsCorrected() {
	street := func(i, to int) bool {
		return i+1 < to && s.marks[i] == 0 && s.marks[i+1] == 0 && s.nameWord(i) && s.toks[i].num() != nkOrdinal && !s.toks[i].has(tMonth|tStop|tCue|tTrap) &&
			s.streetShaped(i, i+1) && s.toks[i+1].num() == nkDigits && s.houseNumberWord(i+1)
	}
	for _, r := range s.segs {
		k := r.from
		if r.to-r.from < 5 || s.norm(k) != "не" || !street(k+1, r.to) || s.norm(k+3) != "а" || !street(k+4, r.to) {
			continue
		}
		// (Its flat may follow in the next sentence: «кв 112».)
		end, house := s.houseRun(k + 5)
		if !house || end < r.to {
			continue
		}
		s.claimAddress(k+1, k+3, ruleAddressStreet)
		s.claimAddress(k+4, end, ruleAddressStreet)
	}
}

// streetTitle: the title of whom a street is named after, said before
// the name in the genitive («маршала жукова», «академика королёва»).
func streetTitle(w string) bool {
	return isWord(w, "маршала", "генерала", "адмирала", "академика", "героя", "космонавта", "писателя", "поэта", "профессора", "композитора", "летчика", "лётчика")
}

// addressDenied masks a street said and taken back by «нет» right before
// a masked address in its sentence («москва проспект абая нет [улица абая
// 26]», «3 и 4 квартал нет [4 квартал д 7 кв 61]»: bv): the street's word
// and its name after it, or the numbers before it, in the three words
// before «нет» — the speaker's own address, said wrong first. Run only
// when an address was masked.
func (s *scan) addressDenied() {
	for k, n := 0, len(s.found); k < n; k++ {
		f := s.found[k]
		no := f.from - 1
		if typeAt[f.typ] != Address || f.rule == ruleDropped || no < 1 || s.toks[no].seg != s.toks[f.from].seg || s.norm(no) != "нет" {
			continue
		}
		seg := s.toks[no].seg
		street := -1
		for j := no - 1; j >= 0 && j >= no-3 && s.toks[j].seg == seg && s.marks[j] == 0 && street < 0; j-- {
			if s.toks[j].has(tStreet) {
				street = j
			}
		}
		if street < 0 {
			continue
		}
		from := street
		if street == no-1 {
			// The number before its word: «4 квартал», «3 и 4 квартал».
			for from > 0 && from > street-3 && s.toks[from-1].seg == seg && s.marks[from-1] == 0 && (s.toks[from-1].has(tNum) || s.norm(from-1) == "и" && from-2 >= 0 && s.toks[from-2].has(tNum)) {
				from--
			}
			if from == street {
				continue // a street's word alone names no street
			}
		} else {
			// Its name after it: words no list knows as anything else.
			ok := true
			for j := street + 1; j < no && ok; j++ {
				ok = !s.toks[j].has(tStop | tCue | tTrap | tUnit | tConn | tNum | tHouse)
			}
			if !ok {
				continue
			}
		}
		s.claim(Address, ruleAddressStreet, from, no)
	}
}

// houseWordIn reports whether a token of [from, to) is a house's word
// («дом», «квартира», «корпус»).
func (s *scan) houseWordIn(from, to int) bool {
	for k := from; k < to; k++ {
		if s.toks[k].has(tHouse) {
			return true
		}
	}
	return false
}

// houseAnswer masks a house with no street answering the other side's
// question for an address (causes block HB: «адрес подключения» — «дом
// 31 улиц у нас нет»): the answer opens, after two function words at
// most, with a house's word and its number (under 1000, no unit after
// it, no word of what the house has: «дом 2 этажа», «дом 1985 года» are
// kept).
func (s *scan) houseAnswer() {
	s.answers(func(e cueEvent) bool { return e.addr }, func(first int) {
		seg := s.toks[first].seg
		i := first
		for i < len(s.toks) && i < first+2 && s.toks[i].seg == seg && s.toks[i].has(tStop|tConn|tFiller) && !s.toks[i].has(tHouse|tNum) {
			i++
		}
		if i+1 >= len(s.toks) || s.toks[i].seg != seg || s.toks[i+1].seg != seg || s.marks[i] != 0 || !isWord(s.norm(i), "дом", "д") || !s.toks[i+1].has(tNum) {
			return
		}
		v, end := s.smallNumber(i + 1)
		if v == 0 || v >= 1000 || s.quantityAfter(end) || end < len(s.toks) && s.toks[end].seg == seg && houseHasWord(s.norm(end)) {
			return
		}
		if e, house := s.houseRun(i + 1); house && e > end {
			end = e
		}
		s.claim(Address, ruleAddressCue, i, end)
	})
}

// houseHasWord: a word of what a house has, said after a number right
// after «дом» («дом 2 этажа», «дом 1985 года»): the number is no house's
// (houseAnswer, streetBeforeHouse).
func houseHasWord(w string) bool {
	return isWord(w, "этаж", "этажа", "этажей", "этажный", "комнаты", "комнат", "сотки", "соток", "года", "лет", "квадратов", "метров")
}

// addressSaidAgain masks what the speaker says of an address right after
// it, in one of their next two sentences within 20 s (causes block GL):
// one of its numbers said again alone, repeated or correcting a wrong
// read-back («нет 54», «девятнадцать квартира»: a correction word, a
// house's or a flat's word around it at most, no unit after it). The
// entrance and the floor said next («подъезд 2 этаж 5», «да а подъезд
// второй») are kept: issue 13's address is the street, the house and
// the flat. Run only when an address was masked.
func (s *scan) addressSaidAgain() {
	for k, n := 0, len(s.found); k < n; k++ {
		f := s.found[k]
		if typeAt[f.typ] != Address || f.rule == ruleDropped {
			continue
		}
		// A house's or a flat's word closing the sentence right after it,
		// its number not said («сто шестьдесят дом восемьдесят восемь
		// квартира»): the address's.
		if e := f.to; e < len(s.toks) && s.toks[e].seg == s.toks[e-1].seg && s.marks[e] == 0 && s.toks[e].has(tHouse) &&
			(e+1 == len(s.toks) || s.toks[e+1].seg != s.toks[e].seg) {
			s.claim(Address, ruleAddressFlat, e, e+1)
		}
		// The tens of an ordinal the address opens with, a street named
		// by a date («[двадцать] шестого бакинских комиссаров 9 кв 40»:
		// causes block IF): the ordinal's first word.
		if b := f.from - 1; b >= 0 && s.toks[b].seg == s.toks[f.from].seg && s.marks[b] == 0 && s.toks[b].num() == nkTens && s.toks[f.from].num() == nkOrdinal {
			s.claim(Address, ruleAddressFlat, b, f.from)
		}
		// Number words written together by the recognizer right after
		// its number, the rest of it («квартира сто [семьдесятдва]»: cb).
		if e := f.to; e < len(s.toks) && s.toks[e].seg == s.toks[e-1].seg && s.marks[e] == 0 && s.toks[e-1].has(tNum) && s.toks[e].ent == 0 && s.toks[e].nl >= 12 && s.lang == "ru" {
			var parts [3]numWord
			if s.gluedNumberWords(s.norm(e), &parts, 0) > 0 {
				s.claim(Address, ruleAddressFlat, e, e+1)
			}
		}
		si := s.sentenceEnding(f.to) // the address's last sentence, in the sentences loaded
		// The address's numbers: their digits one after another in digs
		// (on the stack: an allocation each was most of what the rule
		// cost), each by its offsets.
		var dbuf [32]byte
		var nbuf [8][2]int
		digs, nums := dbuf[:0], nbuf[:0]
		var z zone
		for i := f.from; i < f.to; i++ {
			if s.toks[i].has(tNum) && s.isRunStart(i) && (i == f.from || !s.toks[i-1].has(tNum)) {
				s.readZone(i, &z, 0)
				if d := s.zoneDigits(&z); d != "" && len(d) <= 4 {
					nums = append(nums, [2]int{len(digs), len(digs) + len(d)})
					digs = append(digs, d...)
				}
			}
		}
		// (Or, after a correction word, said with two or more of its
		// digits in another order: «[улица победы 8 квартира 143]» —
		// «победы восемь квартира сто сорок три» — «нет сто тридцать
		// четыре», the speaker's own slip corrected: cp.)
		said := func(d string, corrected bool) bool {
			for _, n := range nums {
				if a := string(digs[n[0]:n[1]]); a == d || corrected && len(d) >= 2 && sameDigits(a, d) {
					return true
				}
			}
			return false
		}
		end := s.t1(&s.toks[f.to-1])
		flat := false
		for i := f.from; i < f.to && !flat; i++ {
			flat = s.toks[i].has(tFlat)
		}
		if flat && si < len(s.segs) {
			s.otherFlats(f.to, s.segs[si].to)
		}
		for sj, nth := s.nextSentence(si), 1; sj < len(s.segs) && nth <= 2; sj, nth = s.nextSentence(sj), nth+1 {
			r := s.segs[sj]
			if s.t0(&s.toks[r.from])-end > 20 {
				break
			}
			if flat {
				s.otherFlats(r.from, r.to)
			}
			j, corrected := r.from, false
			for j < r.to && j < r.from+2 && !s.toks[j].has(tNum) && (s.toks[j].has(tConn|tFiller) || correctionWord(s.norm(j))) {
				corrected = corrected || correctionWord(s.norm(j))
				j++
			}
			// The entrance and the floor said next («подъезд 2 этаж 5», «да
			// а подъезд второй») are kept: no part of the address (issue
			// 13: street, house, flat).
			if e := s.entranceAndFloor(j, r.to); nth == 1 && e > j {
				continue
			}
			if j < r.to && isWord(s.norm(j), "квартира", "кв", "дом") {
				j++
			}
			if j >= r.to || !s.toks[j].has(tNum) || s.marks[j] != 0 || !s.isRunStart(j) {
				continue
			}
			s.readZone(j, &z, 0)
			e := z.to
			if e < r.to && isWord(s.norm(e), "квартира", "кв", "дом") {
				e++
			}
			// (The number confirmed, the sentence going on: «сто
			// пятьдесят да подъезд шестой», «двадцать пять дом да а
			// квартира шестьдесят шесть»: bv, cp.)
			if e < r.to && isWord(s.norm(e), "да", "верно", "правильно") {
				e = r.to
			}
			if e != r.to || z.to > j+3 || !said(s.zoneDigits(&z), corrected) {
				continue
			}
			s.claim(Address, ruleAddressFlat, j, z.to)
		}
	}
}

// entranceAndFloor returns where an entrance and a floor said together
// from token j end, in either order, each number before or after its
// word, in digits or ordinals («подъезд 2 этаж 5», «второй подъезд этаж
// пятый», «этаж 4 подъезд 1»), opening the sentence that ends at to; j
// otherwise.
func (s *scan) entranceAndFloor(j, to int) int {
	for _, order := range [2][2]string{{"подъезд", "этаж"}, {"этаж", "подъезд"}} {
		if k := s.addressPiece(j, to, order[0]); k > 0 {
			if e := s.addressPiece(k, to, order[1]); e > k {
				return e
			}
		}
	}
	return j
}

// addressPiece returns where the piece of an address named by word
// («подъезд», «этаж») and its small number, in either order, from token
// k ends, before to; -1 when none starts there.
func (s *scan) addressPiece(k, to int, word string) int {
	if k+1 >= to {
		return -1
	}
	small := func(i int) bool {
		return s.toks[i].num() == nkOrdinal || s.houseNumberWord(i) && len(s.norm(i)) <= 2
	}
	if s.norm(k) == word && small(k+1) {
		return k + 2
	}
	if small(k) && s.norm(k+1) == word {
		return k + 2
	}
	return -1
}

// otherFlats masks, between from and to, another flat of the house of a
// masked address with a flat in it, named by its ordinal after a
// preposition, the flat's word understood («а соседи в шестнадцатой»,
// «течет из тридцать третьей», «они в пятьдесят четвертой живут»): a
// feminine form (-ой, -ей) and no noun of its own after it («в первой
// половине месяца», «в двадцать первой декаде» are kept).
func (s *scan) otherFlats(from, to int) {
	for k := from; k+1 < to; k++ {
		if s.marks[k] != 0 || !isWord(s.norm(k), "в", "во", "из", "с", "со", "от", "к", "над", "под") || !s.toks[k+1].has(tNum) && s.norm(k+1) != "третьей" {
			continue
		}
		e := k + 1
		for e < to && e < k+3 && s.marks[e] == 0 && (s.toks[e].num() == nkHundred || s.toks[e].num() == nkTens) {
			e++
		}
		// («третьей», the one feminine form the dates' lexicon lacks.)
		if e >= to || s.marks[e] != 0 || s.toks[e].num() != nkOrdinal && s.toks[e].num() != nkOrdTens && s.norm(e) != "третьей" {
			continue
		}
		if w := s.norm(e); !strings.HasSuffix(w, "ой") && !strings.HasSuffix(w, "ей") {
			continue
		}
		e++
		if e < to && s.toks[e].has(tFlat) {
			e++ // «в пятой квартире»
		} else if e < to && !s.toks[e].has(tStop|tConn|tFiller) && nounCase(s.norm(e)) {
			continue
		}
		s.claim(Address, ruleAddressFlat, k+1, e)
		k = e - 1
	}
}

// nounCase reports whether w ends as a feminine or neuter noun in the
// case an ordinal in -ой/-ей governs (-е, -и, -у, -ю: «половине»,
// «очереди»); verbs and adverbs end otherwise («живут», «шумят»).
func nounCase(w string) bool {
	return strings.HasSuffix(w, "е") || strings.HasSuffix(w, "и") || strings.HasSuffix(w, "у") || strings.HasSuffix(w, "ю")
}

// fieldAnswers masks an address taken down field by field: the answer to
// the other side's question for one field, asked with its word alone
// (fieldAsked: «улица», «номер дома», «квартира»), when the answer is the
// speaker's first sentence after it, in the 10 s after it, nothing said
// by the other side between, and is the whole of that sentence («так»,
// «ну», «нет», «да» before it at most): a street's name after «улица»,
// one to three words with no number, no house's word and no function
// word («маршала жукова», «проспект мира»); a house's or a flat's number
// after a house's or a flat's word, numbers with a house's letter or
// «корпус» between them, six words at most, no unit («сорок три», «семь
// б», «35 корпус 2»). What the form asks next with no such word («этаж»,
// «код домофона», «сколько комнат») is answered in a later sentence and
// kept.
func (s *scan) fieldAnswers() {
	for si, r := range s.segs {
		if r.from >= r.to || s.marks[r.from] != 0 {
			continue
		}
		at := s.t0(&s.toks[r.from])
		var q *cueEvent
		for k := range s.others {
			if e := &s.others[k]; e.justBefore(at) && (q == nil || e.at >= q.at) {
				q = e
			}
		}
		if q == nil || q.field == 0 {
			s.streetBeforeField(si)
			continue
		}
		// (Nothing else said by the other side since: a sentence of
		// theirs after the question's own.)
		said := false
		for k := range s.othersSpoke {
			if e := &s.othersSpoke[k]; e.said && e.seg != q.seg && e.at > q.at && e.at <= at+0.5 {
				said = true
			}
		}
		if said {
			continue
		}
		// The speaker's first sentence after the question.
		if si > 0 && s.segs[si-1].from < s.segs[si-1].to && s.t0(&s.toks[s.segs[si-1].from]) > q.at {
			continue
		}
		j := r.from
		for j < r.to && j < r.from+2 && isWord(s.norm(j), "так", "ну", "нет", "да", "вот") {
			j++
		}
		if j == r.to || r.to-j > 6 {
			continue
		}
		if q.field == 1 {
			if r.to-j > 3 {
				continue
			}
			ok := true
			for k := j; k < r.to && ok; k++ {
				t := &s.toks[k]
				ok = isLetters(s.norm(k)) && !t.has(tNum|tHouse|tStop|tConn|tCue|tTrap|tNameCue|tUnit|tMonth|tFiller|tOperator)
			}
			if ok {
				s.claimAddress(j, r.to, ruleAddressCue)
			}
			continue
		}
		nums, ok := 0, true
		for k := j; k < r.to && ok; k++ {
			t := &s.toks[k]
			switch {
			case t.has(tNum) && !t.has(tUnit):
				nums++
			case k > j && s.letter(k) && (k+1 == r.to || s.toks[k+1].has(tNum|tHouse)):
			case k > j && t.has(tHouse) && k+1 < r.to && s.toks[k+1].has(tNum):
			default:
				ok = false
			}
		}
		if ok && nums > 0 {
			s.claimAddress(j, r.to, ruleAddressCue)
		}
	}
}

// streetBeforeField masks a street said alone, its word and its name the
// whole of the speaker's sentence («так», «ну», «да» before them at
// most), when the other side's next sentence, in the 10 s after it, asks
// for the house's or the flat's number with its word alone («бульвар
// гагарина» — «дом» — «12»): the street of an address being taken down
// field by field. A street named with other words («это на шоссе
// энтузиастов рядом с метро») or followed by another question is kept.
func (s *scan) streetBeforeField(si int) {
	r := s.segs[si]
	j := r.from
	for j < r.to && j < r.from+2 && isWord(s.norm(j), "так", "ну", "да", "вот") {
		j++
	}
	if r.to-j < 2 || r.to-j > 4 || !s.toks[j].has(tStreet) {
		return
	}
	for k := j + 1; k < r.to; k++ {
		t := &s.toks[k]
		if !isLetters(s.norm(k)) || t.has(tNum|tHouse|tStreet|tStop|tConn|tCue|tTrap|tNameCue|tUnit|tMonth|tFiller|tOperator) {
			return
		}
	}
	end := s.t1(&s.toks[r.to-1])
	var q *cueEvent
	for k := range s.others {
		if e := &s.others[k]; !e.own && e.at > end && e.at-end <= 10 && (q == nil || e.at < q.at) {
			q = e
		}
	}
	if q == nil || q.field != 2 {
		return
	}
	for k := range s.othersSpoke {
		if e := &s.othersSpoke[k]; e.said && e.seg != q.seg && e.at > end && e.at < q.at {
			return
		}
	}
	s.claimAddress(j, r.to, ruleAddressCue)
}

// addresses: a street word with a name and a house number: «улица ленина
// дом пять квартира двенадцать», «ленинский проспект 15 кв 7», «12 main
// street apartment 4»; the house first («квартира 54 дом 12 улица
// маршала жукова»); the settlement first («снт березка участок 118»; a
// village's name is kept: «деревня ивановка [улица полевая дом семь]»);
// or a flat number («квартира 45»,
// «ново садовая 106 корпус 3 квартира 44»).
func (s *scan) addresses() {
	for _, c := range s.starts {
		i := int(c)
		t := &s.toks[i]
		if !t.has(tStreet) || s.marks[i] != 0 {
			continue
		}
		if lineWord(s.norm(i)) && !s.lineStreet(i) {
			continue
		}
		start := i
		// (Not a village's name: «посёлок светлый улица лесная», kept.)
		if i > 0 && (adjectival(s.norm(i-1)) || dativeAdjective(s.norm(i-1))) && !s.toks[i-1].has(tStop|tCue|tTrap) && s.toks[i-1].seg == t.seg &&
			!(i > 1 && s.toks[i-2].seg == t.seg && s.toks[i-2].has(tSettle) && villageWord(s.norm(i-2))) {
			start = i - 1
		}
		if lineWord(s.norm(i)) && s.toks[i-1].has(tNum) {
			start = i - 1 // «7 линия участок 212»
		}
		if i > 1 && s.toks[i-2].has(tNum) && isWord(s.norm(i-1), "я", "й", "ая", "ой", "ья") && s.toks[i-2].seg == t.seg {
			start = i - 2 // «2 я улица машиностроения»
		}
		if start > 1 && s.ordinalApart(start) {
			start -= 2 // «2 я садовая улица»
		}
		if start > 0 && s.ordinalInName(start-1) {
			start-- // «третий почтовый проезд», «вторая садовая улица»
		}
		// The street said twice: «улица маршала жукова улица маршала
		// жукова дом 7» (the first time has no house after it).
		if k := s.streetRepeated(i); k > 0 && i-k < start {
			start = i - k
		}
		enHouse := false
		if s.lang == "en" && i > 0 {
			// «12 main street»: the house number and the name come first.
			// Only in the street's own sentence: the number closing the
			// sentence before is no house of it («it's s p 4 4 0 9 1 7 2»
			// — «1420 maple avenue», «november 2nd 1962» — «18 bay
			// street»).
			k := i
			for n := 0; k > 0 && n < 4 && s.toks[k-1].seg == t.seg && !s.toks[k-1].has(tStop|tCue|tTrap|tUnit); n++ {
				k--
			}
			// (A day's ordinal in digits is no house number: «on 5th
			// avenue», «to 3rd street» name a street, not an address.)
			// (Nor one in words: «a dentist on fourth street», «the hotel
			// on twenty third street»; nor a zero said alone: «oh she's
			// got way more», «oh that's way better»; nor a number right
			// before the street's word, with no name between: «one way
			// returns are ...».)
			for k < i && (!s.toks[k].has(tNum) || s.digitOrdinal(k) || s.enStreetOrdinal(k) || s.enZeroAlone(k)) {
				k++
			}
			if k < i && s.toks[i-1].has(tNum) && !s.digitOrdinal(i-1) && !s.enStreetOrdinal(i-1) {
				k = i
			}
			// (Nor with a function word or a quantifier right before the
			// street's word: «two buses each way», «the other way».)
			if w := s.norm(i - 1); k < i && (enFunctionWord(w) || isWord(w, "each", "every", "either", "other", "another", "any", "some", "all", "both", "half", "long", "wrong")) {
				k = i
			}
			if k < i {
				start = s.enHouseStart(k)
				enHouse = true
			}
		}
		// The house first: «квартира 54 дом 12 улица ...», «дом 17 по
		// улице зорге», «дом десять квартира пятнадцать на улице лесной»,
		// «дом 12 корпус 3 это проспект вернадского».
		before := s.houseBefore(start)
		if before == start && start > 1 && isWord(s.norm(start-1), "по", "на", "это") {
			if b := s.houseBefore(start - 1); b < start-1 {
				before = b
			}
		}
		// The street's name: up to three words (ordinals and numbers too:
		// «8 марта», «25 лет октября»).
		j := i + 1
		// (In English the name came before the street's word: the words
		// after it are no name of it, a postcode's letters and digits
		// aside: «22 elm road sorry ...», «on fifth avenue which is ...»;
		// «22 elm road k b 4 9 d n».)
		// (Nor a number right after «улица» when the client named the
		// street before it: «тихая улица 4» — the house, causes block UV;
		// an office's «невский проспект 44» the operator gives stays
		// unread.)
		for n := 0; j < len(s.toks) && n < 3 && s.toks[j].seg == t.seg && !s.toks[j].has(tHouse|tTrap|tCue) && !(s.lang == "en" && start < i && len([]rune(s.norm(j))) > 1 && !hasDigit(s.norm(j))) && !(n == 0 && start == i-1 && s.toks[j].has(tNum) && s.streetNamedBefore(i)); n++ {
			// Two names joined by «и»: «улица сакко и ванцетти дом 30»,
			// «кирилла и мефодия».
			if s.toks[j].has(tStop) {
				if !(n > 0 && s.norm(j) == "и" && j+2 < len(s.toks) && s.toks[j+1].seg == t.seg && s.nameWord(j+1) && s.toks[j+2].seg == t.seg && s.toks[j+2].has(tHouse|tNum)) {
					break
				}
				j += 2
				continue
			}
			// An ordinal is part of the name and no word of its count:
			// «улица двадцать шестого бакинского комиссара»; not the
			// floor after it («... квартира 40 улица профсоюзная первый
			// этаж»: no part of the address).
			if k := s.toks[j].num(); n > 0 && (k == nkOrdinal || k == nkOrdTens) && s.floorAt(j) == j {
				j++
				n--
				continue
			}
			if s.toks[j].has(tNum) && n > 0 {
				// A year in the street's name: «ул революции 1905 года».
				if year(s.norm(j)) && j+1 < len(s.toks) && s.toks[j+1].seg == t.seg && s.norm(j+1) == "года" {
					j += 2
					continue
				}
				break
			}
			j++
		}
		// «на улице кирова в доме 5 квартира 20».
		if j+1 < len(s.toks) && s.toks[j].seg == t.seg && s.toks[j+1].seg == t.seg && s.norm(j) == "в" && s.toks[j+1].has(tHouse) {
			j++
		}
		// A street word closing its sentence takes a house from the next
		// one only with a house's word («улица ленина» — «дом 5»), not
		// bare digits («не пишет проезд» — «4 0 0 9 5 1 1 2», an account).
		// (The house said before it is the address's: «квартира 54 дом 12
		// улица маршала жукова».)
		if j < len(s.toks) && s.toks[j].seg != t.seg && !s.toks[j].has(tHouse) && before == start {
			// (In English the house came before the street's word: the
			// address is whole when the word closes its sentence, «...
			// and twelve marsh lane» with a sentence after it.)
			if enHouse {
				s.claimAddress(s.settlementBefore(start), j, ruleAddressStreet)
				continue
			}
			// (Or alone, when it is the whole answer to the other side's
			// question for the address: «куда доставить» — «улица
			// гагарина» — «дом» — «15 квартира 4».)
			if j > i+1 && s.segStart(start) && s.addressAsked(s.t0(&s.toks[start])) {
				s.claimAddress(start, j, ruleAddressCue)
			}
			continue
		}
		end, house := s.houseRun(j)
		if before < start {
			house = true
			if j < len(s.toks) && s.toks[j].seg != t.seg && !s.houseWordIn(j, end) {
				// The house said before and the street closing the
				// sentence: the next sentence's bare number is another
				// («квартира 6 дом 12 улица заречная» — «8 9 6 5 ...»:
				// causes block JD); a house's word says it goes on
				// («... это проспект вернадского» — «двенадцать дом
				// двенадцать не двадцать один»).
				end = j
			}
		}
		if !house && s.lang != "en" {
			continue // a street without a house is not an address: «на кутузовском проспекте»
		}
		if !house && s.lang == "en" && start == i {
			continue
		}
		if end <= j {
			end = j
		}
		s.claimAddress(s.settlementBefore(min(start, before)), end, ruleAddressStreet)
	}
	// A settlement with a house and no street: «деревня ивановка дом 7»,
	// «снт березка участок 118», «коттеджный поселок лесной дом 8».
	for _, c := range s.starts {
		i := int(c)
		t := &s.toks[i]
		if !t.has(tSettle) || s.marks[i] != 0 || s.lang == "en" {
			continue
		}
		// A garage cooperative's box the operator names is a property
		// spoken of (a tax's, an insurance's: «... кооператив гск мотор
		// бокс 114 заявление ...»), the client's when the client gives it
		// (block JJ).
		if s.role == schemas.RoleOperator && cooperativeWord(t.trig, s.normOf(t)) {
			continue
		}
		j := i + 1
		// (A name that is a company's word too: «снт ромашка участок 112».)
		for n := 0; j < len(s.toks) && n < 2 && s.toks[j].seg == t.seg && (s.nameWord(j) || s.toks[j].trig == tOperator && isLetters(s.norm(j))); n++ {
			j++
		}
		// A garden society's number after its name, its plot's or house's
		// word after it («снт ветеран 2 участок 18 дом 1», causes block
		// RZ): the society's name, kept as a village's is; the plot is
		// the address.
		numbered := false
		if j > i+1 && j+1 < len(s.toks) && s.toks[j].seg == t.seg && s.toks[j+1].seg == t.seg && s.toks[j].num() == nkDigits && len(s.norm(j)) <= 2 &&
			(s.toks[j+1].has(tHouse) || plotWord(s.norm(j+1))) && !s.toks[j+1].has(tFlat) {
			j++
			numbered = true
		}
		// A district between the settlement and its house («деревня
		// малиновка рузский район дом пять»): outside the address, as the
		// settlement's district is to every author; the house is masked.
		district := j
		if j > i+2 && j < len(s.toks) && s.toks[j].seg == t.seg && isWord(s.norm(j), "район", "округ") && adjectival(s.norm(j-1)) {
			district, j = j-1, j+1
		} else if j > i+1 && j+1 < len(s.toks) && s.toks[j+1].seg == t.seg && adjectival(s.norm(j)) && isWord(s.norm(j+1), "район", "округ") {
			j += 2
		}
		if j == i+1 || j >= len(s.toks) || !(s.toks[j].has(tHouse) || plotWord(s.norm(j))) || s.toks[j].seg != t.seg {
			continue
		}
		// A village's name is a place as a city's is, kept; its house
		// is the address (issue 13; «деревня кузьминка дом 5»).
		if end, house := s.houseRun(j); house && (j > district || villageWord(s.norm(i)) || numbered) {
			s.claimAddress(j, end, ruleAddressSettlement)
		} else if house {
			from := s.settlementBefore(i)
			// «коттеджный поселок березки»: its adjective before it.
			if from == i && i > 0 && s.toks[i-1].seg == t.seg && s.marks[i-1] == 0 && s.nameWord(i-1) && adjectival(s.norm(i-1)) {
				from = i - 1
			}
			s.claimAddress(from, end, ruleAddressSettlement)
		}
	}
	// «проживаю по адресу ленина пять двенадцать»: the words before the
	// first number after the cue, and the numbers.
	for _, c := range s.starts {
		i := int(c)
		if !s.toks[i].has(tAddrCue) || s.registeredUnder(i) {
			continue
		}
		first := -1
		for j := i + 1; j < len(s.toks) && j <= i+6 && s.toks[j].seg == s.toks[i].seg; j++ {
			if s.toks[j].has(tNum) && s.toks[j].num() != nkOrdinal {
				first = j
				break
			}
			if s.toks[j].has(tTrap | tCue | tUnit | tMonth) {
				break
			}
		}
		if first < 0 || s.claimed(first, first+1) {
			continue
		}
		k := first
		for n := 0; k > i+1 && n < 2 && (!s.toks[k-1].has(tStop|tNum) || s.toks[k-1].num() == nkOrdinal) && !isWord(s.norm(k-1), "адресу", "адрес") && !dayWord(s.norm(k-1)); n++ {
			k-- // «по адресу третья парковая 44»
		}
		if k == first {
			continue
		}
		// After a verb of delivering or coming, the words before the
		// number must read as a street's name: an adjective («на
		// садовую 12»), a person's name in the genitive («на ленина 40»),
		// not «на склад 40 мешков», «на машине 777».
		if deliveryVerb(s.norm(i)) && !s.streetShaped(k, first) || s.role == schemas.RoleOperator && waitingVerb(s.norm(i)) {
			continue
		}
		end, house := s.houseRun(first)
		if house {
			s.claimAddress(k, end, ruleAddressCue)
		}
	}
	// The answer to the other side's «адрес регистрации»: a street's name
	// and the house's numbers, the whole sentence («ленина 5 12»).
	s.answers(func(e cueEvent) bool { return e.addr }, func(first int) {
		seg := s.toks[first].seg
		// Not when the other side asked for another number since
		// («адрес объекта» — «...» — «и номер обращения» — «мфц 2025 5
		// 9 1 1 4»).
		if s.askedAfterAddress(s.t0(&s.toks[first])) {
			return
		}
		j := first
		for j < len(s.toks) && j < first+2 && s.toks[j].seg == seg && s.toks[j].has(tStop|tConn) && !s.toks[j].has(tNum) {
			j++
		}
		k, adj := j, false
		for k < len(s.toks) && k < j+2 && s.toks[k].seg == seg && s.marks[k] == 0 && s.nameWord(k) && !amountAdverb(s.norm(k)) && (!commonWord(s.norm(k)) || adjectival(s.norm(k)) || genitiveName(s.norm(k))) {
			adj = adj || adjectival(s.norm(k))
			k++
		}
		// (The house's word after the name: «горького дом 12».)
		houseWord := k+1 < len(s.toks) && s.toks[k].has(tHouse) && s.toks[k+1].seg == seg && s.toks[k+1].has(tNum)
		if k == j || k >= len(s.toks) || s.toks[k].seg != seg || !s.toks[k].has(tNum) && !houseWord || s.toks[k].num() == nkOrdinal || s.marks[k] != 0 {
			return
		}
		// A street's adjective («садовая 12 40») with a house and a flat
		// (the house's letter or «дробь» between: «луговая 5 а квартира
		// 40»): an adjective and one number may be anything («новый 5»).
		next := k + 1
		if next+1 < len(s.toks) && s.toks[next].seg == seg && s.toks[next+1].seg == seg && (s.houseLetter(next) || isWord(s.norm(next), "дробь")) {
			next++
		}
		if adj && !houseWord && !(next < len(s.toks) && s.toks[next].seg == seg && s.toks[next].has(tNum|tHouse|tFlat)) {
			return
		}
		if end, house := s.houseRun(k); house && (end >= len(s.toks) || s.toks[end].seg != seg || s.toks[end].has(tStop|tConn)) {
			s.claimAddress(j, end, ruleAddressCue)
		}
	})
	// «живу на ленина 5 квартира 12»: a flat or house number near a cue.
	for _, c := range s.starts {
		i := int(c)
		t := &s.toks[i]
		if !t.has(tHouse) || s.marks[i] != 0 || i+1 >= len(s.toks) || !s.toks[i+1].has(tNum) {
			continue
		}
		// «у нас на ленина дом 3»: a street's name with no word for it
		// between «на» and «дом».
		onStreet := i >= 2 && s.toks[i-2].seg == t.seg && isWord(s.norm(i-2), "на", "по") && s.nameWord(i-1) && !commonWord(s.norm(i-1)) && isWord(s.normOf(t), "дом", "д")
		if !onStreet && !(s.nearWord(i, 8, "живу", "проживаю", "адрес", "адресу", "прописан", "прописана", "зарегистрирован", "зарегистрирована", "live", "address")) {
			continue
		}
		k := i
		for n := 0; k > 0 && n < 5 && !s.toks[k-1].has(tStop|tCue|tTrap|tNameCue) && !bigCities[s.norm(k-1)] && s.toks[k-1].seg == t.seg && !isWord(s.norm(k-1), "адрес", "адресу", "живу", "проживаю", "address"); n++ {
			k--
		}
		end, house := s.houseRun(i)
		if !house {
			continue // («... дадут к двадцати часам»: «к» no «корпус»)
		}
		s.claimAddress(k, end, ruleAddressFlat)
	}
	// «в доме номер пять по ленина»: the house, then the street's name
	// after «по» or «на» with no word for it, closing the sentence.
	for i := range s.toks {
		t := &s.toks[i]
		if !t.has(tHouse) || s.marks[i] != 0 || !isWord(s.normOf(t), "дом", "доме", "дома") {
			continue
		}
		j := i + 1
		if j < len(s.toks) && s.toks[j].seg == t.seg && s.norm(j) == "номер" {
			j++
		}
		end, house := s.houseRun(j)
		if !house || end+1 >= len(s.toks) || s.toks[end].seg != t.seg || s.toks[end+1].seg != t.seg || !isWord(s.norm(end), "по", "на") ||
			!s.nameWord(end+1) || commonWord(s.norm(end+1)) || end+2 < len(s.toks) && s.toks[end+2].seg == t.seg && !s.toks[end+2].has(tStop|tConn) {
			continue
		}
		s.claimAddress(i, end+2, ruleAddressFlat)
	}
	// A flat: «квартира 45», «из квартиры 12», «ново садовая 106 корпус 3
	// квартира 44» (the house before it, and the street's name when a
	// house and a flat are said).
	for _, c := range s.starts {
		i := int(c)
		t := &s.toks[i]
		if !t.has(tFlat) || s.marks[i] != 0 || i+1 >= len(s.toks) || !s.toks[s.ownerSkipped(i+1)].has(tNum) || s.toks[i+1].seg != t.seg || s.flatNoNumber(i) {
			continue
		}
		k := s.houseBefore(i)
		if x := i; k == i {
			// «на дом кирова 40 кв 3»: «дом», the street's name, the number.
			// (A house's letter or «дробь» between its numbers: «толстого
			// 21 б кв 4», «рабочая 33 дробь 1 квартира 2».)
			apart := 0
			for x > 0 && s.toks[x-1].seg == t.seg {
				if s.toks[x-1].has(tNum) && s.toks[x-1].num() != nkOrdinal {
					x--
				} else if apart == 0 && x-1 > 0 && x < i+1 && s.toks[x-2].seg == t.seg && s.houseNumberWord(x-2) && (s.houseLetter(x-1) || s.norm(x-1) == "дробь") {
					x--
					apart++
				} else {
					break
				}
			}
			if x < i && x > 1 && s.toks[x-2].seg == t.seg && s.nameWord(x-1) && isWord(s.norm(x-2), "дом", "д") {
				k = x - 2
			} else if x < i && i-x-apart <= 2 && x > 1 && s.toks[x-1].seg == t.seg && s.toks[x-2].seg == t.seg && s.toks[x-1].has(tMonth) &&
				s.toks[x-2].num() == nkOrdinal && s.segStart(x-2) && s.marks[x-1] == 0 && s.marks[x-2] == 0 {
				// A street named by a date opening the sentence, the
				// house's number and the flat after it («восьмого марта
				// семьдесят шесть квартира один», «первого мая 12 кв 5»):
				// no date is followed by a flat.
				k = x - 2
			} else if x < i && i-x-apart <= 2 && x > 0 && s.toks[x-1].seg == t.seg && s.nameWord(x-1) && s.marks[x-1] == 0 {
				// «профсоюзная 104 кв 15», «ленинский 32 квартира 8»: the
				// street's name and the house's number, no word for them.
				k = x
			} else if x == i && x >= 4 && s.toks[x-4].seg == t.seg && s.toks[x-4].has(tHouse) && s.toks[x-3].has(tNum) && isWord(s.norm(x-2), "на", "по") && s.nameWord(x-1) {
				// «в доме 12 на садовой квартира 40».
				k = x - 4
			} else if x < i && i-x-apart <= 2 && (x == 0 || s.toks[x-1].seg != t.seg || apart > 0 && s.segStart(x)) {
				// «12 квартира 3» opening the sentence: the house's
				// number, the street said before («улица какая» —
				// «гагарина» — «дом квартира»).
				k = x
			} else if x == i && i >= 2 && s.toks[i-1].seg == t.seg && s.toks[i-2].seg == t.seg && s.houseLetter(i-1) && s.toks[i-2].num() == nkDigits && len(s.norm(i-2)) <= 3 && s.segStart(i-2) {
				// «да 12 б квартира 40»: the house with its letter.
				k = i - 2
			}
		}
		nums := 0
		for x := k; x < i; x++ {
			if s.toks[x].has(tNum) {
				nums++
			}
		}
		if nums > 0 {
			// «на кутузовском в доме 30 квартира 8»: the street's name
			// before «в» and the house.
			if k > 2 && s.toks[k-3].seg == t.seg && s.norm(k-1) == "в" && s.nameWord(k-2) && isWord(s.norm(k-3), "на", "по") && s.toks[k].has(tHouse) {
				k -= 2
			}
			for n := 0; k > 0 && n < 2 && s.toks[k-1].seg == t.seg && s.nameWord(k-1); n++ {
				k--
			}
			// «третья парковая 44 кв 19», «4 я линейная 17 кв 2»; «3
			// парковая 18 кв 66», the ordinal in digits opening the
			// sentence before the street's adjective.
			if k < i && k > 0 && s.toks[k-1].seg == t.seg && s.toks[k-1].num() == nkOrdinal {
				k--
			} else if k < i && k > 1 && s.ordinalApart(k) {
				k -= 2
			} else if k < i && k > 0 && s.toks[k-1].seg == t.seg && s.toks[k-1].num() == nkDigits && len(s.norm(k-1)) <= 2 && s.segStart(k-1) && s.marks[k-1] == 0 && adjectival(s.norm(k)) {
				k--
			}
		}
		end, _ := s.houseRun(i)
		s.claimAddress(k, end, ruleAddressFlat)
	}
	s.partAfterHouse()
	s.addressRest()
	s.addressLeads()
	s.addressCorrections()
}

// partAfterHouse: a street's name with no word for it, the house's number
// and a part of the house with its number, opening a sentence
// («профсоюзная 40 подъезд 3», «мира 118 корпус 2»): a street's shape
// without its word, as «профсоюзная 104 кв 15» is (the flat's rule).
// The name reads as a street's (an adjective, an ordinal, a person's name
// in the genitive), or is no common word in the answer to the question
// for an address, and no word of a place, an office or a trap («палата 5
// корпус 2», «школе 118 корпус 2» are kept).
func (s *scan) partAfterHouse() {
	for _, c := range s.starts {
		i := int(c)
		t := &s.toks[i]
		// (Or an entrance by its ordinal before its word, closing the
		// sentence: «ленина 25 второй подъезд», causes block RS.)
		ordinal := i >= 3 && s.normOf(t) == "подъезд" && s.toks[i-1].seg == t.seg && s.toks[i-1].num() == nkOrdinal && s.marks[i-1] == 0 &&
			(i+1 >= len(s.toks) || s.toks[i+1].seg != t.seg)
		if !t.has(tHouse) || t.has(tFlat) || s.marks[i] != 0 || i < 2 || !ordinal && (i+1 >= len(s.toks) || s.toks[i+1].seg != t.seg || !s.toks[i+1].has(tNum)) ||
			!isWord(s.normOf(t), "подъезд", "корпус", "корп", "строение", "стр") {
			continue
		}
		h, name := i-1, i-2
		if ordinal {
			h, name = i-2, i-3
		}
		if s.toks[h].seg != t.seg || s.toks[name].seg != t.seg || !s.houseNumberWord(h) || s.marks[h] != 0 || s.marks[name] != 0 {
			continue
		}
		w := s.norm(name)
		if !s.nameWord(name) || s.toks[name].has(tTrap|tCue|tStop) || placeWords.of(w) || officeWord(w) || institutionWord(w) ||
			!(s.streetShaped(name, name+1) || !commonWord(w) && s.addressAsked(s.t0(&s.toks[name]))) {
			continue
		}
		from := name
		if !s.segStart(from) {
			if from == 0 || !isWord(s.norm(from-1), "на", "по", "с", "со", "от") || !s.segStart(from-1) {
				continue
			}
		}
		end, _ := s.houseRun(h)
		if end < i+2 {
			end = i + 2
		}
		if ordinal {
			end = h + 1 // the street and the house; the entrance is no part of it
		}
		s.claimAddress(from, end, ruleAddressFlat)
	}
}

// addressCorrections: a house's or a flat's number corrected or doubted
// right after the address («... дом двенадцать не двадцать один»,
// «квартира 45 не 54», «... дом 7 ой не 17 а 7», «квартира 8 или 9»):
// the other number is the address's too. After «не», «нет», «или», «а»,
// «вернее», «точнее» (and «ой», «ну» before them), a number a house's
// number can be, with no unit after it («а 300 рублей», «не 10 минут»
// stay). Run only on the addresses masked.
func (s *scan) addressCorrections() {
	for f, n := 0, len(s.found); f < n; f++ {
		fd := &s.found[f]
		if typeAt[fd.typ] != Address || fd.to < 1 || s.marks[fd.to-1] != f+1 {
			continue
		}
		seg := s.toks[fd.to-1].seg
		in := func(k int) bool { return k < len(s.toks) && s.toks[k].seg == seg && s.marks[k] == 0 }
		for j, n := fd.to, 0; n < 3; n++ {
			k := j
			for in(k) && k < j+2 && isWord(s.norm(k), "ой", "ну") {
				k++
			}
			cw := k
			for in(k) && k < cw+2 && (isWord(s.norm(k), "не", "нет", "или", "а", "вернее", "точнее") || s.norm(k) == "то" && in(k+1) && s.norm(k+1) == "есть") {
				if s.norm(k) == "то" {
					k++
				}
				k++
			}
			if k == cw {
				break
			}
			// The street said anew with its house («квартира шесть то
			// есть кирова восемнадцать корпус три»: causes block KU).
			if st := k; in(k) && s.nameWord(k) && s.streetShaped(k, k+1) {
				for in(k) && k < st+2 && s.nameWord(k) && s.streetShaped(k, k+1) {
					k++
				}
				if in(k) && s.toks[k].has(tNum) && s.toks[k].num() != nkOrdinal {
					if end, house := s.houseRun(k); house {
						s.claim(Address, fd.rule, st, end)
						j = end
						continue
					}
				}
				break
			}
			num := k
			for in(k) && k < num+3 && (s.houseNumberWord(k) || k > num && s.houseLetter(k)) {
				k++
			}
			if k == num || k < len(s.toks) && s.toks[k].seg == seg && s.toks[k].has(tUnit) {
				break
			}
			s.claim(Address, fd.rule, j, k)
			j = k
		}
	}
}

// addressLeads grows each address masked back over what opens it before
// its street or house, in its sentence: a number or an ordinal before a
// street's or a house's word («7 [микрорайон дом 3]», «девятая [квартира
// дом 14 ...]»), a street's word before («улица [5 я линия ...]»), a
// street's word and its number or name before («квартал 12 [...]»,
// «микрорайон кузнечики [улица ...]»), a housing estate said in full
// («жилой комплекс [речной корпус 2 ...]»). A city or a settlement
// before them is no street's word and stays («подольск», «снт ...»).
func (s *scan) addressLeads() {
	for k, n := 0, len(s.found); k < n; k++ {
		if typeAt[s.found[k].typ] != Address {
			continue
		}
		for step := 0; step < 4; step++ {
			from := s.found[k].from
			p := from - 1
			if p < 0 || s.toks[p].seg != s.toks[from].seg || s.marks[p] != 0 {
				break
			}
			seg, lead := s.toks[from].seg, -1
			before := p >= 1 && s.toks[p-1].seg == seg && s.marks[p-1] == 0
			switch pt := &s.toks[p]; {
			case s.toks[from].has(tStreet|tHouse) && s.fieldNumberLead(p, from) >= 0:
				// (A house's or a flat's number in words opening the
				// answer to a question for it, the address said whole
				// after it: «а квартира» — «сорок пять [дом тихвинская
				// три квартира сорок пять]»; causes block RX2.)
				lead = s.fieldNumberLead(p, from)
			case s.toks[from].has(tStreet|tHouse) && (pt.num() == nkOrdinal || pt.num() == nkDigits && pt.nl <= 2) && !(before && s.toks[p-1].has(tNum)) &&
				!(p >= 2 && s.toks[p-2].seg == seg && s.toks[p-2].has(tSettle) && s.settlementNamedAt(p-1)):
				// (Not a longer number's last digit: «индекс 1 2 7 2 4 9
				// [улица ...]»; nor a garden society's number after its
				// name, «снт мичуринец 12 [дом 9]», causes block RZ.)
				lead = p
			case pt.has(tStreet) && !pt.has(tNum|tSettle):
				lead = p
			case pt.has(tFlat) && s.toks[from].has(tStreet) && !s.toks[from].has(tNum|tSettle) && !(before && s.toks[p-1].has(tNum)):
				// The flat's word naming what the address is, before its
				// street («мама [юдина ...] квартира [переулок школьный
				// дом один квартира девять]»; causes block RX3): no word
				// of the address left between it and its name.
				lead = p
			case before && s.toks[p-1].has(tStreet) && !s.toks[p-1].has(tSettle) && (pt.num() == nkDigits && pt.nl <= 3 || pt.trig == 0 && isLetters(s.norm(p))):
				lead = p - 1
			case s.norm(p) == "жилой" && s.norm(from) == "комплекс":
				lead = p
			case isWord(s.norm(p), "общежитие", "общага"):
				lead = p // «общежитие улица мира дом 12 комната 305» (block JJ)
			case before && s.norm(p) == "комплекс" && s.norm(p-1) == "жилой":
				lead = p - 1
			}
			if lead < 0 {
				break
			}
			for m := lead; m < from; m++ {
				s.marks[m] = k + 1
			}
			s.found[k].from = lead
		}
	}
}

// fieldNumberLead returns where a run of number words (one to three, a
// house's or a flat's number: «сорок пять», «семь») ending at token p
// starts, when it opens the sentence of the address starting at from and
// the other side asked for a field of an address (its house or flat
// alone: «а квартира», «дом») just before; -1 otherwise.
func (s *scan) fieldNumberLead(p, from int) int {
	seg := s.toks[from].seg
	k := p
	for k >= 0 && k > p-3 && s.toks[k].seg == seg && s.marks[k] == 0 && s.toks[k].num() != nkDigits && s.toks[k].num() != nkOrdinal && s.houseNumberWord(k) {
		k--
	}
	first := k + 1
	if first > p || !s.segStart(first) || !s.otherCueNear(s.t0(&s.toks[first]), func(e *cueEvent) bool { return e.field == 2 }) {
		return -1
	}
	return first
}

// settlementNamedAt reports whether token k is a settlement's name right
// after its word, a word of the name's shape no house's or street's
// («снт мичуринец», «днт дружба»).
func (s *scan) settlementNamedAt(k int) bool {
	return s.toks[k].seg == s.toks[k-1].seg && s.marks[k] == 0 && !s.toks[k].has(tNum|tHouse|tStreet|tStop) && isLetters(s.norm(k))
}

// ordinalApart reports whether the two tokens before token k, in its
// sentence, are a street's ordinal said in digits with its ending apart
// («2 я» садовая, «4 я» линейная, «1 й» переулок), before an adjective or
// a street's word at k.
func (s *scan) ordinalApart(k int) bool {
	seg := s.toks[k].seg
	return s.toks[k-1].seg == seg && s.toks[k-2].seg == seg && s.toks[k-2].num() == nkDigits && len(s.norm(k-2)) <= 2 &&
		isWord(s.norm(k-1), "я", "й", "ая", "ой", "ий", "ья") && (adjectival(s.norm(k)) || s.toks[k].has(tStreet))
}

// ordinalInName reports whether token k, right before a street's word or
// its adjective, is an ordinal in words that names the street with them
// («третий почтовый проезд», «второй верхний переулок»): in the
// nominative or the case of «на», not «пятого» (a date: «приеду пятого
// улица ленина ...»). Block KF.
func (s *scan) ordinalInName(k int) bool {
	t := &s.toks[k]
	if t.seg != s.toks[k+1].seg || s.marks[k] != 0 || t.num() != nkOrdinal {
		return false
	}
	w := s.normOf(t)
	for _, end := range [...]string{"ий", "ый", "ой", "ая", "ья", "ей", "ую", "ью"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// streetRepeated returns how many words before the street's word at i
// say the same street again (the street's word and up to three words of
// its name: «улица маршала жукова улица маршала жукова»), or 0.
func (s *scan) streetRepeated(i int) int {
	seg := s.toks[i].seg
	for k := 2; k <= 4 && i-k >= 0; k++ {
		if s.toks[i-k].seg != seg || s.norm(i-k) != s.norm(i) {
			continue
		}
		same := true
		for m := 1; m < k && same; m++ {
			same = i+m < len(s.toks) && s.toks[i+m].seg == seg && s.norm(i-k+m) == s.norm(i+m)
		}
		if same {
			return k
		}
	}
	return 0
}

// addressAsked reports whether the other side asked for an address in
// the 10 s before at.
func (s *scan) addressAsked(at float64) bool {
	if s.otherCueNear(at, func(e *cueEvent) bool { return e.addr }) {
		return true
	}
	return false
}

// addressRest joins what an address said in pieces leaves between and
// after them: a preposition between two of its pieces («в доме 14 [на]
// улице гоголя квартира 6»), and a village or a settlement named right
// after it («снт березка участок 112 [деревня малые горки]»; not a city,
// which is kept).
func (s *scan) addressRest() {
	addr := func(i int) bool { return s.maskedAs(i, Address) }
	for i := 1; i+1 < len(s.toks); i++ {
		if s.marks[i] != 0 || !addr(i-1) || s.toks[i-1].seg != s.toks[i].seg {
			continue
		}
		seg := s.toks[i].seg
		if isWord(s.norm(i), "на", "по", "в") && s.toks[i+1].seg == seg && addr(i+1) {
			s.claim(Address, s.found[s.marks[i-1]-1].rule, i, i+1)
			continue
		}
		// A settlement after it (a plot's village: «снт березка участок
		// 112 деревня малые горки»); not after a flat, where it is the
		// street's town as a city is («... квартира восемь село
		// красное»: causes block JO).
		if f := &s.found[s.marks[i-1]-1]; s.toks[i].has(tSettle) && !cityWord(s.norm(i)) && !villageWord(s.norm(i)) && !s.flatIn(f.from, f.to) {
			j := i + 1
			for j < len(s.toks) && j < i+3 && s.toks[j].seg == seg && s.nameWord(j) {
				j++
			}
			if j > i+1 {
				s.claim(Address, s.found[s.marks[i-1]-1].rule, i, j)
			}
		}
		// An entrance, a building or a flat after «и» («дом 7 и подъезд
		// 3», «15 и парадная 4»; not «и 5 этаж»).
		if s.norm(i) == "и" && i+2 < len(s.toks) && s.toks[i+1].seg == seg && s.toks[i+2].seg == seg &&
			(s.toks[i+1].has(tHouse) || isWord(s.norm(i+1), "парадная", "парадной", "парадную")) && s.toks[i+2].has(tNum) && s.marks[i+2] == 0 {
			if end, house := s.houseRun(i + 2); house && !s.claimed(i, end) {
				// (The address's claim grows to take it: one mask.)
				id := s.marks[i-1]
				for k := i; k < end; k++ {
					s.marks[k] = id
				}
				s.found[id-1].to = max(s.found[id-1].to, end)
			}
		}
	}
}

// houseNumberWord: token k can be a house's number: up to three digits,
// or a number word under a thousand («три», «сорок»).
func (s *scan) houseNumberWord(k int) bool {
	switch s.toks[k].num() {
	case nkDigits:
		return len(s.norm(k)) <= 3
	case nkUnit, nkTeen, nkTens, nkHundred:
		return true
	}
	return false
}

// flatNoNumber reports whether the flat's word at i is followed by what
// is no flat's number: its rooms («квартира 3 комнатная», «квартира моя
// 2 комнаты»), its price in
// thousands («квартира 8 500 000»), or a payment for it («за квартиру 4
// 380»).
func (s *scan) flatNoNumber(i int) bool {
	seg, n := s.toks[i].seg, s.ownerSkipped(i+1)
	if i > 0 && s.toks[i-1].seg == seg && s.norm(i-1) == "за" {
		return true
	}
	if n+1 >= len(s.toks) || s.toks[n+1].seg != seg {
		return false
	}
	next := s.norm(n + 1)
	if strings.HasPrefix(next, "комнатн") || isWord(next, "комнаты", "комнат") {
		return true
	}
	return s.toks[n].num() == nkDigits && len(s.norm(n)) == 1 && s.toks[n+1].num() == nkDigits && len(next) == 3
}

// numberWordsEnd is where the number said in words from j ends in j's
// sentence: each word smaller than the one before («тридцать восемь»),
// thousands («четыре тысячи пятьсот»), an ordinal closing it
// («шестьдесят пятого»); a number said again after it is another
// («сорок два сорок два метра»), and digits are not read.
func (s *scan) numberWordsEnd(j int) int {
	k, last := j, nkNone
	for ; k < len(s.toks) && s.toks[k].seg == s.toks[j].seg && !s.toks[k].has(tHouse); k++ {
		kind := s.toks[k].num()
		if kind == nkOrdinal || kind == nkOrdTens {
			return k + 1
		}
		ok := kind == nkThousand && last != nkNone && last != nkThousand || kind == nkHundred && (last == nkNone || last == nkThousand) ||
			(kind == nkTens || kind == nkTeen) && (last == nkNone || last == nkThousand || last == nkHundred) ||
			kind == nkUnit && (last == nkNone || last == nkThousand || last == nkHundred || last == nkTens)
		if !ok {
			break
		}
		last = kind
	}
	return k
}

// thousandIn reports whether a token from j to k is «тысяча» (a sum,
// no house's or flat's number).
func (s *scan) thousandIn(j, k int) bool {
	for ; j < k; j++ {
		if s.toks[j].num() == nkThousand {
			return true
		}
	}
	return false
}

// genitiveName: a street named after a person in the genitive
// («горького», «островского», «маяковского»), which commonWord takes for
// an adjective's form.
func genitiveName(w string) bool {
	return len(w) >= 10 && (strings.HasSuffix(w, "ого") || strings.HasSuffix(w, "его"))
}

// dativeAdjective: a street's adjective after «по» («по ленинградскому
// шоссе»).
func dativeAdjective(w string) bool {
	return len(w) >= 12 && (strings.HasSuffix(w, "ому") || strings.HasSuffix(w, "ему"))
}

// deliveryVerb: a verb of delivering or coming, or of standing or
// waiting where a driver is to come, an address cue whose street has no
// word of its own («привезите на ленина 40», «стою у ленина 30»).
func deliveryVerb(w string) bool {
	return isWord(w, "доставить", "доставьте", "доставите", "привезите", "привезти", "привезете", "подъедет", "подъехать", "приедет", "приехать") || waitingVerb(w)
}

// waitingVerb: a verb of standing or waiting where a driver or a courier
// is to come, said by the client («стою у ленина 30», «заберите меня от
// ...»); the operator's «жду вас на куйбышева 52» is the office's place.
func waitingVerb(w string) bool {
	return isWord(w, "стою", "стоим", "жду", "нахожусь", "находимся", "заберите")
}

// streetShaped reports whether the words from..to read as a street's
// name without its word: an adjective or an ordinal («садовую»,
// «третьей парковой»), or a name in the genitive («ленина», «кирова»,
// «гагарина»).
func (s *scan) streetShaped(from, to int) bool {
	for k := from; k < to; k++ {
		w := s.norm(k)
		if !(adjectival(w) || s.toks[k].num() == nkOrdinal || genitiveNames.of(w, 4) || genitiveStreetNoun(w)) {
			return false
		}
	}
	return true
}

// genitiveStreetNoun reports whether w is a noun in the genitive that
// names a street on its own, as the Soviet names do («мира 118 подъезд
// 4», «победы 17», «свободы 5 корпус 2»; causes block RS).
func genitiveStreetNoun(w string) bool {
	return isWord(w, "мира", "победы", "свободы", "труда", "дружбы", "революции", "коммуны", "молодежи", "молодёжи", "восстания", "единства")
}

// genitiveNames: the endings of a person's name in the genitive, as
// streets are named («ленина», «кирова», «строителей»).
var genitiveNames = newEndingSet([]string{"ина", "ова", "ева", "ына", "ого", "его", "ей", "ов"})

// dayWord reports whether w names a day or a time of it («в среду 12»,
// «завтра 2 коробки»): no street's name before a number.
func dayWord(w string) bool { return dayWords.of(w) }

var dayWords = newBeginningSet("понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень", "завтра", "сегодня", "послезавтра", "утр", "вечер", "днем", "ночь", "обед")

func lineWord(w string) bool { return isWord(w, "линия", "линии", "линию") }

// lineStreet reports whether the «линия» at i is a street (Vasilyevsky
// Island's, an SNT's): its number or name right before it («пятая
// линия», «7 линия», «3 я линия», «кадетская линия») and a house's or a plot's word
// within three words after it, before any number («дом 38», «участок
// 212»). A hotline («горячая линия 8 800 ...»), a support line («вторую
// линию поддержки ожидание 4 минуты») or a fault «на линии» has no house
// word before its number.
func (s *scan) lineStreet(i int) bool {
	seg := s.toks[i].seg
	if i == 0 || s.toks[i-1].seg != seg {
		return false
	}
	// «3 я линия»: the ordinal's ending written apart.
	ordinalApart := i > 1 && s.toks[i-2].seg == seg && s.toks[i-2].has(tNum) && isWord(s.norm(i-1), "я", "ая", "ья")
	if s.toks[i-1].has(tStop|tCue|tTrap) && !ordinalApart {
		return false
	}
	if p := s.norm(i - 1); !ordinalApart && !s.toks[i-1].has(tNum) && !(adjectival(p) && !isWord(p, "горячая", "горячей", "горячую", "телефонная", "телефонной", "выделенная", "выделенной", "прямая", "прямой")) {
		return false
	}
	for k := i + 1; k < len(s.toks) && k <= i+4 && s.toks[k].seg == seg; k++ {
		switch {
		case s.toks[k].has(tHouse) || plotWord(s.norm(k)):
			return true
		case s.toks[k].has(tNum | tStop | tCue | tTrap):
			return false
		}
	}
	return false
}

// plotWord: a plot in a gardening partnership or a village («снт
// березка участок 118»), a garage cooperative's box, garage or row («гск
// мотор бокс 117»: block JJ); not a house word alone, for «участок» is
// also a doctor's district.
func plotWord(w string) bool {
	return isWord(w, "участок", "участка", "уч", "бокс", "гараж", "ряд")
}

// cooperativeWord: a garage cooperative's word, a settlement's role.
func cooperativeWord(tr trig, w string) bool {
	return tr&tSettle != 0 && isWord(w, "гск", "кооператив", "кооператива", "кооперативе")
}

// roomWord: a room's word, the last part of an address after its house
// («... дом 12 комната 305», a hostel's: causes block JJ).
func roomWord(w string) bool {
	return isWord(w, "комната", "комнаты", "комнате", "ком", "комн")
}

// nameWord reports whether token j can be a word of a street's or a
// settlement's name: letters, no function, cue or number word.
func (s *scan) nameWord(j int) bool {
	t := &s.toks[j]
	return !t.has(tStop|tCue|tTrap|tUnit|tMonth|tNum|tHouse|tStreet|tSettle|tNameCue|tOperator|tConn) && isLetters(s.normOf(t)) && !plotWord(s.normOf(t)) && !bigCities[s.normOf(t)]
}

// houseBefore returns where a house said before token i starts
// («квартира 54 дом 12» before «улица ...»): i when none is.
func (s *scan) houseBefore(i int) int {
	k, house, num := i, false, false
	for k > 0 && i-k < 8 && s.toks[k-1].seg == s.toks[i].seg {
		u := &s.toks[k-1]
		if u.has(tHouse) || house && k > 1 && s.normOf(u) == "номер" && s.toks[k-2].has(tHouse) {
			house = true
		} else if !(u.has(tNum) && u.num() != nkOrdinal || houseNumber(s.normOf(u)) || s.houseLetter(k-1) && k-1 > 0 && s.toks[k-2].has(tNum) ||
			// «дом 5 дробь 2»: between two numbers.
			isWord(s.normOf(u), "дробь", "слэш") && k-1 > 0 && s.toks[k-2].has(tNum) && num) {
			break
		} else {
			num = true
		}
		k--
	}
	// A house word needs its number: «к улице ленина» is «to the street»,
	// not «корпус».
	if !house || !num || k == i {
		return i
	}
	return k
}

// settlementBefore returns where the settlement said before an address
// starting at i starts: «деревня ивановка», «сорок второй км»,
// «коттеджный поселок лесной»; i when none is. A city and a region are
// not taken («город казань», «московская область»), said with «город» or
// alone: issue 13 keeps city names (a quality manager needs them), and a
// street and house make the address without them; nor is a village
// («деревня ивановка», «село ямаш»: villageWord), kept as a city is. A
// gardening partnership or a kilometre of a highway is the address.
func (s *scan) settlementBefore(i int) int {
	k := i
	for n := 0; k > 0 && n < 4 && s.toks[k-1].seg == s.toks[i].seg; n++ {
		switch {
		case s.toks[k-1].has(tSettle) && (cityWord(s.norm(k-1)) || villageWord(s.norm(k-1))):
			return k
		case k > 1 && s.toks[k-2].has(tSettle) && villageWord(s.norm(k-2)) && !s.toks[k-1].has(tSettle):
			return k // «село ямаш»: the village kept as a city is
		case k > 2 && s.toks[k-3].has(tSettle) && villageWord(s.norm(k-3)) && s.nameWord(k-1) && s.nameWord(k-2):
			return k // «деревня малые вязёмы»
		case k > 1 && s.toks[k-2].has(tSettle) && cityWord(s.norm(k-2)) && !s.toks[k-1].has(tSettle):
			return k // «город тула»; not «край поселок», the village after its region
		case s.toks[k-1].has(tSettle):
			k--
			// «сорок второй км»: the kilometre's number.
			for k > 0 && s.toks[k-1].seg == s.toks[i].seg && s.toks[k-1].has(tNum) && i-k < 8 {
				k--
			}
			// «московская область», «коттеджный поселок».
			if k > 0 && s.toks[k-1].seg == s.toks[i].seg && s.nameWord(k-1) && adjectival(s.norm(k-1)) {
				k--
			}
		case k > 1 && s.nameWord(k-1) && s.toks[k-2].has(tSettle) && s.toks[k-2].seg == s.toks[i].seg:
			k -= 2 // «город тула», «село ямаш»
		case k > 2 && s.nameWord(k-1) && s.nameWord(k-2) && s.toks[k-3].has(tSettle) && s.toks[k-3].seg == s.toks[i].seg && adjectival(s.norm(k-1)):
			k -= 3 // «район альметьевский»: rare; the adjective after
		default:
			return k
		}
	}
	return k
}

// villageWord: a settlement word that names a village, a township or a
// Cossack village: a place kept as a city is (issue 13; most authors
// label «деревня кузьминка» a city trap), its street, house and flat the
// address («коттеджный поселок березки дом 23»: the house). A gardening
// partnership («снт»), a garage cooperative or a highway's kilometre is
// not one: they stay the address's.
func villageWord(w string) bool {
	return isWord(w, "поселок", "поселке", "пос", "пгт", "деревня", "деревне", "дер", "село", "селе", "станица", "станице", "хутор", "аул")
}

// cityWord: a settlement word that names a city or a region, kept.
func cityWord(w string) bool {
	return isWord(w, "город", "г", "область", "области", "обл", "край", "крае", "район", "районе", "республика", "республике")
}

// claimAddress claims an address, unless it is a company's that the
// operator gives: said on the operator's channel, without a flat, near
// the words of an office («отделение», «пункт выдачи», «работает с 9»,
// «второй этаж») and not said to be the client's («ваш»).
func (s *scan) claimAddress(from, to int, rule ruleID) {
	// (A company's place asked for is the company's whoever answers:
	// «в каком пункте выдачи» — «на улице мира 8».)
	if s.role == schemas.RoleOperator && (s.officeAddress(from, to) || s.placeAsked(from)) || s.role != schemas.RoleOperator && (s.placeBefore(from, to) || s.placeAsked(from) && !s.flatIn(from, to) && !s.homeBefore(from)) || s.nonResidentialAfter(from, to) {
		return
	}
	if s.officeNumbered(from, to) || s.companyBuilding(from, to) || s.roadPlaceBefore(from, to) || s.enPlaceAddress(from, to) {
		return
	}
	to = s.addressNumbersEnd(from, to)
	s.claim(Address, rule, from, to)
}

// officeNumbered reports whether an address from..to has an office's
// number where a home has its flat's, and no flat, with a company's word
// in its sentence or after a question for a company's place: «проспект
// мира 33 офис 12 это наша фирма», «... офис четыреста один бизнес
// центр», «улица литейная дом четыре офис двенадцать ооо технопарк»
// (causes block QN; cd, cm). Not an office alone: «офис 305» may be where
// the client lives or works and wants a courier (bp, bw and cc label
// such addresses the client's: 3 of the 21 with «офис» in the written
// sets), and «на работу», «это аренда» say nothing of whose it is. Said
// by either side.
func (s *scan) officeNumbered(from, to int) bool {
	office := false
	for i := from; i < to; i++ {
		if s.toks[i].has(tFlat) {
			return false
		}
		office = office || isWord(s.norm(i), "офис", "офиса") && i+1 < len(s.toks) && s.toks[i+1].seg == s.toks[i].seg && s.toks[i+1].has(tNum)
	}
	if !office {
		return false
	}
	seg := s.toks[from].seg
	for j := s.segFrom(from); j < len(s.toks) && s.toks[j].seg == seg; j++ {
		if (j < from || j >= to) && (companyWords.of(s.norm(j)) || ourWord(s.norm(j))) {
			return true
		}
	}
	return s.placeAsked(from)
}

// companyWords: a word that says whose premises an office is: a firm's,
// a business centre's («ооо технопарк», «это наша фирма», «бизнес
// центр»).
var companyWords = newBeginningSet("ооо", "оао", "зао", "пао", "фирм", "компани", "организаци", "бизнес", "бц")

// askedAfterAddress reports whether the other side's latest question
// before at is for something other than an address: a number's cue or
// a trap word naming a number, in a sentence after its last address
// cue's («адрес откуда звоните» is one question).
func (s *scan) askedAfterAddress(at float64) bool {
	last, seg := -1.0, int32(-1)
	for k := range s.others {
		if e := &s.others[k]; e.addr && e.at <= at+0.5 && e.at > last {
			last, seg = e.at, e.seg
		}
	}
	for k := range s.others {
		if e := &s.others[k]; !e.own && e.at > last && e.seg != seg && e.at <= at+0.5 && (e.cue != 0 || e.trap && e.named) {
			return true
		}
	}
	return false
}

// placeAsked reports whether the other side asked for a company's place
// in the 15 s before token from («а адрес клиники» — «улица
// кржижановского 14 корпус 3»).
func (s *scan) placeAsked(from int) bool {
	at := s.t0(&s.toks[from])
	for k := range s.others {
		if e := &s.others[k]; e.place && !e.own && e.at <= at+0.5 && at-e.at <= 15 {
			return true
		}
	}
	return false
}

// placeBefore reports whether an address the client says is a company's
// place they name right before it, in the address's sentence, five words
// back at most («заберу в пункте выдачи на улице ленина 15», «отделение
// сбербанка на проспекте мира 20»): no flat in it. (Not «офис» or a floor,
// which a client's home address may have: «офис 305».)
func (s *scan) placeBefore(from, to int) bool {
	for i := from; i < to; i++ {
		if s.toks[i].has(tFlat) {
			return false
		}
	}
	seg := s.toks[from].seg
	for j := from - 1; j >= 0 && j >= from-5 && s.toks[j].seg == seg; j-- {
		// (Not the client's own, said nearer: «в суд пришла повестка на
		// мой адрес садовая 8»: causes block KW.)
		if homeWord(s.norm(j)) {
			return false
		}
		if placeWords.of(s.norm(j)) {
			return true
		}
	}
	return false
}

// homeWord: a word saying the address after it is the speaker's own home
// («на мой адрес», «живу», «прописан»; a legal address «по прописке», a
// sole trader's home: review rv22a).
func homeWord(w string) bool {
	return isWord(w, "мой", "моя", "мое", "мою", "моего", "моей", "живу", "живем", "проживаю", "прописан", "прописана", "домой", "прописке", "прописки", "домашний", "домашнему")
}

// homeBefore reports whether a home word is said in the five words before
// token from, in its sentence: the address is the client's own, whatever
// place the other side asked for («юридический адрес назовите» —
// «юридический адрес по прописке улица ленина дом 5»; review rv22a).
func (s *scan) homeBefore(from int) bool {
	for j := from - 1; j >= 0 && j >= from-5 && s.toks[j].seg == s.toks[from].seg; j-- {
		if homeWord(s.norm(j)) {
			return true
		}
	}
	return false
}

// flatIn reports whether a flat is named in tokens from..to: a home.
func (s *scan) flatIn(from, to int) bool {
	for i := from; i < to; i++ {
		if s.toks[i].has(tFlat) {
			return true
		}
	}
	return false
}

// placeWords: a company's place a client goes to.
var placeWords = newBeginningSet("пункт", "выдач", "отделени", "филиал", "аптек", "банкомат", "магазин", "салон", "мфц", "терминал", "склад", "постамат", "почтомат",
	// A state office, a court, a notary's: «в отделе на улице енисейская
	// 22», «в конторе на пушкина 10» (causes block KW).
	"отдел", "контор", "инспекц", "суд", "канцеляр", "военкомат", "комиссариат", "загс", "архив",
	// A business's legal address asked for («юридический адрес
	// организации» — «улица заводская 14 офис 3»; causes block UZ).
	"юридическ")

func (s *scan) officeAddress(from, to int) bool {
	for i := from; i < to; i++ {
		if s.toks[i].has(tFlat) {
			return false
		}
	}
	// The address's segment and the two before it (the operator's own
	// words: «ближайшее отделение ... есть ленинградская улица 16»).
	seg := s.toks[from].seg
	office := false
	// (From the address's start: a floor said with it is in the span now,
	// «проспект ленина 44 второй этаж».)
	for j := from; j < len(s.toks) && s.toks[j].seg == seg; j++ {
		office = office || officeWord(s.norm(j))
	}
	if !office && s.hoursAround(from, to) && !s.visitInSentence(from) {
		office = true
	}
	for j, segs := from-1, 0; j >= 0 && segs < 3; j-- {
		if s.toks[j].seg != seg {
			seg = s.toks[j].seg
			segs++
			if segs == 3 {
				break
			}
		}
		w := s.norm(j)
		// («ваш» of the address: right before it or before «адрес»; not
		// «выдадим по паспорту вашему и коду улица новаторов 7».)
		if segs == 0 && (isWord(w, "ваш", "ваша", "вашему", "вашего", "вашей") && (j+1 == from || strings.HasPrefix(s.norm(j+1), "адрес")) || isWord(w, "указан", "указанный", "прописки", "регистрации", "проживания")) {
			return false
		}
		office = office || officeWord(w)
	}
	return office
}

// hoursAround reports whether the operator's sentence of an address
// from..to gives opening hours or an appointment's time outside it
// («до 22 00 адрес улица ...», «... речная 8 с 9 до 18», «в 10 00 улица
// пушкина 41»): a place the client is to come to, not the client's home.
// «до» and an hour, or «в» and an hour with its minutes, in digits or
// in words («отправление в семь пятнадцать с улицы вокзальной два»); «с»
// alone is a building's («8 с 9»), so it counts only with «до» after;
// or «с» an hour «до» an hour, in words («с девяти до восьми»: causes
// block UX).
func (s *scan) hoursAround(from, to int) bool {
	seg := s.toks[from].seg
	for j := s.segFrom(from); j+1 < len(s.toks) && s.toks[j].seg == seg; j++ {
		if j >= from && j < to {
			continue
		}
		switch w := s.norm(j); {
		case w == "до" && (s.hourAt(j+1, seg) || s.hourUntilWords(j+1, seg)):
			return true
		case w == "в" && s.hourAt(j+1, seg) && j+2 < len(s.toks) && s.toks[j+2].seg == seg &&
			s.toks[j+2].num() == nkDigits && len(s.norm(j+2)) == 2:
			return true
		case w == "в" && s.hourWordsAt(j+1, seg):
			return true
		case w == "с" && s.hoursFromToWords(j, seg):
			return true
		}
	}
	return false
}

// hourWordsAt reports whether tokens j and j+1, in segment seg, are a
// time of day said in words, an hour then its minutes («семь
// пятнадцать», «десять тридцать»).
func (s *scan) hourWordsAt(j int, seg int32) bool {
	if j+1 >= len(s.toks) || s.toks[j].seg != seg || s.toks[j+1].seg != seg {
		return false
	}
	h, m := &s.toks[j], &s.toks[j+1]
	if k := h.num(); k != nkUnit && k != nkTeen || lexNumVals[h.ent] == 0 {
		return false
	}
	k := m.num()
	return k == nkTeen || k == nkTens && lexNumVals[m.ent] <= 50
}

// hourAt reports whether token j, in segment seg, is an hour of the day
// written in digits (0 to 24).
func (s *scan) hourAt(j int, seg int32) bool {
	if j >= len(s.toks) || s.toks[j].seg != seg || s.toks[j].num() != nkDigits {
		return false
	}
	w := s.norm(j)
	return len(w) <= 2 && (len(w) == 1 || w[0] <= '1' || w[0] == '2' && w[1] <= '4')
}

// officeWord: a word that says an address is a company's place, «наш»
// in its forms among them (not «нашли», «нашёл»: ourWord).
func officeWord(w string) bool { return officeWords.of(w) || ourWord(w) }

var officeWords = newBeginningSet("отделени", "офис", "пункт", "выдач", "салон", "клиник", "филиал", "мфц", "находим", "находит", "работает", "работаем", "работают",
	"этаж", "кабинет", "магазин", "склад", "банкомат", "переехал", "терминал", "сервис", "автосервис",
	// A pharmacy, a client service, an invitation to come: «есть в
	// аптеке на ...», «приходите в клиентскую службу на ...».
	"аптек", "клиентск", "приходите", "подходите", "приезжайте", "подъезжайте",
	// An appointment's place: «запись на 12 декабря ... окно 6 по адресу ...».
	"окно", "запись",
	// A parcel locker, a company's department: «постамат на ...», «отдел
	// кадров на ...».
	"постамат", "почтомат", "отдел",
	// A restaurant, a cafe: «плюс 20 процентов ресторан проспект мира 211».
	"ресторан", "кафе",
	// A state office, a court, a notary's, and the bid to file there:
	// «подайте заявление в инспекцию ... на улице ударной 10», «оплата
	// только в конторе на улице пушкина 10» (causes block KW).
	"контор", "инспекц", "суд", "канцеляр", "военкомат", "комиссариат", "загс", "архив", "цафап", "гибдд", "подайте", "подается", "подавать", "обращайтесь", "обратитесь")

// isWord reports whether w is one of ws.
//
// Not inlined: its loop was copied into each of its 250 call sites, and
// the copies a call runs were some 17 code lines it read from memory
// (callgrind, BenchmarkColdCalls/plain: 816 -> 799 a call, 290
// instructions more).
//
//go:noinline
func isWord(w string, ws ...string) bool {
	for _, x := range ws {
		if w == x {
			return true
		}
	}
	return false
}

func (s *scan) nearWord(i, n int, ws ...string) bool {
	for j := i - 1; j >= 0 && j >= i-n; j-- {
		if isWord(s.norm(j), ws...) {
			return true
		}
	}
	return false
}

// houseRun reads «дом 5 корпус 2 квартира 12», «5к2 кв 12», «д 15»: from j,
// house words and numbers (a number with a letter too: «12а»). It returns
// the end and whether a number was read.
func (s *scan) houseRun(j int) (int, bool) {
	end, house := j, false
	if j >= len(s.toks) {
		return end, house
	}
	// An address is said in one sentence: the next segment's numbers are
	// someone else's (a hotline, a price).
	seg := s.toks[j].seg
	// Ten pieces at most (words and numbers), a run of numbers counted
	// once: «квартира двести девяносто девять этаж двенадцатый» is as
	// long as «квартира 299 этаж 12», «квартира 1 4 5» as «квартира 145».
	// A run of digits longer than a house's or a flat's number is cut
	// below, so a phone said after the address is no part of it.
	// flat: a flat's word was read and then its number. Issue 13's
	// address is the street, the house and the flat: what is said after
	// the flat, an entrance, a floor, an intercom («квартира 206 девятый
	// этаж», «кв 91 подъезд 2», «кв 15 домофон 15»), is no part of it.
	flatWord, flat := false, false
	for n := 0; j < len(s.toks) && n < 10; n++ {
		u := &s.toks[j]
		if u.has(tNum) && j > 0 && s.toks[j-1].seg == u.seg && s.toks[j-1].has(tNum) && !u.has(tHouse) {
			n--
		}
		if flat && (s.floorAt(j) > j || afterFlatWord(s.normOf(u))) {
			return end, house
		}
		if u.seg != seg {
			// The flat said in the next sentence: «переулок строителей
			// 4» — «квартира сорок четыре».
			if !house || !u.has(tFlat) || u.seg != seg+1 {
				break
			}
			seg = u.seg
		}
		switch {
		case house && s.floorAt(j) > j:
			// «подъезд 4 этаж 3 квартира 51»: read on to the flat, which
			// ends the address; a floor with no flat after it is not
			// the address's («проспект мира 5 второй этаж»).
			j = s.floorAt(j)
		case u.has(tHouse) || plotWord(s.normOf(u)) || house && roomWord(s.normOf(u)):
			flatWord = u.has(tFlat)
			if s.normOf(u) == "к" && s.obliqueNumberWord(j+1) {
				return end, house // «будет к трём», «к пяти»: a time, no «корпус» (causes block LA)
			}
			j++
			// «дом 3 литер б», «дом 4 корпус б»: the letter after its
			// word.
			if house && j < len(s.toks) && s.toks[j].seg == seg && (isWord(s.normOf(u), "литер", "литера") && s.letter(j) ||
				isWord(s.normOf(u), "корпус", "корп", "строение", "стр") && s.houseLetter(j)) {
				j++
				end = j
			}
		case u.has(tNum) && u.num() != nkOrdinal:
			if s.quantityAfter(j+1) && !(j+1 < len(s.toks) && floorWord(s.norm(j+1))) {
				return end, house // «площадь квартиры 45 метров»
			}
			// (Nor when the number words go on to a unit, «квартира
			// тридцать восемь метров», «шестьдесят пятого года
			// постройки», or to thousands, «квартиры четыре тысячи
			// пятьсот»: causes block MB.)
			if k := s.numberWordsEnd(j); k > j+1 && (s.quantityAfter(k) && !(k < len(s.toks) && floorWord(s.norm(k))) || s.thousandIn(j, k)) {
				return end, house
			}
			// Round thousands start a sum, no house's or flat's number
			// («кв 4 45 000 в месяц»).
			if u.num() == nkDigits && j > 0 && j+1 < len(s.toks) && s.toks[j+1].seg == u.seg && s.norm(j+1) == "000" && s.toks[j-1].num() == nkDigits {
				return end, house
			}
			// A flat's number is one group of digits (or digits said one
			// by one: «квартира 1 4 5»): digits after it are another
			// value («квартира 77 8 903 515 03 62», the phone asked with
			// it).
			if u.num() == nkDigits && j >= 2 && s.toks[j-1].num() == nkDigits && len(s.norm(j-1)) >= 2 && s.toks[j-2].has(tFlat) && s.toks[j-2].seg == u.seg {
				return end, house
			}
			// Nor is a number longer than a flat's four digits said
			// digit by digit: «квартира 7 8 9 1 6 1 2 3 4 5 6 7» is the
			// flat 7 and a phone; «номер 2 2 0 0 1 3 9», a ticket.
			if u.num() == nkDigits && !(j > 0 && s.toks[j-1].seg == u.seg && s.toks[j-1].num() == nkDigits) && s.digitRunLen(j) > maxHouseDigits {
				// (The house, then a phone or a postal index: «дом 28
				// 301 240», causes block JU.)
				if rest := s.digitRunLen(j + 1); j+1 < len(s.toks) && s.toks[j+1].seg == u.seg && (rest >= 10 && rest <= 11 || rest == 6 && u.nl <= 3 && s.toks[j+1].nl >= 3) {
					return j + 1, true
				}
				// (The flat's word, then its number and a date in digits
				// read as one run: «квартира 3 02 08 1990», the date of
				// birth asked with the address; causes block RX. The
				// address ends after the flat's word, and the run is the
				// number rules', whichever takes it: no word of the
				// address is left between them.)
				if flatWord && house && u.nl <= 3 && s.dateDigitsAt(j+1) {
					return j, true
				}
				return end, house
			}
			j++
			end, house = j, true
			flat = flat || flatWord
			continue
		case houseNumber(s.normOf(u)) || (house && j == end && s.houseLetter(j)):
			j++
			end, house = j, true
			continue
		case u.has(tFiller) || s.normOf(u) == "дробь" || s.normOf(u) == "слэш":
			j++
		case j > 0 && s.toks[j-1].has(tHouse) && s.toks[j-1].seg == seg && s.ownerSkipped(j) > j:
			// Whose it is, between the word and its number («квартира моя
			// шестьдесят один», «дом наш 12»: causes block KU).
			j++
		case house && j == end && s.numberCorrected(j) > j:
			// «дом девяносто семь ой не девяносто семь а двадцать
			// пять», «квартира 14 вернее 41»: the number said again
			// corrected is the address's.
			j = s.numberCorrected(j)
		default:
			return end, house
		}
	}
	return end, house
}

// dateDigitsAt reports whether a date in digits starts at token k in
// the sentence of the token before it: a day, a month and a year of two
// or four digits, three groups («02 08 1990», «17 4 88»).
func (s *scan) dateDigitsAt(k int) bool {
	if k < 1 || k+2 >= len(s.toks) {
		return false
	}
	var v [3]int
	for n := range 3 {
		t := &s.toks[k+n]
		w := s.normOf(t)
		if t.seg != s.toks[k-1].seg || t.num() != nkDigits || len(w) > 4 {
			return false
		}
		for _, r := range w {
			v[n] = 10*v[n] + int(r-'0')
		}
		if n < 2 && len(w) > 2 || n == 2 && len(w) != 2 && len(w) != 4 {
			return false
		}
	}
	return v[0] >= 1 && v[0] <= 31 && v[1] >= 1 && v[1] <= 12
}

// ownerSkipped returns j+1 when token j says whose a house or a flat is
// between its word and its number («квартира моя шестьдесят один», «дом
// наш 12»: causes block KU), a number (no ordinal) following in the
// sentence; j otherwise.
func (s *scan) ownerSkipped(j int) int {
	if j+1 < len(s.toks) && s.toks[j+1].seg == s.toks[j].seg && s.toks[j+1].has(tNum) && s.toks[j+1].num() != nkOrdinal &&
		isWord(s.norm(j), "моя", "мой", "мое", "наша", "наш", "наше") {
		return j + 1
	}
	return j
}

// obliqueNumberWord reports whether token k is a number word in the
// dative or the genitive («трём», «пяти», «двадцати», «двум»): what
// follows «к» of a time («к трём»), never a building's number (said
// «корпус два», «к 2»).
func (s *scan) obliqueNumberWord(k int) bool {
	if k >= len(s.toks) || k == 0 || s.toks[k].seg != s.toks[k-1].seg || !s.toks[k].has(tNum) || s.toks[k].num() == nkDigits {
		return false
	}
	w := s.norm(k)
	for _, end := range []string{"ти", "ем", "ум", "ух", "ех", "ми"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return w == "трём" || w == "четырём" || w == "трем" || w == "четырем"
}

// numberCorrected returns where the number a speaker corrects to starts,
// after a number ending at token j, in j's sentence: one or two
// correction words («ой», «нет», «вернее», «точнее», «то есть») and then
// a number, or «не», the denied number and «а» before it («ой не 97 а
// 25», «не 12 а 21»); j when none follows.
func (s *scan) numberCorrected(j int) int {
	seg := s.toks[j-1].seg
	same := func(k int) bool { return k < len(s.toks) && s.toks[k].seg == seg }
	k := j
	for same(k) && k < j+2 && !s.toks[k].has(tNum) && (correctionWord(s.norm(k)) || isWord(s.norm(k), "вернее", "точнее") ||
		s.norm(k) == "то" && same(k+1) && s.norm(k+1) == "есть") {
		if s.norm(k) == "то" {
			k++
		}
		k++
	}
	if same(k) && s.norm(k) == "не" && same(k+1) && s.toks[k+1].has(tNum) {
		k++
		for same(k) && s.toks[k].has(tNum) && !s.toks[k].has(tUnit) {
			k++
		}
		if !same(k) || s.norm(k) != "а" {
			return j
		}
		k++
	} else if k == j {
		return j
	}
	if !same(k) || !s.toks[k].has(tNum) || s.toks[k].num() == nkOrdinal {
		return j
	}
	// (The number closes the sentence or goes on with the address: «дом
	// 5 нет 3 этажа» is kept.)
	e := k
	for same(e) && s.toks[e].has(tNum) && !s.toks[e].has(tUnit) {
		e++
	}
	if same(e) && !s.toks[e].has(tHouse|tFiller) {
		return j
	}
	return k
}

// maxHouseDigits is the most digits a house's or a flat's number has.
const maxHouseDigits = 4

// digitRunLen returns how many digits the run of numbers in digits from
// token j has, in j's sentence; 0 when the run has round thousands, a sum
// («кв 4 45 000 в месяц», read by houseRun's own rule).
func (s *scan) digitRunLen(j int) int {
	n := 0
	for k := j; k < len(s.toks) && s.toks[k].seg == s.toks[j].seg && s.toks[k].num() == nkDigits; k++ {
		if s.norm(k) == "000" {
			return 0
		}
		n += len(s.norm(k))
	}
	return n
}

// floorAt returns where a floor said from token j ends («пятый этаж»,
// «этаж 7», «3 этаж», «на девятом этаже»): the floor word and its number
// in j's sentence; j when none starts there. Only houseRun asks, after a
// house number, so a floor said alone («поднимите на третий этаж») is
// never read.
func (s *scan) floorAt(j int) int {
	seg := s.toks[j].seg
	same := func(k int) bool { return k < len(s.toks) && s.toks[k].seg == seg }
	k := j
	if s.norm(k) == "на" && same(k+1) {
		k++
	}
	switch {
	case floorWord(s.norm(k)) && same(k+1) && s.toks[k+1].has(tNum):
		return k + 2 // «этаж 7», «этаж второй»
	case s.toks[k].has(tNum) && same(k+1) && floorWord(s.norm(k+1)) && !(k > 0 && s.toks[k-1].has(tHouse)) && !(same(k+2) && s.toks[k+2].has(tNum)):
		// «3 этаж», «девятый этаж»; not «квартира 9 этаж второй», the
		// flat's number, nor the end of a flat's number in words before
		// the floor's own («квартира двести девяносто девять этаж
		// двенадцатый»).
		return k + 2
	}
	return j
}

// afterFlatWord: a word that, after the flat's number, opens what the
// address is not: an entrance, a floor, an intercom (an entrance's or a
// door's code is what its own rule says).
func afterFlatWord(w string) bool {
	return floorWord(w) || isWord(w, "подъезда", "парадная", "парадной", "домофон", "домофона", "этажа")
}

func floorWord(w string) bool {
	return isWord(w, "этаж", "этаже", "подъезд", "подъезде")
}

// houseLetter reports whether token j is the letter of a house number
// said apart («дом 15 а»): а, б, г, or в not followed by a word it
// would govern («дом 5 в москве»); never «я», «и», «с».
func (s *scan) houseLetter(j int) bool {
	switch s.norm(j) {
	case "а", "б", "г", "a", "b":
		return true
	case "в":
		return j+1 >= len(s.toks) || s.toks[j+1].seg != s.toks[j].seg || s.toks[j+1].has(tHouse)
	}
	return false
}

// houseNumber: «12а», «5к2».
func houseNumber(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9' && len(w) <= 8
}

// nameFamily: the name rules start from a name's cue (tNameCue: «зовут»,
// «фамилия»), a role word (tRole: «я», «это», «беспокоит»), a first name
// (tFirstName) or one in another case a list knows (tNameForm), a
// relative's word (tKin), or the other side's question for a name.
// stutteredNames, staffNames and birthAfterName read only around the
// names masked (claimed).
var nameFamily = family{
	starts: tNameCue | tRole | tFirstName | tKin | tNameForm,
	asks:   othersName,
	opens: func(s *scan) bool {
		return s.patronymicSaid() || s.bareSurnameSaid() || s.datedNameSaid() || s.youSurnameAt() >= 0
	},
	rules: []familyRule{{run: (*scan).names}, {run: (*scan).namesLeft, may: (*scan).namesLeftMay}, {run: (*scan).namesAgain}, {run: (*scan).datedChildren, needs: tNum}, {run: (*scan).stutteredNames, after: typesOf(Name)}, {run: (*scan).turkicNames},
		{run: (*scan).staffNames, after: typesOf(Name)}, {run: (*scan).spelledNames, asks: othersName}, {run: (*scan).changedNames, asks: othersName}, {run: (*scan).namesAcrossDates, asks: othersName}, {run: (*scan).birthAfterName, after: typesOf(Name)},
		{run: (*scan).coupleNames, after: typesOf(Name)}, {run: (*scan).firstNameReadBack, asks: ownName}, {run: (*scan).readBackThenAsked, needs: tNameCue, asks: ownName},
		{run: (*scan).nameThenYou, needs: tRole}},
}

// youSurnameAt returns the first token after which surnameAfterYouAt may
// read a surname on the operator's channel («вы», then a word of a
// surname's ending, youSurnameMay), or -1: its gate.
func (s *scan) youSurnameAt() int {
	if s.role == schemas.RoleClient {
		return -1
	}
	for i := 0; i+1 < len(s.toks); i++ {
		if s.toks[i].nl == uint32(len("вы")) && s.toks[i+1].seg == s.toks[i].seg && s.normOf(&s.toks[i]) == "вы" && youSurnameMay(s.norm(i+1)) {
			return i
		}
	}
	return -1
}

// surnameAfterYouAt masks the client's surname the operator reads back
// after «вы» at token i to confirm whom it speaks with (causes block PU:
// «я правильно понимаю вы кудрявцева», «вы шамсутдинов верно», «вы
// гончаренко валентина да»): a surname by a list or its ending, no
// common word, short adjective or participle («вы готовы», «вы
// записаны»), title or status («вы гражданин», «вы пенсионер»), closing
// the sentence or before «верно», «правильно», «да», «так», or before a
// first name, which is masked with it. fullNames asks it in its pass
// over the tokens (a pass of its own cost every operator's channel 4
// instructions a token), on the operator's channel.
func (s *scan) surnameAfterYouAt(i int) {
	j := i + 1
	if j >= len(s.toks) || s.toks[j].seg != s.toks[i].seg || s.marks[j] != 0 {
		return
	}
	w, seg := s.norm(j), s.toks[j].seg
	// (Nor an adverb of a surname's ending: «вы одиноко», «вы далеко».)
	if !s.surnameAt(j) || commonWord(w) || shortAdjective(w) || title(w) || statusWord(w) || orgWord(w) || surnameShapedNouns[w] || caseNouns[w] || hasAnySuffix(w, "око", "еко", "ёко") {
		return
	}
	end := j + 1
	for end < len(s.toks) && end < j+3 && s.toks[end].seg == seg && s.marks[end] == 0 && (s.toks[end].has(tFirstName) && !s.toks[end].has(tStop|tNum|tCue|tTrap) || end > j+1 && patronymic(s.norm(end))) {
		end++
	}
	if end < len(s.toks) && s.toks[end].seg == seg && !isWord(s.norm(end), "верно", "правильно", "да", "так") {
		return
	}
	s.claim(Name, ruleNameFull, j, end)
}

// youSurnameMay reports whether w, said after «вы», may be a surname
// surnameAfterYou reads, by its bytes: a surname's ending in the
// nominative (a superset: the rule decides).
func youSurnameMay(w string) bool {
	return len(w) >= 8 && (strongSurnames.of(w, 6) || hasAnySuffix(w, "ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ина", "ына", "ский", "ская", "цкий", "цкая", "ко"))
}

// patronymicSaid reports whether the channel has a patronymic written out
// in full («-ович», «-евна», «-ична» and their cases) that no list knows
// as a word of its own: a full name whose first name no list knows
// («как записать» — «ташматов шухром рахимович на десять», causes block
// OP) has no other word the name rules start from.
func (s *scan) patronymicSaid() bool {
	for i := range s.toks {
		if t := &s.toks[i]; t.nl >= 10 && t.trig&^tNameForm == 0 && patronymics.of(s.normOf(t), 4) {
			return true
		}
	}
	return false
}

// datedNames masks a full name opening a sentence right before a whole
// date, with no cue for either (causes block PA: «ребёнок» — «кравец
// маргарита 27 09 2018», «данные ребёнка» — «сафина дана 03 03 2022 снилс
// ...»): a word no list knows (no verb, adjective, pronoun, staff or
// status word) and a first name a list knows, or a surname by its ending
// and a first name a list knows or a word no list knows; and the date
// after it, a date of birth.
func (s *scan) datedNames() {
	for k := 0; k+2 < len(s.toks); k++ {
		// (A two-word name another rule masked, opening the sentence
		// before a whole date with its year: the date is its owner's
		// date of birth too, «кого записываем» — «[зарипова айлин] 19
		// 08 2021».)
		if s.toks[k+2].has(tNum) && s.marks[k+2] == 0 && s.marks[k] != 0 && s.marks[k] == s.marks[k+1] && s.maskedAs(k, Name) && (k == 0 || s.marks[k-1] != s.marks[k]) &&
			s.toks[k].seg == s.toks[k+2].seg && s.segStart(k) {
			if end := s.dateRun(k + 2); end > k+2 && s.hasYear(k+2, end) && s.wholeDate(k+2, end) {
				s.claimBirth(k+2, end, ruleBirthName)
			}
			continue
		}
		if s.toks[k+2].has(tNum) && s.datedName(k) {
			s.claim(Name, ruleNameFull, k, k+2)
			// The date right after the name is its owner's date of birth,
			// a recent one too (a child's: birthAfterName takes a recent
			// year only where a child's was asked for by a word it knows).
			if end := s.dateRun(k + 2); s.marks[k+2] == 0 {
				s.claimBirth(k+2, end, ruleBirthName)
			}
		}
	}
}

// datedNameSaid reports whether the channel has a name datedNames masks
// (the name family opens on it: such a sentence has no other name's
// word when the first name is one no list knows).
func (s *scan) datedNameSaid() bool {
	for k := 0; k+2 < len(s.toks); k++ {
		if s.toks[k+2].has(tNum) && s.datedName(k) {
			return true
		}
	}
	return false
}

// datedName reports whether tokens k and k+1 are a full name datedNames
// masks.
func (s *scan) datedName(k int) bool {
	a, b, c := &s.toks[k], &s.toks[k+1], &s.toks[k+2]
	if a.seg != b.seg || b.seg != c.seg || s.marks[k] != 0 || s.marks[k+1] != 0 || !s.segStart(k) {
		return false
	}
	wa, wb := s.normOf(a), s.normOf(b)
	if !isLetters(wa) || !isLetters(wb) {
		return false
	}
	unknown := func(t *token, w string) bool {
		return t.trig == 0 && len(w) >= 6 && !commonWord(w) && !pastVerb(w) && !pronoun(w) && !staffWord(w) && !statusWord(w) && !orgWord(w) && !hasAnySuffix(w, "ние", "тие", "ство", "ость")
	}
	firstB := b.has(tFirstName) && !b.has(tStop|tNum|tCue|tTrap|tMonth) && !wordName(wb)
	surA := surnameLike(wa, a.trig) && !commonWord(wa)
	if !(firstB && (surA || unknown(a, wa)) || surA && unknown(b, wb)) {
		return false
	}
	end := s.dateRun(k + 2)
	return end > k+2 && s.wholeDate(k+2, end)
}

// bareSurnameSaid reports whether the channel has a surname said after
// «на», «у», «от», «для», «передайте», «какой-то», «некой» (prepSurname): a sentence with
// no other name's word («справку выдали на мельникову», causes block OS),
// which the prefilter loads for it (prepSurnameMay).
func (s *scan) bareSurnameSaid() bool {
	for i := 1; i < len(s.toks); i++ {
		if p := s.toks[i-1].nl; (p == 2 || p == 4 || p == 6 || p == 10 || p == 12 || p == 14 || p == 18) && s.toks[i].trig == 0 && s.prepSurname(i) {
			return true
		}
	}
	return false
}

// nameThenYou masks the name a speaker reads out to ask whether it is the
// listener's, the sentence closing with «это вы» (causes block NX:
// «владелец мюллер андреас это вы», «нгуен ван тхань это вы», «кожемякин
// это вы»): after a payee's or an owner's word at most, one to three
// words of a name: a first name, a patronymic, a surname by its ending, a
// particle, or, two or three of them, words no list knows (no verb,
// adjective, pronoun, staff or role word: «хозяин это вы», «новый жилец
// это вы» name nobody). On either channel: the operator checks whom they
// speak with.
func (s *scan) nameThenYou() {
	for _, r := range s.segs {
		end := r.to
		if end-r.from >= 3 && isWord(s.norm(end-1), "да", "нет") {
			end--
		}
		if end-r.from < 3 || s.norm(end-1) != "вы" || s.norm(end-2) != "это" {
			continue
		}
		end -= 2
		j := r.from
		for j < end && j < r.from+2 && s.marks[j] == 0 && (s.toks[j].has(tKin|tNameQ) && !s.toks[j].has(tFirstName) || isWord(s.norm(j), "а", "так", "вот", "значит", "ну")) {
			j++
		}
		// (Or the last two or three words before «это вы», every one a
		// name's word, after other words: «владелец номера по договору
		// лысенко богдан олегович это вы», causes block MI.)
		strict := false
		if end-j > 3 {
			j, strict = end-3, true
		}
		if j == end || s.claimed(j, end) {
			continue
		}
		named, unknown := 0, 0
		for k := j; k < end; k++ {
			t := &s.toks[k]
			w := s.normOf(t)
			switch {
			case !isLetters(w) || t.has(tStop|tNum|tCue|tTrap|tUnit|tMonth|tStreet|tHouse|tSettle|tOperator|tKin) || staffWord(w) || roleWords.of(w) || orgWord(w) || pronoun(w) || title(w) || bigCities[w]:
				named = -9
			case t.has(tFirstName|tNameForm) || patronymic(w) || surnameLike(w, t.trig) && !commonWord(w) && !roleNoun(w) || nameParticles[w] && k+1 < end:
				named++
			case t.trig == 0 && utf8.RuneCountInString(w) >= 3 && (!commonWord(w) || nameInAt(w)) && !pastVerb(w) && !roleNoun(w):
				unknown++
			default:
				named = -9
			}
		}
		if named < 0 || named == 0 && unknown < 2 || strict && named < 3 {
			continue
		}
		s.claim(Name, ruleNameIntro, j, end)
	}
}

// roleNoun reports whether w is a noun of a person's role that ends as a
// surname does or no list has («хозяин», «жилец», «заказчик»).
func roleNoun(w string) bool {
	return isWord(w, "хозяин", "хозяйка", "хозяина", "жилец", "жильцы", "заказчик", "заказчица", "клиент", "клиентка", "абонент", "пациент", "пациентка", "адресат", "арендатор", "наниматель", "представитель", "опекун", "наследник", "наследница", "родитель", "мужчина", "женщина", "девушка", "молодой", "человек")
}

// surnameAlone reports whether token k, said with no cue, reads as a
// surname: a Korean one or one a list or its ending knows, no adjective,
// verb, pronoun, short adjective or staff word.
func (s *scan) surnameAlone(k int) bool {
	t := &s.toks[k]
	w := s.normOf(t)
	if t.has(tStop|tNum|tCue|tTrap|tUnit|tConn|tMonth|tStreet|tHouse|tSettle|tOperator|tFirstName|tNameForm) || !isLetters(w) || confirmWord(w) {
		return false
	}
	if koreanSurname(w) {
		return true
	}
	return surnameLike(w, t.trig) && !commonWord(w) && !pronoun(w) && !staffWord(w) && !orgWord(w) && !shortAdjective(w) && !bigCities[w] && !obliqueSurname(w)
}

// obliqueSurname reports whether w ends as a surname in an oblique case
// does («петрову», «гусевой», «шевчуку», «петровым»): someone's said to or
// of, not the speaker's own given unasked.
func obliqueSurname(w string) bool {
	for _, e := range [...]string{"у", "ю", "ой", "ым", "им", "ом", "ому", "ему"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// firstNameReadBack masks a first name (with its patronymic at most) said
// alone as a sentence by the side that asked for a name, in the 11 s
// after its question (causes block HC: «как вас зовут» — «зайцева» —
// «екатерина»: read from its records to be confirmed). The side's own
// name is said with «меня зовут» or «я», not alone.
func (s *scan) firstNameReadBack() {
	s.afterNameQuestions(11, func(r segRange) {
		j := r.from
		for j < r.to && j < r.from+2 && s.toks[j].has(tStop|tConn|tFiller) && !s.toks[j].has(tFirstName|tRole) {
			j++
		}
		if j < r.to && s.marks[j] == 0 && s.toks[j].has(tFirstName) && (j+1 == r.to || j+2 == r.to && patronymic(s.norm(j+1))) {
			s.claim(Name, ruleNameAnswer, j, r.to)
		}
	})
}

// afterNameQuestions calls read with each of the side's sentences said
// from 0.5 s to window seconds after one of its questions for a name
// (firstNameReadBack, readBackThenAsked): once a question, so a sentence
// after two is read twice.
func (s *scan) afterNameQuestions(window float64, read func(r segRange)) {
	for k := range s.cues {
		q := &s.cues[k]
		if !q.name {
			continue
		}
		for _, r := range s.segs {
			if r.from >= r.to {
				continue
			}
			if at := s.t0(&s.toks[r.from]); at <= q.at+0.5 || at-q.at > window {
				continue
			}
			read(r)
		}
	}
}

// readBackThenAsked masks the name the side that asked for it reads back
// before asking for the next part of it, in the 20 s after its question
// (causes block NG: «фамилия латиницей» — «с а в и н а» — «савина имя»,
// «кравцова анна отчество»): a sentence of one or two words that read as
// a name's (a surname by its ending, a first name, a patronymic) and a
// name's cue closing it («имя», «отчество», «имя отчество»).
func (s *scan) readBackThenAsked() {
	s.afterNameQuestions(20, func(r segRange) {
		if r.to-r.from < 2 || r.to-r.from > 4 || !s.toks[r.to-1].has(tNameCue) {
			return
		}
		end := r.from
		for end < r.to && end < r.from+2 && s.marks[end] == 0 && !s.toks[end].has(tStop|tNum|tCue|tTrap|tNameCue) &&
			(s.toks[end].has(tFirstName|tNameForm) || patronymic(s.norm(end)) || s.surnameAt(end) && !commonWord(s.norm(end))) {
			end++
		}
		if end == r.from {
			return
		}
		cue := end
		for cue < r.to && s.toks[cue].has(tNameCue) {
			cue++
		}
		if cue == r.to && cue > end {
			s.claim(Name, ruleNameAnswer, r.from, end)
		}
	})
}

// coupleNames masks a surname joined by «и» to a masked one of the same
// stem (causes block GN: a couple, a family, «осипов и осипова»,
// «гаврилова и гаврилов»): the same word, or it with the feminine «а»
// added or taken away, or «ий»/«ой» for «ая». Run only when something
// was masked.
func (s *scan) coupleNames() {
	for k, n := 0, len(s.found); k < n; k++ {
		f := s.found[k]
		if typeAt[f.typ] != Name || f.rule == ruleDropped {
			continue
		}
		seg := s.toks[f.from].seg
		if j := f.to; j+1 < len(s.toks) && s.toks[j].seg == seg && s.toks[j+1].seg == seg && s.norm(j) == "и" && s.marks[j+1] == 0 && sameSurname(s.norm(f.to-1), s.norm(j+1)) {
			s.claim(Name, ruleNameFull, j+1, j+2)
		}
		if j := f.from - 1; j >= 1 && s.toks[j].seg == seg && s.toks[j-1].seg == seg && s.norm(j) == "и" && s.marks[j-1] == 0 && sameSurname(s.norm(f.from), s.norm(j-1)) {
			s.claim(Name, ruleNameFull, j-1, j)
		}
	}
}

// changeWordLens has a bit for the byte length of each word a change
// of surname opens with in changedNamesIn.
var changeWordLens = func() uint64 {
	var m uint64
	for _, w := range []string{"новая", "новый", "старая", "прежняя", "девичья", "бывшая", "нынешняя", "урожденная", "урождённая", "в", "была", "был"} {
		m |= 1 << len(w)
	}
	return m
}()

// sameSurname reports whether b is surname a in the other gender (or a
// again): «осипов» «осипова», «гаврилова» «гаврилов», «тарасенко»,
// «белый» «белая». Words of fewer than five letters are left (too many
// common words pair so).
func sameSurname(a, b string) bool {
	if utf8.RuneCountInString(a) < 5 || utf8.RuneCountInString(b) < 5 || !isLetters(a) || !isLetters(b) || commonWord(a) || commonWord(b) {
		return false
	}
	if a == b || a+"а" == b || b+"а" == a {
		return true
	}
	for _, p := range [][2]string{{"ий", "ая"}, {"ой", "ая"}, {"ый", "ая"}} {
		if strings.HasSuffix(a, p[0]) && strings.HasSuffix(b, p[1]) && a[:len(a)-len(p[0])] == b[:len(b)-len(p[1])] ||
			strings.HasSuffix(b, p[0]) && strings.HasSuffix(a, p[1]) && b[:len(b)-len(p[0])] == a[:len(a)-len(p[1])] {
			return true
		}
	}
	return false
}

// names: the client says who they are: «меня зовут иван петров», «моя
// фамилия петрова», «это сергей николаевич», «my name is john smith»; or
// answers the operator's «как вас зовут?». The operator's own name is
// never masked: it is on the operator's channel, or on a mono channel next
// to the company's name.
func (s *scan) names() {
	// Full names last: the cue rules name what they found better
	// («name/cue»), and a full name's rule takes what they left; then the
	// initials after a name (deferred first, run last); namesLeft and
	// namesAgain run after them, the family's next rules (nameFamily).
	defer s.nameInitials()
	defer s.fullNames()
	if s.role == schemas.RoleOperator {
		return
	}
	for _, c := range s.starts {
		i := int(c)
		t := &s.toks[i]
		switch {
		case t.has(tNameCue):
			if i > 0 && isWord(s.norm(i-1), "как", "вас", "ваше", "ваша", "ваши", "your", "what's", "whats") {
				continue
			}
			if s.normOf(t) == "name" && !(i+1 < len(s.toks) && s.norm(i+1) == "is") {
				continue
			}
			// «мне звонили от вашего имени с номера ...»: on someone's
			// behalf, no name after it (cl-0066: «номера» was masked and
			// the phone after it kept).
			if i > 0 && s.toks[i-1].seg == t.seg && s.normOf(t) == "имени" && isWord(s.norm(i-1), "вашего", "нашего", "его", "ее", "её", "моего", "своего", "их", "чьего", "чужого") {
				continue
			}
			// «ваш сотрудник по фамилии чернов», «курьер сказал что его
			// зовут ильдар»: a staff member's name (causes block NM).
			if s.staffNamed(i) {
				continue
			}
			if s.role != schemas.RoleClient && s.operatorNear(i) {
				continue
			}
			// «меня катя зовут», «катя меня зовут»: the name before it.
			nameNext := i+1 < len(s.toks) && s.toks[i+1].seg == t.seg && looksLikeNamePart(s.lang, s.norm(i+1), s.toks[i+1].trig)
			// «меня алина зовут сорокина»: before it and after it both
			// (not «здравствуйте галина меня зовут олег»: the operator).
			if k := i - 1; s.normOf(t) == "зовут" && k >= 0 && s.toks[k].seg == t.seg {
				if s.norm(k) == "меня" && k > 0 && s.toks[k-1].seg == t.seg {
					k--
				} else if s.norm(k) == "меня" {
					k = -1
				}
				if k >= 0 && s.norm(k) != "меня" && (!nameNext || k > 0 && s.norm(k-1) == "меня") {
					if from := s.nameBeforeCue(k); from <= k {
						s.claim(Name, ruleNameCue, from, k+1)
						if !nameNext {
							continue // the name was before it
						}
					}
				}
			}
			// «иванова моя фамилия»: the surname said first, opening
			// the sentence, the cue closing it.
			if k := i - 1; s.normOf(t) == "фамилия" && k > 0 && isWord(s.norm(k), "моя", "у") && s.toks[k].seg == t.seg && s.toks[k-1].seg == t.seg && s.marks[k-1] == 0 &&
				(s.surnameAt(k-1) || s.toks[k-1].trig == 0 && isLetters(s.norm(k-1)) && !commonWord(s.norm(k-1))) && s.segStart(k-1) &&
				(i+1 >= len(s.toks) || s.toks[i+1].seg != t.seg) {
				s.claim(Name, ruleNameCue, k-1, k)
				continue
			}
			// The name after the cue, in its sentence, or opening the
			// next («меня зовут» — «иван петров»), not after a word there
			// («спасибо анна сергеевна» is the operator thanked).
			if i+1 < len(s.toks) && s.toks[i+1].seg != t.seg && s.toks[i+1].has(tStop|tConn) && !s.toks[i+1].has(tFirstName) {
				continue
			}
			s.nameAfter(i+1, true, ruleNameCue)
		case t.has(tRole):
			// «да голованов это я»: the surname said first, opening the
			// sentence.
			if s.normOf(t) == "это" && i > 0 && i+1 < len(s.toks) && s.norm(i+1) == "я" && s.toks[i-1].seg == t.seg && s.marks[i-1] == 0 &&
				s.surnameAt(i-1) && s.segStart(i-1) && (s.role == schemas.RoleClient || !s.operatorNear(i)) {
				s.claim(Name, ruleNameIntro, i-1, i)
			}
			// «петрова беспокоит», «вас соколова беспокоит»: the
			// client's surname opening the sentence before it (the
			// operator's «вас беспокоит анна» is its own name, kept).
			if s.normOf(t) == "беспокоит" && i > 0 && s.toks[i-1].seg == t.seg && s.marks[i-1] == 0 && s.segStart(i-1) &&
				(s.surnameAt(i-1) || s.toks[i-1].trig == 0 && looksLikeNamePart(s.lang, s.norm(i-1), 0)) && (s.role == schemas.RoleClient || !s.operatorNear(i)) {
				s.claim(Name, ruleNameIntro, i-1, i)
			}
			// «это иван петров», «я ольга», «this is john smith».
			j := i + 1
			if j < len(s.toks) && s.norm(j) == "is" {
				j++
			}
			if j >= len(s.toks) {
				continue
			}
			next := &s.toks[j]
			// «это тен сан ир по кредиту», «я югай ен чоль»: a Korean
			// name opening the sentence after «это», «я» (causes block
			// PS).
			if isWord(s.normOf(t), "это", "я") && next.seg == t.seg && koreanShortSurname(s.normOf(next)) && s.segStart(i) && (s.role == schemas.RoleClient || !s.operatorNear(i)) {
				if end := s.koreanNameNamed(j); end > j {
					s.claim(Name, ruleNameIntro, j, end)
					continue
				}
			}
			surnameThenName := isLetters(s.normOf(next)) && !next.has(tStop|tNum|tCue|tTrap|tUnit|tOperator|tStreet|tHouse|tMonth|tNameCue) &&
				j+1 < len(s.toks) && s.toks[j+1].has(tFirstName) && s.toks[j+1].seg == next.seg
			// «а я петров номер мой ...», «я иванова мне звонят»: a
			// surname by a list or its ending right after «я» (causes
			// block GU), not a short adjective that ends as one does
			// («я готова», «я здоров»), nor the object of a verb
			// negated after it («я ленина не знаю»: a street).
			// (Or a «-ский» surname, an adjective's shape: «я вишневская по
			// поводу кредита», causes block PW.)
			selfSurname := s.normOf(t) == "я" && next.seg == t.seg && s.marks[j] == 0 && (s.surnameAt(j) && !commonWord(s.normOf(next)) || next.trig == 0 && skiSurname(s.normOf(next))) && !shortAdjective(s.normOf(next)) &&
				!(j+1 < len(s.toks) && s.toks[j+1].seg == next.seg && s.norm(j+1) == "не")
			if !next.has(tFirstName) && !surnameThenName && !selfSurname && !(isWord(s.normOf(t), "это", "говорит", "беспокоит") && s.segStart(i) && looksLikeNamePart(s.lang, s.normOf(next), next.trig)) {
				continue
			}
			if s.role != schemas.RoleClient && s.operatorNear(i) {
				continue
			}
			// (A surname no list reads, an apostrophe's, before a first
			// name: «я о'хара кейт»; or one no ending tells, «-ец», «-ич»,
			// «-ль», opening the sentence after «это», «я»: «это кравец
			// юлия из кондитерской», causes block OH; not a place's word,
			// «это касса наталья».)
			strong := surnameThenName && (apostropheName(s.normOf(next)) ||
				isWord(s.normOf(t), "это", "я") && (s.segStart(i) || s.normOf(t) == "я" && s.nameCloses(j+2) && !hasAnySuffix(s.normOf(next), "ю", "у")) &&
					s.unknownSurname(j, false) && !institutionWord(s.normOf(next)) && !statusWord(s.normOf(next)) && !workplaceWords.of(s.normOf(next)) && !s.toks[j+1].has(tStop|tCue|tTrap))
			s.nameAfter(j, strong, ruleNameIntro)
		}
	}
	s.answers(func(e cueEvent) bool { return e.name }, func(first int) {
		if s.askedSinceName(first) {
			return // «девичья фамилия» — «турсунова» — «дата и место рождения» — «19 7 1985 ташкент»
		}
		// An official named by their rank or office («фамилия
		// инспектора» — «капитан соколов составил протокол», causes
		// block OY): staff, as after a staff word anywhere.
		if staffWord(s.norm(first)) {
			return
		}
		// A number said first, answering a question for it and the name
		// («номер записи и фио» — «2 0 2 5 ... лопес гарсия мария»): the
		// answer for the name is after it.
		if s.toks[first].has(tNum) {
			k := first
			for k < len(s.toks) && s.toks[k].seg == s.toks[first].seg && s.toks[k].has(tNum|tFiller) {
				k++
			}
			if k-first >= 3 && k < len(s.toks) && s.toks[k].seg == s.toks[first].seg {
				first = k
			}
		}
		j := first
		if s.shortSurname(j) {
			s.claim(Name, ruleNameAnswer, j, j+2)
			return
		}
		if end := s.koreanName(j); end > j {
			s.claim(Name, ruleNameAnswer, j, end) // «пак ен хи» (causes block ND)
			return
		}
		// A Korean surname answering a question for the surname, before
		// «а», «и» («фамилия» — «ким а лечит меня ...»).
		if j+1 < len(s.toks) && s.toks[j+1].seg == s.toks[j].seg && koreanSurname(s.norm(j)) && isWord(s.norm(j+1), "а", "и") && s.nameCueAsked(s.t0(&s.toks[j])) {
			s.claim(Name, ruleNameAnswer, j, j+1)
			return
		}
		// A surname of an adjective's shape answering a question for the
		// surname, the whole answer or before the first name («фамилия» —
		// «толстая», «полевой игорь»; causes block PZ).
		if end := s.adjectiveSurnameAnswer(j); end > j {
			s.claim(Name, ruleNameAnswer, j, end)
			return
		}
		// (Nor a word said of the surname, with no name after it:
		// «фамилия» — «русская а что».)
		if surnameDescription(s.norm(j)) && (j+1 == len(s.toks) || s.toks[j+1].seg != s.toks[j].seg || s.norm(j+1) == "а") {
			return
		}
		// A short surname that is a common word too, said as the whole
		// answer («фамилия» — «ли», «ким», «хан»).
		if (j+1 == len(s.toks) || s.toks[j+1].seg != s.toks[j].seg) && (koreanShortSurname(s.norm(j)) || isWord(s.norm(j), "ли", "ким", "хан", "ан", "нам")) {
			s.claim(Name, ruleNameAnswer, j, j+1)
			return
		}
		for j < len(s.toks) && j < first+3 && s.toks[j].has(tStop|tConn|tRole) && !s.toks[j].has(tFirstName) && !(j == first && s.irishO(j)) {
			if isWord(s.norm(j), "спасибо", "благодарю") {
				return // «спасибо анна сергеевна»: thanking the operator
			}
			j++
		}
		// Initials: two or three letters, then a number or nothing («а р
		// 1988» after «инициалы и год рождения»).
		k := first
		// (A letter said by its name too, the answer to «инициалы»: «вэ
		// о», «эф а», causes block NQ.)
		named := 0
		for k < len(s.toks) && k < first+3 && s.toks[k].seg == s.toks[first].seg && (s.letter(k) || s.letterName(k) && s.nameCueAsked(s.t0(&s.toks[first]))) {
			if !s.letter(k) {
				named++
			}
			k++
		}
		if k-first >= 2 && named < k-first && (k >= len(s.toks) || s.toks[k].seg != s.toks[first].seg || s.toks[k].has(tNum)) {
			s.claim(Name, ruleNameAnswer, first, k)
			return
		}
		// A name spelled, the whole sentence letters and letters' names
		// («ш е в ч у к», «гэ а вэ эр и эл ю ка» after «по буквам»).
		k = s.spelledRun(first)
		if k-first >= 3 && (k >= len(s.toks) || s.toks[k].seg != s.toks[first].seg) {
			s.claim(Name, ruleNameAnswer, first, k)
			return
		}
		// Spelled, then said whole («ка у эль и ка о вэ куликов», «эс эм
		// и эр эн о вэ смирнов»): the word that the letters spell.
		if k-first >= 3 && s.spelledBefore(first, k) {
			s.claim(Name, ruleNameAnswer, first, k+1)
			return
		}
		if j < len(s.toks) && looksLikeNamePart(s.lang, s.norm(j), s.toks[j].trig) {
			s.nameAfter(j, false, ruleNameAnswer)
			s.namesJoined(j)
		} else if j > first && j < len(s.toks) && s.toks[j].seg == s.toks[first].seg && s.marks[j] == 0 && s.surnameAt(j) {
			// A surname in another case after «на», «для» («на кого
			// записать» — «на гаврилову»).
			s.nameAfter(j, true, ruleNameAnswer)
		} else if j < len(s.toks) && j == first && (s.toks[j].trig == 0 || s.irishO(j)) && s.toks[j].seg == s.toks[first].seg && isLetters(s.norm(j)) && s.marks[j] == 0 {
			// A name no list knows, said as the whole answer («ким ен
			// хо», «цхведиани ника»), or opening it before a number, a
			// date, a cue or a trap word («гусейнзаде эльнур 8 925 ...»,
			// «ондар айдыс заезд 5 мая»), or two such names joined by
			// «и» («кипиани тамаз и кипиани нино»).
			// (A question that names no name's word, «кому», «на кого»,
			// «гость», is answered by a role or a word as often: the
			// answer must have a word that reads as a name.)
			strong := s.nameCueAsked(s.t0(&s.toks[first]))
			for j < len(s.toks) {
				end, closed := s.unknownNameRun(j)
				// (Or a word no list knows and a first name a list
				// knows, answering a question with a name's word, before
				// more words: «фамилия и куда направить» — «гайдамак
				// ирина мне на почту ...», causes block OZ.)
				if strong && !closed && end == j+2 && s.toks[j+1].has(tFirstName) && !s.toks[j+1].has(tStop|tNum|tCue|tTrap) && !wordName(s.norm(j+1)) {
					closed = true
				}
				if end == j || !closed && !(end-j >= 2 && end+2 < len(s.toks) && s.norm(end) == "и" && s.toks[end+1].seg == s.toks[j].seg) {
					break
				}
				if !strong && !s.nameLikeIn(j, end) {
					break
				}
				s.claim(Name, ruleNameAnswer, j, end)
				if closed {
					break
				}
				j = end + 1 // after «и»
			}
		}
		// A two-word answer to a question with a name's word, one word a
		// first name masked, the other a word no list knows: the
		// surname, whatever its ending («эмма ватсон», «смит джон»:
		// «смит» ends as a verb does).
		if k := first + 1; k < len(s.toks) && s.toks[k].seg == s.toks[first].seg && (k+1 == len(s.toks) || s.toks[k+1].seg != s.toks[k].seg) && s.nameCueAsked(s.t0(&s.toks[first])) {
			for _, p := range [2][2]int{{first, k}, {k, first}} {
				if m, u := p[0], p[1]; s.maskedAs(m, Name) && s.toks[m].has(tFirstName) && s.marks[u] == 0 && s.toks[u].trig == 0 {
					if w := s.norm(u); len(w) >= 6 && isLetters(w) && !pronoun(w) && !staffWord(w) && !orgWord(w) && !roleWords.of(w) && !adjectival(w) {
						s.claim(Name, ruleNameAnswer, u, u+1)
					}
				}
			}
		}
		// The surname closing a longer answer («такая же как у меня
		// орлов»): its last word, read as a surname by its ending, when
		// nothing in the answer was taken.
		last := first
		for last+1 < len(s.toks) && s.toks[last+1].seg == s.toks[first].seg {
			last++
		}
		if last-first >= 2 && last-first <= 8 && s.surnameAt(last) && !s.claimed(first, last+1) {
			s.claim(Name, ruleNameAnswer, last, last+1)
		}
		// So a first name a list knows closing an answer of a few words to
		// a question for a name, nothing in it taken («а это
		// важно ну лилия», «я забыла представиться светлана», causes
		// block NF); not one that is a common word too («... ну вера»).
		if last-first >= 1 && last-first <= 5 && s.toks[last].has(tFirstName) && !s.toks[last].has(tStop|tNum|tCue|tTrap) && !wordName(s.norm(last)) &&
			!s.claimed(first, last+1) {
			// (ruleNameFull: the operator's own name, said back to
			// them, is left by the echoes: «а зачем вам денис».)
			// A surname by its ending right before it is the name's
			// («табельный номер и фио» — «табельный 31 40 зуев геннадий»,
			// causes block PD).
			from := last
			if k := last - 1; k > first && s.marks[k] == 0 && s.surnameAt(k) && !commonWord(s.norm(k)) {
				from = k
			}
			s.claim(Name, ruleNameFull, from, last+1)
		}
	})
	s.surnameOnTopic()
}

// spelledRun returns the end of a name spelled from token k in its
// sentence: letters, letters' names, «й краткое», and a letter (a word
// of one or two letters) with the first name it stands for after «как»
// («жэ как жанна а как анна у как ульяна», causes block OK; not «да как
// обычно»);
// k when none is there. Up to forty tokens.
func (s *scan) spelledRun(k int) int {
	if k >= len(s.toks) {
		return k
	}
	from, seg := k, s.toks[k].seg
	for k < len(s.toks) && k < from+40 && s.toks[k].seg == seg {
		// (A letter's name no list has before «как» too: «кэ как
		// константин».)
		if k+2 < len(s.toks) && s.toks[k+2].seg == seg && s.toks[k].nl <= 4 && isLetters(s.norm(k)) && s.norm(k+1) == "как" && s.toks[k+2].has(tFirstName) {
			k += 3
			continue
		}
		if s.letter(k) || s.letterName(k) || isWord(s.norm(k), "й", "краткое") {
			k++
			continue
		}
		break
	}
	return k
}

// nameBeforeCue returns where a name said right before «(меня) зовут»
// and ending at token k starts, or k+1 when none ends there: a first
// name, or a surname or patronymic with a first name before it, and up to
// two more words of the name before those («меня анна зовут»,
// «мамытов эркин меня зовут», «гульшат ринатовна зовут», «айталина
// егорова меня зовут», causes block OE): a first name, a name's form, a
// patronymic, a surname's ending, or a word no list knows that reads as
// no verb or adjective next to them.
func (s *scan) nameBeforeCue(k int) int {
	seg := s.toks[k].seg
	nameWord := func(j int) bool {
		t := &s.toks[j]
		if t.has(tStop|tNum|tCue|tTrap|tUnit|tMonth|tStreet|tHouse|tConn|tOperator) && !t.has(tFirstName) {
			return false
		}
		w := s.normOf(t)
		return t.has(tFirstName|tNameForm) || patronymic(w) || surnameLike(w, t.trig)
	}
	unknown := func(j int) bool {
		t := &s.toks[j]
		w := s.normOf(t)
		return t.trig == 0 && len(w) >= 8 && isLetters(w) && !commonWord(w) && !pronoun(w) && !staffWord(w) && !statusWord(w) && !orgWord(w)
	}
	first := func(j int) bool { return s.toks[j].has(tFirstName) && !s.toks[j].has(tStop|tNum|tCue|tTrap) }
	from := k
	switch {
	case first(k):
	case (patronymic(s.norm(k)) || surnameLike(s.norm(k), s.toks[k].trig)) && k > 0 && s.toks[k-1].seg == seg && (first(k-1) || s.toks[k-1].has(tNameForm)):
		from = k - 1
	default:
		return k + 1
	}
	// (A word no list knows only as the surname right before the first
	// name, not after a preposition: «я из ташкента [рахимов бобур]
	// меня зовут».)
	for from > 0 && from > k-3 && s.toks[from-1].seg == seg && s.marks[from-1] == 0 &&
		(nameWord(from-1) || from == k && unknown(from-1) && !(from > 1 && s.toks[from-2].seg == seg && preposition(s.norm(from-2)))) {
		from--
	}
	return from
}

// preposition reports whether w is a preposition a place or a time is
// said after («из ташкента», «в казани», «до пятницы»).
func preposition(w string) bool {
	return isWord(w, "из", "в", "во", "с", "со", "от", "до", "к", "ко", "у", "на", "за", "по", "под", "над", "при", "без", "через", "около", "после")
}

// namesJoined masks the names joined by «и» to the name masked from token
// j of an answer to a question for names («как зовут детей» — «маша и
// ваня», «фамилии как в загранпаспорте» — «petrov sergey и petrova
// elena», causes block NH): after the masked stretch, «и» and a word
// that reads as a name's, read as the answer's first name was
// (nameAfter); up to three more.
func (s *scan) namesJoined(j int) {
	seg := s.toks[j].seg
	for n := 0; n < 3; n++ {
		e := j
		for e < len(s.toks) && s.toks[e].seg == seg && s.marks[e] != 0 && typeAt[s.found[s.marks[e]-1].typ] == Name {
			e++
		}
		if e == j || e+1 >= len(s.toks) || s.toks[e].seg != seg || s.toks[e+1].seg != seg || s.norm(e) != "и" || s.marks[e+1] != 0 ||
			!looksLikeNamePart(s.lang, s.norm(e+1), s.toks[e+1].trig) {
			return
		}
		j = e + 1
		s.nameAfter(j, false, ruleNameAnswer)
	}
}

// surnameOnTopic masks a surname said as a whole sentence of its own
// (a word or two that read as surnames by their ending, «была», «через
// дефис» after them at most) in the 20 s after the speaker named their
// surname as the talk's topic («фамилию сменила» — «какая была» —
// «кравцова»; «фамилия у меня двойная» — «первая часть» — «сергеева»):
// the other side's short question names no surname, the topic did.
func (s *scan) surnameOnTopic() {
	topic := -1.0
	topicSeg := int32(-1)
	for _, c := range s.starts {
		if t := &s.toks[c]; t.has(tNameCue) && strings.HasPrefix(s.normOf(t), "фамили") {
			topic, topicSeg = s.t1(t), t.seg
		}
	}
	if topicSeg < 0 {
		return
	}
	for _, r := range s.segs {
		if r.from >= r.to || s.toks[r.from].seg <= topicSeg || r.to-r.from > 4 {
			continue
		}
		if at := s.t0(&s.toks[r.from]); at < topic || at-topic > 20 {
			continue
		}
		end := r.from
		for end < r.to && end < r.from+2 && s.marks[end] == 0 && s.surnameAt(end) {
			end++
		}
		if end == r.from {
			continue
		}
		rest := end
		for rest < r.to && isWord(s.norm(rest), "была", "был", "через", "дефис", "теперь") {
			rest++
		}
		if rest == r.to {
			s.claim(Name, ruleNameAnswer, r.from, end)
		}
	}
}

// unknownNameRun reads, from token j of an answer to a question for a
// name, the words that may be a name no list knows: words the lexicon
// does not know (no adjective, no verb), first names and patronymics, up
// to five («лопес гарсия мария хосе лопес»). closed: the run ends its
// sentence (one word or more), or has two words or more and a word
// nameEnds stops at follows it.
func (s *scan) unknownNameRun(j int) (end int, closed bool) {
	seg := s.toks[j].seg
	end = j
	for end < len(s.toks) && end < j+5 && s.toks[end].seg == seg && s.marks[end] == 0 && isLetters(s.norm(end)) {
		t := &s.toks[end]
		w := s.normOf(t)
		// A patronymic ends the name: «о брайен патрик майклович
		// [зачетка] ...».
		if end > j+1 && patronymic(s.norm(end-1)) && s.toks[end-1].trig&^tNameForm == 0 {
			break
		}
		if !(t.trig == 0 && !commonWord(w) && !orgWord(w) && !pronoun(w) && !staffWord(w) && !roleWords.of(w) || end > j && (t.trig&^(tFirstName|tNameForm) == 0 && t.trig != 0 || t.trig&^tNameForm == 0 && patronymic(w)) ||
			s.particleAt(end) || end > j && s.particleAt(end-1) && t.trig&(tStop|tNum|tCue|tTrap) == 0 ||
			apostropheName(w) || s.irishO(end) || end > j && s.irishO(end-1) && t.trig&(tStop|tNum|tCue|tTrap) == 0 ||
			end > j && isWord(w, "апостроф", "дефис") && end+1 < len(s.toks) && s.toks[end+1].seg == seg && isLetters(s.norm(end+1))) {
			break
		}
		end++
	}
	if end == j {
		return end, false
	}
	if end == len(s.toks) || s.toks[end].seg != seg {
		return end, true
	}
	return end, end-j >= 2 && s.nameEnds(end, seg) && !isWord(s.norm(end), "и")
}

// nameParticles are the particles of foreign surnames said before them
// («де ла торре», «ван дер берг», «фон браун», «ибн сина», «тер
// петросян»).
var nameParticles = map[string]bool{"де": true, "ла": true, "ле": true, "ван": true, "дер": true, "фон": true, "дель": true, "дю": true, "ди": true, "бен": true, "ибн": true, "аль": true, "эль": true,
	"тер": true} // (Armenian: «тер петросян», written with a hyphen or without, causes block NS)

// apostropheName reports whether w is a word with an apostrophe between
// its letters («о'коннор», «д'артаньян»): a foreign surname; no Russian
// word is written so.
func apostropheName(w string) bool {
	k := strings.IndexAny(w, "'’")
	return k > 0 && k < len(w)-1 && isLetters(w) && len(w) >= 6
}

// irishO reports whether token k is «о» before a word no list knows, as
// an Irish surname is said without its apostrophe («о брайен», «о нил»).
func (s *scan) irishO(k int) bool {
	return s.norm(k) == "о" && k+1 < len(s.toks) && s.toks[k+1].seg == s.toks[k].seg && s.toks[k+1].trig == 0 && isLetters(s.norm(k+1)) && !commonWord(s.norm(k+1))
}

// particleAt reports whether token k is a surname's particle with a word
// of letters after it in its sentence.
func (s *scan) particleAt(k int) bool {
	return nameParticles[s.norm(k)] && k+1 < len(s.toks) && s.toks[k+1].seg == s.toks[k].seg && isLetters(s.norm(k+1)) && !s.toks[k+1].has(tNum|tStop|tCue|tTrap)
}

// particlesIn is how many of tokens [from, to] are surnames' particles
// (a name with them has more words).
func (s *scan) particlesIn(from, to int) int {
	n := 0
	for k := from; k <= to && k < len(s.toks); k++ {
		if nameParticles[s.norm(k)] {
			n++
		}
	}
	return n
}

// nameCueAsked reports whether the other side asked for a name with a
// name's word («фамилия», «имя», «фио», «зовут») in the 10 s before at.
func (s *scan) nameCueAsked(at float64) bool {
	if s.otherCueNear(at, func(e *cueEvent) bool { return e.name && e.nameCue }) {
		return true
	}
	return false
}

// askedSinceName reports whether the other side asked for something else
// (an identifier, a date of birth, an e-mail, an address, a number a
// trap word names: «номер полиса каско и госномер», causes block NY; in
// English a thing's name: «what's the name of your dog») in a sentence
// of its own after its last question for a name and before the answer
// from token first: the answer is that question's (causes block NI:
// «девичья фамилия» — «турсунова» — «дата и место рождения» — «19 7 1985
// ташкент», the city no name).
func (s *scan) askedSinceName(first int) bool {
	at := s.t0(&s.toks[first])
	last, seg := -1.0, int32(-1)
	for k := range s.others {
		if e := &s.others[k]; e.name && e.at <= at+0.5 && e.at > last {
			last, seg = e.at, e.seg
		}
	}
	for k := range s.others {
		if e := &s.others[k]; !e.name && !e.own && e.seg != seg && e.at > last && e.at <= at+0.5 && (e.dob || e.mail || e.addr || e.cue != 0 || e.trap && e.named || e.thing) {
			return true
		}
	}
	return false
}

// nameLikeIn reports whether a word of tokens from..to reads as a name: a
// first name, a patronymic, a surname by its ending.
func (s *scan) nameLikeIn(from, to int) bool {
	for i := from; i < to; i++ {
		t := &s.toks[i]
		w := s.normOf(t)
		if t.has(tFirstName|tNameForm) || patronymic(w) || surnameLike(w, t.trig) || strongSurnames.of(w, 4) {
			return true
		}
	}
	return false
}

// orgWord reports whether w names a company's legal form or a customer's
// kind («ооо вектор», «юрлицо»): what follows is a company, not a name.
func orgWord(w string) bool {
	switch w {
	case "ооо", "оао", "зао", "пао", "ао", "нао", "ип", "гуп", "муп", "фгуп", "нко", "тсж", "снт", "юрлицо", "юрлица", "физлицо", "организация", "компания", "фирма":
		return true
	}
	return institutionWord(w)
}

// unknownFirstName reports whether w, a word no list knows where a first
// name is expected (after a surname), may be one: no verb's or
// adjective's ending, but for those first names share («патимат»,
// «бахром», «акром»).
func unknownFirstName(w string) bool {
	return isLetters(w) && len(w) >= 6 && (!commonWord(w) || nameInAt(w) || strings.HasSuffix(w, "ром")) && !pronoun(w)
}

// pronoun reports whether w is a possessive or demonstrative pronoun no
// list has as a stop word («госпожа [петрова] ваш договор готов»).
func pronoun(w string) bool {
	switch w {
	case "ваш", "ваша", "ваше", "ваши", "наш", "наша", "наше", "наши", "свой", "своя", "свое", "свои", "этот", "эта", "эти", "тот", "та", "те", "весь", "вся", "все", "сам", "сама", "сами", "кто", "чей", "чья",
		"никому", "никто", "никого", "себе", "себя", "всем", "всех", "кому", "кого":
		return true
	}
	return false
}

// passportSeries: a foreign passport's series said as letters right
// before its masked number («паспорт fa 2583901», «ab 4 4 1 2 0 9 8»):
// a Latin word of two letters, or two single letters, none a word of its
// own («и», «а», «в»).
func (s *scan) passportSeries() {
	for k, n := 0, len(s.found); k < n; k++ {
		f := s.found[k]
		i := f.from
		if typeAt[f.typ] != Passport || i == 0 || s.toks[i-1].seg != s.toks[i].seg || s.marks[i-1] != 0 || s.toks[i-1].has(tStop) {
			continue
		}
		from := i
		if w := s.norm(i - 1); len(w) == 2 && latinWord(w) {
			from = i - 1
		} else if i >= 2 && s.toks[i-2].seg == s.toks[i].seg && s.marks[i-2] == 0 && !s.toks[i-2].has(tStop) && s.letter(i-1) && s.letter(i-2) {
			from = i - 2
		}
		// The passport's span grows: one span, as said.
		for j := from; j < i; j++ {
			s.marks[j] = k + 1
		}
		s.found[k].from = from
	}
}

// cutNumberWords: a number word the recognizer cut off right before a
// number masked («вось 8 3 1 ой восемь восемь три один», «пят 5 1 2»):
// three letters or more that begin a number word and are none, in the
// number's span.
func (s *scan) cutNumberWords() {
	for k, n := 0, len(s.found); k < n; k++ {
		f := s.found[k]
		i := f.from
		switch typeAt[f.typ] {
		case Name, Email, Address, Birthdate:
			continue
		}
		if i == 0 || s.toks[i-1].seg != s.toks[i].seg || s.marks[i-1] != 0 || s.toks[i-1].trig != 0 || !cutNumberWord(s.norm(i-1)) {
			continue
		}
		s.marks[i-1] = k + 1
		s.found[k].from = i - 1
	}
	// (A code's false start with a letter reads around the same claims,
	// a code's, a CVV's or a card's: letterFalseStart, called here, no
	// family rule's gate of its own.)
	if s.claimedTypes&typesOf(Code, CVV, Card) != 0 {
		s.letterFalseStart()
	}
}

// cutNumberWord reports whether w is the start of a number word, three
// letters or more, and no word of its own («вось», «пят», «шес», «девя»).
func cutNumberWord(w string) bool {
	if len(w) < 6 || !isLetters(w) {
		return false
	}
	for _, n := range [...]string{"ноль", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять", "двадцать", "тридцать", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот",
		"восьмерка", "восьмидесяти", "семерка", "шестерка", "пятерка", "девятка", "четверка"} {
		if len(w) < len(n) && strings.HasPrefix(n, w) {
			return true
		}
	}
	return false
}

// nameInitials: two initials closing the sentence right after a name
// masked, letters or their names («на имя владельца смирнов а в»,
// «петрова эм и»).
func (s *scan) nameInitials() {
	for k, n := 0, len(s.found); k < n; k++ {
		f := s.found[k]
		j := f.to
		if typeAt[f.typ] != Name || j+1 >= len(s.toks) || s.toks[j].seg != s.toks[j-1].seg || s.toks[j+1].seg != s.toks[j].seg {
			continue
		}
		if s.marks[j] == 0 && s.marks[j+1] == 0 && (s.letter(j) || s.letterName(j)) && (s.letter(j+1) || s.letterName(j+1)) && (j+2 == len(s.toks) || s.toks[j+2].seg != s.toks[j].seg) {
			s.claim(Name, f.rule, j, j+2)
		}
	}
	// One initial closing the answer to a question for a name, right
	// after the name masked («получатель [зарина] т»), or after a
	// first name no list knows after a masked surname («[мирзоева]
	// севиль т»): a letter that is no word of its own («и», «в», «с», «а»,
	// «к», «у», «о», «я»).
	for k, n := 0, len(s.found); k < n; k++ {
		f := s.found[k]
		j := f.to
		if typeAt[f.typ] != Name || j >= len(s.toks) || s.toks[j].seg != s.toks[j-1].seg || s.marks[j] != 0 {
			continue
		}
		seg := s.toks[j].seg
		first := j
		if j+1 < len(s.toks) && s.toks[j+1].seg == seg && surnameLike(s.norm(j-1), 0) && s.toks[j].trig == 0 && unknownFirstName(s.norm(j)) {
			j++ // the first name no list knows before the initial
		}
		if s.marks[j] == 0 && s.initialAlone(j) && (j+1 == len(s.toks) || s.toks[j+1].seg != seg) && s.nameAskedBefore(f.from) {
			// (The name's mask grows to take them: one «[name]».)
			for m := first; m <= j; m++ {
				s.marks[m] = k + 1
			}
			s.found[k].to = j + 1
		}
	}
}

// nameAskedBefore reports whether a name is asked for right before the
// name at token i: a relative's or a payee's word right before it in its
// sentence («получатель [зарина] т»), or the other side's question for a
// name in the 10 s before («получатель» — «[мирзоева] севиль т»).
func (s *scan) nameAskedBefore(i int) bool {
	if i > 0 && s.toks[i-1].seg == s.toks[i].seg && s.toks[i-1].has(tKin) {
		return true
	}
	at := s.t0(&s.toks[i])
	if s.otherCueNear(at, func(e *cueEvent) bool { return e.name }) {
		return true
	}
	return false
}

// initialAlone reports whether token j is one Cyrillic letter that is no
// word of its own: a name's initial.
func (s *scan) initialAlone(j int) bool {
	return s.letter(j) && !isWord(s.norm(j), "и", "в", "с", "а", "к", "у", "о", "я")
}

// fullNames: a person named by first name and patronymic, surname and
// first name, or first name and surname, on any channel: the client's
// («гусейнов тимур рашидович»), the operator addressing the client
// («игорь павлович вклад ...»), a relative or a payee («на мужа белов
// андрей николаевич», «на лисицину ольгу»). A first name alone is not
// taken (the operator's own name is one), nor a name after the
// operator's introduction or a staff role («доктор», «курьер»).
func (s *scan) fullNames() {
	if !ungated && !s.fullNamesMay() {
		return
	}
	for i := range s.toks {
		t := &s.toks[i]
		if t.has(tKin) {
			s.kinName(i)
		}
		if t.nl == uint32(len("вы")) && s.role != schemas.RoleClient && s.normOf(t) == "вы" {
			s.surnameAfterYouAt(i) // (causes block PU)
		}
		// (Two tokens of one letter after it first, by their length: no
		// call for most words.)
		if i+2 < len(s.toks) && s.toks[i+1].nl <= 2 && s.toks[i+2].nl <= 2 && s.marks[i] == 0 && s.surnameInitials(i) {
			s.claim(Name, ruleNameFull, i, i+3)
			continue
		}
		// «меня ксения 17 лет»: a first name after «меня» with no
		// «зовут», closing the sentence or before a number.
		if t.nl == 8 && s.marks[i] == 0 && s.normOf(t) == "меня" && i+1 < len(s.toks) && s.toks[i+1].seg == t.seg && s.marks[i+1] == 0 &&
			s.toks[i+1].has(tFirstName) && !s.toks[i+1].has(tStop|tNum|tCue|tTrap) && (i+2 == len(s.toks) || s.toks[i+2].seg != t.seg || s.toks[i+2].has(tNum)) {
			s.claim(Name, ruleNameFull, i+1, i+2)
			continue
		}
		if s.marks[i] != 0 || t.has(tStop|tNum|tCue|tTrap|tUnit|tMonth|tStreet|tHouse) && !s.cueFirstName(i) {
			continue
		}
		w := s.normOf(t)
		if t.has(tRole) && len(w) >= 14 && (w[:2] == "г" || w[:2] == "у") && (isWord(w, "уважаемый", "уважаемая") || title(w)) {
			// «госпожа петрова», «уважаемый иван петрович».
			if j := i + 1; j < len(s.toks) && s.toks[j].seg == t.seg && s.marks[j] == 0 && (s.toks[j].has(tFirstName) || surnameLike(s.norm(j), s.toks[j].trig)) {
				end := j + 1
				for end < len(s.toks) && end < j+3 && s.toks[end].seg == t.seg && (patronymic(s.norm(end)) || s.toks[end].has(tFirstName) || surnameLike(s.norm(end), s.toks[end].trig)) {
					end++
				}
				s.claim(Name, ruleNameFull, j, end)
			} else if end := s.titledName(i + 1); end > i+1 && title(w) {
				s.claim(Name, ruleNameFull, i+1, end)
			}
			continue
		}
		if t.has(tRole) && len(w) >= 12 && (w[0] == 0xD0 || w[0] == 0xD1) && s.recordedAs(i) {
			continue
		}
		pat := i+1 < len(s.toks) && s.toks[i+1].seg == t.seg && s.toks[i+1].trig&^tNameForm == 0 && patronymic(s.norm(i+1))
		first := t.has(tFirstName)
		// «мамедов ровшан оглы»: a Turkic patronymic's word makes the word
		// before it a first name, whatever it is.
		if pat && turkicPatronymicWord(s.norm(i+1)) && isLetters(w) && !commonWord(w) {
			first = true
		}
		// A first name in another case («ольгу», «анатолия») is looked
		// up only before a patronymic or after «на фамилия» / «от
		// фамилия» (a payee, a principal): the lookups cost.
		// Or after a surname, when the word reads as a first name in
		// another case («записать егорова тимофея», «оформить соколову
		// дарью»): the surname's ending is read first, it is cheaper.
		surBefore := false
		if first || pat || i > 0 && s.toks[i-1].trig == 0 && s.toks[i-1].seg == t.seg {
			surBefore = i > 0 && s.toks[i-1].seg == t.seg && s.marks[i-1] == 0 && surnameLike(s.norm(i-1), s.toks[i-1].trig)
			// A surname in «-ук», «-юк» in another case before a first
			// name in one, answering a question for a name («кому» —
			// «для гаврилюка андрея», causes block NP): its ending alone
			// is a common word's too («из бамбука андрею понравился»).
			surBefore = surBefore || i > 0 && s.toks[i-1].seg == t.seg && s.marks[i-1] == 0 && s.toks[i-1].trig == 0 && ukSurnameCase(s.norm(i-1)) &&
				(t.has(tNameForm) || firstNameForm(w)) && s.nameAskedBefore(i)
			// A surname in «-их», «-ых» before a first name or a
			// patronymic («и вторая гладких светлана», causes block OI):
			// an adjective's plural ending, so not read as a surname
			// elsewhere.
			surBefore = surBefore || (first || pat || t.has(tNameForm)) && i > 0 && s.toks[i-1].seg == t.seg && s.marks[i-1] == 0 && s.toks[i-1].trig == 0 && ikhSurname(s.norm(i-1))
			// A woman's surname in «-иной», «-ыной» before a first name
			// in a case («к сорокиной ольге», causes block PG).
			surBefore = surBefore || (t.has(tNameForm) || !first && firstNameForm(w)) && i > 0 && s.toks[i-1].seg == t.seg && s.marks[i-1] == 0 && s.toks[i-1].trig == 0 && inaSurnameCase(s.norm(i-1))
			// A surname in «-ский», «-цкий» in an oblique case before a
			// first name and a patronymic («по кредиту зарецкого максима
			// юрьевича», «по займу завадского игоря петровича»): an
			// adjective's shape, read as a surname only so.
			surBefore = surBefore || pat && i > 0 && s.toks[i-1].seg == t.seg && s.marks[i-1] == 0 && s.toks[i-1].trig == 0 && skiSurnameCaseNamed(s.norm(i-1))
		}
		// A common first name in another case, then a surname («на
		// лену кузьмину», «передайте диме смирнову»).
		formThenSur := !first && t.has(tNameForm) && i+1 < len(s.toks) && s.toks[i+1].seg == t.seg && s.marks[i+1] == 0 && surnameLike(s.norm(i+1), s.toks[i+1].trig)
		// A surname, a word, a patronymic: the word is a first name no
		// list knows («я ибрагимова залина мурадовна»); so after a name
		// already masked («на маму [кюрегян] асмик ованесовна»).
		// (A first name in «-хом», «-ром», «-лом» ends as an adjective's
		// case does: «[абдурахманов] ильхом шавкатович», «бахром
		// ильхомович», causes block OP.)
		omName := pat && patronymics.of(s.norm(i+1), 4) && omFirstName(w)
		if !first && pat && (surBefore || s.nameMaskedAt(i-1, t.seg)) && isLetters(w) && (!adjectival(w) || omName) {
			first = true
		}
		// Or with no surname: a word no list knows (no verb, no
		// adjective) before a patronymic written out in full is a first
		// name («вижу вас зарема алиевна», «мадина руслановна у вас
		// долг»); not a spoken one («иваныч»: a nickname alone).
		if !first && pat && len(w) >= 4 && isLetters(w) && (!commonWord(w) || nameInAt(w) || omName) && patronymics.of(s.norm(i+1), 4) {
			first = true
		}
		if !first && !pat && s.bareSurname(i) {
			s.claim(Name, ruleNameFull, i, i+1)
			continue
		}
		if !first && !pat && s.firstAfterSurname(i) {
			s.claim(Name, ruleNameFull, i, i+1)
			continue
		}
		// A first name a list knows right after a name masked in its
		// sentence («[бойко-шторм] михаил 03 10 1999»): the same
		// person's.
		if first && !pat && s.nameMaskedAt(i-1, t.seg) {
			s.claim(Name, ruleNameFull, i, i+1)
			continue
		}
		if !first && !((pat || surBefore) && (t.has(tNameForm) || firstNameForm(w))) && !formThenSur {
			continue
		}
		from, to, inner := i, i+1, false
		if pat {
			to = i + 2
		}
		// A word no list knows opening the sentence, a first name, then a
		// word of birth: the surname («кравец ирина рождённая 8 марта»).
		birthAfter := first && i+1 < len(s.toks) && s.toks[i+1].seg == t.seg && s.toks[i+1].has(tBirth)
		// (Or anywhere in it, a word of eight bytes or more before a
		// first name and a patronymic: «доверенность от фишер ганс
		// петрович», «мюллер артур андреевич».)
		// (Not a town after «из» before a name, whatever its ending:
		// «я саргылана из якутска саргылана николаевна», «из саратова
		// анна петровна», causes block OD.)
		if i > 1 && s.toks[i-2].seg == t.seg && s.norm(i-2) == "из" {
			surBefore = false
		} else if surBefore || (pat && len(s.norm(max(i-1, 0))) >= 8 || birthAfter) && i > 0 && s.toks[i-1].seg == t.seg && s.toks[i-1].trig == 0 && s.marks[i-1] == 0 && isLetters(s.norm(i-1)) && !commonWord(s.norm(i-1)) && !statusWord(s.norm(i-1)) && !orgWord(s.norm(i-1)) && !dayWord(s.norm(i-1)) && !medicalStaff(s.norm(i-1)) && (s.segStart(i-1) || pat && !s.introducedAt(i)) {
			inner = !surBefore && !s.segStart(i-1)
			// The surname before a first name and patronymic; any word
			// the lexicon does not know, at the start of a sentence
			// («гайдамак илья сергеевич»).
			from = i - 1
		} else if first && pat && s.adjectiveSurname(i-1) {
			from = i - 1 // «я покупатель бережной олег анатольевич» (causes block OW)
		} else if to < len(s.toks) && s.toks[to].seg == t.seg && surnameLike(s.norm(to), s.toks[to].trig) {
			to++ // «тимофей соколов»
		}
		// (A surname taken inside the sentence, inner, was asked of the
		// first name's place: whose name it is.)
		// (A street named after a person has them in the genitive: a
		// patronymic in the nominative closes a person's name, «улица
		// вознесенская пестова александра львовна».)
		if to-from < 2 || s.introducedAt(from) && !inner && !s.fullNameOpening(from, to, pat) && !(s.dictatedFor(to) && !s.operatorSelfNamed(from)) || s.companyThenOperator(from, to) || s.streetNamed(from) && !s.nominativeFullNameAt(from) {
			continue
		}
		// The client thanking the operator by name and patronymic
		// («спасибо анна сергеевна»): the operator's name.
		if s.role == schemas.RoleClient && from > 0 && s.toks[from-1].seg == t.seg && isWord(s.norm(from-1), "спасибо", "благодарю", "свидания") {
			continue
		}
		// Or a first name and patronymic addressed with «дорогой»,
		// «милая» or thanked right after («дорогой иван петрович спасибо
		// вам», causes block OW).
		if s.role == schemas.RoleClient && pat && to == from+2 && (from > 0 && s.toks[from-1].seg == t.seg && isWord(s.norm(from-1), "дорогой", "дорогая", "милый", "милая") ||
			to < len(s.toks) && s.toks[to].seg == t.seg && isWord(s.norm(to), "спасибо", "благодарю")) {
			continue
		}
		// The operator's own name said before «меня зовут» («анна
		// петрова меня зовут слушаю вас»): kept, as after it (issue 13,
		// item 2); on another channel the cue's rule took it already.
		if s.role != schemas.RoleClient && s.introducedBefore(to) {
			continue
		}
		if !pat && to < len(s.toks) && s.toks[to].seg == t.seg && patronymic(s.norm(to)) {
			to++ // «белов андрей николаевич»
		}
		// The surname after a first name and patronymic, closing the
		// phrase («аркадий семенович гольдберг»).
		if pat && to == i+2 && to < len(s.toks) && s.toks[to].seg == t.seg && s.marks[to] == 0 && (s.surnameAt(to) || s.toks[to].trig == 0 && (strings.HasSuffix(s.norm(to), "берг") || obliqueSurnameAfter(s.norm(to)))) &&
			(to+1 >= len(s.toks) || s.toks[to+1].seg != t.seg || s.toks[to+1].has(tStop|tNum|tConn|tBirth)) {
			to++ // (or before a word of birth: «зинаида федоровна кочеткова рождения ...», causes block NC)
		}
		// A surname's initial after a first name and patronymic («на имя
		// виктор андреевич к»), not a preposition before its word («к вам»);
		// a letter that is a word too only closing the sentence («а имя
		// андрей николаевич у», causes block LY).
		if to == i+2 && pat && to < len(s.toks) && s.toks[to].seg == t.seg && s.letter(to) &&
			(to+1 >= len(s.toks) || s.toks[to+1].seg != t.seg || !isWord(s.norm(to), "и", "в", "с", "у", "о", "а", "я") && !s.toks[to+1].has(tStop|tConn)) {
			to++
		}
		s.claim(Name, ruleNameFull, from, to)
	}
}

// fullNamesMay reports whether fullNames may claim a word of the channel,
// from the starts of its own paths, each a word or two around a token:
// a claim already (a first name or a surname after a name masked:
// nameMaskedAt, firstAfterSurname), a relative's word (kinName), two
// one-letter words (surnameInitials), «меня» before a first name, a
// title or «записала» (tRole: titledName, recordedAs), a strong surname
// after «для», «от», «на» (bareSurname), a patronymic after a word, a
// surname's ending before a first name or one in another case, a first
// name before a surname or a word of birth, a name's form before a
// surname. Any other first name stands alone, which fullNames leaves
// (the operator's «меня зовут анна», the client's «да анна»), so on most
// channels that say nothing of the kind fullNames' code is not read
// (a demo call read some 80 lines of it from beyond the second level).
// It reads every token as fullNames does but runs far less code on each;
// TestGatesSame holds it to the outputs (redact.Ungated skips it).
func (s *scan) fullNamesMay() bool {
	if len(s.found) > 0 || s.any&tKin != 0 {
		return true
	}
	for i := range s.toks {
		t := &s.toks[i]
		next := i+1 < len(s.toks) && s.toks[i+1].seg == t.seg
		if i+2 < len(s.toks) && s.toks[i+1].nl <= 2 && s.toks[i+2].nl <= 2 && s.letter(i+1) && s.letter(i+2) {
			return true
		}
		if t.nl == 8 && next && s.toks[i+1].has(tFirstName) && s.normOf(t) == "меня" {
			return true
		}
		if t.nl == uint32(len("вы")) && next && s.role != schemas.RoleClient && s.normOf(t) == "вы" && youSurnameMay(s.norm(i+1)) {
			return true // surnameAfterYouAt (causes block PU)
		}
		// (fullNames passes these words on, as it does here.)
		if t.has(tStop|tNum|tCue|tTrap|tUnit|tMonth|tStreet|tHouse) && !s.cueFirstName(i) {
			continue
		}
		w := s.normOf(t)
		if t.has(tRole) && (len(w) >= 14 && (isWord(w, "уважаемый", "уважаемая") || title(w)) || len(w) >= 12 && recordedWord(w)) {
			return true
		}
		if t.trig == 0 && s.bareSurname(i) {
			return true
		}
		if next && s.toks[i+1].trig&^tNameForm == 0 && patronymic(s.norm(i+1)) {
			return true
		}
		first := t.has(tFirstName)
		if next && (first || t.has(tNameForm)) && surnameLike(s.norm(i+1), s.toks[i+1].trig) || first && next && s.toks[i+1].has(tBirth) {
			return true
		}
		if i > 0 && s.toks[i-1].seg == t.seg && surnameLike(s.norm(i-1), s.toks[i-1].trig) && (first || t.has(tNameForm) || firstNameForm(w)) {
			return true
		}
		// (A first name's case no list knows after «-иной»: fullNames
		// takes it, «от калининой веры». firstNameForm is dear: it runs
		// only after such a surname.)
		if i > 0 && s.toks[i-1].seg == t.seg && s.toks[i-1].trig == 0 {
			prev := s.norm(i - 1)
			ina := inaSurnameCase(prev)
			if (ina || ikhSurname(prev)) && (first || t.has(tNameForm) || ina && firstNameForm(w)) {
				return true
			}
		}
		if i > 0 && s.toks[i-1].seg == t.seg && s.toks[i-1].trig == 0 && ukSurnameCase(s.norm(i-1)) && (t.has(tNameForm) || firstNameForm(w)) && s.nameAskedBefore(i) {
			return true
		}
	}
	return false
}

// cueFirstName reports whether token i is a first name that is a cue's
// word too, with no number after it: «инна», an INN's «ИНН-а» as the
// recognizer writes it («ребенка нет инна только снилс») and a woman's
// first name («я созаемщик гаврилова инна сергеевна»), which the name
// rules passed as a cue (the only such word of the lexicon).
func (s *scan) cueFirstName(i int) bool {
	t := &s.toks[i]
	if t.trig&(tFirstName|tCue) != tFirstName|tCue || t.trig&(tStop|tNum|tTrap) != 0 {
		return false
	}
	return i+1 == len(s.toks) || s.toks[i+1].seg != t.seg || !s.toks[i+1].has(tNum)
}

// turkicNames: a Turkic patronymic, its own word after the father's first
// name («тофик гызы», «алмазбек уулу», «бахтиёр угли») or fused with it
// («ерланулы», «асхаткызы»), is a name by its shape, whatever list knows
// the names around it: the father's name is none a list of first names
// has, and the name rules read the patronymic's word as no name's, so
// «[мамедов эльвин вугар] оглы» kept the word and «[сагинтаев] тимур
// ерланулы» the first name and patronymic. The patronymic is masked with
// the father's name before its word, up to two name words before them
// (the first name, the surname: a word a list knows as a name's, a
// surname's shape, a name masked, or a word no list knows that is no
// verb or adjective) and one after (a first name or a surname closing
// the sentence: «эркинбек уулу бакыт», «тимур ерланулы сагинтаев»). Run
// only on a patronymic's words, by their last bytes.
func (s *scan) turkicNames() {
	for i := range s.toks {
		t := &s.toks[i]
		// (A patronymic's word is a name's form or no word a list
		// knows: every other word is passed on its roles alone.)
		if t.trig&^tNameForm != 0 || t.nl < 6 {
			continue
		}
		w := s.normOf(t)
		if !turkicPatronymic(w) {
			continue
		}
		from, to, seg := i, i+1, t.seg
		switch {
		case turkicPatronymicWord(w):
			// The father's name, whatever it is, but no word of a role.
			if i == 0 || s.toks[i-1].seg != seg || !s.turkicNameWord(i-1) && !(s.toks[i-1].trig == 0 && isLetters(s.norm(i-1))) {
				continue
			}
			from = i - 1
		case t.trig == 0 && fusedTurkicPatronymic(w):
		default:
			continue
		}
		for from > 0 && i-from < 3 && s.toks[from-1].seg == seg && s.turkicNameWord(from-1) {
			from--
		}
		// A word no list knows opening the sentence before them is the
		// surname, whatever its ending («мамедли эльнур вагиф оглу»).
		if from > 0 && from < i && s.toks[from-1].seg == seg && s.marks[from-1] == 0 && s.toks[from-1].trig == 0 && s.segStart(from-1) && isLetters(s.norm(from-1)) && len(s.norm(from-1)) >= 8 {
			from--
		}
		if to < len(s.toks) && s.toks[to].seg == seg && s.turkicNameWord(to) {
			last := to+1 == len(s.toks) || s.toks[to+1].seg != seg || s.toks[to+1].has(tStop|tNum|tConn)
			if s.toks[to].has(tFirstName) || s.surnameAt(to) || s.maskedAs(to, Name) || last {
				to++
			}
		}
		s.claim(Name, ruleNameFull, from, to)
	}
}

// staffNames: the operator naming a member of the company's staff is no
// client's data (issue 13 keeps the operator's own name; a colleague's
// is the company's too): a name the operator says after a staff word
// («преподаватель светлана игоревна», «ваш тренер денис олегович»: the
// word inside the name masked, or before it), after a verb of what staff
// do for the client («справку подпишет ...», «вас будет собеседовать
// ...»), after «у», «к» or «спросить» in a sentence naming an office
// («кабинет 204 спросить елену викторовну», «в отделении окно 3 у ольги
// петровны»), or before «из» and a department or «стаж» («... из
// регистратуры», «... стаж 12 лет»). The client's own name said again
// by the operator is masked by the echo all the same. Run on the
// operator's channel only, and only when a name was masked.
func (s *scan) staffNames() {
	if s.role != schemas.RoleOperator {
		return
	}
	for f, n := 0, len(s.found); f < n; f++ {
		fd := &s.found[f]
		if typeAt[fd.typ] != Name || s.marks[fd.from] != f+1 {
			continue
		}
		from, to, seg := fd.from, fd.to, s.toks[fd.from].seg
		staff := staffTitle(s.norm(from))
		if p := from - 1; !staff && p >= 0 && s.toks[p].seg == seg {
			w := s.norm(p)
			// (Not a title right after «вы»: the client addressed by their
			// work, «вы инженер петров иван сергеевич»; review rv22a.)
			you := p > 0 && s.toks[p-1].seg == seg && s.norm(p-1) == "вы"
			staff = staffTitle(w) && !you || staffVerb(w) || isWord(w, "у", "к", "спросить", "спросите") && s.officeInSentence(from) || s.socialWorkerAt(p)
		}
		if a := to; !staff && a < len(s.toks) && s.toks[a].seg == seg {
			staff = s.norm(a) == "стаж" || s.norm(a) == "из" && a+1 < len(s.toks) && s.toks[a+1].seg == seg && departmentWord(s.norm(a+1))
		}
		if !staff {
			continue
		}
		for k := from; k < to; k++ {
			if s.marks[k] == f+1 {
				s.marks[k] = 0
			}
		}
	}
}

// staffTitle: a word for a member of staff («преподаватель», «тренер»,
// «доктор»).
func staffTitle(w string) bool {
	return staffWord(w) || staffTitles.of(w)
}

var staffTitles = newBeginningSet("преподавател", "тренер", "инструктор", "учител", "воспитател", "бухгалтер", "кадровик", "логопед", "психолог", "руководител", "наставник", "куратор", "приемщик", "мастер-",
	// A social worker the service sends, an engineer a complaint is
	// handed to (causes block UR: «соцработник надежда сергеевна придет»,
	// «передам старшему инженеру оксане викторовне»).
	"соцработ", "инженер")

// staffVerb: what a member of staff does for the client, said before
// their name («занятия ведет ...», «справку подпишет ...»).
func staffVerb(w string) bool {
	return isWord(w, "ведет", "ведёт", "проведет", "проведёт", "подпишет", "собеседовать", "консультирует", "принимает", "перезвонит", "свяжется")
}

// departmentWord: a department a member of staff is from («из
// регистратуры», «из отдела кадров», «из бухгалтерии»).
func departmentWord(w string) bool {
	return departments.of(w)
}

var departments = newBeginningSet("регистратур", "отдел", "бухгалтер", "кадр", "приемн", "поддержк", "администрац", "канцеляр", "деканат", "филиал")

// officeInSentence reports whether the sentence of token i names an
// office or its place («кабинет», «окно», «отделение»).
func (s *scan) officeInSentence(i int) bool {
	seg := s.toks[i].seg
	for j := s.segFrom(i); j < len(s.toks) && s.toks[j].seg == seg; j++ {
		if w := s.norm(j); officeWord(w) || isWord(w, "кабинет", "кабинете", "окно", "окне", "отделении", "отделение", "отдел", "отделе") {
			return true
		}
	}
	return false
}

// turkicNameWord: token k may be a word of a name around a Turkic
// patronymic: masked as a name, a first name or a name's form a list
// knows, a surname's shape, or a word no list knows that reads as no verb
// or adjective.
func (s *scan) turkicNameWord(k int) bool {
	t := &s.toks[k]
	if s.marks[k] != 0 {
		return s.maskedAs(k, Name)
	}
	if t.has(tStop | tNum | tCue | tTrap | tUnit | tNameCue | tOperator | tStreet | tHouse | tMonth | tConn | tKin | tRole) {
		return false
	}
	w := s.normOf(t)
	if !isLetters(w) || len(w) < 4 {
		return false
	}
	return t.has(tFirstName|tNameForm) || surnameLike(w, t.trig) || t.trig == 0 && !commonWord(w) && !staffWord(w) && !orgWord(w)
}

// stutteredNames: a name with one of its words said twice, as people
// stumble or stress it («на кравца олега олега павловича», «шевчук тарас
// тарас богданович», «на ахмедову ахмедова динару», «кравец кравец
// елены»). The name's rules read a word's neighbours, and the repetition
// stood where they looked, so the words around it were left. When one
// word of the pair is masked as a name, the other is too, and so is a
// name's word right after the pair (a patronymic, a first name in any
// case, a surname's ending) and, when the pair is a first name, a word
// no list knows right before it (its surname). A pair of words no list
// knows right before a masked name is a name too. (Repeated words
// around what is no name are left: «да да мегафон». Only the pairs at
// and around the names masked are read: a long call's other words cost
// nothing.)
func (s *scan) stutteredNames() {
	// (A pair read twice, around two names, claims nothing the second
	// time: only unclaimed tokens are claimed.)
	n := len(s.found)
	for f := 0; f < n; f++ {
		if typeAt[s.found[f].typ] != Name {
			continue
		}
		from, to := s.found[f].from, s.found[f].to
		for k := max(from-2, 0); k <= to && k+1 < len(s.toks); k++ {
			if s.stutterAt(k) {
				k++
			}
		}
		// A double surname's other half across its hyphen
		// («белоусова-[римская]», «[соколову]-микитову»).
		// (The claim grows to take it: one mask for the word,
		// «на [name]», not «на [name]-[name]».)
		if from > 0 && s.marks[from-1] == 0 && s.marks[from] == f+1 && s.hyphenJoined(from-1) && isLetters(s.norm(from-1)) && !s.toks[from-1].has(tNum|tStop) {
			s.marks[from-1] = f + 1
			s.found[f].from = from - 1
		}
		if to < len(s.toks) && s.marks[to] == 0 && s.marks[to-1] == f+1 && s.hyphenJoined(to-1) && isLetters(s.norm(to)) && !s.toks[to].has(tNum|tStop) {
			s.marks[to] = f + 1
			s.found[f].to = to + 1
		}
		from, to = s.found[f].from, s.found[f].to
		// An Irish or French surname right before a masked first name
		// («я о'коннор [патрик]», «о [брайен патрик]»): the claim grows
		// to take it.
		if from > 0 && s.marks[from-1] == 0 && s.marks[from] == f+1 && s.toks[from-1].seg == s.toks[from].seg && (apostropheName(s.norm(from-1)) || s.norm(from-1) == "о" && s.toks[from].trig == 0) {
			s.marks[from-1] = f + 1
			s.found[f].from = from - 1
			from--
		}
		// A surname no list knows around a first name and its
		// patronymic, or after a relative's first name: the claim grows
		// to take it (surnameAround).
		if k := s.surnameAround(f, from, to); k >= 0 {
			s.marks[k] = f + 1
			if k < from {
				s.found[f].from, from = k, k
			} else {
				s.found[f].to, to = k+1, k+1
			}
		}
		// The name before a change of it: «была агеева стала [лисицына]»,
		// «была круглова а теперь [сомова]».
		if k := s.formerName(from); k >= 0 {
			s.claim(Name, ruleNameFull, k, k+1)
		}
		// And the name after it: «[агеева] стала лисицына».
		if k := s.laterName(to); k >= 0 {
			s.claim(Name, ruleNameFull, k, k+1)
		}
		// A surname no ending tells right after a first name masked,
		// closing the sentence or before a number or a cue («я
		// [александр] ковтун 17 04 1988», causes block RQ2; not «[олег]
		// перезвоню через ...»).
		if to-from == 1 && s.toks[from].has(tFirstName) && to < len(s.toks) && s.toks[to].seg == s.toks[from].seg && s.marks[to] == 0 &&
			s.unknownSurname(to, false) && !hasAnySuffix(s.norm(to), "ю", "у") && !s.toks[to].has(tStop|tCue|tTrap) && s.nameCloses(to+1) {
			s.marks[to] = f + 1
			s.found[f].to = to + 1
			to++
		}
		// A change of surname said as a pair anywhere in the name's
		// sentence (changedNamesIn).
		seg := s.toks[from].seg
		a, b := from, to
		for a > 0 && s.toks[a-1].seg == seg {
			a--
		}
		for b < len(s.toks) && s.toks[b].seg == seg {
			b++
		}
		s.changedNamesIn(a, b)
	}
}

// changedNames: a change of surname said as a pair in the answer to the
// other side's question for a name (changedNamesIn: «я поменяла была
// сидоренко стала вайнштейн»), where no other rule masked a word of it.
func (s *scan) changedNames() {
	s.answers(func(e cueEvent) bool { return e.name }, func(first int) {
		end := first
		for end < len(s.toks) && s.toks[end].seg == s.toks[first].seg {
			end++
		}
		s.changedNamesIn(first, end)
	})
}

// namesAcrossDates: in the answer to the other side's question for a
// name, a name after «и» that follows a name masked and its date of
// birth («[сабина] [3 мая 2012] и эмиль ...», «[гусевы марк] и лия
// ...»: causes block RY), whichever rule masked the first name; the
// name's words as the names' rule reads them after a cue (nameAfter).
// (namesJoined reads «и» right after a name masked by the first name's
// rule only.)
func (s *scan) namesAcrossDates() {
	s.answers(func(e cueEvent) bool { return e.name }, func(first int) {
		seg := s.toks[first].seg
		in := func(k int) bool { return k < len(s.toks) && s.toks[k].seg == seg }
		masked := func(k int, t Type) bool { return s.marks[k] != 0 && typeAt[s.found[s.marks[k]-1].typ] == t }
		for k := first; in(k); k++ {
			if !masked(k, Name) || in(k+1) && s.marks[k+1] == s.marks[k] {
				continue
			}
			e := k + 1
			for in(e) && masked(e, Birthdate) {
				e++
			}
			if in(e+1) && s.norm(e) == "и" && s.marks[e+1] == 0 && looksLikeNamePart(s.lang, s.norm(e+1), s.toks[e+1].trig) {
				s.nameAfter(e+1, false, ruleNameAnswer)
			} else if e > k+1 && in(e) && s.marks[e] == 0 && s.toks[e].has(tFirstName) && !s.toks[e].has(tStop|tCue|tTrap) {
				// (Or no «и»: a first name a list knows right after the
				// date, «[илья] [12 03 2015] ева 5 07 2018», block RY2.)
				s.nameAfter(e, false, ruleNameAnswer)
			}
		}
	})
}

// changedNamesIn claims, in the sentence of tokens from to to, the two
// surnames of a change said as a pair (causes block RP): «была X (а)
// стала|стал|теперь|сейчас Y», «теперь|сейчас X (а) раньше|была|был Y»,
// each word a surname masked, one by a list or its ending, or a word no
// list knows (not a verb's, an adjective's shape), one of the two at
// least a surname («была ерохина теперь лавренова», «фамилия теперь
// [дорохова] раньше мищенко»; not «раньше была блондинка теперь рыжая»);
// the former after «старая», «прежняя», «девичья», «бывшая» (and
// «фамилия») when it is a surname by a list or its ending («[клименко] по
// мужу по паспорту старая ярошенко»; not «старая модель»); and the
// former opening the sentence before «новая», «новый» and a name masked
// («кравец новая [бондаренко оксана ивановна]»).
func (s *scan) changedNamesIn(from, to int) {
	// (changeWordLens: the byte lengths of the words the loop below
	// opens with, «в», «был», «была», «новая» ... «урождённая».)
	name := func(i int) bool { return s.marks[i] != 0 && typeAt[s.found[s.marks[i]-1].typ] == Name }
	surname := func(i int) bool { return s.marks[i] == 0 && surnameLike(s.norm(i), s.toks[i].trig) }
	may := func(i int) bool {
		w := s.norm(i)
		return name(i) || surname(i) ||
			s.marks[i] == 0 && s.toks[i].trig == 0 && len(w) >= 6 && isLetters(w) && !commonWord(w) && !shortAdjective(w) && !pastVerb(w) && !pronoun(w)
	}
	// (A surname by a list or its ending, no short adjective: «была
	// готова», «стала здорова».)
	plain := func(i int) bool { return surname(i) && !shortAdjective(s.norm(i)) }
	for k := from; k+1 < to; k++ {
		w := s.norm(k)
		if changeWordLens>>min(len(w), 63)&1 == 0 {
			continue // (no word of a change's length: most)
		}
		if isWord(w, "новая", "новый") && k > from && k+1 < to && name(k+1) && s.marks[k-1] == 0 && s.segStart(k-1) &&
			isLetters(s.norm(k-1)) && !s.toks[k-1].has(tStop|tNum|tCue|tTrap|tUnit|tStreet|tHouse|tMonth) &&
			!isWord(s.norm(k-1), "теперь", "сейчас", "уже", "вот", "тоже", "фамилия", "она", "он") { // «фамилия у меня теперь новая [кондратьева]»
			s.claim(Name, ruleNameFull, k-1, k)
			continue
		}
		// The surname after a word of its change («старая ярошенко»,
		// «новая ларина», «урождённая кротова», «в прошлом кротова»).
		if y := k + 1; isWord(w, "старая", "прежняя", "девичья", "бывшая", "новая", "нынешняя", "урожденная", "урождённая") || w == "в" && s.norm(y) == "прошлом" {
			if w == "в" {
				y++
			}
			if y+1 < to && isWord(s.norm(y), "фамилия") {
				y++
			}
			if y < to && plain(y) {
				s.claim(Name, ruleNameFull, y, y+1)
			}
			continue
		}
		// «была кротова после свадьбы стала [ларина]»: words between
		// the former surname and the change's word.
		if isWord(w, "была", "был") && plain(k+1) {
			for j := k + 2; j < to && j <= k+5; j++ {
				if isWord(s.norm(j), "стала", "стал", "теперь") && j+1 < to && (name(j+1) || plain(j+1)) {
					s.claim(Name, ruleNameFull, k+1, k+2)
					if s.marks[j+1] == 0 {
						s.claim(Name, ruleNameFull, j+1, j+2)
					}
					break
				}
			}
		}
		var after []string
		switch {
		case isWord(w, "была", "был"):
			after = []string{"стала", "стал", "теперь", "сейчас"}
		case isWord(w, "теперь", "сейчас"):
			after = []string{"раньше", "была", "был"}
		default:
			continue
		}
		x := k + 1
		j := x + 1
		for j < to && s.marks[x] != 0 && s.marks[j] == s.marks[x] {
			j++
		}
		if j < to && s.norm(j) == "а" {
			j++
		}
		y := j + 1
		if y >= to || !isWord(s.norm(j), after...) || !may(x) || !may(y) || !(name(x) || surname(x) || name(y) || surname(y)) {
			continue
		}
		if s.marks[x] == 0 {
			s.claim(Name, ruleNameFull, x, x+1)
		}
		if s.marks[y] == 0 {
			s.claim(Name, ruleNameFull, y, y+1)
		}
	}
}

// surnameInitials reports whether token i is a surname with two initials
// after it, closing the sentence or before «верно», «правильно», «да»
// («абонент цой а в верно», «тен о и», «клиент пак е с верно»): a Korean
// surname or one by its ending, opening the sentence or after a word for
// a client; or a word no list knows after «клиент», «абонент»,
// «владелец». (Not «вариант а б»: no surname, no client's word.)
func (s *scan) surnameInitials(i int) bool {
	if i+2 >= len(s.toks) || !s.letter(i+1) || !s.letter(i+2) {
		return false
	}
	seg := s.toks[i].seg
	if s.toks[i+1].seg != seg || s.toks[i+2].seg != seg || s.marks[i+1] != 0 || s.marks[i+2] != 0 {
		return false
	}
	if k := i + 3; k < len(s.toks) && s.toks[k].seg == seg && !isWord(s.norm(k), "верно", "правильно", "да") {
		return false
	}
	w := s.norm(i)
	client := i > 0 && s.toks[i-1].seg == seg && isWord(s.norm(i-1), "клиент", "клиентка", "абонент", "абонентка", "владелец", "владелица")
	if koreanShortSurname(w) || surnameLike(w, s.toks[i].trig) {
		return client || i == 0 || s.toks[i-1].seg != seg || s.toks[i-1].has(tStop) && s.segStart(i)
	}
	return client && s.unknownSurname(i, false)
}

// titledName returns the end of a name no list knows said from token j
// after a title («гражданка тхай лан ань из ...», «господин вайсман
// ваша ...», «на имя гражданки эрдэнэ сарана»): one to three words no list
// knows (no verb's or adjective's ending, no pronoun), closing the
// sentence or before a function word, a pronoun, a cue or a number; not
// a citizen's country («гражданин казахстана», «гражданка рф»). Or j.
func (s *scan) titledName(j int) int {
	seg, end := s.toks[j-1].seg, j
	for end < len(s.toks) && end < j+3 && s.toks[end].seg == seg && s.marks[end] == 0 && s.toks[end].trig&^(tFirstName|tNameForm) == 0 {
		w := s.norm(end)
		// (Nor a verb's past after it: «какой-то гражданин звонил».)
		if !isLetters(w) || commonWord(w) || pronoun(w) || staffWord(w) || orgWord(w) || roleWords.of(w) || country(w) || s.toks[end].trig == 0 && pastVerb(w) {
			break
		}
		end++
	}
	if end == j {
		return j
	}
	if end < len(s.toks) && s.toks[end].seg == seg && !s.toks[end].has(tStop|tNum|tCue) && !pronoun(s.norm(end)) {
		return j
	}
	return end
}

// country reports whether w names a citizen's country after a title, in
// the genitive or short («гражданин казахстана», «гражданка рф»).
func country(w string) bool {
	return strings.HasSuffix(w, "стана") || strings.HasSuffix(w, "ии") || strings.HasSuffix(w, "ины") ||
		isWord(w, "рф", "рк", "снг", "сша", "россии", "беларуси", "молдовы", "китая", "израиля", "вьетнама", "азербайджана", "турции", "кореи", "монголии")
}

// surnameAround returns the token of a surname no list knows next to the
// name masked as found f over [from, to), or -1: after a first name and
// its patronymic, closing the sentence or before a function word
// («[эльвира раисовна] шварц», «[ольга вальтеровна] рихтер»; not «[патрик
// майклович] зачетка 2 1 2 ...», «стаж 12 лет»), or after a first name alone right after a
// relative's word («брат [владимир] хегай», «сестра [дина] кауфман»);
// right before a first name and its patronymic, opening the phrase or
// after a function word («на юн [марину олеговну]», «да пак [евгения
// сергеевна]»); a first name no list knows between a relative's word and
// a masked surname. A name's shape, not a list: a foreign surname has no
// Russian ending to read.
func (s *scan) surnameAround(f, from, to int) int {
	seg := s.toks[from].seg
	firstPatronymic := func(a int) bool {
		return a >= from && a+1 < to && s.toks[a+1].seg == seg && s.marks[a] == f+1 && s.marks[a+1] == f+1 &&
			(s.toks[a].has(tFirstName|tNameForm) || s.toks[a].trig == 0 && firstNameForm(s.norm(a))) && patronymic(s.norm(a+1))
	}
	if k := to; k < len(s.toks) && s.toks[k].seg == seg && s.toks[to-1].seg == seg && s.marks[k] == 0 && s.unknownSurname(k, false) &&
		(k+1 == len(s.toks) || s.toks[k+1].seg != seg || s.toks[k+1].has(tStop) && !s.toks[k+1].has(tNum)) &&
		(firstPatronymic(to-2) || to-from == 1 && s.toks[from].has(tFirstName) && from > 0 && s.toks[from-1].seg == seg && s.toks[from-1].has(tKin)) {
		return k
	}
	// (Not a town after «из»: «я из якутска [саргылана николаевна]»,
	// causes block OD.)
	if k := from - 1; k >= 0 && s.toks[k].seg == seg && s.marks[k] == 0 && firstPatronymic(from) && s.unknownSurname(k, true) &&
		(k == 0 || s.toks[k-1].seg != seg || s.toks[k-1].has(tStop|tKin) && s.norm(k-1) != "из") {
		return k
	}
	// A first name no list knows between a relative's word and a masked
	// surname («сына моего эрдни [бадмаев]»).
	if k := from - 1; k >= 1 && s.toks[k].seg == seg && s.marks[k] == 0 && to-from == 1 && surnameLike(s.norm(from), s.toks[from].trig) && s.unknownSurname(k, false) && s.kinBefore(k) {
		return k
	}
	return -1
}

// kinBefore reports whether a relative's word is right before token k, or
// before «моего», «моей», «мой», «моя» right before it.
func (s *scan) kinBefore(k int) bool {
	seg := s.toks[k].seg
	j := k - 1
	if j >= 1 && s.toks[j].seg == seg && isWord(s.norm(j), "моего", "моей", "мой", "моя", "мою", "моему") {
		j--
	}
	return j >= 0 && s.toks[j].seg == seg && s.toks[j].has(tKin)
}

// unknownSurname reports whether token k may be a surname no list knows:
// a word of letters the lexicon does not have that reads as no verb, no
// adjective, no pronoun, no role or company word, no patronymic; with
// short, a Korean surname that is a common word or a cue too («ким»,
// «ли», «пак»), said where a surname is expected.
func (s *scan) unknownSurname(k int, short bool) bool {
	t := &s.toks[k]
	w := s.normOf(t)
	if short && (koreanShortSurname(w) || isWord(w, "ким", "ли", "хан", "ан", "нам", "юн")) {
		return true
	}
	return t.trig == 0 && len(w) >= 6 && isLetters(w) && !commonWord(w) && !pastVerb(w) && !pronoun(w) && !statusWord(w) && !orgWord(w) && !patronymic(w) && !country(w) &&
		!dayWord(w) && !appointmentWord(w) && // a day, a visit before a name read out: «вы записаны на четверг [ирина сергеевна]»
		!hasAnySuffix(w, "ние", "тие", "ство", "ость") // a noun of an action or a state: «[маслов игорь петрович] заседание» (causes block OY)
}

// laterName returns the token of a surname said after «стала», «стал»,
// «теперь» (and «а» before them) right after a name masked up to to,
// itself after «была», «был» («была [агеева] стала лисицына»), or -1.
// (A cue's word, «была» being no name, is not unmasked here: the cue's
// rule's span is left as it is.)
func (s *scan) laterName(to int) int {
	if to < 2 || to >= len(s.toks) {
		return -1
	}
	seg := s.toks[to-1].seg
	from := to - 1
	for from > 0 && s.marks[from-1] == s.marks[to-1] && s.toks[from-1].seg == seg {
		from--
	}
	// («была» said before the name, or taken into its mask by a cue's
	// rule: «фамилия [была агеева] стала лисицына».)
	if !isWord(s.norm(from), "была", "был") && (from == 0 || s.toks[from-1].seg != seg || !isWord(s.norm(from-1), "была", "был")) {
		return -1
	}
	k := to
	if k < len(s.toks) && s.toks[k].seg == seg && s.norm(k) == "а" {
		k++
	}
	if k+1 >= len(s.toks) || s.toks[k].seg != seg || s.toks[k+1].seg != seg || !isWord(s.norm(k), "стала", "стал", "теперь", "сейчас") {
		return -1
	}
	k++
	if s.marks[k] != 0 || !(surnameLike(s.norm(k), s.toks[k].trig) || s.toks[k].trig == 0 && isLetters(s.norm(k)) && !commonWord(s.norm(k))) {
		return -1
	}
	return k
}

// formerName returns the token of a surname said after «была», «был»
// before «стала», «стал», «теперь» (and «а») right before a name masked
// at from («была агеева стала [лисицына]»), or -1.
// (Or the present one before the former masked, «я сейчас кириленко а
// была [матвеева ольга]», «теперь мартынова а раньше [сизова]», and
// «сейчас» for «стала»: «я была евсеева сейчас [граф ольга]», causes
// block OU.)
func (s *scan) formerName(from int) int {
	seg := s.toks[from].seg
	k := from - 1
	if k < 0 || s.toks[k].seg != seg {
		return -1
	}
	before := []string{"была", "был"} // the word before the surname
	switch w := s.norm(k); {
	case isWord(w, "стала", "стал", "теперь", "сейчас"):
	case isWord(w, "была", "был", "раньше"):
		before = []string{"сейчас", "теперь"}
	default:
		return -1
	}
	k--
	if k >= 0 && s.toks[k].seg == seg && s.norm(k) == "а" {
		k--
	}
	if k < 1 || s.toks[k].seg != seg || s.toks[k-1].seg != seg || s.marks[k] != 0 || !isWord(s.norm(k-1), before...) ||
		!(surnameLike(s.norm(k), s.toks[k].trig) || s.toks[k].trig == 0 && isLetters(s.norm(k)) && !commonWord(s.norm(k))) {
		return -1
	}
	return k
}

// spelledNames: a name spelled letter by letter right after it, in the
// answer to the other side's question for a name («фамилия» — «пак три
// буквы п а к», «ли по буквам л и»): the word and its letters, whatever
// the word is (a surname no list knows, or one that is a common word
// too). A word spelled where no name was asked for is left («озон по
// буквам о з о н»).
func (s *scan) spelledNames() {
	s.answers(func(e cueEvent) bool { return e.name }, func(first int) {
		seg := s.toks[first].seg
		for i := first; i < len(s.toks) && s.toks[i].seg == seg; i++ {
			if end := s.spelledAfter(i); end > i {
				if s.marks[i] == 0 {
					s.claim(Name, ruleNameAnswer, i, i+1)
				}
				s.claim(Name, ruleNameAnswer, end-utf8.RuneCountInString(s.norm(i)), end)
				i = end - 1
			}
		}
	})
}

// spelledLettersBefore returns where the letters that spell the word at
// i start when they are said right before it in its sentence, or before
// «то есть» there («эф е дэ о эр о вэ то есть федоров»): three letters or
// letters' names at least, the first the word's first sound, about as
// many as the word has; i when none are.
func (s *scan) spelledLettersBefore(i int) int {
	seg, k := s.toks[i].seg, i
	if k >= 2 && s.toks[k-2].seg == seg && s.norm(k-2) == "то" && s.norm(k-1) == "есть" {
		k -= 2
	}
	first := k
	for first > 0 && first > k-14 && s.toks[first-1].seg == seg && s.marks[first-1] == 0 && (s.letter(first-1) || s.letterName(first-1)) {
		first--
	}
	if k-first < 3 {
		return i
	}
	// (spelledBefore reads the word right after the letters: the word at
	// i is compared as if «то есть» were not there.)
	w := s.norm(i)
	n := utf8.RuneCountInString(w)
	if !isLetters(w) || n < 3 || n-(k-first) > 2 || (k-first)-n > 2 {
		return i
	}
	c, _ := utf8.DecodeRuneInString(w)
	if letterSound(s.norm(first)) != c {
		return i
	}
	// Most of the letters' sounds in the word's order: an abbreviation
	// said before a first name of its first letter spells no name («эм эс
	// ка маша»).
	var sounds [14]rune
	for j := first; j < k; j++ {
		sounds[j-first] = letterSound(s.norm(j))
	}
	if m := k - first; 4*commonInOrder(sounds[:m], w) < 3*m {
		return i
	}
	return first
}

// commonInOrder is how many of the sounds the word w has in their order
// (the longest common subsequence of the two).
func commonInOrder(sounds []rune, w string) int {
	var prev, cur [16]int
	n := 0
	for _, r := range w {
		if n++; n > 15 {
			break
		}
		for j := range sounds {
			switch {
			case sounds[j] == r:
				cur[j+1] = prev[j] + 1
			case cur[j] > prev[j+1]:
				cur[j+1] = cur[j]
			default:
				cur[j+1] = prev[j+1]
			}
		}
		prev = cur
	}
	return prev[len(sounds)]
}

// shortAdjective reports whether w is a short adjective or participle
// said of oneself that ends as a surname does («готова», «здоров»).
func shortAdjective(w string) bool {
	return isWord(w, "готов", "готова", "здоров", "здорова", "знаком", "знакома", "виноват", "виновата", "свободен", "свободна", "занят", "занята",
		"одинока", "одинок", "против", "согласен", "согласна", "должна", "должен", "рада", "уверена", "уверен")
}

// spelledBefore reports whether the word at k is the one the letters
// from first to k spell (causes block GK): it opens with the first
// letter's sound and has about as many letters (a Latin spelling of a
// Russian surname is a letter or two longer or shorter: «эс эм и эр эн о
// вэ» for «смирнов»).
func (s *scan) spelledBefore(first, k int) bool {
	if k >= len(s.toks) || s.toks[k].seg != s.toks[first].seg || s.marks[k] != 0 && !s.maskedAs(k, Name) {
		return false
	}
	w := s.norm(k)
	n := utf8.RuneCountInString(w)
	if !isLetters(w) || n < 3 || n-(k-first) > 2 || (k-first)-n > 2 {
		return false
	}
	c, _ := utf8.DecodeRuneInString(w)
	a := letterSound(s.norm(first))
	if a == c {
		return true
	}
	// A Latin spelling's two letters for one sound: «эс эйч» (sh) ш, «си
	// эйч» (ch) ч, «зэт эйч» (zh) ж, «кей эйч» (kh) х.
	switch b := letterSound(s.norm(first + 1)); {
	case b != 'х':
		return false
	case a == 'с':
		return c == 'ш' || c == 'ч'
	case a == 'з':
		return c == 'ж'
	case a == 'к':
		return c == 'х'
	}
	return false
}

// latinSounds: the Cyrillic letter each Latin letter reads as, a to z.
var latinSounds = [26]rune([]rune("абсдефгхидклмнопкрстуввкиз"))

// letterSound is the Cyrillic letter a spelled letter or a letter's name
// stands for («эм» м, «ка» к, «зэт» з, «s» с); 0 when unknown.
func letterSound(w string) rune {
	if r, n := utf8.DecodeRuneInString(w); n == len(w) {
		if r >= 'a' && r <= 'z' {
			return latinSounds[r-'a']
		}
		return r
	}
	switch w {
	case "эс", "эм", "эн", "эр", "эль", "эл", "эф":
		r, _ := utf8.DecodeRuneInString(w[len("э"):])
		return r
	case "зэт", "зет", "зэд", "зед", "зи":
		return 'з'
	case "икс", "экс":
		return 'к'
	case "эй":
		return 'а'
	case "ай":
		return 'и'
	case "джи", "джей":
		return 'д'
	case "эйч", "аш":
		return 'х'
	case "оу":
		return 'о'
	case "кей", "кью":
		return 'к'
	case "си":
		return 'с'
	case "ар":
		return 'р'
	case "уай", "вай", "игрек":
		return 'и'
	case "дабл":
		return 'в'
	}
	r, _ := utf8.DecodeRuneInString(w) // «ка», «бэ», «вэ», «пи», «ти», «би»...
	return r
}

// spelledAfter returns the end of the letters that spell word i, said
// right after it or after «по буквам», «две буквы», «три буквы»...; or i.
func (s *scan) spelledAfter(i int) int {
	// (A letter, «по» or a number must come next: most words are left
	// after one look at the next token.)
	seg, j := s.toks[i].seg, i+1
	if j+1 >= len(s.toks) || s.toks[j].seg != seg || s.toks[i].has(tNum) {
		return i
	}
	if !s.letter(j) {
		if !(s.toks[j+1].seg == seg && (s.norm(j) == "по" && s.norm(j+1) == "буквам" || s.toks[j].has(tNum) && isWord(s.norm(j+1), "буквы", "букв"))) {
			return i
		}
		j += 2
	}
	w := s.norm(i)
	n := utf8.RuneCountInString(w)
	if s.marks[i] != 0 && !s.maskedAs(i, Name) || n < 2 || n > 12 || !isLetters(w) || j+n > len(s.toks) {
		return i
	}
	k := j
	for _, r := range w {
		// (A letter said by its name too: «о эс тэ а пэ е эн ка о».)
		if s.toks[k].seg != seg || !s.letter(k) && !s.letterName(k) || s.marks[k] != 0 {
			return i
		}
		if letterSound(s.norm(k)) != r {
			return i
		}
		k++
	}
	return k
}

// stutterAt reads the pair of tokens k, k+1 for stutteredNames, and
// reports whether it was a repeated name's.
func (s *scan) stutterAt(k int) bool {
	a := &s.toks[k]
	if a.seg != s.toks[k+1].seg || a.has(tNum|tStop) || !repeatedWord(s.normOf(a), s.norm(k+1)) {
		return false
	}
	seg := a.seg
	ma, mb := s.maskedAs(k, Name), s.maskedAs(k+1, Name)
	if !ma && !mb {
		w := s.normOf(a)
		if s.marks[k] == 0 && s.marks[k+1] == 0 && a.trig == 0 && s.toks[k+1].trig == 0 && isLetters(w) && !commonWord(w) && !pronoun(w) &&
			k+2 < len(s.toks) && s.toks[k+2].seg == seg && s.maskedAs(k+2, Name) {
			s.claim(Name, ruleNameFull, k, k+2)
			return true
		}
		return false
	}
	if !ma && s.marks[k] == 0 {
		s.claim(Name, ruleNameFull, k, k+1)
	}
	if !mb && s.marks[k+1] == 0 {
		s.claim(Name, ruleNameFull, k+1, k+2)
	}
	if j := k + 2; j < len(s.toks) && s.toks[j].seg == seg && s.marks[j] == 0 {
		w, tr := s.norm(j), s.toks[j].trig
		if patronymic(w) || tr&(tFirstName|tNameForm) != 0 || tr == 0 && (firstNameForm(w) || surnameLike(w, tr)) {
			s.claim(Name, ruleNameFull, j, j+1)
		}
	}
	if i := k - 1; i >= 0 && s.toks[i].seg == seg && s.marks[i] == 0 && s.toks[i].trig == 0 && (a.has(tFirstName|tNameForm) || firstNameForm(s.normOf(a))) {
		if w := s.norm(i); len(w) >= 6 && isLetters(w) && !commonWord(w) && !staffWord(w) && !orgWord(w) && !dayWord(w) {
			s.claim(Name, ruleNameFull, i, i+1)
		}
	}
	return true
}

// repeatedWord reports whether b repeats a: the same word, or the same
// word in another case (a stem of four letters at least, and all but two
// letters of the shorter: «кравца» — «кравец», «ахмедову» — «ахмедова»).
// (Asked of every two words side by side: the first byte and the
// length are read before anything is counted, and nothing is allocated.)
func repeatedWord(a, b string) bool {
	if len(a) == 0 || len(b) == 0 || a[0] != b[0] || len(a)-len(b) > 8 || len(b)-len(a) > 8 {
		return false
	}
	if a == b {
		return true
	}
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	for n > 0 && n < len(a) && !utf8.RuneStart(a[n]) {
		n-- // (a letter's bytes cut: the prefix ends before it)
	}
	stem := utf8.RuneCountInString(a[:n])
	return stem >= 4 && stem >= min(utf8.RuneCountInString(a), utf8.RuneCountInString(b))-2
}

// recordedAs claims a name read back as it is on record after a verb of
// recording at i and «как» («записала вас как белова да», «вы у нас
// значитесь как мельникова ирина», «оформлен как соболев»): a surname or
// a first name, or a word no list knows that reads as no verb or
// adjective, and the name's words after it. Not «записала как срочное
// обращение». It reports whether i was such a verb.
func (s *scan) recordedAs(i int) bool {
	if !recordedWord(s.norm(i)) {
		return false
	}
	seg, k := s.toks[i].seg, i+1
	if k < len(s.toks) && s.toks[k].seg == seg && isWord(s.norm(k), "вас", "вы", "его", "ее", "её", "тебя") {
		k++
	}
	if k+1 >= len(s.toks) || s.toks[k].seg != seg || s.norm(k) != "как" || s.toks[k+1].seg != seg {
		return true
	}
	k++
	w, tr := s.norm(k), s.toks[k].trig
	if s.marks[k] != 0 || !(surnameLike(w, tr) || tr&(tFirstName|tNameForm) != 0 || tr == 0 && len(w) >= 6 && isLetters(w) && !commonWord(w) && !pronoun(w) && !staffWord(w) && !orgWord(w)) {
		return true
	}
	end := k + 1
	for end < len(s.toks) && end < k+3 && s.toks[end].seg == seg && s.marks[end] == 0 && (s.toks[end].has(tFirstName|tNameForm) || patronymic(s.norm(end)) || s.surnameAt(end)) {
		end++
	}
	s.claim(Name, ruleNameFull, k, end)
	return true
}

// recordedWord: «записала», «значитесь», «оформлен», «указан»: how one
// is recorded, before «как» and the name (recordedAs).
func recordedWord(w string) bool {
	return isWord(w, "записала", "записал", "записан", "записана", "записаны", "значитесь", "значится", "оформлен", "оформлена", "оформлено", "указан", "указана")
}

// bareSurname reports whether token i, a word no list knows, is a surname
// said alone after «для», «от», «у», «на», «передайте» («для сидоренко»,
// «перевод от гаспарян»): by an ending no common word has (-енко, -ук,
// -юк, -ян, -дзе, -швили, -заде), and not a staff member's («к
// бондаренко» is who one sees).
func (s *scan) bareSurname(i int) bool {
	t := &s.toks[i]
	if !s.prepSurname(i) {
		return false
	}
	// The name alone: the next word is no name's (a first name after it,
	// in any case, is the full name's rule's: «от халилова рустама»).
	return i+1 >= len(s.toks) || s.toks[i+1].seg != t.seg || !looksLikeNamePart(s.lang, s.norm(i+1), s.toks[i+1].trig) && !firstNameForm(s.norm(i+1))
}

// caseSurname reports whether token i, a word no list knows after one of
// bareSurname's words, is a surname in «-ов», «-ев», «-ин» in the case
// that word asks for (causes block OS): «-ова», «-ева», «-ина» after «у»,
// «от», «для» (a man's, genitive: «у рахимова», «для тарасова»); those or
// «-ову», «-еву», «-ину» after «на» (a man's or a woman's, accusative:
// «на гусева», «на мельникову»); «-ову», «-еву», «-ину» after «передайте»
// (a man's, dative). The common nouns of these endings in these cases are
// few (a masculine or neuter noun's genitive, «у магазина», «от дерева»;
// an animate one's accusative, «на гражданина»; a feminine's accusative,
// «на машину»): caseNouns and surnameShapedNouns name them. Not a woman's
// «-овой», «-евой» (every adjective of «-овой»: «от налоговой»), nor a
// city («от саратова до ...»), a street named after a person before its
// house or after «на», «у» («остановка на пушкина»), whom one has an
// appointment with («записан у терентьева»).
func (s *scan) caseSurname(i int) bool {
	w, prep := s.norm(i), s.norm(i-1)
	// «насчёт», «вместо», «по поводу» ask for the genitive as «у» does;
	// «за» for the accusative as «на» does, or a woman's instrumental
	// («за колесниковой приедут»; causes block PT).
	if len(prep) == 12 && genitivePrep(prep) {
		prep = "от"
	}
	if (prep == "у" || prep == "от" || prep == "для" || prep == "за") && s.womanSurnameAlone(i) {
		return !(prep == "у" && i > 1 && s.toks[i-2].seg == s.toks[i].seg && appointmentWord(s.norm(i-2)))
	}
	// A «-ский» surname in the case the word asks for, alone («карта на
	// жуковскую оформлена», «ключи у вишневской», causes block PW): the
	// next word no noun it could qualify, as womanSurnameAlone asks.
	// The accusative after «на», «за» («-скую», «-ского»: «на щёлковской»
	// is where, a street or a station); the genitive or the dative after
	// «от», «для», «передайте» (not after «у»: «у пушкинской» is where
	// too).
	if skiSurnameCase(w) && s.caseWordAlone(i) {
		switch prep {
		case "на", "за":
			// (And with a word of recording or issuing around it:
			// «карта на жуковскую оформлена», «записано на
			// дубровского»; not «еду на киевскую», a station.)
			return hasAnySuffix(w, "скую", "цкую", "ского", "цкого") && s.recordedAround(i)
		case "от", "для", "передайте":
			return true
		}
		return false
	}
	if len(w) < 12 || caseNouns[w] || surnameShapedNouns[w] || commonWord(w) || strings.HasSuffix(w, "анина") || strings.HasSuffix(w, "янина") {
		return false
	}
	man := hasAnySuffix(w, "ова", "ева", "ина", "ына")
	dat := hasAnySuffix(w, "ову", "еву", "ину", "ыну")
	switch prep {
	case "у", "от", "для":
		if !man {
			return false
		}
	case "на", "за":
		if !man && !dat {
			return false
		}
	case "передайте":
		return dat
	default:
		return false
	}
	if streetSurnames[w] && (prep == "на" || prep == "у" || prep == "за") || cityCases[w] {
		return false
	}
	next := i + 1
	if next < len(s.toks) && s.toks[next].seg == s.toks[i].seg {
		// A house after it: a street's name («на кирова 15»); a route's end
		// after «до»: a town.
		if s.toks[next].has(tNum|tHouse) || prep == "от" && s.norm(next) == "до" {
			return false
		}
	}
	if prep == "у" && i > 1 && s.toks[i-2].seg == s.toks[i].seg && appointmentWord(s.norm(i-2)) {
		return false
	}
	return true
}

// recordedAround reports whether a short participle follows token i
// («оформлена», «записан»), or a word of recording or issuing stands
// within three words before it in its sentence («оформлено на ...»,
// «записала вас на ...», «счёт открыт на ...»): who a thing is recorded
// to is a person.
func (s *scan) recordedAround(i int) bool {
	seg := s.toks[i].seg
	if i+1 < len(s.toks) && s.toks[i+1].seg == seg && shortParticiple(s.norm(i+1)) {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-4 && s.toks[k].seg == seg; k-- {
		if w := s.norm(k); recordedWord(w) || shortParticiple(w) || strings.HasPrefix(w, "оформ") || strings.HasPrefix(w, "запис") || strings.HasPrefix(w, "запиш") || strings.HasPrefix(w, "выпис") || strings.HasPrefix(w, "откры") {
			return true
		}
	}
	return false
}

// genitivePrep reports whether w is a preposition of twelve bytes asking
// for the genitive before a surname said alone, as «у», «от» do: «насчёт
// коршуновой», «вместо тарасовой», «(по) поводу ковальчука» (causes block
// PT).
func genitivePrep(w string) bool {
	return isWord(w, "насчет", "насчёт", "вместо", "поводу")
}

// hasAnySuffix reports whether w ends in one of the endings.
func hasAnySuffix(w string, endings ...string) bool {
	for _, e := range endings {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// appointmentWord: a word of having an appointment or being treated,
// before «у» and whom with: a doctor's, a specialist's surname.
func appointmentWord(w string) bool {
	return isWord(w, "записан", "записана", "записаны", "записался", "записалась", "прием", "приеме", "приём", "приёме", "лечусь", "лечится", "наблюдаюсь", "наблюдается", "был", "была", "были",
		"учете", "учёте") // «я на учёте у григорьевой срок 28 недель»: a doctor
}

// caseNouns are common nouns that end as a surname in «-ов», «-ев», «-ин»
// does in the cases caseSurname reads («у магазина», «от дерева», «на
// спину»); surnameShapedNouns has more.
var caseNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`дерева острова слова плова улова покрова гнева посева хлева
		магазина магазину камина камину графина графину кувшина кувшину карантина карантину витамина витамину аспирина аспирину
		никотина никотину кофеина инсулина инсулину пенициллина холестерина гемоглобина адреналина вазелина глицерина пластилина
		нафталина керосина керосину маргарина парафина бензину пингвина пингвину дельфина дельфину мандарина мандарину апельсина апельсину
		лимузина лимузину господина господину гражданина гражданину исполина кретина логина логину плагина плагину сатина
		билирубина креатинина ферритина пролактина тироксина
		спину глину малину рябину калину осину перину свинину баранину говядину конину телятину курятину долину равнину плотину
		паутину кабину турбину лавину ангину щетину скотину пучину льдину дубину старину трещину морщину женщину дружину общину
		пластину скарлатину дюжину штанину величину толщину седину ветчину грудину лощину целину сердцевину кончину личину вотчину
		десятину обнову подкову полову плову острову слову деву плеву хлеву посеву`) {
		m[w] = true
	}
	return m
}()

// streetSurnames are the surnames most streets are named after, said as
// the street's name after «на», «у» («остановка на пушкина», «встретимся у
// гагарина»).
var streetSurnames = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`ленина пушкина гагарина кирова чехова калинина королева жукова лермонтова комарова суворова кутузова
		некрасова чапаева куйбышева титова менделеева ломоносова мичурина тургенева шолохова есенина гончарова крылова свердлова
		радищева стаханова`) {
		m[w] = true
	}
	return m
}()

// cityCases are the genitive of cities in «-ов», «-во» that are no
// common surname («от саратова», «для одинцова»; «иванова», «кирова» are
// both, and read as a surname).
var cityCases = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`саратова ростова пскова тамбова азова одинцова домодедова`) {
		m[w] = true
	}
	return m
}()

// prepSurname reports whether token i, a word no list knows, reads as a
// surname after «для», «от», «у», «на», «передайте» (bareSurname, said
// alone or before a first name).
// (Or after «какой-то», «какого-то», «кто-то», «некой», «некоего»: a
// third person named with no other cue, «звонил какой-то захаров», «на
// карту некой гусейновой», causes block OX.)
func (s *scan) prepSurname(i int) bool {
	t := &s.toks[i]
	if i == 0 || t.trig != 0 || s.toks[i-1].seg != t.seg {
		return false
	}
	// (By the word's length first: most words before a token are none of
	// these, and fullNames asks this of every token.)
	switch s.toks[i-1].nl {
	case 2, 4, 6, 18: // «у», «на», «от», «то», «за», «для», «передайте»
	case 12: // «некоей», or «насчёт», «вместо», «поводу» (causes block PT)
		if !genitivePrep(s.norm(i - 1)) {
			return s.someoneBefore(i) && s.someoneSurname(i)
		}
		if s.norm(i-1) == "поводу" && !(i >= 2 && s.toks[i-2].seg == t.seg && s.norm(i-2) == "по") {
			return false
		}
		return (strongSurnames.of(s.normOf(t), 6) || s.caseSurname(i)) && !s.staffBefore(i)
	case 10, 14: // «некий», «некой», «некоего»...
		return s.someoneBefore(i) && s.someoneSurname(i)
	default:
		return false
	}
	// (someoneBefore's words are «то» or of ten bytes and more: after a
	// word of two, six or eighteen it answers no.)
	if s.toks[i-1].nl == uint32(len("то")) && s.someoneBefore(i) {
		return s.someoneSurname(i)
	}
	if !isWord(s.norm(i-1), "для", "от", "у", "на", "передайте", "за") {
		return false
	}
	return (strongSurnames.of(s.normOf(t), 6) || s.caseSurname(i) || s.koreanNameNamed(i) > i) && !s.staffBefore(i)
}

// someoneBefore reports whether token i follows «какой-то», «какого-то»,
// «кто-то» (in any case, with or without the hyphen) or «некий», «некой»,
// «некоего» (in any case): who is named is someone the speaker does not
// know.
func (s *scan) someoneBefore(i int) bool {
	seg := s.toks[i].seg
	if w := s.norm(i - 1); w == "то" {
		return i >= 2 && s.toks[i-2].seg == seg && isWord(s.norm(i-2), "какой", "какого", "какому", "какую", "какая", "какие", "кто", "кого", "кому")
	} else {
		return isWord(w, "некий", "некоего", "некоему", "некая", "некой", "некую", "некоей")
	}
}

// someoneSurname reports whether token i, after someoneBefore's words, is
// a surname: by a surname's ending (in any case, «-овой», «-евой» with a
// stem of four letters or more, not an adjective of that ending), not a
// common noun of that shape («какой-то магазин», «какой-то гражданин»).
func (s *scan) someoneSurname(i int) bool {
	w := s.norm(i)
	if !surnameLike(w, s.toks[i].trig) || surnameShapedNouns[w] || caseNouns[w] || caseNouns[w+"а"] {
		return false
	}
	if hasAnySuffix(w, "овой", "евой") {
		return len(w) >= 16 && !isWord(w, "столовой", "почтовой", "грузовой", "трудовой", "налоговой", "страховой", "розовой", "массовой", "кассовой", "цифровой",
			"звуковой", "боковой", "сетевой", "ключевой", "пищевой", "речевой", "бытовой", "деловой", "садовой", "полевой")
	}
	return !commonWord(w)
}

// strongSurnames: surname endings no common Russian word has.
var strongSurnames = newEndingSet([]string{"енко", "ук", "юк", "ян", "дзе", "швили", "заде"})

// firstAfterSurname reports whether token i, a word no list knows, is a
// first name after a surname masked alone right before it, with no
// patronymic: the sentence ends after it, or a number, a date's month, a
// cue or a word of birth follows («[мирзаев] хуршед паспорт ...»,
// «[ибрагимова] зайнаб 82 20 ...», «[джураева] мухаббат 10 09 1968»).
// (Asked only when the word before is masked: no work on most words.)
func (s *scan) firstAfterSurname(i int) bool {
	t := &s.toks[i]
	if i == 0 || s.marks[i-1] == 0 || t.trig != 0 || !s.nameMaskedAt(i-1, t.seg) {
		return false
	}
	// The surname alone in its mask, and a surname by its ending.
	if i >= 2 && s.marks[i-2] == s.marks[i-1] && s.toks[i-2].seg == t.seg || !surnameLike(s.norm(i-1), 0) {
		return false
	}
	w := s.normOf(t)
	// (Not a verb of «мы» closing the sentence: «вижу заказ на
	// [клименко] выдаём».)
	if !unknownFirstName(w) || strings.HasSuffix(w, "ем") {
		return false
	}
	if s.nameEnds(i+1, t.seg) {
		return true
	}
	// Or the surname said again after it, or a word of confirming
	// («соседка [абрамян] седа абрамян там сидит», «получатель
	// [сафаров] джамшед верно», causes block OG): not a verb's past
	// («[иванов] сказал верно»).
	n := i + 1
	return n < len(s.toks) && s.toks[n].seg == t.seg && (s.norm(n) == s.norm(i-1) || confirmWord(s.norm(n)) && !pastVerb(w))
}

// nameEnds reports whether a name said before token k, in segment seg,
// ends there: the sentence ends, or a number, a month, a cue, a trap word,
// a word of birth, a relative's word, an address's word, a large city,
// «индекс», «и» or «а» follows («[джураев] фаррух а я ...», «[галиева]
// айсылу казань улица ...», «олейник богдан муж»).
func (s *scan) nameEnds(k int, seg int32) bool {
	if k >= len(s.toks) || s.toks[k].seg != seg {
		return true
	}
	t := &s.toks[k]
	if t.has(tNum | tMonth | tCue | tTrap | tBirth | tKin | tStreet | tSettle | tAddrCue) {
		return true
	}
	w := s.normOf(t)
	return bigCities[w] || isWord(w, "индекс", "и", "а")
}

// omFirstName reports whether w ends in «-хом», «-ром», «-лом» as the
// Central Asian first names «ильхом», «бахром», «акром», «ислом» do (an
// adjective's case ends so too: asked only before a patronymic written
// out in full).
func omFirstName(w string) bool {
	return len(w) >= 8 && (strings.HasSuffix(w, "хом") || strings.HasSuffix(w, "ром") || strings.HasSuffix(w, "лом"))
}

// nameInAt reports whether w ends in «ат» and is no adjective: a verb's
// ending («молчат»), and as often a first name's (патимат, шухрат,
// мухаббат, фархат), so read as one where a name is expected.
func nameInAt(w string) bool { return strings.HasSuffix(w, "ат") && !adjectival(w) }

// kinName: a relative's or a payee's name right after the word for them,
// with no other cue («дочке настя», «на маму ханова роза», «жену гладких
// ирина», «мужа воронин», «получатель соколов ян»): up to three words that
// read as a name (a first name in any case, a surname's ending, a
// patronymic), or a word no list knows before a first name («кравец
// ангелина»). A lone word must be a first name or read as a surname.
func (s *scan) kinName(i int) {
	seg := s.toks[i].seg
	if s.norm(i) == "ип" && !(i > 0 && s.toks[i-1].seg == seg && s.norm(i-1) == "я") && !s.soleTraderFound(i) {
		return // «продавец ип кузнецова» is a company; «я ип гаврилов» the caller
	}
	if s.role != schemas.RoleClient && (staffKin(s.norm(i)) || slices.Contains(employeeWords, s.norm(i))) {
		return // «коллега анна вам перезвонит», «ваш водитель шохрух»: staff
	}
	// «вашему сотруднику петрову», «сотруднику вашему игорю»: the
	// company's staff (causes block OL).
	if slices.Contains(employeeWords, s.norm(i)) && (i > 0 && s.toks[i-1].seg == s.toks[i].seg && strings.HasPrefix(s.norm(i-1), "ваш") ||
		i+1 < len(s.toks) && s.toks[i+1].seg == s.toks[i].seg && strings.HasPrefix(s.norm(i+1), "ваш")) {
		return
	}
	j := i + 1
	if j < len(s.toks) && s.toks[j].seg == seg && isWord(s.norm(j), "моей", "моего", "моя", "мой", "мою", "моему", "моим", "тот", "же", "нашей", "нашего", "наша", "наш", "нашу", "нашему", "нашим",
		"её", "ее", "его", "их") { // («внук её звонит костя», causes block PN)
		j++
	}
	if j < len(s.toks) && isWord(s.norm(j), "же") {
		j++
	}
	// «муж у меня руслан», «дочка у нас алина» (causes block PR): whose
	// relative, said between.
	if j+2 < len(s.toks) && s.toks[j].seg == seg && s.toks[j+1].seg == seg && s.norm(j) == "у" && isWord(s.norm(j+1), "меня", "нас") {
		j += 2
	}
	// What an owner's or a payee's word is of, before the name
	// («владелец счета федоров», «получатель перевода кравчук», causes
	// block NZ).
	if j+1 < len(s.toks) && s.toks[j].seg == seg && s.toks[j+1].seg == seg && ownedThing(s.norm(j)) && ownerKin(s.norm(i)) {
		j++
	}
	// A title after the relative's word is no name («муж гражданин
	// таджикистана»): the title's rule reads a name after it.
	if j < len(s.toks) && s.toks[j].seg == seg && title(s.norm(j)) {
		return
	}
	// «оформите на жену на наталью», «сыну на артема»: a preposition
	// between, the name after it in its case (a first name's form must
	// follow: «маме на день рождения» names nobody).
	// (Or «с» before one in the instrumental: «с мужем с андреем»,
	// causes block PN.)
	if j+1 < len(s.toks) && s.toks[j].seg == seg && s.toks[j+1].seg == seg && isWord(s.norm(j), "на", "за", "для", "с", "со") &&
		(s.toks[j+1].has(tFirstName|tNameForm) || s.toks[j+1].trig == 0 && firstNameForm(s.norm(j+1))) {
		j++
	}
	// A surname's particles before it («получатель фон браун курт»): the
	// name is read after them, and they are masked with it
	// (particlesBefore, causes block NS).
	// (Not before a word the lexicon knows or a verb's or an
	// adjective's ending: «сосед тер машину».)
	for n := 0; n < 2 && j+1 < len(s.toks) && s.toks[j].seg == seg && s.particleAt(j) && (nameParticles[s.norm(j+1)] || s.toks[j+1].trig == 0 && !commonWord(s.norm(j+1)) && !obliqueSurname(s.norm(j+1))); n++ {
		j++
	}
	// A verb between the relative's word and a first name: who does it
	// («дочка моя получит алина», «брату помог артём», causes block PM);
	// the name after it.
	if j+1 < len(s.toks) && s.toks[j].seg == seg && s.toks[j+1].seg == seg && s.toks[j].trig == 0 && s.marks[j] == 0 &&
		(presentVerb(s.norm(j)) || pastVerb(s.norm(j)) || pastVerbOther(s.norm(j))) && s.toks[j+1].has(tFirstName) && !s.toks[j+1].has(tStop|tNum|tCue|tTrap) {
		j++
	}
	from := j
	// A Korean name after the relative's word, whatever follows it
	// («сын мой пак дон хо учится в москве», «получатель нгуен тхи лан»,
	// causes block PS).
	if end := s.koreanNameNamed(from); end > from && from < len(s.toks) && s.toks[from].seg == seg {
		s.claim(Name, ruleNameCue, from, end)
		return
	}
	// Or its surname before a Russian first name, «пак» a cue's word too
	// («свёкор пак владимир»).
	if k := from; k+1 < len(s.toks) && s.toks[k].seg == seg && s.toks[k+1].seg == seg && s.marks[k] == 0 && s.marks[k+1] == 0 && koreanShortSurname(s.norm(k)) &&
		s.toks[k+1].has(tFirstName|tNameForm) && !s.toks[k+1].has(tStop|tNum|tCue|tTrap) {
		s.claim(Name, ruleNameCue, k, k+2)
		return
	}
	// A surname no list knows with two initials closing the sentence or
	// before a word of confirming («на отца эйсмонт г в», «владелец
	// вайс д л верно»).
	if k := from; k+2 < len(s.toks) && s.toks[k+2].seg == seg && s.marks[k] == 0 && (s.unknownSurname(k, true) || surnameLike(s.norm(k), s.toks[k].trig)) &&
		s.letter(k+1) && s.letter(k+2) && (k+3 == len(s.toks) || s.toks[k+3].seg != seg || isWord(s.norm(k+3), "верно", "правильно", "да")) {
		s.claim(Name, ruleNameCue, k, k+3)
		return
	}
	// Two words as the whole rest of the sentence after the relative's
	// word, one a word no list knows, the other a name's: a first name
	// and a surname of another people («сын даниэль беков», «дочь
	// дарина ковач»; not «маме пылесос дайсон»).
	if k := from; k+1 < len(s.toks) && s.toks[k+1].seg == seg && (k+2 == len(s.toks) || s.toks[k+2].seg != seg) &&
		s.marks[k] == 0 && (s.marks[k+1] == 0 && (s.kinNameWord(k) && s.unknownSurname(k+1, false) || s.unknownSurname(k, false) && s.kinNameWord(k+1)) ||
		(s.marks[k+1] == 0 || s.maskedAs(k+1, Name)) && s.foreignSurnameFirst(k)) {
		s.claim(Name, ruleNameCue, k, k+2)
		return
	}
	end, named := j, false
words:
	for end < len(s.toks) && end < from+3 && s.toks[end].seg == seg && s.marks[end] == 0 {
		u := &s.toks[end]
		w := s.normOf(u)
		switch {
		case u.has(tFirstName|tNameForm) || u.trig == 0 && (firstNameForm(w) || patronymic(w)):
			named = true
		case surnameLike(w, u.trig):
			named = named || end == from
		case (end == from+1 && s.surnameAt(from) || end == from+2 && patronymic(s.norm(from+1))) && u.trig&^tFirstName == 0 && isLetters(w) && len(w) >= 4 && !commonWord(w) &&
			(end+1 >= len(s.toks) || s.toks[end+1].seg != seg || s.toks[end+1].has(tStop|tNum|tCue)):
			// a first name no list knows after the surname, or a
			// surname after the first name and patronymic, closing the
			// phrase («получатель соколов ян», «веселова дарина», «на
			// маму антонина егоровна ким 1952»)
		case end == from && u.trig == 0 && isLetters(w) && len(w) >= 6 && !commonWord(w) && !pastVerb(w) && end+1 < len(s.toks) && s.toks[end+1].seg == seg &&
			(s.toks[end+1].has(tFirstName|tNameForm) || s.toks[end+1].trig == 0 && firstNameForm(s.norm(end+1))):
			// a surname no ending tells, before the first name (in any
			// case: «водитель ковальчик ростислава»)
		default:
			break words
		}
		end++
	}
	// Not introducedAt: the relative's word is right before the name, so
	// a staff word before it is someone else («пусть курьер позвонит
	// дочке настя»).
	if !named || end == from || s.streetNamed(from) {
		return
	}
	// A driver named by a first name alone is a taxi's or a delivery's
	// («водитель шухрат деньги взял два раза»): staff, as on the
	// operator's channel; a driver insured is named in full («водитель
	// ковальчик ростислава», causes block OB).
	if end-from == 1 && isWord(s.norm(i), "водитель", "водителя") && s.toks[from].has(tFirstName) {
		return
	}
	// The surname after the first name and patronymic that closed the
	// three words («записать ветерана николай петрович гуляев рождения»,
	// causes block NC).
	if end-from == 3 && patronymic(s.norm(end-1)) && end < len(s.toks) && s.toks[end].seg == seg && s.marks[end] == 0 && s.surnameAt(end) && !commonWord(s.norm(end)) {
		end++
	}
	// The surname's initial after a first name and patronymic
	// («получатель евгения андреевна б»).
	// So after a payee's first name alone («вижу получатель фаниль ф
	// верните», as a bank's app shows a payee, causes block OG).
	// A letter that is a word too is the initial closing the sentence
	// («получатель лидия степановна к»), or after a payee's first name
	// and patronymic before a word it does not govern («получатель рустам
	// ахмедович а всё совпадает», «... ильдар ринатович с мы можем ...»:
	// a bank's app shows a payee so; causes block LY).
	if (end-from == 2 && patronymic(s.norm(end-1)) || end-from == 1 && ownerKin(s.norm(i)) && s.toks[from].has(tFirstName)) &&
		end < len(s.toks) && s.toks[end].seg == seg && s.letter(end) &&
		(!isWord(s.norm(end), "и", "в", "с", "у", "о", "а", "я", "к") || end+1 == len(s.toks) || s.toks[end+1].seg != seg ||
			end-from == 2 && ownerKin(s.norm(i)) && s.initialBeforeWord(end)) {
		end++
	}
	s.claim(Name, ruleNameCue, from, end)
	// Children or relatives named in a row after «и» («двое детей миша и
	// ксюша», «внуки артем и даша», causes block PN): a first name or its
	// form a list knows after «и» right after the name, closing the
	// sentence or before a function word, a number, a cue, a pronoun, a
	// verb or «оба», «тоже».
	for end+2 <= len(s.toks) && s.toks[end].seg == seg && s.norm(end) == "и" && end+1 < len(s.toks) && s.toks[end+1].seg == seg && s.marks[end+1] == 0 &&
		s.toks[end+1].has(tFirstName|tNameForm) && !s.toks[end+1].has(tStop|tNum|tCue|tTrap) && !wordName(s.norm(end+1)) &&
		(end+2 >= len(s.toks) || s.toks[end+2].seg != seg || s.toks[end+2].has(tStop|tNum|tCue) || pronoun(s.norm(end+2)) || commonWord(s.norm(end+2)) && !adjectival(s.norm(end+2)) || isWord(s.norm(end+2), "оба", "обе", "тоже", "вместе")) {
		s.claim(Name, ruleNameCue, end+1, end+2)
		end += 2
	}
}

// initialBeforeWord reports whether the letter at j that is a word too
// («а», «с», «у», «к», «в», «о») is no word before the word after it:
// «а» before «всё», «это» (a conjunction before a pronoun opens a
// question: «а вы кто»), a preposition before a word in the nominative it
// cannot govern («с мы», «у вы»), so a surname's initial.
func (s *scan) initialBeforeWord(j int) bool {
	switch next := s.norm(j + 1); s.norm(j) {
	case "а":
		return isWord(next, "всё", "все", "это") // (not «... иван иванович а вы кто», review rv23)
	case "с", "у", "к", "в", "о":
		return isWord(next, "мы", "вы", "он", "она", "они", "я", "ты", "это", "да", "нет", "всё", "все", "так")
	}
	return false
}

// ownerKin reports whether w names an owner, a payee or a sender, whose
// thing may be said before their name («владелец счета», «получатель
// перевода»).
func ownerKin(w string) bool {
	return isWord(w, "владелец", "владельца", "собственник", "собственника", "собственница", "получатель", "получателя", "отправитель", "отправителя", "покупатель", "покупателя", "страхователь", "страхователя", "плательщик", "плательщика")
}

// ownedThing reports whether w, in the genitive, is a thing an owner or a
// payee is named of («счета», «карты», «квартиры», «перевода»).
func ownedThing(w string) bool {
	return isWord(w, "счета", "счёта", "карты", "квартиры", "договора", "полиса", "автомобиля", "машины", "телефона", "номера", "посылки", "перевода", "платежа", "вклада", "кредита", "дома", "участка", "заказа", "груза", "товара", "жилья", "помещения")
}

// foreignSurnameFirst reports whether tokens k and k+1 are a surname of
// another people and a first name a list knows, as a form has them
// («получатель смит джон», causes block NT): the surname a word no list
// knows that may end as a Russian verb does («смит», «шмидт»), no
// adjective; the first name no word that is a name too.
func (s *scan) foreignSurnameFirst(k int) bool {
	t, u := &s.toks[k], &s.toks[k+1]
	w := s.normOf(t)
	return t.trig == 0 && isLetters(w) && utf8.RuneCountInString(w) >= 3 && !adjectival(w) && !pastVerb(w) && !presentVerb(w) && !pastVerbOther(w) && !pronoun(w) && !staffWord(w) && !orgWord(w) && !roleWords.of(w) &&
		u.has(tFirstName) && !u.has(tStop|tNum|tCue|tTrap) && !wordName(s.normOf(u))
}

// pastVerb reports whether w ends as a verb in the past tense does
// («помог», «купил», «звонил»): before a first name after a relative's
// word, who did something («брату помог артём», causes block NT).
func pastVerb(w string) bool {
	for _, e := range [...]string{"ил", "ал", "ел", "ял", "ыл", "ог", "ёл"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// kinNameWord reports whether token k reads as a word of a name: a first
// name, a surname by its ending (of two words after a relative's word,
// one must: «маме пылесос дайсон» names nobody).
func (s *scan) kinNameWord(k int) bool {
	t := &s.toks[k]
	return t.has(tFirstName) && t.trig&(tStop|tNum|tCue|tTrap) == 0 || surnameLike(s.normOf(t), t.trig) && !title(s.normOf(t))
}

// hyphenJoined reports whether tokens i and i+1 are one word written
// with a hyphen («бойко-шторм», «кожевникова-лау»).
func (s *scan) hyphenJoined(i int) bool {
	if i < 0 || i+1 >= len(s.toks) {
		return false
	}
	a, b := &s.toks[i], &s.toks[i+1]
	if a.seg != b.seg || a.word != b.word || a.end+1 != b.off {
		return false
	}
	src := s.src[a.seg].Text
	if a.word >= 0 {
		src = s.src[a.seg].Words[a.word].W
	}
	return int(a.end) < len(src) && src[a.end] == '-'
}

// staffKin reports whether w is a colleague's or a driver's word: a
// relative's on the client's channel, a staff member's on the operator's.
func staffKin(w string) bool {
	switch w {
	case "коллега", "коллеге", "коллегу", "коллеги", "водитель", "водителя":
		return true
	}
	return false
}

// shortSurname reports whether token i is «ли» (a Korean surname, and a
// particle that never opens a sentence) right before a first name: «ли
// виктор».
func (s *scan) shortSurname(i int) bool {
	return i+1 < len(s.toks) && s.toks[i+1].seg == s.toks[i].seg && s.norm(i) == "ли" && s.toks[i+1].has(tFirstName|tNameForm) &&
		(i == 0 || s.toks[i-1].seg != s.toks[i].seg || s.toks[i-1].has(tNameCue|tStop))
}

// surnameAt reports whether token i reads as a surname.
func (s *scan) surnameAt(i int) bool { return surnameLike(s.norm(i), s.toks[i].trig) }

// introducedAt reports whether a name at token i is the operator's own
// («меня зовут», «оператор») or a staff member's («доктор», «курьер»).
func (s *scan) introducedAt(i int) bool {
	// The operator's first sentence of the call, the name after the
	// organisation's words: «поликлиника номер 5 регистратура ольга
	// петровна» (not «иван петрович добрый день вас беспокоит банк»,
	// the client addressed).
	// Or after any words of the company's, a department's («медицина
	// оксана», «мегафон для бизнеса азат ринатович», «магнит кадры
	// оксана игоревна»): what opens the call is the operator's
	// introduction.
	// («ренессанс страхование мирон проверим данные водителя королёв
	// денис»: the operator named themselves before, and the name after
	// other words is someone else's: causes block NC.)
	if s.role != schemas.RoleClient && s.toks[i].seg == 0 && !s.namedBefore(i) && !s.othersSpokeBefore(s.toks[i].seg) {
		for j := i - 1; j >= 0 && s.toks[j].seg == s.toks[i].seg; j-- {
			w := s.norm(j)
			if isWord(w, "здравствуйте", "добрый", "доброе", "день", "утро", "вечер", "алло", "вас") {
				break // «регистратура здравствуйте ольга петровна вы записаны», «слушаю вас анна сергеевна»: the client greeted
			}
			if institutionWord(w) || !s.toks[j].has(tStop) && isLetters(w) {
				return true
			}
		}
	}
	// The operator's first sentence opening with their first name (and
	// patronymic), the company's or a department's word right after it:
	// «светлана валерьевна отдел противодействия мошенничеству» (cl-0025;
	// the written sets' ten openings of this shape are all the
	// operator's own name).
	if s.role != schemas.RoleClient && i == 0 && s.toks[i].seg == 0 && !s.othersSpokeBefore(0) && s.toks[i].has(tFirstName) {
		k := i + 1
		if k < len(s.toks) && s.toks[k].seg == 0 && patronymic(s.norm(k)) {
			k++
		}
		if k < len(s.toks) && s.toks[k].seg == 0 && orgWord(s.norm(k)) {
			return true
		}
	}
	return s.staffBefore(i)
}

// fullNameOpening reports whether the name from..to that introducedAt took
// for the operator's own (the words of the company's before it in the
// operator's first sentence) is a surname, a first name and a patronymic:
// a collector's, a bank's, a service's opening addresses the client so
// («агентство легат сорокин вадим петрович», «это агентство возврат
// хабибуллин марат ильдарович»), and an operator introduces themselves by
// the first name, or the first name and patronymic («регистратура ольга
// петровна»), never by all three with no staff word (across the written
// sets' 3,600 operator's names, none). A staff word before it («нотариус
// петров олег семёнович», staffBefore) keeps it the company's.
//
// The same when the first name and patronymic come first and the surname
// after them («звоню по поводу задолженности роза ринатовна хайруллина»),
// and for a name in an oblique case, whatever its words: an operator
// introduces themselves in the nominative, and «позовите пожалуйста
// андрея викторовича», «могу я услышать елену петровну», «заказ оформлен
// на никитину дарью» name whom the call is for.
//
// (Not staffBefore whole: the company's words it takes for the operator's
// own, «отдел», «служба», «компания», open a collector's call as often:
// «отдел просроченной задолженности латыпов ренат фаридович». A colleague
// the call is handed to is the company's: «передаю трубку наталье
// владимировне».)
func (s *scan) fullNameOpening(from, to int, pat bool) bool {
	seg := s.toks[from].seg
	if seg != 0 {
		return false // past the opening, introducedAt answered for a staff word or the operator's
	}
	switch {
	case pat && to-from == 3 && (s.surnameAt(from) || s.surnameAt(to-1)):
	case s.obliqueNameIn(from, to):
	case to-from >= 2 && s.youBefore(from):
	case to-from >= 2 && (s.surnameAt(from) || s.surnameAt(to-1)) && s.partyBefore(from) && !s.sellerIntroduced(from, to):
	default:
		return false
	}
	for j := from - 1; j >= 0 && j >= from-3 && s.toks[j].seg == seg; j-- {
		w := s.norm(j)
		if isWord(w, "я", "она", "он") {
			break
		}
		if staffWord(w) || isWord(w, "зовут", "оператор", "специалист", "трубку", "соединяю", "переключаю") || (w == "к" || w == "ко") && j == from-1 {
			return false
		}
	}
	return !(from > 0 && s.toks[from-1].seg == seg && s.toks[from-1].trig == 0 && acronym(s.norm(from-1)))
}

// youBefore reports whether «вы» is said before token from in its
// sentence: the operator speaks to the client there («это клиника
// здоровье вы записаны на завтра мария андреевна», «агентство регион вы
// комаров алексей игоревич»), not of themselves; of the written sets'
// operators' first sentences with «вы» before a name, 24 name the client
// and one a doctor after «к терапевту» (a staff word). Not «вы
// позвонили», «вы дозвонились», «вы обратились»: a company's greeting
// before the operator's name («вы позвонили в службу поддержки мария
// андреевна слушаю»).
func (s *scan) youBefore(from int) bool {
	seg := s.toks[from].seg
	for j := from - 1; j >= 0 && s.toks[j].seg == seg; j-- {
		if s.toks[j].nl == uint32(len("вы")) && s.norm(j) == "вы" {
			return !(j+1 < from && isWord(s.norm(j+1), "позвонили", "дозвонились", "обратились", "попали", "звоните"))
		}
	}
	return false
}

// obliqueNameIn reports whether a word of the name from..to is a first
// name in an oblique case («андрея», «дарью»: a name's form no list has
// as a first name's nominative) or a patronymic in one («викторовича»,
// «петровну»).
func (s *scan) obliqueNameIn(from, to int) bool {
	for k := from; k < to; k++ {
		if s.toks[k].trig&(tNameForm|tFirstName) == tNameForm && !turkicPatronymicWord(s.norm(k)) {
			return true
		}
		if w := s.norm(k); hasAnySuffix(w, "ича", "ичу", "ичем", "иче", "вны", "вне", "вну", "вной", "чны", "чне", "чну", "чной") && patronymic(w) {
			return true
		}
	}
	return false
}

// obliqueSurnameAfter reports whether w, after a first name and a
// patronymic, is a surname in an oblique case that surnameLike's endings
// lack: a woman's in «-иной», «-ыной», a man's in «-иным», «-ыным», one
// in «-ский», «-цкий» («могу я поговорить с еленой викторовной шубиной»,
// «с игорем петровичем зарецким»).
func obliqueSurnameAfter(w string) bool {
	return inaSurnameCase(w) || len(w) >= 12 && hasAnySuffix(w, "иным", "ыным") && !strings.HasSuffix(w, "нным") || skiSurnameCaseNamed(w)
}

// companyThenOperator reports whether the words from..to are the whole of
// the operator's first sentence opening the call, two words, the last a
// first name: the company's name and the operator's own («медицина
// оксана», «перевозкин ярослав»), though the company's word reads as a
// surname. Of the written sets' 742 operators' first sentences of two
// words opening a call with a first name last, all but none are so. Not
// when the first word ends as a surname more than a company's name does,
// «-ов», «-ев», «-ский», «-енко» in their forms («иванов сергей»,
// «петрова анна»: a collector addressing the client, rv24); a company's
// word of a surname's shape ends in «-ин», «-ина» («доставкин»,
// «малина»).
func (s *scan) companyThenOperator(from, to int) bool {
	seg := s.toks[from].seg
	if s.role == schemas.RoleClient || seg != 0 || to-from != 2 || from > 0 && s.toks[from-1].seg == seg ||
		to < len(s.toks) && s.toks[to].seg == seg || !s.toks[to-1].has(tFirstName) || s.toks[from].has(tFirstName) {
		return false
	}
	if w := s.norm(from); hasAnySuffix(w, "ов", "ова", "ев", "ева", "ёв", "ёва", "ский", "ская", "цкий", "цкая", "енко") {
		return false
	}
	return !s.othersSpokeBefore(seg)
}

// acronym reports whether w reads as an abbreviation said by its letters
// («мгту», «рэу», «мгу», «спбгу»): three to five letters with three
// consonants in a row, «э» before a vowel, or its one vowel last after
// two consonants, which few Russian words of its length have (and those
// few, «три», «при», «где», are the lexicon's: fullNameOpening asks it
// of a word no list knows). The word after it names the institution
// («мгту станкин», «рэу плеханова»: a university named after a person),
// no surname of the client's.
func acronym(w string) bool {
	r := []rune(w)
	if len(r) < 3 || len(r) > 5 {
		return false
	}
	run, vowels := 0, 0
	for k, c := range r {
		if c < 'а' || c > 'я' && c != 'ё' {
			return false
		}
		if strings.ContainsRune("аеёиоуыэюя", c) {
			if k > 0 && r[k-1] == 'э' {
				return true
			}
			run = 0
			vowels++
			continue
		}
		if run++; run >= 3 {
			return true
		}
	}
	return vowels == 1 && strings.ContainsRune("аеёиоуыэюя", r[len(r)-1]) && !strings.ContainsRune("аеёиоуыэюя", r[1])
}

// adjectiveSurname reports whether token k, a word of an adjective's
// shape («бережной», «толстая», «лановой»), is a surname before a first
// name and a patronymic: opening the client's sentence, or after a
// relative's or a party's word, «я», «это» on any channel; not an
// adjective said of a person («дорогой», «старший», «покойный»,
// «дежурная»).
func (s *scan) adjectiveSurname(k int) bool {
	if k < 0 || s.toks[k].seg != s.toks[k+1].seg || s.toks[k].trig != 0 || s.marks[k] != 0 {
		return false
	}
	w := s.norm(k)
	if len(w) < 10 || !hasAnySuffix(w, "ой", "ая", "ий", "ый") || !adjectival(w) || personAdjective(w) {
		return false
	}
	if s.role == schemas.RoleClient && s.segStart(k) {
		return true
	}
	return k > 0 && s.toks[k-1].seg == s.toks[k].seg && (s.toks[k-1].has(tKin) || isWord(s.norm(k-1), "я", "это"))
}

// adjectiveSurnameAnswer returns the end of a surname of an adjective's
// shape («толстая», «береговая», «полевой») opening the answer to the
// other side's question for the surname (a question with «фамилия» in
// the 10 s before), with the first name and patronymic after it, or j: the
// answer is the surname alone or with first names a list knows, and the
// word no adjective said of a surname («двойная», «простая», «русская»)
// or of a person (personAdjective).
func (s *scan) adjectiveSurnameAnswer(j int) int {
	if j >= len(s.toks) || s.toks[j].trig != 0 || s.marks[j] != 0 {
		return j
	}
	w, seg := s.norm(j), s.toks[j].seg
	if len(w) < 10 || !hasAnySuffix(w, "ой", "ая", "ий", "ый") || !adjectival(w) || personAdjective(w) || surnameDescription(w) {
		return j
	}
	end := j + 1
	for end < len(s.toks) && end < j+3 && s.toks[end].seg == seg && s.marks[end] == 0 && (s.toks[end].has(tFirstName) && !s.toks[end].has(tStop|tNum|tCue|tTrap) || end > j+1 && patronymic(s.norm(end))) {
		end++
	}
	if end < len(s.toks) && s.toks[end].seg == seg {
		return j
	}
	at := s.t0(&s.toks[j])
	if s.otherCueNear(at, func(e *cueEvent) bool { return e.surname }) {
		return end
	}
	return j
}

// surnameDescription: adjectives said of a surname in answer to the
// question for it («фамилия» — «двойная», «такая же», «русская»), no
// surname.
func surnameDescription(w string) bool {
	return isWord(w, "двойная", "двойной", "простая", "простой", "сложная", "сложной", "длинная", "длинной", "короткая", "обычная", "обычной", "редкая", "русская",
		"прежняя", "старая", "девичья", "смешная", "странная", "известная", "иностранная", "нерусская", "армянская", "грузинская", "татарская", "украинская",
		"немецкая", "еврейская", "польская", "корейская", "любая", "разная", "одинаковая", "трудная", "необычная", "красивая", "правильная", "неправильная",
		"мужская", "женская", "отцовская", "мамина", "папина", "мужнина", "настоящая", "официальная", "паспортная", "полная", "полностью", "какая", "такая")
}

// personAdjective: adjectives said of a person before their name, no
// surname («дорогой иван петрович», «покойный», «старший»).
func personAdjective(w string) bool {
	return isWord(w, "дорогой", "дорогая", "милый", "милая", "уважаемый", "уважаемая", "покойный", "покойная", "старший", "старшая", "младший", "младшая",
		"бывший", "бывшая", "родной", "родная", "новый", "новая", "любимый", "любимая", "двоюродный", "двоюродная", "единственный", "единственная",
		"законный", "законная", "другой", "другая", "второй", "вторая", "первый", "первая", "третий", "такой", "такая", "какой", "какая",
		"больной", "больная", "пожилой", "пожилая", "молодой", "молодая", "маленький", "маленькая", "лежачий", "лежачая", "главный", "главная",
		"дежурный", "дежурная", "настоящий", "настоящая", "нужный", "нужная", "живой", "живая", "глухой", "глухая", "слепой", "слепая")
}

// visitBefore reports whether «к» at token j follows, within three words
// in its sentence, a word of a call or a visit made to someone (a crew, a
// doctor sent home): whom it was made to is the patient, not a doctor one
// sees («вызов от седьмого декабря к дмитриеву аркадию», «бригада
// приехала к сорокиной», causes block PB).
func (s *scan) visitBefore(j int) bool {
	for k := j - 1; k >= 0 && k >= j-4 && s.toks[k].seg == s.toks[j].seg; k-- {
		if isWord(s.norm(k), "вызов", "вызова", "вызовы", "выезд", "выезжали", "приехал", "приехала", "приехали", "приезжал", "приезжала", "приезжали",
			"приходил", "приходила", "приходили", "пришел", "пришла", "пришли", "бригада", "бригаду", "скорая", "скорую") {
			return true
		}
	}
	return false
}

// othersSpokeBefore reports whether another channel said a sentence of
// four words or more before segment seg started: then the channel's
// first sentence answers it and opens no call, and a name in it is no
// introduction of the operator's («я пристав ... звоню уточнить
// реквизиты» — «взыскатель лукин павел олегович ...», causes block OV).
func (s *scan) othersSpokeBefore(seg int32) bool {
	start := s.src[seg].Start
	for k := range s.othersSpoke {
		if s.othersSpoke[k].at < start {
			return true
		}
	}
	return false
}

// staffBefore reports whether a name at token i follows, within three
// words, the operator's own word or «зовут» (not on the client's channel)
// or a staff member's word («доктор», «курьер», «к»): introducedAt past
// the operator's first sentence. (A surname after «на», «от», «для» is no
// operator's introduction, wherever it is said: bareSurname asks this
// alone.)
func (s *scan) staffBefore(i int) bool {
	if s.patientNamed(i) {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-3 && s.toks[j].seg == s.toks[i].seg; j-- {
		w := s.norm(j)
		if isWord(w, "я", "она", "он") {
			break // «мой коллега я смирнова ия павловна»: the speaker, not the colleague
		}
		// (Not «слушаю вас анна сергеевна»: the client addressed.)
		if s.role != schemas.RoleClient && (s.toks[j].has(tOperator) && !(j+1 < i && s.norm(j+1) == "вас") || w == "зовут") {
			return true
		}
		// «я курьер жалилов бекзод», «я ваш мастер ...» on the client's
		// channel: the caller's own role, the name theirs (causes block
		// OF; on the operator's, «я ваш мастер алексей» is staff).
		if staffWord(w) && s.role == schemas.RoleClient && (s.selfBefore(j) || s.clientsEmployee(j)) {
			break
		}
		// «к доктору», and a name just after «к»: who one goes to see
		// («запись к петровой елене викторовне»; not «к вам кассиром
		// ефремова ульяна»).
		if (w == "к" || w == "ко") && s.visitBefore(j) {
			break // «доктор приходил к ильиной нине»: the patient
		}
		// (A medical role only right before the name: «гинеколог примет
		// зайцеву ольгу» names the patient, causes block SO.)
		if staffWord(w) && (j == i-1 || staffWords.of(w)) || (w == "к" || w == "ко") && j >= i-2 || staffKin(w) && j == i-1 && s.driverComing(i) {
			return true
		}
	}
	return false
}

// clientsEmployee reports whether token j, a staff word on the client's
// channel, is an employee's word the client says of their own staff
// («я работодатель у нас сотрудник мельников павел сергеевич», «у меня
// работник котов»): an employer's third party, no member of the
// company's staff the call is with («ваш сотрудник», «сотрудник банка»).
func (s *scan) clientsEmployee(j int) bool {
	w := s.norm(j)
	if !strings.HasPrefix(w, "сотрудни") && !strings.HasPrefix(w, "работни") {
		return false
	}
	for k := j - 1; k >= 0 && k >= j-3 && s.toks[k].seg == s.toks[j].seg; k-- {
		switch s.norm(k) {
		case "нас", "меня", "наш", "наша", "мой", "моя", "моего", "нашего", "нашу", "мою":
			return true
		case "ваш", "ваша", "вашего", "вашу", "вашей", "вам", "вас":
			return false
		}
	}
	return false
}

// introducedBefore reports whether the words from token k in its sentence
// are «меня зовут» or «зовут меня»: the speaker names themselves by the
// words before k.
func (s *scan) introducedBefore(k int) bool {
	if k+1 >= len(s.toks) || s.toks[k].seg != s.toks[k-1].seg || s.toks[k+1].seg != s.toks[k].seg {
		return false
	}
	a, b := s.norm(k), s.norm(k+1)
	return a == "меня" && b == "зовут" || a == "зовут" && b == "меня"
}

// inaSurnameCase reports whether w reads as a woman's surname in «-ина»,
// «-ына» in its genitive, dative or instrumental («сорокиной», «ильиной»):
// «-иной», «-ыной» after a stem of three letters or more, not an
// adjective's «-нной» («старинной»), nor a noun's case («машиной»,
// «витриной»: their nominatives are surnameShapedNouns or caseNouns).
func inaSurnameCase(w string) bool {
	if len(w) < 14 || !hasAnySuffix(w, "иной", "ыной") || strings.HasSuffix(w, "нной") {
		return false
	}
	nom := w[:len(w)-len("ой")] + "а"
	return !surnameShapedNouns[nom] && !caseNouns[nom] && !caseNouns[w[:len(w)-len("ой")]+"у"]
}

// ikhSurname reports whether w reads as a surname in «-их», «-ых»
// («седых», «гладких», «белых», «долгих»): five letters or more, none of
// the pronouns and adjectives said in the plural before a first name
// might be.
func ikhSurname(w string) bool {
	if len(w) < 10 || !strings.HasSuffix(w, "их") && !strings.HasSuffix(w, "ых") {
		return false
	}
	switch w {
	case "других", "своих", "наших", "ваших", "каких", "таких", "многих", "некоторых", "разных", "остальных", "последних", "первых", "вторых", "третьих",
		"новых", "старых", "близких", "родных", "взрослых", "маленьких", "больших", "указанных", "следующих", "нужных", "обоих", "четверых", "пятерых":
		return false
	}
	return true
}

// workplaceWords: a place of work a caller names before their first name
// («это склад марат», «это цех андрей»), no surname.
var workplaceWords = newBeginningSet("склад", "цех", "охран", "смена", "пост", "участок", "логист", "доставк", "снабжен", "производств", "транспорт", "гараж", "автосервис",
	"шиномонтаж", "автомойк", "кафе", "ресторан", "пекарн", "ферм", "стройк", "объект", "бригад", "точка", "павильон", "киоск", "лавк", "мастерск")

// selfBefore reports whether «я», or «я ваш», «я ваша», is right before
// token j in its sentence: the speaker says what they are.
func (s *scan) selfBefore(j int) bool {
	seg := s.toks[j].seg
	k := j - 1
	if k >= 0 && s.toks[k].seg == seg && isWord(s.norm(k), "ваш", "ваша", "наш", "наша") {
		k--
	}
	return k >= 0 && s.toks[k].seg == seg && s.norm(k) == "я"
}

// namedBefore reports whether a first name is said before token i in its
// sentence with a word that is no name's between them («мирон проверим
// данные водителя [королёв денис]»): the name at i is another person's.
func (s *scan) namedBefore(i int) bool {
	between := false
	for j := i - 1; j >= 0 && s.toks[j].seg == s.toks[i].seg; j-- {
		if s.toks[j].has(tFirstName) && between {
			return true
		}
		between = between || !s.toks[j].has(tFirstName|tNameForm) && !patronymic(s.norm(j)) && !s.surnameAt(j)
	}
	return false
}

// statusWord reports whether w names a person's status or role, not
// their name («пенсионер», «ветеран», «инвалид», «студентка»).
func statusWord(w string) bool {
	return staffWord(w) || roleWords.of(w) || newStatusWords.of(w)
}

var newStatusWords = newBeginningSet("пенсионер", "ветеран", "инвалид", "студент", "школьни", "клиент", "абонент", "владел", "собственни", "заемщик", "заёмщик", "вкладчик", "участник", "житель",
	// Whose heir or ward the speaker is, before the other's name («я
	// вдова семёнова петра ильича», causes block ON).
	"вдов", "наследни", "опекун", "попечител")

// ukSurnameCase reports whether w is a surname in «-ук», «-юк» in an
// oblique case («гаврилюка», «ковальчуку», «полищуком»): six letters or
// more, no adjective or verb.
func ukSurnameCase(w string) bool {
	// (Its endings first: commonWord reads many more, and fullNamesMay
	// asks for every word no list knows.)
	if len(w) < 12 {
		return false
	}
	// (Its last letter first: а, у, м or е ends every one of them.)
	switch w[len(w)-2:] {
	case "а", "у", "м", "е":
	default:
		return false
	}
	for _, e := range [...]string{"ука", "юка", "уку", "юку", "уком", "юком", "уке", "юке"} {
		if strings.HasSuffix(w, e) {
			return !commonWord(w)
		}
	}
	return false
}

// staffNamed reports whether the name's cue at token i names a staff
// member: after «по» or «его», a staff word in the five words before it
// in its sentence, none
// of the speaker's («меня», «я») between («мастер по имени сергей», «ваш
// специалист его зовут артем»); not a colleague of the speaker's («мою
// коллегу зовут анна»).
func (s *scan) staffNamed(i int) bool {
	// Only a cue that describes a third person: «по фамилии», «по
	// имени», «его зовут» (not «фамилия ...»: «мне к терапевту фамилия
	// семенов» is the speaker's).
	if i == 0 || s.toks[i-1].seg != s.toks[i].seg || !isWord(s.norm(i-1), "по", "его", "ее", "её") {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-5 && s.toks[j].seg == s.toks[i].seg; j-- {
		w := s.norm(j)
		if isWord(w, "я", "меня", "мне", "мой", "моя", "мою", "моего", "моей", "моему") {
			return false
		}
		if staffWord(w) {
			return !(strings.HasPrefix(w, "коллег") && j > 0 && s.toks[j-1].seg == s.toks[j].seg && isWord(s.norm(j-1), "мою", "моя", "мой", "моего", "моей", "моему", "нашу", "наша"))
		}
	}
	return false
}

// streetNamed reports whether a name at token i names a street or a
// square («площадь александра пушкина», «улица юрия гагарина»).
func (s *scan) streetNamed(i int) bool {
	for j := i - 1; j >= 0 && j >= i-2 && s.toks[j].seg == s.toks[i].seg; j-- {
		// (Not a class's letter «г» after its number: «пятый г баринов
		// егор», causes block PD.)
		if s.toks[j].has(tStreet|tSettle) && !(s.norm(j) == "г" && j > 0 && s.toks[j-1].seg == s.toks[j].seg && s.toks[j-1].has(tNum)) {
			return true
		}
	}
	return false
}

// roleWords: a person's role, not their name («кому передать» —
// «бухгалтеру», «на кого» — «директора»).
var roleWords = newBeginningSet("бухгалтер", "директор", "начальник", "руководител", "кассир", "продав", "охранник", "оператор", "управляющ", "учител", "воспитател", "завхоз")

// staffWord: a role of someone who works for the company.
// (Not «агентство», «агентства»: a company's word that begins as
// «агент» does; «агентство легат сорокин вадим петрович» opens a
// collector's call, its name the client's.)
func staffWord(w string) bool {
	return (staffWords.of(w) || medicalStaff(w)) && !strings.HasPrefix(w, "агентств")
}

var staffWords = newBeginningSet("доктор", "врач", "курьер", "мастер", "специалист", "менеджер", "сотрудни", "терапевт", "кардиолог", "педиатр", "хирург", "стоматолог", "эксперт", "агент", "инспектор", "юрист", "нотариус",
	"коллег", "главврач", "администратор", "консультант", "заведующ", "секретар", // (not «начальник», «директор»: a client's own boss is a third person named)
	// The staff of a house's management, a hostel, a delivery
	// («комендант галина петровна подпишет», «слесаря игорь», causes
	// block OB); not a site's «прораб», «бригадир»: a client's own boss,
	// as «начальник» («жену бригадира нуриеву зульфию»).
	"комендант", "диспетчер", "слесар", "сантехник", "электрик", "вахтер", "вахтёр", "лифтер", "лифтёр", "дворник", "экспедитор", "почтальон", "монтажник", "установщик",
	// Officials by their rank or office («лейтенант кучеров», «судья
	// орлова», «следователь мамедов», causes block OY).
	"лейтенант", "капитан", "майор", "подполковник", "полковник", "сержант", "старшин", "прапорщик", "следовател", "дознавател", "участков", "пристав",
	"судья", "судьи", "судье", "судью",
	// A bankruptcy's financial administrator, a court's appointee
	// («управляющий маслов игорь петрович»), a school's head of studies.
	"управляющ", "завуч",
	// The company's management named as a body («мы сообщим руководству
	// марку олеговичу», ck-0197; «передам руководству управляющему
	// хасанову»); not «руководитель», who may be the client's own boss.
	"руководств")

// commonWord reports whether w reads as an adjective or a verb («всего
// хорошего», «помогите»): not a name no list knows.
func commonWord(w string) bool {
	if adjectival(w) || len(w) > 24 {
		return true
	}
	for _, e := range []string{"ть", "ла", "ли", "ло", "ет", "ит", "ут", "ют", "ат", "ят", "те", "ся", "сь", "его", "ого", "аю", "яю", "ую", "юю"} {
		if len(w) >= len(e) && w[len(w)-len(e):] == e {
			return true
		}
	}
	return false
}

// nameCloses reports whether a name's words end before token k: k closes
// the sentence, or is a number, a cue's word, «а» or «и» («... по
// медосмотру я ковтун александр 17 04 1988», «я гоголь марина паспорт
// ...», «я шевчун артём а вы кто»: after «я» in the middle of a sentence,
// a surname no ending tells and a first name, causes blocks RQ, RQ2; not
// a verb in the first person, «я перезвоню марина»).
func (s *scan) nameCloses(k int) bool {
	return k >= len(s.toks) || s.toks[k].seg != s.toks[k-1].seg || s.toks[k].has(tNum|tCue) || isWord(s.norm(k), "а", "и")
}

// segStart: token i opens its segment, after greetings and function words
// at most («алло это», «здравствуйте это»).
func (s *scan) segStart(i int) bool {
	for j, n := i-1, 0; j >= 0 && s.toks[j].seg == s.toks[i].seg; j, n = j-1, n+1 {
		if n >= 3 || !s.toks[j].has(tStop) {
			return false
		}
	}
	return true
}

func (s *scan) operatorNear(i int) bool {
	if s.toks[i].seg == 0 {
		return true // the call opens with the operator
	}
	for j := max(0, i-6); j < min(len(s.toks), i+6); j++ {
		if s.toks[j].has(tOperator) && s.toks[j].seg == s.toks[i].seg {
			return true
		}
	}
	return false
}

// nameAfter claims up to three name words from j; strong: the first word
// is a name whatever it looks like (it follows «зовут»).
func (s *scan) nameAfter(j int, strong bool, rule ruleID) {
	// «отчество по буквам е эн эс у ка о вэ эн а»: the name spelled
	// after the cue, not «буквам» (causes block OK).
	if k := j; k+1 < len(s.toks) && s.toks[k+1].seg == s.toks[k].seg && s.norm(k) == "по" && s.norm(k+1) == "буквам" {
		if e := s.spelledRun(k + 2); e-(k+2) >= 3 && s.toks[k+2].seg == s.toks[k].seg {
			s.claim(Name, rule, k+2, e)
		}
		return
	}
	// «меня зовут», «фамилия у меня», «моя фамилия —»; not a surname
	// that is a function word before a first name («ли виктор»).
	for n := 0; j < len(s.toks) && n < 2 && s.toks[j].has(tStop|tNameCue) && !s.toks[j].has(tFirstName) && !s.shortSurname(j) && s.koreanName(j) == j; n++ {
		j++
	}
	if j >= len(s.toks) {
		return
	}
	if s.shortSurname(j) {
		s.claim(Name, rule, j, j+2)
		return
	}
	if end := s.koreanName(j); end > j {
		s.claim(Name, rule, j, end) // «меня зовут ли ен су» (causes block ND)
		return
	}
	// A title before the name: its rule reads the name after it
	// (fullNames: «на имя гражданки эрдэнэ сарана»).
	if title(s.norm(j)) {
		return
	}
	// After the cue, words of a relative, of time or of a document before
	// the surname («фамилия моя по мужу сидоренко», «фамилия теперь
	// другая гаврилюк», «фамилия по паспорту иванов», «а фамилия как у
	// меня бондаренко»): a word that is no name's, and a surname's shape
	// or a first name within the next three words of the sentence, is
	// where the name is («зовите меня просто леша»; a word of two
	// letters is none: «обращайтесь ко мне валентина»).
	if strong && !s.toks[j].has(tFirstName|tNameForm) && !s.surnameAt(j) && (s.toks[j].trig != 0 || commonWord(s.norm(j)) || len(s.norm(j)) <= 4 && !s.particleAt(j) || cueFiller(s.norm(j)) || pronoun(s.norm(j)) || personalPronoun(s.norm(j))) {
		for k := j + 1; k < len(s.toks) && k <= j+3 && s.toks[k].seg == s.toks[j].seg && !s.toks[k].has(tNum|tCue|tTrap); k++ {
			if s.marks[k] == 0 && (s.surnameAt(k) || s.toks[k].has(tFirstName) && !s.toks[k].has(tStop)) {
				j = k
				break
			}
		}
	}
	// (Not an adverb, a word of speaking or a pronoun after the cue with
	// no name after it: «меня зовут не важно», «фамилия теперь другая»,
	// «фамилия сейчас скажу», causes block PO; «фамилия у нас одна»,
	// block PR.)
	if (cueFiller(s.norm(j)) || pronoun(s.norm(j)) || personalPronoun(s.norm(j))) && !s.toks[j].has(tFirstName|tNameForm) {
		return
	}
	first := &s.toks[j]
	// (Nor a relative's word with no name after it: kinName reads
	// after it, «на имя дочери оформлена», «это внук её звонит костя»,
	// causes block PN.)
	if first.has(tNum|tCue|tTrap|tOperator|tUnit|tHouse|tStreet) && !s.cueFirstName(j) || !isLetters(s.normOf(first)) || first.has(tKin) && !first.has(tFirstName) {
		return
	}
	// «нет семенов а имя правильно»: the name's cue, then a word of
	// confirming, names nobody (causes block NA).
	if !first.has(tFirstName|tNameForm) && confirmWord(s.normOf(first)) {
		return
	}
	if !strong && !looksLikeNamePart(s.lang, s.normOf(first), first.trig) {
		return
	}
	if strong && first.has(tStop) && !first.has(tFirstName) {
		return
	}
	// A place, not a person: «это диспетчерская», «это регистратура»
	// (an adjective's ending reads as a surname's).
	if !first.has(tFirstName) && institutionWord(s.normOf(first)) {
		return
	}
	// A region's, a district's or a street's adjective before its word
	// («это калужская область», «это пермский край», «я ленинский
	// проспект»): a place, which reads as a surname by its ending.
	// (A surname in «-ова», «-ина» before «улица» opens an answer for the
	// name and the address: «фамилия и адрес» — «салтыкова улица
	// кирпичная ...», causes block OT; a street's name before its word is
	// an adjective.)
	if !first.has(tFirstName) && j+1 < len(s.toks) && s.toks[j+1].seg == first.seg && (s.toks[j+1].has(tSettle) || s.toks[j+1].has(tStreet) && adjectival(s.normOf(first))) {
		return
	}
	end := j + 1
	for end < len(s.toks) && (end < j+3 || end < j+3+s.particlesIn(j, end)) && s.toks[end].seg == first.seg && (looksLikeNamePart(s.lang, s.norm(end), s.toks[end].trig) ||
		s.toks[end].nl <= 8 && s.particleAt(end) || s.toks[end-1].nl <= 8 && s.particleAt(end-1) && isLetters(s.norm(end)) && !s.toks[end].has(tStop|tNum|tCue|tTrap) || // «де ла торре карлос» (particles are short: most words are not looked up)
		koreanShortSurname(s.norm(end)) || // «виктор пак»
		latinWord(s.normOf(first)) && latinWord(s.norm(end)) || // «smirnova anna», as in a passport
		end > j && s.surnameAt(end) || // «лену кузьмину»
		s.hyphenJoined(end-1) && isLetters(s.norm(end)) || // «бойко-шторм», a double surname
		s.toks[end].trig == 0 && !adjectival(s.norm(end)) && isLetters(s.norm(end)) && end+1 < len(s.toks) && s.toks[end+1].seg == first.seg && patronymic(s.norm(end+1)) || // «хачатрян анаит суреновна»
		s.toks[end].trig&^tNameForm == 0 && (firstNameForm(s.norm(end)) || patronymic(s.norm(end)))) { // «на имя макаровой елены»
		end++
	}
	// A surname no list or ending knows closing the sentence after two
	// first names («меня зовут хуан карлос родригес», «жан-поль
	// бельмондо», causes block NN): not a word of a status or a role
	// («иван петрович пенсионер»).
	if end-j == 2 && (strong || s.toks[j].has(tFirstName)) && s.toks[j+1].has(tFirstName) && end < len(s.toks) && s.toks[end].seg == first.seg && s.marks[end] == 0 &&
		s.toks[end].trig == 0 && len(s.norm(end)) >= 8 && isLetters(s.norm(end)) && !commonWord(s.norm(end)) && !statusWord(s.norm(end)) && !bigCities[s.norm(end)] &&
		(end+1 == len(s.toks) || s.toks[end+1].seg != first.seg) {
		end++
	}
	// A first name no list knows closing the answer after the surname
	// («сейтказиева айгерим»), or before a number, a date, a cue or a
	// trap word («эрдынеев баир права покажу»).
	if end == j+1 && end < len(s.toks) && s.toks[end].seg == first.seg && s.surnameAt(j) && s.toks[end].trig == 0 && unknownFirstName(s.norm(end)) && s.nameEnds(end+1, first.seg) {
		end++
	}
	// The surname's initial closing the sentence after a first name and
	// patronymic («а имя андрей николаевич у», as a bank's app shows a
	// payee; causes block LY).
	if end-j == 2 && patronymic(s.norm(end-1)) && end < len(s.toks) && s.toks[end].seg == first.seg && s.marks[end] == 0 && s.letter(end) &&
		(end+1 == len(s.toks) || s.toks[end+1].seg != first.seg) {
		end++
	}
	// The name spelled after it: «бондаренко б о н д а р е н к о».
	k := end
	for k < len(s.toks) && s.toks[k].seg == first.seg && s.letter(k) {
		k++
	}
	if k-end >= 3 {
		end = k
	}
	s.claim(Name, rule, j, end)
	// The name corrected right after it («кожевникова-лау ой то есть лау
	// мэй линь по паспорту»): correction words, then words that may be a
	// name no list knows, closing the sentence or before a cue.
	c := end
	for c < len(s.toks) && c < end+3 && s.toks[c].seg == first.seg && s.toks[c].has(tConn) && !s.toks[c].has(tFirstName) {
		c++
	}
	// A first name a list knows, the one corrected to its full form
	// («сашенька ой александра», «миша то есть михаил»), with its
	// patronymic or surname after it.
	if c > end && c < len(s.toks) && s.toks[c].seg == first.seg && s.marks[c] == 0 && s.toks[c].has(tFirstName) && !s.toks[c].has(tStop|tCue|tTrap) {
		e := c + 1
		for e < len(s.toks) && e < c+3 && s.toks[e].seg == first.seg && s.marks[e] == 0 && (patronymic(s.norm(e)) || s.surnameAt(e)) {
			e++
		}
		s.claim(Name, rule, c, e)
		return
	}
	if c > end && c < len(s.toks) && s.toks[c].seg == first.seg && s.marks[c] == 0 {
		if e, closed := s.unknownNameRun(c); closed || e > c && e+1 < len(s.toks) && s.toks[e].seg == first.seg && s.norm(e) == "по" && s.toks[e+1].seg == first.seg && s.toks[e+1].has(tCue) {
			if s.nameLikeIn(c, e) || s.maskedNameWord(c, e) || e-c >= 2 {
				s.claim(Name, rule, c, e)
			}
		}
	}
}

// maskedNameWord reports whether a word of tokens from..to is a word of
// a name already masked in the scan («лау» said again).
func (s *scan) maskedNameWord(from, to int) bool {
	for i := from; i < to; i++ {
		w := s.norm(i)
		for _, f := range s.found {
			if typeAt[f.typ] != Name {
				continue
			}
			for j := f.from; j < f.to; j++ {
				if s.norm(j) == w {
					return true
				}
			}
		}
	}
	return false
}

// year: four digits from 1900 to 2099.
func year(w string) bool {
	return len(w) == 4 && allDigits(w) && (w[:2] == "19" || w[:2] == "20")
}

// digitOrdinal reports whether token j is a day's ordinal said in digits
// («3rd», «21st»: English only, the lexicon's enNumbers).
func (s *scan) digitOrdinal(j int) bool {
	return s.toks[j].num() == nkOrdinal && s.norm(j)[0]-'0' <= 9
}

// enHouseStart returns where an English house number starting at k (its
// run of numbers going on before k in the sentence) begins: the whole run
// when it is a house said digit by digit («4 4 2 peach tree lane», five
// digits at most), else its last number alone, the run before it another
// number said first («0 7 4 5 5 1 2 8 8 3 1 12 bridge street»: a phone,
// then the house).
func (s *scan) enHouseStart(k int) int {
	from := k
	for from > 0 && s.toks[from-1].seg == s.toks[k].seg && s.toks[from-1].has(tNum) && hasDigit(s.norm(from-1)) && !s.digitOrdinal(from-1) {
		from--
	}
	last := k
	for last+1 < len(s.toks) && s.toks[last+1].seg == s.toks[k].seg && s.toks[last+1].has(tNum) && hasDigit(s.norm(last+1)) && !s.digitOrdinal(last+1) {
		last++
	}
	if from == k {
		return k
	}
	digits := 0
	for i := from; i <= last; i++ {
		digits += len(s.norm(i))
	}
	if digits <= 5 {
		return from
	}
	return last
}

// enStreetOrdinal reports whether token k is an ordinal said in words
// («fourth», «twenty» before «third»): in English a street's name
// («on fifth avenue»), no house's number.
func (s *scan) enStreetOrdinal(k int) bool {
	switch s.toks[k].num() {
	case nkOrdinal, nkOrdTens:
		return true
	case nkTens:
		return k+1 < len(s.toks) && s.toks[k+1].seg == s.toks[k].seg && s.toks[k+1].num() == nkOrdinal
	}
	return false
}

// enZeroAlone reports whether token k is a zero said alone («oh», «o»,
// «zero», «0» with no number beside it): no house is numbered so.
func (s *scan) enZeroAlone(k int) bool {
	if !isWord(s.norm(k), "oh", "o", "zero", "0") {
		return false
	}
	seg := s.toks[k].seg
	return !(k > 0 && s.toks[k-1].seg == seg && s.toks[k-1].has(tNum)) && !(k+1 < len(s.toks) && s.toks[k+1].seg == seg && s.toks[k+1].has(tNum))
}
