package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/store"
)

// extractionTables are the tables that hold a document's extraction, and
// what was resolved from it (cleared with it, so that the document is
// resolved again; global entities and decisions stay).
var extractionTables = []string{"entities", "mentions", "relations", "events", "event_roles", "quotes", "attributions", "flags",
	"entity_members", "claims", "resolved_documents"}

// deleteExtraction removes everything extracted from document id.
func deleteExtraction(ctx context.Context, tx *sql.Tx, id string) error {
	for _, t := range extractionTables {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+t+` WHERE doc_id = ?`, id); err != nil {
			return fmt.Errorf("delete %s of %s: %w", t, id, err)
		}
	}
	return nil
}

// jsonText marshals v for a JSON column.
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only plain data is stored
	}
	return string(b)
}

// dateJSON returns the JSON of a date, or NULL.
func dateJSON(d *dossier.Date) (js, value any) {
	if d == nil {
		return nil, nil
	}
	return jsonText(d), d.Value
}

// writeExtraction inserts the rows of ex for document id.
func writeExtraction(ctx context.Context, tx execer, id string, ex *dossier.Extraction) error {
	v := ex.Version
	exec := func(q string, args ...any) error {
		_, err := tx.ExecContext(ctx, q, args...)
		return err
	}
	for i, e := range ex.Entities {
		aliases := e.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		attrs := e.Attributes
		if attrs == nil {
			attrs = map[string][]string{}
		}
		if err := exec(`INSERT INTO entities (doc_id, local_id, seq, type, name, aliases, attributes, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			id, e.ID, i, string(e.Type), e.Name, jsonText(aliases), jsonText(attrs), v); err != nil {
			return fmt.Errorf("entity %s: %w", e.ID, err)
		}
		for j, m := range e.Mentions {
			if err := exec(`INSERT INTO mentions (doc_id, entity_id, seq, start, end, text, version) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				id, e.ID, j, m.Start, m.End, m.Text, v); err != nil {
				return fmt.Errorf("mention of %s: %w", e.ID, err)
			}
		}
	}
	for i, r := range ex.Relations {
		if err := exec(`INSERT INTO relations (doc_id, seq, type, subject, object, confidence, modality, attribution, ev_start, ev_end, ev_text, rule, version)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, i, r.Type, r.Subject, r.Object, r.Confidence, string(r.Modality), r.Attribution,
			r.Evidence.Start, r.Evidence.End, r.Evidence.Text, r.Rule, v); err != nil {
			return fmt.Errorf("relation %d: %w", i, err)
		}
	}
	for i, e := range ex.Events {
		date, dateValue := dateJSON(e.Date)
		if err := exec(`INSERT INTO events (doc_id, local_id, seq, type, trigger_start, trigger_end, trigger_text, date, date_value, place, modality, attribution, ev_start, ev_end, ev_text, rule, version)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, e.ID, i, e.Type, e.Trigger.Start, e.Trigger.End, e.Trigger.Text, date, dateValue, e.Place,
			string(e.Modality), e.Attribution, e.Evidence.Start, e.Evidence.End, e.Evidence.Text, e.Rule, v); err != nil {
			return fmt.Errorf("event %s: %w", e.ID, err)
		}
		for j, r := range e.Roles {
			if err := exec(`INSERT INTO event_roles (doc_id, event_id, seq, role, entity, text, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
				id, e.ID, j, r.Role, r.Entity, r.Text, r.Start, r.End); err != nil {
				return fmt.Errorf("role of %s: %w", e.ID, err)
			}
		}
	}
	for i, q := range ex.Quotes {
		date, _ := dateJSON(q.Date)
		if err := exec(`INSERT INTO quotes (doc_id, seq, speaker, text, cue, recipient, date, start, end, rule, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, i, q.Speaker, q.Text, q.Cue, q.Recipient, date, q.Start, q.End, q.Rule, v); err != nil {
			return fmt.Errorf("quote %d: %w", i, err)
		}
	}
	for i, a := range ex.Attributions {
		if err := exec(`INSERT INTO attributions (doc_id, local_id, seq, kind, source, text, start, end, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, a.ID, i, string(a.Kind), a.Source, a.Text, a.Start, a.End, v); err != nil {
			return fmt.Errorf("attribution %s: %w", a.ID, err)
		}
	}
	for i, f := range ex.Flags {
		ents, evs := f.Entities, f.Evidence
		if ents == nil {
			ents = []string{}
		}
		if evs == nil {
			evs = []dossier.Evidence{}
		}
		if err := exec(`INSERT INTO flags (doc_id, seq, kind, message, entities, evidence, version) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			id, i, f.Kind, f.Message, jsonText(ents), jsonText(evs), v); err != nil {
			return fmt.Errorf("flag %d: %w", i, err)
		}
	}
	return nil
}

// Extraction implements store.Store: it rebuilds what was extracted from
// document id from the rows.
func (s *Store) Extraction(ctx context.Context, id string) (*dossier.Extraction, error) {
	s.preparePending(ctx)
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	ptx := s.preparedTx(tx)
	doc, err := scanDocument(ptx.QueryRowContext(ctx, `SELECT `+documentColumns+` FROM documents WHERE id = ?`, id), false)
	if err != nil {
		return nil, notFound(err, "document "+id)
	}
	ex := dossier.NewExtraction(doc, doc.Version)
	r := reader{ctx: ctx, tx: ptx, id: id}
	r.entities(ex)
	r.relations(ex)
	r.events(ex)
	r.quotes(ex)
	r.attributions(ex)
	r.flags(ex)
	if r.err != nil {
		return nil, fmt.Errorf("read extraction of %s: %w", id, r.err)
	}
	return ex, nil
}

// reader reads the rows of one extraction, keeping the first error.
type reader struct {
	ctx context.Context
	tx  querier
	id  string
	err error
}

// each runs query and calls scan for every row, until an error.
func (r *reader) each(query string, scan func(*sql.Rows) error) {
	if r.err != nil {
		return
	}
	rows, err := r.tx.QueryContext(r.ctx, query, r.id)
	if err != nil {
		r.err = err
		return
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			r.err = err
			return
		}
	}
	r.err = rows.Err()
}

func (r *reader) entities(ex *dossier.Extraction) {
	index := map[string]int{}
	r.each(`SELECT local_id, type, name, aliases, attributes FROM entities WHERE doc_id = ? ORDER BY seq`, func(rows *sql.Rows) error {
		var e dossier.Entity
		var aliases, attrs string
		if err := rows.Scan(&e.ID, &e.Type, &e.Name, &aliases, &attrs); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(aliases), &e.Aliases); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(attrs), &e.Attributes); err != nil {
			return err
		}
		if len(e.Aliases) == 0 {
			e.Aliases = nil
		}
		if len(e.Attributes) == 0 {
			e.Attributes = nil
		}
		e.Mentions = []dossier.Mention{}
		index[e.ID] = len(ex.Entities)
		ex.Entities = append(ex.Entities, e)
		return nil
	})
	r.each(`SELECT entity_id, start, end, text FROM mentions WHERE doc_id = ? ORDER BY entity_id, seq`, func(rows *sql.Rows) error {
		var eid string
		var m dossier.Mention
		if err := rows.Scan(&eid, &m.Start, &m.End, &m.Text); err != nil {
			return err
		}
		if i, ok := index[eid]; ok {
			ex.Entities[i].Mentions = append(ex.Entities[i].Mentions, m)
		}
		return nil
	})
}

func (r *reader) relations(ex *dossier.Extraction) {
	r.each(`SELECT type, subject, object, confidence, modality, attribution, ev_start, ev_end, ev_text, rule FROM relations WHERE doc_id = ? ORDER BY seq`, func(rows *sql.Rows) error {
		var x dossier.Relation
		if err := rows.Scan(&x.Type, &x.Subject, &x.Object, &x.Confidence, &x.Modality, &x.Attribution,
			&x.Evidence.Start, &x.Evidence.End, &x.Evidence.Text, &x.Rule); err != nil {
			return err
		}
		ex.Relations = append(ex.Relations, x)
		return nil
	})
}

// scanDate decodes a JSON date column.
func scanDate(js sql.NullString) (*dossier.Date, error) {
	if !js.Valid {
		return nil, nil
	}
	var d dossier.Date
	if err := json.Unmarshal([]byte(js.String), &d); err != nil {
		return nil, err
	}
	return &d, nil
}

func (r *reader) events(ex *dossier.Extraction) {
	index := map[string]int{}
	r.each(`SELECT local_id, type, trigger_start, trigger_end, trigger_text, date, place, modality, attribution, ev_start, ev_end, ev_text, rule
		FROM events WHERE doc_id = ? ORDER BY seq`, func(rows *sql.Rows) error {
		var e dossier.EventRecord
		var date sql.NullString
		if err := rows.Scan(&e.ID, &e.Type, &e.Trigger.Start, &e.Trigger.End, &e.Trigger.Text, &date, &e.Place,
			&e.Modality, &e.Attribution, &e.Evidence.Start, &e.Evidence.End, &e.Evidence.Text, &e.Rule); err != nil {
			return err
		}
		var err error
		if e.Date, err = scanDate(date); err != nil {
			return err
		}
		e.Roles = []dossier.Role{}
		index[e.ID] = len(ex.Events)
		ex.Events = append(ex.Events, e)
		return nil
	})
	r.each(`SELECT event_id, role, entity, text, start, end FROM event_roles WHERE doc_id = ? ORDER BY event_id, seq`, func(rows *sql.Rows) error {
		var eid string
		var x dossier.Role
		if err := rows.Scan(&eid, &x.Role, &x.Entity, &x.Text, &x.Start, &x.End); err != nil {
			return err
		}
		if i, ok := index[eid]; ok {
			ex.Events[i].Roles = append(ex.Events[i].Roles, x)
		}
		return nil
	})
}

func (r *reader) quotes(ex *dossier.Extraction) {
	r.each(`SELECT speaker, text, cue, recipient, date, start, end, rule FROM quotes WHERE doc_id = ? ORDER BY seq`, func(rows *sql.Rows) error {
		var q dossier.Quote
		var date sql.NullString
		if err := rows.Scan(&q.Speaker, &q.Text, &q.Cue, &q.Recipient, &date, &q.Start, &q.End, &q.Rule); err != nil {
			return err
		}
		var err error
		q.Date, err = scanDate(date)
		ex.Quotes = append(ex.Quotes, q)
		return err
	})
}

func (r *reader) attributions(ex *dossier.Extraction) {
	r.each(`SELECT local_id, kind, source, text, start, end FROM attributions WHERE doc_id = ? ORDER BY seq`, func(rows *sql.Rows) error {
		var a dossier.Attribution
		if err := rows.Scan(&a.ID, &a.Kind, &a.Source, &a.Text, &a.Start, &a.End); err != nil {
			return err
		}
		ex.Attributions = append(ex.Attributions, a)
		return nil
	})
}

func (r *reader) flags(ex *dossier.Extraction) {
	r.each(`SELECT kind, message, entities, evidence FROM flags WHERE doc_id = ? ORDER BY seq`, func(rows *sql.Rows) error {
		var f dossier.Flag
		var ents, evs string
		if err := rows.Scan(&f.Kind, &f.Message, &ents, &evs); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(ents), &f.Entities); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(evs), &f.Evidence); err != nil {
			return err
		}
		if len(f.Entities) == 0 {
			f.Entities = nil
		}
		if len(f.Evidence) == 0 {
			f.Evidence = nil
		}
		ex.Flags = append(ex.Flags, f)
		return nil
	})
}

// ensure the interface stays implemented as it grows.
var _ = store.ErrNotFound
