package users

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var cheap = Params{Memory: 1024, Time: 1, Threads: 1}

func TestFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "users.yaml")
	f, err := Open(path, cheap)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		u    User
		pw   string
		want error
	}{
		{User{Name: "anna", Role: Supervisor, Departments: []string{"Поддержка"}}, "long enough", nil},
		{User{Name: "anna", Role: Manager}, "long enough", ErrExists},
		{User{Name: "bob", Role: Supervisor}, "long enough", ErrInvalid},        // no departments
		{User{Name: "bob", Role: "root"}, "long enough", ErrInvalid},            // unknown role
		{User{Name: "../etc/passwd", Role: Admin}, "long enough", ErrInvalid},   // name
		{User{Name: "bob", Role: Admin}, "short", ErrInvalid},                   // password
		{User{Name: "bob", Role: Admin}, strings.Repeat("x", 2000), ErrInvalid}, // password
		{User{Name: "bob", Role: Analyst, Listen: true}, "another secret", nil},
	} {
		if err := f.Add(tc.u, tc.pw); !errors.Is(err, tc.want) {
			t.Errorf("Add(%s, %s): %v, want %v", tc.u.Name, tc.u.Role, err, tc.want)
		}
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("users file mode: %v %v", st.Mode(), err)
	}
	data, _ := os.ReadFile(path)
	if strings.Contains(string(data), "long enough") || !strings.Contains(string(data), "$argon2id$v=19$") {
		t.Errorf("users file:\n%s", data)
	}
	if _, err := f.Authenticate("anna", "long enough"); err != nil {
		t.Errorf("right password: %v", err)
	}
	for _, c := range [][2]string{{"anna", "wrong"}, {"nobody", "long enough"}, {"anna", ""}} {
		if _, err := f.Authenticate(c[0], c[1]); !errors.Is(err, ErrBadCredentials) {
			t.Errorf("Authenticate(%q, %q): %v", c[0], c[1], err)
		}
	}
	// Another process (callscope users) changes the file: seen at once.
	other, err := Open(path, cheap)
	if err != nil {
		t.Fatal(err)
	}
	if err := other.SetDisabled("anna", true); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Authenticate("anna", "long enough"); !errors.Is(err, ErrBadCredentials) {
		t.Errorf("disabled user: %v", err)
	}
	if err := other.SetPassword("bob", "a new password"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Authenticate("bob", "another secret"); err == nil {
		t.Error("the old password still works")
	}
	if u, err := f.Authenticate("bob", "a new password"); err != nil || !u.Listen || u.Role != Analyst {
		t.Errorf("new password: %+v %v", u, err)
	}
	if err := f.SetPassword("nobody", "a new password"); !errors.Is(err, ErrNoUser) {
		t.Errorf("SetPassword of nobody: %v", err)
	}
	list, _ := f.List()
	if len(list) != 2 || list[0].Name != "anna" || !list[0].Disabled {
		t.Errorf("list: %+v", list)
	}
}

func TestVerifyRefusesTamperedHashes(t *testing.T) {
	h, err := Hash("secret password", cheap)
	if err != nil {
		t.Fatal(err)
	}
	if !Verify(h, "secret password") || Verify(h, "secret passwore") {
		t.Fatal("Verify of a fresh hash")
	}
	for _, bad := range []string{"", "$argon2i$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA",
		strings.Replace(h, "m=1024", "m=99999999", 1), strings.Replace(h, "t=1", "t=1000", 1),
		strings.Replace(h, "p=1", "p=0", 1), h + "$extra", "$argon2id$v=19$m=1024,t=1,p=1$!!$!!"} {
		if Verify(bad, "secret password") {
			t.Errorf("Verify(%q) accepted", bad)
		}
	}
}
