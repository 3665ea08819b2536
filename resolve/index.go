package resolve

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/store"
)

// Options tune the resolver.
type Options struct {
	// Merge is the score at or above which a local entity joins a global
	// one (default 0.85).
	Merge float64
	// Candidate is the score at or above which a pair is kept as "possible
	// same as" (default 0.6).
	Candidate float64
	// MaxBlock bounds the entities one blocking key may bring as
	// candidates: a key shared by more (a very common surname) is too
	// weak to compare on, and comparing all of them would make the run
	// quadratic (default 400).
	MaxBlock int
	// MaxContext bounds the context keys kept per global entity (300).
	MaxContext int
}

func (o Options) withDefaults() Options {
	if o.Merge == 0 {
		o.Merge = 0.85
	}
	if o.Candidate == 0 {
		o.Candidate = 0.6
	}
	if o.MaxBlock == 0 {
		o.MaxBlock = 400
	}
	if o.MaxContext == 0 {
		o.MaxContext = 300
	}
	return o
}

// Local is a document-local entity to resolve, with what its document says
// around it.
type Local struct {
	Doc    string
	Entity dossier.Entity
	// Context holds the folded names of the other entities of its
	// document.
	Context []string
	// Countries are the ISO codes of the countries its document names,
	// to choose between places of one name.
	Countries []string
}

// entry is a global entity in the index, with its comparison sets.
type entry struct {
	p       store.EntityProfile
	names   []Name
	folded  map[string]bool
	titles  map[string]bool
	context map[string]bool
	anchors []store.MemberRef
	geo     string // gazetteer key of a resolved place
	dirty   bool
	isNew   bool
}

// placeKey caches gazetteer look-ups by name and document countries.
type placeKey struct{ name, countries string }

// Index holds the global entities and their blocking keys.
type Index struct {
	opt    Options
	ents   []*entry
	byID   map[int64]int
	blocks map[string][]int
	// cannot maps a member ref to the refs it must not share an entity
	// with (not-same and split decisions).
	cannot map[store.MemberRef][]store.MemberRef
	// nextID is the id the next new global entity gets.
	nextID int64
	// dirty lists the positions of entries whose profile changed since
	// the last Document.
	dirty []int
	// places caches PlaceOf.
	places map[placeKey]*Geo
	// inDoc maps the position of each global entity that a local entity
	// of the document being resolved has joined to the names of those
	// local entities (see sameDocument).
	inDoc map[int][]Name
	// parsed caches ParseName: a corpus names the same people over and
	// over, and each name was parsed half a dozen times per mention.
	parsed map[string]Name
}

// maxParsed bounds the parse cache; past it the cache starts again.
const maxParsed = 1 << 20

// parse is ParseName through the index's cache. The Name it returns shares
// its slices with the cache: callers must not modify them.
func (ix *Index) parse(raw string) Name {
	if n, ok := ix.parsed[raw]; ok {
		return n
	}
	n := ParseName(raw)
	if ix.parsed == nil || len(ix.parsed) >= maxParsed {
		ix.parsed = map[string]Name{}
	}
	ix.parsed[raw] = n
	return n
}

// NewIndex builds an index over the stored global entities and the active
// decisions.
func NewIndex(profiles []store.EntityProfile, decisions []store.Decision, opt Options) *Index {
	ix := &Index{opt: opt.withDefaults(), byID: map[int64]int{}, blocks: map[string][]int{}, cannot: map[store.MemberRef][]store.MemberRef{},
		nextID: 1, places: map[placeKey]*Geo{}}
	for _, p := range profiles {
		ix.add(p, false)
		ix.nextID = max(ix.nextID, p.ID+1)
	}
	for _, d := range decisions {
		if !d.Active() || d.Kind == store.DecisionMerge {
			continue
		}
		ix.cannot[d.A] = append(ix.cannot[d.A], d.B)
		ix.cannot[d.B] = append(ix.cannot[d.B], d.A)
	}
	return ix
}

// Len returns the number of global entities indexed.
func (ix *Index) Len() int { return len(ix.ents) }

// add indexes a profile and returns its position.
func (ix *Index) add(p store.EntityProfile, isNew bool) int {
	e := &entry{p: p, folded: map[string]bool{}, titles: map[string]bool{}, context: map[string]bool{}, anchors: p.Anchors, isNew: isNew}
	i := len(ix.ents)
	ix.ents = append(ix.ents, e)
	if p.ID != 0 {
		ix.byID[p.ID] = i
	}
	for _, t := range p.Attributes["titles"] {
		e.titles[titleKey(t)] = true
	}
	for _, c := range p.Context {
		e.context[c] = true
	}
	if g := p.Attributes["geo"]; len(g) > 0 {
		e.geo = g[0]
		ix.block("g:"+e.geo, i)
	}
	ix.addName(i, p.Name)
	for _, a := range p.Aliases {
		ix.addName(i, a)
	}
	return i
}

// addName indexes one more name of entry i.
func (ix *Index) addName(i int, raw string) {
	e := ix.ents[i]
	n := ix.parse(raw)
	if n.Folded == "" || e.folded[n.Folded] && len(n.Acronyms) == 0 {
		return
	}
	e.names = append(e.names, n)
	e.folded[n.Folded] = true
	for _, k := range blockKeys(n, e.p.Type) {
		ix.block(k, i)
	}
}

func (ix *Index) block(k string, i int) {
	b := ix.blocks[k]
	if len(b) > 0 && b[len(b)-1] == i {
		return
	}
	if len(b) > 4*ix.opt.MaxBlock {
		return // far too common to be of use; stop growing it
	}
	ix.blocks[k] = append(b, i)
}

// blockKeys are the keys under which a name is found: its folded form, its
// phonetic skeleton, its surname's skeleton (people), its acronyms.
func blockKeys(n Name, t dossier.EntityType) []string {
	keys := []string{"n:" + n.Folded, "s:" + n.Skeleton}
	if t == dossier.Person && len(n.Tokens) > 0 {
		keys = append(keys, "t:"+Skeleton(n.Tokens[len(n.Tokens)-1]))
	}
	if t != dossier.Person {
		for _, a := range n.Acronyms {
			keys = append(keys, "a:"+a)
		}
	}
	return keys
}

// titleKey folds a title for comparison.
func titleKey(t string) string {
	_, titles := StripTitles(t + " x")
	if len(titles) > 0 {
		return Key(titles[0])
	}
	return Key(t)
}

// Match is the resolver's judgement on one local entity against one global.
type Match struct {
	Entity int // position in the index
	Score  float64
	Method string
	Why    string
}

// typeAffinity says how compatible two entity types are: 0 incompatible,
// 1 same, in between for near types.
func typeAffinity(a, b dossier.EntityType) float64 {
	if a == b {
		return 1
	}
	place := func(t dossier.EntityType) bool { return t == dossier.GPE || t == dossier.Loc || t == dossier.Fac }
	switch {
	case place(a) && place(b):
		return 0.95
	case a == dossier.Misc || b == dossier.Misc:
		return 0.9
	}
	return 0
}

// nameScore compares two names: the score, the method and why.
func nameScore(a, b Name, t dossier.EntityType) (float64, string) {
	switch {
	case a.Key == b.Key:
		return 1, "exact"
	case a.Folded == b.Folded:
		return 0.97, "transliteration"
	}
	if (len(a.Tokens) == 1) != (len(b.Tokens) == 1) && t != dossier.Person {
		// an acronym and its expansion
		for _, x := range a.Acronyms {
			if slices.Contains(b.Acronyms, x) && (looksLikeAcronym(a.Raw) || looksLikeAcronym(b.Raw)) {
				return 0.92, "acronym"
			}
		}
	}
	jw := JaroWinkler(a.Folded, b.Folded)
	if a.Skeleton == b.Skeleton && jw >= 0.88 {
		return 0.88 + 0.1*(jw-0.88)/0.12, "phonetic"
	}
	if t == dossier.Person && len(a.Tokens) != len(b.Tokens) && min(len(a.Tokens), len(b.Tokens)) >= 1 {
		// "Azhar" and "Masood Azhar": the surname alone, or a middle
		// name dropped. Weak by itself; context must carry it.
		short, long := a, b
		if len(short.Tokens) > len(long.Tokens) {
			short, long = long, short
		}
		if tokensIn(short.Tokens, long.Tokens) && short.Tokens[len(short.Tokens)-1] == long.Tokens[len(long.Tokens)-1] {
			if len(short.Tokens) > 1 {
				return 0.86, "partial"
			}
			return 0.72, "surname"
		}
	}
	if jw >= 0.9 {
		if t == dossier.Person && Skeleton(a.Tokens[len(a.Tokens)-1]) != Skeleton(b.Tokens[len(b.Tokens)-1]) {
			// One letter apart in the surname is another family.
			return jw * 0.8, "fuzzy"
		}
		return jw * 0.92, "fuzzy"
	}
	return jw * 0.6, "different"
}

// tokensIn reports whether every folded token of a is in b.
func tokensIn(a, b []string) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if foldToken(x) == foldToken(y) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// score compares a local entity (its names parsed) with entry e, context
// included. With explain, it also says why; without, the why is empty (most
// candidates fall below the thresholds, and their reasons are never read).
func (ix *Index) score(l *Local, names []Name, titles map[string]bool, e *entry, explain bool) (float64, string, string) {
	aff := typeAffinity(l.Entity.Type, e.p.Type)
	if aff == 0 {
		return 0, "", "types differ"
	}
	best, method := 0.0, ""
	for _, a := range names {
		for _, b := range e.names {
			s, m := nameScore(a, b, l.Entity.Type)
			if s > best {
				best, method = s, m
			}
		}
	}
	if best < 0.5 {
		return best, method, "names differ"
	}
	score := best * aff
	var why []string
	if explain {
		why = append(why, fmt.Sprintf("name %s %.2f", method, best))
	}
	// Context: entities named beside both.
	shared, have := 0, 0
	for _, c := range l.Context {
		if c == "" {
			continue
		}
		have++
		if e.context[c] {
			shared++
		}
	}
	switch {
	case shared > 0:
		bonus := min(0.06*float64(shared), 0.18)
		score += bonus
		if explain {
			why = append(why, fmt.Sprintf("%d shared neighbours", shared))
		}
	case have > 0 && len(e.context) > 0 && l.Entity.Type == dossier.Person:
		// The same name in unrelated company: perhaps another person.
		// A long full name is rarer, and carries more of its own weight.
		// One neighbour each is little evidence either way.
		if have >= 2 && len(e.context) >= 2 {
			score -= 0.16
		} else {
			score -= 0.08
		}
		if longest(names) >= 3 {
			score += 0.04
		}
		if explain {
			why = append(why, "no shared neighbours")
		}
	}
	// Titles.
	sharedT := 0
	for t := range titles {
		if e.titles[t] {
			sharedT++
		}
	}
	if sharedT > 0 {
		score += 0.05
		if explain {
			why = append(why, "shared title")
		}
	} else if len(titles) > 0 && len(e.titles) > 0 {
		score -= 0.07
		if explain {
			why = append(why, "different titles")
		}
	}
	return min(score, 1), method, strings.Join(why, ", ")
}

// longest returns the most tokens of any of names.
func longest(names []Name) int {
	n := 0
	for _, x := range names {
		n = max(n, len(x.Tokens))
	}
	return n
}

// candidates returns the entries sharing a blocking key with names.
func (ix *Index) candidates(names []Name, t dossier.EntityType) []int {
	seen := map[int]bool{}
	var out []int
	for _, n := range names {
		for _, k := range blockKeys(n, t) {
			b := ix.blocks[k]
			if len(b) > ix.opt.MaxBlock && !strings.HasPrefix(k, "n:") {
				continue
			}
			for _, i := range b {
				if !seen[i] {
					seen[i] = true
					out = append(out, i)
				}
			}
		}
	}
	sort.Ints(out)
	return out
}

// blocked reports whether a not-same or split decision keeps ref out of
// entry e.
func (ix *Index) blocked(ref store.MemberRef, e *entry) bool {
	for _, other := range ix.cannot[ref] {
		if slices.Contains(e.anchors, other) {
			return true
		}
	}
	return false
}

// sameName reports whether one of names is, folded, a name of entry e.
func sameName(names []Name, e *entry) bool {
	for _, n := range names {
		if e.folded[n.Folded] {
			return true
		}
	}
	return false
}

// otherInDocument reports whether entry i already holds a local entity of
// the document being resolved whose name neither contains nor is
// contained in the first of names. Within one document the extractor has
// already decided which mentions are one entity: two local entities it
// kept apart ("Bikash Tamang" and his father "Dil Bahadur Tamang", the
// brothers "Abdul Rauf Qasmi" and "Abdul Wahid Qasmi") are two people, and
// context shared with their own document proves nothing. A short form
// ("Qasmi" beside "Abdul Rauf Qasmi"), or a name the entry already has,
// may still join.
func (ix *Index) otherInDocument(i int, names []Name) bool {
	in := ix.inDoc[i]
	if len(in) == 0 || len(names) == 0 {
		return false
	}
	a := names[0]
	if ix.ents[i].folded[a.Folded] {
		return false // exactly one of its names
	}
	for _, b := range in {
		if a.Folded == b.Folded || tokensIn(a.Tokens, b.Tokens) || tokensIn(b.Tokens, a.Tokens) {
			return false
		}
	}
	return true
}

// localNames parses the names of a local entity and gathers its titles.
func (ix *Index) localNames(ent dossier.Entity) ([]Name, map[string]bool) {
	titles := map[string]bool{}
	var names []Name
	seen := map[string]bool{}
	for _, raw := range append([]string{ent.Name}, ent.Aliases...) {
		n := ix.parse(raw)
		if n.Folded == "" || seen[n.Key] {
			continue
		}
		seen[n.Key] = true
		names = append(names, n)
		for _, t := range n.Titles {
			titles[titleKey(t)] = true
		}
	}
	for _, t := range ent.Attributes["titles"] {
		titles[titleKey(t)] = true
	}
	return names, titles
}

// Best finds the global entity a local entity belongs to: the best match at
// or above the merge threshold (ok true), and the candidates between the
// two thresholds.
func (ix *Index) Best(l *Local) (best Match, ok bool, maybe []Match) {
	names, titles := ix.localNames(l.Entity)
	if len(names) == 0 {
		return Match{}, false, nil
	}
	ref := store.MemberRef{Doc: l.Doc, Key: Key(l.Entity.Name)}
	if geo, _ := ix.placeOf(l); geo != nil {
		for _, i := range ix.blocks["g:"+geo.Key] {
			if !ix.blocked(ref, ix.ents[i]) {
				return Match{Entity: i, Score: 1, Method: "place", Why: "gazetteer " + geo.Key}, true, nil
			}
		}
		return Match{}, false, nil // a gazetteer place is its own entity
	}
	best.Entity = -1
	place := -1 // the one gazetteer place of exactly this name, if any
	places := 0
	for _, i := range ix.candidates(names, l.Entity.Type) {
		e := ix.ents[i]
		if e.geo != "" {
			// A place the gazetteer does not resolve in this document's
			// countries ("Pahalgam" in a report naming only Pakistan)
			// is the resolved place of exactly that name, when there is
			// one.
			if isPlaceType(l.Entity.Type) && typeAffinity(l.Entity.Type, e.p.Type) > 0 && sameName(names, e) && !ix.blocked(ref, e) && !ix.otherInDocument(i, names) {
				place = i
				places++
			}
			continue
		}
		if ix.otherInDocument(i, names) {
			continue
		}
		s, method, _ := ix.score(l, names, titles, e, false)
		if s < ix.opt.Candidate {
			continue
		}
		if ix.blocked(ref, e) {
			continue
		}
		_, _, why := ix.score(l, names, titles, e, true)
		m := Match{Entity: i, Score: s, Method: method, Why: why}
		if s > best.Score {
			if best.Entity >= 0 && best.Score >= ix.opt.Candidate {
				maybe = append(maybe, best)
			}
			best = m
		} else {
			maybe = append(maybe, m)
		}
	}
	if best.Entity >= 0 && best.Score >= ix.opt.Merge {
		return best, true, maybe
	}
	if places == 1 {
		return Match{Entity: place, Score: 0.97, Method: "place-name", Why: "the gazetteer place of this name " + ix.ents[place].geo}, true, maybe
	}
	if best.Entity >= 0 {
		maybe = append(maybe, best)
	}
	sort.Slice(maybe, func(i, j int) bool { return maybe[i].Score > maybe[j].Score })
	return Match{}, false, maybe
}
