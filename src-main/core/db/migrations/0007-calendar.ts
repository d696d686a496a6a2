import { sql, type Kysely } from 'kysely';
import type { Migration } from './index.js';

// Shipped migrations are history: never edit one, add the next version instead.
// Meetings read from the user's own .ics files, what became of each (logged, dismissed, later), the
// user's reminder and calendar choices, and a maximum keep-in-touch cadence beside the ideal one.
export const calendar: Migration = {
  version: 7,
  name: 'calendar',
  async up(db: Kysely<unknown>) {
    // A source is one imported file (by its name) or the one watched path. Files are only ever read.
    await sql`
      CREATE TABLE calendar_sources (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('import', 'watch')),
        name TEXT NOT NULL,
        path TEXT,
        read_at TEXT,
        problem TEXT,
        created_at TEXT NOT NULL,
        CHECK ((kind = 'watch') = (path IS NOT NULL))
      )`.execute(db);
    await sql`CREATE UNIQUE INDEX calendar_sources_name ON calendar_sources (kind, name)`.execute(db);

    // One row per occurrence (a recurring event expanded). Keyed by (source, UID, original start), so a
    // file read again updates each row in place and keeps what the user decided about it. Attendees are
    // JSON: they are only ever read with their occurrence, and matched to people when shown.
    await sql`
      CREATE TABLE calendar_occurrences (
        id INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES calendar_sources (id) ON DELETE CASCADE,
        uid TEXT NOT NULL,
        recurrence_id TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        title TEXT NOT NULL,
        location TEXT,
        conference_url TEXT,
        organizer TEXT,
        attendees TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(attendees)),
        state TEXT CHECK (state IN ('dismissed', 'later')),
        state_at TEXT,
        interaction_id INTEGER REFERENCES interactions (id) ON DELETE SET NULL,
        UNIQUE (source_id, uid, recurrence_id)
      )`.execute(db);
    await sql`CREATE INDEX calendar_occurrences_start ON calendar_occurrences (starts_at)`.execute(db);
    await sql`CREATE INDEX calendar_occurrences_interaction ON calendar_occurrences (interaction_id) WHERE interaction_id IS NOT NULL`.execute(db);

    // The user's own choices kept with the journal (own emails, reminder kinds, quiet hours): JSON values.
    await sql`
      CREATE TABLE preferences (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) WITHOUT ROWID`.execute(db);

    // Keep in touch: cadence_days stays the ideal ("due"); past the maximum a person is overdue.
    await sql`ALTER TABLE people ADD COLUMN cadence_max_days INTEGER CHECK (cadence_max_days BETWEEN 1 AND 3650)`.execute(db);
  },
};
