package sqlite

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/dedup"
	"github.com/dossier-osint/dossier/store"
)

func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "t.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// newDoc returns a document whose text is text.
func newDoc(text string, ingested int) *dossier.Document {
	d := &dossier.Document{Text: text, Title: "Report " + fmt.Sprint(ingested), Outlet: "FNA", Source: "t.txt",
		Published: time.Date(2026, 4, 21, 0, 0, 0, 0, time.UTC),
		Ingested:  time.Date(2026, 4, 22, 10, 0, ingested, 0, time.UTC)}
	d.ID = dedup.ID(text)
	d.Cluster = d.ID
	return d
}

// richExtraction uses every field of the contract.
func richExtraction(d *dossier.Document) *dossier.Extraction {
	ex := dossier.NewExtraction(d, "v-test")
	ex.Entities = []dossier.Entity{
		{ID: "e1", Type: dossier.Person, Name: "Abdul Rauf Qasmi", Aliases: []string{"Qasmi"},
			Mentions:   []dossier.Mention{{Start: 0, End: 16, Text: "Abdul Rauf Qasmi"}, {Start: 40, End: 45, Text: "Qasmi"}},
			Attributes: map[string][]string{"titles": {"Maulana", "chief of LeQ"}}},
		{ID: "e2", Type: dossier.Org, Name: "Lashkar-e-Qahhar", Mentions: []dossier.Mention{{Start: 20, End: 36, Text: "Lashkar-e-Qahhar"}}},
	}
	ex.Relations = []dossier.Relation{{Type: "leader_of", Subject: "e1", Object: "e2", Confidence: 0.9, Modality: dossier.Hedged,
		Attribution: "a1", Evidence: dossier.Evidence{Start: 0, End: 50, Text: "sentence"}, Rule: "title-of"}}
	ex.Events = []dossier.EventRecord{{ID: "v1", Type: "attack", Trigger: dossier.Evidence{Start: 5, End: 10, Text: "attack"},
		Date: &dossier.Date{Text: "Tuesday", Value: "2026-04-21", Precision: "day", Start: 11, End: 18}, Place: "e2",
		Roles:    []dossier.Role{{Role: "perpetrator", Entity: "e2"}, {Role: "victim", Text: "nine tourists", Start: 60, End: 73}},
		Modality: dossier.Asserted, Attribution: "a2", Evidence: dossier.Evidence{Start: 0, End: 80, Text: "s"}, Rule: "attack-1"},
		{ID: "v2", Type: "statement", Roles: []dossier.Role{}, Modality: dossier.Reported}}
	ex.Quotes = []dossier.Quote{{Speaker: "e1", Text: "We did not do it", Cue: "told", Recipient: "e2",
		Date: &dossier.Date{Text: "on Thursday", Value: "2026-04-23"}, Start: 100, End: 116, Rule: "quote-told"},
		{Text: "unattributed", Start: 1, End: 2}}
	ex.Attributions = []dossier.Attribution{{ID: "a1", Kind: dossier.Anonymous, Text: "sources reveal", Start: 3, End: 17},
		{ID: "a2", Kind: dossier.Named, Source: "e1", Text: "Qasmi told FNA"}}
	ex.Flags = []dossier.Flag{{Kind: "anonymous_only", Message: "rests on anonymous sources", Entities: []string{"e1"},
		Evidence: []dossier.Evidence{{Start: 0, End: 5}}}, {Kind: "note", Message: "m"}}
	return ex
}

func TestRoundTrip(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	d := newDoc("Abdul Rauf Qasmi of Lashkar-e-Qahhar and Qasmi again, with enough words to sketch the text.", 1)
	ex := richExtraction(d)
	created, err := s.PutDocument(ctx, d, ex, dedup.Sketch(d.Text))
	if err != nil || !created {
		t.Fatalf("put: %v %v", created, err)
	}
	got, err := s.Extraction(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, ex) {
		t.Fatalf("round trip differs:\n got %+v\nwant %+v", got, ex)
	}
	doc, err := s.Document(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != d.Text || doc.Title != d.Title || !doc.Published.Equal(d.Published) || !doc.Ingested.Equal(d.Ingested) || doc.Version != "v-test" {
		t.Fatalf("document differs: %+v", doc)
	}

	// The same ID again writes nothing.
	other := richExtraction(d)
	other.Entities = other.Entities[:1]
	created, err = s.PutDocument(ctx, d, other, dedup.Sketch(d.Text))
	if err != nil || created {
		t.Fatalf("second put: created=%v err=%v", created, err)
	}
	if st, _ := s.Stats(ctx); st.Documents != 1 || st.Entities != 2 || st.Mentions != 3 || st.Relations != 1 || st.Events != 2 || st.Quotes != 2 {
		t.Fatalf("stats after duplicate put: %+v", st)
	}

	// Replacing the extraction swaps every row and the version.
	empty := dossier.NewExtraction(d, "v2")
	if err := s.ReplaceExtraction(ctx, d.ID, empty); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Extraction(ctx, d.ID)
	if !reflect.DeepEqual(got, empty) {
		t.Fatalf("after replace: %+v", got)
	}
	if st, _ := s.Stats(ctx); st.Entities != 0 || st.Mentions != 0 || st.Events != 0 {
		t.Fatalf("rows left after replace: %+v", st)
	}
	if err := s.ReplaceExtraction(ctx, "sha256:none", empty); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("replace of a missing document: %v", err)
	}
}

func TestNotFound(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	if _, err := s.Document(ctx, "sha256:nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Document: %v", err)
	}
	if _, err := s.Extraction(ctx, "sha256:nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Extraction: %v", err)
	}
	if ok, err := s.HasDocument(ctx, "sha256:nope"); ok || err != nil {
		t.Errorf("HasDocument: %v %v", ok, err)
	}
}

func TestListAndFilters(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	var ids []string
	for i := range 5 {
		d := newDoc(fmt.Sprintf("Report number %d from Srinagar about the investigation.", i), i)
		if i == 4 {
			d.Cluster = ids[0]
		}
		v := "old"
		if i%2 == 0 {
			v = "new"
		}
		if _, err := s.PutDocument(ctx, d, dossier.NewExtraction(d, v), dedup.Sketch(d.Text)); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, d.ID)
	}
	docs, err := s.Documents(ctx, store.DocumentQuery{Limit: 2})
	if err != nil || len(docs) != 2 || docs[0].ID != ids[4] || docs[1].ID != ids[3] || docs[0].Text != "" {
		t.Fatalf("first page: %v %+v", err, docs)
	}
	docs, _ = s.Documents(ctx, store.DocumentQuery{Limit: 2, Offset: 4})
	if len(docs) != 1 || docs[0].ID != ids[0] {
		t.Fatalf("last page: %+v", docs)
	}
	docs, _ = s.Documents(ctx, store.DocumentQuery{OlderThanVersion: "new"})
	if len(docs) != 2 {
		t.Fatalf("stale filter: %d documents, want 2", len(docs))
	}
	docs, _ = s.Documents(ctx, store.DocumentQuery{Cluster: ids[0]})
	if len(docs) != 2 {
		t.Fatalf("cluster filter: %d documents, want 2", len(docs))
	}
	if st, _ := s.Stats(ctx); st.Documents != 5 || st.Clusters != 4 {
		t.Fatalf("stats: %+v", st)
	}
}

func TestSearch(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	for i, text := range []string{
		"Gunmen attacked tourists near Anantnag on Tuesday, police said.",
		"The Kashmir Freedom Brigade claimed the attack in a statement.",
		"Officials in Islamabad rejected the allegations.",
	} {
		d := newDoc(text, i)
		if _, err := s.PutDocument(ctx, d, dossier.NewExtraction(d, "v"), dedup.Sketch(text)); err != nil {
			t.Fatal(err)
		}
	}
	for q, want := range map[string]int{
		"attack":                    1, // words match whole tokens
		"attacked Anantnag":         1,
		`"Kashmir Freedom Brigade"`: 1,
		`"Freedom Kashmir"`:         0,
		"Islamabad Anantnag":        0, // ANDed
		`"unbalanced`:               0,
		"AND OR NOT":                0,
		"*":                         0,
		"":                          0,
		"NEAR(a b) col:x ^start":    0,
	} {
		hits, err := s.Search(ctx, q, 10)
		if err != nil {
			t.Errorf("search %q: %v", q, err)
			continue
		}
		if len(hits) != want {
			t.Errorf("search %q: %d hits, want %d", q, len(hits), want)
		}
	}
	hits, _ := s.Search(ctx, "Anantnag", 10)
	if len(hits) != 1 || hits[0].Snippet == "" || hits[0].Title == "" {
		t.Fatalf("hit without snippet or title: %+v", hits)
	}
}

func TestSimilarCandidates(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	text := "Security forces widened the search for the gunmen who opened fire on tourists at a meadow near Anantnag, killing nine people, officials said on Wednesday."
	d := newDoc(text, 1)
	if _, err := s.PutDocument(ctx, d, dossier.NewExtraction(d, "v"), dedup.Sketch(text)); err != nil {
		t.Fatal(err)
	}
	copyText := "Security forces widened the search for the gunmen who opened fire on tourists at a meadow near Anantnag, killing nine people, police said on Wednesday."
	cands, err := s.SimilarCandidates(ctx, dedup.Sketch(copyText))
	if err != nil {
		t.Fatal(err)
	}
	if len(cands) != 1 || cands[0].ID != d.ID || dedup.Similarity(cands[0].Signature, dedup.Sketch(text).Signature) != 1 {
		t.Fatalf("candidates %+v", cands)
	}
	if c, err := s.SimilarCandidates(ctx, store.Sketch{}); err != nil || len(c) != 0 {
		t.Fatalf("empty sketch: %v %v", c, err)
	}
}

func TestConcurrentPuts(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 8 {
				// Every goroutine also puts the same shared documents.
				for _, text := range []string{fmt.Sprintf("Goroutine %d writes report %d about Srinagar.", g, i), fmt.Sprintf("Shared report %d.", i)} {
					d := newDoc(text, i)
					ex := richExtraction(d)
					if _, err := s.PutDocument(ctx, d, ex, dedup.Sketch(text)); err != nil {
						errs <- err
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if st, _ := s.Stats(ctx); st.Documents != 72 || st.Entities != 144 {
		t.Fatalf("stats after concurrent puts: %+v, want 72 documents with 2 entities each", st)
	}
}

func TestReopenKeepsDataAndSchema(t *testing.T) {
	s, path := openTemp(t)
	ctx := context.Background()
	d := newDoc("A report that must survive closing the store.", 1)
	if _, err := s.PutDocument(ctx, d, dossier.NewExtraction(d, "v"), dedup.Sketch(d.Text)); err != nil {
		t.Fatal(err)
	}
	if m, _ := s.JournalMode(ctx); m != "wal" {
		t.Fatalf("journal mode %q, want wal", m)
	}
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if ok, _ := s2.HasDocument(ctx, d.ID); !ok {
		t.Fatal("document lost on reopen")
	}
	ms, _ := migrations()
	if v, _ := s2.SchemaVersion(ctx); v != ms[len(ms)-1].version {
		t.Fatalf("schema version %d after reopen", v)
	}
}

func TestConcurrentOpenOfNewFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "race.db")
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(path)
			if err != nil {
				errs <- err
				return
			}
			s.Close()
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent open: %v", err)
	}
}

func TestNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(path, []byte("these are my notes, not a database\n"+string(make([]byte, 200))), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path)
	if err == nil || !contains(err.Error(), path) || !contains(err.Error(), "not a") {
		t.Fatalf("opening a text file: %v", err)
	}
	if b, _ := os.ReadFile(path); !contains(string(b), "my notes") {
		t.Fatal("the file was overwritten")
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func BenchmarkPutDocument(b *testing.B) {
	dir := b.TempDir()
	s, err := Open(filepath.Join(dir, "b.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for i := 0; b.Loop(); i++ {
		d := newDoc(fmt.Sprintf("Report %d: police in Srinagar said suspects linked to the Lashkar-e-Qahhar were detained after a raid in case %d.", i, i*31), i)
		ex := richExtraction(d)
		for k := 0; k < 9; k++ { // about 20 entities and 10 relations
			ex.Entities = append(ex.Entities, dossier.Entity{ID: fmt.Sprintf("e%d", 3+2*k), Type: dossier.GPE, Name: "Srinagar", Mentions: []dossier.Mention{{Start: 1, End: 2, Text: "S"}}},
				dossier.Entity{ID: fmt.Sprintf("e%d", 4+2*k), Type: dossier.Person, Name: "Anjali Mehra", Mentions: []dossier.Mention{{Start: 3, End: 4, Text: "A"}}})
			ex.Relations = append(ex.Relations, ex.Relations[0])
		}
		if _, err := s.PutDocument(ctx, d, ex, dedup.Sketch(d.Text)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
