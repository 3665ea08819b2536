package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/store"
)

// putEntities stores a document holding the given entities, one mention each
// (two for the names listed in twice).
func putEntities(t *testing.T, s *Store, text string, ingested int, ents ...dossier.Entity) *dossier.Document {
	t.Helper()
	d := newDoc(text, ingested)
	ex := dossier.NewExtraction(d, "v-test")
	ex.Entities = ents
	if _, err := s.PutDocument(context.Background(), d, ex, store.Sketch{}); err != nil {
		t.Fatal(err)
	}
	return d
}

func ent(id string, typ dossier.EntityType, name string, mentions int) dossier.Entity {
	e := dossier.Entity{ID: id, Type: typ, Name: name}
	for i := range mentions {
		e.Mentions = append(e.Mentions, dossier.Mention{Start: i, End: i + 1, Text: name[:1]})
	}
	return e
}

func TestEntityNames(t *testing.T) {
	s, _ := openTemp(t)
	d1 := putEntities(t, s, "first report on Srinagar and Anantnag", 1,
		ent("e1", dossier.GPE, "Srinagar", 2), ent("e2", dossier.GPE, "Anantnag", 1), ent("e3", dossier.Person, "Ahmad Srinagari", 1))
	d2 := putEntities(t, s, "second report on SRINAGAR", 2,
		ent("e1", dossier.GPE, "SRINAGAR", 1), ent("e2", dossier.Org, "Jaish_100%", 1))
	ctx := context.Background()

	tests := []struct {
		name  string
		q     store.EntityNameQuery
		want  []string // name/type in order
		first store.EntityName
	}{
		{"all by reach", store.EntityNameQuery{}, []string{"Srinagar/GPE", "Ahmad Srinagari/PERSON", "Anantnag/GPE", "Jaish_100%/ORG"},
			store.EntityName{Documents: 2, Mentions: 3}},
		{"text, prefix first", store.EntityNameQuery{Text: "srinag"}, []string{"Srinagar/GPE", "Ahmad Srinagari/PERSON"},
			store.EntityName{Documents: 2, Mentions: 3}},
		{"types", store.EntityNameQuery{Types: []dossier.EntityType{dossier.GPE}}, []string{"Srinagar/GPE", "Anantnag/GPE"},
			store.EntityName{Documents: 2, Mentions: 3}},
		{"wildcards are literal", store.EntityNameQuery{Text: "_100%"}, []string{"Jaish_100%/ORG"}, store.EntityName{Documents: 1, Mentions: 1}},
		{"percent alone matches nothing else", store.EntityNameQuery{Text: "%x"}, nil, store.EntityName{}},
		{"paged", store.EntityNameQuery{Limit: 1, Offset: 1}, []string{"Ahmad Srinagari/PERSON"}, store.EntityName{Documents: 1, Mentions: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.EntityNames(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, n := range got {
				names = append(names, n.Name+"/"+string(n.Type))
			}
			if len(names) != len(tt.want) {
				t.Fatalf("got %v, want %v", names, tt.want)
			}
			for i := range names {
				if names[i] != tt.want[i] {
					t.Fatalf("got %v, want %v", names, tt.want)
				}
			}
			if len(got) > 0 && (got[0].Documents != tt.first.Documents || got[0].Mentions != tt.first.Mentions) {
				t.Errorf("first: %d documents %d mentions, want %d %d", got[0].Documents, got[0].Mentions, tt.first.Documents, tt.first.Mentions)
			}
		})
	}

	got, err := s.EntityNames(ctx, store.EntityNameQuery{Text: "srinagar", Types: []dossier.EntityType{dossier.GPE}, PerName: 1})
	if err != nil || len(got) != 1 {
		t.Fatalf("per name: %v %v", got, err)
	}
	if len(got[0].Occurrences) != 1 || got[0].Documents != 2 {
		t.Fatalf("PerName 1: %+v", got[0])
	}
	// Both documents have the same publication date: ties go by id.
	want := min(d1.ID, d2.ID)
	if o := got[0].Occurrences[0]; o.Document != want || o.Entity != "e1" || o.Title == "" {
		t.Errorf("occurrence %+v, want document %s", o, want)
	}
	got, _ = s.EntityNames(ctx, store.EntityNameQuery{Text: "srinagar", Types: []dossier.EntityType{dossier.GPE}})
	if len(got[0].Occurrences) != 2 {
		t.Errorf("occurrences: %+v", got[0].Occurrences)
	}
}

// BenchmarkEntityNames measures a search-box query over 500 documents of 20
// entities each, drawn from 400 names.
func BenchmarkEntityNames(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "b.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for i := range 500 {
		d := newDoc(fmt.Sprintf("report %d on the border", i), i)
		ex := dossier.NewExtraction(d, "v-test")
		for j := range 20 {
			k := (i*7 + j*13) % 400
			ex.Entities = append(ex.Entities, dossier.Entity{ID: fmt.Sprintf("e%d", j+1), Type: dossier.EntityTypes[k%len(dossier.EntityTypes)],
				Name: fmt.Sprintf("Name%03d Khan", k), Mentions: []dossier.Mention{{Start: 0, End: 6, Text: "report"}}})
		}
		if _, err := s.PutDocument(ctx, d, ex, store.Sketch{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		got, err := s.EntityNames(ctx, store.EntityNameQuery{Text: "name01", Limit: 12, PerName: 5})
		if err != nil || len(got) != 10 {
			b.Fatalf("%d names, %v", len(got), err)
		}
	}
}
