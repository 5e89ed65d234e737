// Package analyze is the analyze stage of callscope: it measures a call
// (duration, talk time per side) and finds the phrases of the dictionaries
// (complaint, repeat contact, operator incompetence, ...) in its transcript.
//
// The core, Analyzer, is pure: a transcript and metadata in, a
// schemas.Analysis out, no I/O. Stage wires it to NATS and object storage.
// The phrase matching lives in analyze/match, tokenizing and stemming in
// analyze/text; docs/dictionaries.md describes the dictionaries.
package analyze

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/analyze/text"
	"github.com/callscope/callscope/schemas"
)

// Config configures an Analyzer.
type Config struct {
	// DefaultLanguage is used when neither the metadata nor the transcript
	// names one (default "ru").
	DefaultLanguage string
	// StrictMixed limits a mixed (mono) channel to phrases whose channel is
	// any. By default a mixed channel matches every phrase, since either
	// party may have said it; the hit's channel is then "mixed", so reports
	// can tell such hits apart.
	StrictMixed bool
}

// Analyzer analyses calls against one compiled dictionary set. It is safe
// for concurrent use.
type Analyzer struct {
	cfg     Config
	matcher *match.Matcher
}

// New returns an Analyzer matching with m.
func New(cfg Config, m *match.Matcher) *Analyzer {
	if cfg.DefaultLanguage == "" {
		cfg.DefaultLanguage = "ru"
	}
	return &Analyzer{cfg: cfg, matcher: m}
}

// LoadMatcher compiles the dictionaries of dir, or the built-in ones when
// dir is empty: the usual way to get the matcher New needs.
func LoadMatcher(dir string) (*match.Matcher, error) {
	var set *match.Set
	var err error
	if dir == "" {
		set, err = match.Builtin()
	} else {
		set, err = match.LoadDir(dir)
	}
	if err != nil {
		return nil, err
	}
	return match.Compile(set)
}

// DictionaryVersion is the content hash of the dictionaries in use.
func (a *Analyzer) DictionaryVersion() string { return a.matcher.Version() }

// Language is the language a call is analysed in: the metadata's, else the
// transcript's, else the configured default; a region ("ru-RU") is dropped.
func (a *Analyzer) Language(tr schemas.Transcript, meta schemas.Metadata) string {
	for _, l := range []string{meta.Language, tr.Language} {
		l = strings.ToLower(strings.TrimSpace(l))
		if i := strings.IndexAny(l, "-_"); i >= 0 {
			l = l[:i]
		}
		if l != "" {
			return l
		}
	}
	return a.cfg.DefaultLanguage
}

// AnalyzeCall measures the call and matches its transcript against the
// dictionaries of its language. It fills CallID (metadata's, else the
// transcript's), Meta, ASR, DictionaryVersion, Metrics, Hits and
// Categories; Version, AnalyzedAt and the object fields are the stage's.
// A language without dictionaries yields metrics and no hits.
func (a *Analyzer) AnalyzeCall(tr schemas.Transcript, meta schemas.Metadata) schemas.Analysis {
	out := schemas.Analysis{
		CallID:            cmp.Or(meta.CallID, tr.CallID),
		DictionaryVersion: a.matcher.Version(),
		Meta:              meta,
		ASR:               tr.ASR,
		Metrics:           CallMetrics(tr),
	}
	lang := a.Language(tr, meta)
	if !a.matcher.HasLanguage(lang) {
		return out
	}
	var toks []text.Token
	var words []int
	var found []match.Hit
	for _, ch := range tr.Channels {
		role := cmp.Or(ch.Role, schemas.RoleMixed)
		matchRole := role
		if role == schemas.RoleMixed && a.cfg.StrictMixed {
			matchRole = "" // speaker unknown: only channel-any phrases
		}
		for _, seg := range ch.Segments {
			toks, words = segmentTokens(toks[:0], words[:0], seg)
			found = a.matcher.Match(found[:0], lang, matchRole, toks)
			for _, h := range found {
				out.Hits = append(out.Hits, hitOf(h, role, seg, toks, words))
			}
		}
	}
	slices.SortStableFunc(out.Hits, func(x, y schemas.Hit) int {
		return cmp.Or(cmp.Compare(x.Start, y.Start), cmp.Compare(x.End, y.End),
			cmp.Compare(x.Channel, y.Channel), cmp.Compare(x.Category, y.Category),
			cmp.Compare(x.PhraseID, y.PhraseID))
	})
	for _, h := range out.Hits {
		if out.Categories == nil {
			out.Categories = map[string]int{}
		}
		out.Categories[h.Category]++
	}
	return out
}

// MatchText finds the phrases of lang in one sentence said on a channel of
// role, as `dict test` shows an analyst. Hit times are zero.
func (a *Analyzer) MatchText(lang, role, s string) []schemas.Hit {
	seg := schemas.Segment{Text: s}
	toks, words := segmentTokens(nil, nil, seg)
	var out []schemas.Hit
	for _, h := range a.matcher.Match(nil, lang, role, toks) {
		out = append(out, hitOf(h, role, seg, toks, words))
	}
	return out
}

// segmentTokens tokenizes a segment: its words when it has them (they carry
// times), else its text. words[i] is the index of the word token i came
// from; it stays empty for text.
func segmentTokens(toks []text.Token, words []int, seg schemas.Segment) ([]text.Token, []int) {
	if len(seg.Words) == 0 {
		return text.AppendTokens(toks, seg.Text), words
	}
	for wi, w := range seg.Words {
		n := len(toks)
		toks = text.AppendTokens(toks, w.W)
		for range len(toks) - n {
			words = append(words, wi)
		}
	}
	return toks, words
}

// hitOf places a match in time and quotes it. With word times the hit runs
// from its first word's start to its last word's end; without them it is
// interpolated by token position within the segment, which is the best a
// segment-level transcript allows.
func hitOf(h match.Hit, role string, seg schemas.Segment, toks []text.Token, words []int) schemas.Hit {
	out := schemas.Hit{Category: h.Category, PhraseID: h.PhraseID, Channel: role}
	if len(words) > 0 {
		first, last := words[h.Start], words[h.End-1]
		out.Start, out.End = seg.Words[first].Start, seg.Words[last].End
		// Quote whole words but cut the first and last at their tokens, so
		// punctuation the ASR glued to them ("мне,") stays out.
		ws := make([]string, 0, last-first+1)
		for wi := first; wi <= last; wi++ {
			w := seg.Words[wi].W
			from, to := 0, len(w)
			if wi == last {
				to = toks[h.End-1].End
			}
			if wi == first {
				from = toks[h.Start].Start
			}
			ws = append(ws, w[from:to])
		}
		out.Text = strings.Join(ws, " ")
	} else {
		span := seg.End - seg.Start
		n := float64(len(toks))
		out.Start = seg.Start + span*float64(h.Start)/n
		out.End = seg.Start + span*float64(h.End)/n
		out.Text = seg.Text[toks[h.Start].Start:toks[h.End-1].End]
	}
	out.Start, out.End = ms(out.Start), ms(out.End)
	return out
}

// ms rounds seconds to milliseconds: finer digits are interpolation noise
// and would make equal analyses differ.
func ms(s float64) float64 { return math.Round(s*1000) / 1000 }
