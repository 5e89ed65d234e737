package embedded

import (
	"net"
	"sync"
	"time"

	"github.com/gofiber/fiber/v3"
)

// s3ShutdownGrace is how long Close lets requests in flight finish before
// it closes their connections. versitygw itself waits 10 s and then prints
// "shutdown api server: context deadline exceeded" to the process's
// stderr, which every `callscope run` that met a stuck connection ended
// with; closing the connections first ends its wait at once.
const s3ShutdownGrace = 2 * time.Second

// connTracker remembers the connections that carried a request. The
// gateway closes idle connections itself on shutdown, but it waits for a
// connection in the middle of a request, and for one whose client sent a
// request's headers and then stopped (an upload cut short, whose body the
// gateway drains after answering). Close ends those.
type connTracker struct {
	mu    sync.Mutex
	conns map[net.Conn]time.Time // last request's start
}

// connTrackerPrune bounds the map on a server that runs for months: past
// this size, connections without a request for connTrackerIdle are
// forgotten (the gateway has closed them, or they are idle, which its
// shutdown handles).
const (
	connTrackerPrune = 4096
	connTrackerIdle  = 10 * time.Minute
)

func newConnTracker() *connTracker {
	return &connTracker{conns: make(map[net.Conn]time.Time)}
}

// middleware records the request's connection and passes the request on.
func (t *connTracker) middleware(c fiber.Ctx) error {
	if conn := c.RequestCtx().Conn(); conn != nil {
		t.mark(conn, time.Now())
	}
	return c.Next()
}

func (t *connTracker) mark(conn net.Conn, now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.conns[conn] = now
	if len(t.conns) > connTrackerPrune {
		for c, last := range t.conns {
			if now.Sub(last) > connTrackerIdle {
				delete(t.conns, c)
			}
		}
	}
}

// closeAll closes every remembered connection and says how many there
// were. Closing one the gateway already closed does nothing.
func (t *connTracker) closeAll() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := 0
	for c := range t.conns {
		if c.Close() == nil {
			n++
		}
		delete(t.conns, c)
	}
	return n
}
