package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// GenerateConfig shapes a synthetic archive of call facts.
type GenerateConfig struct {
	Calls int // how many calls
	// Operators defaults to one per 20 000 calls, at least 20 and at most
	// 2 000; they are spread over five departments.
	Operators int
	// End is the day after the last call (default: today, UTC); calls
	// spread over Days days before it (default 365).
	End  time.Time
	Days int
	// Seed makes the archive reproducible (same seed, same calls).
	Seed uint64
	// Batch is the calls per INSERT (default 100 000).
	Batch int
	// Criteria also writes the per-criterion rows of each call's score
	// (five a call); the calls rows always carry the outcomes.
	Criteria bool
	// Segments also writes transcript segments (a few a call, saying what
	// the call's hits say), so that search and show work on the archive.
	Segments bool
	// Progress, when set, is called after each batch with the calls
	// written so far.
	Progress func(written int)
}

// GenerateStats says what Generate wrote.
type GenerateStats struct {
	Calls, Hits, Criteria, Segments int
	Elapsed                         time.Duration
}

var departments = []struct {
	name   string
	queues []string
}{
	{"Поддержка", []string{"internet", "tv", "mobile"}},
	{"Продажи", []string{"sales", "upgrade"}},
	{"Биллинг", []string{"billing", "payments"}},
	{"Удержание", []string{"retention"}},
	{"VIP", []string{"vip"}},
}

var firstNames = []string{"Анна", "Дмитрий", "Ольга", "Елена", "Игорь", "Мария", "Сергей", "Наталья", "Алексей", "Татьяна", "Павел", "Ирина"}

// operatorName agrees the surname with the first name's gender: these
// surnames all take -а in the feminine (Петров, Петрова), and these first
// names are feminine exactly when they end in -а or -я.
func operatorName(first, last string) string {
	if strings.HasSuffix(first, "а") || strings.HasSuffix(first, "я") {
		last += "а"
	}
	return first + " " + last
}

var lastNames = []string{"Петров", "Соколов", "Кузнецов", "Смирнов", "Волков", "Попов", "Лебедев", "Козлов", "Новиков", "Морозов"}

// categories of the built-in dictionaries with their base rates per call.
var genCategories = []struct {
	name string
	rate float64
	// skill: how much an operator's skill lowers (negative) or raises the
	// rate.
	skill float64
}{
	{"apology", 0.15, 0}, {"churn_threat", 0.02, -0.5}, {"complaint", 0.08, -0.8},
	{"farewell", 0.85, 0.3}, {"filler_words", 0.35, -0.6}, {"greeting", 0.92, 0.2},
	{"hold_announcement", 0.20, 0}, {"incompetence", 0.03, -1}, {"next_steps", 0.40, 0.5},
	{"politeness", 0.60, 0.4}, {"profanity", 0.01, -0.5}, {"repeat_contact", 0.10, -0.4},
	{"solution_confirmed", 0.55, 0.5},
}

type genOperator struct {
	id, name, dept, queue0 string
	queues                 []string
	skill                  float64 // -1 (weak) .. 1 (strong)
}

// Generate writes cfg.Calls synthetic analysed calls (calls, hits and
// criteria rows) with plausible distributions: office-hours peaks, fewer
// calls at weekends, log-normal durations, operators of varying skill whose
// complaint rates, scores and CSAT follow it, repeat clients. It writes
// fresh calls through the bulk path (InsertColumns), not WriteAnalyses:
// it is for benchmarks and demos, on an empty or generated archive.
func Generate(ctx context.Context, db DB, cfg GenerateConfig) (GenerateStats, error) {
	start := time.Now()
	if cfg.Calls <= 0 {
		return GenerateStats{}, fmt.Errorf("store: generate: calls must be positive, got %d", cfg.Calls)
	}
	if cfg.Operators <= 0 {
		cfg.Operators = min(max(cfg.Calls/20000, 20), 2000)
	}
	if cfg.Days <= 0 {
		cfg.Days = 365
	}
	if cfg.End.IsZero() {
		now := time.Now().UTC()
		cfg.End = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, 1)
	}
	if cfg.Batch <= 0 {
		cfg.Batch = 100000
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15))
	ops := make([]genOperator, cfg.Operators)
	for i := range ops {
		d := departments[i%len(departments)]
		ops[i] = genOperator{
			id:     fmt.Sprintf("op-%04d", i+1),
			name:   operatorName(firstNames[rng.IntN(len(firstNames))], lastNames[rng.IntN(len(lastNames))]),
			dept:   d.name,
			queues: d.queues,
			skill:  math.Max(-1, math.Min(1, rng.NormFloat64()*0.45)),
		}
	}
	// Clients: about 60% of calls come from someone who called before.
	clients := max(cfg.Calls*2/5, 1)
	first := cfg.End.AddDate(0, 0, -cfg.Days)
	g := &generator{rng: rng, ops: ops, clients: clients, first: first, days: cfg.Days, baseVersion: uint64(cfg.End.UnixNano())}
	if cfg.Segments {
		g.texts = newGenTexts()
	}
	var st GenerateStats
	for done := 0; done < cfg.Calls; {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		n := min(cfg.Batch, cfg.Calls-done)
		b := g.batch(done, n)
		for _, t := range []struct {
			table string
			cols  []string
			data  []any
		}{
			{"hits", b.hitCols(), b.hitData()},
			{"criteria", b.critCols(), b.critData()},
			{"segments", segmentColumns, b.segmentData()},
			{"calls", b.callCols(), b.callData()},
		} {
			if (t.table == "criteria" && !cfg.Criteria) || (t.table == "segments" && !cfg.Segments) {
				continue
			}
			if err := db.InsertColumns(ctx, t.table, t.cols, t.data); err != nil {
				return st, fmt.Errorf("store: generate: %w", err)
			}
		}
		done += n
		st.Calls += n
		st.Hits += len(b.hCallID)
		if cfg.Criteria {
			st.Criteria += len(b.crCallID)
		}
		st.Segments += len(b.sCallID)
		if cfg.Progress != nil {
			cfg.Progress(done)
		}
	}
	st.Elapsed = time.Since(start)
	return st, nil
}

type generator struct {
	rng         *rand.Rand
	ops         []genOperator
	clients     int
	first       time.Time
	days        int
	baseVersion uint64
	texts       *genTexts // nil: no segments
}

// hourWeights is the share of calls by hour of day: a working-day curve.
var hourWeights = []float64{0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 4, 7, 8, 8, 7, 7.5, 8, 7.5, 7, 6, 4.5, 3, 2, 1.2, 0.8, 0.4}

func (g *generator) startTime() time.Time {
	for {
		day := g.first.AddDate(0, 0, g.rng.IntN(g.days))
		if wd := day.Weekday(); (wd == time.Saturday || wd == time.Sunday) && g.rng.Float64() < 0.55 {
			continue // weekends are quieter
		}
		x := g.rng.Float64() * 87.1 // sum of hourWeights
		h := 0
		for ; h < 23 && x > hourWeights[h]; h++ {
			x -= hourWeights[h]
		}
		return day.Add(time.Duration(h)*time.Hour + time.Duration(g.rng.IntN(3600))*time.Second)
	}
}

type genBatch struct {
	// calls
	callID, objectKey, etag, opID, opName, dept, queue, direction, lang, client []string
	rowVersion                                                                  []uint64
	analyzedAt, startedAt                                                       []time.Time
	wait, csatScore, csatScale, opTalk, clTalk, score, scoreMax                 []*float64
	transfers                                                                   []*int32
	duration, totalTalk                                                         []float64
	channels                                                                    []uint8
	catNames, paramNames, critIDs, critOutcomes                                 [][]string
	catCounts                                                                   [][]uint32
	paramValues                                                                 [][]float64
	// hits
	hCallID, hCategory, hPhrase, hChannel, hText []string
	hVersion                                     []uint64
	hIndex                                       []uint32
	hStarted                                     []time.Time
	hStart, hEnd                                 []float64
	// criteria
	crCallID, crID, crText, crOutcome, crEvidence []string
	crVersion                                     []uint64
	crIndex                                       []uint32
	crStarted                                     []time.Time
	crWeight                                      []float64
	crStart                                       []*float64
	// segments
	sCallID, sChannel, sText []string
	sVersion                 []uint64
	sIndex                   []uint32
	sStarted                 []time.Time
	sStart, sEnd             []float64
	sTerms                   [][]string
}

func fp(f float64) *float64 { return &f }

// genParameters are the parameters a generated call has, by the analyzer's
// names (the drift test checks them against analyze.Parameters()).
var genParameters = []string{"talk_share_operator", "overtalk_total", "silence_longest"}

// GeneratorVocabulary is what generated calls name: parameters, dictionary
// categories and scoring criteria with the category each one needs. A test
// checks every name against the analyzer's catalogue, the dictionaries and
// the scoring profiles.
func GeneratorVocabulary() (parameters, categories []string, criteria map[string]string) {
	criteria = map[string]string{}
	for _, c := range genCriteria {
		criteria[c.id] = c.category
	}
	for _, c := range genCategories {
		categories = append(categories, c.name)
	}
	return slices.Clone(genParameters), categories, criteria
}

// genCriteria are criteria of the shipped default profile, by its ids, and
// the category each one looks for (competent passes without it).
var genCriteria = []struct{ id, text, category string }{
	{"greeting", "The operator greets the client and says their name", "greeting"},
	{"competent", "No signs of incompetence", "incompetence"},
	{"solution_confirmed", "The solution is confirmed with the client", "solution_confirmed"},
	{"next_steps", "Next steps are announced", "next_steps"},
	{"farewell", "The operator says goodbye", "farewell"},
}

func (g *generator) batch(offset, n int) *genBatch {
	b := &genBatch{}
	rng := g.rng
	for i := 0; i < n; i++ {
		seq := offset + i
		op := &g.ops[int(math.Abs(rng.NormFloat64()*0.35)*float64(len(g.ops)))%len(g.ops)]
		started := g.startTime()
		id := started.Format("20060102-150405") + "-" + strconv.Itoa(seq)
		ver := g.baseVersion + uint64(seq)
		inbound := rng.Float64() < 0.8
		dur := math.Min(3600, math.Max(8, math.Exp(5.2+0.65*rng.NormFloat64())))
		talkShare := 0.6 + 0.25*rng.Float64()
		opShare := 0.35 + 0.3*rng.Float64()
		talk := dur * talkShare
		lang := "ru"
		if rng.Float64() < 0.05 {
			lang = "en"
		}
		client := rng.IntN(g.clients)
		if rng.Float64() < 0.3 { // a few heavy callers
			client = rng.IntN(max(g.clients/50, 1))
		}
		sum := sha256.Sum256([]byte("client-" + strconv.Itoa(client)))
		var cats []string
		var counts []uint32
		var hitSegs []genSegment
		has := map[string]bool{}
		hitIndex := uint32(0)
		for _, c := range genCategories {
			p := c.rate * (1 + c.skill*op.skill)
			if rng.Float64() < p {
				cats = append(cats, c.name)
				k := 1
				if r := rng.Float64(); r < 0.05 {
					k = 3
				} else if r < 0.25 {
					k = 2
				}
				counts = append(counts, uint32(k))
				has[c.name] = true
				for h := 0; h < k; h++ {
					channel := "client"
					if c.skill > 0 || c.name == "incompetence" || c.name == "filler_words" {
						channel = "operator"
					}
					at := rng.Float64() * dur
					text := c.name
					if g.texts != nil {
						u := g.texts.hitUtterance(rng, lang, c.name)
						hitSegs = append(hitSegs, genSegment{channel: channel, start: at, end: at + 1 + rng.Float64()*2, u: u})
						text = u.text
					}
					b.hCallID = append(b.hCallID, id)
					b.hVersion = append(b.hVersion, ver)
					b.hIndex = append(b.hIndex, hitIndex)
					hitIndex++
					b.hStarted = append(b.hStarted, started)
					b.hCategory = append(b.hCategory, c.name)
					b.hPhrase = append(b.hPhrase, c.name+"-"+strconv.Itoa(1+rng.IntN(6)))
					b.hChannel = append(b.hChannel, channel)
					b.hStart = append(b.hStart, at)
					b.hEnd = append(b.hEnd, at+0.4+rng.Float64())
					b.hText = append(b.hText, text)
				}
			}
		}
		if g.texts != nil {
			b.appendSegments(id, ver, started, g.texts.segments(rng, lang, dur, hitSegs))
		}
		// Criteria and score.
		var ids, outs []string
		passedW, totalW := 0.0, 0.0
		for ci, c := range genCriteria {
			ok := has[c.category]
			if c.id == "competent" {
				ok = !ok
			}
			out := "failed"
			if ok {
				out = "passed"
				passedW++
			}
			totalW++
			ids = append(ids, c.id)
			outs = append(outs, out)
			b.crCallID = append(b.crCallID, id)
			b.crVersion = append(b.crVersion, ver)
			b.crIndex = append(b.crIndex, uint32(ci))
			b.crStarted = append(b.crStarted, started)
			b.crID = append(b.crID, c.id)
			b.crText = append(b.crText, c.text)
			b.crWeight = append(b.crWeight, 1)
			b.crOutcome = append(b.crOutcome, out)
			b.crEvidence = append(b.crEvidence, "")
			b.crStart = append(b.crStart, nil)
		}
		score := 1 + 4*passedW/totalW
		overtalk := math.Max(0, rng.NormFloat64()*3+4-2*op.skill)
		silence := math.Max(0, rng.ExpFloat64()*6)
		var csat, csatScale *float64
		if rng.Float64() < 0.3 {
			v := math.Round(math.Max(1, math.Min(5, score+rng.NormFloat64()*0.9-btof(has["complaint"])*1.5)))
			csat, csatScale = fp(v), fp(5)
		}
		var wait *float64
		if inbound {
			wait = fp(math.Round(rng.ExpFloat64() * 40))
		}
		dir := "outbound"
		if inbound {
			dir = "inbound"
		}
		queue := op.queues[rng.IntN(len(op.queues))]
		tr := int32(0)
		if rng.Float64() < 0.12 {
			tr = 1
		}
		b.callID = append(b.callID, id)
		b.rowVersion = append(b.rowVersion, ver)
		b.objectKey = append(b.objectKey, "gen/"+id+".wav")
		b.etag = append(b.etag, strconv.FormatUint(rng.Uint64(), 16))
		b.analyzedAt = append(b.analyzedAt, started.Add(10*time.Minute))
		b.startedAt = append(b.startedAt, started)
		b.opID = append(b.opID, op.id)
		b.opName = append(b.opName, op.name)
		b.dept = append(b.dept, op.dept)
		b.queue = append(b.queue, queue)
		b.direction = append(b.direction, dir)
		b.lang = append(b.lang, lang)
		b.client = append(b.client, hex.EncodeToString(sum[:]))
		b.wait = append(b.wait, wait)
		b.transfers = append(b.transfers, &tr)
		b.csatScore = append(b.csatScore, csat)
		b.csatScale = append(b.csatScale, csatScale)
		b.duration = append(b.duration, math.Round(dur*10)/10)
		b.channels = append(b.channels, 2)
		b.opTalk = append(b.opTalk, fp(math.Round(talk*opShare*10)/10))
		b.clTalk = append(b.clTalk, fp(math.Round(talk*(1-opShare)*10)/10))
		b.totalTalk = append(b.totalTalk, math.Round(talk*10)/10)
		b.catNames = append(b.catNames, orEmpty(cats))
		if counts == nil {
			counts = []uint32{}
		}
		b.catCounts = append(b.catCounts, counts)
		b.paramNames = append(b.paramNames, genParameters)
		b.paramValues = append(b.paramValues, []float64{math.Round(opShare*1000) / 10, math.Round(overtalk*10) / 10, math.Round(silence*10) / 10})
		b.score = append(b.score, fp(math.Round(score*100)/100))
		b.scoreMax = append(b.scoreMax, fp(5))
		b.critIDs = append(b.critIDs, ids)
		b.critOutcomes = append(b.critOutcomes, outs)
	}
	return b
}

func btof(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func (b *genBatch) callCols() []string {
	return []string{"call_id", "row_version", "object_key", "etag", "version", "dictionary_version",
		"analyzed_at", "started_at", "operator_id", "operator_name", "department", "queue", "direction",
		"language", "client_hash", "wait_seconds", "transfers", "csat_score", "csat_scale", "duration",
		"channels", "operator_talk", "client_talk", "total_talk", "category_names", "category_counts",
		"asr_adapter", "asr_model", "tag_keys", "tag_values", "param_names", "param_values", "score",
		"score_max", "score_profile", "score_profile_version", "criteria_ids", "criteria_outcomes"}
}

func repeat[T any](v T, n int) []T {
	s := make([]T, n)
	for i := range s {
		s[i] = v
	}
	return s
}

func (b *genBatch) callData() []any {
	n := len(b.callID)
	return []any{b.callID, b.rowVersion, b.objectKey, b.etag, repeat("gen+d1", n), repeat("d1", n),
		b.analyzedAt, b.startedAt, b.opID, b.opName, b.dept, b.queue, b.direction,
		b.lang, b.client, b.wait, b.transfers, b.csatScore, b.csatScale, b.duration,
		b.channels, b.opTalk, b.clTalk, b.totalTalk, b.catNames, b.catCounts,
		repeat("generated", n), repeat("", n), repeat([]string{}, n), repeat([]string{}, n), b.paramNames, b.paramValues, b.score,
		b.scoreMax, repeat("default", n), repeat("p1", n), b.critIDs, b.critOutcomes}
}

func (b *genBatch) hitCols() []string {
	return []string{"call_id", "row_version", "hit_index", "version", "started_at", "category",
		"phrase_id", "channel", "start_sec", "end_sec", "text"}
}

func (b *genBatch) hitData() []any {
	return []any{b.hCallID, b.hVersion, b.hIndex, repeat("gen+d1", len(b.hCallID)), b.hStarted, b.hCategory,
		b.hPhrase, b.hChannel, b.hStart, b.hEnd, b.hText}
}

func (b *genBatch) critCols() []string { return criterionColumns }

func (b *genBatch) critData() []any {
	n := len(b.crCallID)
	return []any{b.crCallID, b.crVersion, b.crIndex, b.crStarted, repeat("default", n), repeat("p1", n),
		b.crID, b.crText, b.crWeight, b.crOutcome, b.crEvidence, b.crStart}
}
