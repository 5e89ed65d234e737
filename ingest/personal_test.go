package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/callscope/callscope/schemas"
)

// TestReasonsQuoteNoPersonalData: a sidecar that fails names the field and
// why, never the value when it may be personal data, and is valid UTF-8
// however long the value.
func TestReasonsQuoteNoPersonalData(t *testing.T) {
	const phone, digits, name = "+79161234567", "9161234567", "Иван"
	long := strings.Repeat("Иван Петрович звонил ", 5)
	for _, tt := range []struct {
		name, doc, want string
	}{
		{"client is a string", `{"client": "+79161234567"}`, `field "client": want an object {id}, got a string`},
		{"client id is an object", `{"client": {"id": {"phone": "+79161234567", "name": "Иван"}}}`, `field "client": id: want a string, got an object`},
		{"phone as a time", `{"started_at": "+79161234567"}`, `field "started_at": want an RFC 3339 time such as 2026-11-20T10:15:00+03:00, got a value of 12 characters with a phone-like number (not shown)`},
		{"phone as a direction", `{"direction": "8 916 123-45-67"}`, `field "direction": unknown value a value of 15 characters with a phone-like number`},
		{"phone as a channel role", `{"channels": {"left": "79161234567"}}`, `field "channels": left: unknown role a value of 11`},
		{"tags are a string", `{"tags": "Иван +79161234567"}`, `field "tags": want an object of strings, got a string`},
		{"operator is a list", `{"operator": ["Иван", "+79161234567"]}`, `field "operator": want an object {id, name, department}, got a list`},
		{"wait is a phone", `{"wait_seconds": "+79161234567"}`, `field "wait_seconds": want a number, got a string`},
		{"long cyrillic time", `{"started_at": "` + long + `"}`, `got "Иван Петрович звонил Иван Петрович звони…"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseMetadata([]byte(tt.doc), "s3://calls/x.json")
			if err == nil {
				t.Fatalf("want an error containing %q", tt.want)
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.want) {
				t.Errorf("reason %q\nwant it to contain %q", msg, tt.want)
			}
			if strings.Contains(msg, digits) || strings.Contains(msg, "16 123-45") || (tt.name != "long cyrillic time" && strings.Contains(msg, name)) {
				t.Errorf("reason quotes personal data: %q", msg)
			}
			if !utf8.ValidString(msg) {
				t.Errorf("reason is not valid UTF-8: %q", msg)
			}
		})
	}
	_ = phone
}

// TestClientUnknownFields: fields of client other than id are not fatal
// and are not kept; a numeric id is read as its digits.
func TestClientUnknownFields(t *testing.T) {
	for _, tt := range []struct{ doc, id string }{
		{`{"client": {"id": "+79161234567", "name": "Иван", "email": "ivan@example.com"}}`, "+79161234567"},
		{`{"client": {"id": 79161234567, "segment": "vip"}}`, "79161234567"},
		{`{"client": {"name": "Иван"}}`, ""},
	} {
		m, err := ParseMetadata([]byte(tt.doc), "x.json")
		if err != nil {
			t.Errorf("%s: %v", tt.doc, err)
			continue
		}
		if m.Client.ID != tt.id || len(m.Tags) != 0 {
			t.Errorf("%s: client %+v tags %v, want id %q and no tags", tt.doc, m.Client, m.Tags, tt.id)
		}
	}
}

// TestProtect: the client id and tags holding a phone number (by key or by
// value, in the sidecar's tags or as unknown top-level fields) are hashed
// like client.id or dropped; other tags are kept as they are.
func TestProtect(t *testing.T) {
	key := []byte("k")
	doc := `{"client": {"id": "+7 916 123-45-67"}, "ANI": "+79161234567", "caller-id": "anonymous",
	  "tags": {"msisdn": "79161234567", "note": "+7 (916) 123-45-67", "tariff": "home-100", "order": "12345",
	  "day": "2026-11-20", "+79161234567": "x", "client_phone": "", "priority": 2}}`
	want := HashClientID(key, "79161234567")
	for _, tt := range []struct {
		mode   PhoneTags
		key    []byte
		hashed bool
	}{
		{PhoneTagsHash, key, true},
		{PhoneTagsDrop, key, false},
		{PhoneTagsHash, nil, false}, // no key: nothing can be hashed
	} {
		m, err := ParseMetadata([]byte(doc), "x.json")
		if err != nil {
			t.Fatal(err)
		}
		Protect(&m, tt.key, tt.mode)
		if m.Client.ID != "" || (tt.key != nil && m.Client.IDHash != want) {
			t.Errorf("%s: client %+v, want the id replaced by %s", tt.mode, m.Client, want)
		}
		for _, k := range []string{"ANI", "caller-id", "msisdn", "note"} {
			v, ok := m.Tags[k]
			switch {
			case tt.hashed && k == "caller-id" && v != HashClientID(key, "anonymous"):
				t.Errorf("%s: tag %s = %q, want it hashed", tt.mode, k, v)
			case tt.hashed && k != "caller-id" && v != want:
				t.Errorf("%s: tag %s = %q, want the client's hash %s", tt.mode, k, v, want)
			case !tt.hashed && ok:
				t.Errorf("%s (key %v): tag %s = %q, want it dropped", tt.mode, tt.key != nil, k, v)
			}
		}
		if _, ok := m.Tags["+79161234567"]; ok {
			t.Errorf("%s: a tag keyed by a phone number was kept", tt.mode)
		}
		for k, v := range map[string]string{"tariff": "home-100", "order": "12345", "day": "2026-11-20", "client_phone": "", "priority": "2"} {
			if m.Tags[k] != v {
				t.Errorf("%s: tag %s = %q, want %q kept", tt.mode, k, m.Tags[k], v)
			}
		}
	}
}

func TestClip(t *testing.T) {
	for _, tt := range []struct {
		s    string
		n    int
		want string
	}{
		{"abc", 3, "abc"},
		{"abcd", 3, "abc…"},
		{"Иван", 2, "Ив…"},
		{"", 0, ""},
	} {
		if got := clip(tt.s, tt.n); got != tt.want || !utf8.ValidString(got) {
			t.Errorf("clip(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
	var m schemas.Metadata
	Protect(&m, nil, PhoneTagsHash) // nothing to do, no panic
}

// TestProtectInsideJSONTags: an unknown field whose value is an object or
// list (a misspelt "clinet", a CRM's own record) is kept as JSON; a phone
// number inside it is hashed in place like client.id, or the tag dropped,
// and nothing else in it changes.
func TestProtectInsideJSONTags(t *testing.T) {
	key := []byte("k")
	h := HashClientID(key, "79161234567")
	tests := []struct {
		name, doc, tag string
		hashed         string // the tag with PhoneTagsHash; "" when it must be unchanged
	}{
		{"misspelt client", `{"clinet": {"id": "+79161234567"}}`, "clinet", `{"id":"` + h + `"}`},
		{"number as a JSON number", `{"clinet": {"id": 79161234567}}`, "clinet", `{"id":"` + h + `"}`},
		{"under a phone key", `{"customer": {"phone": "112", "segment": "vip"}}`, "customer", `{"phone":"` + HashClientID(key, "112") + `","segment":"vip"}`},
		{"in a list", `{"contacts": ["+7 (916) 123-45-67", "office"]}`, "contacts", `["` + h + `","office"]`},
		{"nothing personal", `{"crm": {"ticket": "T-1", "order": 12345, "day": "2026-11-20"}}`, "crm", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, mode := range []PhoneTags{PhoneTagsHash, PhoneTagsDrop} {
				m, err := ParseMetadata([]byte(tt.doc), "x.json")
				if err != nil {
					t.Fatal(err)
				}
				before := m.Tags[tt.tag]
				Protect(&m, key, mode)
				got, kept := m.Tags[tt.tag]
				switch {
				case tt.hashed == "" && got != before:
					t.Errorf("%s: tag %q, want it unchanged %q", mode, got, before)
				case tt.hashed != "" && mode == PhoneTagsHash && got != tt.hashed:
					t.Errorf("%s: tag %q, want %q", mode, got, tt.hashed)
				case tt.hashed != "" && mode == PhoneTagsDrop && kept:
					t.Errorf("%s: tag %q kept, want it dropped", mode, got)
				}
				if strings.Contains(got, "9161234567") || strings.Contains(got, "123-45-67") {
					t.Errorf("%s: the number is stored: %q", mode, got)
				}
			}
		})
	}
}
