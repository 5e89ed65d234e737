// Package dictionaries embeds callscope's built-in phrase dictionaries: one
// YAML file per category under a folder per language (ru/, en/), and the
// trained models that complement some of them (models/<language>/
// <category>.json, retrained with `callscope dict train`). Analysts copy
// these files to start their own set; docs/dictionaries.md describes the
// format, docs/models.md the models. The package only carries the files:
// analyze/match reads them.
package dictionaries

import "embed"

// FS holds the built-in dictionaries as <language>/<category>.yaml, their
// trained models as models/<language>/<category>.json, and the neutral
// client utterances the models were trained against as
// models/neutral/<language>.txt, and a category's own as
// models/neutral/<language>.<category>.txt (`callscope dict train`).
//
//go:embed ru/*.yaml en/*.yaml models/*/*.json models/neutral/*.txt
var FS embed.FS
