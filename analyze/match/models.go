package match

import (
	"cmp"
	"fmt"
	"io/fs"
	"math"
	"math/bits"
	"path"
	"slices"
	"strings"

	"github.com/callscope/callscope/analyze/model"
	"github.com/callscope/callscope/internal/safefile"
	"github.com/callscope/callscope/schemas"
)

// A trained category model (analyze/model) complements a dictionary: when
// the category's phrases find nothing on a channel of the model's role,
// MatchCall scores that channel and, at a probability at or above the
// model's threshold, adds one hit of the category with the phrase id
// ModelPhrasePrefix+category, on the utterance that weighed most. Hits,
// scores, filters and the call card then treat it as any other hit.
//
// Models sit next to the dictionaries as models/<language>/<category>.json
// (the built-ins in dictionaries/models/); a dictionary file with
// `model: false` switches its category's model off.

// ModelPhrasePrefix starts the phrase id of a model's hit: model:complaint.
const ModelPhrasePrefix = "model:"

// MaxModelBytes is the largest model file read.
const MaxModelBytes = 16 << 20

// isModelFile reports whether p (slash-separated, relative to the set's
// folder) is a model file: models/<language>/<category>.json.
func isModelFile(p string) bool {
	parts := strings.Split(p, "/")
	return len(parts) == 3 && parts[0] == "models" && strings.HasSuffix(parts[2], ".json")
}

// loadModels reads the model files and checks each against its place and
// the set's dictionaries.
func (s *Set) loadModels(fsys fs.FS, prefix string, files []string) []error {
	var errs []error
	slices.Sort(files)
	for _, f := range files {
		name := path.Join(prefix, f)
		data, err := safefile.ReadFS(fsys, f, MaxModelBytes)
		if err != nil {
			errs = append(errs, fmt.Errorf("model %s: %w", name, err))
			continue
		}
		m, err := model.Parse(name, data)
		if err != nil {
			errs = append(errs, &PosError{File: name, Line: 1, Col: 1, Msg: err.Error()})
			continue
		}
		lang, cat := path.Base(path.Dir(f)), strings.TrimSuffix(path.Base(f), ".json")
		if m.Language != lang || m.Category != cat {
			errs = append(errs, &PosError{File: name, Line: 1, Col: 1,
				Msg: fmt.Sprintf("model of %s/%s must be models/%s/%s.json", m.Language, m.Category, m.Language, m.Category)})
			continue
		}
		if !slices.ContainsFunc(s.Dictionaries, func(d Dictionary) bool { return d.Language == lang && d.Category == cat }) {
			errs = append(errs, &PosError{File: name, Line: 1, Col: 1,
				Msg: fmt.Sprintf("model of %s/%s has no dictionary of that category and language: add one or remove the model", lang, cat)})
			continue
		}
		s.Models = append(s.Models, m)
	}
	return errs
}

// WithoutModels returns a copy of the set without its models: the phrases
// alone (`dict eval --no-models`).
func (s *Set) WithoutModels() *Set {
	c := *s
	c.Models = nil
	return &c
}

// langModels are the models of one language compiled for MatchCall:
// features are numbered once for all the language's models, each word's
// stem id sits in the matcher's word cache (wordInfo.feat), and each model
// is a flat table of weights by feature id.
type langModels struct {
	stems   map[string]int32 // stem → feature id
	bigrams map[uint64]int32 // stem id<<32 | stem id → feature id
	// bigramTable is bigrams as an open-addressing hash table (a power of
	// two of slots, at least twice the bigrams), which a call looks up at
	// each two words of a channel a model reads: a probe or two, where a
	// map lookup took about 90 instructions. bigramShift makes a hash a
	// slot.
	bigramTable []bigramSlot
	bigramShift uint
	n           int32 // feature ids are [0, n)
	list        []compiledModel
}

type compiledModel struct {
	m       *model.Model
	id      string
	weight  float64
	weights []float64 // by feature id; NaN: not a feature of this model
}

// compileModels numbers the features of the set's models of lm's language.
func (lm *langMatcher) compileModels(models []*model.Model) {
	var ms []compiledModel
	for _, m := range models {
		if m.Language != lm.lang {
			continue
		}
		// A category may have several dictionary files: any of them
		// switches the model off, and a hit of any of them stands for the
		// category.
		di := slices.IndexFunc(lm.dicts, func(d dictInfo) bool { return d.d.Category == m.Category })
		if di < 0 || slices.ContainsFunc(lm.dicts, func(d dictInfo) bool { return d.d.Category == m.Category && d.d.NoModel }) {
			continue
		}
		ms = append(ms, compiledModel{m: m, id: ModelPhrasePrefix + m.Category, weight: lm.dicts[di].d.Weight})
	}
	if len(ms) == 0 {
		return
	}
	lms := &langModels{stems: map[string]int32{}, bigrams: map[uint64]int32{}}
	// Unigrams first (a bigram's stems get ids even when only the bigram
	// is a feature), each model's keys in sorted order: the ids do not
	// depend on map order.
	keys := make([][]string, len(ms))
	for i, cm := range ms {
		for k := range cm.m.Weights {
			keys[i] = append(keys[i], k)
		}
		slices.Sort(keys[i])
	}
	stemID := func(s string) int32 {
		id, ok := lms.stems[s]
		if !ok {
			id = lms.n
			lms.stems[s] = id
			lms.n++
		}
		return id
	}
	for i := range ms {
		for _, k := range keys[i] {
			if a, b, ok := strings.Cut(k, " "); ok {
				stemID(a)
				stemID(b)
			} else {
				stemID(k)
			}
		}
	}
	for i := range ms {
		for _, k := range keys[i] {
			if a, b, ok := strings.Cut(k, " "); ok {
				key := uint64(lms.stems[a])<<32 | uint64(lms.stems[b])
				if _, ok := lms.bigrams[key]; !ok {
					lms.bigrams[key] = lms.n
					lms.n++
				}
			}
		}
	}
	for i := range ms {
		w := make([]float64, lms.n)
		for j := range w {
			w[j] = math.NaN()
		}
		for _, k := range keys[i] {
			w[lms.feature(k)] = ms[i].m.Weights[k]
		}
		ms[i].weights = w
	}
	lms.hashBigrams()
	lms.list = ms
	lm.models = lms
}

// bigramSlot is a slot of langModels.bigramTable; id -1: empty.
type bigramSlot struct {
	key uint64
	id  int32
}

// hashBigrams builds lms.bigramTable from lms.bigrams.
func (lms *langModels) hashBigrams() {
	size := 1 << bits.Len(uint(2*len(lms.bigrams))) // > 2 × bigrams
	lms.bigramShift = uint(64 - bits.TrailingZeros(uint(size)))
	lms.bigramTable = make([]bigramSlot, size)
	for k := range lms.bigramTable {
		lms.bigramTable[k].id = -1
	}
	for key, id := range lms.bigrams {
		k := lms.bigramSlot(key)
		for lms.bigramTable[k].id >= 0 {
			k = (k + 1) & (size - 1)
		}
		lms.bigramTable[k] = bigramSlot{key, id}
	}
}

// bigramSlot is where bigramTable looks for key first: the top bits of a
// Fibonacci hash.
func (lms *langModels) bigramSlot(key uint64) int {
	return int((key * 0x9E3779B97F4A7C15) >> lms.bigramShift)
}

func (lms *langModels) feature(k string) int32 {
	if a, b, ok := strings.Cut(k, " "); ok {
		return lms.bigrams[uint64(lms.stems[a])<<32|uint64(lms.stems[b])]
	}
	return lms.stems[k]
}

// modelHit is a model's hit until MatchCall's result is built.
type modelHit struct {
	model      int32 // in langModels.list
	ch, seg    int32 // channel, and segment of the channel
	start, end float64
	p          float64
}

// scoreModels scores the channel just matched (its tokens' feature ids in
// s.feats, utterance si's tokens are [segTok[si], segTok[si+1])) with the
// models of its role whose category has no hit on it among hits, and keeps
// a hit of each that flags it in s.modelHits. It computes what
// model.Explain does (the windows, the probability of the best, the
// utterance of it that weighs most) on feature ids: each utterance's
// distinct features once, then a window sliding over them with a count
// per feature, so the window's sum changes only when a feature enters or
// leaves it.
//
// A mixed channel is not scored: a model learnt the client's words alone,
// and the operator's («извините за неудобства», «оформлю жалобу») would
// read as the client's.
func (lm *langMatcher) scoreModels(s *scratch, role string, chi int32, hits []callHit, segTok []int, order []int, segs []schemas.Segment) {
	lms := lm.models
	todo := s.todo[:0]
	for i := range lms.list {
		cm := &lms.list[i]
		if role != cm.m.Channel {
			continue
		}
		if slices.ContainsFunc(hits, func(h callHit) bool { return lm.dicts[lm.hot[h.rule].dict].d.Category == cm.m.Category }) {
			continue
		}
		todo = append(todo, int32(i))
	}
	s.todo = todo
	if len(todo) == 0 {
		return
	}
	// Each utterance's distinct features: uf[uAt[si]:uAt[si+1]].
	if len(s.stamp) < int(lms.n) {
		s.stamp = make([]uint32, lms.n)
		s.count = make([]int32, lms.n)
	}
	nseg := len(segTok) - 1
	uf, uAt := s.present[:0], s.uAt[:0]
	for si := range nseg {
		s.epoch++
		if s.epoch == 0 {
			clear(s.stamp)
			s.epoch = 1
		}
		uAt = append(uAt, int32(len(uf)))
		uf = lms.appendFeatures(uf, s.stamp, s.epoch, s.feats[segTok[si]:segTok[si+1]])
	}
	uAt = append(uAt, int32(len(uf)))
	s.present, s.uAt = uf, uAt
	count := s.count
	for _, mi := range todo {
		cm := &lms.list[mi]
		window, minFeatures := cm.m.Window, max(cm.m.MinFeatures, 1)
		w := cm.weights
		z, k := 0.0, 0
		add := func(si int) {
			for _, f := range uf[uAt[si]:uAt[si+1]] {
				if count[f] == 0 {
					if x := w[f]; x == x {
						z += x
						k++
					}
				}
				count[f]++
			}
		}
		drop := func(si int) {
			for _, f := range uf[uAt[si]:uAt[si+1]] {
				count[f]--
				if count[f] == 0 {
					if x := w[f]; x == x {
						z -= x
						k--
					}
				}
			}
		}
		// Windows compare by their log-odds (the probability is monotone
		// in it): one exp a channel, not one a window.
		bestL, bestFrom, bestTo := 0.0, -1, -1
		j, words := -1, 0
		for i := range nseg {
			for j < nseg-1 && (j < i || window == 0 || words+segTok[j+2]-segTok[j+1] <= window) {
				j++
				words += segTok[j+1] - segTok[j]
				add(j)
			}
			if k >= minFeatures {
				if l := model.LogOdds(cm.m.Bias, z, k); bestFrom < 0 || l > bestL {
					bestL, bestFrom, bestTo = l, i, j
				}
			}
			if j == nseg-1 {
				for x := i; x <= j; x++ {
					drop(x) // the counts are zero again for the next model
				}
				break
			}
			words -= segTok[i+1] - segTok[i]
			drop(i)
		}
		if bestFrom < 0 {
			continue
		}
		bestP := model.Sigmoid(bestL)
		if bestP < cm.m.Threshold {
			continue
		}
		// The evidence: the window's utterance whose features weigh most.
		best, bestSum := -1, 0.0
		for si := bestFrom; si <= bestTo; si++ {
			sum, any := 0.0, false
			for _, f := range uf[uAt[si]:uAt[si+1]] {
				if x := w[f]; x == x {
					sum += x
					any = true
				}
			}
			if any && (best < 0 || sum > bestSum) {
				best, bestSum = si, sum
			}
		}
		seg := &segs[order[best]]
		s.modelHits = append(s.modelHits, modelHit{model: mi, ch: chi, seg: int32(order[best]), start: ms(seg.Start), end: ms(seg.End), p: bestP})
	}
}

// appendFeatures appends to dst the feature ids of one utterance's tokens
// (their stem ids, -1 when in no model) not stamped yet, stamping them:
// each stem, then each two adjacent stems.
func (lms *langModels) appendFeatures(dst []int32, stamp []uint32, epoch uint32, feats []int32) []int32 {
	for i, f := range feats {
		if f < 0 {
			continue
		}
		if stamp[f] != epoch {
			stamp[f] = epoch
			dst = append(dst, f)
		}
		if i == 0 || feats[i-1] < 0 {
			continue
		}
		if b := lms.bigram(feats[i-1], f); b >= 0 && stamp[b] != epoch {
			stamp[b] = epoch
			dst = append(dst, b)
		}
	}
	return dst
}

// reads reports whether a model reads channels of role.
func (lms *langModels) reads(role string) bool {
	for i := range lms.list {
		if lms.list[i].m.Channel == role {
			return true
		}
	}
	return false
}

// bigram is the feature id of the stems a, b said in a row, -1 when no
// model has it.
func (lms *langModels) bigram(a, b int32) int32 {
	key := uint64(a)<<32 | uint64(b)
	for k := lms.bigramSlot(key); ; k = (k + 1) & (len(lms.bigramTable) - 1) {
		switch slot := &lms.bigramTable[k]; {
		case slot.id < 0:
			return -1
		case slot.key == key:
			return slot.id
		}
	}
}

// insertModelHits puts the model hits into out (MatchCall's ordered hits)
// at their place in its order.
func (lm *langMatcher) insertModelHits(out []CallHit, s *scratch, tr schemas.Transcript, roles []string) []CallHit {
	for _, mh := range s.modelHits {
		cm := &lm.models.list[mh.model]
		h := CallHit{Hit: schemas.Hit{Category: cm.m.Category, PhraseID: cm.id, Channel: roles[mh.ch],
			Start: mh.start, End: mh.end, Text: tr.Channels[mh.ch].Segments[mh.seg].Text}, Weight: cm.weight, Probability: mh.p}
		i, _ := slices.BinarySearchFunc(out, h, func(a, b CallHit) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), cmp.Compare(a.Channel, b.Channel),
				cmp.Compare(a.Category, b.Category), cmp.Compare(a.PhraseID, b.PhraseID))
		})
		out = slices.Insert(out, i, h)
	}
	return out
}

// Models returns the models MatchCall uses for lang: the set's, less those
// a dictionary switched off. Callers must not change them.
func (m *Matcher) Models(lang string) []*model.Model {
	lm := m.langs[lang]
	if lm == nil || lm.models == nil {
		return nil
	}
	out := make([]*model.Model, len(lm.models.list))
	for i, cm := range lm.models.list {
		out[i] = cm.m
	}
	return out
}

// RoleUtterances is the text of the utterances of the channels of a role,
// in time order: what a model is trained and scored on (MatchCall leaves
// mixed channels alone).
func RoleUtterances(tr schemas.Transcript, role string) []string {
	var segs []schemas.Segment
	for _, ch := range tr.Channels {
		if ch.Role == role {
			segs = append(segs, ch.Segments...)
		}
	}
	slices.SortStableFunc(segs, func(a, b schemas.Segment) int { return cmp.Compare(a.Start, b.Start) })
	out := make([]string, len(segs))
	for i, s := range segs {
		out[i] = s.Text
	}
	return out
}
