//go:build webui

package web

import (
	"embed"
	"io/fs"
)

// dist is the UI built by `npm run build` (make build).
//
//go:embed all:dist
var dist embed.FS

func uiFiles() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		return nil
	}
	return sub
}

func built() bool { return true }
