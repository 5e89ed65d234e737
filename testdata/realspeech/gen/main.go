// Command gen builds the real-speech set (package realspeech).
//
//	go run ./testdata/realspeech/gen                 # rewrite testdata/realspeech/truth.json
//	go run ./testdata/realspeech/gen -wav DIR        # write every call's WAV and truth into DIR
//	go run ./testdata/realspeech/gen -eval [-per-channel] # run the VAD over the set and print the tables
//	go run ./testdata/realspeech/gen -eval -split fresh    # the same on the fresh held-out split
//
// -split chooses the splits for -eval and -wav (default tune,holdout: the
// fresh, blind, blind2 ... blind13 splits are evaluated only when asked
// for, see SplitFresh, SplitBlind2 ... SplitBlind13; each was once a
// reserved split the lead measured blind).
//
// -eval runs vad.DetectCall (Silero VAD, refinement, echo and non-speech
// rejection, holds); -per-channel runs vad.Detect on each channel alone
// (no comparison of the channels, no holds).
// -only keeps the calls whose name contains the string.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/callscope/callscope/testdata/realspeech"
)

func main() {
	truth := flag.String("truth", "testdata/realspeech/truth.json", "where to write the truth of the base calls")
	wavDir := flag.String("wav", "", "write every call's WAV and truth into this directory")
	eval := flag.Bool("eval", false, "run the VAD over the set and print the accuracy tables")
	raw := flag.Bool("per-channel", false, "with -eval: vad.Detect on each channel alone instead of vad.DetectCall")
	only := flag.String("only", "", "only calls whose name contains this (or one of these, comma-separated)")
	detail := flag.Bool("v", false, "with -eval: print every call's values")
	threshold := flag.Float64("threshold", 0, "with -eval: Silero's speech probability threshold (0: the default)")
	spans := flag.Bool("spans", false, "with -eval: print every call's speech, truth and detected")
	splits := flag.String("split", "tune,holdout", "with -eval and -wav: the splits (comma-separated: tune, holdout, fresh, blind, blind2, blind3, blind4, blind5, blind6, blind7, blind8, blind9, blind10, blind11, blind12, blind13)")
	flag.Parse()
	if err := realspeech.Available(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var err error
	switch {
	case *eval:
		err = runEval(context.Background(), *only, strings.Split(*splits, ","), *raw, *detail, *spans, *threshold)
	case *wavDir != "":
		err = writeWAVs(*wavDir, *only, strings.Split(*splits, ","))
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

func writeWAVs(dir, only string, splits []string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, sp := range realspeech.Set() {
		if !matches(sp.Name, only) || !slices.Contains(splits, sp.Split) {
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
