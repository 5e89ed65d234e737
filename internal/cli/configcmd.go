package cli

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/internal/config"
)

func newConfigCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "config",
		Short: "List every setting with its environment variable and current value",
		Long: `List every setting: its YAML path, its environment variable, its current
value (after the file, the environment and flags) and what it does. Secrets
are shown as ***, and so are passwords and tokens inside URLs and DSNs
(nats://user:***@host, clickhouse://user:***@host, ?password=***).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			tw := tabwriter.NewWriter(g.out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "SETTING\tENVIRONMENT\tVALUE\tMEANING")
			for _, f := range config.Fields() {
				v := config.Get(g.cfg, f.Path)
				v = config.Display(f, v)
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", f.Path, f.Env, v, f.Doc)
			}
			return tw.Flush()
		},
	}
}
