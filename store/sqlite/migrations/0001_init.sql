-- Documents: the text every offset points into, and where it came from.
CREATE TABLE documents (
    id        TEXT PRIMARY KEY,            -- sha256:<hex of the normalised text>
    source    TEXT NOT NULL DEFAULT '',
    url       TEXT NOT NULL DEFAULT '',
    format    TEXT NOT NULL DEFAULT '',
    outlet    TEXT NOT NULL DEFAULT '',
    agency    TEXT NOT NULL DEFAULT '',
    title     TEXT NOT NULL DEFAULT '',
    byline    TEXT NOT NULL DEFAULT '',
    dateline  TEXT NOT NULL DEFAULT '',
    place     TEXT NOT NULL DEFAULT '',
    language  TEXT NOT NULL DEFAULT '',
    published TEXT,                        -- RFC 3339, NULL when unknown
    text      TEXT NOT NULL,
    cluster   TEXT NOT NULL,               -- syndication cluster: id of its first document
    ingested  TEXT NOT NULL,               -- RFC 3339
    version   TEXT NOT NULL,               -- extractor version of the stored extraction
    signature BLOB                         -- MinHash signature, little-endian uint32s
);
CREATE INDEX documents_ingested ON documents (ingested DESC, id);
CREATE INDEX documents_cluster ON documents (cluster);
CREATE INDEX documents_version ON documents (version);

-- Locality-sensitive-hashing bands of the signatures, to find near duplicates.
CREATE TABLE document_bands (
    band   INTEGER NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (band, doc_id)
) WITHOUT ROWID;
CREATE INDEX document_bands_doc ON document_bands (doc_id);

-- What was extracted from each document. IDs (e1, v1, a1) are local to the document.
CREATE TABLE entities (
    doc_id     TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    local_id   TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    type       TEXT NOT NULL,
    name       TEXT NOT NULL,
    aliases    TEXT NOT NULL DEFAULT '[]',  -- JSON array
    attributes TEXT NOT NULL DEFAULT '{}',  -- JSON object of string arrays
    version    TEXT NOT NULL,
    PRIMARY KEY (doc_id, local_id)
);
CREATE INDEX entities_name ON entities (name COLLATE NOCASE);

CREATE TABLE mentions (
    doc_id    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT NOT NULL,
    version   TEXT NOT NULL,
    PRIMARY KEY (doc_id, entity_id, seq)
);

CREATE TABLE relations (
    doc_id      TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    type        TEXT NOT NULL,
    subject     TEXT NOT NULL,
    object      TEXT NOT NULL,
    confidence  REAL NOT NULL,
    modality    TEXT NOT NULL,
    attribution TEXT NOT NULL DEFAULT '',
    ev_start    INTEGER NOT NULL,
    ev_end      INTEGER NOT NULL,
    ev_text     TEXT NOT NULL DEFAULT '',
    rule        TEXT NOT NULL DEFAULT '',
    version     TEXT NOT NULL,
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX relations_type ON relations (type);

CREATE TABLE events (
    doc_id        TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    local_id      TEXT NOT NULL,
    seq           INTEGER NOT NULL,
    type          TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end   INTEGER NOT NULL,
    trigger_text  TEXT NOT NULL DEFAULT '',
    date          TEXT,                     -- JSON of the date, NULL when none
    date_value    TEXT,                     -- its normalised value, for range queries
    place         TEXT NOT NULL DEFAULT '',
    modality      TEXT NOT NULL,
    attribution   TEXT NOT NULL DEFAULT '',
    ev_start      INTEGER NOT NULL,
    ev_end        INTEGER NOT NULL,
    ev_text       TEXT NOT NULL DEFAULT '',
    rule          TEXT NOT NULL DEFAULT '',
    version       TEXT NOT NULL,
    PRIMARY KEY (doc_id, local_id)
);
CREATE INDEX events_type_date ON events (type, date_value);

CREATE TABLE event_roles (
    doc_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    seq      INTEGER NOT NULL,
    role     TEXT NOT NULL,
    entity   TEXT NOT NULL DEFAULT '',
    text     TEXT NOT NULL DEFAULT '',
    start    INTEGER NOT NULL DEFAULT 0,
    end      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (doc_id, event_id, seq)
);

CREATE TABLE quotes (
    doc_id    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    speaker   TEXT NOT NULL DEFAULT '',
    text      TEXT NOT NULL,
    cue       TEXT NOT NULL DEFAULT '',
    recipient TEXT NOT NULL DEFAULT '',
    date      TEXT,                         -- JSON of the date, NULL when none
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    rule      TEXT NOT NULL DEFAULT '',
    version   TEXT NOT NULL,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE attributions (
    doc_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    seq      INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    source   TEXT NOT NULL DEFAULT '',
    text     TEXT NOT NULL DEFAULT '',
    start    INTEGER NOT NULL DEFAULT 0,
    end      INTEGER NOT NULL DEFAULT 0,
    version  TEXT NOT NULL,
    PRIMARY KEY (doc_id, local_id)
);

CREATE TABLE flags (
    doc_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    message  TEXT NOT NULL,
    entities TEXT NOT NULL DEFAULT '[]',    -- JSON array of entity ids
    evidence TEXT NOT NULL DEFAULT '[]',    -- JSON array of evidence
    version  TEXT NOT NULL,
    PRIMARY KEY (doc_id, seq)
);

-- Full-text search over titles and texts, kept in step by triggers.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, text, content = 'documents', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
