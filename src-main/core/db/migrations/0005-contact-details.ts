import { sql, type Kysely } from 'kysely';
import type { Migration } from './index.js';

// Shipped migrations are history: never edit one, add the next version instead.
// Contact details (emails, phones, profile links, birthday), where a person came from (which import, when),
// and the column mappings a CSV import remembers per header shape.
export const contactDetails: Migration = {
  version: 5,
  name: 'contact-details',
  async up(db: Kysely<unknown>) {
    // One row per import, so a person can say "from LinkedIn Connections.csv, 3 March" and an import can be
    // counted. Deleting the record of an import never deletes the people it brought in.
    await sql`
      CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('vcard', 'linkedin', 'csv', 'journal')),
        file_name TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        added INTEGER NOT NULL DEFAULT 0,
        updated INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0
      )`.execute(db);
    await sql`ALTER TABLE people ADD COLUMN import_id INTEGER REFERENCES imports (id) ON DELETE SET NULL`.execute(db);
    // A birthday in vCard 4's own forms: 'YYYY-MM-DD', or '--MM-DD' when the year is not known.
    await sql`ALTER TABLE people ADD COLUMN birthday TEXT CHECK (
        birthday GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' OR birthday GLOB '--[0-1][0-9]-[0-3][0-9]')`.execute(db);

    // Emails are their own table, stored lower-case, with an index: matching an import row or a meeting's
    // attendee to a person is a lookup by email, not a scan of every person's details.
    await sql`
      CREATE TABLE person_emails (
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        email TEXT NOT NULL CHECK (email = lower(trim(email)) AND email LIKE '%_@_%'),
        label TEXT,
        position INTEGER NOT NULL,
        PRIMARY KEY (person_id, email)
      ) WITHOUT ROWID`.execute(db);
    await sql`CREATE INDEX person_emails_email ON person_emails (email)`.execute(db);
    await sql`
      CREATE TABLE person_phones (
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        phone TEXT NOT NULL CHECK (length(trim(phone)) > 0),
        label TEXT,
        PRIMARY KEY (person_id, position)
      ) WITHOUT ROWID`.execute(db);
    // Profile links (LinkedIn, a website) are kept as text and shown, never fetched.
    await sql`
      CREATE TABLE person_links (
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        url TEXT NOT NULL CHECK (length(trim(url)) > 0),
        label TEXT,
        PRIMARY KEY (person_id, position)
      ) WITHOUT ROWID`.execute(db);

    // A CSV's column → field choices, keyed by its normalized header row, so the next export from the same
    // spreadsheet maps itself.
    await sql`
      CREATE TABLE import_mappings (
        header_key TEXT PRIMARY KEY,
        mapping TEXT NOT NULL CHECK (json_valid(mapping)),
        updated_at TEXT NOT NULL
      ) WITHOUT ROWID`.execute(db);

    // The people index gains the emails: FTS5 tables cannot add a column, so it is rebuilt with the same
    // five columns first (search.ts reads them by position) and `emails` last, and its triggers with it.
    for (const trigger of ['people_fts_insert', 'people_fts_update', 'people_fts_delete', 'person_tags_fts_insert', 'person_tags_fts_delete']) {
      await sql.raw(`DROP TRIGGER ${trigger}`).execute(db);
    }
    await sql`DROP TABLE people_fts`.execute(db);
    await sql`
      CREATE VIRTUAL TABLE people_fts USING fts5(
        name, organization, role, department, tags, emails,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2'
      )`.execute(db);
    await sql`INSERT INTO people_fts (people_fts, rank) VALUES ('secure-delete', 1)`.execute(db);
    await sql`INSERT INTO people_fts (people_fts, rank) VALUES ('rank', 'bm25(8.0, 3.0, 2.0, 1.0, 2.0, 4.0)')`.execute(db);

    const select = (id: string) => `
        SELECT p.id, p.name, p.organization, p.role, p.department,
               (SELECT group_concat(t.tag, ' ') FROM person_tags t WHERE t.person_id = p.id),
               (SELECT group_concat(e.email, ' ') FROM person_emails e WHERE e.person_id = p.id)
        FROM people p WHERE ${id === '' ? '1' : `p.id = ${id}`}`;
    const reindex = (id: string) => `
        DELETE FROM people_fts WHERE rowid = ${id};
        INSERT INTO people_fts (rowid, name, organization, role, department, tags, emails) ${select(id)};
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
    await sql.raw(`CREATE TRIGGER person_emails_fts_insert AFTER INSERT ON person_emails BEGIN ${reindex('new.person_id')} END`).execute(db);
    await sql.raw(`CREATE TRIGGER person_emails_fts_delete AFTER DELETE ON person_emails BEGIN ${reindex('old.person_id')} END`).execute(db);
    await sql.raw(`INSERT INTO people_fts (rowid, name, organization, role, department, tags, emails) ${select('')}`).execute(db);
  },
};
