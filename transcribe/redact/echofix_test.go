package redact

import "testing"

// TestEchoReviewFindings: the echo rules' cases of review rv23, each a
// segment's redacted text after the lines said before it. A number after
// a trap word is a person's number said again as a record has it
// (recordedVersion) only when it shares its last four digits, or all but
// two: a phone's first four are 8 and the operator's code, a card's the
// bank's, shared by strangers. A number in words opening «сорок восемь»,
// «сорок семь» near a masked account is another account's start only
// when it is as long as the class, holds the rouble's 810 after it, or
// an account's word is said before it: a sum, «сорок восемь двести
// пятьдесят», is none.
func TestEchoReviewFindings(t *testing.T) {
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		lines []string
		ch    int    // the channel of the segment: 0 operator, 1 client
		want  string // the channel's last segment's redacted text
	}{
		{"an order sharing a phone's first four digits", []string{"c: мой телефон 8 912 345 67 89", "o: секунду", "c: номер заказа 8912 000 11 22"}, 1, "номер заказа 8912 000 11 22"},
		{"a contract sharing a card's first four digits", []string{"c: карта 4276 3800 1234 5679", "o: секунду", "c: в договоре стоит 4276 5500 9876 0431"}, 1, "в договоре стоит 4276 5500 9876 0431"},
		{"a phone as a record has it, two digits swapped", []string{"c: мой телефон 8 912 345 67 89", "o: секунду", "c: номер заказа 8912 345 76 89"}, 1, "номер заказа [phone]"},
		{"a card as a record has it, its last four", []string{"c: карта 4276 3800 1234 5679", "o: секунду", "c: в договоре стоит 4279 3811 1234 5679"}, 1, "в договоре стоит [card]"},
		{"a passport as a record has it, its series", []string{"o: назовите серию номер", "c: 7815 063442", "o: в профиле стоит 7815 063424"}, 0, "в профиле стоит [passport]"},
		{"a sum near an account", []string{"c: перевела на счёт 40817 810 9 0000 5521 307", "o: а сколько перевели", "c: сорок восемь двести пятьдесят вчера вечером"}, 1, "сорок восемь двести пятьдесят вчера вечером"},
		{"an account's start after its word", []string{"c: перевела на счёт 40817 810 9 0000 5521 307", "o: а счёт продавца", "o: сорок восемь сто семьдесят восемь"}, 0, "[account]"},
		{"an old account's class", []string{"c: счёт 40817 810 2 0000 3381 442", "c: да старый сорок восемь ноль восемь"}, 1, "да старый [account]"},
		{"an account's start with its currency", []string{"c: счёт 40817 810 2 0000 3381 442", "o: а закрытый счёт какой был", "c: закрытый сорок восемь двадцать восемьсот десять дальше не помню"}, 1, "закрытый [account] дальше не помню"},
	} {
		out, _, err := r.Transcript(call(c.lines...))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		segs := out.Channels[c.ch].Segments
		if got := segs[len(segs)-1].Text; got != c.want {
			t.Errorf("%s: %q: last segment %q, want %q", c.name, c.lines, got, c.want)
		}
	}
}
