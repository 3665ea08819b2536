package main

import (
	"errors"
	"fmt"
	"os"
	"os/user"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/resolve"
	"github.com/dossier-osint/dossier/store"
)

func dossierModality(s string) dossier.Modality { return dossier.Modality(strings.ToLower(s)) }
func dossierKind(s string) dossier.AttributionKind {
	return dossier.AttributionKind(strings.ToLower(s))
}

// who names the analyst: $DOSSIER_USER, else the login name.
func who() string {
	if u := os.Getenv("DOSSIER_USER"); u != "" {
		return u
	}
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return "analyst"
}

func (a *app) mergeCmd() *cobra.Command {
	var why string
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "merge A B --why TEXT",
		Short:   "Decide that two entities are one (B is merged into A)",
		Example: "  dossier merge E12 E40 --why 'same man: the court record gives both spellings'",
		Args:    exactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(why) == "" {
				return usageError{fmt.Errorf("--why is required: say why they are one")}
			}
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
			if ea.ID == eb.ID {
				return usageError{fmt.Errorf("%s and %s are already one entity (%s)", args[0], args[1], ea.Ref())}
			}
			id, err := resolve.Merge(ctx, st, ea.ID, eb.ID, who(), why)
			if err != nil {
				return decisionError(err)
			}
			if asJSON {
				return a.printJSON(map[string]any{"decision": id, "entity": ea.ID, "merged": eb.ID})
			}
			fmt.Fprintf(a.stdout, "decision %d: merged %s %s into %s %s\n", id, eb.Ref(), eb.Name, ea.Ref(), ea.Name)
			return nil
		},
	}
	cmd.Flags().StringVar(&why, "why", "", "the reason, kept with the decision (required)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// pickMember finds the member of entity id that arg names: its full ref
// "doc#key", a document id prefix, or "prefix#key".
func pickMember(ms []store.Member, arg string) (store.Member, error) {
	var hits []store.Member
	d, k, hasKey := strings.Cut(arg, "#")
	for _, m := range ms {
		if strings.HasPrefix(m.Doc, d) && (!hasKey || m.Key == k) || m.Local == arg {
			hits = append(hits, m)
		}
	}
	switch len(hits) {
	case 0:
		return store.Member{}, usageError{fmt.Errorf("--mention %q names no member (see 'dossier entity')", arg)}
	case 1:
		return hits[0], nil
	}
	return store.Member{}, usageError{fmt.Errorf("--mention %q names %d members: give DOC#KEY", arg, len(hits))}
}

func (a *app) splitCmd() *cobra.Command {
	var mentions []string
	var why string
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "split E --mention DOC#KEY [--mention ...]",
		Short:   "Take members out of an entity into a new one",
		Example: "  dossier split E12 --mention sha256:3f2a#anwar --why 'a local cleric, not the JeS founder'",
		Args:    exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(mentions) == 0 {
				return usageError{fmt.Errorf("name the members to take out with --mention")}
			}
			ctx := cmd.Context()
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			e, err := findEntity(ctx, st, args[0])
			if err != nil {
				return err
			}
			ms, err := st.Members(ctx, e.ID)
			if err != nil {
				return err
			}
			var refs []store.MemberRef
			for _, arg := range mentions {
				m, err := pickMember(ms, arg)
				if err != nil {
					return err
				}
				refs = append(refs, m.Ref())
			}
			newID, id, err := resolve.Split(ctx, st, e.ID, refs, who(), why)
			if err != nil {
				return decisionError(err)
			}
			if asJSON {
				return a.printJSON(map[string]any{"decision": id, "entity": e.ID, "new": newID})
			}
			fmt.Fprintf(a.stdout, "decision %d: took %d member(s) out of %s into %s\n", id, len(refs), e.Ref(), store.EntityID(newID))
			return nil
		},
	}
	cmd.Flags().StringSliceVar(&mentions, "mention", nil, "member to take out: DOC#KEY, as 'dossier entity' lists them (a document id prefix will do)")
	cmd.Flags().StringVar(&why, "why", "", "the reason, kept with the decision")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func (a *app) notSameCmd() *cobra.Command {
	var why string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "not-same A B",
		Short: "Decide that two entities are different (the resolver will never join them)",
		Args:  exactArgs(2),
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
			if ea.ID == eb.ID {
				return usageError{fmt.Errorf("%s and %s are one entity (%s): use 'dossier split'", args[0], args[1], ea.Ref())}
			}
			id, err := resolve.NotSame(ctx, st, ea.ID, eb.ID, who(), why)
			if err != nil {
				return decisionError(err)
			}
			if asJSON {
				return a.printJSON(map[string]any{"decision": id})
			}
			fmt.Fprintf(a.stdout, "decision %d: %s %s is not %s %s\n", id, ea.Ref(), ea.Name, eb.Ref(), eb.Name)
			return nil
		},
	}
	cmd.Flags().StringVar(&why, "why", "", "the reason, kept with the decision")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func (a *app) decisionsCmd() *cobra.Command {
	var all, asJSON bool
	cmd := &cobra.Command{
		Use:   "decisions [undo ID]",
		Short: "List merge, split and not-same decisions, or undo one",
		Long: `List the decisions of analysts and of the resolver (automatic merges that were not
exact), oldest first; --all includes undone ones. 'dossier decisions undo ID' undoes one:
a merge's moved members are taken out again, a split's are merged back, an automatic
merge undone becomes a not-same decision so the resolver does not redo it.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 || len(args) == 2 && args[0] == "undo" {
				return nil
			}
			return usageError{fmt.Errorf("want no arguments, or: undo ID")}
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := a.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			if len(args) == 2 {
				id, err := strconv.ParseInt(args[1], 10, 64)
				if err != nil {
					return usageError{fmt.Errorf("decision id %q: want a number", args[1])}
				}
				msg, err := resolve.Undo(ctx, st, id, who())
				if err != nil {
					return decisionError(err)
				}
				if asJSON {
					return a.printJSON(map[string]any{"undone": id, "message": msg})
				}
				fmt.Fprintln(a.stdout, msg)
				return nil
			}
			ds, err := st.Decisions(ctx, all)
			if err != nil {
				return err
			}
			if asJSON {
				if ds == nil {
					ds = []store.Decision{}
				}
				return a.printJSON(ds)
			}
			if len(ds) == 0 {
				fmt.Fprintln(a.stdout, "no decisions")
			}
			for _, d := range ds {
				how := "manual"
				if d.Automatic {
					how = "automatic"
				}
				state := ""
				if !d.Active() {
					state = "  (undone " + d.UndoneAt.Format("2006-01-02 15:04") + ")"
				}
				fmt.Fprintf(a.stdout, "%4d  %-8s %-9s %s by %s  %s ~ %s  score %.2f  %s%s\n", d.ID, d.Kind, how,
					d.At.Format("2006-01-02 15:04"), d.Who, shortRef(d.A), shortRef(d.B), d.Score, d.Why, state)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "include undone decisions")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func shortRef(r store.MemberRef) string { return shortDoc(r.Doc) + "#" + r.Key }

// decisionError turns a refused decision into a usage error.
func decisionError(err error) error {
	if errors.Is(err, resolve.ErrDecision) || errors.Is(err, store.ErrNotFound) {
		return usageError{err}
	}
	return err
}
