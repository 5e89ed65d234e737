package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// BucketCallIDs is the key-value bucket where store workers claim the
// call_id of a recording they are about to store for the first time.
const BucketCallIDs = "CALLSCOPE_CALL_IDS"

// callIDClaimTTL is how long a claim lives. The claim only has to cover the
// moment between a store worker's look-up of a call_id in ClickHouse and
// its INSERT; after that ClickHouse itself says who owns the id.
const callIDClaimTTL = 24 * time.Hour

// CallIDClaims settles which recording owns a call_id when two store
// workers meet the same new call_id at the same instant: each ClickHouse
// look-up finds no owner, and without an atomic claim both INSERTs would
// land and the later would silently replace the other call. A JetStream
// key-value Create is atomic across the cluster, so exactly one recording
// wins and the other is recorded failed, naming both.
type CallIDClaims struct {
	kv jetstream.KeyValue
}

// OpenCallIDClaims opens the claims bucket (EnsureStream creates it).
func OpenCallIDClaims(ctx context.Context, js jetstream.JetStream) (*CallIDClaims, error) {
	kv, err := js.KeyValue(ctx, BucketCallIDs)
	if err != nil {
		return nil, fmt.Errorf("pipeline: open key-value bucket %s (run `callscope ingest init`): %w", BucketCallIDs, err)
	}
	return &CallIDClaims{kv: kv}, nil
}

// Claim gives callID to objectKey unless another recording holds it, and
// returns the holder: objectKey itself when the claim is (or already was)
// its own.
func (c *CallIDClaims) Claim(ctx context.Context, callID, objectKey string) (string, error) {
	key := claimKey(callID)
	_, err := c.kv.Create(ctx, key, []byte(objectKey))
	if err == nil {
		return objectKey, nil
	}
	if !errors.Is(err, jetstream.ErrKeyExists) {
		return "", fmt.Errorf("pipeline: claim call_id %q: %w", callID, err)
	}
	e, err := c.kv.Get(ctx, key)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		// Expired between Create and Get: claim again.
		return c.Claim(ctx, callID, objectKey)
	}
	if err != nil {
		return "", fmt.Errorf("pipeline: read the claim on call_id %q: %w", callID, err)
	}
	return string(e.Value()), nil
}

// Release gives up objectKey's claim on callID (the store removed the
// recording's call under that id: it was analysed again under another), so
// that another recording may take the id at once rather than after the
// claim expires. A claim another recording holds is left; releasing one
// that is not there is not an error.
func (c *CallIDClaims) Release(ctx context.Context, callID, objectKey string) error {
	key := claimKey(callID)
	e, err := c.kv.Get(ctx, key)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("pipeline: read the claim on call_id %q: %w", callID, err)
	}
	if string(e.Value()) != objectKey {
		return nil
	}
	// Only the revision read: a claim taken again since stays.
	err = c.kv.Delete(ctx, key, jetstream.LastRevision(e.Revision()))
	if err != nil && !errors.Is(err, jetstream.ErrKeyNotFound) && !errors.Is(err, jetstream.ErrKeyExists) {
		var apiErr *jetstream.APIError
		if !errors.As(err, &apiErr) || apiErr.ErrorCode != jetstream.JSErrCodeStreamWrongLastSequence {
			return fmt.Errorf("pipeline: release the claim on call_id %q: %w", callID, err)
		}
	}
	return nil
}

// claimKey is a call_id's key in the claims bucket: key-value keys allow a
// narrow alphabet, a call_id may hold anything.
func claimKey(callID string) string {
	sum := sha256.Sum256([]byte(callID))
	return hex.EncodeToString(sum[:16])
}

func ensureCallIDs(ctx context.Context, js jetstream.JetStream, cfg StreamConfig) error {
	_, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket:      BucketCallIDs,
		Description: "callscope: which recording claimed a new call_id (store stage)",
		TTL:         callIDClaimTTL,
		Storage:     cfg.storage(),
		Replicas:    cfg.Replicas,
	})
	if err != nil {
		return fmt.Errorf("pipeline: create key-value bucket %s: %w", BucketCallIDs, err)
	}
	return nil
}
