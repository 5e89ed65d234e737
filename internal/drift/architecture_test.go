package drift

import (
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/callscope/callscope/pipeline"
)

const module = "github.com/callscope/callscope/"

// archDoc is docs/ARCHITECTURE.md, the newcomer's map of the packages.
func archDoc(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "ARCHITECTURE.md"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// section is the text of doc from the heading title to the next heading of
// any level.
func section(t *testing.T, doc, title string) string {
	t.Helper()
	_, rest, ok := strings.Cut(doc, "\n"+title+"\n")
	if !ok {
		t.Fatalf("docs/ARCHITECTURE.md has no heading %q", title)
	}
	if i := strings.Index(rest, "\n#"); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

// tableRows are the first and second cells of the table rows of text,
// header and rule left out.
func tableRows(text string) [][2]string {
	var rows [][2]string
	for _, line := range strings.Split(text, "\n") {
		cells := strings.Split(line, " | ")
		if !strings.HasPrefix(line, "| `") || len(cells) < 2 {
			continue
		}
		rows = append(rows, [2]string{strings.TrimPrefix(cells[0], "| "), strings.TrimSuffix(cells[1], " |")})
	}
	return rows
}

var (
	backticked  = regexp.MustCompile("`([^`]+)`")
	braces      = regexp.MustCompile(`^(.*)\{([^}]*)\}$`)
	parenthesis = regexp.MustCompile(`\([^()]*\)`)
)

// packageNames are the package paths named in backticks in cell, with
// "a/{b,c}" spelled out as a/b and a/c.
func packageNames(cell string) []string {
	var names []string
	for _, m := range backticked.FindAllStringSubmatch(cell, -1) {
		if b := braces.FindStringSubmatch(m[1]); b != nil {
			for _, leaf := range strings.Split(b[2], ",") {
				names = append(names, b[1]+leaf)
			}
			continue
		}
		names = append(names, m[1])
	}
	return names
}

// goImports maps every package of the module (path without the module
// prefix) to the module packages it imports, tests aside.
func goImports(t *testing.T) map[string][]string {
	t.Helper()
	// Only stdout is the list: go list warns on stderr about what it
	// skips (a symlinked web/node_modules in a fresh clone).
	cmd := exec.Command("go", "list", "-f", "{{.ImportPath}}{{range .Imports}} {{.}}{{end}}", module+"...")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("go list: %v\n%s", err, stderr.String())
	}
	imports := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := strings.TrimPrefix(fields[0], module)
		imports[pkg] = []string{}
		for _, imp := range fields[1:] {
			if p, ok := strings.CutPrefix(imp, module); ok {
				imports[pkg] = append(imports[pkg], p)
			}
		}
	}
	if len(imports) < 20 {
		t.Fatalf("go list found %d packages: %q", len(imports), out)
	}
	return imports
}

// rowOf is the index of the row of the package table that pkg falls in:
// the row naming it or, failing that, the row naming its nearest parent.
func rowOf(rows [][]string, pkg string) int {
	best, bestLen := -1, -1
	for i, names := range rows {
		for _, n := range names {
			if (pkg == n || strings.HasPrefix(pkg, n+"/")) && len(n) > bestLen {
				best, bestLen = i, len(n)
			}
		}
	}
	return best
}

// TestArchitecturePackages: the package table of docs/ARCHITECTURE.md is
// the order imports go in. Every package falls in a row, every row names
// packages that exist, and no package imports one in a row below its own.
func TestArchitecturePackages(t *testing.T) {
	imports := goImports(t)
	var rows [][]string
	for _, r := range tableRows(section(t, archDoc(t), "## Packages and who may import whom")) {
		names := packageNames(r[0])
		for _, n := range names {
			if _, ok := imports[n]; !ok {
				t.Errorf("docs/ARCHITECTURE.md names package %q, which go list does not know", n)
			}
		}
		rows = append(rows, names)
	}
	if len(rows) < 15 {
		t.Fatalf("docs/ARCHITECTURE.md's package table has %d rows", len(rows))
	}
	for _, pkg := range slices.Sorted(maps.Keys(imports)) {
		row := rowOf(rows, pkg)
		if row < 0 {
			t.Errorf("package %s is in no row of docs/ARCHITECTURE.md's package table", pkg)
			continue
		}
		for _, imp := range imports[pkg] {
			if r := rowOf(rows, imp); r > row {
				t.Errorf("%s imports %s, which docs/ARCHITECTURE.md lists below it (row %d below row %d)", pkg, imp, r+1, row+1)
			}
		}
	}
}

// TestArchitectureImports: the "Who imports whom" table of
// docs/ARCHITECTURE.md says nothing go list contradicts. Every package a
// row names is imported; a row that lists only packages (no prose, no
// "...") lists them all but the small leaves of the package table's first
// row.
func TestArchitectureImports(t *testing.T) {
	imports := goImports(t)
	doc := archDoc(t)
	leaves := packageNames(tableRows(section(t, doc, "## Packages and who may import whom"))[0][0])
	rows := tableRows(section(t, doc, "### Who imports whom"))
	if len(rows) < 10 {
		t.Fatalf("docs/ARCHITECTURE.md's import table has %d rows", len(rows))
	}
	onlyPackages := regexp.MustCompile("^(none|`[^`]+`(, `[^`]+`)*)$")
	for _, r := range rows {
		pkg := packageNames(r[0])[0]
		got, ok := imports[pkg]
		if !ok {
			t.Errorf("docs/ARCHITECTURE.md's import table names package %q, which go list does not know", pkg)
			continue
		}
		cell := strings.TrimSpace(parenthesis.ReplaceAllString(r[1], ""))
		cell = strings.Join(strings.Fields(cell), " ")
		named := packageNames(cell)
		for _, n := range named {
			if !strings.Contains(n, "...") && !slices.Contains(got, n) {
				t.Errorf("docs/ARCHITECTURE.md: %s imports %s, but it does not", pkg, n)
			}
		}
		if !onlyPackages.MatchString(cell) {
			continue
		}
		for _, imp := range got {
			if !slices.Contains(named, imp) && !slices.Contains(leaves, imp) {
				t.Errorf("docs/ARCHITECTURE.md: the import row of %s lacks %s", pkg, imp)
			}
		}
	}
}

// packageDirs are the directories of the packages the docs name Go
// identifiers of, by the name code calls them by.
var packageDirs = map[string]string{
	"analyze": "analyze", "api": "internal/api", "app": "internal/app", "audit": "internal/audit",
	"dicttest": "analyze/dicttest", "embedded": "internal/embedded", "filter": "report/filter",
	"ingest": "ingest", "match": "analyze/match", "objstore": "internal/objstore", "pipeline": "pipeline",
	"privacy": "privacy", "report": "report", "schemas": "schemas", "score": "analyze/score",
	"store": "store", "transcribe": "transcribe", "vad": "transcribe/vad", "wav": "transcribe/wav",
	"whatif": "report/whatif",
}

// declared is every top-level name of the package in dir and its tests,
// methods and struct fields as Type.Name.
func declared(t *testing.T, dir string) map[string]bool {
	t.Helper()
	pkgs, err := parser.ParseDir(token.NewFileSet(), filepath.Join("..", "..", dir), nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, p := range pkgs {
		for _, f := range p.Files {
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					if d.Recv == nil {
						names[d.Name.Name] = true
						continue
					}
					typ := d.Recv.List[0].Type
					if star, ok := typ.(*ast.StarExpr); ok {
						typ = star.X
					}
					if id, ok := typ.(*ast.Ident); ok {
						names[id.Name+"."+d.Name.Name] = true
					}
				case *ast.GenDecl:
					for _, s := range d.Specs {
						switch s := s.(type) {
						case *ast.TypeSpec:
							names[s.Name.Name] = true
							if st, ok := s.Type.(*ast.StructType); ok {
								for _, f := range st.Fields.List {
									for _, n := range f.Names {
										names[s.Name.Name+"."+n.Name] = true
									}
								}
							}
						case *ast.ValueSpec:
							for _, n := range s.Names {
								names[n.Name] = true
							}
						}
					}
				}
			}
		}
	}
	return names
}

// namedDocs are the pages whose pkg.Name references TestDocNames checks.
var namedDocs = []string{"README.md", "docs/ARCHITECTURE.md", "docs/api.md", "docs/asr.md", "docs/drilldown.md",
	"docs/filters.md", "docs/operations.md", "docs/reports.md", "docs/scoring.md", "docs/security.md",
	"docs/servers.md", "docs/storage.md", "docs/testdata.md", "docs/web.md"}

// TestDocNames: every pkg.Name (and pkg.Type.Method or .Field) that
// docs/ARCHITECTURE.md and the other pages of namedDocs mention is
// declared in that package.
func TestDocNames(t *testing.T) {
	ref := regexp.MustCompile(`\b([a-z]+)\.([A-Z][A-Za-z0-9_]*(?:\.[A-Z][A-Za-z0-9_]*)?)`)
	decls := map[string]map[string]bool{}
	checked := 0
	for _, page := range namedDocs {
		data, err := os.ReadFile(filepath.Join("..", "..", page))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ref.FindAllStringSubmatch(string(data), -1) {
			dir, ok := packageDirs[m[1]]
			if !ok {
				continue
			}
			if decls[dir] == nil {
				decls[dir] = declared(t, dir)
			}
			checked++
			if !decls[dir][m[2]] {
				t.Errorf("%s names %s.%s, which %s does not declare", page, m[1], m[2], dir)
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d Go names checked in the docs", checked)
	}
}

// TestArchitectureSubjects: the subjects and streams docs/ARCHITECTURE.md
// lists are pipeline's, and it lists every one a stage consumes.
func TestArchitectureSubjects(t *testing.T) {
	doc := archDoc(t)
	known := map[string]bool{
		pipeline.SubjectIngestS3: true, pipeline.SubjectIngestScan: true, pipeline.SubjectTranscribe: true,
		pipeline.SubjectAnalyze: true, pipeline.SubjectStore: true, pipeline.SubjectDeadPrefix + "<stage>": true,
	}
	// The jobs stream's subjects: every subject under the stages' prefix.
	allJobs := strings.TrimSuffix(pipeline.SubjectTranscribe, "transcribe") + ">"
	for _, m := range regexp.MustCompile("`(callscope\\.(?:jobs|dead)\\.[^`]*)`").FindAllStringSubmatch(doc, -1) {
		if !known[m[1]] && m[1] != allJobs {
			t.Errorf("docs/ARCHITECTURE.md names subject %q, which pipeline does not define", m[1])
		}
	}
	for s := range known {
		if !strings.Contains(doc, "| `"+s+"` |") {
			t.Errorf("docs/ARCHITECTURE.md's subject table lacks %q", s)
		}
	}
	for _, stream := range []string{pipeline.StreamJobs, pipeline.StreamDead} {
		if !strings.Contains(doc, "`"+stream+"`") {
			t.Errorf("docs/ARCHITECTURE.md does not name the stream %q", stream)
		}
	}
}
