package extract

import (
	"strings"

	"github.com/dossier-osint/dossier"
)

// orgNouns collects, for each organisation, the common nouns the text
// describes it with, so that "the charity" can stand for the charity and
// "the group" for the armed group when a story names both:
//
//   - an apposition: "Sahel Water Aid (SWA), a Canadian charity,";
//   - a noun before the name: "the aid agency Sahel Water Aid";
//   - a copula: "Katibat al-Rimal is an armed group";
//   - the last word of its name: "Sahel Water Aid" is an aid body.
func (v *view) orgNouns() map[int]map[string]bool {
	out := map[int]map[string]bool{}
	add := func(e int, w string) {
		if out[e] == nil {
			out[e] = map[string]bool{}
		}
		out[e][w] = true
	}
	toks := v.d.Tokens
	n := len(toks)
	for k := 0; k < n; k++ {
		e := v.tokEnt[k]
		if e < 0 || v.ents[e].Type != dossier.Org || k > 0 && v.tokEnt[k-1] == e {
			continue
		}
		end := k
		for end < n && v.tokEnt[end] == e {
			end++
		}
		add(e, strings.ToLower(lastWord(v.ents[e].Name)))
		// A noun just before: "the charity SWA", "the Canadian aid agency SWA".
		if j := k - 1; j >= 0 && strings.HasPrefix(toks[j].POS, "NN") && v.tokEnt[j] < 0 {
			add(e, strings.ToLower(toks[j].Lemma))
		}
		// After the name (and its bracketed acronym): an apposition or a copula.
		j := end
		if j+2 < n && toks[j].Text == "(" && toks[j+2].Text == ")" {
			j += 3
		}
		switch {
		case j+1 < n && toks[j].Text == ",":
			j++
		case j+1 < n && toks[j].Lemma == "be":
			j++
		default:
			continue
		}
		if w := strings.ToLower(toks[j].Text); w != "a" && w != "an" && w != "the" {
			continue
		}
		// The head: the last noun before the apposition ends.
		head := ""
		for i := j + 1; i < n && i <= j+6; i++ {
			t := toks[i]
			if t.Text == "," || t.Text == "." || t.Text == "(" || t.Lemma == "that" || t.Lemma == "which" || t.Lemma == "who" || t.POS == "IN" || v.tokEnt[i] >= 0 && v.ents[v.tokEnt[i]].Type != dossier.NORP {
				break
			}
			if strings.HasPrefix(t.POS, "NN") {
				head = strings.ToLower(t.Lemma)
			}
		}
		if head != "" {
			add(e, head)
		}
	}
	return out
}

// describedOrgBefore returns the organisation last named before token k
// (within 400 tokens) that the text describes with noun w ("the charity"),
// or -1.
func (v *view) describedOrgBefore(k int, w string, nouns map[int]map[string]bool) int {
	for j := k - 2; j >= 0 && j >= k-400; j-- {
		if e := v.tokEnt[j]; e >= 0 && nouns[e][w] && !v.outlets[e] {
			return e
		}
	}
	return -1
}

// calledOtherwise reports whether an organisation described with nouns
// was called another kind of body than w: "an armed group" is no charity.
func calledOtherwise(nouns map[string]bool, w string) bool {
	for n := range nouns {
		if n != w && (groupNouns[n] || n == "ministry" || n == "army" || n == "police" || n == "party" || n == "faction") {
			return true
		}
	}
	return false
}
