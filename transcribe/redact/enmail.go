package redact

import "strings"

// English e-mails said aloud («john dot smith at gmail dot com», «j smith
// at company dot co dot uk», «john underscore smith at outlook dot com»,
// «j o h n at ...»). In English every word is in Latin letters and «at» is
// one of the commonest words («monday at 9 30», «at the store», «look at
// it»), so neither says an e-mail is being given, as a Latin word or
// «собака» do in Russian (lane i13en21: on the English dictionary corpus
// the Russian reading masked 5,702 ordinary words as e-mails). In an
// English scan «at» is an e-mail's only with a mailbox's local part right
// before it (words no function word, letters, digits, joined by «dot»,
// «underscore», «dash») and a domain right after it (enDomainEnd); a word
// in Latin letters is no mailbox's part by itself; and an e-mail is named
// by «email», «e-mail» or «e mail», not by «address» or «mail» alone
// («delivery address», «in the mail»).

// enMailCue reports whether token i names an e-mail in an English scan.
func (s *scan) enMailCue(i int) bool {
	seg := s.toks[i].seg
	switch s.norm(i) {
	case "email", "e-mail", "emails", "emailed":
		return true
	case "e":
		return i+1 < len(s.toks) && s.toks[i+1].seg == seg && s.norm(i+1) == "mail"
	case "mail":
		return i > 0 && s.toks[i-1].seg == seg && s.norm(i-1) == "e"
	}
	return false
}

// mailCue reports whether token i is an e-mail's cue: any tEmailCue word,
// in English only enMailCue's.
func (s *scan) mailCue(i int) bool {
	return s.toks[i].has(tEmailCue) && (s.lang != "en" || s.enMailCue(i))
}

// enProvider: a mail service said as an English domain's first word.
func enProvider(w string) bool {
	return mailProviders.of(w) && w != "listen" || isWord(w, "yahoo", "aol", "protonmail", "proton", "ymail", "googlemail", "btinternet", "comcast", "msn",
		"sbcglobal", "verizon", "hotmail", "live", "gmx")
}

// enTLD: a top-level domain said after «dot» (not «gov»: a government
// body's address, «reportfraud dot ftc dot gov», is no person's).
func enTLD(w string) bool {
	return isWord(w, "com", "net", "org", "uk", "us", "io", "edu", "info", "biz", "co", "ca", "au", "ie", "nz", "za", "de", "fr", "ru", "me")
}

// enDomainEnd returns where an English e-mail's domain said from token j
// ends, or j when none starts there: a mail service, with «dot com» or
// its top-level domain after it or not («gmail», «yahoo dot co dot uk»,
// «gmail com»); or words (one to three a part) joined by «dot», a
// top-level domain after the last «dot» («rise bakery dot com», «company
// dot co dot uk»). «at 9 30», «at the store», «at gov uk» are none.
func (s *scan) enDomainEnd(j int) int {
	if j <= 0 || j >= len(s.toks) {
		return j
	}
	seg := s.toks[j-1].seg
	in := func(k int) bool { return k < len(s.toks) && s.toks[k].seg == seg && s.marks[k] == 0 }
	if !in(j) {
		return j
	}
	if enProvider(s.norm(j)) && !s.toks[j].has(tNum) {
		e := j + 1
		for in(e+1) && s.toks[e].has(tDot) && enTLD(s.norm(e+1)) {
			e += 2
		}
		if e == j+1 && in(e) && enTLD(s.norm(e)) {
			e++
		}
		return e
	}
	// (A website, «w w w dot company dot com», «www dot ...», is no
	// mailbox's domain: a company's, kept.)
	if s.norm(j) == "www" || s.norm(j) == "w" && in(j+2) && s.norm(j+1) == "w" && s.norm(j+2) == "w" {
		return j
	}
	end, words := j, 0
	for k := j; in(k) && k < j+12; k++ {
		if s.toks[k].has(tDot) {
			if words == 0 || !in(k+1) {
				break
			}
			if enTLD(s.norm(k + 1)) {
				end = k + 2
			}
			words = 0
			continue
		}
		if words == 3 || !enDomainWord(s.norm(k)) {
			break
		}
		words++
	}
	return end
}

// enDomainWord: a word a domain is said with: letters and digits, no
// function word.
func enDomainWord(w string) bool {
	if w == "" || enFunctionWord(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// enMailboxWord reports whether token i, in an English scan, can be a
// word of a mailbox's local part said aloud: a number, a first name, or a
// word of letters and digits that is no function word, cue or unit.
func (s *scan) enMailboxWord(i int) bool {
	t := &s.toks[i]
	if t.has(tNum | tFirstName) {
		return true
	}
	w := s.normOf(t)
	return len(w) >= 2 && enDomainWord(w) && !t.has(tStop|tCue|tTrap|tUnit|tConn|tNameCue|tOperator|tEmailCue|tAt|tDot|tTLD|tMonth)
}

// enJoiner: a word that joins a mailbox's parts said aloud («dash»,
// «hyphen», «underscore», «period»; «dot» is tDot).
func enJoiner(w string) bool {
	return isWord(w, "underscore", "dash", "hyphen", "period")
}

// enRoleMailbox: an English mailbox named for a job, not a person
// («escalations at vantagewireless dot com», «damages at shamrock rentals
// dot ie»): a company's, kept as roleMailbox's are.
func enRoleMailbox(w string) bool {
	return isWord(w, "escalations", "damages", "relations", "complaints", "enquiries", "inquiries", "returns", "refunds", "bookings", "accounts",
		"customerservice", "customercare", "care", "team", "appeals", "disputes", "payments", "membership", "members", "admissions", "records",
		"privacy", "legal", "compliance", "marketing", "events", "reservations", "tickets", "orders", "helpdesk", "servicedesk", "enquiry", "mail",
		"noreply", "donotreply", "webmaster", "accessibility", "benefits", "payroll", "recruitment", "claim", "subscriptions", "reports", "report")
}

// enFunctionWords are English words no mailbox's local part or domain
// is said with: articles, pronouns, prepositions, auxiliaries,
// conjunctions, the words of talk around a value («online», «website»),
// and the commonest verbs before «at» («look at», «arrive at»).
var enFunctionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"a", "an", "the", "this", "that", "these", "those", "there", "here", "some", "any", "all", "every", "each", "no", "not", "one",
		"i", "i'm", "i'll", "i've", "i'd", "me", "my", "mine", "you", "you're", "you'll", "your", "yours", "we", "we're", "we'll", "our", "us",
		"he", "he's", "him", "his", "she", "she's", "her", "they", "they're", "them", "their", "it", "it's", "its", "that's", "what's", "who", "what",
		"which", "where", "when", "how", "why", "there's", "let's",
		"at", "to", "of", "for", "in", "on", "by", "with", "from", "into", "onto", "over", "under", "about", "around", "after", "before", "via",
		"up", "down", "out", "off", "through", "until", "till", "than", "then", "as", "like", "near", "behind", "between",
		"and", "or", "but", "if", "so", "because", "also", "too", "just", "only", "still", "now", "again", "already", "even", "please",
		"is", "am", "are", "was", "were", "be", "been", "being", "do", "does", "did", "done", "have", "has", "had", "will", "would", "can", "could",
		"should", "shall", "may", "might", "must", "don't", "didn't", "doesn't", "can't", "won't", "isn't", "wasn't", "aren't", "haven't",
		"yes", "yeah", "yep", "no", "nope", "ok", "okay", "right", "sure", "well", "oh", "um", "uh", "hmm", "hi", "hello", "thanks", "thank",
		"email", "e-mail", "mail", "address", "website", "site", "online", "web", "page", "link", "portal", "app", "account", "login", "username",
		"look", "looking", "looked", "arrive", "arrived", "arriving", "stay", "stayed", "staying", "meet", "work", "works", "worked", "working",
		"live", "lives", "lived", "living", "go", "going", "went", "get", "got", "see", "saw", "seen", "send", "sent", "sending", "reach",
		"contact", "write", "call", "called", "calling", "ring", "rang", "find", "found", "check", "checked", "buy", "bought", "order", "ordered",
		"paid", "pay", "sign", "signed", "log", "logged", "register", "registered", "apply", "file", "filed", "report", "type", "put", "leave",
		"left", "pick", "picked", "drop", "dropped", "stuck", "waiting", "wait", "home", "work", "office", "store", "shop", "least", "most",
		"first", "last", "once", "night", "noon", "midnight", "time", "moment", "point", "same", "new", "old", "directly", "straight",
		// (As a recognizer writes them with no apostrophe.)
		"thats", "whats", "theres", "im", "ive", "youre", "dont", "didnt", "doesnt", "cant", "wont", "isnt", "wasnt", "arent", "havent",
		"we've", "weve", "they've", "theyve", "you've", "youve", "we'd", "they'd", "you'd", "he'd", "she'd", "hes", "shes", "theyre", "couldn't",
		"wouldn't", "shouldn't", "hasn't", "hadn't", "weren't", "we're", "they'll", "she'll", "he'll", "it'll",
	} {
		m[w] = true
	}
	return m
}()

func enFunctionWord(w string) bool { return enFunctionWords[w] }

// enNameSpan returns the name in a span [from, to) claimed as one
// answering a question for it in an English scan: the words saying it
// is one left out before it («it's under o'connor», «sure it's janet»),
// and the span ended before its next function word («dale fischer
// you»); none when a function word comes first («how long does it take»,
// «we're paying you 800 ...», «are you kidding me», «yes that's right»
// after «what's your last name» are no name). A single letter among
// single letters is a name spelled («b r e n n a n»), not the article.
func (s *scan) enNameSpan(from, to int) (int, int) {
	from = s.enGreetedSkip(from, to)
	skipped := 0
	for from < to && enNameIntro(s.norm(from)) {
		from++
		skipped++
	}
	single := func(k int) bool { return k >= from && k < to && len(s.norm(k)) == 1 }
	for k := from; k < to; k++ {
		if (enFunctionWord(s.norm(k)) || enNoNameWord(s.norm(k)) || s.toks[k].has(tNum)) && !(single(k) && (single(k-1) || single(k+1))) {
			return from, k
		}
	}
	// The words the rule counted as the name's that said it is one
	// («sure it's priya raman»: «raman» too), as many after it.
	for ; skipped > 0 && from < to && to < len(s.toks) && s.toks[to].seg == s.toks[from].seg && s.marks[to] == 0 && enDomainWord(s.norm(to)) && !s.toks[to].has(tNum|tCue|tTrap|tUnit|tMonth); skipped-- {
		to++
	}
	return from, to
}

// enNameIntro: a word said before a name given as an answer («yes it's
// ...», «sure», «under ...», «that's ...»).
func enNameIntro(w string) bool {
	return isWord(w, "yes", "yeah", "yep", "sure", "ok", "okay", "oh", "um", "uh", "er", "so", "well", "it's", "its", "it", "is", "under", "name's",
		"my", "name", "that's", "thats", "i'm", "im", "this")
}

// enNoNameWord: a word said in a reply that no name is, a day's name or
// a word of thanks, of judgment or of feeling («thursday please», «great
// just great», «cool thanks», «lovely i will», «i'm disgusted with ...»
// after a question for a name: name/answer took them; review rv27). A
// number ends a name as well («oliver grant twelfth of march ...», «sure
// uh fifty nine ...»); a month's word does not here: a date of birth said
// after the name as «march 3rd 1987» has its month masked only so.
func enNoNameWord(w string) bool {
	return isWord(w, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow", "yesterday",
		"please", "thanks", "thank", "cheers", "great", "cool", "lovely", "fine", "perfect", "brilliant", "awesome", "sorry", "honestly",
		"unbelievable", "disgusted", "ridiculous", "pending", "people")
}

// enNoPersonAsked reports whether the English name word or «who» at
// token i asks for no person's name. «who» asks only opening its
// sentence («and who am i speaking with», «sorry who is calling») or
// before «am i», «is this», «is calling» («... this is destiny who am i
// speaking with»), not as a relative pronoun inside one
// («i don't really know who handles that», «an adjuster who hasn't
// called»). «name» asks for a thing's when a thing's or a staff
// member's word is said with it: «the company name», «your store's
// name», «the tech's name», «the name of the pet», «the name on the
// charge» (not «the name on the card», «the passenger name»).
func (s *scan) enNoPersonAsked(i int) bool {
	seg := s.toks[i].seg
	w := s.norm(i)
	if w == "who" {
		// («... my name is destiny who am i speaking with»: a question
		// after the operator's own sentence, run into it.)
		if i+2 < len(s.toks) && s.toks[i+2].seg == seg && (s.norm(i+1) == "am" || isWord(s.norm(i+1), "is", "do") && isWord(s.norm(i+2), "this", "calling", "speaking", "i")) {
			return false
		}
		from := s.segFrom(i)
		for k := from; k < i; k++ {
			if !enNameIntro(s.norm(k)) && !isWord(s.norm(k), "and", "sorry", "hi", "hello", "may", "can", "i", "ask", "please", "uh", "um") {
				return true
			}
		}
		return false
	}
	if i > 0 && s.toks[i-1].seg == seg && enThingWord(strings.TrimSuffix(strings.TrimSuffix(s.norm(i-1), "'s"), "s'")) {
		return true
	}
	// «name of the pet», «name on the charge»: the noun two or three
	// words on.
	if i+1 < len(s.toks) && s.toks[i+1].seg == seg && isWord(s.norm(i+1), "of", "on", "for") {
		for k := i + 2; k < len(s.toks) && k <= i+4 && s.toks[k].seg == seg; k++ {
			if isWord(s.norm(k), "the", "a", "an", "your", "this", "that", "their", "its") {
				continue
			}
			return enThingWord(s.norm(k))
		}
	}
	return false
}

// enThingWord: an English noun of a thing or a company, or of a member
// of a company's staff, whose name is no client's: what «name» is said
// of when it asks for no person's.
func enThingWord(w string) bool {
	return isWord(w, "company", "business", "firm", "store", "shop", "restaurant", "hotel", "bank", "school", "practice", "clinic", "pharmacy",
		"street", "road", "town", "city", "village", "building", "estate", "site", "website", "domain", "server", "network", "wifi", "file", "folder",
		"workspace", "team", "project", "product", "item", "brand", "model", "plan", "package", "service", "app", "device", "charge", "merchant",
		"pet", "dog", "cat", "horse", "organisation", "organization", "employer", "charity", "venue", "event", "course", "policy",
		"tech", "technician", "engineer", "driver", "courier", "agent", "rep", "representative", "manager", "supervisor", "adjuster", "doctor", "nurse", "dentist")
}

// enNameEnd returns where a name in [from, to) after the words
// introducing it ends in an English scan: before its first function
// word, the first word kept whatever it is.
func (s *scan) enNameEnd(from, to int) int {
	for k := from + 1; k < to; k++ {
		if enFunctionWord(s.norm(k)) {
			return k
		}
	}
	return to
}

// enGreetedSkip returns where an English answer's name may start once a
// greeting and the name of whom it greets are left out: «yes good
// morning brian my name is harold ...» — «brian» is the operator
// greeted, «harold» the name given. Only when more words follow the
// greeted name in the span, or words saying a name is given right after
// it; else from.
func (s *scan) enGreetedSkip(from, to int) int {
	greeting := func(w string) bool {
		return isWord(w, "good", "hi", "hello", "hey", "morning", "afternoon", "evening")
	}
	g := from
	for g < to && enNameIntro(s.norm(g)) {
		g++
	}
	// (The greeting inside the span or right before it: «yes hello
	// nadia my name is ...» with the span from «nadia».)
	before := g == from && from > 0 && s.toks[from-1].seg == s.toks[from].seg && greeting(s.norm(from-1))
	if g == to || !greeting(s.norm(g)) && !before {
		return from
	}
	for g < to && greeting(s.norm(g)) {
		g++
	}
	n := g
	for n < to && !enFunctionWord(s.norm(n)) && !s.toks[n].has(tNum) {
		n++
	}
	if n == g {
		return from
	}
	// (The name given after it in the sentence, claimed by its own
	// rule: «... good morning brian» ended before «my name is harold».)
	if n == to && !(to < len(s.toks) && s.toks[to].seg == s.toks[to-1].seg && enNameIntro(s.norm(to))) {
		return from
	}
	return n
}

// enAnsweredBefore reports whether a name answering a question for it,
// [from, to), comes after this side already gave a name so in an
// earlier sentence, in the 15 s before, and is not its whole sentence
// nor spelled: the question was answered, and the words of a sentence
// said after it are no name («john» — ... — «no complaints at all»,
// «maria fernanda quispe» — «yes miami to lima on the 9th»). A name
// said alone after it goes on with the one given («john» — «smith»).
func (s *scan) enAnsweredBefore(from, to int) bool {
	seg := s.toks[from].seg
	if len(s.norm(from)) == 1 {
		return false
	}
	whole := (from == 0 || s.toks[from-1].seg != seg) && (to == len(s.toks) || s.toks[to].seg != seg)
	if whole {
		return false
	}
	at := s.t0(&s.toks[from])
	for k := range s.found {
		f := &s.found[k]
		if f.rule != ruleNameAnswer || s.toks[f.from].seg == seg || f.from > from {
			continue
		}
		if t := s.t0(&s.toks[f.from]); at-t <= 15 {
			return true
		}
	}
	return false
}
