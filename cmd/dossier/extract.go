package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dossier-osint/dossier/dedup"
	"github.com/dossier-osint/dossier/ingest"
	"github.com/dossier-osint/dossier/pipeline"
)

func (a *app) extractCmd() *cobra.Command {
	var rf readFlags
	var pretty bool
	cmd := &cobra.Command{
		Use:   "extract FILE|URL|-",
		Short: "Print what dossier reads in one document, as dossier.extract/v1 JSON",
		Long: `Print the dossier.extract/v1 JSON of a document to standard output, without
touching a store. The schema is documented in docs/extract-schema.md. An input that
holds several documents (a feed, a JSON Lines file) prints one JSON object per
document, one per line (or indented with --pretty).`,
		Example: "  dossier extract --published 2026-04-22 --pretty examples/fna-attack-anantnag.txt",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ropt, err := rf.options(a.stdin)
			if err != nil {
				return err
			}
			ex := pipeline.New(pipeline.Options{})
			enc := json.NewEncoder(a.stdout)
			enc.SetEscapeHTML(false)
			if pretty {
				enc.SetIndent("", "  ")
			}
			failed := 0
			for it := range ingest.Read(cmd.Context(), args[0], ropt) {
				if it.Err != nil {
					failed++
					fmt.Fprintf(a.stderr, "failed: %v\n", it.Err)
					continue
				}
				it.Doc.ID = dedup.ID(it.Doc.Text)
				x, err := ex.Extract(it.Doc)
				if err != nil {
					failed++
					fmt.Fprintf(a.stderr, "failed: %s: extract: %v\n", it.Input, err)
					continue
				}
				if err := enc.Encode(x); err != nil {
					return err
				}
			}
			if failed > 0 {
				return partialError{failed}
			}
			return cmd.Context().Err()
		},
	}
	rf.register(cmd)
	cmd.Flags().BoolVar(&pretty, "pretty", false, "indent the JSON")
	return cmd
}
