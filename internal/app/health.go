package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/callscope/callscope/pipeline"
)

// ServeHealth serves a worker's health and metrics on addr until ctx ends:
//
//	/healthz  200 "ok" while connected to NATS, 503 with the reason otherwise
//	/metrics  Prometheus text format: queue depth per stage, jobs processed,
//	          failed, retried and held for an unavailable server, and the
//	          stage latency histogram
//
// It returns the address it listens on (useful with port 0).
func ServeHealth(ctx context.Context, addr string, env *Env, m *pipeline.Metrics, log *slog.Logger) (string, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", fmt.Errorf("health endpoint %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if st := env.NC.Status(); st != nats.CONNECTED {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintf(w, "nats: %s\n", st)
			return
		}
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("/metrics", func(w http.ResponseWriter, r *http.Request) {
		qctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		// Depth comes from JetStream; while NATS is away the counters are
		// still served, without the gauges.
		depths, err := pipeline.QueueDepths(qctx, env.JS, pipeline.Stages...)
		if err != nil {
			log.Debug("metrics: queue depth unavailable", "err", err)
		}
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		_ = m.WritePrometheus(w, depths)
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("health endpoint stopped", "err", err)
		}
	}()
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	return ln.Addr().String(), nil
}
