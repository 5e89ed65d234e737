// Package dictionaries embeds callscope's built-in phrase dictionaries: one
// YAML file per category under a folder per language (ru/, en/). Analysts
// copy these files to start their own set; docs/dictionaries.md describes
// the format. The package only carries the files: analyze/match reads them.
package dictionaries

import "embed"

// FS holds the built-in dictionaries as <language>/<category>.yaml.
//
//go:embed ru/*.yaml en/*.yaml
var FS embed.FS
