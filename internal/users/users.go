// Package users keeps the local users of `callscope serve` in one file:
// names, roles, departments, the audio permission, and argon2id password
// hashes. `callscope users add|passwd|disable|enable|list` changes the file;
// a running server sees the changes at its next login or request (the file
// is read again when its modification time changes).
//
// The file is YAML, written atomically with mode 0600:
//
//	users:
//	  - name: anna
//	    role: supervisor
//	    departments: [Поддержка]
//	    listen: true
//	    hash: $argon2id$v=19$m=19456,t=2,p=1$...$...
//	    created_at: 2026-12-04T16:00:00Z
package users

import (
	"bytes"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
	"gopkg.in/yaml.v3"
)

// Role is what a user may do.
type Role string

// The roles.
const (
	// Admin manages users and reads the audit trail; sees every department.
	Admin Role = "admin"
	// Manager sees every department: reports, calls, search, dictionaries.
	Manager Role = "manager"
	// Supervisor sees only the calls of their departments.
	Supervisor Role = "supervisor"
	// Analyst works on dictionaries and what-if over all calls.
	Analyst Role = "analyst"
)

// Roles lists the roles.
var Roles = []Role{Admin, Manager, Supervisor, Analyst}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// AllDepartments says whether the role sees every department.
func (r Role) AllDepartments() bool { return r != Supervisor }

// Errors of the user file.
var (
	// ErrBadCredentials: no such user, a disabled user, or a wrong password
	// (not told apart, so a caller cannot probe for names).
	ErrBadCredentials = errors.New("wrong user name or password")
	ErrNoUser         = errors.New("no such user")
	ErrExists         = errors.New("user already exists")
	ErrInvalid        = errors.New("invalid user")
)

// User is one local user.
type User struct {
	Name        string   `yaml:"name" json:"name"`
	Role        Role     `yaml:"role" json:"role"`
	Departments []string `yaml:"departments,omitempty" json:"departments,omitempty"`
	Listen      bool     `yaml:"listen" json:"listen"`
	// RawAudio lets a user who may listen play the original recording;
	// without it they get the redacted copy (docs/privacy.md).
	RawAudio  bool      `yaml:"raw_audio,omitempty" json:"raw_audio"`
	Disabled  bool      `yaml:"disabled,omitempty" json:"disabled"`
	Hash      string    `yaml:"hash" json:"-"`
	CreatedAt time.Time `yaml:"created_at" json:"created_at"`
	// PasswordAt is when the password was last set: sessions started
	// before it end.
	PasswordAt time.Time `yaml:"password_at" json:"-"`
}

var nameRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$`)

// Check validates the user's name, role and departments.
func (u User) Check() error {
	if !nameRe.MatchString(u.Name) {
		return fmt.Errorf("%w: name %q: want 1-64 letters, digits, '.', '_', '@' or '-'", ErrInvalid, u.Name)
	}
	if !u.Role.Valid() {
		return fmt.Errorf("%w: role %q: want admin, manager, supervisor or analyst", ErrInvalid, u.Role)
	}
	if u.Role == Supervisor && len(u.Departments) == 0 {
		return fmt.Errorf("%w: a supervisor needs --departments", ErrInvalid)
	}
	for _, d := range u.Departments {
		if strings.TrimSpace(d) == "" || len(d) > 200 {
			return fmt.Errorf("%w: department %q", ErrInvalid, d)
		}
	}
	return nil
}

// Password rules: argon2id hashes any length, but a limit keeps a request
// from costing more than it should.
const (
	MinPassword = 8
	MaxPassword = 1024
)

// CheckPassword validates a new password.
func CheckPassword(p string) error {
	if utf8.RuneCountInString(p) < MinPassword {
		return fmt.Errorf("%w: the password needs at least %d characters", ErrInvalid, MinPassword)
	}
	if len(p) > MaxPassword {
		return fmt.Errorf("%w: the password is longer than %d bytes", ErrInvalid, MaxPassword)
	}
	return nil
}

// Params are argon2id's cost parameters (RFC 9106; OWASP's 19 MiB, 2 passes).
type Params struct {
	Memory  uint32 // KiB
	Time    uint32
	Threads uint8
}

// DefaultParams hash a password in tens of milliseconds.
var DefaultParams = Params{Memory: 19 * 1024, Time: 2, Threads: 1}

// Hash hashes a password with argon2id in the PHC string format.
func Hash(password string, p Params) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, 32)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Verify reports whether password matches a hash made by Hash.
func Verify(hash, password string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var v int
	var p Params
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return false
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return false
	}
	// A hash from a tampered file must not make a login cost minutes.
	if p.Memory > 1<<20 || p.Time > 16 || p.Threads == 0 || p.Threads > 16 {
		return false
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 || len(want) > 64 {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// File is the user file. It is safe for concurrent use.
type File struct {
	path   string
	params Params

	mu      sync.Mutex
	users   []User
	modTime time.Time
	size    int64
	// dummy is a hash checked for an unknown user, so a wrong name takes
	// as long as a wrong password.
	dummy string
}

type fileData struct {
	Users []User `yaml:"users"`
}

// Open reads the user file at path; a missing file is an empty one (it is
// created by the first Add).
func Open(path string, p Params) (*File, error) {
	if p == (Params{}) {
		p = DefaultParams
	}
	f := &File{path: path, params: p}
	dummy, err := Hash("not a password of anyone", p)
	if err != nil {
		return nil, err
	}
	f.dummy = dummy
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.reloadLocked(true); err != nil {
		return nil, err
	}
	return f, nil
}

// Path is where the file is.
func (f *File) Path() string { return f.path }

// reloadLocked reads the file again when it changed on disk.
func (f *File) reloadLocked(force bool) error {
	st, err := os.Stat(f.path)
	if errors.Is(err, os.ErrNotExist) {
		f.users, f.modTime, f.size = nil, time.Time{}, 0
		return nil
	}
	if err != nil {
		return fmt.Errorf("users %s: %w", f.path, err)
	}
	if !force && st.ModTime().Equal(f.modTime) && st.Size() == f.size {
		return nil
	}
	data, err := os.ReadFile(f.path)
	if err != nil {
		return fmt.Errorf("users %s: %w", f.path, err)
	}
	var fd fileData
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&fd); err != nil && len(bytes.TrimSpace(data)) > 0 {
		return fmt.Errorf("users %s: %w", f.path, err)
	}
	seen := map[string]bool{}
	for _, u := range fd.Users {
		if err := u.Check(); err != nil {
			return fmt.Errorf("users %s: %w", f.path, err)
		}
		if seen[u.Name] {
			return fmt.Errorf("users %s: user %q twice", f.path, u.Name)
		}
		seen[u.Name] = true
	}
	f.users, f.modTime, f.size = fd.Users, st.ModTime(), st.Size()
	return nil
}

func (f *File) saveLocked() error {
	if err := os.MkdirAll(filepath.Dir(f.path), 0o700); err != nil {
		return fmt.Errorf("users %s: %w", f.path, err)
	}
	users := slices.Clone(f.users)
	sort.Slice(users, func(i, j int) bool { return users[i].Name < users[j].Name })
	data, err := yaml.Marshal(fileData{Users: users})
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(f.path), ".users-*")
	if err != nil {
		return fmt.Errorf("users %s: %w", f.path, err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(append([]byte("# callscope users: change with `callscope users`\n"), data...)); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), f.path); err != nil {
		return fmt.Errorf("users %s: %w", f.path, err)
	}
	return f.reloadLocked(true)
}

func (f *File) index(name string) int {
	return slices.IndexFunc(f.users, func(u User) bool { return u.Name == name })
}

// Add adds a user with a password.
func (f *File) Add(u User, password string) error {
	if err := u.Check(); err != nil {
		return err
	}
	if err := CheckPassword(password); err != nil {
		return err
	}
	hash, err := Hash(password, f.params)
	if err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.reloadLocked(false); err != nil {
		return err
	}
	if f.index(u.Name) >= 0 {
		return fmt.Errorf("%w: %s", ErrExists, u.Name)
	}
	now := time.Now().UTC().Truncate(time.Second)
	u.Hash, u.CreatedAt, u.PasswordAt = hash, now, now
	f.users = append(f.users, u)
	return f.saveLocked()
}

// Update changes a user's role, departments and audio permission.
func (f *File) Update(name string, change func(*User)) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.reloadLocked(false); err != nil {
		return err
	}
	i := f.index(name)
	if i < 0 {
		return fmt.Errorf("%w: %s", ErrNoUser, name)
	}
	u := f.users[i]
	change(&u)
	u.Name = name
	if err := u.Check(); err != nil {
		return err
	}
	f.users[i] = u
	return f.saveLocked()
}

// SetPassword sets a user's password; the user's sessions end.
func (f *File) SetPassword(name, password string) error {
	if err := CheckPassword(password); err != nil {
		return err
	}
	hash, err := Hash(password, f.params)
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	return f.Update(name, func(u *User) { u.Hash, u.PasswordAt = hash, now })
}

// SetDisabled disables or enables a user; a disabled user's sessions end.
func (f *File) SetDisabled(name string, disabled bool) error {
	return f.Update(name, func(u *User) { u.Disabled = disabled })
}

// List returns the users sorted by name.
func (f *File) List() ([]User, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.reloadLocked(false); err != nil {
		return nil, err
	}
	out := slices.Clone(f.users)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Get returns a user by name, reading the file again if it changed.
func (f *File) Get(name string) (User, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.reloadLocked(false); err != nil {
		// A file broken while the server runs keeps the last good users.
		_ = err
	}
	if i := f.index(name); i >= 0 {
		return f.users[i], true
	}
	return User{}, false
}

// Authenticate checks a name and password. Every failure is
// ErrBadCredentials and costs one hash, whatever the reason.
func (f *File) Authenticate(name, password string) (User, error) {
	if len(password) > MaxPassword || len(name) > 256 {
		return User{}, ErrBadCredentials
	}
	u, ok := f.Get(name)
	hash := f.dummy
	if ok {
		hash = u.Hash
	}
	match := Verify(hash, password)
	if !ok || !match || u.Disabled {
		return User{}, ErrBadCredentials
	}
	return u, nil
}
