package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"time"

	"github.com/callscope/callscope/schemas"
)

type role string

const (
	roleOperator role = schemas.RoleOperator
	roleClient   role = schemas.RoleClient
)

// voice is an espeak-ng voice ("ru" plus a variant), its pitch (0-99) and
// speed (words per minute).
type voice struct {
	name  string
	pitch int
	speed int
}

type operator struct {
	ID, Name, Department string
	voice                voice
}

type client struct {
	Phone string
	voice voice
}

type csat struct{ score, scale float64 }

// encoding is the sample format of a call's WAV.
type encoding string

const (
	encPCM16 encoding = ""
	encULaw  encoding = "ulaw"
	encALaw  encoding = "alaw"
)

func (e encoding) orDefault() string {
	if e == encPCM16 {
		return "pcm16"
	}
	return string(e)
}

// layout is how the two parties are put on the WAV's channels.
type layout string

const (
	layoutStereo  layout = ""        // left = operator, right = client
	layoutSwapped layout = "swapped" // left = client, right = operator, declared in the sidecar
	layoutMono    layout = "mono"    // both parties mixed into one channel
)

func (l layout) orDefault() string {
	if l == layoutStereo {
		return "stereo"
	}
	return string(l)
}

type turn struct {
	Speaker role
	// Gap is the pause in seconds between the end of the previous turn and
	// the start of this one; negative means overtalk.
	Gap  float64
	Text string
	// Hold means the gap is a hold (music-free silence) declared in the
	// sidecar's holds.
	Hold bool
	// Prompts, when set, are real recordings (paths under the asterisk sound
	// directory) spoken instead of synthesizing Text.
	Prompts []string
}

type call struct {
	Name      string
	CallID    string
	Started   time.Time
	Direction string
	Queue     string
	Operator  operator
	Client    client
	Wait      *float64
	Transfers *int
	CSAT      *csat
	Encoding  encoding
	Layout    layout
	Turns     []turn
}

const (
	sampleRate = 8000
	perMS      = sampleRate / 1000 // samples per millisecond
	tailMS     = 500               // silence after the last turn
	noiseLevel = 24                // peak of the line noise, about -62 dBFS
)

type file struct {
	name string
	data []byte
}

type rendered struct {
	name                  string
	wav, meta, transcript []byte
	duration              float64
}

func (r rendered) list() []file {
	return []file{
		{r.name + ".wav", r.wav},
		{r.name + ".json", r.meta},
		{r.name + ".transcript.json", r.transcript},
	}
}

// placed is a turn on the timeline, in milliseconds from the start.
type placed struct {
	turn
	startMS, endMS int
	samples        []int16
}

// layOut synthesizes the turns and places them: every start and end falls on
// a whole millisecond, so the transcript's times are exact.
func layOut(syn *synth, cl call) ([]placed, []schemas.Interval, int, error) {
	var out []placed
	var holds []schemas.Interval
	lastEnd := map[role]int{}
	prevEnd, maxEnd := 0, 0
	for i, t := range cl.Turns {
		v := cl.Operator.voice
		if t.Speaker == roleClient {
			v = cl.Client.voice
		}
		var clip []int16
		var err error
		if len(t.Prompts) > 0 {
			clip, err = syn.prompts(t.Prompts)
		} else {
			clip, err = syn.speak(v, t.Text)
		}
		if err != nil {
			return nil, nil, 0, fmt.Errorf("turn %d: %w", i, err)
		}
		if pad := len(clip) % perMS; pad != 0 {
			clip = append(clip, make([]int16, perMS-pad)...)
		}
		start := prevEnd + int(math.Round(t.Gap*1000))
		if start < 0 {
			return nil, nil, 0, fmt.Errorf("%w: turn %d starts before the recording", errScript, i)
		}
		if end, ok := lastEnd[t.Speaker]; ok && start < end+50 {
			return nil, nil, 0, fmt.Errorf("%w: turn %d: the %s would talk over themselves (%d ms < %d ms)", errScript, i, t.Speaker, start, end+50)
		}
		if t.Hold {
			holds = append(holds, schemas.Interval{Start: ms(prevEnd), End: ms(start)})
		}
		end := start + len(clip)/perMS
		out = append(out, placed{turn: t, startMS: start, endMS: end, samples: clip})
		lastEnd[t.Speaker], prevEnd = end, end
		maxEnd = max(maxEnd, end)
	}
	return out, holds, maxEnd + tailMS, nil
}

func renderCall(syn *synth, cl call) (rendered, error) {
	turns, holds, totalMS, err := layOut(syn, cl)
	if err != nil {
		return rendered{}, err
	}
	n := totalMS * perMS
	// tracks[0] is the WAV's left channel (or the only one), tracks[1] the right.
	roles := []string{schemas.RoleOperator, schemas.RoleClient}
	switch cl.Layout {
	case layoutSwapped:
		roles = []string{schemas.RoleClient, schemas.RoleOperator}
	case layoutMono:
		roles = []string{schemas.RoleMixed}
	}
	tracks := make([][]int16, len(roles))
	segs := make([][]schemas.Segment, len(roles))
	for i := range tracks {
		tracks[i] = make([]int16, n)
	}
	for _, t := range turns {
		ch := 0
		for i, r := range roles {
			if r == string(t.Speaker) {
				ch = i
			}
		}
		mixInto(tracks[ch][t.startMS*perMS:], t.samples)
		segs[ch] = append(segs[ch], schemas.Segment{Start: ms(t.startMS), End: ms(t.endMS), Text: t.Text})
	}
	for i := range tracks {
		addLineNoise(tracks[i], cl.Name, i)
	}

	wavData := encodePCM16(interleave(tracks), len(tracks), sampleRate)
	if cl.Encoding != encPCM16 {
		if wavData, err = syn.companding(wavData, cl.Encoding); err != nil {
			return rendered{}, err
		}
	}

	tr := schemas.Transcript{
		CallID: cl.CallID, Language: "ru", Duration: ms(totalMS),
		ASR: schemas.ASRInfo{Adapter: "import", Model: "espeak-script"},
	}
	for i, r := range roles {
		tr.Channels = append(tr.Channels, schemas.TranscriptChannel{Role: r, Segments: segs[i]})
	}
	meta := schemas.Metadata{
		CallID: cl.CallID, StartedAt: cl.Started, Direction: cl.Direction, Language: "ru",
		Operator: schemas.Operator{ID: cl.Operator.ID, Name: cl.Operator.Name, Department: cl.Operator.Department},
		Client:   schemas.Client{ID: cl.Client.Phone},
		Queue:    cl.Queue, WaitSeconds: cl.Wait, Holds: holds, Transfers: cl.Transfers,
		Tags: map[string]string{"scenario": cl.Name},
	}
	if cl.CSAT != nil {
		meta.CSAT = &schemas.CSAT{Score: cl.CSAT.score, Scale: cl.CSAT.scale}
	}
	if cl.Layout == layoutSwapped {
		meta.Channels = map[string]string{"left": schemas.RoleClient, "right": schemas.RoleOperator}
	}
	metaJSON, err := marshal(meta)
	if err != nil {
		return rendered{}, err
	}
	trJSON, err := marshal(tr)
	if err != nil {
		return rendered{}, err
	}
	return rendered{name: cl.Name, wav: wavData, meta: metaJSON, transcript: trJSON, duration: ms(totalMS)}, nil
}

func ms(v int) float64 { return float64(v) / 1000 }

// mixInto adds src to dst, saturating: on a mono recording overtalk sums.
func mixInto(dst, src []int16) {
	for i, s := range src {
		dst[i] = int16(max(math.MinInt16, min(math.MaxInt16, int32(dst[i])+int32(s))))
	}
}

// addLineNoise adds faint deterministic noise, as a telephone line has: pure
// digital silence would make voice-activity detection unrealistically easy.
func addLineNoise(track []int16, name string, channel int) {
	h := fnv.New32a()
	fmt.Fprintf(h, "%s/%d", name, channel)
	x := h.Sum32() | 1
	for i := range track {
		// xorshift32: fixed seed, same noise on every run
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		noise := int32(x%(2*noiseLevel+1)) - noiseLevel
		track[i] = int16(max(math.MinInt16, min(math.MaxInt16, int32(track[i])+noise)))
	}
}

func interleave(tracks [][]int16) []int16 {
	if len(tracks) == 1 {
		return tracks[0]
	}
	out := make([]int16, 0, len(tracks)*len(tracks[0]))
	for i := range tracks[0] {
		for _, t := range tracks {
			out = append(out, t[i])
		}
	}
	return out
}

// marshal writes indented JSON with Cyrillic as is (not \u escapes).
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
