package graph_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dossier-osint/dossier/graph"
	"github.com/dossier-osint/dossier/resolve"
	"github.com/dossier-osint/dossier/store"
	"github.com/dossier-osint/dossier/store/sqlite"
)

// TestEgoMatchesFullGraph checks that the ego network built from the
// store's neighbourhood queries links an entity to exactly the neighbours
// it has in the graph of every claim.
func TestEgoMatchesFullGraph(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "ego.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	docs, exs := synthCorpus(400, 9)
	for i := range docs {
		if _, err := st.PutDocument(ctx, docs[i], exs[i], store.Sketch{}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := resolve.Run(ctx, st, false, resolve.Options{}); err != nil {
		t.Fatal(err)
	}
	full, err := graph.Load(ctx, st, store.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	nodes := full.Nodes()
	if len(nodes) < 20 {
		t.Fatalf("only %d entities in the synthetic graph", len(nodes))
	}
	neighbours := func(g *graph.Graph, id int64) []int64 {
		var out []int64
		for _, e := range g.Edges() {
			switch id {
			case e.A:
				out = append(out, e.B)
			case e.B:
				out = append(out, e.A)
			}
		}
		slices.Sort(out)
		return out
	}
	for _, id := range nodes[:20] {
		ego, err := graph.Ego(ctx, st, id, 1, store.ClaimFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := neighbours(ego, id), neighbours(full, id); !slices.Equal(got, want) {
			t.Errorf("ego of E%d links %v, full graph %v", id, got, want)
		}
		ego2, err := graph.Ego(ctx, st, id, 2, store.ClaimFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(ego2.Nodes()) < len(ego.Nodes()) {
			t.Errorf("depth 2 of E%d has fewer entities (%d) than depth 1 (%d)", id, len(ego2.Nodes()), len(ego.Nodes()))
		}
	}
	// A community partition covers every entity once.
	seen := map[int64]bool{}
	for _, c := range full.Communities() {
		for _, id := range c {
			if seen[id] {
				t.Fatalf("E%d in two communities", id)
			}
			seen[id] = true
		}
	}
	if len(seen) != len(nodes) {
		t.Errorf("communities cover %d of %d entities", len(seen), len(nodes))
	}
}
