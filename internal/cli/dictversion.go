package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

// newDictVersionCmd prints a set's version alone, for scripts: the value
// the analyze stage stores as dictionary_version and `reprocess
// --stale-dictionary` and `--dictionary-version` select by.
func newDictVersionCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "version [PATH]",
		Short: "Print the dictionary set's version alone (what reprocess --stale-dictionary takes)",
		Long: `version prints the version of a dictionary set (a directory or one file;
without PATH, dictionaries.dir or the built-in dictionaries, with their
trained models unless dictionaries.models is false), the value every call
analysed with that set stores as its dictionary_version. It validates the
set first, as validate does.`,
		Example: `  callscope dict version
  callscope reprocess --stale-dictionary $(callscope dict version) --stage analyze --dry-run`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var path string
			if len(args) == 1 {
				path = args[0]
			}
			m, err := loadOrReport(dictOf(g, path), g.errOut)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(g.out, m.Version())
			return err
		},
	}
}
