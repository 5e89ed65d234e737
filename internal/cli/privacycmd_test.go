package cli

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/ingest"
	"github.com/callscope/callscope/internal/app"
	"github.com/callscope/callscope/internal/config"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// TestForgetAndRetentionCommands runs forget (dry run, then for real) and
// retention apply on the embedded default: a data directory with two
// clients' calls.
func TestForgetAndRetentionCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the embedded servers")
	}
	dir := t.TempDir()
	ctx := context.Background()
	cfg := config.Default()
	cfg.DataDir = dir
	env, err := app.StartEmbedded(ctx, &cfg, slog.Default())
	if err != nil {
		t.Fatal(err)
	}
	key := []byte(cfg.Privacy.ClientIDKey)
	started := time.Now().UTC().Add(-100 * 24 * time.Hour).Truncate(time.Second)
	var as []schemas.Analysis
	for i, client := range []string{"+79161234567", "89161234567", "+79035550000"} {
		id := []string{"c1", "c2", "c3"}[i]
		a := schemas.Analysis{CallID: id, ObjectKey: "in/" + id + ".wav", ETag: "e", Version: "v1", AnalyzedAt: started.Add(time.Hour),
			Meta:     schemas.Metadata{CallID: id, StartedAt: started.Add(time.Duration([]int{0, 80, 50}[i]) * 24 * time.Hour), Client: schemas.Client{IDHash: ingest.HashClientID(key, client)}},
			Metrics:  schemas.Metrics{Duration: 5, Channels: 2},
			Segments: analyze.IndexSegments(schemas.Transcript{Channels: []schemas.TranscriptChannel{{Role: "client", Segments: []schemas.Segment{{Start: 0, End: 1, Text: "алло"}}}}}, "ru")}
		as = append(as, a)
		for _, o := range [][2]string{{cfg.S3.Bucket, a.ObjectKey}, {cfg.S3.TranscriptsBucket, "in/" + id + ".transcript.json"}} {
			if _, err := env.Objects.Put(ctx, o[0], o[1], []byte("x"), "", nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := store.WriteAnalyses(ctx, env.DB, as); err != nil {
		t.Fatal(err)
	}
	env.Close()

	run := func(args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		cmd := NewRootCmd(&out, &errOut)
		cmd.SetArgs(append(args, "--data", dir))
		if err := cmd.ExecuteContext(ctx); err != nil {
			t.Fatalf("%v: %v (%s)", args, err, errOut.String())
		}
		return out.String()
	}
	out := run("forget", "--client", "+7 (916) 123-45-67", "--dry-run")
	for _, w := range []string{"would forget 2 calls", "c1", "c2", "s3://calls/in/c1.wav", "s3://callscope-transcripts/in/c2.transcript.json"} {
		if !strings.Contains(out, w) {
			t.Errorf("dry run output lacks %q:\n%s", w, out)
		}
	}
	if !strings.Contains(strings.Join(strings.Fields(out), " "), "calls 2 criteria 0 hits 0 segments 2") {
		t.Errorf("dry run rows:\n%s", out)
	}
	if strings.Contains(out, "c3") {
		t.Errorf("dry run lists the other client's call:\n%s", out)
	}
	out = run("forget", "--client", "89161234567")
	if !strings.Contains(out, "forgot 2 calls: 8 objects removed") {
		t.Errorf("forget output:\n%s", out)
	}
	if out = run("forget", "--client", "89161234567", "--dry-run"); !strings.Contains(out, "would forget 0 calls") {
		t.Errorf("after forget:\n%s", out)
	}
	t.Setenv("CALLSCOPE_PRIVACY_ANALYSES_DAYS", "30")
	out = run("retention", "apply", "--dry-run")
	if !strings.Contains(out, "calls: 1 rows older than 30 days would go") {
		t.Errorf("retention dry run:\n%s", out)
	}
	out = run("retention", "apply", "--ttl")
	if !strings.Contains(out, "calls: 1 rows older than 30 days removed") || !strings.Contains(out, "TTL set on") {
		t.Errorf("retention:\n%s", out)
	}
}

// TestForgetEmptyClient: an empty --client (a script's unset variable) is
// refused by name before any server starts.
func TestForgetEmptyClient(t *testing.T) {
	for _, client := range []string{"", "   "} {
		_, errOut, code := execute(t, "forget", "--client", client, "--dry-run", "--data", t.TempDir())
		if code == 0 || !strings.Contains(errOut, "--client is empty") {
			t.Errorf("forget --client %q: code %d, stderr %q; want an error naming --client", client, code, errOut)
		}
	}
}
