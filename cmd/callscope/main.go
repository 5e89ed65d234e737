// Command callscope is the speech-analytics pipeline's command line: see
// `callscope --help` and the README.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/callscope/callscope/internal/cli"
	// The ASR adapters register themselves by name.
	_ "github.com/callscope/callscope/transcribe/all"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Execute(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
