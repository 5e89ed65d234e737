package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/callscope/callscope/internal/users"
)

func init() { registerCommand(newUsersCmd) }

type usersOptions struct {
	g           *globals
	role        string
	departments []string
	listen      bool
	noListen    bool
	// rawAudio lets the user play original recordings, not only the
	// redacted copies (it implies listen).
	rawAudio   bool
	noRawAudio bool
	// passwordStdin reads the password from standard input (scripts).
	passwordStdin bool
	in            io.Reader
}

func newUsersCmd(g *globals) *cobra.Command {
	opts := &usersOptions{g: g, in: os.Stdin}
	cmd := &cobra.Command{
		Use:   "users add|passwd|set|disable|enable|list",
		Short: "Manage the users of 'callscope serve'",
		Long: `users manages the local users of 'callscope serve' in the users file
(server.users, default DATA/users.yaml, mode 0600). Passwords are stored as
argon2id hashes; a password is asked for on the terminal, or read from
standard input with --password-stdin.

Roles: admin (users and the audit trail, every department), manager (every
department), supervisor (only --departments), analyst (dictionaries and
what-if, every department). --listen lets the user play recordings: the
redacted copy when privacy.audio_bucket is set; --raw-audio (which implies
--listen) lets them play the originals, with the personal data in them.

A running server sees changes at once; a disabled user, or one whose
password changed, is logged out.`,
		Example: `  callscope users add anna --role supervisor --departments Поддержка --listen --data .callscope
  echo "$PW" | callscope users add ci-admin --role admin --password-stdin
  callscope users passwd anna
  callscope users disable anna
  callscope users list`,
	}
	g.bind(cmd.PersistentFlags(), "data", "data_dir", "", "data directory (the users file is DATA/users.yaml)")
	g.bind(cmd.PersistentFlags(), "users", "server.users", "", "users file")
	cmd.PersistentFlags().BoolVar(&opts.passwordStdin, "password-stdin", false, "read the password from standard input")

	add := &cobra.Command{Use: "add NAME --role ROLE [--departments D,...] [--listen] [--raw-audio]", Short: "Add a user", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runUsersAdd(opts, args[0]) }}
	add.Flags().StringVar(&opts.role, "role", "", "admin, manager, supervisor or analyst")
	add.Flags().StringSliceVar(&opts.departments, "departments", nil, "departments a supervisor sees, comma-separated")
	add.Flags().BoolVar(&opts.listen, "listen", false, "may play recordings")
	add.Flags().BoolVar(&opts.rawAudio, "raw-audio", false, "may play the original recordings, not only their redacted copies (implies --listen)")

	set := &cobra.Command{Use: "set NAME [--role ROLE] [--departments D,...] [--listen | --no-listen] [--raw-audio | --no-raw-audio]", Short: "Change a user's role, departments or audio permissions",
		Args: cobra.ExactArgs(1), RunE: func(cmd *cobra.Command, args []string) error {
			return runUsersSet(opts, args[0], cmd.Flags().Changed)
		}}
	set.Flags().StringVar(&opts.role, "role", "", "admin, manager, supervisor or analyst")
	set.Flags().StringSliceVar(&opts.departments, "departments", nil, "departments a supervisor sees, comma-separated")
	set.Flags().BoolVar(&opts.listen, "listen", false, "may play recordings")
	set.Flags().BoolVar(&opts.noListen, "no-listen", false, "may not play recordings (nor the originals)")
	set.Flags().BoolVar(&opts.rawAudio, "raw-audio", false, "may play the original recordings (implies --listen)")
	set.Flags().BoolVar(&opts.noRawAudio, "no-raw-audio", false, "may play only the redacted copies")

	passwd := &cobra.Command{Use: "passwd NAME", Short: "Set a user's password (ends their sessions)", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runUsersPasswd(opts, args[0]) }}
	disable := &cobra.Command{Use: "disable NAME", Short: "Disable a user (ends their sessions)", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runUsersDisable(opts, args[0], true) }}
	enable := &cobra.Command{Use: "enable NAME", Short: "Enable a disabled user", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runUsersDisable(opts, args[0], false) }}
	list := &cobra.Command{Use: "list", Short: "List the users", Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runUsersList(opts) }}
	cmd.AddCommand(add, set, passwd, disable, enable, list)
	return cmd
}

// usersFile opens the users file named by the configuration.
func usersFile(g *globals) (*users.File, error) {
	path := g.cfg.Server.Users
	if path == "" {
		path = filepath.Join(g.cfg.DataDir, "users.yaml")
	}
	return users.Open(path, users.Params{})
}

// readPassword asks twice on a terminal, or reads one line from stdin.
func (o *usersOptions) readPassword() (string, error) {
	if !o.passwordStdin {
		if f, ok := o.in.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			fmt.Fprint(o.g.errOut, "Password: ")
			p1, err := term.ReadPassword(int(f.Fd()))
			fmt.Fprintln(o.g.errOut)
			if err != nil {
				return "", err
			}
			fmt.Fprint(o.g.errOut, "Again: ")
			p2, err := term.ReadPassword(int(f.Fd()))
			fmt.Fprintln(o.g.errOut)
			if err != nil {
				return "", err
			}
			if string(p1) != string(p2) {
				return "", errors.New("the passwords differ")
			}
			return string(p1), nil
		}
		return "", errors.New("no terminal to ask for the password: give --password-stdin and the password on standard input")
	}
	line, err := bufio.NewReader(io.LimitReader(o.in, users.MaxPassword+2)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// departmentsOnlyForSupervisors refuses --departments for a role that sees
// every department: stored, they would show in `users list` as a limit the
// server does not apply.
func departmentsOnlyForSupervisors(role users.Role, departments []string) error {
	if len(departments) > 0 && role.Valid() && role.AllDepartments() {
		return fmt.Errorf("--departments is for supervisors: a %s sees every department (give --role supervisor to limit the user to %s)", role, strings.Join(departments, ", "))
	}
	return nil
}

func runUsersAdd(o *usersOptions, name string) error {
	f, err := usersFile(o.g)
	if err != nil {
		return err
	}
	u := users.User{Name: name, Role: users.Role(o.role), Departments: o.departments, Listen: o.listen || o.rawAudio, RawAudio: o.rawAudio}
	if err := u.Check(); err != nil {
		return err
	}
	if err := departmentsOnlyForSupervisors(u.Role, u.Departments); err != nil {
		return err
	}
	pw, err := o.readPassword()
	if err != nil {
		return err
	}
	if err := f.Add(u, pw); err != nil {
		return err
	}
	fmt.Fprintf(o.g.out, "added %s (%s) to %s\n", name, o.role, f.Path())
	return nil
}

func runUsersSet(o *usersOptions, name string, changed func(string) bool) error {
	f, err := usersFile(o.g)
	if err != nil {
		return err
	}
	if o.listen && o.noListen {
		return errors.New("give --listen or --no-listen, not both")
	}
	if o.rawAudio && o.noRawAudio {
		return errors.New("give --raw-audio or --no-raw-audio, not both")
	}
	if o.rawAudio && o.noListen {
		return errors.New("--raw-audio needs listening: drop --no-listen")
	}
	if changed("departments") {
		role := users.Role(o.role)
		if !changed("role") {
			if u, ok := f.Get(name); ok {
				role = u.Role
			}
		}
		if err := departmentsOnlyForSupervisors(role, o.departments); err != nil {
			return err
		}
	}
	err = f.Update(name, func(u *users.User) {
		if changed("role") {
			u.Role = users.Role(o.role)
		}
		if changed("departments") {
			u.Departments = o.departments
		}
		if u.Role.AllDepartments() && !changed("departments") {
			u.Departments = nil
		}
		if o.listen {
			u.Listen = true
		}
		if o.noListen {
			u.Listen = false
			u.RawAudio = false
		}
		if o.rawAudio {
			u.Listen, u.RawAudio = true, true
		}
		if o.noRawAudio {
			u.RawAudio = false
		}
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(o.g.out, "changed %s\n", name)
	return nil
}

func runUsersPasswd(o *usersOptions, name string) error {
	f, err := usersFile(o.g)
	if err != nil {
		return err
	}
	if _, ok := f.Get(name); !ok {
		return fmt.Errorf("%w: %s", users.ErrNoUser, name)
	}
	pw, err := o.readPassword()
	if err != nil {
		return err
	}
	if err := f.SetPassword(name, pw); err != nil {
		return err
	}
	fmt.Fprintf(o.g.out, "password of %s changed; their sessions end\n", name)
	return nil
}

func runUsersDisable(o *usersOptions, name string, disabled bool) error {
	f, err := usersFile(o.g)
	if err != nil {
		return err
	}
	if err := f.SetDisabled(name, disabled); err != nil {
		return err
	}
	state := "enabled"
	if disabled {
		state = "disabled; their sessions end"
	}
	fmt.Fprintf(o.g.out, "%s %s\n", name, state)
	return nil
}

func runUsersList(o *usersOptions) error {
	f, err := usersFile(o.g)
	if err != nil {
		return err
	}
	list, err := f.List()
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(o.g.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tROLE\tDEPARTMENTS\tLISTEN\tRAW AUDIO\tSTATE\tCREATED")
	for _, u := range list {
		state := "active"
		if u.Disabled {
			state = "disabled"
		}
		deps := strings.Join(u.Departments, ",")
		if deps == "" {
			deps = "(all)"
		}
		listen, raw := "no", "no"
		if u.Listen {
			listen = "yes"
		}
		if u.Listen && u.RawAudio {
			raw = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", u.Name, u.Role, deps, listen, raw, state, u.CreatedAt.Format("2006-01-02"))
	}
	return tw.Flush()
}
