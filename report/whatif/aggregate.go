package whatif

import (
	"cmp"
	"slices"
	"time"

	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/schemas"
)

// aggregate sums the changes of the calls one worker matched; merge joins
// two. Examples are kept as the first n calls by (start, id), so the result
// does not depend on how the calls were spread over the workers.
type aggregate struct {
	n        int
	compared int
	without  int
	changed  int
	versions map[string]int // dictionary version -> calls
	cats     map[string]*catAgg
	// examples' row versions (their stored hits are read at the end)
	rowVersions map[string]uint64
	// now, first and hits are add's buffers, reused from call to call.
	now   []string
	first []match.CallHit
	hits  []match.CallHit
}

type catAgg struct {
	before, after, gained, lost int
	gainedEx, lostEx            []example
}

type example struct {
	id      string
	started time.Time
	version uint64
	hit     *schemas.Hit
}

func newAggregate(n int) *aggregate {
	return &aggregate{n: n, versions: map[string]int{}, cats: map[string]*catAgg{}}
}

func (a *aggregate) cat(name string) *catAgg {
	c := a.cats[name]
	if c == nil {
		c = &catAgg{}
		a.cats[name] = c
	}
	return c
}

// add matches one call and counts what changes.
func (a *aggregate) add(c *call, m *match.Matcher, opt match.CallOptions) {
	if c.segs == 0 {
		a.without++
		return
	}
	a.compared++
	a.versions[c.dictVer]++
	now, first := a.now[:0], a.first[:0]
	defer func() { a.now, a.first = now[:0], first[:0] }()
	if m.HasLanguage(c.lang) {
		a.hits = m.AppendCall(a.hits[:0], c.tr, c.lang, opt)
		for _, h := range a.hits {
			if !slices.Contains(now, h.Category) {
				now = append(now, h.Category)
				first = append(first, h)
			}
		}
	}
	changed := false
	for _, cat := range c.before {
		ca := a.cat(cat)
		ca.before++
		if !slices.Contains(now, cat) {
			ca.lost++
			changed = true
			ca.lostEx = keepFirst(ca.lostEx, example{id: c.id, started: c.started, version: c.version}, a.n)
		}
	}
	for i, cat := range now {
		ca := a.cat(cat)
		ca.after++
		if !slices.Contains(c.before, cat) {
			ca.gained++
			changed = true
			h := first[i].Hit
			ca.gainedEx = keepFirst(ca.gainedEx, example{id: c.id, started: c.started, version: c.version, hit: &h}, a.n)
		}
	}
	if changed {
		a.changed++
	}
}

func exampleOrder(x, y example) int {
	return cmp.Or(x.started.Compare(y.started), cmp.Compare(x.id, y.id))
}

// keepFirst inserts e into the sorted list, keeping at most n.
func keepFirst(list []example, e example, n int) []example {
	if n <= 0 {
		return list
	}
	if len(list) == n && exampleOrder(e, list[n-1]) >= 0 {
		return list
	}
	i, _ := slices.BinarySearchFunc(list, e, exampleOrder)
	list = slices.Insert(list, i, e)
	if len(list) > n {
		list = list[:n]
	}
	return list
}

func (a *aggregate) merge(b *aggregate) {
	a.compared += b.compared
	a.without += b.without
	a.changed += b.changed
	for v, n := range b.versions {
		a.versions[v] += n
	}
	for name, bc := range b.cats {
		ac := a.cat(name)
		ac.before += bc.before
		ac.after += bc.after
		ac.gained += bc.gained
		ac.lost += bc.lost
		for _, e := range bc.gainedEx {
			ac.gainedEx = keepFirst(ac.gainedEx, e, a.n)
		}
		for _, e := range bc.lostEx {
			ac.lostEx = keepFirst(ac.lostEx, e, a.n)
		}
	}
}

// result is the Result of the aggregate (without Calls, Elapsed and the
// lost examples' hits).
func (a *aggregate) result(version string) *Result {
	res := &Result{Dictionaries: version, Compared: a.compared, WithoutTranscript: a.without, Changed: a.changed,
		Stored: []VersionCount{}, Categories: []CategoryChange{}}
	for v, n := range a.versions {
		res.Stored = append(res.Stored, VersionCount{v, n})
	}
	slices.SortFunc(res.Stored, func(x, y VersionCount) int { return cmp.Or(y.Calls-x.Calls, cmp.Compare(x.Version, y.Version)) })
	a.rowVersions = map[string]uint64{}
	conv := func(list []example) []Example {
		out := make([]Example, 0, len(list))
		for _, e := range list {
			a.rowVersions[e.id] = e.version
			out = append(out, Example{CallID: e.id, Started: knownTime(e.started), Hit: e.hit})
		}
		return out
	}
	for name, c := range a.cats {
		res.Categories = append(res.Categories, CategoryChange{Category: name, Before: c.before, After: c.after,
			Gained: c.gained, Lost: c.lost, Net: c.gained - c.lost,
			GainedExamples: conv(c.gainedEx), LostExamples: conv(c.lostEx)})
	}
	slices.SortFunc(res.Categories, func(x, y CategoryChange) int { return cmp.Compare(x.Category, y.Category) })
	return res
}

// knownTime is t in UTC, or zero for the zero start of a call whose start
// is unknown.
func knownTime(t time.Time) time.Time {
	if t.Unix() <= 0 {
		return time.Time{}
	}
	return t.UTC()
}
