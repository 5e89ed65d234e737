package schemas

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
)

// fill sets every field of v (a pointer) to a value that is not zero,
// through reflection, so that a field the binary codec forgets comes back
// zero and the comparison fails. Slices and maps get one to three
// elements; strings mix ASCII, Cyrillic and an empty one now and then.
func fill(t *testing.T, r *rand.Rand, v reflect.Value, path string) {
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(t, r, v.Elem(), path)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Unix(r.Int64N(4e9), r.Int64N(1e9)).UTC()))
			return
		}
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() {
				t.Fatalf("%s.%s: unexported field in a contract type", path, f.Name)
			}
			fill(t, r, v.Field(i), path+"."+f.Name)
		}
	case reflect.String:
		words := []string{"call-1", "жалоба", "calls/2026/a.wav", "x y", "ёлка \"в\" кавычках\n"}
		v.SetString(words[r.IntN(len(words))])
	case reflect.Int, reflect.Int64:
		v.SetInt(r.Int64N(2000) - 1000 + 1e6*int64(r.IntN(2)))
	case reflect.Float64:
		v.SetFloat((r.Float64() - 0.3) * 1e3)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		n := 1 + r.IntN(3)
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			fill(t, r, s.Index(i), path+"[]")
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for range 1 + r.IntN(3) {
			k := reflect.New(v.Type().Key()).Elem()
			fill(t, r, k, path+"{key}")
			e := reflect.New(v.Type().Elem()).Elem()
			fill(t, r, e, path+"{}")
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	default:
		t.Fatalf("%s: kind %s is not handled by the test (nor, probably, by the binary codec)", path, v.Kind())
	}
}

// viaJSON is job as the store stage would decode it from JSON.
func viaJSON(t *testing.T, job StoreJob) StoreJob {
	t.Helper()
	data, err := json.Marshal(job)
	if err != nil {
		t.Fatal(err)
	}
	var out StoreJob
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestStoreJobCodec: a store job in the binary form decodes to exactly the
// value its JSON decodes to, for jobs with every field set (a field added
// to the contract types and not to the codec fails here), with nil and
// empty slices and maps, zero times, zones and bytes that are not UTF-8.
func TestStoreJobCodec(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var jobs []StoreJob
	for range 200 {
		var job StoreJob
		fill(t, r, reflect.ValueOf(&job).Elem(), "StoreJob")
		switch r.IntN(3) {
		case 0:
			job.Status = nil
		case 1:
			job.Analysis = nil
		}
		jobs = append(jobs, job)
	}
	msk := time.FixedZone("MSK", 3*3600)
	one := 1.5
	zero := 0
	jobs = append(jobs,
		StoreJob{},
		StoreJob{Analysis: &Analysis{}},
		StoreJob{Status: &Status{}},
		StoreJob{Analysis: &Analysis{CallID: "c", AnalyzedAt: time.Date(2026, 11, 20, 23, 59, 59, 999999999, msk),
			Meta:       Metadata{StartedAt: time.Date(1969, 12, 31, 23, 0, 0, 1, time.UTC), Transfers: &zero, Holds: []Interval{}, Tags: map[string]string{}},
			Categories: map[string]int{}, Hits: []Hit{}, Parameters: map[string]float64{"a": 0, "b": -0.0},
			Score:    &Score{Criteria: []CriterionResult{}},
			Segments: []IndexedSegment{{Terms: nil}, {Terms: []string{}}, {Terms: []string{"", ""}}},
			Metrics:  Metrics{OperatorTalk: &one}}},
		StoreJob{Analysis: &Analysis{Score: &Score{Criteria: nil}, Segments: []IndexedSegment{{Text: "при\xd0вет \xff", Terms: []string{"\xfe"}}}}},
		StoreJob{Status: &Status{Error: "bad \xff byte\x00", At: time.Date(2026, 1, 2, 3, 4, 5, 6, time.FixedZone("", -5*3600-1800))}},
	)
	for i, job := range jobs {
		body := EncodeStoreJob(job)
		if !IsBinaryStoreJob(body) {
			t.Fatalf("job %d: body does not start with the magic", i)
		}
		got, err := DecodeStoreJob(body)
		if err != nil {
			t.Fatalf("job %d: %v", i, err)
		}
		want := viaJSON(t, job)
		if !reflect.DeepEqual(got, want) {
			gj, _ := json.Marshal(got)
			wj, _ := json.Marshal(want)
			t.Fatalf("job %d: binary decodes to\n%s\nJSON to\n%s\n(%+v / %+v)", i, gj, wj, got, want)
		}
		// Every shorter body is refused, never a panic or a wrong value.
		for _, cut := range []int{len(body) - 1, len(body) / 2, len(storeJobMagic) + 1, len(storeJobMagic)} {
			if cut < len(storeJobMagic) || cut >= len(body) {
				continue
			}
			if _, err := DecodeStoreJob(body[:cut]); !errors.Is(err, ErrBadStoreJob) {
				t.Fatalf("job %d cut to %d of %d bytes: error %v, want ErrBadStoreJob", i, cut, len(body), err)
			}
		}
		if _, err := DecodeStoreJob(append(body, 0)); !errors.Is(err, ErrBadStoreJob) {
			t.Fatalf("job %d with a trailing byte: error %v, want ErrBadStoreJob", i, err)
		}
	}
	// Bodies that cannot be read: only a newer layout is ErrNewerLayout
	// (the store stage hands it back for a newer worker); the others are
	// broken for every worker (it drops them).
	withVersion := func(v byte, rest ...byte) []byte {
		b := append(append([]byte{}, storeJobMagic...), rest...)
		b[len(storeJobMagic)-1] = v
		return b
	}
	current := storeJobMagic[len(storeJobMagic)-1]
	refused := []struct {
		name  string
		body  []byte
		newer bool
	}{
		{"unknown part", withVersion(current, 4), false},
		{"truncated", withVersion(current, 1), false},
		{"newer layout", withVersion(current+1, 1), true},
		{"newest layout", withVersion(255), true},
		{"layout 0", withVersion(0, 1), false},
	}
	for _, tt := range refused {
		_, err := DecodeStoreJob(tt.body)
		if !errors.Is(err, ErrBadStoreJob) || errors.Is(err, ErrNewerLayout) != tt.newer {
			t.Errorf("%s: error %v, want ErrBadStoreJob, ErrNewerLayout %v", tt.name, err, tt.newer)
		}
		if v := tt.body[len(storeJobMagic)-1]; v != current && !strings.Contains(fmt.Sprint(err), fmt.Sprintf("layout version %d", v)) {
			t.Errorf("%s: error %v does not name layout version %d", tt.name, err, v)
		}
	}
	// JSON bodies still decode (published by older versions).
	data, _ := json.Marshal(jobs[0])
	if got, err := DecodeStoreJob(data); err != nil || !reflect.DeepEqual(got, viaJSON(t, jobs[0])) {
		t.Fatalf("JSON body: %v", err)
	}
}

// FuzzDecodeStoreJob: no body makes the decoder panic or allocate without
// bound, and what it decodes encodes again.
func FuzzDecodeStoreJob(f *testing.F) {
	f.Add(EncodeStoreJob(StoreJob{Status: &Status{ObjectKey: "k", At: time.Unix(1, 2)}}))
	f.Add(EncodeStoreJob(StoreJob{Analysis: &Analysis{CallID: "c", Segments: []IndexedSegment{{Terms: []string{"a"}}}}}))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !IsBinaryStoreJob(data) {
			return
		}
		job, err := DecodeStoreJob(data)
		if err == nil {
			// What decodes encodes back to a body that decodes.
			if _, err := DecodeStoreJob(EncodeStoreJob(job)); err != nil {
				t.Fatalf("re-encoded body: %v", err)
			}
		}
	})
}

func BenchmarkStoreJobCodec(b *testing.B) {
	a := complaintAnalysis(b)
	a.Parameters = map[string]float64{}
	for _, p := range []string{"talk_share", "hold_count", "first_response_time", "overtalk_total", "dead_air_longest", "speech_rate_operator"} {
		a.Parameters[p] = 1.0 / 3
	}
	job := StoreJob{Analysis: &a}
	js, _ := json.Marshal(job)
	bin := EncodeStoreJob(job)
	b.Logf("JSON %d bytes, binary %d bytes", len(js), len(bin))
	b.Run("encode-json", func(b *testing.B) {
		for b.Loop() {
			_, _ = json.Marshal(job)
		}
	})
	b.Run("encode-binary", func(b *testing.B) {
		for b.Loop() {
			_ = EncodeStoreJob(job)
		}
	})
	b.Run("decode-json", func(b *testing.B) {
		for b.Loop() {
			_, _ = DecodeStoreJob(js)
		}
	})
	b.Run("decode-binary", func(b *testing.B) {
		for b.Loop() {
			_, _ = DecodeStoreJob(bin)
		}
	})
}

// TestStoreJobCodecReadsVersion1: a body of layout 1 (published by a
// worker from before inputs were recorded: the same fields without the
// inputs at the end of the analysis and of the status) is still read, with
// no inputs; a version this code does not know is refused.
func TestStoreJobCodecReadsVersion1(t *testing.T) {
	at := time.Date(2026, 12, 6, 15, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		job  StoreJob
	}{
		{"status", StoreJob{Status: &Status{ObjectKey: "a.wav", ETag: "e", State: StateAnalysed, Attempts: 1, At: at}}},
		{"analysis", StoreJob{Analysis: &Analysis{CallID: "c", ObjectKey: "a.wav", ETag: "e", AnalyzedAt: at}}},
		{"both", StoreJob{Analysis: &Analysis{CallID: "c", ObjectKey: "a.wav"}, Status: &Status{ObjectKey: "a.wav", At: at}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The version-2 body of a job without inputs ends each part
			// with two empty strings (a zero byte each): a version-1 body
			// is that body without them.
			v2 := EncodeStoreJob(tt.job)
			var v1 []byte
			n := len(storeJobMagic)
			v1 = append(v1, storeJobMagic[:n-1]...)
			v1 = append(v1, 1)
			v1 = append(v1, v2[n])
			rest := v2[n+1:]
			if tt.job.Analysis != nil && tt.job.Status != nil {
				a := EncodeStoreJob(StoreJob{Analysis: tt.job.Analysis})[n+1:]
				v1 = append(v1, a[:len(a)-2]...)
				rest = rest[len(a):]
			}
			v1 = append(v1, rest[:len(rest)-2]...)
			if !IsBinaryStoreJob(v1) {
				t.Fatal("a version-1 body is not taken for a binary store job")
			}
			got, err := DecodeStoreJob(v1)
			if err != nil {
				t.Fatal(err)
			}
			if want := viaJSON(t, tt.job); !reflect.DeepEqual(got, want) {
				t.Errorf("version 1 decodes to %+v, want %+v", got, want)
			}
			v3 := append([]byte(nil), v2...)
			v3[n-1] = 3
			if IsBinaryStoreJob(v3) {
				t.Error("a version-3 body is taken for one this code reads")
			}
		})
	}
}
