package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/callscope/callscope/schemas"
)

// ErrBadMetadata is wrapped by every error about a sidecar or user metadata.
var ErrBadMetadata = errors.New("bad metadata")

// ParseMetadata reads a sidecar JSON document. source names the document in
// errors (e.g. "s3://calls/2026/11/20/000123.json"). Every field is optional;
// a field of the wrong type is an error naming the field, and fields that
// callscope does not know are kept in Tags. What is suspect but not wrong
// (a field that looks like a misspelt known one, a started_at before 2000
// or in the future) does not fail the call: it is a warning, kept in
// Tags[schemas.WarningsTag].
func ParseMetadata(data []byte, source string) (schemas.Metadata, error) {
	fail := func(format string, args ...any) (schemas.Metadata, error) {
		return schemas.Metadata{}, fmt.Errorf("%w: %s: %s", ErrBadMetadata, source, fmt.Sprintf(format, args...))
	}
	fields, err := sidecarFields(data)
	if err != nil {
		return fail("%v", err)
	}
	var m schemas.Metadata
	var warnings []string
	warn := func(format string, args ...any) {
		warnings = append(warnings, source+": "+fmt.Sprintf(format, args...))
	}
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	sort.Strings(names) // deterministic: the first bad field is always the same one
	for _, name := range names {
		raw := fields[name]
		if isNull(raw) {
			continue
		}
		if err := decodeField(&m, name, raw, warn); err != nil {
			return fail("field %q: %v", name, err)
		}
	}
	if len(warnings) > 0 {
		setTag(&m, schemas.WarningsTag, strings.Join(warnings, "; "))
	}
	return m, nil
}

// sidecarFields splits a sidecar document into its top-level fields; its
// error says what is wrong with the document as a whole.
func sidecarFields(data []byte) (map[string]json.RawMessage, error) {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return nil, errors.New("UTF-16 text: save it as UTF-8")
	}
	if !utf8.Valid(data) {
		return nil, errors.New("not UTF-8 text")
	}
	data = schemas.WithoutBOM(data)
	var fields map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&fields); err != nil {
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) {
			return nil, fmt.Errorf("want a JSON object of fields, got %s", describe(bytes.TrimSpace(data)))
		}
		return nil, fmt.Errorf("not a JSON object: %s", jsonErr(err, data))
	}
	if dec.More() {
		return nil, errors.New("trailing data after the JSON object")
	}
	return fields, nil
}

// decodeField decodes the sidecar's field name (raw, not null) into m: a
// known field into its place, checked, any other into m's tags. Its error
// says what is wrong with the value; warn takes what is suspect but kept.
func decodeField(m *schemas.Metadata, name string, raw json.RawMessage, warn func(format string, args ...any)) error {
	var err error
	switch name {
	case "call_id":
		err = decodeString(raw, &m.CallID)
		if err == nil {
			err = checkCallID(m.CallID)
		}
	case "started_at":
		var s string
		if err = decodeString(raw, &s); err == nil {
			if m.StartedAt, err = parseTime(s); err == nil {
				if w := implausibleTime(m.StartedAt, now()); w != "" {
					warn("field \"started_at\": %s is %s (the call is kept with it)", quote(s), w)
				}
			}
		}
	case "direction":
		if err = decodeString(raw, &m.Direction); err == nil {
			err = oneOf(m.Direction, "inbound", "outbound", "internal")
		}
	case "language":
		if err = decodeString(raw, &m.Language); err == nil {
			m.Language = strings.ToLower(m.Language)
			err = checkLanguage(m.Language)
		}
	case "operator":
		err = decodeStrict(raw, &m.Operator, "an object {id, name, department}")
	case "client":
		err = decodeClient(raw, &m.Client)
	case "queue":
		err = decodeString(raw, &m.Queue)
	case "wait_seconds":
		var v float64
		if err = decodeNumber(raw, &v); err == nil {
			if v < 0 {
				err = fmt.Errorf("must not be negative, got %g", v)
			}
			m.WaitSeconds = &v
		}
	case "holds":
		if err = decodeStrict(raw, &m.Holds, "a list of {start, end} in seconds"); err == nil {
			for i, h := range m.Holds {
				if h.Start < 0 || h.End < h.Start {
					err = fmt.Errorf("hold %d: want 0 <= start <= end, got start %g end %g", i, h.Start, h.End)
					break
				}
			}
		}
	case "transfers":
		var v float64
		if err = decodeNumber(raw, &v); err == nil {
			if v < 0 || v != math.Trunc(v) || v > 1e6 {
				err = fmt.Errorf("want a whole number >= 0, got %g", v)
			}
			n := int(v)
			m.Transfers = &n
		}
	case "csat":
		var c schemas.CSAT
		if err = decodeStrict(raw, &c, "an object {score, scale}"); err == nil {
			if c.Scale <= 0 {
				c.Scale = 5
			}
			if c.Score < 0 || c.Score > c.Scale {
				err = fmt.Errorf("score %g is outside the scale 0..%g", c.Score, c.Scale)
			}
			m.CSAT = &c
		}
	case "channels":
		err = decodeChannels(raw, &m.Channels)
	case "tags":
		var tags map[string]any
		if err = decodeStrict(raw, &tags, "an object of strings"); err == nil {
			for k, v := range tags {
				setTag(m, k, v)
			}
		}
	default:
		var v any
		_ = json.Unmarshal(raw, &v)
		setTag(m, name, v)
		if known := nearKnownField(name); known != "" {
			warn("unknown field %s is kept as a tag: did you mean %s?", quote(name), known)
		}
	}
	return err
}

// now is the clock started_at is checked against (tests set it).
var now = time.Now

// knownFields are the sidecar's top-level fields, in the order
// ParseMetadata documents them.
var knownFields = []string{"call_id", "started_at", "direction", "language", "operator", "client", "queue",
	"wait_seconds", "holds", "transfers", "csat", "channels", "tags"}

// nearKnownField is the known field an unknown one is probably a
// misspelling of: within 2 edits (1 for a known name of 4 letters or
// fewer, where 2 edits reach unrelated words: "cost" is 2 from "csat"),
// comparing without case and with '-' or ' ' as '_'; "" when none is.
func nearKnownField(name string) string { return nearest(name, knownFields) }

// nearest is the name of known within the edits nearKnownField allows of
// name, the closest; "" when none is.
func nearest(name string, known []string) string {
	folded := strings.NewReplacer("-", "_", " ", "_").Replace(strings.ToLower(name))
	best, bestDist := "", 3
	for _, k := range known {
		limit := 2
		if len(k) <= 4 {
			limit = 1
		}
		if d := editDistance(folded, k); d <= limit && d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in characters.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// earliestStart is the earliest started_at taken as plausible: recordings
// of contact centers callscope analyses are not older.
var earliestStart = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// futureSlack is how far ahead of this machine's clock a started_at may
// be before it is suspect: clocks of PBXes and workers differ a little,
// and a time zone written wrongly moves a time by up to 14 hours.
const futureSlack = 24 * time.Hour

// implausibleTime says why a call's start time is suspect ("before 2000",
// "in the future"), or "" when it is not. A wrong start time moves the
// call to another day, month or report without an error: worth a warning.
func implausibleTime(t, now time.Time) string {
	switch {
	case t.Before(earliestStart):
		return "before 2000"
	case t.After(now.Add(futureSlack)):
		return "in the future"
	}
	return ""
}

// MetadataFromUser reads metadata from S3 user metadata (x-amz-meta-*), for
// uploaders that cannot write a sidecar. Keys are matched without case and
// with '-' or '_': call-id, started-at, direction, language, operator-id,
// operator-name, department, queue, client-id, wait-seconds, transfers,
// csat, csat-scale. Other keys become tags.
func MetadataFromUser(user map[string]string, source string) (schemas.Metadata, error) {
	doc := map[string]any{}
	op := map[string]any{}
	// Keys it does not know go to tags, with a warning of their own when
	// one looks like a misspelt user-metadata key (operator-id, not the
	// sidecar's operator).
	tags := map[string]any{}
	var warnings []string
	for k, v := range user {
		key := strings.ReplaceAll(strings.ToLower(strings.TrimPrefix(strings.ToLower(k), "x-amz-meta-")), "-", "_")
		switch key {
		case "call_id", "started_at", "direction", "language", "queue":
			doc[key] = v
		case "operator_id":
			op["id"] = v
		case "operator_name":
			op["name"] = v
		case "department", "operator_department":
			op["department"] = v
		case "client_id":
			doc["client"] = map[string]any{"id": v}
		case "wait_seconds", "transfers":
			doc[key] = numberOrString(v)
		case "csat":
			c, _ := doc["csat"].(map[string]any)
			if c == nil {
				c = map[string]any{}
			}
			c["score"] = numberOrString(v)
			doc["csat"] = c
		case "csat_scale":
			c, _ := doc["csat"].(map[string]any)
			if c == nil {
				c = map[string]any{}
			}
			c["scale"] = numberOrString(v)
			doc["csat"] = c
		default:
			tags[key] = v
			if known := nearest(key, userMetaKeys); known != "" {
				warnings = append(warnings, fmt.Sprintf("%s (user metadata): unknown key %s is kept as a tag: did you mean x-amz-meta-%s?",
					source, quote(key), strings.ReplaceAll(known, "_", "-")))
			}
		}
	}
	if len(op) > 0 {
		doc["operator"] = op
	}
	if len(tags) > 0 {
		doc["tags"] = tags
	}
	data, _ := json.Marshal(doc)
	m, err := ParseMetadata(data, source+" (user metadata)")
	if err != nil || len(warnings) == 0 {
		return m, err
	}
	sort.Strings(warnings)
	if w := m.Tags[schemas.WarningsTag]; w != "" {
		warnings = append(warnings, w)
	}
	setTag(&m, schemas.WarningsTag, strings.Join(warnings, "; "))
	return m, nil
}

// userMetaKeys are the user-metadata keys MetadataFromUser knows, with '_'
// for '-'.
var userMetaKeys = []string{"call_id", "started_at", "direction", "language", "queue", "operator_id", "operator_name",
	"department", "operator_department", "client_id", "wait_seconds", "transfers", "csat", "csat_scale"}

func numberOrString(s string) any {
	if f, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
		return f
	}
	return s
}

func setTag(m *schemas.Metadata, k string, v any) {
	if m.Tags == nil {
		m.Tags = map[string]string{}
	}
	switch x := v.(type) {
	case string:
		m.Tags[k] = x
	case nil:
		m.Tags[k] = ""
	default:
		b, _ := json.Marshal(x)
		m.Tags[k] = string(b)
	}
}

func isNull(raw json.RawMessage) bool { return string(bytes.TrimSpace(raw)) == "null" }

func decodeString(raw json.RawMessage, dst *string) error {
	if err := json.Unmarshal(raw, dst); err != nil {
		return fmt.Errorf("want a string, got %s", describe(raw))
	}
	*dst = strings.TrimSpace(*dst)
	return nil
}

func decodeNumber(raw json.RawMessage, dst *float64) error {
	if err := json.Unmarshal(raw, dst); err != nil {
		return fmt.Errorf("want a number, got %s", describe(raw))
	}
	return nil
}

func decodeStrict(raw json.RawMessage, dst any, want string) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) {
			if ute.Field != "" {
				return fmt.Errorf("%s: want %s, got %s", ute.Field, schemas.JSONKind(ute.Type), schemas.JSONValueKind(ute.Value))
			}
			return fmt.Errorf("want %s, got %s", want, describe(raw))
		}
		// encoding/json words an unknown field only as text.
		if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
			return fmt.Errorf("unknown field %s: want %s", name, want)
		}
		return fmt.Errorf("want %s, got %s (%v)", want, describe(raw), err)
	}
	return nil
}

func decodeChannels(raw json.RawMessage, dst *map[string]string) error {
	var ch map[string]string
	if err := decodeStrict(raw, &ch, `an object {"left": role, "right": role}`); err != nil {
		return err
	}
	for side, role := range ch {
		if side != "left" && side != "right" {
			return fmt.Errorf("unknown side %s: want left or right", quote(side))
		}
		if role != schemas.RoleOperator && role != schemas.RoleClient {
			return fmt.Errorf("%s: unknown role %s: want operator or client", side, quote(role))
		}
	}
	if len(ch) == 2 && ch["left"] == ch["right"] {
		return fmt.Errorf("left and right are both %s", quote(ch["left"]))
	}
	*dst = ch
	return nil
}

func checkCallID(id string) error {
	if id == "" {
		return errors.New("must not be empty")
	}
	if len(id) > 200 {
		return fmt.Errorf("longer than 200 bytes (%d)", len(id))
	}
	for _, r := range id {
		if r < 0x20 || r == 0x7f {
			return fmt.Errorf("contains a control character %U", r)
		}
	}
	return nil
}

// checkLanguage accepts a language code (ISO 639, two or three letters)
// with optional subtags ("ru", "ru-RU", "en_us"). A language name
// ("russian") would find no dictionaries: the call would be analysed
// without any phrase category, silently, so it is refused here instead.
func checkLanguage(l string) error {
	if l == "" {
		return nil // not given: the transcript's language, else the default
	}
	code, rest, hasRest := strings.Cut(strings.ReplaceAll(l, "_", "-"), "-")
	good := (len(code) == 2 || len(code) == 3) && isLetters(code)
	if hasRest {
		for sub := range strings.SplitSeq(rest, "-") {
			if sub == "" || len(sub) > 8 || !isAlnum(sub) {
				good = false
			}
		}
	}
	if !good {
		return fmt.Errorf("want a language code such as ru, en or ru-RU, got %s", quote(l))
	}
	return nil
}

func isLetters(s string) bool {
	for _, c := range s {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func isAlnum(s string) bool {
	for _, c := range s {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

func oneOf(v string, allowed ...string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return fmt.Errorf("unknown value %s: want one of %s", quote(v), strings.Join(allowed, ", "))
}

var timeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"}

func parseTime(s string) (time.Time, error) {
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("want an RFC 3339 time such as 2026-11-20T10:15:00+03:00, got %s", quote(s))
}

// describe names the kind of a JSON value for an error reason ("a
// string", "an object"), never the value itself: it may be personal data.
func describe(raw json.RawMessage) string { return schemas.JSONRawKind(raw) }

// decodeClient reads the client object. Only id is used; other fields (a
// name, an e-mail) are ignored and never stored. A numeric id (a phone
// number written as a JSON number) is taken as its digits.
func decodeClient(raw json.RawMessage, dst *schemas.Client) error {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return fmt.Errorf("want an object {id}, got %s", describe(raw))
	}
	id, ok := fields["id"]
	if !ok || isNull(id) {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(id))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return fmt.Errorf("id: want a string, got %s", describe(id))
	}
	switch x := v.(type) {
	case string:
		dst.ID = strings.TrimSpace(x)
	case json.Number:
		dst.ID = x.String()
	default:
		return fmt.Errorf("id: want a string, got %s", describe(id))
	}
	return nil
}

// jsonErr makes a JSON syntax error say where it is, as line:column.
func jsonErr(err error, data []byte) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := 1, 1
		for i, b := range data {
			if int64(i) >= se.Offset-1 {
				break
			}
			if b == '\n' {
				line++
				col = 1
			} else {
				col++
			}
		}
		return fmt.Sprintf("line %d, column %d: %v", line, col, se)
	}
	return err.Error()
}
