package browsertest

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/dossier-osint/dossier/server"
)

// netNodes is the size of the network BenchmarkNetworkRender draws:
//
//	go test ./server/browsertest -run '^$' -bench NetworkRender -benchtime 3x -args -net-nodes 2000
var netNodes = flag.Int("net-nodes", 2000, "entities in the network BenchmarkNetworkRender draws")

// synthNetwork returns a network API answer of n entities around the
// first: a tree (each entity linked to an earlier one) plus n/2 random
// links, each with one claim, shaped as /api/v1/entities/{id}/network.
func synthNetwork(centre string, n int) []byte {
	r := rand.New(rand.NewPCG(uint64(n), 3))
	type ref struct {
		ID   string `json:"id"`
		Name string `json:"name"`
		Type string `json:"type"`
	}
	type node struct {
		ref
		Centrality float64 `json:"centrality"`
		Degree     int     `json:"degree"`
		Centre     bool    `json:"centre,omitempty"`
	}
	type claim struct {
		Doc             string         `json:"doc"`
		Title           string         `json:"title"`
		Kind            string         `json:"kind"`
		Predicate       string         `json:"predicate"`
		Subject         ref            `json:"subject"`
		Object          *ref           `json:"object,omitempty"`
		Modality        string         `json:"modality"`
		AttributionKind string         `json:"attribution_kind"`
		Evidence        map[string]any `json:"evidence"`
	}
	type edge struct {
		ID         string   `json:"id"`
		Source     string   `json:"source"`
		Target     string   `json:"target"`
		Predicates []string `json:"predicates"`
		Weight     float64  `json:"weight"`
		Hedged     bool     `json:"hedged"`
		Anonymous  bool     `json:"anonymous"`
		Claims     []claim  `json:"claims"`
	}
	types := []string{"PERSON", "PERSON", "PERSON", "ORG", "GPE"}
	nodes := make([]node, n)
	for i := range nodes {
		id := fmt.Sprintf("E%d", 100000+i)
		if i == 0 {
			id = centre
		}
		nodes[i] = node{ref: ref{ID: id, Name: fmt.Sprintf("Entity %d", i), Type: types[r.IntN(len(types))]}, Centrality: r.Float64(), Centre: i == 0}
	}
	var edges []edge
	link := func(a, b int) {
		s, o := nodes[a].ref, nodes[b].ref
		edges = append(edges, edge{ID: fmt.Sprintf("%s-%s", s.ID, o.ID), Source: s.ID, Target: o.ID, Predicates: []string{"member_of"},
			Weight: float64(1 + r.IntN(4)), Hedged: r.IntN(5) == 0,
			Claims: []claim{{Doc: "sha256:00", Title: "A report", Kind: "relation", Predicate: "member_of", Subject: s, Object: &o,
				Modality: "asserted", AttributionKind: "outlet", Evidence: map[string]any{"start": 0, "end": 10, "text": "A sentence of a report."}}}})
		nodes[a].Degree++
		nodes[b].Degree++
	}
	for i := 1; i < n; i++ {
		link(r.IntN(i), i)
	}
	for range n / 2 {
		a, b := r.IntN(n), r.IntN(n)
		if a != b {
			link(min(a, b), max(a, b))
		}
	}
	out, err := json.Marshal(map[string]any{"entity": nodes[0].ref, "depth": 2, "nodes": nodes, "edges": edges, "truncated": false})
	if err != nil {
		panic(err)
	}
	return out
}

// BenchmarkNetworkRender measures, in headless Chromium, the time from
// asking for the network page of an entity with *netNodes entities and
// about 1.5 times as many links to the graph drawn (the island's layout
// done and the next frame painted), and how long one click on an entity
// then takes to be handled. The page and its script are the real server's;
// the network's data is synthetic, since the API draws at most 250
// entities.
func BenchmarkNetworkRender(b *testing.B) {
	chromium(b)
	st, _ := newStore(b)
	real := server.New(st, nil)
	var ents struct {
		Entities []struct {
			ID string `json:"id"`
		} `json:"entities"`
	}
	probe := httptest.NewServer(real)
	getJSON(b, probe.URL+"/api/v1/entities?limit=1", &ents)
	probe.Close()
	centre := ents.Entities[0].ID
	data := synthNetwork(centre, *netNodes)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v1/entities/"+centre+"/network", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(data)
	})
	mux.Handle("/", real)
	srv := httptest.NewServer(mux)
	b.Cleanup(srv.Close)
	br := newBrowser(b, srv.URL)
	var drawn, click time.Duration
	// From the navigation's start to the data in the page; from there to
	// the graph laid out and drawn, in ms.
	var toData, toLayout float64
	for b.Loop() {
		start := time.Now()
		if err := chromedp.Do(br.ctx, chromedp.Navigate(srv.URL+"/network?entity="+centre), chromedp.WaitVisible(chromedp.CSS("#network.ready"))); err != nil {
			b.Fatal(err)
		}
		if _, err := chromedp.Run(br.ctx, chromedp.Evaluate[bool](`new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(true))))`, chromedp.EvalAwaitPromise)); err != nil {
			b.Fatal(err)
		}
		drawn += time.Since(start)
		type marks struct{ Data, Drawn float64 }
		m, err := chromedp.Run(br.ctx, chromedp.Evaluate[marks](`(() => {
			const at = (name) => performance.getEntriesByName(name)[0].startTime;
			return {Data: at('network-data'), Drawn: at('network-drawn')};
		})()`))
		if err != nil {
			b.Fatal(err)
		}
		toData += m.Data
		toLayout += m.Drawn - m.Data
		// How long the page takes to handle a click once drawn: select an
		// entity and wait for the next frame.
		start = time.Now()
		if _, err := chromedp.Run(br.ctx, chromedp.Evaluate[bool](`new Promise((ok) => { const n = window.dossierNetwork.nodes()[1]; n.select(); requestAnimationFrame(() => requestAnimationFrame(() => ok(n.selected()))); })`,
			chromedp.EvalAwaitPromise)); err != nil {
			b.Fatal(err)
		}
		click += time.Since(start)
	}
	got := 0
	if v, err := chromedp.Run(br.ctx, chromedp.Evaluate[int](`window.dossierNetwork.nodes().length`)); err == nil {
		got = v
	}
	if got != *netNodes {
		b.Fatalf("the page drew %d entities, want %d", got, *netNodes)
	}
	b.ReportMetric(float64(drawn.Milliseconds())/float64(b.N), "ms-to-drawn")
	b.ReportMetric(float64(click.Milliseconds())/float64(b.N), "ms-select")
	b.ReportMetric(toData/float64(b.N), "ms-to-data")
	b.ReportMetric(toLayout/float64(b.N), "ms-layout")
	b.ReportMetric(0, "ns/op")
}
