package dedup

import (
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/store"
)

const story = `SRINAGAR, April 22 (FNA) — Security forces on Wednesday widened the search for the gunmen who opened fire on tourists at a meadow near Anantnag, killing nine people, officials said.
The attack, the deadliest on civilians in the valley in years, was claimed hours later by a little-known front calling itself the Kashmir Freedom Brigade (KFB).
Investigators believe the front is a cover for the Lashkar-e-Qahhar (LeQ), a group based in Rawalakot across the Line of Control, two senior police officers said.
"We have identified three of the attackers from camera footage," Inspector General Anjali Mehra told reporters in Srinagar. "The hunt will continue until every one of them is caught."
The LeQ denied any role in a statement sent to news agencies, calling the accusation propaganda.`

// syndicated is story as another outlet ran it: a new headline, a changed
// word, and the last paragraph trimmed.
const syndicated = `Manhunt widens after Anantnag meadow attack

SRINAGAR, April 22 (FNA) — Security forces on Wednesday widened the search for the gunmen who opened fire on tourists at a meadow near Anantnag, killing nine people, officials said.
The attack, the deadliest on civilians in the region in years, was claimed hours later by a little-known front calling itself the Kashmir Freedom Brigade (KFB).
Investigators believe the front is a cover for the Lashkar-e-Qahhar (LeQ), a group based in Rawalakot across the Line of Control, two senior police officers said.
"We have identified three of the attackers from camera footage," Inspector General Anjali Mehra told reporters in Srinagar. "The hunt will continue until every one of them is caught."`

// other is a different report on the same events, sharing names but not
// sentences.
const other = `ISLAMABAD (Capital Wire) - Pakistan's foreign office on Thursday rejected what it called baseless allegations linking a group in Rawalakot to the killing of tourists near Anantnag, and called for an impartial inquiry.
A spokesperson said the Lashkar-e-Qahhar had been banned years ago and that its offices had been sealed. Indian officials have said the group operates under other names.`

func TestIDIgnoresWhitespaceOnly(t *testing.T) {
	a := ID("Nine killed   in attack.\n\nOfficials said.")
	b := ID("  Nine killed in attack.\nOfficials said.  ")
	if a != b {
		t.Fatalf("whitespace changed the ID: %s vs %s", a, b)
	}
	if c := ID("Nine killed in attack. Officials said!"); c == a {
		t.Fatal("a changed character kept the same ID")
	}
	if !strings.HasPrefix(a, "sha256:") || len(a) != len("sha256:")+64 {
		t.Fatalf("bad ID form %q", a)
	}
}

func TestSimilarity(t *testing.T) {
	s, syn, o := Sketch(story), Sketch(syndicated), Sketch(other)
	if got := Similarity(s.Signature, s.Signature); got != 1 {
		t.Fatalf("self similarity %v", got)
	}
	if got := Similarity(s.Signature, syn.Signature); got < Threshold {
		t.Errorf("syndicated copy similarity %.2f below threshold %.2f", got, Threshold)
	}
	if got := Similarity(s.Signature, o.Signature); got >= Threshold {
		t.Errorf("different report similarity %.2f at or above threshold", got)
	}
	if !sharesBand(s.Bands, syn.Bands) {
		t.Error("syndicated copy shares no LSH band: it would never be a candidate")
	}
	if len(s.Bands) != Bands || len(s.Signature) != Hashes {
		t.Fatalf("sketch sizes %d/%d", len(s.Signature), len(s.Bands))
	}
}

func TestClosest(t *testing.T) {
	s := Sketch(story)
	cands := []store.Candidate{
		{ID: "other", Cluster: "other", Signature: Sketch(other).Signature},
		{ID: "syn", Cluster: "c1", Signature: Sketch(syndicated).Signature},
	}
	best, sim, ok := Closest(s.Signature, cands)
	if !ok || best.ID != "syn" || sim < Threshold {
		t.Fatalf("Closest = %v %.2f %v, want syn", best.ID, sim, ok)
	}
	if _, _, ok := Closest(s.Signature, cands[:1]); ok {
		t.Fatal("a different report was taken as a near duplicate")
	}
}

func TestEmptySketch(t *testing.T) {
	if sk := Sketch(" \n—— "); len(sk.Signature) != 0 || len(sk.Bands) != 0 {
		t.Fatalf("text without words got a sketch: %+v", sk)
	}
	if Similarity(nil, nil) != 0 {
		t.Fatal("empty signatures must not be similar")
	}
}

func sharesBand(a, b []uint64) bool {
	set := map[uint64]bool{}
	for _, k := range a {
		set[k] = true
	}
	for _, k := range b {
		if set[k] {
			return true
		}
	}
	return false
}

func BenchmarkSketch(b *testing.B) {
	text := strings.Repeat(story+"\n", 8) // about 7 KB, a long article
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sketch(text)
	}
}
