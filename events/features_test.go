package events

import (
	"strings"
	"testing"
	"time"

	"github.com/dossier-osint/dossier/nlp"
)

func TestBlameFeatures(t *testing.T) {
	d := nlp.Annotate("the prosecutor accused captain varela of ordering the bombing of the river bridge .", time.Time{})
	v := newDocView(d)
	var found bool
	for _, c := range candidates(d) {
		if phraseText(d, c.first, c.last) != "captain varela" {
			continue
		}
		found = true
		f := strings.Join(v.features(c), " ")
		for _, want := range []string{"bw=accuse|L", "bw=order|R", "bws=L", "bws=R"} {
			if !strings.Contains(" "+f+" ", " "+want+" ") {
				t.Errorf("features of %q lack %s: %s", "captain varela", want, f)
			}
		}
	}
	if !found {
		t.Fatal("no candidate captain varela")
	}
}
