package match

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/callscope/callscope/analyze/text"
)

// An expression is what an analyst writes in a phrase's text, variants and
// exclusions. Most are plain words in order («я уже звонил»); a few marks
// make the rest, in the spirit of Verint's query language:
//
//	=пожалуюсь          this word form only, no stemming
//	звоню * раз         * is any one word
//	пизд*               any word that begins so (at least 3 letters)
//	^ нет $             ^ and $ hold the phrase to the start and end of an utterance
//	оператор NEAR:3 хамит    the two parts within 3 words of each other, either order
//	здравствуйте BEFORE:8 меня зовут    the first part, then within 8 words the second
//
// Operators are written in capitals so that the English words "near" and
// "before" stay words.
type expr struct {
	// operands are runs of adjacent terms; ops join them, so
	// len(ops) == len(operands)-1.
	operands [][]term
	ops      []nearOp
	// atStart and atEnd hold the phrase to the edges of an utterance.
	atStart, atEnd bool
	// set: the operands are a word set, {a b c}:n: each operand once, in
	// any order, all within setN words.
	set  bool
	setN int
}

type term struct {
	word   string // normalized (see text.Tokenize); empty for a wildcard
	off    int    // byte offset in the expression, for messages
	exact  bool
	any    bool
	prefix bool // word is the beginning of the word matched
	// syn names a synonym set (@leave): any of its members, each a run of
	// one or more words, stands here.
	syn string
}

// setRe is a word set: {words}, optionally :n.
var setRe = regexp.MustCompile(`^\{([^{}]*)\}(?::(\d+))?$`)

// synRe is a synonym set reference.
var synRe = regexp.MustCompile(`^@[a-z][a-z0-9_]*$`)

// maxSet bounds the words of a word set.
const maxSet = 6

// minPrefix is the shortest prefix a term may give, in letters: shorter
// ones match too much to be meant.
const minPrefix = 3

type nearOp struct {
	n       int  // at most n words between the parts
	ordered bool // BEFORE: the left part comes first
}

// maxNear bounds NEAR:n and BEFORE:n; farther apart is another sentence.
const maxNear = 20

var (
	opRe     = regexp.MustCompile(`^(NEAR|BEFORE):(\d+)$`)
	opLikeRe = regexp.MustCompile(`(?i)^(near|before|notin|not|and|or)(:\d*)?$`)
)

// colonRe is a token written like an operator: latin letters, a colon and
// what follows it (NEAR:x, first:abc, agent:). NEAR:n and BEFORE:n with a
// good distance are read before it.
var colonRe = regexp.MustCompile(`^([A-Za-z]+):(.*)$`)

// colonOperator refuses a token that looks like an operator but is none:
// read as words, «жалоба NEAR:x претензия» would look for the words
// "near" and "x", and the analyst would never learn why the phrase finds
// nothing. A name the grammar or Verint's language knows is refused
// whatever follows its colon; any other latin WORD: is refused when
// something follows the colon at once (a colon at the end of a word is
// punctuation, and «в 10:30» has no letters before its colon).
func colonOperator(off int, w string) *exprError {
	m := colonRe.FindStringSubmatch(w)
	if m == nil {
		return nil
	}
	name, arg := m[1], m[2]
	switch upper := strings.ToUpper(name); upper {
	case "NEAR", "BEFORE":
		if name != upper {
			return &exprError{off, fmt.Sprintf("%q: write the operator in capitals with a distance, e.g. %s:3", w, upper)}
		}
		return &exprError{off, fmt.Sprintf("%q: the distance must be a whole number of words from 0 to %d, e.g. %s:3", w, maxNear, upper)}
	case "NOT", "AND", "OR", "NOTIN":
		return &exprError{off, fmt.Sprintf("%q is not supported: use exclude for NOT, and separate variants for OR", w)}
	case "FIRST", "LAST":
		return &exprError{off, fmt.Sprintf("%q is not an operator: where a phrase may lie is its window field ({%s: 30s}) or its position field (%s_utterance)", w, strings.ToLower(name), strings.ToLower(name))}
	case "AGENT", "OPERATOR", "CLIENT", "CUSTOMER", "CALLER", "SPEAKER":
		return &exprError{off, fmt.Sprintf("%q is not an operator: the speaker of a phrase is its channel field (operator, client or any)", w)}
	}
	if arg == "" {
		return nil
	}
	return &exprError{off, fmt.Sprintf("%q looks like an operator, but the only ones are NEAR:n and BEFORE:n: write words without a colon", w)}
}

// exprError is a mistake in an expression at a byte offset of it.
type exprError struct {
	off int
	msg string
}

// parseExpr reads an expression; allWordsExact is the phrase's exact flag.
func parseExpr(s string, allExact bool) (expr, *exprError) {
	if t := strings.TrimSpace(s); strings.HasPrefix(t, "{") {
		return parseSet(s, allExact)
	}
	var e expr
	var cur []term
	closeOperand := func(off int, what string) *exprError {
		if len(cur) == 0 {
			return &exprError{off, fmt.Sprintf("%s needs words on both sides", what)}
		}
		if cur[0].any || cur[len(cur)-1].any {
			if cur[0].any {
				off = cur[0].off
			} else {
				off = cur[len(cur)-1].off
			}
			return &exprError{off, "* (any one word) must stand between words, not at the start or end of a phrase or of a NEAR/BEFORE part"}
		}
		e.operands = append(e.operands, cur)
		cur = nil
		return nil
	}
	lastOp, lastOpOff := "", 0
	fs := fields(s)
	for i, f := range fs {
		w := f.s
		switch w {
		case "^":
			if i != 0 {
				return e, &exprError{f.off, "^ (start of an utterance) must come first"}
			}
			e.atStart = true
			continue
		case "$":
			if i != len(fs)-1 {
				return e, &exprError{f.off, "$ (end of an utterance) must come last"}
			}
			e.atEnd = true
			continue
		}
		if m := opRe.FindStringSubmatch(w); m != nil {
			n, err := strconv.Atoi(m[2])
			if err != nil || n < 0 || n > maxNear {
				return e, &exprError{f.off, fmt.Sprintf("%s: the distance must be a whole number of words from 0 to %d", w, maxNear)}
			}
			if err := closeOperand(f.off, w); err != nil {
				return e, err
			}
			e.ops = append(e.ops, nearOp{n: n, ordered: m[1] == "BEFORE"})
			lastOp, lastOpOff = w, f.off
			continue
		}
		if err := colonOperator(f.off, w); err != nil {
			return e, err
		}
		if m := opLikeRe.FindStringSubmatch(w); m != nil && (m[2] != "" || w == strings.ToUpper(w) && len(w) > 1) {
			switch strings.ToUpper(m[1]) {
			case "NEAR", "BEFORE":
				return e, &exprError{f.off, fmt.Sprintf("%q: write the operator in capitals with a distance, e.g. %s:3", w, strings.ToUpper(m[1]))}
			default:
				return e, &exprError{f.off, fmt.Sprintf("%q is not supported: use exclude for NOT, and separate variants for OR", w)}
			}
		}
		if w == "*" {
			cur = append(cur, term{any: true, off: f.off})
			continue
		}
		if strings.HasPrefix(w, "@") {
			if !synRe.MatchString(w) {
				return e, &exprError{f.off, fmt.Sprintf("%q: a synonym set is @ and its name in lower-case latin letters, digits and _ (@leave)", w)}
			}
			cur = append(cur, term{syn: w[1:], off: f.off})
			continue
		}
		if strings.ContainsAny(w, "{}") {
			return e, &exprError{f.off, "a word set {…} must be the whole phrase: {уйду конкурентам}:5"}
		}
		exact := allExact
		if strings.HasPrefix(w, "=") {
			exact = true
			w = w[1:]
		}
		if stem, ok := strings.CutSuffix(w, "*"); ok {
			toks := text.Tokenize(stem)
			if len(toks) != 1 || toks[0].Start != 0 || toks[0].End != len(stem) || utf8.RuneCountInString(toks[0].Norm) < minPrefix {
				return e, &exprError{f.off, fmt.Sprintf("%q: a prefix is one word of at least %d letters before the * (пизд*)", f.s, minPrefix)}
			}
			cur = append(cur, term{word: toks[0].Norm, prefix: true})
			continue
		}
		toks := text.Tokenize(w)
		if len(toks) == 0 {
			if exact && w == "" {
				return e, &exprError{f.off, "= must be followed by a word (=пожалуюсь)"}
			}
			continue // punctuation only
		}
		for _, t := range toks {
			cur = append(cur, term{word: t.Norm, exact: exact})
		}
	}
	if lastOp != "" && len(cur) == 0 {
		return e, &exprError{lastOpOff, fmt.Sprintf("%s needs words on both sides", lastOp)}
	}
	if len(cur) == 0 {
		return e, &exprError{0, "no words"}
	}
	if err := closeOperand(len(s), ""); err != nil {
		return e, err
	}
	return e, nil
}

// parseSet reads a word set: {w1 w2 ...} or {w1 w2 ...}:n. Each element
// is a word (=exact, prefix* and @synonyms allowed); the set matches when
// every element occurs, in any order, all within n words (default: the
// number of elements plus 3).
func parseSet(s string, allExact bool) (expr, *exprError) {
	e := expr{set: true}
	t := strings.TrimSpace(s)
	off := strings.Index(s, t)
	m := setRe.FindStringSubmatch(t)
	if m == nil {
		return e, &exprError{off, "a word set is {words} or {words}:n and nothing else, e.g. {уйду конкурентам}:5"}
	}
	for _, f := range fields(m[1]) {
		sub, err := parseExpr(f.s, allExact)
		if err != nil {
			return e, &exprError{off + 1 + f.off + err.off, err.msg}
		}
		if sub.atStart || sub.atEnd || len(sub.operands) != 1 || sub.operands[0][0].any {
			return e, &exprError{off + 1 + f.off, fmt.Sprintf("%q: an element of a word set is one word, =word, prefix* or @synonyms", f.s)}
		}
		e.operands = append(e.operands, sub.operands[0])
	}
	if len(e.operands) < 2 || len(e.operands) > maxSet {
		return e, &exprError{off, fmt.Sprintf("a word set has from 2 to %d elements", maxSet)}
	}
	e.setN = len(e.operands) + 3
	if m[2] != "" {
		n, err := strconv.Atoi(m[2])
		if err != nil || n < len(e.operands) || n > maxNear {
			return e, &exprError{off + len(t) - len(m[2]), fmt.Sprintf("{…}:%s: the span must be from the number of words (%d) to %d", m[2], len(e.operands), maxNear)}
		}
		e.setN = n
	}
	return e, nil
}

type field struct {
	s   string
	off int
}

// fields splits s at white space, keeping byte offsets for messages.
func fields(s string) []field {
	var out []field
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				out = append(out, field{s[start:i], start})
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, field{s[start:], start})
	}
	return out
}

// runeCol converts a byte offset of s to a column count in runes, for
// messages an editor can follow.
func runeCol(s string, off int) int {
	if off > len(s) {
		off = len(s)
	}
	return utf8.RuneCountInString(s[:off])
}

// String writes the expression back in its canonical spelling; two
// wordings with the same canonical spelling after stemming are the same
// phrase.
func (e expr) canonical(stem func(string) string) string {
	var b strings.Builder
	if e.set {
		var els []string
		for _, op := range e.operands {
			els = append(els, expr{operands: [][]term{op}}.canonical(stem))
		}
		slices.Sort(els)
		return fmt.Sprintf("{%s}:%d", strings.Join(els, " "), e.setN)
	}
	if e.atStart {
		b.WriteString("^ ")
	}
	for i, op := range e.operands {
		if i > 0 {
			k := "NEAR"
			if e.ops[i-1].ordered {
				k = "BEFORE"
			}
			fmt.Fprintf(&b, " %s:%d ", k, e.ops[i-1].n)
		}
		for j, t := range op {
			if j > 0 {
				b.WriteByte(' ')
			}
			switch {
			case t.syn != "":
				b.WriteString("@" + t.syn)
			case t.any:
				b.WriteByte('*')
			case t.prefix:
				b.WriteString(t.word + "*")
			case t.exact:
				b.WriteString("=" + t.word)
			default:
				b.WriteString(stem(t.word))
			}
		}
	}
	if e.atEnd {
		b.WriteString(" $")
	}
	return b.String()
}
