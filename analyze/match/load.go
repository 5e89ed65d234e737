package match

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/callscope/callscope/analyze/model"
	"github.com/callscope/callscope/analyze/text"
	"github.com/callscope/callscope/dictionaries"
	"github.com/callscope/callscope/internal/safefile"
	"gopkg.in/yaml.v3"
)

// MaxFileBytes is the largest dictionary file read (the built-in ones are
// about 5 KB each).
const MaxFileBytes = 4 << 20

// ErrNoDictionaries means a directory holds no dictionary file.
var ErrNoDictionaries = errors.New("no dictionary files (*.yaml, *.yml)")

// Set is a collection of dictionaries, at most one per language and
// category, sorted by language then category.
type Set struct {
	Dictionaries []Dictionary
	// Synonyms are the shared synonym sets the phrases reference as @name.
	Synonyms []Synonyms
	// Models are the trained category models (models/<language>/<category>.json
	// next to the dictionaries), sorted by language then category
	// (models.go).
	Models []*model.Model
}

// LoadDir reads every *.yaml and *.yml file under dir, in sub-folders too
// (the usual layout is dir/ru/complaint.yaml). It replaces the built-ins: a
// directory that should extend them starts as a copy of them.
func LoadDir(dir string) (*Set, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("dictionaries %s: %w", dir, err)
	}
	set, err := LoadFS(os.DirFS(dir), dir)
	if err != nil {
		return nil, err
	}
	return set, nil
}

// Builtin returns the dictionaries shipped in the dictionaries package.
func Builtin() (*Set, error) {
	return LoadFS(dictionaries.FS, "dictionaries")
}

// CompileBuiltin compiles the built-in set (Builtin), its trained models
// included: the matcher of a deployment that configures no dictionaries.
func CompileBuiltin() (*Matcher, error) {
	set, err := Builtin()
	if err != nil {
		return nil, err
	}
	return Compile(set)
}

// CompileYAML parses each source as one dictionary file (docs/dictionaries.md)
// and compiles them as one set, in the order given. A mistake names its
// source dN.yaml, N counting the sources from 0.
func CompileYAML(sources ...string) (*Matcher, error) {
	var set Set
	for i, src := range sources {
		d, err := Parse(fmt.Sprintf("d%d.yaml", i), []byte(src))
		if err != nil {
			return nil, err
		}
		set.Dictionaries = append(set.Dictionaries, d)
	}
	return Compile(&set)
}

// LoadFS reads every *.yaml and *.yml file of fsys. prefix is put before
// file names in error messages so they name the files as the analyst sees
// them.
func LoadFS(fsys fs.FS, prefix string) (*Set, error) {
	files, models, err := setFiles(fsys, prefix)
	if err != nil {
		return nil, err
	}
	var errs []error
	set := &Set{}
	// Synonym files first: the dictionaries refer to them.
	datas := map[string][]byte{}
	var dicts []string
	for _, f := range files {
		data, err := safefile.ReadFS(fsys, f, MaxFileBytes)
		if err != nil {
			errs = append(errs, fmt.Errorf("dictionary %s: %w", path.Join(prefix, f), err))
			continue
		}
		name := path.Join(prefix, f)
		if !IsSynonymsFile(data) {
			datas[f] = data
			dicts = append(dicts, f)
			continue
		}
		sy, err := ParseSynonyms(name, data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, other := range set.Synonyms {
			if other.Language != sy.Language {
				continue
			}
			for k := range sy.Sets {
				if _, dup := other.Sets[k]; dup {
					errs = append(errs, &PosError{File: name, Line: sy.at[k].line, Col: sy.at[k].col,
						Msg: fmt.Sprintf("synonym set %q (%s) is already defined in %s", k, sy.Language, other.File)})
				}
			}
		}
		set.Synonyms = append(set.Synonyms, sy)
	}
	for _, f := range dicts {
		data := datas[f]
		name := path.Join(prefix, f)
		d, err := Parse(name, data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		// Compile each file on its own too, so that its mistakes (two
		// phrases with the same words after stemming) are reported even
		// when another file does not parse.
		if _, err := Compile(&Set{Dictionaries: []Dictionary{d}, Synonyms: set.Synonyms}); err != nil {
			errs = append(errs, err)
			continue
		}
		// A file under ru/ that says language: en is almost surely a copy
		// that was not finished.
		if dir := path.Base(path.Dir(f)); langRe.MatchString(dir) && dir != d.Language {
			errs = append(errs, &PosError{File: name, Line: d.Line, Col: 1,
				Msg: fmt.Sprintf("language %q differs from the folder %q the file is in", d.Language, dir)})
			continue
		}
		set.Dictionaries = append(set.Dictionaries, d)
	}
	if err := set.check(); err != nil {
		errs = append(errs, err)
	}
	errs = append(errs, set.loadModels(fsys, prefix, models)...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return set, nil
}

// setFiles are the YAML files (dictionaries and synonyms, sorted) and the
// model files of a set.
func setFiles(fsys fs.FS, prefix string) (files, models []string, err error) {
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
		case strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml"):
			files = append(files, p)
		case isModelFile(p):
			models = append(models, p)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("dictionaries %s: %w", prefix, err)
	}
	if len(files) == 0 {
		return nil, nil, fmt.Errorf("dictionaries %s: %w", prefix, ErrNoDictionaries)
	}
	sort.Strings(files)
	return files, models, nil
}

// Categories lists the categories the dictionaries of dir declare (the
// built-ins when dir is ""), sorted, each once. It reads each file's
// category and nothing else: what a filter that names a category is
// checked against, without LoadDir's checks, which compile every file
// (0.65 s of CPU for the built-ins). A file that does not parse, or has
// no category, is passed over: its mistakes are dict validate's to report.
func Categories(dir string) ([]string, error) {
	var fsys fs.FS = dictionaries.FS
	prefix := "dictionaries"
	if dir != "" {
		if _, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("dictionaries %s: %w", dir, err)
		}
		fsys, prefix = os.DirFS(dir), dir
	}
	files, _, err := setFiles(fsys, prefix)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, f := range files {
		data, err := safefile.ReadFS(fsys, f, MaxFileBytes)
		if err != nil {
			return nil, fmt.Errorf("dictionary %s: %w", path.Join(prefix, f), err)
		}
		var head struct {
			Category string `yaml:"category"`
		}
		if yaml.Unmarshal(data, &head) == nil && head.Category != "" {
			out = append(out, head.Category)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// check reports a category defined twice for one language and sorts the set.
func (s *Set) check() error {
	sort.SliceStable(s.Dictionaries, func(i, j int) bool {
		a, b := s.Dictionaries[i], s.Dictionaries[j]
		if a.Language != b.Language {
			return a.Language < b.Language
		}
		return a.Category < b.Category
	})
	var errs []error
	for i := 1; i < len(s.Dictionaries); i++ {
		a, b := s.Dictionaries[i-1], s.Dictionaries[i]
		if a.Language == b.Language && a.Category == b.Category {
			errs = append(errs, &PosError{File: b.File, Line: b.Line, Col: 1,
				Msg: fmt.Sprintf("category %q (%s) is already defined in %s", b.Category, b.Language, a.File)})
		}
	}
	return errors.Join(errs...)
}

// matcherAlgo names the matching rules; it changes when they change what a
// dictionary matches, so that stored analyses show they are out of date.
const matcherAlgo = "match/4"

// Version is a content hash of the set, "sha256:" and 16 hex digits. It
// depends on what the dictionaries mean (phrases, channels, exclusions,
// weights) and on the stemmer, not on comments, formatting or file names,
// so it is the same on every machine and every run.
func (s *Set) Version() string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n", matcherAlgo, text.StemmerID)
	enc := json.NewEncoder(h)
	for _, d := range s.Dictionaries {
		// Encoding a struct of strings, slices and numbers cannot fail.
		_ = enc.Encode(d)
	}
	for _, sy := range s.Synonyms {
		_ = enc.Encode(sy)
	}
	for _, m := range s.Models {
		_ = enc.Encode(m)
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))[:16]
}
