package api_test

import (
	"bytes"
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/audit"
	"github.com/callscope/callscope/report"
)

// TestReportExport: GET /api/v1/report/export answers the CSV `callscope
// report --format csv` writes for the same definition, as a download, in
// the user's scope, and leaves an audit row "exported" with the report's
// parameters; a refused report exports nothing and leaves none.
func TestReportExport(t *testing.T) {
	backends(t, func(t *testing.T, f *fixture) {
		mgr := f.login("mgr")
		q := "by=department&measures=calls,avg_score,pct:complaint&from=2026-11-01&to=2026-11-30&filter=" + url.QueryEscape("duration > 15s")
		resp, body := mgr.do("GET", "/api/v1/report/export?"+q, "", nil)
		if resp.StatusCode != 200 {
			t.Fatalf("export: %d %s", resp.StatusCode, body)
		}
		if ct, cd := resp.Header.Get("Content-Type"), resp.Header.Get("Content-Disposition"); !strings.HasPrefix(ct, "text/csv") || !strings.Contains(cd, `attachment; filename="report.csv"`) {
			t.Errorf("headers: Content-Type %q, Content-Disposition %q", ct, cd)
		}
		res, err := report.Run(context.Background(), f.db, report.Definition{By: []string{"department"},
			Measures: []string{"calls", "avg_score", "pct:complaint"}, From: "2026-11-01", To: "2026-11-30", Filter: "duration > 15s"}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := res.Write(&want, report.FormatCSV); err != nil {
			t.Fatal(err)
		}
		if string(body) != want.String() {
			t.Errorf("export differs from the CLI's CSV:\n got %s\nwant %s", body, want.String())
		}
		lines := strings.Split(strings.TrimSpace(string(body)), "\n")
		if len(lines) != 4 || !strings.HasPrefix(lines[0], "department,calls,avg_score,pct:complaint") || !strings.HasPrefix(lines[3], "TOTAL,") {
			t.Errorf("CSV: %q", lines)
		}
		ev := f.auditRows(audit.Query{User: "mgr", Action: audit.Exported})
		if len(ev) != 1 || ev[0].Status != 200 || !strings.Contains(ev[0].Detail, "by=department") || ev[0].Path != "/api/v1/report/export" {
			t.Errorf("audit rows of the export: %+v", ev)
		}
		// a supervisor's export holds their departments only
		sup := f.login("sup")
		resp, body = sup.do("GET", "/api/v1/report/export?by=department", "", nil)
		if resp.StatusCode != 200 || !strings.Contains(string(body), deptA) || strings.Contains(string(body), deptB) {
			t.Errorf("supervisor export: %d %s", resp.StatusCode, body)
		}
		if ev := f.auditRows(audit.Query{User: "sup", Action: audit.Exported}); len(ev) != 1 {
			t.Errorf("supervisor's export rows: %+v", ev)
		}
		// a report the server refuses is not exported
		resp, body = mgr.do("GET", "/api/v1/report/export?measures=no_such_measure", "", nil)
		if resp.StatusCode != 400 || !strings.Contains(string(body), "no_such_measure") {
			t.Errorf("bad measure: %d %s", resp.StatusCode, body)
		}
		if ev := f.auditRows(audit.Query{User: "mgr", Action: audit.Exported}); len(ev) != 1 {
			t.Errorf("a refused export left a row: %+v", ev)
		}
	})
}
