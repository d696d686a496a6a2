import { sql, type Kysely } from 'kysely';
import type { Migration } from './index.js';

// Full-text search. Shipped migrations are history: never edit one, add the next version instead.
//
// Conversations are indexed through a view rather than a copy of their text (FTS5 "external content"):
// the notes are stored once. The view splits notes into `public_notes` and `secret_notes` by the
// confidential flag, so a search that leaves confidences out simply does not look in that column, and
// soft-deleted entries are not in the view (nor, through the triggers, in the index) at all.
//
// People are few; their index keeps its own copy (name, organization, role, function, tags), which lets
// a tag change re-index one person with a plain DELETE + INSERT.
//
// Triggers keep both indexes in the same transaction as every write, whichever code path makes it.
// `search_revision` counts changes so the worker's in-memory fuzzy indexes know when to rebuild.
export const search: Migration = {
  version: 3,
  name: 'search',
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE VIEW interactions_search_content AS
      SELECT
        id,
        title,
        CASE WHEN confidential = 0 THEN notes END AS public_notes,
        CASE WHEN confidential = 1 THEN notes END AS secret_notes,
        location
      FROM interactions
      WHERE deleted_at IS NULL`.execute(db);

    // remove_diacritics 2: "Zoë" is found by "zoe". No stemmer: the fuzzy fallback corrects typos against
    // the index's own vocabulary, which must be real words to be shown as "showing results for …".
    await sql`
      CREATE VIRTUAL TABLE interactions_fts USING fts5(
        title, public_notes, secret_notes, location,
        content = 'interactions_search_content',
        content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '3'
      )`.execute(db);
    // Deleted confidences leave no trace in the index's pages either (like PRAGMA secure_delete).
    await sql`INSERT INTO interactions_fts (interactions_fts, rank) VALUES ('secure-delete', 1)`.execute(db);
    // Title matches outweigh note matches; this becomes the default for ORDER BY rank.
    await sql`INSERT INTO interactions_fts (interactions_fts, rank) VALUES ('rank', 'bm25(6.0, 1.0, 1.0, 2.0)')`.execute(db);

    // The index's own word list, for the fuzzy fallback to correct typos against (see search/fuzzy.ts).
    await sql`CREATE VIRTUAL TABLE interactions_vocab USING fts5vocab(interactions_fts, 'col')`.execute(db);

    await sql`
      CREATE VIRTUAL TABLE people_fts USING fts5(
        name, organization, role, department, tags,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2'
      )`.execute(db);
    await sql`INSERT INTO people_fts (people_fts, rank) VALUES ('secure-delete', 1)`.execute(db);
    await sql`INSERT INTO people_fts (people_fts, rank) VALUES ('rank', 'bm25(8.0, 3.0, 2.0, 1.0, 2.0)')`.execute(db);

    await sql`
      CREATE TABLE search_revision (
        scope TEXT PRIMARY KEY CHECK (scope IN ('people', 'interactions')),
        revision INTEGER NOT NULL
      ) WITHOUT ROWID`.execute(db);
    await sql`INSERT INTO search_revision (scope, revision) VALUES ('people', 1), ('interactions', 1)`.execute(db);

    // Conversations: only live rows are in the index. The values given to 'delete' must be exactly what
    // was indexed, so they are computed from OLD the same way the view computes them.
    await sql`
      CREATE TRIGGER interactions_fts_insert AFTER INSERT ON interactions WHEN new.deleted_at IS NULL BEGIN
        INSERT INTO interactions_fts (rowid, title, public_notes, secret_notes, location)
        VALUES (new.id, new.title, CASE WHEN new.confidential = 0 THEN new.notes END,
                CASE WHEN new.confidential = 1 THEN new.notes END, new.location);
        UPDATE search_revision SET revision = revision + 1 WHERE scope = 'interactions';
      END`.execute(db);
    await sql`
      CREATE TRIGGER interactions_fts_update
      AFTER UPDATE OF title, notes, confidential, location, deleted_at ON interactions BEGIN
        INSERT INTO interactions_fts (interactions_fts, rowid, title, public_notes, secret_notes, location)
        SELECT 'delete', old.id, old.title, CASE WHEN old.confidential = 0 THEN old.notes END,
               CASE WHEN old.confidential = 1 THEN old.notes END, old.location
        WHERE old.deleted_at IS NULL;
        INSERT INTO interactions_fts (rowid, title, public_notes, secret_notes, location)
        SELECT new.id, new.title, CASE WHEN new.confidential = 0 THEN new.notes END,
               CASE WHEN new.confidential = 1 THEN new.notes END, new.location
        WHERE new.deleted_at IS NULL;
        UPDATE search_revision SET revision = revision + 1 WHERE scope = 'interactions';
      END`.execute(db);
    await sql`
      CREATE TRIGGER interactions_fts_delete AFTER DELETE ON interactions WHEN old.deleted_at IS NULL BEGIN
        INSERT INTO interactions_fts (interactions_fts, rowid, title, public_notes, secret_notes, location)
        VALUES ('delete', old.id, old.title, CASE WHEN old.confidential = 0 THEN old.notes END,
                CASE WHEN old.confidential = 1 THEN old.notes END, old.location);
        UPDATE search_revision SET revision = revision + 1 WHERE scope = 'interactions';
      END`.execute(db);

    // People: one statement re-indexes one person from the tables, used by every trigger below.
    const reindex = (id: string) => `
        DELETE FROM people_fts WHERE rowid = ${id};
        INSERT INTO people_fts (rowid, name, organization, role, department, tags)
        SELECT p.id, p.name, p.organization, p.role, p.department,
               (SELECT group_concat(t.tag, ' ') FROM person_tags t WHERE t.person_id = p.id)
        FROM people p WHERE p.id = ${id};
        UPDATE search_revision SET revision = revision + 1 WHERE scope = 'people';`;
    await sql.raw(`CREATE TRIGGER people_fts_insert AFTER INSERT ON people BEGIN ${reindex('new.id')} END`).execute(db);
    await sql
      .raw(`CREATE TRIGGER people_fts_update AFTER UPDATE OF name, organization, role, department ON people BEGIN ${reindex('new.id')} END`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER people_fts_delete AFTER DELETE ON people BEGIN
        DELETE FROM people_fts WHERE rowid = old.id;
        UPDATE search_revision SET revision = revision + 1 WHERE scope = 'people';
      END`)
      .execute(db);
    await sql.raw(`CREATE TRIGGER person_tags_fts_insert AFTER INSERT ON person_tags BEGIN ${reindex('new.person_id')} END`).execute(db);
    await sql.raw(`CREATE TRIGGER person_tags_fts_delete AFTER DELETE ON person_tags BEGIN ${reindex('old.person_id')} END`).execute(db);

    // Existing journals: index what is already there.
    await sql`INSERT INTO interactions_fts (interactions_fts) VALUES ('rebuild')`.execute(db);
    await sql`
      INSERT INTO people_fts (rowid, name, organization, role, department, tags)
      SELECT p.id, p.name, p.organization, p.role, p.department,
             (SELECT group_concat(t.tag, ' ') FROM person_tags t WHERE t.person_id = p.id)
      FROM people p`.execute(db);
  },
};
