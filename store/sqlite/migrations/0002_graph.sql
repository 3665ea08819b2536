-- The knowledge graph across documents: global entities, the document-local
-- entities resolved to them, the claims between them, and the decisions of
-- analysts and of the resolver.

CREATE TABLE global_entities (
    id         INTEGER PRIMARY KEY,
    type       TEXT NOT NULL,
    name       TEXT NOT NULL,
    key        TEXT NOT NULL,               -- normalised key of name (resolve.Key)
    aliases    TEXT NOT NULL DEFAULT '[]',  -- JSON array of names
    attributes TEXT NOT NULL DEFAULT '{}',  -- JSON object of string arrays (titles, country, geonames)
    context    TEXT NOT NULL DEFAULT '[]',  -- JSON array of name keys mentioned beside it (for the resolver)
    lat        REAL,
    lon        REAL,
    updated    TEXT NOT NULL
);
CREATE INDEX global_entities_key ON global_entities (key);

-- Every normalised name and alias of a global entity, to find it by name.
CREATE TABLE entity_names (
    key       TEXT NOT NULL,
    global_id INTEGER NOT NULL REFERENCES global_entities (id) ON DELETE CASCADE,
    PRIMARY KEY (key, global_id)
) WITHOUT ROWID;
CREATE INDEX entity_names_global ON entity_names (global_id);

-- Which global entity each document-local entity belongs to. Cleared with
-- the document's extraction on reprocess, so the document is resolved again.
CREATE TABLE entity_members (
    doc_id    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    local_id  TEXT NOT NULL,
    key       TEXT NOT NULL,               -- normalised name key: the stable anchor
    name_key  TEXT NOT NULL DEFAULT '',    -- folded name key, as in entity_names
    name      TEXT NOT NULL,
    type      TEXT NOT NULL,
    global_id INTEGER NOT NULL REFERENCES global_entities (id),
    score     REAL NOT NULL,
    method    TEXT NOT NULL,               -- new, exact, alias, acronym, phonetic, fuzzy, place, manual
    mentions  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (doc_id, local_id)
) WITHOUT ROWID;
CREATE INDEX entity_members_global ON entity_members (global_id);
CREATE INDEX entity_members_ref ON entity_members (doc_id, key);

-- Documents whose entities have been resolved (cleared on reprocess).
CREATE TABLE resolved_documents (
    doc_id   TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    resolved TEXT NOT NULL
) WITHOUT ROWID;

-- Resolved claims: relations between global entities and entities' roles in
-- events, denormalised (cluster, published, attribution) so neighbourhoods
-- and corroboration need no join.
CREATE TABLE claims (
    id               INTEGER PRIMARY KEY,
    doc_id           TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    cluster          TEXT NOT NULL,
    published        TEXT NOT NULL DEFAULT '',
    kind             TEXT NOT NULL,          -- relation, event
    predicate        TEXT NOT NULL,
    event            TEXT NOT NULL DEFAULT '',
    role             TEXT NOT NULL DEFAULT '',
    subject          INTEGER NOT NULL,
    object           INTEGER NOT NULL DEFAULT 0,
    place            INTEGER NOT NULL DEFAULT 0,
    subject_local    TEXT NOT NULL DEFAULT '', -- document-local ids, so a split knows which claims move
    object_local     TEXT NOT NULL DEFAULT '',
    place_local      TEXT NOT NULL DEFAULT '',
    speaker_local    TEXT NOT NULL DEFAULT '',
    date             TEXT NOT NULL DEFAULT '',
    modality         TEXT NOT NULL,
    attribution_kind TEXT NOT NULL,
    attribution_text TEXT NOT NULL DEFAULT '',
    speaker          INTEGER NOT NULL DEFAULT 0,
    confidence       REAL NOT NULL DEFAULT 0,
    ev_start         INTEGER NOT NULL,
    ev_end           INTEGER NOT NULL,
    ev_text          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX claims_subject ON claims (subject, predicate);
CREATE INDEX claims_object ON claims (object, predicate) WHERE object <> 0;
CREATE INDEX claims_doc_event ON claims (doc_id, event);
CREATE INDEX claims_place ON claims (place) WHERE place <> 0;
CREATE INDEX claims_speaker ON claims (speaker) WHERE speaker <> 0;

-- "Possible same as": pairs scored between the merge threshold and the
-- candidate threshold.
CREATE TABLE same_as (
    entity  INTEGER NOT NULL REFERENCES global_entities (id) ON DELETE CASCADE,
    other   INTEGER NOT NULL REFERENCES global_entities (id) ON DELETE CASCADE,
    score   REAL NOT NULL,
    why     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (entity, other)
) WITHOUT ROWID;
CREATE INDEX same_as_other ON same_as (other);

-- Merge, split and not-same decisions. Both sides are anchored on a
-- document and a name key (not on document-local ids, which change on
-- reprocess), so decisions survive re-ingest and are replayed by resolve.
CREATE TABLE decisions (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL,               -- merge, split, not-same
    a_doc     TEXT NOT NULL,
    a_key     TEXT NOT NULL,
    b_doc     TEXT NOT NULL,
    b_key     TEXT NOT NULL,
    who       TEXT NOT NULL,
    at        TEXT NOT NULL,               -- RFC 3339
    why       TEXT NOT NULL DEFAULT '',
    score     REAL NOT NULL DEFAULT 0,
    automatic INTEGER NOT NULL DEFAULT 0,
    moved     TEXT NOT NULL DEFAULT '[]',  -- JSON array of member refs moved
    undone_at TEXT
);
CREATE INDEX decisions_a ON decisions (a_doc, a_key);
CREATE INDEX decisions_b ON decisions (b_doc, b_key);
