package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dossier-osint/dossier/check"
	"github.com/dossier-osint/dossier/store"
)

func init() { extraCommands = append(extraCommands, (*app).flagsCmd) }

func (a *app) flagsCmd() *cobra.Command {
	var asJSON bool
	var kinds []string
	var ff filterFlags
	cmd := &cobra.Command{
		Use:   "flags",
		Short: "Check the claim graph for contradictions across reports",
		Long: `Run the consistency checks over every resolved claim: someone said to attend an event
after their reported death (dead-attendee), one event reported with different dates or
places (event-conflict), someone in two places on one day or both perpetrator and victim
(incompatible-roles), a claim asserted by one source and denied by another
(asserted-and-denied), a claim resting only on anonymous sources (anonymous-only).
Each flag shows the evidence of both sides.`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			var claims []store.Claim
			if err := st.EachClaim(ctx, ff.filter(), func(c store.Claim) error { claims = append(claims, c); return nil }); err != nil {
				return err
			}
			var out []check.Finding
			for _, f := range check.All(claims) {
				if len(kinds) == 0 || contains(kinds, f.Kind) {
					out = append(out, f)
				}
			}
			if asJSON {
				if out == nil {
					out = []check.Finding{}
				}
				return a.printJSON(out)
			}
			if len(out) == 0 {
				fmt.Fprintf(a.stdout, "no flags over %d claims\n", len(claims))
				return nil
			}
			for _, f := range out {
				fmt.Fprintf(a.stdout, "%s: %s\n", f.Kind, f.Message)
				for i, ev := range f.Evidence {
					fmt.Fprintf(a.stdout, "    %s %q\n", shortDoc(f.Docs[i]), oneLine(ev.Text))
				}
			}
			return nil
		},
	}
	ff.register(cmd)
	cmd.Flags().StringSliceVar(&kinds, "kind", nil, "show only these kinds of flag")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
