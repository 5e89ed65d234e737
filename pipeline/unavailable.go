package pipeline

import (
	"context"
	"errors"
	"net"
	"strings"
	"syscall"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// ErrUnavailable marks a failure caused by a server being away (object
// storage, NATS, ClickHouse), not by the job: such a job is held and tried
// again without using up its attempts.
var ErrUnavailable = errors.New("server unavailable")

// Unavailable marks err so that IsUnavailable(err) holds.
func Unavailable(err error) error {
	if err == nil {
		return nil
	}
	return unavailableError{err}
}

type unavailableError struct{ err error }

func (e unavailableError) Error() string        { return e.err.Error() }
func (e unavailableError) Unwrap() error        { return e.err }
func (e unavailableError) Is(target error) bool { return target == ErrUnavailable }

// unavailableText are fragments of messages from clients that do not wrap
// their network errors (or that report a server still starting).
var unavailableText = []string{
	"connection refused", "connection reset by peer", "broken pipe", "i/o timeout",
	"no route to host", "server not initialized", "service unavailable", "no responders",
}

// IsUnavailable reports whether err says a server could not be reached or
// is not ready, rather than that the job is bad: network errors, NATS
// timeouts and disconnections, errors marked with Unavailable, and the
// messages of clients that do not wrap theirs. An error marked Permanent is
// never unavailable.
func IsUnavailable(err error) bool {
	if err == nil || IsPermanent(err) {
		return false
	}
	if errors.Is(err, ErrUnavailable) {
		return true
	}
	var netErr net.Error
	var opErr *net.OpError
	switch {
	case errors.As(err, &opErr), errors.As(err, &netErr) && netErr.Timeout(),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE),
		errors.Is(err, nats.ErrTimeout), errors.Is(err, nats.ErrNoResponders),
		errors.Is(err, nats.ErrConnectionClosed), errors.Is(err, nats.ErrDisconnected),
		errors.Is(err, nats.ErrConnectionReconnecting), errors.Is(err, jetstream.ErrNoStreamResponse),
		errors.Is(err, context.DeadlineExceeded):
		return true
	}
	msg := strings.ToLower(err.Error())
	for _, t := range unavailableText {
		if strings.Contains(msg, t) {
			return true
		}
	}
	return false
}
