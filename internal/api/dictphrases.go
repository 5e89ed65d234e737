package api

import (
	"context"
	"errors"
	"net/http"
	"regexp"
)

// DictPhraser is a Dictionaries that also shows one dictionary with its
// phrases (GET /api/v1/dictionaries/{language}/{category}); a server whose
// Dictionaries lacks it answers 501.
type DictPhraser interface {
	Phrases(ctx context.Context, language, category string) (DictDetail, error)
}

// ErrNoDictionary is returned by Phrases for a language and category with
// no dictionary.
var ErrNoDictionary = errors.New("no such dictionary")

// DictDetail is one dictionary as its YAML file defines it: what it
// matches on, and every phrase.
type DictDetail struct {
	Name        string `json:"name"`
	Category    string `json:"category"`
	Language    string `json:"language"`
	Version     string `json:"version"` // of the dictionaries in use
	Description string `json:"description,omitempty"`
	// Channel is the phrases' default channel: operator, client or any.
	Channel string `json:"channel"`
	// Exclude lists the phrases that cancel a hit of any phrase.
	Exclude []string     `json:"exclude"`
	Phrases []DictPhrase `json:"phrases"`
}

// DictPhrase is one phrase of a dictionary.
type DictPhrase struct {
	ID          string   `json:"id"`
	Text        string   `json:"text"`
	Variants    []string `json:"variants,omitempty"`
	Description string   `json:"description,omitempty"`
	Channel     string   `json:"channel,omitempty"` // when it overrides the dictionary's
	Exact       bool     `json:"exact,omitempty"`
	Weight      float64  `json:"weight"` // for scoring
	Exclude     []string `json:"exclude,omitempty"`
}

// dictName is a language or category as the dictionaries name them.
var dictName = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

func (s *Server) dictPhrases(w http.ResponseWriter, r *http.Request, p *principal) {
	ph, ok := s.cfg.Dictionaries.(DictPhraser)
	if !ok {
		writeError(w, http.StatusNotImplemented, "not_implemented", "dictionary phrases are not served by this server")
		return
	}
	lang, cat := r.PathValue("language"), r.PathValue("category")
	if !dictName.MatchString(lang) || !dictName.MatchString(cat) {
		writeError(w, http.StatusNotFound, "not_found", "no such dictionary")
		return
	}
	d, err := ph.Phrases(r.Context(), lang, cat)
	if errors.Is(err, ErrNoDictionary) {
		writeError(w, http.StatusNotFound, "not_found", "no dictionary "+lang+"/"+cat)
		return
	}
	if err != nil {
		s.writeUseCaseError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, d)
}
