// Package graph is analytics over the entity graph: global entities linked
// by resolved claims, each link weighted by its corroboration (the number of
// independent sources, a syndication cluster counting once). It finds
// shortest paths with the evidence of every hop (its own Dijkstra over the
// adjacency lists), PageRank, betweenness and Louvain communities (gonum),
// ego networks and per-entity timelines.
package graph

import (
	"container/heap"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"sync"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/store"
)

// maxEvidence bounds the claims kept as evidence on one edge.
const maxEvidence = 8

// maxParticipants bounds the participants of one event linked pairwise.
const maxParticipants = 24

// Edge links two entities by every claim between them.
type Edge struct {
	A, B int64
	// Weight is the number of independent sources (clusters) of the
	// claims between A and B.
	Weight   float64
	clusters map[string]bool
	// Predicates are the relation and event types of the link.
	Predicates []string
	// Claims are up to maxEvidence of the claims, with their evidence.
	Claims []store.Claim
}

// Graph is an undirected, weighted entity graph.
type Graph struct {
	edges map[[2]int64]*Edge
	adj   map[int64][]int64
	// events collects participants of one event until Build links them.
	events map[[2]string][]store.Claim
	// packed is the compact form Path searches, built on first use.
	mu     sync.Mutex
	packed *compact
}

// New returns an empty graph.
func New() *Graph {
	return &Graph{edges: map[[2]int64]*Edge{}, adj: map[int64][]int64{}, events: map[[2]string][]store.Claim{}}
}

// Add adds one claim: a relation links its subject and object; an event
// role joins its event, whose participants (and place) Finish links
// pairwise. Denied claims link nothing.
func (g *Graph) Add(c store.Claim) {
	if c.Modality == dossier.Negated {
		return
	}
	switch {
	case c.Kind == "event" && c.Event != "":
		k := [2]string{c.Doc, c.Event}
		if len(g.events[k]) < maxParticipants {
			g.events[k] = append(g.events[k], c)
		}
		g.node(c.Subject)
	case c.Object != 0:
		g.link(c.Subject, c.Object, c)
	default:
		g.node(c.Subject)
	}
}

// Finish links the participants of the events added so far.
func (g *Graph) Finish() *Graph {
	for _, cs := range g.events {
		for i := range cs {
			if cs[i].Place != 0 {
				g.link(cs[i].Subject, cs[i].Place, cs[i])
			}
			for j := i + 1; j < len(cs); j++ {
				g.link(cs[i].Subject, cs[j].Subject, cs[i])
			}
		}
	}
	clear(g.events)
	return g
}

func (g *Graph) node(id int64) {
	if _, ok := g.adj[id]; !ok && id != 0 {
		g.adj[id] = nil
	}
}

func (g *Graph) link(a, b int64, c store.Claim) {
	if a == b || a == 0 || b == 0 {
		return
	}
	if a > b {
		a, b = b, a
	}
	g.packed = nil
	k := [2]int64{a, b}
	e, ok := g.edges[k]
	if !ok {
		e = &Edge{A: a, B: b, clusters: map[string]bool{}}
		g.edges[k] = e
		g.adj[a] = append(g.adj[a], b)
		g.adj[b] = append(g.adj[b], a)
	}
	cl := c.Cluster
	if cl == "" {
		cl = c.Doc
	}
	if !e.clusters[cl] {
		e.clusters[cl] = true
		e.Weight++
	}
	if !contains(e.Predicates, c.Predicate) {
		e.Predicates = append(e.Predicates, c.Predicate)
	}
	if len(e.Claims) < maxEvidence {
		e.Claims = append(e.Claims, c)
	}
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// Build makes a graph of claims.
func Build(claims []store.Claim) *Graph {
	g := New()
	for _, c := range claims {
		g.Add(c)
	}
	return g.Finish()
}

// Load builds the graph of every stored claim passing f.
func Load(ctx context.Context, st store.Graph, f store.ClaimFilter) (*Graph, error) {
	g := New()
	if err := st.EachClaim(ctx, f, func(c store.Claim) error { g.Add(c); return nil }); err != nil {
		return nil, fmt.Errorf("load graph: %w", err)
	}
	return g.Finish(), nil
}

// Ego builds the graph around entity id out to depth hops (1 or 2), from
// the neighbourhood queries of the store.
func Ego(ctx context.Context, st store.Graph, id int64, depth int, f store.ClaimFilter) (*Graph, error) {
	depth = min(max(depth, 1), 2)
	g := New()
	g.node(id)
	seen := map[int64]bool{id: true}
	frontier := []int64{id}
	for d := 0; d < depth; d++ {
		var next []int64
		for _, n := range frontier {
			cs, err := st.EntityClaims(ctx, n, f)
			if err != nil {
				return nil, err
			}
			for _, c := range cs {
				g.Add(c)
				for _, m := range []int64{c.Subject, c.Object, c.Place} {
					if m != 0 && !seen[m] {
						seen[m] = true
						next = append(next, m)
					}
				}
			}
		}
		frontier = next
	}
	return g.Finish(), nil
}

// Nodes returns the entity ids, sorted.
func (g *Graph) Nodes() []int64 {
	out := make([]int64, 0, len(g.adj))
	for n := range g.adj {
		out = append(out, n)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Edges returns the edges, sorted by their ends.
func (g *Graph) Edges() []*Edge {
	out := make([]*Edge, 0, len(g.edges))
	for _, e := range g.edges {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].A != out[j].A {
			return out[i].A < out[j].A
		}
		return out[i].B < out[j].B
	})
	return out
}

// Edge returns the edge between a and b, or nil.
func (g *Graph) Edge(a, b int64) *Edge {
	if a > b {
		a, b = b, a
	}
	return g.edges[[2]int64{a, b}]
}

// Degree returns the number of neighbours of id.
func (g *Graph) Degree(id int64) int { return len(g.adj[id]) }

// undirected returns the gonum form of g, edges weighted by weight(e).
func (g *Graph) undirected(weight func(*Edge) float64) *simple.WeightedUndirectedGraph {
	u := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	for _, n := range g.Nodes() {
		u.AddNode(simple.Node(n))
	}
	for _, e := range g.Edges() {
		u.SetWeightedEdge(u.NewWeightedEdge(simple.Node(e.A), simple.Node(e.B), weight(e)))
	}
	return u
}

// Hop is one step of a path, with the claims that make it.
type Hop struct {
	From, To   int64
	Weight     float64
	Predicates []string
	Claims     []store.Claim
}

// ErrNoPath is returned when two entities are not connected.
var ErrNoPath = errors.New("no path")

// Path returns the path from a to b that prefers corroborated links (the
// cost of an edge is 1/weight), with the evidence of every hop.
func (g *Graph) Path(a, b int64) ([]Hop, error) {
	if _, ok := g.adj[a]; !ok {
		return nil, fmt.Errorf("path from %s: %w (not in the graph)", store.EntityID(a), ErrNoPath)
	}
	if _, ok := g.adj[b]; !ok {
		return nil, fmt.Errorf("path to %s: %w (not in the graph)", store.EntityID(b), ErrNoPath)
	}
	if a == b {
		return []Hop{}, nil
	}
	nodes := g.dijkstra(a, b)
	if len(nodes) < 2 {
		return nil, fmt.Errorf("%s to %s: %w", store.EntityID(a), store.EntityID(b), ErrNoPath)
	}
	hops := make([]Hop, 0, len(nodes)-1)
	for i := 1; i < len(nodes); i++ {
		x, y := nodes[i-1], nodes[i]
		e := g.Edge(x, y)
		hops = append(hops, Hop{From: x, To: y, Weight: e.Weight, Predicates: e.Predicates, Claims: e.Claims})
	}
	return hops, nil
}

// compact is the graph as arrays, for fast searches: node i is ids[i], its
// neighbours are nbr[off[i]:off[i+1]] at costs cost[off[i]:off[i+1]].
type compact struct {
	ids   []int64
	index map[int64]int32
	off   []int32
	nbr   []int32
	cost  []float64
	// weight is the corroboration of each edge, beside cost.
	weight []float64
}

// arrays returns the compact form, building it on first use after a change.
func (g *Graph) arrays() *compact {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.packed != nil {
		return g.packed
	}
	c := &compact{ids: g.Nodes(), index: map[int64]int32{}}
	for i, id := range c.ids {
		c.index[id] = int32(i)
	}
	c.off = make([]int32, 1, len(c.ids)+1)
	for _, id := range c.ids {
		ns := append([]int64(nil), g.adj[id]...)
		slices.Sort(ns)
		for _, n := range ns {
			c.nbr = append(c.nbr, c.index[n])
			w := g.Edge(id, n).Weight
			c.cost = append(c.cost, 1/w)
			c.weight = append(c.weight, w)
		}
		c.off = append(c.off, int32(len(c.nbr)))
	}
	g.packed = c
	return c
}

// dijkstra returns the cheapest path from a to b (edge cost 1/weight),
// stopping as soon as b is settled; nil when b cannot be reached.
func (g *Graph) dijkstra(a, b int64) []int64 {
	c := g.arrays()
	src, ok1 := c.index[a]
	dst, ok2 := c.index[b]
	if !ok1 || !ok2 {
		return nil
	}
	dist := make([]float64, len(c.ids))
	prev := make([]int32, len(c.ids))
	done := make([]bool, len(c.ids))
	for i := range dist {
		dist[i] = math.Inf(1)
		prev[i] = -1
	}
	dist[src] = 0
	h := &costHeap{{int64(src), 0}}
	for h.Len() > 0 {
		it := heap.Pop(h).(costItem)
		x := int32(it.id)
		if done[x] {
			continue
		}
		done[x] = true
		if x == dst {
			break
		}
		for k := c.off[x]; k < c.off[x+1]; k++ {
			n := c.nbr[k]
			if d := it.cost + c.cost[k]; !done[n] && d < dist[n] {
				dist[n] = d
				prev[n] = x
				heap.Push(h, costItem{int64(n), d})
			}
		}
	}
	if !done[dst] {
		return nil
	}
	path := []int64{b}
	for x := dst; x != src; {
		x = prev[x]
		path = append(path, c.ids[x])
	}
	slices.Reverse(path)
	return path
}

type costItem struct {
	id   int64
	cost float64
}

// costHeap is a min-heap of path costs, ties broken by id for stable paths.
type costHeap []costItem

func (h costHeap) Len() int { return len(h) }
func (h costHeap) Less(i, j int) bool {
	if h[i].cost != h[j].cost {
		return h[i].cost < h[j].cost
	}
	return h[i].id < h[j].id
}
func (h costHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *costHeap) Push(x any)   { *h = append(*h, x.(costItem)) }
func (h *costHeap) Pop() any {
	old := *h
	it := old[len(old)-1]
	*h = old[:len(old)-1]
	return it
}

// Score is an entity's value on a centrality measure.
type Score struct {
	Entity int64   `json:"entity"`
	Value  float64 `json:"value"`
}

// ranked sorts a map of scores, highest first, ties by id.
func ranked(m map[int64]float64, nodes []int64) []Score {
	out := make([]Score, 0, len(nodes))
	for _, n := range nodes {
		out = append(out, Score{n, m[n]})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Value != out[j].Value {
			return out[i].Value > out[j].Value
		}
		return out[i].Entity < out[j].Entity
	})
	return out
}

// PageRank ranks entities by edge-weighted PageRank (damping 0.85, the
// links of an entity shared in proportion to their corroboration, dangling
// entities' rank spread evenly), by power iteration over the compact
// arrays until the L1 change is below 1e-9 per entity. It agrees with
// gonum's network.PageRank (see the tests) and is several times faster
// on large graphs.
func (g *Graph) PageRank() []Score {
	c := g.arrays()
	n := len(c.ids)
	if n == 0 {
		return nil
	}
	const damp = 0.85
	out := make([]float64, n) // total weight of each node's edges
	for i := range n {
		for k := c.off[i]; k < c.off[i+1]; k++ {
			out[i] += c.weight[k]
		}
	}
	rank := make([]float64, n)
	next := make([]float64, n)
	for i := range rank {
		rank[i] = 1 / float64(n)
	}
	for iter := 0; iter < 200; iter++ {
		dangling := 0.0
		for i := range n {
			if out[i] == 0 {
				dangling += rank[i]
			}
		}
		base := (1-damp)/float64(n) + damp*dangling/float64(n)
		for i := range next {
			next[i] = base
		}
		for i := range n {
			if out[i] == 0 {
				continue
			}
			share := damp * rank[i] / out[i]
			for k := c.off[i]; k < c.off[i+1]; k++ {
				next[c.nbr[k]] += share * c.weight[k]
			}
		}
		diff := 0.0
		for i := range n {
			diff += math.Abs(next[i] - rank[i])
		}
		rank, next = next, rank
		if diff < 1e-9*float64(n) {
			break
		}
	}
	m := make(map[int64]float64, n)
	for i, id := range c.ids {
		m[id] = rank[i]
	}
	return ranked(m, c.ids)
}

// pageRankGonum is PageRank by gonum's network.PageRankSparse, kept to
// check PageRank against.
func (g *Graph) pageRankGonum() []Score {
	nodes := g.Nodes()
	if len(nodes) == 0 {
		return nil
	}
	d := simple.NewWeightedDirectedGraph(0, math.Inf(1))
	for _, n := range nodes {
		d.AddNode(simple.Node(n))
	}
	for _, e := range g.Edges() {
		d.SetWeightedEdge(d.NewWeightedEdge(simple.Node(e.A), simple.Node(e.B), e.Weight))
		d.SetWeightedEdge(d.NewWeightedEdge(simple.Node(e.B), simple.Node(e.A), e.Weight))
	}
	return ranked(network.PageRankSparse(d, 0.85, 1e-9), nodes)
}

// MaxBetweenness is the largest graph Betweenness computes exactly (it is
// O(nodes × edges)).
const MaxBetweenness = 20000

// Betweenness ranks entities by betweenness centrality (unweighted). It
// refuses graphs of more than MaxBetweenness entities.
func (g *Graph) Betweenness() ([]Score, error) {
	nodes := g.Nodes()
	if len(nodes) > MaxBetweenness {
		return nil, fmt.Errorf("betweenness over %d entities: too large (at most %d); filter the graph first", len(nodes), MaxBetweenness)
	}
	if len(nodes) == 0 {
		return nil, nil
	}
	return ranked(network.Betweenness(g.undirected(func(*Edge) float64 { return 1 })), nodes), nil
}

// DegreeRank ranks entities by their number of neighbours.
func (g *Graph) DegreeRank() []Score {
	m := map[int64]float64{}
	for n, ns := range g.adj {
		m[n] = float64(len(ns))
	}
	return ranked(m, g.Nodes())
}

// Communities partitions the entities by Louvain modularity over the
// corroboration weights (see louvain); largest community first, members
// sorted. The result is deterministic for a given graph.
func (g *Graph) Communities() [][]int64 {
	if len(g.adj) == 0 {
		return nil
	}
	c := g.arrays()
	comm := louvain(c, 1)
	var out [][]int64
	for i, k := range comm {
		for int(k) >= len(out) {
			out = append(out, nil)
		}
		out[k] = append(out[k], c.ids[i])
	}
	return sortCommunities(out)
}

// sortCommunities sorts the members of each community, and the
// communities largest first, then by their first member.
func sortCommunities(out [][]int64) [][]int64 {
	for _, ids := range out {
		slices.Sort(ids)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i][0] < out[j][0]
	})
	return out
}

// communitiesGonum is Communities by gonum's community.Modularize, kept to
// check Communities against.
func (g *Graph) communitiesGonum() [][]int64 {
	if len(g.adj) == 0 {
		return nil
	}
	reduced := community.Modularize(g.undirected(func(e *Edge) float64 { return e.Weight }), 1, rand.NewPCG(1, 2))
	var out [][]int64
	for _, c := range reduced.Communities() {
		ids := make([]int64, len(c))
		for i, n := range c {
			ids[i] = n.ID()
		}
		out = append(out, ids)
	}
	return sortCommunities(out)
}

// Modularity returns the modularity (resolution 1, corroboration weights)
// of a partition of g's entities, by gonum's community.Q.
func (g *Graph) Modularity(communities [][]int64) float64 {
	if len(g.adj) == 0 {
		return 0
	}
	cs := make([][]gg.Node, len(communities))
	for i, c := range communities {
		for _, id := range c {
			cs[i] = append(cs[i], simple.Node(id))
		}
	}
	return community.Q(g.undirected(func(e *Edge) float64 { return e.Weight }), cs, 1)
}

var _ gg.Graph = (*simple.WeightedUndirectedGraph)(nil)

// Timeline returns claims ordered by their date (the event's, else the
// document's publication date), undated last.
func Timeline(claims []store.Claim) []store.Claim {
	out := append([]store.Claim(nil), claims...)
	sort.SliceStable(out, func(i, j int) bool {
		wi, wj := out[i].When(), out[j].When()
		if (wi == "") != (wj == "") {
			return wi != ""
		}
		return wi < wj
	})
	return out
}
