package api

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"slices"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/callscope/callscope/internal/audit"
	"github.com/callscope/callscope/internal/objstore"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/report/filter"
)

const maxFilter = 2000

func (s *Server) report(w http.ResponseWriter, r *http.Request, p *principal) {
	res, ok := s.runReport(w, r)
	if !ok {
		return
	}
	var buf bytes.Buffer
	if err := res.Write(&buf, report.FormatJSON); err != nil {
		s.writeUseCaseError(w, r, err)
		return
	}
	s.record(r, p, audit.Reported, "", "", http.StatusOK, truncate(r.URL.RawQuery, 1024))
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(buf.Bytes())
}

// runReport reads a report's parameters (those of GET /api/v1/report) and
// runs it; false when it has answered an error.
func (s *Server) runReport(w http.ResponseWriter, r *http.Request) (*report.Result, bool) {
	ps := newParams(r)
	def := report.Definition{
		Filter: ps.str("filter", maxFilter), From: ps.str("from", 10), To: ps.str("to", 10),
		Period: ps.str("period", 40), Timezone: ps.str("tz", 64), Compare: ps.boolean("compare"),
		Sort: ps.str("sort", 200), Top: ps.integer("top", 0, 0, 100000), Bottom: ps.integer("bottom", 0, 0, 100000),
	}
	def.By = slices.Clone(report.DefaultBy)
	if ps.has("by") {
		def.By = report.SplitList(ps.str("by", 500))
	}
	def.Measures = report.SplitList(ps.str("measures", 2000))
	if len(def.By) > 8 || len(def.Measures) > 64 {
		ps.fail("by", "at most 8 dimensions and 64 measures")
	}
	if !ps.ok(w) {
		return nil, false
	}
	res, err := report.Run(report.WithCache(r.Context(), s.reports), s.cfg.DB, def, s.cfg.Now())
	if err != nil {
		s.writeUseCaseError(w, r, err)
		return nil, false
	}
	return res, true
}

type callPage struct {
	// Total is left out when the request asked total=false.
	Total      *uint64          `json:"total,omitempty"`
	Calls      []report.CallRow `json:"calls"`
	NextCursor string           `json:"next_cursor,omitempty"`
}

func (s *Server) calls(w http.ResponseWriter, r *http.Request, p *principal) {
	ps := newParams(r)
	req := report.CallsRequest{
		Filter: ps.str("filter", maxFilter), Slices: ps.list("slice", 16),
		From: ps.str("from", 10), To: ps.str("to", 10), TZ: ps.str("tz", 64),
		Limit: ps.integer("limit", report.DefaultCallsLimit, 1, 1000), Sort: ps.str("sort", 20), Cursor: ps.str("cursor", 2048),
	}
	// total=false: no count of all matching calls (a short list that
	// shows none); true when not given.
	if ps.has("total") {
		req.NoTotal = !ps.boolean("total")
	}
	if !ps.ok(w) {
		return
	}
	list, err := report.Calls(r.Context(), s.cfg.DB, req)
	if err != nil {
		s.writeUseCaseError(w, r, err)
		return
	}
	if list.Calls == nil {
		list.Calls = []report.CallRow{}
	}
	s.record(r, p, audit.Listed, "", "", http.StatusOK, truncate(r.URL.RawQuery, 1024))
	page := callPage{Calls: list.Calls, NextCursor: list.Next}
	if !req.NoTotal {
		page.Total = &list.Total
	}
	writeJSON(w, http.StatusOK, page)
}

// callID reads the {id} of the path: at most 256 bytes of printable
// UTF-8. Anything else cannot be a call id and is answered 404 like an
// unknown id.
func callID(r *http.Request) (string, bool) {
	id := r.PathValue("id")
	if id == "" || len(id) > 256 || !utf8.ValidString(id) {
		return "", false
	}
	for _, c := range id {
		if !unicode.IsPrint(c) {
			return "", false
		}
	}
	return id, true
}

// showCall reads a call in the user's scope; a call that exists outside it
// is answered 404 like a missing one, with a "denied" audit row.
func (s *Server) showCall(w http.ResponseWriter, r *http.Request, p *principal, tz string) (*report.CallDetail, bool) {
	id, ok := callID(r)
	if !ok {
		writeError(w, http.StatusNotFound, "not_found", "no such call")
		return nil, false
	}
	d, err := report.Show(r.Context(), s.cfg.DB, id, tz)
	if err != nil {
		s.callError(w, r, p, id, err)
		return nil, false
	}
	return d, true
}

// callError answers a failed read of one call; a call not found in the
// user's scope that exists outside it gets a "denied" audit row.
func (s *Server) callError(w http.ResponseWriter, r *http.Request, p *principal, id string, err error) {
	if errors.Is(err, report.ErrCallNotFound) {
		if sc, _ := report.ScopeFrom(r.Context()); !sc.All {
			all := report.WithScope(context.WithoutCancel(r.Context()), report.Scope{All: true})
			if _, dept, err := report.CallObject(all, s.cfg.DB, id); err == nil {
				s.record(r, p, audit.Denied, id, dept, http.StatusNotFound, "outside the user's departments")
			}
		}
	}
	s.writeUseCaseError(w, r, err)
}

type callJSON struct {
	*report.CallDetail
	Timeline *Timeline `json:"timeline"`
	// Audio says whether the user may play a version of the recording,
	// AudioVersion which (original or redacted), AudioUnavailable why
	// there is none for them.
	Audio            bool   `json:"audio"`
	AudioVersion     string `json:"audio_version,omitempty"`
	AudioUnavailable string `json:"audio_unavailable,omitempty"`
}

func (s *Server) call(w http.ResponseWriter, r *http.Request, p *principal) {
	ps := newParams(r)
	tz := ps.str("tz", 64)
	if !ps.ok(w) {
		return
	}
	d, ok := s.showCall(w, r, p, tz)
	if !ok {
		return
	}
	tl, err := s.timeline(r.Context(), d)
	if err != nil {
		level := slog.LevelWarn
		if errors.Is(err, objstore.ErrNotFound) {
			level = slog.LevelDebug // an archive without transcripts in storage
		}
		s.log.Log(r.Context(), level, "api: timeline unavailable", "call", d.CallID, "err", err)
	}
	s.record(r, p, audit.Viewed, d.CallID, d.Department, http.StatusOK, "")
	rec := report.Recording{ObjectKey: d.ObjectKey, Department: d.Department}
	if v, ok := d.Parameters["pii_count"]; ok {
		rec.PIICount = &v
	}
	version, unavailable := s.audioVersion(r.Context(), p, rec)
	writeJSON(w, http.StatusOK, callJSON{CallDetail: d, Timeline: tl, Audio: version != "", AudioVersion: version, AudioUnavailable: unavailable})
}

type searchHit struct {
	report.SearchHit
	Snippet []report.SnippetPart `json:"snippet"`
}

func (s *Server) search(w http.ResponseWriter, r *http.Request, p *principal) {
	ps := newParams(r)
	req := report.SearchRequest{Phrase: ps.str("q", 500), Filter: ps.str("filter", maxFilter), Channel: ps.str("channel", 20),
		From: ps.str("from", 10), To: ps.str("to", 10), TZ: ps.str("tz", 64), Limit: ps.integer("limit", report.DefaultCallsLimit, 1, 1000)}
	if !ps.ok(w) {
		return
	}
	hits, err := report.Search(r.Context(), s.cfg.DB, req)
	if err != nil {
		s.writeUseCaseError(w, r, err)
		return
	}
	out := struct {
		Hits []searchHit `json:"hits"`
	}{Hits: make([]searchHit, 0, len(hits))}
	for _, h := range hits {
		out.Hits = append(out.Hits, searchHit{SearchHit: h, Snippet: report.Snippet(h.Text, req.Phrase)})
	}
	s.record(r, p, audit.Searched, "", "", http.StatusOK, truncate(req.Phrase, 500))
	writeJSON(w, http.StatusOK, out)
}

type fieldJSON struct {
	Name   string `json:"name"`
	Type   string `json:"type"`
	Doc    string `json:"doc"`
	Family bool   `json:"family"`
}

type dimensionJSON struct {
	Name  string `json:"name"`
	Title string `json:"title"`
}

func (s *Server) fields(w http.ResponseWriter, r *http.Request, p *principal) {
	out := struct {
		Fields          []fieldJSON     `json:"fields"`
		Dimensions      []dimensionJSON `json:"dimensions"`
		Measures        []string        `json:"measures"`
		MeasurePatterns []string        `json:"measure_patterns"`
		DefaultMeasures []string        `json:"default_measures"`
		Periods         []string        `json:"periods"`
		Slices          []string        `json:"slices"`
		Sorts           []string        `json:"sorts"`
	}{
		Measures: report.MeasureNames(), MeasurePatterns: []string{"cat:CATEGORY", "pct:CATEGORY", "param:NAME"},
		DefaultMeasures: report.DefaultMeasures, Periods: report.Periods, Slices: report.SliceNames(), Sorts: report.CallSorts(),
	}
	for _, f := range filter.Fields() {
		out.Fields = append(out.Fields, fieldJSON{Name: f.Name, Type: f.Type.String(), Doc: f.Doc, Family: f.IsFamily()})
	}
	for _, d := range report.Dimensions() {
		out.Dimensions = append(out.Dimensions, dimensionJSON{Name: d.Name, Title: d.Title})
	}
	w.Header().Set("Cache-Control", "private, max-age=300")
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) values(w http.ResponseWriter, r *http.Request, p *principal) {
	ps := newParams(r)
	field, prefix := ps.str("field", 40), ps.str("prefix", 200)
	if field == "" {
		ps.fail("field", "field: required")
	}
	if !ps.ok(w) {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 30*time.Second)
	defer cancel()
	vals, err := report.FieldValues(ctx, s.cfg.DB, field, prefix, 100)
	if err != nil {
		s.writeUseCaseError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Field  string              `json:"field"`
		Values []report.FieldValue `json:"values"`
	}{field, vals})
}
