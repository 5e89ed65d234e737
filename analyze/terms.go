package analyze

import (
	"sync"

	"github.com/callscope/callscope/analyze/text"
	"github.com/callscope/callscope/schemas"
)

// IndexSegments is every segment of tr with its search terms in lang: the
// rows of the segments table, which search and what-if read.
func IndexSegments(tr schemas.Transcript, lang string) []schemas.IndexedSegment {
	n := 0
	for _, ch := range tr.Channels {
		n += len(ch.Segments)
	}
	if n == 0 {
		return nil
	}
	stem := stemmerFor(lang)
	out := make([]schemas.IndexedSegment, 0, n)
	var toks []text.Token
	for _, ch := range tr.Channels {
		for i, seg := range ch.Segments {
			toks = text.AppendTokens(toks[:0], seg.Text)
			terms := make([]string, len(toks))
			for j, t := range toks {
				terms[j] = stem(t.Norm)
			}
			out = append(out, schemas.IndexedSegment{Channel: ch.Role, Index: i, Start: seg.Start, End: seg.End, Text: seg.Text, Terms: terms})
		}
	}
	return out
}

// SearchTerms are the terms a search phrase must match in a segment's
// terms: its words normalized and stemmed in lang exactly as IndexSegments
// stems transcripts.
func SearchTerms(phrase, lang string) []string {
	stem := stemmerFor(lang)
	toks := text.Tokenize(phrase)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = stem(t.Norm)
	}
	return out
}

var stemmers sync.Map // language -> text.Stemmer

func stemmerFor(lang string) text.Stemmer {
	if st, ok := stemmers.Load(lang); ok {
		return st.(text.Stemmer)
	}
	st, _ := text.StemmerFor(lang)
	st = text.Cached(st, 1<<16)
	actual, _ := stemmers.LoadOrStore(lang, st)
	return actual.(text.Stemmer)
}
