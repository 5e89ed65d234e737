package drift

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/analyze/score"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/report/filter"
	"github.com/callscope/callscope/store"
)

// vocabulary is what the analyzer and the built-ins define.
type vocabulary struct {
	categories []string // every language's, and analysis's own
	criteria   []string // ids of the built-in profiles' criteria
}

func builtins(t *testing.T) vocabulary {
	t.Helper()
	set, err := match.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	// Analysis's own category besides the dictionaries'.
	v := vocabulary{categories: []string{analyze.CategoryOperatorCardData}}
	for _, d := range set.Dictionaries {
		if !slices.Contains(v.categories, d.Category) {
			v.categories = append(v.categories, d.Category)
		}
	}
	profiles, err := analyze.LoadProfiles("")
	if err != nil {
		t.Fatal(err) // also: a profile names a parameter the catalogue lacks
	}
	for _, p := range profiles.Profiles {
		for _, c := range p.Criteria {
			if !slices.Contains(v.criteria, c.ID) {
				v.criteria = append(v.criteria, c.ID)
			}
		}
	}
	if len(v.categories) < 10 || len(v.criteria) < 10 {
		t.Fatalf("built-ins: %d categories, %d criteria", len(v.categories), len(v.criteria))
	}
	return v
}

func (v vocabulary) checkParam(t *testing.T, where, name string) {
	t.Helper()
	if err := analyze.CheckParameterName(name); err != nil {
		t.Errorf("%s: %v", where, err)
	}
	if c, ok := strings.CutPrefix(name, analyze.HitsPrefix); ok && c != "total" {
		v.checkCategory(t, where, c)
	}
}

func (v vocabulary) checkCategory(t *testing.T, where, name string) {
	t.Helper()
	if !slices.Contains(v.categories, name) {
		t.Errorf("%s: category %q is not a category of the built-in dictionaries", where, name)
	}
}

// TestFilterFields: every parameter shorthand names a parameter, with the
// type its unit gives; every renamed name points at fields that exist.
func TestFilterFields(t *testing.T) {
	v := builtins(t)
	shorthands := 0
	for _, f := range filter.Fields() {
		if p := f.Param(); p != "" {
			shorthands++
			v.checkParam(t, "filter field "+f.Name, p)
			if f.Name != p {
				t.Errorf("filter field %s stands for parameter %s: a shorthand is the parameter's own name", f.Name, p)
			}
			if want := filter.UnitType(analyze.ParameterUnit(p)); f.Type != want {
				t.Errorf("filter field %s is a %s, its unit %q makes it a %s", f.Name, f.Type, analyze.ParameterUnit(p), want)
			}
		}
	}
	if shorthands < 10 {
		t.Errorf("%d parameter shorthands", shorthands)
	}
	fields := map[string]bool{}
	for _, f := range filter.Fields() {
		fields[f.Name] = true
	}
	word := regexp.MustCompile(`^[a-z_]+`)
	for old, to := range filter.Renamed {
		if fields[old] {
			t.Errorf("renamed filter name %s is still a field", old)
		}
		for _, alt := range strings.Split(to, " or ") {
			if w := word.FindString(alt); !fields[w] {
				t.Errorf("renamed filter name %s points at %q, not a field", old, w)
			}
		}
	}
}

// TestScoringProfiles: every criterion of the built-in profiles names
// parameters of the catalogue and categories of the dictionaries.
func TestScoringProfiles(t *testing.T) {
	v := builtins(t)
	set, err := score.Load("")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range set.Profiles {
		for _, c := range p.Criteria {
			where := p.Name + " criterion " + c.ID
			for _, l := range []*score.Limit{c.Limit, condLimit(c.If)} {
				if l != nil {
					v.checkParam(t, where, l.Parameter)
				}
			}
			for _, ph := range []*score.Phrases{c.Require, c.Forbid, condPhrases(c.If)} {
				if ph != nil {
					v.checkCategory(t, where, ph.Category)
				}
			}
		}
	}
}

func condLimit(c *score.Condition) *score.Limit {
	if c == nil {
		return nil
	}
	return c.Limit
}

func condPhrases(c *score.Condition) *score.Phrases {
	if c == nil {
		return nil
	}
	return c.Phrases
}

// TestGenerator: the bench generator writes parameters, categories and
// criteria that real analyses have.
func TestGenerator(t *testing.T) {
	v := builtins(t)
	params, cats, crits := store.GeneratorVocabulary()
	for _, p := range params {
		v.checkParam(t, "generator", p)
	}
	for _, c := range cats {
		v.checkCategory(t, "generator", c)
	}
	for id, c := range crits {
		if !slices.Contains(v.criteria, id) {
			t.Errorf("generator: criterion %q is not a criterion of the built-in profiles", id)
		}
		v.checkCategory(t, "generator criterion "+id, c)
	}
}

// TestReportMeasures: a param: measure of an unknown parameter is refused;
// every simple measure resolves.
func TestReportMeasures(t *testing.T) {
	for _, p := range analyze.Parameters() {
		if strings.Contains(p.Name, "<") {
			continue
		}
		if _, err := report.Slice(t.Context(), nil, report.Spec{Measures: []string{"param:" + p.Name}, From: bad, To: bad}); err == nil || !strings.Contains(err.Error(), "period is empty") {
			t.Errorf("measure param:%s: %v", p.Name, err)
		}
	}
	for _, name := range []string{"param:first_response", "param:holds_count", "param:talk_ratio", "param:nonsense"} {
		if _, err := report.Slice(t.Context(), nil, report.Spec{Measures: []string{name}}); err == nil || !strings.Contains(err.Error(), "unknown parameter") {
			t.Errorf("measure %s: %v, want unknown parameter", name, err)
		}
	}
}

// bad is an empty period: Slice checks the measures and then refuses it,
// without a database.
var bad = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

// TestDocs: every parameter, category, criterion and filter expression the
// documentation names exists: param.NAME and param:NAME, hits_NAME,
// category.NAME, cat:NAME and pct:NAME, criterion.ID, and every row of
// docs/parameters.md's tables.
func TestDocs(t *testing.T) {
	v := builtins(t)
	files, err := filepath.Glob(filepath.Join("..", "..", "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, filepath.Join("..", "..", "README.md"))
	refs := regexp.MustCompile("(param[.:]|hits_|category\\.|cat:|pct:|criterion\\.)([a-z][a-z0-9_]*)")
	checked := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(file)
		for _, m := range refs.FindAllStringSubmatch(string(data), -1) {
			checked++
			where := name + ": " + m[0]
			switch m[1] {
			case "param.", "param:":
				v.checkParam(t, where, m[2])
			case "hits_":
				v.checkParam(t, where, m[0])
			case "category.", "cat:", "pct:":
				v.checkCategory(t, where, m[2])
			case "criterion.":
				if !slices.Contains(v.criteria, m[2]) {
					t.Errorf("%s: %q is not a criterion of the built-in profiles", where, m[2])
				}
			}
		}
	}
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "parameters.md"))
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `([a-z_]+)` \\|")
	for _, m := range row.FindAllStringSubmatch(string(data), -1) {
		checked++
		v.checkParam(t, "parameters.md row", m[1])
	}
	if checked < 50 {
		t.Errorf("only %d names checked in the docs", checked)
	}
}

// TestAnalyzeImports: the analyzer is a pure core. It imports no NATS, S3
// or ClickHouse client and not transcribe or pipeline: each stage declares
// the small interfaces it needs (analyze.Publisher, TranscriptReader).
func TestAnalyzeImports(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/callscope/callscope/analyze/...").CombinedOutput()
	if err != nil {
		t.Skipf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list -deps: %q", out)
	}
	for _, d := range deps {
		for _, bad := range []string{"nats-io", "minio", "ClickHouse", "clickhouse", "aws-sdk", "callscope/transcribe", "callscope/pipeline", "callscope/store", "callscope/ingest", "callscope/internal/objstore", "callscope/internal/embedded", "callscope/internal/app"} {
			if strings.Contains(d, bad) {
				t.Errorf("analyze depends on %s", d)
			}
		}
	}
}

// TestWebModelHitPrefix: the web UI tells a trained model's hit from a
// phrase's by the prefix analyze/match gives its phrase_id.
func TestWebModelHitPrefix(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "web", "src", "lib", "api.ts"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "MODEL_PHRASE_PREFIX = '" + match.ModelPhrasePrefix + "'"; !strings.Contains(string(data), want) {
		t.Errorf("web/src/lib/api.ts lacks %q: the web copy of match.ModelPhrasePrefix drifted", want)
	}
}

// TestFilterDocs: docs/filters.md has a row for every filter field, with its
// type, and no row for a field that is gone; its count of fields is the
// catalogue's; and every `--filter '...'` example of the docs parses with
// the built-in categories and compiles, so a user who copies one gets calls,
// not an error.
func TestFilterDocs(t *testing.T) {
	v := builtins(t)
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "filters.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	rows := map[string]string{} // field: type column
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z_]+(?:\\.[A-Z]+)?)` \\| ([a-z]+) \\|").FindAllStringSubmatch(doc, -1) {
		rows[m[1]] = m[2]
	}
	fields := filter.Fields()
	for _, f := range fields {
		typ, ok := rows[f.Name]
		switch {
		case !ok:
			t.Errorf("docs/filters.md has no row for the filter field %s", f.Name)
		case typ != f.Type.String():
			t.Errorf("docs/filters.md gives the field %s the type %s; it is a %s", f.Name, typ, f.Type)
		}
		delete(rows, f.Name)
	}
	for name := range rows {
		t.Errorf("docs/filters.md has a row for %s, which is not a filter field", name)
	}
	count := regexp.MustCompile(`(\d+) fields, four of them families`).FindStringSubmatch(doc)
	if count == nil || count[1] != strconv.Itoa(len(fields)) {
		t.Errorf("docs/filters.md says %q; there are %d fields", count, len(fields))
	}

	files, err := filepath.Glob(filepath.Join("..", "..", "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, filepath.Join("..", "..", "README.md"))
	example := regexp.MustCompile(`--filter '([^']+)'`)
	checked := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range example.FindAllStringSubmatch(string(data), -1) {
			checked++
			e, err := filter.ParseWith(m[1], filter.Options{Categories: v.categories})
			if err == nil {
				_, _, err = filter.CompileIn(e, nil)
			}
			if err != nil {
				t.Errorf("%s: --filter '%s': %v", filepath.Base(file), m[1], err)
			}
		}
	}
	if checked < 10 {
		t.Errorf("only %d --filter examples found in the docs", checked)
	}
}
