package match

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/callscope/callscope/analyze/text"
	"github.com/callscope/callscope/schemas"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/hits.golden from the current matcher")

// goldenTranscripts are the transcripts the hits golden covers: every
// transcript under testdata that parses (the demo calls and the labelled
// corpus, ru and en) as written, the same with word times (punctuation glued to the words
// as an ASR writes it), every fifth with its utterances in reverse order,
// and the benchmarks' 5-minute call.
// nameHash is FNV-1a of s.
func nameHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

func goldenTranscripts(tb testing.TB) (names []string, trs []schemas.Transcript) {
	tb.Helper()
	root := filepath.Join("..", "..", "testdata")
	var files []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".transcript.json") {
			files = append(files, p)
		}
		return err
	})
	if err != nil || len(files) < 300 {
		tb.Fatalf("%d transcripts under testdata: %v", len(files), err)
	}
	slices.Sort(files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var tr schemas.Transcript
		if err := json.Unmarshal(data, &tr); err != nil {
			continue // testdata/bad: transcripts that must not parse
		}
		name := filepath.ToSlash(strings.TrimPrefix(f, root+string(filepath.Separator)))
		names, trs = append(names, name), append(trs, tr)
		names, trs = append(names, name+"#words"), append(trs, withWords(tr))
		if nameHash(name)%5 == 0 { // a fifth, the same ones whatever files are added
			names, trs = append(names, name+"#reversed"), append(trs, reversed(tr))
		}
	}
	names, trs = append(names, "fiveMinuteCall"), append(trs, fiveMinuteCall(tb))
	return names, trs
}

// withWords gives every segment word times, spread evenly over it, with the
// words as strings.Fields cuts them (punctuation stays on the word).
func withWords(tr schemas.Transcript) schemas.Transcript {
	out := tr
	out.Channels = slices.Clone(tr.Channels)
	for ci := range out.Channels {
		segs := slices.Clone(out.Channels[ci].Segments)
		for si := range segs {
			ws := strings.Fields(segs[si].Text)
			d := (segs[si].End - segs[si].Start) / float64(max(len(ws), 1))
			segs[si].Words = nil
			for k, w := range ws {
				t := segs[si].Start + d*float64(k)
				segs[si].Words = append(segs[si].Words, schemas.Word{W: w, Start: t, End: t + d*0.9})
			}
		}
		out.Channels[ci].Segments = segs
	}
	return out
}

// reversed lists each channel's utterances last first: MatchCall must put
// them in time order itself.
func reversed(tr schemas.Transcript) schemas.Transcript {
	out := tr
	out.Channels = slices.Clone(tr.Channels)
	for ci := range out.Channels {
		segs := slices.Clone(out.Channels[ci].Segments)
		slices.Reverse(segs)
		out.Channels[ci].Segments = segs
	}
	return out
}

var goldenMatchers = sync.OnceValues(func() (map[string]*Matcher, error) {
	set, err := Builtin()
	if err != nil {
		return nil, err
	}
	builtin, err := Compile(set)
	if err != nil {
		return nil, err
	}
	big := bigSet(10000)
	for i := range big.Dictionaries {
		big.Dictionaries[i].File = big.Dictionaries[i].Category
	}
	bigM, err := compileLenient(big)
	if err != nil {
		return nil, err
	}
	return map[string]*Matcher{"builtin": builtin, "big10k": bigM}, nil
})

// TestHitsGolden pins every hit the matcher finds: MatchCall (both mixed
// modes) and MatchSegment over goldenTranscripts with the built-ins, the
// 10,000-phrase set of BenchmarkMatchCall10k and that of
// BenchmarkMatchCall10kVocab. testdata/hits.golden holds, per matcher and
// transcript, the number of hits and a digest of them as JSON, so a
// speed-up that changes any hit, time, quote or order fails here. Run with
// -update only for a change that means to change hits, and say why in the
// commit.
func TestHitsGolden(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles two 10,000-phrase sets")
	}
	ms, err := goldenMatchers()
	if err != nil {
		t.Fatal(err)
	}
	vocab, err := compileLenient(vocabSet(t, 10000))
	if err != nil {
		t.Fatal(err)
	}
	ms["vocab10k"] = vocab
	names, trs := goldenTranscripts(t)
	var got bytes.Buffer
	for _, mn := range []string{"builtin", "big10k", "vocab10k"} {
		m := ms[mn]
		for i, tr := range trs {
			lang := cmpOr(tr.Language, "ru")
			if !m.HasLanguage(lang) {
				continue
			}
			// One line per matcher and transcript: the hit counts of
			// MatchCall, MatchCall with StrictMixed and MatchSegment, and a
			// digest of the three results.
			loose := m.MatchCall(tr, lang, CallOptions{})
			strict := m.MatchCall(tr, lang, CallOptions{StrictMixed: true})
			var seg []Hit
			var toks []text.Token
			var words []int
			for _, ch := range tr.Channels {
				for _, sg := range ch.Segments {
					toks, words = SegmentTokens(toks[:0], words[:0], sg)
					seg = m.MatchSegment(seg, lang, cmpOr(ch.Role, schemas.RoleMixed), sg, toks, words)
				}
			}
			fmt.Fprintf(&got, "%s %s %d %d %d %s\n", mn, names[i], len(loose), len(strict), len(seg),
				digest(t, []any{loose, strict, seg}))
		}
	}
	path := filepath.Join("testdata", "hits.golden")
	if *updateGolden {
		if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (create it with -update)", err)
	}
	gl, wl := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
	bad := 0
	for i := 0; i < max(len(gl), len(wl)); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			if bad++; bad <= 20 {
				t.Errorf("line %d:\n got %s\nwant %s", i+1, g, w)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d lines differ from %s", bad, len(wl), path)
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func digest(tb testing.TB, v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:8])
}
