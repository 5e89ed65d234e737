package app

import (
	"errors"
	"fmt"
	"time"

	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/report/filter"
	"github.com/callscope/callscope/store"
)

// ErrBadTime is wrapped by errors about a time given as text.
var ErrBadTime = errors.New("bad time")

// ParseSince reads a moment as people write it: an RFC 3339 time, a date
// (UTC midnight), or a duration back from now ("36h"); "" is the zero time.
func ParseSince(s string, now time.Time) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if d, err := time.ParseDuration(s); err == nil && d >= 0 {
		return now.Add(-d), nil
	}
	return time.Time{}, fmt.Errorf("%w: %q: want an RFC 3339 time (2026-11-20T10:00:00+03:00), a date (2026-11-20) or a duration (36h)", ErrBadTime, s)
}

// ReprocessRequest selects the calls to reprocess as people write it (the
// flags of `callscope reprocess`); Selection checks it.
type ReprocessRequest struct {
	// From and To bound the analysis time: ParseSince's forms.
	From, To string
	// Status is analysed (default) or failed.
	Status                             string
	Operators, Departments             []string
	Categories                         []string
	DictionaryVersion, StaleDictionary string
	// Filter is a report filter over the latest analysis, its dates in TZ.
	Filter, TZ string
	// Stage is ReprocessAnalyze or ReprocessTranscribe.
	Stage string
}

// Selection checks the request as of now and builds the store's
// selection.
func (r ReprocessRequest) Selection(now time.Time) (store.Selection, error) {
	var sel store.Selection
	var err error
	if sel.From, err = ParseSince(r.From, now); err != nil {
		return sel, fmt.Errorf("--from: %w", err)
	}
	if r.To != "" {
		if sel.To, err = ParseSince(r.To, now); err != nil {
			return sel, fmt.Errorf("--to: %w", err)
		}
	}
	switch r.Status {
	case "analysed", "analyzed", "":
	case "failed":
		sel.Failed = true
	default:
		return sel, fmt.Errorf("--status %q: want analysed or failed", r.Status)
	}
	sel.Operators, sel.Departments, sel.Categories = r.Operators, r.Departments, r.Categories
	sel.DictionaryVersion, sel.StaleDictionary = r.DictionaryVersion, r.StaleDictionary
	e, err := report.ParseFilter(r.Filter)
	if err != nil {
		return sel, err
	}
	if e != nil {
		tz := r.TZ
		if tz == "" {
			tz = "UTC"
		}
		loc, lerr := time.LoadLocation(tz)
		if lerr != nil {
			return sel, fmt.Errorf("--tz: unknown time zone %q: want an IANA name such as Europe/Moscow", tz)
		}
		if sel.Where, sel.WhereArgs, err = filter.CompileIn(e, loc); err != nil {
			return sel, fmt.Errorf("--filter: %w", err)
		}
	}
	if err := sel.Check(); err != nil {
		return sel, err
	}
	if r.Stage != ReprocessAnalyze && r.Stage != ReprocessTranscribe {
		return sel, fmt.Errorf("--stage %q: want analyze or transcribe", r.Stage)
	}
	return sel, nil
}
