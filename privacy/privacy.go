// Package privacy erases personal data on request and by policy: `callscope
// forget --client PHONE` removes one client's calls everywhere (the
// recordings, sidecars and transcripts in object storage; the analyses,
// hits, criteria, transcript segments and search terms, statuses and
// first-contact record in ClickHouse), and `callscope retention apply`
// removes what is older than the retention policy. Both record what they
// did, in counts (table erasures), never the number; both can be run again
// after an interruption and finish the job.
//
// Redaction of transcripts, the other half of privacy, is
// transcribe/redact. docs/privacy.md is the user's guide.
package privacy

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/callscope/callscope/ingest"
	"github.com/callscope/callscope/internal/objstore"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// Objects is what erasure needs from object storage.
type Objects interface {
	Remove(ctx context.Context, bucket, key string) error
	List(ctx context.Context, bucket, prefix string) iter.Seq2[objstore.Info, error]
}

// Config names the buckets and the client-id key.
type Config struct {
	CallsBucket       string // s3.bucket: recordings, sidecars, imported transcripts
	TranscriptsBucket string // s3.transcripts_bucket
	// AudioBucket and RestrictedBucket hold the redacted copies and the
	// restricted originals (privacy.audio_bucket, privacy.restricted_bucket);
	// "" when not in use.
	AudioBucket, RestrictedBucket string
	// ClientIDKey is privacy.client_id_key, the key ingest hashes client
	// numbers with: forget finds a client by the same hash.
	ClientIDKey []byte
	// Progress, when set, is told each step (retention apply prints it).
	Progress func(step string)
}

// ErrNoKey means the client-id key is not configured: a number cannot be
// matched to the stored hashes.
var ErrNoKey = errors.New("privacy: privacy.client_id_key is not set (it is the key ingest hashed client numbers with)")

// ForgetReport is what forget removed, or would remove on a dry run.
type ForgetReport struct {
	DryRun  bool
	Calls   []store.StoredCall
	Objects []string          // s3://bucket/key
	Rows    map[string]uint64 // per table
}

// RowsTotal sums the rows of every table.
func (r ForgetReport) RowsTotal() uint64 {
	var n uint64
	for _, v := range r.Rows {
		n += v
	}
	return n
}

// objectsOf lists the objects a call has: the recording, its sidecar and
// imported transcript beside it, and the transcript the stage made.
func (c Config) objectsOf(calls []store.StoredCall) [][2]string {
	var out [][2]string
	for _, call := range calls {
		if call.ObjectKey == "" {
			continue
		}
		base := strings.TrimSuffix(call.ObjectKey, path.Ext(call.ObjectKey))
		out = append(out,
			[2]string{c.CallsBucket, call.ObjectKey},
			[2]string{c.CallsBucket, base + ".json"},
			[2]string{c.CallsBucket, base + schemas.TranscriptSuffix},
			[2]string{c.TranscriptsBucket, schemas.TranscriptKey(call.ObjectKey)})
		for _, b := range []string{c.AudioBucket, c.RestrictedBucket} {
			if b != "" {
				out = append(out, [2]string{b, call.ObjectKey})
			}
		}
	}
	return out
}

// Forget removes every call of the client whose id (a phone number, as
// ingest received it) is client: objects first, then rows, so an
// interrupted run leaves the calls findable and a second run finishes.
// With dryRun it only lists what would go.
func Forget(ctx context.Context, db store.DB, objs Objects, cfg Config, client string, dryRun bool) (ForgetReport, error) {
	if len(cfg.ClientIDKey) == 0 {
		return ForgetReport{}, ErrNoKey
	}
	if strings.TrimSpace(client) == "" {
		return ForgetReport{}, fmt.Errorf("privacy: forget: no client given")
	}
	hashes := ClientHashes(cfg.ClientIDKey, client)
	calls, err := store.ClientCalls(ctx, db, hashes)
	if err != nil {
		return ForgetReport{}, err
	}
	rep := ForgetReport{DryRun: dryRun, Calls: calls}
	for _, o := range cfg.objectsOf(calls) {
		rep.Objects = append(rep.Objects, "s3://"+o[0]+"/"+o[1])
	}
	if rep.Rows, err = store.CountCallRows(ctx, db, calls); err != nil {
		return rep, err
	}
	if dryRun {
		return rep, nil
	}
	for _, o := range cfg.objectsOf(calls) {
		if err := objs.Remove(ctx, o[0], o[1]); err != nil {
			return rep, fmt.Errorf("privacy: forget: %w", err)
		}
	}
	if rep.Rows, err = store.DeleteCalls(ctx, db, calls); err != nil {
		return rep, err
	}
	if err := store.DeleteFirstContact(ctx, db, hashes); err != nil {
		return rep, err
	}
	err = store.RecordErasure(ctx, db, store.Erasure{At: time.Now(), Kind: "forget", Calls: len(calls),
		Rows: rep.RowsTotal(), Objects: len(rep.Objects), Note: "a client's calls, on request"})
	return rep, err
}

// ClientHashes are the hashes a client's calls can be stored under: the
// number as given (ingest.HashClientID), and for a Russian number each of
// its usual spellings (8 916..., +7 916..., 916...), since a PBX may have
// sent any of them.
func ClientHashes(key []byte, client string) []string {
	out := []string{ingest.HashClientID(key, client)}
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, client)
	var local string
	switch {
	case len(digits) == 11 && (digits[0] == '7' || digits[0] == '8'):
		local = digits[1:]
	case len(digits) == 10:
		local = digits
	}
	if local != "" && strings.Trim(client, "+-() 0123456789") == "" {
		for _, v := range []string{"7" + local, "8" + local, local} {
			if h := ingest.HashClientID(key, v); !slices.Contains(out, h) {
				out = append(out, h)
			}
		}
	}
	return out
}

// Policy is how long each kind of data is kept, in days; 0 keeps it.
type Policy struct {
	RecordingsDays  int // recordings and sidecars in the calls bucket
	TranscriptsDays int // transcripts (both buckets) and the segments and search terms in ClickHouse
	AnalysesDays    int // analyses: calls, hits, criteria, statuses, first contacts
	// AuditDays is the audit trail's (table audit): who looked at or
	// listened to which call. 0, the default, keeps it: it is the record
	// of access that data-protection rules usually ask to keep.
	AuditDays int
}

// RetentionReport is what a retention run removed, or would remove.
type RetentionReport struct {
	DryRun  bool
	Objects map[string]int    // per bucket
	Rows    map[string]uint64 // per table
	TTL     []string          // tables given a TTL
}

// ApplyRetention removes what is older than the policy at now: objects by
// their last-modified time, rows by the call's start (statuses by their
// time). Every step is idempotent, so an interrupted run is finished by
// running it again. Where the server has TTL (ClickHouse 19.6+, chDB),
// setTTL also sets the tables' TTL so that the server keeps enforcing the
// policy between runs.
func ApplyRetention(ctx context.Context, db store.DB, objs Objects, cfg Config, p Policy, now time.Time, dryRun, setTTL bool) (RetentionReport, error) {
	rep := RetentionReport{DryRun: dryRun, Objects: map[string]int{}, Rows: map[string]uint64{}}
	progress := cfg.Progress
	if progress == nil {
		progress = func(string) {}
	}
	r := retentionRun{db: db, objs: objs, cfg: cfg, p: p, now: now, dryRun: dryRun, progress: progress, rep: &rep}
	if err := r.removeObjects(ctx); err != nil {
		return rep, err
	}
	if err := r.deleteRows(ctx); err != nil {
		return rep, err
	}
	if setTTL && !dryRun {
		if err := r.setTTLs(ctx); err != nil {
			return rep, err
		}
	}
	if !dryRun {
		if err := r.recordErasure(ctx); err != nil {
			return rep, err
		}
	}
	return rep, nil
}

// retentionRun is one ApplyRetention: its steps fill in rep as they go, so
// a step that fails leaves what the earlier ones did in the report.
type retentionRun struct {
	db       store.DB
	objs     Objects
	cfg      Config
	p        Policy
	now      time.Time
	dryRun   bool
	progress func(string)
	rep      *RetentionReport
}

// cut is the time before which what is kept for days goes.
func (r *retentionRun) cut(days int) time.Time {
	return r.now.Add(-time.Duration(days) * 24 * time.Hour)
}

// removeObjects removes the recordings and transcripts older than the
// policy from every bucket that holds them, by last-modified time.
func (r *retentionRun) removeObjects(ctx context.Context) error {
	cfg, p := r.cfg, r.p
	type sweep struct {
		bucket string
		days   int
		match  func(key string) bool
	}
	var sweeps []sweep
	if p.RecordingsDays > 0 {
		sweeps = append(sweeps, sweep{cfg.CallsBucket, p.RecordingsDays, func(k string) bool { return !strings.HasSuffix(k, schemas.TranscriptSuffix) }})
		for _, b := range []string{cfg.AudioBucket, cfg.RestrictedBucket} {
			if b != "" {
				sweeps = append(sweeps, sweep{b, p.RecordingsDays, func(string) bool { return true }})
			}
		}
	}
	if p.TranscriptsDays > 0 {
		sweeps = append(sweeps, sweep{cfg.CallsBucket, p.TranscriptsDays, func(k string) bool { return strings.HasSuffix(k, schemas.TranscriptSuffix) }},
			sweep{cfg.TranscriptsBucket, p.TranscriptsDays, func(string) bool { return true }})
	}
	for _, s := range sweeps {
		before := r.cut(s.days)
		var keys []string
		for info, err := range r.objs.List(ctx, s.bucket, "") {
			if err != nil {
				return fmt.Errorf("privacy: retention: list %s: %w", s.bucket, err)
			}
			if info.LastModified.Before(before) && s.match(info.Key) {
				keys = append(keys, info.Key)
			}
		}
		sort.Strings(keys)
		for i, k := range keys {
			if !r.dryRun {
				if err := r.objs.Remove(ctx, s.bucket, k); err != nil {
					return fmt.Errorf("privacy: retention: %w", err)
				}
			}
			r.rep.Objects[s.bucket]++
			if (i+1)%1000 == 0 {
				r.progress(fmt.Sprintf("%s: %d of %d objects older than %d days", s.bucket, i+1, len(keys), s.days))
			}
		}
		r.progress(fmt.Sprintf("%s: %d objects older than %d days %s", s.bucket, len(keys), s.days, verb(r.dryRun)))
	}
	return nil
}

// deleteRows deletes the ClickHouse rows older than the policy: by the
// call's start, statuses and the audit trail by their time.
func (r *retentionRun) deleteRows(ctx context.Context) error {
	p := r.p
	type rowsStep struct {
		table, col string
		days       int
	}
	var steps []rowsStep
	if p.TranscriptsDays > 0 {
		steps = append(steps, rowsStep{"segments", "started_at", p.TranscriptsDays})
	}
	if p.AnalysesDays > 0 {
		steps = append(steps, rowsStep{"calls", "started_at", p.AnalysesDays}, rowsStep{"hits", "started_at", p.AnalysesDays},
			rowsStep{"criteria", "started_at", p.AnalysesDays}, rowsStep{"segments", "started_at", p.AnalysesDays},
			rowsStep{"call_status", "at", p.AnalysesDays}, rowsStep{"first_contacts", "", p.AnalysesDays})
	}
	if p.AuditDays > 0 {
		steps = append(steps, rowsStep{"audit", "at", p.AuditDays})
	}
	for _, s := range steps {
		var n uint64
		var err error
		if s.table == "first_contacts" {
			// After the calls: the clients' first calls among those kept
			// are recorded again.
			n, err = store.PruneFirstContacts(ctx, r.db, r.cut(s.days), r.dryRun)
		} else {
			n, err = store.DeleteOlder(ctx, r.db, s.table, s.col, r.cut(s.days), r.dryRun)
		}
		if err != nil {
			return err
		}
		r.rep.Rows[s.table] += n
		r.progress(fmt.Sprintf("%s: %d rows older than %d days %s", s.table, n, s.days, verb(r.dryRun)))
	}
	return nil
}

// setTTLs gives the tables a TTL of the policy where the server has TTL,
// so that it keeps enforcing the policy between runs.
func (r *retentionRun) setTTLs(ctx context.Context) error {
	p := r.p
	// first_contacts has none: a TTL would drop a client's record
	// without recording their first call among those kept (retention
	// apply does both).
	type ttl struct {
		col  string
		days int
	}
	ttls := map[string]ttl{}
	if p.AnalysesDays > 0 {
		for _, t := range []string{"calls", "hits", "criteria"} {
			ttls[t] = ttl{"started_at", p.AnalysesDays}
		}
		ttls["call_status"] = ttl{"at", p.AnalysesDays}
	}
	if d := min(nonzero(p.TranscriptsDays), nonzero(p.AnalysesDays)); d > 0 && d < 1<<30 {
		ttls["segments"] = ttl{"started_at", d}
	}
	if p.AuditDays > 0 {
		ttls["audit"] = ttl{"at", p.AuditDays}
	}
	tables := make([]string, 0, len(ttls))
	for t := range ttls {
		tables = append(tables, t)
	}
	sort.Strings(tables)
	for _, t := range tables {
		ok, err := store.SetTTL(ctx, r.db, t, ttls[t].col, ttls[t].days)
		if err != nil {
			return err
		}
		if ok {
			r.rep.TTL = append(r.rep.TTL, t)
			r.progress(fmt.Sprintf("%s: TTL %s + %d days", t, ttls[t].col, ttls[t].days))
		} else {
			r.progress(fmt.Sprintf("%s: the server has no TTL (ClickHouse 19.6+): run retention apply regularly", t))
		}
	}
	return nil
}

// recordErasure records the run's counts in erasures (never what was
// removed).
func (r *retentionRun) recordErasure(ctx context.Context) error {
	var rows uint64
	objects := 0
	for _, n := range r.rep.Rows {
		rows += n
	}
	for _, n := range r.rep.Objects {
		objects += n
	}
	p := r.p
	return store.RecordErasure(ctx, r.db, store.Erasure{At: time.Now(), Kind: "retention", Rows: rows, Objects: objects,
		Note: fmt.Sprintf("recordings %d d, transcripts %d d, analyses %d d, audit %d d", p.RecordingsDays, p.TranscriptsDays, p.AnalysesDays, p.AuditDays)})
}

func nonzero(d int) int {
	if d <= 0 {
		return 1 << 30
	}
	return d
}

func verb(dryRun bool) string {
	if dryRun {
		return "would go (dry run)"
	}
	return "removed"
}
