// Package muc evaluates dossier on the MUC-4 terrorist-incident data: it
// reads the documents (JSON Lines, one document a line), maps dossier's
// attack events to the five MUC-4 roles (PerpInd, PerpOrg, Target, Victim,
// Weapon) and scores the result with the data's matching rule.
//
// Everything MUC-specific lives here; package events knows nothing of MUC.
package muc

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/dossier-osint/dossier/nlp/dates"
)

// RoleNames are the MUC-4 roles, in the order they are reported.
var RoleNames = []string{"PerpInd", "PerpOrg", "Target", "Victim", "Weapon"}

// Roles maps a MUC role name to its entities, each entity a list of
// alternative mentions ("guerrillas", "guerrilla column").
type Roles map[string][][]string

// Template is one incident of a document.
type Template struct {
	IncidentType string `json:"incident_type"`
	Roles        Roles  `json:"roles"`
}

// Document is one MUC-4 document as distributed in the JSON Lines files.
type Document struct {
	DocID     string `json:"docid"`
	Dateline  string `json:"dateline"`
	Text      string `json:"text"`
	TextUpper string `json:"text_upper"`
	// TextMixedCase is a restored-case version of the text, when the file
	// has one.
	TextMixedCase string     `json:"text_mixed_case"`
	Templates     []Template `json:"templates"`
	// Roles is the union of the templates' roles.
	Roles Roles `json:"roles"`
}

// Input returns the text dossier reads: the mixed-case text when present,
// else the original upper-case text, else the lower-cased one.
func (d *Document) Input() string {
	switch {
	case d.TextMixedCase != "":
		return d.TextMixedCase
	case d.TextUpper != "":
		return d.TextUpper
	}
	return d.Text
}

// HasIncident reports whether the document reports at least one incident.
func (d *Document) HasIncident() bool { return len(d.Templates) > 0 }

// Read reads MUC-4 documents from r, one JSON object a line; name is used
// in error messages.
func Read(r io.Reader, name string) ([]Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<26)
	var out []Document
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var d Document
		if err := json.Unmarshal(b, &d); err != nil {
			return nil, fmt.Errorf("read %s line %d: %w", name, line, err)
		}
		if d.DocID == "" {
			return nil, fmt.Errorf("read %s line %d: no docid", name, line)
		}
		out = append(out, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return out, nil
}

// ReadFile reads the MUC-4 documents of the JSON Lines file at path.
func ReadFile(path string) ([]Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	return Read(f, path)
}

// datelineRE splits "GUATEMALA CITY, 4 FEB 90 (ACAN-EFE)" into place,
// date and agency.
var datelineRE = regexp.MustCompile(`^\s*([^,(]+?)\s*,\s*([^()]*?)\s*(?:\(([^()]*)\))?\s*$`)

// Dateline is what a MUC dateline says: where and when the report was
// filed, and by which agency.
type Dateline struct {
	Place  string
	Date   time.Time
	Agency string
}

// ParseDateline reads a MUC dateline. The date is resolved with two-digit
// years in the 1980s and 1990s; ok is false when no date can be read.
func ParseDateline(s string) (Dateline, bool) {
	m := datelineRE.FindStringSubmatch(s)
	if m == nil {
		return Dateline{}, false
	}
	dl := Dateline{Place: m[1], Agency: m[3]}
	v, ok := dates.Resolve(m[2], time.Date(1995, 12, 31, 0, 0, 0, 0, time.UTC), dates.Past)
	if !ok || v.Precision != dates.Day {
		return dl, false
	}
	t, err := time.Parse("2006-01-02", v.Value)
	if err != nil {
		return dl, false
	}
	dl.Date = t
	return dl, true
}
