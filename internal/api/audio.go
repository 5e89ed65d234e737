package api

import (
	"bytes"
	"container/list"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
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

// callAudio serves the call's recording as PCM16 WAV, whatever the stored
// encoding, with Range, ETag and caching headers. The user must see the
// call (its department) and hold the listen permission.
func (s *Server) callAudio(w http.ResponseWriter, r *http.Request, p *principal) {
	id, ok := callID(r)
	if !ok {
		writeError(w, http.StatusNotFound, "not_found", "no such call")
		return
	}
	objectKey, department, err := report.CallObject(r.Context(), s.cfg.DB, id)
	if err != nil {
		s.callError(w, r, p, id, err)
		return
	}
	if !p.Listen {
		s.record(r, p, audit.Denied, id, department, http.StatusForbidden, "no listen permission")
		writeError(w, http.StatusForbidden, "forbidden", "this user may not listen to recordings")
		return
	}
	if s.cfg.Objects == nil || objectKey == "" {
		writeError(w, http.StatusNotFound, "not_found", "the recording is not in storage")
		return
	}
	pcm, err := s.audio.get(objectKey, func() ([]byte, error) {
		raw, err := s.cfg.Objects.Get(r.Context(), s.cfg.Bucket, objectKey, maxRecording)
		if err != nil {
			return nil, err
		}
		return toPCM16(raw)
	})
	if errors.Is(err, objstore.ErrNotFound) {
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
	if r.Header.Get("If-None-Match") != etag && s.audio.firstListen(p.Name, id, s.cfg.Now()) {
		s.record(r, p, audit.Listened, id, department, http.StatusOK, r.Header.Get("Range"))
	}
	http.ServeContent(w, r, "", pcm.modTime, bytes.NewReader(pcm.data))
}

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
