package redact

import "testing"

func TestZZDbg(t *testing.T) {
	r, _ := New(Config{})
	for _, x := range []string{"c: мирзаев хуршед паспорт fa 099 4412", "c: паспорт fa 099 4412", "c: паспорт 099 4412", "c: паспорт fa 099 4412 двадцать пятое мая двухтысячного"} {
		tr := call("o: фио брата паспорт дата рождения", x)
		out, _, _ := r.Transcript(tr)
		t.Logf("%s -> %v", x, out.Channels[1].Segments[0].Text)
	}
}
