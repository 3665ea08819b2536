package events_test

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dossier-osint/dossier/events"
	"github.com/dossier-osint/dossier/nlp"
)

// TestReranker trains a first stage on half of the invented reports, a
// reranker on its scores of the other half, and checks that the two find
// the roles of an unseen report, one filler per text and role.
func TestReranker(t *testing.T) {
	ctx := context.Background()
	docs := inventedDocs(40)
	opt := events.TrainOptions{Iterations: 6, MinCount: 1}
	first, err := events.Train(ctx, docs[:20], opt)
	if err != nil {
		t.Fatal(err)
	}
	var rds []events.RerankDoc
	for _, td := range docs[20:] {
		rds = append(rds, events.RerankDoc{TrainingDoc: td, Scored: first.Scored(td.Doc, events.ScoreFloor)})
	}
	roles := []string{events.Perpetrator, events.Target, events.Weapon}
	rr, err := events.TrainReranker(rds, roles, 0)
	if err != nil {
		t.Fatal(err)
	}
	again, err := events.TrainReranker(rds, roles, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rr, again) {
		t.Error("training the reranker twice gives different weights")
	}
	m, err := events.Train(ctx, docs, opt)
	if err != nil {
		t.Fatal(err)
	}
	m.Reranker = rr
	for _, r := range roles {
		m.Thresholds[r] = 0.5
	}
	text := "the lowland cell attacked the railway bridge with grenades on sunday , police said . " +
		"the chamber of commerce condemned the attack on the railway bridge . " +
		"witnesses said the lowland cell threw grenades at the guards ."
	d := nlp.Annotate(text, time.Time{})
	reranked := m.Rerank(d, m.Scored(d, events.ScoreFloor))
	seen := map[[2]string]bool{}
	for _, f := range reranked {
		k := [2]string{f.Role, strings.ToLower(f.Text)}
		if seen[k] {
			t.Errorf("Rerank gives %q the role %s twice", f.Text, f.Role)
		}
		seen[k] = true
		if f.Prob < 0 || f.Prob > 1 {
			t.Errorf("%q %s: probability %v", f.Text, f.Role, f.Prob)
		}
	}
	checkLowlandFillers(t, m, d)

	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := events.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m2.Reranker, m.Reranker) {
		t.Error("the reranker does not survive encoding")
	}

	// Without a reranker, Rerank changes nothing.
	m.Reranker = nil
	scored := m.Scored(d, events.ScoreFloor)
	if out := m.Rerank(d, scored); !reflect.DeepEqual(out, scored) {
		t.Error("Rerank without a reranker changed the fillers")
	}
}
