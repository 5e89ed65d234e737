package cli

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDocCommands: every `callscope COMMAND ... --flag` that README.md and
// docs/*.md show names a flag that command has (its own or inherited), so
// a user who copies a documented command line gets no "unknown flag".
// Lines ending in a backslash are joined first; a command line ends at a
// backtick, a pipe, ';', '&&', a shell comment, the end of a $(...) or the
// next `callscope`.
// Prose that merely names callscope ("callscope stops at start-up") is no
// command and is skipped.
func TestDocCommands(t *testing.T) {
	root := NewRootCmd(io.Discard, io.Discard)
	files, err := filepath.Glob(filepath.Join("..", "..", "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, filepath.Join("..", "..", "README.md"))
	invocation := regexp.MustCompile(`callscope((?: [a-z][a-z-]*)+)([^\n]*)`)
	end := regexp.MustCompile("`|\\| |;|&&| # |\\) | callscope ")
	flag := regexp.MustCompile(`(?:^|[\s\[(])--([a-z][a-z0-9-]*)`)
	lines, flags := 0, 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.ReplaceAll(string(data), "\\\n", " ")
		for _, m := range invocation.FindAllStringSubmatch(text, -1) {
			words := strings.Fields(m[1])
			cmd, rest, err := root.Find(words)
			if err != nil || cmd == root {
				continue // prose, not a command line
			}
			lines++
			line := strings.Join(rest, " ") + m[2]
			if loc := end.FindStringIndex(line); loc != nil {
				line = line[:loc[0]]
			}
			for _, f := range flag.FindAllStringSubmatch(line, -1) {
				flags++
				if cmd.Flags().Lookup(f[1]) == nil && cmd.InheritedFlags().Lookup(f[1]) == nil {
					t.Errorf("%s: %q: %s has no flag --%s", filepath.Base(file), strings.TrimSpace("callscope"+m[1]+m[2]), cmd.CommandPath(), f[1])
				}
			}
		}
	}
	if lines < 100 || flags < 100 {
		t.Errorf("only %d command lines and %d flags found in the docs", lines, flags)
	}
	t.Logf("%d documented command lines, %d flags checked", lines, flags)
}

// TestArgCountErrorSaysUsage: a missing or extra positional argument names
// the command and prints its usage line, not cobra's bare "accepts 1
// arg(s), received 0".
func TestArgCountErrorSaysUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"show"}, "callscope: show: accepts 1 arg(s), received 0 (usage: callscope show CALL_ID "},
		{[]string{"search"}, "callscope: search: accepts 1 arg(s), received 0 (usage: callscope search \"PHRASE\" "},
		{[]string{"dict", "eval"}, "callscope: dict eval: accepts 1 arg(s), received 0 (usage: callscope dict eval [--dir DICTS] LABELS "},
		{[]string{"users", "add", "a", "b", "--role", "analyst"}, "callscope: users add: accepts 1 arg(s), received 2 (usage: callscope users add NAME --role ROLE "},
	} {
		_, errOut, code := execute(t, tc.args...)
		if code != 1 || !strings.HasPrefix(errOut, tc.want) {
			t.Errorf("callscope %s: code %d, stderr %q; want 1 and a line starting %q", strings.Join(tc.args, " "), code, errOut, tc.want)
		}
	}
}

// TestUnknownSubcommand: a word that is none of a group's subcommands is
// an error (exit 1) that lists them, not the group's help with exit 0; the
// group alone still prints its help.
func TestUnknownSubcommand(t *testing.T) {
	for _, tc := range []struct {
		args     []string
		code     int
		wantErr  string
		wantHelp bool
	}{
		{[]string{"dict", "valdate"}, 1, `callscope: unknown command "valdate" for "callscope dict" (did you mean validate?): want one of eval, list, test, train, validate, version, whatif` + "\n", false},
		{[]string{"users", "remove", "anna"}, 1, `callscope: unknown command "remove" for "callscope users": want one of add, disable, enable, list, passwd, set` + "\n", false},
		{[]string{"dict"}, 0, "", true},
	} {
		out, errOut, code := execute(t, tc.args...)
		if code != tc.code || errOut != tc.wantErr || strings.Contains(out, "Usage:") != tc.wantHelp {
			t.Errorf("callscope %s: code %d, stderr %q, help printed %v; want %d, %q, %v", strings.Join(tc.args, " "), code, errOut, !tc.wantHelp, tc.code, tc.wantErr, tc.wantHelp)
		}
	}
}
