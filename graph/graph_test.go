package graph

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/store"
)

func rel(s, o int64, pred, doc, cluster, text string) store.Claim {
	return store.Claim{Doc: doc, Cluster: cluster, Kind: "relation", Predicate: pred, Subject: s, Object: o,
		Modality: dossier.Asserted, AttributionKind: dossier.Outlet, Evidence: dossier.Evidence{Text: text}}
}

// A small network: 1 Qaddoumi leads 2 JeM; 3 Azhar is a member of 2; 4
// Hizbul commander met 3 at a gathering (event); 5 an isolated entity.
func fixture() []store.Claim {
	return []store.Claim{
		rel(1, 2, "leader_of", "d1", "c1", "Qaddoumi, the chief of JeM, spoke on Monday."),
		rel(1, 2, "leader_of", "d2", "c1", "Qaddoumi, the chief of JeM, spoke on Monday (copy)."),
		rel(1, 2, "leader_of", "d3", "c3", "JeM is led by Qaddoumi, police said."),
		rel(3, 2, "member_of", "d4", "c4", "Azhar joined JeM in 2019."),
		{Doc: "d5", Cluster: "c5", Kind: "event", Predicate: "meeting", Event: "v1", Role: "attendee", Subject: 3, Place: 6,
			Modality: dossier.Asserted, Date: "2026-03-02", Evidence: dossier.Evidence{Text: "Azhar and Dar met in Bahawalpur."}},
		{Doc: "d5", Cluster: "c5", Kind: "event", Predicate: "meeting", Event: "v1", Role: "attendee", Subject: 4, Place: 6,
			Modality: dossier.Asserted, Date: "2026-03-02", Evidence: dossier.Evidence{Text: "Azhar and Dar met in Bahawalpur."}},
		{Doc: "d6", Cluster: "c6", Kind: "relation", Predicate: "member_of", Subject: 5, Object: 1, Modality: dossier.Negated},
		{Doc: "d7", Cluster: "c7", Kind: "event", Predicate: "statement", Event: "v1", Role: "speaker", Subject: 5, Modality: dossier.Asserted},
	}
}

func TestPathWithEvidence(t *testing.T) {
	g := Build(fixture())
	hops, err := g.Path(1, 4)
	if err != nil {
		t.Fatal(err)
	}
	want := []int64{1, 2, 3, 4}
	if len(hops) != 3 {
		t.Fatalf("path %+v, want %v", hops, want)
	}
	for i, h := range hops {
		if h.From != want[i] || h.To != want[i+1] || len(h.Claims) == 0 || h.Claims[0].Evidence.Text == "" {
			t.Errorf("hop %d = %+v, want %d→%d with evidence", i, h, want[i], want[i+1])
		}
	}
	if hops[0].Weight != 2 {
		t.Errorf("1–2 weight %v, want 2 (three documents, two clusters)", hops[0].Weight)
	}
	if _, err := g.Path(1, 5); !errors.Is(err, ErrNoPath) {
		t.Errorf("path to an entity linked only by a denial: %v, want ErrNoPath", err)
	}
	if _, err := g.Path(1, 99); !errors.Is(err, ErrNoPath) {
		t.Errorf("path to an unknown entity: %v", err)
	}
	if hops, err := g.Path(2, 2); err != nil || len(hops) != 0 {
		t.Errorf("path to itself: %v %v", hops, err)
	}
}

func TestCentralityAndCommunities(t *testing.T) {
	g := Build(fixture())
	pr := g.PageRank()
	if len(pr) != 6 || pr[0].Entity != 2 && pr[0].Entity != 3 {
		t.Errorf("pagerank %+v: want JeM (2) or Azhar (3) first of 6", pr)
	}
	bw, err := g.Betweenness()
	if err != nil {
		t.Fatal(err)
	}
	if bw[0].Entity != 2 && bw[0].Entity != 3 || bw[len(bw)-1].Value != 0 {
		t.Errorf("betweenness %+v", bw)
	}
	if d := g.DegreeRank(); d[0].Entity != 3 || d[0].Value != 3 {
		t.Errorf("degree %+v: want Azhar (3) with 3 neighbours", d)
	}
	cs := g.Communities()
	total := 0
	for _, c := range cs {
		total += len(c)
	}
	if total != 6 || len(cs) < 2 {
		t.Errorf("communities %v: want every entity in one, at least two (5 is alone)", cs)
	}
}

func TestEmptyGraph(t *testing.T) {
	g := Build(nil)
	if g.PageRank() != nil || g.Communities() != nil || len(g.DegreeRank()) != 0 {
		t.Error("empty graph should rank nothing")
	}
	if bw, err := g.Betweenness(); err != nil || bw != nil {
		t.Errorf("betweenness of empty: %v %v", bw, err)
	}
	if _, err := g.Path(1, 2); !errors.Is(err, ErrNoPath) {
		t.Errorf("path in empty graph: %v", err)
	}
}

func TestTimeline(t *testing.T) {
	cs := []store.Claim{{ID: 1, Published: "2026-03-05"}, {ID: 2}, {ID: 3, Date: "2026-03-01", Published: "2026-03-09"}, {ID: 4, Date: "2026-02"}}
	got := Timeline(cs)
	want := []int64{4, 3, 1, 2}
	for i, c := range got {
		if c.ID != want[i] {
			t.Fatalf("timeline order %v, want %v", ids(got), want)
		}
	}
}

func ids(cs []store.Claim) []int64 {
	var out []int64
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

func TestPageRankAgreesWithGonum(t *testing.T) {
	cs := fixture()
	// A denser graph: a ring with chords, weights from repeated sources.
	for i := int64(10); i < 60; i++ {
		cs = append(cs, rel(i, 10+(i+1)%50, "met_with", "r", "c"+string(rune('a'+i%7)), "ring"))
		if i%3 == 0 {
			cs = append(cs, rel(i, 10+(i*7)%50, "supports", "s", "s", "chord"), rel(i, 10+(i*7)%50, "supports", "s2", "s2", "chord"))
		}
	}
	g := Build(cs)
	mine, theirs := g.PageRank(), g.pageRankGonum()
	if len(mine) != len(theirs) {
		t.Fatalf("%d scores against gonum's %d", len(mine), len(theirs))
	}
	want := map[int64]float64{}
	sum := 0.0
	for _, s := range theirs {
		want[s.Entity] = s.Value
	}
	for _, s := range mine {
		sum += s.Value
		if d := s.Value - want[s.Entity]; d > 1e-4 || d < -1e-4 {
			t.Errorf("E%d: %.6f, gonum %.6f", s.Entity, s.Value, want[s.Entity])
		}
	}
	if sum < 0.999 || sum > 1.001 {
		t.Errorf("ranks sum to %v, want 1", sum)
	}
}

// planted returns claims linking groups of size nodes each: dense within
// a group, sparse between groups, weights (sources) from 1 to 3.
func planted(groups, size int, seed uint64) []store.Claim {
	r := rand.New(rand.NewPCG(seed, 1))
	var cs []store.Claim
	n := groups * size
	for a := range n {
		for b := a + 1; b < n; b++ {
			p := 0.005
			if a/size == b/size {
				p = 0.3
			}
			if r.Float64() >= p {
				continue
			}
			for k := range 1 + r.IntN(3) {
				cs = append(cs, rel(int64(a+1), int64(b+1), "met_with", "d", fmt.Sprintf("c%d", k), "met"))
			}
		}
	}
	return cs
}

func TestCommunitiesAgreeWithGonum(t *testing.T) {
	for _, tc := range []struct {
		groups, size int
		seed         uint64
	}{{2, 6, 1}, {10, 12, 2}, {30, 20, 3}} {
		g := Build(planted(tc.groups, tc.size, tc.seed))
		mine, theirs := g.Communities(), g.communitiesGonum()
		qm, qt := g.Modularity(mine), g.Modularity(theirs)
		t.Logf("%d groups of %d: %d communities, modularity %.4f; gonum %d, %.4f", tc.groups, tc.size, len(mine), qm, len(theirs), qt)
		if qm < qt-0.01 {
			t.Errorf("%d groups of %d: modularity %.4f, gonum's %.4f", tc.groups, tc.size, qm, qt)
		}
		seen, total := map[int64]bool{}, 0
		for _, c := range mine {
			for _, id := range c {
				if seen[id] {
					t.Fatalf("E%d in two communities", id)
				}
				seen[id] = true
			}
			total += len(c)
		}
		if total != len(g.Nodes()) {
			t.Errorf("communities cover %d of %d entities", total, len(g.Nodes()))
		}
		if again := g.Communities(); !slices.EqualFunc(again, mine, slices.Equal) {
			t.Errorf("%d groups of %d: a second run gives another partition", tc.groups, tc.size)
		}
	}
}

func TestCommunitiesOfTwoCliques(t *testing.T) {
	var cs []store.Claim
	for _, base := range []int64{1, 11} {
		for a := base; a < base+5; a++ {
			for b := a + 1; b < base+5; b++ {
				cs = append(cs, rel(a, b, "met_with", "d", "c", "met"))
			}
		}
	}
	cs = append(cs, rel(5, 11, "met_with", "d", "c", "bridge"))
	got := Build(cs).Communities()
	want := [][]int64{{1, 2, 3, 4, 5}, {11, 12, 13, 14, 15}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("communities %v, want %v", got, want)
	}
}
