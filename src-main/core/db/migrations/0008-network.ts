import { sql, type Kysely } from 'kysely';
import type { Migration } from './index.js';

// Shipped migrations are history: never edit one, add the next version instead.
// Who knows whom: links between two people, introductions made and received, and link suggestions put aside.
export const network: Migration = {
  version: 8,
  name: 'network',
  async up(db: Kysely<unknown>) {
    // One row per pair and kind. Symmetric kinds are stored with the lower id first, so "A knows B" and
    // "B knows A" are one row; 'reports-to' keeps its direction (person_a reports to person_b).
    await sql`
      CREATE TABLE person_ties (
        id INTEGER PRIMARY KEY,
        person_a_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        person_b_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('knows', 'works-with', 'reports-to', 'introduced-by-me')),
        since_on TEXT CHECK (since_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        note TEXT,
        source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'suggestion', 'introduction')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (person_a_id <> person_b_id),
        CHECK (kind = 'reports-to' OR person_a_id < person_b_id),
        UNIQUE (person_a_id, person_b_id, kind)
      )`.execute(db);
    // The unique index serves lookups from person_a; this one serves them from person_b.
    await sql`CREATE INDEX person_ties_b ON person_ties (person_b_id, person_a_id)`.execute(db);

    // A co-attendance suggestion answered "no": asked once, never again for that pair (lower id first).
    await sql`
      CREATE TABLE link_dismissals (
        person_a_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        person_b_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        dismissed_at TEXT NOT NULL,
        CHECK (person_a_id < person_b_id),
        PRIMARY KEY (person_a_id, person_b_id)
      ) WITHOUT ROWID`.execute(db);

    // 'made': I introduced person_a to person_b. 'received': introducer_id introduced me to person_a.
    // The give (or receive) it stands for is an ordinary exchange of kind 'introduction', so the reciprocity
    // ledger counts it with no special case; deleting the introduction deletes that exchange with it.
    // The interaction it came from is kept by reference only: trashing that interaction leaves the
    // introduction standing, because the introduction happened whatever became of the note about it.
    await sql`
      CREATE TABLE introductions (
        id INTEGER PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('made', 'received')),
        introducer_id INTEGER REFERENCES people (id) ON DELETE CASCADE,
        person_a_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        person_b_id INTEGER REFERENCES people (id) ON DELETE CASCADE,
        why TEXT,
        introduced_on TEXT NOT NULL CHECK (introduced_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        interaction_id INTEGER REFERENCES interactions (id) ON DELETE SET NULL,
        outcome TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'met', 'helped', 'nothing')),
        outcome_on TEXT CHECK (outcome_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        exchange_id INTEGER REFERENCES exchanges (id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((direction = 'made' AND introducer_id IS NULL AND person_b_id IS NOT NULL AND person_a_id <> person_b_id)
            OR (direction = 'received' AND introducer_id IS NOT NULL AND person_b_id IS NULL AND introducer_id <> person_a_id))
      )`.execute(db);
    await sql`CREATE INDEX introductions_on ON introductions (introduced_on, id)`.execute(db);
  },
};
