// Command gen builds the real-speech set (package realspeech).
//
//	go run ./testdata/realspeech/gen                 # rewrite testdata/realspeech/truth.json
//	go run ./testdata/realspeech/gen -wav DIR        # write every call's WAV and truth into DIR
//	go run ./testdata/realspeech/gen -eval [-raw]    # run the VAD over the set and print the tables
//
// -eval runs vad.DetectCall (Silero VAD, refinement, crosstalk and
// non-speech rejection); -raw runs the per-channel detector alone
// (vad.Detect with Config.Raw), as the code did before the refinement.
// -only keeps the calls whose name contains the string.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/callscope/callscope/testdata/realspeech"
)

func main() {
	truth := flag.String("truth", "testdata/realspeech/truth.json", "where to write the truth of the base calls")
	wavDir := flag.String("wav", "", "write every call's WAV and truth into this directory")
	eval := flag.Bool("eval", false, "run the VAD over the set and print the accuracy tables")
	raw := flag.Bool("raw", false, "with -eval: the per-channel detector without the call-level refinement")
	only := flag.String("only", "", "only calls whose name contains this")
	detail := flag.Bool("v", false, "with -eval: print every call's values")
	flag.Parse()
	if err := realspeech.Available(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var err error
	switch {
	case *eval:
		err = runEval(context.Background(), *only, *raw, *detail)
	case *wavDir != "":
		err = writeWAVs(*wavDir, *only)
	default:
		err = writeTruth(*truth)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func writeTruth(path string) error {
	truths, err := realspeech.BaseTruths()
	if err != nil {
		return err
	}
	data, err := realspeech.MarshalTruths(truths)
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

func writeWAVs(dir, only string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, sp := range realspeech.Set() {
		if !strings.Contains(sp.Name, only) {
			continue
		}
		c, err := realspeech.Build(sp)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, sp.Name+".wav"), c.WAV, 0o644); err != nil {
			return err
		}
		data, err := json.MarshalIndent(c.Truth, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, sp.Name+".truth.json"), append(data, '\n'), 0o644); err != nil {
			return err
		}
	}
	return nil
}
