package filter

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrSyntax is wrapped by every error of Parse: the expression is not
// valid. The *Error in the chain has the position.
var ErrSyntax = errors.New("invalid filter")

// Error is a parse or type error at a place in the expression.
type Error struct {
	Src string
	// Offset is the byte offset of the problem in Src; Column is the same
	// place in characters, from 1.
	Offset, Column int
	Msg            string
}

// Error is "column N: message", then the expression and a caret under the
// place.
// A long expression is shown as the 100 characters or so around the
// place, so the message stays readable (and small) however long the
// filter.
func (e *Error) Error() string {
	src, col := []rune(e.Src), e.Column
	if len(src) > 2*excerpt {
		from, to := max(0, col-1-excerpt), min(len(src), col-1+excerpt)
		shown := string(src[from:to])
		col -= from
		if from > 0 {
			shown, col = "…"+shown, col+1
		}
		if to < len(src) {
			shown += "…"
		}
		return fmt.Sprintf("column %d: %s\n  %s\n  %s^", e.Column, e.Msg, shown, strings.Repeat(" ", col-1))
	}
	return fmt.Sprintf("column %d: %s\n  %s\n  %s^", e.Column, e.Msg, e.Src, strings.Repeat(" ", e.Column-1))
}

// excerpt is how many characters an error shows on each side of the place.
const excerpt = 50

// Unwrap makes errors.Is(err, ErrSyntax) true.
func (e *Error) Unwrap() error { return ErrSyntax }

func errAt(src string, off int, format string, args ...any) *Error {
	if off > len(src) {
		off = len(src)
	}
	return &Error{Src: src, Offset: off, Column: utf8.RuneCountInString(src[:off]) + 1, Msg: fmt.Sprintf(format, args...)}
}

type tokKind int

const (
	tEOF tokKind = iota
	tWord
	tString
	tLParen
	tRParen
	tComma
	tOp // = == != <> < <= > >= ~ !~
	tAnd
	tOr
	tNot
)

type token struct {
	kind tokKind
	text string // the word, the unquoted string, or the operator
	off  int
}

func (t token) describe() string {
	switch t.kind {
	case tEOF:
		return "end of expression"
	case tString:
		return fmt.Sprintf("string %q", t.text)
	case tLParen:
		return "'('"
	case tRParen:
		return "')'"
	case tComma:
		return "','"
	}
	return fmt.Sprintf("%q", t.text)
}

// isWordRune says whether r can be part of a bare word: names, numbers
// with units, dates, ids such as op-12.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || strings.ContainsRune("_.-:/%+", r)
}

var keywords = map[string]bool{"and": true, "or": true, "not": true, "in": true, "has": true, "is": true, "known": true, "unknown": true, "null": true}

func isKeyword(s string) bool { return keywords[strings.ToLower(s)] }

func lex(src string) ([]token, error) {
	var toks []token
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRuneInString(src[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return nil, errAt(src, i, "invalid UTF-8")
		case unicode.IsSpace(r):
			i += size
		case r == '(':
			toks = append(toks, token{tLParen, "(", i})
			i++
		case r == ')':
			toks = append(toks, token{tRParen, ")", i})
			i++
		case r == ',':
			toks = append(toks, token{tComma, ",", i})
			i++
		case r == '\'' || r == '"':
			s, n, err := lexString(src, i)
			if err != nil {
				return nil, err
			}
			toks = append(toks, token{tString, s, i})
			i += n
		case r == '&' || r == '|':
			if i+1 < len(src) && src[i+1] == src[i] {
				k := tAnd
				if r == '|' {
					k = tOr
				}
				toks = append(toks, token{k, src[i : i+2], i})
				i += 2
				continue
			}
			return nil, errAt(src, i, "%q is not an operator (did you mean %q?)", string(r), strings.Repeat(string(r), 2))
		case strings.ContainsRune("=!<>~", r):
			n := 1
			if i+1 < len(src) {
				switch src[i : i+2] {
				case "==", "!=", "<>", "<=", ">=", "!~":
					n = 2
				}
			}
			op := src[i : i+n]
			switch op {
			case "!":
				toks = append(toks, token{tNot, op, i})
			case "==":
				toks = append(toks, token{tOp, "=", i})
			case "<>":
				toks = append(toks, token{tOp, "!=", i})
			default:
				toks = append(toks, token{tOp, op, i})
			}
			i += n
		case isWordRune(r):
			j := i
			for j < len(src) {
				r, size := utf8.DecodeRuneInString(src[j:])
				if !isWordRune(r) {
					break
				}
				j += size
			}
			w := src[i:j]
			switch strings.ToLower(w) {
			case "and":
				toks = append(toks, token{tAnd, w, i})
			case "or":
				toks = append(toks, token{tOr, w, i})
			case "not":
				toks = append(toks, token{tNot, w, i})
			default:
				toks = append(toks, token{tWord, w, i})
			}
			i = j
		default:
			return nil, errAt(src, i, "unexpected character %q", r)
		}
	}
	return append(toks, token{tEOF, "", len(src)}), nil
}

// lexString reads a quoted string at src[i]: backslash escapes the next
// character, a doubled quote is one quote.
func lexString(src string, i int) (string, int, error) {
	q := src[i]
	var b strings.Builder
	for j := i + 1; j < len(src); j++ {
		c := src[j]
		switch {
		case c == '\\' && j+1 < len(src):
			j++
			b.WriteByte(src[j])
		case c == q && j+1 < len(src) && src[j+1] == q:
			j++
			b.WriteByte(q)
		case c == q:
			return b.String(), j + 1 - i, nil
		default:
			b.WriteByte(c)
		}
	}
	return "", 0, errAt(src, i, "string is not closed: add a %c", q)
}
