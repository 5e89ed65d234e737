package transcribe

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe/vad"
	"github.com/callscope/callscope/transcribe/wav"
)

// memObjects holds one recording in memory. ReadObject hands out the
// stored slice itself, as a fresh download would be: the recording's
// bytes are counted once in the heap, by whoever holds them.
type memObjects struct{ data []byte }

func (m *memObjects) ReadObject(_ context.Context, _, key string, _ int64) ([]byte, bool, error) {
	if filepath.Ext(key) != ".wav" {
		return nil, false, nil
	}
	return m.data, true, nil
}

func (m *memObjects) PutObject(context.Context, string, string, []byte, string) error { return nil }

// countingRecognizer stands in for a model: it counts what it is given,
// so that the benchmark measures the pipeline's memory, not a model's.
type countingRecognizer struct {
	samples, calls atomic.Int64
}

func (*countingRecognizer) SampleRate() int { return 16000 }
func (*countingRecognizer) Close() error    { return nil }
func (r *countingRecognizer) Recognize(_ context.Context, pcm []float32, _ int) ([]schemas.Segment, error) {
	r.samples.Add(int64(len(pcm)))
	r.calls.Add(1)
	return nil, nil
}

// longCall is a two-channel 8 kHz PCM16 WAV file of the given length made
// of the shipped stereo calls one after another: real turn-taking, so that
// the VAD finds speech and the recognizer gets pieces, as with a real call.
func longCall(tb testing.TB, seconds int) []byte {
	tb.Helper()
	const rate = 8000
	frames := rate * seconds
	files, _ := filepath.Glob("../testdata/calls/*.wav")
	var calls []*wav.Audio
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		a, err := wav.Decode(bytes.NewReader(data))
		if err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		if len(a.Channels) == 2 && a.SampleRate == rate {
			calls = append(calls, a)
		}
	}
	if len(calls) == 0 {
		tb.Fatal("no stereo 8 kHz calls in testdata/calls")
	}
	out := make([]byte, 44, 44+frames*4)
	copy(out, "RIFF")
	binary.LittleEndian.PutUint32(out[4:], uint32(36+frames*4))
	copy(out[8:], "WAVEfmt ")
	binary.LittleEndian.PutUint32(out[16:], 16)
	binary.LittleEndian.PutUint16(out[20:], 1) // PCM
	binary.LittleEndian.PutUint16(out[22:], 2)
	binary.LittleEndian.PutUint32(out[24:], rate)
	binary.LittleEndian.PutUint32(out[28:], rate*4)
	binary.LittleEndian.PutUint16(out[32:], 4)
	binary.LittleEndian.PutUint16(out[34:], 16)
	copy(out[36:], "data")
	binary.LittleEndian.PutUint32(out[40:], uint32(frames*4))
	for n, i := 0, 0; n < frames; i++ {
		a := calls[i%len(calls)]
		for k := 0; k < a.Frames() && n < frames; k, n = k+1, n+1 {
			out = binary.LittleEndian.AppendUint16(out, uint16(pcm16(a.Channels[0][k])))
			out = binary.LittleEndian.AppendUint16(out, uint16(pcm16(a.Channels[1][k])))
		}
	}
	return out
}

func pcm16(x float32) int16 {
	v := x * 32768
	switch {
	case v > 32767:
		return 32767
	case v < -32768:
		return -32768
	}
	return int16(v)
}

// peakHeap runs f and returns the most heap it saw in use, sampled every
// 0.5 ms: peak counts the bytes of heap objects, live or garbage not yet
// collected; live is the live heap as the collector last measured it. The
// collector runs at GOGC=10 meanwhile so that garbage stays within about
// a tenth of the live heap and peak is close to the live peak, which is
// what the memory a worker needs scales with (at the default GOGC=100 a
// process may hold up to twice its live heap; GOMEMLIMIT bounds that).
func peakHeap(f func()) (peak, live uint64) {
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(500 * time.Microsecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			live = max(live, sample[1].Value.Uint64())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(done)
	wg.Wait()
	return peak, live
}

// BenchmarkHourCallMemory pushes a one-hour two-channel 8 kHz call
// through what the transcribe stage does with it (decode, split the
// channels, Silero VAD per channel, the recognizer adapter cutting and
// resampling the speech) and reports the peak heap in MB and as a multiple
// of the call's 16-bit PCM (115.2 MB). The recognizer is a stand-in that
// counts samples: a model's own memory is not ours to cut. Without the
// VAD model the speech is not cut by VAD (the whole channel is decoded in
// pieces), which is said in the output.
//
//	go test ./transcribe -run XXX -bench HourCallMemory -benchtime 1x
func BenchmarkHourCallMemory(b *testing.B) {
	data := longCall(b, 3600)
	pcmBytes := float64(len(data) - 44)
	det, err := vad.New(vad.Config{})
	switch {
	case errors.Is(err, vad.ErrUnavailable):
		b.Logf("no VAD (%v): the recognizer decodes whole channels", err)
		det = nil
	case err != nil:
		b.Fatal(err)
	}
	rec := &countingRecognizer{}
	adapter := NewRecognizerAdapter(schemas.ASRInfo{Adapter: "count"}, rec, ChunkConfig{})
	st := NewStage(Config{VAD: det, NoVAD: det == nil}, &memObjects{data: data}, adapter, nil)
	job := schemas.TranscribeJob{CallID: "hour", Audio: schemas.Object{Bucket: "calls", Key: "hour.wav"}}
	var peak, live uint64
	for b.Loop() {
		p, l := peakHeap(func() {
			tr, err := st.Transcribe(context.Background(), job)
			if err != nil {
				b.Fatal(err)
			}
			if tr.Duration != 3600 {
				b.Fatalf("duration %.1f s, want 3600", tr.Duration)
			}
		})
		peak, live = max(peak, p), max(live, l)
	}
	if rec.samples.Load() == 0 {
		b.Fatal("the recognizer got no audio")
	}
	b.ReportMetric(float64(peak)/1e6, "peak-MB")
	b.ReportMetric(float64(live)/1e6, "live-MB")
	b.ReportMetric(float64(peak)/pcmBytes, "x-pcm16")
	b.ReportMetric(float64(rec.samples.Load())/float64(b.N)/16000, "s-recognized/op")
}

// The stage holds a call in its file's bytes: what it needs beyond them
// (VAD off here, so that the test is quick) is two pieces of each channel
// for the recognizer (about 4 MB) and the collector's slack (see
// peakHeap), measured at 5-11 MB for this 38.4 MB file; the float32 copy
// the stage used to make was twice the file.
func TestStageMemoryBeyondTheFile(t *testing.T) {
	if testing.Short() {
		t.Skip("transcribes twenty minutes of audio")
	}
	data := longCall(t, 1200)
	rec := &countingRecognizer{}
	adapter := NewRecognizerAdapter(schemas.ASRInfo{Adapter: "count"}, rec, ChunkConfig{})
	st := NewStage(Config{NoVAD: true}, &memObjects{data: data}, adapter, nil)
	job := schemas.TranscribeJob{CallID: "long", Audio: schemas.Object{Bucket: "calls", Key: "long.wav"}}
	runtime.GC()
	before := heapObjects()
	peak, _ := peakHeap(func() {
		if _, err := st.Transcribe(context.Background(), job); err != nil {
			t.Fatal(err)
		}
	})
	extra := float64(peak) - float64(before)
	if limit := 0.5 * float64(len(data)); extra > limit {
		t.Errorf("peak heap %.1f MB over the %.1f MB file, want at most %.1f MB", extra/1e6, float64(len(data))/1e6, limit/1e6)
	}
	if got := float64(rec.samples.Load()) / 16000; got < 2*1200 {
		t.Errorf("recognizer got %.0f s of audio, want both channels whole (2400 s)", got)
	}
	t.Logf("peak heap %.1f MB over the %.1f MB file", extra/1e6, float64(len(data))/1e6)
}

func heapObjects() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
