package redact

import "testing"

// TestEnglishMail: an e-mail said aloud in English is masked whole — a
// local part (words, letters, digits, joined by «dot», «underscore»,
// «dash») right before «at» and a domain right after it (a mail service,
// or words joined by «dot» ending in a top-level domain) — and «at»,
// «dot» and the words of ordinary English around them are not (lane
// i13en21: the Russian reading of «at» and of Latin words masked 5,702
// ordinary words of the English dictionary corpus). Wordings written
// fresh, none from the corpus. A website, «w w w dot company dot com»,
// is kept, as a company's (the e-mail rules never masked one: its
// «w w w» is no mailbox); so is a company's role mailbox and a
// government body's address.
func TestEnglishMail(t *testing.T) {
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ role, in, want string }{
		// Masked.
		{"client", "sure it's maria dot lopez 76 at gmail dot com", "sure it's [email]"},
		{"client", "r patel at brightwave dot co dot uk", "[email]"},
		{"client", "it's tom underscore baker at outlook dot com", "it's [email]"},
		{"client", "k e v i n at yahoo dot com", "[email]"},
		{"client", "yeah grace h at hotmail", "yeah [email]"},
		{"client", "my email is sam dash jones 12 at icloud dot com", "my email is [email]"},
		{"operator", "so that's lucy dot gray at protonmail dot com correct", "so that's [email] correct"},
		// Kept: «at» with no mailbox before it or no domain after it.
		{"client", "can we do monday at 9 30", ""},
		{"client", "i left it at the store yesterday", ""},
		{"client", "it costs at least 40 dollars", ""},
		{"operator", "could you look at it again for me", ""},
		{"client", "i'll be at home after six", ""},
		{"client", "i work at apple now", ""},
		{"client", "the parcel is stuck at the depot since tuesday", ""},
		{"operator", "our engineer will be there at 10 on the dot", ""},
		{"client", "you can apply online at gov uk", ""},
		// Kept: a website, a company's role mailbox, a government's.
		{"operator", "you can find the form at w w w dot harbourline dot com", ""},
		{"operator", "or visit us at harbourline dot com slash help", ""},
		{"operator", "send the photos to claims at harbourline dot co dot uk", ""},
		{"operator", "you can report it at reportfraud dot ftc dot gov", ""},
	} {
		want := c.want
		if want == "" {
			want = c.in
		}
		if got, _, err := r.Text("en", c.role, c.in); err != nil || got != want {
			t.Errorf("%s %q\n got  %q (%v)\n want %q", c.role, c.in, got, err, want)
		}
	}
}

// TestEnglishMailContext: where an e-mail is being given (the other side
// asked for it) its parts said apart are masked — letters spelled, words
// joined by «dot» —, but an ordinary English word is no mailbox's part
// however near an e-mail's word it is said, nor is «dot» in «dot the
// i's», nor «address» or «mail» alone a question for an e-mail.
func TestEnglishMailContext(t *testing.T) {
	checkCallsEN(t, []callCase{
		{"letters after the question", en("o: and your email please", "c: a n n a b", "c: at gmail dot com"), []string{"c: [email]", "c: [email]"}},
		{"joined by dot after the question", en("o: what's the best email for you", "c: it's anna dot bell"), []string{"c: it's [email]"}},
		{"ordinary words after the question", en("o: can i take an email address", "c: i don't really use email to be honest", "c: can you just post it"),
			[]string{"c: i don't really use email to be honest", "c: can you just post it"}},
		{"dot the i's", en("o: i'll email you the form", "c: great i'll dot the i's and send it back"), []string{"c: great i'll dot the i's and send it back"}},
		{"address alone", en("o: what's the delivery address", "c: 14 ash grove", "c: leave it at the back door please"), []string{"c: leave it at the back door please"}},
		{"in the mail", en("o: it'll come in the mail", "c: okay thanks at what time roughly"), []string{"c: okay thanks at what time roughly"}},
	})
}

// TestEnglishNameAnswer: the answer to a question for a name is the
// name in it, not the sentence of complaint or question said instead:
// in English a name answering one ends before its first function word
// and begins after the words saying it is one («it's under ...», «sure
// it's ...»), a name spelled letter by letter whole.
func TestEnglishNameAnswer(t *testing.T) {
	checkCallsEN(t, []callCase{
		{"under a surname", []string{"o: can i take the surname on the booking", "c: it's under kowalczyk"}, []string{"c: it's under [name]"}},
		{"sure it's", []string{"o: and your full name please", "c: sure it's priya raman"}, []string{"c: sure it's [name]"}},
		{"spelled", []string{"o: what's your last name", "c: nolan n o l a n"}, []string{"c: [name]"}},
		{"a question instead", []string{"o: what's the name on the account", "c: how long is this going to take"}, []string{"c: how long is this going to take"}},
		{"a complaint instead", []string{"o: can i have your surname", "c: we've been waiting since monday"}, []string{"c: we've been waiting since monday"}},
		{"a yes instead", []string{"o: is the name still daniel okoro", "c: yes that's right"}, []string{"c: yes that's right"}},
	})
}

// TestEnglishMailEchoPronoun: a mailbox's word read back takes a single
// letter after it as the mailbox's initial, but not the pronoun «i» or
// the article «a» before a word (lane i13en22: «thanks danny i
// understand» masked «danny i»). Wordings written fresh.
func TestEnglishMailEchoPronoun(t *testing.T) {
	checkCallsEN(t, []callCase{
		{"the pronoun", en("o: can you confirm the email on the account", "c: marty j 40 at yahoo dot com", "o: thanks marty i see it here"),
			[]string{"o: thanks [email] i see it here"}},
		{"an initial", en("o: can you confirm the email on the account", "c: marty j 40 at yahoo dot com", "o: so that's marty j"),
			[]string{"o: so that's [email]"}},
	})
}
