package report

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Definition is a named report a manager runs again and again, kept in a
// YAML file (docs/reports.md):
//
//	name: weekly-quality
//	by: [operator]
//	measures: [calls, pct:complaint, avg_score, csat_index]
//	filter: department = "Поддержка"
//	period: last-week
//	timezone: Europe/Moscow
//	compare: true
//	sort: avg_score
//	bottom: 10
type Definition struct {
	Name     string   `yaml:"name"`
	Title    string   `yaml:"title"`
	By       []string `yaml:"by"`
	Measures []string `yaml:"measures"`
	Filter   string   `yaml:"filter"`
	// Period is a named period relative to today (see Periods); From and
	// To are dates, both inclusive. Period and From/To exclude each other.
	Period   string `yaml:"period"`
	From     string `yaml:"from"`
	To       string `yaml:"to"`
	Timezone string `yaml:"timezone"`
	Compare  bool   `yaml:"compare"`
	Sort     string `yaml:"sort"`
	Top      int    `yaml:"top"`
	Bottom   int    `yaml:"bottom"`
	Format   string `yaml:"format"`
}

// DefaultBy are the dimensions of a report asked for on the command line
// or through the API without naming any (--by, by=).
var DefaultBy = []string{"operator"}

// SplitList splits a comma-separated list of dimensions or measures as
// the command line (--by, --measures) and the API (by=, measures=) write
// it: names are trimmed, empty ones dropped.
func SplitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// ErrDefinition means a report definition file is not valid; the message
// names the file, line and column.
var ErrDefinition = errors.New("report definition")

// LoadDefinition reads a report definition from a YAML file. Unknown keys,
// dimensions, measures, periods and formats are errors naming
// file:line:col.
func LoadDefinition(path string) (Definition, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Definition{}, fmt.Errorf("%w: %w", ErrDefinition, err)
	}
	return ParseDefinition(path, data)
}

// ParseDefinition parses a definition; name is used in messages.
func ParseDefinition(name string, data []byte) (Definition, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return Definition{}, fmt.Errorf("%w: %s: %w", ErrDefinition, name, err)
	}
	if len(root.Content) == 0 {
		return Definition{}, fmt.Errorf("%w: %s: empty file", ErrDefinition, name)
	}
	doc := root.Content[0]
	at := func(n *yaml.Node, format string, args ...any) error {
		return fmt.Errorf("%w: %s:%d:%d: %s", ErrDefinition, name, n.Line, n.Column, fmt.Sprintf(format, args...))
	}
	if doc.Kind != yaml.MappingNode {
		return Definition{}, at(doc, "want a mapping of report settings")
	}
	known := map[string]bool{"name": true, "title": true, "by": true, "measures": true, "filter": true,
		"period": true, "from": true, "to": true, "timezone": true, "compare": true, "sort": true,
		"top": true, "bottom": true, "format": true}
	values := map[string]*yaml.Node{}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k := doc.Content[i]
		if !known[k.Value] {
			return Definition{}, at(k, "unknown setting %q", k.Value)
		}
		values[k.Value] = doc.Content[i+1]
		if err := settingShape(k.Value, doc.Content[i+1], at); err != nil {
			return Definition{}, err
		}
	}
	var def Definition
	if err := doc.Decode(&def); err != nil {
		return Definition{}, fmt.Errorf("%w: %s: %w", ErrDefinition, name, err)
	}
	// Check names here, so the message points into the file.
	if n := values["by"]; n != nil {
		for _, item := range n.Content {
			if _, ok := dimension(item.Value); !ok {
				return Definition{}, at(item, "unknown dimension %q (want %s)", item.Value, dimensionNames())
			}
		}
	}
	if n := values["measures"]; n != nil {
		for _, item := range n.Content {
			if _, err := measure(item.Value); err != nil {
				return Definition{}, at(item, "%v", strings.TrimPrefix(err.Error(), "report: "))
			}
		}
	}
	if n := values["period"]; n != nil {
		if _, _, err := PeriodRange(def.Period, time.Now(), time.UTC); err != nil {
			return Definition{}, at(n, "%v", err)
		}
		if def.From != "" || def.To != "" {
			return Definition{}, at(n, "give a period or from/to, not both")
		}
	}
	for _, k := range []string{"from", "to"} {
		if n := values[k]; n != nil {
			if _, err := time.Parse(time.DateOnly, n.Value); err != nil {
				return Definition{}, at(n, "%s: want a date such as 2026-11-01, got %q", k, n.Value)
			}
		}
	}
	if n := values["timezone"]; n != nil {
		if _, err := time.LoadLocation(def.Timezone); err != nil {
			return Definition{}, at(n, "unknown time zone %q", def.Timezone)
		}
	}
	if n := values["format"]; n != nil {
		if !validFormat(def.Format) {
			return Definition{}, at(n, "format must be one of %s, got %q", strings.Join(Formats, ", "), def.Format)
		}
	}
	return def, nil
}

// settingShape checks that a setting's value has its type, naming the
// place, before the YAML is decoded (whose own words are Go's: "cannot
// unmarshal !!str into []string"). by and measures may also be written as
// the command line writes them, one comma-separated string (by: operator,
// month): n is rewritten into the list.
func settingShape(key string, n *yaml.Node, at func(*yaml.Node, string, ...any) error) error {
	kind := map[yaml.Kind]string{yaml.MappingNode: "a mapping", yaml.SequenceNode: "a list", yaml.AliasNode: "an alias"}
	if n.Tag == "!!null" {
		return nil
	}
	switch key {
	case "by", "measures":
		switch n.Kind {
		case yaml.ScalarNode:
			list := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: n.Line, Column: n.Column}
			for _, item := range SplitList(n.Value) {
				list.Content = append(list.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: item, Line: n.Line, Column: n.Column})
			}
			*n = *list
		case yaml.SequenceNode:
			for _, item := range n.Content {
				if item.Kind != yaml.ScalarNode {
					return at(item, "%s: want names such as [operator, month], got %s in the list", key, kind[item.Kind])
				}
			}
		default:
			return at(n, "%s: want a list such as [operator, month], got %s", key, kind[n.Kind])
		}
		return nil
	}
	want, tag := "a string", ""
	switch key {
	case "compare":
		want, tag = "true or false", "!!bool"
	case "top", "bottom":
		want, tag = "a whole number", "!!int"
	}
	if n.Kind != yaml.ScalarNode {
		return at(n, "%s: want %s, got %s", key, want, kind[n.Kind])
	}
	if tag != "" && n.Tag != tag {
		return at(n, "%s: want %s, got %q", key, want, n.Value)
	}
	return nil
}

func validFormat(f string) bool {
	for _, x := range Formats {
		if f == x {
			return true
		}
	}
	return f == "md"
}

// Periods are the named periods of --period and definitions, relative to
// today in the report's time zone. Weeks start on Monday.
var Periods = []string{"today", "yesterday", "this-week", "last-week", "this-month", "last-month",
	"this-quarter", "last-quarter", "this-year", "last-year", "last-7-days", "last-30-days", "last-90-days"}

// PeriodRange is the [from, to) of a named period as of now in loc.
func PeriodRange(name string, now time.Time, loc *time.Location) (from, to time.Time, err error) {
	now = now.In(loc)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	monday := today.AddDate(0, 0, -((int(today.Weekday()) + 6) % 7))
	month := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, loc)
	quarter := time.Date(now.Year(), time.Month((int(now.Month())-1)/3*3+1), 1, 0, 0, 0, 0, loc)
	year := time.Date(now.Year(), 1, 1, 0, 0, 0, 0, loc)
	switch name {
	case "today":
		return today, today.AddDate(0, 0, 1), nil
	case "yesterday":
		return today.AddDate(0, 0, -1), today, nil
	case "this-week":
		return monday, monday.AddDate(0, 0, 7), nil
	case "last-week":
		return monday.AddDate(0, 0, -7), monday, nil
	case "this-month":
		return month, month.AddDate(0, 1, 0), nil
	case "last-month":
		return month.AddDate(0, -1, 0), month, nil
	case "this-quarter":
		return quarter, quarter.AddDate(0, 3, 0), nil
	case "last-quarter":
		return quarter.AddDate(0, -3, 0), quarter, nil
	case "this-year":
		return year, year.AddDate(1, 0, 0), nil
	case "last-year":
		return year.AddDate(-1, 0, 0), year, nil
	case "last-7-days":
		return today.AddDate(0, 0, -6), today.AddDate(0, 0, 1), nil
	case "last-30-days":
		return today.AddDate(0, 0, -29), today.AddDate(0, 0, 1), nil
	case "last-90-days":
		return today.AddDate(0, 0, -89), today.AddDate(0, 0, 1), nil
	}
	return time.Time{}, time.Time{}, fmt.Errorf("unknown period %q (want %s)", name, strings.Join(Periods, ", "))
}

// DateRange turns inclusive dates (YYYY-MM-DD, either may be empty) into
// [from, to) in loc: --to 2026-11-30 includes the whole of November 30.
func DateRange(from, to string, loc *time.Location) (time.Time, time.Time, error) {
	var f, t time.Time
	if from != "" {
		d, err := time.ParseInLocation(time.DateOnly, from, loc)
		if err != nil {
			return f, t, paramErr("from", "--from: want a date such as 2026-11-01, got %q", from)
		}
		f = d
	}
	if to != "" {
		d, err := time.ParseInLocation(time.DateOnly, to, loc)
		if err != nil {
			return f, t, paramErr("to", "--to: want a date such as 2026-11-30, got %q", to)
		}
		t = d.AddDate(0, 0, 1)
	}
	if !f.IsZero() && !t.IsZero() && !f.Before(t) {
		return f, t, paramErr("from", "--from %s is after --to %s", from, to)
	}
	return f, t, nil
}
