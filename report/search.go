package report

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/analyze/text"
	"github.com/callscope/callscope/report/filter"
	"github.com/callscope/callscope/store"
)

// SearchQuery finds calls by the words of their transcripts.
type SearchQuery struct {
	// Phrase's words must all occur in one segment, in any inflection
	// (stemmed as the dictionaries are).
	Phrase string
	// Filter and the period narrow the calls searched.
	Filter   filter.Expr
	From, To time.Time
	// Location is the time zone of dates in the filter (UTC if nil).
	Location *time.Location
	// Channel, when set, searches only that side: operator, client or
	// mixed.
	Channel string
	// Limit caps the segments returned (0: DefaultCallsLimit).
	Limit int
}

// SearchHit is one segment that has every word of the phrase.
type SearchHit struct {
	CallID     string    `json:"call_id"`
	Started    time.Time `json:"started_at,omitzero"`
	OperatorID string    `json:"operator_id"`
	Channel    string    `json:"channel"`
	Start      float64   `json:"start"`
	End        float64   `json:"end"`
	Text       string    `json:"text"`
}

// ErrEmptyPhrase means a search phrase without a word.
var ErrEmptyPhrase = errors.New("search phrase has no words")

// drillSearchLanguages are the stemmers a phrase is stemmed with: the store
// stems each call's segments in its language, and a search covers every
// call, so the phrase is matched in each; "" is the plain (unstemmed) form
// of languages without a stemmer.
var drillSearchLanguages = []string{"ru", "en", ""}

// searchPages is how many full pages of matching segments a search checks
// against the filter before it lets the server join the filtered calls
// instead: a filter that most calls pass fills the result from the first
// page; one that few pass is cheaper as a join.
const searchPages = 3

// searchPage is the number of segments a page reads for a search of limit
// segments (a variable so that tests can make pages tiny).
var searchPage = func(limit int) int { return max(4*limit, 1000) }

// SearchCalls finds transcript segments containing every word of the
// phrase, in the latest analysis of the calls matching the filter; the
// newest calls come first, each call's segments in time order.
//
// segments is sorted by call start, so a search reads back in time in
// windows (the newest day, then four times wider each time) and stops as
// soon as it has enough. Within a window it reads pages of matching
// segments and checks their calls against the filter and their latest
// analysis by call_id (the calls key). A filter that keeps few of a full
// page (under a quarter), or searchPages full pages in all, means the
// filter is selective: from then on each page joins the window's filtered
// calls on the server instead.
func SearchCalls(ctx context.Context, db store.Querier, q SearchQuery) ([]SearchHit, error) {
	var termSets [][]string
	seen := map[string]bool{}
	for _, lang := range drillSearchLanguages {
		terms := analyze.SearchTerms(q.Phrase, lang)
		if len(terms) == 0 {
			// The API's q (a ParamError), as an empty phrase is.
			return nil, &ParamError{Param: "q", Err: fmt.Errorf("report: search %q: %w", q.Phrase, ErrEmptyPhrase)}
		}
		if k := strings.Join(terms, "\x00"); !seen[k] {
			seen[k] = true
			termSets = append(termSets, terms)
		}
	}
	if cols, err := drillTableColumns(ctx, db, "segments"); err != nil {
		return nil, err
	} else if len(cols) == 0 {
		return nil, errors.New("report: search: this database stores no transcripts (table segments is missing): run callscope migrate and analyse the calls again")
	}
	where, whereArgs, err := drillWhere(ctx, q.Filter, q.Location, q.From, q.To)
	if err != nil {
		return nil, err
	}
	s := &searcher{db: db, where: where, whereArgs: whereArgs, from: q.From, to: q.To, limit: q.Limit}
	if s.limit <= 0 {
		s.limit = DefaultCallsLimit
	}
	var match []string
	for _, t := range termSets {
		match = append(match, "hasAll(terms, ?)")
		s.segArgs = append(s.segArgs, t)
	}
	s.segCond = "(" + strings.Join(match, " OR ") + ")"
	if q.Channel != "" {
		s.segCond += " AND channel = ?"
		s.segArgs = append(s.segArgs, q.Channel)
	}
	// The period bounds the segments too: they carry their call's start,
	// so a period reads only its months.
	if !q.From.IsZero() {
		s.segCond += " AND started_at >= ?"
		s.segArgs = append(s.segArgs, q.From)
	}
	if !q.To.IsZero() {
		s.segCond += " AND started_at < ?"
		s.segArgs = append(s.segArgs, q.To)
	}
	hits, err := s.run(ctx)
	if err != nil {
		return nil, fmt.Errorf("report: search %q: %w", q.Phrase, err)
	}
	for i := range hits {
		if !hits[i].Started.IsZero() && q.Location != nil {
			hits[i].Started = hits[i].Started.In(q.Location)
		}
	}
	return hits, nil
}

type searcher struct {
	db        store.Querier
	segCond   string
	segArgs   []any
	where     string
	whereArgs []any
	from, to  time.Time
	limit     int
}

// candidate is a matching segment before its call is checked.
type candidate struct {
	SearchHit
	rowVersion uint64
	stored     time.Time // started_at as stored, for the page key
	segIndex   uint32
}

func (s *searcher) run(ctx context.Context) ([]SearchHit, error) {
	newest, err := s.newest(ctx)
	if err != nil {
		return nil, err
	}
	page := searchPage(s.limit)
	var out []SearchHit
	var after *candidate // page key: segments of calls before it
	fullPages := 0
	joinFilter := false
	// Windows back in time from the newest segment: a day, then four
	// times wider each time, the last one open. A frequent word fills
	// the result from the first day; a rare one is read window by window,
	// the whole archive once in all.
	var hi time.Time
	for span := 24 * time.Hour; ; span *= 4 {
		lo := newest.Add(-span)
		if span > 50*365*24*time.Hour || (!s.from.IsZero() && !lo.After(s.from)) || lo.Unix() <= 0 {
			lo = time.Time{}
		}
		for {
			var cands []candidate
			var full bool
			var err error
			if joinFilter || fullPages >= searchPages {
				// The filter keeps few candidates: let the server join
				// the window's filtered calls instead.
				cands, full, err = s.joined(ctx, lo, hi, after, page)
			} else {
				cands, full, err = s.page(ctx, lo, hi, after, page)
			}
			if err != nil {
				return nil, err
			}
			if full {
				fullPages++
				// The page may end inside a call: leave that call to the
				// next page, or, when it is the page's only call, read
				// all of its matching segments now.
				last := cands[len(cands)-1]
				cut := len(cands)
				for cut > 0 && cands[cut-1].CallID == last.CallID {
					cut--
				}
				if cut > 0 {
					cands = cands[:cut]
				} else if cands, err = s.call(ctx, last); err != nil {
					return nil, err
				}
			}
			kept, err := s.check(ctx, cands)
			if err != nil {
				return nil, err
			}
			// A full page of which the filter keeps under a quarter: the
			// filter is selective, so joining it is cheaper from now on.
			if full && 4*len(kept) < len(cands) {
				joinFilter = true
			}
			out = append(out, kept...)
			if len(out) >= s.limit {
				return capHits(out, s.limit), nil
			}
			if !full {
				break
			}
			after = &cands[len(cands)-1]
		}
		if lo.IsZero() {
			return capHits(out, s.limit), nil
		}
		hi, after = lo, nil
	}
}

// newest is the start of the newest call with segments in the period.
func (s *searcher) newest(ctx context.Context) (time.Time, error) {
	query := "SELECT max(started_at) FROM segments WHERE 1"
	var args []any
	if !s.from.IsZero() {
		query += " AND started_at >= ?"
		args = append(args, s.from)
	}
	if !s.to.IsZero() {
		query += " AND started_at < ?"
		args = append(args, s.to)
	}
	var t time.Time
	if err := store.QueryRow(ctx, s.db, []any{&t}, query, args...); err != nil {
		return time.Time{}, err
	}
	return t, nil
}

func capHits(h []SearchHit, n int) []SearchHit {
	if len(h) > n {
		h = h[:n]
	}
	if len(h) == 0 {
		return nil
	}
	return h
}

const searchColumns = "call_id, row_version, channel, seg_index, started_at, start_sec, end_sec, text"

// searchOrder reads segments newest call first (the table's key, read
// backwards), each call's segments in time order.
const searchOrder = "\nORDER BY started_at DESC, call_id DESC, start_sec, channel, seg_index"

// windowCond limits segments to calls in [lo, hi) and before the page
// key; zero times are open ends.
func windowCond(lo, hi time.Time, after *candidate) (string, []any) {
	var b strings.Builder
	var args []any
	if !lo.IsZero() {
		b.WriteString(" AND started_at >= ?")
		args = append(args, lo)
	}
	if !hi.IsZero() {
		b.WriteString(" AND started_at < ?")
		args = append(args, hi)
	}
	if after != nil {
		b.WriteString(" AND (started_at < ? OR (started_at = ? AND call_id < ?))")
		args = append(args, after.stored, after.stored, after.CallID)
	}
	return b.String(), args
}

// page reads up to n matching segments of calls in [lo, hi) before after;
// full says the limit was reached (more may follow).
func (s *searcher) page(ctx context.Context, lo, hi time.Time, after *candidate, n int) ([]candidate, bool, error) {
	wc, wargs := windowCond(lo, hi, after)
	query := "SELECT " + searchColumns + "\nFROM segments\nWHERE " + s.segCond + wc + searchOrder +
		"\nLIMIT " + strconv.Itoa(n)
	cands, err := s.scan(ctx, query, append(append([]any(nil), s.segArgs...), wargs...), false)
	return cands, len(cands) >= n, err
}

// call reads every matching segment of the call of c.
func (s *searcher) call(ctx context.Context, c candidate) ([]candidate, error) {
	query := "SELECT " + searchColumns + "\nFROM segments\nWHERE " + s.segCond + " AND started_at = ? AND call_id = ?" + searchOrder
	return s.scan(ctx, query, append(append([]any(nil), s.segArgs...), c.stored, c.CallID), false)
}

// joined is page for a filter that few calls pass: it reads only the
// segments of calls in [lo, hi) that pass the filter in their latest
// analysis, joined on the server (the calls subqueries read only the
// window's months). The set of their start times lets the server skip, by
// the segments key, the granules of calls that cannot pass.
func (s *searcher) joined(ctx context.Context, lo, hi time.Time, after *candidate, n int) ([]candidate, bool, error) {
	wc, wargs := windowCond(lo, hi, after)
	callsWhere := s.where
	callsArgs := s.whereArgs
	if !lo.IsZero() {
		callsWhere += " AND started_at >= ?"
		callsArgs = append(append([]any(nil), callsArgs...), lo)
	}
	if !hi.IsZero() {
		callsWhere += " AND started_at < ?"
		callsArgs = append(append([]any(nil), callsArgs...), hi)
	}
	query := "SELECT " + searchColumns + "\nFROM segments\nWHERE " + s.segCond + wc +
		"\n  AND started_at IN (SELECT started_at FROM calls FINAL WHERE " + callsWhere + ")" +
		"\n  AND (call_id, row_version) IN (SELECT call_id, row_version FROM calls FINAL WHERE " + callsWhere + ")" +
		searchOrder + "\nLIMIT " + strconv.Itoa(n)
	args := append(append(append(append([]any(nil), s.segArgs...), wargs...), callsArgs...), callsArgs...)
	cands, err := s.scan(ctx, query, args, true)
	return cands, len(cands) >= n, err
}

// scan reads candidates; final marks a query with a calls FINAL subquery,
// which gets drillSettings.
func (s *searcher) scan(ctx context.Context, query string, args []any, final bool) ([]candidate, error) {
	var rows store.Rows
	var err error
	if final {
		rows, err = drillQuery(ctx, s.db, query, args...)
	} else {
		rows, err = s.db.Query(ctx, query, args...)
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []candidate
	for rows.Next() {
		var c candidate
		if err := rows.Scan(&c.CallID, &c.rowVersion, &c.Channel, &c.segIndex, &c.stored, &c.Start, &c.End, &c.Text); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// check keeps the candidates whose call passes the filter in its latest
// analysis (the candidate's row_version), dropping a segment written twice
// by the same analysis, and fills in each call's start and operator.
func (s *searcher) check(ctx context.Context, cands []candidate) ([]SearchHit, error) {
	if len(cands) == 0 {
		return nil, nil
	}
	var ids []string
	for i, c := range cands {
		if i == 0 || c.CallID != cands[i-1].CallID {
			ids = append(ids, c.CallID)
		}
	}
	type callInfo struct {
		version  uint64
		started  time.Time
		operator string
	}
	// call_id IN (...) is a range of the calls key: a few granules read.
	rows, err := drillQuery(ctx, s.db, "SELECT call_id, row_version, started_at, operator_id FROM calls FINAL WHERE call_id IN (SELECT arrayJoin(?)) AND "+
		s.where, append([]any{ids}, s.whereArgs...)...)
	if err != nil {
		return nil, err
	}
	info := map[string]callInfo{}
	func() {
		defer rows.Close()
		for rows.Next() {
			var id string
			var ci callInfo
			if err = rows.Scan(&id, &ci.version, &ci.started, &ci.operator); err != nil {
				return
			}
			info[id] = ci
		}
		err = rows.Err()
	}()
	if err != nil {
		return nil, err
	}
	type segKey struct {
		call, channel string
		index         uint32
	}
	dup := map[segKey]bool{}
	var out []SearchHit
	for _, c := range cands {
		ci, ok := info[c.CallID]
		if !ok || ci.version != c.rowVersion {
			continue
		}
		k := segKey{c.CallID, c.Channel, c.segIndex}
		if dup[k] {
			continue
		}
		dup[k] = true
		h := c.SearchHit
		h.Started, h.OperatorID = drillKnownTime(ci.started), ci.operator
		out = append(out, h)
	}
	// Newest call first, each call's segments in time order (a page is
	// ordered so already; the sort keeps it so across an analysis that
	// moved a call).
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if !a.Started.Equal(b.Started) {
			return a.Started.After(b.Started)
		}
		if a.CallID != b.CallID {
			return a.CallID > b.CallID
		}
		return a.Start < b.Start
	})
	return out, nil
}

// SnippetPart is a piece of a segment's text; Hit marks a word of the
// search phrase (in any inflection).
type SnippetPart struct {
	Text string `json:"text"`
	Hit  bool   `json:"hit,omitempty"`
}

// Snippet cuts a found segment's text into parts, marking the words that
// match the phrase's words as search matches them (stemmed in each
// language the search tries).
func Snippet(segment, phrase string) []SnippetPart {
	want := map[string]bool{}
	for _, lang := range drillSearchLanguages {
		for _, t := range analyze.SearchTerms(phrase, lang) {
			want[lang+"\x00"+t] = true
		}
	}
	var parts []SnippetPart
	pos := 0
	add := func(s string, hit bool) {
		if s == "" {
			return
		}
		if n := len(parts); n > 0 && parts[n-1].Hit == hit {
			parts[n-1].Text += s
			return
		}
		parts = append(parts, SnippetPart{Text: s, Hit: hit})
	}
	for _, tok := range text.Tokenize(segment) {
		hit := false
		for _, lang := range drillSearchLanguages {
			if st := analyze.SearchTerms(tok.Norm, lang); len(st) == 1 && want[lang+"\x00"+st[0]] {
				hit = true
				break
			}
		}
		if !hit {
			continue
		}
		add(segment[pos:tok.Start], false)
		add(segment[tok.Start:tok.End], true)
		pos = tok.End
	}
	add(segment[pos:], false)
	return parts
}
