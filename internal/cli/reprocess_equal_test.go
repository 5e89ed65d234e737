package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/store"
)

// TestReprocessAnalyzeReproducesEveryCall: after `run` on every shipped
// call (testdata/calls), `reprocess --stage analyze` with unchanged
// dictionaries and profiles writes, for every call, a row equal to the
// original in every parameter, category count, score and criterion, the
// same hits and the same criterion evidence. The metadata it analyses is
// rebuilt from the stored row, so this fails when a field an analysis
// reads (holds, the channel map) is not stored.
func TestReprocessAnalyzeReproducesEveryCall(t *testing.T) {
	testenv.SkipIfShort(t)
	testenv.ChDB(t)
	clearServerEnv(t)
	data := t.TempDir()
	calls := filepath.Join("..", "..", "testdata", "calls")
	if out, errOut, code := execute(t, "run", "--data", data, calls); code != 0 {
		t.Fatalf("run: exit %d\n%s\n%s", code, errOut, out)
	}
	before := storedAnalyses(t, data)
	if len(before) < 16 {
		t.Fatalf("run stored %d calls, want every shipped call (16)", len(before))
	}
	if out, errOut, code := execute(t, "reprocess", "--data", data, "--stage", "analyze"); code != 0 || !strings.Contains(out, "calls reprocessed") {
		t.Fatalf("reprocess: exit %d\n%s\n%s", code, errOut, out)
	}
	after := storedAnalyses(t, data)
	if len(after) != len(before) {
		t.Errorf("%d calls after the reprocess, %d before", len(after), len(before))
	}
	for id, was := range before {
		if now := after[id]; now.version == was.version {
			t.Errorf("%s: not analysed again (row_version %s)", id, now.version)
		} else if now.content != was.content {
			t.Errorf("%s: the reprocess changed the analysis\n was: %s\n now: %s", id, was.content, now.content)
		}
	}
}

type storedAnalysis struct{ version, content string }

// storedAnalyses reads each call's latest analysis: its row (parameters,
// categories, score, criteria, the metadata it was analysed with), its
// hits and its criteria rows, as text.
func storedAnalyses(t *testing.T, data string) map[string]storedAnalysis {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, "chdb://"+filepath.Join(data, "clickhouse"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := map[string]storedAnalysis{}
	read := func(q string, each func(id, ver, text string)) {
		rows, err := db.Query(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var id, ver, text string
			if err := rows.Scan(&id, &ver, &text); err != nil {
				t.Fatal(err)
			}
			each(id, ver, text)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
	}
	read(`SELECT call_id, toString(row_version), toString((version, dictionary_version, duration, channels, operator_talk, client_talk,
    total_talk, category_names, category_counts, param_names, param_values, score, score_max, score_profile, score_profile_version,
    criteria_ids, criteria_outcomes, operator_id, department, queue, direction, language, wait_seconds, transfers, csat_score,
    csat_scale, tag_keys, tag_values, hold_starts, hold_ends, channel_keys, channel_roles))
FROM calls FINAL ORDER BY call_id`, func(id, ver, text string) {
		out[id] = storedAnalysis{version: ver, content: "call " + text}
	})
	latest := "(call_id, row_version) IN (SELECT call_id, row_version FROM calls FINAL)"
	read(`SELECT call_id, '', toString((hit_index, category, phrase_id, channel, start_sec, end_sec, text))
FROM hits WHERE `+latest+` ORDER BY call_id, hit_index`, func(id, _, text string) {
		a := out[id]
		a.content += "\nhit " + text
		out[id] = a
	})
	read(`SELECT call_id, '', toString((crit_index, profile, profile_version, criterion_id, text, weight, outcome, evidence, start_sec))
FROM criteria WHERE `+latest+` ORDER BY call_id, crit_index`, func(id, _, text string) {
		a := out[id]
		a.content += "\ncriterion " + text
		out[id] = a
	})
	return out
}
