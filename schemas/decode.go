package schemas

import (
	"bytes"
	"encoding/json"

	fastjson "github.com/segmentio/encoding/json"
)

// DecodeStoreJob decodes the JSON body of a store job, as json.Unmarshal
// does. It is the store stage's busiest step: a job carries a whole
// analysis (about 9 KB), and github.com/segmentio/encoding/json decodes it
// into the same value 2-3 times faster than encoding/json
// (TestFastDecodeSame checks the values agree). A body it refuses is
// decoded again by encoding/json, so errors read as they always have.
func DecodeStoreJob(data []byte) (StoreJob, error) {
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
