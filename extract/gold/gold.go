// Package gold holds hand-checked expected extractions ("gold") for articles
// and scores what the extractor produced against them: precision, recall and
// F1 of entities, relations, events and event roles, quote recall and
// speaker accuracy, and the accuracy of attribution kinds and modalities.
//
// A gold file is JSON, one per input file (testdata/golden/README.md
// describes the format); it lists the documents read from that input, each
// identified by its title or by the first words of its text.
package gold

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dossier-osint/dossier"
)

// File is one gold file: the expected extraction of every document read
// from one input file.
type File struct {
	// Input is the base name of the input file the documents are read from
	// ("fna-attack-anantnag.txt", "northern-courier-feed.xml").
	Input     string     `json:"input"`
	Documents []Document `json:"documents"`
	// Path is where the gold file was loaded from.
	Path string `json:"-"`
}

// Document is the expected extraction of one document.
type Document struct {
	// Title identifies the document: it is compared, normalised, with the
	// title of the predicted extraction.
	Title string `json:"title,omitempty"`
	// TextStarts identifies a document that has no title (or whose title is
	// not unique): the first words of its text, compared normalised.
	TextStarts string `json:"text_starts,omitempty"`
	// Published is the publication date the relative dates were resolved
	// against (for the reader of the gold; not scored).
	Published string     `json:"published,omitempty"`
	Entities  []Entity   `json:"entities"`
	Relations []Relation `json:"relations"`
	Events    []Event    `json:"events"`
	Quotes    []Quote    `json:"quotes"`
}

// Entity is an expected entity: its type, its canonical name (honorifics
// stripped, the most complete form the text gives) and the other names the
// text uses for it.
type Entity struct {
	Type    dossier.EntityType `json:"type"`
	Name    string             `json:"name"`
	Aliases []string           `json:"aliases,omitempty"`
}

// Relation is an expected relation between two entities, named by their
// gold names.
type Relation struct {
	Type        string                  `json:"type"`
	Subject     string                  `json:"subject"`
	Object      string                  `json:"object"`
	Attribution dossier.AttributionKind `json:"attribution"`
	Modality    dossier.Modality        `json:"modality"`
}

// Event is an expected event.
type Event struct {
	Type string `json:"type"`
	// Date is ISO 8601 at the precision the text gives, or an interval
	// "start/end"; empty when the text gives no date.
	Date string `json:"date,omitempty"`
	// Place is the gold name of the place entity, if the text names one.
	Place       string                  `json:"place,omitempty"`
	Roles       []Role                  `json:"roles"`
	Attribution dossier.AttributionKind `json:"attribution"`
	Modality    dossier.Modality        `json:"modality"`
}

// Role fills one slot of an expected event: Name is the gold name of an
// entity, Text a description where the text names no entity.
type Role struct {
	Role string `json:"role"`
	Name string `json:"name,omitempty"`
	Text string `json:"text,omitempty"`
}

// Quote is an expected quote: who says it (a gold entity name, or "" when
// the speaker is not a named entity), the first words of the quoted text,
// the cue verb and the recipient ("told IANS").
type Quote struct {
	Speaker    string `json:"speaker"`
	StartsWith string `json:"starts_with"`
	Cue        string `json:"cue,omitempty"`
	Recipient  string `json:"recipient,omitempty"`
}

// Key returns the identifier of the document used in reports: its title, or
// the first words of its text.
func (d *Document) Key() string {
	if d.Title != "" {
		return d.Title
	}
	return d.TextStarts
}

// The vocabularies a gold file is checked against.
var (
	// RelationTypes is the core relation vocabulary.
	RelationTypes = []string{"member_of", "leader_of", "spokesperson_of", "founder_of", "role_of",
		"ambassador_of", "family_of", "sibling_of", "part_of", "located_in", "based_in",
		"affiliated_with", "supports", "met_with", "trained_in"}
	// EventTypes is the core event vocabulary.
	EventTypes = []string{"attack", "meeting", "visit", "arrest", "release", "death", "statement", "training"}
	// RoleNames is the core event-role vocabulary.
	RoleNames = []string{"perpetrator", "target", "victim", "weapon", "place", "time", "attendee",
		"organiser", "host", "traveller", "destination", "subject", "speaker"}
	// EntityTypes are the entity types gold lists (MISC is not scored).
	EntityTypes = []dossier.EntityType{dossier.Person, dossier.Org, dossier.GPE, dossier.Loc,
		dossier.Fac, dossier.NORP, dossier.Event}
)

// SymmetricRelations are the relation types whose subject and object may be
// given in either order.
var SymmetricRelations = map[string]bool{"sibling_of": true, "family_of": true, "met_with": true, "affiliated_with": true}

// LoadFile reads and validates one gold file.
func LoadFile(path string) (*File, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read gold %s: %w", path, err)
	}
	var f File
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("parse gold %s: %w", path, err)
	}
	f.Path = path
	if f.Input == "" {
		f.Input = strings.TrimSuffix(filepath.Base(path), ".json")
	}
	if err := f.Validate(); err != nil {
		return nil, fmt.Errorf("gold %s: %w", path, err)
	}
	return &f, nil
}

// Load reads every *.json gold file under dir (recursively), sorted by path.
func Load(dir string) ([]*File, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".json") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load gold %s: %w", dir, err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("load gold %s: no .json gold files", dir)
	}
	sort.Strings(paths)
	files := make([]*File, 0, len(paths))
	for _, p := range paths {
		f, err := LoadFile(p)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

// Validate checks a gold file: every document identified, every type from
// the vocabulary, every name used by a relation, event or quote listed among
// the document's entities, no entity or relation listed twice.
func (f *File) Validate() error {
	if len(f.Documents) == 0 {
		return errors.New("no documents")
	}
	keys := map[string]bool{}
	var errs []error
	for i := range f.Documents {
		d := &f.Documents[i]
		if d.Key() == "" {
			errs = append(errs, fmt.Errorf("document %d: neither title nor text_starts", i+1))
			continue
		}
		k := Normalise(d.Key())
		if keys[k] {
			errs = append(errs, fmt.Errorf("document %q: listed twice", d.Key()))
		}
		keys[k] = true
		if err := d.validate(); err != nil {
			errs = append(errs, fmt.Errorf("document %q: %w", d.Key(), err))
		}
	}
	return errors.Join(errs...)
}

func (d *Document) validate() error {
	var errs []error
	names := map[string]bool{}
	for _, e := range d.Entities {
		if !contains(EntityTypes, e.Type) {
			errs = append(errs, fmt.Errorf("entity %q: unknown type %q", e.Name, e.Type))
		}
		if e.Name == "" {
			errs = append(errs, errors.New("entity with no name"))
		}
		if names[e.Name] {
			errs = append(errs, fmt.Errorf("entity %q listed twice", e.Name))
		}
		names[e.Name] = true
	}
	known := func(what, name string) {
		if !names[name] {
			errs = append(errs, fmt.Errorf("%s: %q is not a listed entity", what, name))
		}
	}
	seen := map[[3]string]bool{}
	for _, r := range d.Relations {
		what := fmt.Sprintf("relation %s(%s, %s)", r.Type, r.Subject, r.Object)
		if !contains(RelationTypes, r.Type) {
			errs = append(errs, fmt.Errorf("%s: unknown type", what))
		}
		known(what, r.Subject)
		known(what, r.Object)
		errs = append(errs, checkClaim(what, r.Attribution, r.Modality)...)
		k := [3]string{r.Type, r.Subject, r.Object}
		if SymmetricRelations[r.Type] && k[2] < k[1] {
			k[1], k[2] = k[2], k[1]
		}
		if seen[k] {
			errs = append(errs, fmt.Errorf("%s listed twice", what))
		}
		seen[k] = true
	}
	for i, v := range d.Events {
		what := fmt.Sprintf("event %d (%s)", i+1, v.Type)
		if !contains(EventTypes, v.Type) {
			errs = append(errs, fmt.Errorf("%s: unknown type", what))
		}
		if v.Place != "" {
			known(what+" place", v.Place)
		}
		for _, r := range v.Roles {
			if !contains(RoleNames, r.Role) {
				errs = append(errs, fmt.Errorf("%s: unknown role %q", what, r.Role))
			}
			if (r.Name == "") == (r.Text == "") {
				errs = append(errs, fmt.Errorf("%s: role %s needs exactly one of name and text", what, r.Role))
			}
			if r.Name != "" {
				known(what+" role "+r.Role, r.Name)
			}
		}
		errs = append(errs, checkClaim(what, v.Attribution, v.Modality)...)
	}
	for _, q := range d.Quotes {
		what := fmt.Sprintf("quote %q", q.StartsWith)
		if len(strings.Fields(Normalise(q.StartsWith))) == 0 {
			errs = append(errs, fmt.Errorf("%s: empty starts_with", what))
		}
		if q.Speaker != "" {
			known(what+" speaker", q.Speaker)
		}
		if q.Recipient != "" {
			known(what+" recipient", q.Recipient)
		}
	}
	return errors.Join(errs...)
}

func checkClaim(what string, a dossier.AttributionKind, m dossier.Modality) []error {
	var errs []error
	switch a {
	case dossier.Named, dossier.Organisation, dossier.Anonymous, dossier.Outlet:
	default:
		errs = append(errs, fmt.Errorf("%s: attribution %q: want named, organisation, anonymous or outlet", what, a))
	}
	switch m {
	case dossier.Asserted, dossier.Hedged, dossier.Negated, dossier.Reported:
	default:
		errs = append(errs, fmt.Errorf("%s: modality %q: want asserted, hedged, negated or reported", what, m))
	}
	return errs
}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
