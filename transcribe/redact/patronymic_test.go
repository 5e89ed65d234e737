package redact

import (
	"math/bits"
	"testing"
)

// TestPatronymicWordsFilter holds patronymic, which looks a word up in
// its lists only when patronymicWords lets it, to the lookups made for
// every word: the lists' own words and their neighbours in spelling,
// every word of the lexicon, and words of the shapes the filter reads
// (length, second, last and third-last bytes) that are none.
func TestPatronymicWordsFilter(t *testing.T) {
	unfiltered := func(w string) bool {
		return patronymics.of(w, 4) || spokenPatronymics[w] || isWord(w, ichPatronymics...) || turkicPatronymicWord(w)
	}
	words := []string{"", "а", "ич", "иваныч", "иванычем", "михалыча", "николавна", "ильичом", "фомича", "оглы", "кизи",
		"ивановна", "петрович", "добыча", "исправна", "главной", "иванычи", "ильичи", "огли", "угл", "дима", "хорошо"}
	for w := range spokenPatronymics {
		words = append(words, w, w+"а", w[:len(w)-2])
	}
	for _, list := range [][]string{ichPatronymics, turkicPatronymicWords} {
		for _, w := range list {
			words = append(words, w, w+"у", w[:len(w)-2])
		}
	}
	for _, lang := range []string{"ru", "en"} {
		for w := range lexicon[lang] {
			words = append(words, w)
		}
	}
	for _, w := range words {
		if got, want := patronymic(w), unfiltered(w); got != want {
			t.Errorf("patronymic(%q) = %v, looked up = %v", w, got, want)
		}
	}
	// The filter must pass few words to be worth its load: under a third
	// of its bits set.
	set := 0
	for _, x := range patronymicWords {
		set += bits.OnesCount64(x)
	}
	if set > 1024/3 {
		t.Errorf("%d of 1024 bits set", set)
	}
	t.Logf("%d words checked, %d of 1024 bits set", len(words), set)
}
