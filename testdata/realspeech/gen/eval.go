package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/callscope/callscope/testdata/realspeech"
	"github.com/callscope/callscope/transcribe/vad"
	"github.com/callscope/callscope/transcribe/wav"
)

func runEval(ctx context.Context, only string, splits []string, perChannel, detail, spans bool, threshold float64) error {
	d, err := vad.New(vad.Config{Threshold: float32(threshold)})
	if err != nil {
		return err
	}
	var scores []realspeech.Score
	for _, sp := range realspeech.Set() {
		if !matches(sp.Name, only) || !slices.Contains(splits, sp.Split) {
			continue
		}
		c, err := realspeech.Build(sp)
		if err != nil {
			return err
		}
		var got realspeech.Detected
		if perChannel {
			if got.Operator, err = d.Detect(ctx, c.Channels[0], realspeech.Rate); err != nil {
				return err
			}
			if got.Client, err = d.Detect(ctx, c.Channels[1], realspeech.Rate); err != nil {
				return err
			}
		} else {
			cs, err := d.DetectCall(ctx, []wav.Samples{wav.Floats(c.Channels[0]), wav.Floats(c.Channels[1])}, realspeech.Rate)
			if err != nil {
				return err
			}
			got.Operator, got.Client, got.HoldDetected = cs.Speech[0], cs.Speech[1], cs.Holds
		}
		s := realspeech.Compare(c.Truth, got)
		if spans {
			fmt.Printf("%s\n  operator truth %v\n  operator got   %v\n  client truth   %v\n  client got     %v\n  holds %v got %v\n",
				sp.Name, c.Truth.Operator, got.Operator, c.Truth.Client, got.Client, c.Truth.Holds, got.HoldDetected)
		}
		if detail {
			realspeech.Detail(os.Stdout, s)
		}
		scores = append(scores, s)
	}
	fmt.Println("By impairment:")
	realspeech.WriteTable(os.Stdout, realspeech.Summarize(scores, realspeech.ByImpairment))
	fmt.Println("\nBy split:")
	realspeech.WriteTable(os.Stdout, realspeech.Summarize(scores, realspeech.BySplit))
	fmt.Println("\nBy split and impairment:")
	realspeech.WriteTable(os.Stdout, realspeech.Summarize(scores, realspeech.BySplitImpairment))
	fmt.Println("\nBy scenario:")
	realspeech.WriteTable(os.Stdout, realspeech.Summarize(scores, realspeech.ByScenario))
	return nil
}

// matches tells whether name contains one of the comma-separated parts of
// only (all names when only is empty).
func matches(name, only string) bool {
	for _, p := range strings.Split(only, ",") {
		if strings.Contains(name, p) {
			return true
		}
	}
	return false
}
