package api_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/http/httptrace"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/callscope/callscope/internal/api"
	"github.com/callscope/callscope/internal/objstore"
	"github.com/callscope/callscope/internal/testenv"
	"github.com/callscope/callscope/internal/users"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/store"
)

// The API benchmarks run over a `callscope bench generate` archive (set
// CALLSCOPE_BENCH_DIR to its data directory; a copy, since one chDB
// process owns a directory) or, without it, 100 000 generated calls:
//
//	CALLSCOPE_BENCH_DIR=/tmp/b10m go test ./internal/api -run '^$' -bench . -benchtime 20x
//
// CALLSCOPE_BENCH_BACKEND=clickhouse uses the ClickHouse server (with the
// 100 000 generated calls) instead of the embedded engine, which runs one
// query at a time. The server is a real loopback HTTP server; recordings
// (5-minute two-channel 8 kHz mu-law, converted to PCM16 on the way out)
// are in MinIO.

type benchEnv struct {
	db     store.DB
	srv    *httptest.Server
	client *http.Client
	ids    []string
}

const benchRecordings = 24

func benchSetup(b *testing.B) *benchEnv {
	testenv.SkipIfShort(b)
	e, err := newBenchEnv(b)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	return e
}

func newBenchEnv(b *testing.B) (*benchEnv, error) {
	ctx := context.Background()
	var dsn string
	if os.Getenv("CALLSCOPE_BENCH_BACKEND") == "clickhouse" {
		dsn = testenv.ClickHouse(b) // the server: queries run in parallel
	} else {
		dsn = testenv.ChDB(b) // the embedded engine runs one query at a time
	}
	if dir := os.Getenv("CALLSCOPE_BENCH_DIR"); dir != "" {
		abs, err := filepath.Abs(filepath.Join(dir, "clickhouse"))
		if err != nil {
			return nil, err
		}
		dsn = "chdb://" + abs
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	b.Cleanup(func() { db.Close() })
	if err := store.Migrate(ctx, db); err != nil {
		return nil, err
	}
	if os.Getenv("CALLSCOPE_BENCH_DIR") == "" {
		if _, err := store.Generate(ctx, db, store.GenerateConfig{Calls: 100000, Seed: 1,
			End: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC), Days: 365, Segments: true}); err != nil {
			return nil, err
		}
	}
	minio := testenv.MinIO(b, testenv.MinIOOptions{})
	objs, err := objstore.New(objstore.Config{Endpoint: minio.Endpoint, AccessKey: minio.AccessKey, SecretKey: minio.SecretKey, Region: "us-east-1"})
	if err != nil {
		return nil, err
	}
	for _, bk := range []string{"calls", "callscope-transcripts"} {
		if err := objs.EnsureBucket(ctx, bk); err != nil {
			return nil, err
		}
	}
	list, err := report.Calls(ctx, db, report.CallsRequest{Limit: benchRecordings, Sort: "-started_at"})
	if err != nil {
		return nil, err
	}
	e := &benchEnv{db: db}
	rec := muLawWAV(8000 * 300)
	for _, c := range list.Calls {
		d, err := report.ShowCall(ctx, db, c.CallID, nil)
		if err != nil {
			return nil, err
		}
		if _, err := objs.Put(ctx, "calls", d.ObjectKey, rec, "audio/wav", nil); err != nil {
			return nil, err
		}
		e.ids = append(e.ids, c.CallID)
	}
	uf, err := users.Open(filepath.Join(b.TempDir(), "users.yaml"), users.Params{})
	if err != nil {
		return nil, err
	}
	if err := uf.Add(users.User{Name: "bench", Role: users.Manager, Listen: true}, pw); err != nil {
		return nil, err
	}
	s := api.New(api.Config{DB: db, Objects: objs, Users: uf})
	e.srv = httptest.NewServer(s.Handler())
	b.Cleanup(func() { e.srv.Close(); s.Close() })
	jar, _ := cookiejar.New(nil)
	e.client = &http.Client{Jar: jar, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	resp, err := e.client.Post(e.srv.URL+"/api/v1/login", "application/json", strings.NewReader(`{"user":"bench","password":"`+pw+`"}`))
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		return nil, fmt.Errorf("login: %d", resp.StatusCode)
	}
	return e, nil
}

func (e *benchEnv) get(b *testing.B, path string) []byte {
	resp, err := e.client.Get(e.srv.URL + path)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		b.Fatalf("GET %s: %d %s", path, resp.StatusCode, body)
	}
	return body
}

// benchReportDef is the report of BenchmarkReport*: operators by month
// over a year, with the default measures.
var benchReportDef = report.Definition{By: []string{"operator", "month"}, From: "2025-12-01", To: "2026-11-30"}

const benchReportQuery = "/api/v1/report?by=operator,month&from=2025-12-01&to=2026-11-30"

// reportUseCase is what `callscope report --format json` runs once its
// database is open: report.Run of benchReportDef and the JSON writer; it
// returns the JSON.
func reportUseCase(b *testing.B, db store.Querier) []byte {
	res, err := report.Run(context.Background(), db, benchReportDef, time.Now())
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := res.Write(&buf, report.FormatJSON); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkReportUseCase is the report without the HTTP server
// (reportUseCase).
func BenchmarkReportUseCase(b *testing.B) {
	e := benchSetup(b)
	for i := 0; i < b.N; i++ {
		reportUseCase(b, e.db)
	}
}

// BenchmarkReportEndpoint is the same report through GET /api/v1/report.
func BenchmarkReportEndpoint(b *testing.B) {
	e := benchSetup(b)
	for i := 0; i < b.N; i++ {
		e.get(b, benchReportQuery)
	}
}

// BenchmarkCallJSON is GET /api/v1/calls/{id} (show plus timeline).
func BenchmarkCallJSON(b *testing.B) {
	e := benchSetup(b)
	defer reportCPU(b, testenv.ProcessCPU())
	for i := 0; i < b.N; i++ {
		e.get(b, "/api/v1/calls/"+e.ids[i%len(e.ids)])
	}
}

// reportCPU reports the process's CPU time per operation since start (the
// engine's threads and the loopback server included): unlike wall time it
// does not grow with a shared machine's load.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64((testenv.ProcessCPU()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkAudioFirstByte is the time to the first byte of a call's audio
// (a 5-minute mu-law recording converted to PCM16). Each request takes the
// next of 24 recordings, more than the 64 MiB cache holds, so most are
// read from storage and converted.
func BenchmarkAudioFirstByte(b *testing.B) {
	e := benchSetup(b)
	defer reportCPU(b, testenv.ProcessCPU())
	var total time.Duration
	for i := 0; i < b.N; i++ {
		req, _ := http.NewRequest("GET", e.srv.URL+"/api/v1/calls/"+e.ids[i%len(e.ids)]+"/audio", nil)
		var start time.Time
		var first time.Duration
		req = req.WithContext(httptrace.WithClientTrace(req.Context(), &httptrace.ClientTrace{
			GotFirstResponseByte: func() { first = time.Since(start) },
		}))
		req.Header.Set("Range", "bytes=0-65535")
		start = time.Now()
		resp, err := e.client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 206 {
			b.Fatalf("audio: %d", resp.StatusCode)
		}
		total += first
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms-first-byte")
}

// clientPaths are the requests of Benchmark50Clients: the endpoints a
// call-list page uses (a page of calls, one call, a filtered list, the
// current user).
func (e *benchEnv) clientPaths() []string {
	return []string{
		"/api/v1/calls?limit=50&sort=-started_at",
		"/api/v1/calls/" + e.ids[0],
		"/api/v1/calls?limit=50&filter=" + "has%20complaint%20and%20duration%20%3E%202m",
		"/api/v1/me",
	}
}

// BenchmarkClientPaths times each request of Benchmark50Clients alone, one
// after the other: what one client waits when nobody else queries.
func BenchmarkClientPaths(b *testing.B) {
	e := benchSetup(b)
	paths := e.clientPaths()
	spent := make([]time.Duration, len(paths))
	for i := 0; i < b.N; i++ {
		for j, p := range paths {
			start := time.Now()
			e.get(b, p)
			spent[j] += time.Since(start)
		}
	}
	for j, name := range []string{"list", "call", "filtered", "me"} {
		b.ReportMetric(float64(spent[j].Microseconds())/1000/float64(b.N), "ms-"+name)
	}
}

// Benchmark50Clients runs 50 concurrent clients, each looping over the
// endpoints a call-list page uses (clientPaths), and reports the latency
// percentiles; any error fails. Every client asks the same requests (a
// start page everybody opens), so the embedded engine's queue runs a query
// that several clients wait for once (store: chdbDB).
func Benchmark50Clients(b *testing.B) {
	e := benchSetup(b)
	paths := e.clientPaths()
	run50Clients(b, e, func(int) []string { return paths })
}

// Benchmark50ClientsOwnFilters is Benchmark50Clients with every client
// asking its own requests: its own filter on both lists, its own call.
// Nothing is shared but the user's session.
func Benchmark50ClientsOwnFilters(b *testing.B) {
	e := benchSetup(b)
	run50Clients(b, e, func(c int) []string {
		return []string{
			fmt.Sprintf("/api/v1/calls?limit=50&sort=-started_at&filter=duration%%20%%3E%%20%ds", 10+c),
			"/api/v1/calls/" + e.ids[c%len(e.ids)],
			fmt.Sprintf("/api/v1/calls?limit=50&filter=has%%20complaint%%20and%%20duration%%20%%3E%%20%ds", 120+c),
			"/api/v1/me",
		}
	})
}

func run50Clients(b *testing.B, e *benchEnv, clientPaths func(c int) []string) {
	var mu sync.Mutex
	var lat []time.Duration
	b.ResetTimer()
	var wg sync.WaitGroup
	cpu := testenv.ProcessCPU()
	per := max(b.N, 50) / 50
	errs := make(chan error, 50)
	for c := 0; c < 50; c++ {
		wg.Add(1)
		paths := clientPaths(c)
		go func() {
			defer wg.Done()
			for i := 0; i < per; i++ {
				p := paths[(c+i)%len(paths)]
				start := time.Now()
				resp, err := e.client.Get(e.srv.URL + p)
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						err = fmt.Errorf("GET %s: %d", p, resp.StatusCode)
					}
				}
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				lat = append(lat, time.Since(start))
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	cpu = testenv.ProcessCPU() - cpu
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.5), "ms-p50")
	b.ReportMetric(pct(0.95), "ms-p95")
	b.ReportMetric(float64(len(lat)), "requests")
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(lat)), "cpu-ms/request")
}

// BenchmarkShowUseCase is what `callscope show --format json` runs once
// its database is open, for comparison with BenchmarkCallJSON.
func BenchmarkShowUseCase(b *testing.B) {
	e := benchSetup(b)
	defer reportCPU(b, testenv.ProcessCPU())
	for i := 0; i < b.N; i++ {
		if _, err := report.Show(context.Background(), e.db, e.ids[i%len(e.ids)], ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReportPair alternates the use case and the endpoint in one loop,
// so that a shared machine's load falls on both alike, and reports each
// one's mean and the endpoint's overhead.
func BenchmarkReportPair(b *testing.B) {
	e := benchSetup(b)
	var direct, endpoint, directCPU, endpointCPU time.Duration
	for i := 0; i < b.N; i++ {
		start, cpu := time.Now(), testenv.ProcessCPU()
		useCase := reportUseCase(b, e.db)
		direct += time.Since(start)
		directCPU += testenv.ProcessCPU() - cpu
		start, cpu = time.Now(), testenv.ProcessCPU()
		body := e.get(b, benchReportQuery)
		endpoint += time.Since(start)
		endpointCPU += testenv.ProcessCPU() - cpu
		// Not compared byte for byte: over millions of rows ClickHouse's
		// parallel float sums differ in the last digits from run to run
		// (TestAPI compares them on its fixed data).
		if len(body) == 0 || bytes.Count(body, []byte(`"keys"`)) != bytes.Count(useCase, []byte(`"keys"`)) {
			b.Fatal("the endpoint's report has other rows than the use case's")
		}
	}
	b.ReportMetric(float64(direct.Milliseconds())/float64(b.N), "ms-use-case")
	b.ReportMetric(float64(endpoint.Milliseconds())/float64(b.N), "ms-endpoint")
	b.ReportMetric(100*(float64(endpoint)/float64(direct)-1), "%-overhead")
	// CPU time (the process's, the engine's threads included) does not
	// grow with a shared machine's load as wall time does.
	b.ReportMetric(float64(directCPU.Milliseconds())/float64(b.N), "cpu-ms-use-case")
	b.ReportMetric(float64(endpointCPU.Milliseconds())/float64(b.N), "cpu-ms-endpoint")
}
