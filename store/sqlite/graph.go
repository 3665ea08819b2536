package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/store"
)

// UnresolvedDocuments implements store.Graph.
func (s *Store) UnresolvedDocuments(ctx context.Context, limit int) ([]string, error) {
	if limit <= 0 {
		limit = 1000
	}
	rows, err := s.db.QueryContext(ctx, `SELECT d.id FROM documents d
		WHERE NOT EXISTS (SELECT 1 FROM resolved_documents r WHERE r.doc_id = d.id)
		ORDER BY d.ingested, d.id LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("unresolved documents: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

const entityColumns = `g.id, g.type, g.name, g.aliases, g.attributes, g.lat, g.lon`

// scanEntity reads the entityColumns of one row, with extra destinations.
func scanEntity(row interface{ Scan(...any) error }, extra ...any) (store.GlobalEntity, error) {
	var e store.GlobalEntity
	var aliases, attrs string
	var lat, lon sql.NullFloat64
	dst := append([]any{&e.ID, &e.Type, &e.Name, &aliases, &attrs, &lat, &lon}, extra...)
	if err := row.Scan(dst...); err != nil {
		return e, err
	}
	if err := json.Unmarshal([]byte(aliases), &e.Aliases); err != nil {
		return e, fmt.Errorf("entity %d aliases: %w", e.ID, err)
	}
	if err := json.Unmarshal([]byte(attrs), &e.Attributes); err != nil {
		return e, fmt.Errorf("entity %d attributes: %w", e.ID, err)
	}
	if len(e.Aliases) == 0 {
		e.Aliases = nil
	}
	if len(e.Attributes) == 0 {
		e.Attributes = nil
	}
	if lat.Valid && lon.Valid {
		e.Lat, e.Lon = &lat.Float64, &lon.Float64
	}
	return e, nil
}

// EntityProfiles implements store.Graph.
func (s *Store) EntityProfiles(ctx context.Context) ([]store.EntityProfile, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+entityColumns+`, g.context FROM global_entities g ORDER BY g.id`)
	if err != nil {
		return nil, fmt.Errorf("entity profiles: %w", err)
	}
	defer rows.Close()
	var out []store.EntityProfile
	index := map[int64]int{}
	for rows.Next() {
		var ctxJSON string
		e, err := scanEntity(rows, &ctxJSON)
		if err != nil {
			return nil, err
		}
		p := store.EntityProfile{GlobalEntity: e}
		if err := json.Unmarshal([]byte(ctxJSON), &p.Context); err != nil {
			return nil, fmt.Errorf("entity %d context: %w", e.ID, err)
		}
		index[e.ID] = len(out)
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	if err := s.eachRow(ctx, `SELECT key, global_id FROM entity_names ORDER BY global_id, key`, func(r *sql.Rows) error {
		var k string
		var id int64
		if err := r.Scan(&k, &id); err != nil {
			return err
		}
		if i, ok := index[id]; ok {
			out[i].Keys = append(out[i].Keys, k)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	err = s.eachRow(ctx, `SELECT DISTINCT m.global_id, m.doc_id, m.key FROM entity_members m
		JOIN (SELECT a_doc AS d, a_key AS k FROM decisions WHERE undone_at IS NULL
		      UNION SELECT b_doc, b_key FROM decisions WHERE undone_at IS NULL) r
		ON m.doc_id = r.d AND m.key = r.k`, func(r *sql.Rows) error {
		var id int64
		var ref store.MemberRef
		if err := r.Scan(&id, &ref.Doc, &ref.Key); err != nil {
			return err
		}
		if i, ok := index[id]; ok {
			out[i].Anchors = append(out[i].Anchors, ref)
		}
		return nil
	})
	return out, err
}

// eachRow runs query and calls fn for each row.
func (s *Store) eachRow(ctx context.Context, query string, fn func(*sql.Rows) error, args ...any) error {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// attrsJSON marshals attributes, never as null.
func attrsJSON(a map[string][]string) string {
	if a == nil {
		a = map[string][]string{}
	}
	return jsonText(a)
}

// listJSON marshals a list, never as null.
func listJSON[T any](l []T) string {
	if l == nil {
		l = []T{}
	}
	return jsonText(l)
}

// latLon returns the coordinates as SQL values.
func latLon(e store.GlobalEntity) (any, any) {
	if e.Lat == nil || e.Lon == nil {
		return nil, nil
	}
	return *e.Lat, *e.Lon
}

// putNames records the name keys of entity id.
func putNames(ctx context.Context, tx execer, id int64, keys []string) error {
	for _, k := range keys {
		if k == "" {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO entity_names (key, global_id) VALUES (?, ?)`, k, id); err != nil {
			return fmt.Errorf("name %q of entity %d: %w", k, id, err)
		}
	}
	return nil
}

// insertEntity creates a global entity from p and returns its id.
func insertEntity(ctx context.Context, tx execer, p store.EntityProfile, now string) (int64, error) {
	key := ""
	if len(p.Keys) > 0 {
		key = p.Keys[0]
	}
	lat, lon := latLon(p.GlobalEntity)
	var id any // the resolver's id, or the next free one
	if p.ID > 0 {
		id = p.ID
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO global_entities (id, type, name, key, aliases, attributes, context, lat, lon, updated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, string(p.Type), p.Name, key, listJSON(p.Aliases), attrsJSON(p.Attributes),
		listJSON(p.Context), lat, lon, now)
	if err != nil {
		return 0, fmt.Errorf("insert entity %q: %w", p.Name, err)
	}
	newID, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	return newID, putNames(ctx, tx, newID, p.Keys)
}

// updateEntity rewrites the profile of an existing entity.
func updateEntity(ctx context.Context, tx execer, p store.EntityProfile, now string) error {
	lat, lon := latLon(p.GlobalEntity)
	if _, err := tx.ExecContext(ctx, `UPDATE global_entities SET name = ?, aliases = ?, attributes = ?, context = ?, lat = ?, lon = ?, updated = ?
		WHERE id = ?`, p.Name, listJSON(p.Aliases), attrsJSON(p.Attributes), listJSON(p.Context), lat, lon, now, p.ID); err != nil {
		return fmt.Errorf("update entity %d: %w", p.ID, err)
	}
	return putNames(ctx, tx, p.ID, p.Keys)
}

// SaveResolution implements store.Graph.
func (s *Store) SaveResolution(ctx context.Context, rs ...*store.Resolution) error {
	if len(rs) == 0 {
		return nil
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		// The connection that writes resolutions gets a larger page
		// cache, so that the pages of the graph's indexes it writes stay
		// in memory from one batch to the next (the others keep the
		// default, and read through the memory map), and checkpoints the
		// log less often: a page written by several batches is copied
		// into the file once.
		for _, p := range []string{`PRAGMA cache_size = -` + fmt.Sprint(writerCacheKiB), `PRAGMA wal_autocheckpoint = ` + fmt.Sprint(writerCheckpointPages)} {
			if _, err := tx.ExecContext(ctx, p); err != nil {
				return err
			}
		}
		now := time.Now().UTC().Format(time.RFC3339Nano)
		ptx := s.preparedTx(tx)
		for _, r := range rs {
			if err := saveResolution(ctx, ptx, r, now); err != nil {
				return fmt.Errorf("save resolution of %s: %w", r.Doc, err)
			}
		}
		return nil
	})
}

// writerCacheKiB is the page cache of a connection that has written
// resolutions (the others have 64 MiB), and writerCheckpointPages the
// size its write-ahead log may reach before it is copied into the file
// (SQLite's default is 1,000 pages).
const (
	writerCacheKiB        = 256 << 10
	writerCheckpointPages = 10000
)

// saveResolution writes one document's resolution.
func saveResolution(ctx context.Context, tx *preparedTx, r *store.Resolution, now string) error {
	for _, p := range r.New {
		if p.ID <= 0 {
			return fmt.Errorf("new entity %q has no id", p.Name)
		}
		if _, err := insertEntity(ctx, tx, p, now); err != nil {
			return err
		}
	}
	for _, p := range r.Updated {
		if err := updateEntity(ctx, tx, p, now); err != nil {
			return err
		}
	}
	// A document has members and claims only while it is marked resolved
	// (they are written, and cleared, together): only a document resolved
	// before has rows to clear. Looking that up in the small
	// resolved_documents is cheaper than two deletes that find nothing.
	var was int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM resolved_documents WHERE doc_id = ?`, r.Doc).Scan(&was); err != nil {
		return fmt.Errorf("resolved before: %w", err)
	}
	for _, t := range []string{"entity_members", "claims"} {
		if was == 0 {
			break
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+t+` WHERE doc_id = ?`, r.Doc); err != nil {
			return fmt.Errorf("clear %s: %w", t, err)
		}
	}
	for _, m := range r.Members {
		if _, err := tx.ExecContext(ctx, `INSERT INTO entity_members (doc_id, local_id, key, name_key, name, type, global_id, score, method, mentions)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.Doc, m.Local, m.Key, m.NameKey, m.Name, string(m.Type), m.Global, m.Score, m.Method, m.Mentions); err != nil {
			return fmt.Errorf("member %s: %w", m.Local, err)
		}
	}
	for _, c := range r.Claims {
		if err := insertClaim(ctx, tx, r.Doc, c); err != nil {
			return err
		}
	}
	for _, d := range r.Decisions {
		if _, err := insertDecision(ctx, tx, d); err != nil {
			return err
		}
	}
	for _, c := range r.SameAs {
		if c.Entity == c.Other {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO same_as (entity, other, score, why) VALUES (?, ?, ?, ?)
			ON CONFLICT (entity, other) DO UPDATE SET score = max(score, excluded.score), why = excluded.why`, c.Entity, c.Other, c.Score, c.Why); err != nil {
			return fmt.Errorf("same-as %d %d: %w", c.Entity, c.Other, err)
		}
	}
	_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO resolved_documents (doc_id, resolved) VALUES (?, ?)`, r.Doc, now)
	return err
}

// insertClaim writes one claim of doc.
func insertClaim(ctx context.Context, tx execer, doc string, c store.Claim) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO claims (doc_id, cluster, published, kind, predicate, event, role, subject, object, place,
		subject_local, object_local, place_local, speaker_local, date, modality, attribution_kind, attribution_text, speaker, confidence, ev_start, ev_end, ev_text)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		doc, c.Cluster, c.Published, c.Kind, c.Predicate, c.Event, c.Role, c.Subject, c.Object, c.Place,
		c.SubjectLocal, c.ObjectLocal, c.PlaceLocal, c.SpeakerLocal, c.Date, string(c.Modality), string(c.AttributionKind), c.AttributionText,
		c.Speaker, c.Confidence, c.Evidence.Start, c.Evidence.End, c.Evidence.Text)
	if err != nil {
		return fmt.Errorf("claim %s of %s: %w", c.Predicate, doc, err)
	}
	return nil
}

// Entity implements store.Graph.
func (s *Store) Entity(ctx context.Context, id int64) (*store.GlobalEntity, error) {
	var n, d int
	e, err := scanEntity(s.db.QueryRowContext(ctx, `SELECT `+entityColumns+`,
		(SELECT count(*) FROM entity_members m WHERE m.global_id = g.id),
		(SELECT count(DISTINCT doc_id) FROM entity_members m WHERE m.global_id = g.id)
		FROM global_entities g WHERE g.id = ?`, id), &n, &d)
	if err != nil {
		return nil, notFound(err, "entity "+store.EntityID(id))
	}
	e.Members, e.Documents = n, d
	return &e, nil
}

// FindEntities implements store.Graph.
func (s *Store) FindEntities(ctx context.Context, keys []string, limit int) ([]store.GlobalEntity, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	if limit <= 0 {
		limit = 20
	}
	args := make([]any, 0, len(keys)+1)
	for _, k := range keys {
		args = append(args, k)
	}
	args = append(args, limit)
	q := `SELECT ` + entityColumns + `,
		(SELECT count(*) FROM entity_members m WHERE m.global_id = g.id) AS n,
		(SELECT count(DISTINCT doc_id) FROM entity_members m WHERE m.global_id = g.id)
		FROM global_entities g
		WHERE g.id IN (SELECT global_id FROM entity_names WHERE key IN (?` + strings.Repeat(", ?", len(keys)-1) + `))
		ORDER BY n DESC, g.id LIMIT ?`
	var out []store.GlobalEntity
	err := s.eachRow(ctx, q, func(r *sql.Rows) error {
		var n, d int
		e, err := scanEntity(r, &n, &d)
		if err != nil {
			return err
		}
		e.Members, e.Documents = n, d
		out = append(out, e)
		return nil
	}, args...)
	if err != nil {
		return nil, fmt.Errorf("find entities %v: %w", keys, err)
	}
	return out, nil
}

// Members implements store.Graph.
func (s *Store) Members(ctx context.Context, id int64) ([]store.Member, error) {
	var out []store.Member
	err := s.eachRow(ctx, `SELECT doc_id, local_id, key, name_key, name, type, global_id, score, method, mentions
		FROM entity_members WHERE global_id = ? ORDER BY doc_id, local_id`, func(r *sql.Rows) error {
		var m store.Member
		if err := r.Scan(&m.Doc, &m.Local, &m.Key, &m.NameKey, &m.Name, &m.Type, &m.Global, &m.Score, &m.Method, &m.Mentions); err != nil {
			return err
		}
		out = append(out, m)
		return nil
	}, id)
	if err != nil {
		return nil, fmt.Errorf("members of %s: %w", store.EntityID(id), err)
	}
	return out, nil
}

// MemberOf implements store.Graph.
func (s *Store) MemberOf(ctx context.Context, ref store.MemberRef) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT global_id FROM entity_members WHERE doc_id = ? AND key = ? ORDER BY mentions DESC LIMIT 1`,
		ref.Doc, ref.Key).Scan(&id)
	if err != nil {
		return 0, notFound(err, "member "+ref.String())
	}
	return id, nil
}

const claimColumns = `c.id, c.doc_id, c.cluster, c.published, c.kind, c.predicate, c.event, c.role, c.subject, c.object, c.place,
	c.subject_local, c.object_local, c.place_local, c.speaker_local, c.date, c.modality, c.attribution_kind, c.attribution_text,
	c.speaker, c.confidence, c.ev_start, c.ev_end, c.ev_text`

func scanClaim(r interface{ Scan(...any) error }) (store.Claim, error) {
	var c store.Claim
	err := r.Scan(&c.ID, &c.Doc, &c.Cluster, &c.Published, &c.Kind, &c.Predicate, &c.Event, &c.Role, &c.Subject, &c.Object, &c.Place,
		&c.SubjectLocal, &c.ObjectLocal, &c.PlaceLocal, &c.SpeakerLocal, &c.Date, &c.Modality, &c.AttributionKind, &c.AttributionText,
		&c.Speaker, &c.Confidence, &c.Evidence.Start, &c.Evidence.End, &c.Evidence.Text)
	return c, err
}

// EntityClaims implements store.Graph.
func (s *Store) EntityClaims(ctx context.Context, id int64, f store.ClaimFilter) ([]store.Claim, error) {
	q := `SELECT ` + claimColumns + ` FROM claims c WHERE c.subject = ?1
		UNION SELECT ` + claimColumns + ` FROM claims c WHERE c.object = ?1 AND c.object <> 0
		UNION SELECT ` + claimColumns + ` FROM claims c WHERE c.place = ?1 AND c.place <> 0
		UNION SELECT ` + claimColumns + ` FROM claims e JOIN claims c ON c.doc_id = e.doc_id AND c.event = e.event
			WHERE e.subject = ?1 AND e.event <> '' AND c.event <> ''`
	var out []store.Claim
	err := s.eachRow(ctx, q, func(r *sql.Rows) error {
		c, err := scanClaim(r)
		if err != nil {
			return err
		}
		if f.Match(c) {
			out = append(out, c)
		}
		return nil
	}, id)
	if err != nil {
		return nil, fmt.Errorf("claims of %s: %w", store.EntityID(id), err)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if wi, wj := out[i].When(), out[j].When(); wi != wj {
			return wi < wj
		}
		return out[i].ID < out[j].ID
	})
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, nil
}

// EachClaim implements store.Graph.
func (s *Store) EachClaim(ctx context.Context, f store.ClaimFilter, fn func(store.Claim) error) error {
	q := `SELECT ` + claimColumns + ` FROM claims c`
	var args []any
	if len(f.Predicates) > 0 {
		q += ` WHERE c.predicate IN (?` + strings.Repeat(", ?", len(f.Predicates)-1) + `)`
		for _, p := range f.Predicates {
			args = append(args, p)
		}
	}
	q += ` ORDER BY c.id`
	return s.eachRow(ctx, q, func(r *sql.Rows) error {
		c, err := scanClaim(r)
		if err != nil {
			return err
		}
		if !f.Match(c) {
			return nil
		}
		return fn(c)
	}, args...)
}

// SameAs implements store.Graph.
func (s *Store) SameAs(ctx context.Context, id int64) ([]store.SameAs, error) {
	var out []store.SameAs
	err := s.eachRow(ctx, `SELECT s.entity, s.other, g.name, s.score, s.why FROM same_as s JOIN global_entities g ON g.id = s.other WHERE s.entity = ?1
		UNION SELECT s.other, s.entity, g.name, s.score, s.why FROM same_as s JOIN global_entities g ON g.id = s.entity WHERE s.other = ?1
		ORDER BY 4 DESC`, func(r *sql.Rows) error {
		var c store.SameAs
		if err := r.Scan(&c.Entity, &c.Other, &c.Name, &c.Score, &c.Why); err != nil {
			return err
		}
		out = append(out, c)
		return nil
	}, id)
	if err != nil {
		return nil, fmt.Errorf("same-as of %s: %w", store.EntityID(id), err)
	}
	return out, nil
}

// entityTx reads one entity in a transaction.
func entityTx(ctx context.Context, tx *sql.Tx, id int64) (store.GlobalEntity, error) {
	e, err := scanEntity(tx.QueryRowContext(ctx, `SELECT `+entityColumns+` FROM global_entities g WHERE g.id = ?`, id))
	if err != nil {
		return e, notFound(err, "entity "+store.EntityID(id))
	}
	return e, nil
}

// memberRefs lists the member refs of entity id, restricted to where.
func memberRefs(ctx context.Context, tx *sql.Tx, id int64) ([]store.MemberRef, error) {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT doc_id, key FROM entity_members WHERE global_id = ? ORDER BY doc_id, key`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.MemberRef
	for rows.Next() {
		var m store.MemberRef
		if err := rows.Scan(&m.Doc, &m.Key); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// addUnique appends the values of add not yet in list.
func addUnique(list []string, add ...string) []string {
	for _, a := range add {
		if a != "" && !slices.Contains(list, a) {
			list = append(list, a)
		}
	}
	return list
}

// MergeEntities implements store.Graph.
func (s *Store) MergeEntities(ctx context.Context, into, from int64, d store.Decision) (int64, error) {
	if into == from {
		return 0, fmt.Errorf("merge %s into itself", store.EntityID(into))
	}
	var decisionID int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		a, err := entityTx(ctx, tx, into)
		if err != nil {
			return err
		}
		b, err := entityTx(ctx, tx, from)
		if err != nil {
			return err
		}
		moved, err := memberRefs(ctx, tx, from)
		if err != nil {
			return err
		}
		var ctxA, ctxB string
		tx.QueryRowContext(ctx, `SELECT context FROM global_entities WHERE id = ?`, into).Scan(&ctxA)
		tx.QueryRowContext(ctx, `SELECT context FROM global_entities WHERE id = ?`, from).Scan(&ctxB)
		var ca, cb []string
		json.Unmarshal([]byte(ctxA), &ca)
		json.Unmarshal([]byte(ctxB), &cb)
		aliases := addUnique(a.Aliases, b.Name)
		aliases = addUnique(aliases, b.Aliases...)
		aliases = slices.DeleteFunc(aliases, func(x string) bool { return x == a.Name })
		attrs := a.Attributes
		if attrs == nil {
			attrs = map[string][]string{}
		}
		for k, v := range b.Attributes {
			attrs[k] = addUnique(attrs[k], v...)
		}
		lat, lon := latLon(a)
		if lat == nil {
			lat, lon = latLon(b)
		}
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{`UPDATE global_entities SET aliases = ?, attributes = ?, context = ?, lat = ?, lon = ?, updated = ? WHERE id = ?`,
				[]any{listJSON(aliases), attrsJSON(attrs), listJSON(addUnique(ca, cb...)), lat, lon, time.Now().UTC().Format(time.RFC3339Nano), into}},
			{`UPDATE entity_members SET global_id = ? WHERE global_id = ?`, []any{into, from}},
			{`UPDATE claims SET subject = ? WHERE subject = ?`, []any{into, from}},
			{`UPDATE claims SET object = ? WHERE object = ?`, []any{into, from}},
			{`UPDATE claims SET place = ? WHERE place = ?`, []any{into, from}},
			{`UPDATE claims SET speaker = ? WHERE speaker = ?`, []any{into, from}},
			{`INSERT OR IGNORE INTO entity_names (key, global_id) SELECT key, ? FROM entity_names WHERE global_id = ?`, []any{into, from}},
			{`INSERT OR IGNORE INTO same_as (entity, other, score, why) SELECT ?, other, score, why FROM same_as WHERE entity = ? AND other <> ?`, []any{into, from, into}},
			{`INSERT OR IGNORE INTO same_as (entity, other, score, why) SELECT entity, ?, score, why FROM same_as WHERE other = ? AND entity <> ?`, []any{into, from, into}},
			{`DELETE FROM same_as WHERE (entity = ? AND other = ?) OR (entity = ? AND other = ?)`, []any{into, from, from, into}},
			{`DELETE FROM global_entities WHERE id = ?`, []any{from}},
		} {
			if _, err := tx.ExecContext(ctx, q.sql, q.args...); err != nil {
				return fmt.Errorf("merge %s into %s: %w", store.EntityID(from), store.EntityID(into), err)
			}
		}
		if d.ID != 0 { // a replayed decision: already recorded
			decisionID = d.ID
			return nil
		}
		d.Kind = store.DecisionMerge
		d.Moved = moved
		decisionID, err = insertDecision(ctx, tx, d)
		return err
	})
	return decisionID, err
}

// SplitMembers implements store.Graph.
func (s *Store) SplitMembers(ctx context.Context, refs []store.MemberRef, d store.Decision) (int64, int64, error) {
	if len(refs) == 0 {
		return 0, 0, fmt.Errorf("split: no members named")
	}
	var newID, decisionID int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		type row struct {
			doc, local, key, nameKey, name, typ string
			global                              int64
		}
		var moved []row
		for _, ref := range refs {
			rows, err := tx.QueryContext(ctx, `SELECT local_id, key, name_key, name, type, global_id FROM entity_members WHERE doc_id = ? AND key = ?`, ref.Doc, ref.Key)
			if err != nil {
				return err
			}
			n := 0
			for rows.Next() {
				r := row{doc: ref.Doc}
				if err := rows.Scan(&r.local, &r.key, &r.nameKey, &r.name, &r.typ, &r.global); err != nil {
					rows.Close()
					return err
				}
				moved = append(moved, r)
				n++
			}
			rows.Close()
			if n == 0 {
				return fmt.Errorf("split: member %s: %w", ref, store.ErrNotFound)
			}
		}
		old := moved[0].global
		for _, m := range moved {
			if m.global != old {
				return fmt.Errorf("split: members %s belong to different entities", refs)
			}
		}
		var remaining int
		tx.QueryRowContext(ctx, `SELECT count(*) FROM entity_members WHERE global_id = ?`, old).Scan(&remaining)
		if remaining <= len(moved) {
			return fmt.Errorf("split: %s has no other members to leave behind", store.EntityID(old))
		}
		e, err := entityTx(ctx, tx, old)
		if err != nil {
			return err
		}
		p := store.EntityProfile{GlobalEntity: store.GlobalEntity{Type: dossier.EntityType(moved[0].typ), Name: moved[0].name}}
		if e.Lat != nil {
			p.Lat, p.Lon = e.Lat, e.Lon
		}
		for _, m := range moved {
			k := m.nameKey
			if k == "" {
				k = m.key
			}
			p.Keys = addUnique(p.Keys, k)
			if m.name != p.Name {
				p.Aliases = addUnique(p.Aliases, m.name)
			}
		}
		now := time.Now().UTC().Format(time.RFC3339Nano)
		if newID, err = insertEntity(ctx, tx, p, now); err != nil {
			return err
		}
		docs := map[string]bool{}
		for _, m := range moved {
			// Each row moves in its own document: members that share a
			// name across documents are distinct rows.
			ref := store.MemberRef{Doc: m.doc, Key: m.key}
			docs[ref.Doc] = true
			for _, q := range []string{
				`UPDATE entity_members SET global_id = ?1, method = 'manual' WHERE doc_id = ?2 AND local_id = ?3`,
				`UPDATE claims SET subject = ?1 WHERE doc_id = ?2 AND subject_local = ?3`,
				`UPDATE claims SET object = ?1 WHERE doc_id = ?2 AND object_local = ?3`,
				`UPDATE claims SET place = ?1 WHERE doc_id = ?2 AND place_local = ?3`,
				`UPDATE claims SET speaker = ?1 WHERE doc_id = ?2 AND speaker_local = ?3`,
			} {
				if _, err := tx.ExecContext(ctx, q, newID, ref.Doc, m.local); err != nil {
					return fmt.Errorf("split %s: %w", ref, err)
				}
			}
		}
		// The old entity keeps only the names its remaining members have.
		if _, err := tx.ExecContext(ctx, `DELETE FROM entity_names WHERE global_id = ?1 AND key <> (SELECT key FROM global_entities WHERE id = ?1)
			AND key NOT IN (SELECT name_key FROM entity_members WHERE global_id = ?1)
			AND key IN (SELECT key FROM entity_names WHERE global_id = ?2)`, old, newID); err != nil {
			return err
		}
		kept := map[string]bool{}
		rows, err := tx.QueryContext(ctx, `SELECT DISTINCT lower(name) FROM entity_members WHERE global_id = ?`, old)
		if err != nil {
			return err
		}
		for rows.Next() {
			var n string
			rows.Scan(&n)
			kept[n] = true
		}
		rows.Close()
		aliases := e.Aliases[:0:0]
		for _, a := range e.Aliases {
			gone := false
			for _, m := range moved {
				gone = gone || strings.EqualFold(a, m.name)
			}
			if !gone || kept[strings.ToLower(a)] {
				aliases = append(aliases, a)
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE global_entities SET aliases = ?, updated = ? WHERE id = ?`, listJSON(aliases), now, old); err != nil {
			return err
		}
		if d.ID != 0 {
			decisionID = d.ID
			return nil
		}
		d.Kind = store.DecisionSplit
		d.Moved = refs
		decisionID, err = insertDecision(ctx, tx, d)
		return err
	})
	return newID, decisionID, err
}

// insertDecision records d.
func insertDecision(ctx context.Context, tx execer, d store.Decision) (int64, error) {
	at := d.At
	if at.IsZero() {
		at = time.Now().UTC()
	}
	auto := 0
	if d.Automatic {
		auto = 1
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO decisions (kind, a_doc, a_key, b_doc, b_key, who, at, why, score, automatic, moved)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, d.Kind, d.A.Doc, d.A.Key, d.B.Doc, d.B.Key, d.Who,
		at.UTC().Format(time.RFC3339Nano), d.Why, d.Score, auto, listJSON(d.Moved))
	if err != nil {
		return 0, fmt.Errorf("record %s decision: %w", d.Kind, err)
	}
	return res.LastInsertId()
}

// AddDecision implements store.Graph.
func (s *Store) AddDecision(ctx context.Context, d store.Decision) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = insertDecision(ctx, tx, d)
		return err
	})
	return id, err
}

const decisionColumns = `id, kind, a_doc, a_key, b_doc, b_key, who, at, why, score, automatic, moved, undone_at`

func scanDecision(r interface{ Scan(...any) error }) (store.Decision, error) {
	var d store.Decision
	var at, moved string
	var undone sql.NullString
	if err := r.Scan(&d.ID, &d.Kind, &d.A.Doc, &d.A.Key, &d.B.Doc, &d.B.Key, &d.Who, &at, &d.Why, &d.Score, &d.Automatic, &moved, &undone); err != nil {
		return d, err
	}
	d.At, _ = time.Parse(time.RFC3339Nano, at)
	if err := json.Unmarshal([]byte(moved), &d.Moved); err != nil {
		return d, fmt.Errorf("decision %d: %w", d.ID, err)
	}
	if undone.Valid {
		t, _ := time.Parse(time.RFC3339Nano, undone.String)
		d.UndoneAt = &t
	}
	return d, nil
}

// Decisions implements store.Graph.
func (s *Store) Decisions(ctx context.Context, all bool) ([]store.Decision, error) {
	q := `SELECT ` + decisionColumns + ` FROM decisions`
	if !all {
		q += ` WHERE undone_at IS NULL`
	}
	var out []store.Decision
	err := s.eachRow(ctx, q+` ORDER BY id`, func(r *sql.Rows) error {
		d, err := scanDecision(r)
		out = append(out, d)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("decisions: %w", err)
	}
	return out, nil
}

// Decision implements store.Graph.
func (s *Store) Decision(ctx context.Context, id int64) (*store.Decision, error) {
	d, err := scanDecision(s.db.QueryRowContext(ctx, `SELECT `+decisionColumns+` FROM decisions WHERE id = ?`, id))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("decision %d", id))
	}
	return &d, nil
}

// MarkUndone implements store.Graph.
func (s *Store) MarkUndone(ctx context.Context, id int64, at time.Time) error {
	res, err := s.db.ExecContext(ctx, `UPDATE decisions SET undone_at = ? WHERE id = ? AND undone_at IS NULL`, at.UTC().Format(time.RFC3339Nano), id)
	if err != nil {
		return fmt.Errorf("undo decision %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("decision %d (or not active): %w", id, store.ErrNotFound)
	}
	return nil
}
