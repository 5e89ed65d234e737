// Package safefile reads configuration files (dictionaries, scoring
// profiles) from a folder an operator controls without trusting it: only
// regular files (a symlink is followed to one), never a FIFO, device or
// socket, which would block for ever or never end, and never more than a
// size limit.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ErrNotRegular is wrapped by the error about a name that is not a regular
// file (a FIFO, a device such as /dev/zero, a socket, a directory).
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is wrapped by the error about a file over the size limit.
var ErrTooLarge = errors.New("file too large")

// ReadFS reads name from fsys, refusing what is not a regular file and
// anything larger than limit bytes. It checks before it opens, so a FIFO is
// never opened (opening one blocks until a writer comes).
func ReadFS(fsys fs.FS, name string, limit int64) ([]byte, error) {
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if err := check(st, limit); err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readOpened(f, limit)
}

// Read is ReadFS for a path of the operating system.
func Read(path string, limit int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := check(st, limit); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readOpened(f, limit)
}

// readOpened reads a file opened after its Stat passed check. The file may
// have changed in between, so what was opened is checked again.
func readOpened(f fs.File, limit int64) ([]byte, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := check(st, limit); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
	}
	return data, nil
}

func check(st fs.FileInfo, limit int64) error {
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%w (%s): only regular files are read", ErrNotRegular, kind(st.Mode()))
	}
	if st.Size() > limit {
		return fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, st.Size(), limit)
	}
	return nil
}

func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m.IsDir():
		return "a directory"
	case m&fs.ModeIrregular != 0:
		return "an irregular file"
	}
	return m.Type().String()
}

// ErrNotWritable is wrapped by CheckWritable's error.
var ErrNotWritable = errors.New("directory is not writable")

// CheckWritable reports whether files can be created in dir, by creating
// and removing one: a read-only mount, an immutable directory or missing
// permissions all fail here with the system's reason ("read-only file
// system", "permission denied"), before a server fails on them in a way
// that names another cause or waits.
func CheckWritable(dir string) error {
	f, err := os.CreateTemp(dir, ".callscope-write-check-*")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("%w: %s: %w (read-only?)", ErrNotWritable, dir, err)
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}
