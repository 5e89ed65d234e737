package models

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
)

// progress draws a one-line progress bar, at most ten times a second.
type progress struct {
	w           io.Writer
	name        string
	done0, n    int64
	total       int64
	start, last time.Time
}

func newProgress(w io.Writer, name string, have, total int64) *progress {
	return &progress{w: w, name: name, done0: have, n: have, total: total, start: time.Now()}
}

func (p *progress) Write(b []byte) (int, error) {
	p.n += int64(len(b))
	if p.w != nil && time.Since(p.last) >= 100*time.Millisecond {
		p.draw()
		p.last = time.Now()
	}
	return len(b), nil
}

func (p *progress) draw() {
	const width = 30
	frac := 0.0
	if p.total > 0 {
		frac = min(1, float64(p.n)/float64(p.total))
	}
	fill := int(frac * width)
	rate := float64(p.n-p.done0) / max(time.Since(p.start).Seconds(), 1e-3)
	fmt.Fprintf(p.w, "\r%s [%s%s] %3.0f%% %s/%s %s/s", p.name, strings.Repeat("#", fill), strings.Repeat("-", width-fill),
		frac*100, mb(p.n), mb(p.total), mb(int64(rate)))
}

func (p *progress) done() {
	if p.w != nil {
		p.draw()
		fmt.Fprintln(p.w)
	}
}

func mb(n int64) string {
	if n < 0 {
		return "?"
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}

func sortStrings(s []string) { sort.Strings(s) }
