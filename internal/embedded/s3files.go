package embedded

import (
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"syscall"
	"time"
)

// ErrNotDirect is returned by S3.ReadObject for an object it does not read
// from its file (a key a plain path cannot name faithfully, a directory, a
// server that is closed): read it through the S3 API instead.
var ErrNotDirect = errors.New("embedded s3: object not readable from its file")

// ReadObject reads up to maxBytes (no limit if maxBytes <= 0) of an
// object straight from its file in the posix backend: the bytes a GET
// returns, without the HTTP round trip, request signing and the metadata
// lookups the gateway makes for every GET (reprocessing reads one
// transcript per call). found is false when the bucket or the object does
// not exist. The backend publishes an object by linking a complete file
// into place, so a read never sees a partial object. Anything ReadObject
// is not sure of (see ErrNotDirect) is left to the S3 API.
func (s *S3) ReadObject(bucket, key string, maxBytes int64) (data []byte, found bool, err error) {
	if !plainPath(bucket) || !plainPath(key) || strings.HasPrefix(key, ".sgwtmp") {
		return nil, false, ErrNotDirect
	}
	s.filesMu.RLock()
	defer s.filesMu.RUnlock()
	if s.files == nil {
		return nil, false, ErrNotDirect
	}
	if data, found, ok, err := readBeneath(s.dir, bucket, key, maxBytes); ok {
		return data, found, err
	}
	// os.Root keeps the path inside the buckets directory whatever the
	// key holds.
	f, err := s.files.Open(bucket + "/" + key)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
			return nil, false, nil
		}
		return nil, false, fmt.Errorf("%w: %w", ErrNotDirect, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return nil, false, ErrNotDirect
	}
	size := info.Size()
	var r io.Reader = f
	if maxBytes > 0 {
		size = min(size, maxBytes)
		r = io.LimitReader(f, maxBytes)
	}
	buf := make([]byte, 0, size+1)
	for {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, true, nil
		}
		if err != nil {
			return nil, false, fmt.Errorf("embedded s3: read s3://%s/%s: %w", bucket, key, err)
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
}

// Version is what tells one version of an object from another: its ETag
// and its modification time (to the second, as a HEAD gives it).
type Version struct {
	ETag     string
	Modified time.Time
}

// ObjectVersion returns an object's ETag, from the file in which the posix
// backend keeps it (Dir/meta/<bucket>/<key>/meta/etag), and its file's
// modification time, without the HTTP round trip of a HEAD: ingest asks it
// for the transcript beside every recording it takes. found is false when
// the object does not exist. An error wrapping ErrNotDirect sends the
// question to S3.
func (s *S3) ObjectVersion(bucket, key string) (v Version, found bool, err error) {
	if !plainPath(bucket) || !plainPath(key) || strings.HasPrefix(key, ".sgwtmp") {
		return Version{}, false, ErrNotDirect
	}
	s.filesMu.RLock()
	defer s.filesMu.RUnlock()
	if s.files == nil || s.meta == nil {
		return Version{}, false, ErrNotDirect
	}
	return s.versionLocked(bucket, key)
}

// versionLocked is ObjectVersion with s.filesMu held.
func (s *S3) versionLocked(bucket, key string) (v Version, found bool, err error) {
	regular, modified, found, ok := regularBeneath(s.dir, bucket+"/"+key)
	if !ok {
		info, err := s.files.Stat(bucket + "/" + key)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
				return Version{}, false, nil
			}
			return Version{}, false, fmt.Errorf("%w: %w", ErrNotDirect, err)
		}
		regular, modified, found = info.Mode().IsRegular(), info.ModTime(), true
	}
	switch {
	case !found:
		return Version{}, false, nil
	case !regular:
		return Version{}, false, ErrNotDirect
	}
	etag, err := s.etagLocked(bucket, key)
	if err != nil {
		return Version{}, false, err
	}
	return Version{ETag: etag, Modified: modified.UTC().Truncate(time.Second)}, true, nil
}

// ReadObjectVersion is ReadObject with the object's version. The backend
// writes an object's ETag before it links the object's file into place,
// so a read between the two would pair the new ETag with the old bytes:
// an ETag that is an MD5 (a single PUT, as sidecars are) is checked
// against the bytes, and any other, or a mismatch, sends the read to S3.
func (s *S3) ReadObjectVersion(bucket, key string, maxBytes int64) (data []byte, v Version, found bool, err error) {
	data, found, err = s.ReadObject(bucket, key, maxBytes)
	if err != nil || !found {
		return nil, Version{}, found, err
	}
	s.filesMu.RLock()
	if s.files == nil || s.meta == nil {
		err = ErrNotDirect
	} else {
		v, found, err = s.versionLocked(bucket, key)
	}
	s.filesMu.RUnlock()
	if err != nil || !found {
		return nil, Version{}, false, ErrNotDirect // deleted or replaced since: S3 decides
	}
	sum := md5.Sum(data)
	if maxBytes > 0 && int64(len(data)) >= maxBytes || !strings.EqualFold(v.ETag, hex.EncodeToString(sum[:])) {
		return nil, Version{}, false, ErrNotDirect
	}
	return data, v, true, nil
}

// etagLocked reads an object's ETag file; s.filesMu is held.
func (s *S3) etagLocked(bucket, key string) (string, error) {
	b, err := s.meta.ReadFile(bucket + "/" + key + "/meta/etag")
	if err != nil {
		// No ETag file for an object that is there: not a layout this
		// reader knows.
		return "", fmt.Errorf("%w: %w", ErrNotDirect, err)
	}
	return strings.Trim(strings.TrimSpace(string(b)), `"`), nil
}

// plainPath reports whether p names the same file as the S3 name it is:
// relative, no empty, "." or ".." element, no trailing slash (a directory
// object), no NUL.
func plainPath(p string) bool {
	if p == "" || strings.ContainsRune(p, 0) {
		return false
	}
	for el := range strings.SplitSeq(p, "/") {
		if el == "" || el == "." || el == ".." {
			return false
		}
	}
	return true
}
