package analyzecall_test

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/callscope/callscope/analyzecall"
)

func ExampleAnalyzer_AnalyzeFile() {
	a := analyzecall.New(analyzecall.Config{}, nil) // built-in dictionaries and profiles
	res, err := a.AnalyzeFile(context.Background(), analyzecall.Input{
		Audio: filepath.Join("..", "testdata", "calls", "10_interrupt.wav"), // its sidecar and transcript lie beside it
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.CallID, res.SpeechTiming, res.Audio.Channels, "channels")
	fmt.Println("complaints:", res.Categories["complaint"], "interruptions by the operator:", res.Parameters["interruptions_operator"])
	fmt.Printf("score %.2f of %g by %s\n", res.Score.Value, res.Score.Max, res.Score.Profile)
	// Output:
	// 2026-11-20-000302 segments 2 channels
	// complaints: 1 interruptions by the operator: 1
	// score 3.48 of 5 by default
}
