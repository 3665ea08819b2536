package server

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier"
)

// longArticle returns an article of about n sentences with an extraction
// as dense as the examples': three mentions a sentence, a quote every fifth
// sentence and a claim every third.
func longArticle(n int) (string, *dossier.Extraction) {
	var b strings.Builder
	ex := &dossier.Extraction{}
	names := []struct {
		typ  dossier.EntityType
		name string
	}{{dossier.Person, "Tariq Mir"}, {dossier.Org, "Kashmir Freedom Brigade"}, {dossier.GPE, "Poonch"}}
	ents := map[string]*dossier.Entity{}
	for i, nm := range names {
		id := fmt.Sprintf("e%d", i+1)
		ex.Entities = append(ex.Entities, dossier.Entity{ID: id, Type: nm.typ, Name: nm.name})
		ents[nm.name] = &ex.Entities[i]
	}
	for i := range n {
		start := b.Len()
		b.WriteString("Police said ")
		for j, nm := range names {
			at := b.Len()
			b.WriteString(nm.name)
			e := &ex.Entities[j]
			e.Mentions = append(e.Mentions, dossier.Mention{Start: at, End: b.Len(), Text: nm.name})
			b.WriteString(" met near the border, ")
		}
		b.WriteString("a spokesman said on Monday. ")
		end := b.Len()
		if i%5 == 0 {
			ex.Quotes = append(ex.Quotes, dossier.Quote{Start: start, End: end})
		}
		if i%3 == 0 {
			ex.Relations = append(ex.Relations, dossier.Relation{Type: "member_of", Subject: "e1", Object: "e2", Modality: dossier.Hedged,
				Evidence: dossier.Evidence{Start: start, End: end}})
		}
	}
	return b.String(), ex
}

func BenchmarkRuns(b *testing.B) {
	text, ex := longArticle(200) // about 20 KB, 600 mentions
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if rs := runs(text, ex); len(rs) == 0 {
			b.Fatal("no runs")
		}
	}
}
