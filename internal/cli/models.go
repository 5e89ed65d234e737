package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/callscope/callscope/transcribe/models"
)

func init() { registerCommand(newModelsCmd) }

type modelsOptions struct {
	g      *globals
	format string
	pull   models.PullOptions
}

func newModelsCmd(g *globals) *cobra.Command {
	opts := &modelsOptions{g: g}
	cmd := &cobra.Command{
		Use:   "models list | pull NAME | verify [NAME...]",
		Short: "List, download and check ASR and VAD models",
		Long: `models manages the speech models in the models directory (asr.models_dir,
default ~/.cache/callscope/models).

  list              the catalogue: name, engine, language, size, licence,
                    whether its SHA-256 is known, and whether it is installed
  pull NAME         download (resuming an interrupted download), check the
                    SHA-256 and unpack; --from FILE installs a local archive
                    (for sites without internet)
  verify [NAME...]  recompute the installed files' checksums (all models
                    when no name is given)`,
		Example: `  callscope models list
  callscope models pull sherpa-onnx-nemo-ctc-giga-am-v2-russian-2025-04-19 --sha256 HEX
  callscope models pull vosk-model-small-ru-0.22 --from /media/usb/vosk-model-small-ru-0.22.zip --trust
  callscope models verify`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	g.bind(cmd.PersistentFlags(), "models-dir", "asr.models_dir", "", "directory of ASR and VAD models")

	list := &cobra.Command{
		Use:   "list",
		Short: "List the model catalogue",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return runModelsList(opts) },
	}
	list.Flags().StringVar(&opts.format, "format", "table", "output: table or json")

	pull := &cobra.Command{
		Use:   "pull NAME",
		Short: "Download, check and unpack a model",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runModelsPull(cmd.Context(), opts, args[0])
		},
	}
	pull.Flags().StringVar(&opts.pull.From, "from", "", "install from this local archive instead of downloading")
	pull.Flags().StringVar(&opts.pull.SHA256, "sha256", "", "the archive's expected SHA-256 (when the catalogue has none)")
	pull.Flags().BoolVar(&opts.pull.Trust, "trust", false, "accept an archive with no checksum to compare with (its SHA-256 is printed and recorded)")
	pull.Flags().StringVar(&opts.pull.URL, "url", "", "download from this address (a mirror) instead of the official one")

	verify := &cobra.Command{
		Use:   "verify [NAME...]",
		Short: "Check installed models against their manifests",
		RunE: func(cmd *cobra.Command, args []string) error {
			return runModelsVerify(opts, args)
		},
	}
	cmd.AddCommand(list, pull, verify)
	return cmd
}

func modelsDir(g *globals) string {
	if g.cfg.ASR.ModelsDir != "" {
		return g.cfg.ASR.ModelsDir
	}
	return models.DefaultDir()
}

func runModelsList(opts *modelsOptions) error {
	dir := modelsDir(opts.g)
	cat := models.Catalogue()
	switch opts.format {
	case "json":
		type row struct {
			models.Model
			Installed bool `json:"installed"`
		}
		rows := make([]row, len(cat))
		for i, m := range cat {
			rows[i] = row{m, models.Installed(dir, m.Name)}
		}
		enc := json.NewEncoder(opts.g.out)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	case "table":
	default:
		return fmt.Errorf("--format: want table or json, got %q", opts.format)
	}
	tw := tabwriter.NewWriter(opts.g.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tENGINE\tLANG\tSIZE\tLICENCE\tSHA-256\tINSTALLED")
	for _, m := range cat {
		sum := "known"
		if m.SHA256 == "" {
			sum = "-"
		}
		inst := "no"
		if models.Installed(dir, m.Name) {
			inst = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", m.Name, m.Engine, m.Language, size(m.Size), m.Licence, sum, inst)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(opts.g.out, "\nmodels directory: %s\n", dir)
	return nil
}

func size(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", n>>20)
	default:
		return fmt.Sprintf("%d kB", n>>10)
	}
}

func runModelsPull(ctx context.Context, opts *modelsOptions, name string) error {
	m, err := models.Lookup(name)
	if err != nil {
		return err
	}
	dir := modelsDir(opts.g)
	p := &models.Puller{Dir: dir, Progress: opts.g.errOut}
	man, err := p.Pull(ctx, m, opts.pull)
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.g.out, "%s: installed in %s (%d files, archive SHA-256 %s)\n", m.Name, models.Path(dir, m.Name), len(man.Files), man.SHA256)
	if man.Trusted {
		fmt.Fprintf(opts.g.out, "%s: the archive was not checked against a known checksum; compare the SHA-256 above with the publisher's\n", m.Name)
	}
	return nil
}

// errVerify is returned when some installed model failed verification.
var errVerify = errors.New("models failed verification")

func runModelsVerify(opts *modelsOptions, names []string) error {
	dir := modelsDir(opts.g)
	if len(names) == 0 {
		var err error
		if names, err = models.InstalledNames(dir); err != nil {
			return err
		}
		if len(names) == 0 {
			fmt.Fprintf(opts.g.out, "no models installed in %s\n", dir)
			return nil
		}
	}
	var failed []string
	for _, n := range names {
		if err := models.Verify(dir, n); err != nil {
			fmt.Fprintf(opts.g.out, "FAIL  %s: %v\n", n, err)
			failed = append(failed, n)
			continue
		}
		fmt.Fprintf(opts.g.out, "ok    %s\n", n)
	}
	if len(failed) > 0 {
		return fmt.Errorf("%w: %s", errVerify, strings.Join(failed, ", "))
	}
	return nil
}
