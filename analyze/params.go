package analyze

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/callscope/callscope/schemas"
)

// Thresholds of the speech-timing parameters, in seconds. They are part of
// the parameters' definitions (docs/parameters.md), not settings: a number
// must mean the same in every report.
const (
	// SilenceMin is the shortest pause that counts in silence_count and the
	// longest pause a monologue runs through.
	SilenceMin = 3.0
	// OvertalkMin is the shortest overlap of both sides that counts as
	// overtalk or as an interruption; shorter ones are timing noise and
	// back-channel sounds («угу»).
	OvertalkMin = 0.2
)

// Parameter describes one call parameter: what docs/parameters.md lists and
// what `callscope analyze --list-parameters` prints.
type Parameter struct {
	Name        string `json:"name"`
	Unit        string `json:"unit"`   // s, %, count, words/min, per 100 words, ratio, flag, points
	Source      string `json:"source"` // speech timing, transcript, dictionaries, metadata
	Description string `json:"description"`
}

// Parameter sources.
const (
	SourceTiming       = "speech timing"
	SourceTranscript   = "transcript"
	SourceDictionaries = "dictionaries"
	SourceMetadata     = "metadata"
)

// HitsPrefix starts the name of the per-category hit counts: hits_complaint.
const HitsPrefix = "hits_"

// parameters is the registry, in the order documents list them.
var parameters = []Parameter{
	{"duration", "s", SourceTiming, "length of the recording"},
	{"channels", "count", SourceTiming, "audio channels analysed: 2 for a stereo call, 1 for a mono (mixed) one"},
	{"talk_total", "s", SourceTiming, "time anybody speaks: the union of both sides' speech, overtalk counted once"},
	{"talk_operator", "s", SourceTiming, "time the operator speaks"},
	{"talk_client", "s", SourceTiming, "time the client speaks"},
	{"talk_share_operator", "%", SourceTiming, "operator's share of the two sides' talk time: talk_operator / (talk_operator + talk_client)"},
	{"talk_share_client", "%", SourceTiming, "client's share of the two sides' talk time"},
	{"talk_listen_ratio", "ratio", SourceTiming, "operator's talk time per second of client's talk: talk_operator / talk_client (1 = even, 2 = the operator talks twice as long)"},
	{"silence_total", "s", SourceTiming, "time nobody speaks between the first and the last speech of the call"},
	{"silence_share", "%", SourceTiming, "silence_total as a share of duration"},
	{"silence_count", "count", SourceTiming, "pauses of at least 3 s in which nobody speaks"},
	{"silence_longest", "s", SourceTiming, "longest pause in which nobody speaks"},
	{"dead_air_longest", "s", SourceTiming, "longest pause in which nobody speaks outside the holds the metadata declares (or, when it declares none, the holds heard in the audio)"},
	{"overtalk_total", "s", SourceTiming, "time both sides speak at once (overlaps of at least 0.2 s)"},
	{"overtalk_count", "count", SourceTiming, "overlaps of both sides lasting at least 0.2 s"},
	{"overtalk_longest", "s", SourceTiming, "longest overlap of both sides"},
	{"interruptions_operator", "count", SourceTiming, "times the operator starts speaking while the client speaks (overlap of at least 0.2 s)"},
	{"interruptions_client", "count", SourceTiming, "times the client starts speaking while the operator speaks (overlap of at least 0.2 s)"},
	{"monologue_longest_operator", "s", SourceTiming, "longest stretch of operator speech the client does not break into; pauses under 3 s do not end it"},
	{"monologue_longest_client", "s", SourceTiming, "longest stretch of client speech the operator does not break into; pauses under 3 s do not end it"},
	{"turns", "count", SourceTiming, "turns of the conversation: runs of speech by one side, in order of start"},
	{"first_response_time", "s", SourceTiming, "time from the start of the recording to the operator's first speech"},
	{"response_time_avg", "s", SourceTiming, "mean pause between the end of a client turn and the start of the operator's next turn (0 when the operator starts before the client ends)"},
	{"response_time_max", "s", SourceTiming, "longest pause between the end of a client turn and the start of the operator's next turn"},
	{"time_to_greeting", "s", SourceDictionaries, "start of the operator's first greeting phrase (category greeting)"},
	{"words_total", "count", SourceTranscript, "words in the transcript, both sides"},
	{"words_operator", "count", SourceTranscript, "words the operator says"},
	{"words_client", "count", SourceTranscript, "words the client says"},
	{"speech_rate", "words/min", SourceTranscript, "words_total per minute of talk_total"},
	{"speech_rate_operator", "words/min", SourceTranscript, "operator's words per minute of talk_operator"},
	{"speech_rate_client", "words/min", SourceTranscript, "client's words per minute of talk_client"},
	{"filler_rate", "per 100 words", SourceDictionaries, "operator's filler-word hits (category filler_words, counted once the call has its min_count) per 100 operator words; on a mono call per 100 words"},
	{"hits_total", "count", SourceDictionaries, "dictionary hits of every category"},
	{"pii_count", "count", SourceTranscript, "stretches of personal data the transcribe stage masked (phone, card, cvv, ...; docs/privacy.md); absent when redaction did not run"},
	{"pii_types", "count", SourceTranscript, "different types of personal data masked in the call; absent when redaction did not run"},
	{"wait_time", "s", SourceMetadata, "time the client waited before the answer (wait_seconds)"},
	{"hold_count", "count", SourceMetadata, "holds declared in the metadata (holds)"},
	{"hold_total", "s", SourceMetadata, "total length of the declared holds"},
	{"hold_longest", "s", SourceMetadata, "longest declared hold"},
	{"hold_detected_count", "count", SourceTiming, "holds heard in the audio (music on hold, ringback or IVR tones without speech) when the metadata declares none"},
	{"hold_detected_total", "s", SourceTiming, "total length of the holds heard in the audio when the metadata declares none"},
	{"transfers", "count", SourceMetadata, "transfers of the call to another operator or queue"},
	{"csat_score", "points", SourceMetadata, "the client's rating after the call"},
	{"csat_scale", "points", SourceMetadata, "the top of the rating's scale: 3 or 5"},
	{"csat_positive", "flag", SourceMetadata, "1 when the rating is positive (at least 80% of the scale: 4 or 5 of 5, 3 of 3), else 0; the CSAT index is its mean"},
	{"inbound", "flag", SourceMetadata, "1 for an inbound call, 0 for an outbound one (direction)"},
}

// hitsParameter documents the per-category family.
var hitsParameter = Parameter{HitsPrefix + "<category>", "count", SourceDictionaries,
	"hits of one dictionary category (hits_complaint, hits_greeting, ...): present for every category the dictionaries of the call's language have, 0 when it was not found"}

// Parameters lists every parameter with a fixed name, then the
// hits_<category> family as one entry.
func Parameters() []Parameter {
	return append(slices.Clone(parameters), hitsParameter)
}

var categoryName = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// IsParameter reports whether name is a parameter analyze can compute: a
// fixed name or hits_ followed by a category id.
func IsParameter(name string) bool {
	if c, ok := strings.CutPrefix(name, HitsPrefix); ok && c != "total" {
		return categoryName.MatchString(c)
	}
	return slices.ContainsFunc(parameters, func(p Parameter) bool { return p.Name == name })
}

// LookupParameter is the catalogue's entry for name: a fixed name, or a
// hits_<category> count.
func LookupParameter(name string) (Parameter, bool) {
	for _, p := range parameters {
		if p.Name == name {
			return p, true
		}
	}
	if IsParameter(name) {
		c := strings.TrimPrefix(name, HitsPrefix)
		return Parameter{name, "count", SourceDictionaries, "hits of the dictionary category " + c}, true
	}
	return Parameter{}, false
}

// renamedParameters are names parameters once had: a profile or filter
// using one is refused with the name to write instead.
var renamedParameters = map[string]string{
	"talk_ratio":          "talk_listen_ratio (talk_operator / talk_client) or talk_share_operator (the operator's share of talk, %)",
	"first_response":      "first_response_time",
	"holds_count":         "hold_count",
	"holds_total":         "hold_total",
	"holds_longest":       "hold_longest",
	"operator_talk_share": "talk_share_operator",
	"silence_max":         "silence_longest",
}

// ErrUnknownParameter is the error of a name the catalogue does not have.
var ErrUnknownParameter = errors.New("unknown parameter")

// CheckParameterName returns nil for a parameter analyze computes, and for
// any other name an error wrapping ErrUnknownParameter that names the
// parameter meant: the new name of a renamed one, or the closest name.
func CheckParameterName(name string) error {
	if IsParameter(name) {
		return nil
	}
	if to, ok := renamedParameters[name]; ok {
		return fmt.Errorf("%w %q: renamed, write %s", ErrUnknownParameter, name, to)
	}
	best, bestD := "", 3
	for _, p := range parameters {
		if d := editDistance(name, p.Name); d < bestD {
			best, bestD = p.Name, d
		}
	}
	if best != "" {
		return fmt.Errorf("%w %q (did you mean %s?)", ErrUnknownParameter, name, best)
	}
	return fmt.Errorf("%w %q (callscope analyze --list-parameters lists them)", ErrUnknownParameter, name)
}

// editDistance is the Levenshtein distance of a and b in bytes (parameter
// names are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// ParameterUnit is the unit of a parameter, "" for an unknown name.
func ParameterUnit(name string) string {
	if strings.HasPrefix(name, HitsPrefix) && name != "hits_total" {
		return "count"
	}
	for _, p := range parameters {
		if p.Name == name {
			return p.Unit
		}
	}
	return ""
}

// iv is a span of time in seconds.
type iv struct{ start, end float64 }

func (x iv) len() float64 { return x.end - x.start }

// merge sorts spans, clips them to [0, limit] and joins those that touch
// or overlap.
func merge(spans []iv, limit float64) []iv {
	s := slices.Clone(spans)
	slices.SortFunc(s, func(a, b iv) int { return cmp.Compare(a.start, b.start) })
	out := s[:0]
	for _, x := range s {
		x.start, x.end = max(x.start, 0), min(x.end, limit)
		if x.end <= x.start {
			continue
		}
		if n := len(out); n > 0 && x.start <= out[n-1].end {
			out[n-1].end = max(out[n-1].end, x.end)
			continue
		}
		out = append(out, x)
	}
	return out
}

func total(spans []iv) float64 {
	var t float64
	for _, x := range spans {
		t += x.len()
	}
	return t
}

// intersect returns the overlaps of two merged span lists.
func intersect(a, b []iv) []iv {
	var out []iv
	for i, j := 0, 0; i < len(a) && j < len(b); {
		s, e := max(a[i].start, b[j].start), min(a[i].end, b[j].end)
		if e > s {
			out = append(out, iv{s, e})
		}
		if a[i].end < b[j].end {
			i++
		} else {
			j++
		}
	}
	return out
}

// subtract returns the parts of x outside the merged spans cut.
func subtract(x iv, cut []iv) []iv {
	out := []iv{}
	for _, c := range cut {
		if c.end <= x.start || c.start >= x.end {
			continue
		}
		if c.start > x.start {
			out = append(out, iv{x.start, c.start})
		}
		x.start = max(x.start, c.end)
	}
	if x.end > x.start {
		out = append(out, x)
	}
	return out
}

// timing is the speech of a call by side.
type timing struct {
	duration float64
	channels int
	stereo   bool // operator and client are on channels of their own
	// known says which sides have a channel.
	opKnown, clKnown bool
	op, cl, all      []iv // merged
	opWords, clWords int
	words            int
}

// speechOf is a channel's speech: the VAD's intervals when present, else
// the segments' times.
func speechOf(ch schemas.TranscriptChannel) []iv {
	var out []iv
	if len(ch.Speech) > 0 {
		for _, s := range ch.Speech {
			out = append(out, iv{s.Start, s.End})
		}
		return out
	}
	for _, s := range ch.Segments {
		out = append(out, iv{s.Start, s.End})
	}
	return out
}

func timingOf(tr schemas.Transcript, duration float64) timing {
	t := timing{duration: duration, channels: len(tr.Channels), stereo: true}
	var op, cl, all []iv
	for _, ch := range tr.Channels {
		sp := speechOf(ch)
		all = append(all, sp...)
		n := 0
		for _, seg := range ch.Segments {
			n += wordCount(seg)
		}
		t.words += n
		switch ch.Role {
		case schemas.RoleOperator:
			t.opKnown = true
			op = append(op, sp...)
			t.opWords += n
		case schemas.RoleClient:
			t.clKnown = true
			cl = append(cl, sp...)
			t.clWords += n
		default:
			t.stereo = false
		}
	}
	if !t.stereo {
		t.channels = 1
		t.opKnown, t.clKnown = false, false
	}
	t.op, t.cl, t.all = merge(op, duration), merge(cl, duration), merge(all, duration)
	return t
}

// vadRan reports whether the speech of the transcript came from the VAD
// run on the audio (some channel has speech intervals), so that holds
// heard in the audio are known, 0 when none was heard.
func vadRan(tr schemas.Transcript) bool {
	return slices.ContainsFunc(tr.Channels, func(c schemas.TranscriptChannel) bool { return len(c.Speech) > 0 })
}

// wordCount counts the words of a segment: its recognized words, else the
// runs of letters and digits in its text (a hyphen inside a word keeps it
// one word: «кого-нибудь»).
func wordCount(seg schemas.Segment) int {
	if len(seg.Words) > 0 {
		return len(seg.Words)
	}
	n := 0
	in := false
	prevHyphen := false
	for _, r := range seg.Text {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case word && !in:
			if !prevHyphen {
				n++
			}
			in = true
			prevHyphen = false
		case word:
		case r == '-' && in:
			prevHyphen = true
			in = false
		default:
			in = false
			prevHyphen = false
		}
	}
	return n
}

// round3 rounds to milliseconds (and counts and rates to 3 decimals): finer
// digits are noise and would make equal analyses differ.
func round3(v float64) float64 { return math.Round(v*1000) / 1000 }

// round1 rounds shares and rates to one decimal.
func round1(v float64) float64 { return math.Round(v*10) / 10 }

// CallParameters computes the call's parameters from its transcript,
// metadata and dictionary hits. categories lists the dictionary categories
// of the call's language (nil: no dictionaries for it), so that a category
// with no hit is 0 and a category the set lacks is absent. A parameter
// that cannot be known for the call is absent: the text parameters of a
// transcript without text (schemas.ASRNone) among them.
func CallParameters(tr schemas.Transcript, meta schemas.Metadata, hits []schemas.Hit, categories []string) map[string]float64 {
	p := map[string]float64{}
	m := CallMetrics(tr)
	t := timingOf(tr, m.Duration)
	p["duration"] = m.Duration
	if len(tr.Channels) > 0 {
		p["channels"] = float64(t.channels)
	}
	p["talk_total"] = round3(total(t.all))
	t.sides(p)
	holds := meta.Holds
	if len(holds) == 0 && vadRan(tr) {
		holds = tr.HoldDetected
		var sum float64
		for _, h := range holds {
			sum += max(h.End-h.Start, 0)
		}
		p["hold_detected_count"] = float64(len(holds))
		p["hold_detected_total"] = round3(sum)
	}
	t.silence(p, holds)
	if t.opKnown && t.clKnown {
		t.overtalk(p)
		t.monologues(p)
		t.turns(p)
	}
	if t.opKnown && len(t.op) > 0 {
		p["first_response_time"] = round3(t.op[0].start)
	}
	// A call without recognition (asr.adapter none) has timing only: what
	// was said is unknown, so its words and hits are absent, not zero.
	if tr.TextKnown() {
		wordParameters(p, t, hits, categories)
		hitParameters(p, hits, categories)
		piiParameters(p, tr.PII)
	}
	metaParameters(p, meta)
	return p
}

// piiParameters counts what the transcribe stage masked.
func piiParameters(p map[string]float64, pii *schemas.PIIRedaction) {
	if pii == nil {
		return
	}
	types := map[string]bool{}
	for _, s := range pii.Spans {
		types[s.Type] = true
	}
	p["pii_count"] = float64(len(pii.Spans))
	p["pii_types"] = float64(len(types))
}

func (t timing) sides(p map[string]float64) {
	opTalk, clTalk := total(t.op), total(t.cl)
	if t.opKnown {
		p["talk_operator"] = round3(opTalk)
	}
	if t.clKnown {
		p["talk_client"] = round3(clTalk)
	}
	if t.opKnown && t.clKnown && opTalk+clTalk > 0 {
		p["talk_share_operator"] = round1(100 * opTalk / (opTalk + clTalk))
		p["talk_share_client"] = round1(100 * clTalk / (opTalk + clTalk))
		if clTalk > 0 {
			p["talk_listen_ratio"] = round3(opTalk / clTalk)
		}
	}
}

// silences lists the pauses between the first and the last speech.
func (t timing) silences() []iv {
	var out []iv
	for i := 1; i < len(t.all); i++ {
		out = append(out, iv{t.all[i-1].end, t.all[i].start})
	}
	return out
}

// silence measures the pauses between the first and the last speech.
func (t timing) silence(p map[string]float64, holds []schemas.Interval) {
	if len(t.all) == 0 {
		return
	}
	var heldSpans []iv
	for _, h := range holds {
		heldSpans = append(heldSpans, iv{h.Start, h.End})
	}
	heldSpans = merge(heldSpans, math.Inf(1))
	var sum, longest, deadAir float64
	count := 0
	for _, gap := range t.silences() {
		sum += gap.len()
		longest = max(longest, gap.len())
		if gap.len() >= SilenceMin {
			count++
		}
		for _, part := range subtract(gap, heldSpans) {
			deadAir = max(deadAir, part.len())
		}
	}
	p["silence_total"] = round3(sum)
	if t.duration > 0 {
		p["silence_share"] = round1(100 * sum / t.duration)
	}
	p["silence_count"] = float64(count)
	p["silence_longest"] = round3(longest)
	p["dead_air_longest"] = round3(deadAir)
}

// overtalkEvent is one overlap of the two sides and who broke in.
type overtalkEvent struct {
	iv
	// by is the role of the side whose speech starts where the overlap
	// starts, "" when both start at once.
	by string
}

// overtalkEvents lists the overlaps of at least OvertalkMin.
func (t timing) overtalkEvents() []overtalkEvent {
	var out []overtalkEvent
	for _, o := range intersect(t.op, t.cl) {
		if o.len() < OvertalkMin {
			continue
		}
		e := overtalkEvent{iv: o}
		// The side whose speech starts where the overlap starts broke in
		// on the other; both starting at once is no interruption.
		opStarts, clStarts := startsAt(t.op, o.start), startsAt(t.cl, o.start)
		switch {
		case opStarts && !clStarts:
			e.by = schemas.RoleOperator
		case clStarts && !opStarts:
			e.by = schemas.RoleClient
		}
		out = append(out, e)
	}
	return out
}

// overtalk measures the overlaps of the two sides and who started each.
func (t timing) overtalk(p map[string]float64) {
	var sum, longest float64
	byOp, byCl := 0, 0
	events := t.overtalkEvents()
	for _, e := range events {
		sum += e.len()
		longest = max(longest, e.len())
		switch e.by {
		case schemas.RoleOperator:
			byOp++
		case schemas.RoleClient:
			byCl++
		}
	}
	p["overtalk_total"] = round3(sum)
	p["overtalk_count"] = float64(len(events))
	p["overtalk_longest"] = round3(longest)
	p["interruptions_operator"] = float64(byOp)
	p["interruptions_client"] = float64(byCl)
}

func startsAt(spans []iv, at float64) bool {
	_, found := slices.BinarySearchFunc(spans, at, func(x iv, at float64) int { return cmp.Compare(x.start, at) })
	return found
}

// monologues finds each side's longest stretch of speech that the other
// side does not break into.
func (t timing) monologues(p map[string]float64) {
	p["monologue_longest_operator"] = round3(longestMonologue(t.op, t.cl))
	p["monologue_longest_client"] = round3(longestMonologue(t.cl, t.op))
}

func longestMonologue(own, other []iv) float64 {
	var longest float64
	for i := 0; i < len(own); {
		cur := own[i]
		j := i + 1
		for ; j < len(own); j++ {
			gap := iv{cur.end, own[j].start}
			if gap.len() >= SilenceMin || len(intersect([]iv{gap}, other)) > 0 {
				break
			}
			cur.end = own[j].end
		}
		longest = max(longest, cur.len())
		i = j
	}
	return longest
}

// turns counts the runs of one side's speech in order of start, and the
// operator's response times after the client's turns.
func (t timing) turns(p map[string]float64) {
	type span struct {
		iv
		op bool
	}
	all := make([]span, 0, len(t.op)+len(t.cl))
	for _, x := range t.op {
		all = append(all, span{x, true})
	}
	for _, x := range t.cl {
		all = append(all, span{x, false})
	}
	slices.SortStableFunc(all, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	turns := 0
	var sum, longest float64
	responses := 0
	var runEnd float64
	for i, s := range all {
		if i == 0 || s.op != all[i-1].op {
			turns++
			if i > 0 && s.op {
				gap := max(s.start-runEnd, 0)
				sum += gap
				longest = max(longest, gap)
				responses++
			}
			runEnd = s.end
			continue
		}
		runEnd = max(runEnd, s.end)
	}
	p["turns"] = float64(turns)
	if responses > 0 {
		p["response_time_avg"] = round3(sum / float64(responses))
		p["response_time_max"] = round3(longest)
	}
}

func wordParameters(p map[string]float64, t timing, hits []schemas.Hit, categories []string) {
	p["words_total"] = float64(t.words)
	if talk := total(t.all); talk > 0 {
		p["speech_rate"] = round1(float64(t.words) / talk * 60)
	}
	if t.opKnown {
		p["words_operator"] = float64(t.opWords)
		if talk := total(t.op); talk > 0 {
			p["speech_rate_operator"] = round1(float64(t.opWords) / talk * 60)
		}
	}
	if t.clKnown {
		p["words_client"] = float64(t.clWords)
		if talk := total(t.cl); talk > 0 {
			p["speech_rate_client"] = round1(float64(t.clWords) / talk * 60)
		}
	}
	if slices.Contains(categories, "filler_words") {
		words, side := t.opWords, schemas.RoleOperator
		if !t.stereo {
			words, side = t.words, schemas.RoleMixed
		}
		if words > 0 {
			n := 0
			for _, h := range hits {
				if h.Category == "filler_words" && h.Channel == side {
					n++
				}
			}
			p["filler_rate"] = round1(100 * float64(n) / float64(words))
		}
	}
	if slices.Contains(categories, "greeting") {
		for _, h := range hits { // ordered by start
			if h.Category == "greeting" && (h.Channel == schemas.RoleOperator || h.Channel == schemas.RoleMixed) {
				p["time_to_greeting"] = round3(h.Start)
				break
			}
		}
	}
}

func hitParameters(p map[string]float64, hits []schemas.Hit, categories []string) {
	if categories == nil {
		return
	}
	p["hits_total"] = float64(len(hits))
	for _, c := range categories {
		p[HitsPrefix+c] = 0
	}
	for _, h := range hits {
		p[HitsPrefix+h.Category]++
	}
}

func metaParameters(p map[string]float64, meta schemas.Metadata) {
	if meta.WaitSeconds != nil {
		p["wait_time"] = round3(*meta.WaitSeconds)
	}
	// An empty holds list does not survive the jobs' JSON (omitempty), so
	// "no holds" and "not said" cannot be told apart: both are unknown.
	if len(meta.Holds) > 0 {
		var sum, longest float64
		for _, h := range meta.Holds {
			d := max(h.End-h.Start, 0)
			sum += d
			longest = max(longest, d)
		}
		p["hold_count"] = float64(len(meta.Holds))
		p["hold_total"] = round3(sum)
		p["hold_longest"] = round3(longest)
	}
	if meta.Transfers != nil {
		p["transfers"] = float64(*meta.Transfers)
	}
	if c := meta.CSAT; c != nil && c.Scale > 0 {
		p["csat_score"] = c.Score
		p["csat_scale"] = c.Scale
		p["csat_positive"] = 0
		if c.Score >= 0.8*c.Scale {
			p["csat_positive"] = 1
		}
	}
	switch strings.ToLower(meta.Direction) {
	case "inbound":
		p["inbound"] = 1
	case "outbound":
		p["inbound"] = 0
	}
}
