package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/schemas"
)

// Formats of the drill-down writers.
const (
	FormatTable = "table"
	FormatCSV   = "csv"
	FormatJSON  = "json"
)

// ErrFormat means an output format a writer does not know.
var ErrFormat = errors.New("unknown format")

// WriteCalls prints a call list as an aligned table, CSV or JSON. The
// table ends with how many calls match and how many are shown.
func WriteCalls(w io.Writer, list CallList, format string) error {
	switch format {
	case FormatJSON:
		return drillWriteJSON(w, list)
	case FormatCSV:
		cw := newCSV(w)
		_ = cw.Write([]string{"call_id", "started_at", "operator_id", "operator_name", "department", "queue",
			"direction", "duration_seconds", "categories", "score"})
		for _, r := range list.Calls {
			_ = cw.Write([]string{r.CallID, drillIsoTime(r.Started), r.OperatorID, r.OperatorName, r.Department,
				r.Queue, r.Direction, strconv.FormatFloat(r.Duration, 'f', 1, 64), drillCategoryCSV(r.Categories),
				drillOptFloat(r.Score)})
		}
		cw.Flush()
		return cw.Error()
	case FormatTable:
		var times []time.Time
		for _, r := range list.Calls {
			times = append(times, r.Started)
		}
		t := &drillTextTable{header: []string{"CALL ID", drillStartedHeader(times), "OPERATOR", "NAME", "DEPARTMENT", "DURATION", "SCORE", "CATEGORIES"},
			right: []bool{false, false, false, false, false, true, true, false}}
		for _, r := range list.Calls {
			score := "-"
			if r.Score != nil && r.ScoreMax != nil && *r.ScoreMax > 0 {
				// On the 5-point scale, as the reports and the score filter.
				score = strconv.FormatFloat(*r.Score*5 / *r.ScoreMax, 'f', 1, 64)
			}
			t.rows = append(t.rows, []string{r.CallID, drillShortTime(r.Started), r.OperatorID, r.OperatorName,
				r.Department, drillClock(r.Duration, false), score, drillCategoryText(r.Categories, ", ")})
		}
		if err := t.write(w); err != nil {
			return err
		}
		if uint64(len(list.Calls)) < list.Total {
			_, err := fmt.Fprintf(w, "\n%d of %d calls (raise --limit to see more)\n", len(list.Calls), list.Total)
			return err
		}
		_, err := fmt.Fprintf(w, "\n%d %s\n", list.Total, drillPlural(list.Total, "call", "calls"))
		return err
	}
	return fmt.Errorf("%w %q: want table, csv or json", ErrFormat, format)
}

// WriteSearchHits prints search results: one line per segment with the
// call, the time in the call, the side and the words. color marks the
// phrase's words with ANSI bold; without it the segment is printed as is.
func WriteSearchHits(w io.Writer, hits []SearchHit, format string) error {
	switch format {
	case FormatJSON:
		if hits == nil {
			hits = []SearchHit{}
		}
		return drillWriteJSON(w, hits)
	case FormatCSV:
		cw := newCSV(w)
		_ = cw.Write([]string{"call_id", "started_at", "operator_id", "channel", "start", "end", "text"})
		for _, h := range hits {
			_ = cw.Write([]string{h.CallID, drillIsoTime(h.Started), h.OperatorID, h.Channel,
				strconv.FormatFloat(h.Start, 'f', 2, 64), strconv.FormatFloat(h.End, 'f', 2, 64), h.Text})
		}
		cw.Flush()
		return cw.Error()
	case FormatTable:
		var times []time.Time
		for _, h := range hits {
			times = append(times, h.Started)
		}
		t := &drillTextTable{header: []string{"CALL ID", drillStartedHeader(times), "OPERATOR", "AT", "SIDE", "TEXT"},
			right: []bool{false, false, false, true, false, false}}
		calls := map[string]bool{}
		for _, h := range hits {
			calls[h.CallID] = true
			t.rows = append(t.rows, []string{h.CallID, drillShortTime(h.Started), h.OperatorID, drillClock(h.Start, true), h.Channel, h.Text})
		}
		if err := t.write(w); err != nil {
			return err
		}
		_, err := fmt.Fprintf(w, "\n%d %s in %d %s\n", len(hits), drillPlural(uint64(len(hits)), "segment", "segments"),
			len(calls), drillPlural(uint64(len(calls)), "call", "calls"))
		return err
	}
	return fmt.Errorf("%w %q: want table, csv or json", ErrFormat, format)
}

// ShowOptions control WriteCallDetail.
type ShowOptions struct {
	// Color highlights hits with ANSI colours (for a terminal); without it
	// they are [bracketed].
	Color bool
}

// WriteCallDetail prints a call for a person: metadata, the transcript
// with the dictionary hits marked, the parameters and the score with every
// criterion's result and evidence.
func WriteCallDetail(w io.Writer, d *CallDetail, o ShowOptions) error {
	d = terminalDetail(d)
	var b strings.Builder
	writeDetailFacts(&b, d)
	writeDetailTranscript(&b, d, o.Color)
	writeDetailParameters(&b, d)
	writeDetailScore(&b, d, o.Color)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeDetailFacts writes the call's heading and its facts, one labelled
// line each; a fact the call lacks has no line.
func writeDetailFacts(b *strings.Builder, d *CallDetail) {
	fmt.Fprintf(b, "Call %s\n", d.CallID)
	line := func(label, value string) {
		if value != "" {
			fmt.Fprintf(b, "  %-12s %s\n", label, value)
		}
	}
	if d.Started.IsZero() {
		line("started", "unknown")
	} else {
		line("started", d.Started.Format("2006-01-02 15:04:05 MST"))
	}
	op := strings.TrimSpace(d.OperatorID + " " + d.OperatorName)
	if d.Department != "" {
		op += " (" + d.Department + ")"
	}
	line("operator", op)
	line("call", drillJoinNonEmpty(" · ", d.Direction, d.Queue, d.Language))
	dur := drillClock(d.Duration, true)
	if d.OperatorTalk != nil && d.ClientTalk != nil {
		dur += fmt.Sprintf(" (talk: operator %s, client %s)", drillClock(*d.OperatorTalk, true), drillClock(*d.ClientTalk, true))
	} else {
		dur += fmt.Sprintf(" (talk %s, %d channel)", drillClock(d.TotalTalk, true), d.Channels)
	}
	line("duration", dur)
	var facts []string
	if d.WaitSeconds != nil {
		facts = append(facts, "wait "+drillClock(*d.WaitSeconds, false))
	}
	if d.Transfers != nil {
		facts = append(facts, fmt.Sprintf("transfers %d", *d.Transfers))
	}
	if d.CSATScore != nil {
		c := "CSAT " + drillNum(*d.CSATScore)
		if d.CSATScale != nil {
			c += "/" + drillNum(*d.CSATScale)
		}
		facts = append(facts, c)
	}
	line("metadata", strings.Join(facts, ", "))
	line("categories", drillCategoryText(d.Categories, ", "))
	if len(d.Tags) > 0 {
		keys := drillSortedKeys(d.Tags)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + "=" + d.Tags[k]
		}
		line("tags", strings.Join(parts, ", "))
	}
	line("recording", d.ObjectKey)
	line("analysed", drillJoinNonEmpty(", ", d.AnalyzedAt.Format("2006-01-02 15:04:05 MST"),
		"ASR "+strings.TrimSpace(d.ASRAdapter+" "+d.ASRModel), "dictionaries "+d.DictionaryVersion))
}

// writeDetailTranscript writes the transcript with the hits marked and
// each segment's categories after it; without a stored transcript, the
// hits alone.
func writeDetailTranscript(b *strings.Builder, d *CallDetail, color bool) {
	b.WriteString("\nTranscript\n")
	if len(d.Segments) == 0 {
		b.WriteString("  (no transcript stored for this call)\n")
		for _, h := range d.Hits {
			fmt.Fprintf(b, "  %8s  %-8s  %s  %s\n", drillClock(h.Start, true), h.Channel, drillMark(h.Text, color), h.Category)
		}
	}
	width := 0
	for _, s := range d.Segments {
		width = max(width, utf8.RuneCountInString(s.Channel))
	}
	for _, s := range d.Segments {
		text, cats := drillHighlight(s, d.Hits, color)
		fmt.Fprintf(b, "  %8s  %s  %s", drillClock(s.Start, true), drillPad(s.Channel, width), text)
		if len(cats) > 0 {
			fmt.Fprintf(b, "   <- %s", strings.Join(cats, ", "))
		}
		b.WriteByte('\n')
	}
}

// writeDetailParameters writes the call's parameters by name, if it has
// any.
func writeDetailParameters(b *strings.Builder, d *CallDetail) {
	if len(d.Parameters) == 0 {
		return
	}
	b.WriteString("\nParameters\n")
	names := make([]string, 0, len(d.Parameters))
	width := 0
	for n := range d.Parameters {
		names = append(names, n)
		width = max(width, len(n))
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(b, "  %s  %s\n", drillPad(n, width), drillParamText(n, d.Parameters[n]))
	}
}

// writeDetailScore writes the score and its profile, then every
// criterion's outcome with its evidence.
func writeDetailScore(b *strings.Builder, d *CallDetail, color bool) {
	b.WriteString("\n")
	if d.Score == nil {
		b.WriteString("Score: none (no scoring profile applied)\n")
	} else {
		fmt.Fprintf(b, "Score %s", drillNum(drillRound1(*d.Score)))
		if d.ScoreMax != nil {
			fmt.Fprintf(b, " / %s", drillNum(*d.ScoreMax))
		}
		if d.ScoreProfile != "" {
			fmt.Fprintf(b, " (profile %s", d.ScoreProfile)
			if d.ScoreProfileVer != "" {
				fmt.Fprintf(b, ", version %s", d.ScoreProfileVer)
			}
			b.WriteString(")")
		}
		b.WriteString("\n")
		for _, c := range d.Criteria {
			outcome := map[string]string{schemas.CriterionPassed: "PASS", schemas.CriterionFailed: "FAIL"}[c.Outcome]
			if outcome == "" {
				outcome = "n/a "
			}
			if color {
				switch c.Outcome {
				case schemas.CriterionPassed:
					outcome = "\x1b[32m" + outcome + "\x1b[0m"
				case schemas.CriterionFailed:
					outcome = "\x1b[31m" + outcome + "\x1b[0m"
				}
			}
			fmt.Fprintf(b, "  %s  %s (%s, weight %s)", outcome, c.Text, c.ID, drillNum(c.Weight))
			if c.Evidence != "" {
				fmt.Fprintf(b, ": %s", c.Evidence)
			}
			if c.Start != nil {
				fmt.Fprintf(b, " at %s", drillClock(*c.Start, true))
			}
			b.WriteString("\n")
		}
	}
}

// WriteCallDetailJSON prints the call as JSON.
func WriteCallDetailJSON(w io.Writer, d *CallDetail) error { return drillWriteJSON(w, d) }

// drillHighlight marks in a segment the words of the hits that fall in it and
// returns the categories found.
func drillHighlight(s TranscriptSegment, hits []schemas.Hit, color bool) (string, []string) {
	type span struct{ from, to int }
	var spans []span
	var cats []string
	for _, h := range hits {
		if h.Channel != s.Channel || h.Start < s.Start-0.05 || h.End > s.End+0.05 {
			continue
		}
		i := drillIndexFold(s.Text, h.Text)
		if i < 0 {
			continue
		}
		spans = append(spans, span{i, i + len(h.Text)})
		if !drillContains(cats, h.Category) {
			cats = append(cats, h.Category)
		}
	}
	if len(spans) == 0 {
		return s.Text, nil
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].from < spans[j].from })
	var b strings.Builder
	at := 0
	for _, sp := range spans {
		if sp.from < at { // overlaps the previous drillMark: extend it
			continue
		}
		b.WriteString(s.Text[at:sp.from])
		b.WriteString(drillMark(s.Text[sp.from:sp.to], color))
		at = sp.to
	}
	b.WriteString(s.Text[at:])
	return b.String(), cats
}

func drillMark(s string, color bool) string {
	if color {
		return "\x1b[1;31m" + s + "\x1b[0m"
	}
	return "[" + s + "]"
}

// drillIndexFold is the byte offset of sub in s ignoring case, or -1; the match
// in s has len(sub) bytes (case folding keeps the length for Cyrillic and
// Latin).
func drillIndexFold(s, sub string) int {
	if i := strings.Index(s, sub); i >= 0 || sub == "" {
		return i
	}
	for i := range s {
		if i+len(sub) <= len(s) && strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// drillParamText formats a parameter by its unit in the analyzer's
// catalogue.
func drillParamText(name string, v float64) string {
	switch analyze.ParameterUnit(name) {
	case "s":
		return strconv.FormatFloat(v, 'f', 1, 64) + " s"
	case "%":
		return strconv.FormatFloat(v, 'f', 0, 64) + "%"
	}
	return drillNum(drillRound1(v))
}

type drillTextTable struct {
	header []string
	right  []bool
	rows   [][]string
}

func (t *drillTextTable) write(w io.Writer) error {
	for _, r := range t.rows {
		terminalCells(r)
	}
	widths := columnWidths(append([][]string{t.header}, t.rows...))
	var b strings.Builder
	total := 0
	for _, wd := range widths {
		total += wd + 2
	}
	for k, r := range append([][]string{t.header}, t.rows...) {
		var line strings.Builder
		for i, c := range r {
			if i > 0 {
				line.WriteString("  ")
			}
			gap := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if t.right[i] {
				line.WriteString(gap + c)
			} else if i < len(r)-1 {
				line.WriteString(c + gap)
			} else {
				line.WriteString(c)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
		if k == 0 {
			b.WriteString(strings.Repeat("-", total-2) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func drillWriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// drillClock formats seconds as m:ss (h:mm:ss past an hour), with tenths when
// asked.
func drillClock(sec float64, tenths bool) string {
	if sec < 0 || math.IsNaN(sec) {
		return "-"
	}
	if tenths {
		sec = math.Round(sec*10) / 10
	} else {
		sec = math.Round(sec)
	}
	h := int(sec) / 3600
	m := int(sec) / 60 % 60
	s := sec - float64(h*3600+m*60)
	secText := fmt.Sprintf("%02d", int(s))
	if tenths {
		secText = fmt.Sprintf("%04.1f", s)
	}
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%s", h, m, secText)
	}
	return fmt.Sprintf("%d:%s", m, secText)
}

// drillStartedHeader names the start column with the zone of its times.
func drillStartedHeader(times []time.Time) string {
	for _, t := range times {
		if !t.IsZero() {
			return "STARTED (" + t.Format("MST") + ")"
		}
	}
	return "STARTED"
}

func drillShortTime(t time.Time) string {
	if t.IsZero() {
		return "unknown"
	}
	return t.Format("2006-01-02 15:04")
}

func drillIsoTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

func drillOptFloat(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'g', -1, 64)
}

func drillNum(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func drillRound1(v float64) float64 { return math.Round(v*10) / 10 }

// drillCategoryCSV is name:count;name:count, for machines.
func drillCategoryCSV(m map[string]uint32) string {
	keys := drillSortedKeys(m)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s:%d", k, m[k])
	}
	return strings.Join(parts, ";")
}

func drillCategoryText(m map[string]uint32, sep string) string {
	keys := drillSortedKeys(m)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s×%d", k, m[k])
	}
	return strings.Join(parts, sep)
}

func drillSortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func drillJoinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

func drillPad(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-utf8.RuneCountInString(s)))
}

func drillPlural(n uint64, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func drillContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
