package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dossier-osint/dossier/store"
)

// printJSON writes v as indented JSON to stdout.
func (a *app) printJSON(v any) error {
	enc := json.NewEncoder(a.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func (a *app) searchCmd() *cobra.Command {
	var limit int
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "search QUERY",
		Short:   "Full-text search over stored documents",
		Long:    "Search the titles and texts of stored documents. Words are ANDed; \"quoted phrases\" match as phrases.",
		Example: "  dossier search Anantnag\n  dossier search '\"Kashmir Freedom Brigade\"' --json",
		Args:    minArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			hits, err := st.Search(cmd.Context(), strings.Join(args, " "), limit)
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(hits)
			}
			if len(hits) == 0 {
				fmt.Fprintln(a.stdout, "no documents match")
				return nil
			}
			for _, h := range hits {
				fmt.Fprintf(a.stdout, "%s  %s\n    %s\n", h.ID[:min(len(h.ID), 19)], h.Title, strings.Join(strings.Fields(h.Snippet), " "))
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&limit, "limit", 20, "most hits to show")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func (a *app) documentsCmd() *cobra.Command {
	var q store.DocumentQuery
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "documents",
		Short: "List stored documents, newest first",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			docs, err := st.Documents(cmd.Context(), q)
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(docs)
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tPUBLISHED\tOUTLET\tTITLE")
			for _, d := range docs {
				pub := ""
				if !d.Published.IsZero() {
					pub = d.Published.Format("2006-01-02")
				}
				title := d.Title
				if d.Cluster != "" && d.Cluster != d.ID {
					title += "  (copy of " + d.Cluster[:min(len(d.Cluster), 19)] + ")"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", d.ID[:min(len(d.ID), 19)], pub, d.Outlet, title)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().IntVar(&q.Limit, "limit", 50, "most documents to list")
	cmd.Flags().IntVar(&q.Offset, "offset", 0, "documents to skip")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func (a *app) statsCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count what the store holds",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			s, err := st.Stats(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(s)
			}
			fmt.Fprintf(a.stdout, "%s: %d documents in %d stories, %d entities (%d mentions), %d relations, %d events, %d quotes\n",
				a.dbPath, s.Documents, s.Clusters, s.Entities, s.Mentions, s.Relations, s.Events, s.Quotes)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
