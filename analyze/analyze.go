// Package analyze is the analyze stage of callscope: it measures a call
// (duration, talk time per side and some forty parameters, see
// docs/parameters.md), finds the phrases of the dictionaries (complaint,
// repeat contact, operator incompetence, ...) in its transcript, and scores
// it on a 5-point scale by a scoring profile (analyze/score,
// docs/scoring.md).
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
	"sync"

	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/analyze/score"
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
	// Profile, when set, scores every call by the profile of this name
	// instead of choosing one by department, queue and direction.
	Profile string
}

// Analyzer analyses calls against a compiled dictionary set and scores
// them by scoring profiles. It is safe for concurrent use.
type Analyzer struct {
	cfg      Config
	matcher  func() *match.Matcher
	profiles *score.Set
}

// New returns an Analyzer matching with m and scoring nothing: the
// constructor of the walking skeleton, kept for its callers. NewWith takes
// a reloading matcher and scoring profiles.
func New(cfg Config, m *match.Matcher) *Analyzer {
	return NewWith(cfg, func() *match.Matcher { return m }, nil)
}

// NewWith returns an Analyzer that takes its matcher from matcher at each
// call (so a reloading dictionary set, match.Watcher.Current, swaps it
// between calls) and scores calls by profiles; nil profiles score nothing.
func NewWith(cfg Config, matcher func() *match.Matcher, profiles *score.Set) *Analyzer {
	if cfg.DefaultLanguage == "" {
		cfg.DefaultLanguage = "ru"
	}
	return &Analyzer{cfg: cfg, matcher: matcher, profiles: profiles}
}

// LoadMatcher compiles the dictionaries of dir, or the built-in ones when
// dir is empty: the usual way to get the matcher New needs. Without models
// the set's trained category models are left out (configuration
// dictionaries.models: false; docs/models.md).
func LoadMatcher(dir string, models bool) (*match.Matcher, error) {
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
	if !models {
		set = set.WithoutModels()
	}
	return match.Compile(set)
}

// LoadProfiles reads the scoring profiles of dir, or the built-in ones when
// dir is empty, and checks that every parameter they name exists.
func LoadProfiles(dir string) (*score.Set, error) {
	set, err := score.Load(dir)
	if err != nil {
		return nil, err
	}
	if err := set.CheckParameters(CheckParameterName); err != nil {
		return nil, err
	}
	return set, nil
}

// DictionaryVersion is the content hash of the dictionaries in use.
func (a *Analyzer) DictionaryVersion() string { return a.matcher().Version() }

// Profiles are the scoring profiles in use, nil when calls are not scored.
func (a *Analyzer) Profiles() *score.Set { return a.profiles }

// Language is the language a call is analysed in: the metadata's, else the
// transcript's, else the configured default; a region ("ru-RU") is dropped.
func (a *Analyzer) Language(tr schemas.Transcript, meta schemas.Metadata) string {
	return cmp.Or(BaseLanguage(meta.Language), BaseLanguage(tr.Language), a.cfg.DefaultLanguage)
}

// BaseLanguage is the language l names, in lower case and without its
// region ("ru-RU", " RU_ru" -> "ru"); empty stays empty. Dictionaries and
// models are kept per base language, so every place that picks them by a
// call's or a request's language reduces it here.
func BaseLanguage(l string) string {
	l = strings.ToLower(strings.TrimSpace(l))
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		l = l[:i]
	}
	return l
}

// AnalyzeCall measures the call, matches its transcript against the
// dictionaries of its language and scores it. It fills CallID (metadata's,
// else the transcript's), Meta, ASR, DictionaryVersion, Metrics, Hits,
// Categories, Parameters, Score (when a profile applies) and Segments (the
// transcript's segments with their search terms); Version, AnalyzedAt and
// the object fields are the stage's. A language without dictionaries yields
// metrics and parameters, no hits; so does a transcript without text
// (schemas.ASRNone: timing from the VAD only), whose text parameters are
// absent.
func (a *Analyzer) AnalyzeCall(tr schemas.Transcript, meta schemas.Metadata) schemas.Analysis {
	m := a.matcher()
	lang := a.Language(tr, meta)
	out := schemas.Analysis{
		CallID:            cmp.Or(meta.CallID, tr.CallID),
		DictionaryVersion: m.Version(),
		Meta:              meta,
		ASR:               tr.ASR,
		Metrics:           CallMetrics(tr),
		Segments:          IndexSegments(tr, lang),
	}
	var categories []string
	if m.HasLanguage(lang) && tr.TextKnown() {
		categories = Categories(m, lang)
		buf := callHits.Get().(*[]match.CallHit)
		hits := m.AppendCall((*buf)[:0], tr, lang, match.CallOptions{StrictMixed: a.cfg.StrictMixed})
		if len(hits) > 0 {
			out.Hits = make([]schemas.Hit, 0, len(hits))
			out.Categories = map[string]int{}
		}
		for _, h := range hits {
			out.Hits = append(out.Hits, h.Hit)
			out.Categories[h.Category]++
		}
		clear(hits) // keep no transcript text alive in the pool
		*buf = hits[:0]
		callHits.Put(buf)
	}
	if tr.PII != nil {
		// A card number or CVV said by the operator breaks the card
		// security standard: its own category, whatever the dictionaries.
		categories = append(categories, CategoryOperatorCardData)
		slices.Sort(categories)
		for _, h := range OperatorCardData(tr) {
			out.Hits = append(out.Hits, h)
			if out.Categories == nil {
				out.Categories = map[string]int{}
			}
			out.Categories[h.Category]++
		}
	}
	out.Parameters = CallParameters(tr, meta, out.Hits, categories)
	if p := a.profileFor(meta); p != nil {
		out.Score = p.Score(score.Call{Parameters: out.Parameters, Hits: out.Hits, Categories: categories,
			NoText: !tr.TextKnown(), Duration: out.Metrics.Duration, Unit: ParameterUnit})
	}
	return out
}

// callHits holds the matcher's per-call hit buffers: the analysis keeps
// its own exactly sized copy of the hits (without the weights), so the
// matcher's result is scratch.
var callHits = sync.Pool{New: func() any { return new([]match.CallHit) }}

// CategoryOperatorCardData is the category of a card number or CVV said
// by the operator (the redaction found it on the operator's channel): a
// breach of the card security standard (PCI DSS), for scoring profiles
// (require none of it) and filters (hits_operator_card_data).
const CategoryOperatorCardData = "operator_card_data"

// OperatorCardData turns the card and CVV spans the transcribe stage masked
// on the operator's channel into hits of CategoryOperatorCardData; the
// text is the mask, never the number.
func OperatorCardData(tr schemas.Transcript) []schemas.Hit {
	if tr.PII == nil {
		return nil
	}
	var out []schemas.Hit
	for _, s := range tr.PII.Spans {
		if s.Role != schemas.RoleOperator || s.Type != "card" && s.Type != "cvv" {
			continue
		}
		out = append(out, schemas.Hit{Category: CategoryOperatorCardData, PhraseID: "said_" + s.Type,
			Channel: s.Role, Start: s.Start, End: s.End, Text: "[" + s.Type + "]"})
	}
	return out
}

// profileFor is the profile that scores a call, or nil.
func (a *Analyzer) profileFor(meta schemas.Metadata) *score.Profile {
	if a.profiles == nil {
		return nil
	}
	if a.cfg.Profile != "" {
		return a.profiles.Profile(a.cfg.Profile)
	}
	return a.profiles.For(meta.Operator.Department, meta.Queue, strings.ToLower(meta.Direction))
}

// Categories lists the dictionary categories m has for lang, sorted.
func Categories(m *match.Matcher, lang string) []string {
	var out []string
	if set := m.Set(); set != nil {
		for _, d := range set.Dictionaries {
			if d.Language == lang && !slices.Contains(out, d.Category) {
				out = append(out, d.Category)
			}
		}
	}
	slices.Sort(out)
	return out
}

// ms rounds seconds to milliseconds: finer digits are interpolation noise
// and would make equal analyses differ.
func ms(s float64) float64 { return math.Round(s*1000) / 1000 }
