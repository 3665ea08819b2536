-- Indexes that no query used, dropped: each was one more place at which
-- every resolved document wrote a row, at a random spot of a large index.
--
-- global_entities_key: entities are found through entity_names.
-- entity_members_ref: members of a document and name are found through the
-- primary key (doc_id, local_id), whose doc_id leads, and the few members
-- of that document are filtered by key.
-- decisions_a, decisions_b: decisions are read by id or all at once.
DROP INDEX global_entities_key;
DROP INDEX entity_members_ref;
DROP INDEX decisions_a;
DROP INDEX decisions_b;

-- Secondary indexes of the resolution's tables, set aside while the whole
-- store is resolved again (filling an empty table and then building its
-- index in one sorted pass is far cheaper than inserting every row into
-- the index at a random place). Open builds again any index left here by
-- a run that did not finish.
CREATE TABLE set_aside_indexes (
    name TEXT PRIMARY KEY,
    sql  TEXT NOT NULL
) WITHOUT ROWID;
