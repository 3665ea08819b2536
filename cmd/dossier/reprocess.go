package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/pipeline"
	"github.com/dossier-osint/dossier/store"
)

func (a *app) reprocessCmd() *cobra.Command {
	var all bool
	cmd := &cobra.Command{
		Use:   "reprocess",
		Short: "Re-run the extractors over stored documents",
		Long: `Re-extract stored documents from their stored text, replacing what was extracted
before (each document in one transaction). By default only the documents made by
another extractor version than this binary's are re-extracted; --all re-extracts all.`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			ex, err := a.newPipeline(pipeline.Options{})
			if err != nil {
				return err
			}
			q := store.DocumentQuery{Limit: 1000}
			if !all {
				q.OlderThanVersion = ex.Version()
			}
			// Collect the IDs first: re-extracting changes the version the
			// query filters on.
			var ids []string
			for {
				docs, err := st.Documents(cmd.Context(), q)
				if err != nil {
					return err
				}
				for _, d := range docs {
					ids = append(ids, d.ID)
				}
				if len(docs) < q.Limit {
					break
				}
				q.Offset += len(docs)
			}
			failed := 0
			for _, id := range ids {
				doc, err := st.Document(cmd.Context(), id)
				if err == nil {
					var x *dossier.Extraction
					if x, err = ex.Extract(doc); err == nil {
						err = st.ReplaceExtraction(cmd.Context(), id, x)
					}
				}
				if err != nil {
					if cmd.Context().Err() != nil {
						return cmd.Context().Err()
					}
					failed++
					fmt.Fprintf(a.stderr, "failed: reprocess %s: %v\n", id, err)
				}
			}
			fmt.Fprintf(a.stdout, "reprocessed %d documents with extractor %s, %d failed\n", len(ids)-failed, ex.Version(), failed)
			if failed > 0 {
				return partialError{failed}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "re-extract every document, not only stale ones")
	return cmd
}
