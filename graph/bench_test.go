package graph_test

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dossier-osint/dossier/graph"
	"github.com/dossier-osint/dossier/resolve"
	"github.com/dossier-osint/dossier/store"
	"github.com/dossier-osint/dossier/store/sqlite"
)

// benchClaims sets the sizes of the synthetic corpus the benchmarks run on:
//
//	go test ./graph -run '^$' -bench Corpus -benchtime 1x -args -claims 10000,100000
var benchClaims = flag.String("claims", "10000", "comma-separated corpus sizes, in claims, for BenchmarkCorpus")

// benchKeep keeps the benchmark stores for a look with sqlite3 (their
// paths are logged).
var benchKeep = flag.Bool("keep", false, "keep the stores BenchmarkCorpus made")

// corpus is a stored, resolved synthetic corpus.
type corpus struct {
	st       *sqlite.Store
	path     string
	mentions int
	entities []int64
	resolve  time.Duration
	g        *graph.Graph
}

var (
	corpora   = map[int]*corpus{}
	corporaMu sync.Mutex
)

// TestMain removes the benchmark stores when the test binary ends.
func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	corporaMu.Lock()
	for _, c := range corpora {
		c.st.Close()
		if *benchKeep {
			fmt.Fprintln(os.Stderr, "kept", c.path)
			continue
		}
		os.RemoveAll(filepath.Dir(c.path))
	}
	corporaMu.Unlock()
	os.Exit(code)
}

// loadCorpus generates, stores and resolves a corpus of n claims once per
// test binary.
func loadCorpus(b *testing.B, n int) *corpus {
	corporaMu.Lock()
	defer corporaMu.Unlock()
	if c, ok := corpora[n]; ok {
		return c
	}
	dir, err := os.MkdirTemp("", "dossier-bench")
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, "bench.db")
	st, err := sqlite.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	docs, exs := synthCorpus(n, 1)
	for i := range docs {
		if _, err := st.PutDocument(ctx, docs[i], exs[i], store.Sketch{}); err != nil {
			b.Fatal(err)
		}
	}
	start, cpu0 := time.Now(), cpuTime()
	sum, err := resolve.Run(ctx, st, false, resolve.Options{})
	if err != nil {
		b.Fatal(err)
	}
	c := &corpus{st: st, path: path, mentions: sum.Mentions, resolve: time.Since(start)}
	firstCPU := cpuTime() - cpu0
	err = st.EachClaim(ctx, store.ClaimFilter{}, func(cl store.Claim) error {
		c.entities = append(c.entities, cl.Subject)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	slices.Sort(c.entities)
	c.entities = slices.Compact(c.entities)
	if c.g, err = graph.Load(ctx, st, store.ClaimFilter{}); err != nil {
		b.Fatal(err)
	}
	b.Logf("corpus of %d claims: %d documents, %d mentions, %d global entities, %d claims stored, resolved in %s (%.1f ms, %.1f ms of processor time per 1k mentions)",
		n, len(docs), sum.Mentions, sum.Entities, sum.Claims, c.resolve.Round(time.Millisecond),
		float64(c.resolve.Microseconds())/float64(sum.Mentions), float64(firstCPU.Microseconds())/float64(sum.Mentions))
	corpora[n] = c
	return c
}

// cpuTime returns the processor time (user and system) the process has
// used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// percentiles reports p50 and p99 of ds as metrics.
func percentiles(b *testing.B, ds []time.Duration, name string) {
	if len(ds) == 0 {
		return
	}
	slices.Sort(ds)
	ms := func(q float64) float64 {
		return float64(ds[min(len(ds)-1, int(q*float64(len(ds))))].Microseconds()) / 1000
	}
	b.ReportMetric(ms(0.5), name+"-p50-ms")
	b.ReportMetric(ms(0.99), name+"-p99-ms")
}

func sizes(b *testing.B) []int {
	var out []int
	for _, s := range splitComma(*benchClaims) {
		var n int
		if _, err := fmt.Sscan(s, &n); err != nil || n <= 0 {
			b.Fatalf("-claims %q: want positive numbers", *benchClaims)
		}
		out = append(out, n)
	}
	return out
}

func splitComma(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ',' {
			if i > start {
				out = append(out, s[start:i])
			}
			start = i + 1
		}
	}
	return out
}

// BenchmarkCorpus measures the knowledge graph on synthetic corpora: the
// resolution of every document (ms per 1,000 mentions), neighbourhood
// queries, shortest paths, PageRank, Louvain and the store's size.
func BenchmarkCorpus(b *testing.B) {
	ctx := context.Background()
	for _, n := range sizes(b) {
		b.Run(fmt.Sprintf("claims=%d", n), func(b *testing.B) {
			c := loadCorpus(b, n)
			b.Run("resolve-all", func(b *testing.B) {
				var total, cpu time.Duration
				mentions := 0
				for b.Loop() {
					start, cpu0 := time.Now(), cpuTime()
					sum, err := resolve.Run(ctx, c.st, true, resolve.Options{})
					if err != nil {
						b.Fatal(err)
					}
					total += time.Since(start)
					cpu += cpuTime() - cpu0
					mentions += sum.Mentions
					b.Logf("rows written: %d members, %d claims, %d new entities, %d profile rewrites, %d same-as candidates",
						sum.Mentions, sum.Claims, sum.NewEntities, sum.Updated, sum.Candidates)
				}
				b.ReportMetric(float64(total.Milliseconds())/float64(mentions)*1000, "ms/1k-mentions")
				// The process's processor time, which other jobs on the
				// machine disturb less than the wall time.
				b.ReportMetric(float64(cpu.Milliseconds())/float64(mentions)*1000, "cpu-ms/1k-mentions")
				var size int64
				for _, suffix := range []string{"", "-wal"} {
					if fi, err := os.Stat(c.path + suffix); err == nil {
						size += fi.Size()
					}
				}
				b.ReportMetric(float64(size)/(1<<20), "store-MB")
			})
			// Global ids change on a full re-resolution: reload them.
			c.entities = c.entities[:0]
			c.st.EachClaim(ctx, store.ClaimFilter{}, func(cl store.Claim) error { c.entities = append(c.entities, cl.Subject); return nil })
			slices.Sort(c.entities)
			c.entities = slices.Compact(c.entities)
			g, err := graph.Load(ctx, c.st, store.ClaimFilter{})
			if err != nil {
				b.Fatal(err)
			}
			c.g = g
			r := rand.New(rand.NewPCG(3, 4))
			b.Run("neighbourhood", func(b *testing.B) {
				var ds []time.Duration
				for b.Loop() { // one op is 1,000 queries of random entities
					for range 1000 {
						id := c.entities[r.IntN(len(c.entities))]
						start := time.Now()
						if _, err := c.st.EntityClaims(ctx, id, store.ClaimFilter{}); err != nil {
							b.Fatal(err)
						}
						ds = append(ds, time.Since(start))
					}
				}
				percentiles(b, ds, "query")
			})
			b.Run("load-graph", func(b *testing.B) {
				for b.Loop() {
					if _, err := graph.Load(ctx, c.st, store.ClaimFilter{}); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("path", func(b *testing.B) {
				var ds []time.Duration
				c.g.Path(c.entities[0], c.entities[1]) // builds the cost graph
				for b.Loop() {                         // one op is 100 paths between random entities
					for range 100 {
						x, y := c.entities[r.IntN(len(c.entities))], c.entities[r.IntN(len(c.entities))]
						start := time.Now()
						c.g.Path(x, y)
						ds = append(ds, time.Since(start))
					}
				}
				percentiles(b, ds, "path")
			})
			b.Run("pagerank", func(b *testing.B) {
				for b.Loop() {
					c.g.PageRank()
				}
				b.ReportMetric(float64(len(c.g.Nodes())), "entities")
			})
			b.Run("louvain", func(b *testing.B) {
				for b.Loop() {
					c.g.Communities()
				}
			})
		})
	}
}

// BenchmarkResolveIndex measures the resolver's in-memory work alone (no
// store): every synthetic document through one resolve.Index, in ms per
// 1,000 mentions. Against resolve-all of BenchmarkCorpus, it tells the
// resolver's share from the store's.
//
//	go test ./graph -run '^$' -bench ResolveIndex -benchtime 1x -args -claims 10000,100000
func BenchmarkResolveIndex(b *testing.B) {
	for _, n := range sizes(b) {
		b.Run(fmt.Sprintf("claims=%d", n), func(b *testing.B) {
			docs, exs := synthCorpus(n, 1)
			var total time.Duration
			mentions := 0
			for b.Loop() {
				ix := resolve.NewIndex(nil, nil, resolve.Options{})
				start := time.Now()
				for i := range docs {
					mentions += len(ix.Document(docs[i], exs[i]).Members)
				}
				total += time.Since(start)
			}
			b.ReportMetric(float64(total.Milliseconds())/float64(mentions)*1000, "ms/1k-mentions")
		})
	}
}
