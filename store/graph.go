package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-osint/dossier"
)

// Graph keeps the knowledge graph across documents: global entities that
// document-local entities resolve to, the claims between them, and the
// analysts' decisions (merge, split, not-same) that survive re-ingest and
// reprocess because they are anchored on documents and names, not on
// document-local ids.
type Graph interface {
	// UnresolvedDocuments lists up to limit documents (oldest first) some of
	// whose entities belong to no global entity.
	UnresolvedDocuments(ctx context.Context, limit int) ([]string, error)
	// EntityProfiles returns every global entity with what the resolver
	// compares: names, titles, context. It is read once per resolution run.
	EntityProfiles(ctx context.Context) ([]EntityProfile, error)
	// SaveResolution writes the resolutions of documents, in order, in one
	// transaction: new global entities (with the ids the resolver gave
	// them), updated profiles, memberships, claims, automatic decisions and
	// same-as candidates.
	SaveResolution(ctx context.Context, rs ...*Resolution) error
	// ResetResolution forgets every global entity, membership, claim and
	// automatic decision (manual decisions stay, to be replayed).
	ResetResolution(ctx context.Context) error

	// Entity returns one global entity, or ErrNotFound.
	Entity(ctx context.Context, id int64) (*GlobalEntity, error)
	// FindEntities returns the global entities one of whose name keys (see
	// resolve.Keys) is among keys, most mentioned first.
	FindEntities(ctx context.Context, keys []string, limit int) ([]GlobalEntity, error)
	// Members lists the document-local entities of global entity id.
	Members(ctx context.Context, id int64) ([]Member, error)
	// MemberOf returns the global entity the member ref belongs to, or
	// ErrNotFound.
	MemberOf(ctx context.Context, ref MemberRef) (int64, error)
	// EntityClaims returns the claims whose subject or object is entity id,
	// and the claims of the events it takes part in (the neighbourhood),
	// filtered by f.
	EntityClaims(ctx context.Context, id int64, f ClaimFilter) ([]Claim, error)
	// EachClaim calls fn for every claim passing f, in id order.
	EachClaim(ctx context.Context, f ClaimFilter, fn func(Claim) error) error
	// SameAs lists the "possible same as" candidates of entity id, best
	// first.
	SameAs(ctx context.Context, id int64) ([]SameAs, error)

	// MergeEntities moves every member and claim of entity from into
	// entity into and deletes from, recording decision d (whose Moved is
	// filled in by the store). It returns the decision's id.
	MergeEntities(ctx context.Context, into, from int64, d Decision) (int64, error)
	// SplitMembers moves the given members of their entity into a new
	// global entity (named after the first), recording d; it returns the
	// new entity's id and the decision's id.
	SplitMembers(ctx context.Context, members []MemberRef, d Decision) (newID, decisionID int64, err error)
	// AddDecision records a decision that moves nothing (not-same).
	AddDecision(ctx context.Context, d Decision) (int64, error)
	// Decisions lists decisions, oldest first; undone ones too when all.
	Decisions(ctx context.Context, all bool) ([]Decision, error)
	// Decision returns one decision, or ErrNotFound.
	Decision(ctx context.Context, id int64) (*Decision, error)
	// MarkUndone sets the undone time of decision id.
	MarkUndone(ctx context.Context, id int64, at time.Time) error
}

// EntityID formats a global entity id as people read it: "E12".
func EntityID(id int64) string { return "E" + strconv.FormatInt(id, 10) }

// ParseEntityID reads "E12" or "12" as 12.
func ParseEntityID(s string) (int64, bool) {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "E"), "e")
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil && n > 0
}

// GlobalEntity is one person, organisation or place across all documents.
type GlobalEntity struct {
	ID      int64              `json:"id"`
	Type    dossier.EntityType `json:"type"`
	Name    string             `json:"name"`
	Aliases []string           `json:"aliases,omitempty"`
	// Attributes: "titles", "country", "geonames"...
	Attributes map[string][]string `json:"attributes,omitempty"`
	// Lat and Lon locate a place (both nil for anything else).
	Lat *float64 `json:"lat,omitempty"`
	Lon *float64 `json:"lon,omitempty"`
	// Members counts the document-local entities resolved to it.
	Members int `json:"members"`
	// Documents counts the documents it is mentioned in.
	Documents int `json:"documents"`
}

// Ref returns "E<id>".
func (e GlobalEntity) Ref() string { return EntityID(e.ID) }

// EntityProfile is a global entity as the resolver sees it.
type EntityProfile struct {
	GlobalEntity
	// Keys are the normalised keys of its name and aliases, to find it by
	// name; Keys[0] is its name's.
	Keys []string
	// Context holds the name keys of entities mentioned beside it.
	Context []string
	// Anchors are the members named by decisions, so that not-same
	// decisions can be honoured.
	Anchors []MemberRef
}

// MemberRef names a document-local entity in a way that survives
// re-extraction: the document and the normalised key of the entity's name.
type MemberRef struct {
	Doc string `json:"doc"`
	Key string `json:"key"`
}

// String writes the ref as "doc#key".
func (m MemberRef) String() string { return m.Doc + "#" + m.Key }

// ParseMemberRef reads "doc#key".
func ParseMemberRef(s string) (MemberRef, error) {
	d, k, ok := strings.Cut(s, "#")
	if !ok || d == "" || k == "" {
		return MemberRef{}, fmt.Errorf("member %q: want DOCUMENT#NAME-KEY", s)
	}
	return MemberRef{Doc: d, Key: k}, nil
}

// Member is a document-local entity in a global one.
type Member struct {
	Doc   string `json:"doc"`
	Local string `json:"local"`
	Key   string `json:"key"`
	// NameKey is the folded key that finds it by name (resolve.NameKeys).
	NameKey string             `json:"name_key,omitempty"`
	Name    string             `json:"name"`
	Type    dossier.EntityType `json:"type"`
	Global  int64              `json:"global"`
	Score   float64            `json:"score"`
	Method  string             `json:"method"`
	// Mentions counts its mentions in the document.
	Mentions int `json:"mentions"`
}

// Ref returns the member's stable reference.
func (m Member) Ref() MemberRef { return MemberRef{Doc: m.Doc, Key: m.Key} }

// Claim is one resolved claim: a relation between two global entities, or
// one entity's role in an event, with its evidence and who asserts it.
type Claim struct {
	ID int64 `json:"id"`
	// Doc and Cluster say where it was read: documents of one syndication
	// cluster are one source.
	Doc       string `json:"doc"`
	Cluster   string `json:"cluster"`
	Published string `json:"published,omitempty"`
	// Kind is "relation" or "event".
	Kind string `json:"kind"`
	// Predicate is the relation type or the event type.
	Predicate string `json:"predicate"`
	// Event is the document-local event id, Role the subject's role in it.
	Event string `json:"event,omitempty"`
	Role  string `json:"role,omitempty"`
	// Subject and Object are global entity ids (Object 0 for an event role).
	Subject int64 `json:"subject"`
	Object  int64 `json:"object,omitempty"`
	// Place is the global entity of the event's place, 0 when none.
	Place int64 `json:"place,omitempty"`
	// SubjectLocal, ObjectLocal, PlaceLocal and SpeakerLocal are the
	// document-local ids behind the global ones.
	SubjectLocal string `json:"subject_local,omitempty"`
	ObjectLocal  string `json:"object_local,omitempty"`
	PlaceLocal   string `json:"place_local,omitempty"`
	SpeakerLocal string `json:"speaker_local,omitempty"`
	// Date is the event's normalised date ("2026-04-21", "2026-04", "").
	Date            string                  `json:"date,omitempty"`
	Modality        dossier.Modality        `json:"modality"`
	AttributionKind dossier.AttributionKind `json:"attribution_kind"`
	AttributionText string                  `json:"attribution_text,omitempty"`
	// Speaker is the global entity of a named source, 0 when none.
	Speaker    int64            `json:"speaker,omitempty"`
	Confidence float64          `json:"confidence"`
	Evidence   dossier.Evidence `json:"evidence"`
}

// When returns the claim's date: the event's date, else the document's
// publication date.
func (c Claim) When() string {
	if c.Date != "" {
		return c.Date
	}
	return c.Published
}

// ClaimFilter selects claims. Zero fields select everything.
type ClaimFilter struct {
	// Predicates keeps claims of these relation or event types.
	Predicates []string
	// Modalities keeps claims of these modalities.
	Modalities []dossier.Modality
	// AttributionKinds keeps claims resting on these kinds of source.
	AttributionKinds []dossier.AttributionKind
	// From and To bound When() (inclusive, compared as ISO strings, so
	// "2026-04" covers the month).
	From, To string
	// Limit bounds the number returned by EntityClaims (0: no bound).
	Limit int
}

// Match reports whether c passes the filter.
func (f ClaimFilter) Match(c Claim) bool {
	if len(f.Predicates) > 0 && !contains(f.Predicates, c.Predicate) {
		return false
	}
	if len(f.Modalities) > 0 && !contains(f.Modalities, c.Modality) {
		return false
	}
	if len(f.AttributionKinds) > 0 && !contains(f.AttributionKinds, c.AttributionKind) {
		return false
	}
	w := c.When()
	if f.From != "" && (w == "" || w < f.From) {
		return false
	}
	if f.To != "" && (w == "" || (w > f.To && !strings.HasPrefix(w, f.To))) {
		return false
	}
	return true
}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// SameAs is a "possible same as" candidate: scored too low to merge, too
// high to ignore.
type SameAs struct {
	Entity int64   `json:"entity"`
	Other  int64   `json:"other"`
	Name   string  `json:"name"`
	Score  float64 `json:"score"`
	Why    string  `json:"why"`
}

// Decision kinds.
const (
	DecisionMerge   = "merge"
	DecisionSplit   = "split"
	DecisionNotSame = "not-same"
)

// Decision is a merge, split or not-same judgement, by a person or by the
// resolver, kept so that it can be reviewed, undone, and replayed after
// re-extraction.
type Decision struct {
	ID   int64  `json:"id"`
	Kind string `json:"kind"`
	// A and B anchor the two sides: for a merge, a member of the kept
	// entity and of the absorbed one; for a split, the member taken out
	// and a member of the entity it leaves; for not-same, one member of
	// each.
	A         MemberRef `json:"a"`
	B         MemberRef `json:"b"`
	Who       string    `json:"who"`
	At        time.Time `json:"at"`
	Why       string    `json:"why,omitempty"`
	Score     float64   `json:"score,omitempty"`
	Automatic bool      `json:"automatic"`
	// Moved lists the members the decision moved, so it can be undone.
	Moved    []MemberRef `json:"moved,omitempty"`
	UndoneAt *time.Time  `json:"undone_at,omitempty"`
}

// Active reports whether the decision has not been undone.
func (d Decision) Active() bool { return d.UndoneAt == nil }

// Resolution is what resolving one document wrote.
type Resolution struct {
	Doc string
	// New are global entities first seen in this document, with their
	// ids set by the resolver.
	New []EntityProfile
	// Updated are existing global entities whose profile grew.
	Updated []EntityProfile
	// Members maps each document-local entity to a global one.
	Members []Member
	// Claims are the document's resolved claims.
	Claims []Claim
	// Decisions are automatic decisions worth a review (fuzzy merges).
	Decisions []Decision
	// SameAs are candidates scored between the two thresholds.
	SameAs []SameAs
}
