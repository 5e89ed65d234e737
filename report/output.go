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

// Formats a slice report can be written in.
var Formats = []string{"table", "csv", "json", "markdown"}

// ErrOutputFormat means an output format is not one of Formats.
var ErrOutputFormat = fmt.Errorf("report: format must be one of %s", strings.Join(Formats, ", "))

// Write prints the report in format: "table" (aligned text), "csv",
// "json" or "markdown" ("md").
func (r *Result) Write(w io.Writer, format string) error {
	switch format {
	case "table", "":
		return r.writeText(w, false)
	case "markdown", "md":
		return r.writeText(w, true)
	case "csv":
		return r.writeCSV(w)
	case "json":
		return r.writeJSON(w)
	}
	return fmt.Errorf("%w, got %q", ErrOutputFormat, format)
}

// header is the key and label columns of the report.
func (r *Result) keyHeader() []string {
	var h []string
	for _, d := range r.Dimensions {
		h = append(h, d.Title)
		if d.label != "" {
			h = append(h, d.labelTitle)
		}
	}
	return h
}

func (r *Result) keyCells(row Row) []string {
	var c []string
	for i, d := range r.Dimensions {
		if i >= len(row.Keys) { // the total row
			c = append(c, "")
			if d.label != "" {
				c = append(c, "")
			}
			continue
		}
		k := row.Keys[i]
		if k == "" {
			k = "(none)"
		}
		c = append(c, k)
		if d.label != "" {
			c = append(c, row.Labels[i])
		}
	}
	return c
}

// show formats a value for people: counts as integers, seconds as m:ss,
// percentages and scores with one decimal; "-" for no data.
func show(m Measure, v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "-"
	}
	switch m.Kind {
	case KindCount:
		return strconv.FormatFloat(math.Round(v), 'f', 0, 64)
	case KindSeconds:
		return clock(v)
	case KindScore:
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// showChange formats a change: points for percentages and scores, % for
// the rest.
func showChange(m Measure, c float64) string {
	if math.IsNaN(c) || math.IsInf(c, 0) {
		return "-"
	}
	switch m.Kind {
	case KindPercent:
		return fmt.Sprintf("%+.1f pp", c)
	case KindScore:
		return fmt.Sprintf("%+.2f", c)
	}
	return fmt.Sprintf("%+.1f%%", c)
}

func (r *Result) header() []string {
	h := r.keyHeader()
	for _, m := range r.Measures {
		h = append(h, m.Title)
		if r.Compared != "" {
			h = append(h, "Δ "+m.Title)
		}
	}
	return h
}

func (r *Result) cells(row Row) []string {
	c := r.keyCells(row)
	for i, m := range r.Measures {
		c = append(c, show(m, row.Values[i]))
		if r.Compared != "" {
			c = append(c, showChange(m, row.Change(m, i)))
		}
	}
	return c
}

func (r *Result) writeText(w io.Writer, markdown bool) error {
	if len(r.Rows) == 0 {
		_, err := fmt.Fprintln(w, "no calls match the report's period and filter")
		return err
	}
	header := r.header()
	nkeys := len(r.keyHeader())
	lines := [][]string{header}
	for _, row := range r.Rows {
		lines = append(lines, terminalCells(r.cells(row)))
	}
	if nkeys > 0 {
		total := r.cells(r.Total)
		for i := range nkeys {
			total[i] = ""
		}
		total[0] = "TOTAL"
		lines = append(lines, total)
	}
	width := columnWidths(lines)
	var b strings.Builder
	for n, l := range lines {
		if !markdown && n == len(lines)-1 && nkeys > 0 {
			rule(&b, width)
		}
		if markdown {
			b.WriteString("| ")
		}
		for i, c := range l {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			if markdown {
				c = strings.ReplaceAll(c, "|", `\|`)
				if n == len(lines)-1 && nkeys > 0 && i == 0 {
					c = "**" + c + "**"
					pad = pad[min(4, len(pad)):]
				}
			}
			if i > 0 {
				if markdown {
					b.WriteString(" | ")
				} else {
					b.WriteString("  ")
				}
			}
			switch {
			case i >= nkeys:
				b.WriteString(pad + c)
			case i == len(l)-1 && !markdown:
				b.WriteString(c)
			default:
				b.WriteString(c + pad)
			}
		}
		if markdown {
			b.WriteString(" |")
		}
		b.WriteString("\n")
		if n == 0 {
			if markdown {
				b.WriteString("|")
				for i, wd := range width {
					if i >= nkeys {
						b.WriteString(strings.Repeat("-", wd+1) + ":|")
					} else {
						b.WriteString(strings.Repeat("-", wd+2) + "|")
					}
				}
				b.WriteString("\n")
			} else {
				rule(&b, width)
			}
		}
	}
	if r.Compared != "" {
		note := "Δ: change against the " + r.Compared
		if r.Compared == "previous period" {
			note += fmt.Sprintf(" (%s to %s)", r.PrevFrom.Format("2006-01-02"), r.PrevTo.AddDate(0, 0, -1).Format("2006-01-02"))
		}
		note += "; pp = percentage points"
		if markdown {
			note = "\n" + note
		}
		b.WriteString(note + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// csvValue is a machine-readable value: plain decimal, empty for no data.
// Four decimals are beyond any measure's precision (times are known to
// milliseconds) and keep 15.920000000000002 out of spreadsheets.
func csvValue(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(math.Round(v*1e4)/1e4, 'f', -1, 64)
}

func (r *Result) writeCSV(w io.Writer) error {
	cw := newCSV(w)
	var head []string
	for _, d := range r.Dimensions {
		head = append(head, d.Name)
		if d.label != "" {
			head = append(head, d.Name+"_name")
		}
	}
	for _, m := range r.Measures {
		head = append(head, m.Name)
		if r.Compared != "" {
			head = append(head, m.Name+"_prev")
		}
	}
	_ = cw.Write(head)
	rows := r.Rows
	if len(r.Dimensions) > 0 && len(rows) > 0 {
		rows = append(rows[:len(rows):len(rows)], r.Total)
	}
	for n, row := range rows {
		var rec []string
		if n == len(r.Rows) {
			for _, d := range r.Dimensions {
				rec = append(rec, "")
				if d.label != "" {
					rec = append(rec, "")
				}
			}
			rec[0] = "TOTAL"
		} else {
			for i, d := range r.Dimensions {
				rec = append(rec, row.Keys[i])
				if d.label != "" {
					rec = append(rec, row.Labels[i])
				}
			}
		}
		for i := range r.Measures {
			rec = append(rec, csvValue(row.Values[i]))
			if r.Compared != "" {
				p := math.NaN()
				if row.Prev != nil {
					p = row.Prev[i]
				}
				rec = append(rec, csvValue(p))
			}
		}
		_ = cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

// jsonReport is the JSON shape of a report.
type jsonReport struct {
	Dimensions []string   `json:"dimensions"`
	Measures   []Measure  `json:"measures"`
	From       string     `json:"from,omitempty"`
	To         string     `json:"to,omitempty"`
	Filter     string     `json:"filter,omitempty"`
	Compared   string     `json:"compared,omitempty"`
	Rows       []jsonRow  `json:"rows"`
	Total      jsonValues `json:"total"`
}

type jsonRow struct {
	Keys   map[string]string `json:"keys"`
	Values jsonValues        `json:"values"`
	Prev   jsonValues        `json:"previous,omitempty"`
}

// jsonValues maps measure names to values; no data is null.
type jsonValues map[string]*float64

func (r *Result) jsonValues(v []float64) jsonValues {
	if v == nil {
		return nil
	}
	out := jsonValues{}
	for i, m := range r.Measures {
		if math.IsNaN(v[i]) || math.IsInf(v[i], 0) {
			out[m.Name] = nil
			continue
		}
		x := v[i]
		out[m.Name] = &x
	}
	return out
}

func (r *Result) writeJSON(w io.Writer) error {
	out := jsonReport{Measures: r.Measures, Filter: r.Spec.Filter, Compared: r.Compared, Rows: []jsonRow{}}
	out.Dimensions = []string{}
	for _, d := range r.Dimensions {
		out.Dimensions = append(out.Dimensions, d.Name)
	}
	if !r.Spec.From.IsZero() {
		out.From = r.Spec.From.Format("2006-01-02T15:04:05Z07:00")
	}
	if !r.Spec.To.IsZero() {
		out.To = r.Spec.To.Format("2006-01-02T15:04:05Z07:00")
	}
	for _, row := range r.Rows {
		keys := map[string]string{}
		for i, d := range r.Dimensions {
			keys[d.Name] = row.Keys[i]
			if d.label != "" {
				keys[d.Name+"_name"] = row.Labels[i]
			}
		}
		out.Rows = append(out.Rows, jsonRow{Keys: keys, Values: r.jsonValues(row.Values), Prev: r.jsonValues(row.Prev)})
	}
	out.Total = r.jsonValues(r.Total.Values)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
