// Package redact finds personal data in transcripts and masks it: phone
// numbers, bank cards, CVV and one-time codes, passports, SNILS, INN, bank
// accounts, e-mail addresses, dates of birth, street addresses and the
// client's name when they introduce themselves, in Russian and English, as
// speech recognizers write them: lower case, numbers as digits, as words or
// both («восемь девятьсот шестнадцать 123 45 67»), with repetitions and
// self-corrections.
//
// It is pure (no I/O) and keeps the shape of a transcript: every word keeps
// its times, a masked word's text becomes its typed mask («[phone]»), and a
// segment's text has one mask where the span was. What was masked is
// reported as Spans (type, channel, times and the rule that fired, never
// the value).
//
// What it leaves alone matters as much: prices and amounts, tariffs with
// numbers, dates and times of payments and appointments, counts, ticket and
// order numbers, speeds, percentages, the operator's own name, company and
// city names (docs/privacy.md lists the rules).
//
// It fails closed: when a rule breaks on a transcript it did not expect,
// every number of the channel is masked and the error is returned for the
// log; the transcript is never returned less masked than the rules say.
package redact

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unsafe"

	"github.com/callscope/callscope/schemas"
)

// Type is a kind of personal data.
type Type string

// The types of personal data, in the order they take precedence when two
// rules claim the same words.
const (
	Card      Type = "card"      // bank card number, 13-19 digits, Luhn; or its last digits
	CVV       Type = "cvv"       // card security code after its cue words
	Code      Type = "code"      // SMS / verification / one-time code after its cue words
	Account   Type = "account"   // 20-digit bank account
	SNILS     Type = "snils"     // 11 digits with the SNILS checksum
	INN       Type = "inn"       // 10 or 12 digits with the INN checksum
	Passport  Type = "passport"  // passport series and number (and the US SSN)
	Phone     Type = "phone"     // mobile and landline numbers
	Email     Type = "email"     // written or spelled out («собака», «точка»)
	Birthdate Type = "birthdate" // a date said as a date of birth
	Address   Type = "address"   // street, house, flat
	Name      Type = "name"      // the client's name when they introduce themselves
	// Number is a digit run of identifier length that no rule could type
	// (no cue, no checksum): masked because failing closed is the rule.
	Number Type = "number"
)

// Types lists every type, in precedence order.
func Types() []Type {
	all := typeAt // a copy: the caller may change it
	return all[:]
}

// typeAt is every type, by typeIndex.
var typeAt = [numTypes]Type{Card, CVV, Code, Account, SNILS, INN, Passport, Phone, Email, Birthdate, Address, Name, Number}

// ErrUnknownType is returned by ParseTypes for a name that is not a Type.
var ErrUnknownType = errors.New("redact: unknown type")

// ParseTypes reads a comma-separated list of type names («phone,card»);
// "all" or "" is every type.
func ParseTypes(s string) ([]Type, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "all" {
		return Types(), nil
	}
	var out []Type
	for _, f := range strings.Split(s, ",") {
		t := Type(strings.TrimSpace(strings.ToLower(f)))
		if !slices.Contains(Types(), t) {
			return nil, fmt.Errorf("%w %q (known: %s)", ErrUnknownType, f, typeNames())
		}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out, nil
}

func typeNames() string {
	var b []string
	for _, t := range Types() {
		b = append(b, string(t))
	}
	return strings.Join(b, ", ")
}

// Mask is the text that replaces a span of type t: «[phone]».
func Mask(t Type) string {
	if i := typeIndex(t); i >= 0 {
		return masks[i]
	}
	return "[" + string(t) + "]"
}

// masks are the types' masks, in Types order, made once.
var masks = func() (m [numTypes]string) {
	for i, t := range Types() {
		m[i] = "[" + string(t) + "]"
	}
	return m
}()

// IsMask reports whether w is a mask this package writes.
func IsMask(w string) bool {
	if len(w) < 3 || w[0] != '[' || w[len(w)-1] != ']' {
		return false
	}
	return slices.Contains(Types(), Type(w[1:len(w)-1]))
}

// Span is one masked stretch: what kind, where, and why. It never holds the
// value.
type Span struct {
	Type Type `json:"type"`
	// Channel is the index of the transcript channel, Role its role.
	Channel int    `json:"channel"`
	Role    string `json:"role"`
	// Start and End are seconds from the start of the recording: the
	// words' times, or an estimate from the segment's when it has none.
	Start float64 `json:"start"`
	End   float64 `json:"end"`
	// Rule names the rule that fired («phone/format», «cvv/cue»).
	Rule string `json:"rule"`
	// Segment is the index of the segment the span starts in; Words is
	// how many words (or text tokens) it masks.
	Segment int `json:"segment"`
	Words   int `json:"words"`
}

// Config chooses what is redacted.
type Config struct {
	// Types to mask; nil or empty masks every type.
	Types []Type
}

// Redactor masks personal data. It is safe for concurrent use.
type Redactor struct {
	on [numTypes]bool
	// types are the names of the types on, in Types order (the first
	// ntypes), for Apply's record.
	types  [numTypes]string
	ntypes int
}

// record is Apply's record of a call with the array of its types'
// names, allocated together.
type record struct {
	info  schemas.PIIRedaction
	types [numTypes]string
}

// setTypes fills r.types from r.on.
func (r *Redactor) setTypes() {
	r.ntypes = 0
	for i, t := range typeAt {
		if r.on[i] {
			r.types[r.ntypes] = string(t)
			r.ntypes++
		}
	}
}

const numTypes = 13

// typeIndex is t's index in Types, or -1.
func typeIndex(t Type) int {
	switch t {
	case Card:
		return 0
	case CVV:
		return 1
	case Code:
		return 2
	case Account:
		return 3
	case SNILS:
		return 4
	case INN:
		return 5
	case Passport:
		return 6
	case Phone:
		return 7
	case Email:
		return 8
	case Birthdate:
		return 9
	case Address:
		return 10
	case Name:
		return 11
	case Number:
		return 12
	}
	return -1
}

// New returns a Redactor for cfg.
func New(cfg Config) (*Redactor, error) {
	r := &Redactor{}
	if len(cfg.Types) == 0 {
		for i := range r.on {
			r.on[i] = true
		}
		r.setTypes()
		return r, nil
	}
	for _, t := range cfg.Types {
		i := typeIndex(t)
		if i < 0 {
			return nil, fmt.Errorf("%w %q (known: %s)", ErrUnknownType, t, typeNames())
		}
		r.on[i] = true
	}
	r.setTypes()
	return r, nil
}

// Enabled reports whether the Redactor masks t.
func (r *Redactor) Enabled(t Type) bool {
	i := typeIndex(t)
	return i >= 0 && r.on[i]
}

// Transcript returns a copy of tr with personal data masked, the spans it
// masked in order of channel and time, and an error when a rule failed on
// a channel: that channel was then masked wholesale (every number and
// every cue word), so the copy is safe to store either way; the error is
// for the log. The copy shares tr's channels until something is masked:
// then its channels, and the segments of each channel with a mask, are
// new (the caller's are left as they are).
//
// The common path, a call that dictates nothing, is this function's
// straight line: mark the segments the prefilter passes (markSegments),
// load them (scan.load), run the rules (detect). Whatever only some calls
// need (a question's answers on the other side, a mixed channel's own
// questions, the echoes of a claim, masking) is a function of its own
// below, called past a test: the analyze stage empties the caches between
// two calls, so every line of code a call reads is read from memory, and a
// rare path written inline here is read by every call that jumps over it.
func (r *Redactor) Transcript(tr schemas.Transcript) (schemas.Transcript, []Span, error) {
	spans, _, err := r.redact(&tr, false)
	return tr, spans, err
}

// redact is Transcript on *tr, its caller's copy, masked in place: its
// channels are replaced by a copy when something is masked. (A
// transcript is some 150 bytes: Transcript and Apply copied it in and out
// of here, some 10 code lines a call.)
//
// With rec, it also returns a record for Apply (nil when the call
// failed), taken from the call's scratch (callScratch.record).
func (r *Redactor) redact(tr *schemas.Transcript, rec bool) (spans []Span, out *record, err error) {
	return r.redactOnce(tr, rec, false)
}

// redactOnce is redact; again: a call redacted again with no sentence
// ruled out (numSkip).
func (r *Redactor) redactOnce(tr *schemas.Transcript, rec, again bool) (spans []Span, out *record, err error) {
	given := tr.Channels
	defer func() {
		// A failure outside the per-channel guard: mask every channel.
		if p := recover(); p != nil {
			tr.Channels = given
			*tr, spans = r.failAll(*tr)
			err = fmt.Errorf("redact: %v", p)
		}
	}()
	// Only the segments that may hold personal data are tokenized, with
	// the segment before each (its cue words: «номер карты», a pause, the
	// digits) and the other side's talk before it.
	cs := getCallScratch(tr.Channels)
	cs.nums.off = again
	cs.english = tr.Language == "en" // (greetsOut's: Russian greetings)
	cs.markSegments(tr.Channels)
	scans := cs.scans
	questions := false
	for ci, want := range cs.wants {
		if want == nil {
			continue
		}
		s := cs.scan(tr.Language, tr.Channels[ci].Role)
		s.load(tr.Channels[ci].Segments, want, nil)
		scans[ci] = s
		questions = questions || s.asks()
	}
	if questions {
		cs.loadAnswers(tr)
	}
	if len(scans) > 1 || len(scans) == 1 && tr.Channels[0].Role == schemas.RoleMixed {
		shareCues(tr.Channels, scans)
	}
	// The rules run on every channel before any is masked, so that the
	// whole call's output is allocated at once (applyAll).
	var failed uint64 // the channels whose rules broke, a bit each (up to 64)
	var errs []error
	for ci, s := range scans {
		if s != nil {
			if e := r.detect(s); e != nil {
				errs = append(errs, channelError(ci, tr.Channels[ci].Role, e))
				failed |= 1 << (ci & 63)
			}
		}
	}
	// Sentences ruled out stand only on a call where nothing is claimed
	// (numSkip): any other is redacted again with none ruled out.
	if cs.nums.skipped && (errs != nil || anyClaim(scans)) {
		cs.release()
		return r.redactOnce(tr, rec, true)
	}
	// With no claim anywhere there is nothing to echo, no name to look
	// for again and nothing to mask: a call that dictates nothing ends
	// here. TestGatesSame holds the outputs to the ungated ones.
	if ungated || anyClaim(scans) {
		tr.Channels, spans, errs = r.claimed(cs, tr, failed, errs)
	}
	if rec {
		out = cs.record()
	}
	cs.release()
	if len(errs) > 0 {
		err = errors.Join(errs...)
	}
	return spans, out, err
}

// asks reports whether a cue of the scan asks the other side for what a
// rule masks in the answer: a name, a date of birth, an e-mail, a field
// of an address, a code word (loadAnswers reads the answers).
func (s *scan) asks() bool {
	for i := range s.cues {
		if e := &s.cues[i]; e.name || e.dob || e.mail || e.field != 0 || e.codeWord {
			return true
		}
	}
	return false
}

// channelError is the error of channel ci's rules.
func channelError(ci int, role string, e error) error {
	return fmt.Errorf("redact: channel %d (%s): %w", ci, role, e)
}

// loadAnswers reads the answers to the questions the scans' cues ask.
// The answer to «как вас зовут?» has no trigger word («олег олегович»):
// after such a question the other channels are read too, as far as an
// answer can be (answers: a segment starting within 10 s of the question;
// the date of birth likewise), with the context the prefilter gives any
// segment (the segment before it, the other side's talk in the 10 s
// before).
func (cs *callScratch) loadAnswers(tr *schemas.Transcript) {
	scans, wants := cs.scans, cs.wants
	answerWindows(tr.Channels, scans, cs)
	for ci := range tr.Channels {
		old := scans[ci]
		if old != nil && count(wants[ci]) == len(old.segs) {
			continue // no segment to add: the scan stands
		}
		scans[ci] = nil
		if wants[ci] != nil {
			scans[ci] = cs.scan(tr.Language, tr.Channels[ci].Role)
			scans[ci].load(tr.Channels[ci].Segments, wants[ci], old)
		}
		cs.put(old)
	}
}

// shareCues gives each scan the cues of the other channels (others,
// othersSpoke); a mixed channel is both sides: its own earlier cues are
// questions its later segments may answer.
func shareCues(chs []schemas.TranscriptChannel, scans []*scan) {
	for ci, s := range scans {
		if s != nil && chs[ci].Role == schemas.RoleMixed {
			for _, e := range s.cues {
				e.own = true
				s.others = append(s.others, e)
			}
		}
	}
	if len(scans) < 2 {
		return
	}
	for ci, s := range scans {
		if s == nil {
			continue
		}
		for cj, o := range scans {
			if cj != ci && o != nil {
				s.others = appendCues(s.others, o.cues)
				s.othersSpoke = appendCues(s.othersSpoke, o.spoke)
			}
		}
	}
}

// appendCues is append(dst, src...), written once: inlined, each of
// shareCues' appends was some four code lines (callgrind,
// BenchmarkColdCalls/plain).
//
//go:noinline
func appendCues(dst, src []cueEvent) []cueEvent { return append(dst, src...) }

// claimed is Transcript past the rules on a call where a rule claimed
// something: a masked name said again in a sentence the prefilter
// skipped, the echoes, and the masking. It returns the output's channels,
// the spans and the errors (errs and those of the rules it runs).
func (r *Redactor) claimed(cs *callScratch, tr *schemas.Transcript, failed uint64, errs []error) ([]schemas.TranscriptChannel, []Span, []error) {
	scans, wants := cs.scans, cs.wants
	// A masked name said again in a sentence the prefilter skipped
	// («меня зовут анна соловьева» — «хорошо соловьева»): such sentences
	// are read too, and their channel's rules run again, so that the
	// echoes below find the name there. Only on a call with a name masked
	// and said again with no trigger word near it.
	// (Only when a rule claimed something: with no claim there is no
	// name to look for.)
	claimed := anyClaim(scans)
	var added uint64
	if claimed {
		added = cs.markNameRepeats(tr.Channels, scans)
	}
	if added != 0 {
		for ci := range scans {
			old := scans[ci]
			if added&(1<<(ci&63)) == 0 || failed&(1<<(ci&63)) != 0 {
				continue
			}
			s := cs.scan(tr.Language, tr.Channels[ci].Role)
			s.load(tr.Channels[ci].Segments, wants[ci], old)
			if old != nil {
				s.others = append(s.others, old.others...)
				s.othersSpoke = append(s.othersSpoke, old.othersSpoke...)
			}
			scans[ci] = s
			cs.put(old)
			if e := r.detect(s); e != nil {
				errs = append(errs, channelError(ci, tr.Channels[ci].Role, e))
			}
		}
	}
	// What one side says back of what any side had masked (echo.go):
	// only when a rule claimed something on some channel. With no claim
	// anywhere the echoes have no word and no number to look for, and the
	// operator's names they read first (operatorNames) serve only to
	// unmask or leave a claimed name: they claim and drop nothing.
	if ungated || claimed && anyClaim(scans) {
		var ops opNameCache
		for ci, s := range scans {
			if s == nil {
				continue
			}
			if e := r.echo(s, scans, &ops); e != nil {
				errs = append(errs, channelError(ci, tr.Channels[ci].Role, e))
			}
		}
	}
	if !claimed {
		return tr.Channels, nil, errs // (no claim: no stretch)
	}
	// The whole call's output is allocated at once: its channels, its
	// spans, the new segments of the channels with something masked (the
	// caller's are left as they are), and their masked texts, each one
	// array for all channels instead of one per channel (a call that
	// dictates has something masked on both sides).
	stretches, nsegs := 0, 0
	for ci, s := range scans {
		if s == nil {
			continue
		}
		if s.nstretch = s.stretches(); s.nstretch > 0 {
			stretches += s.nstretch
			nsegs += len(tr.Channels[ci].Segments)
		}
	}
	if stretches == 0 {
		return tr.Channels, nil, errs
	}
	chs := make([]schemas.TranscriptChannel, len(tr.Channels))
	copy(chs, tr.Channels)
	spans := make([]Span, 0, stretches)
	segs := make([]schemas.Segment, nsegs)
	txt := &cs.texts
	txt.reset()
	for ci, s := range scans {
		if s == nil || s.nstretch == 0 {
			continue
		}
		ch := &chs[ci]
		n := copy(segs, ch.Segments)
		ch.Segments, segs = segs[:n:n], segs[n:]
		spans = s.apply(ci, ch, spans, txt)
	}
	txt.set(chs)
	return chs, spans, errs
}

// markNameRepeats marks the segments no channel reads that say a word of
// a name masked on any channel (the word as masked, or its stem:
// nameStem), and returns the channels it marked segments on, a bit each.
func (cs *callScratch) markNameRepeats(chs []schemas.TranscriptChannel, scans []*scan) uint64 {
	var buf [16]string
	stems := buf[:0]
	for _, o := range scans {
		if o == nil {
			continue
		}
		for k := range o.found {
			f := &o.found[k]
			if typeAt[f.typ] != Name || f.rule == ruleDropped {
				continue
			}
			for i := f.from; i < f.to && len(stems) < len(buf); i++ {
				if w := o.norm(i); o.marks[i] == k+1 && o.echoWord(i) && len(w) >= 8 {
					if st := nameStem(w); st != "" {
						w = st
					}
					if !slices.Contains(stems, w) {
						stems = append(stems, w)
					}
				}
			}
		}
	}
	if len(stems) == 0 {
		return 0
	}
	var added uint64
	var fold [64]byte
	// (A stem starts with its word's first letter: a word whose first
	// letter, folded, starts no stem is passed without folding it whole,
	// as almost every word of a long call is.)
	var firsts [16][2]byte
	var firstBits [2]uint64 // the stems' first two bytes by cyrillicFirstKey
	for i, st := range stems {
		firsts[i] = [2]byte{st[0], st[1]}
		k := cyrillicFirstKey(st[0], st[1])
		firstBits[k>>6] |= 1 << (k & 63)
	}
	says := func(w string) bool {
		if len(w) < 8 {
			return false // (trimming makes it no longer)
		}
		w = trimNonLetters(w)
		if len(w) < 8 || len(w) > len(fold) {
			return false
		}
		if f, ok := foldedFirst(w); ok && !slices.Contains(firsts[:len(stems)], f) {
			return false
		}
		b := appendFold(fold[:0], w)
		// (Read in place: the word is no longer kept than this call.)
		f := unsafe.String(unsafe.SliceData(b), len(b))
		if st := nameStem(f); st != "" {
			f = st
		}
		return slices.Contains(stems, f)
	}
	for ci := range chs {
		if ci >= len(scans) || scans[ci] == nil && cs.wants[ci] != nil {
			continue
		}
		segs := chs[ci].Segments
		for k := range segs {
			if w := cs.wants[ci]; w != nil && w[k] {
				continue
			}
			hit := false
			if len(segs[k].Words) > 0 {
				for _, x := range segs[k].Words {
					// A word of a Cyrillic letter first (its ends trimmed,
					// it starts so still) whose first letter, folded, is
					// no stem's: passed here, with no call (nearly every
					// word of a long call). Any other goes to says.
					if w := x.W; len(w) < 8 || w[0]|1 == 0xD1 && w[1]&0xC0 == 0x80 && !firstMay(w[0], w[1], &firstBits) {
						continue
					}
					if hit = says(x.W); hit {
						break
					}
				}
			} else {
				for t := segs[k].Text; t != "" && !hit; {
					t = strings.TrimLeftFunc(t, unicode.IsSpace)
					end := strings.IndexFunc(t, unicode.IsSpace)
					if end < 0 {
						end = len(t)
					}
					if end > 0 {
						hit = says(t[:end])
					}
					t = t[end:]
				}
			}
			if hit {
				cs.mark(ci, k)
				added |= 1 << (ci & 63)
			}
		}
	}
	return added
}

// trimNonLetters is w without the ASCII characters other than Latin
// letters at its ends: strings.TrimFunc with that predicate, by bytes (a
// byte from 0x80 on, whether it starts a rune or not, ends the trimming
// there as the rune TrimFunc decodes from it does), without a call a
// rune; markNameRepeats reads every word of a long call's skipped talk.
func trimNonLetters(w string) string {
	i, j := 0, len(w)
	for i < j && nonLetterASCII(w[i]) {
		i++
	}
	for j > i && nonLetterASCII(w[j-1]) {
		j--
	}
	return w[i:j]
}

// nonLetterASCII reports whether c is an ASCII character but a Latin
// letter.
func nonLetterASCII(c byte) bool {
	return c < 0x80 && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z')
}

// cyrillicFirstKey indexes the two bytes of a Cyrillic letter (D0 or D1,
// then 80..BF) in 0..127; other pairs share those indexes (a test that
// reads it may say yes for nothing, never no for a pair it has).
func cyrillicFirstKey(c, c2 byte) uint8 { return (c&1)<<6 | c2&63 }

// foldedFirstKeys holds, by cyrillicFirstKey, the key of a Cyrillic
// letter's pair folded as foldedFirst folds it, or 0xFF where foldedFirst
// takes no such pair.
var foldedFirstKeys = func() (t [128]uint8) {
	for i := range t {
		c, c2 := 0xD0|byte(i>>6), 0x80|byte(i&63)
		t[i] = 0xFF
		if f, ok := foldedFirst(string([]byte{c, c2})); ok {
			t[i] = cyrillicFirstKey(f[0], f[1])
		}
	}
	return t
}()

// firstMay reports whether the word starting with the Cyrillic letter c,
// c2 may start, folded, with a stem whose first bytes' keys are in bits:
// false only when foldedFirst folds that letter and its key is not there.
func firstMay(c, c2 byte, bits *[2]uint64) bool {
	k := foldedFirstKeys[cyrillicFirstKey(c, c2)]
	return k == 0xFF || bits[k>>6]>>(k&63)&1 != 0
}

// foldedFirst is the first two bytes of w folded as appendFold folds
// them, for a word starting with a Latin letter and a second byte (the
// stems are 8 bytes or more) or a Russian letter; ok is false for any
// other start, which appendFold may hand to text.AppendFold.
func foldedFirst(w string) (f [2]byte, ok bool) {
	c, c2 := w[0], w[1]
	switch {
	case c < 0x80:
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c2 >= 0x80 {
			return f, false
		}
		if 'A' <= c2 && c2 <= 'Z' {
			c2 += 'a' - 'A'
		}
		return [2]byte{c, c2}, true
	case c == 0xD0 && 0x90 <= c2 && c2 <= 0x9F: // А..П
		return [2]byte{0xD0, c2 + 0x20}, true
	case c == 0xD0 && 0xA0 <= c2 && c2 <= 0xAF: // Р..Я
		return [2]byte{0xD1, c2 - 0x20}, true
	case c == 0xD0 && c2 == 0x81 || c == 0xD1 && c2 == 0x91: // Ё, ё
		return [2]byte{0xD0, 0xB5}, true
	case c == 0xD0 && c2 >= 0xB0 || c == 0xD1 && c2 <= 0x9F:
		return [2]byte{c, c2}, true
	}
	return f, false
}

// anyClaim reports whether a rule claimed something on any of the
// scans: a stretch of tokens (found, dropped claims included) or a number
// (nclaims).
func anyClaim(scans []*scan) bool {
	for _, s := range scans {
		if s != nil && (len(s.found) > 0 || len(s.nclaims) > 0) {
			return true
		}
	}
	return false
}

// ungated, set by a test (TestGatesSame), runs every rule the gates
// skip (the echoes of a call where nothing was claimed, a family's rules
// that need a claim or a word besides the family's: familyRule), so that
// the outputs with and without the gates can be compared.
var ungated bool

// count is how many of b are true.
func count(b []bool) int {
	n := 0
	for _, x := range b {
		if x {
			n++
		}
	}
	return n
}

// failAll masks every number and cue word of every channel.
func (r *Redactor) failAll(tr schemas.Transcript) (schemas.Transcript, []Span) {
	out := tr
	out.Channels = make([]schemas.TranscriptChannel, len(tr.Channels))
	var spans []Span
	for ci, ch := range tr.Channels {
		c := ch
		c.Segments = slices.Clone(ch.Segments)
		s := newScan(tr.Language, ch.Role)
		for k := range c.Segments {
			c.Segments[k].Words = slices.Clone(c.Segments[k].Words)
		}
		s.load(c.Segments, nil, nil)
		out.Channels[ci] = c
		spans = r.failClosed(ci, out.Channels, s, spans)
	}
	return out, spans
}

// Text masks one piece of text said by role in lang and returns it with
// the spans (times are 0: plain text has none).
func (r *Redactor) Text(lang, role, s string) (string, []Span, error) {
	tr := schemas.Transcript{Language: lang, Channels: []schemas.TranscriptChannel{{Role: role, Segments: []schemas.Segment{{Text: s}}}}}
	out, spans, err := r.Transcript(tr)
	return out.Channels[0].Segments[0].Text, spans, err
}

// detect runs the rules on one channel's scan and drops the claims of
// the types r does not mask. When a rule breaks, the channel's claims are
// those of failing closed (every number and cue word), and the error says
// why.
func (r *Redactor) detect(st *scan) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("rule panicked: %v", p)
			st.failMarks()
		}
	}()
	st.detect()
	st.resolve(r)
	return nil
}

// echo runs the echoes of st against the call's scans and drops the
// claims of the types r does not mask; when it breaks, the channel is
// masked closed, as detect.
func (r *Redactor) echo(st *scan, all []*scan, ops *opNameCache) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("echo rule panicked: %v", p)
			st.failMarks()
		}
	}()
	if !ops.done {
		operatorNames(all, ops)
	}
	st.echoes(all, ops.names[:ops.n])
	st.nameEchoes(all, ops.names[:ops.n])
	st.birthShapes(all) // (once the names are masked: birthshapes.go)
	st.phoneSplitEchoes(all)
	st.resolve(r)
	return nil
}

// failClosed masks every number token and every cue word of channel ci
// of chs (its segments a copy the caller owns) and appends the spans to
// spans.
func (r *Redactor) failClosed(ci int, chs []schemas.TranscriptChannel, st *scan, spans []Span) []Span {
	st.failMarks()
	var txt maskedTexts
	spans = st.apply(ci, &chs[ci], spans, &txt)
	txt.set(chs)
	return spans
}

// failMarks replaces the scan's claims with failing closed's: every
// number token and every cue word.
func (st *scan) failMarks() {
	st.marks = make([]int, len(st.toks))
	st.found, st.claimedTypes = st.found[:0], 0
	for i := range st.toks {
		if st.toks[i].has(tNum|tCue|tAt|tNameCue|tStreet|tHouse|tBirth) || hasDigit(st.norm(i)) {
			st.found = append(st.found, found{typ: uint8(typeIndex(Number)), rule: ruleFailClosed, from: i, to: i + 1})
			st.claimedTypes |= typesOf(Number)
			st.marks[i] = len(st.found)
		}
	}
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// On lists the types the Redactor masks.
func (r *Redactor) On() []Type {
	var out []Type
	for i, t := range Types() {
		if r.on[i] {
			out = append(out, t)
		}
	}
	return out
}

// Apply redacts tr and records what it masked in the copy's PII field.
// The error (a rule failed; that channel was masked closed) is recorded
// there too and returned for the log; the copy is safe to store either way.
func (r *Redactor) Apply(tr schemas.Transcript) (schemas.Transcript, error) {
	spans, rec, err := r.redact(&tr, true) // (tr is Apply's copy: masked in place)
	// The types and the spans each made at their size, once: grown one
	// append at a time (thirteen types, a call's spans), they cost more
	// than a seventh of the redaction of a call that dictates (warm, the
	// two PII calls: Apply 1.1 µs a call more than Transcript, 0.3 now).
	// The record and its list of types are one piece of memory, the list
	// copied from the one New made: a call with nothing masked made
	// two allocations, and they were a tenth of its redaction
	// (five_minute, in turns with Transcript in one process). The record
	// comes from a slab (callScratch.record): a call that masks nothing
	// then allocates nothing, and runs none of the allocator's code.
	if rec == nil {
		rec = new(record) // (the call failed: its scratch was not released)
	}
	rec.types = r.types
	info := &rec.info
	info.Spans = noSpans[:] // (empty, not nil: "spans": [] in JSON)
	if len(spans) > 0 {
		info.Spans = make([]schemas.PIISpan, len(spans))
	}
	if r.ntypes > 0 {
		info.Types = rec.types[:r.ntypes:r.ntypes]
	}
	for i := range spans {
		s := &spans[i]
		info.Spans[i] = schemas.PIISpan{Type: string(s.Type), Channel: s.Channel, Role: s.Role,
			Start: round3(s.Start), End: round3(s.End), Rule: s.Rule}
	}
	if err != nil {
		info.Error = err.Error()
	}
	tr.PII = info
	return tr, err
}

// noSpans is the array of a call's spans when it masked nothing: no
// allocation (a zero-size array; its slice is empty and not nil).
var noSpans [0]schemas.PIISpan

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }

// answerWindows widens wants by the segments that may answer a question
// for the name or the date of birth asked on another channel (or on a
// mixed channel, on its own): those starting from 1.5 s before the
// question to 11 s after it (answers looks 0.5 s and 10 s either side of
// a segment's first word), each with the segment before it; then, for
// every segment wanted, the other channels' segments ending in the 10 s
// before it, whose cues it may answer.
func answerWindows(chs []schemas.TranscriptChannel, scans []*scan, cs *callScratch) {
	wants := cs.wants
	type question struct {
		ch      int
		at, far float64 // when it was asked; how long its answers are read
		both    bool    // its own side's sentences after it too
	}
	// On the stack: a call asks a few questions (a slice grown from nil
	// was an allocation a call).
	var qbuf [16]question
	qs := qbuf[:0]
	for ci, s := range scans {
		if s == nil {
			continue
		}
		for _, e := range s.cues {
			if e.name || e.dob || e.mail || e.field != 0 || e.codeWord {
				// An e-mail is spelled, read back and corrected on both
				// sides for a while («через в или через ф»): its answer
				// windows are 25 s on both sides. (A date of birth's are
				// 11 s: 25 s loaded many sentences of every call that
				// asks for one, for the rare answer with no cardinal
				// number in it, «третье сентября».)
				far := 11.0 // (an address's field: «улица» — «маршала жукова»)
				if e.mail {
					far = 25
				}
				// (A client naming their surname as the talk's topic,
				// «фамилию сменила», answers the operator's short question
				// about it in their own next sentences: surnameOnTopic.)
				topic := e.name && e.nameCue && s.role == schemas.RoleClient
				if topic {
					far = 20
				}
				// (The side that asked for a name reads it back in its
				// own next sentences, «кравец верно», «да гончаренко
				// вижу»: those are read for the echo too, block HA.)
				qs = append(qs, question{ci, e.at, far, e.mail || topic || e.name})
			}
		}
	}
	for ci := range chs {
		mixed := chs[ci].Role == schemas.RoleMixed
		segs := chs[ci].Segments
		want := cs.wants[ci]
		for k := range segs {
			if want != nil && want[k] && (k == 0 || want[k-1] && !wordless(&segs[k-1])) {
				continue // marked already, with the sentence before it
			}
			seg := &segs[k]
			for _, q := range qs {
				if (q.ch != ci || mixed || q.both && seg.Start >= q.at) && seg.End >= q.at-1.5 && seg.Start <= q.at+q.far {
					cs.mark(ci, k)
					// The sentence before it, past segments with no word
					// (as markSegments reads it).
					for j := k - 1; j >= 0; j-- {
						cs.mark(ci, j)
						if !wordless(&segs[j]) {
							break
						}
					}
					want = cs.wants[ci]
					break
				}
			}
		}
	}
	for ci, want := range wants {
		spread := cs.spread[cs.offs[ci]:]
		for k, w := range want {
			if !w || spread[k] {
				continue // markSegments has marked its segments before
			}
			markBefore(chs, ci, chs[ci].Segments[k].Start, cs)
		}
	}
}

// markSegments marks the segments of chs to read: each that may hold
// personal data (segmentMay), the segment before it, and the other
// channels' segments ending in the 10 s before a marked one (the other
// side's question before it is its cue: «назовите код из смс» — «4815»).
// The channels are marked in order, each marking the others' segments
// once its own are; so a channel's segments that the channels before it
// have marked, with the segment before each, are not looked at: their
// answer would mark nothing new (segmentMay marks a segment and the one
// before it), and the marks are those of looking at every segment
// (TestMarkSegmentsSame).
func (cs *callScratch) markSegments(chs []schemas.TranscriptChannel) {
	cs.markPass(chs)
	cs.numsOut(chs) // (numSkip: number sentences ruled out, the call marked again)
	cs.greetsOut(chs)
}

// markPass is markSegments' marking, segmentMay's answers noted
// (numScratch.may).
func (cs *callScratch) markPass(chs []schemas.TranscriptChannel) {
	for ci := range chs {
		segs := chs[ci].Segments
		want := cs.wants[ci] // nil until a segment of the channel is marked
		for k := range segs {
			// (Every segment is looked at until the marking has passed more
			// than numSkipMost: numsOut's count.)
			if want != nil && want[k] && cs.nums.n > numSkipMost && (k == 0 || want[k-1] && !wordless(&segs[k-1])) {
				continue
			}
			if cs.nums.may(chs, ci, k, cs.offs[ci]) {
				cs.mark(ci, k)
				// The sentence before it, past segments with no word (the
				// recognizer heard nothing): its cue may be what k answers.
				for j := k - 1; j >= 0; j-- {
					cs.mark(ci, j)
					if !wordless(&segs[j]) {
						break
					}
				}
				want = cs.wants[ci]
			}
		}
		if ns := &cs.nums; !ns.again && ns.n <= numSkipMost {
			continue // (spread once numsOut has ruled: spreadTo)
		}
		cs.spreadTo(chs, ci)
	}
}

// spreadTo marks the other channels' segments before each marked segment
// of the channels up to ci that have not spread theirs, in order.
func (cs *callScratch) spreadTo(chs []schemas.TranscriptChannel, ci int) {
	for ; cs.nums.spread <= ci; cs.nums.spread++ {
		cj := cs.nums.spread
		spread := cs.spread[cs.offs[cj]:]
		for k, w := range cs.wants[cj] {
			if !w {
				continue
			}
			markBefore(chs, cj, chs[cj].Segments[k].Start, cs)
			spread[k] = true
		}
	}
}

// markBefore marks the segments of the channels other than ci ending in
// the 10 s before at (or up to 0.5 s after it).
func markBefore(chs []schemas.TranscriptChannel, ci int, at float64, cs *callScratch) {
	for cj := range chs {
		if cj == ci {
			continue
		}
		segs := chs[cj].Segments
		if cs.marked[cj] == len(segs) {
			continue // nothing to mark (most of a call that dictates)
		}
		marked := cs.wants[cj] // nil until a segment of cj is marked
		for kj := range segs {
			if marked != nil && marked[kj] {
				continue
			}
			if end := segs[kj].End; end <= at+0.5 && at-end <= 10 {
				cs.mark(cj, kj)
				marked = cs.wants[cj]
			}
		}
	}
}

// callScratch is what one call of Transcript works with: which segments
// each channel reads, and the scans. It is pooled, the scans and their
// buffers with it (one pool round trip a call).
type callScratch struct {
	wants [][]bool // per channel: nil (none) or one per segment
	flags []bool   // the wants' array
	// spread is, by the same index as flags, whether markSegments has
	// marked the other channels' segments before the segment (markBefore
	// would mark nothing new for it in answerWindows).
	spread []bool
	marked []int   // per channel: how many of its segments are marked
	offs   []int   // where each channel's wants start in flags
	free   []*scan // emptied scans, for scan
	scans  []*scan // per channel: its scan, or nil
	texts  maskedTexts
	// english: the call is in English (its words read with the English
	// lexicon: greetsRuledOut rules out no greeting).
	english bool
	// greetText and greetWords are greetOnly's buffers.
	greetText  []byte
	greetWords []schemas.Word
	// recs are the records Apply takes from, one a call (record).
	recs []record
	// nums: the sentences numSkip rules out.
	nums numScratch
}

// recordSlab is how many records a slab holds: a record is some 270
// bytes, so a slab is 8.7 KB, kept by the garbage collector as long as a
// transcript Apply returned holds one of its records.
const recordSlab = 32

// record returns a zero record for Apply's call, from a slab of
// recordSlab made at once: one allocation a slab instead of one a call
// (a call that masks nothing allocates nothing else, and the
// allocator's code, some 20 code lines, was read from memory by every
// such call: callgrind, BenchmarkColdCalls/plain). Each record is handed
// out once and belongs to the transcript it is put in.
func (cs *callScratch) record() *record {
	if len(cs.recs) == 0 {
		cs.recs = make([]record, recordSlab)
	}
	rec := &cs.recs[0]
	cs.recs = cs.recs[1:]
	return rec
}

var callPool sync.Pool

func getCallScratch(chs []schemas.TranscriptChannel) *callScratch {
	cs, _ := callPool.Get().(*callScratch)
	if cs == nil {
		cs = &callScratch{}
	}
	// The per-channel slices are made together, at one size: a call
	// grows them all or none.
	nch := len(chs)
	if cap(cs.offs) < nch+1 {
		cs.offs, cs.marked = make([]int, nch+1), make([]int, nch)
		cs.wants, cs.scans = make([][]bool, nch), make([]*scan, nch)
	}
	cs.offs, cs.marked, cs.wants, cs.scans = cs.offs[:nch+1], cs.marked[:nch], cs.wants[:nch], cs.scans[:nch]
	clear(cs.marked)
	clear(cs.wants)
	clear(cs.scans)
	n := 0
	for ci := range chs {
		cs.offs[ci] = n
		n += len(chs[ci].Segments)
	}
	cs.offs[nch] = n
	cs.nums.reset(n)
	cs.english = false
	// The wants' flags and spread are one array: flags[:n], spread[n:].
	if cap(cs.flags) < 2*n {
		cs.flags = make([]bool, 2*n)
	}
	cs.flags = cs.flags[:2*n]
	clear(cs.flags)
	cs.spread = cs.flags[n:]
	return cs
}

// mark marks segment k of channel ci to read.
func (cs *callScratch) mark(ci, k int) {
	if w := cs.want(ci); !w[k] {
		w[k] = true
		cs.marked[ci]++
	}
}

// want returns channel ci's wants, making them on first use.
func (cs *callScratch) want(ci int) []bool {
	if cs.wants[ci] == nil {
		cs.wants[ci] = cs.flags[cs.offs[ci]:cs.offs[ci+1]:cs.offs[ci+1]]
	}
	return cs.wants[ci]
}

// scan returns an empty scan for a channel of role in lang.
func (cs *callScratch) scan(lang, role string) *scan {
	if n := len(cs.free); n > 0 {
		s := cs.free[n-1]
		cs.free = cs.free[:n-1]
		if lang != "en" {
			lang = "ru"
		}
		s.lang, s.role = lang, role
		return s
	}
	return newScan(lang, role)
}

// put empties s and keeps it for another channel or call; the caller does
// not use it again.
func (cs *callScratch) put(s *scan) {
	if s == nil {
		return
	}
	s.reset()
	cs.free = append(cs.free, s)
}

// release puts the call's scans back for another call, and the scratch
// in its pool. (A call that panicked does not release its scratch: the
// pool makes another.)
func (cs *callScratch) release() {
	for _, s := range cs.scans {
		cs.put(s)
	}
	callPool.Put(cs)
}

// wordless reports whether a segment has no letter and no digit, in its
// text or its words.
func wordless(g *schemas.Segment) bool {
	for _, w := range g.Words {
		if hasAlnum(w.W) {
			return false
		}
	}
	return !hasAlnum(g.Text)
}

// hasAlnum reports whether s has a letter or a digit (unicode.IsLetter,
// unicode.IsDigit). A Latin letter, a digit or a Russian letter, what
// nearly every word starts with, is told by its bytes; from the first
// other byte on, unicode's tables decide: markSegments asks this of the
// segment before each one it loads, and the tables' code was a tenth of
// the prefilter's code read from memory on a call (BenchmarkColdCalls
// plain).
func hasAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 {
			if lc := c | 0x20; 'a' <= lc && lc <= 'z' || '0' <= c && c <= '9' {
				return true
			}
			continue
		}
		if i+1 < len(s) {
			c2 := s[i+1]
			if c == 0xD0 && (0x90 <= c2 && c2 <= 0xBF || c2 == 0x81) || c == 0xD1 && (0x80 <= c2 && c2 <= 0x8F || c2 == 0x91) {
				return true // А..я, Ё, ё
			}
		}
		return strings.IndexFunc(s[i:], alnum) >= 0
	}
	return false
}

func alnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
