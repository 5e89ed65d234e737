// Package cli is callscope's command line. Each command has an options
// struct, a constructor that declares its flags, and a plain run function
// that tests call directly.
package cli

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/callscope/callscope/internal/config"
	"github.com/callscope/callscope/internal/secrets"
)

// Version is set at build time with -ldflags "-X .../internal/cli.Version=...".
var Version = "dev"

// globals are what every command shares: the loaded configuration and the
// streams to write to.
type globals struct {
	configPath  string
	cfg         config.Config
	out, errOut io.Writer
	log         *slog.Logger
	// flagPaths maps a flag name to the setting it overrides.
	flagPaths map[string]string
}

// NewRootCmd builds the callscope command tree.
func NewRootCmd(out, errOut io.Writer) *cobra.Command {
	g := &globals{out: out, errOut: errOut, flagPaths: map[string]string{}}
	root := &cobra.Command{
		Use:   "callscope",
		Short: "Speech analytics for contact centers",
		Long: `callscope takes two-channel call recordings from object storage through
transcription and phrase-dictionary analysis into ClickHouse, and reports on
them by operator, department and period.

Configuration comes from, in rising precedence: built-in defaults, a YAML
file (--config, $CALLSCOPE_CONFIG or ./callscope.yaml), CALLSCOPE_*
environment variables, and flags. 'callscope config' lists every setting
with its environment variable.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return g.load(cmd)
		},
	}
	root.SetOut(out)
	root.SetErr(errOut)
	root.PersistentFlags().StringVar(&g.configPath, "config", "", "YAML configuration file")
	g.bind(root.PersistentFlags(), "log-level", "log.level", "", "log level: debug, info, warn, error")

	root.AddCommand(
		newRunCmd(g),
		newWorkerCmd(g),
		newMigrateCmd(g),
		newReportCmd(g),
		newConfigCmd(g),
		newVersionCmd(g),
	)
	for _, c := range commands {
		root.AddCommand(c(g))
	}
	refuseUnknownSubcommands(root)
	return root
}

// refuseUnknownSubcommands makes every group of commands below the root
// (dict, users, models...) refuse a word that is none of its subcommands:
// cobra would print the group's help and exit 0, so a mistyped
// 'callscope dict valdate' looked like success to a script. The group
// alone still prints its help.
func refuseUnknownSubcommands(root *cobra.Command) {
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			walk(sub)
		}
		if c == root || !c.HasSubCommands() || c.Runnable() {
			return
		}
		c.Args = cobra.ArbitraryArgs
		c.SuggestionsMinimumDistance = 2 // cobra sets it on the root only
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmd.Help()
			}
			var names []string
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() {
					names = append(names, sub.Name())
				}
			}
			hint := ""
			if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
				hint = fmt.Sprintf(" (did you mean %s?)", strings.Join(s, " or "))
			}
			return fmt.Errorf("unknown command %q for %q%s: want one of %s", args[0], cmd.CommandPath(), hint, strings.Join(names, ", "))
		}
	}
	walk(root)
}

// commands are the constructors of further commands; each command's file
// registers its own in an init function, so adding a command touches no
// other file.
var commands []func(*globals) *cobra.Command

func registerCommand(c func(*globals) *cobra.Command) { commands = append(commands, c) }

// bind declares a string flag that overrides the setting at path.
func (g *globals) bind(fs *pflag.FlagSet, name, path, def, usage string) {
	env := "CALLSCOPE_" + strings.ToUpper(strings.ReplaceAll(path, ".", "_"))
	fs.String(name, def, usage+" ($"+env+")")
	g.flagPaths[name] = path
}

// bindStore binds --clickhouse and --data, the two ways to name the store
// of a command that reads or writes the calls only (the embedded engine
// where no ClickHouse DSN is set).
func (g *globals) bindStore(fs *pflag.FlagSet) {
	g.bind(fs, "clickhouse", "clickhouse.dsn", "", "ClickHouse DSN")
	g.bind(fs, "data", "data_dir", "", "data directory of the embedded engine")
}

// load reads the configuration and applies the flags the user set.
func (g *globals) load(cmd *cobra.Command) error {
	cfg, err := config.Load(g.configPath, os.Environ())
	if err != nil {
		return err
	}
	var ferr error
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if path, ok := g.flagPaths[f.Name]; ok && ferr == nil {
			if err := config.Set(&cfg, path, f.Value.String()); err != nil {
				ferr = fmt.Errorf("flag --%s: %w", f.Name, err)
			}
		}
	})
	if ferr != nil {
		return ferr
	}
	g.cfg = cfg
	g.log = newLogger(g.errOut, cfg.Log)
	slog.SetDefault(g.log)
	return nil
}

func newLogger(w io.Writer, c config.Log) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.Level)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	if c.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// Execute runs the command line and returns the process exit code. Errors
// are one line on stderr, never a stack trace.
func Execute(ctx context.Context, args []string, out, errOut io.Writer) int {
	root := NewRootCmd(out, errOut)
	root.SetArgs(args)
	if cmd, err := root.ExecuteContextC(ctx); err != nil {
		msg := err.Error()
		if isArgCountError(msg) {
			// cobra's "accepts 1 arg(s), received 0" names neither the
			// command nor what the argument is; the usage line says both.
			msg = fmt.Sprintf("%s: %s (usage: %s)", strings.TrimPrefix(cmd.CommandPath(), root.Name()+" "), msg, cmd.UseLine())
		}
		// Last line of defence: no password or token of a URL reaches the
		// terminal, whatever error quoted it.
		fmt.Fprintf(errOut, "callscope: %s\n", secrets.MaskText(msg))
		return 1
	}
	return 0
}

// isArgCountError reports whether msg is one of cobra's positional-argument
// count errors (cobra.ExactArgs, MinimumNArgs, MaximumNArgs, RangeArgs).
func isArgCountError(msg string) bool {
	return strings.Contains(msg, " arg(s)") && (strings.HasPrefix(msg, "accepts ") || strings.HasPrefix(msg, "requires at least "))
}
