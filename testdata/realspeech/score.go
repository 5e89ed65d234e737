package realspeech

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/callscope/callscope/schemas"
)

// Detected is what a detector found in a call.
type Detected struct {
	Operator, Client []schemas.Interval
	// HoldDetected are holds found from the audio (music or tones).
	HoldDetected []schemas.Interval
}

// Seconds are the parameters compared within a tolerance, Counts those
// that must be exact.
var (
	Seconds = []string{"talk_operator", "talk_client", "talk_total", "silence_total", "overtalk_total"}
	Counts  = []string{"overtalk_count", "interruptions_operator", "interruptions_client", "turns"}
)

// Score compares a detection with the truth of one call.
type Score struct {
	Spec       Spec
	Truth, Got map[string]float64
	// Within03 and Within05 count the Seconds values within 0.3 s and
	// 0.5 s of the truth (of len(Seconds)).
	Within03, Within05 int
	// CountErrors is the sum of |got - truth| over Counts.
	CountErrors int
	// Boundaries are the distances from each true speech start and end to
	// the nearest detected one of the same kind on the same channel (5 s
	// when there is none nearer).
	Boundaries []float64
	// HoldTalk is the operator speech detected inside holds that have
	// music or tones: non-speech counted as talk.
	HoldTalk float64
	// HoldsFound counts the true holds with audio that a detected hold
	// overlaps by at least half; HoldsWithAudio how many there are.
	HoldsFound, HoldsWithAudio int
	// FalseHold is the length of detected holds outside every true hold
	// with music or tones.
	FalseHold float64
}

// Compare scores a detection against the truth.
//
// The edge rule: a true pause within EdgeTol of TurnPause (0.5-0.7 s) is
// taken as the detection takes it: silence when the detection has no
// speech of that side at the pause's middle, a pause inside the turn when
// it has. A boundary 0.1 s off (the boundary target) decides such a pause
// either way, and a listener could not say which is right. Every other
// pause counts as the truth has it.
func Compare(tr Truth, d Detected) Score {
	op, cl := resolveEdges(tr.Operator, tr.EdgePauses, schemas.RoleOperator, d.Operator), resolveEdges(tr.Client, tr.EdgePauses, schemas.RoleClient, d.Client)
	tr.Operator, tr.Client = op, cl
	truth := tr.Parameters
	if len(tr.EdgePauses) > 0 {
		truth = Parameters(op, cl, tr.Duration)
	}
	s := Score{Spec: tr.Spec, Truth: truth, Got: Parameters(d.Operator, d.Client, tr.Duration)}
	for _, name := range Seconds {
		e := math.Abs(s.Got[name] - s.Truth[name])
		if e <= 0.3+1e-9 {
			s.Within03++
		}
		if e <= 0.5+1e-9 {
			s.Within05++
		}
	}
	for _, name := range Counts {
		s.CountErrors += int(math.Abs(s.Got[name] - s.Truth[name]))
	}
	s.Boundaries = append(boundaryErrors(tr.Operator, d.Operator), boundaryErrors(tr.Client, d.Client)...)
	for _, x := range d.HoldDetected {
		inside := 0.0
		if tr.HoldAudio != "" {
			for _, h := range tr.Holds {
				inside += max(0, min(x.End, h.End)-max(x.Start, h.Start))
			}
		}
		s.FalseHold += x.End - x.Start - inside
	}
	if tr.HoldAudio != "" {
		for _, h := range tr.Holds {
			s.HoldsWithAudio++
			for _, o := range d.Operator {
				s.HoldTalk += max(0, min(o.End, h.End)-max(o.Start, h.Start))
			}
			var covered float64
			for _, x := range d.HoldDetected {
				covered += max(0, min(x.End, h.End)-max(x.Start, h.Start))
			}
			if covered >= (h.End-h.Start)/2 {
				s.HoldsFound++
			}
		}
	}
	return s
}

// resolveEdges applies the edge rule to one side's true speech: its edge
// pauses that the detection splits are cut out of the truth, those it
// bridges are bridged.
func resolveEdges(truth []schemas.Interval, edges []EdgePause, role string, got []schemas.Interval) []schemas.Interval {
	out := slices.Clone(truth)
	for _, e := range edges {
		if e.Role != role {
			continue
		}
		mid := (e.Start + e.End) / 2
		split := !slices.ContainsFunc(got, func(g schemas.Interval) bool { return g.Start <= mid && mid < g.End })
		for i := range out {
			switch {
			case split && out[i].Start < e.Start && e.End < out[i].End: // a pause inside: cut
				tail := schemas.Interval{Start: e.End, End: out[i].End}
				out[i].End = e.Start
				out = slices.Insert(out, i+1, tail)
			case !split && i+1 < len(out) && out[i].End <= e.Start+1e-6 && out[i+1].Start >= e.End-1e-6 && out[i+1].Start-out[i].End <= TurnPause+EdgeTol+1e-6: // a gap: bridge
				out[i].End = out[i+1].End
				out = slices.Delete(out, i+1, i+2)
			default:
				continue
			}
			break
		}
	}
	return out
}

func boundaryErrors(truth, got []schemas.Interval) []float64 {
	var out []float64
	for _, t := range truth {
		ds, de := 5.0, 5.0
		for _, g := range got {
			ds = min(ds, math.Abs(g.Start-t.Start))
			de = min(de, math.Abs(g.End-t.End))
		}
		out = append(out, ds, de)
	}
	return out
}

// Row sums the scores of a group of calls.
type Row struct {
	Name               string
	Calls, Values      int
	Within03, Within05 int
	CountErrors        int
	BoundaryMedian     float64
	BoundaryP90        float64
	HoldTalk           float64
	HoldsFound, Holds  int
	FalseHold          float64
	CallsAllWithin03   int // calls whose every Seconds value is within 0.3 s
	CallsCountsExact   int
	boundaries         []float64
}

// Summarize groups scores by key.
func Summarize(scores []Score, key func(Spec) string) []Row {
	var rows []Row
	idx := map[string]int{}
	for _, s := range scores {
		k := key(s.Spec)
		i, ok := idx[k]
		if !ok {
			i = len(rows)
			idx[k] = i
			rows = append(rows, Row{Name: k})
		}
		r := &rows[i]
		r.Calls++
		r.Values += len(Seconds)
		r.Within03 += s.Within03
		r.Within05 += s.Within05
		r.CountErrors += s.CountErrors
		r.HoldTalk += s.HoldTalk
		r.HoldsFound += s.HoldsFound
		r.FalseHold += s.FalseHold
		r.Holds += s.HoldsWithAudio
		if s.Within03 == len(Seconds) {
			r.CallsAllWithin03++
		}
		if s.CountErrors == 0 {
			r.CallsCountsExact++
		}
		r.boundaries = append(r.boundaries, s.Boundaries...)
	}
	for i := range rows {
		b := rows[i].boundaries
		slices.Sort(b)
		if len(b) > 0 {
			rows[i].BoundaryMedian = b[len(b)/2]
			rows[i].BoundaryP90 = b[len(b)*9/10]
		}
	}
	return rows
}

// WriteTable prints rows as a Markdown table.
func WriteTable(w io.Writer, rows []Row) {
	fmt.Fprintln(w, "| group | calls | values within 0.3 s | within 0.5 s | boundary error median / p90 (s) | count errors | calls with counts exact | hold audio counted as talk (s) | holds found from audio | false holds (s) |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|")
	for _, r := range rows {
		holds := "—"
		if r.Holds > 0 {
			holds = fmt.Sprintf("%d of %d", r.HoldsFound, r.Holds)
		}
		fmt.Fprintf(w, "| %s | %d | %d of %d | %d of %d | %.3f / %.3f | %d | %d of %d | %.1f | %s | %.1f |\n",
			r.Name, r.Calls, r.Within03, r.Values, r.Within05, r.Values, r.BoundaryMedian, r.BoundaryP90,
			r.CountErrors, r.CallsCountsExact, r.Calls, r.HoldTalk, holds, r.FalseHold)
	}
}

// ByImpairment keys a row by impairment; BySplit by split and impairment.
func ByImpairment(s Spec) string { return s.Impairment }

// BySplit keys a row by split.
func BySplit(s Spec) string { return s.Split }

// BySplitImpairment keys a row by split and impairment.
func BySplitImpairment(s Spec) string { return s.Split + " " + s.Impairment }

// ByScenario keys a row by scenario.
func ByScenario(s Spec) string { return s.Scenario }

// Detail prints one call's values, truth against detection.
func Detail(w io.Writer, s Score) {
	var b strings.Builder
	for _, name := range append(slices.Clone(Seconds), Counts...) {
		fmt.Fprintf(&b, " %s=%.2f/%.2f", name, s.Got[name], s.Truth[name])
	}
	fmt.Fprintf(w, "%s:%s holdtalk=%.1f\n", s.Spec.Name, b.String(), s.HoldTalk)
}
