package resolve

import (
	"slices"
	"testing"

	"github.com/dossier-osint/dossier/store"
)

// A batch writes each grown profile once, in its last state.
func TestLastUpdates(t *testing.T) {
	p := func(id int64, name string) store.EntityProfile {
		return store.EntityProfile{GlobalEntity: store.GlobalEntity{ID: id, Name: name}}
	}
	batch := []*store.Resolution{
		{Doc: "a", Updated: []store.EntityProfile{p(1, "Azhar"), p(2, "Jaish"), p(3, "Doha")}},
		{Doc: "b", Updated: []store.EntityProfile{p(2, "Jaish-e-Mohammed")}},
		{Doc: "c", Updated: []store.EntityProfile{p(1, "Masood Azhar"), p(4, "Kabul")}},
	}
	lastUpdates(batch)
	var got []string
	for _, r := range batch {
		for _, u := range r.Updated {
			got = append(got, r.Doc+":"+u.Name)
		}
	}
	want := []string{"a:Doha", "b:Jaish-e-Mohammed", "c:Masood Azhar", "c:Kabul"}
	if !slices.Equal(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}
