// Package openai is the `openai` ASR adapter: any server with an
// OpenAI-compatible POST /v1/audio/transcriptions (faster-whisper servers,
// whisper.cpp's server, vLLM, OpenAI itself). Each piece of speech is sent
// as a 16-bit WAV with response_format=verbose_json and word and segment
// timestamps.
//
// Configuration (config asr.options, or asr.options.openai):
//
//	url: http://gpu-1:8000/v1       # base URL; /audio/transcriptions is appended
//	model: whisper-1                 # model name the server expects
//	api_key_env: OPENAI_API_KEY      # the environment variable holding the key
//	language: ru                     # default: the call's language
//	timeout: 120s                    # per request
//	retries: 4                       # after the first attempt, on 429, 5xx and network errors
//	backoff: 1s                      # first retry delay, doubled each time (Retry-After wins)
//	concurrency: 4                   # requests in flight per process
//	max_chunk: 600                   # seconds of speech per request
//	sample_rate: 0                   # resample before sending; 0 sends the recording's rate
//
// The API key is read from the environment when the adapter is built and is
// only ever put in the Authorization header: it is in no error or log.
package openai

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/transcribe"
	"github.com/callscope/callscope/transcribe/wav"
)

// Errors of the adapter.
var (
	// ErrServer: the server answered with an error that retrying will not
	// fix (4xx other than 408 and 429), or retries ran out.
	ErrServer = errors.New("openai: transcription server")
	// ErrResponse: the server's answer is not the verbose_json expected.
	ErrResponse = errors.New("openai: bad response")
)

func init() {
	transcribe.Register("openai", func(raw map[string]any) (transcribe.Adapter, error) {
		c, err := ParseOptions(raw)
		if err != nil {
			return nil, err
		}
		cl := New(c)
		return transcribe.NewRecognizerAdapter(schemas.ASRInfo{Adapter: "openai", Model: c.Model}, cl, transcribe.ChunkConfig{MaxChunk: c.MaxChunk}), nil
	})
}

// Config configures the client.
type Config struct {
	URL         string
	Model       string
	APIKey      string // from the environment; never printed
	Language    string
	Timeout     time.Duration
	Retries     int
	Backoff     time.Duration
	Concurrency int
	MaxChunk    float64
	SampleRate  int
	HTTPClient  *http.Client
}

// String leaves the key out, so a Config can be logged.
func (c Config) String() string {
	key := "none"
	if c.APIKey != "" {
		key = "set"
	}
	return fmt.Sprintf("openai{url=%s model=%s key=%s}", c.URL, c.Model, key)
}

// ParseOptions reads and checks the adapter's options.
func ParseOptions(raw map[string]any) (Config, error) {
	o := transcribe.Options(raw)
	if err := o.Check("url", "model", "api_key_env", "language", "timeout", "retries", "backoff", "concurrency", "max_chunk", "sample_rate"); err != nil {
		return Config{}, err
	}
	var c Config
	var keyEnv string
	for _, f := range []func() error{
		func() (e error) { c.URL, e = o.String("url", ""); return },
		func() (e error) { c.Model, e = o.String("model", "whisper-1"); return },
		func() (e error) { keyEnv, e = o.String("api_key_env", "OPENAI_API_KEY"); return },
		func() (e error) { c.Language, e = o.String("language", ""); return },
		func() (e error) { c.Timeout, e = o.Duration("timeout", 120*time.Second); return },
		func() (e error) { c.Retries, e = o.Int("retries", 4); return },
		func() (e error) { c.Backoff, e = o.Duration("backoff", time.Second); return },
		func() (e error) { c.Concurrency, e = o.Int("concurrency", 4); return },
		func() (e error) { c.MaxChunk, e = o.Float("max_chunk", 600); return },
		func() (e error) { c.SampleRate, e = o.Int("sample_rate", 0); return },
	} {
		if err := f(); err != nil {
			return Config{}, err
		}
	}
	if c.URL == "" {
		return Config{}, fmt.Errorf("%w: asr.options.url: the server's base URL is required, e.g. http://gpu-1:8000/v1", transcribe.ErrOption)
	}
	if !strings.HasPrefix(c.URL, "http://") && !strings.HasPrefix(c.URL, "https://") {
		return Config{}, fmt.Errorf("%w: asr.options.url: want an http:// or https:// URL, got %q", transcribe.ErrOption, c.URL)
	}
	if c.Concurrency < 1 || c.Retries < 0 || c.Timeout <= 0 {
		return Config{}, fmt.Errorf("%w: asr.options: concurrency must be at least 1, retries at least 0 and timeout positive", transcribe.ErrOption)
	}
	c.APIKey = os.Getenv(keyEnv)
	return c, nil
}

// Client is a Recognizer over HTTP.
type Client struct {
	cfg  Config
	http *http.Client
	sem  chan struct{}
}

// New returns a client for the server in c.
func New(c Config) *Client {
	hc := c.HTTPClient
	if hc == nil {
		hc = &http.Client{}
	}
	return &Client{cfg: c, http: hc, sem: make(chan struct{}, c.Concurrency)}
}

// SampleRate is the rate audio is sent at (0: as recorded).
func (c *Client) SampleRate() int { return c.cfg.SampleRate }

// Close has nothing to free.
func (c *Client) Close() error { return nil }

// Recognize sends one piece of speech and returns its segments.
func (c *Client) Recognize(ctx context.Context, pcm []float32, rate int) ([]schemas.Segment, error) {
	body, ctype, err := c.form(pcm, rate, transcribe.Language(ctx))
	if err != nil {
		return nil, err
	}
	select {
	case c.sem <- struct{}{}:
		defer func() { <-c.sem }()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	delay := c.cfg.Backoff
	for attempt := 0; ; attempt++ {
		resp, retryAfter, err := c.post(ctx, body, ctype)
		if err == nil {
			return resp, nil
		}
		var re retryable
		if !errors.As(err, &re) || attempt >= c.cfg.Retries {
			if errors.As(err, &re) {
				return nil, fmt.Errorf("%w: gave up after %d attempts: %w", ErrServer, attempt+1, re.error)
			}
			return nil, err
		}
		wait := delay + time.Duration(rand.Int64N(int64(delay)/4+1)) // jitter
		if retryAfter > 0 {
			wait = retryAfter
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		delay *= 2
	}
}

// retryable marks an error worth another attempt.
type retryable struct{ error }

func (r retryable) Unwrap() error { return r.error }

func (c *Client) form(pcm []float32, rate int, callLanguage string) ([]byte, string, error) {
	var audio bytes.Buffer
	if err := wav.Encode(&audio, &wav.Audio{SampleRate: rate, Channels: [][]float32{pcm}}); err != nil {
		return nil, "", fmt.Errorf("openai: encode audio: %w", err)
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", "speech.wav")
	if err != nil {
		return nil, "", err
	}
	fw.Write(audio.Bytes())
	fields := [][2]string{
		{"model", c.cfg.Model},
		{"response_format", "verbose_json"},
		{"timestamp_granularities[]", "word"},
		{"timestamp_granularities[]", "segment"},
		{"temperature", "0"},
	}
	if lang := c.cfg.Language; lang != "" {
		fields = append(fields, [2]string{"language", lang})
	} else if callLanguage != "" {
		fields = append(fields, [2]string{"language", callLanguage})
	}
	for _, f := range fields {
		mw.WriteField(f[0], f[1])
	}
	if err := mw.Close(); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), mw.FormDataContentType(), nil
}

func (c *Client) post(ctx context.Context, body []byte, ctype string) ([]schemas.Segment, time.Duration, error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	url := strings.TrimRight(c.cfg.URL, "/") + "/audio/transcriptions"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, 0, fmt.Errorf("openai: %w", err)
	}
	req.Header.Set("Content-Type", ctype)
	if c.cfg.APIKey != "" {
		req.Header.Set("Authorization", "Bearer "+c.cfg.APIKey)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		if ctx.Err() != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, 0, retryable{fmt.Errorf("POST %s: no answer within %s", url, c.cfg.Timeout)}
		}
		if errors.Is(err, context.Canceled) {
			return nil, 0, err
		}
		return nil, 0, retryable{fmt.Errorf("POST %s: %w", url, err)}
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, 0, retryable{fmt.Errorf("POST %s: reading the answer: %w", url, err)}
	}
	if resp.StatusCode != http.StatusOK {
		msg := fmt.Errorf("POST %s: HTTP %d: %s", url, resp.StatusCode, errorText(c.redact(data)))
		switch {
		case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusRequestTimeout || resp.StatusCode >= 500:
			return nil, retryAfter(resp.Header.Get("Retry-After")), retryable{msg}
		default:
			return nil, 0, fmt.Errorf("%w: %w", ErrServer, msg)
		}
	}
	segs, err := parse(data)
	if err != nil {
		return nil, 0, err
	}
	return segs, 0, nil
}

// redact hides the API key in a server's message: some servers echo the
// request's headers.
func (c *Client) redact(data []byte) []byte {
	if c.cfg.APIKey == "" {
		return data
	}
	return bytes.ReplaceAll(data, []byte(c.cfg.APIKey), []byte("[api key]"))
}

// errorText is the server's error message, short.
func errorText(data []byte) string {
	var e struct {
		Error struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	if json.Unmarshal(data, &e) == nil && e.Error.Message != "" {
		return e.Error.Message
	}
	s := strings.TrimSpace(string(data))
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

func retryAfter(h string) time.Duration {
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(h); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		return max(0, time.Until(t))
	}
	return 0
}

// verbose is the verbose_json answer.
type verbose struct {
	Text     *string `json:"text"`
	Segments []struct {
		Start      float64 `json:"start"`
		End        float64 `json:"end"`
		Text       string  `json:"text"`
		AvgLogprob float64 `json:"avg_logprob"`
		Words      []word  `json:"words"` // some servers nest words here
	} `json:"segments"`
	Words []word `json:"words"`
}

type word struct {
	Word        string   `json:"word"`
	Start       float64  `json:"start"`
	End         float64  `json:"end"`
	Probability *float64 `json:"probability"`
}

// parse turns verbose_json into segments, giving each segment the words
// that fall within it.
func parse(data []byte) ([]schemas.Segment, error) {
	var v verbose
	if err := json.Unmarshal(data, &v); err != nil || v.Text == nil {
		return nil, fmt.Errorf("%w: not verbose_json: %s", ErrResponse, errorText(data))
	}
	words := v.Words
	var segs []schemas.Segment
	for _, s := range v.Segments {
		text := strings.TrimSpace(s.Text)
		if text == "" {
			continue
		}
		if s.End < s.Start || math.IsNaN(s.Start) {
			return nil, fmt.Errorf("%w: segment %q has times %g-%g", ErrResponse, text, s.Start, s.End)
		}
		seg := schemas.Segment{Start: s.Start, End: s.End, Text: text}
		ws := s.Words
		if len(ws) == 0 {
			for _, w := range words {
				mid := (w.Start + w.End) / 2
				if mid >= s.Start && mid < s.End {
					ws = append(ws, w)
				}
			}
		}
		for _, w := range ws {
			sw := schemas.Word{W: strings.TrimSpace(w.Word), Start: w.Start, End: w.End}
			if w.Probability != nil {
				sw.Conf = *w.Probability
			}
			if sw.W != "" {
				seg.Words = append(seg.Words, sw)
			}
		}
		segs = append(segs, seg)
	}
	if len(segs) == 0 && strings.TrimSpace(*v.Text) != "" && len(words) > 0 {
		// Words only, no segments: one segment over them.
		seg := schemas.Segment{Start: words[0].Start, End: words[len(words)-1].End, Text: strings.TrimSpace(*v.Text)}
		for _, w := range words {
			seg.Words = append(seg.Words, schemas.Word{W: strings.TrimSpace(w.Word), Start: w.Start, End: w.End})
		}
		segs = append(segs, seg)
	}
	return segs, nil
}
