package ner

import (
	"reflect"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier/nlp/tag"
)

func lowHashes(s string) []uint64 {
	var out []uint64
	for _, w := range strings.Fields(s) {
		out = append(out, tag.HashLower(w))
	}
	return out
}

func TestPhraseGazMark(t *testing.T) {
	g := newPhraseGaz()
	g.add(strings.Fields("New York"), 2)           // LOC
	g.add(strings.Fields("New York Times"), 1)     // ORG
	g.add(strings.Fields("York"), 0)               // PER
	g.addNames([]string{"Port Selim"}, classPlace) // place
	code := func(v uint32, k int) uint32 { return v >> (3 * k) & 7 }
	tests := []struct {
		text string
		// want[i] lists class:code pairs of word i
		want []map[int]uint32
	}{
		{"the NEW YORK times said", []map[int]uint32{{}, {2: gazB, 1: gazB}, {2: gazL, 1: gazI, 0: gazU}, {1: gazL}, {}}},
		{"york", []map[int]uint32{{0: gazU}}},
		{"in port selim .", []map[int]uint32{{}, {classPlace: gazB}, {classPlace: gazL}, {}}},
		{"new", []map[int]uint32{{}}},
	}
	for _, tt := range tests {
		low := lowHashes(tt.text)
		out := make([]uint32, len(low))
		g.mark(low, out)
		for i, want := range tt.want {
			for k := 0; k < gazClasses; k++ {
				if got := code(out[i], k); got != want[k] {
					t.Errorf("%q word %d class %d: code %d, want %d", tt.text, i, k, got, want[k])
				}
			}
		}
	}
	// The entries survive the text form the model is saved in.
	var b strings.Builder
	if err := g.write(&b); err != nil {
		t.Fatal(err)
	}
	g2, err := readPhrases([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g.m, g2.m) || g.maxLen != g2.maxLen {
		t.Error("gazetteer changed through write and readPhrases")
	}
}

func TestDocInfoCaps(t *testing.T) {
	doc := [][]string{
		strings.Fields("TALKS IN KANDOR STALL"),
		strings.Fields("Talks in Kandor stalled on Monday , officials said ."),
		strings.Fields("Monday was calm in kandor ."),
	}
	var d docInfo
	d.reset(doc)
	tests := []struct {
		word string
		want uint8
	}{
		{"kandor", capsSeenUpper | capsSeenLower},
		{"monday", capsSeenUpper}, // sentence-initial use does not count
		{"officials", capsSeenLower},
		{"talks", 0}, // only sentence-initial and in an upper-case headline
		{"stall", 0},
	}
	for _, tt := range tests {
		if got := d.caps[tag.HashLower(tt.word)]; got != tt.want {
			t.Errorf("caps[%s] = %d, want %d", tt.word, got, tt.want)
		}
	}
}

func TestHistoryAndAggregateCodes(t *testing.T) {
	var d docInfo
	d.reset(nil)
	h := tag.HashLower("kandor")
	if _, _, ok := d.histCode(h); ok {
		t.Fatal("unseen word has a history")
	}
	d.record(h, 2) // LOC
	d.record(h, 2)
	d.record(h, -1) // O
	maj, share, ok := d.histCode(h)
	if !ok || maj != 3 || share != 2 {
		t.Errorf("histCode = %d, %d, %v; want 3 (LOC), 2 (mostly entity), true", maj, share, ok)
	}
	count(d.agg, h, 0) // PER once: its own label, left out
	if _, _, ok := d.aggCode(h, 0); ok {
		t.Error("aggCode counts the word's own first-pass label")
	}
	count(d.agg, h, 1)
	if maj, share, ok := d.aggCode(h, 0); !ok || maj != 2 || share != 3 {
		t.Errorf("aggCode = %d, %d, %v; want 2 (ORG), 3 (all entity), true", maj, share, ok)
	}
}

func TestTagDocument(t *testing.T) {
	m := Default()
	posM, chunkM := tag.DefaultPOS(), tag.DefaultChunker()
	doc := []string{
		"REBELS CLAIM ATTACK NEAR KANDOR",
		"",
		"Fighters of the Red Banner Front said on Tuesday they had attacked an army post near Kandor .",
		"Commander Ilyas Karimov told reporters in Varna that the Red Banner Front would fight on .",
	}
	var words, pos, chunks [][]string
	for _, s := range doc {
		w := strings.Fields(s)
		p := posM.Tag(w)
		words, pos, chunks = append(words, w), append(pos, p), append(chunks, chunkM.TagChunks(w, p))
	}
	got := m.TagDocument(words, pos, chunks)
	if len(got) != len(words) {
		t.Fatalf("%d sentences tagged, want %d", len(got), len(words))
	}
	for s := range words {
		if len(got[s]) != len(words[s]) {
			t.Fatalf("sentence %d: %d tags for %d words", s, len(got[s]), len(words[s]))
		}
		for i, tg := range got[s] {
			if i == 0 && strings.HasPrefix(tg, "I-") {
				t.Errorf("sentence %d starts with %s", s, tg)
			}
			if tg != "O" && !strings.HasPrefix(tg, "B-") && !strings.HasPrefix(tg, "I-") {
				t.Errorf("sentence %d: bad tag %q", s, tg)
			}
		}
	}
	ents := entities(words[3], got[3])
	for _, want := range []string{"PER:Ilyas Karimov", "ORG:Red Banner Front"} {
		found := false
		for _, e := range ents {
			found = found || e == want
		}
		if !found {
			t.Errorf("document sentence 4: entities %v, want %s among them", ents, want)
		}
	}
	// A one-sentence document is what Tag reads.
	for s := range words {
		one := m.TagDocument(words[s:s+1], pos[s:s+1], chunks[s:s+1])[0]
		if single := m.Tag(words[s], pos[s], chunks[s]); !reflect.DeepEqual(one, single) {
			t.Errorf("sentence %d: Tag %v, TagDocument of it alone %v", s, single, one)
		}
	}
}

func TestNameRuns(t *testing.T) {
	words := strings.Fields("Talks at the Bank of Tarvia and Lodge ended , said Ilsa Marrow .")
	var s sentence
	s.runs = true
	pos := make([]string, len(words))
	s.set(nil, nil, nil, words, pos, pos)
	type run struct {
		code, conn, length uint64
		first, last        string
	}
	want := map[int]run{
		0:  {gazU, 0, 1, "talks", "talks"},
		3:  {gazB, 8, 5, "bank", "lodge"},
		4:  {gazI, 8, 5, "bank", "lodge"}, // "of" joins two capitalised words
		5:  {gazI, 8, 5, "bank", "lodge"},
		6:  {gazI, 8, 5, "bank", "lodge"},
		7:  {gazL, 8, 5, "bank", "lodge"},
		11: {gazB, 0, 2, "ilsa", "marrow"},
		12: {gazL, 0, 2, "ilsa", "marrow"},
	}
	for i := range words {
		w, ok := want[i]
		if !ok {
			if s.runPos[i] != 0 {
				t.Errorf("word %d %q: run code %d, want none", i, words[i], s.runPos[i])
			}
			continue
		}
		if got := s.runPos[i]; got != w.code*16+w.conn+w.length {
			t.Errorf("word %d %q: run code %d, want %d", i, words[i], got, w.code*16+w.conn+w.length)
		}
		if s.runFirst[i] != tag.HashLower(w.first) || s.runLast[i] != tag.HashLower(w.last) {
			t.Errorf("word %d %q: wrong first or last word of its run", i, words[i])
		}
	}
	// Upper-case sentences have no runs: every word is capitalised.
	up := strings.Fields("TALKS AT THE BANK OF TARVIA ENDED")
	s.set(nil, nil, nil, up, pos[:len(up)], pos[:len(up)])
	for i, c := range s.runPos {
		if c != 0 {
			t.Errorf("upper-case word %d: run code %d, want none", i, c)
		}
	}
}

func TestDocNames(t *testing.T) {
	m := Default()
	class := map[string]int{}
	for c, name := range m.lin.Classes {
		class[name] = c
	}
	// Three sentences as the first pass labelled them: "Red Banner Front
	// said" (ORG), "Varna (LOC) and Varna (ORG)", "Varna and Red Banner
	// Front" (LOC, ORG).
	words := [][]string{
		strings.Fields("Red Banner Front said"),
		strings.Fields("Varna and Varna"),
		strings.Fields("Varna and Red Banner Front"),
	}
	first := [][]int{
		{class["B-ORG"], class["I-ORG"], class["L-ORG"], class["O"]},
		{class["U-LOC"], class["O"], class["U-ORG"]},
		{class["U-LOC"], class["O"], class["B-ORG"], class["I-ORG"], class["L-ORG"]},
	}
	var low []uint64
	var classes, lens []int
	for s, ws := range words {
		low = append(low, lowHashes(strings.Join(ws, " "))...)
		classes = append(classes, first[s]...)
		lens = append(lens, len(ws))
	}
	var d docNames
	d.build(m, low, classes, lens)
	code := func(v uint32, k int) uint32 { return v >> (5 * k) & 31 }
	const org, loc = 1, 2
	out := make([]uint32, 5)
	d.mark(m, lowHashes("Varna and Red Banner Front"), first[2], out)
	// Varna: LOC at one of its two other occurrences, ORG at the other.
	if code(out[0], loc) != gazU|shareMost<<3 || code(out[0], org) != gazU|shareMost<<3 {
		t.Errorf("Varna: LOC code %d, ORG code %d; want %d for both", code(out[0], loc), code(out[0], org), gazU|shareMost<<3)
	}
	// Red Banner Front: ORG at its only other occurrence.
	if code(out[2], org) != gazB|shareAll<<3 || code(out[3], org) != gazI|shareAll<<3 || code(out[4], org) != gazL|shareAll<<3 {
		t.Errorf("marks %v: want Red Banner Front ORG at every other occurrence", out)
	}
	if out[1] != 0 {
		t.Errorf("\"and\" marked as a name")
	}
	// In the second sentence, the first Varna's own LOC label does not
	// count: the other two occurrences are LOC once and ORG once.
	out = out[:3]
	d.mark(m, lowHashes("Varna and Varna"), first[1], out)
	if code(out[0], loc) != gazU|shareMost<<3 || code(out[0], org) != gazU|shareMost<<3 {
		t.Errorf("first Varna: LOC code %d, ORG code %d", code(out[0], loc), code(out[0], org))
	}
	// The second Varna (ORG) sees no other ORG: no ORG mark; LOC twice of two.
	if code(out[2], org) != 0 || code(out[2], loc) != gazU|shareAll<<3 {
		t.Errorf("second Varna: LOC code %d, ORG code %d; want %d and 0", code(out[2], loc), code(out[2], org), gazU|shareAll<<3)
	}
}
