// Package all makes every ASR adapter available: import it for its side
// effects from the command (cmd/callscope) so that asr.adapter can name
// any of them.
//
//	import _ "github.com/callscope/callscope/transcribe/all"
//
// The import adapter is part of package transcribe itself.
package all

import (
	_ "github.com/callscope/callscope/transcribe/openai" // asr.adapter: openai
	_ "github.com/callscope/callscope/transcribe/sherpa" // asr.adapter: sherpa
	_ "github.com/callscope/callscope/transcribe/vosk"   // asr.adapter: vosk
)
