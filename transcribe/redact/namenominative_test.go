package redact

import (
	"testing"
)

// TestSegmentMayPrepPatronymic: a first name no list knows and its
// patronymic in an oblique case after «на», «у», «от», «для» load their
// segment with no other trigger word (causes block PL), as text and as a
// recognizer's words, the patronymic second or third after the word; the
// same words before other words do not.
func TestSegmentMayPrepPatronymic(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"полис оформлен на гульнару ринатовну", true},
		{"доверенность от гайдар рустама ильдаровича действует", true},
		{"это у айгуль ринатовны", true},
		{"для зульфии маратовны", true},
		{"мы едем на новую дачу", false},
		{"я приехал на поезде утром", false},
		{"это от соседей сверху", false},
	} {
		checkTextAndWords(t, "segmentMay", segmentMay, c.text, c.want)
	}
}

// TestSkiSurname: a «-ский», «-цкий» surname by its stem, in the
// nominative and its oblique cases, not a common or a place's adjective
// (causes block PW).
func TestSkiSurname(t *testing.T) {
	for _, c := range []struct {
		w            string
		nom, oblique bool
	}{
		{"вишневская", true, false}, {"жуковский", true, false}, {"высоцкая", true, false}, {"каминский", true, false},
		{"жуковскую", false, true}, {"дубровского", false, true}, {"вишневской", false, true}, {"высоцкому", false, true}, {"каминским", false, true},
		{"детская", false, false}, {"городской", false, false}, {"русский", false, false}, {"московская", false, false}, {"московскую", false, false},
		{"детскую", false, false}, {"сельской", false, false}, {"налоговой", false, false}, {"ковальскую", false, false},
	} {
		if got := skiSurname(c.w); got != c.nom {
			t.Errorf("skiSurname(%q) = %v, want %v", c.w, got, c.nom)
		}
		if got := skiSurnameCase(c.w); got != c.oblique {
			t.Errorf("skiSurnameCase(%q) = %v, want %v", c.w, got, c.oblique)
		}
	}
}

// TestSkiSurnameCaseNamed: next to a first name and a patronymic, an
// oblique «-ский», «-цкий» of any stem of four letters or more before
// «-ск» is a surname (causes block RU), skiSurnameCase's too; not a
// place's or a common adjective's, nor a short one.
func TestSkiSurnameCaseNamed(t *testing.T) {
	for _, c := range []struct {
		w    string
		want bool
	}{
		{"завадского", true}, {"ковальского", true}, {"вишнёвской", true}, {"ольшанской", true}, {"заславским", true}, {"подольского", true},
		{"высоцкого", true}, {"жуковскому", true},
		{"русского", false}, {"детского", false}, {"городской", false}, {"московского", false}, {"английского", false}, {"человеческого", false},
		{"завадский", false}, {"клиентской", true}, // (a surname's shape: read so only before a first name and a patronymic)
	} {
		if got := skiSurnameCaseNamed(c.w); got != c.want {
			t.Errorf("skiSurnameCaseNamed(%q) = %v, want %v", c.w, got, c.want)
		}
	}
}
