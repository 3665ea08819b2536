package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/dossier-osint/dossier/ingest"
	"github.com/dossier-osint/dossier/ingest/batch"
	"github.com/dossier-osint/dossier/pipeline"
)

// readFlags are the flags that configure the readers, shared by ingest and
// extract.
type readFlags struct {
	published    string
	allowPrivate bool
	maxMB        int64
	timeout      time.Duration
}

func (f *readFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.published, "published", "", "publication date YYYY-MM-DD for the inputs (overrides what they say)")
	cmd.Flags().BoolVar(&f.allowPrivate, "allow-private", false, "allow fetching URLs on loopback, private and link-local addresses")
	cmd.Flags().Int64Var(&f.maxMB, "max-size", 20, "largest input file, record or download to read, in MiB")
	cmd.Flags().DurationVar(&f.timeout, "timeout", 20*time.Second, "time limit for fetching one URL")
}

// options turns the flags into reader options.
func (f *readFlags) options(stdin io.Reader) (ingest.Options, error) {
	opt := ingest.Options{AllowPrivate: f.allowPrivate, Timeout: f.timeout, MaxBytes: f.maxMB << 20, Stdin: stdin}
	if f.maxMB <= 0 {
		return opt, usageError{fmt.Errorf("--max-size %d: want a positive number of MiB", f.maxMB)}
	}
	if f.published != "" {
		t, err := time.Parse("2006-01-02", f.published)
		if err != nil {
			return opt, usageError{fmt.Errorf("--published %q: want a date as YYYY-MM-DD", f.published)}
		}
		opt.Published = t
	}
	return opt, nil
}

func (a *app) ingestCmd() *cobra.Command {
	var rf readFlags
	var workers int
	var asJSON, noNLP bool
	cmd := &cobra.Command{
		Use:   "ingest PATH|URL|- ...",
		Short: "Read articles into the store",
		Long: `Read articles into the store: plain text, HTML pages, RSS/Atom feeds, WARC archives
(.warc, .warc.gz), JSON Lines (one {"text": ..., "title": ..., "url": ..., "published": ...}
per line), http(s) URLs, or - for standard input. Directories are read recursively.

Each document is stored with everything extracted from it in one transaction. Exact
duplicates are stored once; near duplicates (a syndicated copy of a wire story) are
stored and joined to the cluster of the story they copy. Re-running an ingest, even
one that was killed, stores nothing twice.

Exit status is 0 when every input was read, 1 when some failed (each is listed).`,
		Example: "  dossier ingest examples/\n  dossier ingest --published 2026-04-22 story.txt\n  cat feed.xml | dossier ingest -",
		Args:    minArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ropt, err := rf.options(a.stdin)
			if err != nil {
				return err
			}
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			opt := batch.Options{Read: ropt, Workers: workers, Logger: a.log}
			bar := a.progress()
			if bar != nil {
				opt.Progress = func(s batch.Summary) {
					bar.Describe(fmt.Sprintf("%d new, %d duplicate, %d failed", s.New, s.Duplicates, s.Failed))
					_ = bar.Add(1)
				}
			}
			pl, err := a.newPipeline(pipeline.Options{DocumentOnly: noNLP})
			if err != nil {
				return err
			}
			sum, err := batch.Run(cmd.Context(), st, pl, args, opt)
			if bar != nil {
				_ = bar.Finish()
				fmt.Fprintln(a.stderr)
			}
			if err == nil && sum.New > 0 {
				err = a.resolveAfterIngest(cmd.Context(), st)
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				if e := enc.Encode(sum); e != nil {
					return e
				}
			} else {
				printSummary(a.stdout, sum)
			}
			if err != nil {
				return err
			}
			if sum.Failed > 0 {
				return partialError{sum.Failed}
			}
			return nil
		},
	}
	rf.register(cmd)
	cmd.Flags().IntVar(&workers, "workers", 0, "documents extracted at once (default: number of CPUs)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the summary as JSON")
	cmd.Flags().BoolVar(&noNLP, "document-only", false, "store documents without running the extractors")
	return cmd
}

// progress returns a progress bar on a terminal, or nil when stderr is not
// one (piped output stays quiet).
func (a *app) progress() *progressbar.ProgressBar {
	f, ok := a.stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetItsString("docs"),
		progressbar.OptionShowIts(),
		progressbar.OptionShowCount(),
		progressbar.OptionSpinnerType(14),
		progressbar.OptionThrottle(100*time.Millisecond),
	)
}

// printSummary writes the human-readable end of an ingest.
func printSummary(w io.Writer, s batch.Summary) {
	for _, f := range s.Failures {
		fmt.Fprintf(w, "failed: %s\n", f.Error)
	}
	fmt.Fprintf(w, "read %d documents: %d new, %d duplicates, %d syndicated copies, %d failed\n",
		s.Read, s.New, s.Duplicates, s.Syndicated, s.Failed)
	fmt.Fprintf(w, "extracted %d entities, %d claims from %.1f KB of text in %s\n",
		s.Entities, s.Claims, float64(s.Bytes)/1024, s.Elapsed.Round(time.Millisecond))
}
