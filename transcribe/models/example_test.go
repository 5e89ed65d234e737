package models_test

import (
	"fmt"

	"github.com/callscope/callscope/transcribe/models"
)

func ExampleLookup() {
	m, err := models.Lookup("vosk-model-small-ru-0.22")
	if err != nil {
		panic(err)
	}
	fmt.Println(m.Engine, m.Language, m.Licence)
	// Output: vosk ru Apache-2.0
}
