package gazetteer

import (
	"strings"
	"testing"
)

func TestTitle(t *testing.T) {
	tests := []struct {
		word, name, class, relation string
	}{
		{"Mufti", "Mufti", TitleHonorific, ""},
		{"mufti", "Mufti", TitleHonorific, ""},
		{"Sheikh", "Sheikh", TitleHonorific, ""},
		{"Shaikh", "Sheikh", TitleHonorific, ""},
		{"Moulana", "Maulana", TitleHonorific, ""},
		{"Dr.", "Dr", TitleHonorific, ""},
		{"Smt.", "Smt", TitleHonorific, ""},
		{"Gen.", "General", TitleRank, ""},
		{"Gen", "General", TitleRank, ""},
		{"Lt Gen", "Lieutenant General", TitleRank, ""},
		{"Lt. Gen.", "Lieutenant General", TitleRank, ""},
		{"Lt-Gen", "Lieutenant General", TitleRank, ""},
		{"Brig.", "Brigadier", TitleRank, ""},
		{"Lt Col", "Lieutenant Colonel", TitleRank, ""},
		{"DIG", "Deputy Inspector General", TitleRank, ""},
		{"IGP", "Inspector General", TitleRank, ""},
		{"SSP", "Senior Superintendent of Police", TitleRank, ""},
		{"S.S.P.", "Senior Superintendent of Police", TitleRank, ""},
		{"SP", "Superintendent of Police", TitleRank, ""},
		{"DSP", "Deputy Superintendent of Police", TitleRank, ""},
		{"Constable", "Constable", TitleRank, ""},
		{"spokesperson", "Spokesperson", TitleRole, "spokesperson_of"},
		{"spokesman", "Spokesperson", TitleRole, "spokesperson_of"},
		{"Spokesmen", "Spokesperson", TitleRole, "spokesperson_of"},
		{"chief", "Chief", TitleRole, "leader_of"},
		{"leaders", "Leader", TitleRole, "leader_of"},
		{"commanders", "Commander", TitleRole, "role_of"},
		{"co-founder", "Founder", TitleRole, "founder_of"},
		{"founder", "Founder", TitleRole, "founder_of"},
		{"envoy", "Ambassador", TitleRole, "ambassador_of"},
		{"High Commissioner", "Ambassador", TitleRole, "ambassador_of"},
		{"operative", "Operative", TitleRole, "member_of"},
		{"Amir", "Emir", TitleRole, "leader_of"},
		{"foreign minister", "Foreign Minister", TitleRole, "role_of"},
		{"Prime Minister", "Prime Minister", TitleRole, "leader_of"},
		{"chief minister", "Chief Minister", TitleRole, "role_of"},
		{"director-general", "Director General", TitleRole, "role_of"},
		{"deputy chief", "Deputy Chief", TitleRole, "role_of"},
		{"financier", "Financier", TitleRole, "supports"},
		{"ideologue", "Ideologue", TitleRole, "member_of"},
		{"cleric", "Cleric", TitleRole, "role_of"},
	}
	for _, tt := range tests {
		ti, ok := Title(tt.word)
		if !ok || ti.Name != tt.name || ti.Class != tt.class || ti.Relation != tt.relation {
			t.Errorf("Title(%q) = %+v, %v; want %s %s %s", tt.word, ti, ok, tt.name, tt.class, tt.relation)
		}
	}
}

func TestTitleMisses(t *testing.T) {
	// Acronyms match only in capitals: "sp" and "si" are not ranks; an
	// ordinary word is no title, and the plural rule is for roles only.
	for _, w := range []string{"sp", "dig", "ssp", "si", "", "Srinagar", "the", "Generals", "muftis", "s"} {
		if ti, ok := Title(w); ok {
			t.Errorf("Title(%q) = %s; want no title", w, ti.Name)
		}
	}
}

func TestTitlesTable(t *testing.T) {
	all := Titles()
	classes := map[string]int{}
	for _, ti := range all {
		classes[ti.Class]++
		// Every title is found by its own name and each of its forms.
		for _, f := range append([]string{ti.Name}, ti.Forms...) {
			got, ok := Title(f)
			if !ok || got.Name != ti.Name {
				t.Errorf("Title(%q) = %s, %v; want %s", f, got.Name, ok, ti.Name)
			}
		}
	}
	if classes[TitleHonorific] < 30 || classes[TitleRank] < 40 || classes[TitleRole] < 30 {
		t.Errorf("titles by class = %v; the table looks truncated", classes)
	}
	if n := MaxTitleWords(); n < 5 || n > 8 {
		t.Errorf("MaxTitleWords() = %d", n)
	}
	all[0].Forms = append(all[0].Forms, "changed")
	if strings.Contains(strings.Join(Titles()[0].Forms, ","), "changed") {
		t.Error("Titles returns shared slices")
	}
}
