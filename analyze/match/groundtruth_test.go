package match

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/callscope/callscope/schemas"
)

// TestGroundTruth runs the built-in dictionaries over the synthetic calls
// and compares the complaint, repeat_contact and incompetence hits with the
// table in testdata/README.md, phrase id by phrase id: the reports and the
// pipeline tests rely on it.
func TestGroundTruth(t *testing.T) {
	root := filepath.Join("..", "..", "testdata")
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := builtinMatcher(t)
	rowRe := regexp.MustCompile("(?m)^\\| `(\\d\\d_[a-z_]+)` \\|(?:[^|]*\\|){7}([^|]*)\\|")
	catRe := regexp.MustCompile(`([a-z_]+) ×(\d+) \(([^)]*)\)`)
	// Only the ground-truth table: other tables list other calls.
	section := string(readme)
	if i := strings.Index(section, "### Ground truth"); i >= 0 {
		section = section[i:]
		if j := strings.Index(section[len("### Ground truth"):], "\n#"); j >= 0 {
			section = section[:len("### Ground truth")+j]
		}
	}
	rows := rowRe.FindAllStringSubmatch(section, -1)
	if len(rows) != 16 {
		t.Fatalf("found %d call rows in testdata/README.md, want 16", len(rows))
	}
	tracked := map[string]bool{"complaint": true, "repeat_contact": true, "incompetence": true}
	for _, row := range rows {
		name, expected := row[1], strings.TrimSpace(row[2])
		t.Run(name, func(t *testing.T) {
			want := map[string][]string{}
			for _, c := range catRe.FindAllStringSubmatch(expected, -1) {
				var ids []string
				for _, id := range strings.Split(c[3], ", ") {
					// "(ponyatiya_ne_imeyu, operator)" names the channel too.
					if id != "operator" && id != "client" && id != "mixed" {
						ids = append(ids, id)
					}
				}
				slices.Sort(ids)
				want[c[1]] = ids
			}
			if expected != "—" && len(want) == 0 {
				t.Fatalf("cannot read expected categories %q", expected)
			}
			data, err := os.ReadFile(filepath.Join(root, "calls", name+".transcript.json"))
			if err != nil {
				t.Fatal(err)
			}
			var tr schemas.Transcript
			if err := json.Unmarshal(data, &tr); err != nil {
				t.Fatal(err)
			}
			got := map[string][]string{}
			for _, h := range m.MatchCall(tr, "ru", CallOptions{}) {
				if tracked[h.Category] {
					got[h.Category] = append(got[h.Category], h.PhraseID)
				}
			}
			for c := range got {
				slices.Sort(got[c])
			}
			for c := range tracked {
				if !slices.Equal(got[c], want[c]) {
					t.Errorf("%s: got %v, want %v (testdata/README.md)", c, got[c], want[c])
				}
			}
		})
	}
}
