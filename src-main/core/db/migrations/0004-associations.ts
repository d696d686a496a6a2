import { sql, type Kysely } from 'kysely';
import type { Migration } from './index.js';

// Shipped migrations are history: never edit one, add the next version instead.
// Professional associations, the events attended at them, and quarterly attendance goals.
export const associations: Migration = {
  version: 4,
  name: 'associations',
  async up(db: Kysely<unknown>) {
    // The website is kept as text and shown, never fetched: nothing about an association leaves the machine.
    await sql`
      CREATE TABLE associations (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        category TEXT NOT NULL CHECK (category IN ('function', 'industry', 'skill', 'other')),
        website TEXT,
        notes TEXT,
        my_role TEXT CHECK (my_role IN ('member', 'volunteer', 'board', 'speaker')),
        renewal_on TEXT CHECK (renewal_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        status TEXT NOT NULL DEFAULT 'exploring' CHECK (status IN ('exploring', 'shortlisted', 'focus', 'past')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`.execute(db);
    await sql`CREATE UNIQUE INDEX associations_name ON associations (name COLLATE NOCASE)`.execute(db);

    // Goals are history: a row holds from its quarter until the next row's, so a past quarter is judged by
    // the goal that held then, and changing this quarter's goal never rewrites last year's.
    await sql`
      CREATE TABLE attendance_goals (
        association_id INTEGER NOT NULL REFERENCES associations (id) ON DELETE CASCADE,
        from_quarter TEXT NOT NULL CHECK (from_quarter GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
        events INTEGER NOT NULL CHECK (events BETWEEN 0 AND 50),
        set_at TEXT NOT NULL,
        PRIMARY KEY (association_id, from_quarter)
      ) WITHOUT ROWID`.execute(db);

    // An event happens at one association, so a nullable column rather than a link table: the log stays a
    // one-row write, and attendance follows the interaction into the trash and back on undo for free.
    await sql`ALTER TABLE interactions ADD COLUMN association_id INTEGER REFERENCES associations (id) ON DELETE SET NULL`.execute(db);
    await sql`CREATE INDEX interactions_association ON interactions (association_id, occurred_at) WHERE association_id IS NOT NULL`.execute(db);
  },
};
