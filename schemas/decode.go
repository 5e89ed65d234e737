package schemas

import (
	"bytes"
	"encoding/json"
	"fmt"

	fastjson "github.com/segmentio/encoding/json"
)

// DecodeStoreJob decodes the body of a store job: the binary form
// EncodeStoreJob writes (what the pipeline publishes), or JSON, as
// json.Unmarshal does (older versions published JSON, and a queue may still
// hold such jobs). A job carries a whole analysis, and JSON is decoded with
// github.com/segmentio/encoding/json, into the same value 2-3 times faster
// than encoding/json (TestFastDecodeSame checks the values agree). A JSON
// body it refuses is decoded again by encoding/json, so errors read as
// they always have. A binary body of a layout this version does not know
// is refused with an error that says so; a newer worker's wraps
// ErrNewerLayout.
func DecodeStoreJob(data []byte) (StoreJob, error) {
	if IsBinaryStoreJob(data) {
		return decodeBinaryStoreJob(data)
	}
	if n := len(storeJobMagic); len(data) >= n && bytes.Equal(data[:n-1], storeJobMagic[:n-1]) {
		if data[n-1] > storeJobMagic[n-1] {
			return StoreJob{}, fmt.Errorf("%w: layout version %d; this worker reads %d to %d (%w)",
				ErrBadStoreJob, data[n-1], storeJobOldest, storeJobMagic[n-1], ErrNewerLayout)
		}
		return StoreJob{}, fmt.Errorf("%w: layout version %d; this worker reads %d to %d",
			ErrBadStoreJob, data[n-1], storeJobOldest, storeJobMagic[n-1])
	}
	var job StoreJob
	if err := fastjson.Unmarshal(data, &job); err != nil {
		job = StoreJob{}
		return job, json.Unmarshal(data, &job)
	}
	return job, nil
}

// DecodeAnalyzeJob decodes the JSON body of an analyze job as
// json.Unmarshal does, with the faster decoder (see DecodeStoreJob).
func DecodeAnalyzeJob(data []byte) (AnalyzeJob, error) {
	var job AnalyzeJob
	if err := fastjson.Unmarshal(data, &job); err != nil {
		job = AnalyzeJob{}
		return job, json.Unmarshal(data, &job)
	}
	return job, nil
}

// decodeFirst decodes the first JSON value of data into v and ignores what
// follows, as json.Decoder.Decode does, with the faster decoder; whatever
// it refuses is decoded again by encoding/json for its error.
func decodeFirst(data []byte, v any, zero func()) error {
	if _, err := fastjson.Parse(data, v, 0); err == nil {
		return nil
	}
	zero()
	return json.NewDecoder(bytes.NewReader(data)).Decode(v)
}
