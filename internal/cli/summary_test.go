package cli

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/callscope/callscope/internal/app"
)

// TestWriteSummaryWarnings: a run's summary lists the calls analysed with
// metadata warnings, at most app.MaxWarned, and says how to find the rest.
func TestWriteSummaryWarnings(t *testing.T) {
	warned := func(n int) []app.CallWarning {
		var out []app.CallWarning
		for i := range min(n, app.MaxWarned) {
			out = append(out, app.CallWarning{CallID: fmt.Sprintf("c%02d", i), ObjectKey: fmt.Sprintf("k%02d.wav", i),
				Warnings: fmt.Sprintf(`s3://calls/k%02d.json: unknown field "operatr" is kept as a tag: did you mean operator?`, i)})
		}
		return out
	}
	tests := []struct {
		name    string
		sum     app.Summary
		want    []string
		notWant []string
	}{
		{"no warnings", app.Summary{Analysed: 3}, []string{"3 calls: 3 analysed, 0 failed\n"}, []string{"warning"}},
		{"one", app.Summary{Analysed: 3, Warned: warned(1), WarnedTotal: 1}, []string{
			"1 analysed with metadata warnings (kept; callscope show CALL_ID):\n",
			`  warning c00  s3://calls/k00.json: unknown field "operatr" is kept as a tag: did you mean operator?` + "\n",
		}, []string{"more"}},
		{"more than listed", app.Summary{Analysed: 30, Warned: warned(25), WarnedTotal: 25}, []string{
			"25 analysed with metadata warnings", "  warning c19 ", `  ... and 5 more: callscope calls --filter 'tag.callscope_warnings != ""'`,
		}, []string{"c20"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			writeSummary(&b, tt.sum)
			for _, w := range tt.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("summary:\n%s\nwant %q", b.String(), w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(b.String(), w) {
					t.Errorf("summary:\n%s\nwant no %q", b.String(), w)
				}
			}
		})
	}
}
