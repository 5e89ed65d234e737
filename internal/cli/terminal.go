package cli

import (
	"io"
	"os"
)

// isTerminal reports whether w is a terminal (a character device): where a
// progress line is redrawn in place rather than printed line after line.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// colorTerminal reports whether w is a terminal that takes escape codes:
// a terminal, and NO_COLOR (no-color.org) not set.
func colorTerminal(w io.Writer) bool {
	return os.Getenv("NO_COLOR") == "" && isTerminal(w)
}
