package server

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/dedup"
	"github.com/dossier-osint/dossier/resolve"
	"github.com/dossier-osint/dossier/store"
	"github.com/dossier-osint/dossier/store/sqlite"
)

// The API under load: 50 clients on localhost asking for entity profiles,
// ego networks or searches (and, in their own sub-benchmarks, the
// listings of claims, events and quotes) for a fixed time, on a store of
// 100k claims:
//
//	go test ./server -run '^$' -bench APILoad -benchtime 1x -timeout 30m
//	go test ./server -run '^$' -bench APILoad -benchtime 1x -args -load-claims 20000 -load-for 5s -load-clients 20
var (
	loadClaims  = flag.Int("load-claims", 100_000, "claims in the synthetic store BenchmarkAPILoad runs on")
	loadFor     = flag.Duration("load-for", 15*time.Second, "how long BenchmarkAPILoad loads each endpoint")
	loadClients = flag.Int("load-clients", 50, "concurrent clients of BenchmarkAPILoad")
)

// loadCorpus is a stored, resolved synthetic corpus and what to ask it.
type loadCorpus struct {
	st       *sqlite.Store
	entities []string // global ids of entities with claims
	words    []string // surnames and organisation words to search for
}

// synthReports writes documents about people around organisations: each
// names an organisation, a place and three people of the organisation's
// circle, and carries seven claims (three memberships, a meeting between
// two of the people, and the three people's roles in a dated event).
// People's names recur across documents, so that the resolver joins them
// and their networks grow. It is deterministic.
func synthReports(claims int) ([]*dossier.Document, []*dossier.Extraction, []string) {
	r := rand.New(rand.NewPCG(42, 8))
	given := []string{"Aamir", "Basit", "Danish", "Faisal", "Ghulam", "Hilal", "Irfan", "Javaid", "Kamran", "Latif", "Majid", "Naveed"}
	parts := []string{"bo", "ka", "lu", "mer", "no", "pa", "qi", "ras", "su", "tor", "va", "wen", "xa", "yu", "zel", "dar"}
	surname := func(i int) string {
		s := parts[i%16] + parts[(i/16)%16] + parts[(i/256)%16]
		return strings.ToUpper(s[:1]) + s[1:]
	}
	people := make([]string, max(claims/10, 30))
	for i := range people {
		people[i] = given[i%len(given)] + " " + surname(i)
	}
	orgs := make([]string, max(claims/200, 5))
	for i := range orgs {
		orgs[i] = surname(i*7+3) + " Front"
	}
	places := []string{"Srinagar", "Anantnag", "Sopore", "Kupwara", "Baramulla", "Jammu", "Poonch", "Kathua"}
	mods := []dossier.Modality{dossier.Asserted, dossier.Asserted, dossier.Reported, dossier.Hedged}
	kinds := []dossier.AttributionKind{dossier.Outlet, dossier.Named, dossier.Anonymous, dossier.Organisation}
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	var docs []*dossier.Document
	var exs []*dossier.Extraction
	for n, made := 0, 0; made < claims; n++ {
		o := r.IntN(len(orgs))
		circle := func() int { return (o*len(people)/len(orgs) + r.IntN(25)) % len(people) }
		var sb strings.Builder
		fmt.Fprintf(&sb, "Report %d. ", n)
		ex := &dossier.Extraction{Schema: dossier.Schema, Version: "load"}
		ent := func(t dossier.EntityType, name string) string {
			id := fmt.Sprintf("e%d", len(ex.Entities)+1)
			at := sb.Len()
			sb.WriteString(name)
			ex.Entities = append(ex.Entities, dossier.Entity{ID: id, Type: t, Name: name, Mentions: []dossier.Mention{{Start: at, End: sb.Len(), Text: name}}})
			return id
		}
		start := sb.Len()
		org := ent(dossier.Org, orgs[o])
		sb.WriteString(" members met in ")
		place := ent(dossier.GPE, places[r.IntN(len(places))])
		sb.WriteString(": ")
		var ps []string
		for k := range 3 {
			if k > 0 {
				sb.WriteString(", ")
			}
			ps = append(ps, ent(dossier.Person, people[circle()]))
		}
		sb.WriteString(" were there, officials said.")
		ev := dossier.Evidence{Start: start, End: sb.Len(), Text: sb.String()[start:]}
		ex.Attributions = []dossier.Attribution{{ID: "a1", Kind: kinds[r.IntN(len(kinds))], Text: "officials said"}}
		for _, p := range ps {
			ex.Relations = append(ex.Relations, dossier.Relation{Type: "member_of", Subject: p, Object: org, Confidence: 0.8,
				Modality: mods[r.IntN(len(mods))], Attribution: "a1", Evidence: ev})
		}
		ex.Relations = append(ex.Relations, dossier.Relation{Type: "met_with", Subject: ps[0], Object: ps[1], Confidence: 0.7,
			Modality: mods[r.IntN(len(mods))], Attribution: "a1", Evidence: ev})
		e := dossier.EventRecord{ID: "v1", Type: "meeting", Place: place, Modality: dossier.Asserted, Attribution: "a1", Evidence: ev,
			Date: &dossier.Date{Value: base.AddDate(0, 0, r.IntN(600)).Format(time.DateOnly)}}
		for _, p := range ps {
			e.Roles = append(e.Roles, dossier.Role{Role: "participant", Entity: p})
		}
		ex.Events = []dossier.EventRecord{e}
		// The first person is quoted on the evidence (quotes are no claims).
		ex.Quotes = []dossier.Quote{{Speaker: ps[0], Text: ev.Text, Cue: "said", Start: ev.Start, End: ev.End}}
		made += 7
		d := &dossier.Document{Title: fmt.Sprintf("%s meeting %d", orgs[o], n), Text: sb.String(), Outlet: "Load Wire",
			Published: base.AddDate(0, 0, n/30), Ingested: base.Add(time.Duration(n) * time.Second)}
		d.ID = dedup.ID(d.Text)
		d.Cluster = d.ID
		ex.Document = dossier.DocumentRef{ID: d.ID}
		docs = append(docs, d)
		exs = append(exs, ex)
	}
	var words []string
	for i := range 200 {
		words = append(words, surname(i*37%len(people)))
	}
	return docs, exs, words
}

// openLoadCorpus stores and resolves the synthetic corpus in a temporary
// directory, removed when b ends.
func openLoadCorpus(b *testing.B) *loadCorpus {
	dir := b.TempDir()
	st, err := sqlite.Open(filepath.Join(dir, "load.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	ctx := context.Background()
	start := time.Now()
	docs, exs, words := synthReports(*loadClaims)
	for i := range docs {
		if _, err := st.PutDocument(ctx, docs[i], exs[i], dedup.Sketch(docs[i].Text)); err != nil {
			b.Fatal(err)
		}
	}
	stored := time.Since(start)
	start = time.Now()
	sum, err := resolve.Run(ctx, st, false, resolve.Options{})
	if err != nil {
		b.Fatal(err)
	}
	c := &loadCorpus{st: st, words: words}
	seen := map[int64]bool{}
	err = st.EachClaim(ctx, store.ClaimFilter{}, func(cl store.Claim) error {
		if !seen[cl.Subject] {
			seen[cl.Subject] = true
			c.entities = append(c.entities, store.EntityID(cl.Subject))
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	slices.Sort(c.entities)
	b.Logf("load corpus: %d documents stored in %s; resolved in %s: %d entities, %d claims",
		len(docs), stored.Round(time.Millisecond), time.Since(start).Round(time.Millisecond), sum.Entities, sum.Claims)
	return c
}

// BenchmarkAPILoad runs *loadClients clients against a server on localhost
// for *loadFor per endpoint, each asking as fast as it is answered, and
// reports the answers' p50 and p99 latency and the throughput.
func BenchmarkAPILoad(b *testing.B) {
	c := openLoadCorpus(b)
	srv := httptest.NewServer(New(c.st, nil))
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: *loadClients * 2, MaxIdleConnsPerHost: *loadClients * 2}, Timeout: time.Minute}
	for _, ep := range []struct {
		name string
		path func(r *rand.Rand) string
	}{
		{"profile", func(r *rand.Rand) string { return "/api/v1/entities/" + c.entities[r.IntN(len(c.entities))] }},
		{"network", func(r *rand.Rand) string {
			return "/api/v1/entities/" + c.entities[r.IntN(len(c.entities))] + "/network"
		}},
		{"search", func(r *rand.Rand) string { return "/api/v1/search?q=" + c.words[r.IntN(len(c.words))] }},
		// The listings across the store: every claim grouped, every event,
		// one page of quotes.
		{"claims", func(r *rand.Rand) string {
			return "/api/v1/claims?min_corroboration=2&offset=" + strconv.Itoa(r.IntN(5)*20)
		}},
		{"entity-claims", func(r *rand.Rand) string { return "/api/v1/claims?entity=" + c.entities[r.IntN(len(c.entities))] }},
		{"events", func(r *rand.Rand) string { return "/api/v1/events?limit=50&offset=" + strconv.Itoa(r.IntN(100)*50) }},
		{"quotes", func(r *rand.Rand) string { return "/api/v1/quotes?offset=" + strconv.Itoa(r.IntN(1000)*50) }},
		{"speaker-quotes", func(r *rand.Rand) string { return "/api/v1/quotes?speaker=" + c.entities[r.IntN(len(c.entities))] }},
	} {
		b.Run(ep.name, func(b *testing.B) {
			for b.Loop() {
				lats, failed := load(b, client, srv.URL, ep.path)
				if failed > 0 {
					b.Errorf("%d requests failed", failed)
				}
				slices.Sort(lats)
				q := func(p float64) float64 {
					return float64(lats[min(len(lats)-1, int(p*float64(len(lats))))].Microseconds()) / 1000
				}
				b.ReportMetric(q(0.5), "p50-ms")
				b.ReportMetric(q(0.99), "p99-ms")
				b.ReportMetric(float64(len(lats))/loadFor.Seconds(), "req/s")
			}
		})
	}
}

// load runs the clients for *loadFor and returns every answer's latency
// and the number of failed requests.
func load(b *testing.B, client *http.Client, base string, path func(*rand.Rand) string) ([]time.Duration, int) {
	var (
		mu     sync.Mutex
		all    []time.Duration
		failed int
		wg     sync.WaitGroup
	)
	end := time.Now().Add(*loadFor)
	for i := range *loadClients {
		wg.Go(func() {
			r := rand.New(rand.NewPCG(uint64(i), 1))
			var mine []time.Duration
			bad := 0
			for time.Now().Before(end) {
				start := time.Now()
				resp, err := client.Get(base + path(r))
				if err != nil {
					bad++
					continue
				}
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != http.StatusOK {
					bad++
					continue
				}
				mine = append(mine, time.Since(start))
			}
			mu.Lock()
			all = append(all, mine...)
			failed += bad
			mu.Unlock()
		})
	}
	wg.Wait()
	if len(all) == 0 {
		b.Fatal("no request answered")
	}
	return all, failed
}
