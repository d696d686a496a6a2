import { sql, type Kysely } from 'kysely';
import type { Migration } from './index.js';

// Shipped migrations are history: never edit one, add the next version instead.
// The reciprocity ledger: what was given and received, asked, thanked and promised.
export const reciprocity: Migration = {
  version: 2,
  name: 'reciprocity',
  async up(db: Kysely<unknown>) {
    // Items logged with an interaction go when it is purged (CASCADE); while it sits in the one-slot
    // trash they stay, and every query skips them, so undo brings them back untouched.
    await sql`
      CREATE TABLE exchanges (
        id INTEGER PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('gave', 'received')),
        kind TEXT NOT NULL CHECK (kind IN ('introduction', 'advice', 'information', 'resource', 'referral', 'endorsement', 'help', 'other')),
        description TEXT NOT NULL CHECK (length(trim(description)) > 0),
        occurred_at TEXT NOT NULL,
        interaction_id INTEGER REFERENCES interactions (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`.execute(db);
    await sql`CREATE INDEX exchanges_interaction ON exchanges (interaction_id) WHERE interaction_id IS NOT NULL`.execute(db);
    await sql`
      CREATE TABLE exchange_people (
        exchange_id INTEGER NOT NULL REFERENCES exchanges (id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        PRIMARY KEY (exchange_id, person_id)
      ) WITHOUT ROWID`.execute(db);
    // Balances are per person: start from the person's links.
    await sql`CREATE INDEX exchange_people_person ON exchange_people (person_id, exchange_id)`.execute(db);

    await sql`
      CREATE TABLE asks (
        id INTEGER PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('i-asked', 'they-asked')),
        description TEXT NOT NULL CHECK (length(trim(description)) > 0),
        asked_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fulfilled', 'declined', 'withdrawn')),
        resolved_at TEXT,
        interaction_id INTEGER REFERENCES interactions (id) ON DELETE CASCADE,
        -- The exchange that fulfilled it; the ask stays fulfilled if that exchange is later removed.
        exchange_id INTEGER REFERENCES exchanges (id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`.execute(db);
    await sql`CREATE INDEX asks_interaction ON asks (interaction_id) WHERE interaction_id IS NOT NULL`.execute(db);
    await sql`
      CREATE TABLE ask_people (
        ask_id INTEGER NOT NULL REFERENCES asks (id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        PRIMARY KEY (ask_id, person_id)
      ) WITHOUT ROWID`.execute(db);
    await sql`CREATE INDEX ask_people_person ON ask_people (person_id, ask_id)`.execute(db);

    await sql`
      CREATE TABLE thanks (
        id INTEGER PRIMARY KEY,
        exchange_id INTEGER NOT NULL REFERENCES exchanges (id) ON DELETE CASCADE,
        thanked_at TEXT NOT NULL,
        note TEXT,
        interaction_id INTEGER REFERENCES interactions (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL
      )`.execute(db);
    await sql`CREATE INDEX thanks_exchange ON thanks (exchange_id)`.execute(db);

    // Due and done are calendar days ('YYYY-MM-DD'), not instants: a promise is due on a day wherever I am.
    await sql`
      CREATE TABLE commitments (
        id INTEGER PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('i-owe', 'owed-to-me')),
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        description TEXT NOT NULL CHECK (length(trim(description)) > 0),
        due_on TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
        done_on TEXT CHECK (done_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        interaction_id INTEGER REFERENCES interactions (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`.execute(db);
    await sql`CREATE INDEX commitments_person ON commitments (person_id, status, due_on)`.execute(db);
    await sql`CREATE INDEX commitments_interaction ON commitments (interaction_id) WHERE interaction_id IS NOT NULL`.execute(db);

    // A give-first suggestion put aside: snoozed until a day, or dismissed (snoozed_until NULL) until
    // they help me again after dismissed_at.
    await sql`
      CREATE TABLE give_first_dismissals (
        person_id INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
        dismissed_at TEXT NOT NULL,
        snoozed_until TEXT
      )`.execute(db);
  },
};
