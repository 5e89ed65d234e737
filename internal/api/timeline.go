package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/schemas"
)

// Timeline is what a call's timeline shows: each channel's speech (the
// VAD's intervals) and words with times, the PBX's holds, and the stretches
// where both sides speak.
type Timeline struct {
	Duration float64            `json:"duration"`
	Channels []TimelineChannel  `json:"channels"`
	Holds    []schemas.Interval `json:"holds"`
	Overtalk []schemas.Interval `json:"overtalk"`
}

// TimelineChannel is one side of a call.
type TimelineChannel struct {
	Role   string             `json:"role"`
	Speech []schemas.Interval `json:"speech"`
	Words  []schemas.Word     `json:"words"`
}

const maxTranscript = 64 << 20

// timeline reads the call's transcript (with the VAD intervals and words)
// and its sidecar's holds from object storage.
func (s *Server) timeline(ctx context.Context, d *report.CallDetail) (*Timeline, error) {
	if s.cfg.Objects == nil || d.ObjectKey == "" {
		return nil, errors.New("no object storage")
	}
	// The sidecar's holds are read while the transcript is.
	holdsc := make(chan []schemas.Interval, 1)
	go func() {
		holds, _ := s.holds(ctx, d.ObjectKey)
		holdsc <- holds
	}()
	data, err := s.cfg.Objects.Get(ctx, s.cfg.TranscriptsBucket, schemas.TranscriptKey(d.ObjectKey), maxTranscript)
	if err != nil {
		<-holdsc
		return nil, err
	}
	var tr schemas.Transcript
	if err := json.Unmarshal(data, &tr); err != nil {
		return nil, fmt.Errorf("transcript of %s: %w", d.CallID, err)
	}
	tl := &Timeline{Duration: tr.Duration, Channels: []TimelineChannel{}, Holds: []schemas.Interval{}}
	byRole := map[string][]schemas.Interval{}
	for _, ch := range tr.Channels {
		c := TimelineChannel{Role: ch.Role, Speech: ch.Speech, Words: []schemas.Word{}}
		if c.Speech == nil {
			// Without VAD intervals the segments stand for speech.
			for _, seg := range ch.Segments {
				c.Speech = append(c.Speech, schemas.Interval{Start: seg.Start, End: seg.End})
			}
		}
		if c.Speech == nil {
			c.Speech = []schemas.Interval{}
		}
		for _, seg := range ch.Segments {
			c.Words = append(c.Words, seg.Words...)
		}
		byRole[ch.Role] = append(byRole[ch.Role], c.Speech...)
		tl.Channels = append(tl.Channels, c)
	}
	tl.Overtalk = overlap(byRole[schemas.RoleOperator], byRole[schemas.RoleClient])
	if holds := <-holdsc; holds != nil {
		tl.Holds = holds
	}
	return tl, nil
}

// holds reads the hold intervals from the recording's sidecar.
func (s *Server) holds(ctx context.Context, objectKey string) ([]schemas.Interval, error) {
	key := strings.TrimSuffix(objectKey, path.Ext(objectKey)) + ".json"
	data, err := s.cfg.Objects.Get(ctx, s.cfg.Bucket, key, 1<<20)
	if err != nil {
		return []schemas.Interval{}, err
	}
	var side struct {
		Holds []schemas.Interval `json:"holds"`
	}
	if err := json.Unmarshal(data, &side); err != nil || side.Holds == nil {
		return []schemas.Interval{}, err
	}
	return side.Holds, nil
}

// overlap is where intervals of a and b overlap.
func overlap(a, b []schemas.Interval) []schemas.Interval {
	a, b = merged(a), merged(b)
	out := []schemas.Interval{}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		lo, hi := max(a[i].Start, b[j].Start), min(a[i].End, b[j].End)
		if lo < hi {
			out = append(out, schemas.Interval{Start: lo, End: hi})
		}
		if a[i].End < b[j].End {
			i++
		} else {
			j++
		}
	}
	return out
}

// merged sorts intervals and joins those that touch.
func merged(in []schemas.Interval) []schemas.Interval {
	s := append([]schemas.Interval(nil), in...)
	sort.Slice(s, func(i, j int) bool { return s[i].Start < s[j].Start })
	var out []schemas.Interval
	for _, iv := range s {
		if n := len(out); n > 0 && iv.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, iv.End)
			continue
		}
		out = append(out, iv)
	}
	return out
}
