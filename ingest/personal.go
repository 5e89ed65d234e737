package ingest

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/callscope/callscope/schemas"
)

// PhoneTags says what ingest does with a tag (a sidecar's "tags" entry or a
// top-level field callscope does not know) that holds a phone number.
type PhoneTags string

const (
	// PhoneTagsHash replaces the value by the same keyed hash as
	// client.id, so a tag "ani" of a client's number equals the call's
	// client hash. The default.
	PhoneTagsHash PhoneTags = "hash"
	// PhoneTagsDrop removes the tag.
	PhoneTagsDrop PhoneTags = "drop"
)

// ParsePhoneTags checks a configured mode; "" is PhoneTagsHash.
func ParsePhoneTags(s string) (PhoneTags, error) {
	switch PhoneTags(strings.ToLower(strings.TrimSpace(s))) {
	case "", PhoneTagsHash:
		return PhoneTagsHash, nil
	case PhoneTagsDrop:
		return PhoneTagsDrop, nil
	}
	return "", fmt.Errorf("privacy.phone_tags: want hash or drop, got %q", s)
}

// phoneKeyWords are the words of a tag key ("caller_id", "ANI",
// "client-phone") that say it holds a phone number.
var phoneKeyWords = map[string]bool{
	"ani": true, "cli": true, "cid": true, "phone": true, "msisdn": true, "caller": true,
	"callee": true, "called": true, "calling": true, "mobile": true, "tel": true,
	"telephone": true, "cellphone": true, "phonenumber": true, "callerid": true,
}

// IsPhoneKey reports whether a tag key names a phone number: one of its
// words (split at '_', '-', '.', ' ') is ani, cli, cid, phone, msisdn,
// caller, callee, called, calling, mobile, tel, telephone, or the key
// contains "phone" or "msisdn".
func IsPhoneKey(key string) bool {
	k := strings.ToLower(key)
	if strings.Contains(k, "phone") || strings.Contains(k, "msisdn") {
		return true
	}
	for _, w := range strings.FieldsFunc(k, func(r rune) bool { return r == '_' || r == '-' || r == '.' || r == ' ' }) {
		if phoneKeyWords[w] {
			return true
		}
	}
	return false
}

// LooksLikePhone reports whether a value, as a whole, looks like a phone
// number: 10 to 15 digits, optionally with a leading '+' and the usual
// separators (space, '-', '.', parentheses), and nothing else.
func LooksLikePhone(v string) bool {
	v = strings.TrimSpace(v)
	v = strings.TrimPrefix(v, "+")
	digits := 0
	for _, r := range v {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')':
		default:
			return false
		}
	}
	return digits >= 10 && digits <= 15
}

// Protect replaces the personal data ingest knows of in m before anything
// is stored: the client's id becomes Client.IDHash (HashClientID with key),
// and every tag whose key names a phone number (IsPhoneKey) or whose value
// looks like one (LooksLikePhone) is hashed the same way or dropped, as
// mode says; a tag whose key looks like a phone number is dropped. Without a key, nothing can be hashed: the client id and such
// tags are dropped.
func Protect(m *schemas.Metadata, key []byte, mode PhoneTags) {
	if m.Client.ID != "" {
		if len(key) > 0 {
			m.Client.IDHash = HashClientID(key, m.Client.ID)
		}
		m.Client.ID = ""
	}
	for k, v := range m.Tags {
		if LooksLikePhone(k) { // a number used as a key: nothing to keep
			delete(m.Tags, k)
			continue
		}
		if v == "" {
			continue
		}
		if !IsPhoneKey(k) && !LooksLikePhone(v) {
			// An object or list kept as JSON (an unknown field such as a
			// misspelt "clinet": {"id": "+7..."}) may hold a number
			// inside: its numbers are hashed in place, or the tag dropped.
			if protected, found := protectJSON(v, key, mode); found {
				if protected == "" {
					delete(m.Tags, k)
				} else {
					m.Tags[k] = protected
				}
			}
			continue
		}
		if mode == PhoneTagsDrop || len(key) == 0 {
			delete(m.Tags, k)
			continue
		}
		m.Tags[k] = HashClientID(key, v)
	}
}

// protectJSON looks into a tag value that is a JSON object or list for a
// phone number: a string or number that looks like one (LooksLikePhone), or
// any value under a key that names one (IsPhoneKey). When it finds one it
// returns the value with each such number replaced by its keyed hash
// (PhoneTagsHash with a key), or "" to drop the tag (PhoneTagsDrop, or no
// key).
func protectJSON(v string, key []byte, mode PhoneTags) (protected string, found bool) {
	if v == "" || (v[0] != '{' && v[0] != '[') {
		return "", false
	}
	var doc any
	dec := json.NewDecoder(strings.NewReader(v))
	dec.UseNumber()
	if dec.Decode(&doc) != nil {
		return "", false
	}
	hash := mode != PhoneTagsDrop && len(key) > 0
	var walk func(x any, phoneKey bool) any
	walk = func(x any, phoneKey bool) any {
		switch y := x.(type) {
		case map[string]any:
			for k, inner := range y {
				y[k] = walk(inner, phoneKey || IsPhoneKey(k))
			}
		case []any:
			for i, inner := range y {
				y[i] = walk(inner, phoneKey)
			}
		case string:
			if y != "" && (phoneKey || LooksLikePhone(y)) {
				found = true
				if hash {
					return HashClientID(key, y)
				}
			}
		case json.Number:
			if phoneKey || LooksLikePhone(y.String()) {
				found = true
				if hash {
					return HashClientID(key, y.String())
				}
			}
		}
		return x
	}
	doc = walk(doc, false)
	if !found || !hash {
		return "", found
	}
	out, err := json.Marshal(doc)
	if err != nil {
		return "", true
	}
	return string(out), true
}

// maxQuoted is the longest value an error reason quotes, in characters.
const maxQuoted = 40

// quote is a value as an error reason may show it: quoted, cut to
// maxQuoted characters at a character boundary, and never a value that may
// be personal data (one that looks like a phone number, or has a run of 7
// or more digits): that is described, not shown.
func quote(v string) string {
	if LooksLikePhone(v) || digitRun(v) >= 7 {
		return fmt.Sprintf("a value of %d characters with a phone-like number (not shown)", utf8.RuneCountInString(v))
	}
	return fmt.Sprintf("%q", clip(v, maxQuoted))
}

// clip cuts s to at most n characters (runes), marking the cut with "…";
// it never splits a character.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, count := 0, 0
	for i = range s {
		if count == n {
			break
		}
		count++
	}
	return strings.ToValidUTF8(s[:i], "") + "…"
}

func digitRun(s string) int {
	best, run := 0, 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}
