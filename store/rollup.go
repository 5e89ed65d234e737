package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The monthly rollup (migration 0012): calls_rollup holds, per month of
// calls and per combination of RollupKeys, the sums of the slice reports'
// measures; calls_rollup_builds says which parts of calls each build was
// made from (their block numbers, rows and files: partsStampSQL). The
// report package reads a month from it only while that month's parts are
// the same (RollupState), so a report gives the same numbers with or
// without it. A later migration that
// rebuilds calls or changes what calls_rollup sums must empty
// calls_rollup_builds.

// RollupKeys are the columns of calls that calls_rollup keeps apart (same
// names and types as in calls): a report whose dimensions and filter use
// only these can be answered from it.
var RollupKeys = []string{"operator_id", "operator_name", "department", "queue", "direction", "language", "score_profile", "channels"}

// RollupSupported says whether a server of version v can build the rollup:
// the build reads `calls FINAL` partition by partition (21.1 and later);
// older servers keep the tables empty and every report reads calls.
func RollupSupported(v Version) bool { return v.AtLeast(21, 1) }

// RollupMonth is one month (YYYYMM, UTC, as calls is partitioned) that has
// calls, and the build of calls_rollup that holds its sums as they are now
// ("" when there is none: read it from calls).
type RollupMonth struct {
	Month uint32
	Build string
}

// RollupState lists the months that have calls, oldest first, each with its
// current build. It is one cheap query (system.parts and the builds table);
// read it before the rollup rows so that a build is never newer than the
// parts it was checked against. Call it only where RollupSupported.
func RollupState(ctx context.Context, db Querier) ([]RollupMonth, error) {
	return QueryAll(ctx, db, "store: rollup state", func(m *RollupMonth) []any { return []any{&m.Month, &m.Build} },
		"SELECT toUInt32(p.month), ifNull(b.build, '') FROM ("+partsStampSQL+") AS p"+
			" LEFT JOIN (SELECT toString(month) AS month, stamp, min(build) AS build FROM calls_rollup_builds GROUP BY month, stamp) AS b"+
			" ON p.month = b.month AND p.stamp = b.stamp ORDER BY p.month")
}

// partsStampSQL gives each partition (month) of calls its stamp
// (partStamp) where the rollup is built (21.1 and later).
const partsStampSQL = "SELECT partition_id AS month, " + partStamp + " AS stamp" +
	" FROM system.parts WHERE database = currentDatabase() AND table = 'calls' AND active GROUP BY partition_id"

// partStamp is the stamp of a partition's active parts (an aggregate over
// their rows of system.parts): each part's block numbers, merge level, rows
// and the hash of its files, so an insert, a merge, a re-analysis, an
// erasure or a TTL deletion there gives the partition another stamp. Not a
// part's name: a deletion gives every part of calls a new mutation version
// in its name, those of the partitions it did not touch as hard links to
// the same files, and every month would be read from calls again after
// any deletion in one of them.
const partStamp = "concat(toString(count()), '/'," +
	" toString(sum(cityHash64(min_block_number, max_block_number, level, rows, hash_of_all_files))))"

// partStampByName is the stamp on servers before 21.1, the oldest that
// partStamp is used on (system.parts of 18.16 has no hash_of_all_files): the
// parts' names and times. The mutation version in a name keeps it right
// after an ALTER ... UPDATE that changes no rows, at the price partStamp
// avoids: after any deletion every partition has another stamp.
const partStampByName = "concat(toString(count()), '/', toString(sum(cityHash64(name, toString(modification_time)))))"

// PartitionStamp is the stamp of one partition's active parts: another
// stamp than before means its data may have changed since.
type PartitionStamp struct {
	Table     string
	Partition string // partition_id: YYYYMM for calls, "all" for an unpartitioned table
	Stamp     string
}

// PartitionStamps reads the stamps of the partitions of tables in one
// query of system.parts (a few milliseconds): on a server of version v
// 21.1 or later partStamp, the stamp the rollup keeps its builds by; on
// older ones (18.16) partStampByName, which every deletion changes.
func PartitionStamps(ctx context.Context, db Querier, v Version, tables ...string) ([]PartitionStamp, error) {
	stamp := partStampByName
	if RollupSupported(v) {
		stamp = partStamp
	}
	return QueryAll(ctx, db, "store: partition stamps", func(p *PartitionStamp) []any { return []any{&p.Table, &p.Partition, &p.Stamp} },
		"SELECT table, partition_id, "+stamp+" FROM system.parts"+
			" WHERE database = currentDatabase() AND active AND has(?, table)"+
			" GROUP BY table, partition_id ORDER BY table, partition_id", tables)
}

// RollupStats says what RefreshRollup did.
type RollupStats struct {
	Months  int           // months with calls
	Built   int           // months (re)built
	Dropped int           // old builds dropped
	Took    time.Duration // wall time
}

// partitionRe reads a calls_rollup partition's (month, build) tuple.
var partitionRe = regexp.MustCompile(`^\((\d+),\s*'([0-9a-f-]+)'\)$`)

// rollupMu keeps one process from building a month twice at once.
var rollupMu sync.Mutex

// rollupGrace is how long the build that replaced older ones of its month
// must have been the current one before they are dropped, so that a report
// that chose one of them a moment before still finds its rows.
var rollupGrace = 10 * time.Minute

// RefreshRollup builds calls_rollup for every month whose calls changed
// since its last build (all of them the first time: about a second of CPU
// per million calls), and drops the builds replaced more than ten minutes
// ago. Reports are right without it, only slower over the months it has
// not built. It does nothing on servers older than 21.1.
func RefreshRollup(ctx context.Context, db DB) (RollupStats, error) {
	start := time.Now()
	var st RollupStats
	v, err := ServerVersion(ctx, db)
	if err != nil {
		return st, err
	}
	if !RollupSupported(v) {
		return st, nil
	}
	rollupMu.Lock()
	defer rollupMu.Unlock()
	// The stamps are read before the rows: a build is never older than the
	// stamp it is recorded with (a change during the build makes the stamp
	// stale, and the month is built again next time).
	rows, err := db.Query(ctx, "SELECT toUInt32(p.month), p.stamp, toUInt8(b.n > 0) FROM ("+partsStampSQL+") AS p"+
		" LEFT JOIN (SELECT toString(month) AS month, stamp, count() AS n FROM calls_rollup_builds GROUP BY month, stamp) AS b"+
		" ON p.month = b.month AND p.stamp = b.stamp ORDER BY p.month")
	if err != nil {
		return st, fmt.Errorf("store: rollup: %w", err)
	}
	type month struct {
		m     uint32
		stamp string
	}
	var stale []month
	for rows.Next() {
		var m month
		var built uint8
		if err := rows.Scan(&m.m, &m.stamp, &built); err != nil {
			rows.Close()
			return st, fmt.Errorf("store: rollup: %w", err)
		}
		st.Months++
		if built == 0 {
			stale = append(stale, m)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return st, fmt.Errorf("store: rollup: %w", err)
	}
	for _, m := range stale {
		if err := buildRollupMonth(ctx, db, m.m, m.stamp); err != nil {
			return st, err
		}
		st.Built++
	}
	if st.Dropped, err = dropOldRollups(ctx, db); err != nil {
		return st, err
	}
	st.Took = time.Since(start)
	return st, nil
}

// buildRollupMonth sums one month of calls FINAL into a new build and
// records it. The category and parameter names are the month's own, each
// counted with countIf(has(...)): over a million calls this costs a tenth
// of what sumMap over the name arrays does.
func buildRollupMonth(ctx context.Context, db DB, month uint32, stamp string) error {
	cats, err := monthNames(ctx, db, "category_names", month)
	if err != nil {
		return err
	}
	params, err := monthNames(ctx, db, "param_names", month)
	if err != nil {
		return err
	}
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return err
	}
	build := strconv.FormatUint(uint64(month), 10) + "-" + hex.EncodeToString(b)
	keys := strings.Join(RollupKeys, ", ")
	var args []any
	args = append(args, month, build)
	sel := "SELECT toUInt32(?), ?, " + keys + ", count(), sum(duration), sum(total_talk)," +
		" ifNull(sum(wait_seconds), 0), count(wait_seconds), ifNull(sum(score * 5 / score_max), 0), count(score)," +
		" countIf(csat_score >= 0.8 * csat_scale), count(csat_score), countIf(empty(category_names))"
	// names as literals, then one aggregate per name
	list := func(names []string, empty string, each func(string)) {
		if len(names) == 0 {
			sel += ", " + empty
			return
		}
		sel += ", ["
		for i, n := range names {
			if i > 0 {
				sel += ", "
			}
			each(n)
		}
		sel += "]"
	}
	name := func(n string) { sel += "?"; args = append(args, n) }
	list(cats, "emptyArrayString()", name)
	list(cats, "emptyArrayUInt64()", func(n string) { sel += "countIf(has(category_names, ?))"; args = append(args, n) })
	list(params, "emptyArrayString()", name)
	list(params, "emptyArrayFloat64()", func(n string) {
		sel += "sum(if(has(param_names, ?), param_values[indexOf(param_names, ?)], 0))"
		args = append(args, n, n)
	})
	list(params, "emptyArrayUInt64()", func(n string) { sel += "countIf(has(param_names, ?))"; args = append(args, n) })
	args = append(args, month)
	q := "INSERT INTO calls_rollup (month, build, " + keys + ", calls, duration_sum, talk_sum, wait_sum, wait_n," +
		" score_sum, score_n, csat_good, csat_n, uncategorized, category_names, category_calls, param_names, param_sums, param_n) " +
		sel + " FROM calls FINAL WHERE toYYYYMM(started_at) = ? GROUP BY " + keys +
		" SETTINGS do_not_merge_across_partitions_select_final = 1"
	if err := db.Exec(ctx, q, args...); err != nil {
		return fmt.Errorf("store: rollup: build %d: %w", month, err)
	}
	if err := db.Insert(ctx, "calls_rollup_builds", rollupBuildColumns,
		[][]any{{month, build, stamp, time.Now().UTC()}}); err != nil {
		return fmt.Errorf("store: rollup: record build %d: %w", month, err)
	}
	return nil
}

// rollupBuildColumns are the columns of a calls_rollup_builds record, in
// order.
var rollupBuildColumns = []string{"month", "build", "stamp", "built_at"}

// monthNames lists the names a name array column of calls holds in month.
func monthNames(ctx context.Context, db DB, col string, month uint32) ([]string, error) {
	rows, err := db.Query(ctx, "SELECT arrayJoin(groupUniqArrayArray("+col+")) FROM calls WHERE toYYYYMM(started_at) = ?", month)
	if err != nil {
		return nil, fmt.Errorf("store: rollup: %s of %d: %w", col, month, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("store: rollup: %s of %d: %w", col, month, err)
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out, rows.Err()
}

// dropOldRollups drops the builds no report reads any more: every build of
// a month but the one a report would choose now (RollupState), once that
// one has been there for rollupGrace (a report that chose an older build a
// moment before it came still finds its rows); the builds of a month that
// has no calls now, after the grace; and an unfinished build (no row in
// calls_rollup_builds) older than an hour. A month whose calls changed
// since its last build keeps its builds until the next one.
func dropOldRollups(ctx context.Context, db DB) (int, error) {
	current, err := RollupState(ctx, db)
	if err != nil {
		return 0, err
	}
	chosen := map[string]bool{}
	months := map[uint32]string{} // month -> its current build
	for _, m := range current {
		months[m.Month] = m.Build
		chosen[m.Build] = true
	}
	type build struct {
		month uint32
		at    time.Time
	}
	registry := map[string]build{}
	rows, err := db.Query(ctx, "SELECT month, build, built_at FROM calls_rollup_builds")
	if err != nil {
		return 0, fmt.Errorf("store: rollup: builds: %w", err)
	}
	for rows.Next() {
		var id string
		var b build
		if err := rows.Scan(&b.month, &id, &b.at); err != nil {
			rows.Close()
			return 0, fmt.Errorf("store: rollup: builds: %w", err)
		}
		registry[id] = b
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("store: rollup: builds: %w", err)
	}
	// The partitions of calls_rollup, (month, build), from system.parts:
	// its partition text is the tuple, e.g. (202611,'202611-0a1b...').
	rows, err = db.Query(ctx, "SELECT partition_id, partition, toUInt32(greatest(now() - max(modification_time), 0))"+
		" FROM system.parts WHERE database = currentDatabase() AND table = 'calls_rollup' AND active GROUP BY partition_id, partition")
	if err != nil {
		return 0, fmt.Errorf("store: rollup: partitions: %w", err)
	}
	now := time.Now()
	var drop, forget []string
	for rows.Next() {
		var pid, tuple string
		var age uint32
		if err := rows.Scan(&pid, &tuple, &age); err != nil {
			rows.Close()
			return 0, fmt.Errorf("store: rollup: partitions: %w", err)
		}
		m := partitionRe.FindStringSubmatch(tuple)
		if m == nil {
			continue // not a partition this code made
		}
		month64, _ := strconv.ParseUint(m[1], 10, 32)
		month, id := uint32(month64), m[2]
		b, registered := registry[id]
		cur, hasCalls := months[month]
		switch {
		case chosen[id]:
			continue
		case !registered:
			if time.Duration(age)*time.Second < time.Hour {
				continue
			}
		case !hasCalls:
			if now.Sub(b.at) < rollupGrace {
				continue
			}
		case cur == "":
			continue // changed since its last build: wait for the next one
		default:
			// replaced by cur, which came after every reader of this one
			if now.Sub(registry[cur].at) < rollupGrace {
				continue
			}
		}
		drop = append(drop, pid)
		if registered {
			forget = append(forget, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("store: rollup: partitions: %w", err)
	}
	for _, pid := range drop {
		if err := db.Exec(ctx, "ALTER TABLE calls_rollup DROP PARTITION ID ?", pid); err != nil {
			return 0, fmt.Errorf("store: rollup: drop old build: %w", err)
		}
	}
	if len(forget) > 0 {
		if err := db.Exec(ctx, "ALTER TABLE calls_rollup_builds DELETE WHERE has(?, build)", forget); err != nil {
			return len(drop), fmt.Errorf("store: rollup: forget old builds: %w", err)
		}
	}
	return len(drop), nil
}
