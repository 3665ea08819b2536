package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dossier-osint/dossier/dedup"
	"github.com/dossier-osint/dossier/extract/gold"
	"github.com/dossier-osint/dossier/ingest"
	"github.com/dossier-osint/dossier/pipeline"
)

func init() { evalCommands = append(evalCommands, (*app).evalExtractCmd) }

// evalExtractCmd scores dossier's extraction against hand-checked gold.
func (a *app) evalExtractCmd() *cobra.Command {
	var rf readFlags
	var goldDir string
	var asJSON, showErrors bool
	cmd := &cobra.Command{
		Use:   "extract --gold DIR INPUT...",
		Short: "Score entities, relations, events and quotes against hand-checked gold extractions",
		Long: `Read the inputs as 'dossier extract' does, extract every document, and score the
extractions against the gold files in DIR (one JSON file per input file, named for it;
the format is described in testdata/golden/README.md). Prints precision, recall and F1
of entities (by type), relations (by type), events (by type) and event roles, quote
recall, and the accuracy of quote speakers, attribution kinds, modalities and event
dates, in total and per document (--errors lists what was missed or wrong). Only the gold files of the inputs read are scored;
a gold document no input produced counts as missed.`,
		Example: "  dossier eval extract --gold testdata/golden/examples examples/\n" +
			"  dossier eval extract --json --gold testdata/golden/heldout heldout/",
		Args: minArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if goldDir == "" {
				return usageError{fmt.Errorf("--gold is required")}
			}
			ropt, err := rf.options(a.stdin)
			if err != nil {
				return err
			}
			files, err := gold.Load(goldDir)
			if err != nil {
				return err
			}
			ex, err := a.newPipeline(pipeline.Options{})
			if err != nil {
				return err
			}
			var preds []gold.Prediction
			failed := 0
			for _, in := range args {
				for it := range ingest.Read(cmd.Context(), in, ropt) {
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
					preds = append(preds, gold.Prediction{Input: it.Input, Text: it.Doc.Text, Extraction: x})
				}
			}
			if err := cmd.Context().Err(); err != nil {
				return err
			}
			rep := gold.Score(gold.ForInputs(files, preds), preds)
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				if err := enc.Encode(rep); err != nil {
					return err
				}
			} else {
				if err := rep.Write(a.stdout); err != nil {
					return err
				}
				if showErrors {
					if err := rep.WriteErrors(a.stdout); err != nil {
						return err
					}
				}
			}
			if failed > 0 {
				return partialError{failed}
			}
			return nil
		},
	}
	rf.register(cmd)
	cmd.Flags().StringVar(&goldDir, "gold", "", "directory of gold files (*.json)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON (with every document's errors)")
	cmd.Flags().BoolVar(&showErrors, "errors", false, "also list, per document, the gold items missed and the predicted items not in gold")
	return cmd
}
