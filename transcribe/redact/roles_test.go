package redact

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/callscope/callscope/schemas"
)

// TestRolesByConstant: the package names a channel's role by the schemas
// constants alone (one source of truth): no string literal equal to a
// role's value in its code.
func TestRolesByConstant(t *testing.T) {
	roles := map[string]bool{schemas.RoleClient: true, schemas.RoleOperator: true, schemas.RoleMixed: true}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := gotoken.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == gotoken.STRING {
				if v, err := strconv.Unquote(lit.Value); err == nil && roles[v] {
					t.Errorf("%s: the role %q as a literal: use the schemas constant", fset.Position(lit.Pos()), v)
				}
			}
			return true
		})
	}
}
