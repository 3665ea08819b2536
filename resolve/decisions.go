package resolve

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/dossier-osint/dossier/store"
)

// ErrDecision marks a decision that cannot be made as asked (the same
// entity twice, nothing left behind, already undone); the message says why.
var ErrDecision = errors.New("decision refused")

// Anchor returns the most mentioned member of entity id other than except,
// the member a decision about the entity is anchored on.
func Anchor(ctx context.Context, st store.Graph, id int64, except store.MemberRef) (store.MemberRef, error) {
	ms, err := st.Members(ctx, id)
	if err != nil {
		return store.MemberRef{}, err
	}
	best := -1
	for i, m := range ms {
		if m.Ref() == except {
			continue
		}
		if best < 0 || m.Mentions > ms[best].Mentions {
			best = i
		}
	}
	if best < 0 {
		return store.MemberRef{}, fmt.Errorf("%s has no member to anchor a decision on: %w", store.EntityID(id), ErrDecision)
	}
	return ms[best].Ref(), nil
}

// Merge decides that entities a and b are one: b is merged into a. It
// returns the decision's id.
func Merge(ctx context.Context, st store.Graph, a, b int64, who, why string) (int64, error) {
	if a == b {
		return 0, fmt.Errorf("merge %s with itself: %w", store.EntityID(a), ErrDecision)
	}
	ra, err := Anchor(ctx, st, a, store.MemberRef{})
	if err != nil {
		return 0, err
	}
	rb, err := Anchor(ctx, st, b, store.MemberRef{})
	if err != nil {
		return 0, err
	}
	return st.MergeEntities(ctx, a, b, store.Decision{A: ra, B: rb, Who: who, Why: why, Score: 1, At: time.Now().UTC()})
}

// Split takes members out of entity id into a new entity; it returns the
// new entity's id and the decision's id.
func Split(ctx context.Context, st store.Graph, id int64, members []store.MemberRef, who, why string) (int64, int64, error) {
	if len(members) == 0 {
		return 0, 0, fmt.Errorf("split %s: no members named: %w", store.EntityID(id), ErrDecision)
	}
	ms, err := st.Members(ctx, id)
	if err != nil {
		return 0, 0, err
	}
	var rest []store.MemberRef
	for _, m := range ms {
		moved := false
		for _, r := range members {
			moved = moved || m.Ref() == r
		}
		if !moved {
			rest = append(rest, m.Ref())
		}
	}
	if len(rest) == 0 {
		return 0, 0, fmt.Errorf("split %s: that would take every member out: %w", store.EntityID(id), ErrDecision)
	}
	b := rest[0]
	for _, m := range ms { // anchor on the most mentioned member left behind
		if m.Ref() != b && containsRef(rest, m.Ref()) && m.Mentions > mentionsOf(ms, b) {
			b = m.Ref()
		}
	}
	return st.SplitMembers(ctx, members, store.Decision{A: members[0], B: b, Who: who, Why: why, Score: 1, At: time.Now().UTC()})
}

func containsRef(l []store.MemberRef, r store.MemberRef) bool {
	for _, x := range l {
		if x == r {
			return true
		}
	}
	return false
}

func mentionsOf(ms []store.Member, r store.MemberRef) int {
	for _, m := range ms {
		if m.Ref() == r {
			return m.Mentions
		}
	}
	return 0
}

// NotSame decides that entities a and b are different: the resolver will
// not join their anchors again, even after re-extraction.
func NotSame(ctx context.Context, st store.Graph, a, b int64, who, why string) (int64, error) {
	if a == b {
		return 0, fmt.Errorf("%s is one entity: split it instead: %w", store.EntityID(a), ErrDecision)
	}
	ra, err := Anchor(ctx, st, a, store.MemberRef{})
	if err != nil {
		return 0, err
	}
	rb, err := Anchor(ctx, st, b, store.MemberRef{})
	if err != nil {
		return 0, err
	}
	return st.AddDecision(ctx, store.Decision{Kind: store.DecisionNotSame, A: ra, B: rb, Who: who, Why: why, Score: 1, At: time.Now().UTC()})
}

// Undo reverses decision id and marks it undone: a merge's moved members
// are taken out again (an automatic merge undone also becomes a not-same
// decision, so the resolver does not redo it); a split's members are merged
// back; a not-same is simply withdrawn. It returns what it did.
func Undo(ctx context.Context, st store.Graph, id int64, who string) (string, error) {
	d, err := st.Decision(ctx, id)
	if err != nil {
		return "", err
	}
	if !d.Active() {
		return "", fmt.Errorf("decision %d was already undone: %w", id, ErrDecision)
	}
	msg := fmt.Sprintf("decision %d undone", id)
	switch d.Kind {
	case store.DecisionMerge:
		var refs []store.MemberRef
		var from int64
		for _, r := range d.Moved {
			if g, err := st.MemberOf(ctx, r); err == nil {
				if from == 0 {
					from = g
				}
				if g == from {
					refs = append(refs, r)
				}
			}
		}
		if len(refs) > 0 {
			newID, _, err := st.SplitMembers(ctx, refs, store.Decision{ID: d.ID})
			if err != nil {
				return "", err
			}
			msg += fmt.Sprintf(": %d member(s) taken out of %s into %s", len(refs), store.EntityID(from), store.EntityID(newID))
			if d.Automatic {
				if b, err := Anchor(ctx, st, from, refs[0]); err == nil {
					nd := store.Decision{Kind: store.DecisionNotSame, A: refs[0], B: b, Who: who, At: time.Now().UTC(),
						Why: fmt.Sprintf("undo of automatic decision %d", d.ID), Score: 1}
					if _, err := st.AddDecision(ctx, nd); err != nil {
						return "", err
					}
				}
			}
		}
	case store.DecisionSplit:
		ga, errA := st.MemberOf(ctx, d.A)
		gb, errB := st.MemberOf(ctx, d.B)
		if errA == nil && errB == nil && ga != gb {
			if _, err := st.MergeEntities(ctx, gb, ga, store.Decision{ID: d.ID}); err != nil {
				return "", err
			}
			msg += fmt.Sprintf(": %s merged back into %s", store.EntityID(ga), store.EntityID(gb))
		}
	}
	if err := st.MarkUndone(ctx, id, time.Now()); err != nil {
		return "", err
	}
	return msg, nil
}

// Find returns the entity arg names: "E12", or the most mentioned entity
// with that name (after normalisation, titles and transliteration), and
// the other entities of that name.
func Find(ctx context.Context, st store.Graph, arg string) (*store.GlobalEntity, []store.GlobalEntity, error) {
	if id, ok := store.ParseEntityID(arg); ok {
		if e, err := st.Entity(ctx, id); err == nil {
			return e, nil, nil
		}
	}
	found, err := st.FindEntities(ctx, NameKeys(arg), 10)
	if err != nil {
		return nil, nil, err
	}
	if len(found) == 0 {
		return nil, nil, fmt.Errorf("no entity named %q: %w", arg, store.ErrNotFound)
	}
	return &found[0], found[1:], nil
}
