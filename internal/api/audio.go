package api

import (
	"bytes"
	"container/list"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/callscope/callscope/internal/audit"
	"github.com/callscope/callscope/internal/objstore"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/transcribe/wav"
)

// maxRecording is the largest recording served (a 4-hour stereo call at
// 48 kHz in PCM16 is 2.7 GB; telephone calls are far smaller).
const maxRecording = 1 << 30

// The versions of a recording the audio endpoint serves.
const (
	// AudioOriginal is the recording as the PBX made it.
	AudioOriginal = "original"
	// AudioRedacted is its copy with the personal data the transcribe
	// stage masked silenced or toned (privacy.audio_bucket).
	AudioRedacted = "redacted"
)

// audioChoice is the version of a call's recording a user gets: the
// places to look for it, in order, or why there is none for them.
type audioChoice struct {
	sources []audioSource
	// denied says why the user may play nothing: the call had personal
	// data masked and its redacted copy is missing. Fail closed: the
	// original is never the fallback of a user without raw audio.
	denied string
}

type audioSource struct {
	version, bucket string
}

// noRedactedCopy is the reason given when a user without the raw-audio
// permission asks for a recording whose redacted copy is missing.
const noRedactedCopy = "the redacted copy of this recording is missing (personal data was masked in the call); the original needs the raw-audio permission"

// chooseAudio decides which version of a call's recording p gets:
//   - a user with raw audio: the original (the calls bucket, then the
//     restricted one); the redacted copy only when no original is kept;
//   - any other user, when audio is redacted (RedactedBucket): the
//     redacted copy; the original only for a call in whose transcript the
//     stage masked nothing (pii_count 0: the copy would be the same
//     bytes); for a call with personal data, or one that redaction did not
//     see, nothing;
//   - when audio is not redacted at all (no RedactedBucket), the original:
//     the installation keeps no copies to serve (docs/privacy.md).
func (s *Server) chooseAudio(p *principal, rec report.Recording) audioChoice {
	c := s.cfg
	var ch audioChoice
	switch {
	case p.RawAudio:
		ch.sources = append(ch.sources, audioSource{AudioOriginal, c.Bucket})
		if c.RestrictedBucket != "" {
			ch.sources = append(ch.sources, audioSource{AudioOriginal, c.RestrictedBucket})
		}
		if c.RedactedBucket != "" {
			ch.sources = append(ch.sources, audioSource{AudioRedacted, c.RedactedBucket})
		}
	case c.RedactedBucket == "":
		ch.sources = append(ch.sources, audioSource{AudioOriginal, c.Bucket})
	default:
		ch.sources = append(ch.sources, audioSource{AudioRedacted, c.RedactedBucket})
		if rec.PIICount != nil && *rec.PIICount == 0 {
			ch.sources = append(ch.sources, audioSource{AudioOriginal, c.Bucket})
		} else {
			ch.denied = noRedactedCopy
		}
	}
	return ch
}

// statObjects is the object store's Stat, when it has one: the call
// JSON says which version the user will get without fetching it.
type statObjects interface {
	Stat(ctx context.Context, bucket, key string) (objstore.Info, error)
}

// audioVersion says which version of the call's recording p would be
// served ("" and why not when none): the first source in storage. An
// object store that cannot Stat is taken at its word for the first source.
func (s *Server) audioVersion(ctx context.Context, p *principal, rec report.Recording) (version, unavailable string) {
	if !p.Listen {
		return "", "this user may not listen to recordings"
	}
	if s.cfg.Objects == nil || rec.ObjectKey == "" {
		return "", "the recording is not in storage"
	}
	ch := s.chooseAudio(p, rec)
	st, ok := s.cfg.Objects.(statObjects)
	if !ok {
		return ch.sources[0].version, ""
	}
	for _, src := range ch.sources {
		_, err := st.Stat(ctx, src.bucket, rec.ObjectKey)
		if err == nil {
			return src.version, ""
		}
		if !errors.Is(err, objstore.ErrNotFound) {
			// Storage away: say what the user would be served, the
			// audio endpoint answers the error itself.
			return src.version, ""
		}
	}
	if ch.denied != "" {
		return "", ch.denied
	}
	return "", "the recording is not in storage"
}

// callAudio serves the call's recording as PCM16 WAV, whatever the stored
// encoding, with Range, ETag and caching headers. The user must see the
// call (its department) and hold the listen permission; which version
// they hear is chooseAudio's, and the X-Callscope-Audio header says it.
func (s *Server) callAudio(w http.ResponseWriter, r *http.Request, p *principal) {
	id, ok := callID(r)
	if !ok {
		writeError(w, http.StatusNotFound, "not_found", "no such call")
		return
	}
	rec, err := report.CallRecording(r.Context(), s.cfg.DB, id)
	if err != nil {
		s.callError(w, r, p, id, err)
		return
	}
	department := rec.Department
	if !p.Listen {
		s.record(r, p, audit.Denied, id, department, http.StatusForbidden, "no listen permission")
		writeError(w, http.StatusForbidden, "forbidden", "this user may not listen to recordings")
		return
	}
	if s.cfg.Objects == nil || rec.ObjectKey == "" {
		writeError(w, http.StatusNotFound, "not_found", "the recording is not in storage")
		return
	}
	ch := s.chooseAudio(p, rec)
	var pcm *cachedAudio
	var version string
	for _, src := range ch.sources {
		// The cache is keyed by bucket and key: an original fetched for
		// one user is never the answer to another's redacted request.
		pcm, err = s.audio.get(src.bucket+"/"+rec.ObjectKey, func() ([]byte, error) {
			raw, err := s.cfg.Objects.Get(r.Context(), src.bucket, rec.ObjectKey, maxRecording)
			if err != nil {
				return nil, err
			}
			return toPCM16(raw)
		})
		if errors.Is(err, objstore.ErrNotFound) {
			continue
		}
		version = src.version
		break
	}
	if errors.Is(err, objstore.ErrNotFound) {
		if ch.denied != "" {
			s.record(r, p, audit.Denied, id, department, http.StatusForbidden, "no redacted copy")
			writeError(w, http.StatusForbidden, "redacted_audio_missing", ch.denied)
			return
		}
		writeError(w, http.StatusNotFound, "not_found", "the recording is not in storage")
		return
	}
	if err != nil {
		s.writeUseCaseError(w, r, err)
		return
	}
	etag := pcm.etag
	h := w.Header()
	h.Set("ETag", etag)
	// no-cache, not max-age: the browser keeps the bytes but asks again
	// (If-None-Match, a 304 without a body) every time, so a user who may not
	// listen never plays a copy another user of the same browser fetched.
	h.Set("Cache-Control", "private, no-cache")
	h.Set("Vary", "Cookie")
	h.Set("Content-Type", "audio/wav")
	h.Set("Content-Disposition", `inline; filename="call.wav"`)
	h.Set(AudioVersionHeader, version)
	if r.Header.Get("If-None-Match") != etag && s.audio.firstListen(p.Name, id+"\x00"+version, s.cfg.Now()) {
		detail := version
		if rg := r.Header.Get("Range"); rg != "" {
			detail += " " + rg
		}
		s.record(r, p, audit.Listened, id, department, http.StatusOK, detail)
	}
	http.ServeContent(&rangeErrorJSON{ResponseWriter: w, rangeHeader: r.Header.Get("Range"), size: len(pcm.data)}, r, "", pcm.modTime, bytes.NewReader(pcm.data))
}

// rangeErrorJSON answers a Range that cannot be served (416) with the
// API's JSON error instead of the plain text http.ServeContent writes, so
// every error of the API has the same shape.
type rangeErrorJSON struct {
	http.ResponseWriter
	rangeHeader string
	size        int
	failed      bool
}

func (w *rangeErrorJSON) WriteHeader(code int) {
	if code != http.StatusRequestedRangeNotSatisfiable {
		w.ResponseWriter.WriteHeader(code)
		return
	}
	w.failed = true
	w.Header().Del("Content-Disposition")
	writeJSON(w.ResponseWriter, code, apiError{Error: errorBody{Code: "bad_range", Param: "Range",
		Message: fmt.Sprintf("Range %s cannot be served: the recording has %d bytes (want e.g. bytes=0-1023)", strconv.Quote(truncate(w.rangeHeader, 100)), w.size)}})
}

// Write drops ServeContent's plain-text message after a JSON error.
func (w *rangeErrorJSON) Write(b []byte) (int, error) {
	if w.failed {
		return len(b), nil
	}
	return w.ResponseWriter.Write(b)
}

func (w *rangeErrorJSON) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// AudioVersionHeader names the version of the recording served:
// AudioOriginal or AudioRedacted.
const AudioVersionHeader = "X-Callscope-Audio"

// toPCM16 converts a WAV recording to PCM16 WAV; one that is PCM16 already
// is served as it is.
func toPCM16(raw []byte) ([]byte, error) {
	a, err := wav.Decode(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	if a.Format == "pcm16" {
		return raw, nil
	}
	var buf bytes.Buffer
	buf.Grow(44 + 2*a.Frames()*len(a.Channels))
	if err := wav.Encode(&buf, a); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// audioCache keeps converted recordings (least recently used out first),
// so the range requests of a player do not fetch and convert the file
// each time, and remembers who listened to what lately (one audit row per
// user, call and minute).
type audioCache struct {
	max   int
	mu    sync.Mutex
	size  int
	ll    *list.List
	items map[string]*list.Element
	heard map[[2]string]time.Time
	// loading de-duplicates concurrent loads of one recording.
	loading map[string]*load
}

type load struct {
	done chan struct{}
	v    *cachedAudio
	err  error
}

type cachedAudio struct {
	key     string
	data    []byte
	etag    string // of the converted bytes, computed once
	modTime time.Time
}

func newAudioCache(max int) *audioCache {
	return &audioCache{max: max, ll: list.New(), items: map[string]*list.Element{}, heard: map[[2]string]time.Time{}, loading: map[string]*load{}}
}

func (c *audioCache) get(key string, fetch func() ([]byte, error)) (*cachedAudio, error) {
	c.mu.Lock()
	if e, ok := c.items[key]; ok {
		c.ll.MoveToFront(e)
		v := e.Value.(*cachedAudio)
		c.mu.Unlock()
		return v, nil
	}
	if l, ok := c.loading[key]; ok {
		c.mu.Unlock()
		<-l.done
		return l.v, l.err
	}
	l := &load{done: make(chan struct{})}
	c.loading[key] = l
	c.mu.Unlock()

	data, err := fetch()
	if err == nil {
		sum := sha256.Sum256(data)
		l.v = &cachedAudio{key: key, data: data, etag: `"` + hex.EncodeToString(sum[:12]) + `"`,
			modTime: time.Now().UTC().Truncate(time.Second)}
	}
	l.err = err
	c.mu.Lock()
	delete(c.loading, key)
	if err == nil && len(data) <= c.max/4 {
		c.items[key] = c.ll.PushFront(l.v)
		c.size += len(data)
		for c.size > c.max && c.ll.Len() > 0 {
			old := c.ll.Remove(c.ll.Back()).(*cachedAudio)
			delete(c.items, old.key)
			c.size -= len(old.data)
		}
	}
	c.mu.Unlock()
	close(l.done)
	return l.v, err
}

// firstListen reports whether user has not listened to call in the last
// minute, and notes that they did now.
func (c *audioCache) firstListen(user, call string, now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	k := [2]string{user, call}
	if t, ok := c.heard[k]; ok && now.Sub(t) < time.Minute {
		return false
	}
	if len(c.heard) > 10000 {
		for k, t := range c.heard {
			if now.Sub(t) >= time.Minute {
				delete(c.heard, k)
			}
		}
	}
	c.heard[k] = now
	return true
}
