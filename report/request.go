package report

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/callscope/callscope/report/filter"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// The use cases below take requests as people write them (the flags of the
// command line, the query parameters of the HTTP API) and run them: the
// CLI and the API call the same functions, so they answer alike.

// ParamError is a request parameter that is not valid. Param is its name
// without dashes (tz, from, filter); the message reads as the command line
// says it ("--tz: unknown time zone ...").
type ParamError struct {
	Param string
	Err   error
}

func (e *ParamError) Error() string { return e.Err.Error() }
func (e *ParamError) Unwrap() error { return e.Err }

// Message is the error as the API says it, beside the parameter's name:
// without the "--param: " the command line puts first, the package's
// "report: ", or an " in --param" naming the flag.
func (e *ParamError) Message() string {
	msg := strings.TrimPrefix(e.Err.Error(), "report: ")
	msg = strings.Replace(msg, " in --"+e.Param, "", 1)
	for _, p := range []string{"--" + e.Param + ": ", "--" + e.Param + " "} {
		if strings.HasPrefix(msg, p) {
			msg = strings.TrimPrefix(msg, p)
			break
		}
	}
	return APIText(msg)
}

// APIText is a message of this package as the API says it: a flag it
// names is the API's parameter of the same name (--to is to, "--from/--to"
// is "from/to"), since an API user has no flags. Quoted text (a value the
// user sent, written with %q) is left as it is.
func APIText(msg string) string {
	var b strings.Builder
	quoted := false
	for i := 0; i < len(msg); i++ {
		c := msg[i]
		switch {
		case c == '\\' && quoted && i+1 < len(msg):
			b.WriteByte(c)
			i++
			b.WriteByte(msg[i])
			continue
		case c == '"':
			quoted = !quoted
		case !quoted && c == '-' && strings.HasPrefix(msg[i:], "--") && i+2 < len(msg) &&
			msg[i+2] >= 'a' && msg[i+2] <= 'z' && (i == 0 || strings.IndexByte(" /(,", msg[i-1]) >= 0):
			i++ // drop the two dashes
			continue
		}
		b.WriteByte(c)
	}
	return strings.TrimPrefix(b.String(), "report: ")
}

func paramErr(param, format string, args ...any) error {
	return &ParamError{Param: param, Err: fmt.Errorf(format, args...)}
}

// ErrBadRequest marks a request that is not valid (wrapped by ParamError
// messages' callers that want one sentinel).
var ErrBadRequest = errors.New("bad request")

// Spec turns a definition into a spec as of now: the named period or the
// inclusive dates in the definition's time zone (UTC when empty).
func (d Definition) Spec(now time.Time) (Spec, error) {
	tz := d.Timezone
	if tz == "" {
		tz = "UTC"
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		return Spec{}, paramErr("tz", "--tz: unknown time zone %q", tz)
	}
	spec := Spec{By: d.By, Measures: d.Measures, Filter: d.Filter, Location: loc,
		Compare: d.Compare, Sort: d.Sort, Top: d.Top, Bottom: d.Bottom}
	switch {
	case d.Period != "" && (d.From != "" || d.To != ""):
		return Spec{}, paramErr("period", "--period: give a period or --from/--to, not both")
	case d.Period != "":
		spec.From, spec.To, err = PeriodRange(d.Period, now, loc)
		if err != nil {
			return Spec{}, &ParamError{Param: "period", Err: fmt.Errorf("--period: %w", err)}
		}
	default:
		spec.From, spec.To, err = DateRange(d.From, d.To, loc)
		if err != nil {
			return Spec{}, err
		}
	}
	return spec, nil
}

// Run runs a report definition as of now: what `callscope report` and
// GET /api/v1/report both do.
func Run(ctx context.Context, db store.Querier, d Definition, now time.Time) (*Result, error) {
	spec, err := d.Spec(now)
	if err != nil {
		return nil, err
	}
	return Slice(ctx, db, spec)
}

// DayRange reads a time zone and two days in it (either may be empty): the
// period of the drill-down commands, from included, to excluded.
func DayRange(tz, fromText, toText string) (*time.Location, time.Time, time.Time, error) {
	if tz == "" {
		tz = "UTC"
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		return nil, time.Time{}, time.Time{}, paramErr("tz", "--tz: unknown time zone %q: want an IANA name such as Europe/Moscow", tz)
	}
	var bounds [2]time.Time
	for i, p := range []struct{ flag, value string }{{"from", fromText}, {"to", toText}} {
		if p.value == "" {
			continue
		}
		t, err := time.ParseInLocation("2006-01-02", p.value, loc)
		if err != nil {
			return nil, time.Time{}, time.Time{}, paramErr(p.flag, "--%s: want a date such as 2026-11-01, got %q", p.flag, p.value)
		}
		bounds[i] = t
	}
	// The last day is excluded, unlike a report's: the same day twice
	// would select nothing, and an empty list reads as an answer.
	if f, t := bounds[0], bounds[1]; !f.IsZero() && !t.IsZero() && !f.Before(t) {
		if f.Equal(t) {
			return nil, time.Time{}, time.Time{}, paramErr("to", "--to %s is excluded here, so --from %s --to %s selects no day: give --to %s for that day",
				toText, fromText, toText, t.AddDate(0, 0, 1).Format(time.DateOnly))
		}
		return nil, time.Time{}, time.Time{}, paramErr("from", "--from %s is after --to %s", fromText, toText)
	}
	return loc, bounds[0], bounds[1], nil
}

// ParseFilter parses a filter parameter; empty means no filter. A syntax
// error keeps its *filter.Error (column and caret) in the chain.
func ParseFilter(src string) (filter.Expr, error) {
	if strings.TrimSpace(src) == "" {
		return nil, nil
	}
	e, err := filter.Parse(src)
	if err != nil {
		return nil, &ParamError{Param: "filter", Err: fmt.Errorf("--filter: %w", err)}
	}
	return e, nil
}

// CallsRequest asks for the calls behind a report cell.
type CallsRequest struct {
	Filter string
	// Slices are report cells as NAME=VALUE (operator=op-12, month=2026-11).
	Slices []string
	// From and To are days in TZ, From included, To excluded.
	From, To, TZ string
	Limit        int
	// Sort is started_at (default), duration or score, with "-" first for
	// descending; Cursor continues a previous page (CallList.Next).
	Sort, Cursor string
	// NoTotal skips counting the calls that match (CallList.Total is then
	// 0): a count reads every matching call again, which a short list
	// (the dashboard's lowest scores) does not need.
	NoTotal bool
}

// Calls lists the calls of a request (`callscope calls`, GET /api/v1/calls).
func Calls(ctx context.Context, db store.Querier, r CallsRequest) (CallList, error) {
	q, err := r.Query()
	if err != nil {
		return CallList{}, err
	}
	if err := CheckFilterCategories(ctx, db, r.Filter); err != nil {
		return CallList{}, err
	}
	if err := CheckSliceCategories(ctx, db, r.Slices); err != nil {
		return CallList{}, err
	}
	return ListCalls(ctx, db, q)
}

// Query checks the request and builds its query.
func (r CallsRequest) Query() (CallsQuery, error) {
	if r.Limit < 0 {
		return CallsQuery{}, paramErr("limit", "--limit: want a positive number, got %d", r.Limit)
	}
	loc, from, to, err := DayRange(r.TZ, r.From, r.To)
	if err != nil {
		return CallsQuery{}, err
	}
	q := CallsQuery{From: from, To: to, Limit: r.Limit, Location: loc, NoTotal: r.NoTotal}
	if q.Filter, err = ParseFilter(r.Filter); err != nil {
		return CallsQuery{}, err
	}
	for _, s := range r.Slices {
		name, value, ok := strings.Cut(s, "=")
		if !ok {
			return CallsQuery{}, paramErr("slice", "--slice %q: want NAME=VALUE, e.g. operator=op-12", s)
		}
		if err := q.AddSlice(strings.TrimSpace(name), strings.TrimSpace(value)); err != nil {
			return CallsQuery{}, &ParamError{Param: "slice", Err: fmt.Errorf("--slice %s: %w", s, err)}
		}
	}
	if q.sort, err = parseCallSort(r.Sort); err != nil {
		return CallsQuery{}, err
	}
	if r.Cursor != "" {
		c, err := decodeCursor(r.Cursor, q.sort)
		if err != nil {
			return CallsQuery{}, err
		}
		q.after = &c
	}
	return q, nil
}

// SearchRequest asks for transcript segments with every word of Phrase.
type SearchRequest struct {
	Phrase, Filter, Channel string
	From, To, TZ            string
	Limit                   int
}

// Search runs a search request (`callscope search`, GET /api/v1/search).
func Search(ctx context.Context, db store.Querier, r SearchRequest) ([]SearchHit, error) {
	q, err := r.Query()
	if err != nil {
		return nil, err
	}
	if err := CheckFilterCategories(ctx, db, r.Filter); err != nil {
		return nil, err
	}
	return SearchCalls(ctx, db, q)
}

// Query checks the request and builds its query.
func (r SearchRequest) Query() (SearchQuery, error) {
	switch r.Channel {
	case "", schemas.RoleOperator, schemas.RoleClient, schemas.RoleMixed:
	default:
		return SearchQuery{}, paramErr("channel", "--channel: want operator, client or mixed, got %q", r.Channel)
	}
	if r.Limit < 0 {
		return SearchQuery{}, paramErr("limit", "--limit: want a positive number, got %d", r.Limit)
	}
	if strings.TrimSpace(r.Phrase) == "" {
		return SearchQuery{}, paramErr("q", "search: the phrase is empty")
	}
	loc, from, to, err := DayRange(r.TZ, r.From, r.To)
	if err != nil {
		return SearchQuery{}, err
	}
	q := SearchQuery{Phrase: r.Phrase, Channel: r.Channel, From: from, To: to, Location: loc, Limit: r.Limit}
	if q.Filter, err = ParseFilter(r.Filter); err != nil {
		return SearchQuery{}, err
	}
	return q, nil
}

// Show reads one call with its times in tz (`callscope show`,
// GET /api/v1/calls/{id}).
func Show(ctx context.Context, db store.Querier, callID, tz string) (*CallDetail, error) {
	if tz == "" {
		tz = "UTC"
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		return nil, paramErr("tz", "--tz: unknown time zone %q: want an IANA name such as Europe/Moscow", tz)
	}
	return ShowCall(ctx, db, callID, loc)
}
