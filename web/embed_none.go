//go:build !webui

package web

import "io/fs"

// uiFiles is nil: this binary was built without the tag webui, so it serves
// the page that says how to build the UI.
func uiFiles() fs.FS { return nil }

func built() bool { return false }
