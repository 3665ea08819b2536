package graph_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/dedup"
)

// synthCorpus generates documents with extractions carrying about claims
// claims (relations and event roles) among people, organisations and real
// places, with the spelling variants news uses (Qaddoumi/Kaddoumi,
// Mohammed/Muhammad), acronyms, and syndicated copies (one in ten
// documents joins the cluster of an earlier one). It is deterministic.
func synthCorpus(claims int, seed uint64) ([]*dossier.Document, []*dossier.Extraction) {
	r := rand.New(rand.NewPCG(seed, 7))
	people := make([]string, max(claims/8, 20))
	for i := range people {
		people[i] = synthName(r, i)
	}
	orgs := make([][2]string, max(claims/80, 5))
	for i := range orgs {
		orgs[i] = synthOrg(r, i)
	}
	places := []string{"Srinagar", "Anantnag", "Bahawalpur", "Muzaffarabad", "Rawalakot", "Islamabad", "Lahore", "Peshawar",
		"Quetta", "Karachi", "Kabul", "Jalalabad", "Doha", "Sopore", "Baramulla", "Kupwara", "Pahalgam", "Jammu", "Kathua", "Poonch"}
	preds := []string{"member_of", "leader_of", "affiliated_with", "supports", "based_in"}
	mods := []dossier.Modality{dossier.Asserted, dossier.Asserted, dossier.Reported, dossier.Hedged, dossier.Negated}
	kinds := []dossier.AttributionKind{dossier.Outlet, dossier.Named, dossier.Anonymous, dossier.Organisation}
	var docs []*dossier.Document
	var exs []*dossier.Extraction
	made := 0
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for n := 0; made < claims; n++ {
		// A community of people around one organisation, so the graph
		// has structure: people near each other co-occur.
		o := r.IntN(len(orgs))
		group := func() int { return (o*len(people)/len(orgs) + r.IntN(40)) % len(people) }
		var sb strings.Builder
		ex := &dossier.Extraction{Schema: dossier.Schema, Version: "synth"}
		add := func(t dossier.EntityType, name string, aliases ...string) string {
			id := fmt.Sprintf("e%d", len(ex.Entities)+1)
			start := sb.Len()
			sb.WriteString(name)
			sb.WriteString(" said something. ")
			ex.Entities = append(ex.Entities, dossier.Entity{ID: id, Type: t, Name: name, Aliases: aliases,
				Mentions: []dossier.Mention{{Start: start, End: start + len(name), Text: name}}})
			return id
		}
		orgName, acr := orgs[o][0], orgs[o][1]
		var org string
		if r.IntN(3) == 0 {
			org = add(dossier.Org, acr)
		} else {
			org = add(dossier.Org, orgName, acr)
		}
		place := add(dossier.GPE, places[r.IntN(len(places))])
		var persons []string
		for k := 2 + r.IntN(3); k > 0; k-- {
			persons = append(persons, add(dossier.Person, variant(r, people[group()])))
		}
		sentence := dossier.Evidence{Start: 0, End: sb.Len()}
		for _, p := range persons {
			a := fmt.Sprintf("a%d", len(ex.Attributions)+1)
			ex.Attributions = append(ex.Attributions, dossier.Attribution{ID: a, Kind: kinds[r.IntN(len(kinds))], Text: "officials said"})
			ex.Relations = append(ex.Relations, dossier.Relation{Type: preds[r.IntN(len(preds))], Subject: p, Object: org, Confidence: 0.8,
				Modality: mods[r.IntN(len(mods))], Attribution: a, Evidence: sentence})
			made++
		}
		ev := dossier.EventRecord{ID: "v1", Type: []string{"meeting", "attack", "arrest", "visit"}[r.IntN(4)], Place: place,
			Date: &dossier.Date{Value: base.AddDate(0, 0, r.IntN(700)).Format("2006-01-02")}, Modality: dossier.Asserted, Evidence: sentence}
		for _, p := range persons[:2] {
			ev.Roles = append(ev.Roles, dossier.Role{Role: "attendee", Entity: p})
			made++
		}
		ex.Events = []dossier.EventRecord{ev}
		text := fmt.Sprintf("Report %d. %s", n, sb.String())
		// Offsets above were written without the prefix: shift them.
		shift := len(text) - sb.Len()
		for i := range ex.Entities {
			ex.Entities[i].Mentions[0].Start += shift
			ex.Entities[i].Mentions[0].End += shift
		}
		doc := &dossier.Document{Text: text, Outlet: "Synth Wire", Published: base.AddDate(0, 0, n/40), Ingested: base.Add(time.Duration(n) * time.Second)}
		doc.ID = dedup.ID(text)
		doc.Cluster = doc.ID
		if n > 10 && r.IntN(10) == 0 {
			doc.Cluster = docs[r.IntN(len(docs))].Cluster
		}
		ex.Document = dossier.DocumentRef{ID: doc.ID}
		docs = append(docs, doc)
		exs = append(exs, ex)
	}
	return docs, exs
}

var (
	givenNames = []string{"Mohammed", "Abdul", "Imran", "Tariq", "Farooq", "Bilal", "Yusuf", "Hamza", "Arif", "Usman", "Khalid", "Zahid", "Nasir", "Rashid", "Qasim", "Sajjad"}
	syllables  = []string{"ka", "dou", "mi", "ra", "sh", "id", "wa", "ni", "ba", "ig", "qu", "ré", "sa", "li", "dh", "ar", "zu", "ho", "fi", "ta"}
)

// synthName makes the i-th person's name: a given name and a surname of
// three syllables (unique per i).
func synthName(r *rand.Rand, i int) string {
	s := syllables[i%20] + syllables[(i/20)%20] + syllables[(i/400)%20]
	if i >= 8000 {
		s += syllables[(i/8000)%20]
	}
	return givenNames[r.IntN(len(givenNames))] + " " + strings.ToUpper(s[:1]) + s[1:]
}

// synthOrg makes the i-th organisation's name and acronym (1,024 distinct).
func synthOrg(_ *rand.Rand, i int) [2]string {
	words := []string{"Jaish", "Lashkar", "Harkat", "Tehreek", "Ansar", "Fidayeen", "Sipah", "Markaz"}
	tails := []string{"Mohammed", "Taiba", "Islami", "Wadi", "Qahhar", "Azadi", "Nusrat", "Badr"}
	regions := []string{"Kashmir", "Punjab", "Sindh", "Hazara", "Doaba", "Chenab", "Ravi", "Jhelum",
		"Balochistan", "Gilgit", "Ladakh", "Neelum", "Uri", "Wular", "Zanskar", "Indus"}
	w, t, g := words[i%8], tails[(i/8)%8], regions[(i/64)%16]
	return [2]string{w + "-e-" + t + " " + g, string(w[0]) + "e" + string(t[0]) + string(g[0])}
}

// variant spells a name the way another outlet might.
func variant(r *rand.Rand, name string) string {
	switch r.IntN(6) {
	case 0:
		return strings.NewReplacer("ou", "u", "Mohammed", "Muhammad").Replace(name)
	case 1:
		return strings.NewReplacer("q", "k", "Mohammed", "Mohammad").Replace(name)
	}
	return name
}
