package whatif

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"

	"github.com/callscope/callscope/analyze"
	"github.com/callscope/callscope/analyze/dicttest"
	"github.com/callscope/callscope/analyze/match"
	"github.com/callscope/callscope/report"
	"github.com/callscope/callscope/schemas"
	"github.com/callscope/callscope/store"
)

// Objects reads a stored object, at most maxBytes of it
// (internal/objstore's Store.Get).
type Objects interface {
	Get(ctx context.Context, bucket, key string, maxBytes int64) ([]byte, error)
}

// StoredCall is a stored call as the dictionary test reads it: the use
// case behind `callscope dict test --call` and the API's
// POST /api/v1/dictionaries/test with a call_id.
type StoredCall struct {
	CallID, ObjectKey string
	// Language and DictionaryVersion are its latest analysis's.
	Language, DictionaryVersion string
	Transcript                  schemas.Transcript
	// Hits are the hits its latest analysis stored (never nil).
	Hits []schemas.Hit
}

// ReadStoredCall reads a call's latest analysis in the scope of ctx
// (report.ErrCallNotFound when there is none there), its transcript from
// the transcripts bucket and the hits its analysis stored.
func ReadStoredCall(ctx context.Context, db store.DB, objs Objects, bucket, callID string) (StoredCall, error) {
	key, _, err := report.CallObject(ctx, db, callID)
	if err != nil {
		return StoredCall{}, err
	}
	c := StoredCall{CallID: callID, ObjectKey: key}
	rows, err := db.Query(ctx, `SELECT argMax(language, row_version), argMax(dictionary_version, row_version)
FROM calls WHERE call_id = ?`, callID)
	if err != nil {
		return c, fmt.Errorf("call %s: %w", callID, err)
	}
	for rows.Next() {
		if err := rows.Scan(&c.Language, &c.DictionaryVersion); err != nil {
			rows.Close()
			return c, fmt.Errorf("call %s: %w", callID, err)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return c, fmt.Errorf("call %s: %w", callID, err)
	}
	trKey := schemas.TranscriptKey(key)
	data, err := objs.Get(ctx, bucket, trKey, schemas.MaxTranscriptBytes+1)
	if err != nil {
		return c, fmt.Errorf("call %s: %w", callID, err)
	}
	if len(data) > schemas.MaxTranscriptBytes {
		return c, fmt.Errorf("call %s: s3://%s/%s: %w", callID, bucket, trKey, schemas.ErrTranscriptTooLarge)
	}
	if err := json.Unmarshal(data, &c.Transcript); err != nil {
		return c, fmt.Errorf("call %s: s3://%s/%s: not a transcript: %w", callID, bucket, trKey, err)
	}
	if c.Hits, err = store.CallHits(ctx, db, callID); err != nil {
		return c, err
	}
	if c.Hits == nil {
		c.Hits = []schemas.Hit{}
	}
	return c, nil
}

// Lang is the language the call is tested in: lang when given, else its
// analysis's, else its transcript's, else Russian.
func (c StoredCall) Lang(lang string) string {
	return cmp.Or(analyze.BaseLanguage(lang), analyze.BaseLanguage(c.Language), analyze.BaseLanguage(c.Transcript.Language), "ru")
}

// Test finds m's hits in the call's transcript (in c.Lang(lang)) beside
// the hits its analysis stored.
func (c StoredCall) Test(m *match.Matcher, lang string, opt match.CallOptions) dicttest.Result {
	res := dicttest.Transcript(m, c.Transcript, c.Lang(lang), opt)
	res.CallID = c.CallID
	res.Stored = &dicttest.Stored{DictionaryVersion: c.DictionaryVersion, Hits: c.Hits}
	return res
}
