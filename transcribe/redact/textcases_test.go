package redact

import "testing"

// textCase is one Russian text on one channel and what Redactor.Text
// must make of it: want "" when the text must stay as it is.
type textCase struct{ role, in, want string }

// checkTexts redacts each case's text with the default configuration
// and reports every one whose output is not the one wanted.
func checkTexts(t *testing.T, cases []textCase) {
	t.Helper()
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		want := c.want
		if want == "" {
			want = c.in
		}
		if got, _, err := r.Text("ru", c.role, c.in); err != nil || got != want {
			t.Errorf("%s %q\n got  %q (%v)\n want %q", c.role, c.in, got, err, want)
		}
	}
}
