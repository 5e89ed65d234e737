package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// ErrBadEvent is wrapped by every error about a bucket notification that
// cannot be read.
var ErrBadEvent = errors.New("ingest: bad bucket notification")

// ObjectEvent is one record of an S3 bucket notification.
type ObjectEvent struct {
	// EventName is e.g. s3:ObjectCreated:Put; AWS's names, which lack the
	// "s3:" prefix, are given it so every source reads the same.
	EventName string
	Bucket    string
	Key       string // decoded
	ETag      string // unquoted
	Size      int64
	Sequencer string
	// UserMetadata holds the object's x-amz-meta-* entries, keys lower-case
	// without the prefix. It is nil when the event does not carry user
	// metadata (AWS, versitygw): the object must then be stat'ed for it.
	UserMetadata map[string]string
}

// s3Notification covers the formats seen on the wire: AWS's {"Records":
// [...]}, MinIO's, which adds "EventName" and "Key" beside the records, and
// the test events that AWS and versitygw send when a target is set up.
type s3Notification struct {
	Records *[]s3Record `json:"Records"`
	Event   string      `json:"Event"` // "s3:TestEvent" in a test event
}

type s3Record struct {
	EventVersion string `json:"eventVersion"`
	EventName    string `json:"eventName"`
	S3           struct {
		ConfigurationID string `json:"configurationId"`
		Bucket          struct {
			Name string `json:"name"`
		} `json:"bucket"`
		Object struct {
			Key          string            `json:"key"`
			Size         int64             `json:"size"`
			ETag         *string           `json:"eTag"`
			Sequencer    string            `json:"sequencer"`
			UserMetadata map[string]string `json:"userMetadata"`
		} `json:"object"`
	} `json:"s3"`
}

// ParseS3Event reads an S3 bucket notification as MinIO, AWS S3 and
// versitygw send it, and returns its records. A test event (s3:TestEvent,
// sent by AWS when a rule is set and by versitygw when it connects to its
// target) yields no records and no error. Anything else that is not a
// notification with at least one record naming a bucket and a key is an
// error wrapping ErrBadEvent.
func ParseS3Event(data []byte) ([]ObjectEvent, error) {
	fail := func(format string, args ...any) ([]ObjectEvent, error) {
		return nil, fmt.Errorf("%w: %s", ErrBadEvent, fmt.Sprintf(format, args...))
	}
	var n s3Notification
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&n); err != nil {
		return fail("not a JSON notification object: %s (starts %q)", jsonErr(err, data), snippet(data))
	}
	if dec.More() {
		return fail("trailing data after the JSON object")
	}
	if n.Records == nil {
		if n.Event == "s3:TestEvent" {
			return nil, nil
		}
		return fail("no \"Records\" list (starts %q)", snippet(data))
	}
	if len(*n.Records) == 0 {
		return fail("\"Records\" is empty")
	}
	events := make([]ObjectEvent, 0, len(*n.Records))
	for i, r := range *n.Records {
		o := r.S3.Object
		if r.S3.Bucket.Name == "" {
			return fail("record %d: no s3.bucket.name", i)
		}
		if o.Key == "" {
			return fail("record %d: no s3.object.key", i)
		}
		key, err := decodeEventKey(o.Key, fromVersityGW(r))
		if err != nil {
			return fail("record %d: s3.object.key %q: %v", i, o.Key, err)
		}
		name := r.EventName
		if name != "" && !strings.HasPrefix(name, "s3:") {
			name = "s3:" + name
		}
		ev := ObjectEvent{
			EventName: name,
			Bucket:    r.S3.Bucket.Name,
			Key:       key,
			Size:      o.Size,
			Sequencer: o.Sequencer,
		}
		if o.ETag != nil {
			ev.ETag = strings.Trim(*o.ETag, `"`)
		}
		if o.UserMetadata != nil {
			ev.UserMetadata = userMetaFromEvent(o.UserMetadata)
		}
		events = append(events, ev)
	}
	return events, nil
}

// fromVersityGW tells a versitygw record: its configurationId is the fixed
// "<sink>-global" (it has no per-bucket rules).
func fromVersityGW(r s3Record) bool {
	return strings.HasSuffix(r.S3.ConfigurationID, "-global")
}

// decodeEventKey undoes the key's encoding. AWS and MinIO form-encode it
// ('+' is a space, "%2B" a plus); versitygw sends the key decoded, as
// stored.
func decodeEventKey(key string, raw bool) (string, error) {
	if raw {
		return key, nil
	}
	return url.QueryUnescape(key)
}

// userMetaFromEvent keeps the x-amz-meta-* entries of an event's
// userMetadata (MinIO also lists content-type and other headers there),
// with lower-case keys without the prefix, as MetadataFromUser expects.
func userMetaFromEvent(in map[string]string) map[string]string {
	out := make(map[string]string, len(in))
	for k, v := range in {
		lk := strings.ToLower(k)
		if name, ok := strings.CutPrefix(lk, "x-amz-meta-"); ok && name != "" {
			out[name] = v
		}
	}
	return out
}

// snippet is the start of data for an error message.
func snippet(data []byte) string {
	const max = 60
	if len(data) > max {
		return string(data[:max]) + "…"
	}
	return string(data)
}
