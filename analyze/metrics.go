package analyze

import (
	"cmp"
	"slices"

	"github.com/callscope/callscope/schemas"
)

// CallMetrics measures a call from its transcript. Talk time of a side is
// the union of its channel's speech spans: the VAD's Speech intervals when
// present, else the segments' times, so overlapping segments count once.
// A mixed (mono) channel leaves OperatorTalk and ClientTalk nil (unknown);
// TotalTalk is the union over all channels, crosstalk counted once.
// Duration is the transcript's, or the end of the last span when it is
// missing. Times are rounded to milliseconds.
func CallMetrics(tr schemas.Transcript) schemas.Metrics {
	m := schemas.Metrics{Duration: tr.Duration, Channels: len(tr.Channels)}
	var all []schemas.Interval
	perRole := map[string][]schemas.Interval{}
	mixed := false
	for _, ch := range tr.Channels {
		spans := ch.Speech
		if len(spans) == 0 {
			spans = make([]schemas.Interval, 0, len(ch.Segments))
			for _, s := range ch.Segments {
				spans = append(spans, schemas.Interval{Start: s.Start, End: s.End})
			}
		}
		role := ch.Role
		if role != schemas.RoleOperator && role != schemas.RoleClient {
			mixed = true
		}
		perRole[role] = append(perRole[role], spans...)
		all = append(all, spans...)
	}
	if m.Duration <= 0 {
		for _, s := range all {
			m.Duration = max(m.Duration, s.End)
		}
	}
	m.Duration = ms(m.Duration)
	if mixed {
		// One party's share cannot be told on a mono recording.
		m.Channels = 1
	} else {
		for role, dst := range map[string]**float64{schemas.RoleOperator: &m.OperatorTalk, schemas.RoleClient: &m.ClientTalk} {
			if spans, ok := perRole[role]; ok {
				v := union(spans, m.Duration)
				*dst = &v
			}
		}
	}
	m.TotalTalk = union(all, m.Duration)
	return m
}

// union is the total length of the spans, each clipped to [0, limit],
// overlaps counted once.
func union(spans []schemas.Interval, limit float64) float64 {
	s := slices.Clone(spans)
	slices.SortFunc(s, func(a, b schemas.Interval) int { return cmp.Compare(a.Start, b.Start) })
	var total, curStart, curEnd float64
	open := false
	for _, iv := range s {
		start, end := max(iv.Start, 0), min(iv.End, limit)
		if end <= start {
			continue
		}
		if open && start <= curEnd {
			curEnd = max(curEnd, end)
			continue
		}
		if open {
			total += curEnd - curStart
		}
		curStart, curEnd, open = start, end, true
	}
	if open {
		total += curEnd - curStart
	}
	return ms(total)
}
