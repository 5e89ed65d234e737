package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/callscope/callscope/testdata/realspeech"
	"github.com/callscope/callscope/transcribe/vad"
)

func runEval(ctx context.Context, only string, raw, detail bool) error {
	d, err := vad.New(vad.Config{})
	if err != nil {
		return err
	}
	var scores []realspeech.Score
	for _, sp := range realspeech.Set() {
		if !strings.Contains(sp.Name, only) {
			continue
		}
		c, err := realspeech.Build(sp)
		if err != nil {
			return err
		}
		var got realspeech.Detected
		if got.Operator, err = d.Detect(ctx, c.Channels[0], realspeech.Rate); err != nil {
			return err
		}
		if got.Client, err = d.Detect(ctx, c.Channels[1], realspeech.Rate); err != nil {
			return err
		}
		s := realspeech.Compare(c.Truth, got)
		if detail {
			realspeech.Detail(os.Stdout, s)
		}
		scores = append(scores, s)
	}
	fmt.Println("By impairment:")
	realspeech.WriteTable(os.Stdout, realspeech.Summarize(scores, realspeech.ByImpairment))
	fmt.Println("\nBy split:")
	realspeech.WriteTable(os.Stdout, realspeech.Summarize(scores, realspeech.BySplit))
	fmt.Println("\nBy scenario:")
	realspeech.WriteTable(os.Stdout, realspeech.Summarize(scores, realspeech.ByScenario))
	return nil
}
