package extract

import (
	"testing"

	"github.com/dossier-osint/dossier"
)

func TestCompleteMentions(t *testing.T) {
	tests := []struct {
		name, text string
		want       map[string]dossier.EntityType // entity name -> type
		aliases    map[string]string             // alias -> entity name
	}{
		{"acronym defines a transliterated name",
			"Police blamed the Harkat-ul-Sadiq (HuS) for the blast. The HuS denied it.",
			map[string]dossier.EntityType{"Harkat-ul-Sadiq": dossier.Org}, map[string]string{"HuS": "Harkat-ul-Sadiq"}},
		{"acronym through a connector",
			"Troops fired across the Line of Control (LoC) on Monday.",
			map[string]dossier.EntityType{"Line of Control": ""}, map[string]string{"LoC": "Line of Control"}},
		{"organisation head word joins the run",
			"Money was raised by the Al-Noor Relief Trust in Karachi.",
			map[string]dossier.EntityType{"Al-Noor Relief Trust": dossier.Org}, nil},
		{"institute of",
			"Farzana Siddiqui of the Lahore Institute of Strategic Affairs said the case was thin.",
			map[string]dossier.EntityType{"Lahore Institute of Strategic Affairs": dossier.Org, "Farzana Siddiqui": dossier.Person}, nil},
		{"a French name after a modifier",
			"The group is based in Mali, according to the Bamako-based Centre d'Études Stratégiques du Sahel (CESS).",
			map[string]dossier.EntityType{"Centre d'Études Stratégiques du Sahel": dossier.Org}, map[string]string{"CESS": "Centre d'Études Stratégiques du Sahel"}},
		{"a given name that is also a town",
			"Interior Minister Hassan Bello visited Agadez on Monday.",
			map[string]dossier.EntityType{"Hassan Bello": dossier.Person}, nil},
		{"a province the recogniser took for a person",
			"Insurgents ambushed a convoy in Mozambique's northern Cabo Delgado province on Monday.",
			map[string]dossier.EntityType{"Cabo Delgado": dossier.GPE}, nil},
		{"a name joined by da",
			"Abdallah Likumbo, a former teacher from Mocímboa da Praia, leads the group.",
			map[string]dossier.EntityType{"Mocímboa da Praia": dossier.GPE}, nil},
		{"the place a governor governs",
			"Portugal's ambassador met the governor of Cabo Delgado, Armindo Nhantumbo-Sitoe, on Wednesday.",
			map[string]dossier.EntityType{"Cabo Delgado": dossier.GPE, "Armindo Nhantumbo-Sitoe": dossier.Person}, nil},
		{"a ministry of two portfolios",
			"The Ministry of the Interior and Decentralisation said a suspect had been arrested.",
			map[string]dossier.EntityType{"Ministry of the Interior and Decentralisation": dossier.Org}, nil},
		{"a group's name in French spelling",
			"The group is also known by its French spelling, Djama'at Souyouf al-Tawhid (JST).",
			map[string]dossier.EntityType{"Djama'at Souyouf al-Tawhid": dossier.Org}, map[string]string{"JST": "Djama'at Souyouf al-Tawhid"}},
		{"a diocese",
			"The Diocese of Fada N'Gourma said in a statement that the priest was a member of the order.",
			map[string]dossier.EntityType{"Diocese of Fada N'Gourma": dossier.Org}, nil},
		{"honorific makes a person",
			"The meeting was attended by Hafiz Abdul Wahid Qasmi and two aides.",
			map[string]dossier.EntityType{"Abdul Wahid Qasmi": dossier.Person}, nil},
		{"particle name",
			"Its spokesman Khaled al-Qaddoumi rejected the report.",
			map[string]dossier.EntityType{"Khaled al-Qaddoumi": dossier.Person}, nil},
		{"territory",
			"The group is based in Pakistan-administered Kashmir, officials said.",
			map[string]dossier.EntityType{"Pakistan-administered Kashmir": dossier.Loc}, nil},
		{"told an outlet",
			`"The name appears and disappears," Farzana Siddiqui told Capital Wire on Monday.`,
			map[string]dossier.EntityType{"Capital Wire": dossier.Org}, nil},
		{"a country the recogniser took for a person",
			"Gunmen abducted aid workers in northern Burkina Faso. Soldiers in Burkina Faso searched the area.",
			map[string]dossier.EntityType{"Burkina Faso": dossier.GPE}, nil},
		{"a place after south of",
			"The commander is Oumar Kanouté, a former imam from Boni who is believed to oversee the holding of hostages in the forests south of Gossi.",
			map[string]dossier.EntityType{"Gossi": dossier.GPE, "Oumar Kanouté": dossier.Person}, nil},
		{"an armed group's name ends like a person's",
			"Sawt al-Zilal, the outlet of the group, posted the video. Ansar al-Zilal said it held five people.",
			map[string]dossier.EntityType{"Ansar al-Zilal": dossier.Org}, nil},
		{"an organisation by the last word of its name",
			"Four staff of the Sahel Water Alliance were kidnapped. The Alliance said it had suspended its work.",
			map[string]dossier.EntityType{"Sahel Water Alliance": dossier.Org}, map[string]string{"Alliance": "Sahel Water Alliance"}},
		{"two places the recogniser took for a person",
			"The four were seized on the road between Gao and Menaka, a security official in Gao said.",
			map[string]dossier.EntityType{"Gao": dossier.GPE, "Menaka": dossier.GPE}, nil},
		{"told an agency",
			`"We will find them," Sunita Rao told FNA.`,
			map[string]dossier.EntityType{"FNA": dossier.Org}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ex := annotate(t, tt.text)
			byName := map[string]dossier.Entity{}
			for _, e := range ex.Entities {
				byName[e.Name] = e
			}
			for name, typ := range tt.want {
				e, ok := byName[name]
				if !ok {
					t.Errorf("no entity %q in %s", name, describeEntities(ex))
					continue
				}
				if typ != "" && e.Type != typ {
					t.Errorf("%q is %s, want %s", name, e.Type, typ)
				}
			}
			for alias, name := range tt.aliases {
				if !containsFold(byName[name].Aliases, alias) {
					t.Errorf("%q is not an alias of %q: %+v", alias, name, byName[name])
				}
			}
		})
	}
}

// TestPortfolioIsPartOfTheTitle checks that the word qualifying a title
// ("Interior" of "Interior Minister") is no organisation, while a country
// before a title stays one.
func TestPortfolioIsPartOfTheTitle(t *testing.T) {
	_, ex := annotate(t, "Interior Minister Hama Souley said the man had been a member of the group since 2020. US Attorney Katherine Doyle told reporters the case was strong.")
	for _, e := range ex.Entities {
		if e.Name == "Interior" {
			t.Errorf("%q is an entity (%s)", e.Name, e.Type)
		}
	}
	found := false
	for _, e := range ex.Entities {
		found = found || e.Name == "US"
	}
	if !found {
		t.Errorf("no entity US: %s", describeEntities(ex))
	}
}

// TestMentionsInCapitalsAreLeftAlone checks that text all in capitals,
// where case says nothing of names, keeps the recogniser's mentions.
func TestMentionsInCapitalsAreLeftAlone(t *testing.T) {
	d, _ := annotate(t, "POLICE SAID THE GUNMEN FLED TOWARDS THE FOREST NEAR THE VILLAGE ON TUESDAY.")
	for _, m := range d.Mentions {
		if m.Text == "THE" || m.Text == "POLICE SAID" {
			t.Errorf("a capitalised function word became a mention: %+v", m)
		}
	}
}

func TestCompounds(t *testing.T) {
	_, ex := annotate(t, "Officials in Bahawalpur said the Bahawalpur-based Jaish-e-Sadiqeen had not been consulted.")
	found := false
	for _, r := range ex.Relations {
		if r.Type == "based_in" && entityName(ex, r.Subject) == "Jaish-e-Sadiqeen" && entityName(ex, r.Object) == "Bahawalpur" {
			found = true
		}
	}
	if !found {
		t.Errorf("no based_in(Jaish-e-Sadiqeen, Bahawalpur): %s", describeRelations(ex))
	}
	_, ex = annotate(t, "The Sahel Liberation Front (SLF) denied it. Police blamed the SLF-linked Desert Brigade for the ambush.")
	found = false
	for _, r := range ex.Relations {
		if r.Type == "affiliated_with" && entityName(ex, r.Subject) == "Desert Brigade" && entityName(ex, r.Object) == "Sahel Liberation Front" {
			found = true
		}
	}
	if !found {
		t.Errorf("no affiliated_with(Desert Brigade, Sahel Liberation Front): %s", describeRelations(ex))
	}
}

// TestAcronymSkipsSmallWords checks that an acronym's expansion may hold
// small words that give it no letter ("Front for the Victory of the
// Believers (FVB)").
func TestAcronymSkipsSmallWords(t *testing.T) {
	_, ex := annotate(t, "The Front for the Victory of the Believers (FVB) claimed the attack.")
	for _, e := range ex.Entities {
		if e.Name == "Front for the Victory of the Believers" {
			return
		}
	}
	t.Errorf("no entity of the whole name: %+v", ex.Entities)
}
