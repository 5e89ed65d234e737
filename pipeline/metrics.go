package pipeline

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Metrics counts what the stage workers of one process did. It is safe for
// concurrent use; WritePrometheus renders it in the Prometheus text
// exposition format (written by hand: no client library needed).
type Metrics struct {
	mu     sync.Mutex
	stages map[string]*stageMetrics
}

type stageMetrics struct {
	processed, failed, retried, unavailable uint64
	latency                                 histogram
}

// latencyBuckets are the upper bounds (seconds) of the stage latency
// histogram: from a fast analysis to a long ASR job.
var latencyBuckets = []float64{0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300}

type histogram struct {
	counts []uint64 // per bucket, not cumulative; the last is +Inf
	sum    float64
	n      uint64
}

func (h *histogram) observe(v float64) {
	if h.counts == nil {
		h.counts = make([]uint64, len(latencyBuckets)+1)
	}
	i := sort.SearchFloat64s(latencyBuckets, v)
	h.counts[i]++
	h.sum += v
	h.n++
}

// NewMetrics returns empty metrics.
func NewMetrics() *Metrics { return &Metrics{stages: map[string]*stageMetrics{}} }

func (m *Metrics) stage(name string) *stageMetrics {
	s := m.stages[name]
	if s == nil {
		s = &stageMetrics{}
		m.stages[name] = s
	}
	return s
}

// Outcomes of a job, as counted by Observe.
const (
	OutcomeProcessed   = "processed"   // handled and acknowledged
	OutcomeFailed      = "failed"      // given up on: recorded as failed
	OutcomeRetried     = "retried"     // handed back for a later attempt
	OutcomeUnavailable = "unavailable" // a server was away; the job waits in hand
)

// Observe counts one job outcome of stage; a processed or failed job's
// handling time goes into the latency histogram. A nil *Metrics ignores it.
func (m *Metrics) Observe(stage, outcome string, took time.Duration) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	s := m.stage(stage)
	switch outcome {
	case OutcomeProcessed:
		s.processed++
		s.latency.observe(took.Seconds())
	case OutcomeFailed:
		s.failed++
		s.latency.observe(took.Seconds())
	case OutcomeRetried:
		s.retried++
	case OutcomeUnavailable:
		s.unavailable++
	}
}

// observeBatch counts a written batch of n jobs.
func (m *Metrics) observeBatch(stage string, n int, took time.Duration) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	s := m.stage(stage)
	s.processed += uint64(n)
	s.latency.observe(took.Seconds())
}

// Counts returns the processed and failed counts of a stage.
func (m *Metrics) Counts(stage string) (processed, failed uint64) {
	if m == nil {
		return 0, 0
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	s := m.stage(stage)
	return s.processed, s.failed
}

// WritePrometheus writes the metrics and the given queue depths in the
// Prometheus text format (version 0.0.4).
func (m *Metrics) WritePrometheus(w io.Writer, depths []QueueDepth) error {
	var b strings.Builder
	family := func(name, typ, help string) {
		fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, typ)
	}
	family("callscope_queue_waiting", "gauge", "Jobs waiting for a stage (not yet delivered).")
	for _, d := range depths {
		fmt.Fprintf(&b, "callscope_queue_waiting{stage=%q} %d\n", d.Stage, d.Waiting)
	}
	family("callscope_queue_in_flight", "gauge", "Jobs delivered to a stage and not yet acknowledged.")
	for _, d := range depths {
		fmt.Fprintf(&b, "callscope_queue_in_flight{stage=%q} %d\n", d.Stage, d.InFlight)
	}

	var names []string
	snap := map[string]stageMetrics{}
	if m != nil {
		m.mu.Lock()
		for n, s := range m.stages {
			names = append(names, n)
			c := *s
			c.latency.counts = append([]uint64(nil), s.latency.counts...)
			snap[n] = c
		}
		m.mu.Unlock()
	}
	sort.Strings(names)
	counters := []struct {
		name, help string
		get        func(stageMetrics) uint64
	}{
		{"callscope_jobs_processed_total", "Jobs a stage handled and acknowledged.", func(s stageMetrics) uint64 { return s.processed }},
		{"callscope_jobs_failed_total", "Jobs a stage gave up on (recorded as failed and dead-lettered).", func(s stageMetrics) uint64 { return s.failed }},
		{"callscope_jobs_retried_total", "Job attempts that failed and were handed back for a retry.", func(s stageMetrics) uint64 { return s.retried }},
		{"callscope_jobs_unavailable_total", "Job attempts that found a server (S3, NATS, ClickHouse) away and waited.", func(s stageMetrics) uint64 { return s.unavailable }},
	}
	for _, c := range counters {
		family(c.name, "counter", c.help)
		for _, n := range names {
			fmt.Fprintf(&b, "%s{stage=%q} %d\n", c.name, n, c.get(snap[n]))
		}
	}
	family("callscope_stage_duration_seconds", "histogram", "Time a stage spent on a job (the store stage: on a batch).")
	for _, n := range names {
		h := snap[n].latency
		var cum uint64
		for i, le := range latencyBuckets {
			if h.counts != nil {
				cum += h.counts[i]
			}
			fmt.Fprintf(&b, "callscope_stage_duration_seconds_bucket{stage=%q,le=%q} %d\n", n, formatFloat(le), cum)
		}
		fmt.Fprintf(&b, "callscope_stage_duration_seconds_bucket{stage=%q,le=\"+Inf\"} %d\n", n, h.n)
		fmt.Fprintf(&b, "callscope_stage_duration_seconds_sum{stage=%q} %s\n", n, formatFloat(h.sum))
		fmt.Fprintf(&b, "callscope_stage_duration_seconds_count{stage=%q} %d\n", n, h.n)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func formatFloat(f float64) string {
	if math.IsInf(f, 1) {
		return "+Inf"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}
