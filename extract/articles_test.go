package extract

import (
	"os"
	"testing"
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/nlp"
)

// TestArticles runs whole articles written for the project about other
// regions than examples/ (testdata/*.txt, fictional) and checks the claims
// a reader would expect from them, so that rules tuned on one story keep
// working on others.
func TestArticles(t *testing.T) {
	tests := []struct {
		file      string
		relations []string // type(subject, object)
		speakers  []string // quote speakers, in order ("" for unnamed)
	}{
		{"testdata/mozambique-port-bombing.txt",
			[]string{
				"role_of(Joaquim Mabunda, Northern Resistance Movement)",
				"leader_of(Alberto Chissano, Northern Resistance Movement)",
				"spokesperson_of(Felisberto Cossa, Northern Resistance Movement)",
				"founder_of(Alberto Chissano, Northern Resistance Movement)",
				"sibling_of(Tomas Mabunda, Joaquim Mabunda)",
				"ambassador_of(Helena Vaz, Portugal)",
			},
			[]string{"Tomas Mabunda"}},
		{"testdata/colombia-car-bomb.txt",
			[]string{
				"role_of(Hernan Rojas Quintero, Frente Andino de Liberacion)",
				"family_of(Hernan Rojas Quintero, Gustavo Quintero)",
				"founder_of(Gustavo Quintero, Frente Andino de Liberacion)",
				"spokesperson_of(Andres Pineda, Frente Andino de Liberacion)",
			},
			[]string{"Andres Pineda", "Laura Restrepo"}},
		{"testdata/jammu-grenade-attack.txt",
			[]string{
				"leader_of(Yusuf Rather, Hizb-ul-Fateh)",
				"founder_of(Ghulam Nabi Parray, Hizb-ul-Fateh)",
				"leader_of(Rakesh Sharma, Jammu Police)",
			},
			[]string{"", "Ghulam Nabi Parray"}},
		{"testdata/mali-ambush.txt",
			nil,
			[]string{"Souleymane Dembele", "Souleymane Dembele", "Moussa Coulibaly", "", "", "Amadou Diallo", "Aminata Toure"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			pub := time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
			text := string(b)
			d := nlp.Annotate(text, pub)
			CompleteMentions(d)
			doc := &dossier.Document{Text: text, Agency: "Reuters", Published: pub}
			ex := dossier.NewExtraction(doc, "test")
			ex.Entities = Entities(d)
			Claims(d, doc, ex, nil)
			got := map[string]bool{}
			for _, r := range ex.Relations {
				got[r.Type+"("+entityName(ex, r.Subject)+", "+entityName(ex, r.Object)+")"] = true
			}
			for _, want := range tt.relations {
				if !got[want] {
					t.Errorf("missing %s; have %s", want, describeRelations(ex))
				}
			}
			if len(ex.Quotes) != len(tt.speakers) {
				t.Fatalf("%d quotes, want %d: %+v", len(ex.Quotes), len(tt.speakers), ex.Quotes)
			}
			for i, q := range ex.Quotes {
				if got := entityName(ex, q.Speaker); got != tt.speakers[i] {
					t.Errorf("quote %d %q: speaker %q, want %q", i, q.Text, got, tt.speakers[i])
				}
			}
		})
	}
}
