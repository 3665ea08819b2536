package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dossier-osint/dossier/corroboration"
	"github.com/dossier-osint/dossier/graph"
	"github.com/dossier-osint/dossier/resolve"
	"github.com/dossier-osint/dossier/store"
	"github.com/dossier-osint/dossier/store/sqlite"
)

func init() {
	extraCommands = append(extraCommands,
		(*app).resolveCmd, (*app).entityCmd, (*app).pathCmd, (*app).timelineCmd, (*app).topCmd,
		(*app).mergeCmd, (*app).splitCmd, (*app).notSameCmd, (*app).decisionsCmd)
}

// findEntity reads an entity argument: "E12", or a name (the most
// mentioned entity of that name).
func findEntity(ctx context.Context, st store.Store, arg string) (*store.GlobalEntity, error) {
	e, _, err := resolve.Find(ctx, st, arg)
	if errors.Is(err, store.ErrNotFound) {
		return nil, usageError{fmt.Errorf("no entity named %q (try 'dossier resolve' first, or an id like E12)", arg)}
	}
	return e, err
}

// findTwo finds the entities named by the first two arguments.
func findTwo(ctx context.Context, st store.Store, args []string) (*store.GlobalEntity, *store.GlobalEntity, error) {
	ea, err := findEntity(ctx, st, args[0])
	if err != nil {
		return nil, nil, err
	}
	eb, err := findEntity(ctx, st, args[1])
	if err != nil {
		return nil, nil, err
	}
	return ea, eb, nil
}

// name returns "Name (E12)" for an entity id.
func entityName(ctx context.Context, st store.Store, id int64) string {
	if e, err := st.Entity(ctx, id); err == nil {
		return fmt.Sprintf("%s (%s)", e.Name, e.Ref())
	}
	return store.EntityID(id)
}

// filterFlags are the claim filters shared by the graph commands.
type filterFlags struct {
	predicates, modalities, kinds []string
	from, to                      string
}

func (f *filterFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringSliceVar(&f.predicates, "type", nil, "keep only these relation or event types")
	cmd.Flags().StringSliceVar(&f.modalities, "modality", nil, "keep only these modalities (asserted, hedged, negated, reported)")
	cmd.Flags().StringSliceVar(&f.kinds, "attribution", nil, "keep only these attribution kinds (named, organisation, anonymous, outlet)")
	cmd.Flags().StringVar(&f.from, "from", "", "keep claims dated on or after (YYYY, YYYY-MM or YYYY-MM-DD)")
	cmd.Flags().StringVar(&f.to, "to", "", "keep claims dated on or before")
}

func (f *filterFlags) filter() store.ClaimFilter {
	cf := store.ClaimFilter{Predicates: f.predicates, From: f.from, To: f.to}
	for _, m := range f.modalities {
		cf.Modalities = append(cf.Modalities, dossierModality(m))
	}
	for _, k := range f.kinds {
		cf.AttributionKinds = append(cf.AttributionKinds, dossierKind(k))
	}
	return cf
}

func (a *app) resolveCmd() *cobra.Command {
	var all, asJSON bool
	cmd := &cobra.Command{
		Use:   "resolve",
		Short: "Link the entities of stored documents across documents",
		Long: `Resolve the entities of every document not yet resolved into global entities (the
same person spelled three ways is one entity; places are found in the gazetteer), and
link their claims. Ingest runs this at its end. Manual merge, split and not-same
decisions are replayed. --all forgets every automatic resolution and starts over.`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			sum, err := resolve.Run(cmd.Context(), st, all, resolve.Options{})
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(sum)
			}
			printResolveSummary(a, sum)
			return nil
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "forget automatic resolutions and resolve every document again")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func printResolveSummary(a *app, sum resolve.Summary) {
	fmt.Fprintf(a.stdout, "resolved %d documents: %d entity mentions, %d new entities, %d joined, %d possible-same-as, %d claims, %d decisions replayed in %s\n",
		sum.Documents, sum.Mentions, sum.NewEntities, sum.Joined, sum.Candidates, sum.Claims, sum.Replayed, sum.Elapsed.Round(time.Millisecond))
}

// resolveAfterIngest runs resolution at the end of an ingest.
func (a *app) resolveAfterIngest(ctx context.Context, st *sqlite.Store) error {
	sum, err := resolve.Run(ctx, st, false, resolve.Options{})
	if err != nil {
		return fmt.Errorf("resolve: %w", err)
	}
	if sum.Documents > 0 {
		a.log.Info("resolved", "documents", sum.Documents, "new_entities", sum.NewEntities, "joined", sum.Joined, "claims", sum.Claims)
	}
	return nil
}

// entityProfile is what `dossier entity` shows.
type entityProfile struct {
	Entity  *store.GlobalEntity   `json:"entity"`
	Members []store.Member        `json:"members"`
	Claims  []corroboration.Claim `json:"claims"`
	SameAs  []store.SameAs        `json:"possible_same_as"`
	// SameName are other entities found by the name asked for.
	SameName []store.GlobalEntity `json:"same_name,omitempty"`
}

func (a *app) entityCmd() *cobra.Command {
	var asJSON bool
	var ff filterFlags
	cmd := &cobra.Command{
		Use:     "entity NAME|E12",
		Short:   "Show a global entity: names, members, claims with their sources, possible duplicates",
		Example: "  dossier entity 'Abdul Rauf Qaddoumi'\n  dossier entity E12 --json",
		Args:    minArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			e, err := findEntity(ctx, st, strings.Join(args, " "))
			if err != nil {
				return err
			}
			p := entityProfile{Entity: e}
			if p.Members, err = st.Members(ctx, e.ID); err != nil {
				return err
			}
			claims, err := st.EntityClaims(ctx, e.ID, ff.filter())
			if err != nil {
				return err
			}
			p.Claims = corroboration.Group(claims)
			if p.SameAs, err = st.SameAs(ctx, e.ID); err != nil {
				return err
			}
			if _, others, err := resolve.Find(ctx, st, strings.Join(args, " ")); err == nil {
				p.SameName = others
			}
			if asJSON {
				return a.printJSON(p)
			}
			w := a.stdout
			fmt.Fprintf(w, "%s  %s  %s\n", e.Ref(), e.Type, e.Name)
			if len(e.Aliases) > 0 {
				fmt.Fprintf(w, "  also: %s\n", strings.Join(e.Aliases, "; "))
			}
			for k, v := range e.Attributes {
				fmt.Fprintf(w, "  %s: %s\n", k, strings.Join(v, "; "))
			}
			if e.Lat != nil {
				fmt.Fprintf(w, "  at: %.4f, %.4f\n", *e.Lat, *e.Lon)
			}
			fmt.Fprintf(w, "  in %d documents (%d mentions as document entities)\n", e.Documents, e.Members)
			fmt.Fprintln(w, "members:")
			for _, m := range p.Members {
				fmt.Fprintf(w, "  %s  %q  %s %.2f\n", shortRef(m.Ref()), m.Name, m.Method, m.Score)
			}
			if len(p.Claims) > 0 {
				fmt.Fprintln(w, "claims:")
			}
			for _, c := range p.Claims {
				fmt.Fprintf(w, "  %s  [%d source(s)%s]\n", describeClaim(ctx, st, c.Key), c.Corroboration, kindsNote(c))
				for _, s := range c.Sources {
					fmt.Fprintf(w, "      %s %q\n", shortDoc(s.Documents[0]), oneLine(s.Evidence.Text))
				}
			}
			for _, s := range p.SameAs {
				fmt.Fprintf(w, "possibly the same as %s %s (%.2f: %s)\n", store.EntityID(s.Other), s.Name, s.Score, s.Why)
			}
			for _, o := range p.SameName {
				fmt.Fprintf(w, "also named so: %s %s %s, in %d documents\n", o.Ref(), o.Type, o.Name, o.Documents)
			}
			return nil
		},
	}
	ff.register(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// describeClaim writes a claim key as a sentence of names.
func describeClaim(ctx context.Context, st store.Store, k corroboration.Key) string {
	s := entityName(ctx, st, k.Subject) + " " + k.Predicate
	if k.Role != "" {
		s = entityName(ctx, st, k.Subject) + " " + k.Role + " of " + k.Predicate
	}
	if k.Object != 0 {
		s += " " + entityName(ctx, st, k.Object)
	}
	if k.Place != 0 {
		s += " at " + entityName(ctx, st, k.Place)
	}
	return s
}

func kindsNote(c corroboration.Claim) string {
	var parts []string
	for k, n := range c.Kinds {
		parts = append(parts, fmt.Sprintf("%s %d", k, n))
	}
	if c.Denials > 0 {
		parts = append(parts, fmt.Sprintf("denied by %d", c.Denials))
	}
	if len(parts) == 0 {
		return ""
	}
	return ": " + strings.Join(parts, ", ")
}

func shortDoc(id string) string { return id[:min(len(id), 19)] }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func (a *app) pathCmd() *cobra.Command {
	var asJSON bool
	var ff filterFlags
	cmd := &cobra.Command{
		Use:     "path A B",
		Short:   "Show how two entities are linked, with the evidence of every hop",
		Example: "  dossier path 'Khalid Nadeem' 'Kashmir Freedom Brigade'",
		Args:    exactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			ea, eb, err := findTwo(ctx, st, args)
			if err != nil {
				return err
			}
			g, err := graph.Load(ctx, st, ff.filter())
			if err != nil {
				return err
			}
			hops, err := g.Path(ea.ID, eb.ID)
			if errors.Is(err, graph.ErrNoPath) {
				if asJSON {
					return a.printJSON([]graph.Hop{})
				}
				fmt.Fprintf(a.stdout, "no path between %s and %s\n", entityName(ctx, st, ea.ID), entityName(ctx, st, eb.ID))
				return nil
			}
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(hops)
			}
			for i, h := range hops {
				fmt.Fprintf(a.stdout, "%d. %s —%s→ %s  [%g source(s)]\n", i+1, entityName(ctx, st, h.From), strings.Join(h.Predicates, ","), entityName(ctx, st, h.To), h.Weight)
				for _, c := range h.Claims {
					fmt.Fprintf(a.stdout, "     %s %q\n", shortDoc(c.Doc), oneLine(c.Evidence.Text))
				}
			}
			return nil
		},
	}
	ff.register(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func (a *app) timelineCmd() *cobra.Command {
	var asJSON bool
	var ff filterFlags
	cmd := &cobra.Command{
		Use:   "timeline NAME|E12",
		Short: "List an entity's claims in date order",
		Args:  minArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			e, err := findEntity(ctx, st, strings.Join(args, " "))
			if err != nil {
				return err
			}
			claims, err := st.EntityClaims(ctx, e.ID, ff.filter())
			if err != nil {
				return err
			}
			tl := graph.Timeline(claims)
			if asJSON {
				return a.printJSON(tl)
			}
			for _, c := range tl {
				when := c.When()
				if when == "" {
					when = "undated"
				}
				fmt.Fprintf(a.stdout, "%-10s  %s  (%s, %s)\n            %q\n", when,
					describeClaim(ctx, st, corroboration.KeyOf(c)), c.Modality, c.AttributionKind, oneLine(c.Evidence.Text))
			}
			return nil
		},
	}
	ff.register(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func (a *app) topCmd() *cobra.Command {
	var by string
	var limit int
	var asJSON bool
	var ff filterFlags
	cmd := &cobra.Command{
		Use:   "top",
		Short: "Rank entities by PageRank, betweenness or degree",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			g, err := graph.Load(ctx, st, ff.filter())
			if err != nil {
				return err
			}
			var scores []graph.Score
			switch by {
			case "pagerank":
				scores = g.PageRank()
			case "betweenness":
				if scores, err = g.Betweenness(); err != nil {
					return err
				}
			case "degree":
				scores = g.DegreeRank()
			default:
				return usageError{fmt.Errorf("--by %q: want pagerank, betweenness or degree", by)}
			}
			scores = scores[:min(limit, len(scores))]
			if asJSON {
				return a.printJSON(scores)
			}
			for i, s := range scores {
				fmt.Fprintf(a.stdout, "%3d. %-40s %.4g\n", i+1, entityName(ctx, st, s.Entity), s.Value)
			}
			return nil
		},
	}
	ff.register(cmd)
	cmd.Flags().StringVar(&by, "by", "pagerank", "pagerank, betweenness or degree")
	cmd.Flags().IntVar(&limit, "limit", 20, "how many to show")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
