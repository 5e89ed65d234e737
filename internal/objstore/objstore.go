// Package objstore is the object storage every stage uses: a thin layer
// over minio-go that speaks to any S3 (MinIO, AWS S3, Ceph, versitygw),
// names the object in every error (s3://bucket/key), and reports missing
// objects and buckets as ErrNotFound.
package objstore

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"maps"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
	"github.com/minio/minio-go/v7/pkg/notification"

	"github.com/callscope/callscope/internal/secrets"
)

// ErrNotFound is wrapped by errors about an object or bucket that does not
// exist.
var ErrNotFound = errors.New("objstore: not found")

// Config names an S3 endpoint and its credentials.
type Config struct {
	// Endpoint is "host:port", or a URL "http://host:port" or
	// "https://host:port" whose scheme sets Secure.
	Endpoint             string
	AccessKey, SecretKey string
	// Region of the buckets; empty lets the client discover it.
	Region string
	// Secure selects HTTPS for an Endpoint given without a scheme.
	Secure bool
}

// Info describes a stored object.
type Info struct {
	Key string
	// ETag is unquoted; for objects written by a single PUT it is the hex
	// MD5 of the content.
	ETag         string
	Size         int64
	LastModified time.Time
	// UserMetadata holds the x-amz-meta-* entries with lower-case keys
	// without the prefix. List leaves it nil.
	UserMetadata map[string]string
}

// Store is an S3 client. It is safe for concurrent use.
type Store struct {
	client    *minio.Client
	region    string
	transport *http.Transport
}

// New checks cfg and builds a client. It does not contact the server.
func New(cfg Config) (*Store, error) {
	host, secure, err := parseEndpoint(cfg.Endpoint, cfg.Secure)
	if err != nil {
		return nil, err
	}
	// Our own transport, so Close can end its kept-alive connections.
	transport, err := minio.DefaultTransport(secure)
	if err != nil {
		return nil, fmt.Errorf("objstore: endpoint %q: %w", secrets.MaskURL(cfg.Endpoint), err)
	}
	client, err := minio.New(host, &minio.Options{
		Creds:     credentials.NewStaticV4(cfg.AccessKey, cfg.SecretKey, ""),
		Secure:    secure,
		Region:    cfg.Region,
		Transport: transport,
	})
	if err != nil {
		return nil, fmt.Errorf("objstore: endpoint %q: %w", secrets.MaskURL(cfg.Endpoint), secrets.Scrub(err, cfg.Endpoint))
	}
	return &Store{client: client, region: cfg.Region, transport: transport}, nil
}

// Close ends the client's idle kept-alive connections. A server shutting
// down waits for open connections (the embedded S3 server for up to 10 s),
// so a process closes its client first. The Store still works afterwards:
// a later request opens a new connection.
func (s *Store) Close() {
	if s.transport != nil {
		s.transport.CloseIdleConnections()
	}
}

// parseEndpoint accepts "host:port" or "http(s)://host:port" and returns
// the host:port and whether to use TLS.
func parseEndpoint(endpoint string, secure bool) (string, bool, error) {
	bad := func(why string) (string, bool, error) {
		return "", false, fmt.Errorf("objstore: endpoint %q: %s (want host:port or http(s)://host:port)", endpoint, why)
	}
	e := strings.TrimSpace(endpoint)
	if e == "" {
		return bad("empty")
	}
	if strings.Contains(e, "://") {
		u, err := url.Parse(e)
		if err != nil {
			return bad(err.Error())
		}
		switch strings.ToLower(u.Scheme) {
		case "http":
			secure = false
		case "https":
			secure = true
		default:
			return bad("scheme " + u.Scheme + " is not http or https")
		}
		if u.Path != "" && u.Path != "/" {
			return bad("path " + u.Path + " is not supported: S3 endpoints are a host; buckets are named separately")
		}
		if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
			return bad("credentials, query or fragment in the URL are not supported")
		}
		e = u.Host
	}
	if strings.ContainsAny(e, "/?#@ ") {
		return bad("not a host:port")
	}
	if e == "" || strings.HasPrefix(e, ":") {
		return bad("no host")
	}
	return e, secure, nil
}

// Client is the underlying minio-go client, for what this package does not
// wrap.
func (s *Store) Client() *minio.Client { return s.client }

func objectURL(bucket, key string) string { return "s3://" + bucket + "/" + key }

// wrap names the object in err and marks "does not exist" answers with
// ErrNotFound.
func wrap(op, bucket, key string, err error) error {
	if isNotFound(err) {
		return fmt.Errorf("objstore: %s %s: %w: %w", op, objectURL(bucket, key), ErrNotFound, err)
	}
	return fmt.Errorf("objstore: %s %s: %w", op, objectURL(bucket, key), err)
}

func isNotFound(err error) bool {
	resp := minio.ToErrorResponse(err)
	switch resp.Code {
	case minio.NoSuchKey, minio.NoSuchBucket, "NotFound", "NoSuchVersion":
		return true
	}
	return resp.StatusCode == http.StatusNotFound
}

// EnsureBucket creates bucket unless it exists. A bucket created by someone
// else at the same moment is fine.
func (s *Store) EnsureBucket(ctx context.Context, bucket string) error {
	exists, err := s.client.BucketExists(ctx, bucket)
	if err != nil {
		return fmt.Errorf("objstore: check bucket s3://%s: %w", bucket, err)
	}
	if exists {
		return nil
	}
	err = s.client.MakeBucket(ctx, bucket, minio.MakeBucketOptions{Region: s.region})
	if err == nil {
		return nil
	}
	switch minio.ToErrorResponse(err).Code {
	case "BucketAlreadyOwnedByYou", "BucketAlreadyExists":
		// Lost a race with another worker; make sure it is ours to use.
		if exists, err2 := s.client.BucketExists(ctx, bucket); err2 == nil && exists {
			return nil
		}
	}
	return fmt.Errorf("objstore: create bucket s3://%s: %w", bucket, err)
}

// Get reads an object, at most maxBytes of it (maxBytes <= 0: all of it).
// To detect an oversized object, pass the limit plus one and compare the
// length.
func (s *Store) Get(ctx context.Context, bucket, key string, maxBytes int64) ([]byte, error) {
	data, _, err := s.GetWithInfo(ctx, bucket, key, maxBytes)
	return data, err
}

// GetWithInfo is Get that also returns the object's description from the
// same GET (ETag, size, time; no user metadata): the ETag is that of the
// bytes returned.
func (s *Store) GetWithInfo(ctx context.Context, bucket, key string, maxBytes int64) ([]byte, Info, error) {
	// One GET: the object's size comes with its body. (minio.Client's
	// Object.Stat sends a HEAD first, which doubled the requests of every
	// transcript a reprocess reads.) The size lets the buffer be allocated
	// once: io.ReadAll's doubling would briefly hold twice a large
	// recording.
	body, info, _, err := minio.Core{Client: s.client}.GetObject(ctx, bucket, key, minio.GetObjectOptions{})
	if err != nil {
		return nil, Info{}, wrap("get", bucket, key, err)
	}
	defer body.Close()
	var r io.Reader = body
	size := info.Size
	if maxBytes > 0 {
		r = io.LimitReader(body, maxBytes)
		size = min(size, maxBytes)
	}
	buf := bytes.NewBuffer(make([]byte, 0, max(size, 0)+bytes.MinRead))
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, Info{}, wrap("get", bucket, key, err)
	}
	info.Key = key
	got := infoFrom(info)
	got.UserMetadata = nil // a GET's headers, not all of them the user's
	return buf.Bytes(), got, nil
}

// Stat returns an object's description with its user metadata.
func (s *Store) Stat(ctx context.Context, bucket, key string) (Info, error) {
	oi, err := s.client.StatObject(ctx, bucket, key, minio.StatObjectOptions{})
	if err != nil {
		return Info{}, wrap("stat", bucket, key, err)
	}
	return infoFrom(oi), nil
}

func infoFrom(oi minio.ObjectInfo) Info {
	info := Info{
		Key:          oi.Key,
		ETag:         strings.Trim(oi.ETag, `"`),
		Size:         oi.Size,
		LastModified: oi.LastModified,
	}
	if oi.UserMetadata != nil {
		info.UserMetadata = lowerMeta(oi.UserMetadata)
	}
	return info
}

// lowerMeta lower-cases the keys and drops an x-amz-meta- prefix, the
// convention ingest.MetadataFromUser reads.
func lowerMeta(in map[string]string) map[string]string {
	out := make(map[string]string, len(in))
	for k, v := range in {
		k = strings.ToLower(k)
		out[strings.TrimPrefix(k, "x-amz-meta-")] = v
	}
	return out
}

// Put writes an object in a single PUT (so its ETag is the MD5 of data)
// with the given content type and user metadata (keys without the
// x-amz-meta- prefix; S3 allows US-ASCII values only).
func (s *Store) Put(ctx context.Context, bucket, key string, data []byte, contentType string, userMeta map[string]string) (Info, error) {
	if err := CheckKey(key); err != nil {
		return Info{}, fmt.Errorf("objstore: put to s3://%s: %w", bucket, err)
	}
	ui, err := s.client.PutObject(ctx, bucket, key, bytes.NewReader(data), int64(len(data)), minio.PutObjectOptions{
		ContentType:      contentType,
		UserMetadata:     userMeta,
		DisableMultipart: true,
		// Over plain HTTP minio-go signs the body in aws-chunked
		// streaming form; versitygw 1.8.0 leaves the final chunk of an
		// empty body unread on the connection and answers it with a stray
		// 400. An empty body has nothing to sign.
		DisableContentSha256: len(data) == 0,
	})
	if err != nil {
		return Info{}, wrap("put", bucket, key, err)
	}
	info := Info{
		Key:          key,
		ETag:         strings.Trim(ui.ETag, `"`),
		Size:         int64(len(data)),
		LastModified: ui.LastModified,
	}
	if userMeta != nil {
		info.UserMetadata = lowerMeta(maps.Clone(userMeta))
	}
	return info, nil
}

// List yields every object under prefix, recursively, in key order. Infos
// carry no user metadata (Stat an object for it). Iteration stops at the
// first error, which names the bucket and prefix.
func (s *Store) List(ctx context.Context, bucket, prefix string) iter.Seq2[Info, error] {
	return func(yield func(Info, error) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel() // stops minio-go's lister when the caller breaks out
		for oi := range s.client.ListObjects(ctx, bucket, minio.ListObjectsOptions{Prefix: prefix, Recursive: true}) {
			if oi.Err != nil {
				yield(Info{}, wrap("list", bucket, prefix, oi.Err))
				return
			}
			if !yield(infoFrom(oi), nil) {
				return
			}
		}
	}
}

// Remove deletes an object. Removing an object that does not exist is not
// an error (S3 semantics); a missing bucket is ErrNotFound.
func (s *Store) Remove(ctx context.Context, bucket, key string) error {
	if err := s.client.RemoveObject(ctx, bucket, key, minio.RemoveObjectOptions{}); err != nil {
		return wrap("remove", bucket, key, err)
	}
	return nil
}

// NotifyNATS asks the server to publish s3:ObjectCreated:* events of bucket
// to the notification target arn (MinIO: arn:minio:sqs::<ID>:nats, the ID
// of its MINIO_NOTIFY_NATS_*_<ID> settings), one rule per key suffix, or
// one rule for every key when no suffix is given. Rules already present,
// ours or others', are kept, so calling it again is harmless.
func (s *Store) NotifyNATS(ctx context.Context, bucket, arn string, suffixes ...string) error {
	target, err := notification.NewArnFromString(arn)
	if err != nil {
		return fmt.Errorf("objstore: bucket notification for s3://%s: ARN %q: %w", bucket, arn, err)
	}
	cfg, err := s.client.GetBucketNotification(ctx, bucket)
	if err != nil {
		return wrap("get notification rules of", bucket, "", err)
	}
	if len(suffixes) == 0 {
		suffixes = []string{""}
	}
	changed := false
	for _, suffix := range suffixes {
		if hasQueueRule(cfg, arn, suffix) {
			continue
		}
		rule := notification.NewConfig(target)
		rule.AddEvents(notification.ObjectCreatedAll)
		if suffix != "" {
			rule.AddFilterSuffix(suffix)
		} else {
			rule.Filter = nil
		}
		cfg.AddQueue(rule)
		changed = true
	}
	if !changed {
		return nil
	}
	// MinIO connects its notification targets in the background after it
	// reports ready, and until the NATS target is up it refuses rules naming
	// it as if the ARN did not exist; so a setup run right after the server
	// starts waits for the target a little before it gives up.
	deadline := time.Now().Add(targetWait)
	for {
		err = s.client.SetBucketNotification(ctx, bucket, cfg)
		if err == nil {
			return nil
		}
		if !isUnknownTarget(err) || time.Now().After(deadline) {
			break
		}
		select {
		case <-ctx.Done():
			return wrap(fmt.Sprintf("set notification rules (%s, suffixes %q) on", arn, suffixes), bucket, "", errors.Join(err, ctx.Err()))
		case <-time.After(250 * time.Millisecond):
		}
	}
	if isUnknownTarget(err) {
		err = fmt.Errorf("%w (the server has no notification target %s: check its MINIO_NOTIFY_NATS_*_ settings and that it reaches NATS)", err, arn)
	}
	return wrap(fmt.Sprintf("set notification rules (%s, suffixes %q) on", arn, suffixes), bucket, "", err)
}

// targetWait bounds how long NotifyNATS waits for a notification target the
// server does not know yet.
var targetWait = 20 * time.Second

// isUnknownTarget reports whether err is MinIO refusing a rule because it
// has no notification target of that ARN (yet).
func isUnknownTarget(err error) bool {
	resp := minio.ToErrorResponse(err)
	return strings.Contains(resp.Message, "destination ARN does not exist")
}

// hasQueueRule reports whether cfg already sends s3:ObjectCreated:* events
// for keys ending in suffix to arn.
func hasQueueRule(cfg notification.Configuration, arn, suffix string) bool {
	for _, q := range cfg.QueueConfigs {
		if q.Queue != arn {
			continue
		}
		all := false
		for _, e := range q.Events {
			if e == notification.ObjectCreatedAll {
				all = true
			}
		}
		if !all {
			continue
		}
		var got, prefix string
		if q.Filter != nil {
			for _, r := range q.Filter.S3Key.FilterRules {
				switch strings.ToLower(r.Name) {
				case "suffix":
					got = r.Value
				case "prefix":
					prefix = r.Value
				}
			}
		}
		if got == suffix && prefix == "" {
			return true
		}
	}
	return false
}
