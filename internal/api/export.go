package api

import (
	"bytes"
	"net/http"

	"github.com/callscope/callscope/internal/audit"
	"github.com/callscope/callscope/report"
)

// reportExport is GET /api/v1/report/export: the report of the same
// parameters as GET /api/v1/report, as the CSV file `callscope report
// --format csv` writes (the rows, then a TOTAL row; text a spreadsheet
// would read as a formula is escaped), downloaded as report.csv. Data
// leaving the server this way is recorded in the audit trail as exported,
// with the report's parameters.
func (s *Server) reportExport(w http.ResponseWriter, r *http.Request, p *principal) {
	res, ok := s.runReport(w, r)
	if !ok {
		return
	}
	var buf bytes.Buffer
	if err := res.Write(&buf, report.FormatCSV); err != nil {
		s.writeUseCaseError(w, r, err)
		return
	}
	s.record(r, p, audit.Exported, "", "", http.StatusOK, "report csv: "+truncate(r.URL.RawQuery, 1000))
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="report.csv"`)
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(buf.Bytes())
}
