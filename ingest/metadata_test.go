package ingest

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/callscope/callscope/schemas"
)

func TestParseMetadata(t *testing.T) {
	doc := `{
  "call_id": "2026-11-20-000123",
  "started_at": "2026-11-20T10:15:00+03:00",
  "direction": "inbound",
  "language": "RU",
  "operator": {"id": "op-17", "name": "Анна Петрова", "department": "Поддержка"},
  "client": {"id": "+79000000000"},
  "queue": "internet",
  "wait_seconds": 42,
  "holds": [{"start": 60.0, "end": 95.0}],
  "transfers": 1,
  "csat": {"score": 4, "scale": 5},
  "channels": {"left": "client", "right": "operator"},
  "tags": {"tariff": "home-100", "priority": 2},
  "crm_ticket": "T-1"
}`
	m, err := ParseMetadata([]byte(doc), "s3://calls/a.json")
	if err != nil {
		t.Fatal(err)
	}
	if m.CallID != "2026-11-20-000123" || m.Language != "ru" || m.Operator.Name != "Анна Петрова" || m.Queue != "internet" {
		t.Errorf("fields: %+v", m)
	}
	if want := time.Date(2026, 11, 20, 7, 15, 0, 0, time.UTC); !m.StartedAt.Equal(want) {
		t.Errorf("started_at = %v, want %v", m.StartedAt, want)
	}
	if m.WaitSeconds == nil || *m.WaitSeconds != 42 || m.Transfers == nil || *m.Transfers != 1 {
		t.Errorf("wait/transfers: %v %v", m.WaitSeconds, m.Transfers)
	}
	if m.CSAT == nil || m.CSAT.Score != 4 || len(m.Holds) != 1 || m.Holds[0].End != 95 {
		t.Errorf("csat/holds: %+v %+v", m.CSAT, m.Holds)
	}
	if m.Channels["left"] != "client" {
		t.Errorf("channels: %v", m.Channels)
	}
	if m.Tags["tariff"] != "home-100" || m.Tags["priority"] != "2" || m.Tags["crm_ticket"] != "T-1" {
		t.Errorf("tags keep unknown fields: %v", m.Tags)
	}
}

// TestParseMetadataByteOrderMark: a sidecar a Windows tool saved with a
// UTF-8 byte-order mark reads as the same sidecar without it.
func TestParseMetadataByteOrderMark(t *testing.T) {
	for _, doc := range []string{"\xef\xbb\xbf{\"queue\": \"internet\", \"wait_seconds\": 12}", "\xef\xbb\xbf\n  {\"queue\": \"internet\", \"wait_seconds\": 12}"} {
		m, err := ParseMetadata([]byte(doc), "x.json")
		if err != nil || m.Queue != "internet" || m.WaitSeconds == nil || *m.WaitSeconds != 12 {
			t.Errorf("%q: %+v %v; want queue internet, wait 12", doc, m, err)
		}
	}
}

func TestParseMetadataEmptyAndNull(t *testing.T) {
	m, err := ParseMetadata([]byte(`{"wait_seconds": null}`), "x.json")
	if err != nil || m.WaitSeconds != nil {
		t.Fatalf("null is unknown, not an error: %+v %v", m, err)
	}
}

// TestParseMetadataLanguage: codes with or without a region are kept (in
// lower case), an empty one is not given; a language's name is refused.
func TestParseMetadataLanguage(t *testing.T) {
	for _, tt := range []struct{ doc, want string }{
		{`{"language": "ru"}`, "ru"},
		{`{"language": "RU"}`, "ru"},
		{`{"language": "ru-RU"}`, "ru-ru"},
		{`{"language": "en_US"}`, "en_us"},
		{`{"language": "kaz"}`, "kaz"},
		{`{"language": "zh-Hant-TW"}`, "zh-hant-tw"},
		{`{"language": " "}`, ""},
	} {
		m, err := ParseMetadata([]byte(tt.doc), "x.json")
		if err != nil || m.Language != tt.want {
			t.Errorf("%s: language %q, %v; want %q", tt.doc, m.Language, err, tt.want)
		}
	}
}

func TestParseMetadataErrors(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"not json", `hello`, "not a JSON object: line 1, column 1"},
		{"syntax error line", "{\n \"call_id\": \"a\",\n}", "line 3"},
		{"array", `[1,2]`, "want a JSON object of fields, got a list"},
		{"string", `"op-11"`, "want a JSON object of fields, got a string"},
		{"wrong type", `{"wait_seconds": "long"}`, `field "wait_seconds": want a number, got a string`},
		{"negative wait", `{"wait_seconds": -3}`, `must not be negative`},
		{"bad time", `{"started_at": "yesterday"}`, `field "started_at": want an RFC 3339 time`},
		{"bad direction", `{"direction": "sideways"}`, `unknown value "sideways"`},
		{"operator type", `{"operator": "op-1"}`, `field "operator": want an object`},
		{"operator field type", `{"operator": {"id": 17}}`, `field "operator": id: want a string, got a number`},
		{"operator unknown field", `{"operator": {"id": "op-1", "phone": "x"}}`, `field "operator": unknown field "phone": want an object {id, name, department}`},
		{"csat score type", `{"csat": {"score": "five"}}`, `field "csat": score: want a number, got a string`},
		{"hold type", `{"holds": [{"start": "1:00", "end": 95}]}`, `field "holds": start: want a number, got a string`},
		{"tags type", `{"tags": ["a"]}`, `field "tags": want an object of strings, got a list`},
		{"language name", `{"language": "Russian"}`, `field "language": want a language code such as ru, en or ru-RU, got "russian"`},
		{"language type", `{"language": 7}`, `field "language": want a string, got a number`},
		{"language bad region", `{"language": "ru-"}`, `field "language": want a language code`},
		{"fractional transfers", `{"transfers": 1.5}`, `want a whole number`},
		{"csat out of scale", `{"csat": {"score": 7, "scale": 5}}`, `outside the scale`},
		{"bad channel role", `{"channels": {"left": "boss"}}`, `unknown role "boss"`},
		{"same roles", `{"channels": {"left": "client", "right": "client"}}`, `both "client"`},
		{"hold backwards", `{"holds": [{"start": 10, "end": 5}]}`, `hold 0`},
		{"control char id", "{\"call_id\": \"a\\u0000b\"}", `control character`},
		{"trailing", `{} {}`, `trailing data`},
		{"not utf8", "{\"queue\": \"\xff\"}", `not UTF-8`},
		{"utf-16 le", "\xff\xfe{\x00}\x00", `UTF-16 text: save it as UTF-8`},
		{"utf-16 be", "\xfe\xff\x00{\x00}", `UTF-16 text: save it as UTF-8`},
		{"a byte-order mark alone is still no object", "\xef\xbb\xbf", `not a JSON object`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseMetadata([]byte(tt.doc), "s3://calls/x.json")
			if err == nil {
				t.Fatalf("want error containing %q", tt.want)
			}
			if !errors.Is(err, ErrBadMetadata) {
				t.Errorf("error does not wrap ErrBadMetadata: %v", err)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "s3://calls/x.json") {
				t.Errorf("error %q should name the file and contain %q", err, tt.want)
			}
			// The reason is for the people who fix the uploader: JSON's
			// words, not Go's.
			for _, goWord := range []string{"Go value", "Go struct", "schemas.", "float64", "json.RawMessage"} {
				if strings.Contains(err.Error(), goWord) {
					t.Errorf("error %q says %q", err, goWord)
				}
			}
		})
	}
}

func TestMetadataFromUser(t *testing.T) {
	m, err := MetadataFromUser(map[string]string{
		"X-Amz-Meta-Call-Id": "c-1", "Operator-Id": "op-2", "Department": "Sales",
		"Wait-Seconds": "12.5", "Client-Id": "79001112233", "Csat": "3", "Csat-Scale": "3", "Campaign": "x",
	}, "s3://calls/a.wav")
	if err != nil {
		t.Fatal(err)
	}
	if m.CallID != "c-1" || m.Operator.ID != "op-2" || m.Operator.Department != "Sales" || *m.WaitSeconds != 12.5 ||
		m.Client.ID != "79001112233" || m.CSAT.Scale != 3 || m.Tags["campaign"] != "x" {
		t.Errorf("got %+v", m)
	}
	_, err = MetadataFromUser(map[string]string{"wait-seconds": "soon"}, "s3://calls/a.wav")
	if err == nil || !strings.Contains(err.Error(), "s3://calls/a.wav (user metadata)") {
		t.Errorf("bad user metadata error should name the object: %v", err)
	}
}

func TestHashClientID(t *testing.T) {
	key := []byte("k")
	a := HashClientID(key, "+7 (900) 000-00-00")
	if a != HashClientID(key, "79000000000") {
		t.Error("formatting of a phone number must not change its hash")
	}
	if a == HashClientID([]byte("other"), "79000000000") {
		t.Error("the hash must depend on the key")
	}
	if len(a) != 32 || strings.Contains(a, "900") {
		t.Errorf("hash %q", a)
	}
}

func TestKeys(t *testing.T) {
	if got := SidecarKey("2026/11/call-1.wav"); got != "2026/11/call-1.json" {
		t.Error(got)
	}
	if got := CallIDFromKey("2026/11/call-1.WAV"); got != "2026/11/call-1" {
		t.Error(got)
	}
}

// TestMetadataWarnings: what is suspect but not wrong keeps the call and is
// a warning naming the file and the field: an unknown field near a known
// one (a misspelling that would leave the call without its operator), a
// started_at before 2000 or far in the future. Unknown fields far from
// every known one are tags without a warning.
func TestMetadataWarnings(t *testing.T) {
	defer func(f func() time.Time) { now = f }(now)
	now = func() time.Time { return time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC) }
	tests := []struct {
		name, doc string
		want      []string // in the warnings, in order; none: no warning
		tag       string   // a tag the field is kept under
	}{
		{"misspelt operator", `{"operatr": {"id": "op-7", "department": "Поддержка"}}`,
			[]string{`s3://calls/a.json: unknown field "operatr" is kept as a tag: did you mean operator?`}, "operatr"},
		{"capitalized field", `{"Operator": {"id": "op-7"}}`, []string{`"Operator"`, "did you mean operator?"}, "Operator"},
		{"dash for underscore", `{"started-at": "2026-11-20T10:15:00Z"}`, []string{`"started-at"`, "did you mean started_at?"}, "started-at"},
		{"two letters swapped", `{"langauge": "ru"}`, []string{`"langauge"`, "did you mean language?"}, "langauge"},
		{"one edit from a short name", `{"tag": {"a": "b"}}`, []string{`"tag"`, "did you mean tags?"}, "tag"},
		{"two edits from a short name: a tag of its own", `{"cost": "12"}`, nil, "cost"},
		{"a tag of its own", `{"crm_ticket": "T-1"}`, nil, "crm_ticket"},
		{"started_at in 2099", `{"started_at": "2099-01-01T00:00:00Z"}`,
			[]string{`s3://calls/a.json: field "started_at": "2099-01-01T00:00:00Z" is in the future (the call is kept with it)`}, ""},
		{"started_at before 2000", `{"started_at": "1970-01-01"}`,
			[]string{`field "started_at": "1970-01-01" is before 2000`}, ""},
		{"started_at this morning", `{"started_at": "2026-12-06T08:00:00+03:00"}`, nil, ""},
		{"started_at a few hours ahead (a clock or zone off)", `{"started_at": "2026-12-06T20:00:00Z"}`, nil, ""},
		{"two warnings", `{"operatr": {"id": "op-7"}, "started_at": "2099-01-01"}`,
			[]string{`"operatr"`, "; ", `"2099-01-01" is in the future`}, "operatr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ParseMetadata([]byte(tt.doc), "s3://calls/a.json")
			if err != nil {
				t.Fatalf("the call must be kept: %v", err)
			}
			checkWarnings(t, m, tt.want, tt.tag)
		})
	}
}

// TestMetadataWarningsFromUserMetadata: user metadata (x-amz-meta-*) is
// read by the same rules, its warnings name it, and a misspelt key is
// told the user-metadata key it is near (operator-id, not the sidecar's
// operator).
func TestMetadataWarningsFromUserMetadata(t *testing.T) {
	defer func(f func() time.Time) { now = f }(now)
	now = func() time.Time { return time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC) }
	tests := []struct {
		name string
		user map[string]string
		want []string // in the warnings; none: no warning
		tag  string   // kept as a tag
	}{
		{"a start in 2099", map[string]string{"x-amz-meta-started-at": "2099-05-01T00:00:00Z"},
			[]string{`s3://calls/a.wav (user metadata): field "started_at": "2099-05-01T00:00:00Z" is in the future`}, ""},
		{"misspelt operator id", map[string]string{"x-amz-meta-operatr-id": "op-7"},
			[]string{`s3://calls/a.wav (user metadata): unknown key "operatr_id" is kept as a tag: did you mean x-amz-meta-operator-id?`}, "operatr_id"},
		{"misspelt department and a start before 2000", map[string]string{"x-amz-meta-departmnt": "support", "x-amz-meta-started-at": "1999-12-31"},
			[]string{`unknown key "departmnt" is kept as a tag: did you mean x-amz-meta-department?`, "; ", `field "started_at": "1999-12-31" is before 2000`}, "departmnt"},
		{"a key of its own", map[string]string{"x-amz-meta-crm-ticket": "T-1", "content-type": "audio/wav"}, nil, "crm_ticket"},
		{"a key named tags", map[string]string{"x-amz-meta-tags": "vip"}, nil, "tags"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := MetadataFromUser(tt.user, "s3://calls/a.wav")
			if err != nil {
				t.Fatal(err)
			}
			checkWarnings(t, m, tt.want, tt.tag)
		})
	}
}

// checkWarnings checks that m's warnings tag holds each of want in this
// order (no tag when want is empty), and that m keeps tag (if any) as a
// tag of its own.
func checkWarnings(t *testing.T, m schemas.Metadata, want []string, tag string) {
	t.Helper()
	got, has := m.Tags[schemas.WarningsTag]
	if len(want) == 0 && has {
		t.Errorf("warning %q, want none", got)
	}
	rest := got
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Errorf("warnings %q: want %q (in this order)", got, want)
			break
		}
		rest = rest[i+len(w):]
	}
	if _, kept := m.Tags[tag]; tag != "" && !kept {
		t.Errorf("%q not kept as a tag: %v", tag, m.Tags)
	}
}
