// Command dossier turns news reports into an evidence-linked network of who
// did what, with whom, where and when — and who says so.
//
// This file wires the subcommands; each lives in a file of its own and calls
// into the packages that do the work.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/dossier-osint/dossier/pipeline"
	"github.com/dossier-osint/dossier/store/sqlite"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailed  = 1 // some inputs failed, or the command failed
	exitUsage   = 2 // the command line is wrong
	defaultDB   = "dossier.db"
	envDB       = "DOSSIER_DB"
	envRules    = "DOSSIER_RULES"
	envLogLevel = "DOSSIER_LOG"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// usageError marks an error in the command line (exit code 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// partialError marks a command that ran but some of whose inputs failed
// (exit code 1, already reported).
type partialError struct{ failed int }

func (e partialError) Error() string { return fmt.Sprintf("%d input(s) failed", e.failed) }

// app holds what every subcommand shares: global flags and output streams.
type app struct {
	dbPath   string
	logLevel string
	rulesDir string
	stdin    io.Reader
	stdout   io.Writer
	stderr   io.Writer
	log      *slog.Logger
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes the command line args and returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr}
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	var pe partialError
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &pe):
		return exitFailed
	case errors.As(err, &ue), isCobraUsage(err):
		fmt.Fprintf(stderr, "dossier: %v\nRun 'dossier --help' for usage.\n", err)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "dossier: %v\n", err)
		return exitFailed
	}
}

// isCobraUsage recognises the errors cobra returns for an unknown command.
func isCobraUsage(err error) bool {
	return strings.HasPrefix(err.Error(), "unknown command") || strings.HasPrefix(err.Error(), "unknown flag")
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "dossier",
		Short: "Turn news reports into an evidence-linked network of who did what, with whom, where and when",
		Long: `dossier reads news articles (text, HTML, RSS/Atom feeds, WARC archives, JSON Lines, URLs),
finds the people, organisations, places, events and dates in them, and keeps every
link with the sentence it was read from and who asserts it.

The store is a SQLite file: ./dossier.db, or --db PATH, or $DOSSIER_DB.`,
		Version:       version + " (extractor " + pipeline.Version + ")",
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return a.setup()
		},
	}
	root.PersistentFlags().StringVar(&a.dbPath, "db", envOr(envDB, defaultDB), "SQLite store file (env "+envDB+")")
	root.PersistentFlags().StringVar(&a.rulesDir, "rules", os.Getenv(envRules), "directory of extra relation rule files (*.yaml, see docs/rules.md) (env "+envRules+")")
	root.PersistentFlags().StringVar(&a.logLevel, "log-level", envOr(envLogLevel, "info"), "log level: debug, info, warn, error (env "+envLogLevel+")")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(
		a.ingestCmd(),
		a.extractCmd(),
		a.searchCmd(),
		a.documentsCmd(),
		a.statsCmd(),
		a.reprocessCmd(),
		a.serveCmd(),
		a.trainCmd(),
		a.evalCmd(),
	)
	for _, c := range extraCommands {
		root.AddCommand(c(a))
	}
	return root
}

// extraCommands, evalCommands and trainCommands let each subcommand's file
// register itself from an init function, so that adding a command touches
// one file.
var (
	extraCommands []func(*app) *cobra.Command
	evalCommands  []func(*app) *cobra.Command
	trainCommands []func(*app) *cobra.Command
)

// setup configures logging from the global flags.
func (a *app) setup() error {
	var level slog.Level
	if err := level.UnmarshalText([]byte(a.logLevel)); err != nil {
		return usageError{fmt.Errorf("--log-level %q: want debug, info, warn or error", a.logLevel)}
	}
	a.log = slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: level}))
	return nil
}

// openStore opens the SQLite store named by --db.
func (a *app) openStore() (*sqlite.Store, error) {
	st, err := sqlite.Open(a.dbPath)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	return st, nil
}

// envOr returns the environment variable key, or def when it is unset.
func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// exactArgs is cobra.ExactArgs with a usage error.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := cobra.ExactArgs(n)(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}

// minArgs is cobra.MinimumNArgs with a usage error.
func minArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := cobra.MinimumNArgs(n)(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}
