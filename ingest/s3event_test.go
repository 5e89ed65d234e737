package ingest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseS3Event(t *testing.T) {
	for _, tc := range []struct {
		file string
		want []ObjectEvent
	}{
		{"minio.json", []ObjectEvent{{
			// Captured from MinIO's NATS target (internal/objstore tests,
			// -update-golden): key form-encoded, user metadata included.
			EventName: "s3:ObjectCreated:Put", Bucket: "calls", Key: "2026/11/20/звонок 000123+1.wav",
			ETag: "a432d9988b39bbd4970ae296e25d2f06", Size: 19, Sequencer: "18EAC35260906A33",
			UserMetadata: map[string]string{"call-id": "2026-11-20-000123", "operator-id": "op-17"},
		}}},
		{"versitygw.json", []ObjectEvent{{
			// Captured from embedded versitygw (internal/embedded tests,
			// -update-golden): key as stored, ETag quoted, no user metadata.
			EventName: "s3:ObjectCreated:Put", Bucket: "calls", Key: "2026/11/20/звонок 000123+1.wav",
			ETag: "c44868fbb50da3e6d884d77566e11b00", Size: 26, Sequencer: "1",
		}}},
		{"aws.json", []ObjectEvent{{
			// The example of AWS's "Event message structure" page.
			EventName: "s3:ObjectCreated:Put", Bucket: "amzn-s3-demo-bucket", Key: "HappyFace.jpg",
			ETag: "d41d8cd98f00b204e9800998ecf8427e", Size: 1024, Sequencer: "0055AED6DCD90281E5",
		}}},
		{"aws_two_records_encoded_keys.json", []ObjectEvent{
			{
				EventName: "s3:ObjectCreated:CompleteMultipartUpload", Bucket: "calls", Key: "очередь интернет/call 1+2=3.wav",
				ETag: "3858f62230ac3c915f300c664312c11f-10", Size: 52428800, Sequencer: "0062E99A88DC407460",
			},
			{EventName: "s3:ObjectRemoved:Delete", Bucket: "calls", Key: "old/100%.wav", Sequencer: "0062E99A88DC407461"},
		}},
		{"aws_test_event.json", nil},
		{"versitygw_test_event.json", nil},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "s3event", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			got, err := ParseS3Event(data)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
			for i := range got {
				// nil means "stat the object": only MinIO carries metadata.
				if (got[i].UserMetadata == nil) != (tc.want[i].UserMetadata == nil) {
					t.Errorf("record %d: user metadata nil = %v", i, got[i].UserMetadata == nil)
				}
			}
		})
	}
}

func TestParseS3EventBad(t *testing.T) {
	for _, tc := range []struct {
		file, want string
	}{
		{"bad_not_json.txt", `not a JSON notification object: line 1, column 1: invalid character '<'`},
		{"bad_no_records.json", `no "Records" list`},
		{"bad_empty_records.json", `"Records" is empty`},
		{"bad_no_key.json", "record 0: no s3.object.key"},
		{"bad_key_escape.json", `record 0: s3.object.key "a%zz.wav"`},
		{"bad_size_type.json", "Records.s3.object.size"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "s3event", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			_, err = ParseS3Event(data)
			if !errors.Is(err, ErrBadEvent) {
				t.Fatalf("err = %v, want ErrBadEvent", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %q, want it to say %q", err, tc.want)
			}
		})
	}
	if _, err := ParseS3Event(nil); !errors.Is(err, ErrBadEvent) {
		t.Errorf("empty input: %v", err)
	}
}

// The user metadata of an event matches what MetadataFromUser reads.
func TestS3EventMetadataConvention(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "s3event", "minio.json"))
	if err != nil {
		t.Fatal(err)
	}
	evs, err := ParseS3Event(data)
	if err != nil {
		t.Fatal(err)
	}
	m, err := MetadataFromUser(evs[0].UserMetadata, "s3://calls/"+evs[0].Key)
	if err != nil {
		t.Fatal(err)
	}
	if m.CallID != "2026-11-20-000123" || m.Operator.ID != "op-17" {
		t.Errorf("metadata = %+v", m)
	}
}

func ExampleParseS3Event() {
	events, err := ParseS3Event([]byte(`{"Records":[{"eventName":"s3:ObjectCreated:Put",
		"s3":{"bucket":{"name":"calls"},"object":{"key":"2026/op+17/call%2B1.wav","size":44,"eTag":"\"0f343b0931126a20f133d67c2b018a3b\""}}}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, ev := range events {
		fmt.Printf("%s s3://%s/%s %d bytes etag %s\n", ev.EventName, ev.Bucket, ev.Key, ev.Size, ev.ETag)
	}
	// Output: s3:ObjectCreated:Put s3://calls/2026/op 17/call+1.wav 44 bytes etag 0f343b0931126a20f133d67c2b018a3b
}
