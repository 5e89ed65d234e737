package score

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/callscope/callscope/schemas"
)

// Call is what a profile rates: the call's parameters and dictionary hits.
type Call struct {
	// Parameters by name; an absent parameter is unknown.
	Parameters map[string]float64
	// Hits ordered by start, as the analyzer makes them.
	Hits []schemas.Hit
	// Categories the dictionaries of the call's language have: a criterion
	// over a category outside it is n/a rather than failed.
	Categories []string
	// NoText says the call has no transcript (timing only, asr.adapter
	// none): every phrase criterion is n/a, since what was said is unknown.
	NoText bool
	// Duration of the call in seconds, for within_last.
	Duration float64
	// Unit names a parameter's unit in evidence ("s"); nil shows none.
	Unit func(parameter string) string
}

// Score rates a call: every criterion's outcome with its evidence, and the
// value on the 5-point scale,
//
//	value = 1 + 4 × (weight of passed criteria) / (weight of passed and failed criteria),
//
// rounded to two decimals; n/a criteria do not count. When no criterion
// applies the value is 0: the call could not be judged.
func (p *Profile) Score(c Call) *schemas.Score {
	out := &schemas.Score{Profile: p.Name, ProfileVersion: p.Version, Max: Scale,
		Criteria: make([]schemas.CriterionResult, 0, len(p.Criteria))}
	var passed, judged float64
	for _, cr := range p.Criteria {
		r := cr.evaluate(c)
		switch r.Outcome {
		case schemas.CriterionPassed:
			passed += cr.Weight
			judged += cr.Weight
		case schemas.CriterionFailed:
			judged += cr.Weight
		}
		out.Criteria = append(out.Criteria, r)
	}
	if judged > 0 {
		out.Value = math.Round((1+(Scale-1)*passed/judged)*100) / 100
	}
	return out
}

func (cr Criterion) evaluate(c Call) schemas.CriterionResult {
	r := schemas.CriterionResult{ID: cr.ID, Text: cr.Text, Weight: cr.Weight}
	var because string
	if cr.If != nil {
		ok, known, ev, at := cr.If.holds(c)
		if !known || !ok {
			r.Outcome, r.Evidence = schemas.CriterionNotApplicable, "does not apply: "+ev
			return r
		}
		because, r.Start = ev, at
	}
	var ok, known bool
	var ev string
	var at *float64
	switch {
	case cr.Require != nil:
		ok, known, ev, at = cr.Require.found(c, false)
	case cr.Forbid != nil:
		ok, known, ev, at = cr.Forbid.found(c, true)
	case cr.Limit != nil:
		ok, known, ev = cr.Limit.within(c)
	}
	switch {
	case !known:
		r.Outcome = schemas.CriterionNotApplicable
	case ok:
		r.Outcome = schemas.CriterionPassed
	default:
		r.Outcome = schemas.CriterionFailed
	}
	if because != "" {
		ev = because + "; " + ev
	}
	r.Evidence = ev
	if at != nil {
		r.Start = at
	}
	return r
}

// holds tells whether the condition is true of the call; known is false
// when it cannot be told.
func (c *Condition) holds(call Call) (ok, known bool, evidence string, at *float64) {
	if c.Limit != nil {
		ok, known, evidence = c.Limit.within(call)
		return ok, known, evidence, nil
	}
	return c.Phrases.found(call, false)
}

// found looks for the selected phrases. For require (forbid=false) ok means
// enough were found; for forbid it means not too many were.
func (ph *Phrases) found(c Call, forbid bool) (ok, known bool, evidence string, at *float64) {
	if c.NoText {
		return false, false, "what was said is unknown: the call has no transcript", nil
	}
	if !slices.Contains(c.Categories, ph.Category) {
		return false, false, fmt.Sprintf("category %s is not in the dictionaries of this call's language", ph.Category), nil
	}
	var match []schemas.Hit
	for _, h := range c.Hits {
		if ph.selects(h, c.Duration) {
			match = append(match, h)
		}
	}
	if forbid {
		if len(match) <= ph.MaxCount {
			if ph.MaxCount == 0 {
				return true, true, "no " + ph.what(), nil
			}
			return true, true, fmt.Sprintf("%d of at most %d: %s", len(match), ph.MaxCount, ph.what()), nil
		}
		ev := quote(match[ph.MaxCount])
		if extra := len(match) - ph.MaxCount - 1; extra > 0 {
			ev += fmt.Sprintf(" (and %d more)", extra)
		}
		start := match[ph.MaxCount].Start
		return false, true, ev, &start
	}
	if len(match) >= ph.MinCount {
		start := match[0].Start
		ev := quote(match[0])
		if ph.MinCount > 1 {
			ev = fmt.Sprintf("%d found, %d needed: %s", len(match), ph.MinCount, ev)
		}
		return true, true, ev, &start
	}
	if len(match) == 0 {
		return false, true, "no " + ph.what(), nil
	}
	start := match[0].Start
	return false, true, fmt.Sprintf("%d of %d needed: %s", len(match), ph.MinCount, quote(match[0])), &start
}

func (ph *Phrases) selects(h schemas.Hit, duration float64) bool {
	if h.Category != ph.Category {
		return false
	}
	if len(ph.PhraseIDs) > 0 && !slices.Contains(ph.PhraseIDs, h.PhraseID) {
		return false
	}
	if ph.Channel != "any" && h.Channel != ph.Channel && h.Channel != schemas.RoleMixed {
		return false
	}
	if ph.WithinFirst > 0 && h.Start >= ph.WithinFirst {
		return false
	}
	if ph.WithinLast > 0 && duration > 0 && h.Start < duration-ph.WithinLast {
		return false
	}
	return true
}

// what describes the selection: "greeting phrase (full) on the operator
// channel in the first 15 s".
func (ph *Phrases) what() string {
	var b strings.Builder
	b.WriteString(ph.Category)
	b.WriteString(" phrase")
	if len(ph.PhraseIDs) > 0 {
		b.WriteString(" (" + strings.Join(ph.PhraseIDs, ", ") + ")")
	}
	if ph.Channel != "any" {
		b.WriteString(" on the " + ph.Channel + " channel")
	}
	switch {
	case ph.WithinFirst > 0:
		b.WriteString(" in the first " + num(ph.WithinFirst) + " s")
	case ph.WithinLast > 0:
		b.WriteString(" in the last " + num(ph.WithinLast) + " s")
	}
	return b.String()
}

// quote is a hit as evidence: category/phrase "words" at 12.3 s (channel).
func quote(h schemas.Hit) string {
	return fmt.Sprintf("%s/%s %q at %s s (%s)", h.Category, h.PhraseID, h.Text, num(h.Start), h.Channel)
}

// within checks a parameter against its bounds.
func (l *Limit) within(c Call) (ok, known bool, evidence string) {
	v, have := c.Parameters[l.Parameter]
	if !have {
		return false, false, l.Parameter + " is unknown for this call"
	}
	unit := ""
	if c.Unit != nil {
		if u := c.Unit(l.Parameter); u != "" && u != "count" && u != "flag" {
			unit = " " + u
		}
	}
	show := func(x float64) string { return num(x) + unit }
	switch {
	case l.Max != nil && v > *l.Max:
		return false, true, fmt.Sprintf("%s %s > max %s", l.Parameter, show(v), show(*l.Max))
	case l.Min != nil && v < *l.Min:
		return false, true, fmt.Sprintf("%s %s < min %s", l.Parameter, show(v), show(*l.Min))
	case l.Max != nil && l.Min != nil:
		return true, true, fmt.Sprintf("%s %s within %s..%s", l.Parameter, show(v), show(*l.Min), show(*l.Max))
	case l.Max != nil:
		return true, true, fmt.Sprintf("%s %s ≤ max %s", l.Parameter, show(v), show(*l.Max))
	default:
		return true, true, fmt.Sprintf("%s %s ≥ min %s", l.Parameter, show(v), show(*l.Min))
	}
}

// num prints a number without needless digits: 12, 0.3, 9.817.
func num(f float64) string { return strconv.FormatFloat(math.Round(f*1000)/1000, 'f', -1, 64) }
