package redact

// What the rule families may start from, beyond their words' roles.
//
// A family reads a channel when a word of its starting roles is there
// (token.trig, gathered in scan.any as the channel is tokenized) or when
// a question of the other side, or of the speaker's own, asks for what it
// masks. Those questions are filed here once a channel, before any rule
// runs (fileStarts: one pass over the channel's cue events and the other
// channels'), as bits, so that every family and rule is gated on one test
// of a word: a rule that is not run reads no code, and a call's code read
// from beyond the caches the analyze stage has emptied is most of what
// redaction costs (docs/privacy.md, "Cost"). The bits say only what the
// rules themselves read (the other side's cue events, answers,
// afterNameQuestions, codeCueAny): a gate skips a rule only where the rule would find no
// question to start from, and TestGatesSame runs every rule all the same
// (redact.Ungated) and requires the same outputs.

// startSet is a channel's questions and cues the families start from, a
// bit each.
type startSet uint16

const (
	// The other side's (or, on a mixed channel, the channel's own
	// earlier) question for a name (cueEvent.name), a date of birth
	// (dob), an e-mail (mail), an address (addr), a code word
	// (codeWord).
	othersName startSet = 1 << iota
	othersDOB
	othersMail
	othersAddr
	// The other side's question where a trip goes from or to
	// (cueEvent.trip: tripAddresses).
	othersTrip
	othersCodeWord
	// A code's or a CVV's cue of the other side, not the channel's own
	// (gluedAnswers).
	othersCodeCVV
	// A code's cue of any side (codesWithLetters' codeCueAny).
	codeCued
	// The speaker's own question for a name (afterNameQuestions:
	// firstNameReadBack, readBackThenAsked).
	ownName
	// An e-mail address written with an @ (scan.lits).
	mailWritten
)

// fileStarts files the channel's starts (s.startSet). It reads the cue
// events alone: Transcript calls it once the other channels' cues are
// the scan's (s.others), before the rules run.
func (s *scan) fileStarts() {
	var b startSet
	for k := range s.others {
		e := &s.others[k]
		if e.name {
			b |= othersName
		}
		if e.dob {
			b |= othersDOB
		}
		if e.mail {
			b |= othersMail
		}
		if e.addr {
			b |= othersAddr
		}
		if e.trip && !e.own {
			b |= othersTrip
		}
		if e.codeWord {
			b |= othersCodeWord
		}
		if t := e.cueType(); t == Code || t == CVV {
			if !e.own {
				b |= othersCodeCVV
			}
			if t == Code {
				b |= codeCued
			}
		}
	}
	for k := range s.cues {
		if s.cues[k].name {
			b |= ownName
		}
	}
	if s.any&tCue != 0 {
		for _, c := range s.cand {
			if t := &s.toks[c]; t.has(tCue) && t.cue() == Code {
				b |= codeCued
				break
			}
		}
	}
	if len(s.lits) > 0 {
		b |= mailWritten
	}
	s.startSet = b
}

// typeSet is a set of types, a bit each by typeIndex.
type typeSet uint16

// typesOf is the set of ts.
func typesOf(ts ...Type) typeSet {
	var b typeSet
	for _, t := range ts {
		b |= 1 << typeIndex(t)
	}
	return b
}

// numberTypes are the types of the numbers (every type but a name's,
// an e-mail's, an address's and a date of birth's: cutNumberWords).
var numberTypes = typesOf(Card, CVV, Code, Account, SNILS, INN, Passport, Phone, Number)
