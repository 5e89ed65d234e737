package openai

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe"
	"github.com/callscope/callscope/transcribe/wav"
)

const secret = "sk-test-SECRET-never-logged"

// fakeServer implements our side of the OpenAI transcription contract: it
// checks the request as such a server would and answers verbose_json
// whose times cover the audio it got. fail lists the statuses to answer
// with first, one per request.
type fakeServer struct {
	t        *testing.T
	mu       sync.Mutex
	fail     []int
	delay    time.Duration
	requests atomic.Int32
	inFlight atomic.Int32
	maxIn    atomic.Int32
	lastForm map[string][]string
	lastRate int
}

func (f *fakeServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.requests.Add(1)
	n := f.inFlight.Add(1)
	defer f.inFlight.Add(-1)
	for {
		m := f.maxIn.Load()
		if n <= m || f.maxIn.CompareAndSwap(m, n) {
			break
		}
	}
	if f.delay > 0 {
		select {
		case <-time.After(f.delay):
		case <-r.Context().Done():
			return
		}
	}
	f.mu.Lock()
	var status int
	if len(f.fail) > 0 {
		status, f.fail = f.fail[0], f.fail[1:]
	}
	f.mu.Unlock()
	if r.Method != http.MethodPost || r.URL.Path != "/v1/audio/transcriptions" {
		http.Error(w, `{"error":{"message":"not found"}}`, http.StatusNotFound)
		return
	}
	if r.Header.Get("Authorization") != "Bearer "+secret {
		http.Error(w, `{"error":{"message":"bad key `+r.Header.Get("Authorization")+`"}}`, http.StatusUnauthorized)
		return
	}
	if status != 0 {
		if status == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "0")
		}
		http.Error(w, `{"error":{"message":"busy"}}`, status)
		return
	}
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	file, _, err := r.FormFile("file")
	if err != nil {
		http.Error(w, "no file", http.StatusBadRequest)
		return
	}
	data, _ := io.ReadAll(file)
	a, err := wav.Decode(bytes.NewReader(data))
	if err != nil {
		http.Error(w, "not wav: "+err.Error(), http.StatusBadRequest)
		return
	}
	f.mu.Lock()
	f.lastForm, f.lastRate = r.MultipartForm.Value, a.SampleRate
	f.mu.Unlock()
	dur := a.Duration()
	json.NewEncoder(w).Encode(map[string]any{
		"task": "transcribe", "language": "russian", "duration": dur, "text": " Алло, да.",
		"segments": []map[string]any{{"id": 0, "start": 0.1, "end": dur - 0.1, "text": " Алло, да.", "avg_logprob": -0.2}},
		"words": []map[string]any{
			{"word": " Алло,", "start": 0.1, "end": 0.5, "probability": 0.9},
			{"word": " да.", "start": 0.6, "end": dur - 0.1},
		},
	})
}

func newClient(t *testing.T, f *fakeServer, opts map[string]any) (*Client, string) {
	t.Helper()
	f.t = t
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	t.Setenv("TEST_ASR_KEY", secret)
	o := map[string]any{"url": srv.URL + "/v1", "api_key_env": "TEST_ASR_KEY", "backoff": "1ms", "timeout": "2s"}
	for k, v := range opts {
		o[k] = v
	}
	c, err := ParseOptions(o)
	if err != nil {
		t.Fatal(err)
	}
	return New(c), srv.URL
}

func speech(sec float64, rate int) []float32 {
	s := make([]float32, int(sec*float64(rate)))
	for i := range s {
		s[i] = 0.1 * float32(i%50) / 50
	}
	return s
}

func TestTranscribesThroughTheContract(t *testing.T) {
	f := &fakeServer{}
	c, _ := newClient(t, f, map[string]any{"model": "large-v3", "language": "ru"})
	segs, err := c.Recognize(context.Background(), speech(2, 8000), 8000)
	if err != nil {
		t.Fatal(err)
	}
	want := []schemas.Segment{{Start: 0.1, End: 1.9, Text: "Алло, да.", Words: []schemas.Word{
		{W: "Алло,", Start: 0.1, End: 0.5, Conf: 0.9}, {W: "да.", Start: 0.6, End: 1.9}}}}
	if fmt.Sprint(segs) != fmt.Sprint(want) {
		t.Errorf("segments\n%+v\nwant\n%+v", segs, want)
	}
	form := f.lastForm
	for k, v := range map[string]string{"model": "large-v3", "response_format": "verbose_json", "language": "ru"} {
		if len(form[k]) != 1 || form[k][0] != v {
			t.Errorf("form %s = %v, want %q", k, form[k], v)
		}
	}
	if g := strings.Join(form["timestamp_granularities[]"], ","); g != "word,segment" {
		t.Errorf("timestamp_granularities[] = %q", g)
	}
	if f.lastRate != 8000 {
		t.Errorf("audio sent at %d Hz, want the recording's 8000", f.lastRate)
	}
}

// Through the adapter: times are shifted to the call, the call's language
// is sent when the options name none, the audio is resampled when asked.
func TestAdapterShiftsTimesAndSendsCallLanguage(t *testing.T) {
	f := &fakeServer{}
	_, url := newClient(t, f, nil)
	a, err := transcribe.NewAdapter("openai", map[string]any{"url": url + "/v1", "api_key_env": "TEST_ASR_KEY", "sample_rate": 16000})
	if err != nil {
		t.Fatal(err)
	}
	samples := make([]float32, 8000*10)
	copy(samples[8000*5:], speech(2, 8000))
	tr, err := a.Transcribe(context.Background(), transcribe.Call{Language: "ru", Channels: []transcribe.Channel{{
		Role: schemas.RoleClient, SampleRate: 8000, Samples: wav.Floats(samples),
		Speech: []schemas.Interval{{Start: 5, End: 7}}, VADRan: true}}})
	if err != nil {
		t.Fatal(err)
	}
	segs := tr.Channels[0].Segments
	if len(segs) != 1 || segs[0].Start < 4.8 || segs[0].Start > 5.0 || segs[0].Words[0].Start != segs[0].Start {
		t.Errorf("segments %+v, want one starting near 5 s", segs)
	}
	if tr.ASR.Adapter != "openai" || tr.ASR.Model != "whisper-1" {
		t.Errorf("ASR %+v", tr.ASR)
	}
	if f.lastForm["language"][0] != "ru" || f.lastRate != 16000 {
		t.Errorf("language %v, rate %d", f.lastForm["language"], f.lastRate)
	}
}

func TestRetries(t *testing.T) {
	tests := []struct {
		name     string
		fail     []int
		retries  int
		wantErr  error
		requests int32
	}{
		{"5xx then success", []int{503, 502}, 4, nil, 3},
		{"429 with Retry-After", []int{429}, 4, nil, 2},
		{"retries run out", []int{500, 500, 500}, 2, ErrServer, 3},
		{"4xx is not retried", []int{400}, 4, ErrServer, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fakeServer{fail: tt.fail}
			c, _ := newClient(t, f, map[string]any{"retries": tt.retries})
			_, err := c.Recognize(context.Background(), speech(1, 8000), 8000)
			if !errors.Is(err, tt.wantErr) && !(tt.wantErr == nil && err == nil) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if got := f.requests.Load(); got != tt.requests {
				t.Errorf("%d requests, want %d", got, tt.requests)
			}
		})
	}
}

func TestTimeoutIsRetriedThenReported(t *testing.T) {
	f := &fakeServer{delay: time.Second}
	c, _ := newClient(t, f, map[string]any{"timeout": "50ms", "retries": 1})
	_, err := c.Recognize(context.Background(), speech(1, 8000), 8000)
	if !errors.Is(err, ErrServer) || !strings.Contains(err.Error(), "no answer within 50ms") || f.requests.Load() != 2 {
		t.Errorf("err = %v after %d requests", err, f.requests.Load())
	}
}

func TestConcurrencyLimit(t *testing.T) {
	f := &fakeServer{delay: 30 * time.Millisecond}
	c, _ := newClient(t, f, map[string]any{"concurrency": 2})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Recognize(context.Background(), speech(0.5, 8000), 8000); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if m := f.maxIn.Load(); m > 2 || m < 1 {
		t.Errorf("%d requests in flight at once, want at most 2", m)
	}
}

// The key is sent, but never appears in an error, even when the server
// echoes it back.
func TestAPIKeyNeverInErrors(t *testing.T) {
	f := &fakeServer{}
	c, url := newClient(t, f, nil)
	c.cfg.APIKey = secret + "-wrong" // the server answers 401 echoing the header
	_, err := c.Recognize(context.Background(), speech(0.5, 8000), 8000)
	if err == nil {
		t.Fatal("wrong key accepted")
	}
	if strings.Contains(err.Error(), "SECRET") {
		t.Errorf("error shows the key: %v", err)
	}
	cfg, _ := ParseOptions(map[string]any{"url": url, "api_key_env": "TEST_ASR_KEY"})
	if s := fmt.Sprint(cfg); strings.Contains(s, "SECRET") || !strings.Contains(s, "key=set") {
		t.Errorf("Config prints as %q", s)
	}
}

func TestBadAnswers(t *testing.T) {
	for _, body := range []string{`not json`, `{"segments": []}`, `{"text": "x", "segments": [{"start": 2, "end": 1, "text": "x"}]}`} {
		if _, err := parse([]byte(body)); !errors.Is(err, ErrResponse) {
			t.Errorf("parse(%s): %v, want ErrResponse", body, err)
		}
	}
}

func TestOptionErrors(t *testing.T) {
	for _, o := range []map[string]any{{}, {"url": "gpu:8000"}, {"url": "http://x", "concurrency": 0}, {"url": "http://x", "timeout": "soon"}} {
		if _, err := ParseOptions(o); !errors.Is(err, transcribe.ErrOption) {
			t.Errorf("ParseOptions(%v): %v, want ErrOption", o, err)
		}
	}
}
