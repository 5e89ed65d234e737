package main

// These tests check the committed output in testdata/calls and testdata/bad
// against the scripts, without espeak-ng or sox: the audio has speech
// exactly where the transcript says, and the sidecars are valid. Run them
// with: go test ./testdata/gen (./... skips testdata directories).

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/callscope/callscope/schemas"
)

const (
	callsDir = "../calls"
	badDir   = "../bad"
	// timeTolerance is the promise of testdata/README.md: transcript times
	// are within 50 ms of the speech in the audio.
	timeTolerance = 0.05
	// quietPeak is the loudest sample allowed where nobody speaks: line
	// noise plus G.711 quantization.
	quietPeak = 64
)

type decoded struct {
	format, channels, rate, bits int
	samples                      [][]int16 // per channel
}

func (d decoded) duration() float64 { return float64(len(d.samples[0])) / float64(d.rate) }

// decodeWAV is a small reader for the files the generator writes: PCM16,
// mu-law and A-law, any chunk order.
func decodeWAV(data []byte) (decoded, error) {
	var d decoded
	if len(data) < 12 || string(data[:4]) != "RIFF" || string(data[8:12]) != "WAVE" {
		return d, fmt.Errorf("not a RIFF/WAVE file")
	}
	var pcm []byte
	for p := 12; p+8 <= len(data); {
		id, size := string(data[p:p+4]), int(binary.LittleEndian.Uint32(data[p+4:]))
		body := data[p+8 : min(len(data), p+8+size)]
		switch id {
		case "fmt ":
			if len(body) < 16 {
				return d, fmt.Errorf("fmt chunk of %d bytes", len(body))
			}
			d.format = int(binary.LittleEndian.Uint16(body))
			d.channels = int(binary.LittleEndian.Uint16(body[2:]))
			d.rate = int(binary.LittleEndian.Uint32(body[4:]))
			d.bits = int(binary.LittleEndian.Uint16(body[14:]))
		case "data":
			pcm = body
		}
		p += 8 + size + size%2
	}
	if d.channels == 0 || pcm == nil {
		return d, fmt.Errorf("no fmt or data chunk")
	}
	var all []int16
	switch {
	case d.format == 1 && d.bits == 16:
		for i := 0; i+1 < len(pcm); i += 2 {
			all = append(all, int16(binary.LittleEndian.Uint16(pcm[i:])))
		}
	case d.format == 7 && d.bits == 8:
		for _, b := range pcm {
			all = append(all, ulaw(b))
		}
	case d.format == 6 && d.bits == 8:
		for _, b := range pcm {
			all = append(all, alaw(b))
		}
	default:
		return d, fmt.Errorf("format %d with %d bits", d.format, d.bits)
	}
	d.samples = make([][]int16, d.channels)
	for i, s := range all {
		d.samples[i%d.channels] = append(d.samples[i%d.channels], s)
	}
	return d, nil
}

// ulaw and alaw are the G.711 expansions (ITU-T G.711, as in Sun's g711.c).
func ulaw(u byte) int16 {
	u = ^u
	t := (int(u&0x0F)<<3 + 0x84) << ((u & 0x70) >> 4)
	if u&0x80 != 0 {
		return int16(0x84 - t)
	}
	return int16(t - 0x84)
}

func alaw(a byte) int16 {
	a ^= 0x55
	t := int(a&0x0F) << 4
	switch seg := (a & 0x70) >> 4; seg {
	case 0:
		t += 8
	case 1:
		t += 0x108
	default:
		t = (t + 0x108) << (seg - 1)
	}
	if a&0x80 != 0 {
		return int16(t)
	}
	return int16(-t)
}

func readJSONStrict(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func TestCallsMatchScripts(t *testing.T) {
	var total int64
	for _, cl := range calls {
		t.Run(cl.Name, func(t *testing.T) {
			base := filepath.Join(callsDir, cl.Name)
			var meta schemas.Metadata
			readJSONStrict(t, base+".json", &meta)
			var tr schemas.Transcript
			readJSONStrict(t, base+".transcript.json", &tr)
			data, err := os.ReadFile(base + ".wav")
			if err != nil {
				t.Fatal(err)
			}
			total += int64(len(data))
			audio, err := decodeWAV(data)
			if err != nil {
				t.Fatalf("%s.wav: %v", base, err)
			}

			if meta.CallID != cl.CallID || tr.CallID != cl.CallID {
				t.Errorf("call_id: sidecar %q, transcript %q, want %q", meta.CallID, tr.CallID, cl.CallID)
			}
			if meta.Operator.ID != cl.Operator.ID || meta.Client.ID != cl.Client.Phone || meta.Language != "ru" {
				t.Errorf("sidecar operator %+v client %+v language %q", meta.Operator, meta.Client, meta.Language)
			}
			if tr.ASR != (schemas.ASRInfo{Adapter: "import", Model: "espeak-script"}) {
				t.Errorf("asr = %+v", tr.ASR)
			}
			wantFormat := map[encoding]int{encPCM16: 1, encULaw: 7, encALaw: 6}[cl.Encoding]
			wantChannels := 2
			if cl.Layout == layoutMono {
				wantChannels = 1
			}
			if audio.format != wantFormat || audio.channels != wantChannels || audio.rate != sampleRate {
				t.Errorf("wav: format %d, %d channels, %d Hz; want format %d, %d channels, %d Hz",
					audio.format, audio.channels, audio.rate, wantFormat, wantChannels, sampleRate)
			}
			if d := audio.duration(); math.Abs(d-tr.Duration) > 0.001 {
				t.Errorf("wav lasts %.4f s, transcript says %.4f s", d, tr.Duration)
			}
			if tr.Duration < 15 || tr.Duration > 40 {
				t.Errorf("duration %.1f s, want 15..40 s", tr.Duration)
			}
			if len(tr.Channels) != audio.channels {
				t.Fatalf("transcript has %d channels, wav %d", len(tr.Channels), audio.channels)
			}
			wantRoles := map[layout]string{
				layoutStereo: "operator,client", layoutSwapped: "client,operator", layoutMono: "mixed",
			}[cl.Layout]
			var roles []string
			for _, ch := range tr.Channels {
				roles = append(roles, ch.Role)
			}
			if got := strings.Join(roles, ","); got != wantRoles {
				t.Errorf("transcript channel roles %s, want %s (in WAV order)", got, wantRoles)
			}
			if cl.Layout == layoutSwapped && (meta.Channels["left"] != "client" || meta.Channels["right"] != "operator") {
				t.Errorf("swapped call declares channels %v", meta.Channels)
			}
			segments := 0
			for i, ch := range tr.Channels {
				segments += len(ch.Segments)
				checkSpeech(t, ch, audio.samples[i], audio.rate)
			}
			if segments != len(cl.Turns) {
				t.Errorf("%d segments for %d turns", segments, len(cl.Turns))
			}
		})
	}
	// testdata/README.md promises the calls stay under about 8 MB.
	if total > 8_500_000 {
		t.Errorf("calls total %d bytes of audio, want under 8.5 MB", total)
	}
}

// checkSpeech asserts that each segment starts and ends with speech within
// timeTolerance, and that the channel is quiet away from its segments.
func checkSpeech(t *testing.T, ch schemas.TranscriptChannel, samples []int16, rate int) {
	t.Helper()
	at := func(sec float64) int { return max(0, min(len(samples), int(math.Round(sec*float64(rate))))) }
	loud := func(from, to float64) bool {
		for _, s := range samples[at(from):at(to)] {
			if s > trimThreshold/2 || s < -trimThreshold/2 {
				return true
			}
		}
		return false
	}
	speech := make([]bool, len(samples))
	for i, seg := range ch.Segments {
		if seg.End <= seg.Start || seg.Text == "" {
			t.Errorf("%s segment %d: %+v", ch.Role, i, seg)
			continue
		}
		if !loud(seg.Start, seg.Start+timeTolerance) {
			t.Errorf("%s segment %d %q: no speech within %.2f s after its start %.3f", ch.Role, i, seg.Text, timeTolerance, seg.Start)
		}
		if !loud(seg.End-timeTolerance, seg.End) {
			t.Errorf("%s segment %d %q: no speech within %.2f s before its end %.3f", ch.Role, i, seg.Text, timeTolerance, seg.End)
		}
		for j := at(seg.Start - timeTolerance); j < at(seg.End+timeTolerance); j++ {
			speech[j] = true
		}
	}
	for i, s := range samples {
		if !speech[i] && (s > quietPeak || s < -quietPeak) {
			t.Errorf("%s channel: sample %d at %.3f s outside every segment, want quiet", ch.Role, s, float64(i)/float64(rate))
			return
		}
	}
}

func TestReadmeListsEveryCall(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, cl := range calls {
		if !bytes.Contains(readme, []byte("`"+cl.Name+"`")) {
			t.Errorf("testdata/README.md does not describe %s", cl.Name)
		}
	}
	entries, err := os.ReadDir(badDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".wav"); ok && !bytes.Contains(readme, []byte("`"+name+"`")) {
			t.Errorf("testdata/README.md does not describe bad/%s", e.Name())
		}
	}
}

func TestBadInputsAreSmall(t *testing.T) {
	entries, err := os.ReadDir(badDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 {
		t.Fatal("testdata/bad is empty")
	}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		if info.Size() > 20<<10 {
			t.Errorf("bad/%s is %d bytes, want at most 20 KiB", e.Name(), info.Size())
		}
	}
}

func TestTrimSilence(t *testing.T) {
	loud := int16(trimThreshold + 1)
	margin := trimMarginMS * perMS
	for _, tc := range []struct {
		name      string
		in        []int16
		wantLen   int
		wantFirst int16
	}{
		{"all quiet", make([]int16, 100), 0, 0},
		{"speech in the middle", append(append(make([]int16, 2*margin), loud, -loud), make([]int16, 2*margin)...), 2 + 2*margin, 0},
		{"speech at the edges", []int16{-loud, 0, loud}, 3, -loud},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := trimSilence(tc.in)
			if len(got) != tc.wantLen {
				t.Fatalf("len = %d, want %d", len(got), tc.wantLen)
			}
			if len(got) > 0 && got[0] != tc.wantFirst {
				t.Errorf("first sample = %d, want %d", got[0], tc.wantFirst)
			}
		})
	}
}

func TestEncodePCM16RoundTrip(t *testing.T) {
	in := []int16{0, 1, -1, math.MaxInt16, math.MinInt16, 1234}
	data := encodePCM16(in, 2, sampleRate)
	if len(data) != 44+2*len(in) {
		t.Fatalf("%d bytes, want %d", len(data), 44+2*len(in))
	}
	d, err := decodeWAV(data)
	if err != nil {
		t.Fatal(err)
	}
	if d.format != 1 || d.channels != 2 || d.rate != sampleRate || d.bits != 16 {
		t.Fatalf("header %+v", d)
	}
	for i, s := range in {
		if got := d.samples[i%2][i/2]; got != s {
			t.Errorf("sample %d = %d, want %d", i, got, s)
		}
	}
}
