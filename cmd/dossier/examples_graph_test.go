package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/graph"
)

// TestExamplesPathAndReprocess runs the network commands on the example
// articles: a path between two of their entities has evidence for every
// hop, and a manual merge survives `dossier reprocess --all` and
// `dossier resolve`.
func TestExamplesPathAndReprocess(t *testing.T) {
	db := filepath.Join(t.TempDir(), "examples.db")
	if r := dossierRun(t, "", "--db", db, "ingest", examplesDir); r.code != exitOK {
		t.Fatalf("ingest: %+v", r)
	}
	for _, pair := range [][2]string{{"Khalid Nadeem", "Kashmir Freedom Brigade"}, {"Hafiz Abdul Wahid Qasmi", "Imran Wani"}} {
		var hops []graph.Hop
		runJSON(t, &hops, "--db", db, "path", pair[0], pair[1])
		if len(hops) < 2 {
			t.Errorf("path %s – %s: %d hops, want the chain through the LeQ", pair[0], pair[1], len(hops))
		}
		for i, h := range hops {
			ok := false
			for _, c := range h.Claims {
				ok = ok || strings.TrimSpace(c.Evidence.Text) != ""
			}
			if !ok {
				t.Errorf("path %s – %s: hop %d %+v has no evidence sentence", pair[0], pair[1], i+1, h)
			}
		}
	}

	var p entityProfile
	runJSON(t, &p, "--db", db, "entity", "Centre for Frontier Studies")
	cfs := p.Entity.Ref()
	runJSON(t, &p, "--db", db, "entity", "Islamabad Institute of Regional Security")
	iirs := p.Entity.Ref()
	var merged map[string]int64
	runJSON(t, &merged, "--db", db, "merge", iirs, cfs, "--why", "one think tank under two names")
	if r := dossierRun(t, "", "--db", db, "reprocess", "--all"); r.code != exitOK {
		t.Fatalf("reprocess --all: %+v", r)
	}
	if r := dossierRun(t, "", "--db", db, "resolve"); r.code != exitOK {
		t.Fatalf("resolve: %+v", r)
	}
	runJSON(t, &p, "--db", db, "entity", "Centre for Frontier Studies")
	a := p.Entity.Ref()
	runJSON(t, &p, "--db", db, "entity", "Islamabad Institute of Regional Security")
	if a != p.Entity.Ref() {
		t.Errorf("after reprocess --all and resolve the merge was lost: CFS is %s, IIRS %s", a, p.Entity.Ref())
	}
}
