package extract

import (
	"reflect"
	"strings"
	"testing"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/nlp"
	"github.com/dossier-osint/dossier/nlp/text"
)

// docWith builds an nlp.Doc of s whose mentions are the given substrings
// with their types, as the recogniser would have tagged them. Each
// substring is the first occurrence not yet taken; "ISCB#2" is the second.
func docWith(t *testing.T, s string, ments ...any) *nlp.Doc {
	t.Helper()
	toks := text.Tokenize(s)
	d := &nlp.Doc{Text: s}
	for _, tk := range toks {
		d.Tokens = append(d.Tokens, nlp.Token{Token: tk})
	}
	for i := 0; i < len(ments); i += 2 {
		sub, typ := ments[i].(string), ments[i+1].(dossier.EntityType)
		nth := 1
		if base, n, ok := strings.Cut(sub, "#"); ok {
			sub, nth = base, int(n[0]-'0')
		}
		start := -1
		for k, from := 0, 0; k < nth; k++ {
			j := strings.Index(s[from:], sub)
			if j < 0 {
				start = -1
				break
			}
			start = from + j
			from = start + len(sub)
		}
		if start < 0 {
			t.Fatalf("%q not in text", sub)
		}
		end := start + len(sub)
		m := nlp.Mention{Span: dossier.Span{Start: start, End: end}, Type: typ, Text: sub, First: -1}
		for k, tk := range toks {
			if tk.Start == start {
				m.First = k
			}
			if tk.End == end {
				m.Last = k + 1
			}
		}
		if m.First < 0 || m.Last <= m.First {
			t.Fatalf("%q is not on token boundaries", sub)
		}
		d.Mentions = append(d.Mentions, m)
		s = s[:start] + strings.Repeat("\x00", len(sub)) + s[end:] // next search finds the next one
	}
	return d
}

func TestEntitiesGroupsMentions(t *testing.T) {
	text := "Inspector General Anjali Mehra said the Inter-Services Coordination Bureau (ISCB) had been warned. " +
		"Mehra told reporters that ISCB officers met Maulana Abdul Rauf Qasmi in Rawalakot. Qasmi denied it."
	d := docWith(t, text,
		"Anjali Mehra", dossier.Person,
		"Inter-Services Coordination Bureau", dossier.Org,
		"Mehra", dossier.Person,
		"ISCB#2", dossier.Misc, // the second ISCB: tagged with another type
		"Maulana Abdul Rauf Qasmi", dossier.Person,
		"Rawalakot", dossier.GPE,
		"Qasmi", dossier.Person,
	)
	got := Entities(d)
	type summary struct {
		Type    dossier.EntityType
		Name    string
		Aliases []string
		N       int
		Titles  []string
	}
	var sums []summary
	for _, e := range got {
		sums = append(sums, summary{e.Type, e.Name, e.Aliases, len(e.Mentions), e.Attributes["titles"]})
		for _, m := range e.Mentions {
			if text[m.Start:m.End] != m.Text {
				t.Errorf("mention %+v does not match the text", m)
			}
		}
	}
	want := []summary{
		{dossier.Person, "Anjali Mehra", []string{"Mehra"}, 2, []string{"Inspector General"}},
		{dossier.Org, "Inter-Services Coordination Bureau", []string{"ISCB"}, 3, nil},
		{dossier.Person, "Abdul Rauf Qasmi", []string{"Qasmi"}, 2, []string{"Maulana"}},
		{dossier.GPE, "Rawalakot", nil, 1, nil},
	}
	if !reflect.DeepEqual(sums, want) {
		t.Fatalf("entities:\n got %+v\nwant %+v", sums, want)
	}
	for i, e := range got {
		if e.ID != "e"+string(rune('1'+i)) {
			t.Errorf("entity %d has id %s", i, e.ID)
		}
	}
}

func TestSharedSurnameStaysApart(t *testing.T) {
	text := "Imran Wani and Tariq Wani were detained. Wani's lawyer said the charges were false."
	d := docWith(t, text,
		"Imran Wani", dossier.Person,
		"Tariq Wani", dossier.Person,
		"Wani", dossier.Person,
	)
	got := Entities(d)
	if len(got) != 3 {
		t.Fatalf("an ambiguous surname was merged into a full name: %+v", got)
	}
}

func TestAllTitleMentionIsDropped(t *testing.T) {
	d := docWith(t, "The Mufti spoke.", "Mufti", dossier.Person)
	if got := Entities(d); len(got) != 0 {
		t.Fatalf("a bare honorific became an entity: %+v", got)
	}
}

func TestCanonicalNameAvoidsCapitals(t *testing.T) {
	d := docWith(t, "SRINAGAR, April 22 — Police in Srinagar said.", "SRINAGAR", dossier.GPE, "Srinagar", dossier.GPE)
	got := Entities(d)
	if len(got) != 1 || got[0].Name != "Srinagar" || len(got[0].Aliases) != 1 || got[0].Aliases[0] != "SRINAGAR" {
		t.Fatalf("entities %+v, want Srinagar with alias SRINAGAR", got)
	}
}

func TestSpellingDriftIsOneEntity(t *testing.T) {
	_, ex := annotate(t, "The rally was held in Rawalakot on Sunday. Thousands gathered at a ground in the centre of Rawalkot to hear the cleric.")
	n := 0
	for _, e := range ex.Entities {
		if e.Name == "Rawalakot" || e.Name == "Rawalkot" {
			n++
			if len(e.Mentions) != 2 {
				t.Errorf("%s has %d mentions, want both spellings: %+v", e.Name, len(e.Mentions), e)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d entities for Rawalakot / Rawalkot, want 1: %s", n, describeEntities(ex))
	}
}
