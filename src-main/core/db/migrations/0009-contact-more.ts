import { sql, type Kysely } from 'kysely';
import type { Migration } from './index.js';

// Shipped migrations are history: never edit one, add the next version instead.
// More of what address books hold (postal addresses, nicknames, instant-messaging handles), and imports
// written in chunks: an import is finished only when its last chunk is.
export const contactMore: Migration = {
  version: 9,
  name: 'contact-more',
  async up(db: Kysely<unknown>) {
    // A large import is written 500 people per transaction, so other calls run between chunks. Until the
    // last chunk sets completed_at, the import is unfinished: cancelling it, or opening the journal after a
    // crash, deletes the people it brought in, so an import is still all or nothing. Earlier imports were
    // one transaction: finished when they were made.
    await sql`ALTER TABLE imports ADD COLUMN completed_at TEXT`.execute(db);
    await sql`UPDATE imports SET completed_at = imported_at`.execute(db);
    await sql`CREATE INDEX people_import ON people (import_id) WHERE import_id IS NOT NULL`.execute(db);

    // vCard's ADR, Google's "Address 1 - …", Outlook's "Business Street": kept as their parts, so an export
    // writes them back as they came. `street` holds the PO box and extended lines too, one per line.
    await sql`
      CREATE TABLE person_addresses (
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        label TEXT,
        street TEXT,
        locality TEXT,
        region TEXT,
        postal_code TEXT,
        country TEXT,
        CHECK (coalesce(street, locality, region, postal_code, country) IS NOT NULL),
        PRIMARY KEY (person_id, position)
      ) WITHOUT ROWID`.execute(db);
    await sql`
      CREATE TABLE person_nicknames (
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        nickname TEXT NOT NULL CHECK (length(trim(nickname)) > 0),
        PRIMARY KEY (person_id, position)
      ) WITHOUT ROWID`.execute(db);
    // IMPP and the older X-AIM, X-SKYPE, X-GTALK…: a service ("Skype") and the handle on it.
    await sql`
      CREATE TABLE person_ims (
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        service TEXT,
        handle TEXT NOT NULL CHECK (length(trim(handle)) > 0),
        label TEXT,
        PRIMARY KEY (person_id, position)
      ) WITHOUT ROWID`.execute(db);
  },
};
