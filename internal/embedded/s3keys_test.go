package embedded

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// TestS3RefusesKeysOutsideTheBucket: an uploader's key with ".." elements
// is refused by the embedded S3 (400), and no upload, refused or not,
// writes a file outside the bucket's directories. minio-go sends such
// keys as they are, so the server is what is tested.
func TestS3RefusesKeysOutsideTheBucket(t *testing.T) {
	wd, _ := os.Getwd()
	t.Cleanup(func() { _ = os.Chdir(wd) })
	dir := t.TempDir()
	s, err := StartS3(S3Config{Dir: filepath.Join(dir, "objects"), AccessKey: "a-key", SecretKey: "a-secret"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	c, err := minio.New(s.Endpoint(), &minio.Options{Creds: credentials.NewStaticV4("a-key", "a-secret", "")})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := c.MakeBucket(ctx, "calls", minio.MakeBucketOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		key     string
		refused bool
	}{
		{"../escape.wav", true},
		{"../../escape.wav", true},
		{"a/../../escape.wav", true},
		{"a/..", true},
		{"..%2fescape.wav", false}, // a plain name with "%2f" in it
		{"2026/11/ok.wav", false},
	} {
		_, err := c.PutObject(ctx, "calls", tc.key, bytes.NewReader([]byte("RIFF")), 4, minio.PutObjectOptions{})
		if (err != nil) != tc.refused {
			t.Errorf("PUT %q: %v, want refused %v", tc.key, err, tc.refused)
		}
	}
	buckets := filepath.Join(dir, "objects", "buckets")
	meta := filepath.Join(dir, "objects", "meta")
	err = filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		inside := strings.HasPrefix(p, filepath.Join(buckets, "calls")+string(filepath.Separator)) ||
			strings.HasPrefix(p, filepath.Join(meta, "calls")+string(filepath.Separator)) ||
			strings.HasPrefix(p, filepath.Join(buckets, ".vgwlocks")+string(filepath.Separator))
		if !inside || strings.Contains(filepath.Base(p), "escape") && !strings.Contains(p, "%2f") {
			t.Errorf("a file outside the bucket: %s", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
