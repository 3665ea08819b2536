package events

import (
	"strings"
	"testing"
	"time"

	"github.com/dossier-osint/dossier/nlp"
)

func TestBlameFeatures(t *testing.T) {
	d := nlp.Annotate("the judge accused colonel ramos of ordering the murder of the two priests .", time.Time{})
	v := newDocView(d)
	var found bool
	for _, c := range candidates(d) {
		if phraseText(d, c.first, c.last) != "colonel ramos" {
			continue
		}
		found = true
		f := strings.Join(v.features(c), " ")
		for _, want := range []string{"bw=accuse|L", "bw=order|R", "bws=L", "bws=R"} {
			if !strings.Contains(" "+f+" ", " "+want+" ") {
				t.Errorf("features of %q lack %s: %s", "colonel ramos", want, f)
			}
		}
	}
	if !found {
		t.Fatal("no candidate colonel ramos")
	}
}
