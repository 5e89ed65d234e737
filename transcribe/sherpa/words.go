package sherpa

import (
	"math"
	"strings"

	"github.com/callscope/callscope/schemas"
)

// result is what a sherpa-onnx decode returns, without cgo types.
type result struct {
	Text       string
	Tokens     []string
	Timestamps []float32 // token start, seconds
	Durations  []float32 // token duration, seconds (transducers), or nil
	LogProbs   []float32 // token log-probability, or nil
}

// tokenDur is a token's assumed length when the model gives none: two
// 40 ms encoder frames.
const tokenDur = 0.08

// segmentGap splits a decoded piece into segments at pauses this long.
const segmentGap = 0.6

// segments turns a decode of dur seconds into segments with words: tokens
// that begin with a word boundary ("▁" in SentencePiece, a leading space in
// Whisper's byte BPE) start a word; a word's confidence is the geometric
// mean of its tokens' probabilities.
func segments(r result, dur float64) []schemas.Segment {
	text := strings.TrimSpace(r.Text)
	if text == "" {
		return nil
	}
	if len(r.Tokens) == 0 || len(r.Timestamps) != len(r.Tokens) {
		// No timing: the whole piece is one segment.
		return []schemas.Segment{{Start: 0, End: round(dur), Text: text}}
	}
	type acc struct {
		w          strings.Builder
		start, end float64
		logp       float64
		n          int
	}
	var words []schemas.Word
	var cur *acc
	flush := func() {
		if cur == nil {
			return
		}
		w := strings.TrimSpace(cur.w.String())
		if w != "" {
			word := schemas.Word{W: w, Start: round(cur.start), End: round(cur.end)}
			if r.LogProbs != nil && cur.n > 0 {
				word.Conf = math.Round(math.Exp(cur.logp/float64(cur.n))*1000) / 1000
			}
			words = append(words, word)
		}
		cur = nil
	}
	for i, tok := range r.Tokens {
		start := float64(r.Timestamps[i])
		d := tokenDur
		if r.Durations != nil && r.Durations[i] > 0 {
			d = float64(r.Durations[i])
		}
		boundary := strings.HasPrefix(tok, "▁") || strings.HasPrefix(tok, " ")
		piece := strings.TrimLeft(tok, "▁ ")
		if boundary || cur == nil {
			flush()
			cur = &acc{start: start}
		}
		if piece == "" {
			continue // a bare word separator
		}
		cur.w.WriteString(piece)
		cur.end = math.Min(start+d, dur)
		if r.LogProbs != nil {
			cur.logp += float64(r.LogProbs[i])
			cur.n++
		}
	}
	flush()
	if len(words) == 0 {
		return []schemas.Segment{{Start: 0, End: round(dur), Text: text}}
	}
	var segs []schemas.Segment
	begin := 0
	for i := 1; i <= len(words); i++ {
		if i < len(words) && words[i].Start-words[i-1].End < segmentGap {
			continue
		}
		ws := words[begin:i]
		seg := schemas.Segment{Start: ws[0].Start, End: ws[len(ws)-1].End, Words: ws}
		if begin == 0 && i == len(words) {
			seg.Text = text // keep the model's punctuation and casing
		} else {
			parts := make([]string, len(ws))
			for k, w := range ws {
				parts[k] = w.W
			}
			seg.Text = strings.Join(parts, " ")
		}
		segs = append(segs, seg)
		begin = i
	}
	return segs
}

func round(x float64) float64 { return math.Round(x*1000) / 1000 }
