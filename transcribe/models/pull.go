package models

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/bzip2"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// ManifestFile is the manifest written into every installed model.
const ManifestFile = ".callscope-model.json"

// Manifest records what was installed, for verify.
type Manifest struct {
	Name        string          `json:"name"`
	Source      string          `json:"source"` // URL or local archive
	SHA256      string          `json:"sha256"` // of the archive
	Trusted     bool            `json:"trusted,omitempty"`
	InstalledAt time.Time       `json:"installed_at"`
	Files       map[string]File `json:"files"`
}

// File is one installed file.
type File struct {
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// PullOptions adjust a pull.
type PullOptions struct {
	// SHA256 is the archive's expected checksum when the catalogue has
	// none (or replaces the catalogue's, e.g. for a mirror's repack).
	SHA256 string
	// Trust accepts an archive with no checksum to compare with; its
	// SHA-256 is recorded in the manifest and returned.
	Trust bool
	// URL replaces the catalogue's address (a mirror).
	URL string
	// From installs from a local archive instead of downloading.
	From string
}

// Puller downloads and installs models into Dir.
type Puller struct {
	Dir    string
	Client *http.Client // default: no overall timeout, 30 s to connect
	// Progress receives a progress bar (carriage returns); nil is quiet.
	Progress io.Writer
}

// Pull downloads (resuming an interrupted download), checks and unpacks a
// model, and returns its manifest.
func (p *Puller) Pull(ctx context.Context, m Model, opts PullOptions) (Manifest, error) {
	want := strings.ToLower(strings.TrimSpace(opts.SHA256))
	if want == "" {
		want = m.SHA256
	}
	if want != "" && !isHex64(want) {
		return Manifest{}, fmt.Errorf("models: --sha256 %q: want 64 hex digits", opts.SHA256)
	}
	if want == "" && !opts.Trust {
		return Manifest{}, fmt.Errorf("models: %s: %w: the catalogue has no SHA-256 for it; take the checksum from the publisher (%s) and pass --sha256, or pass --trust to accept what arrives (its SHA-256 is printed and recorded)", m.Name, ErrNoChecksum, m.URL)
	}
	dir := p.Dir
	if dir == "" {
		dir = DefaultDir()
	}
	archive := opts.From
	source := opts.From
	if archive == "" {
		url := opts.URL
		if url == "" {
			url = m.URL
		}
		source = url
		var err error
		if archive, err = p.download(ctx, dir, m, url); err != nil {
			return Manifest{}, err
		}
	}
	got, err := fileSHA256(archive)
	if err != nil {
		return Manifest{}, fmt.Errorf("models: %s: %w", archive, err)
	}
	if want != "" && got != want {
		if opts.From == "" {
			os.Remove(archive) // a bad download must not be resumed
		}
		return Manifest{}, fmt.Errorf("models: %s: %w: %s has SHA-256 %s, want %s", m.Name, ErrChecksum, source, got, want)
	}
	man, err := install(dir, m, archive)
	if err != nil {
		return Manifest{}, err
	}
	man.Source, man.SHA256, man.Trusted = source, got, want == ""
	if err := writeManifest(filepath.Join(dir, m.Name), man); err != nil {
		return Manifest{}, err
	}
	if opts.From == "" {
		os.Remove(archive)
	}
	return man, nil
}

// download fetches url into dir/.downloads, resuming a partial file with an
// HTTP Range request, and returns the file's path.
func (p *Puller) download(ctx context.Context, dir string, m Model, url string) (string, error) {
	dl := filepath.Join(dir, ".downloads")
	if err := os.MkdirAll(dl, 0o755); err != nil {
		return "", fmt.Errorf("models: %w", err)
	}
	part := filepath.Join(dl, m.Name+".part")
	f, err := os.OpenFile(part, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return "", fmt.Errorf("models: %w", err)
	}
	defer f.Close()
	have, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		return "", fmt.Errorf("models: %s: %w", part, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", fmt.Errorf("models: %s: %w", url, err)
	}
	if have > 0 {
		req.Header.Set("Range", fmt.Sprintf("bytes=%d-", have))
	}
	client := p.Client
	if client == nil {
		client = &http.Client{Transport: &http.Transport{Proxy: http.ProxyFromEnvironment, TLSHandshakeTimeout: 30 * time.Second, ResponseHeaderTimeout: 60 * time.Second}}
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", fmt.Errorf("models: download %s: %w (an offline site can install with --from FILE)", url, err)
	}
	defer resp.Body.Close()
	total := int64(-1)
	switch resp.StatusCode {
	case http.StatusPartialContent:
		var start, end, size int64
		if _, err := fmt.Sscanf(resp.Header.Get("Content-Range"), "bytes %d-%d/%d", &start, &end, &size); err != nil || start != have {
			return "", fmt.Errorf("models: download %s: server resumed at a different place (Content-Range %q)", url, resp.Header.Get("Content-Range"))
		}
		total = size
	case http.StatusOK:
		// The server ignores Range: start again.
		if err := f.Truncate(0); err != nil {
			return "", fmt.Errorf("models: %w", err)
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return "", fmt.Errorf("models: %w", err)
		}
		have = 0
		total = resp.ContentLength
	case http.StatusRequestedRangeNotSatisfiable:
		// The part file is already whole (or longer than the file: the
		// checksum will tell).
		return part, nil
	default:
		return "", fmt.Errorf("models: download %s: HTTP %s", url, resp.Status)
	}
	if total <= 0 {
		total = m.Size
	}
	bar := newProgress(p.Progress, m.Name, have, total)
	_, err = io.Copy(io.MultiWriter(f, bar), resp.Body)
	bar.done()
	if err != nil {
		return "", fmt.Errorf("models: download %s: %w (run pull again to resume)", url, err)
	}
	if err := f.Sync(); err != nil {
		return "", fmt.Errorf("models: %w", err)
	}
	return part, nil
}

// install unpacks the archive into dir/NAME (replacing an older copy only
// once the new one is complete) and returns the manifest of its files.
func install(dir string, m Model, archive string) (Manifest, error) {
	tmp, err := os.MkdirTemp(dir, "."+m.Name+".unpack-")
	if err != nil {
		return Manifest{}, fmt.Errorf("models: %w", err)
	}
	defer os.RemoveAll(tmp)
	files, err := unpack(archive, tmp, m.Keep)
	if err != nil {
		return Manifest{}, fmt.Errorf("models: %s: %w", archive, err)
	}
	if len(files) == 0 {
		return Manifest{}, fmt.Errorf("models: %s: %w: nothing to install (want %v)", archive, ErrArchive, m.Keep)
	}
	dest := filepath.Join(dir, m.Name)
	old := dest + ".old"
	os.RemoveAll(old)
	if _, err := os.Stat(dest); err == nil {
		if err := os.Rename(dest, old); err != nil {
			return Manifest{}, fmt.Errorf("models: %w", err)
		}
	}
	if err := os.Rename(tmp, dest); err != nil {
		return Manifest{}, fmt.Errorf("models: %w", err)
	}
	os.RemoveAll(old)
	return Manifest{Name: m.Name, InstalledAt: time.Now().UTC(), Files: files}, nil
}

// unpack extracts a tar.gz, tar.bz2, zip or tar archive (found by its first
// bytes) into dest, stripping a top directory common to every entry, and
// returns the files written. Entries that would land outside dest, links
// and devices are refused.
func unpack(archive, dest string, keep []string) (map[string]File, error) {
	f, err := os.Open(archive)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, 262)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	// tar is a stream: its members are spooled beside the destination
	// until the common top directory is known.
	spool := filepath.Join(dest, ".spool")
	if err := os.MkdirAll(spool, 0o755); err != nil {
		return nil, err
	}
	defer os.RemoveAll(spool)
	var entries []entry
	switch {
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		gz, err := gzip.NewReader(bufio.NewReader(f))
		if err != nil {
			return nil, fmt.Errorf("%w: gzip: %v", ErrArchive, err)
		}
		entries, err = tarEntries(gz, spool)
		if err != nil {
			return nil, err
		}
	case bytes.HasPrefix(head, []byte("BZh")):
		entries, err = tarEntries(bzip2.NewReader(bufio.NewReader(f)), spool)
		if err != nil {
			return nil, err
		}
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		entries, err = zipEntries(f)
		if err != nil {
			return nil, err
		}
	case len(head) > 262-5 && string(head[257:262]) == "ustar":
		entries, err = tarEntries(f, spool)
		if err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("%w: not a tar.gz, tar.bz2, zip or tar archive", ErrArchive)
	}
	prefix := commonTop(entries)
	files := map[string]File{}
	for _, e := range entries {
		name := strings.TrimPrefix(e.name, prefix)
		if name == "" || e.dir {
			continue
		}
		if len(keep) > 0 && !contains(keep, name) {
			continue
		}
		out := filepath.Join(dest, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return nil, err
		}
		sum, size, err := e.write(out)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrArchive, e.name, err)
		}
		files[name] = File{Size: size, SHA256: sum}
	}
	return files, nil
}

// entry is one archive member; write copies it out.
type entry struct {
	name  string
	dir   bool
	write func(path string) (sum string, size int64, err error)
}

// cleanName checks an archive path: relative, no "..", forward slashes.
func cleanName(name string) (string, error) {
	name = strings.ReplaceAll(name, "\\", "/")
	c := path.Clean(strings.TrimPrefix(name, "./"))
	if c == "." || c == "" {
		return "", nil
	}
	if path.IsAbs(c) || c == ".." || strings.HasPrefix(c, "../") {
		return "", fmt.Errorf("%w: entry %q leaves the model directory", ErrArchive, name)
	}
	return c, nil
}

func tarEntries(r io.Reader, spoolDir string) ([]entry, error) {
	tr := tar.NewReader(r)
	var out []entry
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%w: tar: %v", ErrArchive, err)
		}
		name, err := cleanName(h.Name)
		if err != nil {
			return nil, err
		}
		if name == "" {
			continue
		}
		switch h.Typeflag {
		case tar.TypeDir:
			out = append(out, entry{name: name + "/", dir: true})
		case tar.TypeReg:
			spool, err := os.CreateTemp(spoolDir, "entry-")
			if err != nil {
				return nil, err
			}
			sp := spool.Name()
			_, err = io.Copy(spool, tr)
			spool.Close()
			if err != nil {
				os.Remove(sp)
				return nil, fmt.Errorf("%w: tar: %s: %v", ErrArchive, h.Name, err)
			}
			mode := h.FileInfo().Mode().Perm()
			out = append(out, entry{name: name, write: func(dst string) (string, int64, error) {
				defer os.Remove(sp)
				if err := os.Rename(sp, dst); err != nil {
					if err := copyFile(sp, dst); err != nil {
						return "", 0, err
					}
				}
				os.Chmod(dst, mode|0o600)
				return sumFile(dst)
			}})
		case tar.TypeXGlobalHeader, tar.TypeXHeader:
		default:
			return nil, fmt.Errorf("%w: entry %q is a link or device, not a file", ErrArchive, h.Name)
		}
	}
}

func zipEntries(f *os.File) ([]entry, error) {
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(f, fi.Size())
	if err != nil {
		return nil, fmt.Errorf("%w: zip: %v", ErrArchive, err)
	}
	var out []entry
	for _, zf := range zr.File {
		name, err := cleanName(zf.Name)
		if err != nil {
			return nil, err
		}
		if name == "" {
			continue
		}
		if zf.FileInfo().IsDir() {
			out = append(out, entry{name: name + "/", dir: true})
			continue
		}
		if !zf.Mode().IsRegular() {
			return nil, fmt.Errorf("%w: entry %q is a link or device, not a file", ErrArchive, zf.Name)
		}
		out = append(out, entry{name: name, write: func(dst string) (string, int64, error) {
			rc, err := zf.Open()
			if err != nil {
				return "", 0, err
			}
			defer rc.Close()
			return writeHashed(dst, rc)
		}})
	}
	return out, nil
}

// commonTop is "top/" when every entry lies under one top directory.
func commonTop(entries []entry) string {
	top := ""
	for _, e := range entries {
		first, _, found := strings.Cut(e.name, "/")
		if !found {
			return ""
		}
		if top == "" {
			top = first
		} else if first != top {
			return ""
		}
	}
	if top == "" {
		return ""
	}
	return top + "/"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func writeHashed(dst string, r io.Reader) (string, int64, error) {
	out, err := os.Create(dst)
	if err != nil {
		return "", 0, err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(out, h), r)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return hex.EncodeToString(h.Sum(nil)), n, err
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	_, _, err = writeHashed(dst, in)
	return err
}

func sumFile(p string) (string, int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	return hex.EncodeToString(h.Sum(nil)), n, err
}

func fileSHA256(p string) (string, error) {
	s, _, err := sumFile(p)
	return s, err
}

func isHex64(s string) bool {
	if len(s) != 64 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

func writeManifest(dir string, m Manifest) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, ManifestFile), append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("models: %w", err)
	}
	return nil
}

// ReadManifest reads an installed model's manifest.
func ReadManifest(dir, name string) (Manifest, error) {
	var m Manifest
	data, err := os.ReadFile(filepath.Join(Path(dir, name), ManifestFile))
	if errors.Is(err, os.ErrNotExist) {
		return m, fmt.Errorf("models: %s: %w (no %s in %s)", name, ErrNotInstalled, ManifestFile, Path(dir, name))
	}
	if err != nil {
		return m, fmt.Errorf("models: %w", err)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return m, fmt.Errorf("models: %s: %w: manifest: %v", name, ErrCorrupt, err)
	}
	return m, nil
}

// Verify recomputes the checksums of an installed model's files and
// compares them with its manifest; the error lists every difference.
func Verify(dir, name string) error {
	m, err := ReadManifest(dir, name)
	if err != nil {
		return err
	}
	var problems []string
	for rel, want := range m.Files {
		sum, size, err := sumFile(filepath.Join(Path(dir, name), filepath.FromSlash(rel)))
		switch {
		case errors.Is(err, os.ErrNotExist):
			problems = append(problems, rel+": missing")
		case err != nil:
			problems = append(problems, rel+": "+err.Error())
		case size != want.Size:
			problems = append(problems, fmt.Sprintf("%s: %d bytes, want %d", rel, size, want.Size))
		case sum != want.SHA256:
			problems = append(problems, rel+": SHA-256 differs")
		}
	}
	if len(problems) > 0 {
		sortStrings(problems)
		return fmt.Errorf("models: %s: %w: %s", name, ErrCorrupt, strings.Join(problems, "; "))
	}
	return nil
}

// InstalledNames lists the models in dir that have a manifest.
func InstalledNames(dir string) ([]string, error) {
	if dir == "" {
		dir = DefaultDir()
	}
	des, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("models: %w", err)
	}
	var out []string
	for _, de := range des {
		if de.IsDir() && !strings.HasPrefix(de.Name(), ".") {
			if _, err := os.Stat(filepath.Join(dir, de.Name(), ManifestFile)); err == nil {
				out = append(out, de.Name())
			}
		}
	}
	return out, nil
}
