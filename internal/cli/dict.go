package cli

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/analyze/dicttest"
	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/analyze/text"
	"github.com/callscope/callscope/internal/app"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/report/whatif"
	"github.com/callscope/callscope/schemas"
)

func init() { registerCommand(newDictCmd) }

// ErrDictInvalid is returned by `dict validate` (and the commands that load
// a set) when the dictionaries have mistakes; each mistake has been printed.
var ErrDictInvalid = errors.New("dictionaries do not validate")

func newDictCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "dict",
		Short: "Check, list, try out and compare phrase dictionaries",
		Long: `dict helps analysts edit the phrase dictionaries (docs/dictionaries.md):

  validate  report every mistake with file:line:col
  list      categories, phrase counts, languages and the set's version
  version   the set's version alone, for scripts (reprocess --stale-dictionary)
  test      the hits of a sentence, a transcript file or a stored call, highlighted
  whatif    which archived calls a changed set would add or remove categories from
  eval      precision, recall and F1 per category on labelled calls
  train     train a category model on labelled calls, or cross-validate it

Without --dir the set is dictionaries.dir from the configuration, or the
built-in dictionaries when that is empty.`,
	}
	cmd.AddCommand(newDictValidateCmd(g), newDictListCmd(g), newDictTestCmd(g), newDictWhatifCmd(g), newDictEvalCmd(g), newDictTrainCmd(g), newDictVersionCmd(g))
	return cmd
}

// dictSource names a dictionary set: a directory, one file, or the
// built-ins (empty path); noModels leaves its trained models out
// (dictionaries.models: false).
type dictSource struct {
	path     string
	noModels bool
}

func (s dictSource) String() string {
	if s.path == "" {
		return "built-in dictionaries"
	}
	return s.path
}

// load reads and compiles the set. On mistakes it returns them all, each
// a *match.PosError or a file error.
func (s dictSource) load() (*match.Matcher, error) {
	var set *match.Set
	var err error
	switch {
	case s.path == "":
		set, err = match.Builtin()
	default:
		var fi os.FileInfo
		if fi, err = os.Stat(s.path); err != nil {
			return nil, fmt.Errorf("dictionaries: %w", err)
		}
		if fi.IsDir() {
			set, err = match.LoadDir(s.path)
		} else {
			set, err = loadFile(s.path)
		}
	}
	if err != nil {
		return nil, err
	}
	if s.noModels {
		set = set.WithoutModels()
	}
	return match.Compile(set)
}

// withDictionaryCategories is the context of a command whose filter may
// name only the categories of the configured dictionaries (or of a stored
// call): calls, report and search. The dictionaries are read only when a
// filter names a category, and then only each file's category.
func withDictionaryCategories(ctx context.Context, g *globals) context.Context {
	dir := g.cfg.Dictionaries.Dir
	return report.WithCategories(ctx, func(context.Context) ([]string, error) { return match.Categories(dir) })
}

func loadFile(path string) (*match.Set, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("dictionary: %w", err)
	}
	d, err := match.Parse(path, data)
	if err != nil {
		return nil, err
	}
	return &match.Set{Dictionaries: []match.Dictionary{d}}, nil
}

// dictOf is the set a command works with: --dir, else the configuration's.
func dictOf(g *globals, dir string) dictSource {
	return dictSource{path: cmp.Or(dir, g.cfg.Dictionaries.Dir), noModels: !g.cfg.Dictionaries.Models}
}

// loadOrReport loads a set; when it has mistakes it prints them one a line
// to w and returns ErrDictInvalid.
func loadOrReport(src dictSource, w io.Writer) (*match.Matcher, error) {
	m, err := src.load()
	if err == nil {
		return m, nil
	}
	lines := match.ErrorLines(err)
	if !errors.Is(err, match.ErrInvalid) {
		return nil, err // unreadable, not a mistake in the files
	}
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	return nil, fmt.Errorf("%s: %d mistake(s): %w", src, len(lines), ErrDictInvalid)
}

// --- validate ---

func newDictValidateCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "validate [PATH]",
		Short: "Check a dictionary directory or file and report every mistake with file:line:col",
		Long: `validate reads every *.yaml file under PATH (a directory, or one file),
checks each field and each phrase expression, compiles the set as the
analyzer would, and prints every mistake as file:line:col: what is wrong.
It exits non-zero when there is any. Without PATH it checks
dictionaries.dir, or the built-in dictionaries.`,
		Example: `  callscope dict validate my-dictionaries/
  callscope dict validate my-dictionaries/ru/complaint.yaml`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var path string
			if len(args) == 1 {
				path = args[0]
			}
			return runDictValidate(g, dictOf(g, path))
		},
	}
}

func runDictValidate(g *globals, src dictSource) error {
	m, err := loadOrReport(src, g.out)
	if err != nil {
		return err
	}
	s := summarize(m)
	fmt.Fprintf(g.out, "%s: ok, %d categories, %d phrases (%s), version %s\n",
		src, s.categories, s.phrases, strings.Join(s.langs, ", "), m.Version())
	return nil
}

type setSummary struct {
	categories, phrases int
	langs               []string // "ru 15"
}

func summarize(m *match.Matcher) setSummary {
	var s setSummary
	per := map[string]int{}
	var order []string
	for _, d := range m.Set().Dictionaries {
		s.categories++
		s.phrases += len(d.Phrases)
		if per[d.Language] == 0 {
			order = append(order, d.Language)
		}
		per[d.Language]++
	}
	for _, l := range order {
		s.langs = append(s.langs, fmt.Sprintf("%s: %d categories", l, per[l]))
	}
	return s
}

// --- list ---

func newDictListCmd(g *globals) *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "list [--dir DIR]",
		Short: "List the categories of a dictionary set with their phrase counts",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runDictList(g, dictOf(g, dir))
		},
	}
	cmd.Flags().StringVar(&dir, "dir", "", "dictionary directory (default: dictionaries.dir, else the built-in ones)")
	return cmd
}

func runDictList(g *globals, src dictSource) error {
	m, err := loadOrReport(src, g.errOut)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(g.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "LANG\tCATEGORY\tCHANNEL\tWINDOW\tMIN\tPHRASES\tWORDINGS\tMODEL\tDESCRIPTION")
	for _, d := range m.Set().Dictionaries {
		// MODEL: the trained model's threshold, when it has one in use
		// (docs/models.md).
		model := "-"
		for _, md := range m.Models(d.Language) {
			if md.Category == d.Category {
				model = fmt.Sprintf("p>=%.2f", md.Threshold)
			}
		}
		wordings := 0
		for _, p := range d.Phrases {
			wordings += 1 + len(p.Variants)
		}
		// WINDOW: the time window and the position rule of the file.
		var where []string
		if d.Window != nil {
			where = append(where, d.Window.String())
		}
		if d.Position != "" {
			where = append(where, d.Position)
		}
		window := cmp.Or(strings.Join(where, ", "), "-")
		minCount := "-"
		if d.MinCount > 1 {
			minCount = fmt.Sprint(d.MinCount)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\n", d.Language, d.Category, d.Channel, window, minCount,
			len(d.Phrases), wordings, model, d.Description)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	s := summarize(m)
	fmt.Fprintf(g.out, "\n%s: %d categories, %d phrases (%s), version %s\n", src, s.categories, s.phrases,
		strings.Join(s.langs, ", "), m.Version())
	return nil
}

// --- test ---

type dictTestOptions struct {
	g                       *globals
	dir                     string
	text, transcript, call  string
	lang, role              string
	format                  string
	strictMixed, forceColor bool
}

func newDictTestCmd(g *globals) *cobra.Command {
	opts := &dictTestOptions{g: g}
	cmd := &cobra.Command{
		Use:   "test (--text SENTENCE | --transcript FILE | --call CALL_ID)",
		Short: "Show the hits of a sentence, a transcript or a stored call, highlighted",
		Long: `test runs a dictionary set over
  --text        one sentence, said on the channel of --role (default mixed:
                every phrase, whatever its channel);
  --transcript  a transcript file (the JSON of NAME.transcript.json), with
                channels, time windows and minimum counts applied as the
                analyzer applies them;
  --call        a stored call: its transcript is read from the transcripts
                bucket and the hits the stored analysis recorded are shown
                next to the new ones (needs --data, or the servers).
Matched words are shown in bold on a terminal and in [brackets] otherwise.`,
		Example: `  callscope dict test --text "я уже звонил вам в 3-й раз"
  callscope dict test --dir my-dictionaries --transcript testdata/calls/05_third_time.transcript.json
  callscope dict test --data .callscope --call 2026-11-18-000104`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runDictTest(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.dir, "dir", "", "dictionary directory (default: dictionaries.dir, else the built-in ones)")
	f.StringVar(&opts.text, "text", "", "a sentence to match")
	f.StringVar(&opts.transcript, "transcript", "", "a transcript JSON file to match")
	f.StringVar(&opts.call, "call", "", "the call_id of a stored call to match")
	f.StringVar(&opts.lang, "lang", "", "language (default: the transcript's or call's, else ru)")
	f.StringVar(&opts.role, "role", "mixed", "--text only: who speaks: operator, client, or mixed (every phrase)")
	f.BoolVar(&opts.strictMixed, "strict-mixed", false, "a mixed channel matches only channel-any phrases")
	f.BoolVar(&opts.forceColor, "color", false, "highlight in bold even when the output is not a terminal")
	f.StringVar(&opts.format, "format", "text", "output: text, or json (the hits with their times, words and weights; analyze/dicttest.Result)")
	g.bind(f, "data", "data_dir", "", "data directory of the embedded servers (--call)")
	g.bind(f, "clickhouse", "clickhouse.dsn", "", "ClickHouse DSN (--call)")
	g.bind(f, "s3", "s3.endpoint", "", "S3 endpoint (--call)")
	return cmd
}

func runDictTest(ctx context.Context, opts *dictTestOptions) error {
	g := opts.g
	given := 0
	for _, s := range []string{opts.text, opts.transcript, opts.call} {
		if s != "" {
			given++
		}
	}
	if given != 1 {
		return errors.New("dict test: give exactly one of --text, --transcript or --call")
	}
	switch opts.role {
	case schemas.RoleOperator, schemas.RoleClient, schemas.RoleMixed:
	default:
		return fmt.Errorf("dict test: --role: want operator, client or mixed, got %q", opts.role)
	}
	if opts.format != "text" && opts.format != "json" {
		return fmt.Errorf("dict test: --format %q: want text or json", opts.format)
	}
	m, err := loadOrReport(dictOf(g, opts.dir), g.errOut)
	if err != nil {
		return err
	}
	hl := highlighter{bold: opts.forceColor || colorTerminal(g.out)}
	copt := match.CallOptions{StrictMixed: opts.strictMixed}
	if opts.format == "json" {
		return dictTestJSON(ctx, opts, m, copt)
	}
	fmt.Fprintf(g.out, "dictionaries %s\n", m.Version())
	switch {
	case opts.text != "":
		lang := cmp.Or(analyze.BaseLanguage(opts.lang), "ru")
		toks, hits := dicttest.SentenceHits(m, lang, opts.role, opts.text, opts.strictMixed)
		fmt.Fprintln(g.out, hl.mark(opts.text, toks, hits))
		for _, h := range hits {
			fmt.Fprintf(g.out, "  %s/%s (%s, weight %g): %s\n", h.Category, h.PhraseID, h.Channel, h.Weight,
				opts.text[toks[h.Start].Start:toks[h.End-1].End])
		}
		if len(hits) == 0 {
			fmt.Fprintln(g.out, "  no hits")
		}
		for _, ms := range dicttest.Text(m, lang, opts.role, opts.text, opts.strictMixed).Models {
			var fs []string
			for _, f := range ms.Features {
				fs = append(fs, fmt.Sprintf("%s %+.2f", f.Name, f.Weight))
			}
			short := ""
			if ms.N < ms.MinFeatures {
				short = fmt.Sprintf(" (%d features: a call scores windows of %d or more)", ms.N, ms.MinFeatures)
			}
			fmt.Fprintf(g.out, "  model %s (%s): p %.2f%s, flags from %.2f where its phrases find nothing; heaviest: %s\n",
				ms.Category, ms.Channel, ms.Probability, short, ms.Threshold, cmp.Or(strings.Join(fs, ", "), "none"))
		}
		return nil
	case opts.transcript != "":
		tr, err := readTranscriptFile(opts.transcript)
		if err != nil {
			return err
		}
		lang := cmp.Or(analyze.BaseLanguage(opts.lang), analyze.BaseLanguage(tr.Language), "ru")
		writeTranscriptHits(g.out, hl, m, tr, lang, copt)
		return nil
	}
	return testStoredCall(ctx, opts, m, hl, copt)
}

// dictTestJSON is dict test --format json: the use case's result as it is.
func dictTestJSON(ctx context.Context, opts *dictTestOptions, m *match.Matcher, copt match.CallOptions) error {
	g := opts.g
	var res dicttest.Result
	switch {
	case opts.text != "":
		res = dicttest.Text(m, cmp.Or(analyze.BaseLanguage(opts.lang), "ru"), opts.role, opts.text, opts.strictMixed)
	case opts.transcript != "":
		tr, err := readTranscriptFile(opts.transcript)
		if err != nil {
			return err
		}
		res = dicttest.Transcript(m, tr, cmp.Or(analyze.BaseLanguage(opts.lang), analyze.BaseLanguage(tr.Language), "ru"), copt)
	default:
		env, c, err := openStoredCall(ctx, opts)
		if err != nil {
			return err
		}
		defer env.Close()
		res = c.Test(m, opts.lang, copt)
	}
	enc := json.NewEncoder(g.out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(res)
}

// readTranscriptFile reads a transcript JSON file.
func readTranscriptFile(name string) (schemas.Transcript, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return schemas.Transcript{}, fmt.Errorf("dict test: %w", err)
	}
	var tr schemas.Transcript
	if err := json.Unmarshal(data, &tr); err != nil {
		return schemas.Transcript{}, fmt.Errorf("dict test: %s: not a transcript: %w", name, err)
	}
	return tr, nil
}

// openStoredCall starts the embedded servers (or connects to the
// configured ones) and reads a stored call (whatif.ReadStoredCall, as the
// API's dictionary test does); close the env.
func openStoredCall(ctx context.Context, opts *dictTestOptions) (*app.Env, whatif.StoredCall, error) {
	cfg := opts.g.cfg
	env, err := app.Open(ctx, &cfg, opts.g.log)
	if err != nil {
		return nil, whatif.StoredCall{}, err
	}
	c, err := whatif.ReadStoredCall(ctx, env.DB, env.Objects, cfg.S3.TranscriptsBucket, opts.call)
	if err != nil {
		env.Close()
		if errors.Is(err, report.ErrCallNotFound) {
			return nil, c, fmt.Errorf("dict test: no stored call %q", opts.call)
		}
		return nil, c, fmt.Errorf("dict test: %w", err)
	}
	return env, c, nil
}

func testStoredCall(ctx context.Context, opts *dictTestOptions, m *match.Matcher, hl highlighter, copt match.CallOptions) error {
	g := opts.g
	env, c, err := openStoredCall(ctx, opts)
	if err != nil {
		return err
	}
	defer env.Close()
	lang := c.Lang(opts.lang)
	fmt.Fprintf(g.out, "call %s (%s), language %s\n", c.CallID, c.ObjectKey, lang)
	writeTranscriptHits(g.out, hl, m, c.Transcript, lang, copt)
	fmt.Fprintf(g.out, "\nstored analysis (dictionaries %s): %d hits\n", c.DictionaryVersion, len(c.Hits))
	for _, h := range c.Hits {
		fmt.Fprintf(g.out, "  %7.2fs %-8s %s/%s: %s\n", h.Start, h.Channel, h.Category, h.PhraseID, h.Text)
	}
	return nil
}

// writeTranscriptHits prints every segment with hits, the hit words
// highlighted, and the hits with their times; dicttest.CountedHits decides
// which hits count (windows, minimum counts) and where they are.
func writeTranscriptHits(w io.Writer, hl highlighter, m *match.Matcher, tr schemas.Transcript, lang string, copt match.CallOptions) {
	all, segs := dicttest.CountedHits(m, tr, lang, copt)
	for _, s := range segs {
		var shown []match.Hit
		var lines []string
		for _, p := range s.Phrases {
			shown = append(shown, p.Match)
			lines = append(lines, fmt.Sprintf("    %s/%s %.2f-%.2fs: %s", p.Hit.Category, p.Hit.PhraseID, p.Hit.Start, p.Hit.End, p.Hit.Text))
		}
		// A model's hit is the whole utterance that weighed most in its
		// score: no words to highlight.
		for _, i := range s.Models {
			h := all[i]
			lines = append(lines, fmt.Sprintf("    %s/%s %.2f-%.2fs: p %.2f, the utterance that weighed most", h.Category, h.PhraseID, h.Start, h.End, h.Probability))
		}
		display, dtoks := segmentDisplay(s.Segment, s.Tokens)
		fmt.Fprintf(w, "%7.2fs %-8s %s\n", s.Segment.Start, s.Role, hl.mark(display, dtoks, shown))
		for _, l := range lines {
			fmt.Fprintln(w, l)
		}
	}
	cats := map[string]int{}
	for _, h := range all {
		cats[h.Category]++
	}
	var parts []string
	for _, c := range slices.Sorted(maps.Keys(cats)) {
		parts = append(parts, fmt.Sprintf("%s ×%d", c, cats[c]))
	}
	if len(parts) == 0 {
		parts = []string{"none"}
	}
	fmt.Fprintf(w, "%d hits; categories: %s\n", len(all), strings.Join(parts, ", "))
}

// segmentDisplay is the text of a segment to show and its tokens: the text
// itself, or for a segment of words the words joined by spaces (their
// tokens are the same as SegmentTokens', at offsets into that string).
func segmentDisplay(seg schemas.Segment, toks []text.Token) (string, []text.Token) {
	if len(seg.Words) == 0 {
		return seg.Text, toks
	}
	ws := make([]string, len(seg.Words))
	for i, w := range seg.Words {
		ws[i] = w.W
	}
	s := strings.Join(ws, " ")
	return s, text.Tokenize(s)
}

// highlighter marks matched words: bold on a terminal, [brackets] in a
// file or pipe where escape codes would be noise.
type highlighter struct{ bold bool }

func (h highlighter) mark(s string, toks []text.Token, hits []match.Hit) string {
	// in: a hit covers the token; joined: one hit covers it and the next,
	// so two hits side by side stay two marks.
	in := make([]bool, len(toks))
	joined := make([]bool, len(toks))
	for _, x := range hits {
		for i := x.Start; i < x.End && i < len(in); i++ {
			in[i] = true
			joined[i] = joined[i] || i+1 < x.End
		}
	}
	open, closing := "[", "]"
	if h.bold {
		open, closing = "\x1b[1m", "\x1b[0m"
	}
	var b strings.Builder
	pos := 0
	for i := 0; i < len(toks); i++ {
		if !in[i] {
			continue
		}
		j := i
		for j+1 < len(toks) && in[j+1] && joined[j] {
			j++
		}
		b.WriteString(s[pos:toks[i].Start])
		b.WriteString(open)
		b.WriteString(s[toks[i].Start:toks[j].End])
		b.WriteString(closing)
		pos = toks[j].End
		i = j
	}
	b.WriteString(s[pos:])
	return b.String()
}

// --- whatif ---

type dictWhatifOptions struct {
	g           *globals
	dir         string
	filter      string
	from, to    string
	tz          string
	format      string
	examples    int
	strictMixed bool
	progress    string
}

func newDictWhatifCmd(g *globals) *cobra.Command {
	opts := &dictWhatifOptions{g: g}
	cmd := &cobra.Command{
		Use:   "whatif --dir NEWDIR [--filter EXPR] [--from DATE] [--to DATE] [--format text|json]",
		Short: "Show which archived calls a changed dictionary set would add or remove categories from",
		Long: `whatif runs the dictionaries in NEWDIR over the transcripts stored in
ClickHouse (table segments) of the analysed calls that --filter and the
period select, and compares the categories each call would get with those
its stored analysis has. Per category it prints the calls before and
after, the calls gained, lost and the net change, and example calls with
the evidence: the phrase and words behind a gain, the stored hit behind a
loss.

The archive is read in bulk, window by window of call start time, so its
memory does not grow with the archive. It writes nothing: the stored
analyses and reports stay as they are until the calls are analysed again
(callscope reprocess).`,
		Example: `  callscope dict whatif --data .callscope --dir my-dictionaries
  callscope dict whatif --dir my-dictionaries --filter 'department = "Поддержка"' --from 2026-11-01 --tz Europe/Moscow
  callscope dict whatif --dir my-dictionaries --format json > whatif.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runDictWhatif(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.dir, "dir", "", "the changed dictionary directory (required)")
	f.StringVar(&opts.filter, "filter", "", "compare only the calls this filter expression selects (docs/filters.md)")
	f.StringVar(&opts.from, "from", "", "first day of call start, YYYY-MM-DD (inclusive)")
	f.StringVar(&opts.to, "to", "", "the day after the last of call start, YYYY-MM-DD (excluded)")
	f.StringVar(&opts.tz, "tz", "UTC", "time zone of dates in --from, --to and the filter (IANA name, e.g. Europe/Moscow)")
	f.StringVar(&opts.format, "format", "text", "output: text or json")
	f.IntVar(&opts.examples, "examples", whatif.DefaultExamples, "example calls per category and direction")
	f.BoolVar(&opts.strictMixed, "strict-mixed", false, "a mixed channel matches only channel-any phrases")
	f.StringVar(&opts.progress, "progress", "auto", "progress on stderr: auto (a bar on a terminal), bar, lines or none")
	g.bindStore(f)
	return cmd
}

func runDictWhatif(ctx context.Context, opts *dictWhatifOptions) error {
	g := opts.g
	if opts.dir == "" {
		return errors.New("dict whatif: --dir NEWDIR is required: the changed dictionary set to try")
	}
	if opts.format != "text" && opts.format != "json" {
		return fmt.Errorf("dict whatif: --format %q: want text or json", opts.format)
	}
	var bar *progressBar
	switch opts.progress {
	case "auto":
		if colorTerminal(g.errOut) {
			bar = &progressBar{w: g.errOut, bar: true}
		}
	case "bar", "lines":
		bar = &progressBar{w: g.errOut, bar: opts.progress == "bar"}
	case "none":
	default:
		return fmt.Errorf("dict whatif: --progress %q: want auto, bar, lines or none", opts.progress)
	}
	q, err := whatif.Request{Filter: opts.filter, From: opts.from, To: opts.to, TZ: opts.tz,
		Examples: opts.examples, StrictMixed: opts.strictMixed}.Query()
	if err != nil {
		return err
	}
	if opts.examples == 0 {
		q.Examples = -1 // none asked for
	}
	m, err := loadOrReport(dictSource{path: opts.dir, noModels: !g.cfg.Dictionaries.Models}, g.errOut)
	if err != nil {
		return err
	}
	db, err := openDrillDB(ctx, g)
	if err != nil {
		return err
	}
	defer db.Close()
	if bar != nil {
		bar.start = time.Now()
		q.Progress = bar.update
	}
	if err := report.CheckFilterCategories(withDictionaryCategories(ctx, g), db, opts.filter); err != nil {
		return err
	}
	res, err := whatif.Run(ctx, db, m, q)
	if err != nil {
		return err
	}
	if opts.format == "json" {
		enc := json.NewEncoder(g.out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	return writeWhatif(g.out, opts.dir, res, q.Location)
}

// writeWhatif prints a what-if result for people.
func writeWhatif(w io.Writer, dir string, res *whatif.Result, loc *time.Location) error {
	var vs []string
	for _, v := range res.Stored {
		vs = append(vs, fmt.Sprintf("%s on %d", cmp.Or(v.Version, "unknown"), v.Calls))
	}
	fmt.Fprintf(w, "what-if: %s (dictionaries %s) against the stored analyses (dictionaries %s)\n",
		dir, res.Dictionaries, cmp.Or(strings.Join(vs, ", "), "none"))
	fmt.Fprintf(w, "%d calls selected, %d compared, %d would change, %d without a stored transcript; nothing was written (%.1f s)\n",
		res.Calls, res.Compared, res.Changed, res.WithoutTranscript, res.Elapsed.Seconds())
	if len(res.Categories) == 0 {
		return nil
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "CATEGORY\tBEFORE\tAFTER\tGAINED\tLOST\tNET\t")
	for _, c := range res.Categories {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%+d\t\n", c.Category, c.Before, c.After, c.Gained, c.Lost, c.Net)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, c := range res.Categories {
		for _, part := range []struct {
			sign, verb string
			n          int
			ex         []whatif.Example
		}{{"+", "gained", c.Gained, c.GainedExamples}, {"-", "lost", c.Lost, c.LostExamples}} {
			if len(part.ex) == 0 {
				continue
			}
			fmt.Fprintf(w, "\n%s%s: %s by %d call(s), e.g.\n", part.sign, c.Category, part.verb, part.n)
			tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
			for _, e := range part.ex {
				started := "-"
				if !e.Started.IsZero() {
					started = e.Started.In(loc).Format("2006-01-02 15:04")
				}
				why := "no stored hit"
				if h := e.Hit; h != nil {
					was := ""
					if part.sign == "-" {
						was = "was "
					}
					why = fmt.Sprintf("%s%s\t%s\t%.2fs\t«%s»", was, h.PhraseID, h.Channel, h.Start, h.Text)
				}
				fmt.Fprintf(tw, "  %s\t%s\t%s\n", e.CallID, started, why)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
		}
	}
	return nil
}

// progressBar draws a run's progress on stderr: a bar redrawn in place on
// a terminal, else a line every few seconds.
type progressBar struct {
	w     io.Writer
	bar   bool
	start time.Time
	last  time.Time
}

func (p *progressBar) update(pr whatif.Progress) {
	now := time.Now()
	final := pr.Done >= pr.Total
	if !final && now.Sub(p.last) < 200*time.Millisecond || !p.bar && !final && now.Sub(p.last) < 5*time.Second {
		return
	}
	p.last = now
	frac := 1.0
	if pr.Total > 0 {
		frac = float64(pr.Done) / float64(pr.Total)
	}
	elapsed := now.Sub(p.start).Seconds()
	if !p.bar {
		fmt.Fprintf(p.w, "callscope: what-if %d/%d calls (%.0f%%) in %.1f s\n", pr.Done, pr.Total, 100*frac, elapsed)
		return
	}
	const width = 30
	full := int(frac * width)
	eta := ""
	if frac > 0 && !final {
		eta = fmt.Sprintf(", about %.0f s left", elapsed/frac-elapsed)
	}
	fmt.Fprintf(p.w, "\r[%s%s] %3.0f%% %d/%d calls, %.1f s%s\x1b[K", strings.Repeat("#", full), strings.Repeat(".", width-full),
		100*frac, pr.Done, pr.Total, elapsed, eta)
	if final {
		fmt.Fprintln(p.w)
	}
}
