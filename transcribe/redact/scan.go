package redact

import (
	"slices"
	"strings"
	"unsafe"

	"github.com/callscope/callscope/analyze/text"
	"github.com/callscope/callscope/schemas"
)

// token is one word of a channel, in order across its segments: 32
// bytes. It holds no pointer (its normal form is in the scan's norms, its
// lexicon entry an index, its times are read from its segment when a rule
// asks: scan.t0, scan.t1), so that the scan's tokens cost the garbage
// collector nothing and copying them needs no write barrier.
type token struct {
	seg  int32 // segment index
	word int32 // index in the segment's Words, or -1 for a text token
	// off and end are byte offsets in the segment's text (text tokens) or
	// in the word (word tokens).
	off, end int32
	// no, nl: the normal form is s.norms[no : no+nl] (scan.norm).
	no, nl uint32
	// The word's lexicon entry, lexEntries[ent] (0: none), with its roles
	// and number kind at hand.
	trig trig
	ent  uint16
	kind nk
	// sym: a currency or percent sign written right after the token.
	sym bool
}

func (t *token) has(x trig) bool { return t.trig&x != 0 }

func (t *token) num() nk { return t.kind }

// cue is the type of the token's cue word (its lexicon entry's cue), or
// "".
func (t *token) cue() Type {
	if c := lexCues[t.ent]; c != 0 {
		return typeAt[c-1]
	}
	return ""
}

// t0 is when token t starts: its word's time, or, for a text token, its
// segment's time divided among the text's bytes.
func (s *scan) t0(t *token) float64 {
	seg := &s.src[t.seg]
	if t.word >= 0 {
		return seg.Words[t.word].Start
	}
	d := seg.End - seg.Start
	return seg.Start + d*float64(t.off)/float64(len(seg.Text))
}

// t1 is when token t ends (as t0).
func (s *scan) t1(t *token) float64 {
	seg := &s.src[t.seg]
	if t.word >= 0 {
		return seg.Words[t.word].End
	}
	d := seg.End - seg.Start
	return seg.Start + d*float64(t.end)/float64(len(seg.Text))
}

// norm is token i's normal form.
func (s *scan) norm(i int) string { return s.normOf(&s.toks[i]) }

// normOf is a token's normal form (valid while the scan is). Every
// token's normal form is in s.norms, a word already in normal form
// copied there as it is (tokenizeWords), so this is one load and no branch:
// with the form read from the segment's text or word when it needed no
// folding, the branch between the two paths (about one word in seven is
// folded: a capital) was 200 of a PII call's 3,300 mispredicted
// branches in callgrind's model, and the three paths, inlined, were
// copied into 308 call sites.
func (s *scan) normOf(t *token) string {
	return unsafe.String((*byte)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(s.norms)), t.no)), int(t.nl))
}

// segRange is a loaded segment's tokens.
type segRange struct{ k, from, to int }

// found is a stretch of tokens a rule claims. It holds no pointer (its
// type is an index, its rule a ruleID): claiming costs no write barrier
// while the collector runs.
type found struct {
	from, to int
	typ      uint8  // typeIndex
	rule     ruleID // ruleDropped once resolve has dropped the claim
}

// ruleID is a rule's name as an index into ruleText.
type ruleID uint8

// The rules' names («phone/cue»): those of the number rules by type and
// evidence (ruleName), and the others'.
const (
	ruleDropped ruleID = iota // a claim of a type the Redactor does not mask
	ruleCardLuhn
	ruleCardEnding
	ruleNumberLength
	ruleEmailSpelled
	ruleEmailWritten
	ruleBirthCue
	ruleBirthAnswer
	ruleAddressStreet
	ruleAddressCue
	ruleAddressFlat
	ruleNameCue
	ruleNameIntro
	ruleNameAnswer
	ruleFailClosed
	ruleEmailLetters
	ruleEmailLatin
	ruleEmailJoined
	ruleAddressSettlement
	ruleNameFull
	ruleBirthContext
	ruleBirthName
	// ruleByType + ruleKinds*typeIndex + evidence (ruleCue, ruleAnswer,
	// ...: ruleName): «phone/cue», «phone/answer», «phone/format»,
	// «phone/echo», «phone/continued», «phone/restarted».
	ruleByType
)

// ruleText is the name of each ruleID, made once.
var ruleText = func() []string {
	t := []string{"", "card/luhn", "card/ending", "number/length", "email/spelled", "email/written",
		"birthdate/cue", "birthdate/answer", "address/street", "address/cue", "address/flat",
		"name/cue", "name/intro", "name/answer", "fail-closed",
		"email/letters", "email/latin", "email/joined", "address/settlement", "name/full",
		"birthdate/context", "birthdate/name"}
	if len(t) != int(ruleByType) {
		panic("redact: ruleText does not match the ruleIDs")
	}
	for _, typ := range typeAt {
		t = append(t, string(typ)+"/cue", string(typ)+"/answer", string(typ)+"/format", string(typ)+"/echo", string(typ)+"/continued", string(typ)+"/restarted")
	}
	if len(t) > 256 {
		panic("redact: more rules than a ruleID holds")
	}
	return t
}()

// cueEvent is a cue said on a channel, for the other channels' answers:
// the operator asks «назовите код из смс», the client says the digits.
// otherCueWindow is how long, in seconds, a cue or a question of the
// other side governs what this side says after it.
const otherCueWindow = 10

// justBefore reports whether the cue was said in the otherCueWindow
// before at, or up to half a second after it (turns overlap).
func (e *cueEvent) justBefore(at float64) bool {
	return e.at <= at+0.5 && at-e.at <= otherCueWindow
}

// otherCueNear reports whether the other side said a cue that ok accepts
// just before at.
func (s *scan) otherCueNear(at float64, ok func(e *cueEvent) bool) bool {
	for k := range s.others {
		if e := &s.others[k]; e.justBefore(at) && ok(e) {
			return true
		}
	}
	return false
}

type cueEvent struct {
	at  float64
	seg int32 // the segment it was said in (of its channel)
	// cue is 1 + the typeIndex of the cue's type (cueType), 0 for a trap
	// cue and a question: an index, not the Type, so that cue events
	// hold no pointer (appending and copying them costs no write
	// barrier while the collector runs).
	cue  uint8
	trap bool
	name bool // a question for the name
	dob  bool // a question for the date of birth
	mail bool // a question for the e-mail address
	own  bool // said on the same (mixed) channel
	// named: a trap word that names the number asked for («номер
	// заявки»), not one that says what it is for («инн для договора»).
	named bool
	// part: a cue for part of a number («последние цифры», «начинается
	// на»).
	part bool
	// coded: a trap word after «код», a code that is no verification
	// code («код ошибки», «код подразделения»).
	coded bool
	// kin: a question for a relative's or a child's name or date of
	// birth («имя ребенка»).
	kin bool
	// nameCue: the question for the name says «фамилия», «имя», «фио»,
	// «зовут» (not «кому», «на кого», «получатель»: those are answered
	// by a role or a word as often).
	nameCue bool
	// surname: the question for the name says «фамилия» (an adjective's
	// shape answering it is a surname: «толстая», causes block PZ).
	surname bool
	// addr: a question for an address («адрес регистрации»).
	addr bool
	// trip: a question where from or where to a trip goes («куда едем»,
	// «откуда вас забрать»: tripQuestion), its answer read by
	// tripAddresses alone.
	trip bool
	// field: a question for one field of an address, its word alone:
	// 1 a street («улица»), 2 a house's or a flat's number («номер
	// дома», «квартира»); 0 none (fieldAnswers).
	field uint8
	// expiry: a question for a card's expiry («срок действия»).
	expiry bool
	// codeWord: a question for a code word («назовите кодовое слово»,
	// nothing said after it): its answer is a word (codeWords).
	codeWord bool
	// barcode: a product's barcode named («баркод»).
	barcode bool
	// place: a question for a company's place, a place's word in the
	// address cue's sentence and no number («а адрес клиники»).
	place bool
	// dictated: a number follows the cue in its sentence: the speaker
	// gave the number with its cue («карта 5469 ...», «три цифры 480»),
	// asked nothing.
	dictated bool
	// thing: an English question for a thing's name («what's the name
	// of your dog», «the company name»): a question after one for the
	// person's name, its answer no person's (askedSinceName; review
	// rv22c).
	thing bool
	// said: the end of a sentence of four words or more, no cue; goOn:
	// of a sentence asking a dictation to go on («записываю»).
	said, goOn bool
}

// namingWord: a word before a trap word that makes it name the number
// asked for («номер заказа», «код ошибки»). A switch (collectCues asks
// it of every trap word; isWord builds its list at each call).
func namingWord(w string) bool {
	switch w {
	case "номер", "номера", "номеру", "номером", "код", "кода", "коду", "кодом":
		return true
	}
	return false
}

// mailAt reports whether token i is «собака» (or «at») in a mailbox said
// out, a service's name, a Latin word or a top-level domain after it: an
// e-mail is being given, as with an e-mail cue word (its answers are
// read for 25 s on both sides: «ivanov sergei да»).
func (s *scan) mailAt(i int) bool {
	t := &s.toks[i]
	if !t.has(tAt) || i+1 >= len(s.toks) || s.toks[i+1].seg != t.seg {
		return false
	}
	if s.lang == "en" {
		return s.enDomainEnd(i+1) > i+1 && !s.roleMailboxAt(i)
	}
	n := s.norm(i + 1)
	// (Not a company's mailbox: «zayavki собака gkh74 точка ru» read
	// back spelled is the company's.)
	return (latinWord(n) || mailProviders.of(n) || s.toks[i+1].has(tTLD)) && !s.roleMailboxAt(i)
}

// addressAsked: an address cue that asks for one («адрес», «прописка»),
// not one that says where the speaker lives («живу»).
func addressAsked(w string) bool {
	return strings.HasPrefix(w, "адрес") || strings.HasPrefix(w, "прописк")
}

type scan struct {
	lang, role string
	toks       []token
	segs       []segRange // the segments loaded, in order
	found      []found
	marks      []int // per token: 1 + index into found, 0 if unmasked
	cues       []cueEvent
	others     []cueEvent // cues of the other channels, by time
	// spoke: the ends of this channel's sentences of four words or more
	// and of those asking a dictation to go on (said, goOn), apart from
	// the cues, so that the loops over the cues do not read them;
	// othersSpoke: the other channels' (continues).
	spoke, othersSpoke []cueEvent
	lits               [][2]int // token ranges of written e-mail addresses
	nstretch           int      // stretches(), once the rules have run (Transcript)
	// any is every role some token has: a rule whose words are all
	// absent is not run.
	any trig
	// startSet: the questions and cues the rules start from (fileStarts,
	// once the rules run); claimedTypes: the types of the claims in
	// found, a bit each by typeIndex (claim).
	startSet     startSet
	claimedTypes typeSet
	// cand: the tokens with a cue's role (cueRoles), in order, for
	// collectCues (account files them).
	cand []int32
	// starts: the tokens the rules' loops start from (startRoles, a run's
	// first number word), in order (account files them).
	starts []int32
	// src is the channel's segments as loaded (the tokens' times are
	// read from them).
	src []schemas.Segment
	// norms holds the tokens' normal forms, one after another.
	norms []byte
	// tbuf is tokenizeSlow's and rewrite's, saved rewrite's.
	tbuf []text.Token
	// bnds is tokenize's: the bounds of the words of the text it reads.
	bnds  []bound
	saved []token
	// fold holds, while one word or text is tokenized, the normal forms
	// of its words that needed folding («Анна», «Ещё»)
	// (text.AppendTokensInto), so a capitalized word costs no allocation.
	fold []byte
	// Scratch of numbers: the digits, groups and runs of the zone being
	// read (numbers.go), the number words of a run.
	dig    []byte
	groups []group
	runs   []run
	words  []numAt
	// andJoin: readZone joins a last group said after «и» (numbers asks,
	// lastGroupAfterAnd).
	andJoin bool
	// asideJoin: readZone joins two parts across a short aside (numbers
	// asks, overAside), and says where the aside was: aside0..aside1.
	asideJoin      bool
	aside0, aside1 int
	// expiryEnd: where the last card's expiry numbers read ended, a
	// month and a year after «срок» or after the card's digits (-1:
	// none), for the security code said after it with «и» (cvvAfterCard).
	expiryEnd int
	// The personal numbers masked, with their digits, for the echoes
	// (echo.go).
	nclaims []numClaim
	cdig    []byte
	// esk holds the echoes' skeletons of a mailbox's Latin words.
	esk []byte
}

// newScan returns an empty scan for a channel of role in lang. Calls of
// Transcript take theirs from their callScratch, which keeps them from
// call to call with their buffers: a call's tokens are 32 bytes each, and
// allocating (and collecting) them, the marks and the cues anew for every
// call cost as much as reading them.
func newScan(lang, role string) *scan {
	if lang != "en" {
		lang = "ru"
	}
	return &scan{lang: lang, role: role}
}

// reset empties the scan for another channel, keeping its buffers.
func (s *scan) reset() {
	s.toks, s.segs, s.found, s.marks = s.toks[:0], s.segs[:0], s.found[:0], s.marks[:0]
	s.cues, s.others, s.lits, s.cand, s.starts = s.cues[:0], s.others[:0], s.lits[:0], s.cand[:0], s.starts[:0]
	s.spoke, s.othersSpoke = s.spoke[:0], s.othersSpoke[:0]
	s.any, s.nstretch, s.claimedTypes = 0, 0, 0
	s.fold, s.norms = s.fold[:0], s.norms[:0]
	s.src = nil
	s.resetDigits()
	s.nclaims, s.cdig = s.nclaims[:0], s.cdig[:0]
	if cap(s.fold) > 64<<10 {
		s.fold = nil
	}
	if cap(s.norms) > 256<<10 {
		s.norms = nil
	}
}

// load tokenizes the segments whose want is true (all when want is nil):
// their words when they have them (they carry the times), else their
// text. The tokens of a segment prev has loaded already are copied from
// it, not made again (a segment with an @ excepted: its e-mail ranges are
// worked out as it is tokenized).
func (s *scan) load(segs []schemas.Segment, want []bool, prev *scan) {
	s.src = segs
	s.toks, s.cand, s.starts, s.any = s.toks[:0], s.cand[:0], s.starts[:0], 0
	if prev != nil {
		// The tokens copied from prev point into its norms: they come
		// along, and prev (released next) gets this scan's, unused.
		s.norms, prev.norms = prev.norms, s.norms[:0]
	}
	pi := 0
	for k := range segs {
		if want != nil && !want[k] {
			continue
		}
		seg := &segs[k]
		from := len(s.toks)
		for prev != nil && pi < len(prev.segs) && prev.segs[pi].k < k {
			pi++
		}
		if prev != nil && pi < len(prev.segs) && prev.segs[pi].k == k && !hasAt(seg) {
			r := prev.segs[pi]
			s.toks = append(s.toks, prev.toks[r.from:r.to]...)
			s.segs = append(s.segs, segRange{k: k, from: from, to: len(s.toks)})
			s.account(from, len(s.toks))
			continue
		}
		if len(seg.Words) > 0 {
			for j, w := range seg.Words {
				n0 := len(s.toks)
				if s.tokenize(w.W, int32(k), int32(j)) {
					s.literals(w.W, n0)
				}
			}
		} else {
			n0 := len(s.toks)
			if s.tokenize(seg.Text, int32(k), -1) {
				s.literals(seg.Text, n0)
			}
		}
		s.garbledNumbers(from, len(s.toks))
		s.segs = append(s.segs, segRange{k: k, from: from, to: len(s.toks)})
		s.account(from, len(s.toks))
	}
	s.marks = slices.Grow(s.marks[:0], len(s.toks))[:len(s.toks)]
	clear(s.marks)
	s.collectCues()
}

// cueRoles are the roles of the tokens collectCues may make a cue event
// of: what account files as candidates.
const cueRoles = tCue | tTrap | tNameCue | tNameQ | tBirth | tEmailCue | tAddrCue | tAt | tExpiry | tTrip

// startRoles are the roles of the words the rules' loops start from (an
// @, a birth's, a street's, a settlement's, an address's, a house's and a
// flat's word, a name's cue and clue words) and tFiller, which «плюс»
// and «plus» have (a run may start with them: isRunStart): with the
// number words a run starts with, what account files as starts.
const startRoles = tAt | tBirth | tStreet | tSettle | tAddrCue | tHouse | tFlat | tNameCue | tRole | tFiller

// startKinds are the number kinds account files as starts: those a run
// starts with, and a decade's ordinal, a year said alone after «я с»
// («я с пятидесятого»: birthAfterPronoun).
const startKinds = runStarts | 1<<nkOrdTens

// account files the tokens [from, to) of one loaded segment, right after
// they are made (in the cache): every role some token has (any), the
// segment's end as a sentence said (spoke), the tokens with a cue's role
// (cand), so that collectCues reads those alone, not every token again,
// and the tokens a rule's loop may start from (starts: startRoles, and a
// run's first number word), so that the rules read those alone. Both
// lists are filed without a branch on the token's roles (one taken at
// every cue word was a mispredicted branch a call).
func (s *scan) account(from, to int) {
	if from == to {
		return
	}
	s.cand = slices.Grow(s.cand, to-from)
	s.starts = slices.Grow(s.starts, to-from)
	n, m := len(s.cand), len(s.starts)
	buf, sbuf := s.cand[:n+to-from], s.starts[:m+to-from]
	var any trig
	for i := from; i < to; i++ {
		t := &s.toks[i]
		r := t.trig
		any |= r
		buf[n], sbuf[m] = int32(i), int32(i)
		if r&cueRoles != 0 {
			n++
		}
		if r&startRoles != 0 || startKinds>>t.kind&1 != 0 {
			m++
		}
	}
	// A field of an address asked with its word alone («улица», «номер
	// дома», «а квартира»: a sentence of three words at most, no number
	// in it): its word is a cue's candidate too (collectCues, fieldAsked).
	if to-from <= 3 && any&(tStreet|tHouse) != 0 && any&(tNum|cueRoles) == 0 {
		for i := from; i < to; i++ {
			if s.toks[i].has(tStreet | tHouse) {
				buf = append(buf[:n], int32(i))
				n++
				break
			}
		}
	}
	s.cand, s.starts = buf[:n], sbuf[:m]
	s.any |= any
	// A sentence of four words or more that does not ask the other side
	// to go on: they have spoken (a number is not joined across it,
	// continues); «так записываю продолжайте» asks to go on.
	// (Or a short question of its own: «показания счётчика» — «3 4 5 6
	// 7» — «а горячая» — «1 2 3 4 5» is two numbers.)
	// (One append for both: each, inlined with its time, was some four
	// code lines a call read from memory.)
	if goOn := any&tGoOn != 0; goOn || to-from >= 4 || to-from >= 2 && s.norm(from) == "а" {
		t := &s.toks[to-1]
		s.spoke = append(s.spoke, cueEvent{at: s.t1(t), seg: t.seg, goOn: goOn, said: !goOn})
	}
}

// hasAt reports whether a segment's text or a word of it has an @.
func hasAt(seg *schemas.Segment) bool {
	if strings.IndexByte(seg.Text, '@') >= 0 {
		return true
	}
	for j := range seg.Words {
		if strings.IndexByte(seg.Words[j].W, '@') >= 0 {
			return true
		}
	}
	return false
}

// literals records the tokens of each written e-mail address in src
// (whose tokens are s.toks[n0:]).
func (s *scan) literals(src string, n0 int) {
	if strings.IndexByte(src, '@') < 0 {
		return
	}
	for at := 0; at < len(src); at++ {
		if src[at] != '@' {
			continue
		}
		lo, hi := at, at+1
		for lo > 0 && emailByte(src[lo-1]) {
			lo--
		}
		for hi < len(src) && emailByte(src[hi]) {
			hi++
		}
		first, last := -1, -1
		for k, t := range s.toks[n0:] {
			if int(t.end) > lo && int(t.off) < hi {
				if first < 0 {
					first = k
				}
				last = k
			}
		}
		if first >= 0 && lo < at && hi > at+1 {
			base := n0
			s.lits = append(s.lits, [2]int{base + first, base + last + 1})
		}
	}
}

func emailByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '-' || c == '+' || c == '%'
}

// symAfter reports whether a %, ₽, $ or € follows offset i of s (spaces
// skipped).
func symAfter(s string, i int) bool {
	for ; i < len(s) && s[i] == ' '; i++ {
	}
	if i >= len(s) {
		return false
	}
	switch s[i] {
	case '%', '$':
		return true
	case 0xE2: // ₽ is E2 82 BD, € E2 82 AC
		return strings.HasPrefix(s[i:], "₽") || strings.HasPrefix(s[i:], "€")
	}
	return false
}

// collectCues records the cues of this channel for the other channels.
// It reads the tokens account filed as candidates (those with a cue's
// role), in order.
func (s *scan) collectCues() {
	for _, c := range s.cand {
		i := int(c)
		t := &s.toks[i]
		// («куда доставить», «куда привезти заказ»: an address asked.)
		// («в каком пункте выдачи», «где отделение»: a company's place
		// asked.)
		asksAddress := t.has(tAddrCue) && (addressAsked(s.normOf(t)) || i > 0 && s.toks[i-1].seg == t.seg && (s.norm(i-1) == "куда" ||
			placeWords.of(s.normOf(t)) && isWord(s.norm(i-1), "каком", "какой", "какое", "какую", "где")))
		// («куда едем», «откуда вас забрать»: a trip's address asked,
		// read by tripAddresses alone.)
		asksTrip := !asksAddress && t.has(tTrip) && s.tripQuestion(i)
		// (A street's or a house's word alone is filed only when it asks
		// for one field of an address: fieldAsked.)
		field := t.has(tStreet|tHouse) && !t.has(cueRoles) && s.fieldAsked(i)
		// (In English «address» or «mail» alone names no e-mail:
		// mailCue.)
		if !t.has(tCue|tTrap|tNameCue|tNameQ|tBirth|tExpiry) && !(t.has(tEmailCue) && s.mailCue(i)) && !asksAddress && !asksTrip && !(t.has(tAt) && s.mailAt(i)) && !field || t.has(tEmailCue) && s.postOffice(i) {
			continue
		}
		// Written where it goes (as readZone's runs).
		s.cues = append(s.cues, cueEvent{})
		e := &s.cues[len(s.cues)-1]
		e.at, e.seg = s.t1(t), t.seg
		// (Asked only of a word as long as one they take: most cue
		// words are none, and run none of their code.)
		e.part = t.nl >= 10 && partWord(s.normOf(t)) && !s.lastTime(i) || (t.nl == 10 || t.nl == 8) && isWord(s.normOf(t), "цифры", "цифр")
		cue := s.cueAt(i)
		switch {
		case t.has(tExpiry):
			// «срок», «а срок», «срок и код»: the card's expiry asked
			// (not «срок 05 27», said with it).
			e.expiry = !(i+1 < len(s.toks) && s.toks[i+1].seg == t.seg && s.toks[i+1].has(tNum)) && !s.codeTerm(i)
		case cue && s.refusedCue(i):
			// «не называйте код»: refused, not asked; nothing answers it.
			s.cues = s.cues[:len(s.cues)-1]
		case t.nl == uint32(len("действует")) && s.codeLasts(i):
			// «код действует 3 минуты»: how long a code lasts, no
			// expiry asked and no trap; the code's own word is its cue.
			s.cues = s.cues[:len(s.cues)-1]
		case cue:
			e.cue = uint8(1 + typeIndex(s.refine(i, t.cue())))
			e.codeWord = codeWordCue(s.normOf(t)) && s.codeWordAsked(i)
			for j := i + 1; j < len(s.toks) && s.toks[j].seg == t.seg && j <= i+4; j++ {
				if s.toks[j].has(tNum) {
					e.dictated = true
					break
				}
			}
		case t.has(tTrap | tCue):
			e.trap = true
			// (Said with its own number after it, as a cue is: «код на
			// двери сто девятнадцать» asks the other side for none,
			// otherCue.)
			for j := i + 1; j < len(s.toks) && s.toks[j].seg == t.seg && j <= i+2; j++ {
				if s.toks[j].has(tNum) {
					e.dictated = true
					break
				}
			}
			// «номер заказа», «код ошибки»: the trap word names the
			// number asked for.
			// («на какой номер придёт»: a verb after «номер» names
			// nothing.)
			// («номер кредитного договора»: an adjective between.)
			e.named = i > 0 && s.toks[i-1].seg == t.seg && namingWord(s.norm(i-1)) && !verbLike(s.normOf(t)) ||
				i > 1 && s.toks[i-2].seg == t.seg && adjectival(s.norm(i-1)) && namingWord(s.norm(i-2)) && !verbLike(s.normOf(t))
			e.coded = e.named && strings.HasPrefix(s.norm(i-1), "код")
			// «полис омс ребенка», «трек номер», «права»: a short
			// question the trap word opens names the number asked for.
			e.named = e.named || s.trapQuestion(i)
			switch s.normOf(t) {
			case "действия", "действует":
				e.expiry = !s.codeTerm(i)
			}
			e.barcode = barcodeWord(s.normOf(t))
			// «номер дисконтной карты», «назовите лицевой счет»,
			// «водительское удостоверение»: a shop's card, a provider's
			// account, a document is what is asked.
			// (Each of the four answers no for a word with no cue's role,
			// as a trap word has most often: not called for one.)
			e.named = e.named || t.has(tCue) && (s.loyaltyCard(i) || s.providerAccount(i)) || i+1 < len(s.toks) && s.toks[i+1].has(tCue) && s.providerAccount(i+1) ||
				t.has(tCue) && s.institutionINN(i) || strings.HasPrefix(s.normOf(t), "удостоверени") || t.has(tCue) && s.docCertificate(i)
		case t.has(tNameCue | tNameQ):
			// «меня зовут анна» introduces; it asks nobody's name.
			// «как зовут менеджера», «фамилия лечащего врача», «курьер
			// назвал фамилию»: a staff member's name asked, no person's
			// data (staffAsked).
			e.name = !(i > 0 && s.toks[i-1].seg == t.seg && isWord(s.norm(i-1), "меня", "моя", "мое", "my")) && !s.staffAsked(i) &&
				!(s.lang == "en" && s.enNoPersonAsked(i))
			e.thing = s.lang == "en" && !e.name && s.normOf(t) == "name" && s.enNoPersonAsked(i)
			e.nameCue = t.has(tNameCue)
			e.surname = e.nameCue && strings.HasPrefix(s.normOf(t), "фамил")
			e.kin = s.kinNext(i)
		case t.has(tBirth):
			// (Not «свидетельство о рождении»: a document.)
			e.dob = !(i > 1 && s.norm(i-1) == "о" && strings.HasPrefix(s.norm(i-2), "свидетельств"))
			e.kin = s.kinNext(i)
		case asksTrip:
			e.trip = true
		case !t.has(tEmailCue) && !t.has(tAt):
			e.addr = true // «адрес регистрации», «прописка»
			e.place = s.placeQuestion(i)
			// (Or one field of it, asked with its word alone: account
			// files such a word only in a sentence of three words with
			// no number and no cue's word.)
			if field {
				e.field = 2
				if t.has(tStreet) {
					e.field = 1
				}
			}
		default: // tEmailCue
			e.mail = true
		}
	}
}

// codeLasts reports whether token i is «действует» right after a code's
// word («код действует пять минут»).
func (s *scan) codeLasts(i int) bool {
	return i > 0 && s.toks[i-1].seg == s.toks[i].seg && s.norm(i) == "действует" && strings.HasPrefix(s.norm(i-1), "код")
}

// fieldAsked reports whether the street's or house's word at token i is
// a question for one field of an address: the whole of a sentence of
// three words at most with no number and no cue's word in it (account
// files only such a word as a candidate when it has no cue's role).
func (s *scan) fieldAsked(i int) bool {
	seg := s.toks[i].seg
	from, to := i, i+1
	for from > 0 && s.toks[from-1].seg == seg {
		from--
	}
	for to < len(s.toks) && s.toks[to].seg == seg {
		to++
	}
	if to-from > 3 {
		return false
	}
	for k := from; k < to; k++ {
		if s.toks[k].has(tNum | cueRoles) {
			return false
		}
	}
	return true
}

// placeQuestion reports whether the sentence of the address cue at
// token i asks for a company's place: a place's word in it and no
// number («а адрес клиники», «подскажите адрес ближайшего отделения»).
//
// A verb of being somewhere («находится», «работает») asks for a
// company's place only in the client's question: the operator knows where
// the company is, and asks where the client's car, plot or home is («адрес
// где находится автомобиль»).
func (s *scan) placeQuestion(i int) bool {
	place := false
	for j := s.segFrom(i); j < len(s.toks) && s.toks[j].seg == s.toks[i].seg; j++ {
		if s.toks[j].has(tNum) {
			return false
		}
		w := s.norm(j)
		place = place || placeWords.of(w) || shopPoint(w) || officeWord(w) && !(s.role == schemas.RoleOperator && locatingVerb(w))
	}
	return place
}

// shopPoint: a business client's outlet or a café asked for by its
// word («адрес точки и инн», «адрес вашей кофейни»): a company's place,
// its address no one's home (rv26, session 21: ru/blind9's «давайте
// адрес точки и инн» — «каланчёвская 17 инн ...» masked since 4a5df17c).
func shopPoint(w string) bool {
	return isWord(w, "точки", "точек", "точку", "кафе", "кофейни", "кофейню", "ресторана", "ресторан")
}

// locatingVerb: «находится», «находимся», «работает» and their forms.
func locatingVerb(w string) bool {
	return strings.HasPrefix(w, "находи") || strings.HasPrefix(w, "работа")
}

// trapQuestion reports whether the trap word at token i opens or closes a
// sentence of four words at most with no cue word: the thing whose
// number is asked for («полис омс ребенка», «трек номер», «водительское»,
// «фио и полис»).
func (s *scan) trapQuestion(i int) bool {
	seg := s.toks[i].seg
	if i > 0 && s.toks[i-1].seg == seg {
		// Or closing a question of four words at most with no cue of a
		// number («фио и полис»: the name and the policy asked for).
		if i+1 < len(s.toks) && s.toks[i+1].seg == seg {
			return false
		}
		for j := i - 1; j >= 0 && s.toks[j].seg == seg; j-- {
			if j <= i-4 || s.toks[j].has(tCue) {
				return false
			}
		}
		return true
	}
	for j := i + 1; j < len(s.toks) && s.toks[j].seg == seg; j++ {
		// («заказ на номер», «доставка на какой номер»: «на» after the
		// trap word asks where it goes, a phone, not its own number:
		// causes block HD.)
		if j >= i+4 || s.toks[j].has(tCue) || j == i+1 && s.norm(j) == "на" {
			return false
		}
	}
	return true
}

// staffAsked reports whether the name's question at token i asks for a
// staff member's name: a staff word (staffWord) in its sentence, up to
// three words before or after it («как зовут менеджера», «фамилия
// лечащего врача», «курьер назвал фамилию», causes block RV), whose
// answer («кирилл из эльдорадо», «морозова», «да гаврилов вроде») is no
// personal data to mask. Not an employee («фио сотрудника», a third
// person whose data a company gives), a colleague or an agent; not the
// client's own name asked with a staff member's word after it («ваше имя
// и телефон менеджер перезвонит», bx-0121).
func (s *scan) staffAsked(i int) bool {
	seg := s.toks[i].seg
	if i > 0 && s.toks[i-1].seg == seg && isWord(s.norm(i-1), "ваше", "ваша", "ваш", "вашу", "ваши", "твое", "твоё", "твою") {
		return false
	}
	for j := max(i-3, 0); j < len(s.toks) && j <= i+3; j++ {
		if j == i || s.toks[j].seg != seg {
			continue
		}
		if w := s.norm(j); staffWord(w) && !strings.HasPrefix(w, "сотрудни") && !strings.HasPrefix(w, "коллег") && !strings.HasPrefix(w, "агент") {
			return true
		}
	}
	return false
}

// kinNext reports whether a relative's word follows token i in its
// sentence, two words on at most («имя ребенка», «рождения вашего сына»).
func (s *scan) kinNext(i int) bool {
	for j := i + 1; j < len(s.toks) && j <= i+2 && s.toks[j].seg == s.toks[i].seg; j++ {
		if s.toks[j].has(tKin) {
			return true
		}
	}
	return false
}

// cueAt reports whether the token at i is a cue that types the number
// after it: a cue word, unless it names a number of a company or of
// another document (a provider's account, a shop's card, a code of another
// kind, a tariff, a certificate), one place for readZone and the cue
// events to ask.
//
// Each exception is of one cue type and asked only of a cue of that type
// (each answers no for any other): a cue word runs one of them, not all
// six, so a call's first cues read less of the code from cold caches.
func (s *scan) cueAt(i int) bool {
	t := &s.toks[i]
	if !t.has(tCue) {
		return false
	}
	switch t.cue() {
	case Account:
		return !s.providerAccount(i)
	case Card:
		return !s.loyaltyCard(i)
	case Code:
		return !s.otherCode(i)
	case Phone:
		return !s.tariffName(i)
	case SNILS:
		return !s.docCertificate(i)
	case INN:
		return !s.institutionINN(i)
	case CVV:
		return !s.turnover(i)
	}
	return true
}

// turnoverWindow: the seconds before «оборот» in which a card's word or
// a masked card makes it the card's back (turnover).
const turnoverWindow = 30

// turnover reports whether the CVV cue at i is «оборот» or «оборота»
// with no card in sight: no card's word nor masked card in its sentence
// or the turnoverWindow before, of either side. It is then a business's
// turnover («оборот 350 в месяц», «оборот компании 900»), no card's
// back («4276 ... оборот 0 0 9», «код с оборота карты»).
func (s *scan) turnover(i int) bool {
	if w := s.norm(i); w != "оборот" && w != "оборота" {
		return false
	}
	seg := s.toks[i].seg
	at := s.t0(&s.toks[i])
	for j := i + 1; j < len(s.toks) && s.toks[j].seg == seg; j++ {
		if s.cardAt(j) {
			return false
		}
	}
	for j := i - 1; j >= 0; j-- {
		if t := &s.toks[j]; t.seg != seg && at-s.t1(t) > turnoverWindow {
			break
		}
		if s.cardAt(j) {
			return false
		}
	}
	for k := range s.others {
		if e := &s.others[k]; e.cueType() == Card && e.at <= at+0.5 && at-e.at <= turnoverWindow {
			return false
		}
	}
	return true
}

// cardAt reports whether token j is a card's word or masked as a card
// (turnover).
func (s *scan) cardAt(j int) bool {
	t := &s.toks[j]
	return t.has(tCue) && t.cue() == Card && !s.loyaltyCard(j) || s.maskedAs(j, Card)
}

// institutionINN reports whether the INN cue at i names an institution's
// INN by the genitive after it («инн банка», «а инн клиники»): a bank's,
// a clinic's, a shop's, a school's, public and printed on its receipts,
// a trap. Not the client's own business («инн организации», «инн ип»,
// «инн работодателя»), which the client's papers give as theirs.
func (s *scan) institutionINN(i int) bool {
	if s.toks[i].trig&tCue == 0 || s.toks[i].cue() != INN || i+1 >= len(s.toks) || s.toks[i+1].seg != s.toks[i].seg {
		return false
	}
	return isWord(s.norm(i+1), "банка", "клиники", "больницы", "поликлиники", "аптеки", "магазина", "школы", "университета", "вуза", "садика", "застройщика", "налоговой", "инспекции", "фонда")
}

// providerAccount reports whether the account cue at i is a provider's
// personal account («лицевой счет») or an invoice («выставлен счет»,
// «оплатите счет», «счет на оплату»): a company's number, a trap.
func (s *scan) providerAccount(i int) bool {
	if i == 0 || s.toks[i].trig&tCue == 0 || s.toks[i].cue() != Account {
		return false
	}
	if strings.HasPrefix(s.norm(i-1), "лицев") {
		return true
	}
	if !strings.HasPrefix(s.norm(i), "счет") {
		return false
	}
	seg := s.toks[i].seg
	for j := max(0, i-2); j < i; j++ {
		if w := s.norm(j); s.toks[j].seg == seg && (strings.HasPrefix(w, "оплат") || strings.HasPrefix(w, "выставл")) {
			return true
		}
	}
	return i+2 < len(s.toks) && s.toks[i+2].seg == seg && s.norm(i+1) == "на" && strings.HasPrefix(s.norm(i+2), "оплат")
}

// loyaltyCard reports whether the card cue at i is a shop's card
// («бонусная карта», «номер дисконтной карты»): its number is the shop's,
// a trap (a bank card's is masked by its Luhn check all the same).
func (s *scan) loyaltyCard(i int) bool {
	if i == 0 || s.toks[i].trig&tCue == 0 || s.toks[i].cue() != Card || s.toks[i-1].seg != s.toks[i].seg {
		return false
	}
	w := s.norm(i - 1)
	return strings.HasPrefix(w, "скидочн") || strings.HasPrefix(w, "бонусн") || strings.HasPrefix(w, "дисконтн") || strings.HasPrefix(w, "клубн") || strings.HasPrefix(w, "накопительн") ||
		strings.HasPrefix(w, "подарочн") || // a gift card's number or code
		// A card of another kind: a car's inspection, a migrant's, a
		// patient's, a fuel or a transport card («диагностическая карта
		// 0 7 8 3 ...»).
		strings.HasPrefix(w, "диагностическ") || strings.HasPrefix(w, "миграционн") || strings.HasPrefix(w, "медицинск") ||
		strings.HasPrefix(w, "топливн") || strings.HasPrefix(w, "транспортн")
}

// docCertificate reports whether the SNILS cue at i is a certificate of
// another kind («свидетельство о регистрации», «о рождении»): not the
// insurance one («страховое свидетельство», «свидетельство пенсионного
// страхования»).
func (s *scan) docCertificate(i int) bool {
	if s.toks[i].trig&tCue == 0 || s.toks[i].cue() != SNILS || !strings.HasPrefix(s.norm(i), "свидетельств") {
		return false
	}
	for j := max(0, i-2); j < min(len(s.toks), i+3); j++ {
		if w := s.norm(j); s.toks[j].seg == s.toks[i].seg && (strings.HasPrefix(w, "страхов") || strings.HasPrefix(w, "пенсион") || w == "снилс") {
			return false
		}
	}
	return true
}

// tariffName reports whether the phone cue at i is a landline's kind
// naming a tariff («тариф домашний 100», «тариф называется домашний»):
// a trap.
func (s *scan) tariffName(i int) bool {
	if s.toks[i].trig&tCue == 0 || s.toks[i].cue() != Phone || !slices.Contains(landlineWords, s.norm(i)) {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-2 && s.toks[j].seg == s.toks[i].seg; j-- {
		if s.toks[j].has(tTrap) || s.norm(j) == "называется" {
			return true
		}
	}
	return false
}

// otherCode reports whether the code cue at i names a code that is no
// verification code: a trap word right after it («код ошибки», «кодом
// региона»), or an error said next to it («ошибка код 691 пишет»).
func (s *scan) otherCode(i int) bool {
	if s.toks[i].trig&tCue == 0 || s.toks[i].cue() != Code || !strings.HasPrefix(s.norm(i), "код") {
		return false
	}
	seg := s.toks[i].seg
	if i+1 < len(s.toks) && s.toks[i+1].seg == seg && s.toks[i+1].has(tTrap) {
		return true
	}
	if i > 0 && s.toks[i-1].seg == seg && strings.HasPrefix(s.norm(i-1), "штрих") {
		return true // «штрих код 4 600 123 456 789»: a product's
	}
	// A passport office's, named by the issuing before it («выдан
	// отделом мвд ... код 500 034»), as «код подразделения» names it.
	if s.issuedBefore(i) {
		return true
	}
	// What it codes named after it or before it: a school's, a bank's, a
	// service's, a tariff's («код школы 1 2 0 4 4», «тарифный код»).
	if i+1 < len(s.toks) && s.toks[i+1].seg == seg && codedThing(s.norm(i+1)) || i > 0 && s.toks[i-1].seg == seg && codedThingAdj(s.norm(i-1)) {
		return true
	}
	for j := max(0, i-3); j < min(len(s.toks), i+3); j++ {
		// An error's, an entrance's («подъезд 3 код 1234»).
		if w := s.norm(j); s.toks[j].seg == seg && (strings.HasPrefix(w, "ошибк") || j < i && strings.HasPrefix(w, "подъезд")) {
			return true
		}
	}
	// The other side has just asked for such a code («код ошибки какой»
	// — «код 651 пишет»), and the speaker names no other («смс с кодом
	// мне пришло»).
	for j := max(0, i-3); j < min(len(s.toks), i+4); j++ {
		if t := &s.toks[j]; j != i && t.seg == seg && t.trig&tCue != 0 && t.cue() == Code && !strings.HasPrefix(s.norm(j), "код") {
			return false
		}
	}
	at := s.t0(&s.toks[i])
	if s.otherCueNear(at, func(e *cueEvent) bool { return e.coded }) {
		return true
	}
	return false
}

// partWord reports whether w cues part of a number: its end or its start
// («заканчивается на», «последние», «начинается на», «конец»).
func partWord(w string) bool {
	if len(w) < 10 {
		return false
	}
	// By the first letter: a cue word is asked this of every cue.
	switch w[:2] {
	case "з":
		return strings.HasPrefix(w, "заканчива")
	case "о":
		return strings.HasPrefix(w, "оканчива") || strings.HasPrefix(w, "окончани")
	case "к":
		return strings.HasPrefix(w, "кончаетс") || strings.HasPrefix(w, "конец") || strings.HasPrefix(w, "конце")
	case "п":
		return strings.HasPrefix(w, "последн") || strings.HasPrefix(w, "первые")
	case "н":
		return strings.HasPrefix(w, "начинает") || strings.HasPrefix(w, "начало")
	}
	return false
}

// cueType is the type of a cue event's cue, or "".
func (e *cueEvent) cueType() Type {
	if e.cue == 0 {
		return ""
	}
	return typeAt[e.cue-1]
}

// refine turns a generic cue into the specific one its neighbours say:
// «код» near «безопасности» is a CVV, «код города» is a phone.
func (s *scan) refine(i int, typ Type) Type {
	if typ != Code && typ != Card {
		return typ
	}
	for j := max(0, i-4); j < min(len(s.toks), i+5); j++ {
		if s.toks[j].seg != s.toks[i].seg {
			continue
		}
		if tj := &s.toks[j]; tj.has(tCue) {
			cue := tj.cue()
			if cue == CVV {
				return CVV
			}
			// («код телефона», «код города»: an area code; not a code
			// sent to the phone, «на телефон придет код».)
			// (Nor the phone said before it with other words between:
			// «телефон у меня вот код двадцать два ноль семь», the code
			// read from the phone; causes block RD.)
			// (Nor a phone confirmed by a code, «кодом» after it:
			// «подтвердите номер телефона кодом», causes block UK; not
			// «с кодом», an area code.)
			if typ == Code && cue == Phone && s.norm(j) != "связи" && !(j > 0 && s.toks[j-1].seg == tj.seg && isWord(s.norm(j-1), "на", "в")) && j >= i-2 &&
				!(j < i && s.norm(i) == "кодом" && !(s.toks[i-1].seg == tj.seg && s.norm(i-1) == "с")) {
				return Phone
			}
		}
		if typ == Code && s.toks[j].nl == uint32(len("города")) && s.norm(j) == "города" {
			return Phone
		}
	}
	return typ
}

// claim records a rule's stretch; tokens already claimed keep their owner.
func (s *scan) claim(typ Type, rule ruleID, from, to int) {
	if rule == ruleNameAnswer && s.lang == "en" {
		from, to = s.enNameSpan(from, to)
		if from < to && s.enAnsweredBefore(from, to) {
			return
		}
	}
	// (A name after «my name is», «this is» ends before its first
	// function word too: «dale fischer you called me», «linda cole my
	// dog», «paul at durham hardware», «emma we talked».)
	if (rule == ruleNameCue || rule == ruleNameIntro) && s.lang == "en" {
		to = s.enNameEnd(from, to)
	}
	// («this one 07912 ...», «that one oh seven ...»: the pronoun's
	// «one» is no digit of the number after it.)
	if s.lang == "en" && to-from > 1 && from > 0 && s.toks[from-1].seg == s.toks[from].seg && s.norm(from) == "one" && isWord(s.norm(from-1), "this", "that", "the", "which") {
		from++
	}
	if from >= to {
		return
	}
	s.found = append(s.found, found{})
	f := &s.found[len(s.found)-1]
	f.typ, f.rule, f.from, f.to = uint8(typeIndex(typ)), rule, from, to
	s.claimedTypes |= 1 << f.typ
	id := len(s.found)
	for i := from; i < to; i++ {
		if s.marks[i] == 0 {
			s.marks[i] = id
		}
	}
}

func (s *scan) claimed(from, to int) bool {
	for i := from; i < to; i++ {
		if s.marks[i] != 0 {
			return true
		}
	}
	return false
}

// detect runs the rule families in order (families); the first rule to
// claim a token owns it.
func (s *scan) detect() {
	if detectHook != nil {
		detectHook(s)
	}
	s.fileStarts()
	for _, f := range families {
		if s.any&f.starts == 0 && s.startSet&f.asks == 0 && (f.opens == nil || !f.opens(s)) {
			continue
		}
		for k := range f.rules {
			r := &f.rules[k]
			if ungated || (r.needs == 0 || s.any&r.needs != 0) && (r.asks == 0 || s.startSet&r.asks != 0) && (r.after == 0 || s.claimedTypes&r.after != 0) && (r.may == nil || r.may(s)) {
				r.run(s)
			}
		}
	}
}

// family is a family of rules (the e-mail's, the date of birth's, the
// address's, the name's, the number's) and what its rules start from,
// declared next to them (mailFamily, birthFamily, addressFamily,
// nameFamily, numberFamily), so that a rule added to a family brings its
// starting words with it.
//
// A family reads a channel only when the channel has a word of one of
// its starts (the lexicon's roles, one lookup a word as it is
// tokenized: token.trig, gathered in scan.any), a question it asks
// for is there (the other side's question for what it masks, an
// address written: startSet, starts.go) or opens says the family has
// something to read there (a name's shape). That belongs to what the rules mean, not
// to their cost: run on every channel, the name rules mask «хорошо
// дневной» and the initials of «клиент пак е с верно» on channels with no
// name's word (a few of TestGatesSame's transcripts differ), so
// TestGatesSame keeps the families' reading as it is and holds the rules'
// own gates (needs, asks, after, may) and the echoes' to the outputs.
type family struct {
	starts trig
	// asks: the questions that open the family on a channel with none
	// of its starts (startSet: the other side's question for what it
	// masks); opens: what else does (a word's shape, read from the
	// tokens).
	asks  startSet
	opens func(s *scan) bool
	rules []familyRule
}

// familyRule is one rule of a family, with what it needs beyond the
// family's starts: a word of one of its needs roles on the channel (a
// month for birthAfterTurned), a question to start from (asks), a claim
// of a type it reads (after: a rule that reads only what the rules
// before it masked, a name's neighbours, a passport number's series), or
// what may says, written next to the rule from the
// rule's own definitions (numbersMay). A rule that needs none is run
// whenever its family reads the channel. These are gates on cost alone:
// redact.Ungated runs the rules all the same and TestGatesSame requires
// the same outputs.
type familyRule struct {
	run   func(s *scan)
	needs trig
	// asks: the rule starts only from one of these questions (startSet:
	// a rule reading the answers to the other side's question for a
	// name, or the speaker's own sentences after theirs).
	asks startSet
	// after: the rule reads only around what the rules before it
	// masked of these types (a name's neighbours, a passport number's
	// series): it is run once such a claim is there (scan.claimedTypes).
	after typeSet
	may   func(s *scan) bool
}

// families are the rule families in the order they run: a token claimed
// by an earlier family is not claimed by a later one.
var families = [...]*family{&mailFamily, &birthFamily, &addressFamily, &codeWordFamily, &nameFamily, &numberFamily, &gluedFamily}

// digitsSwapped: a CVV's or a code's digits said again in another order,
// one by one, after it on the same channel within 30 s, whatever words
// come between («... 4 1 7 а потом вспомнил что 4 7 1», «[0 8 9]» — «а
// еще какой то 0 9 8»): a correction of digits swapped, the same type;
// not with a unit after it or a trap word before it. Run only when such a
// number was masked.
func (s *scan) digitsSwapped() {
	n := len(s.found)
	any := false
	for k := 0; k < n; k++ {
		if t := typeAt[s.found[k].typ]; t == CVV || t == Code {
			any = true
		}
	}
	if !any {
		return
	}
	for i := 0; i < len(s.toks); {
		j := i
		for j < len(s.toks) && j-i < 7 && s.toks[j].seg == s.toks[i].seg && s.marks[j] == 0 && oneDigit(&s.toks[j]) {
			j++
		}
		// (Not an amount or a count: a unit after it, a trap word right
		// before it: «4 3 2 1 рубль».)
		unit := j < len(s.toks) && s.toks[j].seg == s.toks[i].seg && s.toks[j].has(tUnit) || i > 0 && s.toks[i-1].seg == s.toks[i].seg && s.toks[i-1].has(tTrap)
		if j-i >= 3 && !unit && (j == len(s.toks) || s.toks[j].seg != s.toks[i].seg || !oneDigit(&s.toks[j])) {
			a := s.digitCounts(i, j)
			at := s.t0(&s.toks[i])
			for k := 0; k < n; k++ {
				f := &s.found[k]
				t := typeAt[f.typ]
				if (t == CVV || t == Code) && f.to <= i && f.to-f.from == j-i && at-s.t1(&s.toks[f.to-1]) <= 30 && s.digitCounts(f.from, f.to) == a && a != ([10]int8{}) {
					s.claim(t, f.rule, i, j)
					break
				}
			}
		}
		if j == i {
			j++
		}
		i = j
	}
}

// oneDigit: a token that is one digit, or a word for one.
func oneDigit(t *token) bool {
	return t.kind == nkUnit || t.kind == nkDigits && t.nl == 1
}

// digitCounts counts the digits of tokens [from, to), each one digit or
// a word for one (all zero if one is not).
func (s *scan) digitCounts(from, to int) (c [10]int8) {
	for k := from; k < to; k++ {
		t := &s.toks[k]
		v := -1
		switch {
		case t.kind == nkUnit:
			v = int(lexNumVals[t.ent])
		case t.kind == nkDigits && t.nl == 1:
			v = int(s.norm(k)[0] - '0')
		}
		if v < 0 || v > 9 {
			return [10]int8{}
		}
		c[v]++
	}
	return c
}

// codesWithLetters: a verification code with letters among its digits,
// as some services send them («а 7 к 4 2 ж», «4 а 9 м», «g 4 r 8 1»,
// «джи четыре ар восемь один»), where a code is asked: a run of one-digit
// numbers (a digit or a digit's word) and letters (one letter, or a
// letter's name), two of each at least, a letter between two digits or a
// digit between two letters, after a code's cue in the 10 s before on
// either side. What of it a number rule masked already stays its (a
// code's digits: «р 7 ж [2 9 1]»); a car plate's shape («а 123 вс», «а
// 1 2 3 в с») is no code.
func (s *scan) codesWithLetters() {
	if !s.codeCueAny() {
		return // most calls: no code asked, no token read
	}
	for i := 0; i < len(s.toks); {
		seg := s.toks[i].seg
		j, digits, letters := i, 0, 0
		for ; j < len(s.toks) && s.toks[j].seg == seg; j++ {
			if s.codeDigit(j) {
				digits++
			} else if s.letter(j) || s.letterName(j) {
				letters++
			} else {
				break
			}
		}
		if j == i {
			i++
			continue
		}
		if digits >= 2 && letters >= 2 && (s.interleaved(i, j) || s.lettersAround(i, j)) && !s.plateShape(i, j) && s.codeAskedBefore(i) {
			for k := i; k < j; k++ {
				if s.marks[k] == 0 {
					e := k
					for e < j && s.marks[e] == 0 {
						e++
					}
					s.claim(Code, ruleName(Code, ruleCue), k, e)
					k = e
				}
			}
		}
		i = j
	}
}

// documentLetters: the letters of a foreign passport's series said
// before its digits («эф эй 3 3 0 9 8 1 4», «c 1 9 0 3 3 4 6 2», «а ка 4 4
// 0 9 1 7 3»), or of a code's («юд 4 4 2 9»): the number rules mask the
// digits, and the letters, no number's words, were left. Up to three
// tokens of letters right before a passport or a code masked in the same
// sentence go with it: a letter's name in either alphabet («эй», «ка»,
// «це»), one letter, or two letters the lexicon does not know as a word
// («ab», «ан», «юд»); one Russian letter alone is a word there, not a
// series («и», «в», «у»...). Run only when a passport or a code was
// masked.
func (s *scan) documentLetters() {
	n := len(s.found)
	for f := 0; f < n; f++ {
		fd := &s.found[f]
		if t := typeAt[fd.typ]; t != Passport && t != Code || s.marks[fd.from] != f+1 {
			continue
		}
		seg, k := s.toks[fd.from].seg, fd.from
		for k > 0 && fd.from-k < 3 && s.toks[k-1].seg == seg && s.marks[k-1] == 0 && s.seriesLetter(k-1) {
			k--
		}
		if fd.from-k == 1 && isWord(s.norm(k), "и", "в", "с", "у", "о", "а", "я", "к", "ей") {
			continue
		}
		s.claim(typeAt[fd.typ], fd.rule, k, fd.from)
	}
}

// seriesLetter: token k can be a letter of a document's series: a
// letter's name, one letter, or two letters no word of the lexicon.
func (s *scan) seriesLetter(k int) bool {
	if s.letter(k) || s.letterName(k) {
		return true
	}
	w := s.norm(k)
	if s.toks[k].trig != 0 {
		return false
	}
	if len(w) == 2 {
		return w[0] >= 'a' && w[0] <= 'z' && w[1] >= 'a' && w[1] <= 'z'
	}
	return len(w) == 4 && (w[0] == 0xD0 || w[0] == 0xD1) && (w[2] == 0xD0 || w[2] == 0xD1)
}

// codeCueAny reports whether a code's cue word was said anywhere in the
// call: a cue event of the other side, a cue word of this channel.
func (s *scan) codeCueAny() bool {
	for k := range s.others {
		if s.others[k].cueType() == Code {
			return true
		}
	}
	for _, c := range s.cand {
		if t := &s.toks[c]; t.has(tCue) && t.cue() == Code {
			return true
		}
	}
	return false
}

// codeDigit: token k is one digit, or a word for one («7», «семь»), or a
// number a rule masked as a code's.
func (s *scan) codeDigit(k int) bool {
	t := &s.toks[k]
	return t.kind == nkUnit || t.kind == nkDigits && (t.nl == 1 || s.maskedAs(k, Code))
}

// interleaved reports whether in tokens [from, to) a letter has digits
// on both sides, or a digit letters on both sides.
func (s *scan) interleaved(from, to int) bool {
	for k := from + 1; k+1 < to; k++ {
		d, dl, dr := s.codeDigit(k), s.codeDigit(k-1), s.codeDigit(k+1)
		if d && !dl && !dr || !d && dl && dr {
			return true
		}
	}
	return false
}

// plateShape reports whether tokens [from, to) read as a Russian car
// plate: a letter, three digits, two letters, the region's digits after
// («а 1 2 3 в с 77»).
func (s *scan) plateShape(from, to int) bool {
	if to-from < 6 {
		return false
	}
	return !s.codeDigit(from) && s.codeDigit(from+1) && s.codeDigit(from+2) && s.codeDigit(from+3) && !s.codeDigit(from+4) && !s.codeDigit(from+5)
}

// codeAskedBefore reports whether a verification code's cue was said in
// the 10 s before token i: on this channel (its tokens before it) or by
// the other side (its cue events).
func (s *scan) codeAskedBefore(i int) bool {
	at := s.t0(&s.toks[i])
	if s.otherCueNear(at, func(e *cueEvent) bool { return e.cueType() == Code && !e.coded }) {
		return true
	}
	for j := i - 1; j >= 0 && at-s.t1(&s.toks[j]) <= 10; j-- {
		if t := &s.toks[j]; t.has(tCue) && t.cue() == Code && s.cueAt(j) {
			return true
		}
	}
	return false
}

// codedThing: what a code after «код» in the genitive says is coded,
// other than a person's verification: a school, a kindergarten, a
// company, a bank, a branch, a country, a city, a region, a service, a
// tariff, a product, a currency, an operator.
func codedThing(w string) bool {
	return isWord(w, "школы", "сада", "садика", "организации", "предприятия", "компании", "банка", "филиала", "отделения", "страны", "города", "района", "услуги", "тарифа", "валюты", "оператора", "специальности", "профессии", "вуза")
}

// codedThingAdj: an adjective before «код» that says what is coded
// («тарифный код», «почтовый код», «школьный код»).
func codedThingAdj(w string) bool {
	return isWord(w, "тарифный", "тарифного", "почтовый", "почтового", "школьный", "школьного", "налоговый", "налогового", "бюджетный", "бюджетного", "региональный", "регионального", "товарный", "товарного")
}

// issuedBefore reports whether the word «код» at i names a passport
// office's code: an issuing authority («отделом мвд», «уфмс», «овд»)
// among the eight words before it in its sentence, or «выдан» there
// after a passport's cue («серия ... номер ... выдан 21 03 2016 код 500
// 034»). Not «карта выдана вчера код из смс»: no passport, no authority.
func (s *scan) issuedBefore(i int) bool {
	if s.norm(i) != "код" {
		return false
	}
	seg, issued := s.toks[i].seg, false
	for k := i - 1; k >= 0 && k >= i-20 && s.toks[k].seg == seg; k-- {
		w := s.norm(k)
		if k >= i-8 && isWord(w, "отделом", "отделением", "уфмс", "фмс", "мвд", "овд", "гувд", "увд") {
			return true
		}
		if k >= i-8 && isWord(w, "выдан", "выдано") {
			issued = true
		}
		if issued && s.toks[k].has(tCue) && s.toks[k].cue() == Passport {
			return true
		}
	}
	return false
}

// detectHook lets a test break a rule (fail-closed tests).
var detectHook func(*scan)

// resolve drops the claims of types the Redactor does not mask. The
// tokens stay claimed, so that a weaker rule does not mask them instead.
func (s *scan) resolve(r *Redactor) {
	for i := range s.found {
		if !r.on[s.found[i].typ] {
			s.found[i].rule = ruleDropped
		}
	}
}

// stretches is how many spans apply will make: one per masked stretch.
func (s *scan) stretches() int {
	n, last := 0, -1
	for _, id := range s.marks {
		if id != last && id != 0 && s.found[id-1].rule != ruleDropped {
			n++
		}
		last = id
	}
	return n
}

// apply masks the claimed tokens in the channel's segments (a copy the
// caller has made when the channel has something masked) and returns the
// spans; the masked texts of segments without word times are written to
// txt, for txt.set.
func (s *scan) apply(ci int, ch *schemas.TranscriptChannel, spans []Span, txt *maskedTexts) []Span {
	n := len(spans)
	last := -1
	for i := 0; i < len(s.toks); i++ {
		id := s.marks[i]
		if id == 0 || s.found[id-1].rule == ruleDropped {
			last = -1
			continue
		}
		f := &s.found[id-1]
		t := &s.toks[i]
		if id == last && len(spans) > n {
			sp := &spans[len(spans)-1]
			sp.End = max(sp.End, s.t1(t))
			sp.Words++
			continue
		}
		last = id
		spans = append(spans, Span{})
		sp := &spans[len(spans)-1]
		sp.Type, sp.Channel, sp.Role, sp.Rule = typeAt[f.typ], ci, ch.Role, ruleText[f.rule]
		sp.Start, sp.End, sp.Segment, sp.Words = s.t0(t), s.t1(t), int(t.seg), 1
	}
	if len(spans) == n {
		return spans
	}
	// Rewrite the segments that have masked tokens.
	for _, r := range s.segs {
		for i := r.from; i < r.to; i++ {
			if id := s.marks[i]; id != 0 && s.found[id-1].rule != ruleDropped {
				if seg := &ch.Segments[r.k]; len(seg.Words) == 0 {
					from := len(txt.b)
					s.appendMasked(&txt.b, seg.Text, r.from, r.to)
					txt.at = append(txt.at, textAt{ci, r.k, from, len(txt.b)})
				} else {
					s.rewrite(seg, r.from, r.to)
				}
				break
			}
		}
	}
	return spans
}

// maskedTexts holds the masked texts of segments without word times, one
// after another, until set makes them one string (one allocation a call).
type maskedTexts struct {
	b  []byte
	at []textAt
}

// textAt is where segment seg of channel ch has its masked text: b[from:to].
type textAt struct{ ch, seg, from, to int }

func (t *maskedTexts) reset() {
	if cap(t.b) > 64<<10 {
		t.b = nil
	}
	t.b, t.at = t.b[:0], t.at[:0]
}

// set gives the segments of chs their masked texts.
func (t *maskedTexts) set(chs []schemas.TranscriptChannel) {
	if len(t.at) == 0 {
		return
	}
	all := string(t.b)
	for _, a := range t.at {
		chs[a.ch].Segments[a.seg].Text = all[a.from:a.to]
	}
}

func (s *scan) maskOf(i int) (Type, int) {
	id := s.marks[i]
	if id == 0 || s.found[id-1].rule == ruleDropped {
		return "", 0
	}
	return typeAt[s.found[id-1].typ], id
}

// maskIndex is maskOf with the type's typeIndex (its mask is masks[ti]);
// id is 0 for a token left as it is.
func (s *scan) maskIndex(i int) (ti uint8, id int) {
	id = s.marks[i]
	if id == 0 || s.found[id-1].rule == ruleDropped {
		return 0, 0
	}
	return s.found[id-1].typ, id
}

// rewrite masks tokens [from, to) of one segment: a masked word's text
// becomes its mask (times kept); the segment's text gets one mask per
// masked stretch. When the words and the text do not tokenize alike, the
// text is rebuilt from the masked words: it loses punctuation, never a mask.
func (s *scan) rewrite(seg *schemas.Segment, from, to int) {
	if len(seg.Words) == 0 {
		seg.Text = s.maskText(seg.Text, from, to)
		return
	}
	words := make([]schemas.Word, len(seg.Words))
	copy(words, seg.Words)
	for i := from; i < to; i++ {
		if typ, _ := s.maskOf(i); typ != "" {
			words[s.toks[i].word].W = masks[typeIndex(typ)]
		}
	}
	seg.Words = words
	// Do the text's tokens line up with the words' ones?
	s.tbuf = text.AppendTokens(s.tbuf[:0], seg.Text)
	tt := s.tbuf
	defer clear(tt) // their Norms point into the text
	aligned := len(tt) == to-from
	for j := 0; aligned && j < len(tt); j++ {
		aligned = tt[j].Norm == s.norm(from+j)
	}
	if !aligned {
		parts := make([]string, 0, len(words))
		prev := ""
		for _, w := range words {
			if IsMask(w.W) && w.W == prev {
				continue
			}
			parts = append(parts, w.W)
			prev = w.W
		}
		seg.Text = strings.Join(parts, " ")
		return
	}
	// Same tokens: mask the text by the text tokens' offsets.
	s.saved = append(s.saved[:0], s.toks[from:to]...)
	saved := s.saved
	for j := range tt {
		s.toks[from+j].off, s.toks[from+j].end = int32(tt[j].Start), int32(tt[j].End)
	}
	seg.Text = s.maskText(seg.Text, from, to)
	copy(s.toks[from:to], saved)
}

// maskText replaces each stretch of masked text tokens [from, to) of one
// segment with its mask.
func (s *scan) maskText(src string, from, to int) string {
	b := make([]byte, 0, len(src)+16)
	s.appendMasked(&b, src, from, to)
	return string(b)
}

// appendMasked appends to *b src with each stretch of masked text tokens
// [from, to) of its segment replaced with its mask (in place: *b is not
// written back whole, a write barrier while the collector runs).
func (s *scan) appendMasked(b *[]byte, src string, from, to int) {
	pos := 0
	for i := from; i < to; {
		ti, id := s.maskIndex(i)
		if id == 0 {
			i++
			continue
		}
		j := i + 1
		for j < to {
			if _, id2 := s.maskIndex(j); id2 != id {
				break
			}
			j++
		}
		start, end := int(s.toks[i].off), int(s.toks[j-1].end)
		// A leading «+» (+7) and a trailing sign go with the number.
		if start > 0 && src[start-1] == '+' {
			start--
		}
		if start < pos {
			start = pos
		}
		*b = append(*b, src[pos:start]...)
		*b = append(*b, masks[ti]...)
		pos = end
		i = j
	}
	*b = append(*b, src[pos:]...)
}
