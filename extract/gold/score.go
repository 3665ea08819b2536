package gold

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/dossier-osint/dossier"
)

// Prediction is one predicted extraction and what identifies its document.
type Prediction struct {
	// Input is the input the document was read from ("examples/feed.xml#3");
	// its base name without a record suffix picks the gold file.
	Input string
	// Text is the document's text, for gold documents identified by the
	// first words of their text.
	Text       string
	Extraction *dossier.Extraction
}

var recordSuffix = regexp.MustCompile(`(#|:)[0-9]+$`)

// inputBase returns the base name of an input without its record suffix:
// "examples/feed.xml#3" → "feed.xml".
func inputBase(input string) string {
	return filepath.Base(recordSuffix.ReplaceAllString(input, ""))
}

// Score aligns the predictions with the documents of the gold files and
// scores every gold document. A prediction is aligned with a document of the
// gold file named for its input (or, when no file has that name, of any
// file) whose normalised title equals the prediction's title, or whose
// text_starts begins the prediction's text; each gold document is aligned at
// most once. A gold document with no prediction is scored as missed (all its
// items count against recall); a prediction with no gold document is listed
// in Report.Unaligned and not scored.
func Score(files []*File, preds []Prediction) *Report {
	type slot struct {
		file *File
		doc  *Document
		pred *Prediction
	}
	var slots []*slot
	byInput := map[string][]*slot{}
	for _, f := range files {
		for i := range f.Documents {
			s := &slot{file: f, doc: &f.Documents[i]}
			slots = append(slots, s)
			byInput[f.Input] = append(byInput[f.Input], s)
		}
	}
	r := &Report{}
	for i := range preds {
		p := &preds[i]
		cands := byInput[inputBase(p.Input)]
		if len(cands) == 0 {
			cands = slots
		}
		var hit *slot
		for _, s := range cands {
			if s.pred == nil && sameDocument(s.doc, p) {
				hit = s
				break
			}
		}
		if hit == nil {
			title := ""
			if p.Extraction != nil {
				title = p.Extraction.Document.Title
			}
			r.Unaligned = append(r.Unaligned, strings.TrimSpace(p.Input+" "+quoteTitle(title)))
			continue
		}
		hit.pred = p
	}
	for _, s := range slots {
		var x *dossier.Extraction
		if s.pred != nil {
			x = s.pred.Extraction
		}
		ds := ScoreDocument(s.doc, x)
		ds.Input = s.file.Input
		r.Documents = append(r.Documents, ds)
	}
	r.total()
	return r
}

func quoteTitle(t string) string {
	if t == "" {
		return ""
	}
	return "(" + t + ")"
}

// sameDocument reports whether prediction p is gold document d.
func sameDocument(d *Document, p *Prediction) bool {
	if p.Extraction == nil {
		return false
	}
	if d.Title != "" && Normalise(d.Title) == Normalise(p.Extraction.Document.Title) {
		return true
	}
	if d.TextStarts != "" {
		want := normaliseText(d.TextStarts)
		return want != "" && strings.HasPrefix(normaliseText(p.Text)+" ", want+" ")
	}
	return false
}

// scorable reports whether entities of type t are scored (MISC is not).
func scorable(t dossier.EntityType) bool { return contains(EntityTypes, t) }

// compatible reports whether a predicted entity of type p may match a gold
// entity of type g: the same type, or GPE and LOC either way.
func compatible(p, g dossier.EntityType) bool {
	if p == g {
		return true
	}
	place := func(t dossier.EntityType) bool { return t == dossier.GPE || t == dossier.Loc }
	return place(p) && place(g)
}

// entityIndex is the alignment of one document's predicted entities with
// its gold entities.
type entityIndex struct {
	gold      []Entity
	goldNames []map[string]bool
	byName    map[string]int // gold name (as written) → index
	// resolve maps a predicted entity id to the gold entity it stands for:
	// its one-to-one match, or, for an unmatched duplicate, the one gold
	// entity its names agree with.
	resolve map[string]int
	pred    map[string]*dossier.Entity
}

func namesOf(name string, aliases []string) map[string]bool {
	m := map[string]bool{}
	for _, n := range append([]string{name}, aliases...) {
		if k := Normalise(n); k != "" {
			m[k] = true
		}
	}
	return m
}

func intersects(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// matchEntities pairs predicted and gold entities one to one, best pairs
// first (the same canonical name before a name matching an alias, the same
// type before a compatible one), and counts the matches in s.
func matchEntities(g []Entity, pred []dossier.Entity, s *DocScore) *entityIndex {
	ix := &entityIndex{gold: g, byName: map[string]int{}, resolve: map[string]int{}, pred: map[string]*dossier.Entity{}}
	for i, e := range g {
		ix.goldNames = append(ix.goldNames, namesOf(e.Name, e.Aliases))
		ix.byName[e.Name] = i
		s.Entities.Gold++
		s.addType(string(e.Type), func(c *Counts) { c.Gold++ })
	}
	type pair struct{ p, g, score int }
	var pairs []pair
	predNames := make([]map[string]bool, len(pred))
	for pi := range pred {
		p := &pred[pi]
		ix.pred[p.ID] = p
		predNames[pi] = namesOf(p.Name, p.Aliases)
		if !scorable(p.Type) {
			continue
		}
		s.Entities.Predicted++
		s.addType(string(p.Type), func(c *Counts) { c.Predicted++ })
		for gi, e := range g {
			if !compatible(p.Type, e.Type) || !intersects(predNames[pi], ix.goldNames[gi]) {
				continue
			}
			pn, gn := Normalise(p.Name), Normalise(e.Name)
			score := 2
			switch {
			case pn == gn:
				score = 6
			case ix.goldNames[gi][pn] || predNames[pi][gn]:
				score = 4
			}
			if p.Type == e.Type {
				score++
			}
			pairs = append(pairs, pair{pi, gi, score})
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].score > pairs[b].score })
	usedP, usedG := map[int]bool{}, map[int]bool{}
	for _, pr := range pairs {
		if usedP[pr.p] || usedG[pr.g] {
			continue
		}
		usedP[pr.p], usedG[pr.g] = true, true
		ix.resolve[pred[pr.p].ID] = pr.g
		s.Entities.Recalled++
		s.Entities.Correct++
		s.addType(string(g[pr.g].Type), func(c *Counts) { c.Recalled++ })
		s.addType(string(pred[pr.p].Type), func(c *Counts) { c.Correct++ })
	}
	for gi, e := range g {
		if !usedG[gi] {
			s.Errors.MissedEntities = append(s.Errors.MissedEntities, string(e.Type)+" "+e.Name)
		}
	}
	for pi, p := range pred {
		if !usedP[pi] && scorable(p.Type) {
			s.Errors.SpuriousEntities = append(s.Errors.SpuriousEntities, string(p.Type)+" "+p.Name)
		}
	}
	// Unmatched predicted entities (duplicates, wrong types) still resolve
	// for relations, roles and quotes when their names point at one gold
	// entity only.
	for pi := range pred {
		if usedP[pi] {
			continue
		}
		hit := -1
		for gi := range g {
			if intersects(predNames[pi], ix.goldNames[gi]) {
				if hit >= 0 {
					hit = -2
					break
				}
				hit = gi
			}
		}
		if hit >= 0 {
			ix.resolve[pred[pi].ID] = hit
		}
	}
	return ix
}

// resolved returns the gold index predicted entity id stands for, or -1.
func (ix *entityIndex) resolved(id string) int {
	if i, ok := ix.resolve[id]; ok && id != "" {
		return i
	}
	return -1
}

// ScoreDocument scores one predicted extraction (nil when the document was
// not found) against one gold document.
func ScoreDocument(g *Document, x *dossier.Extraction) DocScore {
	s := DocScore{Document: g.Key(), Found: x != nil}
	if x == nil {
		x = &dossier.Extraction{}
	}
	ix := matchEntities(g.Entities, x.Entities, &s)
	kinds := map[string]dossier.AttributionKind{}
	for _, a := range x.Attributions {
		kinds[a.ID] = a.Kind
	}
	scoreRelations(g, x, ix, kinds, &s)
	scoreEvents(g, x, ix, kinds, &s)
	scoreQuotes(g, x, ix, &s)
	return s
}

// relKey identifies a relation by type and the entities it links: a gold
// index ("g3") where the entity resolves, else the predicted id ("pe7").
type relKey struct{ typ, subj, obj string }

func newRelKey(typ, subj, obj string) relKey {
	if SymmetricRelations[typ] && obj < subj {
		subj, obj = obj, subj
	}
	return relKey{typ, subj, obj}
}

func (ix *entityIndex) key(id string) string {
	if i := ix.resolved(id); i >= 0 {
		return "g" + itoa(i)
	}
	return "p" + id
}

func itoa(i int) string { return strconv.Itoa(i) }

// goldKey is the relation key of gold entity name.
func (ix *entityIndex) goldKey(name string) string {
	if i, ok := ix.byName[name]; ok {
		return "g" + itoa(i)
	}
	return "n" + name
}

// goldIndex returns the index of gold entity name, or -1.
func (ix *entityIndex) goldIndex(name string) int {
	if i, ok := ix.byName[name]; ok {
		return i
	}
	return -1
}

// scoreRelations counts relations: predicted relations are counted once
// per distinct (type, subject, object), the first in the text standing for
// the others when attribution and modality are checked.
func scoreRelations(g *Document, x *dossier.Extraction, ix *entityIndex, kinds map[string]dossier.AttributionKind, s *DocScore) {
	order := make([]int, len(x.Relations))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return x.Relations[order[a]].Evidence.Start < x.Relations[order[b]].Evidence.Start
	})
	first := map[relKey]*dossier.Relation{}
	var keys []relKey
	for _, i := range order {
		r := &x.Relations[i]
		k := newRelKey(r.Type, ix.key(r.Subject), ix.key(r.Object))
		if _, ok := first[k]; ok {
			continue
		}
		first[k] = r
		keys = append(keys, k)
		s.Relations.Predicted++
		s.addRelType(r.Type, func(c *Counts) { c.Predicted++ })
	}
	for _, gr := range g.Relations {
		s.Relations.Gold++
		s.addRelType(gr.Type, func(c *Counts) { c.Gold++ })
		k := newRelKey(gr.Type, ix.goldKey(gr.Subject), ix.goldKey(gr.Object))
		r, ok := first[k]
		if !ok {
			s.Errors.MissedRelations = append(s.Errors.MissedRelations, gr.Type+"("+gr.Subject+", "+gr.Object+")")
			continue
		}
		delete(first, k)
		s.Relations.Recalled++
		s.Relations.Correct++
		s.addRelType(gr.Type, func(c *Counts) { c.Recalled++; c.Correct++ })
		s.Attribution.add(kinds[r.Attribution] == gr.Attribution)
		s.confuse(fmt.Sprintf("attribution of relation: %s → %s", gr.Attribution, kindName(kinds[r.Attribution])), 1)
		if kinds[r.Attribution] != gr.Attribution {
			s.Errors.WrongAttributions = append(s.Errors.WrongAttributions,
				fmt.Sprintf("%s(%s, %s): %s → %s", gr.Type, gr.Subject, gr.Object, gr.Attribution, kinds[r.Attribution]))
		}
		s.Modality.add(r.Modality == gr.Modality)
	}
	for _, k := range keys {
		if r, ok := first[k]; ok {
			s.Errors.SpuriousRelations = append(s.Errors.SpuriousRelations,
				r.Type+"("+ix.describe(r.Subject)+", "+ix.describe(r.Object)+")")
		}
	}
}

// describe names predicted entity id for an error list: its gold name when
// it resolves, else its own name.
func (ix *entityIndex) describe(id string) string {
	if i := ix.resolved(id); i >= 0 {
		return ix.gold[i].Name
	}
	if e, ok := ix.pred[id]; ok {
		return e.Name + "?"
	}
	return id + "?"
}

// filler is one role filler of an event: a gold entity index or a
// predicted entity id, and/or a text.
type filler struct {
	role string
	gold int    // gold entity index, -1 if none
	pred string // predicted entity id
	text string
}

func goldFillers(v *Event, ix *entityIndex) []filler {
	var fs []filler
	hasPlace := false
	for _, r := range v.Roles {
		f := filler{role: r.Role, gold: -1, text: r.Text}
		if r.Name != "" {
			f.gold = ix.goldIndex(r.Name)
		}
		if r.Role == "place" && r.Name == v.Place {
			hasPlace = true
		}
		fs = append(fs, f)
	}
	if v.Place != "" && !hasPlace {
		fs = append(fs, filler{role: "place", gold: ix.goldIndex(v.Place)})
	}
	return fs
}

func predFillers(v *dossier.EventRecord) []filler {
	var fs []filler
	hasPlace := false
	for _, r := range v.Roles {
		fs = append(fs, filler{role: r.Role, gold: -1, pred: r.Entity, text: r.Text})
		if r.Role == "place" && r.Entity != "" && r.Entity == v.Place {
			hasPlace = true
		}
	}
	if v.Place != "" && !hasPlace {
		fs = append(fs, filler{role: "place", gold: -1, pred: v.Place})
	}
	return fs
}

// fillerMatch reports whether predicted filler p fills gold filler g: the
// same role, and the predicted entity resolves to the gold one, or the
// texts (entity names where there is no text) contain one another.
func fillerMatch(g, p filler, ix *entityIndex) bool {
	if g.role != p.role {
		return false
	}
	if g.gold >= 0 && p.pred != "" && ix.resolved(p.pred) == g.gold {
		return true
	}
	ptext := p.text
	if e, ok := ix.pred[p.pred]; ok && ptext == "" {
		ptext = e.Name
	}
	if ptext == "" {
		return false
	}
	if g.gold >= 0 {
		return ix.goldNames[g.gold][Normalise(ptext)]
	}
	a, b := " "+normaliseText(g.text)+" ", " "+normaliseText(ptext)+" "
	return strings.TrimSpace(b) != "" && (strings.Contains(a, b) || strings.Contains(b, a))
}

// matchFillers returns how many predicted fillers fill gold ones, each used
// once.
func matchFillers(gs, ps []filler, ix *entityIndex) int {
	used := make([]bool, len(ps))
	n := 0
	for _, g := range gs {
		for j, p := range ps {
			if !used[j] && fillerMatch(g, p, ix) {
				used[j] = true
				n++
				break
			}
		}
	}
	return n
}

// scoreEvents pairs gold and predicted events of the same type, the pairs
// that share most role fillers (and the date) first; role fillers count over
// all events, matched or not.
func scoreEvents(g *Document, x *dossier.Extraction, ix *entityIndex, kinds map[string]dossier.AttributionKind, s *DocScore) {
	gf := make([][]filler, len(g.Events))
	for i := range g.Events {
		gf[i] = goldFillers(&g.Events[i], ix)
		s.Events.Gold++
		s.addEventType(g.Events[i].Type, func(c *Counts) { c.Gold++ })
		s.Roles.Gold += len(gf[i])
	}
	pf := make([][]filler, len(x.Events))
	for i := range x.Events {
		pf[i] = predFillers(&x.Events[i])
		s.Events.Predicted++
		s.addEventType(x.Events[i].Type, func(c *Counts) { c.Predicted++ })
		s.Roles.Predicted += len(pf[i])
	}
	type pair struct{ g, p, shared, score int }
	var pairs []pair
	for gi := range g.Events {
		for pi := range x.Events {
			if g.Events[gi].Type != x.Events[pi].Type {
				continue
			}
			shared := matchFillers(gf[gi], pf[pi], ix)
			score := 2 * shared
			if d := x.Events[pi].Date; d != nil && g.Events[gi].Date != "" && d.Value == g.Events[gi].Date {
				score++
			}
			pairs = append(pairs, pair{gi, pi, shared, score})
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].score > pairs[b].score })
	usedG, usedP := map[int]bool{}, map[int]bool{}
	for _, pr := range pairs {
		if usedG[pr.g] || usedP[pr.p] {
			continue
		}
		usedG[pr.g], usedP[pr.p] = true, true
		gv, pv := &g.Events[pr.g], &x.Events[pr.p]
		s.Events.Recalled++
		s.Events.Correct++
		s.addEventType(gv.Type, func(c *Counts) { c.Recalled++; c.Correct++ })
		s.Roles.Recalled += pr.shared
		s.Roles.Correct += pr.shared
		s.Attribution.add(kinds[pv.Attribution] == gv.Attribution)
		s.confuse(fmt.Sprintf("attribution of event: %s → %s", gv.Attribution, kindName(kinds[pv.Attribution])), 1)
		if kinds[pv.Attribution] != gv.Attribution {
			s.Errors.WrongAttributions = append(s.Errors.WrongAttributions,
				fmt.Sprintf("event %s %q: %s → %s", gv.Type, pv.Trigger.Text, gv.Attribution, kinds[pv.Attribution]))
		}
		s.Modality.add(pv.Modality == gv.Modality)
		if gv.Date != "" {
			s.Dates.add(pv.Date != nil && pv.Date.Value == gv.Date)
		}
	}
}

// kindName names an attribution kind, "none" for no attribution.
func kindName(k dossier.AttributionKind) string {
	if k == "" {
		return "none"
	}
	return string(k)
}

// speakerConfusion names a checked speaker by kind: the gold speaker's
// entity type (or none) and whether the prediction is right, none, another
// gold entity (by type) or an entity the gold does not list.
func speakerConfusion(want, got string, right bool, g *Document, x *dossier.Extraction, ix *entityIndex) string {
	w := "none"
	if i := ix.goldIndex(want); i >= 0 {
		w = string(g.Entities[i].Type)
	}
	p := "right"
	switch {
	case right:
	case got == "":
		p = "none"
	case ix.resolved(got) >= 0:
		p = "other " + string(g.Entities[ix.resolved(got)].Type)
	default:
		p = "unlisted"
		for _, e := range x.Entities {
			if e.ID == got {
				p = "unlisted " + string(e.Type)
			}
		}
	}
	return "speaker: " + w + " → " + p
}

// quoteFound reports whether predicted quote text p is the quote that gold
// opening g begins: p contains g, or p is at least three words and g begins
// with it.
func quoteFound(g, p string) bool {
	g, p = normaliseText(g), normaliseText(p)
	if g == "" || p == "" {
		return false
	}
	if strings.Contains(" "+p+" ", " "+g+" ") {
		return true
	}
	return len(strings.Fields(p)) >= 3 && strings.HasPrefix(g+" ", p+" ")
}

// scoreQuotes finds each gold quote among the predicted ones (each used
// once) and checks the speaker and recipient of those found.
func scoreQuotes(g *Document, x *dossier.Extraction, ix *entityIndex, s *DocScore) {
	s.Quotes.Gold = len(g.Quotes)
	s.Quotes.Predicted = len(x.Quotes)
	used := make([]bool, len(x.Quotes))
	for _, gq := range g.Quotes {
		found := false
		for j := range x.Quotes {
			pq := &x.Quotes[j]
			if used[j] || !quoteFound(gq.StartsWith, pq.Text) {
				continue
			}
			used[j] = true
			s.Quotes.Recalled++
			s.Quotes.Correct++
			right := pq.Speaker == ""
			if gq.Speaker != "" {
				right = ix.resolved(pq.Speaker) >= 0 && ix.resolved(pq.Speaker) == ix.goldIndex(gq.Speaker)
			}
			s.Speakers.add(right)
			s.confuse(speakerConfusion(gq.Speaker, pq.Speaker, right, g, x, ix), 1)
			if !right {
				got := "none"
				if pq.Speaker != "" {
					got = ix.describe(pq.Speaker)
				}
				want := gq.Speaker
				if want == "" {
					want = "none"
				}
				s.Errors.WrongSpeakers = append(s.Errors.WrongSpeakers, fmt.Sprintf("%q: %s → %s", gq.StartsWith, want, got))
			}
			if gq.Recipient != "" {
				s.Recipients.add(ix.resolved(pq.Recipient) >= 0 && ix.resolved(pq.Recipient) == ix.goldIndex(gq.Recipient))
			}
			found = true
			break
		}
		if !found {
			s.Errors.MissedQuotes = append(s.Errors.MissedQuotes, gq.StartsWith)
		}
	}
}

// ForInputs returns the gold files whose input is among the inputs of
// preds, so that scoring one article does not count every other gold
// document as missed. When none is, it returns all files (the predictions
// are then aligned by title or text alone).
func ForInputs(files []*File, preds []Prediction) []*File {
	read := map[string]bool{}
	for _, p := range preds {
		read[inputBase(p.Input)] = true
	}
	var out []*File
	for _, f := range files {
		if read[f.Input] {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return files
	}
	return out
}
