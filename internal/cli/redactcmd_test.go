package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/callscope/callscope/schemas"
)

func TestRedactCommand(t *testing.T) {
	in := `{"duration":10,"language":"ru","channels":[
	 {"role":"operator","segments":[{"start":0,"end":1,"text":"Компания Ромашка, меня зовут Анна"}]},
	 {"role":"client","segments":[{"start":1,"end":5,"text":"мой телефон 8 916 123 45 67, карта 4276 1600 1234 5675, тариф 500 рублей",
	   "words":[{"w":"мой","start":1,"end":1.2},{"w":"телефон","start":1.2,"end":1.6},{"w":"8","start":1.6,"end":1.7},{"w":"916","start":1.7,"end":2},
	   {"w":"123","start":2,"end":2.2},{"w":"45","start":2.2,"end":2.4},{"w":"67,","start":2.4,"end":2.6},{"w":"карта","start":2.6,"end":2.9},
	   {"w":"4276","start":2.9,"end":3.1},{"w":"1600","start":3.1,"end":3.3},{"w":"1234","start":3.3,"end":3.5},{"w":"5675,","start":3.5,"end":3.7},
	   {"w":"тариф","start":3.7,"end":4},{"w":"500","start":4,"end":4.3},{"w":"рублей","start":4.3,"end":5}]}]}]}`
	tests := []struct {
		name string
		args []string
		want []string // substrings of the output
		not  []string
	}{
		{"json", []string{"redact", "-"}, []string{`"text": "мой телефон [phone], карта [card], тариф 500 рублей"`, `"w": "[phone]"`, `"rule": "card/cue"`, `"Компания Ромашка, меня зовут Анна"`}, []string{"916", "4276"}},
		{"explain", []string{"redact", "--explain", "-"}, []string{"1 client  1.60   2.60  phone  phone/cue", "card   card/cue", "2 spans"}, nil},
		{"types", []string{"redact", "--types", "card", "-"}, []string{"[card]", "8 916 123 45 67"}, []string{"[phone]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			cmd := NewRootCmd(&out, &errOut)
			cmd.SetIn(strings.NewReader(in))
			cmd.SetArgs(tt.args)
			if err := cmd.Execute(); err != nil {
				t.Fatalf("%v (%s)", err, errOut.String())
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
			for _, w := range tt.not {
				if strings.Contains(out.String(), w) {
					t.Errorf("output has %q", w)
				}
			}
			if tt.name == "json" {
				var tr schemas.Transcript
				if err := json.Unmarshal(out.Bytes(), &tr); err != nil || tr.PII == nil || len(tr.PII.Spans) != 2 || len(tr.Channels[1].Segments[0].Words) != 15 {
					t.Errorf("not a transcript with its redaction record: %v %+v", err, tr.PII)
				}
			}
		})
	}
	cmd := NewRootCmd(&bytes.Buffer{}, &bytes.Buffer{})
	cmd.SetArgs([]string{"redact", "--types", "ssn", "-"})
	cmd.SetIn(strings.NewReader(in))
	if err := cmd.Execute(); err == nil || !strings.Contains(err.Error(), "ssn") {
		t.Errorf("unknown type: %v", err)
	}
}
