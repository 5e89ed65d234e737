package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/callscope/callscope/schemas"
)

// ErrCallIDTaken is wrapped by the reason of a recording that was not
// stored because its call_id already belongs to another recording.
//
// The identity rule: a call is identified by its call_id (the sidecar's
// call_id, else the object key without its extension), and a call_id belongs
// to the first recording (object key) stored under it. A new analysis of
// that same recording (re-analysis, re-upload at the same key) replaces the
// old one, also under another call_id (supersedeEarlierIDs); an analysis of another recording with the same call_id is not
// stored: that recording is recorded as failed at the store stage with a
// reason naming both objects, so a collision is never silent.
var ErrCallIDTaken = errors.New("call_id already used by another recording")

// Claimer atomically claims a call_id that ClickHouse has no recording
// for, and returns the object key holding it (objectKey when the claim is
// its own). Store workers running at once share one, so two recordings
// with the same new call_id cannot both be stored (pipeline.CallIDClaims).
type Claimer interface {
	Claim(ctx context.Context, callID, objectKey string) (owner string, err error)
}

// ClaimReleaser is a Claimer that can give a claim up: the store stage
// releases the claim on a call_id whose call it removed (a recording
// analysed again under another id), so another recording may take the id
// at once. pipeline.CallIDClaims is one.
type ClaimReleaser interface {
	Claimer
	Release(ctx context.Context, callID, objectKey string) error
}

// claimCallIDs splits a batch into the analyses that may be written and
// failed statuses for those whose call_id belongs to another recording:
// one already stored, one earlier in the same batch, or one another
// worker claimed (claims may be nil: one worker only).
// stored is what storedCalls found of the batch's calls.
func claimCallIDs(ctx context.Context, stored map[string][]storedMonth, claims Claimer, analyses []schemas.Analysis, now time.Time, attempts map[int]int) (kept []schemas.Analysis, keptIdx []int, rejected []schemas.Status, err error) {
	owners := storedOwners(stored)
	byClaim := map[string]bool{} // owned by a recording another worker is storing now
	for i, a := range analyses {
		owner, ok := owners[a.CallID]
		if !ok {
			owner = a.ObjectKey // the first in the batch takes it
			if claims != nil {
				if owner, err = claims.Claim(ctx, a.CallID, a.ObjectKey); err != nil {
					return nil, nil, nil, err
				}
				byClaim[a.CallID] = owner != a.ObjectKey
			}
			owners[a.CallID] = owner
		}
		if owner == a.ObjectKey {
			kept = append(kept, a)
			keptIdx = append(keptIdx, i)
			continue
		}
		reason := fmt.Errorf("%w: call_id %q is the id of recording %s, stored first; this recording %s is not stored: give each recording its own call_id (or none: the key is then the id)",
			ErrCallIDTaken, a.CallID, owner, a.ObjectKey)
		if byClaim[a.CallID] {
			reason = fmt.Errorf("%w: call_id %q was claimed by recording %s, being stored at the same moment; this recording %s is not stored: give each recording its own call_id (or none: the key is then the id)",
				ErrCallIDTaken, a.CallID, owner, a.ObjectKey)
		}
		rejected = append(rejected, schemas.Status{
			ObjectKey: a.ObjectKey, ETag: a.ETag, CallID: a.CallID,
			Stage: schemas.StageStore, State: schemas.StateFailed,
			Error: reason.Error(), Attempts: max(attempts[i], 1), At: now,
		})
	}
	return kept, keptIdx, rejected, nil
}

// storedOwners is the recording (object key) each call_id found by
// storedCalls is stored under: the key of its newest row.
func storedOwners(stored map[string][]storedMonth) map[string]string {
	owners := make(map[string]string, len(stored))
	for id, months := range stored {
		newest := months[0]
		for _, m := range months[1:] {
			if m.version > newest.version {
				newest = m
			}
		}
		owners[id] = newest.key
	}
	return owners
}
