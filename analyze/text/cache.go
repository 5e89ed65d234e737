package text

import (
	"sync"
	"sync/atomic"
)

// Cached wraps st with a memo of up to size words, safe for concurrent use.
// Snowball costs about 2 µs a Russian word, most of an analysis; the words
// of contact-center calls repeat from call to call, so nearly every lookup
// hits. When the memo is full it starts afresh, which bounds memory (about
// 150 bytes a word) and lets it follow a changing vocabulary.
func Cached(st Stemmer, size int) Stemmer {
	c := &stemCache{st: st, max: int64(size)}
	c.m.Store(new(sync.Map))
	return c.stem
}

type stemCache struct {
	st  Stemmer
	max int64
	n   atomic.Int64
	m   atomic.Pointer[sync.Map]
}

func (c *stemCache) stem(w string) string {
	m := c.m.Load()
	if s, ok := m.Load(w); ok {
		return s.(string)
	}
	s := c.st(w)
	if c.n.Add(1) > c.max {
		// Full: start a new memo. A few concurrent misses may land in the
		// old one; they are merely lost.
		c.n.Store(1)
		m = new(sync.Map)
		c.m.Store(m)
	}
	m.Store(w, s)
	return s
}
