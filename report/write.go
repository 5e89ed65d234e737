package report

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// WriteTable prints rows as an aligned text table with a total line.
// Columns are padded by runes, so Cyrillic names line up; times are m:ss.
func WriteTable(w io.Writer, rows []OperatorRow) error {
	header := []string{"OPERATOR", "NAME", "DEPARTMENT", "CALLS", "COMPLAINT", "REPEAT", "INCOMPETENCE", "AVG TALK", "AVG DURATION"}
	right := []bool{false, false, false, true, true, true, true, true, true}
	lines := [][]string{header}
	cells := func(r OperatorRow) []string {
		id := r.OperatorID
		if id == "" {
			id = "(none)"
		}
		return terminalCells([]string{id, r.OperatorName, r.Department, u(r.Calls), u(r.Complaints),
			u(r.RepeatContacts), u(r.Incompetence), clock(r.AvgTalk), clock(r.AvgDuration)})
	}
	for _, r := range rows {
		lines = append(lines, cells(r))
	}
	if len(rows) == 0 {
		_, err := fmt.Fprintln(w, "no calls in the selected period")
		return err
	}
	total := cells(Total(rows))
	total[0] = "TOTAL"
	lines = append(lines, total)

	width := columnWidths(lines)
	var b strings.Builder
	for n, l := range lines {
		if n == len(lines)-1 {
			rule(&b, width)
		}
		for i, c := range l {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			if i > 0 {
				b.WriteString("  ")
			}
			switch {
			case right[i]:
				b.WriteString(pad + c)
			case i == len(l)-1:
				b.WriteString(c)
			default:
				b.WriteString(c + pad)
			}
		}
		b.WriteString("\n")
		if n == 0 {
			rule(&b, width)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// columnWidths is, for each column of lines (the header first), the
// width of its widest cell in runes.
func columnWidths(lines [][]string) []int {
	width := make([]int, len(lines[0]))
	for _, l := range lines {
		for i, c := range l {
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	return width
}

func rule(b *strings.Builder, width []int) {
	total := 2 * (len(width) - 1)
	for _, w := range width {
		total += w
	}
	b.WriteString(strings.Repeat("-", total) + "\n")
}

func u(n uint64) string { return strconv.FormatUint(n, 10) }

// clock formats seconds as m:ss (h:mm:ss from an hour).
func clock(sec float64) string {
	s := int64(math.Round(sec))
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// WriteCSV prints rows as CSV with a header; times are seconds.
func WriteCSV(w io.Writer, rows []OperatorRow) error {
	cw := newCSV(w)
	_ = cw.Write([]string{"operator_id", "operator_name", "department", "calls", "complaint_calls",
		"repeat_contact_calls", "incompetence_calls", "avg_talk_seconds", "avg_duration_seconds"})
	for _, r := range rows {
		_ = cw.Write([]string{r.OperatorID, r.OperatorName, r.Department, u(r.Calls), u(r.Complaints),
			u(r.RepeatContacts), u(r.Incompetence), f1(r.AvgTalk), f1(r.AvgDuration)})
	}
	cw.Flush()
	return cw.Error()
}

func f1(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

// WriteJSON prints rows as an indented JSON array.
func WriteJSON(w io.Writer, rows []OperatorRow) error {
	if rows == nil {
		rows = []OperatorRow{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rows)
}
