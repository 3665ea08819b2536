package resolve_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/check"
	"github.com/dossier-osint/dossier/corroboration"
	"github.com/dossier-osint/dossier/extract/gold"
	"github.com/dossier-osint/dossier/graph"
	"github.com/dossier-osint/dossier/ingest/batch"
	"github.com/dossier-osint/dossier/pipeline"
	"github.com/dossier-osint/dossier/resolve"
	"github.com/dossier-osint/dossier/store"
	"github.com/dossier-osint/dossier/store/sqlite"
)

// The example articles and their hand-checked gold, relative to this
// package.
const (
	examplesDir = "../examples"
	goldDir     = "../testdata/golden/examples"
)

// ingestExamples ingests examples/ into a new SQLite store through the real
// pipeline (readers, syndication clusters, NLP, extraction) and resolves
// it, as `dossier ingest` does.
func ingestExamples(t *testing.T) *sqlite.Store {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "examples.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	sum, err := batch.Run(ctx, st, pipeline.New(pipeline.Options{}), []string{examplesDir}, batch.Options{})
	if err != nil || sum.New < 14 || sum.Failed > 0 {
		t.Fatalf("ingest %s: %+v %v", examplesDir, sum, err)
	}
	if _, err := resolve.Run(ctx, st, false, resolve.Options{}); err != nil {
		t.Fatalf("resolve: %v", err)
	}
	return st
}

// goldEntity is one entity of one gold document.
type goldEntity struct {
	doc   string // stored document id
	title string
	typ   dossier.EntityType
	name  string
	names map[string]bool // normalised name and aliases
	world int             // the real-world entity it is (index into worlds)
}

// compatible reports whether two entity types may name one thing (the
// scorer's rule: equal, or GPE and LOC).
func compatible(a, b dossier.EntityType) bool {
	place := func(t dossier.EntityType) bool { return t == dossier.GPE || t == dossier.Loc }
	return a == b || place(a) && place(b)
}

// world is a real-world entity: gold entities of several documents that
// are one thing.
type world struct {
	name    string
	typ     dossier.EntityType
	docs    map[string]bool    // gold documents naming it
	found   map[string]bool    // documents where an extracted entity matched it
	globals map[int64]bool     // global entities those extracted entities resolved to
	via     map[int64][]string // for each of globals, the extracted names (and documents) that went to it
}

// goldWorlds loads the gold of examples/, matches each gold document to
// its stored document by title, and groups gold entities across documents
// into real-world entities: two gold entities are one when their types are
// compatible and the canonical name of one is the name or an alias of the
// other (not alias to alias, so "Qasmi" does not join the brothers).
func goldWorlds(t *testing.T, st store.Store) ([]*goldEntity, []*world) {
	t.Helper()
	ctx := context.Background()
	files, err := gold.Load(goldDir)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := st.Documents(ctx, store.DocumentQuery{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	byTitle := map[string]string{}
	for _, d := range docs {
		byTitle[gold.Normalise(d.Title)] = d.ID
	}
	var ents []*goldEntity
	for _, f := range files {
		for _, gd := range f.Documents {
			id, ok := byTitle[gold.Normalise(gd.Title)]
			if !ok {
				t.Fatalf("gold document %q of %s is not among the stored documents", gd.Key(), f.Input)
			}
			for _, e := range gd.Entities {
				ge := &goldEntity{doc: id, title: gd.Title, typ: e.Type, name: e.Name, names: map[string]bool{gold.Normalise(e.Name): true}}
				for _, a := range e.Aliases {
					ge.names[gold.Normalise(a)] = true
				}
				ents = append(ents, ge)
			}
		}
	}
	// Union-find over gold entities.
	parent := make([]int, len(ents))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	byName := map[string][]int{}
	for i, e := range ents {
		byName[gold.Normalise(e.name)] = append(byName[gold.Normalise(e.name)], i)
	}
	for i, e := range ents {
		for n := range e.names {
			for _, j := range byName[n] {
				if compatible(e.typ, ents[j].typ) {
					parent[find(i)] = find(j)
				}
			}
		}
	}
	roots := map[int]int{}
	var worlds []*world
	for i, e := range ents {
		r := find(i)
		w, ok := roots[r]
		if !ok {
			w = len(worlds)
			roots[r] = w
			worlds = append(worlds, &world{name: e.name, typ: e.typ, docs: map[string]bool{}, found: map[string]bool{}, globals: map[int64]bool{}, via: map[int64][]string{}})
		}
		e.world = w
		worlds[w].docs[e.doc] = true
		if len(e.name) > len(worlds[w].name) {
			worlds[w].name = e.name
		}
	}
	return ents, worlds
}

// resolveWorlds finds, for every stored document, the gold entity each
// extracted entity is (by its name first, then its aliases, types
// compatible) and the global entity it resolved to.
func resolveWorlds(t *testing.T, st store.Store, ents []*goldEntity, worlds []*world) {
	t.Helper()
	ctx := context.Background()
	byDoc := map[string][]*goldEntity{}
	for _, e := range ents {
		byDoc[e.doc] = append(byDoc[e.doc], e)
	}
	for doc, gs := range byDoc {
		ex, err := st.Extraction(ctx, doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ex.Entities {
			g := goldOf(p, gs)
			if g == nil {
				continue
			}
			id, err := st.MemberOf(ctx, store.MemberRef{Doc: doc, Key: resolve.Key(p.Name)})
			if err != nil {
				t.Errorf("%s in %q is in no global entity: %v", p.Name, g.title, err)
				continue
			}
			w := worlds[g.world]
			w.found[doc] = true
			w.globals[id] = true
			w.via[id] = append(w.via[id], fmt.Sprintf("%q in %q", p.Name, g.title))
		}
	}
}

// goldOf returns the gold entity an extracted entity is, or nil.
func goldOf(p dossier.Entity, gs []*goldEntity) *goldEntity {
	n := gold.Normalise(p.Name)
	for _, pass := range []func(g *goldEntity) bool{
		func(g *goldEntity) bool { return gold.Normalise(g.name) == n },
		func(g *goldEntity) bool { return g.names[n] },
		func(g *goldEntity) bool {
			return slices.ContainsFunc(p.Aliases, func(a string) bool { return g.names[gold.Normalise(a)] })
		},
	} {
		for _, g := range gs {
			if compatible(p.Type, g.typ) && pass(g) {
				return g
			}
		}
	}
	return nil
}

func globalsOf(w *world) []int64 {
	var out []int64
	for id := range w.globals {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

func TestExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests examples/ through the whole pipeline")
	}
	ctx := context.Background()
	st := ingestExamples(t)

	t.Run("one entity per real-world entity", func(t *testing.T) {
		ents, worlds := goldWorlds(t, st)
		resolveWorlds(t, st, ents, worlds)
		cross, found, one := 0, 0, 0
		var splitApart []string
		owners := map[int64][]int{} // global entity → real-world entities resolved to it
		for i, w := range worlds {
			for id := range w.globals {
				owners[id] = append(owners[id], i)
			}
			if len(w.docs) < 2 {
				continue
			}
			cross++
			if len(w.found) < 2 {
				continue
			}
			found++
			if len(w.globals) == 1 {
				one++
			} else {
				if _, known := knownSplits[w.name]; !known {
					t.Errorf("%s %s is split apart: %v", w.typ, w.name, globalsOf(w))
				}
				var parts []string
				for _, id := range globalsOf(w) {
					sort.Strings(w.via[id])
					parts = append(parts, fmt.Sprintf("%s: %s", store.EntityID(id), strings.Join(w.via[id], "; ")))
				}
				splitApart = append(splitApart, fmt.Sprintf("%s %s in %d documents → %s", w.typ, w.name, len(w.found), strings.Join(parts, " | ")))
			}
		}
		var merged []string
		pairs := 0
		for id, ws := range owners {
			if len(ws) < 2 {
				continue
			}
			var names []string
			for _, i := range ws {
				names = append(names, string(worlds[i].typ)+" "+worlds[i].name)
			}
			sort.Strings(names)
			pairs += len(ws) * (len(ws) - 1) / 2
			merged = append(merged, fmt.Sprintf("%s: %s", store.EntityID(id), strings.Join(names, " + ")))
		}
		sort.Strings(splitApart)
		sort.Strings(merged)
		t.Logf("gold real-world entities: %d, in two or more documents: %d, found by extraction in two or more: %d, resolved to exactly one global entity: %d (%.1f%%); wrongly merged pairs: %d",
			len(worlds), cross, found, one, 100*float64(one)/float64(max(found, 1)), pairs)
		for _, s := range splitApart {
			t.Logf("  split apart: %s", s)
		}
		for _, s := range merged {
			t.Logf("  merged: %s", s)
		}
		// Thresholds the resolver meets today; a regression crosses them.
		if found < 59 {
			t.Errorf("only %d cross-document entities found by extraction, want at least 59", found)
		}
		if one < found-len(knownSplits) {
			t.Errorf("%d of %d cross-document entities resolved to one global entity, want at least %d", one, found, found-len(knownSplits))
		}
		if pairs > maxMergedPairs {
			t.Errorf("%d pairs of distinct real-world entities merged, want at most %d", pairs, maxMergedPairs)
		}
		// The spellings the examples were written to test.
		for _, name := range []string{"Abdul Rauf Qasmi", "Rawalakot", "Lashkar-e-Qahhar", "Sheshbal", "Imran Wani", "Hafiz Abdul Wahid Qasmi", "Khalid Nadeem", "Pahalgam", "Jaish-e-Sadiqeen", "Central Counter-Terrorism Agency"} {
			i := slices.IndexFunc(worlds, func(w *world) bool { return w.name == name })
			if i < 0 {
				t.Errorf("no gold entity %s", name)
				continue
			}
			if w := worlds[i]; len(w.globals) != 1 || len(owners[globalsOf(w)[0]]) != 1 {
				t.Errorf("%s (%d documents, found in %d) resolved to %v, want one global entity of its own", name, len(w.docs), len(w.found), globalsOf(w))
			}
		}
	})

	t.Run("syndicated copy counts once", func(t *testing.T) {
		docs, err := st.Documents(ctx, store.DocumentQuery{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		var wire, copy dossier.Document
		for _, d := range docs {
			switch filepath.Base(d.Source) {
			case "fna-manhunt-anantnag-2026-04-22.txt":
				wire = d
			case "frontier-herald-manhunt-2026-04-22.html":
				copy = d
			}
		}
		if wire.ID == "" || copy.ID == "" || wire.Cluster == "" || wire.Cluster != copy.Cluster {
			t.Fatalf("wire story %s (cluster %s) and its copy %s (cluster %s) are not one cluster", wire.ID, wire.Cluster, copy.ID, copy.Cluster)
		}
		var claims []store.Claim
		if err := st.EachClaim(ctx, store.ClaimFilter{}, func(c store.Claim) error { claims = append(claims, c); return nil }); err != nil {
			t.Fatal(err)
		}
		both := 0
		for _, g := range corroboration.Group(claims) {
			var inWire, inCopy, other bool
			for _, c := range g.Claims {
				switch c.Doc {
				case wire.ID:
					inWire = true
				case copy.ID:
					inCopy = true
				default:
					if c.Modality != dossier.Negated {
						other = true
					}
				}
			}
			if !inWire || !inCopy {
				continue
			}
			both++
			want := 1
			if other {
				want = len(g.Sources) - g.Denials
			}
			if g.Corroboration != want || other && g.Corroboration < 2 {
				t.Errorf("%+v made by the wire story and its copy: corroboration %d, want %d (sources %+v)", g.Key, g.Corroboration, want, g.Sources)
			}
			for _, s := range g.Sources {
				if slices.Contains(s.Documents, wire.ID) && !slices.Contains(s.Documents, copy.ID) {
					t.Errorf("%+v: the copy is not in the wire story's source %+v", g.Key, s)
				}
			}
		}
		if both < 5 {
			t.Errorf("only %d claims shared by the wire story and its copy, want at least 5", both)
		}
		t.Logf("%d claims shared by the wire story and its syndicated copy, each counted as one source", both)
	})

	t.Run("path has evidence for every hop", func(t *testing.T) {
		g, err := graph.Load(ctx, st, store.ClaimFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, pair := range [][2]string{
			{"Khalid Nadeem", "Kashmir Freedom Brigade"},
			{"Hafiz Abdul Wahid Qasmi", "Imran Wani"},
			{"Abdul Rauf Qasmi", "Jaish-e-Sadiqeen"},
		} {
			a, _, err := resolve.Find(ctx, st, pair[0])
			if err != nil {
				t.Fatal(err)
			}
			b, _, err := resolve.Find(ctx, st, pair[1])
			if err != nil {
				t.Fatal(err)
			}
			hops, err := g.Path(a.ID, b.ID)
			if err != nil {
				t.Errorf("path %s – %s: %v", pair[0], pair[1], err)
				continue
			}
			if len(hops) == 0 || hops[0].From != a.ID || hops[len(hops)-1].To != b.ID {
				t.Errorf("path %s – %s: %+v does not run from %s to %s", pair[0], pair[1], hops, a.Ref(), b.Ref())
			}
			var line []string
			for i, h := range hops {
				if i > 0 && h.From != hops[i-1].To {
					t.Errorf("path %s – %s: hop %d starts at %s, not where hop %d ends", pair[0], pair[1], i+1, store.EntityID(h.From), i)
				}
				withText := 0
				for _, c := range h.Claims {
					if strings.TrimSpace(c.Evidence.Text) != "" && c.Doc != "" {
						withText++
					}
				}
				if withText == 0 {
					t.Errorf("path %s – %s: hop %d (%s %v %s) has no evidence sentence", pair[0], pair[1], i+1, store.EntityID(h.From), h.Predicates, store.EntityID(h.To))
				}
				line = append(line, fmt.Sprintf("%s -%s-> %s (%d claims)", store.EntityID(h.From), strings.Join(h.Predicates, ","), store.EntityID(h.To), len(h.Claims)))
			}
			t.Logf("%s – %s: %s", pair[0], pair[1], strings.Join(line, "; "))
		}
	})

	t.Run("flags", func(t *testing.T) {
		var claims []store.Claim
		if err := st.EachClaim(ctx, store.ClaimFilter{}, func(c store.Claim) error { claims = append(claims, c); return nil }); err != nil {
			t.Fatal(err)
		}
		byKind := map[string]int{}
		for _, f := range check.All(claims) {
			byKind[f.Kind]++
		}
		t.Logf("flags over %d claims: %v", len(claims), byKind)
		// Different meetings (February in Bahawalpur, Sunday's rally in
		// Rawalakot, the foreign secretary's meeting) are not one meeting
		// reported with different places.
		if n := byKind[check.KindEventConflict]; n > maxEventConflicts {
			t.Errorf("%d event-conflict flags on the examples, want at most %d", n, maxEventConflicts)
		}
		for _, f := range check.EventConflicts(claims) {
			if strings.HasPrefix(f.Message, "one meeting") {
				t.Errorf("different meetings flagged as one: %s %v", f.Message, f.Evidence)
			}
		}
		wani, _, err := resolve.Find(ctx, st, "Imran Wani")
		if err != nil {
			t.Fatal(err)
		}
		// What the disputed-death check needs from the extraction: a
		// death of Wani in the Valley Ledger's report, and a negated one in
		// FNA's report of the 27th.
		var killed, denied bool
		for _, c := range claims {
			if c.Subject == wani.ID && c.Kind == "event" && (c.Predicate == "death" || c.Predicate == "attack" && c.Role == "victim") {
				if c.Modality == dossier.Negated {
					denied = denied || c.Predicate == "death"
				} else {
					killed = true
				}
			}
		}
		if !killed || !denied {
			t.Skipf("the extraction gives no death of Imran Wani (%v) or no negated one (%v): the contradiction of 25 and 27 April cannot be flagged yet", killed, denied)
		}
		var got *check.Finding
		for _, f := range check.DisputedDeaths(claims) {
			if slices.Contains(f.Entities, wani.Ref()) {
				got = &f
			}
		}
		if got == nil || len(got.Evidence) != 2 || got.Docs[0] == got.Docs[1] {
			t.Fatalf("Wani's disputed death is not flagged with the evidence of both reports: %+v", got)
		}
	})
}

// knownSplits are the gold real-world entities of the examples that the
// resolver leaves in more than one global entity, and why; any other split
// fails TestExamples.
var knownSplits = map[string]string{
	// The gold gives "Indian-administered Kashmir" as an alias of
	// "Kashmir" but "Pakistan-administered Kashmir" as a place of its own.
	// Nothing in the text tells the two qualified names apart: the
	// gazetteer has no Kashmir region, and the bare name appears beside
	// only the Indian-administered form in one report (Capital Wire, 26
	// April) and beside only the Pakistan-administered form in another
	// (FNA, 21 April), meaning the Indian side in both. The resolver
	// keeps both qualified regions apart from the bare name.
	"Kashmir": "a qualified region is not its bare name",
}

// Thresholds of TestExamples, measured on the examples when it was
// written; see the test's log for the numbers.
const (
	maxMergedPairs    = 0
	maxEventConflicts = 2
)

// reprocess re-extracts every stored document from its stored text, as
// `dossier reprocess --all` does.
func reprocess(t *testing.T, st *sqlite.Store) {
	t.Helper()
	ctx := context.Background()
	docs, err := st.Documents(ctx, store.DocumentQuery{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	pl := pipeline.New(pipeline.Options{})
	for _, d := range docs {
		doc, err := st.Document(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		x, err := pl.Extract(doc)
		if err != nil {
			t.Fatalf("reprocess %s: %v", d.ID, err)
		}
		if err := st.ReplaceExtraction(ctx, d.ID, x); err != nil {
			t.Fatal(err)
		}
	}
}

func TestExamplesDecisionsSurviveReprocess(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests examples/ through the whole pipeline")
	}
	ctx := context.Background()
	st := ingestExamples(t)
	find := func(name string) int64 {
		t.Helper()
		e, _, err := resolve.Find(ctx, st, name)
		if err != nil {
			t.Fatalf("find %s: %v", name, err)
		}
		return e.ID
	}
	// Merge: the CFS into the IIRS (two think tanks an analyst decides are
	// one, for the test's sake).
	cfs, iirs := find("Centre for Frontier Studies"), find("Islamabad Institute of Regional Security")
	if _, err := resolve.Merge(ctx, st, iirs, cfs, "test", "one think tank under two names"); err != nil {
		t.Fatal(err)
	}
	// Split: the Abdul Rauf Qasmi of the Karachi arrest story out.
	qasmi := find("Abdul Rauf Qasmi")
	ms, err := st.Members(ctx, qasmi)
	if err != nil {
		t.Fatal(err)
	}
	var out store.MemberRef
	for _, m := range ms {
		if doc, err := st.Document(ctx, m.Doc); err == nil && strings.HasPrefix(doc.Title, "Karachi police arrest") {
			out = m.Ref()
		}
	}
	if out.Doc == "" || len(ms) < 3 {
		t.Fatalf("Qasmi's members %+v: none from the Karachi story", ms)
	}
	if _, _, err := resolve.Split(ctx, st, qasmi, []store.MemberRef{out}, "test", "another man of that name"); err != nil {
		t.Fatal(err)
	}
	// Not-same: Khalid Nadeem and Abdul Rauf Qasmi (recorded; they are
	// apart already).
	nadeem := find("Khalid Nadeem")
	if _, err := resolve.NotSame(ctx, st, nadeem, find("Abdul Rauf Qasmi"), "test", "two men"); err != nil {
		t.Fatal(err)
	}

	holds := func(when string) {
		t.Helper()
		ds, err := st.Decisions(ctx, false)
		if err != nil {
			t.Fatal(err)
		}
		manual := 0
		for _, d := range ds {
			if d.Automatic {
				continue
			}
			manual++
			ga, errA := st.MemberOf(ctx, d.A)
			gb, errB := st.MemberOf(ctx, d.B)
			if errA != nil || errB != nil {
				t.Errorf("%s: a side of the %s decision %s / %s is gone: %v %v", when, d.Kind, d.A, d.B, errA, errB)
				continue
			}
			if together := ga == gb; together != (d.Kind == store.DecisionMerge) {
				t.Errorf("%s: %s decision between %s (%s) and %s (%s) does not hold", when, d.Kind, d.A, store.EntityID(ga), d.B, store.EntityID(gb))
			}
		}
		if manual != 3 {
			t.Errorf("%s: %d manual decisions, want 3", when, manual)
		}
		// The rest of Qasmi stays one entity.
		q := find("Abdul Rauf Qasmi")
		if ms, err := st.Members(ctx, q); err != nil || len(ms) < 10 {
			t.Errorf("%s: Abdul Rauf Qasmi %s has %d members, want the rest of them still together (%v)", when, store.EntityID(q), len(ms), err)
		}
	}
	holds("after the decisions")

	reprocess(t, st)
	if _, err := resolve.Run(ctx, st, false, resolve.Options{}); err != nil {
		t.Fatal(err)
	}
	holds("after reprocess and resolve")

	if _, err := resolve.Run(ctx, st, true, resolve.Options{}); err != nil {
		t.Fatal(err)
	}
	holds("after resolve --all")

	sum, err := batch.Run(ctx, st, pipeline.New(pipeline.Options{}), []string{examplesDir}, batch.Options{})
	if err != nil || sum.New != 0 {
		t.Fatalf("re-ingest: %+v %v", sum, err)
	}
	if _, err := resolve.Run(ctx, st, false, resolve.Options{}); err != nil {
		t.Fatal(err)
	}
	holds("after re-ingest")
}
