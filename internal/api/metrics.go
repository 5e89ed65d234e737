package api

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// httpMetrics counts requests by route, method and status, and keeps a
// latency histogram by route and method, in Prometheus's text format.
type httpMetrics struct {
	mu       sync.Mutex
	counts   map[[3]string]uint64
	hist     map[[2]string]*histogram
	inflight int64
}

// latencyBuckets are the upper bounds, in seconds.
var latencyBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

type histogram struct {
	counts []uint64 // per bucket, not cumulative; the last is +Inf
	sum    float64
	n      uint64
}

func newHTTPMetrics() *httpMetrics {
	return &httpMetrics{counts: map[[3]string]uint64{}, hist: map[[2]string]*histogram{}}
}

func (m *httpMetrics) observe(route, method string, code int, took time.Duration) {
	sec := took.Seconds()
	m.mu.Lock()
	defer m.mu.Unlock()
	m.counts[[3]string{route, method, strconv.Itoa(code)}]++
	k := [2]string{route, method}
	h := m.hist[k]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(latencyBuckets)+1)}
		m.hist[k] = h
	}
	i := sort.SearchFloat64s(latencyBuckets, sec)
	h.counts[i]++
	h.sum += sec
	h.n++
}

func (m *httpMetrics) write(w io.Writer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	fmt.Fprintln(w, "# HELP callscope_http_requests_total HTTP requests by route, method and status code.")
	fmt.Fprintln(w, "# TYPE callscope_http_requests_total counter")
	keys := make([][3]string, 0, len(m.counts))
	for k := range m.counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return strings.Join(keys[i][:], " ") < strings.Join(keys[j][:], " ") })
	for _, k := range keys {
		fmt.Fprintf(w, "callscope_http_requests_total{route=%q,method=%q,code=%q} %d\n", k[0], k[1], k[2], m.counts[k])
	}
	fmt.Fprintln(w, "# HELP callscope_http_request_duration_seconds HTTP request latency by route and method.")
	fmt.Fprintln(w, "# TYPE callscope_http_request_duration_seconds histogram")
	hk := make([][2]string, 0, len(m.hist))
	for k := range m.hist {
		hk = append(hk, k)
	}
	sort.Slice(hk, func(i, j int) bool { return hk[i][0]+hk[i][1] < hk[j][0]+hk[j][1] })
	for _, k := range hk {
		h := m.hist[k]
		var cum uint64
		for i, b := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(w, "callscope_http_request_duration_seconds_bucket{route=%q,method=%q,le=%q} %d\n", k[0], k[1], strconv.FormatFloat(b, 'g', -1, 64), cum)
		}
		fmt.Fprintf(w, "callscope_http_request_duration_seconds_bucket{route=%q,method=%q,le=\"+Inf\"} %d\n", k[0], k[1], h.n)
		fmt.Fprintf(w, "callscope_http_request_duration_seconds_sum{route=%q,method=%q} %s\n", k[0], k[1], strconv.FormatFloat(h.sum, 'g', -1, 64))
		fmt.Fprintf(w, "callscope_http_request_duration_seconds_count{route=%q,method=%q} %d\n", k[0], k[1], h.n)
	}
}

type statusWriter struct {
	http.ResponseWriter
	code int
}

func (s *statusWriter) WriteHeader(code int) {
	if s.code == 0 {
		s.code = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(b []byte) (int, error) {
	if s.code == 0 {
		s.code = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// instrument counts and times a route's requests.
func (s *Server) instrument(route string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(sw, r)
		if sw.code == 0 {
			sw.code = http.StatusOK
		}
		s.metrics.observe(route, r.Method, sw.code, time.Since(start))
	})
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request, _ *principal) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if s.cfg.Healthy != nil {
		if err := s.cfg.Healthy(); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintln(w, err)
			return
		}
	}
	fmt.Fprintln(w, "ok")
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request, _ *principal) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	ready := s.cfg.Ready
	if ready == nil {
		ready = func(ctx context.Context) error {
			rows, err := s.cfg.DB.Query(ctx, "SELECT 1")
			if err != nil {
				return fmt.Errorf("clickhouse: %w", err)
			}
			return rows.Close()
		}
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := ready(ctx); err != nil {
		s.log.Warn("api: not ready", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, "not ready")
		return
	}
	fmt.Fprintln(w, "ready")
}

func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request, _ *principal) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	s.metrics.write(w)
	if s.cfg.ExtraMetrics != nil {
		s.cfg.ExtraMetrics(r.Context(), w)
	}
}
