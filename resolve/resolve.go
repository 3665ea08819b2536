package resolve

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/nlp/dates"
	"github.com/dossier-osint/dossier/store"
)

// Document resolves the entities of one document against the index and
// returns what to store: memberships, new and grown global entities,
// claims with global ids, automatic decisions worth a review and "possible
// same as" candidates. New global entities get their ids from the index
// (one more than the largest stored), so resolutions can be saved in
// batches.
func (ix *Index) Document(doc *dossier.Document, ex *dossier.Extraction) *store.Resolution {
	r := &store.Resolution{Doc: doc.ID}
	countries := countriesOf(ex)
	folded := make([][]string, len(ex.Entities)) // each entity's folded names
	for i, e := range ex.Entities {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if f := ix.parse(n).Folded; f != "" && !contains(folded[i], f) {
				folded[i] = append(folded[i], f)
			}
		}
	}
	global := map[string]int64{} // local id → global id
	var created []int            // index positions of entities new in this document
	ix.inDoc = map[int][]Name{}
	defer func() { ix.inDoc = nil }()
	// Short forms go last, so that the entity they abbreviate is
	// resolved first.
	long := ix.shortForms(ex.Entities)
	order := make([]int, 0, len(ex.Entities))
	for _, short := range []bool{false, true} {
		for i := range ex.Entities {
			if (long[i] >= 0) == short {
				order = append(order, i)
			}
		}
	}
	for _, i := range order {
		ent := ex.Entities[i]
		l := &Local{Doc: doc.ID, Entity: ent, Countries: countries}
		if j := long[i]; j >= 0 {
			// One of the document's own names, shortened: it is that
			// entity, but its name is too generic to be a name of the
			// global entity ("Brigade" must not find the Kashmir Freedom
			// Brigade in another report).
			id := global[ex.Entities[j].ID]
			pos := ix.byID[id]
			m := store.Member{Doc: doc.ID, Local: ent.ID, Key: Key(ent.Name), NameKey: ix.parse(ent.Name).Folded, Name: ent.Name, Type: ent.Type,
				Mentions: len(ent.Mentions), Global: id, Score: 0.9, Method: "short-form"}
			match := Match{Entity: pos, Score: m.Score, Method: m.Method, Why: "the end of " + ex.Entities[j].Name + " in the same document"}
			if d, ok := ix.reviewDecision(pos, l, match); ok {
				r.Decisions = append(r.Decisions, d)
			}
			global[ent.ID] = id
			r.Members = append(r.Members, m)
			continue
		}
		for j, fs := range folded {
			for _, f := range fs {
				if j != i && !contains(folded[i], f) {
					l.Context = append(l.Context, f)
				}
			}
		}
		best, ok, maybe := ix.Best(l)
		m := store.Member{Doc: doc.ID, Local: ent.ID, Key: Key(ent.Name), NameKey: ix.parse(ent.Name).Folded, Name: ent.Name, Type: ent.Type, Mentions: len(ent.Mentions)}
		var pos int
		if ok {
			pos = best.Entity
			m.Score, m.Method = best.Score, best.Method
			if best.Method != "exact" && best.Method != "place" && best.Method != "place-name" && best.Method != "transliteration" {
				if d, ok := ix.reviewDecision(pos, l, best); ok {
					r.Decisions = append(r.Decisions, d)
				}
			}
			ix.grow(pos, l)
		} else {
			p := ix.newProfile(l)
			p.ID = ix.nextID
			ix.nextID++
			pos = ix.add(p, true)
			created = append(created, pos)
			m.Score, m.Method = 1, "new"
			ix.grow(pos, l)
		}
		if n := ix.parse(ent.Name); n.Folded != "" {
			ix.inDoc[pos] = append(ix.inDoc[pos], n)
		}
		id := ix.ents[pos].p.ID
		m.Global = id
		global[ent.ID] = id
		if _, named := ix.cannot[store.MemberRef{Doc: doc.ID, Key: m.Key}]; named {
			ix.ents[pos].anchors = append(ix.ents[pos].anchors, store.MemberRef{Doc: doc.ID, Key: m.Key})
		}
		r.Members = append(r.Members, m)
		for _, c := range maybe {
			if other := ix.ents[c.Entity]; other.p.ID != id {
				r.SameAs = append(r.SameAs, store.SameAs{Entity: id, Other: other.p.ID, Name: other.p.Name, Score: c.Score, Why: c.Why})
			}
		}
	}
	for _, pos := range created {
		r.New = append(r.New, ix.profile(pos))
		ix.ents[pos].isNew = false
	}
	for _, pos := range ix.dirty {
		if e := ix.ents[pos]; e.dirty {
			if !slices.Contains(created, pos) {
				r.Updated = append(r.Updated, ix.profile(pos))
			}
			e.dirty = false
		}
	}
	ix.dirty = ix.dirty[:0]
	r.Claims = claimsOf(doc, ex, global)
	return r
}

// shortForms finds, for each organisation of a document, the one other
// organisation of the document whose name ends with all of its words and
// is longer ("the Brigade" and the "Kashmir Freedom Brigade", "the
// Agency" and the "Central Counter-Terrorism Agency"): its index, or -1
// when there is none or more than one ("the Army" beside the "Indian
// Army" and the "Pakistan Army" is neither). Acronyms are left to the
// acronym rule.
func (ix *Index) shortForms(ents []dossier.Entity) []int {
	out := make([]int, len(ents))
	names := make([]Name, len(ents))
	for i, e := range ents {
		out[i] = -1
		names[i] = ix.parse(e.Name)
	}
	for i, e := range ents {
		a := names[i]
		if e.Type != dossier.Org || len(a.Tokens) == 0 || looksLikeAcronym(e.Name) {
			continue
		}
		for j, f := range ents {
			b := names[j]
			if j == i || f.Type != e.Type || len(b.Tokens) <= len(a.Tokens) || !endsWith(b.Tokens, a.Tokens) {
				continue
			}
			if out[i] >= 0 {
				out[i] = -2 // more than one
				break
			}
			out[i] = j
		}
		if out[i] == -2 {
			out[i] = -1
		}
	}
	// A long form that is itself a short form of a third name is not an
	// entity to join yet; keep chains out.
	for i, j := range out {
		if j >= 0 && out[j] >= 0 {
			out[i] = -1
		}
	}
	return out
}

// endsWith reports whether the folded tokens of long end with those of
// short.
func endsWith(long, short []string) bool {
	off := len(long) - len(short)
	for k, t := range short {
		if foldToken(long[off+k]) != foldToken(t) {
			return false
		}
	}
	return true
}

// reviewDecision records a non-exact automatic merge, so an analyst can
// review and undo it; it is anchored on the new member and on one member of
// the entity it joined.
func (ix *Index) reviewDecision(pos int, l *Local, m Match) (store.Decision, bool) {
	e := ix.ents[pos]
	if e.isNew {
		return store.Decision{}, false
	}
	b := store.MemberRef{Doc: "", Key: Key(e.p.Name)}
	if len(e.anchors) > 0 {
		b = e.anchors[0]
	}
	return store.Decision{Kind: store.DecisionMerge, A: store.MemberRef{Doc: l.Doc, Key: Key(l.Entity.Name)}, B: b,
		Who: "resolver", At: time.Now().UTC(), Why: m.Method + ": " + m.Why, Score: m.Score, Automatic: true,
		Moved: []store.MemberRef{{Doc: l.Doc, Key: Key(l.Entity.Name)}}}, true
}

// newProfile makes a global entity of a local one.
func (ix *Index) newProfile(l *Local) store.EntityProfile {
	p := store.EntityProfile{GlobalEntity: store.GlobalEntity{Type: l.Entity.Type, Name: l.Entity.Name, Attributes: map[string][]string{}}}
	if g, ok := ix.placeOf(l); ok {
		lat, lon := g.Lat, g.Lon
		p.Lat, p.Lon = &lat, &lon
		p.Attributes["geo"] = []string{g.Key}
		p.Attributes["country"] = []string{g.Country}
		if g.Name != "" && Key(g.Name) != Key(l.Entity.Name) {
			p.Aliases = append(p.Aliases, g.Name)
		}
	}
	return p
}

// grow adds what a local entity says to entry pos: names, titles, context.
func (ix *Index) grow(pos int, l *Local) {
	e := ix.ents[pos]
	before := len(e.names) + len(e.titles) + len(e.context)
	for _, raw := range append([]string{l.Entity.Name}, l.Entity.Aliases...) {
		if raw == "" {
			continue
		}
		stripped, titles := StripTitles(raw)
		for _, t := range titles {
			e.titles[titleKey(t)] = true
			if !slices.Contains(e.p.Attributes["titles"], t) {
				ix.setAttr(e, "titles", t)
			}
		}
		if Key(stripped) != Key(e.p.Name) && !slices.ContainsFunc(e.p.Aliases, func(a string) bool { return Key(a) == Key(stripped) }) && len(e.p.Aliases) < 50 {
			// A fuller name becomes the entity's name ("Azhar" → "Masood Azhar").
			if e.p.Type == dossier.Person && len(strings.Fields(stripped)) > len(strings.Fields(e.p.Name)) && e.geo == "" {
				e.p.Aliases = append(e.p.Aliases, e.p.Name)
				e.p.Name = stripped
			} else {
				e.p.Aliases = append(e.p.Aliases, stripped)
			}
			ix.addName(pos, stripped)
		}
	}
	for _, t := range l.Entity.Attributes["titles"] {
		if !e.titles[titleKey(t)] {
			e.titles[titleKey(t)] = true
			ix.setAttr(e, "titles", t)
		}
	}
	for _, c := range l.Context {
		if len(e.context) >= ix.opt.MaxContext {
			break
		}
		e.context[c] = true
	}
	if len(e.names)+len(e.titles)+len(e.context) != before {
		ix.markDirty(e)
	}
}

func (ix *Index) setAttr(e *entry, k, v string) {
	if e.p.Attributes == nil {
		e.p.Attributes = map[string][]string{}
	}
	e.p.Attributes[k] = append(e.p.Attributes[k], v)
	ix.markDirty(e)
}

// markDirty notes that entry e's profile must be written.
func (ix *Index) markDirty(e *entry) {
	if !e.dirty {
		e.dirty = true
		ix.dirty = append(ix.dirty, ix.byID[e.p.ID])
	}
}

// profile returns the stored form of entry pos.
func (ix *Index) profile(pos int) store.EntityProfile {
	e := ix.ents[pos]
	p := e.p
	p.Keys = p.Keys[:0:0]
	for _, n := range append([]Name{ix.parse(p.Name)}, e.names...) {
		for _, k := range []string{n.Folded} {
			if !slices.Contains(p.Keys, k) {
				p.Keys = append(p.Keys, k)
			}
		}
		if looksLikeAcronym(n.Raw) && !slices.Contains(p.Keys, "acr:"+n.Acronyms[0]) {
			p.Keys = append(p.Keys, "acr:"+n.Acronyms[0])
		}
	}
	p.Context = make([]string, 0, len(e.context))
	for c := range e.context {
		p.Context = append(p.Context, c)
	}
	slices.Sort(p.Context)
	return p
}

// claimsOf turns a document's relations and event roles into claims
// between global entities.
func claimsOf(doc *dossier.Document, ex *dossier.Extraction, global map[string]int64) []store.Claim {
	cluster := doc.Cluster
	if cluster == "" {
		cluster = doc.ID
	}
	published := ""
	if !doc.Published.IsZero() {
		published = doc.Published.Format("2006-01-02")
	}
	attr := map[string]dossier.Attribution{}
	for _, a := range ex.Attributions {
		attr[a.ID] = a
	}
	base := func(kind, pred string, mod dossier.Modality, attribution string, ev dossier.Evidence) store.Claim {
		c := store.Claim{Doc: doc.ID, Cluster: cluster, Published: published, Kind: kind, Predicate: pred, Modality: mod,
			AttributionKind: dossier.Outlet, Evidence: ev}
		if c.Modality == "" {
			c.Modality = dossier.Asserted
		}
		if a, ok := attr[attribution]; ok {
			c.AttributionKind, c.AttributionText = a.Kind, a.Text
			if g, ok := global[a.Source]; ok {
				c.Speaker, c.SpeakerLocal = g, a.Source
			}
		} else if doc.Outlet != "" {
			c.AttributionText = doc.Outlet
		}
		return c
	}
	var out []store.Claim
	for _, r := range ex.Relations {
		s, ok1 := global[r.Subject]
		o, ok2 := global[r.Object]
		if !ok1 || !ok2 {
			continue
		}
		c := base("relation", r.Type, r.Modality, r.Attribution, r.Evidence)
		c.Subject, c.Object, c.SubjectLocal, c.ObjectLocal, c.Confidence = s, o, r.Subject, r.Object, r.Confidence
		out = append(out, c)
	}
	for _, e := range ex.Events {
		place, hasPlace := global[e.Place]
		date := ""
		if e.Date != nil {
			date = claimDate(e.Date.Value)
		}
		for _, role := range e.Roles {
			g, ok := global[role.Entity]
			if !ok || role.Role == "place" && role.Entity == e.Place {
				continue
			}
			c := base("event", e.Type, e.Modality, e.Attribution, e.Evidence)
			c.Event, c.Role, c.Subject, c.SubjectLocal, c.Date, c.Confidence = e.ID, role.Role, g, role.Entity, date, 1
			if hasPlace {
				c.Place, c.PlaceLocal = place, e.Place
			}
			out = append(out, c)
		}
	}
	return out
}

// Summary says what a resolution run did.
type Summary struct {
	Documents   int           `json:"documents"`
	Mentions    int           `json:"mentions"` // document-local entities resolved
	NewEntities int           `json:"new_entities"`
	Joined      int           `json:"joined"` // local entities joined to an existing or earlier entity
	Candidates  int           `json:"candidates"`
	Updated     int           `json:"updated"` // profiles of existing entities rewritten (once per saved batch)
	Claims      int           `json:"claims"`
	Replayed    int           `json:"replayed"` // manual decisions re-applied
	Entities    int           `json:"entities"` // global entities after the run
	Elapsed     time.Duration `json:"elapsed"`
}

// Source is what Run reads documents from and writes resolutions to.
type Source interface {
	store.Graph
	Document(ctx context.Context, id string) (*dossier.Document, error)
	Extraction(ctx context.Context, id string) (*dossier.Extraction, error)
}

// Run resolves every document not yet resolved (incremental: a run after
// an ingest only reads the new documents, plus the stored global profiles),
// then replays the manual decisions so that they survive re-extraction.
// With all, it first forgets every automatic resolution and starts over.
func Run(ctx context.Context, st Source, all bool, opt Options) (Summary, error) {
	start := time.Now()
	var sum Summary
	if all {
		if err := st.ResetResolution(ctx); err != nil {
			return sum, err
		}
	}
	profiles, err := st.EntityProfiles(ctx)
	if err != nil {
		return sum, err
	}
	decisions, err := st.Decisions(ctx, false)
	if err != nil {
		return sum, err
	}
	ix := NewIndex(profiles, decisions, opt)
	if b, ok := st.(indexSetter); ok && len(profiles) == 0 {
		// Nothing resolved yet (or everything forgotten): the run writes
		// the whole graph, faster without its secondary indexes. They are
		// built again before the decisions are replayed, which need them.
		if err := b.SetIndexesAside(ctx); err != nil {
			return sum, err
		}
		err := resolveAll(ctx, st, ix, &sum)
		if rerr := b.RestoreIndexes(context.WithoutCancel(ctx)); err == nil {
			err = rerr
		}
		if err != nil {
			return sum, err
		}
	} else if err := resolveAll(ctx, st, ix, &sum); err != nil {
		return sum, err
	}
	n, err := Replay(ctx, st, decisions)
	if err != nil {
		return sum, err
	}
	sum.Replayed = n
	sum.Entities = ix.Len()
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// indexSetter is a Source that writes a whole graph faster with its
// secondary indexes set aside and built again at the end (the SQLite
// store).
type indexSetter interface {
	SetIndexesAside(ctx context.Context) error
	RestoreIndexes(ctx context.Context) error
}

// resolveAll resolves every unresolved document, savePage at a time.
func resolveAll(ctx context.Context, st Source, ix *Index, sum *Summary) error {
	for {
		// Ask for many documents at a time: finding the unresolved ones
		// walks past every resolved one, so small pages would make a run
		// quadratic in the corpus.
		ids, err := st.UnresolvedDocuments(ctx, listPage)
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			return nil
		}
		for len(ids) > 0 {
			n := min(len(ids), savePage)
			if err := resolveBatch(ctx, st, ix, ids[:n], sum); err != nil {
				return err
			}
			ids = ids[n:]
		}
	}
}

// listPage is how many unresolved documents Run asks for at a time, and
// savePage how many resolutions it writes in one transaction.
const (
	listPage = 20000
	savePage = 5000
)

// resolveBatch resolves the documents ids and saves their resolutions in
// one transaction.
func resolveBatch(ctx context.Context, st Source, ix *Index, ids []string, sum *Summary) error {
	batch := make([]*store.Resolution, 0, len(ids))
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		doc, err := st.Document(ctx, id)
		if err != nil {
			return fmt.Errorf("resolve %s: %w", id, err)
		}
		ex, err := st.Extraction(ctx, id)
		if err != nil {
			return fmt.Errorf("resolve %s: %w", id, err)
		}
		r := ix.Document(doc, ex)
		batch = append(batch, r)
		sum.Documents++
		sum.Mentions += len(r.Members)
		sum.NewEntities += len(r.New)
		sum.Joined += len(r.Members) - len(r.New)
		sum.Candidates += len(r.SameAs)
		sum.Claims += len(r.Claims)
	}
	lastUpdates(batch)
	for _, r := range batch {
		sum.Updated += len(r.Updated)
	}
	return st.SaveResolution(ctx, batch...)
}

// lastUpdates keeps, of the profiles a batch of resolutions updates, only
// the last update of each entity: an entity named in many documents of the
// batch would otherwise be rewritten once per document. A profile only
// grows (its names, titles and context are added to, never taken from), so
// the last update writes all that the earlier ones did.
func lastUpdates(batch []*store.Resolution) {
	seen := map[int64]bool{}
	for i := len(batch) - 1; i >= 0; i-- {
		r := batch[i]
		var kept []store.EntityProfile
		for j := len(r.Updated) - 1; j >= 0; j-- {
			if p := r.Updated[j]; !seen[p.ID] {
				seen[p.ID] = true
				kept = append(kept, p)
			}
		}
		slices.Reverse(kept)
		r.Updated = kept
	}
}

// Replay re-applies active manual decisions that no longer hold (after a
// document was re-extracted or everything re-resolved): merges whose sides
// are apart again, splits and not-sames whose sides are together again. It
// returns how many it re-applied.
func Replay(ctx context.Context, st store.Graph, decisions []store.Decision) (int, error) {
	n := 0
	for _, d := range decisions {
		if !d.Active() || d.Automatic {
			continue
		}
		ga, errA := st.MemberOf(ctx, d.A)
		gb, errB := st.MemberOf(ctx, d.B)
		if errA != nil || errB != nil {
			continue // a side is gone (document deleted or renamed): nothing to do
		}
		switch d.Kind {
		case store.DecisionMerge:
			if ga != gb {
				if _, err := st.MergeEntities(ctx, ga, gb, d); err != nil {
					return n, fmt.Errorf("replay decision %d: %w", d.ID, err)
				}
				n++
			}
		case store.DecisionSplit, store.DecisionNotSame:
			if ga == gb {
				if _, _, err := st.SplitMembers(ctx, []store.MemberRef{d.A}, d); err != nil {
					return n, fmt.Errorf("replay decision %d: %w", d.ID, err)
				}
				n++
			}
		}
	}
	return n, nil
}

// claimDate returns the date a claim is filed under, as the store orders
// and filters them (a year, a month or a day): a week ("2026-W41") is
// filed under its Monday, an interval ("2026-04-20/2026-04-22") under its
// start.
func claimDate(v string) string {
	v, _, _ = strings.Cut(v, "/")
	if monday, ok := dates.WeekStart(v); ok {
		return monday.Format(time.DateOnly)
	}
	return v
}
