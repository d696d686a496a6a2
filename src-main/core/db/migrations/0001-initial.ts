import { sql, type Kysely } from 'kysely';
import type { Migration } from './index.js';

// Shipped migrations are history: never edit one, add the next version instead.
export const initial: Migration = {
  version: 1,
  name: 'initial',
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        organization TEXT,
        role TEXT,
        level TEXT CHECK (level IN ('senior', 'peer', 'junior')),
        inside_org INTEGER CHECK (inside_org IN (0, 1)),
        department TEXT,
        how_we_met TEXT,
        ally_role TEXT CHECK (ally_role IN ('mentor', 'sponsor', 'ally', 'contact', 'gatekeeper')),
        cadence_days INTEGER CHECK (cadence_days > 0),
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`.execute(db);
    await sql`CREATE INDEX people_name ON people (name COLLATE NOCASE)`.execute(db);

    await sql`
      CREATE TABLE person_tags (
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        tag TEXT NOT NULL CHECK (length(tag) > 0),
        PRIMARY KEY (person_id, tag)
      ) WITHOUT ROWID`.execute(db);
    await sql`CREATE INDEX person_tags_tag ON person_tags (tag)`.execute(db);

    await sql`
      CREATE TABLE interactions (
        id INTEGER PRIMARY KEY,
        occurred_at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('meeting', 'call', 'coffee', 'meal', 'event', 'message', 'email', 'other')),
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        notes TEXT NOT NULL DEFAULT '',
        confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
        location TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      )`.execute(db);
    // The timeline walks this index backwards by (occurred_at, id): keyset pagination, no OFFSET scans.
    await sql`
      CREATE INDEX interactions_timeline ON interactions (occurred_at, id)
      WHERE deleted_at IS NULL`.execute(db);

    await sql`
      CREATE TABLE interaction_people (
        interaction_id INTEGER NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        PRIMARY KEY (interaction_id, person_id)
      ) WITHOUT ROWID`.execute(db);
    // A person's own timeline starts from their links.
    await sql`CREATE INDEX interaction_people_person ON interaction_people (person_id, interaction_id)`.execute(db);
  },
};
