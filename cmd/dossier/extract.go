package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/dedup"
	"github.com/dossier-osint/dossier/ingest"
	"github.com/dossier-osint/dossier/pipeline"
	"github.com/dossier-osint/dossier/rules"
)

func (a *app) extractCmd() *cobra.Command {
	var rf readFlags
	var pretty, explain bool
	cmd := &cobra.Command{
		Use:   "extract FILE|URL|-",
		Short: "Print what dossier reads in one document, as dossier.extract/v1 JSON",
		Long: `Print the dossier.extract/v1 JSON of a document to standard output, without
touching a store. The schema is documented in docs/extract-schema.md. An input that
holds several documents (a feed, a JSON Lines file) prints one JSON object per
document, one per line (or indented with --pretty). With --explain it lists instead,
for a person to read, every relation, event and quote with the rule that made it
(file and line), its attribution, its modality and the sentence it was read from.`,
		Example: "  dossier extract --published 2026-04-22 --pretty examples/fna-attack-anantnag.txt",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ropt, err := rf.options(a.stdin)
			if err != nil {
				return err
			}
			ex, err := a.newPipeline(pipeline.Options{})
			if err != nil {
				return err
			}
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
				if explain {
					writeExplanation(a.stdout, x, ex.Rules())
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
	cmd.Flags().BoolVar(&explain, "explain", false, "instead of JSON, list each claim with the rule that made it and its evidence")
	return cmd
}

// writeExplanation lists the claims of x with the rules that made them.
func writeExplanation(w io.Writer, x *dossier.Extraction, rs *rules.RuleSet) {
	names := map[string]string{}
	for _, e := range x.Entities {
		names[e.ID] = e.Name
	}
	atts := map[string]dossier.Attribution{}
	for _, at := range x.Attributions {
		atts[at.ID] = at
	}
	where := func(rule string) string {
		if r := rs.Lookup(rule); r != nil {
			return fmt.Sprintf("%s (%s:%d)", rule, r.File, r.Line)
		}
		return rule
	}
	by := func(id string) string {
		at := atts[id]
		if at.Text == "" {
			return string(at.Kind)
		}
		return fmt.Sprintf("%s: %q", at.Kind, at.Text)
	}
	fmt.Fprintf(w, "# %s %s\n", x.Document.ID, x.Document.Title)
	for _, r := range x.Relations {
		fmt.Fprintf(w, "relation %s(%s, %s) [%s; %s]\n  rule: %s\n  evidence: %q\n",
			r.Type, names[r.Subject], names[r.Object], r.Modality, by(r.Attribution), where(r.Rule), r.Evidence.Text)
	}
	for _, e := range x.Events {
		fmt.Fprintf(w, "event %s %q [%s; %s]\n  rule: %s\n  evidence: %q\n", e.Type, e.Trigger.Text, e.Modality, by(e.Attribution), where(e.Rule), e.Evidence.Text)
	}
	for _, q := range x.Quotes {
		speaker := names[q.Speaker]
		if speaker == "" {
			speaker = "(unnamed)"
		}
		fmt.Fprintf(w, "quote by %s, cue %q\n  rule: %s\n  text: %q\n", speaker, q.Cue, q.Rule, q.Text)
	}
}
