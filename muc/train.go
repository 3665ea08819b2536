package muc

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"sync"
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/events"
	"github.com/dossier-osint/dossier/extract"
	"github.com/dossier-osint/dossier/nlp"
)

// Annotated is a MUC document run through dossier's language layer.
type Annotated struct {
	*Document
	Doc      *nlp.Doc
	Entities []dossier.Entity
}

// Annotate runs the language layer and the entity extractor over docs,
// with workers goroutines, resolving relative dates against each
// document's dateline.
func Annotate(ctx context.Context, docs []Document, workers int) ([]Annotated, error) {
	out := make([]Annotated, len(docs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				dl, _ := ParseDateline(docs[i].Dateline)
				d := nlp.Annotate(docs[i].Input(), dl.Date)
				out[i] = Annotated{Document: &docs[i], Doc: d, Entities: extract.Entities(d)}
			}
		}()
	}
	var err error
	for i := range docs {
		if err = ctx.Err(); err != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return out, err
}

// TrainingDocs turns annotated MUC documents into the events package's
// training documents.
func TrainingDocs(docs []Annotated) []events.TrainingDoc {
	out := make([]events.TrainingDoc, len(docs))
	for i, a := range docs {
		td := events.TrainingDoc{Doc: a.Doc, Fillers: map[string][][]string{}}
		for _, r := range RoleNames {
			role := modelClass[r]
			td.Fillers[role] = append(td.Fillers[role], a.Roles[r]...)
			if r == "PerpOrg" {
				for _, e := range a.Roles[r] {
					td.Organisations = append(td.Organisations, e...)
				}
			}
		}
		out[i] = td
	}
	return out
}

// Predict returns the MUC roles dossier finds in a, with model m.
func Predict(m *events.Model, a Annotated) map[string][]string {
	evs := m.Extract(a.Doc, a.Entities)
	return MapEvents(evs, a.Entities, a.Doc, ModelOrganisation(m))
}

// Evaluate scores model m on docs; when w is not nil it writes one JSON
// line of predicted roles per document to it.
func Evaluate(m *events.Model, docs []Annotated, w io.Writer) (*Score, error) {
	s := NewScore()
	enc := json.NewEncoder(w)
	for _, a := range docs {
		pred := Predict(m, a)
		s.Add(pred, a.Roles)
		if w != nil {
			roles := map[string][]string{}
			for _, r := range RoleNames {
				roles[r] = dedupe(pred[r])
				if roles[r] == nil {
					roles[r] = []string{}
				}
			}
			if err := enc.Encode(struct {
				DocID string              `json:"docid"`
				Roles map[string][]string `json:"roles"`
			}{a.DocID, roles}); err != nil {
				return nil, fmt.Errorf("write predictions: %w", err)
			}
		}
	}
	return s, nil
}

// Tune sets m's threshold for each role to the value that maximises the
// micro-F1 on docs, by coordinate ascent over a grid, and returns the
// score at the chosen thresholds.
func Tune(m *events.Model, docs []Annotated) *Score {
	cs := make([]tuneDoc, len(docs))
	for i, a := range docs {
		cs[i] = newTuneDoc(a, m.Rerank(a.Doc, m.Scored(a.Doc, events.ScoreFloor)))
	}
	return tune(m, cs)
}

// tuneDoc is a document ready for threshold tuning: its scored phrases
// (by m, or by a model that did not see it) and its attack patterns.
type tuneDoc struct {
	a         Annotated
	scored    []events.Filler
	hasAttack bool
	// patterns are the roles the attack patterns give, whatever the
	// thresholds.
	patterns []dossier.Role
}

func newTuneDoc(a Annotated, scored []events.Filler) tuneDoc {
	c := tuneDoc{a: a, scored: scored}
	for _, e := range events.Assemble(a.Doc, a.Entities, nil) {
		if e.Type == events.Attack {
			c.hasAttack = true
			c.patterns = append(c.patterns, e.Roles...)
		}
	}
	return c
}

// MaxFalseAlarms is the share of documents with no incident that may get
// roles: tuning maximises the micro-F1 with no more false alarms than that.
const MaxFalseAlarms = 0.25

// tune sets m's gate power and minimum, thresholds and limit to the values
// that maximise the micro-F1 on cs with at most MaxFalseAlarms false
// alarms.
func tune(m *events.Model, cs []tuneDoc) *Score {
	org := ModelOrganisation(m)
	// eval is Assemble and MapEvents made quick: every filler of a
	// document with an attack goes to one of its attacks.
	eval := func(th map[string]float64) *Score {
		s := NewScore()
		for _, c := range cs {
			pred := map[string][]string{}
			if c.hasAttack {
				evs := []dossier.EventRecord{{Type: events.Attack, Roles: append([]dossier.Role(nil), c.patterns...)}}
				for _, f := range events.Select(c.scored, th, m.GatePower, m.GateMin, m.Limit) {
					if overlaps(c.patterns, f.Span, events.RoleOf(f.Role)) {
						continue
					}
					evs[0].Roles = append(evs[0].Roles, dossier.Role{Role: events.RoleOf(f.Role), Entity: entityAt(c.a.Entities, f.Span), Start: f.Span.Start, End: f.Span.End})
				}
				pred = MapEvents(evs, c.a.Entities, c.a.Doc, org)
			}
			s.Add(pred, c.a.Roles)
		}
		return s
	}
	grid := []float64{0.02, 0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7}
	roles := make([]string, 0, len(m.Thresholds))
	for r := range m.Thresholds {
		roles = append(roles, r)
	}
	sort.Strings(roles)
	// objective is the micro-F1, less what false alarms beyond
	// MaxFalseAlarms cost.
	objective := func(s *Score) float64 {
		return s.Micro().F1() - 10*max(0, s.FalseAlarmRate()-MaxFalseAlarms)
	}
	mixAll := func() {
		for i := range cs {
			m.Mix(cs[i].scored)
		}
	}
	// (a reranker's probabilities are not mixed: it has its own.)
	if len(m.ChunkWeights) > 0 && m.ChunkMix == nil && m.Reranker == nil {
		m.ChunkMix = map[string]float64{}
		for _, r := range roles {
			m.ChunkMix[r] = 0
		}
		mixAll()
	}
	// the per-role sentence gates count from 0 (no effect) up.
	roleSent := m.RoleSent != nil && m.Reranker == nil
	if roleSent {
		m.RoleSentPower = map[string]float64{}
		mixAll()
	}
	var best *Score
	bestTh, bestPower, bestMin := map[string]float64{}, 0.0, 0.0
	// The incident gate always counts (a power of 0 would ignore it, and
	// documents with no incident would get roles).
	for _, power := range []float64{0.25, 0.5, 1, 2} {
		for _, gmin := range []float64{0, 0.1, 0.2, 0.3, 0.5} {
			m.GatePower, m.GateMin = power, gmin
			th := map[string]float64{}
			for _, r := range roles {
				th[r] = 0.3
			}
			cur := eval(th)
			for range 2 {
				for _, r := range roles {
					keep := th[r]
					for _, t := range grid {
						th[r] = t
						if s := eval(th); objective(s) > objective(cur) {
							cur, keep = s, t
						}
					}
					th[r] = keep
				}
			}
			if best == nil || objective(cur) > objective(best) {
				best, bestPower, bestMin = cur, power, gmin
				bestTh = th
			}
		}
	}
	m.GateMin = bestMin
	m.GatePower, m.Thresholds = bestPower, bestTh
	// tuneRole tries each of values for one setting of role r (set
	// applies it), each with every threshold of the role, and keeps the
	// best of them (keep, the role's threshold, when none beats it); it
	// returns the value kept.
	tuneRole := func(r string, values []float64, keep float64, set func(float64)) float64 {
		keepT := m.Thresholds[r]
		for _, w := range values {
			set(w)
			mixAll()
			for _, t := range grid {
				m.Thresholds[r] = t
				if s := eval(m.Thresholds); objective(s) > objective(best) {
					best, keep, keepT = s, w, t
				}
			}
		}
		set(keep)
		m.Thresholds[r] = keepT
		mixAll()
		return keep
	}
	// the weight of the chunk-level model, per role, with that role's
	// threshold.
	if m.ChunkMix != nil {
		for _, r := range roles {
			tuneRole(r, []float64{0, 0.25, 0.5, 0.75, 1}, m.ChunkMix[r], func(w float64) { m.ChunkMix[r] = w })
		}
	}
	// the power of each role's sentence gate, with that role's
	// threshold.
	if roleSent {
		for _, r := range roles {
			// a gate the tuner gives no weight is dropped (a smaller
			// file, the same fillers).
			if tuneRole(r, []float64{0, 0.25, 0.5, 1, 2}, 0, func(e float64) { m.RoleSentPower[r] = e }) == 0 {
				delete(m.RoleSent, r)
			}
		}
	}
	bestLimit := 0
	for _, limit := range []int{1, 2, 3, 4, 5} {
		m.Limit = limit
		if s := eval(m.Thresholds); objective(s) > objective(best) {
			best, bestLimit = s, limit
		}
	}
	m.Limit = bestLimit
	return best
}

// overlaps reports whether a role of rs other than role overlaps span s,
// as events.Assemble decides.
func overlaps(rs []dossier.Role, s dossier.Span, role string) bool {
	for _, r := range rs {
		if r.Role != role && r.End > r.Start && r.Start < s.End && s.Start < r.End {
			return true
		}
	}
	return false
}

// entityAt returns the entity one of whose mentions ends where s ends and
// starts within it, as events.Assemble gives role fillers their entity.
func entityAt(ents []dossier.Entity, s dossier.Span) string {
	for _, e := range ents {
		for _, mn := range e.Mentions {
			if mn.Start >= s.Start && mn.End == s.End {
				return e.ID
			}
		}
	}
	return ""
}

// TrainOptions set TrainModel.
type TrainOptions struct {
	events.TrainOptions
	// Folds, when 2 or more, is the number of folds of a cross-validation
	// on the train documents that sets the thresholds; otherwise the dev
	// documents set them.
	Folds int
	// RerankFolds, when 2 or more, trains a second stage (events.Reranker)
	// on the first stage's probabilities of the train documents, each
	// fold of that many scored by a first stage trained on the others.
	RerankFolds int
	Workers     int
	Log         io.Writer
}

// TrainModel trains the events model on the MUC train documents and sets
// its gate power, thresholds and limit to the values that maximise the
// micro-F1 on the dev documents, or, with opt.Folds, by cross-validation
// on the train documents: each fold is scored by a model trained on the
// others. Then dev is only scored, for the log.
func TrainModel(ctx context.Context, train, dev []Document, opt TrainOptions) (*events.Model, error) {
	logf := func(format string, args ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format+"\n", args...)
		}
	}
	start := time.Now()
	at, err := Annotate(ctx, train, opt.Workers)
	if err != nil {
		return nil, err
	}
	ad, err := Annotate(ctx, dev, opt.Workers)
	if err != nil {
		return nil, err
	}
	logf("annotated %d train and %d dev documents in %s", len(at), len(ad), time.Since(start).Round(time.Millisecond))
	t0 := time.Now()
	tds := TrainingDocs(at)
	if opt.Folds < 2 {
		m, err := events.Train(ctx, tds, opt.TrainOptions)
		if err != nil {
			return nil, fmt.Errorf("train events model: %w", err)
		}
		logf("trained %s in %s", m, time.Since(t0).Round(time.Millisecond))
		if opt.RerankFolds >= 2 {
			t0 = time.Now()
			scored, err := foldScored(ctx, at, tds, opt.RerankFolds, opt.TrainOptions)
			if err != nil {
				return nil, err
			}
			rds := make([]events.RerankDoc, len(tds))
			for i, td := range tds {
				rds[i] = events.RerankDoc{TrainingDoc: td, Scored: scored[i]}
			}
			if m.Reranker, err = events.TrainReranker(rds, m.Classes[1:], 0); err != nil {
				return nil, fmt.Errorf("train reranker: %w", err)
			}
			logf("trained the reranker on %d folds in %s", opt.RerankFolds, time.Since(t0).Round(time.Millisecond))
		}
		s := Tune(m, ad)
		logf("tuned gate power %.2f, gate minimum %.2f, thresholds %v, chunk mix %v, sentence gate powers %v, limit %d: dev micro P/R/F1 %.2f/%.2f/%.2f, false alarms %.1f%%",
			m.GatePower, m.GateMin, m.Thresholds, m.ChunkMix, m.RoleSentPower, m.Limit, 100*s.Micro().P(), 100*s.Micro().R(), 100*s.Micro().F1(), 100*s.FalseAlarmRate())
		return m, nil
	}
	scored, err := foldScored(ctx, at, tds, opt.Folds, opt.TrainOptions)
	if err != nil {
		return nil, err
	}
	cs := make([]tuneDoc, len(at))
	for i := range at {
		cs[i] = newTuneDoc(at[i], scored[i])
	}
	logf("scored %d folds in %s", opt.Folds, time.Since(t0).Round(time.Millisecond))
	t0 = time.Now()
	m, err := events.Train(ctx, tds, opt.TrainOptions)
	if err != nil {
		return nil, fmt.Errorf("train events model: %w", err)
	}
	logf("trained %s in %s", m, time.Since(t0).Round(time.Millisecond))
	s := tune(m, cs)
	logf("tuned gate power %.2f, gate minimum %.2f, thresholds %v, chunk mix %v, sentence gate powers %v, limit %d: cross-validated train micro P/R/F1 %.2f/%.2f/%.2f, false alarms %.1f%%",
		m.GatePower, m.GateMin, m.Thresholds, m.ChunkMix, m.RoleSentPower, m.Limit, 100*s.Micro().P(), 100*s.Micro().R(), 100*s.Micro().F1(), 100*s.FalseAlarmRate())
	if len(ad) > 0 {
		s, err := Evaluate(m, ad, nil)
		if err != nil {
			return nil, err
		}
		logf("dev micro P/R/F1 %.2f/%.2f/%.2f", 100*s.Micro().P(), 100*s.Micro().R(), 100*s.Micro().F1())
	}
	return m, nil
}

// foldScored returns the first stage's fillers of each of the annotated
// train documents at (tds their training documents), scored by a model
// trained on the other folds of k (document i is in fold i mod k).
func foldScored(ctx context.Context, at []Annotated, tds []events.TrainingDoc, k int, opt events.TrainOptions) ([][]events.Filler, error) {
	out := make([][]events.Filler, len(at))
	for f := range k {
		var fold []events.TrainingDoc
		for i, td := range tds {
			if i%k != f {
				fold = append(fold, td)
			}
		}
		fm, err := events.Train(ctx, fold, opt)
		if err != nil {
			return nil, fmt.Errorf("train events model (fold %d): %w", f+1, err)
		}
		for i := f; i < len(at); i += k {
			out[i] = fm.Scored(at[i].Doc, events.ScoreFloor)
		}
	}
	return out, nil
}
