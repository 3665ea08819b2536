package extract

import (
	"strings"
	"testing"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/rules"
)

// TestRuleExamples runs every example of every shipped rule through the
// whole extraction and checks its expected claims, so that a rule cannot
// silently rot when the language layer or another rule changes.
func TestRuleExamples(t *testing.T) {
	rs, err := defaultRules()
	if err != nil {
		t.Fatalf("shipped rules: %v", err)
	}
	for _, r := range rs.Rules {
		if len(r.Examples) == 0 {
			t.Errorf("%s:%d: rule %s has no examples: every shipped rule needs at least one", r.File, r.Line, r.Name)
		}
		for _, ex := range r.Examples {
			t.Run(r.Name, func(t *testing.T) {
				_, got := annotate(t, ex.Text)
				for _, c := range ex.Claims {
					found := hasClaim(got, c)
					if found == c.Negated {
						t.Errorf("%s:%d: %q: claim %s: found=%v\n relations: %s\n entities: %s",
							r.File, ex.Line, ex.Text, c, found, describeRelations(got), describeEntities(got))
					}
				}
			})
		}
	}
}

// hasClaim reports whether the extraction holds a relation matching c.
func hasClaim(ex *dossier.Extraction, c rules.Claim) bool {
	for _, r := range ex.Relations {
		if len(c.Args) != 2 {
			continue
		}
		if r.Type == c.Type && namesEntity(ex, r.Subject, c.Args[0]) && namesEntity(ex, r.Object, c.Args[1]) {
			return true
		}
	}
	return false
}

// namesEntity reports whether name (or the wildcard) names entity id.
func namesEntity(ex *dossier.Extraction, id, name string) bool {
	if name == rules.Wildcard {
		return true
	}
	for _, e := range ex.Entities {
		if e.ID != id {
			continue
		}
		if strings.EqualFold(e.Name, name) || containsFold(e.Aliases, name) {
			return true
		}
		for _, m := range e.Mentions {
			if strings.EqualFold(m.Text, name) {
				return true
			}
		}
	}
	return false
}

func describeRelations(ex *dossier.Extraction) string {
	var b strings.Builder
	for _, r := range ex.Relations {
		b.WriteString(r.Type + "(" + entityName(ex, r.Subject) + ", " + entityName(ex, r.Object) + ") [" + r.Rule + "]; ")
	}
	return b.String()
}

func describeEntities(ex *dossier.Extraction) string {
	var b strings.Builder
	for _, e := range ex.Entities {
		b.WriteString(string(e.Type) + ":" + e.Name + "; ")
	}
	return b.String()
}
