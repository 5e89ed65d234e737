package match

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"testing"
	"time"

	"github.com/callscope/callscope/schemas"
)

// TestCallgrindCalls is for counting the instructions of a warm call with
// callgrind, which do not move with the machine's load (docs/dictionaries.md,
// Performance). Skipped unless CALLSCOPE_CALLGRIND is the number of calls.
// It compiles the built-ins (or, with CALLSCOPE_CALLGRIND_SET=10k, the
// 10,000-phrase set of BenchmarkMatchCall10k), matches the five-minute call
// once cold, stops the garbage collector, prints READY and waits 20 s, in
// which callgrind's instrumentation is switched on (callgrind_control -i on),
// then matches the call that many times: callgrind's total count divided
// by the number is a warm call's.
func TestCallgrindCalls(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv("CALLSCOPE_CALLGRIND"))
	if err != nil || n <= 0 {
		t.Skip("CALLSCOPE_CALLGRIND (a number of calls) is not set")
	}
	m := builtinMatcher(t)
	if os.Getenv("CALLSCOPE_CALLGRIND_SET") == "10k" {
		set := bigSet(10000)
		for i := range set.Dictionaries {
			set.Dictionaries[i].File = set.Dictionaries[i].Category
		}
		if m, err = compileLenient(set); err != nil {
			t.Fatal(err)
		}
	}
	tr := fiveMinuteCall(t)
	cold := m.MatchCall(tr, "ru", CallOptions{})
	// No collection while callgrind counts: a collector's worker run on
	// the matching goroutine's thread would be counted in.
	runtime.GC()
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	fmt.Fprintln(os.Stderr, "READY")
	time.Sleep(20 * time.Second)
	if warm := callgrindCalls(m, tr, n); len(warm) != len(cold) {
		t.Fatalf("%d hits warm, %d cold", len(warm), len(cold))
	}
}

//go:noinline
func callgrindCalls(m *Matcher, tr schemas.Transcript, n int) []CallHit {
	var buf []CallHit
	for range n {
		buf = m.AppendCall(buf[:0], tr, "ru", CallOptions{})
	}
	return buf
}
