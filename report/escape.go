package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/callscope/callscope/schemas"
)

// TerminalText is s made safe to print on a terminal: control characters
// (C0 including tab and line feed, DEL, C1), bidirectional overrides and
// bytes that are not UTF-8 are written as \xNN or \uNNNN escapes, so a
// stored name or transcript cannot move the cursor, recolour the screen,
// set the window title or reorder what is shown. Everything else is
// unchanged.
func TerminalText(s string) string {
	if !needsEscape(s, true) {
		return s
	}
	return escapeControls(s, true)
}

// csvText escapes control characters other than tab, line feed and
// carriage return (which CSV quotes) the same way.
func csvText(s string) string {
	if !needsEscape(s, false) {
		return s
	}
	return escapeControls(s, false)
}

func needsEscape(s string, all bool) bool {
	if !utf8.ValidString(s) {
		return true
	}
	for _, r := range s {
		if escapeRune(r, all) {
			return true
		}
	}
	return false
}

func escapeRune(r rune, all bool) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return all
	case r < 0x20 || (r >= 0x7f && r < 0xa0):
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069: // bidi embeddings, overrides, isolates
		return true
	}
	return false
}

func escapeControls(s string, all bool) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case escapeRune(r, all) && r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case escapeRune(r, all):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// CSVCell is a text cell as spreadsheet tools can open it safely: a cell
// that starts with = + - @ (or their full-width forms), a tab or a carriage
// return would be read as a formula (=HYPERLINK(...), @SUM(...)), so it
// gets a leading apostrophe, which spreadsheets show as text (the OWASP
// advice); a number such as -3.5 stays a number. Control characters are
// escaped as in TerminalText, except tab, line feed and carriage return.
func CSVCell(s string) string {
	s = csvText(s)
	if s == "" {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠':
		return "'" + s
	}
	return s
}

// safeCSV is a csv.Writer whose every cell goes through CSVCell.
type safeCSV struct{ *csv.Writer }

func newCSV(w io.Writer) safeCSV { return safeCSV{csv.NewWriter(w)} }

func (c safeCSV) Write(rec []string) error {
	out := make([]string, len(rec))
	for i, s := range rec {
		out[i] = CSVCell(s)
	}
	return c.Writer.Write(out)
}

// terminalCells escapes every cell of a text table row.
func terminalCells(cells []string) []string {
	for i, c := range cells {
		cells[i] = TerminalText(c)
	}
	return cells
}

// terminalDetail is a copy of d with every stored text escaped for a
// terminal (TerminalText).
func terminalDetail(d *CallDetail) *CallDetail {
	c := *d
	t := TerminalText
	c.CallID, c.OperatorID, c.OperatorName, c.Department = t(c.CallID), t(c.OperatorID), t(c.OperatorName), t(c.Department)
	c.Queue, c.Direction, c.Language, c.ObjectKey = t(c.Queue), t(c.Direction), t(c.Language), t(c.ObjectKey)
	c.ASRAdapter, c.ASRModel, c.DictionaryVersion = t(c.ASRAdapter), t(c.ASRModel), t(c.DictionaryVersion)
	c.ScoreProfile, c.ScoreProfileVer = t(c.ScoreProfile), t(c.ScoreProfileVer)
	if d.Tags != nil {
		c.Tags = make(map[string]string, len(d.Tags))
		for k, v := range d.Tags {
			c.Tags[t(k)] = t(v)
		}
	}
	if d.Categories != nil {
		c.Categories = make(map[string]uint32, len(d.Categories))
		for k, v := range d.Categories {
			c.Categories[t(k)] = v
		}
	}
	c.Segments = make([]TranscriptSegment, len(d.Segments))
	for i, s := range d.Segments {
		s.Channel, s.Text = t(s.Channel), t(s.Text)
		c.Segments[i] = s
	}
	c.Hits = make([]schemas.Hit, len(d.Hits))
	for i, h := range d.Hits {
		h.Category, h.Channel, h.Text, h.PhraseID = t(h.Category), t(h.Channel), t(h.Text), t(h.PhraseID)
		c.Hits[i] = h
	}
	c.Criteria = make([]schemas.CriterionResult, len(d.Criteria))
	for i, cr := range d.Criteria {
		cr.ID, cr.Text, cr.Evidence, cr.Outcome = t(cr.ID), t(cr.Text), t(cr.Evidence), t(cr.Outcome)
		c.Criteria[i] = cr
	}
	return &c
}
