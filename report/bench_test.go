package report_test

import (
	"context"
	"testing"

	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/internal/testenv/storetest"
	"github.com/callscope/callscope/report"
)

// BenchmarkByOperatorChDB1M runs the operator report over 1 000 000 calls
// (200 operators, 5% of calls re-analysed) in the embedded engine. The rows
// are generated inside the engine to keep set-up short.
func BenchmarkByOperatorChDB1M(b *testing.B) {
	ctx := context.Background()
	db := storetest.Migrated(b, testenv.ChDB(b))
	gen := `INSERT INTO calls (call_id, row_version, started_at, operator_id, operator_name, department,
    total_talk, duration, category_names, category_counts)
SELECT concat('call-', toString(number % 1000000)), number, toDateTime(1790000000 + number % 1000000 * 30),
    concat('op-', toString(number % 200)), 'Анна', 'Поддержка', 100 + number % 300, 200 + number % 400,
    if(number % 7 = 0, ['complaint'], if(number % 11 = 0, ['repeat_contact', 'incompetence'], [])),
    if(number % 7 = 0, [1], if(number % 11 = 0, [1, 2], []))
FROM numbers(1050000)`
	if err := db.Exec(ctx, gen); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rows, err := report.ByOperator(ctx, db, report.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(rows) != 200 {
			b.Fatalf("%d rows", len(rows))
		}
	}
}
