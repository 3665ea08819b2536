package sqlite

import (
	"context"
	"testing"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/store"
)

func TestQuotes(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	// Two reports with richExtraction's quotes (one by e1 to e2, one
	// unattributed); only the first report is resolved.
	var docs []*dossier.Document
	for i, text := range []string{"Abdul Rauf Qasmi of Lashkar-e-Qahhar spoke.", "Qasmi of Lashkar-e-Qahhar spoke again."} {
		d := newDoc(text, i)
		if _, err := s.PutDocument(ctx, d, richExtraction(d), store.Sketch{}); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	r := &store.Resolution{Doc: docs[0].ID,
		New: []store.EntityProfile{{GlobalEntity: store.GlobalEntity{ID: 7, Type: dossier.Person, Name: "Abdul Rauf Qasmi"}, Keys: []string{"abdul rauf qasmi"}},
			{GlobalEntity: store.GlobalEntity{ID: 8, Type: dossier.Org, Name: "Lashkar-e-Qahhar"}, Keys: []string{"lashkar e qahhar"}}},
		Members: []store.Member{{Local: "e1", Key: "abdul rauf qasmi", Name: "Abdul Rauf Qasmi", Type: dossier.Person, Global: 7, Score: 1, Method: "new"},
			{Local: "e2", Key: "lashkar e qahhar", Name: "Lashkar-e-Qahhar", Type: dossier.Org, Global: 8, Score: 1, Method: "new"}},
	}
	if err := s.SaveResolution(ctx, r); err != nil {
		t.Fatal(err)
	}
	all, err := s.Quotes(ctx, store.QuoteQuery{})
	if err != nil || len(all) != 4 {
		t.Fatalf("all quotes: %d, %v", len(all), err)
	}
	// Newest ingested first, in text order within a document.
	if all[0].Doc != docs[1].ID || all[0].Text != "We did not do it" || all[1].Text != "unattributed" || all[2].Doc != docs[0].ID {
		t.Errorf("order: %+v", all)
	}
	q := all[2]
	if q.SpeakerName != "Abdul Rauf Qasmi" || q.SpeakerType != dossier.Person || q.SpeakerID != 7 || q.RecipientName != "Lashkar-e-Qahhar" ||
		q.RecipientID != 8 || q.Cue != "told" || q.Date == nil || q.Date.Value != "2026-04-23" || q.Title != "Report 0" || q.Published != "2026-04-21" {
		t.Errorf("resolved quote: %+v", q)
	}
	if u := all[0]; u.SpeakerName != "Abdul Rauf Qasmi" || u.SpeakerID != 0 {
		t.Errorf("a quote whose speaker is not resolved: %+v", u)
	}
	if u := all[1]; u.SpeakerName != "" || u.SpeakerID != 0 || u.RecipientName != "" {
		t.Errorf("an unattributed quote: %+v", u)
	}
	for _, tc := range []struct {
		name string
		q    store.QuoteQuery
		want int
	}{
		{"by E7", store.QuoteQuery{Speaker: 7}, 1},
		{"by E8", store.QuoteQuery{Speaker: 8}, 0},
		{"by E7 in the second report", store.QuoteQuery{Speaker: 7, Doc: docs[1].ID}, 0},
		{"in the second report", store.QuoteQuery{Doc: docs[1].ID}, 2},
		{"a page", store.QuoteQuery{Limit: 3, Offset: 2}, 2},
		{"past the end", store.QuoteQuery{Limit: 3, Offset: 9}, 0},
	} {
		got, err := s.Quotes(ctx, tc.q)
		if err != nil || len(got) != tc.want {
			t.Errorf("%s: %d quotes (%v), want %d", tc.name, len(got), err, tc.want)
		}
	}
}
