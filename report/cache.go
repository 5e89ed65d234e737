package report

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/callscope/callscope/store"
)

// Cache keeps the rows of recent report queries while the tables they read
// are unchanged, so that a page opened again (the dashboard every manager
// opens in the morning, the slice builder's back button) is answered
// without reading 10 million calls again. A long-running process (the API
// server) makes one and puts it in the context of each request with
// WithCache; Slice without one runs every query, as the command line does.
// The answer is the same either way: an entry is used only when its SQL
// text and arguments (with the caller's scope and period) are the same and
// the active parts it reads (of calls, the months of its period; of
// first_contacts, all) are the same ones that were there when it was read
// (tableStamps). An insert, merge, mutation (an erasure) or TTL deletion
// there makes new parts, so it misses the cache from then on.
type Cache struct {
	mu      sync.Mutex
	max     int
	entries map[string]cacheEntry
	order   []string // keys, oldest first
	hits    int
}

type cacheEntry struct {
	stamp string
	rows  []Row
}

// NewCache keeps at most max queries' rows (the oldest go first), of at
// most 5,000 rows each; max <= 0 means 64.
func NewCache(max int) *Cache {
	if max <= 0 {
		max = 64
	}
	return &Cache{max: max, entries: map[string]cacheEntry{}}
}

type cacheKey struct{}

// WithCache makes the reports run with ctx use c (nil: no cache).
func WithCache(ctx context.Context, c *Cache) context.Context {
	return context.WithValue(ctx, cacheKey{}, c)
}

func cacheFrom(ctx context.Context) *Cache {
	c, _ := ctx.Value(cacheKey{}).(*Cache)
	return c
}

// Hits is how many queries were answered from the cache (for tests and
// metrics).
func (c *Cache) Hits() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits
}

// stampedTables are the tables a slice report reads: calls, and
// first_contacts for the first-time / repeat client dimension.
var stampedTables = []string{"calls", "first_contacts"}

// tableStamps are the stamps of the partitions of stampedTables as a report
// starts (store.PartitionStamps, the stamps the monthly rollup is kept by),
// read before its queries so that an entry is never older than its stamp.
type tableStamps []store.PartitionStamp

func readStamps(ctx context.Context, db store.Querier, v store.Version) (tableStamps, error) {
	s, err := store.PartitionStamps(ctx, db, v, stampedTables...)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return s, nil
}

// of is the stamp of a query over [from, to): the months of calls that the
// period touches (calls is partitioned by the UTC month of started_at, and
// the query reads no other month), and all of first_contacts when sqlText
// reads it. A change in another month leaves it as it was: after a call of
// November is forgotten, October's report is still answered from the cache
// (on servers before 21.1 every deletion changes every stamp).
func (s tableStamps) of(sqlText string, from, to time.Time) string {
	var b strings.Builder
	for _, p := range s {
		switch {
		case p.Table == "calls":
			if m, err := strconv.ParseUint(p.Partition, 10, 32); err == nil && outsidePeriod(uint32(m), from, to) {
				continue
			}
		case !strings.Contains(sqlText, p.Table):
			continue
		}
		b.WriteString(p.Table + "/" + p.Partition + ":" + p.Stamp + ";")
	}
	return b.String()
}

func (c *Cache) get(key, stamp string) ([]Row, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok || e.stamp != stamp {
		return nil, false
	}
	c.hits++
	return cloneRows(e.rows), true
}

// maxCachedRows bounds an entry: a report of more rows (operator by day
// over years) is read again rather than kept, so 64 entries stay a few MB.
const maxCachedRows = 5000

func (c *Cache) put(key, stamp string, rows []Row) {
	if len(rows) > maxCachedRows {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.entries[key]; !ok {
		c.order = append(c.order, key)
		for len(c.order) > c.max {
			delete(c.entries, c.order[0])
			c.order = c.order[1:]
		}
	}
	c.entries[key] = cacheEntry{stamp: stamp, rows: cloneRows(rows)}
}

// cloneRows copies rows so that neither the cache nor its callers see the
// other's changes (Slice sorts and truncates rows and fills Prev).
func cloneRows(rows []Row) []Row {
	out := make([]Row, len(rows))
	for i, r := range rows {
		out[i] = Row{Keys: clone(r.Keys), Labels: clone(r.Labels), Values: clone(r.Values), Prev: clone(r.Prev),
			sums: clone(r.sums), dens: clone(r.dens)}
	}
	return out
}

func clone[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append(make([]T, 0, len(s)), s...)
}

func queryKey(sqlText string, args []any) string {
	var b strings.Builder
	b.WriteString(sqlText)
	for _, a := range args {
		fmt.Fprintf(&b, "\x00%T:%v", a, a)
	}
	return b.String()
}
